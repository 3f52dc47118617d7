//! Brokers and the controller: followers fetching, ISR changes, failure
//! detection, leader elections (clean, unclean, controlled shutdown,
//! preferred) and restarts with truncation by leader epoch.

pub mod placement;

use crate::cluster::Cluster;
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::event::{DataLossReason, ElectionCause, EventKind, IsrShrinkReason};
use crate::ids::BrokerId;
use crate::partition::loss_counts;

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
    /// (`ReplicaFetcherThread`): first truncating anything that diverged from the
    /// leader (by leader epoch), then copying up to `replica.fetch.max.bytes`.
    pub(crate) fn replicate(&mut self, now: u64) {
        let alive = self.alive_set();
        let lag_max = self.config.broker_config.replica_lag_time_max_ms;
        let max_bytes = self.config.broker_config.replica_fetch_max_bytes;
        let delay = self.config.broker_config.fetch_delay_ms;
        let slow: Vec<(BrokerId, u32)> = self.brokers.iter().map(|b| (b.id, b.slow_factor)).collect();
        let record_events = self.record_events;
        let mut events = Vec::new();
        for topic in &mut self.topics {
            let min_isr = topic.settings.min_insync_replicas;
            let settings = topic.log_settings();
            for (p, part) in topic.partitions.iter_mut().enumerate() {
                let Some(leader) = part.leader else { continue };
                if !alive.contains(&leader) {
                    continue;
                }
                for fi in 0..part.followers.len() {
                    let broker = part.followers[fi].broker;
                    if !alive.contains(&broker) || part.followers[fi].next_fetch_ms > now {
                        continue;
                    }
                    let factor = slow.iter().find(|(b, _)| *b == broker).map_or(1, |(_, f)| *f).max(1);
                    // Divergence check (KIP-279): truncate to where our log stops
                    // agreeing with the leader's, by leader epoch.
                    // One OffsetsForLeaderEpoch round per diverging epoch, until the
                    // follower's log is a prefix of the leader's.
                    let before = part.followers[fi].log.log_end_offset();
                    for _ in 0..16 {
                        let f = &part.followers[fi];
                        if f.epochs.is_empty() {
                            break;
                        }
                        let leo = f.log.log_end_offset();
                        let end = crate::partition::divergence(&part.epochs, part.log.log_end_offset(), &f.epochs, leo);
                        if end >= leo {
                            break;
                        }
                        let f = &mut part.followers[fi];
                        f.log.truncate_to(end);
                        f.epochs.retain(|&(_, start)| start < end || start == 0);
                    }
                    let after = part.followers[fi].log.log_end_offset();
                    if after < before {
                        events.push(EventKind::Truncated {
                            topic: topic.name.clone(),
                            partition: p as u32,
                            broker,
                            from_offset: after,
                            to_offset: before,
                        });
                    }
                    let leader_leo = part.log.log_end_offset();
                    let fetch_offset = part.followers[fi].log.log_end_offset();
                    if fetch_offset < part.log.log_start_offset() {
                        // Fell behind the leader's retention: start over at its log start.
                        let start = part.log.log_start_offset();
                        part.followers[fi].log = crate::partition::log::Log::starting_at(start);
                    }
                    let fetch_offset = part.followers[fi].log.log_end_offset();
                    part.followers[fi].update_fetch_state(fetch_offset, now, leader_leo);
                    // Copy what the leader has past the fetch offset.
                    let hw = part.high_watermark;
                    let f = &mut part.followers[fi];
                    let copied = f.log.append_from(&part.log, fetch_offset, max_bytes, &settings);
                    if record_events && copied > 0 {
                        events.push(EventKind::FollowerFetched {
                            topic: topic.name.clone(),
                            partition: p as u32,
                            broker,
                            leader,
                            from_offset: fetch_offset,
                            to_offset: fetch_offset + copied,
                        });
                    }
                    copy_epochs(&part.epochs, &mut f.epochs, fetch_offset, fetch_offset + copied);
                    if f.epochs.is_empty() {
                        if let Some(&first) = part.epochs.first() {
                            f.epochs.push(first);
                        }
                    }
                    f.high_watermark = hw.min(f.log.log_end_offset());
                    f.next_fetch_ms = now + delay * u64::from(factor);
                    // Partition.maybeExpandIsr: a follower at or past the HW, and past
                    // the start of the current leader epoch, rejoins.
                    let epoch_start = part.epochs.last().map_or(0, |&(_, s)| s);
                    if !part.isr.contains(&broker) && fetch_offset >= part.high_watermark && fetch_offset >= epoch_start
                    {
                        part.isr.push(broker);
                        part.isr.sort_by_key(|b| part.replicas.iter().position(|r| r == b));
                        events.push(EventKind::IsrExpanded {
                            topic: topic.name.clone(),
                            partition: p as u32,
                            broker,
                            isr: part.isr.clone(),
                        });
                    }
                    part.maybe_increment_hw(now, lag_max, min_isr, &|b| alive.contains(&b));
                }
            }
        }
        for e in events {
            self.emit(e);
        }
    }

    /// `Partition.maybeShrinkIsr`, run every `replica.lag.time.max.ms / 2` as
    /// Kafka's isr-expiration task: followers not caught up for longer than
    /// `replica.lag.time.max.ms` leave the ISR.
    pub(crate) fn shrink_isrs(&mut self, now: u64) {
        let lag_max = self.config.broker_config.replica_lag_time_max_ms;
        let alive = self.alive_set();
        let mut events = Vec::new();
        for topic in &mut self.topics {
            let min_isr = topic.settings.min_insync_replicas;
            for (p, part) in topic.partitions.iter_mut().enumerate() {
                let Some(leader) = part.leader else { continue };
                if !alive.contains(&leader) {
                    continue;
                }
                let leo = part.log.log_end_offset();
                let out: Vec<BrokerId> = part
                    .followers
                    .iter()
                    .filter(|f| part.isr.contains(&f.broker) && !f.is_caught_up(leo, now, lag_max))
                    .map(|f| f.broker)
                    .collect();
                for broker in out {
                    part.isr.retain(|&b| b != broker);
                    events.push(EventKind::IsrShrunk {
                        topic: topic.name.clone(),
                        partition: p as u32,
                        broker,
                        isr: part.isr.clone(),
                        reason: IsrShrinkReason::Lagging,
                    });
                }
                part.maybe_increment_hw(now, lag_max, min_isr, &|b| alive.contains(&b));
            }
        }
        for e in events {
            self.emit(e);
        }
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
        for ti in 0..self.topics.len() {
            for p in 0..self.topics[ti].partitions.len() {
                let part = &mut self.topics[ti].partitions[p];
                if !part.replicas.contains(&id) {
                    continue;
                }
                if part.isr.contains(&id) && part.isr.len() > 1 {
                    part.isr.retain(|&b| b != id);
                    let isr = part.isr.clone();
                    let topic = self.topics[ti].name.clone();
                    self.emit(EventKind::IsrShrunk {
                        topic,
                        partition: p as u32,
                        broker: id,
                        isr,
                        reason: IsrShrinkReason::Fenced,
                    });
                }
                if self.topics[ti].partitions[p].leader == Some(id) {
                    self.elect(ti, p, cause);
                }
            }
        }
    }

    /// Elects a leader for a partition whose leader is gone
    /// (`PartitionChangeBuilder`: the first live ISR member in replica order;
    /// if none and `unclean.leader.election.enable`, the first live replica).
    pub(crate) fn elect(&mut self, ti: usize, p: usize, cause: ElectionCause) {
        let alive = self.alive_set();
        let unclean_ok = self.topics[ti].settings.unclean_leader_election_enable;
        let part = &self.topics[ti].partitions[p];
        let previous = part.leader;
        let clean =
            part.replicas.iter().copied().find(|b| part.isr.contains(b) && alive.contains(b) && Some(*b) != previous);
        let choice = match clean {
            Some(b) => Some((b, false)),
            None if unclean_ok => part.replicas.iter().copied().find(|b| alive.contains(b)).map(|b| (b, true)),
            None => None,
        };
        let topic = self.topics[ti].name.clone();
        let Some((new, unclean)) = choice else {
            let part = &mut self.topics[ti].partitions[p];
            let last_leader = previous.unwrap_or(part.log_owner);
            if part.leader.is_some() {
                part.leader = None;
                self.emit(EventKind::PartitionOffline { topic, partition: p as u32, last_leader });
            }
            return;
        };
        self.install_leader(ti, p, new, cause, unclean);
    }

    /// Makes `new` the leader (epoch + 1), reports the election and any records
    /// the previous leader had that `new` lacks: those are gone for good.
    fn install_leader(&mut self, ti: usize, p: usize, new: BrokerId, cause: ElectionCause, unclean: bool) {
        let now = self.time_ms;
        let topic = self.topics[ti].name.clone();
        let part = &mut self.topics[ti].partitions[p];
        let previous = part.leader;
        let lost = part.change_leader(new, now);
        if unclean {
            part.isr = vec![new];
        }
        let epoch = part.leader_epoch;
        self.emit(EventKind::LeaderElected {
            topic: topic.clone(),
            partition: p as u32,
            leader: new,
            previous,
            epoch,
            unclean,
            cause,
        });
        if !lost.is_empty() {
            let (acked, acks0, _) = loss_counts(&lost);
            for (_, r) in &lost {
                let ledger = &mut self.producers[r.producer as usize].ledger;
                if r.flags & crate::partition::log::FLAG_ACKED != 0 {
                    ledger.acked_lost += 1;
                } else if r.flags & crate::partition::log::FLAG_ACKS0 != 0 {
                    ledger.unacknowledged_lost += 1;
                }
            }
            let from_offset = lost[0].0;
            let to_offset = lost[lost.len() - 1].0 + 1;
            let reason = if unclean { DataLossReason::UncleanElection } else { DataLossReason::LeaderFailover };
            self.emit(EventKind::DataLost { topic, partition: p as u32, from_offset, to_offset, acked, acks0, reason });
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

    pub(crate) fn restart_broker(&mut self, id: BrokerId) -> Result<(), SimError> {
        let i = self.broker_index(id)?;
        if self.brokers[i].alive {
            return Err(SimError::new(
                ErrorCode::InvalidRequest,
                FieldPath::new("broker"),
                ErrorReason::BrokerAlreadyRunning { id },
            ));
        }
        let now = self.time_ms;
        let b = &mut self.brokers[i];
        let was_fenced = b.fenced;
        b.alive = true;
        b.fenced = false;
        b.crashed_at = None;
        self.emit(EventKind::BrokerRestarted { broker: id });
        for ti in 0..self.topics.len() {
            for p in 0..self.topics[ti].partitions.len() {
                let part = &mut self.topics[ti].partitions[p];
                if !part.replicas.contains(&id) {
                    continue;
                }
                if part.leader == Some(id) && !was_fenced {
                    // Back before the controller noticed: it is still the leader.
                    continue;
                }
                if let Some(f) = part.followers.iter_mut().find(|f| f.broker == id) {
                    f.next_fetch_ms = now;
                    f.last_caught_up_ms = f.last_caught_up_ms.min(now);
                }
                if part.leader.is_none() {
                    // An offline partition comes back with its last ISR member, or
                    // (unclean allowed) with any replica.
                    self.elect(ti, p, ElectionCause::Restart);
                }
            }
        }
        Ok(())
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
        for t in &mut self.topics {
            for part in &mut t.partitions {
                for f in part.followers.iter_mut().filter(|f| f.broker == id) {
                    f.next_fetch_ms = f.next_fetch_ms.min(next);
                }
            }
        }
        self.emit(EventKind::BrokerSlowed { broker: id, factor });
        Ok(())
    }

    /// Preferred leader election: the first replica becomes leader again when it
    /// is alive and in sync.
    pub(crate) fn elect_preferred(&mut self, topic: Option<&str>) -> Result<(), SimError> {
        if let Some(t) = topic {
            self.topic_index(t).ok_or_else(|| crate::cluster::unknown_topic(t))?;
        }
        let alive = self.alive_set();
        for ti in 0..self.topics.len() {
            if topic.is_some_and(|t| t != self.topics[ti].name) {
                continue;
            }
            for p in 0..self.topics[ti].partitions.len() {
                let part = &mut self.topics[ti].partitions[p];
                let preferred = part.replicas[0];
                if part.leader != Some(preferred) && alive.contains(&preferred) && part.isr.contains(&preferred) {
                    self.install_leader(ti, p, preferred, ElectionCause::Preferred, false);
                }
            }
        }
        Ok(())
    }
}

impl Cluster {
    /// `kafka-configs --alter --entity-type topics`: the changes Kafka applies
    /// without a restart. A lower `min.insync.replicas` or enabling unclean
    /// election takes effect at once (an offline partition may elect now).
    pub(crate) fn set_topic_config(
        &mut self,
        topic: &str,
        c: &crate::command::TopicConfigChange,
    ) -> Result<(), SimError> {
        let ti = self.topic_index(topic).ok_or_else(|| crate::cluster::unknown_topic(topic))?;
        let mut settings = self.topics[ti].settings.clone();
        if let Some(v) = c.min_insync_replicas {
            settings.min_insync_replicas = v;
        }
        if let Some(v) = c.unclean_leader_election_enable {
            settings.unclean_leader_election_enable = v;
        }
        if let Some(v) = c.retention_ms {
            settings.retention_ms = v;
        }
        if let Some(v) = c.retention_bytes {
            settings.retention_bytes = v;
        }
        settings.validate("config", self.topics[ti].replication_factor)?;
        self.topics[ti].settings = settings;
        if c.unclean_leader_election_enable == Some(true) {
            for p in 0..self.topics[ti].partitions.len() {
                if self.topics[ti].partitions[p].leader.is_none() {
                    self.elect(ti, p, ElectionCause::UncleanEnabled);
                }
            }
        }
        Ok(())
    }
}

/// Whether broker `id` is running (for callers that hold other parts of the cluster).
pub(crate) fn alive(brokers: &[crate::cluster::Broker], id: BrokerId) -> bool {
    brokers.iter().any(|b| b.id == id && b.alive)
}

/// Copies the leader's epoch boundaries for the records `[from, to)` a follower
/// just fetched, as if record by record: each offset's epoch (the leader's
/// latest entry starting at or before it) is added when newer than the
/// follower's latest. Only offsets where an entry starts can change the answer.
fn copy_epochs(leader: &[(u32, u64)], follower: &mut Vec<(u32, u64)>, from: u64, to: u64) {
    let mut o = from;
    while o < to {
        if let Some(&(e, s)) = leader.iter().rev().find(|&&(_, s)| s <= o) {
            if follower.last().is_none_or(|&(le, _)| le < e) {
                follower.push((e, s));
            }
        }
        // The next offset in the range where a leader entry starts.
        match leader.iter().map(|&(_, s)| s).filter(|&s| s > o && s < to).min() {
            Some(next) => o = next,
            None => break,
        }
    }
}

fn already_down(id: BrokerId) -> SimError {
    SimError::new(ErrorCode::InvalidRequest, FieldPath::new("broker"), ErrorReason::BrokerAlreadyDown { id })
}
