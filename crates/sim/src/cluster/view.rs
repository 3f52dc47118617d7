//! Building the read-only [`ClusterView`] the app renders and the CLI prints,
//! and the lag and Burrow read-outs. The view's types are in [`crate::view`].

use super::Cluster;
use crate::group::GroupState;
use crate::ids::BrokerId;
use crate::ids::TopicPartition;
use crate::partition::log::NULL_KEY;
use crate::partition::PartitionState;
use crate::view::{
    BrokerTraffic, BrokerView, ClusterView, GroupPartitionView, GroupView, MemberView, PartitionView, ProducerView,
    TopicTraffic, TopicView,
};

impl Cluster {
    /// The read-only picture to render.
    pub fn view(&self) -> ClusterView {
        let traffic = self.broker_traffic();
        ClusterView {
            time_ms: self.time_ms,
            brokers: self
                .brokers
                .iter()
                .map(|b| BrokerView {
                    id: b.id,
                    alive: b.alive,
                    fenced: b.fenced,
                    slow_factor: b.slow_factor,
                    isolated: b.isolated,
                    log_dir_offline: b.log_dir_offline,
                    disk_capacity_bytes: self.config.broker_config.disk_bytes,
                    traffic: traffic.iter().find(|(id, _)| *id == b.id).map(|(_, t)| t.clone()).unwrap_or_default(),
                })
                .collect(),
            topics: self
                .topics
                .iter()
                .map(|t| TopicView {
                    name: t.name.clone(),
                    replication_factor: t.replication_factor,
                    partitions: t
                        .partitions
                        .iter()
                        .enumerate()
                        .map(|(i, p)| PartitionView {
                            topic: t.name.clone(),
                            partition: i as u32,
                            replicas: p.replicas.clone(),
                            leader: p.leader,
                            leader_epoch: p.leader_epoch,
                            isr: p.isr.clone(),
                            log_start_offset: p.log.log_start_offset(),
                            log_end_offset: p.log.log_end_offset(),
                            high_watermark: p.high_watermark,
                            size_bytes: p.log.size_bytes(),
                            segments: p.log.segments().len() as u32,
                            log_end_offsets: p.replicas.iter().map(|&b| (b, p.leo_of(b).unwrap_or(0))).collect(),
                            tail: {
                                let end = p.log.log_end_offset();
                                p.log
                                    .range(end.saturating_sub(crate::view::VIEW_TAIL), end)
                                    .map(|(offset, r)| crate::view::TailRecord {
                                        offset,
                                        producer: r.producer(),
                                        keyed: r.key() != NULL_KEY,
                                    })
                                    .collect()
                            },
                        })
                        .collect(),
                    traffic: TopicTraffic {
                        bytes_in: t.traffic.bytes_in,
                        replication_bytes: t.traffic.replication_bytes,
                        bytes_out: t.traffic.bytes_out,
                        disk_bytes: t.partitions.iter().map(PartitionState::disk_bytes).sum(),
                    },
                })
                .collect(),
            producers: self
                .producers
                .iter()
                .map(|p| ProducerView {
                    active: !p.removed,
                    id: p.config.id.clone(),
                    topic: p.config.topic.clone(),
                    acks: p.config.acks.name(),
                    keyed: !p.key_ids.is_empty(),
                    rate_per_s: p.config.rate_per_s,
                    sent: p.sent,
                    acked: p.acked,
                    errors: p.errors.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
                    ledger: p.ledger.clone(),
                    recent: p
                        .recent
                        .iter()
                        .map(|r| crate::view::RecentDecision {
                            key: self.key_bytes(r.key).map(|k| String::from_utf8_lossy(k).into_owned()),
                            partition: r.decision.partition,
                            offset: r.offset,
                            timestamp_ms: r.timestamp_ms,
                            reason: r.decision.reason,
                        })
                        .collect(),
                    throughput: p.throughput.view(self.config.step_ms),
                })
                .collect(),
            groups: self.groups.iter().map(|g| self.group_view(g)).collect(),
        }
    }

    /// Each broker's [`BrokerTraffic`]: its meters, and what it hosts now
    /// (`kafka.log:type=Log,name=Size` summed over its replicas).
    fn broker_traffic(&self) -> Vec<(BrokerId, BrokerTraffic)> {
        let step_ms = self.config.step_ms;
        let mut out: Vec<(BrokerId, BrokerTraffic)> = self
            .brokers
            .iter()
            .map(|b| {
                let m = &b.traffic;
                let t = BrokerTraffic {
                    bytes_in: m.bytes_in.total,
                    bytes_out: m.bytes_out.total,
                    replication_bytes_in: m.replication_in.total,
                    replication_bytes_out: m.replication_out.total,
                    bytes_in_per_s: m.bytes_in.per_s(step_ms),
                    bytes_out_per_s: m.bytes_out.per_s(step_ms),
                    replication_bytes_in_per_s: m.replication_in.per_s(step_ms),
                    replication_bytes_out_per_s: m.replication_out.per_s(step_ms),
                    ..BrokerTraffic::default()
                };
                (b.id, t)
            })
            .collect();
        for part in self.topics.iter().flat_map(|t| &t.partitions) {
            for (id, t) in &mut out {
                if part.leader == Some(*id) {
                    t.leader_partitions += 1;
                }
                if part.replicas.contains(id) {
                    t.replicas += 1;
                }
            }
            for (id, bytes) in part.replica_sizes() {
                if let Some((_, t)) = out.iter_mut().find(|(b, _)| *b == id) {
                    t.disk_bytes += bytes;
                }
            }
        }
        out
    }

    /// Burrow's verdict on a group, from each partition's commit window and the
    /// sampled log end offsets (`core/internal/evaluator/caching.go`).
    fn burrow_of(&self, g: &GroupState) -> crate::burrow::GroupEvaluation {
        let topic = &self.topics[g.topic];
        let parts: Vec<crate::burrow::GroupPartitionInput> = g
            .windows
            .iter()
            .enumerate()
            .map(|(p, w)| crate::burrow::GroupPartitionInput {
                topic: topic.name.clone(),
                partition: p as u32,
                window: w.window(&topic.broker_offsets[p], self.time_ms as i64, 0),
            })
            .collect();
        crate::burrow::evaluate_group(&parts)
    }

    /// A group's lag samples (one a simulated second, newest last), for charts.
    pub fn lag_history(&self, group: &str) -> Option<&std::collections::VecDeque<crate::group::LagSample>> {
        self.groups.iter().find(|g| g.config.id == group).map(|g| &g.lag_history)
    }

    /// Burrow's stored commits per partition of a group (oldest first).
    pub fn burrow_windows(&self, group: &str) -> Option<Vec<Vec<crate::burrow::Commit>>> {
        self.groups.iter().find(|g| g.config.id == group).map(|g| g.windows.iter().map(|w| w.commits()).collect())
    }

    fn group_view(&self, g: &GroupState) -> GroupView {
        let topic = &self.topics[g.topic];
        let partitions: Vec<GroupPartitionView> = topic
            .partitions
            .iter()
            .enumerate()
            .map(|(p, part)| {
                let owner = g.owner_of(p as u32);
                let position =
                    owner.and_then(|m| m.assigned.iter().find(|(q, _)| *q == p as u32)).and_then(|(_, pos)| *pos);
                let committed = g.committed[p];
                GroupPartitionView {
                    topic: topic.name.clone(),
                    partition: p as u32,
                    committed,
                    position,
                    log_end_offset: part.high_watermark,
                    lag: committed.map(|c| part.high_watermark.saturating_sub(c)),
                    owner: owner.map(|m| m.id.clone()),
                    records_lag: position.map(|pos| part.high_watermark.saturating_sub(pos)),
                    time_lag_ms: committed.map(|c| {
                        if c >= part.high_watermark {
                            0
                        } else {
                            part.log.get(c).map_or(0, |r| self.time_ms.saturating_sub(r.timestamp_ms()))
                        }
                    }),
                }
            })
            .collect();
        let lags = partitions.iter().filter_map(|p| p.lag);
        GroupView {
            id: g.config.id.clone(),
            topic: topic.name.clone(),
            assignor: g.config.assignor.name().to_string(),
            generation: g.generation,
            members: g
                .members
                .iter()
                .map(|m| MemberView {
                    id: m.id.clone(),
                    assigned: m.partitions().map(|p| TopicPartition::new(topic.name.clone(), p)).collect(),
                    crashed: m.crashed_at.is_some(),
                    records_lag_max: m.records_lag_max,
                })
                .collect(),
            total_lag: lags.clone().sum(),
            max_lag: lags.max().unwrap_or(0),
            partitions,
            consumed: g.consumed,
            redelivered: g.redelivered,
            burrow: self.burrow_of(g),
            throughput: g.throughput.view(self.config.step_ms),
        }
    }
}
