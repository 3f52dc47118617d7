//! The app's one reducer: it owns the simulation, the play state and the
//! event log. The `Cluster` lives in a `RefCell` so a tick mutates it in place
//! (no clone per step); every change bumps `version`, which is what Yew compares.
//!
//! The cluster is private to this module: after every change the reducer copies
//! out the plain data the components draw (the view, the selected record's story,
//! the lag history while the Lag tab is open). No component ever borrows the
//! cluster, so rendering cannot observe a half-applied step.

use crate::compare_mode::{CompareCommand, CompareMode};
use crate::components::inspector::fill;
use crate::config_draft::{fresh_id, Msg};
use crate::i18n::{compare_strings, strings, Lang};
use crate::lesson_view::{LessonView, Phase, Progress};
use crate::presets::Preset;
use crate::reset_form::ResetForm;
use kafka_sim::burrow::Commit;
use kafka_sim::command::Command;
use kafka_sim::config::{ClusterConfig, GroupConfig, OffsetReset, ProducerConfig};
use kafka_sim::course::{self, Player};
use kafka_sim::error::SimError;
use kafka_sim::event::Event;
use kafka_sim::group::{LagSample, ResetPreview};
use kafka_sim::reconfigure;
use kafka_sim::scenario::{Runner, Scenario, Summary};
use kafka_sim::story::RecordStory;
use kafka_sim::view::ClusterView;
use kafka_sim::Cluster;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use yew::Reducible;

pub use crate::travel::{is_data, DATA_LOG_LEN, LOG_LEN};
use crate::travel::{push_events, seek_slice, Past, TimelineView, Travel};
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
    /// The lesson picker with the course's progress.
    Course,
    /// Per broker: leaders, replicas, health and traffic.
    Brokers,
}

impl Tab {
    /// The tab a `?tab=` value names (`inspector`, `events`, `config`, `lag`, `course`, `brokers`).
    pub fn parse(s: &str) -> Option<Tab> {
        Some(match s {
            "inspector" => Tab::Inspector,
            "events" => Tab::Events,
            "config" => Tab::Config,
            "lag" => Tab::Lag,
            "course" => Tab::Course,
            "brokers" => Tab::Brokers,
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

/// The config panel's scenario box: the JSON on show (this run's export, or
/// the text last imported) and why the last import was refused.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScenarioBox {
    pub json: String,
    /// `json` is this run's export: the panel offers it as a download.
    pub exported: bool,
    pub error: Option<Msg>,
    /// Bumped whenever `json` is replaced, so the textarea shows it even over
    /// the learner's edits.
    pub generation: u32,
}

/// What runs: the explorer's own cluster, or a lesson's player (which owns the
/// cluster it plays on).
#[derive(Clone)]
enum Engine {
    /// The explorer's cluster with the configuration its run started from and
    /// every command it accepted, at its simulated time: with these an export
    /// replays the run exactly (`state.config` follows live changes instead).
    /// `history` grows by one entry per accepted click, never with time, so
    /// hours of play without clicks keep it empty; every other history the app
    /// keeps is a fixed-size ring ([`LOG_LEN`], [`DATA_LOG_LEN`], the engine's
    /// `LAG_HISTORY`).
    Free {
        cluster: Box<Cluster>,
        start: Rc<ClusterConfig>,
        history: Vec<(u64, Command)>,
    },
    Lesson(Box<Player>),
}

impl Engine {
    fn free(cluster: Cluster, start: Rc<ClusterConfig>) -> Self {
        Engine::Free { cluster: Box::new(cluster), start, history: Vec::new() }
    }

    fn cluster(&self) -> &Cluster {
        match self {
            Engine::Free { cluster, .. } => cluster,
            Engine::Lesson(p) => p.cluster(),
        }
    }

    /// The run so far as a `kafka-sim run` scenario that replays it to now.
    /// The configuration the run started from and every command given since
    /// (what replays it: compare mode's copies start from this).
    fn start_and_script(&self) -> (ClusterConfig, Vec<(u64, Command)>) {
        match self {
            Engine::Free { start, history, .. } => ((**start).clone(), history.clone()),
            Engine::Lesson(p) => (p.lesson().config.clone(), p.commands_so_far()),
        }
    }

    fn scenario(&self) -> Scenario {
        let now = self.cluster().time_ms();
        match self {
            Engine::Free { start, history, .. } => Scenario::of_run(start, history, now),
            Engine::Lesson(p) => Scenario::of_run(&p.lesson().config, &p.commands_so_far(), now),
        }
    }

    /// Plays `n` steps; a lesson stops at its step's end. Returns the events.
    fn tick(&mut self, n: u32) -> Vec<Rc<Event>> {
        match self {
            Engine::Free { cluster, .. } => {
                for _ in 0..n {
                    cluster.tick();
                }
                shared(cluster.drain_events())
            }
            Engine::Lesson(p) => (0..n).flat_map(|_| p.tick()).collect(),
        }
    }

    /// Plays the rest of a lesson's step at once (keeping its events).
    fn finish_step(&mut self) -> Vec<Rc<Event>> {
        let mut events = Vec::new();
        if let Engine::Lesson(p) = self {
            while !p.done() {
                events.extend(p.tick());
            }
        }
        events
    }

    /// A free-play command, kept in the history once accepted. Callers leave
    /// any lesson first ([`AppState::free_play_notice`]): a lesson's run only
    /// takes its script.
    fn apply(&mut self, c: Command) -> Result<(), SimError> {
        match self {
            Engine::Free { cluster, history, .. } => {
                let t = cluster.time_ms();
                cluster.apply(c.clone())?;
                history.push((t, c));
                Ok(())
            }
            Engine::Lesson(_) => Ok(()),
        }
    }

    fn step_done(&self) -> bool {
        matches!(self, Engine::Lesson(p) if p.done())
    }
}

#[derive(Clone)]
pub struct AppState {
    engine: Rc<RefCell<Engine>>,
    /// The run's history (time travel) and the past on screen, if any.
    travel: Rc<RefCell<Travel>>,
    /// The timeline under the stage, as data.
    pub timeline: Rc<TimelineView>,
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
    /// The inspector's `--reset-offsets` form.
    pub reset_form: Rc<ResetForm>,
    /// Its dry run for the selected member's group (`Cluster::reset_preview`),
    /// re-read after every change while the inspector shows a member and the
    /// form holds a valid spec.
    pub reset_preview: Option<Rc<ResetPreview>>,
    pub tab: Tab,
    /// Lag history per group; copied only while the Lag tab is open, and only when
    /// a new sample was taken (one a simulated second).
    pub lag: Rc<Vec<GroupLag>>,
    pub notice: Option<Notice>,
    /// The open lesson's panel, `None` in free play.
    pub lesson: Option<Rc<LessonView>>,
    /// The learner's answer to the open step's question (from 0).
    answer: Option<usize>,
    pub progress: Rc<Progress>,
    /// The config panel's scenario export / import box.
    pub scenario_box: Rc<ScenarioBox>,
    /// Compare mode (issue 15), `None` outside it: its copies take the play
    /// loop's steps instead of the cluster above.
    pub compare: Option<CompareMode>,
    /// Bumped after each slice of a seek that has not arrived yet: the app
    /// then asks for the next slice (`Action::ContinueSeek`) in a new task.
    pub seek_slices: u64,
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
    /// The inspector's `--reset-offsets` form changed: the dry run follows.
    SetResetForm(ResetForm),
    /// Open a lesson of the course at a step (from 0), replaying from its seed.
    OpenLesson {
        id: &'static str,
        step: usize,
    },
    /// Answer the open question (choice from 0): the step then plays.
    Answer(usize),
    /// Play a step without a question, or finish the playing step at once.
    PlayStep,
    NextStep,
    /// The step before, restored exactly (replayed from the seed).
    BackStep,
    /// The same step again, from its start (same seed, same result).
    RetryStep,
    /// Leave the lesson and keep exploring the same cluster.
    FreePlay,
    /// Progress read from storage when the app starts.
    SetProgress(Progress),
    /// → (or Enter): the next lesson step, or one simulation step in free play.
    Forward,
    /// ←: the lesson step before (nothing in free play).
    Backward,
    /// Enter in a lesson: play the step, or finish it at once while it plays,
    /// or go on once it is revealed (nothing while a question waits, or in free play).
    Confirm,
    /// A digit key: answer choice `n` (from 1) when a question is open.
    Choose(usize),
    /// The host page's play / pause (`postMessage`): in a lesson, play plays
    /// the step.
    SetPlaying(bool),
    DismissNotice,
    /// Time travel: show the run as it was at this simulated time (paused).
    SeekTo(u64),
    /// The next slice of a seek in progress (the app sends it in a new task).
    ContinueSeek,
    /// One simulation step back in time (←, `step-back`).
    StepBack,
    /// Back to the latest time (the live run).
    BackToLive,
    /// Put this run, as a `kafka-sim run` scenario, in the config panel's box.
    ExportScenario,
    /// Read a scenario (JSON text) as `kafka-sim run` does; if it is valid,
    /// restart from its configuration and replay its script to its
    /// `duration_ms`, else say why in the box and change nothing else.
    ImportScenario(String),
    /// Compare mode: open it on copies of this run's configuration differing
    /// in one setting (or switch the setting), close it, give its copies a command.
    OpenCompare(kafka_sim::compare::Setting),
    CloseCompare,
    Compare(CompareCommand),
}

impl AppState {
    pub fn new(config: ClusterConfig, preset: Option<Preset>) -> Result<Self, SimError> {
        let cluster = Cluster::new(config.clone())?;
        Ok(Self::from_cluster(cluster, config, preset))
    }

    fn from_cluster(mut cluster: Cluster, config: ClusterConfig, preset: Option<Preset>) -> Self {
        let events = shared(cluster.drain_events());
        let config = Rc::new(config);
        Self::from_engine(Engine::free(cluster, config.clone()), events, config, preset)
    }

    fn from_engine(engine: Engine, events: Vec<Rc<Event>>, config: Rc<ClusterConfig>, preset: Option<Preset>) -> Self {
        let view = Rc::new(engine.cluster().view());
        let empty = (Rc::new(VecDeque::new()), Rc::new(VecDeque::new()));
        let lesson_commands = match &engine {
            Engine::Lesson(p) => p.commands_so_far().len(),
            Engine::Free { .. } => 0,
        };
        let travel = Travel::new(engine.cluster(), empty, lesson_commands);
        let timeline = Rc::new(TimelineView::of(&travel, engine.cluster().time_ms(), config.step_ms, None));
        let mut s = Self {
            engine: Rc::new(RefCell::new(engine)),
            travel: Rc::new(RefCell::new(travel)),
            timeline,
            config,
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
            reset_form: Rc::new(ResetForm::default()),
            reset_preview: None,
            tab: Tab::default(),
            lag: Rc::new(Vec::new()),
            notice: None,
            lesson: None,
            answer: None,
            progress: Rc::new(Progress::default()),
            scenario_box: Rc::new(ScenarioBox::default()),
            compare: None,
            seek_slices: 0,
            version: 0,
        };
        s.record(events);
        // History starts here, with the log as it is now.
        let rings = (s.log.clone(), s.data_log.clone());
        let travel = Travel::new(s.engine.borrow().cluster(), rings, lesson_commands);
        s.travel = Rc::new(RefCell::new(travel));
        s
    }

    /// Copies what the panels show out of the engine: the selected record's story
    /// and, while the Lag tab is open, the lag history (only when it grew).
    fn copy_out(&mut self) {
        let engine = self.engine.borrow();
        if let Engine::Lesson(p) = &*engine {
            if !self.lesson.as_ref().is_some_and(|l| l.shows(p, self.answer, self.playing)) {
                self.lesson = Some(Rc::new(LessonView::of(p, self.answer, self.playing)));
            }
        }
        let travel = self.travel.borrow();
        // What is on screen: the past while the learner looks at it.
        let c: &Cluster = match &travel.past {
            Some(p) => &p.cluster,
            None => engine.cluster(),
        };
        self.story = match &self.selection {
            Some(Selection::Record { topic, partition, offset }) => {
                c.record_story(topic, *partition, *offset).map(Rc::new)
            }
            _ => None,
        };
        self.reset_preview = match (&self.selection, self.tab, self.reset_form.spec()) {
            (Some(Selection::Member { group, .. }), Tab::Inspector, Ok(spec)) => {
                c.reset_preview(group, spec).ok().map(Rc::new)
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

    /// The run so far as a `kafka-sim run` scenario: the configuration it
    /// started from (with the seed), every command applied so far with its
    /// simulated time, and now as `duration_ms`.
    pub fn scenario(&self) -> Scenario {
        self.engine.borrow().scenario()
    }

    /// What `kafka-sim run` prints last, for the run as it is now.
    pub fn summary(&self) -> Summary {
        Summary::of(self.engine.borrow().cluster())
    }

    /// Appends the step's events to the two rings. A ring is replaced (a new `Rc`,
    /// which is how the event log knows to re-render) only when events arrived for it.
    fn record(&mut self, events: Vec<Rc<Event>>) {
        let mut rings = (std::mem::take(&mut self.log), std::mem::take(&mut self.data_log));
        push_events(&mut rings, &events);
        (self.log, self.data_log) = rings;
        self.last_events = Rc::new(events);
    }

    fn refresh(&mut self) {
        let events = match &mut *self.engine.borrow_mut() {
            Engine::Free { cluster, .. } => shared(cluster.drain_events()),
            Engine::Lesson(_) => Vec::new(),
        };
        self.refresh_with(events);
    }

    fn refresh_with(&mut self, events: Vec<Rc<Event>>) {
        self.refresh_shown(events, true);
    }

    /// Refreshes what is shown (the past's cluster while the learner looks at
    /// it, else the live run's) and, if `observe` and live, tells the
    /// timeline what happened (a past being replayed was recorded already).
    fn refresh_shown(&mut self, events: Vec<Rc<Event>>, observe: bool) {
        let now = {
            let travel = self.travel.borrow();
            let engine = self.engine.borrow();
            let c: &Cluster = match &travel.past {
                Some(p) => &p.cluster,
                None => engine.cluster(),
            };
            self.view = Rc::new(c.view());
            c.time_ms()
        };
        self.record(events);
        {
            let mut travel = self.travel.borrow_mut();
            if observe && travel.past.is_none() {
                let engine = self.engine.borrow();
                // A lesson's player applies its script: record what it applied
                // (read only when it applied more).
                let new_in_lesson = match &*engine {
                    Engine::Lesson(p) if p.progress() != travel.lesson_at => Some(p),
                    _ => None,
                };
                if let Some(p) = new_in_lesson {
                    travel.lesson_at = p.progress();
                    let all = p.commands_so_far();
                    let known = travel.lesson_commands.min(all.len());
                    for (t, c) in all[known..].iter().cloned() {
                        travel.timeline.command(t, c);
                    }
                    travel.lesson_commands = all.len();
                }
                let rings = (self.log.clone(), self.data_log.clone());
                travel.timeline.observe(engine.cluster(), self.last_events.iter().map(|e| &**e), || rings);
            }
            self.timeline = Rc::new(TimelineView::of(&travel, now, self.config.step_ms, Some(&self.timeline)));
        }
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
        self.carry_into(&mut s);
        s.playing = self.playing;
        s.copy_out();
        s
    }

    /// What survives a restart: the play controls, the tab, the progress and
    /// the scenario box's text (no longer this run's export).
    fn carry_into(&self, s: &mut Self) {
        s.svg_version = self.svg_version + 1;
        s.speed = self.speed;
        s.tab = self.tab;
        s.progress = self.progress.clone();
        s.scenario_box = if self.scenario_box.exported {
            Rc::new(ScenarioBox { exported: false, ..(*self.scenario_box).clone() })
        } else {
            self.scenario_box.clone()
        };
        s.version = self.version + 1;
        s.seek_slices = self.seek_slices + 1;
        // Compare mode restarts too, on the new configuration.
        s.compare = self.compare.as_ref().and_then(|c| CompareMode::open(c.setting(), &s.config, &[], 0).ok());
    }

    /// Compare mode's actions, and the play loop's while it is open: `None`
    /// leaves the action to the rest of the reducer.
    fn compare_act(&mut self, action: &Action) -> Option<Self> {
        match action {
            Action::OpenCompare(setting) => {
                // The copies start from where the learner is: this run's
                // commands replayed up to the time shown.
                let (start, script) = self.engine.borrow().start_and_script();
                match CompareMode::open(*setting, &start, &script, self.view.time_ms) {
                    Ok(c) => {
                        self.compare = Some(c);
                        self.notice = None;
                    }
                    Err(e) => self.notice = Some(error_notice(&e)),
                }
            }
            Action::CloseCompare => self.compare = None,
            Action::Compare(command) => self.compare_command(command.clone())?,
            // The explorer's add buttons act on every copy while it is open.
            Action::AddConsumer | Action::AddProducer | Action::AddGroup if self.compare.is_some() => {
                let c = self.compare.as_ref()?;
                let view = c.data.views.first()?.clone();
                let command = add_command(action, &view)?;
                let setting = c.setting();
                if c.data.configs.first().is_some_and(|config| setting.adapt(&command, config).is_none()) {
                    // (A consumer added while comparing consumer counts.)
                    let (en, ko) = (compare_strings(Lang::En), compare_strings(Lang::Ko));
                    self.notice = Some(Notice {
                        en: fill(en.not_given, &[("setting", setting.name().to_string())]),
                        ko: fill(ko.not_given, &[("setting", setting.name().to_string())]),
                        error: true,
                    });
                } else {
                    self.compare_command(CompareCommand::Same(command))?;
                }
            }
            Action::Advance(n) if self.playing => self.compare.as_mut()?.advance(*n),
            Action::Advance(_) if self.compare.is_some() => return Some(self.clone()),
            Action::Step | Action::Forward => self.compare.as_mut()?.advance(1),
            // The shared timeline: every copy travels together.
            Action::SeekTo(t) => {
                self.compare.as_mut()?.seek(*t);
                self.playing = false;
            }
            Action::ContinueSeek => self.compare.as_mut()?.continue_seek(),
            Action::StepBack | Action::Backward => {
                self.compare.as_mut()?.step_back();
                self.playing = false;
            }
            Action::BackToLive => self.compare.as_mut()?.back_to_live(),
            _ => return None,
        }
        if self.compare.as_ref().is_some_and(CompareMode::seeking) {
            self.seek_slices += 1;
        }
        self.version += 1;
        Some(self.clone())
    }

    /// Gives compare mode's copies a command; refusals become the notice, one
    /// line per copy that refused. `None` outside compare mode.
    fn compare_command(&mut self, command: CompareCommand) -> Option<()> {
        let refusals = self.compare.as_mut()?.apply(command);
        self.notice = (!refusals.is_empty()).then(|| Notice {
            en: refusals.iter().map(|r| r.0.as_str()).collect::<Vec<_>>().join("; "),
            ko: refusals.iter().map(|r| r.1.as_str()).collect::<Vec<_>>().join("; "),
            error: true,
        });
        Some(())
    }

    /// Opens step `step` of `lesson`, paused at the step's start.
    fn open_lesson(&self, lesson: &'static course::Lesson, step: usize) -> Result<Self, SimError> {
        let player = Player::open(lesson, step)?;
        let config = Rc::new(lesson.config.clone());
        let mut s = Self::from_engine(Engine::Lesson(Box::new(player)), Vec::new(), config, None);
        self.carry_into(&mut s);
        s.copy_out();
        Ok(s)
    }

    /// Free play: a lesson in progress gives its cluster to the explorer, with
    /// the lesson's commands so far as the history. A no-op outside a lesson.
    fn leave_lesson(&mut self) {
        let player = match &*self.engine.borrow() {
            Engine::Lesson(p) => (**p).clone(),
            Engine::Free { .. } => return,
        };
        let start = Rc::new(player.lesson().config.clone());
        let history = player.commands_so_far();
        let engine = Engine::Free { cluster: Box::new(player.into_cluster()), start, history };
        self.engine = Rc::new(RefCell::new(engine));
        self.lesson = None;
        self.answer = None;
    }

    /// The lesson's id and step (from 0), if one is open.
    fn lesson_at(&self) -> Option<(&'static str, usize)> {
        self.lesson.as_ref().map(|l| (l.id, l.step))
    }

    /// After the engine moved: a lesson step that has played pauses the run and
    /// counts as done; then the view is refreshed.
    fn after_play(&mut self, events: Vec<Rc<Event>>) {
        if self.engine.borrow().step_done() {
            self.playing = false;
            if let Some((id, step)) = self.lesson_at() {
                if !self.progress.is_done(id, step) {
                    Rc::make_mut(&mut self.progress).mark(id, step);
                }
            }
        }
        self.refresh_with(events);
    }

    /// A new run from a scenario's text, replayed to its `duration_ms`
    /// (paused there, in free play), or the error `kafka-sim run` would print.
    fn import(&self, text: &str) -> Result<Self, Msg> {
        const WHAT: &str = "scenario.json";
        let refused = |en: &str, ko: &str| Msg {
            en: format!("{} {en}", strings(Lang::En).cfg_import_failed),
            ko: format!("{} {ko}", strings(Lang::Ko).cfg_import_failed),
        };
        let scenario = kafka_sim::json::scenario(text, WHAT, Lang::En).map_err(|en| {
            let ko = kafka_sim::json::scenario(text, WHAT, Lang::Ko).err().unwrap_or_else(|| en.clone());
            refused(&en, &ko)
        })?;
        let mut runner = Runner::new(&scenario).map_err(|e| {
            let e = error_notice(&e);
            refused(&format!("{WHAT}: {}", e.en), &format!("{WHAT}: {}", e.ko))
        })?;
        // The replay's events are not shown: record none, and drop the rest
        // every simulated second (as `kafka-sim run` does) so a long run
        // does not pile them up.
        runner.cluster.set_record_events(false);
        let mut t = 0;
        loop {
            t = (t + 1000).min(scenario.duration_ms);
            runner.run_until(t);
            runner.cluster.drain_events();
            if t >= scenario.duration_ms {
                break;
            }
        }
        runner.cluster.set_record_events(true);
        let now = runner.cluster.time_ms();
        // The script's commands applied so far (the runner's order): the history.
        let mut history: Vec<(u64, Command)> =
            scenario.script.iter().enumerate().filter_map(|(i, st)| Some((st.at_ms, st.command(i).ok()?))).collect();
        history.sort_by_key(|(t, _)| *t);
        history.retain(|(t, _)| *t <= now);
        let config = scenario.config();
        let mut n = self.restart_with(runner.cluster, config, None);
        if let Engine::Free { history: h, .. } = &mut *n.engine.borrow_mut() {
            *h = history;
        }
        n.playing = false;
        n.svg_view = n.view.clone();
        let t = kafka_sim::fixed::short(now as f64 / 1000.0);
        n.notice = Some(Notice {
            en: strings(Lang::En).cfg_imported.replace("{t}", &t),
            ko: strings(Lang::Ko).cfg_imported.replace("{t}", &t),
            error: false,
        });
        n.scenario_box = Rc::new(ScenarioBox {
            json: text.to_string(),
            exported: false,
            error: None,
            generation: self.scenario_box.generation.wrapping_add(1),
        });
        Ok(n)
    }

    /// Shows the run as it was at `t_ms` (time travel), pausing it; at or
    /// after the end of the history, the live run.
    /// A long seek (into thinned history, on a big cluster) runs in slices,
    /// one task each; the picture changes once it arrives.
    fn seek(&mut self, t_ms: u64) {
        let end = self.travel.borrow().timeline.end_ms();
        self.playing = false;
        if t_ms >= end {
            self.travel.borrow_mut().seeking = None;
            if self.travel.borrow().past.is_some() {
                self.back_to_live();
            } else {
                // A seek from the live run, given up: the slider comes back.
                let t = TimelineView::of(&self.travel.borrow(), self.view.time_ms, self.config.step_ms, None);
                self.timeline = Rc::new(t);
                self.version += 1;
            }
            return;
        }
        let shown = (self.log.clone(), self.data_log.clone());
        self.travel.borrow_mut().begin_seek(t_ms, &shown);
        self.continue_seek(false);
    }

    /// Whether a seek (compare mode's while it is open) is still replaying
    /// toward its target.
    pub fn seeking(&self) -> bool {
        match &self.compare {
            Some(c) => c.seeking(),
            None => self.travel.borrow().seeking.is_some(),
        }
    }

    /// Runs one slice of the seek in progress (all of it if `all`); once it
    /// arrives, its state is what is shown.
    fn continue_seek(&mut self, all: bool) {
        let steps = if all { u32::MAX } else { seek_slice(self.view.replica_count()) };
        let arrived = self.travel.borrow_mut().continue_seek(steps);
        let Some((cluster, rings)) = arrived else {
            if self.travel.borrow().seeking.is_some() {
                self.seek_slices += 1;
                let travel = self.travel.borrow();
                let t = TimelineView::of(&travel, self.view.time_ms, self.config.step_ms, Some(&self.timeline));
                self.timeline = Rc::new(t);
                self.version += 1;
            }
            return;
        };
        {
            let mut travel = self.travel.borrow_mut();
            let live = match travel.past.take() {
                Some(p) => p.live,
                None => (self.log.clone(), self.data_log.clone()),
            };
            travel.past = Some(Past { cluster: Box::new(cluster), live });
            (self.log, self.data_log) = rings;
        }
        self.refresh_shown(Vec::new(), false);
        self.svg_view = self.view.clone();
        self.svg_version += 1;
    }

    /// Back to the live run (the latest time), if looking at the past.
    fn back_to_live(&mut self) {
        let Some(past) = self.travel.borrow_mut().past.take() else { return };
        (self.log, self.data_log) = past.live;
        self.refresh_shown(Vec::new(), false);
        self.svg_view = self.view.clone();
        self.svg_version += 1;
    }

    /// Plays the past forward; reaching the end of the history is the live
    /// run again (the replay is exact, so nothing jumps).
    fn play_past(&mut self, steps: u32) {
        let events = self.travel.borrow_mut().play_past(steps);
        self.refresh_shown(events, false);
        let done = {
            let travel = self.travel.borrow();
            travel.past.as_ref().is_some_and(|p| p.cluster.time_ms() >= travel.timeline.end_ms())
        };
        if done {
            self.back_to_live();
        }
    }

    /// A command given while looking at the past forks the run there: the
    /// later history is discarded (timeline, the export's command list) and
    /// the past becomes the live run; in a lesson, the explorer takes over.
    /// Returns the notice to show, if any.
    fn fork_if_past(&mut self) -> Option<Notice> {
        self.travel.borrow().past.as_ref()?;
        let left = self.free_play_notice();
        let past = self.travel.borrow_mut().past.take()?;
        let t = past.cluster.time_ms();
        if let Engine::Free { cluster, history, .. } = &mut *self.engine.borrow_mut() {
            *cluster = past.cluster;
            history.retain(|(at, _)| *at <= t);
        }
        let forked = self.travel.borrow_mut().timeline.fork_at(t);
        let mut rings = (std::mem::take(&mut self.log), std::mem::take(&mut self.data_log));
        push_events(&mut rings, &[Rc::new(forked)]);
        (self.log, self.data_log) = rings;
        left
    }

    /// A command from the learner: forks first if the past is on screen,
    /// leaves a lesson first (free play), is kept in the history (refused
    /// ones too: replayed, they are refused again with the same event).
    fn command(&mut self, c: Command) -> (Result<(), SimError>, Option<Notice>) {
        let forked = self.fork_if_past();
        let left = self.free_play_notice().or(forked);
        let t = self.engine.borrow().cluster().time_ms();
        let result = self.engine.borrow_mut().apply(c.clone());
        if matches!(*self.engine.borrow(), Engine::Free { .. }) {
            self.travel.borrow_mut().timeline.command(t, c);
        }
        (result, left)
    }

    /// A free-play action during a lesson leaves the lesson first (the cluster
    /// carries over) and says so.
    fn free_play_notice(&mut self) -> Option<Notice> {
        self.lesson.as_ref()?;
        self.leave_lesson();
        Some(Notice {
            en: "You left the lesson: free play on the same cluster. Open the lesson again to go on.".into(),
            ko: "레슨을 벗어나 같은 클러스터에서 자유롭게 실험합니다. 이어 가려면 레슨을 다시 여세요.".into(),
            error: false,
        })
    }
}

/// Events as the rings and the flights keep them: shared, never copied.
fn shared(events: Vec<Event>) -> Vec<Rc<Event>> {
    events.into_iter().map(Rc::new).collect()
}

impl Reducible for AppState {
    type Action = Action;

    /// Every action, then the reproduction a panic would offer is kept up to
    /// date (`panic_overlay`): copied only when the commands changed.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Free play: a panic inside the coming ticks replays up to them (a
        // lesson's script is copied as applied, so it replays to the last update).
        let ticks = match action {
            Action::Advance(n) if self.playing => n,
            Action::Step => 1,
            _ => 0,
        };
        if ticks > 0 && matches!(*self.engine.borrow(), Engine::Free { .. }) {
            let now = self.engine.borrow().cluster().time_ms();
            crate::panic_overlay::until(now + u64::from(ticks) * self.config.step_ms);
        }
        let s = self.act(action);
        s.keep_reproduction();
        s
    }
}

impl AppState {
    fn keep_reproduction(&self) {
        let engine = self.engine.borrow();
        let now = engine.cluster().time_ms();
        crate::panic_overlay::until(now);
        match &*engine {
            Engine::Free { start, history, .. } => {
                crate::panic_overlay::keep((0, history.len(), 0), start, || history.clone())
            }
            // A lesson applies its script while it plays: follow its time.
            Engine::Lesson(p) => {
                let key = (p.lesson() as *const course::Lesson as usize, p.step_index(), now);
                crate::panic_overlay::keep(key, &self.config, || p.commands_so_far())
            }
        }
    }

    fn act(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Anything but scrubbing lands a seek in progress first (a command
        // then forks at the time the slider shows), as a state of its own:
        // the action then acts on it, early returns included.
        let scrubbing =
            matches!(action, Action::SeekTo(_) | Action::ContinueSeek | Action::StepBack | Action::Backward);
        if !scrubbing && self.travel.borrow().seeking.is_some() {
            let mut landed = (*self).clone();
            landed.continue_seek(true);
            return Rc::new(landed).act(action);
        }
        // Compare mode's seek likewise, and its opening replay before anything
        // that needs the copies where the learner is (play just waits for it).
        let needs_copies = matches!(
            action,
            Action::Compare(_)
                | Action::AddConsumer
                | Action::AddProducer
                | Action::AddGroup
                | Action::BackToLive
                | Action::Step
                | Action::Forward
        );
        let land = |c: &CompareMode| (!scrubbing && c.seeking_past()) || (needs_copies && c.opening());
        if self.compare.as_ref().is_some_and(land) {
            let mut landed = (*self).clone();
            if let Some(c) = landed.compare.as_mut() {
                c.land();
            }
            landed.version += 1;
            return Rc::new(landed).act(action);
        }
        let mut s = (*self).clone();
        if let Some(s) = s.compare_act(&action) {
            return Rc::new(s);
        }
        match action {
            Action::Advance(n) => {
                if !s.playing {
                    return self;
                }
                if s.travel.borrow().past.is_some() {
                    s.play_past(n);
                    return Rc::new(s);
                }
                let events = s.engine.borrow_mut().tick(n);
                s.after_play(events);
            }
            Action::Step => {
                if s.travel.borrow().past.is_some() {
                    s.play_past(1);
                    return Rc::new(s);
                }
                let events = s.engine.borrow_mut().tick(1);
                s.after_play(events);
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
                                // The simulator rebuilds; Kafka itself adds brokers live,
                                // changes RF with kafka-reassign-partitions and restarts
                                // clients with new settings. Only fewer partitions is impossible.
                                en: format!(
                                    "Restarted the scenario: the simulator builds a new cluster for changes to {}. A real Kafka cluster would change most of this while running (brokers join it, kafka-reassign-partitions changes the replication factor, clients restart with new settings); only removing partitions is impossible there too.",
                                    fields(&plan.restart)
                                ),
                                ko: format!(
                                    "시나리오를 처음부터 다시 시작했습니다: 시뮬레이터는 {} 항목이 바뀌면 클러스터를 새로 만듭니다. 실제 카프카 클러스터는 대부분 실행 중에 바꿀 수 있습니다(브로커는 실행 중인 클러스터에 합류하고, 복제 팩터는 kafka-reassign-partitions로 바꾸고, 클라이언트는 새 설정으로 다시 시작합니다). 파티션을 줄이는 것만은 카프카에서도 불가능합니다.",
                                    fields(&plan.restart)
                                ),
                                error: false,
                            });
                            s = n;
                        }
                        Err(e) => s.notice = Some(error_notice(&e)),
                    }
                } else {
                    let mut left = None;
                    let mut failed = None;
                    for c in plan.live {
                        let (result, notice) = s.command(c);
                        left = left.or(notice);
                        if let Err(e) = result {
                            failed = Some(e);
                        }
                    }
                    s.notice = Some(match &failed {
                        Some(e) => error_notice(e),
                        None => left.unwrap_or(Notice {
                            en: "Applied live, as Kafka would: no restart needed.".into(),
                            ko: "카프카처럼 실행 중에 바로 적용했습니다: 다시 시작할 필요가 없습니다.".into(),
                            error: false,
                        }),
                    });
                    s.config = Rc::new(config);
                    s.preset = None;
                    s.refresh();
                }
            }
            Action::Command(c) => {
                let (result, left) = s.command(c);
                s.notice = result.err().map(|e| error_notice(&e)).or(left);
                s.refresh();
            }
            Action::AddConsumer | Action::AddProducer | Action::AddGroup => {
                if let Some(c) = add_command(&action, &s.view) {
                    let (result, left) = s.command(c);
                    s.notice = result.err().map(|e| error_notice(&e)).or(left);
                    s.refresh();
                }
            }
            Action::SeekTo(t) => s.seek(t),
            Action::ContinueSeek => s.continue_seek(false),
            Action::StepBack => {
                let now = s.timeline.target_ms.unwrap_or(s.view.time_ms);
                s.seek(now.saturating_sub(s.config.step_ms));
            }
            Action::BackToLive => s.back_to_live(),
            Action::OpenLesson { id, step } => match course::lesson(id) {
                Some(l) => match s.open_lesson(l, step) {
                    Ok(n) => s = n,
                    Err(e) => s.notice = Some(error_notice(&e)),
                },
                None => return self,
            },
            Action::Answer(k) => {
                let asking = s.lesson.as_ref().is_some_and(|l| l.phase == Phase::Asking && k < l.choices.len());
                if !asking {
                    return self;
                }
                s.answer = Some(k);
                s.playing = true;
                s.copy_out();
                s.version += 1;
            }
            Action::PlayStep => match s.lesson.as_ref().map(|l| l.phase) {
                Some(Phase::Ready | Phase::Asking) => {
                    s.playing = true;
                    s.copy_out();
                    s.version += 1;
                }
                Some(Phase::Playing) => {
                    let events = s.engine.borrow_mut().finish_step();
                    s.after_play(events);
                }
                _ => return self,
            },
            Action::NextStep => {
                let Some((id, step)) = s.lesson_at() else { return self };
                let events = s.engine.borrow_mut().finish_step();
                s.after_play(events);
                let moved = match &mut *s.engine.borrow_mut() {
                    Engine::Lesson(p) => p.next_step(),
                    Engine::Free { .. } => false,
                };
                if moved {
                    s.answer = None;
                    s.playing = false;
                    s.refresh();
                } else if let Some(next) = course::lessons().iter().skip_while(|l| l.id != id).nth(1) {
                    // The last step: on to the next chapter.
                    match s.open_lesson(next, 0) {
                        Ok(n) => s = n,
                        Err(e) => s.notice = Some(error_notice(&e)),
                    }
                } else {
                    let _ = step;
                }
            }
            Action::BackStep | Action::RetryStep => {
                let Some((id, step)) = s.lesson_at() else { return self };
                let to = if matches!(action, Action::BackStep) { step.saturating_sub(1) } else { step };
                if let Some(l) = course::lesson(id) {
                    match s.open_lesson(l, to) {
                        Ok(n) => s = n,
                        Err(e) => s.notice = Some(error_notice(&e)),
                    }
                }
            }
            Action::FreePlay => {
                s.leave_lesson();
                s.playing = false;
                s.refresh();
            }
            Action::Forward => {
                let next = if s.lesson.is_some() { Action::NextStep } else { Action::Step };
                return self.reduce(next);
            }
            Action::Confirm => {
                let next = match s.lesson.as_ref().map(|l| l.phase) {
                    Some(Phase::Ready | Phase::Playing) => Action::PlayStep,
                    Some(Phase::Revealed) => Action::NextStep,
                    _ => return self,
                };
                return self.reduce(next);
            }
            Action::Backward => {
                // ←: the lesson step before; in free play, one simulation step back.
                let back = if s.lesson.is_some() { Action::BackStep } else { Action::StepBack };
                return self.reduce(back);
            }
            Action::Choose(n) => {
                if n == 0 {
                    return self;
                }
                return self.reduce(Action::Answer(n - 1));
            }
            Action::SetPlaying(on) => {
                let phase = s.lesson.as_ref().map(|l| l.phase);
                if on && phase == Some(Phase::Revealed) || s.playing == on {
                    return self;
                }
                s.playing = on;
                s.svg_view = s.view.clone();
                s.svg_version += 1;
                s.copy_out();
                s.version += 1;
            }
            Action::SetProgress(p) => {
                s.progress = Rc::new(p);
                s.version += 1;
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
            Action::SetResetForm(form) => {
                s.reset_form = Rc::new(form);
                s.copy_out();
                s.version += 1;
            }
            Action::DismissNotice => {
                s.notice = None;
                s.version += 1;
            }
            Action::ExportScenario => {
                let json = kafka_sim::json::write_scenario(&s.scenario());
                let generation = s.scenario_box.generation.wrapping_add(1);
                s.scenario_box = Rc::new(ScenarioBox { json, exported: true, error: None, generation });
                s.version += 1;
            }
            // Handled by `compare_act` before this match.
            Action::OpenCompare(_) | Action::CloseCompare | Action::Compare(_) => {}
            Action::ImportScenario(text) => match s.import(&text) {
                Ok(n) => s = n,
                Err(error) => {
                    let generation = s.scenario_box.generation.wrapping_add(1);
                    s.scenario_box =
                        Rc::new(ScenarioBox { json: text, exported: false, error: Some(error), generation });
                    s.version += 1;
                }
            },
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

    /// The reset form's dry run follows the selected member's group and the
    /// run; applying it while the group has members is refused with
    /// NON_EMPTY_GROUP, and goes through once every member has left.
    #[test]
    fn reset_preview_follows_the_form_and_the_group() {
        use crate::reset_form::{ResetForm, ResetKind};
        let s = (0..30).fold(state(), |s, _| s.reduce(Action::Step));
        let g = s.view.groups[0].clone();
        let member = g.members[0].id.clone();
        let s = s.reduce(Action::Select(Some(Selection::Member { group: g.id.clone(), member })));
        assert!(s.reset_preview.is_some(), "--to-earliest needs no input");
        let s = s.reduce(Action::SetResetForm(ResetForm { kind: ResetKind::Offset, input: "x".into() }));
        assert!(s.reset_preview.is_none(), "no spec, no dry run");
        let s = s.reduce(Action::SetResetForm(ResetForm { kind: ResetKind::Offset, input: "2".into() }));
        let p = s.reset_preview.clone().unwrap();
        assert_eq!(p.group, g.id);
        assert!(p.rows.iter().all(|r| r.new == 2.min(r.new_lag + r.new)));
        assert!(p.refusal.is_some(), "the group has members");
        let apply =
            || Action::Command(Command::ResetOffsets { group: g.id.clone(), spec: kafka_sim::ResetSpec::ToOffset(2) });
        let s = s.reduce(apply());
        assert!(s.notice.as_ref().unwrap().en.contains("NON_EMPTY_GROUP"), "{:?}", s.notice);
        let s = g.members.iter().fold(s, |s, m| {
            s.reduce(Action::Command(Command::RemoveConsumer {
                group: g.id.clone(),
                member: Some(m.id.clone()),
                graceful: true,
            }))
        });
        assert!(s.reset_preview.as_ref().unwrap().refusal.is_none(), "empty now");
        let s = s.reduce(apply());
        assert!(s.notice.is_none(), "{:?}", s.notice);
        let committed: Vec<_> = s.view.groups[0].partitions.iter().map(|p| p.committed).collect();
        assert!(committed.iter().all(|c| *c == Some(2)), "{committed:?}");
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
        let engine: Vec<LagSample> =
            s.engine.borrow().cluster().lag_history(&g.group).unwrap().iter().cloned().collect();
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
        let notable = next.last_events.iter().any(|e| crate::travel::logged(e) && !is_data(e));
        assert!(!notable, "a quiet step of the default preset: {:?}", next.last_events);
        assert!(Rc::ptr_eq(&s.log, &next.log));
        assert!(!Rc::ptr_eq(&s.data_log, &next.data_log), "records were produced");
    }

    fn play_out(s: Rc<AppState>) -> Rc<AppState> {
        let mut s = s;
        for _ in 0..2000 {
            if !s.playing {
                break;
            }
            s = s.reduce(Action::Advance(5));
        }
        s
    }

    /// A lesson step asks, plays after the answer, stops at its end and reveals
    /// the run's verdict; the step counts as done.
    #[test]
    fn a_lesson_step_asks_plays_and_reveals() {
        let lesson = course::lesson("ch2").unwrap();
        let k = lesson.steps.iter().position(|st| st.question.is_some()).unwrap();
        let s = state().reduce(Action::OpenLesson { id: "ch2", step: k });
        let l = s.lesson.clone().unwrap();
        assert_eq!((l.id, l.step, l.phase), ("ch2", k, Phase::Asking));
        assert!(!s.playing);
        let t0 = s.view.time_ms;
        let s = s.reduce(Action::Advance(3));
        assert_eq!(s.view.time_ms, t0, "nothing plays before the answer");
        let s = play_out(s.reduce(Action::Answer(1)));
        let l = s.lesson.clone().unwrap();
        assert_eq!(l.phase, Phase::Revealed);
        assert_eq!(s.view.time_ms, t0 + lesson.steps[k].play_ms, "the step stops at its end");
        assert_eq!(l.verdict(), Some(l.correct == Some(1)));
        assert!(s.progress.is_done("ch2", k));
        // The same step opened directly reveals the same outcome.
        let again = Player::open(lesson, k).unwrap().finish().clone();
        assert_eq!(l.correct, again.correct);
    }

    /// Next continues on the live run; back restores the step before exactly.
    #[test]
    fn next_and_back_move_between_exact_states() {
        let s = state().reduce(Action::OpenLesson { id: "ch2", step: 0 });
        let s = play_out(s.reduce(Action::PlayStep));
        let s = s.reduce(Action::NextStep);
        let l = s.lesson.clone().unwrap();
        assert_eq!((l.step, l.answer), (1, None));
        let direct = state().reduce(Action::OpenLesson { id: "ch2", step: 1 });
        assert_eq!(*s.view, *direct.view);
        let back = s.reduce(Action::BackStep);
        let first = state().reduce(Action::OpenLesson { id: "ch2", step: 0 });
        assert_eq!(back.lesson.as_ref().unwrap().step, 0);
        assert_eq!(*back.view, *first.view);
    }

    /// Free play keeps the lesson's cluster; a command during a lesson leaves it
    /// (and applies), saying so.
    #[test]
    fn free_play_carries_the_cluster_over() {
        let s = state().reduce(Action::OpenLesson { id: "ch2", step: 2 });
        let t = s.view.time_ms;
        let free = s.clone().reduce(Action::FreePlay);
        assert!(free.lesson.is_none());
        assert_eq!(free.view.time_ms, t);
        let free = free.reduce(Action::Step);
        assert_eq!(free.view.time_ms, t + 100, "the explorer's run goes on");
        let groups = s.view.groups.len();
        let s = s.reduce(Action::AddGroup);
        assert!(s.lesson.is_none());
        assert_eq!(s.view.groups.len(), groups + 1);
        assert!(s.notice.as_ref().unwrap().en.contains("left the lesson"));
    }

    /// An answer counts only while a question is open, and only for a choice
    /// that exists; an unknown lesson id opens nothing.
    #[test]
    fn answers_outside_a_question_are_ignored() {
        let s = state().reduce(Action::OpenLesson { id: "ch2", step: 0 });
        let v = s.version;
        let s = s.reduce(Action::Answer(0)).reduce(Action::Answer(9));
        assert_eq!(s.version, v);
        let bad = state().reduce(Action::OpenLesson { id: "nope", step: 0 });
        assert!(bad.lesson.is_none());
    }

    fn play(s: Rc<AppState>, ms: u64) -> Rc<AppState> {
        let mut s = if s.playing { s } else { s.reduce(Action::TogglePlay) };
        while s.view.time_ms < ms {
            s = s.reduce(Action::Advance(1));
        }
        s.reduce(Action::TogglePlay)
    }

    /// Scrubbing shows exactly what the live run showed then (view and event
    /// log), playing on from the past reaches the live run, and "back to
    /// live" returns to the latest time.
    #[test]
    fn scrubbing_shows_the_past_exactly_and_comes_back() {
        let s = play(state(), 4000);
        let at_4 = (s.view.clone(), s.log.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>());
        let s = play(s, 6000).reduce(Action::Command(Command::KillBroker { broker: 1 }));
        let s = play(s, 9000);
        let live = s.view.clone();
        let past = s.reduce(Action::SeekTo(4000));
        assert!(past.timeline.past && !past.playing);
        assert_eq!(past.view, at_4.0, "the view at 4 s");
        assert_eq!(past.log.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>(), at_4.1, "the event log at 4 s");
        assert_eq!(past.timeline.end_ms, 9000);
        assert!(past.timeline.marks.iter().any(|m| m.kind == kafka_sim::timeline::MarkKind::Crash && m.t_ms == 6000));
        // Played on, the past becomes the live run again, with the kill replayed.
        let on = play(past.clone(), 9000);
        assert!(!on.timeline.past);
        assert_eq!(on.view, live);
        // (States share the engine and the history: each reduces the newest.)
        let back = on.reduce(Action::SeekTo(4000)).reduce(Action::BackToLive);
        assert!(!back.timeline.past);
        assert_eq!(back.view, live);
    }

    /// Compare mode starts from the learner's run (its commands replayed
    /// into every copy up to the time shown) and its copies travel in time
    /// together on one timeline: a seek shows all of them then, ← steps
    /// back, and a command there forks every copy.
    #[test]
    fn compare_starts_from_the_run_and_its_copies_travel_together() {
        use crate::compare_mode::CompareCommand;
        use kafka_sim::compare::Setting;
        let s = play(state(), 3000).reduce(Action::Command(Command::KillBroker { broker: 1 }));
        let mut s = play(s, 15_000).reduce(Action::OpenCompare(Setting::Acks));
        // 150 steps of three copies: replayed in slices, one task each; play
        // waits meanwhile.
        assert!(s.seeking() && s.compare.as_ref().unwrap().data.opening);
        let at = s.compare.as_ref().unwrap().data.time_ms;
        assert!(at > 0 && at < 15_000, "{at}");
        s = s.reduce(Action::TogglePlay).reduce(Action::Advance(1)).reduce(Action::TogglePlay);
        assert_eq!(s.compare.as_ref().unwrap().data.time_ms, at, "play waits for the copies");
        while s.seeking() {
            s = s.reduce(Action::ContinueSeek);
        }
        let c = s.compare.as_ref().unwrap();
        assert!(!c.data.opening);
        assert_eq!((c.data.time_ms, c.data.replayed), (15_000, (1, 0, 15_000)));
        assert!(c.data.views.iter().all(|v| !v.brokers[0].alive), "the kill was replayed in every copy");
        assert!(c.timeline.marks.iter().filter(|m| m.kind == kafka_sim::timeline::MarkKind::Crash).count() == 3);
        let mut s = s.reduce(Action::TogglePlay);
        while s.compare.as_ref().unwrap().data.time_ms < 19_000 {
            s = s.reduce(Action::Advance(1));
        }
        let live = s.compare.as_ref().unwrap().data.clone();
        let mut s = s.reduce(Action::SeekTo(2000));
        while s.seeking() {
            s = s.reduce(Action::ContinueSeek);
        }
        let c = s.compare.as_ref().unwrap();
        assert!(!s.playing && c.timeline.past);
        assert_eq!((c.data.time_ms, c.timeline.end_ms), (2000, 19_000));
        assert!(c.data.views.iter().all(|v| v.brokers[0].alive), "broker 1 was alive at 2 s");
        let s = s.reduce(Action::Backward);
        assert_eq!(s.compare.as_ref().unwrap().data.time_ms, 1900);
        // Back to live shows the live copies unchanged.
        let s = s.reduce(Action::BackToLive);
        assert_eq!(*s.compare.as_ref().unwrap().data, *live);
        // A command in the past forks every copy there, landing a seek that
        // is still under way first (4.9 s: 49 steps of three copies).
        let s = s.reduce(Action::SeekTo(4900));
        assert!(s.seeking());
        let s = s.reduce(Action::Compare(CompareCommand::KillBroker(2)));
        let c = s.compare.as_ref().unwrap();
        assert!(!c.timeline.past && !s.seeking());
        assert_eq!((c.data.time_ms, c.timeline.end_ms, (*c.timeline.forks).clone()), (4900, 4900, vec![4900]));
        assert!(c.data.views.iter().all(|v| !v.brokers[0].alive && !v.brokers[1].alive), "both kills");
    }

    /// Compare starts from the run's start configuration and replays every
    /// command since, including those a live config change gave (the config
    /// panel's "applied live"), so nothing is applied twice.
    #[test]
    fn compare_replays_live_config_changes_once() {
        use kafka_sim::compare::Setting;
        let s = play(state(), 1000);
        let mut live = (*s.config).clone();
        live.groups[0].consumers += 1;
        let s = s.reduce(Action::ApplyConfig(live));
        assert!(s.notice.as_ref().unwrap().en.contains("Applied live"), "{:?}", s.notice);
        let s = play(s, 2000);
        let members = s.view.groups[0].members.len();
        let mut s = s.reduce(Action::OpenCompare(Setting::Acks));
        while s.seeking() {
            s = s.reduce(Action::ContinueSeek);
        }
        let c = s.compare.as_ref().unwrap();
        assert_eq!(c.data.time_ms, 2000);
        let copies: Vec<usize> = c.data.views.iter().map(|v| v.groups[0].members.len()).collect();
        assert_eq!(copies, [members; 3], "the added member once, not on top of a changed start");
    }

    /// The explorer's add buttons act on every copy while compare mode is
    /// open, each copy getting its own value of the setting.
    #[test]
    fn add_buttons_act_on_every_copy_in_compare_mode() {
        use kafka_sim::compare::Setting;
        let s = state().reduce(Action::OpenCompare(Setting::Acks));
        let producers = s.view.producers.len();
        let s = s.reduce(Action::AddProducer).reduce(Action::AddConsumer);
        assert_eq!(s.view.producers.len(), producers, "the hidden explorer is left alone");
        let c = s.compare.as_ref().unwrap();
        let acks: Vec<&str> = c.data.views.iter().map(|v| v.producers.last().unwrap().acks).collect();
        assert_eq!(acks, ["0", "1", "all"]);
        assert!(c.data.views.iter().all(|v| v.producers.len() == producers + 1));
        let members = |v: &ClusterView| v.groups[0].members.len();
        assert!(c.data.views.iter().all(|v| members(v) == members(&s.view) + 1), "a consumer joined everywhere");
        assert!(s.notice.is_none());
    }

    /// Comparing consumer counts, "+ consumer" would change the compared
    /// setting: it is not given, and the notice says why.
    #[test]
    fn a_consumer_is_not_added_while_comparing_consumer_counts() {
        use kafka_sim::compare::Setting;
        let s = state().reduce(Action::OpenCompare(Setting::Consumers));
        let before: Vec<usize> =
            s.compare.as_ref().unwrap().data.views.iter().map(|v| v.groups[0].members.len()).collect();
        let s = s.reduce(Action::AddConsumer);
        let after: Vec<usize> =
            s.compare.as_ref().unwrap().data.views.iter().map(|v| v.groups[0].members.len()).collect();
        assert_eq!(before, after);
        let n = s.notice.as_ref().expect("a notice");
        assert!(n.en.contains("(consumers)") && n.ko.contains("(consumers)을"), "{n:?}");
    }

    /// On a big cluster a seek runs in slices (one task each), the slider
    /// showing the target meanwhile; drags forward replay from the past on
    /// screen. Every landing is the exact state; any other action lands a
    /// seek in progress first.
    #[test]
    fn long_seeks_run_in_slices_and_land_exactly() {
        let stress = || Rc::new(AppState::new(Preset::Stress.config(3), Some(Preset::Stress)).unwrap());
        let at = |ms| play(stress(), ms).view.clone();
        let (at_4900, at_3000) = (at(4900), at(3000));
        let s = play(stress(), 12_000);
        let slice = u64::from(seek_slice(s.view.replica_count())) * s.config.step_ms;
        assert!(slice < 4900, "this test needs seeks longer than a slice ({slice} ms)");
        let mut s = s.reduce(Action::SeekTo(4900));
        let mut slices = 0;
        while s.seeking() {
            assert_eq!(s.timeline.target_ms, Some(4900), "the slider stays at the target");
            assert_eq!(s.view.time_ms, 12_000, "the picture waits for the landing");
            s = s.reduce(Action::ContinueSeek);
            slices += 1;
        }
        assert_eq!(slices, 4900 / slice, "one task per {slice} ms replayed");
        assert_eq!((s.view.clone(), s.timeline.target_ms), (at_4900.clone(), None));
        // Forward by less than a slice inside one snapshot interval: from the
        // past on screen (the snapshot at 0 s is 30 steps away), in one go.
        let step = s.config.step_ms;
        let s = s.reduce(Action::SeekTo(3000));
        let s = (0..10).fold(s, |s, _| if s.seeking() { s.reduce(Action::ContinueSeek) } else { s });
        assert_eq!(s.view, at_3000);
        let s = s.reduce(Action::SeekTo(3000 + slice - step));
        assert!(!s.seeking(), "replayed from 3 s, not from the snapshot at 0 s");
        assert_eq!(s.view, at(3000 + slice - step));
        // A selection while a seek is under way lands it first.
        let s = s.reduce(Action::SeekTo(3000));
        assert!(s.seeking());
        let s = s.reduce(Action::Select(None));
        assert!(!s.seeking());
        assert_eq!(s.view, at_3000);
        // An action that changes nothing else (Advance while paused) still
        // shows the landed seek, not the picture before it.
        let s = s.reduce(Action::SeekTo(8000)).reduce(Action::SeekTo(1900));
        assert!(s.seeking());
        let s = s.reduce(Action::Advance(1));
        assert!(!s.seeking() && s.timeline.target_ms.is_none());
        assert_eq!(s.view, at(1900));
        // Given up by dragging back to the end: live, the slider there too.
        let s = s.reduce(Action::BackToLive).reduce(Action::SeekTo(1900));
        assert!(s.seeking());
        let s = s.reduce(Action::SeekTo(12_000));
        assert!(!s.seeking() && !s.timeline.past);
        assert_eq!((s.timeline.target_ms, s.view.time_ms), (None, 12_000));
    }

    /// A command given while looking at the past forks the run there: later
    /// history goes, the log says so, and the export replays the new run.
    #[test]
    fn acting_in_the_past_forks_the_run() {
        let s = play(state(), 3000);
        let s = s.reduce(Action::Command(Command::KillBroker { broker: 2 }));
        let s = play(s, 8000);
        let s = s.reduce(Action::SeekTo(2000));
        let s = s.reduce(Action::Command(Command::KillBroker { broker: 1 }));
        assert!(!s.timeline.past);
        assert_eq!((s.view.time_ms, s.timeline.end_ms), (2000, 2000));
        assert_eq!(s.timeline.forks.as_slice(), &[2000]);
        assert!(s.log.iter().any(|e| matches!(e.kind, kafka_sim::EventKind::Forked { at_ms: 2000 })));
        let scenario = s.scenario();
        let kills: Vec<(u64, &str)> = scenario.script.iter().map(|st| (st.at_ms, st.action.name())).collect();
        assert_eq!(kills, vec![(2000, "kill_broker")], "the kill at 3 s is gone, the new one is kept");
        let s = play(s, 5000);
        assert!(!s.view.brokers[0].alive && s.view.brokers[1].alive, "broker 1 was killed at 2 s, broker 2 never");
    }

    /// The keys map onto the lesson when one is open, and onto the run otherwise.
    #[test]
    fn keys_follow_the_lesson_or_the_run() {
        let free = state().reduce(Action::Forward);
        assert_eq!(free.view.time_ms, 100, "→ steps the run in free play");
        let back = free.clone().reduce(Action::Backward);
        assert_eq!((back.view.time_ms, back.timeline.past), (0, true), "← steps back in time in free play");
        let lesson = course::lesson("ch2").unwrap();
        let k = lesson.steps.iter().position(|st| st.question.is_some()).unwrap();
        let s = state().reduce(Action::OpenLesson { id: "ch2", step: k });
        assert_eq!(s.clone().reduce(Action::Choose(0)).version, s.version, "0 is no choice");
        let s = s.reduce(Action::Choose(2));
        assert_eq!(s.lesson.as_ref().unwrap().answer, Some(1));
        // (The engine is shared between states: each reduces the newest one.)
        let s = s.reduce(Action::Confirm);
        assert_eq!(s.lesson.as_ref().unwrap().phase, Phase::Revealed, "Enter finishes the playing step");
        let s = s.reduce(Action::Confirm);
        assert_eq!(s.lesson.as_ref().unwrap().step, k + 1, "Enter on a reveal goes on");
        let s = s.reduce(Action::Backward);
        assert_eq!(s.lesson.as_ref().unwrap().step, k, "← goes back");
        let s = s.reduce(Action::Forward);
        assert_eq!(s.lesson.as_ref().unwrap().step, k + 1, "→ goes to the next step");
    }

    /// The host page's play starts a lesson step; pause stops it.
    #[test]
    fn host_play_and_pause() {
        let s = state().reduce(Action::OpenLesson { id: "ch2", step: 0 });
        let s = s.reduce(Action::SetPlaying(true));
        assert!(s.playing);
        assert_eq!(s.lesson.as_ref().unwrap().phase, Phase::Playing);
        let s = s.reduce(Action::SetPlaying(false));
        assert!(!s.playing);
    }

    /// Replays `s`'s export (through its JSON text, as `kafka-sim run` reads
    /// it) and checks it reaches the app's offsets, HW and committed offsets.
    fn assert_export_replays(s: &AppState) -> Scenario {
        let scenario = s.scenario();
        let json = kafka_sim::json::write_scenario(&scenario);
        let read = kafka_sim::json::scenario(&json, "x", Lang::En).expect("an export reads back");
        assert_eq!(read, scenario);
        let mut replay = Runner::new(&read).unwrap();
        replay.run_until(read.duration_ms);
        let (app, cli) = (s.summary(), Summary::of(&replay.cluster));
        assert_eq!(cli.t_ms, s.view.time_ms);
        assert_eq!(cli, app);
        scenario
    }

    /// Free-play commands (buttons, commands, live config changes) are kept
    /// with their times; the export replays to the same state.
    #[test]
    fn a_free_play_run_exports_as_a_scenario_that_replays_it() {
        let steps = |s: Rc<AppState>, n: usize| (0..n).fold(s, |s, _| s.reduce(Action::Step));
        let s = steps(state(), 12).reduce(Action::AddConsumer);
        let mut live = (*s.config).clone();
        live.topics[0].partitions = 4;
        live.topics[0].config.segment_bytes = 2048;
        live.producers[0].rate_per_s = 20.0;
        let s = steps(s, 9).reduce(Action::ApplyConfig(live));
        let s = steps(s, 7).reduce(Action::Command(Command::KillBroker { broker: 1 }));
        // Refused: not in the history.
        let s = s.reduce(Action::Command(Command::KillBroker { broker: 99 }));
        assert!(s.notice.as_ref().unwrap().error);
        let s = steps(s.reduce(Action::AddGroup), 40);
        let scenario = assert_export_replays(&s);
        let done: Vec<(u64, &str)> = scenario.script.iter().map(|st| (st.at_ms, st.action.name())).collect();
        assert_eq!(
            done,
            [
                (1200, "add_consumer"),
                (2100, "add_partitions"),
                (2100, "set_topic_config"),
                (2100, "set_producer_rate"),
                (2800, "kill_broker"),
                (2800, "add_group")
            ]
        );
        assert_eq!((scenario.seed, scenario.duration_ms), (7, 6800));
        assert_eq!(scenario.topics[0].partitions, 3, "the configuration the run started from");
        assert_eq!(s.config.topics[0].partitions, 4, "state.config follows the live change");
        assert!(s.summary().groups[0].offsets.iter().any(|o| o.committed.is_some_and(|c| c > 0)));
        // A restart starts a new run: no history.
        let s = s.reduce(Action::Reset);
        let fresh = s.scenario();
        assert!(fresh.script.is_empty() && fresh.duration_ms == 0);
        assert_eq!(fresh.topics[0].partitions, 4, "the reset restarts from state.config");
    }

    /// Leaving a lesson keeps the lesson's commands so far as the history.
    #[test]
    fn a_run_continued_from_a_lesson_exports_exactly() {
        let lesson = course::lesson("ch2").unwrap();
        let s = state().reduce(Action::OpenLesson { id: "ch2", step: lesson.steps.len() - 1 });
        let s = play_out(match s.lesson.as_ref().unwrap().phase {
            Phase::Asking => s.reduce(Action::Answer(0)),
            _ => s.reduce(Action::PlayStep),
        });
        let in_lesson = assert_export_replays(&s);
        assert!(in_lesson.script.len() >= 2, "{:?}", in_lesson.script);
        assert_eq!(in_lesson.config(), lesson.config);
        let s = s.reduce(Action::FreePlay).reduce(Action::Step).reduce(Action::AddProducer);
        let s = (0..15).fold(s, |s, _| s.reduce(Action::Step));
        let free = assert_export_replays(&s);
        assert_eq!(free.script[..in_lesson.script.len()], in_lesson.script[..]);
        assert_eq!(free.script.last().unwrap().action.name(), "add_producer");
        // ch3's fifth step isolates broker 3 at its start: opened there, nothing
        // has applied it yet, in the lesson or after leaving it.
        let s = state().reduce(Action::OpenLesson { id: "ch3", step: 4 });
        let at_start = assert_export_replays(&s);
        let s = steps_of(s.reduce(Action::FreePlay).reduce(Action::AddGroup), 30);
        let free = assert_export_replays(&s);
        assert_eq!(free.script[..at_start.script.len()], at_start.script[..]);
        assert!(!free.script.iter().any(|st| st.action.name() == "isolate_broker"), "{:?}", free.script);
        let s = state().reduce(Action::OpenLesson { id: "ch3", step: 4 }).reduce(Action::PlayStep);
        let s = s.reduce(Action::Advance(1));
        assert!(assert_export_replays(&s).script.iter().any(|st| st.action.name() == "isolate_broker"));
    }

    /// A lesson's commands enter the history as its player applies them,
    /// each once, at its time (those before the opened step are part of the
    /// first snapshot).
    #[test]
    fn a_lessons_commands_are_recorded_once_as_it_applies_them() {
        let s = state().reduce(Action::OpenLesson { id: "ch3", step: 4 });
        let before = match &*s.engine.borrow() {
            Engine::Lesson(p) => p.commands_so_far().len(),
            Engine::Free { .. } => unreachable!("a lesson is open"),
        };
        let s = (0..20).fold(s.reduce(Action::PlayStep), |s, _| s.reduce(Action::Advance(1)));
        let recorded = s.travel.borrow().timeline.commands().to_vec();
        let all = match &*s.engine.borrow() {
            Engine::Lesson(p) => p.commands_so_far(),
            Engine::Free { .. } => unreachable!("still in the lesson"),
        };
        assert_eq!(recorded, all[before..]);
        assert!(recorded.iter().any(|(_, c)| matches!(c, Command::IsolateBroker { .. })), "{recorded:?}");
    }

    fn steps_of(s: Rc<AppState>, n: usize) -> Rc<AppState> {
        (0..n).fold(s, |s, _| s.reduce(Action::Step))
    }

    /// Export fills the box; a valid import replays to the exported moment
    /// (and exports the same scenario again).
    #[test]
    fn export_then_import_lands_at_the_same_moment() {
        let s = (0..30).fold(state().reduce(Action::AddGroup), |s, _| s.reduce(Action::Step));
        let s = s.reduce(Action::ExportScenario);
        let json = s.scenario_box.json.clone();
        assert!(s.scenario_box.exported && s.scenario_box.error.is_none());
        assert!(json.contains("\"seed\": 7") && json.contains("\"do\": \"add_group\""), "{json}");
        let other = state().reduce(Action::SetSeed(3)).reduce(Action::OpenLesson { id: "ch2", step: 1 });
        let imported = other.reduce(Action::ImportScenario(json.clone()));
        assert!(imported.lesson.is_none() && !imported.playing);
        assert_eq!(imported.scenario_box.error, None);
        assert!(imported.notice.as_ref().unwrap().en.contains("to 3 s"), "{:?}", imported.notice);
        assert_eq!(imported.view.time_ms, 3000);
        assert_eq!(imported.summary(), s.summary());
        assert_eq!(*imported.config, *s.config);
        assert_eq!(imported.scenario(), s.scenario(), "the history is the script");
    }

    /// A bad file says what `kafka-sim run` says and changes nothing else.
    #[test]
    fn a_bad_import_shows_the_error_and_keeps_the_run() {
        let s = (0..10).fold(state(), |s, _| s.reduce(Action::Step));
        let good = kafka_sim::json::write_scenario(&s.scenario());
        for (text, en, ko) in [
            (
                good.replacen("\"seed\"", "\"colour\": 1, \"seed\"", 1),
                "scenario.json: at colour: unknown field `colour`, expected one of",
                "가져오지 않았습니다",
            ),
            (
                good.replacen("\"name\"", "\"colour\": 1, \"name\"", 1),
                "scenario.json: at topics[0].colour: unknown field `colour`",
                "at topics[0].colour",
            ),
            ("{\"seed\": 1,".to_string(), "scenario.json: invalid JSON: EOF while parsing", "invalid JSON"),
            (
                good.replacen("\"brokers\": 3", "\"brokers\": 0", 1),
                "scenario.json: brokers: ",
                "scenario.json: brokers: ",
            ),
            ("[]".to_string(), "expected an object", "expected an object"),
        ] {
            let before = s.summary();
            let bad = s.clone().reduce(Action::ImportScenario(text.clone()));
            let e = bad.scenario_box.error.clone().unwrap_or_else(|| panic!("refused: {text}"));
            assert!(e.en.starts_with("Not imported; the run is unchanged. "), "{}", e.en);
            assert!(e.en.contains(en), "{} / {en}", e.en);
            assert!(e.ko.contains(ko), "{} / {ko}", e.ko);
            assert_eq!(bad.scenario_box.json, text, "the text stays to be fixed");
            assert_eq!((bad.view.time_ms, bad.summary()), (1000, before));
            assert_eq!(bad.scenario(), s.scenario());
        }
        let e = s.clone().reduce(Action::ImportScenario(good.replacen("\"brokers\": 3", "\"brokers\": 0", 1)));
        let e = e.scenario_box.error.clone().unwrap();
        assert_ne!(e.en, e.ko, "the validation message is in each language");
    }

    /// While a step plays, its panel data is kept (the same `Rc`): the texts
    /// are rendered when the step opens and when it is revealed, not per tick.
    #[test]
    fn a_playing_step_keeps_its_panel_data() {
        let s = state().reduce(Action::OpenLesson { id: "ch2", step: 0 }).reduce(Action::PlayStep);
        let before = s.lesson.clone().unwrap();
        assert_eq!(before.phase, Phase::Playing);
        let s = s.reduce(Action::Advance(3));
        assert!(Rc::ptr_eq(&before, s.lesson.as_ref().unwrap()));
        let s = play_out(s);
        assert_eq!(s.lesson.as_ref().unwrap().phase, Phase::Revealed);
    }

    /// Compare mode takes the play loop's steps; the explorer's cluster waits,
    /// and a reset restarts the copies on the same setting.
    #[test]
    fn compare_mode_plays_its_copies_and_closes() {
        use kafka_sim::compare::Setting;
        let s = state().reduce(Action::OpenCompare(Setting::Acks));
        let c = s.compare.as_ref().expect("open");
        assert_eq!((c.setting(), c.data.strips.len()), (Setting::Acks, 3));
        let s = s.reduce(Action::TogglePlay).reduce(Action::Advance(5)).reduce(Action::Step);
        assert_eq!(s.compare.as_ref().unwrap().data.time_ms, 600);
        assert_eq!(s.view.time_ms, 0, "the explorer's cluster does not move");
        let s = s.reduce(Action::Reset);
        assert_eq!(s.compare.as_ref().map(|c| (c.setting(), c.data.time_ms)), Some((Setting::Acks, 0)));
        let s = s.reduce(Action::CloseCompare).reduce(Action::Step);
        assert!(s.compare.is_none());
        assert_eq!(s.view.time_ms, 100);
    }
}
