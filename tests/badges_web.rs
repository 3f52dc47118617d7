//! Real-browser checks that every status badge says why on the spot (issue 12):
//! the isolate fault from the inspector, the titles of broker statuses and
//! out-of-ISR replicas, the "add" buttons and the Burrow chips.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount_app() -> web_sys::Element {
    let document = web_sys::window().and_then(|w| w.document()).expect("a browser document");
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<kafka_visualiser::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn one(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn testid(root: &web_sys::Element, id: &str) -> web_sys::Element {
    one(root, &format!("[data-testid=\"{id}\"]"))
}

fn disabled(root: &web_sys::Element, id: &str) -> bool {
    testid(root, id).has_attribute("disabled")
}

/// The text of the `<title>` child of the first element matching `selector`.
fn title_of(root: &web_sys::Element, selector: &str) -> String {
    one(root, &format!("{selector} > title")).text_content().unwrap_or_default()
}

async fn click(root: &web_sys::Element, id: &str) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    testid(root, id).dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn isolating_a_broker_from_the_inspector_explains_every_badge() {
    let root = mount_app().await;
    click(&root, "broker-3").await;
    assert!(disabled(&root, "action-heal"), "nothing to heal yet");
    click(&root, "action-isolate").await;
    assert!(disabled(&root, "action-isolate") && !disabled(&root, "action-heal"));
    let broker = testid(&root, "broker-3");
    assert!(broker.class_list().contains("broker--isolated"));
    // The status badge says "isolated", and its title why (the preset's 10 s).
    assert!(one(&broker, ".broker__status").text_content().unwrap().ends_with("isolated"));
    let why = title_of(&broker, ".broker__status");
    assert!(why.starts_with("Isolated") && why.contains("replica.lag.time.max.ms (10000 ms)"), "{why}");
    // After replica.lag.time.max.ms its followers leave the ISR, each saying why.
    for _ in 0..160 {
        click(&root, "step").await;
    }
    let out = title_of(&broker, ".replica--out-of-isr");
    assert!(out.contains("out of ISR") && out.contains("log end for replica.lag.time.max.ms (10000 ms)"), "{out}");
    // Healed, they catch up and rejoin.
    click(&root, "action-heal").await;
    for _ in 0..60 {
        click(&root, "step").await;
    }
    assert!(!testid(&root, "broker-3").class_list().contains("broker--isolated"));
    assert!(root.query_selector("[data-testid=\"broker-3\"] .replica--out-of-isr").unwrap().is_none());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_killed_broker_says_when_it_is_fenced_and_offline_replicas_say_why() {
    let root = mount_app().await;
    click(&root, "broker-1").await;
    click(&root, "action-kill-broker").await;
    let crashed = title_of(&root, "[data-testid=\"broker-1\"] .broker__status");
    assert!(crashed.contains("broker.session.timeout.ms (3000 ms)"), "{crashed}");
    for _ in 0..35 {
        click(&root, "step").await;
    }
    let fenced = title_of(&root, "[data-testid=\"broker-1\"] .broker__status");
    assert!(fenced.starts_with("Fenced") && fenced.contains("3000 ms"), "{fenced}");
    // Its followers were dropped from the ISR by the fencing, not by lagging.
    let out = title_of(&root, "[data-testid=\"broker-1\"] .replica--out-of-isr");
    assert!(out.contains("its broker is down"), "{out}");
    root.remove();
}

#[wasm_bindgen_test]
async fn add_buttons_say_where_and_burrow_chips_say_why() {
    let root = mount_app().await;
    let consumer = testid(&root, "add-consumer");
    assert_eq!(consumer.text_content().unwrap().trim(), "+ consumer → billing");
    assert!(consumer.get_attribute("title").unwrap().contains("billing, the first group"));
    let group = testid(&root, "add-group");
    assert!(group.text_content().unwrap().contains("earliest"));
    assert!(group.get_attribute("title").unwrap().contains("auto.offset.reset=earliest"));
    for _ in 0..20 {
        click(&root, "step").await;
    }
    click(&root, "tab-lag").await;
    let chip = one(&root, "[data-testid=\"burrow-status-billing\"] .lag-chip__status");
    let why = chip.get_attribute("title").unwrap_or_default();
    assert!(why.starts_with("orders-") && why.len() > 40, "{why}");
    let part = one(&root, "[data-testid^=\"burrow-part-status-\"]");
    let shown = one(&root, "[data-testid^=\"burrow-part-why-\"]").text_content().unwrap();
    assert_eq!(part.get_attribute("title").as_deref(), Some(shown.as_str()), "the chip's title is the rule that fired");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_null_key_records_story_explains_the_sticky_partitioner() {
    let root = mount_app().await;
    for _ in 0..20 {
        click(&root, "step").await;
    }
    // p2 sends null keys; its newest decision links to the record it placed.
    click(&root, "producer-p2").await;
    let link = one(&root, "[data-testid=\"inspector-producer\"] .insp__recent .insp__link");
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    link.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    let sticky = testid(&root, "inspector-sticky").text_content().unwrap();
    assert!(sticky.contains("KIP-480"), "{sticky}");
    // A keyed record's story has the hash instead.
    click(&root, "producer-p1").await;
    let link = one(&root, "[data-testid=\"inspector-producer\"] .insp__recent .insp__link");
    link.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap()).unwrap();
    yew::scheduler::flush().await;
    assert!(root.query_selector("[data-testid=\"inspector-hash\"]").unwrap().is_some());
    assert!(root.query_selector("[data-testid=\"inspector-sticky\"]").unwrap().is_none());
    root.remove();
}
