//! Every string the app shows, in English and Korean. Kafka identifiers (acks,
//! ISR, config names) stay untranslated in both.

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
}

/// The strings of one language.
pub struct Strings {
    pub title: &'static str,
    pub subtitle: &'static str,
    pub switch_to: &'static str,
    pub producers: &'static str,
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
    pub bad_url_lang: &'static str,
}

pub const EN: Strings = Strings {
    title: "Kafka Visualiser",
    subtitle: "Watch records flow through a simulated Apache Kafka cluster",
    switch_to: "한국어",
    producers: "Producers",
    brokers: "Brokers",
    consumer_groups: "Consumer groups",
    broker: "Broker",
    producer: "Producer",
    group: "Group",
    leader: "leader",
    follower: "follower",
    partition: "partition",
    topology_label: "Cluster topology: producers, brokers with their partition replicas, and consumer groups",
    legend_leader: "Leader replica (producers write here, consumers read here)",
    legend_follower: "Follower replica (a copy fetched from the leader)",
    keyed: "keyed",
    null_keys: "null keys",
    generation: "generation",
    idle: "idle",
    bad_url_lang: "Unknown language in the URL (lang=…): use en or ko. Showing English.",
};

pub const KO: Strings = Strings {
    title: "카프카 시각화 도구",
    subtitle: "시뮬레이션된 Apache Kafka 클러스터에서 레코드가 흐르는 모습을 봅니다",
    switch_to: "English",
    producers: "프로듀서",
    brokers: "브로커",
    consumer_groups: "컨슈머 그룹",
    broker: "브로커",
    producer: "프로듀서",
    group: "그룹",
    leader: "리더",
    follower: "팔로워",
    partition: "파티션",
    topology_label: "클러스터 구성: 프로듀서, 파티션 복제본을 가진 브로커, 컨슈머 그룹",
    legend_leader: "리더 파티션 (프로듀서가 쓰고 컨슈머가 읽는 곳)",
    legend_follower: "팔로워 파티션 (리더에서 가져온 복제본)",
    keyed: "키 있음",
    null_keys: "키 없음(null)",
    generation: "세대",
    idle: "유휴",
    bad_url_lang: "URL의 언어(lang=…)를 알 수 없습니다: en 또는 ko를 쓰세요. 영어로 보여 줍니다.",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Ko => &KO,
    }
}
