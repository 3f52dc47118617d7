//! Every English and Korean sentence the engine produces: event explanations,
//! error messages, warnings and Burrow's explanations. Events and errors carry
//! only structured data (reason enums, typed field paths, numbers); this module
//! turns them into prose. Kafka identifiers (config names, error codes) stay
//! untranslated in both languages.

use crate::burrow::{Note, Reason, WindowError};
use crate::error::{ErrorCode, ErrorReason};
use crate::event::{DataLossReason, ElectionCause, EventKind, IsrShrinkReason, ResetCause, Warning};
use crate::fixed::human_bytes;
use crate::josa::{self, Particle};
use crate::limits;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The language of every text: the engine's, the CLI's `--lang` and the app's.
/// Serialised and parsed (`FromStr`) as `en` / `ko`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language tag: `en` or `ko`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// `en` or `ko`; anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == s)
    }

    /// The other language (the app's language switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ko,
            Lang::Ko => Lang::En,
        }
    }

    /// Picks the English or Korean one of two texts.
    pub fn pick<'a>(self, en: &'a str, ko: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Ko => ko,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: use en (English) or ko (Korean)"))
    }
}

/// Serialises an error reason as its English text (the `error` of a `rejected` event).
pub(crate) fn serialize_error_en<S: Serializer>(reason: &ErrorReason, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&error(reason, Lang::En))
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// The message of a refused configuration or command.
pub fn error(reason: &ErrorReason, lang: Lang) -> String {
    use ErrorReason as R;
    let ko = lang == Lang::Ko;
    let (en, kr): (String, String) = match reason {
        R::StepMs { value } => (
            format!("step_ms must be 1 to {} simulated ms, not {value}", limits::MAX_STEP_MS),
            format!("step_ms는 시뮬레이션 시간 1~{}ms여야 합니다 (지금 {value})", limits::MAX_STEP_MS),
        ),
        R::BrokerSettingZero => ("must be at least 1, not 0".into(), "0이 아니라 1 이상이어야 합니다".into()),
        R::DiskBytes { value } => (
            format!("disk_bytes must be {} to {} bytes, not {value}", limits::MIN_DISK_BYTES, limits::MAX_DISK_BYTES),
            format!("disk_bytes는 {}~{}바이트여야 합니다 (지금 {value})", limits::MIN_DISK_BYTES, limits::MAX_DISK_BYTES),
        ),
        R::Brokers { value } => (
            format!("a cluster needs 1 to {} brokers, not {value}", limits::MAX_BROKERS),
            format!("브로커는 1~{}개여야 합니다 (지금 {value}개)", limits::MAX_BROKERS),
        ),
        R::TopicName { name } => (
            format!(
                "topic name {name:?} is not valid: use 1 to {} characters from a-z, A-Z, 0-9, '.', '_' and '-'",
                limits::MAX_TOPIC_NAME_LEN
            ),
            format!(
                "토픽 이름 {} 쓸 수 없습니다: a-z, A-Z, 0-9, '.', '_', '-'로 1~{}자",
                j(format!("{name:?}"), Particle::Eun),
                limits::MAX_TOPIC_NAME_LEN
            ),
        ),
        R::TopicDefinedTwice { name } => (
            format!("topic {name:?} is defined twice"),
            format!("토픽 {} 두 번 정의되어 있습니다", j(format!("{name:?}"), Particle::I)),
        ),
        R::Partitions { value } => (
            format!("a topic needs 1 to {} partitions, not {value}", limits::MAX_PARTITIONS),
            format!("파티션 수는 1~{}개여야 합니다 (지금 {value}개)", limits::MAX_PARTITIONS),
        ),
        R::ReplicationFactorZero => (
            "replication factor must be at least 1".into(),
            "복제 팩터(replication factor)는 1 이상이어야 합니다".into(),
        ),
        R::ReplicationFactorAboveBrokers { replication_factor, brokers } => (
            format!(
                "replication factor {replication_factor} is larger than the {brokers} brokers: each copy needs its own broker"
            ),
            format!(
                "복제 팩터 {} 브로커 수 {brokers}보다 큽니다: 복제본마다 다른 브로커가 필요합니다",
                j(replication_factor, Particle::I)
            ),
        ),
        R::ProducerRate { value } => (
            format!(
                "rate_per_s must be between 0 and {} records per second, not {value}",
                crate::error::Rate(limits::MAX_PRODUCER_RATE)
            ),
            format!("rate_per_s는 초당 0~{}건이어야 합니다 (지금 {value})", crate::error::Rate(limits::MAX_PRODUCER_RATE)),
        ),
        R::ValueBytes { value } => (
            format!("value_bytes must be 1 to {}, not {value}", limits::MAX_VALUE_BYTES),
            format!("value_bytes는 1~{}이어야 합니다 (지금 {value})", limits::MAX_VALUE_BYTES),
        ),
        R::KeySpace { value } => (
            format!("key_space must be 1 to {} keys, not {value}", limits::MAX_KEY_SPACE),
            format!("key_space는 키 1~{}개여야 합니다 (지금 {value})", limits::MAX_KEY_SPACE),
        ),
        R::KeysAndKeySpace => {
            ("give either keys or key_space, not both".into(), "keys와 key_space 중 하나만 쓰세요".into())
        }
        R::IdempotenceNeedsAcksAll { acks } => (
            format!("enable.idempotence=true needs acks=all, but acks={}", acks.name()),
            format!("enable.idempotence=true에는 acks=all이 필요한데 acks={}입니다", acks.name()),
        ),
        R::DeliveryTimeout { delivery_timeout_ms, request_timeout_ms } => (
            format!(
                "delivery.timeout.ms ({delivery_timeout_ms}) must be at least request.timeout.ms ({request_timeout_ms}), and both above 0"
            ),
            format!(
                "delivery.timeout.ms({delivery_timeout_ms})는 request.timeout.ms({request_timeout_ms}) 이상이어야 하고 둘 다 0보다 커야 합니다"
            ),
        ),
        R::EmptyKeys => (
            "keys is an empty list: give at least one key, or null for null keys".into(),
            "keys가 빈 목록입니다: 키를 하나 이상 주거나, 키 없이 보내려면 null로 두세요".into(),
        ),
        R::GroupConsumers { value } => (
            format!("a group may start with 0 to {} consumers, not {value}", limits::MAX_GROUP_MEMBERS),
            format!("그룹의 컨슈머는 0~{}개여야 합니다 (지금 {value}개)", limits::MAX_GROUP_MEMBERS),
        ),
        R::MaxPollRecordsZero => {
            ("max.poll.records must be at least 1".into(), "max.poll.records는 1 이상이어야 합니다".into())
        }
        R::CommitOrSessionZero => (
            "auto.commit.interval.ms and session.timeout.ms must be at least 1".into(),
            "auto.commit.interval.ms와 session.timeout.ms는 1 이상이어야 합니다".into(),
        ),
        R::GroupRate { value } => (
            format!("records_per_s must be between 0 and {}, not {value}", crate::error::Rate(limits::MAX_GROUP_RATE)),
            format!("records_per_s는 0~{}이어야 합니다 (지금 {value})", crate::error::Rate(limits::MAX_GROUP_RATE)),
        ),
        R::InvalidId { id } => (
            format!("id {id:?} is not valid: use 1 to {} letters, digits, '.', '_' or '-'", limits::MAX_ID_LEN),
            format!(
                "id {} 쓸 수 없습니다: 글자, 숫자, '.', '_', '-'로 1~{}자",
                j(format!("{id:?}"), Particle::Eun),
                limits::MAX_ID_LEN
            ),
        ),
        R::IdUsedTwice { id } => {
            (format!("id {id:?} is used twice"), format!("id {} 두 번 쓰였습니다", j(format!("{id:?}"), Particle::I)))
        }
        R::UnknownConfigTopic { topic, known } => (
            format!("topic {topic:?} does not exist (topics: {})", known.join(", ")),
            format!("토픽 {} 없습니다 (있는 토픽: {})", j(format!("{topic:?}"), Particle::I), known.join(", ")),
        ),
        R::DurationMs { value } => (
            format!(
                "duration_ms must be at most {} ({} simulated hours), not {value}",
                limits::MAX_RUN_MS,
                limits::MAX_RUN_MS / 3_600_000
            ),
            format!(
                "duration_ms는 {} 이하(시뮬레이션 시간 {}시간)여야 합니다 (지금 {value})",
                limits::MAX_RUN_MS,
                limits::MAX_RUN_MS / 3_600_000
            ),
        ),
        R::RetentionMs { value } => (
            format!("retention.ms must be -1 (keep forever) or at least 0, not {value}"),
            format!("retention.ms는 -1(영구 보관) 또는 0 이상이어야 합니다 (지금 {value})"),
        ),
        R::RetentionBytes { value } => (
            format!("retention.bytes must be -1 (no limit) or at least 0, not {value}"),
            format!("retention.bytes는 -1(제한 없음) 또는 0 이상이어야 합니다 (지금 {value})"),
        ),
        R::SegmentBytes { value } => (
            format!(
                "segment.bytes must be between {} and {}, not {value}",
                limits::MIN_SEGMENT_BYTES,
                limits::MAX_SEGMENT_BYTES
            ),
            format!(
                "segment.bytes는 {}~{}이어야 합니다 (지금 {value})",
                limits::MIN_SEGMENT_BYTES,
                limits::MAX_SEGMENT_BYTES
            ),
        ),
        R::SegmentMs { value } => (
            format!("segment.ms must be at least 1, not {value}"),
            format!("segment.ms는 1 이상이어야 합니다 (지금 {value})"),
        ),
        R::MinIsrZero => {
            ("min.insync.replicas must be at least 1".into(), "min.insync.replicas는 1 이상이어야 합니다".into())
        }
        R::MinIsrAboveReplicationFactor { min_isr, replication_factor } => (
            format!(
                "min.insync.replicas {min_isr} is larger than the replication factor {replication_factor}: every acks=all write would fail with {}", ErrorCode::NotEnoughReplicas
            ),
            format!(
                "min.insync.replicas {} 복제 팩터 {replication_factor}보다 큽니다: acks=all 쓰기가 모두 {} 실패합니다",
                j(min_isr, Particle::I),
                j(ErrorCode::NotEnoughReplicas, Particle::Euro)
            ),
        ),
        R::ProducerExists { id } => (
            format!("a producer named {id:?} already exists"),
            format!("프로듀서 {} 이미 있습니다", j(format!("{id:?}"), Particle::I)),
        ),
        R::TooManyProducers => (
            format!("a cluster may have at most {} producers", limits::MAX_PRODUCERS),
            format!("프로듀서는 클러스터에 최대 {}개까지 둘 수 있습니다", limits::MAX_PRODUCERS),
        ),
        R::KeyTooLong { index, bytes } => (
            format!("keys[{index}] is {bytes} bytes; a key may be at most {} bytes", limits::MAX_KEY_BYTES),
            format!("keys[{index}]는 {bytes}바이트입니다: 키는 최대 {}바이트까지 됩니다", limits::MAX_KEY_BYTES),
        ),
        R::GroupExists { id } => (
            format!("a consumer group named {id:?} already exists"),
            format!("컨슈머 그룹 {} 이미 있습니다", j(format!("{id:?}"), Particle::I)),
        ),
        R::GroupFull => (
            format!("a group may have at most {} members here", limits::MAX_GROUP_MEMBERS),
            format!("이 도구에서 그룹 멤버는 최대 {}개입니다", limits::MAX_GROUP_MEMBERS),
        ),
        R::NoSuchMember { group, member } => (
            format!("group {group} has no member {}", member.as_deref().unwrap_or("left to remove")),
            format!("그룹 {group}에 {} 멤버가 없습니다", member.as_deref().unwrap_or("제거할")),
        ),
        R::MemberAlreadyCrashed { member } => (
            format!("{member} has already crashed; the coordinator removes it after session.timeout.ms"),
            format!(
                "{} 이미 비정상 종료했습니다. session.timeout.ms가 지나면 코디네이터가 그룹에서 제외합니다",
                j(member, Particle::Eun)
            ),
        ),
        R::NoSuchGroup { group } => (
            format!("there is no consumer group {group:?}"),
            format!("컨슈머 그룹 {} 없습니다", j(format!("{group:?}"), Particle::I)),
        ),
        R::NoSuchProducer { producer } => (
            format!("there is no producer {producer:?}"),
            format!("프로듀서 {} 없습니다", j(format!("{producer:?}"), Particle::I)),
        ),
        R::UnknownTopic { topic } => {
            (format!("topic {topic:?} does not exist"), format!("토픽 {} 없습니다", j(format!("{topic:?}"), Particle::I)))
        }
        R::PartitionsNotIncreased { topic, now, requested } if requested < now => (
            format!("topic {topic} has {now} partitions and cannot go down to {requested}: Kafka can add partitions but never remove them"),
            format!("토픽 {topic}의 파티션은 {now}개이며 {requested}개로 줄일 수 없습니다: 카프카는 파티션을 늘릴 수만 있고 줄일 수는 없습니다"),
        ),
        R::PartitionsNotIncreased { topic, now, .. } => (
            format!("topic {topic} already has {now} partitions: the new count must be larger"),
            format!("토픽 {} 이미 파티션이 {now}개입니다: 더 큰 수를 주세요", j(topic, Particle::Eun)),
        ),
        R::TooManyPartitions { requested } => (
            format!("at most {} partitions per topic here, not {requested}", limits::MAX_PARTITIONS),
            format!("이 도구에서 토픽당 파티션은 최대 {}개입니다 (요청 {requested})", limits::MAX_PARTITIONS),
        ),
        R::NotEnoughBrokersForPartitions { replication_factor: rf, live } => (
            format!("new partitions need {rf} live brokers for replication factor {rf}, but only {live} are up"),
            format!("복제 팩터 {rf}인 새 파티션에는 살아 있는 브로커가 {rf}개 필요한데 {live}개뿐입니다"),
        ),
        R::NoSuchBroker { id, brokers } => (
            format!("there is no broker {id} (brokers are 1 to {brokers})"),
            format!("{} 없습니다 (브로커는 1~{brokers})", j(format!("브로커 {id}"), Particle::I)),
        ),
        R::BrokerAlreadyRunning { id } => {
            (format!("broker {id} is already running"), format!("{} 이미 실행 중입니다", j(format!("브로커 {id}"), Particle::Eun)))
        }
        R::BrokerAlreadyDown { id } => {
            (format!("broker {id} is already down"), format!("{} 이미 꺼져 있습니다", j(format!("브로커 {id}"), Particle::Eun)))
        }
        R::BrokerAlreadyIsolated { id } => (
            format!("broker {id} is already cut off from the other brokers"),
            format!("{} 이미 다른 브로커와 끊겨 있습니다", j(format!("브로커 {id}"), Particle::Eun)),
        ),
        R::BrokerNotIsolated { id } => (
            format!("broker {id} is not cut off from the other brokers: there is nothing to heal"),
            format!("{} 다른 브로커와 끊겨 있지 않아 복구할 것이 없습니다", j(format!("브로커 {id}"), Particle::Eun)),
        ),
        R::SlowFactor { value } => (
            format!("factor must be 1 (normal) to {}, not {value}", limits::MAX_SLOW_FACTOR),
            format!("factor는 1(정상)~{}이어야 합니다 (지금 {value})", limits::MAX_SLOW_FACTOR),
        ),
        R::GroupNotEmpty { group, members } => (
            format!("offsets can only be reset while group {group} is inactive, but it has {members} member(s): stop its consumers first"),
            format!("{} 비활성 상태일 때만 오프셋을 재설정할 수 있는데 멤버가 {members}개 있습니다: 먼저 컨슈머를 멈추세요", j(format!("그룹 {group}"), Particle::I)),
        ),
        R::StepNeeds { action, field } => {
            let action = action.name();
            (
                format!("step {action} needs \"{field}\""),
                format!("{action} 단계에는 {} 필요합니다", j(format!("\"{field}\""), Particle::I)),
            )
        }
        R::StepTime { at_ms } => (
            format!(
                "at_ms must be at most {} ({} simulated hours), not {at_ms}",
                limits::MAX_RUN_MS,
                limits::MAX_RUN_MS / 3_600_000
            ),
            format!(
                "at_ms는 {} 이하(시뮬레이션 시간 {}시간)여야 합니다 (지금 {at_ms})",
                limits::MAX_RUN_MS,
                limits::MAX_RUN_MS / 3_600_000
            ),
        ),
        R::UnknownStrategy { name } => (
            format!("unknown partition assignment strategy {name:?}: use one of range, roundrobin, sticky, cooperative-sticky"),
            format!("알 수 없는 파티션 할당 전략 {name:?}: range, roundrobin, sticky, cooperative-sticky 중 하나를 쓰세요"),
        ),
        R::NotSettled { rounds } => (
            format!("the group did not settle within {rounds} rebalance rounds"),
            format!("그룹이 리밸런스 {rounds}회 안에 안정되지 않았습니다"),
        ),
        R::NotAPartition { text } => (
            format!("{text:?} is not a partition: write it as topic-partition, e.g. \"t1-0\""),
            format!("{} 파티션 표기가 아닙니다: \"t1-0\"처럼 토픽-파티션 번호로 쓰세요", j(format!("{text:?}"), Particle::Eun)),
        ),
        R::AssignPartitions { total } => (
            format!("the subscribed topics have {total} partitions: at most {} per request", limits::MAX_ASSIGN_PARTITIONS),
            format!("구독한 토픽의 파티션이 {total}개입니다: 요청당 최대 {}개", limits::MAX_ASSIGN_PARTITIONS),
        ),
        R::AssignMembers { value } => (
            format!("{value} members: at most {} per request", limits::MAX_ASSIGN_MEMBERS),
            format!("멤버가 {value}명입니다: 요청당 최대 {}명", limits::MAX_ASSIGN_MEMBERS),
        ),
        R::EmptyMemberId => ("a member id must not be empty".into(), "멤버 ID는 비어 있을 수 없습니다".into()),
        R::MemberIdTwice { id, first, second } => (
            format!("member id {id:?} appears twice (members {first} and {second}); the coordinator gives every member a unique id"),
            format!("멤버 ID {} 두 번 나옵니다 ({first}번, {second}번); 코디네이터는 멤버마다 고유한 ID를 줍니다", j(format!("{id:?}"), Particle::I)),
        ),
        R::InstanceIdTwice { instance, first, second } => (
            format!("group.instance.id {instance:?} is used by members {first} and {second}; the coordinator fences the older one (FENCED_INSTANCE_ID)"),
            format!("group.instance.id {} {first}번과 {second}번 멤버가 함께 씁니다; 코디네이터는 이전 멤버를 차단합니다 (FENCED_INSTANCE_ID)", j(format!("{instance:?}"), Particle::Eul)),
        ),
        R::TopicSubscribedTwice { member, topic } => (
            format!("member {member:?} subscribes to topic {topic:?} twice; a subscription is a set"),
            format!(
                "멤버 {} 토픽 {} 두 번 구독합니다; 구독은 집합입니다",
                j(format!("{member:?}"), Particle::I),
                j(format!("{topic:?}"), Particle::Eul)
            ),
        ),
        R::OwnedTwice { member, partition } => (
            format!("member {member:?} lists {partition} twice among its owned partitions"),
            format!("멤버 {member:?}의 소유 파티션 목록에 {} 두 번 있습니다", j(partition, Particle::I)),
        ),
        R::StickyIllegalState { what } => (
            format!("the sticky assignor reached a state Kafka reports as IllegalStateException: {what}"),
            format!("sticky 할당기가 카프카에서 IllegalStateException으로 보고하는 상태에 도달했습니다: {what}"),
        ),
        R::CustomNoRules => (
            "the custom partitioner has no rules: give it at least one, and end with a rule \
             without key_prefix that catches every other record"
                .into(),
            "사용자 정의 파티셔너에 규칙이 하나도 없습니다. 규칙을 하나 이상 주고, 마지막에는 \
             key_prefix 없이 나머지 모든 레코드를 받는 규칙을 두세요."
                .into(),
        ),
        R::RuleWithoutPartitions { rule } => (
            format!("rule {rule} lists no partitions: the records it matches would have nowhere to go"),
            format!("규칙 {rule}에 파티션이 하나도 없습니다. 이 규칙에 맞는 레코드가 갈 곳이 없습니다."),
        ),
        R::RulePartitionOutOfRange { rule, partition, partitions } => (
            format!("rule {rule} names partition {partition} but {}", topic_partitions_en(*partitions)),
            format!(
                "{} {} 가리키지만 {}",
                j(format!("규칙 {rule}"), Particle::I),
                j(format!("파티션 {partition}"), Particle::Eul),
                topic_partitions_ko(*partitions)
            ),

        ),
        R::LastRuleHasKeyPrefix { rule } => (
            format!(
                "the last rule (rule {rule}) has a key_prefix, so records whose key matches no \
                 rule, and records without a key, would have no partition: end the list with a \
                 rule without key_prefix"
            ),
            format!(
                "마지막 규칙(규칙 {rule})에 key_prefix가 있어서 어느 규칙에도 맞지 않는 키의 레코드와 \
                 키가 없는 레코드가 갈 파티션이 없습니다. 목록 끝에 key_prefix 없는 규칙을 두세요."
            ),
        ),
        R::UnknownCompareSetting { name } => (
            format!(
                "{name:?} is not a setting to compare: use {}",
                crate::compare::Setting::ALL.map(|s| s.name()).join(", ")
            ),
            format!(
                "{} 비교할 수 있는 설정이 아닙니다: {} 중 하나를 쓰세요",
                j(format!("{name:?}"), Particle::Eun),
                crate::compare::Setting::ALL.map(|s| s.name()).join(", ")
            ),
        ),
        R::CompareNeedsProducers { setting } => (
            format!("comparing {setting} needs at least one producer"),
            format!("{setting} 비교에는 프로듀서가 하나 이상 있어야 합니다"),
        ),
        R::CompareNeedsGroups { setting } => (
            format!("comparing {setting} needs at least one consumer group"),
            format!("{setting} 비교에는 컨슈머 그룹이 하나 이상 있어야 합니다"),
        ),
        R::CompareNeedsTopics { setting } => (
            format!("comparing {setting} needs at least one topic"),
            format!("{setting} 비교에는 토픽이 하나 이상 있어야 합니다"),
        ),
        R::CompareMinIsrNeedsReplicas { topic, replication_factor } => (
            format!(
                "cannot compare min.insync.replicas 1 and 2: topic {topic:?} has replication factor {replication_factor} (needs at least 2)"
            ),
            format!(
                "min.insync.replicas 1과 2를 비교할 수 없습니다: 토픽 {topic:?}의 복제 팩터가 {replication_factor}입니다 (2 이상 필요)"
            ),
        ),
    };
    if ko {
        kr
    } else {
        en
    }
}

// ---------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------

/// The text of a warning.
pub fn warning(w: &Warning, lang: Lang) -> String {
    match (w, lang) {
        // With one replica there is no other copy to elect: the partition is offline
        // while its broker is down and comes back with it; only a lost disk loses
        // the records for good.
        (Warning::ReplicationFactor1 { topic }, Lang::En) => format!("Topic {topic} has replication factor 1: each partition lives on one broker only, so while that broker is down its partitions can be neither written nor read, and if its disk is lost their records are gone for good. RF 3 is the usual choice."),
        (Warning::ReplicationFactor1 { topic }, Lang::Ko) => format!("토픽 {topic}의 복제 팩터가 1입니다: 파티션마다 브로커 하나에만 있어서, 그 브로커가 꺼져 있는 동안은 파티션에 쓰지도 읽지도 못하고, 그 브로커의 디스크를 잃으면 레코드도 영영 잃습니다. 보통 RF 3을 씁니다."),
    }
}

// ---------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------

/// A plain explanation of an event for a learner.
pub fn event(kind: &EventKind, lang: Lang) -> String {
    let ko = lang == Lang::Ko;
    match kind {
        EventKind::Produced { producer, topic, partition, first_offset, last_offset, count } => {
            if ko {
                format!("프로듀서 {} {topic}-{partition}에 레코드 {count}개를 썼습니다 (오프셋 {first_offset}~{last_offset})", j(producer, Particle::I))
            } else {
                format!("Producer {producer} wrote {count} record(s) to {topic}-{partition} (offsets {first_offset}–{last_offset})")
            }
        }
        EventKind::Consumed { group, member, topic, partition, from_offset, to_offset, redelivered } => {
            let n = to_offset - from_offset;
            // The event does not say why the position went back, so the text names
            // both causes: a consumer that stopped before committing (those records
            // were never committed) and an offset reset (they may have been).
            match (ko, *redelivered > 0) {
                (true, false) => format!("{group}의 {} {topic}-{partition}에서 {n}개를 읽었습니다 (오프셋 {from_offset}~{})", j(member, Particle::I), to_offset - 1),
                (true, true) => format!("{group}의 {} {topic}-{partition}에서 {n}개를 읽었습니다. 그중 {redelivered}개는 이 그룹에 전에 전달된 적이 있는 오프셋이라 다시 읽혔습니다: 컨슈머가 커밋하기 전에 멈췄거나, 오프셋이 뒤로 재설정되어 그룹의 위치가 되돌아갔기 때문입니다", j(member, Particle::I)),
                (false, false) => format!("{member} of {group} read {n} record(s) from {topic}-{partition} (offsets {from_offset}–{})", to_offset - 1),
                (false, true) => format!("{member} of {group} read {n} record(s) from {topic}-{partition}; {redelivered} of those offsets had been delivered to {group} before and were delivered again: the group's position went back, because a consumer stopped before committing or the offsets were reset"),
            }
        }
        EventKind::Committed { group, member, topic, partition, offset } => {
            if ko {
                format!(
                    "{group}의 {} {topic}-{partition}의 {} 커밋했습니다 (다음에 읽을 위치)",
                    j(member, Particle::I),
                    j(format!("오프셋 {offset}"), Particle::Eul)
                )
            } else {
                format!(
                    "{member} committed offset {offset} for {topic}-{partition} in {group} (the next record to read)"
                )
            }
        }
        EventKind::MemberJoined { group, member } => {
            if ko {
                format!("{} 컨슈머 그룹 {group}에 들어왔습니다: 리밸런스가 일어납니다", j(member, Particle::I))
            } else {
                format!("{member} joined consumer group {group}: the group rebalances")
            }
        }
        EventKind::MemberLeft { group, member, graceful: true } => {
            if ko {
                format!(
                    "{} 오프셋을 커밋하고 {} 떠났습니다: 남은 멤버끼리 리밸런스합니다",
                    j(member, Particle::I),
                    j(group, Particle::Eul)
                )
            } else {
                format!("{member} committed its offsets and left {group}: the remaining members rebalance")
            }
        }
        EventKind::MemberLeft { group, member, graceful: false } => {
            if ko {
                format!("session.timeout.ms 동안 {member}의 하트비트가 없어 코디네이터가 {group}에서 제외했습니다: 커밋하지 않은 레코드는 다른 멤버가 다시 읽습니다")
            } else {
                format!("No heartbeat from {member} for session.timeout.ms, so the coordinator removed it from {group}: records it read but did not commit will be read again by another member")
            }
        }
        EventKind::MemberCrashed { group, member, session_timeout_ms } => {
            if ko {
                format!("{group}의 {} 비정상 종료했습니다. 코디네이터는 session.timeout.ms({session_timeout_ms}ms)가 지나야 알아차리고, 그동안 이 멤버의 파티션은 아무도 읽지 않습니다", j(member, Particle::I))
            } else {
                format!("{member} of {group} crashed. The coordinator only notices after session.timeout.ms ({session_timeout_ms} ms); until then nobody reads its partitions")
            }
        }
        EventKind::Rebalanced { group, generation, assignor, assignment, pending_revocation } => {
            let list = assignment
                .iter()
                .map(|(m, tps)| {
                    let ps: Vec<String> = tps.iter().map(|tp| tp.partition.to_string()).collect();
                    format!("{m}: [{}]", ps.join(","))
                })
                .collect::<Vec<_>>()
                .join(", ");
            let pending = if pending_revocation.is_empty() {
                String::new()
            } else {
                let ps: Vec<String> = pending_revocation.iter().map(|tp| tp.to_string()).collect();
                if ko {
                    format!(
                        " — {} 이전 소유자가 먼저 반납해야 해서 다음 리밸런스에서 배정됩니다 (cooperative)",
                        j(ps.join(", "), Particle::Eun)
                    )
                } else {
                    format!(
                        " — {} wait for the next rebalance: their previous owner revokes them first (cooperative)",
                        ps.join(", ")
                    )
                }
            };
            if ko {
                format!("{group} 리밸런스 완료, 세대 {generation} ({assignor}): {list}{pending}")
            } else {
                format!("{group} rebalanced to generation {generation} ({assignor}): {list}{pending}")
            }
        }
        EventKind::IdleConsumer { group, member, partitions, members } => {
            if ko {
                format!("{} 유휴 상태입니다: {group}에는 컨슈머가 {members}개인데 파티션은 {partitions}개뿐이고, 그룹 안에서 한 파티션은 한 컨슈머만 읽을 수 있습니다", j(member, Particle::Eun))
            } else {
                format!("{member} is idle: {group} has {members} consumers but only {partitions} partitions, and within a group each partition is read by one consumer only")
            }
        }
        EventKind::OffsetReset { group, topic, partition, from, to, policy, cause } => {
            let why = match (cause, ko) {
                (ResetCause::NoCommittedOffset, true) => "커밋된 오프셋이 없어".to_string(),
                (ResetCause::NoCommittedOffset, false) => "it has no committed offset".to_string(),
                // Below the log start (retention deleted it) or past the log end
                // (truncated after a leader change): `Fetcher` gets OFFSET_OUT_OF_RANGE for both.
                (ResetCause::OutOfRange, true) => format!(
                    "{} 로그 범위 밖이라(보존 정책으로 지워졌거나 로그 끝을 넘음)",
                    j(format!("오프셋 {}", fmt_opt(*from)), Particle::I)
                ),
                (ResetCause::OutOfRange, false) => format!(
                    "offset {} is outside the log (retention deleted it, or it is past the log end)",
                    fmt_opt(*from)
                ),
            };
            if ko {
                format!(
                    "{group}: {topic}-{partition}의 {why} auto.offset.reset={policy}에 따라 오프셋 {to}부터 읽습니다"
                )
            } else {
                format!(
                    "{group}: for {topic}-{partition} {why}, so auto.offset.reset={policy} starts it at offset {to}"
                )
            }
        }
        EventKind::OffsetOutOfRange { group, member, topic, partition, offset, log_start_offset, log_end_offset } => {
            if ko {
                format!("{}: {group}의 {} {topic}-{partition}의 {} 읽을 수 없습니다 (로그 범위 {log_start_offset}~{log_end_offset}). auto.offset.reset=none이라 위치를 자동으로 옮기지 않고 멈춥니다", ErrorCode::OffsetOutOfRange, j(member, Particle::Eun), j(format!("오프셋 {}", fmt_opt(*offset)), Particle::Eul))
            } else {
                format!("{}: {member} of {group} cannot read offset {} of {topic}-{partition} (the log holds {log_start_offset}–{log_end_offset}). With auto.offset.reset=none it stops instead of jumping", ErrorCode::OffsetOutOfRange, fmt_opt(*offset))
            }
        }
        EventKind::OffsetsResetByCommand { group, topic, partition, from, to } => {
            if ko {
                format!(
                    "--reset-offsets: {group}의 {topic}-{partition} 커밋 오프셋을 {}에서 {} 바꿨습니다",
                    fmt_opt(*from),
                    j(to, Particle::Euro)
                )
            } else {
                format!(
                    "--reset-offsets: {group}'s committed offset for {topic}-{partition} moved from {} to {to}",
                    fmt_opt(*from)
                )
            }
        }
        EventKind::SegmentsDeleted {
            topic, partition, reason, segments, from_offset, to_offset, unread_by, ..
        } => {
            let unread = if unread_by.is_empty() {
                String::new()
            } else if ko {
                format!(" 아직 읽지 않은 그룹: {} — 이 레코드는 그 그룹에 전달되지 않습니다", unread_by.join(", "))
            } else {
                format!(" Not yet read by: {} — those groups will never see these records", unread_by.join(", "))
            };
            if ko {
                format!("보존 정책({reason}) 때문에 {topic}-{partition}의 세그먼트 {segments}개를 지웠습니다(오프셋 {from_offset}~{}). 로그 시작 오프셋은 이제 {to_offset}입니다. 읽기는 레코드를 지우지 않고, 보존 정책만 지웁니다.{unread}", to_offset.saturating_sub(1))
            } else {
                format!("Retention ({reason}) deleted {segments} segment(s) of {topic}-{partition} (offsets {from_offset}–{}); the log start offset is now {to_offset}. Reading never deletes records; only retention does.{unread}", to_offset.saturating_sub(1))
            }
        }
        EventKind::PartitionsAdded { topic, from, to } => {
            if ko {
                format!("{topic}의 파티션을 {from}개에서 {to}개로 늘렸습니다. 이제부터 키의 해시를 {} 나누므로 같은 키가 다른 파티션으로 갈 수 있습니다. 파티션은 줄일 수 없습니다", j(to, Particle::Euro))
            } else {
                format!("{topic} grew from {from} to {to} partitions. Keys are now hashed modulo {to}, so a key may land in a different partition from now on. Partitions can never be removed")
            }
        }
        EventKind::TopicCreated { topic, partitions, replication_factor } => {
            if ko {
                format!("토픽 {} 만들었습니다: 파티션 {partitions}개, 복제 팩터 {replication_factor}. 컨트롤러가 각 파티션의 복제본을 서로 다른 브로커에 두었습니다", j(topic, Particle::Eul))
            } else {
                format!("Created topic {topic} with {partitions} partition(s) and replication factor {replication_factor}; the controller placed each partition's replicas on different brokers")
            }
        }
        EventKind::BrokerCrashed { broker, session_timeout_ms } => {
            if ko {
                format!("{} 비정상 종료했습니다. 컨트롤러는 broker.session.timeout.ms({session_timeout_ms}ms)가 지나야 알아차리고, 그때 이 브로커가 리더인 파티션의 새 리더를 뽑습니다", j(format!("브로커 {broker}"), Particle::I))
            } else {
                format!("Broker {broker} crashed. The controller notices after broker.session.timeout.ms ({session_timeout_ms} ms) and only then elects new leaders for the partitions it led")
            }
        }
        EventKind::LogDirFailed { broker, topic, partition, follower, write_bytes, used_bytes, disk_bytes } => {
            let (write, used, disk) = (human_bytes(*write_bytes), human_bytes(*used_bytes), human_bytes(*disk_bytes));
            if ko {
                let who = if *follower { "팔로워 fetch" } else { "리더 쓰기" };
                format!("브로커 {broker}의 디스크가 가득 찼습니다: {topic}-{partition}의 {who}({write})가 들어갈 자리가 없습니다 (디스크 {disk} 중 {used} 사용). 쓰기는 KAFKA_STORAGE_ERROR로 실패하고, 카프카는 이 로그 디렉터리를 오프라인으로 표시합니다(LogDirFailureChannel). 브로커의 유일한 로그 디렉터리였으므로 브로커가 멈춥니다(LogManager.handleLogDirFailure). 컨트롤러는 broker.session.timeout.ms가 지나야 알아차리고 새 리더를 뽑습니다. 다시 켜도 공간은 그대로라서 다음 쓰기에서 또 멈춥니다: 보존(retention)을 줄이거나 disk_bytes를 키워야 합니다")
            } else {
                let who = if *follower { "a follower fetch" } else { "a leader append" };
                format!("Broker {broker}'s disk is full: {who} of {write} to {topic}-{partition} does not fit ({used} of {disk} used). The write fails with KAFKA_STORAGE_ERROR and Kafka marks the log directory offline (LogDirFailureChannel); it was the broker's only log directory, so the broker halts (LogManager.handleLogDirFailure). The controller notices after broker.session.timeout.ms and elects new leaders. Restarting frees nothing, so the next write halts it again: lower the retention or raise disk_bytes")
            }
        }
        EventKind::Forked { at_ms } => {
            let t = crate::fixed::fixed(*at_ms as f64 / 1000.0, 1);
            if ko {
                format!("{t}초에서 갈라졌습니다: 과거를 보던 중에 명령을 내려서 그 뒤의 기록은 버리고, 이 시점부터 바뀐 대로 다시 진행합니다")
            } else {
                format!("Forked at {t} s: you acted while looking at the past, so the history after it was discarded and the run goes on from there with your change")
            }
        }
        EventKind::BrokerFenced { broker } => {
            if ko {
                format!(
                    "컨트롤러가 응답 없는 {} 차단(fence)하고 모든 ISR에서 뺐습니다",
                    j(format!("브로커 {broker}"), Particle::Eul)
                )
            } else {
                format!("The controller fenced unresponsive broker {broker} and removed it from every ISR")
            }
        }
        EventKind::BrokerShutdown { broker } => {
            if ko {
                format!("{} 정상 종료(controlled shutdown)했습니다: 먼저 리더 역할을 다른 ISR 복제본에 넘겨서 쓰기가 끊기지 않습니다", j(format!("브로커 {broker}"), Particle::I))
            } else {
                format!("Broker {broker} shut down cleanly: it handed its leaderships to other in-sync replicas first, so writes were not interrupted")
            }
        }
        EventKind::BrokerRestarted { broker } => {
            if ko {
                format!("{} 다시 켜졌습니다: 로그를 복구하고, 리더 에포크로 어긋난 부분을 잘라낸 뒤 따라잡아 ISR에 다시 들어갑니다", j(format!("브로커 {broker}"), Particle::I))
            } else {
                format!("Broker {broker} restarted: it recovers its log, truncates what diverged (by leader epoch), catches up and rejoins the ISR")
            }
        }
        EventKind::RegistrationRefused { broker, session_expires_at_ms } => {
            if ko {
                format!("{} 다시 켜졌지만 컨트롤러가 등록을 거부했습니다(DUPLICATE_BROKER_REGISTRATION): 죽은 이전 인스턴스의 세션이 t={session_expires_at_ms}ms까지 유효합니다. 브로커는 등록을 계속 재시도합니다: 그 시각에 컨트롤러가 이전 세션을 차단(fence)하고 리더를 옮긴 뒤에야 새 인스턴스로 등록되어 팔로워로 돌아옵니다", j(format!("브로커 {broker}"), Particle::I))
            } else {
                format!("Broker {broker} started again but the controller refused its registration (DUPLICATE_BROKER_REGISTRATION): the dead incarnation's session is valid until t={session_expires_at_ms} ms. The broker keeps retrying: at that time the controller fences the old session and moves its leaderships, and the broker registers as a new incarnation and comes back as a follower")
            }
        }
        EventKind::BrokerSlowed { broker, factor } => {
            if ko {
                format!("브로커 {broker}의 팔로워가 {factor}배 드물게 fetch합니다. replica.lag.time.max.ms마다 한 번이라도 리더의 로그 끝 오프셋까지 따라잡으면 ISR에 남습니다: 드물게 fetch한다는 것만으로는 빠지지 않습니다")
            } else {
                // `Replica.isCaughtUp`: out of sync only when not caught up to the
                // leader's LEO for replica.lag.time.max.ms, not for fetching rarely.
                format!("Broker {broker}'s followers now fetch {factor}× less often. They stay in the ISR as long as they catch up to the leader's log end offset at least once every replica.lag.time.max.ms: fetching rarely alone does not remove them")
            }
        }
        EventKind::BrokerIsolated { broker } => {
            if ko {
                let b = j(format!("브로커 {broker}"), Particle::Gwa);
                format!("{b} 다른 브로커 사이의 네트워크가 끊겼습니다(컨트롤러와 클라이언트는 여전히 이 브로커에 닿습니다): 이 브로커와 주고받는 복제(fetch)가 실패하므로, 따라잡지 못한 팔로워는 replica.lag.time.max.ms가 지나면 ISR에서 빠집니다")
            } else {
                format!("Broker {broker} is cut off from the other brokers (the controller and clients still reach it): follower fetches to and from it fail, so followers that stop catching up leave the ISR after replica.lag.time.max.ms")
            }
        }
        EventKind::BrokerHealed { broker } => {
            if ko {
                let b = j(format!("브로커 {broker}"), Particle::Gwa);
                format!("{b} 다른 브로커 사이의 네트워크가 복구되었습니다: 팔로워가 다시 fetch해서 따라잡으면 ISR에 다시 들어갑니다")
            } else {
                format!("Broker {broker} can reach the other brokers again: its followers fetch again and rejoin the ISR once caught up")
            }
        }
        EventKind::LeaderElected { topic, partition, leader, previous, epoch, unclean, cause } => {
            let prev = match (previous, ko) {
                (Some(p), true) => format!("이전 리더 브로커 {p}"),
                (Some(p), false) => format!("was broker {p}"),
                (None, true) => "이전 리더 없음".to_string(),
                (None, false) => "no previous leader".to_string(),
            };
            let why = election_cause_text(*cause, ko);
            let new = j(format!("브로커 {leader}"), Particle::I);
            match (ko, *unclean) {
                (true, false) => format!("{topic}-{partition}: {new} 새 리더입니다 ({prev}, 리더 에포크 {epoch}, {why}). ISR 복제본이었으므로 커밋된 레코드를 모두 가지고 있습니다"),
                (true, true) => format!("{topic}-{partition}: 살아 있는 ISR 복제본이 없어 unclean.leader.election.enable=true에 따라 뒤처진 {new} 리더가 되었습니다 (리더 에포크 {epoch}). 이 브로커에 없는 레코드는 사라집니다"),
                (false, false) => format!("{topic}-{partition}: broker {leader} is the new leader ({prev}, leader epoch {epoch}, {why}). It was in sync, so it has every committed record"),
                (false, true) => format!("{topic}-{partition}: no in-sync replica is alive and unclean.leader.election.enable=true, so out-of-sync broker {leader} became leader (leader epoch {epoch}). Records it never copied are lost"),
            }
        }
        EventKind::PartitionOffline { topic, partition, last_leader } => {
            if ko {
                format!("{} 오프라인입니다: 살아 있는 ISR 복제본이 없고 unclean.leader.election.enable=false라 리더가 없습니다. 쓰기와 읽기가 멈추고 마지막 ISR 복제본인 {} 돌아오기를 기다립니다", j(format!("{topic}-{partition}"), Particle::I), j(format!("브로커 {last_leader}"), Particle::I))
            } else {
                format!("{topic}-{partition} is offline: no in-sync replica is alive and unclean.leader.election.enable=false, so it has no leader. Writes and reads stop until the last in-sync replica (broker {last_leader}) returns")
            }
        }
        EventKind::IsrShrunk { topic, partition, broker, isr, reason } => {
            let isr = join_ids(isr);
            match (ko, *reason) {
                (true, IsrShrinkReason::Fenced) => format!("{topic}-{partition}: {} 꺼져서 ISR에서 빠졌습니다. ISR = [{isr}]", j(format!("브로커 {broker}"), Particle::I)),
                (true, _) => format!("{topic}-{partition}: {} replica.lag.time.max.ms 넘게 리더의 로그 끝 오프셋을 따라잡지 못해 ISR에서 빠졌습니다. ISR = [{isr}]", j(format!("브로커 {broker}"), Particle::I)),
                (false, IsrShrinkReason::Fenced) => format!("{topic}-{partition}: broker {broker} is down and left the ISR. ISR = [{isr}]"),
                (false, _) => format!("{topic}-{partition}: broker {broker} has not caught up to the leader's log end offset for replica.lag.time.max.ms and left the ISR. ISR = [{isr}]"),
            }
        }
        EventKind::IsrExpanded { topic, partition, broker, isr } => {
            let isr = join_ids(isr);
            if ko {
                format!(
                    "{topic}-{partition}: {} 리더를 따라잡아 ISR에 다시 들어왔습니다. ISR = [{isr}]",
                    j(format!("브로커 {broker}"), Particle::I)
                )
            } else {
                format!("{topic}-{partition}: broker {broker} caught up with the leader and rejoined the ISR. ISR = [{isr}]")
            }
        }
        EventKind::FollowerFetched { topic, partition, broker, leader, from_offset, to_offset } => {
            let last = to_offset.saturating_sub(1);
            if ko {
                format!("{topic}-{partition}: 팔로워인 {} 리더인 브로커 {leader}에서 오프셋 {from_offset}~{last} 범위를 가져왔습니다", j(format!("브로커 {broker}"), Particle::I))
            } else {
                format!("{topic}-{partition}: follower on broker {broker} fetched offsets {from_offset}–{last} from the leader on broker {leader}")
            }
        }
        EventKind::Truncated { topic, partition, broker, from_offset, to_offset } => {
            if ko {
                format!("{topic}-{partition}: {} 리더와 어긋난 오프셋 {from_offset}~{} 범위를 잘라냈습니다 (리더 에포크 기준)", j(format!("브로커 {broker}"), Particle::I), to_offset.saturating_sub(1))
            } else {
                format!("{topic}-{partition}: broker {broker} truncated offsets {from_offset}–{} that diverged from the leader (by leader epoch)", to_offset.saturating_sub(1))
            }
        }
        EventKind::DataLost { topic, partition, from_offset, to_offset, acked, acks0, reason } => {
            let n = to_offset - from_offset;
            let why = match (ko, *reason) {
                (true, DataLossReason::UncleanElection) => {
                    "뒤처진 복제본이 unclean 선출로 리더가 되었기 때문입니다"
                }
                (true, _) => {
                    "리더 브로커가 비정상 종료하기 전에 팔로워가 아직 복사하지 못했기 때문입니다 (acks=1/0은 복제를 기다리지 않습니다)"
                }
                (false, DataLossReason::UncleanElection) => {
                    "an out-of-sync replica became leader through an unclean election"
                }
                (false, _) => {
                    "the leader died before followers copied them (acks=1 and acks=0 do not wait for replication)"
                }
            };
            if ko {
                format!("{topic}-{partition}: 레코드 {n}개가 사라졌습니다(오프셋 {from_offset}~{}). 그중 {acked}개는 프로듀서가 성공 응답을 받은 레코드, {acks0}개는 acks=0으로 보낸 레코드입니다. {why}", to_offset - 1)
            } else {
                format!("{topic}-{partition}: {n} record(s) lost (offsets {from_offset}–{}); the producer had been told {acked} of them were written, {acks0} were sent with acks=0. Lost because {why}", to_offset - 1)
            }
        }
        EventKind::ProduceError { producer, topic, partition, error, records, retrying } => {
            let what = produce_error_text(*error, ko);
            match (ko, *retrying) {
                (true, true) => format!("{error}: {producer} → {topic}-{partition} 레코드 {records}개: {what}. 다시 시도합니다"),
                (true, false) => format!("{error}: {producer} → {topic}-{partition} 레코드 {records}개: {what}. delivery.timeout.ms가 지나 포기했습니다"),
                (false, true) => format!("{error}: {producer} → {topic}-{partition}, {records} record(s): {what}. Retrying"),
                (false, false) => format!("{error}: {producer} → {topic}-{partition}, {records} record(s): {what}. Giving up after delivery.timeout.ms"),
            }
        }
        EventKind::Duplicated { producer, topic, partition, records } => {
            if ko {
                format!("{producer}의 재시도로 {topic}-{partition}에 레코드 {records}개가 중복 저장되었습니다: 이전 시도가 실제로는 저장됐는데 응답만 못 받았고, enable.idempotence=false라 브로커가 중복을 거르지 못했습니다")
            } else {
                format!("A retry by {producer} wrote {records} record(s) to {topic}-{partition} twice: the earlier attempt had been stored but its acknowledgement was lost, and with enable.idempotence=false the broker cannot filter duplicates")
            }
        }
        EventKind::Warning(w) => warning(w, lang),
        EventKind::Rejected { code, reason, .. } => format!("{code}: {}", error(reason, lang)),
    }
}

fn produce_error_text(error: ErrorCode, ko: bool) -> &'static str {
    match (error, ko) {
        (ErrorCode::NotEnoughReplicas, false) => {
            "the ISR is smaller than min.insync.replicas, so acks=all writes are refused"
        }
        (ErrorCode::NotEnoughReplicas, true) => "ISR이 min.insync.replicas보다 작아 acks=all 쓰기를 거부했습니다",
        (ErrorCode::NotEnoughReplicasAfterAppend, false) => {
            "the leader wrote the records, but the ISR shrank below min.insync.replicas before they were replicated"
        }
        (ErrorCode::NotEnoughReplicasAfterAppend, true) => {
            "리더는 썼지만 복제 전에 ISR이 min.insync.replicas 아래로 줄었습니다"
        }
        (ErrorCode::NotLeaderOrFollower, false) => "the leader changed before the write was acknowledged",
        (ErrorCode::NotLeaderOrFollower, true) => "확인 응답 전에 리더가 바뀌었습니다",
        (ErrorCode::RequestTimedOut, false) => "no acknowledgement within request.timeout.ms",
        (ErrorCode::RequestTimedOut, true) => "request.timeout.ms 안에 확인 응답이 없었습니다",
        (ErrorCode::NetworkException, false) => "the leader's broker is down",
        (ErrorCode::NetworkException, true) => "리더 브로커가 꺼져 있습니다",
        (ErrorCode::LeaderNotAvailable, false) => "the partition has no leader",
        (ErrorCode::LeaderNotAvailable, true) => "파티션에 리더가 없습니다",
        (_, false) => "the write failed",
        (_, true) => "쓰기가 실패했습니다",
    }
}

/// Why a partition got a new leader, in words (the serialised names such as
/// `controlled_shutdown` stay in the JSON only).
fn election_cause_text(cause: ElectionCause, ko: bool) -> &'static str {
    match (cause, ko) {
        (ElectionCause::Offline, false) => "the old leader's broker went down",
        (ElectionCause::Offline, true) => "이전 리더의 브로커가 꺼짐",
        (ElectionCause::ControlledShutdown, false) => "the old leader's broker shut down cleanly",
        (ElectionCause::ControlledShutdown, true) => "이전 리더의 브로커가 정상 종료함",
        (ElectionCause::Preferred, false) => "preferred leader election",
        (ElectionCause::Preferred, true) => "선호 리더 선출",
        (ElectionCause::Restart, false) => "the offline partition's broker restarted",
        (ElectionCause::Restart, true) => "오프라인이던 파티션의 브로커가 다시 켜짐",
        (ElectionCause::UncleanEnabled, false) => "unclean.leader.election.enable was turned on",
        (ElectionCause::UncleanEnabled, true) => "unclean.leader.election.enable을 켬",
    }
}

fn join_ids(ids: &[u32]) -> String {
    ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")
}

fn fmt_opt(v: Option<u64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn topic_partitions_en(n: u32) -> String {
    match n {
        0 => "the topic has no partitions".to_string(),
        1 => "the topic has 1 partition (0)".to_string(),
        _ => format!("the topic has {n} partitions (0-{})", n - 1),
    }
}

fn topic_partitions_ko(n: u32) -> String {
    match n {
        0 => "이 토픽에는 파티션이 없습니다.".to_string(),
        1 => "이 토픽의 파티션은 1개(0)뿐입니다.".to_string(),
        _ => format!("이 토픽의 파티션은 {n}개(0-{})뿐입니다.", n - 1),
    }
}

// ---------------------------------------------------------------------------
// Burrow
// ---------------------------------------------------------------------------

/// Why a Burrow commit window is not valid input: one English line (the
/// `kafka-sim burrow` input errors are English only, like serde's).
pub fn window_error(e: &WindowError) -> String {
    match e {
        WindowError::Negative { field, value } => format!("{field} must be >= 0 (got {value})"),
        WindowError::NegativeOffset { index, offset } => format!(
            "commits[{index}].offset must be >= 0 (got {offset}); -1 means \"no committed offset\" and is never stored"
        ),
        WindowError::NegativeLag { index, lag } => {
            format!("commits[{index}].lag must be >= 0 or null (got {lag}); Burrow stores a negative difference as 0")
        }
        WindowError::CommitsOutOfOrder { index, timestamp_ms, previous_ms } => format!(
            "commits[{index}].timestamp_ms ({timestamp_ms}) is earlier than commits[{}].timestamp_ms ({previous_ms}); list commits oldest first",
            index - 1
        ),
        WindowError::NoBrokerOffsets => "broker_offsets must hold at least one log end offset when there are commits \
                                         (Burrow stores a commit only after it has seen a broker offset)"
            .to_string(),
        WindowError::NowBeforeLastCommit { now_ms, last_commit_ms } => {
            format!("now_ms ({now_ms}) is earlier than the last commit's timestamp_ms ({last_commit_ms})")
        }
        WindowError::ZeroIntervals => "intervals must be at least 1".to_string(),
        WindowError::ListedTwice { partition } => format!("{partition}: listed more than once"),
        WindowError::InPartition { partition, error } => format!("{partition}: {}", window_error(error)),
    }
}

/// Why Burrow gave a partition its status, with the numbers that decided it.
/// Burrow's "broker offsets" are the latest offsets a client can read (ListOffsets
/// latest, read_uncommitted): the high watermark, so the texts call them that.
pub fn burrow_reason(reason: &Reason, lang: Lang) -> String {
    match (reason, lang) {
        (Reason::NoCommits, Lang::En) => "No offset commits are stored for this partition yet, so there is \
                                          nothing to judge: Burrow reports OK with the window 0% complete."
            .to_string(),
        (Reason::NoCommits, Lang::Ko) => "이 파티션에는 아직 저장된 오프셋 커밋이 없어 판단할 근거가 \
                                          없습니다. 버로우는 윈도가 0% 채워진 상태로 OK를 보고합니다."
            .to_string(),

        (Reason::WindowIncomplete { complete, minimum_complete }, Lang::En) => format!(
            "Only {} of the window is filled, below the minimum-complete setting of {}: Burrow does not judge \
             a partition on so little history and reports OK.",
            pct(*complete),
            pct(*minimum_complete)
        ),
        (Reason::WindowIncomplete { complete, minimum_complete }, Lang::Ko) => format!(
            "윈도가 {}만 채워져 minimum-complete 설정값({})에 못 미칩니다. 이력이 이만큼 적으면 버로우는 \
             판단하지 않고 OK로 둡니다.",
            pct(*complete),
            pct(*minimum_complete)
        ),

        (Reason::NoCurrentLag { current_lag, allowed_lag }, Lang::En) => {
            if *allowed_lag == 0 {
                "The current lag is 0: the consumer has read everything written so far, so the partition is \
                 OK whatever its history looks like."
                    .to_string()
            } else {
                format!(
                    "The current lag ({current_lag}) is within the allowed lag ({allowed_lag}), so the \
                     partition is OK whatever its history looks like."
                )
            }
        }
        (Reason::NoCurrentLag { current_lag, allowed_lag }, Lang::Ko) => {
            if *allowed_lag == 0 {
                "현재 랙이 0입니다. 컨슈머가 지금까지 쓰인 레코드를 모두 읽었으므로 이력과 상관없이 \
                 OK입니다."
                    .to_string()
            } else {
                format!("현재 랙({current_lag})이 허용 랙({allowed_lag}) 이내이므로 이력과 상관없이 OK입니다.")
            }
        }

        (Reason::NoCommitsSinceWindowSpan { since_last_commit_ms, window_span_ms, current_lag }, Lang::En) => {
            format!(
                "The last commit was {} before now, longer than the window spans ({} from its first to its \
                 last commit), and the lag is still {current_lag}: the consumer has stopped committing for \
                 this partition (STOP).",
                go_duration(*since_last_commit_ms),
                go_duration(*window_span_ms)
            )
        }
        (Reason::NoCommitsSinceWindowSpan { since_last_commit_ms, window_span_ms, current_lag }, Lang::Ko) => {
            format!(
                "마지막 커밋은 지금으로부터 {} 전으로, 윈도 전체 길이(첫 커밋부터 마지막 커밋까지 {})보다 \
                 깁니다. 그런데 랙이 아직 {current_lag} 남아 있으므로 컨슈머가 이 파티션의 커밋을 멈춘 \
                 것으로 봅니다(STOP).",
                ko_duration(*since_last_commit_ms),
                ko_duration(*window_span_ms)
            )
        }

        (Reason::OffsetsRewound { index, previous_offset, rewound_offset }, Lang::En) => format!(
            "Commit #{} went back from offset {previous_offset} to {rewound_offset}, and no later commit in \
             the window got back to {previous_offset}: the consumer has rewound (REWIND).",
            index + 1
        ),
        (Reason::OffsetsRewound { index, previous_offset, rewound_offset }, Lang::Ko) => format!(
            "{}번 커밋에서 오프셋이 {previous_offset}에서 {} 뒤로 돌아갔고, 그 뒤 윈도 \
             안의 어떤 커밋도 {previous_offset}까지 돌아오지 못했습니다. 컨슈머가 되감긴 상태입니다(REWIND).",
            index + 1,
            j(rewound_offset, Particle::Euro)
        ),

        (Reason::LagZeroAtSomePoint { index, lag, allowed_lag }, Lang::En) => {
            if *allowed_lag == 0 {
                format!(
                    "Commit #{} in the window had lag 0 (the consumer had caught up), so the window counts \
                     as OK.",
                    index + 1
                )
            } else {
                format!(
                    "Commit #{} in the window had lag {lag}, within the allowed lag ({allowed_lag}), so the \
                     window counts as OK.",
                    index + 1
                )
            }
        }
        (Reason::LagZeroAtSomePoint { index, lag, allowed_lag }, Lang::Ko) => {
            if *allowed_lag == 0 {
                format!(
                    "윈도의 {}번 커밋 시점에 랙이 0이었습니다(컨슈머가 따라잡은 적이 있음). 그래서 이 \
                     윈도는 OK로 봅니다.",
                    index + 1
                )
            } else {
                format!(
                    "윈도의 {}번 커밋 시점에 랙이 {}, 허용 랙({allowed_lag}) 이내였습니다. 그래서 \
                     이 윈도는 OK로 봅니다.",
                    index + 1,
                    j(lag, Particle::Euro)
                )
            }
        }

        (Reason::OffsetsStalled { offset, commits, current_lag }, Lang::En) => format!(
            "All {commits} commits in the window are at offset {offset}, the lag is {current_lag} and no \
             commit was caught up: the consumer keeps committing but makes no progress (STALL)."
        ),
        (Reason::OffsetsStalled { offset, commits, current_lag }, Lang::Ko) => format!(
            "윈도의 커밋 {commits}개가 모두 오프셋 {offset}에 머물러 있고, 랙은 {current_lag}이며 랙이 \
             0인 커밋도 없었습니다. 컨슈머가 커밋은 계속하지만 진행하지 못하고 있습니다(STALL)."
        ),

        (Reason::LagNotDecreasing { first_lag, last_lag, commits }, Lang::En) => match (first_lag, last_lag) {
            (Some(first), Some(last)) => format!(
                "The offsets move, but over the window's {commits} commits the lag never went down (from \
                 {first} to {last}): the consumer is slower than the producers (WARN)."
            ),
            _ => format!(
                "The offsets move, but none of the window's {commits} commits recorded a lag, so Burrow \
                 cannot see it going down: WARN."
            ),
        },
        (Reason::LagNotDecreasing { first_lag, last_lag, commits }, Lang::Ko) => match (first_lag, last_lag) {
            (Some(first), Some(last)) => format!(
                "오프셋은 움직이지만 윈도의 커밋 {commits}개 동안 랙이 한 번도 줄지 않았습니다({first} → \
                 {last}). 컨슈머가 프로듀서 속도를 따라가지 못하고 있습니다(WARN)."
            ),
            _ => format!(
                "오프셋은 움직이지만 윈도의 커밋 {commits}개 중 랙이 기록된 것이 없어 랙이 줄어드는지 \
                 확인할 수 없습니다. 그래서 WARN입니다."
            ),
        },

        (Reason::LagDecreasing { index, from_lag, to_lag }, Lang::En) => format!(
            "None of the warning rules fired: at commit #{} the lag fell from {from_lag} to {to_lag}, so the \
             consumer is catching up and the partition is OK.",
            index + 1
        ),
        (Reason::LagDecreasing { index, from_lag, to_lag }, Lang::Ko) => format!(
            "경고 규칙에 걸린 것이 없습니다. {}번 커밋에서 랙이 {from_lag}에서 {} 줄었으니 \
             컨슈머가 따라잡는 중이고, 파티션은 OK입니다.",
            index + 1,
            j(to_lag, Particle::Euro)
        ),
    }
}

/// A fact that changed the outcome without being its reason.
pub fn burrow_note(note: &Note, lang: Lang) -> String {
    match (note, lang) {
        (Note::StopDeferred { broker_offset, last_offset }, Lang::En) => format!(
            "Judged by the timestamps alone this would be STOP, but a recent high watermark Burrow read \
             ({broker_offset}) was at or below the last committed offset ({last_offset}): the consumer was \
             caught up moments ago, so Burrow holds the STOP back."
        ),
        (Note::StopDeferred { broker_offset, last_offset }, Lang::Ko) => format!(
            "타임스탬프만 보면 STOP이지만, 버로우가 최근에 읽은 하이 워터마크({broker_offset})가 마지막으로 \
             커밋된 오프셋({last_offset}) 이하였습니다. 컨슈머가 바로 얼마 전까지 따라잡고 있었으므로 버로우는 \
             STOP 판정을 보류합니다."
        ),
        (Note::RewindRecovered { index, previous_offset, rewound_offset, recovered_offset }, Lang::En) => {
            format!(
                "Commit #{} went back from offset {previous_offset} to {rewound_offset}, but a later commit \
                 reached {recovered_offset}, at or past {previous_offset}; the rewind counts as recovered and \
                 the other rules apply.",
                index + 1
            )
        }
        (Note::RewindRecovered { index, previous_offset, rewound_offset, recovered_offset }, Lang::Ko) => {
            format!(
                "{}번 커밋에서 오프셋이 {previous_offset}에서 {} 뒤로 갔지만, 이후 커밋이 \
                 오프셋 {recovered_offset}까지 올라가 원래 위치({previous_offset}) 이상을 회복했습니다. 그래서 \
                 REWIND로 보지 않고 나머지 규칙을 적용합니다.",
                index + 1,
                j(rewound_offset, Particle::Euro)
            )
        }
    }
}

// ---------------------------------------------------------------------------
// Formatting helpers
// ---------------------------------------------------------------------------

/// A duration the way Go prints a `time.Duration`: `400ms`, `1.5s`, `7m0s`, `1h0m0s`.
fn go_duration(ms: i64) -> String {
    if ms < 0 {
        return format!("-{}", go_duration(ms.saturating_neg()));
    }
    if ms == 0 {
        return "0s".to_string();
    }
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let (h, m, s, frac) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if h > 0 || m > 0 {
        out.push_str(&format!("{m}m"));
    }
    out.push_str(&seconds(s, frac));
    out.push('s');
    out
}

/// A duration in Korean: `400밀리초`, `1.5초`, `7분`, `1시간 2분 3초`.
fn ko_duration(ms: i64) -> String {
    if ms < 0 {
        return format!("-{}", ko_duration(ms.saturating_neg()));
    }
    if ms < 1000 {
        return format!("{ms}밀리초");
    }
    let (h, m, s, frac) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{h}시간"));
    }
    if m > 0 {
        parts.push(format!("{m}분"));
    }
    if s > 0 || frac > 0 {
        parts.push(format!("{}초", seconds(s, frac)));
    }
    parts.join(" ")
}

fn seconds(s: i64, frac_ms: i64) -> String {
    if frac_ms == 0 {
        s.to_string()
    } else {
        let frac = format!("{frac_ms:03}");
        format!("{s}.{}", frac.trim_end_matches('0'))
    }
}

/// A fraction as a percentage: `50%`, `66.7%`.
fn pct(x: f64) -> String {
    let v = x * 100.0;
    let digits = if (v - v.round()).abs() < 1e-9 { 0 } else { 1 };
    format!("{}%", crate::fixed::fixed(v, digits))
}

/// `word` followed by the form of the Korean particle `p` that fits how it is
/// read aloud (`j(3, Particle::Eul)` is `3을`, `j("브로커 2", Particle::I)` is
/// `브로커 2가`): every particle after an interpolated name or number goes through it.
fn j(word: impl fmt::Display, p: Particle) -> String {
    josa::with(&word.to_string(), p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{FieldPath, SimError};
    use crate::event::Event;

    #[test]
    fn duration_and_particle_helpers() {
        assert_eq!(go_duration(420_000), "7m0s");
        assert_eq!(go_duration(3_600_000), "1h0m0s");
        assert_eq!(go_duration(1_500), "1.5s");
        assert_eq!(go_duration(17_603), "17.603s");
        assert_eq!(go_duration(400), "400ms");
        assert_eq!(go_duration(0), "0s");
        assert_eq!(ko_duration(420_000), "7분");
        assert_eq!(ko_duration(3_723_000), "1시간 2분 3초");
        assert_eq!(ko_duration(1_500), "1.5초");
        assert_eq!(ko_duration(400), "400밀리초");
        assert_eq!(j(2000, Particle::Euro), "2000으로");
        assert_eq!(j(2001, Particle::Euro), "2001로");
        assert_eq!(j(13, Particle::Euro), "13으로");
        assert_eq!(j(7, Particle::Euro), "7로");
        assert_eq!(pct(0.5), "50%");
        assert_eq!(pct(2.0 / 3.0), "66.7%");
    }

    #[test]
    fn lang_parses_and_serialises_as_its_code() {
        assert_eq!("ko".parse::<Lang>(), Ok(Lang::Ko));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        let err = "kr".parse::<Lang>().unwrap_err();
        assert!(err.contains("\"kr\"") && err.contains("en") && err.contains("ko"), "{err}");
        for lang in Lang::ALL {
            assert_eq!(lang.to_string(), lang.code());
            assert_eq!(lang.other().other(), lang);
        }
        assert_eq!(Lang::Ko.pick("a", "b"), "b");
    }

    #[test]
    fn error_texts_carry_the_numbers_and_the_limits() {
        let e = error(&ErrorReason::ReplicationFactorAboveBrokers { replication_factor: 4, brokers: 3 }, Lang::En);
        assert_eq!(e, "replication factor 4 is larger than the 3 brokers: each copy needs its own broker");
        let k = error(&ErrorReason::ReplicationFactorAboveBrokers { replication_factor: 4, brokers: 3 }, Lang::Ko);
        assert_eq!(k, "복제 팩터 4가 브로커 수 3보다 큽니다: 복제본마다 다른 브로커가 필요합니다");
        let m = error(&ErrorReason::GroupConsumers { value: 300 }, Lang::En);
        assert_eq!(m, format!("a group may start with 0 to {} consumers, not 300", limits::MAX_GROUP_MEMBERS));
        assert_eq!(
            error(&ErrorReason::ProducerRate { value: crate::error::Rate(2e5) }, Lang::En),
            "rate_per_s must be between 0 and 100000 records per second, not 200000"
        );
        assert_eq!(
            error(&ErrorReason::DurationMs { value: 99_999_999_999 }, Lang::En),
            "duration_ms must be at most 86400000 (24 simulated hours), not 99999999999"
        );
        let shrink = ErrorReason::PartitionsNotIncreased { topic: "t".into(), now: 3, requested: 2 };
        assert!(error(&shrink, Lang::En).contains("cannot go down to 2"));
        let same = ErrorReason::PartitionsNotIncreased { topic: "t".into(), now: 3, requested: 3 };
        assert!(error(&same, Lang::En).contains("already has 3 partitions"));
    }

    #[test]
    fn a_rejected_event_says_code_and_message_and_serialises_english() {
        let e = SimError::new(
            ErrorCode::GroupIdNotFound,
            FieldPath::new("group"),
            ErrorReason::NoSuchGroup { group: "g9".into() },
        );
        let ev = Event::rejected(5, &e);
        assert_eq!(ev.message(Lang::En), "GROUP_ID_NOT_FOUND: there is no consumer group \"g9\"");
        assert_eq!(ev.message(Lang::Ko), "GROUP_ID_NOT_FOUND: 컨슈머 그룹 \"g9\"가 없습니다");
        assert_eq!(
            serde_json::to_string(&ev).unwrap(),
            r#"{"t_ms":5,"type":"rejected","code":"GROUP_ID_NOT_FOUND","field":"group","error":"there is no consumer group \"g9\""}"#
        );
    }

    #[test]
    fn kafka_error_names_in_texts_come_from_the_error_code() {
        let e = error(&ErrorReason::MinIsrAboveReplicationFactor { min_isr: 3, replication_factor: 2 }, Lang::Ko);
        assert_eq!(
            e,
            "min.insync.replicas 3이 복제 팩터 2보다 큽니다: acks=all 쓰기가 모두 NOT_ENOUGH_REPLICAS로 실패합니다"
        );
        let kind = EventKind::OffsetOutOfRange {
            group: "g".into(),
            member: "g-c1".into(),
            topic: "t".into(),
            partition: 0,
            offset: Some(5),
            log_start_offset: 10,
            log_end_offset: 20,
        };
        assert_eq!(
            event(&kind, Lang::En),
            "OFFSET_OUT_OF_RANGE: g-c1 of g cannot read offset 5 of t-0 (the log holds 10–20). With auto.offset.reset=none it stops instead of jumping"
        );
        assert!(event(&kind, Lang::Ko).starts_with("OFFSET_OUT_OF_RANGE: g의 g-c1은 t-0의 오프셋 5를 읽을"));
    }

    #[test]
    fn warnings_and_enum_fields_serialise_as_before() {
        let w = Event { t_ms: 0, kind: EventKind::Warning(Warning::ReplicationFactor1 { topic: "orders".into() }) };
        let json = serde_json::to_string(&w).unwrap();
        assert!(
            json.starts_with(r#"{"t_ms":0,"type":"warning","code":"REPLICATION_FACTOR_1","en":"Topic orders has"#),
            "{json}"
        );
        assert!(w.message(Lang::Ko).starts_with("토픽 orders의 복제 팩터가 1입니다"));
        let lost = Event {
            t_ms: 1,
            kind: EventKind::DataLost {
                topic: "t".into(),
                partition: 0,
                from_offset: 1,
                to_offset: 3,
                acked: 2,
                acks0: 0,
                reason: DataLossReason::UncleanElection,
            },
        };
        let json = serde_json::to_string(&lost).unwrap();
        assert!(json.ends_with(r#""reason":"unclean_election"}"#), "{json}");
        assert!(lost.message(Lang::En).contains("through an unclean election"));
        let err = Event {
            t_ms: 2,
            kind: EventKind::ProduceError {
                producer: "p".into(),
                topic: "t".into(),
                partition: 0,
                error: ErrorCode::NotEnoughReplicasAfterAppend,
                records: 1,
                retrying: true,
            },
        };
        assert!(serde_json::to_string(&err).unwrap().contains(r#""error":"NOT_ENOUGH_REPLICAS_AFTER_APPEND""#));
        assert_eq!(err.code(), Some("NOT_ENOUGH_REPLICAS_AFTER_APPEND"));
        assert!(err.message(Lang::En).contains("the ISR shrank below min.insync.replicas"));
    }

    /// The isolation texts put the right particle after the broker id (josa).
    #[test]
    fn isolation_texts_read_right_in_korean() {
        let iso = |broker| event(&EventKind::BrokerIsolated { broker }, Lang::Ko);
        assert!(iso(1).starts_with("브로커 1과 다른 브로커 사이의"), "{}", iso(1));
        assert!(iso(2).starts_with("브로커 2와 다른 브로커 사이의"), "{}", iso(2));
        assert!(event(&EventKind::BrokerHealed { broker: 3 }, Lang::Ko).starts_with("브로커 3과 "));
        let e = error(&ErrorReason::BrokerAlreadyIsolated { id: 2 }, Lang::Ko);
        assert_eq!(e, "브로커 2는 이미 다른 브로커와 끊겨 있습니다");
        let e = error(&ErrorReason::BrokerNotIsolated { id: 1 }, Lang::En);
        assert_eq!(e, "broker 1 is not cut off from the other brokers: there is nothing to heal");
    }

    /// Particles after interpolated numbers follow their Sino-Korean reading
    /// (1 일, 2 이, 3 삼, 10 십) and after names their last sound; no "(가)" or
    /// "(를)" fallbacks are left.
    #[test]
    fn korean_particles_fit_the_numbers_and_names_they_follow() {
        let crashed = |broker| event(&EventKind::BrokerCrashed { broker, session_timeout_ms: 9000 }, Lang::Ko);
        assert!(crashed(1).starts_with("브로커 1이 비정상 종료했습니다"), "{}", crashed(1));
        assert!(crashed(2).starts_with("브로커 2가 비정상 종료했습니다"), "{}", crashed(2));
        assert!(crashed(3).starts_with("브로커 3이 "), "{}", crashed(3));
        assert!(crashed(10).starts_with("브로커 10이 "), "{}", crashed(10));
        let fenced = |broker| event(&EventKind::BrokerFenced { broker }, Lang::Ko);
        assert!(fenced(2).contains("브로커 2를 차단"), "{}", fenced(2));
        assert!(fenced(3).contains("브로커 3을 차단"), "{}", fenced(3));
        let commit = |member: &str, offset| {
            event(
                &EventKind::Committed {
                    group: "billing".into(),
                    member: member.into(),
                    topic: "orders".into(),
                    partition: 0,
                    offset,
                },
                Lang::Ko,
            )
        };
        assert_eq!(
            commit("billing-c1", 10),
            "billing의 billing-c1이 orders-0의 오프셋 10을 커밋했습니다 (다음에 읽을 위치)"
        );
        assert!(commit("billing-c2", 2).contains("billing-c2가 orders-0의 오프셋 2를 커밋"));
        assert!(commit("consumer", 3).contains("consumer가 orders-0의 오프셋 3을 커밋"));
        let reset = |to| {
            event(
                &EventKind::OffsetsResetByCommand {
                    group: "g".into(),
                    topic: "t".into(),
                    partition: 0,
                    from: Some(7),
                    to,
                },
                Lang::Ko,
            )
        };
        assert!(reset(1).ends_with("7에서 1로 바꿨습니다"), "{}", reset(1));
        assert!(reset(3).ends_with("7에서 3으로 바꿨습니다"), "{}", reset(3));
        assert!(reset(10).ends_with("7에서 10으로 바꿨습니다"), "{}", reset(10));
        assert_eq!(error(&ErrorReason::BrokerAlreadyRunning { id: 1 }, Lang::Ko), "브로커 1은 이미 실행 중입니다");
        assert_eq!(error(&ErrorReason::BrokerAlreadyDown { id: 2 }, Lang::Ko), "브로커 2는 이미 꺼져 있습니다");
        assert_eq!(
            error(&ErrorReason::UnknownTopic { topic: "orders".into() }, Lang::Ko),
            "토픽 \"orders\"가 없습니다"
        );
        assert_eq!(
            error(&ErrorReason::UnknownTopic { topic: "billing".into() }, Lang::Ko),
            "토픽 \"billing\"이 없습니다"
        );
        let rule = error(&ErrorReason::RulePartitionOutOfRange { rule: 2, partition: 3, partitions: 3 }, Lang::Ko);
        assert!(rule.starts_with("규칙 2가 파티션 3을 가리키지만"), "{rule}");
        for text in [crashed(1), fenced(2), commit("c", 4), reset(6), rule] {
            for fallback in ["(는)", "(가)", "(를)", "(으)로", "이(가)", "을(를)", "은(는)"] {
                assert!(!text.contains(fallback), "{text}");
            }
        }
    }

    /// Election causes are told in words, never as their serialised names.
    #[test]
    fn election_causes_are_words() {
        for cause in [
            ElectionCause::Offline,
            ElectionCause::ControlledShutdown,
            ElectionCause::Preferred,
            ElectionCause::Restart,
            ElectionCause::UncleanEnabled,
        ] {
            let kind = EventKind::LeaderElected {
                topic: "t".into(),
                partition: 0,
                leader: 2,
                previous: Some(1),
                epoch: 3,
                unclean: false,
                cause,
            };
            for lang in Lang::ALL {
                let text = event(&kind, lang);
                // The old text ended its parenthesis with the raw name: ", offline)".
                assert!(!text.contains(&format!(", {})", cause.name())), "{text}");
                assert!(!cause.name().contains('_') || !text.contains(cause.name()), "{text}");
            }
            assert!(event(&kind, Lang::Ko).contains("브로커 2가 새 리더입니다 (이전 리더 브로커 1,"));
        }
    }

    /// A redelivery is explained so that it holds after a crash (never committed)
    /// and after an offset reset (committed before) alike.
    #[test]
    fn redelivery_names_both_causes() {
        let kind = EventKind::Consumed {
            group: "g".into(),
            member: "g-c1".into(),
            topic: "t".into(),
            partition: 0,
            from_offset: 0,
            to_offset: 5,
            redelivered: 5,
        };
        let en = event(&kind, Lang::En);
        assert!(en.contains("stopped before committing") && en.contains("offsets were reset"), "{en}");
        assert!(!en.contains("not committed"), "{en}");
        let ko = event(&kind, Lang::Ko);
        assert!(ko.contains("커밋하기 전에") && ko.contains("재설정"), "{ko}");
    }

    /// `Replica.isCaughtUp`: fetching rarely is not what removes a follower.
    #[test]
    fn slow_broker_text_says_what_removes_a_follower() {
        let kind = EventKind::BrokerSlowed { broker: 2, factor: 10 };
        let en = event(&kind, Lang::En);
        assert!(en.contains("at least once every replica.lag.time.max.ms") && en.contains("does not remove"), "{en}");
        let ko = event(&kind, Lang::Ko);
        assert!(ko.contains("한 번이라도") && ko.contains("빠지지 않습니다"), "{ko}");
    }
}
