//! The configuration panel's logic, pure and tested natively: the learner edits
//! a *draft* copy of the cluster's configuration; numbers are typed as text and
//! parsed here, so "abc", "-1" or "1e99" become a message under the field instead
//! of a panic or a silently ignored keystroke; every problem is found by the
//! simulator's own `ClusterConfig::validate` and placed next to the field that
//! causes it; and the plan (`reconfigure::plan`) is described in words: what
//! applies live, and why anything else needs a restart. The view is
//! `components::config_panel`.

use crate::i18n::{strings, Lang, Strings};
use kafka_sim::assignor::Strategy;
use kafka_sim::command::{Command, TopicConfigChange};
use kafka_sim::config::{Acks, ClusterConfig, GroupConfig, OffsetReset, ProducerConfig};
use kafka_sim::limits::{self, MAX_BROKERS, MAX_PARTITIONS};
use kafka_sim::partitioner::{CustomRule, PartitionerKind};
use kafka_sim::reconfigure::Fixed;
use kafka_sim::vecmap::VecMap;

/// Most producers, and most groups, the panel lets the learner add.
pub const MAX_ROWS: usize = 64;
/// Most consumers a group may start with (the simulator's limit).
pub const MAX_MEMBERS: i64 = limits::MAX_GROUP_MEMBERS as i64;
/// Largest producer rate `validate` accepts.
pub const MAX_PRODUCER_RATE: f64 = limits::MAX_PRODUCER_RATE;
/// Largest group processing rate `validate` accepts.
pub const MAX_GROUP_RATE: f64 = limits::MAX_GROUP_RATE;
/// Largest numbered key space `validate` accepts.
pub const MAX_KEY_SPACE: i64 = limits::MAX_KEY_SPACE as i64;
/// The prefix the VIP rule starts with.
pub const VIP_PREFIX: &str = "vip-";
/// Keys a producer gets when the learner switches it to a key list.
pub const DEFAULT_KEYS: [&str; 3] = ["서울", "busan", "incheon"];
/// Keys a producer gets when the learner switches it to a numbered key space.
pub const DEFAULT_KEY_SPACE: u32 = 100;

// ---------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------

/// A text in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Msg {
    pub en: String,
    pub ko: String,
}

impl Msg {
    /// Builds the text once from each language's strings.
    pub fn both(f: impl Fn(&'static Strings) -> String) -> Msg {
        Msg { en: f(strings(Lang::En)), ko: f(strings(Lang::Ko)) }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.en, &self.ko)
    }
}

/// Shortest decimal form of a number (`4`, `2.5`), as `{}` writes it.
pub fn fmt_num(v: f64) -> String {
    kafka_sim::fixed::short(v)
}

fn int_error(min: i64, max: i64) -> Msg {
    Msg::both(|s| {
        if max == i64::MAX {
            s.cfg_err_int_min.replace("{min}", &min.to_string())
        } else {
            s.cfg_err_int.replace("{min}", &min.to_string()).replace("{max}", &max.to_string())
        }
    })
}

/// A whole number from `min` to `max`; anything else ("abc", "1.5", "1e99",
/// too large for `i64`) is the "enter a whole number from … to …" message.
pub fn parse_int(text: &str, min: i64, max: i64) -> Result<i64, Msg> {
    match text.trim().parse::<i64>() {
        Ok(v) if (min..=max).contains(&v) => Ok(v),
        _ => Err(int_error(min, max)),
    }
}

/// A plain decimal number (digits and at most one '.') from `min` to `max`.
/// Signs, exponents, `inf` and `NaN` are refused.
pub fn parse_decimal(text: &str, min: f64, max: f64) -> Result<f64, Msg> {
    let t = text.trim();
    let plain = t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().filter(|&c| c == '.').count() <= 1
        && t.chars().any(|c| c.is_ascii_digit());
    match plain.then(|| t.parse::<f64>().ok()).flatten() {
        Some(v) if v.is_finite() && v >= min && v <= max => Ok(v),
        _ => Err(Msg::both(|s| s.cfg_err_number.replace("{min}", &fmt_num(min)).replace("{max}", &fmt_num(max)))),
    }
}

/// Keys from comma-separated text (ASCII or full-width commas): trimmed, empty
/// entries dropped, order and repeats kept (a repeated key is sent more often).
pub fn parse_keys(text: &str) -> Vec<String> {
    text.split([',', '，', '、']).map(str::trim).filter(|k| !k.is_empty()).map(String::from).collect()
}

pub fn format_keys(keys: &[String]) -> String {
    keys.join(", ")
}

// ---------------------------------------------------------------------------
// The VIP rule and other helpers
// ---------------------------------------------------------------------------

/// The custom partitioner's teaching rule: keys starting `prefix` go to
/// partitions `0..vip`, every other record to `vip..partitions`.
pub fn vip_rules(prefix: &str, vip: u32, partitions: u32) -> PartitionerKind {
    PartitionerKind::Custom(vec![
        CustomRule { key_prefix: Some(prefix.to_string()), partitions: (0..vip).collect() },
        CustomRule { key_prefix: None, partitions: (vip..partitions).collect() },
    ])
}

/// The prefix and VIP partition count of a partitioner shaped like
/// [`vip_rules`] (for any partition count), else `None`.
pub fn vip_parts(kind: &PartitionerKind) -> Option<(String, u32)> {
    let PartitionerKind::Custom(rules) = kind else {
        return None;
    };
    let [vip, rest] = rules.as_slice() else {
        return None;
    };
    let prefix = vip.key_prefix.clone()?;
    let k = u32::try_from(vip.partitions.len()).ok()?;
    let vip_ok = k >= 1 && vip.partitions.iter().copied().eq(0..k);
    let rest_ok =
        rest.key_prefix.is_none() && rest.partitions.iter().enumerate().all(|(j, &p)| p as usize == k as usize + j);
    (vip_ok && rest_ok).then_some((prefix, k))
}

/// How many VIP partitions a fresh VIP rule gets: a third, at least one.
pub fn default_vip(partitions: u32) -> u32 {
    (partitions / 3).max(1)
}

/// `a–b` for a range of partitions, `a` for one, `—` for none.
pub fn fmt_range(r: std::ops::Range<u32>) -> String {
    match r.len() {
        0 => "—".into(),
        1 => r.start.to_string(),
        _ => format!("{}–{}", r.start, r.end - 1),
    }
}

/// The smallest `{prefix}{n}` (n ≥ 1) not already taken.
pub fn fresh_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .expect("an unbounded range has a free id")
}

/// `("producers[3].rate_per_s", "producers")` → `(3, ".rate_per_s")`.
pub fn split_index<'a>(key: &'a str, list: &str) -> Option<(usize, &'a str)> {
    let r = key.strip_prefix(list)?.strip_prefix('[')?;
    let close = r.find(']')?;
    Some((r[..close].parse().ok()?, &r[close + 1..]))
}

/// After row `removed` of `list` is deleted, drops its entries and moves the
/// entries of later rows up by one, so per-field state follows its row.
pub fn shift_out<V>(map: &mut VecMap<String, V>, list: &str, removed: usize) {
    for (k, v) in std::mem::take(map) {
        if let Some(k) = shifted_key(k, list, removed) {
            map.insert(k, v);
        }
    }
}

/// A key of row `removed`'s state is dropped (`None`), a later row's moves up
/// one, any other stays. Not generic, so `shift_out`'s two instances share it.
fn shifted_key(k: String, list: &str, removed: usize) -> Option<String> {
    match split_index(&k, list) {
        Some((i, _)) if i == removed => None,
        Some((i, rest)) if i > removed => Some(format!("{list}[{}]{rest}", i - 1)),
        _ => Some(k),
    }
}

/// Which input shows a `SimError.field`: the field's own input where the panel
/// has one (`producers[1].partitioner.custom[1].partitions` →
/// `producers[1].partitioner`), else the row (`producers[1]`), else nothing
/// (`""`: the summary line only).
pub fn error_anchor(field: &str) -> String {
    if field == "brokers" {
        return field.into();
    }
    let Some(close) = field.find(']') else {
        return String::new();
    };
    let (head, rest) = field.split_at(close + 1);
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let list = head.split('[').next().unwrap_or_default();
    let direct: &[&str] = match list {
        "topics" => &[
            "partitions",
            "replication_factor",
            "config.min.insync.replicas",
            "config.retention.ms",
            "config.retention.bytes",
            "config.segment.bytes",
            "config.segment.ms",
        ],
        "producers" => &["rate_per_s", "keys", "key_space", "partitioner", "acks"],
        "groups" => &["consumers", "records_per_s"],
        _ => return String::new(),
    };
    if list == "producers" && rest == "enable_idempotence" {
        return format!("{head}.acks");
    }
    match direct
        .iter()
        .find(|d| rest == **d || rest.starts_with(&format!("{d}.")) || rest.starts_with(&format!("{d}[")))
    {
        Some(d) => format!("{head}.{d}"),
        None => head.to_string(),
    }
}

/// An element id for a field key: `producers[1].rate_per_s` → `producers-1-rate_per_s`.
pub fn slug(key: &str) -> String {
    key.replace(['[', '.'], "-").replace(']', "")
}

// ---------------------------------------------------------------------------
// Fields and choices
// ---------------------------------------------------------------------------

/// A field typed as text. Topic fields are those of the first topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Brokers,
    /// `broker_config.disk_bytes`: every broker's disk.
    DiskBytes,
    Partitions,
    ReplicationFactor,
    MinIsr,
    RetentionMs,
    RetentionBytes,
    SegmentBytes,
    SegmentMs,
    ProducerRate(usize),
    ProducerKeys(usize),
    ProducerKeySpace(usize),
    VipPrefix(usize),
    VipCount(usize),
    GroupMembers(usize),
    GroupRate(usize),
}

impl Field {
    /// The field's path, as `ClusterConfig::validate` names it where it has one.
    pub fn key(self) -> String {
        match self {
            Field::Brokers => "brokers".into(),
            Field::DiskBytes => "broker_config.disk_bytes".into(),
            Field::Partitions => "topics[0].partitions".into(),
            Field::ReplicationFactor => "topics[0].replication_factor".into(),
            Field::MinIsr => "topics[0].config.min.insync.replicas".into(),
            Field::RetentionMs => "topics[0].config.retention.ms".into(),
            Field::RetentionBytes => "topics[0].config.retention.bytes".into(),
            Field::SegmentBytes => "topics[0].config.segment.bytes".into(),
            Field::SegmentMs => "topics[0].config.segment.ms".into(),
            Field::ProducerRate(i) => format!("producers[{i}].rate_per_s"),
            Field::ProducerKeys(i) => format!("producers[{i}].keys"),
            Field::ProducerKeySpace(i) => format!("producers[{i}].key_space"),
            Field::VipPrefix(i) => format!("producers[{i}].partitioner.prefix"),
            Field::VipCount(i) => format!("producers[{i}].partitioner.vip"),
            Field::GroupMembers(i) => format!("groups[{i}].consumers"),
            Field::GroupRate(i) => format!("groups[{i}].records_per_s"),
        }
    }

    pub fn label(self, s: &'static Strings) -> &'static str {
        match self {
            Field::Brokers => s.cfg_brokers,
            Field::DiskBytes => s.cfg_disk_bytes,
            Field::Partitions => s.cfg_partitions,
            Field::ReplicationFactor => s.cfg_replication_factor,
            Field::MinIsr => "min.insync.replicas",
            Field::RetentionMs => "retention.ms",
            Field::RetentionBytes => "retention.bytes",
            Field::SegmentBytes => "segment.bytes",
            Field::SegmentMs => "segment.ms",
            Field::ProducerRate(_) => s.cfg_rate,
            Field::ProducerKeys(_) => s.cfg_key_list,
            Field::ProducerKeySpace(_) => s.cfg_key_space,
            Field::VipPrefix(_) => s.cfg_vip_prefix,
            Field::VipCount(_) => s.cfg_vip_count,
            Field::GroupMembers(_) => s.cfg_members,
            Field::GroupRate(_) => s.cfg_group_rate,
        }
    }

    /// The label with the producer or group it belongs to (`p2 · Rate`), for the summary line.
    fn full_label(self, s: &'static Strings, c: &ClusterConfig) -> String {
        let row = match self {
            Field::ProducerRate(i)
            | Field::ProducerKeys(i)
            | Field::ProducerKeySpace(i)
            | Field::VipPrefix(i)
            | Field::VipCount(i) => c.producers.get(i).map(|p| p.id.as_str()),
            Field::GroupMembers(i) | Field::GroupRate(i) => c.groups.get(i).map(|g| g.id.as_str()),
            _ => None,
        };
        match row {
            Some(id) => format!("{id} · {}", self.label(s)),
            None => self.label(s).to_string(),
        }
    }

    /// The field's value in `c`, as the input shows it before the learner types.
    pub fn text(self, c: &ClusterConfig) -> String {
        let t = c.topics.first();
        let p = |i: usize| c.producers.get(i);
        let g = |i: usize| c.groups.get(i);
        match self {
            Field::Brokers => Some(c.brokers.to_string()),
            Field::DiskBytes => Some(c.broker_config.disk_bytes.to_string()),
            Field::Partitions => t.map(|t| t.partitions.to_string()),
            Field::ReplicationFactor => t.map(|t| t.replication_factor.to_string()),
            Field::MinIsr => t.map(|t| t.config.min_insync_replicas.to_string()),
            Field::RetentionMs => t.map(|t| t.config.retention_ms.to_string()),
            Field::RetentionBytes => t.map(|t| t.config.retention_bytes.to_string()),
            Field::SegmentBytes => t.map(|t| t.config.segment_bytes.to_string()),
            Field::SegmentMs => t.map(|t| t.config.segment_ms.to_string()),
            Field::ProducerRate(i) => p(i).map(|p| fmt_num(p.rate_per_s)),
            Field::ProducerKeys(i) => p(i).and_then(|p| p.keys.as_deref()).map(format_keys),
            Field::ProducerKeySpace(i) => p(i).and_then(|p| p.key_space).map(|n| n.to_string()),
            Field::VipPrefix(i) => p(i).and_then(|p| vip_parts(&p.partitioner)).map(|(prefix, _)| prefix),
            Field::VipCount(i) => p(i).and_then(|p| vip_parts(&p.partitioner)).map(|(_, k)| k.to_string()),
            Field::GroupMembers(i) => g(i).map(|g| g.consumers.to_string()),
            Field::GroupRate(i) => g(i).map(|g| fmt_num(g.records_per_s)),
        }
        .unwrap_or_default()
    }

    /// Parses `text` and stores it in `c`; on an error `c` keeps its value.
    /// Ranges here are what the input can hold; relations between fields
    /// (replication factor ≤ brokers, …) are left to `validate`.
    pub fn apply(self, text: &str, c: &mut ClusterConfig) -> Result<(), Msg> {
        let int = |min: i64, max: i64| parse_int(text, min, max);
        let small = |min: i64, max: i64| int(min, max).map(|v| v as u32);
        let topic_partitions = |c: &ClusterConfig, i: usize| {
            let name = c.producers.get(i).map(|p| p.topic.as_str());
            c.topics.iter().find(|t| Some(t.name.as_str()) == name).map_or(1, |t| t.partitions)
        };
        match self {
            Field::Brokers => c.brokers = small(1, i64::from(MAX_BROKERS))?,
            Field::DiskBytes => {
                c.broker_config.disk_bytes = int(limits::MIN_DISK_BYTES as i64, limits::MAX_DISK_BYTES as i64)? as u64;
            }
            Field::Partitions => {
                let n = small(1, i64::from(MAX_PARTITIONS))?;
                if let Some(t) = c.topics.first_mut() {
                    t.partitions = n;
                    let name = t.name.clone();
                    for p in c.producers.iter_mut().filter(|p| p.topic == name) {
                        if let Some((prefix, k)) = vip_parts(&p.partitioner) {
                            p.partitioner = vip_rules(&prefix, k, n);
                        }
                    }
                }
            }
            Field::ReplicationFactor => {
                let v = small(1, i64::from(MAX_BROKERS))?;
                if let Some(t) = c.topics.first_mut() {
                    t.replication_factor = v;
                }
            }
            Field::MinIsr => {
                let v = small(1, i64::from(MAX_BROKERS))?;
                if let Some(t) = c.topics.first_mut() {
                    t.config.min_insync_replicas = v;
                }
            }
            Field::RetentionMs | Field::RetentionBytes | Field::SegmentBytes | Field::SegmentMs => {
                // The ranges `TopicSettings::validate` accepts.
                let (min, max) = match self {
                    Field::SegmentBytes => (limits::MIN_SEGMENT_BYTES, limits::MAX_SEGMENT_BYTES),
                    Field::SegmentMs => (1, i64::MAX),
                    _ => (-1, i64::MAX),
                };
                let v = int(min, max)?;
                if let Some(t) = c.topics.first_mut() {
                    let slot = match self {
                        Field::RetentionMs => &mut t.config.retention_ms,
                        Field::RetentionBytes => &mut t.config.retention_bytes,
                        Field::SegmentBytes => &mut t.config.segment_bytes,
                        _ => &mut t.config.segment_ms,
                    };
                    *slot = v;
                }
            }
            Field::ProducerRate(i) => {
                let v = parse_decimal(text, 0.0, MAX_PRODUCER_RATE)?;
                if let Some(p) = c.producers.get_mut(i) {
                    p.rate_per_s = v;
                }
            }
            Field::ProducerKeys(i) => {
                let keys = parse_keys(text);
                if keys.is_empty() {
                    return Err(Msg::both(|s| s.cfg_err_keys.to_string()));
                }
                if let Some(p) = c.producers.get_mut(i) {
                    p.keys = Some(keys);
                    p.key_space = None;
                }
            }
            Field::ProducerKeySpace(i) => {
                let n = small(1, MAX_KEY_SPACE)?;
                if let Some(p) = c.producers.get_mut(i) {
                    p.key_space = Some(n);
                    p.keys = None;
                }
            }
            Field::VipPrefix(i) => {
                let prefix = text.trim();
                if prefix.is_empty() {
                    return Err(Msg::both(|s| s.cfg_err_prefix.to_string()));
                }
                let n = topic_partitions(c, i);
                if let Some(p) = c.producers.get_mut(i) {
                    let k = vip_parts(&p.partitioner).map_or(default_vip(n), |(_, k)| k);
                    p.partitioner = vip_rules(prefix, k, n);
                }
            }
            Field::VipCount(i) => {
                let n = topic_partitions(c, i);
                let k = small(1, i64::from(n.saturating_sub(1).max(1)))?;
                if let Some(p) = c.producers.get_mut(i) {
                    let prefix = vip_parts(&p.partitioner).map_or_else(|| VIP_PREFIX.to_string(), |(prefix, _)| prefix);
                    p.partitioner = vip_rules(&prefix, k, n);
                }
            }
            Field::GroupMembers(i) => {
                let v = small(0, MAX_MEMBERS)?;
                if let Some(g) = c.groups.get_mut(i) {
                    g.consumers = v;
                }
            }
            Field::GroupRate(i) => {
                let v = parse_decimal(text, 0.0, MAX_GROUP_RATE)?;
                if let Some(g) = c.groups.get_mut(i) {
                    g.records_per_s = v;
                }
            }
        }
        Ok(())
    }
}

/// How a producer picks keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyMode {
    Null,
    List,
    Space,
}

impl KeyMode {
    pub fn of(p: &ProducerConfig) -> KeyMode {
        match (&p.keys, p.key_space) {
            (Some(_), _) => KeyMode::List,
            (None, Some(_)) => KeyMode::Space,
            (None, None) => KeyMode::Null,
        }
    }
}

/// The partitioner choices the panel offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartChoice {
    Default,
    UniformSticky,
    RoundRobin,
    /// The custom partitioner with the VIP rule ([`vip_rules`]).
    Vip,
    /// A custom partitioner of another shape (from a scenario file): kept as it is.
    Other,
}

impl PartChoice {
    pub fn of(kind: &PartitionerKind) -> PartChoice {
        match kind {
            PartitionerKind::Default => PartChoice::Default,
            PartitionerKind::UniformSticky => PartChoice::UniformSticky,
            PartitionerKind::RoundRobin => PartChoice::RoundRobin,
            PartitionerKind::Custom(_) if vip_parts(kind).is_some() => PartChoice::Vip,
            PartitionerKind::Custom(_) => PartChoice::Other,
        }
    }
}

/// A choice from a list or a checkbox.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    Unclean(bool),
    KeyMode(usize, KeyMode),
    Partitioner(usize, PartChoice),
    Acks(usize, Acks),
    Assignor(usize, Strategy),
    OffsetReset(usize, OffsetReset),
}

// ---------------------------------------------------------------------------
// The draft
// ---------------------------------------------------------------------------

/// A field whose text does not parse: what to show and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Bad {
    pub label: Msg,
    pub msg: Msg,
}

/// The panel's state: the configuration being edited, and the text of every
/// field the learner typed into (by [`Field::key`]), with the fields whose text
/// does not parse.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The configuration the draft started from (the running one).
    pub base: ClusterConfig,
    pub config: ClusterConfig,
    pub raw: VecMap<String, String>,
    pub bad: VecMap<String, Bad>,
    /// Bumped on every reset: the form's inputs are rebuilt from the draft.
    pub generation: u32,
}

impl Draft {
    pub fn new(config: ClusterConfig) -> Self {
        Self { base: config.clone(), config, raw: VecMap::new(), bad: VecMap::new(), generation: 0 }
    }

    /// Starts over from `config`, dropping every edit.
    pub fn reset(&mut self, config: ClusterConfig) {
        *self = Self { generation: self.generation.wrapping_add(1), ..Self::new(config) };
    }

    /// What the field's input shows: the typed text, else the config value.
    pub fn text(&self, f: Field) -> String {
        self.raw.get(&f.key()).cloned().unwrap_or_else(|| f.text(&self.config))
    }

    pub fn set_text(&mut self, f: Field, text: &str) {
        let key = f.key();
        self.raw.insert(key.clone(), text.to_string());
        match f.apply(text, &mut self.config) {
            Ok(()) => {
                self.bad.remove(&key);
            }
            Err(msg) => {
                let label = Msg::both(|s| f.full_label(s, &self.config));
                self.bad.insert(key, Bad { label, msg });
            }
        }
    }

    /// The typed text of a field, if it parses with `f` (else `None`, and the text is forgotten).
    fn typed<T>(&mut self, field: Field, f: impl Fn(&str) -> Option<T>) -> Option<T> {
        let key = field.key();
        let v = self.raw.get(&key).and_then(|t| f(t));
        if v.is_none() {
            self.raw.remove(&key);
        }
        self.bad.remove(&key);
        v
    }

    pub fn partitions_of(&self, producer: usize) -> u32 {
        let name = self.config.producers.get(producer).map(|p| p.topic.as_str());
        self.config.topics.iter().find(|t| Some(t.name.as_str()) == name).map_or(1, |t| t.partitions)
    }

    pub fn choose(&mut self, choice: Choice) {
        match choice {
            Choice::Unclean(on) => {
                if let Some(t) = self.config.topics.first_mut() {
                    t.config.unclean_leader_election_enable = on;
                }
            }
            Choice::KeyMode(i, mode) => {
                if i >= self.config.producers.len() {
                    return;
                }
                let typed_keys = self.typed(Field::ProducerKeys(i), |t| Some(parse_keys(t)).filter(|k| !k.is_empty()));
                let typed_space = self.typed(Field::ProducerKeySpace(i), |t| parse_int(t, 1, MAX_KEY_SPACE).ok());
                let base = self.base.producers.get(i).filter(|b| b.id == self.config.producers[i].id).cloned();
                let p = &mut self.config.producers[i];
                match mode {
                    KeyMode::Null => (p.keys, p.key_space) = (None, None),
                    KeyMode::List => {
                        let keys = typed_keys
                            .or_else(|| p.keys.clone())
                            .or_else(|| base.and_then(|b| b.keys))
                            .unwrap_or_else(|| DEFAULT_KEYS.map(String::from).to_vec());
                        (p.keys, p.key_space) = (Some(keys), None);
                    }
                    KeyMode::Space => {
                        let n = typed_space
                            .map(|n| n as u32)
                            .or(p.key_space)
                            .or_else(|| base.and_then(|b| b.key_space))
                            .unwrap_or(DEFAULT_KEY_SPACE);
                        (p.keys, p.key_space) = (None, Some(n));
                    }
                }
            }
            Choice::Partitioner(i, choice) => {
                if i >= self.config.producers.len() {
                    return;
                }
                let n = self.partitions_of(i);
                let prefix = self.typed(Field::VipPrefix(i), |t| Some(t.trim().to_string()).filter(|t| !t.is_empty()));
                let max_vip = i64::from(n.saturating_sub(1).max(1));
                let k = self.typed(Field::VipCount(i), |t| parse_int(t, 1, max_vip).ok().map(|k| k as u32));
                let base = self.base.producers.get(i).filter(|b| b.id == self.config.producers[i].id).cloned();
                let p = &mut self.config.producers[i];
                p.partitioner = match choice {
                    PartChoice::Default => PartitionerKind::Default,
                    PartChoice::UniformSticky => PartitionerKind::UniformSticky,
                    PartChoice::RoundRobin => PartitionerKind::RoundRobin,
                    PartChoice::Vip => {
                        let (bp, bk) = vip_parts(&p.partitioner)
                            .or_else(|| base.as_ref().and_then(|b| vip_parts(&b.partitioner)))
                            .unwrap_or_else(|| (VIP_PREFIX.to_string(), default_vip(n)));
                        vip_rules(&prefix.unwrap_or(bp), k.unwrap_or(bk), n)
                    }
                    PartChoice::Other => match base.map(|b| b.partitioner) {
                        Some(kind @ PartitionerKind::Custom(_)) => kind,
                        _ => p.partitioner.clone(),
                    },
                };
            }
            Choice::Acks(i, acks) => {
                if let Some(p) = self.config.producers.get_mut(i) {
                    p.acks = acks;
                }
            }
            Choice::Assignor(i, strategy) => {
                if let Some(g) = self.config.groups.get_mut(i) {
                    g.assignor = strategy;
                }
            }
            Choice::OffsetReset(i, reset) => {
                if let Some(g) = self.config.groups.get_mut(i) {
                    g.auto_offset_reset = reset;
                }
            }
        }
    }

    fn first_topic(&self) -> String {
        self.config.topics.first().map_or_else(|| "orders".to_string(), |t| t.name.clone())
    }

    /// A new producer `pN` (the first free id) on the first topic: 5 records/s,
    /// null keys, Kafka's defaults otherwise.
    pub fn add_producer(&mut self) {
        if self.config.producers.len() < MAX_ROWS {
            let id = fresh_id("p", self.config.producers.iter().map(|p| p.id.as_str()));
            let topic = self.first_topic();
            self.config.producers.push(ProducerConfig::new(id, topic, 5.0));
        }
    }

    pub fn remove_producer(&mut self, i: usize) {
        if i < self.config.producers.len() {
            self.config.producers.remove(i);
            shift_out(&mut self.raw, "producers", i);
            shift_out(&mut self.bad, "producers", i);
        }
    }

    /// A new group `gN` on the first topic: one consumer reading from the
    /// earliest offset at 5 records/s.
    pub fn add_group(&mut self) {
        if self.config.groups.len() < MAX_ROWS {
            let id = fresh_id("g", self.config.groups.iter().map(|g| g.id.as_str()));
            let topic = self.first_topic();
            self.config.groups.push(GroupConfig {
                auto_offset_reset: OffsetReset::Earliest,
                records_per_s: 5.0,
                ..GroupConfig::new(id, topic, 1)
            });
        }
    }

    pub fn remove_group(&mut self, i: usize) {
        if i < self.config.groups.len() {
            self.config.groups.remove(i);
            shift_out(&mut self.raw, "groups", i);
            shift_out(&mut self.bad, "groups", i);
        }
    }

    /// The message the summary line shows, if the draft cannot be applied.
    pub fn problem(&self, lang: Lang) -> Option<String> {
        if let Some(b) = self.bad.values().next() {
            return Some(format!("{}: {}", b.label.get(lang), b.msg.get(lang)));
        }
        self.config.validate().err().map(|e| format!("{}: {}", e.code.name(), e.message(lang)))
    }

    pub fn is_valid(&self) -> bool {
        self.bad.is_empty() && self.config.validate().is_ok()
    }
}

// ---------------------------------------------------------------------------
// Describing the plan
// ---------------------------------------------------------------------------

fn topic_changes(c: &TopicConfigChange) -> String {
    let mut parts = Vec::new();
    if let Some(v) = c.min_insync_replicas {
        parts.push(format!("min.insync.replicas={v}"));
    }
    if let Some(v) = c.unclean_leader_election_enable {
        parts.push(format!("unclean.leader.election.enable={v}"));
    }
    if let Some(v) = c.retention_ms {
        parts.push(format!("retention.ms={v}"));
    }
    if let Some(v) = c.retention_bytes {
        parts.push(format!("retention.bytes={v}"));
    }
    if let Some(v) = c.segment_bytes {
        parts.push(format!("segment.bytes={v}"));
    }
    if let Some(v) = c.segment_ms {
        parts.push(format!("segment.ms={v}"));
    }
    parts.join(", ")
}

/// What a live command of the plan does, in words.
pub fn describe_command(c: &Command) -> Option<Msg> {
    let id = |t: &str, id: &str| t.replace("{id}", id);
    Some(match c {
        Command::AddPartitions { topic, partitions } => {
            Msg::both(|s| s.cfg_do_partitions.replace("{topic}", topic).replace("{n}", &partitions.to_string()))
        }
        Command::SetTopicConfig { topic, changes } => {
            let list = topic_changes(changes);
            Msg::both(|s| s.cfg_do_topic_config.replace("{topic}", topic).replace("{changes}", &list))
        }
        Command::SetProducerRate { producer, rate_per_s } => {
            Msg::both(|s| id(s.cfg_do_rate, producer).replace("{n}", &fmt_num(*rate_per_s)))
        }
        Command::SetProducerAcks { producer, acks, .. } => {
            Msg::both(|s| id(s.cfg_do_acks, producer).replace("{acks}", acks.name()))
        }
        Command::SetGroupRate { group, records_per_s } => {
            Msg::both(|s| id(s.cfg_do_group_rate, group).replace("{n}", &fmt_num(*records_per_s)))
        }
        Command::AddConsumer { group } => Msg::both(|s| id(s.cfg_do_join, group)),
        Command::RemoveConsumer { group, .. } => Msg::both(|s| id(s.cfg_do_leave, group)),
        _ => return None,
    })
}

/// Why a field of the plan's `restart` list needs a new cluster, in words
/// (`None` for fields the panel cannot change, shown by path only).
pub fn restart_reason(field: Fixed, c: &ClusterConfig) -> Option<Msg> {
    let plain = |f: fn(&'static Strings) -> &'static str| Some(Msg::both(|s| f(s).to_string()));
    match field {
        Fixed::Brokers => plain(|s| s.cfg_why_brokers),
        Fixed::Producers => plain(|s| s.cfg_why_producers),
        Fixed::Groups => plain(|s| s.cfg_why_groups),
        Fixed::ReplicationFactor(_) => plain(|s| s.cfg_why_rf),
        Fixed::FewerPartitions(_) => plain(|s| s.cfg_why_partitions),
        Fixed::Producer(i) => {
            let id = c.producers.get(i).map_or("", |p| p.id.as_str());
            Some(Msg::both(|s| s.cfg_why_producer.replace("{id}", id)))
        }
        Fixed::Group(i) => {
            let id = c.groups.get(i).map_or("", |g| g.id.as_str());
            Some(Msg::both(|s| s.cfg_why_group.replace("{id}", id)))
        }
        Fixed::Seed | Fixed::BrokerConfig | Fixed::Topics | Fixed::TopicName(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::error::ErrorCode;
    use kafka_sim::reconfigure;

    fn draft() -> Draft {
        Draft::new(crate::presets::Preset::Default.config(7))
    }

    #[test]
    fn whole_numbers_parse_and_bad_text_explains_the_range() {
        assert_eq!(parse_int("12", 1, 12), Ok(12));
        assert_eq!(parse_int(" 3 ", 1, 12), Ok(3));
        assert_eq!(parse_int("-1", -1, i64::MAX), Ok(-1));
        for bad in ["abc", "-1", "0", "13", "1e99", "1.5", "", "99999999999999999999999"] {
            let e = parse_int(bad, 1, 12).unwrap_err();
            assert_eq!(e.en, "Enter a whole number from 1 to 12.", "{bad:?}");
            assert!(e.ko.contains("1~12"), "{}", e.ko);
        }
        assert!(parse_int("-2", -1, i64::MAX).unwrap_err().en.contains("at least -1"));
    }

    #[test]
    fn decimals_refuse_signs_exponents_and_specials() {
        assert_eq!(parse_decimal("2.5", 0.0, 10.0), Ok(2.5));
        assert_eq!(parse_decimal("0", 0.0, 10.0), Ok(0.0));
        assert_eq!(parse_decimal(".5", 0.0, 10.0), Ok(0.5));
        for bad in ["1e99", "-1", "1.2.3", ".", "NaN", "inf", "abc", "", "11", "+1"] {
            assert!(parse_decimal(bad, 0.0, 10.0).is_err(), "{bad:?}");
        }
        assert!(parse_decimal("99999999999999999999999", 0.0, 100_000.0).unwrap_err().en.contains("0 to 100000"));
    }

    #[test]
    fn key_lists_split_on_commas_and_trim() {
        assert_eq!(parse_keys("서울, busan,, incheon ,"), ["서울", "busan", "incheon"]);
        assert_eq!(parse_keys("서울，부산、busan"), ["서울", "부산", "busan"]);
        assert_eq!(parse_keys("a, a"), ["a", "a"]);
        assert!(parse_keys(" , ,").is_empty());
        assert_eq!(format_keys(&parse_keys("서울,busan")), "서울, busan");
    }

    #[test]
    fn the_vip_rule_round_trips_and_validates() {
        let kind = vip_rules("vip-", 1, 3);
        let PartitionerKind::Custom(rules) = &kind else { panic!() };
        assert_eq!(rules[0], CustomRule { key_prefix: Some("vip-".into()), partitions: vec![0] });
        assert_eq!(rules[1], CustomRule { key_prefix: None, partitions: vec![1, 2] });
        assert_eq!(vip_parts(&kind), Some(("vip-".to_string(), 1)));
        assert_eq!(vip_parts(&vip_rules("gold.", 2, 6)), Some(("gold.".to_string(), 2)));
        assert_eq!(vip_parts(&PartitionerKind::Default), None);
        let other = PartitionerKind::Custom(vec![CustomRule { key_prefix: None, partitions: vec![2, 0] }]);
        assert_eq!(vip_parts(&other), None);
        assert_eq!(PartChoice::of(&other), PartChoice::Other);
        kind.validate(3, "p").unwrap();
        // All partitions VIP: the catch-all has none, which validate explains.
        let e = vip_rules("vip-", 3, 3).validate(3, "producers[0].partitioner").unwrap_err();
        assert_eq!(error_anchor(&e.field.to_string()), "producers[0].partitioner");
        assert_eq!((default_vip(1), default_vip(3), default_vip(7)), (1, 1, 2));
        assert_eq!([fmt_range(0..1), fmt_range(1..3), fmt_range(2..2)], ["0", "1–2", "—"]);
    }

    #[test]
    fn fresh_ids_fill_the_first_gap() {
        assert_eq!(fresh_id("p", [].into_iter()), "p1");
        assert_eq!(fresh_id("p", ["p1", "p3"].into_iter()), "p2");
        assert_eq!(fresh_id("g", ["g1", "g2"].into_iter()), "g3");
    }

    #[test]
    fn removing_a_row_moves_later_rows_state_up() {
        let mut m: VecMap<String, u8> = [
            ("brokers", 0),
            ("producers[0].rate_per_s", 1),
            ("producers[1].rate_per_s", 2),
            ("producers[2].partitioner.vip", 3),
            ("producers[10].keys", 4),
            ("groups[1].consumers", 5),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        shift_out(&mut m, "producers", 1);
        let keys: Vec<&str> = m.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "brokers",
                "groups[1].consumers",
                "producers[0].rate_per_s",
                "producers[1].partitioner.vip",
                "producers[9].keys"
            ]
        );
        assert_eq!(m.get("producers[1].partitioner.vip"), Some(&3));
    }

    #[test]
    fn validation_fields_map_to_inputs() {
        for (field, anchor) in [
            ("brokers", "brokers"),
            ("topics[0].replication_factor", "topics[0].replication_factor"),
            ("topics[0].config.min.insync.replicas", "topics[0].config.min.insync.replicas"),
            ("topics[0].config.segment.bytes", "topics[0].config.segment.bytes"),
            ("topics[0].config.segment.ms", "topics[0].config.segment.ms"),
            ("topics[0].name", "topics[0]"),
            ("producers[1].rate_per_s", "producers[1].rate_per_s"),
            ("producers[1].partitioner.custom[1].partitions", "producers[1].partitioner"),
            ("producers[1].enable_idempotence", "producers[1].acks"),
            ("producers[0].key_space", "producers[0].key_space"),
            ("producers[0].id", "producers[0]"),
            ("groups[2].records_per_s", "groups[2].records_per_s"),
            ("groups[2].session_timeout_ms", "groups[2]"),
            ("seed", ""),
            ("", ""),
        ] {
            assert_eq!(error_anchor(field), anchor, "{field}");
        }
        for f in [Field::Brokers, Field::ReplicationFactor, Field::MinIsr, Field::ProducerRate(3), Field::GroupRate(1)]
        {
            assert_eq!(error_anchor(&f.key()), f.key());
        }
        assert_eq!(slug("producers[1].rate_per_s"), "producers-1-rate_per_s");
    }

    #[test]
    fn bad_text_blocks_apply_and_good_text_is_validated() {
        let mut d = draft();
        assert!(d.is_valid() && d.problem(Lang::En).is_none());
        d.set_text(Field::Brokers, "abc");
        assert_eq!(d.text(Field::Brokers), "abc", "the typed text stays");
        assert_eq!(d.config.brokers, 3, "the config keeps the last good value");
        assert!(!d.is_valid());
        assert_eq!(d.problem(Lang::En).unwrap(), "Brokers: Enter a whole number from 1 to 12.");
        assert!(d.problem(Lang::Ko).unwrap().starts_with("브로커 수: "));
        d.set_text(Field::Brokers, "3");
        assert!(d.is_valid());
        d.set_text(Field::ReplicationFactor, "4");
        let e = d.config.validate().unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidReplicationFactor);
        assert_eq!(error_anchor(&e.field.to_string()), Field::ReplicationFactor.key());
        assert!(d.problem(Lang::En).unwrap().contains("replication factor 4 is larger than the 3 brokers"));
        d.set_text(Field::Brokers, "4");
        assert!(d.is_valid());
        d.set_text(Field::ProducerRate(1), "1e99");
        assert!(d.problem(Lang::En).unwrap().starts_with("p2 · Rate"), "{:?}", d.problem(Lang::En));
        d.set_text(Field::RetentionMs, "-1");
        d.set_text(Field::ProducerRate(1), "7.5");
        assert!(d.is_valid());
        assert_eq!(d.config.topics[0].config.retention_ms, -1);
        assert_eq!(d.config.producers[1].rate_per_s, 7.5);
    }

    /// The disk per broker takes `validate`'s limits and needs a restart: a
    /// running broker's disk does not change size.
    #[test]
    fn disk_bytes_is_validated_and_needs_a_restart() {
        let mut d = draft();
        assert_eq!(d.text(Field::DiskBytes), "134217728");
        d.set_text(Field::DiskBytes, "65535");
        let bad = &d.bad.get("broker_config.disk_bytes").expect("refused").msg;
        assert!(bad.en.contains("65536") && bad.en.contains("1073741824"), "{bad:?}");
        d.set_text(Field::DiskBytes, "1048576");
        assert!(d.is_valid());
        assert_eq!(d.config.broker_config.disk_bytes, 1_048_576);
        assert!(reconfigure::plan(&d.base, &d.config).needs_restart());
    }

    /// segment.bytes and segment.ms take the ranges `validate` accepts and
    /// apply live (Kafka's dynamic topic configs).
    #[test]
    fn segment_settings_are_validated_and_apply_live() {
        let mut d = draft();
        assert_eq!(d.text(Field::SegmentBytes), "1048576", "the presets' bounded 1 MiB");
        d.set_text(Field::SegmentBytes, "13");
        assert!(d.problem(Lang::En).unwrap().contains("segment.bytes: Enter a whole number from 14 to 2147483647"));
        d.set_text(Field::SegmentBytes, "2147483648");
        assert!(!d.is_valid());
        d.set_text(Field::SegmentBytes, "4096");
        d.set_text(Field::SegmentMs, "0");
        assert!(d.bad.get("topics[0].config.segment.ms").unwrap().msg.en.contains("at least 1"));
        d.set_text(Field::SegmentMs, "30000");
        assert!(d.is_valid());
        assert_eq!((d.config.topics[0].config.segment_bytes, d.config.topics[0].config.segment_ms), (4096, 30_000));
        let plan = reconfigure::plan(&d.base, &d.config);
        assert!(!plan.needs_restart(), "{:?}", plan.restart);
        let en: Vec<String> = plan.live.iter().filter_map(describe_command).map(|m| m.en).collect();
        assert_eq!(en.len(), 1);
        assert!(en[0].contains("segment.bytes=4096, segment.ms=30000"), "{en:?}");
    }

    #[test]
    fn key_modes_switch_and_forget_hidden_errors() {
        let mut d = draft();
        assert_eq!(KeyMode::of(&d.config.producers[0]), KeyMode::List);
        d.set_text(Field::ProducerKeys(0), " , ");
        assert!(!d.is_valid());
        d.choose(Choice::KeyMode(0, KeyMode::Null));
        assert!(d.is_valid(), "an error in a hidden input must not block Apply");
        assert_eq!((d.config.producers[0].keys.clone(), d.config.producers[0].key_space), (None, None));
        d.choose(Choice::KeyMode(0, KeyMode::List));
        assert_eq!(d.config.producers[0].keys.as_ref().unwrap()[0], "서울", "the running config's keys come back");
        d.choose(Choice::KeyMode(0, KeyMode::Space));
        assert_eq!((d.config.producers[0].keys.clone(), d.config.producers[0].key_space), (None, Some(100)));
        d.set_text(Field::ProducerKeySpace(0), "8");
        assert_eq!(d.config.producers[0].key_space, Some(8));
        d.choose(Choice::KeyMode(1, KeyMode::List));
        assert_eq!(d.config.producers[1].keys.clone().unwrap(), DEFAULT_KEYS.map(String::from));
        d.set_text(Field::ProducerKeys(1), "vip-kim, lee");
        assert_eq!(d.config.producers[1].keys.clone().unwrap(), ["vip-kim", "lee"]);
        assert!(d.is_valid());
    }

    #[test]
    fn the_vip_partitioner_is_edited_and_follows_the_partition_count() {
        let mut d = draft();
        d.choose(Choice::Partitioner(0, PartChoice::Vip));
        assert_eq!(d.config.producers[0].partitioner, vip_rules("vip-", 1, 3));
        assert_eq!(d.text(Field::VipPrefix(0)), "vip-");
        d.set_text(Field::VipCount(0), "2");
        d.set_text(Field::VipPrefix(0), "gold-");
        assert_eq!(d.config.producers[0].partitioner, vip_rules("gold-", 2, 3));
        d.set_text(Field::VipCount(0), "3");
        assert!(d.bad.get("producers[0].partitioner.vip").unwrap().msg.en.contains("from 1 to 2"));
        d.set_text(Field::VipCount(0), "2");
        d.set_text(Field::Partitions, "6");
        assert_eq!(d.config.producers[0].partitioner, vip_rules("gold-", 2, 6));
        assert!(d.is_valid());
        d.set_text(Field::Partitions, "2");
        let e = d.config.validate().unwrap_err();
        assert_eq!(error_anchor(&e.field.to_string()), "producers[0].partitioner", "{e:?}");
        d.set_text(Field::VipPrefix(0), "  ");
        assert!(d.bad.contains_key("producers[0].partitioner.prefix"));
        d.choose(Choice::Partitioner(0, PartChoice::RoundRobin));
        assert!(d.bad.is_empty());
        d.set_text(Field::Partitions, "3");
        assert!(d.is_valid());
        d.choose(Choice::Partitioner(0, PartChoice::Vip));
        assert_eq!(d.config.producers[0].partitioner, vip_rules("vip-", 1, 3), "bad typed text is not reused");
    }

    #[test]
    fn rows_are_added_with_fresh_ids_and_removed_with_their_state() {
        let mut d = draft();
        d.add_producer();
        assert_eq!(d.config.producers[2].id, "p3");
        assert_eq!(d.config.producers[2].topic, "orders");
        d.set_text(Field::ProducerRate(2), "x");
        d.remove_producer(0);
        assert_eq!(d.config.producers.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["p2", "p3"]);
        assert_eq!(d.text(Field::ProducerRate(1)), "x", "the bad text moved with its row");
        d.remove_producer(1);
        assert!(d.is_valid());
        d.add_producer();
        assert_eq!(d.config.producers[1].id, "p1");
        d.add_group();
        assert_eq!(d.config.groups[2].id, "g1");
        d.remove_group(0);
        d.remove_group(9);
        assert_eq!(d.config.groups.len(), 2);
        assert!(d.is_valid());
        let plan = reconfigure::plan(&d.base, &d.config);
        assert!(plan.restart.contains(&Fixed::Producers));
        assert!(restart_reason(Fixed::Producers, &d.config).is_some());
    }

    #[test]
    fn reset_drops_edits_and_rebuilds_inputs() {
        let mut d = draft();
        d.set_text(Field::Brokers, "zz");
        d.set_text(Field::Partitions, "5");
        let base = d.base.clone();
        d.reset(base.clone());
        assert_eq!(d, Draft { generation: 1, ..Draft::new(base) });
    }

    #[test]
    fn the_plan_is_explained_in_both_languages() {
        let d = draft();
        let mut c = d.config.clone();
        c.topics[0].config.min_insync_replicas = 1;
        c.topics[0].partitions = 4;
        c.producers[0].rate_per_s = 9.0;
        c.producers[1].acks = Acks::Leader;
        c.groups[0].consumers = 3;
        c.groups[1].records_per_s = 2.5;
        let plan = reconfigure::plan(&d.config, &c);
        assert!(!plan.needs_restart());
        let lines: Vec<Msg> = plan.live.iter().filter_map(describe_command).collect();
        assert_eq!(lines.len(), plan.live.len());
        let en = lines.iter().map(|m| m.en.as_str()).collect::<Vec<_>>().join("\n");
        for needle in ["min.insync.replicas=1", "4", "p1", "9", "acks", "billing", "2.5"] {
            assert!(en.contains(needle), "{needle} in {en}");
        }
        assert!(lines.iter().all(|m| !m.ko.is_empty() && m.ko != m.en));
        c.brokers = 4;
        c.topics[0].replication_factor = 2;
        c.topics[0].partitions = 2;
        c.producers[0].partitioner = PartitionerKind::RoundRobin;
        c.groups[0].assignor = Strategy::Sticky;
        let plan = reconfigure::plan(&d.config, &c);
        for &field in &plan.restart {
            let m = restart_reason(field, &c).unwrap_or_else(|| panic!("{field}"));
            assert!(!m.en.is_empty() && !m.ko.is_empty() && !m.en.contains('{') && !m.ko.contains('{'), "{m:?}");
        }
        assert!(restart_reason(Fixed::Producer(0), &c).unwrap().en.contains("p1"));
        assert!(restart_reason(Fixed::Group(0), &c).unwrap().ko.contains("billing"));
        assert_eq!(restart_reason(Fixed::Seed, &c), None);
    }

    #[test]
    fn templates_have_the_same_placeholders_in_both_languages() {
        let (en, ko) = (strings(Lang::En), strings(Lang::Ko));
        let holes = |t: &str| {
            let mut v: Vec<String> =
                t.split('{').skip(1).filter_map(|r| r.split_once('}')).map(|(h, _)| h.into()).collect();
            v.sort();
            v
        };
        let picks: [fn(&Strings) -> &'static str; 15] = [
            |s: &Strings| s.cfg_err_int,
            |s: &Strings| s.cfg_err_int_min,
            |s: &Strings| s.cfg_err_number,
            |s: &Strings| s.cfg_vip_rule,
            |s: &Strings| s.cfg_remove_producer,
            |s: &Strings| s.cfg_remove_group,
            |s: &Strings| s.cfg_why_producer,
            |s: &Strings| s.cfg_why_group,
            |s: &Strings| s.cfg_do_partitions,
            |s: &Strings| s.cfg_do_topic_config,
            |s: &Strings| s.cfg_do_rate,
            |s: &Strings| s.cfg_do_acks,
            |s: &Strings| s.cfg_do_group_rate,
            |s: &Strings| s.cfg_do_join,
            |s: &Strings| s.cfg_do_leave,
        ];
        for pick in picks {
            assert!(!holes(pick(en)).is_empty(), "{}", pick(en));
            assert_eq!(holes(pick(en)), holes(pick(ko)), "{} / {}", pick(en), pick(ko));
        }
    }
}
