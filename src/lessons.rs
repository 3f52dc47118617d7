//! Prepared situations for the Lag tab: one per Burrow status, plus one where
//! Burrow's rules mislead. Each lesson is a cluster configuration and a short
//! script of commands at fixed simulated times. Everything here is a pure
//! function, checked natively by running the lesson in `kafka_sim::Cluster`.
//!
//! How the app loads a lesson (see `components::lag_panel`): one
//! `Action::RunScript`, which starts a fresh run at 0 s from the lesson's
//! configuration and runs the script through the engine's `scenario::Runner`
//! (ticks up to each command's time, then the command) with one view refresh at
//! the end. The learner lands just after the last command, with the run's
//! history (lag charts, Burrow windows) already recorded.
//!
//! Burrow keeps 10 commits per partition. With Kafka's default
//! `auto.commit.interval.ms` of 5 s that is 50 s of history; the lessons commit
//! every second (`auto.commit.interval.ms=1000`) so statuses appear in ~10-15 s.

use kafka_sim::burrow::PartitionStatus;
use kafka_sim::command::{Command, ResetSpec};
use kafka_sim::config::{
    BrokerSettings, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig, TopicSettings,
};
use kafka_sim::partitioner::PartitionerKind;
use kafka_sim::scenario::Runner;
use kafka_sim::{Cluster, SimError};

/// The topic, producer and group every lesson uses.
pub const TOPIC: &str = "orders";
pub const PRODUCER: &str = "p1";
pub const GROUP: &str = "billing";
/// `auto.commit.interval.ms` in the lessons (Kafka's default is 5000).
pub const COMMIT_INTERVAL_MS: u64 = 1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lesson {
    /// A consumer faster than the producer: OK.
    Healthy,
    /// A consumer slower than the producer: the lag only grows, WARN.
    FallingBehind,
    /// The only consumer crashes at 12 s: no more commits, STOP.
    Stopped,
    /// The consumer stops processing at 12 s but keeps auto-committing the same
    /// offset while the lag grows: STALL.
    Stalled,
    /// At 20-22 s the consumer leaves, the offsets are reset to the earliest and
    /// a consumer rejoins: the commits go backwards, REWIND.
    Rewound,
    /// The producer goes quiet at 15 s and the consumer crashes at 16 s: the lag
    /// stays 0, so Burrow keeps saying OK about a dead consumer.
    QuietTopic,
}

impl Lesson {
    pub const ALL: [Lesson; 6] =
        [Lesson::Healthy, Lesson::FallingBehind, Lesson::Stopped, Lesson::Stalled, Lesson::Rewound, Lesson::QuietTopic];

    /// The id used in `data-testid="lesson-<id>"`.
    pub fn id(self) -> &'static str {
        match self {
            Lesson::Healthy => "ok",
            Lesson::FallingBehind => "warn",
            Lesson::Stopped => "stop",
            Lesson::Stalled => "stall",
            Lesson::Rewound => "rewind",
            Lesson::QuietTopic => "quiet",
        }
    }

    /// The partition status the lesson is about (the quiet topic's point is that
    /// Burrow says OK although the consumer is dead).
    pub fn status(self) -> PartitionStatus {
        match self {
            Lesson::Healthy | Lesson::QuietTopic => PartitionStatus::Ok,
            Lesson::FallingBehind => PartitionStatus::Warn,
            Lesson::Stopped => PartitionStatus::Stop,
            Lesson::Stalled => PartitionStatus::Stall,
            Lesson::Rewound => PartitionStatus::Rewind,
        }
    }

    /// Simulated time by which every partition shows [`status`](Self::status)
    /// (checked by the tests; the UI quotes it).
    pub fn shows_by_ms(self) -> u64 {
        match self {
            Lesson::Healthy | Lesson::FallingBehind => WARM_UP_MS,
            Lesson::Stopped | Lesson::Stalled => 23_000,
            Lesson::Rewound => 22_000,
            Lesson::QuietTopic => 16_000,
        }
    }

    /// How long after it first shows the status holds (some statuses are
    /// meant to pass: a REWIND leaves the window, for example).
    pub fn holds_until_ms(self) -> u64 {
        match self {
            Lesson::Rewound => 30_000,
            _ => 120_000,
        }
    }

    pub fn config(self) -> ClusterConfig {
        let (produce, consume) = match self {
            Lesson::Healthy | Lesson::Stopped | Lesson::Stalled | Lesson::QuietTopic => (6.0, 30.0),
            Lesson::FallingBehind => (15.0, 9.0),
            Lesson::Rewound => (15.0, 20.0),
        };
        base(produce, consume)
    }

    /// Commands and the simulated time (ms) at which each is applied, in order.
    pub fn script(self) -> Vec<(u64, Command)> {
        let crash = || Command::RemoveConsumer { group: GROUP.into(), member: None, graceful: false };
        match self {
            Lesson::Healthy | Lesson::FallingBehind => Vec::new(),
            Lesson::Stopped => vec![(12_000, crash())],
            Lesson::Stalled => vec![(12_000, Command::SetGroupRate { group: GROUP.into(), records_per_s: 0.0 })],
            Lesson::Rewound => vec![
                (20_000, Command::RemoveConsumer { group: GROUP.into(), member: None, graceful: true }),
                (21_000, Command::ResetOffsets { group: GROUP.into(), spec: ResetSpec::ToEarliest }),
                (22_000, Command::AddConsumer { group: GROUP.into() }),
            ],
            Lesson::QuietTopic => vec![
                (15_000, Command::SetProducerRate { producer: PRODUCER.into(), rate_per_s: 0.0 }),
                (16_000, crash()),
            ],
        }
    }

    /// Where the learner lands: after the last scripted command, and never
    /// before [`WARM_UP_MS`].
    pub fn start_ms(self) -> u64 {
        self.script().last().map_or(0, |(t, _)| *t).max(WARM_UP_MS)
    }
}

/// Every lesson starts this far in, so Burrow's window of 10 commits (one a
/// second here) is already full when the learner looks.
pub const WARM_UP_MS: u64 = 12_000;

/// Three brokers; `orders` with 3 partitions (RF 3); one round-robin producer;
/// group `billing` with one consumer committing every second.
fn base(produce_per_s: f64, consume_per_s: f64) -> ClusterConfig {
    ClusterConfig {
        seed: 1,
        brokers: 3,
        topics: vec![TopicConfig {
            name: TOPIC.into(),
            partitions: 3,
            replication_factor: 3,
            config: TopicSettings { min_insync_replicas: 2, ..TopicSettings::default() },
        }],
        producers: vec![ProducerConfig {
            partitioner: PartitionerKind::RoundRobin,
            ..ProducerConfig::new(PRODUCER, TOPIC, produce_per_s)
        }],
        groups: vec![GroupConfig {
            auto_offset_reset: OffsetReset::Earliest,
            records_per_s: consume_per_s,
            auto_commit_interval_ms: COMMIT_INTERVAL_MS,
            ..GroupConfig::new(GROUP, TOPIC, 1)
        }],
        step_ms: 100,
        broker_config: BrokerSettings {
            broker_session_timeout_ms: 3000,
            replica_lag_time_max_ms: 10_000,
            ..BrokerSettings::default()
        },
    }
}

/// Loads a lesson exactly as the app does (`Action::RunScript`): a fresh cluster,
/// the script through the engine's [`Runner`], up to [`Lesson::start_ms`].
pub fn load(l: Lesson) -> Result<Cluster, SimError> {
    let mut runner = Runner::with_script(Cluster::new(l.config())?, l.script());
    runner.run_until(l.start_ms());
    Ok(runner.cluster)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::burrow::PartitionStatus as S;

    fn statuses(c: &Cluster) -> Vec<S> {
        let v = c.view();
        let g = v.groups.iter().find(|g| g.id == GROUP).unwrap();
        g.burrow.partitions.iter().map(|p| p.status).collect()
    }

    fn loaded(l: Lesson) -> Cluster {
        let c = load(l).unwrap();
        assert_eq!(c.time_ms(), l.start_ms());
        c
    }

    #[test]
    fn every_lesson_is_valid_and_scripted_in_time_order() {
        for l in Lesson::ALL {
            l.config().validate().unwrap();
            let s = l.script();
            assert!(s.windows(2).all(|w| w[0].0 < w[1].0), "{l:?}");
            assert!(l.shows_by_ms() >= l.start_ms() && l.holds_until_ms() > l.shows_by_ms());
            assert_eq!(Lesson::ALL.iter().filter(|x| x.id() == l.id()).count(), 1);
        }
    }

    /// Each lesson reaches its status on every partition by `shows_by_ms`, and
    /// keeps it until `holds_until_ms`.
    #[test]
    fn every_lesson_reaches_its_burrow_status() {
        for l in Lesson::ALL {
            let mut c = loaded(l);
            c.run_until(l.shows_by_ms());
            let want = vec![l.status(); 3];
            assert_eq!(statuses(&c), want, "{l:?} at {} ms", c.time_ms());
            while c.time_ms() < l.holds_until_ms() {
                c.tick();
                assert_eq!(statuses(&c), want, "{l:?} at {} ms", c.time_ms());
            }
        }
    }

    #[test]
    fn healthy_and_quiet_are_ok_for_different_reasons() {
        let mut quiet = loaded(Lesson::QuietTopic);
        quiet.run_until(120_000);
        let v = quiet.view();
        let g = &v.groups[0];
        // The consumer is gone (crashed, then removed after session.timeout.ms)…
        assert!(g.members.is_empty(), "{:?}", g.members);
        // …and yet every partition is OK, because the lag is 0.
        assert_eq!(g.total_lag, 0);
        assert!(g.burrow.partitions.iter().all(|p| p.reason.code() == "no_current_lag"));
        // Once records arrive again, Burrow notices the dead consumer.
        quiet.apply(Command::SetProducerRate { producer: PRODUCER.into(), rate_per_s: 6.0 }).unwrap();
        quiet.run_until(135_000);
        assert_eq!(statuses(&quiet), vec![S::Stop; 3]);
    }

    #[test]
    fn healthy_group_has_no_stop_stall_or_rewind_for_minutes() {
        let mut c = loaded(Lesson::Healthy);
        while c.time_ms() < 300_000 {
            c.tick();
            assert!(statuses(&c).iter().all(|s| *s == S::Ok), "at {}", c.time_ms());
        }
    }

    #[test]
    fn rewind_passes_once_the_old_commit_leaves_the_window() {
        let mut c = loaded(Lesson::Rewound);
        c.run_until(45_000);
        assert_eq!(statuses(&c), vec![S::Ok; 3], "catching up again");
    }

    /// Every scripted command is accepted (the runner would record a refusal as a
    /// `rejected` event and carry on, which would make the lesson wrong).
    #[test]
    fn every_scripted_command_is_accepted() {
        for l in Lesson::ALL {
            let mut c = load(l).unwrap();
            let rejected = c.drain_events().iter().filter(|e| e.type_name() == "rejected").count();
            assert_eq!(rejected, 0, "{l:?}");
        }
    }
}
