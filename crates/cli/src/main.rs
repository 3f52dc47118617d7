//! `kafka-sim`: the simulation core on the command line, JSON in and out.
//!
//! Exit codes: 0 success, 2 bad input (file, JSON, flag or value) with one clear
//! line on stderr, never a panic or a backtrace.

use clap::{Parser, Subcommand, ValueEnum};
use kafka_sim::assignor::{AssignRequest, Strategy};
use kafka_sim::murmur2::{murmur2, to_positive};
use kafka_sim::scenario::{Runner, Scenario, Summary};
use serde::Serialize;
use std::io::{Read, Write};
use std::process::ExitCode;

mod describe;

/// The kafka-sim command line: a deterministic Apache Kafka simulation for
/// scenarios, golden traces and checks.
#[derive(Parser, Debug)]
#[command(name = "kafka-sim", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Which partition each key goes to, as Kafka's built-in partitioner computes it
    /// (to_positive(murmur2(key)) % partitions).
    Partition {
        /// Number of partitions of the topic (1 to 2147483647).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=i32::MAX as i64))]
        partitions: u32,
        /// Keys are hex bytes (e.g. 0a1b) instead of UTF-8 text.
        #[arg(long)]
        hex: bool,
        /// Print one JSON array instead of a table.
        #[arg(long)]
        json: bool,
        /// Keys ("" is a valid, empty key).
        #[arg(required = true)]
        keys: Vec<String>,
    },
    /// Run a partition assignor on a group read from stdin (JSON).
    Assign {
        #[arg(long, value_enum)]
        strategy: StrategyArg,
    },
    /// Run a scenario headless and print a summary (and, with --trace, every event).
    Run {
        /// Scenario file (JSON; see docs/scenario-format.md).
        scenario: String,
        /// Stop at this simulated time instead of the scenario's duration_ms.
        #[arg(long)]
        until_ms: Option<u64>,
        /// Print every event as one JSON object per line before the summary.
        #[arg(long)]
        trace: bool,
    },
    /// Print a group as `kafka-consumer-groups --describe` does.
    Describe {
        scenario: String,
        #[arg(long)]
        group: String,
        /// Describe the group at this simulated time (default: the scenario's end).
        #[arg(long)]
        at_ms: Option<u64>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum StrategyArg {
    Range,
    Roundrobin,
    Sticky,
    CooperativeSticky,
}

impl From<StrategyArg> for Strategy {
    fn from(s: StrategyArg) -> Self {
        match s {
            StrategyArg::Range => Strategy::Range,
            StrategyArg::Roundrobin => Strategy::RoundRobin,
            StrategyArg::Sticky => Strategy::Sticky,
            StrategyArg::CooperativeSticky => Strategy::CooperativeSticky,
        }
    }
}

/// A bad-input failure: one line, exit code 2.
struct BadInput(String);

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.render().to_string();
            let first = text
                .lines()
                .next()
                .unwrap_or("bad arguments")
                .trim_start_matches("error: ");
            eprintln!("kafka-sim: {first} (see kafka-sim --help)");
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let result = match cli.command {
        Cmd::Partition {
            partitions,
            hex,
            json,
            keys,
        } => partition(&mut out, partitions, hex, json, &keys),
        Cmd::Assign { strategy } => assign(&mut out, strategy.into()),
        Cmd::Run {
            scenario,
            until_ms,
            trace,
        } => run(&mut out, &scenario, until_ms, trace),
        Cmd::Describe { scenario, group, at_ms } => describe_cmd(&mut out, &scenario, &group, at_ms),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(BadInput(msg)) => {
            eprintln!("kafka-sim: {msg}");
            ExitCode::from(2)
        }
    }
}

fn io_err(e: std::io::Error) -> BadInput {
    BadInput(format!("cannot write output: {e}"))
}

#[derive(Serialize)]
struct KeyPartition {
    key: String,
    murmur2: i32,
    to_positive: i32,
    partition: u32,
}

fn partition(out: &mut impl Write, partitions: u32, hex: bool, json: bool, keys: &[String]) -> Result<(), BadInput> {
    let mut rows = Vec::with_capacity(keys.len());
    for key in keys {
        let bytes = if hex { parse_hex(key)? } else { key.as_bytes().to_vec() };
        let h = murmur2(&bytes);
        let pos = to_positive(h);
        rows.push(KeyPartition {
            key: key.clone(),
            murmur2: h,
            to_positive: pos,
            partition: pos as u32 % partitions,
        });
    }
    if json {
        let text = serde_json::to_string(&rows).map_err(|e| BadInput(e.to_string()))?;
        writeln!(out, "{text}").map_err(io_err)?;
    } else {
        let w = rows.iter().map(|r| display_width(&r.key)).max().unwrap_or(0).max(3);
        writeln!(
            out,
            "{}  {:>11}  {:>11}  PARTITION (of {partitions})",
            pad("KEY", w),
            "MURMUR2",
            "TO_POSITIVE"
        )
        .map_err(io_err)?;
        for r in &rows {
            let key = if r.key.is_empty() {
                "\"\"".to_string()
            } else {
                r.key.clone()
            };
            writeln!(
                out,
                "{}  {:>11}  {:>11}  {}",
                pad(&key, w),
                r.murmur2,
                r.to_positive,
                r.partition
            )
            .map_err(io_err)?;
        }
    }
    Ok(())
}

/// Columns of East Asian wide characters take two cells in a terminal.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if ('\u{1100}'..='\u{D7FF}').contains(&c) || ('\u{3000}'..='\u{9FFF}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(display_width(s))))
}

fn parse_hex(s: &str) -> Result<Vec<u8>, BadInput> {
    let bad = || {
        BadInput(format!(
            "--hex key {s:?} is not hex bytes: use an even number of digits 0-9, a-f (e.g. 0a1b)"
        ))
    };
    if s.len() % 2 != 0 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|_| bad()))
        .collect()
}

fn read_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, BadInput> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." || path.is_empty() {
            BadInput(format!("{what}: {inner}"))
        } else {
            BadInput(format!("{what}: at {path}: {inner}"))
        }
    })
}

fn assign(out: &mut impl Write, strategy: Strategy) -> Result<(), BadInput> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| BadInput(format!("cannot read stdin: {e}")))?;
    let request: AssignRequest = read_json(&text, "stdin")?;
    let response = request
        .run(strategy)
        .map_err(|e| BadInput(format!("{}: {}", e.field, e.en)))?;
    let json = serde_json::to_string(&response).map_err(|e| BadInput(e.to_string()))?;
    writeln!(out, "{json}").map_err(io_err)
}

fn load_scenario(path: &str) -> Result<Scenario, BadInput> {
    let text = std::fs::read_to_string(path).map_err(|e| BadInput(format!("cannot read scenario {path}: {e}")))?;
    let scenario: Scenario = read_json(&text, path)?;
    scenario
        .validate()
        .map_err(|e| BadInput(format!("{path}: {}: {} ({})", e.field, e.en, e.code.name())))?;
    Ok(scenario)
}

fn run(out: &mut impl Write, path: &str, until_ms: Option<u64>, trace: bool) -> Result<(), BadInput> {
    let scenario = load_scenario(path)?;
    let mut runner = Runner::new(&scenario).map_err(|e| BadInput(format!("{path}: {e}")))?;
    runner.cluster.set_record_events(trace);
    let end = until_ms.unwrap_or(scenario.duration_ms);
    let mut out = std::io::BufWriter::new(out);
    // Run in one-second slices so a long trace streams instead of piling up.
    let mut t = 0;
    loop {
        t = (t + 1000).min(end);
        runner.run_until(t);
        let events = runner.cluster.drain_events();
        if trace {
            for e in &events {
                let line = serde_json::to_string(e).map_err(|e| BadInput(e.to_string()))?;
                writeln!(out, "{line}").map_err(io_err)?;
            }
        }
        if t >= end {
            break;
        }
    }
    let summary = serde_json::to_string(&Summary::of(&runner.cluster)).map_err(|e| BadInput(e.to_string()))?;
    writeln!(out, "{summary}").map_err(io_err)?;
    out.flush().map_err(io_err)
}

fn describe_cmd(out: &mut impl Write, path: &str, group: &str, at_ms: Option<u64>) -> Result<(), BadInput> {
    let scenario = load_scenario(path)?;
    if !scenario.groups.iter().any(|g| g.id == group)
        && !scenario
            .script
            .iter()
            .any(|s| s.new_group.as_ref().is_some_and(|g| g.id == group))
    {
        let known: Vec<&str> = scenario.groups.iter().map(|g| g.id.as_str()).collect();
        return Err(BadInput(format!(
            "--group {group}: no such group in {path} (groups: {})",
            known.join(", ")
        )));
    }
    let mut runner = Runner::new(&scenario).map_err(|e| BadInput(format!("{path}: {e}")))?;
    runner.cluster.set_record_events(false);
    runner.run_until(at_ms.unwrap_or(scenario.duration_ms));
    let view = runner.cluster.view();
    let Some(g) = view.groups.iter().find(|g| g.id == group) else {
        return Err(BadInput(format!(
            "--group {group}: the group does not exist at that time"
        )));
    };
    write!(out, "{}", describe::render(g)).map_err(io_err)
}
