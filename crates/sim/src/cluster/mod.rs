//! The simulated cluster: what the app and the CLI drive. It holds the
//! concepts' state machines (brokers, topics of `PartitionState`s,
//! producers, groups), applies commands, and orchestrates one step in
//! [`Cluster::tick`]: partitions replicate, producers send, acks=all requests
//! complete, groups poll and commit, sessions expire, the controller fences
//! and elects, and the periodic ISR check, retention and lag sampling run
//! when due (docs/ARCHITECTURE.md, "The tick"). `view.rs` builds the read-only
//! view, `story.rs` a record's story.

pub mod story;
mod view;

use crate::command::Command;
use crate::config::{ClusterConfig, GroupConfig, ProducerConfig, TopicConfig, TopicSettings};
use crate::controller::placement::assign_replicas_rack_unaware;
use crate::controller::Broker;
use crate::error::{ErrorCode, ErrorReason, FieldPath, SimError};
use crate::event::{Event, EventKind, Warning};
use crate::group::GroupState;
use crate::ids::BrokerId;
use crate::partition::log::{LogSettings, Record, NULL_KEY};
use crate::partition::PartitionState;
use crate::producer::ProducerState;
use crate::rng::SimRng;

#[derive(Clone, Debug)]
pub(crate) struct TopicState {
    pub name: String,
    pub replication_factor: u32,
    pub settings: TopicSettings,
    pub partitions: Vec<PartitionState>,
    /// Burrow's ring of recent log end offsets, per partition.
    pub broker_offsets: Vec<crate::burrow::BrokerOffsetRing>,
    /// Bytes in, replicated and out, summed over its partitions.
    pub traffic: crate::traffic::TopicMeters,
}

impl TopicState {
    pub fn log_settings(&self) -> LogSettings {
        LogSettings {
            retention_ms: self.settings.retention_ms,
            retention_bytes: self.settings.retention_bytes,
            segment_bytes: self.settings.segment_bytes,
            segment_ms: self.settings.segment_ms,
        }
    }
}

/// A simulated Kafka cluster. Cheap to clone (records are small and bounded by
/// retention), so callers can keep snapshots to step back in time.
#[derive(Clone, Debug)]
pub struct Cluster {
    pub(crate) config: ClusterConfig,
    pub(crate) time_ms: u64,
    pub(crate) rng: SimRng,
    // Entities are referenced by stable ids. Brokers, topics and groups are never
    // removed, so their index is their id. A producer's index is its id in every
    // record it wrote (`Record::producer`); producers are never removed either: a
    // removed one stays, flagged `removed`, because the view still reports it
    // (`active: false`) and its records in the logs still count in its ledger
    // when an election loses them. Members are removed when they leave; their id
    // is the never-reused `<group>-c<n>`, and positions in `members` are only
    // used within one call.
    pub(crate) brokers: Vec<Broker>,
    pub(crate) topics: Vec<TopicState>,
    pub(crate) producers: Vec<ProducerState>,
    pub(crate) groups: Vec<GroupState>,
    /// Every key any producer uses, as bytes; records refer to keys by index.
    pub(crate) keys: Vec<Box<[u8]>>,
    pub(crate) events: Vec<Event>,
    pub(crate) last_retention_ms: u64,
    pub(crate) last_lag_sample_ms: u64,
    pub(crate) last_isr_check_ms: u64,
    /// Emit `produced`/`consumed`/`committed` events (the hot path's events).
    pub(crate) record_events: bool,
}

impl Cluster {
    /// Builds a cluster from a configuration, or says what is wrong with it.
    pub fn new(config: ClusterConfig) -> Result<Self, SimError> {
        config.validate()?;
        let mut cluster = Self {
            time_ms: 0,
            rng: SimRng::new(config.seed),
            brokers: (1..=config.brokers)
                .map(|id| Broker {
                    id,
                    alive: true,
                    fenced: false,
                    crashed_at: None,
                    registering: false,
                    slow_factor: 1,
                    isolated: false,
                    traffic: Default::default(),
                    disk_used: 0,
                    disk_free: config.broker_config.disk_bytes,
                    log_dir_offline: false,
                })
                .collect(),
            topics: Vec::new(),
            producers: Vec::new(),
            groups: Vec::new(),
            keys: Vec::new(),
            events: Vec::new(),
            last_retention_ms: 0,
            last_lag_sample_ms: 0,
            last_isr_check_ms: 0,
            record_events: true,
            config: config.clone(),
        };
        let broker_ids: Vec<BrokerId> = cluster.brokers.iter().map(|b| b.id).collect();
        for t in &config.topics {
            cluster.place_topic(t, &broker_ids);
        }
        for p in &config.producers {
            cluster.add_producer(p.clone())?;
        }
        for g in &config.groups {
            cluster.add_group(g.clone())?;
        }
        Ok(cluster)
    }

    /// Places a validated topic's replicas on `brokers` and adds it: at startup
    /// and for `kafka-topics --create` alike.
    pub(crate) fn place_topic(&mut self, t: &TopicConfig, brokers: &[BrokerId]) {
        let layout = assign_replicas_rack_unaware(brokers, t.partitions, t.replication_factor, 0, None, &mut self.rng);
        self.topics.push(TopicState {
            name: t.name.clone(),
            replication_factor: t.replication_factor,
            settings: t.config.clone(),
            broker_offsets: vec![crate::burrow::BrokerOffsetRing::default(); layout.len()],
            partitions: layout.into_iter().map(PartitionState::new).collect(),
            traffic: Default::default(),
        });
        if t.replication_factor == 1 {
            self.emit(EventKind::Warning(Warning::ReplicationFactor1 { topic: t.name.clone() }));
        }
    }

    /// The starting configuration (topics created by `create_topic` and the
    /// producers and groups added later are not in it).
    pub fn config(&self) -> &ClusterConfig {
        &self.config
    }

    pub fn time_ms(&self) -> u64 {
        self.time_ms
    }

    /// Turns per-record events (`produced`, `consumed`, `committed`) on or off.
    /// Off makes long headless runs and benchmarks cheaper; the state is the same.
    pub fn set_record_events(&mut self, on: bool) {
        self.record_events = on;
    }

    /// Takes the events that happened since the last call, oldest first.
    pub fn drain_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    pub(crate) fn emit(&mut self, kind: EventKind) {
        self.events.push(Event { t_ms: self.time_ms, kind });
    }

    /// Emits events a state machine pushed, in order.
    pub(crate) fn emit_all(&mut self, kinds: Vec<EventKind>) {
        let t_ms = self.time_ms;
        self.events.extend(kinds.into_iter().map(|kind| Event { t_ms, kind }));
    }

    /// The key bytes behind a record's key id (`None` for a null key).
    pub fn key_bytes(&self, key: u32) -> Option<&[u8]> {
        if key == NULL_KEY {
            None
        } else {
            self.keys.get(key as usize).map(|k| &k[..])
        }
    }

    /// The records of a partition's leader log in `[from, to)` still retained.
    pub fn records(&self, topic: &str, partition: u32, from: u64, to: u64) -> Vec<(u64, Record)> {
        self.partition(topic, partition)
            .map(|p| p.log.range(from, to).map(|(o, r)| (o, *r)).collect())
            .unwrap_or_default()
    }

    pub(crate) fn topic_index(&self, name: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.name == name)
    }

    fn partition(&self, topic: &str, partition: u32) -> Option<&PartitionState> {
        self.topics.iter().find(|t| t.name == topic)?.partitions.get(partition as usize)
    }

    fn intern_keys(&mut self, keys: impl Iterator<Item = Vec<u8>>) -> Vec<u32> {
        keys.map(|k| {
            self.keys.push(k.into_boxed_slice());
            (self.keys.len() - 1) as u32
        })
        .collect()
    }

    fn add_producer(&mut self, config: ProducerConfig) -> Result<(), SimError> {
        let Some(topic) = self.topic_index(&config.topic) else {
            return Err(unknown_topic(&config.topic));
        };
        if self.producers.iter().any(|p| p.config.id == config.id) {
            return Err(SimError::new(
                ErrorCode::InvalidConfig,
                FieldPath::new("producer"),
                ErrorReason::ProducerExists { id: config.id.clone() },
            ));
        }
        if self.producers.len() >= crate::limits::MAX_PRODUCERS {
            return Err(SimError::new(
                ErrorCode::InvalidConfig,
                FieldPath::new("producer"),
                ErrorReason::TooManyProducers,
            ));
        }
        config.partitioner.validate(self.topics[topic].partitions.len() as u32, "partitioner")?;
        let key_ids = match (&config.keys, config.key_space) {
            (Some(keys), _) => self.intern_keys(keys.iter().map(|k| k.as_bytes().to_vec())),
            (None, Some(n)) => self.intern_keys((0..n).map(|i| format!("key-{i}").into_bytes())),
            (None, None) => Vec::new(),
        };
        self.producers.push(ProducerState::new(config, topic, key_ids, self.time_ms));
        Ok(())
    }

    fn add_group(&mut self, config: GroupConfig) -> Result<(), SimError> {
        let Some(topic) = self.topic_index(&config.topic) else {
            return Err(unknown_topic(&config.topic));
        };
        if self.groups.iter().any(|g| g.config.id == config.id) {
            return Err(SimError::new(
                ErrorCode::InvalidConfig,
                FieldPath::new("group"),
                ErrorReason::GroupExists { id: config.id.clone() },
            ));
        }
        let partitions = self.topics[topic].partitions.len() as u32;
        let consumers = config.consumers;
        self.groups.push(GroupState::new(config, topic, partitions));
        let gi = self.groups.len() - 1;
        for _ in 0..consumers {
            self.with_group(gi, |g, env, out| g.join(env.now, out));
        }
        if consumers > 0 {
            self.rebalance(gi);
        }
        Ok(())
    }

    /// Applies a command. A refused command changes nothing, returns the error
    /// and also records it as a `rejected` event, so the event log explains it.
    pub fn apply(&mut self, command: Command) -> Result<(), SimError> {
        let result = self.apply_inner(command);
        if let Err(e) = &result {
            self.events.push(Event::rejected(self.time_ms, e));
        }
        result
    }

    fn apply_inner(&mut self, command: Command) -> Result<(), SimError> {
        match command {
            Command::AddConsumer { group } => {
                let gi = self.group_index(&group)?;
                if self.groups[gi].members.len() >= crate::limits::MAX_GROUP_MEMBERS as usize {
                    return Err(SimError::new(
                        ErrorCode::InvalidRequest,
                        FieldPath::new("group"),
                        ErrorReason::GroupFull,
                    ));
                }
                self.with_group(gi, |g, env, out| {
                    g.join(env.now, out);
                    g.rebalance(env, out);
                });
                Ok(())
            }
            Command::RemoveConsumer { group, member, graceful } => {
                let gi = self.group_index(&group)?;
                let mi = match &member {
                    Some(m) => self.groups[gi].members.iter().position(|x| &x.id == m),
                    None => self.groups[gi].members.iter().rposition(|x| x.crashed_at.is_none()),
                };
                let Some(mi) = mi else {
                    return Err(SimError::new(
                        ErrorCode::UnknownMemberId,
                        FieldPath::new("member"),
                        ErrorReason::NoSuchMember { group, member },
                    ));
                };
                if self.groups[gi].members[mi].crashed_at.is_some() {
                    return Err(SimError::new(
                        ErrorCode::UnknownMemberId,
                        FieldPath::new("member"),
                        ErrorReason::MemberAlreadyCrashed { member: self.groups[gi].members[mi].id.clone() },
                    ));
                }
                if graceful {
                    self.with_group(gi, |g, env, out| g.leave(mi, env, out));
                } else {
                    self.with_group(gi, |g, env, out| g.crash(mi, env.now, out));
                }
                Ok(())
            }
            Command::AddGroup(config) => {
                let n = self.groups.len();
                ClusterConfig { groups: vec![config.clone()], ..self.shape_config() }
                    .validate()
                    .map_err(|e| SimError { field: e.field.reindexed("groups", n), ..e })?;
                self.add_group(config)
            }
            Command::AddProducer(config) => {
                let n = self.producers.len();
                ClusterConfig { producers: vec![config.clone()], ..self.shape_config() }
                    .validate()
                    .map_err(|e| SimError { field: e.field.reindexed("producers", n), ..e })?;
                self.add_producer(config)
            }
            Command::RemoveProducer { producer } => {
                let pi = self.producer_index(&producer)?;
                self.producers[pi].removed = true;
                self.producers[pi].retries.clear();
                Ok(())
            }
            Command::KillBroker { broker } => self.kill_broker(broker),
            Command::ShutdownBroker { broker } => self.shutdown_broker(broker),
            Command::RestartBroker { broker } => self.restart_broker(broker),
            Command::SlowBroker { broker, factor } => self.slow_broker(broker, factor),
            Command::IsolateBroker { broker } => self.isolate_broker(broker),
            Command::HealBroker { broker } => self.heal_broker(broker),
            Command::ElectPreferredLeader { topic } => self.elect_preferred(topic.as_deref()),
            Command::SetTopicConfig { topic, changes } => self.set_topic_config(&topic, &changes),
            Command::SetProducerAcks { producer, acks, enable_idempotence } => {
                let pi = self.producer_index(&producer)?;
                let mut config = self.producers[pi].config.clone();
                config.acks = acks;
                config.enable_idempotence = enable_idempotence;
                let n = self.producers.len();
                ClusterConfig { producers: vec![config.clone()], ..self.shape_config() }
                    .validate()
                    .map_err(|e| SimError { field: e.field.reindexed("producers", n), ..e })?;
                self.producers[pi].config = config;
                Ok(())
            }
            Command::SetProducerRate { producer, rate_per_s } => {
                let pi = self.producer_index(&producer)?;
                if !(rate_per_s.is_finite() && (0.0..=crate::limits::MAX_PRODUCER_RATE).contains(&rate_per_s)) {
                    return Err(SimError::new(
                        ErrorCode::InvalidConfig,
                        FieldPath::new("rate_per_s"),
                        ErrorReason::ProducerRate { value: crate::error::Rate(rate_per_s) },
                    ));
                }
                let now = self.time_ms;
                self.producers[pi].set_rate(rate_per_s, now);
                Ok(())
            }
            Command::SetGroupRate { group, records_per_s } => {
                let gi = self.group_index(&group)?;
                if !(records_per_s.is_finite() && (0.0..=crate::limits::MAX_GROUP_RATE).contains(&records_per_s)) {
                    return Err(SimError::new(
                        ErrorCode::InvalidConfig,
                        FieldPath::new("records_per_s"),
                        ErrorReason::GroupRate { value: crate::error::Rate(records_per_s) },
                    ));
                }
                self.groups[gi].config.records_per_s = records_per_s;
                Ok(())
            }
            Command::AddPartitions { topic, partitions } => self.add_partitions(&topic, partitions),
            Command::CreateTopic(t) => self.create_topic(t),
            Command::ResetOffsets { group, spec } => self.reset_offsets(&group, spec),
        }
    }

    /// The current cluster's shape (its topics as they are now, created ones
    /// included) with no producers or groups, to validate a new one against.
    pub(crate) fn shape_config(&self) -> ClusterConfig {
        let topics = self
            .topics
            .iter()
            .map(|t| TopicConfig {
                name: t.name.clone(),
                partitions: t.partitions.len() as u32,
                replication_factor: t.replication_factor,
                config: t.settings.clone(),
            })
            .collect();
        ClusterConfig { topics, producers: Vec::new(), groups: Vec::new(), ..self.config.clone() }
    }

    pub(crate) fn group_index(&self, group: &str) -> Result<usize, SimError> {
        self.groups.iter().position(|g| g.config.id == group).ok_or_else(|| {
            SimError::new(
                ErrorCode::GroupIdNotFound,
                FieldPath::new("group"),
                ErrorReason::NoSuchGroup { group: group.to_string() },
            )
        })
    }

    fn producer_index(&self, producer: &str) -> Result<usize, SimError> {
        self.producers.iter().position(|p| p.config.id == producer && !p.removed).ok_or_else(|| {
            SimError::new(
                ErrorCode::InvalidRequest,
                FieldPath::new("producer"),
                ErrorReason::NoSuchProducer { producer: producer.to_string() },
            )
        })
    }

    /// Advances simulated time by one step (`step_ms`), in the order of
    /// docs/ARCHITECTURE.md ("The tick").
    pub fn tick(&mut self) {
        let now = self.time_ms + self.config.step_ms;
        self.time_ms = now;
        self.tick_meters();
        self.measure_disks();
        // Followers fetch what was written before this step, so a record is on the
        // leader alone for at least one step (the window acks=1 can lose).
        self.replicate(now); // partition: follower fetch, truncation, ISR expand, HW
        self.produce(now); // producer: partitioner, batches, leader append, retries
        self.complete_pending(now); // partition → producer: acks=all answers
        self.consume(); // group: poll, commit
        self.expire_sessions(); // group: session timeouts, rebalances
        self.detect_failures(now); // controller: fence, elect
        let bc = &self.config.broker_config;
        let (isr_ms, retention_ms) = ((bc.replica_lag_time_max_ms / 2).max(1), bc.log_retention_check_interval_ms);
        if due(&mut self.last_isr_check_ms, isr_ms, now) {
            self.shrink_isrs(now); // partition: maybeShrinkIsr
        }
        if due(&mut self.last_retention_ms, retention_ms, now) {
            self.apply_retention(now); // partition logs; groups forget deleted ranges
        }
        if due(&mut self.last_lag_sample_ms, 1000, now) {
            self.sample_lag(now); // group: lag history, Burrow's offset ring
        }
    }

    /// A new tick in every rate window (`crate::traffic`).
    fn tick_meters(&mut self) {
        let window = crate::traffic::window_ticks(self.config.step_ms);
        self.brokers.iter_mut().for_each(|b| b.traffic.tick(window));
        self.producers.iter_mut().for_each(|p| p.throughput.tick(window));
        self.groups.iter_mut().for_each(|g| g.throughput.tick(window));
    }

    /// Ticks until simulated time reaches at least `t_ms`.
    pub fn run_until(&mut self, t_ms: u64) {
        while self.time_ms < t_ms {
            self.tick();
        }
    }

    fn apply_retention(&mut self, now: u64) {
        let mut new_events = Vec::new();
        for (ti, topic) in self.topics.iter_mut().enumerate() {
            let settings = topic.log_settings();
            for (p, part) in topic.partitions.iter_mut().enumerate() {
                for d in part.apply_retention(now, &settings) {
                    let unread_by = self
                        .groups
                        .iter()
                        .filter(|g| g.topic == ti)
                        .filter(|g| g.needs_from(p as u32).is_some_and(|from| from < d.to_offset))
                        .map(|g| g.config.id.clone())
                        .collect();
                    new_events.push(EventKind::SegmentsDeleted {
                        topic: topic.name.clone(),
                        partition: p as u32,
                        reason: d.reason,
                        segments: d.segments,
                        from_offset: d.from_offset,
                        to_offset: d.to_offset,
                        bytes: d.bytes,
                        unread_by,
                    });
                }
            }
        }
        for e in new_events {
            self.emit(e);
        }
        // Delivered-range bookkeeping only matters for records still retained.
        for g in &mut self.groups {
            for (p, part) in self.topics[g.topic].partitions.iter().enumerate() {
                g.forget_below(p as u32, part.log.log_start_offset());
            }
        }
    }
}

/// Whether a periodic task that last ran at `*last` is due at `now` (and
/// records that it runs).
fn due(last: &mut u64, interval_ms: u64, now: u64) -> bool {
    let due = now - *last >= interval_ms;
    if due {
        *last = now;
    }
    due
}

pub(crate) fn unknown_topic(topic: &str) -> SimError {
    SimError::new(
        ErrorCode::UnknownTopicOrPartition,
        FieldPath::new("topic"),
        ErrorReason::UnknownTopic { topic: topic.to_string() },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_configuration_view_has_the_first_lessons_topology() {
        let view = Cluster::new(ClusterConfig::default()).unwrap().view();
        assert_eq!(view.brokers.iter().map(|b| b.id).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert!(view.brokers.iter().all(|b| b.alive));
        assert_eq!(view.topics.len(), 1);
        let orders = &view.topics[0];
        assert_eq!(orders.name, "orders");
        assert_eq!(orders.partitions.len(), 3);
        assert_eq!(view.replica_count(), 9);
        for p in &orders.partitions {
            let mut r = p.replicas.clone();
            r.sort_unstable();
            assert_eq!(r, vec![1, 2, 3], "RF 3 on 3 brokers puts a replica on every broker");
            assert_eq!(p.leader, Some(p.replicas[0]), "the preferred (first) replica leads");
            assert_eq!(p.isr, p.replicas);
            assert_eq!((p.log_start_offset, p.log_end_offset, p.high_watermark), (0, 0, 0));
        }
        // Rack-unaware placement spreads the three leaders over the three brokers.
        let mut leaders: Vec<_> = orders.partitions.iter().map(|p| p.leader.unwrap()).collect();
        leaders.sort_unstable();
        assert_eq!(leaders, vec![1, 2, 3]);
        assert_eq!(view.producers.len(), 1);
        let g = &view.groups[0];
        assert_eq!(g.members.len(), 2);
        assert_eq!(g.generation, 1);
        // RangeAssignor: 3 partitions over 2 members -> 2 + 1.
        assert_eq!(g.members[0].assigned.len(), 2);
        assert_eq!(g.members[1].assigned.len(), 1);
        for b in &view.brokers {
            assert_eq!(view.replicas_on(b.id).count(), 3);
        }
    }

    #[test]
    fn invalid_config_is_rejected_not_panicking() {
        let mut c = ClusterConfig::default();
        c.topics[0].replication_factor = 5;
        assert_eq!(Cluster::new(c).unwrap_err().code, ErrorCode::InvalidReplicationFactor);
    }

    #[test]
    fn same_seed_same_layout_and_run() {
        let mut a = Cluster::new(ClusterConfig::default()).unwrap();
        let mut b = Cluster::new(ClusterConfig::default()).unwrap();
        a.run_until(10_000);
        b.run_until(10_000);
        assert_eq!(a.view(), b.view());
        assert_eq!(a.drain_events(), b.drain_events());
    }
}
