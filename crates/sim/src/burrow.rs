//! Burrow-style consumer lag evaluation.
//!
//! [Burrow](https://github.com/linkedin/Burrow) judges a consumer group without a
//! lag threshold. For every partition the group consumes it keeps a short sliding
//! window of the group's offset commits (offset, commit time and the lag at that
//! moment) plus a few recent log end offsets of the partition, and applies a fixed
//! list of rules to that window. This module reproduces those rules, the way the
//! window is stored, and the way partition results are folded into a group status.
//!
//! Sources (repository `linkedin/Burrow`), read for this module:
//!
//! * `core/internal/evaluator/caching.go`: `evaluateConsumerStatus` (group fold),
//!   `evaluatePartitionStatus` (completeness), `calculatePartitionStatus` (rule
//!   order) and the rule functions `isLagAlwaysNotZero`, `checkIfOffsetsRewind`,
//!   `checkIfRewindRecovered`, `checkIfOffsetsStopped`, `checkIfOffsetsStalled`,
//!   `checkIfLagNotDecreasing`, `checkIfRecentLagZero`. The rule order followed
//!   here is the current upstream one, i.e. after PR #591 (`allowed-lag`, default
//!   0) and PR #716 (a rewind counts even if the lag was zero earlier, unless the
//!   consumer has since got back to where it was).
//! * `core/internal/evaluator/caching_test.go`: the rule table `tests` checked by
//!   `TestCachingEvaluator_CheckRules`, and the group tests
//!   `TestCachingEvaluator_SingleRequest_*` / `TestCachingEvaluator_TopicDeleted`.
//! * `core/internal/storage/inmemory.go`: `addConsumerOffset`,
//!   `mergeFrequentCommitIntoPrevious` (the min-distance rule),
//!   `addBrokerOffset` (broker offset ring) and `fetchConsumer` (current lag).
//! * `core/internal/storage/inmemory_test.go` and `storage/fixtures.go`.
//! * `core/protocol/evaluator.go`: `StatusConstant` (`NOTFOUND`=0, `OK`=1,
//!   `WARN`=2, `ERR`=3, `STOP`=4, `STALL`=5, `REWIND`=6), `PartitionStatus`,
//!   `ConsumerGroupStatus`.
//! * The Burrow wiki page "Consumer Lag Evaluation Rules".
//!
//! Differences from Burrow:
//!
//! * Time is an integer number of simulated milliseconds (`now_ms`). Burrow reads
//!   the wall clock in whole seconds and multiplies by 1000; here nothing is
//!   truncated.
//! * Burrow stores lags as unsigned numbers; here they are `i64` and
//!   [`PartitionWindow::validate`] rejects negative values.
//! * Burrow's storage orders commits by their position in `__consumer_offsets`
//!   (`Order`) and can insert a late commit in the middle of the ring. The
//!   simulation produces commits in log order, so [`CommitWindow::record`] only
//!   appends or merges; the out-of-order cases are not modelled.
//! * The copy of `caching_test.go` that was available predates PR #716: its row 7
//!   expects REWIND for a rewind the consumer has already recovered from. Under
//!   the current rules that row evaluates to OK; the restated test says so and a
//!   variant with the rewind left unrecovered checks REWIND.

use crate::error::FieldPath;
use crate::ids::TopicPartition;
use serde::{Deserialize, Serialize, Serializer};
use std::collections::VecDeque;
use std::fmt;

/// Burrow's default number of commits kept per partition (`storage.intervals`,
/// set in `InMemoryStorage.Configure`).
pub const DEFAULT_INTERVALS: u32 = 10;

/// The language of an explanation (the engine's one language type).
pub use crate::text::Lang;

// ---------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------

/// One stored offset commit (Burrow's `protocol.ConsumerOffset`, without `Order`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commit {
    /// The committed offset (the next offset the consumer will read).
    pub offset: i64,
    /// When the commit was made, in simulated milliseconds.
    pub timestamp_ms: i64,
    /// Log end offset minus `offset` when the commit was stored, or `None` when no
    /// lag was recorded (Burrow leaves it nil for commits it inserts out of order).
    /// The rules skip a missing lag.
    #[serde(default)]
    pub lag: Option<i64>,
}

/// Everything Burrow looks at to judge one partition.
///
/// JSON shape (CLI contract), `allowed_lag` optional:
/// `{"commits":[{"offset":1000,"timestamp_ms":100000,"lag":0}],
///   "broker_offsets":[5200],"current_lag":200,"now_ms":600000,"allowed_lag":0}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartitionWindow {
    /// The stored commits, oldest first.
    pub commits: Vec<Commit>,
    /// The partition's recent log end offsets, oldest first (only used to ask
    /// "was the consumer caught up a moment ago?", so their order does not matter).
    pub broker_offsets: Vec<i64>,
    /// Latest log end offset minus the last committed offset (0 if negative).
    pub current_lag: i64,
    /// The evaluation time, in simulated milliseconds.
    pub now_ms: i64,
    /// Burrow's `allowed-lag` (default 0): a lag up to this value counts as zero.
    #[serde(default)]
    pub allowed_lag: i64,
}

/// Why a commit window (or a group of them) is input Burrow would never hold.
/// `Display` gives one English line (from [`crate::text`]), as the CLI prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WindowError {
    /// A count, lag, time or broker offset below 0.
    Negative {
        field: FieldPath,
        value: i64,
    },
    NegativeOffset {
        index: usize,
        offset: i64,
    },
    NegativeLag {
        index: usize,
        lag: i64,
    },
    /// Commit `index` is older than the one before it.
    CommitsOutOfOrder {
        index: usize,
        timestamp_ms: i64,
        previous_ms: i64,
    },
    NoBrokerOffsets,
    NowBeforeLastCommit {
        now_ms: i64,
        last_commit_ms: i64,
    },
    ZeroIntervals,
    /// A group request lists a partition twice.
    ListedTwice {
        partition: TopicPartition,
    },
    /// A group request's partition has an invalid window.
    InPartition {
        partition: TopicPartition,
        error: Box<WindowError>,
    },
}

impl fmt::Display for WindowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::window_error(self))
    }
}

impl std::error::Error for WindowError {}

impl PartitionWindow {
    /// Checks the window for input Burrow would never hold, returning one line
    /// naming the first problem.
    ///
    /// Rejected: negative `current_lag`, `allowed_lag`, `now_ms`, offsets,
    /// timestamps, lags or broker offsets; commit timestamps that go backwards
    /// (the list must be oldest first; equal timestamps are allowed, Burrow can
    /// store those); `now_ms` before the last commit; and commits without any
    /// broker offset (Burrow's `addConsumerOffset` drops a commit until it has
    /// seen a log end offset for the partition). An empty `commits` list is
    /// valid: Burrow evaluates it as OK with `complete` 0.
    pub fn validate(&self) -> Result<(), WindowError> {
        use WindowError as E;
        let negative = |field: FieldPath, value: i64| Err(E::Negative { field, value });
        if self.current_lag < 0 {
            return negative("current_lag".into(), self.current_lag);
        }
        if self.allowed_lag < 0 {
            return negative("allowed_lag".into(), self.allowed_lag);
        }
        if self.now_ms < 0 {
            return negative("now_ms".into(), self.now_ms);
        }
        for (i, c) in self.commits.iter().enumerate() {
            if c.offset < 0 {
                return Err(E::NegativeOffset { index: i, offset: c.offset });
            }
            if c.timestamp_ms < 0 {
                return negative(FieldPath::root().item("commits", i).field("timestamp_ms"), c.timestamp_ms);
            }
            if let Some(lag) = c.lag.filter(|&l| l < 0) {
                return Err(E::NegativeLag { index: i, lag });
            }
            if i > 0 && c.timestamp_ms < self.commits[i - 1].timestamp_ms {
                let previous_ms = self.commits[i - 1].timestamp_ms;
                return Err(E::CommitsOutOfOrder { index: i, timestamp_ms: c.timestamp_ms, previous_ms });
            }
        }
        if let Some((i, &b)) = self.broker_offsets.iter().enumerate().find(|(_, &b)| b < 0) {
            return negative(FieldPath::root().item("broker_offsets", i), b);
        }
        if let Some(last) = self.commits.last() {
            if self.broker_offsets.is_empty() {
                return Err(E::NoBrokerOffsets);
            }
            if self.now_ms < last.timestamp_ms {
                return Err(E::NowBeforeLastCommit { now_ms: self.now_ms, last_commit_ms: last.timestamp_ms });
            }
        }
        Ok(())
    }
}

/// Evaluation settings that Burrow takes from its configuration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EvalOptions {
    /// Length of the commit ring (`storage.intervals`, default 10); decides the
    /// per-partition `complete` fraction.
    pub intervals: u32,
    /// `evaluator.minimum-complete` (default 0): a partition whose window is
    /// filled less than this is reported OK without applying the rules.
    pub minimum_complete: f64,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions { intervals: DEFAULT_INTERVALS, minimum_complete: 0.0 }
    }
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/// A partition's status (Burrow's `StatusConstant` values 1, 2, 4, 5 and 6; the
/// variants are in Burrow's order, so `Ord` matches its numeric comparison).
/// `NOTFOUND` is only used by Burrow for an unknown group and `ERR` only for a
/// group, so neither appears here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum PartitionStatus {
    Ok,
    Warn,
    Stop,
    Stall,
    Rewind,
}

impl PartitionStatus {
    /// The name as Burrow prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            PartitionStatus::Ok => "OK",
            PartitionStatus::Warn => "WARN",
            PartitionStatus::Stop => "STOP",
            PartitionStatus::Stall => "STALL",
            PartitionStatus::Rewind => "REWIND",
        }
    }

    /// Burrow's numeric `StatusConstant`.
    pub fn burrow_code(self) -> u8 {
        match self {
            PartitionStatus::Ok => 1,
            PartitionStatus::Warn => 2,
            PartitionStatus::Stop => 4,
            PartitionStatus::Stall => 5,
            PartitionStatus::Rewind => 6,
        }
    }
}

impl fmt::Display for PartitionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A group's status: the worst partition status, with STOP, STALL and REWIND all
/// reported as ERR (`evaluateConsumerStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum GroupStatus {
    Ok,
    Warn,
    Err,
}

impl GroupStatus {
    /// The name as Burrow prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupStatus::Ok => "OK",
            GroupStatus::Warn => "WARN",
            GroupStatus::Err => "ERR",
        }
    }
}

impl fmt::Display for GroupStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a partition got its status. Serialises as its snake_case [`code`](Reason::code);
/// the fields hold the numbers [`explain`](Reason::explain) quotes. Commit
/// indexes count from 0 into `commits`.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// OK: the window holds no commits (`evaluatePartitionStatus` returns early).
    NoCommits,
    /// OK: the window is less complete than `minimum-complete`, so no rule ran.
    WindowIncomplete { complete: f64, minimum_complete: f64 },
    /// OK: the current lag is within the allowed lag, so no rule ran.
    NoCurrentLag { current_lag: i64, allowed_lag: i64 },
    /// STOP (`checkIfOffsetsStopped`): the time since the last commit is longer
    /// than the window spans, and no recent broker offset shows the consumer
    /// caught up.
    NoCommitsSinceWindowSpan { since_last_commit_ms: i64, window_span_ms: i64, current_lag: i64 },
    /// REWIND (`checkIfOffsetsRewind` and not `checkIfRewindRecovered`): commit
    /// `index` is lower than the one before it and no later commit got back.
    OffsetsRewound { index: usize, previous_offset: i64, rewound_offset: i64 },
    /// OK (`isLagAlwaysNotZero` false): commit `index` had a lag within the
    /// allowed lag.
    LagZeroAtSomePoint { index: usize, lag: i64, allowed_lag: i64 },
    /// STALL (`checkIfOffsetsStalled`): every commit is at the same offset while
    /// there is lag.
    OffsetsStalled { offset: i64, commits: usize, current_lag: i64 },
    /// WARN (`checkIfLagNotDecreasing`): offsets move but the lag never goes down.
    LagNotDecreasing { first_lag: Option<i64>, last_lag: Option<i64>, commits: usize },
    /// OK: none of the rules fired; the lag fell at commit `index`.
    LagDecreasing { index: usize, from_lag: i64, to_lag: i64 },
}

impl Reason {
    /// The machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::NoCommits => "no_commits",
            Reason::WindowIncomplete { .. } => "window_incomplete",
            Reason::NoCurrentLag { .. } => "no_current_lag",
            Reason::NoCommitsSinceWindowSpan { .. } => "no_commits_since_window_span",
            Reason::OffsetsRewound { .. } => "offsets_rewound",
            Reason::LagZeroAtSomePoint { .. } => "lag_zero_at_some_point",
            Reason::OffsetsStalled { .. } => "offsets_stalled",
            Reason::LagNotDecreasing { .. } => "lag_not_decreasing",
            Reason::LagDecreasing { .. } => "lag_decreasing",
        }
    }

    /// A plain explanation for a student, with the numbers that decided it.
    pub fn explain(&self, lang: Lang) -> String {
        crate::text::burrow_reason(self, lang)
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Something that changed the outcome without being its reason. Serialises as
/// its snake_case [`code`](Note::code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// The timestamps said STOP, but a recent broker offset (`broker_offset`) was
    /// at or below the last committed offset (`checkIfRecentLagZero`), so the STOP
    /// was held back (Burrow issue #303).
    StopDeferred { broker_offset: i64, last_offset: i64 },
    /// The offsets went back at commit `index` but a later commit reached
    /// `recovered_offset` >= `previous_offset` (`checkIfRewindRecovered`), so the
    /// rewind was not held against the consumer (PR #716).
    RewindRecovered { index: usize, previous_offset: i64, rewound_offset: i64, recovered_offset: i64 },
}

impl Note {
    /// The machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Note::StopDeferred { .. } => "stop_deferred",
            Note::RewindRecovered { .. } => "rewind_recovered",
        }
    }

    /// A plain explanation with the numbers involved.
    pub fn explain(&self, lang: Lang) -> String {
        crate::text::burrow_note(self, lang)
    }
}

impl Serialize for Note {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// The result of every rule function on a non-empty window, each computed on its
/// own the way `TestCachingEvaluator_CheckRules` calls them (so several can be
/// true at once; the status comes from their order in `calculatePartitionStatus`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleChecks {
    /// `isLagAlwaysNotZero`: no recorded lag is within the allowed lag.
    pub lag_always_not_zero: bool,
    /// `checkIfOffsetsRewind`: the first index whose offset is lower than the
    /// previous one (Burrow returns -1 for none).
    pub rewind_index: Option<usize>,
    /// `checkIfRewindRecovered` for `rewind_index`, if there is one.
    pub rewind_recovered: Option<bool>,
    /// `checkIfOffsetsStopped`: now minus the last commit time is greater than the
    /// last minus the first commit time.
    pub offsets_stopped: bool,
    /// `checkIfOffsetsStalled`: every commit has the same offset.
    pub offsets_stalled: bool,
    /// `checkIfLagNotDecreasing`: no recorded lag is lower than the previous one.
    pub lag_not_decreasing: bool,
    /// `checkIfRecentLagZero`: some broker offset is at or below the last
    /// committed offset.
    pub recent_lag_zero: bool,
}

impl RuleChecks {
    fn compute(w: &PartitionWindow) -> Option<RuleChecks> {
        let c = &w.commits;
        if c.is_empty() {
            return None;
        }
        let rewind_index = check_if_offsets_rewind(c);
        Some(RuleChecks {
            lag_always_not_zero: is_lag_always_not_zero(c, w.allowed_lag),
            rewind_index,
            rewind_recovered: rewind_index.map(|i| check_if_rewind_recovered(c, i)),
            offsets_stopped: check_if_offsets_stopped(c, w.now_ms),
            offsets_stalled: check_if_offsets_stalled(c),
            lag_not_decreasing: check_if_lag_not_decreasing(c),
            recent_lag_zero: check_if_recent_lag_zero(c, &w.broker_offsets),
        })
    }
}

/// One partition's evaluation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartitionEvaluation {
    pub status: PartitionStatus,
    pub reason: Reason,
    /// How full the commit ring is, as Burrow's `evaluatePartitionStatus` computes
    /// it: stored commits / `intervals`, or 1.0 once the ring is full; 0.0 for a
    /// partition without commits (Burrow returns before setting it).
    pub complete: f64,
    /// Every rule's result (absent for an empty window).
    pub checks: Option<RuleChecks>,
    /// Facts that changed the outcome without being its reason.
    pub notes: Vec<Note>,
}

impl PartitionEvaluation {
    /// The reason's explanation followed by the notes' explanations.
    pub fn explain(&self, lang: Lang) -> String {
        let mut out = self.reason.explain(lang);
        for note in &self.notes {
            out.push(' ');
            out.push_str(&note.explain(lang));
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Rules (caching.go)
// ---------------------------------------------------------------------------

/// Rule 1, `isLagAlwaysNotZero`: false as soon as one recorded lag is within the
/// allowed lag; commits without a lag are skipped.
fn is_lag_always_not_zero(commits: &[Commit], allowed_lag: i64) -> bool {
    !commits.iter().any(|c| matches!(c.lag, Some(l) if l <= allowed_lag))
}

/// Rule 2, `checkIfOffsetsRewind`: the first index whose offset is lower than the
/// previous commit's.
fn check_if_offsets_rewind(commits: &[Commit]) -> Option<usize> {
    (1..commits.len()).find(|&i| commits[i].offset < commits[i - 1].offset)
}

/// Rule 2 part 2, `checkIfRewindRecovered`: from the rewound commit on, does any
/// commit reach the offset committed just before the rewind?
fn check_if_rewind_recovered(commits: &[Commit], rewind_index: usize) -> bool {
    let before = commits[rewind_index - 1].offset;
    commits[rewind_index..].iter().any(|c| c.offset >= before)
}

/// Rule 3, `checkIfOffsetsStopped`: (now - last commit time) > (last - first
/// commit time), strictly.
fn check_if_offsets_stopped(commits: &[Commit], now_ms: i64) -> bool {
    let (first, last) = (commits[0].timestamp_ms, commits[commits.len() - 1].timestamp_ms);
    now_ms.saturating_sub(last) > last.saturating_sub(first)
}

/// Rule 4, `checkIfOffsetsStalled`: every commit has the same offset (true for a
/// single commit).
fn check_if_offsets_stalled(commits: &[Commit]) -> bool {
    commits.windows(2).all(|p| p[0].offset == p[1].offset)
}

/// Rule 5, `checkIfLagNotDecreasing`: no recorded lag is lower than the previous
/// recorded one (commits without a lag are skipped).
fn check_if_lag_not_decreasing(commits: &[Commit]) -> bool {
    first_lag_decrease(commits).is_none()
}

/// The first `(index, previous lag, lag)` where a recorded lag is lower than the
/// previous recorded lag.
fn first_lag_decrease(commits: &[Commit]) -> Option<(usize, i64, i64)> {
    let mut last: Option<i64> = None;
    for (i, c) in commits.iter().enumerate() {
        if let Some(lag) = c.lag {
            if let Some(prev) = last {
                if lag < prev {
                    return Some((i, prev, lag));
                }
            }
            last = Some(lag);
        }
    }
    None
}

/// `checkIfRecentLagZero`: some stored log end offset is at or below the last
/// committed offset, i.e. the consumer was caught up when that offset was read.
fn check_if_recent_lag_zero(commits: &[Commit], broker_offsets: &[i64]) -> bool {
    recent_zero_broker_offset(commits, broker_offsets).is_some()
}

fn recent_zero_broker_offset(commits: &[Commit], broker_offsets: &[i64]) -> Option<i64> {
    let last = commits.last()?.offset;
    broker_offsets.iter().copied().find(|&b| b <= last)
}

/// `calculatePartitionStatus` in upstream order:
///
/// 1. current lag <= allowed lag: OK;
/// 2. stopped and no recent zero lag: STOP;
/// 3. a rewind that has not recovered: REWIND;
/// 4. some lag within the allowed lag: OK;
/// 5. stalled: STALL;
/// 6. lag not decreasing: WARN;
/// 7. otherwise OK.
///
/// `commits` must not be empty.
fn calculate_partition_status(w: &PartitionWindow, checks: &RuleChecks) -> (PartitionStatus, Reason, Vec<Note>) {
    let c = &w.commits;
    let mut notes = Vec::new();
    if w.current_lag <= w.allowed_lag {
        return (
            PartitionStatus::Ok,
            Reason::NoCurrentLag { current_lag: w.current_lag, allowed_lag: w.allowed_lag },
            notes,
        );
    }
    let (first, last) = (&c[0], &c[c.len() - 1]);
    if checks.offsets_stopped {
        match recent_zero_broker_offset(c, &w.broker_offsets) {
            None => {
                return (
                    PartitionStatus::Stop,
                    Reason::NoCommitsSinceWindowSpan {
                        since_last_commit_ms: w.now_ms.saturating_sub(last.timestamp_ms),
                        window_span_ms: last.timestamp_ms.saturating_sub(first.timestamp_ms),
                        current_lag: w.current_lag,
                    },
                    notes,
                )
            }
            Some(broker_offset) => notes.push(Note::StopDeferred { broker_offset, last_offset: last.offset }),
        }
    }
    if let Some(i) = checks.rewind_index {
        let (previous_offset, rewound_offset) = (c[i - 1].offset, c[i].offset);
        match c[i..].iter().find(|x| x.offset >= previous_offset) {
            None => {
                return (
                    PartitionStatus::Rewind,
                    Reason::OffsetsRewound { index: i, previous_offset, rewound_offset },
                    notes,
                )
            }
            Some(r) => notes.push(Note::RewindRecovered {
                index: i,
                previous_offset,
                rewound_offset,
                recovered_offset: r.offset,
            }),
        }
    }
    if !checks.lag_always_not_zero {
        let (index, lag) = c
            .iter()
            .enumerate()
            .find_map(|(i, x)| x.lag.filter(|&l| l <= w.allowed_lag).map(|l| (i, l)))
            .unwrap_or((0, 0));
        return (PartitionStatus::Ok, Reason::LagZeroAtSomePoint { index, lag, allowed_lag: w.allowed_lag }, notes);
    }
    if checks.offsets_stalled {
        return (
            PartitionStatus::Stall,
            Reason::OffsetsStalled { offset: first.offset, commits: c.len(), current_lag: w.current_lag },
            notes,
        );
    }
    match first_lag_decrease(c) {
        None => (
            PartitionStatus::Warn,
            Reason::LagNotDecreasing {
                first_lag: c.iter().find_map(|x| x.lag),
                last_lag: c.iter().rev().find_map(|x| x.lag),
                commits: c.len(),
            },
            notes,
        ),
        Some((index, from_lag, to_lag)) => {
            (PartitionStatus::Ok, Reason::LagDecreasing { index, from_lag, to_lag }, notes)
        }
    }
}

/// The per-partition `complete` of `evaluatePartitionStatus`: the stored share of
/// a ring of `intervals` slots, 1.0 once it is full.
fn window_complete(stored: usize, intervals: u32) -> f64 {
    if (stored as u64) < u64::from(intervals) {
        stored as f64 / f64::from(intervals)
    } else {
        1.0
    }
}

/// Evaluates one partition with Burrow's defaults (10 intervals, minimum-complete
/// 0). Assumes a window that passes [`PartitionWindow::validate`]; anything else
/// still gets an answer, never a panic.
pub fn evaluate_partition(w: &PartitionWindow) -> PartitionEvaluation {
    evaluate_partition_with(w, &EvalOptions::default())
}

/// Evaluates one partition (`evaluatePartitionStatus` + `calculatePartitionStatus`).
pub fn evaluate_partition_with(w: &PartitionWindow, opts: &EvalOptions) -> PartitionEvaluation {
    let Some(checks) = RuleChecks::compute(w) else {
        return PartitionEvaluation {
            status: PartitionStatus::Ok,
            reason: Reason::NoCommits,
            complete: 0.0,
            checks: None,
            notes: Vec::new(),
        };
    };
    let complete = window_complete(w.commits.len(), opts.intervals);
    let (status, reason, notes) = if complete >= opts.minimum_complete {
        calculate_partition_status(w, &checks)
    } else {
        (
            PartitionStatus::Ok,
            Reason::WindowIncomplete { complete, minimum_complete: opts.minimum_complete },
            Vec::new(),
        )
    };
    PartitionEvaluation { status, reason, complete, checks: Some(checks), notes }
}

// ---------------------------------------------------------------------------
// Group
// ---------------------------------------------------------------------------

/// One partition of a group. JSON: the [`PartitionWindow`] fields next to `topic`
/// and `partition`; unknown fields are rejected (serde's `flatten` cannot do that,
/// so deserialisation goes through a flat private struct).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "GroupPartitionInputRepr")]
pub struct GroupPartitionInput {
    pub topic: String,
    pub partition: u32,
    #[serde(flatten)]
    pub window: PartitionWindow,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupPartitionInputRepr {
    topic: String,
    partition: u32,
    commits: Vec<Commit>,
    broker_offsets: Vec<i64>,
    current_lag: i64,
    now_ms: i64,
    #[serde(default)]
    allowed_lag: i64,
}

impl From<GroupPartitionInputRepr> for GroupPartitionInput {
    fn from(r: GroupPartitionInputRepr) -> Self {
        GroupPartitionInput {
            topic: r.topic,
            partition: r.partition,
            window: PartitionWindow {
                commits: r.commits,
                broker_offsets: r.broker_offsets,
                current_lag: r.current_lag,
                now_ms: r.now_ms,
                allowed_lag: r.allowed_lag,
            },
        }
    }
}

/// Validates every partition (messages start with `topic-partition: `) and
/// rejects a topic-partition listed twice.
pub fn validate_group(parts: &[GroupPartitionInput]) -> Result<(), WindowError> {
    let mut seen: Vec<(&str, u32)> = Vec::with_capacity(parts.len());
    for p in parts {
        let key = (p.topic.as_str(), p.partition);
        let tp = || TopicPartition::new(p.topic.clone(), p.partition);
        if seen.contains(&key) {
            return Err(WindowError::ListedTwice { partition: tp() });
        }
        seen.push(key);
        p.window.validate().map_err(|e| WindowError::InPartition { partition: tp(), error: Box::new(e) })?;
    }
    Ok(())
}

/// The partition with the most lag (Burrow's `Maxlag`, reduced to its identity
/// and lag).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MaxLag {
    pub topic: String,
    pub partition: u32,
    pub lag: i64,
}

/// One partition's line in a group evaluation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupPartitionResult {
    pub topic: String,
    pub partition: u32,
    pub status: PartitionStatus,
    pub reason: Reason,
    pub complete: f64,
    pub current_lag: i64,
}

/// A group's evaluation (Burrow's `ConsumerGroupStatus`, every partition shown).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupEvaluation {
    pub status: GroupStatus,
    /// The share of partitions whose own `complete` is exactly 1.0 (0.0 for a
    /// group without partitions).
    pub complete: f64,
    /// The sum of the partitions' current lags.
    pub total_lag: i64,
    /// The first partition with the highest current lag; `None` without partitions.
    pub max_lag: Option<MaxLag>,
    /// The partitions in input order.
    pub partitions: Vec<GroupPartitionResult>,
}

/// Evaluates a group with Burrow's defaults.
pub fn evaluate_group(parts: &[GroupPartitionInput]) -> GroupEvaluation {
    evaluate_group_with(parts, &EvalOptions::default())
}

/// Evaluates a group the way `evaluateConsumerStatus` folds its partitions: the
/// status starts at OK and rises to each worse partition status, anything worse
/// than ERR (STOP, STALL, REWIND) counting as ERR; `max_lag` changes only on a
/// strictly greater lag, so ties keep the earlier partition.
pub fn evaluate_group_with(parts: &[GroupPartitionInput], opts: &EvalOptions) -> GroupEvaluation {
    let mut status = GroupStatus::Ok;
    let mut total_lag: i64 = 0;
    let mut max_lag: Option<MaxLag> = None;
    let mut complete_partitions = 0usize;
    let mut partitions = Vec::with_capacity(parts.len());
    for p in parts {
        let eval = evaluate_partition_with(&p.window, opts);
        let as_group = match eval.status {
            PartitionStatus::Ok => GroupStatus::Ok,
            PartitionStatus::Warn => GroupStatus::Warn,
            PartitionStatus::Stop | PartitionStatus::Stall | PartitionStatus::Rewind => GroupStatus::Err,
        };
        status = status.max(as_group);
        let lag = p.window.current_lag;
        total_lag = total_lag.saturating_add(lag);
        if max_lag.as_ref().is_none_or(|m| lag > m.lag) {
            max_lag = Some(MaxLag { topic: p.topic.clone(), partition: p.partition, lag });
        }
        if eval.complete == 1.0 {
            complete_partitions += 1;
        }
        partitions.push(GroupPartitionResult {
            topic: p.topic.clone(),
            partition: p.partition,
            status: eval.status,
            reason: eval.reason,
            complete: eval.complete,
            current_lag: lag,
        });
    }
    let complete = if parts.is_empty() { 0.0 } else { complete_partitions as f64 / parts.len() as f64 };
    GroupEvaluation { status, complete, total_lag, max_lag, partitions }
}

// ---------------------------------------------------------------------------
// Storage (inmemory.go)
// ---------------------------------------------------------------------------

/// What [`CommitWindow::record`] did with a commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordOutcome {
    /// Stored as a new newest entry; the ring had room.
    Appended,
    /// Stored as a new newest entry; the oldest entry fell out of the full ring.
    AppendedEvictedOldest,
    /// Came less than `min_distance_ms` after the newest entry and replaced it,
    /// keeping that entry's timestamp (`mergeFrequentCommitIntoPrevious`).
    MergedIntoPrevious,
}

/// One partition's stored commits, as Burrow's in-memory storage keeps them: a ring
/// of `intervals` entries, where a commit arriving closer than `min_distance_ms`
/// to the newest stored one overwrites it instead of taking a new slot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitWindow {
    intervals: u32,
    min_distance_ms: i64,
    ring: VecDeque<Commit>,
}

impl Default for CommitWindow {
    /// Burrow's defaults: 10 intervals, min-distance 0.
    fn default() -> Self {
        CommitWindow { intervals: DEFAULT_INTERVALS, min_distance_ms: 0, ring: VecDeque::new() }
    }
}

impl CommitWindow {
    /// A ring of `intervals` (>= 1) commits with the given min-distance (>= 0;
    /// Burrow configures it in seconds as `min-distance`).
    pub fn new(intervals: u32, min_distance_ms: i64) -> Result<Self, WindowError> {
        if intervals == 0 {
            return Err(WindowError::ZeroIntervals);
        }
        if min_distance_ms < 0 {
            return Err(WindowError::Negative { field: "min_distance_ms".into(), value: min_distance_ms });
        }
        Ok(CommitWindow { intervals, min_distance_ms, ring: VecDeque::with_capacity(intervals as usize) })
    }

    pub fn intervals(&self) -> u32 {
        self.intervals
    }

    pub fn min_distance_ms(&self) -> i64 {
        self.min_distance_ms
    }

    /// Stores a commit the way `addConsumerOffset` does for a commit newer than
    /// everything stored. If there is a newest entry and
    /// `timestamp_ms - newest.timestamp_ms < min_distance_ms` (strictly; note this
    /// is also true when the new timestamp is earlier), the newest entry gets the
    /// new offset and lag but keeps its own timestamp, so a stream of frequent
    /// commits still moves the ring on once per min-distance. Otherwise the commit
    /// is appended and, when the ring already holds `intervals` entries, the
    /// oldest one is dropped.
    pub fn record(&mut self, offset: i64, timestamp_ms: i64, lag: Option<i64>) -> RecordOutcome {
        if let Some(newest) = self.ring.back_mut() {
            if timestamp_ms.saturating_sub(newest.timestamp_ms) < self.min_distance_ms {
                newest.offset = offset;
                newest.lag = lag;
                return RecordOutcome::MergedIntoPrevious;
            }
        }
        self.ring.push_back(Commit { offset, timestamp_ms, lag });
        let mut evicted = false;
        while self.ring.len() > self.intervals.max(1) as usize {
            self.ring.pop_front();
            evicted = true;
        }
        if evicted {
            RecordOutcome::AppendedEvictedOldest
        } else {
            RecordOutcome::Appended
        }
    }

    /// Like [`record`](Self::record), with the lag computed the way
    /// `addConsumerOffset` does from the latest log end offset.
    pub fn record_against(&mut self, offset: i64, timestamp_ms: i64, log_end_offset: i64) -> RecordOutcome {
        self.record(offset, timestamp_ms, Some(lag_at(log_end_offset, offset)))
    }

    /// The stored commits, oldest first.
    pub fn commits(&self) -> Vec<Commit> {
        self.ring.iter().cloned().collect()
    }

    pub fn newest(&self) -> Option<&Commit> {
        self.ring.back()
    }

    pub fn len(&self) -> usize {
        self.ring.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ring.is_empty()
    }

    /// The per-partition `complete` Burrow would report for this ring.
    pub fn complete(&self) -> f64 {
        if self.ring.is_empty() {
            0.0
        } else {
            window_complete(self.ring.len(), self.intervals)
        }
    }

    /// The window Burrow's `fetchConsumer` hands to the evaluator: these commits,
    /// the broker ring's offsets and the current lag (latest log end offset minus
    /// the last committed offset, 0 if negative, 0 without commits or broker
    /// offsets).
    pub fn window(&self, brokers: &BrokerOffsetRing, now_ms: i64, allowed_lag: i64) -> PartitionWindow {
        let current_lag = match (self.ring.back(), brokers.latest()) {
            (Some(last), Some(leo)) => lag_at(leo, last.offset),
            _ => 0,
        };
        PartitionWindow { commits: self.commits(), broker_offsets: brokers.offsets(), current_lag, now_ms, allowed_lag }
    }

    /// Evaluates [`window`](Self::window) with this ring's `intervals`.
    pub fn evaluate(&self, brokers: &BrokerOffsetRing, now_ms: i64, allowed_lag: i64) -> PartitionEvaluation {
        let opts = EvalOptions { intervals: self.intervals, ..EvalOptions::default() };
        evaluate_partition_with(&self.window(brokers, now_ms, allowed_lag), &opts)
    }
}

/// Lag as Burrow's storage computes it: `log_end_offset - committed_offset`, or 0
/// when the broker offset it knows is behind the commit.
pub fn lag_at(log_end_offset: i64, committed_offset: i64) -> i64 {
    log_end_offset.saturating_sub(committed_offset).max(0)
}

/// A partition's recent log end offsets (`addBrokerOffset`): a ring of
/// `intervals` entries, each new reading overwriting the oldest; no min-distance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrokerOffsetRing {
    intervals: u32,
    ring: VecDeque<i64>,
}

impl Default for BrokerOffsetRing {
    fn default() -> Self {
        BrokerOffsetRing { intervals: DEFAULT_INTERVALS, ring: VecDeque::new() }
    }
}

impl BrokerOffsetRing {
    /// A ring of `intervals` (>= 1) offsets.
    pub fn new(intervals: u32) -> Result<Self, String> {
        if intervals == 0 {
            return Err("intervals must be at least 1".to_string());
        }
        Ok(BrokerOffsetRing { intervals, ring: VecDeque::with_capacity(intervals as usize) })
    }

    pub fn intervals(&self) -> u32 {
        self.intervals
    }

    /// Stores a log end offset reading.
    pub fn record(&mut self, log_end_offset: i64) {
        self.ring.push_back(log_end_offset);
        while self.ring.len() > self.intervals.max(1) as usize {
            self.ring.pop_front();
        }
    }

    /// The newest reading.
    pub fn latest(&self) -> Option<i64> {
        self.ring.back().copied()
    }

    /// The stored readings, oldest first.
    pub fn offsets(&self) -> Vec<i64> {
        self.ring.iter().copied().collect()
    }

    pub fn len(&self) -> usize {
        self.ring.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ring.is_empty()
    }
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn c(offset: i64, timestamp_ms: i64, lag: i64) -> Commit {
        Commit { offset, timestamp_ms, lag: Some(lag) }
    }

    fn c_nil(offset: i64, timestamp_ms: i64) -> Commit {
        Commit { offset, timestamp_ms, lag: None }
    }

    fn window(commits: Vec<Commit>, broker_offsets: Vec<i64>, current_lag: i64, now_ms: i64) -> PartitionWindow {
        PartitionWindow { commits, broker_offsets, current_lag, now_ms, allowed_lag: 0 }
    }

    /// One row of the `tests` table in Burrow's `caching_test.go`. Burrow's
    /// `timeNow` is in seconds; it is given here already multiplied by 1000.
    /// `rewind` is `checkIfOffsetsRewind` as a yes/no (the table's column).
    struct Row {
        w: PartitionWindow,
        lag_always_not_zero: bool,
        rewind: bool,
        stopped: bool,
        stalled: bool,
        lag_not_decreasing: bool,
        recent_lag_zero: bool,
        status: PartitionStatus,
    }

    fn check_row(name: &str, row: Row) {
        row.w.validate().unwrap_or_else(|e| panic!("{name}: invalid window: {e}"));
        let eval = evaluate_partition(&row.w);
        let k = eval.checks.clone().expect("non-empty window");
        assert_eq!(k.lag_always_not_zero, row.lag_always_not_zero, "{name}: isLagAlwaysNotZero");
        assert_eq!(k.rewind_index.is_some(), row.rewind, "{name}: checkIfOffsetsRewind");
        assert_eq!(k.offsets_stopped, row.stopped, "{name}: checkIfOffsetsStopped");
        assert_eq!(k.offsets_stalled, row.stalled, "{name}: checkIfOffsetsStalled");
        assert_eq!(k.lag_not_decreasing, row.lag_not_decreasing, "{name}: checkIfLagNotDecreasing");
        assert_eq!(k.recent_lag_zero, row.recent_lag_zero, "{name}: checkIfRecentLagZero");
        assert_eq!(eval.status, row.status, "{name}: calculatePartitionStatus ({:?})", eval.reason);
        for lang in [Lang::En, Lang::Ko] {
            assert!(!eval.explain(lang).is_empty());
        }
    }

    fn five(offsets: [i64; 5], lags: [i64; 5]) -> Vec<Commit> {
        (0..5).map(|i| c(offsets[i], (i as i64 + 1) * 100_000, lags[i])).collect()
    }

    /// The 15 commits shared by rows 9 and 10 (Burrow issues #290 and #303).
    fn issue_290_commits() -> Vec<Commit> {
        let ts = [
            1512224618356,
            1512224619362,
            1512224620366,
            1512224621367,
            1512224622370,
            1512224623373,
            1512224624378,
            1512224625379,
            1512224626383,
            1512224627383,
            1512224628383,
            1512224629388,
            1512224630391,
            1512224631394,
            1512224632397,
        ];
        ts.iter().enumerate().map(|(i, &t)| c(792748079 + i as i64, t, 0)).collect()
    }

    // --- caching_test.go, `tests` table (TestCachingEvaluator_CheckRules) ---------

    #[test]
    fn caching_test_rules_00_ok_because_lag_was_zero_somewhere() {
        check_row(
            "caching_test.go tests[0]",
            Row {
                w: window(five([1000, 2000, 3000, 4000, 5000], [0, 50, 100, 150, 200]), vec![5200], 200, 600_000),
                lag_always_not_zero: false,
                rewind: false,
                stopped: false,
                stalled: false,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Ok,
            },
        );
    }

    #[test]
    fn caching_test_rules_01_not_stopped_when_gap_equals_span() {
        // 400s since the last commit equals the 400s span: not greater, so not stopped.
        check_row(
            "caching_test.go tests[1]",
            Row {
                w: window(five([1000, 2000, 3000, 4000, 5000], [0, 50, 100, 150, 200]), vec![5200], 200, 900_000),
                lag_always_not_zero: false,
                rewind: false,
                stopped: false,
                stalled: false,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Ok,
            },
        );
    }

    #[test]
    fn caching_test_rules_02_stop_even_though_lag_was_zero_at_start() {
        // Burrow issue #290: STOP is checked before the zero-lag rule.
        check_row(
            "caching_test.go tests[2]",
            Row {
                w: window(five([1000, 2000, 3000, 4000, 5000], [0, 50, 100, 150, 200]), vec![5200], 200, 1_000_000),
                lag_always_not_zero: false,
                rewind: false,
                stopped: true,
                stalled: false,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Stop,
            },
        );
    }

    #[test]
    fn caching_test_rules_03_stop_with_lag_always_non_zero() {
        check_row(
            "caching_test.go tests[3]",
            Row {
                w: window(five([1000, 2000, 3000, 4000, 5000], [50, 100, 150, 200, 250]), vec![5250], 250, 1_000_000),
                lag_always_not_zero: true,
                rewind: false,
                stopped: true,
                stalled: false,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Stop,
            },
        );
    }

    #[test]
    fn caching_test_rules_04_ok_despite_stall_because_of_zero_lag() {
        check_row(
            "caching_test.go tests[4]",
            Row {
                w: window(five([1000; 5], [0, 50, 100, 150, 200]), vec![1200], 200, 600_000),
                lag_always_not_zero: false,
                rewind: false,
                stopped: false,
                stalled: true,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Ok,
            },
        );
    }

    #[test]
    fn caching_test_rules_05_stall_when_lag_always_non_zero() {
        check_row(
            "caching_test.go tests[5]",
            Row {
                w: window(five([1000; 5], [100, 150, 200, 250, 300]), vec![1300], 300, 600_000),
                lag_always_not_zero: true,
                rewind: false,
                stopped: false,
                stalled: true,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Stall,
            },
        );
    }

    #[test]
    fn caching_test_rules_06_stall_when_lag_stays_the_same() {
        check_row(
            "caching_test.go tests[6]",
            Row {
                w: window(five([1000; 5], [100; 5]), vec![1100], 100, 600_000),
                lag_always_not_zero: true,
                rewind: false,
                stopped: false,
                stalled: true,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Stall,
            },
        );
    }

    #[test]
    fn caching_test_rules_07_rewind_row_under_current_rules() {
        // The stored caching_test.go (before PR #716) expects REWIND here. With the
        // current rules the rewind at commit 3 (3000 -> 2000) is recovered by the
        // last commit (4000 >= 3000), so evaluation continues: the lag is never
        // within 0, the offsets move and the lag falls (1250 -> 300): OK. The rule
        // columns are unchanged; row 07b keeps the rewind unrecovered.
        let w = window(five([1000, 2000, 3000, 2000, 4000], [100, 150, 200, 1250, 300]), vec![4300], 300, 600_000);
        check_row(
            "caching_test.go tests[7]",
            Row {
                w: w.clone(),
                lag_always_not_zero: true,
                rewind: true,
                stopped: false,
                stalled: false,
                lag_not_decreasing: false,
                recent_lag_zero: false,
                status: PartitionStatus::Ok,
            },
        );
        let eval = evaluate_partition(&w);
        assert_eq!(eval.checks.as_ref().unwrap().rewind_index, Some(3));
        assert_eq!(eval.checks.as_ref().unwrap().rewind_recovered, Some(true));
        assert_eq!(
            eval.notes,
            vec![Note::RewindRecovered {
                index: 3,
                previous_offset: 3000,
                rewound_offset: 2000,
                recovered_offset: 4000
            }]
        );
        assert_eq!(eval.reason, Reason::LagDecreasing { index: 4, from_lag: 1250, to_lag: 300 });
    }

    #[test]
    fn caching_test_rules_07b_unrecovered_rewind_is_rewind() {
        // Row 7 with the last commit still below 3000: REWIND, "rewind is worse".
        check_row(
            "caching_test.go tests[7], last offset 2500",
            Row {
                w: window(five([1000, 2000, 3000, 2000, 2500], [100, 150, 200, 1250, 300]), vec![2800], 300, 600_000),
                lag_always_not_zero: true,
                rewind: true,
                stopped: false,
                stalled: false,
                lag_not_decreasing: false,
                recent_lag_zero: false,
                status: PartitionStatus::Rewind,
            },
        );
    }

    #[test]
    fn caching_test_rules_08_ok_because_current_lag_is_zero() {
        check_row(
            "caching_test.go tests[8]",
            Row {
                w: window(five([1000, 2000, 3000, 4000, 5000], [50, 100, 150, 200, 250]), vec![5250], 0, 1_000_000),
                lag_always_not_zero: true,
                rewind: false,
                stopped: true,
                stalled: false,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Ok,
            },
        );
    }

    #[test]
    fn caching_test_rules_09_stop_because_new_data_arrived_issue_290() {
        check_row(
            "caching_test.go tests[9]",
            Row {
                w: window(
                    issue_290_commits(),
                    vec![792749024, 792749000, 792748800, 792748600, 792748500],
                    931,
                    1512224650 * 1000,
                ),
                lag_always_not_zero: false,
                rewind: false,
                stopped: true,
                stalled: false,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Stop,
            },
        );
    }

    #[test]
    fn caching_test_rules_10_ok_because_recent_broker_offset_had_zero_lag_issue_303() {
        let w = window(issue_290_commits(), vec![792748094, 792748093, 792748093, 792748093], 1, 1512224650 * 1000);
        check_row(
            "caching_test.go tests[10]",
            Row {
                w: w.clone(),
                lag_always_not_zero: false,
                rewind: false,
                stopped: true,
                stalled: false,
                lag_not_decreasing: true,
                recent_lag_zero: true,
                status: PartitionStatus::Ok,
            },
        );
        let eval = evaluate_partition(&w);
        assert_eq!(eval.notes, vec![Note::StopDeferred { broker_offset: 792748093, last_offset: 792748093 }]);
    }

    #[test]
    fn caching_test_rules_11_nil_lags_do_not_change_row_0() {
        let commits = vec![
            c(1000, 100_000, 0),
            c_nil(1500, 150_000),
            c(2000, 200_000, 50),
            c_nil(2500, 250_000),
            c(3000, 300_000, 100),
            c_nil(3500, 350_000),
            c(4000, 400_000, 150),
            c_nil(4500, 450_000),
            c(5000, 500_000, 200),
            c_nil(5500, 550_000),
        ];
        check_row(
            "caching_test.go tests[11]",
            Row {
                w: window(commits, vec![5700], 200, 600_000),
                lag_always_not_zero: false,
                rewind: false,
                stopped: false,
                stalled: false,
                lag_not_decreasing: true,
                recent_lag_zero: false,
                status: PartitionStatus::Ok,
            },
        );
    }

    // --- caching_test.go, group tests on the storage/fixtures.go data -------------

    /// `storage.CoordinatorWithOffsets`: broker offset 4321, min-distance 0,
    /// commits `1000 + i*100` every 10 s from `start`.
    fn fixture_partition(commits: usize, start: i64, now: i64) -> GroupPartitionInput {
        let mut brokers = BrokerOffsetRing::default();
        brokers.record(4321);
        let mut ring = CommitWindow::new(10, 0).unwrap();
        for i in 0..commits as i64 {
            ring.record_against(1000 + i * 100, start + i * 10_000, 4321);
        }
        GroupPartitionInput { topic: "testtopic".to_string(), partition: 0, window: ring.window(&brokers, now, 0) }
    }

    #[test]
    fn caching_test_single_request_show_all_full_ring_is_ok() {
        // TestCachingEvaluator_SingleRequest_ShowAll (group "testgroup").
        let start = 1_000_000;
        let g = evaluate_group(&[fixture_partition(10, start, start + 100_000)]);
        assert_eq!(g.status, GroupStatus::Ok);
        assert_eq!(g.complete, 1.0);
        assert_eq!(g.total_lag, 2421);
        assert_eq!(g.partitions.len(), 1);
    }

    #[test]
    fn caching_test_single_request_incomplete_is_err_with_stop() {
        // TestCachingEvaluator_SingleRequest_Incomplete (group "testgroup2").
        let start = 1_000_000;
        let part = fixture_partition(5, start, start + 100_000);
        let g = evaluate_group(std::slice::from_ref(&part));
        assert_eq!(g.status, GroupStatus::Err);
        assert_eq!(g.complete, 0.0);
        assert_eq!(g.total_lag, 2921);
        assert_eq!(g.partitions[0].complete, 0.5);
        assert_eq!(g.partitions[0].status, PartitionStatus::Stop);
        assert_eq!(g.max_lag, Some(MaxLag { topic: "testtopic".to_string(), partition: 0, lag: 2921 }));
        // Maxlag.Start / Maxlag.End offsets.
        assert_eq!(part.window.commits.first().unwrap().offset, 1000);
        assert_eq!(part.window.commits.last().unwrap().offset, 1400);
    }

    #[test]
    fn caching_test_topic_deleted_group_without_partitions() {
        // TestCachingEvaluator_TopicDeleted: OK, no partitions, complete 0.0.
        let g = evaluate_group(&[]);
        assert_eq!(g.status, GroupStatus::Ok);
        assert_eq!(g.complete, 0.0);
        assert!(g.partitions.is_empty());
        assert_eq!(g.max_lag, None);
        assert_eq!(g.total_lag, 0);
    }

    // --- upstream behaviour beyond the table (PRs #591 and #716) -----------------

    #[test]
    fn allowed_lag_of_one_hides_eos_control_record_pr_591() {
        // Exactly-once producers leave a transaction marker: a constant lag of 1.
        let commits: Vec<Commit> = (0..5).map(|i| c(1000 + i * 100, 100_000 + i * 10_000, 1)).collect();
        let mut w = window(commits, vec![1401], 1, 10_000_000);
        assert_eq!(evaluate_partition(&w).status, PartitionStatus::Stop);
        w.allowed_lag = 1;
        let eval = evaluate_partition(&w);
        assert_eq!(eval.status, PartitionStatus::Ok);
        assert_eq!(eval.reason, Reason::NoCurrentLag { current_lag: 1, allowed_lag: 1 });
        // A lag within allowed_lag in the window also counts as "zero".
        w.current_lag = 5;
        w.now_ms = 150_000;
        assert_eq!(evaluate_partition(&w).reason, Reason::LagZeroAtSomePoint { index: 0, lag: 1, allowed_lag: 1 });
    }

    #[test]
    fn rewind_after_zero_lag_is_rewind_pr_716() {
        // Caught up, then reset to an early offset: the zero lag no longer hides it.
        let commits = vec![c(5000, 100_000, 0), c(6000, 200_000, 0), c(100, 300_000, 5900), c(600, 400_000, 5400)];
        let eval = evaluate_partition(&window(commits, vec![6000], 5400, 450_000));
        assert_eq!(eval.status, PartitionStatus::Rewind);
        assert_eq!(eval.reason, Reason::OffsetsRewound { index: 2, previous_offset: 6000, rewound_offset: 100 });
    }

    #[test]
    fn stop_is_checked_before_rewind() {
        let commits = vec![c(3000, 100_000, 10), c(1000, 200_000, 2000)];
        assert_eq!(evaluate_partition(&window(commits, vec![3000], 2000, 900_000)).status, PartitionStatus::Stop);
    }

    #[test]
    fn lag_not_decreasing_is_warn_with_numbers() {
        let w = window(five([1000, 2000, 3000, 4000, 5000], [50, 100, 150, 200, 250]), vec![5250], 250, 550_000);
        let eval = evaluate_partition(&w);
        assert_eq!(eval.status, PartitionStatus::Warn);
        assert_eq!(eval.reason, Reason::LagNotDecreasing { first_lag: Some(50), last_lag: Some(250), commits: 5 });
        assert!(eval.explain(Lang::En).contains("from 50 to 250"));
        assert!(eval.explain(Lang::Ko).contains("50 → 250"));
    }

    #[test]
    fn empty_window_is_ok_with_complete_zero() {
        let eval = evaluate_partition(&PartitionWindow::default());
        assert_eq!(eval.status, PartitionStatus::Ok);
        assert_eq!(eval.reason, Reason::NoCommits);
        assert_eq!(eval.complete, 0.0);
        assert_eq!(eval.checks, None);
    }

    #[test]
    fn complete_is_stored_share_of_intervals() {
        let w = window(five([1000, 2000, 3000, 4000, 5000], [0, 0, 0, 0, 0]), vec![5000], 0, 500_000);
        assert_eq!(evaluate_partition(&w).complete, 0.5);
        let opts = EvalOptions { intervals: 5, minimum_complete: 0.0 };
        assert_eq!(evaluate_partition_with(&w, &opts).complete, 1.0);
        // More commits than intervals (as in rows 9 and 10) is simply complete.
        let opts = EvalOptions { intervals: 3, minimum_complete: 0.0 };
        assert_eq!(evaluate_partition_with(&w, &opts).complete, 1.0);
    }

    #[test]
    fn minimum_complete_skips_the_rules() {
        let w = window(five([1000, 2000, 3000, 4000, 5000], [50, 100, 150, 200, 250]), vec![5250], 250, 1_000_000);
        let opts = EvalOptions { intervals: 10, minimum_complete: 0.8 };
        let eval = evaluate_partition_with(&w, &opts);
        assert_eq!(eval.status, PartitionStatus::Ok);
        assert_eq!(eval.reason, Reason::WindowIncomplete { complete: 0.5, minimum_complete: 0.8 });
        assert!(eval.explain(Lang::En).contains("50%"));
    }

    #[test]
    fn stop_explanation_quotes_durations() {
        let commits = vec![c(1000, 0, 10), c(1100, 60_000, 20), c(1200, 180_000, 30)];
        let eval = evaluate_partition(&window(commits, vec![1230], 30, 600_000));
        assert_eq!(eval.status, PartitionStatus::Stop);
        assert_eq!(
            eval.reason,
            Reason::NoCommitsSinceWindowSpan {
                since_last_commit_ms: 420_000,
                window_span_ms: 180_000,
                current_lag: 30
            }
        );
        let en = eval.reason.explain(Lang::En);
        assert!(en.contains("7m0s before now") && en.contains("3m0s"), "{en}");
        let ko = eval.reason.explain(Lang::Ko);
        assert!(ko.contains("7분 전") && ko.contains("3분"), "{ko}");
    }

    #[test]
    fn every_reason_explains_in_both_languages() {
        let reasons = [
            Reason::NoCommits,
            Reason::WindowIncomplete { complete: 0.3, minimum_complete: 0.5 },
            Reason::NoCurrentLag { current_lag: 0, allowed_lag: 0 },
            Reason::NoCurrentLag { current_lag: 1, allowed_lag: 2 },
            Reason::NoCommitsSinceWindowSpan { since_last_commit_ms: 1500, window_span_ms: 400, current_lag: 3 },
            Reason::OffsetsRewound { index: 1, previous_offset: 30, rewound_offset: 10 },
            Reason::LagZeroAtSomePoint { index: 0, lag: 0, allowed_lag: 0 },
            Reason::LagZeroAtSomePoint { index: 2, lag: 1, allowed_lag: 1 },
            Reason::OffsetsStalled { offset: 7, commits: 3, current_lag: 9 },
            Reason::LagNotDecreasing { first_lag: None, last_lag: None, commits: 2 },
            Reason::LagNotDecreasing { first_lag: Some(1), last_lag: Some(4), commits: 2 },
            Reason::LagDecreasing { index: 1, from_lag: 8, to_lag: 3 },
        ];
        for r in &reasons {
            let (en, ko) = (r.explain(Lang::En), r.explain(Lang::Ko));
            assert!(!en.is_empty() && !ko.is_empty(), "{}", r.code());
            assert_ne!(en, ko);
        }
        assert_eq!(reasons[5].explain(Lang::Ko).matches("10으로").count(), 1);
        assert!(reasons[11].explain(Lang::Ko).contains("3으로"));
    }

    #[test]
    fn status_names_and_codes_match_burrow() {
        let all = [
            (PartitionStatus::Ok, "OK", 1),
            (PartitionStatus::Warn, "WARN", 2),
            (PartitionStatus::Stop, "STOP", 4),
            (PartitionStatus::Stall, "STALL", 5),
            (PartitionStatus::Rewind, "REWIND", 6),
        ];
        for w in all.windows(2) {
            assert!(w[0].0 < w[1].0);
        }
        for (s, name, code) in all {
            assert_eq!(s.as_str(), name);
            assert_eq!(s.to_string(), name);
            assert_eq!(s.burrow_code(), code);
        }
        assert_eq!(GroupStatus::Err.as_str(), "ERR");
    }

    // --- validation ---------------------------------------------------------------

    fn valid() -> PartitionWindow {
        window(five([1000, 2000, 3000, 4000, 5000], [0, 50, 100, 150, 200]), vec![5200], 200, 600_000)
    }

    #[test]
    fn validate_accepts_good_and_empty_windows() {
        assert_eq!(valid().validate(), Ok(()));
        assert_eq!(PartitionWindow::default().validate(), Ok(()));
    }

    #[test]
    fn validate_rejects_bad_input_with_one_line() {
        type Mutation = fn(&mut PartitionWindow);
        let cases: Vec<(Mutation, &str)> = vec![
            (|w| w.current_lag = -1, "current_lag must be >= 0"),
            (|w| w.allowed_lag = -1, "allowed_lag must be >= 0"),
            (|w| w.now_ms = -1, "now_ms must be >= 0"),
            (|w| w.commits[2].offset = -1, "commits[2].offset must be >= 0"),
            (|w| w.commits[0].timestamp_ms = -5, "commits[0].timestamp_ms must be >= 0"),
            (|w| w.commits[1].lag = Some(-3), "commits[1].lag must be >= 0 or null"),
            (|w| w.commits[3].timestamp_ms = 100, "commits[3].timestamp_ms (100) is earlier than commits[2]"),
            (|w| w.broker_offsets = vec![-4], "broker_offsets[0] must be >= 0"),
            (|w| w.broker_offsets.clear(), "broker_offsets must hold at least one"),
            (|w| w.now_ms = 400_000, "now_ms (400000) is earlier than the last commit"),
        ];
        for (mutate, expected) in cases {
            let mut w = valid();
            mutate(&mut w);
            let err = w.validate().unwrap_err().to_string();
            assert!(err.contains(expected), "{err:?} should contain {expected:?}");
            assert!(!err.contains('\n'));
        }
        // A rewind is not invalid input; equal timestamps are allowed.
        let mut w = valid();
        w.commits[3].offset = 10;
        w.commits[4].timestamp_ms = w.commits[3].timestamp_ms;
        assert_eq!(w.validate(), Ok(()));
    }

    #[test]
    fn validate_group_names_the_partition_and_rejects_duplicates() {
        let p = |topic: &str, partition: u32, w: PartitionWindow| GroupPartitionInput {
            topic: topic.to_string(),
            partition,
            window: w,
        };
        let mut bad = valid();
        bad.current_lag = -2;
        assert_eq!(validate_group(&[p("a", 0, valid()), p("a", 1, valid())]), Ok(()));
        assert_eq!(
            validate_group(&[p("a", 0, valid()), p("a", 1, bad.clone())]),
            Err(WindowError::InPartition {
                partition: TopicPartition::new("a", 1),
                error: Box::new(WindowError::Negative { field: "current_lag".into(), value: -2 })
            })
        );
        let err = validate_group(&[p("a", 0, valid()), p("a", 1, bad)]).unwrap_err();
        assert_eq!(err.to_string(), "a-1: current_lag must be >= 0 (got -2)");
        let twice = validate_group(&[p("a", 0, valid()), p("a", 0, valid())]).unwrap_err();
        assert_eq!(twice.to_string(), "a-0: listed more than once");
    }

    // --- group fold (evaluateConsumerStatus) --------------------------------------

    fn part(topic: &str, partition: u32, w: PartitionWindow) -> GroupPartitionInput {
        GroupPartitionInput { topic: topic.to_string(), partition, window: w }
    }

    /// A full ring (10 commits) with the given status.
    fn full(status: PartitionStatus, current_lag: i64) -> PartitionWindow {
        let n = 10i64;
        let (offsets, lags): (Vec<i64>, Vec<i64>) = match status {
            PartitionStatus::Ok => ((0..n).map(|i| 1000 + i * 100).collect(), (0..n).map(|i| 100 - i * 10).collect()),
            PartitionStatus::Warn => ((0..n).map(|i| 1000 + i * 100).collect(), (0..n).map(|i| 10 + i * 10).collect()),
            PartitionStatus::Stall => (vec![1000; n as usize], (0..n).map(|i| 10 + i).collect()),
            PartitionStatus::Rewind => {
                ((0..n).map(|i| if i < n - 1 { 1000 + i * 100 } else { 500 }).collect(), vec![50; n as usize])
            }
            PartitionStatus::Stop => ((0..n).map(|i| 1000 + i * 100).collect(), vec![50; n as usize]),
        };
        let commits: Vec<Commit> = (0..n as usize).map(|i| c(offsets[i], i as i64 * 1000, lags[i])).collect();
        let now = if status == PartitionStatus::Stop { 100_000 } else { 9_500 };
        let w = window(commits, vec![1_000_000], current_lag.max(1), now);
        assert_eq!(evaluate_partition(&w).status, status, "fixture for {status}");
        w
    }

    #[test]
    fn group_all_ok_is_ok() {
        let g =
            evaluate_group(&[part("t", 0, full(PartitionStatus::Ok, 5)), part("t", 1, full(PartitionStatus::Ok, 7))]);
        assert_eq!(g.status, GroupStatus::Ok);
        assert_eq!(g.complete, 1.0);
    }

    #[test]
    fn group_any_warn_is_warn() {
        let g =
            evaluate_group(&[part("t", 0, full(PartitionStatus::Ok, 5)), part("t", 1, full(PartitionStatus::Warn, 7))]);
        assert_eq!(g.status, GroupStatus::Warn);
        assert_eq!(g.partitions[1].status, PartitionStatus::Warn);
    }

    #[test]
    fn group_stop_stall_rewind_are_err() {
        for bad in [PartitionStatus::Stop, PartitionStatus::Stall, PartitionStatus::Rewind] {
            let g = evaluate_group(&[
                part("t", 0, full(PartitionStatus::Warn, 5)),
                part("t", 1, full(bad, 7)),
                part("t", 2, full(PartitionStatus::Ok, 1)),
            ]);
            assert_eq!(g.status, GroupStatus::Err, "{bad}");
            assert_eq!(g.partitions[1].status, bad);
        }
    }

    #[test]
    fn group_complete_counts_full_partitions_only() {
        let mut half = full(PartitionStatus::Ok, 3);
        half.commits.truncate(5);
        let g = evaluate_group(&[
            part("t", 0, full(PartitionStatus::Ok, 1)),
            part("t", 1, half),
            part("u", 0, full(PartitionStatus::Ok, 2)),
        ]);
        assert_eq!(g.partitions[1].complete, 0.5);
        assert!((g.complete - 2.0 / 3.0).abs() < 1e-12);
    }

    #[test]
    fn group_max_lag_and_total_lag() {
        let g = evaluate_group(&[
            part("a", 0, full(PartitionStatus::Ok, 30)),
            part("b", 3, full(PartitionStatus::Ok, 90)),
            part("c", 1, full(PartitionStatus::Ok, 90)),
            part("d", 2, full(PartitionStatus::Ok, 10)),
        ]);
        assert_eq!(g.total_lag, 220);
        // Ties keep the earlier partition (Burrow replaces only on a greater lag).
        assert_eq!(g.max_lag, Some(MaxLag { topic: "b".to_string(), partition: 3, lag: 90 }));
    }

    // --- storage (inmemory.go / inmemory_test.go) ---------------------------------

    #[test]
    fn inmemory_test_configure_default_intervals() {
        // TestInMemoryStorage_Configure_DefaultIntervals.
        assert_eq!(CommitWindow::default().intervals(), 10);
        assert_eq!(BrokerOffsetRing::default().intervals(), 10);
        assert!(CommitWindow::new(0, 0).is_err());
        assert!(CommitWindow::new(1, -1).is_err());
        assert!(BrokerOffsetRing::new(0).is_err());
    }

    /// `startWithTestConsumerOffsets`: min-distance 1 s, broker offset 4321, ten
    /// commits `1000 + i*100` every 10 s.
    fn test_consumer_offsets(start: i64) -> CommitWindow {
        let mut ring = CommitWindow::new(10, 1000).unwrap();
        for i in 0..10 {
            assert_ne!(
                ring.record_against(1000 + i * 100, start + i * 10_000, 4321),
                RecordOutcome::MergedIntoPrevious
            );
        }
        ring
    }

    #[test]
    fn inmemory_test_add_consumer_offset_full_ring_advances() {
        // TestInMemoryStorage_addConsumerOffset: an 11th commit drops the oldest.
        let start = 5_000_000;
        let mut ring = test_consumer_offsets(start);
        assert_eq!(ring.record_against(2000, start + 100_000, 4321), RecordOutcome::AppendedEvictedOldest);
        let commits = ring.commits();
        assert_eq!(commits.len(), 10);
        for (i, got) in commits.iter().enumerate() {
            let offset = 1100 + i as i64 * 100;
            assert_eq!(*got, c(offset, start + 10_000 + i as i64 * 10_000, 4321 - offset), "position {i}");
        }
    }

    #[test]
    fn inmemory_test_add_consumer_offset_min_distance() {
        // TestInMemoryStorage_addConsumerOffset_MinDistance: 1 ms after the newest
        // entry, the commit replaces it; the ring does not advance.
        let start = 5_000_000;
        let mut ring = test_consumer_offsets(start);
        assert_eq!(ring.record_against(2000, start + 90_001, 4321), RecordOutcome::MergedIntoPrevious);
        let commits = ring.commits();
        assert_eq!(commits.len(), 10);
        for (i, got) in commits.iter().enumerate() {
            let offset = if i == 9 { 2000 } else { 1000 + i as i64 * 100 };
            assert_eq!(*got, c(offset, start + i as i64 * 10_000, 4321 - offset), "position {i}");
        }
    }

    #[test]
    fn inmemory_test_consumer_offset_tests_0_appending() {
        // consumerOffsetTests[0]: lags against a partition offset of 5000.
        let mut ring = CommitWindow::new(10, 1000).unwrap();
        for i in 1..=5 {
            ring.record_against(i * 1000, i * 100_000, 5000);
        }
        let expected: Vec<Commit> = (1..=5).map(|i| c(i * 1000, i * 100_000, 5000 - i * 1000)).collect();
        assert_eq!(ring.commits(), expected);
    }

    #[test]
    fn inmemory_test_consumer_offset_tests_5_frequent_commit_replaces_newest() {
        // consumerOffsetTests[5]: {6000, t=500001} replaces {5000, t=500000}, keeps t.
        let mut ring = CommitWindow::new(10, 1000).unwrap();
        for i in 1..=5 {
            ring.record_against(i * 1000, i * 100_000, 10_000);
        }
        ring.record_against(6000, 500_001, 10_000);
        let mut expected: Vec<Commit> = (1..=4).map(|i| c(i * 1000, i * 100_000, 10_000 - i * 1000)).collect();
        expected.push(c(6000, 500_000, 4000));
        assert_eq!(ring.commits(), expected);
    }

    #[test]
    fn inmemory_test_add_broker_offset_add_many() {
        // TestInMemoryStorage_addBrokerOffset_AddMany: 4321, then 100 increments;
        // the ring keeps the last 10, oldest first.
        let mut brokers = BrokerOffsetRing::default();
        brokers.record(4321);
        for i in 1..=100 {
            brokers.record(4321 + i);
        }
        assert_eq!(brokers.offsets(), (4412..=4421).collect::<Vec<i64>>());
        assert_eq!(brokers.latest(), Some(4421));
    }

    #[test]
    fn min_distance_is_strict_and_measured_from_the_kept_timestamp() {
        let mut ring = CommitWindow::new(10, 1000).unwrap();
        assert_eq!(ring.record(10, 0, Some(5)), RecordOutcome::Appended);
        assert_eq!(ring.record(20, 600, Some(4)), RecordOutcome::MergedIntoPrevious);
        // 1200 - 0 >= 1000: the merged entry kept t=0, so this one appends.
        assert_eq!(ring.record(30, 1200, Some(3)), RecordOutcome::Appended);
        // Exactly min-distance apart is not "closer than".
        assert_eq!(ring.record(40, 2200, Some(2)), RecordOutcome::Appended);
        assert_eq!(ring.commits(), vec![c(20, 0, 4), c(30, 1200, 3), c(40, 2200, 2)]);
    }

    #[test]
    fn min_distance_zero_still_merges_a_commit_that_goes_back_in_time() {
        // (ts - newest.ts) < 0 is "closer than 0": Burrow merges it too.
        let mut ring = CommitWindow::default();
        ring.record(10, 1000, Some(0));
        ring.record(11, 1000, Some(0));
        assert_eq!(ring.len(), 2);
        assert_eq!(ring.record(12, 900, None), RecordOutcome::MergedIntoPrevious);
        assert_eq!(ring.commits(), vec![c(10, 1000, 0), c_nil(12, 1000)]);
    }

    #[test]
    fn ring_keeps_at_most_intervals_and_reports_complete() {
        let mut ring = CommitWindow::new(3, 0).unwrap();
        assert_eq!(ring.complete(), 0.0);
        ring.record(1, 10, Some(0));
        assert!((ring.complete() - 1.0 / 3.0).abs() < 1e-12);
        ring.record(2, 20, Some(0));
        ring.record(3, 30, Some(0));
        assert_eq!(ring.record(4, 40, Some(0)), RecordOutcome::AppendedEvictedOldest);
        assert_eq!(ring.commits().iter().map(|c| c.offset).collect::<Vec<_>>(), vec![2, 3, 4]);
        assert_eq!(ring.complete(), 1.0);
        assert_eq!(ring.newest().map(|c| c.offset), Some(4));
    }

    #[test]
    fn window_builds_current_lag_like_fetch_consumer() {
        let mut brokers = BrokerOffsetRing::new(5).unwrap();
        let mut ring = CommitWindow::new(5, 0).unwrap();
        assert_eq!(ring.window(&brokers, 0, 0).current_lag, 0);
        brokers.record(100);
        ring.record_against(40, 1000, 100);
        brokers.record(150);
        let w = ring.window(&brokers, 2000, 3);
        assert_eq!(w.current_lag, 110);
        assert_eq!(w.broker_offsets, vec![100, 150]);
        assert_eq!(w.allowed_lag, 3);
        assert_eq!(w.validate(), Ok(()));
        // The broker reading can be behind the commit: lag 0, not negative.
        ring.record_against(200, 3000, 150);
        assert_eq!(ring.window(&brokers, 3000, 0).current_lag, 0);
        assert_eq!(ring.newest().and_then(|c| c.lag), Some(0));
        assert_eq!(ring.evaluate(&brokers, 3000, 0).complete, 0.4);
    }

    // --- JSON input (CLI contract) ------------------------------------------------

    #[test]
    fn partition_window_json_contract() {
        let w: PartitionWindow = json::from_str(
            r#"{"commits":[{"offset":1000,"timestamp_ms":100000,"lag":0},
                           {"offset":2000,"timestamp_ms":200000,"lag":50},
                           {"offset":3000,"timestamp_ms":300000,"lag":null}],
                "broker_offsets":[5200],"current_lag":200,"now_ms":350000,"allowed_lag":0}"#,
        )
        .unwrap();
        assert_eq!(w.commits[2], c_nil(3000, 300_000));
        assert_eq!(w.broker_offsets, vec![5200]);
        let eval = evaluate_partition(&w);
        assert_eq!(eval.status, PartitionStatus::Ok);
        assert_eq!(eval.reason.code(), "lag_zero_at_some_point");

        // allowed_lag is optional; a missing lag is null.
        let w: PartitionWindow = json::from_str(
            r#"{"commits":[{"offset":1,"timestamp_ms":2}],"broker_offsets":[3],"current_lag":2,"now_ms":5}"#,
        )
        .unwrap();
        assert_eq!(w.allowed_lag, 0);
        assert_eq!(w.commits[0].lag, None);
    }

    #[test]
    fn partition_window_json_rejects_unknown_fields_by_name() {
        let err = json::from_str::<PartitionWindow>(
            r#"{"commits":[],"broker_offsets":[],"current_lag":0,"now_ms":0,"alowed_lag":1}"#,
        )
        .unwrap_err();
        assert!(err.contains("alowed_lag"), "{err}");
        let err = json::from_str::<PartitionWindow>(
            r#"{"commits":[{"offset":1,"timestamp_ms":2,"lagg":3}],"broker_offsets":[],"current_lag":0,"now_ms":0}"#,
        )
        .unwrap_err();
        assert!(err.contains("lagg"), "{err}");
        let err = json::from_str::<PartitionWindow>(r#"{"commits":[],"broker_offsets":[],"now_ms":0}"#).unwrap_err();
        assert!(err.contains("current_lag"), "{err}");
    }

    #[test]
    fn group_input_json_is_flat_and_rejects_unknown_fields() {
        let parts: Vec<GroupPartitionInput> = json::from_str(
            r#"[{"topic":"orders","partition":0,"commits":[{"offset":10,"timestamp_ms":0,"lag":5}],
                 "broker_offsets":[15],"current_lag":5,"now_ms":0},
                {"topic":"orders","partition":1,"commits":[],"broker_offsets":[],"current_lag":0,"now_ms":0,
                 "allowed_lag":2}]"#,
        )
        .unwrap();
        assert_eq!(parts[0].topic, "orders");
        assert_eq!(parts[0].window.commits, vec![c(10, 0, 5)]);
        assert_eq!(parts[1].partition, 1);
        assert_eq!(parts[1].window.allowed_lag, 2);
        assert_eq!(validate_group(&parts), Ok(()));
        let g = evaluate_group(&parts);
        assert_eq!(g.status, GroupStatus::Err); // one commit, now == its time: stalled with lag
        assert_eq!(g.partitions[0].status, PartitionStatus::Stall);
        assert_eq!(g.complete, 0.0);

        let err = json::from_str::<GroupPartitionInput>(
            r#"{"topic":"t","partition":0,"commits":[],"broker_offsets":[],"current_lag":0,"now_ms":0,"owner":"x"}"#,
        )
        .unwrap_err();
        assert!(err.contains("owner"), "{err}");
    }

    // --- properties over seeded pseudo-random windows ---------------------------

    /// Knuth's MMIX linear congruential generator.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            self.0 >> 33
        }

        /// Uniform-ish in `lo..=hi`.
        fn range(&mut self, lo: i64, hi: i64) -> i64 {
            lo + (self.next() % (hi - lo + 1) as u64) as i64
        }
    }

    /// A valid random window: 1-15 commits, timestamps non-decreasing, offsets
    /// mostly rising (sometimes falling), lags random or zero or missing.
    fn random_window(rng: &mut Lcg, all_zero_lag: bool) -> PartitionWindow {
        let n = rng.range(1, 15) as usize;
        let (mut offset, mut ts) = (rng.range(0, 10_000), rng.range(0, 100_000));
        let mut commits = Vec::with_capacity(n);
        for _ in 0..n {
            let lag = if all_zero_lag {
                Some(0)
            } else if rng.range(0, 9) == 0 {
                None
            } else {
                Some(rng.range(0, 500))
            };
            commits.push(Commit { offset, timestamp_ms: ts, lag });
            offset = (offset + rng.range(-300, 1_000)).max(0);
            ts += rng.range(0, 60_000);
        }
        let last = commits[n - 1].timestamp_ms;
        let broker_offsets = (0..rng.range(1, 5)).map(|_| rng.range(0, 20_000)).collect();
        PartitionWindow {
            commits,
            broker_offsets,
            current_lag: rng.range(0, 1_000),
            now_ms: last + rng.range(0, 1_000_000),
            allowed_lag: rng.range(0, 3),
        }
    }

    #[test]
    fn property_all_zero_lag_is_never_warn_or_stall_and_stops_only_by_timestamps() {
        let mut rng = Lcg(0x5EED_0001);
        for case in 0..5_000 {
            let w = random_window(&mut rng, true);
            assert_eq!(w.validate(), Ok(()), "case {case}");
            let eval = evaluate_partition(&w);
            let k = eval.checks.clone().unwrap();
            assert!(
                !matches!(eval.status, PartitionStatus::Warn | PartitionStatus::Stall),
                "case {case}: {w:?} -> {eval:?}"
            );
            let stop_rule_fires = w.current_lag > w.allowed_lag && k.offsets_stopped && !k.recent_lag_zero;
            assert_eq!(eval.status == PartitionStatus::Stop, stop_rule_fires, "case {case}: {w:?}");
            let unrecovered_rewind = k.rewind_recovered == Some(false);
            let rewind_rule_fires = w.current_lag > w.allowed_lag && unrecovered_rewind;
            if !(stop_rule_fires || rewind_rule_fires) {
                assert_eq!(eval.status, PartitionStatus::Ok, "case {case}: {w:?}");
            }
        }
    }

    #[test]
    fn property_a_commit_below_the_previous_one_is_rewind() {
        let mut rng = Lcg(0x5EED_0002);
        for case in 0..5_000 {
            // Rising offsets, then a last commit below the one before it: the
            // rewind cannot have recovered. Lag outstanding, not stopped.
            let n = rng.range(2, 15) as usize;
            let mut commits = Vec::with_capacity(n);
            let (mut offset, mut ts) = (rng.range(1_000, 10_000), rng.range(0, 100_000));
            for i in 0..n {
                if i == n - 1 {
                    offset = rng.range(0, commits.last().map_or(0, |c: &Commit| c.offset) - 1);
                }
                let lag = if rng.range(0, 1) == 0 { Some(0) } else { Some(rng.range(1, 500)) };
                commits.push(Commit { offset, timestamp_ms: ts, lag });
                offset += rng.range(1, 1_000);
                ts += rng.range(1, 60_000);
            }
            let (first, last) = (commits[0].timestamp_ms, commits[n - 1].timestamp_ms);
            let allowed_lag = rng.range(0, 3);
            let w = PartitionWindow {
                broker_offsets: vec![commits[n - 2].offset + rng.range(1, 100)],
                commits,
                current_lag: allowed_lag + rng.range(1, 1_000),
                now_ms: last + rng.range(0, last - first),
                allowed_lag,
            };
            assert_eq!(w.validate(), Ok(()), "case {case}");
            let eval = evaluate_partition(&w);
            assert_eq!(eval.status, PartitionStatus::Rewind, "case {case}: {w:?} -> {eval:?}");
            assert_eq!(eval.reason.code(), "offsets_rewound");
        }
    }

    #[test]
    fn property_rewind_needs_a_falling_offset_and_results_are_deterministic() {
        let mut rng = Lcg(0x5EED_0003);
        for case in 0..5_000 {
            let w = random_window(&mut rng, false);
            let eval = evaluate_partition(&w);
            assert_eq!(eval, evaluate_partition(&w.clone()));
            let falls = w.commits.windows(2).any(|p| p[1].offset < p[0].offset);
            if eval.status == PartitionStatus::Rewind {
                assert!(falls, "case {case}: {w:?}");
            }
            if w.current_lag <= w.allowed_lag {
                assert_eq!(eval.status, PartitionStatus::Ok, "case {case}");
            }
            // The broker offsets only matter as a set.
            let mut reversed = w.clone();
            reversed.broker_offsets.reverse();
            assert_eq!(evaluate_partition(&reversed).status, eval.status, "case {case}");
        }
    }

    /// A small JSON reader for the tests (the crate has no JSON dependency): it
    /// turns text into a value that serde can deserialise from.
    mod json {
        use serde::de::value::{MapDeserializer, SeqDeserializer};
        use serde::de::{self, IntoDeserializer, Visitor};

        #[derive(Clone, Debug)]
        pub enum V {
            Null,
            Bool(bool),
            Int(i64),
            Float(f64),
            Str(String),
            Arr(Vec<V>),
            Obj(Vec<(String, V)>),
        }

        pub fn from_str<T: de::DeserializeOwned>(s: &str) -> Result<T, String> {
            let mut p = Parser { b: s.as_bytes(), i: 0 };
            let v = p.value();
            p.ws();
            assert_eq!(p.i, p.b.len(), "trailing input");
            T::deserialize(v).map_err(|e| e.to_string())
        }

        struct Parser<'a> {
            b: &'a [u8],
            i: usize,
        }

        impl Parser<'_> {
            fn ws(&mut self) {
                while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
                    self.i += 1;
                }
            }

            fn eat(&mut self, c: u8) -> bool {
                self.ws();
                if self.b.get(self.i) == Some(&c) {
                    self.i += 1;
                    true
                } else {
                    false
                }
            }

            fn value(&mut self) -> V {
                self.ws();
                match self.b[self.i] {
                    b'{' => {
                        self.i += 1;
                        let mut fields = Vec::new();
                        while !self.eat(b'}') {
                            self.eat(b',');
                            let key = self.string();
                            assert!(self.eat(b':'));
                            fields.push((key, self.value()));
                        }
                        V::Obj(fields)
                    }
                    b'[' => {
                        self.i += 1;
                        let mut items = Vec::new();
                        while !self.eat(b']') {
                            self.eat(b',');
                            items.push(self.value());
                        }
                        V::Arr(items)
                    }
                    b'"' => V::Str(self.string()),
                    b'n' => self.word("null", V::Null),
                    b't' => self.word("true", V::Bool(true)),
                    b'f' => self.word("false", V::Bool(false)),
                    _ => {
                        let start = self.i;
                        while self.i < self.b.len() && b"+-.eE0123456789".contains(&self.b[self.i]) {
                            self.i += 1;
                        }
                        let text = std::str::from_utf8(&self.b[start..self.i]).unwrap();
                        match text.parse::<i64>() {
                            Ok(n) => V::Int(n),
                            Err(_) => V::Float(text.parse().expect("a number")),
                        }
                    }
                }
            }

            fn word(&mut self, w: &str, v: V) -> V {
                assert!(self.b[self.i..].starts_with(w.as_bytes()));
                self.i += w.len();
                v
            }

            fn string(&mut self) -> String {
                self.ws();
                assert_eq!(self.b[self.i], b'"');
                let start = self.i + 1;
                let len = self.b[start..].iter().position(|&c| c == b'"').expect("closing quote");
                self.i = start + len + 1;
                String::from_utf8(self.b[start..start + len].to_vec()).unwrap()
            }
        }

        impl<'de> de::Deserializer<'de> for V {
            type Error = de::value::Error;

            fn deserialize_any<W: Visitor<'de>>(self, visitor: W) -> Result<W::Value, Self::Error> {
                match self {
                    V::Null => visitor.visit_unit(),
                    V::Bool(b) => visitor.visit_bool(b),
                    V::Int(n) => visitor.visit_i64(n),
                    V::Float(x) => visitor.visit_f64(x),
                    V::Str(s) => visitor.visit_string(s),
                    V::Arr(items) => visitor.visit_seq(SeqDeserializer::new(items.into_iter())),
                    V::Obj(fields) => visitor.visit_map(MapDeserializer::new(fields.into_iter())),
                }
            }

            fn deserialize_option<W: Visitor<'de>>(self, visitor: W) -> Result<W::Value, Self::Error> {
                match self {
                    V::Null => visitor.visit_none(),
                    other => visitor.visit_some(other),
                }
            }

            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
                unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
            }
        }

        impl<'de> IntoDeserializer<'de, de::value::Error> for V {
            type Deserializer = V;

            fn into_deserializer(self) -> V {
                self
            }
        }
    }
}
