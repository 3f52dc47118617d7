//! Commands: the only way, besides `tick()`, to change a running cluster.

use crate::config::{GroupConfig, ProducerConfig};
use serde::{Deserialize, Serialize};

/// Where `--reset-offsets` moves a group's committed offsets
/// (`kafka-consumer-groups --reset-offsets`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResetSpec {
    /// `--to-earliest`: the log start offset.
    ToEarliest,
    /// `--to-latest`: the log end offset (the high watermark).
    ToLatest,
    /// `--to-offset N`, clamped into the log's range as the tool does.
    ToOffset(u64),
    /// `--shift-by N` (may be negative), clamped into the log's range.
    ShiftBy(i64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A new member joins the group (a rebalance follows).
    AddConsumer {
        group: String,
    },
    /// A member leaves. `graceful`: it commits and sends LeaveGroup (immediate
    /// rebalance); otherwise it crashes and is removed after `session.timeout.ms`.
    /// `member: None` removes the newest member.
    RemoveConsumer {
        group: String,
        member: Option<String>,
        graceful: bool,
    },
    AddGroup(GroupConfig),
    AddProducer(ProducerConfig),
    RemoveProducer {
        producer: String,
    },
    SetProducerRate {
        producer: String,
        rate_per_s: f64,
    },
    /// Grow a topic to `partitions` in total (`kafka-topics --alter --partitions`).
    /// Fewer than now is INVALID_PARTITIONS: Kafka never removes partitions.
    AddPartitions {
        topic: String,
        partitions: u32,
    },
    /// `kafka-consumer-groups --reset-offsets`; the group must have no active members.
    ResetOffsets {
        group: String,
        spec: ResetSpec,
    },
    /// Change a group's processing rate (records per second per member).
    SetGroupRate {
        group: String,
        records_per_s: f64,
    },
}
