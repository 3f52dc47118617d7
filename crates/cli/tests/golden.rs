//! Golden traces: `kafka-sim run scenarios/<name>.json --trace` must print exactly
//! `crates/cli/tests/golden/<name>.trace`, byte for byte. A change in the
//! simulation that moves any event shows up here as the first differing line.
//!
//! After an intended change, re-bless the files and review the diff:
//!
//! ```text
//! BLESS=1 cargo test -p kafka-sim-cli --test golden
//! git diff --stat crates/cli/tests/golden
//! ```
//!
//! The same file also keeps `docs/scenario-format.md` honest: every ```json block
//! in it is run through `kafka-sim run`.
// These tests run the native binary; there is nothing to run on wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn kafka_sim_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kafka-sim")).current_dir(dir).args(args).output().expect("the binary runs")
}

fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}

const BLESS_HINT: &str = "if the change is intended, re-bless with `BLESS=1 cargo test -p kafka-sim-cli --test golden` and review `git diff crates/cli/tests/golden`";

/// The file stems with extension `ext` in `dir`, sorted.
fn stems(dir: &Path, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .map(|path| path.file_stem().expect("a file stem").to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Runs one scenario and compares (or, with BLESS=1, rewrites) its golden trace.
/// Returns why it differs, if it does.
fn golden(name: &str) -> Result<(), String> {
    let root = repo_root();
    let scenario = format!("scenarios/{name}.json");
    let out = kafka_sim_in(&root, &["run", &scenario, "--trace"]);
    assert!(out.status.success(), "kafka-sim run {scenario} --trace failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let actual = String::from_utf8(out.stdout).expect("the trace is UTF-8");
    assert!(actual.ends_with('\n'), "the trace ends with a newline");

    let path = golden_dir().join(format!("{name}.trace"));
    // A golden file is meant to be read in review: keep it small.
    assert!(
        actual.len() < 300 * 1024,
        "{name}: the trace is {} bytes; shorten the scenario (duration_ms, rates) to keep it under 300 KB",
        actual.len()
    );
    if blessing() {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create tests/golden");
        std::fs::write(&path, &actual).expect("write the golden file");
        eprintln!("blessed {}", path.display());
        return Ok(());
    }
    let expected =
        std::fs::read_to_string(&path).map_err(|e| format!("{name}: cannot read {}: {e}", path.display()))?;
    if actual == expected {
        return Ok(());
    }
    let (a, e): (Vec<&str>, Vec<&str>) = (actual.lines().collect(), expected.lines().collect());
    let first = a.iter().zip(&e).position(|(x, y)| x != y).unwrap_or(a.len().min(e.len()));
    Err(format!(
        "{name}: the trace differs from {} at line {} ({} lines now, {} in the golden file)\n  golden: {}\n  actual: {}",
        path.display(),
        first + 1,
        a.len(),
        e.len(),
        e.get(first).unwrap_or(&"<end of file>"),
        a.get(first).unwrap_or(&"<end of output>"),
    ))
}

/// Every `scenarios/<name>.json` has a `tests/golden/<name>.trace` and the other way
/// round (so no blessed file goes uncompared), and every pair matches. The list is
/// read from the two directories, not written here. With BLESS=1 a scenario without
/// a golden file gets one; a golden file without a scenario still fails.
#[test]
fn every_scenario_matches_its_golden_trace() {
    let scenarios = stems(&repo_root().join("scenarios"), "json");
    let goldens = stems(&golden_dir(), "trace");
    assert!(!scenarios.is_empty(), "no scenarios/*.json found");
    let orphans: Vec<&String> = goldens.iter().filter(|g| !scenarios.contains(g)).collect();
    assert!(
        orphans.is_empty(),
        "golden traces without a scenario (delete them or restore scenarios/<name>.json): {orphans:?}"
    );
    let missing: Vec<&String> = scenarios.iter().filter(|s| !goldens.contains(s)).collect();
    assert!(
        missing.is_empty() || blessing(),
        "scenarios without a golden trace: {missing:?}; create them with `BLESS=1 cargo test -p kafka-sim-cli --test golden`"
    );
    let failures: Vec<String> = scenarios.iter().filter_map(|name| golden(name).err()).collect();
    assert!(failures.is_empty(), "{}\n{BLESS_HINT}", failures.join("\n"));
}

// ---------------------------------------------------------------------------
// docs/scenario-format.md
// ---------------------------------------------------------------------------

/// A fenced block of the document: its info string, first line number, body.
struct Block {
    info: String,
    line: usize,
    body: String,
}

fn fenced_blocks(doc: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (i, line) in doc.lines().enumerate() {
        let trimmed = line.trim_start();
        match &mut open {
            None => {
                if let Some(info) = trimmed.strip_prefix("```") {
                    open = Some(Block { info: info.trim().to_string(), line: i + 2, body: String::new() });
                }
            }
            Some(block) => {
                if trimmed == "```" {
                    blocks.push(open.take().expect("open block"));
                } else {
                    block.body.push_str(line);
                    block.body.push('\n');
                }
            }
        }
    }
    assert!(open.is_none(), "an unclosed ``` block");
    blocks
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Every ```json block is a complete scenario that `kafka-sim run` accepts; every
/// ```json rejected block is one it refuses (exit 2, one line), and the ```text
/// block right after it is that line, exactly (the file is called scenario.json).
/// ```jsonl blocks are trace lines: each is a JSON object with `t_ms` and `type`.
/// The ```json summary block has the same fields as a real summary.
#[test]
fn every_example_in_the_scenario_format_doc_runs() {
    let doc_path = repo_root().join("docs/scenario-format.md");
    let doc = std::fs::read_to_string(&doc_path).expect("docs/scenario-format.md");
    let blocks = fenced_blocks(&doc);
    let dir = scratch_dir("doc-examples");
    let (mut ran, mut rejected, mut trace_lines, mut summaries) = (0, 0, 0, 0);
    let mut last_summary: Option<serde_json::Value> = None;
    for (i, block) in blocks.iter().enumerate() {
        let at = format!("docs/scenario-format.md line {}", block.line);
        match block.info.as_str() {
            "json" => {
                std::fs::write(dir.join("scenario.json"), &block.body).expect("write");
                let out = kafka_sim_in(&dir, &["run", "scenario.json", "--trace"]);
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(out.status.success(), "{at}: the example does not run: {err}");
                let text = String::from_utf8(out.stdout).expect("UTF-8");
                let summary = text.lines().last().expect("a summary line");
                let s: serde_json::Value = serde_json::from_str(summary).expect("the summary is JSON");
                assert!(s["t_ms"].is_u64(), "{at}: {summary}");
                last_summary = Some(s);
                // A refused step is a `rejected` event, not a failure: the doc's
                // examples must not contain one by accident.
                assert!(
                    !text.contains("\"type\":\"rejected\""),
                    "{at}: a step was rejected: {}",
                    text.lines().find(|l| l.contains("\"rejected\"")).unwrap_or("")
                );
                ran += 1;
            }
            "json rejected" => {
                std::fs::write(dir.join("scenario.json"), &block.body).expect("write");
                let out = kafka_sim_in(&dir, &["run", "scenario.json"]);
                let err = String::from_utf8_lossy(&out.stderr).into_owned();
                assert_eq!(out.status.code(), Some(2), "{at}: the example should be refused: {err}");
                assert_eq!(err.lines().count(), 1, "{at}: {err}");
                let shown = blocks
                    .get(i + 1)
                    .filter(|b| b.info == "text")
                    .unwrap_or_else(|| panic!("{at}: a ```text block with the error should follow"));
                assert_eq!(shown.body, err, "{at}: the error shown in the doc is not what kafka-sim prints");
                rejected += 1;
            }
            "json summary" => {
                // The summary shown must have the shape kafka-sim prints for the
                // scenario just before it: the same keys at every level.
                let shown: serde_json::Value =
                    serde_json::from_str(&block.body).unwrap_or_else(|e| panic!("{at}: not JSON: {e}"));
                let real = last_summary.as_ref().unwrap_or_else(|| panic!("{at}: no ```json example before it"));
                let (mut a, mut b) = (Vec::new(), Vec::new());
                shape(&shown, "", &mut a);
                shape(real, "", &mut b);
                a.sort();
                a.dedup();
                b.sort();
                b.dedup();
                assert_eq!(a, b, "{at}: the summary shown has other fields than the real one");
                summaries += 1;
            }
            "jsonl" => {
                for line in block.body.lines() {
                    let v: serde_json::Value =
                        serde_json::from_str(line).unwrap_or_else(|e| panic!("{at}: not JSON ({e}): {line}"));
                    assert!(v["t_ms"].is_u64(), "{at}: no t_ms: {line}");
                    assert!(v["type"].is_string(), "{at}: no type: {line}");
                    trace_lines += 1;
                }
            }
            _ => {}
        }
    }
    assert!(ran >= 10, "only {ran} runnable examples in the doc");
    assert!(rejected >= 1, "the doc shows no rejected example");
    assert!(trace_lines >= 10, "the doc shows only {trace_lines} trace lines");
    assert_eq!(summaries, 1, "the doc shows the summary once");
}

/// Every path of object keys in `v` (array elements share the path `[]`).
fn shape(v: &serde_json::Value, path: &str, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, child) in map {
                // Maps keyed by data (error names, broker ids) count as one key `*`.
                let is_map = path.ends_with(".errors") || path.ends_with(".log_end_offsets");
                let k = if is_map { "*" } else { k.as_str() };
                let p = format!("{path}.{k}");
                out.push(p.clone());
                shape(child, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                shape(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// The event types the doc lists are the ones the traces use: every type in the
/// golden traces is documented under its own heading.
#[test]
fn the_doc_documents_every_event_type_in_the_golden_traces() {
    let doc = std::fs::read_to_string(repo_root().join("docs/scenario-format.md")).expect("doc");
    let dir = golden_dir();
    let mut types = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("tests/golden") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("golden");
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
            if let Some(t) = v["type"].as_str() {
                types.insert(t.to_string());
            }
        }
    }
    assert!(types.len() >= 8, "{types:?}");
    for t in types {
        assert!(doc.contains(&format!("### `{t}`")), "docs/scenario-format.md has no `### `{t}`` section");
    }
}

/// Every event type the simulation can emit (`Event::type_name` in
/// crates/sim/src/event.rs) has its own section in the doc.
#[test]
fn the_doc_documents_every_event_type_of_the_simulation() {
    let doc = std::fs::read_to_string(repo_root().join("docs/scenario-format.md")).expect("doc");
    let src = std::fs::read_to_string(repo_root().join("crates/sim/src/event.rs")).expect("event.rs");
    let body = &src[src.find("fn type_name").expect("Event::type_name")..];
    let body = &body[..body.find("\n    }\n").expect("end of type_name")];
    let names: Vec<&str> =
        body.lines().filter_map(|l| l.split("=> \"").nth(1)).filter_map(|rest| rest.split('"').next()).collect();
    assert!(names.len() >= 14, "found only {names:?} in Event::type_name");
    let missing: Vec<&&str> = names.iter().filter(|t| !doc.contains(&format!("### `{t}`"))).collect();
    assert!(missing.is_empty(), "docs/scenario-format.md has no section for {missing:?}");
}

/// Every script step (`do`) the scenario format accepts is in the doc's table.
#[test]
fn the_doc_documents_every_script_step() {
    let doc = std::fs::read_to_string(repo_root().join("docs/scenario-format.md")).expect("doc");
    let src = std::fs::read_to_string(repo_root().join("crates/sim/src/scenario.rs")).expect("scenario.rs");
    let body = &src[src.find("fn serde_name").expect("serde_name in scenario.rs")..];
    let body = &body[..body.find("\n}\n").expect("end of serde_name")];
    let names: Vec<&str> =
        body.lines().filter_map(|l| l.split("=> \"").nth(1)).filter_map(|rest| rest.split('"').next()).collect();
    assert!(names.len() >= 10, "found only {names:?}");
    let missing: Vec<&&str> = names.iter().filter(|d| !doc.contains(&format!("| `{d}` |"))).collect();
    assert!(missing.is_empty(), "docs/scenario-format.md's script table lacks {missing:?}");
}

/// Every field of a scenario's topics, producers, groups and broker_config (as the
/// simulation serialises them, so a new config field shows up here) is in the doc.
#[test]
fn the_doc_documents_every_scenario_field() {
    let doc = std::fs::read_to_string(repo_root().join("docs/scenario-format.md")).expect("doc");
    let scenario: kafka_sim::scenario::Scenario = serde_json::from_str(
        r#"{"topics": [{"name": "t"}], "producers": [{"id": "p", "topic": "t"}],
            "groups": [{"id": "g", "topic": "t"}]}"#,
    )
    .expect("a minimal scenario");
    let value = serde_json::to_value(&scenario).expect("serialise");
    fn keys(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, child) in map {
                    out.push(k.clone());
                    keys(child, out);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    keys(&value, &mut all);
    assert!(all.len() > 30, "{all:?}");
    let mut missing: Vec<String> = all.into_iter().filter(|k| !doc.contains(&format!("`{k}`"))).collect();
    missing.sort();
    missing.dedup();
    assert!(missing.is_empty(), "docs/scenario-format.md never mentions {missing:?}");
}
