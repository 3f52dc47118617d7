//! `kafka-sim`: the simulation core on the command line, JSON in and out.
//!
//! Exit codes: 0 success, 2 bad input (file, JSON, flag or value) with one clear
//! line on stderr, never a panic.

use clap::Parser;
use std::process::ExitCode;

/// The kafka-sim command line: a deterministic Apache Kafka simulation for
/// scenarios, golden traces and checks.
#[derive(Parser, Debug)]
#[command(name = "kafka-sim", version, about, long_about = None)]
struct Cli {}

fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(_cli) => {
            println!(
                "kafka-sim {}: no subcommand yet; see --help",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            ExitCode::from(code)
        }
    }
}
