//! `org.apache.kafka.clients.consumer.RoundRobinAssignor`.
//!
//! All partitions of all subscribed topics (topics sorted by name, partitions
//! ascending) are dealt one by one to the members in `MemberInfo` order, going
//! round in a circle (`CircularIterator`) and skipping a member that does not
//! subscribe to the partition's topic. With identical subscriptions the counts
//! differ by at most one; with different subscriptions the result can be
//! lopsided (see the class comment's `C0 [t0p0]`, `C1 [t1p0]`,
//! `C2 [t1p1, t2p0, t2p1, t2p2]` example).

use super::Context;
use crate::ids::TopicPartition;

pub(super) fn assign(ctx: &Context) -> Vec<Vec<TopicPartition>> {
    let mut out: Vec<Vec<TopicPartition>> = vec![Vec::new(); ctx.members.len()];
    if ctx.members.is_empty() {
        return out;
    }
    let mut circle: Vec<usize> = (0..ctx.members.len()).collect();
    circle.sort_by(|&a, &b| ctx.member_info_cmp(a, b));
    let mut next = 0usize;
    // `parts` is already in TreeSet<String> topic order with ascending partitions,
    // and only holds topics that somebody subscribes to.
    for id in 0..ctx.parts.total {
        let topic = &ctx.parts.names[ctx.parts.topic_of[id]];
        while !ctx.subscribes(circle[next], topic) {
            next = (next + 1) % circle.len();
        }
        out[circle[next]].push(ctx.parts.tp(id));
        next = (next + 1) % circle.len();
    }
    out
}
