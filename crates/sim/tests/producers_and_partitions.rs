//! Producers, partitioners and partitions, checked against the Kafka rule each
//! behaviour models. The key-to-partition oracle is an independent transcription
//! of Kafka's `Utils.murmur2` (checked against `UtilsTest.testMurmur2`), not the
//! simulator's own.

use kafka_sim::config::{Acks, ClusterConfig, KeyOrder, ProducerConfig, TopicConfig, TopicSettings};
use kafka_sim::error::ErrorCode;
use kafka_sim::log::Record;
use kafka_sim::partitioner::{CustomRule, PartitionerKind, PartitionerSettings};
use kafka_sim::{Cluster, Command, Event, EventKind};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------
// Oracle: Kafka's Utils.murmur2 and Utils.toPositive
// ---------------------------------------------------------------------------

/// `org.apache.kafka.common.utils.Utils.murmur2`, transcribed from the Java.
fn java_murmur2(data: &[u8]) -> i32 {
    let length = data.len() as i32;
    let seed: i32 = 0x9747_b28c_u32 as i32;
    let m: i32 = 0x5bd1_e995;
    let r = 24;
    let mut h: i32 = seed ^ length;
    let length4 = data.len() / 4;
    for i in 0..length4 {
        let i4 = i * 4;
        let mut k: i32 = (data[i4] as i32)
            .wrapping_add((data[i4 + 1] as i32) << 8)
            .wrapping_add((data[i4 + 2] as i32) << 16)
            .wrapping_add((data[i4 + 3] as i32) << 24);
        k = k.wrapping_mul(m);
        k ^= ((k as u32) >> r) as i32;
        k = k.wrapping_mul(m);
        h = h.wrapping_mul(m);
        h ^= k;
    }
    let tail = data.len() & !3;
    let rest = data.len() % 4;
    if rest == 3 {
        h ^= (data[tail + 2] as i32) << 16;
    }
    if rest >= 2 {
        h ^= (data[tail + 1] as i32) << 8;
    }
    if rest >= 1 {
        h ^= data[tail] as i32;
        h = h.wrapping_mul(m);
    }
    h ^= ((h as u32) >> 13) as i32;
    h = h.wrapping_mul(m);
    h ^= ((h as u32) >> 15) as i32;
    h
}

/// `BuiltInPartitioner.partitionForKey`: `Utils.toPositive(Utils.murmur2(key)) % numPartitions`.
fn kafka_partition(key: &[u8], partitions: u32) -> u32 {
    (java_murmur2(key) & 0x7fff_ffff) as u32 % partitions
}

#[test]
fn oracle_matches_kafka_utils_test_murmur2_vectors() {
    // UtilsTest.testMurmur2
    let cases: [(&[u8], i32); 6] = [
        (b"21", -973_932_308),
        (b"foobar", -790_332_482),
        (b"a-little-bit-long-string", -985_981_536),
        (b"a-little-bit-longer-string", -1_486_304_829),
        (b"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
        (b"abc", 479_470_107),
    ];
    for (data, want) in cases {
        assert_eq!(java_murmur2(data), want, "{:?}", String::from_utf8_lossy(data));
    }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const TOPIC: &str = "t";

fn topic(partitions: u32) -> TopicConfig {
    TopicConfig { name: TOPIC.into(), partitions, replication_factor: 1, config: TopicSettings::default() }
}

fn cluster(partitions: u32, producers: Vec<ProducerConfig>) -> Cluster {
    Cluster::new(ClusterConfig {
        seed: 11,
        brokers: 1,
        topics: vec![topic(partitions)],
        producers,
        groups: vec![],
        ..ClusterConfig::default()
    })
    .expect("valid test configuration")
}

/// Every retained record of the topic as `(partition, offset, record)`.
fn all_records(c: &Cluster) -> Vec<(u32, u64, Record)> {
    let view = c.view();
    let mut out = Vec::new();
    for p in &view.topics[0].partitions {
        for (o, r) in c.records(TOPIC, p.partition, p.log_start_offset, p.log_end_offset) {
            out.push((p.partition, o, r));
        }
    }
    out
}

/// The records of producer index `producer` in the order it sent them (by `seq`).
fn in_send_order(records: &[(u32, u64, Record)], producer: u16) -> Vec<(u32, u64, Record)> {
    let mut mine: Vec<_> = records.iter().filter(|r| r.2.producer() == producer).copied().collect();
    mine.sort_by_key(|r| r.2.seq());
    mine
}

fn key_string(c: &Cluster, r: &Record) -> Option<String> {
    c.key_bytes(r.key()).map(|k| String::from_utf8(k.to_vec()).unwrap())
}

fn rejected(events: &[Event]) -> Vec<(&'static str, String)> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Rejected { code, reason, .. } => {
                Some((code.name(), kafka_sim::text::error(reason, kafka_sim::Lang::En)))
            }
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Keyed records
// ---------------------------------------------------------------------------

/// `BuiltInPartitioner.partitionForKey` (called from `KafkaProducer.partition`
/// when no `partitioner.class` is set): a keyed record always goes to
/// `toPositive(murmur2(keyBytes)) % numPartitions`.
#[test]
fn keyed_records_go_to_murmur2_of_the_key_modulo_partitions() {
    for partitions in [1, 3, 7, 12] {
        let mut c = cluster(
            partitions,
            vec![
                ProducerConfig { key_space: Some(1_000), ..ProducerConfig::new("p1", TOPIC, 500.0) },
                ProducerConfig {
                    keys: Some(vec!["서울".into(), "busan".into(), "".into(), "a".into(), "vip-42".into()]),
                    ..ProducerConfig::new("p2", TOPIC, 50.0)
                },
            ],
        );
        c.run_until(6_000);
        let records = all_records(&c);
        assert_eq!(records.len(), 3_300);
        for (p, o, r) in &records {
            let key = c.key_bytes(r.key()).expect("every record is keyed");
            assert_eq!(
                *p,
                kafka_partition(key, partitions),
                "key {:?} at {TOPIC}-{p}@{o} with {partitions} partitions",
                String::from_utf8_lossy(key)
            );
        }
    }
}

/// Kafka orders records per partition only; since a key always maps to the same
/// partition, one producer's records with the same key keep their send order
/// (`KafkaProducer` javadoc; `max.in.flight.requests.per.connection` with
/// idempotence keeps order). Offsets follow the producer's sequence per key.
#[test]
fn records_with_the_same_key_keep_their_send_order() {
    let mut c = cluster(
        4,
        vec![ProducerConfig {
            keys: Some((0..9).map(|i| format!("user-{i}")).collect()),
            key_order: KeyOrder::Random,
            ..ProducerConfig::new("p1", TOPIC, 300.0)
        }],
    );
    c.run_until(5_000);
    let records = all_records(&c);
    assert_eq!(records.len(), 1_500);
    // (key) -> (partition, last offset, last seq)
    let mut last: BTreeMap<u32, (u32, u64, u32)> = BTreeMap::new();
    let mut by_offset = records.clone();
    by_offset.sort_by_key(|r| (r.0, r.1));
    for (p, o, r) in by_offset {
        if let Some(&(lp, lo, ls)) = last.get(&r.key()) {
            assert_eq!(lp, p, "a key stays in one partition");
            assert!(o > lo && r.seq() > ls, "key {:?}: seq {} after {}", key_string(&c, &r), r.seq(), ls);
        }
        last.insert(r.key(), (p, o, r.seq()));
    }
    assert_eq!(last.len(), 9);
}

// ---------------------------------------------------------------------------
// Records without a key
// ---------------------------------------------------------------------------

/// KIP-794 (`BuiltInPartitioner`, Kafka 3.3+): records without a key stick to one
/// partition until `batch.size` (default 16384) bytes were produced to it, then
/// the producer switches to another partition. With 1000-byte values (1009 bytes
/// per record in format v2) the switch comes after the 17th record (17 × 1009 ≥ 16384).
#[test]
fn records_without_a_key_stick_to_a_partition_for_a_batch_then_switch() {
    for (batch_size, value_bytes) in [(16_384u32, 1_000u32), (5_000, 200)] {
        let mut c = cluster(
            6,
            vec![ProducerConfig {
                value_bytes,
                partitioner_config: PartitionerSettings { batch_size, ..PartitionerSettings::default() },
                ..ProducerConfig::new("p1", TOPIC, 400.0)
            }],
        );
        c.run_until(10_000);
        let records = in_send_order(&all_records(&c), 0);
        assert_eq!(records.len(), 4_000);
        // The partitioner counts each record at its size at the head of a batch
        // (`DefaultRecord.sizeInBytes` with zero deltas).
        let bytes = kafka_sim::log::record_bytes(0, value_bytes);
        assert!(records.iter().all(|r| c.key_bytes(r.2.key()).is_none()));
        let per_run = batch_size.div_ceil(bytes) as usize;
        // Maximal runs of consecutive records in one partition.
        let mut runs: Vec<(u32, usize)> = Vec::new();
        for (p, _, _) in &records {
            match runs.last_mut() {
                Some((q, n)) if q == p => *n += 1,
                _ => runs.push((*p, 1)),
            }
        }
        let (complete, _last) = runs.split_at(runs.len() - 1);
        for (p, n) in complete {
            // The next sticky partition is drawn at random and may be the same one again.
            assert_eq!(n % per_run, 0, "batch.size {batch_size}: a run of {n} records in partition {p}");
        }
        let exact = complete.iter().filter(|(_, n)| *n == per_run).count();
        assert!(exact * 10 >= complete.len() * 7, "most runs are exactly one batch: {runs:?}");
        let used: std::collections::BTreeSet<u32> = runs.iter().map(|r| r.0).collect();
        assert_eq!(used.len(), 6, "over time every partition gets batches");
    }
}

/// `RoundRobinPartitioner`: records go to the partitions in turn, keys ignored
/// (the fixed behaviour of KAFKA-17632).
#[test]
fn round_robin_partitioner_cycles_over_the_partitions() {
    let mut c = cluster(
        5,
        vec![ProducerConfig {
            keys: Some(vec!["same-key".into()]),
            partitioner: PartitionerKind::RoundRobin,
            ..ProducerConfig::new("p1", TOPIC, 230.0)
        }],
    );
    c.run_until(3_000);
    let records = in_send_order(&all_records(&c), 0);
    assert_eq!(records.len(), 690);
    let first = records[0].0;
    for (i, (p, _, r)) in records.iter().enumerate() {
        assert_eq!(*p, (first + i as u32) % 5, "record seq {}", r.seq());
    }
    let view = c.view();
    for p in &view.topics[0].partitions {
        assert_eq!(p.log_end_offset, 138);
    }
}

/// A custom partitioner (`partitioner.class`, here the simulator's prefix rules):
/// keys starting with `vip-` go to partitions 0–7 of 10, everything else to 8–9,
/// each within its set by `murmur2(key) % set size`.
#[test]
fn custom_vip_rule_keeps_vip_keys_in_partitions_0_to_7() {
    let vip: Vec<u32> = (0..=7).collect();
    let mut keys: Vec<String> = (0..30).map(|i| format!("vip-{i}")).collect();
    keys.extend((0..30).map(|i| format!("user-{i}")));
    let mut c = cluster(
        10,
        vec![
            ProducerConfig {
                keys: Some(keys),
                partitioner: PartitionerKind::Custom(vec![
                    CustomRule { key_prefix: Some("vip-".into()), partitions: vip.clone() },
                    CustomRule { key_prefix: None, partitions: vec![8, 9] },
                ]),
                ..ProducerConfig::new("p1", TOPIC, 600.0)
            },
            ProducerConfig {
                partitioner: PartitionerKind::Custom(vec![
                    CustomRule { key_prefix: Some("vip-".into()), partitions: vip.clone() },
                    CustomRule { key_prefix: None, partitions: vec![8, 9] },
                ]),
                ..ProducerConfig::new("nokeys", TOPIC, 100.0)
            },
        ],
    );
    c.run_until(5_000);
    let records = all_records(&c);
    assert_eq!(records.len(), 3_500);
    let mut vip_partitions = std::collections::BTreeSet::new();
    for (p, _, r) in &records {
        match key_string(&c, r) {
            Some(k) if k.starts_with("vip-") => {
                let set_index = (java_murmur2(k.as_bytes()) & 0x7fff_ffff) as u32 % 8;
                assert_eq!(*p, vip[set_index as usize], "{k}");
                vip_partitions.insert(*p);
            }
            Some(k) => {
                let set_index = (java_murmur2(k.as_bytes()) & 0x7fff_ffff) as u32 % 2;
                assert_eq!(*p, [8, 9][set_index as usize], "{k}");
            }
            None => assert!(*p == 8 || *p == 9, "a record without a key goes to the catch-all rule"),
        }
    }
    assert!(vip_partitions.len() >= 6, "vip keys spread over the vip partitions: {vip_partitions:?}");
}

// ---------------------------------------------------------------------------
// Adding partitions
// ---------------------------------------------------------------------------

/// `AdminZkClient.addPartitions` / `kafka-topics --alter --partitions`: the topic
/// grows, old records stay where they are, and since keys are hashed modulo the
/// new count some keys now go to a different partition (the Kafka docs warn
/// about this for keyed topics).
#[test]
fn adding_partitions_moves_some_keys_to_another_partition() {
    let keys: Vec<String> = (0..40).map(|i| format!("key-{i}")).collect();
    let mut c = Cluster::new(ClusterConfig {
        seed: 11,
        brokers: 1,
        topics: vec![topic(3)],
        producers: vec![ProducerConfig { keys: Some(keys.clone()), ..ProducerConfig::new("p1", TOPIC, 200.0) }],
        groups: vec![kafka_sim::config::GroupConfig::new("g", TOPIC, 2)],
        ..ClusterConfig::default()
    })
    .unwrap();
    c.run_until(2_000);
    let before: Vec<u64> = c.view().topics[0].partitions.iter().map(|p| p.log_end_offset).collect();
    let _ = c.drain_events();
    c.apply(Command::AddPartitions { topic: TOPIC.into(), partitions: 4 }).unwrap();
    let events = c.drain_events();
    assert_eq!(events[0].kind, EventKind::PartitionsAdded { topic: TOPIC.into(), from: 3, to: 4 });
    let assigned: usize = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Rebalanced { group, assignment, .. } if group == "g" => {
                Some(assignment.iter().map(|(_, tps)| tps.len()).sum::<usize>())
            }
            _ => None,
        })
        .sum();
    assert_eq!(assigned, 4, "the group rebalances over the new partition count");
    c.run_until(4_000);

    let view = c.view();
    assert_eq!(view.topics[0].partitions.len(), 4);
    let records = all_records(&c);
    // key -> partitions before and after the change
    let mut seen: BTreeMap<String, (Vec<u32>, Vec<u32>)> = BTreeMap::new();
    for (p, o, r) in &records {
        let k = key_string(&c, r).unwrap();
        let old = (*p as usize) < before.len() && *o < before[*p as usize];
        let want = kafka_partition(k.as_bytes(), if old { 3 } else { 4 });
        assert_eq!(*p, want, "{k} {}", if old { "before" } else { "after" });
        let e = seen.entry(k).or_default();
        let list = if old { &mut e.0 } else { &mut e.1 };
        if !list.contains(p) {
            list.push(*p);
        }
    }
    let moved: Vec<&String> = seen.iter().filter(|(_, (b, a))| b != a).map(|(k, _)| k).collect();
    assert!(!moved.is_empty(), "some key changed partition");
    assert!(moved.len() < keys.len(), "but not every key");
    assert!(view.topics[0].partitions[3].log_end_offset > 0);
    for (p, &end) in before.iter().enumerate() {
        assert!(view.topics[0].partitions[p].log_end_offset >= end, "old records stay where they were");
    }
}

/// `AdminZkClient.addPartitions` / `ReplicationControlManager.createPartitions`:
/// the new count must be larger (INVALID_PARTITIONS otherwise); a refused
/// command changes nothing.
#[test]
fn adding_fewer_or_equal_partitions_is_invalid_partitions_and_changes_nothing() {
    let mut c = cluster(3, vec![ProducerConfig::new("p1", TOPIC, 50.0)]);
    c.run_until(1_000);
    let _ = c.drain_events();
    let before = c.view();
    for n in [2, 3, 0] {
        let err = c.apply(Command::AddPartitions { topic: TOPIC.into(), partitions: n }).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidPartitions, "{n}");
        let events = c.drain_events();
        let rej = rejected(&events);
        assert_eq!(rej.len(), 1);
        assert_eq!(rej[0].0, "INVALID_PARTITIONS");
        assert_eq!(events.len(), 1, "only the rejection is reported");
        assert_eq!(c.view(), before, "nothing changed");
    }
    assert!(c
        .apply(Command::AddPartitions { topic: TOPIC.into(), partitions: 2 })
        .unwrap_err()
        .en()
        .contains("cannot go down to 2"));
    let err = c.apply(Command::AddPartitions { topic: "nope".into(), partitions: 9 }).unwrap_err();
    assert_eq!(err.code, ErrorCode::UnknownTopicOrPartition);
}

// ---------------------------------------------------------------------------
// Offsets and rates
// ---------------------------------------------------------------------------

/// `UnifiedLog.append` assigns offsets consecutively from the log end offset,
/// starting at 0 for a new partition; `produced` events tile the offsets.
#[test]
fn offsets_are_contiguous_from_zero() {
    let mut c = cluster(
        4,
        vec![
            ProducerConfig { key_space: Some(50), ..ProducerConfig::new("p1", TOPIC, 170.0) },
            ProducerConfig::new("p2", TOPIC, 90.0),
        ],
    );
    c.run_until(7_000);
    let events = c.drain_events();
    let view = c.view();
    let mut next = [0u64; 4];
    for e in &events {
        if let EventKind::Produced { partition, first_offset, last_offset, count, .. } = &e.kind {
            let p = *partition as usize;
            assert_eq!(*first_offset, next[p], "partition {p}");
            assert_eq!(last_offset - first_offset + 1, u64::from(*count));
            next[p] = last_offset + 1;
        }
    }
    for p in &view.topics[0].partitions {
        assert_eq!(p.log_start_offset, 0);
        assert_eq!(next[p.partition as usize], p.log_end_offset);
        let offsets: Vec<u64> = c.records(TOPIC, p.partition, 0, p.log_end_offset).iter().map(|r| r.0).collect();
        assert_eq!(offsets, (0..p.log_end_offset).collect::<Vec<_>>());
    }
    assert_eq!(view.topics[0].partitions.iter().map(|p| p.log_end_offset).sum::<u64>(), 1_820);
}

/// A producer configured for `rate_per_s` records per simulated second sends
/// exactly rate × seconds (and a rate change applies from then on).
#[test]
fn producer_rate_produces_rate_times_seconds_records() {
    let mut c = cluster(2, vec![ProducerConfig::new("a", TOPIC, 37.0), ProducerConfig::new("b", TOPIC, 2.5)]);
    c.run_until(10_000);
    let view = c.view();
    assert_eq!(view.producers[0].sent, 370);
    assert_eq!(view.producers[1].sent, 25);
    assert_eq!(view.topics[0].partitions.iter().map(|p| p.log_end_offset).sum::<u64>(), 395);
    c.apply(Command::SetProducerRate { producer: "a".into(), rate_per_s: 120.0 }).unwrap();
    c.apply(Command::SetProducerRate { producer: "b".into(), rate_per_s: 0.0 }).unwrap();
    c.run_until(15_000);
    let view = c.view();
    assert_eq!(view.producers[0].sent, 370 + 600);
    assert_eq!(view.producers[1].sent, 25);
    assert_eq!(view.topics[0].partitions.iter().map(|p| p.log_end_offset).sum::<u64>(), 995);
}

/// `AdminUtils.assignReplicasToBrokers` / `TopicCommand`: "Replication factor: 3
/// larger than available brokers: 2" (INVALID_REPLICATION_FACTOR), naming both numbers.
#[test]
fn replication_factor_larger_than_brokers_is_invalid_replication_factor() {
    let err = Cluster::new(ClusterConfig {
        brokers: 2,
        topics: vec![TopicConfig { replication_factor: 3, ..topic(3) }],
        producers: vec![],
        groups: vec![],
        ..ClusterConfig::default()
    })
    .unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidReplicationFactor);
    assert_eq!(err.code.name(), "INVALID_REPLICATION_FACTOR");
    assert_eq!(err.field, "topics[0].replication_factor");
    assert!(err.en().contains('3') && err.en().contains('2'), "{}", err.en());
    assert!(err.en().contains("replication factor 3") && err.en().contains("2 brokers"), "{}", err.en());
    assert!(err.ko().contains('3') && err.ko().contains('2'), "{}", err.ko());
}

/// A record names the producer that sent it (`Record.producer`, shown by the UI
/// and used for per-producer sequences). Removing another producer must not make
/// a producer's records change hands: each producer's records carry one stable
/// producer index, and no two producers share one.
#[test]
fn records_keep_naming_their_producer_after_another_producer_is_removed() {
    let mut c = cluster(
        1,
        vec![
            ProducerConfig { keys: Some(vec!["from-a".into()]), ..ProducerConfig::new("a", TOPIC, 10.0) },
            ProducerConfig { keys: Some(vec!["from-b".into()]), ..ProducerConfig::new("b", TOPIC, 10.0) },
        ],
    );
    c.run_until(1_000);
    c.apply(Command::RemoveProducer { producer: "a".into() }).unwrap();
    c.run_until(2_000);
    let mut producer_of_key: BTreeMap<String, std::collections::BTreeSet<u16>> = BTreeMap::new();
    for (_, _, r) in all_records(&c) {
        producer_of_key.entry(key_string(&c, &r).unwrap()).or_default().insert(r.producer());
    }
    assert_eq!(producer_of_key["from-b"].len(), 1, "b's records name one producer: {producer_of_key:?}");
    assert!(
        producer_of_key["from-a"].is_disjoint(&producer_of_key["from-b"]),
        "a and b are told apart: {producer_of_key:?}"
    );
}

/// `Partition.appendRecordsToLeader` calls `maybeIncrementLeaderHW` after every
/// append, whatever `acks` the producer asked for: on a single-replica partition
/// (ISR = the leader) the high watermark follows the log end at once, so
/// consumers can read records written with acks=1 or acks=0 right away.
#[test]
fn single_replica_high_watermark_follows_every_append_whatever_the_acks() {
    for acks in [Acks::Leader, Acks::None] {
        let mut c = cluster(1, vec![ProducerConfig { acks, ..ProducerConfig::new("p1", TOPIC, 10.0) }]);
        // Ticks that appended to partition 0, so the check ran after real appends.
        let (mut appends, mut last_leo) = (0, 0);
        for _ in 0..30 {
            c.tick();
            let view = c.view();
            let p = &view.topics[0].partitions[0];
            if p.log_end_offset > last_leo {
                appends += 1;
                last_leo = p.log_end_offset;
            }
            assert_eq!(
                p.high_watermark,
                p.log_end_offset,
                "acks={}: t={} HW {} behind LEO {}",
                acks.name(),
                view.time_ms,
                p.high_watermark,
                p.log_end_offset
            );
        }
        // 10 records/s and 100 ms steps: one record, so one append, per tick.
        assert_eq!(appends, 30, "acks={}: partition 0 grew on {appends} of 30 ticks (LEO {last_leo})", acks.name());
    }
}

/// `segment.bytes` is a dynamic topic config (`kafka-configs --alter`): the
/// active segment rolls by the new size from its next append on, and a plan
/// from the config panel applies it live instead of restarting.
#[test]
fn segment_bytes_changes_live_and_the_active_segment_rolls_by_it() {
    let mut c = cluster(1, vec![ProducerConfig::new("p", "t", 20.0)]);
    c.run_until(5_000);
    assert_eq!(c.view().topics[0].partitions[0].segments, 1, "1 GiB segments: one active segment");
    let changes = kafka_sim::command::TopicConfigChange { segment_bytes: Some(1_000), ..Default::default() };
    c.apply(Command::SetTopicConfig { topic: "t".into(), changes }).unwrap();
    c.run_until(10_000);
    let p = &c.view().topics[0].partitions[0];
    assert!(p.segments > 5, "rolled every ~1000 B after the change: {} segments", p.segments);
    let bad = kafka_sim::command::TopicConfigChange { segment_bytes: Some(3), ..Default::default() };
    assert!(c.apply(Command::SetTopicConfig { topic: "t".into(), changes: bad }).is_err(), "below Kafka's minimum");

    let old = c.config().clone();
    let mut new = old.clone();
    new.topics[0].config.segment_ms = 60_000;
    let plan = kafka_sim::reconfigure::plan(&old, &new);
    assert!(!plan.needs_restart(), "{:?}", plan.restart);
    assert_eq!(plan.live.len(), 1);
}
