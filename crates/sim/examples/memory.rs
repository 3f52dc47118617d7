//! Heap held by a running simulation: bytes per record per replica.
//!
//! ```text
//! cargo run --release --example memory -p kafka-sim                 # stress, Kafka's retention
//! cargo run --release --example memory -p kafka-sim -- 3000 bounded # stress with presets::bounded
//! ```
//!
//! Plays the app's `stress` preset ([`kafka_sim::presets::stress`]: 512 records/s,
//! RF 3) for `SIM_SECONDS` (default 1000) simulated seconds, draining events as
//! the app does, and prints every 100 s the resident memory (`/proc/self/statm`;
//! Linux only), the records held by all replicas and the
//! heap per replica record. The heap is native (64-bit); wasm32 is close, since
//! a `Record` has the same size and alignment there.

use kafka_sim::presets::{bounded, stress, SHORT_RETENTION_MS};
use kafka_sim::Cluster;

/// Resident memory of this process in bytes (Linux `/proc/self/statm`, 4 KiB pages).
/// The workspace forbids `unsafe`, so a counting global allocator is not an option;
/// the resident set's growth over the run is the heap's growth (glibc rarely
/// returns freed heap, so this is an upper bound).
fn resident() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    statm.split_whitespace().nth(1).and_then(|p| p.parse::<u64>().ok()).unwrap_or(0) * 4096
}

/// Records held by every replica of every partition.
fn replica_records(c: &Cluster) -> u64 {
    let v = c.view();
    v.topics
        .iter()
        .flat_map(|t| &t.partitions)
        .flat_map(|p| p.log_end_offsets.iter().map(|(_, leo)| leo.saturating_sub(p.log_start_offset)))
        .sum()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seconds: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(1000);
    let is_bounded = args.iter().any(|a| a == "bounded");
    let config = if is_bounded { bounded(stress(1), SHORT_RETENTION_MS) } else { stress(1) };
    let step_ms = config.step_ms;
    let before = resident();
    let mut cluster = Cluster::new(config).expect("a valid preset");
    let base = resident() - before;
    println!("stress{}: size_of::<Record>() = {} bytes", if is_bounded { " (bounded)" } else { "" }, {
        size_of::<kafka_sim::partition::log::Record>()
    });
    println!("{:>8} {:>12} {:>12} {:>10}", "sim s", "RSS bytes", "records", "B/record");
    let steps_per_report = 100_000 / step_ms;
    for i in 1..=seconds / 100 {
        for _ in 0..steps_per_report {
            cluster.tick();
            drop(cluster.drain_events());
        }
        let heap = resident() - before;
        let records = replica_records(&cluster);
        let per = (heap - base) as f64 / records.max(1) as f64;
        println!("{:>8} {:>12} {:>12} {:>10.1}", i * 100, heap, records, per);
    }
}
