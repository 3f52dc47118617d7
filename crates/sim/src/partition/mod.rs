//! One partition as a state machine: the leader's log and each follower
//! replica's, follower fetch with truncation by leader epoch, the high
//! watermark, ISR shrink and expand, leader elections and the data they lose,
//! and the acks=all requests waiting for the high watermark. Follows Kafka's
//! `Partition` (maybeIncrementLeaderHW, maybeShrinkIsr, maybeExpandIsr),
//! `Replica.updateFetchState`, the KRaft controller's `PartitionChangeBuilder`
//! elections and `ReplicaFetcherThread` truncation (KIP-101, KIP-279).
//!
//! `PartitionState` owns all of it. Its methods take what lies outside the
//! partition as arguments (the time, the live brokers, settings), push the
//! events they cause into a `Vec<EventKind>` and return what the caller must
//! act on (records an election lost, answered produce requests, deleted
//! segments); they never see the cluster.

mod append;
mod election;
mod epochs;
mod fetch;
mod isr;
pub mod log;
mod pending;
mod records;
mod replica;

pub(crate) use append::Appended;
pub(crate) use election::Lost;
pub(crate) use fetch::{FetchEnv, FetchSink};
pub(crate) use replica::Follower;

use crate::ids::BrokerId;
use crate::partition::log::{Deletion, Log, LogSettings};
use crate::producer::batch::PendingBatch;
use std::collections::VecDeque;

/// Which partition a [`PartitionState`]'s events are about.
#[derive(Clone, Copy, Debug)]
pub(crate) struct At<'a> {
    pub topic: &'a str,
    pub partition: u32,
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

    /// Each replica's log size, as (broker, bytes): the leader's (or, while
    /// offline, the last leader's) log and every follower's.
    pub fn replica_sizes(&self) -> impl Iterator<Item = (BrokerId, u64)> + '_ {
        std::iter::once((self.log_owner, self.log.size_bytes()))
            .chain(self.followers.iter().map(|f| (f.broker, f.log.size_bytes())))
    }

    /// Bytes on disk over all its replicas.
    pub fn disk_bytes(&self) -> u64 {
        self.replica_sizes().map(|(_, b)| b).sum()
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

    /// Retention on every replica's log, each below the high watermark it
    /// knows; returns what the leader's log deleted.
    pub fn apply_retention(&mut self, now: u64, settings: &LogSettings) -> Vec<Deletion> {
        for f in &mut self.followers {
            f.log.apply_retention(now, self.high_watermark.min(f.high_watermark), settings);
        }
        self.log.apply_retention(now, self.high_watermark, settings)
    }

    /// Marks `producer`'s records in `[first, last]` acknowledged on every replica's copy.
    pub fn mark_acked(&mut self, first: u64, last: u64, producer: u16) {
        let logs = std::iter::once(&mut self.log).chain(self.followers.iter_mut().map(|f| &mut f.log));
        for log in logs {
            log.mark_acked(first, last, producer);
        }
    }
}
