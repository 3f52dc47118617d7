//! Time travel in the app: the run's [`Timeline`] (kept for the explorer and
//! for lessons alike), what is shown while the learner looks at the past, and
//! the timeline's picture as plain data for the component. The engine side
//! (snapshots, exact replay, forks) is `kafka_sim::timeline`; here are the
//! event log rings that travel with each snapshot and the pure helpers,
//! tested natively.

use kafka_sim::event::Event;
use kafka_sim::timeline::{Band, Health, MarkKind, Replay, Timeline, Track};
use kafka_sim::Cluster;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::Arc;

/// Most events the log ring keeps (notable events).
pub const LOG_LEN: usize = 400;
/// Most record-level events kept in their own ring.
pub const DATA_LOG_LEN: usize = 150;

/// The event log's two rings (notable, record-level): what a snapshot keeps
/// besides the cluster, so a seek shows the log a fresh run would.
pub type Rings = (Rc<VecDeque<Rc<Event>>>, Rc<VecDeque<Rc<Event>>>);

/// Whether the event log keeps `e`. Follower fetches (dozens a step on big
/// clusters) only drive the replication dots.
pub fn logged(e: &Event) -> bool {
    !matches!(e.kind, kafka_sim::EventKind::FollowerFetched { .. })
}

/// Record-level events: many per step, kept in their own ring.
pub fn is_data(e: &Event) -> bool {
    use kafka_sim::EventKind as K;
    matches!(e.kind, K::Produced { .. } | K::Consumed { .. } | K::Committed { .. })
}

/// Appends events to the two rings. A ring is replaced (a new `Rc`, which is
/// how the event log knows to re-render) only when events arrived for it.
pub fn push_events(rings: &mut Rings, events: &[Rc<Event>]) {
    for (ring, cap, data) in [(&mut rings.0, LOG_LEN, false), (&mut rings.1, DATA_LOG_LEN, true)] {
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
}

/// What is shown while the learner looks at the past.
#[derive(Clone)]
pub struct Past {
    pub cluster: Box<Cluster>,
    /// The live run's rings, shown again on "back to live".
    pub live: Rings,
}

/// The run's history and whether the past is on screen.
#[derive(Clone)]
pub struct Travel {
    pub timeline: Timeline<Rings>,
    /// A lesson's commands already recorded (its player applies them).
    pub lesson_commands: usize,
    /// The lesson's `Player::progress` when they were counted.
    pub lesson_at: (usize, usize),
    pub past: Option<Past>,
    /// A seek still replaying toward its target (scrubbing runs a slice of
    /// steps per task, so no drag position blocks the page for long).
    pub seeking: Option<Replay<Rings>>,
}

/// Replica-steps a seek replays per task: `stress` (96 replicas) gets 10
/// steps, a few ms of wasm, leaving room in the landing task for the
/// re-render; bigger clusters fewer steps.
const SEEK_SLICE_REPLICA_STEPS: u32 = 1_000;

/// Steps a seek replays per slice on a cluster of `replicas` replicas.
pub fn seek_slice(replicas: usize) -> u32 {
    (SEEK_SLICE_REPLICA_STEPS / (replicas.max(1) as u32)).max(1)
}

impl Travel {
    pub fn new(cluster: &Cluster, rings: Rings, lesson_commands: usize) -> Self {
        Travel {
            timeline: Timeline::new(cluster, rings),
            lesson_commands,
            lesson_at: (usize::MAX, 0),
            past: None,
            seeking: None,
        }
    }

    /// The past cluster and rings at `t_ms` (replayed from the last snapshot).
    pub fn seek(&self, t_ms: u64) -> (Cluster, Rings) {
        self.timeline.seek(t_ms, ring_events)
    }

    /// Starts a seek to `t_ms`; `shown` are the rings on screen, which go
    /// with the past's cluster when the replay starts from it (dragging
    /// forward replays only the difference).
    pub fn begin_seek(&mut self, t_ms: u64, shown: &Rings) {
        let from = self.past.as_ref().map(|p| ((*p.cluster).clone(), shown.clone()));
        self.seeking = Some(self.timeline.replay_to(t_ms, from));
    }

    /// Replays the seek in progress by at most `steps` steps: its cluster and
    /// rings once it has arrived.
    pub fn continue_seek(&mut self, steps: u32) -> Option<(Cluster, Rings)> {
        let done = self.seeking.as_mut()?.run(steps, ring_events);
        if done {
            return self.seeking.take().map(Replay::into_parts);
        }
        None
    }

    /// Plays the past forward by `steps` steps, applying the recorded commands
    /// when they are due, exactly as the live run did. Returns the events.
    pub fn play_past(&mut self, steps: u32) -> Vec<Rc<Event>> {
        let Some(past) = self.past.as_mut() else { return Vec::new() };
        let c = &mut past.cluster;
        let mut events = Vec::new();
        let end = self.timeline.end_ms();
        for _ in 0..steps {
            if c.time_ms() >= end {
                break;
            }
            c.tick();
            // Commands recorded at this time were given after its step.
            let now = c.time_ms();
            for (_, command) in self.timeline.commands_at(now) {
                let _ = c.apply(command.clone());
            }
            events.extend(c.drain_events().into_iter().map(Rc::new));
        }
        events
    }
}

/// A replay's events, step by step, into the event log's rings.
fn ring_events(rings: &mut Rings, _: &Cluster, events: Vec<Event>) {
    let events: Vec<Rc<Event>> = events.into_iter().map(Rc::new).collect();
    push_events(rings, &events);
}

/// A compare-mode copy's label (en, ko), e.g. `acks=1`.
pub type CopyLabel = Rc<(String, String)>;

/// One mark as the component draws it.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkView {
    pub t_ms: u64,
    pub kind: MarkKind,
    pub count: u32,
    pub first: Option<Arc<Event>>,
    /// In compare mode: the copy it happened in.
    pub copy: Option<CopyLabel>,
}

/// The timeline as the component draws it: plain data, rebuilt only when
/// the history's marks or bands change (the times change every update).
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineView {
    pub start_ms: u64,
    pub end_ms: u64,
    /// The time shown (the past's, or the live run's).
    pub now_ms: u64,
    pub past: bool,
    /// Where a seek in progress is heading (the slider stays there).
    pub target_ms: Option<u64>,
    pub step_ms: u64,
    pub marks: Rc<Vec<MarkView>>,
    pub bands: Rc<Vec<Band>>,
    pub forks: Rc<Vec<u64>>,
    /// The histories' versions the bands and forks, and the marks, were read
    /// at (marks are rebuilt only when they changed: a band grows every step
    /// of an outage).
    pub version: u64,
    pub marks_version: u64,
}

/// What is on screen, for [`TimelineView::of_histories`].
#[derive(Clone, Copy, Debug)]
pub struct Shown {
    pub now_ms: u64,
    pub past: bool,
    pub target_ms: Option<u64>,
    pub step_ms: u64,
}

impl TimelineView {
    /// Reads the timeline, reusing `old`'s marks and bands when unchanged.
    pub fn of(travel: &Travel, now_ms: u64, step_ms: u64, old: Option<&TimelineView>) -> TimelineView {
        let shown = Shown {
            now_ms,
            past: travel.past.is_some(),
            target_ms: travel.seeking.as_ref().map(Replay::target_ms),
            step_ms,
        };
        Self::of_histories(&[(travel.timeline.track(), None)], shown, old)
    }

    /// A track with nothing on it yet.
    pub fn empty(step_ms: u64) -> TimelineView {
        TimelineView {
            start_ms: 0,
            end_ms: 0,
            now_ms: 0,
            past: false,
            target_ms: None,
            step_ms,
            marks: Rc::default(),
            bands: Rc::default(),
            forks: Rc::default(),
            version: u64::MAX,
            marks_version: u64::MAX,
        }
    }

    /// One track for several histories kept in step (compare mode's copies,
    /// each mark labelled with its copy): what all of them can show, every
    /// mark in time order, every band.
    pub fn of_histories(
        histories: &[(Track<'_>, Option<CopyLabel>)],
        shown: Shown,
        old: Option<&TimelineView>,
    ) -> TimelineView {
        let sum = |f: fn(&Track<'_>) -> u64| histories.iter().fold(0u64, |v, (h, _)| v.wrapping_add(f(h)));
        let (version, marks_version) = (sum(|h| h.version), sum(|h| h.marks_version));
        let marks = match old.filter(|o| o.marks_version == marks_version) {
            Some(o) => o.marks.clone(),
            None => {
                let mut marks: Vec<MarkView> = histories
                    .iter()
                    .flat_map(|(h, copy)| {
                        h.marks.iter().map(move |m| MarkView {
                            t_ms: m.t_ms,
                            kind: m.kind,
                            count: m.count,
                            first: m.first.clone(),
                            copy: copy.clone(),
                        })
                    })
                    .collect();
                marks.sort_by_key(|m| m.t_ms);
                Rc::new(marks)
            }
        };
        let (bands, forks) = match old.filter(|o| o.version == version) {
            Some(o) => (o.bands.clone(), o.forks.clone()),
            None => {
                let mut bands: Vec<Band> = histories.iter().flat_map(|(h, _)| h.bands.iter().copied()).collect();
                bands.sort_by_key(|b| b.from_ms);
                let forks = histories.first().map(|(h, _)| h.forks.to_vec()).unwrap_or_default();
                (Rc::new(bands), Rc::new(forks))
            }
        };
        TimelineView {
            start_ms: histories.iter().map(|(h, _)| h.start_ms).max().unwrap_or(0),
            end_ms: histories.iter().map(|(h, _)| h.end_ms).min().unwrap_or(0),
            now_ms: shown.now_ms,
            past: shown.past,
            target_ms: shown.target_ms,
            step_ms: shown.step_ms,
            marks,
            bands,
            forks,
            version,
            marks_version,
        }
    }

    /// Where `t_ms` falls along the track, in per mille of its width.
    pub fn permille(&self, t_ms: u64) -> u32 {
        let span = self.end_ms.saturating_sub(self.start_ms).max(1);
        (u128::from(t_ms.clamp(self.start_ms, self.end_ms) - self.start_ms) * 1000 / u128::from(span)) as u32
    }

    /// The marks to draw on a track `buckets` wide: one per kind per bucket
    /// (the earliest, with the counts summed), so a busy run stays a few
    /// hundred elements, earliest first.
    pub fn drawn_marks(&self, buckets: u32) -> Vec<MarkView> {
        let mut out: Vec<(u32, MarkView)> = Vec::new();
        for m in self.marks.iter() {
            let b = self.permille(m.t_ms) * buckets.max(1) / 1000;
            match out.iter_mut().rev().take_while(|(ob, _)| *ob == b).find(|(_, o)| o.kind == m.kind) {
                Some((_, o)) => o.count += m.count,
                None => out.push((b, m.clone())),
            }
        }
        out.into_iter().map(|(_, m)| m).collect()
    }

    /// Where a mark sends the learner: one step before it, so the step that
    /// does it is the next one played.
    pub fn before(&self, t_ms: u64) -> u64 {
        t_ms.saturating_sub(self.step_ms).max(self.start_ms)
    }
}

/// The worst health over a band, as a CSS modifier.
pub fn band_class(h: Health) -> &'static str {
    match h {
        Health::UnderReplicated => "timeline__band--urp",
        Health::Offline => "timeline__band--offline",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kafka_sim::command::Command;
    use kafka_sim::config::ClusterConfig;

    fn rings() -> Rings {
        (Rc::new(VecDeque::new()), Rc::new(VecDeque::new()))
    }

    fn run(seconds: u64) -> (Cluster, Travel, Rings) {
        let mut c = Cluster::new(ClusterConfig::default()).unwrap();
        c.set_record_events(true);
        let mut r = rings();
        push_events(&mut r, &c.drain_events().into_iter().map(Rc::new).collect::<Vec<_>>());
        let mut travel = Travel::new(&c, r.clone(), 0);
        while c.time_ms() < seconds * 1000 {
            if c.time_ms() == 3000 {
                let command = Command::KillBroker { broker: 1 };
                let _ = c.apply(command.clone());
                travel.timeline.command(3000, command);
            }
            c.tick();
            let events: Vec<Rc<Event>> = c.drain_events().into_iter().map(Rc::new).collect();
            push_events(&mut r, &events);
            let snap = r.clone();
            travel.timeline.observe(&c, events.iter().map(|e| &**e), || snap);
        }
        (c, travel, r)
    }

    /// While a partition stays under-replicated its band grows every step;
    /// the marks (up to 2,000) are not rebuilt for that.
    #[test]
    fn a_growing_band_does_not_rebuild_the_marks() {
        let (c, mut travel, r) = run(20);
        let v = TimelineView::of(&travel, 20_000, 100, None);
        assert!(!v.bands.is_empty() && !v.marks.is_empty(), "broker 1 is down: a band and marks");
        let mut next = c.clone();
        next.tick();
        next.drain_events();
        travel.timeline.observe(&next, std::iter::empty(), || r.clone());
        let w = TimelineView::of(&travel, 20_100, 100, Some(&v));
        assert!(Rc::ptr_eq(&w.marks, &v.marks), "no new mark: the same marks");
        assert_ne!(w.bands, v.bands, "the band grew");
    }

    /// A seek shows the view and both event rings the live run had then.
    #[test]
    fn seeking_restores_the_view_and_the_event_log() {
        let (_, travel, _) = run(6);
        let (live_at_4, rings_at_4) = {
            let (c, _, r) = run(4);
            (format!("{:?}", c.view()), r)
        };
        let (c, r) = travel.seek(4000);
        assert_eq!(format!("{:?}", c.view()), live_at_4);
        let ids = |r: &Rings| (r.0.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>(), r.1.len());
        assert_eq!(ids(&r), ids(&rings_at_4));
    }

    /// Playing the past forward reaches the live run exactly (commands
    /// applied where they were).
    #[test]
    fn playing_the_past_forward_reaches_the_live_run() {
        let (live, mut travel, _) = run(8);
        let (c, r) = travel.seek(1500);
        travel.past = Some(Past { cluster: Box::new(c), live: r });
        travel.play_past(1000);
        let past = travel.past.as_ref().unwrap();
        assert_eq!(past.cluster.time_ms(), 8000);
        assert_eq!(format!("{:?}", past.cluster.view()), format!("{:?}", live.view()));
    }

    #[test]
    fn marks_are_bucketed_and_placed() {
        let (_, travel, _) = run(10);
        let v = TimelineView::of(&travel, 10_000, 100, None);
        assert_eq!((v.start_ms, v.end_ms, v.permille(5000)), (0, 10_000, 500));
        let crash = v.marks.iter().find(|m| m.kind == MarkKind::Crash).expect("the kill is marked");
        assert_eq!(crash.t_ms, 3000);
        assert_eq!(v.before(crash.t_ms), 2900);
        let drawn = v.drawn_marks(2);
        assert!(drawn.len() <= 2 * MarkKind::ALL.len());
        assert_eq!(drawn.iter().map(|m| m.count).sum::<u32>(), v.marks.iter().map(|m| m.count).sum::<u32>());
        // Unchanged history: the marks are reused, not rebuilt.
        let again = TimelineView::of(&travel, 9_000, 100, Some(&v));
        assert!(Rc::ptr_eq(&again.marks, &v.marks));
    }
}
