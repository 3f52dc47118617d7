//! `kafka-sim burrow [--group]`: Burrow's evaluation of commit windows read
//! from stdin (`core/internal/evaluator/caching.go` rules, via kafka_sim::burrow).

use kafka_sim::burrow::{evaluate_group, evaluate_partition, validate_group, GroupPartitionInput, PartitionWindow};
use kafka_sim::Lang;
use serde::{Deserialize, Serialize};

/// One partition's answer: `{"status":"OK","reason":"…"}` (plus the explanation).
#[derive(Serialize)]
pub struct PartitionAnswer {
    pub status: &'static str,
    pub reason: &'static str,
    pub explanation: String,
    pub complete: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupRequest {
    pub partitions: Vec<GroupPartitionInput>,
}

/// Evaluates one window (the JSON text of a `PartitionWindow`); `Err` is one line.
pub fn partition(window: PartitionWindow, lang: Lang) -> Result<PartitionAnswer, String> {
    window.validate().map_err(|e| e.to_string())?;
    let e = evaluate_partition(&window);
    Ok(PartitionAnswer {
        status: e.status.as_str(),
        reason: e.reason.code(),
        explanation: e.reason.explain(lang),
        complete: e.complete,
    })
}

pub fn group(request: GroupRequest) -> Result<kafka_sim::burrow::GroupEvaluation, String> {
    validate_group(&request.partitions).map_err(|e| e.to_string())?;
    Ok(evaluate_group(&request.partitions))
}
