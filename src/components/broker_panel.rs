//! The Brokers tab, the admin view: per broker the partitions it leads and
//! hosts, its leader skew, its under-replicated and offline partitions (each
//! with the reason), and bytes in/out per second and disk as bars that move
//! with the run, every bar with its value as text beside it. The maths is in
//! `broker_stats.rs`.

use crate::broker_stats::{bar_percent, broker_stats, human_bytes, maxima, tenths, BrokerStats, Cause};
use crate::components::inspector::fill;
use crate::components::nodes::{el, el_text};
use crate::i18n::{strings, Strings};
use crate::ui::use_ui;
use kafka_sim::view::{BrokerView, ClusterView};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct BrokerPanelProps {
    pub view: Rc<ClusterView>,
}

impl PartialEq for BrokerPanelProps {
    /// The view by pointer: a change always comes as a new `Rc`.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
    }
}

fn cause_text(s: &Strings, c: Cause) -> String {
    match c {
        Cause::Down(b) => fill(s.brk_down, &[("b", b.to_string())]),
        Cause::OutOfIsr(b) => fill(s.brk_out_of_isr, &[("b", b.to_string())]),
    }
}

fn causes_text(s: &Strings, causes: &[Cause]) -> String {
    causes.iter().map(|&c| cause_text(s, c)).collect::<Vec<_>>().join(", ")
}

/// The leader-skew sentence: `4 leaders, even share 3.3: 0.7 more than its share`.
pub fn skew_text(s: &Strings, b: &BrokerStats) -> String {
    let d = tenths(b.skew_tenths.abs());
    let diff = match b.skew_tenths {
        0 => s.brk_skew_even.to_string(),
        t if t > 0 => fill(s.brk_skew_over, &[("d", d)]),
        _ => fill(s.brk_skew_under, &[("d", d)]),
    };
    fill(s.brk_skew_text, &[("n", b.leaders.to_string()), ("share", tenths(b.share_tenths as i64)), ("diff", diff)])
}

/// The health sentence: under-replicated and offline partitions and why.
pub fn health_text(s: &Strings, b: &BrokerStats) -> String {
    let mut parts = Vec::new();
    if !b.alive {
        parts.push(fill(s.brk_down_replicas, &[("n", b.replicas.to_string())]));
    }
    if b.under_replicated > 0 {
        parts.push(fill(
            s.brk_urp_text,
            &[("n", b.under_replicated.to_string()), ("why", causes_text(s, &b.urp_causes))],
        ));
    }
    if b.offline > 0 {
        parts.push(fill(
            s.brk_offline_text,
            &[("n", b.offline.to_string()), ("why", causes_text(s, &b.offline_causes))],
        ));
    }
    if parts.is_empty() {
        s.brk_none_urp.to_string()
    } else {
        parts.join("; ")
    }
}

/// One bar with its label and its value as text.
fn bar(label: &'static str, pct: u32, value: String, class: &'static str) -> Html {
    html! {
        <div class="brk-bar">
            <span class="brk-bar__label">{ label }</span>
            <span class="brk-bar__track" aria-hidden="true">
                <span class={classes!("brk-bar__fill", class)} style={format!("width:{pct}%")}></span>
            </span>
            <span class="brk-bar__value">{ value }</span>
        </div>
    }
}

fn card(s: &Strings, b: &BrokerView, st: &BrokerStats, max: &crate::broker_stats::Maxima) -> Html {
    let t = &b.traffic;
    let status = if b.alive {
        s.brk_status_up
    } else if b.log_dir_offline {
        s.brk_status_disk_full
    } else if b.fenced {
        s.brk_status_fenced
    } else {
        s.brk_status_down
    };
    let mut health = health_text(s, st);
    if let Some(why) = crate::components::inspector::disk_full_reason(s, b) {
        health = format!("{why} {health}");
    }
    let bad = !b.alive || st.under_replicated > 0 || st.offline > 0;
    let per_s = |v: u64| format!("{}/s", human_bytes(v));
    // The disk bar is against the disk's size, not the fullest broker: what
    // an admin watches is how close each broker is to a full log directory.
    let disk_pct = bar_percent(t.disk_bytes, b.disk_capacity_bytes);
    let disk_text = fill(
        s.brk_disk_of,
        &[
            ("used", human_bytes(t.disk_bytes)),
            ("disk", human_bytes(b.disk_capacity_bytes)),
            ("pct", (u128::from(t.disk_bytes) * 100 / u128::from(b.disk_capacity_bytes.max(1))).to_string()),
        ],
    );
    let total = |v: u64| format!(" ({} {})", s.brk_total, human_bytes(v));
    html! {
        <li class={classes!("brk-card", (!b.alive).then_some("brk-card--down"))}
            data-testid={format!("broker-metrics-{}", b.id)}
            data-bytes-in={t.bytes_in.to_string()} data-bytes-out={t.bytes_out.to_string()}
            data-disk-bytes={t.disk_bytes.to_string()} data-disk-capacity={b.disk_capacity_bytes.to_string()}
            data-leaders={st.leaders.to_string()} data-log-dir-offline={b.log_dir_offline.to_string()}>
            <div class="brk-card__head">
                <strong>{ format!("{} {}", s.broker, b.id) }</strong>
                <span class={if b.alive { "brk-status" } else { "brk-status brk-status--down" }}>{ status }</span>
            </div>
            <dl class="brk-facts">
                <dt>{ s.brk_leaders }</dt><dd>{ st.leaders }</dd>
                <dt>{ s.brk_replicas }</dt><dd>{ st.replicas }</dd>
                <dt>{ s.brk_urp }</dt><dd class={(st.under_replicated > 0).then_some("brk-bad")}>{ st.under_replicated }</dd>
                <dt>{ s.brk_offline }</dt><dd class={(st.offline > 0).then_some("brk-bad")}>{ st.offline }</dd>
            </dl>
            <p class="brk-line" title={s.brk_skew}>{ format!("{}: {}", s.brk_skew, skew_text(s, st)) }</p>
            <p class={if bad { "brk-line brk-line--bad" } else { "brk-line" }} data-testid={format!("broker-health-{}", b.id)}>
                { health }
            </p>
            { bar(s.brk_bytes_in, bar_percent(t.bytes_in_per_s, max.bytes_in_per_s),
                per_s(t.bytes_in_per_s) + &total(t.bytes_in), "brk-bar__fill--in") }
            { bar(s.brk_bytes_out, bar_percent(t.bytes_out_per_s, max.bytes_out_per_s),
                per_s(t.bytes_out_per_s) + &total(t.bytes_out), "brk-bar__fill--out") }
            { bar(s.brk_repl_in, bar_percent(t.replication_bytes_in_per_s, max.replication_in_per_s),
                per_s(t.replication_bytes_in_per_s) + &total(t.replication_bytes_in), "brk-bar__fill--repl") }
            { bar(s.brk_repl_out, bar_percent(t.replication_bytes_out_per_s, max.replication_out_per_s),
                per_s(t.replication_bytes_out_per_s) + &total(t.replication_bytes_out), "brk-bar__fill--repl") }
            { bar(s.brk_disk, disk_pct, disk_text, if disk_pct >= 90 { "brk-bar__fill--full" } else { "brk-bar__fill--disk" }) }
        </li>
    }
}

#[component]
pub fn BrokerPanel(props: &BrokerPanelProps) -> Html {
    let ui = use_ui();
    let s = strings(ui.lang);
    let view = &props.view;
    let stats = broker_stats(view);
    let max = maxima(&view.brokers);
    let cards = view.brokers.iter().zip(&stats).map(|(b, st)| card(s, b, st, &max)).collect::<Html>();
    html! {
        <section class="brk-panel" data-testid="broker-panel" aria-label={s.tab_brokers}>
            { el_text("p", "lag-note", s.brk_intro) }
            { el_text("p", "lag-note", s.brk_traffic) }
            { el("ul", "brk-list", cards) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn stats(leaders: u32, skew_tenths: i64, urp: u32, causes: Vec<Cause>) -> BrokerStats {
        BrokerStats {
            id: 1,
            alive: true,
            fenced: false,
            leaders,
            replicas: 6,
            skew_tenths,
            share_tenths: 33,
            under_replicated: urp,
            urp_causes: causes,
            offline: 0,
            offline_causes: vec![],
        }
    }

    #[test]
    fn every_status_says_why() {
        let s = strings(Lang::En);
        assert_eq!(skew_text(s, &stats(4, 7, 0, vec![])), "4 leaders, even share 3.3: 0.7 more than its share");
        assert_eq!(skew_text(s, &stats(3, -3, 0, vec![])), "3 leaders, even share 3.3: 0.3 fewer than its share");
        assert_eq!(health_text(s, &stats(3, 0, 0, vec![])), s.brk_none_urp);
        assert_eq!(health_text(s, &stats(3, 0, 2, vec![Cause::Down(3)])), "2 under-replicated: broker 3 is down");
        let mut off = stats(0, -33, 1, vec![Cause::OutOfIsr(2)]);
        (off.offline, off.offline_causes) = (2, vec![Cause::Down(1)]);
        let text = health_text(s, &off);
        assert!(
            text.contains("1 under-replicated: broker 2 fell out of the ISR") && text.contains("2 offline"),
            "{text}"
        );
        assert!(health_text(strings(Lang::Ko), &off).contains("브로커 1 꺼짐"));
        let mut down = stats(0, -33, 0, vec![]);
        down.alive = false;
        assert_eq!(health_text(s, &down), "down: its 6 replicas are out of their ISRs and serve nothing");
    }
}
