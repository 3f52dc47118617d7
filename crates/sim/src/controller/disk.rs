//! Each broker's disk: one log directory of `broker_config.disk_bytes`.
//!
//! What Kafka does when a write does not fit (the same path as any I/O error
//! in a log directory):
//! - the append throws; `LogDirFailureChannel.maybeAddOfflineLogDir` marks the
//!   directory offline and the request fails with KAFKA_STORAGE_ERROR
//!   (retriable: the producer refreshes its metadata and retries);
//! - `ReplicaManager.handleLogDirFailure` stops the fetchers of the replicas
//!   in it and marks them offline;
//! - `LogManager.handleLogDirFailure`: when no live log directory is left, the
//!   broker halts ("Shutdown broker because all log dirs ... have failed",
//!   `Exit.halt`). A simulated broker has one log directory, so a full disk
//!   always halts it: no controlled shutdown, so the controller notices only
//!   when its session expires, exactly as for a crash.
//!
//! Restarting does not free space (Kafka reopens the same full directory), so
//! the next write that does not fit halts it again; retention frees space.
//!
//! Free space is measured once per step from the replicas' log sizes and then
//! reduced by every append in the step (truncations within the step are
//! counted at the next one), so a check costs a lookup, not a sum.

use super::{broker_mut, Broker};
use crate::cluster::Cluster;
use crate::event::EventKind;
use crate::ids::BrokerId;

impl Cluster {
    /// Bytes on each broker's disk now: every replica's log on it.
    pub(crate) fn measure_disks(&mut self) {
        let capacity = self.config.broker_config.disk_bytes;
        let mut used: Vec<(BrokerId, u64)> = self.brokers.iter().map(|b| (b.id, 0)).collect();
        for part in self.topics.iter().flat_map(|t| &t.partitions) {
            for (broker, bytes) in part.replica_sizes() {
                if let Some((_, u)) = used.iter_mut().find(|(b, _)| *b == broker) {
                    *u += bytes;
                }
            }
        }
        for (b, (_, used)) in self.brokers.iter_mut().zip(used) {
            b.disk_used = used;
            b.disk_free = capacity.saturating_sub(used);
        }
    }

    /// Whether `bytes` more fit on `broker`'s disk in this step.
    pub(crate) fn disk_fits(&self, broker: BrokerId, bytes: u64) -> bool {
        self.brokers.iter().find(|b| b.id == broker).is_some_and(|b| bytes <= b.disk_free)
    }

    /// `broker`'s log directory failed on a write of `write_bytes` to `topic`
    /// `partition`: it goes offline and the broker halts.
    pub(crate) fn log_dir_failed(
        &mut self,
        broker: BrokerId,
        topic: String,
        partition: u32,
        follower: bool,
        write_bytes: u64,
    ) {
        let now = self.time_ms;
        let disk_bytes = self.config.broker_config.disk_bytes;
        let Some(b) = broker_mut(&mut self.brokers, broker) else { return };
        if !b.alive {
            return;
        }
        let used_bytes = b.disk_used;
        b.alive = false;
        b.crashed_at = Some(now);
        b.log_dir_offline = true;
        b.disk_free = 0;
        self.emit(EventKind::LogDirFailed { broker, topic, partition, follower, write_bytes, used_bytes, disk_bytes });
    }
}

/// `broker` wrote `bytes` in this step.
pub(crate) fn take(brokers: &mut [Broker], broker: BrokerId, bytes: u64) {
    if let Some(b) = broker_mut(brokers, broker) {
        b.disk_free = b.disk_free.saturating_sub(bytes);
        b.disk_used += bytes;
    }
}
