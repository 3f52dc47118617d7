//! A broker killed and restarted, checked against KRaft's registration rules.
//!
//! `ClusterControlManager.registerBroker` refuses a new incarnation of a broker
//! id with DUPLICATE_BROKER_REGISTRATION while `BrokerHeartbeatManager` still
//! holds a valid session for the old one (`ClusterControlManagerTest`'s
//! duplicate-registration cases); `BrokerLifecycleManager` keeps retrying. So a
//! broker that crashed and came back inside `broker.session.timeout.ms` does
//! not resume its leaderships: the controller fences the old session when it
//! expires (new leaders from the ISR, leader epoch + 1), and only then does the
//! broker register, as a follower that truncates by leader epoch (KIP-279).
//!
//! Conventions: one topic `t` with one partition, RF 3, `step_ms` 100,
//! `broker.session.timeout.ms` 3000.

use kafka_sim::config::{Acks, BrokerSettings, ClusterConfig, ProducerConfig, TopicConfig, TopicSettings};
use kafka_sim::error::ErrorCode;
use kafka_sim::event::ElectionCause;
use kafka_sim::producer::Ledger;
use kafka_sim::{BrokerId, Command, EventKind};

mod common;
use common::Sim;

const T: &str = "t";
const SESSION_MS: u64 = 3000;
const KILL_AT: u64 = 5000;

fn config(rf: u32, min_isr: u32, acks: Acks) -> ClusterConfig {
    ClusterConfig {
        seed: 7,
        brokers: 3,
        topics: vec![TopicConfig {
            name: T.into(),
            partitions: 1,
            replication_factor: rf,
            config: TopicSettings { min_insync_replicas: min_isr, ..TopicSettings::default() },
        }],
        producers: vec![ProducerConfig { acks, ..ProducerConfig::new("p", T, 50.0) }],
        groups: vec![],
        step_ms: 100,
        broker_config: BrokerSettings { broker_session_timeout_ms: SESSION_MS, ..BrokerSettings::default() },
    }
}

impl Sim {
    fn ledger(&self) -> Ledger {
        self.c.view().producers[0].ledger.clone()
    }

    /// Events of broker `b` (and partition events naming it) since `from`, as
    /// (time, type) pairs.
    fn broker_events(&self, b: BrokerId, from: u64) -> Vec<(u64, &'static str)> {
        self.events
            .iter()
            .filter(|e| e.t_ms >= from)
            .filter(|e| match &e.kind {
                EventKind::BrokerCrashed { broker, .. }
                | EventKind::BrokerFenced { broker }
                | EventKind::BrokerShutdown { broker }
                | EventKind::BrokerRestarted { broker }
                | EventKind::RegistrationRefused { broker, .. } => *broker == b,
                _ => false,
            })
            .map(|e| (e.t_ms, e.type_name()))
            .collect()
    }

    /// The leader's id, with the partition's leader epoch, at `KILL_AT`.
    fn run_to_kill(&mut self) -> (BrokerId, u32) {
        self.run_until(KILL_AT);
        let p = self.p();
        (p.leader.expect("a leader"), p.leader_epoch)
    }
}

/// Killed and restarted inside the session: the registration is refused until
/// the controller fences the old session; leadership then moves with a bumped
/// epoch, the acks=1 records only the old leader held are lost (booked as
/// acked-but-lost), and the broker comes back as a follower, truncates and
/// rejoins the ISR.
#[test]
fn a_restart_inside_the_session_waits_for_fencing_and_loses_what_only_the_old_leader_held() {
    let mut s = Sim::new(config(3, 1, Acks::Leader));
    let (old, epoch) = s.run_to_kill();
    // Followers fetch before producers send: the last step's records are on the leader alone.
    let followers: Vec<BrokerId> = s.p().replicas.into_iter().filter(|&b| b != old).collect();
    let copied = followers.iter().map(|&b| s.leo_of(b)).max().unwrap();
    let only_on_leader = s.leo_of(old) - copied;
    assert!(only_on_leader > 0, "the leader alone holds the last step's records");
    assert_eq!(s.ledger().acked_lost, 0);

    s.apply(Command::KillBroker { broker: old });
    s.run_until(KILL_AT + 1000);
    s.apply(Command::RestartBroker { broker: old });
    let refused = s.events.last().expect("an event");
    assert_eq!(
        refused.kind,
        EventKind::RegistrationRefused { broker: old, session_expires_at_ms: KILL_AT + SESSION_MS }
    );
    // Still retrying: a second restart is refused as already running.
    let again = s.c.apply(Command::RestartBroker { broker: old }).unwrap_err();
    assert_eq!(again.code, ErrorCode::InvalidRequest);

    // Until the old session expires the broker is down and the partition keeps its epoch.
    s.run_until(KILL_AT + SESSION_MS - 100);
    assert!(!s.c.view().brokers[old as usize - 1].alive, "not registered yet");
    assert_eq!(s.p().leader_epoch, epoch);
    assert_eq!(s.leo_of(old), copied + only_on_leader, "it neither led nor fetched");

    s.run_until(KILL_AT + SESSION_MS + 100);
    let fenced_at = KILL_AT + SESSION_MS;
    assert_eq!(
        s.broker_events(old, KILL_AT),
        vec![
            (KILL_AT, "broker_crashed"),
            (KILL_AT + 1000, "registration_refused"),
            (fenced_at, "broker_fenced"),
            (fenced_at, "broker_restarted"),
        ]
    );
    let p = s.p();
    assert_ne!(p.leader, Some(old), "it does not lead again");
    assert_eq!(p.leader_epoch, epoch + 1, "the controller elected a new leader at fencing");
    let elected = s.events.iter().find_map(|e| match &e.kind {
        EventKind::LeaderElected { previous: Some(b), cause, epoch: new, .. } if *b == old => {
            Some((e.t_ms, *cause, *new))
        }
        _ => None,
    });
    assert_eq!(elected, Some((fenced_at, ElectionCause::Offline, epoch + 1)));
    assert_eq!(s.ledger().acked_lost, only_on_leader, "acks=1 records only the old leader held");

    // It truncates the records the new leader never had, catches up and rejoins the ISR.
    s.run_until(fenced_at + 3000);
    let truncated = s.events.iter().any(|e| {
        matches!(&e.kind, EventKind::Truncated { broker, from_offset, .. } if *broker == old && *from_offset == copied)
    });
    assert!(truncated, "{:?}", s.broker_events(old, KILL_AT));
    assert!(s.p().isr.contains(&old), "{:?}", s.p());
    assert_eq!(s.ledger().acked_lost, only_on_leader, "nothing else lost");
}

/// A sole replica restarted inside its session is offline until the fencing,
/// then leads again with a new leader epoch (it is the last ISR member).
#[test]
fn a_sole_replica_restarted_inside_the_session_leads_again_with_a_new_epoch() {
    let mut s = Sim::new(config(1, 1, Acks::Leader));
    let (only, epoch) = s.run_to_kill();
    s.apply(Command::KillBroker { broker: only });
    s.apply(Command::RestartBroker { broker: only });
    s.run_until(KILL_AT + SESSION_MS - 100);
    assert_eq!(s.p().leader_epoch, epoch);
    s.run_until(KILL_AT + SESSION_MS + 100);
    let p = s.p();
    // Offline at fencing (no epoch change), elected again on registration.
    assert_eq!((p.leader, p.leader_epoch), (Some(only), epoch + 1));
    let causes: Vec<ElectionCause> = s
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::LeaderElected { cause, .. } if e.t_ms > KILL_AT => Some(*cause),
            _ => None,
        })
        .collect();
    assert_eq!(causes, vec![ElectionCause::Restart]);
    assert_eq!(s.ledger().acked_lost, 0, "its log is the partition's log");
}

/// Restarted after the session expired: the controller already fenced it, so
/// it registers at once, as before.
#[test]
fn a_restart_after_the_session_expired_registers_at_once() {
    let mut s = Sim::new(config(3, 1, Acks::Leader));
    let (old, epoch) = s.run_to_kill();
    s.apply(Command::KillBroker { broker: old });
    let restart_at = KILL_AT + SESSION_MS + 1000;
    s.run_until(restart_at);
    s.apply(Command::RestartBroker { broker: old });
    assert_eq!(
        s.broker_events(old, KILL_AT),
        vec![(KILL_AT, "broker_crashed"), (KILL_AT + SESSION_MS, "broker_fenced"), (restart_at, "broker_restarted")]
    );
    assert_eq!(s.p().leader_epoch, epoch + 1);
    s.run_until(restart_at + 3000);
    assert!(s.p().isr.contains(&old));
}

/// A controlled shutdown fences the broker at once (leaderships move first):
/// an immediate restart registers without a refusal, and the restart loses
/// nothing more (what the shutdown's election lost is acks=1's usual window).
#[test]
fn a_controlled_shutdown_then_restart_stays_clean() {
    let mut s = Sim::new(config(3, 1, Acks::Leader));
    let (old, epoch) = s.run_to_kill();
    s.apply(Command::ShutdownBroker { broker: old });
    let lost_at_shutdown = s.ledger().acked_lost;
    s.run_until(KILL_AT + 500);
    s.apply(Command::RestartBroker { broker: old });
    assert_eq!(s.broker_events(old, KILL_AT), vec![(KILL_AT, "broker_shutdown"), (KILL_AT + 500, "broker_restarted")]);
    assert_eq!(s.p().leader_epoch, epoch + 1);
    s.run_until(KILL_AT + 3000);
    assert!(s.p().isr.contains(&old));
    assert_eq!(s.ledger().acked_lost, lost_at_shutdown);
}

/// acks=all with `min.insync.replicas=2` and unclean election off loses
/// nothing acknowledged through a kill and an early restart.
#[test]
fn acks_all_loses_nothing_through_an_early_restart() {
    let mut s = Sim::new(config(3, 2, Acks::All));
    let (old, epoch) = s.run_to_kill();
    s.apply(Command::KillBroker { broker: old });
    s.run_until(KILL_AT + 1000);
    s.apply(Command::RestartBroker { broker: old });
    s.run_until(KILL_AT + SESSION_MS + 5000);
    let (p, ledger) = (s.p(), s.ledger());
    assert_eq!(p.leader_epoch, epoch + 1);
    assert!(p.isr.contains(&old));
    assert!(ledger.acked > 0);
    assert_eq!(ledger.acked_lost, 0, "{ledger:?}");
}
