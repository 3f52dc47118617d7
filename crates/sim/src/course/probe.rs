//! What a lesson can measure on a run: read from the engine's view and from the
//! events of the step being played, never computed beside the engine.

use super::{Side, Wiring};
use crate::burrow::{Commit, Reason};
use crate::event::{Event, EventKind};
use crate::text::Lang;
use crate::view::{ClusterView, GroupView, PartitionView};
use crate::Cluster;
use std::rc::Rc;

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
        topic: &'static str,
        partition: u32,
    },
    /// The high watermark: what consumers may read up to.
    HighWatermark {
        topic: &'static str,
        partition: u32,
    },
    LogStart {
        topic: &'static str,
        partition: u32,
    },
    /// The leader's broker id (`None` while offline).
    Leader {
        topic: &'static str,
        partition: u32,
    },
    IsrSize {
        topic: &'static str,
        partition: u32,
    },
    Partitions {
        topic: &'static str,
    },
    /// The group's committed offset (the next record it will read).
    Committed {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    /// Lag as `kafka-consumer-groups` reports it: HW − committed.
    Lag {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    /// `records-lag-max` of the group's members, the largest if several: per
    /// member, the largest high watermark − fetch position over its partitions
    /// at its last poll. Kafka's consumer records `records-lag` (HW − position,
    /// `SubscriptionState.partitionLag`) for each partition it fetches and
    /// `records-lag-max` is the `Max` of those samples (`FetchMetricsManager`),
    /// kept over the metrics window (`metrics.sample.window.ms` ×
    /// `metrics.num.samples`, 30 s × 2): a lag that just fell still shows there
    /// for up to a minute, while the simulator shows the last poll's. It is not
    /// the group's lag of [`Probe::Lag`], which starts from the committed offset.
    RecordsLagMax {
        group: &'static str,
    },
    /// Members that own no partition.
    IdleMembers {
        group: &'static str,
    },
    /// The first offset the group read from this partition during the step.
    FirstRead {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    /// The partition the producer's partitioner last chose for `key`.
    KeyPartition {
        producer: &'static str,
        key: &'static str,
    },
    /// `toPositive(murmur2(key))` as the built-in partitioner computes it
    /// (`BuiltInPartitioner.partitionForKey`); the partition is this modulo
    /// the partition count.
    KeyHash {
        key: &'static str,
    },
    /// Records the producer had acknowledged and that were lost since.
    AckedLost {
        producer: &'static str,
    },
    Acked {
        producer: &'static str,
    },
    /// The error code of the first command refused during the step, or `OK`.
    Refusal,
    /// Burrow's status of one partition (`OK`, `WARN`, `STOP`, `STALL`, `REWIND`).
    BurrowPartition {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    /// Burrow's status of the group (`OK`, `WARN`, `ERR`).
    BurrowGroup {
        group: &'static str,
    },
    // ch2: retention
    /// The topic's `segment.bytes`.
    SegmentBytes {
        topic: &'static str,
    },
    /// The partition's segments now (the last one is the active segment).
    Segments {
        topic: &'static str,
        partition: u32,
    },
    /// Segments retention deleted from the partition during the step.
    SegmentsDeleted {
        topic: &'static str,
        partition: u32,
    },
    /// Whether retention deleted records of the partition that the group had
    /// not read (committed) yet.
    DeletedUnread {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    /// Where `auto.offset.reset` moved the group's position during the step
    /// (`from`: the position it had; `None`: no reset happened).
    ResetFrom {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    ResetTo {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    // ch5
    /// The sum of the group's lags (HW − committed) over its partitions.
    TotalLag {
        group: &'static str,
    },
    /// The owning consumer's `records-lag` of one partition: HW − its fetch position.
    RecordsLag {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    /// The owning consumer's fetch position (the next offset it will read).
    Position {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    /// The LOG-END-OFFSET column of `kafka-consumer-groups --describe`: ListOffsets
    /// `latest` under read_uncommitted, i.e. the high watermark, not the leader's LEO.
    DescribedLogEnd {
        group: &'static str,
        topic: &'static str,
        partition: u32,
    },
    // ch4
    /// `murmur2(key)` as a signed Java int, before `toPositive` (`Utils.murmur2`).
    KeyMurmur2 {
        key: &'static str,
    },
    /// `BuiltInPartitioner.partitionForKey(key, partitions)`: where the
    /// built-in partitioner puts `key` in a topic of `partitions` partitions.
    KeyPartitionOf {
        key: &'static str,
        partitions: u32,
    },
    /// Records the producer appended to the partition during the step.
    ProducedTo {
        producer: &'static str,
        topic: &'static str,
        partition: u32,
    },
    /// How many partitions the producer appended to during the step.
    PartitionsWritten {
        producer: &'static str,
        topic: &'static str,
    },
    /// How many times the producer's appends moved to another partition during
    /// the step, in append order (exact while each tick's records go to one
    /// partition: within a tick its batches are appended in partition order).
    Moves {
        producer: &'static str,
        topic: &'static str,
    },
    /// Records with this key in the topic's logs.
    KeyRecords {
        topic: &'static str,
        key: &'static str,
    },
    /// How many partitions of the topic hold records with this key.
    KeyPartitions {
        topic: &'static str,
        key: &'static str,
    },
    /// Whether the partition's log holds every producer's records in the order
    /// that producer sent them (its sequence numbers rise with the offset).
    SendOrder {
        topic: &'static str,
        partition: u32,
    },
    /// The keys of the partition's newest `n` records, oldest first.
    LastKeys {
        topic: &'static str,
        partition: u32,
        n: u64,
    },
    /// Which of `among` has the group's largest lag (the first on a tie).
    MostLag {
        group: &'static str,
        topic: &'static str,
        among: &'static [u32],
    },
    // ch6
    /// One number of Burrow's stored commits for a partition (see [`WindowField`]).
    BurrowWindow {
        group: &'static str,
        topic: &'static str,
        partition: u32,
        field: WindowField,
    },
    /// The group's live members (crashed ones waiting for `session.timeout.ms`
    /// do not count).
    Members {
        group: &'static str,
    },
    // ch3
    /// What `kafka-topics --create` of a new one-partition topic with this
    /// replication factor gets from this cluster: the error code of
    /// `Command::CreateTopic` tried on a copy of the cluster
    /// (`INVALID_REPLICATION_FACTOR` when it exceeds the registered brokers, as
    /// Kafka's `ReplicationControlManager.createTopic`), or `OK`.
    CreateTopic {
        topic: &'static str,
        replication_factor: u32,
    },
    /// The log end offset of the replica on `broker`.
    ReplicaLogEnd {
        topic: &'static str,
        partition: u32,
        broker: u32,
    },
    /// The first offset an election lost during the step (`data_lost`): the
    /// new leader's log end when it took over.
    LostFrom {
        topic: &'static str,
        partition: u32,
    },
    /// The error of the producer's first failed produce attempt during the
    /// step (`produce_error`), or `OK`.
    ProduceError {
        producer: &'static str,
    },
    /// Whether the partition has a leader (false: offline).
    Online {
        topic: &'static str,
        partition: u32,
    },
    /// acks=0 records known to be gone (sent to a dead leader or lost in a failover).
    UnackedLost {
        producer: &'static str,
    },
    // ch1
    /// The lines a chapter 1 diagram draws: point to point one per source and
    /// target pair (N×M), through Kafka one per system (N+M).
    Links {
        wiring: &'static Wiring,
    },
    /// How many systems of the diagram are on this side.
    Systems {
        wiring: &'static Wiring,
        side: Side,
    },
    /// The diagram's links that break when its changed source changes format.
    BrokenLinks {
        wiring: &'static Wiring,
    },
    /// The producers that are not removed, each with its topic and acks
    /// (`web (clicks, acks=1), …`).
    Producers,
    // ch3
    /// One of a topic's byte totals since the start (`TopicView.traffic`).
    Traffic {
        topic: &'static str,
        field: TrafficField,
    },
    /// Topic `a`'s total over topic `b`'s, rounded to the nearest whole number
    /// (halves up); `None` when `b`'s is 0. Exact when one is a multiple of the
    /// other; otherwise the rounding hides, e.g., records a follower has not
    /// fetched yet at the moment of measuring.
    TrafficRatio {
        a: &'static str,
        b: &'static str,
        field: TrafficField,
    },
}

/// What [`Probe::Traffic`] reads from a topic's `TopicTraffic`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrafficField {
    /// Produce bytes its leaders accepted.
    BytesIn,
    /// Bytes its followers fetched from its leaders.
    ReplicationBytes,
    /// Bytes the brokers received over the network for it: produce plus
    /// replication (consumer fetches are outbound, not counted).
    NetworkIn,
    /// Bytes on disk over every replica.
    DiskBytes,
    /// Bytes consumers fetched from it.
    BytesOut,
}

impl TrafficField {
    fn of(self, t: &crate::view::TopicTraffic) -> u64 {
        match self {
            TrafficField::BytesIn => t.bytes_in,
            TrafficField::ReplicationBytes => t.replication_bytes,
            TrafficField::NetworkIn => t.bytes_in + t.replication_bytes,
            TrafficField::DiskBytes => t.disk_bytes,
            TrafficField::BytesOut => t.bytes_out,
        }
    }
}

impl Probe {
    /// `view` is `cluster.view()`, built once by the caller for all of a step's
    /// facts (building it is the costly part of a measurement).
    pub fn measure(&self, cluster: &Cluster, view: &ClusterView, events: &[Rc<Event>]) -> Value {
        let int = |v: Option<u64>| v.map_or(Value::None, |n| Value::Int(n as i64));
        match self {
            Probe::LogEnd { topic, partition } => int(part(view, topic, *partition).map(|p| p.log_end_offset)),
            Probe::HighWatermark { topic, partition } => int(part(view, topic, *partition).map(|p| p.high_watermark)),
            Probe::LogStart { topic, partition } => int(part(view, topic, *partition).map(|p| p.log_start_offset)),
            Probe::Leader { topic, partition } => {
                int(part(view, topic, *partition).and_then(|p| p.leader).map(u64::from))
            }
            Probe::IsrSize { topic, partition } => int(part(view, topic, *partition).map(|p| p.isr.len() as u64)),
            Probe::Partitions { topic } => {
                int(view.topics.iter().find(|t| &t.name == topic).map(|t| t.partitions.len() as u64))
            }
            Probe::Committed { group, topic, partition } => {
                int(group_part(view, group, topic, *partition).and_then(|p| p.committed))
            }
            Probe::Lag { group, topic, partition } => {
                int(group_part(view, group, topic, *partition).and_then(|p| p.lag))
            }
            Probe::RecordsLagMax { group } => {
                int(grp(view, group).map(|g| g.members.iter().map(|m| m.records_lag_max).max().unwrap_or(0)))
            }
            Probe::IdleMembers { group } => int(grp(view, group)
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
                .and_then(|p| p.recent.iter().rev().find(|d| d.key.as_deref() == Some(*key)))
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
            Probe::BurrowPartition { group, topic, partition } => grp(view, group)
                .and_then(|g| g.burrow.partitions.iter().find(|p| &p.topic == topic && p.partition == *partition))
                .map_or(Value::None, |p| Value::Word(p.status.as_str().to_string())),
            Probe::BurrowGroup { group } => {
                grp(view, group).map_or(Value::None, |g| Value::Word(g.burrow.status.as_str().to_string()))
            }
            // ch2
            Probe::SegmentBytes { topic } => cluster
                .config()
                .topics
                .iter()
                .find(|t| &t.name == topic)
                .map_or(Value::None, |t| Value::Int(t.config.segment_bytes)),
            Probe::Segments { topic, partition } => int(part(view, topic, *partition).map(|p| u64::from(p.segments))),
            Probe::SegmentsDeleted { topic, partition } => Value::Int(
                events
                    .iter()
                    .filter_map(|e| match &e.kind {
                        EventKind::SegmentsDeleted { topic: t, partition: p, segments, .. }
                            if t == topic && p == partition =>
                        {
                            Some(i64::from(*segments))
                        }
                        _ => None,
                    })
                    .sum(),
            ),
            Probe::DeletedUnread { group, topic, partition } => Value::Bool(events.iter().any(|e| {
                matches!(&e.kind, EventKind::SegmentsDeleted { topic: t, partition: p, unread_by, .. }
                    if t == topic && p == partition && unread_by.iter().any(|g| g == group))
            })),
            Probe::ResetFrom { group, topic, partition } => {
                int(reset(events, group, topic, *partition).and_then(|(from, _)| from))
            }
            Probe::ResetTo { group, topic, partition } => {
                int(reset(events, group, topic, *partition).map(|(_, to)| to))
            }
            // ch5
            Probe::TotalLag { group } => int(grp(view, group).map(|g| g.total_lag)),
            Probe::RecordsLag { group, topic, partition } => {
                int(group_part(view, group, topic, *partition).and_then(|p| p.records_lag))
            }
            Probe::Position { group, topic, partition } => {
                int(group_part(view, group, topic, *partition).and_then(|p| p.position))
            }
            Probe::DescribedLogEnd { group, topic, partition } => {
                int(group_part(view, group, topic, *partition).map(|p| p.log_end_offset))
            }
            // ch4
            Probe::KeyMurmur2 { key } => Value::Int(i64::from(crate::murmur2::murmur2(key.as_bytes()))),
            Probe::KeyPartitionOf { key, partitions } => {
                Value::Int(i64::from(crate::producer::partitioner::partition_for_key(key.as_bytes(), *partitions)))
            }
            Probe::ProducedTo { producer, topic, partition } => Value::Int(
                produced(events, producer, topic).filter(|(p, _)| p == partition).map(|(_, n)| i64::from(n)).sum(),
            ),
            Probe::PartitionsWritten { producer, topic } => {
                let mut seen: Vec<u32> = produced(events, producer, topic).map(|(p, _)| p).collect();
                seen.sort_unstable();
                seen.dedup();
                Value::Int(seen.len() as i64)
            }
            Probe::Moves { producer, topic } => {
                let order: Vec<u32> = produced(events, producer, topic).map(|(p, _)| p).collect();
                Value::Int(order.windows(2).filter(|w| w[0] != w[1]).count() as i64)
            }
            Probe::KeyRecords { topic, key } => {
                Value::Int(keyed_records(cluster, view, topic, key).map(|(_, n)| n).sum::<u64>() as i64)
            }
            Probe::KeyPartitions { topic, key } => {
                Value::Int(keyed_records(cluster, view, topic, key).filter(|(_, n)| *n > 0).count() as i64)
            }
            Probe::SendOrder { topic, partition } => match part(view, topic, *partition) {
                Some(p) => {
                    // The last sequence number seen per producer.
                    let mut last: Vec<(u16, u32)> = Vec::new();
                    let records = cluster.records(topic, *partition, p.log_start_offset, p.log_end_offset);
                    Value::Bool(records.iter().all(
                        |(_, r)| match last.iter_mut().find(|(id, _)| *id == r.producer()) {
                            Some((_, seq)) if *seq >= r.seq() => false,
                            Some((_, seq)) => {
                                *seq = r.seq();
                                true
                            }
                            None => {
                                last.push((r.producer(), r.seq()));
                                true
                            }
                        },
                    ))
                }
                None => Value::None,
            },
            Probe::LastKeys { topic, partition, n } => match part(view, topic, *partition) {
                Some(p) => {
                    let from = p.log_end_offset.saturating_sub(*n).max(p.log_start_offset);
                    let keys: Vec<String> = cluster
                        .records(topic, *partition, from, p.log_end_offset)
                        .iter()
                        .map(|(_, r)| {
                            cluster
                                .key_bytes(r.key())
                                .map_or_else(|| "null".into(), |k| String::from_utf8_lossy(k).into())
                        })
                        .collect();
                    Value::Word(keys.join(", "))
                }
                None => Value::None,
            },
            Probe::MostLag { group, topic, among } => {
                let lags = among.iter().filter_map(|&p| Some((p, group_part(view, group, topic, p)?.lag?)));
                // `max_by_key` keeps the last of equal maxima; the first is wanted.
                int(lags
                    .fold(None, |best: Option<(u32, u64)>, (p, lag)| match best {
                        Some((_, b)) if b >= lag => best,
                        _ => Some((p, lag)),
                    })
                    .map(|(p, _)| u64::from(p)))
            }
            // ch6
            Probe::BurrowWindow { group, topic, partition, field } => {
                let commits = cluster.burrow_windows(group).and_then(|w| w.get(*partition as usize).cloned());
                let reason = grp(view, group)
                    .and_then(|g| g.burrow.partitions.iter().find(|p| &p.topic == topic && p.partition == *partition))
                    .map(|p| &p.reason);
                field.measure(commits.as_deref().unwrap_or(&[]), reason, cluster.time_ms())
            }
            Probe::Members { group } => {
                int(grp(view, group).map(|g| g.members.iter().filter(|m| !m.crashed).count() as u64))
            }
            // ch3
            Probe::CreateTopic { topic, replication_factor } => {
                // The real command on a copy: a refusal changes nothing and an
                // acceptance only adds the topic, so the copy can be dropped.
                let mut copy = cluster.clone();
                let create = crate::command::Command::CreateTopic(crate::config::TopicConfig {
                    name: topic.to_string(),
                    partitions: 1,
                    replication_factor: *replication_factor,
                    config: crate::config::TopicSettings::default(),
                });
                Value::Word(copy.apply(create).map_or_else(|e| e.code.name(), |()| "OK").to_string())
            }
            Probe::ReplicaLogEnd { topic, partition, broker } => int(part(view, topic, *partition)
                .and_then(|p| p.log_end_offsets.iter().find(|(b, _)| b == broker).map(|&(_, o)| o))),
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
                part(view, topic, *partition).map_or(Value::None, |p| Value::Bool(p.leader.is_some()))
            }
            Probe::UnackedLost { producer } => {
                int(view.producers.iter().find(|p| &p.id == producer).map(|p| p.ledger.unacknowledged_lost))
            }
            // ch1
            Probe::Links { wiring } => Value::Int(wiring.links.len() as i64),
            Probe::Systems { wiring, side } => Value::Int(wiring.systems_on(*side).count() as i64),
            Probe::BrokenLinks { wiring } => Value::Int(wiring.broken().count() as i64),
            Probe::Producers => Value::Word(
                view.producers
                    .iter()
                    .filter(|p| p.active)
                    .map(|p| format!("{} ({}, acks={})", p.id, p.topic, p.acks))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            // ch3
            Probe::Traffic { topic, field } => int(topic_traffic(view, topic).map(|t| field.of(t))),
            Probe::TrafficRatio { a, b, field } => {
                let ratio = topic_traffic(view, a).zip(topic_traffic(view, b)).and_then(|(a, b)| {
                    let (a, b) = (field.of(a), field.of(b));
                    (b > 0).then(|| (2 * a + b) / (2 * b))
                });
                int(ratio)
            }
        }
    }
}

/// `(partition, records)` of each append the producer made to the topic during
/// the step, in order.
fn produced<'a>(events: &'a [Rc<Event>], producer: &'a str, topic: &'a str) -> impl Iterator<Item = (u32, u32)> + 'a {
    events.iter().filter_map(move |e| match &e.kind {
        EventKind::Produced { producer: pr, topic: t, partition, count, .. } if pr == producer && t == topic => {
            Some((*partition, *count))
        }
        _ => None,
    })
}

/// `(partition, records with this key)` for every partition of the topic.
fn keyed_records<'a>(
    cluster: &'a Cluster,
    view: &'a ClusterView,
    topic: &'a str,
    key: &'a str,
) -> impl Iterator<Item = (u32, u64)> + 'a {
    let parts = view.topics.iter().filter(move |t| t.name == topic).flat_map(|t| &t.partitions);
    parts.map(move |p| {
        let records = cluster.records(topic, p.partition, p.log_start_offset, p.log_end_offset);
        let n = records.iter().filter(|(_, r)| cluster.key_bytes(r.key()) == Some(key.as_bytes())).count();
        (p.partition, n as u64)
    })
}

/// Whether a step keeps this event for its probes (the rest is the app's).
pub(super) fn keeps(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Consumed { .. }
            | EventKind::Rejected { .. }
            | EventKind::SegmentsDeleted { .. }
            | EventKind::OffsetReset { .. }
            | EventKind::Produced { .. }
            | EventKind::DataLost { .. }
            | EventKind::ProduceError { .. }
    )
}

/// The first `auto.offset.reset` of the group's position on the partition.
fn reset(events: &[Rc<Event>], group: &str, topic: &str, partition: u32) -> Option<(Option<u64>, u64)> {
    events.iter().find_map(|e| match &e.kind {
        EventKind::OffsetReset { group: g, topic: t, partition: p, from, to, .. }
            if g == group && t == topic && *p == partition =>
        {
            Some((*from, *to))
        }
        _ => None,
    })
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

fn topic_traffic<'a>(view: &'a ClusterView, topic: &str) -> Option<&'a crate::view::TopicTraffic> {
    view.topics.iter().find(|t| t.name == topic).map(|t| &t.traffic)
}

/// What [`Probe::BurrowWindow`] reads from a partition's stored commits (Burrow's
/// ring of the last `intervals` commits, oldest first) or from the rule that
/// decided its status (`calculatePartitionStatus` in Burrow's
/// `core/internal/evaluator/caching.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowField {
    /// How many commits the window holds (at most 10, Burrow's `intervals`).
    Commits,
    OldestOffset,
    NewestOffset,
    /// The lag stored with the oldest / newest commit (log end − offset then).
    OldestLag,
    NewestLag,
    /// Newest minus oldest commit time, in ms: what `checkIfOffsetsStopped`
    /// compares the time since the last commit with.
    SpanMs,
    /// Now minus the newest commit time, in ms.
    SinceLastMs,
    /// The offset before the backwards step, and the one after it, while the
    /// partition is REWIND (`None` otherwise).
    RewoundFrom,
    RewoundTo,
    /// The rule's code as the engine names it (`offsets_stalled` ...); for tests,
    /// not for lesson texts.
    Reason,
}

impl WindowField {
    fn measure(self, commits: &[Commit], reason: Option<&Reason>, now_ms: u64) -> Value {
        let (oldest, newest) = (commits.first(), commits.last());
        let int = |v: Option<i64>| v.map_or(Value::None, Value::Int);
        let rewound = match reason {
            Some(Reason::OffsetsRewound { previous_offset, rewound_offset, .. }) => {
                Some((*previous_offset, *rewound_offset))
            }
            _ => None,
        };
        match self {
            WindowField::Commits => Value::Int(commits.len() as i64),
            WindowField::OldestOffset => int(oldest.map(|c| c.offset)),
            WindowField::NewestOffset => int(newest.map(|c| c.offset)),
            WindowField::OldestLag => int(oldest.and_then(|c| c.lag)),
            WindowField::NewestLag => int(newest.and_then(|c| c.lag)),
            WindowField::SpanMs => int(oldest.zip(newest).map(|(o, n)| n.timestamp_ms - o.timestamp_ms)),
            WindowField::SinceLastMs => int(newest.map(|n| now_ms as i64 - n.timestamp_ms)),
            WindowField::RewoundFrom => int(rewound.map(|(from, _)| from)),
            WindowField::RewoundTo => int(rewound.map(|(_, to)| to)),
            WindowField::Reason => reason.map_or(Value::None, |r| Value::Word(r.code().to_string())),
        }
    }
}
