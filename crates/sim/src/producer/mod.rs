//! A producer as a state machine: its keys, its partitioner, the batches it
//! builds and retries, its recent partitioner decisions (each told its offset
//! when its batch is appended) and the ledger of where every record went.
//! Sending a batch to a partition leader is in `send.rs` (it needs both
//! the producer and the partition).

pub(crate) mod batch;
pub mod partitioner;
mod send;

use crate::config::{KeyOrder, ProducerConfig};
use crate::error::ErrorCode;
use crate::murmur2::murmur2;
use crate::partition::log::NULL_KEY;
use crate::producer::partitioner::{Decision, Partitioner};
use crate::rng::SimRng;
use crate::vecmap::VecMap;
use batch::Batch;
use std::collections::VecDeque;

/// How many recent partitioner decisions each producer remembers for the UI.
pub const RECENT_DECISIONS: usize = 8;

/// A partitioner decision with the record it placed.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedRecord {
    pub key: u32,
    pub decision: Decision,
    /// Where the record was written, once its batch was appended.
    pub offset: Option<u64>,
    pub timestamp_ms: u64,
    /// The record's batch ([`batch::Batch`] `id`) and its index in it: how the
    /// offset is found when the batch is appended.
    pub(crate) batch: u64,
    pub(crate) index: u32,
}

#[derive(Clone, Debug)]
pub(crate) struct ProducerState {
    pub config: ProducerConfig,
    pub topic: usize,
    /// Ids into the cluster key table; empty means null keys.
    pub key_ids: Vec<u32>,
    pub next_key: u32,
    pub partitioner: Partitioner,
    /// Time from which `rate_per_s` counts (start or last rate change).
    pub rate_since_ms: u64,
    /// Records emitted since `rate_since_ms`.
    pub emitted_since: u64,
    pub sent: u64,
    pub acked: u64,
    pub errors: VecMap<&'static str, u64>,
    pub next_seq: u32,
    pub recent: VecDeque<PlacedRecord>,
    /// Bytes queued per partition during the current step (KIP-794 weighting).
    pub queued: Vec<u64>,
    /// Batches waiting for their next attempt (after an error, or no leader).
    pub retries: VecDeque<Batch>,
    /// Removed by a command: no longer sends. Kept (its index is the id its
    /// records carry, and the view reports it as inactive).
    pub removed: bool,
    pub ledger: Ledger,
    /// When each (partition, error) was last reported as an event.
    pub error_reported: Vec<((u32, &'static str), u64)>,
    /// murmur2 of the cluster's keys by key id, filled as they are first used.
    key_murmur2: Vec<i32>,
    /// Records per partition in the last step's new batches (to size the next).
    pub batch_lens: Vec<usize>,
    /// The id the next new batch gets.
    pub next_batch_id: u64,
    /// Records and bytes of its new batches (retries not counted again):
    /// `record-send-rate` and `byte-rate`.
    pub throughput: crate::traffic::ThroughputMeters,
}

/// Where every record this producer sent ended up (the loss ledger).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Ledger {
    /// Acknowledged to the producer (acks=1 or all).
    pub acked: u64,
    /// Acknowledged, and later lost (unclean election, or an acks=1 leader that
    /// died before followers copied them). Included in `acked`.
    pub acked_lost: u64,
    /// Never acknowledged: delivery failed after retries (see `errors`).
    pub failed: u64,
    /// Written twice because a retry followed a lost acknowledgement.
    pub duplicates: u64,
    /// Sent with acks=0: the producer never learns their fate.
    pub unacknowledged: u64,
    /// acks=0 records known to be gone (sent to a dead leader, or lost in a failover).
    pub unacknowledged_lost: u64,
}

impl Ledger {
    /// Adds another ledger's counts (the CLI summary's total over producers).
    pub fn add(&mut self, o: &Ledger) {
        self.acked += o.acked;
        self.acked_lost += o.acked_lost;
        self.failed += o.failed;
        self.duplicates += o.duplicates;
        self.unacknowledged += o.unacknowledged;
        self.unacknowledged_lost += o.unacknowledged_lost;
    }
}

impl ProducerState {
    pub fn new(config: ProducerConfig, topic: usize, key_ids: Vec<u32>, now_ms: u64) -> Self {
        let partitioner = Partitioner::new(config.partitioner.clone(), config.partitioner_config);
        Self {
            config,
            topic,
            key_ids,
            next_key: 0,
            partitioner,
            rate_since_ms: now_ms,
            emitted_since: 0,
            sent: 0,
            acked: 0,
            errors: VecMap::new(),
            next_seq: 0,
            recent: VecDeque::with_capacity(RECENT_DECISIONS),
            queued: Vec::new(),
            retries: VecDeque::new(),
            removed: false,
            ledger: Ledger::default(),
            error_reported: Vec::new(),
            key_murmur2: Vec::new(),
            batch_lens: Vec::new(),
            next_batch_id: 0,
            throughput: Default::default(),
        }
    }

    /// How many records are due by `now_ms` at the configured rate.
    pub fn due(&self, now_ms: u64) -> u64 {
        let elapsed = now_ms.saturating_sub(self.rate_since_ms) as f64;
        let target = (self.config.rate_per_s * elapsed / 1000.0).floor() as u64;
        target.saturating_sub(self.emitted_since)
    }

    /// CreateTime of the `n`-th record since `rate_since_ms` (1-based), spread
    /// evenly at the configured rate.
    #[inline(always)]
    pub fn timestamp_of(&self, n: u64) -> u64 {
        // `x.ceil() as u64` without the libm call (a per-record cost): for
        // x ≥ 0 the ceiling is the truncation, plus one if x had a fraction.
        let x = n as f64 * 1000.0 / self.config.rate_per_s;
        let t = x as u64;
        self.rate_since_ms + t.saturating_add(u64::from((t as f64) < x))
    }

    /// The next key id (or [`NULL_KEY`]).
    #[inline(always)]
    pub fn next_key(&mut self, rng: &mut SimRng) -> u32 {
        let n = self.key_ids.len() as u32;
        if n == 0 {
            return NULL_KEY;
        }
        let random = self.config.key_space.is_some() || self.config.key_order == KeyOrder::Random;
        let i = if random {
            rng.below(n)
        } else {
            let i = self.next_key;
            self.next_key = (self.next_key + 1) % n;
            i
        };
        self.key_ids[i as usize]
    }

    /// murmur2 of key `key` of the cluster's key table `keys`. Cached: the table
    /// only grows and a key's bytes never change.
    pub fn key_murmur2(&mut self, key: u32, keys: &[Box<[u8]>]) -> i32 {
        let i = key as usize;
        if i >= self.key_murmur2.len() {
            let known = self.key_murmur2.len();
            self.key_murmur2.extend(keys[known..].iter().map(|k| murmur2(k)));
        }
        self.key_murmur2[i]
    }

    pub fn set_rate(&mut self, rate_per_s: f64, now_ms: u64) {
        self.config.rate_per_s = rate_per_s;
        self.rate_since_ms = now_ms;
        self.emitted_since = 0;
    }

    /// Whether a remembered decision waits for an offset from batch `id`.
    pub fn awaits_offsets(&self, id: u64) -> bool {
        self.recent.iter().any(|r| r.offset.is_none() && r.batch == id)
    }

    /// Batch `id` was appended: `offset_of(i)` is where its `i`-th record went.
    pub fn placed(&mut self, id: u64, offset_of: impl Fn(usize) -> u64) {
        for r in self.recent.iter_mut().filter(|r| r.offset.is_none() && r.batch == id) {
            r.offset = Some(offset_of(r.index as usize));
        }
    }

    /// Counts a failed produce request and schedules the batch's retry after
    /// `retry.backoff.ms`, unless `delivery.timeout.ms` has passed since it was
    /// created (then its records count as failed). Returns whether the error is
    /// due to be reported (each (partition, error) at most once a second: one
    /// event per failed request would flood the log while a partition is
    /// unavailable) and whether the batch will be retried.
    pub fn failed_attempt(&mut self, mut batch: Batch, error: ErrorCode, now: u64) -> (bool, bool) {
        let retrying = now + self.config.retry_backoff_ms < batch.created_ms + self.config.delivery_timeout_ms;
        // Counted per failed produce request, as a client's error metrics do.
        *self.errors.get_or_insert_with(error.name(), || 0) += 1;
        let key = (batch.partition, error.name());
        let reported = match self.error_reported.iter_mut().find(|(k, _)| *k == key) {
            Some((_, t)) if now < *t + 1000 => false,
            Some((_, t)) => {
                *t = now;
                true
            }
            None => {
                self.error_reported.push((key, now));
                true
            }
        };
        if retrying {
            batch.next_attempt_ms = now + self.config.retry_backoff_ms;
            self.retries.push_back(batch);
        } else {
            self.ledger.failed += batch.records.len() as u64;
        }
        (reported, retrying)
    }

    pub fn remember(&mut self, placed: PlacedRecord) {
        if self.recent.len() == RECENT_DECISIONS {
            self.recent.pop_front();
        }
        self.recent.push_back(placed);
    }
}
