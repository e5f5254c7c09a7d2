//! One module per route, plus the first-run and recovery screens.
pub mod dashboard;
pub mod data;
pub mod detail;
pub mod new_request;
pub mod requests;
pub mod settings;
pub mod welcome;
