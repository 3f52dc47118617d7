//! Consumer groups at work: polling up to the high watermark, committing,
//! `auto.offset.reset`, rebalancing, session timeouts and lag sampling.

use crate::cluster::Cluster;
use crate::command::ResetSpec;
use crate::config::OffsetReset;
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::event::{EventKind, ResetCause};
use crate::group::assignor::{self, MemberSubscription};
use crate::group::{GroupState, LagSample};
use crate::ids::TopicPartition;
use crate::vecmap::VecMap;

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
}

impl Cluster {
    pub(crate) fn consume(&mut self, now: u64) {
        for gi in 0..self.groups.len() {
            for mi in 0..self.groups[gi].members.len() {
                if self.groups[gi].members[mi].crashed_at.is_none() {
                    self.poll_member(gi, mi, now);
                }
            }
        }
    }

    /// One member's work for a step: auto-commit when due, then polls while it
    /// has processing budget and records are available below the high watermark.
    fn poll_member(&mut self, gi: usize, mi: usize, now: u64) {
        let step = self.config.step_ms as f64;
        let (rate, max_poll, auto_commit, interval) = {
            let c = &self.groups[gi].config;
            (c.records_per_s, c.max_poll_records, c.enable_auto_commit, c.auto_commit_interval_ms)
        };
        // ConsumerCoordinator.maybeAutoCommitOffsetsAsync runs inside poll().
        if auto_commit && now - self.groups[gi].members[mi].last_commit_ms >= interval {
            self.commit_member(gi, mi, now);
        }
        let ti = self.groups[gi].topic;
        let mut budget = self.groups[gi].members[mi].budget + rate * step / 1000.0;
        // (from, to, redelivered) per partition read in this step.
        let mut read: VecMap<u32, (u64, u64, u64)> = VecMap::new();
        loop {
            let quota = (budget.floor() as u64).min(u64::from(max_poll));
            if quota == 0 {
                break;
            }
            let got = self.one_poll(gi, mi, ti, quota, &mut read);
            budget -= got as f64;
            if got == 0 {
                // Nothing to read: spare capacity is not banked for later.
                budget = budget.fract();
                break;
            }
        }
        self.groups[gi].members[mi].budget = budget;
        // records-lag-max: the largest high watermark − position over the member's partitions.
        let topic = &self.topics[ti];
        let m = &mut self.groups[gi].members[mi];
        m.records_lag_max = m
            .assigned
            .iter()
            .filter_map(|(p, pos)| pos.map(|pos| topic.partitions[*p as usize].high_watermark.saturating_sub(pos)))
            .max()
            .unwrap_or(0);
        if self.record_events {
            let member = m.id.clone();
            let (group, topic) = (self.groups[gi].config.id.clone(), self.topics[ti].name.clone());
            for (p, (from, to, redelivered)) in &read {
                self.emit(EventKind::Consumed {
                    group: group.clone(),
                    member: member.clone(),
                    topic: topic.clone(),
                    partition: *p,
                    from_offset: *from,
                    to_offset: *to,
                    redelivered: *redelivered,
                });
            }
        }
        if !auto_commit && !read.is_empty() {
            // Manual mode: commitSync after processing each poll's records.
            self.commit_member(gi, mi, now);
        }
    }

    /// One `poll()`: up to `quota` records, partitions visited in rotation.
    fn one_poll(
        &mut self,
        gi: usize,
        mi: usize,
        ti: usize,
        quota: u64,
        read: &mut VecMap<u32, (u64, u64, u64)>,
    ) -> u64 {
        let n = self.groups[gi].members[mi].assigned.len();
        if n == 0 {
            return 0;
        }
        let start = self.groups[gi].members[mi].rotation as usize % n;
        self.groups[gi].members[mi].rotation = self.groups[gi].members[mi].rotation.wrapping_add(1);
        let mut got = 0;
        for k in 0..n {
            if got >= quota {
                break;
            }
            let idx = (start + k) % n;
            let p = self.groups[gi].members[mi].assigned[idx].0;
            // Consumers fetch from the leader; none (or a dead one) means no data.
            let leader = self.topics[ti].partitions[p as usize].leader;
            if !leader.is_some_and(|b| self.broker_alive(b)) {
                continue;
            }
            let Some(pos) = self.fetch_position(gi, mi, idx) else {
                continue;
            };
            let hw = self.topics[ti].partitions[p as usize].high_watermark;
            if pos >= hw {
                continue;
            }
            let take = (hw - pos).min(quota - got);
            let to = pos + take;
            let g = &mut self.groups[gi];
            let redelivered = g.deliver(p, pos, to);
            g.consumed += take;
            g.redelivered += redelivered;
            g.members[mi].assigned[idx].1 = Some(to);
            let e = read.get_or_insert_with(p, || (pos, to, 0));
            e.1 = to;
            e.2 += redelivered;
            got += take;
        }
        got
    }

    /// The fetch position of a member's `idx`-th partition, initialising it from
    /// the committed offset or `auto.offset.reset` (Kafka's
    /// `SubscriptionState`/`OffsetFetcher` logic). `None` while stopped.
    fn fetch_position(&mut self, gi: usize, mi: usize, idx: usize) -> Option<u64> {
        let (p, pos) = self.groups[gi].members[mi].assigned[idx];
        if self.groups[gi].members[mi].stopped.contains(&p) {
            return None;
        }
        let ti = self.groups[gi].topic;
        let log = &self.topics[ti].partitions[p as usize].log;
        let (start, hw) = (log.log_start_offset(), self.topics[ti].partitions[p as usize].high_watermark);
        // The broker answers OFFSET_OUT_OF_RANGE only outside [log start, log end];
        // a position past a new leader's (lagging) HW just waits for data.
        let leo = log.log_end_offset();
        let (candidate, cause) = match pos {
            Some(pos) if (start..=leo).contains(&pos) => return Some(pos),
            Some(pos) => (Some(pos), ResetCause::OutOfRange),
            None => match self.groups[gi].committed[p as usize] {
                Some(c) if (start..=leo).contains(&c) => {
                    self.groups[gi].members[mi].assigned[idx].1 = Some(c);
                    return Some(c);
                }
                Some(c) => (Some(c), ResetCause::OutOfRange),
                None => (None, ResetCause::NoCommittedOffset),
            },
        };
        let policy = self.groups[gi].config.auto_offset_reset;
        let to = match policy {
            OffsetReset::Earliest => start,
            // ListOffsets LATEST under read_uncommitted answers the high watermark.
            OffsetReset::Latest => hw,
            OffsetReset::None => {
                let g = &mut self.groups[gi];
                g.members[mi].stopped.push(p);
                let (group, member) = (g.config.id.clone(), g.members[mi].id.clone());
                let topic = self.topics[ti].name.clone();
                self.emit(EventKind::OffsetOutOfRange {
                    group,
                    member,
                    topic,
                    partition: p,
                    offset: candidate,
                    log_start_offset: start,
                    log_end_offset: hw,
                });
                return None;
            }
        };
        self.groups[gi].members[mi].assigned[idx].1 = Some(to);
        let (group, topic) = (self.groups[gi].config.id.clone(), self.topics[ti].name.clone());
        self.emit(EventKind::OffsetReset { group, topic, partition: p, from: candidate, to, policy, cause });
        Some(to)
    }

    /// Commits the member's positions (only those that moved).
    pub(crate) fn commit_member(&mut self, gi: usize, mi: usize, now: u64) {
        let ti = self.groups[gi].topic;
        let g = &mut self.groups[gi];
        g.members[mi].last_commit_ms = now;
        let mut commits = Vec::new();
        // Like KafkaConsumer, commit every consumed position, moved or not (Burrow
        // sees each commit: an unchanged offset with growing lag is a STALL).
        let topic = &self.topics[ti];
        for &(p, pos) in &g.members[mi].assigned {
            if let Some(pos) = pos {
                let hw = topic.partitions[p as usize].high_watermark;
                g.windows[p as usize].record(pos as i64, now as i64, Some(hw.saturating_sub(pos) as i64));
                if g.committed[p as usize] != Some(pos) {
                    g.committed[p as usize] = Some(pos);
                    commits.push((p, pos));
                }
            }
        }
        if self.record_events && !commits.is_empty() {
            let (group, member, topic) = (g.config.id.clone(), g.members[mi].id.clone(), self.topics[ti].name.clone());
            for (partition, offset) in commits {
                self.emit(EventKind::Committed {
                    group: group.clone(),
                    member: member.clone(),
                    topic: topic.clone(),
                    partition,
                    offset,
                });
            }
        }
    }

    /// A graceful leave: commit (with auto-commit, as `KafkaConsumer.close` does),
    /// LeaveGroup, and an immediate rebalance of the others.
    pub(crate) fn leave_group(&mut self, gi: usize, mi: usize) {
        if self.groups[gi].config.enable_auto_commit {
            self.commit_member(gi, mi, self.time_ms);
        }
        let m = self.groups[gi].members.remove(mi);
        let group = self.groups[gi].config.id.clone();
        self.emit(EventKind::MemberLeft { group, member: m.id, graceful: true });
        self.rebalance(gi);
    }

    /// Removes crashed members whose `session.timeout.ms` has passed.
    pub(crate) fn expire_sessions(&mut self, now: u64) {
        for gi in 0..self.groups.len() {
            let timeout = self.groups[gi].config.session_timeout_ms;
            let mut changed = false;
            while let Some(mi) =
                self.groups[gi].members.iter().position(|m| m.crashed_at.is_some_and(|t| now - t >= timeout))
            {
                let m = self.groups[gi].members.remove(mi);
                let group = self.groups[gi].config.id.clone();
                self.emit(EventKind::MemberLeft { group, member: m.id, graceful: false });
                changed = true;
            }
            if changed || self.groups[gi].rejoin_pending {
                self.rebalance(gi);
            }
        }
    }

    /// A rebalance: the assignor computes the new assignment from every member's
    /// subscription and owned partitions. Eager protocols revoke everything first
    /// (committing, with auto-commit, in `onJoinPrepare`); the cooperative
    /// protocol revokes only what moves and hands it over in a follow-up round.
    pub(crate) fn rebalance(&mut self, gi: usize) {
        let now = self.time_ms;
        let ti = self.groups[gi].topic;
        let topic_name = self.topics[ti].name.clone();
        let strategy = self.groups[gi].config.assignor;
        self.groups[gi].rejoin_pending = false;
        // Live members commit before giving partitions up (auto-commit only).
        if self.groups[gi].config.enable_auto_commit {
            for mi in 0..self.groups[gi].members.len() {
                if self.groups[gi].members[mi].crashed_at.is_none() {
                    self.commit_member(gi, mi, now);
                }
            }
        }
        let g = &self.groups[gi];
        let generation = g.generation;
        let subs: Vec<MemberSubscription> = g
            .members
            .iter()
            .map(|m| MemberSubscription {
                member_id: m.id.clone(),
                group_instance_id: None,
                topics: vec![topic_name.clone()],
                owned: m.partitions().map(|p| TopicPartition::new(topic_name.clone(), p)).collect(),
                generation: Some(generation),
            })
            .collect();
        let count = self.topics[ti].partitions.len() as u32;
        let per_topic = |t: &str| (t == topic_name.as_str()).then_some(count);
        // One list per member, in `subs` (= `g.members`) order.
        let assignment = match assignor::assign_lists(strategy, &per_topic, &subs) {
            Ok(a) => a,
            Err(e) => {
                // Member ids are generated here, so this cannot happen; report, don't panic.
                self.events.push(crate::event::Event::rejected(now, &e));
                return;
            }
        };
        let n_partitions = self.topics[ti].partitions.len() as u32;
        let g = &mut self.groups[gi];
        g.generation += 1;
        let mut assigned_now = vec![false; n_partitions as usize];
        for (m, tps) in g.members.iter_mut().zip(&assignment) {
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
                .filter(|&p| !assigned_now[p as usize] && !g.members.is_empty())
                .map(|p| TopicPartition::new(topic_name.clone(), p))
                .collect()
        } else {
            Vec::new()
        };
        g.rejoin_pending = !pending.is_empty();
        let list: Vec<(String, Vec<TopicPartition>)> = g
            .members
            .iter()
            .map(|m| (m.id.clone(), m.partitions().map(|p| TopicPartition::new(topic_name.clone(), p)).collect()))
            .collect();
        let idle: Vec<String> = g.members.iter().filter(|m| m.assigned.is_empty()).map(|m| m.id.clone()).collect();
        let (group, generation, members) = (g.config.id.clone(), g.generation, g.members.len() as u32);
        self.emit(EventKind::Rebalanced {
            group: group.clone(),
            generation,
            assignor: strategy,
            assignment: list,
            pending_revocation: pending.clone(),
        });
        if pending.is_empty() {
            for member in idle {
                self.emit(EventKind::IdleConsumer { group: group.clone(), member, partitions: n_partitions, members });
            }
        }
    }

    /// `kafka-consumer-groups --reset-offsets --execute` for every partition of
    /// the group's topic. Like the tool, it refuses while the group has members.
    pub(crate) fn reset_offsets(&mut self, group: &str, spec: ResetSpec) -> Result<(), SimError> {
        let gi = self.group_index(group)?;
        let live = self.groups[gi].members.len();
        if live > 0 {
            return Err(SimError::new(
                ErrorCode::NonEmptyGroup,
                FieldPath::new("group"),
                ErrorReason::GroupNotEmpty { group: group.to_string(), members: live },
            ));
        }
        let ti = self.groups[gi].topic;
        let mut changes = Vec::new();
        for (p, part) in self.topics[ti].partitions.iter().enumerate() {
            let (start, end) = (part.log.log_start_offset(), part.high_watermark);
            let current = self.groups[gi].committed[p];
            let target = match spec {
                ResetSpec::ToEarliest => start,
                ResetSpec::ToLatest => end,
                ResetSpec::ToOffset(o) => o,
                ResetSpec::ShiftBy(d) => {
                    let base = current.unwrap_or(end) as i64;
                    base.saturating_add(d).max(0) as u64
                }
            }
            .clamp(start, end);
            changes.push((p as u32, current, target));
        }
        let topic = self.topics[ti].name.clone();
        let now = self.time_ms as i64;
        for (p, from, to) in changes {
            self.groups[gi].committed[p as usize] = Some(to);
            // The tool commits the new offset: Burrow sees it (a REWIND if it went back).
            let hw = self.topics[ti].partitions[p as usize].high_watermark;
            self.groups[gi].windows[p as usize].record(to as i64, now, Some(hw.saturating_sub(to) as i64));
            self.emit(EventKind::OffsetsResetByCommand {
                group: group.to_string(),
                topic: topic.clone(),
                partition: p,
                from,
                to,
            });
        }
        Ok(())
    }

    pub(crate) fn sample_lag(&mut self, now: u64) {
        // Burrow's broker-offset ring: the partition's log end offset (HW), sampled.
        for t in &mut self.topics {
            for (p, part) in t.partitions.iter().enumerate() {
                t.broker_offsets[p].record(part.high_watermark as i64);
            }
        }
        for g in &mut self.groups {
            let topic = &self.topics[g.topic];
            let lag: Vec<Option<u64>> = topic
                .partitions
                .iter()
                .zip(&g.committed)
                .map(|(part, c)| c.map(|c| part.high_watermark.saturating_sub(c)))
                .collect();
            let total = lag.iter().flatten().sum();
            g.push_lag(LagSample { t_ms: now, lag, total });
        }
    }
}
