//! Chapter 1's diagram, drawn instead of the cluster while a step spotlights
//! `Spot::Systems`: the shop's source systems on the left, target systems on
//! the right, wired point to point (a line per pair, each with its protocol)
//! or through a Kafka box holding the topics (a line per system). Everything
//! drawn comes from the engine's `Wiring` data (names, links, counts); the app
//! only places it. A step that changes the wiring shows the one it starts from
//! until it plays, then animates into the new one (CSS; none under
//! `prefers-reduced-motion`).

use crate::components::nodes::{num, nums, svg_text};
use crate::i18n::strings;
use crate::layout::Rect;
use crate::lesson_view::{LessonView, Phase};
use crate::ui::use_ui;
use kafka_sim::course::{Link, Protocol, Side, Spot, Via, Wiring, KAFKA};
use yew::prelude::*;

/// Where the diagram's boxes go in a stage `width` px wide.
#[derive(Clone, Debug, PartialEq)]
pub struct PipesLayout {
    pub width: f64,
    pub height: f64,
    pub sources: Vec<Rect>,
    pub targets: Vec<Rect>,
    /// The Kafka box (drawn only when wired through Kafka).
    pub hub: Rect,
    /// Font size of the system names.
    pub font: f64,
}

const MARGIN: f64 = 8.0;
const TOP: f64 = 34.0;
const BOX_H: f64 = 46.0;
const GAP: f64 = 10.0;
/// Wider than this, the diagram is centred rather than stretched.
const MAX_W: f64 = 980.0;

/// Positions for `sources` boxes on the left, `targets` on the right and the
/// hub between them, fitting `width` (phones from 318 px of stage).
pub fn pipes_layout(sources: usize, targets: usize, width: f64) -> PipesLayout {
    let cw = width.min(MAX_W);
    let left = (width - cw) / 2.0 + MARGIN;
    let inner = cw - 2.0 * MARGIN;
    let box_w = (inner * 0.28).clamp(104.0, 210.0);
    let hub_w = (inner * 0.2).clamp(64.0, 200.0);
    let rows = sources.max(targets).max(1) as f64;
    let col_h = rows * BOX_H + (rows - 1.0) * GAP;
    let column = |n: usize, x: f64| -> Vec<Rect> {
        let h = n as f64 * BOX_H + (n.max(1) - 1) as f64 * GAP;
        let y0 = TOP + (col_h - h) / 2.0;
        (0..n).map(|i| Rect { x, y: y0 + i as f64 * (BOX_H + GAP), w: box_w, h: BOX_H }).collect()
    };
    PipesLayout {
        width,
        height: TOP + col_h + MARGIN,
        sources: column(sources, left),
        targets: column(targets, left + inner - box_w),
        hub: Rect { x: left + (inner - hub_w) / 2.0, y: TOP - 6.0, w: hub_w, h: col_h + 12.0 },
        font: if width < 600.0 { 11.0 } else { 13.0 },
    }
}

/// Estimated width of `text` at `font` px: Hangul and other wide glyphs a
/// full em, Latin about 0.58 em (system-ui).
fn text_w(text: &str, font: f64) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 0.58 } else { 1.0 }).sum::<f64>() * font
}

/// `text` broken between words into lines of at most `max_w` px.
pub fn wrap(text: &str, max_w: f64, font: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if text_w(&format!("{line} {word}"), font) <= max_w => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// The diagram a lesson step shows instead of the cluster, if any, and whether
/// the step has started playing.
pub fn diagram(lesson: Option<&LessonView>) -> Option<(&'static Wiring, bool)> {
    let l = lesson?;
    let wiring = l.spotlight.iter().find_map(|s| match s {
        Spot::Systems(w) => Some(*w),
        _ => None,
    })?;
    Some((wiring, matches!(l.phase, Phase::Playing | Phase::Revealed)))
}

#[derive(Properties, PartialEq)]
pub struct PipelinesProps {
    pub wiring: &'static Wiring,
    /// The step has played (or is playing): show the step's wiring, not the
    /// one it opens on.
    pub played: bool,
    /// The stage's width in CSS px.
    pub width: f64,
}

/// The centre of a box's edge facing the middle.
fn port(r: &Rect, side: Side) -> (f64, f64) {
    match side {
        Side::Source => (r.x + r.w, r.y + r.h / 2.0),
        Side::Target => (r.x, r.y + r.h / 2.0),
    }
}

#[component]
pub fn Pipelines(props: &PipelinesProps) -> Html {
    let ui = use_ui();
    let (lang, s) = (ui.lang, strings(ui.lang));
    let picked = use_state(|| None::<(&'static str, &'static str)>);
    let current = props.wiring;
    // Until the step plays, the diagram it opens on.
    let shown = match current.before {
        Some(before) if !props.played => before,
        _ => current,
    };
    let sources: Vec<_> = current.systems_on(Side::Source).collect();
    let targets: Vec<_> = current.systems_on(Side::Target).collect();
    let lay = pipes_layout(sources.len(), targets.len(), props.width);
    let rect_of = |id: &str| -> Option<(&Rect, Side)> {
        if let Some(i) = sources.iter().position(|x| x.id == id) {
            return Some((&lay.sources[i], Side::Source));
        }
        targets.iter().position(|x| x.id == id).map(|i| (&lay.targets[i], Side::Target))
    };
    let hub = &lay.hub;
    // A link's end points: a system's port, or the hub's edge level with it.
    let ends = |l: &Link| -> Option<((f64, f64), (f64, f64))> {
        let clamp_y = |y: f64| y.clamp(hub.y + 14.0, hub.y + hub.h - 14.0);
        if l.to == KAFKA {
            let (r, side) = rect_of(l.from)?;
            let a = port(r, side);
            Some((a, (hub.x, clamp_y(a.1))))
        } else if l.from == KAFKA {
            let (r, side) = rect_of(l.to)?;
            let b = port(r, side);
            Some(((hub.x + hub.w, clamp_y(b.1)), b))
        } else {
            Some((port(rect_of(l.from)?.0, Side::Source), port(rect_of(l.to)?.0, Side::Target)))
        }
    };
    let name_of = |id: &str| -> &'static str {
        if id == KAFKA {
            return s.pipe_kafka;
        }
        current.systems.iter().find(|x| x.id == id).map_or("", |x| x.name.get(lang))
    };
    let describe = |l: &Link| -> String {
        let what = match &l.via {
            Via::Direct(p) => p.label.get(lang).to_string(),
            Via::Kafka(topics) => {
                let verb = if l.to == KAFKA { s.pipe_writes } else { s.pipe_reads };
                verb.replace("{t}", &topics.join(", "))
            }
        };
        format!("{} → {}: {what}", name_of(l.from), name_of(l.to))
    };
    let broken = |w: &Wiring, l: &Link| w.changed == Some(l.from);
    // The protocols of the drawn pipelines, in order of first use: a colour each.
    let mut protocols: Vec<&'static Protocol> = Vec::new();
    for l in shown.links {
        if let Via::Direct(p) = l.via {
            if !protocols.contains(&p) {
                protocols.push(p);
            }
        }
    }
    let colour = |l: &Link| match l.via {
        Via::Direct(p) => protocols.iter().position(|q| *q == p).map_or(String::new(), |i| format!("pipe-c{}", i % 6)),
        Via::Kafka(_) => String::new(),
    };
    let has = |w: &Wiring, l: &Link| w.links.iter().any(|m| m.from == l.from && m.to == l.to);
    let entering = props.played && current.before.is_some();
    let mut lines: Vec<Html> = Vec::new();
    // Links leaving (the old wiring's, fading out), then the shown ones.
    let leaving = current.before.filter(|_| props.played).map(|b| b.links).unwrap_or(&[]);
    for (l, class) in
        leaving.iter().filter(|l| !has(shown, l)).map(|l| (l, "pipe pipe--leave")).chain(shown.links.iter().map(|l| {
            let new = entering && !current.before.is_some_and(|b| has(b, l));
            let class = match (broken(shown, l), new) {
                (true, _) => "pipe pipe--broken",
                (false, true) => "pipe pipe--enter",
                (false, false) => "pipe",
            };
            (l, class)
        }))
    {
        let Some(((x1, y1), (x2, y2))) = ends(l) else { continue };
        let mx = (x1 + x2) / 2.0;
        let d = nums("M{},{} C{},{} {},{} {},{}", &[x1, y1, mx, y1, mx, y2, x2, y2]);
        let key = format!("{}>{}", l.from, l.to);
        let pick = {
            let (picked, id) = (picked.clone(), (l.from, l.to));
            Callback::from(move |()| picked.set(Some(id)))
        };
        let on_pick = pick.reform(|e: MouseEvent| e.stop_propagation());
        // The keyboard's way to pick a link (a leaving one is not a control).
        let onkeydown = crate::components::topology::on_keys(pick);
        let leaving = class.ends_with("leave");
        // Through Kafka, the topics on the line where there is room for them.
        let topics = match l.via {
            Via::Kafka(topics) if lay.width >= 700.0 => {
                Some(svg_text("pipe__topics", mx, (y1 + y2) / 2.0 - 5.0, "middle", topics.join(", ").into()))
            }
            _ => None,
        };
        let mark =
            class.ends_with("broken").then(|| svg_text("pipe__x", mx, (y1 + y2) / 2.0 + 4.0, "middle", "✕".into()));
        lines.push(html! {
            <g key={key} class={classes!(class, colour(l))} onclick={on_pick} data-testid={if leaving { "pipe-gone" } else { "pipe" }}>
                <title>{ describe(l) }</title>
                <g class="ctl" role={(!leaving).then_some("button")} tabindex={(!leaving).then_some("0")}
                    aria-label={(!leaving).then(|| describe(l))} {onkeydown}>
                    <path class="pipe__hit" d={d.clone()} />
                    <path class="pipe__line" d={d.clone()} />
                    <path class="pipe__flow" {d} />
                </g>
                { for mark }
                { for topics }
            </g>
        });
    }
    let boxes = |list: &[&'static kafka_sim::course::System], rects: &[Rect], side: Side| -> Html {
        list.iter()
            .zip(rects)
            .map(|(sys, r)| {
                let new = !shown.systems.iter().any(|x| x.id == sys.id);
                let changed = shown.changed == Some(sys.id);
                let class = match (side, new, changed) {
                    (_, true, _) => "sys sys--new",
                    (_, _, true) => "sys sys--changed",
                    (Side::Source, ..) => "sys sys--source",
                    (Side::Target, ..) => "sys sys--target",
                };
                let name = wrap(sys.name.get(lang), r.w - 12.0, lay.font);
                let line_h = lay.font * 1.2;
                let y0 = r.y + r.h / 2.0 - line_h * (name.len() as f64 - 1.0) / 2.0 + lay.font * 0.35;
                html! {
                    <g key={sys.id} {class} data-testid={format!("sys-{}", sys.id)}>
                        <rect x={num(r.x)} y={num(r.y)} width={num(r.w)} height={num(r.h)} rx="8" />
                        <text x={num(r.x + r.w / 2.0)} text-anchor="middle" style={format!("font-size:{}px", lay.font)}>
                            { for name.into_iter().enumerate().map(|(i, line)| html! {
                                <tspan x={num(r.x + r.w / 2.0)} y={num(y0 + i as f64 * line_h)}>{ line }</tspan>
                            }) }
                        </text>
                    </g>
                }
            })
            .collect()
    };
    let hub_box = shown.through_kafka().then(|| {
        let topic_h = 24.0;
        let n = shown.topics.len() as f64;
        let y0 = hub.y + hub.h / 2.0 - (n * topic_h + (n - 1.0) * 6.0) / 2.0 + 8.0;
        html! {
            <g class={if entering { "hub hub--enter" } else { "hub" }} data-testid="pipes-hub">
                <rect class="hub__box" x={num(hub.x)} y={num(hub.y)} width={num(hub.w)} height={num(hub.h)} rx="12" />
                { svg_text("hub__name", hub.x + hub.w / 2.0, hub.y + 20.0, "middle", s.pipe_kafka.into()) }
                { for shown.topics.iter().enumerate().map(|(i, topic)| {
                    let y = y0 + i as f64 * (topic_h + 6.0);
                    html! {
                        <g class="hub__topic">
                            <rect x={num(hub.x + 6.0)} y={num(y)} width={num(hub.w - 12.0)} height={num(topic_h)} rx="5" />
                            { svg_text("", hub.x + hub.w / 2.0, y + 16.0, "middle", (*topic).into()) }
                        </g>
                    }
                }) }
            </g>
        }
    });
    // The count is the drawn wiring's own link list (what `Probe::Links` counts).
    let count = shown.links.len();
    let caption = if shown.through_kafka() { s.pipe_hub } else { s.pipe_direct }.replace("{n}", &count.to_string());
    let col_x = |rects: &[Rect]| rects.first().map_or(0.0, |r| r.x + r.w / 2.0);
    let picked_text = (*picked)
        .and_then(|(from, to)| shown.links.iter().find(|l| l.from == from && l.to == to))
        .map_or_else(|| s.pipe_hint.to_string(), describe);
    let failures: Vec<Html> = shown
        .links
        .iter()
        .filter(|l| broken(shown, l))
        .filter_map(|l| match &l.via {
            Via::Direct(p) => Some(html! {
                <li key={l.to}>{ format!("{} → {} ({}): {}", name_of(l.from), name_of(l.to), p.label.get(lang), p.failure.get(lang)) }</li>
            }),
            Via::Kafka(_) => None,
        })
        .collect();
    let svg_class = if shown.through_kafka() { "pipes__svg pipes__svg--hub" } else { "pipes__svg" };
    html! {
        <div class="pipes" data-testid="pipelines" data-links={count.to_string()}>
            <svg class={svg_class} width={num(lay.width)} height={num(lay.height)}
                viewBox={nums("0 0 {} {}", &[lay.width, lay.height])} role="group" aria-label={caption.clone()}>
                { svg_text("pipes__side", col_x(&lay.sources), 16.0, "middle", s.pipe_sources.into()) }
                { svg_text("pipes__side", col_x(&lay.targets), 16.0, "middle", s.pipe_targets.into()) }
                { for hub_box }
                <g class="pipes__links">{ for lines }</g>
                { boxes(&sources, &lay.sources, Side::Source) }
                { boxes(&targets, &lay.targets, Side::Target) }
            </svg>
            <p class="pipes__count" data-testid="pipes-count">{ caption }</p>
            <p class="pipes__picked">{ picked_text }</p>
            if !protocols.is_empty() {
                <ul class="pipes__protocols">
                    { for protocols.iter().enumerate().map(|(i, p)| html! {
                        <li class={format!("pipe-c{}", i % 6)}>{ p.label.get(lang) }</li>
                    }) }
                </ul>
            }
            if !failures.is_empty() {
                <ul class="pipes__failures" data-testid="pipes-failures">{ for failures }</ul>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::app::stage_width;
    use kafka_sim::course;
    use kafka_sim::Lang;

    /// Every diagram of the course, from the lessons' spotlights.
    fn wirings() -> Vec<&'static Wiring> {
        let spots = course::lessons().iter().flat_map(|l| l.steps).flat_map(|s| s.spotlight);
        let found: Vec<&'static Wiring> = spots
            .filter_map(|s| match s {
                Spot::Systems(w) => Some(*w),
                _ => None,
            })
            .collect();
        assert!(found.len() >= 3, "ch1 draws its diagrams");
        found
    }

    #[test]
    fn boxes_never_overlap_and_fit_from_phones_to_wide_screens() {
        for w in wirings() {
            let (n, m) = (w.systems_on(Side::Source).count(), w.systems_on(Side::Target).count());
            for window in (360..=1920).step_by(30) {
                let width = stage_width(f64::from(window));
                let lay = pipes_layout(n, m, width);
                let mut all: Vec<&Rect> = lay.sources.iter().chain(&lay.targets).collect();
                all.push(&lay.hub);
                for (i, a) in all.iter().enumerate() {
                    assert!(
                        a.x >= 0.0 && a.x + a.w <= width && a.y >= 0.0 && a.y + a.h <= lay.height,
                        "{window}: {a:?}"
                    );
                    for b in &all[i + 1..] {
                        assert!(!a.overlaps(b), "{window}: {a:?} and {b:?}");
                    }
                }
                // Room for the links between the columns and the hub.
                assert!(lay.hub.x - (lay.sources[0].x + lay.sources[0].w) >= 8.0, "{window}");
                assert!(lay.targets[0].x - (lay.hub.x + lay.hub.w) >= 8.0, "{window}");
                assert_eq!((lay.sources.len(), lay.targets.len()), (n, m));
            }
        }
    }

    /// Every system's name, in both languages, fits its box in two lines at
    /// the narrowest and the widest stage.
    #[test]
    fn names_fit_their_boxes_in_two_lines() {
        for w in wirings() {
            for window in [360.0, 390.0, 1440.0, 1920.0] {
                let lay = pipes_layout(4, 5, stage_width(window));
                let max_w = lay.sources[0].w - 12.0;
                for sys in w.systems {
                    for lang in Lang::ALL {
                        let lines = wrap(sys.name.get(lang), max_w, lay.font);
                        assert!(lines.len() <= 2, "{window} {lang}: {lines:?}");
                        assert!(lines.iter().all(|l| text_w(l, lay.font) <= max_w), "{window} {lang}: {lines:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn wrap_breaks_between_words() {
        assert_eq!(wrap("Recommendation engine", 100.0, 11.0), ["Recommendation", "engine"]);
        assert_eq!(wrap("Billing", 100.0, 11.0), ["Billing"]);
    }
}
