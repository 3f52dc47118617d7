use crate::components::header::Header;
use crate::components::topology::TopologyView;
use crate::i18n::Lang;
use kafka_sim::{Cluster, ClusterConfig};
use std::rc::Rc;
use yew::prelude::*;

/// The root component: owns the simulation and the chosen language.
#[component]
pub fn App() -> Html {
    let lang = use_state(Lang::default);
    let view = use_memo((), |_| {
        // The default configuration is validated by kafka-sim's own tests.
        Cluster::new(ClusterConfig::default()).map(|c| Rc::new(c.view()))
    });
    let on_toggle_lang = {
        let lang = lang.clone();
        Callback::from(move |_| lang.set(lang.other()))
    };
    html! {
        <div class="app" lang={lang.code()}>
            <Header lang={*lang} {on_toggle_lang} />
            <main class="stage">
                {
                    match &*view {
                        Ok(v) => html! { <TopologyView view={v.clone()} lang={*lang} /> },
                        Err(e) => html! { <p class="error" role="alert">{ e.message(lang.code()).to_string() }</p> },
                    }
                }
            </main>
        </div>
    }
}
