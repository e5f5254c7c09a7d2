//! Persistence and files: the snapshot format (pure), CSV import (pure), and
//! the one browser-storage adapter (wasm only).
pub mod csv_import;
pub mod holidays;
#[cfg(target_arch = "wasm32")]
pub mod idb;
pub mod snapshot;
