//! The read-only picture of the cluster that the app renders and the CLI prints.
//! Plain data, `PartialEq` so the UI can skip re-rendering unchanged parts.

use crate::ids::{BrokerId, TopicPartition};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClusterView {
    pub time_ms: u64,
    pub brokers: Vec<BrokerView>,
    pub topics: Vec<TopicView>,
    pub producers: Vec<ProducerView>,
    pub groups: Vec<GroupView>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BrokerView {
    pub id: BrokerId,
    pub alive: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopicView {
    pub name: String,
    pub replication_factor: u32,
    pub partitions: Vec<PartitionView>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartitionView {
    pub topic: String,
    pub partition: u32,
    /// Replica brokers in assignment order; the first is the preferred leader.
    pub replicas: Vec<BrokerId>,
    /// `None` while the partition is offline.
    pub leader: Option<BrokerId>,
    pub leader_epoch: u32,
    pub isr: Vec<BrokerId>,
    pub log_start_offset: u64,
    pub log_end_offset: u64,
    pub high_watermark: u64,
}

impl PartitionView {
    pub fn topic_partition(&self) -> TopicPartition {
        TopicPartition::new(self.topic.clone(), self.partition)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProducerView {
    pub id: String,
    pub topic: String,
    pub acks: &'static str,
    pub keyed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupView {
    pub id: String,
    pub topic: String,
    pub assignor: String,
    pub generation: i32,
    pub members: Vec<MemberView>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberView {
    pub id: String,
    pub assigned: Vec<TopicPartition>,
}

impl ClusterView {
    /// Every replica of every partition, as (partition, broker) pairs.
    pub fn replica_count(&self) -> usize {
        self.topics
            .iter()
            .flat_map(|t| &t.partitions)
            .map(|p| p.replicas.len())
            .sum()
    }

    /// The replicas a broker hosts, in topic/partition order.
    pub fn replicas_on(&self, broker: BrokerId) -> impl Iterator<Item = &PartitionView> {
        self.topics
            .iter()
            .flat_map(|t| &t.partitions)
            .filter(move |p| p.replicas.contains(&broker))
    }
}
