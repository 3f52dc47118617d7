//! The Brokers tab in a real browser with `?preset=shop`: every broker's card
//! carries its figures as attributes, the leaders add up to the partitions,
//! and the byte figures grow while the run plays (they fail on an engine that
//! leaves `BrokerTraffic` at zero).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{click, mount_app, one};

fn cards(root: &web_sys::Element) -> Vec<web_sys::Element> {
    let list = root.query_selector_all("[data-testid^=broker-metrics-]").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

fn sum(cards: &[web_sys::Element], attr: &str) -> u64 {
    cards.iter().map(|c| c.get_attribute(attr).unwrap_or_else(|| panic!("{attr}")).parse::<u64>().unwrap()).sum()
}

/// An event that bubbles to the app's root, where Yew listens.
fn bubbling(kind: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()
}

#[wasm_bindgen_test]
async fn broker_figures_grow_while_the_shop_runs() {
    let history = web_sys::window().unwrap().history().unwrap();
    history.replace_state_with_url(&JsValue::NULL, "", Some("?preset=shop&tab=brokers&lang=en")).unwrap();
    let root = mount_app().await;
    let before = cards(&root);
    assert_eq!(before.len(), 3, "the shop runs on three brokers");
    // clicks (6 partitions) and payments (3): every partition has one leader.
    assert_eq!(sum(&before, "data-leaders"), 9);
    let (in0, disk0) = (sum(&before, "data-bytes-in"), sum(&before, "data-disk-bytes"));
    for _ in 0..20 {
        click(&one(&root, "[data-testid=step]")).await;
    }
    let after = cards(&root);
    let (in1, disk1) = (sum(&after, "data-bytes-in"), sum(&after, "data-disk-bytes"));
    assert!(in1 > in0, "bytes in grow while playing: {in0} → {in1}");
    assert!(disk1 > disk0, "disk grows while playing: {disk0} → {disk1}");
    // Each bar has its value as text beside it, not colour only.
    for c in &after {
        let values = c.query_selector_all(".brk-bar__value").unwrap();
        // In from producers, out to consumers, replication in and out, disk.
        assert_eq!(values.length(), 5);
        for i in 0..values.length() {
            let text = values.item(i).unwrap().text_content().unwrap_or_default();
            assert!(text.contains('B'), "a value in bytes: {text:?}");
        }
        let health = one(c, "[data-testid^=broker-health-]").text_content().unwrap_or_default();
        assert!(!health.trim().is_empty());
    }
    history.replace_state_with_url(&JsValue::NULL, "", Some("?")).unwrap();
}

/// The inspector's offset reset: a member's group gets a dry run per partition;
/// the apply is refused (disabled, with NON_EMPTY_GROUP explained) while the
/// group has members; bad input says what is wrong.
#[wasm_bindgen_test]
async fn reset_preview_is_shown_and_refused_while_the_group_has_members() {
    let history = web_sys::window().unwrap().history().unwrap();
    history.replace_state_with_url(&JsValue::NULL, "", Some("?tab=inspector&lang=en")).unwrap();
    let root = mount_app().await;
    for _ in 0..20 {
        click(&one(&root, "[data-testid=step]")).await;
    }
    click(&one(&root, "[data-testid^=consumer-]")).await;
    let table = one(&root, "[data-testid=reset-preview]");
    assert!(table.query_selector_all("tbody tr").unwrap().length() > 0);
    let apply = one(&root, "[data-testid=action-reset-offsets]");
    assert!(apply.has_attribute("disabled"), "the group has members");
    let refused = one(&root, "[data-testid=reset-refused]").text_content().unwrap_or_default();
    assert!(refused.contains("NON_EMPTY_GROUP") && refused.contains("stop its consumers"), "{refused}");
    // --to-offset with a negative number: a message, no table.
    let select: web_sys::HtmlSelectElement = one(&root, "[data-testid=reset-spec]").dyn_into().unwrap();
    select.set_value("--to-offset");
    select.dispatch_event(&bubbling("change")).unwrap();
    yew::scheduler::flush().await;
    let input: web_sys::HtmlInputElement = one(&root, "[data-testid=reset-input]").dyn_into().unwrap();
    input.set_value("-4");
    input.dispatch_event(&bubbling("input")).unwrap();
    yew::scheduler::flush().await;
    let error = one(&root, "[data-testid=reset-error]").text_content().unwrap_or_default();
    assert!(error.contains("cannot be negative"), "{error}");
    assert!(root.query_selector("[data-testid=reset-preview]").unwrap().is_none());
    history.replace_state_with_url(&JsValue::NULL, "", Some("?")).unwrap();
}
