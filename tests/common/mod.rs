//! What every browser test needs: mount the app, click like a user would.
#![allow(dead_code)] // each test file uses its own subset

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
