//! Members at work: polling up to the high watermark with a processing budget,
//! fetch positions and `auto.offset.reset` (`SubscriptionState`,
//! `OffsetFetcher`), commits (auto and manual) and
//! `kafka-consumer-groups --reset-offsets`.

use super::{GroupEnv, GroupState};
use crate::command::ResetSpec;
use crate::config::OffsetReset;
use crate::error::SimError;
use crate::event::{EventKind, ResetCause};
use crate::vecmap::VecMap;

impl GroupState {
    /// Every live member's work for one step of `step_ms`.
    pub(crate) fn poll(&mut self, step_ms: u64, env: &GroupEnv, out: &mut Vec<EventKind>) {
        for mi in 0..self.members.len() {
            if self.members[mi].crashed_at.is_none() {
                self.poll_member(mi, step_ms, env, out);
            }
        }
    }

    /// One member's work for a step: auto-commit when due, then polls while it
    /// has processing budget and records are available below the high watermark.
    fn poll_member(&mut self, mi: usize, step_ms: u64, env: &GroupEnv, out: &mut Vec<EventKind>) {
        let step = step_ms as f64;
        let (rate, max_poll, auto_commit, interval) = {
            let c = &self.config;
            (c.records_per_s, c.max_poll_records, c.enable_auto_commit, c.auto_commit_interval_ms)
        };
        // ConsumerCoordinator.maybeAutoCommitOffsetsAsync runs inside poll().
        if auto_commit && env.now - self.members[mi].last_commit_ms >= interval {
            self.commit_member(mi, env, out);
        }
        let mut budget = self.members[mi].budget + rate * step / 1000.0;
        // (from, to, redelivered) per partition read in this step.
        let mut read: VecMap<u32, (u64, u64, u64)> = VecMap::new();
        loop {
            let quota = (budget.floor() as u64).min(u64::from(max_poll));
            if quota == 0 {
                break;
            }
            let got = self.one_poll(mi, quota, &mut read, env, out);
            budget -= got as f64;
            if got == 0 {
                // Nothing to read: spare capacity is not banked for later.
                budget = budget.fract();
                break;
            }
        }
        let m = &mut self.members[mi];
        m.budget = budget;
        // records-lag-max: the largest high watermark − position over the member's partitions.
        m.records_lag_max = m
            .assigned
            .iter()
            .filter_map(|(p, pos)| pos.map(|pos| env.partitions[*p as usize].high_watermark.saturating_sub(pos)))
            .max()
            .unwrap_or(0);
        if env.record_events {
            for (p, (from, to, redelivered)) in &read {
                out.push(EventKind::Consumed {
                    group: self.config.id.clone(),
                    member: m.id.clone(),
                    topic: env.topic.to_string(),
                    partition: *p,
                    from_offset: *from,
                    to_offset: *to,
                    redelivered: *redelivered,
                });
            }
        }
        if !auto_commit && !read.is_empty() {
            // Manual mode: commitSync after processing each poll's records.
            self.commit_member(mi, env, out);
        }
    }

    /// One `poll()`: up to `quota` records, partitions visited in rotation.
    fn one_poll(
        &mut self,
        mi: usize,
        quota: u64,
        read: &mut VecMap<u32, (u64, u64, u64)>,
        env: &GroupEnv,
        out: &mut Vec<EventKind>,
    ) -> u64 {
        let n = self.members[mi].assigned.len();
        if n == 0 {
            return 0;
        }
        let start = self.members[mi].rotation as usize % n;
        self.members[mi].rotation = self.members[mi].rotation.wrapping_add(1);
        let mut got = 0;
        for k in 0..n {
            if got >= quota {
                break;
            }
            let idx = (start + k) % n;
            let p = self.members[mi].assigned[idx].0;
            // Consumers fetch from the leader; none (or a dead one) means no data.
            let part = &env.partitions[p as usize];
            if !part.leader.is_some_and(|b| env.alive.contains(&b)) {
                continue;
            }
            let Some(pos) = self.fetch_position(mi, idx, env, out) else {
                continue;
            };
            let hw = part.high_watermark;
            if pos >= hw {
                continue;
            }
            let take = (hw - pos).min(quota - got);
            let to = pos + take;
            let redelivered = self.deliver(p, pos, to);
            // The bytes of the records polled, each batch's header with its
            // first record (a fetch from mid-batch does not count the header).
            let bytes = part.log.bytes_in(pos, to);
            self.throughput.records.add(take);
            self.throughput.bytes.add(bytes);
            match self.fetched.last_mut() {
                Some((q, b)) if *q == p => *b += bytes,
                _ => self.fetched.push((p, bytes)),
            }
            self.consumed += take;
            self.redelivered += redelivered;
            self.members[mi].assigned[idx].1 = Some(to);
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
    fn fetch_position(&mut self, mi: usize, idx: usize, env: &GroupEnv, out: &mut Vec<EventKind>) -> Option<u64> {
        let (p, pos) = self.members[mi].assigned[idx];
        if self.members[mi].stopped.contains(&p) {
            return None;
        }
        let part = &env.partitions[p as usize];
        let (start, hw) = (part.log.log_start_offset(), part.high_watermark);
        // The broker answers OFFSET_OUT_OF_RANGE only outside [log start, log end];
        // a position past a new leader's (lagging) HW just waits for data.
        let leo = part.log.log_end_offset();
        let (candidate, cause) = match pos {
            Some(pos) if (start..=leo).contains(&pos) => return Some(pos),
            Some(pos) => (Some(pos), ResetCause::OutOfRange),
            None => match self.committed[p as usize] {
                Some(c) if (start..=leo).contains(&c) => {
                    self.members[mi].assigned[idx].1 = Some(c);
                    return Some(c);
                }
                Some(c) => (Some(c), ResetCause::OutOfRange),
                None => (None, ResetCause::NoCommittedOffset),
            },
        };
        let policy = self.config.auto_offset_reset;
        let to = match policy {
            OffsetReset::Earliest => start,
            // ListOffsets LATEST under read_uncommitted answers the high watermark.
            OffsetReset::Latest => hw,
            OffsetReset::None => {
                self.members[mi].stopped.push(p);
                out.push(EventKind::OffsetOutOfRange {
                    group: self.config.id.clone(),
                    member: self.members[mi].id.clone(),
                    topic: env.topic.to_string(),
                    partition: p,
                    offset: candidate,
                    log_start_offset: start,
                    log_end_offset: hw,
                });
                return None;
            }
        };
        self.members[mi].assigned[idx].1 = Some(to);
        let (group, topic) = (self.config.id.clone(), env.topic.to_string());
        out.push(EventKind::OffsetReset { group, topic, partition: p, from: candidate, to, policy, cause });
        Some(to)
    }

    /// Commits the member's positions.
    pub(crate) fn commit_member(&mut self, mi: usize, env: &GroupEnv, out: &mut Vec<EventKind>) {
        let now = env.now;
        self.members[mi].last_commit_ms = now;
        let mut commits = Vec::new();
        // Like KafkaConsumer, commit every consumed position, moved or not (Burrow
        // sees each commit: an unchanged offset with growing lag is a STALL).
        for &(p, pos) in &self.members[mi].assigned {
            if let Some(pos) = pos {
                let hw = env.partitions[p as usize].high_watermark;
                self.windows[p as usize].record(pos as i64, now as i64, Some(hw.saturating_sub(pos) as i64));
                if self.committed[p as usize] != Some(pos) {
                    self.committed[p as usize] = Some(pos);
                    commits.push((p, pos));
                }
            }
        }
        if env.record_events {
            for (partition, offset) in commits {
                out.push(EventKind::Committed {
                    group: self.config.id.clone(),
                    member: self.members[mi].id.clone(),
                    topic: env.topic.to_string(),
                    partition,
                    offset,
                });
            }
        }
    }

    /// `kafka-consumer-groups --reset-offsets --execute` for every partition of
    /// the group's topic. Like the tool, it refuses while the group has members.
    pub(crate) fn reset_offsets(
        &mut self,
        spec: ResetSpec,
        env: &GroupEnv,
        out: &mut Vec<EventKind>,
    ) -> Result<(), SimError> {
        if let Some(refusal) = super::reset::refusal(self) {
            return Err(refusal);
        }
        for (p, part) in env.partitions.iter().enumerate() {
            let end = part.high_watermark;
            let from = self.committed[p];
            let to = super::reset::target(spec, part, from);
            self.committed[p] = Some(to);
            // The tool commits the new offset: Burrow sees it (a REWIND if it went back).
            self.windows[p].record(to as i64, env.now as i64, Some(end.saturating_sub(to) as i64));
            out.push(EventKind::OffsetsResetByCommand {
                group: self.config.id.clone(),
                topic: env.topic.to_string(),
                partition: p as u32,
                from,
                to,
            });
        }
        Ok(())
    }
}
