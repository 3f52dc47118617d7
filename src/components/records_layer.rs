//! The canvas layer that draws records in flight: one draw pass per animation
//! frame (`requestAnimationFrame`), outside Yew's diff. Yew only hands it the
//! latest step; the frame loop interpolates every dot between steps.

use crate::components::inspector::fill;
use crate::components::nodes::nums;
use crate::flights::{self, Flight, Hop, StepCounts};
use crate::i18n::{strings, Strings};
use crate::layout::{self, Rect, Topology};
use crate::palette::{style_of, CONSUME_STYLE, REPLICATE_STYLE};
use crate::ui::use_ui;
use kafka_sim::event::Event;
use kafka_sim::view::ClusterView;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The frame loop's callback (it re-requests itself each frame).
type FrameCallback = Closure<dyn FnMut(f64)>;

/// Most dots planned per step; beyond it a sample is drawn and counts are shown.
pub const MAX_DOTS_PER_STEP: usize = 200;

#[derive(Properties)]
pub struct RecordsLayerProps {
    pub view: Rc<ClusterView>,
    pub events: Rc<Vec<Rc<Event>>>,
    pub topo: Rc<Topology>,
    /// Bumped on every simulation update.
    pub version: u64,
    /// How long a step lasts on screen, in ms.
    pub step_ms: f64,
    pub reduced_motion: bool,
}

impl PartialEq for RecordsLayerProps {
    fn eq(&self, o: &Self) -> bool {
        self.version == o.version
            && Rc::ptr_eq(&self.topo, &o.topo)
            && self.step_ms == o.step_ms
            && self.reduced_motion == o.reduced_motion
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

#[component]
pub fn RecordsLayer(props: &RecordsLayerProps) -> Html {
    let canvas = use_node_ref();
    let sample_label = use_node_ref();
    // Set when the stage may have moved on screen: the frame loop measures again.
    let stale: Rc<Cell<bool>> = use_memo((), |_| Cell::new(true));
    let board: Rc<RefCell<Vec<Flight>>> = use_mut_ref(Vec::new);
    let counts = use_state_eq(StepCounts::default);
    // The canvas's text alternative: each topic's rates, spoken at most once a second.
    let lang = use_ui().lang;
    let rates = use_state_eq(String::new);
    let rates_at: Rc<Cell<f64>> = use_memo((), |_| Cell::new(f64::NEG_INFINITY));

    // Plan the dots of each new step.
    {
        let board = board.clone();
        let counts = counts.clone();
        let (view, events, topo) = (props.view.clone(), props.events.clone(), props.topo.clone());
        let (step_ms, reduced) = (props.step_ms, props.reduced_motion);
        let (rates, rates_at) = (rates.clone(), rates_at.clone());
        use_effect_with(props.version, move |_| {
            if now_ms() - rates_at.get() >= 1000.0 {
                rates_at.set(now_ms());
                rates.set(topic_rates(&view, strings(lang)));
            }
            let dur = (step_ms * 3.0).clamp(350.0, 1200.0);
            let (new, c) = flights::plan(&view, events.iter().map(|e| &**e), &topo, now_ms(), dur, MAX_DOTS_PER_STEP);
            let mut b = board.borrow_mut();
            let now = now_ms();
            b.retain(|f| f.start + f.dur > now);
            if !reduced {
                b.extend(new);
                // Keep the board bounded even at 10× on a slow machine.
                let over = b.len().saturating_sub(MAX_DOTS_PER_STEP * 4);
                b.drain(..over);
            }
            counts.set(c);
        });
    }

    // After every render (a new step, the sample label shown or hidden): the
    // frame loop measures and places again.
    {
        let stale = stale.clone();
        use_effect(move || stale.set(true));
    }

    // The frame loop: started once, stopped on unmount.
    {
        let canvas = canvas.clone();
        let label = sample_label.clone();
        let board = board.clone();
        let stale = stale.clone();
        use_effect_with((), move |_| {
            let alive = Rc::new(Cell::new(true));
            let handle: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
            let again = handle.clone();
            let alive2 = alive.clone();
            // The pending frame's request id: cancelled on unmount, since the
            // closure it would call is dropped then (a frame already queued
            // would otherwise call a dropped closure: a page error).
            let pending = Rc::new(Cell::new(None::<i32>));
            let pending2 = pending.clone();
            let mut painter = Painter { stale: stale.clone(), ..Painter::default() };
            // Scrolling (the page or the stage: capture sees both) and resizing
            // move the visible part of the stage.
            let on_move = {
                let stale = stale.clone();
                Closure::<dyn Fn()>::new(move || stale.set(true))
            };
            let window = web_sys::window();
            if let Some(w) = &window {
                let f = on_move.as_ref().unchecked_ref();
                let _ = w.add_event_listener_with_callback_and_bool("scroll", f, true);
                let _ = w.add_event_listener_with_callback("resize", f);
            }
            *handle.borrow_mut() = Some(Closure::new(move |_ts: f64| {
                if !alive2.get() || crate::panic_overlay::crashed() {
                    return;
                }
                painter.frame(&canvas, &label, &board.borrow());
                if let (Some(w), Some(cb)) = (web_sys::window(), again.borrow().as_ref()) {
                    pending2.set(w.request_animation_frame(cb.as_ref().unchecked_ref()).ok());
                }
            }));
            if let (Some(w), Some(cb)) = (web_sys::window(), handle.borrow().as_ref()) {
                pending.set(w.request_animation_frame(cb.as_ref().unchecked_ref()).ok());
            }
            move || {
                alive.set(false);
                if let (Some(w), Some(id)) = (&window, pending.take()) {
                    let _ = w.cancel_animation_frame(id);
                }
                // Break the closure's reference to itself so it can be freed.
                handle.borrow_mut().take();
                if let Some(w) = window {
                    let f = on_move.as_ref().unchecked_ref();
                    let _ = w.remove_event_listener_with_callback_and_bool("scroll", f, true);
                    let _ = w.remove_event_listener_with_callback("resize", f);
                }
            }
        });
    }

    let s = strings(lang);
    let c = *counts;
    let sampled = c.drawn < c.produced + c.replicated + c.consumed;
    let summary = sampled.then(|| {
        format!(
            "{}: {} produced, {} replicated, {} consumed ({} {})",
            s.records_moving, c.produced, c.replicated, c.consumed, s.records_drawn_of, c.drawn
        )
    });
    html! {
        <>
            // Sized and placed by the frame loop (only the part of the stage on screen).
            <canvas ref={canvas} class="records-layer" data-testid="records-layer" data-in-flight="0"
                width="0" height="0" aria-hidden="true" />
            <p class="visually-hidden" aria-live="polite" data-testid="records-summary">{ (*rates).clone() }</p>
            if sampled {
                // Kept in the bottom-right corner of the visible stage by the frame loop.
                <p ref={sample_label} class="records-sample" data-testid="records-sample-count" title={summary}>
                    { format!("{} / {} {}", c.drawn, c.produced + c.replicated + c.consumed, s.records_drawn_of) }
                </p>
            }
        </>
    }
}

/// Each topic's records per second over the last simulated second, produced
/// (its producers' `record-send-rate`) and consumed (its groups'), one sentence.
pub fn topic_rates(view: &ClusterView, s: &Strings) -> String {
    let parts: Vec<String> = view
        .topics
        .iter()
        .map(|t| {
            let sent: u64 =
                view.producers.iter().filter(|p| p.topic == t.name).map(|p| p.throughput.records_per_s).sum();
            let read: u64 = view.groups.iter().filter(|g| g.topic == t.name).map(|g| g.throughput.records_per_s).sum();
            fill(s.records_rate, &[("t", t.name.clone()), ("in", sent.to_string()), ("out", read.to_string())])
        })
        .collect();
    parts.join(". ")
}

/// What the frame loop keeps between frames.
#[derive(Default)]
struct Painter {
    /// The canvas element and its 2D context (fetched once).
    ctx: Option<(web_sys::HtmlCanvasElement, web_sys::CanvasRenderingContext2d)>,
    /// Frames since the stage was last measured: every [`REMEASURE_FRAMES`]
    /// frames, or sooner when `stale` says it may have moved (DOM reads cost time).
    measured_ago: Option<u32>,
    stale: Rc<Cell<bool>>,
    /// The visible stage region as last measured (`None`: off screen).
    region: Option<Rect>,
    /// The stage region the canvas covers now, and the pixel ratio it was sized for.
    placed: Option<(Rect, f64)>,
    /// The box (stage coordinates) drawn into last frame, to clear.
    dirty: Option<[f64; 4]>,
    /// The sample label and where it was put (bottom and right edge of the visible stage).
    label_at: Option<(web_sys::Element, (f64, f64))>,
    /// The `data-in-flight` value last written.
    shown_count: Option<usize>,
}

/// What [`Painter::measure`] reads from the page.
#[derive(Clone, Copy, PartialEq)]
struct Geometry {
    /// The stage's origin on screen (client coordinates).
    stage: (f64, f64),
    /// The stage's (width, height).
    size: (f64, f64),
    /// The scroll box that shows the stage, and the window (client coordinates).
    clip: Rect,
    viewport: Rect,
    /// Canvas pixels per CSS pixel: sharp dots on high-density screens, at most 2×.
    ratio: f64,
}

/// Frames between two measurements when nothing announced a move (a layout
/// shift of less than [`MARGIN`] is covered in between).
const REMEASURE_FRAMES: u32 = 15;

/// Extra pixels drawn around the visible part, so a scroll between two frames
/// does not show an undrawn edge.
const MARGIN: f64 = 64.0;

impl Painter {
    /// One frame: clear what the last frame drew, then every dot at its
    /// interpolated position. Dots are batched into one path per colour and
    /// shape (one `fill` each), which keeps the calls into the browser to one or
    /// two per dot.
    ///
    /// An idle frame touches nothing, and the canvas covers only the part of the
    /// stage on screen ([`layout::visible_region`]): with software raster, the
    /// browser copies the whole canvas to the compositor on every frame it
    /// changes, so its size, not the number of dots, set the cost.
    fn frame(&mut self, canvas: &NodeRef, label: &NodeRef, board: &[Flight]) {
        let now = now_ms();
        // (style key, x, y, hop) of every dot in flight.
        let mut dots: Vec<(u32, f64, f64, Hop)> =
            board.iter().filter_map(|f| f.position(now).map(|(x, y)| (style_key(f), x, y, f.hop))).collect();
        let Some(el) = canvas.cast::<web_sys::HtmlCanvasElement>() else { return };
        let Some(ctx) = self.context(&el) else { return };
        // Follows scrolling and resizing even when idle, so the layer always
        // covers what is on screen.
        let region = self.place(&el, label);
        if dots.is_empty() && self.dirty.is_none() {
            self.show_count(0);
            return;
        }
        let Some(region) = region else {
            // Off screen: clear what is left and draw nothing.
            if let Some([x0, y0, x1, y1]) = self.dirty.take() {
                ctx.clear_rect(x0, y0, x1 - x0, y1 - y0);
            }
            self.show_count(dots.len());
            return;
        };
        if let Some([x0, y0, x1, y1]) = self.dirty {
            ctx.clear_rect(x0, y0, x1 - x0, y1 - y0);
        }
        // The box around this frame's dots (radius 5 plus a pixel of antialiasing).
        let bbox = dots.iter().fold(None, |b: Option<[f64; 4]>, &(_, x, y, _)| {
            let [a, b2, c, d] = b.unwrap_or([x, y, x, y]);
            Some([a.min(x), b2.min(y), c.max(x), d.max(y)])
        });
        self.dirty = bbox.map(|[a, b, c, d]| [a - 6.0, b - 6.0, c + 6.0, d + 6.0]);
        let visible = |x: f64, y: f64| {
            x > region.x - 6.0 && x < region.x + region.w + 6.0 && y > region.y - 6.0 && y < region.y + region.h + 6.0
        };
        dots.sort_unstable_by_key(|d| d.0);
        let mut i = 0;
        while i < dots.len() {
            let key = dots[i].0;
            let hop = dots[i].3;
            let (fill, shape) = match hop {
                Hop::Produce => style_of(key),
                Hop::Replicate => ("#2f9e77", 0),
                Hop::Consume => ("#8b5cf6", 0),
            };
            let fill = if fill.starts_with("var(") { "#888888" } else { fill };
            let r = if hop == Hop::Produce { 4.5 } else { 3.5 };
            ctx.set_fill_style_str(fill);
            ctx.begin_path();
            while i < dots.len() && dots[i].0 == key {
                let (_, x, y, _) = dots[i];
                i += 1;
                if !visible(x, y) {
                    continue;
                }
                match shape {
                    0 => {
                        ctx.move_to(x + r, y);
                        let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
                    }
                    1 => ctx.rect(x - r, y - r, 2.0 * r, 2.0 * r),
                    2 => {
                        ctx.move_to(x, y - r);
                        ctx.line_to(x + r, y + r);
                        ctx.line_to(x - r, y + r);
                        ctx.close_path();
                    }
                    _ => {
                        ctx.move_to(x, y - r);
                        ctx.line_to(x + r, y);
                        ctx.line_to(x, y + r);
                        ctx.line_to(x - r, y);
                        ctx.close_path();
                    }
                }
            }
            ctx.fill();
        }
        self.show_count(dots.len());
    }

    fn context(&mut self, el: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
        if let Some((cached, ctx)) = &self.ctx {
            if cached == el {
                return Some(ctx.clone());
            }
        }
        let ctx = el.get_context("2d").ok().flatten()?.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()?;
        self.ctx = Some((el.clone(), ctx.clone()));
        self.placed = None;
        self.measured_ago = None;
        self.dirty = None;
        Some(ctx)
    }

    /// Reads where the stage is on screen.
    fn measure(el: &web_sys::HtmlCanvasElement) -> Option<Geometry> {
        let window = web_sys::window()?;
        let inner = el.parent_element()?;
        let scroller = inner.parent_element()?;
        let doc = window.document()?.document_element()?;
        let origin = inner.get_bounding_client_rect();
        let sb = scroller.get_bounding_client_rect();
        Some(Geometry {
            stage: (origin.left(), origin.top()),
            size: (origin.width(), origin.height()),
            clip: Rect {
                x: sb.left() + f64::from(scroller.client_left()),
                y: sb.top() + f64::from(scroller.client_top()),
                w: f64::from(scroller.client_width()),
                h: f64::from(scroller.client_height()),
            },
            viewport: Rect { x: 0.0, y: 0.0, w: f64::from(doc.client_width()), h: f64::from(doc.client_height()) },
            ratio: window.device_pixel_ratio().clamp(1.0, 2.0),
        })
    }

    /// Sizes and moves the canvas over the visible part of the stage (when that
    /// changed) and sets the transform that maps stage coordinates onto it.
    /// Also keeps the "N / M drawn" label (when shown) in the bottom-right corner
    /// of the visible stage, where the learner sees it.
    /// Measures only when due; in between it returns the last region.
    fn place(&mut self, el: &web_sys::HtmlCanvasElement, label: &NodeRef) -> Option<Rect> {
        let due = self.stale.replace(false) || self.measured_ago.is_none_or(|n| n >= REMEASURE_FRAMES);
        if !due {
            self.measured_ago = self.measured_ago.map(|n| n + 1);
            return self.region;
        }
        self.measured_ago = Some(0);
        let Geometry { stage, size, clip, viewport, ratio } = Self::measure(el)?;
        self.region = layout::visible_region(stage, clip, viewport, size, MARGIN);
        if let (Some(l), Some(shown)) = (label.cast::<web_sys::Element>(), clip.intersection(&viewport)) {
            // The bottom-right corner of what is on screen of the scroll box, in
            // stage coordinates (it may lie right of the stage, in the box's free space).
            let bottom = (shown.y + shown.h - stage.1).min(size.1);
            let at = (bottom, size.0 - (shown.x + shown.w - stage.0));
            if self.label_at.as_ref().is_none_or(|(e, a)| *e != l || *a != at) {
                // `bottom` and `right` relative to the stage box.
                let _ = l.set_attribute("style", &nums("bottom:auto;top:{}px;right:{}px", &[at.0 - 26.0, at.1 + 8.0]));
                self.label_at = Some((l, at));
            }
        }
        // Off screen, the canvas stays where it was (the caller clears it).
        let r = self.region?;
        if Some((r, ratio)) != self.placed {
            // Resizing clears the canvas and resets its transform.
            el.set_width((r.w * ratio).ceil() as u32);
            el.set_height((r.h * ratio).ceil() as u32);
            let _ =
                el.set_attribute("style", &nums("left:{}px;top:{}px;width:{}px;height:{}px", &[r.x, r.y, r.w, r.h]));
            self.placed = Some((r, ratio));
            self.dirty = None;
            let (_, ctx) = self.ctx.as_ref()?;
            let _ = ctx.set_transform(ratio, 0.0, 0.0, ratio, -r.x * ratio, -r.y * ratio);
        }
        Some(r)
    }

    fn show_count(&mut self, n: usize) {
        if self.shown_count != Some(n) {
            self.shown_count = Some(n);
            if let Some((el, _)) = &self.ctx {
                let _ = el.set_attribute("data-in-flight", &n.to_string());
            }
        }
    }
}

/// Dots sharing a key share colour and shape (replication and consumption
/// each have one key of their own).
fn style_key(f: &Flight) -> u32 {
    match f.hop {
        Hop::Produce => f.style,
        Hop::Replicate => REPLICATE_STYLE,
        Hop::Consume => CONSUME_STYLE,
    }
}

#[cfg(test)]
mod tests {
    use super::topic_rates;
    use crate::i18n::{strings, Lang};
    use crate::presets::Preset;
    use kafka_sim::Cluster;

    /// The text alternative names every topic with its producers' and groups'
    /// rates, in both languages.
    #[test]
    fn topic_rates_sum_each_topics_producers_and_groups() {
        let mut c = Cluster::new(Preset::Shop.config(1)).unwrap();
        c.run_until(5_000);
        let v = c.view();
        let sent =
            |t: &str| v.producers.iter().filter(|p| p.topic == t).map(|p| p.throughput.records_per_s).sum::<u64>();
        let read = |t: &str| v.groups.iter().filter(|g| g.topic == t).map(|g| g.throughput.records_per_s).sum::<u64>();
        assert!(sent("clicks") > 0 && read("clicks") > 0);
        let en = topic_rates(&v, strings(Lang::En));
        let expected: Vec<String> = v
            .topics
            .iter()
            .map(|t| format!("{}: {} records/s produced, {} consumed", t.name, sent(&t.name), read(&t.name)))
            .collect();
        assert_eq!(en, expected.join(". "));
        let ko = topic_rates(&v, strings(Lang::Ko));
        assert!(ko.starts_with(&format!("{}: 초당 레코드 {}건", v.topics[0].name, sent(&v.topics[0].name))), "{ko}");
    }
}
