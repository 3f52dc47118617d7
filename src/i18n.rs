//! Every string the app shows, in English and Korean: the `Strings` struct
//! names them, `EN` and `KO` fill them in. Kafka identifiers (acks, ISR,
//! config names, error codes) stay untranslated in both.
//!
//! Sections are marked `// == name ==` so each part of the UI keeps its strings
//! together; add new fields at the end of their section in all three places.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            _ => None,
        }
    }

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

/// The strings of one language.
pub struct Strings {
    // == header ==
    pub title: &'static str,
    pub subtitle: &'static str,
    pub switch_to: &'static str,
    pub help: &'static str,
    // == topology ==
    pub producers: &'static str,
    pub partitioner: &'static str,
    pub brokers: &'static str,
    pub consumer_groups: &'static str,
    pub broker: &'static str,
    pub producer: &'static str,
    pub group: &'static str,
    pub leader: &'static str,
    pub follower: &'static str,
    pub partition: &'static str,
    pub topology_label: &'static str,
    pub legend_leader: &'static str,
    pub legend_follower: &'static str,
    pub keyed: &'static str,
    pub null_keys: &'static str,
    pub generation: &'static str,
    pub idle: &'static str,
    pub down: &'static str,
    pub fenced: &'static str,
    pub offline: &'static str,
    pub out_of_isr: &'static str,
    pub slow: &'static str,
    pub crashed: &'static str,
    pub lag: &'static str,
    pub no_decisions: &'static str,
    pub sticky: &'static str,
    pub switches_after: &'static str,
    pub round_robin: &'static str,
    pub rule: &'static str,
    pub records_moving: &'static str,
    pub records_drawn_of: &'static str,
    // == controls ==
    pub play: &'static str,
    pub pause: &'static str,
    pub step: &'static str,
    pub speed: &'static str,
    pub reset: &'static str,
    pub seed: &'static str,
    pub preset: &'static str,
    pub preset_default: &'static str,
    pub preset_stress: &'static str,
    pub sim_time: &'static str,
    pub add_consumer: &'static str,
    pub add_producer: &'static str,
    pub add_group: &'static str,
    pub bad_url: &'static str,
    pub dismiss: &'static str,
    // == panels ==
    pub tab_inspector: &'static str,
    pub tab_events: &'static str,
    pub tab_config: &'static str,
    // == help ==
    pub help_title: &'static str,
    pub help_keys: &'static [(&'static str, &'static str)],
    pub help_close: &'static str,
    // == inspector ==
    // == event log ==
    // == config panel ==
}

pub const EN: Strings = Strings {
    // == header ==
    title: "Kafka Visualiser",
    subtitle: "Watch records flow through a simulated Apache Kafka cluster",
    switch_to: "한국어",
    help: "Help (?)",
    // == topology ==
    producers: "Producers",
    partitioner: "Partitioner",
    brokers: "Brokers",
    consumer_groups: "Consumer groups",
    broker: "Broker",
    producer: "Producer",
    group: "Group",
    leader: "leader",
    follower: "follower",
    partition: "partition",
    topology_label: "Cluster topology: producers, the partitioner, brokers with their partition replicas, and consumer groups",
    legend_leader: "Leader replica (producers write here, consumers read here)",
    legend_follower: "Follower replica (a copy fetched from the leader)",
    keyed: "keyed",
    null_keys: "null keys",
    generation: "generation",
    idle: "idle",
    down: "DOWN",
    fenced: "fenced",
    offline: "OFFLINE",
    out_of_isr: "out of ISR",
    slow: "slow",
    crashed: "crashed",
    lag: "lag",
    no_decisions: "No records yet: press Play or Step.",
    sticky: "no key → sticky",
    switches_after: "switches after",
    round_robin: "round-robin",
    rule: "rule",
    records_moving: "records moving this step",
    records_drawn_of: "drawn",
    // == controls ==
    play: "Play",
    pause: "Pause",
    step: "Step",
    speed: "Speed",
    reset: "Reset",
    seed: "Seed",
    preset: "Preset",
    preset_default: "Default (3 brokers)",
    preset_stress: "Stress (5 brokers, 32 partitions)",
    sim_time: "Simulated time",
    add_consumer: "+ consumer",
    add_producer: "+ producer",
    add_group: "+ group",
    bad_url: "Ignored a URL setting",
    dismiss: "Dismiss",
    // == panels ==
    tab_inspector: "Inspector",
    tab_events: "Events",
    tab_config: "Config",
    // == help ==
    help_title: "Keyboard and touch",
    help_keys: &[
        ("Space", "Play / pause"),
        ("→", "One simulation step"),
        ("+ / −", "Faster / slower"),
        ("?", "This help"),
        ("Esc", "Close panels and this help"),
        ("Click or tap", "A broker, partition, record or consumer to inspect it and act on it"),
    ],
    help_close: "Close",
    // == inspector ==
    // == event log ==
    // == config panel ==
};

pub const KO: Strings = Strings {
    // == header ==
    title: "카프카 시각화 도구",
    subtitle: "시뮬레이션된 Apache Kafka 클러스터에서 레코드가 흐르는 모습을 봅니다",
    switch_to: "English",
    help: "도움말 (?)",
    // == topology ==
    producers: "프로듀서",
    partitioner: "파티셔너",
    brokers: "브로커",
    consumer_groups: "컨슈머 그룹",
    broker: "브로커",
    producer: "프로듀서",
    group: "그룹",
    leader: "리더",
    follower: "팔로워",
    partition: "파티션",
    topology_label: "클러스터 구성: 프로듀서, 파티셔너, 파티션 복제본을 가진 브로커, 컨슈머 그룹",
    legend_leader: "리더 파티션 (프로듀서가 쓰고 컨슈머가 읽는 곳)",
    legend_follower: "팔로워 파티션 (리더에서 가져온 복제본)",
    keyed: "키 있음",
    null_keys: "키 없음(null)",
    generation: "세대",
    idle: "유휴",
    down: "중지",
    fenced: "차단됨",
    offline: "오프라인",
    out_of_isr: "ISR 밖",
    slow: "느림",
    crashed: "멈춤",
    lag: "랙",
    no_decisions: "아직 레코드가 없습니다: 재생이나 한 단계를 누르세요.",
    sticky: "키 없음 → sticky",
    switches_after: "전환 기준",
    round_robin: "라운드 로빈",
    rule: "규칙",
    records_moving: "이번 단계에 움직인 레코드",
    records_drawn_of: "그림",
    // == controls ==
    play: "재생",
    pause: "일시정지",
    step: "한 단계",
    speed: "속도",
    reset: "처음부터",
    seed: "시드",
    preset: "프리셋",
    preset_default: "기본 (브로커 3개)",
    preset_stress: "부하 (브로커 5개, 파티션 32개)",
    sim_time: "시뮬레이션 시간",
    add_consumer: "+ 컨슈머",
    add_producer: "+ 프로듀서",
    add_group: "+ 그룹",
    bad_url: "URL 설정을 무시했습니다",
    dismiss: "닫기",
    // == panels ==
    tab_inspector: "상세 보기",
    tab_events: "이벤트",
    tab_config: "설정",
    // == help ==
    help_title: "키보드와 터치",
    help_keys: &[
        ("Space", "재생 / 일시정지"),
        ("→", "시뮬레이션 한 단계"),
        ("+ / −", "빠르게 / 느리게"),
        ("?", "이 도움말"),
        ("Esc", "패널과 도움말 닫기"),
        ("클릭 또는 탭", "브로커, 파티션, 레코드, 컨슈머를 눌러 자세히 보고 조작"),
    ],
    help_close: "닫기",
    // == inspector ==
    // == event log ==
    // == config panel ==
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}
