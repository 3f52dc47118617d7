//! Property tests: seeded random command sequences against invariants that hold
//! in Kafka whatever the operator does.
//!
//! Each seed builds a random cluster (brokers, topics with small random
//! retention, producers, groups), applies ~60 random steps (add/remove/crash
//! consumers, add groups and producers, remove producers, change rates, add
//! partitions, reset offsets, ticks), then drains: producers stop, every group
//! gets fast members, and the run continues until everyone has caught up.
//!
//! Checked after every tick (and every command):
//! - offsets are contiguous: `log_end − log_start` records, numbered
//!   consecutively, and records below the high watermark never change
//!   (`UnifiedLog`; the HW is what consumers may read);
//! - `log_start ≤ HW ≤ LEO`; committed offsets and positions never pass the HW
//!   (`ConsumerGroupCommand` LAG = HW − committed, never negative);
//! - a partition has at most one owner per group; generations go up by one
//!   per rebalance;
//! - `consumed`/`redelivered` of a group are the sums of its `consumed` events,
//!   and `redelivered` counts exactly the records the group had been given before;
//! - per-key order: within a partition, the records a group gets for the first
//!   time arrive in the producer's send order for each key (Kafka orders per
//!   partition, and a key stays in its partition);
//! - a refused command changes nothing and reports exactly one `rejected` event;
//! - at the end, every record below the HW was delivered to every group, unless
//!   the group had no claim on it (it started later with `latest`/no committed
//!   offset, or an operator moved its offsets past it) or retention deleted it
//!   while a `segments_deleted` event named the group in `unread_by`;
//! - determinism: the same seed gives the same events and the same final view.
//!
//! The quick version runs 200 seeds; the long one is ignored by default:
//!
//! ```text
//! cargo test -p kafka-sim --release --test properties -- --ignored
//! ```
//!
//! `KAFKA_SIM_SEED=<n>` runs one seed only (to reproduce a failure), and
//! `KAFKA_SIM_DEBUG='"g1",partition: 0'` then prints, on failure, every event
//! whose debug text contains all of the comma-separated pieces.
//!
//! Committed offsets are `u64`, so "committed ≥ 0" holds by type.

use kafka_sim::assignor::Strategy;
use kafka_sim::config::{
    Acks, BrokerSettings, ClusterConfig, GroupConfig, KeyOrder, OffsetReset, ProducerConfig, TopicConfig, TopicSettings,
};
use kafka_sim::error::ErrorCode;
use kafka_sim::event::ResetCause;
use kafka_sim::log::NULL_KEY;
use kafka_sim::partitioner::{CustomRule, PartitionerKind, PartitionerSettings};
use kafka_sim::rng::SimRng;
use kafka_sim::view::{ClusterView, ProducerView};
use kafka_sim::{Cluster, Command, Event, EventKind, ResetSpec};
use std::collections::BTreeMap;

// ---------------------------------------------------------------------------
// Random choices
// ---------------------------------------------------------------------------

struct Gen(SimRng);

impl Gen {
    fn new(seed: u64) -> Self {
        Gen(SimRng::new(seed ^ 0x5EED_0F7E_57AB))
    }
    fn below(&mut self, n: u32) -> u32 {
        self.0.below(n.max(1))
    }
    fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Clone>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len() as u32) as usize].clone()
    }
}

/// Production is bounded so that the records a tick brings below the high
/// watermark can never be deleted by retention in that same tick (retention
/// keeps at least `retention.bytes`, and `retention.ms` is far above a step):
/// at most 3 producers × 40 records/s × (100 + 10 + 8) bytes per topic.
const MAX_PRODUCERS_PER_TOPIC: usize = 3;
const RATES: [f64; 5] = [0.0, 3.0, 10.0, 25.0, 40.0];
const KEY_POOL: [&str; 8] = ["a", "b", "vip-1", "vip-22", "서울", "busan", "key-7", "user-9"];

fn random_topic_settings(g: &mut Gen, rf: u32) -> TopicSettings {
    let mut s = TopicSettings::default();
    if g.chance(70) {
        s.segment_bytes = g.pick(&[300, 1_000, 4_000]);
        s.retention_bytes = g.pick(&[-1, 10_000, 30_000]);
        s.retention_ms = g.pick(&[-1, 3_000, 10_000, 604_800_000]);
        s.segment_ms = g.pick(&[1_000, 5_000, 604_800_000]);
    }
    s.min_insync_replicas = 1 + g.below(rf);
    s
}

fn random_producer(g: &mut Gen, id: String, topic: &str, partitions: u32) -> ProducerConfig {
    let mut p = ProducerConfig::new(id, topic, g.pick(&RATES));
    p.value_bytes = g.pick(&[10, 50, 100]);
    match g.below(3) {
        0 => {}
        1 => {
            let n = 1 + g.below(5);
            p.keys = Some((0..n).map(|_| g.pick(&KEY_POOL).to_string()).collect());
            p.key_order = g.pick(&[KeyOrder::Cycle, KeyOrder::Random]);
        }
        _ => p.key_space = Some(g.pick(&[5, 100, 1_000])),
    }
    p.partitioner = match g.below(10) {
        0 => PartitionerKind::RoundRobin,
        1 => PartitionerKind::UniformSticky,
        2 => PartitionerKind::Custom(vec![
            CustomRule { key_prefix: Some("vip-".into()), partitions: vec![0] },
            CustomRule { key_prefix: None, partitions: (0..partitions).collect() },
        ]),
        _ => PartitionerKind::Default,
    };
    p.partitioner_config = PartitionerSettings {
        batch_size: g.pick(&[16_384, 1_000, 100]),
        adaptive: g.chance(50),
        ignore_keys: g.chance(10),
    };
    p.acks = g.pick(&[Acks::All, Acks::All, Acks::Leader]);
    p
}

fn random_group(g: &mut Gen, id: String, topic: &str) -> GroupConfig {
    GroupConfig {
        assignor: g.pick(&Strategy::ALL),
        auto_offset_reset: g.pick(&[OffsetReset::Earliest, OffsetReset::Latest, OffsetReset::None]),
        records_per_s: g.pick(&[0.0, 5.0, 30.0, 200.0, 2_000.0]),
        enable_auto_commit: g.chance(60),
        auto_commit_interval_ms: g.pick(&[300, 1_000, 5_000]),
        max_poll_records: g.pick(&[1, 7, 500]),
        session_timeout_ms: g.pick(&[1_000, 3_000, 6_000]),
        ..GroupConfig::new(id, topic, g.below(4))
    }
}

fn random_config(seed: u64, g: &mut Gen) -> ClusterConfig {
    let brokers = 1 + g.below(3);
    let mut topics = Vec::new();
    for i in 0..1 + g.below(2) {
        let rf = 1 + g.below(brokers);
        topics.push(TopicConfig {
            name: format!("t{i}"),
            partitions: 1 + g.below(5),
            replication_factor: rf,
            config: random_topic_settings(g, rf),
        });
    }
    let mut producers = Vec::new();
    for i in 0..g.below(3) {
        let t = g.pick(&topics);
        producers.push(random_producer(g, format!("p{i}"), &t.name, t.partitions));
    }
    let mut groups = Vec::new();
    for i in 0..g.below(3) {
        let t = g.pick(&topics);
        groups.push(random_group(g, format!("g{i}"), &t.name));
    }
    ClusterConfig {
        seed,
        brokers,
        topics,
        producers,
        groups,
        step_ms: g.pick(&[50, 100, 200]),
        broker_config: BrokerSettings {
            log_retention_check_interval_ms: g.pick(&[200, 1_000, 3_000]),
            ..BrokerSettings::default()
        },
    }
}

// ---------------------------------------------------------------------------
// The model the events and views are checked against
// ---------------------------------------------------------------------------

/// What the test knows about one partition of a group.
#[derive(Default, Clone)]
struct GroupPartition {
    /// Offsets ever delivered to the group.
    delivered: Vec<bool>,
    /// Offsets the group had no claim on, or lost to retention while named in `unread_by`.
    excused: Vec<bool>,
    /// The committed offset, from `committed` and `offsets_reset_by_command` events.
    committed: Option<u64>,
}

fn mark(v: &mut Vec<bool>, from: u64, to: u64) {
    if to as usize > v.len() {
        v.resize(to as usize, false);
    }
    for b in &mut v[from as usize..to as usize] {
        *b = true;
    }
}

fn is_set(v: &[bool], o: u64) -> bool {
    v.get(o as usize).copied().unwrap_or(false)
}

struct GroupModel {
    topic: String,
    parts: Vec<GroupPartition>,
    generation: i32,
    consumed: u64,
    redelivered: u64,
    /// (partition, key id) → seq of the last record of that key delivered for the first time.
    last_seq: BTreeMap<(u32, u32), u32>,
    /// Per partition, where the last consumed range ended: a range starting below
    /// it is a rewind (reset, rebalance to an older commit), after which older
    /// records legitimately arrive again, so per-key order restarts.
    last_to: BTreeMap<u32, u64>,
}

/// A record as first seen below the high watermark.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Seen {
    key: u32,
    seq: u32,
    producer: u16,
}

#[derive(Default)]
struct Model {
    /// topic → partition → records by offset (from 0), as first seen below the HW.
    shadow: BTreeMap<String, Vec<Vec<Seen>>>,
    /// topic → partition → log start offset as told by `segments_deleted`.
    log_start: BTreeMap<String, Vec<u64>>,
    /// topic → partition → where the next `produced` event must start.
    next_produced: BTreeMap<String, Vec<u64>>,
    groups: BTreeMap<String, GroupModel>,
    /// `auto.offset.reset` of every group ever created.
    policies: BTreeMap<String, OffsetReset>,
}

/// One seeded run: the cluster, the model, and every event in order.
struct Run {
    seed: u64,
    check: bool,
    cluster: Cluster,
    model: Model,
    g: Gen,
    events: Vec<Event>,
    step: usize,
    ticks: u64,
    next_group: u32,
    next_producer: u32,
}

impl Run {
    fn new(seed: u64, check: bool) -> Self {
        let mut g = Gen::new(seed);
        let config = random_config(seed, &mut g);
        let mut model = Model::default();
        for gc in &config.groups {
            model.policies.insert(gc.id.clone(), gc.auto_offset_reset);
        }
        let (next_group, next_producer) = (config.groups.len() as u32, config.producers.len() as u32);
        let cluster = Cluster::new(config).expect("generated configurations are valid");
        let mut run =
            Run { seed, check, cluster, model, g, events: Vec::new(), step: 0, ticks: 0, next_group, next_producer };
        run.after_change(false);
        run
    }

    fn fail(&self, what: String) -> ! {
        if let Ok(filter) = std::env::var("KAFKA_SIM_DEBUG") {
            for e in &self.events {
                let s = format!("{e:?}");
                if filter.split(',').all(|f| s.contains(f)) {
                    eprintln!("{}", &s[..s.len().min(400)]);
                }
            }
        }
        panic!(
            "seed {} step {} t={}ms: {what}\n(reproduce: KAFKA_SIM_SEED={} cargo test -p kafka-sim --test properties)",
            self.seed,
            self.step,
            self.cluster.time_ms(),
            self.seed
        )
    }

    // -- driving ------------------------------------------------------------

    fn tick(&mut self) {
        self.cluster.tick();
        self.ticks += 1;
        self.after_change(self.ticks % 16 == 0);
    }

    fn ticks(&mut self, n: u32) {
        for _ in 0..n {
            self.tick();
        }
    }

    fn run_for(&mut self, ms: u64) {
        let until = self.cluster.time_ms() + ms;
        while self.cluster.time_ms() < until {
            self.tick();
        }
    }

    /// Applies a command. A refusal must change nothing and report exactly one
    /// `rejected` event with its code; `expect` is the refusal the test predicts.
    fn apply(&mut self, cmd: Command, expect: Option<ErrorCode>) -> bool {
        let before = self.check.then(|| self.cluster.view());
        let desc = format!("{cmd:?}");
        let result = self.cluster.apply(cmd);
        if self.check {
            let events = self.cluster.drain_events();
            let rejected: Vec<ErrorCode> = events
                .iter()
                .filter_map(|e| match &e.kind {
                    EventKind::Rejected { code, .. } => Some(*code),
                    _ => None,
                })
                .collect();
            match (&result, expect) {
                (Err(e), _) => {
                    if expect.is_some_and(|code| code != e.code) {
                        self.fail(format!("{desc}: expected {expect:?}, got {e}"));
                    }
                    if rejected != vec![e.code] || events.len() != 1 {
                        self.fail(format!("{desc} was refused ({e}) but reported {events:?}"));
                    }
                    if Some(self.cluster.view()) != before {
                        self.fail(format!("{desc} was refused ({e}) but changed the cluster"));
                    }
                }
                (Ok(()), Some(code)) => self.fail(format!("{desc}: expected {code:?}, but it was accepted")),
                (Ok(()), None) if !rejected.is_empty() => {
                    self.fail(format!("{desc} succeeded but reported {rejected:?}"))
                }
                (Ok(()), None) => {}
            }
            let view = self.cluster.view();
            self.sync(&view);
            self.absorb(events);
        }
        self.after_change(false);
        result.is_ok()
    }

    /// After a tick or a command: learn the new records, check the events, check the view.
    fn after_change(&mut self, full_log_check: bool) {
        if !self.check {
            let events = self.cluster.drain_events();
            self.events.extend(events);
            return;
        }
        let view = self.cluster.view();
        self.sync(&view);
        if self.check {
            self.read_new_records(&view, full_log_check);
        }
        let events = self.cluster.drain_events();
        self.absorb(events);
        if self.check {
            self.check_view(&view);
        }
    }

    fn sync(&mut self, view: &ClusterView) {
        for t in &view.topics {
            let n = t.partitions.len();
            self.model.shadow.entry(t.name.clone()).or_default().resize(n, Vec::new());
            self.model.log_start.entry(t.name.clone()).or_default().resize(n, 0);
            self.model.next_produced.entry(t.name.clone()).or_default().resize(n, 0);
        }
        for gv in &view.groups {
            let n = view.topics.iter().find(|t| t.name == gv.topic).map_or(0, |t| t.partitions.len());
            let gm = self.model.groups.entry(gv.id.clone()).or_insert_with(|| GroupModel {
                topic: gv.topic.clone(),
                parts: Vec::new(),
                generation: 0,
                consumed: 0,
                redelivered: 0,
                last_seq: BTreeMap::new(),
                last_to: BTreeMap::new(),
            });
            if gm.parts.len() < n {
                gm.parts.resize(n, GroupPartition::default());
            }
        }
    }

    // -- the log --------------------------------------------------------------

    /// Records below the high watermark are committed: read each once, as soon
    /// as it is below the HW, and check that it never changes afterwards.
    fn read_new_records(&mut self, view: &ClusterView, full: bool) {
        for t in &view.topics {
            for pv in &t.partitions {
                let (start, hw, leo) = (pv.log_start_offset, pv.high_watermark, pv.log_end_offset);
                let p = pv.partition;
                if !(start <= hw && hw <= leo) {
                    self.fail(format!("{}-{p}: log start {start}, HW {hw}, LEO {leo}", t.name));
                }
                let known = self.model.shadow[&t.name][p as usize].len() as u64;
                if hw < known {
                    self.fail(format!("{}-{p}: the HW went down from {known} to {hw}", t.name));
                }
                if hw > known {
                    let recs = self.cluster.records(&t.name, p, known, hw);
                    let offsets: Vec<u64> = recs.iter().map(|r| r.0).collect();
                    if offsets != (known..hw).collect::<Vec<_>>() {
                        self.fail(format!(
                            "{}-{p}: records {known}..{hw} (log start {start}) came back as offsets {offsets:?}",
                            t.name
                        ));
                    }
                    let shadow = &mut self.model.shadow.get_mut(&t.name).unwrap()[p as usize];
                    shadow.extend(recs.iter().map(|(_, r)| Seen {
                        key: r.key(),
                        seq: r.seq(),
                        producer: r.producer(),
                    }));
                }
                if full {
                    let recs = self.cluster.records(&t.name, p, 0, u64::MAX);
                    if recs.len() as u64 != leo - start {
                        self.fail(format!(
                            "{}-{p}: {} records between log start {start} and LEO {leo}",
                            t.name,
                            recs.len()
                        ));
                    }
                    let shadow = &self.model.shadow[&t.name][p as usize];
                    for (i, (o, r)) in recs.iter().enumerate() {
                        if *o != start + i as u64 {
                            self.fail(format!("{}-{p}: offset {o} at index {i} (log start {start})", t.name));
                        }
                        if *o < hw {
                            let seen = Seen { key: r.key(), seq: r.seq(), producer: r.producer() };
                            if shadow[*o as usize] != seen {
                                self.fail(format!(
                                    "{}-{p}@{o} changed below the HW: {:?} → {seen:?}",
                                    t.name, shadow[*o as usize]
                                ));
                            }
                        }
                    }
                }
            }
        }
    }

    // -- events ---------------------------------------------------------------

    fn absorb(&mut self, events: Vec<Event>) {
        if self.check {
            for e in &events {
                self.check_event(e);
            }
        }
        self.events.extend(events);
    }

    fn group_part(&mut self, group: &str, topic: &str, partition: u32) -> &mut GroupPartition {
        let Some(gm) = self.model.groups.get(group) else {
            self.fail(format!("event for unknown group {group}"));
        };
        if gm.topic != topic || partition as usize >= gm.parts.len() {
            self.fail(format!("group {group} reads {}, not {topic}-{partition}", gm.topic));
        }
        &mut self.model.groups.get_mut(group).unwrap().parts[partition as usize]
    }

    fn check_event(&mut self, e: &Event) {
        match &e.kind {
            EventKind::Produced { topic, partition, first_offset, last_offset, count, .. } => {
                let next = &mut self.model.next_produced.get_mut(topic).unwrap()[*partition as usize];
                let expected = *next;
                *next = last_offset + 1;
                if *first_offset != expected || last_offset + 1 - first_offset != u64::from(*count) {
                    self.fail(format!("{e:?}: the partition's log ended at {expected}"));
                }
            }
            EventKind::Consumed { group, topic, partition, from_offset, to_offset, redelivered, .. } => {
                let (from, to, p) = (*from_offset, *to_offset, *partition);
                let known = self.model.shadow[topic][p as usize].len() as u64;
                if from >= to || to > known {
                    self.fail(format!("{e:?}: only offsets below {known} were ever below the HW"));
                }
                let gp = self.group_part(group, topic, p);
                let old: Vec<bool> = (from..to).map(|o| is_set(&gp.delivered, o)).collect();
                let before = old.iter().filter(|&&b| b).count() as u64;
                mark(&mut gp.delivered, from, to);
                // `redelivered` counts exactly the records delivered to the group
                // before (not those it skipped: consumer_groups.rs,
                // `redelivered_counts_only_records_the_group_had_read`).
                if *redelivered != before {
                    self.fail(format!(
                        "{e:?}: {before} of these records had been delivered to {group} before, not {redelivered}"
                    ));
                }
                // Per-key order over the records delivered for the first time (after a
                // rewind these need not be a prefix of the range).
                let gm = self.model.groups.get_mut(group).unwrap();
                if gm.last_to.insert(p, to).is_some_and(|prev| from < prev) {
                    gm.last_seq.retain(|(q, _), _| *q != p);
                }
                for o in (from..to).filter(|o| !old[(o - from) as usize]) {
                    let seen = self.model.shadow[topic][p as usize][o as usize];
                    if seen.key == NULL_KEY {
                        continue;
                    }
                    let gm = self.model.groups.get_mut(group).unwrap();
                    let last = gm.last_seq.insert((p, seen.key), seen.seq);
                    if last.is_some_and(|l| l >= seen.seq) {
                        self.fail(format!(
                            "{group} got {topic}-{p}@{o} (key {}, seq {}) after seq {} of the same key",
                            seen.key,
                            seen.seq,
                            last.unwrap()
                        ));
                    }
                }
                let gm = self.model.groups.get_mut(group).unwrap();
                gm.consumed += to - from;
                gm.redelivered += redelivered;
            }
            EventKind::SegmentsDeleted { topic, partition, from_offset, to_offset, unread_by, .. } => {
                let start = &mut self.model.log_start.get_mut(topic).unwrap()[*partition as usize];
                let expected = *start;
                *start = *to_offset;
                if *from_offset != expected || to_offset <= from_offset {
                    self.fail(format!("{e:?}: the log started at {expected}"));
                }
                for group in unread_by {
                    let gp = self.group_part(group, topic, *partition);
                    mark(&mut gp.excused, *from_offset, *to_offset);
                }
            }
            EventKind::OffsetReset { group, topic, partition, from, to, policy, cause } => {
                let start = self.model.log_start[topic][*partition as usize];
                let skipped_from = match cause {
                    // No committed offset: the group never had a claim below its start.
                    ResetCause::NoCommittedOffset => Some(0),
                    // Out of range: what retention deleted must have named the group;
                    // `latest` also skips the retained records up to the HW by design.
                    ResetCause::OutOfRange if *policy == OffsetReset::Latest => Some(from.unwrap_or(0).max(start)),
                    ResetCause::OutOfRange => {
                        if *to != start {
                            self.fail(format!("{e:?}: earliest must go to the log start {start}"));
                        }
                        None
                    }
                };
                if let Some(f) = skipped_from.filter(|&f| f < *to) {
                    mark(&mut self.group_part(group, topic, *partition).excused, f, *to);
                }
            }
            EventKind::OffsetsResetByCommand { group, topic, partition, from, to } => {
                let start = self.model.log_start[topic][*partition as usize];
                self.group_part(group, topic, *partition).committed = Some(*to);
                // The operator moved the group forward past these records on purpose.
                let skipped_from = match from {
                    None => 0,
                    Some(f) => (*f).max(start),
                };
                if skipped_from < *to {
                    mark(&mut self.group_part(group, topic, *partition).excused, skipped_from, *to);
                }
            }
            EventKind::Committed { group, topic, partition, offset, .. } => {
                self.group_part(group, topic, *partition).committed = Some(*offset)
            }
            EventKind::Rebalanced { group, generation, assignment, pending_revocation, .. } => {
                let Some(gm) = self.model.groups.get_mut(group) else {
                    self.fail(format!("rebalance of unknown group {group}"));
                };
                let expected = gm.generation + 1;
                gm.generation = *generation;
                let n = gm.parts.len() as u32;
                if *generation != expected {
                    self.fail(format!("{group} went to generation {generation}, expected {expected}"));
                }
                let mut owned = vec![0u32; n as usize];
                for tp in assignment.iter().flat_map(|(_, tps)| tps).chain(pending_revocation) {
                    if tp.partition >= n {
                        self.fail(format!("{group} assigned {tp} of a {n}-partition topic"));
                    }
                    owned[tp.partition as usize] += 1;
                }
                if owned.iter().any(|&c| c > 1) {
                    self.fail(format!("{e:?}: a partition is given out twice"));
                }
            }
            _ => {}
        }
    }

    // -- the view -------------------------------------------------------------

    fn check_view(&self, view: &ClusterView) {
        for gv in &view.groups {
            let gm = &self.model.groups[&gv.id];
            if (gv.generation, gv.consumed, gv.redelivered) != (gm.generation, gm.consumed, gm.redelivered) {
                self.fail(format!(
                    "{}: view says generation {} consumed {} redelivered {}, events say {} {} {}",
                    gv.id, gv.generation, gv.consumed, gv.redelivered, gm.generation, gm.consumed, gm.redelivered
                ));
            }
            let topic = view.topics.iter().find(|t| t.name == gv.topic).unwrap();
            let mut lags = Vec::new();
            for row in &gv.partitions {
                let hw = topic.partitions[row.partition as usize].high_watermark;
                let bad = row.log_end_offset != hw
                    || row.committed.is_some_and(|c| c > hw)
                    || row.position.is_some_and(|pos| pos > hw)
                    || row.lag != row.committed.map(|c| hw - c);
                if bad {
                    self.fail(format!("{} row {row:?} against HW {hw}", gv.id));
                }
                lags.extend(row.lag);
                let owners: Vec<&str> = gv
                    .members
                    .iter()
                    .filter(|m| m.assigned.iter().any(|tp| tp.partition == row.partition))
                    .map(|m| m.id.as_str())
                    .collect();
                if owners.len() > 1 || owners.first().copied() != row.owner.as_deref() {
                    self.fail(format!("{} partition {}: owners {owners:?}, row {row:?}", gv.id, row.partition));
                }
            }
            if gv.total_lag != lags.iter().sum::<u64>() || gv.max_lag != lags.iter().copied().max().unwrap_or(0) {
                self.fail(format!("{}: total/max lag {} {} for {lags:?}", gv.id, gv.total_lag, gv.max_lag));
            }
        }
    }

    // -- random steps ---------------------------------------------------------

    fn random_group_id(&mut self, view: &ClusterView) -> (String, bool) {
        if view.groups.is_empty() || self.g.chance(4) {
            ("nope".into(), false)
        } else {
            (self.g.pick(&view.groups).id, true)
        }
    }

    fn remove_or_crash(&mut self, view: &ClusterView, graceful: bool) {
        let (group, known) = self.random_group_id(view);
        let gv = view.groups.iter().find(|gv| gv.id == group);
        let live = gv.map_or(0, |gv| gv.members.iter().filter(|m| !m.crashed).count());
        let (member, expect) = match gv {
            None => (None, Some(ErrorCode::GroupIdNotFound)),
            Some(gv) if !gv.members.is_empty() && self.g.chance(40) => {
                let m = self.g.pick(&gv.members);
                let expect = m.crashed.then_some(ErrorCode::UnknownMemberId);
                (Some(m.id), expect)
            }
            Some(_) => (None, (live == 0).then_some(ErrorCode::UnknownMemberId)),
        };
        debug_assert!(known || expect.is_some());
        self.apply(Command::RemoveConsumer { group, member, graceful }, expect);
    }

    fn random_step(&mut self) {
        let view = self.cluster.view();
        let roll = self.g.below(100);
        match roll {
            0..=29 => {
                let n = 1 + self.g.below(8);
                self.ticks(n);
            }
            30..=39 => {
                let (group, known) = self.random_group_id(&view);
                let expect = (!known).then_some(ErrorCode::GroupIdNotFound);
                self.apply(Command::AddConsumer { group }, expect);
            }
            40..=45 => self.remove_or_crash(&view, true),
            46..=51 => self.remove_or_crash(&view, false),
            52..=55 => {
                let t = self.g.pick(&view.topics);
                let mut gc = random_group(&mut self.g, format!("g{}", self.next_group), &t.name);
                let mut expect = None;
                if self.g.chance(10) && !view.groups.is_empty() {
                    gc.id = self.g.pick(&view.groups).id;
                    expect = Some(ErrorCode::InvalidConfig);
                } else if self.g.chance(5) {
                    gc.max_poll_records = 0;
                    expect = Some(ErrorCode::InvalidConfig);
                } else {
                    self.next_group += 1;
                    self.model.policies.insert(gc.id.clone(), gc.auto_offset_reset);
                }
                self.apply(Command::AddGroup(gc), expect);
            }
            56..=59 => {
                let t = self.g.pick(&view.topics);
                if live_producers(&view).iter().filter(|p| p.topic == t.name).count() >= MAX_PRODUCERS_PER_TOPIC {
                    return self.tick();
                }
                let id = format!("p{}", self.next_producer);
                self.next_producer += 1;
                let mut pc = random_producer(&mut self.g, id, &t.name, t.partitions.len() as u32);
                let mut expect = None;
                if self.g.chance(5) {
                    pc.topic = "missing".into();
                    expect = Some(ErrorCode::UnknownTopicOrPartition);
                }
                self.apply(Command::AddProducer(pc), expect);
            }
            60..=62 => {
                let live = live_producers(&view);
                let (producer, expect) = if live.is_empty() || self.g.chance(10) {
                    ("nope".to_string(), Some(ErrorCode::InvalidRequest))
                } else {
                    (self.g.pick(&live).id, None)
                };
                self.apply(Command::RemoveProducer { producer }, expect);
            }
            63..=68 => {
                let live = live_producers(&view);
                if live.is_empty() {
                    return self.tick();
                }
                let producer = self.g.pick(&live).id;
                let (rate_per_s, expect) =
                    if self.g.chance(5) { (-1.0, Some(ErrorCode::InvalidConfig)) } else { (self.g.pick(&RATES), None) };
                self.apply(Command::SetProducerRate { producer, rate_per_s }, expect);
            }
            69..=73 => {
                let (group, known) = self.random_group_id(&view);
                let (records_per_s, mut expect) = if self.g.chance(5) {
                    (f64::NAN, Some(ErrorCode::InvalidConfig))
                } else {
                    (self.g.pick(&[0.0, 5.0, 30.0, 200.0, 2_000.0]), None)
                };
                if !known {
                    expect = Some(ErrorCode::GroupIdNotFound);
                }
                self.apply(Command::SetGroupRate { group, records_per_s }, expect);
            }
            74..=77 => {
                let t = self.g.pick(&view.topics);
                let n = t.partitions.len() as u32;
                if self.g.chance(25) {
                    let fewer = n - self.g.below(n + 1).min(n);
                    self.apply(
                        Command::AddPartitions { topic: t.name, partitions: fewer },
                        Some(ErrorCode::InvalidPartitions),
                    );
                } else if n < 8 {
                    let more = (n + 1 + self.g.below(2)).min(8);
                    self.apply(Command::AddPartitions { topic: t.name, partitions: more }, None);
                } else {
                    self.tick();
                }
            }
            78..=89 => {
                let (group, known) = self.random_group_id(&view);
                let spec = match self.g.below(4) {
                    0 => ResetSpec::ToEarliest,
                    1 => ResetSpec::ToLatest,
                    2 => ResetSpec::ToOffset(u64::from(self.g.below(300))),
                    _ => ResetSpec::ShiftBy(i64::from(self.g.below(60)) - 30),
                };
                let members = view.groups.iter().find(|gv| gv.id == group).map_or(0, |gv| gv.members.len());
                let expect = if !known {
                    Some(ErrorCode::GroupIdNotFound)
                } else {
                    (members > 0).then_some(ErrorCode::NonEmptyGroup)
                };
                self.apply(Command::ResetOffsets { group, spec }, expect);
            }
            90..=95 => {
                let (group, known) = self.random_group_id(&view);
                if known {
                    self.empty_group(&group);
                }
            }
            _ => {
                let n = 10 + self.g.below(20);
                self.ticks(n);
            }
        }
    }

    /// Every live member leaves gracefully.
    fn empty_group(&mut self, group: &str) {
        let view = self.cluster.view();
        let gv = view.groups.iter().find(|gv| gv.id == group).unwrap();
        for _ in gv.members.iter().filter(|m| !m.crashed) {
            self.apply(Command::RemoveConsumer { group: group.to_string(), member: None, graceful: true }, None);
        }
    }

    /// Producers stop; every group is emptied, `none` groups are pointed at the
    /// log start (what an operator does after OFFSET_OUT_OF_RANGE), and every
    /// group gets a very fast member until everyone has caught up.
    fn drain(&mut self) {
        for p in live_producers(&self.cluster.view()) {
            self.apply(Command::RemoveProducer { producer: p.id }, None);
        }
        let groups: Vec<String> = self.cluster.view().groups.iter().map(|g| g.id.clone()).collect();
        for group in &groups {
            self.empty_group(group);
        }
        let deadline = self.cluster.time_ms() + 20_000;
        while self.cluster.view().groups.iter().any(|g| !g.members.is_empty()) {
            if self.cluster.time_ms() > deadline {
                self.fail("crashed members were never removed".into());
            }
            self.tick();
        }
        for group in &groups {
            if self.model.policies.get(group) == Some(&OffsetReset::None) {
                self.apply(Command::ResetOffsets { group: group.clone(), spec: ResetSpec::ToEarliest }, None);
            }
            self.apply(Command::SetGroupRate { group: group.clone(), records_per_s: 1_000_000.0 }, None);
            // One member gets every partition at once (a second one would wait a
            // tick under cooperative-sticky, long enough for retention to move the
            // log start past a `none` group's offset again).
            self.apply(Command::AddConsumer { group: group.clone() }, None);
        }
        self.run_for(7_000);
        if !self.check {
            return;
        }
        let view = self.cluster.view();
        self.read_new_records(&view, true);
        // Everyone caught up…
        for gv in &view.groups {
            let topic = view.topics.iter().find(|t| t.name == gv.topic).unwrap();
            for row in &gv.partitions {
                let hw = topic.partitions[row.partition as usize].high_watermark;
                if row.owner.is_none() || row.position != Some(hw) {
                    self.fail(format!("{} has not caught up on {row:?} (HW {hw})", gv.id));
                }
            }
        }
        // …and every record was delivered to every group, or the group had no claim on it.
        for (group, gm) in &self.model.groups {
            let topic = view.topics.iter().find(|t| t.name == gm.topic).unwrap();
            for (p, gp) in gm.parts.iter().enumerate() {
                let hw = topic.partitions[p].high_watermark;
                if let Some(o) = (0..hw).find(|&o| !is_set(&gp.delivered, o) && !is_set(&gp.excused, o)) {
                    let record = self.model.shadow[&gm.topic][p][o as usize];
                    self.fail(format!(
                        "{}-{p}@{o} ({record:?}) never reached {group}, and no segments_deleted named it",
                        gm.topic
                    ));
                }
            }
        }
    }

    fn drive(mut self, steps: usize) -> (Vec<Event>, ClusterView) {
        while self.step < steps {
            self.step += 1;
            self.random_step();
        }
        self.step += 1;
        self.drain();
        let view = self.cluster.view();
        let events = std::mem::take(&mut self.events);
        (events, view)
    }
}

/// Producers not removed (the view keeps removed ones so record indices stay valid).
fn live_producers(view: &ClusterView) -> Vec<ProducerView> {
    view.producers.iter().filter(|p| p.active).cloned().collect()
}

const STEPS: usize = 60;

/// How often the interesting situations came up, so the test cannot pass by
/// never reaching them.
fn tally(events: &[Event], counts: &mut BTreeMap<&'static str, u64>) {
    for e in events {
        let special = match &e.kind {
            EventKind::SegmentsDeleted { unread_by, .. } if !unread_by.is_empty() => Some("deleted unread"),
            EventKind::OffsetReset { cause: ResetCause::OutOfRange, .. } => Some("reset out of range"),
            EventKind::Consumed { redelivered, .. } if *redelivered > 0 => Some("redelivery"),
            EventKind::Rebalanced { pending_revocation, .. } if !pending_revocation.is_empty() => {
                Some("cooperative revocation")
            }
            EventKind::MemberLeft { graceful: false, .. } => Some("session expired"),
            _ => None,
        };
        *counts.entry(e.type_name()).or_default() += 1;
        if let Some(s) = special {
            *counts.entry(s).or_default() += 1;
        }
    }
}

fn check_seed(seed: u64, counts: &mut BTreeMap<&'static str, u64>) {
    let (events, view) = Run::new(seed, true).drive(STEPS);
    tally(&events, counts);
    let (again, view_again) = Run::new(seed, false).drive(STEPS);
    if events != again {
        let i = events.iter().zip(&again).position(|(a, b)| a != b).unwrap_or(events.len().min(again.len()));
        panic!("seed {seed}: not deterministic; event {i} is {:?} then {:?}", events.get(i), again.get(i));
    }
    assert_eq!(view, view_again, "seed {seed}: not deterministic (final views differ)");
}

fn check_seeds(seeds: std::ops::Range<u64>) -> BTreeMap<&'static str, u64> {
    let mut counts = BTreeMap::new();
    if let Ok(seed) = std::env::var("KAFKA_SIM_SEED") {
        check_seed(seed.parse().expect("KAFKA_SIM_SEED is a number"), &mut counts);
        return counts;
    }
    for seed in seeds {
        check_seed(seed, &mut counts);
    }
    counts
}

/// The quick run: seeds 0..200 in two halves (run in parallel), each also
/// checking that the random mix still reaches the interesting situations.
fn quick(seeds: std::ops::Range<u64>) {
    let n = seeds.end - seeds.start;
    let counts = check_seeds(seeds);
    if std::env::var("KAFKA_SIM_SEED").is_ok() {
        return;
    }
    for (what, per_100_seeds) in [
        ("consumed", 5_000),
        ("deleted unread", 50),
        ("reset out of range", 10),
        ("offset_out_of_range", 5),
        ("offsets_reset_by_command", 50),
        ("redelivery", 50),
        ("cooperative revocation", 5),
        ("session expired", 25),
        ("idle_consumer", 25),
        ("partitions_added", 10),
        ("rejected", 100),
    ] {
        let got = counts.get(what).copied().unwrap_or(0);
        let want = per_100_seeds * n / 100;
        assert!(
            got >= want,
            "only {got} {what} events in {n} seeds: the random mix no longer reaches them\n{counts:#?}"
        );
    }
}

#[test]
fn random_command_sequences_keep_kafkas_invariants_seeds_0_to_99() {
    quick(0..100);
}

#[test]
fn random_command_sequences_keep_kafkas_invariants_seeds_100_to_199() {
    quick(100..200);
}

/// The long run: `cargo test -p kafka-sim --release --test properties -- --ignored`.
#[test]
#[ignore = "long: 10,000 seeds; run with --release -- --ignored"]
fn random_command_sequences_keep_kafkas_invariants_10000_seeds() {
    check_seeds(0..10_000);
}
