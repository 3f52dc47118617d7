//! Runs the real `kafka-sim` binary: every subcommand, its output contract, and
//! bad input (exit code 2, exactly one line on stderr, never a panic).
// These tests run the native binary; there is nothing to run on wasm32.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn kafka_sim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kafka-sim")).args(args).output().expect("the binary runs")
}

fn kafka_sim_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kafka-sim"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // The binary may exit before reading stdin (a bad flag): a broken pipe here is fine.
    let mut input = child.stdin.take().expect("stdin is piped");
    if let Err(e) = input.write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "writing stdin: {e}");
    }
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Succeeded with nothing on stderr.
fn ok(out: &Output) -> String {
    assert!(out.status.success(), "exit {:?}, stderr: {}", out.status.code(), stderr(out));
    assert_eq!(stderr(out), "", "nothing on stderr");
    stdout(out)
}

/// Bad input: exit code 2, nothing on stdout, one line on stderr that contains
/// every one of `needles`, and no panic.
fn bad(out: &Output, needles: &[&str]) -> String {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "exit code, stderr: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
    assert!(err.ends_with('\n'), "stderr ends with a newline: {err:?}");
    assert_eq!(err.lines().count(), 1, "exactly one line on stderr: {err:?}");
    assert!(err.starts_with("kafka-sim: "), "{err}");
    for n in needles {
        assert!(err.contains(n), "stderr should mention {n:?}: {err}");
    }
    assert_eq!(stdout(out), "", "nothing on stdout when the input is bad");
    err
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// A scratch file for this test (tests run in parallel, so names are per test).
fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("scratch file");
    path
}

fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// A small scenario that exercises producers, two groups and a script.
const SCENARIO: &str = r#"{
  "seed": 42,
  "brokers": 3,
  "topics": [{"name": "orders", "partitions": 4, "replication_factor": 2,
              "config": {"min.insync.replicas": 1}}],
  "producers": [
    {"id": "keyed", "topic": "orders", "rate_per_s": 40, "keys": ["a", "b", "c", "서울"]},
    {"id": "nulls", "topic": "orders", "rate_per_s": 20}
  ],
  "groups": [
    {"id": "fast", "topic": "orders", "consumers": 2, "auto_offset_reset": "earliest", "records_per_s": 100},
    {"id": "slow", "topic": "orders", "consumers": 1, "auto_offset_reset": "earliest", "records_per_s": 5,
     "assignor": "cooperative-sticky"}
  ],
  "script": [{"at_ms": 3000, "do": "add_consumer", "group": "slow"}],
  "duration_ms": 8000
}"#;

fn scenario_file(name: &str) -> PathBuf {
    scratch(name, SCENARIO)
}

// ---------------------------------------------------------------------------
// General
// ---------------------------------------------------------------------------

#[test]
fn version_prints_name_and_version() {
    let out = kafka_sim(&["--version"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("kafka-sim {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_describes_the_tool() {
    let out = kafka_sim(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Usage: kafka-sim"), "{text}");
    for sub in ["partition", "assign", "run", "describe"] {
        assert!(text.contains(sub), "help lists {sub}: {text}");
    }
}

#[test]
fn unknown_flag_exits_2_without_panicking() {
    let out = kafka_sim(&["--bogus"]);
    bad(&out, &["--bogus"]);
}

#[test]
fn no_subcommand_is_one_line_naming_the_subcommands() {
    bad(&kafka_sim(&[]), &["subcommand", "partition", "assign", "run", "describe"]);
}

#[test]
fn unknown_subcommand_is_named() {
    bad(&kafka_sim(&["frobnicate"]), &["frobnicate"]);
}

// ---------------------------------------------------------------------------
// partition
// ---------------------------------------------------------------------------

#[test]
fn partition_json_matches_the_contract_example() {
    let out = ok(&kafka_sim(&["partition", "--partitions", "10", "--json", "서울"]));
    assert_eq!(out, "[{\"key\":\"서울\",\"murmur2\":-2063068724,\"to_positive\":84414924,\"partition\":4}]\n");
}

#[test]
fn partition_table_has_a_header_and_one_row_per_key() {
    let out = ok(&kafka_sim(&["partition", "--partitions", "10", "서울", "abc", ""]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(header, ["KEY", "MURMUR2", "TO_POSITIVE", "PARTITION", "(of", "10)"]);
    let row = |i: usize| lines[i].split_whitespace().collect::<Vec<_>>();
    assert_eq!(row(1), ["서울", "-2063068724", "84414924", "4"]);
    assert_eq!(row(2), ["abc", "479470107", "479470107", "7"]);
    // The empty key is shown as "" so the row is not blank.
    assert_eq!(row(3), ["\"\"", "275646681", "275646681", "1"]);
    // Columns line up: every row's MURMUR2 column ends where the header's does
    // (the Korean key is two terminal cells per character).
    let width =
        |s: &str| -> usize { s.chars().map(|c| if ('\u{AC00}'..='\u{D7A3}').contains(&c) { 2 } else { 1 }).sum() };
    let end_of = |line: &str, field: &str| width(&line[..line.find(field).expect("field") + field.len()]);
    assert_eq!(end_of(lines[0], "MURMUR2"), end_of(lines[1], "-2063068724"));
    assert_eq!(end_of(lines[0], "MURMUR2"), end_of(lines[2], "479470107"));
}

#[test]
fn partition_empty_key_is_hashed_not_null() {
    let out = ok(&kafka_sim(&["partition", "--partitions", "10", "--json", ""]));
    assert_eq!(out, "[{\"key\":\"\",\"murmur2\":275646681,\"to_positive\":275646681,\"partition\":1}]\n");
    // With --hex, "" is also zero bytes.
    let hex = ok(&kafka_sim(&["partition", "--partitions", "10", "--hex", "--json", ""]));
    assert_eq!(hex, out);
}

#[test]
fn partition_hex_keys_are_bytes_and_echo_the_hex_string() {
    // The UTF-8 bytes of 서울.
    let out = ok(&kafka_sim(&["partition", "--partitions", "10", "--hex", "--json", "ec849cec9ab8", "ff"]));
    let v = json(&out);
    assert_eq!(v[0]["key"], "ec849cec9ab8");
    assert_eq!(v[0]["murmur2"], -2063068724);
    assert_eq!(v[0]["to_positive"], 84414924);
    assert_eq!(v[0]["partition"], 4);
    // A byte >= 0x80 is read unsigned, as Java's murmur2 does.
    assert_eq!(v[1]["key"], "ff");
    assert_eq!(v[1]["murmur2"], -311467685);
    // Upper-case hex digits are accepted too.
    let upper = ok(&kafka_sim(&["partition", "--partitions", "10", "--hex", "--json", "EC849CEC9AB8"]));
    assert_eq!(json(&upper)[0]["murmur2"], -2063068724);
}

/// Every vector of Kafka's `UtilsTest.testMurmur2`, through the binary.
#[test]
fn partition_reproduces_kafkas_murmur2_vectors() {
    let cases: [(&str, i64); 6] = [
        ("21", -973_932_308),
        ("foobar", -790_332_482),
        ("a-little-bit-long-string", -985_981_536),
        ("a-little-bit-longer-string", -1_486_304_829),
        ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
        ("abc", 479_470_107),
    ];
    let partitions: i64 = 12;
    let mut args = vec!["partition", "--partitions", "12", "--json"];
    args.extend(cases.iter().map(|(k, _)| *k));
    let v = json(&ok(&kafka_sim(&args)));
    let rows = v.as_array().expect("an array");
    assert_eq!(rows.len(), cases.len());
    for (row, (key, hash)) in rows.iter().zip(cases) {
        assert_eq!(row["key"], key);
        assert_eq!(row["murmur2"], hash, "murmur2({key})");
        let positive = hash & 0x7fff_ffff;
        assert_eq!(row["to_positive"], positive, "to_positive({key})");
        assert_eq!(row["partition"], positive % partitions, "partition({key})");
    }
    // Kafka spells the last vector as bytes {'a', 'b', 'c'}: the same through --hex.
    let hex = json(&ok(&kafka_sim(&["partition", "--partitions", "12", "--hex", "--json", "616263"])));
    assert_eq!(hex[0]["murmur2"], 479_470_107);
}

#[test]
fn partition_bad_flags_exit_2_with_one_line() {
    bad(&kafka_sim(&["partition", "--partitions", "0", "a"]), &["--partitions", "0", "1..="]);
    bad(&kafka_sim(&["partition", "--partitions", "-3", "a"]), &["--partitions", "-3"]);
    bad(&kafka_sim(&["partition", "--partitions", "x", "a"]), &["--partitions", "'x'"]);
    bad(&kafka_sim(&["partition", "--partitions", "2147483648", "a"]), &["--partitions", "2147483648"]);
    bad(&kafka_sim(&["partition", "a"]), &["--partitions"]);
    // No key at all: the message names the missing argument (clap puts it on a second line).
    bad(&kafka_sim(&["partition", "--partitions", "3"]), &["KEYS"]);
    bad(&kafka_sim(&["partition", "--partitions", "3", "--hex", "zz"]), &["--hex", "\"zz\"", "hex"]);
    bad(&kafka_sim(&["partition", "--partitions", "3", "--hex", "abc"]), &["--hex", "\"abc\"", "even"]);
    bad(&kafka_sim(&["partition", "--partitions", "3", "--hex", "é1"]), &["--hex"]);
}

// ---------------------------------------------------------------------------
// assign
// ---------------------------------------------------------------------------

const ASSIGN_EXAMPLE: &str = r#"{"partitions_per_topic":{"t1":3},"members":{"c1":{"topics":["t1"],"owned":["t1-0"],"generation":1},"c2":{"topics":["t1"]}}}"#;

fn assign(strategy: &str, request: &str) -> String {
    ok(&kafka_sim_stdin(&["assign", "--strategy", strategy], request))
}

#[test]
fn assign_range_matches_the_contract_example() {
    assert_eq!(assign("range", ASSIGN_EXAMPLE), "{\"assignment\":{\"c1\":[\"t1-0\",\"t1-1\"],\"c2\":[\"t1-2\"]}}\n");
}

/// Issue 14: 100,000,000 partitions aborted the sticky assignors on allocation;
/// now every strategy refuses the request first, naming the field and the limit.
#[test]
fn assign_refuses_a_request_beyond_the_limits() {
    let huge = r#"{"partitions_per_topic":{"t":100000000},"members":{"a":{"topics":["t"]},"b":{"topics":["t"]}}}"#;
    for strategy in ["range", "roundrobin", "sticky", "cooperative-sticky"] {
        let out = kafka_sim_stdin(&["assign", "--strategy", strategy], huge);
        bad(&out, &["partitions_per_topic", "100000000", "at most 1000000"]);
    }
}

#[test]
fn assign_roundrobin_deals_partitions_in_turn() {
    assert_eq!(
        assign("roundrobin", ASSIGN_EXAMPLE),
        "{\"assignment\":{\"c1\":[\"t1-0\",\"t1-2\"],\"c2\":[\"t1-1\"]}}\n"
    );
}

#[test]
fn assign_sticky_and_cooperative_sticky_keep_owned_partitions() {
    // c1 keeps t1-0; the under-quota member c2 gets the next partition first.
    for strategy in ["sticky", "cooperative-sticky"] {
        assert_eq!(
            assign(strategy, ASSIGN_EXAMPLE),
            "{\"assignment\":{\"c1\":[\"t1-0\",\"t1-2\"],\"c2\":[\"t1-1\"]}}\n",
            "{strategy}"
        );
    }
    // Ownership that range would reshuffle is kept as it is (it is balanced).
    let owned = r#"{"partitions_per_topic":{"t1":4},
        "members":{"c1":{"topics":["t1"],"owned":["t1-2","t1-3"],"generation":3},
                   "c2":{"topics":["t1"],"owned":["t1-0","t1-1"],"generation":3}}}"#;
    for strategy in ["sticky", "cooperative-sticky"] {
        assert_eq!(
            assign(strategy, owned),
            "{\"assignment\":{\"c1\":[\"t1-2\",\"t1-3\"],\"c2\":[\"t1-0\",\"t1-1\"]}}\n",
            "{strategy}"
        );
    }
    assert_eq!(assign("range", owned), "{\"assignment\":{\"c1\":[\"t1-0\",\"t1-1\"],\"c2\":[\"t1-2\",\"t1-3\"]}}\n");
}

#[test]
fn assign_range_and_roundrobin_over_two_topics() {
    let two = r#"{"partitions_per_topic":{"t1":3,"t2":3},
        "members":{"c1":{"topics":["t1","t2"]},"c2":{"topics":["t1","t2"]}}}"#;
    // Range works topic by topic, so c1 gets the extra partition of both.
    assert_eq!(
        assign("range", two),
        "{\"assignment\":{\"c1\":[\"t1-0\",\"t1-1\",\"t2-0\",\"t2-1\"],\"c2\":[\"t1-2\",\"t2-2\"]}}\n"
    );
    // Round robin deals all six partitions in one sequence: 3 each.
    assert_eq!(
        assign("roundrobin", two),
        "{\"assignment\":{\"c1\":[\"t1-0\",\"t1-2\",\"t2-1\"],\"c2\":[\"t1-1\",\"t2-0\",\"t2-2\"]}}\n"
    );
}

#[test]
fn assign_every_strategy_answers_every_member() {
    let req = r#"{"partitions_per_topic":{"t1":2},
        "members":{"c1":{"topics":["t1"]},"c2":{"topics":["t1"]},"c3":{"topics":["t1"]}}}"#;
    for strategy in ["range", "roundrobin", "sticky", "cooperative-sticky"] {
        let v = json(&assign(strategy, req));
        let a = v["assignment"].as_object().expect("an object");
        assert_eq!(a.len(), 3, "{strategy}: every member is listed, idle ones with []: {v}");
        let total: usize = a.values().map(|ps| ps.as_array().expect("a list").len()).sum();
        assert_eq!(total, 2, "{strategy}: each partition once: {v}");
    }
}

#[test]
fn assign_bad_strategy_names_the_allowed_values() {
    let out = kafka_sim_stdin(&["assign", "--strategy", "greedy"], ASSIGN_EXAMPLE);
    bad(&out, &["--strategy", "greedy", "range", "roundrobin", "sticky", "cooperative-sticky"]);
    bad(&kafka_sim_stdin(&["assign"], ASSIGN_EXAMPLE), &["--strategy"]);
}

#[test]
fn assign_bad_stdin_exits_2_with_one_line() {
    let run = |stdin: &str| kafka_sim_stdin(&["assign", "--strategy", "range"], stdin);
    bad(&run(""), &["stdin", "invalid JSON", "empty"]);
    bad(&run("{bad"), &["stdin", "invalid JSON", "line 1"]);
    bad(&run("[1, 2]"), &["stdin", "object"]);
    bad(&run("{\"members\":{}} trailing"), &["stdin", "invalid JSON", "trailing"]);
    bad(&run(r#"{"partitions":{"t1":3}}"#), &["stdin", "partitions", "partitions_per_topic"]);
    bad(
        &run(r#"{"partitions_per_topic":{"t1":3},"members":{"c1":{"topics":["t1"],"bogus":1}}}"#),
        &["stdin", "members.c1.bogus", "owned"],
    );
    bad(&run(r#"{"partitions_per_topic":{"t1":-1},"members":{}}"#), &["stdin", "partitions_per_topic.t1"]);
    bad(
        &run(r#"{"partitions_per_topic":{"t1":3},"members":{"c1":{"topics":["t1"],"owned":["t1"]}}}"#),
        &["stdin", "members.c1.owned[0]", "t1-0"],
    );
}

// ---------------------------------------------------------------------------
// run
// ---------------------------------------------------------------------------

fn last_line(text: &str) -> &str {
    text.lines().last().expect("at least one line")
}

fn assert_u64(v: &Value, what: &str) -> u64 {
    v.as_u64().unwrap_or_else(|| panic!("{what} is a non-negative integer: {v}"))
}

#[test]
fn run_prints_one_summary_with_the_documented_fields() {
    let path = scenario_file("summary.json");
    let out = ok(&kafka_sim(&["run", p(&path)]));
    assert_eq!(out.lines().count(), 1, "without --trace only the summary: {out}");
    let s = json(last_line(&out));
    assert_eq!(s["t_ms"], 8000);

    let parts = s["partitions"].as_array().expect("partitions");
    assert_eq!(parts.len(), 4);
    for (i, part) in parts.iter().enumerate() {
        assert_eq!(part["topic"], "orders");
        assert_eq!(part["partition"], i as u64);
        let start = assert_u64(&part["log_start_offset"], "log_start_offset");
        let end = assert_u64(&part["log_end_offset"], "log_end_offset");
        let hw = assert_u64(&part["high_watermark"], "high_watermark");
        assert!(start <= hw && hw <= end, "{part}");
        let leader = assert_u64(&part["leader"], "leader");
        let replicas: Vec<u64> =
            part["replicas"].as_array().expect("replicas").iter().map(|b| assert_u64(b, "replica")).collect();
        assert_eq!(replicas.len(), 2, "replication factor 2: {part}");
        assert!(replicas.iter().all(|b| (1..=3).contains(b)), "{part}");
        assert!(replicas.contains(&leader), "{part}");
        let isr = part["isr"].as_array().expect("isr");
        assert!(!isr.is_empty() && isr.len() <= 2, "{part}");
    }
    let in_logs: u64 = parts.iter().map(|p| assert_u64(&p["log_end_offset"], "leo")).sum();
    let committed: u64 = parts.iter().map(|p| assert_u64(&p["high_watermark"], "hw")).sum();

    let producers = s["producers"].as_array().expect("producers");
    let ids: Vec<&str> = producers.iter().map(|p| p["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["keyed", "nulls"]);
    let (mut sent_total, mut acked_total) = (0, 0);
    for pr in producers {
        let sent = assert_u64(&pr["sent"], "sent");
        let acked = assert_u64(&pr["acked"], "acked");
        assert!(sent > 0 && acked <= sent, "{pr}");
        let errors = pr["errors"].as_object().expect("errors is an object");
        assert!(errors.is_empty(), "no failures in this scenario: {pr}");
        sent_total += sent;
        acked_total += acked;
    }
    // 8 s at 40/s and 20/s.
    assert!((400..=480).contains(&sent_total), "{sent_total}");
    // acks=all: a record is acknowledged once it is below the high watermark;
    // the last step's records may still be on their way.
    assert!(acked_total <= committed && committed <= in_logs && in_logs <= sent_total, "{s}");
    assert!(sent_total - acked_total <= 60, "at most about a second in flight: {s}");

    let groups = s["groups"].as_array().expect("groups");
    let ids: Vec<&str> = groups.iter().map(|g| g["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["fast", "slow"]);
    for g in groups {
        assert!(g["generation"].as_i64().expect("generation") >= 1, "{g}");
        for m in g["members"].as_array().expect("members") {
            assert!(m["id"].is_string(), "{m}");
            for tp in m["assigned"].as_array().expect("assigned") {
                assert!(tp.as_str().expect("topic-partition").starts_with("orders-"), "{m}");
            }
        }
        let offsets = g["offsets"].as_array().expect("offsets");
        assert_eq!(offsets.len(), 4, "{g}");
        let mut total = 0;
        let mut max = 0;
        for o in offsets {
            assert_eq!(o["topic"], "orders");
            assert!(o["partition"].is_u64(), "{o}");
            assert!(o["committed"].is_u64() || o["committed"].is_null(), "{o}");
            let lag = o["lag"].as_u64().unwrap_or(0);
            total += lag;
            max = max.max(lag);
        }
        assert_eq!(g["total_lag"], total, "total_lag is the sum of the lags: {g}");
        assert_eq!(g["max_lag"], max, "max_lag is the largest lag: {g}");
    }
    let members = |g: &Value| g["members"].as_array().expect("members").len();
    assert_eq!(members(&groups[0]), 2);
    assert_eq!(members(&groups[1]), 2, "the script added a consumer to slow");
    // The slow group (5 records/s per member) lags; the fast one keeps up.
    assert!(groups[1]["total_lag"].as_u64() > groups[0]["total_lag"].as_u64(), "{}", s["groups"]);
}

#[test]
fn run_until_ms_stops_early() {
    let path = scenario_file("until.json");
    let full = json(&ok(&kafka_sim(&["run", p(&path)])));
    let early = json(&ok(&kafka_sim(&["run", p(&path), "--until-ms", "2500"])));
    assert_eq!(early["t_ms"], 2500);
    let leo = |s: &Value| -> u64 {
        s["partitions"].as_array().expect("partitions").iter().map(|p| p["log_end_offset"].as_u64().expect("leo")).sum()
    };
    assert!(leo(&early) < leo(&full), "fewer records after 2.5 s than after 8 s");
    // The step at 3 s has not run yet.
    assert_eq!(early["groups"][1]["members"].as_array().expect("members").len(), 1);
    // Past the scenario's duration is allowed too.
    let later = json(&ok(&kafka_sim(&["run", p(&path), "--until-ms", "9000"])));
    assert_eq!(later["t_ms"], 9000);
    let zero = json(&ok(&kafka_sim(&["run", p(&path), "--until-ms", "0"])));
    assert_eq!(zero["t_ms"], 0);
}

#[test]
fn run_trace_is_one_json_event_per_line_then_the_summary() {
    let path = scenario_file("trace.json");
    let out = ok(&kafka_sim(&["run", p(&path), "--trace"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 100, "{} lines", lines.len());
    let (summary, events) = lines.split_last().expect("lines");
    let mut last_t = 0;
    let mut types = std::collections::BTreeSet::new();
    for line in events {
        let e = json(line);
        let t = e["t_ms"].as_u64().unwrap_or_else(|| panic!("t_ms: {line}"));
        assert!(t >= last_t, "events in time order: {line}");
        assert!(t <= 8000, "{line}");
        last_t = t;
        let ty = e["type"].as_str().unwrap_or_else(|| panic!("type: {line}"));
        types.insert(ty.to_string());
    }
    for ty in ["member_joined", "rebalanced", "produced", "consumed", "committed", "offset_reset"] {
        assert!(types.contains(ty), "the trace has {ty} events: {types:?}");
    }
    let s = json(summary);
    assert!(s.get("type").is_none(), "the last line is the summary: {summary}");
    assert_eq!(s["t_ms"], 8000);
    // Without --trace the summary is the same line.
    assert_eq!(ok(&kafka_sim(&["run", p(&path)])), format!("{summary}\n"));
    // The produced events account for every record in the logs.
    let produced: u64 = events
        .iter()
        .map(|l| json(l))
        .filter(|e| e["type"] == "produced")
        .map(|e| e["count"].as_u64().expect("count"))
        .sum();
    let leo: u64 = s["partitions"]
        .as_array()
        .expect("partitions")
        .iter()
        .map(|p| p["log_end_offset"].as_u64().expect("leo"))
        .sum();
    assert_eq!(produced, leo);
}

#[test]
fn run_is_byte_identical_across_runs() {
    let path = scenario_file("twice.json");
    let a = kafka_sim(&["run", p(&path), "--trace"]);
    let b = kafka_sim(&["run", p(&path), "--trace"]);
    assert!(a.status.success() && b.status.success());
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout, "same input, same bytes");
    // The shipped example too.
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/readme-example.json");
    let a = kafka_sim(&["run", example, "--trace"]);
    let b = kafka_sim(&["run", example, "--trace"]);
    assert!(a.status.success(), "{}", stderr(&a));
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn run_a_different_seed_may_differ_but_is_itself_stable() {
    let text = SCENARIO.replace("\"seed\": 42", "\"seed\": 7");
    let path = scratch("seed7.json", &text);
    let a = ok(&kafka_sim(&["run", p(&path), "--trace"]));
    let b = ok(&kafka_sim(&["run", p(&path), "--trace"]));
    assert_eq!(a, b);
}

#[test]
fn run_a_refused_step_is_a_rejected_event_not_a_failure() {
    let path = scratch(
        "refused.json",
        r#"{"topics":[{"name":"a"}],"duration_ms":1000,
            "script":[{"at_ms":100,"do":"add_consumer","group":"nope"}]}"#,
    );
    let out = ok(&kafka_sim(&["run", p(&path), "--trace"]));
    let rejected: Vec<Value> = out.lines().map(json).filter(|e| e["type"] == "rejected").collect();
    assert_eq!(rejected.len(), 1, "{out}");
    assert_eq!(rejected[0]["code"], "GROUP_ID_NOT_FOUND");
    assert!(rejected[0]["error"].as_str().expect("error").contains("nope"));
}

#[test]
fn run_output_to_a_closed_pipe_is_not_an_error() {
    let path = scenario_file("pipe.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kafka-sim"))
        .args(["run", p(&path), "--trace", "--until-ms", "200000"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("finishes");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

// ---------------------------------------------------------------------------
// describe
// ---------------------------------------------------------------------------

#[test]
fn describe_prints_the_header_and_rows_that_match_the_summary() {
    let path = scenario_file("describe.json");
    let summary = json(&ok(&kafka_sim(&["run", p(&path)])));
    for (gi, group) in ["fast", "slow"].into_iter().enumerate() {
        let out = ok(&kafka_sim(&["describe", p(&path), "--group", group]));
        let lines: Vec<&str> = out.lines().collect();
        let header: Vec<&str> = lines[0].split_whitespace().collect();
        assert_eq!(
            header,
            [
                "GROUP",
                "TOPIC",
                "PARTITION",
                "CURRENT-OFFSET",
                "LOG-END-OFFSET",
                "LAG",
                "CONSUMER-ID",
                "HOST",
                "CLIENT-ID"
            ]
        );
        let g = &summary["groups"][gi];
        assert_eq!(g["id"], group);
        let offsets = g["offsets"].as_array().expect("offsets");
        assert_eq!(lines.len(), 1 + offsets.len(), "{out}");
        // Columns start where the header's do.
        let starts: Vec<usize> = header.iter().map(|h| lines[0].find(h).expect("header")).collect();
        for (row, o) in lines[1..].iter().zip(offsets) {
            let cells: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(cells.len(), 9, "{row}");
            for (i, start) in starts.iter().enumerate() {
                assert_ne!(row.as_bytes()[*start], b' ', "column {i} starts at {start}: {row}");
            }
            assert_eq!(cells[0], group);
            assert_eq!(cells[1], o["topic"].as_str().expect("topic"));
            assert_eq!(cells[2], o["partition"].to_string());
            let dash = |v: &Value| if v.is_null() { "-".to_string() } else { v.to_string() };
            assert_eq!(cells[3], dash(&o["committed"]), "{row}");
            // Like kafka-consumer-groups, LOG-END-OFFSET is what a consumer can
            // read up to: the high watermark.
            let part = &summary["partitions"][o["partition"].as_u64().expect("p") as usize];
            assert_eq!(cells[4], part["high_watermark"].to_string(), "{row}");
            assert_eq!(cells[5], dash(&o["lag"]), "{row}");
            // The owner: the member whose assignment lists this partition.
            let tp = format!("orders-{}", o["partition"]);
            let owner = g["members"]
                .as_array()
                .expect("members")
                .iter()
                .find(|m| m["assigned"].as_array().expect("assigned").iter().any(|a| a == &tp))
                .map(|m| m["id"].as_str().expect("id").to_string());
            match owner {
                Some(id) => {
                    assert_eq!(cells[6], id, "{row}");
                    assert_eq!(cells[7], "/127.0.0.1");
                    assert_eq!(cells[8], format!("consumer-{id}"));
                }
                None => assert_eq!(&cells[6..], ["-", "-", "-"], "{row}"),
            }
        }
    }
}

#[test]
fn describe_at_ms_describes_an_earlier_moment() {
    let path = scenario_file("describe-at.json");
    let early = json(&ok(&kafka_sim(&["run", p(&path), "--until-ms", "2000"])));
    let out = ok(&kafka_sim(&["describe", p(&path), "--group", "slow", "--at-ms", "2000"]));
    let rows: Vec<Vec<&str>> = out.lines().skip(1).map(|l| l.split_whitespace().collect()).collect();
    let g = &early["groups"][1];
    for (row, o) in rows.iter().zip(g["offsets"].as_array().expect("offsets")) {
        let lag = if o["lag"].is_null() { "-".into() } else { o["lag"].to_string() };
        assert_eq!(row[5], lag);
    }
    // Before the step at 3 s, one member owns every partition.
    let owners: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[6]).collect();
    assert_eq!(owners.len(), 1, "{out}");
}

#[test]
fn describe_unknown_group_lists_the_groups() {
    let path = scenario_file("describe-bad.json");
    bad(&kafka_sim(&["describe", p(&path), "--group", "nope"]), &["--group", "nope", "fast", "slow"]);
    // A name with a line break is still reported on one line.
    bad(&kafka_sim(&["describe", p(&path), "--group", "no\npe"]), &["--group"]);
    bad(&kafka_sim(&["describe", p(&path)]), &["--group"]);
    bad(&kafka_sim(&["describe", p(&path), "--group", "fast", "--at-ms", "soon"]), &["--at-ms", "soon"]);
}

/// The contract's broker fields, in order (BrokerTopicMetrics' four byte flows,
/// `kafka.log:type=Log,name=Size` over its replicas, what it hosts).
const BROKER_FIELDS: [&str; 8] = [
    "id",
    "bytes_in",
    "bytes_out",
    "replication_bytes_in",
    "replication_bytes_out",
    "disk_bytes",
    "leader_partitions",
    "replicas",
];

/// The first broker object in `text` (JSON as printed) lists the contract's
/// fields first, in order (serde_json's `Value` would sort them).
fn assert_broker_field_order(text: &str) {
    let first = &text[text.find("{\"id\"").expect("a broker object")..];
    let first = &first[..first.find('}').expect("object end")];
    let keys: Vec<&str> =
        first.split(',').map(|kv| kv.split(':').next().expect("key").trim_matches(['{', '"'])).collect();
    assert_eq!(keys[..8], BROKER_FIELDS, "{first}");
}

#[test]
fn run_summary_has_a_brokers_array_with_the_contract_fields() {
    let path = scenario_file("brokers-summary.json");
    let text = ok(&kafka_sim(&["run", p(&path)]));
    let summary = json(&text);
    assert_broker_field_order(&text[text.find("\"brokers\":").expect("brokers")..]);
    let brokers = summary["brokers"].as_array().expect("brokers");
    assert_eq!(brokers.iter().map(|b| b["id"].as_u64().unwrap()).collect::<Vec<_>>(), [1, 2, 3]);
    let total = |k: &str| brokers.iter().map(|b| b[k].as_u64().expect(k)).sum::<u64>();
    // 4 partitions × RF 2, every broker alive: 8 replicas, 4 leaders.
    assert_eq!((total("replicas"), total("leader_partitions")), (8, 4));
    assert!(total("bytes_in") > 10_000, "{text}");
    // Each follower fetched at most what its leader appended; disk holds both copies.
    assert!(total("replication_bytes_in") <= total("bytes_in"));
    assert_eq!(total("replication_bytes_in"), total("replication_bytes_out"));
    assert_eq!(total("disk_bytes"), total("bytes_in") + total("replication_bytes_in"), "no retention here");
    assert!(total("bytes_out") > 0);
}

#[test]
fn describe_brokers_prints_a_row_per_broker_matching_the_summary() {
    let path = scenario_file("describe-brokers.json");
    for at in ["2000", "8000"] {
        let summary = json(&ok(&kafka_sim(&["run", p(&path), "--until-ms", at])));
        let expected = summary["brokers"].as_array().expect("brokers");
        let text = ok(&kafka_sim(&["describe", p(&path), "--brokers", "--json", "--at-ms", at]));
        assert_broker_field_order(&text);
        assert_eq!(&json(&text), &summary["brokers"]);
        let out = ok(&kafka_sim(&["describe", p(&path), "--brokers", "--at-ms", at]));
        let lines: Vec<&str> = out.lines().collect();
        let header: Vec<&str> = lines[0].split_whitespace().collect();
        assert_eq!(
            header[..9],
            [
                "BROKER",
                "STATUS",
                "LEADERS",
                "REPLICAS",
                "BYTES-IN",
                "BYTES-OUT",
                "REPLICATION-IN",
                "REPLICATION-OUT",
                "DISK-BYTES"
            ]
        );
        assert_eq!(lines.len(), 1 + expected.len(), "{out}");
        for (row, b) in lines[1..].iter().zip(expected) {
            let cells: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(cells.len(), header.len(), "{row}");
            let field = |h: &str, k: &str| {
                assert_eq!(cells[header.iter().position(|x| *x == h).unwrap()], b[k].to_string(), "{h}: {row}")
            };
            field("BROKER", "id");
            field("LEADERS", "leader_partitions");
            field("REPLICAS", "replicas");
            field("BYTES-IN", "bytes_in");
            field("BYTES-OUT", "bytes_out");
            field("REPLICATION-IN", "replication_bytes_in");
            field("REPLICATION-OUT", "replication_bytes_out");
            field("DISK-BYTES", "disk_bytes");
            field("IN/S", "bytes_in_per_s");
            field("OUT/S", "bytes_out_per_s");
            assert_eq!(cells[1], "up");
        }
    }
}

#[test]
fn describe_needs_exactly_one_of_group_and_brokers() {
    let path = scenario_file("describe-flags.json");
    bad(&kafka_sim(&["describe", p(&path), "--brokers", "--group", "fast"]), &["--brokers", "--group"]);
    bad(&kafka_sim(&["describe", p(&path)]), &["--group", "--brokers"]);
    bad(&kafka_sim(&["describe", p(&path), "--group", "fast", "--json"]), &["--json", "--brokers"]);
    bad(&kafka_sim(&["describe", p(&path), "--brokers", "--at-ms", "soon"]), &["--at-ms", "soon"]);
    // The group table still works.
    assert!(ok(&kafka_sim(&["describe", p(&path), "--group", "fast"])).starts_with("GROUP"));
}

// ---------------------------------------------------------------------------
// Bad scenario files: exit 2, one line, the field and what is allowed
// ---------------------------------------------------------------------------

/// Runs both `run` and `describe` on a bad scenario: both must say the same.
fn bad_scenario(name: &str, text: &str, needles: &[&str]) {
    let path = scratch(name, text);
    let err = bad(&kafka_sim(&["run", p(&path)]), needles);
    assert!(err.contains(p(&path)), "the message names the file: {err}");
    let err2 = bad(&kafka_sim(&["describe", p(&path), "--group", "g"]), needles);
    assert_eq!(err, err2);
}

#[test]
fn missing_file_is_named() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-scenario.json");
    bad(&kafka_sim(&["run", p(&missing)]), &["cannot read", "no-such-scenario.json"]);
    bad(&kafka_sim(&["describe", p(&missing), "--group", "g"]), &["cannot read", "no-such-scenario.json"]);
    bad(&kafka_sim(&["run", env!("CARGO_TARGET_TMPDIR")]), &["cannot read"]);
    bad(&kafka_sim(&["run"]), &["SCENARIO"]);
}

#[test]
fn invalid_json_is_reported_with_its_position() {
    bad_scenario("syntax.json", "{\"topics\": [", &["invalid JSON", "line 1"]);
    bad_scenario("keyquote.json", "{topics: []}", &["invalid JSON", "line 1 column 2"]);
    bad_scenario("empty.json", "", &["invalid JSON", "empty"]);
    bad_scenario("array.json", "[]", &["invalid JSON", "object"]);
    bad_scenario("trailing.json", "{\"duration_ms\": 100} {}", &["invalid JSON", "trailing"]);
    let path = scratch("latin1.json", "");
    std::fs::write(&path, [0xff, 0xfe, 0x7b]).expect("write");
    bad(&kafka_sim(&["run", p(&path)]), &["UTF-8"]);
}

#[test]
fn unknown_fields_are_rejected_with_their_path() {
    bad_scenario("unknown-top.json", r#"{"topics": [], "bogus": 1}"#, &["bogus", "duration_ms"]);
    bad_scenario(
        "unknown-topic-config.json",
        r#"{"topics": [{"name": "a", "config": {"retention.hours": 1}}]}"#,
        &["topics[0].config.retention.hours", "retention.ms"],
    );
    bad_scenario(
        "unknown-topic-field.json",
        r#"{"topics": [{"name": "a", "configs": {}}]}"#,
        &["topics[0].configs", "config"],
    );
    bad_scenario(
        "unknown-producer-field.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p", "topic": "a", "bogus": true}]}"#,
        &["producers[0].bogus", "rate_per_s"],
    );
    bad_scenario(
        "unknown-group-field.json",
        r#"{"topics": [{"name": "a"}], "groups": [{"id": "g", "topic": "a", "auto.offset.reset": "earliest"}]}"#,
        &["groups[0].auto.offset.reset", "auto_offset_reset"],
    );
    bad_scenario(
        "unknown-broker-field.json",
        r#"{"broker_config": {"log.retention.hours": 1}}"#,
        &["broker_config.log.retention.hours", "log.retention.check.interval.ms"],
    );
    bad_scenario(
        "unknown-step-field.json",
        r#"{"topics": [{"name": "a"}], "script": [{"at_ms": 1, "do": "add_consumer", "group": "g", "count": 2}]}"#,
        &["script[0].count"],
    );
    bad_scenario(
        "unknown-partitioner-config.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p", "topic": "a", "partitioner_config": {"linger_ms": 5}}]}"#,
        &["producers[0].partitioner_config.linger_ms", "batch_size"],
    );
    bad_scenario(
        "unknown-rule-field.json",
        r#"{"topics": [{"name": "a", "partitions": 2}], "producers": [{"id": "p", "topic": "a",
            "partitioner": {"custom": [{"prefix": "vip-", "partitions": [0]}, {"partitions": [1]}]}}]}"#,
        &["producers[0].partitioner.custom[0].prefix", "key_prefix"],
    );
}

#[test]
fn wrong_values_name_the_field_and_what_is_allowed() {
    bad_scenario(
        "rf.json",
        r#"{"brokers": 3, "topics": [{"name": "a", "replication_factor": 4}]}"#,
        &["topics[0].replication_factor", "4", "3 brokers", "INVALID_REPLICATION_FACTOR"],
    );
    bad_scenario(
        "partitioner.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p", "topic": "a", "partitioner": "murmur3"}]}"#,
        &["producers[0].partitioner", "murmur3", "default", "uniform-sticky", "round-robin", "custom"],
    );
    bad_scenario(
        "custom-missing-partition.json",
        r#"{"topics": [{"name": "a", "partitions": 3}], "producers": [{"id": "p", "topic": "a",
            "partitioner": {"custom": [{"key_prefix": "vip-", "partitions": [0, 5]}, {"partitions": [1, 2]}]}}]}"#,
        &["producers[0].partitioner.custom[0].partitions[1]", "partition 5", "3 partitions"],
    );
    bad_scenario(
        "custom-no-catch-all.json",
        r#"{"topics": [{"name": "a", "partitions": 3}], "producers": [{"id": "p", "topic": "a",
            "partitioner": {"custom": [{"key_prefix": "vip-", "partitions": [0]}]}}]}"#,
        &["producers[0].partitioner.custom[0].key_prefix", "without key_prefix"],
    );
    bad_scenario("brokers.json", r#"{"brokers": 0}"#, &["brokers", "1 to 12"]);
    bad_scenario("topic-name.json", r#"{"topics": [{"name": "주문"}]}"#, &["topics[0].name", "a-z"]);
    bad_scenario(
        "unknown-topic.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p", "topic": "b"}]}"#,
        &["producers[0].topic", "\"b\"", "topics: a"],
    );
    bad_scenario(
        "rate.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p", "topic": "a", "rate_per_s": -1}]}"#,
        &["producers[0].rate_per_s", "0 and 100000"],
    );
    bad_scenario(
        "acks.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p", "topic": "a", "acks": "2"}]}"#,
        &["producers[0].acks", "`2`", "`0`", "`1`", "`all`"],
    );
    // A number where a name is expected (serde_json calls it a syntax error):
    // still the path and the allowed names.
    bad_scenario(
        "acks-number.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p", "topic": "a", "acks": 1}]}"#,
        &["producers[0].acks", "`0`", "`1`", "`all`", "string"],
    );
    bad_scenario(
        "assignor-number.json",
        r#"{"topics": [{"name": "a"}], "groups": [{"id": "g", "topic": "a", "assignor": 0}]}"#,
        &["groups[0].assignor", "`range`", "`cooperative-sticky`"],
    );
    bad_scenario(
        "assignor.json",
        r#"{"topics": [{"name": "a"}], "groups": [{"id": "g", "topic": "a", "assignor": "greedy"}]}"#,
        &["groups[0].assignor", "greedy", "range"],
    );
    bad_scenario(
        "reset.json",
        r#"{"topics": [{"name": "a"}], "groups": [{"id": "g", "topic": "a", "auto_offset_reset": "smallest"}]}"#,
        &["groups[0].auto_offset_reset", "earliest", "latest", "none"],
    );
    bad_scenario(
        "segment.json",
        r#"{"topics": [{"name": "a", "config": {"segment.bytes": 10}}]}"#,
        &["topics[0].config.segment.bytes", "14"],
    );
    bad_scenario(
        "min-isr.json",
        r#"{"topics": [{"name": "a", "replication_factor": 2, "config": {"min.insync.replicas": 3}}]}"#,
        &["topics[0].config.min.insync.replicas", "replication factor 2"],
    );
    bad_scenario(
        "keys-empty.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p", "topic": "a", "keys": []}]}"#,
        &["producers[0].keys", "at least one key"],
    );
    bad_scenario(
        "keys-and-space.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p", "topic": "a", "keys": ["x"], "key_space": 5}]}"#,
        &["producers[0].key_space", "either"],
    );
    bad_scenario("step-ms.json", r#"{"step_ms": 0}"#, &["step_ms", "1 to 1000"]);
    bad_scenario(
        "wrong-type.json",
        r#"{"topics": [{"name": "a", "partitions": "three"}]}"#,
        &["topics[0].partitions", "u32"],
    );
    bad_scenario(
        "missing-field.json",
        r#"{"topics": [{"name": "a"}], "producers": [{"id": "p"}]}"#,
        &["producers[0]", "topic"],
    );
}

#[test]
fn bad_script_steps_name_the_step() {
    bad_scenario(
        "step-do.json",
        r#"{"topics": [{"name": "a"}], "script": [{"at_ms": 1, "do": "explode"}]}"#,
        &["script[0].do", "explode", "add_consumer", "reset_offsets"],
    );
    bad_scenario(
        "step-missing.json",
        r#"{"topics": [{"name": "a"}], "script": [{"at_ms": 1, "do": "set_producer_rate", "producer": "p"}]}"#,
        &["script[0].rate_per_s", "set_producer_rate"],
    );
    bad_scenario(
        "step-reset.json",
        r#"{"topics": [{"name": "a"}], "script": [{"at_ms": 1, "do": "reset_offsets", "group": "g", "to": "start"}]}"#,
        &["script[0].to", "earliest", "latest", "offset", "shift"],
    );
    bad_scenario(
        "step-reset-offset.json",
        r#"{"topics": [{"name": "a"}], "script": [{"at_ms": 1, "do": "reset_offsets", "group": "g", "to": "offset"}]}"#,
        &["script[0].offset", "reset_offsets"],
    );
    bad_scenario(
        "step-new-group.json",
        r#"{"topics": [{"name": "a"}], "script": [{"at_ms": 1, "do": "add_group", "new_group": {"id": "h", "topic": "a", "lag": 1}}]}"#,
        &["script[0].new_group.lag"],
    );
}

#[test]
fn run_bad_flags_exit_2() {
    let path = scenario_file("flags.json");
    bad(&kafka_sim(&["run", p(&path), "--until-ms", "-5"]), &["--until-ms", "-5"]);
    bad(&kafka_sim(&["run", p(&path), "--until-ms", "ten"]), &["--until-ms", "ten"]);
    bad(&kafka_sim(&["run", p(&path), "--tracing"]), &["--tracing"]);
}

// ---------------------------------------------------------------------------
// Run length limit (24 simulated hours) and --lang
// ---------------------------------------------------------------------------

/// Times beyond `MAX_RUN_MS` are refused before anything runs (a typo such as
/// `--until-ms 99999999999` used to run for hours).
#[test]
fn times_beyond_24_simulated_hours_are_refused_before_running() {
    let path = scenario_file("too-long.json");
    bad(&kafka_sim(&["run", p(&path), "--until-ms", "99999999999"]), &["--until-ms", "99999999999", "86400000"]);
    bad(&kafka_sim(&["run", p(&path), "--until-ms", "86400001"]), &["--until-ms", "86400000", "24 simulated hours"]);
    bad(
        &kafka_sim(&["describe", p(&path), "--group", "fast", "--at-ms", "99999999999"]),
        &["--at-ms", "99999999999", "86400000"],
    );
    // The limit itself is allowed (checked on a tiny scenario without producers).
    let empty = scratch("day.json", r#"{"topics": [{"name": "a"}], "step_ms": 1000, "duration_ms": 1000}"#);
    let out = json(last_line(&ok(&kafka_sim(&["run", p(&empty), "--until-ms", "86400000"]))));
    assert_eq!(out["t_ms"], 86_400_000, "{out}");
}

#[test]
fn scenario_times_beyond_24_simulated_hours_are_refused() {
    bad_scenario(
        "long-duration.json",
        r#"{"topics": [{"name": "a"}], "duration_ms": 99999999999}"#,
        &["duration_ms", "86400000", "99999999999", "INVALID_CONFIG"],
    );
    bad_scenario(
        "late-step.json",
        r#"{"topics": [{"name": "a"}], "groups": [{"id": "g", "topic": "a"}],
            "script": [{"at_ms": 86400001, "do": "add_consumer", "group": "g"}]}"#,
        &["script[0].at_ms", "86400000", "86400001"],
    );
}

#[test]
fn lang_ko_gives_korean_messages_and_a_bad_lang_is_refused() {
    let path = scratch("ko.json", r#"{"brokers": 2, "topics": [{"name": "a", "replication_factor": 3}]}"#);
    let en = bad(&kafka_sim(&["run", p(&path)]), &["topics[0].replication_factor", "larger than the 2 brokers"]);
    let ko = bad(&kafka_sim(&["run", p(&path), "--lang", "ko"]), &["topics[0].replication_factor", "브로커 수 2"]);
    assert!(ko.contains("INVALID_REPLICATION_FACTOR") && en.contains("INVALID_REPLICATION_FACTOR"));
    // --lang en is the default.
    assert_eq!(en, stderr(&kafka_sim(&["--lang", "en", "run", p(&path)])));
    bad(&kafka_sim(&["run", p(&path), "--lang", "kr"]), &["--lang", "kr", "en", "ko"]);
    let window = r#"{"commits":[],"broker_offsets":[],"current_lag":0,"now_ms":0,"allowed_lag":0}"#;
    let out = json(&ok(&kafka_sim_stdin(&["burrow", "--lang", "ko"], window)));
    assert!(out["explanation"].as_str().expect("explanation").contains("커밋"), "{out}");
}

/// A long run reports progress on stderr (simulated time reached, of how
/// much, records per wall second) and leaves stdout exactly as without it.
/// `KAFKA_SIM_PROGRESS_MS=0` prints after every simulated second instead of
/// every wall second, so the test needs no slow run.
#[test]
fn progress_goes_to_stderr_and_leaves_stdout_alone() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/keyed-orders.json");
    let run = |progress: &str| {
        Command::new(env!("CARGO_BIN_EXE_kafka-sim"))
            .args(["run", example, "--until-ms", "5000"])
            .env("KAFKA_SIM_PROGRESS", progress)
            .env("KAFKA_SIM_PROGRESS_MS", "0")
            .output()
            .expect("the binary runs")
    };
    let (quiet, loud) = (run("0"), run("1"));
    assert!(quiet.status.success() && loud.status.success());
    assert_eq!(stdout(&quiet), stdout(&loud), "progress never touches stdout");
    assert_eq!(stderr(&quiet), "");
    let lines: Vec<String> = stderr(&loud).lines().map(String::from).collect();
    // After the 1st to 4th simulated second; the last slice ends the run.
    assert_eq!(lines.len(), 4, "{lines:?}");
    for (i, l) in lines.iter().enumerate() {
        let reached = format!("kafka-sim: simulated {}.0 s of 5.0 s ({}.0%), ", i + 1, (i + 1) * 20);
        assert!(l.starts_with(&reached) && l.contains(" records/s, ") && l.ends_with(" s elapsed"), "{l}");
    }
}
