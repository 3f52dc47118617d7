//! `org.apache.kafka.clients.consumer.internals.AbstractStickyAssignor` (shared
//! by `StickyAssignor` and `CooperativeStickyAssignor`) and the cooperative
//! adjustment of `CooperativeStickyAssignor.assignPartitions`, without rack
//! awareness.
//!
//! Three steps, each named after the Java method it restates:
//!
//! 1. `allSubscriptionsEqual` collects every member's still-valid owned
//!    partitions. A partition claimed by two members of the *same* generation is
//!    taken from both (and remembered in `partitionsWithMultiplePreviousOwners`);
//!    between different generations the higher generation keeps it. It also
//!    decides whether all members subscribe to the same topics.
//! 2. If they do, `ConstrainedAssignmentBuilder`: every member gets between
//!    `minQuota = ⌊P/C⌋` and `maxQuota = ⌈P/C⌉` partitions, at most
//!    `P mod C` of them `maxQuota`. Owned partitions are kept up to the quota
//!    (lowest partition numbers first), then the rest is dealt round-robin to the
//!    members below `minQuota`, then one each to members at `minQuota`.
//! 3. Otherwise `GeneralAssignmentBuilder`: keep owned partitions the member
//!    still subscribes to, give each unassigned partition to the least-loaded
//!    member that can take it, then move partitions from members that have two or
//!    more than some other eligible member until the assignment is balanced, and
//!    keep the result only if it is more balanced than before the moves.
//!
//! `cooperative-sticky` then removes from the result every partition that
//! changes owner (`partitionsTransferringOwnership`): it is revoked in this
//! round and assigned in the next one.

use super::java::{java_cmp, JavaHashOrder};
use super::{Context, Partitions};
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::ids::TopicPartition;
use crate::vecmap::VecSet;
use std::collections::VecDeque;

/// `AbstractStickyAssignor.DEFAULT_GENERATION`.
const DEFAULT_GENERATION: i32 = -1;

/// What the sticky algorithm produced, before any cooperative adjustment.
pub(super) struct StickyResult {
    /// Per member (index into the member slice), in assignor order.
    pub assignment: Vec<Vec<TopicPartition>>,
    /// `partitionsTransferringOwnership`: partition → member index that takes it
    /// over. `Some` after the constrained algorithm, `None` after the general
    /// one (Kafka sets the field to `null` there and lets the cooperative
    /// assignor compute it from scratch). In partition order. Only the tests look at it.
    #[cfg_attr(not(test), allow(dead_code))]
    pub transferring: Option<Vec<(TopicPartition, usize)>>,
}

/// The sticky algorithm on partition numbers.
struct Raw {
    lists: Vec<Vec<usize>>,
    transferring: Option<Transferring>,
}

/// `partitionsTransferringOwnership` on partition numbers: (partition, member
/// that takes it over), ascending by partition.
type Transferring = Vec<(usize, usize)>;

/// The `Some` entries of a per-partition table, in partition order.
fn by_partition(table: Vec<Option<usize>>) -> Transferring {
    table.into_iter().enumerate().filter_map(|(p, m)| Some((p, m?))).collect()
}

/// `StickyAssignor` / the first half of `CooperativeStickyAssignor`.
pub(super) fn assign(ctx: &Context) -> Result<StickyResult, SimError> {
    let raw = assign_raw(ctx)?;
    Ok(StickyResult {
        assignment: to_partitions(&ctx.parts, &raw.lists),
        transferring: raw.transferring.map(|t| t.into_iter().map(|(p, m)| (ctx.parts.tp(p), m)).collect()),
    })
}

/// `CooperativeStickyAssignor.assignPartitions`: the sticky assignment minus the
/// partitions that must first be revoked by their current owner
/// (`adjustAssignment`).
pub(super) fn assign_cooperative(ctx: &Context) -> Result<Vec<Vec<TopicPartition>>, SimError> {
    let mut raw = assign_raw(ctx)?;
    let transferring = match raw.transferring.take() {
        Some(t) => t,
        None => compute_partitions_transferring_ownership(ctx, &raw.lists),
    };
    for (p, m) in transferring {
        remove_first(&mut raw.lists[m], p);
    }
    Ok(to_partitions(&ctx.parts, &raw.lists))
}

fn assign_raw(ctx: &Context) -> Result<Raw, SimError> {
    if ctx.members.is_empty() {
        return Ok(Raw { lists: Vec::new(), transferring: Some(Vec::new()) });
    }
    let claims = Claims::collect(ctx);
    if claims.all_subscriptions_equal {
        let (lists, transferring) = constrained_assign(ctx, &claims)?;
        Ok(Raw { lists, transferring: Some(transferring) })
    } else {
        Ok(Raw { lists: General::new(ctx, &claims).build(), transferring: None })
    }
}

fn to_partitions(parts: &Partitions, lists: &[Vec<usize>]) -> Vec<Vec<TopicPartition>> {
    lists.iter().map(|l| l.iter().map(|&p| parts.tp(p)).collect()).collect()
}

/// `List.remove(Object)`: drop the first occurrence, keep the order of the rest.
fn remove_first(list: &mut Vec<usize>, p: usize) {
    if let Some(i) = list.iter().position(|&x| x == p) {
        list.remove(i);
    }
}

fn internal(what: &'static str) -> SimError {
    SimError::new(ErrorCode::InvalidRequest, FieldPath::new("members"), ErrorReason::StickyIllegalState { what })
}

/// `CooperativeStickyAssignor.computePartitionsTransferringOwnership`: partitions
/// some member gains that another member (per its reported `owned`) loses.
fn compute_partitions_transferring_ownership(ctx: &Context, lists: &[Vec<usize>]) -> Transferring {
    let total = ctx.parts.total;
    // Per partition: the last member that gains it; whether some member loses it.
    let mut added: Vec<Option<usize>> = vec![None; total];
    let mut revoked = vec![false; total];
    // Partitions of the member being looked at, cleared after each member.
    let (mut owned, mut assigned_now) = (vec![false; total], vec![false; total]);
    for (m, assigned) in lists.iter().enumerate() {
        let owned_ids: Vec<usize> = ctx.members[m].owned.iter().filter_map(|tp| ctx.parts.id(tp)).collect();
        owned_ids.iter().for_each(|&p| owned[p] = true);
        assigned.iter().for_each(|&p| assigned_now[p] = true);
        for &p in assigned {
            if !owned[p] {
                added[p] = Some(m);
            }
        }
        for &p in &owned_ids {
            revoked[p] |= !assigned_now[p];
        }
        owned_ids.iter().for_each(|&p| owned[p] = false);
        assigned.iter().for_each(|&p| assigned_now[p] = false);
    }
    for (p, gained) in added.iter_mut().enumerate() {
        if !revoked[p] {
            *gained = None;
        }
    }
    by_partition(added)
}

// ---------------------------------------------------------------------------
// allSubscriptionsEqual
// ---------------------------------------------------------------------------

struct Claims {
    all_subscriptions_equal: bool,
    /// `consumerToOwnedPartitions`, per member.
    owned: Vec<Vec<usize>>,
    /// `partitionsWithMultiplePreviousOwners`, per partition.
    multiple: Vec<bool>,
    /// `maxGeneration`.
    max_generation: i32,
}

impl Claims {
    /// `AbstractStickyAssignor.allSubscriptionsEqual`, visiting members in
    /// `HashMap` order (which matters when three members claim one partition).
    fn collect(ctx: &Context) -> Self {
        let n = ctx.members.len();
        let mut all_equal = true;
        // A member's topics are distinct (checked by `Context::new`), so a list
        // serves as the reference set.
        let mut subscribed: Vec<&str> = Vec::new();
        let mut owned: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut multiple = vec![false; ctx.parts.total];
        let mut previous_owner: Vec<Option<usize>> = vec![None; ctx.parts.total];
        let mut max_generation = DEFAULT_GENERATION;
        for &m in &ctx.hash_order {
            let member = &ctx.members[m];
            // Kafka's quirk, kept: the reference set is (re)initialised whenever
            // it is empty, so members with no topics before the first member
            // with topics count as "equal".
            if subscribed.is_empty() {
                subscribed.extend(member.topics.iter().map(String::as_str));
            } else if all_equal
                && !(member.topics.len() == subscribed.len()
                    && member.topics.iter().all(|t| subscribed.contains(&t.as_str())))
            {
                all_equal = false;
            }
            let generation = ctx.generation[m].unwrap_or(DEFAULT_GENERATION);
            max_generation = max_generation.max(generation);
            for tp in &member.owned {
                // Only partitions of topics taking part in this assignment.
                let Some(p) = ctx.parts.id(tp) else { continue };
                match previous_owner[p] {
                    None => {
                        owned[m].push(p);
                        previous_owner[p] = Some(m);
                    }
                    Some(other) => {
                        let other_generation = ctx.generation[other].unwrap_or(DEFAULT_GENERATION);
                        if generation == other_generation {
                            // Same generation, two owners: invalid for both.
                            multiple[p] = true;
                            remove_first(&mut owned[other], p);
                            previous_owner[p] = Some(m);
                        } else if generation > other_generation {
                            owned[m].push(p);
                            remove_first(&mut owned[other], p);
                            previous_owner[p] = Some(m);
                        }
                        // Otherwise the other member's newer claim stands.
                    }
                }
            }
        }
        Self { all_subscriptions_equal: all_equal, owned, multiple, max_generation }
    }
}

// ---------------------------------------------------------------------------
// ConstrainedAssignmentBuilder
// ---------------------------------------------------------------------------

/// Per-member lists and `partitionsTransferringOwnership` (partition → member).
type Constrained = (Vec<Vec<usize>>, Transferring);

/// `ConstrainedAssignmentBuilder.build` (all members subscribe to the same
/// topics). Returns the lists and `partitionsTransferringOwnership`.
fn constrained_assign(ctx: &Context, claims: &Claims) -> Result<Constrained, SimError> {
    let parts = &ctx.parts;
    let n = ctx.members.len();
    let total = parts.total;
    let min_quota = total / n;
    let max_quota = total.div_ceil(n);
    let expected_over_min = total % n;
    let mut current_over_min = 0usize;

    let mut assignment: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut assigned = vec![false; total];
    let mut all_revoked = vec![false; total];
    let mut under_min: Vec<usize> = Vec::new();
    let mut exactly_min: VecDeque<usize> = VecDeque::new();

    // assignOwnedPartitions, in HashMap order.
    for &m in &ctx.hash_order {
        let mut owned = claims.owned[m].clone();
        // Comparator.comparing(TopicPartition::partition).thenComparing(TopicPartition::topic)
        owned.sort_by(|&a, &b| {
            parts
                .partition_number(a)
                .cmp(&parts.partition_number(b))
                .then_with(|| java_cmp(&parts.names[parts.topic_of[a]], &parts.names[parts.topic_of[b]]))
        });
        owned.retain(|&p| !claims.multiple[p]);

        let keep = if owned.len() < min_quota {
            under_min.push(m);
            owned.len()
        } else if owned.len() >= max_quota && current_over_min < expected_over_min {
            current_over_min += 1;
            if current_over_min == expected_over_min {
                exactly_min.clear();
            }
            max_quota
        } else {
            if current_over_min < expected_over_min {
                exactly_min.push_back(m);
            }
            min_quota
        };
        for &p in &owned[..keep] {
            assignment[m].push(p);
            assigned[p] = true;
        }
        for &p in &owned[keep..] {
            all_revoked[p] = true;
        }
    }

    // getUnassignedPartitions: the sorted partition list minus the kept ones.
    let unassigned: Vec<usize> = (0..total).filter(|&p| !assigned[p]).collect();
    under_min.sort_by_key(|&m| ctx.rank[m]);
    exactly_min.make_contiguous().sort_by_key(|&m| ctx.rank[m]);

    // assignRoundRobin. `cursor` is the position of a java.util.Iterator over the
    // under-minQuota LinkedList; `remove()` drops the element it returned last.
    let mut transferring: Vec<Option<usize>> = vec![None; total];
    let mut cursor = 0usize;
    for &p in &unassigned {
        let (consumer, from_iterator) = if cursor < under_min.len() {
            cursor += 1;
            (under_min[cursor - 1], true)
        } else if under_min.is_empty() {
            match exactly_min.pop_front() {
                Some(c) => (c, false),
                None => return Err(internal("No more unfilled consumers to be assigned.")),
            }
        } else {
            cursor = 1;
            (under_min[0], true)
        };

        // assignNewPartition
        assignment[consumer].push(p);
        if all_revoked[p] || claims.multiple[p] {
            transferring[p] = Some(consumer);
        }
        let count = assignment[consumer].len();

        if count == min_quota {
            if !from_iterator {
                return Err(internal("a consumer at minQuota was taken from the wrong list"));
            }
            under_min.remove(cursor - 1);
            cursor -= 1;
            exactly_min.push_back(consumer);
        } else if count == max_quota {
            current_over_min += 1;
        }
    }

    // verifyUnfilledMembers
    if !under_min.is_empty() {
        if current_over_min != expected_over_min {
            return Err(internal(
                "We haven't reached the expected number of members with more than the minQuota partitions, but no more partitions to be assigned",
            ));
        }
        if under_min.iter().any(|&m| assignment[m].len() != min_quota) {
            return Err(internal(
                "a consumer doesn't reach minQuota partitions, and no more partitions to be assigned",
            ));
        }
    }
    Ok((assignment, by_partition(transferring)))
}

// ---------------------------------------------------------------------------
// GeneralAssignmentBuilder
// ---------------------------------------------------------------------------

/// `PartitionMovements`: which partitions moved between which members during
/// this assignment, so that a later move can undo an earlier one instead of
/// shuffling a second partition of the same topic.
struct Movements {
    /// partition → (source member, destination member)
    moves: Vec<Option<(usize, usize)>>,
    /// topic → (source, destination) → the partitions, as the JDK `HashSet` holds
    /// them. Few pairs per topic and never iterated, so a list searched in full.
    by_topic: Vec<Vec<PairMoves>>,
}

/// (source member, destination member) and the partitions moved that way.
type PairMoves = ((usize, usize), JavaHashOrder<usize>);

impl Movements {
    fn new(parts: &Partitions) -> Self {
        Self { moves: vec![None; parts.total], by_topic: (0..parts.names.len()).map(|_| Vec::new()).collect() }
    }

    /// `removeMovementRecordOfPartition`
    fn remove_record(&mut self, parts: &Partitions, p: usize) -> Option<(usize, usize)> {
        let pair = self.moves[p].take()?;
        let for_topic = &mut self.by_topic[parts.topic_of[p]];
        if let Some(i) = for_topic.iter().position(|(k, _)| *k == pair) {
            for_topic[i].1.remove(p);
            if for_topic[i].1.is_empty() {
                for_topic.remove(i);
            }
        }
        Some(pair)
    }

    /// `addPartitionMovementRecord`
    fn add_record(&mut self, parts: &Partitions, p: usize, pair: (usize, usize)) {
        self.moves[p] = Some(pair);
        let for_topic = &mut self.by_topic[parts.topic_of[p]];
        let i = match for_topic.iter().position(|(k, _)| *k == pair) {
            Some(i) => i,
            None => {
                for_topic.push((pair, JavaHashOrder::new()));
                for_topic.len() - 1
            }
        };
        let set = &mut for_topic[i].1;
        if !set.contains(p) {
            set.insert(parts.java_hash(p), p);
        }
    }

    /// `movePartition`
    fn move_partition(&mut self, parts: &Partitions, p: usize, old: usize, new: usize) {
        if self.moves[p].is_some() {
            // This partition has moved before: collapse the two moves into one,
            // or forget it if it goes back to where it started.
            if let Some((src, _)) = self.remove_record(parts, p) {
                if src != new {
                    self.add_record(parts, p, (src, new));
                }
            }
        } else {
            self.add_record(parts, p, (old, new));
        }
    }

    /// `getTheActualPartitionToBeMoved`: if some partition of the same topic
    /// moved the opposite way earlier, move that one back instead.
    fn actual_partition_to_move(&self, parts: &Partitions, p: usize, old: usize, new: usize) -> usize {
        let old = self.moves[p].map_or(old, |(src, _)| src);
        match self.by_topic[parts.topic_of[p]].iter().find(|(k, _)| *k == (new, old)) {
            Some((_, set)) => set.first().unwrap_or(p),
            None => p,
        }
    }
}

struct General<'c, 'a> {
    ctx: &'c Context<'a>,
    /// `consumer2AllPotentialTopics` as a membership table.
    subscribes: Vec<Vec<bool>>,
    /// `consumer2AllPotentialTopics` in subscription order.
    consumer_topics: Vec<Vec<usize>>,
    /// `topic2AllPotentialConsumers`, members in HashMap order.
    topic_consumers: Vec<Vec<usize>>,
    /// `currentAssignment`.
    current: Vec<Vec<usize>>,
    /// Members still in `currentAssignment` (not set aside as fixed).
    active: Vec<bool>,
    /// `currentPartitionConsumer`.
    owner: Vec<Option<usize>>,
    /// `sortedCurrentSubscriptions`: (assignment size, rank of the member id).
    sorted: VecSet<(usize, usize)>,
    by_rank: Vec<usize>,
    /// `getMaxAssignmentSize` per member.
    max_size: Vec<usize>,
    /// `sortedAllPartitions`: topics by (number of potential consumers, name).
    sorted_all: Vec<usize>,
    /// `prevAssignment`: partition → (member, generation) from older generations.
    prev: Vec<Option<(usize, i32)>>,
    movements: Movements,
    revocation_required: bool,
}

impl<'c, 'a> General<'c, 'a> {
    /// The `GeneralAssignmentBuilder` constructor.
    fn new(ctx: &'c Context<'a>, claims: &Claims) -> Self {
        let parts = &ctx.parts;
        let n = ctx.members.len();
        let topics = parts.names.len();
        let mut subscribes = vec![vec![false; topics]; n];
        let mut consumer_topics = vec![Vec::new(); n];
        let mut topic_consumers = vec![Vec::new(); topics];
        for &m in &ctx.hash_order {
            for t in ctx.members[m].topics.iter().filter_map(|t| parts.topic(t)) {
                subscribes[m][t] = true;
                consumer_topics[m].push(t);
                topic_consumers[t].push(m);
            }
        }
        let current = claims.owned.clone();
        let mut owner = vec![None; parts.total];
        for (m, list) in current.iter().enumerate() {
            for &p in list {
                owner[p] = Some(m);
            }
        }
        // TopicComparator: fewer potential consumers first, then by name (the
        // topic indices are already in name order).
        let mut sorted_topics: Vec<usize> = (0..topics).collect();
        sorted_topics.sort_by_key(|&t| (topic_consumers[t].len(), t));
        let sorted_all = sorted_topics.iter().flat_map(|&t| parts.range_of(t)).collect();
        let max_size = consumer_topics.iter().map(|ts| ts.iter().map(|&t| parts.counts[t] as usize).sum()).collect();
        let mut by_rank = vec![0; n];
        for m in 0..n {
            by_rank[ctx.rank[m]] = m;
        }
        Self {
            ctx,
            subscribes,
            consumer_topics,
            topic_consumers,
            current,
            active: vec![true; n],
            owner,
            sorted: VecSet::new(),
            by_rank,
            max_size,
            sorted_all,
            prev: prepopulate_previous_assignments(ctx, claims.max_generation),
            movements: Movements::new(parts),
            revocation_required: false,
        }
    }

    fn key(&self, m: usize) -> (usize, usize) {
        (self.current[m].len(), self.ctx.rank[m])
    }

    /// `build()`.
    fn build(mut self) -> Vec<Vec<usize>> {
        let parts = &self.ctx.parts;
        // assignOwnedPartitions: drop owned partitions of topics the member no
        // longer subscribes to.
        let mut kept = vec![false; parts.total];
        for m in 0..self.current.len() {
            let mut list = std::mem::take(&mut self.current[m]);
            list.retain(|&p| {
                if self.subscribes[m][parts.topic_of[p]] {
                    kept[p] = true;
                    true
                } else {
                    self.revocation_required = true;
                    false
                }
            });
            self.current[m] = list;
        }
        let unassigned: Vec<usize> = self.sorted_all.iter().copied().filter(|&p| !kept[p]).collect();
        for m in 0..self.current.len() {
            let key = self.key(m);
            self.sorted.insert(key);
        }
        self.balance(unassigned);
        self.current
    }

    /// `maybeAssignPartition`: to the least-loaded member that can take it.
    fn maybe_assign_partition(&mut self, p: usize) {
        let topic = self.ctx.parts.topic_of[p];
        let Some(&(size, rank)) = self.sorted.iter().find(|&&(_, r)| self.subscribes[self.by_rank[r]][topic]) else {
            return;
        };
        let m = self.by_rank[rank];
        self.sorted.remove(&(size, rank));
        self.current[m].push(p);
        self.owner[p] = Some(m);
        self.sorted.insert(self.key(m));
    }

    /// `canConsumerParticipateInReassignment`
    fn can_participate(&self, m: usize) -> bool {
        if self.current[m].len() < self.max_size[m] {
            return true;
        }
        self.current[m].iter().any(|&p| self.topic_consumers[self.ctx.parts.topic_of[p]].len() >= 2)
    }

    /// `balance`
    fn balance(&mut self, mut unassigned: Vec<usize>) {
        let parts = &self.ctx.parts;
        let initializing = match self.sorted.last() {
            Some(&(_, r)) => self.current[self.by_rank[r]].is_empty(),
            None => return,
        };
        for &p in &unassigned {
            if !self.topic_consumers[parts.topic_of[p]].is_empty() {
                self.maybe_assign_partition(p);
            }
        }

        // Only topics with two or more potential consumers can move.
        let movable: Vec<bool> = self.topic_consumers.iter().map(|c| c.len() >= 2).collect();
        self.sorted_all.retain(|&p| movable[parts.topic_of[p]]);
        unassigned.retain(|&p| movable[parts.topic_of[p]]);
        // Only members that can gain or give up a partition take part.
        for m in 0..self.current.len() {
            if !self.can_participate(m) {
                let key = self.key(m);
                self.sorted.remove(&key);
                self.active[m] = false;
            }
        }

        let pre_balance = self.current.clone();
        let pre_balance_owner = self.owner.clone();
        if !self.revocation_required {
            // First try to balance by moving only newly added partitions.
            self.perform_reassignments(&unassigned);
        }
        let sorted_all = std::mem::take(&mut self.sorted_all);
        let performed = self.perform_reassignments(&sorted_all);
        self.sorted_all = sorted_all;

        if !initializing && performed && self.balance_score(&self.current) >= self.balance_score(&pre_balance) {
            self.current = pre_balance;
            self.owner = pre_balance_owner;
        }
        self.active.iter_mut().for_each(|a| *a = true);
    }

    /// `getBalanceScore`: the sum over member pairs of the difference in sizes.
    fn balance_score(&self, assignment: &[Vec<usize>]) -> usize {
        let sizes: Vec<usize> =
            (0..assignment.len()).filter(|&m| self.active[m]).map(|m| assignment[m].len()).collect();
        let mut score = 0;
        for (i, a) in sizes.iter().enumerate() {
            for b in &sizes[i + 1..] {
                score += a.abs_diff(*b);
            }
        }
        score
    }

    /// `isBalanced`: sizes differ by at most one, or no member that could take
    /// more could take one from a member with two or more partitions more.
    fn is_balanced(&self) -> bool {
        let (Some(&(min, _)), Some(&(max, _))) = (self.sorted.first(), self.sorted.last()) else {
            return true;
        };
        if min + 1 >= max {
            return true;
        }
        let parts = &self.ctx.parts;
        for &(size, rank) in self.sorted.iter() {
            let m = self.by_rank[rank];
            if size == self.max_size[m] {
                continue;
            }
            for &t in &self.consumer_topics[m] {
                for p in parts.range_of(t) {
                    // A partition this member lacks, held by a member with two
                    // or more partitions more. (An unowned partition or a
                    // set-aside owner cannot occur here.)
                    if let Some(o) = self.owner[p] {
                        if o != m && self.active[o] && size + 1 < self.current[o].len() {
                            return false;
                        }
                    }
                }
            }
        }
        true
    }

    /// `performReassignments`
    fn perform_reassignments(&mut self, partitions: &[usize]) -> bool {
        let mut performed = false;
        loop {
            let mut modified = false;
            for &p in partitions {
                if self.is_balanced() {
                    break;
                }
                let Some(consumer) = self.owner[p] else {
                    continue;
                };
                let size = self.current[consumer].len();
                if let Some((previous, _)) = self.prev[p] {
                    // Kafka dereferences the previous owner's assignment without a
                    // check; when that member was set aside as fixed it throws a
                    // NullPointerException. We skip the shortcut instead.
                    if self.active[previous] && size > self.current[previous].len() + 1 {
                        self.reassign_to(p, previous);
                        performed = true;
                        modified = true;
                        continue;
                    }
                }
                let topic = self.ctx.parts.topic_of[p];
                let better_exists = self.topic_consumers[topic]
                    .iter()
                    .any(|&other| self.active[other] && size > self.current[other].len() + 1);
                if better_exists {
                    self.reassign(p);
                    performed = true;
                    modified = true;
                }
            }
            if !modified {
                return performed;
            }
        }
    }

    /// `reassignPartition(partition)`: to the least-loaded eligible member.
    fn reassign(&mut self, p: usize) {
        let topic = self.ctx.parts.topic_of[p];
        let new = self.sorted.iter().map(|&(_, r)| self.by_rank[r]).find(|&m| self.subscribes[m][topic]);
        if let Some(new) = new {
            self.reassign_to(p, new);
        }
    }

    /// `reassignPartition(partition, newConsumer)`
    fn reassign_to(&mut self, p: usize, new: usize) {
        let Some(old) = self.owner[p] else { return };
        let actual = self.movements.actual_partition_to_move(&self.ctx.parts, p, old, new);
        self.process_partition_movement(actual, new);
    }

    /// `processPartitionMovement`
    fn process_partition_movement(&mut self, p: usize, new: usize) {
        let Some(old) = self.owner[p] else { return };
        let (old_key, new_key) = (self.key(old), self.key(new));
        self.sorted.remove(&old_key);
        self.sorted.remove(&new_key);
        self.movements.move_partition(&self.ctx.parts, p, old, new);
        remove_first(&mut self.current[old], p);
        self.current[new].push(p);
        self.owner[p] = Some(new);
        let (old_key, new_key) = (self.key(old), self.key(new));
        self.sorted.insert(new_key);
        self.sorted.insert(old_key);
    }
}

/// `prepopulateCurrentAssignments`: partitions members of older generations
/// (or without a generation, once some member has one) reported, keeping for
/// each partition the newest such claim; ties keep the first in HashMap order.
fn prepopulate_previous_assignments(ctx: &Context, max_generation: i32) -> Vec<Option<(usize, i32)>> {
    let mut prev: Vec<Option<(usize, i32)>> = vec![None; ctx.parts.total];
    for &m in &ctx.hash_order {
        let generation = match ctx.generation[m] {
            Some(g) if g < max_generation => g,
            None if max_generation > DEFAULT_GENERATION => DEFAULT_GENERATION,
            _ => continue,
        };
        for p in ctx.members[m].owned.iter().filter_map(|tp| ctx.parts.id(tp)) {
            match prev[p] {
                Some((_, existing)) if generation <= existing => {}
                _ => prev[p] = Some((m, generation)),
            }
        }
    }
    prev
}
