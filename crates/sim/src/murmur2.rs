//! Kafka's murmur2 hash (`org.apache.kafka.common.utils.Utils.murmur2`).
//!
//! The Java producer hashes a record's serialized key with this 32-bit variant of
//! Austin Appleby's MurmurHash2 and picks the partition with
//! `Utils.toPositive(Utils.murmur2(key)) % numPartitions`
//! (`BuiltInPartitioner.partitionForKey`). To put a key on the same partition as a
//! real Kafka producer does, the hash has to match Java bit for bit:
//!
//! * the seed is `0x9747b28c`, mixed with the key length;
//! * the body is read four bytes at a time, little-endian, every byte taken as
//!   unsigned (`data[i] & 0xff` in Java);
//! * multiplication wraps at 32 bits exactly like Java's `int`, and the right
//!   shifts are unsigned (`>>>`), so the whole computation is done on `u32` and only
//!   reinterpreted as `i32` at the end;
//! * the 1 to 3 trailing bytes are folded in (the Java `switch` falls through), then
//!   the final avalanche is `h ^= h >>> 13; h *= m; h ^= h >>> 15`.
//!
//! The empty key is a key: it hashes like any other byte string (a record whose key
//! is `null` is a different thing and is never hashed).

/// Kafka's seed for murmur2 (`Utils.murmur2`).
const SEED: u32 = 0x9747_b28c;
/// The MurmurHash2 multiplier.
const M: u32 = 0x5bd1_e995;
/// The MurmurHash2 shift used when mixing a four-byte block.
const R: u32 = 24;

/// The 32-bit murmur2 hash of `data`, bit-exact with Kafka's `Utils.murmur2`
/// (returned as Java's signed `int`).
pub fn murmur2(data: &[u8]) -> i32 {
    // Java uses `int length = data.length`; keys are far below 2^31 bytes.
    let mut h = SEED ^ (data.len() as u32);

    let mut blocks = data.chunks_exact(4);
    for block in &mut blocks {
        let mut k = u32::from_le_bytes([block[0], block[1], block[2], block[3]]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h = h.wrapping_mul(M);
        h ^= k;
    }

    // The tail: up to three bytes, most significant first, as the Java switch
    // falls through from `case 3` to `case 1`.
    let tail = blocks.remainder();
    if tail.len() == 3 {
        h ^= u32::from(tail[2]) << 16;
    }
    if tail.len() >= 2 {
        h ^= u32::from(tail[1]) << 8;
    }
    if !tail.is_empty() {
        h ^= u32::from(tail[0]);
        h = h.wrapping_mul(M);
    }

    h ^= h >> 13;
    h = h.wrapping_mul(M);
    h ^= h >> 15;

    h as i32
}

/// Kafka's `Utils.toPositive`: clears the sign bit (`n & 0x7fffffff`).
///
/// This is not the absolute value: `-1` becomes `2147483647` and `i32::MIN`
/// becomes `0`. It is what the producer applies to the murmur2 hash (and to its
/// round-robin counter and random draws) before taking a remainder.
pub fn to_positive(n: i32) -> i32 {
    n & 0x7fff_ffff
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every vector of Kafka's `UtilsTest.testMurmur2`.
    #[test]
    fn utils_test_test_murmur2_vectors() {
        let cases: [(&[u8], i32); 6] = [
            (b"21", -973_932_308),
            (b"foobar", -790_332_482),
            (b"a-little-bit-long-string", -985_981_536),
            (b"a-little-bit-longer-string", -1_486_304_829),
            (b"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971),
            // Kafka spells this one as the byte array {'a', 'b', 'c'}.
            (b"abc", 479_470_107),
        ];
        for (key, expected) in cases {
            assert_eq!(murmur2(key), expected, "murmur2({:?})", String::from_utf8_lossy(key));
        }
    }

    /// An empty key is hashed like any other key (it is not a null key).
    #[test]
    fn empty_key_is_hashed() {
        assert_eq!(murmur2(b""), 275_646_681);
        assert_eq!(to_positive(murmur2(b"")) % 10, 1);
    }

    /// The CLI contract's example: the UTF-8 bytes of "서울" on a 10-partition topic.
    #[test]
    fn seoul_utf8_key_goes_to_partition_4_of_10() {
        let key = "서울".as_bytes();
        assert_eq!(key, [0xec, 0x84, 0x9c, 0xec, 0x9a, 0xb8]);
        let h = murmur2(key);
        assert_eq!(h, -2_063_068_724);
        assert_eq!(to_positive(h), 84_414_924);
        assert_eq!(to_positive(h) % 10, 4);
    }

    /// The Kafka vectors above cover tails of 0, 2 and 3 bytes; these cover a
    /// one-byte tail and bytes >= 0x80 (which Java must read as unsigned).
    /// Values from an independent reference implementation of `Utils.murmur2`.
    #[test]
    fn one_byte_tails_and_high_bytes_match_the_java_arithmetic() {
        assert_eq!(murmur2(b"a"), -1_563_381_124);
        assert_eq!(murmur2(b"hello"), 2_132_663_229);
        assert_eq!(murmur2(&[0xff]), -311_467_685);
        assert_eq!(murmur2(&[0x80, 0x81, 0x82, 0x83, 0x84]), -1_665_622_439);
    }

    /// `Utils.toPositive` masks the sign bit; it is not `abs`.
    #[test]
    fn to_positive_masks_the_sign_bit() {
        assert_eq!(to_positive(0), 0);
        assert_eq!(to_positive(42), 42);
        assert_eq!(to_positive(i32::MAX), i32::MAX);
        assert_eq!(to_positive(-1), i32::MAX);
        assert_eq!(to_positive(i32::MIN), 0);
        assert_eq!(to_positive(-2_063_068_724), 84_414_924);
    }
}
