//! The in-sync replica set: `Partition.maybeShrinkIsr` (followers not caught
//! up for `replica.lag.time.max.ms`), `Partition.maybeExpandIsr` (a follower
//! caught up to the high watermark rejoins) and the controller removing a
//! fenced broker.

use super::{At, PartitionState};
use crate::event::{EventKind, IsrShrinkReason};
use crate::ids::BrokerId;

impl PartitionState {
    /// `Partition.maybeShrinkIsr` on a live leader, then the high watermark
    /// (a smaller ISR may let it move).
    pub(crate) fn maybe_shrink_isr(
        &mut self,
        now: u64,
        lag_max_ms: u64,
        min_isr: u32,
        alive: &[BrokerId],
        at: At,
        out: &mut Vec<EventKind>,
    ) {
        let Some(leader) = self.leader else { return };
        if !alive.contains(&leader) {
            return;
        }
        let leo = self.log.log_end_offset();
        let lagging: Vec<BrokerId> = self
            .followers
            .iter()
            .filter(|f| self.isr.contains(&f.broker) && !f.is_caught_up(leo, now, lag_max_ms))
            .map(|f| f.broker)
            .collect();
        for broker in lagging {
            self.leave_isr(broker, IsrShrinkReason::Lagging, at, out);
        }
        self.maybe_increment_hw(now, lag_max_ms, min_isr, &|b| alive.contains(&b));
    }

    /// `Partition.maybeExpandIsr`: a follower whose fetch offset is at or past
    /// the HW, and past the start of the current leader epoch, rejoins.
    pub(crate) fn maybe_expand_isr(&mut self, broker: BrokerId, fetch_offset: u64, at: At, out: &mut Vec<EventKind>) {
        let epoch_start = self.epochs.last().map_or(0, |&(_, s)| s);
        if !self.isr.contains(&broker) && fetch_offset >= self.high_watermark && fetch_offset >= epoch_start {
            self.isr.push(broker);
            self.isr.sort_by_key(|b| self.replicas.iter().position(|r| r == b));
            out.push(EventKind::IsrExpanded {
                topic: at.topic.to_string(),
                partition: at.partition,
                broker,
                isr: self.isr.clone(),
            });
        }
    }

    /// A fenced broker leaves the ISR, unless it is the last member (KRaft keeps
    /// it so the partition can come back cleanly).
    pub(crate) fn remove_fenced(&mut self, broker: BrokerId, at: At, out: &mut Vec<EventKind>) {
        if self.isr.contains(&broker) && self.isr.len() > 1 {
            self.leave_isr(broker, IsrShrinkReason::Fenced, at, out);
        }
    }

    fn leave_isr(&mut self, broker: BrokerId, reason: IsrShrinkReason, at: At, out: &mut Vec<EventKind>) {
        self.isr.retain(|&b| b != broker);
        out.push(EventKind::IsrShrunk {
            topic: at.topic.to_string(),
            partition: at.partition,
            broker,
            isr: self.isr.clone(),
            reason,
        });
    }
}
