//! Ready-made clusters shared by the app (`?preset=`), the course and the tests.

use crate::config::{
    Acks, BrokerSettings, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings,
};

/// `retention.ms` for [`bounded`] at `stress`'s rate (512 records/s): 2 simulated
/// minutes (12 s of wall time at 10×).
pub const SHORT_RETENTION_MS: i64 = 120_000;
/// `retention.ms` for [`bounded`] at the `default` and `shop` presets' rates (7 and
/// 70 records/s): 30 simulated minutes, so a lagging group is not overtaken by
/// retention within a lesson-length session.
pub const LONG_RETENTION_MS: i64 = 1_800_000;
/// `segment.ms` of [`bounded`]: a segment rolls every simulated minute, so the
/// active segment becomes deletable (`UnifiedLog.deletableSegments` deletes
/// whole segments only) whatever the producers' rates.
pub const BOUNDED_SEGMENT_MS: i64 = 60_000;
/// `segment.bytes` of [`bounded`]: 1 MiB.
pub const BOUNDED_SEGMENT_BYTES: i64 = 1 << 20;
/// `retention.bytes` of [`bounded`]: 4 MiB per partition, a cap if a user raises
/// the rates (Kafka's is per partition too, `LogConfig.retentionSize`).
pub const BOUNDED_RETENTION_BYTES: i64 = 4 << 20;
/// `log.retention.check.interval.ms` of [`bounded`]: every simulated minute.
pub const BOUNDED_RETENTION_CHECK_MS: u64 = 60_000;

/// `config` with retention short enough that it plays for hours in a browser tab.
///
/// Kafka's defaults (`retention.ms` 7 days, `segment.bytes` 1 GiB, checked every
/// 5 minutes) would never delete anything in a simulation played at 10×, so a
/// log would grow forever. With these, every replica keeps at most
/// `retention_ms + segment.ms + log.retention.check.interval.ms` of records
/// (4 simulated minutes with [`SHORT_RETENTION_MS`], 32 with [`LONG_RETENTION_MS`]),
/// and at most `retention.bytes + segment.bytes` = 5 MiB of simulated bytes (a
/// record's memory is far smaller than its simulated size).
/// The app's presets use it; the course and the scenario files keep their configs.
pub fn bounded(mut config: ClusterConfig, retention_ms: i64) -> ClusterConfig {
    for t in &mut config.topics {
        t.config.retention_ms = retention_ms;
        t.config.retention_bytes = BOUNDED_RETENTION_BYTES;
        t.config.segment_bytes = BOUNDED_SEGMENT_BYTES;
        t.config.segment_ms = BOUNDED_SEGMENT_MS;
    }
    config.broker_config.log_retention_check_interval_ms = BOUNDED_RETENTION_CHECK_MS;
    config
}

/// The app's `stress` preset, before [`bounded`]: 5 brokers; `events` with 32
/// partitions, RF 3, `min.insync.replicas=2`; 32 producers × 16 records/s (the
/// even ones keyed by 8 keys each, every fourth with acks=1, the rest acks=all);
/// 4 groups × 8 members that keep up.
pub fn stress(seed: u64) -> ClusterConfig {
    ClusterConfig {
        seed,
        brokers: 5,
        topics: vec![TopicConfig {
            name: "events".into(),
            partitions: 32,
            replication_factor: 3,
            config: TopicSettings { min_insync_replicas: 2, ..TopicSettings::default() },
        }],
        producers: (1..=32)
            .map(|i| ProducerConfig {
                keys: (i % 2 == 0).then(|| (0..8).map(|k| format!("user-{i}-{k}")).collect()),
                acks: if i % 4 == 1 { Acks::Leader } else { Acks::All },
                ..ProducerConfig::new(format!("p{i}"), "events", 16.0)
            })
            .collect(),
        groups: (1..=4)
            .map(|i| GroupConfig {
                auto_offset_reset: OffsetReset::Earliest,
                records_per_s: 70.0,
                ..GroupConfig::new(format!("g{i}"), "events", 8)
            })
            .collect(),
        step_ms: 100,
        broker_config: quick_brokers(),
    }
}

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

    /// With [`bounded`], retention deletes whole segments: after 10 simulated
    /// minutes every partition of `stress` has deleted its oldest records and holds
    /// at most (retention + check interval) / segment.ms + 1 segments.
    #[test]
    fn bounded_stress_keeps_its_logs_bounded() {
        let mut c = Cluster::new(bounded(stress(1), SHORT_RETENTION_MS)).unwrap();
        for _ in 0..6_000 {
            c.tick();
            drop(c.drain_events());
        }
        let max_segments = (SHORT_RETENTION_MS as u64 + BOUNDED_RETENTION_CHECK_MS) / BOUNDED_SEGMENT_MS as u64 + 1;
        for p in &c.view().topics[0].partitions {
            assert!(p.log_start_offset > 0, "partition {} deleted nothing", p.partition);
            assert!(u64::from(p.segments) <= max_segments, "partition {}: {} segments", p.partition, p.segments);
        }
    }

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
