//! A panic never leaves a frozen page: the panic hook (which still runs before
//! the release build's `panic = "abort"`) covers the page with a plain-DOM
//! dialog that says so, offers "Restart" (reload from the address) and "Copy
//! reproduction": the run as a `kafka-sim run` scenario up to the panic.
//!
//! The hook never touches Yew's state (it may be mid-update, its `RefCell`s
//! borrowed forever): the reducer keeps the reproduction's inputs here, in a
//! thread-local, and replaces the command list only when it changed.

use crate::i18n::{strings, Lang};
use kafka_sim::command::Command;
use kafka_sim::config::ClusterConfig;
use kafka_sim::scenario::Scenario;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The run so far: its starting configuration and every command applied.
struct Run {
    /// What the commands were last copied for (see [`keep`]).
    key: (usize, usize, u64),
    config: Rc<ClusterConfig>,
    commands: Vec<(u64, Command)>,
}

thread_local! {
    static RUN: RefCell<Option<Run>> = const { RefCell::new(None) };
    /// The simulated time the run reached, or is about to reach (set before a
    /// tick, so a panic inside it replays up to the panicking step).
    static UNTIL: Cell<u64> = const { Cell::new(0) };
    static SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the run's inputs for a reproduction. `key` identifies the command
/// list (the run's identity and its length): `commands` is called, and the
/// list copied, only when the key changed.
pub fn keep(key: (usize, usize, u64), config: &Rc<ClusterConfig>, commands: impl FnOnce() -> Vec<(u64, Command)>) {
    RUN.with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else { return };
        if r.as_ref().is_none_or(|run| run.key != key || !Rc::ptr_eq(&run.config, config)) {
            *r = Some(Run { key, config: config.clone(), commands: commands() });
        }
    });
}

/// Whether the app has panicked. The timers that call into the app (the play
/// interval, the records layer's animation frames) check it first and stop:
/// after a panic Yew's state may be borrowed forever, so every further call
/// would panic again, once a frame, behind the overlay.
pub fn crashed() -> bool {
    SHOWN.with(Cell::get)
}

/// The simulated time the reproduction replays to.
pub fn until(t_ms: u64) {
    UNTIL.with(|u| u.set(t_ms));
    #[cfg(feature = "panic-test")]
    test_trigger::check(t_ms);
}

/// The kept run as scenario JSON that `kafka-sim run` replays to [`until`]'s
/// time, or `None` before the first update.
pub fn reproduction() -> Option<String> {
    let until = UNTIL.with(Cell::get);
    RUN.with(|r| {
        let r = r.try_borrow().ok()?;
        let run = r.as_ref()?;
        let scenario = Scenario::of_run(&run.config, &run.commands, until);
        Some(kafka_sim::json::write_scenario(&scenario))
    })
}

/// Installs the hook (through Yew, whose renderer would otherwise replace it
/// with its console hook): from then on a panic shows the overlay (once).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        if !SHOWN.with(|s| s.replace(true)) {
            let p = info.payload();
            let message = p.downcast_ref::<&str>().copied().or_else(|| p.downcast_ref::<String>().map(String::as_str));
            show(message.unwrap_or_default());
        }
    }));
}

/// Builds the dialog with plain DOM calls: Yew may be dead.
fn show(message: &str) -> Option<()> {
    use wasm_bindgen::{closure::Closure, JsCast};
    let doc = web_sys::window()?.document()?;
    let body = doc.body()?;
    // The app's root carries the current language (`<div lang=…>`).
    let lang = match doc.query_selector("body [lang]").ok()?.and_then(|e| e.get_attribute("lang")).as_deref() {
        Some("ko") => Lang::Ko,
        _ => Lang::En,
    };
    let s = strings(lang);
    // Everything else becomes inert: the keyboard stays in the dialog.
    let mut child = body.first_element_child();
    while let Some(c) = child {
        let _ = c.set_attribute("inert", "");
        child = c.next_element_sibling();
    }
    let root = doc.create_element("div").ok()?;
    root.set_class_name("panic");
    let _ = root.set_attribute("lang", lang.code());
    // Static, trusted markup; the message and the JSON go in as text below.
    root.set_inner_html(&format!(
        "<div class=panic__box role=alertdialog aria-modal=true aria-labelledby=panic-t aria-describedby=panic-d>\
         <h2 id=panic-t>{}</h2><p id=panic-d>{}</p><pre class=panic__msg></pre>\
         <div class=panic__actions><button type=button data-act=restart>{}</button>\
         <button type=button data-act=copy>{}</button></div>\
         <p class=panic__status role=status></p>\
         <textarea class=panic__repro readonly rows=6 aria-label=\"{}\"></textarea></div>",
        s.panic_title, s.panic_text, s.panic_restart, s.panic_copy, s.panic_copy
    ));
    let find = |sel: &str| root.query_selector(sel).ok().flatten();
    find("pre")?.set_text_content(Some(message));
    let repro = reproduction().unwrap_or_default();
    find("textarea")?.set_text_content(Some(&repro));
    body.append_child(&root).ok()?;
    let status = find(".panic__status")?;
    let (copied, select) = (s.panic_copied, s.panic_select);
    let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
        let act =
            e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.get_attribute("data-act"));
        match act.as_deref() {
            Some("restart") => {
                let _ = web_sys::window().map(|w| w.location().reload());
            }
            Some("copy") => {
                // The clipboard needs a secure context; the text stays on show either way.
                let ok = clipboard_write(&repro).is_ok();
                status.set_text_content(Some(if ok { copied } else { select }));
            }
            _ => {}
        }
    });
    root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref()).ok()?;
    on_click.forget();
    find("[data-act=copy]")?.dyn_into::<web_sys::HtmlElement>().ok()?.focus().ok()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn clipboard_write(text: &str) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

/// Test builds only (`--features panic-test`, never the shipped bundle): a page
/// whose address ends in `#panic-at=<ms>` panics inside the reducer when the
/// run is about to reach that simulated time.
#[cfg(feature = "panic-test")]
mod test_trigger {
    pub fn check(t_ms: u64) {
        let at = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .and_then(|h| h.strip_prefix("#panic-at=").and_then(|v| v.parse::<u64>().ok()));
        if at.is_some_and(|at| t_ms >= at) {
            panic!("panic-test: injected at {t_ms} ms");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;
    use crate::state::{Action, AppState};
    use kafka_sim::scenario::{Runner, Summary};
    use yew::Reducible;

    /// The reproduction kept by the reducer equals the app's own export and
    /// replays, as `kafka-sim run` does, to the same time and the same summary.
    #[test]
    fn the_reproduction_replays_the_run() {
        let s = Rc::new(AppState::new(Preset::Default.config(7), Some(Preset::Default)).unwrap());
        let s = (0..12).fold(s, |s, _| s.reduce(Action::Step));
        let s = s.reduce(Action::Command(Command::KillBroker { broker: 1 }));
        let s = (0..25).fold(s.reduce(Action::TogglePlay), |s, _| s.reduce(Action::Advance(2)));
        let json = reproduction().expect("kept");
        assert_eq!(json, kafka_sim::json::write_scenario(&s.scenario()), "the same as Export");
        let scenario = kafka_sim::json::scenario(&json, "repro.json", Lang::En).unwrap();
        assert_eq!(scenario.duration_ms, 6200);
        assert_eq!(scenario.script.len(), 1, "the kill");
        let mut runner = Runner::new(&scenario).unwrap();
        runner.run_until(scenario.duration_ms);
        assert_eq!(Summary::of(&runner.cluster), s.summary());
        // A new run replaces the kept commands.
        let s = s.reduce(Action::Reset);
        let scenario = kafka_sim::json::scenario(&reproduction().unwrap(), "r", Lang::En).unwrap();
        assert!(scenario.script.is_empty() && scenario.duration_ms == s.view.time_ms);
    }
}
