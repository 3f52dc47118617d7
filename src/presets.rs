//! Ready-made clusters, selectable from the UI and the URL (`?preset=stress`).

use kafka_sim::assignor::Strategy;
use kafka_sim::config::{ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// 3 brokers; `orders` with 3 partitions, RF 3, min.insync.replicas=2; a keyed
    /// and a null-key producer; two groups.
    Default,
    /// 5 brokers; 32 partitions, RF 3; 32 producers × 16 records/s; 4 groups × 8.
    Stress,
    /// The course's online shop ([`kafka_sim::presets::shop`]): `clicks` and
    /// `payments` on 3 brokers, 3 producers, 4 groups.
    Shop,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Default, Preset::Shop, Preset::Stress];

    pub fn id(self) -> &'static str {
        match self {
            Preset::Default => "default",
            Preset::Stress => "stress",
            Preset::Shop => "shop",
        }
    }

    pub fn parse(s: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.id() == s)
    }

    /// The preset's cluster, with [`kafka_sim::presets::bounded`] retention so it
    /// plays for hours: a replica keeps at most 4 (`stress`) or 32 simulated
    /// minutes of records, and at most 5 MiB.
    pub fn config(self, seed: u64) -> ClusterConfig {
        kafka_sim::presets::bounded(self.unbounded(seed), self.retention_ms())
    }

    /// `retention.ms` for the preset's rates.
    pub fn retention_ms(self) -> i64 {
        match self {
            Preset::Stress => kafka_sim::presets::SHORT_RETENTION_MS,
            Preset::Default | Preset::Shop => kafka_sim::presets::LONG_RETENTION_MS,
        }
    }

    fn unbounded(self, seed: u64) -> ClusterConfig {
        match self {
            Preset::Default => ClusterConfig {
                seed,
                brokers: 3,
                topics: vec![TopicConfig {
                    name: "orders".into(),
                    partitions: 3,
                    replication_factor: 3,
                    config: TopicSettings { min_insync_replicas: 2, ..TopicSettings::default() },
                }],
                producers: vec![
                    ProducerConfig {
                        keys: Some(["서울", "busan", "incheon", "daegu", "gwangju"].map(String::from).to_vec()),
                        ..ProducerConfig::new("p1", "orders", 4.0)
                    },
                    ProducerConfig { value_bytes: 2000, ..ProducerConfig::new("p2", "orders", 3.0) },
                ],
                groups: vec![
                    GroupConfig {
                        auto_offset_reset: OffsetReset::Earliest,
                        records_per_s: 5.0,
                        ..GroupConfig::new("billing", "orders", 2)
                    },
                    GroupConfig {
                        auto_offset_reset: OffsetReset::Earliest,
                        records_per_s: 3.0,
                        assignor: Strategy::CooperativeSticky,
                        ..GroupConfig::new("analytics", "orders", 1)
                    },
                ],
                step_ms: 100,
                broker_config: kafka_sim::presets::quick_brokers(),
            },
            Preset::Stress => kafka_sim::presets::stress(seed),
            Preset::Shop => kafka_sim::presets::shop(seed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::Cluster;

    #[test]
    fn presets_are_valid_and_have_the_promised_shape() {
        let d = Cluster::new(Preset::Default.config(1)).unwrap().view();
        assert_eq!((d.brokers.len(), d.topics[0].partitions.len(), d.producers.len(), d.groups.len()), (3, 3, 2, 2));
        assert!(d.producers[0].keyed && !d.producers[1].keyed);
        let s = Cluster::new(Preset::Stress.config(1)).unwrap().view();
        assert_eq!((s.brokers.len(), s.topics[0].partitions.len(), s.producers.len(), s.groups.len()), (5, 32, 32, 4));
        assert!(s.groups.iter().all(|g| g.members.len() == 8));
        assert_eq!(Preset::parse("stress"), Some(Preset::Stress));
        assert_eq!(Preset::parse("shop"), Some(Preset::Shop));
        let shop = kafka_sim::presets::bounded(kafka_sim::presets::shop(3), kafka_sim::presets::LONG_RETENTION_MS);
        assert_eq!(Preset::Shop.config(3), shop);
        for p in Preset::ALL {
            let c = p.config(1);
            assert!(c.topics.iter().all(|t| t.config.retention_ms == p.retention_ms() && t.config.retention_bytes > 0));
        }
        assert_eq!(Preset::parse("nope"), None);
    }
}
