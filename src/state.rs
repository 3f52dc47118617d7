//! The app's one reducer: it owns the simulation, the play state and the
//! event log. The `Cluster` lives in a `RefCell` so a tick mutates it in place
//! (no clone per step); every change bumps `version`, which is what Yew compares.
//!
//! The cluster is private to this module: after every change the reducer copies
//! out the plain data the components draw (the view, the selected record's story,
//! the lag history while the Lag tab is open). No component ever borrows the
//! cluster, so rendering cannot observe a half-applied step.

use crate::config_draft::fresh_id;
use crate::presets::Preset;
use kafka_sim::burrow::Commit;
use kafka_sim::command::Command;
use kafka_sim::config::{ClusterConfig, GroupConfig, OffsetReset, ProducerConfig};
use kafka_sim::error::SimError;
use kafka_sim::event::{Event, EventKind};
use kafka_sim::group::LagSample;
use kafka_sim::reconfigure;
use kafka_sim::scenario::Runner;
use kafka_sim::story::RecordStory;
use kafka_sim::view::ClusterView;
use kafka_sim::Cluster;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::Reducible;

/// Notable events kept for the log (record-level events are kept separately).
pub const LOG_LEN: usize = 400;
/// Record-level events (`produced`, `consumed`, `committed`) kept for the log.
pub const DATA_LOG_LEN: usize = 150;
pub const SPEEDS: [f64; 9] = [0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 7.5, 10.0];

/// What the learner has selected for the inspector.
#[derive(Clone, Debug, PartialEq)]
pub enum Selection {
    Broker(u32),
    Partition { topic: String, partition: u32 },
    Record { topic: String, partition: u32, offset: u64 },
    Member { group: String, member: String },
    Producer(String),
}

/// The side panel on show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Inspector,
    Events,
    Config,
    Lag,
}

impl Tab {
    /// The tab a `?tab=` value names (`inspector`, `events`, `config`, `lag`).
    pub fn parse(s: &str) -> Option<Tab> {
        Some(match s {
            "inspector" => Tab::Inspector,
            "events" => Tab::Events,
            "config" => Tab::Config,
            "lag" => Tab::Lag,
            _ => return None,
        })
    }
}

/// One group's lag samples and Burrow windows, copied out of the engine for the
/// Lag tab.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLag {
    pub group: String,
    pub samples: Vec<LagSample>,
    /// Burrow's stored commits per partition, oldest first.
    pub windows: Vec<Vec<Commit>>,
}

/// A message shown above the stage (config applied, restart, refusal).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub en: String,
    pub ko: String,
    pub error: bool,
}

#[derive(Clone)]
pub struct AppState {
    cluster: Rc<RefCell<Cluster>>,
    /// The configuration the current run started from (reset goes back to it).
    pub config: Rc<ClusterConfig>,
    pub preset: Option<Preset>,
    pub view: Rc<ClusterView>,
    /// The view the SVG structure shows. While playing a large cluster it is
    /// refreshed every few updates (the canvas still moves every record each
    /// frame), which keeps the main thread free; paused, it follows `view`.
    pub svg_view: Rc<ClusterView>,
    /// Bumped whenever `svg_view` is replaced (cheap to compare).
    pub svg_version: u64,
    svg_age: u32,
    /// Events of the last update, for flights.
    pub last_events: Rc<Vec<Rc<Event>>>,
    /// The event log's two rings. Events are shared (`Rc`) between the step that
    /// made them and the rings, so keeping them never copies an event.
    pub log: Rc<VecDeque<Rc<Event>>>,
    pub data_log: Rc<VecDeque<Rc<Event>>>,
    pub playing: bool,
    pub speed: f64,
    pub selection: Option<Selection>,
    /// The selected record's story, re-read after every change while selected.
    pub story: Option<Rc<RecordStory>>,
    pub tab: Tab,
    /// Lag history per group; copied only while the Lag tab is open, and only when
    /// a new sample was taken (one a simulated second).
    pub lag: Rc<Vec<GroupLag>>,
    pub notice: Option<Notice>,
    pub version: u64,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

pub enum Action {
    /// Advance the simulation by this many steps (the play loop).
    Advance(u32),
    Step,
    TogglePlay,
    SetSpeed(f64),
    Faster,
    Slower,
    Reset,
    SetSeed(u64),
    LoadPreset(Preset),
    /// Apply a new configuration: live where Kafka allows it, else restart.
    ApplyConfig(ClusterConfig),
    Command(Command),
    /// Add a consumer to the first group.
    AddConsumer,
    /// Add a producer (a fresh id, 5 records/s) on the first topic.
    AddProducer,
    /// Add a one-member group (a fresh id, `earliest`) on the first topic.
    AddGroup,
    Select(Option<Selection>),
    SetTab(Tab),
    /// Start afresh from `config` and run `script` (commands at simulated times)
    /// up to `until_ms`, all in this one action with one view refresh: how a lesson
    /// loads.
    RunScript {
        config: ClusterConfig,
        script: Vec<(u64, Command)>,
        until_ms: u64,
    },
    DismissNotice,
}

impl AppState {
    pub fn new(config: ClusterConfig, preset: Option<Preset>) -> Result<Self, SimError> {
        let cluster = Cluster::new(config.clone())?;
        Ok(Self::from_cluster(cluster, config, preset))
    }

    fn from_cluster(mut cluster: Cluster, config: ClusterConfig, preset: Option<Preset>) -> Self {
        let events = cluster.drain_events();
        let view = Rc::new(cluster.view());
        let mut s = Self {
            cluster: Rc::new(RefCell::new(cluster)),
            config: Rc::new(config),
            preset,
            svg_view: view.clone(),
            svg_version: 0,
            svg_age: 0,
            view,
            last_events: Rc::new(Vec::new()),
            log: Rc::new(VecDeque::new()),
            data_log: Rc::new(VecDeque::new()),
            playing: false,
            speed: 1.0,
            selection: None,
            story: None,
            tab: Tab::default(),
            lag: Rc::new(Vec::new()),
            notice: None,
            version: 0,
        };
        s.record(events);
        s
    }

    /// Copies what the panels show out of the engine: the selected record's story
    /// and, while the Lag tab is open, the lag history (only when it grew).
    fn copy_out(&mut self) {
        let c = self.cluster.borrow();
        self.story = match &self.selection {
            Some(Selection::Record { topic, partition, offset }) => {
                c.record_story(topic, *partition, *offset).map(Rc::new)
            }
            _ => None,
        };
        if self.tab != Tab::Lag {
            return;
        }
        let newest = |id: &str| c.lag_history(id).map(|h| (h.len(), h.back().map(|s| s.t_ms)));
        let fresh = self.lag.len() != self.view.groups.len()
            || self.lag.iter().zip(&self.view.groups).any(|(l, g)| {
                l.group != g.id || newest(&g.id) != Some((l.samples.len(), l.samples.last().map(|s| s.t_ms)))
            });
        if fresh {
            self.lag = Rc::new(
                self.view
                    .groups
                    .iter()
                    .map(|g| GroupLag {
                        group: g.id.clone(),
                        samples: c.lag_history(&g.id).map(|h| h.iter().cloned().collect()).unwrap_or_default(),
                        windows: c.burrow_windows(&g.id).unwrap_or_default(),
                    })
                    .collect(),
            );
        }
    }

    /// The lag history of one group (empty until the Lag tab has been opened).
    pub fn lag_of(&self, group: &str) -> Option<&GroupLag> {
        self.lag.iter().find(|l| l.group == group)
    }

    pub fn seed(&self) -> u64 {
        self.config.seed
    }

    /// Appends the step's events to the two rings. A ring is replaced (a new `Rc`,
    /// which is how the event log knows to re-render) only when events arrived for it.
    fn record(&mut self, events: Vec<Event>) {
        let events: Vec<Rc<Event>> = events.into_iter().map(Rc::new).collect();
        for (ring, cap, data) in [(&mut self.log, LOG_LEN, false), (&mut self.data_log, DATA_LOG_LEN, true)] {
            let mut new = events.iter().filter(|e| logged(e) && is_data(e) == data).peekable();
            if new.peek().is_none() {
                continue;
            }
            let ring = Rc::make_mut(ring);
            for e in new {
                if ring.len() == cap {
                    ring.pop_front();
                }
                ring.push_back(Rc::clone(e));
            }
        }
        self.last_events = Rc::new(events);
    }

    fn refresh(&mut self) {
        let events = self.cluster.borrow_mut().drain_events();
        self.view = Rc::new(self.cluster.borrow().view());
        self.record(events);
        self.version += 1;
        // Up to 16 replicas re-render at every update; bigger clusters less often.
        let every = (self.view.replica_count() as u32).div_ceil(16).max(1);
        self.svg_age += 1;
        if !self.playing || self.svg_age >= every {
            self.svg_view = self.view.clone();
            self.svg_version += 1;
            self.svg_age = 0;
        }
        self.copy_out();
    }

    fn restart(&self, config: ClusterConfig, preset: Option<Preset>) -> Result<Self, SimError> {
        let cluster = Cluster::new(config.clone())?;
        Ok(self.restart_with(cluster, config, preset))
    }

    /// A fresh state around `cluster`, keeping the play controls and the tab.
    fn restart_with(&self, cluster: Cluster, config: ClusterConfig, preset: Option<Preset>) -> Self {
        let mut s = Self::from_cluster(cluster, config, preset);
        s.svg_version = self.svg_version + 1;
        s.speed = self.speed;
        s.playing = self.playing;
        s.tab = self.tab;
        s.version = self.version + 1;
        s.copy_out();
        s
    }
}

/// Whether the event log keeps `e`. Follower fetches (dozens a step on big
/// clusters) only drive the replication dots.
fn logged(e: &Event) -> bool {
    !matches!(e.kind, EventKind::FollowerFetched { .. })
}

/// Record-level events: many per step, kept in their own ring.
pub fn is_data(e: &Event) -> bool {
    matches!(e.kind, EventKind::Produced { .. } | EventKind::Consumed { .. } | EventKind::Committed { .. })
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Advance(n) => {
                if !s.playing {
                    return self;
                }
                {
                    let mut c = s.cluster.borrow_mut();
                    for _ in 0..n {
                        c.tick();
                    }
                }
                s.refresh();
            }
            Action::Step => {
                s.cluster.borrow_mut().tick();
                s.refresh();
            }
            Action::TogglePlay => {
                s.playing = !s.playing;
                s.svg_view = s.view.clone();
                s.svg_version += 1;
                s.version += 1;
            }
            Action::SetSpeed(v) => {
                s.speed = v.clamp(0.1, 10.0);
                s.version += 1;
            }
            Action::Faster | Action::Slower => {
                let i = SPEEDS.iter().position(|&x| x >= s.speed).unwrap_or(SPEEDS.len() - 1);
                let j =
                    if matches!(action, Action::Faster) { (i + 1).min(SPEEDS.len() - 1) } else { i.saturating_sub(1) };
                s.speed = SPEEDS[j];
                s.version += 1;
            }
            Action::Reset => match s.restart((*s.config).clone(), s.preset) {
                Ok(n) => s = n,
                Err(e) => s.notice = Some(error_notice(&e)),
            },
            Action::SetSeed(seed) => {
                let config = ClusterConfig { seed, ..(*s.config).clone() };
                match s.restart(config, s.preset) {
                    Ok(n) => s = n,
                    Err(e) => s.notice = Some(error_notice(&e)),
                }
            }
            Action::LoadPreset(p) => match s.restart(p.config(s.config.seed), Some(p)) {
                Ok(n) => s = n,
                Err(e) => s.notice = Some(error_notice(&e)),
            },
            Action::ApplyConfig(config) => {
                if let Err(e) = config.validate() {
                    s.notice = Some(error_notice(&e));
                    s.version += 1;
                    return Rc::new(s);
                }
                let plan = reconfigure::plan(&s.config, &config);
                if plan.needs_restart() {
                    match s.restart(config, None) {
                        Ok(mut n) => {
                            n.notice = Some(Notice {
                                en: format!(
                                    "Restarted the scenario: Kafka cannot change {} on a running cluster.",
                                    fields(&plan.restart)
                                ),
                                ko: format!(
                                    "시나리오를 다시 시작했습니다: 실행 중인 카프카는 {}을(를) 바꿀 수 없습니다.",
                                    fields(&plan.restart)
                                ),
                                error: false,
                            });
                            s = n;
                        }
                        Err(e) => s.notice = Some(error_notice(&e)),
                    }
                } else {
                    let mut failed = None;
                    for c in plan.live {
                        if let Err(e) = s.cluster.borrow_mut().apply(c) {
                            failed = Some(e);
                        }
                    }
                    s.notice = Some(match &failed {
                        Some(e) => error_notice(e),
                        None => Notice {
                            en: "Applied live, as Kafka would: no restart needed.".into(),
                            ko: "카프카처럼 실행 중에 바로 적용했습니다: 다시 시작할 필요가 없습니다.".into(),
                            error: false,
                        },
                    });
                    s.config = Rc::new(config);
                    s.preset = None;
                    s.refresh();
                }
            }
            Action::Command(c) => {
                let result = s.cluster.borrow_mut().apply(c);
                s.notice = result.err().map(|e| error_notice(&e));
                s.refresh();
            }
            Action::AddConsumer | Action::AddProducer | Action::AddGroup => {
                if let Some(c) = add_command(&action, &s.view) {
                    let result = s.cluster.borrow_mut().apply(c);
                    s.notice = result.err().map(|e| error_notice(&e));
                    s.refresh();
                }
            }
            Action::Select(sel) => {
                s.selection = sel;
                s.copy_out();
                s.version += 1;
            }
            Action::SetTab(tab) => {
                s.tab = tab;
                s.copy_out();
                s.version += 1;
            }
            Action::RunScript { config, script, until_ms } => match Cluster::new(config.clone()) {
                Ok(cluster) => {
                    let mut runner = Runner::with_script(cluster, script);
                    runner.run_until(until_ms);
                    s = s.restart_with(runner.cluster, config, None);
                }
                Err(e) => {
                    s.notice = Some(error_notice(&e));
                    s.version += 1;
                }
            },
            Action::DismissNotice => {
                s.notice = None;
                s.version += 1;
            }
        }
        Rc::new(s)
    }
}

/// `brokers, topics[0].partitions`: the fields a restart is for.
fn fields(fixed: &[reconfigure::Fixed]) -> String {
    fixed.iter().map(|f| f.to_string()).collect::<Vec<_>>().join(", ")
}

/// The command behind one of the control bar's "add" buttons, with a fresh id.
fn add_command(action: &Action, view: &ClusterView) -> Option<Command> {
    let topic = view.topics.first()?.name.clone();
    Some(match action {
        Action::AddConsumer => Command::AddConsumer { group: view.groups.first()?.id.clone() },
        Action::AddProducer => {
            let id = fresh_id("p", view.producers.iter().map(|p| p.id.as_str()));
            Command::AddProducer(ProducerConfig::new(id, topic, 5.0))
        }
        Action::AddGroup => {
            let id = fresh_id("group", view.groups.iter().map(|g| g.id.as_str()));
            Command::AddGroup(GroupConfig {
                auto_offset_reset: OffsetReset::Earliest,
                ..GroupConfig::new(id, topic, 1)
            })
        }
        _ => return None,
    })
}

fn error_notice(e: &SimError) -> Notice {
    Notice { en: format!("{}: {}", e.code, e.en()), ko: format!("{}: {}", e.code, e.ko()), error: true }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::new(Preset::Default.config(7), Some(Preset::Default)).unwrap())
    }

    #[test]
    fn step_advances_time_and_keeps_events() {
        let s = state().reduce(Action::Step);
        assert_eq!(s.view.time_ms, 100);
        let s = (0..30).fold(s, |s, _| s.reduce(Action::Step));
        assert!(!s.data_log.is_empty() && s.data_log.len() <= DATA_LOG_LEN);
    }

    #[test]
    fn advance_only_while_playing() {
        let s = state().reduce(Action::Advance(5));
        assert_eq!(s.view.time_ms, 0);
        let s = s.reduce(Action::TogglePlay).reduce(Action::Advance(5));
        assert_eq!(s.view.time_ms, 500);
    }

    #[test]
    fn invalid_config_is_refused_with_the_reason() {
        let s = state();
        let mut bad = (*s.config).clone();
        bad.topics[0].replication_factor = 4;
        let s = s.reduce(Action::ApplyConfig(bad));
        let n = s.notice.clone().unwrap();
        assert!(n.error && n.en.contains("replication factor 4 is larger than the 3 brokers"), "{}", n.en);
        assert_eq!(s.view.topics[0].replication_factor, 3, "nothing changed");
    }

    #[test]
    fn live_and_restart_changes_say_which() {
        let s = state().reduce(Action::Step).reduce(Action::Step);
        let mut live = (*s.config).clone();
        live.topics[0].config.min_insync_replicas = 1;
        let s = s.reduce(Action::ApplyConfig(live));
        assert!(s.notice.as_ref().unwrap().en.contains("Applied live"));
        assert_eq!(s.view.time_ms, 200, "a live change keeps the run");
        let mut structural = (*s.config).clone();
        structural.brokers = 4;
        let s = s.reduce(Action::ApplyConfig(structural));
        assert!(s.notice.as_ref().unwrap().en.contains("brokers"));
        assert_eq!(s.view.time_ms, 0);
        assert_eq!(s.view.brokers.len(), 4);
    }

    #[test]
    fn speed_steps_and_clamps() {
        let s = state().reduce(Action::Faster);
        assert_eq!(s.speed, 2.0);
        let s = s.reduce(Action::SetSpeed(99.0));
        assert_eq!(s.speed, 10.0);
        let s = s.reduce(Action::Faster);
        assert_eq!(s.speed, 10.0);
        let s = s.reduce(Action::SetSpeed(0.0)).reduce(Action::Slower);
        assert_eq!(s.speed, 0.1);
    }

    /// A lesson loads in one action, through the engine's runner: the same run as
    /// `lessons::load`, one refresh, and the learner lands at the lesson's start.
    #[test]
    fn run_script_loads_a_lesson_in_one_action() {
        use crate::lessons::{self, Lesson};
        let l = Lesson::Rewound;
        let s = state().reduce(Action::Step).reduce(Action::RunScript {
            config: l.config(),
            script: l.script(),
            until_ms: l.start_ms(),
        });
        let want = lessons::load(l).unwrap();
        assert_eq!(s.view.time_ms, l.start_ms());
        assert_eq!(*s.view, want.view());
        assert_eq!(*s.config, l.config());
        assert!(s.preset.is_none());
    }

    /// The Lag tab's history is copied only while the tab is open, and only when a
    /// new sample was taken (samples come once a simulated second).
    #[test]
    fn lag_history_is_copied_while_the_lag_tab_is_open() {
        let s = (0..25).fold(state(), |s, _| s.reduce(Action::Step));
        assert!(s.lag.is_empty(), "not copied while the tab is closed");
        let s = s.reduce(Action::SetTab(Tab::Lag));
        assert_eq!(s.lag.len(), s.view.groups.len());
        let g = &s.lag[0];
        assert_eq!(g.group, s.view.groups[0].id);
        assert_eq!(g.samples.len(), 2, "samples at 1 s and 2 s");
        let engine: Vec<LagSample> = s.cluster.borrow().lag_history(&g.group).unwrap().iter().cloned().collect();
        assert_eq!(g.samples, engine);
        let before = s.lag.clone();
        let s = s.reduce(Action::Step);
        assert!(Rc::ptr_eq(&before, &s.lag), "no new sample at 2.6 s: the copy is shared");
        let s = (0..5).fold(s, |s, _| s.reduce(Action::Step));
        assert!(!Rc::ptr_eq(&before, &s.lag), "a new sample at 3 s is copied");
        assert_eq!(s.lag[0].samples.len(), 3);
    }

    /// The selected record's story is copied out and follows the run.
    #[test]
    fn selected_record_story_is_copied_out() {
        let s = (0..10).fold(state(), |s, _| s.reduce(Action::Step));
        let topic = s.view.topics[0].name.clone();
        let s = s.reduce(Action::Select(Some(Selection::Record { topic: topic.clone(), partition: 0, offset: 0 })));
        let story = s.story.clone().expect("offset 0 of partition 0 exists after 1 s");
        assert_eq!((story.topic.as_str(), story.partition, story.offset), (topic.as_str(), 0, 0));
        let s = s.reduce(Action::Select(None));
        assert!(s.story.is_none());
    }

    /// The control bar's "add" buttons pick fresh ids in the reducer.
    #[test]
    fn add_buttons_use_fresh_ids() {
        let s = state().reduce(Action::AddProducer).reduce(Action::AddProducer).reduce(Action::AddGroup);
        let ids: Vec<&str> = s.view.producers.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), 4, "{ids:?}");
        assert_eq!(ids[2..], ["p3", "p4"], "the default preset has p1 and p2");
        assert_eq!(s.view.groups.last().unwrap().id, "group1");
        let members = s.view.groups[0].members.len();
        let s = s.reduce(Action::AddConsumer);
        assert_eq!(s.view.groups[0].members.len(), members + 1);
    }

    /// A step without notable events keeps the notable ring (same `Rc`), so the
    /// event log is not re-rendered for it.
    #[test]
    fn event_rings_change_only_when_events_arrive() {
        let s = (0..20).fold(state(), |s, _| s.reduce(Action::Step));
        let next = s.clone().reduce(Action::Step);
        let notable = next.last_events.iter().any(|e| logged(e) && !is_data(e));
        assert!(!notable, "a quiet step of the default preset: {:?}", next.last_events);
        assert!(Rc::ptr_eq(&s.log, &next.log));
        assert!(!Rc::ptr_eq(&s.data_log, &next.data_log), "records were produced");
    }
}
