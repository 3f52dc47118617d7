//! The timeline under the stage: the run's history painted with its notable
//! moments (marks), the stretches when a partition was under-replicated or
//! offline (bands), the time shown and the end of what was recorded. Dragging
//! the slider (or its arrow keys) shows the exact state at that time; a mark
//! jumps to just before its moment; "step back" and "back to live" do what
//! they say. The data is `travel::TimelineView`; the engine side is
//! `kafka_sim::timeline`.

use crate::components::inspector::fill;
use crate::i18n::{strings, Strings};
use crate::state::Action;
use crate::travel::{band_class, MarkView, TimelineView};
use crate::ui::use_ui;
use kafka_sim::fixed::fixed;
use kafka_sim::timeline::MarkKind;
use std::rc::Rc;
use yew::prelude::*;

/// Most mark positions across the track (one per kind per position).
const BUCKETS: u32 = 120;

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub view: Rc<TimelineView>,
}

fn seconds(ms: u64) -> String {
    fixed(ms as f64 / 1000.0, 1)
}

/// A mark's kind, in words.
pub fn kind_name(s: &Strings, k: MarkKind) -> &'static str {
    match k {
        MarkKind::Crash => s.tl_crash,
        MarkKind::Shutdown => s.tl_shutdown,
        MarkKind::Restart => s.tl_restart,
        MarkKind::Election => s.tl_election,
        MarkKind::UncleanElection => s.tl_unclean,
        MarkKind::IsrShrink => s.tl_isr_shrink,
        MarkKind::IsrExpand => s.tl_isr_expand,
        MarkKind::Rebalance => s.tl_rebalance,
        MarkKind::DataLoss => s.tl_data_loss,
        MarkKind::Refused => s.tl_refused,
        MarkKind::Fork => s.tl_fork,
    }
}

/// What a mark says when focused, hovered or tapped: kind, count, time and
/// the first event's own explanation.
pub fn mark_text(s: &Strings, lang: crate::i18n::Lang, m: &MarkView) -> String {
    let mut t = format!("{} · {} s", kind_name(s, m.kind), seconds(m.t_ms));
    if m.count > 1 {
        t = format!("{} ×{} · {} s", kind_name(s, m.kind), m.count, seconds(m.t_ms));
    }
    if let Some(e) = &m.first {
        t.push_str(": ");
        t.push_str(&e.message(lang));
    }
    // Compare mode: which copy it happened in.
    if let Some(copy) = &m.copy {
        let label = if lang == crate::i18n::Lang::Ko { &copy.1 } else { &copy.0 };
        t = format!("{label} · {t}");
    }
    t
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let ui = use_ui();
    let s = strings(ui.lang);
    let v = &props.view;
    // The mark last focused, hovered or tapped: named in words under the bar.
    let named = use_state(|| None::<String>);
    let send = {
        let ui = ui.clone();
        move |a: Action| ui.send(a)
    };
    let on_input = {
        let send = send.clone();
        Callback::from(move |e: InputEvent| {
            let value = crate::components::nodes::target_value(&e.into());
            if let Ok(t) = value.parse::<u64>() {
                send(Action::SeekTo(t));
            }
        })
    };
    let pct = |t: u64| format!("{}.{}%", v.permille(t) / 10, v.permille(t) % 10);
    let bands = v
        .bands
        .iter()
        .map(|b| {
            let width = v.permille(b.to_ms).saturating_sub(v.permille(b.from_ms)).max(3);
            let style = format!("left:{};width:{}.{}%", pct(b.from_ms), width / 10, width % 10);
            let what = if band_class(b.health).ends_with("offline") { s.tl_band_offline } else { s.tl_band_urp };
            let title = format!("{what}: {}–{} s", seconds(b.from_ms), seconds(b.to_ms));
            html! { <span class={classes!("timeline__band", band_class(b.health))} {style} {title}></span> }
        })
        .collect::<Html>();
    let marks = v
        .drawn_marks(BUCKETS)
        .into_iter()
        .map(|m| {
            let text = mark_text(s, ui.lang, &m);
            let target = v.before(m.t_ms);
            let style = format!("left:{}", pct(m.t_ms));
            let (send, named_click, named_focus, text_c, text_f) =
                (send.clone(), named.clone(), named.clone(), text.clone(), text.clone());
            let onclick = Callback::from(move |e: MouseEvent| {
                e.stop_propagation();
                named_click.set(Some(text_c.clone()));
                send(Action::SeekTo(target));
            });
            let onfocus = Callback::from(move |_: FocusEvent| named_focus.set(Some(text_f.clone())));
            let named_hover = named.clone();
            let text_h = text.clone();
            let onmouseenter = Callback::from(move |_: MouseEvent| named_hover.set(Some(text_h.clone())));
            html! {
                <button type="button" class={classes!("timeline__mark", format!("timeline__mark--{}", m.kind.name()))}
                    {style} title={text.clone()} aria-label={format!("{} ({})", text, s.tl_jump)}
                    data-testid={format!("timeline-mark-{}", m.kind.name())} data-t-ms={m.t_ms.to_string()}
                    {onclick} {onfocus} {onmouseenter}></button>
            }
        })
        .collect::<Html>();
    let status = if v.past {
        fill(s.tl_past, &[("t", seconds(v.now_ms)), ("end", seconds(v.end_ms))])
    } else {
        fill(s.tl_live_now, &[("t", seconds(v.now_ms))])
    };
    let forks = v.forks.iter().map(|&f| fill(s.tl_forked_at, &[("t", seconds(f))])).collect::<Vec<_>>().join(" · ");
    let on_back = {
        let send = send.clone();
        Callback::from(move |_: MouseEvent| send(Action::StepBack))
    };
    let on_live = Callback::from(move |_: MouseEvent| send(Action::BackToLive));
    let valuetext = fill(s.tl_valuetext, &[("t", seconds(v.now_ms)), ("end", seconds(v.end_ms))]);
    html! {
        <section class={classes!("timeline", v.past.then_some("timeline--past"))} data-testid="timeline"
            data-time-ms={v.now_ms.to_string()} data-end-ms={v.end_ms.to_string()}
            data-start-ms={v.start_ms.to_string()} aria-label={s.tl_label}>
            <div class="timeline__row">
                <button type="button" class="btn btn--small" data-testid="step-back" title={s.tl_step_back_help}
                    disabled={v.now_ms <= v.start_ms} onclick={on_back}>{ s.tl_step_back }</button>
                <div class="timeline__track">
                    <div class="timeline__marks">{ marks }</div>
                    <div class="timeline__rail">
                        { bands }
                        <span class="timeline__played" style={format!("width:{}", pct(v.now_ms))}></span>
                    </div>
                    <input type="range" class="timeline__range" data-testid="timeline-range"
                        min={v.start_ms.to_string()} max={v.end_ms.max(v.start_ms + 1).to_string()}
                        step={v.step_ms.to_string()} value={v.target_ms.unwrap_or(v.now_ms).to_string()}
                        aria-label={s.tl_slider} aria-valuetext={valuetext} oninput={on_input} />
                </div>
                <span class="timeline__clock">{ format!("{} / {} s", seconds(v.now_ms), seconds(v.end_ms)) }</span>
                <button type="button" class="btn btn--small" data-testid="back-to-live" title={s.tl_live_help}
                    disabled={!v.past} onclick={on_live}>{ s.tl_live }</button>
            </div>
            <p class="timeline__status" aria-live="polite">
                { status }
                if !forks.is_empty() { { format!(" · {forks}") } }
            </p>
            if let Some(text) = &*named {
                <p class="timeline__named" data-testid="timeline-named">{ text.clone() }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// A mark says what, how many, when and the first event's explanation;
    /// in compare mode, which copy first.
    #[test]
    fn a_mark_is_named_with_its_copy_in_compare_mode() {
        let event = kafka_sim::Event {
            t_ms: 8000,
            kind: kafka_sim::EventKind::BrokerCrashed { broker: 2, session_timeout_ms: 9000 },
        };
        let mut m = MarkView {
            t_ms: 8000,
            kind: MarkKind::Crash,
            count: 1,
            first: Some(std::sync::Arc::new(event)),
            copy: None,
        };
        let en = mark_text(strings(Lang::En), Lang::En, &m);
        assert!(en.starts_with("broker crash · 8.0 s: "), "{en}");
        m.count = 3;
        m.copy = Some(Rc::new(("consumers=4 (one idle)".into(), "consumers=4 (하나는 유휴)".into())));
        let ko = mark_text(strings(Lang::Ko), Lang::Ko, &m);
        assert!(ko.starts_with("consumers=4 (하나는 유휴) · 브로커 비정상 종료 ×3 · 8.0 s: "), "{ko}");
    }
}
