//! The control bar: play/pause, step, speed, reset, seed, preset, and the
//! "add" actions. Every control is a real form element (keyboard and touch).

use crate::components::nodes::el;
use crate::i18n::strings;
use crate::presets::Preset;
use crate::state::{Action, SPEEDS};
use crate::ui::use_ui;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties)]
pub struct ControlsProps {
    pub playing: bool,
    pub speed: f64,
    pub seed: u64,
    pub preset: Option<Preset>,
    /// Simulated time, for the clock.
    pub time_ms: u64,
}

impl PartialEq for ControlsProps {
    /// The view by pointer: comparing a whole view deeply on every update costs
    /// more than re-rendering this small bar.
    fn eq(&self, o: &Self) -> bool {
        self.playing == o.playing
            && self.speed == o.speed
            && self.seed == o.seed
            && self.preset == o.preset
            && self.time_ms == o.time_ms
    }
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
    let add_consumer = act(|| Action::AddConsumer);
    let add_producer = act(|| Action::AddProducer);
    let add_group = act(|| Action::AddGroup);
    let speed_value = SPEEDS.iter().copied().find(|&x| x >= props.speed).unwrap_or(10.0);
    html! {
        <div class="controls" role="toolbar" aria-label="simulation controls">
            <button class="btn btn--primary" data-testid="play-pause" onclick={act(|| Action::TogglePlay)}
                aria-pressed={props.playing.to_string()}>
                { if props.playing { format!("❚❚ {}", s.pause) } else { format!("▶ {}", s.play) } }
            </button>
            <button class="btn" data-testid="step" onclick={act(|| Action::Step)}>{ format!("{} ›", s.step) }</button>
            <label class="field">
                { el("span", "", s.speed.into()) }
                <select data-testid="speed" onchange={on_speed}>
                    { for SPEEDS.iter().map(|&x| html! {
                        <option value={x.to_string()} selected={x == speed_value}>{ format!("{x}×") }</option>
                    }) }
                </select>
            </label>
            <button class="btn" data-testid="reset" onclick={act(|| Action::Reset)}>{ format!("↺ {}", s.reset) }</button>
            <label class="field">
                { el("span", "", s.seed.into()) }
                <input data-testid="seed" class={if *seed_error { "seed is-invalid" } else { "seed" }} type="text"
                    inputmode="numeric" value={props.seed.to_string()} onchange={on_seed}
                    aria-invalid={seed_error.to_string()} />
            </label>
            <label class="field">
                { el("span", "", s.preset.into()) }
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
                { format!("t = {:.1} s", props.time_ms as f64 / 1000.0) }
            </span>
            <span class="controls__adds">
                <button class="btn btn--small" data-testid="add-consumer" onclick={add_consumer}>{ s.add_consumer }</button>
                <button class="btn btn--small" data-testid="add-producer" onclick={add_producer}>{ s.add_producer }</button>
                <button class="btn btn--small" data-testid="add-group" onclick={add_group}>{ s.add_group }</button>
            </span>
        </div>
    }
}
