//! The course's side effects, in one place: the learner's progress in local
//! storage, and the host page's `postMessage` API (docs/embed.md): `ready` once,
//! `step` whenever a lesson step opens, `answer` when a prediction is revealed;
//! commands from the host become reducer actions. Renders nothing.

use crate::lesson_view::{LessonView, Progress};
use crate::ui::use_ui;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CourseHostProps {
    pub lesson: Option<Rc<LessonView>>,
    pub progress: Rc<Progress>,
}

#[component]
pub fn CourseHost(props: &CourseHostProps) -> Html {
    let ui = use_ui();

    // Stored progress, then host commands, then `ready` (so a host that reacts
    // to `ready` with `goto` is already heard).
    {
        let ui = ui.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            {
                use crate::host::{self, HostCommand};
                use crate::state::Action;
                ui.send(Action::SetProgress(crate::lesson_view::load_progress()));
                let listener = host::listen(move |c| {
                    ui.send(match c {
                        HostCommand::Play => Action::SetPlaying(true),
                        HostCommand::Pause => Action::SetPlaying(false),
                        HostCommand::Next => Action::NextStep,
                        HostCommand::Back => Action::BackStep,
                        HostCommand::Goto { lesson, step } => Action::OpenLesson { id: lesson, step },
                    })
                });
                host::post(host::Outgoing::Ready);
                move || drop(listener)
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                let _ = ui;
                || ()
            }
        });
    }

    // Save progress when it changes (not the empty progress before loading).
    use_effect_with(props.progress.clone(), |p| {
        #[cfg(target_arch = "wasm32")]
        if **p != Progress::default() {
            crate::lesson_view::save_progress(p);
        }
        let _ = p;
    });

    // `step` when a step opens.
    let at = props.lesson.as_ref().map(|l| (l.id, l.step, l.steps));
    use_effect_with(at, |at| {
        #[cfg(target_arch = "wasm32")]
        if let Some((lesson, step, steps)) = *at {
            crate::host::post(crate::host::Outgoing::Step { lesson, step: step + 1, steps });
        }
        let _ = at;
    });

    // `answer` when the reveal judges a prediction.
    let verdict = props.lesson.as_ref().and_then(|l| l.verdict().map(|v| (l.id, l.step, v)));
    use_effect_with(verdict, |v| {
        #[cfg(target_arch = "wasm32")]
        if let Some((lesson, step, correct)) = *v {
            crate::host::post(crate::host::Outgoing::Answer { lesson, step: step + 1, correct });
        }
        let _ = v;
    });

    Html::default()
}
