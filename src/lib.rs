//! Baton: a browser-only workspace for front-line teams. See ARCHITECTURE.md.
//!
//! `domain` and the pure parts of `persist` compile everywhere and are tested
//! natively; the browser shell (`platform`, `persist::idb`, `state`, `i18n`,
//! `app`, `pages`, `components`) is compiled for the web build only.
pub mod domain;
pub mod persist;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod state;
