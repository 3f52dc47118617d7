//! What brokers spend: bytes in, out and replicated per broker and topic, disk
//! bytes, and the per-second rates, as Kafka's `BrokerTopicMetrics`
//! (BytesInPerSec, BytesOutPerSec, ReplicationBytesInPerSec,
//! ReplicationBytesOutPerSec, fed by the produce path, consumer fetches and
//! `ReplicaFetcherThread`) and `kafka.log:type=Log,name=Size`. Record sizes are
//! message format v2: `DefaultRecord.sizeInBytes` per record and
//! `DefaultRecordBatch.RECORD_BATCH_OVERHEAD` (61 B) per batch.

use kafka_sim::config::{Acks, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings};
use kafka_sim::log::{record_size, size_of_varint, size_of_varlong, RECORD_BATCH_OVERHEAD};
use kafka_sim::view::{BrokerTraffic, ClusterView};
use kafka_sim::{Cluster, Command, EventKind};

const T: &str = "t";

fn config(brokers: u32, partitions: u32, rf: u32, settings: TopicSettings) -> ClusterConfig {
    ClusterConfig {
        seed: 7,
        brokers,
        topics: vec![TopicConfig { name: T.into(), partitions, replication_factor: rf, config: settings }],
        producers: vec![],
        groups: vec![],
        step_ms: 100,
        ..ClusterConfig::default()
    }
}

fn broker(view: &ClusterView, id: u32) -> &BrokerTraffic {
    &view.brokers.iter().find(|b| b.id == id).expect("broker").traffic
}

fn sum(view: &ClusterView, f: impl Fn(&BrokerTraffic) -> u64) -> u64 {
    view.brokers.iter().map(|b| f(&b.traffic)).sum()
}

/// `ByteUtils.sizeOfVarint` / `sizeOfVarlong` on zig-zag values: 1 byte up to
/// 63 (zig-zag 126), 2 from 64 (zig-zag 128); −1 (a null key's length) is 1 byte.
#[test]
fn varint_sizes_follow_byte_utils() {
    assert_eq!([0, 63, 64, 8191, 8192, -1, -64, -65].map(size_of_varint), [1, 1, 2, 2, 3, 1, 1, 2]);
    assert_eq!(size_of_varint(i32::MAX), 5);
    assert_eq!(size_of_varlong(i64::MAX), 10);
    assert_eq!(size_of_varlong(33), 1);
    assert_eq!(size_of_varlong(66), 2);
}

/// One producer (30 records/s, key "abc", 10-byte values, acks=1), one
/// partition, RF 2, one consumer reading from the earliest offset; 100 ms steps.
/// Each step sends one batch of 3 records with CreateTimes t−66, t−33, t
/// (`ceil(n × 1000 / 30)`), so, from `DefaultRecord.sizeInBytes`
/// (attributes 1 + varlong ts delta + varint offset delta + varint key len 1 +
/// key 3 + varint value len 1 + value 10 + header count 1, plus varint(body)):
/// - record 0: deltas 0, 0   → body 1+1+1+4+11+1 = 19, + 1 = 20 B, + 61 B header = 81
/// - record 1: deltas 1, 33  → body 19 (zig-zag 66 is one byte) → 20 B
/// - record 2: deltas 2, 66  → body 20 (zig-zag 132 takes two) → 21 B
///
/// One batch is 122 B. After 10 steps (1 s): the leader appended 10 batches
/// (1220 B); the follower fetches before producers send, so it fetched 9
/// (1098 B); the high watermark is its fetch offset at the last fetch, 8
/// batches (24 records), which the consumer has read: 976 B out.
#[test]
fn exact_bytes_of_a_small_run_from_the_v2_format() {
    assert_eq!(record_size(3, 10, 0, 0) + RECORD_BATCH_OVERHEAD, 81);
    assert_eq!(record_size(3, 10, 1, 33), 20);
    assert_eq!(record_size(3, 10, 2, 66), 21);
    let mut c = config(2, 1, 2, TopicSettings::default());
    c.producers.push(ProducerConfig {
        keys: Some(vec!["abc".into()]),
        value_bytes: 10,
        acks: Acks::Leader,
        ..ProducerConfig::new("p", T, 30.0)
    });
    c.groups.push(GroupConfig { auto_offset_reset: OffsetReset::Earliest, ..GroupConfig::new("g", T, 1) });
    let mut c = Cluster::new(c).unwrap();
    c.run_until(1000);
    let v = c.view();
    let p = &v.topics[0].partitions[0];
    let (leader, follower) = (p.leader.unwrap(), p.replicas.iter().copied().find(|&b| Some(b) != p.leader).unwrap());
    assert_eq!((p.log_end_offset, p.high_watermark), (30, 24));
    let l = broker(&v, leader);
    let f = broker(&v, follower);
    assert_eq!((l.bytes_in, l.replication_bytes_out, l.bytes_out), (1220, 1098, 976));
    assert_eq!((f.bytes_in, f.replication_bytes_in, f.bytes_out, f.replication_bytes_out), (0, 1098, 0, 0));
    assert_eq!((l.disk_bytes, f.disk_bytes), (1220, 1098));
    assert_eq!((l.leader_partitions, l.replicas, f.leader_partitions, f.replicas), (1, 1, 0, 1));
    // The first second is the whole run: rates equal the totals.
    assert_eq!((l.bytes_in_per_s, l.bytes_out_per_s, l.replication_bytes_out_per_s), (1220, 976, 1098));
    assert_eq!(f.replication_bytes_in_per_s, 1098);
    let t = &v.topics[0].traffic;
    assert_eq!((t.bytes_in, t.replication_bytes, t.bytes_out, t.disk_bytes), (1220, 1098, 976, 2318));
    let pt = v.producers[0].throughput;
    assert_eq!((pt.records_per_s, pt.bytes_per_s, pt.records, pt.bytes), (30, 1220, 30, 1220));
    let gt = v.groups[0].throughput;
    assert_eq!((gt.records_per_s, gt.bytes_per_s), (24, 976));
}

/// ReplicaFetcherThread: with every follower in sync, each fetched every byte its
/// leaders appended, so replication bytes in (over the followers) = (RF − 1) ×
/// bytes in, and every broker's replication out is what its leaders served.
#[test]
fn in_sync_followers_replicate_rf_minus_one_times_the_bytes_in() {
    let mut c = config(4, 6, 3, TopicSettings::default());
    c.producers.push(ProducerConfig {
        keys: Some((0..50).map(|i| format!("key-{i}")).collect()),
        ..ProducerConfig::new("keyed", T, 300.0)
    });
    c.producers.push(ProducerConfig::new("nulls", T, 170.0));
    let mut c = Cluster::new(c).unwrap();
    c.run_until(5_000);
    for p in ["keyed", "nulls"] {
        c.apply(Command::SetProducerRate { producer: p.into(), rate_per_s: 0.0 }).unwrap();
    }
    // Followers catch up at 5.1 s; the window of the last second is 5.2–6.1 s.
    c.run_until(6_100);
    let v = c.view();
    assert!(v.topics[0].partitions.iter().all(|p| p.isr.len() == 3 && p.high_watermark == p.log_end_offset));
    let bytes_in = sum(&v, |t| t.bytes_in);
    assert!(bytes_in > 100_000, "a busy run: {bytes_in}");
    assert_eq!(sum(&v, |t| t.replication_bytes_in), 2 * bytes_in);
    assert_eq!(sum(&v, |t| t.replication_bytes_out), 2 * bytes_in);
    assert_eq!(sum(&v, |t| t.disk_bytes), 3 * bytes_in);
    let t = &v.topics[0].traffic;
    assert_eq!((t.bytes_in, t.replication_bytes, t.disk_bytes), (bytes_in, 2 * bytes_in, 3 * bytes_in));
    let produced: u64 = v.producers.iter().map(|p| p.throughput.bytes).sum();
    assert_eq!(produced, bytes_in, "no retries: every byte sent was appended once");
    assert_eq!(sum(&v, |t| u64::from(t.leader_partitions)), 6);
    assert_eq!(sum(&v, |t| u64::from(t.replicas)), 18);
    // Idle for the last second: every rate is zero again.
    assert!(v.brokers.iter().all(|b| b.traffic.bytes_in_per_s == 0 && b.traffic.replication_bytes_in_per_s == 0));
}

/// `UnifiedLog.deleteOldSegments`: a broker's disk bytes (its replicas' logs)
/// fall when retention deletes segments, by what was deleted.
#[test]
fn disk_bytes_fall_when_retention_deletes_a_segment() {
    let settings = TopicSettings { segment_bytes: 2_000, retention_ms: 3_000, ..TopicSettings::default() };
    let mut c = config(2, 1, 2, settings);
    c.producers.push(ProducerConfig::new("p", T, 50.0));
    c.broker_config.log_retention_check_interval_ms = 500;
    let mut c = Cluster::new(c).unwrap();
    let mut before = c.view();
    let mut falls = 0;
    while c.view().time_ms < 20_000 {
        c.tick();
        let now = c.view();
        let deleted: u64 = c
            .drain_events()
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::SegmentsDeleted { bytes, .. } => Some(*bytes),
                _ => None,
            })
            .sum();
        let leader = now.topics[0].partitions[0].leader.unwrap();
        let (was, is) = (broker(&before, leader).disk_bytes, broker(&now, leader).disk_bytes);
        let appended = broker(&now, leader).bytes_in - broker(&before, leader).bytes_in;
        // The leader's log: + what it appended − what retention deleted from it.
        assert_eq!(is, was + appended - deleted, "t={}", now.time_ms);
        if is < was {
            falls += 1;
            assert!(deleted > 0, "only retention makes a disk shrink");
        }
        before = now;
    }
    assert!(falls >= 3, "the leader's disk bytes fell several times: {falls}");
    let v = c.view();
    assert_eq!(v.topics[0].traffic.disk_bytes, sum(&v, |t| t.disk_bytes));
    assert!(v.topics[0].traffic.disk_bytes < v.topics[0].traffic.bytes_in * 2, "disk holds less than was written");
}

/// The per-second rates are the bytes of the last simulated second: the
/// difference of the totals one second apart, at any moment, through a broker
/// crash and restart.
#[test]
fn per_second_rates_are_the_last_seconds_bytes() {
    let mut c = config(3, 4, 3, TopicSettings { min_insync_replicas: 2, ..TopicSettings::default() });
    c.producers.push(ProducerConfig { rate_per_s: 400.0, ..ProducerConfig::new("p", T, 400.0) });
    c.groups.push(GroupConfig::new("g", T, 2));
    let mut c = Cluster::new(c).unwrap();
    let mut history: Vec<ClusterView> = Vec::new();
    // The restart at step 80 is inside broker.session.timeout.ms: broker 2
    // registers only when its old session expires (step 130).
    for step in 0..160 {
        match step {
            40 => c.apply(Command::KillBroker { broker: 2 }).unwrap(),
            80 => c.apply(Command::RestartBroker { broker: 2 }).unwrap(),
            _ => {}
        }
        c.tick();
        history.push(c.view());
    }
    let mut moving = 0;
    for i in 10..history.len() {
        let (a, b) = (&history[i - 10], &history[i]);
        for (x, y) in a.brokers.iter().zip(&b.brokers) {
            let (x, y) = (&x.traffic, &y.traffic);
            assert_eq!(y.bytes_in_per_s, y.bytes_in - x.bytes_in);
            assert_eq!(y.bytes_out_per_s, y.bytes_out - x.bytes_out);
            assert_eq!(y.replication_bytes_in_per_s, y.replication_bytes_in - x.replication_bytes_in);
            assert_eq!(y.replication_bytes_out_per_s, y.replication_bytes_out - x.replication_bytes_out);
            moving += u32::from(y.bytes_in_per_s > 0 && y.replication_bytes_in_per_s > 0);
        }
        let (px, py) = (&a.producers[0].throughput, &b.producers[0].throughput);
        assert_eq!((py.records_per_s, py.bytes_per_s), (py.records - px.records, py.bytes - px.bytes));
        let (gx, gy) = (&a.groups[0].throughput, &b.groups[0].throughput);
        assert_eq!((gy.records_per_s, gy.bytes_per_s), (gy.records - gx.records, gy.bytes - gx.bytes));
    }
    assert!(moving > 100, "the rates were not all zero: {moving}");
    // The crashed broker neither accepted nor replicated anything while down.
    let (down, later) = (&history[45], &history[75]);
    assert_eq!(broker(later, 2).bytes_in, broker(down, 2).bytes_in);
    assert_eq!(broker(later, 2).replication_bytes_in, broker(down, 2).replication_bytes_in);
    assert_eq!(broker(&history[125], 2).replication_bytes_in, broker(down, 2).replication_bytes_in, "still refused");
    assert!(broker(&history[159], 2).replication_bytes_in_per_s > 0, "it replicates again after the restart");
}

/// `scenarios/shop.json` is the shop preset as a file: its configuration is
/// exactly `presets::shop(1)` (so the CLI's golden trace of it covers the preset).
#[test]
fn the_shop_scenario_file_is_the_shop_preset() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios/shop.json");
    let text = std::fs::read_to_string(path).expect("scenarios/shop.json");
    let scenario: kafka_sim::scenario::Scenario = serde_json::from_str(&text).expect("a scenario");
    scenario.validate().expect("a valid scenario");
    assert_eq!(scenario.config(), kafka_sim::presets::shop(1));
    assert!(!scenario.script.is_empty(), "it plays a script");
}
