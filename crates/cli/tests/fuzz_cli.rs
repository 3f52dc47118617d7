//! Seeded fuzzing of every input path: scenario JSON (the CLI's `run` and the
//! app's import share `kafka_sim::json`), `assign` and `burrow` stdin (the
//! binary's own parsing, in-process), the app's config-panel drafts and URL
//! parameters. Every case must run (simulated time capped here) or be refused
//! with a one-line message; a panic fails the test with the case's seed and
//! text. An allocation the machine cannot serve aborts the test binary
//! (`unsafe_code` is forbidden, so no bounding allocator here): the long check
//! runs under `ulimit -v`, and names every 10,000th case on stderr so an abort
//! can be found again (`FUZZ_FROM=n` starts there).
//!
//! The normal run tries a small sample; the long check is
//! `cargo test --release -p kafka-sim-cli --test fuzz_cli --no-run`, then
//! `(ulimit -v 4000000; cargo test --release -p kafka-sim-cli --test fuzz_cli -- --ignored)`
//! (`FUZZ_CASES=n` changes its size; figures in docs/benchmarks.md).
//! Deterministic: the mutations come from the simulation's own `SimRng`.

use kafka_sim::assignor::{AssignRequest, Strategy};
use kafka_sim::rng::SimRng;
use kafka_sim::scenario::Runner;
use kafka_sim::Lang;
use serde_json::Value;
use std::panic::{catch_unwind, AssertUnwindSafe};

#[path = "../src/burrow_cmd.rs"]
#[allow(dead_code)]
mod burrow_cmd;

/// Simulated time a valid scenario runs for here (the limits bound the rest).
const RUN_CAP_MS: u64 = 300;

/// Marks where `case_text` nests a value deeply.
const DEEP: &str = "@@deep@@";

/// Values that break naive parsing: wrong kinds, extremes, NaN-like text.
fn odd_value(rng: &mut SimRng) -> Value {
    let texts = ["NaN", "Infinity", "-Infinity", "1e309", "", "\u{0}", "キー", "-1", "0x10", "null", " 3 "];
    match rng.below(16) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => Value::from(u64::MAX),
        3 => Value::from(i64::MIN),
        4 => Value::from(-1),
        5 => Value::from(0),
        6 => Value::from(u64::from(u32::MAX) + 1),
        7 => Value::from(1e308),
        8 => Value::from(100_000_000u64),
        9 => Value::from(99_999_999_999u64),
        10 => Value::from(rng.below(5000)),
        11 => Value::from(texts[rng.below(texts.len() as u32) as usize]),
        12 => Value::Array(vec![]),
        13 => Value::Object(Default::default()),
        14 => Value::from("x".repeat(rng.below(400) as usize)),
        _ => Value::from(-0.5),
    }
}

/// One structural mutation at a random node of `v`.
fn mutate(v: &mut Value, rng: &mut SimRng, depth: u32) {
    let descend = depth < 6 && rng.below(3) != 0;
    match v {
        Value::Object(map) if !map.is_empty() && descend => {
            let key = map.keys().nth(rng.below(map.len() as u32) as usize).cloned().unwrap_or_default();
            match rng.below(6) {
                0 => {
                    map.remove(&key);
                }
                1 => {
                    map.insert(key, odd_value(rng));
                }
                _ => mutate(map.get_mut(&key).expect("key exists"), rng, depth + 1),
            }
        }
        Value::Array(items) if !items.is_empty() && descend => {
            let i = rng.below(items.len() as u32) as usize;
            match rng.below(6) {
                0 => {
                    items.remove(i);
                }
                // A long list: copies of one item (duplicate names, ids, members).
                1 => {
                    let n = [10, 300, 5000][rng.below(3) as usize];
                    let item = items[i].clone();
                    items.extend(std::iter::repeat_n(item, n));
                }
                _ => mutate(&mut items[i], rng, depth + 1),
            }
        }
        _ => match rng.below(4) {
            // Deep nesting, spliced in as text by `case_text` (a deep `Value`
            // would overflow the harness's own stack when dropped).
            0 => *v = Value::from(DEEP),
            _ => *v = odd_value(rng),
        },
    }
}

/// A mutated text of `base`: structural mutations, sometimes a textual cut or splice.
fn case_text(base: &str, rng: &mut SimRng) -> String {
    let mut text = match serde_json::from_str::<Value>(base) {
        Ok(mut v) => {
            for _ in 0..=rng.below(3) {
                mutate(&mut v, rng, 0);
            }
            let depth = [3, 200, 100_000][rng.below(3) as usize];
            let deep = format!("{}{}{}", "[".repeat(depth), "{\"a\":1}", "]".repeat(depth));
            v.to_string().replace(&format!("\"{DEEP}\""), &deep)
        }
        Err(_) => base.to_string(),
    };
    match rng.below(8) {
        0 if !text.is_empty() => {
            let mut at = rng.below(text.len() as u32) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.truncate(at);
        }
        1 if !text.is_empty() => {
            let mut at = rng.below(text.len() as u32) as usize;
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let bits = ["\n", "\"", "}", "]", ",", ":", "\u{feff}", "é", "1e400", "-"];
            text.insert_str(at, bits[rng.below(bits.len() as u32) as usize]);
        }
        _ => {}
    }
    text
}

fn one_line_refusal(msg: &str, what: &str, text: &str) {
    assert!(!msg.trim().is_empty() && !msg.contains('\n'), "refusal of {what} is not one line: {msg:?}\ninput: {text}");
}

/// A scenario as `kafka-sim run` and the app's import read it, then run (capped).
fn scenario_case(text: &str) {
    match kafka_sim::json::scenario(text, "fuzz.json", Lang::En) {
        Ok(s) => match Runner::new(&s) {
            Ok(mut runner) => {
                runner.run_until(s.duration_ms.min(RUN_CAP_MS));
                let _ = runner.cluster.drain_events();
                let _ = kafka_sim::scenario::Summary::of(&runner.cluster);
            }
            Err(e) => one_line_refusal(&e.message(Lang::En), "a scenario", text),
        },
        Err(msg) => {
            assert!(msg.starts_with("fuzz.json: "), "the refusal names the input: {msg}");
            one_line_refusal(&msg, "a scenario", text);
        }
    }
}

/// `kafka-sim assign` stdin, every strategy.
fn assign_case(text: &str) {
    match kafka_sim::json::read::<AssignRequest>(text, "stdin") {
        Ok(request) => {
            for s in [Strategy::Range, Strategy::RoundRobin, Strategy::Sticky, Strategy::CooperativeSticky] {
                if let Err(e) = request.run(s) {
                    one_line_refusal(&e.message(Lang::En), "an assign request", text);
                }
            }
        }
        Err(msg) => one_line_refusal(&msg, "an assign request", text),
    }
}

/// `kafka-sim burrow` and `burrow --group` stdin.
fn burrow_case(text: &str) {
    match kafka_sim::json::read::<kafka_sim::burrow::PartitionWindow>(text, "stdin") {
        Ok(w) => {
            if let Err(msg) = burrow_cmd::partition(w, Lang::En) {
                one_line_refusal(&msg, "a burrow window", text);
            }
        }
        Err(msg) => one_line_refusal(&msg, "a burrow window", text),
    }
    match kafka_sim::json::read::<burrow_cmd::GroupRequest>(text, "stdin") {
        Ok(r) => {
            if let Err(msg) = burrow_cmd::group(r) {
                one_line_refusal(&msg, "a burrow group", text);
            }
        }
        Err(msg) => one_line_refusal(&msg, "a burrow group", text),
    }
}

/// The config panel: odd text typed into every field, then the plan checked.
fn draft_case(rng: &mut SimRng) {
    use kafka_visualiser::config_draft::{Draft, Field};
    let texts = [
        "",
        "-1",
        "0",
        "1",
        "3",
        "257",
        "4294967296",
        "1e9",
        "NaN",
        "inf",
        "1.5",
        "9999999999999",
        "a,b,,c",
        " 7 ",
        "٣",
    ];
    let mut draft = Draft::new(kafka_sim::ClusterConfig::default());
    for _ in 0..=rng.below(6) {
        let i = rng.below(3) as usize;
        let fields = [
            Field::Brokers,
            Field::Partitions,
            Field::ReplicationFactor,
            Field::MinIsr,
            Field::RetentionMs,
            Field::RetentionBytes,
            Field::SegmentBytes,
            Field::SegmentMs,
            Field::ProducerRate(i),
            Field::ProducerKeys(i),
            Field::ProducerKeySpace(i),
            Field::VipPrefix(i),
            Field::VipCount(i),
            Field::GroupMembers(i),
            Field::GroupRate(i),
        ];
        let f = fields[rng.below(fields.len() as u32) as usize];
        let text = texts[rng.below(texts.len() as u32) as usize];
        match rng.below(8) {
            0 => draft.add_producer(),
            1 => draft.remove_producer(i),
            2 => draft.add_group(),
            3 => draft.remove_group(i),
            _ => draft.set_text(f, text),
        }
        let _ = draft.text(f);
    }
    if draft.is_valid() {
        Runner::new(&kafka_sim::scenario::Scenario::of_run(&draft.config, &[], RUN_CAP_MS))
            .expect("a draft the panel accepts starts")
            .run_until(RUN_CAP_MS);
    } else {
        let problem = draft.problem(Lang::En).expect("an invalid draft says why");
        assert!(!problem.is_empty());
    }
}

/// `?lang=…&seed=…`: any query parses, with problems named.
fn url_case(rng: &mut SimRng) {
    let keys = ["lang", "preset", "seed", "speed", "play", "tab", "lesson", "step", "embed", "zzz", ""];
    let values = [
        "ko",
        "en",
        "stress",
        "-1",
        "18446744073709551616",
        "NaN",
        "1e400",
        "0.1",
        "%",
        "%zz",
        "%ED%95%9C",
        "ch3",
        "0",
        "99999999999999999999",
        "=",
        "+",
    ];
    let mut q = String::from("?");
    for _ in 0..=rng.below(5) {
        let k = keys[rng.below(keys.len() as u32) as usize];
        let v = values[rng.below(values.len() as u32) as usize];
        q.push_str(&format!("{k}={v}&"));
    }
    let settings = kafka_visualiser::url::parse_query(&q);
    for (param, value, allowed) in &settings.problems {
        assert!(!allowed.is_empty(), "{param}={value}: the notice says what is allowed");
    }
}

/// The seeds: the example scenarios and every JSON example of the format's doc.
fn scenario_seeds() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut seeds = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(format!("{root}/scenarios"))
        .expect("scenarios/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for f in files {
        seeds.push(std::fs::read_to_string(f).expect("scenario"));
    }
    let doc = std::fs::read_to_string(format!("{root}/docs/scenario-format.md")).expect("format doc");
    for block in doc.split("```json").skip(1) {
        let body = block.split("```").next().unwrap_or("");
        if body.trim_start().starts_with('{') {
            seeds.push(body.to_string());
        }
    }
    seeds
}

const ASSIGN_SEEDS: [&str; 2] = [
    r#"{"partitions_per_topic":{"t1":3,"t2":2},"members":{"c1":{"topics":["t1","t2"],"owned":["t1-0"],"generation":1},"c2":{"topics":["t1"],"group_instance_id":"i2"}}}"#,
    r#"{"partitions_per_topic":{"a":6},"members":{"x":{"topics":["a"],"owned":["a-0","a-1","a-2"],"generation":3},"y":{"topics":["a"],"owned":["a-3"],"generation":2}}}"#,
];
const BURROW_SEEDS: [&str; 2] = [
    r#"{"commits":[{"offset":1000,"timestamp_ms":100000,"lag":100},{"offset":1000,"timestamp_ms":110000,"lag":110}],"broker_offsets":[1140],"current_lag":140,"now_ms":141000}"#,
    r#"{"partitions":[{"topic":"t","partition":0,"commits":[{"offset":10,"timestamp_ms":1000,"lag":0},{"offset":20,"timestamp_ms":2000,"lag":0}],"broker_offsets":[20],"current_lag":0,"now_ms":2500}]}"#,
];

/// Runs `cases` cases from `seed`; returns how many were of each path.
fn fuzz(seed: u64, cases: std::ops::Range<u64>) -> [u64; 5] {
    let scenarios = scenario_seeds();
    assert!(scenarios.len() >= 5, "the seeds are found");
    let mut counts = [0; 5];
    for case in cases {
        if case % 10_000 == 0 {
            eprintln!("fuzz: case {case} (seed {seed})");
        }
        let mut rng = SimRng::new(seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let path = rng.below(10);
        let text = match path {
            0..=5 => case_text(&scenarios[rng.below(scenarios.len() as u32) as usize], &mut rng),
            6 => case_text(ASSIGN_SEEDS[rng.below(2) as usize], &mut rng),
            7 => case_text(BURROW_SEEDS[rng.below(2) as usize], &mut rng),
            _ => String::new(),
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| match path {
            0..=5 => scenario_case(&text),
            6 => assign_case(&text),
            7 => burrow_case(&text),
            8 => draft_case(&mut rng),
            _ => url_case(&mut rng),
        }));
        if outcome.is_err() {
            panic!("case {case} (seed {seed}, path {path}) panicked; input:\n{text}");
        }
        counts[(path as usize).saturating_sub(5).min(4)] += 1;
    }
    counts
}

#[test]
fn a_sample_of_mutated_inputs_runs_or_is_refused() {
    let counts = fuzz(1, 0..3000);
    // Every path was exercised.
    assert!(counts.iter().all(|&n| n > 100), "{counts:?}");
}

#[test]
#[ignore = "long: cargo test --release -p kafka-sim-cli --test fuzz_cli -- --ignored"]
#[allow(clippy::disallowed_methods)] // Wall time of the long check, reported only.
fn a_hundred_thousand_mutated_inputs_run_or_are_refused() {
    let cases = std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let from: u64 = std::env::var("FUZZ_FROM").ok().and_then(|n| n.parse().ok()).unwrap_or(0);
    let started = std::time::Instant::now();
    let counts = fuzz(0x5EED, from..from + cases);
    eprintln!("fuzz: {cases} cases {counts:?} (scenario, assign, burrow, draft, url) in {:?}", started.elapsed());
}
