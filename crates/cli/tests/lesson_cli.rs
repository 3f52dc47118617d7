//! `kafka-sim lesson` through the real binary: the course played headless, as
//! the app plays it (the CLI contract for lessons).
// These tests run the native binary; there is nothing to run on wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kafka-sim")).args(args).output().expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn without_an_id_it_lists_every_chapter() {
    let (code, out, err) = run(&["lesson"]);
    assert_eq!(code, Some(0), "{err}");
    let ids: Vec<&str> = out.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(ids, ["ch1", "ch2", "ch3", "ch4", "ch5", "ch6"], "{out}");
    let (_, ko, _) = run(&["--lang", "ko", "lesson"]);
    assert!(ko.contains("토픽"), "{ko}");
}

/// Each step is one JSON object; a question's `correct` names one of its
/// choices (from 1), and the reveal holds no unfilled slot.
#[test]
fn json_steps_carry_the_runs_answers() {
    for id in ["ch1", "ch2", "ch3", "ch4", "ch5", "ch6"] {
        let (code, out, err) = run(&["lesson", id, "--json"]);
        assert_eq!(code, Some(0), "{id}: {err}");
        let steps: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert!(steps.len() >= 5, "{id}");
        let mut last_t = 0;
        for (k, s) in steps.iter().enumerate() {
            assert_eq!(s["lesson"], id);
            assert_eq!(s["step"], k + 1);
            assert_eq!(s["steps"], steps.len());
            let t = s["t_ms"].as_u64().unwrap();
            assert!(t > last_t, "{id} step {}: time moves on", k + 1);
            last_t = t;
            assert!(!s["reveal"].as_str().unwrap().contains('{'), "{s}");
            if let Some(choices) = s["choices"].as_array() {
                let c = s["correct"].as_u64().expect("a question has a right choice") as usize;
                assert!((1..=choices.len()).contains(&c), "{s}");
            } else {
                assert!(s.get("correct").is_none());
            }
        }
    }
}

#[test]
fn an_unknown_lesson_is_refused_with_the_known_ids() {
    let (code, out, err) = run(&["lesson", "ch9"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("ch9") && err.contains("ch1, ch2, ch3, ch4, ch5, ch6"), "{err}");
}

/// The same lesson twice gives the same bytes (same seed, same commands).
#[test]
fn lessons_are_deterministic() {
    assert_eq!(run(&["lesson", "ch3", "--json"]).1, run(&["lesson", "ch3", "--json"]).1);
}
