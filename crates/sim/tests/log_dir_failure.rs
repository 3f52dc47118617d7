//! A broker's disk fills up: Kafka's log directory failure path.
//!
//! A write that does not fit throws in the log layer; `LogDirFailureChannel`
//! marks the directory offline and the request fails with KAFKA_STORAGE_ERROR;
//! `ReplicaManager.handleLogDirFailure` takes the replicas in it offline; and
//! `LogManager.handleLogDirFailure` halts the broker when no live log
//! directory is left (`Exit.halt`), which for a one-directory broker is at
//! once. The controller notices when the broker's session expires, as for a
//! crash. Each simulated broker has one log directory of
//! `broker_config.disk_bytes`.

use kafka_sim::config::{Acks, BrokerSettings, ClusterConfig, ProducerConfig, TopicConfig, TopicSettings};
use kafka_sim::error::ErrorCode;
use kafka_sim::murmur2::{murmur2, to_positive};
use kafka_sim::{BrokerId, Cluster, Command, Event, EventKind};

const DISK: u64 = 200_000;
const SESSION_MS: u64 = 3000;

fn config(topic: TopicConfig, producers: Vec<ProducerConfig>) -> ClusterConfig {
    ClusterConfig {
        seed: 3,
        brokers: 3,
        topics: vec![topic],
        producers,
        groups: vec![],
        step_ms: 100,
        broker_config: BrokerSettings {
            broker_session_timeout_ms: SESSION_MS,
            disk_bytes: DISK,
            log_retention_check_interval_ms: 1000,
            ..BrokerSettings::default()
        },
    }
}

fn topic(partitions: u32, rf: u32, settings: TopicSettings) -> TopicConfig {
    TopicConfig { name: "t".into(), partitions, replication_factor: rf, config: settings }
}

/// Runs to `t_ms`, checking after every step that no broker holds more than
/// its disk, and returns every event.
fn run(c: &mut Cluster, t_ms: u64) -> Vec<Event> {
    let mut events = Vec::new();
    while c.time_ms() < t_ms {
        c.tick();
        events.extend(c.drain_events());
        for b in c.view().brokers {
            assert!(
                b.traffic.disk_bytes <= DISK,
                "broker {} holds {} bytes of a {DISK}-byte disk",
                b.id,
                b.traffic.disk_bytes
            );
        }
    }
    events
}

fn failures(events: &[Event]) -> Vec<(u64, BrokerId, bool)> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::LogDirFailed { broker, follower, .. } => Some((e.t_ms, *broker, *follower)),
            _ => None,
        })
        .collect()
}

/// A key that the default partitioner puts in `partition` of `partitions`.
fn key_for(partition: u32, partitions: u32) -> String {
    (0..)
        .map(|i| format!("k{i}"))
        .find(|k| to_positive(murmur2(k.as_bytes())) as u32 % partitions == partition)
        .expect("some key hashes there")
}

#[test]
fn full_disk_halts_the_leader_log_manager_handle_log_dir_failure() {
    // One partition on all three brokers: the leader writes first, so its
    // disk fills first (followers copy what it wrote a step earlier).
    let producer = ProducerConfig { value_bytes: 1000, acks: Acks::Leader, ..ProducerConfig::new("p", "t", 50.0) };
    let mut c = Cluster::new(config(topic(1, 3, TopicSettings::default()), vec![producer])).unwrap();
    let leader = c.view().topics[0].partitions[0].leader.unwrap();
    let events = run(&mut c, 10_000);
    let failed = failures(&events);
    let &(t_fail, broker, follower) = failed.first().expect("the disk fills: ~50 KB/s against 200 KB");
    assert_eq!((broker, follower), (leader, false), "the leader's own append did not fit");
    let e = events.iter().find(|e| matches!(e.kind, EventKind::LogDirFailed { .. })).unwrap();
    let EventKind::LogDirFailed { write_bytes, used_bytes, disk_bytes, .. } = e.kind.clone() else { unreachable!() };
    assert_eq!(disk_bytes, DISK);
    assert!(used_bytes <= DISK && used_bytes + write_bytes > DISK, "{used_bytes} + {write_bytes} does not fit {DISK}");
    assert_eq!(e.code(), Some("KAFKA_STORAGE_ERROR"));
    assert!(e.message(kafka_sim::text::Lang::En).contains("LogManager.handleLogDirFailure"));
    // The producer is told KAFKA_STORAGE_ERROR, and retries.
    assert!(events.iter().any(|e| matches!(&e.kind,
        EventKind::ProduceError { error: ErrorCode::KafkaStorageError, retrying: true, .. } if e.t_ms == t_fail)));
    // Halted like a crash: down at once, fenced and replaced when its session expires.
    let fenced =
        events.iter().find(|e| matches!(e.kind, EventKind::BrokerFenced { broker: b } if b == leader)).unwrap();
    assert_eq!(fenced.t_ms, t_fail + SESSION_MS);
    let after = |t: u64| events.iter().filter(move |e| e.t_ms >= t);
    assert!(after(fenced.t_ms).any(|e| matches!(&e.kind, EventKind::LeaderElected { leader: b, .. } if *b != leader)));
    let mut c2 = c.clone();
    let v = c2.view();
    let b = v.brokers.iter().find(|b| b.id == leader).unwrap();
    assert!(!b.alive && b.log_dir_offline);
    // Restarting frees nothing: the next write that does not fit halts it again.
    c2.apply(Command::RestartBroker { broker: leader }).unwrap();
    let more = run(&mut c2, 20_000);
    assert!(more.iter().any(|e| matches!(e.kind, EventKind::BrokerRestarted { broker } if broker == leader)));
    assert!(failures(&more).iter().any(|&(_, b, _)| b == leader), "full again on its first fetch or append");
}

#[test]
fn a_follower_fetch_that_does_not_fit_halts_the_follower() {
    // Three partitions, RF 2, striped: P0 on [1, 2], P1 on [2, 3], P2 on [3, 1].
    // A one-off burst to P1 fills half of broker 2 (its leader), then a steady
    // stream to P0 reaches broker 2 only through its follower fetches.
    let mut c = Cluster::new(config(
        topic(3, 2, TopicSettings::default()),
        vec![
            ProducerConfig {
                keys: Some(vec![key_for(0, 3)]),
                value_bytes: 500,
                ..ProducerConfig::new("steady", "t", 40.0)
            },
            ProducerConfig {
                keys: Some(vec![key_for(1, 3)]),
                value_bytes: 10_000,
                ..ProducerConfig::new("burst", "t", 12.0)
            },
        ],
    ))
    .unwrap();
    let replicas: Vec<Vec<BrokerId>> = c.view().topics[0].partitions.iter().map(|p| p.replicas.clone()).collect();
    assert_eq!(replicas[0], vec![1, 2]);
    assert_eq!(replicas[1][0], 2, "broker 2 leads P1");
    let mut events = run(&mut c, 1000);
    c.apply(Command::SetProducerRate { producer: "burst".into(), rate_per_s: 0.0 }).unwrap();
    let disk = |c: &Cluster, b: usize| c.view().brokers[b - 1].traffic.disk_bytes;
    assert!((100_000..150_000).contains(&disk(&c, 2)), "the burst took {} bytes of broker 2's disk", disk(&c, 2));
    events.extend(run(&mut c, 20_000));
    let failed = failures(&events);
    assert_eq!(
        failed.first().map(|&(_, b, f)| (b, f)),
        Some((2, true)),
        "broker 2's fetch of P0 did not fit: {failed:?}"
    );
    let text = events.iter().find(|e| matches!(e.kind, EventKind::LogDirFailed { .. })).unwrap();
    assert!(text.message(kafka_sim::text::Lang::Ko).contains("팔로워 fetch"));
    assert!(text.message(kafka_sim::text::Lang::En).contains("a follower fetch"));
}

#[test]
fn retention_keeps_a_disk_from_filling() {
    // retention.bytes 20 KB per replica, 1 KB segments: each broker holds at
    // most one partition's 20 KB plus a segment, far below its 200 KB disk.
    let settings = TopicSettings {
        retention_bytes: 20_000,
        segment_bytes: 1_000,
        min_insync_replicas: 1,
        ..TopicSettings::default()
    };
    let producer = ProducerConfig { value_bytes: 1000, ..ProducerConfig::new("p", "t", 50.0) };
    let mut c = Cluster::new(config(topic(1, 3, settings), vec![producer])).unwrap();
    let events = run(&mut c, 60_000);
    assert_eq!(failures(&events), vec![]);
    assert!(c.view().topics[0].partitions[0].log_start_offset > 0, "retention deleted segments");
}

#[test]
fn disk_bytes_outside_its_limits_is_refused_naming_field_and_limits() {
    for bad in [0, 65_535, (1 << 30) + 1] {
        let mut cfg = config(topic(1, 1, TopicSettings::default()), vec![]);
        cfg.broker_config.disk_bytes = bad;
        let e = Cluster::new(cfg).unwrap_err();
        assert_eq!(e.field.to_string(), "broker_config.disk_bytes");
        assert!(e.en().contains("65536") && e.en().contains("1073741824"), "{}", e.en());
    }
}
