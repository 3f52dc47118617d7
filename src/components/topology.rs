use crate::i18n::{strings, Lang};
use crate::layout::{self, Rect, Section};
use kafka_sim::view::ClusterView;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TopologyProps {
    pub view: Rc<ClusterView>,
    pub lang: Lang,
    /// Width available to the drawing, in CSS pixels.
    pub width: f64,
}

/// The cluster drawn as SVG: producers → brokers with replicas → consumer groups.
#[component]
pub fn TopologyView(props: &TopologyProps) -> Html {
    let s = strings(props.lang);
    let view = &props.view;
    let t = layout::topology(view, props.width);
    html! {
        <svg class="topology" role="img" aria-label={s.topology_label}
            viewBox={format!("0 0 {} {}", t.width, t.height)}
            width={t.width.to_string()} height={t.height.to_string()}
            preserveAspectRatio="xMinYMin meet">
            { for t.labels.iter().map(|(section, x, y)| {
                let text = match section {
                    Section::Producers => s.producers,
                    Section::Brokers => s.brokers,
                    Section::Groups => s.consumer_groups,
                };
                html! { <text class="col-label" x={x.to_string()} y={y.to_string()}>{ text }</text> }
            }) }
            { for t.producers.iter().zip(&view.producers).map(|(b, p)| html! {
                <g key={p.id.clone()} class="producer" data-testid={format!("producer-{}", p.id)}>
                    { rect(&b.rect, "producer__box", 8.0) }
                    <text class="producer__name" x={(b.rect.x + 10.0).to_string()} y={(b.rect.y + 18.0).to_string()}>
                        { format!("{} {}", s.producer, p.id) }
                    </text>
                    <text class="producer__meta" x={(b.rect.x + 10.0).to_string()} y={(b.rect.y + 35.0).to_string()}>
                        { format!("→ {} · acks={} · {}", p.topic, p.acks, if p.keyed { s.keyed } else { s.null_keys }) }
                    </text>
                </g>
            }) }
            { for t.brokers.iter().map(|b| html! {
                <g key={b.id} class="broker" data-testid={format!("broker-{}", b.id)}>
                    { rect(&b.rect, "broker__box", 10.0) }
                    <text class="broker__name" x={(b.rect.x + 10.0).to_string()} y={(b.rect.y + 22.0).to_string()}>
                        { format!("{} {}", s.broker, b.id) }
                    </text>
                </g>
            }) }
            { for t.replicas.iter().map(|r| {
                let class = if r.leader { "replica replica--leader" } else { "replica replica--follower" };
                let role = if r.leader { s.leader } else { s.follower };
                html! {
                    <g key={format!("{}-{}-{}", r.topic, r.partition, r.broker)} class={class}
                        data-testid={format!("replica-{}-{}-{}", r.topic, r.partition, r.broker)}>
                        <title>{ if r.leader { s.legend_leader } else { s.legend_follower } }</title>
                        { rect(&r.rect, "replica__box", 5.0) }
                        <text class="replica__name" x={(r.rect.x + 8.0).to_string()} y={(r.rect.y + 17.0).to_string()}>
                            { format!("{}-{}", r.topic, r.partition) }
                        </text>
                        <text class="replica__role" x={(r.rect.x + r.rect.w - 8.0).to_string()} y={(r.rect.y + 17.0).to_string()}
                            text-anchor="end">
                            { if r.leader { format!("★ {role}") } else { role.to_string() } }
                        </text>
                    </g>
                }
            }) }
            { for t.groups.iter().zip(&view.groups).map(|(gb, g)| html! {
                <g key={g.id.clone()} class="group">
                    { rect(&gb.rect, "group__box", 10.0) }
                    <text class="group__name" x={(gb.rect.x + 10.0).to_string()} y={(gb.rect.y + 20.0).to_string()}>
                        { format!("{} {} · {} {}", s.group, g.id, s.generation, g.generation) }
                    </text>
                    { for gb.members.iter().zip(&g.members).map(|(mb, m)| {
                        let parts: Vec<String> = m.assigned.iter().map(|tp| tp.partition.to_string()).collect();
                        let label = if parts.is_empty() {
                            s.idle.to_string()
                        } else {
                            format!("{} {}", s.partition, parts.join(", "))
                        };
                        html! {
                            <g key={m.id.clone()} class="member" data-testid={format!("consumer-{}-{}", g.id, m.id)}>
                                { rect(&mb.rect, "member__box", 6.0) }
                                <text class="member__name" x={(mb.rect.x + 8.0).to_string()} y={(mb.rect.y + 19.0).to_string()}>
                                    { m.id.clone() }
                                </text>
                                <text class="member__meta" x={(mb.rect.x + mb.rect.w - 8.0).to_string()} y={(mb.rect.y + 19.0).to_string()}
                                    text-anchor="end">
                                    { label }
                                </text>
                            </g>
                        }
                    }) }
                </g>
            }) }
        </svg>
    }
}

fn rect(r: &Rect, class: &'static str, radius: f64) -> Html {
    html! {
        <rect class={class} x={r.x.to_string()} y={r.y.to_string()} width={r.w.to_string()} height={r.h.to_string()}
            rx={radius.to_string()} />
    }
}
