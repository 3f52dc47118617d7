//! The course: chapters as guided lessons that ask the learner to predict, then
//! let the engine answer. A lesson is data: a starting configuration (with its
//! seed) and steps. A step has narration, commands at simulated times relative
//! to the step's start, the entities to spotlight, the facts to measure and,
//! optionally, a question whose correct choice is the one whose value equals a
//! fact measured on the run, never a constant typed into the lesson.
//!
//! [`Player`] runs a lesson: opening step `k` replays steps `0..k` from the seed
//! (same seed, same commands, same state: "back" and "retry" are exact), then
//! plays step `k` tick by tick so the app can animate it, and measures the
//! step's facts at its start and at its end. Templates in narration, choices
//! and reveals name facts as `{name}`, or `{name:이}` for the name followed by
//! the right Korean particle ([`crate::josa`]).
//!
//! Content lives in one file per chapter (`ch2.rs` ...); texts are the
//! lessons' own (the engine's event and error prose stays in [`crate::text`]).

mod ch1;
mod ch2;
mod ch3;
mod ch4;
mod ch5;
mod ch6;
mod probe;

pub use ch1::{Link, Protocol, Side, System, Via, Wiring, KAFKA};
pub use probe::{Probe, TrafficField, Value, WindowField};

use crate::command::Command;
use crate::config::ClusterConfig;
use crate::error::SimError;
use crate::event::{Event, EventKind};
use crate::josa::{self, Particle};
use crate::scenario::Runner;
use crate::text::Lang;
use crate::Cluster;
use std::rc::Rc;
use std::sync::OnceLock;

/// A text in both languages; may hold `{fact}` / `{fact:particle}` slots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub en: &'static str,
    pub ko: &'static str,
}

/// Shorthand for lesson files.
pub const fn t(en: &'static str, ko: &'static str) -> Text {
    Text { en, ko }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.ko)
    }
}

/// One lesson (a chapter of the course).
#[derive(Clone, Debug)]
pub struct Lesson {
    /// `ch2` ... `ch6`: the URL's `?lesson=` and the test hooks' id.
    pub id: &'static str,
    pub title: Text,
    pub config: ClusterConfig,
    pub steps: &'static [Step],
}

/// What a step highlights on the stage (everything else dims).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spot {
    Producer(&'static str),
    Partitioner,
    Broker(u32),
    Partition {
        topic: &'static str,
        partition: u32,
    },
    Group(&'static str),
    /// Instead of the cluster, a diagram of systems wired point to point or
    /// through Kafka (chapter 1).
    Systems(&'static Wiring),
}

/// When a fact is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum At {
    /// When the step opens, before anything of it runs (the question's "before").
    Start,
    /// After the step has played.
    End,
}

/// A number or word measured on the run, for templates and answers.
#[derive(Clone, Debug)]
pub struct Fact {
    pub name: &'static str,
    pub at: At,
    pub probe: Probe,
}

pub const fn fact(name: &'static str, at: At, probe: Probe) -> Fact {
    Fact { name, at, probe }
}

/// A question asked before the step plays.
#[derive(Clone, Debug)]
pub struct Question {
    pub prompt: Text,
    /// The fact that answers it.
    pub answer: &'static str,
    /// 2 to 4 choices; exactly one must equal the answer on the run (the
    /// lesson tests check this for every question).
    pub choices: &'static [Choice],
}

#[derive(Clone, Debug)]
pub struct Choice {
    pub text: Text,
    pub value: Expect,
}

/// What a choice claims the answer will be.
#[derive(Clone, Debug, PartialEq)]
pub enum Expect {
    /// Equal to another fact of the step (e.g. "the log start offset").
    Fact(&'static str),
    /// Different from another fact of the step ("it moves elsewhere").
    NotFact(&'static str),
    Int(i64),
    Bool(bool),
    Word(&'static str),
}

#[derive(Clone, Debug)]
pub struct Step {
    pub title: Text,
    /// Shown when the step opens; may use [`At::Start`] facts.
    pub narration: Text,
    /// Commands at simulated ms after the step's start. A function, so that a
    /// step (and a lesson's steps) can be a constant: commands hold `String`s.
    pub script: fn() -> Vec<(u64, Command)>,
    /// How long the step plays, in simulated ms.
    pub play_ms: u64,
    // Spotlight, facts and choices are constant (`const { &[...] }` in the
    // lesson files): they ship as data, not as code that builds them (~22 KB
    // less wasm).
    pub spotlight: &'static [Spot],
    pub facts: &'static [Fact],
    pub question: Option<Question>,
    /// Shown after the step has played; may use every fact.
    pub reveal: Text,
}

/// The facts of a step, in the order the step lists them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts(pub Vec<(&'static str, Value)>);

impl Facts {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// `template` with every `{name}` / `{name:particle}` slot filled. A slot
    /// naming no fact is left as written (the lesson tests reject that).
    pub fn render(&self, template: &str, lang: Lang) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('}') else { break };
            let slot = &rest[open + 1..open + close];
            let (name, particle) = match slot.split_once(':') {
                Some((n, p)) => (n, Particle::parse(p)),
                None => (slot, None),
            };
            match self.get(name) {
                Some(v) => {
                    let word = v.text(lang);
                    out.push_str(&word);
                    if let Some(p) = particle {
                        out.push_str(josa::particle(&word, p));
                    }
                }
                None => out.push_str(&rest[open..=open + close]),
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// A step after it has played.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub facts: Facts,
    /// Index of the choice that equals the answer, if the step asks.
    pub correct: Option<usize>,
}

/// Plays one lesson step by step. The app holds one while a lesson is open; the
/// tests and the CLI use it the same way.
#[derive(Clone, Debug)]
pub struct Player {
    /// Lessons are built once ([`lessons`]): a player (and its clones) borrows one.
    lesson: &'static Lesson,
    step: usize,
    runner: Runner,
    start_ms: u64,
    start: Facts,
    /// Events of the current step (probes such as the first offset read and
    /// refused commands look at them).
    events: Vec<Rc<Event>>,
    outcome: Option<Outcome>,
}

impl Player {
    /// Opens step `step` (from 0): replays the steps before it from the seed and
    /// stops at the step's start.
    pub fn open(lesson: &'static Lesson, step: usize) -> Result<Player, SimError> {
        let step = step.min(lesson.steps.len().saturating_sub(1));
        let cluster = Cluster::new(lesson.config.clone())?;
        let mut t = 0;
        let mut runner = Runner::with_script(cluster, Vec::new());
        for s in &lesson.steps[..step] {
            runner.set_script(shifted((s.script)(), t));
            t += s.play_ms;
            runner.run_until(t);
            runner.cluster.drain_events();
        }
        runner.set_script(shifted((lesson.steps[step].script)(), t));
        let mut player =
            Player { lesson, step, runner, start_ms: t, start: Facts::default(), events: Vec::new(), outcome: None };
        player.start = player.measure(At::Start);
        Ok(player)
    }

    pub fn lesson(&self) -> &'static Lesson {
        self.lesson
    }

    pub fn step_index(&self) -> usize {
        self.step
    }

    /// The open step and how many of its commands were applied: changes
    /// exactly when [`Player::commands_so_far`] does (cheap to compare).
    pub fn progress(&self) -> (usize, usize) {
        (self.step, self.runner.applied())
    }

    pub fn step(&self) -> &Step {
        &self.lesson.steps[self.step]
    }

    pub fn cluster(&self) -> &Cluster {
        &self.runner.cluster
    }

    /// The simulated time at which this step ends.
    pub fn end_ms(&self) -> u64 {
        self.start_ms + self.step().play_ms
    }

    pub fn done(&self) -> bool {
        self.outcome.is_some()
    }

    /// Plays one engine tick of the step (applying the commands that are due)
    /// and returns its events for the app to show. When the step's time is up
    /// the end facts are measured; further calls return nothing.
    pub fn tick(&mut self) -> Vec<Rc<Event>> {
        if self.done() {
            return Vec::new();
        }
        let next = self.runner.cluster.time_ms() + self.runner.cluster.config().step_ms;
        self.runner.run_until(next.min(self.end_ms()));
        // Shared, not copied: the probes keep the few kinds they read, the
        // caller gets them all (a tick can carry hundreds of record-level events).
        let events: Vec<Rc<Event>> = self.runner.cluster.drain_events().into_iter().map(Rc::new).collect();
        self.events.extend(events.iter().filter(|e| probe::keeps(&e.kind)).cloned());
        if self.runner.cluster.time_ms() >= self.end_ms() {
            self.finish();
        }
        events
    }

    /// Plays the rest of the step at once and returns its outcome.
    pub fn finish(&mut self) -> &Outcome {
        while self.outcome.is_none() && self.runner.cluster.time_ms() < self.end_ms() {
            self.tick();
        }
        if self.outcome.is_none() {
            let mut facts = self.start.clone();
            facts.0.extend(self.measure(At::End).0);
            let correct = self.step().question.as_ref().and_then(|q| correct_choice(q, &facts));
            self.outcome = Some(Outcome { facts, correct });
        }
        self.outcome.as_ref().expect("set above")
    }

    /// Moves on to the next step without replaying: plays the rest of this step
    /// first, then opens the next one on the cluster as it is (the same state
    /// [`Player::open`] would replay to). `false` on the last step.
    pub fn next_step(&mut self) -> bool {
        if self.step + 1 >= self.lesson.steps.len() {
            return false;
        }
        self.finish();
        let t = self.end_ms();
        self.runner.cluster.drain_events();
        self.step += 1;
        self.runner.set_script(shifted((self.lesson.steps[self.step].script)(), t));
        self.start_ms = t;
        self.events.clear();
        self.outcome = None;
        self.start = self.measure(At::Start);
        true
    }

    /// Every command the lesson has applied so far, with its simulated time:
    /// with the lesson's configuration, a scenario that replays this run.
    pub fn commands_so_far(&self) -> Vec<(u64, Command)> {
        let mut t = 0;
        let mut out = Vec::new();
        for s in &self.lesson.steps[..self.step] {
            out.extend(shifted((s.script)(), t));
            t += s.play_ms;
        }
        // The open step's commands the runner has applied: at its start, before
        // the first tick, none yet (even those due at time 0).
        let mut current = shifted((self.step().script)(), t);
        current.sort_by_key(|(at, _)| *at);
        current.truncate(self.runner.applied());
        out.extend(current);
        out
    }

    /// Leaves the lesson with the cluster as it is ("free play").
    pub fn into_cluster(self) -> Cluster {
        self.runner.cluster
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// The narration with its start facts filled in.
    pub fn narration(&self, lang: Lang) -> String {
        self.start.render(self.step().narration.get(lang), lang)
    }

    /// The question's prompt and choices with their start facts filled in.
    pub fn question(&self, lang: Lang) -> Option<(String, Vec<String>)> {
        let q = self.step().question.as_ref()?;
        let choices = q.choices.iter().map(|c| self.start.render(c.text.get(lang), lang)).collect();
        Some((self.start.render(q.prompt.get(lang), lang), choices))
    }

    /// The reveal, once the step has played.
    pub fn reveal(&self, lang: Lang) -> Option<String> {
        let o = self.outcome.as_ref()?;
        Some(o.facts.render(self.step().reveal.get(lang), lang))
    }

    fn measure(&self, at: At) -> Facts {
        let cluster = &self.runner.cluster;
        let view = cluster.view();
        let facts = self.step().facts.iter().filter(|f| f.at == at);
        Facts(facts.map(|f| (f.name, f.probe.measure(cluster, &view, &self.events))).collect())
    }
}

/// The one choice whose claim equals the answer fact; `None` when no choice
/// or several do (a broken lesson: the tests reject it).
pub fn correct_choice(q: &Question, facts: &Facts) -> Option<usize> {
    let answer = facts.get(q.answer)?;
    let hits: Vec<usize> = q
        .choices
        .iter()
        .enumerate()
        .filter(|(_, c)| match &c.value {
            Expect::Fact(name) => facts.get(name) == Some(answer),
            Expect::NotFact(name) => facts.get(name).is_some_and(|v| v != answer),
            Expect::Int(n) => *answer == Value::Int(*n),
            Expect::Bool(b) => *answer == Value::Bool(*b),
            Expect::Word(w) => *answer == Value::Word((*w).to_string()),
        })
        .map(|(i, _)| i)
        .collect();
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

fn shifted(mut script: Vec<(u64, Command)>, by: u64) -> Vec<(u64, Command)> {
    for (t, _) in &mut script {
        *t += by;
    }
    script
}

/// Whether any event of a step is a refused command (a probe helper).
pub(crate) fn refused(events: &[Rc<Event>]) -> Option<&EventKind> {
    events.iter().map(|e| &e.kind).find(|k| matches!(k, EventKind::Rejected { .. }))
}

/// Every lesson of the course, in chapter order, built on first use and kept:
/// the lessons are constant data, and building them is a large function that
/// should run once, not on every lookup (`OnceLock` also works on wasm32,
/// which has one thread).
pub fn lessons() -> &'static [Lesson] {
    static LESSONS: OnceLock<Vec<Lesson>> = OnceLock::new();
    LESSONS
        .get_or_init(|| vec![ch1::lesson(), ch2::lesson(), ch3::lesson(), ch4::lesson(), ch5::lesson(), ch6::lesson()])
}

/// The lesson with this id (`ch1` ... `ch6`).
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    lessons().iter().find(|l| l.id == id)
}

#[cfg(test)]
mod tests;
