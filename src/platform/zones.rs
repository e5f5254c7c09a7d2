//! Time zone offsets and names from the browser's own tz database (`Intl`),
//! so that the app carries no zone data of its own. `domain::zone` builds its
//! tables from [`offset`]; `install` hands it over once at start.
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
const formats = new Map();
function format(zone) {
  let f = formats.get(zone);
  if (f === undefined) {
    f = null;
    // IANA names only ("Asia/Shanghai", "UTC"): not the offsets ("+05:00") newer Intl accepts.
    if (/^[A-Za-z][A-Za-z0-9_+\-\/]*$/.test(zone)) try {
      const made = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric',
        day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
      const resolved = made.resolvedOptions().timeZone;
      // Names are case-sensitive, as in the tz database (Intl is not).
      if (resolved === zone || resolved.toLowerCase() !== zone.toLowerCase()) f = made;
    } catch (_) {}
    formats.set(zone, f);
  }
  return f;
}
export function zone_offset(zone, secs) {
  const f = format(zone);
  if (f === null) return NaN;
  const ms = Math.max(-8.64e15, Math.min(8.64e15, secs * 1000));
  const p = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  let year = Number(p.year);
  if (p.era === 'BC' || p.era === 'B') year = 1 - year;
  const d = new Date(0);
  d.setUTCFullYear(year, Number(p.month) - 1, Number(p.day));
  d.setUTCHours(Number(p.hour), Number(p.minute), Number(p.second), 0);
  return Math.round((d.getTime() - Math.floor(ms / 1000) * 1000) / 1000);
}
export function zone_names() {
  try { return Intl.supportedValuesOf('timeZone').join('\n'); } catch (_) { return ''; }
}
"#)]
extern "C" {
    fn zone_offset(zone: &str, secs: f64) -> f64;
    fn zone_names() -> String;
}

/// Seconds east of UTC in `zone` at `secs` after 1970; none for an unknown zone.
pub fn offset(zone: &str, secs: i64) -> Option<i32> {
    let v = zone_offset(zone, secs as f64);
    v.is_finite().then_some(v as i32)
}

/// The zone names the browser knows, for choosing one.
pub fn names() -> Vec<String> {
    zone_names().lines().map(str::to_string).collect()
}

/// Makes the calendar take its zone offsets from the browser.
pub fn install() {
    crate::domain::zone::set_offset_source(Some(offset));
}
