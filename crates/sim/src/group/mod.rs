//! Consumer group state: members, assignments, positions and committed offsets.

pub mod assignor;
mod poll;

use crate::burrow::CommitWindow;
use crate::config::GroupConfig;
use std::collections::VecDeque;

/// Samples kept for lag charts (one per simulated second: 10 minutes).
pub const LAG_HISTORY: usize = 600;

#[derive(Clone, Debug, PartialEq)]
pub struct LagSample {
    pub t_ms: u64,
    /// Per partition: high watermark − committed offset (`None`: nothing committed).
    pub lag: Vec<Option<u64>>,
    pub total: u64,
}

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
pub(crate) fn burrow_window() -> CommitWindow {
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

    /// Forgets delivered ranges below `log_start` (retention deleted them).
    pub fn forget_below(&mut self, partition: u32, log_start: u64) {
        if let Some(r) = self.delivered.get_mut(partition as usize) {
            r.retain(|&(_, b)| b > log_start);
        }
    }

    pub fn push_lag(&mut self, sample: LagSample) {
        if self.lag_history.len() == LAG_HISTORY {
            self.lag_history.pop_front();
        }
        self.lag_history.push_back(sample);
    }
}
