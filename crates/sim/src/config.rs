//! Configuration of a simulated cluster. This is also the body of a scenario file
//! (see `docs/scenario-format.md`); Kafka's own dotted config names are used inside
//! each topic's `config` object.

use crate::assignor::Strategy;
use crate::error::{ErrorCode, SimError};
use crate::partitioner::{PartitionerKind, PartitionerSettings};
use serde::{Deserialize, Serialize};

/// Most brokers a cluster may have.
pub const MAX_BROKERS: u32 = 12;
/// Most partitions a topic may have (the visualiser draws every one).
pub const MAX_PARTITIONS: u32 = 256;

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

/// `auto.offset.reset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
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

fn invalid(code: ErrorCode, field: String, en: String, ko: String) -> SimError {
    SimError::new(code, field, en, ko)
}

impl ClusterConfig {
    /// Checks every value and says what is wrong and what is allowed.
    pub fn validate(&self) -> Result<(), SimError> {
        if self.step_ms == 0 || self.step_ms > 1000 {
            return Err(invalid(
                ErrorCode::InvalidConfig,
                "step_ms".into(),
                format!("step_ms must be 1 to 1000 simulated ms, not {}", self.step_ms),
                format!("step_ms는 시뮬레이션 시간 1~1000ms여야 합니다 (지금 {})", self.step_ms),
            ));
        }
        let b = &self.broker_config;
        if b.log_retention_check_interval_ms == 0
            || b.replica_lag_time_max_ms == 0
            || b.broker_session_timeout_ms == 0
            || b.fetch_delay_ms == 0
            || b.replica_fetch_max_bytes == 0
        {
            return Err(invalid(
                ErrorCode::InvalidConfig,
                "broker_config".into(),
                "every broker_config value must be at least 1".into(),
                "broker_config의 값은 모두 1 이상이어야 합니다".into(),
            ));
        }
        if self.brokers == 0 || self.brokers > MAX_BROKERS {
            return Err(invalid(
                ErrorCode::InvalidConfig,
                "brokers".into(),
                format!("a cluster needs 1 to {MAX_BROKERS} brokers, not {}", self.brokers),
                format!("브로커는 1~{MAX_BROKERS}개여야 합니다 (지금 {}개)", self.brokers),
            ));
        }
        for (i, t) in self.topics.iter().enumerate() {
            let f = |name: &str| format!("topics[{i}].{name}");
            if !valid_topic_name(&t.name) {
                return Err(invalid(
                    ErrorCode::InvalidTopicException,
                    f("name"),
                    format!(
                        "topic name {:?} is not valid: use 1 to 249 characters from a-z, A-Z, 0-9, '.', '_' and '-'",
                        t.name
                    ),
                    format!("토픽 이름 {:?}은(는) 쓸 수 없습니다: a-z, A-Z, 0-9, '.', '_', '-' 로 1~249자", t.name),
                ));
            }
            if self.topics[..i].iter().any(|o| o.name == t.name) {
                return Err(invalid(
                    ErrorCode::TopicAlreadyExists,
                    f("name"),
                    format!("topic {:?} is defined twice", t.name),
                    format!("토픽 {:?}이(가) 두 번 정의되어 있습니다", t.name),
                ));
            }
            if t.partitions == 0 || t.partitions > MAX_PARTITIONS {
                return Err(invalid(
                    ErrorCode::InvalidPartitions,
                    f("partitions"),
                    format!("a topic needs 1 to {MAX_PARTITIONS} partitions, not {}", t.partitions),
                    format!("파티션 수는 1~{MAX_PARTITIONS}개여야 합니다 (지금 {}개)", t.partitions),
                ));
            }
            if t.replication_factor == 0 {
                return Err(invalid(
                    ErrorCode::InvalidReplicationFactor,
                    f("replication_factor"),
                    "replication factor must be at least 1".into(),
                    "복제 팩터(replication factor)는 1 이상이어야 합니다".into(),
                ));
            }
            if t.replication_factor > self.brokers {
                return Err(invalid(
                    ErrorCode::InvalidReplicationFactor,
                    f("replication_factor"),
                    format!(
                        "replication factor {} is larger than the {} brokers: each copy needs its own broker",
                        t.replication_factor, self.brokers
                    ),
                    format!(
                        "복제 팩터 {}이(가) 브로커 수 {}보다 큽니다: 복제본마다 다른 브로커가 필요합니다",
                        t.replication_factor, self.brokers
                    ),
                ));
            }
            t.config.validate(&f("config"), t.replication_factor)?;
        }
        for (i, p) in self.producers.iter().enumerate() {
            let f = |name: &str| format!("producers[{i}].{name}");
            self.check_id(&p.id, &f("id"), self.producers[..i].iter().map(|o| o.id.as_str()))?;
            self.check_topic(&p.topic, &f("topic"))?;
            if !(p.rate_per_s.is_finite() && (0.0..=100_000.0).contains(&p.rate_per_s)) {
                return Err(invalid(
                    ErrorCode::InvalidConfig,
                    f("rate_per_s"),
                    format!("rate_per_s must be between 0 and 100000 records per second, not {}", p.rate_per_s),
                    format!("rate_per_s는 초당 0~100000건이어야 합니다 (지금 {})", p.rate_per_s),
                ));
            }
            if p.value_bytes == 0 || p.value_bytes > 1_048_576 {
                return Err(invalid(
                    ErrorCode::InvalidConfig,
                    f("value_bytes"),
                    format!("value_bytes must be 1 to 1048576, not {}", p.value_bytes),
                    format!("value_bytes는 1~1048576이어야 합니다 (지금 {})", p.value_bytes),
                ));
            }
            if let Some(t) = self.topics.iter().find(|t| t.name == p.topic) {
                p.partitioner.validate(t.partitions, &f("partitioner"))?;
            }
            if let Some(n) = p.key_space {
                if n == 0 || n > 1_000_000 {
                    return Err(invalid(
                        ErrorCode::InvalidConfig,
                        f("key_space"),
                        format!("key_space must be 1 to 1000000 keys, not {n}"),
                        format!("key_space는 키 1~1000000개여야 합니다 (지금 {n})"),
                    ));
                }
                if p.keys.is_some() {
                    return Err(invalid(
                        ErrorCode::InvalidConfig,
                        f("key_space"),
                        "give either keys or key_space, not both".into(),
                        "keys와 key_space 중 하나만 쓰세요".into(),
                    ));
                }
            }
            if p.enable_idempotence == Some(true) && p.acks != Acks::All {
                // ProducerConfig.postProcessAndValidateIdempotenceConfigs
                return Err(invalid(
                    ErrorCode::InvalidConfig,
                    f("enable_idempotence"),
                    format!("enable.idempotence=true needs acks=all, but acks={}", p.acks.name()),
                    format!("enable.idempotence=true에는 acks=all이 필요한데 acks={}입니다", p.acks.name()),
                ));
            }
            if p.delivery_timeout_ms < p.request_timeout_ms || p.request_timeout_ms == 0 {
                return Err(invalid(
                    ErrorCode::InvalidConfig,
                    f("delivery_timeout_ms"),
                    format!(
                        "delivery.timeout.ms ({}) must be at least request.timeout.ms ({}), and both above 0",
                        p.delivery_timeout_ms, p.request_timeout_ms
                    ),
                    format!(
                        "delivery.timeout.ms({})는 request.timeout.ms({}) 이상이어야 하고 둘 다 0보다 커야 합니다",
                        p.delivery_timeout_ms, p.request_timeout_ms
                    ),
                ));
            }
            if let Some(keys) = &p.keys {
                if keys.is_empty() {
                    return Err(invalid(
                        ErrorCode::InvalidConfig,
                        f("keys"),
                        "keys is an empty list: give at least one key, or null for null keys".into(),
                        "keys가 빈 목록입니다: 키를 하나 이상 주거나, 키 없이 보내려면 null로 두세요".into(),
                    ));
                }
            }
        }
        for (i, g) in self.groups.iter().enumerate() {
            let f = |name: &str| format!("groups[{i}].{name}");
            self.check_id(&g.id, &f("id"), self.groups[..i].iter().map(|o| o.id.as_str()))?;
            self.check_topic(&g.topic, &f("topic"))?;
            if g.consumers > 64 {
                return Err(invalid(
                    ErrorCode::InvalidConfig,
                    f("consumers"),
                    format!("a group may start with 0 to 64 consumers, not {}", g.consumers),
                    format!("그룹의 컨슈머는 0~64개여야 합니다 (지금 {}개)", g.consumers),
                ));
            }
            if g.max_poll_records == 0 {
                return Err(invalid(
                    ErrorCode::InvalidConfig,
                    f("max_poll_records"),
                    "max.poll.records must be at least 1".into(),
                    "max.poll.records는 1 이상이어야 합니다".into(),
                ));
            }
            if g.auto_commit_interval_ms == 0 || g.session_timeout_ms == 0 {
                return Err(invalid(
                    ErrorCode::InvalidConfig,
                    f(if g.session_timeout_ms == 0 { "session_timeout_ms" } else { "auto_commit_interval_ms" }),
                    "auto.commit.interval.ms and session.timeout.ms must be at least 1".into(),
                    "auto.commit.interval.ms와 session.timeout.ms는 1 이상이어야 합니다".into(),
                ));
            }
            if !(g.records_per_s.is_finite() && (0.0..=1_000_000.0).contains(&g.records_per_s)) {
                return Err(invalid(
                    ErrorCode::InvalidConfig,
                    f("records_per_s"),
                    format!("records_per_s must be between 0 and 1000000, not {}", g.records_per_s),
                    format!("records_per_s는 0~1000000이어야 합니다 (지금 {})", g.records_per_s),
                ));
            }
        }
        Ok(())
    }

    fn check_id<'a>(&self, id: &str, field: &str, earlier: impl Iterator<Item = &'a str>) -> Result<(), SimError> {
        if id.is_empty() || id.len() > 64 || !id.chars().all(|c| c.is_alphanumeric() || "._-".contains(c)) {
            return Err(invalid(
                ErrorCode::InvalidConfig,
                field.into(),
                format!("id {id:?} is not valid: use 1 to 64 letters, digits, '.', '_' or '-'"),
                format!("id {id:?}은(는) 쓸 수 없습니다: 글자, 숫자, '.', '_', '-'로 1~64자"),
            ));
        }
        let mut earlier = earlier;
        if earlier.any(|e| e == id) {
            return Err(invalid(
                ErrorCode::InvalidConfig,
                field.into(),
                format!("id {id:?} is used twice"),
                format!("id {id:?}이(가) 두 번 쓰였습니다"),
            ));
        }
        Ok(())
    }

    fn check_topic(&self, topic: &str, field: &str) -> Result<(), SimError> {
        if self.topics.iter().any(|t| t.name == topic) {
            return Ok(());
        }
        let known: Vec<&str> = self.topics.iter().map(|t| t.name.as_str()).collect();
        Err(invalid(
            ErrorCode::UnknownTopicOrPartition,
            field.into(),
            format!("topic {topic:?} does not exist (topics: {})", known.join(", ")),
            format!("토픽 {topic:?}이(가) 없습니다 (있는 토픽: {})", known.join(", ")),
        ))
    }
}

impl TopicSettings {
    pub fn validate(&self, field: &str, replication_factor: u32) -> Result<(), SimError> {
        let bad = |name: &str, en: String, ko: String| {
            Err(invalid(ErrorCode::InvalidConfig, format!("{field}.{name}"), en, ko))
        };
        if self.retention_ms < -1 {
            return bad(
                "retention.ms",
                format!("retention.ms must be -1 (keep forever) or at least 0, not {}", self.retention_ms),
                format!("retention.ms는 -1(영구 보관) 또는 0 이상이어야 합니다 (지금 {})", self.retention_ms),
            );
        }
        if self.retention_bytes < -1 {
            return bad(
                "retention.bytes",
                format!("retention.bytes must be -1 (no limit) or at least 0, not {}", self.retention_bytes),
                format!("retention.bytes는 -1(제한 없음) 또는 0 이상이어야 합니다 (지금 {})", self.retention_bytes),
            );
        }
        // Kafka's LogConfig: segment.bytes has a minimum of 14 bytes (a record batch header).
        if self.segment_bytes < 14 || self.segment_bytes > i64::from(i32::MAX) {
            return bad(
                "segment.bytes",
                format!("segment.bytes must be between 14 and 2147483647, not {}", self.segment_bytes),
                format!("segment.bytes는 14~2147483647이어야 합니다 (지금 {})", self.segment_bytes),
            );
        }
        if self.segment_ms < 1 {
            return bad(
                "segment.ms",
                format!("segment.ms must be at least 1, not {}", self.segment_ms),
                format!("segment.ms는 1 이상이어야 합니다 (지금 {})", self.segment_ms),
            );
        }
        if self.min_insync_replicas == 0 {
            return bad(
                "min.insync.replicas",
                "min.insync.replicas must be at least 1".into(),
                "min.insync.replicas는 1 이상이어야 합니다".into(),
            );
        }
        if self.min_insync_replicas > replication_factor {
            // Kafka accepts this config, but then every acks=all write fails with
            // NOT_ENOUGH_REPLICAS; a teaching tool says so up front.
            return bad(
                "min.insync.replicas",
                format!(
                    "min.insync.replicas {} is larger than the replication factor {}: every acks=all write would fail with NOT_ENOUGH_REPLICAS",
                    self.min_insync_replicas, replication_factor
                ),
                format!(
                    "min.insync.replicas {}이(가) 복제 팩터 {}보다 큽니다: acks=all 쓰기가 모두 NOT_ENOUGH_REPLICAS로 실패합니다",
                    self.min_insync_replicas, replication_factor
                ),
            );
        }
        Ok(())
    }
}

/// Kafka's `Topic.validate`: 1..=249 chars of `[a-zA-Z0-9._-]`, not `.` or `..`.
pub fn valid_topic_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 249
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
        assert!(e.en.contains("replication factor 4 is larger than the 3 brokers"), "{}", e.en);
        assert!(e.ko.contains("브로커 수 3"), "{}", e.ko);
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
}
