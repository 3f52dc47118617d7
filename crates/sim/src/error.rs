//! Errors: every rejected configuration or command carries a stable Kafka-style
//! code, the typed path of the offending field and a reason with the numbers.
//! The English and Korean text comes from [`crate::text`]; serialised, an error
//! is `{"code":…,"field":…,"en":…,"ko":…}`.

use crate::config::Acks;
use crate::ids::TopicPartition;
use crate::scenario::Action;
use crate::text::{self, Lang};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Kafka-style error codes (the names Kafka's `Errors` enum uses where one exists).
/// `Display` is the name; `Debug` the quoted name, as the `&'static str` event
/// fields used to print (Debug-hashed traces stay unchanged).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    InvalidConfig,
    InvalidPartitions,
    InvalidReplicationFactor,
    InvalidTopicException,
    TopicAlreadyExists,
    UnknownTopicOrPartition,
    UnknownMemberId,
    OffsetOutOfRange,
    InvalidRequest,
    NonEmptyGroup,
    GroupIdNotFound,
    // Produce errors (`ProduceResponse`), retried by the producer.
    NotEnoughReplicas,
    NotEnoughReplicasAfterAppend,
    NotLeaderOrFollower,
    RequestTimedOut,
    NetworkException,
    LeaderNotAvailable,
    /// The leader's log directory failed (here: its disk is full).
    KafkaStorageError,
}

impl ErrorCode {
    /// The name exactly as Kafka prints it (e.g. `INVALID_REPLICATION_FACTOR`).
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::InvalidConfig => "INVALID_CONFIG",
            ErrorCode::InvalidPartitions => "INVALID_PARTITIONS",
            ErrorCode::InvalidReplicationFactor => "INVALID_REPLICATION_FACTOR",
            ErrorCode::InvalidTopicException => "INVALID_TOPIC_EXCEPTION",
            ErrorCode::TopicAlreadyExists => "TOPIC_ALREADY_EXISTS",
            ErrorCode::UnknownTopicOrPartition => "UNKNOWN_TOPIC_OR_PARTITION",
            ErrorCode::UnknownMemberId => "UNKNOWN_MEMBER_ID",
            ErrorCode::OffsetOutOfRange => "OFFSET_OUT_OF_RANGE",
            ErrorCode::InvalidRequest => "INVALID_REQUEST",
            ErrorCode::NonEmptyGroup => "NON_EMPTY_GROUP",
            ErrorCode::GroupIdNotFound => "GROUP_ID_NOT_FOUND",
            ErrorCode::NotEnoughReplicas => "NOT_ENOUGH_REPLICAS",
            ErrorCode::NotEnoughReplicasAfterAppend => "NOT_ENOUGH_REPLICAS_AFTER_APPEND",
            ErrorCode::NotLeaderOrFollower => "NOT_LEADER_OR_FOLLOWER",
            ErrorCode::RequestTimedOut => "REQUEST_TIMED_OUT",
            ErrorCode::NetworkException => "NETWORK_EXCEPTION",
            ErrorCode::LeaderNotAvailable => "LEADER_NOT_AVAILABLE",
            ErrorCode::KafkaStorageError => "KAFKA_STORAGE_ERROR",
        }
    }
}

impl fmt::Debug for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.name(), f)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One step of a [`FieldPath`]: a field name or a list index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Name(Cow<'static, str>),
    Index(usize),
}

/// Where in a configuration or request an error is: `topics[0].replication_factor`,
/// `producers[1].partitioner.custom[0].partitions[2]`, `members.c1.owned[0]`.
/// Names are joined with `.`, indices written `[i]`; the empty path is "".
#[derive(Clone, Default, PartialEq, Eq)]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    /// The empty path (the error is about the whole input).
    pub fn root() -> Self {
        Self(Vec::new())
    }

    /// A path of one field name.
    pub fn new(name: impl Into<Cow<'static, str>>) -> Self {
        Self::root().field(name)
    }

    /// This path followed by a field name.
    pub fn field(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.0.push(Segment::Name(name.into()));
        self
    }

    /// This path followed by a list index.
    pub fn index(mut self, i: usize) -> Self {
        self.0.push(Segment::Index(i));
        self
    }

    /// `list[i]`: this path followed by a field and an index into it.
    pub fn item(self, list: impl Into<Cow<'static, str>>, i: usize) -> Self {
        self.field(list).index(i)
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The same path with the index after the first `list` segment set to `i`
    /// (a new row validated alone as row 0 is reported at its real index).
    pub fn reindexed(mut self, list: &str, i: usize) -> Self {
        if let Some(at) = self.0.iter().position(|s| matches!(s, Segment::Name(n) if n == list)) {
            if let Some(Segment::Index(old)) = self.0.get_mut(at + 1) {
                *old = i;
            }
        }
        self
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Segment::Name(n) if i == 0 => f.write_str(n)?,
                Segment::Name(n) => write!(f, ".{n}")?,
                Segment::Index(x) => write!(f, "[{x}]")?,
            }
        }
        Ok(())
    }
}

/// A path of one field name (as [`FieldPath::new`]).
impl From<&'static str> for FieldPath {
    fn from(name: &'static str) -> Self {
        FieldPath::new(name)
    }
}

/// Compares with the printed form, without allocating.
impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        struct Rest<'a>(&'a str);
        impl fmt::Write for Rest<'_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.0 = self.0.strip_prefix(s).ok_or(fmt::Error)?;
                Ok(())
            }
        }
        let mut rest = Rest(other);
        fmt::write(&mut rest, format_args!("{self}")).is_ok() && rest.0.is_empty()
    }
}

impl fmt::Debug for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FieldPath({:?})", self.to_string())
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A rate as it was given, compared bit for bit so that a refused NaN equals
/// itself (runs are compared event by event).
#[derive(Clone, Copy, Debug)]
pub struct Rate(pub f64);

impl PartialEq for Rate {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl fmt::Display for Rate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As `{}` writes it, without linking core's float printing.
        f.write_str(&crate::fixed::short(self.0))
    }
}

/// Why a configuration or command was refused, with the values involved. The
/// limits in the text come from [`crate::limits`].
#[derive(Clone, Debug, PartialEq)]
pub enum ErrorReason {
    // Cluster configuration (`ClusterConfig::validate`).
    StepMs {
        value: u64,
    },
    BrokerSettingZero,
    /// `broker_config.disk_bytes` outside `limits::MIN_DISK_BYTES..=MAX_DISK_BYTES`.
    DiskBytes {
        value: u64,
    },
    Brokers {
        value: u32,
    },
    TopicName {
        name: String,
    },
    TopicDefinedTwice {
        name: String,
    },
    Partitions {
        value: u32,
    },
    ReplicationFactorZero,
    ReplicationFactorAboveBrokers {
        replication_factor: u32,
        brokers: u32,
    },
    ProducerRate {
        value: Rate,
    },
    ValueBytes {
        value: u32,
    },
    KeySpace {
        value: u32,
    },
    KeysAndKeySpace,
    IdempotenceNeedsAcksAll {
        acks: Acks,
    },
    DeliveryTimeout {
        delivery_timeout_ms: u64,
        request_timeout_ms: u64,
    },
    EmptyKeys,
    GroupConsumers {
        value: u32,
    },
    MaxPollRecordsZero,
    CommitOrSessionZero,
    GroupRate {
        value: Rate,
    },
    InvalidId {
        id: String,
    },
    IdUsedTwice {
        id: String,
    },
    /// A producer or group names a topic the configuration does not define.
    UnknownConfigTopic {
        topic: String,
        known: Vec<String>,
    },
    DurationMs {
        value: u64,
    },
    // Topic configs.
    RetentionMs {
        value: i64,
    },
    RetentionBytes {
        value: i64,
    },
    SegmentBytes {
        value: i64,
    },
    SegmentMs {
        value: i64,
    },
    MinIsrZero,
    MinIsrAboveReplicationFactor {
        min_isr: u32,
        replication_factor: u32,
    },
    // Commands on a running cluster.
    ProducerExists {
        id: String,
    },
    TooManyProducers,
    /// A key longer than `limits::MAX_KEY_BYTES`.
    KeyTooLong {
        index: usize,
        bytes: usize,
    },
    GroupExists {
        id: String,
    },
    GroupFull,
    NoSuchMember {
        group: String,
        member: Option<String>,
    },
    MemberAlreadyCrashed {
        member: String,
    },
    NoSuchGroup {
        group: String,
    },
    NoSuchProducer {
        producer: String,
    },
    UnknownTopic {
        topic: String,
    },
    PartitionsNotIncreased {
        topic: String,
        now: u32,
        requested: u32,
    },
    TooManyPartitions {
        requested: u32,
    },
    NotEnoughBrokersForPartitions {
        replication_factor: u32,
        live: u32,
    },
    NoSuchBroker {
        id: u32,
        brokers: u32,
    },
    BrokerAlreadyRunning {
        id: u32,
    },
    BrokerAlreadyDown {
        id: u32,
    },
    BrokerAlreadyIsolated {
        id: u32,
    },
    BrokerNotIsolated {
        id: u32,
    },
    SlowFactor {
        value: u32,
    },
    GroupNotEmpty {
        group: String,
        members: usize,
    },
    // Scenario scripts.
    StepNeeds {
        action: Action,
        field: &'static str,
    },
    StepTime {
        at_ms: u64,
    },
    // Assignors.
    UnknownStrategy {
        name: String,
    },
    NotSettled {
        rounds: usize,
    },
    NotAPartition {
        text: String,
    },
    AssignPartitions {
        total: u64,
    },
    AssignMembers {
        value: usize,
    },
    EmptyMemberId,
    MemberIdTwice {
        id: String,
        first: usize,
        second: usize,
    },
    InstanceIdTwice {
        instance: String,
        first: usize,
        second: usize,
    },
    TopicSubscribedTwice {
        member: String,
        topic: String,
    },
    OwnedTwice {
        member: String,
        partition: TopicPartition,
    },
    /// The sticky assignor hit a state Kafka reports as `IllegalStateException`
    /// (the text is Kafka's own message, untranslated).
    StickyIllegalState {
        what: &'static str,
    },
    // Custom partitioner.
    CustomNoRules,
    RuleWithoutPartitions {
        rule: usize,
    },
    RulePartitionOutOfRange {
        rule: usize,
        partition: u32,
        partitions: u32,
    },
    LastRuleHasKeyPrefix {
        rule: usize,
    },
    // Compare mode (`crate::compare`).
    /// `?compare=` names no setting; the allowed names are in the text.
    UnknownCompareSetting {
        name: String,
    },
    /// The setting is a producer's (acks, partitioner) and there is none.
    CompareNeedsProducers {
        setting: &'static str,
    },
    /// The setting is a consumer group's (assignor, consumers) and there is none.
    CompareNeedsGroups {
        setting: &'static str,
    },
    /// `min.insync.replicas` 1 vs 2 needs a replication factor of at least 2.
    CompareMinIsrNeedsReplicas {
        topic: String,
        replication_factor: u32,
    },
    /// `unclean.leader.election.enable` and `min.insync.replicas` need a topic.
    CompareNeedsTopics {
        setting: &'static str,
    },
}

/// A rejected configuration or command: a code, the path of the offending field
/// (e.g. `topics[0].replication_factor`) and why.
#[derive(Clone, Debug, PartialEq)]
pub struct SimError {
    pub code: ErrorCode,
    pub field: FieldPath,
    pub reason: ErrorReason,
}

impl SimError {
    pub fn new(code: ErrorCode, field: FieldPath, reason: ErrorReason) -> Self {
        Self { code, field, reason }
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        text::error(&self.reason, lang)
    }

    /// The message in English.
    pub fn en(&self) -> String {
        self.message(Lang::En)
    }

    /// The message in Korean.
    pub fn ko(&self) -> String {
        self.message(Lang::Ko)
    }
}

impl Serialize for SimError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("SimError", 4)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("field", &self.field)?;
        s.serialize_field("en", &self.en())?;
        s.serialize_field("ko", &self.ko())?;
        s.end()
    }
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.code.name(), self.en())
        } else {
            write!(f, "{}: {}: {}", self.code.name(), self.field, self.en())
        }
    }
}

impl std::error::Error for SimError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_paths_print_as_dotted_names_and_indices() {
        assert_eq!(FieldPath::root().to_string(), "");
        assert_eq!(FieldPath::new("brokers").to_string(), "brokers");
        let p = FieldPath::root().item("producers", 1).field("partitioner").item("custom", 0).item("partitions", 2);
        assert_eq!(p.to_string(), "producers[1].partitioner.custom[0].partitions[2]");
        assert_eq!(FieldPath::new("members").field("c1").item("owned", 0).to_string(), "members.c1.owned[0]");
        assert_eq!(
            FieldPath::root().item("topics", 0).field("config").field("retention.ms"),
            "topics[0].config.retention.ms"
        );
        assert_ne!(FieldPath::root().item("topics", 0), "topics[0].x");
        assert_ne!(FieldPath::root().item("topics", 0).field("x"), "topics[0]");
        assert_eq!(FieldPath::root(), "");
        assert_eq!(format!("{:?}", FieldPath::new("a").index(1)), "FieldPath(\"a[1]\")");
        assert_eq!(serde_json::to_string(&FieldPath::root().item("groups", 3)).unwrap(), "\"groups[3]\"");
    }

    #[test]
    fn reindexing_moves_only_the_named_list_index() {
        let p = FieldPath::root().item("groups", 0).item("x", 0).reindexed("groups", 4);
        assert_eq!(p.to_string(), "groups[4].x[0]");
        assert_eq!(FieldPath::new("step_ms").reindexed("groups", 4).to_string(), "step_ms");
    }

    #[test]
    fn error_codes_serialise_as_kafka_names() {
        for code in [
            ErrorCode::InvalidReplicationFactor,
            ErrorCode::InvalidTopicException,
            ErrorCode::NotEnoughReplicasAfterAppend,
            ErrorCode::GroupIdNotFound,
            ErrorCode::LeaderNotAvailable,
        ] {
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{}\"", code.name()));
            assert_eq!(code.to_string(), code.name());
        }
        assert_eq!(ErrorCode::InvalidReplicationFactor.name(), "INVALID_REPLICATION_FACTOR");
    }

    #[test]
    fn an_error_serialises_with_both_texts() {
        let e = SimError::new(ErrorCode::InvalidConfig, FieldPath::new("brokers"), ErrorReason::Brokers { value: 0 });
        let v: serde_json::Value = serde_json::to_value(&e).unwrap();
        assert_eq!(v["code"], "INVALID_CONFIG");
        assert_eq!(v["field"], "brokers");
        assert_eq!(v["en"], "a cluster needs 1 to 12 brokers, not 0");
        assert_eq!(v["ko"], "브로커는 1~12개여야 합니다 (지금 0개)");
        assert_eq!(e.to_string(), "INVALID_CONFIG: brokers: a cluster needs 1 to 12 brokers, not 0");
    }
}
