//! Shared builders for markup repeated across the components. Each is one
//! non-generic, never-inlined function, so the wasm holds one copy of the node
//! construction instead of one per `html!` site (see docs/benchmarks.md,
//! "Release bundle"). They build the same DOM the `html!` they replace did.

use yew::prelude::*;

/// `<tag class="class" data-testid="testid">child</tag>`; an empty class or
/// test id is left out.
#[inline(never)]
pub fn el_id(tag: &'static str, class: &'static str, testid: AttrValue, child: Html) -> Html {
    let class = (!class.is_empty()).then_some(class);
    let testid = (!testid.is_empty()).then_some(testid);
    html! { <@{tag} {class} data-testid={testid}>{ child }</@> }
}

/// `<tag class="class">child</tag>`; an empty class is left out.
#[inline(never)]
pub fn el(tag: &'static str, class: &'static str, child: Html) -> Html {
    el_id(tag, class, AttrValue::Static(""), child)
}

/// A table's header row: `<thead><tr><th scope="col">label</th>…</tr></thead>`.
#[inline(never)]
pub fn head_row(labels: &[&'static str]) -> Html {
    html! {
        <thead><tr>
            { for labels.iter().map(|l| html! { <th scope="col">{ *l }</th> }) }
        </tr></thead>
    }
}

/// One `<dt>`/`<dd>` pair; the `<dd>` carries `testid` unless it is empty.
#[inline(never)]
pub fn dt_dd(name: &str, testid: &'static str, value: Html) -> Html {
    html! {
        <>
            <dt>{ name.to_string() }</dt>
            { el_id("dd", "", AttrValue::Static(testid), value) }
        </>
    }
}

/// An SVG `<line>` from (x1, y1) to (x2, y2).
#[inline(never)]
pub fn svg_line(class: &'static str, x1: f64, x2: f64, y1: f64, y2: f64) -> Html {
    html! { <line class={class} x1={x1.to_string()} x2={x2.to_string()} y1={y1.to_string()} y2={y2.to_string()} /> }
}

/// An SVG `<text>` at (x, y) with its `text-anchor` (left out when empty).
#[inline(never)]
pub fn svg_text(class: &'static str, x: f64, y: f64, anchor: &'static str, text: Html) -> Html {
    let anchor = (!anchor.is_empty()).then_some(anchor);
    html! { <text class={class} x={x.to_string()} y={y.to_string()} text-anchor={anchor}>{ text }</text> }
}

/// A table cell, `<td class="class" data-col="col">text</td>`; an empty class
/// or column name is left out.
#[inline(never)]
pub fn cell(class: &'static str, col: &'static str, text: String) -> Html {
    let class = (!class.is_empty()).then_some(class);
    let col = (!col.is_empty()).then_some(col);
    html! { <td {class} data-col={col}>{ text }</td> }
}

// config/app/controls builders

/// The nodes `item(0)`, …, `item(n - 1)` as one list. One loop for every
/// call site: a `for`/`collect` over an iterator is a new copy of the
/// iterator and collect code per closure type.
#[inline(never)]
pub fn list(n: usize, item: &dyn Fn(usize) -> Html) -> Html {
    (0..n).map(item).collect()
}

/// A property of an event's target (`value`, `checked`), read through
/// `Reflect`: no element type imports (and their JS glue) per control kind.
pub fn target_prop(e: &Event, prop: &str) -> wasm_bindgen::JsValue {
    use wasm_bindgen::JsValue;
    e.target().and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str(prop)).ok()).unwrap_or(JsValue::UNDEFINED)
}

/// The `value` of an event's target (an input or a select), `""` if none.
pub fn target_value(e: &Event) -> String {
    target_prop(e, "value").as_string().unwrap_or_default()
}
