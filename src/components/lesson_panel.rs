//! The course: the lesson panel (narration, the question, the verdict and the
//! reveal, navigation) and the lesson picker with per-chapter progress. Both
//! draw copied-out data (`LessonView`, `Progress`) and send actions.

use crate::components::nodes::{el, el_id};
use crate::i18n::strings;
use crate::lesson_view::{LessonView, Phase, Progress};
use crate::state::Action;
use crate::ui::use_ui;
use kafka_sim::course;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    pub lesson: Rc<LessonView>,
    /// Simulated seconds into the step (shown while it plays).
    pub t_ms: u64,
}

#[component]
pub fn LessonPanel(props: &LessonPanelProps) -> Html {
    let ui = use_ui();
    let (lang, s) = (ui.lang, strings(ui.lang));
    let l = &*props.lesson;
    let asking = l.phase == Phase::Asking;
    let revealed = l.phase == Phase::Revealed;
    let choices = l.choices.iter().enumerate().map(|(k, c)| {
        let mut class = String::from("choice");
        if l.answer == Some(k) {
            class.push_str(" choice--picked");
        }
        if revealed && l.correct == Some(k) {
            class.push_str(" choice--right");
        } else if revealed && l.answer == Some(k) {
            class.push_str(" choice--wrong");
        }
        let mark = match (revealed && l.correct == Some(k), l.answer == Some(k)) {
            (true, true) => format!(" ✓ {} · {}", s.lesson_your_answer, s.lesson_right_answer),
            (true, false) => format!(" ✓ {}", s.lesson_right_answer),
            (false, true) => format!(" · {}", s.lesson_your_answer),
            _ => String::new(),
        };
        html! {
            <li>
                <button {class} data-testid={format!("lesson-choice-{}", k + 1)} disabled={!asking}
                    aria-pressed={(l.answer == Some(k)).to_string()} onclick={ui.reform(move |_: MouseEvent| Action::Answer(k))}>
                    <span class="choice__key">{ k + 1 }</span>{ rich(c.get(lang)) }{ mark }
                </button>
            </li>
        }
    });
    let verdict = revealed.then(|| match l.verdict() {
        Some(right) => html! {
            <p class={if right { "verdict verdict--right" } else { "verdict verdict--wrong" }} role="status"
                data-testid="lesson-verdict" data-correct={right.to_string()}>
                { if right { s.lesson_right } else { s.lesson_wrong } }
            </p>
        },
        None if l.prompt.is_some() => el("p", "verdict", s.lesson_skipped.into()),
        None => Html::default(),
    });
    let status = match l.phase {
        Phase::Ready => html! {
            <button class="btn btn--primary" data-testid="lesson-play" onclick={ui.reform(|_: MouseEvent| Action::PlayStep)}>
                { s.lesson_play }
            </button>
        },
        Phase::Playing => html! {
            <p class="lesson__status" role="status">
                { format!("{} t = {} s ", s.lesson_playing, props.t_ms / 1000) }
                <button class="btn btn--small" data-testid="lesson-skip" onclick={ui.reform(|_: MouseEvent| Action::PlayStep)}>
                    { s.lesson_skip }
                </button>
            </p>
        },
        Phase::Asking => el("p", "lesson__hint", s.lesson_choose.into()),
        Phase::Revealed => Html::default(),
    };
    let next_label = if l.is_last() { s.lesson_next_chapter } else { s.lesson_next };
    let last_chapter = l.is_last() && course::lessons().last().map(|e| e.id) == Some(l.id);
    html! {
        <section class="lesson" data-testid="lesson" data-lesson={l.id} data-step={(l.step + 1).to_string()}
            data-steps={l.steps.to_string()} data-phase={phase_name(l.phase)} aria-labelledby="lesson-title">
            <p class="lesson__where">
                { format!("{} · {} {} {} {}", l.title.get(lang), s.lesson_step, l.step + 1, s.lesson_of, l.steps) }
            </p>
            <h2 id="lesson-title" class="lesson__title">{ l.step_title.get(lang).to_string() }</h2>
            { el_id("p", "lesson__narration", "lesson-narration".into(), rich(l.narration.get(lang))) }
            if let Some(prompt) = &l.prompt {
                <div class="lesson__question" role="group" aria-labelledby="lesson-prompt">
                    <p id="lesson-prompt" class="lesson__prompt">{ rich(prompt.get(lang)) }</p>
                    <ol class="choices">{ for choices }</ol>
                </div>
            }
            { status }
            { verdict.unwrap_or_default() }
            if let Some(reveal) = &l.reveal {
                { el_id("p", "lesson__reveal", "lesson-reveal".into(), rich(reveal.get(lang))) }
            }
            <nav class="lesson__nav">
                <button class="btn" data-testid="lesson-back" disabled={l.step == 0}
                    onclick={ui.reform(|_: MouseEvent| Action::BackStep)}>{ s.lesson_back }</button>
                <button class="btn" data-testid="lesson-retry" onclick={ui.reform(|_: MouseEvent| Action::RetryStep)}>
                    { s.lesson_retry }
                </button>
                <button class="btn" data-testid="lesson-free" title={s.lesson_free_title}
                    onclick={ui.reform(|_: MouseEvent| Action::FreePlay)}>{ s.lesson_free }</button>
                <button class="btn btn--primary" data-testid="lesson-next" disabled={last_chapter && revealed}
                    onclick={ui.reform(|_: MouseEvent| Action::NextStep)}>{ next_label }</button>
            </nav>
        </section>
    }
}

/// A lesson text's pieces: plain, and `code` between backticks (config names,
/// commands, error codes). An unmatched backtick stays as written.
pub fn code_spans(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let Some(len) = rest[open + 1..].find('`') else { break };
        if open > 0 {
            out.push((false, &rest[..open]));
        }
        out.push((true, &rest[open + 1..open + 1 + len]));
        rest = &rest[open + 2 + len..];
    }
    if !rest.is_empty() {
        out.push((false, rest));
    }
    out
}

/// A lesson text with its code spans as `<code>`.
fn rich(text: &str) -> Html {
    html! {
        { for code_spans(text).into_iter().map(|(code, t)| if code {
            html! { <code>{ t.to_string() }</code> }
        } else {
            Html::from(t.to_string())
        }) }
    }
}

fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::Ready => "ready",
        Phase::Asking => "asking",
        Phase::Playing => "playing",
        Phase::Revealed => "revealed",
    }
}

#[derive(Properties, PartialEq)]
pub struct LessonPickerProps {
    pub progress: Rc<Progress>,
    /// The open lesson, if any (marked in the list).
    pub current: Option<&'static str>,
}

#[component]
pub fn LessonPicker(props: &LessonPickerProps) -> Html {
    let ui = use_ui();
    let (lang, s) = (ui.lang, strings(ui.lang));
    let items = course::lessons().iter().map(|e| {
        let done = props.progress.done(e.id);
        let id = e.id;
        let current = props.current == Some(id);
        html! {
            <li class={if current { "picker__item picker__item--current" } else { "picker__item" }}>
                <button class="picker__open" data-testid={format!("lesson-open-{id}")} aria-current={current.then_some("step")}
                    onclick={ui.reform(move |_: MouseEvent| Action::OpenLesson { id, step: 0 })}>
                    <span class="picker__chapter">{ format!("{} {}", s.lesson_chapter, &id[2..]) }</span>
                    { e.title.get(lang) }
                </button>
                <progress class="picker__progress" max={e.steps.len().to_string()} value={done.to_string()}
                    aria-label={format!("{done}/{} {}", e.steps.len(), s.lesson_done)} />
                { el("span", "picker__count", format!("{done}/{}", e.steps.len()).into()) }
            </li>
        }
    });
    html! {
        <section class="picker" data-testid="lesson-picker" aria-labelledby="picker-title">
            <h2 id="picker-title">{ s.lesson_pick }</h2>
            { el("p", "picker__intro", s.lesson_picker_intro.into()) }
            <ol class="picker__list">{ for items }</ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::code_spans;

    #[test]
    fn backticks_mark_code() {
        assert_eq!(
            code_spans("set `acks=all` and `min.insync.replicas=2` now"),
            vec![
                (false, "set "),
                (true, "acks=all"),
                (false, " and "),
                (true, "min.insync.replicas=2"),
                (false, " now")
            ]
        );
        assert_eq!(code_spans("`x`"), vec![(true, "x")]);
        assert_eq!(code_spans("no code"), vec![(false, "no code")]);
        assert_eq!(code_spans("one ` tick"), vec![(false, "one ` tick")]);
    }
}
