//! The control bar: play/pause, step, speed, reset, seed, preset, and the
//! "add" actions. Every control is a real form element (keyboard and touch).
//! A plain function rendered by `App`, not a component: the bar changes with
//! the clock on every update anyway, and a component adds its own copy of
//! Yew's lifecycle code to the wasm. Its one state (the seed box's error) is
//! the app's.

use crate::components::inspector::fill;
use crate::components::nodes::{el, list, target_value};
use crate::i18n::{strings, Lang};
use crate::presets::Preset;
use crate::state::{Action, AppState, SPEEDS};
use kafka_sim::fixed::fixed;
use yew::prelude::*;

/// A button of the bar; `pressed` is its aria-pressed (play/pause only).
#[inline(never)]
fn button(
    class: &'static str,
    testid: &'static str,
    pressed: Option<bool>,
    onclick: Callback<MouseEvent>,
    text: Html,
) -> Html {
    let pressed = pressed.map(|p| p.to_string());
    html! { <button {class} data-testid={testid} aria-pressed={pressed} {onclick}>{ text }</button> }
}

/// `<label class="field"><span>label</span>control</label>`.
#[inline(never)]
fn field(label: &'static str, control: Html) -> Html {
    html! { <label class="field">{ el("span", "", label.into()) }{ control }</label> }
}

/// A `<select>` of the bar and its options.
#[inline(never)]
fn select(testid: &'static str, onchange: Callback<Event>, options: Html) -> Html {
    html! { <select data-testid={testid} {onchange}>{ options }</select> }
}

#[inline(never)]
fn option(value: AttrValue, selected: bool, text: Html) -> Html {
    html! { <option {value} {selected}>{ text }</option> }
}

/// A click that sends one action. The action comes from a plain fn, so every
/// button of the bar and the app shares one closure type.
#[inline(never)]
pub fn on_click(d: &UseReducerDispatcher<AppState>, a: fn() -> Action) -> Callback<MouseEvent> {
    let d = d.clone();
    Callback::from(move |_: MouseEvent| d.dispatch(a()))
}

/// A `<select>`'s change: its value through `parse`, sent when it parses.
#[inline(never)]
fn on_select(d: &UseReducerDispatcher<AppState>, parse: fn(&str) -> Option<Action>) -> Callback<Event> {
    let d = d.clone();
    Callback::from(move |e: Event| {
        if let Some(a) = parse(&target_value(&e)) {
            d.dispatch(a);
        }
    })
}

/// An "add" button of the bar: its test id, label, title (what it adds, and
/// where) and action; `None` for the action disables it.
type AddButton = (&'static str, String, Option<String>, Option<fn() -> Action>);

/// An "add" button: the label says where it adds, the title says the rest.
#[inline(never)]
fn add_button(d: &UseReducerDispatcher<AppState>, (testid, text, title, action): &AddButton) -> Html {
    let onclick = action.map(|a| on_click(d, a));
    let title = title.clone();
    html! {
        <button class="btn btn--small" data-testid={*testid} {title} disabled={onclick.is_none()} {onclick}>
            { text.clone() }
        </button>
    }
}

/// Opens compare mode (on `acks`), or closes it.
#[inline(never)]
fn compare_button(state: &AppState, lang: Lang, d: &UseReducerDispatcher<AppState>) -> Html {
    let open = state.compare.is_some();
    let onclick = if open {
        on_click(d, || Action::CloseCompare)
    } else {
        on_click(d, || Action::OpenCompare(kafka_sim::compare::Setting::Acks))
    };
    button("btn", "compare", Some(open), onclick, format!("⇆ {}", crate::i18n::compare_strings(lang).open).into())
}

/// The bar for `state`; `seed_error` says the seed box holds no number.
pub fn controls(
    state: &AppState,
    lang: Lang,
    d: &UseReducerDispatcher<AppState>,
    seed_error: &UseStateHandle<bool>,
) -> Html {
    let s = strings(lang);
    let invalid = **seed_error;
    let act = |a| on_click(d, a);
    let on_speed = on_select(d, |v| v.parse().ok().map(Action::SetSpeed));
    let on_seed = {
        let d = d.clone();
        let seed_error = seed_error.clone();
        Callback::from(move |e: Event| match target_value(&e).trim().parse::<u64>() {
            Ok(x) => {
                seed_error.set(false);
                d.dispatch(Action::SetSeed(x));
            }
            Err(_) => seed_error.set(true),
        })
    };
    let on_preset = on_select(d, |v| Preset::parse(v).map(Action::LoadPreset));
    // What the reducer's `add_command` does: a consumer joins the first group,
    // a group starts with one consumer at `earliest`, both on the first topic.
    let first_group = state.view.groups.first().map(|g| g.id.as_str());
    let topic = state.view.topics.first().map_or("", |t| t.name.as_str());
    let adds: [AddButton; 3] = [
        match first_group {
            Some(g) => (
                "add-consumer",
                format!("{} → {g}", s.add_consumer),
                Some(fill(s.add_consumer_help, &[("g", g.to_string())])),
                Some(|| Action::AddConsumer),
            ),
            None => ("add-consumer", s.add_consumer.to_string(), Some(s.add_consumer_none.to_string()), None),
        },
        ("add-producer", s.add_producer.to_string(), None, Some(|| Action::AddProducer)),
        (
            "add-group",
            format!("{} (earliest)", s.add_group),
            Some(fill(s.add_group_help, &[("t", topic.to_string())])),
            Some(|| Action::AddGroup),
        ),
    ];
    let speed_value = SPEEDS.iter().copied().find(|&x| x >= state.speed).unwrap_or(10.0);
    let speeds = list(SPEEDS.len(), &|i| {
        let x = SPEEDS[i];
        let x_text = kafka_sim::fixed::short(x);
        option(x_text.clone().into(), x == speed_value, format!("{x_text}×").into())
    });
    let presets = html! {
        <>
            if state.preset.is_none() { { option("".into(), true, "—".into()) } }
            { list(Preset::ALL.len(), &|i| {
                let p = Preset::ALL[i];
                let text = match p {
                    Preset::Default => s.preset_default,
                    Preset::Stress => s.preset_stress,
                    Preset::Shop => s.preset_shop,
                };
                option(p.id().into(), state.preset == Some(p), text.into())
            }) }
        </>
    };
    let play = if state.playing { format!("❚❚ {}", s.pause) } else { format!("▶ {}", s.play) };
    html! {
        <div class="controls" role="toolbar" aria-label="simulation controls">
            { button("btn btn--primary", "play-pause", Some(state.playing), act(|| Action::TogglePlay), play.into()) }
            { button("btn", "step", None, act(|| Action::Step), format!("{} ›", s.step).into()) }
            { field(s.speed, select("speed", on_speed, speeds)) }
            { button("btn", "reset", None, act(|| Action::Reset), format!("↺ {}", s.reset).into()) }
            { field(s.seed, html! {
                <input data-testid="seed" class={if invalid { "seed is-invalid" } else { "seed" }} type="text"
                    inputmode="numeric" value={state.seed().to_string()} onchange={on_seed}
                    aria-invalid={invalid.to_string()} />
            }) }
            { field(s.preset, select("preset", on_preset, presets)) }
            <span class="clock" data-testid="sim-time" title={s.sim_time}>
                { format!("t = {} s", fixed(state.compare.as_ref().map_or(state.view.time_ms, |c| c.data.time_ms) as f64 / 1000.0, 1)) }
            </span>
            { compare_button(state, lang, d) }
            <span class="controls__adds">
                { list(adds.len(), &|i| add_button(d, &adds[i])) }
            </span>
        </div>
    }
}
