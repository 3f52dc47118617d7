//! What a lesson can measure on a run: read from the engine's view and from the
//! events of the step being played, never computed beside the engine.

use crate::event::{Event, EventKind};
use crate::text::Lang;
use crate::view::{ClusterView, GroupView, PartitionView};
use crate::Cluster;

/// A measured value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Bool(bool),
    /// A name or status as Kafka or Burrow writes it (`OK`, `NOT_ENOUGH_REPLICAS`).
    Word(String),
    /// Nothing to measure (no such partition, nothing read yet).
    None,
}

impl Value {
    /// How the value reads in a sentence.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Value::Int(n) => n.to_string(),
            Value::Bool(b) => lang.pick(if *b { "yes" } else { "no" }, if *b { "예" } else { "아니요" }).to_string(),
            Value::Word(w) => w.clone(),
            Value::None => lang.pick("none", "없음").to_string(),
        }
    }
}

/// One measurement. Partitions are named by topic and number, groups and
/// producers by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Probe {
    /// The leader's log end offset (LEO).
    LogEnd {
        topic: String,
        partition: u32,
    },
    /// The high watermark: what consumers may read up to.
    HighWatermark {
        topic: String,
        partition: u32,
    },
    LogStart {
        topic: String,
        partition: u32,
    },
    /// The leader's broker id (`None` while offline).
    Leader {
        topic: String,
        partition: u32,
    },
    IsrSize {
        topic: String,
        partition: u32,
    },
    Partitions {
        topic: String,
    },
    /// The group's committed offset (the next record it will read).
    Committed {
        group: String,
        topic: String,
        partition: u32,
    },
    /// Lag as `kafka-consumer-groups` reports it: HW − committed.
    Lag {
        group: String,
        topic: String,
        partition: u32,
    },
    /// The largest `records-lag` among the group's members (from positions).
    RecordsLagMax {
        group: String,
    },
    /// Members that own no partition.
    IdleMembers {
        group: String,
    },
    /// The first offset the group read from this partition during the step.
    FirstRead {
        group: String,
        topic: String,
        partition: u32,
    },
    /// The partition the producer's partitioner last chose for `key`.
    KeyPartition {
        producer: String,
        key: String,
    },
    /// `toPositive(murmur2(key))` as the built-in partitioner computes it
    /// (`BuiltInPartitioner.partitionForKey`); the partition is this modulo
    /// the partition count.
    KeyHash {
        key: String,
    },
    /// Records the producer had acknowledged and that were lost since.
    AckedLost {
        producer: String,
    },
    Acked {
        producer: String,
    },
    /// The error code of the first command refused during the step, or `OK`.
    Refusal,
    /// Burrow's status of one partition (`OK`, `WARN`, `STOP`, `STALL`, `REWIND`).
    BurrowPartition {
        group: String,
        topic: String,
        partition: u32,
    },
    /// Burrow's status of the group (`OK`, `WARN`, `ERR`).
    BurrowGroup {
        group: String,
    },
    // ch3
    /// What `kafka-topics --create` of a new one-partition topic with this
    /// replication factor gets from this cluster: the error code of the
    /// engine's topic validation (`INVALID_REPLICATION_FACTOR` when it exceeds
    /// the brokers, as Kafka's `ReplicationControlManager.createTopic`), or `OK`.
    CreateTopic {
        topic: String,
        replication_factor: u32,
    },
    /// The log end offset of the replica on `broker`.
    ReplicaLogEnd {
        topic: String,
        partition: u32,
        broker: u32,
    },
    /// The group's fetch position (the next offset its consumer reads).
    Position {
        group: String,
        topic: String,
        partition: u32,
    },
    /// The first offset an election lost during the step (`data_lost`): the
    /// new leader's log end when it took over.
    LostFrom {
        topic: String,
        partition: u32,
    },
    /// The error of the producer's first failed produce attempt during the
    /// step (`produce_error`), or `OK`.
    ProduceError {
        producer: String,
    },
    /// Whether the partition has a leader (false: offline).
    Online {
        topic: String,
        partition: u32,
    },
    /// acks=0 records known to be gone (sent to a dead leader or lost in a failover).
    UnackedLost {
        producer: String,
    },
}

impl Probe {
    pub fn measure(&self, cluster: &Cluster, events: &[Event]) -> Value {
        let view = cluster.view();
        let int = |v: Option<u64>| v.map_or(Value::None, |n| Value::Int(n as i64));
        match self {
            Probe::LogEnd { topic, partition } => int(part(&view, topic, *partition).map(|p| p.log_end_offset)),
            Probe::HighWatermark { topic, partition } => int(part(&view, topic, *partition).map(|p| p.high_watermark)),
            Probe::LogStart { topic, partition } => int(part(&view, topic, *partition).map(|p| p.log_start_offset)),
            Probe::Leader { topic, partition } => {
                int(part(&view, topic, *partition).and_then(|p| p.leader).map(u64::from))
            }
            Probe::IsrSize { topic, partition } => int(part(&view, topic, *partition).map(|p| p.isr.len() as u64)),
            Probe::Partitions { topic } => {
                int(view.topics.iter().find(|t| &t.name == topic).map(|t| t.partitions.len() as u64))
            }
            Probe::Committed { group, topic, partition } => {
                int(group_part(&view, group, topic, *partition).and_then(|p| p.committed))
            }
            Probe::Lag { group, topic, partition } => {
                int(group_part(&view, group, topic, *partition).and_then(|p| p.lag))
            }
            Probe::RecordsLagMax { group } => {
                int(grp(&view, group).map(|g| g.members.iter().map(|m| m.records_lag_max).max().unwrap_or(0)))
            }
            Probe::IdleMembers { group } => int(grp(&view, group)
                .map(|g| g.members.iter().filter(|m| !m.crashed && m.assigned.is_empty()).count() as u64)),
            Probe::FirstRead { group, topic, partition } => int(events.iter().find_map(|e| match &e.kind {
                EventKind::Consumed { group: g, topic: t, partition: p, from_offset, .. }
                    if g == group && t == topic && p == partition =>
                {
                    Some(*from_offset)
                }
                _ => None,
            })),
            Probe::KeyPartition { producer, key } => int(view
                .producers
                .iter()
                .find(|p| &p.id == producer)
                .and_then(|p| p.recent.iter().rev().find(|d| d.key.as_deref() == Some(key.as_str())))
                .map(|d| u64::from(d.partition))),
            Probe::KeyHash { key } => {
                Value::Int(i64::from(crate::murmur2::to_positive(crate::murmur2::murmur2(key.as_bytes()))))
            }
            Probe::AckedLost { producer } => {
                int(view.producers.iter().find(|p| &p.id == producer).map(|p| p.ledger.acked_lost))
            }
            Probe::Acked { producer } => int(view.producers.iter().find(|p| &p.id == producer).map(|p| p.ledger.acked)),
            Probe::Refusal => Value::Word(
                match super::refused(events) {
                    Some(EventKind::Rejected { code, .. }) => code.name(),
                    _ => "OK",
                }
                .to_string(),
            ),
            Probe::BurrowPartition { group, topic, partition } => grp(&view, group)
                .and_then(|g| g.burrow.partitions.iter().find(|p| &p.topic == topic && p.partition == *partition))
                .map_or(Value::None, |p| Value::Word(p.status.as_str().to_string())),
            Probe::BurrowGroup { group } => {
                grp(&view, group).map_or(Value::None, |g| Value::Word(g.burrow.status.as_str().to_string()))
            }
            // ch3
            Probe::CreateTopic { topic, replication_factor } => {
                let config = crate::config::ClusterConfig {
                    topics: vec![crate::config::TopicConfig {
                        name: topic.clone(),
                        partitions: 1,
                        replication_factor: *replication_factor,
                        config: crate::config::TopicSettings::default(),
                    }],
                    producers: Vec::new(),
                    groups: Vec::new(),
                    ..cluster.config().clone()
                };
                Value::Word(config.validate().map_or_else(|e| e.code.name(), |()| "OK").to_string())
            }
            Probe::ReplicaLogEnd { topic, partition, broker } => int(part(&view, topic, *partition)
                .and_then(|p| p.log_end_offsets.iter().find(|(b, _)| b == broker).map(|&(_, o)| o))),
            Probe::Position { group, topic, partition } => {
                int(group_part(&view, group, topic, *partition).and_then(|p| p.position))
            }
            Probe::LostFrom { topic, partition } => int(events.iter().find_map(|e| match &e.kind {
                EventKind::DataLost { topic: t, partition: p, from_offset, .. } if t == topic && p == partition => {
                    Some(*from_offset)
                }
                _ => None,
            })),
            Probe::ProduceError { producer } => Value::Word(
                events
                    .iter()
                    .find_map(|e| match &e.kind {
                        EventKind::ProduceError { producer: p, error, .. } if p == producer => Some(error.name()),
                        _ => None,
                    })
                    .unwrap_or("OK")
                    .to_string(),
            ),
            Probe::Online { topic, partition } => {
                part(&view, topic, *partition).map_or(Value::None, |p| Value::Bool(p.leader.is_some()))
            }
            Probe::UnackedLost { producer } => {
                int(view.producers.iter().find(|p| &p.id == producer).map(|p| p.ledger.unacknowledged_lost))
            }
        }
    }
}

/// Whether a step keeps this event for its probes (the rest is the app's).
pub(super) fn keeps(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Consumed { .. }
            | EventKind::Rejected { .. }
            // ch3
            | EventKind::DataLost { .. }
            | EventKind::ProduceError { .. }
    )
}

fn part<'a>(view: &'a ClusterView, topic: &str, partition: u32) -> Option<&'a PartitionView> {
    view.topics.iter().find(|t| t.name == topic)?.partitions.iter().find(|p| p.partition == partition)
}

fn grp<'a>(view: &'a ClusterView, group: &str) -> Option<&'a GroupView> {
    view.groups.iter().find(|g| g.id == group)
}

fn group_part<'a>(
    view: &'a ClusterView,
    group: &str,
    topic: &str,
    partition: u32,
) -> Option<&'a crate::view::GroupPartitionView> {
    grp(view, group)?.partitions.iter().find(|p| p.topic == topic && p.partition == partition)
}
