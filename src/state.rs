//! The app's one reducer: it owns the simulation, the play state and the
//! event log. The `Cluster` lives in a `RefCell` so a tick mutates it in place
//! (no clone per step); every change bumps `version`, which is what Yew compares.

use crate::presets::Preset;
use kafka_sim::command::Command;
use kafka_sim::config::ClusterConfig;
use kafka_sim::error::SimError;
use kafka_sim::event::{Event, EventKind};
use kafka_sim::reconfigure;
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

/// A message shown above the stage (config applied, restart, refusal).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub en: String,
    pub ko: String,
    pub error: bool,
}

#[derive(Clone)]
pub struct AppState {
    pub cluster: Rc<RefCell<Cluster>>,
    /// The configuration the current run started from (reset goes back to it).
    pub config: ClusterConfig,
    pub preset: Option<Preset>,
    pub view: Rc<ClusterView>,
    /// The view the SVG structure shows. While playing a large cluster it is
    /// refreshed every few updates (the canvas still moves every record each
    /// frame), which keeps the main thread free; paused, it follows `view`.
    pub svg_view: Rc<ClusterView>,
    /// Bumped whenever `svg_view` is replaced (cheap to compare).
    pub svg_version: u64,
    svg_age: u32,
    /// The view before the last update (flights are computed from the change).
    pub prev_view: Rc<ClusterView>,
    /// Events of the last update, for flights.
    pub last_events: Rc<Vec<Event>>,
    pub log: Rc<VecDeque<Event>>,
    pub data_log: Rc<VecDeque<Event>>,
    pub playing: bool,
    pub speed: f64,
    pub selection: Option<Selection>,
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
    Select(Option<Selection>),
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
            config,
            preset,
            prev_view: view.clone(),
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
            notice: None,
            version: 0,
        };
        s.record(events);
        s
    }

    pub fn seed(&self) -> u64 {
        self.config.seed
    }

    fn record(&mut self, events: Vec<Event>) {
        let log = Rc::make_mut(&mut self.log);
        let data = Rc::make_mut(&mut self.data_log);
        for e in &events {
            let (ring, cap) = if is_data(e) { (&mut *data, DATA_LOG_LEN) } else { (&mut *log, LOG_LEN) };
            if ring.len() == cap {
                ring.pop_front();
            }
            ring.push_back(e.clone());
        }
        self.last_events = Rc::new(events);
    }

    fn refresh(&mut self) {
        let events = self.cluster.borrow_mut().drain_events();
        self.prev_view = std::mem::replace(&mut self.view, Rc::new(self.cluster.borrow().view()));
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
    }

    fn restart(&self, config: ClusterConfig, preset: Option<Preset>) -> Result<Self, SimError> {
        let mut s = Self::new(config, preset)?;
        s.svg_version = self.svg_version + 1;
        s.speed = self.speed;
        s.playing = self.playing;
        s.version = self.version + 1;
        Ok(s)
    }
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
            Action::Reset => match s.restart(s.config.clone(), s.preset) {
                Ok(n) => s = n,
                Err(e) => s.notice = Some(error_notice(&e)),
            },
            Action::SetSeed(seed) => {
                let config = ClusterConfig { seed, ..s.config.clone() };
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
                                    plan.restart.join(", ")
                                ),
                                ko: format!(
                                    "시나리오를 다시 시작했습니다: 실행 중인 카프카는 {}을(를) 바꿀 수 없습니다.",
                                    plan.restart.join(", ")
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
                    s.config = config;
                    s.preset = None;
                    s.refresh();
                }
            }
            Action::Command(c) => {
                let result = s.cluster.borrow_mut().apply(c);
                s.notice = result.err().map(|e| error_notice(&e));
                s.refresh();
            }
            Action::Select(sel) => {
                s.selection = sel;
                s.version += 1;
            }
            Action::DismissNotice => {
                s.notice = None;
                s.version += 1;
            }
        }
        Rc::new(s)
    }
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
        let mut bad = s.config.clone();
        bad.topics[0].replication_factor = 4;
        let s = s.reduce(Action::ApplyConfig(bad));
        let n = s.notice.clone().unwrap();
        assert!(n.error && n.en.contains("replication factor 4 is larger than the 3 brokers"), "{}", n.en);
        assert_eq!(s.view.topics[0].replication_factor, 3, "nothing changed");
    }

    #[test]
    fn live_and_restart_changes_say_which() {
        let s = state().reduce(Action::Step).reduce(Action::Step);
        let mut live = s.config.clone();
        live.topics[0].config.min_insync_replicas = 1;
        let s = s.reduce(Action::ApplyConfig(live));
        assert!(s.notice.as_ref().unwrap().en.contains("Applied live"));
        assert_eq!(s.view.time_ms, 200, "a live change keeps the run");
        let mut structural = s.config.clone();
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
}
