//! Leader epoch caches (KIP-101, KIP-279): where an epoch ends, where a
//! follower's log stops agreeing with its leader's, and copying epoch
//! boundaries along with fetched records.

/// The end offset of `epoch` in an epoch cache (`LeaderEpochFileCache.endOffsetFor`):
/// the largest epoch ≤ `epoch` it has, and where that epoch ends (the start of
/// the next one, or `leo` for the latest).
pub(crate) fn end_offset_for(epochs: &[(u32, u64)], leo: u64, epoch: u32) -> Option<(u32, u64)> {
    let i = epochs.iter().rposition(|&(e, _)| e <= epoch)?;
    let end = epochs.get(i + 1).map_or(leo, |&(_, s)| s);
    Some((epochs[i].0, end))
}

/// Where a follower's log stops agreeing with the leader's (KIP-279,
/// `AbstractFetcherThread.getOffsetTruncationState`): the leader answers the
/// follower's latest epoch with the largest epoch it has at or below it and that
/// epoch's end; the follower truncates to the smaller of that and its own end of
/// the same epoch.
pub(crate) fn divergence(leader: &[(u32, u64)], leader_leo: u64, follower: &[(u32, u64)], follower_leo: u64) -> u64 {
    let Some(&(latest, _)) = follower.last() else { return 0 };
    match end_offset_for(leader, leader_leo, latest) {
        None => 0,
        Some((e, end)) if e == latest => end.min(follower_leo),
        Some((e, end)) => {
            let own_end = end_offset_for(follower, follower_leo, e).map_or(0, |(_, o)| o);
            end.min(own_end).min(follower_leo)
        }
    }
}

/// Copies the leader's epoch boundaries for the records `[from, to)` a follower
/// just fetched, as if record by record: each offset's epoch (the leader's
/// latest entry starting at or before it) is added when newer than the
/// follower's latest. Only offsets where an entry starts can change the answer.
pub(crate) fn copy_epochs(leader: &[(u32, u64)], follower: &mut Vec<(u32, u64)>, from: u64, to: u64) {
    let mut o = from;
    while o < to {
        if let Some(&(e, s)) = leader.iter().rev().find(|&&(_, s)| s <= o) {
            if follower.last().is_none_or(|&(le, _)| le < e) {
                follower.push((e, s));
            }
        }
        // The next offset in the range where a leader entry starts.
        match leader.iter().map(|&(_, s)| s).filter(|&s| s > o && s < to).min() {
            Some(next) => o = next,
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partition::log::Record;
    use crate::partition::PartitionState;

    /// `LeaderEpochFileCache.endOffsetFor`.
    #[test]
    fn end_offset_for_epoch_uses_the_next_epochs_start() {
        let mut p = PartitionState::new(vec![1, 2]);
        p.epochs = vec![(0, 0), (1, 5), (3, 9)];
        for i in 0..12 {
            p.log.append(
                Record::new(u32::MAX, 10, 0, 0, i, 0),
                0,
                &crate::partition::log::LogSettings {
                    retention_ms: -1,
                    retention_bytes: -1,
                    segment_bytes: 1 << 30,
                    segment_ms: 1 << 40,
                },
            );
        }
        let leo = p.log.log_end_offset();
        let end = |e| end_offset_for(&p.epochs, leo, e).map(|(_, o)| o);
        assert_eq!(end(0), Some(5));
        assert_eq!(end(1), Some(9));
        assert_eq!(end(2), Some(9), "epoch 2 never happened: end of epoch 1");
        assert_eq!(end(3), Some(12));
        assert_eq!(end(7), Some(12));
        // A follower that wrote epoch 2 (which the leader never had) from 9 on
        // truncates to 9 (KIP-279).
        assert_eq!(divergence(&p.epochs, leo, &[(0, 0), (1, 5), (2, 9)], 15), 9);
        assert_eq!(divergence(&p.epochs, leo, &[(0, 0), (1, 5)], 8), 8, "a prefix does not diverge");
    }
}
