//! Compare mode's page (issue 15): a bar to pick the setting and close, a bar
//! of commands given to every copy at once, the shared timeline, and one card
//! per copy: its label, its strip of six metrics (those on which the copies
//! disagree framed and marked ≠, with a screen-reader note), its stage (the
//! explorer's topology laid out for the card's width) and a compact text
//! summary of its brokers, partitions and groups. The cards sit side by side
//! on wide screens and stack on phones (CSS grid, style.css).
//!
//! A copy's stage is inert: copies are acted on through the command bar (a
//! click on one copy's broker would have to mean all of them), and the text
//! summary says what the stage shows to a screen reader.

use crate::compare_mode::{CompareCommand, CompareMode};
use crate::components::inspector::fill;
use crate::components::nodes::{el, head_row, list, nums, target_value};
use crate::components::timeline::Timeline;
use crate::components::topology::TopologyView;
use crate::i18n::{compare_strings, CompareStrings};
use crate::layout::Topology;
use crate::state::Action;
use crate::state::Selection;
use kafka_sim::compare::{Setting, Strip};
use kafka_sim::fixed::fixed;
use kafka_sim::view::ClusterView;
use kafka_sim::ClusterConfig;
use kafka_sim::Lang;
use std::rc::Rc;
use yew::prelude::*;

/// A metric's value as shown: `unavailable_ms` in seconds, the rest as counts.
pub fn metric_text(metric: usize, value: u64) -> String {
    if metric == 4 {
        format!("{} s", fixed(value as f64 / 1000.0, 1))
    } else {
        value.to_string()
    }
}

/// A button of compare mode's bars.
#[inline(never)]
fn btn(testid: &'static str, text: String, onclick: Callback<MouseEvent>) -> Html {
    html! { <button class="btn btn--small" data-testid={testid} {onclick}>{ text }</button> }
}

/// `<option value selected>text</option>`.
#[inline(never)]
fn option(value: String, selected: bool, text: String) -> Html {
    html! { <option {value} {selected}>{ text }</option> }
}

/// Compare mode's page. A plain function rendered by `App`, not a component
/// (as the controls bar): it changes on every update anyway, and a component
/// adds its own copy of Yew's lifecycle code to the wasm. The broker picker
/// keeps its value in the DOM (it starts on broker 1; `selected` never
/// changes, so Yew never re-applies it) and the buttons read it when clicked.
pub fn compare_view(mode: &CompareMode, width: f64, lang: Lang, send: &Callback<Action>) -> Html {
    let (data, timeline) = (&*mode.data, &mode.timeline);
    let stage_w = card_width(width, data.views.len());
    let c = compare_strings(lang);
    let on_setting = send.reform(|e: Event| {
        // The options are `Setting::ALL`'s names; anything else keeps `acks`.
        Action::OpenCompare(Setting::parse(&target_value(&e)).unwrap_or(Setting::Acks))
    });
    let picked = NodeRef::default();
    let command = |testid: &'static str, text: &'static str, cmd: CompareCommand| {
        btn(testid, text.to_string(), send.reform(move |_: MouseEvent| Action::Compare(cmd.clone())))
    };
    let on_broker = |testid: &'static str, text: &'static str, cmd: fn(u32) -> CompareCommand| {
        let picked = picked.clone();
        let send = send.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let value = picked.cast::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            if let Ok(b) = value.parse::<u32>() {
                send.emit(Action::Compare(cmd(b)));
            }
        });
        btn(testid, text.to_string(), onclick)
    };
    let brokers = data.views.first().map_or(0, |v| v.brokers.len());
    html! {
        <section class="compare" data-testid="compare-view" aria-labelledby="compare-title" data-t-ms={data.time_ms.to_string()}>
            <div class="compare__bar">
                <h2 id="compare-title" class="compare__title">{ c.title }</h2>
                <label class="field">
                    { el("span", "", c.setting.into()) }
                    <select data-testid="compare-setting" onchange={on_setting}>
                        { list(Setting::ALL.len(), &|i| {
                            let s = Setting::ALL[i];
                            option(s.name().to_string(), s == data.setting, c.settings[i].to_string())
                        }) }
                    </select>
                </label>
                { btn("compare-close", format!("✕ {}", c.close), send.reform(|_: MouseEvent| Action::CloseCompare)) }
            </div>
            { el("p", "compare__subtitle", c.subtitle.into()) }
            if let Some(text) = replayed_text(data.replayed, data.opening.then_some(data.time_ms), c) {
                <p class="compare__replayed" data-testid="compare-replayed">{ text }</p>
            }
            <div class="compare__commands" role="group" aria-label={c.commands}>
                { command("compare-slow-p0", c.slow_p0, CompareCommand::SlowFollowersOfP0) }
                { command("compare-kill-leader", c.kill_leader_p0, CompareCommand::KillLeaderOfP0) }
                <label class="field">
                    { el("span", "", c.broker.into()) }
                    <select data-testid="compare-broker" ref={picked.clone()}>
                        { list(brokers, &|i| option((i + 1).to_string(), i == 0, (i + 1).to_string())) }
                    </select>
                </label>
                { on_broker("compare-kill-broker", c.kill_broker, CompareCommand::KillBroker) }
                { on_broker("compare-restart-broker", c.restart_broker, CompareCommand::RestartBroker) }
            </div>
            <Timeline view={timeline.clone()} />
            <div class="compare__runs">
                { list(data.strips.len(), &|k| {
                    let view = data.views.get(k);
                    // Stages are drawn once the copies are where the learner is.
                    let topo = if data.opening { None } else { mode.topology(k, stage_w) };
                    let stage = data.configs.get(k).zip(topo);
                    run_card(k, &data.strips[k], view.zip(stage), c, lang)
                }) }
            </div>
        </section>
    }
}

/// Where the copies started, if not from scratch: the time of the learner's
/// run and how many of its commands were replayed (and left out); while that
/// replay is under way (`progress`: the copies' time), how far it got.
pub fn replayed_text(
    (n, left_out, t_ms): (usize, usize, u64),
    progress: Option<u64>,
    c: &CompareStrings,
) -> Option<String> {
    if t_ms == 0 && n == 0 {
        return None;
    }
    let t = fixed(t_ms as f64 / 1000.0, 1);
    if let Some(now) = progress {
        return Some(fill(c.replaying, &[("t", fixed(now as f64 / 1000.0, 1)), ("end", t)]));
    }
    let mut text = fill(c.replayed, &[("t", t), ("n", (n - left_out).to_string())]);
    if left_out > 0 {
        text.push(' ');
        text.push_str(&fill(c.left_out, &[("k", left_out.to_string())]));
    }
    Some(text)
}

/// The width a copy's stage can use in a window `width` wide with `copies`
/// cards: side by side above 700 px (style.css), less the page's padding
/// (2 × 12 px), the gaps between cards (12 px) and each card's padding and
/// border (2 × 13 px); stacked below. Never under 318 px, the narrowest
/// width the layout is tested at (a narrower card scrolls its stage).
pub fn card_width(width: f64, copies: usize) -> f64 {
    let n = if width > 700.0 { copies.max(1) as f64 } else { 1.0 };
    ((width - 24.0 - 12.0 * (n - 1.0)) / n - 26.0).max(318.0)
}

/// What a copy's card draws besides its strip: its view, and its config and
/// stage layout.
type CopyPicture<'a> = (&'a Rc<ClusterView>, (&'a Rc<ClusterConfig>, Rc<Topology>));

/// One copy: label, strip, its stage, then its brokers, partitions and groups
/// as text.
fn run_card(k: usize, strip: &Strip, copy: Option<CopyPicture<'_>>, c: &CompareStrings, lang: Lang) -> Html {
    let label = if lang == Lang::Ko { &strip.label_ko } else { &strip.label_en };
    let values = strip.values();
    html! {
        <article class="compare-run" data-testid={format!("compare-run-{}", k + 1)}
            data-setting={strip.label_en.clone()} data-acked={strip.acked.to_string()}
            data-acked-lost={strip.acked_lost.to_string()} data-duplicates={strip.duplicates.to_string()}
            data-failed={strip.failed.to_string()} data-unavailable-ms={strip.unavailable_ms.to_string()}
            data-max-lag={strip.max_lag.to_string()}>
            <h3 class="compare-run__label">{ label.clone() }</h3>
            <dl class="compare-strip">
                { list(values.len(), &|m| metric(c.metrics[m], metric_text(m, values[m]), strip.differs[m], c.differs)) }
            </dl>
            if let Some((v, (config, topo))) = copy {
                { copy_stage(v, config, topo) }
                { stage(v, c) }
            }
        </article>
    }
}

#[inline(never)]
fn metric(name: &'static str, value: String, differs: bool, note: &'static str) -> Html {
    let class = if differs { "metric metric--differs" } else { "metric" };
    html! {
        <div {class}>
            <dt>{ name }</dt>
            <dd>
                { value }
                if differs {
                    <span class="metric__cue" aria-hidden="true">{ " ≠" }</span>
                    <span class="visually-hidden">{ format!(" {note}") }</span>
                }
            </dd>
        </div>
    }
}

/// The copy's stage, the explorer's picture laid out for the card's width.
/// It is `inert`: a copy is acted on through the command bar, and its
/// replicas and brokers would be buttons that do nothing; the text summary
/// below says the same to a screen reader.
fn copy_stage(view: &Rc<ClusterView>, config: &Rc<ClusterConfig>, topo: Rc<Topology>) -> Html {
    let style = nums("width:{}px;height:{}px", &[topo.width, topo.height]);
    html! {
        <div class="compare-run__stage" inert=true>
            <div class="stage__inner" {style}>
                <TopologyView view={view.clone()} topo={topo.clone()} config={config.clone()}
                    selection={None::<Selection>} on_select={Callback::noop()} />
            </div>
        </div>
    }
}

/// The copy's brokers, partitions (the first 8) and groups, compactly.
fn stage(v: &ClusterView, c: &CompareStrings) -> Html {
    let parts: Vec<_> = v.topics.iter().flat_map(|t| &t.partitions).take(8).collect();
    let multi = v.topics.len() > 1;
    html! {
        <div class="compare-stage">
            <ul class="compare-brokers">
                { list(v.brokers.len(), &|i| {
                    let b = &v.brokers[i];
                    let (class, state) = if b.alive { ("compare-broker", "") } else { ("compare-broker compare-broker--down", c.down) };
                    html! { <li {class}>{ format!("B{}", b.id) }{ if state.is_empty() { String::new() } else { format!(" {state}") } }</li> }
                }) }
            </ul>
            <table class="compare-parts">
                { head_row(&[c.partition, c.leader, "ISR", "LEO / HW"]) }
                <tbody>
                    { list(parts.len(), &|i| {
                        let p = parts[i];
                        let name = if multi { format!("{}-{}", p.topic, p.partition) } else { format!("P{}", p.partition) };
                        let leader = p.leader.map_or_else(|| c.offline.to_string(), |b| format!("B{b}"));
                        let class = if p.leader.is_none() { "is-offline" } else { "" };
                        html! {
                            <tr {class}>
                                <th scope="row">{ name }</th>
                                <td>{ leader }</td>
                                <td>{ format!("{}/{}", p.isr.len(), p.replicas.len()) }</td>
                                <td>{ format!("{} / {}", p.log_end_offset, p.high_watermark) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <ul class="compare-groups">
                { list(v.groups.len(), &|i| {
                    let g = &v.groups[i];
                    let busy = g.members.iter().filter(|m| !m.assigned.is_empty()).count();
                    let text = fill(c.group, &[
                        ("g", g.id.clone()),
                        ("n", g.members.len().to_string()),
                        ("busy", busy.to_string()),
                        ("lag", g.total_lag.to_string()),
                    ]);
                    el("li", "", text.into())
                }) }
            </ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::{card_width, metric_text, replayed_text};
    use crate::i18n::compare_strings;
    use kafka_sim::Lang;

    /// Three copies side by side at 1280 px, stacked on a phone; the stage's
    /// layout is tested for overlaps from 318 px up.
    #[test]
    fn a_copys_stage_is_as_wide_as_its_card() {
        assert_eq!(card_width(1280.0, 3), (1280.0 - 24.0 - 24.0) / 3.0 - 26.0);
        assert_eq!(card_width(390.0, 3), 390.0 - 24.0 - 26.0);
        assert_eq!(card_width(800.0, 3), 318.0, "never narrower than the layout is tested at");
    }

    #[test]
    fn the_replayed_line_counts_what_was_replayed_and_left_out() {
        let (en, ko) = (compare_strings(Lang::En), compare_strings(Lang::Ko));
        assert_eq!(replayed_text((0, 0, 0), None, en), None, "a fresh start says nothing");
        assert_eq!(
            replayed_text((3, 1, 600_000), Some(34_200), en).unwrap(),
            "Replaying your run in every copy: 34.2 of 600.0 s…"
        );
        assert_eq!(
            replayed_text((3, 1, 12_300), None, en).unwrap(),
            "Started from your run at 12.3 s: commands replayed in every copy: 2. \
             Left out, as they set the compared setting: 1."
        );
        assert_eq!(
            replayed_text((2, 0, 8000), None, ko).unwrap(),
            "지금까지의 실행 8.0초 시점에서 시작했습니다. 모든 사본에 다시 적용한 명령: 2개."
        );
    }

    #[test]
    fn unavailable_time_is_in_seconds_and_counts_are_plain() {
        assert_eq!(metric_text(4, 12_300), "12.3 s");
        assert_eq!(metric_text(1, 42), "42");
    }
}
