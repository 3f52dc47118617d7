//! A consumer group as a state machine: its members and their assignments
//! (`membership.rs`: joins, leaves, session expiry, rebalances with an
//! [`assignor`]), polling and committing (`poll.rs`), and its lag over time and
//! Burrow's commit windows (`lag.rs`).
//!
//! `GroupState`'s methods read their topic's partitions (high watermark, log
//! bounds, leader) through a `GroupEnv` and push the events they cause; the
//! group never changes a partition. The few `impl Cluster` functions at the end
//! of this file are the cluster's loops over groups: they lend each group its
//! topic and emit what it pushed.

pub mod assignor;
mod lag;
mod membership;
mod poll;
mod reset;

pub use lag::{LagSample, LAG_HISTORY};
pub use reset::{ResetPreview, ResetRow};

use crate::burrow::CommitWindow;
use crate::cluster::Cluster;
use crate::command::ResetSpec;
use crate::config::GroupConfig;
use crate::error::SimError;
use crate::event::EventKind;
use crate::ids::BrokerId;
use crate::partition::PartitionState;
use std::collections::VecDeque;

#[derive(Clone, Debug)]
pub(crate) struct MemberState {
    pub id: String,
    /// Assigned partitions with the fetch position of each (`None` until it is
    /// initialised, or while stopped by OFFSET_OUT_OF_RANGE).
    pub assigned: Vec<(u32, Option<u64>)>,
    /// Partitions stopped by `auto.offset.reset=none`.
    pub stopped: Vec<u32>,
    /// Records it may still process (fractional, carried between steps).
    pub budget: f64,
    pub last_commit_ms: u64,
    /// Set when the member crashed: it stops polling and is removed after the
    /// session timeout.
    pub crashed_at: Option<u64>,
    /// Rotates which partition a poll starts with.
    pub rotation: u32,
    /// `records-lag-max` over the member's partitions at the last poll.
    pub records_lag_max: u64,
}

impl MemberState {
    pub fn new(id: String, now_ms: u64) -> Self {
        Self {
            id,
            assigned: Vec::new(),
            stopped: Vec::new(),
            budget: 0.0,
            last_commit_ms: now_ms,
            crashed_at: None,
            rotation: 0,
            records_lag_max: 0,
        }
    }

    pub fn partitions(&self) -> impl Iterator<Item = u32> + '_ {
        self.assigned.iter().map(|(p, _)| *p)
    }
}

/// Burrow's defaults: `intervals` 10, and commits closer than `min-distance`
/// (1 s) to the previous one replace it.
fn burrow_window() -> CommitWindow {
    CommitWindow::new(crate::burrow::DEFAULT_INTERVALS, 1000).unwrap_or_default()
}

#[derive(Clone, Debug)]
pub(crate) struct GroupState {
    pub config: GroupConfig,
    pub topic: usize,
    pub generation: i32,
    pub members: Vec<MemberState>,
    pub next_member_no: u32,
    /// Committed offset per partition.
    pub committed: Vec<Option<u64>>,
    /// Per partition, the offset ranges `[from, to)` the group has been
    /// delivered (sorted, disjoint), for counting redeliveries.
    pub delivered: Vec<Vec<(u64, u64)>>,
    /// Burrow's per-partition window of recent commits.
    pub windows: Vec<CommitWindow>,
    pub consumed: u64,
    pub redelivered: u64,
    /// A cooperative rebalance withheld partitions: run the follow-up round.
    pub rejoin_pending: bool,
    pub lag_history: VecDeque<LagSample>,
    /// Records and bytes its members polled (`records-consumed-rate`,
    /// `bytes-consumed-rate`).
    pub throughput: crate::traffic::ThroughputMeters,
    /// Bytes polled this step, per partition, until the cluster charges them
    /// to the partition's leader (`Cluster::consume`).
    pub fetched: Vec<(u32, u64)>,
}

impl GroupState {
    pub fn new(config: GroupConfig, topic: usize, partitions: u32) -> Self {
        Self {
            config,
            topic,
            generation: 0,
            members: Vec::new(),
            next_member_no: 1,
            committed: vec![None; partitions as usize],
            delivered: vec![Vec::new(); partitions as usize],
            windows: vec![burrow_window(); partitions as usize],
            consumed: 0,
            redelivered: 0,
            rejoin_pending: false,
            lag_history: VecDeque::with_capacity(LAG_HISTORY),
            throughput: Default::default(),
            fetched: Vec::new(),
        }
    }

    /// A fresh member id: `<group>-c<n>`, never reused within the group.
    pub fn new_member_id(&mut self) -> String {
        let id = format!("{}-c{}", self.config.id, self.next_member_no);
        self.next_member_no += 1;
        id
    }

    pub fn owner_of(&self, partition: u32) -> Option<&MemberState> {
        self.members.iter().find(|m| m.partitions().any(|p| p == partition))
    }

    /// Records `[from, to)` delivered to the group; returns how many of them had
    /// been delivered before (redeliveries).
    pub fn deliver(&mut self, partition: u32, from: u64, to: u64) -> u64 {
        let ranges = &mut self.delivered[partition as usize];
        let again: u64 = ranges.iter().map(|&(a, b)| b.min(to).saturating_sub(a.max(from))).sum();
        ranges.push((from, to));
        ranges.sort_unstable();
        let mut merged: Vec<(u64, u64)> = Vec::with_capacity(ranges.len());
        for &(a, b) in ranges.iter() {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *ranges = merged;
        again
    }

    /// Its topic grew to `total` partitions.
    pub fn partitions_added(&mut self, total: u32) {
        self.committed.resize(total as usize, None);
        self.delivered.resize(total as usize, Vec::new());
        self.windows.resize(total as usize, burrow_window());
    }

    /// Forgets delivered ranges below `log_start` (retention deleted them).
    pub fn forget_below(&mut self, partition: u32, log_start: u64) {
        if let Some(r) = self.delivered.get_mut(partition as usize) {
            r.retain(|&(_, b)| b > log_start);
        }
    }
}

/// What a group reads outside itself: its topic's partitions, the live brokers
/// (a consumer fetches from a live leader only), the time.
pub(crate) struct GroupEnv<'a> {
    pub topic: &'a str,
    pub partitions: &'a [PartitionState],
    pub alive: &'a [BrokerId],
    pub now: u64,
    /// Report `consumed` and `committed` (per-record events).
    pub record_events: bool,
}

impl Cluster {
    /// Runs `f` on group `gi` with its topic lent as a [`GroupEnv`], then emits
    /// the events it pushed.
    pub(crate) fn with_group<R>(
        &mut self,
        gi: usize,
        f: impl FnOnce(&mut GroupState, &GroupEnv, &mut Vec<EventKind>) -> R,
    ) -> R {
        let alive = self.alive_set();
        let mut out = Vec::new();
        let g = &mut self.groups[gi];
        let topic = &self.topics[g.topic];
        let env = GroupEnv {
            topic: &topic.name,
            partitions: &topic.partitions,
            alive: &alive,
            now: self.time_ms,
            record_events: self.record_events,
        };
        let result = f(g, &env, &mut out);
        self.emit_all(out);
        result
    }

    /// Every group's members poll and commit.
    pub(crate) fn consume(&mut self) {
        let step_ms = self.config.step_ms;
        for gi in 0..self.groups.len() {
            self.with_group(gi, |g, env, out| g.poll(step_ms, env, out));
            // A consumer fetches from the leader (BytesOutPerSec on its broker).
            let Self { groups, topics, brokers, .. } = self;
            let topic = &mut topics[groups[gi].topic];
            for (p, bytes) in groups[gi].fetched.drain(..) {
                topic.traffic.bytes_out += bytes;
                if let Some(b) =
                    topic.partitions[p as usize].leader.and_then(|id| crate::controller::broker_mut(brokers, id))
                {
                    b.traffic.bytes_out.add(bytes);
                }
            }
        }
    }

    /// Every group drops crashed members whose session expired.
    pub(crate) fn expire_sessions(&mut self) {
        for gi in 0..self.groups.len() {
            self.with_group(gi, |g, env, out| g.expire_sessions(env, out));
        }
    }

    pub(crate) fn rebalance(&mut self, gi: usize) {
        self.with_group(gi, |g, env, out| g.rebalance(env, out));
    }

    pub(crate) fn reset_offsets(&mut self, group: &str, spec: ResetSpec) -> Result<(), SimError> {
        let gi = self.group_index(group)?;
        self.with_group(gi, |g, env, out| g.reset_offsets(spec, env, out))
    }

    /// Burrow's broker-offset ring (each partition's high watermark) and every
    /// group's lag, sampled.
    pub(crate) fn sample_lag(&mut self, now: u64) {
        for t in &mut self.topics {
            for (p, part) in t.partitions.iter().enumerate() {
                t.broker_offsets[p].record(part.high_watermark as i64);
            }
        }
        for g in &mut self.groups {
            g.sample_lag(now, &self.topics[g.topic].partitions);
        }
    }
}
