use crate::components::nodes::el;
use crate::i18n::strings;
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub on_toggle_lang: Callback<()>,
    pub on_help: Callback<()>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = use_ui().lang;
    let s = strings(lang);
    let onclick = props.on_toggle_lang.reform(|_: MouseEvent| ());
    let on_help = props.on_help.reform(|_: MouseEvent| ());
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
                <button class="header__lang" data-testid="lang-switch" {onclick} lang={lang.other().code()}>
                    { s.switch_to }
                </button>
            </div>
        </header>
    }
}
