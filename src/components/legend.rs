//! What the stage's marks mean, reachable from the stage: each topic's colour,
//! log cells, the HW line, committed-offset triangles, producer colours, leader
//! and follower boxes. A `<details>` so it costs nothing until opened.

use crate::i18n::strings;
use crate::palette::topic_colour;
use crate::ui::use_ui;
use yew::prelude::*;

/// One swatch drawn with the stage's own classes, so the legend always
/// matches the picture.
fn swatch(kind: u8) -> Html {
    let inner = match kind {
        0 => {
            html! { <g class="replica replica--leader"><rect class="replica__box" x="1" y="2" width="26" height="14" rx="3" /></g> }
        }
        1 => {
            html! { <g class="replica replica--follower"><rect class="replica__box" x="1" y="2" width="26" height="14" rx="3" /></g> }
        }
        2 => {
            html! { <g class="replica replica--out-of-isr"><rect class="replica__box" x="1" y="2" width="26" height="14" rx="3" /></g> }
        }
        3 => {
            html! { <><rect class="cell cell--filled" x="2" y="3" width="10" height="12" fill="#1f6feb" /><rect class="cell cell--filled cell--uncommitted" x="14" y="3" width="10" height="12" fill="#1f6feb" /></> }
        }
        4 => {
            html! { <><rect class="cell" x="2" y="3" width="10" height="12" fill="none" /><line class="hw-mark" x1="14" x2="14" y1="1" y2="17" /></> }
        }
        _ => html! { <path class="commit-mark" fill="#5b2c9f" d="M14,6 l-4,6 h8 z" /> },
    };
    html! { <svg class="legend__swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">{ inner }</svg> }
}

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The topics on the stage, in view order (index = colour).
    #[prop_or_default]
    pub topics: Vec<String>,
}

#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let s = strings(use_ui().lang);
    let items = [s.legend_leader, s.legend_follower, s.legend_out_of_isr, s.legend_cells, s.legend_hw, s.legend_commit];
    html! {
        <details class="legend" data-testid="legend">
            <summary>{ s.legend_title }</summary>
            <ul>
                { for props.topics.iter().enumerate().map(|(i, name)| html! {
                    <li class="legend__topic" data-testid={format!("topic-{name}")}>
                        <svg class="legend__swatch" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true">
                            <rect x="2" y="2" width="24" height="14" rx="3" fill={topic_colour(i)} />
                        </svg>
                        <span><code class="legend__name">{ name.clone() }</code>{ " · " }{ s.legend_topic }</span>
                    </li>
                }) }
                { for items.iter().enumerate().map(|(k, text)| html! { <li>{ swatch(k as u8) }<span>{ *text }</span></li> }) }
                <li><span class="legend__dots" aria-hidden="true">{ "● ■ ▲ ◆" }</span><span>{ s.legend_producers }</span></li>
            </ul>
        </details>
    }
}
