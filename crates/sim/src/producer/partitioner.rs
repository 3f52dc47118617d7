//! Partitioners: which partition a record goes to.
//!
//! One [`Partitioner`] is the state a single producer keeps for a single topic.
//! It models the Java client as of Kafka 3.3 and later:
//!
//! * [`PartitionerKind::Default`] is the producer with no `partitioner.class`
//!   (`KafkaProducer.partition` + `BuiltInPartitioner`, KIP-794). A keyed record
//!   goes to `toPositive(murmur2(key)) % numPartitions`. A record without a key
//!   (or any record when `partitioner.ignore.keys=true`) goes to the current
//!   *sticky* partition; the producer counts the bytes it appended there and,
//!   once they reach `batch.size`, picks the next sticky partition at random —
//!   weighted towards partitions with shorter accumulator queues when
//!   `partitioner.adaptive.partitioning.enable=true`.
//! * [`PartitionerKind::UniformSticky`] is the deprecated
//!   `org.apache.kafka.clients.producer.UniformStickyPartitioner` (KIP-480,
//!   `StickyPartitionCache`): keys are ignored, the sticky partition moves when a
//!   record needs a new batch, and the new partition is never the old one when
//!   another one is available.
//! * [`PartitionerKind::RoundRobin`] is
//!   `org.apache.kafka.clients.producer.RoundRobinPartitioner`: one counter per
//!   topic walks over the partitions that have a leader, keys are ignored. The
//!   model is the fixed behaviour (KAFKA-17632, Kafka 3.9.2 / 4.0): the counter
//!   moves once per record even when the record opens a new batch.
//! * [`PartitionerKind::Custom`] is this simulator's teaching partitioner: a list
//!   of key-prefix rules, each naming the partitions its records may use.
//!
//! # What the caller tells the partitioner
//!
//! * `queue_bytes[p]`: bytes waiting in this producer's accumulator for
//!   partition `p`. Kafka's adaptive logic weighs partitions by their queue
//!   length in *batches* (`deque.size()` in `RecordAccumulator.partitionReady`);
//!   the model converts bytes to batches as `ceil(bytes / batch.size)`. An empty
//!   or short slice means "nothing queued" for the missing partitions.
//! * [`Partitioner::set_availability`]: a partition without a leader
//!   ([`Availability::NoLeader`], left out of `Cluster.availablePartitionsForTopic`)
//!   or whose leader has not drained it for `partitioner.availability.timeout.ms`
//!   ([`Availability::Slow`], left out of the adaptive table only).
//! * Optionally a [`BatchView`] ([`Partitioner::choose_with_batches`]): what the
//!   accumulator knows about the partition's open batch. Without one the model
//!   assumes the records since the last switch fill one batch of their own
//!   (see [`Partitioner::choose`]).
//!
//! # Where the model approximates Kafka
//!
//! * Kafka recomputes the adaptive table in the sender thread
//!   (`RecordAccumulator.ready`) and the partitioner uses the latest table when it
//!   switches; here the table is computed at the moment of the switch from the
//!   `queue_bytes` passed to that call.
//! * Queue length in batches is derived from bytes (above).
//! * Kafka draws from `ThreadLocalRandom`; here every draw comes from the
//!   simulation's [`SimRng`], reduced exactly like Java does
//!   (`Utils.toPositive(nextInt()) % n`).
//! * Kafka lists available partitions in metadata order; the model uses
//!   ascending partition ids.
//! * "Every partition already has a deque" (the adaptive precondition in
//!   `partitionReady`) is tracked from the records this partitioner placed;
//!   records sent to an explicit partition never reach it.
//!
//! `choose` allocates nothing: it is on the simulator's hot path.

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::murmur2::{murmur2, to_positive};
use crate::rng::SimRng;

// ---------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------

/// Which partitioner a producer uses (Kafka's `partitioner.class`).
///
/// In JSON: `"default"`, `"uniform-sticky"`, `"round-robin"` or
/// `{"custom": [{"key_prefix": "vip-", "partitions": [0, 1]}, {"partitions": [2]}]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PartitionerKind {
    /// No `partitioner.class`: the built-in partitioner (`BuiltInPartitioner`, KIP-794).
    #[default]
    Default,
    /// `UniformStickyPartitioner` (KIP-480): sticky per batch, keys ignored.
    UniformSticky,
    /// `RoundRobinPartitioner`: one record per partition in turn, keys ignored.
    RoundRobin,
    /// Key-prefix rules; the first matching rule decides (see [`CustomRule`]).
    Custom(Vec<CustomRule>),
}

/// One rule of the custom partitioner.
///
/// A keyed record uses the first rule whose `key_prefix` starts its key (a rule
/// without a prefix matches every key) and goes to
/// `partitions[toPositive(murmur2(key)) % partitions.len()]`. A record without a
/// key only matches a rule without a prefix (a catch-all) and sticks to one of
/// that rule's partitions until `batch.size` bytes were produced to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomRule {
    /// Byte prefix of the key (compared on the UTF-8 bytes); `None` = catch-all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_prefix: Option<String>,
    /// The partitions this rule's records may go to (order matters for keyed records).
    pub partitions: Vec<u32>,
}

impl CustomRule {
    /// Does this rule take a record with this key (`None` = no key)?
    pub fn matches(&self, key: Option<&[u8]>) -> bool {
        match (&self.key_prefix, key) {
            (None, _) => true,
            (Some(prefix), Some(key)) => key.starts_with(prefix.as_bytes()),
            (Some(_), None) => false,
        }
    }
}

/// The producer settings partitioners read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PartitionerSettings {
    /// `batch.size` in bytes (default 16384). Like `KafkaProducer`, 0 is treated as 1.
    pub batch_size: u32,
    /// `partitioner.adaptive.partitioning.enable` (default true). Only the
    /// built-in partitioner uses it.
    pub adaptive: bool,
    /// `partitioner.ignore.keys` (default false). Only the built-in partitioner
    /// uses it: with `true`, keyed records are placed like records without a key.
    pub ignore_keys: bool,
}

impl Default for PartitionerSettings {
    fn default() -> Self {
        Self { batch_size: 16_384, adaptive: true, ignore_keys: false }
    }
}

impl PartitionerKind {
    /// Checks a custom partitioner against the topic's partition count. The
    /// other kinds always pass. `field` is the path of this setting in the
    /// configuration (e.g. `producers[0].partitioner`).
    pub fn validate(&self, num_partitions: u32, field: impl Into<FieldPath>) -> Result<(), SimError> {
        let PartitionerKind::Custom(rules) = self else {
            return Ok(());
        };
        let custom = field.into().field("custom");
        let bad = |path: FieldPath, reason| Err(SimError::new(ErrorCode::InvalidConfig, path, reason));
        let Some(last) = rules.len().checked_sub(1) else {
            return bad(custom, ErrorReason::CustomNoRules);
        };
        for (i, rule) in rules.iter().enumerate() {
            if rule.partitions.is_empty() {
                return bad(
                    custom.clone().index(i).field("partitions"),
                    ErrorReason::RuleWithoutPartitions { rule: i },
                );
            }
            for (j, &partition) in rule.partitions.iter().enumerate() {
                if partition >= num_partitions {
                    return bad(
                        custom.clone().index(i).item("partitions", j),
                        ErrorReason::RulePartitionOutOfRange { rule: i, partition, partitions: num_partitions },
                    );
                }
            }
        }
        if rules[last].key_prefix.is_some() {
            return bad(custom.index(last).field("key_prefix"), ErrorReason::LastRuleHasKeyPrefix { rule: last });
        }
        Ok(())
    }
}

/// `BuiltInPartitioner.partitionForKey`: the partition of a keyed record.
pub fn partition_for_key(key: &[u8], num_partitions: u32) -> u32 {
    partition_for_hash(murmur2(key), num_partitions)
}

/// [`partition_for_key`] given the key's murmur2 hash.
fn partition_for_hash(murmur2: i32, num_partitions: u32) -> u32 {
    to_positive(murmur2) as u32 % num_partitions.max(1)
}

// ---------------------------------------------------------------------------
// What the caller reports
// ---------------------------------------------------------------------------

/// How the producer currently sees one partition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Availability {
    /// Has a leader and nothing unusual.
    #[default]
    Available,
    /// No known leader: not in `Cluster.availablePartitionsForTopic`, so no
    /// partitioner picks it at random (keyed records still hash to it).
    NoLeader,
    /// The leader has not drained this partition for longer than
    /// `partitioner.availability.timeout.ms`: the built-in adaptive partitioner
    /// leaves it out of its table while it has queued batches
    /// (`RecordAccumulator.partitionReady`). Nothing else treats it specially.
    Slow,
}

/// What the producer's accumulator knows about a partition's batches, for a
/// caller that models batches itself ([`Partitioner::choose_with_batches`]).
pub trait BatchView {
    /// `RecordAccumulator.allBatchesFull`: after `extra_bytes` more bytes are
    /// appended to `partition` (0 = as it is now), is its queue empty or its last
    /// batch full?
    fn all_batches_full(&self, partition: u32, extra_bytes: u32) -> bool;

    /// Would appending a record of `bytes` bytes to `partition` have to open a new
    /// batch (the queue is empty, or the last batch is full or has no room)?
    fn needs_new_batch(&self, partition: u32, bytes: u32) -> bool;
}

// ---------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------

/// Where a record goes and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub partition: u32,
    pub reason: DecisionReason,
}

/// Everything needed to explain a [`Decision`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DecisionReason {
    /// Built-in partitioner, keyed record:
    /// `partition = to_positive % modulo`, `to_positive = murmur2 & 0x7fffffff`.
    Keyed { murmur2: i32, to_positive: i32, modulo: u32 },
    /// Built-in partitioner, record without a key (or `keys_ignored` because of
    /// `partitioner.ignore.keys`): the sticky partition.
    Sticky { keys_ignored: bool, sticky: StickyInfo },
    /// `UniformStickyPartitioner`. `previous` is set when this record needed a new
    /// batch and the sticky partition moved away from `previous`; `pick` says how
    /// the partition was drawn when it was drawn for this record.
    UniformSticky { previous: Option<u32>, batch_bytes: u32, batch_size: u32, pick: Option<Pick> },
    /// `RoundRobinPartitioner`: the `counter`-th record (counter masked with
    /// `0x7fffffff`) goes to available partition number `counter % candidates`
    /// (or to partition `counter % candidates` of all partitions when
    /// `none_available`).
    RoundRobin { counter: u32, candidates: u32, none_available: bool },
    /// Custom partitioner, keyed record matched by rule `rule`:
    /// `partition = rule.partitions[index]`, `index = to_positive % set_len`.
    CustomKeyed { rule: u32, murmur2: i32, to_positive: i32, set_len: u32, index: u32 },
    /// Custom partitioner, record without a key: sticky within the partitions of
    /// catch-all rule `rule`.
    CustomSticky { rule: u32, set_len: u32, sticky: StickyInfo },
}

/// The state of a sticky run (built-in partitioner and custom catch-all).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StickyInfo {
    /// Bytes produced to the sticky partition in this run, this record included.
    pub batch_bytes: u32,
    /// `batch.size`: the run ends once `batch_bytes` reaches it.
    pub batch_size: u32,
    /// Set when this record starts a run: how its partition was drawn.
    pub picked: Option<Pick>,
    /// Set when this record ends the run: the partition the next record without a
    /// key will go to, and how it was drawn.
    pub switched_to: Option<Pick>,
    /// `batch_bytes >= batch_size` but the switch waits because the partition's
    /// last batch is not full yet (`updatePartitionInfo` with switching disabled;
    /// it happens at the latest at twice `batch.size`). Only with a [`BatchView`].
    pub switch_held: bool,
}

/// A random choice of the next sticky partition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Pick {
    pub partition: u32,
    pub how: PickHow,
}

/// How a [`Pick`] was drawn. `random` is the non-negative 31-bit draw
/// (`Utils.toPositive(nextInt())`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PickHow {
    /// Uniform among the `candidates` partitions that have a leader (in
    /// ascending order): the chosen one is number `random % candidates`.
    Uniform { random: u32, candidates: u32 },
    /// No candidate has a leader: partition number `random % partitions` among
    /// all candidates.
    NoneAvailable { random: u32, partitions: u32 },
    /// KIP-794 adaptive choice. Each partition in the table gets weight
    /// `max_queue_batches + 1 - its queue length in batches`; the chosen one had
    /// `weight` out of `total_weight` and `queue_batches` queued batches.
    Adaptive { random: u32, weight: u64, total_weight: u64, queue_batches: u32, max_queue_batches: u32 },
    /// Only one partition has a leader (`StickyPartitionCache`): no draw.
    Only,
}

// ---------------------------------------------------------------------------
// The partitioner
// ---------------------------------------------------------------------------

/// One producer's partitioner for one topic.
#[derive(Clone, Debug, PartialEq)]
pub struct Partitioner {
    kind: PartitionerKind,
    settings: PartitionerSettings,
    /// Index of the first custom rule without a prefix (where keyless records go).
    catch_all: Option<u32>,
    state: State,
}

/// The sticky partition and how many bytes were produced to it in this run
/// (`BuiltInPartitioner.StickyPartitionInfo`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct StickyRun {
    partition: u32,
    produced: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct State {
    /// The partition count of the last call.
    num_partitions: u32,
    /// Indexed by partition; missing entries are `Available`.
    availability: Vec<Availability>,
    /// How many partitions below `num_partitions` are `NoLeader`.
    no_leader: u32,
    /// `touched[p]`: this producer already appended to `p` (Kafka has a deque for it).
    touched: Vec<bool>,
    touched_count: u32,
    sticky: Option<StickyRun>,
    /// `RoundRobinPartitioner`'s per-topic counter.
    round_robin: u32,
}

/// The partitions a random pick may land on.
#[derive(Clone, Copy)]
enum Members<'a> {
    All,
    Set(&'a [u32]),
}

/// The per-call inputs the sticky logic needs.
#[derive(Clone, Copy)]
struct Call<'a> {
    record_bytes: u32,
    queue_bytes: &'a [u64],
    batch_size: u32,
    batches: Option<&'a dyn BatchView>,
}

impl Partitioner {
    pub fn new(kind: PartitionerKind, settings: PartitionerSettings) -> Self {
        let catch_all = match &kind {
            PartitionerKind::Custom(rules) => rules.iter().position(|rule| rule.key_prefix.is_none()).map(|i| i as u32),
            _ => None,
        };
        // KafkaProducer: "batch.size may be set to 0 ... which in practice means a
        // batch size of 1" (and BuiltInPartitioner rejects a sticky batch size < 1).
        let settings = PartitionerSettings { batch_size: settings.batch_size.max(1), ..settings };
        Self { kind, settings, catch_all, state: State::default() }
    }

    pub fn kind(&self) -> &PartitionerKind {
        &self.kind
    }

    /// The settings in use (`batch_size` already raised to at least 1).
    pub fn settings(&self) -> PartitionerSettings {
        self.settings
    }

    /// Marks how the producer sees `partition` from now on.
    pub fn set_availability(&mut self, partition: u32, availability: Availability) {
        let index = partition as usize;
        if index >= self.state.availability.len() {
            if availability == Availability::Available {
                return;
            }
            self.state.availability.resize(index + 1, Availability::Available);
        }
        self.state.availability[index] = availability;
        self.state.recount_no_leader();
    }

    pub fn availability(&self, partition: u32) -> Availability {
        self.state.availability_of(partition)
    }

    /// The current sticky partition (built-in, uniform-sticky and custom
    /// catch-all), if one was picked yet.
    pub fn sticky_partition(&self) -> Option<u32> {
        self.state.sticky.map(|run| run.partition)
    }

    /// Bytes produced to the current sticky partition in this run.
    pub fn sticky_bytes(&self) -> u32 {
        self.state.sticky.map_or(0, |run| run.produced)
    }

    /// Chooses the partition of one record of `record_bytes` bytes (`key: None`
    /// is a record without a key; `Some(b"")` is an empty key and is hashed).
    ///
    /// Without a [`BatchView`] the model assumes the bytes produced since the
    /// last switch fill a batch of their own: the built-in partitioner switches
    /// right after the record that brings the run to `batch.size` bytes (as Kafka
    /// does when the sticky partition's queue was empty when the run began, e.g.
    /// with `linger.ms=0`), and the uniform-sticky partitioner moves when the next
    /// record would not fit into `batch.size` any more.
    pub fn choose(
        &mut self,
        key: Option<&[u8]>,
        record_bytes: u32,
        num_partitions: u32,
        queue_bytes: &[u64],
        rng: &mut SimRng,
    ) -> Decision {
        self.decide(key, record_bytes, num_partitions, queue_bytes, None, rng)
    }

    /// [`Partitioner::choose`]'s partition, without building the explanation when
    /// that is cheap to skip (a keyed record under the built-in partitioner is
    /// only its hash; a keyless one that stays in its sticky run is the run's
    /// partition); the partitioner's state moves exactly as with `choose`. A key
    /// comes with its murmur2 hash (callers cache it).
    pub fn choose_partition(
        &mut self,
        key: Option<(&[u8], i32)>,
        record_bytes: u32,
        num_partitions: u32,
        queue_bytes: &[u64],
        rng: &mut SimRng,
    ) -> u32 {
        if matches!(self.kind, PartitionerKind::Default) {
            let n = num_partitions.max(1);
            self.state.sync(n);
            let fast = match key {
                Some((key, hash)) if !self.settings.ignore_keys => {
                    debug_assert_eq!(hash, murmur2(key), "the key's murmur2");
                    Some(partition_for_hash(hash, n))
                }
                _ => self.state.sticky_continues(record_bytes, self.settings.batch_size),
            };
            if let Some(partition) = fast {
                self.state.touch(partition);
                return partition;
            }
        }
        self.choose(key.map(|(key, _)| key), record_bytes, num_partitions, queue_bytes, rng).partition
    }

    /// Like [`Partitioner::choose`], but asks `batches` about the real batches:
    /// the built-in partitioner then holds a switch back while the sticky
    /// partition's last batch is not full (up to twice `batch.size`, see
    /// `BuiltInPartitioner.updatePartitionInfo`) and completes it once the batches
    /// are full or sent (`RecordAccumulator.partitionChanged`); the uniform-sticky
    /// partitioner moves exactly when a record needs a new batch
    /// (`KafkaProducer.doSend`'s `abortOnNewBatch` / `onNewBatch`).
    pub fn choose_with_batches(
        &mut self,
        key: Option<&[u8]>,
        record_bytes: u32,
        num_partitions: u32,
        queue_bytes: &[u64],
        batches: &dyn BatchView,
        rng: &mut SimRng,
    ) -> Decision {
        self.decide(key, record_bytes, num_partitions, queue_bytes, Some(batches), rng)
    }

    fn decide(
        &mut self,
        key: Option<&[u8]>,
        record_bytes: u32,
        num_partitions: u32,
        queue_bytes: &[u64],
        batches: Option<&dyn BatchView>,
        rng: &mut SimRng,
    ) -> Decision {
        debug_assert!(num_partitions > 0, "a topic has at least one partition");
        let n = num_partitions.max(1);
        self.state.sync(n);
        let call = Call { record_bytes, queue_bytes, batch_size: self.settings.batch_size, batches };
        let decision = match &self.kind {
            PartitionerKind::Default => match key {
                Some(key) if !self.settings.ignore_keys => keyed(key, n),
                _ => {
                    let (partition, sticky) =
                        self.state.builtin_sticky(Members::All, self.settings.adaptive, call, rng);
                    let reason = DecisionReason::Sticky { keys_ignored: key.is_some(), sticky };
                    Decision { partition, reason }
                }
            },
            PartitionerKind::UniformSticky => self.state.uniform_sticky(call, rng),
            PartitionerKind::RoundRobin => self.state.round_robin(),
            PartitionerKind::Custom(rules) => match key {
                Some(key) => match rules.iter().position(|rule| rule.matches(Some(key))) {
                    Some(i) if !rules[i].partitions.is_empty() => custom_keyed(i as u32, &rules[i].partitions, key, n),
                    // Only a configuration that failed `validate` gets here.
                    _ => keyed(key, n),
                },
                None => match self.catch_all {
                    Some(rule) if !rules[rule as usize].partitions.is_empty() => {
                        let set = &rules[rule as usize].partitions;
                        let (partition, sticky) = self.state.builtin_sticky(Members::Set(set), false, call, rng);
                        let set_len = set.len() as u32;
                        Decision { partition, reason: DecisionReason::CustomSticky { rule, set_len, sticky } }
                    }
                    // Only a configuration that failed `validate` gets here.
                    _ => {
                        let (partition, sticky) = self.state.builtin_sticky(Members::All, false, call, rng);
                        Decision { partition, reason: DecisionReason::Sticky { keys_ignored: false, sticky } }
                    }
                },
            },
        };
        self.state.touch(decision.partition);
        decision
    }
}

fn keyed(key: &[u8], n: u32) -> Decision {
    let hash = murmur2(key);
    let positive = to_positive(hash);
    Decision {
        partition: positive as u32 % n,
        reason: DecisionReason::Keyed { murmur2: hash, to_positive: positive, modulo: n },
    }
}

fn custom_keyed(rule: u32, set: &[u32], key: &[u8], n: u32) -> Decision {
    let hash = murmur2(key);
    let positive = to_positive(hash);
    let set_len = set.len() as u32;
    let index = positive as u32 % set_len;
    // `validate` keeps every partition of a rule below the partition count; the
    // remainder only keeps an unvalidated configuration from leaving the topic.
    let partition = set[index as usize] % n;
    Decision {
        partition,
        reason: DecisionReason::CustomKeyed { rule, murmur2: hash, to_positive: positive, set_len, index },
    }
}

/// `Utils.toPositive(ThreadLocalRandom.current().nextInt())`.
fn random_positive(rng: &mut SimRng) -> u32 {
    to_positive(rng.next_u32() as i32) as u32
}

/// Queue length of `partition` in batches, from its queued bytes.
fn queue_batches(queue_bytes: &[u64], partition: u32, batch_size: u32) -> u32 {
    let bytes = queue_bytes.get(partition as usize).copied().unwrap_or(0);
    bytes.div_ceil(u64::from(batch_size)).min(u64::from(u32::MAX)) as u32
}

impl State {
    /// Adapts to the topic's partition count. Added partitions start without a
    /// deque (so adaptive partitioning waits for them, as `partitionReady` does)
    /// and the sticky partition stays put, as in Kafka.
    #[inline(always)]
    fn sync(&mut self, n: u32) {
        if n == self.num_partitions {
            return;
        }
        self.num_partitions = n;
        self.touched.resize(n as usize, false);
        self.touched_count = self.touched.iter().filter(|t| **t).count() as u32;
        if self.sticky.is_some_and(|run| run.partition >= n) {
            // Only possible if partitions disappeared, which Kafka never does.
            self.sticky = None;
        }
        self.recount_no_leader();
    }

    fn recount_no_leader(&mut self) {
        let n = self.num_partitions as usize;
        self.no_leader = self.availability.iter().take(n).filter(|a| **a == Availability::NoLeader).count() as u32;
    }

    fn availability_of(&self, partition: u32) -> Availability {
        self.availability.get(partition as usize).copied().unwrap_or_default()
    }

    fn has_leader(&self, partition: u32) -> bool {
        self.availability_of(partition) != Availability::NoLeader
    }

    #[inline(always)]
    fn touch(&mut self, partition: u32) {
        if let Some(touched) = self.touched.get_mut(partition as usize) {
            if !*touched {
                *touched = true;
                self.touched_count += 1;
            }
        }
    }

    /// How many members have a leader.
    fn available_count(&self, members: Members<'_>) -> u32 {
        let n = self.num_partitions;
        match members {
            Members::All => n - self.no_leader,
            Members::Set(set) => set.iter().filter(|&&p| p < n && self.has_leader(p)).count() as u32,
        }
    }

    /// The `k`-th member with a leader (`k < available_count`).
    fn nth_available(&self, members: Members<'_>, k: u32) -> u32 {
        let n = self.num_partitions;
        let found = match members {
            Members::All if self.no_leader == 0 => Some(k),
            Members::All => (0..n).filter(|&p| self.has_leader(p)).nth(k as usize),
            Members::Set(set) => set.iter().copied().filter(|&p| p < n && self.has_leader(p)).nth(k as usize),
        };
        found.unwrap_or(0)
    }

    /// A uniform pick among the members with a leader, or among all members when
    /// none has one (`BuiltInPartitioner.nextPartition` without load stats).
    fn uniform_pick(&self, members: Members<'_>, random: u32) -> Pick {
        let n = self.num_partitions;
        let available = self.available_count(members);
        if available > 0 {
            let partition = self.nth_available(members, random % available);
            return Pick { partition, how: PickHow::Uniform { random, candidates: available } };
        }
        let (partition, partitions) = match members {
            Members::Set(set) => {
                let existing = set.iter().filter(|&&p| p < n).count() as u32;
                if existing > 0 {
                    let k = (random % existing) as usize;
                    (set.iter().copied().filter(|&p| p < n).nth(k).unwrap_or(0), existing)
                } else {
                    (random % n, n)
                }
            }
            Members::All => (random % n, n),
        };
        Pick { partition, how: PickHow::NoneAvailable { random, partitions } }
    }

    /// KIP-794's weighted pick (`updatePartitionLoadStats` + `nextPartition`), or
    /// `None` when Kafka would have no load stats and pick uniformly.
    fn adaptive_pick(&self, random: u32, queue_bytes: &[u64], batch_size: u32) -> Option<Pick> {
        let n = self.num_partitions;
        // partitionReady builds stats only once every partition has a deque, and
        // updatePartitionLoadStats skips topics with fewer than two partitions.
        if n < 2 || self.touched_count < n {
            return None;
        }
        let in_table = |p: u32, queue: u32| -> bool {
            match self.availability_of(p) {
                Availability::Available => true,
                Availability::NoLeader => false,
                // partitionReady only checks latency for partitions with queued batches.
                Availability::Slow => queue == 0,
            }
        };
        let mut length = 0u32;
        let mut first: Option<u32> = None;
        let mut all_equal = true;
        let mut max = 0u32;
        let mut sum = 0u64;
        for p in 0..n {
            let queue = queue_batches(queue_bytes, p, batch_size);
            if !in_table(p, queue) {
                continue;
            }
            length += 1;
            match first {
                None => first = Some(queue),
                Some(q) if q != queue => all_equal = false,
                Some(_) => {}
            }
            max = max.max(queue);
            sum += u64::from(queue);
        }
        if length == 0 || (all_equal && length == n) {
            return None;
        }
        // Weights are `max + 1 - queue`; their running sum is Kafka's cumulative
        // frequency table, and the pick is the first entry above `random % total`.
        let max_plus_1 = u64::from(max) + 1;
        let total = u64::from(length) * max_plus_1 - sum;
        let target = u64::from(random) % total;
        let mut cumulative = 0u64;
        for p in 0..n {
            let queue = queue_batches(queue_bytes, p, batch_size);
            if !in_table(p, queue) {
                continue;
            }
            let weight = max_plus_1 - u64::from(queue);
            cumulative += weight;
            if cumulative > target {
                let how = PickHow::Adaptive {
                    random,
                    weight,
                    total_weight: total,
                    queue_batches: queue,
                    max_queue_batches: max,
                };
                return Some(Pick { partition: p, how });
            }
        }
        None
    }

    /// `BuiltInPartitioner.nextPartition`.
    fn next_builtin(&self, members: Members<'_>, adaptive: bool, call: Call<'_>, rng: &mut SimRng) -> Pick {
        let random = random_positive(rng);
        if adaptive && matches!(members, Members::All) {
            if let Some(pick) = self.adaptive_pick(random, call.queue_bytes, call.batch_size) {
                return pick;
            }
        }
        self.uniform_pick(members, random)
    }

    /// [`State::builtin_sticky`] without a [`BatchView`] for a record that neither
    /// starts nor ends the sticky run (it stays below `batch_size`): the run grows
    /// by `record_bytes` and its partition is the answer. `None` for any other
    /// record, which needs the full logic.
    #[inline(always)]
    fn sticky_continues(&mut self, record_bytes: u32, batch_size: u32) -> Option<u32> {
        let run = self.sticky.as_mut()?;
        let produced = run.produced.saturating_add(record_bytes);
        if produced >= batch_size {
            return None;
        }
        run.produced = produced;
        Some(run.partition)
    }

    /// The built-in sticky logic: `peekCurrentPartitionInfo`, the accumulator's
    /// `partitionChanged` check, the append, then `updatePartitionInfo`.
    fn builtin_sticky(
        &mut self,
        members: Members<'_>,
        adaptive: bool,
        call: Call<'_>,
        rng: &mut SimRng,
    ) -> (u32, StickyInfo) {
        let batch_size = call.batch_size;
        let mut picked = None;
        let mut run = match self.sticky {
            Some(run) => run,
            None => {
                let pick = self.next_builtin(members, adaptive, call, rng);
                picked = Some(pick);
                StickyRun { partition: pick.partition, produced: 0 }
            }
        };
        // A switch held back earlier completes once the batches are full.
        if let Some(batches) = call.batches {
            if run.produced >= batch_size && batches.all_batches_full(run.partition, 0) {
                let pick = self.next_builtin(members, adaptive, call, rng);
                picked = Some(pick);
                run = StickyRun { partition: pick.partition, produced: 0 };
            }
        }

        run.produced = run.produced.saturating_add(call.record_bytes);
        self.touch(run.partition);
        let enable_switch = call.batches.is_none_or(|b| b.all_batches_full(run.partition, call.record_bytes));
        let produced = u64::from(run.produced);
        let limit = u64::from(batch_size);
        let switch = (produced >= limit && enable_switch) || produced >= 2 * limit;

        let switched_to = if switch {
            let pick = self.next_builtin(members, adaptive, call, rng);
            self.sticky = Some(StickyRun { partition: pick.partition, produced: 0 });
            Some(pick)
        } else {
            self.sticky = Some(run);
            None
        };
        let info = StickyInfo {
            batch_bytes: run.produced,
            batch_size,
            picked,
            switched_to,
            switch_held: produced >= limit && !switch,
        };
        (run.partition, info)
    }

    /// `StickyPartitionCache.nextPartition`: a new sticky partition, different
    /// from `old` whenever another partition has a leader.
    fn cache_next(&self, old: Option<u32>, rng: &mut SimRng) -> Pick {
        let n = self.num_partitions;
        let available = self.available_count(Members::All);
        match available {
            0 => {
                let random = random_positive(rng);
                Pick { partition: random % n, how: PickHow::NoneAvailable { random, partitions: n } }
            }
            1 => Pick { partition: self.nth_available(Members::All, 0), how: PickHow::Only },
            _ => loop {
                let random = random_positive(rng);
                let partition = self.nth_available(Members::All, random % available);
                if Some(partition) != old {
                    break Pick { partition, how: PickHow::Uniform { random, candidates: available } };
                }
            },
        }
    }

    /// `UniformStickyPartitioner` as driven by `KafkaProducer.doSend`.
    fn uniform_sticky(&mut self, call: Call<'_>, rng: &mut SimRng) -> Decision {
        let batch_size = call.batch_size;
        let mut pick = None;
        let mut run = match self.sticky {
            Some(run) => run,
            None => {
                let first = self.cache_next(None, rng);
                pick = Some(first);
                StickyRun { partition: first.partition, produced: 0 }
            }
        };
        let needs_new_batch = match call.batches {
            Some(batches) => batches.needs_new_batch(run.partition, call.record_bytes),
            None => {
                run.produced > 0
                    && (run.produced >= batch_size || run.produced.saturating_add(call.record_bytes) > batch_size)
            }
        };
        let mut previous = None;
        if needs_new_batch {
            // The append aborts, onNewBatch moves the sticky partition, and the
            // record is placed again.
            let next = self.cache_next(Some(run.partition), rng);
            previous = Some(run.partition);
            pick = Some(next);
            run = StickyRun { partition: next.partition, produced: 0 };
        }
        run.produced = run.produced.saturating_add(call.record_bytes);
        self.sticky = Some(run);
        Decision {
            partition: run.partition,
            reason: DecisionReason::UniformSticky { previous, batch_bytes: run.produced, batch_size, pick },
        }
    }

    /// `RoundRobinPartitioner.partition`.
    fn round_robin(&mut self) -> Decision {
        let n = self.num_partitions;
        let counter = to_positive(self.round_robin as i32) as u32;
        self.round_robin = self.round_robin.wrapping_add(1);
        let available = self.available_count(Members::All);
        let (partition, candidates, none_available) = if available > 0 {
            (self.nth_available(Members::All, counter % available), available, false)
        } else {
            (counter % n, n, true)
        };
        Decision { partition, reason: DecisionReason::RoundRobin { counter, candidates, none_available } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIP_JSON: &str =
        r#"{"custom": [{"key_prefix": "vip-", "partitions": [0,1,2,3,4,5,6,7]}, {"partitions": [8, 9]}]}"#;

    fn settings(batch_size: u32, adaptive: bool) -> PartitionerSettings {
        PartitionerSettings { batch_size, adaptive, ignore_keys: false }
    }

    fn sticky_of(decision: &Decision) -> StickyInfo {
        match decision.reason {
            DecisionReason::Sticky { sticky, .. } | DecisionReason::CustomSticky { sticky, .. } => sticky,
            other => panic!("expected a sticky decision, got {other:?}"),
        }
    }

    fn vip_rules() -> PartitionerKind {
        PartitionerKind::Custom(vec![
            CustomRule { key_prefix: Some("vip-".to_string()), partitions: (0..8).collect() },
            CustomRule { key_prefix: None, partitions: vec![8, 9] },
        ])
    }

    // -- configuration ----------------------------------------------------

    #[test]
    fn kinds_parse_from_json() {
        assert_eq!(json::from_str::<PartitionerKind>(r#""default""#).unwrap(), PartitionerKind::Default);
        assert_eq!(json::from_str::<PartitionerKind>(r#""uniform-sticky""#).unwrap(), PartitionerKind::UniformSticky);
        assert_eq!(json::from_str::<PartitionerKind>(r#""round-robin""#).unwrap(), PartitionerKind::RoundRobin);
        assert_eq!(json::from_str::<PartitionerKind>(VIP_JSON).unwrap(), vip_rules());
        assert_eq!(PartitionerKind::default(), PartitionerKind::Default);
    }

    #[test]
    fn unknown_kinds_and_rule_fields_are_rejected_by_serde() {
        let err = json::from_str::<PartitionerKind>(r#""sticky""#).unwrap_err();
        assert!(err.contains("unknown variant `sticky`"), "{err}");
        assert!(err.contains("`uniform-sticky`"), "the message lists the valid names: {err}");

        let err =
            json::from_str::<PartitionerKind>(r#"{"custom": [{"prefix": "vip-", "partitions": [0]}]}"#).unwrap_err();
        assert!(err.contains("unknown field `prefix`"), "{err}");
        assert!(err.contains("`key_prefix`"), "{err}");

        let err = json::from_str::<PartitionerKind>(r#"{"custom": [{"key_prefix": "a"}]}"#).unwrap_err();
        assert!(err.contains("missing field `partitions`"), "{err}");

        let err = json::from_str::<PartitionerKind>(r#""custom""#).unwrap_err();
        assert!(err.contains("newtype variant"), "{err}");
    }

    #[test]
    fn settings_default_to_the_kafka_producer_defaults_and_parse() {
        let d = PartitionerSettings::default();
        assert_eq!((d.batch_size, d.adaptive, d.ignore_keys), (16_384, true, false));
        let s: PartitionerSettings = json::from_str(r#"{"ignore_keys": true}"#).unwrap();
        assert_eq!(s, PartitionerSettings { ignore_keys: true, ..d });
        let err = json::from_str::<PartitionerSettings>(r#"{"linger_ms": 5}"#).unwrap_err();
        assert!(err.contains("unknown field `linger_ms`"), "{err}");
    }

    /// `choose_partition` is `choose` without the explanation: same partitions,
    /// same state, same random draws, for every kind, keyed and keyless records,
    /// runs that end and partitions without a leader.
    #[test]
    fn choose_partition_matches_choose() {
        let kinds =
            [PartitionerKind::Default, PartitionerKind::UniformSticky, PartitionerKind::RoundRobin, vip_rules()];
        let all_settings = [
            settings(100, true),
            settings(100, false),
            settings(1, true),
            PartitionerSettings { ignore_keys: true, ..settings(250, true) },
        ];
        for kind in kinds {
            for s in all_settings {
                let (mut full, mut fast) = (Partitioner::new(kind.clone(), s), Partitioner::new(kind.clone(), s));
                let (mut rng_full, mut rng_fast) = (SimRng::new(7), SimRng::new(7));
                let mut queued = vec![0u64; 10];
                for i in 0..2000u32 {
                    if i == 700 {
                        full.set_availability(3, Availability::NoLeader);
                        fast.set_availability(3, Availability::NoLeader);
                    }
                    let key = format!("{}{i}", if i % 3 == 0 { "vip-" } else { "k" });
                    let key = (i % 2 == 0).then_some(key.as_bytes());
                    let bytes = 20 + i % 37;
                    let p = full.choose(key, bytes, 10, &queued, &mut rng_full).partition;
                    let hashed = key.map(|k| (k, murmur2(k)));
                    assert_eq!(fast.choose_partition(hashed, bytes, 10, &queued, &mut rng_fast), p, "{kind:?} {i}");
                    assert_eq!(fast, full, "{kind:?} record {i}");
                    queued[p as usize] += u64::from(bytes);
                }
                assert_eq!(rng_fast.next_u64(), rng_full.next_u64(), "as many draws");
            }
        }
    }

    // -- validation -------------------------------------------------------

    #[test]
    fn validate_accepts_builtin_kinds_and_a_good_custom_list() {
        for kind in [PartitionerKind::Default, PartitionerKind::UniformSticky, PartitionerKind::RoundRobin] {
            assert_eq!(kind.validate(1, "p"), Ok(()));
        }
        assert_eq!(vip_rules().validate(10, "producers[0].partitioner"), Ok(()));
    }

    #[test]
    fn validate_rejects_an_empty_rule_list() {
        let err = PartitionerKind::Custom(vec![]).validate(10, "producers[0].partitioner").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig);
        assert_eq!(err.field, "producers[0].partitioner.custom");
        assert!(err.en().contains("no rules"), "{}", err.en());
        assert!(err.ko().contains("규칙이 하나도 없습니다"), "{}", err.ko());
    }

    #[test]
    fn validate_rejects_a_rule_without_partitions() {
        let kind = PartitionerKind::Custom(vec![
            CustomRule { key_prefix: Some("a".into()), partitions: vec![] },
            CustomRule { key_prefix: None, partitions: vec![0] },
        ]);
        let err = kind.validate(10, "p").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig);
        assert_eq!(err.field, "p.custom[0].partitions");
        assert!(err.en().starts_with("rule 0 lists no partitions"), "{}", err.en());
        assert!(err.ko().contains("규칙 0에 파티션이 하나도 없습니다"), "{}", err.ko());
    }

    #[test]
    fn validate_rejects_a_partition_the_topic_does_not_have() {
        let kind = PartitionerKind::Custom(vec![
            CustomRule { key_prefix: Some("a".into()), partitions: vec![0, 1] },
            CustomRule { key_prefix: None, partitions: vec![3, 12] },
        ]);
        let err = kind.validate(10, "p").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig);
        assert_eq!(err.field, "p.custom[1].partitions[1]");
        assert_eq!(err.en(), "rule 1 names partition 12 but the topic has 10 partitions (0-9)");
        assert_eq!(err.ko(), "규칙 1이 파티션 12를 가리키지만 이 토픽의 파티션은 10개(0-9)뿐입니다.");
        assert_eq!(err.code.name(), "INVALID_CONFIG");

        let one = PartitionerKind::Custom(vec![CustomRule { key_prefix: None, partitions: vec![1] }]);
        let err = one.validate(1, "p").unwrap_err();
        assert_eq!(err.en(), "rule 0 names partition 1 but the topic has 1 partition (0)");
    }

    #[test]
    fn validate_requires_the_last_rule_to_be_a_catch_all() {
        let kind = PartitionerKind::Custom(vec![
            CustomRule { key_prefix: None, partitions: vec![0] },
            CustomRule { key_prefix: Some("vip-".into()), partitions: vec![1] },
        ]);
        let err = kind.validate(10, "p").unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig);
        assert_eq!(err.field, "p.custom[1].key_prefix");
        assert!(err.en().contains("rule without key_prefix"), "{}", err.en());
        assert!(err.ko().contains("key_prefix 없는 규칙"), "{}", err.ko());
    }

    // -- keyed records ------------------------------------------------------

    /// `BuiltInPartitioner.partitionForKey` for many keys and partition counts.
    #[test]
    fn partition_for_key_is_to_positive_murmur2_mod_partitions() {
        let mut p = Partitioner::new(PartitionerKind::Default, PartitionerSettings::default());
        let mut rng = SimRng::new(1);
        for n in [1u32, 2, 3, 7, 10, 64] {
            for i in 0..500 {
                let key = format!("order-{i}");
                let hash = murmur2(key.as_bytes());
                let expected = (hash & 0x7fff_ffff) as u32 % n;
                let d = p.choose(Some(key.as_bytes()), 100, n, &[], &mut rng);
                assert_eq!(d.partition, expected);
                assert_eq!(partition_for_key(key.as_bytes(), n), expected);
                assert_eq!(
                    d.reason,
                    DecisionReason::Keyed { murmur2: hash, to_positive: hash & 0x7fff_ffff, modulo: n }
                );
            }
        }
        assert_eq!(p.sticky_partition(), None, "keyed records never touch the sticky state");
    }

    #[test]
    fn seoul_key_explains_its_partition() {
        let mut p = Partitioner::new(PartitionerKind::Default, PartitionerSettings::default());
        let d = p.choose(Some("서울".as_bytes()), 50, 10, &[], &mut SimRng::new(0));
        assert_eq!(d.partition, 4);
        assert_eq!(d.reason, DecisionReason::Keyed { murmur2: -2_063_068_724, to_positive: 84_414_924, modulo: 10 });
    }

    #[test]
    fn the_empty_key_is_hashed_not_treated_as_no_key() {
        let mut p = Partitioner::new(PartitionerKind::Default, PartitionerSettings::default());
        let d = p.choose(Some(b""), 50, 10, &[], &mut SimRng::new(0));
        assert_eq!(d.partition, 1);
        assert_eq!(d.reason, DecisionReason::Keyed { murmur2: 275_646_681, to_positive: 275_646_681, modulo: 10 });
    }

    /// Adding partitions re-maps keys: "key-3" is on partition 2 of 3 and on
    /// partition 3 of 4, while "key-0" stays on partition 1.
    #[test]
    fn adding_partitions_moves_some_keys() {
        let mut p = Partitioner::new(PartitionerKind::Default, PartitionerSettings::default());
        let mut rng = SimRng::new(0);
        assert_eq!(p.choose(Some(b"key-3"), 10, 3, &[], &mut rng).partition, 2);
        assert_eq!(p.choose(Some(b"key-3"), 10, 4, &[], &mut rng).partition, 3);
        assert_eq!(p.choose(Some(b"key-0"), 10, 3, &[], &mut rng).partition, 1);
        assert_eq!(p.choose(Some(b"key-0"), 10, 4, &[], &mut rng).partition, 1);
        let moved = (0..1000)
            .filter(|i| {
                let key = format!("key-{i}");
                partition_for_key(key.as_bytes(), 3) != partition_for_key(key.as_bytes(), 4)
            })
            .count();
        assert!((600..900).contains(&moved), "about 3/4 of the keys move, got {moved}");
    }

    /// `partitioner.ignore.keys=true` sends keyed records to the sticky partition.
    #[test]
    fn ignore_keys_makes_keyed_records_sticky() {
        let s = PartitionerSettings { ignore_keys: true, ..PartitionerSettings::default() };
        let mut p = Partitioner::new(PartitionerKind::Default, s);
        let mut rng = SimRng::new(3);
        let first = p.choose(Some(b"a"), 100, 10, &[], &mut rng);
        assert!(matches!(first.reason, DecisionReason::Sticky { keys_ignored: true, .. }));
        for key in [&b"b"[..], b"c", b"zzz"] {
            assert_eq!(p.choose(Some(key), 100, 10, &[], &mut rng).partition, first.partition);
        }
    }

    // -- built-in sticky partitioning (BuiltInPartitionerTest) --------------

    /// `BuiltInPartitionerTest.testStickyPartitioning`: with a sticky batch size
    /// of 3 bytes and 1-byte records, the partition holds for 3 records and the
    /// switch happens right after the third; a single-partition topic keeps
    /// switching to partition 0.
    #[test]
    fn test_sticky_partitioning() {
        let mut p = Partitioner::new(PartitionerKind::Default, settings(3, true));
        let mut rng = SimRng::new(11);
        let d1 = p.choose(None, 1, 3, &[], &mut rng);
        let part_a = d1.partition;
        assert!(sticky_of(&d1).picked.is_some(), "the first keyless record picks a partition");
        let d2 = p.choose(None, 1, 3, &[], &mut rng);
        let d3 = p.choose(None, 1, 3, &[], &mut rng);
        assert_eq!((d2.partition, d3.partition), (part_a, part_a));
        assert_eq!(sticky_of(&d1).batch_bytes, 1);
        assert_eq!(sticky_of(&d2).batch_bytes, 2);
        assert_eq!(sticky_of(&d2).switched_to, None);
        let s3 = sticky_of(&d3);
        assert_eq!((s3.batch_bytes, s3.batch_size), (3, 3));
        let next = s3.switched_to.expect("the third byte reaches the sticky batch size");
        let d4 = p.choose(None, 1, 3, &[], &mut rng);
        assert_eq!(d4.partition, next.partition);
        assert_eq!(sticky_of(&d4).batch_bytes, 1, "the new run starts counting from zero");
        assert_eq!(sticky_of(&d4).picked, None, "the pick was made (and reported) by the previous record");

        let mut single = Partitioner::new(PartitionerKind::Default, settings(1, true));
        for _ in 0..10 {
            let d = single.choose(None, 1, 1, &[], &mut rng);
            assert_eq!(d.partition, 0);
            assert!(sticky_of(&d).switched_to.is_some());
        }
    }

    /// The produced-bytes counter counts bytes, not records: one large record can
    /// end a run on its own, and the run still places that record first.
    #[test]
    fn the_switch_happens_after_the_record_that_reaches_batch_size() {
        let mut p = Partitioner::new(PartitionerKind::Default, settings(16_384, false));
        let mut rng = SimRng::new(5);
        let d = p.choose(None, 12_000, 10, &[], &mut rng);
        assert_eq!(sticky_of(&d).switched_to, None);
        let d2 = p.choose(None, 4_000, 10, &[], &mut rng);
        assert_eq!(d2.partition, d.partition);
        assert_eq!(sticky_of(&d2).batch_bytes, 16_000);
        let d3 = p.choose(None, 500, 10, &[], &mut rng);
        assert_eq!(d3.partition, d.partition, "16500 bytes: this record still goes to the old partition");
        assert!(sticky_of(&d3).switched_to.is_some());
    }

    /// `BuiltInPartitionerTest.testStickyBatchSizeMoreThatZero`: Kafka refuses a
    /// sticky batch size below 1 and `KafkaProducer` raises `batch.size=0` to 1.
    #[test]
    fn test_sticky_batch_size_more_that_zero() {
        let p = Partitioner::new(PartitionerKind::Default, settings(0, true));
        assert_eq!(p.settings().batch_size, 1);
        let mut p = p;
        let d = p.choose(None, 1, 5, &[], &mut SimRng::new(0));
        assert!(sticky_of(&d).switched_to.is_some(), "every record is its own batch");
    }

    /// `BuiltInPartitionerTest.unavailablePartitionsTest`: a partition without a
    /// leader is never picked, a topic whose only available partition is 1 always
    /// gets 1, and a topic with no available partition still gets partition 0.
    #[test]
    fn unavailable_partitions_test() {
        let mut rng = SimRng::new(21);
        let mut a = Partitioner::new(PartitionerKind::Default, settings(1, true));
        a.set_availability(1, Availability::NoLeader);
        let first = a.choose(None, 1, 3, &[], &mut rng).partition;
        assert_ne!(first, 1);
        let mut found_another = false;
        for _ in 0..100 {
            let part = a.choose(None, 1, 3, &[], &mut rng).partition;
            assert_ne!(part, 1);
            found_another |= part != first;
        }
        assert!(found_another, "expected to find a partition other than {first}");

        let mut b = Partitioner::new(PartitionerKind::Default, settings(1, true));
        b.set_availability(0, Availability::NoLeader);
        for _ in 0..100 {
            assert_eq!(b.choose(None, 1, 2, &[], &mut rng).partition, 1);
        }

        let mut c = Partitioner::new(PartitionerKind::Default, settings(1, true));
        c.set_availability(0, Availability::NoLeader);
        let d = c.choose(None, 1, 1, &[], &mut rng);
        assert_eq!(d.partition, 0);
        assert!(matches!(sticky_of(&d).picked, Some(Pick { how: PickHow::NoneAvailable { .. }, .. })));
        assert_eq!(c.choose(None, 1, 1, &[], &mut rng).partition, 0);
    }

    /// `BuiltInPartitionerTest.adaptivePartitionsTest`: with queue sizes
    /// {5, 0, 3, 0, 1} and the random numbers 0, 1, 2, ... over two full cycles
    /// of the table, each partition is chosen exactly `(6 - queue) * 2` times.
    #[test]
    fn adaptive_partitions_test() {
        let queue_sizes = [5u64, 0, 3, 0, 1];
        let mut p = Partitioner::new(PartitionerKind::Default, settings(1, true));
        p.state.sync(5);
        for partition in 0..5 {
            p.state.touch(partition);
        }
        let range = 6 * 5 - (5 + 3 + 1);
        let mut frequencies = [0u32; 5];
        for random in 0..range * 2 {
            let pick = p.state.adaptive_pick(random, &queue_sizes, 1).expect("the queues differ");
            frequencies[pick.partition as usize] += 1;
            if let PickHow::Adaptive { total_weight, .. } = pick.how {
                assert_eq!(total_weight, u64::from(range));
            }
        }
        assert_eq!(frequencies, [2, 12, 6, 12, 10]);
    }

    /// The worked example in `updatePartitionLoadStats`: queues {0, 3, 1} give
    /// the table 4 5 8, so 0-3 map to partition 0, 4 to partition 1, 5-7 to 2.
    #[test]
    fn cumulative_frequency_table_example() {
        let mut p = Partitioner::new(PartitionerKind::Default, settings(1, true));
        p.state.sync(3);
        (0..3).for_each(|q| p.state.touch(q));
        let picks: Vec<u32> = (0..8).map(|r| p.state.adaptive_pick(r, &[0, 3, 1], 1).unwrap().partition).collect();
        assert_eq!(picks, [0, 0, 0, 0, 1, 2, 2, 2]);
        // Equal queues (and nothing excluded): no table, uniform choice.
        assert_eq!(p.state.adaptive_pick(0, &[2, 2, 2], 1), None);
        assert_eq!(p.state.adaptive_pick(0, &[], 1), None);
    }

    /// KIP-794: over many seeded switches a partition whose queue is long is
    /// picked far less often than the others; with adaptive partitioning off the
    /// same queues make no difference.
    #[test]
    fn adaptive_partitioning_avoids_the_partition_with_a_long_queue() {
        // batch.size 1000; partition 3 has 50 batches queued, the others none.
        let queue = [0u64, 0, 0, 50_000];
        let count = |adaptive: bool| {
            let mut p = Partitioner::new(PartitionerKind::Default, settings(1000, adaptive));
            let mut rng = SimRng::new(0xADA9);
            let mut counts = [0u32; 4];
            for _ in 0..20_000 {
                counts[p.choose(None, 1000, 4, &queue, &mut rng).partition as usize] += 1;
            }
            counts
        };
        let adaptive = count(true);
        // Weights 51, 51, 51, 1: partition 3 gets about 1 record in 154.
        assert!(adaptive[3] < 400, "{adaptive:?}");
        assert!(adaptive[..3].iter().all(|&c| c > 5_500), "{adaptive:?}");
        let uniform = count(false);
        assert!(uniform.iter().all(|&c| (4_500..5_500).contains(&c)), "{uniform:?}");
    }

    /// `RecordAccumulator.partitionReady` only builds load stats once every
    /// partition has a deque, i.e. after the producer appended to each of them.
    #[test]
    fn adaptive_waits_until_every_partition_has_had_a_batch() {
        let mut p = Partitioner::new(PartitionerKind::Default, settings(1, true));
        let mut rng = SimRng::new(8);
        let queue = [0u64, 0, 5];
        let mut touched = [false; 3];
        for _ in 0..200 {
            let d = p.choose(None, 1, 3, &queue, &mut rng);
            touched[d.partition as usize] = true;
            let next = sticky_of(&d).switched_to.unwrap();
            let adaptive = matches!(next.how, PickHow::Adaptive { .. });
            assert_eq!(adaptive, touched.iter().all(|t| *t));
        }
        assert!(touched.iter().all(|t| *t));

        // New partitions have no deque yet: uniform again until they are used.
        let d = p.choose(None, 1, 4, &[0, 0, 5, 0], &mut rng);
        let next = sticky_of(&d).switched_to.unwrap();
        assert_eq!(
            matches!(next.how, PickHow::Adaptive { .. }),
            d.partition == 3,
            "adaptive only once partition 3 has been used"
        );
    }

    /// `partitioner.availability.timeout.ms`: a slow partition with queued
    /// batches leaves the adaptive table; with an empty queue it stays (the
    /// latency check sits after the empty-queue shortcut in `partitionReady`), and
    /// with adaptive partitioning off nothing changes.
    #[test]
    fn slow_partitions_leave_the_adaptive_table_while_they_have_queued_batches() {
        let run = |adaptive: bool, queue: [u64; 3]| {
            let mut p = Partitioner::new(PartitionerKind::Default, settings(1, adaptive));
            p.set_availability(1, Availability::Slow);
            let mut rng = SimRng::new(99);
            let mut counts = [0u32; 3];
            for _ in 0..3_000 {
                counts[p.choose(None, 1, 3, &queue, &mut rng).partition as usize] += 1;
            }
            counts
        };
        let excluded = run(true, [1, 1, 1]);
        assert!(excluded[1] < 10, "only the warm-up may use it: {excluded:?}");
        let kept = run(true, [0, 0, 0]);
        assert!(kept[1] > 800, "{kept:?}");
        let plain = run(false, [1, 1, 1]);
        assert!(plain[1] > 800, "{plain:?}");
    }

    /// A test accumulator whose answers are fixed.
    struct FixedBatches {
        full: bool,
    }

    impl BatchView for FixedBatches {
        fn all_batches_full(&self, _partition: u32, _extra_bytes: u32) -> bool {
            self.full
        }
        fn needs_new_batch(&self, _partition: u32, _bytes: u32) -> bool {
            self.full
        }
    }

    /// `BuiltInPartitioner.updatePartitionInfo` with switching disabled (the
    /// partition's last batch is not full): the switch waits, but not beyond
    /// twice the batch size; `RecordAccumulator.partitionChanged` completes a
    /// held switch once the batches are full.
    #[test]
    fn a_switch_waits_for_a_full_batch_but_not_past_twice_batch_size() {
        let open = FixedBatches { full: false };
        let mut p = Partitioner::new(PartitionerKind::Default, settings(10, false));
        let mut rng = SimRng::new(4);
        let first = p.choose_with_batches(None, 4, 5, &[], &open, &mut rng);
        for expected_bytes in [8, 12, 16] {
            let d = p.choose_with_batches(None, 4, 5, &[], &open, &mut rng);
            assert_eq!(d.partition, first.partition);
            let s = sticky_of(&d);
            assert_eq!(s.batch_bytes, expected_bytes);
            assert_eq!(s.switched_to, None);
            assert_eq!(s.switch_held, expected_bytes >= 10);
        }
        let d = p.choose_with_batches(None, 4, 5, &[], &open, &mut rng);
        assert_eq!(sticky_of(&d).batch_bytes, 20);
        assert!(sticky_of(&d).switched_to.is_some(), "twice batch.size forces the switch");

        // Held at 12 bytes, then the batch fills up (or is sent): the next record
        // switches before it is appended.
        let mut q = Partitioner::new(PartitionerKind::Default, settings(10, false));
        for _ in 0..3 {
            q.choose_with_batches(None, 4, 5, &[], &open, &mut rng);
        }
        assert_eq!(q.sticky_bytes(), 12);
        let full = FixedBatches { full: true };
        let d = q.choose_with_batches(None, 4, 5, &[], &full, &mut rng);
        let s = sticky_of(&d);
        assert!(s.picked.is_some());
        assert_eq!(s.batch_bytes, 4);
    }

    /// Partitions added to the topic: the sticky run carries on (Kafka keeps the
    /// current sticky partition) and later picks can use the new partitions.
    #[test]
    fn adding_partitions_keeps_the_sticky_run() {
        let mut p = Partitioner::new(PartitionerKind::Default, settings(1000, false));
        let mut rng = SimRng::new(2);
        let d = p.choose(None, 100, 3, &[], &mut rng);
        let d2 = p.choose(None, 100, 6, &[], &mut rng);
        assert_eq!(d2.partition, d.partition);
        assert_eq!(sticky_of(&d2).batch_bytes, 200);
        let mut seen_new = false;
        for _ in 0..200 {
            seen_new |= p.choose(None, 1000, 6, &[], &mut rng).partition >= 3;
        }
        assert!(seen_new);
    }

    #[test]
    fn same_seed_same_decisions() {
        let run = || {
            let mut p = Partitioner::new(PartitionerKind::Default, settings(300, true));
            let mut rng = SimRng::new(77);
            (0..500)
                .map(|i| {
                    let key = format!("k{i}");
                    let key = (i % 3 == 0).then_some(key.as_bytes());
                    p.choose(key, 100, 7, &[0, 200, 0, 900, 0, 0, 50], &mut rng)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }

    // -- UniformStickyPartitioner (StickyPartitionCacheTest) -----------------

    /// `StickyPartitionCacheTest.testStickyPartitionCache`: the partition holds
    /// while the batch has room and moves to a different partition on every new
    /// batch; a one-partition topic keeps partition 0.
    #[test]
    fn test_sticky_partition_cache() {
        let mut p = Partitioner::new(PartitionerKind::UniformSticky, settings(100, true));
        let mut rng = SimRng::new(31);
        let mut current = p.choose(None, 10, 3, &[], &mut rng).partition;
        let mut switches = 0;
        for i in 1..2_000 {
            let d = p.choose(None, 10, 3, &[], &mut rng);
            let DecisionReason::UniformSticky { previous, batch_bytes, batch_size, .. } = d.reason else {
                panic!("{d:?}");
            };
            assert_eq!(batch_size, 100);
            if i % 10 == 0 {
                assert_eq!(previous, Some(current), "record {i} opens a new batch");
                assert_ne!(d.partition, current, "a new batch never re-picks the old partition");
                assert_eq!(batch_bytes, 10);
                switches += 1;
            } else {
                assert_eq!((previous, d.partition), (None, current));
            }
            current = d.partition;
        }
        assert_eq!(switches, 199);

        let mut one = Partitioner::new(PartitionerKind::UniformSticky, settings(10, true));
        for _ in 0..20 {
            assert_eq!(one.choose(None, 10, 1, &[], &mut rng).partition, 0);
        }
    }

    /// UniformStickyPartitioner ignores keys (KIP-480).
    #[test]
    fn uniform_sticky_ignores_keys() {
        let mut p = Partitioner::new(PartitionerKind::UniformSticky, PartitionerSettings::default());
        let mut rng = SimRng::new(1);
        let first = p.choose(Some(b"a"), 10, 10, &[], &mut rng).partition;
        for key in [&b"b"[..], b"c", b"d"] {
            assert_eq!(p.choose(Some(key), 10, 10, &[], &mut rng).partition, first);
        }
    }

    /// `StickyPartitionCacheTest.unavailablePartitionsTest`.
    #[test]
    fn sticky_partition_cache_unavailable_partitions_test() {
        let mut rng = SimRng::new(17);
        let mut a = Partitioner::new(PartitionerKind::UniformSticky, settings(1, true));
        a.set_availability(1, Availability::NoLeader);
        for _ in 0..100 {
            assert_ne!(a.choose(None, 1, 3, &[], &mut rng).partition, 1);
        }
        let mut b = Partitioner::new(PartitionerKind::UniformSticky, settings(1, true));
        b.set_availability(0, Availability::NoLeader);
        for _ in 0..100 {
            let d = b.choose(None, 1, 2, &[], &mut rng);
            assert_eq!(d.partition, 1);
        }
        let mut c = Partitioner::new(PartitionerKind::UniformSticky, settings(1, true));
        c.set_availability(0, Availability::NoLeader);
        for _ in 0..5 {
            assert_eq!(c.choose(None, 1, 1, &[], &mut rng).partition, 0);
        }
    }

    /// With a [`BatchView`], the uniform-sticky partitioner moves exactly when the
    /// accumulator says the record needs a new batch.
    #[test]
    fn uniform_sticky_moves_when_the_accumulator_needs_a_new_batch() {
        let mut p = Partitioner::new(PartitionerKind::UniformSticky, settings(16_384, true));
        let mut rng = SimRng::new(6);
        let room = FixedBatches { full: false };
        let first = p.choose_with_batches(None, 100, 4, &[], &room, &mut rng).partition;
        assert_eq!(p.choose_with_batches(None, 100, 4, &[], &room, &mut rng).partition, first);
        let full = FixedBatches { full: true };
        let d = p.choose_with_batches(None, 100, 4, &[], &full, &mut rng);
        assert_ne!(d.partition, first);
        assert!(matches!(d.reason, DecisionReason::UniformSticky { previous: Some(prev), .. } if prev == first));
    }

    // -- RoundRobinPartitioner (RoundRobinPartitionerTest) -------------------

    #[test]
    fn round_robin_cycles_through_the_partitions() {
        let mut p = Partitioner::new(PartitionerKind::RoundRobin, PartitionerSettings::default());
        let mut rng = SimRng::new(0);
        let parts: Vec<u32> = (0..7).map(|_| p.choose(None, 10, 3, &[], &mut rng).partition).collect();
        assert_eq!(parts, [0, 1, 2, 0, 1, 2, 0]);
        let d = p.choose(None, 10, 3, &[], &mut rng);
        assert_eq!(d.reason, DecisionReason::RoundRobin { counter: 7, candidates: 3, none_available: false });
    }

    /// `RoundRobinPartitionerTest.testRoundRobinWithKeyBytes`: keys make no
    /// difference, 30 records spread 10/10/10.
    #[test]
    fn test_round_robin_with_key_bytes() {
        let mut p = Partitioner::new(PartitionerKind::RoundRobin, PartitionerSettings::default());
        let mut rng = SimRng::new(0);
        let mut counts = [0u32; 3];
        for _ in 0..30 {
            counts[p.choose(Some(b"key"), 10, 3, &[], &mut rng).partition as usize] += 1;
        }
        assert_eq!(counts, [10, 10, 10]);
    }

    /// `RoundRobinPartitionerTest.testRoundRobinWithUnavailablePartitions`:
    /// a partition without a leader is skipped and the others share evenly; with
    /// no partition available the counter runs over all of them.
    #[test]
    fn test_round_robin_with_unavailable_partitions() {
        let mut p = Partitioner::new(PartitionerKind::RoundRobin, PartitionerSettings::default());
        p.set_availability(1, Availability::NoLeader);
        let mut rng = SimRng::new(0);
        let mut counts = [0u32; 3];
        for _ in 0..100 {
            counts[p.choose(None, 10, 3, &[], &mut rng).partition as usize] += 1;
        }
        assert_eq!(counts, [50, 0, 50]);

        let mut none = Partitioner::new(PartitionerKind::RoundRobin, PartitionerSettings::default());
        none.set_availability(0, Availability::NoLeader);
        none.set_availability(1, Availability::NoLeader);
        let parts: Vec<u32> = (0..4).map(|_| none.choose(None, 10, 2, &[], &mut rng).partition).collect();
        assert_eq!(parts, [0, 1, 0, 1]);
    }

    /// `RoundRobinPartitionerTest.testRoundRobinWithNullKeyBytesAndEvenPartitionCount`
    /// (KAFKA-17632): one counter step per record, even with an even partition
    /// count and every record opening a new batch.
    #[test]
    fn test_round_robin_with_null_key_bytes_and_even_partition_count() {
        let mut p = Partitioner::new(PartitionerKind::RoundRobin, settings(1, true));
        let mut rng = SimRng::new(0);
        let mut counts = [0u32; 4];
        for _ in 0..40 {
            counts[p.choose(None, 10, 4, &[], &mut rng).partition as usize] += 1;
        }
        assert_eq!(counts, [10, 10, 10, 10]);
    }

    // -- custom rules --------------------------------------------------------

    /// The VIP example: `vip-*` keys hash within partitions 0-7, other keys within
    /// 8-9, records without a key stick to 8 or 9 for a batch at a time.
    #[test]
    fn custom_vip_rules() {
        let kind: PartitionerKind = json::from_str(VIP_JSON).unwrap();
        kind.validate(10, "p").unwrap();
        let mut p = Partitioner::new(kind, settings(1000, true));
        let mut rng = SimRng::new(12);
        for i in 0..300 {
            let vip = format!("vip-{i}");
            let d = p.choose(Some(vip.as_bytes()), 100, 10, &[], &mut rng);
            let hash = murmur2(vip.as_bytes());
            let index = (hash & 0x7fff_ffff) as u32 % 8;
            assert_eq!(d.partition, index);
            assert_eq!(
                d.reason,
                DecisionReason::CustomKeyed {
                    rule: 0,
                    murmur2: hash,
                    to_positive: hash & 0x7fff_ffff,
                    set_len: 8,
                    index
                }
            );

            let other = format!("user-{i}");
            let d = p.choose(Some(other.as_bytes()), 100, 10, &[], &mut rng);
            assert!(d.partition == 8 || d.partition == 9, "{d:?}");
            assert!(matches!(d.reason, DecisionReason::CustomKeyed { rule: 1, set_len: 2, .. }));
        }
        // "vip" alone does not start with "vip-".
        assert!(p.choose(Some(b"vip"), 1, 10, &[], &mut rng).partition >= 8);

        let mut seen = [0u32; 10];
        let mut current = None;
        for i in 0..400 {
            let d = p.choose(None, 100, 10, &[], &mut rng);
            seen[d.partition as usize] += 1;
            let DecisionReason::CustomSticky { rule, set_len, sticky } = d.reason else { panic!("{d:?}") };
            assert_eq!((rule, set_len), (1, 2));
            if i % 10 != 0 {
                assert_eq!(Some(d.partition), current, "record {i} stays within the run");
            }
            assert_eq!(sticky.switched_to.is_some(), i % 10 == 9, "1000-byte runs of 100-byte records");
            current = sticky.switched_to.map(|pick| pick.partition).or(Some(d.partition));
        }
        assert_eq!(seen[..8].iter().sum::<u32>(), 0);
        assert!(seen[8] > 100 && seen[9] > 100, "{seen:?}");
    }

    /// Keyless records within a custom set skip members without a leader.
    #[test]
    fn custom_sticky_skips_members_without_a_leader() {
        let mut p = Partitioner::new(vip_rules(), settings(1, true));
        p.set_availability(8, Availability::NoLeader);
        let mut rng = SimRng::new(3);
        for _ in 0..50 {
            assert_eq!(p.choose(None, 1, 10, &[], &mut rng).partition, 9);
        }
    }

    // A minimal JSON reader for these tests (the crate has no JSON dependency):
    // enough of the grammar to feed serde the configuration snippets above.
    mod json {
        use serde::de::value::{Error, MapAccessDeserializer, MapDeserializer, SeqDeserializer};
        use serde::de::{Deserialize, Deserializer, IntoDeserializer, Visitor};
        use serde::forward_to_deserialize_any;

        #[derive(Clone, Debug)]
        pub enum Json {
            Null,
            Bool(bool),
            Num(u64),
            Str(String),
            Arr(Vec<Json>),
            Obj(Vec<(String, Json)>),
        }

        pub fn from_str<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
            let mut chars = text.chars().peekable();
            let value = parse(&mut chars);
            T::deserialize(value).map_err(|e| e.to_string())
        }

        type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

        fn skip_ws(chars: &mut Chars<'_>) {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
        }

        fn parse(chars: &mut Chars<'_>) -> Json {
            skip_ws(chars);
            match chars.next().expect("unexpected end") {
                '"' => Json::Str(chars.by_ref().take_while(|c| *c != '"').collect()),
                '[' => {
                    let mut items = Vec::new();
                    loop {
                        skip_ws(chars);
                        if chars.peek() == Some(&']') {
                            chars.next();
                            return Json::Arr(items);
                        }
                        items.push(parse(chars));
                        skip_ws(chars);
                        if chars.next() == Some(']') {
                            return Json::Arr(items);
                        }
                    }
                }
                '{' => {
                    let mut fields = Vec::new();
                    loop {
                        skip_ws(chars);
                        match chars.next() {
                            Some('}') => return Json::Obj(fields),
                            Some('"') => {}
                            other => panic!("expected a field name, got {other:?}"),
                        }
                        let name: String = chars.by_ref().take_while(|c| *c != '"').collect();
                        skip_ws(chars);
                        assert_eq!(chars.next(), Some(':'));
                        fields.push((name, parse(chars)));
                        skip_ws(chars);
                        if chars.next() == Some('}') {
                            return Json::Obj(fields);
                        }
                    }
                }
                c if c.is_ascii_digit() => {
                    let mut n = u64::from(c.to_digit(10).unwrap());
                    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                        n = n * 10 + u64::from(d);
                        chars.next();
                    }
                    Json::Num(n)
                }
                c if c.is_ascii_alphabetic() => {
                    let mut word = String::from(c);
                    while let Some(c) = chars.next_if(|c| c.is_ascii_alphabetic()) {
                        word.push(c);
                    }
                    match word.as_str() {
                        "true" => Json::Bool(true),
                        "false" => Json::Bool(false),
                        "null" => Json::Null,
                        other => panic!("unexpected word {other:?}"),
                    }
                }
                other => panic!("unexpected {other:?}"),
            }
        }

        impl<'de> IntoDeserializer<'de, Error> for Json {
            type Deserializer = Json;
            fn into_deserializer(self) -> Json {
                self
            }
        }

        impl<'de> Deserializer<'de> for Json {
            type Error = Error;

            fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                match self {
                    Json::Null => visitor.visit_unit(),
                    Json::Bool(b) => visitor.visit_bool(b),
                    Json::Num(n) => visitor.visit_u64(n),
                    Json::Str(s) => visitor.visit_string(s),
                    Json::Arr(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
                    Json::Obj(fields) => visitor.visit_map(MapDeserializer::new(fields.into_iter())),
                }
            }

            fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                match self {
                    Json::Null => visitor.visit_none(),
                    other => visitor.visit_some(other),
                }
            }

            fn deserialize_enum<V: Visitor<'de>>(
                self,
                name: &'static str,
                variants: &'static [&'static str],
                visitor: V,
            ) -> Result<V::Value, Error> {
                match self {
                    Json::Str(s) => s.into_deserializer().deserialize_enum(name, variants, visitor),
                    Json::Obj(fields) => MapAccessDeserializer::new(MapDeserializer::new(fields.into_iter()))
                        .deserialize_enum(name, variants, visitor),
                    other => other.deserialize_any(visitor),
                }
            }

            forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
                bytes byte_buf unit unit_struct newtype_struct seq tuple
                tuple_struct map struct identifier ignored_any
            }
        }
    }
}
