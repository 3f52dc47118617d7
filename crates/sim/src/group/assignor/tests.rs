//! Kafka's assignor unit tests, restated. Each test is named after the Kafka
//! test it restates and cites the file; expected values are Kafka's.
//!
//! Sources (apache/kafka, `clients/src/test/java/org/apache/kafka/clients/consumer/`):
//! `RangeAssignorTest.java`, `RoundRobinAssignorTest.java`, `StickyAssignorTest.java`,
//! `CooperativeStickyAssignorTest.java`, `internals/AbstractStickyAssignorTest.java`
//! (whose cases run against both sticky assignors, hence the `sticky_test_*` and
//! `cooperative_sticky_test_*` pairs below). Rack-aware variants are restated
//! with their non-rack-aware expectations only.
//!
//! Version: Kafka 3.9 (compared against the apache/kafka tag `3.9.0-rc3`). The
//! five files have the same cases and expectations in 3.8.0 (3.9 only reordered
//! imports); `testTopicBalanceAfterReassignment` (KAFKA-16277) is new in 3.8.0.

use super::*;
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn tp(topic: &str, partition: u32) -> TopicPartition {
    TopicPartition::new(topic, partition)
}

fn ppt(pairs: &[(&str, u32)]) -> BTreeMap<String, u32> {
    pairs.iter().map(|(t, n)| ((*t).to_string(), *n)).collect()
}

fn member(id: &str, topics: &[&str]) -> MemberSubscription {
    MemberSubscription::new(id, topics.iter().copied())
}

/// `buildSubscriptionV2Above(topics, partitions, generation, …)`.
fn owning(id: &str, topics: &[&str], owned: &[TopicPartition], generation: i32) -> MemberSubscription {
    member(id, topics).owning(owned.iter().cloned(), generation)
}

fn run(strategy: Strategy, partitions: &BTreeMap<String, u32>, members: &[MemberSubscription]) -> Assignment {
    assign(strategy, partitions, members).expect("valid input")
}

/// The sticky assignment plus `partitionsTransferringOwnership` (member ids).
fn run_sticky(
    strategy: Strategy,
    partitions: &BTreeMap<String, u32>,
    members: &[MemberSubscription],
) -> (Assignment, Option<BTreeMap<TopicPartition, String>>) {
    let ctx = Context::new(partitions, members).expect("valid input");
    let transferring = sticky::assign(&ctx)
        .expect("assignable")
        .transferring
        .map(|t| t.into_iter().map(|(p, m)| (p, members[m].member_id.clone())).collect());
    (run(strategy, partitions, members), transferring)
}

fn transfers(pairs: &[(TopicPartition, &str)]) -> Option<BTreeMap<TopicPartition, String>> {
    Some(pairs.iter().map(|(p, m)| (p.clone(), (*m).to_string())).collect())
}

fn no_transfers() -> Option<BTreeMap<TopicPartition, String>> {
    Some(BTreeMap::new())
}

fn set(list: &[TopicPartition]) -> BTreeSet<TopicPartition> {
    list.iter().cloned().collect()
}

/// `subscriptions.put(id, subscription)` on the test's HashMap: replace in place
/// or append.
fn put(members: &mut Vec<MemberSubscription>, m: MemberSubscription) {
    match members.iter_mut().find(|x| x.member_id == m.member_id) {
        Some(slot) => *slot = m,
        None => members.push(m),
    }
}

fn remove(members: &mut Vec<MemberSubscription>, id: &str) {
    members.retain(|m| m.member_id != id);
}

/// `isFullyBalanced`: sizes differ by at most one.
fn is_fully_balanced(assignment: &Assignment) -> bool {
    let sizes: Vec<usize> = assignment.values().map(Vec::len).collect();
    match (sizes.iter().min(), sizes.iter().max()) {
        (Some(min), Some(max)) => max - min <= 1,
        _ => true,
    }
}

/// `toSortedString`: the partitions' `topic-partition` strings, sorted.
fn sorted_string(list: &[TopicPartition]) -> String {
    let mut s: Vec<String> = list.iter().map(ToString::to_string).collect();
    s.sort();
    s.join(", ")
}

fn parse_list(s: &str) -> Vec<TopicPartition> {
    s.split(", ").map(|p| TopicPartition::parse(p).expect("partition")).collect()
}

/// `AbstractPartitionAssignorTest.verifyRackAssignment` without racks:
/// members `consumer0`, `consumer1`, … with the given topics (and owned
/// partitions, generation absent), compared as sorted strings.
fn verify_non_rack(
    strategy: Strategy,
    topics: &[(&str, u32)],
    consumer_topics: &[&[&str]],
    owned: Option<&[&str]>,
    expected: &[&str],
) {
    let members: Vec<MemberSubscription> = consumer_topics
        .iter()
        .enumerate()
        .map(|(i, ts)| {
            let mut m = member(&format!("consumer{i}"), ts);
            if let Some(owned) = owned {
                m.owned = parse_list(owned[i]);
            }
            m
        })
        .collect();
    let a = run(strategy, &ppt(topics), &members);
    for (i, want) in expected.iter().enumerate() {
        assert_eq!(sorted_string(&a[&format!("consumer{i}")]), *want, "consumer{i} under {strategy}");
    }
}

/// `AbstractStickyAssignorTest.verifyValidityAndBalance`: every partition
/// belongs to a topic its member subscribes to, no partition is assigned twice,
/// and two members whose sizes differ by two or more share no topic.
fn verify_validity_and_balance(members: &[MemberSubscription], assignment: &Assignment) {
    assert_eq!(members.len(), assignment.len());
    let consumers: Vec<&String> = assignment.keys().collect();
    let topics_of = |id: &str| -> Vec<String> { members.iter().find(|m| m.member_id == id).unwrap().topics.clone() };
    for (i, c) in consumers.iter().enumerate() {
        let mine = &assignment[*c];
        let subscribed = topics_of(c);
        for p in mine {
            assert!(
                subscribed.contains(&p.topic),
                "{p} is assigned to {c}, which does not subscribe to it: {assignment:?}"
            );
        }
        for other in &consumers[i + 1..] {
            let theirs = &assignment[*other];
            let common: Vec<_> = mine.iter().filter(|p| theirs.contains(p)).collect();
            assert!(common.is_empty(), "{c} and {other} share {common:?}");
            if mine.len().abs_diff(theirs.len()) <= 1 {
                continue;
            }
            let my_topics: BTreeSet<&String> = mine.iter().map(|p| &p.topic).collect();
            let their_topics: BTreeSet<&String> = theirs.iter().map(|p| &p.topic).collect();
            assert!(
                my_topics.is_disjoint(&their_topics),
                "partitions can move between {c} ({}) and {other} ({}) for a better balance: {assignment:?}",
                mine.len(),
                theirs.len()
            );
        }
    }
}

/// `CooperativeStickyAssignorTest.verifyCooperativeValidity`: nothing is given
/// to one member in the round another member gives it up. Returns whether
/// anything was revoked (a follow-up rebalance is due).
fn verify_cooperative_validity(members: &[MemberSubscription], assignment: &Assignment) -> bool {
    let mut all_added = BTreeSet::new();
    let mut all_revoked = BTreeSet::new();
    for (id, assigned) in assignment {
        let owned = &members.iter().find(|m| &m.member_id == id).unwrap().owned;
        all_revoked.extend(revoked(owned, assigned));
        all_added.extend(added(owned, assigned));
    }
    let both: Vec<_> = all_added.intersection(&all_revoked).collect();
    assert!(both.is_empty(), "assigned to a new member in the round they are revoked: {both:?}");
    !all_revoked.is_empty()
}

/// `verifyValidityAndBalance` as each test class runs it. For
/// `cooperative-sticky` (`CooperativeStickyAssignorTest`'s override) it first
/// rebalances again while partitions are being revoked, updating `members` and
/// `assignment` in place (generation 1, as `generationId` there), at most 4 times.
fn verify(
    strategy: Strategy,
    partitions: &BTreeMap<String, u32>,
    members: &mut [MemberSubscription],
    assignment: &mut Assignment,
) {
    if strategy == Strategy::CooperativeSticky {
        let mut rebalances = 0;
        while verify_cooperative_validity(members, assignment) {
            for m in members.iter_mut() {
                m.owned = assignment[&m.member_id].clone();
                m.generation = Some(1);
            }
            *assignment = run(strategy, partitions, members);
            rebalances += 1;
            assert!(rebalances <= 4, "too many follow-up rebalances");
        }
    }
    verify_validity_and_balance(members, assignment);
}

/// `AbstractStickyAssignor.isSticky` (`PartitionMovements.isSticky` and
/// `hasCycles`): a rebalance is not sticky when, for one topic, it moved
/// partitions both from member A to B and from B to A, a swap that gains no
/// balance. Kafka records the moves inside the assignor; here they are read off
/// the assignments: a partition moved when a member that reported owning it
/// before the rebalance is still in the group and another member has it now.
/// (Kafka logs longer cycles but fails only on these of length 2.) Returns the
/// first swap as (topic, A, B).
fn sticky_violation(before: &[MemberSubscription], after: &Assignment) -> Option<(String, String, String)> {
    let mut moves: BTreeSet<(&str, &str, &str)> = BTreeSet::new();
    for m in before {
        for p in &m.owned {
            if let Some((to, _)) = after.iter().find(|(id, list)| **id != m.member_id && list.contains(p)) {
                moves.insert((&p.topic, &m.member_id, to));
            }
        }
    }
    moves
        .iter()
        .find(|(topic, a, b)| moves.contains(&(*topic, *b, *a)))
        .map(|(topic, a, b)| ((*topic).to_string(), (*a).to_string(), (*b).to_string()))
}

/// `verifyValidityAndBalance(...)` followed by `assertTrue(assignor.isSticky())`:
/// stickiness is judged from the partitions the members owned before this
/// rebalance to the assignment after `verify` (for `cooperative-sticky`, after its
/// follow-up rounds, so a move shows up although it spans two rounds).
fn verify_sticky(
    strategy: Strategy,
    partitions: &BTreeMap<String, u32>,
    members: &mut [MemberSubscription],
    assignment: &mut Assignment,
) {
    let before = members.to_vec();
    verify(strategy, partitions, members, assignment);
    if let Some((topic, a, b)) = sticky_violation(&before, assignment) {
        panic!(
            "not sticky under {strategy}: partitions of {topic} moved both from {a} to {b} and back: {assignment:?}"
        );
    }
}

/// The stickiness check itself: a swap of partitions of one topic between two
/// members is caught; keeping, a one-way move, and moves in opposite directions
/// of two different topics are not.
#[test]
fn sticky_violation_finds_a_swap_within_a_topic() {
    let before = vec![
        owning(C1, &[TOPIC, TOPIC1], &[tp(TOPIC, 0), tp(TOPIC1, 0)], GEN),
        owning(C2, &[TOPIC, TOPIC1], &[tp(TOPIC, 1), tp(TOPIC1, 1)], GEN),
    ];
    let after = |c1: &[TopicPartition], c2: &[TopicPartition]| -> Assignment {
        [(C1.to_string(), c1.to_vec()), (C2.to_string(), c2.to_vec())].into_iter().collect()
    };
    let kept = after(&[tp(TOPIC, 0), tp(TOPIC1, 0)], &[tp(TOPIC, 1), tp(TOPIC1, 1)]);
    assert_eq!(sticky_violation(&before, &kept), None);
    let one_way = after(&[tp(TOPIC1, 0)], &[tp(TOPIC, 0), tp(TOPIC, 1), tp(TOPIC1, 1)]);
    assert_eq!(sticky_violation(&before, &one_way), None);
    let two_topics = after(&[tp(TOPIC1, 0), tp(TOPIC1, 1)], &[tp(TOPIC, 0), tp(TOPIC, 1)]);
    assert_eq!(sticky_violation(&before, &two_topics), None);
    let swapped = after(&[tp(TOPIC, 1), tp(TOPIC1, 0)], &[tp(TOPIC, 0), tp(TOPIC1, 1)]);
    assert_eq!(sticky_violation(&before, &swapped), Some((TOPIC.to_string(), C1.to_string(), C2.to_string())));
}

/// `getCanonicalName(str, i, maxNum)`: `str` followed by `i` zero-padded to the
/// width of `maxNum`.
fn canonical(prefix: &str, i: usize, max: usize) -> String {
    format!("{prefix}{i:0width$}", width = max.to_string().len())
}

/// A tiny linear congruential generator (Knuth's MMIX constants) so the
/// randomised tests are reproducible.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// `getRandomSublist`: remove between 0 and len-1 random elements.
    fn sublist(&mut self, list: &[String]) -> Vec<String> {
        let mut out = list.to_vec();
        let remove = self.below(list.len());
        for _ in 0..remove {
            let i = self.below(out.len());
            out.remove(i);
        }
        out
    }
}

use Strategy::{CooperativeSticky, Range, RoundRobin, Sticky};

// ---------------------------------------------------------------------------
// Strategy and helpers
// ---------------------------------------------------------------------------

#[test]
fn strategy_names_round_trip() {
    for s in Strategy::ALL {
        assert_eq!(Strategy::parse(s.name()).unwrap(), s);
        assert_eq!(Strategy::parse(s.kafka_class()).unwrap(), s);
        assert_eq!(s.to_string(), s.name());
        assert_eq!(s.name().parse::<Strategy>().unwrap(), s);
    }
    assert_eq!(Strategy::Range.name(), "range");
    assert_eq!(Strategy::RoundRobin.name(), "roundrobin");
    assert_eq!(Strategy::Sticky.name(), "sticky");
    assert_eq!(Strategy::CooperativeSticky.name(), "cooperative-sticky");
    assert!(Strategy::CooperativeSticky.is_cooperative());
    assert!(!Strategy::Sticky.is_cooperative());
    assert_eq!(Strategy::CooperativeSticky.protocol(), RebalanceProtocol::Cooperative);
    assert_eq!(Strategy::Range.supported_protocols(), &[RebalanceProtocol::Eager]);
}

#[test]
fn strategy_parse_explains_the_allowed_names() {
    let err = Strategy::parse("fair").unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidConfig);
    assert_eq!(err.field, "strategy");
    for name in ["range", "roundrobin", "sticky", "cooperative-sticky"] {
        assert!(err.en().contains(name), "{}", err.en());
        assert!(err.ko().contains(name), "{}", err.ko());
    }
}

#[test]
fn invalid_members_are_explained() {
    let topics = ppt(&[("t1", 3)]);
    let dup = [member("c1", &["t1"]), member("c1", &["t1"])];
    let err = assign(Range, &topics, &dup).unwrap_err();
    assert_eq!(err.field, "members[1].member_id");
    assert!(err.en().contains("appears twice"));

    let empty = [member("", &["t1"])];
    assert_eq!(assign(Range, &topics, &empty).unwrap_err().field, "members[0].member_id");

    let static_dup = [member("a", &["t1"]).with_instance_id("i"), member("b", &["t1"]).with_instance_id("i")];
    assert!(assign(RoundRobin, &topics, &static_dup).unwrap_err().en().contains("FENCED_INSTANCE_ID"));

    let topic_dup = [member("a", &["t1", "t1"])];
    assert_eq!(assign(Sticky, &topics, &topic_dup).unwrap_err().field, "members[0].topics");

    let owned_dup = [owning("a", &["t1"], &[tp("t1", 0), tp("t1", 0)], 1)];
    assert_eq!(assign(CooperativeSticky, &topics, &owned_dup).unwrap_err().field, "members[0].owned");
}

#[test]
fn no_members_no_assignment() {
    for s in Strategy::ALL {
        assert!(run(s, &ppt(&[("t1", 3)]), &[]).is_empty());
    }
}

#[test]
fn revoked_and_added_are_sorted_differences() {
    let before = [tp("b", 1), tp("a", 2), tp("a", 0)];
    let after = [tp("a", 0), tp("c", 0)];
    assert_eq!(revoked(&before, &after), vec![tp("a", 2), tp("b", 1)]);
    assert_eq!(added(&before, &after), vec![tp("c", 0)]);
    assert!(revoked(&after, &after).is_empty());
}

#[test]
fn assign_request_serves_the_cli_contract() {
    // {"partitions_per_topic":{"t1":3},"members":{"c1":{"topics":["t1"],"owned":["t1-0"],"generation":1},"c2":{"topics":["t1"]}}}
    let request = AssignRequest {
        partitions_per_topic: ppt(&[("t1", 3)]),
        members: BTreeMap::from([
            (
                "c1".to_string(),
                MemberSpec {
                    topics: vec!["t1".into()],
                    owned: vec!["t1-0".into()],
                    generation: Some(1),
                    ..MemberSpec::default()
                },
            ),
            ("c2".to_string(), MemberSpec { topics: vec!["t1".into()], ..MemberSpec::default() }),
        ]),
    };
    let out = request.run(Range).unwrap();
    let want: BTreeMap<String, Vec<String>> = BTreeMap::from([
        ("c1".to_string(), vec!["t1-0".to_string(), "t1-1".to_string()]),
        ("c2".to_string(), vec!["t1-2".to_string()]),
    ]);
    assert_eq!(out.assignment, want);
    // The sticky assignors keep c1's t1-0.
    for s in [Sticky, CooperativeSticky] {
        assert!(request.run(s).unwrap().assignment["c1"].contains(&"t1-0".to_string()));
    }

    let bad = AssignRequest {
        partitions_per_topic: ppt(&[("t1", 3)]),
        members: BTreeMap::from([(
            "c1".to_string(),
            MemberSpec { topics: vec!["t1".into()], owned: vec!["t1".into()], ..MemberSpec::default() },
        )]),
    };
    assert_eq!(bad.run(Sticky).unwrap_err().field, "members.c1.owned[0]");
}

#[test]
fn legacy_range_wrapper_matches_assign() {
    let topics = ppt(&[("t1", 5)]);
    let members = [member("b", &["t1"]), member("a", &["t1"])];
    assert_eq!(range(&topics, &members), run(Range, &topics, &members));
    let dup = [member("a", &["t1"]), member("a", &["t1"])];
    assert_eq!(range(&topics, &dup)["a"], Vec::<TopicPartition>::new());
}

// ---------------------------------------------------------------------------
// RangeAssignorTest.java
// ---------------------------------------------------------------------------

const TOPIC1: &str = "topic1";
const TOPIC2: &str = "topic2";

// RangeAssignorTest.testOneConsumerNoTopic
#[test]
fn range_test_one_consumer_no_topic() {
    let a = run(Range, &ppt(&[]), &[member("consumer1", &[])]);
    assert_eq!(a.keys().collect::<Vec<_>>(), vec!["consumer1"]);
    assert!(a["consumer1"].is_empty());
}

// RangeAssignorTest.testOneConsumerNonexistentTopic
#[test]
fn range_test_one_consumer_nonexistent_topic() {
    let a = run(Range, &ppt(&[]), &[member("consumer1", &[TOPIC1])]);
    assert_eq!(a.keys().collect::<Vec<_>>(), vec!["consumer1"]);
    assert!(a["consumer1"].is_empty());
}

// RangeAssignorTest.testOneConsumerOneTopic
#[test]
fn range_test_one_consumer_one_topic() {
    let a = run(Range, &ppt(&[(TOPIC1, 3)]), &[member("consumer1", &[TOPIC1])]);
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0), tp(TOPIC1, 1), tp(TOPIC1, 2)]);
}

// RangeAssignorTest.testOnlyAssignsPartitionsFromSubscribedTopics
#[test]
fn range_test_only_assigns_partitions_from_subscribed_topics() {
    let a = run(Range, &ppt(&[(TOPIC1, 3), ("other", 3)]), &[member("consumer1", &[TOPIC1])]);
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0), tp(TOPIC1, 1), tp(TOPIC1, 2)]);
}

// RangeAssignorTest.testOneConsumerMultipleTopics
#[test]
fn range_test_one_consumer_multiple_topics() {
    let a = run(Range, &ppt(&[(TOPIC1, 1), (TOPIC2, 2)]), &[member("consumer1", &[TOPIC1, TOPIC2])]);
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0), tp(TOPIC2, 0), tp(TOPIC2, 1)]);
}

// RangeAssignorTest.testTwoConsumersOneTopicOnePartition
#[test]
fn range_test_two_consumers_one_topic_one_partition() {
    let a = run(Range, &ppt(&[(TOPIC1, 1)]), &[member("consumer1", &[TOPIC1]), member("consumer2", &[TOPIC1])]);
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0)]);
    assert!(a["consumer2"].is_empty());
}

// RangeAssignorTest.testTwoConsumersOneTopicTwoPartitions
#[test]
fn range_test_two_consumers_one_topic_two_partitions() {
    let a = run(Range, &ppt(&[(TOPIC1, 2)]), &[member("consumer1", &[TOPIC1]), member("consumer2", &[TOPIC1])]);
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0)]);
    assert_eq!(a["consumer2"], vec![tp(TOPIC1, 1)]);
}

// The brief's example: two consumers, one topic, three partitions.
#[test]
fn range_test_two_consumers_one_topic_three_partitions() {
    let a = run(Range, &ppt(&[(TOPIC1, 3)]), &[member("consumer1", &[TOPIC1]), member("consumer2", &[TOPIC1])]);
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0), tp(TOPIC1, 1)]);
    assert_eq!(a["consumer2"], vec![tp(TOPIC1, 2)]);
}

// RangeAssignorTest.testMultipleConsumersMixedTopics
#[test]
fn range_test_multiple_consumers_mixed_topics() {
    let a = run(
        Range,
        &ppt(&[(TOPIC1, 3), (TOPIC2, 2)]),
        &[member("consumer1", &[TOPIC1]), member("consumer2", &[TOPIC1, TOPIC2]), member("consumer3", &[TOPIC1])],
    );
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0)]);
    assert_eq!(a["consumer2"], vec![tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 1)]);
    assert_eq!(a["consumer3"], vec![tp(TOPIC1, 2)]);
}

// RangeAssignorTest.testTwoConsumersTwoTopicsSixPartitions
#[test]
fn range_test_two_consumers_two_topics_six_partitions() {
    let a = run(
        Range,
        &ppt(&[(TOPIC1, 3), (TOPIC2, 3)]),
        &[member("consumer1", &[TOPIC1, TOPIC2]), member("consumer2", &[TOPIC1, TOPIC2])],
    );
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0), tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 1)]);
    assert_eq!(a["consumer2"], vec![tp(TOPIC1, 2), tp(TOPIC2, 2)]);
}

// RangeAssignorTest.testTwoStaticConsumersTwoTopicsSixPartitions: the
// comparison happens on group.instance.id, not on member id.
#[test]
fn range_test_two_static_consumers_two_topics_six_partitions() {
    let a = run(
        Range,
        &ppt(&[(TOPIC1, 3), (TOPIC2, 3)]),
        &[
            member("consumer-b", &[TOPIC1, TOPIC2]).with_instance_id("instance1"),
            member("consumer-a", &[TOPIC1, TOPIC2]).with_instance_id("instance2"),
        ],
    );
    assert_eq!(a["consumer-b"], vec![tp(TOPIC1, 0), tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 1)]);
    assert_eq!(a["consumer-a"], vec![tp(TOPIC1, 2), tp(TOPIC2, 2)]);
}

// RangeAssignorTest.testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions:
// the static member sorts first although its member id is higher.
#[test]
fn range_test_one_static_consumer_and_one_dynamic_consumer_two_topics_six_partitions() {
    let a = run(
        Range,
        &ppt(&[(TOPIC1, 3), (TOPIC2, 3)]),
        &[
            member("consumer-b", &[TOPIC1, TOPIC2]).with_instance_id("instance1"),
            member("consumer-a", &[TOPIC1, TOPIC2]),
        ],
    );
    assert_eq!(a["consumer-b"], vec![tp(TOPIC1, 0), tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 1)]);
    assert_eq!(a["consumer-a"], vec![tp(TOPIC1, 2), tp(TOPIC2, 2)]);
}

fn static_members(topics: &[&str]) -> Vec<MemberSubscription> {
    (1..=3).map(|i| member(&format!("consumer{i}"), topics).with_instance_id(format!("instance{i}"))).collect()
}

// RangeAssignorTest.testStaticMemberRangeAssignmentPersistent (compared with
// assertEquals on the whole map, so list order counts).
#[test]
fn range_test_static_member_range_assignment_persistent() {
    let topics = ppt(&[(TOPIC1, 5), (TOPIC2, 4)]);
    let mut members = static_members(&[TOPIC1, TOPIC2]);
    members.push(member("consumer4", &[TOPIC1, TOPIC2]));
    let mut expected: Assignment = BTreeMap::from([
        ("consumer1".to_string(), vec![tp(TOPIC1, 0), tp(TOPIC1, 1), tp(TOPIC2, 0)]),
        ("consumer2".to_string(), vec![tp(TOPIC1, 2), tp(TOPIC2, 1)]),
        ("consumer3".to_string(), vec![tp(TOPIC1, 3), tp(TOPIC2, 2)]),
        ("consumer4".to_string(), vec![tp(TOPIC1, 4), tp(TOPIC2, 3)]),
    ]);
    assert_eq!(run(Range, &topics, &members), expected);

    // Replace dynamic member 4 with a new dynamic member 5.
    remove(&mut members, "consumer4");
    members.push(member("consumer5", &[TOPIC1, TOPIC2]));
    let c4 = expected.remove("consumer4").unwrap();
    expected.insert("consumer5".to_string(), c4);
    assert_eq!(run(Range, &topics, &members), expected);
}

fn by_instance(members: &[MemberSubscription], a: &Assignment) -> BTreeMap<String, Vec<TopicPartition>> {
    members.iter().filter_map(|m| m.group_instance_id.clone().map(|i| (i, a[&m.member_id].clone()))).collect()
}

// RangeAssignorTest.testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges
#[test]
fn range_test_static_member_range_assignment_persistent_after_member_id_changes() {
    let topics = ppt(&[(TOPIC1, 5), (TOPIC2, 5)]);
    let mut members = static_members(&[TOPIC1, TOPIC2]);
    let expected: BTreeMap<String, Vec<TopicPartition>> = BTreeMap::from([
        ("instance1".to_string(), vec![tp(TOPIC1, 0), tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 1)]),
        ("instance2".to_string(), vec![tp(TOPIC1, 2), tp(TOPIC1, 3), tp(TOPIC2, 2), tp(TOPIC2, 3)]),
        ("instance3".to_string(), vec![tp(TOPIC1, 4), tp(TOPIC2, 4)]),
    ]);
    let first = by_instance(&members, &run(Range, &topics, &members));
    assert_eq!(first, expected);

    // consumer4 takes over consumer3's instance id, consumer5 consumer2's.
    members[2].member_id = "consumer4".into();
    members[1].member_id = "consumer5".into();
    assert_eq!(by_instance(&members, &run(Range, &topics, &members)), first);
}

// RangeAssignorTest.testRackAwareAssignmentWithUniformSubscription (non-rack-aware expectation)
#[test]
fn range_test_rack_aware_assignment_with_uniform_subscription_without_racks() {
    let all: &[&str] = &["t1", "t2", "t3"];
    verify_non_rack(
        Range,
        &[("t1", 6), ("t2", 7), ("t3", 2)],
        &[all, all, all],
        None,
        &["t1-0, t1-1, t2-0, t2-1, t2-2, t3-0", "t1-2, t1-3, t2-3, t2-4, t3-1", "t1-4, t1-5, t2-5, t2-6"],
    );
}

// RangeAssignorTest.testRackAwareAssignmentWithNonEqualSubscription (non-rack-aware expectation)
#[test]
fn range_test_rack_aware_assignment_with_non_equal_subscription_without_racks() {
    let all: &[&str] = &["t1", "t2", "t3"];
    verify_non_rack(
        Range,
        &[("t1", 6), ("t2", 7), ("t3", 2)],
        &[all, all, &["t1", "t3"]],
        None,
        &["t1-0, t1-1, t2-0, t2-1, t2-2, t2-3, t3-0", "t1-2, t1-3, t2-4, t2-5, t2-6, t3-1", "t1-4, t1-5"],
    );
}

// RangeAssignorTest.testRackAwareAssignmentWithUniformPartitions (non-rack-aware expectation)
#[test]
fn range_test_rack_aware_assignment_with_uniform_partitions_without_racks() {
    let all: &[&str] = &["t1", "t2", "t3"];
    verify_non_rack(
        Range,
        &[("t1", 5), ("t2", 5), ("t3", 5)],
        &[all, all, all],
        None,
        &["t1-0, t1-1, t2-0, t2-1, t3-0, t3-1", "t1-2, t1-3, t2-2, t2-3, t3-2, t3-3", "t1-4, t2-4, t3-4"],
    );
}

// RangeAssignorTest.testRackAwareAssignmentWithUniformPartitionsNonEqualSubscription (non-rack-aware expectation)
#[test]
fn range_test_rack_aware_assignment_with_uniform_partitions_non_equal_subscription_without_racks() {
    let all: &[&str] = &["t1", "t2", "t3"];
    verify_non_rack(
        Range,
        &[("t1", 5), ("t2", 5), ("t3", 5)],
        &[all, all, &["t1", "t3"]],
        None,
        &["t1-0, t1-1, t2-0, t2-1, t2-2, t3-0, t3-1", "t1-2, t1-3, t2-3, t2-4, t3-2, t3-3", "t1-4, t3-4"],
    );
}

// RangeAssignorTest.testRackAwareAssignmentWithCoPartitioning (non-rack-aware expectations)
#[test]
fn range_test_rack_aware_assignment_with_co_partitioning_without_racks() {
    let topics = [("t1", 6), ("t2", 6), ("t3", 2), ("t4", 2)];
    let a: &[&str] = &["t1", "t2"];
    let b: &[&str] = &["t3", "t4"];
    verify_non_rack(
        Range,
        &topics,
        &[a, a, b, b],
        None,
        &["t1-0, t1-1, t1-2, t2-0, t2-1, t2-2", "t1-3, t1-4, t1-5, t2-3, t2-4, t2-5", "t3-0, t4-0", "t3-1, t4-1"],
    );
    let all: &[&str] = &["t1", "t2", "t3", "t4"];
    verify_non_rack(
        Range,
        &topics,
        &[all, all, all, all],
        None,
        &["t1-0, t1-1, t2-0, t2-1, t3-0, t4-0", "t1-2, t1-3, t2-2, t2-3, t3-1, t4-1", "t1-4, t2-4", "t1-5, t2-5"],
    );
}

// RangeAssignorTest.testCoPartitionedAssignmentWithSameSubscription (non-rack-aware
// expectation; t7..t9 are subscribed but do not exist)
#[test]
fn range_test_co_partitioned_assignment_with_same_subscription_without_racks() {
    let list: &[&str] = &["t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9"];
    verify_non_rack(
        Range,
        &[("t1", 6), ("t2", 6), ("t3", 2), ("t4", 2), ("t5", 4), ("t6", 4)],
        &[list, list, list],
        None,
        &[
            "t1-0, t1-1, t2-0, t2-1, t3-0, t4-0, t5-0, t5-1, t6-0, t6-1",
            "t1-2, t1-3, t2-2, t2-3, t3-1, t4-1, t5-2, t6-2",
            "t1-4, t1-5, t2-4, t2-5, t5-3, t6-3",
        ],
    );
}

// RangeAssignor's class comment: C0 [t0p0, t0p1, t1p0, t1p1], C1 [t0p2, t1p2].
#[test]
fn range_class_comment_example() {
    let a = run(Range, &ppt(&[("t0", 3), ("t1", 3)]), &[member("C0", &["t0", "t1"]), member("C1", &["t0", "t1"])]);
    assert_eq!(set(&a["C0"]), set(&[tp("t0", 0), tp("t0", 1), tp("t1", 0), tp("t1", 1)]));
    assert_eq!(set(&a["C1"]), set(&[tp("t0", 2), tp("t1", 2)]));
}

// ---------------------------------------------------------------------------
// RoundRobinAssignorTest.java
// ---------------------------------------------------------------------------

const TOPIC: &str = "topic";

// RoundRobinAssignorTest.testOneConsumerNoTopic
#[test]
fn round_robin_test_one_consumer_no_topic() {
    let a = run(RoundRobin, &ppt(&[]), &[member("consumer", &[])]);
    assert_eq!(a.keys().collect::<Vec<_>>(), vec!["consumer"]);
    assert!(a["consumer"].is_empty());
}

// RoundRobinAssignorTest.testOneConsumerNonexistentTopic
#[test]
fn round_robin_test_one_consumer_nonexistent_topic() {
    let a = run(RoundRobin, &ppt(&[]), &[member("consumer", &[TOPIC])]);
    assert_eq!(a.keys().collect::<Vec<_>>(), vec!["consumer"]);
    assert!(a["consumer"].is_empty());
}

// RoundRobinAssignorTest.testOneConsumerOneTopic
#[test]
fn round_robin_test_one_consumer_one_topic() {
    let a = run(RoundRobin, &ppt(&[(TOPIC, 3)]), &[member("consumer", &[TOPIC])]);
    assert_eq!(a["consumer"], vec![tp(TOPIC, 0), tp(TOPIC, 1), tp(TOPIC, 2)]);
}

// RoundRobinAssignorTest.testOnlyAssignsPartitionsFromSubscribedTopics
#[test]
fn round_robin_test_only_assigns_partitions_from_subscribed_topics() {
    let a = run(RoundRobin, &ppt(&[(TOPIC, 3), ("other", 3)]), &[member("consumer", &[TOPIC])]);
    assert_eq!(a["consumer"], vec![tp(TOPIC, 0), tp(TOPIC, 1), tp(TOPIC, 2)]);
}

// RoundRobinAssignorTest.testOneConsumerMultipleTopics
#[test]
fn round_robin_test_one_consumer_multiple_topics() {
    let a = run(RoundRobin, &ppt(&[(TOPIC1, 1), (TOPIC2, 2)]), &[member("consumer", &[TOPIC1, TOPIC2])]);
    assert_eq!(a["consumer"], vec![tp(TOPIC1, 0), tp(TOPIC2, 0), tp(TOPIC2, 1)]);
}

// RoundRobinAssignorTest.testTwoConsumersOneTopicOnePartition
#[test]
fn round_robin_test_two_consumers_one_topic_one_partition() {
    let a = run(RoundRobin, &ppt(&[(TOPIC, 1)]), &[member("consumer1", &[TOPIC]), member("consumer2", &[TOPIC])]);
    assert_eq!(a["consumer1"], vec![tp(TOPIC, 0)]);
    assert!(a["consumer2"].is_empty());
}

// RoundRobinAssignorTest.testTwoConsumersOneTopicTwoPartitions
#[test]
fn round_robin_test_two_consumers_one_topic_two_partitions() {
    let a = run(RoundRobin, &ppt(&[(TOPIC, 2)]), &[member("consumer1", &[TOPIC]), member("consumer2", &[TOPIC])]);
    assert_eq!(a["consumer1"], vec![tp(TOPIC, 0)]);
    assert_eq!(a["consumer2"], vec![tp(TOPIC, 1)]);
}

// RoundRobinAssignorTest.testMultipleConsumersMixedTopics
#[test]
fn round_robin_test_multiple_consumers_mixed_topics() {
    let a = run(
        RoundRobin,
        &ppt(&[(TOPIC1, 3), (TOPIC2, 2)]),
        &[member("consumer1", &[TOPIC1]), member("consumer2", &[TOPIC1, TOPIC2]), member("consumer3", &[TOPIC1])],
    );
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0)]);
    assert_eq!(a["consumer2"], vec![tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 1)]);
    assert_eq!(a["consumer3"], vec![tp(TOPIC1, 2)]);
}

// RoundRobinAssignorTest.testTwoDynamicConsumersTwoTopicsSixPartitions
#[test]
fn round_robin_test_two_dynamic_consumers_two_topics_six_partitions() {
    let a = run(
        RoundRobin,
        &ppt(&[(TOPIC1, 3), (TOPIC2, 3)]),
        &[member("consumer1", &[TOPIC1, TOPIC2]), member("consumer2", &[TOPIC1, TOPIC2])],
    );
    assert_eq!(a["consumer1"], vec![tp(TOPIC1, 0), tp(TOPIC1, 2), tp(TOPIC2, 1)]);
    assert_eq!(a["consumer2"], vec![tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 2)]);
}

// RoundRobinAssignorTest.testTwoStaticConsumersTwoTopicsSixPartitions
#[test]
fn round_robin_test_two_static_consumers_two_topics_six_partitions() {
    let a = run(
        RoundRobin,
        &ppt(&[(TOPIC1, 3), (TOPIC2, 3)]),
        &[
            member("consumer-b", &[TOPIC1, TOPIC2]).with_instance_id("instance1"),
            member("consumer-a", &[TOPIC1, TOPIC2]).with_instance_id("instance2"),
        ],
    );
    assert_eq!(a["consumer-b"], vec![tp(TOPIC1, 0), tp(TOPIC1, 2), tp(TOPIC2, 1)]);
    assert_eq!(a["consumer-a"], vec![tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 2)]);
}

// RoundRobinAssignorTest.testOneStaticConsumerAndOneDynamicConsumerTwoTopicsSixPartitions
#[test]
fn round_robin_test_one_static_consumer_and_one_dynamic_consumer_two_topics_six_partitions() {
    let a = run(
        RoundRobin,
        &ppt(&[(TOPIC1, 3), (TOPIC2, 3)]),
        &[
            member("consumer-b", &[TOPIC1, TOPIC2]).with_instance_id("instance1"),
            member("consumer-a", &[TOPIC1, TOPIC2]),
        ],
    );
    assert_eq!(a["consumer-b"], vec![tp(TOPIC1, 0), tp(TOPIC1, 2), tp(TOPIC2, 1)]);
    assert_eq!(a["consumer-a"], vec![tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 2)]);
}

// RoundRobinAssignorTest.testStaticMemberAssignmentPersistent
#[test]
fn round_robin_test_static_member_assignment_persistent() {
    let topics = ppt(&[(TOPIC1, 3), (TOPIC2, 3)]);
    let mut members = static_members(&[TOPIC1, TOPIC2]);
    members.push(member("consumer4", &[TOPIC1, TOPIC2]));
    let mut expected: Assignment = BTreeMap::from([
        ("consumer1".to_string(), vec![tp(TOPIC1, 0), tp(TOPIC2, 1)]),
        ("consumer2".to_string(), vec![tp(TOPIC1, 1), tp(TOPIC2, 2)]),
        ("consumer3".to_string(), vec![tp(TOPIC1, 2)]),
        ("consumer4".to_string(), vec![tp(TOPIC2, 0)]),
    ]);
    assert_eq!(run(RoundRobin, &topics, &members), expected);

    remove(&mut members, "consumer4");
    members.push(member("consumer5", &[TOPIC1, TOPIC2]));
    expected.remove("consumer4");
    expected.insert("consumer5".to_string(), vec![tp(TOPIC2, 0)]);
    assert_eq!(run(RoundRobin, &topics, &members), expected);
}

// RoundRobinAssignorTest.testStaticMemberAssignmentPersistentAfterMemberIdChanges
#[test]
fn round_robin_test_static_member_assignment_persistent_after_member_id_changes() {
    let topics = ppt(&[(TOPIC1, 3), (TOPIC2, 3)]);
    let check = |ids: [&str; 3]| {
        // ids[i] carries instance{i+1}, which should get partition i of each topic.
        let members: Vec<MemberSubscription> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| member(id, &[TOPIC1, TOPIC2]).with_instance_id(format!("instance{}", i + 1)))
            .collect();
        let got = by_instance(&members, &run(RoundRobin, &topics, &members));
        for i in 0..3u32 {
            assert_eq!(got[&format!("instance{}", i + 1)], vec![tp(TOPIC1, i), tp(TOPIC2, i)]);
        }
        got
    };
    let before = check(["consumer1", "consumer2", "consumer3"]);
    let after = check(["consumer4", "consumer5", "consumer1"]);
    assert_eq!(before, after);
}

// RoundRobinAssignor's class comment, both examples.
#[test]
fn round_robin_class_comment_examples() {
    let a = run(RoundRobin, &ppt(&[("t0", 3), ("t1", 3)]), &[member("C0", &["t0", "t1"]), member("C1", &["t0", "t1"])]);
    assert_eq!(a["C0"], vec![tp("t0", 0), tp("t0", 2), tp("t1", 1)]);
    assert_eq!(a["C1"], vec![tp("t0", 1), tp("t1", 0), tp("t1", 2)]);

    let a = run(
        RoundRobin,
        &ppt(&[("t0", 1), ("t1", 2), ("t2", 3)]),
        &[member("C0", &["t0"]), member("C1", &["t0", "t1"]), member("C2", &["t0", "t1", "t2"])],
    );
    assert_eq!(a["C0"], vec![tp("t0", 0)]);
    assert_eq!(a["C1"], vec![tp("t1", 0)]);
    assert_eq!(a["C2"], vec![tp("t1", 1), tp("t2", 0), tp("t2", 1), tp("t2", 2)]);
}

// ---------------------------------------------------------------------------
// internals/AbstractStickyAssignorTest.java — every case runs against both
// StickyAssignor (`sticky_test_*`) and CooperativeStickyAssignor
// (`cooperative_sticky_test_*`), like Kafka's two subclasses do.
// ---------------------------------------------------------------------------

const CONSUMER_ID: &str = "consumer";
const C1: &str = "consumer1";
const C2: &str = "consumer2";
const C3: &str = "consumer3";
const C4: &str = "consumer4";
const TOPIC3: &str = "topic3";
/// `generationId` in AbstractStickyAssignorTest.
const GEN: i32 = 1;

macro_rules! sticky_and_cooperative {
    ($($body:ident => $sticky:ident, $coop:ident;)*) => {
        $(
            #[test]
            fn $sticky() {
                $body(Sticky);
            }
            #[test]
            fn $coop() {
                $body(CooperativeSticky);
            }
        )*
    };
}

sticky_and_cooperative! {
    one_consumer_no_topic => sticky_test_one_consumer_no_topic, cooperative_sticky_test_one_consumer_no_topic;
    one_consumer_nonexistent_topic => sticky_test_one_consumer_nonexistent_topic, cooperative_sticky_test_one_consumer_nonexistent_topic;
    one_consumer_one_topic => sticky_test_one_consumer_one_topic, cooperative_sticky_test_one_consumer_one_topic;
    only_assigns_partitions_from_subscribed_topics => sticky_test_only_assigns_partitions_from_subscribed_topics, cooperative_sticky_test_only_assigns_partitions_from_subscribed_topics;
    one_consumer_multiple_topics => sticky_test_one_consumer_multiple_topics, cooperative_sticky_test_one_consumer_multiple_topics;
    two_consumers_one_topic_one_partition => sticky_test_two_consumers_one_topic_one_partition, cooperative_sticky_test_two_consumers_one_topic_one_partition;
    two_consumers_one_topic_two_partitions => sticky_test_two_consumers_one_topic_two_partitions, cooperative_sticky_test_two_consumers_one_topic_two_partitions;
    multiple_consumers_mixed_topic_subscriptions => sticky_test_multiple_consumers_mixed_topic_subscriptions, cooperative_sticky_test_multiple_consumers_mixed_topic_subscriptions;
    two_consumers_two_topics_six_partitions => sticky_test_two_consumers_two_topics_six_partitions, cooperative_sticky_test_two_consumers_two_topics_six_partitions;
    consumer_owning_min_quota_expected_max_quota => sticky_test_consumer_owning_min_quota_expected_max_quota, cooperative_sticky_test_consumer_owning_min_quota_expected_max_quota;
    max_quota_consumer_more_than_num_expected_max_capacity_members => sticky_test_max_quota_consumer_more_than_num_expected_max_capacity_members, cooperative_sticky_test_max_quota_consumer_more_than_num_expected_max_capacity_members;
    all_consumers_are_under_min_quota => sticky_test_all_consumers_are_under_min_quota, cooperative_sticky_test_all_consumers_are_under_min_quota;
    add_remove_consumer_one_topic => sticky_test_add_remove_consumer_one_topic, cooperative_sticky_test_add_remove_consumer_one_topic;
    topic_balance_after_reassignment => sticky_test_topic_balance_after_reassignment, cooperative_sticky_test_topic_balance_after_reassignment;
    add_remove_two_consumers_two_topics => sticky_test_add_remove_two_consumers_two_topics, cooperative_sticky_test_add_remove_two_consumers_two_topics;
    poor_round_robin_assignment_scenario => sticky_test_poor_round_robin_assignment_scenario, cooperative_sticky_test_poor_round_robin_assignment_scenario;
    add_remove_topic_two_consumers => sticky_test_add_remove_topic_two_consumers, cooperative_sticky_test_add_remove_topic_two_consumers;
    reassignment_after_one_consumer_leaves => sticky_test_reassignment_after_one_consumer_leaves, cooperative_sticky_test_reassignment_after_one_consumer_leaves;
    reassignment_after_one_consumer_added => sticky_test_reassignment_after_one_consumer_added, cooperative_sticky_test_reassignment_after_one_consumer_added;
    same_subscriptions => sticky_test_same_subscriptions, cooperative_sticky_test_same_subscriptions;
    large_assignment_and_group_with_uniform_subscription => sticky_test_large_assignment_and_group_with_uniform_subscription, cooperative_sticky_test_large_assignment_and_group_with_uniform_subscription;
    large_assignment_and_group_with_non_equal_subscription => sticky_test_large_assignment_and_group_with_non_equal_subscription, cooperative_sticky_test_large_assignment_and_group_with_non_equal_subscription;
    subscription_not_equal_and_assign_same_partition_with_3_generation => sticky_test_subscription_not_equal_and_assign_same_partition_with_3_generation, cooperative_sticky_test_subscription_not_equal_and_assign_same_partition_with_3_generation;
    large_assignment_with_multiple_consumers_leaving_and_random_subscription => sticky_test_large_assignment_with_multiple_consumers_leaving_and_random_subscription, cooperative_sticky_test_large_assignment_with_multiple_consumers_leaving_and_random_subscription;
    new_subscription => sticky_test_new_subscription, cooperative_sticky_test_new_subscription;
    move_existing_assignments => sticky_test_move_existing_assignments, cooperative_sticky_test_move_existing_assignments;
    stickiness => sticky_test_stickiness, cooperative_sticky_test_stickiness;
    assignment_updated_for_deleted_topic => sticky_test_assignment_updated_for_deleted_topic, cooperative_sticky_test_assignment_updated_for_deleted_topic;
    no_exception_thrown_when_only_subscribed_topic_deleted => sticky_test_no_exception_thrown_when_only_subscribed_topic_deleted, cooperative_sticky_test_no_exception_thrown_when_only_subscribed_topic_deleted;
    reassignment_with_random_subscriptions_and_changes => sticky_test_reassignment_with_random_subscriptions_and_changes, cooperative_sticky_test_reassignment_with_random_subscriptions_and_changes;
    all_consumers_reach_expected_quota_and_are_considered_filled => sticky_test_all_consumers_reach_expected_quota_and_are_considered_filled, cooperative_sticky_test_all_consumers_reach_expected_quota_and_are_considered_filled;
    owned_partitions_are_invalidated_for_consumer_with_stale_generation => sticky_test_owned_partitions_are_invalidated_for_consumer_with_stale_generation, cooperative_sticky_test_owned_partitions_are_invalidated_for_consumer_with_stale_generation;
    owned_partitions_are_invalidated_for_consumer_with_no_generation => sticky_test_owned_partitions_are_invalidated_for_consumer_with_no_generation, cooperative_sticky_test_owned_partitions_are_invalidated_for_consumer_with_no_generation;
    partitions_transferring_ownership_include_the_partition_claimed_by_multiple_consumers_in_same_generation => sticky_test_partitions_transferring_ownership_include_the_partition_claimed_by_multiple_consumers_in_same_generation, cooperative_sticky_test_partitions_transferring_ownership_include_the_partition_claimed_by_multiple_consumers_in_same_generation;
    ensure_partitions_assigned_to_highest_generation => sticky_test_ensure_partitions_assigned_to_highest_generation, cooperative_sticky_test_ensure_partitions_assigned_to_highest_generation;
    no_reassignment_on_current_members => sticky_test_no_reassignment_on_current_members, cooperative_sticky_test_no_reassignment_on_current_members;
    owned_partitions_are_invalidated_for_consumer_with_multiple_generation => sticky_test_owned_partitions_are_invalidated_for_consumer_with_multiple_generation, cooperative_sticky_test_owned_partitions_are_invalidated_for_consumer_with_multiple_generation;
    rack_aware_assignment_with_uniform_subscription_without_racks => sticky_test_rack_aware_assignment_with_uniform_subscription_without_racks, cooperative_sticky_test_rack_aware_assignment_with_uniform_subscription_without_racks;
    assignor_with_old_version_subscriptions => sticky_test_assignor_with_old_version_subscriptions, cooperative_sticky_test_assignor_with_old_version_subscriptions;
}

// StickyAssignorTest.java only (Kafka does not run these against the
// cooperative assignor, whose first round withholds moving partitions).
#[test]
fn sticky_test_assignment_with_multiple_generations_1() {
    assignment_with_multiple_generations_1(Sticky);
}
#[test]
fn sticky_test_assignment_with_multiple_generations_2() {
    assignment_with_multiple_generations_2(Sticky);
}
#[test]
fn sticky_test_assignment_with_conflicting_previous_generations() {
    assignment_with_conflicting_previous_generations(Sticky);
}
#[test]
fn sticky_test_schema_backward_compatibility() {
    schema_backward_compatibility(Sticky);
}

/// AbstractStickyAssignorTest.testOneConsumerNoTopic
fn one_consumer_no_topic(s: Strategy) {
    let topics = ppt(&[]);
    let mut members = vec![member(CONSUMER_ID, &[])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a.keys().collect::<Vec<_>>(), vec![CONSUMER_ID]);
    assert!(a[CONSUMER_ID].is_empty());
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testOneConsumerNonexistentTopic
fn one_consumer_nonexistent_topic(s: Strategy) {
    let topics = ppt(&[(TOPIC, 0)]);
    let mut members = vec![member(CONSUMER_ID, &[TOPIC])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert!(a[CONSUMER_ID].is_empty());
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testOneConsumerOneTopic
fn one_consumer_one_topic(s: Strategy) {
    let topics = ppt(&[(TOPIC, 3)]);
    let mut members = vec![member(CONSUMER_ID, &[TOPIC])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a[CONSUMER_ID], vec![tp(TOPIC, 0), tp(TOPIC, 1), tp(TOPIC, 2)]);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testOnlyAssignsPartitionsFromSubscribedTopics
fn only_assigns_partitions_from_subscribed_topics(s: Strategy) {
    let topics = ppt(&[(TOPIC, 2)]);
    let owned = [tp(TOPIC, 0), tp(TOPIC, 1), tp("other", 0), tp("other", 1)];
    let mut members = vec![owning(CONSUMER_ID, &[TOPIC], &owned, GEN)];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a[CONSUMER_ID], vec![tp(TOPIC, 0), tp(TOPIC, 1)]);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testOneConsumerMultipleTopics
fn one_consumer_multiple_topics(s: Strategy) {
    let topics = ppt(&[(TOPIC1, 1), (TOPIC2, 2)]);
    let mut members = vec![member(CONSUMER_ID, &[TOPIC1, TOPIC2])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a[CONSUMER_ID], vec![tp(TOPIC1, 0), tp(TOPIC2, 0), tp(TOPIC2, 1)]);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testTwoConsumersOneTopicOnePartition
fn two_consumers_one_topic_one_partition(s: Strategy) {
    let topics = ppt(&[(TOPIC, 1)]);
    let mut members = vec![member(C1, &[TOPIC]), member(C2, &[TOPIC])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testTwoConsumersOneTopicTwoPartitions
fn two_consumers_one_topic_two_partitions(s: Strategy) {
    let topics = ppt(&[(TOPIC, 2)]);
    let mut members = vec![member(C1, &[TOPIC]), member(C2, &[TOPIC])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC, 0)]);
    assert_eq!(a[C2], vec![tp(TOPIC, 1)]);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testMultipleConsumersMixedTopicSubscriptions
/// (the general algorithm: `partitionsTransferringOwnership` is null).
fn multiple_consumers_mixed_topic_subscriptions(s: Strategy) {
    let topics = ppt(&[(TOPIC1, 3), (TOPIC2, 2)]);
    let mut members = vec![member(C1, &[TOPIC1]), member(C2, &[TOPIC1, TOPIC2]), member(C3, &[TOPIC1])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC1, 0), tp(TOPIC1, 2)]);
    assert_eq!(a[C2], vec![tp(TOPIC2, 0), tp(TOPIC2, 1)]);
    assert_eq!(a[C3], vec![tp(TOPIC1, 1)]);
    assert_eq!(t, None);
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testTwoConsumersTwoTopicsSixPartitions
fn two_consumers_two_topics_six_partitions(s: Strategy) {
    let topics = ppt(&[(TOPIC1, 3), (TOPIC2, 3)]);
    let mut members = vec![member(C1, &[TOPIC1, TOPIC2]), member(C2, &[TOPIC1, TOPIC2])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC1, 0), tp(TOPIC1, 2), tp(TOPIC2, 1)]);
    assert_eq!(a[C2], vec![tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 2)]);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testConsumerOwningMinQuotaExpectedMaxQuota
fn consumer_owning_min_quota_expected_max_quota(s: Strategy) {
    let topics = ppt(&[(TOPIC1, 2), (TOPIC2, 3)]);
    let subscribed = [TOPIC1, TOPIC2];
    let mut members = vec![
        owning(C1, &subscribed, &[tp(TOPIC1, 0), tp(TOPIC2, 1)], GEN),
        owning(C2, &subscribed, &[tp(TOPIC1, 1), tp(TOPIC2, 2)], GEN),
    ];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC1, 0), tp(TOPIC2, 1), tp(TOPIC2, 0)]);
    assert_eq!(a[C2], vec![tp(TOPIC1, 1), tp(TOPIC2, 2)]);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers.
/// Both consumer1 and consumer2 own maxQuota partitions but only one may keep
/// them: the one Kafka's HashMap visits first (consumer2).
fn max_quota_consumer_more_than_num_expected_max_capacity_members(s: Strategy) {
    let topics = ppt(&[(TOPIC1, 2), (TOPIC2, 2)]);
    let subscribed = [TOPIC1, TOPIC2];
    let mut members = vec![
        owning(C1, &subscribed, &[tp(TOPIC1, 0), tp(TOPIC2, 0)], GEN),
        owning(C2, &subscribed, &[tp(TOPIC1, 1), tp(TOPIC2, 1)], GEN),
        owning(C3, &subscribed, &[], GEN),
    ];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, transfers(&[(tp(TOPIC2, 0), C3)]));
    verify(s, &topics, &mut members, &mut a);
    assert_eq!(a[C1], vec![tp(TOPIC1, 0)]);
    assert_eq!(a[C2], vec![tp(TOPIC1, 1), tp(TOPIC2, 1)]);
    assert_eq!(a[C3], vec![tp(TOPIC2, 0)]);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testAllConsumersAreUnderMinQuota
fn all_consumers_are_under_min_quota(s: Strategy) {
    let topics = ppt(&[(TOPIC1, 2), (TOPIC2, 3)]);
    let subscribed = [TOPIC1, TOPIC2];
    let mut members = vec![
        owning(C1, &subscribed, &[tp(TOPIC1, 0)], GEN),
        owning(C2, &subscribed, &[tp(TOPIC1, 1)], GEN),
        owning(C3, &subscribed, &[], GEN),
    ];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert_eq!(a[C1], vec![tp(TOPIC1, 0), tp(TOPIC2, 1)]);
    assert_eq!(a[C2], vec![tp(TOPIC1, 1), tp(TOPIC2, 2)]);
    assert_eq!(a[C3], vec![tp(TOPIC2, 0)]);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testAddRemoveConsumerOneTopic
fn add_remove_consumer_one_topic(s: Strategy) {
    let topics = ppt(&[(TOPIC, 3)]);
    let mut members = vec![member(C1, &[TOPIC])];
    let (mut a, _) = run_sticky(s, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC, 0), tp(TOPIC, 1), tp(TOPIC, 2)]);
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));

    put(&mut members, owning(C1, &[TOPIC], &a[C1], GEN));
    put(&mut members, owning(C2, &[TOPIC], &[], GEN));
    let (b, t) = run_sticky(s, &topics, &members);
    a = b;
    assert_eq!(t, transfers(&[(tp(TOPIC, 2), C2)]));
    verify(s, &topics, &mut members, &mut a);
    assert_eq!(a[C1], vec![tp(TOPIC, 0), tp(TOPIC, 1)]);
    assert_eq!(a[C2], vec![tp(TOPIC, 2)]);
    assert!(is_fully_balanced(&a));

    remove(&mut members, C1);
    put(&mut members, owning(C2, &[TOPIC], &a[C2], GEN));
    let (b, t) = run_sticky(s, &topics, &members);
    a = b;
    assert_eq!(set(&a[C2]), set(&[tp(TOPIC, 2), tp(TOPIC, 1), tp(TOPIC, 0)]));
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

fn count_topic(list: &[TopicPartition], topic: &str) -> usize {
    list.iter().filter(|p| p.topic == topic).count()
}

/// AbstractStickyAssignorTest.testTopicBalanceAfterReassignment
fn topic_balance_after_reassignment(s: Strategy) {
    let all = [TOPIC1, TOPIC2];
    let topics = ppt(&[(TOPIC1, 12), (TOPIC2, 12)]);
    let mut members = vec![member(C1, &all)];
    let (mut a, t) = run_sticky(s, &topics, &members);
    verify(s, &topics, &mut members, &mut a);
    for list in a.values() {
        assert_eq!(count_topic(list, TOPIC1), 12);
        assert_eq!(count_topic(list, TOPIC2), 12);
    }
    assert_eq!(t, no_transfers());
    assert!(is_fully_balanced(&a));

    // Add another consumer.
    put(&mut members, owning(C1, &all, &a[C1], GEN));
    put(&mut members, owning(C2, &all, &[], GEN));
    a = run(s, &topics, &members);
    verify(s, &topics, &mut members, &mut a);
    for list in a.values() {
        assert_eq!(count_topic(list, TOPIC1), 6);
        assert_eq!(count_topic(list, TOPIC2), 6);
    }
    assert!(is_fully_balanced(&a));

    // Add two more consumers.
    put(&mut members, owning(C1, &all, &a[C1], GEN));
    put(&mut members, owning(C2, &all, &a[C2], GEN));
    put(&mut members, owning(C3, &all, &[], GEN));
    put(&mut members, owning(C4, &all, &[], GEN));
    a = run(s, &topics, &members);
    verify(s, &topics, &mut members, &mut a);
    for list in a.values() {
        assert_eq!(count_topic(list, TOPIC1), 3);
        assert_eq!(count_topic(list, TOPIC2), 3);
    }
    assert!(is_fully_balanced(&a));

    // Remove two consumers.
    remove(&mut members, C1);
    remove(&mut members, C2);
    put(&mut members, owning(C3, &all, &a[C3], GEN));
    put(&mut members, owning(C4, &all, &a[C4], GEN));
    let (b, t) = run_sticky(s, &topics, &members);
    a = b;
    verify(s, &topics, &mut members, &mut a);
    for list in a.values() {
        assert_eq!(count_topic(list, TOPIC1), 6);
        assert_eq!(count_topic(list, TOPIC2), 6);
    }
    assert_eq!(t, no_transfers());
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testAddRemoveTwoConsumersTwoTopics
fn add_remove_two_consumers_two_topics(s: Strategy) {
    let all = [TOPIC1, TOPIC2];
    let topics = ppt(&[(TOPIC1, 3), (TOPIC2, 4)]);
    let mut members = vec![member(C1, &all), member(C2, &all)];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC1, 0), tp(TOPIC1, 2), tp(TOPIC2, 1), tp(TOPIC2, 3)]);
    assert_eq!(a[C2], vec![tp(TOPIC1, 1), tp(TOPIC2, 0), tp(TOPIC2, 2)]);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));

    // Add two consumers.
    put(&mut members, owning(C1, &all, &a[C1], GEN));
    put(&mut members, owning(C2, &all, &a[C2], GEN));
    put(&mut members, owning(C3, &all, &[], GEN));
    put(&mut members, owning(C4, &all, &[], GEN));
    let (b, t) = run_sticky(s, &topics, &members);
    a = b;
    assert_eq!(t, transfers(&[(tp(TOPIC1, 2), C3), (tp(TOPIC2, 3), C3), (tp(TOPIC2, 2), C4)]));
    verify(s, &topics, &mut members, &mut a);
    assert_eq!(a[C1], vec![tp(TOPIC1, 0), tp(TOPIC2, 1)]);
    assert_eq!(a[C2], vec![tp(TOPIC2, 0), tp(TOPIC1, 1)]);
    assert_eq!(a[C3], vec![tp(TOPIC1, 2), tp(TOPIC2, 3)]);
    assert_eq!(a[C4], vec![tp(TOPIC2, 2)]);
    assert!(is_fully_balanced(&a));

    // Remove two consumers.
    remove(&mut members, C1);
    remove(&mut members, C2);
    put(&mut members, owning(C3, &all, &a[C3], GEN));
    put(&mut members, owning(C4, &all, &a[C4], GEN));
    let (b, t) = run_sticky(s, &topics, &members);
    a = b;
    assert_eq!(a[C3], vec![tp(TOPIC1, 2), tp(TOPIC2, 3), tp(TOPIC1, 0), tp(TOPIC2, 1)]);
    assert_eq!(a[C4], vec![tp(TOPIC2, 2), tp(TOPIC1, 1), tp(TOPIC2, 0)]);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testPoorRoundRobinAssignmentScenario
fn poor_round_robin_assignment_scenario(s: Strategy) {
    let topics: BTreeMap<String, u32> = (1..=5).map(|i| (format!("topic{i}"), i % 2 + 1)).collect();
    let all = ["topic1", "topic2", "topic3", "topic4", "topic5"];
    let odd = ["topic1", "topic3", "topic5"];
    let mut members = vec![
        member("consumer1", &all),
        member("consumer2", &odd),
        member("consumer3", &odd),
        member("consumer4", &all),
    ];
    let mut a = run(s, &topics, &members);
    verify(s, &topics, &mut members, &mut a);
}

/// AbstractStickyAssignorTest.testAddRemoveTopicTwoConsumers
fn add_remove_topic_two_consumers(s: Strategy) {
    let mut topics = ppt(&[(TOPIC, 3)]);
    let mut members = vec![member(C1, &[TOPIC]), member(C2, &[TOPIC])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    assert!(is_fully_balanced(&a));
    verify(s, &topics, &mut members, &mut a);
    let c1_first = a[C1].clone();
    let c2_first = a[C2].clone();
    assert!((c1_first.len() == 1 && c2_first.len() == 2) || (c1_first.len() == 2 && c2_first.len() == 1), "{a:?}");

    topics.insert(TOPIC2.into(), 3);
    put(&mut members, owning(C1, &[TOPIC, TOPIC2], &a[C1], GEN));
    put(&mut members, owning(C2, &[TOPIC, TOPIC2], &a[C2], GEN));
    let (b, t) = run_sticky(s, &topics, &members);
    a = b;
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
    let c1_second = a[C1].clone();
    let c2_second = a[C2].clone();
    assert!(c1_second.len() == 3 && c2_second.len() == 3);
    assert!(c1_first.iter().all(|p| c1_second.contains(p)));
    assert!(c2_first.iter().all(|p| c2_second.contains(p)));

    topics.remove(TOPIC);
    put(&mut members, owning(C1, &[TOPIC2], &a[C1], GEN));
    put(&mut members, owning(C2, &[TOPIC2], &a[C2], GEN));
    let (b, t) = run_sticky(s, &topics, &members);
    a = b;
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
    let c1_third = &a[C1];
    let c2_third = &a[C2];
    assert!((c1_third.len() == 1 && c2_third.len() == 2) || (c1_third.len() == 2 && c2_third.len() == 1));
    assert!(c1_third.iter().all(|p| c1_second.contains(p)));
    assert!(c2_third.iter().all(|p| c2_second.contains(p)));
}

/// Every member of `members` now owns what `a` gave it, in generation `GEN`.
fn owning_current(members: &mut [MemberSubscription], a: &Assignment) {
    for m in members.iter_mut() {
        m.owned = a[&m.member_id].clone();
        m.generation = Some(GEN);
    }
}

/// AbstractStickyAssignorTest.testReassignmentAfterOneConsumerLeaves
fn reassignment_after_one_consumer_leaves(s: Strategy) {
    let topics: BTreeMap<String, u32> = (1..20).map(|i| (canonical("t", i, 20), i as u32)).collect();
    let mut members: Vec<MemberSubscription> = (1..20)
        .map(|i| {
            let ts: Vec<String> = (1..=i).map(|j| canonical("t", j, 20)).collect();
            MemberSubscription::new(canonical("c", i, 20), ts)
        })
        .collect();
    let mut a = run(s, &topics, &members);
    verify(s, &topics, &mut members, &mut a);

    owning_current(&mut members, &a);
    remove(&mut members, "c10");
    let mut a = run(s, &topics, &members);
    verify_sticky(s, &topics, &mut members, &mut a);
}

/// AbstractStickyAssignorTest.testReassignmentAfterOneConsumerAdded
fn reassignment_after_one_consumer_added(s: Strategy) {
    let topics = ppt(&[("topic", 20)]);
    let mut members: Vec<MemberSubscription> = (1..10).map(|i| member(&canonical("c", i, 10), &["topic"])).collect();
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);

    // The new consumer joins; the others' subscriptions are not updated.
    members.push(member(&canonical("c", 10, 10), &["topic"]));
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
}

/// AbstractStickyAssignorTest.testSameSubscriptions
fn same_subscriptions(s: Strategy) {
    let topics: BTreeMap<String, u32> = (1..15).map(|i| (canonical("t", i, 15), i as u32)).collect();
    let all: Vec<String> = topics.keys().cloned().collect();
    let mut members: Vec<MemberSubscription> =
        (1..9).map(|i| MemberSubscription::new(canonical("c", i, 9), all.clone())).collect();
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);

    owning_current(&mut members, &a);
    remove(&mut members, &canonical("c", 5, 9));
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
}

/// AbstractStickyAssignorTest.testLargeAssignmentAndGroupWithUniformSubscription,
/// scaled to the simulator's sizes (64 members, 4 topics × 64 partitions).
fn large_assignment_and_group_with_uniform_subscription(s: Strategy) {
    let topic_names: Vec<String> = (0..4).map(|i| canonical("t", i, 4)).collect();
    let topics: BTreeMap<String, u32> = topic_names.iter().map(|t| (t.clone(), 64)).collect();
    let mut members: Vec<MemberSubscription> =
        (0..64).map(|i| MemberSubscription::new(canonical("c", i, 64), topic_names.clone())).collect();
    let a = run(s, &topics, &members);
    assert!(is_fully_balanced(&a));
    // Everyone but c00 reports its partitions (c00 restarted and lost them).
    for m in members.iter_mut().skip(1) {
        m.owned = a[&m.member_id].clone();
        m.generation = Some(GEN);
    }
    let mut b = run(s, &topics, &members);
    verify(s, &topics, &mut members, &mut b);
    assert!(is_fully_balanced(&b));
}

/// AbstractStickyAssignorTest.testLargeAssignmentAndGroupWithNonEqualSubscription, scaled.
fn large_assignment_and_group_with_non_equal_subscription(s: Strategy) {
    let topic_names: Vec<String> = (0..4).map(|i| canonical("t", i, 4)).collect();
    let topics: BTreeMap<String, u32> = topic_names.iter().map(|t| (t.clone(), 64)).collect();
    let mut members: Vec<MemberSubscription> = (0..64)
        .map(|i| {
            let ts = if i == 63 { topic_names[..1].to_vec() } else { topic_names.clone() };
            MemberSubscription::new(canonical("c", i, 64), ts)
        })
        .collect();
    let mut a = run(s, &topics, &members);
    verify(s, &topics, &mut members, &mut a);
    for m in members.iter_mut().skip(1) {
        m.owned = a[&m.member_id].clone();
        m.generation = Some(GEN);
    }
    let mut b = run(s, &topics, &members);
    verify(s, &topics, &mut members, &mut b);
}

/// AbstractStickyAssignorTest.testSubscriptionNotEqualAndAssignSamePartitionWith3Generation
fn subscription_not_equal_and_assign_same_partition_with_3_generation(s: Strategy) {
    let topics = ppt(&[(TOPIC, 6), (TOPIC1, 1)]);
    for gens in [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]] {
        let members = vec![
            owning(C1, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 2)], gens[0]),
            owning(C2, &[TOPIC], &[tp(TOPIC, 1), tp(TOPIC, 2), tp(TOPIC, 3)], gens[1]),
            owning(C3, &[TOPIC], &[tp(TOPIC, 2), tp(TOPIC, 4), tp(TOPIC, 5)], gens[2]),
            owning(C4, &[TOPIC1], &[tp(TOPIC1, 0)], 2),
        ];
        let a = run(s, &topics, &members);
        let total: usize = a.values().map(Vec::len).sum();
        let distinct: BTreeSet<&TopicPartition> = a.values().flatten().collect();
        assert_eq!(total, distinct.len(), "{gens:?}: {a:?}");
        for list in a.values() {
            assert!((1..=2).contains(&list.len()), "{gens:?}: {a:?}");
        }
    }
}

/// AbstractStickyAssignorTest.testLargeAssignmentWithMultipleConsumersLeavingAndRandomSubscription,
/// scaled (20 topics, 64 consumers, 16 leave) with a seeded generator.
fn large_assignment_with_multiple_consumers_leaving_and_random_subscription(s: Strategy) {
    let mut rng = Lcg(0x5eed_0001);
    let topic_count = 20;
    let consumer_count = 64;
    let topics: BTreeMap<String, u32> =
        (0..topic_count).map(|i| (canonical("t", i, topic_count), rng.below(10) as u32 + 1)).collect();
    let mut members: Vec<MemberSubscription> = (0..consumer_count)
        .map(|i| {
            let mut ts: Vec<String> = Vec::new();
            for _ in 0..rng.below(10) {
                let t = canonical("t", rng.below(topic_count), topic_count);
                if !ts.contains(&t) {
                    ts.push(t);
                }
            }
            MemberSubscription::new(canonical("c", i, consumer_count), ts)
        })
        .collect();
    let mut a = run(s, &topics, &members);
    verify(s, &topics, &mut members, &mut a);

    owning_current(&mut members, &a);
    for _ in 0..16 {
        let c = canonical("c", rng.below(consumer_count), consumer_count);
        remove(&mut members, &c);
    }
    let mut a = run(s, &topics, &members);
    verify_sticky(s, &topics, &mut members, &mut a);
}

/// AbstractStickyAssignorTest.testNewSubscription
fn new_subscription(s: Strategy) {
    let topics: BTreeMap<String, u32> = (1..5).map(|i| (canonical("t", i, 5), 1)).collect();
    let mut members: Vec<MemberSubscription> = (0..3)
        .map(|i: i32| {
            let ts: Vec<String> = (i..=3 * i - 2).map(|j| canonical("t", j as usize, 5)).collect();
            MemberSubscription::new(canonical("c", i as usize, 3), ts)
        })
        .collect();
    let mut a = run(s, &topics, &members);
    verify(s, &topics, &mut members, &mut a);

    members[0].topics.push(canonical("t", 1, 5));
    let mut a = run(s, &topics, &members);
    verify_sticky(s, &topics, &mut members, &mut a);
}

/// AbstractStickyAssignorTest.testMoveExistingAssignments
fn move_existing_assignments(s: Strategy) {
    let topics: BTreeMap<String, u32> = (1..=6).map(|i| (format!("topic{i}"), 1)).collect();
    let mut members = vec![
        owning(C1, &["topic1", "topic2"], &[tp("topic1", 0)], GEN),
        owning(C2, &["topic1", "topic2", "topic3", "topic4"], &[tp("topic2", 0), tp("topic3", 0)], GEN),
        owning(
            C3,
            &["topic2", "topic3", "topic4", "topic5", "topic6"],
            &[tp("topic4", 0), tp("topic5", 0), tp("topic6", 0)],
            GEN,
        ),
    ];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, None);
    verify(s, &topics, &mut members, &mut a);
}

/// AbstractStickyAssignorTest.testStickiness
fn stickiness(s: Strategy) {
    let topics = ppt(&[(TOPIC1, 3)]);
    let mut members = vec![member(C1, &[TOPIC1]), member(C2, &[TOPIC1]), member(C3, &[TOPIC1]), member(C4, &[TOPIC1])];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    let mut before = BTreeMap::new();
    for (c, list) in &a {
        assert!(list.len() <= 1, "{c} has more than expected");
        if let Some(p) = list.first() {
            before.insert(c.clone(), p.clone());
        }
    }

    // Remove the potential group leader.
    remove(&mut members, C1);
    for id in [C2, C3, C4] {
        put(&mut members, owning(id, &[TOPIC1], &a[id], GEN));
    }
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    for (c, list) in &a {
        assert_eq!(list.len(), 1, "{c}");
        assert!(before.get(c).is_none_or(|p| list.contains(p)), "stickiness was not honoured for {c}");
    }
}

/// AbstractStickyAssignorTest.testAssignmentUpdatedForDeletedTopic
fn assignment_updated_for_deleted_topic(s: Strategy) {
    let topics = ppt(&[(TOPIC1, 1), (TOPIC3, 100)]);
    let members = vec![member(CONSUMER_ID, &[TOPIC1, TOPIC2, TOPIC3])];
    let (a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    assert_eq!(a.values().map(Vec::len).sum::<usize>(), 1 + 100);
    assert_eq!(a.keys().collect::<Vec<_>>(), vec![CONSUMER_ID]);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testNoExceptionThrownWhenOnlySubscribedTopicDeleted
fn no_exception_thrown_when_only_subscribed_topic_deleted(s: Strategy) {
    let topics = ppt(&[(TOPIC, 3)]);
    let members = vec![member(CONSUMER_ID, &[TOPIC])];
    let (a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, no_transfers());
    let members = vec![owning(CONSUMER_ID, &[TOPIC], &a[CONSUMER_ID], GEN)];
    let (a, t) = run_sticky(s, &ppt(&[]), &members);
    assert_eq!(t, no_transfers());
    assert_eq!(a.len(), 1);
    assert!(a[CONSUMER_ID].is_empty());
}

/// AbstractStickyAssignorTest.testReassignmentWithRandomSubscriptionsAndChanges,
/// with a seeded generator instead of `new Random()` (30 rounds instead of 100).
fn reassignment_with_random_subscriptions_and_changes(s: Strategy) {
    let mut rng = Lcg(0xC0FF_EE00 + s as u64);
    let (min_consumers, max_consumers, min_topics, max_topics) = (20, 40, 10, 20);
    for _round in 0..30 {
        let num_topics = min_topics + rng.below(max_topics - min_topics);
        let names: Vec<String> = (0..num_topics).map(|i| canonical("t", i, max_topics)).collect();
        let topics: BTreeMap<String, u32> = names.iter().enumerate().map(|(i, t)| (t.clone(), i as u32 + 1)).collect();
        let num_consumers = min_consumers + rng.below(max_consumers - min_consumers);
        let mut members: Vec<MemberSubscription> = (0..num_consumers)
            .map(|i| {
                let mut sub = rng.sublist(&names);
                sub.sort();
                MemberSubscription::new(canonical("c", i, max_consumers), sub)
            })
            .collect();
        let mut a = run(s, &topics, &members);
        verify(s, &topics, &mut members, &mut a);

        let mut members: Vec<MemberSubscription> = (0..num_consumers)
            .map(|i| {
                let mut sub = rng.sublist(&names);
                sub.sort();
                let id = canonical("c", i, max_consumers);
                let owned = a[&id].clone();
                MemberSubscription::new(id, sub).owning(owned, GEN)
            })
            .collect();
        let mut a = run(s, &topics, &members);
        verify_sticky(s, &topics, &mut members, &mut a);
    }
}

/// AbstractStickyAssignorTest.testAllConsumersReachExpectedQuotaAndAreConsideredFilled
fn all_consumers_reach_expected_quota_and_are_considered_filled(s: Strategy) {
    let topics = ppt(&[(TOPIC, 4)]);
    let mut members = vec![
        owning(C1, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 1)], GEN),
        owning(C2, &[TOPIC], &[tp(TOPIC, 2)], GEN),
        owning(C3, &[TOPIC], &[], GEN),
    ];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC, 0), tp(TOPIC, 1)]);
    assert_eq!(a[C2], vec![tp(TOPIC, 2)]);
    assert_eq!(a[C3], vec![tp(TOPIC, 3)]);
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testOwnedPartitionsAreInvalidatedForConsumerWithStaleGeneration
fn owned_partitions_are_invalidated_for_consumer_with_stale_generation(s: Strategy) {
    let topics = ppt(&[(TOPIC, 3), (TOPIC2, 3)]);
    let current = 10;
    let owned = [tp(TOPIC, 0), tp(TOPIC, 2), tp(TOPIC2, 1)];
    let mut members =
        vec![owning(C1, &[TOPIC, TOPIC2], &owned, current), owning(C2, &[TOPIC, TOPIC2], &owned, current - 1)];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(set(&a[C1]), set(&owned));
    assert_eq!(set(&a[C2]), set(&[tp(TOPIC, 1), tp(TOPIC2, 0), tp(TOPIC2, 2)]));
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testOwnedPartitionsAreInvalidatedForConsumerWithNoGeneration
fn owned_partitions_are_invalidated_for_consumer_with_no_generation(s: Strategy) {
    let topics = ppt(&[(TOPIC, 3), (TOPIC2, 3)]);
    let owned = [tp(TOPIC, 0), tp(TOPIC, 2), tp(TOPIC2, 1)];
    // DEFAULT_GENERATION (-1) means "no generation".
    let mut members = vec![owning(C1, &[TOPIC, TOPIC2], &owned, 10), owning(C2, &[TOPIC, TOPIC2], &owned, -1)];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(set(&a[C1]), set(&owned));
    assert_eq!(set(&a[C2]), set(&[tp(TOPIC, 1), tp(TOPIC2, 0), tp(TOPIC2, 2)]));
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testPartitionsTransferringOwnershipIncludeThePartitionClaimedByMultipleConsumersInSameGeneration
fn partitions_transferring_ownership_include_the_partition_claimed_by_multiple_consumers_in_same_generation(
    s: Strategy,
) {
    let topics = ppt(&[(TOPIC, 3)]);
    // topic-0 is owned by two consumers of the same generation.
    let mut members = vec![
        owning(C1, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 1)], GEN),
        owning(C2, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 2)], GEN),
        owning(C3, &[TOPIC], &[], GEN),
    ];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(t, transfers(&[(tp(TOPIC, 0), C3)]));
    verify(s, &topics, &mut members, &mut a);
    assert_eq!(a[C1], vec![tp(TOPIC, 1)]);
    assert_eq!(a[C2], vec![tp(TOPIC, 2)]);
    assert_eq!(a[C3], vec![tp(TOPIC, 0)]);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testEnsurePartitionsAssignedToHighestGeneration
fn ensure_partitions_assigned_to_highest_generation(s: Strategy) {
    let all = [TOPIC, TOPIC2, TOPIC3];
    let topics = ppt(&[(TOPIC, 3), (TOPIC2, 3), (TOPIC3, 3)]);
    let current = 10;
    let mut members = vec![
        owning(C1, &all, &[tp(TOPIC, 0), tp(TOPIC2, 0), tp(TOPIC3, 0)], current),
        owning(C2, &all, &[tp(TOPIC, 1), tp(TOPIC2, 1), tp(TOPIC3, 1)], current - 1),
        owning(C3, &all, &[tp(TOPIC2, 1), tp(TOPIC3, 0), tp(TOPIC3, 2)], current - 2),
    ];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(set(&a[C1]), set(&[tp(TOPIC, 0), tp(TOPIC2, 0), tp(TOPIC3, 0)]));
    assert_eq!(set(&a[C2]), set(&[tp(TOPIC, 1), tp(TOPIC2, 1), tp(TOPIC3, 1)]));
    assert_eq!(set(&a[C3]), set(&[tp(TOPIC, 2), tp(TOPIC2, 2), tp(TOPIC3, 2)]));
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testNoReassignmentOnCurrentMembers
fn no_reassignment_on_current_members(s: Strategy) {
    let all = [TOPIC, TOPIC2, TOPIC3, TOPIC1];
    let topics = ppt(&[(TOPIC, 3), (TOPIC1, 3), (TOPIC2, 3), (TOPIC3, 3)]);
    let current = 10;
    let mut members = vec![
        owning(C1, &all, &[], -1),
        owning(C2, &all, &[tp(TOPIC, 0), tp(TOPIC2, 0), tp(TOPIC1, 0)], current - 1),
        owning(C3, &all, &[tp(TOPIC3, 2), tp(TOPIC2, 2), tp(TOPIC1, 1)], current - 2),
        owning(C4, &all, &[tp(TOPIC3, 1), tp(TOPIC, 1), tp(TOPIC, 2)], current - 3),
    ];
    let (mut a, t) = run_sticky(s, &topics, &members);
    // The assigned partitions do not get reassigned.
    assert_eq!(set(&a[C1]), set(&[tp(TOPIC1, 2), tp(TOPIC2, 1), tp(TOPIC3, 0)]));
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testOwnedPartitionsAreInvalidatedForConsumerWithMultipleGeneration
fn owned_partitions_are_invalidated_for_consumer_with_multiple_generation(s: Strategy) {
    let topics = ppt(&[(TOPIC, 3), (TOPIC2, 3)]);
    let current = 10;
    let mut members = vec![
        owning(C1, &[TOPIC, TOPIC2], &[tp(TOPIC, 0), tp(TOPIC2, 1), tp(TOPIC, 1)], current),
        owning(C2, &[TOPIC, TOPIC2], &[tp(TOPIC, 0), tp(TOPIC2, 1), tp(TOPIC2, 2)], current - 2),
    ];
    let (mut a, t) = run_sticky(s, &topics, &members);
    assert_eq!(set(&a[C1]), set(&[tp(TOPIC, 0), tp(TOPIC2, 1), tp(TOPIC, 1)]));
    assert_eq!(set(&a[C2]), set(&[tp(TOPIC, 2), tp(TOPIC2, 2), tp(TOPIC2, 0)]));
    assert_eq!(t, no_transfers());
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

/// AbstractStickyAssignorTest.testRackAwareAssignmentWithUniformSubscription,
/// non-rack-aware expectation, fresh and with the expected assignment already
/// owned (`verifyUniformSubscription` runs both).
fn rack_aware_assignment_with_uniform_subscription_without_racks(s: Strategy) {
    let all: &[&str] = &["t1", "t2", "t3"];
    let expected = ["t1-0, t1-3, t2-0, t2-3, t2-6", "t1-1, t1-4, t2-1, t2-4, t3-0", "t1-2, t1-5, t2-2, t2-5, t3-1"];
    let topics = [("t1", 6), ("t2", 7), ("t3", 2)];
    verify_non_rack(s, &topics, &[all, all, all], None, &expected);
    verify_non_rack(s, &topics, &[all, all, all], Some(&expected), &expected);
}

/// StickyAssignorTest / CooperativeStickyAssignorTest.testAssignorWithOldVersionSubscriptions
/// (the generation comes from `userData` there; here it is simply generation 1).
fn assignor_with_old_version_subscriptions(s: Strategy) {
    let topics = ppt(&[(TOPIC1, 3)]);
    let mut members = vec![
        owning(C1, &[TOPIC1], &[tp(TOPIC1, 0)], GEN),
        owning(C2, &[TOPIC1], &[tp(TOPIC1, 1)], GEN),
        owning(C3, &[TOPIC1], &[], GEN),
    ];
    let mut a = run(s, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC1, 0)]);
    assert_eq!(a[C2], vec![tp(TOPIC1, 1)]);
    assert_eq!(a[C3], vec![tp(TOPIC1, 2)]);
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

fn contains_all(haystack: &[TopicPartition], needles: &[TopicPartition]) -> bool {
    needles.iter().all(|p| haystack.contains(p))
}

/// StickyAssignorTest.testAssignmentWithMultipleGenerations1 (both
/// `isAllSubscriptionsEqual` cases), run against both sticky assignors.
fn assignment_with_multiple_generations_1(s: Strategy) {
    for all_equal in [true, false] {
        let all = [TOPIC, TOPIC2];
        let c2_topics: &[&str] = if all_equal { &all } else { &[TOPIC] };
        let topics = ppt(&[(TOPIC, 6), (TOPIC2, 6)]);
        let mut members = vec![member(C1, &all), member(C2, c2_topics), member(C3, &all)];
        let mut a = run(s, &topics, &members);
        let (r1p1, r1p2, r1p3) = (a[C1].clone(), a[C2].clone(), a[C3].clone());
        assert!(r1p1.len() == 4 && r1p2.len() == 4 && r1p3.len() == 4, "{a:?}");
        verify(s, &topics, &mut members, &mut a);
        assert!(is_fully_balanced(&a));

        let mut members = vec![owning(C1, &all, &r1p1, GEN), owning(C2, c2_topics, &r1p2, GEN)];
        let mut a = run(s, &topics, &members);
        let (r2p1, r2p2) = (a[C1].clone(), a[C2].clone());
        assert!(r2p1.len() == 6 && r2p2.len() == 6, "{a:?}");
        if all_equal {
            assert!(contains_all(&r2p1, &r1p1));
        }
        assert!(contains_all(&r2p2, &r1p2));
        verify(s, &topics, &mut members, &mut a);
        assert!(is_fully_balanced(&a));
        assert!(r1p3.iter().any(|p| r2p2.contains(p)));

        let mut members = vec![owning(C2, c2_topics, &r2p2, 2), owning(C3, &all, &r1p3, 1)];
        let mut a = run(s, &topics, &members);
        let (r3p2, r3p3) = (a[C2].clone(), a[C3].clone());
        assert!(r3p2.len() == 6 && r3p3.len() == 6, "{a:?}");
        assert!(!r3p2.iter().any(|p| r3p3.contains(p)));
        verify(s, &topics, &mut members, &mut a);
        assert!(is_fully_balanced(&a));
    }
}

/// StickyAssignorTest.testAssignmentWithMultipleGenerations2
fn assignment_with_multiple_generations_2(s: Strategy) {
    for all_equal in [true, false] {
        let all = [TOPIC, TOPIC2, TOPIC3];
        let c1_topics: &[&str] = if all_equal { &all } else { &[TOPIC] };
        let c3_topics: &[&str] = if all_equal { &all } else { &[TOPIC, TOPIC2] };
        let topics = ppt(&[(TOPIC, 4), (TOPIC2, 4), (TOPIC3, 4)]);
        let mut members = vec![member(C1, c1_topics), member(C2, &all), member(C3, c3_topics)];
        let mut a = run(s, &topics, &members);
        let (r1p1, r1p2, r1p3) = (a[C1].clone(), a[C2].clone(), a[C3].clone());
        assert!(r1p1.len() == 4 && r1p2.len() == 4 && r1p3.len() == 4, "{a:?}");
        verify(s, &topics, &mut members, &mut a);
        assert!(is_fully_balanced(&a));

        let mut members = vec![owning(C2, &all, &r1p2, 1)];
        let mut a = run(s, &topics, &members);
        let r2p2 = a[C2].clone();
        assert_eq!(r2p2.len(), 12);
        assert!(contains_all(&r2p2, &r1p2));
        verify(s, &topics, &mut members, &mut a);
        assert!(is_fully_balanced(&a));

        let mut members =
            vec![owning(C1, c1_topics, &r1p1, 1), owning(C2, &all, &r2p2, 2), owning(C3, c3_topics, &r1p3, 1)];
        let mut a = run(s, &topics, &members);
        assert!(a.values().all(|l| l.len() == 4), "{a:?}");
        verify(s, &topics, &mut members, &mut a);
        assert!(is_fully_balanced(&a));
    }
}

/// StickyAssignorTest.testAssignmentWithConflictingPreviousGenerations
fn assignment_with_conflicting_previous_generations(s: Strategy) {
    for all_equal in [true, false] {
        let all = [TOPIC, TOPIC2, TOPIC3];
        let c1_topics: &[&str] = if all_equal { &all } else { &[TOPIC] };
        let c2_topics: &[&str] = if all_equal { &all } else { &[TOPIC, TOPIC2] };
        let topics = ppt(&[(TOPIC, 4), (TOPIC2, 4), (TOPIC3, 4)]);
        let c1p0 = if all_equal {
            vec![tp(TOPIC, 0), tp(TOPIC, 1), tp(TOPIC, 2), tp(TOPIC2, 2), tp(TOPIC2, 3), tp(TOPIC3, 0)]
        } else {
            vec![tp(TOPIC, 0), tp(TOPIC, 1), tp(TOPIC, 2), tp(TOPIC, 3)]
        };
        let c2p0 = vec![tp(TOPIC, 0), tp(TOPIC, 1), tp(TOPIC2, 0), tp(TOPIC2, 1), tp(TOPIC2, 2), tp(TOPIC2, 3)];
        let c3p0 = vec![tp(TOPIC, 2), tp(TOPIC, 3), tp(TOPIC3, 0), tp(TOPIC3, 1), tp(TOPIC3, 2), tp(TOPIC3, 3)];
        let mut members =
            vec![owning(C1, c1_topics, &c1p0, 1), owning(C2, c2_topics, &c2p0, 2), owning(C3, &all, &c3p0, 2)];
        let mut a = run(s, &topics, &members);
        assert!(a.values().all(|l| l.len() == 4), "{a:?}");
        assert!(contains_all(&c2p0, &a[C2]));
        assert!(contains_all(&c3p0, &a[C3]));
        verify(s, &topics, &mut members, &mut a);
        assert!(is_fully_balanced(&a));
    }
}

/// StickyAssignorTest.testSchemaBackwardCompatibility: consumer2 reports owned
/// partitions in the old user-data schema, i.e. without a generation.
fn schema_backward_compatibility(s: Strategy) {
    let topics = ppt(&[(TOPIC, 3)]);
    let c1p0 = [tp(TOPIC, 0), tp(TOPIC, 2)];
    let c2p0 = [tp(TOPIC, 1)];
    let mut c2 = member(C2, &[TOPIC]);
    c2.owned = c2p0.to_vec();
    let mut members = vec![owning(C1, &[TOPIC], &c1p0, 1), c2, member(C3, &[TOPIC])];
    let mut a = run(s, &topics, &members);
    assert!(a.values().all(|l| l.len() == 1), "{a:?}");
    assert!(contains_all(&c1p0, &a[C1]));
    assert!(contains_all(&c2p0, &a[C2]));
    verify(s, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

// StickyAssignorTest.testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer
#[test]
fn sticky_test_all_consumers_have_owned_partition_invalidated_when_claimed_by_multiple_consumers_in_same_generation_with_equal_partitions_per_consumer(
) {
    let topics = ppt(&[(TOPIC, 3)]);
    let mut members = vec![
        owning(C1, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 1)], GEN),
        owning(C2, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 2)], GEN),
        owning(C3, &[TOPIC], &[], GEN),
    ];
    let mut a = run(Sticky, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC, 1)]);
    assert_eq!(a[C2], vec![tp(TOPIC, 2)]);
    assert_eq!(a[C3], vec![tp(TOPIC, 0)]);
    verify(Sticky, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

// StickyAssignorTest.testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer
#[test]
fn sticky_test_all_consumers_have_owned_partition_invalidated_when_claimed_by_multiple_consumers_in_same_generation_with_unequal_partitions_per_consumer(
) {
    let topics = ppt(&[(TOPIC, 4)]);
    let mut members = vec![
        owning(C1, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 1)], GEN),
        owning(C2, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 2)], GEN),
        owning(C3, &[TOPIC], &[], GEN),
    ];
    let mut a = run(Sticky, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC, 1), tp(TOPIC, 3)]);
    assert_eq!(a[C2], vec![tp(TOPIC, 2)]);
    assert_eq!(a[C3], vec![tp(TOPIC, 0)]);
    verify(Sticky, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

// StickyAssignor's class comment, example 1 (first assignment) and example 2.
#[test]
fn sticky_class_comment_examples() {
    let all = ["t0", "t1", "t2", "t3"];
    let topics = ppt(&[("t0", 2), ("t1", 2), ("t2", 2), ("t3", 2)]);
    let a = run(Sticky, &topics, &[member("C0", &all), member("C1", &all), member("C2", &all)]);
    assert_eq!(a["C0"], vec![tp("t0", 0), tp("t1", 1), tp("t3", 0)]);
    assert_eq!(a["C1"], vec![tp("t0", 1), tp("t2", 0), tp("t3", 1)]);
    assert_eq!(a["C2"], vec![tp("t1", 0), tp("t2", 1)]);

    let topics = ppt(&[("t0", 1), ("t1", 2), ("t2", 3)]);
    let members = [member("C0", &["t0"]), member("C1", &["t0", "t1"]), member("C2", &["t0", "t1", "t2"])];
    let a = run(Sticky, &topics, &members);
    assert_eq!(a["C0"], vec![tp("t0", 0)]);
    assert_eq!(a["C1"], vec![tp("t1", 0), tp("t1", 1)]);
    assert_eq!(a["C2"], vec![tp("t2", 0), tp("t2", 1), tp("t2", 2)]);
    // C0 leaves: sticky keeps all five remaining assignments.
    let members = [owning("C1", &["t0", "t1"], &a["C1"], 1), owning("C2", &["t0", "t1", "t2"], &a["C2"], 1)];
    let b = run(Sticky, &topics, &members);
    assert_eq!(b["C1"], vec![tp("t1", 0), tp("t1", 1), tp("t0", 0)]);
    assert_eq!(b["C2"], vec![tp("t2", 0), tp("t2", 1), tp("t2", 2)]);
}

// AbstractStickyAssignorTest.testRackAwareAssignmentWithNonEqualSubscription,
// non-rack-aware expectations. StickyAssignor reads owned partitions from its
// userData, which that test leaves empty, so only the fresh case applies.
#[test]
fn sticky_test_rack_aware_assignment_with_non_equal_subscription_without_racks() {
    let all: &[&str] = &["t1", "t2", "t3"];
    let expected = ["t1-5, t2-0, t2-2, t2-4, t2-6", "t1-3, t2-1, t2-3, t2-5, t3-0", "t1-0, t1-1, t1-2, t1-4, t3-1"];
    let topics = [("t1", 6), ("t2", 7), ("t3", 2)];
    verify_non_rack(Sticky, &topics, &[all, all, &["t1", "t3"]], None, &expected);
    verify_non_rack(Sticky, &topics, &[all, all, &["t1", "t3"]], Some(&expected), &expected);
}

// ---------------------------------------------------------------------------
// CooperativeStickyAssignorTest.java
// ---------------------------------------------------------------------------

// CooperativeStickyAssignorTest.testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithEqualPartitionsPerConsumer:
// topic-0 has to be considered owned, so it cannot be assigned until both have revoked it.
#[test]
fn cooperative_sticky_test_all_consumers_have_owned_partition_invalidated_when_claimed_by_multiple_consumers_in_same_generation_with_equal_partitions_per_consumer(
) {
    let topics = ppt(&[(TOPIC, 3)]);
    let mut members = vec![
        owning(C1, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 1)], GEN),
        owning(C2, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 2)], GEN),
        owning(C3, &[TOPIC], &[], GEN),
    ];
    let mut a = run(CooperativeSticky, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC, 1)]);
    assert_eq!(a[C2], vec![tp(TOPIC, 2)]);
    assert!(a[C3].is_empty());
    verify(CooperativeSticky, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
    assert_eq!(a[C3], vec![tp(TOPIC, 0)]);
}

// CooperativeStickyAssignorTest.testAllConsumersHaveOwnedPartitionInvalidatedWhenClaimedByMultipleConsumersInSameGenerationWithUnequalPartitionsPerConsumer
#[test]
fn cooperative_sticky_test_all_consumers_have_owned_partition_invalidated_when_claimed_by_multiple_consumers_in_same_generation_with_unequal_partitions_per_consumer(
) {
    let topics = ppt(&[(TOPIC, 4)]);
    let mut members = vec![
        owning(C1, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 1)], GEN),
        owning(C2, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 2)], GEN),
        owning(C3, &[TOPIC], &[], GEN),
    ];
    let mut a = run(CooperativeSticky, &topics, &members);
    assert_eq!(a[C1], vec![tp(TOPIC, 1), tp(TOPIC, 3)]);
    assert_eq!(a[C2], vec![tp(TOPIC, 2)]);
    assert!(a[C3].is_empty());
    verify(CooperativeSticky, &topics, &mut members, &mut a);
    assert!(is_fully_balanced(&a));
}

// AbstractStickyAssignorTest.testRackAwareAssignmentWithNonEqualSubscription,
// non-rack-aware expectations for CooperativeStickyAssignor: starting from
// `owned`, the first rebalance only keeps what stays put (`intermediate`), the
// follow-up hands over the rest.
#[test]
fn cooperative_sticky_test_rack_aware_assignment_with_non_equal_subscription_without_racks() {
    let all: &[&str] = &["t1", "t2", "t3"];
    let consumer_topics: &[&[&str]] = &[all, all, &["t1", "t3"]];
    let topics = [("t1", 6), ("t2", 7), ("t3", 2)];
    let fresh = ["t1-5, t2-0, t2-2, t2-4, t2-6", "t1-3, t2-1, t2-3, t2-5, t3-0", "t1-0, t1-1, t1-2, t1-4, t3-1"];
    verify_non_rack(CooperativeSticky, &topics, consumer_topics, None, &fresh);
    verify_non_rack(CooperativeSticky, &topics, consumer_topics, Some(&fresh), &fresh);

    let owned = ["t1-0, t1-1, t1-2, t1-3, t1-4", "t1-5, t2-0, t2-1, t2-2, t2-3", "t2-4, t2-5, t2-6, t3-0, t3-1"];
    let intermediate = ["t1-2, t1-3, t1-4", "t2-0, t2-1, t2-2, t2-3", "t3-0, t3-1"];
    let assignment = ["t1-2, t1-3, t1-4, t2-4, t2-5", "t2-0, t2-1, t2-2, t2-3, t2-6", "t1-0, t1-1, t1-5, t3-0, t3-1"];
    verify_non_rack(CooperativeSticky, &topics, consumer_topics, Some(&owned), &intermediate);
    verify_non_rack(CooperativeSticky, &topics, consumer_topics, Some(&intermediate), &assignment);
}

// The brief's cooperative case: a partition that moves is not assigned in the
// first round (CooperativeStickyAssignor.adjustAssignment), only in the second.
#[test]
fn cooperative_sticky_moved_partition_is_not_assigned_in_the_first_round() {
    let topics = ppt(&[(TOPIC, 3)]);
    let members = vec![owning(C1, &[TOPIC], &[tp(TOPIC, 0), tp(TOPIC, 1), tp(TOPIC, 2)], GEN), member(C2, &[TOPIC])];
    // The eager sticky assignor moves topic-2 at once.
    let eager = run(Sticky, &topics, &members);
    assert_eq!(eager[C1], vec![tp(TOPIC, 0), tp(TOPIC, 1)]);
    assert_eq!(eager[C2], vec![tp(TOPIC, 2)]);
    // The cooperative one only revokes it.
    let first = run(CooperativeSticky, &topics, &members);
    assert_eq!(first[C1], vec![tp(TOPIC, 0), tp(TOPIC, 1)]);
    assert!(first[C2].is_empty());
    assert_eq!(revoked(&members[0].owned, &first[C1]), vec![tp(TOPIC, 2)]);
    // Second round: topic-2 is owned by nobody and goes to consumer2.
    let second_members = vec![owning(C1, &[TOPIC], &first[C1], GEN + 1), owning(C2, &[TOPIC], &first[C2], GEN + 1)];
    let second = run(CooperativeSticky, &topics, &second_members);
    assert_eq!(second, eager);
}

// ---------------------------------------------------------------------------
// Driving rebalances (ConsumerCoordinator.onJoinPrepare / onJoinComplete)
// ---------------------------------------------------------------------------

#[test]
fn revoke_before_join_follows_the_protocol() {
    let owned = [tp("a", 1), tp("b", 0), tp("a", 0)];
    let subscribed = vec!["a".to_string()];
    assert_eq!(
        revoke_before_join(RebalanceProtocol::Eager, &owned, &subscribed),
        vec![tp("a", 0), tp("a", 1), tp("b", 0)]
    );
    assert_eq!(revoke_before_join(RebalanceProtocol::Cooperative, &owned, &subscribed), vec![tp("b", 0)]);
}

#[test]
fn on_join_complete_revokes_and_rejoins_only_when_cooperative() {
    let owned = [tp("a", 0), tp("a", 1)];
    let assigned = [tp("a", 1), tp("a", 2)];
    let coop = on_join_complete(RebalanceProtocol::Cooperative, &owned, &assigned);
    assert_eq!(coop, JoinComplete { revoked: vec![tp("a", 0)], added: vec![tp("a", 2)], rejoin: true });
    let eager = on_join_complete(RebalanceProtocol::Eager, &[], &assigned);
    assert_eq!(eager, JoinComplete { revoked: vec![], added: assigned.to_vec(), rejoin: false });
    assert!(!on_join_complete(RebalanceProtocol::Cooperative, &assigned, &assigned).rejoin);
}

#[test]
fn eager_rebalance_is_one_round_that_revokes_everything_first() {
    let topics = ppt(&[("t1", 4)]);
    let members = vec![
        member("c1", &["t1"]).owning([tp("t1", 0), tp("t1", 1), tp("t1", 2), tp("t1", 3)], 5),
        member("c2", &["t1"]),
    ];
    for strategy in [Range, RoundRobin, Sticky] {
        let rounds = rebalance_until_stable(strategy, &topics, &members, 6).unwrap();
        assert_eq!(rounds.len(), 1, "{strategy}");
        let r = &rounds[0];
        assert_eq!(r.protocol, RebalanceProtocol::Eager);
        assert_eq!(r.generation, 6);
        assert_eq!(r.members["c1"].revoked_before_join.len(), 4);
        assert!(r.members["c1"].revoked.is_empty());
        assert_eq!(r.members["c1"].added, sorted(&r.assignment["c1"]));
        assert_eq!(r.assignment["c1"].len() + r.assignment["c2"].len(), 4);
    }
    // The sticky assignor still keeps c1's first two partitions.
    let r = rebalance_round(Sticky, &topics, &members, 6).unwrap();
    assert_eq!(r.assignment["c1"], vec![tp("t1", 0), tp("t1", 1)]);
}

fn sorted(list: &[TopicPartition]) -> Vec<TopicPartition> {
    let mut v = list.to_vec();
    v.sort();
    v
}

#[test]
fn cooperative_rebalance_revokes_first_then_assigns() {
    // consumer1 owns all six partitions of two topics; consumer2 and consumer3 join.
    let topics = ppt(&[(TOPIC1, 3), (TOPIC2, 3)]);
    let all: Vec<TopicPartition> = (0..3).flat_map(|p| [tp(TOPIC1, p), tp(TOPIC2, p)]).collect();
    let members = vec![
        member(C1, &[TOPIC1, TOPIC2]).owning(all.clone(), 3),
        member(C2, &[TOPIC1, TOPIC2]),
        member(C3, &[TOPIC1, TOPIC2]),
    ];
    let rounds = rebalance_until_stable(CooperativeSticky, &topics, &members, 4).unwrap();
    assert_eq!(rounds.len(), 2);
    let (first, second) = (&rounds[0], &rounds[1]);
    assert_eq!((first.generation, second.generation), (4, 5));
    // Round 1: consumer1 keeps two, revokes four; nobody else gets anything yet.
    assert_eq!(first.members[C1].assigned.len(), 2);
    assert_eq!(first.members[C1].revoked.len(), 4);
    assert!(first.members[C1].rejoin && first.rejoin);
    assert!(first.assignment[C2].is_empty() && first.assignment[C3].is_empty());
    // Round 2: the four revoked partitions reach consumer2 and consumer3.
    assert!(!second.rejoin);
    assert_eq!(second.members[C1].assigned, first.members[C1].assigned);
    let handed_over: BTreeSet<TopicPartition> =
        second.members[C2].added.iter().chain(&second.members[C3].added).cloned().collect();
    assert_eq!(handed_over, first.members[C1].revoked.iter().cloned().collect());
    assert!(is_fully_balanced(&second.assignment));
    // The same end state as the eager sticky assignor reaches in one step.
    assert_eq!(second.assignment, run(Sticky, &topics, &members));
}

#[test]
fn cooperative_rebalance_drops_unsubscribed_topics_before_joining() {
    let topics = ppt(&[(TOPIC1, 2), (TOPIC2, 2)]);
    // consumer1 stops subscribing to topic2 but still owns topic2-0.
    let members = vec![
        member(C1, &[TOPIC1]).owning([tp(TOPIC1, 0), tp(TOPIC2, 0)], 1),
        member(C2, &[TOPIC1, TOPIC2]).owning([tp(TOPIC1, 1), tp(TOPIC2, 1)], 1),
    ];
    let r = rebalance_round(CooperativeSticky, &topics, &members, 2).unwrap();
    assert_eq!(r.members[C1].revoked_before_join, vec![tp(TOPIC2, 0)]);
    // Revoked before JoinGroup, so it is owned by nobody and moves at once.
    assert!(r.assignment[C2].contains(&tp(TOPIC2, 0)));
    // Balancing then wants topic1-1 on consumer1: that one has to go through
    // a revoke-and-rejoin round.
    assert_eq!(r.members[C2].revoked, vec![tp(TOPIC1, 1)]);
    assert!(r.rejoin);
    let rounds = rebalance_until_stable(CooperativeSticky, &topics, &members, 2).unwrap();
    assert_eq!(rounds.len(), 2);
    assert_eq!(set(&rounds[1].assignment[C1]), set(&[tp(TOPIC1, 0), tp(TOPIC1, 1)]));
    assert_eq!(set(&rounds[1].assignment[C2]), set(&[tp(TOPIC2, 0), tp(TOPIC2, 1)]));
}

// ---------------------------------------------------------------------------
// Seeded property test
// ---------------------------------------------------------------------------

fn random_group(rng: &mut Lcg, names: &[String], same: bool, prefix: &str, count: usize) -> Vec<MemberSubscription> {
    let common = rng.sublist(names);
    (0..count)
        .map(|i| {
            let topics = if same { common.clone() } else { rng.sublist(names) };
            MemberSubscription::new(format!("{prefix}{}", rng.below(1000) * 100 + i), topics)
        })
        .collect()
}

/// Every partition of every subscribed topic is assigned exactly once, to a
/// member that subscribes to its topic.
fn assert_complete(topics: &BTreeMap<String, u32>, members: &[MemberSubscription], a: &Assignment, what: &str) {
    let mut seen = BTreeSet::new();
    for m in members {
        for p in &a[&m.member_id] {
            assert!(m.topics.contains(&p.topic), "{what}: {p} went to {} which does not subscribe", m.member_id);
            assert!(seen.insert(p.clone()), "{what}: {p} assigned twice");
        }
    }
    for (t, n) in topics {
        if members.iter().any(|m| m.topics.contains(t)) {
            for p in 0..*n {
                assert!(seen.contains(&tp(t, p)), "{what}: {t}-{p} unassigned: {a:?}");
            }
        }
    }
}

#[test]
fn property_every_partition_once_and_sticky_assignments_balanced() {
    let mut rng = Lcg(20_240_601);
    for case in 0..300 {
        let names: Vec<String> = (0..1 + rng.below(4)).map(|i| format!("topic{i}")).collect();
        let topics: BTreeMap<String, u32> = names.iter().map(|t| (t.clone(), 1 + rng.below(16) as u32)).collect();
        let same = case % 2 == 0;
        let count = 1 + rng.below(8);
        let members = random_group(&mut rng, &names, same, "m", count);
        if members.iter().map(|m| &m.member_id).collect::<BTreeSet<_>>().len() != members.len() {
            continue;
        }
        for strategy in Strategy::ALL {
            let what = format!("case {case} {strategy} round 1");
            let first = run(strategy, &topics, &members);
            assert_complete(&topics, &members, &first, &what);
            if same && matches!(strategy, Sticky | CooperativeSticky) {
                assert!(is_fully_balanced(&first), "{what}: {first:?}");
            }

            // Membership changes: some leave, some join; the rest own what they got.
            let mut next: Vec<MemberSubscription> = members
                .iter()
                .filter(|_| rng.below(4) != 0)
                .map(|m| m.clone().owning(first[&m.member_id].clone(), 1))
                .collect();
            let joining_count = rng.below(3);
            let joining = random_group(&mut rng, &names, false, "j", joining_count);
            for mut j in joining {
                if same {
                    j.topics = members[0].topics.clone();
                }
                if next.iter().all(|m| m.member_id != j.member_id) {
                    next.push(j);
                }
            }
            if next.is_empty() {
                continue;
            }
            let rounds = rebalance_until_stable(strategy, &topics, &next, 2).unwrap();
            assert!(rounds.len() <= if strategy.is_cooperative() { 3 } else { 1 }, "case {case} {strategy}");
            for r in &rounds {
                // Nothing is handed to one member in the round another gives it up.
                let added: BTreeSet<&TopicPartition> = r.members.values().flat_map(|m| &m.added).collect();
                let revoked: BTreeSet<&TopicPartition> = r.members.values().flat_map(|m| &m.revoked).collect();
                assert!(added.is_disjoint(&revoked), "case {case} {strategy}");
            }
            let last = &rounds.last().unwrap().assignment;
            let what = format!("case {case} {strategy} after rebalance");
            assert_complete(&topics, &next, last, &what);
            if same && matches!(strategy, Sticky | CooperativeSticky) {
                assert!(is_fully_balanced(last), "{what}: {last:?}");
                // Sticky: a surviving member keeps min(owned, quota) of its partitions.
                let subscribed = &next[0].topics;
                let total: usize = subscribed.iter().map(|t| topics[t] as usize).sum();
                let quota = total / next.len();
                for m in next.iter().filter(|m| m.generation.is_some()) {
                    let kept = m.owned.iter().filter(|p| last[&m.member_id].contains(p)).count();
                    assert!(kept >= m.owned.len().min(quota), "{what}: {} kept {kept} of {:?}", m.member_id, m.owned);
                }
            }
        }
    }
}

// The simulator's largest groups: 64 members × 256 partitions, equal and
// unequal subscriptions, fresh and after eight members leave.
#[test]
fn large_group_assignments_stay_valid() {
    let names: Vec<String> = (0..4).map(|i| format!("t{i}")).collect();
    let topics: BTreeMap<String, u32> = names.iter().map(|t| (t.clone(), 64)).collect();
    for unequal in [false, true] {
        let members: Vec<MemberSubscription> = (0..64)
            .map(|i| {
                let ts = if unequal && i % 3 == 0 { names[..2].to_vec() } else { names.clone() };
                MemberSubscription::new(format!("member-{i:02}"), ts)
            })
            .collect();
        for strategy in Strategy::ALL {
            let first = run(strategy, &topics, &members);
            assert_complete(&topics, &members, &first, "large, round 1");
            let next: Vec<MemberSubscription> =
                members.iter().skip(8).map(|m| m.clone().owning(first[&m.member_id].clone(), 1)).collect();
            let rounds = rebalance_until_stable(strategy, &topics, &next, 2).unwrap();
            assert_complete(&topics, &next, &rounds.last().unwrap().assignment, "large, after leave");
        }
    }
}

#[test]
fn requests_beyond_the_limits_are_refused_before_allocating() {
    use crate::limits::{MAX_ASSIGN_MEMBERS, MAX_ASSIGN_PARTITIONS};
    use crate::Lang;
    // Two topics each under the limit, together over it: refused, whatever the strategy.
    let half = (MAX_ASSIGN_PARTITIONS / 2 + 1) as u32;
    let topics = ppt(&[("a", half), ("b", half), ("unsubscribed", u32::MAX)]);
    let members = [member("m", &["a", "b"])];
    for s in [Range, RoundRobin, Sticky, CooperativeSticky] {
        let e = assign(s, &topics, &members).unwrap_err();
        assert_eq!(e.field, "partitions_per_topic");
        assert_eq!(e.reason, ErrorReason::AssignPartitions { total: 2 * u64::from(half) });
        assert!(e.message(Lang::En).contains(&MAX_ASSIGN_PARTITIONS.to_string()), "{}", e.message(Lang::En));
    }
    // Only subscribed topics count: one of them alone is within the limit.
    assert!(assign(Range, &topics, &[member("m", &["a"])]).is_ok());

    let many: Vec<MemberSubscription> = (0..=MAX_ASSIGN_MEMBERS).map(|i| member(&format!("m{i}"), &["a"])).collect();
    let e = assign(Sticky, &topics, &many).unwrap_err();
    assert_eq!(
        (e.field.to_string(), e.reason.clone()),
        ("members".into(), ErrorReason::AssignMembers { value: many.len() })
    );
    assert!(e.message(Lang::En).contains(&MAX_ASSIGN_MEMBERS.to_string()));
}
