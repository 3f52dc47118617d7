//! Time travel: a run's history, kept so that any earlier simulated time can
//! be shown exactly, and forked.
//!
//! How: periodic snapshots plus deterministic replay. Every `every_ms` of
//! simulated time the caller's cluster is cloned (cheap: a log's records live
//! in shared chunks, `partition/records.rs`, so a snapshot copies pointers and
//! shares every record with the live run until one side writes). Every
//! accepted command is kept with its time. Seeking to `t` restores the last
//! snapshot at or before `t` and replays the commands and steps up to `t`
//! exactly as `scenario::Runner::run_until` would: commands due at a time are
//! applied before the step that leaves it, and those at `t` itself are
//! applied. The engine is deterministic, so the result is the state a fresh
//! run to `t` reaches (tested in `tests/timeline.rs`).
//!
//! Besides the state, the timeline keeps what the learner sees on the
//! scrubber: marks for notable events (crashes, elections, ISR changes,
//! rebalances, data loss, refused requests, forks) and the stretches during
//! which some partition was under-replicated or offline.
//!
//! Bounds (issue 14: nothing may grow forever): snapshots span at most
//! [`MAX_HISTORY_MS`] of simulated time and at most [`MAX_HISTORY_RECORDS`]
//! records written since the oldest kept one (what the snapshots keep alive
//! that retention has deleted from the live logs); older history is dropped
//! from the start and the scrubber starts later. Marks are a ring of
//! [`MAX_MARKS`]; bands are merged stretches, dropped with their history.
//!
//! `X` is whatever else the caller must restore with the cluster (the app's
//! event log rings); it is cloned at each snapshot.

use crate::cluster::Cluster;
use crate::command::Command;
use crate::event::{Event, EventKind};
use crate::scenario::Runner;
use std::collections::VecDeque;
use std::sync::Arc;

/// Simulated time between snapshots: the most a seek into recent history
/// replays.
pub const SNAPSHOT_EVERY_MS: u64 = 5_000;
/// Most snapshots kept. Past it, every other snapshot in the older half goes
/// (the first stays): old history stays reachable, its seeks replay longer.
pub const MAX_SNAPSHOTS: usize = 128;
/// Longest stretch of simulated time kept (30 minutes).
pub const MAX_HISTORY_MS: u64 = 30 * 60 * 1000;
/// Most records (over all replicas) written since the oldest snapshot kept:
/// each is 16 bytes that the snapshots may keep alive, so history costs at
/// most ~48 MB of records whatever the rates.
pub const MAX_HISTORY_RECORDS: u64 = 3_000_000;
/// Most marks kept (the oldest go first).
pub const MAX_MARKS: usize = 2_000;

/// What a mark on the timeline stands for. `name()` is the test hook's suffix
/// (`timeline-mark-<kind>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MarkKind {
    /// A broker crashed, or halted on a full disk.
    Crash,
    Shutdown,
    Restart,
    Election,
    UncleanElection,
    IsrShrink,
    IsrExpand,
    Rebalance,
    DataLoss,
    /// A request was refused (a produce error, a rejected command).
    Refused,
    /// The learner acted in the past: later history was discarded here.
    Fork,
}

impl MarkKind {
    pub const ALL: [MarkKind; 11] = [
        MarkKind::Crash,
        MarkKind::Shutdown,
        MarkKind::Restart,
        MarkKind::Election,
        MarkKind::UncleanElection,
        MarkKind::IsrShrink,
        MarkKind::IsrExpand,
        MarkKind::Rebalance,
        MarkKind::DataLoss,
        MarkKind::Refused,
        MarkKind::Fork,
    ];

    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Crash => "crash",
            MarkKind::Shutdown => "shutdown",
            MarkKind::Restart => "restart",
            MarkKind::Election => "election",
            MarkKind::UncleanElection => "unclean-election",
            MarkKind::IsrShrink => "isr-shrink",
            MarkKind::IsrExpand => "isr-expand",
            MarkKind::Rebalance => "rebalance",
            MarkKind::DataLoss => "data-loss",
            MarkKind::Refused => "refused",
            MarkKind::Fork => "fork",
        }
    }

    /// The mark an event puts on the timeline, if any.
    pub fn of(kind: &EventKind) -> Option<MarkKind> {
        Some(match kind {
            EventKind::BrokerCrashed { .. } | EventKind::LogDirFailed { .. } => MarkKind::Crash,
            EventKind::BrokerShutdown { .. } => MarkKind::Shutdown,
            EventKind::BrokerRestarted { .. } => MarkKind::Restart,
            EventKind::LeaderElected { unclean: true, .. } => MarkKind::UncleanElection,
            EventKind::LeaderElected { .. } => MarkKind::Election,
            EventKind::IsrShrunk { .. } => MarkKind::IsrShrink,
            EventKind::IsrExpanded { .. } => MarkKind::IsrExpand,
            EventKind::Rebalanced { .. } => MarkKind::Rebalance,
            EventKind::DataLost { .. } => MarkKind::DataLoss,
            EventKind::ProduceError { .. } | EventKind::Rejected { .. } | EventKind::RegistrationRefused { .. } => {
                MarkKind::Refused
            }
            _ => return None,
        })
    }
}

/// Events of one kind at one simulated time (an election of 30 partitions is
/// one mark of count 30).
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub t_ms: u64,
    pub kind: MarkKind,
    pub count: u32,
    /// The first such event (the app names the mark with its text); shared,
    /// so a view of the marks copies no event.
    pub first: Option<Arc<Event>>,
}

/// How bad the cluster's replication was over a stretch of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Health {
    /// Some partition has fewer in-sync replicas than replicas.
    UnderReplicated,
    /// Some partition has no leader.
    Offline,
}

/// `[from_ms, to_ms)` during which the cluster was at least `health`-bad (the
/// worst state seen at each step's end).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    pub from_ms: u64,
    pub to_ms: u64,
    pub health: Health,
}

#[derive(Clone)]
struct Snapshot<X> {
    t_ms: u64,
    /// Commands applied when it was taken (`commands[..applied]`).
    applied: usize,
    /// Records written (over all replicas) when it was taken.
    written: u64,
    cluster: Cluster,
    extra: X,
}

/// A run's history. The caller drives the live cluster and reports to it.
#[derive(Clone)]
pub struct Timeline<X: Clone> {
    snapshots: VecDeque<Snapshot<X>>,
    /// Every command, from the start of the run (a few bytes each; snapshots
    /// index into it).
    commands: Vec<(u64, Command)>,
    marks: VecDeque<Mark>,
    bands: Vec<Band>,
    end_ms: u64,
    forks: Vec<u64>,
    every_ms: u64,
    /// Most records written since the oldest snapshot kept, and most
    /// snapshots ([`MAX_HISTORY_RECORDS`], [`MAX_SNAPSHOTS`] unless shared:
    /// see [`Timeline::share`]).
    max_records: u64,
    max_snapshots: usize,
    /// Bumped whenever marks, bands or forks change (so a view of them is
    /// rebuilt only then); `marks_version` only when the marks do (a band
    /// grows at every step of an outage, the marks far less often).
    version: u64,
    marks_version: u64,
}

impl<X: Clone> Timeline<X> {
    /// History that starts with `cluster` as it is now.
    pub fn new(cluster: &Cluster, extra: X) -> Self {
        let mut t = Timeline {
            snapshots: VecDeque::new(),
            commands: Vec::new(),
            marks: VecDeque::new(),
            bands: Vec::new(),
            end_ms: cluster.time_ms(),
            forks: Vec::new(),
            every_ms: SNAPSHOT_EVERY_MS,
            max_records: MAX_HISTORY_RECORDS,
            max_snapshots: MAX_SNAPSHOTS,
            version: 0,
            marks_version: 0,
        };
        t.snapshot(cluster, extra);
        t
    }

    /// The earliest time that can be shown.
    pub fn start_ms(&self) -> u64 {
        self.snapshots.front().map_or(0, |s| s.t_ms)
    }

    /// The latest time recorded (the live run's time).
    pub fn end_ms(&self) -> u64 {
        self.end_ms
    }

    pub fn marks(&self) -> impl Iterator<Item = &Mark> {
        self.marks.iter()
    }

    pub fn bands(&self) -> &[Band] {
        &self.bands
    }

    /// Times at which the learner forked the run (acted in the past).
    pub fn forks(&self) -> &[u64] {
        &self.forks
    }

    /// Every command accepted so far, with its time (what replays the run).
    pub fn commands(&self) -> &[(u64, Command)] {
        &self.commands
    }

    /// Keeps this history to a `1/ways` share of [`MAX_HISTORY_RECORDS`] and
    /// of [`MAX_SNAPSHOTS`] (each snapshot's own state, besides the records
    /// it shares, is ~0.4 MB on `stress`): compare mode's copies share one
    /// budget, so three copies of a busy run reach back less far, or replay
    /// longer for old moments, but cost no more memory than one.
    pub fn share(&mut self, ways: usize) {
        let ways = ways.max(1);
        self.max_records = MAX_HISTORY_RECORDS / ways as u64;
        self.max_snapshots = (MAX_SNAPSHOTS / ways).max(4);
    }

    /// What the scrubber draws, without the snapshots (so a view of several
    /// histories of different kinds needs no generic code).
    pub fn track(&self) -> Track<'_> {
        Track {
            start_ms: self.start_ms(),
            end_ms: self.end_ms,
            marks: &self.marks,
            bands: &self.bands,
            forks: &self.forks,
            version: self.version,
            marks_version: self.marks_version,
        }
    }

    /// The commands recorded at exactly `t_ms`, in the order given (the list
    /// is in time order: commands are recorded as the run reaches them).
    pub fn commands_at(&self, t_ms: u64) -> &[(u64, Command)] {
        let from = self.commands.partition_point(|(at, _)| *at < t_ms);
        let to = self.commands.partition_point(|(at, _)| *at <= t_ms);
        &self.commands[from..to]
    }

    /// Changes whenever the marks, bands or forks do.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// How many snapshots are kept.
    pub fn snapshot_count(&self) -> usize {
        self.snapshots.len()
    }

    /// The live run accepted `command` at its current time.
    pub fn command(&mut self, t_ms: u64, command: Command) {
        self.commands.push((t_ms, command));
    }

    /// The live run took steps (or applied commands) and emitted `events`; it
    /// is now at `cluster.time_ms()`. `extra` is called only when a snapshot
    /// is due.
    pub fn observe<'a>(
        &mut self,
        cluster: &Cluster,
        events: impl IntoIterator<Item = &'a Event>,
        extra: impl FnOnce() -> X,
    ) {
        for e in events {
            if let Some(kind) = MarkKind::of(&e.kind) {
                self.mark(e.t_ms, kind, Some(e));
            }
        }
        let now = cluster.time_ms();
        self.health_at(now, cluster_health(cluster));
        self.end_ms = self.end_ms.max(now);
        let last = self.snapshots.back().map_or(0, |s| s.t_ms);
        if now >= last + self.every_ms {
            self.snapshot(cluster, extra());
        }
    }

    /// The cluster (and extra state) at `t_ms` (clamped to the recorded
    /// history), replaying from the last snapshot before it; `each` sees the
    /// cluster and the events the replay emits, step by step, as the live run
    /// did.
    pub fn seek(&self, t_ms: u64, mut each: impl FnMut(&mut X, &Cluster, Vec<Event>)) -> (Cluster, X) {
        let mut replay = self.replay_to(t_ms, None);
        replay.run(u32::MAX, &mut each);
        replay.into_parts()
    }

    /// A seek to `t_ms` that can be run a few steps at a time (so the app can
    /// scrub without long tasks). It starts at the last snapshot at or before
    /// `t_ms`, or at `from` (a state this history reached earlier, e.g. the
    /// past on screen: every command at or before its time applied) when that
    /// is at or before `t_ms` and later than the snapshot: dragging forward
    /// replays only the difference.
    pub fn replay_to(&self, t_ms: u64, from: Option<(Cluster, X)>) -> Replay<X> {
        let t = t_ms.clamp(self.start_ms(), self.end_ms);
        let i = self.snapshots.iter().rposition(|s| s.t_ms <= t).unwrap_or(0);
        let Some(s) = self.snapshots.get(i) else { unreachable!("a timeline always has its first snapshot") };
        let (cluster, extra, rest) = match from {
            Some((c, x)) if c.time_ms() <= t && c.time_ms() > s.t_ms => {
                let now = c.time_ms();
                let rest = self.commands.iter().filter(|(at, _)| *at > now && *at <= t).cloned().collect();
                (c, x, rest)
            }
            _ => {
                let rest = self.commands[s.applied.min(self.commands.len())..]
                    .iter()
                    .filter(|(at, _)| *at <= t)
                    .cloned()
                    .collect();
                (s.cluster.clone(), s.extra.clone(), rest)
            }
        };
        Replay { runner: Runner::with_script(cluster, rest), extra, target: t }
    }

    /// The learner acted while looking at `t_ms`: history after it is
    /// discarded (snapshots, commands, marks, bands) and the run continues
    /// from there. Marks the fork.
    /// Returns the `forked` event to show in the event log.
    pub fn fork_at(&mut self, t_ms: u64) -> Event {
        let t = t_ms.max(self.start_ms());
        while self.snapshots.len() > 1 && self.snapshots.back().is_some_and(|s| s.t_ms > t) {
            self.snapshots.pop_back();
        }
        self.commands.retain(|(at, _)| *at <= t);
        for s in &mut self.snapshots {
            s.applied = s.applied.min(self.commands.len());
        }
        self.marks.retain(|m| m.t_ms <= t);
        self.bands.retain(|b| b.from_ms < t);
        if let Some(b) = self.bands.last_mut() {
            b.to_ms = b.to_ms.min(t);
        }
        self.end_ms = t;
        self.version += 1;
        self.marks_version += 1;
        self.forks.retain(|&f| f <= t);
        self.forks.push(t);
        let event = Event { t_ms: t, kind: EventKind::Forked { at_ms: t } };
        self.mark(t, MarkKind::Fork, Some(&event));
        event
    }

    fn mark(&mut self, t_ms: u64, kind: MarkKind, event: Option<&Event>) {
        self.version += 1;
        self.marks_version += 1;
        if let Some(m) = self.marks.iter_mut().rev().take_while(|m| m.t_ms == t_ms).find(|m| m.kind == kind) {
            m.count += 1;
            return;
        }
        if self.marks.len() == MAX_MARKS {
            self.marks.pop_front();
        }
        self.marks.push_back(Mark { t_ms, kind, count: 1, first: event.cloned().map(Arc::new) });
    }

    fn health_at(&mut self, now: u64, health: Option<Health>) {
        let Some(h) = health else { return };
        self.version += 1;
        let step_start = self.end_ms.min(now);
        match self.bands.last_mut() {
            Some(b) if b.health == h && b.to_ms >= step_start => b.to_ms = now.max(b.to_ms),
            _ => self.bands.push(Band { from_ms: step_start, to_ms: now.max(step_start + 1), health: h }),
        }
    }

    fn snapshot(&mut self, cluster: &Cluster, extra: X) {
        let written = records_written(cluster);
        self.snapshots.push_back(Snapshot {
            t_ms: cluster.time_ms(),
            applied: self.commands.len(),
            written,
            cluster: cluster.clone(),
            extra,
        });
        // Drop the oldest history beyond the bounds (always keep two, so a
        // seek has somewhere to start).
        while self.snapshots.len() > 2 {
            let oldest = &self.snapshots[0];
            let too_long = cluster.time_ms() - oldest.t_ms > MAX_HISTORY_MS;
            let too_big = written.saturating_sub(self.snapshots[1].written) > self.max_records;
            if !(too_long || too_big) {
                break;
            }
            self.snapshots.pop_front();
        }
        if self.snapshots.len() > self.max_snapshots {
            let half = self.snapshots.len() / 2;
            let mut i = 0;
            self.snapshots.retain(|_| {
                i += 1;
                i == 1 || i > half || i % 2 == 1
            });
        }
        let start = self.start_ms();
        let (marks, bands) = (self.marks.len(), self.bands.len());
        while self.marks.front().is_some_and(|m| m.t_ms < start) {
            self.marks.pop_front();
        }
        self.bands.retain(|b| b.to_ms > start);
        if (marks, bands) != (self.marks.len(), self.bands.len()) {
            self.version += 1;
            self.marks_version += 1;
        }
    }
}

/// A history's marks, bands, forks and bounds ([`Timeline::track`]).
#[derive(Clone, Copy)]
pub struct Track<'a> {
    pub start_ms: u64,
    pub end_ms: u64,
    pub marks: &'a VecDeque<Mark>,
    pub bands: &'a [Band],
    pub forks: &'a [u64],
    pub version: u64,
    pub marks_version: u64,
}

/// A seek in progress ([`Timeline::replay_to`]): the state replayed so far
/// and the time it is heading for.
#[derive(Clone)]
pub struct Replay<X> {
    runner: Runner,
    extra: X,
    target: u64,
}

impl<X> Replay<X> {
    /// Replays at most `max_steps` more steps, draining the events step by
    /// step into `each` as the live app does after each update. True once the
    /// target is reached (commands at the target itself applied).
    pub fn run(&mut self, max_steps: u32, mut each: impl FnMut(&mut X, &Cluster, Vec<Event>)) -> bool {
        let r = &mut self.runner;
        let mut steps = 0;
        loop {
            r.run_until(r.cluster.time_ms());
            if r.cluster.time_ms() >= self.target {
                let tail = r.cluster.drain_events();
                if !tail.is_empty() {
                    each(&mut self.extra, &r.cluster, tail);
                }
                return true;
            }
            if steps == max_steps {
                return false;
            }
            r.cluster.tick();
            steps += 1;
            let events = r.cluster.drain_events();
            each(&mut self.extra, &r.cluster, events);
        }
    }

    /// Where the replay is heading.
    pub fn target_ms(&self) -> u64 {
        self.target
    }

    /// The simulated time replayed so far.
    pub fn time_ms(&self) -> u64 {
        self.runner.cluster.time_ms()
    }

    pub fn into_parts(self) -> (Cluster, X) {
        (self.runner.cluster, self.extra)
    }
}

/// The worst replication state now, if not healthy.
fn cluster_health(cluster: &Cluster) -> Option<Health> {
    let mut worst = None;
    for part in cluster.topics.iter().flat_map(|t| &t.partitions) {
        if part.leader.is_none() {
            return Some(Health::Offline);
        }
        if part.isr.len() < part.replicas.len() {
            worst = Some(Health::UnderReplicated);
        }
    }
    worst
}

/// Records written so far over all replicas (log end offsets summed; a
/// truncation lowers it a little, which only keeps history a little longer).
fn records_written(cluster: &Cluster) -> u64 {
    cluster
        .topics
        .iter()
        .flat_map(|t| &t.partitions)
        .map(|p| p.log.log_end_offset() + p.followers.iter().map(|f| f.log.log_end_offset()).sum::<u64>())
        .sum()
}
