//! The simulated cluster: the state machine the app and the CLI drive.

use crate::assignor::{self, MemberSubscription};
use crate::config::ClusterConfig;
use crate::error::SimError;
use crate::ids::{BrokerId, TopicPartition};
use crate::placement::assign_replicas_rack_unaware;
use crate::rng::SimRng;
use crate::view::{
    BrokerView, ClusterView, GroupView, MemberView, PartitionView, ProducerView, TopicView,
};
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
struct Broker {
    id: BrokerId,
    alive: bool,
}

#[derive(Clone, Debug)]
struct Partition {
    replicas: Vec<BrokerId>,
    leader: Option<BrokerId>,
    leader_epoch: u32,
    isr: Vec<BrokerId>,
    log_start_offset: u64,
    log_end_offset: u64,
    high_watermark: u64,
}

#[derive(Clone, Debug)]
struct Topic {
    name: String,
    replication_factor: u32,
    partitions: Vec<Partition>,
}

#[derive(Clone, Debug)]
struct Group {
    id: String,
    topic: String,
    assignor: String,
    generation: i32,
    members: Vec<Member>,
}

#[derive(Clone, Debug)]
struct Member {
    id: String,
    assigned: Vec<TopicPartition>,
}

/// A simulated Kafka cluster. Cheap to clone, so callers can keep snapshots.
#[derive(Clone, Debug)]
pub struct Cluster {
    config: ClusterConfig,
    time_ms: u64,
    rng: SimRng,
    brokers: Vec<Broker>,
    topics: Vec<Topic>,
    groups: Vec<Group>,
}

impl Cluster {
    /// Builds a cluster from a configuration, or says what is wrong with it.
    pub fn new(config: ClusterConfig) -> Result<Self, SimError> {
        config.validate()?;
        let mut rng = SimRng::new(config.seed);
        let broker_ids: Vec<BrokerId> = (1..=config.brokers).collect();
        let brokers = broker_ids
            .iter()
            .map(|&id| Broker { id, alive: true })
            .collect();
        let topics = config
            .topics
            .iter()
            .map(|t| {
                let layout = assign_replicas_rack_unaware(
                    &broker_ids,
                    t.partitions,
                    t.replication_factor,
                    0,
                    None,
                    &mut rng,
                );
                Topic {
                    name: t.name.clone(),
                    replication_factor: t.replication_factor,
                    partitions: layout
                        .into_iter()
                        .map(|replicas| Partition {
                            leader: replicas.first().copied(),
                            isr: replicas.clone(),
                            replicas,
                            leader_epoch: 0,
                            log_start_offset: 0,
                            log_end_offset: 0,
                            high_watermark: 0,
                        })
                        .collect(),
                }
            })
            .collect();
        let mut cluster = Self {
            time_ms: 0,
            rng,
            brokers,
            topics,
            groups: Vec::new(),
            config,
        };
        for g in cluster.config.groups.clone() {
            let members = (1..=g.consumers)
                .map(|i| Member {
                    id: format!("{}-c{i}", g.id),
                    assigned: Vec::new(),
                })
                .collect();
            cluster.groups.push(Group {
                id: g.id.clone(),
                topic: g.topic.clone(),
                assignor: g.assignor.clone(),
                generation: 0,
                members,
            });
            let gi = cluster.groups.len() - 1;
            cluster.rebalance(gi);
        }
        Ok(cluster)
    }

    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    pub fn time_ms(&self) -> u64 {
        self.time_ms
    }

    /// The seeded PRNG, for the few callers that need to draw alongside the model.
    pub fn rng_state(&self) -> &SimRng {
        &self.rng
    }

    fn rebalance(&mut self, gi: usize) {
        let group = &self.groups[gi];
        let mut per_topic = BTreeMap::new();
        if let Some(t) = self.topics.iter().find(|t| t.name == group.topic) {
            per_topic.insert(t.name.clone(), t.partitions.len() as u32);
        }
        let subs: Vec<MemberSubscription> = group
            .members
            .iter()
            .map(|m| MemberSubscription {
                member_id: m.id.clone(),
                topics: vec![group.topic.clone()],
                owned: m.assigned.clone(),
                ..Default::default()
            })
            .collect();
        let assignment = assignor::range(&per_topic, &subs);
        let group = &mut self.groups[gi];
        group.generation += 1;
        for m in &mut group.members {
            m.assigned = assignment.get(&m.id).cloned().unwrap_or_default();
        }
    }

    /// The read-only picture to render.
    pub fn view(&self) -> ClusterView {
        ClusterView {
            time_ms: self.time_ms,
            brokers: self
                .brokers
                .iter()
                .map(|b| BrokerView {
                    id: b.id,
                    alive: b.alive,
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
                            log_start_offset: p.log_start_offset,
                            log_end_offset: p.log_end_offset,
                            high_watermark: p.high_watermark,
                        })
                        .collect(),
                })
                .collect(),
            producers: self
                .config
                .producers
                .iter()
                .map(|p| ProducerView {
                    id: p.id.clone(),
                    topic: p.topic.clone(),
                    acks: p.acks.name(),
                    keyed: p.keys.is_some(),
                })
                .collect(),
            groups: self
                .groups
                .iter()
                .map(|g| GroupView {
                    id: g.id.clone(),
                    topic: g.topic.clone(),
                    assignor: g.assignor.clone(),
                    generation: g.generation,
                    members: g
                        .members
                        .iter()
                        .map(|m| MemberView {
                            id: m.id.clone(),
                            assigned: m.assigned.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_configuration_view_has_the_first_lessons_topology() {
        let view = Cluster::new(ClusterConfig::default()).unwrap().view();
        assert_eq!(
            view.brokers.iter().map(|b| b.id).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert!(view.brokers.iter().all(|b| b.alive));
        assert_eq!(view.topics.len(), 1);
        let orders = &view.topics[0];
        assert_eq!(orders.name, "orders");
        assert_eq!(orders.partitions.len(), 3);
        assert_eq!(view.replica_count(), 9);
        for p in &orders.partitions {
            let mut r = p.replicas.clone();
            r.sort_unstable();
            assert_eq!(
                r,
                vec![1, 2, 3],
                "RF 3 on 3 brokers puts a replica on every broker"
            );
            assert_eq!(
                p.leader,
                Some(p.replicas[0]),
                "the preferred (first) replica leads"
            );
            assert_eq!(p.isr, p.replicas);
        }
        // Rack-unaware placement spreads the three leaders over the three brokers.
        let mut leaders: Vec<_> = orders
            .partitions
            .iter()
            .map(|p| p.leader.unwrap())
            .collect();
        leaders.sort_unstable();
        assert_eq!(leaders, vec![1, 2, 3]);
        assert_eq!(view.producers.len(), 1);
        let g = &view.groups[0];
        assert_eq!(g.members.len(), 2);
        assert_eq!(g.generation, 1);
        // RangeAssignor: 3 partitions over 2 members -> 2 + 1.
        assert_eq!(g.members[0].assigned.len(), 2);
        assert_eq!(g.members[1].assigned.len(), 1);
        for b in &view.brokers {
            assert_eq!(view.replicas_on(b.id).count(), 3);
        }
    }

    #[test]
    fn invalid_config_is_rejected_not_panicking() {
        let mut c = ClusterConfig::default();
        c.topics[0].replication_factor = 5;
        assert!(Cluster::new(c).is_err());
    }

    #[test]
    fn same_seed_same_layout() {
        let a = Cluster::new(ClusterConfig::default()).unwrap().view();
        let b = Cluster::new(ClusterConfig::default()).unwrap().view();
        assert_eq!(a, b);
    }
}
