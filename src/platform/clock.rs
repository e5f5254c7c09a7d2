//! The one place the app reads the time. Everything else receives `now` from
//! here, so a test can move the clock with Playwright's `page.clock` (which
//! replaces `Date`) and the facilitator mode can later run simulated time by
//! changing only this function.
use chrono::{TimeZone, Utc};

use crate::domain::Timestamp;

pub fn now() -> Timestamp {
    let ms = js_sys::Date::now() as i64;
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
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
