//! The app-wide context every component reads instead of taking props: the
//! language and the reducer's dispatcher. Both change rarely (the dispatcher
//! never), so providing them by context keeps props to the data a component
//! draws.

use crate::i18n::Lang;
use crate::state::{Action, AppState};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct Ui {
    pub lang: Lang,
    dispatcher: UseReducerDispatcher<AppState>,
}

impl Ui {
    pub fn new(lang: Lang, dispatcher: UseReducerDispatcher<AppState>) -> Self {
        Self { lang, dispatcher }
    }

    pub fn send(&self, action: Action) {
        self.dispatcher.dispatch(action);
    }

    /// A callback that turns its input into an action.
    pub fn reform<E: 'static>(&self, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let d = self.dispatcher.clone();
        Callback::from(move |e| d.dispatch(f(e)))
    }

    /// A callback that dispatches the actions it is given.
    pub fn dispatch(&self) -> Callback<Action> {
        self.reform(|a| a)
    }
}

/// The [`Ui`] context. Every component renders inside `App`, which provides it.
#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().expect("components render inside App, which provides the Ui context")
}
