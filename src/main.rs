fn main() {
    yew::Renderer::<kafka_visualiser::App>::new().render();
}
