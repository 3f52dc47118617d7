//! What every browser test needs: mount the app, click like a user would.
#![allow(dead_code)] // each test file uses its own subset

use wasm_bindgen::JsCast;

/// The one element under `root` that matches `selector` (the test fails when none does).
pub fn one(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Every element under `root` that matches `selector`, in document order.
pub fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().dyn_into().unwrap()).collect()
}

pub fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser document")
}

/// The app mounted in a fresh element of the test page.
pub async fn mount_app() -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<kafka_visualiser::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

/// A bubbling click, which works on SVG elements too.
pub async fn click(el: &web_sys::Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}
