//! The few pieces of Java behaviour that decide Kafka's assignor output.
//!
//! Kafka's assignors are written against `java.util.HashMap`, `HashSet` and
//! `String.compareTo`. Where the result depends on them (which member is looked
//! at first, which partition a `HashSet` hands out first) we reproduce the JDK's
//! behaviour here instead of substituting a "nicer" order, so that the simulator
//! gives the same answer as a real group leader. Everything is a pure function
//! of the keys: no randomness, no clocks, no Rust hashing.

use std::cmp::Ordering;

/// `java.lang.String.hashCode()`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 code
/// units, in wrapping 32-bit arithmetic.
pub(crate) fn string_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, unit| h.wrapping_mul(31).wrapping_add(i32::from(unit)))
}

/// `org.apache.kafka.common.TopicPartition.hashCode()`:
/// `31 * (31 * 1 + partition) + topic.hashCode()`.
pub(crate) fn topic_partition_hash(topic_hash: i32, partition: u32) -> i32 {
    // Partition numbers are Java ints; the simulator never exceeds i32::MAX.
    let partition = i32::try_from(partition).unwrap_or(i32::MAX);
    31i32.wrapping_mul(31i32.wrapping_add(partition)).wrapping_add(topic_hash)
}

/// `java.lang.String.compareTo`: lexicographic over UTF-16 code units. (Rust's
/// `str` order compares UTF-8 bytes, which differs for a few non-BMP characters.)
pub(crate) fn java_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// `HashMap.hash(key)`: the JDK folds the high half of the hash into the low half.
fn spread(hash: i32) -> u32 {
    // Reinterpret the Java int's bits.
    let h = hash as u32;
    h ^ (h >> 16)
}

const DEFAULT_CAPACITY: usize = 16;
/// `HashMap.TREEIFY_THRESHOLD`: a bin this long is converted (or the table grown).
const TREEIFY_THRESHOLD: usize = 8;
/// `HashMap.MIN_TREEIFY_CAPACITY`: below this a long bin grows the table instead.
const MIN_TREEIFY_CAPACITY: usize = 64;

struct Slot<T> {
    spread: u32,
    seq: u64,
    value: T,
}

/// The bucket layout of a default-constructed `java.util.HashMap` / `HashSet`,
/// kept just precisely enough to reproduce its iteration order.
///
/// A JDK hash table iterates bucket by bucket (`(n - 1) & spread(hash)` for a
/// table of `n` slots) and, inside a bucket, in insertion order (a resize splits
/// a bucket without reordering it, and removals do not reorder the rest). The
/// table starts at 16 slots, doubles when its size passes 3/4 of the capacity and
/// also doubles when one bucket reaches 9 entries while it is smaller than 64
/// slots. Not modelled: a bucket of 9+ entries in a table of 64+ slots becomes a
/// red-black tree whose root is moved to the front of the bucket; with string or
/// partition keys of a teaching cluster this needs nine colliding keys and does
/// not happen in practice.
pub(crate) struct JavaHashOrder<T> {
    capacity: usize,
    slots: Vec<Slot<T>>,
    next_seq: u64,
}

impl<T: Copy + PartialEq> JavaHashOrder<T> {
    pub(crate) fn new() -> Self {
        Self { capacity: 0, slots: Vec::new(), next_seq: 0 }
    }

    fn bucket(spread: u32, capacity: usize) -> usize {
        (spread as usize) & (capacity - 1)
    }

    pub(crate) fn contains(&self, value: T) -> bool {
        self.slots.iter().any(|s| s.value == value)
    }

    /// `put`/`add` of a key that is not present yet (callers check `contains`).
    pub(crate) fn insert(&mut self, hash: i32, value: T) {
        if self.capacity == 0 {
            self.capacity = DEFAULT_CAPACITY;
        }
        let spread = spread(hash);
        let bin = Self::bucket(spread, self.capacity);
        let already_in_bin = self.slots.iter().filter(|s| Self::bucket(s.spread, self.capacity) == bin).count();
        self.slots.push(Slot { spread, seq: self.next_seq, value });
        self.next_seq += 1;
        if already_in_bin >= TREEIFY_THRESHOLD && self.capacity < MIN_TREEIFY_CAPACITY {
            // treeifyBin() on a small table resizes instead.
            self.capacity *= 2;
        }
        if self.slots.len() > self.capacity / 4 * 3 {
            self.capacity *= 2;
        }
    }

    /// `remove`: the table never shrinks.
    pub(crate) fn remove(&mut self, value: T) -> bool {
        match self.slots.iter().position(|s| s.value == value) {
            Some(i) => {
                self.slots.remove(i);
                true
            }
            None => false,
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    fn order_key(&self, slot: &Slot<T>) -> (usize, u64) {
        (Self::bucket(slot.spread, self.capacity), slot.seq)
    }

    /// `iterator().next()`.
    pub(crate) fn first(&self) -> Option<T> {
        self.slots.iter().min_by_key(|s| self.order_key(s)).map(|s| s.value)
    }

    /// The whole iteration order.
    pub(crate) fn iteration_order(&self) -> Vec<T> {
        let mut keyed: Vec<((usize, u64), T)> = self.slots.iter().map(|s| (self.order_key(s), s.value)).collect();
        keyed.sort_by_key(|(k, _)| *k);
        keyed.into_iter().map(|(_, v)| v).collect()
    }
}

/// The iteration order of a default-constructed `HashMap<String, _>` (or
/// `HashSet<String>`) filled with `keys` in the given order, as indices into
/// `keys`. Duplicate keys keep their first position, as `put` would.
pub(crate) fn string_map_order<S: AsRef<str>>(keys: &[S]) -> Vec<usize> {
    let mut table = JavaHashOrder::new();
    let mut seen: Vec<&str> = Vec::with_capacity(keys.len());
    for (i, key) in keys.iter().enumerate() {
        let key = key.as_ref();
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        table.insert(string_hash(key), i);
    }
    table.iteration_order()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_hash_matches_the_jdk() {
        // Values printed by `"…".hashCode()` on a JVM.
        assert_eq!(string_hash(""), 0);
        assert_eq!(string_hash("a"), 97);
        assert_eq!(string_hash("hello"), 99_162_322);
        assert_eq!(string_hash("consumer1"), -421_004_549);
        assert_eq!(string_hash("topic1"), -868_034_334);
    }

    #[test]
    fn topic_partition_hash_matches_kafka() {
        // TopicPartition("t", 0).hashCode() == 31 * 31 + "t".hashCode()
        assert_eq!(topic_partition_hash(string_hash("t"), 0), 961 + 116);
        assert_eq!(topic_partition_hash(string_hash("t"), 2), 31 * 33 + 116);
    }

    #[test]
    fn java_cmp_orders_by_utf16_units() {
        assert_eq!(java_cmp("consumer-a", "consumer-b"), Ordering::Less);
        assert_eq!(java_cmp("b", "a"), Ordering::Greater);
        assert_eq!(java_cmp("ab", "ab"), Ordering::Equal);
        // U+FF61 (one UTF-16 unit 0xFF61) sorts after U+1F600 (surrogates 0xD83D…)
        // in UTF-8 byte order but before it in Java.
        assert_eq!(java_cmp("\u{FF61}", "\u{1F600}"), Ordering::Greater);
        assert_eq!("\u{FF61}".cmp("\u{1F600}"), Ordering::Less);
    }

    #[test]
    fn hash_map_order_of_kafka_test_member_ids() {
        // `new HashMap<>()` with consumer1..3 iterates consumer3, consumer2, consumer1
        // (buckets 10, 11, 12 of 16), which is what Kafka's sticky tests rely on.
        let ids = ["consumer1", "consumer2", "consumer3"];
        assert_eq!(string_map_order(&ids), vec![2, 1, 0]);
    }

    #[test]
    fn hash_set_grows_and_keeps_insertion_order_inside_a_bucket() {
        let mut set = JavaHashOrder::new();
        // Same spread hash for all: one bucket, insertion order.
        for v in 0..5u32 {
            set.insert(7, v);
        }
        assert_eq!(set.iteration_order(), vec![0, 1, 2, 3, 4]);
        assert!(set.remove(0));
        assert_eq!(set.first(), Some(1));
        // Thirteen keys in distinct buckets force a resize to 32 slots.
        let mut big = JavaHashOrder::new();
        for v in 0..13i32 {
            big.insert(v * 17, v);
        }
        assert_eq!(big.capacity, 32);
    }
}
