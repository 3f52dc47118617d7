//! Real-browser tests: mount the app in headless Chromium and read the DOM.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

async fn mount_app() -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<kafka_visualiser::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

/// Counts elements whose `data-testid` starts with `prefix`.
fn count_testids(root: &web_sys::Element, prefix: &str) -> u32 {
    root.query_selector_all(&format!("[data-testid^=\"{prefix}\"]"))
        .unwrap()
        .length()
}

fn text_of(root: &web_sys::Element, testid: &str) -> String {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_draws_three_brokers_and_nine_replicas() {
    let root = mount_app().await;
    assert_eq!(count_testids(&root, "broker-"), 3);
    assert_eq!(count_testids(&root, "replica-"), 9);
    assert_eq!(root.query_selector_all(".replica--leader").unwrap().length(), 3);
    assert_eq!(count_testids(&root, "producer-"), 2);
    assert_eq!(count_testids(&root, "consumer-"), 3);
    root.remove();
}

#[wasm_bindgen_test]
async fn language_switch_changes_labels() {
    let root = mount_app().await;
    assert_eq!(text_of(&root, "app-title"), "Kafka Visualiser");
    assert!(text_of(&root, "broker-1").contains("Broker 1"));
    let button: web_sys::HtmlElement = root
        .query_selector("[data-testid=\"lang-switch\"]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "app-title"), "카프카 시각화 도구");
    assert!(
        text_of(&root, "broker-1").contains("브로커 1"),
        "{}",
        text_of(&root, "broker-1")
    );
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(text_of(&root, "app-title"), "Kafka Visualiser");
    root.remove();
}
