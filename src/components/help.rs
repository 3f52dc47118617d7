//! The `?` overlay: keys and touch actions.

use crate::components::nodes::el;
use crate::i18n::strings;
use crate::ui::use_ui;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub on_close: Callback<()>,
}

#[component]
pub fn Help(props: &HelpProps) -> Html {
    let s = strings(use_ui().lang);
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help">
            <div class="overlay__card">
                <h2 id="help-title">{ s.help_title }</h2>
                <dl class="keys">
                    { for s.help_keys.iter().map(|(k, v)| html! { <><dt><kbd>{ *k }</kbd></dt>{ el("dd", "", (*v).into()) }</> }) }
                </dl>
                <button class="btn btn--primary" onclick={close} autofocus=true>{ s.help_close }</button>
            </div>
        </div>
    }
}
