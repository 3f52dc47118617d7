//! Compare mode's state in the app (issue 15): the engine's
//! [`Comparison`] in a private `RefCell` (ticked in place, as the explorer's
//! cluster is) and the plain data the compare view draws, copied out after
//! every change. Pure Rust, tested natively.

use crate::layout::Topology;
use crate::travel::{seek_slice, Shown, TimelineView};
use kafka_sim::compare::{strips, CompareReplay, Comparison, Run, Script, Setting, Strip};
use kafka_sim::error::SimError;
use kafka_sim::view::ClusterView;
use kafka_sim::{Command, Lang};
use std::cell::RefCell;
use std::rc::Rc;

/// A command of compare mode's bar (resolved in each copy by the engine).
pub use kafka_sim::compare::CopyCommand as CompareCommand;

/// What the compare view draws: one entry per copy.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareData {
    pub setting: Setting,
    /// The time shown (the past's while the learner looks at it).
    pub time_ms: u64,
    pub strips: Vec<Strip>,
    pub views: Vec<Rc<ClusterView>>,
    /// The learner's run the copies started from: commands replayed, those
    /// left out (they set the compared setting) and the time replayed to.
    pub replayed: (usize, usize, u64),
    /// Whether that replay is still under way (the copies are at `time_ms`).
    pub opening: bool,
    /// Each copy's configuration (what its stage's explanations quote).
    pub configs: Rc<Vec<Rc<kafka_sim::ClusterConfig>>>,
}

/// The copies, the past on screen and a seek under way.
struct Inner {
    engine: Comparison,
    /// The learner's run still being replayed into the copies (in slices).
    opening: Option<Script>,
    past: Option<Vec<Run>>,
    seeking: Option<CompareReplay>,
}

/// Compare mode: the copies, their history and their picture.
#[derive(Clone)]
pub struct CompareMode {
    inner: Rc<RefCell<Inner>>,
    pub data: Rc<CompareData>,
    /// The shared timeline: every copy's marks and bands on one track.
    pub timeline: Rc<TimelineView>,
    step_ms: u64,
    /// The copies' stage layouts for the views shown, at the width asked
    /// for last (so an update that did not change a copy re-renders nothing).
    layouts: Rc<RefCell<Layouts>>,
}

/// Per copy: the view and width a layout was made for (the view is kept, so
/// comparing pointers cannot meet a new view at a freed one's address).
type Layouts = Vec<Option<(Rc<ClusterView>, u64, Rc<Topology>)>>;

impl CompareMode {
    /// Copies of `base` differing in `setting`, each given `script` (the
    /// learner's commands) up to `until_ms`; or why that cannot be compared.
    pub fn open(
        setting: Setting,
        base: &kafka_sim::ClusterConfig,
        script: &[(u64, Command)],
        until_ms: u64,
    ) -> Result<Self, SimError> {
        let mut c = Comparison::new(setting, base)?;
        // No records in flight are drawn here: skip the per-record events.
        c.set_record_events(false);
        let configs = Rc::new(c.runs().iter().map(|r| Rc::new(r.cluster.config().clone())).collect());
        let script = Script::new(script, until_ms);
        let replayed = (script.len(), 0, until_ms);
        let inner = Inner { engine: c, opening: Some(script), past: None, seeking: None };
        let mut m = Self {
            inner: Rc::new(RefCell::new(inner)),
            data: Rc::new(CompareData {
                setting,
                time_ms: 0,
                strips: Vec::new(),
                views: Vec::new(),
                replayed,
                opening: true,
                configs,
            }),
            timeline: Rc::new(TimelineView::empty(base.step_ms)),
            step_ms: base.step_ms,
            layouts: Rc::default(),
        };
        m.refresh();
        // The first slice now; the rest in later tasks (`continue_seek`).
        m.continue_seek();
        Ok(m)
    }

    /// Finishes what is under way at once: the opening replay, then a seek
    /// (its target becomes the past on screen), so an action acts where the
    /// learner sees the copies going.
    pub fn land(&mut self) {
        self.finish_opening();
        let landed = self.inner.borrow_mut().seeking.take().map(|mut r| {
            r.run(u32::MAX);
            r.into_runs()
        });
        if let Some(runs) = landed {
            self.inner.borrow_mut().past = Some(runs);
            self.refresh();
        }
    }

    /// Replays the rest of the learner's run at once (before anything that
    /// needs the copies where they will be).
    fn finish_opening(&mut self) {
        let opened = {
            let mut guard = self.inner.borrow_mut();
            let i = &mut *guard;
            i.opening.take().map(|mut s| {
                i.engine.replay_script(&mut s, u32::MAX);
                s.left_out()
            })
        };
        if let Some(left_out) = opened {
            self.opened(left_out);
        }
    }

    fn opened(&mut self, left_out: usize) {
        let (n, _, until) = self.data.replayed;
        self.data = Rc::new(CompareData { replayed: (n, left_out, until), opening: false, ..(*self.data).clone() });
        self.refresh();
    }

    pub fn setting(&self) -> Setting {
        self.data.setting
    }

    /// `n` steps of every copy (of the past on screen, which becomes the
    /// live copies again at the end of the history), then a fresh picture.
    pub fn advance(&mut self, n: u32) {
        if self.inner.borrow().opening.is_some() {
            // The copies are not where the learner is yet: play waits.
            return;
        }
        self.land();
        {
            let mut guard = self.inner.borrow_mut();
            let i = &mut *guard;
            match i.past.as_mut() {
                Some(past) => {
                    i.engine.play_past(past, n);
                    if past.first().is_none_or(|r| r.cluster.time_ms() >= i.engine.end_ms()) {
                        i.past = None;
                    }
                }
                None => (0..n).for_each(|_| i.engine.tick()),
            }
        }
        self.refresh();
    }

    /// Gives every copy the command (forking them first if the past is on
    /// screen); the refusals as (en, ko) lines, one per copy that refused,
    /// each led by the copy's label.
    pub fn apply(&mut self, command: CompareCommand) -> Vec<(String, String)> {
        self.land();
        let results = {
            let mut i = self.inner.borrow_mut();
            if let Some(past) = i.past.take() {
                i.engine.fork(past);
            }
            i.engine.apply_each(|cluster| command.commands(cluster))
        };
        self.refresh();
        results
            .iter()
            .zip(&self.data.strips)
            .filter_map(|(r, s)| {
                let e = r.as_ref().err()?;
                Some((
                    format!("{}: {}", s.label_en, e.message(Lang::En)),
                    format!("{}: {}", s.label_ko, e.message(Lang::Ko)),
                ))
            })
            .collect()
    }

    /// Shows every copy as it was at `t_ms` (the live copies at or after the
    /// end of the history). A long seek runs in slices: see
    /// [`CompareMode::continue_seek`].
    pub fn seek(&mut self, t_ms: u64) {
        self.finish_opening();
        {
            let mut guard = self.inner.borrow_mut();
            let i = &mut *guard;
            if t_ms >= i.engine.end_ms() {
                (i.past, i.seeking) = (None, None);
            } else {
                i.seeking = Some(i.engine.replay_to(t_ms, i.past.as_deref()));
            }
        }
        self.continue_seek();
    }

    /// One slice of the seek (or the opening replay) under way; a seek's
    /// picture changes once it lands, the opening's after every slice.
    pub fn continue_seek(&mut self) {
        let replicas: usize = self.data.views.iter().map(|v| v.replica_count()).sum();
        let opening = {
            let mut guard = self.inner.borrow_mut();
            let i = &mut *guard;
            // Nothing is drawn between these slices: three times a seek's.
            i.opening.as_mut().map(|s| (i.engine.replay_script(s, 3 * seek_slice(replicas)), s.left_out()))
        };
        match opening {
            Some((true, left_out)) => {
                self.inner.borrow_mut().opening = None;
                return self.opened(left_out);
            }
            // Only the progress moves: the copies are drawn once they arrive.
            Some((false, _)) => {
                let time_ms = self.inner.borrow().engine.time_ms();
                self.data = Rc::new(CompareData { time_ms, ..(*self.data).clone() });
                return self.refresh_timeline();
            }
            None => {}
        }
        {
            let mut i = self.inner.borrow_mut();
            let Some(replay) = i.seeking.as_mut() else {
                drop(i);
                return self.refresh();
            };
            if !replay.run(seek_slice(replicas)) {
                drop(i);
                return self.refresh_timeline();
            }
            let runs = i.seeking.take().map(CompareReplay::into_runs);
            i.past = runs;
        }
        self.refresh();
    }

    /// One step before the time shown (or the seek's target).
    pub fn step_back(&mut self) {
        self.finish_opening();
        let now = self.timeline.target_ms.unwrap_or(self.data.time_ms);
        if now > self.timeline.start_ms {
            self.seek(now.saturating_sub(self.step_ms));
        }
    }

    pub fn back_to_live(&mut self) {
        self.finish_opening();
        let end = self.inner.borrow().engine.end_ms();
        self.seek(end);
    }

    /// Copy `k`'s stage layout at `width`, made once per view and width.
    pub fn topology(&self, k: usize, width: f64) -> Option<Rc<Topology>> {
        let view = self.data.views.get(k)?;
        let mut layouts = self.layouts.borrow_mut();
        if layouts.len() <= k {
            layouts.resize(k + 1, None);
        }
        match &layouts[k] {
            Some((v, w, topo)) if Rc::ptr_eq(v, view) && *w == width.to_bits() => Some(topo.clone()),
            _ => {
                let topo = Rc::new(crate::layout::topology(view, width));
                layouts[k] = Some((view.clone(), width.to_bits(), topo.clone()));
                Some(topo)
            }
        }
    }

    /// Whether a seek, or the opening replay, is still under way.
    pub fn seeking(&self) -> bool {
        self.seeking_past() || self.opening()
    }

    /// Whether a seek is under way.
    pub fn seeking_past(&self) -> bool {
        self.inner.borrow().seeking.is_some()
    }

    /// Whether the learner's run is still being replayed into the copies.
    pub fn opening(&self) -> bool {
        self.inner.borrow().opening.is_some()
    }

    fn refresh(&mut self) {
        let i = self.inner.borrow();
        let runs = i.past.as_deref().unwrap_or(i.engine.runs());
        self.data = Rc::new(CompareData {
            setting: i.engine.setting(),
            time_ms: runs.first().map_or(0, |r| r.cluster.time_ms()),
            strips: strips(runs),
            views: runs.iter().map(|r| Rc::new(r.cluster.view())).collect(),
            replayed: self.data.replayed,
            opening: i.opening.is_some(),
            configs: self.data.configs.clone(),
        });
        drop(i);
        self.refresh_timeline();
    }

    fn refresh_timeline(&mut self) {
        let i = self.inner.borrow();
        let labels: Vec<(String, String)> =
            i.engine.runs().iter().map(|r| (r.label_en.clone(), r.label_ko.clone())).collect();
        let histories: Vec<_> =
            i.engine.history().iter().zip(labels).map(|(h, l)| (h.track(), Some(Rc::new(l)))).collect();
        let shown = Shown {
            now_ms: self.data.time_ms,
            past: i.past.is_some(),
            target_ms: i.seeking.as_ref().map(CompareReplay::target_ms),
            step_ms: self.step_ms,
        };
        self.timeline = Rc::new(TimelineView::of_histories(&histories, shown, Some(&self.timeline)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;

    /// The browser test's story on the app's `default` preset: slow P0's
    /// followers, kill its leader; acks=1 loses acknowledged records, acks=all
    /// none.
    #[test]
    fn slow_then_kill_the_leader_loses_acked_records_only_with_acks_1() {
        let mut m = CompareMode::open(Setting::Acks, &Preset::Default.config(1), &[], 0).unwrap();
        m.advance(50);
        assert!(m.apply(CompareCommand::SlowFollowersOfP0).is_empty());
        m.advance(20);
        assert!(m.apply(CompareCommand::KillLeaderOfP0).is_empty());
        m.advance(200);
        let s = &m.data.strips;
        assert_eq!(s.len(), 3);
        assert!(s[1].acked_lost > 0, "{:?}", s[1]);
        assert_eq!(s[2].acked_lost, 0, "{:?}", s[2]);
        assert_eq!(m.data.time_ms, 270 * 100);
        assert!(m.data.views.iter().all(|v| v.time_ms == m.data.time_ms), "one clock");
    }

    /// A copy's stage is laid out once per view and width: an update that
    /// did not change the copies re-renders no stage.
    #[test]
    fn stage_layouts_are_made_once_per_view_and_width() {
        let mut m = CompareMode::open(Setting::Acks, &Preset::Default.config(1), &[], 0).unwrap();
        let a = m.topology(1, 400.0).unwrap();
        assert!(Rc::ptr_eq(&a, &m.topology(1, 400.0).unwrap()));
        assert!(!Rc::ptr_eq(&a, &m.topology(1, 380.0).unwrap()), "a new width, a new layout");
        let b = m.topology(1, 380.0).unwrap();
        m.advance(1);
        assert!(!Rc::ptr_eq(&b, &m.topology(1, 380.0).unwrap()), "a new view, a new layout");
        assert!(m.topology(3, 400.0).is_none(), "three copies");
    }

    #[test]
    fn a_refused_command_is_reported_per_copy_with_its_label() {
        let mut m = CompareMode::open(Setting::Unclean, &Preset::Default.config(1), &[], 0).unwrap();
        let refusals = m.apply(CompareCommand::RestartBroker(1));
        assert_eq!(refusals.len(), 2, "{refusals:?}");
        assert!(refusals[0].0.starts_with("unclean.leader.election.enable=false: "), "{refusals:?}");
        assert!(!refusals[0].1.is_empty());
        let refusals = m.apply(CompareCommand::KillBroker(9));
        assert_eq!(refusals.len(), 2, "{refusals:?}");
    }
}
