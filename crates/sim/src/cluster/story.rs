//! "Where did my record go?": everything the model knows about one record.

use crate::cluster::Cluster;
use crate::ids::BrokerId;
use crate::murmur2::{murmur2, to_positive};
use crate::partition::log::{FLAG_ACKED, FLAG_ACKS0};
use crate::producer::partitioner::PartitionerKind;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RecordStory {
    pub topic: String,
    pub partition: u32,
    pub offset: u64,
    pub producer: String,
    /// The key as text (lossy UTF-8), `None` for a null key.
    pub key: Option<String>,
    pub timestamp_ms: u64,
    /// The record's own size (`DefaultRecord.sizeInBytes`), without its batch's header.
    pub bytes: u32,
    pub seq: u32,
    /// The producer's partitioner (`default`, `uniform-sticky`, `round-robin`, `custom`).
    pub partitioner: &'static str,
    /// For a keyed record under the built-in partitioner: murmur2, to_positive and
    /// the partition count at the time of this explanation.
    pub hash: Option<KeyHash>,
    /// Replicas whose log holds this offset, and those that do not (yet).
    pub on_replicas: Vec<BrokerId>,
    pub missing_on: Vec<BrokerId>,
    /// Below the high watermark: committed, visible to consumers.
    pub committed: bool,
    pub acked: bool,
    pub acks0: bool,
    /// Groups whose committed offset is past this record, and those still to read it.
    pub read_by: Vec<String>,
    pub unread_by: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct KeyHash {
    pub murmur2: i32,
    pub to_positive: i32,
    pub partitions: u32,
    pub partition: u32,
}

impl Cluster {
    /// The story of the record at `offset` of a partition's leader log, if it is
    /// still retained.
    pub fn record_story(&self, topic: &str, partition: u32, offset: u64) -> Option<RecordStory> {
        let ti = self.topic_index(topic)?;
        let t = &self.topics[ti];
        let part = t.partitions.get(partition as usize)?;
        let r = *part.log.get(offset)?;
        let producer = self.producers.get(usize::from(r.producer()))?;
        let key_bytes = self.key_bytes(r.key());
        let hash = match (&producer.config.partitioner, key_bytes) {
            (PartitionerKind::Default, Some(k)) if !producer.config.partitioner_config.ignore_keys => {
                let h = murmur2(k);
                let n = t.partitions.len() as u32;
                Some(KeyHash {
                    murmur2: h,
                    to_positive: to_positive(h),
                    partitions: n,
                    partition: to_positive(h) as u32 % n,
                })
            }
            _ => None,
        };
        let (mut on_replicas, mut missing_on) = (Vec::new(), Vec::new());
        for &b in &part.replicas {
            if part.leo_of(b).is_some_and(|leo| leo > offset) {
                on_replicas.push(b);
            } else {
                missing_on.push(b);
            }
        }
        let (mut read_by, mut unread_by) = (Vec::new(), Vec::new());
        for g in self.groups.iter().filter(|g| g.topic == ti) {
            if g.committed.get(partition as usize).copied().flatten().is_some_and(|c| c > offset) {
                read_by.push(g.config.id.clone());
            } else {
                unread_by.push(g.config.id.clone());
            }
        }
        Some(RecordStory {
            topic: topic.to_string(),
            partition,
            offset,
            producer: producer.config.id.clone(),
            key: key_bytes.map(|k| String::from_utf8_lossy(k).into_owned()),
            timestamp_ms: r.timestamp_ms(),
            bytes: r.own_size(),
            seq: r.seq(),
            partitioner: match producer.config.partitioner {
                PartitionerKind::Default => "default",
                PartitionerKind::UniformSticky => "uniform-sticky",
                PartitionerKind::RoundRobin => "round-robin",
                PartitionerKind::Custom(_) => "custom",
            },
            hash,
            on_replicas,
            missing_on,
            committed: offset < part.high_watermark,
            acked: r.flags() & FLAG_ACKED != 0,
            acks0: r.flags() & FLAG_ACKS0 != 0,
            read_by,
            unread_by,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::config::ClusterConfig;
    use crate::Cluster;

    #[test]
    fn story_of_a_keyed_record_explains_the_hash_and_where_it_is() {
        let mut c = Cluster::new(ClusterConfig::default()).unwrap();
        c.run_until(3000);
        let view = c.view();
        let p = view.topics[0].partitions.iter().find(|p| p.high_watermark > 0).unwrap();
        let s = c.record_story("orders", p.partition, 0).unwrap();
        let h = s.hash.expect("the default producer is keyed");
        assert_eq!(h.partition, p.partition, "the hash explains the partition the record is in");
        assert_eq!(h.partitions, 3);
        assert!(s.committed && s.acked, "acks=all record below the HW");
        assert_eq!(s.on_replicas.len(), 3);
        assert!(c.record_story("orders", p.partition, 1_000_000).is_none());
        assert!(c.record_story("nope", 0, 0).is_none());
    }
}
