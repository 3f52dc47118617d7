//! Consumer groups, checked against the Kafka rule each behaviour models.
//!
//! Every test drives the public API only (`Cluster::new`, `tick`/`run_until`,
//! `apply`, `drain_events`, `view`) and names the Kafka class, KIP or document
//! whose behaviour it checks.

use kafka_sim::assignor::Strategy;
use kafka_sim::config::{
    BrokerSettings, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings,
};
use kafka_sim::error::ErrorCode;
use kafka_sim::event::ResetCause;
use kafka_sim::view::{ClusterView, GroupView};
use kafka_sim::{Cluster, Command, Event, EventKind, ResetSpec};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const TOPIC: &str = "t";

fn topic(partitions: u32) -> TopicConfig {
    TopicConfig { name: TOPIC.into(), partitions, replication_factor: 1, config: TopicSettings::default() }
}

fn config(topics: Vec<TopicConfig>, producers: Vec<ProducerConfig>, groups: Vec<GroupConfig>) -> ClusterConfig {
    ClusterConfig { seed: 7, brokers: 1, topics, producers, groups, ..ClusterConfig::default() }
}

fn cluster(topics: Vec<TopicConfig>, producers: Vec<ProducerConfig>, groups: Vec<GroupConfig>) -> Cluster {
    Cluster::new(config(topics, producers, groups)).expect("valid test configuration")
}

/// A producer cycling over enough keys that every partition gets records.
fn keyed_producer(rate_per_s: f64) -> ProducerConfig {
    ProducerConfig {
        keys: Some((0..24).map(|i| format!("k{i}")).collect()),
        ..ProducerConfig::new("p1", TOPIC, rate_per_s)
    }
}

fn group(id: &str, consumers: u32, reset: OffsetReset) -> GroupConfig {
    GroupConfig { auto_offset_reset: reset, ..GroupConfig::new(id, TOPIC, consumers) }
}

fn group_view(view: &ClusterView, id: &str) -> GroupView {
    view.groups.iter().find(|g| g.id == id).cloned().unwrap_or_else(|| panic!("no group {id} in the view"))
}

fn high_watermarks(view: &ClusterView) -> Vec<u64> {
    view.topics[0].partitions.iter().map(|p| p.high_watermark).collect()
}

fn committed(view: &ClusterView, g: &str) -> Vec<Option<u64>> {
    group_view(view, g).partitions.iter().map(|r| r.committed).collect()
}

fn positions(view: &ClusterView, g: &str) -> Vec<Option<u64>> {
    group_view(view, g).partitions.iter().map(|r| r.position).collect()
}

fn events_of_group<'a>(events: &'a [Event], g: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
    events.iter().filter(move |e| match &e.kind {
        EventKind::Consumed { group, .. }
        | EventKind::Committed { group, .. }
        | EventKind::MemberJoined { group, .. }
        | EventKind::MemberLeft { group, .. }
        | EventKind::MemberCrashed { group, .. }
        | EventKind::Rebalanced { group, .. }
        | EventKind::IdleConsumer { group, .. }
        | EventKind::OffsetReset { group, .. }
        | EventKind::OffsetOutOfRange { group, .. }
        | EventKind::OffsetsResetByCommand { group, .. } => group == g,
        _ => false,
    })
}

/// `(member, partition, from, to, redelivered)` of every `consumed` event of a group.
fn consumed(events: &[Event], g: &str) -> Vec<(String, u32, u64, u64, u64)> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Consumed { group, member, partition, from_offset, to_offset, redelivered, .. } if group == g => {
                Some((member.clone(), *partition, *from_offset, *to_offset, *redelivered))
            }
            _ => None,
        })
        .collect()
}

/// `(generation, assignment, pending_revocation)` of every `rebalanced` event of a group.
type Rebalance = (i32, Vec<(String, Vec<u32>)>, Vec<u32>);

fn rebalances(events: &[Event], g: &str) -> Vec<Rebalance> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Rebalanced { group, generation, assignment, pending_revocation, .. } if group == g => Some((
                *generation,
                assignment.iter().map(|(m, tps)| (m.clone(), tps.iter().map(|tp| tp.partition).collect())).collect(),
                pending_revocation.iter().map(|tp| tp.partition).collect(),
            )),
            _ => None,
        })
        .collect()
}

fn rejected_codes(events: &[Event]) -> Vec<&'static str> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Rejected { code, .. } => Some(code.name()),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// auto.offset.reset and independent groups
// ---------------------------------------------------------------------------

/// Course ch.2 / `KafkaConsumer` javadoc ("Consumer Groups and Topic
/// Subscriptions"): every group gets every record, and reading deletes nothing.
/// A group that joins later with `auto.offset.reset=earliest` (`ConsumerConfig`,
/// `SubscriptionState.requestOffsetReset` with no committed offset) starts at
/// offset 0, and the first group's progress is exactly what it would have been
/// without the second group.
#[test]
fn second_group_with_earliest_rereads_from_offset_zero_and_first_group_is_unaffected() {
    let cfg = config(vec![topic(3)], vec![keyed_producer(30.0)], vec![group("g1", 1, OffsetReset::Earliest)]);
    let mut with = Cluster::new(cfg.clone()).unwrap();
    let mut without = Cluster::new(cfg).unwrap();
    with.run_until(10_000);
    without.run_until(10_000);
    let hw_at_join = high_watermarks(&with.view());
    assert!(hw_at_join.iter().all(|&hw| hw > 0), "every partition has records: {hw_at_join:?}");
    let _ = with.drain_events();
    let _ = without.drain_events();

    with.apply(Command::AddGroup(GroupConfig { records_per_s: 1000.0, ..group("g2", 1, OffsetReset::Earliest) }))
        .unwrap();
    with.run_until(20_000);
    without.run_until(20_000);
    let events = with.drain_events();
    let events_without = without.drain_events();

    // g2 had no committed offset, so `earliest` put it at the log start: 0.
    for p in 0..3 {
        assert!(
            events.iter().any(|e| matches!(&e.kind,
                EventKind::OffsetReset { group, partition, from: None, to: 0, policy: OffsetReset::Earliest, cause: ResetCause::NoCommittedOffset, .. }
                    if group == "g2" && *partition == p)),
            "g2 resets partition {p} to 0 by earliest"
        );
        let first = consumed(&events, "g2").into_iter().find(|c| c.1 == p).expect("g2 reads every partition");
        assert_eq!(first.2, 0, "g2's first read of partition {p} starts at offset 0");
    }
    let view = with.view();
    let g2 = group_view(&view, "g2");
    let total: u64 = high_watermarks(&view).iter().sum();
    assert_eq!(g2.consumed, total, "g2 read everything, including what g1 read long ago");
    assert_eq!(g2.redelivered, 0, "another group's reads are not redeliveries");
    // Reading deletes nothing: no partition lost a record.
    for p in &view.topics[0].partitions {
        assert_eq!(p.log_start_offset, 0);
    }
    // g1 is exactly as it is in a run without g2.
    assert_eq!(group_view(&view, "g1"), group_view(&without.view(), "g1"));
    assert_eq!(
        events_of_group(&events, "g1").collect::<Vec<_>>(),
        events_of_group(&events_without, "g1").collect::<Vec<_>>()
    );
}

/// `auto.offset.reset=latest` (`ConsumerConfig`; `OffsetFetcher` resets with
/// `ListOffsets` LATEST, which answers the high watermark under
/// `read_uncommitted`): a new group starts at the high watermark and never sees
/// the records that were already there.
#[test]
fn latest_starts_at_the_high_watermark() {
    let mut c = cluster(vec![topic(2)], vec![keyed_producer(50.0)], vec![]);
    c.run_until(5_000);
    let _ = c.drain_events();
    c.apply(Command::AddGroup(group("g", 1, OffsetReset::Latest))).unwrap();
    c.tick();
    let events = c.drain_events();
    let hw_at_join = high_watermarks(&c.view());
    for (p, &hw) in hw_at_join.iter().enumerate() {
        assert!(hw > 0);
        assert!(
            events.iter().any(|e| matches!(&e.kind,
                EventKind::OffsetReset { group, partition, from: None, to, policy: OffsetReset::Latest, cause: ResetCause::NoCommittedOffset, .. }
                    if group == "g" && *partition == p as u32 && *to == hw)),
            "partition {p} resets to its high watermark {hw}: {events:#?}"
        );
    }
    assert_eq!(positions(&c.view(), "g"), hw_at_join.iter().map(|&h| Some(h)).collect::<Vec<_>>());
    c.run_until(10_000);
    let events = c.drain_events();
    for (_, p, from, _, _) in consumed(&events, "g") {
        assert!(from >= hw_at_join[p as usize], "nothing below the join-time high watermark is read");
    }
    let view = c.view();
    let produced_since: u64 = high_watermarks(&view).iter().zip(&hw_at_join).map(|(now, then)| now - then).sum();
    assert!(produced_since > 0);
    assert_eq!(group_view(&view, "g").consumed, produced_since);
}

// ---------------------------------------------------------------------------
// Assignment
// ---------------------------------------------------------------------------

/// `KafkaConsumer` javadoc: "if there are more consumers than partitions, some
/// consumers will be idle" — each partition goes to one member of the group only.
#[test]
fn more_members_than_partitions_leaves_idle_consumers() {
    let mut c = cluster(vec![topic(2)], vec![keyed_producer(40.0)], vec![group("g", 4, OffsetReset::Earliest)]);
    let events = c.drain_events();
    let view = c.view();
    let g = group_view(&view, "g");
    assert_eq!(g.members.len(), 4);
    let idle_members: Vec<String> = g.members.iter().filter(|m| m.assigned.is_empty()).map(|m| m.id.clone()).collect();
    assert_eq!(idle_members.len(), 2);
    let idle_events: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::IdleConsumer { group, member, partitions, members } if group == "g" => {
                assert_eq!((*partitions, *members), (2, 4));
                Some(member.clone())
            }
            _ => None,
        })
        .collect();
    assert_eq!(idle_events, idle_members);
    for p in 0..2u32 {
        let owners = g.members.iter().filter(|m| m.assigned.iter().any(|tp| tp.partition == p)).count();
        assert_eq!(owners, 1, "partition {p} has exactly one owner in the group");
    }

    c.run_until(5_000);
    let events = c.drain_events();
    let readers: Vec<String> = consumed(&events, "g").into_iter().map(|c| c.0).collect();
    assert!(!readers.is_empty());
    assert!(readers.iter().all(|m| !idle_members.contains(m)), "idle members read nothing");

    // One more member: still idle.
    c.apply(Command::AddConsumer { group: "g".into() }).unwrap();
    let events = c.drain_events();
    assert!(events
        .iter()
        .any(|e| matches!(&e.kind, EventKind::IdleConsumer { member, members: 5, .. } if member == "g-c5")));
}

// ---------------------------------------------------------------------------
// Leaving, crashing, redelivery
// ---------------------------------------------------------------------------

/// `KafkaConsumer.close()` commits (with `enable.auto.commit`, via
/// `ConsumerCoordinator.maybeAutoCommitOffsetsSync`) before sending LeaveGroup, and
/// the remaining members commit in `ConsumerCoordinator.onJoinPrepare`: nothing
/// is read twice.
#[test]
fn graceful_leave_commits_first_so_no_records_are_redelivered() {
    let mut c = cluster(
        vec![topic(2)],
        vec![keyed_producer(40.0)],
        vec![GroupConfig { records_per_s: 1000.0, ..group("g", 2, OffsetReset::Earliest) }],
    );
    c.run_until(7_300);
    let view = c.view();
    let (pos, com) = (positions(&view, "g"), committed(&view, "g"));
    assert!(
        pos.iter().zip(&com).any(|(p, c)| p != c),
        "between auto-commits positions run ahead of commits: {pos:?} {com:?}"
    );
    let leaving = group_view(&view, "g").members[1].clone();
    let _ = c.drain_events();

    c.apply(Command::RemoveConsumer { group: "g".into(), member: Some(leaving.id.clone()), graceful: true }).unwrap();
    let events = c.drain_events();
    let left_at = events
        .iter()
        .position(|e| matches!(&e.kind, EventKind::MemberLeft { member, graceful: true, .. } if *member == leaving.id))
        .expect("member_left");
    for tp in &leaving.assigned {
        let p = tp.partition;
        let commit_at = events
            .iter()
            .position(|e| {
                matches!(&e.kind, EventKind::Committed { member, partition, offset, .. }
                if *member == leaving.id && *partition == p && Some(*offset) == pos[p as usize])
            })
            .unwrap_or_else(|| panic!("the leaving member commits partition {p} at its position: {events:#?}"));
        assert!(commit_at < left_at, "it commits before it leaves");
    }
    assert!(events[left_at + 1..].iter().any(|e| e.type_name() == "rebalanced"));

    c.run_until(15_000);
    let events = c.drain_events();
    assert!(consumed(&events, "g").iter().all(|c| c.4 == 0), "no consumed event carries redeliveries");
    let g = group_view(&c.view(), "g");
    assert!(g.consumed > 0);
    assert_eq!(g.redelivered, 0);
}

/// A crashed member sends no LeaveGroup: the coordinator only removes it when
/// `session.timeout.ms` passes without a heartbeat (`GroupCoordinator` /
/// `GroupMetadataManager` session expiry). Until then nobody reads its
/// partitions; afterwards the new owner starts at the committed offset
/// (`ConsumerCoordinator.refreshCommittedOffsetsIfNeeded`), so what the crashed
/// member read after its last commit is delivered again (at-least-once).
#[test]
fn crash_keeps_partitions_unread_until_session_timeout_then_new_owner_starts_at_committed_offset() {
    let session = 10_000;
    let mut c = cluster(
        vec![topic(2)],
        vec![keyed_producer(40.0)],
        vec![GroupConfig {
            session_timeout_ms: session,
            records_per_s: 1000.0,
            ..group("g", 2, OffsetReset::Earliest)
        }],
    );
    c.run_until(7_300);
    let view = c.view();
    let g = group_view(&view, "g");
    let victim = g.members[1].clone();
    let p = victim.assigned[0].partition;
    assert_eq!(victim.assigned.len(), 1);
    let pos = g.partitions[p as usize].position.unwrap();
    let com = g.partitions[p as usize].committed.unwrap();
    assert!(com < pos, "the victim read past its last commit (at 5 s): {com} < {pos}");
    let generation = g.generation;
    let _ = c.drain_events();

    c.apply(Command::RemoveConsumer { group: "g".into(), member: Some(victim.id.clone()), graceful: false }).unwrap();
    let events = c.drain_events();
    assert!(events.iter().any(|e| matches!(&e.kind,
        EventKind::MemberCrashed { member, session_timeout_ms, .. } if *member == victim.id && *session_timeout_ms == session)));
    let crashed_at = c.time_ms();

    // Until the session times out the partition keeps its crashed owner and is not read.
    while c.time_ms() + c.config().step_ms < crashed_at + session {
        c.tick();
        let view = c.view();
        let g = group_view(&view, "g");
        let row = &g.partitions[p as usize];
        assert_eq!(row.owner.as_deref(), Some(victim.id.as_str()), "t={}", c.time_ms());
        assert_eq!((row.position, row.committed), (Some(pos), Some(com)), "t={}", c.time_ms());
        assert!(g.members.iter().any(|m| m.id == victim.id && m.crashed));
        assert_eq!(g.generation, generation);
        let events = c.drain_events();
        assert!(consumed(&events, "g").iter().all(|x| x.1 != p), "nobody reads partition {p}");
        assert!(!events.iter().any(|e| e.type_name() == "member_left"));
    }
    assert!(group_view(&c.view(), "g").partitions[p as usize].lag.unwrap() > 0);

    // The tick at crash + session.timeout.ms removes it.
    c.tick();
    assert_eq!(c.time_ms(), crashed_at + session);
    let events = c.drain_events();
    assert!(events.iter().any(|e| matches!(&e.kind,
        EventKind::MemberLeft { member, graceful: false, .. } if *member == victim.id)));
    let rb = rebalances(&events, "g");
    assert_eq!(rb.len(), 1);
    assert_eq!(rb[0].0, generation + 1);
    let survivor = &rb[0].1[0];
    assert_eq!(survivor.1, vec![0, 1], "the survivor owns both partitions");

    c.tick();
    let events = c.drain_events();
    let first = consumed(&events, "g").into_iter().find(|x| x.1 == p).expect("partition read again");
    assert_eq!(first.0, survivor.0);
    assert_eq!(first.2, com, "the new owner starts at the committed offset");
    assert_eq!(first.4, pos - com, "what was read after the last commit is delivered again");
    let text = events
        .iter()
        .find(|e| matches!(&e.kind, EventKind::Consumed { partition, .. } if *partition == p))
        .unwrap()
        .message(kafka_sim::Lang::En);
    assert!(text.contains("delivered again"), "{text}");
    assert_eq!(group_view(&c.view(), "g").redelivered, pos - com);
}

// ---------------------------------------------------------------------------
// Committing
// ---------------------------------------------------------------------------

/// `enable.auto.commit=false` with a `commitSync()` after processing each poll
/// (`KafkaConsumer` javadoc, "Manual Offset Control"): after every step the
/// committed offset equals the position. An auto-committing group in the same
/// cluster lags behind between commits.
#[test]
fn manual_commit_after_each_poll_keeps_committed_equal_to_position() {
    let mut c = cluster(
        vec![topic(1)],
        vec![ProducerConfig::new("p1", TOPIC, 50.0)],
        vec![
            GroupConfig { enable_auto_commit: false, ..group("manual", 1, OffsetReset::Earliest) },
            group("auto", 1, OffsetReset::Earliest),
        ],
    );
    let mut auto_behind = 0;
    for _ in 0..80 {
        c.tick();
        let view = c.view();
        let m = &group_view(&view, "manual").partitions[0];
        assert!(m.position.is_some());
        assert_eq!(m.committed, m.position, "t={}", view.time_ms);
        assert_eq!(m.position, Some(view.topics[0].partitions[0].high_watermark));
        let a = &group_view(&view, "auto").partitions[0];
        if a.committed != a.position {
            auto_behind += 1;
        }
    }
    assert!(auto_behind > 50, "auto-commit lags the position most of the time ({auto_behind}/80)");
}

/// `auto.commit.interval.ms` (`ConsumerConfig`; `ConsumerCoordinator.maybeAutoCommitOffsetsAsync`
/// runs inside `poll()` once the interval has passed): with 5000 the group
/// commits at 5 s, 10 s, 15 s … and with 1000 every second.
#[test]
fn auto_commit_interval_5000_commits_only_every_five_seconds() {
    let mut c = cluster(
        vec![topic(2)],
        vec![keyed_producer(40.0)],
        vec![
            group("g5", 1, OffsetReset::Earliest),
            GroupConfig { auto_commit_interval_ms: 1000, ..group("g1", 1, OffsetReset::Earliest) },
        ],
    );
    let mut last = committed(&c.view(), "g5");
    let mut changes = Vec::new();
    while c.time_ms() < 23_000 {
        c.tick();
        let now = committed(&c.view(), "g5");
        if now != last {
            changes.push(c.time_ms());
            last = now;
        }
    }
    assert_eq!(changes, vec![5_000, 10_000, 15_000, 20_000]);
    let events = c.drain_events();
    let commit_times = |g: &str| {
        let mut ts: Vec<u64> = events
            .iter()
            .filter(|e| matches!(&e.kind, EventKind::Committed { group, .. } if group == g))
            .map(|e| e.t_ms)
            .collect();
        ts.dedup();
        ts
    };
    assert_eq!(commit_times("g5"), vec![5_000, 10_000, 15_000, 20_000]);
    assert_eq!(commit_times("g1"), (1..=23).map(|s| s * 1000).collect::<Vec<u64>>());
}

// ---------------------------------------------------------------------------
// Rebalance protocols
// ---------------------------------------------------------------------------

/// The group generation (`GroupMetadata.generationId`, `AbstractCoordinator.Generation`)
/// increases by one on every rebalance; an eager protocol (`RebalanceProtocol.EAGER`,
/// `ConsumerCoordinator.onJoinPrepare` revokes everything) hands out the whole
/// assignment in that single generation.
#[test]
fn generation_increases_by_one_per_eager_rebalance() {
    for strategy in [Strategy::Range, Strategy::RoundRobin, Strategy::Sticky] {
        let mut c = cluster(
            vec![topic(4)],
            vec![keyed_producer(40.0)],
            vec![GroupConfig { assignor: strategy, session_timeout_ms: 3_000, ..group("g", 1, OffsetReset::Earliest) }],
        );
        assert_eq!(group_view(&c.view(), "g").generation, 1);
        c.run_until(2_000);
        let steps: Vec<Command> = vec![
            Command::AddConsumer { group: "g".into() },
            Command::AddConsumer { group: "g".into() },
            Command::RemoveConsumer { group: "g".into(), member: None, graceful: true },
            Command::AddConsumer { group: "g".into() },
        ];
        let mut expected = 1;
        for cmd in steps {
            let _ = c.drain_events();
            c.apply(cmd).unwrap();
            expected += 1;
            let rb = rebalances(&c.drain_events(), "g");
            assert_eq!(rb.len(), 1, "{strategy}: one rebalance per membership change");
            assert_eq!(rb[0].0, expected, "{strategy}");
            assert!(rb[0].2.is_empty(), "{strategy}: eager protocols never withhold partitions");
            let assigned: usize = rb[0].1.iter().map(|(_, ps)| ps.len()).sum();
            assert_eq!(assigned, 4, "{strategy}: every partition assigned in the same generation");
            assert_eq!(group_view(&c.view(), "g").generation, expected);
            c.run_until(c.time_ms() + 1_000);
            assert!(rebalances(&c.drain_events(), "g").is_empty(), "{strategy}: no follow-up round");
        }
        // A crash rebalances once, when the session times out.
        c.apply(Command::RemoveConsumer { group: "g".into(), member: None, graceful: false }).unwrap();
        c.run_until(c.time_ms() + 5_000);
        let rb = rebalances(&c.drain_events(), "g");
        assert_eq!(rb.iter().map(|r| r.0).collect::<Vec<_>>(), vec![expected + 1], "{strategy}");
    }
}

/// KIP-429 incremental cooperative rebalancing (`CooperativeStickyAssignor`,
/// `ConsumerCoordinator.onJoinComplete` revokes only what moved and rejoins):
/// a partition that moves takes two generations — the first withholds it while
/// its owner revokes it, the follow-up hands it to the new member. Partitions
/// that stay keep their fetch position (no revocation, no re-fetch).
#[test]
fn cooperative_sticky_needs_two_generations_when_a_partition_moves() {
    let mut c = cluster(
        vec![topic(4)],
        vec![keyed_producer(80.0)],
        vec![GroupConfig {
            assignor: Strategy::CooperativeSticky,
            records_per_s: 1000.0,
            ..group("g", 1, OffsetReset::Earliest)
        }],
    );
    c.run_until(3_000);
    let before = positions(&c.view(), "g");
    assert!(before.iter().all(|p| p.is_some()));
    let _ = c.drain_events();

    c.apply(Command::AddConsumer { group: "g".into() }).unwrap();
    let events = c.drain_events();
    let rb = rebalances(&events, "g");
    assert_eq!(rb.len(), 1);
    let (generation, assignment, pending) = rb[0].clone();
    assert_eq!(generation, 2);
    assert_eq!(pending.len(), 2, "two of c1's four partitions must move: {pending:?}");
    let kept = &assignment.iter().find(|(m, _)| m == "g-c1").unwrap().1;
    assert_eq!(kept.len(), 2);
    assert!(assignment.iter().find(|(m, _)| m == "g-c2").unwrap().1.is_empty());
    assert!(
        !events.iter().any(|e| e.type_name() == "idle_consumer"),
        "c2 is waiting for the follow-up round, not idle"
    );
    let view = c.view();
    let rows = &group_view(&view, "g").partitions;
    for &p in kept {
        assert_eq!(rows[p as usize].position, before[p as usize], "kept partition {p} keeps its position");
    }
    for &p in &pending {
        assert_eq!(rows[p as usize].owner, None, "revoked partition {p} has no owner for now");
        assert_eq!(rows[p as usize].committed, before[p as usize], "its position was committed on revocation");
    }

    c.tick();
    let rb = rebalances(&c.drain_events(), "g");
    assert_eq!(rb.len(), 1, "the follow-up rebalance");
    assert_eq!(rb[0].0, 3);
    assert!(rb[0].2.is_empty());
    let mut got = rb[0].1.iter().find(|(m, _)| m == "g-c2").unwrap().1.clone();
    got.sort_unstable();
    let mut want = pending.clone();
    want.sort_unstable();
    assert_eq!(got, want, "c2 gets exactly the withheld partitions");
    assert_eq!(group_view(&c.view(), "g").generation, 3);

    c.run_until(10_000);
    let _ = c.drain_events();
    assert_eq!(group_view(&c.view(), "g").redelivered, 0, "the handover committed first: nothing is read twice");
}

// ---------------------------------------------------------------------------
// kafka-consumer-groups --reset-offsets
// ---------------------------------------------------------------------------

/// `ConsumerGroupCommand` (`kafka-consumer-groups --reset-offsets`): refused with
/// "Assignments can only be reset if the group is inactive" (NON_EMPTY_GROUP from
/// `GroupCoordinator.handleCommitOffsets` for a non-empty group) while members
/// exist; then `--to-earliest`, `--to-latest`, `--shift-by` and `--to-offset`,
/// each clamped into `[log start, log end]` as the tool does.
#[test]
fn reset_offsets_is_refused_with_non_empty_group_then_applies_each_spec() {
    let mut c = cluster(vec![topic(2)], vec![keyed_producer(40.0)], vec![group("g", 1, OffsetReset::Earliest)]);
    c.run_until(5_000);
    let _ = c.drain_events();
    let before = c.view();
    let err = c.apply(Command::ResetOffsets { group: "g".into(), spec: ResetSpec::ToEarliest }).unwrap_err();
    assert_eq!(err.code, ErrorCode::NonEmptyGroup);
    assert_eq!(rejected_codes(&c.drain_events()), vec!["NON_EMPTY_GROUP"]);
    assert_eq!(c.view(), before, "a refused command changes nothing");

    c.apply(Command::SetProducerRate { producer: "p1".into(), rate_per_s: 0.0 }).unwrap();
    c.apply(Command::RemoveConsumer { group: "g".into(), member: None, graceful: true }).unwrap();
    c.run_until(6_000);
    let hw = high_watermarks(&c.view());
    assert!(hw.iter().all(|&h| h > 10));
    let _ = c.drain_events();

    let mut reset = |spec: ResetSpec| -> Vec<Option<u64>> {
        let old = committed(&c.view(), "g");
        c.apply(Command::ResetOffsets { group: "g".into(), spec }).unwrap();
        let events = c.drain_events();
        let now = committed(&c.view(), "g");
        for p in 0..2u32 {
            assert!(
                events.iter().any(|e| matches!(&e.kind,
                    EventKind::OffsetsResetByCommand { group, partition, from, to, .. }
                        if group == "g" && *partition == p && *from == old[p as usize] && Some(*to) == now[p as usize])),
                "{spec:?}: event for partition {p}: {events:#?}"
            );
        }
        now
    };
    let all = |f: &dyn Fn(u64) -> u64| hw.iter().map(|&h| Some(f(h))).collect::<Vec<_>>();
    assert_eq!(reset(ResetSpec::ToEarliest), all(&|_| 0));
    assert_eq!(reset(ResetSpec::ToLatest), all(&|h| h));
    assert_eq!(reset(ResetSpec::ShiftBy(-5)), all(&|h| h - 5));
    assert_eq!(reset(ResetSpec::ShiftBy(2)), all(&|h| h - 3));
    assert_eq!(reset(ResetSpec::ShiftBy(1_000)), all(&|h| h), "clamped to the log end");
    assert_eq!(reset(ResetSpec::ShiftBy(-1_000_000)), all(&|_| 0), "clamped to the log start");
    assert_eq!(reset(ResetSpec::ToOffset(1_000_000)), all(&|h| h), "clamped to the log end");
    assert_eq!(reset(ResetSpec::ToOffset(3)), all(&|_| 3));

    // A member joining now starts at the reset offset and reads again what it had read.
    c.apply(Command::AddConsumer { group: "g".into() }).unwrap();
    c.run_until(c.time_ms() + 1_000);
    let events = c.drain_events();
    for p in 0..2u32 {
        let first = consumed(&events, "g").into_iter().find(|x| x.1 == p).unwrap();
        assert_eq!(first.2, 3);
        assert_eq!(first.4, first.3 - 3, "everything it reads now was read before the reset");
    }
}

/// `ConsumerGroupCommand` clamps `--to-offset` and `--to-earliest` to the log
/// start offset when retention has deleted the head of the log.
#[test]
fn reset_offsets_clamps_to_the_retained_log_start() {
    let mut c = Cluster::new(retention_config(OffsetReset::Earliest)).unwrap();
    c.run_until(5_000);
    c.apply(Command::RemoveConsumer { group: "slow".into(), member: None, graceful: true }).unwrap();
    let start = c.view().topics[0].partitions[0].log_start_offset;
    assert!(start > 0);
    c.apply(Command::ResetOffsets { group: "slow".into(), spec: ResetSpec::ToOffset(0) }).unwrap();
    assert_eq!(committed(&c.view(), "slow"), vec![Some(start)]);
    c.apply(Command::ResetOffsets { group: "slow".into(), spec: ResetSpec::ToEarliest }).unwrap();
    assert_eq!(committed(&c.view(), "slow"), vec![Some(start)]);
}

// ---------------------------------------------------------------------------
// Retention versus unread records
// ---------------------------------------------------------------------------

/// One partition, 10 records (of 108 B) per segment, at least 20 records kept,
/// 50 records/s produced; group `fast` keeps up (and commits after every poll),
/// group `slow` reads 5 records/s.
fn retention_config(slow_reset: OffsetReset) -> ClusterConfig {
    ClusterConfig {
        broker_config: BrokerSettings { log_retention_check_interval_ms: 1_000, ..BrokerSettings::default() },
        ..config(
            vec![TopicConfig {
                config: TopicSettings { segment_bytes: 1_080, retention_bytes: 2_160, ..TopicSettings::default() },
                ..topic(1)
            }],
            vec![ProducerConfig::new("p1", TOPIC, 50.0)],
            vec![
                GroupConfig {
                    enable_auto_commit: false,
                    records_per_s: 10_000.0,
                    ..group("fast", 1, OffsetReset::Earliest)
                },
                GroupConfig { records_per_s: 5.0, ..group("slow", 1, slow_reset) },
            ],
        )
    }
}

struct RetentionRun {
    /// `(to_offset, unread_by)` of every deletion.
    deletions: Vec<(u64, Vec<String>)>,
    /// The first `offset_reset` (cause out_of_range) or `offset_out_of_range` of
    /// `slow`, the log start and high watermark when it happened, and the
    /// latest deletion before it.
    first_problem: Option<(Event, u64, u64)>,
    cluster: Cluster,
}

fn run_retention(slow_reset: OffsetReset) -> RetentionRun {
    let mut c = Cluster::new(retention_config(slow_reset)).unwrap();
    let mut deletions = Vec::new();
    let mut first_problem = None;
    while c.time_ms() < 20_000 && first_problem.is_none() {
        c.tick();
        let view = c.view();
        let part = &view.topics[0].partitions[0];
        for e in c.drain_events() {
            match &e.kind {
                EventKind::SegmentsDeleted { to_offset, unread_by, .. } => {
                    deletions.push((*to_offset, unread_by.clone()));
                }
                EventKind::OffsetReset { group, cause: ResetCause::OutOfRange, .. }
                | EventKind::OffsetOutOfRange { group, .. }
                    if group == "slow" =>
                {
                    first_problem = Some((e.clone(), part.log_start_offset, part.high_watermark));
                }
                EventKind::OffsetReset { group, cause: ResetCause::OutOfRange, .. }
                | EventKind::OffsetOutOfRange { group, .. } => {
                    assert_ne!(group, "fast", "the fast group never falls out of range: {e:?}");
                }
                _ => {}
            }
        }
    }
    RetentionRun { deletions, first_problem, cluster: c }
}

/// `UnifiedLog.deleteOldSegments` (`retention.bytes`, checked every
/// `log.retention.check.interval.ms`) deletes whole segments whether or not a
/// group has read them; the group that had not is named, and its next fetch is
/// OFFSET_OUT_OF_RANGE, which `auto.offset.reset=earliest` answers by jumping to
/// the new log start (`Fetcher`/`SubscriptionState.requestOffsetReset`).
#[test]
fn retention_deleting_unread_records_resets_an_earliest_group_to_the_log_start() {
    let run = run_retention(OffsetReset::Earliest);
    assert!(!run.deletions.is_empty(), "retention deleted segments");
    assert!(
        run.deletions.iter().all(|(_, unread)| !unread.contains(&"fast".to_string())),
        "the fast group read everything before it was deleted"
    );
    assert!(
        run.deletions.iter().any(|(_, unread)| unread == &vec!["slow".to_string()]),
        "a deletion names the slow group: {:?}",
        run.deletions
    );
    let (event, start, _) = run.first_problem.expect("slow falls out of range");
    let last_deleted_to = run.deletions.last().unwrap().0;
    match event.kind {
        EventKind::OffsetReset {
            from: Some(from),
            to,
            policy: OffsetReset::Earliest,
            cause: ResetCause::OutOfRange,
            ..
        } => {
            assert!(from < to);
            assert_eq!(to, start, "earliest jumps to the log start");
            assert_eq!(to, last_deleted_to);
        }
        other => panic!("unexpected {other:?}"),
    }
    let text = event.message(kafka_sim::Lang::En);
    assert!(text.contains("retention deleted it"), "{text}");
}

/// As above with `auto.offset.reset=latest`: the group jumps to the high watermark.
#[test]
fn retention_deleting_unread_records_resets_a_latest_group_to_the_high_watermark() {
    let run = run_retention(OffsetReset::Latest);
    let (event, start, hw) = run.first_problem.expect("slow falls out of range");
    match event.kind {
        EventKind::OffsetReset {
            from: Some(from),
            to,
            policy: OffsetReset::Latest,
            cause: ResetCause::OutOfRange,
            ..
        } => {
            assert!(from < start);
            assert_eq!(to, hw, "latest jumps to the high watermark");
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// `unread_by` names the groups that will never see the deleted records. A
/// `latest` group that is reading (it has a fetch position) but has not reached
/// its first auto-commit loses the records between its position and the new log
/// start exactly like a group that has committed, so it must be named too.
#[test]
fn retention_names_a_reading_latest_group_before_its_first_commit() {
    let run = run_retention(OffsetReset::Latest);
    let (event, _, _) = run.first_problem.expect("slow falls out of range");
    let EventKind::OffsetReset { from: Some(from), .. } = event.kind else {
        panic!("unexpected {event:?}");
    };
    assert!(
        run.deletions.iter().any(|(to, unread)| *to > from && unread.contains(&"slow".to_string())),
        "records from the slow group's position {from} on were deleted, but no deletion names it: {:?}",
        run.deletions
    );
}

/// `auto.offset.reset=none`: the consumer throws `OffsetOutOfRangeException`
/// (`Fetcher`, `SubscriptionState.hasDefaultOffsetResetPolicy` is false) and
/// stops reading the partition instead of jumping.
#[test]
fn retention_deleting_unread_records_stops_a_none_group_with_offset_out_of_range() {
    let mut run = run_retention(OffsetReset::None);
    // With `none` the slow group's first fetch already fails (it has no offset);
    // commit a starting point the way an operator would, then let it fall behind.
    let (event, start, hw) = run.first_problem.clone().expect("offset_out_of_range");
    assert_eq!(event.code(), Some("OFFSET_OUT_OF_RANGE"));
    match &event.kind {
        EventKind::OffsetOutOfRange { group, offset, log_start_offset, log_end_offset, .. } => {
            assert_eq!(group, "slow");
            assert_eq!(*offset, None, "no committed offset and no reset policy");
            assert_eq!((*log_start_offset, *log_end_offset), (start, hw));
        }
        other => panic!("unexpected {other:?}"),
    }
    let c = &mut run.cluster;
    c.apply(Command::RemoveConsumer { group: "slow".into(), member: None, graceful: true }).unwrap();
    c.apply(Command::ResetOffsets { group: "slow".into(), spec: ResetSpec::ToLatest }).unwrap();
    c.apply(Command::AddConsumer { group: "slow".into() }).unwrap();
    let _ = c.drain_events();
    let mut named = false;
    let mut stopped = None;
    while c.time_ms() < 40_000 && stopped.is_none() {
        c.tick();
        let view = c.view();
        let part = &view.topics[0].partitions[0];
        for e in c.drain_events() {
            match &e.kind {
                EventKind::SegmentsDeleted { unread_by, .. } if unread_by.contains(&"slow".to_string()) => named = true,
                EventKind::OffsetOutOfRange { group, offset, log_start_offset, log_end_offset, .. }
                    if group == "slow" =>
                {
                    assert!(named, "a deletion named the group first");
                    assert!(offset.unwrap() < *log_start_offset);
                    assert_eq!((*log_start_offset, *log_end_offset), (part.log_start_offset, part.high_watermark));
                    stopped = Some(group_view(&view, "slow").consumed);
                }
                EventKind::OffsetReset { group, .. } => assert_ne!(group, "slow", "none never resets by itself"),
                _ => {}
            }
        }
    }
    let consumed_then = stopped.expect("the slow group fell out of range");
    c.run_until(c.time_ms() + 5_000);
    let view = c.view();
    assert_eq!(group_view(&view, "slow").consumed, consumed_then, "it stopped reading");
    assert!(group_view(&view, "fast").consumed > 0);
}

// ---------------------------------------------------------------------------
// Lag
// ---------------------------------------------------------------------------

/// `kafka-consumer-groups --describe` (`ConsumerGroupCommand`): LAG =
/// LOG-END-OFFSET (the high watermark) − CURRENT-OFFSET (the committed offset),
/// `-` when nothing is committed; the simulator adds the sum and the maximum.
#[test]
fn lag_is_high_watermark_minus_committed_with_total_and_max() {
    let mut c = cluster(
        vec![topic(3)],
        vec![ProducerConfig { key_space: Some(100), ..ProducerConfig::new("p1", TOPIC, 90.0) }],
        vec![
            GroupConfig {
                records_per_s: 20.0,
                auto_commit_interval_ms: 1_000,
                ..group("slow", 2, OffsetReset::Earliest)
            },
            group("empty", 0, OffsetReset::Earliest),
        ],
    );
    for _ in 0..120 {
        c.tick();
        let view = c.view();
        let hw = high_watermarks(&view);
        for g in &view.groups {
            for row in &g.partitions {
                assert_eq!(row.log_end_offset, hw[row.partition as usize]);
                assert_eq!(row.lag, row.committed.map(|c| row.log_end_offset - c), "{}", g.id);
            }
            let lags: Vec<u64> = g.partitions.iter().filter_map(|r| r.lag).collect();
            assert_eq!(g.total_lag, lags.iter().sum::<u64>());
            assert_eq!(g.max_lag, lags.iter().copied().max().unwrap_or(0));
        }
    }
    let view = c.view();
    let slow = group_view(&view, "slow");
    assert!(slow.total_lag > 0 && slow.max_lag > 0 && slow.max_lag <= slow.total_lag);
    let empty = group_view(&view, "empty");
    assert!(empty.partitions.iter().all(|r| r.committed.is_none() && r.lag.is_none()));
    assert_eq!((empty.total_lag, empty.max_lag), (0, 0));
}

/// The consumer metric `records-lag-max` (`FetchManagerMetrics`): per member,
/// the largest high watermark − fetch position over its partitions.
#[test]
fn records_lag_max_is_the_largest_position_lag_per_member() {
    let mut c = cluster(
        vec![topic(4)],
        vec![ProducerConfig { key_space: Some(100), ..ProducerConfig::new("p1", TOPIC, 120.0) }],
        vec![GroupConfig { records_per_s: 25.0, ..group("g", 2, OffsetReset::Earliest) }],
    );
    let mut seen_positive = false;
    for _ in 0..100 {
        c.tick();
        let view = c.view();
        let g = group_view(&view, "g");
        for m in &g.members {
            let expected = g
                .partitions
                .iter()
                .filter(|r| r.owner.as_deref() == Some(m.id.as_str()))
                .filter_map(|r| r.position.map(|pos| r.log_end_offset - pos))
                .max()
                .unwrap_or(0);
            assert_eq!(m.records_lag_max, expected, "{} at {}", m.id, view.time_ms);
            seen_positive |= expected > 0;
        }
    }
    assert!(seen_positive);
}

/// `consumed.redelivered` (and the group's `redelivered` total) counts "records
/// already read by the group before" (event.rs). A `latest` group never read the
/// records below where it started, so when an operator later resets it
/// `--to-earliest` (`ConsumerGroupCommand`), those records are read for the
/// first time, not again.
#[test]
fn redelivered_counts_only_records_the_group_had_read() {
    let mut c = cluster(vec![topic(1)], vec![ProducerConfig::new("p1", TOPIC, 100.0)], vec![]);
    c.run_until(2_000);
    c.apply(Command::AddGroup(group("g", 1, OffsetReset::Latest))).unwrap();
    c.run_until(3_000);
    c.apply(Command::SetProducerRate { producer: "p1".into(), rate_per_s: 0.0 }).unwrap();
    c.run_until(4_000);
    let view = c.view();
    let hw = view.topics[0].partitions[0].high_watermark;
    let read_before = group_view(&view, "g").consumed;
    assert!(hw == 300 && read_before > 80 && read_before < hw, "it started late: read {read_before} of {hw}");
    c.apply(Command::RemoveConsumer { group: "g".into(), member: None, graceful: true }).unwrap();
    c.apply(Command::ResetOffsets { group: "g".into(), spec: ResetSpec::ToEarliest }).unwrap();
    c.apply(Command::AddConsumer { group: "g".into() }).unwrap();
    c.run_until(10_000);
    let g = group_view(&c.view(), "g");
    assert_eq!(g.consumed, read_before + 300);
    assert_eq!(
        g.redelivered, read_before,
        "only the records it read after joining had been read before; the ones below its start are new to it"
    );
}
