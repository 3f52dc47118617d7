//! Consumer group partition assignors: `range`, `roundrobin`, `sticky` and
//! `cooperative-sticky`, reproducing the classic (`group.protocol=classic`)
//! client-side assignors of the Apache Kafka Java client.
//!
//! | [`Strategy`] | Kafka class | protocol |
//! |---|---|---|
//! | `range` | `org.apache.kafka.clients.consumer.RangeAssignor` | EAGER |
//! | `roundrobin` | `org.apache.kafka.clients.consumer.RoundRobinAssignor` | EAGER |
//! | `sticky` | `org.apache.kafka.clients.consumer.StickyAssignor` | EAGER |
//! | `cooperative-sticky` | `org.apache.kafka.clients.consumer.CooperativeStickyAssignor` | COOPERATIVE |
//!
//! [`assign`] is what the group leader runs inside
//! `ConsumerCoordinator.onLeaderElected`: it turns the members' subscriptions
//! into one partition list per member. It follows
//! `AbstractPartitionAssignor.assign(Cluster, GroupSubscription)` first: only
//! topics that some member subscribes to *and* that exist with at least one
//! partition take part; subscribed topics that do not exist are ignored.
//!
//! # Order, and where Java's hash maps decide it
//!
//! Kafka's assignors keep their state in `java.util.HashMap`/`HashSet`, and a
//! few results depend on their iteration order:
//!
//! * the sticky assignors visit members in `HashMap<String, Subscription>`
//!   order when they hand out previously owned partitions (which of two members
//!   that both own "too many" partitions keeps the extra one) and when they
//!   settle partitions claimed by several members;
//! * the sticky general algorithm moves "the first" partition of a
//!   `HashSet<TopicPartition>` when it undoes an earlier move;
//! * `RangeAssignor` walks topics in `HashMap<String, List<PartitionInfo>>`
//!   order, which only decides the order inside each member's list.
//!
//! Instead of replacing those orders with sorted ones we reproduce the JDK's
//! (see `java.rs`: `String.hashCode`, `TopicPartition.hashCode`, the bucket
//! index for a default-constructed table, insertion order inside a bucket). That
//! makes every assignment in Kafka's own unit tests come out identical, including
//! the ones whose expected values only hold because of that order (for example
//! `testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers`). The one input the
//! JDK order needs that a leader does not control is the insertion order of
//! members that fall into the same bucket: we use the order of the `members`
//! slice, which plays the part of the JoinGroup response order. Everything else
//! (member ranking, topic ranking) uses `String.compareTo` order as Kafka does.
//!
//! # Driving a rebalance
//!
//! [`assign`] alone is the leader's computation. [`rebalance_round`] wraps it
//! in what every member does around it (`ConsumerCoordinator.onJoinPrepare` and
//! `onJoinComplete`), and [`rebalance_until_stable`] repeats rounds the way the
//! cooperative protocol does:
//!
//! * **EAGER** (`range`, `roundrobin`, `sticky`): before joining, every member
//!   revokes everything it owns; the new assignment is then taken up in full.
//!   One round. (`sticky` still sees the previous assignment: its `userData`
//!   carries it, which is what [`MemberSubscription::owned`] stands for.)
//! * **COOPERATIVE** (`cooperative-sticky`): members keep what they own while the
//!   group rebalances. The assignor withholds every partition that has to move
//!   from one member to another (`CooperativeStickyAssignor.adjustAssignment`),
//!   so in round 1 the old owner only sees it disappear (`revoked`) and nobody
//!   gets it. Any member that revoked something rejoins
//!   (`requestRejoin("need to revoke partitions and re-join")`), which starts
//!   round 2; the partition is now owned by nobody and is assigned to its new
//!   member. [`RebalanceRound::rejoin`] says whether another round follows and
//!   [`RebalanceRound::next_members`] builds its subscriptions.
//!
//! ```
//! use kafka_sim::assignor::{rebalance_until_stable, MemberSubscription, Strategy};
//! use kafka_sim::TopicPartition;
//! use std::collections::BTreeMap;
//!
//! let topics = BTreeMap::from([("t1".to_string(), 3)]);
//! let tp = |p| TopicPartition::new("t1", p);
//! // c1 owned all three partitions in generation 1; c2 has just joined.
//! let members = vec![
//!     MemberSubscription::new("c1", ["t1"]).owning([tp(0), tp(1), tp(2)], 1),
//!     MemberSubscription::new("c2", ["t1"]),
//! ];
//! let rounds = rebalance_until_stable(Strategy::CooperativeSticky, &topics, &members, 2).unwrap();
//! assert_eq!(rounds.len(), 2);
//! // Round 1 (generation 2): c1 gives up t1-2, nobody receives it yet.
//! assert_eq!(rounds[0].members["c1"].revoked, vec![tp(2)]);
//! assert!(rounds[0].assignment["c2"].is_empty());
//! assert!(rounds[0].rejoin);
//! // Round 2 (generation 3): c2 gets it.
//! assert_eq!(rounds[1].assignment["c2"], vec![tp(2)]);
//! assert!(!rounds[1].rejoin);
//! ```

mod java;
mod range;
mod round_robin;
mod sticky;
#[cfg(test)]
mod tests;

use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::ids::TopicPartition;
use crate::vecmap::{VecMap, VecSet};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A partition assignment strategy (`partition.assignment.strategy`). `Debug`
/// prints the quoted name (as `Rebalanced.assignor` did when it was a string).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub enum Strategy {
    /// `RangeAssignor`: per topic, contiguous ranges over the sorted members; the
    /// default `partition.assignment.strategy`.
    #[default]
    #[serde(rename = "range")]
    Range,
    /// `RoundRobinAssignor`: all partitions dealt over all sorted members.
    #[serde(rename = "roundrobin")]
    RoundRobin,
    /// `StickyAssignor`: balanced, and keeps previous assignments (eager).
    #[serde(rename = "sticky")]
    Sticky,
    /// `CooperativeStickyAssignor`: the sticky algorithm on the cooperative protocol.
    #[serde(rename = "cooperative-sticky")]
    CooperativeSticky,
}

/// `ConsumerPartitionAssignor.RebalanceProtocol`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RebalanceProtocol {
    /// Every member revokes all its partitions before it rejoins.
    #[serde(rename = "EAGER")]
    Eager,
    /// Members keep their partitions; only those that move are revoked, and they
    /// are handed to their new owner in a follow-up rebalance.
    #[serde(rename = "COOPERATIVE")]
    Cooperative,
}

impl Strategy {
    /// Every strategy, in the order Kafka's documentation lists them.
    pub const ALL: [Strategy; 4] =
        [Strategy::Range, Strategy::RoundRobin, Strategy::Sticky, Strategy::CooperativeSticky];

    /// The name the assignor reports (`ConsumerPartitionAssignor.name()`), which
    /// is also the protocol name members advertise in JoinGroup.
    pub fn name(self) -> &'static str {
        match self {
            Strategy::Range => "range",
            Strategy::RoundRobin => "roundrobin",
            Strategy::Sticky => "sticky",
            Strategy::CooperativeSticky => "cooperative-sticky",
        }
    }

    /// The fully-qualified Kafka class for `partition.assignment.strategy`.
    pub fn kafka_class(self) -> &'static str {
        match self {
            Strategy::Range => "org.apache.kafka.clients.consumer.RangeAssignor",
            Strategy::RoundRobin => "org.apache.kafka.clients.consumer.RoundRobinAssignor",
            Strategy::Sticky => "org.apache.kafka.clients.consumer.StickyAssignor",
            Strategy::CooperativeSticky => "org.apache.kafka.clients.consumer.CooperativeStickyAssignor",
        }
    }

    /// Parses a strategy name (`range`, `roundrobin`, `sticky`,
    /// `cooperative-sticky`) or its Kafka class name.
    pub fn parse(s: &str) -> Result<Strategy, SimError> {
        let s = s.trim();
        Strategy::ALL.into_iter().find(|st| st.name() == s || st.kafka_class() == s).ok_or_else(|| {
            SimError::new(
                ErrorCode::InvalidConfig,
                FieldPath::new("strategy"),
                ErrorReason::UnknownStrategy { name: s.to_string() },
            )
        })
    }

    /// `supportedProtocols()`: every built-in assignor supports EAGER;
    /// `CooperativeStickyAssignor` also supports COOPERATIVE.
    pub fn supported_protocols(self) -> &'static [RebalanceProtocol] {
        match self {
            Strategy::CooperativeSticky => &[RebalanceProtocol::Cooperative, RebalanceProtocol::Eager],
            _ => &[RebalanceProtocol::Eager],
        }
    }

    /// The protocol a group whose members all use this strategy runs (the
    /// highest protocol every configured assignor supports).
    pub fn protocol(self) -> RebalanceProtocol {
        if self.is_cooperative() {
            RebalanceProtocol::Cooperative
        } else {
            RebalanceProtocol::Eager
        }
    }

    /// Whether the strategy rebalances cooperatively (incremental, two-phase).
    pub fn is_cooperative(self) -> bool {
        matches!(self, Strategy::CooperativeSticky)
    }
}

impl fmt::Debug for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.name(), f)
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Strategy {
    type Err = SimError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Strategy::parse(s)
    }
}

/// One member's subscription as the group leader sees it in `JoinGroup`
/// (`ConsumerPartitionAssignor.Subscription`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MemberSubscription {
    pub member_id: String,
    /// Static membership (KIP-345): `range` and `roundrobin` sort members with
    /// an instance id first, by instance id (`AbstractPartitionAssignor.MemberInfo`).
    pub group_instance_id: Option<String>,
    /// The subscribed topics. Topics that do not exist are ignored.
    pub topics: Vec<String>,
    /// What the member held in its last generation, in the order it reports it.
    /// The sticky assignors use it: `sticky` reads it from its `userData`,
    /// `cooperative-sticky` from the subscription's `ownedPartitions`. `range`
    /// and `roundrobin` ignore it.
    pub owned: Vec<TopicPartition>,
    /// The generation `owned` belongs to; `None` (or a negative number) means
    /// unknown, like `Subscription.generationId()` being empty.
    pub generation: Option<i32>,
}

impl MemberSubscription {
    /// A member that owns nothing yet.
    pub fn new<I, S>(member_id: impl Into<String>, topics: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self { member_id: member_id.into(), topics: topics.into_iter().map(Into::into).collect(), ..Self::default() }
    }

    /// Sets the partitions owned in `generation`.
    pub fn owning(mut self, owned: impl IntoIterator<Item = TopicPartition>, generation: i32) -> Self {
        self.owned = owned.into_iter().collect();
        self.generation = Some(generation);
        self
    }

    /// Sets `group.instance.id` (static membership).
    pub fn with_instance_id(mut self, group_instance_id: impl Into<String>) -> Self {
        self.group_instance_id = Some(group_instance_id.into());
        self
    }
}

/// Member id → the partitions assigned to it, in the order the assignor listed them.
pub type Assignment = BTreeMap<String, Vec<TopicPartition>>;

/// Runs `strategy` as the group leader would.
///
/// Every member appears in the result, possibly with an empty list; each list
/// is in the order Kafka's assignor builds it (see the module documentation).
/// `partitions_per_topic` may contain topics nobody subscribes to, and members
/// may subscribe to topics missing from it; both are ignored, as are owned
/// partitions of such topics (or beyond a topic's partition count).
///
/// Errors, each explained: an empty or repeated member id, a repeated
/// `group.instance.id` (the broker fences such a member), a topic listed twice in
/// one subscription, a partition listed twice in one member's `owned`.
pub fn assign(
    strategy: Strategy,
    partitions_per_topic: &BTreeMap<String, u32>,
    members: &[MemberSubscription],
) -> Result<Assignment, SimError> {
    let lists = assign_lists(strategy, &|t| partitions_per_topic.get(t).copied(), members)?;
    Ok(members.iter().map(|m| m.member_id.clone()).zip(lists).collect())
}

/// [`assign`] with the partition counts as a lookup (topic → count) and the
/// result as one list per member, in `members` order: what the simulation uses,
/// without building maps.
pub fn assign_lists(
    strategy: Strategy,
    partitions_of: &dyn Fn(&str) -> Option<u32>,
    members: &[MemberSubscription],
) -> Result<Vec<Vec<TopicPartition>>, SimError> {
    let ctx = Context::with_lookup(partitions_of, members)?;
    Ok(match strategy {
        Strategy::Range => range::assign(&ctx),
        Strategy::RoundRobin => round_robin::assign(&ctx),
        Strategy::Sticky => sticky::assign(&ctx)?.assignment,
        Strategy::CooperativeSticky => sticky::assign_cooperative(&ctx)?,
    })
}

/// Partitions in `previous` that are not in `assigned`, sorted: what a member
/// revokes in `ConsumerCoordinator.onJoinComplete` under the cooperative protocol.
pub fn revoked(previous: &[TopicPartition], assigned: &[TopicPartition]) -> Vec<TopicPartition> {
    let assigned: VecSet<&TopicPartition> = assigned.iter().collect();
    let out: VecSet<&TopicPartition> = previous.iter().filter(|tp| !assigned.contains(*tp)).collect();
    out.iter().map(|tp| (*tp).clone()).collect()
}

/// Partitions in `assigned` that are not in `previous`, sorted: what
/// `onPartitionsAssigned` receives.
pub fn added(previous: &[TopicPartition], assigned: &[TopicPartition]) -> Vec<TopicPartition> {
    revoked(assigned, previous)
}

/// `ConsumerCoordinator.onJoinPrepare`: what a member revokes before it sends
/// JoinGroup. EAGER revokes everything it owns; COOPERATIVE only the partitions
/// of topics it no longer subscribes to. Sorted.
pub fn revoke_before_join(
    protocol: RebalanceProtocol,
    owned: &[TopicPartition],
    subscribed_topics: &[String],
) -> Vec<TopicPartition> {
    let kept: Vec<TopicPartition> = match protocol {
        RebalanceProtocol::Eager => Vec::new(),
        RebalanceProtocol::Cooperative => {
            owned.iter().filter(|tp| subscribed_topics.contains(&tp.topic)).cloned().collect()
        }
    };
    revoked(owned, &kept)
}

/// What one member does with its SyncGroup assignment
/// (`ConsumerCoordinator.onJoinComplete`).
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct JoinComplete {
    /// `owned − assigned`, sorted: passed to `onPartitionsRevoked` (COOPERATIVE
    /// only; under EAGER the member owns nothing at this point).
    pub revoked: Vec<TopicPartition>,
    /// `assigned − owned`, sorted: passed to `onPartitionsAssigned`.
    pub added: Vec<TopicPartition>,
    /// The member asks for another rebalance because it revoked something.
    pub rejoin: bool,
}

/// `onJoinComplete` for a member that owns `owned` when the assignment arrives
/// (under EAGER that is nothing: see [`revoke_before_join`]).
pub fn on_join_complete(
    protocol: RebalanceProtocol,
    owned: &[TopicPartition],
    assigned: &[TopicPartition],
) -> JoinComplete {
    let added = added(owned, assigned);
    match protocol {
        RebalanceProtocol::Eager => JoinComplete { revoked: Vec::new(), added, rejoin: false },
        RebalanceProtocol::Cooperative => {
            let revoked = revoked(owned, assigned);
            let rejoin = !revoked.is_empty();
            JoinComplete { revoked, added, rejoin }
        }
    }
}

/// One member's part in a [`RebalanceRound`].
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MemberRound {
    /// Revoked in `onJoinPrepare`, before JoinGroup (sorted).
    pub revoked_before_join: Vec<TopicPartition>,
    /// The assignment from SyncGroup, in assignor order.
    pub assigned: Vec<TopicPartition>,
    /// Revoked in `onJoinComplete` (COOPERATIVE; sorted).
    pub revoked: Vec<TopicPartition>,
    /// Newly assigned (sorted).
    pub added: Vec<TopicPartition>,
    /// This member requests another rebalance.
    pub rejoin: bool,
}

/// One complete JoinGroup/SyncGroup round of a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RebalanceRound {
    /// The generation this round creates.
    pub generation: i32,
    pub strategy: Strategy,
    pub protocol: RebalanceProtocol,
    /// What the leader's assignor returned.
    pub assignment: Assignment,
    pub members: BTreeMap<String, MemberRound>,
    /// Some member revoked partitions under COOPERATIVE, so a follow-up round is
    /// needed before the moved partitions reach their new owners.
    pub rejoin: bool,
}

impl RebalanceRound {
    /// The subscriptions for the next round: each member now owns its
    /// assignment of this round, in this round's generation. `members` supplies
    /// the ids, instance ids and topics (normally the same list that produced
    /// the round). Members missing from this round own nothing.
    pub fn next_members(&self, members: &[MemberSubscription]) -> Vec<MemberSubscription> {
        members
            .iter()
            .map(|m| MemberSubscription {
                owned: self.assignment.get(&m.member_id).cloned().unwrap_or_default(),
                generation: Some(self.generation),
                ..m.clone()
            })
            .collect()
    }
}

/// Runs one rebalance round of a group whose members all use `strategy`.
///
/// `members[i].owned`/`generation` describe what each member holds (or, for
/// `sticky`, remembers) from its last generation; `generation` is the number the
/// coordinator gives the new generation. Steps, as in `ConsumerCoordinator`:
/// `onJoinPrepare` ([`revoke_before_join`]) → the leader's [`assign`] over the
/// subscriptions the members send → `onJoinComplete` ([`on_join_complete`]).
pub fn rebalance_round(
    strategy: Strategy,
    partitions_per_topic: &BTreeMap<String, u32>,
    members: &[MemberSubscription],
    generation: i32,
) -> Result<RebalanceRound, SimError> {
    let protocol = strategy.protocol();
    let mut sent = Vec::with_capacity(members.len());
    let mut prepared = Vec::with_capacity(members.len());
    for m in members {
        let before = revoke_before_join(protocol, &m.owned, &m.topics);
        let still_owned: Vec<TopicPartition> = m.owned.iter().filter(|tp| !before.contains(tp)).cloned().collect();
        // Under EAGER the subscription carries no owned partitions, but the
        // sticky assignor's userData still remembers the last assignment.
        let reported = match protocol {
            RebalanceProtocol::Cooperative => still_owned.clone(),
            RebalanceProtocol::Eager => m.owned.clone(),
        };
        sent.push(MemberSubscription { owned: reported, ..m.clone() });
        prepared.push((before, still_owned));
    }
    let assignment = assign(strategy, partitions_per_topic, &sent)?;
    let mut out = BTreeMap::new();
    let mut rejoin = false;
    for (m, (before, still_owned)) in members.iter().zip(prepared) {
        let assigned = assignment.get(&m.member_id).cloned().unwrap_or_default();
        let done = on_join_complete(protocol, &still_owned, &assigned);
        rejoin |= done.rejoin;
        out.insert(
            m.member_id.clone(),
            MemberRound {
                revoked_before_join: before,
                assigned,
                revoked: done.revoked,
                added: done.added,
                rejoin: done.rejoin,
            },
        );
    }
    Ok(RebalanceRound { generation, strategy, protocol, assignment, members: out, rejoin })
}

/// Rounds a group goes through before the cooperative protocol settles.
const MAX_ROUNDS: usize = 8;

/// Runs [`rebalance_round`] until no member needs to rejoin: one round for the
/// EAGER strategies, usually two for `cooperative-sticky` (revoke, then assign).
/// Round `k` (from 0) gets generation `first_generation + k`.
pub fn rebalance_until_stable(
    strategy: Strategy,
    partitions_per_topic: &BTreeMap<String, u32>,
    members: &[MemberSubscription],
    first_generation: i32,
) -> Result<Vec<RebalanceRound>, SimError> {
    let mut rounds: Vec<RebalanceRound> = Vec::new();
    let mut current = members.to_vec();
    let mut generation = first_generation;
    while rounds.len() < MAX_ROUNDS {
        let round = rebalance_round(strategy, partitions_per_topic, &current, generation)?;
        let again = round.rejoin;
        current = round.next_members(&current);
        rounds.push(round);
        if !again {
            return Ok(rounds);
        }
        generation = generation.saturating_add(1);
    }
    Err(SimError::new(
        ErrorCode::InvalidRequest,
        FieldPath::new("members"),
        ErrorReason::NotSettled { rounds: MAX_ROUNDS },
    ))
}

/// The `kafka-sim assign` request body:
/// `{"partitions_per_topic":{"t1":3},"members":{"c1":{"topics":["t1"],"owned":["t1-0"],"generation":1}}}`.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssignRequest {
    #[serde(default)]
    pub partitions_per_topic: BTreeMap<String, u32>,
    #[serde(default)]
    pub members: BTreeMap<String, MemberSpec>,
}

/// One member in an [`AssignRequest`], keyed by member id.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberSpec {
    #[serde(default)]
    pub topics: Vec<String>,
    /// Partitions written the Kafka way, `topic-partition` (`"t1-0"`).
    #[serde(default)]
    pub owned: Vec<String>,
    #[serde(default)]
    pub generation: Option<i32>,
    #[serde(default)]
    pub group_instance_id: Option<String>,
}

/// The `kafka-sim assign` response body: `{"assignment":{"c1":["t1-0","t1-1"],"c2":["t1-2"]}}`.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AssignResponse {
    pub assignment: BTreeMap<String, Vec<String>>,
}

impl AssignRequest {
    /// The members as [`MemberSubscription`]s, in member-id order; `owned`
    /// strings are parsed with [`TopicPartition::parse`].
    pub fn subscriptions(&self) -> Result<Vec<MemberSubscription>, SimError> {
        self.members
            .iter()
            .map(|(id, spec)| {
                let owned = spec
                    .owned
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        TopicPartition::parse(s).ok_or_else(|| {
                            SimError::new(
                                ErrorCode::InvalidRequest,
                                FieldPath::new("members").field(id.clone()).item("owned", i),
                                ErrorReason::NotAPartition { text: s.clone() },
                            )
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(MemberSubscription {
                    member_id: id.clone(),
                    group_instance_id: spec.group_instance_id.clone(),
                    topics: spec.topics.clone(),
                    owned,
                    generation: spec.generation,
                })
            })
            .collect()
    }

    /// Runs [`assign`] and renders partitions as `topic-partition` strings.
    pub fn run(&self, strategy: Strategy) -> Result<AssignResponse, SimError> {
        let members = self.subscriptions()?;
        let assignment = assign(strategy, &self.partitions_per_topic, &members)?;
        Ok(AssignResponse {
            assignment: assignment
                .into_iter()
                .map(|(m, tps)| (m, tps.iter().map(ToString::to_string).collect()))
                .collect(),
        })
    }
}

/// `RangeAssignor` over the members; kept for existing callers. On invalid
/// input every member gets an empty list (use [`assign`] to see the error).
pub fn range(partitions_per_topic: &BTreeMap<String, u32>, members: &[MemberSubscription]) -> Assignment {
    assign(Strategy::Range, partitions_per_topic, members)
        .unwrap_or_else(|_| members.iter().map(|m| (m.member_id.clone(), Vec::new())).collect())
}

// ---------------------------------------------------------------------------
// Shared preparation
// ---------------------------------------------------------------------------

/// The partitions taking part in an assignment, densely numbered: topics in
/// `String.compareTo` order, partitions ascending. The number of a partition is
/// its position in Kafka's sorted partition list.
struct Partitions {
    names: Vec<String>,
    counts: Vec<u32>,
    offsets: Vec<usize>,
    total: usize,
    topic_hash: Vec<i32>,
    topic_of: Vec<usize>,
}

impl Partitions {
    fn new(mut topics: Vec<(String, u32)>) -> Self {
        topics.sort_by(|a, b| java::java_cmp(&a.0, &b.0));
        let mut offsets = Vec::with_capacity(topics.len());
        let mut topic_of = Vec::new();
        let mut total = 0usize;
        for (t, (_, n)) in topics.iter().enumerate() {
            offsets.push(total);
            total += *n as usize;
            topic_of.extend(std::iter::repeat_n(t, *n as usize));
        }
        let names: Vec<String> = topics.iter().map(|(n, _)| n.clone()).collect();
        Self {
            topic_hash: names.iter().map(|n| java::string_hash(n)).collect(),
            counts: topics.iter().map(|(_, c)| *c).collect(),
            names,
            offsets,
            total,
            topic_of,
        }
    }

    /// `names` is sorted with `String.compareTo`, so a binary search finds a topic.
    fn topic(&self, name: &str) -> Option<usize> {
        self.names.binary_search_by(|n| java::java_cmp(n, name)).ok()
    }

    /// The dense number of `tp`, if its topic takes part and the partition exists.
    fn id(&self, tp: &TopicPartition) -> Option<usize> {
        let t = self.topic(&tp.topic)?;
        (tp.partition < self.counts[t]).then(|| self.offsets[t] + tp.partition as usize)
    }

    fn range_of(&self, t: usize) -> std::ops::Range<usize> {
        self.offsets[t]..self.offsets[t] + self.counts[t] as usize
    }

    fn partition_number(&self, id: usize) -> u32 {
        // Bounded by the topic's u32 partition count.
        (id - self.offsets[self.topic_of[id]]) as u32
    }

    fn tp(&self, id: usize) -> TopicPartition {
        TopicPartition::new(self.names[self.topic_of[id]].clone(), self.partition_number(id))
    }

    fn java_hash(&self, id: usize) -> i32 {
        java::topic_partition_hash(self.topic_hash[self.topic_of[id]], self.partition_number(id))
    }
}

/// Validated input shared by all assignors.
struct Context<'a> {
    members: &'a [MemberSubscription],
    /// Member indices in `HashMap<String, Subscription>` iteration order.
    hash_order: Vec<usize>,
    /// `rank[m]`: position of member `m` when member ids are sorted with `String.compareTo`.
    rank: Vec<usize>,
    /// Subscribed topics with at least one partition.
    parts: Partitions,
    /// The generation each member reports (`None` when absent or negative).
    generation: Vec<Option<i32>>,
    /// `AbstractPartitionAssignor.assign`: the topics of the
    /// `partitionsPerTopic` map in its iteration order (indices into `parts`).
    topic_hash_order: Vec<usize>,
}

fn invalid(field: FieldPath, reason: ErrorReason) -> SimError {
    SimError::new(ErrorCode::InvalidRequest, field, reason)
}

impl<'a> Context<'a> {
    #[cfg(test)]
    fn new(partitions_per_topic: &BTreeMap<String, u32>, members: &'a [MemberSubscription]) -> Result<Self, SimError> {
        Self::with_lookup(&|t| partitions_per_topic.get(t).copied(), members)
    }

    fn with_lookup(
        partitions_of: &dyn Fn(&str) -> Option<u32>,
        members: &'a [MemberSubscription],
    ) -> Result<Self, SimError> {
        // Bounded before anything is allocated per member or per partition.
        if members.len() > crate::limits::MAX_ASSIGN_MEMBERS {
            return Err(invalid(FieldPath::new("members"), ErrorReason::AssignMembers { value: members.len() }));
        }
        let mut ids: VecMap<&str, usize> = VecMap::new();
        let mut instance_ids: VecMap<&str, usize> = VecMap::new();
        for (i, m) in members.iter().enumerate() {
            if m.member_id.is_empty() {
                return Err(invalid(
                    FieldPath::root().item("members", i).field("member_id"),
                    ErrorReason::EmptyMemberId,
                ));
            }
            if let Some(first) = ids.insert(&m.member_id, i) {
                return Err(invalid(
                    FieldPath::root().item("members", i).field("member_id"),
                    ErrorReason::MemberIdTwice { id: m.member_id.clone(), first, second: i },
                ));
            }
            if let Some(instance) = &m.group_instance_id {
                if let Some(first) = instance_ids.insert(instance, i) {
                    return Err(invalid(
                        FieldPath::root().item("members", i).field("group_instance_id"),
                        ErrorReason::InstanceIdTwice { instance: instance.clone(), first, second: i },
                    ));
                }
            }
            let mut topics = VecSet::new();
            for t in &m.topics {
                if !topics.insert(t.as_str()) {
                    return Err(invalid(
                        FieldPath::root().item("members", i).field("topics"),
                        ErrorReason::TopicSubscribedTwice { member: m.member_id.clone(), topic: t.clone() },
                    ));
                }
            }
            let mut owned = VecSet::new();
            for tp in &m.owned {
                if !owned.insert(tp) {
                    return Err(invalid(
                        FieldPath::root().item("members", i).field("owned"),
                        ErrorReason::OwnedTwice { member: m.member_id.clone(), partition: tp.clone() },
                    ));
                }
            }
        }

        // AbstractPartitionAssignor.assign(Cluster, GroupSubscription): the union of
        // subscribed topics (a HashSet filled member by member, in subscription
        // map order), then a HashMap of those that exist with partitions.
        let hash_order = java::string_map_order(&members.iter().map(|m| m.member_id.as_str()).collect::<Vec<_>>());
        let subscribed_in_order: Vec<&str> =
            hash_order.iter().flat_map(|&m| members[m].topics.iter().map(String::as_str)).collect();
        let set_order = java::string_map_order(&subscribed_in_order);
        let existing_in_set_order: Vec<&str> = set_order
            .iter()
            .map(|&i| subscribed_in_order[i])
            .filter(|t| partitions_of(t).is_some_and(|n| n > 0))
            .collect();
        let total: u64 = existing_in_set_order.iter().map(|t| u64::from(partitions_of(t).unwrap_or(0))).sum();
        if total > crate::limits::MAX_ASSIGN_PARTITIONS {
            return Err(invalid(FieldPath::new("partitions_per_topic"), ErrorReason::AssignPartitions { total }));
        }
        let map_order = java::string_map_order(&existing_in_set_order);
        let parts = Partitions::new(
            existing_in_set_order.iter().map(|t| ((*t).to_string(), partitions_of(t).unwrap_or(0))).collect(),
        );
        let topic_hash_order = map_order
            .iter()
            .map(|&i| parts.topic(existing_in_set_order[i]).expect("topic is in the partition table"))
            .collect();

        let mut by_id: Vec<usize> = (0..members.len()).collect();
        by_id.sort_by(|&a, &b| java::java_cmp(&members[a].member_id, &members[b].member_id));
        let mut rank = vec![0; members.len()];
        for (r, &m) in by_id.iter().enumerate() {
            rank[m] = r;
        }

        Ok(Self {
            members,
            hash_order,
            rank,
            parts,
            generation: members.iter().map(|m| m.generation.filter(|g| *g >= 0)).collect(),
            topic_hash_order,
        })
    }

    /// `AbstractPartitionAssignor.MemberInfo.compareTo`: members with a
    /// `group.instance.id` first, ordered by it; then the others by member id.
    fn member_info_cmp(&self, a: usize, b: usize) -> std::cmp::Ordering {
        use std::cmp::Ordering;
        let (ma, mb) = (&self.members[a], &self.members[b]);
        match (&ma.group_instance_id, &mb.group_instance_id) {
            (Some(x), Some(y)) => java::java_cmp(x, y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => java::java_cmp(&ma.member_id, &mb.member_id),
        }
    }

    fn subscribes(&self, m: usize, topic: &str) -> bool {
        self.members[m].topics.iter().any(|t| t == topic)
    }
}
