//! The cluster drawn as SVG from the simulation's view: producers, the
//! partitioner stage, brokers with each replica's log cells (LEO, HW, group
//! commit markers), consumer groups. It changes only when the simulation does;
//! moving records are drawn by `records_layer` on a canvas above it. Each broker
//! and each group is its own component whose props are that part of the view,
//! compared by value: a step re-renders only the brokers and groups it changed.

use crate::components::inspector::{broker_status, fill};
use crate::components::nodes::{frag, num, nums, svg_line, svg_text, vtag};
use crate::i18n::{strings, Strings};
use crate::layout::{
    self, cell_window, fit, text_width, wrap, BrokerBox, Chip, GroupBox, Rect, ReplicaBox, Section, Topology, CELLS,
    CHIP_TEXT_X, GROUP_NAME_Y, PRODUCER_META_Y, PRODUCER_NAME_Y, TOPIC_BAR_W,
};
use crate::palette::{style_of, topic_colour, GROUP_COLOURS};
use crate::state::Selection;
use crate::ui::use_ui;
use kafka_sim::config::ClusterConfig;
use kafka_sim::course::Spot;
use kafka_sim::fixed::fixed;
use kafka_sim::partitioner::DecisionReason;
use kafka_sim::view::{BrokerView, ClusterView, GroupView, PartitionView, RecentDecision};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct TopologyProps {
    pub view: Rc<ClusterView>,
    pub topo: Rc<Topology>,
    pub selection: Option<Selection>,
    pub on_select: Callback<Selection>,
    /// The run's configuration: the timeouts the badges' explanations quote.
    pub config: Rc<ClusterConfig>,
    /// A lesson step's spotlight: these entities stay bright, the rest dims.
    /// Empty: nothing dims.
    #[prop_or_default]
    pub spotlight: Rc<Vec<Spot>>,
}

impl PartialEq for TopologyProps {
    /// By pointer: a new view or layout is always a new `Rc` (deep comparison of
    /// a large view on every render would cost more than it saves).
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.view, &o.view)
            && Rc::ptr_eq(&self.topo, &o.topo)
            && self.selection == o.selection
            && self.on_select == o.on_select
            && self.spotlight == o.spotlight
            && Rc::ptr_eq(&self.config, &o.config)
    }
}

/// Whether a spotlight names this replica: its partition, or the broker it is on.
pub fn spot_replica(spots: &[Spot], topic: &str, partition: u32, broker: u32) -> bool {
    spots.iter().any(|s| match s {
        Spot::Partition { topic: t, partition: p } => *t == topic && *p == partition,
        Spot::Broker(b) => *b == broker,
        _ => false,
    })
}

#[component]
pub fn TopologyView(props: &TopologyProps) -> Html {
    let s = strings(use_ui().lang);
    let view = &props.view;
    let t = &props.topo;
    let sel = props.selection.as_ref();
    let select = |sel: Selection| select(&props.on_select, sel);
    let key_select = |sel: Selection| key_select(&props.on_select, sel);
    let spots = &props.spotlight;
    // Clicking the partitioner stage holds its decisions still to read them.
    let held = use_state(|| None::<Rc<ClusterView>>);
    let held_view = (*held).clone();
    let on_hold = {
        let (held, view) = (held.clone(), props.view.clone());
        Callback::from(move |()| held.set(if held.is_some() { None } else { Some(view.clone()) }))
    };
    let lit = |on: bool| (!spots.is_empty() && on).then_some("is-spot");
    let bc = &props.config.broker_config;
    let timeouts = Timeouts { session_ms: bc.broker_session_timeout_ms, lag_max_ms: bc.replica_lag_time_max_ms };

    html! {
        <svg class={classes!("topology", (!spots.is_empty()).then_some("topology--spot"))} role="group" aria-label={s.topology_label}
            viewBox={nums("0 0 {} {}", &[t.width, t.height])}
            width={num(t.width)} height={num(t.height)}>
            { for t.labels.iter().map(|(section, x, y)| {
                let text = match section {
                    Section::Producers => s.producers,
                    Section::Partitioner => s.partitioner,
                    Section::Brokers => s.brokers,
                    Section::Groups => s.consumer_groups,
                };
                svg_text("col-label", *x, *y, "", text.into())
            }) }
            { for t.producers.iter().zip(&view.producers).enumerate().map(|(i, (b, p))| {
                let selected = sel == Some(&Selection::Producer(p.id.clone()));
                let class = classes!(
                    "producer",
                    selected.then_some("is-selected"),
                    (!p.active).then_some("is-removed"),
                    lit(spots.iter().any(|s| matches!(s, Spot::Producer(id) if *id == p.id))),
                );
                let rate = crate::components::inspector::format_rate(p.rate_per_s);
                let keys = if p.keyed { s.keyed } else { s.null_keys };
                let label = format!("{}, {} → {}, acks={}, {keys}, {rate}/s", p.id, s.producer, p.topic, p.acks);
                html! {
                    <g key={p.id.clone()} {class} data-testid={format!("producer-{}", p.id)} data-topic={p.topic.clone()}
                        onclick={select(Selection::Producer(p.id.clone()))}>
                        { control(label, key_select(Selection::Producer(p.id.clone())), &mut [
                            rect(&b.rect, "producer__box", 8.0),
                            marker(i as u32, b.rect.x + 14.0, b.rect.y + PRODUCER_NAME_Y - 4.0, 6.0),
                            svg_text("producer__name", b.rect.x + 26.0, b.rect.y + PRODUCER_NAME_Y, "", fit(&p.id, 12.0 * 1.1, b.rect.w - 32.0).into()),
                        ]) }
                        { b.chip.as_ref().map_or_else(Html::default, |c| topic_chip(c, &p.topic, s)) }
                        if b.rect.w >= 120.0 {
                            { svg_text("producer__meta", b.rect.x + 8.0, b.rect.y + PRODUCER_META_Y, "", format!("acks={} · {keys} · {rate}/s", p.acks).into()) }
                        } else {
                            { svg_text("producer__meta", b.rect.x + 8.0, b.rect.y + PRODUCER_META_Y, "", format!("acks={}", p.acks).into()) }
                        }
                    </g>
                }
            }) }
            { partitioner_stage(held_view.as_deref().unwrap_or(view), t, s, lit(spots.contains(&Spot::Partitioner)),
                held_view.is_some(), on_hold) }
            { for t.brokers.iter().map(|b| html! {
                <BrokerPart key={b.id} part={broker_part(view, t, b, sel, spots, timeouts)} on_select={props.on_select.clone()} />
            }) }
            { for t.groups.iter().zip(&view.groups).enumerate().map(|(gi, (gb, g))| {
                let selected = match sel {
                    Some(Selection::Member { group, member }) if *group == g.id => Some(member.clone()),
                    _ => None,
                };
                let spot = lit(spots.iter().any(|s| matches!(s, Spot::Group(id) if *id == g.id))).is_some();
                html! {
                    <GroupPart key={g.id.clone()} gi={gi} bx={gb.clone()} group={g.clone()} {selected} {spot}
                        on_select={props.on_select.clone()} />
                }
            }) }
        </svg>
    }
}

/// A group's committed offset on a leader's log: (group index, group id, offset).
pub type Commit = (usize, String, u64);

/// The broker timeouts the badges' explanations quote.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Timeouts {
    /// `broker.session.timeout.ms`: how long before the controller fences a silent broker.
    pub session_ms: u64,
    /// `replica.lag.time.max.ms`: how long a follower may go without catching up.
    pub lag_max_ms: u64,
}

/// What one broker's part of the stage draws: compared by value, so a broker
/// whose replicas, status and selection did not change is not re-rendered.
#[derive(Clone, Debug, PartialEq)]
pub struct BrokerData {
    pub bx: BrokerBox,
    pub broker: Option<BrokerView>,
    /// Its replicas with their partitions and, for leaders, each group's
    /// committed offset.
    pub replicas: Vec<(ReplicaBox, PartitionView, Vec<Commit>)>,
    /// The selection, when it is this broker or one of its partitions.
    pub selected: Option<Selection>,
    /// Per replica (in order): whether a lesson's spotlight names it.
    pub spot: Vec<bool>,
    pub timeouts: Timeouts,
    /// Whether log cells print their offsets (small clusters only: on big
    /// ones the labels would be hundreds of nodes redrawn at every update).
    pub offsets: bool,
}

/// Clusters up to this many replicas print offsets in their log cells.
pub const OFFSET_LABELS_UP_TO: usize = 24;

/// Cuts one broker's data out of the view.
pub fn broker_part(
    view: &ClusterView,
    t: &Topology,
    b: &BrokerBox,
    sel: Option<&Selection>,
    spots: &[Spot],
    timeouts: Timeouts,
) -> BrokerData {
    let replicas = t
        .replicas
        .iter()
        .filter(|r| r.broker == b.id)
        .filter_map(|r| {
            let p = view.topics.iter().find(|x| x.name == r.topic)?.partitions.get(r.partition as usize)?;
            let commits = if r.leader {
                view.groups
                    .iter()
                    .enumerate()
                    .filter(|(_, g)| g.topic == p.topic)
                    .filter_map(|(gi, g)| Some((gi, g.id.clone(), g.partitions.get(p.partition as usize)?.committed?)))
                    .collect()
            } else {
                Vec::new()
            };
            Some((r.clone(), p.clone(), commits))
        })
        .collect::<Vec<_>>();
    let selected = sel
        .filter(|s| match s {
            Selection::Broker(id) => *id == b.id,
            Selection::Partition { topic, partition } => {
                replicas.iter().any(|(r, _, _)| r.topic == *topic && r.partition == *partition)
            }
            _ => false,
        })
        .cloned();
    let spot = replicas.iter().map(|(r, _, _)| spot_replica(spots, &r.topic, r.partition, r.broker)).collect();
    let broker = view.brokers.iter().find(|x| x.id == b.id).cloned();
    let offsets = t.replicas.len() <= OFFSET_LABELS_UP_TO;
    BrokerData { bx: b.clone(), broker, replicas, selected, spot, timeouts, offsets }
}

#[derive(Properties, PartialEq)]
pub struct BrokerPartProps {
    pub part: BrokerData,
    pub on_select: Callback<Selection>,
}

#[component]
pub fn BrokerPart(props: &BrokerPartProps) -> Html {
    let s = strings(use_ui().lang);
    let BrokerData { bx: b, broker: bv, replicas, selected, spot, timeouts, offsets } = &props.part;
    let alive = bv.as_ref().is_some_and(|x| x.alive);
    let isolated = bv.as_ref().is_some_and(|x| x.isolated);
    let mut status = match bv {
        Some(x) if !x.alive && x.fenced => format!("{} · {}", s.down, s.fenced),
        Some(x) if !x.alive => s.down.to_string(),
        Some(x) if x.slow_factor > 1 => format!("{} ×{}", s.slow, x.slow_factor),
        _ => String::new(),
    };
    if isolated {
        status = if status.is_empty() { s.isolated.to_string() } else { format!("{status} · {}", s.isolated) };
    }
    // The badge says why on the spot: its `<title>` is the inspector's status text.
    let why = match bv {
        Some(x) if !status.is_empty() => {
            html! { <title>{ broker_status(s, x, timeouts.session_ms, timeouts.lag_max_ms) }</title> }
        }
        _ => Html::default(),
    };
    let is_selected = *selected == Some(Selection::Broker(b.id));
    let class = classes!(
        "broker",
        (!alive).then_some("broker--down"),
        isolated.then_some("broker--isolated"),
        is_selected.then_some("is-selected"),
    );
    let name = format!("{} {}", s.broker, b.id);
    let label = if status.is_empty() { name.clone() } else { format!("{name}, {status}") };
    html! {
        <g {class} data-testid={format!("broker-{}", b.id)} onclick={select(&props.on_select, Selection::Broker(b.id))}>
            { control(label, key_select(&props.on_select, Selection::Broker(b.id)), &mut [
                rect(&b.rect, "broker__box", 10.0),
                svg_text("broker__name", b.rect.x + 10.0, b.rect.y + 20.0, "", name.into()),
            ]) }
            { svg_text("broker__status", b.rect.x + b.rect.w - 10.0, b.rect.y + 20.0, "end", html! { <>{ why }{ status }</> }) }
            { for replicas.iter().zip(spot).map(|((r, p, commits), lit)| replica(r, p, commits, Lit { broker_alive: alive, spot: *lit, lag_max_ms: timeouts.lag_max_ms, offsets: *offsets }, s, selected.as_ref(), &props.on_select)) }
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub struct GroupPartProps {
    pub gi: usize,
    pub bx: GroupBox,
    pub group: GroupView,
    /// The selected member, when it is one of this group's.
    pub selected: Option<String>,
    /// A lesson's spotlight names this group.
    #[prop_or_default]
    pub spot: bool,
    pub on_select: Callback<Selection>,
}

/// One consumer group's part of the stage (compared by value, like `BrokerPart`).
#[component]
pub fn GroupPart(props: &GroupPartProps) -> Html {
    let s = strings(use_ui().lang);
    let (gi, gb, g) = (props.gi, &props.bx, &props.group);
    html! {
        <g class={classes!("group", props.spot.then_some("is-spot"))} data-testid={format!("group-{}", g.id)} data-topic={g.topic.clone()}>
            { rect(&gb.rect, "group__box", 10.0) }
            <rect class="group__swatch" x={num(gb.rect.x + 8.0)} y={num(gb.rect.y + GROUP_NAME_Y - 9.0)}
                width="10" height="10" rx="2" fill={GROUP_COLOURS[gi % GROUP_COLOURS.len()]} />
            { svg_text("group__name", gb.rect.x + 24.0, gb.rect.y + GROUP_NAME_Y, "", fit(&g.id, 11.5 * 1.1, gb.rect.w - 32.0).into()) }
            { topic_chip(&gb.chip, &g.topic, s) }
            { svg_text("group__meta", gb.meta.x + gb.meta.w, gb.meta.y + 10.5, "end", format!("{} {} · {} {}", s.generation, g.generation, s.lag, g.total_lag).into()) }
            { for gb.members.iter().zip(&g.members).map(|(mb, m)| {
                let parts: Vec<u32> = m.assigned.iter().map(|tp| tp.partition).collect();
                let label = if m.crashed {
                    s.crashed.to_string()
                } else if parts.is_empty() {
                    s.idle.to_string()
                } else {
                    format!("P{} · {} {}", partition_ranges(&parts), s.lag, m.records_lag_max)
                };
                // The name gives way to the figures (its end, `-c2`, stays).
                let name = fit(&m.id, 12.0, mb.rect.w - 24.0 - text_width(&label, 10.5));
                let selection = Selection::Member { group: g.id.clone(), member: m.id.clone() };
                let selected = props.selected.as_ref() == Some(&m.id);
                let class = classes!(
                    "member",
                    m.crashed.then_some("member--crashed"),
                    (parts.is_empty() && !m.crashed).then_some("member--idle"),
                    selected.then_some("is-selected"),
                );
                html! {
                    <g key={m.id.clone()} {class} data-testid={format!("consumer-{}-{}", g.id, m.id)}
                        onclick={select(&props.on_select, selection.clone())}>
                        { control(format!("{}, {label}", m.id), key_select(&props.on_select, selection), &mut [
                            rect(&mb.rect, "member__box", 6.0),
                            svg_text("member__name", mb.rect.x + 8.0, mb.rect.y + 19.0, "", name.into()),
                        ]) }
                        { svg_text("member__meta", mb.rect.x + mb.rect.w - 8.0, mb.rect.y + 19.0, "end", label.into()) }
                    </g>
                }
            }) }
        </g>
    }
}

/// Partition numbers as short ranges, so ten of them fit beside a member's
/// name: `[0, 1, 2, 3, 7, 9]` → `0-3,7,9`.
pub fn partition_ranges(parts: &[u32]) -> String {
    let mut sorted = parts.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i;
        while j + 1 < sorted.len() && sorted[j + 1] == sorted[j] + 1 {
            j += 1;
        }
        out.push(if j >= i + 2 { format!("{}-{}", sorted[i], sorted[j]) } else { sorted[i].to_string() });
        if j == i + 1 {
            out.push(sorted[j].to_string());
        }
        i = j + 1;
    }
    out.join(",")
}

/// A click that selects `sel` (and does not reach the stage, which deselects).
fn select(on_select: &Callback<Selection>, sel: Selection) -> Callback<MouseEvent> {
    let cb = on_select.clone();
    Callback::from(move |e: MouseEvent| {
        e.stop_propagation();
        cb.emit(sel.clone());
    })
}

/// Enter or Space on a focused control runs `act`, and is not also a page
/// shortcut (Enter would play or confirm, app.rs).
pub fn on_keys(act: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            e.stop_propagation();
            act.emit(());
        }
    })
}

/// Enter or Space on a focused element selects `sel`.
fn key_select(on_select: &Callback<Selection>, sel: Selection) -> Callback<KeyboardEvent> {
    let cb = on_select.clone();
    on_keys(Callback::from(move |()| cb.emit(sel.clone())))
}

/// The keyboard control of a stage element: a focusable button around its box
/// and its visible name, and only those, so that its accessible name (`label`,
/// which starts with that name) holds all of its visible text (WCAG 2.5.3). The
/// element's other figures and its click handler stay on the element's `<g>`,
/// which has no role: no control is nested in another (a broker's replicas).
#[inline(never)]
fn control(label: String, onkeydown: Callback<KeyboardEvent>, children: &mut [Html]) -> Html {
    html! { <g class="ctl" role="button" tabindex="0" aria-label={label} {onkeydown}>{ frag(children) }</g> }
}

/// How a replica is drawn besides its data: its broker is up, a lesson's
/// spotlight names it.
#[derive(Clone, Copy)]
struct Lit {
    broker_alive: bool,
    spot: bool,
    /// `replica.lag.time.max.ms`, quoted by an out-of-ISR replica's title.
    lag_max_ms: u64,
    offsets: bool,
}

fn replica(
    r: &ReplicaBox,
    p: &PartitionView,
    commits: &[Commit],
    Lit { broker_alive, spot, lag_max_ms, offsets }: Lit,
    s: &Strings,
    sel: Option<&Selection>,
    on_select: &Callback<Selection>,
) -> Html {
    let leo = p.log_end_offsets.iter().find(|(b, _)| *b == r.broker).map_or(0, |(_, o)| *o);
    let in_isr = p.isr.contains(&r.broker);
    let offline = p.leader.is_none();
    let window = cell_window(p.log_start_offset, p.log_end_offset.max(leo));
    let class = classes!(
        "replica",
        if r.leader { "replica--leader" } else { "replica--follower" },
        (!in_isr).then_some("replica--out-of-isr"),
        (offline || !broker_alive).then_some("replica--offline"),
        matches!(sel, Some(Selection::Partition { topic, partition }) if *topic == r.topic && *partition == r.partition)
            .then_some("is-selected"),
        spot.then_some("is-spot"),
    );
    let role = if offline {
        s.offline.to_string()
    } else if r.leader {
        format!("★ {}", s.leader)
    } else if !in_isr {
        s.out_of_isr.to_string()
    } else {
        s.follower.to_string()
    };
    // Why the role badge says offline or out of ISR, in the replica's title.
    let why = if offline {
        s.insp_offline_help.to_string()
    } else if in_isr {
        String::new()
    } else if !broker_alive {
        s.why_replica_down.to_string()
    } else {
        fill(s.why_out_of_isr, &[("ms", lag_max_ms.to_string())])
    };
    let isr = p.isr.iter().map(|b| b.to_string()).collect::<Vec<_>>().join(",");
    let mut title = format!("{}-{} · {role} · LEO {leo} · HW {} · ISR [{isr}]", r.topic, r.partition, p.high_watermark);
    if !why.is_empty() {
        title.push('\n');
        title.push_str(&why);
    }
    let part = Selection::Partition { topic: r.topic.clone(), partition: r.partition };
    let on_part = select(on_select, part.clone());
    let on = fill(s.replica_on, &[("role", role.trim_start_matches("★ ").to_string()), ("b", r.broker.to_string())]);
    let label = format!("{}, {on}, LEO {leo}, HW {}, ISR [{isr}]", r.label, p.high_watermark);
    let hw_slot = p.high_watermark.checked_sub(window).filter(|&d| d <= u64::from(CELLS));
    html! {
        <g key={format!("{}-{}-{}", r.topic, r.partition, r.broker)} {class}
            data-testid={format!("replica-{}-{}-{}", r.topic, r.partition, r.broker)}
            data-leo={leo.to_string()} data-hw={p.high_watermark.to_string()}
            onclick={on_part}>
            <title>{ title }</title>
            { control(label, key_select(on_select, part), &mut [
                rect(&r.rect, "replica__box", 5.0),
                colour_rect("replica__topic", Rect { x: r.rect.x + 1.5, y: r.rect.y + 3.0, w: TOPIC_BAR_W, h: r.rect.h - 6.0 }, "1.5", Some(topic_colour(r.topic_index)), None),
                svg_text("replica__name", r.label_rect.x, r.rect.y + 12.0, "", r.label.clone().into()),
            ]) }
            { svg_text("replica__role", r.label_rect.x, r.rect.y + 23.0, "", role.into()) }
            { log_cells(r, p, leo, (window, offsets), on_select) }
            { match hw_slot {
                Some(d) => {
                    let x = r.boundary_x(d as u32);
                    svg_line("hw-mark", x, x, r.cells.y - 3.0, r.cells.y + r.cells.h + 3.0)
                }
                None => html! {},
            } }
            { commit_markers(r, commits, window) }
            { svg_text("replica__offsets", r.rect.x + r.rect.w - 4.0, r.rect.y + 12.0, "end", format!("LEO {leo}").into()) }
            { svg_text("replica__offsets", r.rect.x + r.rect.w - 4.0, r.rect.y + 23.0, "end", format!("HW {}", p.high_watermark).into()) }
        </g>
    }
}

/// The replica's newest log cells, drawn as one `<path>` per colour (plus one for
/// empty cells) and one transparent hit area: a few nodes per replica instead of
/// eight, which keeps large clusters cheap to diff and composite. A tap on a
/// filled cell selects that record.
/// `(window, labelled)`: the first offset the cells show, and whether they
/// print their offsets.
fn log_cells(
    r: &ReplicaBox,
    p: &PartitionView,
    leo: u64,
    (window, labelled): (u64, bool),
    on_select: &Callback<Selection>,
) -> Html {
    // (fill, uncommitted) → path data.
    let mut groups: Vec<((&'static str, bool), String)> = Vec::new();
    let mut empty = String::new();
    for slot in 0..CELLS {
        let offset = window + u64::from(slot);
        let c = r.cell(slot);
        let d = nums("M{},{}h{}v{}h-{}z", &[c.x, c.y, c.w, c.h, c.w]);
        if offset >= leo {
            empty.push_str(&d);
            continue;
        }
        let fill =
            p.tail.iter().find(|x| x.offset == offset).map_or("var(--muted)", |x| style_of(u32::from(x.producer)).0);
        let key = (fill, offset >= p.high_watermark);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, path)) => path.push_str(&d),
            None => groups.push((key, d)),
        }
    }
    let onclick = {
        let cb = on_select.clone();
        let (topic, partition) = (r.topic.clone(), r.partition);
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            let Some(el) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            let b = el.get_bounding_client_rect();
            if b.width() <= 0.0 {
                return;
            }
            let slot = ((f64::from(e.client_x()) - b.left()) / b.width() * f64::from(CELLS))
                .floor()
                .clamp(0.0, f64::from(CELLS - 1));
            let offset = window + slot as u64;
            if offset < leo {
                cb.emit(Selection::Record { topic: topic.clone(), partition, offset });
            }
        })
    };
    // Each record's offset inside its cell while it fits (three digits); the
    // LEO and HW figures beside the cells are exact at any size.
    let labelled = if labelled && leo <= 1000 { leo.saturating_sub(window).min(u64::from(CELLS)) as u32 } else { 0 };
    html! {
        <>
            if !empty.is_empty() { <path class="cell" d={empty} fill="none" /> }
            { for groups.into_iter().map(|((fill, uncommitted), d)| html! {
                <path class={if uncommitted { "cell cell--filled cell--uncommitted" } else { "cell cell--filled" }} {d} fill={fill} />
            }) }
            if labelled > 0 {
                <text class="cell__offsets" aria-hidden="true" y={num(r.cells.y + r.cells.h / 2.0 + 2.5)}>
                    { for (0..labelled).map(|slot| {
                        let c = r.cell(slot);
                        html! { <tspan x={num(c.x + c.w / 2.0)}>{ window + u64::from(slot) }</tspan> }
                    }) }
                </text>
            }
            <rect class="cells__hit" x={num(r.cells.x)} y={num(r.cells.y)}
                width={num(r.cells.w)} height={num(r.cells.h)} fill="transparent" {onclick} />
        </>
    }
}

/// Each group's committed offset on the leader's log, as a small triangle.
fn commit_markers(r: &ReplicaBox, commits: &[Commit], window: u64) -> Html {
    html! {
        { for commits.iter().map(|(gi, group, c)| {
            let slot = c.saturating_sub(window).min(u64::from(CELLS)) as u32;
            let x = r.boundary_x(slot);
            let y = r.cells.y + r.cells.h + 1.0;
            html! {
                <path class="commit-mark" fill={GROUP_COLOURS[gi % GROUP_COLOURS.len()]} d={nums("M{},{} l-3,4 h6 z", &[x, y])}>
                    <title>{ format!("{group} committed {c}") }</title>
                </path>
            }
        }) }
    }
}

/// The rows of the partitioner stage: each producer's newest decision, in
/// producer order (a row per producer stays put, so it can be read at any
/// speed); with more producers than rows, the most recently active ones.
pub fn latest_per_producer(view: &ClusterView, rows: usize) -> Vec<(usize, &RecentDecision)> {
    let mut latest: Vec<(usize, &RecentDecision)> =
        view.producers.iter().enumerate().filter_map(|(i, p)| p.recent.last().map(|d| (i, d))).collect();
    if latest.len() > rows {
        let mut by_time = latest.clone();
        by_time.sort_by_key(|(i, d)| (std::cmp::Reverse(d.timestamp_ms), *i));
        let keep: Vec<usize> = by_time.iter().take(rows).map(|(i, _)| *i).collect();
        latest.retain(|(i, _)| keep.contains(i));
    }
    latest
}

fn partitioner_stage(
    view: &ClusterView,
    t: &Topology,
    s: &Strings,
    spot: Option<&'static str>,
    held: bool,
    on_hold: Callback<()>,
) -> Html {
    let r = t.partitioner;
    let lines = ((r.h - 32.0) / 40.0).floor().max(1.0) as usize;
    let shown = latest_per_producer(view, lines);
    let hint = if held { s.partitioner_held } else { s.partitioner_hold };
    let onclick = on_hold.reform(|e: MouseEvent| e.stop_propagation());
    html! {
        <g class={classes!("partitioner", spot, held.then_some("partitioner--held"))} data-testid="partitioner-stage" {onclick}>
            // The toggle is the box and its hint (its name); the decisions are not part of it.
            <g class="ctl" role="button" tabindex="0" aria-pressed={held.to_string()} onkeydown={on_keys(on_hold)}>
                { rect(&r, "partitioner__box", 10.0) }
                { svg_text("partitioner__hint", r.x + 10.0, r.y + r.h - 8.0, "", hint.into()) }
            </g>
            if shown.is_empty() {
                { for wrap(s.no_decisions, 11.0, r.w - 20.0).into_iter().enumerate().map(|(k, line)| {
                    svg_text("partitioner__empty", r.x + 10.0, r.y + 24.0 + 15.0 * k as f64, "", line.into())
                }) }
            }
            { for shown.iter().enumerate().map(|(k, (pi, d))| {
                let y = r.y + 20.0 + k as f64 * 40.0;
                let (line1, line2, line3, help) = explain(d, &view.producers[*pi].id, s);
                html! {
                    <g class="decision">
                        if let Some(help) = help { <title>{ help }</title> }
                        { marker(*pi as u32, r.x + 12.0, y - 4.0, 5.0) }
                        { svg_text("decision__key", r.x + 22.0, y, "", line1.into()) }
                        { svg_text("decision__why", r.x + 22.0, y + 12.0, "", line2.into()) }
                        { svg_text("decision__why", r.x + 22.0, y + 23.0, "", line3.into()) }
                    </g>
                }
            }) }
        </g>
    }
}

/// The width of a decision's text in the partitioner stage (it starts 22 px in).
const DECISION_W: f64 = layout::STAGE_W - 26.0;
/// `.decision__key` is 11 px at weight 600: measured as 8% wider regular text.
const KEY_PX: f64 = 11.0 * 1.08;

/// Three short lines explaining one decision, from the numbers the sim reports,
/// and for a sticky decision the longer explanation its `<title>` shows.
pub fn explain(d: &RecentDecision, producer: &str, s: &Strings) -> (String, String, String, Option<&'static str>) {
    // Line 1 fits the stage at 11 px: the key gives way first (its end
    // stays), then the producer's name.
    let tail = format!(" → P{}", d.partition);
    let producer = fit(producer, KEY_PX, DECISION_W - text_width(&tail, KEY_PX) - text_width(": \"order\"", KEY_PX));
    let room = DECISION_W - text_width(&format!("{producer}: \"\"{tail}"), KEY_PX);
    let key = d.key.as_ref().map_or_else(|| "null".to_string(), |k| format!("\"{}\"", fit(k, KEY_PX, room)));
    let line1 = format!("{producer}: {key}{tail}");
    let kb = |b: u32| f64::from(b) / 1024.0;
    let (line2, line3) = match d.reason {
        DecisionReason::Keyed { murmur2, to_positive, modulo } => {
            (format!("murmur2 = {murmur2}"), format!("→ {to_positive} % {modulo} = {}", d.partition))
        }
        DecisionReason::CustomKeyed { rule, to_positive, set_len, index, .. } => (
            format!("{} {rule} · murmur2⁺ {to_positive}", s.rule),
            format!("% {set_len} = #{index} → P{}", d.partition),
        ),
        DecisionReason::Sticky { sticky, .. } | DecisionReason::CustomSticky { sticky, .. } => (
            s.sticky.to_string(),
            format!("{}/{} KB batch.size", fixed(kb(sticky.batch_bytes), 1), fixed(kb(sticky.batch_size), 0)),
        ),
        DecisionReason::UniformSticky { batch_bytes, batch_size, .. } => {
            ("uniform-sticky".to_string(), format!("{} / {} KB", fixed(kb(batch_bytes), 1), fixed(kb(batch_size), 0)))
        }
        DecisionReason::RoundRobin { counter, candidates, .. } => {
            (s.round_robin.to_string(), format!("#{counter} % {candidates} = {}", d.partition))
        }
    };
    let sticky = matches!(
        d.reason,
        DecisionReason::Sticky { .. } | DecisionReason::CustomSticky { .. } | DecisionReason::UniformSticky { .. }
    );
    (line1, line2, line3, sticky.then_some(s.sticky_help))
}

/// A topic's chip (on a producer or a group): its colour and name, the full
/// name in the tooltip.
fn topic_chip(c: &Chip, topic: &str, s: &Strings) -> Html {
    let colour = topic_colour(c.topic);
    let r = c.rect;
    let square = Rect { x: r.x + 3.0, y: r.y + 3.0, w: 8.0, h: 8.0 };
    let mut children = vec![
        vtag("title", &[], vec![], vec![format!("{} {topic}", s.topic).into()]).into(),
        colour_rect("topic-chip__box", r, "3", None, Some(colour)),
        colour_rect("", square, "2", Some(colour), None),
    ];
    if !c.text.is_empty() {
        children.push(svg_text("topic-chip__name", r.x + CHIP_TEXT_X, r.y + 10.5, "", c.text.clone().into()));
    }
    vtag("g", &["class", "data-topic"], vec![Some("topic-chip".into()), Some(topic.to_string().into())], children)
        .into()
}

/// A `<rect>` painted with a topic's colour (fill or stroke), built by the
/// shared `vtag` (one copy of the node code for the chips and the bars).
fn colour_rect(
    class: &'static str,
    r: Rect,
    rx: &'static str,
    fill: Option<&'static str>,
    stroke: Option<&'static str>,
) -> Html {
    let values = vec![
        (!class.is_empty()).then_some(class.into()),
        Some(num(r.x).into()),
        Some(num(r.y).into()),
        Some(num(r.w).into()),
        Some(num(r.h).into()),
        Some(rx.into()),
        fill.map(Into::into),
        stroke.map(Into::into),
    ];
    vtag("rect", &["class", "x", "y", "width", "height", "rx", "fill", "stroke"], values, vec![]).into()
}

/// The producer's marker: colour and shape, as the records layer draws its dots.
fn marker(style: u32, x: f64, y: f64, r: f64) -> Html {
    let (fill, shape) = style_of(style);
    match shape {
        0 => html! { <circle class="marker" cx={num(x)} cy={num(y)} r={num(r)} fill={fill} /> },
        1 => html! { <rect class="marker" x={num(x - r)} y={num(y - r)} width={num(2.0 * r)}
        height={num(2.0 * r)} fill={fill} /> },
        2 => {
            html! { <path class="marker" fill={fill} d={nums("M{},{} L{},{} L{},{} Z", &[x, y - r, x + r, y + r, x - r, y + r])} /> }
        }
        _ => {
            html! { <path class="marker" fill={fill} d={nums("M{},{} L{},{} L{},{} L{},{} Z", &[x, y - r, x + r, y, x, y + r, x - r, y])} /> }
        }
    }
}

fn rect(r: &Rect, class: &'static str, radius: f64) -> Html {
    html! {
        <rect class={class} x={num(r.x)} y={num(r.y)} width={num(r.w)} height={num(r.h)}
            rx={num(radius)} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout;
    use crate::presets::Preset;
    use kafka_sim::Cluster;

    /// Each broker's part holds exactly what it draws, so parts of brokers a
    /// change did not touch compare equal (and Yew skips them).
    #[test]
    fn broker_parts_change_only_where_the_view_did() {
        let mut c = Cluster::new(Preset::Default.config(1)).unwrap();
        c.run_until(6_000);
        let v = c.view();
        let t = layout::topology(&v, 1200.0);
        let parts = |sel: Option<&Selection>| {
            t.brokers.iter().map(|b| broker_part(&v, &t, b, sel, &[], Timeouts::default())).collect::<Vec<_>>()
        };
        let plain = parts(None);
        let picked = parts(Some(&Selection::Broker(2)));
        assert_eq!(plain.len(), 3);
        assert_eq!(picked[0], plain[0]);
        assert_ne!(picked[1], plain[1], "only broker 2 shows the selection");
        assert_eq!(picked[2], plain[2]);
        // orders-0 has a replica on every broker (RF 3): all three show it selected.
        let p0 = Selection::Partition { topic: "orders".into(), partition: 0 };
        assert!(parts(Some(&p0)).iter().all(|b| b.selected.as_ref() == Some(&p0)));
        // Commit markers sit on leaders only, one per group that committed.
        let replicas: Vec<_> = plain.iter().flat_map(|b| &b.replicas).collect();
        assert_eq!(replicas.len(), 9);
        assert!(replicas.iter().all(|(r, _, commits)| r.leader || commits.is_empty()));
        assert!(replicas.iter().any(|(r, _, commits)| r.leader && commits.len() == v.groups.len()));
        // A broker going down changes its own part; stepping changes the logs.
        c.apply(kafka_sim::command::Command::KillBroker { broker: 3 }).unwrap();
        let v2 = c.view();
        let b3 = broker_part(&v2, &t, &t.brokers[2], None, &[], Timeouts::default());
        assert!(!b3.broker.as_ref().unwrap().alive);
        assert_ne!(b3, plain[2]);
    }

    /// With two topics (the shop preset) every broker's part holds replicas of
    /// both, topic by topic, and a leader's commit markers come only from the
    /// groups reading its topic.
    #[test]
    fn broker_parts_hold_every_topic_with_its_own_groups_commits() {
        let mut c = Cluster::new(Preset::Shop.config(1)).unwrap();
        c.run_until(8_000);
        let v = c.view();
        for width in [318.0, 1398.0] {
            let t = layout::topology(&v, width);
            let parts: Vec<_> =
                t.brokers.iter().map(|b| broker_part(&v, &t, b, None, &[], Timeouts::default())).collect();
            assert_eq!(parts.iter().map(|b| b.replicas.len()).sum::<usize>(), 6 * 3 + 3 * 3);
            for part in &parts {
                let topics: Vec<&str> = part.replicas.iter().map(|(r, _, _)| r.topic.as_str()).collect();
                assert!(topics.contains(&"clicks") && topics.contains(&"payments"), "{topics:?}");
                assert!(topics.windows(2).all(|w| w[0] <= w[1]), "grouped by topic: {topics:?}");
                for (r, p, commits) in &part.replicas {
                    assert_eq!(r.topic, p.topic);
                    let groups: Vec<&str> = commits.iter().map(|(_, g, _)| g.as_str()).collect();
                    let allowed: &[&str] =
                        if r.topic == "clicks" { &["analytics", "recommendations"] } else { &["billing", "fraud"] };
                    assert!(groups.iter().all(|g| allowed.contains(g)), "{}-{}: {groups:?}", r.topic, r.partition);
                }
            }
            // After 8 s every group has committed on some leader of its topic.
            let committed: Vec<&str> =
                parts.iter().flat_map(|b| &b.replicas).flat_map(|(_, _, c)| c).map(|(_, g, _)| g.as_str()).collect();
            for g in ["analytics", "recommendations", "billing", "fraud"] {
                assert!(committed.contains(&g), "{g} has no commit marker");
            }
        }
    }

    /// A lesson's spotlight marks the replicas of its partitions and of its
    /// brokers, nothing else.
    #[test]
    fn spotlight_marks_partitions_and_brokers() {
        let mut c = Cluster::new(Preset::Default.config(1)).unwrap();
        c.run_until(1_000);
        let v = c.view();
        let t = layout::topology(&v, 1200.0);
        let spots = [Spot::Partition { topic: "orders", partition: 1 }, Spot::Broker(3)];
        for b in &t.brokers {
            let part = broker_part(&v, &t, b, None, &spots, Timeouts::default());
            for ((r, _, _), lit) in part.replicas.iter().zip(&part.spot) {
                assert_eq!(*lit, r.partition == 1 || r.broker == 3, "{r:?}");
            }
            assert!(broker_part(&v, &t, b, None, &[], Timeouts::default()).spot.iter().all(|l| !l));
        }
    }

    /// A sticky decision carries the sticky explanation for its `<title>`; a
    /// keyed one does not.
    #[test]
    fn sticky_decisions_explain_stickiness() {
        let mut c = Cluster::new(Preset::Default.config(1)).unwrap();
        c.run_until(3_000);
        let v = c.view();
        let s = crate::i18n::strings(crate::i18n::Lang::En);
        let decisions: Vec<_> = v.producers.iter().flat_map(|p| &p.recent).collect();
        let (null, keyed): (Vec<&RecentDecision>, Vec<_>) = decisions.into_iter().partition(|d| d.key.is_none());
        assert!(!null.is_empty() && !keyed.is_empty(), "the preset has keyed and null-key producers");
        assert!(null.iter().all(|d| explain(d, "p", s).3 == Some(s.sticky_help)));
        assert!(keyed.iter().all(|d| explain(d, "p", s).3.is_none()));
    }

    /// A decision's first line fits the partitioner stage, in both languages,
    /// however long the producer's name and key.
    #[test]
    fn decision_lines_fit_the_stage() {
        let mut c = Cluster::new(Preset::Shop.config(1)).unwrap();
        c.run_until(3_000);
        let v = c.view();
        for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Ko] {
            let s = crate::i18n::strings(lang);
            for d in v.producers.iter().flat_map(|p| &p.recent) {
                for producer in ["checkout", "a-very-long-producer-name-indeed"] {
                    let line = explain(d, producer, s).0;
                    assert!(layout::text_width(&line, KEY_PX) <= DECISION_W, "{line}");
                    assert!(line.ends_with(&format!(" → P{}", d.partition)), "{line}");
                }
            }
        }
        let keyed = v.producers[2].recent.last().unwrap();
        let line = explain(keyed, "checkout", crate::i18n::strings(crate::i18n::Lang::En)).0;
        let key = keyed.key.as_deref().unwrap();
        assert!(line.starts_with("checkout: \"orde") && line.contains(&key[key.len() - 3..]), "{line}");
    }

    #[test]
    fn partition_lists_collapse_into_ranges() {
        assert_eq!(partition_ranges(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), "0-9");
        assert_eq!(partition_ranges(&[9, 0, 1, 2, 3, 7]), "0-3,7,9");
        assert_eq!(partition_ranges(&[1, 2]), "1,2");
        assert_eq!(partition_ranges(&[4]), "4");
        assert_eq!(partition_ranges(&[]), "");
    }

    /// One row per producer with its newest decision; with fewer rows than
    /// producers, the most recently active ones, still in producer order.
    #[test]
    fn the_partitioner_shows_each_producers_newest_decision() {
        let mut c = Cluster::new(Preset::Default.config(1)).unwrap();
        c.run_until(3_000);
        let v = c.view();
        let rows = latest_per_producer(&v, 10);
        assert_eq!(rows.len(), v.producers.len());
        for (i, d) in &rows {
            assert_eq!(Some(*d), v.producers[*i].recent.last());
        }
        assert!(rows.windows(2).all(|w| w[0].0 < w[1].0));
        let one = latest_per_producer(&v, 1);
        let newest = rows.iter().map(|(_, d)| d.timestamp_ms).max().unwrap();
        assert_eq!((one.len(), one[0].1.timestamp_ms), (1, newest));
    }
}
