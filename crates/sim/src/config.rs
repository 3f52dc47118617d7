//! Configuration of a simulated cluster. This is also the body of a scenario file
//! (see `docs/scenario-format.md`); Kafka's own dotted config names are used inside
//! each topic's `config` object.

use crate::error::{ErrorCode, ErrorReason, FieldPath, Rate, SimError};
use crate::group::assignor::Strategy;
use crate::limits;
use crate::producer::partitioner::{PartitionerKind, PartitionerSettings};
use serde::{Deserialize, Serialize};

pub use crate::limits::{MAX_BROKERS, MAX_PARTITIONS};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClusterConfig {
    /// Seed of the simulation's PRNG: same seed and commands, same run.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Number of brokers, numbered 1..=N.
    #[serde(default = "default_brokers")]
    pub brokers: u32,
    #[serde(default)]
    pub topics: Vec<TopicConfig>,
    #[serde(default)]
    pub producers: Vec<ProducerConfig>,
    #[serde(default)]
    pub groups: Vec<GroupConfig>,
    /// Simulated milliseconds one `tick()` advances (1 to 1000, default 100).
    #[serde(default = "default_step_ms")]
    pub step_ms: u64,
    /// Broker-level configs, under Kafka's names.
    #[serde(default)]
    pub broker_config: BrokerSettings,
}

fn default_step_ms() -> u64 {
    100
}

/// Broker configs (the same on every broker).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrokerSettings {
    /// `log.retention.check.interval.ms`: how often retention runs (default 300000).
    #[serde(rename = "log.retention.check.interval.ms", default = "default_retention_check")]
    pub log_retention_check_interval_ms: u64,
    /// `replica.lag.time.max.ms`: a follower not caught up for this long leaves the ISR (default 30000).
    #[serde(rename = "replica.lag.time.max.ms", default = "default_replica_lag")]
    pub replica_lag_time_max_ms: u64,
    /// `broker.session.timeout.ms` (KRaft, default 9000): how long after a broker
    /// crashes the controller fences it and moves its leaderships.
    #[serde(rename = "broker.session.timeout.ms", default = "default_broker_session")]
    pub broker_session_timeout_ms: u64,
    /// `replica.fetch.max.bytes` (default 1048576): most a follower copies per fetch.
    #[serde(rename = "replica.fetch.max.bytes", default = "default_fetch_max_bytes")]
    pub replica_fetch_max_bytes: u64,
    /// Simulator setting (not a Kafka config): time between a follower's fetches,
    /// in ms (default 100). `slow_broker` multiplies it.
    #[serde(default = "default_fetch_delay")]
    pub fetch_delay_ms: u64,
    /// Simulator setting (Kafka has no such config; it is the size of the
    /// filesystem under `log.dirs`): bytes of each broker's one log directory
    /// (default 134217728, 128 MiB). A write that does not fit fails with
    /// KAFKA_STORAGE_ERROR, the directory goes offline and, being the broker's
    /// only one, the broker halts (`LogManager.handleLogDirFailure`).
    #[serde(default = "default_disk_bytes")]
    pub disk_bytes: u64,
}

fn default_disk_bytes() -> u64 {
    134_217_728
}

fn default_broker_session() -> u64 {
    9000
}
fn default_fetch_max_bytes() -> u64 {
    1_048_576
}
fn default_fetch_delay() -> u64 {
    100
}

fn default_retention_check() -> u64 {
    300_000
}
fn default_replica_lag() -> u64 {
    30_000
}

impl Default for BrokerSettings {
    fn default() -> Self {
        Self {
            log_retention_check_interval_ms: default_retention_check(),
            replica_lag_time_max_ms: default_replica_lag(),
            broker_session_timeout_ms: default_broker_session(),
            replica_fetch_max_bytes: default_fetch_max_bytes(),
            fetch_delay_ms: default_fetch_delay(),
            disk_bytes: default_disk_bytes(),
        }
    }
}

fn default_seed() -> u64 {
    1
}
fn default_brokers() -> u32 {
    3
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicConfig {
    pub name: String,
    #[serde(default = "default_partitions")]
    pub partitions: u32,
    #[serde(default = "default_rf")]
    pub replication_factor: u32,
    #[serde(default)]
    pub config: TopicSettings,
}

fn default_partitions() -> u32 {
    1
}
fn default_rf() -> u32 {
    3
}

/// Topic-level configs, under Kafka's names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSettings {
    /// `retention.ms`: default 604800000 (7 days); -1 keeps records forever.
    #[serde(rename = "retention.ms", default = "default_retention_ms")]
    pub retention_ms: i64,
    /// `retention.bytes`: default -1 (no size limit), per partition.
    #[serde(rename = "retention.bytes", default = "default_retention_bytes")]
    pub retention_bytes: i64,
    /// `segment.bytes`: default 1073741824 (1 GiB).
    #[serde(rename = "segment.bytes", default = "default_segment_bytes")]
    pub segment_bytes: i64,
    /// `segment.ms`: default 604800000 (7 days).
    #[serde(rename = "segment.ms", default = "default_segment_ms")]
    pub segment_ms: i64,
    /// `min.insync.replicas`: default 1.
    #[serde(rename = "min.insync.replicas", default = "default_min_isr")]
    pub min_insync_replicas: u32,
    /// `unclean.leader.election.enable`: default false.
    #[serde(rename = "unclean.leader.election.enable", default)]
    pub unclean_leader_election_enable: bool,
}

fn default_retention_ms() -> i64 {
    604_800_000
}
fn default_retention_bytes() -> i64 {
    -1
}
fn default_segment_bytes() -> i64 {
    1_073_741_824
}
fn default_segment_ms() -> i64 {
    604_800_000
}
fn default_min_isr() -> u32 {
    1
}

impl Default for TopicSettings {
    fn default() -> Self {
        Self {
            retention_ms: default_retention_ms(),
            retention_bytes: default_retention_bytes(),
            segment_bytes: default_segment_bytes(),
            segment_ms: default_segment_ms(),
            min_insync_replicas: default_min_isr(),
            unclean_leader_election_enable: false,
        }
    }
}

/// Producer `acks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Acks {
    #[serde(rename = "0")]
    None,
    #[serde(rename = "1")]
    Leader,
    #[default]
    #[serde(rename = "all", alias = "-1")]
    All,
}

impl Acks {
    pub fn name(self) -> &'static str {
        match self {
            Acks::None => "0",
            Acks::Leader => "1",
            Acks::All => "all",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProducerConfig {
    pub id: String,
    pub topic: String,
    /// Records per simulated second.
    #[serde(default = "default_rate")]
    pub rate_per_s: f64,
    /// Keys to use; `null` or missing (and no `key_space`) means null keys.
    #[serde(default)]
    pub keys: Option<Vec<String>>,
    /// How keys are picked from `keys`: `cycle` (default) or `random` (seeded PRNG).
    #[serde(default)]
    pub key_order: KeyOrder,
    /// A numbered key space instead of a list: keys `key-0` … `key-(N-1)`, drawn by the PRNG.
    #[serde(default)]
    pub key_space: Option<u32>,
    #[serde(default)]
    pub partitioner: PartitionerKind,
    /// `batch.size`, `partitioner.adaptive.partitioning.enable`, `partitioner.ignore.keys`.
    #[serde(default)]
    pub partitioner_config: PartitionerSettings,
    #[serde(default)]
    pub acks: Acks,
    #[serde(default = "default_value_bytes")]
    pub value_bytes: u32,
    /// `enable.idempotence`. Unset: Kafka's default, on when acks=all (since 3.0;
    /// silently off with acks 0 or 1 when not set explicitly, since 3.2).
    #[serde(default)]
    pub enable_idempotence: Option<bool>,
    /// `delivery.timeout.ms` (default 120000): retries stop after this long.
    #[serde(default = "default_delivery_timeout")]
    pub delivery_timeout_ms: u64,
    /// `request.timeout.ms` (default 30000): how long a produce request waits for its acks.
    #[serde(default = "default_request_timeout")]
    pub request_timeout_ms: u64,
    /// `retry.backoff.ms` (default 100).
    #[serde(default = "default_retry_backoff")]
    pub retry_backoff_ms: u64,
}

fn default_delivery_timeout() -> u64 {
    120_000
}
fn default_request_timeout() -> u64 {
    30_000
}
fn default_retry_backoff() -> u64 {
    100
}

impl ProducerConfig {
    /// Whether the producer is idempotent (Kafka's resolution of the default).
    pub fn idempotent(&self) -> bool {
        self.enable_idempotence.unwrap_or(self.acks == Acks::All)
    }
}

/// How a producer walks its key list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum KeyOrder {
    #[default]
    Cycle,
    Random,
}

fn default_rate() -> f64 {
    10.0
}
fn default_value_bytes() -> u32 {
    100
}

/// `auto.offset.reset` (`Debug` prints the quoted name: see `event::snake_names`).
#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum OffsetReset {
    Earliest,
    #[default]
    Latest,
    None,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupConfig {
    pub id: String,
    pub topic: String,
    /// Members at the start.
    #[serde(default = "default_consumers")]
    pub consumers: u32,
    /// `partition.assignment.strategy`: `range` (default), `roundrobin`, `sticky`,
    /// `cooperative-sticky`.
    #[serde(default)]
    pub assignor: Strategy,
    #[serde(default)]
    pub auto_offset_reset: OffsetReset,
    /// Records each member processes per simulated second.
    #[serde(default = "default_records_per_s")]
    pub records_per_s: f64,
    /// `enable.auto.commit` (default true). When false, members commit after
    /// processing each poll.
    #[serde(default = "default_true")]
    pub enable_auto_commit: bool,
    /// `auto.commit.interval.ms` (default 5000).
    #[serde(default = "default_auto_commit_interval")]
    pub auto_commit_interval_ms: u64,
    /// `max.poll.records` (default 500).
    #[serde(default = "default_max_poll_records")]
    pub max_poll_records: u32,
    /// `session.timeout.ms` (default 45000): how long a crashed member keeps its
    /// partitions before the coordinator removes it.
    #[serde(default = "default_session_timeout")]
    pub session_timeout_ms: u64,
}

fn default_true() -> bool {
    true
}
fn default_auto_commit_interval() -> u64 {
    5000
}
fn default_max_poll_records() -> u32 {
    500
}
fn default_session_timeout() -> u64 {
    45_000
}

impl GroupConfig {
    /// A group with Kafka's consumer defaults.
    pub fn new(id: impl Into<String>, topic: impl Into<String>, consumers: u32) -> Self {
        Self {
            id: id.into(),
            topic: topic.into(),
            consumers,
            assignor: Strategy::default(),
            auto_offset_reset: OffsetReset::default(),
            records_per_s: default_records_per_s(),
            enable_auto_commit: true,
            auto_commit_interval_ms: default_auto_commit_interval(),
            max_poll_records: default_max_poll_records(),
            session_timeout_ms: default_session_timeout(),
        }
    }
}

impl ProducerConfig {
    /// A producer with Kafka's defaults (null keys, built-in partitioner, acks=all).
    pub fn new(id: impl Into<String>, topic: impl Into<String>, rate_per_s: f64) -> Self {
        Self {
            id: id.into(),
            topic: topic.into(),
            rate_per_s,
            keys: None,
            key_order: KeyOrder::Cycle,
            key_space: None,
            partitioner: PartitionerKind::Default,
            partitioner_config: PartitionerSettings::default(),
            acks: Acks::All,
            value_bytes: default_value_bytes(),
            enable_idempotence: None,
            delivery_timeout_ms: default_delivery_timeout(),
            request_timeout_ms: default_request_timeout(),
            retry_backoff_ms: default_retry_backoff(),
        }
    }
}

fn default_consumers() -> u32 {
    1
}
fn default_records_per_s() -> f64 {
    100.0
}

impl Default for ClusterConfig {
    /// The first lesson's cluster: 3 brokers; topic `orders` with 3 partitions and
    /// replication factor 3; one producer; one group of 2 consumers.
    fn default() -> Self {
        Self {
            seed: default_seed(),
            brokers: 3,
            topics: vec![TopicConfig {
                name: "orders".into(),
                partitions: 3,
                replication_factor: 3,
                config: TopicSettings { min_insync_replicas: 2, ..TopicSettings::default() },
            }],
            producers: vec![ProducerConfig {
                keys: Some(vec!["서울".into(), "busan".into(), "incheon".into()]),
                ..ProducerConfig::new("p1", "orders", 10.0)
            }],
            groups: vec![GroupConfig {
                auto_offset_reset: OffsetReset::Earliest,
                ..GroupConfig::new("g1", "orders", 2)
            }],
            step_ms: default_step_ms(),
            broker_config: BrokerSettings::default(),
        }
    }
}

fn invalid(code: ErrorCode, field: FieldPath, reason: ErrorReason) -> Result<(), SimError> {
    Err(SimError::new(code, field, reason))
}

fn invalid_config(field: FieldPath, reason: ErrorReason) -> Result<(), SimError> {
    invalid(ErrorCode::InvalidConfig, field, reason)
}

impl ClusterConfig {
    /// Checks every value and says what is wrong and what is allowed.
    pub fn validate(&self) -> Result<(), SimError> {
        use ErrorReason as R;
        if self.step_ms == 0 || self.step_ms > limits::MAX_STEP_MS {
            return invalid_config("step_ms".into(), R::StepMs { value: self.step_ms });
        }
        let b = &self.broker_config;
        let zero = [
            (b.log_retention_check_interval_ms, "log.retention.check.interval.ms"),
            (b.replica_lag_time_max_ms, "replica.lag.time.max.ms"),
            (b.broker_session_timeout_ms, "broker.session.timeout.ms"),
            (b.fetch_delay_ms, "fetch_delay_ms"),
            (b.replica_fetch_max_bytes, "replica.fetch.max.bytes"),
        ];
        if let Some(&(_, name)) = zero.iter().find(|(v, _)| *v == 0) {
            return invalid_config(FieldPath::new("broker_config").field(name), R::BrokerSettingZero);
        }
        if !(limits::MIN_DISK_BYTES..=limits::MAX_DISK_BYTES).contains(&b.disk_bytes) {
            return invalid_config(
                FieldPath::new("broker_config").field("disk_bytes"),
                R::DiskBytes { value: b.disk_bytes },
            );
        }
        if self.brokers == 0 || self.brokers > limits::MAX_BROKERS {
            return invalid_config("brokers".into(), R::Brokers { value: self.brokers });
        }
        for (i, t) in self.topics.iter().enumerate() {
            let f = |name: &'static str| FieldPath::root().item("topics", i).field(name);
            if !valid_topic_name(&t.name) {
                return invalid(ErrorCode::InvalidTopicException, f("name"), R::TopicName { name: t.name.clone() });
            }
            if self.topics[..i].iter().any(|o| o.name == t.name) {
                return invalid(
                    ErrorCode::TopicAlreadyExists,
                    f("name"),
                    R::TopicDefinedTwice { name: t.name.clone() },
                );
            }
            if t.partitions == 0 || t.partitions > limits::MAX_PARTITIONS {
                return invalid(ErrorCode::InvalidPartitions, f("partitions"), R::Partitions { value: t.partitions });
            }
            if t.replication_factor == 0 {
                return invalid(ErrorCode::InvalidReplicationFactor, f("replication_factor"), R::ReplicationFactorZero);
            }
            if t.replication_factor > self.brokers {
                return invalid(
                    ErrorCode::InvalidReplicationFactor,
                    f("replication_factor"),
                    R::ReplicationFactorAboveBrokers {
                        replication_factor: t.replication_factor,
                        brokers: self.brokers,
                    },
                );
            }
            t.config.validate(f("config"), t.replication_factor)?;
        }
        if self.producers.len() > limits::MAX_PRODUCERS {
            return invalid_config("producers".into(), R::TooManyProducers);
        }
        for (i, p) in self.producers.iter().enumerate() {
            let f = |name: &'static str| FieldPath::root().item("producers", i).field(name);
            self.check_id(&p.id, f("id"), self.producers[..i].iter().map(|o| o.id.as_str()))?;
            self.check_topic(&p.topic, f("topic"))?;
            if !(p.rate_per_s.is_finite() && (0.0..=limits::MAX_PRODUCER_RATE).contains(&p.rate_per_s)) {
                return invalid_config(f("rate_per_s"), R::ProducerRate { value: Rate(p.rate_per_s) });
            }
            if p.value_bytes == 0 || p.value_bytes > limits::MAX_VALUE_BYTES {
                return invalid_config(f("value_bytes"), R::ValueBytes { value: p.value_bytes });
            }
            if let Some(t) = self.topics.iter().find(|t| t.name == p.topic) {
                p.partitioner.validate(t.partitions, f("partitioner"))?;
            }
            if let Some(n) = p.key_space {
                if n == 0 || n > limits::MAX_KEY_SPACE {
                    return invalid_config(f("key_space"), R::KeySpace { value: n });
                }
                if p.keys.is_some() {
                    return invalid_config(f("key_space"), R::KeysAndKeySpace);
                }
            }
            if p.enable_idempotence == Some(true) && p.acks != Acks::All {
                // ProducerConfig.postProcessAndValidateIdempotenceConfigs
                return invalid_config(f("enable_idempotence"), R::IdempotenceNeedsAcksAll { acks: p.acks });
            }
            if p.delivery_timeout_ms < p.request_timeout_ms || p.request_timeout_ms == 0 {
                return invalid_config(
                    f("delivery_timeout_ms"),
                    R::DeliveryTimeout {
                        delivery_timeout_ms: p.delivery_timeout_ms,
                        request_timeout_ms: p.request_timeout_ms,
                    },
                );
            }
            if p.keys.as_ref().is_some_and(Vec::is_empty) {
                return invalid_config(f("keys"), R::EmptyKeys);
            }
            let long = p.keys.iter().flatten().enumerate().find(|(_, k)| k.len() > limits::MAX_KEY_BYTES as usize);
            if let Some((index, key)) = long {
                return invalid_config(f("keys"), R::KeyTooLong { index, bytes: key.len() });
            }
        }
        for (i, g) in self.groups.iter().enumerate() {
            let f = |name: &'static str| FieldPath::root().item("groups", i).field(name);
            self.check_id(&g.id, f("id"), self.groups[..i].iter().map(|o| o.id.as_str()))?;
            self.check_topic(&g.topic, f("topic"))?;
            if g.consumers > limits::MAX_GROUP_MEMBERS {
                return invalid_config(f("consumers"), R::GroupConsumers { value: g.consumers });
            }
            if g.max_poll_records == 0 {
                return invalid_config(f("max_poll_records"), R::MaxPollRecordsZero);
            }
            if g.auto_commit_interval_ms == 0 || g.session_timeout_ms == 0 {
                let field = if g.session_timeout_ms == 0 { "session_timeout_ms" } else { "auto_commit_interval_ms" };
                return invalid_config(f(field), R::CommitOrSessionZero);
            }
            if !(g.records_per_s.is_finite() && (0.0..=limits::MAX_GROUP_RATE).contains(&g.records_per_s)) {
                return invalid_config(f("records_per_s"), R::GroupRate { value: Rate(g.records_per_s) });
            }
        }
        Ok(())
    }

    fn check_id<'a>(&self, id: &str, field: FieldPath, earlier: impl Iterator<Item = &'a str>) -> Result<(), SimError> {
        if id.is_empty()
            || id.len() > limits::MAX_ID_LEN
            || !id.chars().all(|c| c.is_alphanumeric() || "._-".contains(c))
        {
            return invalid_config(field, ErrorReason::InvalidId { id: id.to_string() });
        }
        let mut earlier = earlier;
        if earlier.any(|e| e == id) {
            return invalid_config(field, ErrorReason::IdUsedTwice { id: id.to_string() });
        }
        Ok(())
    }

    fn check_topic(&self, topic: &str, field: FieldPath) -> Result<(), SimError> {
        if self.topics.iter().any(|t| t.name == topic) {
            return Ok(());
        }
        let known = self.topics.iter().map(|t| t.name.clone()).collect();
        invalid(
            ErrorCode::UnknownTopicOrPartition,
            field,
            ErrorReason::UnknownConfigTopic { topic: topic.to_string(), known },
        )
    }
}

impl TopicSettings {
    /// Checks the topic configs; `field` is where they are (e.g. `topics[0].config`).
    pub fn validate(&self, field: impl Into<FieldPath>, replication_factor: u32) -> Result<(), SimError> {
        use ErrorReason as R;
        let field = field.into();
        let bad = |name: &'static str, reason| invalid_config(field.clone().field(name), reason);
        if self.retention_ms < -1 {
            return bad("retention.ms", R::RetentionMs { value: self.retention_ms });
        }
        if self.retention_bytes < -1 {
            return bad("retention.bytes", R::RetentionBytes { value: self.retention_bytes });
        }
        if !(limits::MIN_SEGMENT_BYTES..=limits::MAX_SEGMENT_BYTES).contains(&self.segment_bytes) {
            return bad("segment.bytes", R::SegmentBytes { value: self.segment_bytes });
        }
        if self.segment_ms < 1 {
            return bad("segment.ms", R::SegmentMs { value: self.segment_ms });
        }
        if self.min_insync_replicas == 0 {
            return bad("min.insync.replicas", R::MinIsrZero);
        }
        if self.min_insync_replicas > replication_factor {
            // Kafka accepts this config, but then every acks=all write fails with
            // NOT_ENOUGH_REPLICAS; a teaching tool says so up front.
            return bad(
                "min.insync.replicas",
                R::MinIsrAboveReplicationFactor { min_isr: self.min_insync_replicas, replication_factor },
            );
        }
        Ok(())
    }
}

/// Kafka's `Topic.validate`: 1..=249 chars of `[a-zA-Z0-9._-]`, not `.` or `..`.
pub fn valid_topic_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= limits::MAX_TOPIC_NAME_LEN
        && name != "."
        && name != ".."
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_config_is_valid() {
        ClusterConfig::default().validate().unwrap();
    }

    #[test]
    fn rf_larger_than_brokers_is_invalid_replication_factor_with_the_numbers() {
        let mut c = ClusterConfig::default();
        c.topics[0].replication_factor = 4;
        let e = c.validate().unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidReplicationFactor);
        assert_eq!(e.field, "topics[0].replication_factor");
        assert_eq!(e.reason, ErrorReason::ReplicationFactorAboveBrokers { replication_factor: 4, brokers: 3 });
        assert!(e.en().contains("replication factor 4 is larger than the 3 brokers"), "{}", e.en());
        assert!(e.ko().contains("브로커 수 3"), "{}", e.ko());
    }

    #[test]
    fn zero_partitions_and_unknown_topic_are_explained() {
        let mut c = ClusterConfig::default();
        c.topics[0].partitions = 0;
        assert_eq!(c.validate().unwrap_err().code, ErrorCode::InvalidPartitions);
        let mut c = ClusterConfig::default();
        c.producers[0].topic = "nope".into();
        let e = c.validate().unwrap_err();
        assert_eq!(e.code, ErrorCode::UnknownTopicOrPartition);
        assert_eq!(e.field, "producers[0].topic");
    }

    #[test]
    fn topic_name_rules_follow_kafka_topic_validate() {
        assert!(valid_topic_name("orders.v2_x-1"));
        assert!(!valid_topic_name(""));
        assert!(!valid_topic_name(".."));
        assert!(!valid_topic_name("주문"));
        assert!(!valid_topic_name(&"a".repeat(250)));
    }

    /// Each limit is accepted exactly up to its `limits` constant, and the
    /// refusal names the constant's value.
    #[test]
    fn limits_are_enforced_at_their_constants() {
        type Set = fn(&mut ClusterConfig, u64);
        let cases: [(&str, u64, Set); 9] = [
            ("brokers", u64::from(limits::MAX_BROKERS), |c, v| {
                c.brokers = v as u32;
                c.topics[0].replication_factor = 1;
                c.topics[0].config.min_insync_replicas = 1;
            }),
            ("topics[0].partitions", u64::from(limits::MAX_PARTITIONS), |c, v| c.topics[0].partitions = v as u32),
            ("groups[0].consumers", u64::from(limits::MAX_GROUP_MEMBERS), |c, v| c.groups[0].consumers = v as u32),
            ("producers[0].rate_per_s", limits::MAX_PRODUCER_RATE as u64, |c, v| c.producers[0].rate_per_s = v as f64),
            ("groups[0].records_per_s", limits::MAX_GROUP_RATE as u64, |c, v| c.groups[0].records_per_s = v as f64),
            ("producers[0].value_bytes", u64::from(limits::MAX_VALUE_BYTES), |c, v| {
                c.producers[0].value_bytes = v as u32
            }),
            ("step_ms", limits::MAX_STEP_MS, |c, v| c.step_ms = v),
            ("producers[0].keys", u64::from(limits::MAX_KEY_BYTES), |c, v| {
                c.producers[0].keys = Some(vec!["k".into(), "x".repeat(v as usize)]);
            }),
            ("producers", limits::MAX_PRODUCERS as u64, |c, v| {
                c.producers = (0..v).map(|i| ProducerConfig::new(format!("p{i}"), "orders", 1.0)).collect();
            }),
        ];
        for (field, max, set) in cases {
            let mut c = ClusterConfig::default();
            set(&mut c, max);
            assert_eq!(c.validate(), Ok(()), "{field} = {max}");
            set(&mut c, max + 1);
            let e = c.validate().unwrap_err();
            assert_eq!(e.field, field);
            assert!(e.en().contains(&max.to_string()), "{}", e.en());
            assert!(e.ko().contains(&max.to_string()), "{}", e.ko());
        }
    }

    #[test]
    fn errors_are_data_with_a_typed_path() {
        let mut c = ClusterConfig::default();
        c.producers[0].keys = Some(vec![]);
        let e = c.validate().unwrap_err();
        assert_eq!(e.field, FieldPath::root().item("producers", 0).field("keys"));
        assert_eq!(e.reason, ErrorReason::EmptyKeys);
        let mut c = ClusterConfig::default();
        c.topics[0].config.retention_ms = -2;
        let e = c.validate().unwrap_err();
        assert_eq!(e.field.to_string(), "topics[0].config.retention.ms");
        assert_eq!(e.reason, ErrorReason::RetentionMs { value: -2 });
    }
}
