//! `kafka-topics --create` on a running cluster (`Command::CreateTopic`), as
//! KRaft's `ReplicationControlManager.createTopic` answers it: a taken name is
//! TOPIC_ALREADY_EXISTS, an illegal one INVALID_TOPIC_EXCEPTION (`Topic.validate`),
//! a partition count below 1 INVALID_PARTITIONS, and a replication factor that
//! the registered brokers cannot reach INVALID_REPLICATION_FACTOR
//! (`StripedReplicaPlacer.place`: "The target replication factor of N cannot be
//! reached because only M broker(s) are registered"). New replicas go to live,
//! unfenced brokers only (Kafka may put a follower on a fenced one).

use kafka_sim::config::{ClusterConfig, ProducerConfig, TopicConfig, TopicSettings};
use kafka_sim::scenario::{Runner, Scenario};
use kafka_sim::{limits, Cluster, Command, EventKind};

fn cluster(brokers: u32) -> Cluster {
    Cluster::new(ClusterConfig { seed: 11, brokers, ..ClusterConfig::default() }).unwrap()
}

fn topic(name: &str, partitions: u32, rf: u32) -> TopicConfig {
    TopicConfig { name: name.into(), partitions, replication_factor: rf, config: TopicSettings::default() }
}

/// The refusal's error code; the cluster's topics are unchanged by it.
fn refused(c: &mut Cluster, t: TopicConfig) -> &'static str {
    let before = c.view().topics;
    let e = c.apply(Command::CreateTopic(t)).unwrap_err();
    assert_eq!(c.view().topics, before, "a refused create changes nothing");
    e.code.name()
}

/// The controller places the new topic like a starting one
/// (`AdminUtils.assignReplicasToBrokersRackUnaware`): every partition's
/// replicas on distinct brokers, leaders spread evenly; the new topic takes
/// producers at once and the run says `topic_created`.
#[test]
fn a_new_topic_is_placed_on_distinct_brokers_and_takes_records() {
    let mut c = cluster(4);
    c.drain_events();
    c.apply(Command::CreateTopic(topic("payments", 8, 3))).unwrap();
    let view = c.view();
    let t = view.topics.iter().find(|t| t.name == "payments").expect("created");
    assert_eq!((t.partitions.len(), t.replication_factor), (8, 3));
    let mut leaders = [0; 5];
    for p in &t.partitions {
        let mut r = p.replicas.clone();
        r.sort_unstable();
        r.dedup();
        assert_eq!(r.len(), 3, "distinct brokers: {:?}", p.replicas);
        assert_eq!(p.leader, Some(p.replicas[0]), "the preferred replica leads");
        leaders[p.replicas[0] as usize] += 1;
    }
    assert_eq!(leaders[1..], [2, 2, 2, 2]);
    let events = c.drain_events();
    assert!(events.iter().any(|e| matches!(&e.kind,
        EventKind::TopicCreated { topic, partitions: 8, replication_factor: 3 } if topic == "payments")));
    assert_eq!(
        events.iter().find(|e| matches!(e.kind, EventKind::TopicCreated { .. })).unwrap().type_name(),
        "topic_created"
    );
    c.apply(Command::AddProducer(ProducerConfig::new("pay", "payments", 50.0))).unwrap();
    c.run_until(2_000);
    let t = c.view().topics.into_iter().find(|t| t.name == "payments").unwrap();
    assert!(t.traffic.bytes_in > 0 && t.traffic.replication_bytes > 0, "{:?}", t.traffic);
}

/// `ReplicationControlManager.createTopic`: "Topic 'orders' already exists."
#[test]
fn a_taken_name_is_topic_already_exists() {
    let mut c = cluster(3);
    assert_eq!(refused(&mut c, topic("orders", 1, 1)), "TOPIC_ALREADY_EXISTS");
    c.apply(Command::CreateTopic(topic("t2", 1, 1))).unwrap();
    assert_eq!(refused(&mut c, topic("t2", 2, 2)), "TOPIC_ALREADY_EXISTS");
}

/// `Topic.validate`: 1..=249 characters of `[a-zA-Z0-9._-]`, not `.` or `..`.
#[test]
fn an_illegal_name_is_invalid_topic_exception() {
    let mut c = cluster(3);
    let long = "a".repeat(limits::MAX_TOPIC_NAME_LEN + 1);
    for name in ["", ".", "..", "two words", "주문", long.as_str()] {
        assert_eq!(refused(&mut c, topic(name, 1, 1)), "INVALID_TOPIC_EXCEPTION", "{name:?}");
    }
    let longest = "a".repeat(limits::MAX_TOPIC_NAME_LEN);
    c.apply(Command::CreateTopic(topic(&longest, 1, 1))).unwrap();
    c.apply(Command::CreateTopic(topic("a.b_c-1", 1, 1))).unwrap();
}

/// `ReplicationControlManager.createTopic` refuses `numPartitions` below 1
/// (INVALID_PARTITIONS); the simulator also caps it at `MAX_PARTITIONS`.
#[test]
fn partitions_must_be_between_1_and_the_limit() {
    let mut c = cluster(3);
    assert_eq!(refused(&mut c, topic("z", 0, 1)), "INVALID_PARTITIONS");
    assert_eq!(refused(&mut c, topic("z", limits::MAX_PARTITIONS + 1, 1)), "INVALID_PARTITIONS");
    c.apply(Command::CreateTopic(topic("z", limits::MAX_PARTITIONS, 1))).unwrap();
}

/// `StripedReplicaPlacer`: a replication factor of 0 or above the registered
/// brokers is INVALID_REPLICATION_FACTOR, and a leader is never placed on a
/// fenced broker. Simplified: Kafka still counts a fenced broker as registered
/// and puts a follower there when the unfenced ones run out; the simulator (as
/// for `add_partitions`) places on live, unfenced brokers only.
#[test]
fn the_replication_factor_must_fit_the_registered_brokers() {
    let mut c = cluster(3);
    assert_eq!(refused(&mut c, topic("z", 1, 0)), "INVALID_REPLICATION_FACTOR");
    assert_eq!(refused(&mut c, topic("z", 1, 4)), "INVALID_REPLICATION_FACTOR");
    c.apply(Command::KillBroker { broker: 2 }).unwrap();
    let fenced_at = c.config().broker_config.broker_session_timeout_ms + 1_000;
    c.run_until(fenced_at);
    assert!(c.view().brokers.iter().any(|b| b.id == 2 && b.fenced));
    assert_eq!(refused(&mut c, topic("z", 1, 3)), "INVALID_REPLICATION_FACTOR");
    c.apply(Command::CreateTopic(topic("z", 6, 2))).unwrap();
    let view = c.view();
    let z = view.topics.iter().find(|t| t.name == "z").unwrap();
    assert!(z.partitions.iter().all(|p| !p.replicas.contains(&2)), "{:?}", z.partitions);
}

/// The script form: `{"do": "create_topic", "new_topic": {...}}` replays the
/// command (docs/scenario-format.md).
#[test]
fn a_scenario_script_creates_a_topic() {
    let json = r#"{
        "brokers": 3,
        "topics": [{"name": "orders", "partitions": 1, "replication_factor": 1}],
        "script": [
            {"at_ms": 1000, "do": "create_topic",
             "new_topic": {"name": "payments", "partitions": 2, "replication_factor": 3}},
            {"at_ms": 1000, "do": "add_producer",
             "new_producer": {"id": "pay", "topic": "payments", "rate_per_s": 10}}
        ],
        "duration_ms": 3000
    }"#;
    let scenario: Scenario = serde_json::from_str(json).unwrap();
    let mut r = Runner::new(&scenario).unwrap();
    r.run_until(scenario.duration_ms);
    let view = r.cluster.view();
    let t = view.topics.iter().find(|t| t.name == "payments").expect("created by the script");
    assert_eq!((t.partitions.len(), t.replication_factor), (2, 3));
    assert!(t.traffic.bytes_in > 0);
}
