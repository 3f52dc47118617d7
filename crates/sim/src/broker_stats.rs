//! Per-broker health as the Brokers tab shows it, read from the view: the
//! partitions each broker leads and hosts, its leader skew against an even
//! share, and its under-replicated and offline partitions with the reason
//! (the broker down, or its replica out of the ISR). Kafka's per-broker
//! `UnderReplicatedPartitions` counts on the leader (`Partition.isUnderReplicated`).

use crate::view::{ClusterView, PartitionView};
use crate::BrokerId;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::command::Command;
    use crate::config::ClusterConfig;
    use crate::Cluster;

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
