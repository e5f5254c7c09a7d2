//! Baton: a browser-only workspace for front-line teams. See ARCHITECTURE.md.
pub mod domain;
pub mod persist;
