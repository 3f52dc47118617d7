//! Ready-made clusters shared by the app (`?preset=`), the course and the tests.

use crate::config::{
    Acks, BrokerSettings, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings,
};

/// Broker configs shorter than Kafka's defaults so failures play out in seconds.
pub fn quick_brokers() -> BrokerSettings {
    BrokerSettings { broker_session_timeout_ms: 3000, replica_lag_time_max_ms: 10_000, ..BrokerSettings::default() }
}

/// Order ids the `checkout` producer keys its payment events by: every event of
/// one order lands in one partition, in order (the key's murmur2 hash decides).
pub const ORDER_IDS: [&str; 12] = [
    "order-1001",
    "order-1002",
    "order-1003",
    "order-1004",
    "order-1005",
    "order-1006",
    "order-1007",
    "order-1008",
    "order-1009",
    "order-1010",
    "order-1011",
    "order-1012",
];

/// The online shop of the course (chapter 1 onwards): two topics on 3 brokers.
/// - `clicks`: 6 partitions, RF 3; the `web` and `app` producers send click
///   events with null keys at a high rate with acks=1 (a lost click is cheap).
/// - `payments`: 3 partitions, RF 3, `min.insync.replicas=2`; `checkout` keys
///   each payment event by its order id with acks=all (a lost payment is not).
/// - Groups `analytics` and `recommendations` read `clicks`; `billing` and
///   `fraud` read `payments`.
pub fn shop(seed: u64) -> ClusterConfig {
    let click = |id: &str, rate: f64| ProducerConfig {
        acks: Acks::Leader,
        value_bytes: 300,
        ..ProducerConfig::new(id, "clicks", rate)
    };
    let group = |id: &str, topic: &str, consumers: u32, records_per_s: f64| GroupConfig {
        auto_offset_reset: OffsetReset::Earliest,
        records_per_s,
        ..GroupConfig::new(id, topic, consumers)
    };
    ClusterConfig {
        seed,
        brokers: 3,
        topics: vec![
            TopicConfig {
                name: "clicks".into(),
                partitions: 6,
                replication_factor: 3,
                config: TopicSettings::default(),
            },
            TopicConfig {
                name: "payments".into(),
                partitions: 3,
                replication_factor: 3,
                config: TopicSettings { min_insync_replicas: 2, ..TopicSettings::default() },
            },
        ],
        producers: vec![
            click("web", 40.0),
            click("app", 25.0),
            ProducerConfig {
                keys: Some(ORDER_IDS.map(String::from).to_vec()),
                acks: Acks::All,
                value_bytes: 600,
                ..ProducerConfig::new("checkout", "payments", 5.0)
            },
        ],
        groups: vec![
            group("analytics", "clicks", 2, 40.0),
            group("recommendations", "clicks", 1, 50.0),
            group("billing", "payments", 1, 10.0),
            group("fraud", "payments", 2, 5.0),
        ],
        step_ms: 100,
        broker_config: quick_brokers(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Cluster;

    #[test]
    fn shop_has_the_topics_producers_and_groups_the_course_names() {
        let v = Cluster::new(shop(1)).unwrap().view();
        let topics: Vec<(&str, usize, u32)> =
            v.topics.iter().map(|t| (t.name.as_str(), t.partitions.len(), t.replication_factor)).collect();
        assert_eq!(topics, [("clicks", 6, 3), ("payments", 3, 3)]);
        let producers: Vec<(&str, &str, &str, bool)> =
            v.producers.iter().map(|p| (p.id.as_str(), p.topic.as_str(), p.acks, p.keyed)).collect();
        assert_eq!(
            producers,
            [("web", "clicks", "1", false), ("app", "clicks", "1", false), ("checkout", "payments", "all", true)]
        );
        let groups: Vec<(&str, &str)> = v.groups.iter().map(|g| (g.id.as_str(), g.topic.as_str())).collect();
        assert_eq!(
            groups,
            [("analytics", "clicks"), ("recommendations", "clicks"), ("billing", "payments"), ("fraud", "payments")]
        );
    }
}
