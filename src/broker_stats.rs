//! The Brokers tab's figures, computed from the view: per broker the partitions
//! it leads and hosts, its leader skew against an even share, its
//! under-replicated and offline partitions with the reason, and its traffic as
//! bar widths and human byte units. Pure, tested natively.

use kafka_sim::view::{BrokerView, ClusterView, PartitionView};
use kafka_sim::BrokerId;
use std::collections::BTreeSet;

/// Why a replica is missing from a partition's ISR (or a partition has no leader).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cause {
    /// The broker hosting the replica is down.
    Down(BrokerId),
    /// The broker is up but its replica fell out of the ISR (it lags or is cut off).
    OutOfIsr(BrokerId),
}

/// One broker's row of the Brokers tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokerStats {
    pub id: BrokerId,
    pub alive: bool,
    pub fenced: bool,
    /// Partitions it leads now.
    pub leaders: u32,
    /// Replicas it hosts (leaders and followers).
    pub replicas: u32,
    /// Its leaders minus the even share, in tenths of a partition (rounded).
    pub skew_tenths: i64,
    /// The even share (all partitions / all brokers), in tenths.
    pub share_tenths: u64,
    /// Partitions it leads whose ISR is smaller than the replica set: Kafka's
    /// per-broker `UnderReplicatedPartitions` (`Partition.isUnderReplicated`:
    /// the leader counts it).
    pub under_replicated: u32,
    /// Why they are: the replicas missing from those ISRs.
    pub urp_causes: Vec<Cause>,
    /// Partitions with a replica here and no leader (`OfflinePartitionsCount`
    /// is the controller's total; here each hosting broker shows its share).
    pub offline: u32,
    /// The replicas of those partitions that are down.
    pub offline_causes: Vec<Cause>,
}

fn cause_of(b: BrokerId, alive: &[BrokerId]) -> Cause {
    if alive.contains(&b) {
        Cause::OutOfIsr(b)
    } else {
        Cause::Down(b)
    }
}

/// Every broker's stats, in broker order.
pub fn broker_stats(view: &ClusterView) -> Vec<BrokerStats> {
    let parts: Vec<&PartitionView> = view.topics.iter().flat_map(|t| &t.partitions).collect();
    let alive: Vec<BrokerId> = view.brokers.iter().filter(|b| b.alive).map(|b| b.id).collect();
    let n = view.brokers.len().max(1) as u64;
    let total = parts.len() as u64;
    // The even share in tenths, rounded half up.
    let share_tenths = (total * 10 + n / 2) / n;
    view.brokers
        .iter()
        .map(|b| {
            let led: Vec<&&PartitionView> = parts.iter().filter(|p| p.leader == Some(b.id)).collect();
            let hosted = parts.iter().filter(|p| p.replicas.contains(&b.id));
            let urp: Vec<&&PartitionView> = led.iter().copied().filter(|p| p.isr.len() < p.replicas.len()).collect();
            let urp_causes: BTreeSet<Cause> = urp
                .iter()
                .flat_map(|p| p.replicas.iter().filter(|r| !p.isr.contains(r)).map(|&r| cause_of(r, &alive)))
                .collect();
            let offline: Vec<&&PartitionView> = hosted.filter(|p| p.leader.is_none()).collect();
            let offline_causes: BTreeSet<Cause> = offline
                .iter()
                .flat_map(|p| p.replicas.iter().filter(|r| !alive.contains(r)).map(|&r| Cause::Down(r)))
                .collect();
            // The engine counts leaders and replicas for the view (BrokerTraffic).
            let leaders = b.traffic.leader_partitions;
            BrokerStats {
                id: b.id,
                alive: b.alive,
                fenced: b.fenced,
                leaders,
                replicas: b.traffic.replicas,
                skew_tenths: (u64::from(leaders) * 10) as i64 - share_tenths as i64,
                share_tenths,
                under_replicated: urp.len() as u32,
                urp_causes: urp_causes.into_iter().collect(),
                offline: offline.len() as u32,
                offline_causes: offline_causes.into_iter().collect(),
            }
        })
        .collect()
}

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
    use kafka_sim::command::Command;
    use kafka_sim::config::ClusterConfig;
    use kafka_sim::view::BrokerTraffic;
    use kafka_sim::Cluster;

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

    /// The default cluster: every partition's leader counted once, replicas
    /// counted per hosting broker, skews summing to about zero.
    #[test]
    fn leaders_and_replicas_add_up() {
        let c = Cluster::new(ClusterConfig::default()).unwrap();
        let v = c.view();
        let stats = broker_stats(&v);
        let parts: Vec<_> = v.topics.iter().flat_map(|t| &t.partitions).collect();
        assert_eq!(stats.iter().map(|s| s.leaders as usize).sum::<usize>(), parts.len());
        assert_eq!(
            stats.iter().map(|s| s.replicas as usize).sum::<usize>(),
            parts.iter().map(|p| p.replicas.len()).sum::<usize>()
        );
        let n = v.brokers.len() as u64;
        assert_eq!(stats[0].share_tenths, (parts.len() as u64 * 10 + n / 2) / n);
        assert!(stats.iter().all(|s| s.under_replicated == 0 && s.offline == 0 && s.urp_causes.is_empty()));
        assert!(stats.iter().map(|s| s.skew_tenths).sum::<i64>().abs() < 10 * n as i64);
    }

    /// A broker killed: once the controller notices, its leaderships move;
    /// the new leaders count their partitions as under-replicated, the reason
    /// being the dead broker; with RF 1 its partitions go offline.
    #[test]
    fn a_dead_broker_is_the_reason() {
        let mut config = ClusterConfig::default();
        config.topics[0].replication_factor = 2;
        let mut extra = config.topics[0].clone();
        extra.name = "solo".into();
        extra.replication_factor = 1;
        extra.partitions = 3;
        extra.config.min_insync_replicas = 1;
        config.topics.push(extra);
        let mut c = Cluster::new(config).unwrap();
        c.apply(Command::KillBroker { broker: 1 }).unwrap();
        for _ in 0..200 {
            c.tick();
        }
        let v = c.view();
        let stats = broker_stats(&v);
        let dead = stats.iter().find(|s| s.id == 1).unwrap();
        assert!(!dead.alive && dead.leaders == 0, "{dead:?}");
        let urp: u32 = stats.iter().map(|s| s.under_replicated).sum();
        let expected = v
            .topics
            .iter()
            .flat_map(|t| &t.partitions)
            .filter(|p| p.leader.is_some() && p.isr.len() < p.replicas.len())
            .count();
        assert!(urp > 0 && urp as usize == expected, "{urp} vs {expected}");
        for s in stats.iter().filter(|s| s.under_replicated > 0) {
            assert_eq!(s.urp_causes, vec![Cause::Down(1)], "broker {}", s.id);
        }
        assert!(dead.offline > 0, "the RF 1 partitions on broker 1 have no leader");
        assert_eq!(dead.offline_causes, vec![Cause::Down(1)]);
    }
}
