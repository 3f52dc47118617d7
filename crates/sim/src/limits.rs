//! Every limit the simulator enforces, in one place. Configuration validation,
//! the commands, the CLI and the app's config panel all read these, so the
//! numbers they accept and the numbers their texts mention agree.

/// Most brokers a cluster may have (the visualiser draws every one).
pub const MAX_BROKERS: u32 = 12;
/// Most partitions a topic may have, at creation or after `add_partitions`.
pub const MAX_PARTITIONS: u32 = 256;
/// Longest topic name: Kafka's `Topic.MAX_NAME_LENGTH`.
pub const MAX_TOPIC_NAME_LEN: usize = 249;
/// Longest producer or group id.
pub const MAX_ID_LEN: usize = 64;
/// Most producers a cluster may have: records store the producer's index in 8
/// bits (`partition::log::Record`, 16 bytes a record), and the stage draws
/// every producer.
pub const MAX_PRODUCERS: usize = 256;
/// Most records per simulated second one producer may send.
pub const MAX_PRODUCER_RATE: f64 = 100_000.0;
/// Most records per simulated second one consumer may process.
pub const MAX_GROUP_RATE: f64 = 1_000_000.0;
/// Most members a consumer group may have, at the start or after `add_consumer`.
pub const MAX_GROUP_MEMBERS: u32 = 256;
/// Largest record value, in bytes (Kafka's default `max.request.size`, 1 MiB).
pub const MAX_VALUE_BYTES: u32 = 1_048_576;
/// Longest record key, in bytes. Kafka bounds key and value together by
/// `max.request.size`; the simulator bounds each, so a record's size always
/// fits the 21 bits `partition::log::Record` keeps it in.
pub const MAX_KEY_BYTES: u32 = 65_536;
/// Most keys in a numbered key space (`key-0` … `key-(N-1)`).
pub const MAX_KEY_SPACE: u32 = 1_000_000;
/// Largest `step_ms`: simulated milliseconds one tick advances.
pub const MAX_STEP_MS: u64 = 1000;
/// Largest `slow_broker` factor (1 is normal speed).
pub const MAX_SLOW_FACTOR: u32 = 10_000;
/// Smallest `segment.bytes`: Kafka's `LogConfig` minimum (a record batch header).
pub const MIN_SEGMENT_BYTES: i64 = 14;
/// Largest `segment.bytes` (Kafka's is an `int`).
pub const MAX_SEGMENT_BYTES: i64 = i32::MAX as i64;
/// Smallest simulated disk per broker (`broker_config.disk_bytes`): 64 KiB, a
/// few hundred records, enough to watch one fill up in seconds.
pub const MIN_DISK_BYTES: u64 = 65_536;
/// Largest simulated disk per broker: 1 GiB. The disk bounds what a broker
/// holds, so it bounds the simulator's memory: about 16 bytes per record held
/// (10 million 100-byte records, 160 MB, per full 1 GiB broker).
pub const MAX_DISK_BYTES: u64 = 1 << 30;
/// Longest run: 24 simulated hours. A scenario's `duration_ms`, a script step's
/// `at_ms` and the CLI's `--until-ms` / `--at-ms` may not go beyond it, so a
/// typo cannot start a run that takes hours of real time.
pub const MAX_RUN_MS: u64 = 24 * 60 * 60 * 1000;

/// Most partitions one `assign` request may distribute (the subscribed topics'
/// counts summed): the assignors hold a few words per partition, so a typo of
/// 100,000,000 would otherwise abort on allocation instead of being refused.
pub const MAX_ASSIGN_PARTITIONS: u64 = 1_000_000;
/// Most members one `assign` request may hold.
pub const MAX_ASSIGN_MEMBERS: usize = 10_000;

// A group can give every partition of the largest topic its own member.
const _: () = assert!(MAX_GROUP_MEMBERS >= MAX_PARTITIONS);
const _: () = assert!(MIN_SEGMENT_BYTES < MAX_SEGMENT_BYTES);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_print_as_the_texts_expect() {
        assert_eq!(MAX_RUN_MS, 86_400_000);
        // The texts print rates as whole numbers.
        assert_eq!(MAX_PRODUCER_RATE.to_string(), "100000");
        assert_eq!(MAX_GROUP_RATE.to_string(), "1000000");
        assert_eq!(MAX_PRODUCERS, 256);
    }
}
