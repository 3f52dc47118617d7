//! Chapter 2: topics, partitions, offsets (토픽, 파티션, 오프셋).
//! Offsets count per partition in an append-only log; reading deletes nothing;
//! a new group starts where `auto.offset.reset` says (`earliest`: the log start,
//! `latest`: the end); adding partitions moves keys (murmur2 % count, Kafka's
//! `BuiltInPartitioner.partitionForKey`), and Kafka refuses to remove any
//! (`INVALID_PARTITIONS`, as `kafka-topics --alter` does).

use super::{fact, t, At, Choice, Expect, Lesson, Probe, Question, Spot, Step};
use crate::command::{Command, TopicConfigChange};
use crate::config::{
    BrokerSettings, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings,
};

const TOPIC: &str = "orders";
const SHOP: &str = "shop";
const BILLING: &str = "billing";
const AUDIT: &str = "audit";
const ALERTS: &str = "alerts";
/// About ten records of the shop's size per segment.
const SEGMENT_BYTES: i64 = 1200;

const fn p(partition: u32) -> Spot {
    Spot::Partition { topic: TOPIC, partition }
}

pub fn lesson() -> Lesson {
    let config = ClusterConfig {
        seed: 2,
        brokers: 3,
        topics: vec![TopicConfig {
            name: TOPIC.into(),
            partitions: 3,
            replication_factor: 1,
            // Small segments (Kafka's default is 1 GiB) so retention has whole
            // closed segments to delete within the lesson.
            config: TopicSettings { segment_bytes: SEGMENT_BYTES, ..TopicSettings::default() },
        }],
        producers: vec![ProducerConfig {
            keys: Some(["서울", "부산", "대구", "인천", "광주"].map(String::from).to_vec()),
            ..ProducerConfig::new(SHOP, TOPIC, 6.0)
        }],
        groups: vec![GroupConfig {
            auto_offset_reset: OffsetReset::Earliest,
            records_per_s: 1.0,
            ..GroupConfig::new(BILLING, TOPIC, 1)
        }],
        // Brokers look for deletable segments every second here (Kafka's
        // `log.retention.check.interval.ms` default is 5 minutes).
        broker_config: BrokerSettings { log_retention_check_interval_ms: 1_000, ..BrokerSettings::default() },
        ..ClusterConfig::default()
    };
    const fn leo(n: u32) -> Probe {
        Probe::LogEnd { topic: TOPIC, partition: n }
    }
    fn new_group(id: &str, reset: OffsetReset) -> GroupConfig {
        GroupConfig { auto_offset_reset: reset, records_per_s: 5.0, ..GroupConfig::new(id, TOPIC, 1) }
    }
    const fn first_read(group: &'static str) -> Probe {
        Probe::FirstRead { group, topic: TOPIC, partition: 0 }
    }
    const fn seoul() -> Probe {
        Probe::KeyPartition { producer: SHOP, key: "서울" }
    }

    let steps = const {
        &[
        Step {
            title: t("A topic is split into partitions", "토픽은 파티션으로 나뉩니다"),
            narration: t(
                "The shop writes orders to the topic `orders`, which has 3 partitions (0, 1, 2). Each partition is its own append-only log: a new record goes at its end and gets the next offset. Watch for 5 s.",
                "쇼핑몰이 주문을 `orders` 토픽에 씁니다. 이 토픽에는 파티션이 3개(0, 1, 2) 있습니다. 파티션마다 따로 끝에 덧붙이기만 하는 로그여서, 새 레코드는 맨 끝에 붙고 다음 오프셋을 받습니다. 5초 동안 지켜보세요.",
            ),
            script: Vec::new,
            play_ms: 5_000,
            spotlight: const { &[Spot::Producer(SHOP), p(0), p(1), p(2)] },
            facts: const { &[fact("p0", At::End, leo(0)), fact("p1", At::End, leo(1)), fact("p2", At::End, leo(2))] },
            question: None,
            reveal: t(
                "Partition 0 now ends at offset {p0}, partition 1 at {p1}, partition 2 at {p2}. Each partition numbers its own records: an offset names a record only together with its partition.",
                "파티션 0의 끝은 오프셋 {p0}, 파티션 1은 {p1}, 파티션 2는 {p2}입니다. 파티션마다 자기 레코드에 따로 번호를 매깁니다. 그래서 오프셋은 파티션과 함께 말해야 레코드 하나를 가리킵니다.",
            ),
        },
        Step {
            title: t("Reading deletes nothing", "읽어도 지워지지 않습니다"),
            narration: t(
                "The group `billing` reads partition 0 and has committed offset {committed}: it has read every record below it. Partition 0's log starts at offset {start}.",
                "`billing` 그룹이 파티션 0을 읽고 오프셋 {committed:을} 커밋했습니다. 그 아래 레코드는 모두 읽었다는 뜻입니다. 파티션 0의 로그는 오프셋 {start}에서 시작합니다.",
            ),
            script: Vec::new,
            play_ms: 10_000,
            spotlight: const { &[p(0), Spot::Group(BILLING)] },
            facts: const { &[
                fact("committed", At::Start, Probe::Committed { group: BILLING, topic: TOPIC, partition: 0 }),
                fact("start", At::Start, Probe::LogStart { topic: TOPIC, partition: 0 }),
                fact("start_after", At::End, Probe::LogStart { topic: TOPIC, partition: 0 }),
                fact("committed_after", At::End, Probe::Committed { group: BILLING, topic: TOPIC, partition: 0 }),
            ] },
            question: Some(Question {
                prompt: t(
                    "billing keeps reading for 10 s. Where will partition 0's log start then?",
                    "billing이 10초 더 읽습니다. 그때 파티션 0의 로그는 어디에서 시작할까요?",
                ),
                answer: "start_after",
                choices: const { &[
                    Choice {
                        text: t("Where billing has read to: read records are removed", "billing이 읽은 데까지: 읽은 레코드는 지워집니다"),
                        value: Expect::Fact("committed_after"),
                    },
                    Choice {
                        text: t("Still at offset {start}: reading removes nothing", "그대로 오프셋 {start}: 읽어도 지워지지 않습니다"),
                        value: Expect::Fact("start"),
                    },
                ] },
            }),
            reveal: t(
                "billing is now at offset {committed_after}, and the log still starts at {start_after}. A topic is a log, not a queue: reading moves only the reader's own offset. Records go away by retention, never by being read.",
                "billing은 이제 오프셋 {committed_after}에 있고, 로그는 여전히 {start_after}에서 시작합니다. 토픽은 큐가 아니라 로그입니다. 읽으면 읽은 쪽의 오프셋만 움직입니다. 레코드는 읽혀서가 아니라 보존 기간(retention)이 지나야 지워집니다.",
            ),
        },
        Step {
            title: t("A second group with earliest", "earliest로 시작하는 두 번째 그룹"),
            narration: t(
                "A new group `audit` joins with `auto.offset.reset=earliest`. It has no committed offset yet. Partition 0 starts at offset {start} and ends at {end}; billing is at {billing}.",
                "새 그룹 `audit`이 `auto.offset.reset=earliest`로 들어옵니다. 아직 커밋한 오프셋이 없습니다. 파티션 0은 오프셋 {start}에서 시작해 {end}에서 끝나고, billing은 {billing}에 있습니다.",
            ),
            script: || vec![(0, Command::AddGroup(new_group(AUDIT, OffsetReset::Earliest)))],
            play_ms: 6_000,
            spotlight: const { &[p(0), Spot::Group(AUDIT), Spot::Group(BILLING)] },
            facts: const { &[
                fact("start", At::Start, Probe::LogStart { topic: TOPIC, partition: 0 }),
                fact("end", At::Start, Probe::HighWatermark { topic: TOPIC, partition: 0 }),
                fact("billing", At::Start, Probe::Committed { group: BILLING, topic: TOPIC, partition: 0 }),
                fact("first", At::End, first_read(AUDIT)),
                fact("billing_after", At::End, Probe::Committed { group: BILLING, topic: TOPIC, partition: 0 }),
            ] },
            question: Some(Question {
                prompt: t("Which offset of partition 0 does audit read first?", "audit은 파티션 0에서 어느 오프셋부터 읽을까요?"),
                answer: "first",
                choices: const { &[
                    Choice { text: t("{billing}, where billing is", "billing이 있는 {billing}"), value: Expect::Fact("billing") },
                    Choice { text: t("{start}, the log start", "로그 시작인 {start}"), value: Expect::Fact("start") },
                    Choice { text: t("{end}, the end of the log", "로그 끝인 {end}"), value: Expect::Fact("end") },
                ] },
            }),
            reveal: t(
                "audit read from offset {first}: with earliest, a group without a committed offset starts at the log start and reads every record again. billing was not affected (now at {billing_after}): each group keeps its own offsets. Processing the same data twice is a reason to use Kafka.",
                "audit은 오프셋 {first}부터 읽었습니다. earliest이면 커밋한 오프셋이 없는 그룹은 로그 시작부터 모든 레코드를 다시 읽습니다. billing은 영향을 받지 않았습니다(지금 {billing_after}). 그룹마다 오프셋을 따로 가집니다. 같은 데이터를 여러 번 처리할 수 있다는 점이 카프카를 쓰는 이유 중 하나입니다.",
            ),
        },
        Step {
            title: t("A group with latest", "latest로 시작하는 그룹"),
            narration: t(
                "Another group, `alerts`, joins with `auto.offset.reset=latest`. Partition 0 starts at {start} and ends at {end}.",
                "또 다른 그룹 `alerts`가 `auto.offset.reset=latest`로 들어옵니다. 파티션 0은 {start}에서 시작해 {end}에서 끝납니다.",
            ),
            script: || vec![(0, Command::AddGroup(new_group(ALERTS, OffsetReset::Latest)))],
            play_ms: 6_000,
            spotlight: const { &[p(0), Spot::Group(ALERTS)] },
            facts: const { &[
                fact("start", At::Start, Probe::LogStart { topic: TOPIC, partition: 0 }),
                fact("end", At::Start, Probe::HighWatermark { topic: TOPIC, partition: 0 }),
                fact("first", At::End, first_read(ALERTS)),
            ] },
            question: Some(Question {
                prompt: t("Which offset of partition 0 does alerts read first?", "alerts는 파티션 0에서 어느 오프셋부터 읽을까요?"),
                answer: "first",
                choices: const { &[
                    Choice { text: t("{start}, the log start", "로그 시작인 {start}"), value: Expect::Fact("start") },
                    Choice { text: t("{end}, the end of the log when it joined", "들어온 때의 로그 끝인 {end}"), value: Expect::Fact("end") },
                ] },
            }),
            reveal: t(
                "alerts read from offset {first}: with latest, a new group skips what is already there and reads only records written after it joined.",
                "alerts는 오프셋 {first}부터 읽었습니다. latest이면 새 그룹은 이미 있는 레코드를 건너뛰고, 들어온 뒤에 쓰인 레코드만 읽습니다.",
            ),
        },
        Step {
            title: t("Adding a partition moves keys", "파티션을 늘리면 키가 옮겨 갑니다"),
            narration: t(
                "A record's key picks its partition: murmur2(key), made positive, modulo the partition count. The key 서울 goes to partition {before} of 3. We now add two partitions: 5 in total.",
                "레코드의 키가 파티션을 정합니다. murmur2(키)를 양수로 만든 뒤 파티션 수로 나눈 나머지입니다. 키 서울은 파티션 3개 중 파티션 {before:으로} 갑니다. 이제 파티션을 2개 더해 모두 5개로 늘립니다.",
            ),
            script: || vec![(0, Command::AddPartitions { topic: TOPIC.into(), partitions: 5 })],
            play_ms: 5_000,
            spotlight: const { &[Spot::Partitioner, Spot::Producer(SHOP)] },
            facts: const { &[
                fact("before", At::Start, seoul()),
                fact("hash", At::Start, Probe::KeyHash { key: "서울" }),
                fact("n_before", At::Start, Probe::Partitions { topic: TOPIC }),
                fact("after", At::End, seoul()),
                fact("n_after", At::End, Probe::Partitions { topic: TOPIC }),
            ] },
            question: Some(Question {
                prompt: t("After the change, where do new 서울 records go?", "바꾼 뒤 새 서울 레코드는 어디로 갈까요?"),
                answer: "after",
                choices: const { &[
                    Choice { text: t("Another partition", "다른 파티션"), value: Expect::NotFact("before") },
                    Choice { text: t("Still partition {before}", "그대로 파티션 {before}"), value: Expect::Fact("before") },
                ] },
            }),
            reveal: t(
                "murmur2(서울) made positive is {hash}: {hash} % {n_before} = {before}, but {hash} % {n_after} = {after}. New 서울 records go to partition {after}, while the old ones stay in partition {before}, so per-key order across the change is lost. Add partitions with care.",
                "murmur2(서울)을 양수로 만든 값은 {hash}입니다. {hash} % {n_before} = {before}이지만 {hash} % {n_after} = {after}입니다. 새 서울 레코드는 파티션 {after:으로} 가고 예전 레코드는 파티션 {before}에 남습니다. 그래서 바꾸기 전후로 키별 순서가 깨집니다. 파티션은 신중하게 늘리세요.",
            ),
        },
        Step {
            title: t("Partitions are never removed", "파티션은 줄일 수 없습니다"),
            narration: t(
                "`orders` has {count} partitions. We ask Kafka to go back to 3 (`kafka-topics --alter --partitions 3`).",
                "`orders`에는 파티션이 {count}개 있습니다. 카프카에 3개로 되돌려 달라고 요청합니다(`kafka-topics --alter --partitions 3`).",
            ),
            script: || vec![(0, Command::AddPartitions { topic: TOPIC.into(), partitions: 3 })],
            play_ms: 1_000,
            spotlight: const { &[p(0), p(1), p(2), p(3), p(4)] },
            facts: const { &[
                fact("count", At::Start, Probe::Partitions { topic: TOPIC }),
                fact("answer", At::End, Probe::Refusal),
                fact("count_after", At::End, Probe::Partitions { topic: TOPIC }),
            ] },
            question: Some(Question {
                prompt: t("What does Kafka answer?", "카프카는 어떻게 답할까요?"),
                answer: "answer",
                choices: const { &[
                    Choice { text: t("It removes partition 3", "파티션 3을 지웁니다"), value: Expect::Word("OK") },
                    Choice {
                        text: t("It refuses: INVALID_PARTITIONS", "거부합니다: INVALID_PARTITIONS"),
                        value: Expect::Word("INVALID_PARTITIONS"),
                    },
                ] },
            }),
            reveal: t(
                "Kafka answered {answer} and the topic still has {count_after} partitions. A partition can be added but never removed: its records and every group's offsets in it would have nowhere to go.",
                "카프카는 {answer:로} 답했고 토픽에는 여전히 파티션이 {count_after}개 있습니다. 파티션은 늘릴 수는 있어도 줄일 수는 없습니다. 그 파티션의 레코드와 그룹마다의 오프셋이 갈 곳이 없기 때문입니다.",
            ),
        },
        Step {
            title: t("Retention deletes whole segments", "보존 기간이 지나면 세그먼트 단위로 지웁니다"),
            narration: t(
                "Records leave a partition only by retention. A partition's log is stored in segments: the last one, the active segment, takes new records and rolls over when it reaches `segment.bytes` (here segment.bytes={seg}, about ten records; Kafka's default is 1 GiB) or `segment.ms`. Brokers check for deletable segments every `log.retention.check.interval.ms` (here every second; Kafka's default is 5 minutes). Partition 0 has {segments} segments now, and billing is at offset {committed} in it. We set `retention.ms=10000`: records older than 10 s may go.",
                "레코드는 보존 기간(retention)이 지나야만 파티션에서 사라집니다. 파티션의 로그는 세그먼트로 나뉘어 저장됩니다. 마지막 세그먼트(액티브 세그먼트)가 새 레코드를 받고, `segment.bytes`(여기서는 segment.bytes={seg}, 레코드 10개쯤; 카프카 기본값은 1 GiB)나 `segment.ms`에 이르면 새 세그먼트로 넘어갑니다. 브로커는 `log.retention.check.interval.ms`마다(여기서는 1초, 카프카 기본값은 5분) 지울 세그먼트를 찾습니다. 지금 파티션 0에는 세그먼트가 {segments}개 있고, billing은 그 안의 오프셋 {committed}에 있습니다. 이제 `retention.ms=10000`으로 바꿔 10초보다 오래된 레코드를 지울 수 있게 합니다.",
            ),
            script: || vec![(
                0,
                Command::SetTopicConfig {
                    topic: TOPIC.into(),
                    changes: TopicConfigChange { retention_ms: Some(10_000), ..TopicConfigChange::default() },
                },
            )],
            play_ms: 8_000,
            spotlight: const { &[p(0), Spot::Group(BILLING)] },
            facts: const { &[
                fact("seg", At::Start, Probe::SegmentBytes { topic: TOPIC }),
                fact("segments", At::Start, Probe::Segments { topic: TOPIC, partition: 0 }),
                fact("committed", At::Start, Probe::Committed { group: BILLING, topic: TOPIC, partition: 0 }),
                fact("unread", At::End, Probe::DeletedUnread { group: BILLING, topic: TOPIC, partition: 0 }),
                fact("deleted", At::End, Probe::SegmentsDeleted { topic: TOPIC, partition: 0 }),
                fact("start_after", At::End, Probe::LogStart { topic: TOPIC, partition: 0 }),
                fact("reset_from", At::End, Probe::ResetFrom { group: BILLING, topic: TOPIC, partition: 0 }),
                fact("reset_to", At::End, Probe::ResetTo { group: BILLING, topic: TOPIC, partition: 0 }),
            ] },
            question: Some(Question {
                prompt: t(
                    "billing has not read partition 0's old records yet. Will retention delete them?",
                    "billing은 파티션 0의 오래된 레코드를 아직 다 읽지 못했습니다. 보존 기간이 지나면 그래도 지울까요?",
                ),
                answer: "unread",
                choices: const { &[
                    Choice {
                        text: t("No: Kafka waits until every group has read them", "아니요: 모든 그룹이 읽을 때까지 기다립니다"),
                        value: Expect::Bool(false),
                    },
                    Choice {
                        text: t("Yes: retention does not wait for consumers", "예: 보존 기간은 컨슈머를 기다리지 않습니다"),
                        value: Expect::Bool(true),
                    },
                ] },
            }),
            reveal: t(
                "Retention deleted {deleted} whole closed segments of partition 0, so its log now starts at offset {start_after}; the active segment is never deleted. billing had not read them: its position {reset_from} no longer existed, so `auto.offset.reset=earliest` moved it to {reset_to}, the log start at that moment. The records in between were never read by billing. With `latest` it would have jumped to the end; with `none` the consumer would stop with OFFSET_OUT_OF_RANGE.",
                "보존 기간이 지나 파티션 0의 닫힌 세그먼트 {deleted}개가 통째로 지워졌고, 로그는 이제 오프셋 {start_after}에서 시작합니다. 액티브 세그먼트는 지우지 않습니다. billing은 그 레코드를 아직 읽지 않았습니다. 위치 {reset_from}의 레코드가 없어졌으므로 `auto.offset.reset=earliest`에 따라 그때의 로그 시작인 {reset_to:으로} 옮겨 갔습니다. 그 사이의 레코드는 billing이 끝내 읽지 못했습니다. `latest`였다면 로그 끝으로 건너뛰고, `none`이었다면 컨슈머가 OFFSET_OUT_OF_RANGE로 멈췄을 것입니다.",
            ),
        },
    ]
    };
    Lesson { id: "ch2", title: t("Topics, partitions, offsets", "토픽, 파티션, 오프셋"), config, steps }
}
