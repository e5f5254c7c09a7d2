//! Translations, generated at build time from `locales/<lang>/<namespace>.json`
//! (see build.rs): a key missing from one language fails the build.
#![allow(missing_docs, clippy::all)]
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));
