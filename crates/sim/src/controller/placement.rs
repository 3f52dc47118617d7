//! Replica placement: where each partition's replicas live.
//!
//! Follows Kafka's rack-unaware assignment (`AdminUtils.assignReplicasToBrokersRackUnaware`,
//! now `org.apache.kafka.admin.AdminUtils` / `ReplicaAssignment` in the server-common
//! module): the first replica of partition p goes to broker `(p + startIndex) % n`; the
//! other replicas follow at a shift that grows by one every `n` partitions, so leaders
//! and followers spread evenly. `startIndex` and the initial shift are random in Kafka;
//! here they come from the seeded PRNG, so the layout is reproducible.

use crate::ids::BrokerId;
use crate::rng::SimRng;

/// Replica lists for `partitions` new partitions numbered from `first_partition`.
///
/// `brokers` must be non-empty and `replication_factor` between 1 and `brokers.len()`
/// (the caller validates this and reports INVALID_REPLICATION_FACTOR).
pub fn assign_replicas_rack_unaware(
    brokers: &[BrokerId],
    partitions: u32,
    replication_factor: u32,
    first_partition: u32,
    fixed_start_index: Option<u32>,
    rng: &mut SimRng,
) -> Vec<Vec<BrokerId>> {
    let n = brokers.len() as u32;
    if n == 0 || replication_factor == 0 || replication_factor > n {
        return Vec::new();
    }
    let start_index = fixed_start_index.unwrap_or_else(|| rng.below(n));
    let mut next_replica_shift = fixed_start_index.unwrap_or_else(|| rng.below(n));
    let mut out = Vec::with_capacity(partitions as usize);
    for p in first_partition..first_partition + partitions {
        if p > 0 && p % n == 0 {
            next_replica_shift += 1;
        }
        let first = (p + start_index) % n;
        let mut replicas = vec![brokers[first as usize]];
        for j in 0..replication_factor - 1 {
            replicas.push(brokers[replica_index(first, next_replica_shift, j, n) as usize]);
        }
        out.push(replicas);
    }
    out
}

fn replica_index(first: u32, second_replica_shift: u32, replica: u32, n: u32) -> u32 {
    let shift = 1 + (second_replica_shift + replica) % (n - 1);
    (first + shift) % n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// AdminRackAwareTest / AdminUtilsTest `testReplicaAssignment`: 5 brokers, 10
    /// partitions, RF 3, fixed start index 0 gives this exact layout.
    #[test]
    fn kafka_admin_utils_test_replica_assignment_vector() {
        let brokers = [0, 1, 2, 3, 4];
        let expected: Vec<Vec<BrokerId>> = vec![
            vec![0, 1, 2],
            vec![1, 2, 3],
            vec![2, 3, 4],
            vec![3, 4, 0],
            vec![4, 0, 1],
            vec![0, 2, 3],
            vec![1, 3, 4],
            vec![2, 4, 0],
            vec![3, 0, 1],
            vec![4, 1, 2],
        ];
        let mut rng = SimRng::new(0);
        let got = assign_replicas_rack_unaware(&brokers, 10, 3, 0, Some(0), &mut rng);
        assert_eq!(got, expected);
    }

    #[test]
    fn every_partition_gets_distinct_brokers_and_leaders_spread_evenly() {
        let brokers: Vec<BrokerId> = (1..=4).collect();
        for seed in 0..20 {
            let mut rng = SimRng::new(seed);
            let got = assign_replicas_rack_unaware(&brokers, 8, 3, 0, None, &mut rng);
            assert_eq!(got.len(), 8);
            let mut leaders = [0u32; 5];
            for r in &got {
                let mut s = r.clone();
                s.sort_unstable();
                s.dedup();
                assert_eq!(s.len(), 3, "replicas must be on distinct brokers: {r:?}");
                leaders[r[0] as usize] += 1;
            }
            assert!(leaders[1..].iter().all(|&c| c == 2), "{leaders:?}");
        }
    }

    #[test]
    fn rf_larger_than_brokers_gives_nothing() {
        let mut rng = SimRng::new(1);
        assert!(assign_replicas_rack_unaware(&[1, 2, 3], 3, 4, 0, None, &mut rng).is_empty());
    }
}
