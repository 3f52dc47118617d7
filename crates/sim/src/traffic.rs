//! Byte accounting: what each broker, topic, producer and group moves, as the
//! totals and per-second rates an admin reads off Kafka's
//! `BrokerTopicMetrics` (BytesInPerSec, BytesOutPerSec, ReplicationBytesInPerSec,
//! ReplicationBytesOutPerSec) and the producer's `record-send-rate` / `byte-rate`.
//!
//! A record's bytes are its message format v2 size (`Record::size`: the
//! `DefaultRecord` plus, on a batch's first record, the `DefaultRecordBatch`
//! header). The flows are counted where they happen: a leader's append
//! (`Cluster::send`), a follower's fetch (`PartitionState::fetch_round`, as
//! `ReplicaFetcherThread`) and a consumer's poll (`GroupState::one_poll`).
//! Rates are over the last simulated second: a ring of per-tick counts, so they
//! are deterministic and O(1) per tick.

/// A count (bytes or records): the total since the start and the part of it
/// counted in the last `ring.len()` ticks.
#[derive(Clone, Debug, Default)]
pub(crate) struct Meter {
    pub total: u64,
    /// Counted since the last tick; folded into `ring` at the next one. Kept
    /// apart so `add`, inlined wherever bytes are counted, is two additions
    /// with no branch, allocation or bounds check (the opt-level "z" wasm
    /// build ran measurably slower with the ring update inlined there).
    current: u64,
    /// Per-tick counts of the ticks before the current one; `at` is the
    /// current tick's slot.
    ring: Vec<u64>,
    at: usize,
    /// Sum of `ring`.
    window_sum: u64,
}

impl Meter {
    #[inline(always)]
    pub fn add(&mut self, n: u64) {
        self.total += n;
        self.current += n;
    }

    /// A new tick starts: the current tick's count joins the ring and the
    /// oldest tick's count leaves the window of `window` ticks.
    pub fn tick(&mut self, window: usize) {
        if self.current != 0 && self.ring.is_empty() {
            self.ring.push(0);
        }
        if let Some(slot) = self.ring.get_mut(self.at) {
            *slot += self.current;
        }
        self.window_sum += std::mem::take(&mut self.current);
        if self.ring.len() != window {
            self.ring.resize(window.max(1), 0);
        }
        // A slice, not the Vec: a `Vec<u64>` index here made the wasm build
        // (opt-level "z") outline `Vec::index` for the engine's other uses too.
        let ring: &mut [u64] = &mut self.ring;
        self.at = (self.at + 1) % ring.len();
        self.window_sum -= ring[self.at];
        ring[self.at] = 0;
    }

    /// The count per simulated second over the window of ticks of `step_ms`
    /// (exactly the last second's count when `step_ms` divides 1000).
    pub fn per_s(&self, step_ms: u64) -> u64 {
        let window_ms = self.ring.len().max(1) as u64 * step_ms;
        let sum = self.window_sum + self.current;
        (u128::from(sum) * 1000 / u128::from(window_ms.max(1))) as u64
    }
}

/// Ticks in the rate window: the fewest that span a simulated second.
pub(crate) fn window_ticks(step_ms: u64) -> usize {
    // ⌈1000 / step⌉ for step ≥ 1, without `u64::div_ceil`: a second caller of it
    // made the wasm build (opt-level "z") outline it from the partitioner's
    // per-record `queue_batches`.
    (999 / step_ms.max(1) + 1) as usize
}

/// A broker's four flows (`BrokerTopicMetrics`).
#[derive(Clone, Debug, Default)]
pub(crate) struct BrokerMeters {
    /// Produce bytes appended to its leader replicas (BytesInPerSec).
    pub bytes_in: Meter,
    /// Bytes consumers fetched from its leader replicas (BytesOutPerSec).
    pub bytes_out: Meter,
    /// Bytes its followers fetched (ReplicationBytesInPerSec).
    pub replication_in: Meter,
    /// Bytes followers elsewhere fetched from it (ReplicationBytesOutPerSec).
    pub replication_out: Meter,
}

impl BrokerMeters {
    pub fn tick(&mut self, window: usize) {
        for m in [&mut self.bytes_in, &mut self.bytes_out, &mut self.replication_in, &mut self.replication_out] {
            m.tick(window);
        }
    }
}

/// A producer's or a group's records and bytes.
#[derive(Clone, Debug, Default)]
pub(crate) struct ThroughputMeters {
    pub records: Meter,
    pub bytes: Meter,
}

impl ThroughputMeters {
    pub fn tick(&mut self, window: usize) {
        self.records.tick(window);
        self.bytes.tick(window);
    }

    pub fn view(&self, step_ms: u64) -> crate::view::Throughput {
        crate::view::Throughput {
            records_per_s: self.records.per_s(step_ms),
            bytes_per_s: self.bytes.per_s(step_ms),
            records: self.records.total,
            bytes: self.bytes.total,
        }
    }
}

/// A topic's totals since the start, summed over its partitions.
#[derive(Clone, Debug, Default)]
pub(crate) struct TopicMeters {
    pub bytes_in: u64,
    pub replication_bytes: u64,
    pub bytes_out: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rate is the count of the last `window` ticks, scaled to a second.
    #[test]
    fn meter_rate_is_the_last_windows_count() {
        let mut m = Meter::default();
        let w = window_ticks(100);
        assert_eq!(w, 10);
        for t in 0..25u64 {
            m.tick(w);
            m.add(t);
        }
        // Ticks 15..=24 are in the window.
        assert_eq!(m.per_s(100), (15..25).sum::<u64>());
        assert_eq!(m.total, (0..25).sum::<u64>());
        // 300 ms steps: 4 ticks (1.2 s) scaled to one second.
        assert_eq!(window_ticks(300), 4);
        let mut m = Meter::default();
        for _ in 0..4 {
            m.tick(4);
            m.add(300);
        }
        assert_eq!(m.per_s(300), 1000);
        // Counted before the first tick: in the rate at once (a one-tick
        // window until the ring is sized), then kept in the window's first slot.
        let mut m = Meter::default();
        m.add(5);
        assert_eq!(m.per_s(100), 50);
        m.tick(10);
        assert_eq!(m.per_s(100), 5);
        m.add(7);
        assert_eq!((m.per_s(100), m.total), (12, 12));
        for _ in 0..9 {
            m.tick(10);
        }
        assert_eq!(m.per_s(100), 7, "the first tick's 5 left the window");
    }
}
