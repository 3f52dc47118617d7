//! Time travel is exact: over random seeds and random command scripts,
//! - seeking to any time `t` gives the state a fresh run to `t` reaches (the
//!   whole view, and every event up to `t`, hashed), and
//! - after a fork at `f` (a new command given while looking at `f`), the run
//!   equals a fresh run whose script is the old one up to `f` plus the new
//!   command at `f`;
//! - scrubbing (seeks run a few steps at a time, each from the last position
//!   when that is closer than a snapshot) lands on the same states.
//!
//! "A fresh run to t" is `scenario::Runner::run_until(t)`: commands due at a
//! time are applied before the step that leaves it, those at `t` too.

use kafka_sim::command::Command;
use kafka_sim::config::{Acks, BrokerSettings, ClusterConfig, GroupConfig, ProducerConfig, TopicConfig, TopicSettings};
use kafka_sim::scenario::Runner;
use kafka_sim::timeline::{MarkKind, Timeline, SNAPSHOT_EVERY_MS};
use kafka_sim::{Cluster, Event};

mod common;
use common::Rng;

/// FNV-1a over each event's debug text: a running hash of a run's events.
fn fold(mut h: u64, events: &[Event]) -> u64 {
    for e in events {
        for b in format!("{e:?}").bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

const H0: u64 = 0xcbf2_9ce4_8422_2325;

fn config(rng: &mut Rng, seed: u64) -> ClusterConfig {
    let brokers = rng.range(3, 4) as u32;
    ClusterConfig {
        seed,
        brokers,
        topics: vec![TopicConfig {
            name: "t".into(),
            partitions: rng.range(1, 4) as u32,
            replication_factor: rng.range(1, 3) as u32,
            config: TopicSettings { segment_bytes: 4_000, retention_bytes: 20_000, ..TopicSettings::default() },
        }],
        producers: vec![
            ProducerConfig { acks: Acks::Leader, ..ProducerConfig::new("p1", "t", rng.range(5, 60) as f64) },
            ProducerConfig { key_space: Some(20), ..ProducerConfig::new("p2", "t", rng.range(5, 60) as f64) },
        ],
        groups: vec![GroupConfig::new("g1", "t", rng.range(1, 3) as u32)],
        step_ms: 100,
        broker_config: BrokerSettings {
            broker_session_timeout_ms: 2000,
            replica_lag_time_max_ms: 3000,
            log_retention_check_interval_ms: 5000,
            ..BrokerSettings::default()
        },
    }
}

fn random_command(rng: &mut Rng, brokers: u64) -> Command {
    let broker = rng.range(1, brokers) as u32;
    match rng.range(0, 7) {
        0 => Command::KillBroker { broker },
        1 => Command::RestartBroker { broker },
        2 => Command::ShutdownBroker { broker },
        3 => Command::AddConsumer { group: "g1".into() },
        4 => Command::RemoveConsumer { group: "g1".into(), member: None, graceful: rng.range(0, 1) == 0 },
        5 => Command::SlowBroker { broker, factor: rng.range(1, 20) as u32 },
        6 => Command::SetProducerRate { producer: "p1".into(), rate_per_s: rng.range(0, 100) as f64 },
        _ => Command::AddPartitions { topic: "t".into(), partitions: 5 },
    }
}

/// The live run, as the app drives it: commands at step boundaries (recorded
/// when accepted), one step at a time, the timeline told after each.
struct Live {
    cluster: Cluster,
    timeline: Timeline<u64>,
    hash: u64,
}

impl Live {
    fn new(config: ClusterConfig) -> Self {
        let mut cluster = Cluster::new(config).unwrap();
        let hash = fold(H0, &cluster.drain_events());
        let timeline = Timeline::new(&cluster, hash);
        Live { cluster, timeline, hash }
    }

    /// Every command given is recorded, refused ones too: replayed, they are
    /// refused again, with the same `rejected` event.
    fn command(&mut self, c: Command) {
        let t = self.cluster.time_ms();
        let _ = self.cluster.apply(c.clone());
        self.timeline.command(t, c);
        let events = self.cluster.drain_events();
        self.hash = fold(self.hash, &events);
        let h = self.hash;
        self.timeline.observe(&self.cluster, &events, || h);
    }

    fn step(&mut self) {
        self.cluster.tick();
        let events = self.cluster.drain_events();
        self.hash = fold(self.hash, &events);
        let h = self.hash;
        self.timeline.observe(&self.cluster, &events, || h);
    }
}

/// A fresh run of `config` with `script` to `t`: its view and event hash.
fn fresh(config: &ClusterConfig, script: &[(u64, Command)], t: u64) -> (String, u64) {
    let mut cluster = Cluster::new(config.clone()).unwrap();
    let mut hash = fold(H0, &cluster.drain_events());
    let mut runner = Runner::with_script(cluster, script.to_vec());
    loop {
        runner.run_until(runner.cluster.time_ms());
        hash = fold(hash, &runner.cluster.drain_events());
        if runner.cluster.time_ms() >= t {
            break;
        }
        runner.cluster.tick();
        hash = fold(hash, &runner.cluster.drain_events());
    }
    cluster = runner.cluster;
    (format!("{:?}", cluster.view()), hash)
}

fn seek(timeline: &Timeline<u64>, t: u64) -> (String, u64) {
    let (cluster, hash) = timeline.seek(t, |h, _, events| *h = fold(*h, &events));
    (format!("{:?}", cluster.view()), hash)
}

#[test]
fn seeking_equals_a_fresh_run_and_a_fork_equals_a_fresh_script() {
    for seed in 0..40u64 {
        let mut rng = Rng(seed ^ 0xA11CE);
        let cfg = config(&mut rng, seed);
        let brokers = u64::from(cfg.brokers);
        let mut live = Live::new(cfg.clone());
        // 30 simulated seconds with a command now and then.
        let mut next_command = rng.range(5, 30) * 100;
        while live.cluster.time_ms() < 30_000 {
            while live.cluster.time_ms() == next_command {
                live.command(random_command(&mut rng, brokers));
                next_command += if rng.range(0, 3) == 0 { 0 } else { rng.range(5, 40) * 100 };
                if next_command == live.cluster.time_ms() && rng.range(0, 1) == 0 {
                    next_command += 100;
                }
            }
            live.step();
        }
        let script = live.timeline.commands().to_vec();
        assert!(!script.is_empty(), "seed {seed}: the script did something");
        // Seeks: at snapshot times, just after, just before, at the end, at 0.
        let mut times = vec![0, 30_000, SNAPSHOT_EVERY_MS, SNAPSHOT_EVERY_MS + 100, 2 * SNAPSHOT_EVERY_MS - 100];
        times.extend((0..6).map(|_| rng.range(0, 300) * 100));
        times.extend(script.iter().map(|(t, _)| *t));
        for &t in &times {
            assert_eq!(seek(&live.timeline, t), fresh(&cfg, &script, t), "seed {seed}: seek to {t} ms");
        }
        // Scrubbing: a walk back and forth, each seek run a few steps at a
        // time and started from the previous position when that is closer.
        let mut at: Option<(Cluster, u64)> = None;
        for _ in 0..12 {
            // Half the moves are short drags forward (replayed from `at`).
            let t = match &at {
                Some((c, _)) if rng.range(0, 1) == 0 => (c.time_ms() + rng.range(1, 30) * 100).min(30_000),
                _ => rng.range(0, 300) * 100,
            };
            let mut replay = live.timeline.replay_to(t, at.take());
            let mut slices = 0;
            while !replay.run(rng.range(0, 40) as u32, |h, _, events| *h = fold(*h, &events)) {
                slices += 1;
                assert!(replay.time_ms() < t && slices < 10_000, "seed {seed}: the replay heads for {t}");
            }
            let (cluster, hash) = replay.into_parts();
            assert_eq!((format!("{:?}", cluster.view()), hash), fresh(&cfg, &script, t), "seed {seed}: scrub to {t}");
            at = Some((cluster, hash));
        }
        // Fork at a random time with a new command, then play 5 s more.
        let f = rng.range(1, 280) * 100;
        let (cluster, hash) = live.timeline.seek(f, |h, _, events| *h = fold(*h, &events));
        live.cluster = cluster;
        live.hash = hash;
        let _ = live.timeline.fork_at(f);
        assert_eq!(live.timeline.end_ms(), f);
        assert!(live.timeline.marks().any(|m| m.kind == MarkKind::Fork && m.t_ms == f));
        let extra = random_command(&mut rng, brokers);
        live.command(extra.clone());
        while live.cluster.time_ms() < f + 5_000 {
            live.step();
        }
        let mut forked: Vec<(u64, Command)> = script.iter().filter(|(t, _)| *t <= f).cloned().collect();
        forked.push((f, extra));
        assert_eq!(live.timeline.commands(), &forked[..], "seed {seed}: the fork kept the script up to {f} ms");
        let now = (format!("{:?}", live.cluster.view()), live.hash);
        assert_eq!(now, fresh(&cfg, &forked, f + 5_000), "seed {seed}: forked at {f} ms");
        // And history after the fork is exact too.
        let t = f + rng.range(0, 50) * 100;
        assert_eq!(seek(&live.timeline, t), fresh(&cfg, &forked, t), "seed {seed}: seek to {t} ms after the fork");
    }
}

#[test]
fn marks_and_bands_follow_the_run() {
    let mut rng = Rng(7);
    let mut cfg = config(&mut rng, 7);
    cfg.topics[0].replication_factor = 3;
    cfg.topics[0].partitions = 3;
    let mut live = Live::new(cfg);
    while live.cluster.time_ms() < 3_000 {
        live.step();
    }
    let leader = live.cluster.view().topics[0].partitions[0].leader.unwrap();
    live.command(Command::KillBroker { broker: leader });
    while live.cluster.time_ms() < 10_000 {
        live.step();
    }
    let kinds: Vec<MarkKind> = live.timeline.marks().map(|m| m.kind).collect();
    assert!(kinds.contains(&MarkKind::Crash) && kinds.contains(&MarkKind::Election), "{kinds:?}");
    let crash = live.timeline.marks().find(|m| m.kind == MarkKind::Crash).unwrap();
    assert_eq!(crash.t_ms, 3_000);
    // The broker's replicas leave the ISR once it is fenced (session 2 s).
    let band = live.timeline.bands().first().expect("under-replicated after the crash");
    assert!(band.from_ms >= 3_000 && band.to_ms == 10_000, "{band:?}");
}

/// History is bounded by the records written since its oldest snapshot
/// (issue 14: nothing grows forever); compare mode's copies share that
/// budget (`share`), so they keep less of a busy run, in fewer snapshots.
#[test]
fn a_shared_record_budget_drops_older_history_sooner() {
    let mut rng = Rng(3);
    let cfg = config(&mut rng, 3);
    let run = |ways: usize| {
        let mut live = Live::new(cfg.clone());
        live.timeline.share(ways);
        while live.cluster.time_ms() < 30_000 {
            live.step();
        }
        live.timeline.start_ms()
    };
    assert_eq!(run(1), 0, "30 s of a small run fit the whole budget");
    // A budget of 3 records: every snapshot but the last two goes.
    let start = run(1_000_000);
    assert!(start >= 30_000 - 2 * SNAPSHOT_EVERY_MS, "history starts at {start} ms");
    // The snapshot budget is shared too: 128 / 32 = 4 snapshots, thinned.
    let mut live = Live::new(cfg.clone());
    live.timeline.share(32);
    while live.cluster.time_ms() < 100_000 {
        live.step();
    }
    assert!(live.timeline.snapshot_count() <= 4, "{} snapshots", live.timeline.snapshot_count());
}
