//! Kafka's murmur2 hash (`org.apache.kafka.common.utils.Utils.murmur2`).
