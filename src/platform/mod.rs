//! Thin wrappers over browser APIs (clock, ids, files, preferences, storage
//! quota, cross-tab messages, timers). Only this module and `persist::idb`
//! talk to the browser; everything here is wasm-only at run time.
pub mod channel;
pub mod clock;
pub mod files;
pub mod ids;
pub mod prefs;
pub mod quota;
pub mod timer;
pub mod zones;
