//! A follower replica as its leader sees it: its own log and epoch cache, and
//! the fetch state `Partition` keeps per follower (`Replica.updateFetchState`,
//! `Replica.isCaughtUp`).

use crate::ids::BrokerId;
use crate::partition::log::Log;

/// A follower replica: its log, and what the leader knows about it.
#[derive(Clone, Debug)]
pub(crate) struct Follower {
    pub broker: BrokerId,
    pub log: Log,
    /// Leader epoch cache: (epoch, first offset written in it), ascending.
    pub epochs: Vec<(u32, u64)>,
    /// The high watermark this follower learned from its last fetch.
    pub high_watermark: u64,
    /// Leader-side state (`Replica.updateFetchState`).
    pub fetch_offset: u64,
    pub last_caught_up_ms: u64,
    pub last_fetch_ms: u64,
    pub last_fetch_leader_leo: u64,
    pub next_fetch_ms: u64,
}

impl Follower {
    pub fn new(broker: BrokerId, log: Log, epochs: Vec<(u32, u64)>, now: u64) -> Self {
        let leo = log.log_end_offset();
        Self {
            broker,
            log,
            epochs,
            high_watermark: 0,
            fetch_offset: leo,
            last_caught_up_ms: now,
            last_fetch_ms: now,
            last_fetch_leader_leo: 0,
            next_fetch_ms: now,
        }
    }

    /// `Replica.isCaughtUp`: at the leader's end, or caught up within `lag_max`.
    pub fn is_caught_up(&self, leader_leo: u64, now: u64, lag_max: u64) -> bool {
        self.fetch_offset >= leader_leo || now.saturating_sub(self.last_caught_up_ms) <= lag_max
    }

    /// `Replica.updateFetchState`.
    pub fn update_fetch_state(&mut self, fetch_offset: u64, now: u64, leader_leo: u64) {
        if fetch_offset >= leader_leo {
            self.last_caught_up_ms = self.last_caught_up_ms.max(now);
        } else if fetch_offset >= self.last_fetch_leader_leo {
            self.last_caught_up_ms = self.last_caught_up_ms.max(self.last_fetch_ms);
        }
        self.fetch_offset = fetch_offset;
        self.last_fetch_leader_leo = leader_leo;
        self.last_fetch_ms = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Replica.updateFetchState` / `isCaughtUp` (ReplicaTest).
    #[test]
    fn fetch_state_tracks_last_caught_up_time_like_kafka() {
        let mut f = Follower::new(2, Log::new(), Vec::new(), 0);
        // Fetch at the leader's LEO: caught up now.
        f.update_fetch_state(10, 1000, 10);
        assert_eq!(f.last_caught_up_ms, 1000);
        // Behind the current LEO but at the LEO of the previous fetch: caught up as of that fetch.
        f.update_fetch_state(10, 2000, 15);
        assert_eq!(f.last_caught_up_ms, 1000);
        f.update_fetch_state(15, 3000, 20);
        assert_eq!(f.last_caught_up_ms, 2000);
        assert!(f.is_caught_up(20, 3000 + 29_000, 30_000));
        assert!(!f.is_caught_up(20, 2000 + 30_001, 30_000));
        assert!(f.is_caught_up(15, 999_999, 30_000) || f.fetch_offset < 15);
    }
}
