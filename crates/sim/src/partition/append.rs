//! The leader's side of a produce request (`Partition.appendRecordsToLeader`):
//! appending a batch to the leader's log, with the idempotent producer's
//! duplicate check on retries (`ProducerStateManager`). The caller then tries
//! to move the high watermark (`maybe_increment_hw`), as Kafka does after
//! every append.

use super::PartitionState;
use crate::config::Acks;
use crate::partition::log::{LogSettings, FLAG_ACKED, FLAG_ACKS0};
use crate::producer::batch::Batch;

/// A record's flags as written by an attempt with `acks`: what the producer is
/// told depends on this attempt's acks.
#[inline(always)]
fn ack_flags(flags: u8, acks: Acks) -> u8 {
    let flags = flags & !(FLAG_ACKED | FLAG_ACKS0);
    match acks {
        Acks::None => flags | FLAG_ACKS0,
        Acks::Leader => flags | FLAG_ACKED,
        Acks::All => flags,
    }
}

/// How far back the idempotent duplicate check looks in a partition's log.
const DEDUP_WINDOW: usize = 4096;

/// What an append did.
pub(crate) struct Appended {
    /// The first and last offset written by this attempt (`None`: nothing new).
    pub first: Option<u64>,
    pub last: u64,
    /// Records written again (a retry without idempotence).
    pub duplicates: u32,
    /// Offsets of records an idempotent retry found already written.
    pub present: Option<(u64, u64)>,
    /// Each record's offset on a retry, when asked for (`offsets_wanted`).
    pub offsets: Vec<u64>,
    /// Bytes this attempt wrote to the leader's log (`Record::size`).
    pub bytes: u64,
}

impl PartitionState {
    /// Appends an attempt of `batch` written with `acks` to the leader's log.
    /// A first attempt has nothing to deduplicate: what the producer is told is
    /// set on the batch itself and it is appended in one pass. A retry checks
    /// each record: an idempotent producer's already-written records are
    /// skipped, anyone else's are written again.
    pub(crate) fn append_batch(
        &mut self,
        batch: &mut Batch,
        acks: Acks,
        idempotent: bool,
        offsets_wanted: bool,
        now: u64,
        settings: &LogSettings,
    ) -> Appended {
        let mut done = Appended { first: None, last: 0, duplicates: 0, present: None, offsets: Vec::new(), bytes: 0 };
        if batch.attempts == 1 {
            for r in &mut batch.records {
                *r = r.with_flags(ack_flags(r.flags(), acks));
                done.bytes += r.size();
            }
            if !batch.records.is_empty() {
                let o = self.log.append_slice(&batch.records, now, settings);
                done.first = Some(o);
                done.last = o + batch.records.len() as u64 - 1;
            }
            return done;
        }
        for r in &batch.records {
            if let Some(o) = self.log.find_seq(r.producer(), r.seq(), DEDUP_WINDOW) {
                if idempotent {
                    done.present = Some(done.present.map_or((o, o), |(a, b)| (a.min(o), b.max(o))));
                    if offsets_wanted {
                        done.offsets.push(o);
                    }
                    continue;
                }
                done.duplicates += 1;
            }
            let r = r.with_flags(ack_flags(r.flags(), acks));
            done.bytes += r.size();
            let o = self.log.append(r, now, settings);
            done.first.get_or_insert(o);
            done.last = o;
            if offsets_wanted {
                done.offsets.push(o);
            }
        }
        done
    }
}
