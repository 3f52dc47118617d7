//! Compare mode (issue 15): two or three copies of one cluster, same seed and
//! same commands, that differ in exactly one setting. They share one clock:
//! [`Comparison::tick`] ticks every copy and [`Comparison::apply`] gives every
//! copy the same command at the same simulated time, so any difference in the
//! outcome comes from the setting alone (the runs are deterministic).
//!
//! Each copy is summarised as a [`Strip`]: the producers' ledgers (acked,
//! acked-but-lost, duplicates, failed), how long some partition had no live leader,
//! and the largest consumer lag seen.

use crate::assignor::Strategy;
use crate::config::{Acks, ClusterConfig};
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::limits;
use crate::partitioner::PartitionerKind;
use crate::producer::Ledger;
use crate::timeline::{Replay, Timeline};
use crate::{Cluster, Command};

/// The one setting the copies differ in. The URL names (`?compare=acks`) are
/// [`Setting::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Setting {
    /// Every producer's `acks`: 0, 1, all.
    Acks,
    /// Every topic's `min.insync.replicas`: 1, 2.
    MinIsr,
    /// Every topic's `unclean.leader.election.enable`: false, true.
    Unclean,
    /// Every producer's partitioner: built-in, uniform-sticky, round-robin.
    Partitioner,
    /// Every group's `partition.assignment.strategy`: range, cooperative-sticky.
    Assignor,
    /// Members per group: see [`Setting::variants`].
    Consumers,
}

/// One copy's configuration and its label (e.g. `acks=all`).
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub label_en: String,
    pub label_ko: String,
    pub config: ClusterConfig,
}

impl Setting {
    pub const ALL: [Setting; 6] =
        [Setting::Acks, Setting::MinIsr, Setting::Unclean, Setting::Partitioner, Setting::Assignor, Setting::Consumers];

    /// The URL name.
    pub fn name(self) -> &'static str {
        match self {
            Setting::Acks => "acks",
            Setting::MinIsr => "min_isr",
            Setting::Unclean => "unclean",
            Setting::Partitioner => "partitioner",
            Setting::Assignor => "assignor",
            Setting::Consumers => "consumers",
        }
    }

    /// Reads a URL name; an unknown one is refused with the allowed names.
    pub fn parse(name: &str) -> Result<Setting, SimError> {
        Setting::ALL.into_iter().find(|s| s.name() == name).ok_or_else(|| {
            SimError::new(
                ErrorCode::InvalidRequest,
                FieldPath::new("compare"),
                ErrorReason::UnknownCompareSetting { name: name.to_string() },
            )
        })
    }

    /// A command of the learner's run as the copy configured by `copy` gets
    /// it when the comparison replays that run: `None` when it would only set
    /// the compared setting (which would make the copies equal); a producer,
    /// topic or group it adds gets the copy's value of the setting, as those
    /// of the configuration did.
    pub fn adapt(self, command: &Command, copy: &ClusterConfig) -> Option<Command> {
        let mut c = command.clone();
        match (&mut c, self) {
            (Command::SetProducerAcks { .. }, Setting::Acks) => return None,
            (Command::SetTopicConfig { changes, .. }, Setting::MinIsr | Setting::Unclean) => {
                if self == Setting::MinIsr {
                    changes.min_insync_replicas = None;
                } else {
                    changes.unclean_leader_election_enable = None;
                }
                if *changes == crate::command::TopicConfigChange::default() {
                    return None;
                }
            }
            (Command::AddProducer(p), Setting::Acks | Setting::Partitioner) => {
                // (Compared only with producers in the config: `variants`.)
                let Some(first) = copy.producers.first() else { return Some(command.clone()) };
                if self == Setting::Acks {
                    p.acks = first.acks;
                    if p.acks != Acks::All && p.enable_idempotence == Some(true) {
                        p.enable_idempotence = None;
                    }
                } else {
                    p.partitioner = first.partitioner.clone();
                }
            }
            (Command::CreateTopic(t), Setting::MinIsr | Setting::Unclean) => {
                let Some(first) = copy.topics.first() else { return Some(command.clone()) };
                if self == Setting::MinIsr {
                    t.config.min_insync_replicas = first.config.min_insync_replicas.min(t.replication_factor.max(1));
                } else {
                    t.config.unclean_leader_election_enable = first.config.unclean_leader_election_enable;
                }
            }
            (Command::AddGroup(g), Setting::Assignor) => {
                if let Some(first) = copy.groups.first() {
                    g.assignor = first.assignor;
                }
            }
            // Members are the compared setting: adding or removing one would
            // change it (and the copies' labels would lie).
            (Command::AddConsumer { .. } | Command::RemoveConsumer { .. }, Setting::Consumers) => return None,
            // A new group gets the copy's rule: 1, one per partition, or one more.
            (Command::AddGroup(g), Setting::Consumers) => {
                let partitions = |topic: &str| {
                    copy.topics
                        .iter()
                        .find(|t| t.name == topic)
                        .map_or(1, |t| t.partitions)
                        .min(limits::MAX_GROUP_MEMBERS)
                };
                if let Some(first) = copy.groups.first() {
                    let p = partitions(&first.topic);
                    let q = partitions(&g.topic);
                    g.consumers = match first.consumers {
                        1 => 1,
                        n if n == p => q,
                        _ => (q + 1).min(limits::MAX_GROUP_MEMBERS),
                    };
                }
            }
            _ => {}
        }
        Some(c)
    }

    /// The 2 or 3 configurations to compare: `base` with this setting changed
    /// on every producer, topic or group it belongs to, and nothing else.
    ///
    /// `Consumers` compares 1 member per group, one member per partition of the
    /// group's topic, and one more than that: lag falls as members are added
    /// while each has a partition to read, and the extra member stays idle
    /// (a partition is read by at most one member of a group), which is the
    /// lesson worth seeing side by side.
    pub fn variants(self, base: &ClusterConfig) -> Result<Vec<Variant>, SimError> {
        let need = |ok: bool, reason: ErrorReason| {
            if ok {
                Ok(())
            } else {
                Err(SimError::new(ErrorCode::InvalidRequest, FieldPath::new("compare"), reason))
            }
        };
        let setting = self.name();
        match self {
            Setting::Acks | Setting::Partitioner => {
                need(!base.producers.is_empty(), ErrorReason::CompareNeedsProducers { setting })?
            }
            Setting::Assignor | Setting::Consumers => {
                need(!base.groups.is_empty(), ErrorReason::CompareNeedsGroups { setting })?
            }
            Setting::MinIsr | Setting::Unclean => {
                need(!base.topics.is_empty(), ErrorReason::CompareNeedsTopics { setting })?
            }
        }
        let variant = |label: String, change: &dyn Fn(&mut ClusterConfig)| {
            let mut config = base.clone();
            change(&mut config);
            Variant { label_ko: label.clone(), label_en: label, config }
        };
        let out: Vec<Variant> = match self {
            Setting::Acks => [Acks::None, Acks::Leader, Acks::All]
                .into_iter()
                .map(|acks| {
                    variant(format!("acks={}", acks.name()), &|c| {
                        for p in &mut c.producers {
                            p.acks = acks;
                            // Idempotence needs acks=all (ProducerConfig's
                            // validation); with 0 or 1 Kafka's default is off.
                            if acks != Acks::All && p.enable_idempotence == Some(true) {
                                p.enable_idempotence = None;
                            }
                        }
                    })
                })
                .collect(),
            Setting::MinIsr => {
                if let Some(t) = base.topics.iter().find(|t| t.replication_factor < 2) {
                    need(
                        false,
                        ErrorReason::CompareMinIsrNeedsReplicas {
                            topic: t.name.clone(),
                            replication_factor: t.replication_factor,
                        },
                    )?;
                }
                [1, 2]
                    .into_iter()
                    .map(|n| {
                        variant(format!("min.insync.replicas={n}"), &|c| {
                            c.topics.iter_mut().for_each(|t| t.config.min_insync_replicas = n)
                        })
                    })
                    .collect()
            }
            Setting::Unclean => [false, true]
                .into_iter()
                .map(|on| {
                    variant(format!("unclean.leader.election.enable={on}"), &|c| {
                        c.topics.iter_mut().for_each(|t| t.config.unclean_leader_election_enable = on)
                    })
                })
                .collect(),
            Setting::Partitioner => [
                (PartitionerKind::Default, "built-in"),
                (PartitionerKind::UniformSticky, "uniform-sticky"),
                (PartitionerKind::RoundRobin, "round-robin"),
            ]
            .into_iter()
            .map(|(kind, name)| {
                variant(format!("partitioner={name}"), &|c| {
                    c.producers.iter_mut().for_each(|p| p.partitioner = kind.clone())
                })
            })
            .collect(),
            Setting::Assignor => [Strategy::Range, Strategy::CooperativeSticky]
                .into_iter()
                .map(|s| {
                    variant(format!("assignor={}", s.name()), &|c| c.groups.iter_mut().for_each(|g| g.assignor = s))
                })
                .collect(),
            Setting::Consumers => {
                let partitions_of = |topic: &str| {
                    base.topics
                        .iter()
                        .find(|t| t.name == topic)
                        .map_or(1, |t| t.partitions)
                        .min(limits::MAX_GROUP_MEMBERS)
                };
                // Per group: 1, one per partition, one more (capped by the limit).
                let counts = |k: u32, p: u32| match k {
                    0 => 1,
                    1 => p,
                    _ => (p + 1).min(limits::MAX_GROUP_MEMBERS),
                };
                let first = partitions_of(&base.groups[0].topic);
                let mut ks: Vec<u32> = Vec::new();
                for k in 0..3 {
                    // Skip a copy equal to the one before (a 1-partition topic).
                    if ks.last().is_none_or(|&last| counts(last, first) != counts(k, first)) {
                        ks.push(k);
                    }
                }
                ks.into_iter()
                    .map(|k| {
                        let n = counts(k, first);
                        let (en, ko) = match k {
                            0 => (format!("consumers={n}"), format!("consumers={n}")),
                            1 => (
                                format!("consumers={n} (one per partition)"),
                                format!("consumers={n} (파티션마다 하나)"),
                            ),
                            _ => (format!("consumers={n} (one idle)"), format!("consumers={n} (하나는 유휴)")),
                        };
                        let mut v = variant(en, &|c| {
                            for g in &mut c.groups {
                                g.consumers = counts(k, partitions_of(&g.topic));
                            }
                        });
                        v.label_ko = ko;
                        v
                    })
                    .collect()
            }
        };
        for v in &out {
            v.config.validate()?;
        }
        Ok(out)
    }
}

/// A command of compare mode's bar, given to every copy at the same simulated
/// time. The P0 commands are resolved in each copy (its own leader and
/// followers: [`CopyCommand::commands`]), so they mean the same thing even
/// after the copies' leaders diverged.
#[derive(Clone, Debug, PartialEq)]
pub enum CopyCommand {
    /// Slow the followers of the first topic's partition 0 ([`SLOW_FACTOR`]×
    /// fetch delay), as chapter 3 does: the leader then holds records nobody
    /// copied yet.
    SlowFollowersOfP0,
    /// Kill the broker leading the first topic's partition 0.
    KillLeaderOfP0,
    KillBroker(crate::BrokerId),
    RestartBroker(crate::BrokerId),
    /// Any command, given as it is to every copy (the explorer's "+ consumer",
    /// "+ producer" and "+ group" while compare mode is open).
    Same(Command),
}

/// How much slower [`CopyCommand::SlowFollowersOfP0`] makes a follower's fetches.
pub const SLOW_FACTOR: u32 = 30;

impl CopyCommand {
    /// The engine commands this means in `cluster` (none when it cannot
    /// apply: an offline P0 has no leader to kill).
    pub fn commands(&self, cluster: &Cluster) -> Vec<Command> {
        let p0 = cluster.topics.first().and_then(|t| t.partitions.first());
        match *self {
            CopyCommand::Same(ref command) => vec![command.clone()],
            CopyCommand::KillBroker(broker) => vec![Command::KillBroker { broker }],
            CopyCommand::RestartBroker(broker) => vec![Command::RestartBroker { broker }],
            CopyCommand::KillLeaderOfP0 => {
                p0.and_then(|p| p.leader).map(|broker| Command::KillBroker { broker }).into_iter().collect()
            }
            CopyCommand::SlowFollowersOfP0 => p0
                .map(|p| {
                    p.replicas
                        .iter()
                        .filter(|&&b| Some(b) != p.leader)
                        .map(|&broker| Command::SlowBroker { broker, factor: SLOW_FACTOR })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// What a copy measured so far. It travels with each snapshot of the copy's
/// history, so a seek shows the strip the copy had then.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Measures {
    /// The simulated time measured up to (each step is counted once).
    at_ms: u64,
    /// Simulated ms during which at least one partition had no live leader
    /// (offline, or led by a crashed broker not yet fenced).
    pub unavailable_ms: u64,
    /// The largest total lag (high watermark − committed, summed over
    /// partitions) of any group, seen at any step so far.
    pub max_lag: u64,
}

impl Measures {
    fn start(c: &Cluster) -> Self {
        Measures { at_ms: c.time_ms(), ..Measures::default() }
    }

    /// Adds the step that brought `c` to its time (nothing if it did not move).
    pub fn measure(&mut self, c: &Cluster) {
        let Some(step) = c.time_ms().checked_sub(self.at_ms).filter(|&d| d > 0) else { return };
        self.at_ms = c.time_ms();
        // A leader on a dead broker serves no one until the controller fences
        // it (`broker.session.timeout.ms`): that counts as unavailable too.
        let served =
            |p: &crate::partition::PartitionState| p.leader.is_some_and(|b| crate::controller::alive(&c.brokers, b));
        if !c.topics.iter().flat_map(|t| &t.partitions).all(served) {
            self.unavailable_ms += step;
        }
        for g in &c.groups {
            let parts = &c.topics[g.topic].partitions;
            let lag: u64 =
                g.committed.iter().zip(parts).filter_map(|(c, p)| c.map(|c| p.high_watermark.saturating_sub(c))).sum();
            self.max_lag = self.max_lag.max(lag);
        }
    }
}

/// One copy of the cluster and what was measured on it so far.
#[derive(Clone, Debug)]
pub struct Run {
    pub label_en: String,
    pub label_ko: String,
    pub cluster: Cluster,
    pub measures: Measures,
}

impl Run {
    /// The producers' ledgers added up.
    pub fn ledger(&self) -> Ledger {
        let mut total = Ledger::default();
        self.cluster.producers.iter().for_each(|p| total.add(&p.ledger));
        total
    }
}

/// The metrics a strip shows, in this order (the index into [`Strip::differs`]).
pub const METRICS: [&str; 6] = ["acked", "acked_lost", "duplicates", "failed", "unavailable_ms", "max_lag"];

/// One copy's summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Strip {
    pub label_en: String,
    pub label_ko: String,
    pub acked: u64,
    pub acked_lost: u64,
    pub duplicates: u64,
    pub failed: u64,
    pub unavailable_ms: u64,
    pub max_lag: u64,
    /// For each of [`METRICS`]: whether the copies do not all agree on it.
    pub differs: [bool; 6],
}

impl Strip {
    /// The metric values in [`METRICS`] order.
    pub fn values(&self) -> [u64; 6] {
        [self.acked, self.acked_lost, self.duplicates, self.failed, self.unavailable_ms, self.max_lag]
    }
}

/// The copies, ticked together, each with its history (time travel): one
/// [`Timeline`] per copy, all snapshotted at the same times, so a seek shows
/// every copy at the same instant.
#[derive(Clone)]
pub struct Comparison {
    setting: Setting,
    runs: Vec<Run>,
    history: Vec<Timeline<Measures>>,
}

/// A learner's run being replayed into the copies
/// ([`Comparison::replay_script`]).
#[derive(Clone, Debug)]
pub struct Script {
    commands: Vec<(u64, Command)>,
    next: usize,
    until_ms: u64,
    left_out: usize,
}

impl Script {
    /// `commands` (at their simulated times) up to `until_ms`.
    pub fn new(commands: &[(u64, Command)], until_ms: u64) -> Self {
        let mut commands: Vec<(u64, Command)> = commands.iter().filter(|(at, _)| *at <= until_ms).cloned().collect();
        // Stable: commands at one time keep their order.
        commands.sort_by_key(|(at, _)| *at);
        Script { commands, next: 0, until_ms, left_out: 0 }
    }

    pub fn until_ms(&self) -> u64 {
        self.until_ms
    }

    /// How many commands it has.
    pub fn len(&self) -> usize {
        self.commands.len()
    }

    pub fn is_empty(&self) -> bool {
        self.commands.is_empty()
    }

    /// Commands left out so far (they set the compared setting).
    pub fn left_out(&self) -> usize {
        self.left_out
    }
}

/// A seek of every copy in progress (see [`Timeline::replay_to`]).
#[derive(Clone)]
pub struct CompareReplay {
    labels: Vec<(String, String)>,
    replays: Vec<Replay<Measures>>,
}

impl CompareReplay {
    /// At most `max_steps` more steps of every copy; true once all arrived.
    pub fn run(&mut self, max_steps: u32) -> bool {
        let mut done = true;
        for r in &mut self.replays {
            done &= r.run(max_steps, |m, c, _| m.measure(c));
        }
        done
    }

    pub fn target_ms(&self) -> u64 {
        self.replays.first().map_or(0, Replay::target_ms)
    }

    /// The copies as they were at the target.
    pub fn into_runs(self) -> Vec<Run> {
        self.replays
            .into_iter()
            .zip(self.labels)
            .map(|(r, (label_en, label_ko))| {
                let (cluster, measures) = r.into_parts();
                Run { label_en, label_ko, cluster, measures }
            })
            .collect()
    }
}

impl Comparison {
    /// Builds one cluster per variant of `setting` on `base`.
    pub fn new(setting: Setting, base: &ClusterConfig) -> Result<Self, SimError> {
        let runs = setting
            .variants(base)?
            .into_iter()
            .map(|v| {
                let cluster = Cluster::new(v.config)?;
                Ok(Run { label_en: v.label_en, label_ko: v.label_ko, measures: Measures::start(&cluster), cluster })
            })
            .collect::<Result<Vec<_>, SimError>>()?;
        // The copies share half of one run's history budget: the explorer
        // keeps its own history while compare mode is open, and both (with
        // three live copies) stay under issue 14's 128 MB on `stress`.
        let ways = 2 * runs.len();
        let history = runs
            .iter()
            .map(|r| {
                let mut h = Timeline::new(&r.cluster, r.measures);
                h.share(ways);
                h
            })
            .collect();
        Ok(Self { setting, runs, history })
    }

    /// The copies of a run that was given `script` (commands at simulated
    /// times, as the explorer records them), each replayed to `until_ms`: a
    /// comparison from where the learner is. Commands that would set the
    /// compared setting itself are left out in every copy (see
    /// [`Setting::adapt`]); how many is returned with it.
    pub fn replaying(
        setting: Setting,
        base: &ClusterConfig,
        script: &[(u64, Command)],
        until_ms: u64,
    ) -> Result<(Self, usize), SimError> {
        let mut c = Self::new(setting, base)?;
        let mut s = Script::new(script, until_ms);
        c.replay_script(&mut s, u32::MAX);
        Ok((c, s.left_out))
    }

    /// Replays `s` into every copy by at most `max_steps` more steps (so the
    /// app can open a comparison far into a run without a long task); true
    /// once the copies are at its end.
    pub fn replay_script(&mut self, s: &mut Script, max_steps: u32) -> bool {
        let mut steps = 0;
        loop {
            while let Some((_, command)) = s.commands.get(s.next).filter(|(at, _)| *at <= self.time_ms()).cloned() {
                s.next += 1;
                let setting = self.setting;
                s.left_out +=
                    usize::from(self.runs.iter().all(|r| setting.adapt(&command, r.cluster.config()).is_none()));
                self.apply_each(|_| vec![command.clone()]);
            }
            if self.time_ms() >= s.until_ms {
                return true;
            }
            if steps == max_steps {
                return false;
            }
            self.tick();
            steps += 1;
        }
    }

    pub fn setting(&self) -> Setting {
        self.setting
    }

    pub fn runs(&self) -> &[Run] {
        &self.runs
    }

    /// Each copy's history.
    pub fn history(&self) -> &[Timeline<Measures>] {
        &self.history
    }

    /// The shared clock (every copy has the same `step_ms`, so the same time).
    pub fn time_ms(&self) -> u64 {
        self.runs.first().map_or(0, |r| r.cluster.time_ms())
    }

    /// Turns per-record events on or off in every copy (compare mode draws no
    /// records in flight, so the app turns them off).
    pub fn set_record_events(&mut self, on: bool) {
        self.runs.iter_mut().for_each(|r| r.cluster.set_record_events(on));
    }

    /// One step of every copy. Events are drained into the copy's history
    /// (its marks); compare mode shows no event log.
    pub fn tick(&mut self) {
        for (r, h) in self.runs.iter_mut().zip(&mut self.history) {
            r.cluster.tick();
            r.measures.measure(&r.cluster);
            observe(r, h);
        }
    }

    /// Gives every copy the same command now. A copy that refuses it (e.g. the
    /// broker is already down there) reports why; the others still apply it.
    pub fn apply(&mut self, command: &Command) -> Vec<Result<(), SimError>> {
        self.apply_each(|_| vec![command.clone()])
    }

    /// Gives each copy the commands `of` derives from it (e.g. "kill the leader
    /// of P0", whichever broker that is there), all now, as the copy gets them
    /// ([`Setting::adapt`]: an added producer has the copy's acks), and records
    /// them in its history (refused ones too: replayed, they are refused
    /// again). Per copy: the first refusal, if any (the commands after it
    /// still apply).
    pub fn apply_each(&mut self, mut of: impl FnMut(&Cluster) -> Vec<Command>) -> Vec<Result<(), SimError>> {
        let setting = self.setting;
        self.runs
            .iter_mut()
            .zip(&mut self.history)
            .map(|(r, h)| {
                let t = r.cluster.time_ms();
                let commands: Vec<Command> =
                    of(&r.cluster).iter().filter_map(|c| setting.adapt(c, r.cluster.config())).collect();
                let results: Vec<_> = commands
                    .into_iter()
                    .map(|c| {
                        h.command(t, c.clone());
                        r.cluster.apply(c)
                    })
                    .collect();
                observe(r, h);
                results.into_iter().find(Result::is_err).unwrap_or(Ok(()))
            })
            .collect()
    }

    /// A seek of every copy to `t_ms`, to run in slices; from `past` (the
    /// copies on screen) when that is closer than a snapshot.
    pub fn replay_to(&self, t_ms: u64, past: Option<&[Run]>) -> CompareReplay {
        // One time for every copy: what all of them can show.
        let t_ms = t_ms.max(self.start_ms());
        let replays = self
            .history
            .iter()
            .enumerate()
            .map(|(k, h)| h.replay_to(t_ms, past.and_then(|p| p.get(k)).map(|r| (r.cluster.clone(), r.measures))))
            .collect();
        let labels = self.runs.iter().map(|r| (r.label_en.clone(), r.label_ko.clone())).collect();
        CompareReplay { labels, replays }
    }

    /// Plays copies shown from the past forward by up to `steps` steps (not
    /// past the end of the history), applying each copy's recorded commands
    /// when due, exactly as the live copies did.
    pub fn play_past(&self, past: &mut [Run], steps: u32) {
        let end = self.end_ms();
        for (r, h) in past.iter_mut().zip(&self.history) {
            for _ in 0..steps {
                if r.cluster.time_ms() >= end {
                    break;
                }
                r.cluster.tick();
                // Measured before the commands given after this step, as live.
                r.measures.measure(&r.cluster);
                let now = r.cluster.time_ms();
                for (_, command) in h.commands_at(now) {
                    let _ = r.cluster.apply(command.clone());
                }
                r.cluster.drain_events();
            }
        }
    }

    /// The learner acted while looking at `past`: every copy continues from
    /// there and its later history is discarded. Returns the fork's time.
    pub fn fork(&mut self, past: Vec<Run>) -> u64 {
        let t = past.first().map_or(0, |r| r.cluster.time_ms());
        self.runs = past;
        for h in &mut self.history {
            h.fork_at(t);
        }
        t
    }

    /// The earliest time every copy can show.
    pub fn start_ms(&self) -> u64 {
        self.history.iter().map(Timeline::start_ms).max().unwrap_or(0)
    }

    /// The latest time recorded (the live copies' time).
    pub fn end_ms(&self) -> u64 {
        self.history.iter().map(Timeline::end_ms).min().unwrap_or(0)
    }

    /// Each copy's summary, with the metrics on which they differ flagged.
    pub fn strips(&self) -> Vec<Strip> {
        strips(&self.runs)
    }
}

/// Drains a copy's events into its history (marks, bands, snapshots).
fn observe(r: &mut Run, h: &mut Timeline<Measures>) {
    let events = r.cluster.drain_events();
    let m = r.measures;
    h.observe(&r.cluster, &events, || m);
}

/// Summaries of `runs` (the live copies, or copies shown from the past), with
/// the metrics on which they differ flagged.
pub fn strips(runs: &[Run]) -> Vec<Strip> {
    let mut strips: Vec<Strip> = runs
        .iter()
        .map(|r| {
            let l = r.ledger();
            Strip {
                label_en: r.label_en.clone(),
                label_ko: r.label_ko.clone(),
                acked: l.acked,
                acked_lost: l.acked_lost,
                duplicates: l.duplicates,
                failed: l.failed,
                unavailable_ms: r.measures.unavailable_ms,
                max_lag: r.measures.max_lag,
                differs: [false; 6],
            }
        })
        .collect();
    let values: Vec<[u64; 6]> = strips.iter().map(Strip::values).collect();
    let mut differs = [false; 6];
    for (m, d) in differs.iter_mut().enumerate() {
        *d = values.iter().any(|v| v[m] != values[0][m]);
    }
    strips.iter_mut().for_each(|s| s.differs = differs);
    strips
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BrokerId;

    fn leader_of_p0(c: &Comparison, run: usize) -> Option<BrokerId> {
        c.runs()[run].cluster.view().topics[0].partitions[0].leader
    }

    fn run_for(c: &mut Comparison, ms: u64) {
        let end = c.time_ms() + ms;
        while c.time_ms() < end {
            c.tick();
        }
    }

    #[test]
    fn every_name_parses_back_and_a_bad_one_names_the_allowed_ones() {
        for s in Setting::ALL {
            assert_eq!(Setting::parse(s.name()), Ok(s));
        }
        let e = Setting::parse("linger").unwrap_err();
        for s in Setting::ALL {
            assert!(e.en().contains(s.name()), "{}", e.en());
            assert!(e.ko().contains(s.name()), "{}", e.ko());
        }
        assert!(e.en().contains("\"linger\""), "{}", e.en());
    }

    #[test]
    fn variants_differ_only_in_their_setting_and_are_valid() {
        let base = ClusterConfig::default();
        for s in Setting::ALL {
            let vs = s.variants(&base).unwrap();
            assert!((2..=3).contains(&vs.len()), "{s:?}: {}", vs.len());
            for v in &vs {
                let mut c = v.config.clone();
                // Undo the one setting: what is left must be the base.
                for (p, b) in c.producers.iter_mut().zip(&base.producers) {
                    (p.acks, p.enable_idempotence, p.partitioner) =
                        (b.acks, b.enable_idempotence, b.partitioner.clone());
                }
                for (t, b) in c.topics.iter_mut().zip(&base.topics) {
                    t.config = b.config.clone();
                }
                for (g, b) in c.groups.iter_mut().zip(&base.groups) {
                    (g.assignor, g.consumers) = (b.assignor, b.consumers);
                }
                assert_eq!(c, base, "{s:?} {}", v.label_en);
            }
            let labels: Vec<&str> = vs.iter().map(|v| v.label_en.as_str()).collect();
            assert!(labels.windows(2).all(|w| w[0] != w[1]), "{labels:?}");
        }
        let acks = Setting::Acks.variants(&base).unwrap();
        assert_eq!(acks.iter().map(|v| v.label_en.as_str()).collect::<Vec<_>>(), ["acks=0", "acks=1", "acks=all"]);
        let consumers = Setting::Consumers.variants(&base).unwrap();
        assert_eq!(consumers.iter().map(|v| v.config.groups[0].consumers).collect::<Vec<_>>(), [1, 3, 4]);
    }

    #[test]
    fn acks_all_with_explicit_idempotence_stays_valid_for_acks_0_and_1() {
        let mut base = ClusterConfig::default();
        base.producers[0].enable_idempotence = Some(true);
        let vs = Setting::Acks.variants(&base).unwrap();
        assert_eq!(vs[2].config.producers[0].enable_idempotence, Some(true));
        assert_eq!(vs[1].config.producers[0].enable_idempotence, None);
    }

    #[test]
    fn settings_that_cannot_be_compared_say_why() {
        let mut base = ClusterConfig::default();
        base.topics[0].replication_factor = 1;
        base.topics[0].config.min_insync_replicas = 1;
        let e = Setting::MinIsr.variants(&base).unwrap_err();
        assert!(e.en().contains("replication factor 1"), "{}", e.en());
        let mut base = ClusterConfig::default();
        base.producers.clear();
        assert!(Setting::Acks.variants(&base).unwrap_err().en().contains("producer"));
        base.groups.clear();
        assert!(Setting::Assignor.variants(&base).unwrap_err().en().contains("consumer group"));
    }

    /// Chapter 3's lesson, side by side (`acks` in the producer configs: "acks=1
    /// … the record will be lost" if the leader fails before followers copy it;
    /// `acks=all` "guarantees that the record will not be lost as long as at
    /// least one in-sync replica remains alive"). A follower of P0 is slowed
    /// (as the ch3 lesson does), so the leader holds acked-but-unreplicated
    /// records; then the leader is killed in every copy at the same time. The
    /// clean election picks a follower, which lacks them: acks=1 loses
    /// acknowledged records, acks=all none (they were not acknowledged yet).
    #[test]
    fn killing_the_leader_loses_acked_records_with_acks_1_and_none_with_acks_all() {
        let mut c = Comparison::new(Setting::Acks, &ClusterConfig::default()).unwrap();
        run_for(&mut c, 5000);
        let leader = leader_of_p0(&c, 0).unwrap();
        // Same seed: the same leader in every copy.
        assert!((0..3).all(|r| leader_of_p0(&c, r) == Some(leader)));
        for b in c.runs()[0].cluster.view().topics[0].partitions[0].replicas.clone() {
            if b != leader {
                assert!(c.apply(&Command::SlowBroker { broker: b, factor: 30 }).iter().all(Result::is_ok));
            }
        }
        run_for(&mut c, 2000);
        assert!(c.apply(&Command::KillBroker { broker: leader }).iter().all(Result::is_ok));
        run_for(&mut c, 20_000);
        let s = c.strips();
        assert_eq!(s[1].label_en, "acks=1");
        assert!(s[1].acked_lost > 0, "{:?}", s[1]);
        assert_eq!(s[2].acked_lost, 0, "{:?}", s[2]);
        assert_eq!((s[0].acked, s[0].acked_lost), (0, 0), "acks=0 acknowledges nothing: {:?}", s[0]);
        assert!(s[0].differs[1] && s[0].differs[0], "acked and acked_lost differ: {:?}", s[0].differs);
        // Until the controller fences the dead leader (broker.session.timeout.ms,
        // 9 s), P0 has no live leader in every copy.
        assert!(s.iter().all(|x| (8900..=10_000).contains(&x.unavailable_ms)), "{s:?}");
        // A second kill of the same broker is refused in every copy, not fatal.
        assert!(c.apply(&Command::KillBroker { broker: leader }).iter().all(Result::is_err));
    }

    /// `unclean.leader.election.enable` (Kafka's topic config doc: "Indicates
    /// whether to enable replicas not in the ISR set to be elected as leader as
    /// a last resort, even though doing so may result in data loss"). The only
    /// ISR member dies while an out-of-sync replica is alive: with it off the
    /// partition stays offline (unavailable), with it on it comes back with the
    /// records the old leader alone had gone.
    #[test]
    fn unclean_election_trades_unavailability_for_lost_records() {
        let mut base = ClusterConfig::default();
        base.producers[0].acks = Acks::Leader;
        base.topics[0].config.min_insync_replicas = 1;
        base.broker_config.replica_lag_time_max_ms = 2000;
        base.broker_config.broker_session_timeout_ms = 3000;
        let mut c = Comparison::new(Setting::Unclean, &base).unwrap();
        run_for(&mut c, 3000);
        let leader = leader_of_p0(&c, 0).unwrap();
        let replicas = c.runs()[0].cluster.view().topics[0].partitions[0].replicas.clone();
        let followers: Vec<BrokerId> = replicas.into_iter().filter(|&b| b != leader).collect();
        // Both followers fall out of the ISR; one of them dies, then the leader.
        for &b in &followers {
            c.apply(&Command::IsolateBroker { broker: b });
        }
        run_for(&mut c, 6000);
        c.apply(&Command::KillBroker { broker: followers[0] });
        c.apply(&Command::HealBroker { broker: followers[1] });
        c.apply(&Command::KillBroker { broker: leader });
        run_for(&mut c, 15_000);
        let s = c.strips();
        assert!(s[0].unavailable_ms > s[1].unavailable_ms, "{s:?}");
        assert!(s[1].acked_lost > s[0].acked_lost, "{s:?}");
        assert!(s[0].differs[1] && s[0].differs[4], "{:?}", s[0].differs);
    }

    /// The copies' strips and a hash of their views (short on failure).
    fn picture(runs: &[Run]) -> (Vec<Strip>, u64) {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        runs.iter().for_each(|r| format!("{:?}", r.cluster.view()).hash(&mut h));
        (strips(runs), h.finish())
    }

    /// Issue 15's one timeline for compare mode: a seek shows every copy as
    /// it was (view and strip), in slices or at once; played forward from
    /// there the copies reach the live ones; acting there forks every copy,
    /// which then equals copies given the cut script plus the new command.
    #[test]
    fn the_copies_travel_in_time_together_and_fork_together() {
        let base = ClusterConfig::default();
        let mut c = Comparison::new(Setting::Acks, &base).unwrap();
        run_for(&mut c, 4900);
        let at_4900 = picture(c.runs());
        run_for(&mut c, 1600);
        let at_6500 = picture(c.runs());
        run_for(&mut c, 1500);
        assert!(c.apply(&Command::KillBroker { broker: 1 }).iter().all(Result::is_ok));
        run_for(&mut c, 12_000);
        let live = picture(c.runs());
        assert_eq!((c.start_ms(), c.end_ms()), (0, 20_000));
        assert!(c.history().iter().all(|h| h.marks().any(|m| m.kind == crate::timeline::MarkKind::Crash)));
        // A seek in slices of 7 steps: the copies as they were.
        let mut replay = c.replay_to(4900, None);
        let mut slices = 1;
        while !replay.run(7) {
            slices += 1;
        }
        assert_eq!(slices, 7, "49 steps in slices of 7");
        let mut past = replay.into_runs();
        assert_eq!(picture(&past), at_4900);
        // Forward from a past later than the last snapshot (measures
        // included): 13 steps from 5.2 s, not 15 from the snapshot at 5 s.
        let mut at_5200 = c.replay_to(5200, None);
        at_5200.run(u32::MAX);
        let mut forward = c.replay_to(6500, Some(&at_5200.into_runs()));
        assert!(!forward.run(12));
        assert!(forward.run(1), "13 steps from 5.2 s");
        assert_eq!(picture(&forward.into_runs()), at_6500);
        // Played on, the past reaches the live copies (the kill replayed).
        c.play_past(&mut past, 1000);
        assert_eq!(picture(&past), live);
        // A fork at 5 s with another command.
        let mut replay = c.replay_to(5000, None);
        replay.run(u32::MAX);
        let t = c.fork(replay.into_runs());
        assert_eq!((t, c.end_ms()), (5000, 5000));
        c.apply(&Command::KillBroker { broker: 2 });
        run_for(&mut c, 4000);
        let script = [(5000, Command::KillBroker { broker: 2 })];
        let (fresh, left_out) = Comparison::replaying(Setting::Acks, &base, &script, 9000).unwrap();
        assert_eq!(left_out, 0);
        assert_eq!(picture(c.runs()), picture(fresh.runs()));
        assert!(c.history().iter().all(|h| h.forks() == [5000]));
    }

    /// Compare mode starts from where the learner is: the explorer's commands
    /// are replayed into every copy at their times, except those that set the
    /// compared setting (they would make the copies equal).
    #[test]
    fn copies_replay_the_learners_script_but_not_the_compared_setting() {
        let base = ClusterConfig::default();
        let script = [
            (2000, Command::KillBroker { broker: 3 }),
            (
                3000,
                Command::SetProducerAcks {
                    producer: base.producers[0].id.clone(),
                    acks: Acks::Leader,
                    enable_idempotence: None,
                },
            ),
        ];
        let (c, left_out) = Comparison::replaying(Setting::Acks, &base, &script, 6000).unwrap();
        assert_eq!((left_out, c.time_ms()), (1, 6000));
        let acks: Vec<Acks> = c.runs().iter().map(|r| r.cluster.producers[0].config.acks).collect();
        assert_eq!(acks, [Acks::None, Acks::Leader, Acks::All], "still three settings");
        assert!(c.runs().iter().all(|r| !r.cluster.view().brokers[2].alive), "the kill was replayed");
        // The same replayed a few steps at a time (how the app opens it).
        let mut sliced = Comparison::new(Setting::Acks, &base).unwrap();
        let mut s = Script::new(&script, 6000);
        let mut slices = 0;
        while !sliced.replay_script(&mut s, 7) {
            slices += 1;
        }
        assert_eq!((slices, s.left_out(), s.len()), (8, 1, 2), "60 steps in slices of 7");
        assert_eq!(picture(sliced.runs()), picture(c.runs()));
        // The same as giving the kill live at 2 s.
        let mut live = Comparison::new(Setting::Acks, &base).unwrap();
        run_for(&mut live, 2000);
        live.apply(&Command::KillBroker { broker: 3 });
        run_for(&mut live, 4000);
        assert_eq!(picture(c.runs()), picture(live.runs()));
        // A producer added in the learner's run gets each copy's acks.
        let mut extra = base.producers[0].clone();
        extra.id = "extra".into();
        let add = Command::AddProducer(extra);
        let copy = &c.runs()[2].cluster.config();
        match Setting::Acks.adapt(&add, copy) {
            Some(Command::AddProducer(p)) => assert_eq!(p.acks, Acks::All),
            other => panic!("{other:?}"),
        }
        // A topic config change keeps its other keys, minus the compared one.
        let change = Command::SetTopicConfig {
            topic: "orders".into(),
            changes: crate::command::TopicConfigChange {
                min_insync_replicas: Some(2),
                retention_ms: Some(1000),
                ..Default::default()
            },
        };
        match Setting::MinIsr.adapt(&change, copy) {
            Some(Command::SetTopicConfig { changes, .. }) => {
                assert_eq!((changes.min_insync_replicas, changes.retention_ms), (None, Some(1000)))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(Setting::Unclean.adapt(&change, copy), Some(change.clone()));
        // Comparing consumers: members given or taken are left out, and a new
        // group follows the copy's rule (1, one per partition, one more).
        let add = Command::AddConsumer { group: base.groups[0].id.clone() };
        let consumers = Comparison::new(Setting::Consumers, &base).unwrap();
        let mut group = base.groups[0].clone();
        group.id = "new".into();
        let per_copy: Vec<u32> = consumers
            .runs()
            .iter()
            .map(|r| {
                assert_eq!(Setting::Consumers.adapt(&add, r.cluster.config()), None);
                match Setting::Consumers.adapt(&Command::AddGroup(group.clone()), r.cluster.config()) {
                    Some(Command::AddGroup(g)) => g.consumers,
                    other => panic!("{other:?}"),
                }
            })
            .collect();
        let p = base.topics.iter().find(|t| t.name == group.topic).unwrap().partitions;
        assert_eq!(per_copy, [1, p, p + 1]);
    }

    /// The bar's P0 commands mean each copy's own leader and followers.
    #[test]
    fn p0_commands_resolve_in_each_copy() {
        let c = Cluster::new(ClusterConfig::default()).unwrap();
        let p = &c.topics[0].partitions[0];
        let leader = p.leader.unwrap();
        assert_eq!(CopyCommand::KillLeaderOfP0.commands(&c), [Command::KillBroker { broker: leader }]);
        let slowed: Vec<Command> = p
            .replicas
            .iter()
            .filter(|&&b| b != leader)
            .map(|&broker| Command::SlowBroker { broker, factor: SLOW_FACTOR })
            .collect();
        assert_eq!((CopyCommand::SlowFollowersOfP0.commands(&c), slowed.len()), (slowed, 2));
        let mut offline = c.clone();
        offline.topics[0].partitions[0].leader = None;
        assert!(CopyCommand::KillLeaderOfP0.commands(&offline).is_empty());
    }

    #[test]
    fn same_seed_same_runs() {
        let go = || {
            let mut c = Comparison::new(Setting::Partitioner, &ClusterConfig::default()).unwrap();
            run_for(&mut c, 3000);
            c.apply(&Command::KillBroker { broker: 1 });
            run_for(&mut c, 12_000);
            let views: Vec<_> = c.runs().iter().map(|r| r.cluster.view()).collect();
            (c.strips(), views)
        };
        assert_eq!(go(), go());
    }
}
