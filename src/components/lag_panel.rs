//! The Lag tab (course chapters 5 "consumer lag" and 6 "Burrow"): every group's
//! Burrow status, the `kafka-consumer-groups --describe` table, where the group
//! is in each log, lag over simulated time with its trend, Burrow's commit
//! windows with the rule that decided each partition, and one-click lessons.
//!
//! Everything is drawn from the current view and the cluster's lag history, so
//! the charts pause, step and play with the simulation. The maths (trend slope,
//! scaling, picking a sample from a click) is in plain functions tested natively.
//!
//! Loading a lesson dispatches `ApplyConfig(config)` then `Reset` (a fresh run
//! at 0 s, whether or not the change could have been applied live), then the
//! lesson's plan: `Step` × n up to each scripted command, and the command (see
//! `crate::lessons`).

use crate::components::inspector::fill;
use crate::i18n::{strings, Lang, Strings};
use crate::lessons::{Lesson, PlanItem};
use crate::state::Action;
use kafka_sim::burrow::{Commit, GroupStatus, PartitionStatus};
use kafka_sim::group::LagSample;
use kafka_sim::view::{ClusterView, GroupView};
use kafka_sim::Cluster;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Samples the trend is fitted over (one per simulated second).
pub const TREND_SAMPLES: usize = 30;
/// A slope smaller than this (records/s, either way) counts as steady.
pub const STEADY_BELOW: f64 = 0.5;
/// The charts' SVG coordinate box.
pub const CHART_W: f64 = 320.0;
pub const CHART_H: f64 = 118.0;
/// The plot area inside a chart (room for the axis labels around it).
pub const PLOT: ChartBox = ChartBox { left: 36.0, top: 8.0, width: 276.0, height: 88.0 };
/// Line colours of the partitions (Okabe–Ito, then two neutrals).
pub const PART_COLOURS: [&str; 8] =
    ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#8C6D1F", "#7F7F7F"];
/// The per-partition log bar's SVG box.
const BAR_W: f64 = 300.0;
const BAR_H: f64 = 24.0;

// ---------------------------------------------------------------------------
// Pure maths
// ---------------------------------------------------------------------------

/// A rectangle in SVG coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartBox {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// Maps simulated time (x) and lag (y, from 0 up) onto a plot box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub t0: u64,
    pub t1: u64,
    pub v_max: u64,
    pub plot: ChartBox,
}

impl Scale {
    /// Spans the samples' times and 0 up to a round number at or above `max_value`.
    pub fn fit(ts: &[u64], max_value: u64, plot: ChartBox) -> Scale {
        Scale {
            t0: ts.first().copied().unwrap_or(0),
            t1: ts.last().copied().unwrap_or(0),
            v_max: nice_max(max_value),
            plot,
        }
    }

    /// The x of a time; a single instant sits at the right edge (the newest).
    pub fn x(&self, t_ms: u64) -> f64 {
        if self.t1 <= self.t0 {
            return self.plot.left + self.plot.width;
        }
        let f = (t_ms.clamp(self.t0, self.t1) - self.t0) as f64 / (self.t1 - self.t0) as f64;
        self.plot.left + f * self.plot.width
    }

    /// The y of a value (0 at the bottom of the box), clamped into the box.
    pub fn y(&self, v: f64) -> f64 {
        let f = (v / self.v_max.max(1) as f64).clamp(0.0, 1.0);
        self.plot.top + self.plot.height - f * self.plot.height
    }

    /// The time under an x coordinate (clamped to the span).
    pub fn t_at(&self, x: f64) -> f64 {
        if self.t1 <= self.t0 {
            return self.t1 as f64;
        }
        let f = ((x - self.plot.left) / self.plot.width).clamp(0.0, 1.0);
        self.t0 as f64 + f * (self.t1 - self.t0) as f64
    }

    /// The index of the sample nearest to `x` (`ts` sorted ascending).
    pub fn nearest(&self, ts: &[u64], x: f64) -> Option<usize> {
        if ts.is_empty() {
            return None;
        }
        let t = self.t_at(x);
        let i = ts.partition_point(|&s| (s as f64) < t);
        Some(match i {
            0 => 0,
            i if i >= ts.len() => ts.len() - 1,
            i if t - ts[i - 1] as f64 <= ts[i] as f64 - t => i - 1,
            i => i,
        })
    }
}

/// The smallest 1, 2 or 5 × 10ⁿ at or above `v` (at least 1): the y-axis top.
pub fn nice_max(v: u64) -> u64 {
    let mut base: u64 = 1;
    loop {
        for m in [1, 2, 5] {
            let c = base.saturating_mul(m);
            if c >= v {
                return c;
            }
        }
        if base > u64::MAX / 10 {
            return u64::MAX;
        }
        base *= 10;
    }
}

/// Least-squares slope of `(t_ms, value)` points, in value per second; `None`
/// for fewer than two points or a single instant.
pub fn slope_per_s(points: &[(u64, f64)]) -> Option<f64> {
    if points.len() < 2 {
        return None;
    }
    let n = points.len() as f64;
    let t0 = points[0].0;
    let xs = points.iter().map(|(t, _)| (t - t0) as f64 / 1000.0);
    let mean_x = xs.clone().sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, v)| v).sum::<f64>() / n;
    let (mut sxy, mut sxx) = (0.0, 0.0);
    for (x, (_, y)) in xs.zip(points) {
        sxy += (x - mean_x) * (y - mean_y);
        sxx += (x - mean_x) * (x - mean_x);
    }
    (sxx > 0.0).then(|| sxy / sxx)
}

/// The last `n` points of a series that have a value.
pub fn last_points(series: &[(u64, Option<u64>)], n: usize) -> Vec<(u64, f64)> {
    let from = series.len().saturating_sub(n);
    series[from..].iter().filter_map(|(t, v)| v.map(|v| (*t, v as f64))).collect()
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Trend {
    Growing(f64),
    Shrinking(f64),
    Steady,
}

/// Words for a slope: within ±[`STEADY_BELOW`] records/s it is steady.
pub fn trend(slope: f64) -> Trend {
    if slope >= STEADY_BELOW {
        Trend::Growing(slope)
    } else if slope <= -STEADY_BELOW {
        Trend::Shrinking(slope)
    } else {
        Trend::Steady
    }
}

/// A rate with its sign: `+12`, `−3.5`, `+0.8`.
pub fn signed_rate(r: f64) -> String {
    let sign = if r < 0.0 { "\u{2212}" } else { "+" };
    let a = r.abs();
    if a >= 10.0 {
        format!("{sign}{a:.0}")
    } else {
        format!("{sign}{a:.1}")
    }
}

/// The arrow for a trend.
pub fn arrow(t: Trend) -> &'static str {
    match t {
        Trend::Growing(_) => "↗",
        Trend::Shrinking(_) => "↘",
        Trend::Steady => "→",
    }
}

/// A mouse x in CSS pixels to the SVG's own x, for an SVG `view_w` units wide
/// drawn `width` pixels wide from `left` (its aspect ratio is kept).
pub fn to_view_x(client_x: f64, left: f64, width: f64, view_w: f64) -> Option<f64> {
    (width > 0.0).then(|| (client_x - left) * view_w / width)
}

/// What a key does to the selected sample: `Some(new selection)` (where `None`
/// means "follow the newest"), or `None` for a key the chart does not use.
pub fn key_move(key: &str, selected: Option<usize>, len: usize) -> Option<Option<usize>> {
    if len == 0 {
        return None;
    }
    let at = selected.unwrap_or(len - 1).min(len - 1);
    match key {
        "ArrowLeft" => Some(Some(at.saturating_sub(1))),
        // Stepping onto the newest sample goes back to following it.
        "ArrowRight" => Some(if at + 2 >= len { None } else { Some(at + 1) }),
        "Home" => Some(Some(0)),
        "End" | "Escape" => Some(None),
        _ => None,
    }
}

/// A series as polyline point lists, split where a value is missing.
pub fn polylines(series: &[(u64, Option<u64>)], scale: &Scale) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for (t, v) in series {
        match v {
            Some(v) => {
                if !cur.is_empty() {
                    cur.push(' ');
                }
                cur.push_str(&format!("{:.1},{:.1}", scale.x(*t), scale.y(*v as f64)));
            }
            None if !cur.is_empty() => out.push(std::mem::take(&mut cur)),
            None => {}
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Where `offset` falls between `start` and `end`, as a fraction 0..=1 (an
/// empty range puts everything at its end).
pub fn fraction(offset: u64, start: u64, end: u64) -> f64 {
    if end <= start {
        1.0
    } else {
        (offset.clamp(start, end) - start) as f64 / (end - start) as f64
    }
}

/// A time lag as the panel shows it: `3.2 s`, `125 s`.
pub fn format_lag_time(ms: u64) -> String {
    if ms < 100_000 {
        format!("{:.1} s", ms as f64 / 1000.0)
    } else {
        format!("{} s", ms / 1000)
    }
}

/// Simulated time on the chart axis: `42 s`.
pub fn format_t(t_ms: u64) -> String {
    if t_ms % 1000 == 0 {
        format!("{} s", t_ms / 1000)
    } else {
        format!("{:.1} s", t_ms as f64 / 1000.0)
    }
}

/// A share as a whole percentage: `100%`.
pub fn percent(f: f64) -> String {
    format!("{:.0}%", (f * 100.0).clamp(0.0, 100.0))
}

fn opt(v: Option<u64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

fn group_class(s: GroupStatus) -> &'static str {
    match s {
        GroupStatus::Ok => "lag-chip--ok",
        GroupStatus::Warn => "lag-chip--warn",
        GroupStatus::Err => "lag-chip--err",
    }
}

fn part_class(s: PartitionStatus) -> &'static str {
    match s {
        PartitionStatus::Ok => "lag-chip--ok",
        PartitionStatus::Warn => "lag-chip--warn",
        PartitionStatus::Stop | PartitionStatus::Stall | PartitionStatus::Rewind => "lag-chip--err",
    }
}

fn lesson_text(s: &Strings, l: Lesson) -> (&'static str, &'static str) {
    match l {
        Lesson::Healthy => (s.lag_lesson_ok, s.lag_lesson_ok_text),
        Lesson::FallingBehind => (s.lag_lesson_warn, s.lag_lesson_warn_text),
        Lesson::Stopped => (s.lag_lesson_stop, s.lag_lesson_stop_text),
        Lesson::Stalled => (s.lag_lesson_stall, s.lag_lesson_stall_text),
        Lesson::Rewound => (s.lag_lesson_rewind, s.lag_lesson_rewind_text),
        Lesson::QuietTopic => (s.lag_lesson_quiet, s.lag_lesson_quiet_text),
    }
}

/// The status named on a lesson's button (the quiet topic's OK is not to be trusted).
fn lesson_badge(l: Lesson) -> String {
    match l {
        Lesson::QuietTopic => "OK?".to_string(),
        l => l.status().as_str().to_string(),
    }
}

// ---------------------------------------------------------------------------
// Component
// ---------------------------------------------------------------------------

#[derive(Properties)]
pub struct LagPanelProps {
    pub view: Rc<ClusterView>,
    pub cluster: Rc<RefCell<Cluster>>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

impl PartialEq for LagPanelProps {
    /// Every change to the shared cluster comes with a new `view` (by pointer).
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view) && self.lang == other.lang
    }
}

/// One group's lag history, reshaped for drawing.
struct History {
    ts: Vec<u64>,
    total: Vec<(u64, Option<u64>)>,
    parts: Vec<Vec<(u64, Option<u64>)>>,
}

impl History {
    fn of(samples: &[&LagSample], partitions: usize) -> History {
        History {
            ts: samples.iter().map(|s| s.t_ms).collect(),
            total: samples.iter().map(|s| (s.t_ms, Some(s.total))).collect(),
            parts: (0..partitions)
                .map(|p| samples.iter().map(|s| (s.t_ms, s.lag.get(p).copied().flatten())).collect())
                .collect(),
        }
    }
}

#[component]
pub fn LagPanel(props: &LagPanelProps) -> Html {
    let s = strings(props.lang);
    let chosen = use_state_eq(|| None::<String>);
    // The chart sample picked by tap/click/keys (by time), and the one under the mouse.
    let pinned = use_state_eq(|| None::<u64>);
    let hover = use_state_eq(|| None::<u64>);
    let lesson = use_state_eq(|| None::<Lesson>);
    let total_ref = use_node_ref();
    let parts_ref = use_node_ref();

    let view = &props.view;
    let group: Option<&GroupView> =
        chosen.as_ref().and_then(|id| view.groups.iter().find(|g| &g.id == id)).or_else(|| view.groups.first());

    let chips = html! {
        <div class="lag-chips" role="group" aria-label={s.lag_groups}>
            { for view.groups.iter().map(|g| {
                let on = group.is_some_and(|x| x.id == g.id);
                let onclick = {
                    let chosen = chosen.clone();
                    let pinned = pinned.clone();
                    let id = g.id.clone();
                    Callback::from(move |_: MouseEvent| {
                        chosen.set(Some(id.clone()));
                        pinned.set(None);
                    })
                };
                html! {
                    <button type="button" key={g.id.clone()} data-testid={format!("burrow-status-{}", g.id)}
                        class={classes!("lag-chip", "lag-chip--button", group_class(g.burrow.status), on.then_some("lag-chip--on"))}
                        aria-pressed={on.to_string()} {onclick}>
                        <span class="lag-chip__name">{ g.id.clone() }</span>
                        <span class="lag-chip__status">{ g.burrow.status.as_str() }</span>
                    </button>
                }
            }) }
        </div>
    };

    let active_lesson = (*lesson).filter(|l| props.cluster.borrow().config() == &l.config());
    let lessons = {
        let buttons = Lesson::ALL.iter().map(|&l| {
            let (title, _) = lesson_text(s, l);
            let onclick = {
                let d = props.dispatch.clone();
                let (lesson, chosen, pinned, hover) = (lesson.clone(), chosen.clone(), pinned.clone(), hover.clone());
                Callback::from(move |_: MouseEvent| {
                    d.emit(Action::ApplyConfig(l.config()));
                    d.emit(Action::Reset);
                    for item in l.load_plan() {
                        match item {
                            PlanItem::Steps(n) => (0..n).for_each(|_| d.emit(Action::Step)),
                            PlanItem::Command(c) => d.emit(Action::Command(c)),
                        }
                    }
                    lesson.set(Some(l));
                    chosen.set(Some(crate::lessons::GROUP.to_string()));
                    pinned.set(None);
                    hover.set(None);
                })
            };
            let status_class = if l == Lesson::QuietTopic { "lag-chip--quiet" } else { part_class(l.status()) };
            html! {
                <button type="button" class={classes!("lag-lesson", (active_lesson == Some(l)).then_some("lag-lesson--on"))}
                    data-testid={format!("lesson-{}", l.id())} {onclick}>
                    <span class={classes!("lag-chip", status_class)}>{ lesson_badge(l) }</span>
                    <span class="lag-lesson__title">{ title }</span>
                </button>
            }
        });
        html! {
            <details class="lag-section lag-lessons" open=true>
                <summary>{ s.lag_lessons }</summary>
                <div class="lag-lessons__grid">{ for buttons }</div>
                <p class="lag-note">{ s.lag_lessons_note }</p>
            </details>
        }
    };
    let lesson_box = active_lesson.map(|l| {
        let (title, text) = lesson_text(s, l);
        html! {
            <div class="lag-lesson-box" role="status" data-testid="lesson-text">
                <strong>{ fill(s.lag_lesson_now, &[("title", title.to_string())]) }</strong>
                <p>{ text }</p>
            </div>
        }
    });

    let Some(g) = group else {
        return html! {
            <div class="lag-panel" data-testid="lag-panel" role="region" aria-label={s.lag_label}>
                { chips }
                <p class="lag-note">{ s.lag_no_groups }</p>
                { lessons }
            </div>
        };
    };

    // Lag history and Burrow windows, read from the shared cluster.
    let (history, windows) = {
        let c = props.cluster.borrow();
        let samples: Vec<&LagSample> = c.lag_history(&g.id).map(|h| h.iter().collect()).unwrap_or_default();
        (History::of(&samples, g.partitions.len()), c.burrow_windows(&g.id).unwrap_or_default())
    };

    // The sample the readouts show: hovered, else pinned, else the newest.
    let index_of = |t: Option<u64>| t.and_then(|t| history.ts.binary_search(&t).ok());
    let pinned_index = index_of(*pinned);
    let shown = index_of(*hover).or(pinned_index).or(history.ts.len().checked_sub(1));

    html! {
        <div class="lag-panel" data-testid="lag-panel" role="region" aria-label={s.lag_label}>
            <h3 class="lag-heading">{ s.lag_groups }</h3>
            { chips }
            { lessons }
            { for lesson_box }
            { describe_table(s, g) }
            { log_bars(s, view, g) }
            { charts(s, &history, shown, pinned_index, ChartState {
                pinned: pinned.clone(), hover: hover.clone(), total_ref: total_ref.clone(), parts_ref: parts_ref.clone(),
            }) }
            { burrow_view(s, props.lang, g, &windows) }
        </div>
    }
}

/// `kafka-consumer-groups --describe`, plus records-lag and time lag.
fn describe_table(s: &Strings, g: &GroupView) -> Html {
    html! {
        <section class="lag-section">
            <h3 class="lag-heading">{ s.lag_describe }</h3>
            <div class="lag-scroll" tabindex="0" role="region" aria-label={s.lag_describe}>
                <table class="lag-table" data-testid="lag-table">
                    <thead><tr>
                        { for ["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID",
                            "records-lag"].iter().map(|h| html! { <th scope="col">{ *h }</th> }) }
                        <th scope="col">{ s.lag_col_time }</th>
                    </tr></thead>
                    <tbody>
                        { for g.partitions.iter().map(|r| html! {
                            <tr key={r.partition} data-testid={format!("lag-row-{}-{}", r.topic, r.partition)}>
                                <td>{ g.id.clone() }</td>
                                <td>{ r.topic.clone() }</td>
                                <td class="lag-num">{ r.partition }</td>
                                <td class="lag-num" data-col="current-offset">{ opt(r.committed) }</td>
                                <td class="lag-num" data-col="log-end-offset">{ r.log_end_offset }</td>
                                <td class="lag-num" data-col="lag">{ opt(r.lag) }</td>
                                <td data-col="consumer-id">{ r.owner.clone().unwrap_or_else(|| "-".into()) }</td>
                                <td class="lag-num" data-col="records-lag">{ opt(r.records_lag) }</td>
                                <td class="lag-num" data-col="time-lag">{ r.time_lag_ms.map_or_else(|| "-".into(), format_lag_time) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <dl class="lag-facts">
                <dt>{ s.lag_total }</dt><dd data-testid="lag-total">{ g.total_lag }</dd>
                <dt>{ s.lag_max }</dt><dd data-testid="lag-max">{ g.max_lag }</dd>
            </dl>
            <h4 class="lag-subheading">{ s.lag_member_max }</h4>
            if g.members.is_empty() {
                <p class="lag-note">{ s.lag_no_members }</p>
            } else {
                <ul class="lag-members">
                    { for g.members.iter().map(|m| html! {
                        <li key={m.id.clone()} data-testid={format!("lag-member-{}", m.id)}>
                            <span class="lag-mono">{ m.id.clone() }</span>
                            if m.crashed { <span class="lag-tag--bad">{ s.crashed }</span> }
                            <span class="lag-members__value">{ if m.crashed {
                                // A crashed consumer reports no metrics.
                                "records-lag-max -".to_string()
                            } else {
                                format!("records-lag-max {}", m.records_lag_max)
                            } }</span>
                        </li>
                    }) }
                </ul>
            }
            <p class="lag-note" data-testid="lag-explain">{ s.lag_explain }</p>
            <p class="lag-note">{ s.lag_time_help }</p>
        </section>
    }
}

/// Each partition's retained log as a bar with the committed and position markers.
fn log_bars(s: &Strings, view: &ClusterView, g: &GroupView) -> Html {
    let topic = view.topics.iter().find(|t| t.name == g.topic);
    let x = |f: f64| 4.0 + f * (BAR_W - 8.0);
    html! {
        <section class="lag-section">
            <h3 class="lag-heading">{ s.lag_bars }</h3>
            <ul class="lag-bars">
                { for g.partitions.iter().map(|r| {
                    let (start, hw) = topic
                        .and_then(|t| t.partitions.iter().find(|p| p.partition == r.partition))
                        .map_or((0, r.log_end_offset), |p| (p.log_start_offset, p.high_watermark));
                    let committed = r.committed.map(|c| x(fraction(c, start, hw)));
                    let position = r.position.map(|p| x(fraction(p, start, hw)));
                    let text = fill(s.lag_bar_text, &[
                        ("start", start.to_string()), ("hw", hw.to_string()), ("committed", opt(r.committed)),
                        ("position", opt(r.position)), ("lag", opt(r.lag)),
                    ]);
                    let name = format!("{}-{}", r.topic, r.partition);
                    html! {
                        <li key={r.partition} data-testid={format!("lag-bar-{name}")}>
                            <span class="lag-bars__name">{ name.clone() }</span>
                            <svg class="lag-bar" viewBox={format!("0 0 {BAR_W} {BAR_H}")} role="img"
                                aria-label={format!("{name}: {text}")}>
                                <rect class="lag-bar__log" x={x(0.0).to_string()} y="8" width={(x(1.0) - x(0.0)).to_string()} height="12" rx="2" />
                                if let Some(c) = committed {
                                    <rect class="lag-bar__read" x={x(0.0).to_string()} y="8" width={(c - x(0.0)).max(0.0).to_string()} height="12" rx="2" />
                                    <rect class="lag-bar__lag" x={c.to_string()} y="8" width={(x(1.0) - c).max(0.0).to_string()} height="12" />
                                }
                                if let Some(p) = position {
                                    <line class="lag-bar__position" x1={p.to_string()} x2={p.to_string()} y1="5" y2="23" />
                                }
                                if let Some(c) = committed {
                                    <polygon class="lag-bar__committed" points={format!("{:.1},7 {:.1},0 {:.1},0", c, c - 4.5, c + 4.5)} />
                                    <line class="lag-bar__committed-line" x1={c.to_string()} x2={c.to_string()} y1="7" y2="20" />
                                }
                            </svg>
                            <span class="lag-bars__text">{ text }</span>
                        </li>
                    }
                }) }
            </ul>
            <p class="lag-note">{ s.lag_bars_legend }</p>
        </section>
    }
}

/// State handles the charts' event handlers change.
struct ChartState {
    pinned: UseStateHandle<Option<u64>>,
    hover: UseStateHandle<Option<u64>>,
    total_ref: NodeRef,
    parts_ref: NodeRef,
}

/// The sample index under a mouse event on the chart `node`.
fn index_at(node: &NodeRef, e: &MouseEvent, scale: &Scale, ts: &[u64]) -> Option<usize> {
    let el: web_sys::Element = node.cast()?;
    let rect = js_sys::Reflect::get(&el, &"getBoundingClientRect".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call0(&el)
        .ok()?;
    let num = |k: &str| js_sys::Reflect::get(&rect, &k.into()).ok().and_then(|v| v.as_f64());
    let x = to_view_x(f64::from(e.client_x()), num("left")?, num("width")?, CHART_W)?;
    scale.nearest(ts, x)
}

fn charts(s: &Strings, h: &History, shown: Option<usize>, pinned_index: Option<usize>, st: ChartState) -> Html {
    if h.ts.is_empty() {
        return html! {
            <section class="lag-section">
                <h3 class="lag-heading">{ s.lag_charts }</h3>
                <p class="lag-note" data-testid="lag-chart-empty">{ s.lag_chart_empty }</p>
            </section>
        };
    }
    let max_total = h.total.iter().filter_map(|(_, v)| *v).max().unwrap_or(0);
    let max_part = h.parts.iter().flatten().filter_map(|(_, v)| *v).max().unwrap_or(0);
    let total_scale = Scale::fit(&h.ts, max_total, PLOT);
    let part_scale = Scale::fit(&h.ts, max_part, PLOT);
    let slope = slope_per_s(&last_points(&h.total, TREND_SAMPLES));
    let trend_html = match slope.map(trend) {
        None => html! { <span>{ s.lag_trend_unknown }</span> },
        Some(t) => {
            let words = match t {
                Trend::Growing(r) => fill(s.lag_trend_growing, &[("rate", signed_rate(r))]),
                Trend::Shrinking(r) => fill(s.lag_trend_shrinking, &[("rate", signed_rate(r))]),
                Trend::Steady => s.lag_trend_steady.to_string(),
            };
            let class = match t {
                Trend::Growing(_) => "lag-trend--up",
                Trend::Shrinking(_) => "lag-trend--down",
                Trend::Steady => "lag-trend--flat",
            };
            html! { <span class={classes!("lag-trend__value", class)}>{ format!("{} {words}", arrow(t)) }</span> }
        }
    };

    let at = shown.unwrap_or(h.ts.len() - 1);
    let t_shown = h.ts[at];
    let which = if pinned_index.is_some() { s.lag_readout_selected } else { s.lag_readout_latest };
    let total_at = h.total[at].1.unwrap_or(0);

    let handlers = |node: NodeRef, scale: Scale| {
        let ts = Rc::new(h.ts.clone());
        let onclick = {
            let (pinned, node, ts) = (st.pinned.clone(), node.clone(), ts.clone());
            Callback::from(move |e: MouseEvent| {
                if let Some(i) = index_at(&node, &e, &scale, &ts) {
                    pinned.set(Some(ts[i]));
                }
            })
        };
        let onmousemove = {
            let (hover, node, ts) = (st.hover.clone(), node.clone(), ts.clone());
            Callback::from(move |e: MouseEvent| hover.set(index_at(&node, &e, &scale, &ts).map(|i| ts[i])))
        };
        let onmouseleave = {
            let hover = st.hover.clone();
            Callback::from(move |_: MouseEvent| hover.set(None))
        };
        let onkeydown = {
            let (pinned, hover, ts) = (st.pinned.clone(), st.hover.clone(), ts.clone());
            Callback::from(move |e: KeyboardEvent| {
                let current = (*pinned).and_then(|t| ts.binary_search(&t).ok());
                if let Some(next) = key_move(&e.key(), current, ts.len()) {
                    // Keep the app's own keys (→ steps the simulation) off while reading the chart.
                    e.prevent_default();
                    e.stop_propagation();
                    hover.set(None);
                    pinned.set(next.map(|i| ts[i]));
                }
            })
        };
        (onclick, onmousemove, onmouseleave, onkeydown)
    };

    let axes = |scale: &Scale| {
        html! {
            <>
                <line class="lag-chart__axis" x1={PLOT.left.to_string()} x2={PLOT.left.to_string()}
                    y1={PLOT.top.to_string()} y2={(PLOT.top + PLOT.height).to_string()} />
                <line class="lag-chart__axis" x1={PLOT.left.to_string()} x2={(PLOT.left + PLOT.width).to_string()}
                    y1={(PLOT.top + PLOT.height).to_string()} y2={(PLOT.top + PLOT.height).to_string()} />
                <line class="lag-chart__grid" x1={PLOT.left.to_string()} x2={(PLOT.left + PLOT.width).to_string()}
                    y1={PLOT.top.to_string()} y2={PLOT.top.to_string()} />
                <text class="lag-chart__label" x={(PLOT.left - 4.0).to_string()} y={(PLOT.top + 4.0).to_string()}
                    text-anchor="end">{ scale.v_max }</text>
                <text class="lag-chart__label" x={(PLOT.left - 4.0).to_string()} y={(PLOT.top + PLOT.height).to_string()}
                    text-anchor="end">{ "0" }</text>
                <text class="lag-chart__label" x={PLOT.left.to_string()} y={(CHART_H - 6.0).to_string()}
                    text-anchor="start">{ format_t(scale.t0) }</text>
                <text class="lag-chart__label" x={(PLOT.left + PLOT.width).to_string()} y={(CHART_H - 6.0).to_string()}
                    text-anchor="end">{ format_t(scale.t1) }</text>
                <line class="lag-chart__cursor" x1={scale.x(t_shown).to_string()} x2={scale.x(t_shown).to_string()}
                    y1={PLOT.top.to_string()} y2={(PLOT.top + PLOT.height).to_string()} />
            </>
        }
    };

    let (t_click, t_move, t_leave, t_key) = handlers(st.total_ref.clone(), total_scale);
    let total_lines = polylines(&h.total, &total_scale);
    let area = total_lines.first().filter(|_| total_lines.len() == 1).map(|pts| {
        let base = PLOT.top + PLOT.height;
        format!("{:.1},{base:.1} {pts} {:.1},{base:.1}", total_scale.x(h.ts[0]), total_scale.x(h.ts[h.ts.len() - 1]))
    });
    let total_value = format!("t = {}, {} {}", format_t(t_shown), s.lag_total, total_at);
    let total_chart = html! {
        <svg class="lag-chart" ref={st.total_ref.clone()} data-testid="lag-chart-total"
            viewBox={format!("0 0 {CHART_W} {CHART_H}")} tabindex="0" role="slider" aria-label={s.lag_total}
            aria-valuemin="0" aria-valuemax={(h.ts.len() - 1).to_string()} aria-valuenow={at.to_string()}
            aria-valuetext={total_value.clone()}
            onclick={t_click} onmousemove={t_move} onmouseleave={t_leave} onkeydown={t_key}>
            { axes(&total_scale) }
            if let Some(a) = area { <polygon class="lag-chart__area" points={a} /> }
            { for total_lines.iter().map(|pts| html! { <polyline class="lag-chart__line" points={pts.clone()} /> }) }
            <circle class="lag-chart__dot" cx={total_scale.x(t_shown).to_string()} cy={total_scale.y(total_at as f64).to_string()} r="3" />
        </svg>
    };

    let (p_click, p_move, p_leave, p_key) = handlers(st.parts_ref.clone(), part_scale);
    let parts_value: Vec<String> = h
        .parts
        .iter()
        .enumerate()
        .map(|(p, series)| format!("{p}: {}", opt(series.get(at).and_then(|x| x.1))))
        .collect();
    let parts_chart = html! {
        <svg class="lag-chart" ref={st.parts_ref.clone()} data-testid="lag-chart-partitions"
            viewBox={format!("0 0 {CHART_W} {CHART_H}")} tabindex="0" role="slider" aria-label={s.lag_chart_parts}
            aria-valuemin="0" aria-valuemax={(h.ts.len() - 1).to_string()} aria-valuenow={at.to_string()}
            aria-valuetext={format!("t = {}, {}", format_t(t_shown), parts_value.join(", "))}
            onclick={p_click} onmousemove={p_move} onmouseleave={p_leave} onkeydown={p_key}>
            { axes(&part_scale) }
            { for h.parts.iter().enumerate().flat_map(|(p, series)| {
                let colour = PART_COLOURS[p % PART_COLOURS.len()];
                polylines(series, &part_scale).into_iter().map(move |pts| html! {
                    <polyline class="lag-chart__part" points={pts} style={format!("stroke:{colour}")} />
                })
            }) }
            { for h.parts.iter().enumerate().filter_map(|(p, series)| {
                let v = series.get(at).and_then(|x| x.1)?;
                let colour = PART_COLOURS[p % PART_COLOURS.len()];
                Some(html! { <circle class="lag-chart__dot" cx={part_scale.x(t_shown).to_string()}
                    cy={part_scale.y(v as f64).to_string()} r="2.5" style={format!("fill:{colour}")} /> })
            }) }
        </svg>
    };
    let show_latest = {
        let (pinned, hover) = (st.pinned.clone(), st.hover.clone());
        Callback::from(move |_: MouseEvent| {
            pinned.set(None);
            hover.set(None);
        })
    };

    html! {
        <section class="lag-section">
            <h3 class="lag-heading">{ s.lag_charts }</h3>
            <p class="lag-note">{ s.lag_chart_help }</p>
            <div class="lag-readout" data-testid="lag-readout">
                <span class="lag-readout__which">{ which }</span>
                <span class="lag-mono">{ format!("t = {}", format_t(t_shown)) }</span>
                if pinned_index.is_some() {
                    <button type="button" class="lag-btn" data-testid="lag-show-latest" onclick={show_latest}>{ s.lag_show_latest }</button>
                }
            </div>
            <h4 class="lag-subheading">{ format!("{} (t = {}): {total_at}", s.lag_total, format_t(t_shown)) }</h4>
            { total_chart }
            <p class="lag-trend" data-testid="lag-trend">
                <span>{ fill(s.lag_trend, &[("n", TREND_SAMPLES.to_string())]) }</span>{ " " }{ trend_html }
            </p>
            <h4 class="lag-subheading">{ s.lag_chart_parts }</h4>
            { parts_chart }
            <ul class="lag-legend" data-testid="lag-legend">
                { for h.parts.iter().enumerate().map(|(p, series)| {
                    let colour = PART_COLOURS[p % PART_COLOURS.len()];
                    let t = slope_per_s(&last_points(series, TREND_SAMPLES)).map(trend);
                    html! {
                        <li key={p}>
                            <span class="lag-legend__swatch" style={format!("background:{colour}")}></span>
                            <span class="lag-mono">{ format!("{p}: {}", opt(series.get(at).and_then(|x| x.1))) }</span>
                            if let Some(t) = t {
                                <span class="lag-legend__trend">{ match t {
                                    Trend::Steady => arrow(t).to_string(),
                                    Trend::Growing(r) | Trend::Shrinking(r) => format!("{} {}/s", arrow(t), signed_rate(r)),
                                } }</span>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// Burrow's verdict: the group line, then per partition the stored commits and
/// the rule that decided its status.
fn burrow_view(s: &Strings, lang: Lang, g: &GroupView, windows: &[Vec<Commit>]) -> Html {
    let b = &g.burrow;
    let bl = lang;
    let max =
        b.max_lag.as_ref().map_or_else(|| "-".to_string(), |m| format!("{}-{} ({})", m.topic, m.partition, m.lag));
    html! {
        <section class="lag-section" data-testid="burrow-view">
            <h3 class="lag-heading">{ s.lag_burrow }</h3>
            <dl class="lag-facts">
                <dt>{ s.lag_burrow_status }</dt>
                <dd><span class={classes!("lag-chip", group_class(b.status))} data-testid="burrow-group-status">{ b.status.as_str() }</span></dd>
                <dt>{ s.lag_burrow_complete }</dt><dd>{ percent(b.complete) }</dd>
                <dt>{ s.lag_total }</dt><dd>{ b.total_lag }</dd>
                <dt>{ s.lag_burrow_max }</dt><dd>{ max }</dd>
            </dl>
            <p class="lag-note">{ s.lag_burrow_intro }</p>
            <ul class="lag-burrow">
                { for b.partitions.iter().enumerate().map(|(i, p)| {
                    let name = format!("{}-{}", p.topic, p.partition);
                    let commits = windows.get(p.partition as usize).or_else(|| windows.get(i));
                    html! {
                        <li key={name.clone()} class="lag-burrow__part" data-testid={format!("burrow-part-{name}")}>
                            <div class="lag-burrow__head">
                                <span class={classes!("lag-chip", part_class(p.status))}
                                    data-testid={format!("burrow-part-status-{name}")}>{ p.status.as_str() }</span>
                                <strong class="lag-mono">{ name.clone() }</strong>
                                <span class="lag-burrow__meta">{ format!("lag {} · complete {}", p.current_lag, percent(p.complete)) }</span>
                            </div>
                            { commit_strip(s, commits.map(Vec::as_slice).unwrap_or(&[])) }
                            <p class="lag-burrow__why" data-testid={format!("burrow-part-why-{name}")}>{ p.reason.explain(bl) }</p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// The stored commits as small boxes, oldest first: offset above, lag below.
fn commit_strip(s: &Strings, commits: &[Commit]) -> Html {
    if commits.is_empty() {
        return html! { <p class="lag-note">{ s.lag_burrow_empty }</p> };
    }
    html! {
        <>
            <p class="lag-commits__caption">{ s.lag_burrow_window }</p>
            <ol class="lag-commits">
                { for commits.iter().enumerate().map(|(i, c)| {
                    let prev = i.checked_sub(1).map(|j| commits[j].offset);
                    let class = classes!(
                        "lag-commit",
                        (c.lag == Some(0)).then_some("lag-commit--zero"),
                        prev.is_some_and(|p| c.offset < p).then_some("lag-commit--rewind"),
                        prev.is_some_and(|p| c.offset == p).then_some("lag-commit--same"),
                    );
                    let lag = c.lag.map_or_else(|| "-".to_string(), |l| l.to_string());
                    html! {
                        <li {class} title={format!("t = {:.1} s", c.timestamp_ms as f64 / 1000.0)}
                            aria-label={format!("#{}: offset {}, lag {lag}", i + 1, c.offset)}>
                            <span class="lag-commit__n" aria-hidden="true">{ format!("#{}", i + 1) }</span>
                            <span class="lag-commit__offset">{ c.offset }</span>
                            <span class="lag-commit__lag">{ lag }</span>
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: ChartBox = ChartBox { left: 10.0, top: 0.0, width: 100.0, height: 50.0 };

    #[test]
    fn slope_is_the_least_squares_fit_in_records_per_second() {
        let line: Vec<(u64, f64)> = (0..30).map(|i| (i * 1000, 5.0 + 12.0 * i as f64)).collect();
        assert!((slope_per_s(&line).unwrap() - 12.0).abs() < 1e-9);
        let down: Vec<(u64, f64)> = (0..10).map(|i| (40_000 + i * 1000, 100.0 - 3.0 * i as f64)).collect();
        assert!((slope_per_s(&down).unwrap() + 3.0).abs() < 1e-9);
        // Noise around a flat line fits to ~0.
        let flat: Vec<(u64, f64)> = (0..30).map(|i| (i * 1000, if i % 2 == 0 { 4.0 } else { 6.0 })).collect();
        assert!(slope_per_s(&flat).unwrap().abs() < 0.1);
        assert_eq!(slope_per_s(&[(0, 1.0)]), None);
        assert_eq!(slope_per_s(&[(5, 1.0), (5, 9.0)]), None, "one instant has no slope");
    }

    #[test]
    fn trend_words_follow_the_slope() {
        assert_eq!(trend(12.0), Trend::Growing(12.0));
        assert_eq!(trend(-2.0), Trend::Shrinking(-2.0));
        assert_eq!(trend(0.2), Trend::Steady);
        assert_eq!(signed_rate(12.4), "+12");
        assert_eq!(signed_rate(-3.46), "\u{2212}3.5");
        assert_eq!(arrow(Trend::Steady), "→");
    }

    #[test]
    fn last_points_skip_missing_values() {
        let s = vec![(0, None), (1000, Some(3)), (2000, Some(5)), (3000, None)];
        assert_eq!(last_points(&s, 3), vec![(1000, 3.0), (2000, 5.0)]);
        assert_eq!(last_points(&s, 10).len(), 2);
    }

    #[test]
    fn scale_maps_time_and_value_into_the_box() {
        let sc = Scale::fit(&[1000, 2000, 3000], 37, BOX);
        assert_eq!(sc.v_max, 50);
        assert_eq!(sc.x(1000), 10.0);
        assert_eq!(sc.x(3000), 110.0);
        assert_eq!(sc.x(2000), 60.0);
        assert_eq!(sc.y(0.0), 50.0);
        assert_eq!(sc.y(50.0), 0.0);
        assert_eq!(sc.y(500.0), 0.0, "clamped");
        assert_eq!(sc.t_at(60.0), 2000.0);
        // A single sample sits at the right edge.
        let one = Scale::fit(&[7000], 0, BOX);
        assert_eq!((one.x(7000), one.v_max), (110.0, 1));
    }

    #[test]
    fn nice_max_rounds_up_to_1_2_5() {
        let got: Vec<u64> = [0, 1, 2, 3, 6, 10, 11, 120, 501, 999].map(nice_max).to_vec();
        assert_eq!(got, vec![1, 1, 2, 5, 10, 10, 20, 200, 1000, 1000]);
        assert_eq!(nice_max(u64::MAX), u64::MAX);
    }

    #[test]
    fn the_nearest_sample_is_picked_from_an_x() {
        let ts = [0, 1000, 2000, 3000, 4000];
        let sc = Scale::fit(&ts, 10, BOX);
        assert_eq!(sc.nearest(&ts, 10.0), Some(0));
        assert_eq!(sc.nearest(&ts, 0.0), Some(0), "left of the plot");
        assert_eq!(sc.nearest(&ts, 36.0), Some(1));
        assert_eq!(sc.nearest(&ts, 47.0), Some(1));
        assert_eq!(sc.nearest(&ts, 48.0), Some(2));
        assert_eq!(sc.nearest(&ts, 500.0), Some(4), "right of the plot");
        assert_eq!(sc.nearest(&[], 50.0), None);
        // CSS pixels to SVG units: a 640 px wide drawing of a 320-unit chart.
        assert_eq!(to_view_x(420.0, 100.0, 640.0, 320.0), Some(160.0));
        assert_eq!(to_view_x(1.0, 0.0, 0.0, 320.0), None);
    }

    #[test]
    fn keys_move_the_selected_sample() {
        assert_eq!(key_move("ArrowLeft", None, 5), Some(Some(3)));
        assert_eq!(key_move("ArrowLeft", Some(0), 5), Some(Some(0)));
        assert_eq!(key_move("ArrowRight", Some(2), 5), Some(Some(3)));
        assert_eq!(key_move("ArrowRight", Some(3), 5), Some(None), "past the end follows the newest");
        assert_eq!(key_move("Home", None, 5), Some(Some(0)));
        assert_eq!(key_move("Escape", Some(1), 5), Some(None));
        assert_eq!(key_move("a", Some(1), 5), None);
        assert_eq!(key_move("ArrowLeft", None, 0), None);
    }

    #[test]
    fn polylines_break_at_missing_values() {
        let sc = Scale::fit(&[0, 1000, 2000, 3000], 10, BOX);
        let series = vec![(0, Some(0)), (1000, Some(10)), (2000, None), (3000, Some(5))];
        assert_eq!(polylines(&series, &sc), vec!["10.0,50.0 43.3,0.0".to_string(), "110.0,25.0".to_string()]);
        assert!(polylines(&[(0, None)], &sc).is_empty());
    }

    #[test]
    fn bars_and_formats() {
        assert_eq!(fraction(50, 0, 100), 0.5);
        assert_eq!(fraction(5, 10, 100), 0.0, "below the log start (deleted by retention)");
        assert_eq!(fraction(3, 3, 3), 1.0);
        assert_eq!(format_lag_time(3210), "3.2 s");
        assert_eq!(format_lag_time(0), "0.0 s");
        assert_eq!(format_lag_time(125_000), "125 s");
        assert_eq!(format_t(42_000), "42 s");
        assert_eq!(percent(1.0), "100%");
        assert_eq!(percent(0.333), "33%");
    }
}
