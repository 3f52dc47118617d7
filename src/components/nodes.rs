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

// lag_panel builders

/// `<name>` with the attributes `keys`, one value each (`None` leaves it out),
/// and `children`: the node `html!` builds inline at every element, built by
/// one function. Unlike `html!`'s `class={..}`, a class passes no `Classes` set.
/// Not for `<input>` or `<textarea>` (their value is not an attribute).
#[inline(never)]
pub fn vtag(
    name: &'static str,
    keys: &'static [&'static str],
    values: Vec<Option<AttrValue>>,
    children: Vec<Html>,
) -> yew::virtual_dom::VTag {
    use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VList, VTag};
    debug_assert_eq!(keys.len(), values.len(), "a value for each attribute of <{name}>");
    let values = values.into_iter().map(|v| v.map(AttributeOrProperty::Attribute)).collect();
    let children = VList::with_children(children, None).into();
    // What `html!` calls for a static tag name.
    VTag::__new_other(
        name.into(),
        NodeRef::default(),
        None,
        Attributes::Dynamic { keys, values },
        Listeners::None,
        children,
    )
}

/// A `vtag` with a key (for a keyed list).
#[inline(never)]
pub fn keyed(key: yew::virtual_dom::Key, mut tag: yew::virtual_dom::VTag) -> Html {
    tag.key = Some(key);
    tag.into()
}

/// `<button type="button" class="class" data-testid="testid" aria-pressed=…>`
/// with its click handler and children; `pressed` `None` leaves it out.
#[inline(never)]
pub fn button(
    class: AttrValue,
    testid: AttrValue,
    pressed: Option<bool>,
    onclick: Callback<MouseEvent>,
    children: Vec<Html>,
) -> yew::virtual_dom::VTag {
    let pressed = pressed.map(|p| AttrValue::Static(if p { "true" } else { "false" }));
    let values = vec![Some("button".into()), Some(class), Some(testid), pressed];
    let mut tag = vtag("button", &["type", "class", "data-testid", "aria-pressed"], values, children);
    let onclick: std::rc::Rc<dyn yew::virtual_dom::Listener> =
        std::rc::Rc::new(yew::html::onclick::Wrapper::new(onclick));
    tag.set_listeners(Box::new([Some(onclick)]));
    tag
}

/// Sibling nodes as one `Html` (one shared path instead of a `collect` per site).
#[inline(never)]
pub fn list(children: Vec<Html>) -> Html {
    yew::virtual_dom::VList::with_children(children, None).into()
}
