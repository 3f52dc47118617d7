//! Topic changes the controller applies to a running cluster:
//! `kafka-topics --create` and `--alter --partitions` (placing replicas on
//! registered brokers), `kafka-configs --alter` and preferred leader election.

use super::placement::assign_replicas_rack_unaware;
use crate::cluster::{unknown_topic, Cluster};
use crate::config::TopicConfig;
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::event::{ElectionCause, EventKind};
use crate::ids::BrokerId;
use crate::partition::PartitionState;

impl Cluster {
    /// The live, unfenced brokers: the only ones new replicas go to.
    fn registered_brokers(&self) -> Vec<BrokerId> {
        self.brokers.iter().filter(|b| b.alive && !b.fenced).map(|b| b.id).collect()
    }

    /// `kafka-topics --create` (KRaft: `ReplicationControlManager.createTopic`).
    /// The name, partition count, replication factor and configs pass the same
    /// checks as a starting topic (TOPIC_ALREADY_EXISTS, INVALID_TOPIC_EXCEPTION,
    /// INVALID_PARTITIONS, INVALID_REPLICATION_FACTOR); then the replication
    /// factor must fit the registered brokers (`StripedReplicaPlacer.place`:
    /// "The target replication factor of N cannot be reached because only M
    /// broker(s) are registered"). Simplified: Kafka counts fenced brokers as
    /// registered and puts a follower (never a leader) on one when the
    /// unfenced ones run out; the simulator, as for new partitions, places on
    /// live, unfenced brokers only.
    pub(crate) fn create_topic(&mut self, t: TopicConfig) -> Result<(), SimError> {
        let n = self.topics.len();
        let mut shape = self.shape_config();
        shape.topics.push(t.clone());
        shape.validate().map_err(|e| SimError { field: e.field.reindexed("topics", n), ..e })?;
        let broker_ids = self.registered_brokers();
        if (broker_ids.len() as u32) < t.replication_factor {
            return Err(SimError::new(
                ErrorCode::InvalidReplicationFactor,
                FieldPath::root().item("topics", n).field("replication_factor"),
                ErrorReason::NotEnoughBrokersForPartitions {
                    replication_factor: t.replication_factor,
                    live: broker_ids.len() as u32,
                },
            ));
        }
        self.emit(EventKind::TopicCreated {
            topic: t.name.clone(),
            partitions: t.partitions,
            replication_factor: t.replication_factor,
        });
        self.place_topic(&t, &broker_ids);
        Ok(())
    }

    /// `kafka-topics --alter --partitions N`: only growing is allowed
    /// (`AdminZkClient.addPartitions` / `ReplicationControlManager.createPartitions`).
    pub(crate) fn add_partitions(&mut self, topic: &str, total: u32) -> Result<(), SimError> {
        let ti = self.topic_index(topic).ok_or_else(|| unknown_topic(topic))?;
        let now = self.topics[ti].partitions.len() as u32;
        if total <= now {
            return Err(SimError::new(
                ErrorCode::InvalidPartitions,
                FieldPath::new("partitions"),
                ErrorReason::PartitionsNotIncreased { topic: topic.to_string(), now, requested: total },
            ));
        }
        if total > crate::limits::MAX_PARTITIONS {
            return Err(SimError::new(
                ErrorCode::InvalidPartitions,
                FieldPath::new("partitions"),
                ErrorReason::TooManyPartitions { requested: total },
            ));
        }
        let broker_ids = self.registered_brokers();
        let rf = self.topics[ti].replication_factor;
        if (broker_ids.len() as u32) < rf {
            return Err(SimError::new(
                ErrorCode::InvalidReplicationFactor,
                FieldPath::new("partitions"),
                ErrorReason::NotEnoughBrokersForPartitions { replication_factor: rf, live: broker_ids.len() as u32 },
            ));
        }
        // AdminZkClient.addPartitions starts where partition 0's first replica is.
        let first = self.topics[ti].partitions[0].replicas[0];
        let start = broker_ids.iter().position(|&b| b >= first).unwrap_or(0) as u32;
        let layout = assign_replicas_rack_unaware(&broker_ids, total - now, rf, now, Some(start), &mut self.rng);
        self.topics[ti].partitions.extend(layout.into_iter().map(PartitionState::new));
        self.topics[ti].broker_offsets.resize(total as usize, crate::burrow::BrokerOffsetRing::default());
        self.emit(EventKind::PartitionsAdded { topic: topic.to_string(), from: now, to: total });
        for gi in 0..self.groups.len() {
            if self.groups[gi].topic == ti {
                self.groups[gi].partitions_added(total);
                if !self.groups[gi].members.is_empty() {
                    self.rebalance(gi);
                }
            }
        }
        Ok(())
    }

    /// Preferred leader election: the first replica becomes leader again when it
    /// is alive and in sync.
    pub(crate) fn elect_preferred(&mut self, topic: Option<&str>) -> Result<(), SimError> {
        if let Some(t) = topic {
            self.topic_index(t).ok_or_else(|| crate::cluster::unknown_topic(t))?;
        }
        self.for_each_partition(|part, at, ctx, out| {
            if topic.is_some_and(|t| t != at.topic) {
                return Vec::new();
            }
            part.elect_preferred(ctx.alive, ctx.now, at, out)
        });
        Ok(())
    }
}

impl Cluster {
    /// `kafka-configs --alter --entity-type topics`: the changes Kafka applies
    /// without a restart. A lower `min.insync.replicas` or enabling unclean
    /// election takes effect at once (an offline partition may elect now).
    pub(crate) fn set_topic_config(
        &mut self,
        topic: &str,
        c: &crate::command::TopicConfigChange,
    ) -> Result<(), SimError> {
        let ti = self.topic_index(topic).ok_or_else(|| crate::cluster::unknown_topic(topic))?;
        let mut settings = self.topics[ti].settings.clone();
        if let Some(v) = c.min_insync_replicas {
            settings.min_insync_replicas = v;
        }
        if let Some(v) = c.unclean_leader_election_enable {
            settings.unclean_leader_election_enable = v;
        }
        if let Some(v) = c.retention_ms {
            settings.retention_ms = v;
        }
        if let Some(v) = c.retention_bytes {
            settings.retention_bytes = v;
        }
        // The log reads these at every append, so the active segment rolls by
        // the new values from now on (Kafka: `LogConfig` is swapped and the
        // next `maybeRoll` uses it).
        if let Some(v) = c.segment_bytes {
            settings.segment_bytes = v;
        }
        if let Some(v) = c.segment_ms {
            settings.segment_ms = v;
        }
        settings.validate("config", self.topics[ti].replication_factor)?;
        self.topics[ti].settings = settings;
        if c.unclean_leader_election_enable == Some(true) {
            self.for_each_partition(|part, at, ctx, out| {
                if at.topic != topic || part.leader.is_some() {
                    return Vec::new();
                }
                part.elect(ctx.alive, ctx.unclean_ok, ElectionCause::UncleanEnabled, ctx.now, at, out)
            });
        }
        Ok(())
    }
}
