//! Produce requests waiting on the leader for acks=all (`DelayedProduce`):
//! one completes when the high watermark passes its last record
//! (`Partition.checkEnoughReplicasReachOffset`), fails with
//! NOT_ENOUGH_REPLICAS_AFTER_APPEND if the ISR shrank below
//! `min.insync.replicas` meanwhile, with NOT_LEADER_OR_FOLLOWER after a
//! leader change, or with REQUEST_TIMED_OUT at its deadline.

use super::PartitionState;
use crate::error::ErrorCode;
use crate::producer::batch::{Batch, PendingBatch};

impl PartitionState {
    /// An appended acks=all request waits until the high watermark passes
    /// `[first_offset, last_offset]`, or its deadline.
    pub(crate) fn await_acks(&mut self, batch: Batch, first_offset: u64, last_offset: u64, deadline_ms: u64) {
        let leader_epoch = self.leader_epoch;
        self.pending.push_back(PendingBatch { batch, first_offset, last_offset, leader_epoch, deadline_ms });
    }

    /// The oldest waiting request if its outcome is known by `now`, with the
    /// outcome; an acknowledged batch's records are marked acknowledged on
    /// every replica. Later requests of the same partition cannot finish first.
    pub(crate) fn take_completed(&mut self, now: u64, min_isr: u32) -> Option<(PendingBatch, Result<(), ErrorCode>)> {
        let front = self.pending.front()?;
        let outcome = if self.leader_epoch != front.leader_epoch {
            Err(ErrorCode::NotLeaderOrFollower)
        } else if self.high_watermark > front.last_offset {
            if (self.isr.len() as u32) < min_isr {
                Err(ErrorCode::NotEnoughReplicasAfterAppend)
            } else {
                Ok(())
            }
        } else if now >= front.deadline_ms {
            Err(ErrorCode::RequestTimedOut)
        } else {
            return None;
        };
        let done = self.pending.pop_front()?;
        if outcome.is_ok() {
            self.mark_acked(done.first_offset, done.last_offset, done.batch.producer);
        }
        Some((done, outcome))
    }
}
