//! The host-page API over `postMessage` (docs/embed.md). The app tells its
//! parent frame `{"source":"kafka-visualiser","type":"ready"|"step"|"answer",…}`
//! and obeys `{"target":"kafka-visualiser","command":"play"|"pause"|"next"|
//! "back"|"goto","lesson":…,"step":…}`; any other message is ignored.
//!
//! Reading a message is a pure function of its fields ([`parse`], tested
//! natively); the browser glue only reads those fields off the message object
//! (no JSON parser in the bundle) and builds the outgoing objects.

/// A command from the host page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostCommand {
    Play,
    Pause,
    Next,
    Back,
    /// Open a lesson at a step (from 0).
    Goto {
        lesson: &'static str,
        step: usize,
    },
}

/// The fields of an incoming message, as read off the object.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Incoming {
    pub target: Option<String>,
    pub command: Option<String>,
    pub lesson: Option<String>,
    /// `step` from 1, as the host sends it (a JS number).
    pub step: Option<f64>,
}

/// The command a message carries, or `None` for anything that is not exactly
/// one of ours (other frames' messages, unknown commands, a bad lesson or step).
pub fn parse(m: &Incoming) -> Option<HostCommand> {
    if m.target.as_deref() != Some("kafka-visualiser") {
        return None;
    }
    Some(match m.command.as_deref()? {
        "play" => HostCommand::Play,
        "pause" => HostCommand::Pause,
        "next" => HostCommand::Next,
        "back" => HostCommand::Back,
        "goto" => {
            let entry = kafka_sim::course::lesson(m.lesson.as_deref()?)?;
            let step = match m.step {
                None => 0,
                Some(n) if n.fract() == 0.0 && n >= 1.0 && n <= entry.steps.len() as f64 => n as usize - 1,
                Some(_) => return None,
            };
            HostCommand::Goto { lesson: entry.id, step }
        }
        _ => return None,
    })
}

/// An outgoing message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outgoing {
    Ready,
    /// A step opened: lesson, step (from 1), steps.
    Step {
        lesson: &'static str,
        step: usize,
        steps: usize,
    },
    /// The learner answered and the step revealed whether it was right.
    Answer {
        lesson: &'static str,
        step: usize,
        correct: bool,
    },
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::*;
    use js_sys::{Object, Reflect};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    fn field(o: &JsValue, name: &str) -> JsValue {
        Reflect::get(o, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }

    fn read(data: &JsValue) -> Incoming {
        Incoming {
            target: field(data, "target").as_string(),
            command: field(data, "command").as_string(),
            lesson: field(data, "lesson").as_string(),
            step: field(data, "step").as_f64(),
        }
    }

    /// Sends `m` to the parent frame (nothing when the app is not embedded).
    pub fn post(m: Outgoing) {
        let Some(w) = web_sys::window() else { return };
        let Ok(Some(parent)) = w.parent() else { return };
        if parent == w {
            return;
        }
        let o = Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = Reflect::set(&o, &JsValue::from_str(k), &v);
        };
        set("source", "kafka-visualiser".into());
        match m {
            Outgoing::Ready => set("type", "ready".into()),
            Outgoing::Step { lesson, step, steps } => {
                set("type", "step".into());
                set("lesson", lesson.into());
                set("step", (step as f64).into());
                set("steps", (steps as f64).into());
            }
            Outgoing::Answer { lesson, step, correct } => {
                set("type", "answer".into());
                set("lesson", lesson.into());
                set("step", (step as f64).into());
                set("correct", correct.into());
            }
        }
        let _ = parent.post_message(&o, "*");
    }

    /// Listens for host commands until the returned guard is dropped.
    pub fn listen(on: impl Fn(HostCommand) + 'static) -> Option<Listener> {
        let w = web_sys::window()?;
        let f = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let Some(c) = parse(&read(&e.data())) {
                on(c);
            }
        });
        w.add_event_listener_with_callback("message", f.as_ref().unchecked_ref()).ok()?;
        Some(Listener(f))
    }

    /// Removes the listener when dropped.
    pub struct Listener(Closure<dyn Fn(web_sys::MessageEvent)>);

    impl Drop for Listener {
        fn drop(&mut self) {
            if let Some(w) = web_sys::window() {
                let _ = w.remove_event_listener_with_callback("message", self.0.as_ref().unchecked_ref());
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub use browser::{listen, post, Listener};

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(target: &str, command: &str, lesson: Option<&str>, step: Option<f64>) -> Incoming {
        Incoming { target: Some(target.into()), command: Some(command.into()), lesson: lesson.map(String::from), step }
    }

    #[test]
    fn commands_for_us_are_read() {
        let us = "kafka-visualiser";
        assert_eq!(parse(&msg(us, "play", None, None)), Some(HostCommand::Play));
        assert_eq!(parse(&msg(us, "pause", None, None)), Some(HostCommand::Pause));
        assert_eq!(parse(&msg(us, "next", None, None)), Some(HostCommand::Next));
        assert_eq!(parse(&msg(us, "back", None, None)), Some(HostCommand::Back));
        assert_eq!(parse(&msg(us, "goto", Some("ch2"), Some(3.0))), Some(HostCommand::Goto { lesson: "ch2", step: 2 }));
        assert_eq!(parse(&msg(us, "goto", Some("ch2"), None)), Some(HostCommand::Goto { lesson: "ch2", step: 0 }));
    }

    #[test]
    fn anything_else_is_ignored() {
        let us = "kafka-visualiser";
        assert_eq!(parse(&Incoming::default()), None);
        assert_eq!(parse(&msg("another-widget", "play", None, None)), None);
        assert_eq!(parse(&msg(us, "explode", None, None)), None);
        assert_eq!(parse(&msg(us, "goto", Some("ch99"), Some(1.0))), None);
        assert_eq!(parse(&msg(us, "goto", None, Some(1.0))), None);
        for bad in [0.0, -1.0, 1.5, 1e9, f64::NAN] {
            assert_eq!(parse(&msg(us, "goto", Some("ch2"), Some(bad))), None, "step {bad}");
        }
    }
}
