//! Generates the typed translation module from `locales/<lang>/<namespace>.json`.
//! Keys are checked at compile time: a key missing from one language fails the build.
use std::path::PathBuf;

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    // The interface (and so the translations) is compiled for the web build only.
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() != Ok("wasm32") {
        return Ok(());
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    let cfg = Config::new("en")?
        .add_locale("zh")?
        .add_namespaces([
            "common",
            "requests",
            "detail",
            "dashboard",
            "data",
            "settings",
            "routing",
            "sla",
            "responsibility",
            "alerts",
            "maturity",
            "handoff",
            "board",
        ])?
        // Messages with values ("{{ count }} changes …") are also needed as plain strings.
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
