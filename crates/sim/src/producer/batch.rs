//! What a producer sends: a batch of records for one partition
//! (`ProducerBatch`), and the same batch waiting on its partition's leader for
//! acks=all (`DelayedProduce`).

use crate::partition::log::Record;

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
