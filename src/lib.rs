//! The Kafka visualiser app: Yew components that render the `kafka-sim` view.
//! No Kafka rule lives here; the app draws `Cluster::view()` and turns clicks
//! into commands.

pub mod broker_stats;
pub mod chart;
pub mod compare_mode;
pub mod components;
pub mod config_draft;
pub mod flights;
pub mod hooks;
pub mod host;
pub mod i18n;
pub mod layout;
pub mod lesson_view;
pub mod palette;
pub mod panic_overlay;
pub mod presets;
pub mod reset_form;
pub mod state;
pub mod travel;
pub mod ui;
pub mod url;

pub use components::app::App;
