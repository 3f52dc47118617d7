//! Runs the real `kafka-sim` binary.

use std::process::Command;

fn kafka_sim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kafka-sim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn version_prints_name_and_version() {
    let out = kafka_sim(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("kafka-sim {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn help_describes_the_tool() {
    let out = kafka_sim(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Usage: kafka-sim"), "{text}");
}

#[test]
fn unknown_flag_exits_2_without_panicking() {
    let out = kafka_sim(&["--bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--bogus"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
