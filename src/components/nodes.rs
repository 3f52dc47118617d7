//! Shared builders for markup repeated across the components. Each is one
//! non-generic, never-inlined function, so the wasm holds one copy of the node
//! construction instead of one per `html!` site (see docs/benchmarks.md,
//! "Release bundle"). They build the same DOM the `html!` they replace did.

use yew::prelude::*;
use yew::virtual_dom::{Key, VList, VText};

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
    html! { <line class={class} x1={num(x1)} x2={num(x2)} y1={num(y1)} y2={num(y2)} /> }
}

/// An SVG `<text>` at (x, y) with its `text-anchor` (left out when empty).
#[inline(never)]
pub fn svg_text(class: &'static str, x: f64, y: f64, anchor: &'static str, text: Html) -> Html {
    let anchor = (!anchor.is_empty()).then_some(anchor);
    html! { <text class={class} x={num(x)} y={num(y)} text-anchor={anchor}>{ text }</text> }
}

/// A table cell, `<td class="class" data-col="col">text</td>`; an empty class
/// or column name is left out.
#[inline(never)]
pub fn cell(class: &'static str, col: &'static str, text: String) -> Html {
    let class = (!class.is_empty()).then_some(class);
    let col = (!col.is_empty()).then_some(col);
    html! { <td {class} data-col={col}>{ text }</td> }
}

/// A coordinate or length for SVG and CSS: at most two decimals, trailing
/// zeros dropped (`12`, `12.5`, `0.33`). Written with `kafka_sim::fixed`, so
/// the wasm links no float printing (see that module).
pub fn num(x: f64) -> String {
    let mut out = String::new();
    push_num(&mut out, x);
    out
}

fn push_num(out: &mut String, x: f64) {
    let start = out.len();
    kafka_sim::fixed::push_fixed(out, x, 2);
    let kept = out[start..].trim_end_matches('0').trim_end_matches('.').len();
    out.truncate(start + kept);
    if &out[start..] == "-0" {
        out.replace_range(start.., "0");
    }
}

/// `template` with each `{}` replaced by the next of `values` as [`num`]
/// writes it: `nums("M{},{} h6 z", &[x, y])`.
#[inline(never)]
pub fn nums(template: &str, values: &[f64]) -> String {
    let mut out = String::with_capacity(template.len() + 6 * values.len());
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        push_num(&mut out, values.next().copied().unwrap_or(0.0));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

// inspector/event_log builders

/// Sibling nodes without a wrapper element, like `<>…</>`. A slice (`&mut [a, b]`,
/// built in place on the stack) rather than a `Vec`: one copy of the moving code
/// instead of a heap vector filled at every call site.
#[inline(never)]
pub fn frag(children: &mut [Html]) -> Html {
    VList::with_children(children.iter_mut().map(std::mem::take).collect(), None).into()
}

/// An item of a keyed list, `<tag key={key} class="class">child</tag>`; an
/// empty class is left out.
#[inline(never)]
pub fn keyed(tag: &'static str, key: Key, class: &'static str, child: Html) -> Html {
    let class = (!class.is_empty()).then_some(class);
    html! { <@{tag} {key} {class}>{ child }</@> }
}

/// `el` with a static text: the text node is made here, once, without a copy.
#[inline(never)]
pub fn el_text(tag: &'static str, class: &'static str, text: &'static str) -> Html {
    el(tag, class, VText::new(AttrValue::Static(text)).into())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_two_decimals_at_most_and_no_trailing_zeros() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-4.5), "-4.5");
        assert_eq!(num(100.0), "100");
        assert_eq!(num(0.125), "0.12"); // the exact tie rounds to even, as {:.2} does
    }

    #[test]
    fn a_template_takes_its_values_in_order() {
        assert_eq!(nums("M{},{} l-3,4 h6 z", &[10.0, 2.25]), "M10,2.25 l-3,4 h6 z");
        assert_eq!(nums("{} {}", &[1.5]), "1.5 0");
        assert_eq!(nums("none", &[]), "none");
    }
}
