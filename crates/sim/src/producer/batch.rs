//! What a producer sends: a batch of records for one partition
//! (`ProducerBatch`), built from the records due each step as the partitioner
//! places them (`RecordAccumulator`), and the same batch waiting on its
//! partition's leader for acks=all (`DelayedProduce`).

use super::{PlacedRecord, ProducerState, RECENT_DECISIONS};
use crate::config::Acks;
use crate::partition::log::{
    record_body_fixed, record_size_at, size_of_length, Record, FLAG_ACKS0, FLAG_BATCH_HEAD, NULL_KEY,
    RECORD_BATCH_OVERHEAD,
};
use crate::partition::PartitionState;
use crate::producer::partitioner::Availability;
use crate::rng::SimRng;

/// A produce request waiting for acks=all (`DelayedProduce`).
#[derive(Clone, Debug)]
pub(crate) struct PendingBatch {
    pub batch: Batch,
    pub first_offset: u64,
    pub last_offset: u64,
    pub leader_epoch: u32,
    pub deadline_ms: u64,
}

/// Records of one producer for one partition, sent together (a ProducerBatch).
#[derive(Clone, Debug)]
pub(crate) struct Batch {
    /// Never reused within the producer: partitioner decisions name their batch by it.
    pub id: u64,
    pub producer: u16,
    pub topic: usize,
    pub partition: u32,
    pub records: Vec<Record>,
    pub created_ms: u64,
    pub attempts: u32,
    pub next_attempt_ms: u64,
}

impl ProducerState {
    /// Partitions the records due by `now` and groups them into one new batch
    /// per partition. `id` is this producer's id (its records carry it);
    /// `partitions` its topic's, read for which have a leader.
    pub(crate) fn new_batches(
        &mut self,
        id: u16,
        partitions: &[PartitionState],
        rng: &mut SimRng,
        keys: &[Box<[u8]>],
        now: u64,
    ) -> Vec<Batch> {
        let due = self.due(now);
        if due == 0 {
            return Vec::new();
        }
        let ti = self.topic;
        let n = partitions.len();
        // The built-in partitioner skips partitions without a leader for null keys.
        for (p, part) in partitions.iter().enumerate() {
            let availability = if part.leader.is_some() { Availability::Available } else { Availability::NoLeader };
            if self.partitioner.availability(p as u32) != availability {
                self.partitioner.set_availability(p as u32, availability);
            }
        }
        self.queued.clear();
        self.queued.resize(n, 0);
        // Batches start at the size this partition's batch had last time (plus a
        // margin), so they rarely grow while records are added.
        self.batch_lens.resize(n, 0);
        let mut batches: Vec<Option<Batch>> = vec![None; n];
        let flags = if self.config.acks == Acks::None { FLAG_ACKS0 } else { 0 };
        let value = size_of_length(self.config.value_bytes);
        let mut sent_bytes = 0;
        // Sizes depend on the key's length only; keys of one producer mostly
        // share it, so they are recomputed only when it changes.
        let (mut key_len, mut fixed, mut bytes) = (u32::MAX, 0, 0);
        for i in 0..due {
            self.emitted_since += 1;
            let ts = self.timestamp_of(self.emitted_since).min(now);
            let key = self.next_key(rng);
            let key_bytes = if key == NULL_KEY { None } else { Some(&keys[key as usize][..]) };
            let len = key_bytes.map_or(0, |k| k.len() as u32);
            if len != key_len {
                // The record's size at the head of a batch (`record_bytes`):
                // what the partitioner counts.
                (key_len, fixed) = (len, record_body_fixed(len, value));
                bytes = record_size_at(fixed, 0, 0);
            }
            // Only the last few decisions are kept (for the UI), so only they are
            // built in full.
            let recent = due - i <= RECENT_DECISIONS as u64;
            let (p, decision) = if recent {
                let decision = self.partitioner.choose(key_bytes, bytes, n as u32, &self.queued, rng);
                (decision.partition, Some(decision))
            } else {
                let hashed = key_bytes.map(|k| (k, self.key_murmur2(key, keys)));
                (self.partitioner.choose_partition(hashed, bytes, n as u32, &self.queued, rng), None)
            };
            self.queued[p as usize] += u64::from(bytes);
            let seq = self.next_seq;
            self.next_seq = self.next_seq.wrapping_add(1);
            self.sent += 1;
            let batch = match &mut batches[p as usize] {
                Some(batch) => batch,
                slot => {
                    let last_len = self.batch_lens[p as usize];
                    self.next_batch_id += 1;
                    slot.insert(Batch {
                        id: self.next_batch_id,
                        producer: id,
                        topic: ti,
                        partition: p,
                        records: Vec::with_capacity(last_len + last_len / 4 + 4),
                        created_ms: now,
                        attempts: 0,
                        next_attempt_ms: now,
                    })
                }
            };
            let index = batch.records.len() as u32;
            // The record's size in its batch (`DefaultRecord.sizeInBytes`): its
            // offset and timestamp deltas from the batch's first record; that
            // first record carries the batch header (`FLAG_BATCH_HEAD`).
            let (size, flags) = match batch.records.first() {
                None => (bytes + RECORD_BATCH_OVERHEAD, flags | FLAG_BATCH_HEAD),
                Some(head) => (record_size_at(fixed, index, ts.saturating_sub(head.timestamp_ms())), flags),
            };
            sent_bytes += u64::from(size);
            batch.records.push(Record::new(key, size, id, flags, seq, ts));
            if let Some(decision) = decision {
                // The offset is known once the batch is appended (`send`).
                let batch = batch.id;
                self.remember(PlacedRecord { key, decision, offset: None, timestamp_ms: ts, batch, index });
            }
        }
        self.throughput.records.add(due);
        self.throughput.bytes.add(sent_bytes);
        for (len, batch) in self.batch_lens.iter_mut().zip(&batches) {
            *len = batch.as_ref().map_or(0, |b| b.records.len());
        }
        batches.into_iter().flatten().collect()
    }
}
