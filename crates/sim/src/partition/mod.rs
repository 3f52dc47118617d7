//! Replication: each replica's own log, followers fetching from the leader, the
//! high watermark, ISR shrink and expand, leader elections and the data they
//! lose. Follows Kafka's `Partition` (maybeIncrementLeaderHW, maybeShrinkIsr,
//! maybeExpandIsr), `Replica.updateFetchState`, the KRaft controller's
//! `PartitionChangeBuilder` elections and `ReplicaFetcherThread` truncation by
//! leader epoch (KIP-101, KIP-279).

pub mod log;

use crate::ids::BrokerId;
use crate::partition::log::{Log, Record, FLAG_ACKED, FLAG_ACKS0};
use std::collections::VecDeque;

/// A follower replica: its log, and what the leader knows about it.
#[derive(Clone, Debug)]
pub(crate) struct Follower {
    pub broker: BrokerId,
    pub log: Log,
    /// Leader epoch cache: (epoch, first offset written in it), ascending.
    pub epochs: Vec<(u32, u64)>,
    /// The high watermark this follower learned from its last fetch.
    pub high_watermark: u64,
    /// Leader-side state (`Replica.updateFetchState`).
    pub fetch_offset: u64,
    pub last_caught_up_ms: u64,
    pub last_fetch_ms: u64,
    pub last_fetch_leader_leo: u64,
    pub next_fetch_ms: u64,
}

impl Follower {
    pub fn new(broker: BrokerId, log: Log, epochs: Vec<(u32, u64)>, now: u64) -> Self {
        let leo = log.log_end_offset();
        Self {
            broker,
            log,
            epochs,
            high_watermark: 0,
            fetch_offset: leo,
            last_caught_up_ms: now,
            last_fetch_ms: now,
            last_fetch_leader_leo: 0,
            next_fetch_ms: now,
        }
    }

    /// `Replica.isCaughtUp`: at the leader's end, or caught up within `lag_max`.
    pub fn is_caught_up(&self, leader_leo: u64, now: u64, lag_max: u64) -> bool {
        self.fetch_offset >= leader_leo || now.saturating_sub(self.last_caught_up_ms) <= lag_max
    }

    /// `Replica.updateFetchState`.
    pub fn update_fetch_state(&mut self, fetch_offset: u64, now: u64, leader_leo: u64) {
        if fetch_offset >= leader_leo {
            self.last_caught_up_ms = self.last_caught_up_ms.max(now);
        } else if fetch_offset >= self.last_fetch_leader_leo {
            self.last_caught_up_ms = self.last_caught_up_ms.max(self.last_fetch_ms);
        }
        self.fetch_offset = fetch_offset;
        self.last_fetch_leader_leo = leader_leo;
        self.last_fetch_ms = now;
    }
}

/// A produce request waiting for acks=all (`DelayedProduce`).
#[derive(Clone, Debug)]
pub(crate) struct PendingBatch {
    pub batch: Batch,
    pub first_offset: u64,
    pub last_offset: u64,
    pub leader_epoch: u32,
    pub deadline_ms: u64,
}

/// Records of one producer for one partition, sent together (a ProducerBatch).
#[derive(Clone, Debug)]
pub(crate) struct Batch {
    pub producer: u16,
    pub topic: usize,
    pub partition: u32,
    pub records: Vec<Record>,
    pub created_ms: u64,
    pub attempts: u32,
    pub next_attempt_ms: u64,
}

#[derive(Clone, Debug)]
pub(crate) struct PartitionState {
    pub replicas: Vec<BrokerId>,
    pub leader: Option<BrokerId>,
    /// Whose log `log` is: the leader's, or the last leader's while offline.
    pub log_owner: BrokerId,
    pub leader_epoch: u32,
    pub isr: Vec<BrokerId>,
    /// The leader's log.
    pub log: Log,
    pub epochs: Vec<(u32, u64)>,
    /// The leader's high watermark: consumers read below it.
    pub high_watermark: u64,
    pub followers: Vec<Follower>,
    pub pending: VecDeque<PendingBatch>,
}

impl PartitionState {
    pub fn new(replicas: Vec<BrokerId>) -> Self {
        let leader = replicas[0];
        Self {
            followers: replicas[1..].iter().map(|&b| Follower::new(b, Log::new(), Vec::new(), 0)).collect(),
            leader: Some(leader),
            log_owner: leader,
            isr: replicas.clone(),
            replicas,
            leader_epoch: 0,
            log: Log::new(),
            epochs: vec![(0, 0)],
            high_watermark: 0,
            pending: VecDeque::new(),
        }
    }

    /// The log end offset of the replica on `broker`.
    pub fn leo_of(&self, broker: BrokerId) -> Option<u64> {
        if broker == self.log_owner {
            Some(self.log.log_end_offset())
        } else {
            self.followers.iter().find(|f| f.broker == broker).map(|f| f.log.log_end_offset())
        }
    }

    /// Leader side of `Partition.maybeIncrementLeaderHW` (Kafka ≥ 3.7, KIP-966):
    /// the HW does not move while the ISR is smaller than `min.insync.replicas`;
    /// otherwise it is the smallest LEO among ISR members and followers that are
    /// caught up and could join the ISR. It never goes down.
    pub fn maybe_increment_hw(
        &mut self,
        now: u64,
        lag_max: u64,
        min_isr: u32,
        alive: &dyn Fn(BrokerId) -> bool,
    ) -> bool {
        if self.leader.is_none() || (self.isr.len() as u32) < min_isr {
            return false;
        }
        let leo = self.log.log_end_offset();
        let mut hw = leo;
        for f in &self.followers {
            let eligible = self.isr.contains(&f.broker) || (alive(f.broker) && f.is_caught_up(leo, now, lag_max));
            if f.fetch_offset < hw && eligible {
                hw = f.fetch_offset;
            }
        }
        if hw > self.high_watermark {
            self.high_watermark = hw;
            true
        } else {
            false
        }
    }

    /// Makes `broker` the leader with a new epoch, swapping logs so `log` is
    /// the new leader's. Returns the records the new leader does not have that
    /// the previous leader's log held (they will be truncated everywhere).
    pub fn change_leader(&mut self, broker: BrokerId, now: u64) -> Vec<(u64, Record)> {
        self.leader_epoch += 1;
        let mut lost = Vec::new();
        if broker != self.log_owner {
            if let Some(i) = self.followers.iter().position(|f| f.broker == broker) {
                let new = self.followers.remove(i);
                let old_hw = self.high_watermark;
                let old_log = std::mem::replace(&mut self.log, new.log);
                let old_epochs = std::mem::replace(&mut self.epochs, new.epochs);
                let new_leo = self.log.log_end_offset();
                // Everything the old leader has from the point where the two logs
                // diverge (by leader epoch) is not in the new leader's log.
                let from = divergence(&self.epochs, new_leo, &old_epochs, old_log.log_end_offset());
                lost = old_log.range(from, old_log.log_end_offset()).map(|(o, r)| (o, *r)).collect();
                // The new leader's HW is what it learned as a follower (it may be behind).
                self.high_watermark = new.high_watermark.min(new_leo);
                let mut demoted = Follower::new(self.log_owner, old_log, old_epochs, now);
                demoted.high_watermark = old_hw;
                self.followers.push(demoted);
                self.followers.sort_by_key(|f| self.replicas.iter().position(|&b| b == f.broker));
                self.log_owner = broker;
            }
        }
        self.leader = Some(broker);
        self.epochs.push((self.leader_epoch, self.log.log_end_offset()));
        let leo = self.log.log_end_offset();
        for f in &mut self.followers {
            // Partition.makeLeader / resetReplicaState: followers in the ISR count as
            // caught up now; the others have never caught up with this leader.
            f.fetch_offset = f.fetch_offset.min(leo);
            f.last_caught_up_ms = if self.isr.contains(&f.broker) { now } else { 0 };
            f.last_fetch_leader_leo = 0;
        }
        self.high_watermark = self.high_watermark.min(leo);
        lost
    }

    /// Marks `producer`'s records in `[first, last]` acknowledged on every replica's copy.
    pub fn mark_acked(&mut self, first: u64, last: u64, producer: u16) {
        let logs = std::iter::once(&mut self.log).chain(self.followers.iter_mut().map(|f| &mut f.log));
        for log in logs {
            log.mark_acked(first, last, producer);
        }
    }
}

/// Why records were lost in an election: (acknowledged, acks=0, other).
pub(crate) fn loss_counts(lost: &[(u64, Record)]) -> (u64, u64, u64) {
    let acked = lost.iter().filter(|(_, r)| r.flags & FLAG_ACKED != 0).count() as u64;
    let acks0 = lost.iter().filter(|(_, r)| r.flags & FLAG_ACKED == 0 && r.flags & FLAG_ACKS0 != 0).count() as u64;
    (acked, acks0, (lost.len() as u64).saturating_sub(acked + acks0))
}

/// The end offset of `epoch` in an epoch cache (`LeaderEpochFileCache.endOffsetFor`):
/// the largest epoch ≤ `epoch` it has, and where that epoch ends (the start of
/// the next one, or `leo` for the latest).
pub(crate) fn end_offset_for(epochs: &[(u32, u64)], leo: u64, epoch: u32) -> Option<(u32, u64)> {
    let i = epochs.iter().rposition(|&(e, _)| e <= epoch)?;
    let end = epochs.get(i + 1).map_or(leo, |&(_, s)| s);
    Some((epochs[i].0, end))
}

/// Where a follower's log stops agreeing with the leader's (KIP-279,
/// `AbstractFetcherThread.getOffsetTruncationState`): the leader answers the
/// follower's latest epoch with the largest epoch it has at or below it and that
/// epoch's end; the follower truncates to the smaller of that and its own end of
/// the same epoch.
pub(crate) fn divergence(leader: &[(u32, u64)], leader_leo: u64, follower: &[(u32, u64)], follower_leo: u64) -> u64 {
    let Some(&(latest, _)) = follower.last() else { return 0 };
    match end_offset_for(leader, leader_leo, latest) {
        None => 0,
        Some((e, end)) if e == latest => end.min(follower_leo),
        Some((e, end)) => {
            let own_end = end_offset_for(follower, follower_leo, e).map_or(0, |(_, o)| o);
            end.min(own_end).min(follower_leo)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Replica.updateFetchState` / `isCaughtUp` (ReplicaTest).
    #[test]
    fn fetch_state_tracks_last_caught_up_time_like_kafka() {
        let mut f = Follower::new(2, Log::new(), Vec::new(), 0);
        // Fetch at the leader's LEO: caught up now.
        f.update_fetch_state(10, 1000, 10);
        assert_eq!(f.last_caught_up_ms, 1000);
        // Behind the current LEO but at the LEO of the previous fetch: caught up as of that fetch.
        f.update_fetch_state(10, 2000, 15);
        assert_eq!(f.last_caught_up_ms, 1000);
        f.update_fetch_state(15, 3000, 20);
        assert_eq!(f.last_caught_up_ms, 2000);
        assert!(f.is_caught_up(20, 3000 + 29_000, 30_000));
        assert!(!f.is_caught_up(20, 2000 + 30_001, 30_000));
        assert!(f.is_caught_up(15, 999_999, 30_000) || f.fetch_offset < 15);
    }

    /// `LeaderEpochFileCache.endOffsetFor`.
    #[test]
    fn end_offset_for_epoch_uses_the_next_epochs_start() {
        let mut p = PartitionState::new(vec![1, 2]);
        p.epochs = vec![(0, 0), (1, 5), (3, 9)];
        for i in 0..12 {
            p.log.append(
                Record { key: u32::MAX, bytes: 10, producer: 0, flags: 0, seq: i, timestamp_ms: 0 },
                0,
                &crate::partition::log::LogSettings {
                    retention_ms: -1,
                    retention_bytes: -1,
                    segment_bytes: 1 << 30,
                    segment_ms: 1 << 40,
                },
            );
        }
        let leo = p.log.log_end_offset();
        let end = |e| end_offset_for(&p.epochs, leo, e).map(|(_, o)| o);
        assert_eq!(end(0), Some(5));
        assert_eq!(end(1), Some(9));
        assert_eq!(end(2), Some(9), "epoch 2 never happened: end of epoch 1");
        assert_eq!(end(3), Some(12));
        assert_eq!(end(7), Some(12));
        // A follower that wrote epoch 2 (which the leader never had) from 9 on
        // truncates to 9 (KIP-279).
        assert_eq!(divergence(&p.epochs, leo, &[(0, 0), (1, 5), (2, 9)], 15), 9);
        assert_eq!(divergence(&p.epochs, leo, &[(0, 0), (1, 5)], 8), 8, "a prefix does not diverge");
    }
}
