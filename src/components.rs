//! Yew function components, one concept per module.

pub mod app;
pub mod broker_panel;
pub mod compare_view;
pub mod config_panel;
pub mod controls;
pub mod course_host;
pub mod event_log;
pub mod header;
pub mod help;
pub mod inspector;
pub mod lag_panel;
pub mod legend;
pub mod lesson_panel;
pub mod nodes;
pub mod pipelines;
pub mod records_layer;
pub mod timeline;
pub mod topology;
pub mod welcome;
