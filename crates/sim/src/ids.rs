//! Identifiers shared by every part of the model.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A broker id. Kafka numbers brokers from an operator-chosen id; the simulator
/// numbers them 1..=N so that "broker 1" in a lesson is the first broker drawn.
pub type BrokerId = u32;

/// A topic name and a partition number, written `topic-partition` as Kafka's
/// `TopicPartition.toString()` does (for example `orders-0`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TopicPartition {
    pub topic: String,
    pub partition: u32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<String>, partition: u32) -> Self {
        Self { topic: topic.into(), partition }
    }

    /// Parses `topic-N`, splitting at the last `-` (topic names may contain `-`).
    pub fn parse(s: &str) -> Option<Self> {
        let (topic, partition) = s.rsplit_once('-')?;
        if topic.is_empty() {
            return None;
        }
        let partition = partition.parse().ok()?;
        Some(Self::new(topic, partition))
    }
}

impl fmt::Display for TopicPartition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.topic, self.partition)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_partition_round_trips_through_its_kafka_string_form() {
        let tp = TopicPartition::new("my-topic", 12);
        assert_eq!(tp.to_string(), "my-topic-12");
        assert_eq!(TopicPartition::parse("my-topic-12"), Some(tp));
        assert_eq!(TopicPartition::parse("nodash"), None);
        assert_eq!(TopicPartition::parse("-3"), None);
        assert_eq!(TopicPartition::parse("t-x"), None);
    }
}
