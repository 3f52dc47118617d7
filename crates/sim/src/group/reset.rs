//! `kafka-consumer-groups --reset-offsets`: where each spec moves a partition
//! (one function, shared by the command in `poll.rs` and the dry run here) and
//! the dry run itself, what the tool prints without `--execute`, extended with
//! what the move means: records re-read or skipped and the new lag.
//!
//! Kafka: `ConsumerGroupCommand.ConsumerGroupService.prepareOffsetsToReset`
//! (tools/src/main/java/org/apache/kafka/tools/consumer/group/ConsumerGroupCommand.java,
//! `OffsetsUtils` in newer versions).

use super::GroupState;
use crate::cluster::Cluster;
use crate::command::ResetSpec;
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::partition::PartitionState;
use serde::Serialize;

/// The new committed offset of one partition under `spec`, from its current
/// committed offset `from`.
///
/// As `prepareOffsetsToReset`: `--to-earliest` / `--to-latest` are ListOffsets
/// EARLIEST / LATEST (the high watermark under read_uncommitted); `--to-offset`
/// and `--shift-by` go through `checkOffsetsRange`, which clamps below the log
/// start to it and above the log end to it. `--to-datetime` is ListOffsets by
/// timestamp; a partition with no record at or after the time gets the log end
/// offset (`getLogTimestampOffsets` falls back to `getLogEndOffsets`). The tool
/// refuses `--shift-by` without a committed offset; the simulation shifts from
/// the log end then, as a group with `auto.offset.reset=latest` would be there.
pub(crate) fn target(spec: ResetSpec, part: &PartitionState, from: Option<u64>) -> u64 {
    let (start, end) = (part.log.log_start_offset(), part.high_watermark);
    match spec {
        ResetSpec::ToEarliest => start,
        ResetSpec::ToLatest => end,
        ResetSpec::ToOffset(o) => o,
        ResetSpec::ShiftBy(d) => {
            let base = from.unwrap_or(end) as i64;
            base.saturating_add(d).max(0) as u64
        }
        ResetSpec::ToDatetime(ms) => offset_for_time(part, ms).unwrap_or(end),
    }
    .clamp(start, end)
}

/// ListOffsets by timestamp (`UnifiedLog.fetchOffsetByTimestamp`): the earliest
/// offset whose record's timestamp is at or after `ms`, among the records a
/// read_uncommitted consumer may see (below the high watermark:
/// `Partition.fetchOffsetForTimestamp` drops an answer at or past it).
fn offset_for_time(part: &PartitionState, ms: u64) -> Option<u64> {
    part.log
        .range(part.log.log_start_offset(), part.high_watermark)
        .find(|(_, r)| r.timestamp_ms() >= ms)
        .map(|(offset, _)| offset)
}

/// The refusal while the group has members (live, or crashed and not yet
/// expired): `ConsumerGroupCommand.resetOffsets` resets only a group in state
/// `Empty` or `Dead` ("Assignments can only be reset if the group is inactive");
/// the coordinator refuses an admin offset commit to an active group with
/// NON_EMPTY_GROUP (`GroupCoordinator`/`GroupMetadataManager`).
pub(crate) fn refusal(g: &GroupState) -> Option<SimError> {
    let members = g.members.len();
    (members > 0).then(|| {
        SimError::new(
            ErrorCode::NonEmptyGroup,
            FieldPath::new("group"),
            ErrorReason::GroupNotEmpty { group: g.config.id.clone(), members },
        )
    })
}

/// One partition of a reset's dry run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResetRow {
    pub partition: u32,
    /// The committed offset now (`None`: the group never committed here).
    pub current: Option<u64>,
    /// Where the reset moves it.
    pub new: u64,
    /// Records consumed again: the reset goes back (`current − new`).
    pub reread: u64,
    /// Records never consumed: the reset goes forward (`new − current`).
    pub skipped: u64,
    /// The lag after the reset: high watermark − new.
    pub new_lag: u64,
}

/// A reset's dry run (the tool without `--execute`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ResetPreview {
    pub group: String,
    pub topic: String,
    pub rows: Vec<ResetRow>,
    /// Why `--execute` would be refused now (NON_EMPTY_GROUP), if it would.
    #[serde(skip)]
    pub refusal: Option<SimError>,
}

impl Cluster {
    /// What `Command::ResetOffsets { group, spec }` would do now, changing
    /// nothing. An unknown group is GROUP_ID_NOT_FOUND.
    pub fn reset_preview(&self, group: &str, spec: ResetSpec) -> Result<ResetPreview, SimError> {
        let g = &self.groups[self.group_index(group)?];
        let topic = &self.topics[g.topic];
        let rows = topic
            .partitions
            .iter()
            .zip(&g.committed)
            .enumerate()
            .map(|(p, (part, &current))| {
                let new = target(spec, part, current);
                let at = current.unwrap_or(new);
                ResetRow {
                    partition: p as u32,
                    current,
                    new,
                    reread: at.saturating_sub(new),
                    skipped: new.saturating_sub(at),
                    new_lag: part.high_watermark.saturating_sub(new),
                }
            })
            .collect();
        Ok(ResetPreview { group: g.config.id.clone(), topic: topic.name.clone(), rows, refusal: refusal(g) })
    }
}

#[cfg(test)]
mod tests {
    use crate::command::{Command, ResetSpec};
    use crate::config::{ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig};
    use crate::error::ErrorCode;
    use crate::producer::partitioner::PartitionerKind;
    use crate::Cluster;

    /// One topic `t` of 2 partitions, a producer of 20 records/s, group `g`
    /// (earliest) of one member that reads 5 records/s, so it lags; 3 s played.
    fn run() -> Cluster {
        let mut config = ClusterConfig {
            brokers: 3,
            topics: vec![TopicConfig {
                name: "t".into(),
                partitions: 2,
                replication_factor: 1,
                config: Default::default(),
            }],
            producers: vec![ProducerConfig {
                partitioner: PartitionerKind::RoundRobin,
                ..ProducerConfig::new("p", "t", 20.0)
            }],
            groups: vec![],
            ..ClusterConfig::default()
        };
        let mut g = GroupConfig::new("g", "t", 1);
        g.auto_offset_reset = OffsetReset::Earliest;
        g.records_per_s = 5.0;
        g.auto_commit_interval_ms = 200;
        config.groups.push(g);
        let mut c = Cluster::new(config).unwrap();
        for _ in 0..30 {
            c.tick();
        }
        c
    }

    fn stopped() -> Cluster {
        let mut c = run();
        c.apply(Command::RemoveConsumer { group: "g".into(), member: None, graceful: true }).unwrap();
        c
    }

    fn hw_and_committed(c: &Cluster) -> Vec<(u64, u64)> {
        let v = c.view();
        let g = v.groups.iter().find(|g| g.id == "g").unwrap();
        g.partitions.iter().map(|p| (p.log_end_offset, p.committed.unwrap())).collect()
    }

    /// Each spec's preview equals what the command then commits, and the
    /// re-read / skipped / new-lag columns are the differences (ConsumerGroupCommand
    /// prints NEW-OFFSET; the rest is what that offset means).
    #[test]
    fn every_spec_previews_what_the_command_commits() {
        let specs = [
            ResetSpec::ToEarliest,
            ResetSpec::ToLatest,
            ResetSpec::ToOffset(4),
            ResetSpec::ShiftBy(-3),
            ResetSpec::ShiftBy(2),
            ResetSpec::ToDatetime(1_000),
        ];
        for spec in specs {
            let mut c = stopped();
            let before = hw_and_committed(&c);
            assert!(before.iter().all(|&(hw, cur)| hw > cur + 3 && cur > 3), "the group lags: {before:?}");
            let preview = c.reset_preview("g", spec).unwrap();
            assert_eq!(preview.refusal, None);
            assert_eq!((preview.group.as_str(), preview.topic.as_str()), ("g", "t"));
            c.apply(Command::ResetOffsets { group: "g".into(), spec }).unwrap();
            let after = hw_and_committed(&c);
            for (row, (&(hw, cur), &(_, new))) in preview.rows.iter().zip(before.iter().zip(&after)) {
                assert_eq!((row.current, row.new), (Some(cur), new), "{spec:?}");
                assert_eq!(row.new_lag, hw - new);
                assert_eq!(row.reread, cur.saturating_sub(new));
                assert_eq!(row.skipped, new.saturating_sub(cur));
            }
            for (&(hw, cur), &(_, new)) in before.iter().zip(&after) {
                let expected = match spec {
                    ResetSpec::ToEarliest => 0,
                    ResetSpec::ToLatest => hw,
                    ResetSpec::ToOffset(o) => o,
                    ResetSpec::ShiftBy(d) => (cur as i64 + d) as u64,
                    // Checked against the log's timestamps below.
                    ResetSpec::ToDatetime(_) => new,
                };
                assert_eq!(new, expected, "{spec:?}");
            }
        }
    }

    /// `checkOffsetsRange`: an offset past the log end becomes the log end, a
    /// shift before the log start becomes the log start; nothing is re-read
    /// below it and nothing is skipped past it.
    #[test]
    fn to_offset_and_shift_by_clamp_into_the_log() {
        let c = stopped();
        let before = hw_and_committed(&c);
        let far = c.reset_preview("g", ResetSpec::ToOffset(1_000_000)).unwrap();
        for (row, &(hw, cur)) in far.rows.iter().zip(&before) {
            assert_eq!((row.new, row.skipped, row.new_lag), (hw, hw - cur, 0));
        }
        let back = c.reset_preview("g", ResetSpec::ShiftBy(-1_000_000)).unwrap();
        for (row, &(hw, cur)) in back.rows.iter().zip(&before) {
            assert_eq!((row.new, row.reread, row.skipped, row.new_lag), (0, cur, 0, hw));
        }
    }

    /// `--to-datetime`: the first offset whose timestamp is at or after the time
    /// (`fetchOffsetByTimestamp`); after the last record, the log end offset.
    #[test]
    fn to_datetime_finds_the_first_record_at_or_after_the_time() {
        let c = stopped();
        let v = c.view();
        let t = v.topics.iter().find(|t| t.name == "t").unwrap();
        for ms in [0, 700, 1_550, 2_000] {
            let preview = c.reset_preview("g", ResetSpec::ToDatetime(ms)).unwrap();
            for (p, row) in preview.rows.iter().enumerate() {
                let part = &c.topics[0].partitions[p];
                let ts = |o: u64| part.log.get(o).unwrap().timestamp_ms();
                assert!(row.new < part.high_watermark, "records exist after {ms} ms");
                assert!(ts(row.new) >= ms);
                assert!(row.new == 0 || ts(row.new - 1) < ms, "the first such offset");
            }
            assert_eq!(preview.rows.len(), t.partitions.len());
        }
        let later = c.reset_preview("g", ResetSpec::ToDatetime(c.time_ms() + 60_000)).unwrap();
        let hws: Vec<u64> = hw_and_committed(&c).iter().map(|a| a.0).collect();
        assert_eq!(later.rows.iter().map(|r| r.new).collect::<Vec<_>>(), hws, "none that late: the log end");
    }

    /// A group with members: the preview still shows the plan, but says the
    /// execution is refused with NON_EMPTY_GROUP, as the command is.
    #[test]
    fn a_group_with_members_is_previewed_but_refused() {
        let mut c = run();
        let preview = c.reset_preview("g", ResetSpec::ToEarliest).unwrap();
        let refusal = preview.refusal.expect("the group has a member");
        assert_eq!(refusal.code, ErrorCode::NonEmptyGroup);
        assert!(refusal.en().contains("stop its consumers"), "{}", refusal.en());
        let err = c.apply(Command::ResetOffsets { group: "g".into(), spec: ResetSpec::ToEarliest }).unwrap_err();
        assert_eq!(err, refusal);
        assert!(preview.rows.iter().all(|r| r.new == 0 && r.reread > 0));
        assert_eq!(c.reset_preview("nope", ResetSpec::ToLatest).unwrap_err().code, ErrorCode::GroupIdNotFound);
    }
}
