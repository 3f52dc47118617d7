//! Events: what happened in the cluster, in order, as structured data (the
//! explanation in English or Korean comes from [`crate::text`]). They drive the
//! app's event log and animations and the CLI's `--trace` (one JSON object per
//! line: `{"t_ms":…,"type":"…",…}`).

use crate::config::OffsetReset;
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::group::assignor::Strategy;
use crate::ids::TopicPartition;
use crate::partition::log::DeletionReason;
use crate::text::{self, Lang};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub t_ms: u64,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// How the position of a consumer was reset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ResetCause {
    /// The group had no committed offset for the partition.
    NoCommittedOffset,
    /// The position was below the log start offset (retention deleted it) or
    /// beyond the log end.
    OutOfRange,
}

/// Why a partition got a new leader.
#[derive(Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ElectionCause {
    /// The controller fenced the leader's broker (crash noticed).
    Offline,
    /// The leader's broker shut down cleanly and handed over.
    ControlledShutdown,
    /// The preferred (first) replica took its leadership back.
    Preferred,
    /// An offline partition came back with a restarted broker.
    Restart,
    /// `unclean.leader.election.enable` was turned on for an offline partition.
    UncleanEnabled,
}

/// Why a replica left the ISR.
#[derive(Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IsrShrinkReason {
    /// Not caught up for `replica.lag.time.max.ms`.
    Lagging,
    /// Its broker is down (fenced or shut down).
    Fenced,
}

/// Why records were lost.
#[derive(Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DataLossReason {
    /// An out-of-sync replica became leader.
    UncleanElection,
    /// The leader died before followers copied the records.
    LeaderFailover,
}

/// A warning that is not an error. Serialises as `{"code":…,"en":…}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A topic with replication factor 1: losing a broker loses records.
    ReplicationFactor1 { topic: String },
}

impl Warning {
    /// The warning's code, e.g. `REPLICATION_FACTOR_1`.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::ReplicationFactor1 { .. } => "REPLICATION_FACTOR_1",
        }
    }
}

impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Warning", 2)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("en", &text::warning(self, Lang::En))?;
        s.end()
    }
}

/// `name()` and `Display` give the name as serialised; `Debug` prints it quoted,
/// as the `&'static str` these fields used to be, so Debug-hashed traces
/// (`tests/determinism.rs`) are unchanged.
macro_rules! snake_names {
    ($($t:ty { $($v:ident => $n:literal),* $(,)? })*) => {$(
        impl $t {
            /// The name as serialised in traces.
            pub fn name(self) -> &'static str {
                match self { $(<$t>::$v => $n),* }
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }
        impl fmt::Debug for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self.name(), f)
            }
        }
    )*};
}

snake_names! {
    ElectionCause {
        Offline => "offline",
        ControlledShutdown => "controlled_shutdown",
        Preferred => "preferred",
        Restart => "restart",
        UncleanEnabled => "unclean_enabled",
    }
    IsrShrinkReason { Lagging => "lagging", Fenced => "fenced" }
    DataLossReason { UncleanElection => "unclean_election", LeaderFailover => "leader_failover" }
    DeletionReason { RetentionMs => "retention.ms", RetentionBytes => "retention.bytes" }
    OffsetReset { Earliest => "earliest", Latest => "latest", None => "none" }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// A producer's records appended to a partition during one step (one produce
    /// request's worth).
    Produced {
        producer: String,
        topic: String,
        partition: u32,
        first_offset: u64,
        last_offset: u64,
        count: u32,
    },
    /// A consumer read `[from_offset, to_offset)`; `redelivered` of them had
    /// already been read by its group before (after a rebalance or a reset).
    Consumed {
        group: String,
        member: String,
        topic: String,
        partition: u32,
        from_offset: u64,
        to_offset: u64,
        redelivered: u64,
    },
    /// A group committed `offset` (the next record it will read) for a partition.
    Committed {
        group: String,
        member: String,
        topic: String,
        partition: u32,
        offset: u64,
    },
    MemberJoined {
        group: String,
        member: String,
    },
    /// `graceful`: it left with a LeaveGroup (after committing); otherwise it crashed
    /// and the coordinator noticed after `session.timeout.ms`.
    MemberLeft {
        group: String,
        member: String,
        graceful: bool,
    },
    /// A crashed member stops polling; its partitions stay assigned until the
    /// session times out.
    MemberCrashed {
        group: String,
        member: String,
        session_timeout_ms: u64,
    },
    /// A rebalance completed: the new generation and who owns what.
    Rebalanced {
        group: String,
        generation: i32,
        assignor: Strategy,
        assignment: Vec<(String, Vec<TopicPartition>)>,
        /// Partitions withheld this round because their previous owner must
        /// revoke them first (cooperative protocol).
        pending_revocation: Vec<TopicPartition>,
    },
    /// A member got no partitions: there are more members than partitions.
    IdleConsumer {
        group: String,
        member: String,
        partitions: u32,
        members: u32,
    },
    /// `auto.offset.reset` (or a reset command) moved a group's position.
    OffsetReset {
        group: String,
        topic: String,
        partition: u32,
        from: Option<u64>,
        to: u64,
        policy: OffsetReset,
        cause: ResetCause,
    },
    /// `auto.offset.reset=none` and no valid offset: the consumer stops on this
    /// partition with OFFSET_OUT_OF_RANGE (Kafka throws to the application).
    OffsetOutOfRange {
        group: String,
        member: String,
        topic: String,
        partition: u32,
        offset: Option<u64>,
        log_start_offset: u64,
        log_end_offset: u64,
    },
    /// `kafka-consumer-groups --reset-offsets` changed a committed offset.
    OffsetsResetByCommand {
        group: String,
        topic: String,
        partition: u32,
        from: Option<u64>,
        to: u64,
    },
    /// Retention deleted whole segments from the head of a partition.
    SegmentsDeleted {
        topic: String,
        partition: u32,
        reason: DeletionReason,
        segments: u32,
        from_offset: u64,
        to_offset: u64,
        bytes: u64,
        /// Groups that had not yet read (committed) all of the deleted records.
        unread_by: Vec<String>,
    },
    PartitionsAdded {
        topic: String,
        from: u32,
        to: u32,
    },
    /// `kafka-topics --create` made a new topic.
    TopicCreated {
        topic: String,
        partitions: u32,
        replication_factor: u32,
    },
    /// A broker crashed (hard). Nobody notices until the controller fences it.
    BrokerCrashed {
        broker: u32,
        session_timeout_ms: u64,
    },
    /// A write did not fit the broker's disk: its one log directory went
    /// offline and the broker halted (`LogDirFailureChannel`,
    /// `ReplicaManager.handleLogDirFailure`, `LogManager.handleLogDirFailure`).
    /// `follower`: the write was a follower's fetch, not a leader's append.
    LogDirFailed {
        broker: u32,
        topic: String,
        partition: u32,
        follower: bool,
        write_bytes: u64,
        used_bytes: u64,
        disk_bytes: u64,
    },
    /// The learner acted while looking at the past (time travel,
    /// `timeline::Timeline::fork_at`): the history after `at_ms` was discarded
    /// and the run goes on from there. Never emitted by a cluster run.
    Forked {
        at_ms: u64,
    },
    /// The controller fenced a crashed broker after `broker.session.timeout.ms`.
    BrokerFenced {
        broker: u32,
    },
    BrokerShutdown {
        broker: u32,
    },
    BrokerRestarted {
        broker: u32,
    },
    /// A crashed broker restarted while its old session was still valid: the
    /// controller refused the new incarnation (`DUPLICATE_BROKER_REGISTRATION`,
    /// `ClusterControlManager.registerBroker`); it keeps retrying and
    /// registers once the controller fences the old session at `session_expires_at_ms`.
    RegistrationRefused {
        broker: u32,
        session_expires_at_ms: u64,
    },
    BrokerSlowed {
        broker: u32,
        factor: u32,
    },
    /// The network between this broker and the other brokers is cut: follower
    /// fetches to and from it fail. The controller and clients still reach it.
    BrokerIsolated {
        broker: u32,
    },
    /// The broker's links to the other brokers are back.
    BrokerHealed {
        broker: u32,
    },
    /// A partition got a new leader (leader epoch `epoch`).
    LeaderElected {
        topic: String,
        partition: u32,
        leader: u32,
        previous: Option<u32>,
        epoch: u32,
        unclean: bool,
        cause: ElectionCause,
    },
    /// No live in-sync replica and unclean election is off: no leader.
    PartitionOffline {
        topic: String,
        partition: u32,
        last_leader: u32,
    },
    IsrShrunk {
        topic: String,
        partition: u32,
        broker: u32,
        isr: Vec<u32>,
        reason: IsrShrinkReason,
    },
    IsrExpanded {
        topic: String,
        partition: u32,
        broker: u32,
        isr: Vec<u32>,
    },
    /// A follower copied `[from_offset, to_offset)` from its leader in one fetch
    /// (`ReplicaFetcherThread`). Record-level: emitted only with record events on
    /// (the app's replication dots, the CLI's `--trace`).
    FollowerFetched {
        topic: String,
        partition: u32,
        broker: u32,
        leader: u32,
        from_offset: u64,
        to_offset: u64,
    },
    /// A replica removed records that diverged from the leader's log.
    Truncated {
        topic: String,
        partition: u32,
        broker: u32,
        from_offset: u64,
        to_offset: u64,
    },
    /// Records the new leader does not have: gone for good.
    DataLost {
        topic: String,
        partition: u32,
        from_offset: u64,
        to_offset: u64,
        /// How many of them the producer had been told were written.
        acked: u64,
        /// How many were sent with acks=0.
        acks0: u64,
        reason: DataLossReason,
    },
    /// A produce attempt failed; the producer retries until `delivery.timeout.ms`.
    ProduceError {
        producer: String,
        topic: String,
        partition: u32,
        error: ErrorCode,
        records: u32,
        retrying: bool,
    },
    /// A retry wrote records that were already in the log: duplicates, because
    /// the producer is not idempotent.
    Duplicated {
        producer: String,
        topic: String,
        partition: u32,
        records: u32,
    },
    /// A warning that is not an error (e.g. replication factor 1).
    Warning(Warning),
    /// A command or scenario step was refused; nothing changed. `error` is the
    /// English message.
    Rejected {
        code: ErrorCode,
        field: FieldPath,
        #[serde(rename = "error", serialize_with = "text::serialize_error_en")]
        reason: ErrorReason,
    },
}

impl Event {
    /// The error or warning code this event carries, if any.
    pub fn code(&self) -> Option<&'static str> {
        match &self.kind {
            EventKind::Rejected { code, .. } => Some(code.name()),
            EventKind::OffsetOutOfRange { .. } => Some(ErrorCode::OffsetOutOfRange.name()),
            EventKind::LogDirFailed { .. } => Some(ErrorCode::KafkaStorageError.name()),
            EventKind::ProduceError { error, .. } => Some(error.name()),
            EventKind::Warning(w) => Some(w.code()),
            _ => None,
        }
    }

    /// The event's type name as in traces (`produced`, `rebalanced`, …).
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            EventKind::Produced { .. } => "produced",
            EventKind::Consumed { .. } => "consumed",
            EventKind::Committed { .. } => "committed",
            EventKind::MemberJoined { .. } => "member_joined",
            EventKind::MemberLeft { .. } => "member_left",
            EventKind::MemberCrashed { .. } => "member_crashed",
            EventKind::Rebalanced { .. } => "rebalanced",
            EventKind::IdleConsumer { .. } => "idle_consumer",
            EventKind::OffsetReset { .. } => "offset_reset",
            EventKind::OffsetOutOfRange { .. } => "offset_out_of_range",
            EventKind::OffsetsResetByCommand { .. } => "offsets_reset_by_command",
            EventKind::SegmentsDeleted { .. } => "segments_deleted",
            EventKind::PartitionsAdded { .. } => "partitions_added",
            EventKind::TopicCreated { .. } => "topic_created",
            EventKind::Rejected { .. } => "rejected",
            EventKind::BrokerCrashed { .. } => "broker_crashed",
            EventKind::LogDirFailed { .. } => "log_dir_failed",
            EventKind::Forked { .. } => "forked",
            EventKind::BrokerFenced { .. } => "broker_fenced",
            EventKind::BrokerShutdown { .. } => "broker_shutdown",
            EventKind::BrokerRestarted { .. } => "broker_restarted",
            EventKind::RegistrationRefused { .. } => "registration_refused",
            EventKind::BrokerSlowed { .. } => "broker_slowed",
            EventKind::BrokerIsolated { .. } => "broker_isolated",
            EventKind::BrokerHealed { .. } => "broker_healed",
            EventKind::LeaderElected { .. } => "leader_elected",
            EventKind::PartitionOffline { .. } => "partition_offline",
            EventKind::IsrShrunk { .. } => "isr_shrunk",
            EventKind::IsrExpanded { .. } => "isr_expanded",
            EventKind::FollowerFetched { .. } => "follower_fetched",
            EventKind::Truncated { .. } => "truncated",
            EventKind::DataLost { .. } => "data_lost",
            EventKind::ProduceError { .. } => "produce_error",
            EventKind::Duplicated { .. } => "duplicated",
            EventKind::Warning { .. } => "warning",
        }
    }

    pub fn rejected(t_ms: u64, e: &SimError) -> Self {
        Event { t_ms, kind: EventKind::Rejected { code: e.code, field: e.field.clone(), reason: e.reason.clone() } }
    }

    /// A plain explanation for a learner, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        crate::text::event(&self.kind, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `name()` (used by the texts and Debug) agrees with serde's name.
    #[test]
    fn names_match_the_serialised_names() {
        fn check<T: Serialize + fmt::Debug + fmt::Display>(values: &[T]) {
            for v in values {
                assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{v}\""));
                assert_eq!(format!("{v:?}"), format!("\"{v}\""));
            }
        }
        use ElectionCause as E;
        check(&[E::Offline, E::ControlledShutdown, E::Preferred, E::Restart, E::UncleanEnabled]);
        check(&[IsrShrinkReason::Lagging, IsrShrinkReason::Fenced]);
        check(&[DataLossReason::UncleanElection, DataLossReason::LeaderFailover]);
        check(&[DeletionReason::RetentionMs, DeletionReason::RetentionBytes]);
        check(&[OffsetReset::Earliest, OffsetReset::Latest, OffsetReset::None]);
        check(&Strategy::ALL);
        check(&[ErrorCode::NotEnoughReplicas, ErrorCode::OffsetOutOfRange]);
    }
}
