//! A group's lag: what it still needs of a partition (retention reports what
//! it deletes unread), lag samples once a simulated second for charts, and the
//! commits Burrow's evaluator reads (`windows`, fed by `commit_member`).

use super::GroupState;
use crate::config::OffsetReset;
use crate::partition::PartitionState;

/// Samples kept for lag charts (one per simulated second: 10 minutes). The
/// bound on a group's history: 600 × (40 + 16 × partitions) bytes, 330 KB for
/// the `stress` preset's 32 partitions, however long the run.
pub const LAG_HISTORY: usize = 600;

#[derive(Clone, Debug, PartialEq)]
pub struct LagSample {
    pub t_ms: u64,
    /// Per partition: high watermark − committed offset (`None`: nothing committed).
    /// Shared, so that copying the history (a time-travel snapshot) copies
    /// pointers, not every partition's numbers.
    pub lag: std::sync::Arc<[Option<u64>]>,
    pub total: u64,
}

impl GroupState {
    /// The first offset of `partition` this group still needs, if it will read
    /// the partition at all: its committed offset, or the log start for a group
    /// that starts at `earliest` and has not committed yet.
    /// A member's fetch position counts too: a group reading ahead of (or before)
    /// its first commit still needs what it has not read.
    pub(crate) fn needs_from(&self, partition: u32) -> Option<u64> {
        let committed = match self.committed.get(partition as usize).copied().flatten() {
            Some(c) => Some(c),
            None if self.config.auto_offset_reset == OffsetReset::Earliest && !self.members.is_empty() => Some(0),
            None => None,
        };
        let position = self
            .members
            .iter()
            .flat_map(|m| m.assigned.iter())
            .filter(|(p, _)| *p == partition)
            .filter_map(|(_, pos)| *pos)
            .min();
        match (committed, position) {
            (Some(c), Some(p)) => Some(c.min(p)),
            (c, p) => c.or(p),
        }
    }

    /// Samples the group's lag (high watermark − committed) per partition.
    pub(crate) fn sample_lag(&mut self, now: u64, partitions: &[PartitionState]) {
        let lag: Vec<Option<u64>> = partitions
            .iter()
            .zip(&self.committed)
            .map(|(part, c)| c.map(|c| part.high_watermark.saturating_sub(c)))
            .collect();
        let total = lag.iter().flatten().sum();
        if self.lag_history.len() == LAG_HISTORY {
            self.lag_history.pop_front();
        }
        self.lag_history.push_back(LagSample { t_ms: now, lag: lag.into(), total });
    }
}
