//! One module per route, plus the first-run and recovery screens.
pub mod alerts;
pub mod dashboard;
pub mod data;
pub mod detail;
pub mod detail_work;
pub mod lazy;
pub mod maturity;
pub mod maturity_model;
pub mod maturity_round;
pub mod mine;
pub mod new_request;
pub mod requests;
pub mod responsibility;
pub mod routing;
pub mod settings;
pub mod sla;
pub mod welcome;
