//! Chapter 6: Burrow (카프카 버로우). Fixed lag thresholds fail both ways, so
//! LinkedIn's Burrow judges each partition by the group's last 10 commits
//! (`storage.intervals`) and folds the partitions into a group status. One run
//! of one group, `billing`, goes through every status, each step starting
//! before the change it asks about: healthy (OK), a quiet topic with a dead
//! consumer (OK, misleading), records again (STOP), a consumer that keeps
//! polling without advancing (STALL), a slow one (WARN, asked of the group),
//! a reset to earliest (REWIND) and the REWIND passing (OK with lag).
//!
//! Burrow's rules are those of `core/internal/evaluator/caching.go`
//! (`calculatePartitionStatus`, `evaluateConsumerStatus`), as `crate::burrow`
//! plays them. The situations come from the app's Lag-tab lessons
//! (`src/lessons.rs`): the same cluster, and commits every second so the window
//! fills in ~10 s instead of 50 s with Kafka's default interval of 5 s.

use super::{fact, t, At, Choice, Expect, Lesson, Probe, Question, Spot, Step, WindowField};
use crate::command::{Command, ResetSpec};
use crate::config::{
    BrokerSettings, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings,
};
use crate::partitioner::PartitionerKind;

const TOPIC: &str = "orders";
const PRODUCER: &str = "p1";
const GROUP: &str = "billing";

pub fn lesson() -> Lesson {
    let config = ClusterConfig {
        seed: 1,
        brokers: 3,
        topics: vec![TopicConfig {
            name: TOPIC.into(),
            partitions: 3,
            replication_factor: 3,
            config: TopicSettings { min_insync_replicas: 2, ..TopicSettings::default() },
        }],
        producers: vec![ProducerConfig {
            partitioner: PartitionerKind::RoundRobin,
            ..ProducerConfig::new(PRODUCER, TOPIC, 6.0)
        }],
        groups: vec![GroupConfig {
            auto_offset_reset: OffsetReset::Earliest,
            records_per_s: 30.0,
            // Burrow's window of 10 commits fills in ~10 s (Kafka's default: 5000).
            auto_commit_interval_ms: 1000,
            // Kafka's default before 3.0 (KIP-735 raised it to 45 s): the dead
            // consumer of the quiet-topic step is gone before the STALL step's
            // consumer joins (a crashed member would still hold partitions).
            session_timeout_ms: 10_000,
            ..GroupConfig::new(GROUP, TOPIC, 1)
        }],
        step_ms: 100,
        broker_config: BrokerSettings {
            broker_session_timeout_ms: 3000,
            replica_lag_time_max_ms: 10_000,
            ..BrokerSettings::default()
        },
    };
    const fn status() -> Probe {
        Probe::BurrowPartition { group: GROUP, topic: TOPIC, partition: 0 }
    }
    const fn group() -> Probe {
        Probe::BurrowGroup { group: GROUP }
    }
    const fn lag() -> Probe {
        Probe::Lag { group: GROUP, topic: TOPIC, partition: 0 }
    }
    const fn committed() -> Probe {
        Probe::Committed { group: GROUP, topic: TOPIC, partition: 0 }
    }
    const fn members() -> Probe {
        Probe::Members { group: GROUP }
    }
    const fn window(field: WindowField) -> Probe {
        Probe::BurrowWindow { group: GROUP, topic: TOPIC, partition: 0, field }
    }
    const SPOTS: &[Spot] =
        &[Spot::Producer(PRODUCER), Spot::Partition { topic: TOPIC, partition: 0 }, Spot::Group(GROUP)];
    const fn status_is(w: &'static str, en: &'static str, ko: &'static str) -> Choice {
        Choice { text: t(en, ko), value: Expect::Word(w) }
    }
    fn rate(r: f64) -> Command {
        Command::SetGroupRate { group: GROUP.into(), records_per_s: r }
    }
    fn produce(r: f64) -> Command {
        Command::SetProducerRate { producer: PRODUCER.into(), rate_per_s: r }
    }

    let steps = const {
        &[
        Step {
            title: t("Burrow reads commits, not a lag threshold", "버로우는 랙 기준값이 아니라 커밋을 봅니다"),
            narration: t(
                "A fixed alert such as \"lag above 100\" fails both ways: a busy topic always has some lag, and a quiet one has none even when nobody reads it. LinkedIn's Burrow judges each partition by its recent history instead: it keeps the group's last 10 offset commits per partition, each with the lag at that moment. Here p1 writes 6 records/s to `orders` (3 partitions), and the group billing processes up to 30/s and commits every second (`auto.commit.interval.ms=1000`; with Kafka's default of 5000 the 10 commits would span 50 s). Watch for 12 s.",
                "\"랙이 100을 넘으면 알림\" 같은 고정 기준값은 양쪽으로 틀립니다. 바쁜 토픽에는 늘 랙이 조금 있고, 조용한 토픽에는 아무도 읽지 않아도 랙이 생기지 않습니다. 링크드인이 만든 버로우는 그 대신 파티션마다 최근의 흐름을 봅니다. 컨슈머 그룹이 파티션마다 마지막으로 커밋한 오프셋 10개를, 커밋할 때의 랙과 함께 기억합니다. 여기서는 p1이 `orders` 토픽(파티션 3개)에 초당 6개씩 쓰고, billing 그룹은 초당 30개까지 처리하며 1초마다 커밋합니다(`auto.commit.interval.ms=1000`. 카프카 기본값 5000이면 커밋 10개가 50초에 걸칩니다). 12초 동안 지켜보세요.",
            ),
            script: Vec::new,
            play_ms: 12_000,
            spotlight: SPOTS,
            facts: const { &[
                fact("commits", At::End, window(WindowField::Commits)),
                fact("span", At::End, window(WindowField::SpanMs)),
                fact("lag", At::End, lag()),
                fact("status", At::End, status()),
                fact("group", At::End, group()),
            ] },
            question: None,
            reveal: t(
                "Burrow now holds billing's last {commits} commits of partition 0, spread over {span} ms. The lag is {lag}, so partition 0 is {status} and the group is {group}. Burrow's rules, in the order it applies them (`calculatePartitionStatus` in `core/internal/evaluator/caching.go`): no lag now: OK. The newest commit is older than the window is long (now minus newest commit > newest minus oldest) and no recent log end offset shows the group caught up: STOP. An offset lower than the one before it, not made up since: REWIND. Some commit in the window had no lag: OK. Every commit at the same offset: STALL. The lag never went down: WARN. Otherwise OK. The group takes its worst partition's status, reporting STOP, STALL and REWIND as ERR.",
                "버로우는 이제 파티션 0에 대한 billing의 최근 커밋 {commits}개를 기억하고, 그 커밋들은 {span}ms에 걸쳐 있습니다. 랙은 {lag}입니다. 그래서 파티션 0은 {status}, 그룹은 {group}입니다. 버로우가 규칙을 적용하는 순서는 이렇습니다(`core/internal/evaluator/caching.go`의 `calculatePartitionStatus`). 지금 랙이 없으면 OK. 마지막 커밋 뒤로 흐른 시간이 윈도의 길이(가장 오래된 커밋부터 마지막 커밋까지)보다 길고, 최근 로그 끝 오프셋 중에 그룹이 따라잡았던 값이 없으면 STOP. 오프셋이 바로 앞 커밋보다 작아졌고 아직 그 자리를 되찾지 못했으면 REWIND. 윈도 안에 랙이 없던 커밋이 하나라도 있으면 OK. 모든 커밋의 오프셋이 같으면 STALL. 랙이 한 번도 줄지 않았으면 WARN. 나머지는 OK입니다. 그룹은 가장 나쁜 파티션의 상태를 따르되 STOP, STALL, REWIND는 ERR로 보고합니다.",
            ),
        },
        Step {
            title: t("A quiet topic fools everyone", "조용한 토픽은 모두를 속입니다"),
            narration: t(
                "Night falls: the producer stops, and one second later billing's only consumer crashes. It had read and committed everything: partition 0's lag is {lag}. The coordinator removes the dead consumer after `session.timeout.ms=10000` (Kafka's default is 45000 since 3.0, KIP-735).",
                "밤이 되어 프로듀서가 멈추고, 1초 뒤 billing의 하나뿐인 컨슈머가 비정상 종료됩니다. 그때까지 모두 읽고 커밋했으므로 파티션 0의 랙은 {lag}입니다. 코디네이터는 `session.timeout.ms=10000`이 지나면 비정상 종료된 컨슈머를 그룹에서 뺍니다(카프카 3.0부터 기본값은 45000, KIP-735).",
            ),
            script: || vec![
                (0, produce(0.0)),
                (1_000, Command::RemoveConsumer { group: GROUP.into(), member: None, graceful: false }),
            ],
            play_ms: 15_000,
            spotlight: SPOTS,
            facts: const { &[
                fact("lag", At::Start, lag()),
                fact("status", At::End, status()),
                fact("group", At::End, group()),
                fact("members", At::End, members()),
                fact("lag_end", At::End, lag()),
                fact("reason", At::End, window(WindowField::Reason)),
            ] },
            question: Some(Question {
                prompt: t(
                    "What will Burrow say about partition 0 in 15 s?",
                    "15초 뒤 버로우는 파티션 0을 어떻게 판정할까요?",
                ),
                answer: "status",
                choices: const { &[
                    status_is("STOP", "STOP: nobody commits any more", "STOP: 이제 아무도 커밋하지 않습니다"),
                    status_is("STALL", "STALL: the offset stays where it is", "STALL: 오프셋이 제자리에 머뭅니다"),
                    status_is("OK", "OK: there is no lag", "OK: 랙이 없습니다"),
                ] },
            }),
            reveal: t(
                "Burrow says {status} (group {group}), although billing has {members} consumers left. With no lag, its first rule answers OK before it looks at the commits at all, and a lag threshold stays silent too (lag {lag_end}). Nothing can be late when nothing arrives: a dead consumer on a quiet topic stays invisible until records come again. Checking that the group still has members catches it.",
                "버로우의 판정은 {status}(그룹은 {group})입니다. billing에 남은 컨슈머 수는 {members}인데도 그렇습니다. 랙이 없으면 버로우는 커밋을 살펴보기도 전에 첫 규칙에서 OK로 답하고, 랙 기준값 알림도 조용합니다(랙 {lag_end}). 들어오는 레코드가 없으면 늦을 것도 없으니, 조용한 토픽의 비정상 종료된 컨슈머는 레코드가 다시 들어올 때까지 보이지 않습니다. 그룹에 컨슈머가 남아 있는지 따로 확인해야 잡아낼 수 있습니다.",
            ),
        },
        Step {
            title: t("Records arrive again", "레코드가 다시 들어옵니다"),
            narration: t(
                "Morning: the producer writes 6 records/s again. billing has {members} consumers. Its newest commit on partition 0 is {since} ms old, and its window spans {span} ms.",
                "아침이 되어 프로듀서가 다시 초당 6개씩 씁니다. billing의 컨슈머 수는 {members}입니다. 파티션 0의 마지막 커밋은 {since}ms 전이고, 윈도는 {span}ms에 걸쳐 있습니다.",
            ),
            // STOP only once no recent log end offset is at or below the last
            // commit (`checkIfRecentLagZero`, Burrow issue #303): ~10 s here.
            script: || vec![(0, produce(6.0))],
            play_ms: 15_000,
            spotlight: SPOTS,
            facts: const { &[
                fact("members", At::Start, members()),
                fact("since", At::Start, window(WindowField::SinceLastMs)),
                fact("span", At::Start, window(WindowField::SpanMs)),
                fact("status", At::End, status()),
                fact("group", At::End, group()),
                fact("lag", At::End, lag()),
                fact("since_end", At::End, window(WindowField::SinceLastMs)),
                fact("reason", At::End, window(WindowField::Reason)),
                fact("span_end", At::End, window(WindowField::SpanMs)),
            ] },
            question: Some(Question {
                prompt: t(
                    "What will Burrow say about partition 0 in 15 s?",
                    "15초 뒤 버로우는 파티션 0을 어떻게 판정할까요?",
                ),
                answer: "status",
                choices: const { &[
                    status_is("STOP", "STOP: the lag grows and nobody commits", "STOP: 랙은 늘고 아무도 커밋하지 않습니다"),
                    status_is(
                        "OK",
                        "OK: the window shows the group caught up",
                        "OK: 윈도에는 그룹이 따라잡은 모습이 남아 있습니다",
                    ),
                    status_is("WARN", "WARN: the lag grows", "WARN: 랙이 늘어납니다"),
                ] },
            }),
            reveal: t(
                "{status} (group {group}): the newest commit is now {since_end} ms old, longer than the {span_end} ms the window spans, and the lag is {lag}. Burrow held it back for a while: as long as one of the log end offsets it recorded recently was not past billing's last commit, the group counted as recently caught up. A consumer stuck inside its processing looks the same: the Java consumer commits inside poll() (`ConsumerCoordinator.maybeAutoCommitOffsetsAsync`), so one that stops polling stops committing. Kafka keeps it in the group, its heartbeat thread still running, until `max.poll.interval.ms=300000` (the default) passes. The simulator has no such timer: it plays a stuck consumer as a crashed one, removed after `session.timeout.ms`.",
                "{status}입니다(그룹은 {group}). 마지막 커밋 뒤로 {since_end}ms가 흘러 윈도가 걸친 {span_end}ms보다 길고, 랙은 {lag}입니다. 버로우는 한동안 판정을 미뤘습니다. 최근에 기록한 로그 끝 오프셋 가운데 billing의 마지막 커밋을 넘지 않은 값이 남아 있는 동안은, 그룹이 얼마 전까지 따라잡고 있었다고 보기 때문입니다. 처리 도중 멈춰 버린 컨슈머도 버로우에게는 똑같이 보입니다. 자바 컨슈머는 poll() 안에서 커밋하므로(`ConsumerCoordinator.maybeAutoCommitOffsetsAsync`), poll()을 부르지 않으면 커밋도 멈춥니다. 카프카는 하트비트 스레드가 살아 있는 그 컨슈머를 `max.poll.interval.ms=300000`(기본값)이 지날 때까지 그룹에 둡니다. 시뮬레이터에는 이 타이머가 없어서, 멈춘 컨슈머를 비정상 종료된 컨슈머처럼 다루고 `session.timeout.ms`가 지나면 뺍니다.",
            ),
        },
        Step {
            title: t("Committing without moving", "움직이지 않는 커밋"),
            narration: t(
                "A new consumer joins billing and reads on from offset {committed}, where the group stopped. Two seconds later the database it writes to starts refusing every write. Its error handler seeks back to the failed record (`consumer.seek`) and polls again: the consumer keeps calling poll(), so auto-commit keeps committing the same offset, once a second. The simulator plays this as a processing rate of 0: the consumer polls and commits but takes no record, where a real one would fetch the failed record again on every poll.",
                "새 컨슈머가 billing에 들어와 그룹이 멈춘 오프셋 {committed}부터 이어서 읽습니다. 2초 뒤, 결과를 쓰는 데이터베이스가 모든 쓰기를 거부하기 시작합니다. 에러 처리 코드는 실패한 레코드로 되돌아가(`consumer.seek`) 다시 poll()합니다. 컨슈머가 poll()을 계속 부르니 자동 커밋도 1초마다 같은 오프셋을 계속 커밋합니다. 시뮬레이터는 이것을 처리 속도 0으로 나타냅니다. 컨슈머는 poll()하고 커밋하지만 레코드를 하나도 가져가지 않습니다. 실제 컨슈머라면 poll()할 때마다 실패한 레코드를 다시 가져옵니다.",
            ),
            // Rate 0 after 2 s: a member that never read has no position and
            // would commit nothing (STOP, not STALL). A live member keeps
            // committing its unchanged position each interval, as
            // `ConsumerCoordinator.maybeAutoCommitOffsetsAsync` commits
            // `allConsumed()` whether it moved or not.
            script: || vec![(0, Command::AddConsumer { group: GROUP.into() }), (2_000, rate(0.0))],
            play_ms: 15_000,
            spotlight: SPOTS,
            facts: const { &[
                fact("committed", At::Start, committed()),
                fact("status", At::End, status()),
                fact("group", At::End, group()),
                fact("commits", At::End, window(WindowField::Commits)),
                fact("offset", At::End, window(WindowField::NewestOffset)),
                fact("oldest", At::End, window(WindowField::OldestOffset)),
                fact("lag", At::End, lag()),
                fact("first", At::End, Probe::FirstRead { group: GROUP, topic: TOPIC, partition: 0 }),
                fact("members", At::End, members()),
                fact("since", At::End, window(WindowField::SinceLastMs)),
                fact("reason", At::End, window(WindowField::Reason)),
            ] },
            question: Some(Question {
                prompt: t(
                    "The consumer commits every second, but the offset does not move while the lag grows. What will Burrow say about partition 0 in 15 s?",
                    "컨슈머는 1초마다 커밋하지만 오프셋은 움직이지 않고 랙은 늘어납니다. 15초 뒤 버로우는 파티션 0을 어떻게 판정할까요?",
                ),
                answer: "status",
                choices: const { &[
                    status_is("WARN", "WARN: the lag grows", "WARN: 랙이 늘어납니다"),
                    status_is(
                        "STALL",
                        "STALL: it commits, but always the same offset",
                        "STALL: 커밋은 하지만 늘 같은 오프셋입니다",
                    ),
                    status_is("STOP", "STOP: it makes no progress", "STOP: 진척이 없습니다"),
                    status_is("OK", "OK: it commits regularly", "OK: 꼬박꼬박 커밋합니다"),
                ] },
            }),
            reveal: t(
                "{status} (group {group}): all {commits} commits in the window are at offset {offset}, while the lag grew to {lag}. The consumer is alive and committing, but not advancing. Burrow only calls it STALL when no commit in the window is free of lag, so the commits from before the failure had to leave the window first.",
                "{status}입니다(그룹은 {group}). 윈도의 커밋 {commits}개가 모두 오프셋 {offset}에 있고, 그동안 랙은 {lag}까지 늘었습니다. 컨슈머는 살아서 커밋하지만 앞으로 나아가지 못합니다. 버로우는 윈도의 모든 커밋에 랙이 있을 때만 STALL로 판정하므로, 실패 전의 커밋들이 윈도에서 빠져나간 뒤에야 STALL이 됩니다.",
            ),
        },
        Step {
            title: t("Slower than the producer", "프로듀서보다 느린 컨슈머"),
            narration: t(
                "The database is back, but slow: billing now processes 3 records/s while 6/s arrive. Partition 0's lag is {lag}.",
                "데이터베이스가 돌아왔지만 느립니다. 레코드는 초당 6개씩 들어오는데 billing은 이제 초당 3개만 처리합니다. 파티션 0의 랙은 {lag}입니다.",
            ),
            script: || vec![(0, rate(3.0))],
            play_ms: 12_000,
            spotlight: SPOTS,
            facts: const { &[
                fact("lag", At::Start, lag()),
                fact("group", At::End, group()),
                fact("status", At::End, status()),
                fact("o1", At::End, window(WindowField::OldestOffset)),
                fact("o2", At::End, window(WindowField::NewestOffset)),
                fact("l1", At::End, window(WindowField::OldestLag)),
                fact("l2", At::End, window(WindowField::NewestLag)),
                fact("reason", At::End, window(WindowField::Reason)),
            ] },
            question: Some(Question {
                prompt: t(
                    "Burrow gives a group one of three statuses. What will it say about the group billing in 12 s?",
                    "버로우는 그룹에 세 가지 상태 중 하나를 줍니다. 12초 뒤 billing 그룹은 어떻게 판정할까요?",
                ),
                answer: "group",
                choices: const { &[
                    status_is("OK", "OK: the offsets move again", "OK: 오프셋이 다시 움직입니다"),
                    status_is("ERR", "ERR: something is still wrong", "ERR: 아직 문제가 있습니다"),
                    status_is("WARN", "WARN: it moves, but falls behind", "WARN: 움직이지만 뒤처집니다"),
                ] },
            }),
            reveal: t(
                "The group is {group}. On partition 0 the commits in the window moved from offset {o1} to {o2}, but the lag stored with them went from {l1} to {l2} and never went down: {status}. The consumer works, but cannot keep up. A group takes its worst partition's status: OK and WARN as they are, STOP, STALL and REWIND as ERR (`evaluateConsumerStatus`).",
                "그룹 판정은 {group}입니다. 파티션 0에서 윈도의 커밋은 오프셋 {o1}에서 {o2}까지 움직였지만, 커밋과 함께 기록된 랙은 {l1}에서 {l2}까지 한 번도 줄지 않았습니다. 그래서 {status}입니다. 컨슈머는 일하지만 따라가지 못합니다. 그룹은 가장 나쁜 파티션의 상태를 따릅니다. OK와 WARN은 그대로, STOP, STALL, REWIND는 ERR이 됩니다(`evaluateConsumerStatus`).",
            ),
        },
        Step {
            title: t("Reprocessing from the start", "처음부터 다시 처리하기"),
            narration: t(
                "The team deploys a fixed consumer that processes 30 records/s. The failing version may have written wrong results, so they reprocess `orders` from the start: the consumer leaves the group, `kafka-consumer-groups --reset-offsets --to-earliest --execute` runs (the tool refuses while the group has members), and the consumer starts again. Partition 0's committed offset is {committed}.",
                "팀이 초당 30개를 처리하는 고친 컨슈머를 배포합니다. 실패하던 버전이 잘못된 결과를 썼을 수 있어서 `orders`를 처음부터 다시 처리합니다. 컨슈머가 그룹을 떠나고, `kafka-consumer-groups --reset-offsets --to-earliest --execute`를 실행하고(그룹에 멤버가 있으면 이 도구는 거부합니다), 컨슈머를 다시 시작합니다. 파티션 0의 커밋된 오프셋은 {committed}입니다.",
            ),
            script: || vec![
                (0, Command::RemoveConsumer { group: GROUP.into(), member: None, graceful: true }),
                (1_000, Command::ResetOffsets { group: GROUP.into(), spec: ResetSpec::ToEarliest }),
                (1_000, rate(30.0)),
                (2_000, Command::AddConsumer { group: GROUP.into() }),
            ],
            play_ms: 5_000,
            spotlight: SPOTS,
            facts: const { &[
                fact("committed", At::Start, committed()),
                fact("status", At::End, status()),
                fact("group", At::End, group()),
                fact("from", At::End, window(WindowField::RewoundFrom)),
                fact("to", At::End, window(WindowField::RewoundTo)),
                fact("log_start", At::End, Probe::LogStart { topic: TOPIC, partition: 0 }),
                fact("lag", At::End, lag()),
            ] },
            question: Some(Question {
                prompt: t(
                    "What will Burrow say about partition 0 in 5 s?",
                    "5초 뒤 버로우는 파티션 0을 어떻게 판정할까요?",
                ),
                answer: "status",
                choices: const { &[
                    status_is("OK", "OK: it was done on purpose", "OK: 일부러 한 일입니다"),
                    status_is("STOP", "STOP: the consumer left", "STOP: 컨슈머가 떠났습니다"),
                    status_is("WARN", "WARN: the lag jumps", "WARN: 랙이 껑충 뜁니다"),
                    status_is("REWIND", "REWIND: the offset went back", "REWIND: 오프셋이 뒤로 갔습니다"),
                ] },
            }),
            reveal: t(
                "{status} (group {group}): right after offset {from}, the tool committed offset {to}, the log start, so the offsets went backwards. Burrow cannot tell a planned reprocessing from a bug that sends a consumer back; it reports both. The lag is now {lag}.",
                "{status}입니다(그룹은 {group}). 오프셋 {from} 바로 다음에 도구가 로그 시작인 오프셋 {to:을} 커밋해서 오프셋이 뒤로 갔습니다. 버로우는 계획한 재처리와 컨슈머를 뒤로 돌려보내는 버그를 구별하지 못하고, 둘 다 알립니다. 랙은 이제 {lag}입니다.",
            ),
        },
        Step {
            title: t("REWIND passes", "REWIND는 지나갑니다"),
            narration: t(
                "billing reprocesses at 30 records/s while 6/s arrive. Partition 0's lag is {lag}, and Burrow says {status}.",
                "레코드는 초당 6개씩 들어오고 billing은 초당 30개씩 다시 처리합니다. 파티션 0의 랙은 {lag}, 버로우의 판정은 {status}입니다.",
            ),
            script: Vec::new,
            play_ms: 8_000,
            spotlight: SPOTS,
            facts: const { &[
                fact("lag", At::Start, lag()),
                fact("status", At::Start, status()),
                fact("from", At::Start, window(WindowField::RewoundFrom)),
                fact("status_end", At::End, status()),
                fact("lag_end", At::End, lag()),
                fact("newest", At::End, window(WindowField::NewestOffset)),
                fact("l1", At::End, window(WindowField::OldestLag)),
                fact("l2", At::End, window(WindowField::NewestLag)),
                fact("reason", At::End, window(WindowField::Reason)),
            ] },
            question: Some(Question {
                prompt: t(
                    "What will Burrow say about partition 0 in 8 s?",
                    "8초 뒤 버로우는 파티션 0을 어떻게 판정할까요?",
                ),
                answer: "status_end",
                choices: const { &[
                    status_is("OK", "OK: billing is catching up", "OK: billing이 따라잡고 있습니다"),
                    status_is(
                        "REWIND",
                        "REWIND: a step back stays on record",
                        "REWIND: 뒤로 간 기록은 남아 있습니다",
                    ),
                    status_is("WARN", "WARN: the lag is still large", "WARN: 랙이 아직 큽니다"),
                ] },
            }),
            reveal: t(
                "{status_end}, although the lag is still {lag_end}: a fixed lag threshold could well still be firing. A REWIND lasts only while the window holds a step back the consumer has not made up (`checkIfRewindRecovered`): billing's newest commit, offset {newest}, is past offset {from}, where it stood before the reset. And the lag stored with the window's commits fell, from {l1} to {l2}, so the WARN rule (the lag never went down) does not apply either.",
                "{status_end}입니다. 랙이 아직 {lag_end}인데도 그렇습니다. 고정된 랙 기준값이었다면 아직 알림이 울리고 있을 수 있습니다. REWIND는 컨슈머가 아직 되찾지 못한 후퇴가 윈도에 남아 있는 동안만 이어집니다(`checkIfRewindRecovered`). billing의 마지막 커밋인 오프셋 {newest:은} 리셋 전에 있던 오프셋 {from:을} 넘었습니다. 그리고 윈도의 커밋과 함께 기록된 랙이 {l1}에서 {l2:으로} 줄었으니, 랙이 한 번도 줄지 않을 때의 WARN 규칙에도 걸리지 않습니다.",
            ),
        },
    ]
    };
    Lesson { id: "ch6", title: t("Burrow", "카프카 버로우"), config, steps }
}
