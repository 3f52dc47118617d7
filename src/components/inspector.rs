//! The inspector: everything about the selected broker, partition, record,
//! consumer or producer, with the actions a learner can take on it. Every number
//! is shown as text; every action is a button with a one-line explanation.

use crate::components::nodes::{dt_dd, el, el_id, head_row};
use crate::i18n::{strings, Strings};
use crate::state::{Action, Selection};
use crate::ui::use_ui;
use kafka_sim::command::Command;
use kafka_sim::config::Acks;
use kafka_sim::config::ClusterConfig;
use kafka_sim::partitioner::DecisionReason;
use kafka_sim::story::{KeyHash, RecordStory};
use kafka_sim::view::{BrokerView, ClusterView, GroupView, MemberView, PartitionView, ProducerView};
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
}

impl PartialEq for InspectorProps {
    /// Views and configurations by pointer: a change always comes as a new `Rc`.
    fn eq(&self, other: &Self) -> bool {
        self.selection == other.selection
            && Rc::ptr_eq(&self.view, &other.view)
            && self.story == other.story
            && Rc::ptr_eq(&self.config, &other.config)
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
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
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

impl Ctx<'_> {
    fn yes_no(&self, b: bool) -> &'static str {
        if b {
            self.s.insp_yes
        } else {
            self.s.insp_no
        }
    }

    /// A link-like button that selects something else.
    fn select(&self, label: String, sel: Selection) -> Html {
        let d = self.dispatch.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            d.emit(Action::Select(Some(sel.clone())));
        });
        html! { <button type="button" class="insp__link" {onclick}>{ label }</button> }
    }

    /// An action button with its one-sentence explanation.
    fn action(&self, label: &str, testid: &str, command: Command, disabled: bool, help: String) -> Html {
        let d = self.dispatch.clone();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            d.emit(Action::Command(command.clone()));
        });
        let help_id = format!("{testid}-help");
        html! {
            <div class="insp__action">
                <button type="button" class="insp__button" data-testid={testid.to_string()} {disabled}
                    aria-describedby={help_id.clone()} {onclick}>{ label.to_string() }</button>
                <p class="insp__help" id={help_id}>{ help }</p>
            </div>
        }
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
fn scroll_table(labels: &[&'static str], rows: Html) -> Html {
    html! {
        <div class="insp__scroll">
            <table class="insp__table">
                { head_row(labels) }
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

#[inline(never)]
fn fact_html(name: &str, value: Html) -> Html {
    dt_dd(name, "", value)
}

#[component]
pub fn Inspector(props: &InspectorProps) -> Html {
    let ui = use_ui();
    let s = strings(ui.lang);
    let dispatch = ui.dispatch();
    let ctx = Ctx { s, view: &props.view, dispatch: &dispatch };
    let Some(sel) = &props.selection else {
        return html! {
            <div class="inspector" data-testid="inspector">
                { el_id("p", "insp__hint", "inspector-hint".into(), s.insp_hint.into()) }
            </div>
        };
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
            (format!("{group} / {m}"), member(&ctx, group, m, session_ms))
        }
        Selection::Producer(id) => (format!("{} {id}", s.producer), producer(&ctx, id)),
    };
    let clear = dispatch.reform(|e: MouseEvent| {
        e.stop_propagation();
        Action::Select(None)
    });
    html! {
        <div class="inspector" data-testid="inspector">
            <div class="insp__head">
                { el("h3", "insp__title", title.into()) }
                <button type="button" class="insp__clear" aria-label={s.insp_clear} title={s.insp_clear}
                    data-testid="inspector-clear" onclick={clear}>{ "×" }</button>
            </div>
            { body }
        </div>
    }
}

fn not_found(ctx: &Ctx) -> Html {
    el("p", "insp__note", ctx.s.insp_not_found.into())
}

fn broker(ctx: &Ctx, id: BrokerId, session_ms: u64, lag_max_ms: u64) -> Html {
    let s = ctx.s;
    let Some(b) = ctx.view.brokers.iter().find(|b| b.id == id) else {
        return not_found(ctx);
    };
    let status = broker_status(s, b, session_ms);
    let slow = b.slow_factor > 1;
    let hosted: Vec<&PartitionView> = ctx.view.replicas_on(id).collect();
    html! {
        <section class="insp__section" data-testid="inspector-broker">
            <dl class="insp__facts">
                { ctx.fact(s.insp_alive, ctx.yes_no(b.alive)) }
                { ctx.fact(s.insp_fenced, ctx.yes_no(b.fenced)) }
                { ctx.fact(s.insp_slow_factor, format!("×{}", b.slow_factor)) }
            </dl>
            <p class={if !b.alive { "insp__note insp__note--warn" } else { "insp__note" }}>{ status }</p>
            { el("h4", "", s.insp_hosted.into()) }
            if hosted.is_empty() {
                { el("p", "insp__note", s.insp_none_hosted.into()) }
            } else {
                { scroll_table(&[s.partition, s.insp_role, s.insp_in_isr, "LEO"], html! {
                    <>
                            { for hosted.iter().map(|p| {
                                let role = match p.leader {
                                    Some(l) if l == id => s.leader,
                                    None => s.offline,
                                    _ => s.follower,
                                };
                                html! {
                                    <tr key={format!("{}-{}", p.topic, p.partition)}>
                                        <td>{ ctx.select(format!("{}-{}", p.topic, p.partition),
                                            Selection::Partition { topic: p.topic.clone(), partition: p.partition }) }</td>
                                        { el("td", "", role.into()) }
                                        { el("td", "", ctx.yes_no(p.isr.contains(&id)).into()) }
                                        { el("td", "insp__num", opt(replica_leo(p, id)).into()) }
                                    </tr>
                                }
                            }) }
                    </>
                }) }
            }
            { el("h4", "", s.insp_actions.into()) }
            <div class="insp__actions">
                { ctx.action(s.insp_kill, "action-kill-broker", Command::KillBroker { broker: id }, !b.alive,
                    fill(s.insp_kill_help, &[("ms", session_ms.to_string())])) }
                { ctx.action(s.insp_shutdown, "action-shutdown-broker", Command::ShutdownBroker { broker: id }, !b.alive,
                    s.insp_shutdown_help.to_string()) }
                { ctx.action(s.insp_restart, "action-restart-broker", Command::RestartBroker { broker: id }, b.alive,
                    s.insp_restart_help.to_string()) }
                { ctx.action(if slow { s.insp_normal_speed } else { s.insp_slow }, "action-slow-broker",
                    Command::SlowBroker { broker: id, factor: if slow { 1 } else { SLOW_FACTOR } }, false,
                    if slow { s.insp_normal_help.to_string() }
                    else { fill(s.insp_slow_help, &[("ms", lag_max_ms.to_string())]) }) }
            </div>
        </section>
    }
}

fn broker_status(s: &Strings, b: &BrokerView, session_ms: u64) -> String {
    match (b.alive, b.fenced) {
        (true, _) => s.insp_status_up.to_string(),
        (false, false) => fill(s.insp_status_crashed, &[("ms", session_ms.to_string())]),
        (false, true) => s.insp_status_fenced.to_string(),
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
        None => el("strong", "insp__bad", s.insp_no_leader.into()),
    };
    let groups: Vec<(&GroupView, _)> = ctx
        .view
        .groups
        .iter()
        .filter(|g| g.topic == topic)
        .map(|g| (g, g.partitions.iter().find(|r| r.partition == p)))
        .collect();
    html! {
        <section class="insp__section" data-testid="inspector-partition">
            <dl class="insp__facts">
                { ctx.fact(s.leader, leader) }
                { ctx.fact(s.insp_leader_epoch, pv.leader_epoch) }
                { ctx.fact(s.insp_log_start, pv.log_start_offset) }
                { ctx.fact(s.insp_hw, pv.high_watermark) }
                { ctx.fact(s.insp_leo, pv.log_end_offset) }
                { ctx.fact("ISR", format!("[{}]", join(&pv.isr))) }
                { ctx.fact(s.insp_retained, fill(s.insp_size_value,
                    &[("bytes", pv.size_bytes.to_string()), ("segments", pv.segments.to_string())])) }
            </dl>
            if pv.leader.is_none() {
                <p class="insp__note insp__note--bad">{ format!("{}: {}", s.offline, s.insp_offline_help) }</p>
            }
            { el("p", "insp__note", s.insp_hw_help.into()) }
            { el("h4", "", s.insp_replicas.into()) }
            { scroll_table(&[s.insp_broker_col, s.insp_role, "LEO", s.insp_in_isr], html! {
                <>
                        { for pv.replicas.iter().map(|&b| {
                            let role = if pv.leader == Some(b) { s.leader } else { s.follower };
                            let down = !broker_alive(b);
                            html! {
                                <tr key={b}>
                                    <td>
                                        { ctx.select(format!("{} {b}", s.broker), Selection::Broker(b)) }
                                        if down { { el("span", "insp__tag insp__tag--bad", s.down.into()) } }
                                    </td>
                                    { el("td", "", role.into()) }
                                    { el("td", "insp__num", opt(replica_leo(pv, b)).into()) }
                                    { el("td", "", ctx.yes_no(pv.isr.contains(&b)).into()) }
                                </tr>
                            }
                        }) }
                </>
            }) }
            { el("h4", "", s.consumer_groups.into()) }
            if groups.is_empty() {
                { el("p", "insp__note", s.insp_no_groups.into()) }
            } else {
                { scroll_table(&[s.group, s.insp_committed, s.lag, s.insp_owner], html! {
                    <>
                            { for groups.iter().map(|(g, row)| {
                                let owner = match row.and_then(|r| r.owner.clone()) {
                                    Some(m) => ctx.select(m.clone(), Selection::Member { group: g.id.clone(), member: m }),
                                    None => html! { "-" },
                                };
                                html! {
                                    <tr key={g.id.clone()}>
                                        { el("td", "", g.id.clone().into()) }
                                        { el("td", "insp__num", opt(row.and_then(|r| r.committed)).into()) }
                                        { el("td", "insp__num", opt(row.and_then(|r| r.lag)).into()) }
                                        { el("td", "", owner.into()) }
                                    </tr>
                                }
                            }) }
                    </>
                }) }
            }
            { el("h4", "", s.insp_newest_records.into()) }
            if pv.log_end_offset == pv.log_start_offset {
                { el("p", "insp__note", s.insp_no_records.into()) }
            } else {
                <ul class="insp__chips">
                    { for newest_offsets(pv).rev().map(|o| html! {
                        <li key={o} class={(o >= pv.high_watermark).then_some("insp__chip--uncommitted")}>
                            { ctx.select(format!("{} {o}", s.insp_offset),
                                Selection::Record { topic: topic.to_string(), partition: p, offset: o }) }
                        </li>
                    }) }
                </ul>
                if pv.high_watermark < pv.log_end_offset {
                    { el("p", "insp__help", s.insp_uncommitted_legend.into()) }
                }
            }
            { el("h4", "", s.insp_actions.into()) }
            <div class="insp__actions">
                { ctx.action(s.insp_preferred, "action-preferred-leader",
                    Command::ElectPreferredLeader { topic: Some(topic.to_string()) }, false,
                    s.insp_preferred_help.to_string()) }
            </div>
        </section>
    }
}

fn record(ctx: &Ctx, topic: &str, p: u32, story: Option<&RecordStory>) -> Html {
    let s = ctx.s;
    let part_link = ctx.select(format!("{topic}-{p}"), Selection::Partition { topic: topic.to_string(), partition: p });
    let Some(st) = story else {
        return html! {
            <section class="insp__section" data-testid="inspector-record">
                { el_id("p", "insp__note insp__note--warn", "inspector-record-gone".into(), s.insp_gone.into()) }
                { el("p", "", part_link.into()) }
            </section>
        };
    };
    let hash = match (&st.hash, &st.key) {
        (Some(h), Some(k)) => html! {
            <>
                { el("p", "insp__note", s.insp_hash_rule.into()) }
                <p><code class="insp__code" data-testid="inspector-hash">{ hash_line(k, h) }</code></p>
                if h.partition != st.partition {
                    <p class="insp__note insp__note--warn">{ fill(s.insp_hash_moved,
                        &[("n", h.partitions.to_string()), ("p", h.partition.to_string())]) }</p>
                }
            </>
        },
        _ => el("p", "insp__note", fill(s.insp_no_hash, &[("p", st.partitioner.to_string())]).into()),
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
    html! {
        <section class="insp__section" data-testid="inspector-record">
            <dl class="insp__facts">
                { ctx.fact(s.partition, part_link) }
                { ctx.fact(s.insp_offset, st.offset) }
                { ctx.fact(s.producer, ctx.select(st.producer.clone(), Selection::Producer(st.producer.clone()))) }
                { ctx.fact(s.insp_key, match &st.key { Some(k) => format!("\"{k}\""), None => s.insp_null_key.to_string() }) }
                { ctx.fact(s.partitioner, st.partitioner) }
                { ctx.fact(s.insp_timestamp, format_ms(st.timestamp_ms)) }
                { ctx.fact(s.insp_bytes, format!("{} B", st.bytes)) }
            </dl>
            { hash }
            <dl class="insp__facts">
                { ctx.fact(s.insp_stored_on, brokers(&st.on_replicas)) }
                { ctx.fact(s.insp_missing_on, brokers(&st.missing_on)) }
                { ctx.fact(s.insp_read_by, groups(&st.read_by)) }
                { ctx.fact(s.insp_unread_by, groups(&st.unread_by)) }
            </dl>
            <ul class="insp__points">
                <li data-testid="inspector-record-committed">
                    { if st.committed { s.insp_committed_yes } else { s.insp_committed_no } }
                </li>
                { el_id("li", "", "inspector-record-acked".into(), acked.into()) }
            </ul>
        </section>
    }
}

fn member(ctx: &Ctx, group: &str, id: &str, session_ms: Option<u64>) -> Html {
    let s = ctx.s;
    let Some(g) = ctx.view.groups.iter().find(|g| g.id == group) else {
        return not_found(ctx);
    };
    let add = ctx.action(
        s.add_consumer,
        "action-add-consumer",
        Command::AddConsumer { group: group.to_string() },
        false,
        fill(s.insp_add_consumer_help, &[("g", group.to_string())]),
    );
    let Some(m) = g.members.iter().find(|m| m.id == id) else {
        return html! {
            <section class="insp__section" data-testid="inspector-member">
                { not_found(ctx) }
                <div class="insp__actions">{ add }</div>
            </section>
        };
    };
    let status = member_status(s, m, session_ms);
    html! {
        <section class="insp__section" data-testid="inspector-member">
            <dl class="insp__facts">
                { ctx.fact(s.group, g.id.clone()) }
                { ctx.fact(s.generation, g.generation) }
                { ctx.fact("records-lag-max", m.records_lag_max) }
                { ctx.fact(s.crashed, ctx.yes_no(m.crashed)) }
            </dl>
            <p class={if m.crashed { "insp__note insp__note--warn" } else { "insp__note" }}>{ status }</p>
            { el("h4", "", s.insp_assigned.into()) }
            if m.assigned.is_empty() {
                { el("p", "insp__note", s.insp_no_partitions.into()) }
            } else {
                { scroll_table(&[s.partition, s.insp_position, s.insp_committed, s.lag], html! {
                    <>
                            { for m.assigned.iter().map(|tp| {
                                let row = g.partitions.iter().find(|r| r.topic == tp.topic && r.partition == tp.partition);
                                html! {
                                    <tr key={tp.to_string()}>
                                        <td>{ ctx.select(tp.to_string(),
                                            Selection::Partition { topic: tp.topic.clone(), partition: tp.partition }) }</td>
                                        { el("td", "insp__num", opt(row.and_then(|r| r.position)).into()) }
                                        { el("td", "insp__num", opt(row.and_then(|r| r.committed)).into()) }
                                        { el("td", "insp__num", opt(row.and_then(|r| r.lag)).into()) }
                                    </tr>
                                }
                            }) }
                    </>
                }) }
            }
            { el("h4", "", s.insp_actions.into()) }
            <div class="insp__actions">
                { ctx.action(s.insp_leave, "action-leave-member",
                    Command::RemoveConsumer { group: group.to_string(), member: Some(id.to_string()), graceful: true },
                    m.crashed, s.insp_leave_help.to_string()) }
                { ctx.action(s.insp_crash, "action-crash-member",
                    Command::RemoveConsumer { group: group.to_string(), member: Some(id.to_string()), graceful: false },
                    m.crashed, s.insp_crash_help.to_string()) }
                { add }
            </div>
        </section>
    }
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
        html! { s.insp_nobody }
    } else {
        html! { <>{ for pv.errors.iter().map(|(e, n)| html! { <span class="insp__lines">{ format!("{e}: {n}") }</span> }) }</> }
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
    html! {
        <section class="insp__section" data-testid="inspector-producer">
            <dl class="insp__facts">
                { ctx.fact(s.insp_topic, pv.topic.clone()) }
                { ctx.fact(s.insp_rate, format!("{} {}", format_rate(pv.rate_per_s), s.insp_per_s)) }
                { ctx.fact("acks", pv.acks) }
                { ctx.fact(s.insp_key, if pv.keyed { s.keyed } else { s.null_keys }) }
                { ctx.fact(s.insp_sent, pv.sent) }
                { ctx.fact(s.insp_acked, pv.acked) }
                { ctx.fact(s.insp_errors, errors) }
            </dl>
            { el("h4", "", s.insp_ledger.into()) }
            <table class="insp__table insp__ledger" data-testid="inspector-ledger">
                <tbody>
                    { for ledger.iter().map(|(n, text, key, bad)| html! {
                        <tr key={*key} data-ledger={*key}
                            class={(*bad && *n > 0).then_some("insp__row--bad")}>
                            { el("td", "insp__num", (*n).into()) }
                            { el("td", "", (*text).into()) }
                        </tr>
                    }) }
                </tbody>
            </table>
            { el("h4", "", "acks".into()) }
            { acks_buttons(ctx, pv) }
            { el("p", "insp__help", s.insp_acks_help.into()) }
            <div class="insp__actions insp__actions--row">
                { ctx.action(s.insp_rate_half, "action-rate-half",
                    Command::SetProducerRate { producer: pv.id.clone(), rate_per_s: next_rate(pv.rate_per_s, false) },
                    pv.rate_per_s <= 0.0, s.insp_rate_help.to_string()) }
                { ctx.action(s.insp_rate_double, "action-rate-double",
                    Command::SetProducerRate { producer: pv.id.clone(), rate_per_s: next_rate(pv.rate_per_s, true) },
                    pv.rate_per_s >= kafka_sim::limits::MAX_PRODUCER_RATE, s.insp_rate_help.to_string()) }
            </div>
            { el("h4", "", s.insp_recent.into()) }
            if pv.recent.is_empty() {
                { el("p", "insp__note", s.no_decisions.into()) }
            } else {
                <ul class="insp__points insp__recent">
                    { for pv.recent.iter().rev().map(|d| {
                        let key = d.key.as_ref().map_or_else(|| s.insp_null_key.to_string(), |k| format!("\"{k}\""));
                        let hash = match (&d.reason, &d.key) {
                            (DecisionReason::Keyed { murmur2, to_positive, modulo }, Some(k)) => hash_line(k, &KeyHash {
                                murmur2: *murmur2, to_positive: *to_positive, partitions: *modulo, partition: d.partition,
                            }),
                            _ => String::new(),
                        };
                        let target = format!("{}-{}", pv.topic, d.partition);
                        html! {
                            <li>
                                <span>{ format!("{} → {target}", key) }</span>
                                if let Some(o) = d.offset {
                                    { " " }
                                    { ctx.select(format!("{} {o}", s.insp_offset),
                                        Selection::Record { topic: pv.topic.clone(), partition: d.partition, offset: o }) }
                                }
                                if !hash.is_empty() {
                                    <br /><code class="insp__code">{ hash }</code>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

fn acks_buttons(ctx: &Ctx, pv: &ProducerView) -> Html {
    html! {
        <div class="insp__segmented" role="group" aria-label="acks">
            { for [Acks::None, Acks::Leader, Acks::All].into_iter().map(|acks| {
                let on = pv.acks == acks.name();
                let d = ctx.dispatch.clone();
                let producer = pv.id.clone();
                let onclick = Callback::from(move |e: MouseEvent| {
                    e.stop_propagation();
                    d.emit(Action::Command(Command::SetProducerAcks {
                        producer: producer.clone(), acks, enable_idempotence: None,
                    }));
                });
                html! {
                    <button type="button" class={if on { "insp__seg insp__seg--on" } else { "insp__seg" }}
                        aria-pressed={on.to_string()} data-testid={format!("action-acks-{}", acks.name())} {onclick}>
                        { format!("acks={}", acks.name()) }
                    </button>
                }
            }) }
        </div>
    }
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
        let b = |alive, fenced| BrokerView { id: 1, alive, fenced, slow_factor: 1 };
        assert_eq!(broker_status(s, &b(true, false), 9000), s.insp_status_up);
        assert!(broker_status(s, &b(false, false), 9000).contains("9000 ms"));
        assert_eq!(broker_status(s, &b(false, true), 9000), s.insp_status_fenced);
    }
}
