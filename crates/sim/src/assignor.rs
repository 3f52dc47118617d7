//! Consumer group partition assignors.
//!
//! Placeholder: the full set (range, roundrobin, sticky, cooperative-sticky) lands
//! with the simulation-core issue.

use crate::ids::TopicPartition;
use std::collections::BTreeMap;

/// One member's subscription as the group leader sees it in `JoinGroup`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct MemberSubscription {
    pub member_id: String,
    /// Static membership (KIP-345): members with an instance id sort first.
    pub group_instance_id: Option<String>,
    pub topics: Vec<String>,
    /// Partitions the member owned in its last generation (sticky assignors).
    pub owned: Vec<TopicPartition>,
    pub generation: Option<i32>,
}

/// `RangeAssignor`: per topic, partitions sorted by number are split into
/// contiguous ranges over the subscribed members sorted by id; the first
/// `partitions % members` members get one extra.
pub fn range(
    partitions_per_topic: &BTreeMap<String, u32>,
    members: &[MemberSubscription],
) -> BTreeMap<String, Vec<TopicPartition>> {
    let mut out: BTreeMap<String, Vec<TopicPartition>> =
        members.iter().map(|m| (m.member_id.clone(), Vec::new())).collect();
    for (topic, &n) in partitions_per_topic {
        let mut subs: Vec<&MemberSubscription> =
            members.iter().filter(|m| m.topics.iter().any(|t| t == topic)).collect();
        if subs.is_empty() {
            continue;
        }
        subs.sort_by(|a, b| {
            (a.group_instance_id.is_none(), a.group_instance_id.as_ref(), &a.member_id).cmp(&(
                b.group_instance_id.is_none(),
                b.group_instance_id.as_ref(),
                &b.member_id,
            ))
        });
        let per = n / subs.len() as u32;
        let extra = n % subs.len() as u32;
        for (i, m) in subs.iter().enumerate() {
            let i = i as u32;
            let start = per * i + i.min(extra);
            let len = per + u32::from(i < extra);
            let list = out.entry(m.member_id.clone()).or_default();
            list.extend((start..start + len).map(|p| TopicPartition::new(topic.clone(), p)));
        }
    }
    out
}
