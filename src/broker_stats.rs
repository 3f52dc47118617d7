//! The Brokers tab's presentation helpers: tenths and byte units as text, and
//! traffic as bar widths. The figures themselves (leaders, skew, URP and
//! offline partitions with their causes) are the engine's
//! `kafka_sim::broker_stats`. Pure, tested natively.

pub use kafka_sim::broker_stats::{broker_stats, BrokerStats, Cause};
use kafka_sim::view::BrokerView;

/// Tenths as text: `33` → `3.3`, `-5` → `-0.5`, `20` → `2`.
pub fn tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let a = t.unsigned_abs();
    if a % 10 == 0 {
        format!("{sign}{}", a / 10)
    } else {
        format!("{sign}{}.{}", a / 10, a % 10)
    }
}

/// A bar's width in percent of the largest value: 0 for 0, at least 2 for any
/// positive value (so a small flow still shows), 100 for the largest.
pub fn bar_percent(value: u64, max: u64) -> u32 {
    if value == 0 || max == 0 {
        return 0;
    }
    let pct = (u128::from(value) * 100 / u128::from(max)) as u32;
    pct.clamp(2, 100)
}

pub use kafka_sim::fixed::human_bytes;

/// The bars of a broker: bytes in/s and out/s (clients), replication in/s and
/// out/s, disk; each relative to the largest broker's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Maxima {
    pub bytes_in_per_s: u64,
    pub bytes_out_per_s: u64,
    pub replication_in_per_s: u64,
    pub replication_out_per_s: u64,
    pub disk_bytes: u64,
}

pub fn maxima(brokers: &[BrokerView]) -> Maxima {
    let max = |f: fn(&BrokerView) -> u64| brokers.iter().map(f).max().unwrap_or(0);
    Maxima {
        bytes_in_per_s: max(|b| b.traffic.bytes_in_per_s),
        bytes_out_per_s: max(|b| b.traffic.bytes_out_per_s),
        replication_in_per_s: max(|b| b.traffic.replication_bytes_in_per_s),
        replication_out_per_s: max(|b| b.traffic.replication_bytes_out_per_s),
        disk_bytes: max(|b| b.traffic.disk_bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::view::BrokerTraffic;

    #[test]
    fn bytes_read_in_human_units() {
        assert_eq!(human_bytes(0), "0 B");
        assert_eq!(human_bytes(1023), "1023 B");
        assert_eq!(human_bytes(1024), "1.0 KB");
        assert_eq!(human_bytes(1536), "1.5 KB");
        assert_eq!(human_bytes(102_297), "99.9 KB");
        assert_eq!(human_bytes(102_349), "100 KB", "99.95 rounds up");
        assert_eq!(human_bytes(102_400), "100 KB");
        assert_eq!(human_bytes(3 * 1024 * 1024 + 200 * 1024), "3.2 MB");
        assert_eq!(human_bytes(5 << 30), "5.0 GB");
        assert_eq!(human_bytes(u64::MAX), "16777216 TB");
    }

    #[test]
    fn bars_are_relative_to_the_largest() {
        assert_eq!(bar_percent(0, 10), 0);
        assert_eq!(bar_percent(10, 0), 0);
        assert_eq!(bar_percent(5, 10), 50);
        assert_eq!(bar_percent(10, 10), 100);
        assert_eq!(bar_percent(1, 1000), 2, "a small flow still shows");
        assert_eq!(bar_percent(u64::MAX, u64::MAX), 100);
        let b = |id, bytes_in_per_s, disk_bytes| BrokerView {
            id,
            alive: true,
            fenced: false,
            slow_factor: 1,
            isolated: false,
            log_dir_offline: false,
            disk_capacity_bytes: 1 << 20,
            traffic: BrokerTraffic { bytes_in_per_s, disk_bytes, ..BrokerTraffic::default() },
        };
        let m = maxima(&[b(1, 10, 300), b(2, 40, 100)]);
        assert_eq!((m.bytes_in_per_s, m.bytes_out_per_s, m.disk_bytes), (40, 0, 300));
    }

    #[test]
    fn tenths_read_as_text() {
        assert_eq!(
            (tenths(33), tenths(-5), tenths(20), tenths(0)),
            ("3.3".into(), "-0.5".into(), "2".into(), "0".into())
        );
    }
}
