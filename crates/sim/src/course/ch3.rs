//! Chapter 3: brokers, replication, ISR, acks (브로커, 복제, ISR).
//! A partition's copies live on different brokers, so the replication factor
//! cannot exceed the broker count (INVALID_REPLICATION_FACTOR, Kafka's
//! `ReplicationControlManager.createTopic`); the leader takes writes and
//! reads, followers fetch; a replica costs what the leader costs, so RF 3
//! takes three times the disk and incoming network of RF 1 (followers'
//! fetches are `ReplicationBytesInPerSec`, appended as the leader's batches by
//! `UnifiedLog.appendAsFollower`); consumers read only below the high watermark
//! (`Partition.maybeIncrementLeaderHW`); a follower cut off for
//! `replica.lag.time.max.ms` leaves the ISR (`Partition.maybeShrinkIsr`,
//! `Replica.isCaughtUp`) and rejoins when caught up (`maybeExpandIsr`); acks
//! 0/1/all under the same leader crash; `min.insync.replicas` and
//! NOT_ENOUGH_REPLICAS (`Partition.appendRecordsToLeader`, KIP-966's frozen
//! HW); acks=all with `min.insync.replicas=1` and an unclean election
//! (`PartitionChangeBuilder`) losing acknowledged records.
//!
//! Seed 3 places partition 0's replicas on brokers [1, 2, 3], so broker 1
//! leads and brokers 2 and 3 follow (the chapter's tests check this).

use super::{fact, t, At, Choice, Expect, Lesson, Probe, Question, Spot, Step, TrafficField};
use crate::command::{Command, TopicConfigChange};
use crate::config::{
    Acks, BrokerSettings, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings,
};

const TOPIC: &str = "orders";
const ACKS0: &str = "acks0";
const ACKS1: &str = "acks1";
const ACKS_ALL: &str = "acks-all";
const READER: &str = "reader";
/// Records per second of each producer.
const RATE: f64 = 10.0;
/// The cost step's two topics and their producers.
const RF1: &str = "rf1";
const RF3: &str = "rf3";
const TO_RF1: &str = "to-rf1";
const TO_RF3: &str = "to-rf3";
const READ_RF1: &str = "read-rf1";
const READ_RF3: &str = "read-rf3";
/// How long the cost step's producers send.
const COST_SEND_MS: u64 = 10_000;

const fn p0() -> Spot {
    Spot::Partition { topic: TOPIC, partition: 0 }
}

fn producer(id: &str, acks: Acks) -> ProducerConfig {
    ProducerConfig { acks, ..ProducerConfig::new(id, TOPIC, RATE) }
}

/// `kafka-topics --create --partitions 1 --replication-factor rf`.
fn create_topic(name: &str, rf: u32) -> Command {
    Command::CreateTopic(TopicConfig {
        name: name.into(),
        partitions: 1,
        replication_factor: rf,
        config: TopicSettings::default(),
    })
}

/// The cost step's producers: the same rate and value size, so the two topics
/// get the same records and differ only in their replication factor.
fn cost_producer(id: &str, topic: &str) -> ProducerConfig {
    ProducerConfig { value_bytes: 1_000, ..ProducerConfig::new(id, topic, 20.0) }
}

/// A group that reads `topic` from its start, fast enough to finish in a step.
fn reader_of(id: &str, topic: &str) -> GroupConfig {
    GroupConfig { auto_offset_reset: OffsetReset::Earliest, records_per_s: 500.0, ..GroupConfig::new(id, topic, 1) }
}

const fn traffic(topic: &'static str, field: TrafficField) -> Probe {
    Probe::Traffic { topic, field }
}

fn topic_change(changes: TopicConfigChange) -> Command {
    Command::SetTopicConfig { topic: TOPIC.into(), changes }
}

fn min_isr(n: u32) -> Command {
    topic_change(TopicConfigChange { min_insync_replicas: Some(n), ..TopicConfigChange::default() })
}

pub fn lesson() -> Lesson {
    let config = ClusterConfig {
        seed: 3,
        brokers: 3,
        topics: vec![TopicConfig {
            name: TOPIC.into(),
            partitions: 1,
            replication_factor: 3,
            config: TopicSettings::default(),
        }],
        producers: vec![producer(ACKS1, Acks::Leader)],
        groups: vec![GroupConfig {
            auto_offset_reset: OffsetReset::Earliest,
            records_per_s: 200.0,
            ..GroupConfig::new(READER, TOPIC, 1)
        }],
        // Kafka's default is 30000; shorter so the ISR steps play in seconds.
        broker_config: BrokerSettings { replica_lag_time_max_ms: 10_000, ..BrokerSettings::default() },
        ..ClusterConfig::default()
    };
    const fn leo() -> Probe {
        Probe::LogEnd { topic: TOPIC, partition: 0 }
    }
    const fn hw() -> Probe {
        Probe::HighWatermark { topic: TOPIC, partition: 0 }
    }
    const fn isr() -> Probe {
        Probe::IsrSize { topic: TOPIC, partition: 0 }
    }
    const fn leader() -> Probe {
        Probe::Leader { topic: TOPIC, partition: 0 }
    }
    const fn replica_leo(broker: u32) -> Probe {
        Probe::ReplicaLogEnd { topic: TOPIC, partition: 0, broker }
    }
    const fn position() -> Probe {
        Probe::Position { group: READER, topic: TOPIC, partition: 0 }
    }
    const fn lost_from() -> Probe {
        Probe::LostFrom { topic: TOPIC, partition: 0 }
    }
    const fn acked_lost(producer: &'static str) -> Probe {
        Probe::AckedLost { producer }
    }

    let steps = const {
        &[
        Step {
            title: t("Replicas live on different brokers", "복제본은 서로 다른 브로커에"),
            narration: t(
                "A broker is one Kafka server; this cluster runs 3 (brokers 1, 2 and 3), the usual minimum. Replication copies every partition to several brokers: with 3 brokers, replication factor (RF) 1 keeps a partition on one broker, RF 2 on two, RF 3 on all three. The topic `orders` has one partition with RF 3. We now ask for a new topic `payments` with RF 4 (`kafka-topics --create --topic payments --replication-factor 4`).",
                "브로커는 카프카 서버 한 대입니다. 이 클러스터는 보통 최소로 권하는 3대(브로커 1, 2, 3)로 돌아갑니다. 복제는 파티션마다 여러 브로커에 복사본을 둡니다. 브로커가 3대일 때 복제 팩터(RF) 1이면 파티션이 브로커 한 대에, RF 2이면 두 대에, RF 3이면 세 대 모두에 있습니다. `orders` 토픽은 파티션이 하나이고 RF 3입니다. 이제 RF 4로 새 토픽 `payments`를 만들어 달라고 요청합니다(`kafka-topics --create --topic payments --replication-factor 4`).",
            ),
            script: Vec::new,
            play_ms: 1_000,
            spotlight: const { &[Spot::Broker(1), Spot::Broker(2), Spot::Broker(3)] },
            facts: const { &[fact(
                "answer",
                At::End,
                Probe::CreateTopic { topic: "payments", replication_factor: 4 },
            )] },
            question: Some(Question {
                prompt: t("What does Kafka answer?", "카프카는 어떻게 답할까요?"),
                answer: "answer",
                choices: const { &[
                    Choice {
                        text: t("It refuses: INVALID_REPLICATION_FACTOR", "거부합니다: INVALID_REPLICATION_FACTOR"),
                        value: Expect::Word("INVALID_REPLICATION_FACTOR"),
                    },
                    Choice {
                        text: t("It creates the topic: one broker keeps two copies", "토픽을 만듭니다: 브로커 한 대가 복사본을 두 개 가집니다"),
                        value: Expect::Word("OK"),
                    },
                ] },
            }),
            reveal: t(
                "Kafka answered {answer}. The copies of a partition must be on different brokers (a second copy on the same broker would die with it), so the replication factor can be at most the number of brokers. Copies also cost: every replica takes disk and network on its broker, so choose the RF by data volume and retention. RF=3 is the usual choice with three or more brokers.",
                "카프카는 {answer:로} 답했습니다. 한 파티션의 복제본은 서로 다른 브로커에 있어야 하므로(같은 브로커에 둔 복사본은 그 브로커와 함께 사라집니다) 복제 팩터는 브로커 수를 넘을 수 없습니다. 복제본에는 비용도 듭니다: 복제본마다 그 브로커의 디스크와 네트워크를 쓰므로, 데이터 양과 보존 기간을 보고 RF를 정합니다. 브로커가 세 대 이상이면 보통 RF=3을 씁니다.",
            ),
        },
        Step {
            title: t("The leader and its followers", "리더와 팔로워"),
            narration: t(
                "Partition 0 of `orders` has three replicas. Broker {leader} holds the leader: the producer `acks1` writes to it and the group `reader` reads from it. The other two are followers: they fetch new records from the leader (every 100 ms here) and append them to their own copy. Watch for 5 s.",
                "`orders`의 파티션 0에는 복제본이 세 개 있습니다. 리더 파티션은 브로커 {leader}에 있습니다: 프로듀서 `acks1`은 리더에 쓰고, 그룹 `reader`는 리더에서 읽습니다. 나머지 둘은 팔로워 파티션입니다: 리더에서 새 레코드를 가져와(fetch, 여기서는 100ms마다) 자기 복사본 끝에 덧붙입니다. 5초 동안 지켜보세요.",
            ),
            script: Vec::new,
            play_ms: 5_000,
            spotlight: const { &[Spot::Producer(ACKS1), p0(), Spot::Broker(1), Spot::Broker(2), Spot::Broker(3)] },
            facts: const { &[
                fact("leader", At::Start, leader()),
                fact("leo", At::End, leo()),
                fact("leo2", At::End, replica_leo(2)),
                fact("leo3", At::End, replica_leo(3)),
                fact("hw", At::End, hw()),
                fact("isr", At::End, isr()),
            ] },
            question: None,
            reveal: t(
                "The leader's log ends at offset {leo}; the followers on broker 2 and broker 3 have copied up to {leo2} and {leo3}. Each replica has its own log end offset (LEO). The leader and the followers that are caught up form the ISR (in-sync replicas), {isr} replicas now. The high watermark (HW), {hw}, is how far every ISR replica has the records, as the leader knows from their last fetches. If broker {leader} died now, an ISR follower would take over as leader.",
                "리더의 로그는 오프셋 {leo}에서 끝나고, 브로커 2와 브로커 3의 팔로워는 {leo2}, {leo3}까지 복사했습니다. 복제본마다 자기 로그 끝 오프셋(LEO)이 있습니다. 리더와, 리더를 따라잡은 팔로워를 합쳐 ISR(in-sync replicas)이라고 하며 지금은 복제본 {isr}개입니다. 하이 워터마크(HW) {hw:은} 리더가 팔로워의 마지막 fetch로 아는, 모든 ISR 복제본이 레코드를 가진 곳까지입니다. 지금 브로커 {leader:이} 비정상 종료되면 ISR에 있는 팔로워가 리더를 이어받습니다.",
            ),
        },
        Step {
            title: t("What a replica costs", "복제본의 비용"),
            narration: t(
                "Every replica is a full copy of its partition, so it costs what the leader costs: disk to keep the records and network to receive them. We create two topics with one partition each (`kafka-topics --create`): `rf1` with RF 1 and `rf3` with RF 3. The producers `to-rf1` and `to-rf3` each send 20 records of 1000 bytes per second to their topic. After 10 s both stop, and we wait 1 s more so the followers finish copying. In the app, the Brokers tab shows each broker's bytes.",
                "복제본은 파티션 전체의 사본이므로 리더와 같은 비용이 듭니다: 레코드를 담을 디스크와 레코드를 받아 올 네트워크입니다. 파티션이 하나인 토픽 두 개를 만듭니다(`kafka-topics --create`): RF 1인 `rf1`과 RF 3인 `rf3`입니다. 프로듀서 `to-rf1`과 `to-rf3`은 각자 자기 토픽에 1000바이트짜리 레코드를 초당 20개씩 보냅니다. 10초 뒤 둘 다 멈추고, 팔로워가 복사를 마치도록 1초 더 기다립니다. 앱에서는 브로커 탭에서 브로커마다 바이트를 볼 수 있습니다.",
            ),
            script: || vec![
                (0, create_topic(RF1, 1)),
                (0, create_topic(RF3, 3)),
                (0, Command::AddProducer(cost_producer(TO_RF1, RF1))),
                (0, Command::AddProducer(cost_producer(TO_RF3, RF3))),
                (COST_SEND_MS, Command::RemoveProducer { producer: TO_RF1.into() }),
                (COST_SEND_MS, Command::RemoveProducer { producer: TO_RF3.into() }),
            ],
            play_ms: COST_SEND_MS + 1_000,
            spotlight: const { &[
                Spot::Producer(TO_RF1),
                Spot::Producer(TO_RF3),
                Spot::Partition { topic: RF1, partition: 0 },
                Spot::Partition { topic: RF3, partition: 0 },
            ] },
            facts: const { &[
                fact("ratio", At::End, Probe::TrafficRatio { a: RF3, b: RF1, field: TrafficField::DiskBytes }),
                fact("disk1", At::End, traffic(RF1, TrafficField::DiskBytes)),
                fact("disk3", At::End, traffic(RF3, TrafficField::DiskBytes)),
                fact("in1", At::End, traffic(RF1, TrafficField::BytesIn)),
                fact("in3", At::End, traffic(RF3, TrafficField::BytesIn)),
                fact("rep1", At::End, traffic(RF1, TrafficField::ReplicationBytes)),
                fact("rep3", At::End, traffic(RF3, TrafficField::ReplicationBytes)),
                fact("net1", At::End, traffic(RF1, TrafficField::NetworkIn)),
                fact("net3", At::End, traffic(RF3, TrafficField::NetworkIn)),
                fact("net_ratio", At::End, Probe::TrafficRatio { a: RF3, b: RF1, field: TrafficField::NetworkIn }),
            ] },
            question: Some(Question {
                prompt: t(
                    "The same records go to both topics. How much disk will `rf3` take across the brokers, compared with `rf1`?",
                    "두 토픽에 같은 레코드가 들어갑니다. 브로커 전체에서 `rf3`은 `rf1`에 비해 디스크를 얼마나 쓸까요?",
                ),
                answer: "ratio",
                choices: const { &[
                    Choice { text: t("The same", "같습니다"), value: Expect::Int(1) },
                    Choice { text: t("Twice as much", "두 배"), value: Expect::Int(2) },
                    Choice { text: t("Three times as much", "세 배"), value: Expect::Int(3) },
                    Choice { text: t("Nine times as much", "아홉 배"), value: Expect::Int(9) },
                ] },
            }),
            reveal: t(
                "`rf3` takes {ratio} times the disk of `rf1`: {disk3} bytes against {disk1}. Both producers sent the same records ({in1} and {in3} bytes in), and every follower of `rf3` fetched each byte its leader took and wrote it to its own disk: {rep3} replication bytes for `rf3`, (RF-1) × bytes in, and {rep1} for `rf1`. Counting the bytes the brokers received over the network (produce plus replication), `rf3` cost {net3} and `rf1` {net1}, {net_ratio} times as much. So RF=3 triples the disk and the incoming network: in exchange the data survives the loss of a broker, and disks and network links must be sized for it. Where the course simplifies: Kafka also pays replication on the leader's outgoing network (ReplicationBytesOutPerSec, the same bytes again), and its segments carry small index files.",
                "`rf3`은 `rf1`보다 디스크를 {ratio}배 씁니다: {disk3}바이트 대 {disk1}바이트입니다. 두 프로듀서는 같은 레코드를 보냈고(들어온 바이트 {in1}, {in3}), `rf3`의 팔로워는 리더가 받은 바이트를 모두 가져와 자기 디스크에 썼습니다: 복제 바이트는 `rf3`이 {rep3:으로} (RF-1) × 들어온 바이트이고, `rf1`은 {rep1}입니다. 브로커가 네트워크로 받은 바이트(프로듀스와 복제)로 세면 `rf3`은 {net3}, `rf1`은 {net1:으로} {net_ratio}배입니다. 그러니 RF=3은 디스크와 들어오는 네트워크를 세 배로 씁니다: 그 대가로 브로커 하나를 잃어도 데이터가 남으며, 디스크와 네트워크 용량도 그만큼 준비해야 합니다. 이 코스가 단순화한 점: 카프카는 리더의 나가는 네트워크에도 복제 비용을 한 번 더 치르고(ReplicationBytesOutPerSec), 세그먼트마다 작은 인덱스 파일도 둡니다.",
            ),
        },
        Step {
            title: t("Reading a replicated topic", "복제된 토픽 읽기"),
            narration: t(
                "Now a consumer group reads each topic from its start: `read-rf1` reads `rf1` and `read-rf3` reads `rf3`, the same records. Watch for 4 s.",
                "이제 컨슈머 그룹이 토픽마다 처음부터 읽습니다: `read-rf1`은 `rf1`을, `read-rf3`은 `rf3`을 읽으며, 레코드는 같습니다. 4초 동안 지켜보세요.",
            ),
            script: || vec![
                (0, Command::AddGroup(reader_of(READ_RF1, RF1))),
                (0, Command::AddGroup(reader_of(READ_RF3, RF3))),
            ],
            play_ms: 4_000,
            spotlight: const { &[
                Spot::Group(READ_RF1),
                Spot::Group(READ_RF3),
                Spot::Partition { topic: RF1, partition: 0 },
                Spot::Partition { topic: RF3, partition: 0 },
            ] },
            facts: const { &[
                fact("ratio", At::End, Probe::TrafficRatio { a: RF3, b: RF1, field: TrafficField::BytesOut }),
                fact("out1", At::End, traffic(RF1, TrafficField::BytesOut)),
                fact("out3", At::End, traffic(RF3, TrafficField::BytesOut)),
                fact("leader3", At::End, Probe::Leader { topic: RF3, partition: 0 }),
            ] },
            question: Some(Question {
                prompt: t(
                    "How many bytes will the brokers send to `read-rf3`, compared with `read-rf1`?",
                    "브로커가 `read-rf3`에 보내는 바이트는 `read-rf1`에 비해 얼마나 될까요?",
                ),
                answer: "ratio",
                choices: const { &[
                    Choice { text: t("Three times as many: one copy from each replica", "세 배: 복제본마다 한 벌씩"), value: Expect::Int(3) },
                    Choice { text: t("The same", "같습니다"), value: Expect::Int(1) },
                ] },
            }),
            reveal: t(
                "The brokers sent {out3} bytes to `read-rf3` and {out1} to `read-rf1`: each group got every record once. A consumer fetches a partition from its leader only (broker {leader3} for `rf3`), never from every replica, so the replication factor multiplies what writing costs (disk and replication), not what reading costs. Kafka can also let a consumer read from a follower in its own rack or zone, to save traffic between zones (KIP-392, `client.rack`); it still reads each record once.",
                "브로커는 `read-rf3`에 {out3}바이트, `read-rf1`에 {out1}바이트를 보냈습니다: 두 그룹 모두 레코드를 한 번씩 받았습니다. 컨슈머는 파티션을 리더에서만 가져오고(`rf3`은 브로커 {leader3}) 모든 복제본에서 읽지 않으므로, 복제 팩터는 쓰기 비용(디스크와 복제)을 늘릴 뿐 읽기 비용은 늘리지 않습니다. 카프카는 컨슈머가 같은 rack(보통 같은 가용 영역)에 있는 팔로워에서 읽게 할 수도 있는데(KIP-392, `client.rack`), 가용 영역 사이 트래픽을 아끼려는 것이며 이때도 레코드마다 한 번만 읽습니다.",
            ),
        },
        Step {
            title: t("Consumers read below the high watermark", "컨슈머는 하이 워터마크 아래만 읽습니다"),
            narration: t(
                "Now the network between broker 3 and the other brokers fails. Broker 3 keeps running and the controller still sees it, but its follower cannot fetch from the leader. The producer keeps writing to the leader (its log ends at offset {leo} so far), and `reader` reads as fast as it can.",
                "이제 브로커 3과 다른 브로커 사이의 네트워크가 끊깁니다. 브로커 3은 계속 돌아가고 컨트롤러도 여전히 보지만, 그 팔로워는 리더에서 가져올 수 없습니다. 프로듀서는 리더에 계속 쓰고(지금 로그 끝은 오프셋 {leo}) `reader`는 최대한 빨리 읽습니다.",
            ),
            script: || vec![(0, Command::IsolateBroker { broker: 3 })],
            play_ms: 5_000,
            spotlight: const { &[p0(), Spot::Broker(3), Spot::Group(READER)] },
            facts: const { &[
                fact("leo", At::Start, leo()),
                fact("leo_end", At::End, leo()),
                fact("hw_end", At::End, hw()),
                fact("pos", At::End, position()),
            ] },
            question: Some(Question {
                prompt: t("Where will `reader` be after 5 s?", "5초 뒤 `reader`는 어디까지 읽었을까요?"),
                answer: "pos",
                choices: const { &[
                    Choice {
                        text: t("At the leader's log end: it reads whatever the leader has", "리더의 로그 끝: 리더에 있는 것은 다 읽습니다"),
                        value: Expect::Fact("leo_end"),
                    },
                    Choice {
                        text: t("At the high watermark, held back by broker 3", "브로커 3 때문에 멈춘 하이 워터마크"),
                        value: Expect::Fact("hw_end"),
                    },
                ] },
            }),
            reveal: t(
                "`reader` stopped at offset {pos}, the HW, while the leader's log reached {leo_end}. Broker 3 is still in the ISR but cannot fetch, so the HW stays where its last fetch left it. Consumers read only below the HW: a record above it is not on every ISR replica yet, and if the leader died it could vanish after a consumer had read it.",
                "`reader`는 HW인 오프셋 {pos}에서 멈췄고, 리더의 로그는 {leo_end}까지 늘었습니다. 브로커 3은 아직 ISR에 있는데 가져오지 못하므로, HW는 브로커 3의 마지막 fetch가 남긴 자리에 머뭅니다. 컨슈머는 HW 아래만 읽습니다: HW 위의 레코드는 아직 모든 ISR 복제본에 있지 않아서, 리더가 비정상 종료되면 컨슈머가 읽은 뒤에 사라질 수도 있기 때문입니다.",
            ),
        },
        Step {
            title: t("A follower that stays behind leaves the ISR", "계속 뒤처진 팔로워는 ISR에서 빠집니다"),
            narration: t(
                "Broker 3 stays cut off. A follower leaves the ISR only when it has not caught up to the leader's log end for `replica.lag.time.max.ms` (Kafka's default is 30000; this cluster uses 10000 so it plays faster). Broker 3 has been cut off for 5 s; the ISR has {isr} replicas.",
                "브로커 3은 계속 끊겨 있습니다. 팔로워는 `replica.lag.time.max.ms` 동안 리더의 로그 끝을 따라잡지 못했을 때에만 ISR에서 빠집니다(카프카 기본값은 30000이고, 빨리 보려고 이 클러스터는 10000을 씁니다). 브로커 3이 끊긴 지 5초가 지났고, ISR에는 복제본이 {isr}개 있습니다.",
            ),
            script: Vec::new,
            play_ms: 12_000,
            spotlight: const { &[p0(), Spot::Broker(3)] },
            facts: const { &[
                fact("isr", At::Start, isr()),
                fact("isr_end", At::End, isr()),
                fact("hw_end", At::End, hw()),
                fact("pos_end", At::End, position()),
            ] },
            question: Some(Question {
                prompt: t(
                    "How many replicas will the ISR have after 12 more seconds?",
                    "12초 뒤 ISR에는 복제본이 몇 개 있을까요?",
                ),
                answer: "isr_end",
                choices: const { &[
                    Choice {
                        text: t("Two: broker 3 drops out", "두 개: 브로커 3이 빠집니다"),
                        value: Expect::Int(2),
                    },
                    Choice {
                        text: t("Still {isr}: broker 3 is running and registered", "그대로 {isr}개: 브로커 3은 돌아가고 있고 등록되어 있습니다"),
                        value: Expect::Int(3),
                    },
                ] },
            }),
            reveal: t(
                "The ISR is down to {isr_end} replicas: the leader found broker 3 not caught up for longer than `replica.lag.time.max.ms` and removed it (`Partition.maybeShrinkIsr`), although broker 3 is running and registered. The ISR is the caught-up subset of the replicas, not all of them. With broker 3 out, the HW moved on to {hw_end} and `reader` reads again (at {pos_end}).",
                "ISR의 복제본이 {isr_end}개로 줄었습니다: 리더가 브로커 3이 `replica.lag.time.max.ms`보다 오래 따라잡지 못한 것을 보고 ISR에서 뺐습니다(`Partition.maybeShrinkIsr`). 브로커 3은 돌아가고 있고 컨트롤러에 등록되어 있는데도 그렇습니다. ISR은 복제본 전체가 아니라 따라잡은 복제본만입니다. 브로커 3이 빠지자 HW가 {hw_end}까지 나아갔고 `reader`도 다시 읽습니다(지금 {pos_end}).",
            ),
        },
        Step {
            title: t("Caught up, it rejoins", "따라잡으면 돌아옵니다"),
            narration: t(
                "The network is repaired: broker 3 can fetch again. Its copy ends at offset {leo3}, the leader's log at {leo}.",
                "네트워크가 복구되어 브로커 3이 다시 가져올 수 있습니다. 브로커 3의 복사본은 오프셋 {leo3}에서, 리더의 로그는 {leo}에서 끝납니다.",
            ),
            script: || vec![(0, Command::HealBroker { broker: 3 })],
            play_ms: 3_000,
            spotlight: const { &[p0(), Spot::Broker(3)] },
            facts: const { &[
                fact("leo3", At::Start, replica_leo(3)),
                fact("leo", At::Start, leo()),
                fact("leo3_end", At::End, replica_leo(3)),
                fact("leo_end", At::End, leo()),
                fact("isr_end", At::End, isr()),
            ] },
            question: None,
            reveal: t(
                "Broker 3 copied what it had missed (its log now ends at {leo3_end}, the leader's at {leo_end}) and rejoined the ISR once it reached the HW (`Partition.maybeExpandIsr`): the ISR has {isr_end} replicas again. A follower that fell behind comes back as soon as it catches up.",
                "브로커 3은 놓친 레코드를 복사했고(지금 로그 끝 {leo3_end}, 리더는 {leo_end}) HW에 닿자 ISR에 다시 들어갔습니다(`Partition.maybeExpandIsr`): ISR의 복제본이 다시 {isr_end}개입니다. 뒤처졌던 팔로워도 따라잡으면 바로 돌아옵니다.",
            ),
        },
        Step {
            title: t("Three producers, three acks", "프로듀서 셋, acks 셋"),
            narration: t(
                "Two more producers write to the same partition at the same rate as `acks1`: `acks0` with acks=0 (it waits for no answer) and `acks-all` with acks=all (the leader answers once every ISR replica has the records). To see what acks changes, the followers must be behind when the leader dies. In a healthy cluster they trail by milliseconds, too short a window to watch, so we slow both followers down: they now fetch only every 2 s. Watch for 6 s.",
                "프로듀서 두 개가 같은 파티션에 `acks1`과 같은 속도로 더 씁니다: acks=0인 `acks0`(아무 응답도 기다리지 않음)과 acks=all인 `acks-all`(모든 ISR 복제본이 레코드를 가진 뒤에 리더가 응답)입니다. acks가 무엇을 바꾸는지 보려면 리더가 비정상 종료될 때 팔로워가 뒤처져 있어야 합니다. 건강한 클러스터에서는 팔로워가 몇 밀리초만 뒤처져서 그 틈이 너무 짧으므로, 두 팔로워를 느리게 만듭니다: 이제 2초마다 한 번만 가져옵니다. 6초 동안 지켜보세요.",
            ),
            script: || vec![
                (0, Command::AddProducer(producer(ACKS0, Acks::None))),
                (0, Command::AddProducer(producer(ACKS_ALL, Acks::All))),
                (0, Command::SlowBroker { broker: 2, factor: 20 }),
                (0, Command::SlowBroker { broker: 3, factor: 20 }),
            ],
            // Ends just before the followers' next fetch (every 2 s from the
            // first one after slowing), so they are almost 2 s behind.
            play_ms: 6_000,
            spotlight: const { &[
                Spot::Producer(ACKS0),
                Spot::Producer(ACKS1),
                Spot::Producer(ACKS_ALL),
                p0(),
            ] },
            facts: const { &[
                fact("leo", At::End, leo()),
                fact("leo2", At::End, replica_leo(2)),
                fact("leo3", At::End, replica_leo(3)),
                fact("hw", At::End, hw()),
                fact("isr", At::End, isr()),
                fact("acked_all", At::End, Probe::Acked { producer: ACKS_ALL }),
            ] },
            question: None,
            reveal: t(
                "The leader's log ends at offset {leo}, broker 2's at {leo2}, broker 3's at {leo3}, and the HW is {hw}. Both followers are still in the ISR ({isr} replicas): each fetch takes them to the leader's log end, and a follower leaves only when it has not caught up for `replica.lag.time.max.ms` (`Replica.isCaughtUp`). One that fetches rarely but catches up each time stays in. `acks-all` waits for them ({acked_all} of its records acknowledged so far), while `acks1` is answered as soon as the leader has its records.",
                "리더의 로그는 오프셋 {leo}에서, 브로커 2의 로그는 {leo2}에서, 브로커 3의 로그는 {leo3}에서 끝나고 HW는 {hw}입니다. 두 팔로워는 여전히 ISR에 있습니다(복제본 {isr}개): 가져올 때마다 리더의 로그 끝까지 따라잡고, 팔로워는 `replica.lag.time.max.ms` 동안 따라잡지 못해야 빠지기 때문입니다(`Replica.isCaughtUp`). 드물게 가져와도 매번 따라잡는 팔로워는 ISR에 남습니다. `acks-all`은 팔로워를 기다리고(지금까지 응답받은 레코드 {acked_all}개), `acks1`은 리더가 레코드를 받자마자 응답을 받습니다.",
            ),
        },
        Step {
            title: t("The leader crashes", "리더가 비정상 종료됩니다"),
            narration: t(
                "Broker 1, the leader, has a log ending at offset {leo}, and it has acknowledged every `acks1` record in it. Broker 2's copy ends at {f2}, broker 3's at {f3}. Broker 1 now crashes; the controller notices after `broker.session.timeout.ms` (9 s) and elects a new leader from the ISR.",
                "리더인 브로커 1의 로그는 오프셋 {leo}에서 끝나고, 그 안의 `acks1` 레코드는 모두 응답(ack)을 받았습니다. 브로커 2의 복사본은 {f2}에서, 브로커 3의 복사본은 {f3}에서 끝납니다. 이제 브로커 1이 갑자기 비정상 종료됩니다. 컨트롤러는 `broker.session.timeout.ms`(9초) 뒤에 알아채고 ISR에서 새 리더를 뽑습니다.",
            ),
            script: || vec![(0, Command::KillBroker { broker: 1 })],
            play_ms: 12_000,
            spotlight: const { &[Spot::Broker(1), p0(), Spot::Producer(ACKS1)] },
            facts: const { &[
                fact("leo", At::Start, leo()),
                fact("f2", At::Start, replica_leo(2)),
                fact("f3", At::Start, replica_leo(3)),
                fact("kept", At::End, lost_from()),
                fact("leader", At::End, leader()),
                fact("lost1", At::End, acked_lost(ACKS1)),
                fact("lost0", At::End, Probe::UnackedLost { producer: ACKS0 }),
                fact("lost_all", At::End, acked_lost(ACKS_ALL)),
                fact("acked_all", At::Start, Probe::Acked { producer: ACKS_ALL }),
            ] },
            question: Some(Question {
                prompt: t(
                    "`acks1` was told each of its records was written. Which records of partition 0 survive the crash?",
                    "`acks1`은 레코드마다 쓰였다는 응답을 받았습니다. 파티션 0의 어떤 레코드가 살아남을까요?",
                ),
                answer: "kept",
                choices: const { &[
                    Choice {
                        text: t("Everything below offset {leo}: the leader acknowledged it", "오프셋 {leo} 아래 전부: 리더가 응답했으니까요"),
                        value: Expect::Fact("leo"),
                    },
                    Choice {
                        text: t("Only what the followers had copied: below offset {f2}", "팔로워가 복사한 것만: 오프셋 {f2} 아래"),
                        value: Expect::Fact("f2"),
                    },
                ] },
            }),
            reveal: t(
                "Broker {leader} took over with its log ending at offset {kept}: the records from offset {kept} on existed only on broker 1 and are gone. `acks1` lost {lost1} records it had been told were written. `acks0` lost {lost0} and was never told: it waits for no answer, and it also kept sending into the dead broker. `acks-all` had {acked_all} records acknowledged and lost {lost_all} of them: the leader had not yet answered for the records the followers lacked, so the producer sent those again to the new leader.",
                "브로커 {leader:이} 로그 끝 {kept}인 채로 리더가 되었습니다: 오프셋 {kept}부터의 레코드는 브로커 1에만 있었으므로 사라졌습니다. `acks1`은 쓰였다고 응답받은 레코드 {lost1}개를 잃었습니다. `acks0`은 {lost0}개를 잃었고 그 사실을 모릅니다: 응답을 기다리지 않고, 비정상 종료된 브로커에도 계속 보냈기 때문입니다. `acks-all`은 응답받은 레코드 {acked_all}개 중 {lost_all}개를 잃었습니다: 팔로워에 없던 레코드에는 리더가 아직 응답하지 않았으므로, 프로듀서가 그 레코드를 새 리더에 다시 보냈습니다.",
            ),
        },
        Step {
            title: t("min.insync.replicas and NOT_ENOUGH_REPLICAS", "min.insync.replicas와 NOT_ENOUGH_REPLICAS"),
            narration: t(
                "`orders` now gets `min.insync.replicas=2`: an acks=all write needs at least two ISR replicas. The followers fetch at the normal pace again. Broker 1 is still down, and broker 3 now shuts down too: two of the three brokers are down, and the ISR is broker 2 alone.",
                "`orders`에 `min.insync.replicas=2`를 설정합니다: acks=all 쓰기에는 ISR 복제본이 두 개 이상 필요합니다. 팔로워는 다시 보통 속도로 가져옵니다. 브로커 1은 아직 꺼져 있고, 이제 브로커 3도 종료됩니다: 브로커 세 대 중 두 대가 꺼지고 ISR에는 브로커 2만 남습니다.",
            ),
            script: || vec![
                (0, min_isr(2)),
                (0, Command::SlowBroker { broker: 2, factor: 1 }),
                (0, Command::SlowBroker { broker: 3, factor: 1 }),
                (0, Command::ShutdownBroker { broker: 3 }),
            ],
            play_ms: 4_000,
            spotlight: const { &[Spot::Producer(ACKS_ALL), Spot::Broker(2), p0()] },
            facts: const { &[
                fact("leo_start", At::Start, leo()),
                fact("err", At::End, Probe::ProduceError { producer: ACKS_ALL }),
                fact("isr", At::End, isr()),
                fact("leo_end", At::End, leo()),
                fact("hw_end", At::End, hw()),
            ] },
            question: Some(Question {
                prompt: t(
                    "RF 3, `min.insync.replicas=2`, two brokers down: can `acks-all` still write?",
                    "RF 3, `min.insync.replicas=2`, 브로커 두 대가 꺼졌습니다. `acks-all`은 아직 쓸 수 있을까요?",
                ),
                answer: "err",
                choices: const { &[
                    Choice {
                        text: t("No: the leader refuses with NOT_ENOUGH_REPLICAS", "아니요: 리더가 NOT_ENOUGH_REPLICAS로 거부합니다"),
                        value: Expect::Word("NOT_ENOUGH_REPLICAS"),
                    },
                    Choice {
                        text: t("Yes: broker 2 is up and leads", "예: 브로커 2가 살아 있고 리더입니다"),
                        value: Expect::Word("OK"),
                    },
                ] },
            }),
            reveal: t(
                "`acks-all` got {err}: the ISR has {isr} replica, fewer than `min.insync.replicas=2`, so the leader refuses acks=all writes rather than keep them on a single copy, and the producer retries until `delivery.timeout.ms`. `acks1` still writes (the log grew from {leo_start} to {leo_end}): acks=1 never looks at `min.insync.replicas`. But since KIP-966 the HW does not move while the ISR is below the minimum, so it stays at {hw_end} and `reader` does not see those records yet.",
                "`acks-all`은 {err:을} 받았습니다: ISR의 복제본이 {isr}개로 `min.insync.replicas=2`보다 적어서, 리더는 복사본 하나에만 남을 acks=all 쓰기를 거부하고 프로듀서는 `delivery.timeout.ms`까지 재시도합니다. `acks1`은 계속 씁니다(로그가 {leo_start}에서 {leo_end}까지 늘었습니다): acks=1은 `min.insync.replicas`를 보지 않습니다. 하지만 KIP-966 이후 카프카는 ISR이 최솟값보다 작은 동안 HW를 올리지 않으므로, HW는 {hw_end}에 머물고 `reader`는 아직 이 레코드를 읽지 못합니다.",
            ),
        },
        Step {
            title: t("acks=all with min.insync.replicas=1", "min.insync.replicas=1일 때의 acks=all"),
            narration: t(
                "Back to `min.insync.replicas=1`, the default. The ISR is still broker 2 alone, so acks=all now waits for broker 2 alone. After 4 s broker 2 crashes too; 10 s later broker 3, shut down a while ago, starts again. Its copy of partition 0 ends at offset {leo3}.",
                "`min.insync.replicas`를 기본값 1로 되돌립니다. ISR은 여전히 브로커 2뿐이므로, 이제 acks=all은 브로커 2 하나만 기다립니다. 4초 뒤 브로커 2도 비정상 종료되고, 그 10초 뒤 아까 종료된 브로커 3이 다시 켜집니다. 브로커 3의 파티션 0 복사본은 오프셋 {leo3}에서 끝납니다.",
            ),
            script: || vec![
                (0, min_isr(1)),
                (4_000, Command::KillBroker { broker: 2 }),
                (14_000, Command::RestartBroker { broker: 3 }),
            ],
            play_ms: 16_000,
            spotlight: const { &[Spot::Producer(ACKS_ALL), Spot::Broker(2), Spot::Broker(3), p0()] },
            facts: const { &[
                fact("leo3", At::Start, replica_leo(3)),
                fact("acked_all", At::Start, Probe::Acked { producer: ACKS_ALL }),
                fact("online", At::End, Probe::Online { topic: TOPIC, partition: 0 }),
                fact("leader", At::End, leader()),
                fact("acked_all_end", At::End, Probe::Acked { producer: ACKS_ALL }),
            ] },
            question: Some(Question {
                prompt: t(
                    "Broker 3 comes back with a copy of partition 0, but it is not in the ISR. Does partition 0 get a leader?",
                    "브로커 3이 파티션 0의 복사본을 가지고 돌아오지만 ISR에는 없습니다. 파티션 0에 리더가 생길까요?",
                ),
                answer: "online",
                choices: const { &[
                    Choice {
                        text: t("Yes: broker 3 is the only live replica, so it leads", "예: 살아 있는 복제본은 브로커 3뿐이니 리더가 됩니다"),
                        value: Expect::Bool(true),
                    },
                    Choice {
                        text: t("No: partition 0 stays offline", "아니요: 파티션 0은 오프라인으로 남습니다"),
                        value: Expect::Bool(false),
                    },
                ] },
            }),
            reveal: t(
                "Partition 0's leader: {leader}. While broker 2 was the whole ISR, it acknowledged acks=all records by itself (`acks-all` went from {acked_all} to {acked_all_end} acknowledged records): with `min.insync.replicas=1`, acks=all is no safer than acks=1. Broker 3's copy ends at offset {leo3}, short of the newest of them, and by default (`unclean.leader.election.enable=false`) Kafka elects only an ISR member, so the partition stays offline until broker 2 returns: nothing is lost, but nobody can write to it or read from it.",
                "파티션 0의 리더: {leader}. ISR이 브로커 2 하나뿐이던 동안 브로커 2는 acks=all 레코드에 혼자 응답했습니다(`acks-all`의 응답받은 레코드가 {acked_all}개에서 {acked_all_end}개로 늘었습니다): `min.insync.replicas=1`이면 acks=all도 acks=1보다 안전하지 않습니다. 브로커 3의 복사본은 오프셋 {leo3}에서 끝나서 그중 최근 레코드가 없고, 카프카는 기본값(`unclean.leader.election.enable=false`)에서는 ISR 복제본만 리더로 뽑으므로 브로커 2가 돌아올 때까지 파티션은 오프라인입니다. 잃은 것은 없지만 아무도 쓰거나 읽을 수 없습니다.",
            ),
        },
        Step {
            title: t("Unclean election: availability for data", "unclean 선출: 데이터를 내주고 가용성을"),
            narration: t(
                "We turn on `unclean.leader.election.enable` for `orders`: when no ISR replica is alive, an out-of-sync replica may lead. So far `acks-all` has lost {lost_before} acknowledged records.",
                "`orders`에 `unclean.leader.election.enable`을 켭니다: 살아 있는 ISR 복제본이 없으면 ISR 밖의 복제본도 리더가 될 수 있습니다. 지금까지 `acks-all`이 잃은, 응답받은 레코드는 {lost_before}개입니다.",
            ),
            script: || vec![(
                0,
                topic_change(TopicConfigChange {
                    unclean_leader_election_enable: Some(true),
                    ..TopicConfigChange::default()
                }),
            )],
            play_ms: 3_000,
            spotlight: const { &[Spot::Broker(3), p0(), Spot::Producer(ACKS_ALL)] },
            facts: const { &[
                fact("lost_before", At::Start, acked_lost(ACKS_ALL)),
                fact("leader", At::End, leader()),
                fact("kept", At::End, lost_from()),
                fact("lost_after", At::End, acked_lost(ACKS_ALL)),
                fact("lost1_after", At::End, acked_lost(ACKS1)),
            ] },
            question: Some(Question {
                prompt: t(
                    "Broker 3 becomes the leader. What happens to the `acks-all` records broker 2 acknowledged alone?",
                    "브로커 3이 리더가 됩니다. 브로커 2가 혼자 응답한 `acks-all` 레코드는 어떻게 될까요?",
                ),
                answer: "lost_after",
                choices: const { &[
                    Choice {
                        text: t("They are lost", "사라집니다"),
                        value: Expect::NotFact("lost_before"),
                    },
                    Choice {
                        text: t("They survive: they were written with acks=all", "살아남습니다: acks=all로 썼으니까요"),
                        value: Expect::Fact("lost_before"),
                    },
                ] },
            }),
            reveal: t(
                "Broker {leader} leads and partition 0 is available again, but its log ends at offset {kept}: everything after it existed only on broker 2. `acks-all` has now lost {lost_after} acknowledged records (`acks1`: {lost1_after} in all). An unclean election trades acknowledged records for availability. acks=all means no loss only with `min.insync.replicas` of at least two (RF=3 with `min.insync.replicas=2` is the usual choice) and unclean election off.",
                "브로커 {leader:이} 리더가 되어 파티션 0을 다시 쓸 수 있지만, 그 로그는 오프셋 {kept}에서 끝납니다: 그 뒤의 레코드는 브로커 2에만 있었습니다. 이제 `acks-all`이 잃은, 응답받은 레코드는 {lost_after}개입니다(`acks1`은 모두 {lost1_after}개). unclean 선출은 응답받은 레코드를 내주고 가용성을 얻습니다. acks=all이 손실 없음을 뜻하려면 `min.insync.replicas=2` 이상이고(보통 RF=3에 `min.insync.replicas=2`) unclean 선출이 꺼져 있어야 합니다.",
            ),
        },
    ]
    };
    Lesson { id: "ch3", title: t("Brokers, replication, ISR, acks", "브로커, 복제, ISR, acks"), config, steps }
}
