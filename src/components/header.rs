//! The page header: title, help and language buttons. A plain function, not a
//! component: it has no state, re-rendering it with the app costs nothing worth
//! counting, and every component adds its own copy of Yew's lifecycle code to
//! the wasm.

use crate::components::nodes::el;
use crate::i18n::{strings, Lang};
use yew::prelude::*;

pub fn header(lang: Lang, on_toggle_lang: Callback<MouseEvent>, on_help: Callback<MouseEvent>) -> Html {
    let s = strings(lang);
    html! {
        <header class="header">
            <div class="header__brand">
                <img class="header__logo" src="static/logo.svg" alt="" width="32" height="32" />
                <div>
                    <h1 class="header__title" data-testid="app-title">{ s.title }</h1>
                    { el("p", "header__subtitle", s.subtitle.into()) }
                </div>
            </div>
            <div class="header__actions">
                <button class="header__lang" data-testid="help-button" onclick={on_help}>{ s.help }</button>
                <button class="header__lang" data-testid="lang-switch" onclick={on_toggle_lang} lang={lang.other().code()}>
                    { s.switch_to }
                </button>
            </div>
        </header>
    }
}
