//! The app's scenario export run by the real binary: `kafka-sim run` on the file
//! the config panel's Export writes reaches the app's offsets, high watermarks
//! and committed offsets at the same simulated time. (The app's reducer is a
//! plain library function, so this test drives it natively; the reverse, the
//! app's tests building this binary, would need a nested cargo.)
#![cfg(not(target_arch = "wasm32"))]

use kafka_sim::command::Command;
use kafka_visualiser::presets::Preset;
use kafka_visualiser::state::{Action, AppState};
use serde_json::Value;
use std::process::Command as Process;
use std::rc::Rc;
use yew::Reducible;

fn steps(s: Rc<AppState>, n: usize) -> Rc<AppState> {
    (0..n).fold(s, |s, _| s.reduce(Action::Step))
}

/// Exports `s` as the panel does, runs `kafka-sim run` on the file and checks
/// its summary (the last line) against the app's.
fn assert_cli_reaches_the_app_state(s: &AppState, name: &str) {
    let s = Rc::new(s.clone()).reduce(Action::ExportScenario);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("app-export");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, &s.scenario_box.json).expect("scratch file");
    let out = Process::new(env!("CARGO_BIN_EXE_kafka-sim")).arg("run").arg(&path).output().expect("the binary runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cli: Value = serde_json::from_str(stdout.lines().last().expect("a summary")).expect("JSON");
    let app = serde_json::to_value(s.summary()).expect("a summary serializes");
    assert_eq!(cli["t_ms"], s.view.time_ms);
    for key in ["partitions", "groups", "producers", "ledger"] {
        assert_eq!(cli[key], app[key], "{key}");
    }
    assert!(app["groups"][0]["offsets"].as_array().unwrap().iter().any(|o| o["committed"].as_u64() > Some(0)));
}

#[test]
fn kafka_sim_run_replays_an_exported_free_play_run() {
    let s = Rc::new(AppState::new(Preset::Default.config(11), Some(Preset::Default)).unwrap());
    let s = steps(s, 15).reduce(Action::AddConsumer);
    let s = steps(s, 10).reduce(Action::Command(Command::KillBroker { broker: 2 }));
    let mut live = (*s.config).clone();
    live.topics[0].config.retention_ms = 4_000;
    live.topics[0].config.segment_bytes = 1024;
    live.groups[0].records_per_s = 2.0;
    let s = steps(s, 20).reduce(Action::ApplyConfig(live));
    let s = steps(s.reduce(Action::AddProducer), 60);
    assert_eq!(s.scenario().script.len(), 5, "{:?}", s.scenario().script);
    assert_cli_reaches_the_app_state(&s, "free.json");
}

#[test]
fn kafka_sim_run_replays_a_run_continued_from_a_lesson() {
    let s = Rc::new(AppState::new(Preset::Default.config(1), None).unwrap());
    // Chapter 3's fifth step isolates broker 3; play 2 s of it, then explore.
    let s = s.reduce(Action::OpenLesson { id: "ch3", step: 4 }).reduce(Action::PlayStep);
    let s = s.reduce(Action::Advance(20)).reduce(Action::FreePlay);
    let s = steps(s.reduce(Action::AddGroup), 30);
    assert!(s.scenario().script.len() >= 2, "{:?}", s.scenario().script);
    assert_cli_reaches_the_app_state(&s, "lesson.json");
}
