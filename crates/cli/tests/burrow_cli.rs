//! `kafka-sim burrow [--group]` through the real binary (the CLI contract).
// These tests run the native binary; there is nothing to run on wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Stdio};

fn burrow(args: &[&str], stdin: &str) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kafka-sim"))
        .arg("burrow")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn field<'a>(json: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    json.get(key).unwrap_or_else(|| panic!("no {key} in {json}"))
}

/// Burrow's caching_test.go rule: commits that never move while lag grows, with
/// commits still arriving recently, is STALL.
#[test]
fn a_window_of_unchanged_offsets_with_lag_is_stall() {
    let window = r#"{"commits":[
        {"offset":1000,"timestamp_ms":100000,"lag":100},{"offset":1000,"timestamp_ms":110000,"lag":110},
        {"offset":1000,"timestamp_ms":120000,"lag":120},{"offset":1000,"timestamp_ms":130000,"lag":130},
        {"offset":1000,"timestamp_ms":140000,"lag":140}],
        "broker_offsets":[1140],"current_lag":140,"now_ms":141000}"#;
    let (code, out, err) = burrow(&[], window);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(field(&v, "status"), "STALL");
    assert!(field(&v, "reason").as_str().is_some_and(|r| !r.is_empty()));
}

/// The example from the CLI contract: an old window and a big current lag → STOP.
/// Burrow's rule: the last commit is older than the window spans (here 500 s against
/// a one-commit window of 0 s) while lag remains (core/internal/evaluator/caching.go,
/// checkIfOffsetsStopped).
#[test]
fn the_contract_example_prints_status_and_reason() {
    let window = r#"{"commits":[{"offset":1000,"timestamp_ms":100000,"lag":0}],"broker_offsets":[5200],"current_lag":200,"now_ms":600000,"allowed_lag":0}"#;
    let (code, out, err) = burrow(&[], window);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(field(&v, "status"), "STOP", "{v}");
    assert_eq!(field(&v, "reason"), "no_commits_since_window_span", "{v}");
}

#[test]
fn group_status_is_the_worst_partition_with_total_and_max_lag() {
    let input = r#"{"partitions":[
        {"topic":"t","partition":0,"commits":[{"offset":10,"timestamp_ms":1000,"lag":0},{"offset":20,"timestamp_ms":2000,"lag":0}],"broker_offsets":[20],"current_lag":0,"now_ms":2500},
        {"topic":"t","partition":1,"commits":[{"offset":50,"timestamp_ms":1000,"lag":5},{"offset":40,"timestamp_ms":2000,"lag":30}],"broker_offsets":[70],"current_lag":30,"now_ms":2500}]}"#;
    let (code, out, err) = burrow(&["--group"], input);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(field(&v, "status"), "ERR", "partition 1 rewound: {v}");
    assert_eq!(field(&v, "total_lag"), 30);
    assert_eq!(field(field(&v, "max_lag"), "partition"), 1);
    let parts = field(&v, "partitions").as_array().unwrap();
    assert_eq!(parts.len(), 2);
    assert_eq!(field(&parts[1], "status"), "REWIND");
    assert!(v.get("complete").is_some_and(|c| c.is_f64()));
}

#[test]
fn bad_input_exits_2_with_one_line() {
    for (args, input) in [
        (&[][..], "not json"),
        (&[][..], r#"{"commits":[],"bogus":1}"#),
        (
            &[][..],
            r#"{"commits":[{"offset":-1,"timestamp_ms":1,"lag":0}],"broker_offsets":[1],"current_lag":0,"now_ms":2}"#,
        ),
        (&["--group"][..], r#"{"partitions":[{"topic":"t"}]}"#),
        (&["--group"][..], ""),
    ] {
        let (code, out, err) = burrow(args, input);
        assert_eq!(code, Some(2), "{input}: {out}{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}
