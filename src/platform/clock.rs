//! The one place the app reads the time. Everything else receives `now` from
//! here, so the clock can run at a chosen time and speed: for training and
//! workshops (Settings → Clock), for end-to-end tests, and later for the
//! facilitator mode.
//!
//! Simulated time is `start + (real now − set at) × speed`. It is kept in
//! localStorage (`baton.clock`), so it survives a reload and holds for
//! every tab of this browser, and can be set from the address:
//! `?clock=2026-11-02T09:00:00Z&speed=60` (speed optional, default 1);
//! `?clock=real` goes back to the real time.
use std::cell::Cell;

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::Timestamp;

const KEY: &str = "baton.clock";

/// A simulated clock: at real time `set_at_ms` it read `start_ms`, and it
/// runs `speed` times as fast as real time.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Simulation {
    pub set_at_ms: f64,
    pub start_ms: f64,
    pub speed: f64,
}

thread_local! {
    static SIMULATION: Cell<Option<Simulation>> = Cell::new(load());
}

fn load() -> Option<Simulation> {
    use gloo_storage::{LocalStorage, Storage};
    from_address().unwrap_or_else(|| LocalStorage::get::<Simulation>(KEY).ok())
}

/// The simulation asked for in the address, if any: `Some(None)` for
/// `?clock=real`. Stored, so that navigating on keeps it.
fn from_address() -> Option<Option<Simulation>> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let clock = params.get("clock")?;
    let sim = if clock == "real" {
        None
    } else {
        let start = DateTime::parse_from_rfc3339(&clock).ok()?.with_timezone(&Utc);
        let speed = params.get("speed").and_then(|s| s.parse::<f64>().ok()).filter(|s| s.is_finite() && *s > 0.0);
        Some(Simulation {
            set_at_ms: js_sys::Date::now(),
            start_ms: start.timestamp_millis() as f64,
            speed: speed.unwrap_or(1.0),
        })
    };
    store(sim);
    Some(sim)
}

fn store(sim: Option<Simulation>) {
    use gloo_storage::{LocalStorage, Storage};
    match sim {
        Some(s) => {
            let _ = LocalStorage::set(KEY, s);
        }
        None => LocalStorage::delete(KEY),
    }
}

/// The app's current time: real, or simulated when a simulation is set.
pub fn now() -> Timestamp {
    // The simulation first: reading it the first time sets its start to now.
    let sim = SIMULATION.with(Cell::get);
    let real = js_sys::Date::now();
    let ms = match sim {
        Some(s) => s.start_ms + (real - s.set_at_ms) * s.speed,
        None => real,
    };
    Utc.timestamp_millis_opt(ms as i64).single().unwrap_or_default()
}

/// The simulation in force, if any.
pub fn simulation() -> Option<Simulation> {
    SIMULATION.with(Cell::get)
}

/// Runs the clock from `start` at `speed` (1 = real pace), or goes back to
/// real time with `None`.
pub fn simulate(run: Option<(Timestamp, f64)>) {
    let sim = run.map(|(start, speed)| Simulation {
        set_at_ms: js_sys::Date::now(),
        start_ms: start.timestamp_millis() as f64,
        speed: if speed.is_finite() && speed > 0.0 { speed } else { 1.0 },
    });
    SIMULATION.with(|c| c.set(sim));
    store(sim);
}

/// Milliseconds from the performance clock, for measuring durations.
pub fn perf_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_else(js_sys::Date::now)
}

/// The browser's IANA time zone, e.g. "Asia/Shanghai".
pub fn browser_time_zone() -> String {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new()).resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into()).ok().and_then(|v| v.as_string()).unwrap_or_else(|| "UTC".into())
}

/// Minutes to add to UTC to get the browser's local time at `at`.
pub fn local_offset_minutes(at: Timestamp) -> i32 {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    -(date.get_timezone_offset() as i32)
}
