//! Chapter 1: why Kafka (카프카 개요).
//! The shop's source systems wired straight to its target systems need a
//! pipeline per pair (N×M), each with its own protocol, format and way of
//! breaking; through Kafka each system has one connection (N+M): sources only
//! write to topics, targets only read from them. Then the shop live: a new
//! target is a new consumer group, no producer changes, and with
//! `auto.offset.reset=earliest` it reads the topic's history from the log
//! start (a topic is a log: reading removes nothing, `UnifiedLog` deletes only
//! by retention).
//!
//! The first steps show a diagram ([`Wiring`], constant data drawn by the app
//! and counted by [`Probe::Links`]) instead of the cluster.

use super::{fact, t, At, Choice, Expect, Lesson, Probe, Question, Spot, Step, Text};
use crate::command::Command;
use crate::config::{GroupConfig, OffsetReset};

/// Which end of the data a system is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Produces data (a producer, once Kafka is in the middle).
    Source,
    /// Uses data (a consumer group).
    Target,
}

/// A system of the shop.
#[derive(Debug, PartialEq, Eq)]
pub struct System {
    pub id: &'static str,
    pub name: Text,
    pub side: Side,
}

/// How a direct pipeline moves data, and how it breaks when the source's
/// format changes.
#[derive(Debug, PartialEq, Eq)]
pub struct Protocol {
    pub label: Text,
    pub failure: Text,
}

/// What a link carries.
#[derive(Debug, PartialEq, Eq)]
pub enum Via {
    /// A point-to-point pipeline with its own protocol.
    Direct(&'static Protocol),
    /// A connection to Kafka: the topics the system writes or reads.
    Kafka(&'static [&'static str]),
}

/// One line of the diagram. Through Kafka one end is [`KAFKA`].
#[derive(Debug, PartialEq, Eq)]
pub struct Link {
    pub from: &'static str,
    pub to: &'static str,
    pub via: Via,
}

/// The hub's id in [`Link`]s.
pub const KAFKA: &str = "kafka";

/// The diagram a step shows instead of the cluster: systems and the links
/// between them, point to point or through Kafka.
#[derive(Debug, PartialEq, Eq)]
pub struct Wiring {
    pub systems: &'static [System],
    pub links: &'static [Link],
    /// The topics inside the Kafka box; empty when wired point to point.
    pub topics: &'static [&'static str],
    /// A source whose data format changed: every link out of it breaks.
    pub changed: Option<&'static str>,
    /// The diagram the step opens on; it turns into this one as the step plays.
    pub before: Option<&'static Wiring>,
}

impl Wiring {
    pub fn through_kafka(&self) -> bool {
        !self.topics.is_empty()
    }

    pub fn systems_on(&self, side: Side) -> impl Iterator<Item = &'static System> {
        self.systems.iter().filter(move |s| s.side == side)
    }

    /// The links that break because `changed` changed its format.
    pub fn broken(&self) -> impl Iterator<Item = &'static Link> + '_ {
        self.links.iter().filter(|l| Some(l.from) == self.changed)
    }
}

const fn sys(id: &'static str, en: &'static str, ko: &'static str, side: Side) -> System {
    System { id, name: t(en, ko), side }
}

/// The shop's systems: sources first; log storage last (it is added in step 2).
const SYSTEMS: [System; 9] = [
    sys("web", "Web front end", "웹 프런트엔드", Side::Source),
    sys("app", "Mobile app", "모바일 앱", Side::Source),
    sys("checkout", "Checkout (payments)", "결제 서비스", Side::Source),
    sys("stock", "Inventory", "재고 서비스", Side::Source),
    sys("analytics", "Analytics warehouse", "분석 웨어하우스", Side::Target),
    sys("recommendations", "Recommendation engine", "추천 엔진", Side::Target),
    sys("billing", "Billing", "정산 시스템", Side::Target),
    sys("fraud", "Fraud detection", "이상 거래 탐지", Side::Target),
    sys("logs", "Log storage", "로그 저장소", Side::Target),
];

const CSV_FTP: Protocol = Protocol {
    label: t("CSV files over FTP", "FTP로 CSV 파일"),
    failure: t("a column moved: wrong amounts loaded", "열 순서가 바뀌어 엉뚱한 금액이 적재됨"),
};
const JSON_HTTP: Protocol = Protocol {
    label: t("JSON over HTTP", "HTTP로 JSON"),
    failure: t("400 Bad Request: unknown field", "400 Bad Request: 모르는 필드"),
};
const JDBC: Protocol = Protocol {
    label: t("JDBC inserts into its database", "JDBC로 DB에 직접 INSERT"),
    failure: t("INSERT fails: column type changed", "INSERT 실패: 열 타입이 바뀜"),
};
const GRPC: Protocol = Protocol {
    label: t("Protobuf over gRPC", "gRPC로 Protobuf"),
    failure: t("old .proto: the field reads as 0", "예전 .proto라 필드가 0으로 읽힘"),
};
const SYSLOG: Protocol = Protocol {
    label: t("syslog over UDP", "UDP로 syslog"),
    failure: t("parser skips the lines: logs silently lost", "파서가 줄을 건너뛰어 로그가 조용히 손실됨"),
};
const SOAP: Protocol = Protocol {
    label: t("XML over SOAP", "SOAP로 XML"),
    failure: t("schema validation fails: calls rejected", "스키마 검증 실패로 호출이 거부됨"),
};

const fn direct(from: &'static str, to: &'static str, protocol: &'static Protocol) -> Link {
    Link { from, to, via: Via::Direct(protocol) }
}

/// Every source to every target, each pipeline with its own protocol; the
/// links to log storage last (the first 16 wire the shop without it).
const PIPELINES: [Link; 20] = [
    direct("web", "analytics", &CSV_FTP),
    direct("web", "recommendations", &JSON_HTTP),
    direct("web", "billing", &JSON_HTTP),
    direct("web", "fraud", &GRPC),
    direct("app", "analytics", &JSON_HTTP),
    direct("app", "recommendations", &GRPC),
    direct("app", "billing", &SOAP),
    direct("app", "fraud", &JSON_HTTP),
    direct("checkout", "analytics", &CSV_FTP),
    direct("checkout", "recommendations", &JSON_HTTP),
    direct("checkout", "billing", &JDBC),
    direct("checkout", "fraud", &GRPC),
    direct("stock", "analytics", &JDBC),
    direct("stock", "recommendations", &CSV_FTP),
    direct("stock", "billing", &SOAP),
    direct("stock", "fraud", &JSON_HTTP),
    direct("web", "logs", &SYSLOG),
    direct("app", "logs", &SYSLOG),
    direct("checkout", "logs", &SYSLOG),
    direct("stock", "logs", &SYSLOG),
];

const fn kafka(from: &'static str, to: &'static str, topics: &'static [&'static str]) -> Link {
    Link { from, to, via: Via::Kafka(topics) }
}

const TOPICS: [&str; 3] = ["clicks", "payments", "stock"];

/// The same systems through Kafka: one connection each.
const CONNECTIONS: [Link; 9] = [
    kafka("web", KAFKA, &["clicks"]),
    kafka("app", KAFKA, &["clicks"]),
    kafka("checkout", KAFKA, &["payments"]),
    kafka("stock", KAFKA, &["stock"]),
    kafka(KAFKA, "analytics", &["clicks", "payments", "stock"]),
    kafka(KAFKA, "recommendations", &["clicks", "stock"]),
    kafka(KAFKA, "billing", &["payments"]),
    kafka(KAFKA, "fraud", &["clicks", "payments"]),
    kafka(KAFKA, "logs", &["clicks", "payments", "stock"]),
];

/// Four sources, four targets, point to point.
pub const DIRECT_4X4: Wiring = Wiring {
    systems: SYSTEMS.split_at(8).0,
    links: PIPELINES.split_at(16).0,
    topics: &[],
    changed: None,
    before: None,
};
/// Log storage added: a pipeline from every source.
pub const DIRECT_4X5: Wiring =
    Wiring { systems: &SYSTEMS, links: &PIPELINES, topics: &[], changed: None, before: Some(&DIRECT_4X4) };
/// Checkout changes its format: each of its pipelines breaks its own way.
pub const CHANGED: Wiring = Wiring { changed: Some("checkout"), before: Some(&DIRECT_4X5), ..DIRECT_4X5 };
/// The same nine systems through Kafka.
pub const HUB: Wiring =
    Wiring { systems: &SYSTEMS, links: &CONNECTIONS, topics: &TOPICS, changed: None, before: Some(&DIRECT_4X5) };

const CLICKS: &str = "clicks";
const SEARCH: &str = "search";
const WEB: Spot = Spot::Producer("web");
const APP: Spot = Spot::Producer("app");

const fn links(wiring: &'static Wiring) -> Probe {
    Probe::Links { wiring }
}

const fn count(wiring: &'static Wiring, side: Side) -> Probe {
    Probe::Systems { wiring, side }
}

const fn clicks0(group: &'static str) -> Probe {
    Probe::Position { group, topic: CLICKS, partition: 0 }
}

pub fn lesson() -> Lesson {
    let mut config = crate::presets::shop(1);
    // A fifth of the preset's rates: a calm picture, and quick to replay.
    for p in &mut config.producers {
        p.rate_per_s /= 5.0;
    }
    let steps = const {
        &[
        Step {
            title: t("Every system wired to every other", "시스템마다 서로 직접 연결하면"),
            narration: t(
                "An online shop (a diagram, not yet the simulation). {sources} source systems produce data: the web front end, the mobile app, checkout and inventory. {targets} target systems need it: analytics, recommendations, billing and fraud detection. Wired directly, every source needs a pipeline to every target, each written by a different team with its own protocol and format (hover or tap a line to see it).",
                "온라인 쇼핑몰입니다(아직 시뮬레이션이 아니라 그림입니다). 소스 시스템 {sources}개가 데이터를 만듭니다: 웹 프런트엔드, 모바일 앱, 결제 서비스, 재고 서비스. 타깃 시스템 {targets}개가 그 데이터를 씁니다: 분석, 추천, 정산, 이상 거래 탐지. 직접 연결하면 소스 시스템마다 모든 타깃 시스템으로 파이프라인이 하나씩 필요합니다. 팀마다 따로 만들어서 프로토콜도 형식도 제각각입니다(선을 가리키거나 누르면 보입니다).",
            ),
            script: Vec::new,
            play_ms: 2_000,
            spotlight: const { &[Spot::Systems(&DIRECT_4X4)] },
            facts: const { &[
                fact("sources", At::Start, count(&DIRECT_4X4, Side::Source)),
                fact("targets", At::Start, count(&DIRECT_4X4, Side::Target)),
                fact("links", At::End, links(&DIRECT_4X4)),
            ] },
            question: None,
            reveal: t(
                "{links} pipelines: {sources} sources × {targets} targets. Each one is code to deploy, monitor and fix when it breaks: CSV files over FTP, JSON over HTTP, JDBC straight into a database, each failing its own way.",
                "파이프라인이 {links}개입니다. 소스 시스템 {sources}개 × 타깃 시스템 {targets}개입니다. 하나하나가 배포하고 감시하고, 고장 나면 고쳐야 하는 코드입니다. FTP로 CSV 파일, HTTP로 JSON, JDBC로 DB에 직접 쓰기처럼 고장 나는 방식도 저마다 다릅니다.",
            ),
        },
        Step {
            title: t("One more target", "타깃 시스템이 하나 늘면"),
            narration: t(
                "The shop now wants log storage too: a fifth target that needs the data of all {sources} sources.",
                "이제 로그 저장소도 필요합니다. 소스 시스템 {sources}개의 데이터를 모두 받아야 하는 다섯 번째 타깃 시스템입니다.",
            ),
            script: Vec::new,
            play_ms: 2_000,
            spotlight: const { &[Spot::Systems(&DIRECT_4X5)] },
            facts: const { &[
                fact("sources", At::Start, count(&DIRECT_4X5, Side::Source)),
                fact("before", At::Start, links(&DIRECT_4X4)),
                fact("after", At::Start, links(&DIRECT_4X5)),
                fact("hub", At::Start, links(&HUB)),
                fact("targets", At::End, count(&DIRECT_4X5, Side::Target)),
            ] },
            question: Some(Question {
                prompt: t(
                    "Point to point, how many pipelines does the shop need with log storage?",
                    "직접 연결하면 로그 저장소까지 파이프라인이 모두 몇 개 필요할까요?",
                ),
                answer: "after",
                choices: const { &[
                    Choice { text: t("17", "17개"), value: Expect::Int(17) },
                    Choice { text: t("{hub}", "{hub}개"), value: Expect::Fact("hub") },
                    Choice { text: t("{after}", "{after}개"), value: Expect::Fact("after") },
                ] },
            }),
            reveal: t(
                "{after} pipelines, up from {before}: one new target added a pipeline from each of the {sources} sources. Point to point, the count is sources × targets ({sources} × {targets}), so it grows with every system on either side.",
                "파이프라인은 {before}개에서 {after}개가 되었습니다. 타깃 시스템 하나가 늘었을 뿐인데 소스 시스템 {sources}개에서 하나씩 새로 이어야 합니다. 직접 연결하면 개수가 소스 시스템 수 × 타깃 시스템 수({sources} × {targets})이므로, 어느 쪽이든 시스템이 하나 늘 때마다 늘어납니다.",
            ),
        },
        Step {
            title: t("A format change ripples", "형식 하나가 바뀌면 줄줄이 고장 납니다"),
            narration: t(
                "Checkout now writes the payment amount in cents, in a renamed field. Every pipeline that carries checkout's data reads the old format.",
                "결제 서비스가 이제 결제 금액을 센트 단위로, 이름이 바뀐 필드에 씁니다. 결제 서비스의 데이터를 나르는 파이프라인은 모두 예전 형식을 읽고 있습니다.",
            ),
            script: Vec::new,
            play_ms: 2_000,
            spotlight: const { &[Spot::Systems(&CHANGED)] },
            facts: const { &[
                fact("links", At::Start, links(&CHANGED)),
                fact("targets", At::Start, count(&CHANGED, Side::Target)),
                fact("broken", At::End, Probe::BrokenLinks { wiring: &CHANGED }),
            ] },
            question: Some(Question {
                prompt: t("How many pipelines break?", "파이프라인이 몇 개 고장 날까요?"),
                answer: "broken",
                choices: const { &[
                    Choice { text: t("All {links}", "{links}개 모두"), value: Expect::Fact("links") },
                    Choice { text: t("1: only checkout changed", "1개: 결제 서비스만 바뀌었으니까"), value: Expect::Int(1) },
                    Choice {
                        text: t("{targets}: one per target that reads checkout", "{targets}개: 결제 서비스에서 받는 타깃 시스템마다 하나"),
                        value: Expect::Fact("targets"),
                    },
                ] },
            }),
            reveal: t(
                "{broken} pipelines broke, each in its own way (in red): wrong amounts loaded from a CSV file, rejected inserts, a field read as its default, logs silently lost. Each team must find and fix its own, and until then the targets disagree.",
                "파이프라인 {broken}개가 저마다 다르게 고장 났습니다(빨간 선). CSV 파일에서 엉뚱한 금액이 적재되고, INSERT가 거부되고, 필드가 기본값으로 읽히고, 로그가 조용히 사라집니다. 팀마다 자기 것을 찾아 고쳐야 하고, 그때까지 타깃 시스템마다 숫자가 서로 다릅니다.",
            ),
        },
        Step {
            title: t("Kafka in the middle", "가운데에 카프카를 두면"),
            narration: t(
                "Now the same {sources} sources and {targets} targets through Kafka. Sources only write to Kafka's topics; targets only read from them. Nobody talks to anybody else directly.",
                "이번에는 같은 소스 시스템 {sources}개와 타깃 시스템 {targets}개를 카프카로 잇습니다. 소스 시스템은 카프카의 토픽에 쓰기만 하고, 타깃 시스템은 토픽에서 읽기만 합니다. 서로 직접 주고받는 곳은 없습니다.",
            ),
            script: Vec::new,
            play_ms: 3_000,
            spotlight: const { &[Spot::Systems(&HUB)] },
            facts: const { &[
                fact("sources", At::Start, count(&HUB, Side::Source)),
                fact("targets", At::Start, count(&HUB, Side::Target)),
                fact("direct", At::Start, links(&DIRECT_4X5)),
                fact("hub", At::Start, links(&HUB)),
            ] },
            question: Some(Question {
                prompt: t("How many connections do the same systems need now?", "같은 시스템들에 이제 연결이 몇 개 필요할까요?"),
                answer: "hub",
                choices: const { &[
                    Choice { text: t("{hub}: one per system", "{hub}개: 시스템마다 하나"), value: Expect::Fact("hub") },
                    Choice { text: t("{direct}: still one per pair", "{direct}개: 여전히 짝마다 하나"), value: Expect::Fact("direct") },
                    Choice { text: t("1: only Kafka", "1개: 카프카 하나"), value: Expect::Int(1) },
                ] },
            }),
            reveal: t(
                "{hub} connections instead of {direct}: {sources} + {targets}, one per system, all speaking the one Kafka protocol. A source does not know who reads its data; a new target adds one connection, not one per source. This decoupling is why LinkedIn built Kafka and open-sourced it. Kafka does not translate formats, though: the readers of a topic still have to understand what its writers put there.",
                "연결이 {direct}개가 아니라 {hub}개입니다. {sources} + {targets}, 곧 시스템마다 하나씩이고 모두 카프카 프로토콜 하나로 주고받습니다. 소스 시스템은 누가 자기 데이터를 읽는지 몰라도 되고, 타깃 시스템이 늘어도 연결은 소스 시스템 수만큼이 아니라 하나만 늡니다. 이렇게 양쪽을 떼어 놓으려고 링크드인이 카프카를 만들어 오픈 소스로 공개했습니다. 다만 카프카가 형식을 바꿔 주지는 않습니다. 토픽을 읽는 쪽은 여전히 쓰는 쪽이 넣은 형식을 알아야 합니다.",
            ),
        },
        Step {
            title: t("The shop on Kafka", "카프카 위의 쇼핑몰"),
            narration: t(
                "Now the simulation. The producers `web` and `app` write click events to the topic `clicks`, and `checkout` writes payments to `payments`. Consumer groups read them: `analytics` and `recommendations` read `clicks`, `billing` and `fraud` read `payments`. Each partition of `clicks` is stored on {replicas} brokers, so the data survives a broker failing. Watch for 5 s.",
                "이제 시뮬레이션입니다. 프로듀서 `web`과 `app`은 클릭 이벤트를 `clicks` 토픽에, `checkout`은 결제를 `payments` 토픽에 씁니다. 컨슈머 그룹이 이를 읽습니다. `analytics`와 `recommendations`는 `clicks`를, `billing`과 `fraud`는 `payments`를 읽습니다. `clicks`의 파티션은 각각 브로커 {replicas}대에 저장되므로 브로커 하나가 고장 나도 데이터가 남습니다. 5초 동안 지켜보세요.",
            ),
            script: Vec::new,
            play_ms: 5_000,
            spotlight: const {
                &[
                    WEB,
                    APP,
                    Spot::Producer("checkout"),
                    Spot::Group("analytics"),
                    Spot::Group("recommendations"),
                    Spot::Group("billing"),
                    Spot::Group("fraud"),
                ]
            },
            facts: const { &[
                fact("replicas", At::Start, Probe::IsrSize { topic: CLICKS, partition: 0 }),
                fact("start", At::End, Probe::LogStart { topic: CLICKS, partition: 0 }),
                fact("end", At::End, Probe::HighWatermark { topic: CLICKS, partition: 0 }),
                fact("a", At::End, clicks0("analytics")),
                fact("r", At::End, clicks0("recommendations")),
            ] },
            question: None,
            reveal: t(
                "The log of partition 0 of `clicks` now runs from offset {start} to its end at {end}. analytics will read offset {a} next, recommendations offset {r}: both groups read the same records, each at its own pace. The course calls a topic \"like a queue\", but it is a log: reading removes nothing, and the log still starts at {start}.",
                "`clicks` 파티션 0의 로그는 이제 오프셋 {start}에서 시작해 {end}에서 끝납니다. analytics가 다음에 읽을 오프셋은 {a}, recommendations는 {r}입니다. 두 그룹이 같은 레코드를 각자의 속도로 읽습니다. 강의에서는 토픽을 \"큐와 비슷하다\"고 하지만, 토픽은 로그입니다. 읽어도 지워지지 않아서 로그는 여전히 {start}에서 시작합니다.",
            ),
        },
        Step {
            title: t("A new target: search", "새 타깃 시스템: 검색"),
            narration: t(
                "The shop adds a search index that needs every click, including past ones. It joins as a new consumer group `search` on `clicks` with `auto.offset.reset=earliest`; no producer is touched. Partition 0 of `clicks` starts at {start} and ends at {end}.",
                "쇼핑몰이 지난 클릭까지 모든 클릭이 필요한 검색 인덱스를 추가합니다. 검색 인덱스는 `clicks`를 읽는 새 컨슈머 그룹 `search`가 되어 `auto.offset.reset=earliest` 설정으로 들어옵니다. 프로듀서는 건드리지 않습니다. `clicks`의 파티션 0은 {start}에서 시작해 {end}에서 끝납니다.",
            ),
            script: || {
                let search = GroupConfig {
                    auto_offset_reset: OffsetReset::Earliest,
                    records_per_s: 40.0,
                    ..GroupConfig::new(SEARCH, CLICKS, 1)
                };
                vec![(0, Command::AddGroup(search))]
            },
            play_ms: 5_000,
            spotlight: const { &[WEB, APP, Spot::Group(SEARCH), Spot::Partition { topic: CLICKS, partition: 0 }] },
            facts: const { &[
                fact("start", At::Start, Probe::LogStart { topic: CLICKS, partition: 0 }),
                fact("end", At::Start, Probe::HighWatermark { topic: CLICKS, partition: 0 }),
                fact("producers", At::Start, Probe::Producers),
                fact("first", At::End, Probe::FirstRead { group: SEARCH, topic: CLICKS, partition: 0 }),
                fact("producers_after", At::End, Probe::Producers),
            ] },
            question: Some(Question {
                prompt: t(
                    "Which offset of partition 0 does search read first?",
                    "search는 파티션 0에서 어느 오프셋부터 읽을까요?",
                ),
                answer: "first",
                choices: const { &[
                    Choice { text: t("{end}: only clicks from now on", "{end}: 지금부터의 클릭만"), value: Expect::Fact("end") },
                    Choice { text: t("{start}: the log start, all past clicks", "{start}: 로그 시작, 지난 클릭 전부"), value: Expect::Fact("start") },
                ] },
            }),
            reveal: t(
                "search read from offset {first}, the log start: clicks written before it existed are still in the topic, and it reads them all. The producers are the same as before ({producers_after}): adding a target was one new consumer group, with no change to any source.",
                "search는 로그 시작인 오프셋 {first}부터 읽었습니다. 자기가 생기기 전에 쓰인 클릭도 토픽에 남아 있어서 모두 읽습니다. 프로듀서는 전과 같습니다({producers_after}). 타깃 시스템을 더하는 일은 컨슈머 그룹 하나를 더하는 것으로 끝났고, 소스 시스템은 하나도 바꾸지 않았습니다.",
            ),
        },
        Step {
            title: t("Catching up", "따라잡기"),
            narration: t(
                "search reads past clicks while new ones keep coming. Kafka keeps latency low (a record can be read as soon as the in-sync replicas have it) and throughput high (records move in batches, written to disk sequentially). search will read offset {pos} of partition 0 next; the partition ends at {end}.",
                "search가 지난 클릭을 읽는 동안에도 새 클릭은 계속 들어옵니다. 카프카는 지연 시간이 짧고(레코드는 ISR에 복제되자마자 읽을 수 있습니다) 처리량이 높습니다(레코드를 배치로 묶어 디스크에 순서대로 씁니다). search가 파티션 0에서 다음에 읽을 오프셋은 {pos}이고, 파티션 0은 {end}에서 끝납니다.",
            ),
            script: Vec::new,
            play_ms: 8_000,
            spotlight: const { &[Spot::Group(SEARCH), Spot::Group("analytics"), Spot::Partition { topic: CLICKS, partition: 0 }] },
            facts: const { &[
                fact("pos", At::Start, clicks0(SEARCH)),
                fact("end", At::Start, Probe::HighWatermark { topic: CLICKS, partition: 0 }),
                fact("pos_after", At::End, clicks0(SEARCH)),
                fact("end_after", At::End, Probe::HighWatermark { topic: CLICKS, partition: 0 }),
                fact("start_after", At::End, Probe::LogStart { topic: CLICKS, partition: 0 }),
            ] },
            question: None,
            reveal: t(
                "search will now read offset {pos_after} next, and partition 0 ends at {end_after}: it caught up and reads new clicks as they come, and the log still starts at {start_after}. That is Kafka in one picture: sources write once, any number of targets read at their own pace, from any point the log still holds. The next chapters open the parts: topics and partitions, brokers and replication, partitioners, consumer lag.",
                "search가 다음에 읽을 오프셋은 이제 {pos_after}이고 파티션 0은 {end_after}에서 끝납니다. 다 따라잡아 새 클릭이 들어오는 대로 읽습니다. 로그는 여전히 {start_after}에서 시작합니다. 이것이 카프카의 큰 그림입니다. 소스 시스템은 한 번 쓰고, 타깃 시스템은 몇 개든 각자의 속도로, 로그에 남아 있는 어느 지점부터든 읽습니다. 다음 장부터는 토픽과 파티션, 브로커와 복제, 파티셔너, 컨슈머 랙을 하나씩 살펴봅니다.",
            ),
        },
    ]
    };
    Lesson { id: "ch1", title: t("Why Kafka", "카프카 개요"), config, steps }
}
