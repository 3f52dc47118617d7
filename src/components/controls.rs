//! The control bar: play/pause, step, speed, reset, seed, preset, and the
//! "add" actions. Every control is a real form element (keyboard and touch).

use crate::i18n::strings;
use crate::presets::Preset;
use crate::state::{Action, SPEEDS};
use crate::ui::use_ui;
use kafka_sim::command::Command;
use kafka_sim::config::{GroupConfig, OffsetReset, ProducerConfig};
use kafka_sim::view::ClusterView;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct ControlsProps {
    pub playing: bool,
    pub speed: f64,
    pub seed: u64,
    pub preset: Option<Preset>,
    pub view: Rc<ClusterView>,
}

impl PartialEq for ControlsProps {
    /// The view by pointer: comparing a whole view deeply on every update costs
    /// more than re-rendering this small bar.
    fn eq(&self, o: &Self) -> bool {
        self.playing == o.playing
            && self.speed == o.speed
            && self.seed == o.seed
            && self.preset == o.preset
            && Rc::ptr_eq(&self.view, &o.view)
    }
}

/// A producer or group id not used yet: `prefix1`, `prefix2`, …
fn fresh_id<'a>(prefix: &str, used: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|i| format!("{prefix}{i}"))
        .find(|id| !used.clone().any(|u| u == id))
        .unwrap_or_else(|| prefix.to_string())
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let ui = use_ui();
    let s = strings(ui.lang);
    let d = ui.dispatch();
    let act = |a: fn() -> Action| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.emit(a()))
    };
    let on_speed = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                if let Ok(x) = v.value().parse::<f64>() {
                    d.emit(Action::SetSpeed(x));
                }
            }
        })
    };
    let seed_error = use_state(|| false);
    let on_seed = {
        let d = d.clone();
        let seed_error = seed_error.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                match v.value().trim().parse::<u64>() {
                    Ok(x) => {
                        seed_error.set(false);
                        d.emit(Action::SetSeed(x));
                    }
                    Err(_) => seed_error.set(true),
                }
            }
        })
    };
    let on_preset = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                if let Some(p) = Preset::parse(&v.value()) {
                    d.emit(Action::LoadPreset(p));
                }
            }
        })
    };
    let view = props.view.clone();
    let add_consumer = {
        let d = d.clone();
        let group = view.groups.first().map(|g| g.id.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(group) = group.clone() {
                d.emit(Action::Command(Command::AddConsumer { group }));
            }
        })
    };
    let add_producer = {
        let d = d.clone();
        let topic = view.topics.first().map(|t| t.name.clone());
        let id = fresh_id("p", view.producers.iter().map(|p| p.id.as_str()));
        Callback::from(move |_: MouseEvent| {
            if let Some(topic) = topic.clone() {
                d.emit(Action::Command(Command::AddProducer(ProducerConfig::new(id.clone(), topic, 5.0))));
            }
        })
    };
    let add_group = {
        let d = d.clone();
        let topic = view.topics.first().map(|t| t.name.clone());
        let id = fresh_id("group", view.groups.iter().map(|g| g.id.as_str()));
        Callback::from(move |_: MouseEvent| {
            if let Some(topic) = topic.clone() {
                let g =
                    GroupConfig { auto_offset_reset: OffsetReset::Earliest, ..GroupConfig::new(id.clone(), topic, 1) };
                d.emit(Action::Command(Command::AddGroup(g)));
            }
        })
    };
    let speed_value = SPEEDS.iter().copied().find(|&x| x >= props.speed).unwrap_or(10.0);
    html! {
        <div class="controls" role="toolbar" aria-label="simulation controls">
            <button class="btn btn--primary" data-testid="play-pause" onclick={act(|| Action::TogglePlay)}
                aria-pressed={props.playing.to_string()}>
                { if props.playing { format!("❚❚ {}", s.pause) } else { format!("▶ {}", s.play) } }
            </button>
            <button class="btn" data-testid="step" onclick={act(|| Action::Step)}>{ format!("{} ›", s.step) }</button>
            <label class="field">
                <span>{ s.speed }</span>
                <select data-testid="speed" onchange={on_speed}>
                    { for SPEEDS.iter().map(|&x| html! {
                        <option value={x.to_string()} selected={x == speed_value}>{ format!("{x}×") }</option>
                    }) }
                </select>
            </label>
            <button class="btn" data-testid="reset" onclick={act(|| Action::Reset)}>{ format!("↺ {}", s.reset) }</button>
            <label class="field">
                <span>{ s.seed }</span>
                <input data-testid="seed" class={classes!("seed", seed_error.then_some("is-invalid"))} type="text"
                    inputmode="numeric" value={props.seed.to_string()} onchange={on_seed}
                    aria-invalid={seed_error.to_string()} />
            </label>
            <label class="field">
                <span>{ s.preset }</span>
                <select data-testid="preset" onchange={on_preset}>
                    if props.preset.is_none() { <option value="" selected=true>{ "—" }</option> }
                    { for Preset::ALL.iter().map(|p| html! {
                        <option value={p.id()} selected={props.preset == Some(*p)}>
                            { match p { Preset::Default => s.preset_default, Preset::Stress => s.preset_stress } }
                        </option>
                    }) }
                </select>
            </label>
            <span class="clock" data-testid="sim-time" title={s.sim_time}>
                { format!("t = {:.1} s", props.view.time_ms as f64 / 1000.0) }
            </span>
            <span class="controls__adds">
                <button class="btn btn--small" data-testid="add-consumer" onclick={add_consumer}>{ s.add_consumer }</button>
                <button class="btn btn--small" data-testid="add-producer" onclick={add_producer}>{ s.add_producer }</button>
                <button class="btn btn--small" data-testid="add-group" onclick={add_group}>{ s.add_group }</button>
            </span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::fresh_id;

    #[test]
    fn fresh_ids_skip_used_ones() {
        assert_eq!(fresh_id("p", ["p1", "p2"].into_iter()), "p3");
        assert_eq!(fresh_id("group", ["g1"].into_iter()), "group1");
    }
}
