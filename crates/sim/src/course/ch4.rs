//! Chapter 4: partitioners (파티셔너).
//! A keyed record goes to `toPositive(murmur2(key)) % partitions`
//! (`BuiltInPartitioner.partitionForKey`), so one key keeps one partition and
//! its order; order is per partition, so two keys sharing a partition stay in
//! send order between them too. Without a key the built-in partitioner (Kafka
//! 3.3+, KIP-794; sticky since 2.4, KIP-480) fills a batch for one partition
//! and moves on. `UniformStickyPartitioner` ignores keys altogether and is not
//! the default. A custom partitioner (Kafka's `Partitioner` interface) can
//! reserve partitions for VIP keys, and the load decides who falls behind.

use super::{fact, t, At, Choice, Expect, Lesson, Probe, Question, Spot, Step};
use crate::command::Command;
use crate::config::{ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings};
use crate::partition::log::record_bytes;
use crate::producer::partitioner::{CustomRule, PartitionerKind, PartitionerSettings};

const WEATHER: &str = "weather";
const CLICKS: &str = "clicks";
const ORDERS: &str = "orders";
const SENSORS: &str = "sensors";
const WEB: &str = "web";
const LEGACY: &str = "legacy";
const SHOP: &str = "shop";
const DASHBOARD: &str = "dashboard";
const FULFIL: &str = "fulfil";
const SEOUL: &str = "서울";
/// 대구 and 제주 share a partition of 10 (checked by the tests).
const DAEGU: &str = "대구";
const JEJU: &str = "제주";
/// Where the built-in partitioner puts 서울 and 대구/제주 in `weather`: the
/// partitions the steps spotlight and look into (the tests check them against
/// the producer's decisions).
pub(super) const SEOUL_PARTITION: u32 = 4;
pub(super) const SHARED_WEATHER: u32 = 7;

/// Records of a sticky run: `batch.size` is set to this many records' bytes so
/// the switch falls exactly on a record. `web` sends 5 records per 100 ms tick,
/// so a run is two whole ticks and `Probe::Moves` sees every move.
pub(super) const RUN: u32 = 10;
const VALUE_BYTES: u32 = 100;

/// Eight VIP customers, one per VIP partition (`vip-seo` → index 0 ... by
/// `toPositive(murmur2) % 8`), and eight others, four on each shared partition.
pub(super) const CUSTOMERS: [&str; 16] = [
    "vip-seo",
    "lee",
    "vip-park",
    "kim",
    "vip-shin",
    "jung",
    "vip-kim",
    "park",
    "vip-jung",
    "yoon",
    "vip-yoon",
    "choi",
    "vip-lee",
    "lim",
    "vip-hwang",
    "kang",
];
pub(super) const VIP_PARTITION: u32 = 3;
pub(super) const SHARED_PARTITION: u32 = 8;

fn topic(name: &str, partitions: u32) -> TopicConfig {
    TopicConfig { name: name.into(), partitions, replication_factor: 1, config: TopicSettings::default() }
}

fn producer(id: &str, topic: &str, rate: f64, keys: &[&str]) -> ProducerConfig {
    ProducerConfig {
        keys: (!keys.is_empty()).then(|| keys.iter().map(|k| (*k).to_string()).collect()),
        value_bytes: VALUE_BYTES,
        ..ProducerConfig::new(id, topic, rate)
    }
}

/// `batch.size` holding exactly [`RUN`] records with keys of `key_len` bytes.
fn run_batch(key_len: u32) -> PartitionerSettings {
    PartitionerSettings { batch_size: RUN * record_bytes(key_len, VALUE_BYTES), ..PartitionerSettings::default() }
}

/// The custom rule: `vip-` keys to partitions 0-7, everyone else to 8 and 9.
pub(super) fn vip_rule() -> PartitionerKind {
    PartitionerKind::Custom(vec![
        CustomRule { key_prefix: Some("vip-".into()), partitions: (0..8).collect() },
        CustomRule { key_prefix: None, partitions: vec![8, 9] },
    ])
}

const fn wp(partition: u32) -> Spot {
    Spot::Partition { topic: WEATHER, partition }
}

pub fn lesson() -> Lesson {
    let config = ClusterConfig {
        seed: 4,
        brokers: 3,
        topics: vec![topic(WEATHER, 10), topic(CLICKS, 3), topic(ORDERS, 10)],
        producers: vec![producer(SENSORS, WEATHER, 5.0, &[SEOUL, "부산", DAEGU, JEJU, "인천"])],
        groups: Vec::new(),
        ..ClusterConfig::default()
    };
    const fn key_partition(key: &'static str) -> Probe {
        Probe::KeyPartition { producer: SENSORS, key }
    }
    const fn produced(p: &'static str, topic: &'static str, partition: u32) -> Probe {
        Probe::ProducedTo { producer: p, topic, partition }
    }
    const fn written(p: &'static str, topic: &'static str) -> Probe {
        Probe::PartitionsWritten { producer: p, topic }
    }
    const fn lag(partition: u32) -> Probe {
        Probe::Lag { group: FULFIL, topic: ORDERS, partition }
    }

    let steps = const {
        &[
        Step {
            title: t("Every record passes the partitioner", "모든 레코드는 파티셔너를 거칩니다"),
            narration: t(
                "The producer `sensors` sends temperature readings to the topic `weather` ({count} partitions), keyed by city: 서울, 부산, 대구, 제주, 인천. With a key, Kafka's built-in partitioner computes the partition: murmur2(key bytes), made positive by clearing the sign bit (`toPositive`: & 0x7fffffff), modulo the partition count. murmur2(서울) is {murmur2}.",
                "프로듀서 `sensors`가 기온 측정값을 `weather` 토픽(파티션 {count}개)에 씁니다. 메시지 키는 도시 이름입니다: 서울, 부산, 대구, 제주, 인천. 키가 있으면 카프카의 기본 파티셔너가 파티션을 계산합니다. 키 바이트의 murmur2 값에서 부호 비트를 지워 양수로 만들고(`toPositive`: & 0x7fffffff) 파티션 수로 나눈 나머지입니다. murmur2(서울)은 {murmur2}입니다.",
            ),
            script: Vec::new,
            play_ms: 5_000,
            spotlight: const { &[Spot::Producer(SENSORS), Spot::Partitioner] },
            facts: const { &[
                fact("count", At::Start, Probe::Partitions { topic: WEATHER }),
                fact("murmur2", At::Start, Probe::KeyMurmur2 { key: SEOUL }),
                fact("hash", At::End, Probe::KeyHash { key: SEOUL }),
                fact("n", At::End, Probe::Partitions { topic: WEATHER }),
                fact("seoul", At::End, key_partition(SEOUL)),
            ] },
            question: Some(Question {
                prompt: t(
                    "Which partition does the key 서울 go to with 10 partitions?",
                    "파티션이 10개일 때 키 서울은 어느 파티션으로 갈까요?",
                ),
                answer: "seoul",
                choices: const { &[
                    Choice { text: t("Partition 0", "파티션 0"), value: Expect::Int(0) },
                    Choice { text: t("Partition 6", "파티션 6"), value: Expect::Int(6) },
                    Choice { text: t("Partition 4", "파티션 4"), value: Expect::Int(4) },
                    Choice { text: t("Partition 9", "파티션 9"), value: Expect::Int(9) },
                ] },
            }),
            reveal: t(
                "The producer put the 서울 readings in partition {seoul}. toPositive({murmur2}) = {hash}, and {hash} % {n} = {seoul}. Mind the sign: Kafka clears the sign bit, it does not take the absolute value or a negative remainder. The same bytes always give the same partition, in every Java client (other clients, e.g. librdkafka's default, hash differently).",
                "프로듀서는 서울 측정값을 파티션 {seoul}에 넣었습니다. toPositive({murmur2}) = {hash}이고, {hash} % {n} = {seoul}입니다. 부호에 주의하세요. 카프카는 절댓값을 쓰거나 음수 나머지를 쓰지 않고 부호 비트를 지웁니다. 같은 바이트는 언제나 같은 파티션으로 갑니다. 자바 클라이언트라면 어디서나 그렇습니다(librdkafka 기본값 같은 다른 클라이언트는 해시 방식이 다릅니다).",
            ),
        },
        Step {
            title: t("One key, one partition, one order", "키 하나, 파티션 하나, 순서 하나"),
            narration: t(
                "The group `dashboard` starts reading `weather` from the beginning. It shows each city's temperature curve, so the readings of a city must be processed in the order they were taken.",
                "`dashboard` 그룹이 `weather`를 처음부터 읽기 시작합니다. 도시별 기온 그래프를 그리므로 한 도시의 측정값은 잰 순서대로 처리해야 합니다.",
            ),
            script: || vec![(
                0,
                Command::AddGroup(GroupConfig {
                    auto_offset_reset: OffsetReset::Earliest,
                    records_per_s: 20.0,
                    ..GroupConfig::new(DASHBOARD, WEATHER, 2)
                }),
            )],
            play_ms: 10_000,
            spotlight: const { &[wp(SEOUL_PARTITION), Spot::Group(DASHBOARD)] },
            facts: const { &[
                fact("seoul", At::End, key_partition(SEOUL)),
                fact("readings", At::End, Probe::KeyRecords { topic: WEATHER, key: SEOUL }),
                fact("parts", At::End, Probe::KeyPartitions { topic: WEATHER, key: SEOUL }),
                fact("tail", At::End, Probe::LastKeys { topic: WEATHER, partition: SEOUL_PARTITION, n: 3 }),
                fact("in_order", At::End, Probe::SendOrder { topic: WEATHER, partition: SEOUL_PARTITION }),
                fact(
                    "committed",
                    At::End,
                    Probe::Committed { group: DASHBOARD, topic: WEATHER, partition: SEOUL_PARTITION },
                ),
            ] },
            question: None,
            reveal: t(
                "The topic holds {readings} 서울 readings, all in partition {seoul} and in the order they were sent; the partition's newest records are {tail}. One member of `dashboard` owns partition {seoul} and reads it in offset order (its committed offset is {committed}), so 서울's readings are processed in order. Order is guaranteed within a partition only: that is why you key records that must stay in order.",
                "토픽에 있는 서울 측정값 {readings}개는 모두 파티션 {seoul}에 보낸 순서 그대로 있습니다. 이 파티션의 가장 최근 레코드는 {tail}입니다. `dashboard`의 컨슈머 하나가 파티션 {seoul:을} 맡아 오프셋 순서대로 읽으므로(커밋한 오프셋은 {committed}) 서울 측정값은 순서대로 처리됩니다. 카프카는 파티션 안에서만 순서를 보장합니다. 순서가 중요한 레코드에 키를 붙이는 이유입니다.",
            ),
        },
        Step {
            title: t("Two keys in one partition", "한 파티션에 들어간 두 키"),
            narration: t(
                "대구 and 제주 both go to partition {daegu}: their positive hashes {h1} and {h2} leave the same remainder modulo 10. `sensors` sends a 대구 reading, then a 제주 reading, in turn.",
                "대구와 제주는 둘 다 파티션 {daegu:으로} 갑니다. 양수로 만든 해시 {h1:과} {h2:을} 10으로 나눈 나머지가 같기 때문입니다. `sensors`는 대구 측정값과 제주 측정값을 번갈아 보냅니다.",
            ),
            script: Vec::new,
            play_ms: 6_000,
            spotlight: const { &[wp(SHARED_WEATHER), Spot::Partitioner] },
            facts: const { &[
                fact("daegu", At::Start, key_partition(DAEGU)),
                fact("h1", At::Start, Probe::KeyHash { key: DAEGU }),
                fact("h2", At::Start, Probe::KeyHash { key: JEJU }),
                fact("jeju", At::End, key_partition(JEJU)),
                fact("tail", At::End, Probe::LastKeys { topic: WEATHER, partition: SHARED_WEATHER, n: 4 }),
                fact("in_order", At::End, Probe::SendOrder { topic: WEATHER, partition: SHARED_WEATHER }),
                fact("seoul", At::End, key_partition(SEOUL)),
            ] },
            question: Some(Question {
                prompt: t(
                    "Is the relative order of 대구 and 제주 readings kept?",
                    "대구 측정값과 제주 측정값 사이의 순서도 지켜질까요?",
                ),
                answer: "in_order",
                choices: const { &[
                    Choice {
                        text: t(
                            "No: Kafka keeps order per key, not between two keys",
                            "아니요: 카프카는 키별로만 순서를 지키고 두 키 사이의 순서는 지키지 않습니다",
                        ),
                        value: Expect::Bool(false),
                    },
                    Choice {
                        text: t(
                            "Yes: both keys' records are in one log, in the order they were sent",
                            "예: 두 키의 레코드가 한 로그에 보낸 순서대로 들어갑니다",
                        ),
                        value: Expect::Bool(true),
                    },
                ] },
            }),
            reveal: t(
                "제주 went to partition {jeju} too, and the partition's newest records read {tail}: one log, the two keys interleaved exactly as `sensors` sent them, and a consumer reads them in that order. Kafka's guarantee is per partition, not per key. Records from two producers are in the order the leader appended them; 서울 in partition {seoul} has no order relative to either. Retries do not reorder a producer's records either: `enable.idempotence=true` is the default with acks=all.",
                "제주 측정값도 파티션 {jeju:으로} 갔고, 이 파티션의 가장 최근 레코드는 {tail}입니다. 로그 하나에 두 키가 `sensors`가 보낸 순서 그대로 섞여 있고, 컨슈머도 그 순서로 읽습니다. 카프카의 순서 보장은 키 단위가 아니라 파티션 단위입니다. 프로듀서가 둘이면 리더가 덧붙인 순서를 따릅니다. 파티션 {seoul}에 있는 서울은 이 두 키와 아무 순서 관계가 없습니다. 재시도가 일어나도 프로듀서의 순서는 바뀌지 않습니다. acks=all이면 `enable.idempotence=true`가 기본값이기 때문입니다.",
            ),
        },
        Step {
            title: t("No key: a batch, then the next partition", "키가 없으면: 배치 하나, 그다음 파티션"),
            narration: t(
                "A new producer `web` sends click events without a key to the topic `clicks` ({count} partitions), 50 records a second. Its `batch.size` holds exactly 10 of its records. Watch its first 10 records.",
                "새 프로듀서 `web`이 키 없는 클릭 이벤트를 `clicks` 토픽(파티션 {count}개)에 초당 50개씩 보냅니다. `batch.size`에는 이 레코드가 딱 10개 들어갑니다. 처음 레코드 10개를 지켜보세요.",
            ),
            script: || vec![(
                0,
                Command::AddProducer(ProducerConfig { partitioner_config: run_batch(0), ..producer(WEB, CLICKS, 50.0, &[]) }),
            )],
            play_ms: 200,
            spotlight: const { &[Spot::Producer(WEB), Spot::Partitioner] },
            facts: const { &[
                fact("count", At::Start, Probe::Partitions { topic: CLICKS }),
                fact("used", At::End, written(WEB, CLICKS)),
                fact("c0", At::End, produced(WEB, CLICKS, 0)),
                fact("c1", At::End, produced(WEB, CLICKS, 1)),
                fact("c2", At::End, produced(WEB, CLICKS, 2)),
            ] },
            question: Some(Question {
                prompt: t(
                    "How many partitions get `web`'s first 10 records?",
                    "`web`의 처음 레코드 10개는 파티션 몇 개에 들어갈까요?",
                ),
                answer: "used",
                choices: const { &[
                    Choice {
                        text: t("One: the producer fills a batch for one partition first", "1개: 프로듀서가 먼저 한 파티션의 배치를 채웁니다"),
                        value: Expect::Int(1),
                    },
                    Choice {
                        text: t("All {count}, one record to each in turn", "{count}개 모두, 하나씩 돌아가며"),
                        value: Expect::Fact("count"),
                    },
                ] },
            }),
            reveal: t(
                "Partition 0 got {c0} of them, partition 1 got {c1} and partition 2 got {c2}. Without a key the producer sticks to one partition until `batch.size` bytes were produced to it, then picks the next one (sticky partitioning, KIP-480). One full batch in one request costs less than one record per partition in many small requests.",
                "파티션 0에 {c0}개, 파티션 1에 {c1}개, 파티션 2에 {c2}개가 들어갔습니다. 키가 없으면 프로듀서는 한 파티션에 `batch.size`만큼 보낼 때까지 그 파티션에 머문 뒤 다음 파티션을 고릅니다(스티키 파티셔닝, KIP-480). 레코드를 파티션마다 하나씩 작은 요청으로 보내는 것보다 꽉 찬 배치 하나를 요청 하나로 보내는 편이 쌉니다.",
            ),
        },
        Step {
            title: t("Sticky batches even out", "스티키 배치는 고르게 퍼집니다"),
            narration: t(
                "`web` keeps sending for 20 s. Producers without a key have been sticky since Kafka 2.4 (KIP-480). Since Kafka 3.3 (KIP-794) this is done by the built-in partitioner, used when `partitioner.class` is not set: each time a batch is full it draws the next partition at random, and with `partitioner.adaptive.partitioning.enable=true` (the default) it weighs the draw by how many batches wait for each partition, so a partition whose broker is slow is picked less often. With `partitioner.availability.timeout.ms` set (the default 0 turns it off), a partition whose broker has not taken its batches for that long is skipped.",
                "`web`이 20초 동안 계속 보냅니다. 키 없는 프로듀서는 카프카 2.4부터(KIP-480) 스티키 방식입니다. 카프카 3.3부터는(KIP-794) `partitioner.class`를 정하지 않으면 쓰는 기본 파티셔너가 이 일을 합니다. 배치가 찰 때마다 다음 파티션을 무작위로 뽑는데, `partitioner.adaptive.partitioning.enable=true`(기본값)이면 파티션마다 기다리는 배치 수로 가중치를 두어 브로커가 느린 파티션을 덜 뽑습니다. `partitioner.availability.timeout.ms`를 정하면(기본값 0은 끔) 그 시간 동안 브로커가 배치를 가져가지 않은 파티션은 아예 건너뜁니다.",
            ),
            script: Vec::new,
            play_ms: 20_000,
            spotlight: const { &[
                Spot::Producer(WEB),
                Spot::Partition { topic: CLICKS, partition: 0 },
                Spot::Partition { topic: CLICKS, partition: 1 },
                Spot::Partition { topic: CLICKS, partition: 2 },
            ] },
            facts: const { &[
                fact("moves", At::End, Probe::Moves { producer: WEB, topic: CLICKS }),
                fact("c0", At::End, produced(WEB, CLICKS, 0)),
                fact("c1", At::End, produced(WEB, CLICKS, 1)),
                fact("c2", At::End, produced(WEB, CLICKS, 2)),
            ] },
            question: None,
            reveal: t(
                "Partition 0 got {c0} records, partition 1 got {c1} and partition 2 got {c2}. The producer moved to another partition {moves} times, each time right after a full batch; a draw may also land on the partition just filled, so there are fewer moves than batches. Over many batches the partitions get about the same share, and every request carries a full batch. The simulator sends every batch at once, so no batches wait behind a slow broker here: the weighting only counts the batch being filled, which makes that partition a little less likely.",
                "파티션 0에 {c0}개, 파티션 1에 {c1}개, 파티션 2에 {c2}개가 들어갔습니다. 프로듀서는 다른 파티션으로 {moves}번 옮겨 갔고, 매번 배치가 꽉 찬 직후였습니다. 방금 채운 파티션이 다시 뽑힐 수도 있어서 옮겨 간 횟수는 배치 수보다 적습니다. 배치가 많이 쌓이면 파티션마다 비슷한 양을 받고, 요청마다 꽉 찬 배치를 보냅니다. 시뮬레이터는 배치를 바로 보내므로 여기서는 느린 브로커 뒤에 배치가 기다리지 않습니다. 가중치는 채우던 배치만 세므로 그 파티션이 조금 덜 뽑힐 뿐입니다.",
            ),
        },
        Step {
            title: t("UniformStickyPartitioner ignores keys", "UniformStickyPartitioner는 키를 무시합니다"),
            narration: t(
                "Some course material calls `UniformStickyPartitioner` (KIP-480, deprecated since Kafka 3.3) the default. A producer `legacy` is configured with it (`partitioner.class`) and sends only 서울 readings to `weather`, 10 a second, for 5 s. So far every 서울 reading is in partition {seoul}.",
                "강의 자료에 따라서는 `UniformStickyPartitioner`(KIP-480, 카프카 3.3부터 사용 중단 예정)를 기본값이라고 부릅니다. 프로듀서 `legacy`를 이 파티셔너로 설정하고(`partitioner.class`) 서울 측정값만 `weather`에 초당 10개씩 5초 동안 보냅니다. 지금까지 서울 측정값은 모두 파티션 {seoul}에 있습니다.",
            ),
            script: || vec![(
                0,
                Command::AddProducer(ProducerConfig {
                    partitioner: PartitionerKind::UniformSticky,
                    partitioner_config: run_batch(SEOUL.len() as u32),
                    ..producer(LEGACY, WEATHER, 10.0, &[SEOUL])
                }),
            )],
            play_ms: 5_000,
            spotlight: const { &[Spot::Producer(LEGACY), Spot::Partitioner] },
            facts: const { &[
                fact("parts", At::Start, Probe::KeyPartitions { topic: WEATHER, key: SEOUL }),
                fact("seoul", At::Start, key_partition(SEOUL)),
                fact("used", At::End, written(LEGACY, WEATHER)),
                fact("parts_after", At::End, Probe::KeyPartitions { topic: WEATHER, key: SEOUL }),
            ] },
            question: Some(Question {
                prompt: t(
                    "How many partitions do `legacy`'s 서울 readings go to?",
                    "`legacy`의 서울 측정값은 파티션 몇 개에 들어갈까요?",
                ),
                answer: "used",
                choices: const { &[
                    Choice {
                        text: t("Several: it ignores the key and moves on with each batch", "여러 개: 키를 무시하고 배치마다 옮겨 갑니다"),
                        value: Expect::NotFact("parts"),
                    },
                    Choice {
                        text: t("Only partition {seoul}, where the key 서울 belongs", "키 서울의 자리인 파티션 {seoul} 하나"),
                        value: Expect::Fact("parts"),
                    },
                ] },
            }),
            reveal: t(
                "They went to {used} partitions, and 서울's readings are now spread over {parts_after} partitions of `weather`: their order across partitions is lost. `UniformStickyPartitioner` ignores keys entirely. The default is the built-in partitioner, used when `partitioner.class` is not set (before KIP-794, `DefaultPartitioner`): keys by murmur2, sticky batches only for records without a key. To spread keyed records on purpose, the built-in partitioner has `partitioner.ignore.keys=true`.",
                "레코드는 파티션 {used}개에 들어갔고, 이제 서울 측정값은 `weather`의 파티션 {parts_after}개에 흩어져 있습니다. 파티션을 넘나드는 순서는 사라졌습니다. `UniformStickyPartitioner`는 키를 아예 무시합니다. 기본값은 `partitioner.class`를 정하지 않았을 때 쓰는 기본 파티셔너입니다(KIP-794 전에는 `DefaultPartitioner`). 키는 murmur2로 나누고, 키 없는 레코드만 스티키 배치로 보냅니다. 키가 있는 레코드를 일부러 퍼뜨리려면 기본 파티셔너에 `partitioner.ignore.keys=true`를 씁니다.",
            ),
        },
        Step {
            title: t("Your own partitioner: VIP partitions", "직접 만든 파티셔너: VIP 파티션"),
            narration: t(
                "The shop plugs in its own partitioner (a class implementing Kafka's `Partitioner` interface, set as `partitioner.class`; the simulator stands in for it with a key-prefix rule): keys starting with `vip-` go to partitions 0-7, all other customers to partitions 8 and 9. It has 8 VIP and 8 other customers, each ordering as often, 40 orders a second in all. The group `fulfil` has one consumer per partition, each handling 6 orders a second.",
                "쇼핑몰이 직접 만든 파티셔너를 끼웁니다(카프카의 `Partitioner` 인터페이스를 구현한 클래스를 `partitioner.class`로 설정하며, 시뮬레이터에서는 키 접두사 규칙이 그 클래스를 대신합니다). `vip-`로 시작하는 키는 파티션 0-7로, 나머지 고객은 파티션 8과 9로 보냅니다. VIP 고객 8명과 일반 고객 8명이 똑같이 자주 주문하며, 모두 합쳐 초당 40건입니다. `fulfil` 그룹에는 파티션마다 컨슈머가 하나 있고, 컨슈머마다 초당 6건을 처리합니다.",
            ),
            script: || vec![
                (0, Command::RemoveProducer { producer: LEGACY.into() }),
                (0, Command::AddProducer(ProducerConfig { partitioner: vip_rule(), ..producer(SHOP, ORDERS, 40.0, &CUSTOMERS) })),
                (
                    0,
                    Command::AddGroup(GroupConfig {
                        auto_offset_reset: OffsetReset::Earliest,
                        records_per_s: 6.0,
                        ..GroupConfig::new(FULFIL, ORDERS, 10)
                    }),
                ),
            ],
            play_ms: 20_000,
            spotlight: const { &[
                Spot::Producer(SHOP),
                Spot::Partitioner,
                Spot::Partition { topic: ORDERS, partition: VIP_PARTITION },
                Spot::Partition { topic: ORDERS, partition: SHARED_PARTITION },
                Spot::Group(FULFIL),
            ] },
            facts: const { &[
                fact("most", At::End, Probe::MostLag {
                    group: FULFIL,
                    topic: ORDERS,
                    among: &[VIP_PARTITION, SHARED_PARTITION],
                }),
                fact("in_vip", At::End, produced(SHOP, ORDERS, VIP_PARTITION)),
                fact("in_shared", At::End, produced(SHOP, ORDERS, SHARED_PARTITION)),
                fact("lag_vip", At::End, lag(VIP_PARTITION)),
                fact("lag_shared", At::End, lag(SHARED_PARTITION)),
                fact("lag_other", At::End, lag(9)),
                fact("used", At::End, written(SHOP, ORDERS)),
            ] },
            question: Some(Question {
                prompt: t(
                    "After 20 s, which partition has more consumer lag: VIP partition 3 or shared partition 8?",
                    "20초 뒤 컨슈머 랙이 더 큰 쪽은 어디일까요? VIP 파티션 3일까요, 공용 파티션 8일까요?",
                ),
                answer: "most",
                choices: const { &[
                    Choice {
                        text: t("Partition 3: the VIPs get more partitions, so more load", "파티션 3: VIP가 파티션을 더 많이 받으니 부하도 더 큽니다"),
                        value: Expect::Int(VIP_PARTITION as i64),
                    },
                    Choice {
                        text: t("Partition 8: half of the orders share two partitions", "파티션 8: 주문의 절반이 파티션 두 개를 나눠 씁니다"),
                        value: Expect::Int(SHARED_PARTITION as i64),
                    },
                ] },
            }),
            reveal: t(
                "Partition {most} lags more. Meanwhile VIP partition 3 received {in_vip} orders and partition 8 {in_shared}; their lag is now {lag_vip} and {lag_shared} (partition 9: {lag_other}). The VIP consumers keep up with room to spare while the two shared ones fall behind: reserving partitions 0-7 of {used} gives VIPs headroom, not speed, and the other customers pay for it. Size a custom rule by the traffic of each key group. Each customer's key still maps to one partition of its set, so per-customer order holds.",
                "랙이 더 큰 쪽은 파티션 {most}입니다. 그동안 VIP 파티션 3은 주문 {in_vip}건, 파티션 8은 {in_shared}건을 받았고, 지금 컨슈머 랙은 각각 {lag_vip}, {lag_shared}입니다(파티션 9는 {lag_other}). VIP 컨슈머는 여유 있게 따라가고 공용 컨슈머 둘은 뒤처집니다. 파티션 {used}개 중 파티션 0-7을 VIP에게 떼어 주면 VIP에게 여유가 생길 뿐 빨라지지는 않고, 그 대가는 나머지 고객이 치릅니다. 직접 만든 규칙은 키 그룹마다의 트래픽에 맞춰 정하세요. 고객의 키는 여전히 자기 집합 안의 파티션 하나로만 가므로 고객별 순서는 지켜집니다.",
            ),
        },
    ]
    };
    Lesson { id: "ch4", title: t("Partitioners", "파티셔너"), config, steps }
}
