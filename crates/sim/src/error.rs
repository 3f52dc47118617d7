//! Errors: every rejected configuration or command carries a stable Kafka-style
//! code and a plain explanation in English and Korean.

use serde::Serialize;
use std::fmt;

/// Kafka-style error codes (the names Kafka's `Errors` enum uses where one exists).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    InvalidConfig,
    InvalidPartitions,
    InvalidReplicationFactor,
    InvalidTopicException,
    TopicAlreadyExists,
    UnknownTopicOrPartition,
    UnknownMemberId,
    OffsetOutOfRange,
    InvalidRequest,
    NonEmptyGroup,
    GroupIdNotFound,
}

impl ErrorCode {
    /// The name exactly as Kafka prints it (e.g. `INVALID_REPLICATION_FACTOR`).
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::InvalidConfig => "INVALID_CONFIG",
            ErrorCode::InvalidPartitions => "INVALID_PARTITIONS",
            ErrorCode::InvalidReplicationFactor => "INVALID_REPLICATION_FACTOR",
            ErrorCode::InvalidTopicException => "INVALID_TOPIC_EXCEPTION",
            ErrorCode::TopicAlreadyExists => "TOPIC_ALREADY_EXISTS",
            ErrorCode::UnknownTopicOrPartition => "UNKNOWN_TOPIC_OR_PARTITION",
            ErrorCode::UnknownMemberId => "UNKNOWN_MEMBER_ID",
            ErrorCode::OffsetOutOfRange => "OFFSET_OUT_OF_RANGE",
            ErrorCode::InvalidRequest => "INVALID_REQUEST",
            ErrorCode::NonEmptyGroup => "NON_EMPTY_GROUP",
            ErrorCode::GroupIdNotFound => "GROUP_ID_NOT_FOUND",
        }
    }
}

/// A rejected configuration or command: a code, the path of the offending field
/// (e.g. `topics[0].replication_factor`) and a message in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SimError {
    pub code: ErrorCode,
    pub field: String,
    pub en: String,
    pub ko: String,
}

impl SimError {
    pub fn new(code: ErrorCode, field: impl Into<String>, en: impl Into<String>, ko: impl Into<String>) -> Self {
        Self { code, field: field.into(), en: en.into(), ko: ko.into() }
    }

    /// The message in the requested language (`"ko"` or anything else for English).
    pub fn message(&self, lang: &str) -> &str {
        if lang == "ko" {
            &self.ko
        } else {
            &self.en
        }
    }
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.code.name(), self.en)
        } else {
            write!(f, "{}: {}: {}", self.code.name(), self.field, self.en)
        }
    }
}

impl std::error::Error for SimError {}
