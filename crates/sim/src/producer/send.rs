//! The producer's path: records are partitioned, grouped into one batch per
//! partition per step, sent to the partition leader, acknowledged as `acks`
//! says, and retried on retriable errors until `delivery.timeout.ms`.
//!
//! Broker side, as Kafka's `Partition.appendRecordsToLeader` and
//! `DelayedProduce` decide: acks=all is refused with NOT_ENOUGH_REPLICAS when the
//! ISR is smaller than `min.insync.replicas`; otherwise the leader appends and the
//! request waits until the high watermark passes the batch
//! (`checkEnoughReplicasReachOffset`), answering NOT_ENOUGH_REPLICAS_AFTER_APPEND
//! if the ISR shrank below the minimum meanwhile, or REQUEST_TIMED_OUT.
//!
//! This stays `impl Cluster`: a send crosses two state machines (the
//! producer's batches and ledger, the partition's leader log, high watermark
//! and pending requests) and reads the brokers' liveness. What belongs to one
//! side alone is a method there: `ProducerState::new_batches`,
//! `failed_attempt` and `placed`; `PartitionState::append_batch`,
//! `maybe_increment_hw`, `await_acks` and `take_completed`.

use super::batch::Batch;
use crate::cluster::Cluster;
use crate::config::Acks;
use crate::error::ErrorCode;
use crate::event::{Event, EventKind};
use crate::partition::Appended;

impl Cluster {
    /// Partitions the records due this step and sends one batch per partition,
    /// then re-sends batches whose retry time has come.
    pub(crate) fn produce(&mut self, now: u64) {
        for pi in 0..self.producers.len() {
            if self.producers[pi].removed {
                continue;
            }
            let Self { producers, topics, rng, keys, .. } = self;
            let partitions = &topics[producers[pi].topic].partitions;
            let batches = producers[pi].new_batches(pi as u16, partitions, rng, keys, now);
            for batch in batches {
                self.send(batch, now);
            }
            while self.producers[pi].retries.front().is_some_and(|b| b.next_attempt_ms <= now) {
                if let Some(batch) = self.producers[pi].retries.pop_front() {
                    self.send(batch, now);
                }
            }
        }
    }

    /// One attempt to write a batch to its partition's leader.
    pub(crate) fn send(&mut self, mut batch: Batch, now: u64) {
        batch.attempts += 1;
        let (ti, p, pi) = (batch.topic, batch.partition as usize, batch.producer as usize);
        let acks = self.producers[pi].config.acks;
        let part = &self.topics[ti].partitions[p];
        let leader = part.leader;
        let leader_alive = leader.is_some_and(|b| self.broker_alive(b));
        if leader.is_none() {
            return self.retry_or_fail(batch, ErrorCode::LeaderNotAvailable, now);
        }
        if !leader_alive {
            return self.failed_send(batch, acks, ErrorCode::NetworkException, now);
        }
        let min_isr = self.topics[ti].settings.min_insync_replicas;
        if acks == Acks::All && (part.isr.len() as u32) < min_isr {
            return self.retry_or_fail(batch, ErrorCode::NotEnoughReplicas, now);
        }
        let need: u64 = batch.records.iter().map(|r| r.size()).sum();
        if let Some(b) = leader.filter(|&b| !self.disk_fits(b, need)) {
            // The append does not fit the leader's disk: its log directory
            // fails and the broker halts (`controller::disk`).
            self.log_dir_failed(b, self.topics[ti].name.clone(), p as u32, false, need);
            return self.failed_send(batch, acks, ErrorCode::KafkaStorageError, now);
        }
        let settings = self.topics[ti].log_settings();
        let idempotent = self.producers[pi].config.idempotent();
        let wanted = self.producers[pi].awaits_offsets(batch.id);
        let Appended { first, last, duplicates, present, offsets, bytes } =
            self.topics[ti].partitions[p].append_batch(&mut batch, acks, idempotent, wanted, now, &settings);
        // BytesInPerSec of the leader: what it appended (an idempotent retry's
        // records already in the log are not written again, so not counted).
        self.topics[ti].traffic.bytes_in += bytes;
        if let Some(b) = leader.and_then(|id| crate::controller::broker_mut(&mut self.brokers, id)) {
            b.traffic.bytes_in.add(bytes);
            b.disk_free = b.disk_free.saturating_sub(bytes);
            b.disk_used += bytes;
        }
        let n = batch.records.len() as u64;
        // Partition.appendRecordsToLeader tries to move the HW after every append
        // (a single-replica ISR commits at once, whatever the acks).
        let lag_max = self.config.broker_config.replica_lag_time_max_ms;
        let brokers = &self.brokers;
        self.topics[ti].partitions[p]
            .maybe_increment_hw(now, lag_max, min_isr, &|b| crate::controller::alive(brokers, b));
        if duplicates > 0 {
            let topic_name = self.topics[ti].name.clone();
            self.producers[pi].ledger.duplicates += u64::from(duplicates);
            let producer = self.producers[pi].config.id.clone();
            self.emit(EventKind::Duplicated { producer, topic: topic_name, partition: p as u32, records: duplicates });
        }
        if wanted {
            match first {
                Some(first) if batch.attempts == 1 => self.producers[pi].placed(batch.id, |i| first + i as u64),
                _ if !offsets.is_empty() => self.producers[pi].placed(batch.id, |i| offsets[i]),
                _ => {}
            }
        }
        if let Some(first) = first {
            if self.record_events {
                let producer = self.producers[pi].config.id.clone();
                self.events.push(Event {
                    t_ms: now,
                    kind: EventKind::Produced {
                        producer,
                        topic: self.topics[ti].name.clone(),
                        partition: p as u32,
                        first_offset: first,
                        last_offset: last,
                        count: (last - first + 1) as u32,
                    },
                });
            }
        }
        match acks {
            Acks::None => self.producers[pi].ledger.unacknowledged += n,
            Acks::Leader => {
                self.producers[pi].acked += n;
                self.producers[pi].ledger.acked += n;
            }
            // Like DelayedProduce, wait until the HW passes every record of the
            // batch, including those an idempotent retry found already written.
            Acks::All => {
                let range = match (first, present) {
                    (Some(f), Some((a, b))) => Some((f.min(a), last.max(b))),
                    (Some(f), None) => Some((f, last)),
                    (None, Some(r)) => Some(r),
                    (None, None) => None,
                };
                if let Some((first_offset, last_offset)) = range {
                    let deadline_ms = now + self.producers[pi].config.request_timeout_ms;
                    self.topics[ti].partitions[p].await_acks(batch, first_offset, last_offset, deadline_ms);
                }
            }
        }
    }

    /// Acknowledges (or fails) acks=all requests whose outcome is known
    /// (`PartitionState::take_completed`).
    pub(crate) fn complete_pending(&mut self, now: u64) {
        for ti in 0..self.topics.len() {
            let min_isr = self.topics[ti].settings.min_insync_replicas;
            for p in 0..self.topics[ti].partitions.len() {
                while let Some((done, outcome)) = self.topics[ti].partitions[p].take_completed(now, min_isr) {
                    match outcome {
                        Ok(()) => {
                            let producer = &mut self.producers[done.batch.producer as usize];
                            let n = done.batch.records.len() as u64;
                            producer.acked += n;
                            producer.ledger.acked += n;
                        }
                        Err(error) => self.retry_or_fail(done.batch, error, now),
                    }
                }
            }
        }
    }

    /// The leader could not take the batch: with acks=0 it is gone and nobody
    /// is told (fire and forget); otherwise the producer retries on `error`.
    fn failed_send(&mut self, batch: Batch, acks: Acks, error: ErrorCode, now: u64) {
        if acks == Acks::None {
            let n = batch.records.len() as u64;
            let ledger = &mut self.producers[batch.producer as usize].ledger;
            ledger.unacknowledged += n;
            ledger.unacknowledged_lost += n;
            return;
        }
        self.retry_or_fail(batch, error, now);
    }

    /// A retriable error: try again after `retry.backoff.ms`, unless
    /// `delivery.timeout.ms` has passed since the batch was created.
    fn retry_or_fail(&mut self, batch: Batch, error: ErrorCode, now: u64) {
        let pi = batch.producer as usize;
        let (partition, records) = (batch.partition, batch.records.len() as u32);
        let topic = self.topics[batch.topic].name.clone();
        let (reported, retrying) = self.producers[pi].failed_attempt(batch, error, now);
        if reported || !retrying {
            let producer = self.producers[pi].config.id.clone();
            self.emit(EventKind::ProduceError { producer, topic, partition, error, records, retrying });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::ClusterConfig;
    use crate::Cluster;

    /// Several null-key records share a millisecond at 5000 records/s: each
    /// remembered decision still gets its own record's offset.
    #[test]
    fn recent_decisions_get_their_own_records_offset() {
        let mut config = ClusterConfig::default();
        let p = &mut config.producers[0];
        (p.keys, p.key_space, p.rate_per_s) = (None, None, 5000.0);
        let mut c = Cluster::new(config).unwrap();
        c.run_until(2000);
        let view = c.view();
        let recent = &view.producers[0].recent;
        assert_eq!(recent.len(), crate::producer::RECENT_DECISIONS);
        let mut offsets: Vec<(u32, u64)> = recent.iter().map(|d| (d.partition, d.offset.expect("appended"))).collect();
        for d in recent {
            let (tp, o) = (d.partition, d.offset.unwrap());
            let r = c.records("orders", tp, o, o + 1);
            assert_eq!(r[0].1.timestamp_ms(), d.timestamp_ms, "offset {o} holds this decision's record");
        }
        offsets.sort_unstable();
        offsets.dedup();
        assert_eq!(offsets.len(), recent.len(), "no two decisions share an offset");
        let shared_ms = recent.windows(2).any(|w| w[0].timestamp_ms == w[1].timestamp_ms);
        assert!(shared_ms, "the case under test: records sharing a timestamp and a (null) key");
    }
}
