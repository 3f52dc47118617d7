//! Real-browser tests: mount the app in headless Chromium and drive it through
//! the DOM like a student would (clicks, typing), then read what it shows.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{click, document, mount_app};

/// Counts elements whose `data-testid` starts with `prefix`.
fn count_testids(root: &web_sys::Element, prefix: &str) -> u32 {
    root.query_selector_all(&format!("[data-testid^=\"{prefix}\"]")).unwrap().length()
}

fn by_testid(root: &web_sys::Element, testid: &str) -> web_sys::Element {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element with data-testid={testid}"))
}

fn text_of(root: &web_sys::Element, testid: &str) -> String {
    by_testid(root, testid).text_content().unwrap_or_default()
}

async fn click_testid(root: &web_sys::Element, testid: &str) {
    click(&by_testid(root, testid)).await;
}

/// Types into an input as a user would: set the value, fire `input` and `change`.
async fn type_into(root: &web_sys::Element, testid: &str, value: &str) {
    let input: web_sys::HtmlInputElement = by_testid(root, testid).dyn_into().unwrap();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    for kind in ["input", "change"] {
        let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
        input.dispatch_event(&ev).unwrap();
    }
    yew::scheduler::flush().await;
}

/// The total log end offset shown over every leader replica.
fn leader_offsets(root: &web_sys::Element) -> u64 {
    let leaders = root.query_selector_all(".replica--leader .replica__offsets").unwrap();
    (0..leaders.length())
        .filter_map(|i| leaders.item(i)?.text_content())
        .filter_map(|t| t.strip_prefix("LEO ").and_then(|n| n.trim().parse::<u64>().ok()))
        .sum()
}

#[wasm_bindgen_test]
async fn app_draws_three_brokers_and_nine_replicas() {
    let root = mount_app().await;
    assert_eq!(count_testids(&root, "broker-"), 3);
    assert_eq!(count_testids(&root, "replica-"), 9);
    assert_eq!(root.query_selector_all(".topology .replica--leader").unwrap().length(), 3);
    assert_eq!(count_testids(&root, "producer-"), 2);
    assert_eq!(count_testids(&root, "consumer-"), 3);
    for id in ["records-layer", "play-pause", "step", "speed", "seed", "config-panel"] {
        if id == "config-panel" {
            click_testid(&root, "tab-config").await;
        }
        assert_eq!(root.query_selector_all(&format!("[data-testid=\"{id}\"]")).unwrap().length(), 1, "{id}");
    }
    root.remove();
}

#[wasm_bindgen_test]
async fn stepping_makes_records_appear_and_offsets_grow() {
    let root = mount_app().await;
    assert_eq!(leader_offsets(&root), 0);
    assert_eq!(root.query_selector_all(".topology .cell--filled").unwrap().length(), 0);
    for _ in 0..20 {
        click_testid(&root, "step").await;
    }
    assert!(text_of(&root, "sim-time").contains("2.0 s"), "{}", text_of(&root, "sim-time"));
    let after_20 = leader_offsets(&root);
    assert!(after_20 > 5, "records were appended: {after_20}");
    assert!(root.query_selector_all(".topology .cell--filled").unwrap().length() > 0);
    for _ in 0..10 {
        click_testid(&root, "step").await;
    }
    assert!(leader_offsets(&root) > after_20, "offsets keep growing");
    // The canvas layer reports how many dots it drew in its last frame.
    let layer = by_testid(&root, "records-layer");
    assert!(layer.get_attribute("data-in-flight").is_some());
    root.remove();
}

/// Resolves at the browser's next animation frame (after the records layer drew).
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().unwrap().request_animation_frame(&resolve);
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn client_rect(el: &web_sys::Element) -> (f64, f64, f64, f64) {
    let r = el.get_bounding_client_rect();
    (r.left(), r.top(), r.right(), r.bottom())
}

/// The canvas covers only the part of the stage on screen (plus a 64 px margin),
/// follows scrolling, and counts the dots it drew.
#[wasm_bindgen_test]
async fn records_canvas_covers_the_visible_stage_and_follows_scrolling() {
    // Geometry needs the app's real stylesheet (the test page has none).
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../static/style.css")));
    document().head().unwrap().append_child(&style).unwrap();
    let root = mount_app().await;
    // A stage taller than the window: the page scrolls.
    let spacer = document().create_element("div").unwrap();
    spacer.set_attribute("style", "height:3000px").unwrap();
    root.append_child(&spacer).unwrap();
    for _ in 0..12 {
        click_testid(&root, "step").await;
    }
    click_testid(&root, "step").await;
    next_frame().await;
    next_frame().await;
    let layer = by_testid(&root, "records-layer");
    let canvas: web_sys::HtmlCanvasElement = layer.clone().dyn_into().unwrap();
    let drawn: usize = layer.get_attribute("data-in-flight").unwrap().parse().unwrap();
    assert!(drawn > 0, "records of the last step are in flight");
    let window = web_sys::window().unwrap();
    let (vw, vh) = (window.inner_width().unwrap().as_f64().unwrap(), window.inner_height().unwrap().as_f64().unwrap());
    let stage = root.query_selector(".stage__inner").unwrap().unwrap();
    let (sx0, sy0, sx1, sy1) = client_rect(&stage);
    let (cx0, cy0, cx1, cy1) = client_rect(&layer);
    // Inside the stage, no larger than the window plus the margin on each side.
    assert!(
        cx0 >= sx0 - 0.5 && cy0 >= sy0 - 0.5 && cx1 <= sx1 + 0.5 && cy1 <= sy1 + 0.5,
        "inside the stage: canvas {:?}, stage {:?}",
        (cx0, cy0, cx1, cy1),
        (sx0, sy0, sx1, sy1)
    );
    assert!(cx1 - cx0 <= vw + 2.0 * 64.0 + 1.0 && cy1 - cy0 <= vh + 2.0 * 64.0 + 1.0, "about the window's size");
    // The backing store matches the box (times the pixel ratio): no full-stage bitmap.
    let ratio = window.device_pixel_ratio().clamp(1.0, 2.0);
    assert!((f64::from(canvas.width()) - (cx1 - cx0) * ratio).abs() <= ratio + 0.5);
    // Everything on screen of the stage is covered.
    assert!(cy0 <= sy0.max(0.0) + 0.5 && cy1 >= sy1.min(vh) - 0.5, "covers the visible rows");

    // Scroll the page until half the stage is above the window (more than the
    // 64 px margin) and half is on screen: the canvas moves with the visible part.
    let before = cy0 - sy0;
    let stage_height = sy1 - sy0;
    assert!(stage_height > 4.0 * 64.0, "the stage is tall enough to scroll past the margin: {stage_height} px");
    window.scroll_to_with_x_and_y(0.0, window.scroll_y().unwrap() + sy0 + stage_height / 2.0);
    next_frame().await;
    next_frame().await;
    let (sx0, sy0, _, sy1) = client_rect(&stage);
    let (cx0, cy0, _, _) = client_rect(&layer);
    assert!(sy0 < -64.0 && sy1 > 0.0, "the stage's top is off screen, its bottom on screen: {sy0}..{sy1}");
    assert!(cy0 - sy0 > before, "the canvas moved down the stage: {} → {}", before, cy0 - sy0);
    assert!(cx0 >= sx0 - 0.5);
    window.scroll_to_with_x_and_y(0.0, 0.0);
    root.remove();
    style.remove();
}

#[wasm_bindgen_test]
async fn killing_a_broker_by_clicking_takes_its_replicas_offline_and_logs_it() {
    let root = mount_app().await;
    click_testid(&root, "broker-1").await;
    click_testid(&root, "action-kill-broker").await;
    assert!(by_testid(&root, "broker-1").class_name_contains("broker--down"));
    // Every replica on broker 1 is drawn as offline at once.
    let on_b1 = root.query_selector_all("[data-testid^=\"replica-\"][data-testid$=\"-1\"]").unwrap();
    assert_eq!(on_b1.length(), 3);
    for i in 0..on_b1.length() {
        let el: web_sys::Element = on_b1.item(i).unwrap().dyn_into().unwrap();
        assert!(el.class_name_contains("replica--offline"), "{}", el.get_attribute("data-testid").unwrap());
    }
    // The controller fences it after broker.session.timeout.ms (3 s in this preset).
    for _ in 0..35 {
        click_testid(&root, "step").await;
    }
    click_testid(&root, "tab-events").await;
    let log = by_testid(&root, "event-log");
    assert!(log.query_selector("[data-kind=\"broker_crashed\"]").unwrap().is_some(), "crash logged");
    assert!(log.query_selector("[data-kind=\"leader_elected\"]").unwrap().is_some(), "a new leader was elected");
    root.remove();
}

#[wasm_bindgen_test]
async fn replication_factor_larger_than_brokers_shows_the_validation_message() {
    let root = mount_app().await;
    click_testid(&root, "tab-config").await;
    type_into(&root, "config-topics-0-replication_factor", "4").await;
    let error = text_of(&root, "config-error");
    assert!(error.contains("replication factor 4 is larger than the 3 brokers"), "{error}");
    let apply: web_sys::HtmlButtonElement = by_testid(&root, "config-apply").dyn_into().unwrap();
    assert!(apply.disabled(), "an invalid config cannot be applied");
    type_into(&root, "config-topics-0-replication_factor", "2").await;
    assert!(!by_testid(&root, "config-apply").dyn_into::<web_sys::HtmlButtonElement>().unwrap().disabled());
    root.remove();
}

#[wasm_bindgen_test]
async fn language_switch_changes_labels() {
    let root = mount_app().await;
    assert_eq!(text_of(&root, "app-title"), "Kafka Visualiser");
    assert!(text_of(&root, "broker-1").contains("Broker 1"));
    click_testid(&root, "lang-switch").await;
    assert_eq!(text_of(&root, "app-title"), "카프카 시각화 도구");
    assert!(text_of(&root, "broker-1").contains("브로커 1"), "{}", text_of(&root, "broker-1"));
    assert!(text_of(&root, "step").contains("한 단계"));
    click_testid(&root, "lang-switch").await;
    assert_eq!(text_of(&root, "app-title"), "Kafka Visualiser");
    root.remove();
}

/// The Burrow status on a group's chip (OK, WARN or ERR).
fn group_status(root: &web_sys::Element, group: &str) -> String {
    let chip = by_testid(root, &format!("burrow-status-{group}"));
    chip.query_selector(".lag-chip__status").unwrap().expect("a status in the chip").text_content().unwrap_or_default()
}

/// The Burrow status of each `orders` partition of the chosen group.
fn partition_statuses(root: &web_sys::Element) -> Vec<String> {
    (0..3).map(|p| text_of(root, &format!("burrow-part-status-orders-{p}"))).collect()
}

/// The numbers in one column of the lag table (`-` is skipped).
fn lag_column(root: &web_sys::Element, col: &str) -> Vec<u64> {
    let cells = by_testid(root, "lag-table").query_selector_all(&format!("td[data-col=\"{col}\"]")).unwrap();
    (0..cells.length())
        .filter_map(|i| cells.item(i)?.text_content())
        .filter_map(|t| t.trim().parse::<u64>().ok())
        .collect()
}

#[wasm_bindgen_test]
async fn lag_tab_table_and_burrow_status_follow_the_simulation() {
    let root = mount_app().await;
    click_testid(&root, "tab-lag").await;
    assert_eq!(count_testids(&root, "lag-table"), 1, "one table, for the chosen group");
    assert_eq!(count_testids(&root, "burrow-status-"), 2, "a status per group");
    let headers = by_testid(&root, "lag-table").query_selector("thead").unwrap().unwrap().text_content().unwrap();
    for h in ["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID"] {
        assert!(headers.contains(h), "{h} in {headers}");
    }
    assert_eq!(lag_column(&root, "log-end-offset").iter().sum::<u64>(), 0);
    for _ in 0..15 {
        click_testid(&root, "step").await;
    }
    let leo_15: u64 = lag_column(&root, "log-end-offset").iter().sum();
    for _ in 0..15 {
        click_testid(&root, "step").await;
    }
    let leo_30: u64 = lag_column(&root, "log-end-offset").iter().sum();
    assert!(leo_30 > leo_15 && leo_15 > 0, "LOG-END-OFFSET grows: {leo_15} then {leo_30}");
    assert_eq!(lag_column(&root, "log-end-offset").len(), 3, "a row per partition");
    // auto.commit.interval.ms is 5000 in this preset: nothing is committed at 3 s…
    assert!(lag_column(&root, "current-offset").is_empty(), "CURRENT-OFFSET is - before the first commit");
    // No commit yet, so nothing for Burrow to judge: every partition is OK.
    assert_eq!(group_status(&root, "billing"), "OK");
    assert_eq!(count_testids(&root, "burrow-part-status-orders-"), 3);
    assert_eq!(partition_statuses(&root), ["OK", "OK", "OK"]);
    // The lag chart has a sample per simulated second; tapping it picks one.
    let chart = by_testid(&root, "lag-chart-total");
    assert!(text_of(&root, "lag-readout").contains("t = 3 s"), "{}", text_of(&root, "lag-readout"));
    let rect = js_sys::Reflect::get(&chart, &"getBoundingClientRect".into())
        .unwrap()
        .dyn_into::<js_sys::Function>()
        .unwrap()
        .call0(&chart)
        .unwrap();
    let left = js_sys::Reflect::get(&rect, &"left".into()).unwrap().as_f64().unwrap();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x((left + 2.0) as i32);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    chart.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
    let readout = text_of(&root, "lag-readout");
    assert!(readout.contains("selected") && readout.contains("t = 1 s"), "{readout}");
    click_testid(&root, "lag-show-latest").await;
    assert!(text_of(&root, "lag-readout").contains("newest"));
    // …and is at 6 s.
    for _ in 0..30 {
        click_testid(&root, "step").await;
    }
    assert_eq!(lag_column(&root, "current-offset").len(), 3, "committed at 5 s");
    assert!(lag_column(&root, "log-end-offset").iter().sum::<u64>() > leo_30);
    // One commit per partition (at 5 s) and lag behind it: a window whose offsets
    // never changed while lag remains is STALL (Burrow's checkIfOffsetsStalled,
    // which a one-commit window passes), and a STALL partition makes the group ERR.
    assert_eq!(partition_statuses(&root), ["STALL", "STALL", "STALL"]);
    assert_eq!(group_status(&root, "billing"), "ERR");
    assert_eq!(group_status(&root, "analytics"), "ERR");
    // The other group's chip switches the table to it.
    click_testid(&root, "burrow-status-analytics").await;
    let group_cell = by_testid(&root, "lag-table").query_selector("tbody td").unwrap().unwrap();
    assert_eq!(group_cell.text_content().unwrap(), "analytics");
    assert_eq!(count_testids(&root, "lag-table"), 1);
    root.remove();
}

/// The Lag tab's STOP button opens chapter 6 just before its consumer's
/// partitions turn STOP: the learner predicts, the step plays, Burrow agrees.
#[wasm_bindgen_test]
async fn the_lag_tabs_stop_situation_is_chapter_6_of_the_course() {
    let root = mount_app().await;
    click_testid(&root, "tab-lag").await;
    click_testid(&root, "burrow-lesson-stop").await;
    let lesson = by_testid(&root, "lesson");
    assert_eq!(lesson.get_attribute("data-lesson").as_deref(), Some("ch6"));
    assert_eq!(lesson.get_attribute("data-step").as_deref(), Some("3"));
    assert_eq!(count_testids(&root, "burrow-status-"), 1, "the lesson has one group");
    assert_ne!(text_of(&root, "burrow-part-status-orders-0"), "STOP", "not yet");
    let stop = (1..=4).find(|k| text_of(&root, &format!("lesson-choice-{k}")).contains("STOP")).unwrap();
    click_testid(&root, &format!("lesson-choice-{stop}")).await;
    click_testid(&root, "lesson-skip").await;
    assert_eq!(by_testid(&root, "lesson-verdict").get_attribute("data-correct").as_deref(), Some("true"));
    assert_eq!(text_of(&root, "burrow-part-status-orders-0"), "STOP");
    let why = text_of(&root, "burrow-part-why-orders-0");
    assert!(why.contains("stopped committing"), "{why}");
    assert!(text_of(&root, "burrow-status-billing").contains("ERR"));
    root.remove();
}

fn lesson_attr(root: &web_sys::Element, name: &str) -> String {
    by_testid(root, "lesson").get_attribute(name).unwrap_or_default()
}

/// Chapter 2 walked with the mouse from the lesson list: every question is
/// answered, every step plays to its reveal, Back restores the step before.
#[wasm_bindgen_test]
async fn chapter_2_walked_by_mouse() {
    let root = mount_app().await;
    click_testid(&root, "tab-course").await;
    click_testid(&root, "lesson-open-ch2").await;
    let steps: u32 = lesson_attr(&root, "data-steps").parse().unwrap();
    assert!(steps >= 5);
    let mut answered = 0;
    for k in 1..=steps {
        assert_eq!(lesson_attr(&root, "data-step"), k.to_string());
        assert!(!text_of(&root, "lesson-narration").contains('{'), "step {k}: an unfilled slot");
        if count_testids(&root, "lesson-choice-") > 0 {
            click_testid(&root, "lesson-choice-1").await;
            answered += 1;
        } else {
            click_testid(&root, "lesson-play").await;
        }
        click_testid(&root, "lesson-skip").await;
        assert_eq!(lesson_attr(&root, "data-phase"), "revealed", "step {k}");
        assert!(!text_of(&root, "lesson-reveal").contains('{'), "step {k}");
        if k == 2 {
            // Back restores step 1 exactly, then on to step 2 again.
            let t2 = text_of(&root, "sim-time");
            click_testid(&root, "lesson-back").await;
            assert_eq!(lesson_attr(&root, "data-step"), "1");
            click_testid(&root, "lesson-next").await;
            assert_eq!(lesson_attr(&root, "data-step"), "2");
            click_testid(&root, "lesson-choice-1").await;
            click_testid(&root, "lesson-skip").await;
            assert_eq!(text_of(&root, "sim-time"), t2, "the same step reaches the same time");
        }
        if k < steps {
            click_testid(&root, "lesson-next").await;
        }
    }
    assert!(answered >= 2);
    // The course tab counts the chapter's steps as done.
    click_testid(&root, "tab-course").await;
    let progress = by_testid(&root, "lesson-picker").text_content().unwrap();
    assert!(progress.contains(&format!("{steps}/{steps}")), "{progress}");
    root.remove();
}

async fn key(k: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}

/// Chapter 4 walked with the keyboard: digits answer, Enter plays or finishes
/// a step and goes on after the reveal, ← goes back.
#[wasm_bindgen_test]
async fn chapter_4_walked_by_keyboard() {
    let root = mount_app().await;
    click_testid(&root, "tab-course").await;
    click_testid(&root, "lesson-open-ch4").await;
    let steps: u32 = lesson_attr(&root, "data-steps").parse().unwrap();
    for k in 1..=steps {
        assert_eq!(lesson_attr(&root, "data-step"), k.to_string());
        if lesson_attr(&root, "data-phase") == "asking" {
            key("2").await;
            assert_eq!(by_testid(&root, "lesson-choice-2").get_attribute("aria-pressed").as_deref(), Some("true"));
        }
        key("Enter").await; // play (or finish the playing step)
        if lesson_attr(&root, "data-phase") != "revealed" {
            key("Enter").await;
        }
        assert_eq!(lesson_attr(&root, "data-phase"), "revealed", "step {k}");
        if k < steps {
            key("Enter").await;
        }
    }
    key("ArrowLeft").await;
    assert_eq!(lesson_attr(&root, "data-step"), (steps - 1).to_string());
    key("ArrowRight").await;
    assert_eq!(lesson_attr(&root, "data-step"), steps.to_string());
    root.remove();
}

trait ClassExt {
    fn class_name_contains(&self, class: &str) -> bool;
}

impl ClassExt for web_sys::Element {
    fn class_name_contains(&self, class: &str) -> bool {
        self.get_attribute("class").unwrap_or_default().split_whitespace().any(|c| c == class)
    }
}

/// A textarea's or input's `value` (no web-sys feature needed for textareas).
fn value_of(el: &web_sys::Element) -> String {
    js_sys::Reflect::get(el, &"value".into()).unwrap().as_string().unwrap_or_default()
}

/// The config panel exports the run as a `kafka-sim run` scenario (seed and
/// commands with their times, offered as a download) and refuses a broken
/// paste with the CLI's message, keeping the run.
#[wasm_bindgen_test]
async fn scenario_export_and_a_refused_import() {
    let root = mount_app().await;
    for _ in 0..3 {
        click_testid(&root, "step").await;
    }
    click_testid(&root, "add-consumer").await;
    for _ in 0..2 {
        click_testid(&root, "step").await;
    }
    click_testid(&root, "tab-config").await;
    assert_eq!(value_of(&by_testid(&root, "scenario-json")), "");
    click_testid(&root, "export-scenario").await;
    let area = by_testid(&root, "scenario-json");
    let json = value_of(&area);
    assert!(json.contains("\"seed\": "), "{json}");
    assert!(json.contains("\"at_ms\": 300") && json.contains("\"do\": \"add_consumer\""), "{json}");
    assert!(json.contains("\"duration_ms\": 500"), "{json}");
    let link = by_testid(&root, "download-scenario");
    assert_eq!(link.get_attribute("download").as_deref(), Some("scenario.json"));
    assert!(link.get_attribute("href").unwrap().starts_with("data:application/json;charset=utf-8,%7B"));
    // A broken paste: the CLI's message, and the run stays where it was.
    js_sys::Reflect::set(&area, &"value".into(), &"{\"seed\": 1,".into()).unwrap();
    click_testid(&root, "import-scenario").await;
    let error = text_of(&root, "scenario-error");
    assert!(error.contains("scenario.json: invalid JSON: EOF while parsing"), "{error}");
    assert_eq!(value_of(&by_testid(&root, "scenario-json")), "{\"seed\": 1,", "the text stays to be fixed");
    assert!(text_of(&root, "sim-time").contains("0.5 s"), "{}", text_of(&root, "sim-time"));
    // A valid one replays to its moment.
    js_sys::Reflect::set(&by_testid(&root, "scenario-json"), &"value".into(), &json.into()).unwrap();
    click_testid(&root, "import-scenario").await;
    assert!(root.query_selector("[data-testid=\"scenario-error\"]").unwrap().is_none());
    assert!(text_of(&root, "sim-time").contains("0.5 s"), "{}", text_of(&root, "sim-time"));
    root.remove();
}

/// Chapter 1's diagram on screen: point to point a line per source and target
/// pair, through Kafka a line per system; the count shown is the lines drawn;
/// the live steps show the cluster again.
#[wasm_bindgen_test]
async fn chapter_1_draws_sources_times_targets_then_sources_plus_targets() {
    let root = mount_app().await;
    click_testid(&root, "tab-course").await;
    click_testid(&root, "lesson-open-ch1").await;
    let count = |sel: &str| root.query_selector_all(sel).unwrap().length();
    let pipes = || count("[data-testid=\"pipe\"]");
    let shown = || by_testid(&root, "pipelines").get_attribute("data-links").unwrap_or_default();
    assert!(pipes() > 0);
    assert_eq!(pipes(), count(".sys--source") * count(".sys--target"));
    assert_eq!(shown(), pipes().to_string());
    assert!(text_of(&root, "pipes-count").contains(&shown()));
    for k in 1..=4 {
        if count_testids(&root, "lesson-choice-") > 0 {
            click_testid(&root, "lesson-choice-1").await;
        } else {
            click_testid(&root, "lesson-play").await;
        }
        click_testid(&root, "lesson-skip").await;
        if k < 4 {
            click_testid(&root, "lesson-next").await;
        }
    }
    // Step 4 has played: through Kafka.
    by_testid(&root, "pipes-hub");
    assert_eq!(pipes(), count(".sys--source") + count(".sys--target"));
    assert_eq!(shown(), pipes().to_string());
    click_testid(&root, "lesson-next").await;
    assert!(root.query_selector("[data-testid=\"pipelines\"]").unwrap().is_none());
    root.remove();
}
