//! Persistence and files: the snapshot format (pure), CSV import (pure), and
//! the one browser-storage adapter (wasm only).
pub mod csv_import;
pub mod holidays;
#[cfg(target_arch = "wasm32")]
pub mod idb;
pub mod json_read;
pub mod markup;
pub mod maturity_atos;
pub mod maturity_forms;
pub mod maturity_model;
pub mod snapshot;
