//! Leader elections on one partition (the KRaft controller's
//! `PartitionChangeBuilder`): clean (the first live ISR member in replica
//! order), unclean (any live replica, when `unclean.leader.election.enable`),
//! preferred (the first replica, when alive and in sync), and what the new
//! leader's log lacks: records lost for good.

use super::epochs::divergence;
use super::{At, Follower, PartitionState};
use crate::event::{DataLossReason, ElectionCause, EventKind};
use crate::ids::BrokerId;
use crate::partition::log::{Record, FLAG_ACKED, FLAG_ACKS0};

/// Records an election lost (offset, record), for the producers' ledgers.
pub(crate) type Lost = Vec<(u64, Record)>;

impl PartitionState {
    /// Elects a leader for a partition whose leader is gone: the first live ISR
    /// member in replica order other than the previous leader; if none and
    /// `unclean_ok`, the first live replica. With no candidate the partition goes
    /// offline. Returns the records the election lost.
    pub(crate) fn elect(
        &mut self,
        alive: &[BrokerId],
        unclean_ok: bool,
        cause: ElectionCause,
        now: u64,
        at: At,
        out: &mut Vec<EventKind>,
    ) -> Lost {
        let previous = self.leader;
        let clean =
            self.replicas.iter().copied().find(|b| self.isr.contains(b) && alive.contains(b) && Some(*b) != previous);
        let choice = match clean {
            Some(b) => Some((b, false)),
            None if unclean_ok => self.replicas.iter().copied().find(|b| alive.contains(b)).map(|b| (b, true)),
            None => None,
        };
        let Some((new, unclean)) = choice else {
            let last_leader = previous.unwrap_or(self.log_owner);
            if self.leader.is_some() {
                self.leader = None;
                out.push(EventKind::PartitionOffline {
                    topic: at.topic.to_string(),
                    partition: at.partition,
                    last_leader,
                });
            }
            return Vec::new();
        };
        self.install_leader(new, cause, unclean, now, at, out)
    }

    /// Preferred leader election: the first replica leads again when it is
    /// alive and in sync.
    pub(crate) fn elect_preferred(&mut self, alive: &[BrokerId], now: u64, at: At, out: &mut Vec<EventKind>) -> Lost {
        let preferred = self.replicas[0];
        if self.leader != Some(preferred) && alive.contains(&preferred) && self.isr.contains(&preferred) {
            self.install_leader(preferred, ElectionCause::Preferred, false, now, at, out)
        } else {
            Vec::new()
        }
    }

    /// Makes `new` the leader (epoch + 1), reports the election and any records
    /// the previous leader had that `new` lacks: those are gone for good.
    fn install_leader(
        &mut self,
        new: BrokerId,
        cause: ElectionCause,
        unclean: bool,
        now: u64,
        at: At,
        out: &mut Vec<EventKind>,
    ) -> Lost {
        let previous = self.leader;
        let lost = self.change_leader(new, now);
        if unclean {
            self.isr = vec![new];
        }
        out.push(EventKind::LeaderElected {
            topic: at.topic.to_string(),
            partition: at.partition,
            leader: new,
            previous,
            epoch: self.leader_epoch,
            unclean,
            cause,
        });
        if !lost.is_empty() {
            let (acked, acks0, _) = loss_counts(&lost);
            let from_offset = lost[0].0;
            let to_offset = lost[lost.len() - 1].0 + 1;
            let reason = if unclean { DataLossReason::UncleanElection } else { DataLossReason::LeaderFailover };
            out.push(EventKind::DataLost {
                topic: at.topic.to_string(),
                partition: at.partition,
                from_offset,
                to_offset,
                acked,
                acks0,
                reason,
            });
        }
        lost
    }

    /// Makes `broker` the leader with a new epoch, swapping logs so `log` is
    /// the new leader's. Returns the records the new leader does not have that
    /// the previous leader's log held (they will be truncated everywhere).
    pub(crate) fn change_leader(&mut self, broker: BrokerId, now: u64) -> Vec<(u64, Record)> {
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
                // Booked as lost now. A replica still holding a copy (the old
                // leader, or a follower that is down) could lead again after
                // another unclean election and bring them back; they must not
                // count as acknowledged, or be lost a second time, then.
                for f in &mut self.followers {
                    f.log.forget_ledger_flags(&lost);
                }
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
}

/// Why records were lost in an election: (acknowledged, acks=0, other).
fn loss_counts(lost: &[(u64, Record)]) -> (u64, u64, u64) {
    let acked = lost.iter().filter(|(_, r)| r.flags() & FLAG_ACKED != 0).count() as u64;
    let acks0 = lost.iter().filter(|(_, r)| r.flags() & FLAG_ACKED == 0 && r.flags() & FLAG_ACKS0 != 0).count() as u64;
    (acked, acks0, (lost.len() as u64).saturating_sub(acked + acks0))
}
