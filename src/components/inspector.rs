//! The inspector: everything about the selected broker, partition, record,
//! consumer or producer, with the actions a learner can take on it. Every number
//! is shown as text; every action is a button with a one-line explanation.

use crate::components::nodes::{dt_dd, el, el_id, el_text, frag, head_row, keyed};
use crate::i18n::{strings, Lang, Strings};
use crate::reset_form::{change_text, totals, ResetForm, ResetKind};
use crate::state::{Action, Selection};
use crate::ui::use_ui;
use kafka_sim::command::Command;
use kafka_sim::config::Acks;
use kafka_sim::config::ClusterConfig;
use kafka_sim::group::ResetPreview;
use kafka_sim::partitioner::DecisionReason;
use kafka_sim::story::{KeyHash, RecordStory};
use kafka_sim::view::{BrokerView, ClusterView, MemberView, PartitionView, ProducerView};
use kafka_sim::BrokerId;
use std::rc::Rc;
use yew::prelude::*;

/// How many of a partition's newest offsets are offered as record links.
pub const RECORD_LINKS: u64 = 8;
/// The slow-down factor of the "Slow ×10" button.
pub const SLOW_FACTOR: u32 = 10;

#[derive(Properties)]
pub struct InspectorProps {
    pub selection: Option<Selection>,
    pub view: Rc<ClusterView>,
    /// The selected record's story (copied out by the reducer).
    pub story: Option<Rc<RecordStory>>,
    /// The configuration of the run (broker timeouts, groups' session timeouts).
    pub config: Rc<ClusterConfig>,
    /// The `--reset-offsets` form and its dry run for the selected member's group.
    pub reset_form: Rc<ResetForm>,
    pub reset_preview: Option<Rc<ResetPreview>>,
}

impl PartialEq for InspectorProps {
    /// Views, stories and configurations by pointer: a change always comes as
    /// a new `Rc` (the story is re-read with every new view).
    fn eq(&self, other: &Self) -> bool {
        let same_story = match (&self.story, &other.story) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        let same_preview = match (&self.reset_preview, &other.reset_preview) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        self.selection == other.selection
            && Rc::ptr_eq(&self.view, &other.view)
            && same_story
            && Rc::ptr_eq(&self.config, &other.config)
            && Rc::ptr_eq(&self.reset_form, &other.reset_form)
            && same_preview
    }
}

/// `murmur2("서울") = -2063068724 → toPositive = 84414924 → 84414924 % 3 = 0`
pub fn hash_line(key: &str, h: &KeyHash) -> String {
    format!(
        "murmur2(\"{key}\") = {} → toPositive = {} → {} % {} = {}",
        h.murmur2, h.to_positive, h.to_positive, h.partitions, h.partition
    )
}

/// Replaces `{name}` placeholders in a translated template.
pub fn fill(template: &str, values: &[(&str, String)]) -> String {
    values.iter().fold(template.to_string(), |t, (k, v)| t.replace(&format!("{{{k}}}"), v))
}

/// The offsets offered as record links: the newest [`RECORD_LINKS`] retained ones.
pub fn newest_offsets(p: &PartitionView) -> std::ops::Range<u64> {
    p.log_end_offset.saturating_sub(RECORD_LINKS).max(p.log_start_offset)..p.log_end_offset
}

/// A rate as text: `10`, `2.5`.
pub fn format_rate(r: f64) -> String {
    kafka_sim::fixed::fixed(r, if r.fract() == 0.0 { 0 } else { 1 })
}

/// Simulated milliseconds as seconds with millisecond precision: `12.345 s`.
pub fn format_ms(t_ms: u64) -> String {
    format!("{}.{:03} s", t_ms / 1000, t_ms % 1000)
}

/// The rate after a "÷2" or "×2" press, kept within what the simulator accepts.
pub fn next_rate(rate: f64, double: bool) -> f64 {
    if double {
        if rate <= 0.0 {
            1.0
        } else {
            (rate * 2.0).min(kafka_sim::limits::MAX_PRODUCER_RATE)
        }
    } else {
        rate / 2.0
    }
}

fn find_partition<'a>(view: &'a ClusterView, topic: &str, partition: u32) -> Option<&'a PartitionView> {
    view.topics.iter().find(|t| t.name == topic)?.partitions.iter().find(|p| p.partition == partition)
}

fn replica_leo(p: &PartitionView, broker: BrokerId) -> Option<u64> {
    p.log_end_offsets.iter().find(|(b, _)| *b == broker).map(|(_, leo)| *leo)
}

fn opt(v: Option<u64>) -> String {
    v.map_or_else(|| "-".to_string(), |v| v.to_string())
}

/// What every section needs.
struct Ctx<'a> {
    s: &'static Strings,
    view: &'a ClusterView,
    dispatch: &'a Callback<Action>,
}

/// What an inspector button dispatches when clicked (an [`Action`], which is
/// not `Clone`, so it is made anew on each click).
#[derive(Clone)]
enum Click {
    Select(Option<Selection>),
    Command(Command),
}

/// The optional attributes of an inspector button; `None`/`false` ones are left out.
#[derive(Default)]
struct ButtonAttrs {
    testid: Option<AttrValue>,
    disabled: bool,
    /// `aria-label` and `title` (the clear button's "×" says nothing by itself).
    label: Option<&'static str>,
    describedby: Option<AttrValue>,
    pressed: Option<AttrValue>,
}

impl Ctx<'_> {
    fn yes_no(&self, b: bool) -> &'static str {
        if b {
            self.s.insp_yes
        } else {
            self.s.insp_no
        }
    }

    /// Every button of the inspector: one `html!` site and one click closure,
    /// which carries what to dispatch. The click stops there: the
    /// stage behind clears the selection on a click.
    #[inline(never)]
    fn button(&self, class: &'static str, a: ButtonAttrs, click: Click, child: Html) -> Html {
        let d = self.dispatch.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            d.emit(match click.clone() {
                Click::Select(sel) => Action::Select(sel),
                Click::Command(c) => Action::Command(c),
            });
        });
        html! {
            <button type="button" {class} data-testid={a.testid} disabled={a.disabled} aria-label={a.label}
                title={a.label} aria-describedby={a.describedby} aria-pressed={a.pressed} {onclick}>{ child }</button>
        }
    }

    /// A link-like button that selects something else.
    fn select(&self, label: String, sel: Selection) -> Html {
        self.button("insp__link", ButtonAttrs::default(), Click::Select(Some(sel)), label.into())
    }

    /// An action button with its one-sentence explanation.
    #[inline(never)]
    fn action(
        &self,
        label: &'static str,
        testid: &'static str,
        command: Command,
        disabled: bool,
        help: AttrValue,
    ) -> Html {
        let help_id = AttrValue::from(format!("{testid}-help"));
        let attrs = ButtonAttrs {
            testid: Some(testid.into()),
            disabled,
            describedby: Some(help_id.clone()),
            ..ButtonAttrs::default()
        };
        el(
            "div",
            "insp__action",
            frag(&mut [
                self.button("insp__button", attrs, Click::Command(command), label.into()),
                html! { <p class="insp__help" id={help_id}>{ help }</p> },
            ]),
        )
    }

    /// One `<dt>`/`<dd>` pair. Generic only in this thin shim, so the markup is
    /// built by one non-generic function (a copy per value type costs KBs of wasm).
    fn fact(&self, name: &str, value: impl Into<Html>) -> Html {
        fact_html(name, value.into())
    }
}

/// `<div class="insp__scroll"><table class="insp__table">` with a header row of
/// `labels` and `rows` as its body.
#[inline(never)]
fn scroll_table(labels: &[&'static str], rows: &mut [Html]) -> Html {
    el("div", "insp__scroll", el("table", "insp__table", frag(&mut [head_row(labels), el("tbody", "", frag(rows))])))
}

#[inline(never)]
fn fact_html(name: &str, value: Html) -> Html {
    dt_dd(name, "", value)
}

/// `<dl class="insp__facts">` of `<dt>`/`<dd>` pairs.
fn facts(pairs: &mut [Html]) -> Html {
    el("dl", "insp__facts", frag(pairs))
}

/// `<section class="insp__section" data-testid="testid">`.
fn section(testid: &'static str, children: &mut [Html]) -> Html {
    el_id("section", "insp__section", testid.into(), frag(children))
}

/// `<div class="inspector" data-testid="inspector">`.
fn frame(child: Html) -> Html {
    el_id("div", "inspector", "inspector".into(), child)
}

/// `child` when `cond` holds, else an empty node (like `html!`'s `if`, which
/// keeps the siblings' places).
fn when(cond: bool, child: impl FnOnce() -> Html) -> Html {
    if cond {
        child()
    } else {
        Html::default()
    }
}

#[component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let ui = use_ui();
    let s = strings(ui.lang);
    let dispatch = ui.dispatch();
    let ctx = Ctx { s, view: &props.view, dispatch: &dispatch };
    let Some(sel) = &props.selection else {
        return frame(el_id("p", "insp__hint", "inspector-hint".into(), s.insp_hint.into()));
    };
    let (title, body) = match sel {
        Selection::Broker(id) => {
            let cfg = &props.config.broker_config;
            (
                format!("{} {id}", s.broker),
                broker(&ctx, *id, cfg.broker_session_timeout_ms, cfg.replica_lag_time_max_ms),
            )
        }
        Selection::Partition { topic, partition: p } => (format!("{topic}-{p}"), partition(&ctx, topic, *p)),
        Selection::Record { topic, partition: p, offset } => {
            (format!("{} {topic}-{p} @ {offset}", s.insp_record), record(&ctx, topic, *p, props.story.as_deref()))
        }
        Selection::Member { group, member: m } => {
            let session_ms = props.config.groups.iter().find(|g| &g.id == group).map(|g| g.session_timeout_ms);
            let reset = reset_section(&ctx, ui.lang, group, &props.reset_form, props.reset_preview.as_deref());
            (format!("{group} / {m}"), member(&ctx, group, m, session_ms, reset))
        }
        Selection::Producer(id) => (format!("{} {id}", s.producer), producer(&ctx, id)),
    };
    let clear =
        ButtonAttrs { testid: Some("inspector-clear".into()), label: Some(s.insp_clear), ..ButtonAttrs::default() };
    frame(frag(&mut [
        el(
            "div",
            "insp__head",
            frag(&mut [
                el("h3", "insp__title", title.into()),
                ctx.button("insp__clear", clear, Click::Select(None), "×".into()),
            ]),
        ),
        body,
    ]))
}

fn not_found(ctx: &Ctx) -> Html {
    el_text("p", "insp__note", ctx.s.insp_not_found)
}

fn broker(ctx: &Ctx, id: BrokerId, session_ms: u64, lag_max_ms: u64) -> Html {
    let s = ctx.s;
    let Some(b) = ctx.view.brokers.iter().find(|b| b.id == id) else {
        return not_found(ctx);
    };
    let status = broker_status(s, b, session_ms, lag_max_ms);
    let slow = b.slow_factor > 1;
    let mut rows = Vec::new();
    for p in ctx.view.replicas_on(id) {
        let role = match p.leader {
            Some(l) if l == id => s.leader,
            None => s.offline,
            _ => s.follower,
        };
        let name = format!("{}-{}", p.topic, p.partition);
        let link = ctx.select(name.clone(), Selection::Partition { topic: p.topic.clone(), partition: p.partition });
        rows.push(keyed(
            "tr",
            name.into(),
            "",
            frag(&mut [
                el("td", "", link),
                el_text("td", "", role),
                el_text("td", "", ctx.yes_no(p.isr.contains(&id))),
                el("td", "insp__num", opt(replica_leo(p, id)).into()),
            ]),
        ));
    }
    let hosted = if rows.is_empty() {
        el_text("p", "insp__note", s.insp_none_hosted)
    } else {
        scroll_table(&[s.partition, s.insp_role, s.insp_in_isr, "LEO"], &mut rows)
    };
    let (slow_label, slow_factor, slow_help) = if slow {
        (s.insp_normal_speed, 1, s.insp_normal_help.into())
    } else {
        (s.insp_slow, SLOW_FACTOR, fill(s.insp_slow_help, &[("ms", lag_max_ms.to_string())]).into())
    };
    section(
        "inspector-broker",
        &mut [
            facts(&mut [
                ctx.fact(s.insp_alive, ctx.yes_no(b.alive)),
                ctx.fact(s.insp_fenced, ctx.yes_no(b.fenced)),
                ctx.fact(s.insp_slow_factor, format!("×{}", b.slow_factor)),
                ctx.fact(s.isolated, ctx.yes_no(b.isolated)),
            ]),
            el("p", if !b.alive || b.isolated { "insp__note insp__note--warn" } else { "insp__note" }, status.into()),
            el_text("h4", "", s.insp_hosted),
            hosted,
            el_text("h4", "", s.insp_actions),
            el(
                "div",
                "insp__actions",
                frag(&mut [
                    ctx.action(
                        s.insp_kill,
                        "action-kill-broker",
                        Command::KillBroker { broker: id },
                        !b.alive,
                        fill(s.insp_kill_help, &[("ms", session_ms.to_string())]).into(),
                    ),
                    ctx.action(
                        s.insp_shutdown,
                        "action-shutdown-broker",
                        Command::ShutdownBroker { broker: id },
                        !b.alive,
                        s.insp_shutdown_help.into(),
                    ),
                    ctx.action(
                        s.insp_restart,
                        "action-restart-broker",
                        Command::RestartBroker { broker: id },
                        b.alive,
                        s.insp_restart_help.into(),
                    ),
                    ctx.action(
                        slow_label,
                        "action-slow-broker",
                        Command::SlowBroker { broker: id, factor: slow_factor },
                        false,
                        slow_help,
                    ),
                    ctx.action(
                        s.insp_isolate,
                        "action-isolate",
                        Command::IsolateBroker { broker: id },
                        b.isolated,
                        fill(s.insp_isolate_help, &[("ms", lag_max_ms.to_string())]).into(),
                    ),
                    ctx.action(
                        s.insp_heal,
                        "action-heal",
                        Command::HealBroker { broker: id },
                        !b.isolated,
                        s.insp_heal_help.into(),
                    ),
                ]),
            ),
        ],
    )
}

/// Why a broker halted with a full disk, with its sizes; `None` unless it did.
pub fn disk_full_reason(s: &Strings, b: &BrokerView) -> Option<String> {
    let human = kafka_sim::fixed::human_bytes;
    let sizes = [("used", human(b.traffic.disk_bytes)), ("disk", human(b.disk_capacity_bytes))];
    b.log_dir_offline.then(|| fill(s.why_disk_full, &sizes))
}

/// Why a broker's status badge says what it says: one sentence per part of it
/// (down or fenced, slow, isolated), or "running" when nothing is wrong. The
/// inspector shows it, the topology puts it in the badge's `<title>`.
pub fn broker_status(s: &Strings, b: &BrokerView, session_ms: u64, lag_max_ms: u64) -> String {
    let (session, lag_max) = (session_ms.to_string(), lag_max_ms.to_string());
    let mut why: Vec<String> = disk_full_reason(s, b).into_iter().collect();
    match (b.alive, b.fenced) {
        (true, _) => {}
        (false, false) => why.push(fill(s.insp_status_crashed, &[("ms", session)])),
        (false, true) => why.push(fill(s.why_fenced, &[("ms", session)])),
    }
    if b.alive && b.slow_factor > 1 {
        why.push(fill(s.why_slow, &[("n", b.slow_factor.to_string()), ("ms", lag_max.clone())]));
    }
    if b.isolated {
        why.push(fill(s.why_isolated, &[("ms", lag_max)]));
    }
    if why.is_empty() {
        s.insp_status_up.to_string()
    } else {
        why.join(" ")
    }
}

fn partition(ctx: &Ctx, topic: &str, p: u32) -> Html {
    let s = ctx.s;
    let Some(pv) = find_partition(ctx.view, topic, p) else {
        return not_found(ctx);
    };
    let broker_alive = |b: BrokerId| ctx.view.brokers.iter().find(|x| x.id == b).is_none_or(|x| x.alive);
    let leader = match pv.leader {
        Some(l) => ctx.select(format!("{} {l}", s.broker), Selection::Broker(l)),
        None => el_text("strong", "insp__bad", s.insp_no_leader),
    };
    let mut replicas = Vec::new();
    for &b in &pv.replicas {
        let role = if pv.leader == Some(b) { s.leader } else { s.follower };
        let link = ctx.select(format!("{} {b}", s.broker), Selection::Broker(b));
        let down = when(!broker_alive(b), || el_text("span", "insp__tag insp__tag--bad", s.down));
        replicas.push(keyed(
            "tr",
            b.into(),
            "",
            frag(&mut [
                el("td", "", frag(&mut [link, down])),
                el_text("td", "", role),
                el("td", "insp__num", opt(replica_leo(pv, b)).into()),
                el_text("td", "", ctx.yes_no(pv.isr.contains(&b))),
            ]),
        ));
    }
    let mut groups = Vec::new();
    for g in ctx.view.groups.iter().filter(|g| g.topic == topic) {
        let row = g.partitions.iter().find(|r| r.partition == p);
        let owner = match row.and_then(|r| r.owner.clone()) {
            Some(m) => ctx.select(m.clone(), Selection::Member { group: g.id.clone(), member: m }),
            None => "-".into(),
        };
        groups.push(keyed(
            "tr",
            g.id.as_str().into(),
            "",
            frag(&mut [
                el("td", "", g.id.clone().into()),
                el("td", "insp__num", opt(row.and_then(|r| r.committed)).into()),
                el("td", "insp__num", opt(row.and_then(|r| r.lag)).into()),
                el("td", "", owner),
            ]),
        ));
    }
    let groups = if groups.is_empty() {
        el_text("p", "insp__note", s.insp_no_groups)
    } else {
        scroll_table(&[s.group, s.insp_committed, s.lag, s.insp_owner], &mut groups)
    };
    let records = if pv.log_end_offset == pv.log_start_offset {
        el_text("p", "insp__note", s.insp_no_records)
    } else {
        let mut chips = Vec::new();
        for o in newest_offsets(pv).rev() {
            let class = if o >= pv.high_watermark { "insp__chip--uncommitted" } else { "" };
            let link = ctx.select(
                format!("{} {o}", s.insp_offset),
                Selection::Record { topic: topic.to_string(), partition: p, offset: o },
            );
            chips.push(keyed("li", o.into(), class, link));
        }
        frag(&mut [
            el("ul", "insp__chips", frag(&mut chips)),
            when(pv.high_watermark < pv.log_end_offset, || el_text("p", "insp__help", s.insp_uncommitted_legend)),
        ])
    };
    section(
        "inspector-partition",
        &mut [
            facts(&mut [
                ctx.fact(s.leader, leader),
                ctx.fact(s.insp_leader_epoch, pv.leader_epoch),
                ctx.fact(s.insp_log_start, pv.log_start_offset),
                ctx.fact(s.insp_hw, pv.high_watermark),
                ctx.fact(s.insp_leo, pv.log_end_offset),
                ctx.fact("ISR", format!("[{}]", join(&pv.isr))),
                ctx.fact(
                    s.insp_retained,
                    fill(
                        s.insp_size_value,
                        &[("bytes", pv.size_bytes.to_string()), ("segments", pv.segments.to_string())],
                    ),
                ),
            ]),
            when(pv.leader.is_none(), || {
                el("p", "insp__note insp__note--bad", format!("{}: {}", s.offline, s.insp_offline_help).into())
            }),
            el_text("p", "insp__note", s.insp_hw_help),
            el_text("h4", "", s.insp_replicas),
            scroll_table(&[s.insp_broker_col, s.insp_role, "LEO", s.insp_in_isr], &mut replicas),
            el_text("h4", "", s.consumer_groups),
            groups,
            el_text("h4", "", s.insp_newest_records),
            records,
            el_text("h4", "", s.insp_actions),
            el(
                "div",
                "insp__actions",
                ctx.action(
                    s.insp_preferred,
                    "action-preferred-leader",
                    Command::ElectPreferredLeader { topic: Some(topic.to_string()) },
                    false,
                    s.insp_preferred_help.into(),
                ),
            ),
        ],
    )
}

fn record(ctx: &Ctx, topic: &str, p: u32, story: Option<&RecordStory>) -> Html {
    let s = ctx.s;
    let part_link = ctx.select(format!("{topic}-{p}"), Selection::Partition { topic: topic.to_string(), partition: p });
    let Some(st) = story else {
        return section(
            "inspector-record",
            &mut [
                el_id("p", "insp__note insp__note--warn", "inspector-record-gone".into(), s.insp_gone.into()),
                el("p", "", part_link),
            ],
        );
    };
    let hash = match (&st.hash, &st.key) {
        (Some(h), Some(k)) => frag(&mut [
            el_text("p", "insp__note", s.insp_hash_rule),
            el("p", "", el_id("code", "insp__code", "inspector-hash".into(), hash_line(k, h).into())),
            when(h.partition != st.partition, || {
                let moved = fill(s.insp_hash_moved, &[("n", h.partitions.to_string()), ("p", h.partition.to_string())]);
                el("p", "insp__note insp__note--warn", moved.into())
            }),
        ]),
        _ => frag(&mut [
            el("p", "insp__note", fill(s.insp_no_hash, &[("p", st.partitioner.to_string())]).into()),
            // A null key under any partitioner but round-robin went to the sticky partition.
            when(st.key.is_none() && st.partitioner != "round-robin", || {
                el_id("p", "insp__note", "inspector-sticky".into(), s.sticky_help.into())
            }),
        ]),
    };
    let brokers = |list: &[BrokerId]| {
        if list.is_empty() {
            s.insp_nobody.to_string()
        } else {
            list.iter().map(|b| format!("{} {b}", s.broker)).collect::<Vec<_>>().join(", ")
        }
    };
    let groups = |list: &[String]| {
        if list.is_empty() {
            s.insp_nobody.to_string()
        } else {
            list.join(", ")
        }
    };
    let acked = if st.acks0 {
        s.insp_acks0
    } else if st.acked {
        s.insp_acked_yes
    } else {
        s.insp_acked_no
    };
    let committed = if st.committed { s.insp_committed_yes } else { s.insp_committed_no };
    section(
        "inspector-record",
        &mut [
            facts(&mut [
                ctx.fact(s.partition, part_link),
                ctx.fact(s.insp_offset, st.offset),
                ctx.fact(s.producer, ctx.select(st.producer.clone(), Selection::Producer(st.producer.clone()))),
                ctx.fact(
                    s.insp_key,
                    match &st.key {
                        Some(k) => format!("\"{k}\""),
                        None => s.insp_null_key.to_string(),
                    },
                ),
                ctx.fact(s.partitioner, st.partitioner),
                ctx.fact(s.insp_timestamp, format_ms(st.timestamp_ms)),
                ctx.fact(s.insp_bytes, format!("{} B", st.bytes)),
            ]),
            hash,
            facts(&mut [
                ctx.fact(s.insp_stored_on, brokers(&st.on_replicas)),
                ctx.fact(s.insp_missing_on, brokers(&st.missing_on)),
                ctx.fact(s.insp_read_by, groups(&st.read_by)),
                ctx.fact(s.insp_unread_by, groups(&st.unread_by)),
            ]),
            el(
                "ul",
                "insp__points",
                frag(&mut [
                    el_id("li", "", "inspector-record-committed".into(), committed.into()),
                    el_id("li", "", "inspector-record-acked".into(), acked.into()),
                ]),
            ),
        ],
    )
}

fn member(ctx: &Ctx, group: &str, id: &str, session_ms: Option<u64>, reset: Html) -> Html {
    let s = ctx.s;
    let Some(g) = ctx.view.groups.iter().find(|g| g.id == group) else {
        return not_found(ctx);
    };
    let add = ctx.action(
        s.add_consumer,
        "action-add-consumer",
        Command::AddConsumer { group: group.to_string() },
        false,
        fill(s.insp_add_consumer_help, &[("g", group.to_string())]).into(),
    );
    let Some(m) = g.members.iter().find(|m| m.id == id) else {
        return section("inspector-member", &mut [not_found(ctx), el("div", "insp__actions", add), reset]);
    };
    let status = member_status(s, m, session_ms);
    let mut rows = Vec::new();
    for tp in &m.assigned {
        let row = g.partitions.iter().find(|r| r.topic == tp.topic && r.partition == tp.partition);
        let name = tp.to_string();
        let link = ctx.select(name.clone(), Selection::Partition { topic: tp.topic.clone(), partition: tp.partition });
        rows.push(keyed(
            "tr",
            name.into(),
            "",
            frag(&mut [
                el("td", "", link),
                el("td", "insp__num", opt(row.and_then(|r| r.position)).into()),
                el("td", "insp__num", opt(row.and_then(|r| r.committed)).into()),
                el("td", "insp__num", opt(row.and_then(|r| r.lag)).into()),
            ]),
        ));
    }
    let assigned = if rows.is_empty() {
        el_text("p", "insp__note", s.insp_no_partitions)
    } else {
        scroll_table(&[s.partition, s.insp_position, s.insp_committed, s.lag], &mut rows)
    };
    let remove =
        |graceful: bool| Command::RemoveConsumer { group: group.to_string(), member: Some(id.to_string()), graceful };
    section(
        "inspector-member",
        &mut [
            facts(&mut [
                ctx.fact(s.group, g.id.clone()),
                ctx.fact(s.generation, g.generation),
                ctx.fact(s.insp_group_measured, measured(s, &g.throughput)),
                ctx.fact("records-lag-max", m.records_lag_max),
                ctx.fact(s.crashed, ctx.yes_no(m.crashed)),
            ]),
            el("p", if m.crashed { "insp__note insp__note--warn" } else { "insp__note" }, status.into()),
            el_text("h4", "", s.insp_assigned),
            assigned,
            el_text("h4", "", s.insp_actions),
            el(
                "div",
                "insp__actions",
                frag(&mut [
                    ctx.action(s.insp_leave, "action-leave-member", remove(true), m.crashed, s.insp_leave_help.into()),
                    ctx.action(s.insp_crash, "action-crash-member", remove(false), m.crashed, s.insp_crash_help.into()),
                    add,
                ]),
            ),
            reset,
        ],
    )
}

/// The group's `--reset-offsets`: the spec and its number, the dry run per
/// partition (`data-testid="reset-preview"`), and the apply button, refused
/// with the engine's NON_EMPTY_GROUP explanation while the group has members.
fn reset_section(ctx: &Ctx, lang: Lang, group: &str, form: &ResetForm, preview: Option<&ResetPreview>) -> Html {
    let s = ctx.s;
    let spec = form.spec();
    let kind = form.kind;
    let on_kind = {
        let (d, input) = (ctx.dispatch.clone(), form.input.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let kind = ResetKind::parse(&value).unwrap_or_default();
            d.emit(Action::SetResetForm(ResetForm { kind, input: input.clone() }));
        })
    };
    let on_input = {
        let d = ctx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            d.emit(Action::SetResetForm(ResetForm { kind, input }));
        })
    };
    let options = ResetKind::ALL
        .iter()
        .map(|k| html! { <option value={k.option()} selected={*k == kind}>{ k.option() }</option> })
        .collect::<Html>();
    let input_label = match kind {
        ResetKind::Datetime => s.reset_input_time,
        ResetKind::Shift => s.reset_input_shift,
        _ => s.reset_input_offset,
    };
    let error = spec.err().filter(|_| kind.takes_input()).map(|e| e.message(s, kind));
    let input = when(kind.takes_input(), || {
        html! {
            <label class="reset__field">
                <span>{ input_label }</span>
                <input type="text" inputmode={if kind == ResetKind::Offset { "numeric" } else { "decimal" }}
                    data-testid="reset-input" value={form.input.clone()} oninput={on_input}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then_some("reset-error")} />
            </label>
        }
    });
    let time_help = when(kind == ResetKind::Datetime, || {
        el("p", "insp__help", fill(s.reset_time_help, &[("t", format_ms(ctx.view.time_ms))]).into())
    });
    let error = error.map_or_else(Html::default, |msg| {
        html! { <p class="insp__note insp__note--warn" id="reset-error" role="alert" data-testid="reset-error">{ msg }</p> }
    });
    let body = match (preview, spec) {
        (Some(p), Ok(spec)) => reset_table(ctx, lang, group, p, spec),
        _ => Html::default(),
    };
    el_id(
        "div",
        "reset",
        "reset-offsets".into(),
        frag(&mut [
            el_text("h4", "", s.reset_title),
            el("p", "insp__help", fill(s.reset_intro, &[("g", group.to_string())]).into()),
            html! {
                <div class="reset__form">
                    <label class="reset__field">
                        <span>{ s.reset_spec }</span>
                        <select data-testid="reset-spec" onchange={on_kind}>{ options }</select>
                    </label>
                    { input }
                </div>
            },
            time_help,
            error,
            body,
        ]),
    )
}

/// The dry run's table, its totals and the apply button (or why it is refused).
fn reset_table(ctx: &Ctx, lang: Lang, group: &str, p: &ResetPreview, spec: kafka_sim::ResetSpec) -> Html {
    let s = ctx.s;
    let mut rows: Vec<Html> = p
        .rows
        .iter()
        .map(|r| {
            let change = change_text(s, r);
            let class = if r.reread > 0 {
                "insp__num reset__reread"
            } else if r.skipped > 0 {
                "insp__num reset__skip"
            } else {
                "insp__num"
            };
            keyed(
                "tr",
                r.partition.to_string().into(),
                "",
                frag(&mut [
                    el("td", "", format!("{}-{}", p.topic, r.partition).into()),
                    el("td", "insp__num", opt(r.current).into()),
                    el("td", "insp__num", r.new.to_string().into()),
                    el("td", class, change.into()),
                    el("td", "insp__num", r.new_lag.to_string().into()),
                ]),
            )
        })
        .collect();
    let (reread, skip, lag) = totals(p);
    let table = html! {
        <div class="insp__scroll">
            <table class="insp__table" data-testid="reset-preview" aria-label={s.reset_label}>
                { head_row(&[s.partition, s.reset_col_current, s.reset_col_new, s.reset_col_change, s.reset_col_new_lag]) }
                { el("tbody", "", frag(&mut rows)) }
            </table>
        </div>
    };
    let sum =
        fill(s.reset_totals, &[("reread", reread.to_string()), ("skip", skip.to_string()), ("lag", lag.to_string())]);
    let command = Command::ResetOffsets { group: group.to_string(), spec };
    let refusal = p.refusal.as_ref().map_or_else(Html::default, |e| {
        html! {
            <div class="insp__note insp__note--warn" data-testid="reset-refused" id="reset-apply-help">
                <p><strong>{ s.reset_refused }</strong>{ " " }{ e.message(lang) }</p>
                <p>{ s.reset_how_to_empty }</p>
            </div>
        }
    });
    let apply = if p.refusal.is_some() {
        let attrs = ButtonAttrs {
            testid: Some("action-reset-offsets".into()),
            disabled: true,
            describedby: Some("reset-apply-help".into()),
            ..ButtonAttrs::default()
        };
        el(
            "div",
            "insp__action",
            frag(&mut [ctx.button("insp__button", attrs, Click::Command(command), s.reset_apply.into()), refusal]),
        )
    } else {
        ctx.action(
            s.reset_apply,
            "action-reset-offsets",
            command,
            false,
            fill(s.reset_apply_help, &[("g", group.to_string())]).into(),
        )
    };
    frag(&mut [
        table,
        el("p", "insp__help", format!("{sum} {}", s.reset_clamped).into()),
        el("div", "insp__actions", apply),
    ])
}

/// What a producer sent or a group read over the last simulated second:
/// records/s and bytes/s (sizes in Kafka's record batch format v2).
fn measured(s: &Strings, t: &kafka_sim::view::Throughput) -> String {
    format!("{} {} · {}/s", t.records_per_s, s.insp_per_s, crate::broker_stats::human_bytes(t.bytes_per_s))
}

fn member_status(s: &Strings, m: &MemberView, session_ms: Option<u64>) -> String {
    if m.crashed {
        let ms = session_ms.map_or_else(|| "session.timeout.ms".to_string(), |ms| ms.to_string());
        fill(s.insp_member_crashed, &[("ms", ms)])
    } else {
        s.insp_polling.to_string()
    }
}

fn producer(ctx: &Ctx, id: &str) -> Html {
    let s = ctx.s;
    let Some(pv) = ctx.view.producers.iter().find(|p| p.id == id) else {
        return not_found(ctx);
    };
    let errors = if pv.errors.is_empty() {
        s.insp_nobody.into()
    } else {
        frag(
            &mut pv
                .errors
                .iter()
                .map(|(e, n)| el("span", "insp__lines", format!("{e}: {n}").into()))
                .collect::<Vec<_>>(),
        )
    };
    let l = &pv.ledger;
    let ledger = [
        (l.acked, s.insp_ledger_acked, "acked", false),
        (l.acked_lost, s.insp_ledger_acked_lost, "acked-lost", true),
        (l.failed, s.insp_ledger_failed, "failed", true),
        (l.duplicates, s.insp_ledger_duplicates, "duplicates", true),
        (l.unacknowledged, s.insp_ledger_unacked, "unacknowledged", false),
        (l.unacknowledged_lost, s.insp_ledger_unacked_lost, "unacknowledged-lost", true),
    ];
    let mut rows = Vec::new();
    for (n, text, key, bad) in ledger {
        rows.push(html! {
            <tr key={key} data-ledger={key} class={(bad && n > 0).then_some("insp__row--bad")}>
                { el("td", "insp__num", n.into()) }
                { el_text("td", "", text) }
            </tr>
        });
    }
    let ledger =
        el_id("table", "insp__table insp__ledger", "inspector-ledger".into(), el("tbody", "", frag(&mut rows)));
    let rate = |double: bool| Command::SetProducerRate {
        producer: pv.id.clone(),
        rate_per_s: next_rate(pv.rate_per_s, double),
    };
    let recent = if pv.recent.is_empty() {
        el_text("p", "insp__note", s.no_decisions)
    } else {
        let mut items = Vec::new();
        for d in pv.recent.iter().rev() {
            let key = d.key.as_ref().map_or_else(|| s.insp_null_key.to_string(), |k| format!("\"{k}\""));
            let hash = match (&d.reason, &d.key) {
                (DecisionReason::Keyed { murmur2, to_positive, modulo }, Some(k)) => hash_line(
                    k,
                    &KeyHash {
                        murmur2: *murmur2,
                        to_positive: *to_positive,
                        partitions: *modulo,
                        partition: d.partition,
                    },
                ),
                _ => String::new(),
            };
            let target = format!("{}-{}", pv.topic, d.partition);
            let offset = match d.offset {
                Some(o) => frag(&mut [
                    " ".into(),
                    ctx.select(
                        format!("{} {o}", s.insp_offset),
                        Selection::Record { topic: pv.topic.clone(), partition: d.partition, offset: o },
                    ),
                ]),
                None => Html::default(),
            };
            let hash = when(!hash.is_empty(), || {
                frag(&mut [el("br", "", Html::default()), el("code", "insp__code", hash.into())])
            });
            items.push(el("li", "", frag(&mut [el("span", "", format!("{key} → {target}").into()), offset, hash])));
        }
        el("ul", "insp__points insp__recent", frag(&mut items))
    };
    section(
        "inspector-producer",
        &mut [
            facts(&mut [
                ctx.fact(s.insp_topic, pv.topic.clone()),
                ctx.fact(s.insp_rate, format!("{} {}", format_rate(pv.rate_per_s), s.insp_per_s)),
                ctx.fact(s.insp_measured, measured(s, &pv.throughput)),
                ctx.fact("acks", pv.acks),
                ctx.fact(s.insp_key, if pv.keyed { s.keyed } else { s.null_keys }),
                ctx.fact(s.insp_sent, pv.sent),
                ctx.fact(s.insp_acked, pv.acked),
                ctx.fact(s.insp_errors, errors),
            ]),
            el_text("h4", "", s.insp_ledger),
            ledger,
            el_text("h4", "", "acks"),
            acks_buttons(ctx, pv),
            el_text("p", "insp__help", s.insp_acks_help),
            el(
                "div",
                "insp__actions insp__actions--row",
                frag(&mut [
                    ctx.action(
                        s.insp_rate_half,
                        "action-rate-half",
                        rate(false),
                        pv.rate_per_s <= 0.0,
                        s.insp_rate_help.into(),
                    ),
                    ctx.action(
                        s.insp_rate_double,
                        "action-rate-double",
                        rate(true),
                        pv.rate_per_s >= kafka_sim::limits::MAX_PRODUCER_RATE,
                        s.insp_rate_help.into(),
                    ),
                ]),
            ),
            el_text("h4", "", s.insp_recent),
            recent,
        ],
    )
}

fn acks_buttons(ctx: &Ctx, pv: &ProducerView) -> Html {
    let mut buttons = Vec::new();
    for acks in [Acks::None, Acks::Leader, Acks::All] {
        let on = pv.acks == acks.name();
        let attrs = ButtonAttrs {
            testid: Some(format!("action-acks-{}", acks.name()).into()),
            pressed: Some(on.to_string().into()),
            ..ButtonAttrs::default()
        };
        let command = Command::SetProducerAcks { producer: pv.id.clone(), acks, enable_idempotence: None };
        buttons.push(ctx.button(
            if on { "insp__seg insp__seg--on" } else { "insp__seg" },
            attrs,
            Click::Command(command),
            format!("acks={}", acks.name()).into(),
        ));
    }
    html! { <div class="insp__segmented" role="group" aria-label="acks">{ frag(&mut buttons) }</div> }
}

fn join(ids: &[BrokerId]) -> String {
    ids.iter().map(|b| b.to_string()).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use kafka_sim::Cluster;

    #[test]
    fn hash_line_shows_the_arithmetic() {
        let h = KeyHash { murmur2: -2063068724, to_positive: 84414924, partitions: 3, partition: 0 };
        assert_eq!(hash_line("서울", &h), "murmur2(\"서울\") = -2063068724 → toPositive = 84414924 → 84414924 % 3 = 0");
    }

    #[test]
    fn templates_are_filled() {
        assert_eq!(fill("after {ms} ms ({ms})", &[("ms", "9000".into())]), "after 9000 ms (9000)");
        assert_eq!(fill("{n} of {total}", &[("n", "1".into()), ("total", "2".into())]), "1 of 2");
    }

    #[test]
    fn newest_offsets_stay_within_the_retained_log() {
        let mut c = Cluster::new(ClusterConfig::default()).unwrap();
        c.run_until(3000);
        let view = c.view();
        let mut p = view.topics[0].partitions[0].clone();
        (p.log_start_offset, p.log_end_offset) = (5, 20);
        assert_eq!(newest_offsets(&p), 12..20);
        (p.log_start_offset, p.log_end_offset) = (17, 20);
        assert_eq!(newest_offsets(&p), 17..20);
        (p.log_start_offset, p.log_end_offset) = (0, 0);
        assert!(newest_offsets(&p).is_empty());
    }

    #[test]
    fn numbers_read_as_text() {
        assert_eq!(format_rate(10.0), "10");
        assert_eq!(format_rate(2.5), "2.5");
        assert_eq!(format_ms(12_345), "12.345 s");
        assert_eq!(format_ms(7), "0.007 s");
        assert_eq!(next_rate(0.0, true), 1.0);
        assert_eq!(next_rate(10.0, false), 5.0);
        assert_eq!(next_rate(80_000.0, true), 100_000.0);
    }

    #[test]
    fn the_real_hash_matches_the_story() {
        // The story's hash is the one the partitioner used: the line ends in the
        // record's partition.
        let mut c = Cluster::new(ClusterConfig::default()).unwrap();
        c.run_until(3000);
        let view = c.view();
        let p = view.topics[0].partitions.iter().find(|p| p.high_watermark > 0).unwrap();
        let st = c.record_story(&p.topic, p.partition, p.log_start_offset).unwrap();
        let line = hash_line(st.key.as_deref().unwrap(), &st.hash.unwrap());
        assert!(line.ends_with(&format!("= {}", p.partition)), "{line}");
    }

    #[test]
    fn broker_status_says_whether_the_controller_noticed() {
        let s = strings(Lang::En);
        let b = |alive, fenced| BrokerView {
            id: 1,
            alive,
            fenced,
            slow_factor: 1,
            isolated: false,
            log_dir_offline: false,
            disk_capacity_bytes: 1 << 20,
            traffic: Default::default(),
        };
        assert_eq!(broker_status(s, &b(true, false), 9000, 30000), s.insp_status_up);
        assert!(broker_status(s, &b(false, false), 9000, 30000).contains("9000 ms"));
        let fenced = broker_status(s, &b(false, true), 9000, 30000);
        assert!(fenced.starts_with("Fenced") && fenced.contains("broker.session.timeout.ms = 9000 ms"), "{fenced}");
        // Slow and isolated each add their reason, with replica.lag.time.max.ms.
        let both = BrokerView { slow_factor: 10, isolated: true, ..b(true, false) };
        let why = broker_status(s, &both, 9000, 30000);
        assert!(why.contains("Slow ×10") && why.contains("Isolated") && why.contains("30000 ms"), "{why}");
        // A dead broker is not "slow", whatever its factor.
        let dead_slow = BrokerView { slow_factor: 10, ..b(false, true) };
        assert!(!broker_status(s, &dead_slow, 9000, 30000).contains("Slow"));
        // A full disk says so first, with the sizes, then what the controller knows.
        let mut full = BrokerView { log_dir_offline: true, ..b(false, false) };
        full.traffic.disk_bytes = 1_000_000;
        let why = broker_status(s, &full, 9000, 30000);
        assert!(
            why.starts_with("Halted because its disk is full (977 KB of 1.0 MB)") && why.contains("9000 ms"),
            "{why}"
        );
        let ko = broker_status(strings(Lang::Ko), &full, 9000, 30000);
        assert!(ko.starts_with("디스크가 가득 차서 멈췄습니다(1.0 MB 중 977 KB)"), "{ko}");
    }
}
