//! The controller: broker liveness (crash, controlled shutdown, restart,
//! slow fetches), failure detection after `broker.session.timeout.ms`,
//! fencing, and the elections these trigger; topic changes are in
//! `topics.rs` and replica placement in [`placement`].
//!
//! These stay `impl Cluster`: a broker event touches every partition with a
//! replica on it (and an election's lost records touch the producers'
//! ledgers). The per-partition work is `PartitionState`'s (`remove_fenced`,
//! `elect`, `elect_preferred`, `follower_restarted`); the loops here only
//! lend each partition the live brokers and its topic's settings
//! (`Cluster::for_each_partition`), and the periodic follower fetch and ISR
//! check loops (`replicate`, `shrink_isrs`) do the same.

mod disk;
pub mod placement;
mod topics;

use crate::cluster::Cluster;
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::event::{ElectionCause, EventKind};
use crate::ids::BrokerId;
use crate::partition::log::{Record, FLAG_ACKED, FLAG_ACKS0};
use crate::partition::{At, FetchEnv, FetchSink, Lost, PartitionState};

#[derive(Clone, Debug)]
pub(crate) struct Broker {
    pub id: BrokerId,
    pub alive: bool,
    /// The controller has fenced it (crash noticed, or controlled shutdown).
    pub fenced: bool,
    pub crashed_at: Option<u64>,
    /// Restarted while its dead incarnation's session was still valid: the
    /// controller refused the registration (`DUPLICATE_BROKER_REGISTRATION`)
    /// and the broker retries until that session expires. Still down meanwhile.
    pub registering: bool,
    /// Follower fetch delay multiplier (`slow_broker`).
    pub slow_factor: u32,
    /// Cut off from the other brokers (`isolate_broker`): no follower fetch to or from it.
    pub isolated: bool,
    /// Bytes through it (`BrokerTopicMetrics`).
    pub traffic: crate::traffic::BrokerMeters,
    /// Bytes its replicas' logs take on its disk, and what is left of
    /// `disk_bytes` (`disk.rs`; measured each step, reduced by each append).
    pub disk_used: u64,
    pub disk_free: u64,
    /// Halted because a write did not fit its disk (until it restarts).
    pub log_dir_offline: bool,
}

/// The broker with id `id`.
pub(crate) fn broker_mut(brokers: &mut [Broker], id: BrokerId) -> Option<&mut Broker> {
    brokers.iter_mut().find(|b| b.id == id)
}

/// One partition's follower fetches, seen from the brokers
/// (`ReplicaFetcherThread`: the follower's broker reads, the leader's serves).
struct Sink<'a> {
    brokers: &'a mut [Broker],
    topic: &'a mut crate::traffic::TopicMeters,
    leader: Option<BrokerId>,
    /// Followers whose first record did not fit, with its size.
    full: Vec<(BrokerId, u64)>,
}

impl FetchSink for Sink<'_> {
    fn room(&self, follower: BrokerId) -> u64 {
        self.brokers.iter().find(|b| b.id == follower).map_or(0, |b| b.disk_free)
    }

    fn fetched(&mut self, follower: BrokerId, bytes: u64) {
        self.topic.replication_bytes += bytes;
        if let Some(b) = broker_mut(self.brokers, follower) {
            b.traffic.replication_in.add(bytes);
        }
        disk::take(self.brokers, follower, bytes);
        if let Some(b) = self.leader.and_then(|id| broker_mut(self.brokers, id)) {
            b.traffic.replication_out.add(bytes);
        }
    }

    fn disk_full(&mut self, follower: BrokerId, write_bytes: u64) {
        // It halts at the end of the round (`log_dir_failed`); nothing more
        // fits meanwhile.
        if let Some(b) = broker_mut(self.brokers, follower) {
            b.disk_free = 0;
        }
        self.full.push((follower, write_bytes));
    }
}

/// What an election on any partition needs from outside it.
pub(crate) struct ElectionCtx<'a> {
    pub alive: &'a [BrokerId],
    pub unclean_ok: bool,
    pub now: u64,
}

impl Cluster {
    pub(crate) fn broker_alive(&self, id: BrokerId) -> bool {
        alive(&self.brokers, id)
    }

    /// Live broker ids (a small sorted list).
    pub(crate) fn alive_set(&self) -> Vec<BrokerId> {
        self.brokers.iter().filter(|b| b.alive).map(|b| b.id).collect()
    }

    fn broker_index(&self, id: BrokerId) -> Result<usize, SimError> {
        self.brokers.iter().position(|b| b.id == id).ok_or_else(|| {
            SimError::new(
                ErrorCode::InvalidRequest,
                FieldPath::new("broker"),
                ErrorReason::NoSuchBroker { id, brokers: self.brokers.len() as u32 },
            )
        })
    }

    /// Followers on live brokers fetch from live leaders when their fetch is due
    /// (`PartitionState::fetch_round`).
    pub(crate) fn replicate(&mut self, now: u64) {
        let alive = self.alive_set();
        let slow: Vec<(BrokerId, u32)> = self.brokers.iter().map(|b| (b.id, b.slow_factor)).collect();
        let isolated: Vec<BrokerId> = self.brokers.iter().filter(|b| b.isolated).map(|b| b.id).collect();
        let bc = &self.config.broker_config;
        let mut env = FetchEnv {
            alive: &alive,
            slow: &slow,
            isolated: &isolated,
            lag_max_ms: bc.replica_lag_time_max_ms,
            max_bytes: bc.replica_fetch_max_bytes,
            delay_ms: bc.fetch_delay_ms,
            min_isr: 0,
            record_events: self.record_events,
        };
        let mut events = Vec::new();
        let mut full: Vec<(BrokerId, String, u32, u64)> = Vec::new();
        for topic in &mut self.topics {
            env.min_isr = topic.settings.min_insync_replicas;
            let settings = topic.log_settings();
            for (p, part) in topic.partitions.iter_mut().enumerate() {
                let at = At { topic: &topic.name, partition: p as u32 };
                let mut sink = Sink {
                    brokers: &mut self.brokers,
                    topic: &mut topic.traffic,
                    leader: part.leader,
                    full: Vec::new(),
                };
                part.fetch_round(now, &env, &settings, at, &mut events, &mut sink);
                full.extend(sink.full.into_iter().map(|(b, bytes)| (b, topic.name.clone(), p as u32, bytes)));
            }
        }
        self.emit_all(events);
        for (broker, topic, partition, bytes) in full {
            self.log_dir_failed(broker, topic, partition, true, bytes);
        }
    }

    /// `Partition.maybeShrinkIsr`, run every `replica.lag.time.max.ms / 2` as
    /// Kafka's isr-expiration task.
    pub(crate) fn shrink_isrs(&mut self, now: u64) {
        let lag_max = self.config.broker_config.replica_lag_time_max_ms;
        let alive = self.alive_set();
        let mut events = Vec::new();
        for topic in &mut self.topics {
            let min_isr = topic.settings.min_insync_replicas;
            for (p, part) in topic.partitions.iter_mut().enumerate() {
                let at = At { topic: &topic.name, partition: p as u32 };
                part.maybe_shrink_isr(now, lag_max, min_isr, &alive, at, &mut events);
            }
        }
        self.emit_all(events);
    }

    /// The controller fences brokers whose session expired and re-elects leaders.
    pub(crate) fn detect_failures(&mut self, now: u64) {
        let timeout = self.config.broker_config.broker_session_timeout_ms;
        let due: Vec<BrokerId> = self
            .brokers
            .iter()
            .filter(|b| !b.alive && !b.fenced && b.crashed_at.is_some_and(|t| now - t >= timeout))
            .map(|b| b.id)
            .collect();
        for id in due {
            self.fence(id, ElectionCause::Offline);
            // The retrying new incarnation registers now that the old session is gone.
            if self.brokers.iter().any(|b| b.id == id && b.registering) {
                self.register(id);
            }
        }
    }

    /// Fences a broker: out of every ISR (unless it is the last member, which
    /// KRaft keeps so the partition can come back cleanly), and partitions it
    /// led get a new leader.
    fn fence(&mut self, id: BrokerId, cause: ElectionCause) {
        if let Ok(i) = self.broker_index(id) {
            self.brokers[i].fenced = true;
        }
        if cause == ElectionCause::Offline {
            self.emit(EventKind::BrokerFenced { broker: id });
        }
        self.for_each_partition(|part, at, ctx, out| {
            if !part.replicas.contains(&id) {
                return Vec::new();
            }
            part.remove_fenced(id, at, out);
            if part.leader == Some(id) {
                part.elect(ctx.alive, ctx.unclean_ok, cause, ctx.now, at, out)
            } else {
                Vec::new()
            }
        });
    }

    /// Runs `f` on every partition with what an election needs, then emits the
    /// events it pushed and books the records its elections lost.
    pub(crate) fn for_each_partition(
        &mut self,
        mut f: impl FnMut(&mut PartitionState, At, &ElectionCtx, &mut Vec<EventKind>) -> Lost,
    ) {
        let alive = self.alive_set();
        let now = self.time_ms;
        let mut events = Vec::new();
        let mut lost = Vec::new();
        for topic in &mut self.topics {
            let ctx = ElectionCtx { alive: &alive, unclean_ok: topic.settings.unclean_leader_election_enable, now };
            for (p, part) in topic.partitions.iter_mut().enumerate() {
                lost.extend(f(part, At { topic: &topic.name, partition: p as u32 }, &ctx, &mut events));
            }
        }
        self.book_lost(&lost);
        self.emit_all(events);
    }

    /// Records an election lost, in their producers' ledgers.
    fn book_lost(&mut self, lost: &[(u64, Record)]) {
        for (_, r) in lost {
            let ledger = &mut self.producers[r.producer() as usize].ledger;
            if r.flags() & FLAG_ACKED != 0 {
                ledger.acked_lost += 1;
            } else if r.flags() & FLAG_ACKS0 != 0 {
                ledger.unacknowledged_lost += 1;
            }
        }
    }

    pub(crate) fn kill_broker(&mut self, id: BrokerId) -> Result<(), SimError> {
        let i = self.broker_index(id)?;
        if !self.brokers[i].alive {
            return Err(already_down(id));
        }
        let b = &mut self.brokers[i];
        b.alive = false;
        b.crashed_at = Some(self.time_ms);
        let session_timeout_ms = self.config.broker_config.broker_session_timeout_ms;
        self.emit(EventKind::BrokerCrashed { broker: id, session_timeout_ms });
        Ok(())
    }

    /// Controlled shutdown (`KafkaController` / KRaft `BrokerHeartbeatManager`):
    /// leaderships move to another live ISR member first, then the broker stops.
    pub(crate) fn shutdown_broker(&mut self, id: BrokerId) -> Result<(), SimError> {
        let i = self.broker_index(id)?;
        if !self.brokers[i].alive {
            return Err(already_down(id));
        }
        self.emit(EventKind::BrokerShutdown { broker: id });
        self.brokers[i].alive = false;
        self.brokers[i].crashed_at = None;
        self.fence(id, ElectionCause::ControlledShutdown);
        Ok(())
    }

    /// A new incarnation of the broker starts and registers with the controller.
    /// While the crashed incarnation's session is still valid (not yet fenced),
    /// KRaft's `ClusterControlManager.registerBroker` refuses it with
    /// `DUPLICATE_BROKER_REGISTRATION` (`BrokerHeartbeatManager.hasValidSession`)
    /// and `BrokerLifecycleManager` retries; it registers once `detect_failures`
    /// fences the old session. A restart never resumes a leadership with the
    /// same leader epoch: the broker was fenced first, so it comes back as a
    /// follower and truncates by leader epoch.
    pub(crate) fn restart_broker(&mut self, id: BrokerId) -> Result<(), SimError> {
        let i = self.broker_index(id)?;
        let b = &mut self.brokers[i];
        if b.alive || b.registering {
            return Err(SimError::new(
                ErrorCode::InvalidRequest,
                FieldPath::new("broker"),
                ErrorReason::BrokerAlreadyRunning { id },
            ));
        }
        if let (Some(t), false) = (b.crashed_at, b.fenced) {
            b.registering = true;
            let session_expires_at_ms = t + self.config.broker_config.broker_session_timeout_ms;
            self.emit(EventKind::RegistrationRefused { broker: id, session_expires_at_ms });
            return Ok(());
        }
        self.register(id);
        Ok(())
    }

    /// The broker registers as a new incarnation and is unfenced. It was fenced
    /// (out of every ISR it shared with another member, its leaderships moved),
    /// so it rejoins as a follower. On a new incarnation Kafka's controller runs
    /// `ReplicationControlManager.handleBrokerShutdown` (KAFKA-18106): with ELR
    /// and an unclean shutdown (`previousBrokerEpoch` ≠ the stored epoch,
    /// KIP-966) it strips the broker from ISRs and ELRs; otherwise it handles
    /// it "as if the broker was fenced". The simulation models no ELR, so that
    /// is the fencing already done: the last ISR member keeps its place.
    fn register(&mut self, id: BrokerId) {
        let Some(b) = broker_mut(&mut self.brokers, id) else { return };
        b.alive = true;
        b.fenced = false;
        b.crashed_at = None;
        b.registering = false;
        b.log_dir_offline = false;
        self.emit(EventKind::BrokerRestarted { broker: id });
        self.for_each_partition(|part, at, ctx, out| {
            if !part.replicas.contains(&id) {
                return Vec::new();
            }
            part.follower_restarted(id, ctx.now);
            // An offline partition comes back with its last ISR member, or
            // (unclean allowed) with any replica.
            if part.leader.is_none() {
                part.elect(ctx.alive, ctx.unclean_ok, ElectionCause::Restart, ctx.now, at, out)
            } else {
                Vec::new()
            }
        });
    }

    pub(crate) fn slow_broker(&mut self, id: BrokerId, factor: u32) -> Result<(), SimError> {
        let i = self.broker_index(id)?;
        if factor == 0 || factor > crate::limits::MAX_SLOW_FACTOR {
            return Err(SimError::new(
                ErrorCode::InvalidConfig,
                FieldPath::new("factor"),
                ErrorReason::SlowFactor { value: factor },
            ));
        }
        self.brokers[i].slow_factor = factor;
        // The next fetch follows the new pace (a restored broker fetches soon).
        let next = self.time_ms + self.config.broker_config.fetch_delay_ms * u64::from(factor);
        for part in self.topics.iter_mut().flat_map(|t| t.partitions.iter_mut()) {
            part.fetch_no_later_than(id, next);
        }
        self.emit(EventKind::BrokerSlowed { broker: id, factor });
        Ok(())
    }
}

impl Cluster {
    /// Cuts the broker's replication links (`Command::IsolateBroker`). Nothing
    /// else changes now: the leaders notice only when `shrink_isrs` finds the
    /// stuck followers not caught up for `replica.lag.time.max.ms`.
    pub(crate) fn isolate_broker(&mut self, id: BrokerId) -> Result<(), SimError> {
        let i = self.broker_index(id)?;
        if self.brokers[i].isolated {
            return Err(SimError::new(
                ErrorCode::InvalidRequest,
                FieldPath::new("broker"),
                ErrorReason::BrokerAlreadyIsolated { id },
            ));
        }
        self.brokers[i].isolated = true;
        self.emit(EventKind::BrokerIsolated { broker: id });
        Ok(())
    }

    /// Restores the broker's replication links (`Command::HealBroker`). Its
    /// followers' fetches were never scheduled away, so they fetch at the next
    /// step.
    pub(crate) fn heal_broker(&mut self, id: BrokerId) -> Result<(), SimError> {
        let i = self.broker_index(id)?;
        if !self.brokers[i].isolated {
            return Err(SimError::new(
                ErrorCode::InvalidRequest,
                FieldPath::new("broker"),
                ErrorReason::BrokerNotIsolated { id },
            ));
        }
        self.brokers[i].isolated = false;
        self.emit(EventKind::BrokerHealed { broker: id });
        Ok(())
    }

    /// Whether the broker is cut off from the other brokers (`Command::IsolateBroker`).
    pub fn broker_isolated(&self, id: BrokerId) -> bool {
        self.brokers.iter().any(|b| b.id == id && b.isolated)
    }
}

/// Whether broker `id` is running (for callers that hold other parts of the cluster).
pub(crate) fn alive(brokers: &[Broker], id: BrokerId) -> bool {
    brokers.iter().any(|b| b.id == id && b.alive)
}

fn already_down(id: BrokerId) -> SimError {
    SimError::new(ErrorCode::InvalidRequest, FieldPath::new("broker"), ErrorReason::BrokerAlreadyDown { id })
}
