//! One module per route, plus the first-run and recovery screens.
pub mod alerts;
pub mod board;
pub mod board_request;
pub mod board_settings;
pub mod board_task;
pub mod dashboard;
pub mod data;
pub mod detail;
pub mod detail_work;
pub mod mine;
pub mod new_request;
pub mod requests;
pub mod responsibility;
pub mod routing;
pub mod settings;
pub mod sla;
pub mod welcome;
