//! Scenario files: a cluster configuration, a script of timed steps and a
//! duration. The format is documented in `docs/scenario-format.md`.

use crate::command::{Command, ResetSpec, TopicConfigChange};
use crate::config::{Acks, BrokerSettings, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig, TopicConfig};
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::limits;
use crate::producer::Ledger;
use crate::Cluster;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    #[serde(default = "default_seed")]
    pub seed: u64,
    #[serde(default = "default_brokers")]
    pub brokers: u32,
    #[serde(default)]
    pub topics: Vec<TopicConfig>,
    #[serde(default)]
    pub producers: Vec<ProducerConfig>,
    #[serde(default)]
    pub groups: Vec<GroupConfig>,
    #[serde(default = "default_step_ms")]
    pub step_ms: u64,
    #[serde(default)]
    pub broker_config: BrokerSettings,
    #[serde(default)]
    pub script: Vec<ScriptStep>,
    /// How long to run, in simulated ms (default 60000, at most
    /// [`limits::MAX_RUN_MS`]).
    #[serde(default = "default_duration")]
    pub duration_ms: u64,
}

fn default_seed() -> u64 {
    1
}
fn default_brokers() -> u32 {
    3
}
fn default_step_ms() -> u64 {
    100
}
fn default_duration() -> u64 {
    60_000
}

/// What a script step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    AddConsumer,
    RemoveConsumer,
    CrashConsumer,
    AddGroup,
    AddProducer,
    RemoveProducer,
    SetProducerRate,
    SetGroupRate,
    AddPartitions,
    CreateTopic,
    ResetOffsets,
    KillBroker,
    ShutdownBroker,
    RestartBroker,
    SlowBroker,
    IsolateBroker,
    HealBroker,
    ElectPreferredLeader,
    SetTopicConfig,
    SetProducer,
}

/// Where `reset_offsets` moves a group (`kafka-consumer-groups --reset-offsets
/// --to-earliest | --to-latest | --to-offset | --shift-by | --to-datetime`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ResetTarget {
    Earliest,
    Latest,
    /// To `offset`.
    Offset,
    /// By `shift_by`.
    Shift,
    /// To the first record at or after `datetime_ms` (`--to-datetime`).
    Datetime,
}

/// One timed step. Which fields a step needs depends on `do`; the others must
/// be absent. Kept flat so a bad field is named in the error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScriptStep {
    pub at_ms: u64,
    #[serde(rename = "do")]
    pub action: Action,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub producer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partitions: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_per_s: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub records_per_s: Option<f64>,
    /// For `reset_offsets`: `earliest`, `latest`, `offset`, `shift` or `datetime`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<ResetTarget>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_by: Option<i64>,
    /// For `reset_offsets` with `to: "datetime"`: a simulated time in ms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datetime_ms: Option<u64>,
    /// For `add_group`: the group's configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_group: Option<GroupConfig>,
    /// For `add_producer`: the producer's configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_producer: Option<ProducerConfig>,
    /// For `create_topic`: the topic's configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_topic: Option<TopicConfig>,
    /// For broker steps: the broker id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broker: Option<u32>,
    /// For `slow_broker`: the fetch delay multiplier (1 = normal).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<u32>,
    /// For `set_topic_config`: Kafka config names and values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<TopicConfigChange>,
    /// For `set_producer`: the new `acks`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acks: Option<Acks>,
    /// For `set_producer`: the new `enable.idempotence`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_idempotence: Option<bool>,
}

fn need<T: Clone>(v: &Option<T>, field: &'static str, step: usize, action: Action) -> Result<T, SimError> {
    v.clone().ok_or_else(|| {
        SimError::new(
            ErrorCode::InvalidConfig,
            FieldPath::root().item("script", step).field(field),
            ErrorReason::StepNeeds { action, field },
        )
    })
}

impl ScriptStep {
    /// The command this step stands for, or what is missing.
    pub fn command(&self, index: usize) -> Result<Command, SimError> {
        let a = self.action;
        let group = || need(&self.group, "group", index, a);
        Ok(match self.action {
            Action::AddConsumer => Command::AddConsumer { group: group()? },
            Action::RemoveConsumer => {
                Command::RemoveConsumer { group: group()?, member: self.member.clone(), graceful: true }
            }
            Action::CrashConsumer => {
                Command::RemoveConsumer { group: group()?, member: self.member.clone(), graceful: false }
            }
            Action::AddGroup => Command::AddGroup(need(&self.new_group, "new_group", index, a)?),
            Action::AddProducer => Command::AddProducer(need(&self.new_producer, "new_producer", index, a)?),
            Action::RemoveProducer => Command::RemoveProducer { producer: need(&self.producer, "producer", index, a)? },
            Action::SetProducerRate => Command::SetProducerRate {
                producer: need(&self.producer, "producer", index, a)?,
                rate_per_s: need(&self.rate_per_s, "rate_per_s", index, a)?,
            },
            Action::SetGroupRate => Command::SetGroupRate {
                group: group()?,
                records_per_s: need(&self.records_per_s, "records_per_s", index, a)?,
            },
            Action::CreateTopic => Command::CreateTopic(need(&self.new_topic, "new_topic", index, a)?),
            Action::AddPartitions => Command::AddPartitions {
                topic: need(&self.topic, "topic", index, a)?,
                partitions: need(&self.partitions, "partitions", index, a)?,
            },
            Action::ResetOffsets => {
                let to = need(&self.to, "to", index, a)?;
                let spec = match to {
                    ResetTarget::Earliest => ResetSpec::ToEarliest,
                    ResetTarget::Latest => ResetSpec::ToLatest,
                    ResetTarget::Offset => ResetSpec::ToOffset(need(&self.offset, "offset", index, a)?),
                    ResetTarget::Shift => ResetSpec::ShiftBy(need(&self.shift_by, "shift_by", index, a)?),
                    ResetTarget::Datetime => ResetSpec::ToDatetime(need(&self.datetime_ms, "datetime_ms", index, a)?),
                };
                Command::ResetOffsets { group: group()?, spec }
            }
            Action::KillBroker => Command::KillBroker { broker: need(&self.broker, "broker", index, a)? },
            Action::ShutdownBroker => Command::ShutdownBroker { broker: need(&self.broker, "broker", index, a)? },
            Action::RestartBroker => Command::RestartBroker { broker: need(&self.broker, "broker", index, a)? },
            Action::SlowBroker => Command::SlowBroker {
                broker: need(&self.broker, "broker", index, a)?,
                factor: need(&self.factor, "factor", index, a)?,
            },
            Action::IsolateBroker => Command::IsolateBroker { broker: need(&self.broker, "broker", index, a)? },
            Action::HealBroker => Command::HealBroker { broker: need(&self.broker, "broker", index, a)? },
            Action::ElectPreferredLeader => Command::ElectPreferredLeader { topic: self.topic.clone() },
            Action::SetTopicConfig => Command::SetTopicConfig {
                topic: need(&self.topic, "topic", index, a)?,
                changes: need(&self.config, "config", index, a)?,
            },
            Action::SetProducer => Command::SetProducerAcks {
                producer: need(&self.producer, "producer", index, a)?,
                acks: need(&self.acks, "acks", index, a)?,
                enable_idempotence: self.enable_idempotence,
            },
        })
    }
}

impl ScriptStep {
    /// A step doing `action` at `at_ms` with every other field absent (fill in
    /// what the action needs with struct update syntax).
    pub fn new(at_ms: u64, action: Action) -> ScriptStep {
        ScriptStep {
            at_ms,
            action,
            group: None,
            member: None,
            producer: None,
            topic: None,
            partitions: None,
            rate_per_s: None,
            records_per_s: None,
            to: None,
            offset: None,
            shift_by: None,
            datetime_ms: None,
            new_group: None,
            new_producer: None,
            new_topic: None,
            broker: None,
            factor: None,
            config: None,
            acks: None,
            enable_idempotence: None,
        }
    }

    /// The step that stands for `command` at `at_ms` (the inverse of
    /// [`ScriptStep::command`]): how a run is exported as a scenario.
    pub fn of(at_ms: u64, command: &Command) -> ScriptStep {
        let mut s = ScriptStep::new(at_ms, Action::AddConsumer);
        match command.clone() {
            Command::AddConsumer { group } => s.group = Some(group),
            Command::RemoveConsumer { group, member, graceful } => {
                s.action = if graceful { Action::RemoveConsumer } else { Action::CrashConsumer };
                (s.group, s.member) = (Some(group), member);
            }
            Command::AddGroup(g) => (s.action, s.new_group) = (Action::AddGroup, Some(g)),
            Command::AddProducer(p) => (s.action, s.new_producer) = (Action::AddProducer, Some(p)),
            Command::RemoveProducer { producer } => (s.action, s.producer) = (Action::RemoveProducer, Some(producer)),
            Command::SetProducerRate { producer, rate_per_s } => {
                (s.action, s.producer, s.rate_per_s) = (Action::SetProducerRate, Some(producer), Some(rate_per_s));
            }
            Command::SetGroupRate { group, records_per_s } => {
                (s.action, s.group, s.records_per_s) = (Action::SetGroupRate, Some(group), Some(records_per_s));
            }
            Command::CreateTopic(t) => (s.action, s.new_topic) = (Action::CreateTopic, Some(t)),
            Command::AddPartitions { topic, partitions } => {
                (s.action, s.topic, s.partitions) = (Action::AddPartitions, Some(topic), Some(partitions));
            }
            Command::ResetOffsets { group, spec } => {
                (s.action, s.group) = (Action::ResetOffsets, Some(group));
                s.to = Some(match spec {
                    ResetSpec::ToEarliest => ResetTarget::Earliest,
                    ResetSpec::ToLatest => ResetTarget::Latest,
                    ResetSpec::ToOffset(o) => {
                        s.offset = Some(o);
                        ResetTarget::Offset
                    }
                    ResetSpec::ShiftBy(n) => {
                        s.shift_by = Some(n);
                        ResetTarget::Shift
                    }
                    ResetSpec::ToDatetime(ms) => {
                        s.datetime_ms = Some(ms);
                        ResetTarget::Datetime
                    }
                });
            }
            Command::KillBroker { broker } => (s.action, s.broker) = (Action::KillBroker, Some(broker)),
            Command::ShutdownBroker { broker } => (s.action, s.broker) = (Action::ShutdownBroker, Some(broker)),
            Command::RestartBroker { broker } => (s.action, s.broker) = (Action::RestartBroker, Some(broker)),
            Command::IsolateBroker { broker } => (s.action, s.broker) = (Action::IsolateBroker, Some(broker)),
            Command::HealBroker { broker } => (s.action, s.broker) = (Action::HealBroker, Some(broker)),
            Command::SlowBroker { broker, factor } => {
                (s.action, s.broker, s.factor) = (Action::SlowBroker, Some(broker), Some(factor));
            }
            Command::ElectPreferredLeader { topic } => (s.action, s.topic) = (Action::ElectPreferredLeader, topic),
            Command::SetTopicConfig { topic, changes } => {
                (s.action, s.topic, s.config) = (Action::SetTopicConfig, Some(topic), Some(changes));
            }
            Command::SetProducerAcks { producer, acks, enable_idempotence } => {
                (s.action, s.producer, s.acks) = (Action::SetProducer, Some(producer), Some(acks));
                s.enable_idempotence = enable_idempotence;
            }
        }
        s
    }
}

impl Scenario {
    /// A run as a scenario `kafka-sim run` replays exactly: its configuration
    /// (with the seed), every command with its simulated time, and the time
    /// reached as the duration.
    pub fn of_run(config: &ClusterConfig, commands: &[(u64, Command)], duration_ms: u64) -> Scenario {
        Scenario {
            seed: config.seed,
            brokers: config.brokers,
            topics: config.topics.clone(),
            producers: config.producers.clone(),
            groups: config.groups.clone(),
            step_ms: config.step_ms,
            broker_config: config.broker_config.clone(),
            script: commands.iter().map(|(t, c)| ScriptStep::of(*t, c)).collect(),
            duration_ms,
        }
    }
}

fn serde_name(a: Action) -> &'static str {
    match a {
        Action::AddConsumer => "add_consumer",
        Action::RemoveConsumer => "remove_consumer",
        Action::CrashConsumer => "crash_consumer",
        Action::AddGroup => "add_group",
        Action::AddProducer => "add_producer",
        Action::RemoveProducer => "remove_producer",
        Action::SetProducerRate => "set_producer_rate",
        Action::SetGroupRate => "set_group_rate",
        Action::AddPartitions => "add_partitions",
        Action::CreateTopic => "create_topic",
        Action::ResetOffsets => "reset_offsets",
        Action::KillBroker => "kill_broker",
        Action::ShutdownBroker => "shutdown_broker",
        Action::RestartBroker => "restart_broker",
        Action::SlowBroker => "slow_broker",
        Action::IsolateBroker => "isolate_broker",
        Action::HealBroker => "heal_broker",
        Action::ElectPreferredLeader => "elect_preferred_leader",
        Action::SetTopicConfig => "set_topic_config",
        Action::SetProducer => "set_producer",
    }
}

impl Action {
    /// The name as written in a scenario's `do`.
    pub fn name(self) -> &'static str {
        serde_name(self)
    }
}

impl Scenario {
    pub fn config(&self) -> ClusterConfig {
        ClusterConfig {
            seed: self.seed,
            brokers: self.brokers,
            topics: self.topics.clone(),
            producers: self.producers.clone(),
            groups: self.groups.clone(),
            step_ms: self.step_ms,
            broker_config: self.broker_config.clone(),
        }
    }

    /// Checks the configuration and that every step names what it needs.
    pub fn validate(&self) -> Result<(), SimError> {
        self.config().validate()?;
        if self.duration_ms > limits::MAX_RUN_MS {
            let reason = ErrorReason::DurationMs { value: self.duration_ms };
            return Err(SimError::new(ErrorCode::InvalidConfig, FieldPath::new("duration_ms"), reason));
        }
        for (i, s) in self.script.iter().enumerate() {
            if s.at_ms > limits::MAX_RUN_MS {
                let field = FieldPath::root().item("script", i).field("at_ms");
                return Err(SimError::new(ErrorCode::InvalidConfig, field, ErrorReason::StepTime { at_ms: s.at_ms }));
            }
            s.command(i)?;
        }
        Ok(())
    }
}

/// Runs a scenario: applies each step when simulated time reaches its `at_ms`
/// (at the first step boundary at or after it), ticking in between.
#[derive(Clone, Debug)]
pub struct Runner {
    pub cluster: Cluster,
    steps: Vec<(u64, Command)>,
    next: usize,
}

impl Runner {
    pub fn new(scenario: &Scenario) -> Result<Self, SimError> {
        scenario.validate()?;
        let cluster = Cluster::new(scenario.config())?;
        let steps: Vec<(u64, Command)> = scenario
            .script
            .iter()
            .enumerate()
            .map(|(i, s)| s.command(i).map(|c| (s.at_ms, c)))
            .collect::<Result<_, _>>()?;
        Ok(Self::with_script(cluster, steps))
    }

    /// Runs `steps` (commands at simulated times) on a cluster that already exists:
    /// how the app loads a lesson, in one go.
    pub fn with_script(cluster: Cluster, steps: Vec<(u64, Command)>) -> Self {
        let mut runner = Self { cluster, steps: Vec::new(), next: 0 };
        runner.set_script(steps);
        runner
    }

    /// How many of the script's commands have been applied so far.
    pub fn applied(&self) -> usize {
        self.next
    }

    /// Replaces the commands still to run (a lesson's next step).
    pub fn set_script(&mut self, mut steps: Vec<(u64, Command)>) {
        // Stable: steps at the same time run in the given order.
        steps.sort_by_key(|(t, _)| *t);
        self.steps = steps;
        self.next = 0;
    }

    /// Applies due steps, then ticks, until time reaches `t_ms`. A refused step
    /// is recorded as a `rejected` event and the run goes on (as a real operator
    /// would see an error and carry on).
    pub fn run_until(&mut self, t_ms: u64) {
        loop {
            self.apply_due();
            if self.cluster.time_ms() >= t_ms {
                break;
            }
            self.cluster.tick();
        }
    }

    fn apply_due(&mut self) {
        while let Some((at, _)) = self.steps.get(self.next) {
            if *at > self.cluster.time_ms() {
                break;
            }
            let command = self.steps[self.next].1.clone();
            self.next += 1;
            let _ = self.cluster.apply(command);
        }
    }
}

/// The summary object `kafka-sim run` prints last.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub t_ms: u64,
    pub partitions: Vec<SummaryPartition>,
    pub producers: Vec<SummaryProducer>,
    pub groups: Vec<SummaryGroup>,
    /// The loss ledger summed over all producers.
    pub ledger: Ledger,
    /// What each broker spent (its [`crate::view::BrokerTraffic`]).
    pub brokers: Vec<SummaryBroker>,
}

/// One broker's bytes in the summary and in `kafka-sim describe --brokers
/// --json`: totals since the start (the `BrokerTopicMetrics` meters' counts),
/// the bytes on its disk now, what it hosts, then the rates over the last
/// simulated second. The first eight fields are a contract, in this order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryBroker {
    pub id: u32,
    pub bytes_in: u64,
    pub bytes_out: u64,
    pub replication_bytes_in: u64,
    pub replication_bytes_out: u64,
    pub disk_bytes: u64,
    pub leader_partitions: u32,
    pub replicas: u32,
    pub alive: bool,
    pub bytes_in_per_s: u64,
    pub bytes_out_per_s: u64,
    pub replication_bytes_in_per_s: u64,
    pub replication_bytes_out_per_s: u64,
}

impl SummaryBroker {
    pub fn of(b: &crate::view::BrokerView) -> Self {
        let t = &b.traffic;
        SummaryBroker {
            id: b.id,
            bytes_in: t.bytes_in,
            bytes_out: t.bytes_out,
            replication_bytes_in: t.replication_bytes_in,
            replication_bytes_out: t.replication_bytes_out,
            disk_bytes: t.disk_bytes,
            leader_partitions: t.leader_partitions,
            replicas: t.replicas,
            alive: b.alive,
            bytes_in_per_s: t.bytes_in_per_s,
            bytes_out_per_s: t.bytes_out_per_s,
            replication_bytes_in_per_s: t.replication_bytes_in_per_s,
            replication_bytes_out_per_s: t.replication_bytes_out_per_s,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryPartition {
    pub topic: String,
    pub partition: u32,
    pub log_start_offset: u64,
    pub log_end_offset: u64,
    pub high_watermark: u64,
    pub leader: Option<u32>,
    pub leader_epoch: u32,
    pub replicas: Vec<u32>,
    pub isr: Vec<u32>,
    /// Each replica's log end offset, by broker id.
    pub log_end_offsets: std::collections::BTreeMap<String, u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryProducer {
    pub id: String,
    pub sent: u64,
    pub acked: u64,
    pub errors: std::collections::BTreeMap<String, u64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryGroup {
    pub id: String,
    pub generation: i32,
    pub members: Vec<SummaryMember>,
    pub offsets: Vec<SummaryOffset>,
    pub total_lag: u64,
    pub max_lag: u64,
    pub consumed: u64,
    pub redelivered: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryMember {
    pub id: String,
    pub assigned: Vec<String>,
    pub records_lag_max: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SummaryOffset {
    pub topic: String,
    pub partition: u32,
    pub committed: Option<u64>,
    pub lag: Option<u64>,
}

impl Summary {
    pub fn of(cluster: &Cluster) -> Self {
        let v = cluster.view();
        Summary {
            t_ms: v.time_ms,
            partitions: v
                .topics
                .iter()
                .flat_map(|t| &t.partitions)
                .map(|p| SummaryPartition {
                    topic: p.topic.clone(),
                    partition: p.partition,
                    log_start_offset: p.log_start_offset,
                    log_end_offset: p.log_end_offset,
                    high_watermark: p.high_watermark,
                    leader: p.leader,
                    leader_epoch: p.leader_epoch,
                    replicas: p.replicas.clone(),
                    isr: p.isr.clone(),
                    log_end_offsets: p.log_end_offsets.iter().map(|(b, o)| (b.to_string(), *o)).collect(),
                })
                .collect(),
            producers: v
                .producers
                .iter()
                .map(|p| SummaryProducer {
                    id: p.id.clone(),
                    sent: p.sent,
                    acked: p.acked,
                    errors: p.errors.iter().cloned().collect(),
                })
                .collect(),
            groups: v
                .groups
                .iter()
                .map(|g| SummaryGroup {
                    id: g.id.clone(),
                    generation: g.generation,
                    members: g
                        .members
                        .iter()
                        .map(|m| SummaryMember {
                            id: m.id.clone(),
                            assigned: m.assigned.iter().map(|tp| tp.to_string()).collect(),
                            records_lag_max: m.records_lag_max,
                        })
                        .collect(),
                    offsets: g
                        .partitions
                        .iter()
                        .map(|p| SummaryOffset {
                            topic: p.topic.clone(),
                            partition: p.partition,
                            committed: p.committed,
                            lag: p.lag,
                        })
                        .collect(),
                    total_lag: g.total_lag,
                    max_lag: g.max_lag,
                    consumed: g.consumed,
                    redelivered: g.redelivered,
                })
                .collect(),
            ledger: v.producers.iter().fold(Ledger::default(), |mut l, p| {
                l.add(&p.ledger);
                l
            }),
            brokers: v.brokers.iter().map(SummaryBroker::of).collect(),
        }
    }
}

/// Groups' `auto_offset_reset` parsed for tools (the CLI's describe).
pub fn reset_name(r: OffsetReset) -> &'static str {
    match r {
        OffsetReset::Earliest => "earliest",
        OffsetReset::Latest => "latest",
        OffsetReset::None => "none",
    }
}

#[cfg(test)]
mod tests {

    /// Every command survives the trip to a script step and back, so an
    /// exported run replays the same commands.
    #[test]
    fn every_command_round_trips_through_a_script_step() {
        use crate::command::TopicConfigChange;
        use crate::config::{Acks, GroupConfig, ProducerConfig, TopicSettings};
        let all = vec![
            Command::AddConsumer { group: "g".into() },
            Command::RemoveConsumer { group: "g".into(), member: Some("m".into()), graceful: true },
            Command::RemoveConsumer { group: "g".into(), member: None, graceful: false },
            Command::AddGroup(GroupConfig::new("g2", "t", 2)),
            Command::AddProducer(ProducerConfig::new("p2", "t", 3.5)),
            Command::RemoveProducer { producer: "p".into() },
            Command::SetProducerRate { producer: "p".into(), rate_per_s: 2.5 },
            Command::SetGroupRate { group: "g".into(), records_per_s: 0.0 },
            Command::AddPartitions { topic: "t".into(), partitions: 6 },
            Command::CreateTopic(TopicConfig {
                name: "t2".into(),
                partitions: 2,
                replication_factor: 3,
                config: TopicSettings { min_insync_replicas: 2, ..TopicSettings::default() },
            }),
            Command::ResetOffsets { group: "g".into(), spec: ResetSpec::ToEarliest },
            Command::ResetOffsets { group: "g".into(), spec: ResetSpec::ToLatest },
            Command::ResetOffsets { group: "g".into(), spec: ResetSpec::ToOffset(7) },
            Command::ResetOffsets { group: "g".into(), spec: ResetSpec::ShiftBy(-3) },
            Command::ResetOffsets { group: "g".into(), spec: ResetSpec::ToDatetime(2_500) },
            Command::KillBroker { broker: 1 },
            Command::ShutdownBroker { broker: 2 },
            Command::RestartBroker { broker: 3 },
            Command::IsolateBroker { broker: 1 },
            Command::HealBroker { broker: 1 },
            Command::SlowBroker { broker: 2, factor: 10 },
            Command::ElectPreferredLeader { topic: None },
            Command::ElectPreferredLeader { topic: Some("t".into()) },
            Command::SetTopicConfig {
                topic: "t".into(),
                changes: TopicConfigChange { retention_ms: Some(1000), ..TopicConfigChange::default() },
            },
            Command::SetProducerAcks { producer: "p".into(), acks: Acks::Leader, enable_idempotence: Some(false) },
        ];
        for (i, c) in all.iter().enumerate() {
            let step = ScriptStep::of(i as u64 * 100, c);
            assert_eq!(step.at_ms, i as u64 * 100);
            assert_eq!(step.command(i).as_ref(), Ok(c), "{step:?}");
        }
    }

    /// `Scenario::of_run` replays to the same state as the run it was taken from.
    #[test]
    fn an_exported_run_replays_exactly() {
        let config = ClusterConfig::default();
        let script = vec![
            (2_000, Command::KillBroker { broker: 1 }),
            (5_000, Command::AddConsumer { group: config.groups[0].id.clone() }),
            (7_000, Command::RestartBroker { broker: 1 }),
        ];
        let mut live = Runner::with_script(Cluster::new(config.clone()).unwrap(), script.clone());
        live.run_until(12_000);
        let scenario = Scenario::of_run(&config, &script, 12_000);
        let mut replay = Runner::new(&scenario).unwrap();
        replay.run_until(scenario.duration_ms);
        assert_eq!(Summary::of(&replay.cluster), Summary::of(&live.cluster));
    }
    use super::*;

    fn scenario(json: &str) -> Scenario {
        serde_json::from_str(json).expect("a scenario")
    }

    #[test]
    fn run_length_is_limited_to_max_run_ms() {
        let max = limits::MAX_RUN_MS;
        let ok = scenario(&format!(r#"{{"topics":[{{"name":"a"}}],"duration_ms":{max}}}"#));
        assert_eq!(ok.validate(), Ok(()));
        let long = scenario(&format!(r#"{{"topics":[{{"name":"a"}}],"duration_ms":{}}}"#, max + 1));
        let e = long.validate().unwrap_err();
        assert_eq!((e.field.to_string(), e.reason), ("duration_ms".into(), ErrorReason::DurationMs { value: max + 1 }));
        let late = scenario(&format!(
            r#"{{"topics":[{{"name":"a"}}],"groups":[{{"id":"g","topic":"a"}}],
                "script":[{{"at_ms":{max},"do":"add_consumer","group":"g"}},{{"at_ms":{},"do":"add_consumer","group":"g"}}]}}"#,
            max + 1
        ));
        let e = late.validate().unwrap_err();
        assert_eq!(e.field, "script[1].at_ms");
        assert!(e.ko().contains("86400000"), "{}", e.ko());
    }

    #[test]
    fn a_step_missing_a_field_names_the_action_and_the_field() {
        let s = scenario(r#"{"topics":[{"name":"a"}],"script":[{"at_ms":1,"do":"kill_broker"}]}"#);
        let e = s.validate().unwrap_err();
        assert_eq!(e.field, "script[0].broker");
        assert_eq!(e.reason, ErrorReason::StepNeeds { action: Action::KillBroker, field: "broker" });
        assert_eq!(e.en(), "step kill_broker needs \"broker\"");
        assert_eq!(e.ko(), "kill_broker 단계에는 \"broker\"가 필요합니다");
    }
}
