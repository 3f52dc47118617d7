//! `kafka-sim`: the simulation core on the command line, JSON in and out.
//!
//! Exit codes: 0 success, 2 bad input (file, JSON, flag or value) with one clear
//! line on stderr, never a panic or a backtrace.

use clap::{Parser, Subcommand, ValueEnum};
use kafka_sim::assignor::{AssignRequest, Strategy};
use kafka_sim::limits::MAX_RUN_MS;
use kafka_sim::murmur2::{murmur2, to_positive};
use kafka_sim::scenario::{Runner, Scenario, Summary, SummaryBroker};
use kafka_sim::{Lang, SimError};
use serde::Serialize;
use std::io::{Read, Write};
use std::process::ExitCode;

mod burrow_cmd;
mod describe;
mod lesson_cmd;
mod progress;

/// The kafka-sim command line: a deterministic Apache Kafka simulation for
/// scenarios, golden traces and checks.
#[derive(Parser, Debug)]
#[command(name = "kafka-sim", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
    /// Language of error messages and explanations: en or ko.
    #[arg(long, global = true, default_value = "en", value_parser = parse_lang)]
    lang: Lang,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    s.parse()
}

/// A simulated time for `--until-ms` / `--at-ms`: at most `MAX_RUN_MS`, so a
/// typo cannot start a run that takes hours.
fn parse_run_ms(s: &str) -> Result<u64, String> {
    let ms: u64 = s.parse().map_err(|_| "expected a whole number of simulated milliseconds".to_string())?;
    if ms > MAX_RUN_MS {
        return Err(format!("at most {MAX_RUN_MS} ({} simulated hours)", MAX_RUN_MS / 3_600_000));
    }
    Ok(ms)
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Which partition each key goes to, as Kafka's built-in partitioner computes it
    /// (to_positive(murmur2(key)) % partitions).
    Partition {
        /// Number of partitions of the topic (1 to 2147483647).
        #[arg(long, allow_negative_numbers = true, value_parser = clap::value_parser!(u32).range(1..=i32::MAX as i64))]
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
    /// Run a partition assignor on a group read from stdin (JSON): at most
    /// 1,000,000 subscribed partitions and 10,000 members.
    Assign {
        #[arg(long, value_enum)]
        strategy: StrategyArg,
    },
    /// Run a scenario headless and print a summary (and, with --trace, every event).
    Run {
        /// Scenario file (JSON; see docs/scenario-format.md).
        scenario: String,
        /// Stop at this simulated time instead of the scenario's duration_ms (at most 24 h).
        #[arg(long, allow_negative_numbers = true, value_parser = parse_run_ms)]
        until_ms: Option<u64>,
        /// Print every event as one JSON object per line before the summary.
        #[arg(long)]
        trace: bool,
    },
    /// Print a group as `kafka-consumer-groups --describe` does (--group), or what
    /// each broker spends: bytes in, out, replicated, on disk (--brokers).
    #[command(group(clap::ArgGroup::new("what").required(true).args(["group", "brokers"])))]
    Describe {
        scenario: String,
        /// The consumer group to describe.
        #[arg(long)]
        group: Option<String>,
        /// One row per broker: bytes in/out (produce, consume), replication in/out,
        /// disk, leader partitions, replicas, and the rates over the last simulated second.
        #[arg(long)]
        brokers: bool,
        /// With --brokers: one JSON array (the summary's `brokers` objects) instead of a table.
        #[arg(long)]
        json: bool,
        /// Describe at this simulated time (default: the scenario's end; at most 24 h).
        #[arg(long, allow_negative_numbers = true, value_parser = parse_run_ms)]
        at_ms: Option<u64>,
    },
    /// Burrow's status for a partition's commit window read from stdin (JSON), or
    /// with --group for a whole group: OK, WARN, STOP, STALL, REWIND / OK, WARN, ERR.
    Burrow {
        /// Read `{"partitions":[{"topic":…,"partition":…, <window>}, …]}` and print the group status.
        #[arg(long)]
        group: bool,
    },
    /// Play a lesson of the course headless: each step's narration, question,
    /// the choice the run makes right (*), the reveal and the measured facts.
    /// Without an id, list the lessons.
    Lesson {
        /// ch2 … ch6.
        id: Option<String>,
        /// One JSON object per step instead of text.
        #[arg(long)]
        json: bool,
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

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("kafka-sim: {} (see kafka-sim --help)", clap_error_line(&e));
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let lang = cli.lang;
    let result = match cli.command {
        Cmd::Partition { partitions, hex, json, keys } => partition(&mut out, partitions, hex, json, &keys),
        Cmd::Assign { strategy } => assign(&mut out, strategy.into(), lang),
        Cmd::Run { scenario, until_ms, trace } => run(&mut out, &scenario, until_ms, trace, lang),
        Cmd::Describe { json: true, group: Some(_), .. } => {
            Err(Failure::BadInput("--json goes with --brokers; the group table (--group) is text only".to_string()))
        }
        Cmd::Describe { scenario, group: Some(group), at_ms, .. } => {
            describe_cmd(&mut out, &scenario, &group, at_ms, lang)
        }
        Cmd::Describe { scenario, group: None, json, at_ms, .. } => {
            describe_brokers(&mut out, &scenario, json, at_ms, lang)
        }
        Cmd::Burrow { group } => burrow(&mut out, group, lang),
        Cmd::Lesson { id, json } => lesson_cmd::run(&mut out, id.as_deref(), json, lang),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::BadInput(msg)) => {
            eprintln!("kafka-sim: {}", one_line(&msg));
            ExitCode::from(2)
        }
        // The reader went away (`kafka-sim run x.json --trace | head`): stop quietly.
        Err(Failure::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        // Not bad input: the output could not be written (disk full, closed stdout).
        Err(Failure::Output(e)) => {
            eprintln!("kafka-sim: cannot write output: {}", one_line(&e.to_string()));
            ExitCode::from(1)
        }
    }
}

/// Clap renders an error as several lines (the message, then the missing
/// arguments or the possible values, then usage). The contract is one line: keep
/// the first paragraph, joined.
fn clap_error_line(e: &clap::Error) -> String {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand) {
        let names: Vec<String> = <Cli as clap::CommandFactory>::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .filter(|n| n != "help")
            .collect();
        return format!("a subcommand is required: {}", names.join(", "));
    }
    let text = e.render().to_string();
    let first: Vec<&str> =
        text.lines().take_while(|l| !l.trim().is_empty()).map(|l| l.trim().trim_start_matches("error: ")).collect();
    if first.is_empty() {
        "bad arguments".to_string()
    } else {
        first.join(" ")
    }
}

/// Messages may quote user input (a group name, a path) that holds line breaks.
fn one_line(msg: &str) -> String {
    msg.split(['\n', '\r']).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Why a command failed: bad input (exit 2) or output that could not be written.
enum Failure {
    BadInput(String),
    Output(std::io::Error),
}

fn io_err(e: std::io::Error) -> Failure {
    Failure::Output(e)
}

#[derive(Serialize)]
struct KeyPartition {
    key: String,
    murmur2: i32,
    to_positive: i32,
    partition: u32,
}

fn partition(out: &mut impl Write, partitions: u32, hex: bool, json: bool, keys: &[String]) -> Result<(), Failure> {
    let mut rows = Vec::with_capacity(keys.len());
    for key in keys {
        let bytes = if hex { parse_hex(key)? } else { key.as_bytes().to_vec() };
        let h = murmur2(&bytes);
        let pos = to_positive(h);
        rows.push(KeyPartition { key: key.clone(), murmur2: h, to_positive: pos, partition: pos as u32 % partitions });
    }
    if json {
        let text = serde_json::to_string(&rows).map_err(|e| Failure::BadInput(e.to_string()))?;
        writeln!(out, "{text}").map_err(io_err)?;
    } else {
        let w = rows.iter().map(|r| display_width(&r.key)).max().unwrap_or(0).max(3);
        writeln!(out, "{}  {:>11}  {:>11}  PARTITION (of {partitions})", pad("KEY", w), "MURMUR2", "TO_POSITIVE")
            .map_err(io_err)?;
        for r in &rows {
            let key = if r.key.is_empty() { "\"\"".to_string() } else { r.key.clone() };
            writeln!(out, "{}  {:>11}  {:>11}  {}", pad(&key, w), r.murmur2, r.to_positive, r.partition)
                .map_err(io_err)?;
        }
    }
    Ok(())
}

/// Columns of East Asian wide characters take two cells in a terminal.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| if ('\u{1100}'..='\u{D7FF}').contains(&c) || ('\u{3000}'..='\u{9FFF}').contains(&c) { 2 } else { 1 })
        .sum()
}

fn pad(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(display_width(s))))
}

fn parse_hex(s: &str) -> Result<Vec<u8>, Failure> {
    let bad = || {
        Failure::BadInput(format!(
            "--hex key {s:?} is not hex bytes: use an even number of digits 0-9, a-f (e.g. 0a1b)"
        ))
    };
    if s.len() % 2 != 0 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|_| bad())).collect()
}

/// One JSON object as `T`, or bad input with the shared reader's message.
fn read_json<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, Failure> {
    kafka_sim::json::read(text, what).map_err(Failure::BadInput)
}

fn burrow(out: &mut impl Write, group: bool, lang: Lang) -> Result<(), Failure> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| Failure::BadInput(format!("cannot read stdin: {e}")))?;
    let json = if group {
        let request: burrow_cmd::GroupRequest = read_json(&text, "stdin")?;
        let answer = burrow_cmd::group(request).map_err(|e| Failure::BadInput(format!("stdin: {e}")))?;
        serde_json::to_string(&answer)
    } else {
        let window: kafka_sim::burrow::PartitionWindow = read_json(&text, "stdin")?;
        let answer = burrow_cmd::partition(window, lang).map_err(|e| Failure::BadInput(format!("stdin: {e}")))?;
        serde_json::to_string(&answer)
    }
    .map_err(|e| Failure::BadInput(e.to_string()))?;
    writeln!(out, "{json}").map_err(io_err)
}

fn assign(out: &mut impl Write, strategy: Strategy, lang: Lang) -> Result<(), Failure> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).map_err(|e| Failure::BadInput(format!("cannot read stdin: {e}")))?;
    let request: AssignRequest = read_json(&text, "stdin")?;
    let response =
        request.run(strategy).map_err(|e| Failure::BadInput(format!("stdin: {}: {}", e.field, e.message(lang))))?;
    let json = serde_json::to_string(&response).map_err(|e| Failure::BadInput(e.to_string()))?;
    writeln!(out, "{json}").map_err(io_err)
}

/// A refused configuration as `CODE: field: message`, in `lang`.
fn sim_error(e: &SimError, lang: Lang) -> String {
    if e.field.is_empty() {
        format!("{}: {}", e.code, e.message(lang))
    } else {
        format!("{}: {}: {}", e.code, e.field, e.message(lang))
    }
}

fn load_scenario(path: &str, lang: Lang) -> Result<Scenario, Failure> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Failure::BadInput(format!("cannot read scenario {path}: {e}")))?;
    kafka_sim::json::scenario(&text, path, lang).map_err(Failure::BadInput)
}

fn run(out: &mut impl Write, path: &str, until_ms: Option<u64>, trace: bool, lang: Lang) -> Result<(), Failure> {
    let scenario = load_scenario(path, lang)?;
    let mut runner =
        Runner::new(&scenario).map_err(|e| Failure::BadInput(format!("{path}: {}", sim_error(&e, lang))))?;
    runner.cluster.set_record_events(trace);
    let end = until_ms.unwrap_or(scenario.duration_ms);
    let mut out = std::io::BufWriter::new(out);
    // Run in one-second slices so a long trace streams instead of piling up.
    progress::run_to(&mut runner, end, |runner| {
        let events = runner.cluster.drain_events();
        if trace {
            for e in &events {
                let line = serde_json::to_string(e).map_err(|e| Failure::BadInput(e.to_string()))?;
                writeln!(out, "{line}").map_err(io_err)?;
            }
        }
        Ok(())
    })?;
    let summary = serde_json::to_string(&Summary::of(&runner.cluster)).map_err(|e| Failure::BadInput(e.to_string()))?;
    writeln!(out, "{summary}").map_err(io_err)?;
    out.flush().map_err(io_err)
}

fn describe_cmd(out: &mut impl Write, path: &str, group: &str, at_ms: Option<u64>, lang: Lang) -> Result<(), Failure> {
    let scenario = load_scenario(path, lang)?;
    if !scenario.groups.iter().any(|g| g.id == group)
        && !scenario.script.iter().any(|s| s.new_group.as_ref().is_some_and(|g| g.id == group))
    {
        let known: Vec<&str> = scenario.groups.iter().map(|g| g.id.as_str()).collect();
        return Err(Failure::BadInput(format!(
            "--group {group}: no such group in {path} (groups: {})",
            known.join(", ")
        )));
    }
    let view = view_at(&scenario, path, at_ms, lang)?;
    let Some(g) = view.groups.iter().find(|g| g.id == group) else {
        return Err(Failure::BadInput(format!("--group {group}: the group does not exist at that time")));
    };
    write!(out, "{}", describe::render(g)).map_err(io_err)
}

/// The scenario's view at `at_ms` (default: its end).
fn view_at(
    scenario: &Scenario,
    path: &str,
    at_ms: Option<u64>,
    lang: Lang,
) -> Result<kafka_sim::view::ClusterView, Failure> {
    let mut runner =
        Runner::new(scenario).map_err(|e| Failure::BadInput(format!("{path}: {}", sim_error(&e, lang))))?;
    runner.cluster.set_record_events(false);
    progress::run_to(&mut runner, at_ms.unwrap_or(scenario.duration_ms), |_| Ok::<(), Failure>(()))?;
    Ok(runner.cluster.view())
}

fn describe_brokers(
    out: &mut impl Write,
    path: &str,
    json: bool,
    at_ms: Option<u64>,
    lang: Lang,
) -> Result<(), Failure> {
    let scenario = load_scenario(path, lang)?;
    let view = view_at(&scenario, path, at_ms, lang)?;
    let rows: Vec<SummaryBroker> = view.brokers.iter().map(SummaryBroker::of).collect();
    if json {
        let text = serde_json::to_string(&rows).map_err(|e| Failure::BadInput(e.to_string()))?;
        writeln!(out, "{text}").map_err(io_err)
    } else {
        write!(out, "{}", describe::render_brokers(&rows)).map_err(io_err)
    }
}
