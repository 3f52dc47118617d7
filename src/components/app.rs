use crate::components::header::Header;
use crate::components::topology::TopologyView;
use crate::hooks::use_viewport_width;
use crate::i18n::strings;
use crate::url;
use kafka_sim::{Cluster, ClusterConfig};
use std::rc::Rc;
use yew::prelude::*;

/// The root component: owns the simulation and the chosen language.
#[component]
pub fn App() -> Html {
    let settings = use_memo((), |_| url::parse_query(&url::current_query()));
    let lang = {
        let initial = settings.lang.unwrap_or_default();
        use_state(move || initial)
    };
    let view = use_memo((), |_| {
        // The default configuration is validated by kafka-sim's own tests.
        Cluster::new(ClusterConfig::default()).map(|c| Rc::new(c.view()))
    });
    // The stage has 1rem padding on each side.
    let width = use_viewport_width() - 32.0;
    let on_toggle_lang = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(lang.other()))
    };
    html! {
        <div class="app" lang={lang.code()}>
            <Header lang={*lang} {on_toggle_lang} />
            { for settings.problems.iter().map(|(k, v)| html! {
                <p class="notice" role="status" data-testid="url-notice">
                    { format!("{} ({k}={v})", strings(*lang).bad_url_lang) }
                </p>
            }) }
            <main class="stage">
                {
                    match &*view {
                        Ok(v) => html! { <TopologyView view={v.clone()} lang={*lang} {width} /> },
                        Err(e) => html! { <p class="error" role="alert">{ e.message(lang.code()).to_string() }</p> },
                    }
                }
            </main>
        </div>
    }
}
