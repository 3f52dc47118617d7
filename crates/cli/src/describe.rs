//! `kafka-consumer-groups --describe` as text (ConsumerGroupCommand's layout:
//! left-aligned columns, widths from the longest value, `-` for unknown values),
//! and the per-broker byte table of `describe --brokers` in the same layout.

use kafka_sim::scenario::SummaryBroker;
use kafka_sim::view::GroupView;

pub fn render(g: &GroupView) -> String {
    let header =
        ["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID", "HOST", "CLIENT-ID"];
    let dash = || "-".to_string();
    let mut rows: Vec<[String; 9]> = Vec::new();
    for p in &g.partitions {
        let owner = p.owner.clone();
        rows.push([
            g.id.clone(),
            p.topic.clone(),
            p.partition.to_string(),
            p.committed.map_or_else(dash, |c| c.to_string()),
            p.log_end_offset.to_string(),
            p.lag.map_or_else(dash, |l| l.to_string()),
            owner.clone().unwrap_or_else(dash),
            owner.as_ref().map_or_else(dash, |_| "/127.0.0.1".to_string()),
            owner.map_or_else(dash, |o| format!("consumer-{o}")),
        ]);
    }
    // Fixed minimum widths for the numeric columns, as the tool uses.
    table(&header, &[0, 0, 10, 15, 15, 15, 0, 0, 0], &rows)
}

/// One row per broker: what it hosts, its byte totals (BytesIn, BytesOut,
/// ReplicationBytesIn, ReplicationBytesOut of `BrokerTopicMetrics`), its disk
/// bytes and the in/out rates over the last simulated second.
pub fn render_brokers(brokers: &[SummaryBroker]) -> String {
    let header = [
        "BROKER",
        "STATUS",
        "LEADERS",
        "REPLICAS",
        "BYTES-IN",
        "BYTES-OUT",
        "REPLICATION-IN",
        "REPLICATION-OUT",
        "DISK-BYTES",
        "IN/S",
        "OUT/S",
        "REPL-IN/S",
        "REPL-OUT/S",
    ];
    let rows: Vec<[String; 13]> = brokers
        .iter()
        .map(|b| {
            [
                b.id.to_string(),
                if b.alive { "up" } else { "down" }.to_string(),
                b.leader_partitions.to_string(),
                b.replicas.to_string(),
                b.bytes_in.to_string(),
                b.bytes_out.to_string(),
                b.replication_bytes_in.to_string(),
                b.replication_bytes_out.to_string(),
                b.disk_bytes.to_string(),
                b.bytes_in_per_s.to_string(),
                b.bytes_out_per_s.to_string(),
                b.replication_bytes_in_per_s.to_string(),
                b.replication_bytes_out_per_s.to_string(),
            ]
        })
        .collect();
    table(&header, &[0; 13], &rows)
}

/// Left-aligned columns, each as wide as its longest cell (at least `min`),
/// one space apart, trailing spaces trimmed.
fn table<const N: usize>(header: &[&str; N], min: &[usize; N], rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for (i, w) in widths.iter_mut().enumerate() {
        *w = rows.iter().map(|r| r[i].chars().count()).chain([header[i].len(), min[i]]).max().unwrap_or(0);
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                s.push_str(c);
            } else {
                s.push_str(&format!("{c:<w$} ", w = widths[i]));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(&header.map(String::from));
    for r in rows {
        line(r);
    }
    out
}
