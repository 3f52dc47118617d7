//! The first visit's welcome: what this is, and the way into the course.

use crate::components::nodes::el;
use crate::i18n::strings;
use crate::state::Action;
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WelcomeProps {
    /// Closes the welcome (and remembers it was seen).
    pub on_close: Callback<()>,
    /// Shows the lesson list.
    pub on_lessons: Callback<()>,
}

#[component]
pub fn Welcome(props: &WelcomeProps) -> Html {
    let ui = use_ui();
    let s = strings(ui.lang);
    let start = {
        let (ui, close) = (ui.clone(), props.on_close.clone());
        Callback::from(move |_: MouseEvent| {
            close.emit(());
            ui.send(Action::OpenLesson { id: "ch1", step: 0 });
        })
    };
    let lessons = {
        let (close, lessons) = (props.on_close.clone(), props.on_lessons.clone());
        Callback::from(move |_: MouseEvent| {
            close.emit(());
            lessons.emit(());
        })
    };
    let explore = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="welcome-title" data-testid="welcome">
            <div class="overlay__card welcome">
                <h2 id="welcome-title">{ s.welcome_title }</h2>
                { el("p", "", s.welcome_text.into()) }
                { el("p", "", s.welcome_how.into()) }
                <div class="welcome__actions">
                    <button class="btn btn--primary" data-testid="welcome-start" onclick={start} autofocus=true>
                        { s.welcome_start }
                    </button>
                    <button class="btn" data-testid="welcome-lessons" onclick={lessons}>{ s.welcome_lessons }</button>
                    <button class="btn" data-testid="welcome-explore" onclick={explore}>{ s.welcome_explore }</button>
                </div>
            </div>
        </div>
    }
}
