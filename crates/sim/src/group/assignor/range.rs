//! `org.apache.kafka.clients.consumer.RangeAssignor` (without rack awareness).
//!
//! Per topic, the partitions in numeric order are cut into contiguous ranges,
//! one per subscribed member in `MemberInfo` order (static members first, by
//! `group.instance.id`, then dynamic members by member id). With `n` partitions
//! and `c` members each member gets `n / c`, and the first `n % c` one extra.
//!
//! `assignPartitions` walks the topics in the iteration order of the
//! `HashMap<String, List<PartitionInfo>>` built by
//! `AbstractPartitionAssignor.assign`, so that order (reproduced in
//! [`Context::topic_hash_order`]) decides how each member's list is laid out.

use super::Context;
use crate::ids::TopicPartition;

pub(super) fn assign(ctx: &Context) -> Vec<Vec<TopicPartition>> {
    let mut out: Vec<Vec<TopicPartition>> = vec![Vec::new(); ctx.members.len()];
    for &t in &ctx.topic_hash_order {
        let topic = &ctx.parts.names[t];
        let mut consumers: Vec<usize> = (0..ctx.members.len()).filter(|&m| ctx.subscribes(m, topic)).collect();
        if consumers.is_empty() {
            continue;
        }
        consumers.sort_by(|&a, &b| ctx.member_info_cmp(a, b));
        let n = ctx.parts.counts[t];
        let c = consumers.len() as u32;
        let per_consumer = n / c;
        let with_extra = n % c;
        for (i, &m) in consumers.iter().enumerate() {
            let i = i as u32;
            let start = per_consumer * i + i.min(with_extra);
            let len = per_consumer + u32::from(i < with_extra);
            out[m].extend((start..start + len).map(|p| TopicPartition::new(topic.clone(), p)));
        }
    }
    out
}
