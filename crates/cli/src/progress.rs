//! Progress of a long run on stderr: once a run has taken a second of wall
//! time, one line per second with the simulated time reached and the records
//! sent per wall second. stdout (the JSON contract) is untouched, and the
//! clock is read here only, never in the simulation (the simulation stays
//! deterministic; only when a line is printed depends on the machine).
//! Shown when stderr is a terminal; `KAFKA_SIM_PROGRESS=1` shows it anywhere
//! (a CI log), `=0` never (scripts and tests that expect an empty stderr).
//! `KAFKA_SIM_PROGRESS_MS` sets the interval (default 1000; 0 prints after
//! every simulated second, which the CLI tests use to see lines at once).

use kafka_sim::scenario::Runner;
use std::io::Write;
use std::time::{Duration, Instant};

/// Simulated milliseconds run between two looks at the clock and the output.
pub const SLICE_MS: u64 = 1000;

pub struct Progress {
    end_ms: u64,
    started: Instant,
    last: Instant,
    last_sent: u64,
    every: Duration,
}

impl Progress {
    #[allow(clippy::disallowed_methods)] // The CLI's wall clock, for the progress line only.
    pub fn new(end_ms: u64, every: Duration) -> Self {
        let now = Instant::now();
        Progress { end_ms, started: now, last: now, last_sent: 0, every }
    }

    /// Called after each slice; writes a line when a second has passed since the last one.
    #[allow(clippy::disallowed_methods)] // As above.
    pub fn tick(&mut self, runner: &Runner, err: &mut impl Write) {
        let now = Instant::now();
        if now.duration_since(self.last) < self.every {
            return;
        }
        let sent: u64 = runner.cluster.view().producers.iter().map(|p| p.sent).sum();
        let wall = now.duration_since(self.last).as_secs_f64().max(1e-9);
        let rate = (sent - self.last_sent.min(sent)) as f64 / wall;
        let _ =
            writeln!(err, "{}", line(runner.cluster.time_ms(), self.end_ms, rate, now.duration_since(self.started)));
        self.last = now;
        self.last_sent = sent;
    }
}

/// `kafka-sim: simulated 12.0 s of 3600.0 s (0.3%), 52340 records/s, 2 s elapsed`.
pub fn line(sim_ms: u64, end_ms: u64, records_per_s: f64, elapsed: Duration) -> String {
    let pct = if end_ms == 0 { 100.0 } else { sim_ms as f64 * 100.0 / end_ms as f64 };
    format!(
        "kafka-sim: simulated {:.1} s of {:.1} s ({pct:.1}%), {records_per_s:.0} records/s, {} s elapsed",
        sim_ms as f64 / 1000.0,
        end_ms as f64 / 1000.0,
        elapsed.as_secs()
    )
}

/// The interval between lines, if progress is wanted at all.
fn wanted() -> Option<Duration> {
    use std::io::IsTerminal;
    let on = match std::env::var("KAFKA_SIM_PROGRESS").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => std::io::stderr().is_terminal(),
    };
    let ms = std::env::var("KAFKA_SIM_PROGRESS_MS").ok().and_then(|v| v.parse::<u64>().ok()).unwrap_or(1000);
    on.then(|| Duration::from_millis(ms))
}

/// Runs `runner` to `end_ms` in slices, calling `each` after every slice
/// (to stream its events) and reporting progress on stderr.
pub fn run_to<E>(
    runner: &mut Runner,
    end_ms: u64,
    mut each: impl FnMut(&mut Runner) -> Result<(), E>,
) -> Result<(), E> {
    let mut progress = wanted().map(|every| Progress::new(end_ms, every));
    let mut stderr = std::io::stderr();
    let mut t = 0;
    loop {
        t = (t + SLICE_MS).min(end_ms);
        runner.run_until(t);
        each(runner)?;
        if t >= end_ms {
            return Ok(());
        }
        if let Some(p) = progress.as_mut() {
            p.tick(runner, &mut stderr);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_names_time_reached_end_and_rate() {
        assert_eq!(
            line(12_000, 3_600_000, 52_340.4, Duration::from_millis(2_500)),
            "kafka-sim: simulated 12.0 s of 3600.0 s (0.3%), 52340 records/s, 2 s elapsed"
        );
        assert!(line(0, 0, 0.0, Duration::ZERO).contains("(100.0%)"));
    }
}
