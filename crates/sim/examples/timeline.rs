//! Time travel's cost: what keeping history takes, and how long a seek takes.
//!
//! ```text
//! cargo run --release --example timeline -p kafka-sim [SIM_SECONDS]   (default 600)
//! ```
//!
//! Plays the app's `stress` preset (`presets::bounded(stress)`, as the app
//! runs it) for `SIM_SECONDS`, once without and once with a
//! [`kafka_sim::timeline::Timeline`] recording it, and prints the resident
//! memory of each (`/proc/self/statm`, Linux; the difference is what history
//! costs) and then the time of 50 seeks to evenly spread times (the slowest
//! replays a whole snapshot interval). Native figures; the browser's are in
//! docs/benchmarks.md.

use kafka_sim::presets::{bounded, stress, SHORT_RETENTION_MS};
use kafka_sim::timeline::Timeline;
use kafka_sim::Cluster;
use std::time::Instant;

fn resident() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    statm.split_whitespace().nth(1).and_then(|p| p.parse::<u64>().ok()).unwrap_or(0) * 4096
}

fn play(seconds: u64, record: bool) -> (Cluster, Option<Timeline<()>>) {
    let mut cluster = Cluster::new(bounded(stress(1), SHORT_RETENTION_MS)).expect("a valid preset");
    drop(cluster.drain_events());
    let mut timeline = record.then(|| Timeline::new(&cluster, ()));
    while cluster.time_ms() < seconds * 1000 {
        cluster.tick();
        let events = cluster.drain_events();
        if let Some(t) = timeline.as_mut() {
            t.observe(&cluster, &events, || ());
        }
    }
    (cluster, timeline)
}

#[allow(clippy::disallowed_methods)] // Wall time of the benchmark, reported only.
fn main() {
    let seconds: u64 = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(600);
    let base = resident();
    let (live, _) = play(seconds, false);
    let without = resident() - base;
    drop(live);
    let before = resident();
    let (_live, timeline) = play(seconds, true);
    let with = resident() - before;
    let timeline = timeline.expect("recorded");
    println!("stress, {seconds} simulated s: {} snapshots", timeline.snapshot_count());
    println!("RSS growth without history: {:.1} MB", without as f64 / 1e6);
    println!("RSS growth with history:    {:.1} MB", with as f64 / 1e6);
    let mut times: Vec<f64> = (0..50)
        .map(|i| {
            // Just before a snapshot: the longest replay.
            let t = (seconds * 1000 * i / 50 / 5000 * 5000 + 4900).min(seconds * 1000);
            let started = Instant::now();
            let (c, ()) = timeline.seek(t, |_, _, _| {});
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            assert!(c.time_ms() >= t.min(timeline.end_ms()));
            ms
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("seek (50 spread over the run): median {:.2} ms, max {:.2} ms", times[25], times[49]);
}
