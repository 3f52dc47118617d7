//! Chapter 5: consumer lag (컨슈머 랙).
//! Lag is per partition: high watermark − the group's committed offset, as
//! `kafka-consumer-groups --describe` prints it (`ConsumerGroupCommand`: its
//! LOG-END-OFFSET column is ListOffsets `latest` under read_uncommitted, the
//! high watermark). The consumer's own `records-lag` starts from its fetch
//! position instead (`SubscriptionState.partitionLag`), and `records-lag-max`
//! is the largest of those (`FetchMetricsManager`). A slow group's lag grows;
//! more consumers help up to one per partition, the rest sit idle (every
//! assignor gives a partition to at most one member of a group).

use super::{fact, t, At, Choice, Expect, Lesson, Probe, Question, Spot, Step};
use crate::command::Command;
use crate::config::{ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings};

const CLICKS: &str = "clicks";
const PAYMENTS: &str = "payments";
const WEB: &str = "web";
const SHOP: &str = "shop";
const STATS: &str = "stats";
const BILL_A: &str = "billing-a";
const BILL_B: &str = "billing-b";

fn topic(name: &str, partitions: u32) -> TopicConfig {
    TopicConfig { name: name.into(), partitions, replication_factor: 3, config: TopicSettings::default() }
}

const fn spot(topic: &'static str, partition: u32) -> Spot {
    Spot::Partition { topic, partition }
}

/// The `billing` copies: each its own group on `payments`, one consumer at first.
fn billing(id: &str) -> GroupConfig {
    GroupConfig { auto_offset_reset: OffsetReset::Earliest, records_per_s: 10.0, ..GroupConfig::new(id, PAYMENTS, 1) }
}

fn add_consumer(group: &str) -> Command {
    Command::AddConsumer { group: group.into() }
}

pub fn lesson() -> Lesson {
    let config = ClusterConfig {
        seed: 5,
        brokers: 3,
        topics: vec![topic(CLICKS, 2), topic(PAYMENTS, 3)],
        producers: vec![
            // home and search hash to partition 0 of 2, cart to partition 1:
            // three clicks of four land on partition 0.
            ProducerConfig {
                keys: Some(["home", "search", "home", "cart"].map(String::from).to_vec()),
                ..ProducerConfig::new(WEB, CLICKS, 8.0)
            },
            // Keyed by customer: spread evenly over the partitions.
            ProducerConfig { key_space: Some(1000), ..ProducerConfig::new(SHOP, PAYMENTS, 15.0) },
        ],
        groups: vec![GroupConfig {
            auto_offset_reset: OffsetReset::Earliest,
            records_per_s: 20.0,
            ..GroupConfig::new(STATS, CLICKS, 1)
        }],
        ..ClusterConfig::default()
    };
    const fn clicks(group: &'static str, p: u32) -> (&'static str, &'static str, u32) {
        (group, CLICKS, p)
    }
    const fn lag((group, topic, partition): (&'static str, &'static str, u32)) -> Probe {
        Probe::Lag { group, topic, partition }
    }
    const fn committed((group, topic, partition): (&'static str, &'static str, u32)) -> Probe {
        Probe::Committed { group, topic, partition }
    }
    const fn records_lag((group, topic, partition): (&'static str, &'static str, u32)) -> Probe {
        Probe::RecordsLag { group, topic, partition }
    }
    const fn position((group, topic, partition): (&'static str, &'static str, u32)) -> Probe {
        Probe::Position { group, topic, partition }
    }
    const fn hw(p: u32) -> Probe {
        Probe::HighWatermark { topic: CLICKS, partition: p }
    }
    const fn total(group: &'static str) -> Probe {
        Probe::TotalLag { group }
    }
    const fn pay_hw(p: u32) -> Probe {
        Probe::HighWatermark { topic: PAYMENTS, partition: p }
    }

    let steps = const {
        &[
        Step {
            title: t("One group, two partitions, two lags", "그룹 하나, 파티션 둘, 컨슈머 랙 둘"),
            narration: t(
                "The web site writes clicks to `clicks` (2 partitions), keyed by page: most land on partition 0. The group `stats` reads both with one consumer and commits its position every 5 s (`auto.commit.interval.ms=5000`). Watch for 12 s.",
                "웹사이트가 클릭을 `clicks` 토픽(파티션 2개)에 씁니다. 페이지 이름이 메시지 키여서 대부분 파티션 0에 쌓입니다. `stats` 그룹은 컨슈머 하나로 두 파티션을 모두 읽고, 5초마다 읽은 위치를 커밋합니다(`auto.commit.interval.ms=5000`). 12초 동안 지켜보세요.",
            ),
            script: Vec::new,
            play_ms: 12_000,
            spotlight: const { &[Spot::Producer(WEB), spot(CLICKS, 0), spot(CLICKS, 1), Spot::Group(STATS)] },
            facts: const { &[
                fact("c0", At::End, committed(clicks(STATS, 0))),
                fact("hw0", At::End, hw(0)),
                fact("lag0", At::End, lag(clicks(STATS, 0))),
                fact("c1", At::End, committed(clicks(STATS, 1))),
                fact("hw1", At::End, hw(1)),
                fact("lag1", At::End, lag(clicks(STATS, 1))),
            ] },
            question: None,
            reveal: t(
                "`kafka-consumer-groups --describe --group stats` now prints one row per partition. Partition 0: CURRENT-OFFSET (committed) {c0}, LOG-END-OFFSET {hw0}, LAG {lag0}. Partition 1: {c1}, {hw1}, LAG {lag1}. Consumer lag is this gap, per partition: what the group has not committed yet. One group on two partitions has two lags.",
                "`kafka-consumer-groups --describe --group stats`는 파티션마다 한 줄씩 보여 줍니다. 파티션 0: CURRENT-OFFSET(커밋한 오프셋) {c0}, LOG-END-OFFSET {hw0}, LAG {lag0}. 파티션 1: {c1}, {hw1}, LAG {lag1}. 이 차이가 파티션별 컨슈머 랙입니다. 그룹이 아직 커밋하지 않은 만큼입니다. 파티션이 둘인 토픽을 읽는 그룹 하나에는 랙이 둘 있습니다.",
            ),
        },
        Step {
            title: t("LOG-END-OFFSET is the high watermark", "LOG-END-OFFSET은 하이 워터마크입니다"),
            narration: t(
                "Each partition has 3 replicas. The leader appends a record first; the high watermark moves once every in-sync replica has it (and not while the ISR is smaller than `min.insync.replicas`, KIP-966), and consumers read only below the high watermark. We run 5 s more and read the tool's table again.",
                "파티션마다 복제본이 3개 있습니다. 리더가 레코드를 먼저 덧붙이고, ISR의 모든 복제본이 그 레코드를 가져가야 하이 워터마크가 움직입니다(ISR이 `min.insync.replicas`보다 작으면 움직이지 않습니다, KIP-966). 컨슈머는 하이 워터마크 아래만 읽을 수 있습니다. 5초 더 돌린 뒤 도구의 표를 다시 봅니다.",
            ),
            script: Vec::new,
            play_ms: 5_300,
            spotlight: const { &[spot(CLICKS, 0), Spot::Group(STATS)] },
            facts: const { &[
                fact("shown", At::End, Probe::DescribedLogEnd { group: STATS, topic: CLICKS, partition: 0 }),
                fact("leo", At::End, Probe::LogEnd { topic: CLICKS, partition: 0 }),
                fact("hw", At::End, hw(0)),
                fact("c", At::End, committed(clicks(STATS, 0))),
                fact("lag", At::End, lag(clicks(STATS, 0))),
            ] },
            question: Some(Question {
                prompt: t(
                    "What does the LOG-END-OFFSET column show for partition 0?",
                    "LOG-END-OFFSET 열은 파티션 0에 대해 무엇을 보여 줄까요?",
                ),
                answer: "shown",
                choices: const { &[
                    Choice {
                        text: t("The end of the leader's log (its log end offset)", "리더 로그의 끝(로그 끝 오프셋)"),
                        value: Expect::Fact("leo"),
                    },
                    Choice {
                        text: t("The high watermark", "하이 워터마크"),
                        value: Expect::Fact("hw"),
                    },
                ] },
            }),
            reveal: t(
                "The column showed {shown}: the high watermark ({hw}), while the leader's log already ended at {leo}. The tool asks for the latest offset (ListOffsets, read_uncommitted), which is the high watermark: records the followers do not have yet cannot be read, so they are not lag either. LAG = {hw} − {c} = {lag}.",
                "이 열은 {shown:을} 보여 주었습니다. 하이 워터마크({hw})입니다. 그때 리더의 로그는 이미 {leo}까지 있었습니다. 도구는 최신 오프셋(ListOffsets, read_uncommitted)을 묻는데, 그 값이 하이 워터마크입니다. 팔로워가 아직 가져가지 않은 레코드는 읽을 수 없으니 랙에도 들어가지 않습니다. LAG = {hw} − {c} = {lag}입니다.",
            ),
        },
        Step {
            title: t("A slow group falls behind", "느린 그룹은 뒤처집니다"),
            narration: t(
                "The group `stats` slows down: its consumer now processes 4 records a second, while the web site writes 8. Lag of partition 0 is {lag0}, of partition 1 {lag1}. Watch for 20 s.",
                "`stats` 그룹이 느려집니다. 웹사이트는 초당 8개를 쓰는데 컨슈머는 이제 초당 4개만 처리합니다. 지금 파티션 0의 랙은 {lag0}, 파티션 1의 랙은 {lag1}입니다. 20초 동안 지켜보세요.",
            ),
            script: || vec![(0, Command::SetGroupRate { group: STATS.into(), records_per_s: 4.0 })],
            play_ms: 20_000,
            spotlight: const { &[spot(CLICKS, 0), spot(CLICKS, 1), Spot::Group(STATS)] },
            facts: const { &[
                fact("lag0", At::Start, lag(clicks(STATS, 0))),
                fact("lag1", At::Start, lag(clicks(STATS, 1))),
                fact("lag0_after", At::End, lag(clicks(STATS, 0))),
                fact("lag1_after", At::End, lag(clicks(STATS, 1))),
            ] },
            question: None,
            reveal: t(
                "Partition 0's lag grew to {lag0_after}; partition 1's is {lag1_after}. When records arrive faster than the group processes them, lag grows for as long as that lasts: lag is a health signal of the pipeline, mostly of the consumer. Partition 1 gets few records, so the consumer keeps up there while partition 0 piles up.",
                "파티션 0의 랙은 {lag0_after:으로} 늘었고, 파티션 1의 랙은 {lag1_after}입니다. 그룹이 처리하는 것보다 레코드가 빨리 들어오면 그동안 랙은 계속 늘어납니다. 그래서 랙은 파이프라인, 특히 컨슈머의 상태를 알려 주는 신호입니다. 파티션 1에는 레코드가 적게 들어와 컨슈머가 따라잡지만, 파티션 0에는 쌓여 갑니다.",
            ),
        },
        Step {
            title: t("records-lag-max: the largest, not the sum", "records-lag-max: 합이 아니라 가장 큰 값"),
            narration: t(
                "The consumer measures its own lag per partition, `records-lag`: high watermark − its fetch position (the next offset it will read). Now it is {rl0} on partition 0 and {rl1} on partition 1. The tool's LAG column starts from the committed offset instead: {lag0} and {lag1}.",
                "컨슈머도 파티션마다 자기 랙을 잽니다. 이것이 `records-lag`이고, 하이 워터마크 − 자기 위치(position, 다음에 읽을 오프셋)입니다. 지금 파티션 0에서 {rl0}, 파티션 1에서 {rl1}입니다. 도구의 LAG 열은 커밋한 오프셋에서 잽니다. {lag0:과} {lag1}입니다.",
            ),
            script: Vec::new,
            play_ms: 10_000,
            spotlight: const { &[spot(CLICKS, 0), spot(CLICKS, 1), Spot::Group(STATS)] },
            facts: const { &[
                fact("rl0", At::Start, records_lag(clicks(STATS, 0))),
                fact("rl1", At::Start, records_lag(clicks(STATS, 1))),
                fact("lag0", At::Start, lag(clicks(STATS, 0))),
                fact("lag1", At::Start, lag(clicks(STATS, 1))),
                fact("total", At::Start, total(STATS)),
                fact("max", At::Start, Probe::RecordsLagMax { group: STATS }),
                fact("pos0", At::Start, position(clicks(STATS, 0))),
                fact("c0", At::Start, committed(clicks(STATS, 0))),
                fact("max_after", At::End, Probe::RecordsLagMax { group: STATS }),
            ] },
            question: Some(Question {
                prompt: t(
                    "What does the consumer report as `records-lag-max` right now?",
                    "지금 컨슈머가 보고하는 `records-lag-max`는 얼마일까요?",
                ),
                answer: "max",
                choices: const { &[
                    Choice { text: t("{total}, the sum of the LAG column", "LAG 열의 합인 {total}"), value: Expect::Fact("total") },
                    Choice {
                        text: t("{lag0}, the largest value in the tool's LAG column", "도구의 LAG 열에서 가장 큰 값인 {lag0}"),
                        value: Expect::Fact("lag0"),
                    },
                    Choice {
                        text: t("{rl0}, the largest records-lag", "가장 큰 records-lag인 {rl0}"),
                        value: Expect::Fact("rl0"),
                    },
                ] },
            }),
            reveal: t(
                "records-lag-max was {max}: the largest records-lag of the consumer's partitions, not a sum. It is measured from the position ({pos0} on partition 0), the tool from the committed offset ({c0}): the consumer had read further than it had committed, so the two numbers differ. Kafka keeps records-lag-max as the maximum over a metrics window (`metrics.sample.window.ms=30000` × `metrics.num.samples=2`), so it drops later than the lag does; the simulator shows the last poll's value. As this step ends, it is {max_after}.",
                "records-lag-max는 {max}였습니다. 컨슈머가 맡은 파티션의 records-lag 중 가장 큰 값이지, 합이 아닙니다. 이 값은 컨슈머의 위치(파티션 0에서 {pos0})에서 재고, 도구는 커밋한 오프셋({c0})에서 잽니다. 컨슈머가 커밋한 곳보다 더 읽었기 때문에 두 숫자가 다릅니다. 카프카는 records-lag-max를 메트릭 창(`metrics.sample.window.ms=30000` × `metrics.num.samples=2`) 안의 최댓값으로 두므로 랙이 줄어도 늦게 내려갑니다. 시뮬레이터는 마지막 poll의 값을 보여 줍니다. 이 단계가 끝날 때는 {max_after}입니다.",
            ),
        },
        Step {
            title: t("One consumer for three partitions", "파티션 셋에 컨슈머 하나"),
            narration: t(
                "The shop writes payments to `payments` (3 partitions), 15 a second. Two copies of the billing service start, each its own group with one consumer processing 10 records a second: `billing-a` and `billing-b`. They start at the earliest offset, and `payments` already holds {h0}, {h1} and {h2} records in partitions 0, 1 and 2: all of it is lag for them. Watch for 15 s.",
                "쇼핑몰이 결제를 `payments` 토픽(파티션 3개)에 초당 15개씩 씁니다. 청구 서비스 두 벌이 시작합니다. `billing-a`와 `billing-b`는 서로 다른 그룹이고, 각 그룹의 컨슈머 하나가 초당 10개를 처리합니다. 둘 다 가장 이른 오프셋부터 읽는데, `payments`의 파티션 0, 1, 2에는 이미 레코드가 {h0}개, {h1}개, {h2}개 있습니다. 두 그룹에게는 이것이 모두 랙입니다. 15초 동안 지켜보세요.",
            ),
            script: || vec![(0, Command::AddGroup(billing(BILL_A))), (0, Command::AddGroup(billing(BILL_B)))],
            play_ms: 15_000,
            spotlight: const { &[Spot::Producer(SHOP), Spot::Group(BILL_A), Spot::Group(BILL_B)] },
            facts: const { &[
                fact("h0", At::Start, pay_hw(0)),
                fact("h1", At::Start, pay_hw(1)),
                fact("h2", At::Start, pay_hw(2)),
                fact("a", At::End, total(BILL_A)),
                fact("b", At::End, total(BILL_B)),
            ] },
            question: None,
            reveal: t(
                "billing-a's lag over all its partitions adds up to {a}, billing-b's to {b}, more than the backlog they started with (the same work at the same speed). One consumer cannot keep up with the shop, so the lag keeps growing.",
                "billing-a의 랙은 모든 파티션을 합해 {a}, billing-b는 {b}입니다. 시작할 때 밀려 있던 것보다 많습니다(두 그룹은 같은 일을 같은 속도로 합니다). 컨슈머 하나로는 쇼핑몰이 쓰는 속도를 따라잡을 수 없어서 랙이 계속 늘어납니다.",
            ),
        },
        Step {
            title: t("More consumers, up to the partitions", "컨슈머를 파티션 수까지 늘리기"),
            narration: t(
                "Each group gets two more consumers: three consumers for three partitions. Each group rebalances and each consumer gets one partition. billing-a's lag is {a} now.",
                "두 그룹에 컨슈머를 2개씩 더합니다. 파티션 3개에 컨슈머 3개입니다. 그룹마다 리밸런스가 일어나고 컨슈머마다 파티션을 하나씩 맡습니다. 지금 billing-a의 랙은 {a}입니다.",
            ),
            script: || vec![
                (0, add_consumer(BILL_A)),
                (0, add_consumer(BILL_A)),
                (0, add_consumer(BILL_B)),
                (0, add_consumer(BILL_B)),
            ],
            play_ms: 15_000,
            spotlight: const { &[Spot::Group(BILL_A), Spot::Group(BILL_B)] },
            facts: const { &[
                fact("a", At::Start, total(BILL_A)),
                fact("a_after", At::End, total(BILL_A)),
                fact("idle", At::End, Probe::IdleMembers { group: BILL_A }),
            ] },
            question: None,
            reveal: t(
                "billing-a's lag fell from {a} to {a_after}: three consumers process three times as much, more than the shop writes. Consumers without a partition: {idle}.",
                "billing-a의 랙은 {a}에서 {a_after:으로} 줄었습니다. 컨슈머 셋이 세 배를 처리하니 쇼핑몰이 쓰는 것보다 많습니다. 파티션이 없는 컨슈머: {idle}개.",
            ),
        },
        Step {
            title: t("A fourth consumer for three partitions", "파티션 셋에 네 번째 컨슈머"),
            narration: t(
                "billing-b gets a fourth consumer; billing-a stays at three. Their lags are {a} and {b} now.",
                "billing-b에 네 번째 컨슈머를 더하고, billing-a는 3개 그대로 둡니다. 지금 두 그룹의 랙은 {a:과} {b}입니다.",
            ),
            script: || vec![(0, add_consumer(BILL_B))],
            play_ms: 15_000,
            spotlight: const { &[Spot::Group(BILL_A), Spot::Group(BILL_B)] },
            facts: const { &[
                fact("a", At::Start, total(BILL_A)),
                fact("b", At::Start, total(BILL_B)),
                fact("a_after", At::End, total(BILL_A)),
                fact("b_after", At::End, total(BILL_B)),
                fact("idle", At::End, Probe::IdleMembers { group: BILL_B }),
            ] },
            question: Some(Question {
                prompt: t(
                    "In the next 15 s, does billing-b's lag fall faster than billing-a's?",
                    "앞으로 15초 동안 billing-b의 랙이 billing-a보다 빨리 줄어들까요?",
                ),
                answer: "b_after",
                choices: const { &[
                    Choice {
                        text: t("No: the fourth consumer gets no partition", "아니요: 네 번째 컨슈머는 파티션을 받지 못합니다"),
                        value: Expect::Fact("a_after"),
                    },
                    Choice {
                        text: t("Yes: four consumers read more than three", "예: 컨슈머 4개가 3개보다 많이 읽습니다"),
                        value: Expect::NotFact("a_after"),
                    },
                ] },
            }),
            reveal: t(
                "billing-b's lag is {b_after}, exactly billing-a's {a_after}. A partition is read by one consumer of a group at a time, so a group uses at most as many consumers as there are partitions: {idle} of billing-b's consumers sits idle. To go faster, add partitions or make each consumer faster. In Kafka the fourth consumer even costs a little: joining makes the group rebalance, and with the default eager protocol every member stops reading during it (the simulator's rebalance takes no time).",
                "billing-b의 랙은 {b_after:으로} billing-a의 {a_after:과} 똑같습니다. 한 파티션은 한 그룹에서 한 번에 컨슈머 하나만 읽으므로, 그룹은 파티션 수만큼의 컨슈머만 씁니다. billing-b의 컨슈머 중 {idle}개는 놀고 있습니다. 더 빨리 읽으려면 파티션을 늘리거나 컨슈머마다 처리를 빠르게 해야 합니다. 카프카에서는 네 번째 컨슈머가 오히려 조금 손해입니다. 들어오면서 그룹이 리밸런스하고, 기본 eager 프로토콜에서는 그동안 모든 멤버가 읽기를 멈추기 때문입니다(시뮬레이터의 리밸런스는 시간이 걸리지 않습니다).",
            ),
        },
        Step {
            title: t("A stuck consumer shows as lag", "멈춘 컨슈머는 랙으로 드러납니다"),
            narration: t(
                "billing-a's consumer billing-a-c2, which reads partition 1, crashes. Partition 1's committed offset is {c} and its lag {lag}. The group notices only when the consumer's session expires (`session.timeout.ms=45000`). Watch for 20 s.",
                "파티션 1을 읽던 billing-a의 컨슈머 billing-a-c2가 비정상 종료됩니다. 파티션 1의 커밋한 오프셋은 {c}, 랙은 {lag}입니다. 그룹은 이 컨슈머의 세션이 만료되어야(`session.timeout.ms=45000`) 알아챕니다. 20초 동안 지켜보세요.",
            ),
            script: || vec![(
                0,
                Command::RemoveConsumer { group: BILL_A.into(), member: Some("billing-a-c2".into()), graceful: false },
            )],
            play_ms: 20_000,
            spotlight: const { &[spot(PAYMENTS, 1), Spot::Group(BILL_A)] },
            facts: const { &[
                fact("c", At::Start, Probe::Committed { group: BILL_A, topic: PAYMENTS, partition: 1 }),
                fact("lag", At::Start, Probe::Lag { group: BILL_A, topic: PAYMENTS, partition: 1 }),
                fact("c_after", At::End, Probe::Committed { group: BILL_A, topic: PAYMENTS, partition: 1 }),
                fact("lag_after", At::End, Probe::Lag { group: BILL_A, topic: PAYMENTS, partition: 1 }),
                fact("lag0_after", At::End, Probe::Lag { group: BILL_A, topic: PAYMENTS, partition: 0 }),
            ] },
            question: Some(Question {
                prompt: t(
                    "20 s later, where is billing-a's committed offset on partition 1?",
                    "20초 뒤 billing-a가 파티션 1에 커밋한 오프셋은 어디일까요?",
                ),
                answer: "c_after",
                choices: const { &[
                    Choice {
                        text: t(
                            "Further on: another consumer of the group takes partition 1 over at once",
                            "더 나아갑니다: 그룹의 다른 컨슈머가 바로 파티션 1을 넘겨받습니다",
                        ),
                        value: Expect::NotFact("c"),
                    },
                    Choice {
                        text: t("Still {c}: nobody reads partition 1 yet", "그대로 {c}: 아직 아무도 파티션 1을 읽지 않습니다"),
                        value: Expect::Fact("c"),
                    },
                ] },
            }),
            reveal: t(
                "The committed offset stayed at {c_after} and partition 1's lag grew to {lag_after}, while partition 0's is {lag0_after}. Until the session times out, the crashed consumer still owns partition 1 and nobody reads it. Lag that grows on one partition while its offset stands still points at that partition's consumer; Burrow, in the next chapter, reads exactly these patterns.",
                "커밋한 오프셋은 {c_after}에 멈춰 있고, 파티션 1의 랙은 {lag_after:으로} 늘었습니다. 파티션 0의 랙은 {lag0_after}입니다. 세션이 만료될 때까지 멈춘 컨슈머가 파티션 1을 계속 맡고 있어서 아무도 읽지 않습니다. 한 파티션의 랙이 늘면서 오프셋이 멈춰 있으면 그 파티션의 컨슈머를 의심해야 합니다. 다음 장의 버로우가 바로 이런 모양을 읽어 냅니다.",
            ),
        },
    ]
    };
    Lesson { id: "ch5", title: t("Consumer lag", "컨슈머 랙"), config, steps }
}
