//! Several topics on one stage, in a real browser: `?preset=shop` draws
//! `clicks` and `payments` (legend entries, replicas, producer and group chips)
//! and keeps drawing both while it plays.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{all, click, document, mount_app, one};

/// Waits `ms` of real time (the play loop runs on timers).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

/// Both topics are on the stage: a legend entry each (own colour), every
/// replica (clicks 6 × RF 3, payments 3 × RF 3) labelled `topic-partition`,
/// and the chips of the producers and groups that use them.
fn assert_both_topics(root: &web_sys::Element, when: &str) {
    let mut colours = Vec::new();
    for topic in ["clicks", "payments"] {
        let entry = one(root, &format!("[data-testid=topic-{topic}]"));
        assert!(entry.text_content().unwrap_or_default().contains(topic), "{when}: legend entry {topic}");
        colours.push(one(&entry, "rect").get_attribute("fill").unwrap());
    }
    assert_ne!(colours[0], colours[1], "{when}: each topic has its own colour");
    assert_eq!(all(root, "[data-testid^=replica-clicks-]").len(), 18, "{when}");
    assert_eq!(all(root, "[data-testid^=replica-payments-]").len(), 9, "{when}");
    let labels: Vec<String> = all(root, ".replica__name").iter().filter_map(|e| e.text_content()).collect();
    for label in ["clicks-0", "clicks-5", "payments-0", "payments-2"] {
        assert!(labels.iter().any(|l| l == label), "{when}: no replica labelled {label}");
    }
    // The replica's bar has its topic's colour.
    let bar = one(root, "[data-testid^=replica-payments-] .replica__topic");
    assert_eq!(bar.get_attribute("fill").as_ref(), Some(&colours[1]), "{when}");
    for (producer, topic) in [("web", "clicks"), ("app", "clicks"), ("checkout", "payments")] {
        let chip = one(root, &format!("[data-testid=producer-{producer}] .topic-chip"));
        assert_eq!(chip.get_attribute("data-topic").as_deref(), Some(topic), "{when}: {producer}");
    }
    for (group, topic) in
        [("analytics", "clicks"), ("recommendations", "clicks"), ("billing", "payments"), ("fraud", "payments")]
    {
        let chip = one(root, &format!("[data-testid=group-{group}] .topic-chip"));
        assert_eq!(chip.get_attribute("data-topic").as_deref(), Some(topic), "{when}: {group}");
    }
}

#[wasm_bindgen_test]
async fn shop_shows_both_topics_while_playing() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let before = window.location().href().unwrap();
    history.replace_state_with_url(&JsValue::NULL, "", Some("?preset=shop&tab=inspector&lang=en")).unwrap();
    let root = mount_app().await;
    assert_both_topics(&root, "at start");
    let time = |root: &web_sys::Element| one(root, "[data-testid=sim-time]").text_content().unwrap_or_default();
    let t0 = time(&root);
    click(&one(&root, "[data-testid=play-pause]")).await;
    sleep(3_000).await;
    click(&one(&root, "[data-testid=play-pause]")).await;
    let t1 = time(&root);
    assert_ne!(t0, t1, "the run played");
    assert_both_topics(&root, &format!("after playing to {t1}"));
    // Records were written to both topics: some payments and clicks cells are filled.
    for topic in ["clicks", "payments"] {
        let filled = all(&root, &format!("[data-testid^=replica-{topic}-] .cell--filled"));
        assert!(!filled.is_empty(), "{topic} got records by {t1}");
    }
    root.remove();
    history.replace_state_with_url(&JsValue::NULL, "", Some(&before)).unwrap();
    assert!(document().query_selector("[data-testid=topic-clicks]").unwrap().is_none());
}
