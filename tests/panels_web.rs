//! Real-browser checks of the inspector's and the event log's markup, which is
//! built by the shared node builders (`components/nodes.rs`) rather than one
//! `html!` per element: every section keeps its tables, rows and buttons.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::{all, click, mount_app, one};

async fn click_on(root: &web_sys::Element, selector: &str) {
    click(&one(root, selector)).await;
}

#[wasm_bindgen_test]
async fn inspector_sections_keep_their_tables_and_actions() {
    let root = mount_app().await;
    for _ in 0..30 {
        click_on(&root, "[data-testid=step]").await;
    }
    // A broker: its four facts (alive, fenced, slowdown, isolated), the
    // partitions it hosts, six actions each described by its help text.
    click_on(&root, "[data-testid=broker-1]").await;
    let broker = one(&root, "[data-testid=inspector-broker]");
    assert_eq!(all(&broker, "dl.insp__facts > dt").len(), 4);
    assert_eq!(all(&broker, ".insp__table tbody tr").len(), 3, "broker 1 hosts a replica of each partition");
    let actions = all(&broker, ".insp__action button.insp__button");
    assert_eq!(actions.len(), 6);
    for b in &actions {
        let help = b.get_attribute("aria-describedby").expect("described by its help");
        assert!(root.query_selector(&format!("#{help}")).unwrap().is_some(), "{help}");
    }
    // A partition, reached through the broker's table: three replicas, record links.
    click_on(&broker, ".insp__table .insp__link").await;
    let partition = one(&root, "[data-testid=inspector-partition]");
    assert_eq!(all(&partition, "dl.insp__facts > dd").len(), 7);
    assert_eq!(all(&partition, ".insp__scroll")[0].query_selector_all("tbody tr").unwrap().length(), 3);
    assert!(!all(&partition, ".insp__chips li .insp__link").is_empty(), "records to inspect");
    // A producer: the six ledger rows and the acks buttons, exactly one pressed.
    click_on(&root, "[data-testid=producer-p1]").await;
    let producer = one(&root, "[data-testid=inspector-producer]");
    assert_eq!(all(&producer, "[data-testid=inspector-ledger] tr[data-ledger]").len(), 6);
    let pressed = all(&producer, ".insp__segmented button[aria-pressed=true]");
    assert_eq!(pressed.len(), 1);
    click_on(&producer, "[data-testid=action-acks-0]").await;
    let pressed = all(&root, ".insp__segmented button[aria-pressed=true]");
    assert_eq!(pressed[0].get_attribute("data-testid").as_deref(), Some("action-acks-0"));
    // The clear button empties the inspector.
    click_on(&root, "[data-testid=inspector-clear]").await;
    assert!(root.query_selector("[data-testid=inspector-hint]").unwrap().is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn event_log_rows_select_and_chips_filter() {
    let root = mount_app().await;
    for _ in 0..30 {
        click_on(&root, "[data-testid=step]").await;
    }
    click_on(&root, "[data-testid=tab-events]").await;
    let chips = all(&root, ".event-log__filters button");
    assert_eq!(chips.len(), 6);
    click_on(&root, "[data-testid=event-filter-data]").await;
    assert_eq!(one(&root, "[data-testid=event-filter-data]").get_attribute("aria-pressed").as_deref(), Some("true"));
    // Record-level rows are buttons that open the record in the inspector.
    let row = one(&root, ".event-log__item[data-kind=produced]");
    assert!(row.class_list().contains("event-log__item--info"));
    assert_eq!(one(&row, ".event-log__row").tag_name(), "BUTTON");
    click(&row).await;
    assert!(root.query_selector("[data-testid=inspector-record]").unwrap().is_some(), "the record is inspected");
    root.remove();
}
