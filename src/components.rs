//! Yew function components, one concept per module.

pub mod app;
pub mod header;
pub mod topology;
