//! Commands: the only way, besides `tick()`, to change a running cluster.

use crate::config::{Acks, GroupConfig, ProducerConfig, TopicConfig};
use crate::ids::BrokerId;
use serde::{Deserialize, Serialize};

/// Where `--reset-offsets` moves a group's committed offsets
/// (`kafka-consumer-groups --reset-offsets`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResetSpec {
    /// `--to-earliest`: the log start offset.
    ToEarliest,
    /// `--to-latest`: the log end offset (the high watermark).
    ToLatest,
    /// `--to-offset N`, clamped into the log's range as the tool does.
    ToOffset(u64),
    /// `--shift-by N` (may be negative), clamped into the log's range.
    ShiftBy(i64),
    /// `--to-datetime`: the first offset whose timestamp is at or after this
    /// simulated time (ms); the log end offset if none is.
    ToDatetime(u64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A new member joins the group (a rebalance follows).
    AddConsumer {
        group: String,
    },
    /// A member leaves. `graceful`: it commits and sends LeaveGroup (immediate
    /// rebalance); otherwise it crashes and is removed after `session.timeout.ms`.
    /// `member: None` removes the newest member.
    RemoveConsumer {
        group: String,
        member: Option<String>,
        graceful: bool,
    },
    AddGroup(GroupConfig),
    AddProducer(ProducerConfig),
    RemoveProducer {
        producer: String,
    },
    SetProducerRate {
        producer: String,
        rate_per_s: f64,
    },
    /// `kafka-topics --create`: a new topic whose replicas the controller places
    /// on the live, unfenced brokers (KRaft's `ReplicationControlManager.createTopic`
    /// with `StripedReplicaPlacer`). Refused with TOPIC_ALREADY_EXISTS,
    /// INVALID_TOPIC_EXCEPTION, INVALID_PARTITIONS or INVALID_REPLICATION_FACTOR.
    CreateTopic(TopicConfig),
    /// Grow a topic to `partitions` in total (`kafka-topics --alter --partitions`).
    /// Fewer than now is INVALID_PARTITIONS: Kafka never removes partitions.
    AddPartitions {
        topic: String,
        partitions: u32,
    },
    /// `kafka-consumer-groups --reset-offsets`; the group must have no active members.
    ResetOffsets {
        group: String,
        spec: ResetSpec,
    },
    /// Change a group's processing rate (records per second per member).
    SetGroupRate {
        group: String,
        records_per_s: f64,
    },
    /// A hard crash: the broker stops at once; the controller notices after
    /// `broker.session.timeout.ms` and moves its leaderships then.
    KillBroker {
        broker: BrokerId,
    },
    /// A controlled shutdown: leaderships move to other in-sync replicas first.
    ShutdownBroker {
        broker: BrokerId,
    },
    /// The broker starts again: its replicas truncate by leader epoch, catch up
    /// and rejoin the ISR.
    RestartBroker {
        broker: BrokerId,
    },
    /// Multiplies the broker's follower fetch delay by `factor` (1 = normal).
    SlowBroker {
        broker: BrokerId,
        factor: u32,
    },
    /// A network partition between this broker and every other broker: follower
    /// fetches to and from it fail (its followers fall behind, and followers of
    /// the partitions it leads cannot fetch from it), so after
    /// `replica.lag.time.max.ms` the leaders drop the stuck followers from the
    /// ISR (`Partition.maybeShrinkIsr`). Its links to the controller and to
    /// clients stay up: it is neither fenced nor re-elected away from, and
    /// producers and consumers still reach it. Lasts until `HealBroker`, across
    /// crashes and restarts.
    IsolateBroker {
        broker: BrokerId,
    },
    /// Ends `IsolateBroker`: fetches resume at the next step, so its followers
    /// catch up and rejoin the ISR (`Partition.maybeExpandIsr`).
    HealBroker {
        broker: BrokerId,
    },
    /// `kafka-leader-election --election-type PREFERRED` for every partition (or one topic).
    ElectPreferredLeader {
        topic: Option<String>,
    },
    /// `kafka-configs --alter` on a topic: `min.insync.replicas`,
    /// `unclean.leader.election.enable`, `retention.ms`, `retention.bytes`,
    /// `segment.bytes`, `segment.ms` (all dynamic topic configs in Kafka; the
    /// segment sizes apply from the active segment's next roll).
    SetTopicConfig {
        topic: String,
        changes: TopicConfigChange,
    },
    /// Change a producer's `acks` (and optionally `enable.idempotence`).
    SetProducerAcks {
        producer: String,
        acks: Acks,
        enable_idempotence: Option<bool>,
    },
}

/// Topic configs that may change at run time; `None` leaves a value as it is.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicConfigChange {
    #[serde(rename = "min.insync.replicas", default)]
    pub min_insync_replicas: Option<u32>,
    #[serde(rename = "unclean.leader.election.enable", default)]
    pub unclean_leader_election_enable: Option<bool>,
    #[serde(rename = "retention.ms", default)]
    pub retention_ms: Option<i64>,
    #[serde(rename = "retention.bytes", default)]
    pub retention_bytes: Option<i64>,
    #[serde(rename = "segment.bytes", default)]
    pub segment_bytes: Option<i64>,
    #[serde(rename = "segment.ms", default)]
    pub segment_ms: Option<i64>,
}
