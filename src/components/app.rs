//! The root component: one reducer owns the simulation; a timer advances it
//! while playing; the stage draws it; panels inspect, log and configure it.

use crate::components::broker_panel::BrokerPanel;
use crate::components::config_panel::ConfigPanel;
use crate::components::controls::{controls, on_click};
use crate::components::course_host::CourseHost;
use crate::components::event_log::EventLog;
use crate::components::header::header;
use crate::components::help::help;
use crate::components::inspector::Inspector;
use crate::components::lag_panel::LagPanel;
use crate::components::legend::Legend;
use crate::components::lesson_panel::{LessonPanel, LessonPicker};
use crate::components::records_layer::RecordsLayer;
use crate::components::topology::TopologyView;
use crate::components::welcome::Welcome;
use crate::hooks::use_viewport_width;
use crate::i18n::strings;
use crate::layout;
use crate::presets::Preset;
use crate::state::{Action, AppState, Selection, Tab};
use crate::ui::Ui;
use crate::url;
use gloo_timers::callback::{Interval, Timeout};

use crate::components::nodes::{el, list, nums};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Side panels sit to the right above this width, below the stage otherwise.
const SIDE_BY_SIDE: f64 = 1500.0;
const SIDE_W: f64 = 380.0;

/// The width the stage's content can use in a window `width` CSS pixels wide:
/// the window less the workspace padding (2 × 12 px), the stage border (2 × 1 px)
/// and, on phones (≤ 600 px, style.css), the stage padding (2 × 8 px); beside the
/// side panel, less the panel and the gap too.
pub fn stage_width(width: f64) -> f64 {
    if width >= SIDE_BY_SIDE {
        width - SIDE_W - 52.0
    } else if width <= 600.0 {
        width - 42.0
    } else {
        width - 30.0
    }
}

/// Where the first visit's welcome is remembered as seen.
const WELCOMED_KEY: &str = "kafka-visualiser.welcomed";

/// Whether to greet: not when a lesson or embed mode was asked for, not when
/// the browser remembers an earlier visit.
fn first_visit() -> bool {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    storage.is_some_and(|st| st.get_item(WELCOMED_KEY).ok().flatten().is_none())
}

fn remember_welcomed() {
    if let Some(st) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = st.set_item(WELCOMED_KEY, "1");
    }
}

fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// A click that sets a boolean state to `to(current)`: one closure type for
/// every such button.
#[inline(never)]
fn flip(state: &UseStateHandle<bool>, to: fn(bool) -> bool) -> Callback<MouseEvent> {
    let state = state.clone();
    Callback::from(move |_| state.set(to(*state)))
}

#[component]
pub fn App() -> Html {
    let settings = use_memo((), |_| url::parse_query(&url::current_query()));
    let lang = {
        let initial = settings.lang.unwrap_or_default();
        use_state(move || initial)
    };
    let state = {
        let settings = settings.clone();
        use_reducer(move || {
            let preset = settings.preset.unwrap_or(Preset::Default);
            let seed = settings.seed.unwrap_or(1);
            // Presets are validated by their own tests; fall back to the default one.
            let mut s = AppState::new(preset.config(seed), Some(preset))
                .or_else(|_| AppState::new(Preset::Default.config(1), Some(Preset::Default)))
                // Not `expect`: that would keep SimError's Debug code in the bundle.
                .unwrap_or_else(|_| unreachable!("the default preset is valid (presets.rs tests)"));
            if let Some(speed) = settings.speed {
                s.speed = speed;
            }
            s.playing = settings.play;
            s.tab = settings.tab.unwrap_or_default();
            s
        })
    };
    // Boolean states start from a `fn() -> bool` pointer: one instance of the
    // generic hook for all of them instead of one per closure.
    let show_help = use_state(bool::default as fn() -> bool);
    let url_dismissed = use_state(bool::default as fn() -> bool);
    let seed_error = use_state(bool::default as fn() -> bool);
    let welcome = {
        // A deep link (a lesson, a tab, compare mode, embedding) goes straight there.
        let greet =
            settings.lesson.is_none() && !settings.embed && settings.tab.is_none() && settings.compare.is_none();
        use_state(move || greet && first_visit())
    };
    // A lesson asked for in the URL opens once, at its step (from 1 in the URL).
    {
        let dispatcher = state.dispatcher();
        let open = settings.lesson.map(|id| (id, settings.step.unwrap_or(1).saturating_sub(1)));
        use_effect_with((), move |_| {
            if let Some((id, step)) = open {
                dispatcher.dispatch(Action::OpenLesson { id, step });
            }
        });
    }
    // `?compare=acks` opens compare mode once.
    {
        let dispatcher = state.dispatcher();
        let compare = settings.compare;
        use_effect_with((), move |_| {
            if let Some(setting) = compare {
                dispatcher.dispatch(Action::OpenCompare(setting));
            }
        });
    }
    let width = use_viewport_width();
    let side_by_side = width >= SIDE_BY_SIDE;
    let stage_w = stage_width(width);
    let reduced = use_state(reduced_motion as fn() -> bool);

    // Play loop: at most 10 updates a second (fewer for big clusters: each update
    // then runs several steps); faster speeds run several steps per update.
    {
        let dispatcher = state.dispatcher();
        let batch = (state.view.replica_count() as u32 / 32).clamp(1, 4);
        use_effect_with((state.playing, state.speed, batch), move |&(playing, speed, batch)| {
            let timer = playing.then(|| {
                let (every_ms, steps) = if speed >= 1.0 {
                    (100 * batch, speed.round() as u32 * batch)
                } else {
                    ((100.0 * f64::from(batch) / speed) as u32, batch)
                };
                Interval::new(every_ms, move || {
                    if !crate::panic_overlay::crashed() {
                        dispatcher.dispatch(Action::Advance(steps));
                    }
                })
            });
            move || drop(timer)
        });
    }

    // A long seek replays in slices, each in its own task (no long tasks
    // while scrubbing); the next slice is asked for once this one rendered.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((state.seeking(), state.seek_slices), move |&(seeking, _)| {
            let timer = seeking.then(|| {
                Timeout::new(0, move || {
                    if !crate::panic_overlay::crashed() {
                        dispatcher.dispatch(Action::ContinueSeek);
                    }
                })
            });
            move || drop(timer)
        });
    }

    // Keyboard: Space play/pause, → step (next lesson step), ← back, Enter play /
    // finish / next in a lesson,
    // 1-4 answer, +/− speed, ? help, Esc close.
    {
        let dispatcher = state.dispatcher();
        let help = show_help.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let tag = target.as_ref().map(web_sys::Element::tag_name).unwrap_or_default();
                let typing = matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA");
                if typing || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                match e.key().as_str() {
                    " " => {
                        // Space on a focused button activates it instead.
                        let on_button = tag == "BUTTON"
                            || target.is_some_and(|el| el.get_attribute("role").as_deref() == Some("button"));
                        if !on_button {
                            e.prevent_default();
                            dispatcher.dispatch(Action::TogglePlay);
                        }
                    }
                    // In a lesson these move through its steps (the reducer decides).
                    "ArrowRight" => dispatcher.dispatch(Action::Forward),
                    "ArrowLeft" => dispatcher.dispatch(Action::Backward),
                    "Enter" if tag != "BUTTON" && tag != "A" => dispatcher.dispatch(Action::Confirm),
                    k @ ("1" | "2" | "3" | "4") => {
                        dispatcher.dispatch(Action::Choose(usize::from(k.as_bytes()[0] - b'0')));
                    }
                    "+" | "=" => dispatcher.dispatch(Action::Faster),
                    "-" | "_" => dispatcher.dispatch(Action::Slower),
                    "?" => help.set(!*help),
                    "Escape" => {
                        help.set(false);
                        dispatcher.dispatch(Action::Select(None));
                        dispatcher.dispatch(Action::CloseCompare);
                    }
                    _ => {}
                }
            });
            let doc = web_sys::window().and_then(|w| w.document());
            if let Some(d) = &doc {
                let _ = d.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(d) = doc {
                    let _ = d.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
                }
            }
        });
    }

    let s = strings(*lang);
    // Positions depend only on the structure the SVG shows.
    let topo = {
        let view = state.svg_view.clone();
        use_memo((state.svg_version, stage_w as i64), move |(_, w)| layout::topology(&view, *w as f64))
    };
    let diagram = crate::components::pipelines::diagram(state.lesson.as_deref());
    let dispatch = state.dispatcher();
    // Stable across renders (the stage only re-renders when its data changes).
    let on_select = use_callback(state.dispatcher(), |sel: Selection, d| {
        d.dispatch(Action::SetTab(Tab::Inspector));
        d.dispatch(Action::Select(Some(sel)));
    });
    let ui = Ui::new(*lang, state.dispatcher());
    let ui_send = ui.dispatch();
    let on_toggle_lang = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(lang.other()))
    };
    let on_help = flip(&show_help, |open| !open);
    let tab_button = |t: Tab, label: &'static str, id: &'static str, select: fn() -> Action| {
        let selected = state.tab == t;
        html! {
            <button role="tab" class={if selected { "tab tab--active" } else { "tab" }} aria-selected={selected.to_string()}
                data-testid={id} onclick={on_click(&dispatch, select)}>{ label }</button>
        }
    };
    let step_ms = if state.speed >= 1.0 { 100.0 } else { 100.0 / state.speed };
    let embed = settings.embed;
    let spotlight = std::rc::Rc::new(state.lesson.as_ref().map(|l| l.spotlight.clone()).unwrap_or_default());
    let close_welcome = {
        let welcome = welcome.clone();
        Callback::from(move |_| {
            remember_welcomed();
            welcome.set(false);
        })
    };
    let show_lessons = {
        let d = state.dispatcher();
        Callback::from(move |_| d.dispatch(Action::SetTab(Tab::Course)))
    };
    let class = match (embed, side_by_side) {
        (true, _) => "app app--embed",
        (false, true) => "app app--wide",
        (false, false) => "app",
    };

    html! {
        <ContextProvider<Ui> context={ui}>
        <div {class} lang={lang.code()}>
            <CourseHost lesson={state.lesson.clone()} progress={state.progress.clone()} />
            if !embed {
                { header(*lang, on_toggle_lang, on_help) }
                { controls(&state, *lang, &dispatch, &seed_error) }
            }
            if !settings.problems.is_empty() && !*url_dismissed {
                <div class="notice" role="status" data-testid="url-notice">
                    { list(settings.problems.len(), &|i| {
                        let (k, v, allowed) = &settings.problems[i];
                        el("p", "", format!("{}: {k}={v:?} — {} {allowed}", s.bad_url, lang.pick("allowed:", "허용:")).into())
                    }) }
                    <button class="btn btn--small" onclick={flip(&url_dismissed, |_| true)}>
                        { s.dismiss }
                    </button>
                </div>
            }
            if let Some(n) = &state.notice {
                <div class={if n.error { "notice notice--error" } else { "notice" }} role={if n.error { "alert" } else { "status" }}
                    data-testid="notice">
                    { el("p", "", lang.pick(&n.en, &n.ko).to_string().into()) }
                    <button class="btn btn--small" onclick={on_click(&dispatch, || Action::DismissNotice)}>{ s.dismiss }</button>
                </div>
            }
            if let Some(l) = &state.lesson {
                <LessonPanel lesson={l.clone()} t_ms={state.view.time_ms} />
            } else if embed {
                <LessonPicker progress={state.progress.clone()} current={None::<&'static str>} />
            }
            if let Some(c) = &state.compare {
                { crate::components::compare_view::compare_view(c, width, *lang, &ui_send) }
            } else {
            <div class="workspace">
                <div class="stage-wrap">
                // Chapter 1's diagram is not the cluster: the cluster's legend stays away.
                if diagram.is_none() {
                    <Legend topics={topo.topics.clone()} />
                }
                <main class="stage" onclick={on_click(&dispatch, || Action::Select(None))}>
                    if let Some((wiring, played)) = diagram {
                        <crate::components::pipelines::Pipelines {wiring} {played} width={stage_w} />
                    } else {
                    <div class="stage__inner" style={nums("width:{}px;height:{}px", &[topo.width, topo.height])}>
                        <TopologyView view={state.svg_view.clone()} topo={topo.clone()} config={state.config.clone()}
                            selection={state.selection.clone()} on_select={on_select.clone()} {spotlight} />
                        <RecordsLayer view={state.view.clone()}
                            events={state.last_events.clone()} topo={topo.clone()} version={state.version}
                            {step_ms} reduced_motion={*reduced} />
                    </div>
                    }
                </main>
                if diagram.is_none() {
                    <crate::components::timeline::Timeline view={state.timeline.clone()} />
                }
                </div>
                if !embed {
                <aside class="side" aria-label="panels">
                    <div class="tabs" role="tablist">
                        { tab_button(Tab::Inspector, s.tab_inspector, "tab-inspector", || Action::SetTab(Tab::Inspector)) }
                        { tab_button(Tab::Events, s.tab_events, "tab-events", || Action::SetTab(Tab::Events)) }
                        { tab_button(Tab::Config, s.tab_config, "tab-config", || Action::SetTab(Tab::Config)) }
                        { tab_button(Tab::Lag, s.tab_lag, "tab-lag", || Action::SetTab(Tab::Lag)) }
                        { tab_button(Tab::Brokers, s.tab_brokers, "tab-brokers", || Action::SetTab(Tab::Brokers)) }
                        { tab_button(Tab::Course, s.tab_course, "tab-course", || Action::SetTab(Tab::Course)) }
                    </div>
                    <div class="side__body">
                        { match state.tab {
                            Tab::Inspector => html! {
                                <Inspector selection={state.selection.clone()} view={state.view.clone()}
                                    story={state.story.clone()} config={state.config.clone()}
                                    reset_form={state.reset_form.clone()} reset_preview={state.reset_preview.clone()} />
                            },
                            Tab::Events => html! {
                                <EventLog events={state.log.clone()} data_events={state.data_log.clone()}
                                    on_select={on_select.clone()} />
                            },
                            Tab::Config => html! { <ConfigPanel config={state.config.clone()} scenario={state.scenario_box.clone()} /> },
                            Tab::Lag => html! {
                                <LagPanel view={state.view.clone()} lag={state.lag.clone()} config={state.config.clone()} />
                            },
                            Tab::Brokers => html! { <BrokerPanel view={state.view.clone()} /> },
                            Tab::Course => html! {
                                <LessonPicker progress={state.progress.clone()} current={state.lesson.as_ref().map(|l| l.id)} />
                            },
                        } }
                    </div>
                </aside>
                }
            </div>
            }
            if *welcome {
                <Welcome on_close={close_welcome} on_lessons={show_lessons} />
            }
            if *show_help {
                { help(*lang, flip(&show_help, |_| false)) }
            }
        </div>
        </ContextProvider<Ui>>
    }
}

#[cfg(test)]
mod tests {
    use super::stage_width;
    use crate::layout;
    use crate::presets::Preset;
    use kafka_sim::Cluster;

    /// The stage's content never needs a sideways scroll down to 360 px phones
    /// (390 px used to give a 360 px layout in a 348 px box). Below ~330 px the
    /// layout keeps its minimum broker width and the stage scrolls sideways.
    #[test]
    fn stage_content_fits_its_box_at_every_width() {
        for preset in Preset::ALL {
            let view = Cluster::new(preset.config(1)).unwrap().view();
            for w in [360.0, 375.0, 390.0, 414.0, 600.0, 601.0, 768.0, 1024.0, 1280.0, 1499.0, 1500.0, 1920.0] {
                let t = layout::topology(&view, stage_width(w));
                assert!(t.width <= stage_width(w), "{preset:?} at {w}px: layout {} > box {}", t.width, stage_width(w));
            }
        }
        assert_eq!(stage_width(390.0), 390.0 - 2.0 * 12.0 - 2.0 - 2.0 * 8.0);
    }
}
