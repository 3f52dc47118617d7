//! A partition's log: an append-only sequence of records in segments, with
//! Kafka's segment rolling and retention (size and time), deleting whole
//! segments from the head and advancing the log start offset.
//!
//! Rules from Kafka's storage layer:
//! - `LogSegment.shouldRoll`: a new segment starts when the record would not fit
//!   in `segment.bytes`, or when the active segment's first record is older than
//!   `segment.ms`.
//! - `UnifiedLog.deleteOldSegments` / `deletableSegments`: a segment may go only
//!   when every record in it is below the high watermark and a retention rule
//!   holds: `retention.ms` (now − the segment's largest timestamp > retention.ms)
//!   or `retention.bytes` (the log would still be at least that large without it).
//!   The active segment may go too (then an empty one is rolled), but never an
//!   empty last segment.

use std::collections::VecDeque;

use super::records::Records;

/// Key id meaning "no key" (a null key).
pub const NULL_KEY: u32 = u32::MAX;

/// Bytes of a record batch's header before its first record
/// (`DefaultRecordBatch.RECORD_BATCH_OVERHEAD`, message format v2): base offset,
/// length, leader epoch, magic, CRC, attributes, last offset delta, base and max
/// timestamps, producer id, epoch, base sequence and record count.
pub const RECORD_BATCH_OVERHEAD: u32 = 61;

/// The producer received an acknowledgement for this record.
pub const FLAG_ACKED: u8 = 1;
/// Sent with acks=0: the producer never learns its fate.
pub const FLAG_ACKS0: u8 = 2;
/// The first record of its producer batch: it carries the batch header
/// ([`RECORD_BATCH_OVERHEAD`]) in the log, on the wire to followers and to consumers.
pub const FLAG_BATCH_HEAD: u8 = 4;

/// One record, in 16 bytes. Offsets are implicit (position in the log).
///
/// Packed because every replica of every retained record is one of these (the
/// bulk of the simulator's memory): the key as an index into the cluster's key
/// table, the producer's sequence number, the CreateTime in simulated ms as a
/// `u32` (49.7 days; later times saturate, far beyond the 24-hour run limit),
/// and one word holding the size ([`SIZE_BITS`] bits: a record is at most
/// `limits::MAX_VALUE_BYTES` + `limits::MAX_KEY_BYTES` + its framing), the
/// flags (3 bits) and the producer's index (8 bits: `limits::MAX_PRODUCERS`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    key: u32,
    seq: u32,
    timestamp_ms: u32,
    packed: u32,
}

/// Bits of [`Record`]'s packed word that hold its size.
pub const SIZE_BITS: u32 = 21;
const SIZE_MASK: u32 = (1 << SIZE_BITS) - 1;
const FLAG_SHIFT: u32 = SIZE_BITS;
const PRODUCER_SHIFT: u32 = SIZE_BITS + 3;

const _: () = assert!(std::mem::size_of::<Record>() == 16);
const _: () = assert!(
    crate::limits::MAX_VALUE_BYTES as u64 + crate::limits::MAX_KEY_BYTES as u64 + 64 + RECORD_BATCH_OVERHEAD as u64
        <= SIZE_MASK as u64
);
const _: () = assert!(crate::limits::MAX_PRODUCERS <= 1 << (32 - PRODUCER_SHIFT));

impl Record {
    /// `key`: a key table index or [`NULL_KEY`]; `bytes`: see [`Record::size`];
    /// `producer`: the sending producer's index; `flags`: `FLAG_*`.
    pub fn new(key: u32, bytes: u32, producer: u16, flags: u8, seq: u32, timestamp_ms: u64) -> Self {
        debug_assert!(bytes <= SIZE_MASK && flags < 8 && usize::from(producer) < crate::limits::MAX_PRODUCERS);
        let packed = bytes.min(SIZE_MASK) | u32::from(flags & 7) << FLAG_SHIFT | u32::from(producer) << PRODUCER_SHIFT;
        Self { key, seq, timestamp_ms: u32::try_from(timestamp_ms).unwrap_or(u32::MAX), packed }
    }

    /// Index into the cluster's key table, or [`NULL_KEY`].
    #[inline(always)]
    pub fn key(&self) -> u32 {
        self.key
    }

    /// The producer's sequence number for this record (0, 1, 2, ...).
    #[inline(always)]
    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// CreateTime in simulated ms.
    #[inline(always)]
    pub fn timestamp_ms(&self) -> u64 {
        u64::from(self.timestamp_ms)
    }

    /// Index of the producer that sent it.
    #[inline(always)]
    pub fn producer(&self) -> u16 {
        (self.packed >> PRODUCER_SHIFT) as u16
    }

    /// [`FLAG_ACKED`], [`FLAG_ACKS0`]: what the producer was told;
    /// [`FLAG_BATCH_HEAD`]: the first record of its batch.
    #[inline(always)]
    pub fn flags(&self) -> u8 {
        (self.packed >> FLAG_SHIFT & 7) as u8
    }

    /// The same record with `flag` set too.
    #[inline(always)]
    pub fn with_flag(self, flag: u8) -> Self {
        Self { packed: self.packed | u32::from(flag & 7) << FLAG_SHIFT, ..self }
    }

    /// The same record with its flags replaced.
    #[inline(always)]
    pub fn with_flags(self, flags: u8) -> Self {
        Self { packed: self.packed & !(7 << FLAG_SHIFT) | u32::from(flags & 7) << FLAG_SHIFT, ..self }
    }

    /// Bytes it takes in the log and on the wire: its size in its batch
    /// (`DefaultRecord.sizeInBytes`, see [`record_size`]), plus the batch header
    /// ([`RECORD_BATCH_OVERHEAD`]) if it is its batch's first record
    /// ([`FLAG_BATCH_HEAD`]). Kept whole so the per-record paths just add it.
    #[inline(always)]
    pub fn size(&self) -> u64 {
        u64::from(self.packed & SIZE_MASK)
    }

    /// The record's own size (`DefaultRecord.sizeInBytes`), without its batch's header.
    pub fn own_size(&self) -> u32 {
        let header = if self.flags() & FLAG_BATCH_HEAD != 0 { RECORD_BATCH_OVERHEAD } else { 0 };
        (self.packed & SIZE_MASK).saturating_sub(header)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub base_offset: u64,
    pub size_bytes: u64,
    /// Timestamp of the first record (drives `segment.ms` rolling).
    pub first_timestamp_ms: Option<u64>,
    /// Largest record timestamp (drives `retention.ms`).
    pub largest_timestamp_ms: u64,
}

impl Segment {
    /// A segment with nothing in it yet, starting at `base_offset`.
    fn empty(base_offset: u64) -> Self {
        Self { base_offset, size_bytes: 0, first_timestamp_ms: None, largest_timestamp_ms: 0 }
    }
}

/// Retention and segment settings, as the log sees them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogSettings {
    pub retention_ms: i64,
    pub retention_bytes: i64,
    pub segment_bytes: i64,
    pub segment_ms: i64,
}

/// Why segments were deleted (serialised as the config's name).
#[derive(Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DeletionReason {
    #[serde(rename = "retention.ms")]
    RetentionMs,
    #[serde(rename = "retention.bytes")]
    RetentionBytes,
}

/// What a retention pass removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deletion {
    pub reason: DeletionReason,
    pub segments: u32,
    pub from_offset: u64,
    /// The new log start offset (first offset kept).
    pub to_offset: u64,
    pub bytes: u64,
}

/// How much one append may take (a follower fetch's `replica.fetch.max.bytes`).
#[derive(Clone, Copy)]
struct Limit {
    bytes: u64,
    /// Take the first record even if it is larger (Kafka returns at least one
    /// batch so a fetch always makes progress).
    take_first: bool,
}

/// A leader's append takes everything.
const NO_LIMIT: Limit = Limit { bytes: u64::MAX, take_first: true };

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Log {
    start_offset: u64,
    records: Records,
    /// Per-record sizes are recomputable; keep per-segment totals only.
    segments: VecDeque<Segment>,
    size_bytes: u64,
}

impl Default for Log {
    fn default() -> Self {
        Self::new()
    }
}

impl Log {
    pub fn new() -> Self {
        Self::starting_at(0)
    }

    /// An empty log whose next offset is `offset`.
    pub fn starting_at(offset: u64) -> Self {
        let mut segments = VecDeque::new();
        segments.push_back(Segment::empty(offset));
        Self { start_offset: offset, records: Records::default(), segments, size_bytes: 0 }
    }

    pub fn log_start_offset(&self) -> u64 {
        self.start_offset
    }

    pub fn log_end_offset(&self) -> u64 {
        self.start_offset + self.records.len() as u64
    }

    pub fn size_bytes(&self) -> u64 {
        self.size_bytes
    }

    /// Bytes of memory its records take (what the simulator spends, not the
    /// simulated disk: see [`Log::size_bytes`] for that).
    pub fn heap_bytes(&self) -> usize {
        self.records.heap_bytes()
    }

    pub fn segments(&self) -> impl ExactSizeIterator<Item = &Segment> {
        self.segments.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    pub fn len(&self) -> u64 {
        self.records.len() as u64
    }

    /// Mutable access to the record at `offset` (to mark it acknowledged).
    pub fn get_mut(&mut self, offset: u64) -> Option<&mut Record> {
        offset.checked_sub(self.start_offset).and_then(|i| self.records.get_mut(i as usize))
    }

    /// Whether the log holds a record from `producer` with sequence `seq`,
    /// looking back at most `window` records (the idempotent producer's
    /// duplicate check; the broker keeps recent batch sequences per producer).
    pub fn contains_seq(&self, producer: u16, seq: u32, window: usize) -> bool {
        self.find_seq(producer, seq, window).is_some()
    }

    /// The offset of the record from `producer` with sequence `seq`, looking
    /// back at most `window` records.
    pub fn find_seq(&self, producer: u16, seq: u32, window: usize) -> Option<u64> {
        let end = self.log_end_offset();
        self.records
            .slices(0, self.records.len())
            .rev()
            .flat_map(|part| part.iter().rev())
            .take(window)
            .position(|r| r.producer() == producer && r.seq() == seq)
            .map(|i| end - 1 - i as u64)
    }

    /// The record at `offset`, if it is still in the log.
    pub fn get(&self, offset: u64) -> Option<&Record> {
        offset.checked_sub(self.start_offset).and_then(|i| self.records.get(i as usize))
    }

    /// Bytes of the records in `[from, to)` still in the log (`Record::size`).
    pub fn bytes_in(&self, from: u64, to: u64) -> u64 {
        let from = from.max(self.start_offset).min(self.log_end_offset());
        let to = to.min(self.log_end_offset()).max(from);
        let (i, j) = ((from - self.start_offset) as usize, (to - self.start_offset) as usize);
        self.records.slices(i, j).map(|part| part.iter().map(Record::size).sum::<u64>()).sum()
    }

    /// Records in `[from, to)` that are still in the log.
    pub fn range(&self, from: u64, to: u64) -> impl Iterator<Item = (u64, &Record)> {
        let from = from.max(self.start_offset).min(self.log_end_offset());
        let to = to.min(self.log_end_offset()).max(from);
        let base = self.start_offset;
        self.records
            .slices((from - base) as usize, (to - base) as usize)
            .flatten()
            .enumerate()
            .map(move |(i, r)| (from + i as u64, r))
    }

    /// Appends a record at `now_ms`, rolling a segment first if Kafka would.
    /// Returns its offset.
    pub fn append(&mut self, record: Record, now_ms: u64, settings: &LogSettings) -> u64 {
        self.append_each::<false>(std::slice::from_ref(&record), settings, |_| now_ms, NO_LIMIT).0
    }

    /// Appends `records` in order at `now_ms`, exactly as that many [`Log::append`]
    /// calls would, in one pass (the records are copied in bulk). Returns the
    /// offset of the first.
    pub fn append_slice(&mut self, records: &[Record], now_ms: u64, settings: &LogSettings) -> u64 {
        self.append_each::<false>(records, settings, |_| now_ms, NO_LIMIT).0
    }

    /// A follower's fetch from the leader (`ReplicaFetcherThread`): copies the
    /// leader's records from `from` on, each appended at its own timestamp, up to
    /// `max_bytes` (`replica.fetch.max.bytes`; the first record is always taken).
    /// Returns how many records and how many bytes were copied.
    pub fn append_from(&mut self, leader: &Log, from: u64, max_bytes: u64, settings: &LogSettings) -> (u64, u64) {
        let from = from.max(leader.start_offset).min(leader.log_end_offset());
        let i = (from - leader.start_offset) as usize;
        let (mut copied, mut bytes) = (0, 0);
        for part in leader.records.slices(i, leader.records.len()) {
            let limit = Limit { bytes: max_bytes - bytes.min(max_bytes), take_first: copied == 0 };
            let (_, n, added) = self.append_each::<true>(part, settings, |r| r.timestamp_ms(), limit);
            copied += n as u64;
            bytes += added;
            if n < part.len() {
                break;
            }
        }
        (copied, bytes)
    }

    /// The one append loop: per record, `LogSegment.shouldRoll` at `now_of(record)`
    /// and the active segment's totals, kept in a local until the end; if
    /// `LIMITED` (a fetch; a leader's append is not) it stops before the record
    /// that would take it past `limit`. Returns the first offset, how many
    /// records and how many bytes it appended.
    fn append_each<const LIMITED: bool>(
        &mut self,
        records: &[Record],
        s: &LogSettings,
        now_of: impl Fn(&Record) -> u64,
        limit: Limit,
    ) -> (u64, usize, u64) {
        let first = self.log_end_offset();
        let segment_bytes = s.segment_bytes.max(0) as u64;
        let segment_ms = s.segment_ms.max(0) as u64;
        // There is always an active segment (`starting_at` creates one and
        // retention rolls a fresh one); without one, the first record rolls one.
        let mut seg = self.segments.pop_back().unwrap_or_else(|| Segment::empty(first));
        let mut added = 0;
        let mut n = records.len();
        for (i, record) in records.iter().enumerate() {
            let bytes = record.size();
            if LIMITED && added + bytes > limit.bytes && !(limit.take_first && i == 0) {
                n = i;
                break;
            }
            if seg.size_bytes != 0 {
                let full = seg.size_bytes + bytes > segment_bytes;
                let old = seg.first_timestamp_ms.is_some_and(|t| now_of(record).saturating_sub(t) > segment_ms);
                if full || old {
                    let rolled = std::mem::replace(&mut seg, Segment::empty(first + i as u64));
                    self.segments.push_back(rolled);
                }
            }
            seg.size_bytes += bytes;
            let ts = record.timestamp_ms();
            seg.first_timestamp_ms.get_or_insert(ts);
            seg.largest_timestamp_ms = seg.largest_timestamp_ms.max(ts);
            added += bytes;
        }
        self.segments.push_back(seg);
        self.size_bytes += added;
        self.records.extend_from_slice(&records[..n]);
        (first, n, added)
    }

    /// Sets [`FLAG_ACKED`] on `producer`'s records in `[first, last]` still in the log.
    pub fn mark_acked(&mut self, first: u64, last: u64, producer: u16) {
        let from = first.max(self.start_offset).min(self.log_end_offset());
        let to = last.saturating_add(1).min(self.log_end_offset()).max(from);
        let (i, j) = ((from - self.start_offset) as usize, (to - self.start_offset) as usize);
        self.records.for_each_mut(i, j, |r| {
            if r.producer() == producer {
                *r = r.with_flag(FLAG_ACKED);
            }
        });
    }

    /// Clears [`FLAG_ACKED`] and [`FLAG_ACKS0`] on the copies in this log of
    /// `records` (offset, record): an election already booked them as lost.
    pub fn forget_ledger_flags(&mut self, records: &[(u64, Record)]) {
        let (Some(&(first, _)), Some(&(last, _))) = (records.first(), records.last()) else { return };
        let from = first.max(self.start_offset).min(self.log_end_offset());
        let to = last.saturating_add(1).min(self.log_end_offset()).max(from);
        let (i, j) = ((from - self.start_offset) as usize, (to - self.start_offset) as usize);
        let mut lost = records.iter().skip_while(|(o, _)| *o < from).peekable();
        let mut offset = from;
        self.records.for_each_mut(i, j, |r| {
            while lost.peek().is_some_and(|(o, _)| *o < offset) {
                lost.next();
            }
            let same = |l: &Record| (l.producer(), l.seq(), l.key()) == (r.producer(), r.seq(), r.key());
            if lost.peek().is_some_and(|(o, l)| *o == offset && same(l)) {
                *r = r.with_flags(r.flags() & !(FLAG_ACKED | FLAG_ACKS0));
            }
            offset += 1;
        });
    }

    /// Removes every record at or after `offset` (follower truncation and
    /// unclean elections). Returns the removed records, oldest first.
    pub fn truncate_to(&mut self, offset: u64) -> Vec<Record> {
        if offset >= self.log_end_offset() {
            return Vec::new();
        }
        let offset = offset.max(self.start_offset);
        let keep = (offset - self.start_offset) as usize;
        let removed = self.records.truncate(keep);
        while self.segments.len() > 1 && self.segments.back().is_some_and(|s| s.base_offset >= offset) {
            if let Some(seg) = self.segments.pop_back() {
                self.size_bytes -= seg.size_bytes;
            }
        }
        self.recompute_segment_tail(offset);
        removed
    }

    /// Rebuilds the last segment's totals after a truncation inside it.
    fn recompute_segment_tail(&mut self, end: u64) {
        let Some(last) = self.segments.back() else {
            return;
        };
        let base = last.base_offset.max(self.start_offset);
        let mut size = 0;
        let mut first = None;
        let mut largest = 0;
        for (_, r) in self.range(base, end) {
            size += r.size();
            first.get_or_insert(r.timestamp_ms());
            largest = largest.max(r.timestamp_ms());
        }
        if let Some(seg) = self.segments.back_mut() {
            let removed = seg.size_bytes.saturating_sub(size);
            seg.size_bytes = size;
            seg.first_timestamp_ms = first;
            seg.largest_timestamp_ms = largest;
            self.size_bytes -= removed;
        }
    }

    /// Applies retention at `now_ms`; only records below `high_watermark` may go.
    pub fn apply_retention(&mut self, now_ms: u64, high_watermark: u64, s: &LogSettings) -> Vec<Deletion> {
        let mut out = Vec::new();
        if s.retention_ms >= 0 {
            let limit = s.retention_ms as u64;
            let n = self.deletable(high_watermark, |seg, _| now_ms.saturating_sub(seg.largest_timestamp_ms) > limit);
            if let Some(d) = self.delete_head_segments(n, DeletionReason::RetentionMs) {
                out.push(d);
            }
        }
        if s.retention_bytes >= 0 {
            let mut diff = self.size_bytes as i64 - s.retention_bytes;
            let n = self.deletable(high_watermark, |seg, _| {
                if diff - seg.size_bytes as i64 >= 0 {
                    diff -= seg.size_bytes as i64;
                    true
                } else {
                    false
                }
            });
            if let Some(d) = self.delete_head_segments(n, DeletionReason::RetentionBytes) {
                out.push(d);
            }
        }
        out
    }

    /// How many head segments pass `predicate` and lie wholly below the HW.
    fn deletable(&self, high_watermark: u64, mut predicate: impl FnMut(&Segment, Option<&Segment>) -> bool) -> usize {
        let mut n = 0;
        let leo = self.log_end_offset();
        for (i, seg) in self.segments.iter().enumerate() {
            let next = self.segments.get(i + 1);
            let upper = next.map_or(leo, |s| s.base_offset);
            let last_and_empty = next.is_none() && seg.size_bytes == 0;
            if high_watermark >= upper && !last_and_empty && predicate(seg, next) {
                n += 1;
            } else {
                break;
            }
        }
        n
    }

    fn delete_head_segments(&mut self, n: usize, reason: DeletionReason) -> Option<Deletion> {
        if n == 0 {
            return None;
        }
        let from = self.start_offset;
        let all = n == self.segments.len();
        let mut bytes = 0;
        for _ in 0..n {
            if let Some(seg) = self.segments.pop_front() {
                bytes += seg.size_bytes;
            }
        }
        let new_start = if all { self.log_end_offset() } else { self.segments.front().map_or(from, |s| s.base_offset) };
        let drop = (new_start - self.start_offset) as usize;
        self.records.drop_front(drop);
        self.start_offset = new_start;
        self.size_bytes -= bytes;
        if all {
            // UnifiedLog rolls a new active segment when retention removed them all.
            self.segments.push_back(Segment::empty(new_start));
        }
        Some(Deletion { reason, segments: n as u32, from_offset: from, to_offset: new_start, bytes })
    }
}

/// `ByteUtils.sizeOfVarint`: bytes of `value` as a zig-zag varint (1 to 5).
#[inline(always)]
pub fn size_of_varint(value: i32) -> u32 {
    let v = ((value << 1) ^ (value >> 31)) as u32;
    // One byte per started group of 7 bits, at least one; Kafka's division by
    // 7 as a multiplication (no `div`).
    let lz = v.leading_zeros();
    (((38 - lz) * 0b10010010010010011) >> 19) + (lz >> 5)
}

/// `ByteUtils.sizeOfVarlong`: bytes of `value` as a zig-zag varlong (1 to 10).
#[inline(always)]
pub fn size_of_varlong(value: i64) -> u32 {
    let v = ((value << 1) ^ (value >> 63)) as u64;
    let lz = v.leading_zeros();
    (((70 - lz) * 0b10010010010010011) >> 19) + (lz >> 6)
}

/// [`size_of_varlong`] of a value known to be non-negative (every length and
/// delta of a record): its zig-zag form is `2 × v`, so the common one- and
/// two-byte sizes are one comparison each (the per-record path).
#[inline(always)]
fn size_of_non_negative(v: u64) -> u32 {
    if v < 1 << 6 {
        1
    } else if v < 1 << 13 {
        2
    } else {
        size_of_varlong(v.min(i64::MAX as u64) as i64)
    }
}

/// `DefaultRecord.sizeInBytes` (message format v2) of a record with no headers:
/// varint(body size) + body, where body = attributes (1) + varlong(timestamp
/// delta) + varint(offset delta) + varint(key length) + key + varint(value
/// length) + value + varint(header count = 0). A null key is length −1 (one
/// byte, `NULL_VARINT_SIZE_BYTES`), the same size as an empty key, so `key_len`
/// 0 stands for both.
#[inline(always)]
pub fn record_size(key_len: u32, value_len: u32, offset_delta: u32, timestamp_delta: u64) -> u32 {
    let fixed = record_body_fixed(key_len, size_of_length(value_len));
    record_size_at(fixed, offset_delta, timestamp_delta)
}

/// A length prefix and the bytes it counts: `varint(len) + len`.
#[inline(always)]
pub fn size_of_length(len: u32) -> u32 {
    size_of_non_negative(u64::from(len)) + len
}

/// The part of a record's body that does not depend on its place in the
/// batch: attributes (1), key and value with their lengths (`value` already
/// as [`size_of_length`]), header count (1).
#[inline(always)]
pub fn record_body_fixed(key_len: u32, value: u32) -> u32 {
    1 + size_of_length(key_len) + value + 1
}

/// [`record_size`] from the record's [`record_body_fixed`] and its deltas.
#[inline(always)]
pub fn record_size_at(fixed: u32, offset_delta: u32, timestamp_delta: u64) -> u32 {
    let body = fixed + size_of_non_negative(u64::from(offset_delta)) + size_of_non_negative(timestamp_delta);
    body + size_of_non_negative(u64::from(body))
}

/// A record's size at the head of its batch (offset and timestamp delta 0): what
/// the producer's partitioner counts towards `batch.size` for it.
pub fn record_bytes(key_len: u32, value_bytes: u32) -> u32 {
    record_size(key_len, value_bytes, 0, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ByteUtils.sizeOfVarint`/`sizeOfVarlong`: one byte per started 7-bit group
    /// of the zig-zag value, checked against the plain division around every
    /// group boundary.
    #[test]
    fn varint_sizes_are_seven_bit_groups_of_the_zigzag_value() {
        let groups = |v: u64| (64 - (v | 1).leading_zeros()).div_ceil(7);
        for bits in 0..64u32 {
            for z in [(1u64 << bits).wrapping_sub(1), 1u64 << bits, (1u64 << bits) + 1] {
                let (long, int) = ((z >> 1) as i64 ^ -((z & 1) as i64), z as u32);
                assert_eq!(size_of_varlong(long), groups(z), "zig-zag {z}");
                let int = (int >> 1) as i32 ^ -((int & 1) as i32);
                assert_eq!(size_of_varint(int), groups(u64::from(z as u32)), "zig-zag {}", z as u32);
            }
            for v in [(1u64 << bits) - 1, 1u64 << bits] {
                assert_eq!(size_of_non_negative(v), size_of_varlong(v.min(i64::MAX as u64) as i64), "{v}");
            }
        }
    }

    fn rec(ts: u64, bytes: u32) -> Record {
        Record::new(NULL_KEY, bytes, 0, 0, 0, ts)
    }

    fn settings(segment_bytes: i64, retention_bytes: i64, retention_ms: i64) -> LogSettings {
        LogSettings { retention_ms, retention_bytes, segment_bytes, segment_ms: 604_800_000 }
    }

    #[test]
    fn offsets_start_at_zero_and_are_contiguous() {
        let mut log = Log::new();
        let s = settings(1 << 30, -1, -1);
        for i in 0..5 {
            assert_eq!(log.append(rec(i, 10), i, &s), i);
        }
        assert_eq!((log.log_start_offset(), log.log_end_offset()), (0, 5));
        assert_eq!(log.range(1, 3).map(|(o, _)| o).collect::<Vec<_>>(), vec![1, 2]);
    }

    /// LogSegment.shouldRoll: a record that would overflow segment.bytes starts a new segment.
    #[test]
    fn segment_rolls_when_full() {
        let mut log = Log::new();
        let s = settings(100, -1, -1);
        for i in 0..10 {
            log.append(rec(i, 30), i, &s);
        }
        // 3 records (90 B) fit per segment.
        let bases: Vec<u64> = log.segments().map(|s| s.base_offset).collect();
        assert_eq!(bases, vec![0, 3, 6, 9]);
    }

    /// LogSegment.shouldRoll: segment.ms after the first record rolls the segment.
    #[test]
    fn segment_rolls_after_segment_ms() {
        let mut log = Log::new();
        let s = LogSettings { segment_ms: 1000, ..settings(1 << 30, -1, -1) };
        log.append(rec(0, 10), 0, &s);
        log.append(rec(900, 10), 900, &s);
        log.append(rec(1001, 10), 1001, &s);
        assert_eq!(log.segments().map(|s| s.base_offset).collect::<Vec<_>>(), vec![0, 2]);
    }

    /// UnifiedLog.deleteRetentionSizeBreachedSegments: delete head segments while
    /// the log stays at least retention.bytes without them.
    #[test]
    fn retention_bytes_deletes_whole_head_segments() {
        let mut log = Log::new();
        let s = settings(100, 150, -1);
        for i in 0..10 {
            log.append(rec(i, 30), i, &s);
        }
        // 300 B in segments of 90, 90, 90, 30. Over by 150: first segment (90) goes, 60 left < 90.
        let d = log.apply_retention(10, 10, &s);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].from_offset, d[0].to_offset, d[0].segments), (0, 3, 1));
        assert_eq!(log.log_start_offset(), 3);
        assert_eq!(log.size_bytes(), 210);
        assert!(log.get(2).is_none() && log.get(3).is_some());
    }

    /// UnifiedLog.deletableSegments: nothing at or above the high watermark is deleted.
    #[test]
    fn retention_never_deletes_above_high_watermark() {
        let mut log = Log::new();
        let s = settings(100, 0, -1);
        for i in 0..6 {
            log.append(rec(i, 30), i, &s);
        }
        // retention.bytes 0 would delete both segments of 90 B; [3,6) reaches past HW 4.
        let d = log.apply_retention(10, 4, &s);
        let only_below_hw =
            Deletion { reason: DeletionReason::RetentionBytes, segments: 1, from_offset: 0, to_offset: 3, bytes: 90 };
        assert_eq!(d, vec![only_below_hw], "segment [3,6) reaches past HW 4 and must stay");
        assert_eq!((log.log_start_offset(), log.size_bytes()), (3, 90));
        assert!(log.get(2).is_none() && log.get(3).is_some() && log.get(5).is_some());
    }

    /// UnifiedLog.deleteRetentionMsBreachedSegments, including the active segment
    /// (then an empty segment is rolled at the log end offset).
    #[test]
    fn retention_ms_can_delete_everything_and_rolls_a_new_segment() {
        let mut log = Log::new();
        let s = settings(100, -1, 1000);
        for i in 0..5 {
            log.append(rec(i * 10, 30), i * 10, &s);
        }
        // Segments [0,3) (newest ts 20) and [3,5) (newest ts 40).
        assert!(log.apply_retention(1020, 5, &s).is_empty(), "not older than retention.ms yet");
        let d = log.apply_retention(1021, 5, &s);
        assert_eq!((d[0].from_offset, d[0].to_offset), (0, 3));
        let d = log.apply_retention(1041, 5, &s);
        assert_eq!(d[0].reason, DeletionReason::RetentionMs);
        assert_eq!((log.log_start_offset(), log.log_end_offset(), log.size_bytes()), (5, 5, 0));
        assert_eq!(log.segments().count(), 1);
        assert_eq!(log.append(rec(2000, 30), 2000, &s), 5, "offsets continue after deletion");
    }

    #[test]
    fn truncation_removes_the_tail_and_fixes_segment_sizes() {
        let mut log = Log::new();
        let s = settings(100, -1, -1);
        for i in 0..8 {
            log.append(rec(i, 30), i, &s);
        }
        let removed = log.truncate_to(4);
        assert_eq!(removed.len(), 4);
        assert_eq!(log.log_end_offset(), 4);
        assert_eq!(log.size_bytes(), 120);
        assert_eq!(log.segments().map(|s| (s.base_offset, s.size_bytes)).collect::<Vec<_>>(), vec![(0, 90), (3, 30)]);
        assert_eq!(log.append(rec(9, 30), 9, &s), 4);
    }
}
