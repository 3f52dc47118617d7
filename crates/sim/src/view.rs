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
    /// The controller has noticed it is down.
    pub fenced: bool,
    pub slow_factor: u32,
    /// Cut off from the other brokers (`Command::IsolateBroker`) until healed.
    pub isolated: bool,
    /// Halted because a write did not fit its disk (until restarted).
    pub log_dir_offline: bool,
    /// Its disk's size (`broker_config.disk_bytes`); `traffic.disk_bytes` is
    /// what its replicas take of it.
    pub disk_capacity_bytes: u64,
    /// What the broker spends: bytes through its network and on its disk.
    pub traffic: BrokerTraffic,
}

/// A broker's bytes, counted since the cluster started (totals) and over the
/// last simulated second (rates), the figures an admin reads off
/// `kafka.server:type=BrokerTopicMetrics` (BytesInPerSec, BytesOutPerSec,
/// ReplicationBytesInPerSec, ReplicationBytesOutPerSec) and `kafka.log:type=Log,name=Size`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BrokerTraffic {
    /// Produce bytes this broker accepted as a leader.
    pub bytes_in: u64,
    /// Bytes this broker sent to consumers (fetches of its leader partitions).
    pub bytes_out: u64,
    /// Bytes its follower replicas fetched from leaders on other brokers.
    pub replication_bytes_in: u64,
    /// Bytes followers on other brokers fetched from its leader replicas.
    pub replication_bytes_out: u64,
    /// Bytes on disk now: the segments of every replica it hosts (falls when
    /// retention deletes segments).
    pub disk_bytes: u64,
    /// Partitions it leads now.
    pub leader_partitions: u32,
    /// Replicas it hosts (leaders and followers).
    pub replicas: u32,
    /// The same four flows over the last simulated second, in bytes/s.
    pub bytes_in_per_s: u64,
    pub bytes_out_per_s: u64,
    pub replication_bytes_in_per_s: u64,
    pub replication_bytes_out_per_s: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopicView {
    pub name: String,
    pub replication_factor: u32,
    pub partitions: Vec<PartitionView>,
    /// What the topic costs the cluster, summed over its partitions.
    pub traffic: TopicTraffic,
}

/// A topic's bytes since the cluster started, summed over its partitions: with
/// every follower in sync, `replication_bytes` = (RF − 1) × `bytes_in` and
/// `disk_bytes` = RF × the leader logs' size (the cost of replication).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TopicTraffic {
    /// Produce bytes its leaders accepted.
    pub bytes_in: u64,
    /// Bytes its followers fetched from its leaders.
    pub replication_bytes: u64,
    /// Bytes consumers fetched from it.
    pub bytes_out: u64,
    /// Bytes on disk now, over every replica.
    pub disk_bytes: u64,
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
    /// Bytes retained in the leader's log.
    pub size_bytes: u64,
    pub segments: u32,
    /// Each replica's log end offset, in replica order.
    pub log_end_offsets: Vec<(BrokerId, u64)>,
    /// The newest records of the leader's log (at most [`VIEW_TAIL`]), oldest first.
    pub tail: Vec<TailRecord>,
}

/// How many of a partition's newest records the view carries.
pub const VIEW_TAIL: u64 = 8;

/// A record as the picture needs it: which producer sent it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TailRecord {
    pub offset: u64,
    /// Index of the producer in the view's `producers` list.
    pub producer: u16,
    pub keyed: bool,
}

impl PartitionView {
    pub fn topic_partition(&self) -> TopicPartition {
        TopicPartition::new(self.topic.clone(), self.partition)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProducerView {
    pub id: String,
    /// False once removed (kept so record producer indices stay valid).
    pub active: bool,
    pub topic: String,
    pub acks: &'static str,
    pub keyed: bool,
    pub rate_per_s: f64,
    pub sent: u64,
    pub acked: u64,
    /// Failed attempts by Kafka error name (records × attempts).
    pub errors: Vec<(String, u64)>,
    pub ledger: crate::producer::Ledger,
    /// The partitioner's latest decisions, oldest first.
    pub recent: Vec<RecentDecision>,
    /// Records and bytes of its new batches (retries not counted again), as
    /// the producer's `record-send-rate` and `byte-rate`.
    pub throughput: Throughput,
}

/// Records and bytes a producer sent or a group polled: the totals since it
/// started and the rates over the last simulated second. Bytes are the records'
/// message format v2 sizes (`DefaultRecord.sizeInBytes`), each batch's first
/// record with the batch header (`DefaultRecordBatch.RECORD_BATCH_OVERHEAD`, 61 B).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Throughput {
    pub records_per_s: u64,
    pub bytes_per_s: u64,
    pub records: u64,
    pub bytes: u64,
}

/// One partitioner decision, with the record it placed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecentDecision {
    /// The key as text (lossy UTF-8); `None` for a null key.
    pub key: Option<String>,
    pub partition: u32,
    /// `None` until the record is written (or if the write failed).
    pub offset: Option<u64>,
    pub timestamp_ms: u64,
    pub reason: crate::producer::partitioner::DecisionReason,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupView {
    pub id: String,
    pub topic: String,
    pub assignor: String,
    pub generation: i32,
    pub members: Vec<MemberView>,
    /// One row per partition of the topic, as `kafka-consumer-groups --describe`.
    pub partitions: Vec<GroupPartitionView>,
    /// Sum of the known lags (high watermark − committed offset).
    pub total_lag: u64,
    pub max_lag: u64,
    pub consumed: u64,
    pub redelivered: u64,
    /// Burrow's evaluation of the group from its recent commits.
    pub burrow: crate::burrow::GroupEvaluation,
    /// Records and bytes its members polled (`records-consumed-rate`,
    /// `bytes-consumed-rate`); a poll from the middle of a batch does not
    /// count that batch's header.
    pub throughput: Throughput,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupPartitionView {
    pub topic: String,
    pub partition: u32,
    /// CURRENT-OFFSET: the committed offset (`None` shows as `-`).
    pub committed: Option<u64>,
    /// The owning consumer's fetch position.
    pub position: Option<u64>,
    /// LOG-END-OFFSET as the tool shows it: the high watermark.
    pub log_end_offset: u64,
    /// LAG = LOG-END-OFFSET − CURRENT-OFFSET.
    pub lag: Option<u64>,
    /// CONSUMER-ID of the owner.
    pub owner: Option<String>,
    /// `records-lag` of the owner: high watermark − its fetch position.
    pub records_lag: Option<u64>,
    /// Time lag: how long ago (simulated ms) the oldest record the group has not
    /// committed was written; 0 when caught up.
    pub time_lag_ms: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MemberView {
    pub id: String,
    pub assigned: Vec<TopicPartition>,
    /// Crashed and waiting for `session.timeout.ms`.
    pub crashed: bool,
    /// `records-lag-max`: the largest high watermark − position over its partitions.
    pub records_lag_max: u64,
}

impl ClusterView {
    /// Every replica of every partition, as (partition, broker) pairs.
    pub fn replica_count(&self) -> usize {
        self.topics.iter().flat_map(|t| &t.partitions).map(|p| p.replicas.len()).sum()
    }

    /// The replicas a broker hosts, in topic/partition order.
    pub fn replicas_on(&self, broker: BrokerId) -> impl Iterator<Item = &PartitionView> {
        self.topics.iter().flat_map(|t| &t.partitions).filter(move |p| p.replicas.contains(&broker))
    }
}
