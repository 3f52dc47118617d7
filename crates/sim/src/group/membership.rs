//! Group membership: members join, leave gracefully, crash and expire after
//! `session.timeout.ms`, and each change rebalances the group with its
//! assignor (eager: revoke everything first; cooperative: revoke only what
//! moves, hand it over in a follow-up round).

use super::assignor::{self, MemberSubscription};
use super::{GroupEnv, GroupState, MemberState};
use crate::event::{Event, EventKind};
use crate::ids::TopicPartition;

impl GroupState {
    /// A new member joins (the caller rebalances).
    pub(crate) fn join(&mut self, now: u64, out: &mut Vec<EventKind>) {
        let id = self.new_member_id();
        self.members.push(MemberState::new(id.clone(), now));
        out.push(EventKind::MemberJoined { group: self.config.id.clone(), member: id });
    }

    /// A member crashes: it stops polling and is removed when its session expires.
    pub(crate) fn crash(&mut self, mi: usize, now: u64, out: &mut Vec<EventKind>) {
        let m = &mut self.members[mi];
        m.crashed_at = Some(now);
        out.push(EventKind::MemberCrashed {
            group: self.config.id.clone(),
            member: m.id.clone(),
            session_timeout_ms: self.config.session_timeout_ms,
        });
    }

    /// A graceful leave: commit (with auto-commit, as `KafkaConsumer.close` does),
    /// LeaveGroup, and an immediate rebalance of the others.
    pub(crate) fn leave(&mut self, mi: usize, env: &GroupEnv, out: &mut Vec<EventKind>) {
        if self.config.enable_auto_commit {
            self.commit_member(mi, env, out);
        }
        let m = self.members.remove(mi);
        out.push(EventKind::MemberLeft { group: self.config.id.clone(), member: m.id, graceful: true });
        self.rebalance(env, out);
    }

    /// Removes crashed members whose `session.timeout.ms` has passed, and runs
    /// a rebalance if that changed the group or a cooperative round is pending.
    pub(crate) fn expire_sessions(&mut self, env: &GroupEnv, out: &mut Vec<EventKind>) {
        let timeout = self.config.session_timeout_ms;
        let mut changed = false;
        while let Some(mi) = self.members.iter().position(|m| m.crashed_at.is_some_and(|t| env.now - t >= timeout)) {
            let m = self.members.remove(mi);
            out.push(EventKind::MemberLeft { group: self.config.id.clone(), member: m.id, graceful: false });
            changed = true;
        }
        if changed || self.rejoin_pending {
            self.rebalance(env, out);
        }
    }

    /// A rebalance: the assignor computes the new assignment from every member's
    /// subscription and owned partitions. Eager protocols revoke everything first
    /// (committing, with auto-commit, in `onJoinPrepare`); the cooperative
    /// protocol revokes only what moves and hands it over in a follow-up round.
    pub(crate) fn rebalance(&mut self, env: &GroupEnv, out: &mut Vec<EventKind>) {
        let topic_name = env.topic;
        let strategy = self.config.assignor;
        self.rejoin_pending = false;
        // Live members commit before giving partitions up (auto-commit only).
        if self.config.enable_auto_commit {
            for mi in 0..self.members.len() {
                if self.members[mi].crashed_at.is_none() {
                    self.commit_member(mi, env, out);
                }
            }
        }
        let generation = self.generation;
        let subs: Vec<MemberSubscription> = self
            .members
            .iter()
            .map(|m| MemberSubscription {
                member_id: m.id.clone(),
                group_instance_id: None,
                topics: vec![topic_name.to_string()],
                owned: m.partitions().map(|p| TopicPartition::new(topic_name.to_string(), p)).collect(),
                generation: Some(generation),
            })
            .collect();
        let n_partitions = env.partitions.len() as u32;
        let per_topic = |t: &str| (t == topic_name).then_some(n_partitions);
        // One list per member, in `subs` (= `self.members`) order.
        let assignment = match assignor::assign_lists(strategy, &per_topic, &subs) {
            Ok(a) => a,
            Err(e) => {
                // Member ids are generated here, so this cannot happen; report, don't panic.
                out.push(Event::rejected(env.now, &e).kind);
                return;
            }
        };
        self.generation += 1;
        let mut assigned_now = vec![false; n_partitions as usize];
        for (m, tps) in self.members.iter_mut().zip(&assignment) {
            let new: Vec<u32> = tps.iter().map(|tp| tp.partition).collect();
            for &p in &new {
                assigned_now[p as usize] = true;
            }
            let keep_positions = strategy.is_cooperative();
            let old = std::mem::take(&mut m.assigned);
            m.assigned = new
                .iter()
                .map(|&p| {
                    let kept =
                        if keep_positions { old.iter().find(|(q, _)| *q == p).and_then(|(_, pos)| *pos) } else { None };
                    (p, kept)
                })
                .collect();
            m.stopped.retain(|p| new.contains(p));
        }
        // Cooperative: partitions that had to be revoked are unassigned this round.
        let pending: Vec<TopicPartition> = if strategy.is_cooperative() {
            (0..n_partitions)
                .filter(|&p| !assigned_now[p as usize] && !self.members.is_empty())
                .map(|p| TopicPartition::new(topic_name.to_string(), p))
                .collect()
        } else {
            Vec::new()
        };
        self.rejoin_pending = !pending.is_empty();
        let list: Vec<(String, Vec<TopicPartition>)> = self
            .members
            .iter()
            .map(|m| (m.id.clone(), m.partitions().map(|p| TopicPartition::new(topic_name.to_string(), p)).collect()))
            .collect();
        let idle: Vec<String> = self.members.iter().filter(|m| m.assigned.is_empty()).map(|m| m.id.clone()).collect();
        let (group, generation, members) = (self.config.id.clone(), self.generation, self.members.len() as u32);
        out.push(EventKind::Rebalanced {
            group: group.clone(),
            generation,
            assignor: strategy,
            assignment: list,
            pending_revocation: pending.clone(),
        });
        if pending.is_empty() {
            for member in idle {
                out.push(EventKind::IdleConsumer { group: group.clone(), member, partitions: n_partitions, members });
            }
        }
    }
}
