//! Which configuration changes Kafka applies to a running cluster, and which
//! need a new one. The app's config panel uses this to say "applies live" or
//! "restarts the scenario" for each change.

use crate::command::{Command, TopicConfigChange};
use crate::config::ClusterConfig;
use std::fmt;

/// A configuration field that cannot change on a running cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fixed {
    Seed,
    Brokers,
    /// `step_ms` or any broker setting.
    BrokerConfig,
    /// Topics added or removed.
    Topics,
    /// Producers added, removed or renamed.
    Producers,
    /// Groups added, removed or renamed.
    Groups,
    TopicName(usize),
    ReplicationFactor(usize),
    /// Fewer partitions (Kafka can only add them).
    FewerPartitions(usize),
    /// The producer's topic, keys, partitioner, sizes or timeouts.
    Producer(usize),
    /// The group's topic, assignor, offsets or session settings.
    Group(usize),
}

impl fmt::Display for Fixed {
    /// The field's path in the configuration (`brokers`, `topics[0].partitions`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fixed::Seed => f.write_str("seed"),
            Fixed::Brokers => f.write_str("brokers"),
            Fixed::BrokerConfig => f.write_str("broker_config"),
            Fixed::Topics => f.write_str("topics"),
            Fixed::Producers => f.write_str("producers"),
            Fixed::Groups => f.write_str("groups"),
            Fixed::TopicName(i) => write!(f, "topics[{i}].name"),
            Fixed::ReplicationFactor(i) => write!(f, "topics[{i}].replication_factor"),
            Fixed::FewerPartitions(i) => write!(f, "topics[{i}].partitions"),
            Fixed::Producer(i) => write!(f, "producers[{i}]"),
            Fixed::Group(i) => write!(f, "groups[{i}]"),
        }
    }
}

/// What it takes to go from one configuration to another.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Plan {
    /// Commands that apply the change to the running cluster.
    pub live: Vec<Command>,
    /// Fields that cannot change at run time (so the scenario restarts).
    pub restart: Vec<Fixed>,
}

impl Plan {
    pub fn needs_restart(&self) -> bool {
        !self.restart.is_empty()
    }
}

/// Compares two configurations. Live in Kafka: topic configs
/// (`kafka-configs --alter`: min.insync.replicas, unclean.leader.election.enable,
/// retention), adding partitions, producer rate and acks (a new producer
/// instance), group processing rate and membership. Everything else (broker
/// count, replication factor, fewer partitions, partitioners, keys, assignors,
/// seeds) needs a new cluster here.
pub fn plan(old: &ClusterConfig, new: &ClusterConfig) -> Plan {
    let mut p = Plan::default();
    let mut restart = |f: Fixed| p.restart.push(f);
    if old.seed != new.seed {
        restart(Fixed::Seed);
    }
    if old.brokers != new.brokers {
        restart(Fixed::Brokers);
    }
    if old.step_ms != new.step_ms || old.broker_config != new.broker_config {
        restart(Fixed::BrokerConfig);
    }
    if old.topics.len() != new.topics.len() {
        restart(Fixed::Topics);
    }
    if old.producers.len() != new.producers.len() || old.producers.iter().zip(&new.producers).any(|(a, b)| a.id != b.id)
    {
        restart(Fixed::Producers);
    }
    if old.groups.len() != new.groups.len() || old.groups.iter().zip(&new.groups).any(|(a, b)| a.id != b.id) {
        restart(Fixed::Groups);
    }
    let mut live = Vec::new();
    for (i, (a, b)) in old.topics.iter().zip(&new.topics).enumerate() {
        if a.name != b.name {
            p.restart.push(Fixed::TopicName(i));
            continue;
        }
        if a.replication_factor != b.replication_factor {
            p.restart.push(Fixed::ReplicationFactor(i));
        }
        if b.partitions < a.partitions {
            p.restart.push(Fixed::FewerPartitions(i));
        } else if b.partitions > a.partitions {
            live.push(Command::AddPartitions { topic: b.name.clone(), partitions: b.partitions });
        }
        let (x, y) = (&a.config, &b.config);
        let change = TopicConfigChange {
            min_insync_replicas: (x.min_insync_replicas != y.min_insync_replicas).then_some(y.min_insync_replicas),
            unclean_leader_election_enable: (x.unclean_leader_election_enable != y.unclean_leader_election_enable)
                .then_some(y.unclean_leader_election_enable),
            retention_ms: (x.retention_ms != y.retention_ms).then_some(y.retention_ms),
            retention_bytes: (x.retention_bytes != y.retention_bytes).then_some(y.retention_bytes),
            segment_bytes: (x.segment_bytes != y.segment_bytes).then_some(y.segment_bytes),
            segment_ms: (x.segment_ms != y.segment_ms).then_some(y.segment_ms),
        };
        if change != TopicConfigChange::default() {
            live.push(Command::SetTopicConfig { topic: b.name.clone(), changes: change });
        }
    }
    if !p.restart.contains(&Fixed::Producers) {
        for (i, (a, b)) in old.producers.iter().zip(&new.producers).enumerate() {
            if a.topic != b.topic
                || a.keys != b.keys
                || a.key_order != b.key_order
                || a.key_space != b.key_space
                || a.partitioner != b.partitioner
                || a.partitioner_config != b.partitioner_config
                || a.value_bytes != b.value_bytes
                || a.delivery_timeout_ms != b.delivery_timeout_ms
                || a.request_timeout_ms != b.request_timeout_ms
                || a.retry_backoff_ms != b.retry_backoff_ms
            {
                p.restart.push(Fixed::Producer(i));
                continue;
            }
            if a.rate_per_s != b.rate_per_s {
                live.push(Command::SetProducerRate { producer: b.id.clone(), rate_per_s: b.rate_per_s });
            }
            if a.acks != b.acks || a.enable_idempotence != b.enable_idempotence {
                live.push(Command::SetProducerAcks {
                    producer: b.id.clone(),
                    acks: b.acks,
                    enable_idempotence: b.enable_idempotence,
                });
            }
        }
    }
    if !p.restart.contains(&Fixed::Groups) {
        for (i, (a, b)) in old.groups.iter().zip(&new.groups).enumerate() {
            if a.topic != b.topic
                || a.assignor != b.assignor
                || a.auto_offset_reset != b.auto_offset_reset
                || a.enable_auto_commit != b.enable_auto_commit
                || a.auto_commit_interval_ms != b.auto_commit_interval_ms
                || a.max_poll_records != b.max_poll_records
                || a.session_timeout_ms != b.session_timeout_ms
            {
                p.restart.push(Fixed::Group(i));
                continue;
            }
            if a.records_per_s != b.records_per_s {
                live.push(Command::SetGroupRate { group: b.id.clone(), records_per_s: b.records_per_s });
            }
            for _ in a.consumers..b.consumers {
                live.push(Command::AddConsumer { group: b.id.clone() });
            }
            for _ in b.consumers..a.consumers {
                live.push(Command::RemoveConsumer { group: b.id.clone(), member: None, graceful: true });
            }
        }
    }
    p.live = live;
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_configs_rates_and_more_partitions_apply_live() {
        let old = ClusterConfig::default();
        let mut new = old.clone();
        new.topics[0].config.min_insync_replicas = 1;
        new.topics[0].partitions = 5;
        new.producers[0].rate_per_s = 50.0;
        new.groups[0].consumers = 3;
        let p = plan(&old, &new);
        assert!(!p.needs_restart(), "{:?}", p.restart);
        assert_eq!(p.live.len(), 4);
        assert!(p.live.iter().any(|c| matches!(c, Command::AddPartitions { partitions: 5, .. })));
    }

    #[test]
    fn structural_changes_need_a_restart() {
        let old = ClusterConfig::default();
        let mut new = old.clone();
        new.brokers = 4;
        new.topics[0].replication_factor = 2;
        new.topics[0].partitions = 2;
        let p = plan(&old, &new);
        assert_eq!(p.restart, vec![Fixed::Brokers, Fixed::ReplicationFactor(0), Fixed::FewerPartitions(0)]);
        let paths: Vec<String> = p.restart.iter().map(Fixed::to_string).collect();
        assert_eq!(paths, ["brokers", "topics[0].replication_factor", "topics[0].partitions"]);
    }
}
