//! `kafka-sim lesson`: the course's lessons played headless, as the app plays
//! them: every step's narration, question, the choice the engine made right,
//! the reveal and the measured facts.

use crate::{io_err, Failure};
use kafka_sim::course::{self, Player, Value};
use kafka_sim::Lang;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct StepOut {
    lesson: &'static str,
    /// From 1, as the app's `data-step`.
    step: usize,
    steps: usize,
    title: &'static str,
    narration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    choices: Vec<String>,
    /// The right choice, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    correct: Option<usize>,
    reveal: String,
    facts: Vec<(&'static str, serde_json::Value)>,
    t_ms: u64,
}

pub fn run(out: &mut impl Write, id: Option<&str>, json: bool, lang: Lang) -> Result<(), Failure> {
    let lessons = course::lessons();
    let Some(id) = id else {
        for l in lessons {
            writeln!(out, "{}  {} ({} steps)", l.id, l.title.get(lang), l.steps.len()).map_err(io_err)?;
        }
        return Ok(());
    };
    let ids: Vec<&str> = lessons.iter().map(|l| l.id).collect();
    let lesson = lessons
        .iter()
        .find(|l| l.id == id)
        .ok_or_else(|| Failure::BadInput(format!("no lesson {id:?}: use one of {}", ids.join(", "))))?;
    for k in 0..lesson.steps.len() {
        let mut p = Player::open(lesson, k).map_err(|e| Failure::BadInput(e.message(lang)))?;
        p.finish();
        let (question, choices) = p.question(lang).map_or((None, Vec::new()), |(q, c)| (Some(q), c));
        let o = p.outcome().expect("finished");
        let s = StepOut {
            lesson: lesson.id,
            step: k + 1,
            steps: lesson.steps.len(),
            title: p.step().title.get(lang),
            narration: p.narration(lang),
            question,
            choices,
            correct: o.correct.map(|c| c + 1),
            reveal: p.reveal(lang).unwrap_or_default(),
            facts: o.facts.0.iter().map(|(n, v)| (*n, json_value(v))).collect(),
            t_ms: p.cluster().time_ms(),
        };
        if json {
            let text = serde_json::to_string(&s).map_err(|e| Failure::BadInput(e.to_string()))?;
            writeln!(out, "{text}").map_err(io_err)?;
        } else {
            writeln!(out, "## {}/{} {}\n{}", s.step, s.steps, s.title, s.narration).map_err(io_err)?;
            if let Some(q) = &s.question {
                writeln!(out, "? {q}").map_err(io_err)?;
                for (i, c) in s.choices.iter().enumerate() {
                    let mark = if s.correct == Some(i + 1) { "*" } else { " " };
                    writeln!(out, "  {mark}{}. {c}", i + 1).map_err(io_err)?;
                }
            }
            writeln!(out, "= {}\n", s.reveal).map_err(io_err)?;
        }
    }
    Ok(())
}

fn json_value(v: &Value) -> serde_json::Value {
    match v {
        Value::Int(n) => (*n).into(),
        Value::Bool(b) => (*b).into(),
        Value::Word(w) => w.clone().into(),
        Value::None => serde_json::Value::Null,
    }
}
