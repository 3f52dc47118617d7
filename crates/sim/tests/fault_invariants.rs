//! Seeded random fault scripts: for each seed a random cluster (3–5 brokers,
//! RF 1–3, 1–6 partitions, 1–3 producers with mixed acks, 1–2 consumer groups,
//! random fetch delay, `replica.lag.time.max.ms`, `broker.session.timeout.ms`
//! and `replica.fetch.max.bytes`) runs 40 simulated seconds of random broker
//! kills, restarts, controlled shutdowns, slow brokers, preferred elections,
//! `min.insync.replicas` and unclean-election flips, acks changes and partition
//! additions; then every broker comes back for the last 2 s. Kafka's replication
//! invariants are checked after every tick and after every script instant:
//!
//! 1. Structure: ISR ⊆ replicas, no duplicates, never empty; the leader is a
//!    replica and in the ISR; log start ≤ HW ≤ LEO; offsets are contiguous.
//! 2. The HW never exceeds the LEO of any ISR member, and never goes back on a
//!    stable leader (`Partition.maybeIncrementLeaderHW`).
//! 3. Leader epochs only increase, and change exactly when a `leader_elected`
//!    event says so.
//! 4. Committed records (below the highest HW seen, or read by a consumer, or
//!    acknowledged to an acks=all producer) never change or disappear unless an
//!    unclean election happened on that partition; a clean failover's
//!    `data_lost` only covers uncommitted offsets, and its acknowledged records
//!    can only be acks=1 records (checked record by record against the old
//!    leader's log just before the election). That is: no acknowledged acks=all
//!    record is lost without an unclean election.
//! 5. Every record a producer was told is written (acked − acked_lost in its
//!    ledger) is in a partition log, and the ledger adds up.
//! 6. Consumers never read beyond the HW: a `consumed` range ends at or below
//!    the HW. (Committed offsets and positions may be above a *new* leader's HW
//!    for a moment after a failover — it learned the HW one fetch late, as in
//!    Kafka — so they are checked against the highest HW the partition had, and
//!    what was read must be on the new leader.)
//! 7. Liveness: a partition with a live ISR member has a leader within a step,
//!    and a dead leader is replaced (or the partition goes offline) within
//!    `broker.session.timeout.ms`.
//! 8. A crashed broker registers again only once the controller fenced its old
//!    session (`ClusterControlManager.registerBroker` refuses a new incarnation
//!    with DUPLICATE_BROKER_REGISTRATION while `BrokerHeartbeatManager` holds a
//!    valid session), so it never resumes a leadership with its old epoch.
//! 9. No broker holds more than its disk (`broker_config.disk_bytes`, small in
//!    a third of the runs); a broker whose log directory failed is down, and
//!    halted like a crash (`LogManager.handleLogDirFailure`): invariants 7 and
//!    8 treat it as crashed.
//!
//! The engine bugs these runs once found (idempotent retries acknowledged above
//! the HW, partitions added while a broker is down led by the dead broker, a
//! record switched away from acks=0 counted twice when lost, consumers reset
//! after a clean failover, ISR changes without events, uncounted losses and
//! changed committed records after unclean elections, a panic electing a leader
//! with a longer log) are fixed; each has a minimal reproduction in
//! `tests/replication.rs`, and the generator produces every one of their triggers.

use kafka_sim::command::TopicConfigChange;
use kafka_sim::config::{Acks, BrokerSettings, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings};
use kafka_sim::event::{DataLossReason, ResetCause};
use kafka_sim::log::{Record, FLAG_ACKED};
use kafka_sim::scenario::{Action, Runner, Scenario, ScriptStep};
use kafka_sim::view::ClusterView;
use kafka_sim::{BrokerId, Cluster, Command, ErrorCode, Event, EventKind};
use std::collections::{BTreeMap, BTreeSet};

const T: &str = "t";
const DURATION_MS: u64 = 40_000;
/// Records per second per producer.
const RATE_LO: u64 = 5;
const RATE_HI: u64 = 40;
/// Scripts grow the topic to at most this many partitions.
const MAX_PARTITIONS: usize = 10;

// ---------------------------------------------------------------------------
// Random scripts
// ---------------------------------------------------------------------------

mod common;
use common::Rng;

fn step(at_ms: u64, action: Action) -> ScriptStep {
    ScriptStep::new(at_ms, action)
}

fn random_acks(rng: &mut Rng) -> (Acks, Option<bool>) {
    match rng.range(0, 5) {
        0 => (Acks::None, None),
        1 | 2 => (Acks::Leader, rng.pick(&[None, Some(false)])),
        _ => (Acks::All, rng.pick(&[None, Some(true), Some(false)])),
    }
}

fn random_scenario(seed: u64) -> Scenario {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED);
    let brokers = rng.range(3, 5) as u32;
    let rf = rng.range(1, 3) as u32;
    let mut partitions = rng.range(1, 6) as u32;
    let topic = TopicConfig {
        name: T.into(),
        partitions,
        replication_factor: rf,
        config: TopicSettings {
            min_insync_replicas: rng.range(1, u64::from(rf)) as u32,
            unclean_leader_election_enable: rng.chance(20),
            ..TopicSettings::default()
        },
    };
    let producers: Vec<ProducerConfig> = (0..rng.range(1, 3))
        .map(|i| {
            let (acks, enable_idempotence) = random_acks(&mut rng);
            let request_timeout_ms = rng.pick(&[2000, 5000, 30_000]);
            ProducerConfig {
                acks,
                enable_idempotence,
                key_space: if rng.chance(50) { Some(rng.range(5, 50) as u32) } else { None },
                request_timeout_ms,
                delivery_timeout_ms: request_timeout_ms * rng.range(1, 4),
                ..ProducerConfig::new(format!("p{i}"), T, rng.range(RATE_LO, RATE_HI) as f64)
            }
        })
        .collect();
    let groups: Vec<GroupConfig> = (0..rng.range(1, 2))
        .map(|i| GroupConfig {
            auto_offset_reset: rng.pick(&[OffsetReset::Earliest, OffsetReset::Latest]),
            enable_auto_commit: rng.chance(50),
            auto_commit_interval_ms: rng.pick(&[1000, 5000]),
            records_per_s: rng.range(20, 400) as f64,
            ..GroupConfig::new(format!("g{i}"), T, rng.range(1, 3) as u32)
        })
        .collect();
    let mut broker_config = BrokerSettings {
        replica_lag_time_max_ms: rng.range(10, 80) * 100,
        broker_session_timeout_ms: rng.range(10, 60) * 100,
        replica_fetch_max_bytes: rng.pick(&[500, 5000, 1_048_576]),
        fetch_delay_ms: rng.range(1, 5) * 100,
        ..BrokerSettings::default()
    };
    // The script. The generator tracks which brokers it has stopped so that most
    // steps are valid; a refused step is harmless (a `rejected` event).
    let mut alive: Vec<bool> = vec![true; brokers as usize + 1];
    let mut acks_now: Vec<Acks> = producers.iter().map(|p| p.acks).collect();
    let mut script = Vec::new();
    let mut t = 0;
    loop {
        t += rng.range(5, 40) * 100;
        if t >= DURATION_MS - 2000 {
            break;
        }
        let up: Vec<BrokerId> = (1..=brokers).filter(|&b| alive[b as usize]).collect();
        let down: Vec<BrokerId> = (1..=brokers).filter(|&b| !alive[b as usize]).collect();
        let roll = rng.range(0, 99);
        let s = match roll {
            0..=19 if up.len() > 1 => {
                let b = rng.pick(&up);
                alive[b as usize] = false;
                ScriptStep { broker: Some(b), ..step(t, Action::KillBroker) }
            }
            20..=29 if up.len() > 1 => {
                let b = rng.pick(&up);
                alive[b as usize] = false;
                ScriptStep { broker: Some(b), ..step(t, Action::ShutdownBroker) }
            }
            0..=44 if !down.is_empty() => {
                let b = rng.pick(&down);
                alive[b as usize] = true;
                ScriptStep { broker: Some(b), ..step(t, Action::RestartBroker) }
            }
            45..=59 => ScriptStep {
                broker: Some(rng.range(1, u64::from(brokers)) as u32),
                factor: Some(rng.pick(&[1, 1, 2, 5, 20, 100, 10_000])),
                ..step(t, Action::SlowBroker)
            },
            60..=67 => ScriptStep {
                topic: if rng.chance(50) { Some(T.to_string()) } else { None },
                ..step(t, Action::ElectPreferredLeader)
            },
            68..=75 => ScriptStep {
                topic: Some(T.into()),
                config: Some(TopicConfigChange {
                    min_insync_replicas: Some(rng.range(1, u64::from(rf)) as u32),
                    ..TopicConfigChange::default()
                }),
                ..step(t, Action::SetTopicConfig)
            },
            76..=81 => ScriptStep {
                topic: Some(T.into()),
                config: Some(TopicConfigChange {
                    unclean_leader_election_enable: Some(rng.chance(40)),
                    ..TopicConfigChange::default()
                }),
                ..step(t, Action::SetTopicConfig)
            },
            82..=91 => {
                let pi = rng.range(0, producers.len() as u64 - 1) as usize;
                let (acks, enable_idempotence) = random_acks(&mut rng);
                acks_now[pi] = acks;
                ScriptStep {
                    producer: Some(format!("p{pi}")),
                    acks: Some(acks),
                    enable_idempotence,
                    ..step(t, Action::SetProducer)
                }
            }
            92..=95 if partitions < 8 => {
                partitions += rng.range(1, 2) as u32;
                ScriptStep { topic: Some(T.into()), partitions: Some(partitions), ..step(t, Action::AddPartitions) }
            }
            _ => continue,
        };
        script.push(s);
    }
    // Everything comes back and runs normally for the last seconds, so that
    // liveness (and catching up) is exercised at the end of every run.
    // Drawn last, so the rest of each seed's run is what it was before disks.
    if rng.chance(33) {
        broker_config.disk_bytes = rng.range(2, 24) * 65_536;
    }
    for b in 1..=brokers {
        script.push(ScriptStep { broker: Some(b), factor: Some(1), ..step(DURATION_MS - 2000, Action::SlowBroker) });
        if !alive[b as usize] {
            script.push(ScriptStep { broker: Some(b), ..step(DURATION_MS - 2000, Action::RestartBroker) });
        }
    }
    Scenario {
        seed,
        brokers,
        topics: vec![topic],
        producers,
        groups,
        step_ms: 100,
        broker_config,
        script,
        duration_ms: DURATION_MS,
    }
}

// ---------------------------------------------------------------------------
// The checker
// ---------------------------------------------------------------------------

#[derive(Default)]
struct PartitionTrack {
    /// (producer, seq) of every committed offset: [0, highest HW seen).
    committed: Vec<(u16, u32)>,
    epoch: u32,
    leader: Option<BrokerId>,
    hw: u64,
    unclean_ever: bool,
    /// Since when the partition has had no leader although an ISR member is alive.
    leaderless_with_live_isr_since: Option<u64>,
    /// Since when its leader has been this dead broker.
    dead_leader_since: Option<(BrokerId, u64)>,
}

struct Checker {
    seed: u64,
    parts: Vec<PartitionTrack>,
    /// Per producer: (from t_ms, acks) — to tell acks=all records from others.
    acks_history: Vec<Vec<(u64, Acks)>>,
    session_timeout_ms: u64,
    step_ms: u64,
    /// Crashed, not yet fenced brokers and when they crashed.
    crashed: BTreeMap<BrokerId, u64>,
    /// Each partition's uncommitted records ([HW, LEO) of the leader's log),
    /// taken before a step that may elect a leader: what a `data_lost` event
    /// from that step refers to.
    tails: Option<Vec<Vec<(u64, Record)>>>,
    isrs: Vec<Vec<BrokerId>>,
}

macro_rules! check {
    ($self:ident, $t:expr, $cond:expr, $($msg:tt)+) => {
        if !$cond {
            panic!("seed {} at {} ms: {}", $self.seed, $t, format!($($msg)+));
        }
    };
}

impl Checker {
    fn new(seed: u64, s: &Scenario) -> Self {
        Checker {
            seed,
            parts: Vec::new(),
            acks_history: s.producers.iter().map(|p| vec![(0, p.acks)]).collect(),
            session_timeout_ms: s.broker_config.broker_session_timeout_ms,
            step_ms: s.step_ms,
            crashed: BTreeMap::new(),
            tails: None,
            isrs: Vec::new(),
        }
    }

    /// Whether the next tick may fence a broker (and so elect leaders).
    fn fence_due(&self, next_tick_ms: u64) -> bool {
        self.crashed.values().any(|&t| next_tick_ms - t >= self.session_timeout_ms)
    }

    /// Remembers every partition's uncommitted tail before a step that may elect.
    fn snapshot_tails(&mut self, c: &Cluster) {
        // (`records` of a partition that does not exist yet is empty.)
        let tails = (0..MAX_PARTITIONS)
            .map(|p| {
                let hw = self.parts.get(p).map_or(0, |t| t.hw);
                c.records(T, p as u32, hw, u64::MAX)
            })
            .collect();
        self.tails = Some(tails);
    }

    fn ever_acks_1(&self, pi: usize) -> bool {
        self.acks_history[pi].iter().any(|&(_, a)| a == Acks::Leader)
    }

    /// Whether producer `pi` has only ever used acks=all (so FLAG_ACKED on its
    /// records means the HW passed them).
    fn always_acks_all(&self, pi: usize) -> bool {
        self.acks_history[pi].iter().all(|&(_, a)| a == Acks::All)
    }

    /// Checks the state after one step: a tick, or the script commands due at
    /// this time (checked separately, so no HW between them goes unseen).
    fn step(&mut self, c: &Cluster, events: &[Event], ticked: bool) {
        let now = c.time_ms();
        let v = c.view();
        let topic = &v.topics[0];
        // New partitions (at the start, or added) begin led by their first replica, epoch 0.
        while self.parts.len() < topic.partitions.len() {
            let pv = &topic.partitions[self.parts.len()];
            check!(self, now, pv.leader_epoch == 0 && pv.leader == Some(pv.replicas[0]), "new partition {pv:?}");
            self.parts.push(PartitionTrack { leader: pv.leader, ..PartitionTrack::default() });
        }
        let committed_before: Vec<u64> = self.parts.iter().map(|p| p.committed.len() as u64).collect();
        for b in &v.brokers {
            check!(
                self,
                now,
                b.traffic.disk_bytes <= b.disk_capacity_bytes,
                "broker {} holds {} bytes on a {}-byte disk",
                b.id,
                b.traffic.disk_bytes,
                b.disk_capacity_bytes
            );
            check!(self, now, !(b.log_dir_offline && b.alive), "broker {} is up with its log directory offline", b.id);
        }

        // Events first: elections, losses, consumption, resets, acks changes.
        let mut elected: BTreeSet<u32> = BTreeSet::new();
        // (partition, broker) pairs announced leaving / joining an ISR.
        let mut isr_events: BTreeSet<(u32, BrokerId, bool)> = BTreeSet::new();
        let mut unclean_now: BTreeSet<u32> = BTreeSet::new();
        let mut consumed_to: BTreeMap<u32, u64> = BTreeMap::new();
        for e in events {
            match &e.kind {
                EventKind::LeaderElected { partition, leader, epoch, unclean, .. } => {
                    let p = &mut self.parts[*partition as usize];
                    check!(
                        self,
                        e.t_ms,
                        *epoch > p.epoch,
                        "partition {partition}: leader epoch {epoch} after {}",
                        p.epoch
                    );
                    p.epoch = *epoch;
                    p.leader = Some(*leader);
                    if *unclean {
                        p.unclean_ever = true;
                        unclean_now.insert(*partition);
                        // The new leader's log is the truth from now on.
                        p.committed.clear();
                    }
                    elected.insert(*partition);
                }
                EventKind::DataLost { partition, from_offset, to_offset, acked, acks0, reason, .. } => {
                    check!(self, e.t_ms, from_offset < to_offset && acked + acks0 <= to_offset - from_offset,
                        "partition {partition}: data_lost [{from_offset}, {to_offset}) with {acked} acked, {acks0} acks=0");
                    if *reason == DataLossReason::LeaderFailover {
                        let committed = committed_before[*partition as usize];
                        check!(self, e.t_ms, *from_offset >= committed,
                            "partition {partition}: a clean failover lost [{from_offset}, {to_offset}) but offsets below {committed} were committed");
                        // Acknowledged records lost in a clean failover can only
                        // be acks=1 records: count the lost records that could be.
                        // (Records appended in the same tick, after the snapshot,
                        // are unknown: they may be acks=1 too.)
                        if *acked > 0 {
                            let tail = self.tails.as_ref().map(|t| &t[*partition as usize]);
                            check!(
                                self,
                                e.t_ms,
                                tail.is_some(),
                                "partition {partition}: data_lost from an unexpected election"
                            );
                            let tail = tail.map(Vec::as_slice).unwrap_or_default();
                            let known_end = tail.last().map_or(0, |(o, _)| o + 1);
                            let mut could_be_acks_1 = to_offset.saturating_sub((*from_offset).max(known_end));
                            for (o, r) in tail {
                                if (*from_offset..*to_offset).contains(o) && self.ever_acks_1(r.producer() as usize) {
                                    could_be_acks_1 += 1;
                                }
                            }
                            check!(self, e.t_ms, *acked <= could_be_acks_1,
                                "partition {partition}: a clean failover lost {acked} acknowledged records in [{from_offset}, {to_offset}), at most {could_be_acks_1} of them from acks=1");
                        }
                    }
                }
                EventKind::Consumed { partition, to_offset, .. } => {
                    let m = consumed_to.entry(*partition).or_default();
                    *m = (*m).max(*to_offset);
                }
                EventKind::OffsetReset { partition, cause: ResetCause::OutOfRange, from, to, .. } => {
                    let p = &self.parts[*partition as usize];
                    check!(self, e.t_ms, p.unclean_ever,
                        "partition {partition}: consumer reset from {from:?} to {to} as out of range without an unclean election");
                }
                EventKind::IsrShrunk { partition, broker, .. } => {
                    isr_events.insert((*partition, *broker, false));
                }
                EventKind::IsrExpanded { partition, broker, .. } => {
                    isr_events.insert((*partition, *broker, true));
                }
                EventKind::BrokerCrashed { broker, .. } | EventKind::LogDirFailed { broker, .. } => {
                    self.crashed.insert(*broker, e.t_ms);
                }
                EventKind::BrokerFenced { broker } => {
                    self.crashed.remove(broker);
                }
                EventKind::BrokerRestarted { broker } => {
                    check!(
                        self,
                        e.t_ms,
                        !self.crashed.contains_key(broker),
                        "broker {broker} registered again while its crashed incarnation's session was valid"
                    );
                }
                EventKind::RegistrationRefused { broker, session_expires_at_ms } => {
                    let crashed = self.crashed.get(broker).map(|t| t + self.session_timeout_ms);
                    check!(
                        self,
                        e.t_ms,
                        crashed == Some(*session_expires_at_ms) && e.t_ms < *session_expires_at_ms,
                        "broker {broker} refused until {session_expires_at_ms} ms, but its session ends at {crashed:?}"
                    );
                }
                EventKind::Rejected { code, reason, .. } => {
                    // Scripts may ask for impossible things (e.g. elect while the
                    // preferred replica is down is fine; killing a dead broker is not).
                    check!(
                        self,
                        e.t_ms,
                        *code == ErrorCode::InvalidRequest
                            || *code == ErrorCode::InvalidConfig
                            // Adding partitions needs RF live brokers.
                            || *code == ErrorCode::InvalidReplicationFactor,
                        "unexpected rejection {code}: {reason:?}"
                    );
                }
                _ => {}
            }
        }
        // Acks changes (only commands change them).
        for (pi, p) in v.producers.iter().enumerate() {
            let acks = match p.acks {
                "0" => Acks::None,
                "1" => Acks::Leader,
                _ => Acks::All,
            };
            if self.acks_history[pi].last().map(|&(_, a)| a) != Some(acks) {
                self.acks_history[pi].push((now, acks));
            }
        }

        let alive: BTreeSet<BrokerId> = v.brokers.iter().filter(|b| b.alive).map(|b| b.id).collect();
        for (i, pv) in topic.partitions.iter().enumerate() {
            let pn = i as u32;
            if let Some(before) = self.isrs.get(i) {
                // An unclean election resets the ISR to the new leader.
                if !unclean_now.contains(&pn) {
                    for b in before.iter().filter(|b| !pv.isr.contains(b)) {
                        check!(
                            self,
                            now,
                            isr_events.contains(&(pn, *b, false)),
                            "partition {pn}: broker {b} left the ISR {before:?} -> {:?} without an isr_shrunk event",
                            pv.isr
                        );
                    }
                    for b in pv.isr.iter().filter(|b| !before.contains(b)) {
                        check!(self, now, isr_events.contains(&(pn, *b, true)),
                            "partition {pn}: broker {b} joined the ISR {before:?} -> {:?} without an isr_expanded event", pv.isr);
                    }
                }
            }
        }
        self.isrs = topic.partitions.iter().map(|p| p.isr.clone()).collect();
        for (i, pv) in topic.partitions.iter().enumerate() {
            let pn = i as u32;
            // 1. Structure.
            let isr: BTreeSet<BrokerId> = pv.isr.iter().copied().collect();
            check!(self, now, !pv.isr.is_empty() && isr.len() == pv.isr.len(), "partition {pn}: ISR {:?}", pv.isr);
            check!(
                self,
                now,
                pv.isr.iter().all(|b| pv.replicas.contains(b)),
                "partition {pn}: ISR {:?} not within replicas {:?}",
                pv.isr,
                pv.replicas
            );
            if let Some(l) = pv.leader {
                check!(self, now, pv.isr.contains(&l), "partition {pn}: leader {l} not in ISR {:?}", pv.isr);
            }
            check!(
                self,
                now,
                pv.log_start_offset <= pv.high_watermark && pv.high_watermark <= pv.log_end_offset,
                "partition {pn}: start {} HW {} LEO {}",
                pv.log_start_offset,
                pv.high_watermark,
                pv.log_end_offset
            );
            check!(
                self,
                now,
                pv.log_end_offsets.len() == pv.replicas.len(),
                "partition {pn}: {:?}",
                pv.log_end_offsets
            );
            // 2. HW ≤ every ISR member's LEO; no going back on a stable leader.
            let track = &self.parts[i];
            if pv.leader.is_some() {
                for &(b, leo) in &pv.log_end_offsets {
                    if pv.isr.contains(&b) {
                        check!(
                            self,
                            now,
                            pv.high_watermark <= leo,
                            "partition {pn}: HW {} above ISR member {b}'s LEO {leo} ({:?}, ISR {:?})",
                            pv.high_watermark,
                            pv.log_end_offsets,
                            pv.isr
                        );
                    }
                }
                if !elected.contains(&pn) && track.leader == pv.leader {
                    check!(
                        self,
                        now,
                        pv.high_watermark >= track.hw,
                        "partition {pn}: HW went back from {} to {} on a stable leader",
                        track.hw,
                        pv.high_watermark
                    );
                }
            }
            // 3. Epochs change exactly with leader_elected.
            check!(
                self,
                now,
                pv.leader_epoch == track.epoch,
                "partition {pn}: epoch {} but the events said {}",
                pv.leader_epoch,
                track.epoch
            );
            if pv.leader.is_some() {
                check!(
                    self,
                    now,
                    pv.leader == track.leader,
                    "partition {pn}: leader {:?} but the events said {:?}",
                    pv.leader,
                    track.leader
                );
            }
            // 4. Committed records never change (verified in full after a leader
            // change: a stable leader's log only grows), then extended to the HW.
            // An offline partition keeps its last leader's log and HW.
            {
                let committed = &self.parts[i].committed;
                let len = committed.len() as u64;
                if elected.contains(&pn) && pv.leader.is_some() {
                    check!(
                        self,
                        now,
                        pv.log_end_offset >= len,
                        "partition {pn}: clean election to a leader with LEO {} below the committed {len}",
                        pv.log_end_offset
                    );
                    let now_ids: Vec<(u16, u32)> =
                        c.records(T, pn, 0, len).iter().map(|(_, r)| (r.producer(), r.seq())).collect();
                    if let Some(o) = committed.iter().zip(&now_ids).position(|(a, b)| a != b) {
                        check!(
                            self,
                            now,
                            false,
                            "partition {pn}: committed offset {o} was {:?}, the new leader {:?} has {:?}",
                            committed[o],
                            pv.leader,
                            now_ids[o]
                        );
                    }
                }
                let len = self.parts[i].committed.len() as u64;
                // What consumers read was committed at that moment, even if a
                // new leader's HW is briefly lower: after a clean election the
                // new leader must have it.
                let read = consumed_to.get(&pn).copied().unwrap_or(0);
                let mut upto = if unclean_now.contains(&pn) { pv.high_watermark } else { pv.high_watermark.max(read) };
                // Likewise an acks=all acknowledgement means the record was
                // committed (the HW had passed it), even if an election later in
                // the same tick replaced that HW with the new leader's lower one.
                if elected.contains(&pn) && !unclean_now.contains(&pn) && pv.leader.is_some() {
                    for (o, r) in c.records(T, pn, len, pv.log_end_offset) {
                        if r.flags() & FLAG_ACKED != 0 && self.always_acks_all(r.producer() as usize) {
                            upto = upto.max(o + 1);
                        }
                    }
                }
                check!(
                    self,
                    now,
                    upto <= pv.log_end_offset,
                    "partition {pn}: consumers read up to {read}, the leader's LEO is {}",
                    pv.log_end_offset
                );
                let recs = c.records(T, pn, len, upto);
                let mut expect = len;
                for (o, _) in &recs {
                    check!(self, now, *o == expect, "partition {pn}: offset {o} where {expect} was expected");
                    expect += 1;
                }
                check!(
                    self,
                    now,
                    expect == upto.max(len),
                    "partition {pn}: records stop at {expect}, HW {}",
                    pv.high_watermark
                );
                let p = &mut self.parts[i];
                p.committed.extend(recs.iter().map(|(_, r)| (r.producer(), r.seq())));
            }
            // 6. Consumers read below the HW of the moment.
            // (In a step with an election the HW of the moment is not visible;
            // what was read is then required to be on the new leader, above.)
            let bound = committed_before[i].max(self.parts[i].committed.len() as u64);
            if let Some(&to) = consumed_to.get(&pn) {
                if !elected.contains(&pn) {
                    check!(
                        self,
                        now,
                        to <= pv.high_watermark,
                        "partition {pn}: consumed up to {to}, HW {}",
                        pv.high_watermark
                    );
                }
            }
            if !self.parts[i].unclean_ever {
                for g in &v.groups {
                    let gp = &g.partitions[i];
                    for o in [gp.committed, gp.position].into_iter().flatten() {
                        check!(
                            self,
                            now,
                            o <= bound,
                            "group {}: partition {pn} at offset {o}, above every HW it had ({bound})",
                            g.id
                        );
                    }
                }
            }
            // 7. Liveness.
            let p = &mut self.parts[i];
            let live_isr = pv.isr.iter().any(|b| alive.contains(b));
            if pv.leader.is_none() && live_isr {
                let since = *p.leaderless_with_live_isr_since.get_or_insert(now);
                check!(
                    self,
                    now,
                    now - since <= self.step_ms,
                    "partition {pn}: no leader since {since} although ISR {:?} has a live member",
                    pv.isr
                );
            } else {
                p.leaderless_with_live_isr_since = None;
            }
            match pv.leader {
                Some(l) if !alive.contains(&l) => {
                    if p.dead_leader_since.is_none_or(|(b, _)| b != l) {
                        p.dead_leader_since = Some((l, now));
                    }
                    let since = p.dead_leader_since.map_or(now, |(_, t)| t);
                    check!(
                        self,
                        now,
                        now - since <= self.session_timeout_ms + self.step_ms,
                        "partition {pn}: led by dead broker {l} since {since}"
                    );
                }
                _ => p.dead_leader_since = None,
            }
            let p = &mut self.parts[i];
            p.hw = pv.high_watermark;
            if pv.leader.is_some() {
                p.leader = pv.leader;
            }
        }
        // 5. The ledger adds up.
        for pr in &v.producers {
            let l = &pr.ledger;
            check!(self, now, l.acked_lost <= l.acked && l.unacknowledged_lost <= l.unacknowledged, "{}: {l:?}", pr.id);
            check!(self, now, l.acked + l.failed + l.unacknowledged <= pr.sent, "{}: sent {} {l:?}", pr.id, pr.sent);
        }
        if ticked && (now % 10_000 == 0 || now >= DURATION_MS) {
            self.acknowledged_records_are_present(c, &v);
        }
        self.tails = None;
    }

    /// Every record a producer was told is written, and not reported lost, is
    /// in some partition's log.
    fn acknowledged_records_are_present(&self, c: &Cluster, v: &ClusterView) {
        let now = v.time_ms;
        // A record's sequence number is unique per producer and it goes to one
        // partition, so distinct sequence numbers count distinct records.
        let mut present: Vec<Vec<bool>> = v.producers.iter().map(|p| vec![false; p.sent as usize]).collect();
        let mut count = vec![0u64; v.producers.len()];
        for p in 0..v.topics[0].partitions.len() as u32 {
            for (_, rec) in c.records(T, p, 0, u64::MAX) {
                let (pi, seq) = (rec.producer() as usize, rec.seq() as usize);
                if !present[pi][seq] {
                    present[pi][seq] = true;
                    count[pi] += 1;
                }
            }
        }
        for (pi, pr) in v.producers.iter().enumerate() {
            let owed = pr.ledger.acked - pr.ledger.acked_lost;
            check!(
                self,
                now,
                count[pi] >= owed,
                "{}: {owed} records acknowledged and not reported lost, only {} in the logs ({:?})",
                pr.id,
                count[pi],
                pr.ledger
            );
        }
    }
}

/// Runs one seed; panics with the seed and the reason on the first violation.
fn run_seed(seed: u64) -> RunStats {
    let s = random_scenario(seed);
    s.validate().unwrap_or_else(|e| panic!("seed {seed}: invalid scenario: {}", e.en()));
    let mut c = Cluster::new(s.config()).unwrap_or_else(|e| panic!("seed {seed}: invalid scenario: {}", e.en()));
    // The script, as `Runner` plays it (stable order for steps at the same time),
    // but with a check after the commands of each instant as well as after each tick.
    let mut script: Vec<(u64, Command)> =
        s.script.iter().enumerate().map(|(i, st)| (st.at_ms, st.command(i).expect("valid step"))).collect();
    script.sort_by_key(|(t, _)| *t);
    let mut next = 0;
    let mut checker = Checker::new(seed, &s);
    let mut stats = RunStats::default();
    let _ = c.drain_events();
    loop {
        if next < script.len() && script[next].0 <= c.time_ms() {
            checker.snapshot_tails(&c);
            while next < script.len() && script[next].0 <= c.time_ms() {
                // A refused step is recorded as a `rejected` event (checked).
                let _ = c.apply(script[next].1.clone());
                next += 1;
            }
            let events = c.drain_events();
            stats.count(&events);
            checker.step(&c, &events, false);
        }
        if c.time_ms() >= s.duration_ms {
            break;
        }
        if checker.fence_due(c.time_ms() + s.step_ms) {
            checker.snapshot_tails(&c);
        }
        c.tick();
        let events = c.drain_events();
        stats.count(&events);
        checker.step(&c, &events, true);
    }
    stats
}

impl RunStats {
    fn count(&mut self, events: &[Event]) {
        for e in events {
            match &e.kind {
                EventKind::LeaderElected { unclean, .. } => {
                    self.elections += 1;
                    self.unclean += u64::from(*unclean);
                }
                EventKind::PartitionOffline { .. } => self.offline += 1,
                EventKind::DataLost { .. } => self.data_lost += 1,
                EventKind::Truncated { .. } => self.truncated += 1,
                EventKind::IsrShrunk { .. } => self.isr_shrunk += 1,
                EventKind::IsrExpanded { .. } => self.isr_expanded += 1,
                EventKind::RegistrationRefused { .. } => self.refused += 1,
                EventKind::LogDirFailed { .. } => self.log_dir_failed += 1,
                _ => {}
            }
        }
    }
}

#[derive(Default, Debug)]
struct RunStats {
    elections: u64,
    unclean: u64,
    offline: u64,
    data_lost: u64,
    truncated: u64,
    isr_shrunk: u64,
    isr_expanded: u64,
    refused: u64,
    log_dir_failed: u64,
}

fn run_seeds(seeds: std::ops::Range<u64>) {
    let n = seeds.end - seeds.start;
    let mut total = RunStats::default();
    for seed in seeds {
        // An engine panic does not name the seed: catch it and say which.
        let s = match std::panic::catch_unwind(|| run_seed(seed)) {
            Ok(s) => s,
            Err(e) => {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                if msg.starts_with("seed ") {
                    panic!("{msg}");
                }
                panic!("seed {seed}: the engine panicked: {msg}");
            }
        };
        total.elections += s.elections;
        total.unclean += s.unclean;
        total.offline += s.offline;
        total.data_lost += s.data_lost;
        total.truncated += s.truncated;
        total.isr_shrunk += s.isr_shrunk;
        total.isr_expanded += s.isr_expanded;
        total.refused += s.refused;
        total.log_dir_failed += s.log_dir_failed;
    }
    eprintln!("{n} seeds: {total:?}");
    // The runs must actually exercise failures.
    assert!(total.elections > 0 && total.unclean > 0 && total.offline > 0 && total.data_lost > 0);
    assert!(total.truncated > 0 && total.isr_shrunk > 0 && total.isr_expanded > 0 && total.refused > 0);
    assert!(total.log_dir_failed > 0);
}

/// Every invariant over 300 seeds.
#[test]
fn replication_invariants_hold_under_random_faults() {
    run_seeds(0..300);
}

/// The same invariants over 10,000 seeds (run with `--release -- --ignored`).
#[test]
#[ignore = "long: 10,000 seeds; run with cargo test --release -p kafka-sim --test fault_invariants -- --ignored"]
fn replication_invariants_hold_under_random_faults_10k_seeds() {
    run_seeds(0..10_000);
}

/// Prints one seed's scenario and its replication events, to reproduce a
/// failure: `SEED=n cargo test -p kafka-sim --test fault_invariants print_seed
/// -- --ignored --nocapture`.
#[test]
#[ignore = "a debugging aid, not a test"]
fn print_seed() {
    let Some(seed) = std::env::var("SEED").ok().and_then(|s| s.parse().ok()) else {
        return;
    };
    let s = random_scenario(seed);
    eprintln!("{} brokers, {:?}, {:?}", s.brokers, s.topics[0], s.broker_config);
    for p in &s.producers {
        eprintln!("  producer {} acks {:?} idempotence {:?} {}/s", p.id, p.acks, p.enable_idempotence, p.rate_per_s);
    }
    for st in &s.script {
        eprintln!("  {:>6} {:?} {:?}", st.at_ms, st.action, st.command(0).map_err(|e| e.en()));
    }
    let mut r = Runner::new(&s).expect("valid scenario");
    while r.cluster.time_ms() < s.duration_ms {
        let t = r.cluster.time_ms() + s.step_ms;
        r.run_until(t);
        for e in r.cluster.drain_events() {
            if !matches!(
                e.kind,
                EventKind::Produced { .. }
                    | EventKind::Consumed { .. }
                    | EventKind::Committed { .. }
                    | EventKind::ProduceError { .. }
                    | EventKind::Duplicated { .. }
            ) {
                eprintln!("{e:?}");
            }
        }
    }
}
