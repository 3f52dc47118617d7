fn main() {
    kafka_visualiser::panic_overlay::install();
    yew::Renderer::<kafka_visualiser::App>::new().render();
}
