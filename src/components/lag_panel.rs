//! The Lag tab (course chapters 5 "consumer lag" and 6 "Burrow"): every group's
//! Burrow status, the `kafka-consumer-groups --describe` table, where the group
//! is in each log, lag over simulated time with its trend, Burrow's commit
//! windows with the rule that decided each partition, and one-click lessons.
//!
//! Everything is drawn from the current view and the cluster's lag history, so
//! the charts pause, step and play with the simulation. The maths (trend slope,
//! scaling, picking a sample from a click) is in plain functions tested natively.
//!
//! The situation buttons open chapter 6 of the course (`kafka_sim::course`)
//! at the step that shows each status.

use crate::chart::*;
use crate::components::inspector::fill;
use crate::components::nodes::{
    button, cell, dt_dd, el, el_id, head_row, keyed_tag, num, nums, svg_line, svg_text, vlist, vtag,
};
use crate::i18n::{strings, Lang, Strings};
use crate::palette::PART_COLOURS;
use crate::state::{Action, GroupLag};
use crate::ui::use_ui;
use kafka_sim::burrow::{Commit, GroupEvaluation, GroupStatus, PartitionStatus};
use kafka_sim::config::ClusterConfig;
use kafka_sim::group::LagSample;
use kafka_sim::view::{ClusterView, GroupView};
use std::rc::Rc;
use yew::prelude::*;

/// The per-partition log bar's SVG box.
const BAR_W: f64 = 300.0;
/// Its `viewBox`, BAR_W × 24, as text (no float formatting per bar).
const BAR_VIEW_BOX: &str = "0 0 300 24";

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

/// Chapter 6's situations, one button each: (badge class, status shown, title,
/// id for the test hook, step of chapter 6 from 0). The lesson itself lives in
/// `kafka_sim::course` (one mechanism for every guided situation).
fn situations(s: &Strings) -> [(&'static str, &'static str, &'static str, &'static str, usize); 6] {
    [
        ("lag-chip--ok", "OK", s.lag_lesson_ok, "ok", 0),
        ("lag-chip--warn", "WARN", s.lag_lesson_warn, "warn", 4),
        ("lag-chip--err", "STOP", s.lag_lesson_stop, "stop", 2),
        ("lag-chip--err", "STALL", s.lag_lesson_stall, "stall", 3),
        ("lag-chip--err", "REWIND", s.lag_lesson_rewind, "rewind", 5),
        ("lag-chip--quiet", "OK?", s.lag_lesson_quiet, "quiet", 1),
    ]
}

// ---------------------------------------------------------------------------
// Component
// ---------------------------------------------------------------------------

#[derive(Properties)]
pub struct LagPanelProps {
    pub view: Rc<ClusterView>,
    /// Lag samples and Burrow windows per group (copied out by the reducer).
    pub lag: Rc<Vec<GroupLag>>,
    /// The run's configuration: a lesson is "on" while the run is the lesson's.
    pub config: Rc<ClusterConfig>,
}

impl PartialEq for LagPanelProps {
    /// By pointer: every change comes as a new `Rc`.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
            && Rc::ptr_eq(&self.lag, &other.lag)
            && Rc::ptr_eq(&self.config, &other.config)
    }
}

/// One group's lag history, reshaped for drawing.
struct History {
    ts: Vec<u64>,
    total: Vec<(u64, Option<u64>)>,
    parts: Vec<Vec<(u64, Option<u64>)>>,
}

impl History {
    fn of(samples: &[LagSample], partitions: usize) -> History {
        History {
            ts: samples.iter().map(|s| s.t_ms).collect(),
            total: samples.iter().map(|s| (s.t_ms, Some(s.total))).collect(),
            parts: (0..partitions)
                .map(|p| samples.iter().map(|s| (s.t_ms, s.lag.get(p).copied().flatten())).collect())
                .collect(),
        }
    }
}

/// The panel's state handles a group chip or a situation button changes.
#[derive(Clone)]
struct Handles {
    ui: crate::ui::Ui,
    chosen: UseStateHandle<Option<String>>,
    pinned: UseStateHandle<Option<u64>>,
    hover: UseStateHandle<Option<u64>>,
}

/// A click that shows the group `id`, and first opens chapter 6 at step `run`
/// if given (one closure for the chips and the situation buttons).
#[inline(never)]
fn select(h: &Handles, id: String, run: Option<usize>) -> Callback<MouseEvent> {
    let h = h.clone();
    Callback::from(move |_: MouseEvent| {
        if let Some(step) = run {
            h.ui.send(Action::OpenLesson { id: "ch6", step });
            h.hover.set(None);
        }
        h.chosen.set(Some(id.clone()));
        h.pinned.set(None);
    })
}

#[component]
pub fn LagPanel(props: &LagPanelProps) -> Html {
    let ui = use_ui();
    let s = strings(ui.lang);
    let chosen = use_state_eq(|| None::<String>);
    // The chart sample picked by tap/click/keys (by time), and the one under the mouse.
    // One initialiser function for the three: one copy of the hook's code.
    let pinned = use_state_eq(Option::<u64>::default);
    let hover = use_state_eq(Option::<u64>::default);
    let total_ref = use_node_ref();
    let parts_ref = use_node_ref();

    let handles = Handles { ui: ui.clone(), chosen: chosen.clone(), pinned: pinned.clone(), hover: hover.clone() };
    let view = &props.view;
    let group: Option<&GroupView> =
        chosen.as_ref().and_then(|id| view.groups.iter().find(|g| &g.id == id)).or_else(|| view.groups.first());

    let chip_buttons = view.groups.iter().map(|g| {
        let on = group.is_some_and(|x| x.id == g.id);
        let onclick = select(&handles, g.id.clone(), None);
        let class =
            classes(&["lag-chip lag-chip--button", group_class(g.burrow.status), if on { "lag-chip--on" } else { "" }]);
        let name = el("span", "lag-chip__name", g.id.clone().into());
        let title = group_why(&g.burrow, ui.lang).map(AttrValue::from);
        let status = vtag(
            "span",
            &["class", "title"],
            vec![Some("lag-chip__status".into()), title],
            vec![g.burrow.status.as_str().into()],
        )
        .into();
        let testid = format!("burrow-status-{}", g.id).into();
        keyed_tag(g.id.as_str().into(), button(class, testid, Some(on), onclick, vec![name, status]))
    });
    let chips = vtag(
        "div",
        &["class", "role", "aria-label"],
        vec![Some("lag-chips".into()), Some("group".into()), Some(s.lag_groups.into())],
        chip_buttons.collect(),
    )
    .into();

    let lessons = {
        let buttons = situations(s).into_iter().map(|(class, status, title, id, step)| {
            let onclick = select(&handles, "billing".to_string(), Some(step));
            let badge = chip(class, None, None, status);
            let title = el("span", "lag-lesson__title", title.into());
            Html::from(button(
                "lag-lesson".into(),
                format!("burrow-lesson-{id}").into(),
                None,
                onclick,
                vec![badge, title],
            ))
        });
        let children = vec![
            el("summary", "", s.lag_lessons.into()),
            el("div", "lag-lessons__grid", vlist(buttons.collect())),
            el("p", "lag-note", s.lag_lessons_note.into()),
        ];
        // `open=true` in `html!` sets open="open".
        vtag("details", &["class", "open"], vec![Some("lag-section lag-lessons".into()), Some("open".into())], children)
            .into()
    };
    // The panel's region around `children` (with or without a group).
    let panel = |children: Vec<Html>| {
        let keys = &["class", "data-testid", "role", "aria-label"];
        let values =
            vec![Some("lag-panel".into()), Some("lag-panel".into()), Some("region".into()), Some(s.lag_label.into())];
        Html::from(vtag("div", keys, values, children))
    };

    let Some(g) = group else {
        return panel(vec![chips, el("p", "lag-note", s.lag_no_groups.into()), lessons]);
    };

    // Lag history and Burrow windows, as the reducer copied them out.
    let lag = props.lag.iter().find(|l| l.group == g.id);
    let history = History::of(lag.map_or(&[][..], |l| &l.samples), g.partitions.len());
    let windows = lag.map_or(&[][..], |l| &l.windows);

    // The sample the readouts show: hovered, else pinned, else the newest.
    let index_of = |t: Option<u64>| t.and_then(|t| history.ts.binary_search(&t).ok());
    let pinned_index = index_of(*pinned);
    let shown = index_of(*hover).or(pinned_index).or(history.ts.len().checked_sub(1));

    let st = ChartState {
        pinned: pinned.clone(),
        hover: hover.clone(),
        total_ref: total_ref.clone(),
        parts_ref: parts_ref.clone(),
    };
    panel(vec![
        el("h3", "lag-heading", s.lag_groups.into()),
        chips,
        lessons,
        describe_table(s, g),
        log_bars(s, view, g),
        charts(s, &history, shown, pinned_index, st),
        burrow_view(s, ui.lang, g, windows),
    ])
}

/// `kafka-consumer-groups --describe`, plus records-lag and time lag.
fn describe_table(s: &Strings, g: &GroupView) -> Html {
    let rows = g.partitions.iter().map(|r| {
        let cells = [
            ("", "", g.id.clone()),
            ("", "", r.topic.clone()),
            ("lag-num", "", r.partition.to_string()),
            ("lag-num", "current-offset", opt(r.committed)),
            ("lag-num", "log-end-offset", r.log_end_offset.to_string()),
            ("lag-num", "lag", opt(r.lag)),
            ("", "consumer-id", r.owner.clone().unwrap_or_else(|| "-".into())),
            ("lag-num", "records-lag", opt(r.records_lag)),
            ("lag-num", "time-lag", r.time_lag_ms.map_or_else(|| "-".into(), format_lag_time)),
        ];
        let testid = format!("lag-row-{}-{}", r.topic, r.partition);
        let mut tds = Vec::new();
        for (class, col, v) in cells {
            tds.push(cell(class, col, v));
        }
        keyed_tag(r.partition.into(), vtag("tr", &["data-testid"], vec![Some(testid.into())], tds))
    });
    let head = head_row(&[
        "GROUP",
        "TOPIC",
        "PARTITION",
        "CURRENT-OFFSET",
        "LOG-END-OFFSET",
        "LAG",
        "CONSUMER-ID",
        "records-lag",
        s.lag_col_time,
    ]);
    let table =
        el_id("table", "lag-table", "lag-table".into(), vlist(vec![head, el("tbody", "", vlist(rows.collect()))]));
    let scroll = vtag(
        "div",
        &["class", "tabindex", "role", "aria-label"],
        vec![Some("lag-scroll".into()), Some("0".into()), Some("region".into()), Some(s.lag_describe.into())],
        vec![table],
    );
    let facts = [dt_dd(s.lag_total, "lag-total", g.total_lag.into()), dt_dd(s.lag_max, "lag-max", g.max_lag.into())];
    let members = if g.members.is_empty() {
        el("p", "lag-note", s.lag_no_members.into())
    } else {
        let items = g.members.iter().map(|m| {
            // A crashed consumer reports no metrics.
            let value = if m.crashed {
                "records-lag-max -".to_string()
            } else {
                format!("records-lag-max {}", m.records_lag_max)
            };
            let children = vec![
                el("span", "lag-mono", m.id.clone().into()),
                if m.crashed { el("span", "lag-tag--bad", s.crashed.into()) } else { Html::default() },
                el("span", "lag-members__value", value.into()),
            ];
            let testid = format!("lag-member-{}", m.id);
            keyed_tag(m.id.as_str().into(), vtag("li", &["data-testid"], vec![Some(testid.into())], children))
        });
        el("ul", "lag-members", vlist(items.collect()))
    };
    section(vec![
        el("h3", "lag-heading", s.lag_describe.into()),
        scroll.into(),
        el("dl", "lag-facts", vlist(facts.into())),
        el("h4", "lag-subheading", s.lag_member_max.into()),
        members,
        el_id("p", "lag-note", "lag-explain".into(), s.lag_explain.into()),
        el("p", "lag-note", s.lag_time_help.into()),
    ])
}

/// `<section class="lag-section">`, the frame of each part of the panel.
#[inline(never)]
fn section(children: Vec<Html>) -> Html {
    vtag("section", &["class"], vec![Some("lag-section".into())], children).into()
}

/// Each partition's retained log as a bar with the committed and position markers.
fn log_bars(s: &Strings, view: &ClusterView, g: &GroupView) -> Html {
    let topic = view.topics.iter().find(|t| t.name == g.topic);
    let x = |f: f64| 4.0 + f * (BAR_W - 8.0);
    let bars = g.partitions.iter().map(|r| {
        let (start, hw) = topic
            .and_then(|t| t.partitions.iter().find(|p| p.partition == r.partition))
            .map_or((0, r.log_end_offset), |p| (p.log_start_offset, p.high_watermark));
        let committed = r.committed.map(|c| x(fraction(c, start, hw)));
        let position = r.position.map(|p| x(fraction(p, start, hw)));
        let text = fill(
            s.lag_bar_text,
            &[
                ("start", start.to_string()),
                ("hw", hw.to_string()),
                ("committed", opt(r.committed)),
                ("position", opt(r.position)),
                ("lag", opt(r.lag)),
            ],
        );
        let name = format!("{}-{}", r.topic, r.partition);
        let mut marks = vec![bar_rect("lag-bar__log", x(0.0), x(1.0) - x(0.0), true)];
        if let Some(c) = committed {
            marks.push(bar_rect("lag-bar__read", x(0.0), (c - x(0.0)).max(0.0), true));
            marks.push(bar_rect("lag-bar__lag", c, (x(1.0) - c).max(0.0), false));
        }
        if let Some(p) = position {
            marks.push(svg_line("lag-bar__position", p, p, 5.0, 23.0));
        }
        if let Some(c) = committed {
            let points = nums("{},7 {},0 {},0", &[c, c - 4.5, c + 4.5]);
            marks.push(shape("polygon", "lag-bar__committed", points, None));
            marks.push(svg_line("lag-bar__committed-line", c, c, 7.0, 20.0));
        }
        let svg = vtag(
            "svg",
            &["class", "viewBox", "role", "aria-label"],
            vec![
                Some("lag-bar".into()),
                Some(BAR_VIEW_BOX.into()),
                Some("img".into()),
                Some(format!("{name}: {text}").into()),
            ],
            marks,
        );
        let testid = Some(format!("lag-bar-{name}").into());
        let children =
            vec![el("span", "lag-bars__name", name.into()), svg.into(), el("span", "lag-bars__text", text.into())];
        keyed_tag(r.partition.into(), vtag("li", &["data-testid"], vec![testid], children))
    });
    section(vec![
        el("h3", "lag-heading", s.lag_bars.into()),
        el("ul", "lag-bars", vlist(bars.collect())),
        el("p", "lag-note", s.lag_bars_legend.into()),
    ])
}

/// A `<polygon>` or `<polyline>` (`name`) through `points`.
#[inline(never)]
fn shape(name: &'static str, class: &'static str, points: String, style: Option<String>) -> Html {
    vtag(
        name,
        &["class", "points", "style"],
        vec![Some(class.into()), Some(points.into()), style.map(Into::into)],
        vec![],
    )
    .into()
}

/// A chart's dot at the shown sample.
#[inline(never)]
fn dot(cx: f64, cy: f64, r: &'static str, style: Option<String>) -> Html {
    let values = vec![
        Some("lag-chart__dot".into()),
        Some(num(cx).into()),
        Some(num(cy).into()),
        Some(r.into()),
        style.map(Into::into),
    ];
    vtag("circle", &["class", "cx", "cy", "r", "style"], values, vec![]).into()
}

/// A bar of the log strip, 12 px high at y = 8; `rounded` gives it rx = 2.
#[inline(never)]
fn bar_rect(class: &'static str, x: f64, width: f64, rounded: bool) -> Html {
    let values = vec![
        Some(class.into()),
        Some(num(x).into()),
        Some("8".into()),
        Some(num(width).into()),
        Some("12".into()),
        rounded.then_some("2".into()),
    ];
    vtag("rect", &["class", "x", "y", "width", "height", "rx"], values, vec![]).into()
}

/// A chart's node, and its click, mouse-move, mouse-leave and key handlers.
type ChartHandlers =
    (NodeRef, Callback<MouseEvent>, Callback<MouseEvent>, Callback<MouseEvent>, Callback<KeyboardEvent>);

/// The handlers of the chart `node` drawn with `scale` over the sample times `ts`.
#[inline(never)]
fn chart_handlers(st: &ChartState, node: NodeRef, scale: Scale, ts: &Rc<Vec<u64>>) -> ChartHandlers {
    // A click pins the sample under the mouse; a move hovers it (one closure for both).
    let pick = |target: &UseStateHandle<Option<u64>>, pin: bool| {
        let (target, node, ts) = (target.clone(), node.clone(), ts.clone());
        Callback::from(move |e: MouseEvent| {
            let t = index_at(&node, &e, &scale, &ts).map(|i| ts[i]);
            if t.is_some() || !pin {
                target.set(t);
            }
        })
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
    (node.clone(), pick(&st.pinned, true), pick(&st.hover, false), clear(None, st.hover.clone()), onkeydown)
}

/// A handler that clears the hovered sample, and the pinned one when given.
#[inline(never)]
fn clear(pinned: Option<UseStateHandle<Option<u64>>>, hover: UseStateHandle<Option<u64>>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        if let Some(p) = &pinned {
            p.set(None);
        }
        hover.set(None);
    })
}

/// The largest value of a series (0 if none).
fn series_max(series: &[(u64, Option<u64>)]) -> u64 {
    series.iter().filter_map(|(_, v)| *v).max().unwrap_or(0)
}

/// A chart's axes, their labels and the cursor at `t_shown`.
#[inline(never)]
fn axes(scale: &Scale, t_shown: u64) -> Vec<Html> {
    let (left, top, bottom, right) = (PLOT.left, PLOT.top, PLOT.top + PLOT.height, PLOT.left + PLOT.width);
    let x = scale.x(t_shown);
    vec![
        svg_line("lag-chart__axis", left, left, top, bottom),
        svg_line("lag-chart__axis", left, right, bottom, bottom),
        svg_line("lag-chart__grid", left, right, top, top),
        svg_text("lag-chart__label", left - 4.0, top + 4.0, "end", scale.v_max.to_string().into()),
        svg_text("lag-chart__label", left - 4.0, bottom, "end", "0".into()),
        svg_text("lag-chart__label", left, CHART_H - 6.0, "start", format_t(scale.t0).into()),
        svg_text("lag-chart__label", right, CHART_H - 6.0, "end", format_t(scale.t1).into()),
        svg_line("lag-chart__cursor", x, x, top, bottom),
    ]
}

/// A chart's `<svg>`, a slider over its `n + 1` samples at `at` (one builder for both charts).
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn chart_svg(
    testid: &'static str,
    label: &'static str,
    n: usize,
    at: usize,
    valuetext: String,
    (node, onclick, onmousemove, onmouseleave, onkeydown): ChartHandlers,
    children: Vec<Html>,
) -> Html {
    html! {
        <svg class="lag-chart" ref={node} data-testid={testid}
            viewBox={CHART_VIEW_BOX} tabindex="0" role="slider" aria-label={label}
            aria-valuemin="0" aria-valuemax={n.to_string()} aria-valuenow={at.to_string()}
            aria-valuetext={valuetext} {onclick} {onmousemove} {onmouseleave} {onkeydown}>
            { vlist(children) }
        </svg>
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
    let rect = node.cast::<web_sys::Element>()?.get_bounding_client_rect();
    let x = to_view_x(f64::from(e.client_x()), rect.left(), rect.width(), CHART_W)?;
    scale.nearest(ts, x)
}

fn charts(s: &Strings, h: &History, shown: Option<usize>, pinned_index: Option<usize>, st: ChartState) -> Html {
    if h.ts.is_empty() {
        return section(vec![
            el("h3", "lag-heading", s.lag_charts.into()),
            el_id("p", "lag-note", "lag-chart-empty".into(), s.lag_chart_empty.into()),
        ]);
    }
    let max_total = series_max(&h.total);
    let max_part = h.parts.iter().map(|s| series_max(s)).max().unwrap_or(0);
    let total_scale = Scale::fit(&h.ts, max_total, PLOT);
    let part_scale = Scale::fit(&h.ts, max_part, PLOT);
    let slope = slope_per_s(&last_points(&h.total, TREND_SAMPLES));
    let trend_html = match slope.map(trend) {
        None => el("span", "", s.lag_trend_unknown.into()),
        Some(t) => {
            let words = match t {
                Trend::Growing(r) => fill(s.lag_trend_growing, &[("rate", signed_rate(r))]),
                Trend::Shrinking(r) => fill(s.lag_trend_shrinking, &[("rate", signed_rate(r))]),
                Trend::Steady => s.lag_trend_steady.to_string(),
            };
            let class = match t {
                Trend::Growing(_) => "lag-trend__value lag-trend--up",
                Trend::Shrinking(_) => "lag-trend__value lag-trend--down",
                Trend::Steady => "lag-trend__value lag-trend--flat",
            };
            el("span", class, format!("{} {words}", arrow(t)).into())
        }
    };

    let at = shown.unwrap_or(h.ts.len() - 1);
    let t_shown = h.ts[at];
    let which = if pinned_index.is_some() { s.lag_readout_selected } else { s.lag_readout_latest };
    let total_at = h.total[at].1.unwrap_or(0);

    let ts = Rc::new(h.ts.clone());
    let total_lines = polylines(&h.total, &total_scale);
    let area = total_lines.first().filter(|_| total_lines.len() == 1).map(|pts| {
        let base = PLOT.top + PLOT.height;
        format!(
            "{} {pts} {}",
            nums("{},{}", &[total_scale.x(h.ts[0]), base]),
            nums("{},{}", &[total_scale.x(h.ts[h.ts.len() - 1]), base])
        )
    });
    let mut marks = axes(&total_scale, t_shown);
    if let Some(a) = area {
        marks.push(shape("polygon", "lag-chart__area", a, None));
    }
    for pts in total_lines {
        marks.push(shape("polyline", "lag-chart__line", pts, None));
    }
    marks.push(dot(total_scale.x(t_shown), total_scale.y(total_at as f64), "3", None));
    let total_chart = chart_svg(
        "lag-chart-total",
        s.lag_total,
        h.ts.len() - 1,
        at,
        format!("t = {}, {} {}", format_t(t_shown), s.lag_total, total_at),
        chart_handlers(&st, st.total_ref.clone(), total_scale, &ts),
        marks,
    );

    let parts_value: Vec<String> = h
        .parts
        .iter()
        .enumerate()
        .map(|(p, series)| format!("{p}: {}", opt(series.get(at).and_then(|x| x.1))))
        .collect();
    let mut marks = axes(&part_scale, t_shown);
    for (p, series) in h.parts.iter().enumerate() {
        let colour = PART_COLOURS[p % PART_COLOURS.len()];
        for pts in polylines(series, &part_scale) {
            marks.push(shape("polyline", "lag-chart__part", pts, Some(format!("stroke:{colour}"))));
        }
    }
    // The dots after every line, so no line covers one.
    for (p, series) in h.parts.iter().enumerate() {
        if let Some(v) = series.get(at).and_then(|x| x.1) {
            let colour = PART_COLOURS[p % PART_COLOURS.len()];
            marks.push(dot(part_scale.x(t_shown), part_scale.y(v as f64), "2.5", Some(format!("fill:{colour}"))));
        }
    }
    let parts_chart = chart_svg(
        "lag-chart-partitions",
        s.lag_chart_parts,
        h.ts.len() - 1,
        at,
        format!("t = {}, {}", format_t(t_shown), parts_value.join(", ")),
        chart_handlers(&st, st.parts_ref.clone(), part_scale, &ts),
        marks,
    );
    let show_latest = clear(Some(st.pinned.clone()), st.hover.clone());

    let show_latest = pinned_index.map(|_| {
        button("lag-btn".into(), "lag-show-latest".into(), None, show_latest, vec![s.lag_show_latest.into()]).into()
    });
    let legend = h.parts.iter().enumerate().map(|(p, series)| {
        let colour = PART_COLOURS[p % PART_COLOURS.len()];
        let style = format!("background:{colour}").into();
        let swatch = vtag("span", &["class", "style"], vec![Some("lag-legend__swatch".into()), Some(style)], vec![]);
        let trend = slope_per_s(&last_points(series, TREND_SAMPLES)).map(|slope| {
            let t = trend(slope);
            let text = match t {
                Trend::Steady => arrow(t).to_string(),
                Trend::Growing(r) | Trend::Shrinking(r) => format!("{} {}/s", arrow(t), signed_rate(r)),
            };
            el("span", "lag-legend__trend", text.into())
        });
        let children =
            vec![swatch.into(), el("span", "lag-mono", parts_value[p].clone().into()), trend.unwrap_or_default()];
        // A u32 key like the rows' (one `Key` conversion in the wasm).
        keyed_tag((p as u32).into(), vtag("li", &[], vec![], children))
    });

    let readout = vec![
        el("span", "lag-readout__which", which.into()),
        el("span", "lag-mono", format!("t = {}", format_t(t_shown)).into()),
        show_latest.unwrap_or_default(),
    ];
    let trend_line =
        vec![el("span", "", fill(s.lag_trend, &[("n", TREND_SAMPLES.to_string())]).into()), " ".into(), trend_html];
    section(vec![
        el("h3", "lag-heading", s.lag_charts.into()),
        el("p", "lag-note", s.lag_chart_help.into()),
        el_id("div", "lag-readout", "lag-readout".into(), vlist(readout)),
        el("h4", "lag-subheading", format!("{} (t = {}): {total_at}", s.lag_total, format_t(t_shown)).into()),
        total_chart,
        el_id("p", "lag-trend", "lag-trend".into(), vlist(trend_line)),
        el("h4", "lag-subheading", s.lag_chart_parts.into()),
        parts_chart,
        el_id("ul", "lag-legend", "lag-legend".into(), vlist(legend.collect())),
    ])
}

/// Burrow's verdict: the group line, then per partition the stored commits and
/// the rule that decided its status.
fn burrow_view(s: &Strings, lang: Lang, g: &GroupView, windows: &[Vec<Commit>]) -> Html {
    let b = &g.burrow;
    let bl = lang;
    let max =
        b.max_lag.as_ref().map_or_else(|| "-".to_string(), |m| format!("{}-{} ({})", m.topic, m.partition, m.lag));
    let why = group_why(b, lang).map(AttrValue::from);
    let status = chip(group_class(b.status), Some("burrow-group-status".into()), why, b.status.as_str());
    let facts = vec![
        dt_dd(s.lag_burrow_status, "", status),
        dt_dd(s.lag_burrow_complete, "", percent(b.complete).into()),
        dt_dd(s.lag_total, "", b.total_lag.into()),
        dt_dd(s.lag_burrow_max, "", max.into()),
    ];
    let parts = b.partitions.iter().enumerate().map(|(i, p)| {
        let name = format!("{}-{}", p.topic, p.partition);
        let commits = windows.get(p.partition as usize).or_else(|| windows.get(i));
        let head = vec![
            chip(
                part_class(p.status),
                Some(format!("burrow-part-status-{name}").into()),
                Some(p.reason.explain(bl).into()),
                p.status.as_str(),
            ),
            el("strong", "lag-mono", name.clone().into()),
            el("span", "lag-burrow__meta", format!("lag {} · complete {}", p.current_lag, percent(p.complete)).into()),
        ];
        let children = vec![
            el("div", "lag-burrow__head", vlist(head)),
            commit_strip(s, commits.map(Vec::as_slice).unwrap_or(&[])),
            el_id("p", "lag-burrow__why", format!("burrow-part-why-{name}").into(), p.reason.explain(bl).into()),
        ];
        let testid = format!("burrow-part-{name}").into();
        let li = vtag("li", &["class", "data-testid"], vec![Some("lag-burrow__part".into()), Some(testid)], children);
        keyed_tag(name.as_str().into(), li)
    });
    let children = vec![
        el("h3", "lag-heading", s.lag_burrow.into()),
        el("dl", "lag-facts", vlist(facts)),
        el("p", "lag-note", s.lag_burrow_intro.into()),
        el("ul", "lag-burrow", vlist(parts.collect())),
    ];
    el_id("section", "lag-section", "burrow-view".into(), vlist(children))
}

/// A status chip, `<span class="lag-chip {class}" data-testid=… title=…>status</span>`
/// (no test id or title if `None`); the title says why.
#[inline(never)]
fn chip(class: &'static str, testid: Option<AttrValue>, title: Option<AttrValue>, status: &'static str) -> Html {
    let values = vec![Some(classes(&["lag-chip", class])), testid, title];
    vtag("span", &["class", "data-testid", "title"], values, vec![status.into()]).into()
}

/// Why a group has its Burrow status: the partition that decided it (the first
/// at the group's level; for OK, the one with the max lag) and the rule that fired.
fn group_why(b: &GroupEvaluation, lang: Lang) -> Option<String> {
    let level = group_class(b.status);
    let max = b.max_lag.as_ref();
    let p = b
        .partitions
        .iter()
        .find(|p| b.status != GroupStatus::Ok && part_class(p.status) == level)
        .or_else(|| b.partitions.iter().find(|p| max.is_some_and(|m| m.topic == p.topic && m.partition == p.partition)))
        .or(b.partitions.first())?;
    Some(format!("{}-{}: {}", p.topic, p.partition, p.reason.explain(lang)))
}

/// Class names joined by spaces, empty ones left out (what `classes!` gives,
/// without building a `Classes` set).
#[inline(never)]
fn classes(names: &[&str]) -> AttrValue {
    let mut out = String::new();
    for n in names.iter().filter(|n| !n.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(n);
    }
    out.into()
}

/// The stored commits as small boxes, oldest first: offset above, lag below.
fn commit_strip(s: &Strings, commits: &[Commit]) -> Html {
    if commits.is_empty() {
        return el("p", "lag-note", s.lag_burrow_empty.into());
    }
    let items = commits.iter().enumerate().map(|(i, c)| {
        let prev = i.checked_sub(1).map(|j| commits[j].offset);
        let when = |on: bool, name| if on { name } else { "" };
        let class = classes(&[
            "lag-commit",
            when(c.lag == Some(0), "lag-commit--zero"),
            when(prev.is_some_and(|p| c.offset < p), "lag-commit--rewind"),
            when(prev.is_some_and(|p| c.offset == p), "lag-commit--same"),
        ]);
        let lag = c.lag.map_or_else(|| "-".to_string(), |l| l.to_string());
        let values = vec![
            Some(class),
            Some(format!("t = {} s", kafka_sim::fixed::fixed(c.timestamp_ms as f64 / 1000.0, 1)).into()),
            Some(format!("#{}: offset {}, lag {lag}", i + 1, c.offset).into()),
        ];
        let n = vtag(
            "span",
            &["class", "aria-hidden"],
            vec![Some("lag-commit__n".into()), Some("true".into())],
            vec![format!("#{}", i + 1).into()],
        );
        let children = vec![
            n.into(),
            el("span", "lag-commit__offset", c.offset.into()),
            el("span", "lag-commit__lag", lag.into()),
        ];
        Html::from(vtag("li", &["class", "title", "aria-label"], values, children))
    });
    vlist(vec![
        el("p", "lag-commits__caption", s.lag_burrow_window.into()),
        el("ol", "lag-commits", vlist(items.collect())),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_boxes_match_their_sizes() {
        assert_eq!(BAR_VIEW_BOX, format!("0 0 {BAR_W} 24"));
        assert_eq!(CHART_VIEW_BOX, format!("0 0 {CHART_W} {CHART_H}"));
    }

    /// Each situation button opens the chapter 6 step whose run ends in the
    /// status it names (the quiet topic's "OK?" is an OK Burrow should not be
    /// trusted with), so a change to the chapter cannot silently break them.
    #[test]
    fn situations_open_the_step_that_shows_their_status() {
        use kafka_sim::course::{lesson, Player, Value};
        let ch6 = lesson("ch6").unwrap();
        for (_, status, _, id, step) in situations(crate::i18n::strings(crate::i18n::Lang::En)) {
            let want = status.trim_end_matches('?');
            let mut p = Player::open(ch6, step).unwrap();
            let o = p.finish();
            let shown = o.facts.0.iter().any(|(_, v)| *v == Value::Word(want.to_string()));
            assert!(shown, "{id}: step {step} of ch6 ends without {want}: {:?}", o.facts);
        }
    }
}
