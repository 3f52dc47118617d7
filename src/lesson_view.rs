//! What the lesson panel shows, copied out of the engine's `course::Player`
//! after every change (both languages, so switching language needs no engine),
//! and the learner's progress through the course. Pure, tested natively.

use kafka_sim::course::{Player, Spot};
use kafka_sim::Lang;
use std::collections::{BTreeMap, BTreeSet};

/// A text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Both {
    pub en: String,
    pub ko: String,
}

impl Both {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.ko)
    }

    fn of(f: impl Fn(Lang) -> String) -> Both {
        Both { en: f(Lang::En), ko: f(Lang::Ko) }
    }
}

/// Where the learner is within a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// A step without a question, not played yet.
    Ready,
    /// The question is open: the step plays once the learner answers.
    Asking,
    Playing,
    /// The step has played; the reveal (and the verdict) are shown.
    Revealed,
}

impl Phase {
    /// Where the player's current step stands.
    pub fn of(player: &Player, answer: Option<usize>, playing: bool) -> Phase {
        if player.done() {
            Phase::Revealed
        } else if playing {
            Phase::Playing
        } else if player.step().question.is_some() && answer.is_none() {
            Phase::Asking
        } else {
            Phase::Ready
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LessonView {
    pub id: &'static str,
    pub title: Both,
    /// From 0.
    pub step: usize,
    pub steps: usize,
    pub step_title: Both,
    pub narration: Both,
    pub prompt: Option<Both>,
    pub choices: Vec<Both>,
    /// The learner's choice, from 0.
    pub answer: Option<usize>,
    /// The choice the run made right, from 0 (known once the step has played).
    pub correct: Option<usize>,
    pub reveal: Option<Both>,
    pub spotlight: Vec<Spot>,
    pub phase: Phase,
}

impl LessonView {
    /// The panel's data for the player's current step.
    pub fn of(player: &Player, answer: Option<usize>, playing: bool) -> LessonView {
        let lesson = player.lesson();
        let step = player.step();
        let question = |lang| player.question(lang);
        let (prompt, choices) = match (question(Lang::En), question(Lang::Ko)) {
            (Some((pe, ce)), Some((pk, ck))) => {
                (Some(Both { en: pe, ko: pk }), ce.into_iter().zip(ck).map(|(en, ko)| Both { en, ko }).collect())
            }
            _ => (None, Vec::new()),
        };
        let phase = Phase::of(player, answer, playing);
        LessonView {
            id: lesson.id,
            title: Both { en: lesson.title.en.into(), ko: lesson.title.ko.into() },
            step: player.step_index(),
            steps: lesson.steps.len(),
            step_title: Both { en: step.title.en.into(), ko: step.title.ko.into() },
            narration: Both::of(|l| player.narration(l)),
            prompt,
            choices,
            answer,
            correct: player.outcome().and_then(|o| o.correct),
            reveal: player.done().then(|| Both::of(|l| player.reveal(l).unwrap_or_default())),
            spotlight: step.spotlight.to_vec(),
            phase,
        }
    }

    /// Whether this view still shows the player's step as it stands (then the
    /// texts need not be rendered again: a playing step ticks ten times a second).
    pub fn shows(&self, player: &Player, answer: Option<usize>, playing: bool) -> bool {
        self.id == player.lesson().id
            && self.step == player.step_index()
            && self.answer == answer
            && self.phase == Phase::of(player, answer, playing)
    }

    /// Whether the learner's answer was right (once revealed).
    pub fn verdict(&self) -> Option<bool> {
        match (self.phase, self.answer, self.correct) {
            (Phase::Revealed, Some(a), Some(c)) => Some(a == c),
            _ => None,
        }
    }

    pub fn is_last(&self) -> bool {
        self.step + 1 >= self.steps
    }
}

/// Steps played to the reveal, per lesson (kept in local storage when the
/// browser allows it, as `ch2:1,2,3;ch3:1`; steps from 1).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress(BTreeMap<String, BTreeSet<usize>>);

impl Progress {
    /// Reads the stored form; anything unreadable is skipped, never an error
    /// (storage is the learner's and may hold an older format).
    pub fn parse(s: &str) -> Progress {
        let mut p = Progress::default();
        for part in s.split(';') {
            let Some((id, steps)) = part.split_once(':') else { continue };
            if id.is_empty() || id.len() > 16 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
                continue;
            }
            let set: BTreeSet<usize> =
                steps.split(',').filter_map(|n| n.parse().ok()).filter(|n| (1..=64).contains(n)).collect();
            if !set.is_empty() {
                p.0.insert(id.to_string(), set);
            }
        }
        p
    }

    /// Marks step `step` (from 0) of `lesson` done.
    pub fn mark(&mut self, lesson: &str, step: usize) {
        self.0.entry(lesson.to_string()).or_default().insert(step + 1);
    }

    /// How many steps of `lesson` are done.
    pub fn done(&self, lesson: &str) -> usize {
        self.0.get(lesson).map_or(0, BTreeSet::len)
    }

    pub fn is_done(&self, lesson: &str, step: usize) -> bool {
        self.0.get(lesson).is_some_and(|s| s.contains(&(step + 1)))
    }
}

impl std::fmt::Display for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|(id, steps)| format!("{id}:{}", steps.iter().map(usize::to_string).collect::<Vec<_>>().join(",")))
            .collect();
        f.write_str(&parts.join(";"))
    }
}

/// Where progress is kept in local storage.
#[cfg(target_arch = "wasm32")]
const PROGRESS_KEY: &str = "kafka-visualiser.progress";

/// The stored progress; empty when storage is unavailable (private mode, a
/// sandboxed iframe) or holds nothing.
#[cfg(target_arch = "wasm32")]
pub fn load_progress() -> Progress {
    let stored = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|st| st.get_item(PROGRESS_KEY).ok().flatten());
    stored.map_or_else(Progress::default, |s| Progress::parse(&s))
}

/// Stores progress when the browser allows it; silently not otherwise (the
/// course still works, it only forgets on reload).
#[cfg(target_arch = "wasm32")]
pub fn save_progress(p: &Progress) {
    if let Some(st) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = st.set_item(PROGRESS_KEY, &p.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::course;

    #[test]
    fn a_question_step_asks_then_plays_then_reveals() {
        let lesson = course::lesson("ch2").unwrap();
        let k = lesson.steps.iter().position(|s| s.question.is_some()).unwrap();
        let mut p = Player::open(lesson, k).unwrap();
        let v = LessonView::of(&p, None, false);
        assert_eq!((v.phase, v.step, v.steps), (Phase::Asking, k, lesson.steps.len()));
        assert!(v.prompt.is_some() && v.choices.len() >= 2 && v.reveal.is_none() && v.correct.is_none());
        assert!(!v.narration.ko.is_empty() && v.narration.en != v.narration.ko);
        assert_eq!(LessonView::of(&p, Some(0), true).phase, Phase::Playing);
        p.finish();
        let v = LessonView::of(&p, Some(0), false);
        assert_eq!(v.phase, Phase::Revealed);
        let c = v.correct.expect("the run decides");
        assert_eq!(v.verdict(), Some(c == 0));
        assert!(v.reveal.as_ref().is_some_and(|r| !r.en.contains('{')));
    }

    #[test]
    fn a_step_without_a_question_is_ready() {
        let lesson = course::lesson("ch2").unwrap();
        let k = lesson.steps.iter().position(|s| s.question.is_none()).unwrap();
        let p = Player::open(lesson, k).unwrap();
        let v = LessonView::of(&p, None, false);
        assert_eq!((v.phase, v.verdict()), (Phase::Ready, None));
    }

    #[test]
    fn progress_round_trips_and_ignores_junk() {
        let mut p = Progress::default();
        p.mark("ch2", 0);
        p.mark("ch2", 2);
        p.mark("ch3", 0);
        assert_eq!(p.to_string(), "ch2:1,3;ch3:1");
        assert_eq!(Progress::parse(&p.to_string()), p);
        assert_eq!((p.done("ch2"), p.done("ch4")), (2, 0));
        assert!(p.is_done("ch2", 2) && !p.is_done("ch2", 1));
        let junk = Progress::parse("ch2:1,x,999;<script>:1;;ch5:;ch6:2");
        assert_eq!(junk.to_string(), "ch2:1;ch6:2");
    }
}
