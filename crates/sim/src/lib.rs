//! # kafka-sim
//!
//! A deterministic, sans-IO model of Apache Kafka's data path, written to teach.
//!
//! The crate does no I/O, reads no clock and draws no ambient randomness: time is
//! an integer number of simulated milliseconds that only the caller advances, and
//! every random choice comes from one PRNG seeded by the configuration. The same
//! configuration and the same commands therefore give the same run, natively and
//! in the browser.
//!
//! The driving loop:
//!
//! ```
//! use kafka_sim::{Cluster, ClusterConfig};
//! let mut cluster = Cluster::new(ClusterConfig::default()).expect("the default config is valid");
//! let view = cluster.view();
//! assert_eq!(view.brokers.len(), 3);
//! ```

pub mod broker_stats;
pub mod burrow;
pub mod cluster;
pub mod command;
pub mod compare;
pub mod config;
pub mod controller;
pub mod course;
pub mod error;
pub mod event;
pub mod fixed;
pub mod group;
pub mod ids;
pub mod josa;
#[cfg(feature = "json")]
pub mod json;
pub mod limits;
pub mod murmur2;
pub mod partition;
pub mod presets;
pub mod producer;
pub mod reconfigure;
pub mod rng;
pub mod scenario;
pub mod text;
pub mod timeline;
pub(crate) mod traffic;
pub mod vecmap;
pub mod view;

// The paths these modules had before the simulation was split by concept.
pub use cluster::story;
pub use controller::placement;
pub use group::assignor;
pub use partition::log;
pub use producer::partitioner;

pub use cluster::Cluster;
pub use command::{Command, ResetSpec};
pub use config::ClusterConfig;
pub use error::{ErrorCode, ErrorReason, FieldPath, SimError};
pub use event::{Event, EventKind};
pub use ids::{BrokerId, TopicPartition};
pub use text::Lang;
pub use view::ClusterView;
