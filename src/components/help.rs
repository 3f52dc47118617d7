//! The `?` overlay: keys and touch actions. A plain function, not a component
//! (see header.rs).

use crate::components::nodes::{el, list};
use crate::i18n::{strings, Lang};
use yew::prelude::*;

pub fn help(lang: Lang, on_close: Callback<MouseEvent>) -> Html {
    let s = strings(lang);
    html! {
        <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help">
            <div class="overlay__card">
                <h2 id="help-title">{ s.help_title }</h2>
                <dl class="keys">
                    { list(s.help_keys.len(), &|i| {
                        let (k, v) = s.help_keys[i];
                        html! { <><dt>{ el("kbd", "", k.into()) }</dt>{ el("dd", "", v.into()) }</> }
                    }) }
                </dl>
                <button class="btn btn--primary" onclick={on_close} autofocus=true>{ s.help_close }</button>
            </div>
        </div>
    }
}
