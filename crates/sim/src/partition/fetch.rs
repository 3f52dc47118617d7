//! Followers fetching from their leader (`ReplicaFetcherThread`): first
//! truncating what diverged from the leader's log by leader epoch (KIP-279),
//! then copying up to `replica.fetch.max.bytes`, then the leader's side of the
//! fetch: the follower's fetch state, ISR expansion and the high watermark.

use super::epochs::{copy_epochs, divergence};
use super::{At, PartitionState};
use crate::event::EventKind;
use crate::ids::BrokerId;
use crate::partition::log::{Log, LogSettings};

/// Where a fetch's bytes go, outside the partition: the follower's disk and
/// the brokers' byte meters.
pub(crate) trait FetchSink {
    /// Bytes that still fit on `follower`'s disk now.
    fn room(&self, follower: BrokerId) -> u64;
    /// `follower` copied `bytes` (ReplicationBytesIn/OutPerSec, disk use).
    fn fetched(&mut self, follower: BrokerId, bytes: u64);
    /// The first record `follower` had to copy did not fit its disk: the
    /// write fails and its log directory goes offline (`controller::disk`).
    fn disk_full(&mut self, follower: BrokerId, write_bytes: u64);
}

/// What follower fetches depend on outside the partition.
pub(crate) struct FetchEnv<'a> {
    /// Live broker ids.
    pub alive: &'a [BrokerId],
    /// Follower fetch delay multiplier per broker (`slow_broker`).
    pub slow: &'a [(BrokerId, u32)],
    /// Brokers cut off from the others (`isolate_broker`): a fetch between one
    /// of them and any other broker fails. Usually empty.
    pub isolated: &'a [BrokerId],
    pub lag_max_ms: u64,
    pub max_bytes: u64,
    pub delay_ms: u64,
    pub min_isr: u32,
    /// Report `follower_fetched` (a per-record event).
    pub record_events: bool,
}

impl PartitionState {
    /// Followers on live brokers whose fetch is due fetch from a live leader,
    /// unless the network between them is cut (`isolate_broker`): such a fetch
    /// fails and changes nothing, on either side, so the leader's view of the
    /// follower (`Replica.lastCaughtUpTimeMs`) ages until `maybeShrinkIsr`
    /// drops it. It is retried every step (Kafka backs off
    /// `replica.fetch.backoff.ms`; the simulator does not model that).
    /// `sink` is told the bytes of every fetch that copied something and is
    /// asked whether they fit the follower's disk: a fetch copies at most what
    /// fits, and if not even its first record fits, it fails (`FetchSink::disk_full`).
    pub(crate) fn fetch_round(
        &mut self,
        now: u64,
        env: &FetchEnv,
        settings: &LogSettings,
        at: At,
        out: &mut Vec<EventKind>,
        sink: &mut impl FetchSink,
    ) {
        let Some(leader) = self.leader else { return };
        if !env.alive.contains(&leader) {
            return;
        }
        for fi in 0..self.followers.len() {
            let broker = self.followers[fi].broker;
            if !env.alive.contains(&broker) || self.followers[fi].next_fetch_ms > now {
                continue;
            }
            if !env.isolated.is_empty() && (env.isolated.contains(&broker) || env.isolated.contains(&leader)) {
                continue;
            }
            self.truncate_diverged(fi, at, out);
            // Kafka returns at least one batch, so the first record must be
            // written whatever `replica.fetch.max.bytes` says.
            let next = self.followers[fi].log.log_end_offset().max(self.log.log_start_offset());
            let first = self.log.get(next).map_or(0, |r| r.size());
            if first > sink.room(broker) {
                sink.disk_full(broker, first);
                continue;
            }
            let (fetch_offset, bytes) = self.fetch(fi, leader, now, env, settings, at, out, sink);
            if bytes > 0 {
                sink.fetched(broker, bytes);
            }
            self.maybe_expand_isr(broker, fetch_offset, at, out);
            self.maybe_increment_hw(now, env.lag_max_ms, env.min_isr, &|b| env.alive.contains(&b));
        }
    }

    /// Divergence check (KIP-279): truncate the follower to where its log stops
    /// agreeing with the leader's, by leader epoch. One OffsetsForLeaderEpoch
    /// round per diverging epoch, until the follower's log is a prefix of the
    /// leader's.
    fn truncate_diverged(&mut self, fi: usize, at: At, out: &mut Vec<EventKind>) {
        let before = self.followers[fi].log.log_end_offset();
        for _ in 0..16 {
            let f = &self.followers[fi];
            if f.epochs.is_empty() {
                break;
            }
            let leo = f.log.log_end_offset();
            let end = divergence(&self.epochs, self.log.log_end_offset(), &f.epochs, leo);
            if end >= leo {
                break;
            }
            let f = &mut self.followers[fi];
            f.log.truncate_to(end);
            f.epochs.retain(|&(_, start)| start < end || start == 0);
        }
        let after = self.followers[fi].log.log_end_offset();
        if after < before {
            out.push(EventKind::Truncated {
                topic: at.topic.to_string(),
                partition: at.partition,
                broker: self.followers[fi].broker,
                from_offset: after,
                to_offset: before,
            });
        }
    }

    /// One fetch by follower `fi`: the leader records its fetch state, and the
    /// follower copies what the leader has past its log end. Returns the fetch
    /// offset and the bytes copied.
    #[allow(clippy::too_many_arguments)]
    fn fetch(
        &mut self,
        fi: usize,
        leader: BrokerId,
        now: u64,
        env: &FetchEnv,
        settings: &LogSettings,
        at: At,
        out: &mut Vec<EventKind>,
        sink: &impl FetchSink,
    ) -> (u64, u64) {
        let leader_leo = self.log.log_end_offset();
        if self.followers[fi].log.log_end_offset() < self.log.log_start_offset() {
            // Fell behind the leader's retention: start over at its log start.
            self.followers[fi].log = Log::starting_at(self.log.log_start_offset());
        }
        let fetch_offset = self.followers[fi].log.log_end_offset();
        self.followers[fi].update_fetch_state(fetch_offset, now, leader_leo);
        let hw = self.high_watermark;
        let f = &mut self.followers[fi];
        // No more than fits the disk (the first record does: `fetch_round`).
        let max_bytes = env.max_bytes.min(sink.room(f.broker));
        let (copied, bytes) = f.log.append_from(&self.log, fetch_offset, max_bytes, settings);
        if env.record_events && copied > 0 {
            out.push(EventKind::FollowerFetched {
                topic: at.topic.to_string(),
                partition: at.partition,
                broker: f.broker,
                leader,
                from_offset: fetch_offset,
                to_offset: fetch_offset + copied,
            });
        }
        copy_epochs(&self.epochs, &mut f.epochs, fetch_offset, fetch_offset + copied);
        if f.epochs.is_empty() {
            if let Some(&first) = self.epochs.first() {
                f.epochs.push(first);
            }
        }
        f.high_watermark = hw.min(f.log.log_end_offset());
        let factor = env.slow.iter().find(|(b, _)| *b == f.broker).map_or(1, |(_, x)| *x).max(1);
        f.next_fetch_ms = now + env.delay_ms * u64::from(factor);
        (fetch_offset, bytes)
    }

    /// The replica on `broker` restarted: it fetches again from now on.
    pub(crate) fn follower_restarted(&mut self, broker: BrokerId, now: u64) {
        if let Some(f) = self.followers.iter_mut().find(|f| f.broker == broker) {
            f.next_fetch_ms = now;
            f.last_caught_up_ms = f.last_caught_up_ms.min(now);
        }
    }

    /// The follower on `broker` fetches at `next_ms` at the latest (a broker's
    /// fetch pace changed).
    pub(crate) fn fetch_no_later_than(&mut self, broker: BrokerId, next_ms: u64) {
        for f in self.followers.iter_mut().filter(|f| f.broker == broker) {
            f.next_fetch_ms = f.next_fetch_ms.min(next_ms);
        }
    }
}
