//! A log's records, stored compactly and cheap to clone.
//!
//! Records sit in fixed-size chunks of [`CHUNK`] records behind `Arc`s. Every
//! chunk but the last is full, so offset `i` is chunk `i / CHUNK`, slot
//! `i % CHUNK` (counting the records already dropped from the first chunk).
//! Why chunks and not one `VecDeque`:
//! - memory is what the records take: a full chunk has exactly `CHUNK` slots,
//!   where a deque's doubling leaves up to half its slots empty, and never
//!   shrinks after retention;
//! - retention frees memory as it deletes (whole chunks), not never;
//! - cloning a log copies one pointer per chunk, not the records: a snapshot
//!   kept for time travel shares every chunk with the live log until one side
//!   writes to it (`Arc::make_mut`-style copy on write; only the active chunk
//!   and the ones `mark_acked` touches are ever written).

use std::collections::VecDeque;
use std::sync::Arc;

use super::log::Record;

/// Records per chunk: 1 KiB of 16-byte records. Small, because a snapshot
/// shares every full chunk but the live log must copy the one it is
/// appending to (a 1,024-record chunk made a snapshot of `stress` cost
/// 1.5 MB); large enough that the chunk pointers are noise (~6 %).
pub const CHUNK: usize = 64;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Records {
    chunks: VecDeque<Arc<Vec<Record>>>,
    /// Records at the front of the first chunk that are no longer in the log.
    skip: usize,
    len: usize,
}

impl Records {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<&Record> {
        if i >= self.len {
            return None;
        }
        let at = self.skip + i;
        self.chunks.get(at / CHUNK).and_then(|c| c.get(at % CHUNK))
    }

    pub fn get_mut(&mut self, i: usize) -> Option<&mut Record> {
        if i >= self.len {
            return None;
        }
        let at = self.skip + i;
        self.chunks.get_mut(at / CHUNK).map(own).and_then(|c| c.get_mut(at % CHUNK))
    }

    /// The records `[from, to)` as contiguous slices, oldest first.
    pub fn slices(&self, from: usize, to: usize) -> impl DoubleEndedIterator<Item = &[Record]> {
        let to = to.min(self.len);
        let from = from.min(to);
        let (a, b) = (self.skip + from, self.skip + to);
        let chunks = if a == b { 0..0 } else { a / CHUNK..(b - 1) / CHUNK + 1 };
        self.chunks.range(chunks.clone()).zip(chunks).map(move |(c, k)| {
            let base = k * CHUNK;
            &c[a.max(base) - base..b.min(base + CHUNK) - base]
        })
    }

    /// Calls `f` on each record in `[from, to)`, copying a shared chunk first.
    pub fn for_each_mut(&mut self, from: usize, to: usize, mut f: impl FnMut(&mut Record)) {
        let to = to.min(self.len);
        let from = from.min(to);
        if from == to {
            return;
        }
        let (a, b) = (self.skip + from, self.skip + to);
        for k in a / CHUNK..(b - 1) / CHUNK + 1 {
            let base = k * CHUNK;
            if let Some(c) = self.chunks.get_mut(k) {
                let hi = (b.min(base + CHUNK) - base).min(c.len());
                own(c)[a.max(base) - base..hi].iter_mut().for_each(&mut f);
            }
        }
    }

    /// Appends `records` at the end.
    pub fn extend_from_slice(&mut self, mut records: &[Record]) {
        while !records.is_empty() {
            let room = match self.chunks.back() {
                Some(c) if c.len() < CHUNK => CHUNK - c.len(),
                _ => {
                    // A whole chunk at once: one allocation per 64 records.
                    self.chunks.push_back(Arc::new(Vec::with_capacity(CHUNK)));
                    CHUNK
                }
            };
            let (now, rest) = records.split_at(room.min(records.len()));
            if let Some(last) = self.chunks.back_mut() {
                own(last).extend_from_slice(now);
            }
            self.len += now.len();
            records = rest;
        }
    }

    /// Keeps the first `keep` records; returns the rest, oldest first.
    pub fn truncate(&mut self, keep: usize) -> Vec<Record> {
        if keep >= self.len {
            return Vec::new();
        }
        let removed: Vec<Record> = self.slices(keep, self.len).flatten().copied().collect();
        let end = self.skip + keep;
        // Chunks wholly past the new end go; the one the end falls in is cut.
        let chunks = end.div_ceil(CHUNK);
        self.chunks.truncate(chunks);
        if let Some(last) = self.chunks.back_mut() {
            let cut = end - (chunks - 1) * CHUNK;
            if cut < last.len() {
                own(last).truncate(cut);
            }
        }
        self.len = keep;
        if self.len == 0 {
            self.chunks.clear();
            self.skip = 0;
        }
        removed
    }

    /// Drops the first `n` records (retention), freeing every chunk left empty.
    pub fn drop_front(&mut self, n: usize) {
        let n = n.min(self.len);
        self.len -= n;
        if self.len == 0 {
            self.chunks.clear();
            self.skip = 0;
            return;
        }
        self.skip += n;
        let whole = self.skip / CHUNK;
        self.chunks.drain(..whole);
        self.skip -= whole * CHUNK;
    }

    /// Bytes of memory the records hold (chunk slots, shared or not).
    pub fn heap_bytes(&self) -> usize {
        self.chunks.iter().map(|c| c.capacity()).sum::<usize>() * std::mem::size_of::<Record>()
    }
}

/// The chunk, made this log's own: copied first if a clone of the log
/// still shares it (keeping a whole chunk's room when it is not full, since
/// only the last chunk is ever partly filled and it is the one appended to).
fn own(chunk: &mut Arc<Vec<Record>>) -> &mut Vec<Record> {
    if Arc::get_mut(chunk).is_none() {
        let mut copy = Vec::with_capacity(if chunk.len() < CHUNK { CHUNK } else { chunk.len() });
        copy.extend_from_slice(chunk);
        *chunk = Arc::new(copy);
    }
    Arc::get_mut(chunk).expect("a chunk just copied has one owner")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::SimRng;

    fn rec(i: u32) -> Record {
        Record::new(i, 100, 0, 0, i, u64::from(i))
    }

    /// The chunked store behaves like a plain `VecDeque` under a seeded mix of
    /// appends, front drops, truncations, writes and clones, including writes
    /// to a clone (copy on write must leave the other side untouched).
    #[test]
    fn matches_a_deque_under_random_operations() {
        for seed in 0..40 {
            let mut rng = SimRng::new(seed);
            let (mut store, mut model) = (Records::default(), VecDeque::<Record>::new());
            let mut next = 0u32;
            let mut kept: Vec<(Records, VecDeque<Record>)> = Vec::new();
            for _ in 0..400 {
                match rng.below(6) {
                    0 | 1 => {
                        let n = rng.below(2500);
                        let batch: Vec<Record> = (next..next + n).map(rec).collect();
                        next += n;
                        store.extend_from_slice(&batch);
                        model.extend(batch);
                    }
                    2 => {
                        let n = rng.below(model.len() as u32 + 1) as usize;
                        store.drop_front(n);
                        model.drain(..n);
                    }
                    3 => {
                        let keep = rng.below(model.len() as u32 + 1) as usize;
                        let removed = store.truncate(keep);
                        let expected: Vec<Record> = model.drain(keep..).collect();
                        assert_eq!(removed, expected, "seed {seed}");
                    }
                    4 => {
                        let len = model.len() as u32;
                        let (a, b) = (rng.below(len + 1) as usize, rng.below(len + 1) as usize);
                        let (a, b) = (a.min(b), a.max(b));
                        store.for_each_mut(a, b, |r| *r = r.with_flag(1));
                        model.range_mut(a..b).for_each(|r| *r = r.with_flag(1));
                    }
                    _ => kept.push((store.clone(), model.clone())),
                }
                assert_eq!(store.len(), model.len());
                let all: Vec<Record> = store.slices(0, store.len()).flatten().copied().collect();
                assert_eq!(all, Vec::from(model.clone()), "seed {seed}");
                if let Some(i) = (!model.is_empty()).then(|| rng.below(model.len() as u32) as usize) {
                    assert_eq!(store.get(i), model.get(i));
                }
                assert!(store.chunks.iter().rev().skip(1).all(|c| c.len() == CHUNK), "only the last chunk is partial");
                assert!(store.skip < CHUNK);
            }
            for (copy, model) in kept {
                let all: Vec<Record> = copy.slices(0, copy.len()).flatten().copied().collect();
                assert_eq!(all, Vec::from(model), "a clone is not changed by writes to the original (seed {seed})");
            }
        }
    }

    #[test]
    fn full_chunks_have_no_empty_slots_and_retention_frees_them() {
        let mut store = Records::default();
        let batch: Vec<Record> = (0..10 * CHUNK as u32).map(rec).collect();
        for part in batch.chunks(7) {
            store.extend_from_slice(part);
        }
        assert_eq!(store.heap_bytes(), 10 * CHUNK * 16);
        store.drop_front(4 * CHUNK + 5);
        assert_eq!(store.heap_bytes(), 6 * CHUNK * 16);
        assert_eq!(store.get(0), Some(&rec(4 * CHUNK as u32 + 5)));
    }

    #[test]
    fn a_clone_shares_its_chunks_until_written() {
        let mut store = Records::default();
        store.extend_from_slice(&(0..3 * CHUNK as u32).map(rec).collect::<Vec<_>>());
        let copy = store.clone();
        assert!(store.chunks.iter().zip(&copy.chunks).all(|(a, b)| Arc::ptr_eq(a, b)));
        store.for_each_mut(5, 6, |r| *r = r.with_flag(1));
        assert!(!Arc::ptr_eq(&store.chunks[0], &copy.chunks[0]), "the written chunk was copied");
        assert!(Arc::ptr_eq(&store.chunks[1], &copy.chunks[1]), "the others are still shared");
        assert_eq!(copy.get(5).map(|r| r.flags()), Some(0));
    }
}
