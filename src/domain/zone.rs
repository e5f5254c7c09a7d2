//! IANA time zones: the UTC offset of a zone at any instant, and the UTC
//! instant of a local wall-clock time.
//!
//! Two sources of offsets, with the same answers:
//! - natively (tests, tools) the tz database compiled in by chrono-tz;
//! - in the browser, the browser's own tz database, which the shell offers
//!   through [`set_offset_source`] as a plain function: "the offset of zone Z
//!   at instant T". From it this module builds, once per zone and year, the
//!   table of that year's offset changes (a probe a day, then bisection to the
//!   second), and answers every question from those tables. The browser build
//!   thus carries no zone data of its own.
//!
//! [`Zone`] is a small copyable handle, like chrono-tz's `Tz`.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use chrono::{DateTime, LocalResult, NaiveDateTime};

use super::Timestamp;

/// The offset (seconds east of UTC) of `zone` at the instant `utc_seconds`
/// (seconds since 1970-01-01 UTC); none when the zone is unknown.
pub type OffsetSource = fn(zone: &str, utc_seconds: i64) -> Option<i32>;

/// Offsets are tabulated in blocks of this many seconds (365 days).
const BLOCK: i64 = 365 * 86_400;
/// Offsets are probed once a day, then changes are bisected to the second.
const PROBE_STEP: i64 = 86_400;

/// A time zone, found by its IANA name with [`Zone::named`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone(Kind);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    #[cfg(not(target_arch = "wasm32"))]
    Compiled(chrono_tz::Tz),
    /// Index into this thread's tables.
    Table(usize),
}

/// The offset changes of one block: the offset at its start, then each change
/// (instant, new offset) inside it, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    start_offset: i32,
    changes: Vec<(i64, i32)>,
}

struct Table {
    name: String,
    source: OffsetSource,
    blocks: BTreeMap<i64, Block>,
}

thread_local! {
    static SOURCE: Cell<Option<OffsetSource>> = const { Cell::new(None) };
    static TABLES: RefCell<Vec<Table>> = const { RefCell::new(Vec::new()) };
}

/// Makes every zone found from now on (on this thread) take its offsets from
/// `source`. The browser shell calls it once at start; without it zones come
/// from the compiled tz database (natively) or are unknown (in the browser).
pub fn set_offset_source(source: Option<OffsetSource>) {
    SOURCE.with(|s| s.set(source));
    TABLES.with(|t| t.borrow_mut().clear());
}

impl Zone {
    /// The zone of an IANA name ("Asia/Shanghai"); none when unknown.
    pub fn named(name: &str) -> Option<Zone> {
        if let Some(source) = SOURCE.with(Cell::get) {
            return table_zone(name, source);
        }
        #[cfg(not(target_arch = "wasm32"))]
        {
            name.parse::<chrono_tz::Tz>().ok().map(|tz| Zone(Kind::Compiled(tz)))
        }
        #[cfg(target_arch = "wasm32")]
        {
            None
        }
    }

    /// Seconds east of UTC at the instant `at`.
    pub fn offset_at(self, at: Timestamp) -> i32 {
        match self.0 {
            #[cfg(not(target_arch = "wasm32"))]
            Kind::Compiled(tz) => {
                use chrono::{Offset, TimeZone};
                tz.offset_from_utc_datetime(&at.naive_utc()).fix().local_minus_utc()
            }
            Kind::Table(i) => table_offset(i, at.timestamp()),
        }
    }

    /// The local wall-clock time of the instant `at`.
    pub fn local(self, at: Timestamp) -> NaiveDateTime {
        at.naive_utc() + chrono::TimeDelta::seconds(i64::from(self.offset_at(at)))
    }

    /// The instant(s) of a local wall-clock time: none in a gap (spring
    /// forward), two in a repeated hour (fall back), earlier first.
    pub fn instant(self, local: NaiveDateTime) -> LocalResult<Timestamp> {
        match self.0 {
            #[cfg(not(target_arch = "wasm32"))]
            Kind::Compiled(tz) => {
                use chrono::TimeZone;
                tz.from_local_datetime(&local).map(|t| t.with_timezone(&chrono::Utc))
            }
            Kind::Table(_) => {
                // The offsets in force a day before and a day after: a local
                // time maps back to an instant through one of them.
                let naive = local.and_utc().timestamp();
                let before = self.offset_at_secs(naive - 86_400);
                let after = self.offset_at_secs(naive + 86_400);
                let fits = |offset: i32| {
                    let utc = naive - i64::from(offset);
                    (self.offset_at_secs(utc) == offset).then(|| DateTime::from_timestamp(utc, 0)).flatten()
                };
                let (a, b) = (fits(before), if after == before { None } else { fits(after) });
                match (a, b) {
                    (Some(a), Some(b)) => LocalResult::Ambiguous(a.min(b), a.max(b)),
                    (Some(t), None) | (None, Some(t)) => LocalResult::Single(t),
                    (None, None) => LocalResult::None,
                }
            }
        }
    }

    fn offset_at_secs(self, secs: i64) -> i32 {
        match DateTime::from_timestamp(secs, 0) {
            Some(t) => self.offset_at(t),
            None => 0,
        }
    }
}

fn table_zone(name: &str, source: OffsetSource) -> Option<Zone> {
    if let Some(i) = TABLES.with(|t| t.borrow().iter().position(|z| z.name == name)) {
        return Some(Zone(Kind::Table(i)));
    }
    source(name, 0)?;
    TABLES.with(|t| {
        let mut tables = t.borrow_mut();
        tables.push(Table { name: name.to_string(), source, blocks: BTreeMap::new() });
        Some(Zone(Kind::Table(tables.len() - 1)))
    })
}

fn table_offset(index: usize, secs: i64) -> i32 {
    let key = secs.div_euclid(BLOCK);
    let found = TABLES.with(|t| {
        let tables = t.borrow();
        tables.get(index).and_then(|z| z.blocks.get(&key)).map(|b| block_offset(b, secs))
    });
    if let Some(offset) = found {
        return offset;
    }
    // Not tabulated yet: probe this block (outside the borrow: the source is
    // the shell's and may take a moment), then keep it.
    let Some((name, source)) = TABLES.with(|t| t.borrow().get(index).map(|z| (z.name.clone(), z.source))) else {
        return 0;
    };
    let block = probe_block(|s| source(&name, s), key * BLOCK, (key + 1) * BLOCK);
    let offset = block_offset(&block, secs);
    TABLES.with(|t| {
        if let Some(z) = t.borrow_mut().get_mut(index) {
            z.blocks.insert(key, block);
        }
    });
    offset
}

fn block_offset(block: &Block, secs: i64) -> i32 {
    let after = block.changes.partition_point(|&(at, _)| at <= secs);
    if after == 0 {
        block.start_offset
    } else {
        block.changes[after - 1].1
    }
}

/// The offset changes in `[from, to)`: a probe a day, and each difference
/// between two probes bisected to the second at which it happens (again
/// from there, in case two changes fall on one day).
fn probe_block(probe: impl Fn(i64) -> Option<i32>, from: i64, to: i64) -> Block {
    let offset = |s: i64| probe(s).unwrap_or(0);
    let start_offset = offset(from);
    let mut changes = Vec::new();
    let (mut lo, mut current) = (from, start_offset);
    while lo < to - 1 {
        let hi = (lo + PROBE_STEP).min(to - 1);
        if offset(hi) == current {
            lo = hi;
            continue;
        }
        // offset(lo) == current != offset(hi): find the first second that differs.
        let (mut a, mut b) = (lo, hi);
        while b - a > 1 {
            let mid = a + (b - a) / 2;
            if offset(mid) == current {
                a = mid;
            } else {
                b = mid;
            }
        }
        current = offset(b);
        changes.push((b, current));
        lo = b;
    }
    Block { start_offset, changes }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::ts;

    /// The offsets of the compiled tz database, offered the way the browser
    /// shell offers its own.
    pub(crate) fn compiled_source(zone: &str, secs: i64) -> Option<i32> {
        let tz = Zone(Kind::Compiled(zone.parse().ok()?));
        Some(tz.offset_at(DateTime::from_timestamp(secs, 0)?))
    }

    /// Runs `f` with every zone found through tables built by probing.
    pub(crate) fn with_probed_zones<R>(f: impl FnOnce() -> R) -> R {
        set_offset_source(Some(compiled_source));
        let r = f();
        set_offset_source(None);
        r
    }

    #[test]
    fn probed_tables_agree_with_the_tz_database() {
        let zones = ["America/New_York", "Asia/Shanghai", "Europe/London", "Australia/Lord_Howe", "Africa/Casablanca"];
        for name in zones {
            let compiled = Zone::named(name).unwrap();
            let probed = with_probed_zones(|| {
                let z = Zone::named(name).unwrap();
                assert!(matches!(z.0, Kind::Table(_)));
                // Every 5 hours and 7 minutes from 1990 to 2040: offsets and
                // local times agree, and local times map back alike.
                let mut t = ts("1990-01-01T00:00:00Z").timestamp();
                let end = ts("2040-01-01T00:00:00Z").timestamp();
                while t < end {
                    let at = DateTime::from_timestamp(t, 0).unwrap();
                    assert_eq!(z.offset_at(at), compiled.offset_at(at), "{name} at {at}");
                    let local = compiled.local(at);
                    assert_eq!(z.local(at), local, "{name} at {at}");
                    assert_eq!(z.instant(local), compiled.instant(local), "{name}: {local}");
                    t += 5 * 3600 + 7 * 60;
                }
                z
            });
            let _ = probed;
        }
    }

    #[test]
    fn new_york_changes_found_to_the_second() {
        with_probed_zones(|| {
            let ny = Zone::named("America/New_York").unwrap();
            // Sun 8 Mar 2026 02:00 EST = 07:00Z: EST until the second before.
            assert_eq!(ny.offset_at(ts("2026-03-08T06:59:59Z")), -5 * 3600);
            assert_eq!(ny.offset_at(ts("2026-03-08T07:00:00Z")), -4 * 3600);
            // Sun 1 Nov 2026 02:00 EDT = 06:00Z.
            assert_eq!(ny.offset_at(ts("2026-11-01T05:59:59Z")), -4 * 3600);
            assert_eq!(ny.offset_at(ts("2026-11-01T06:00:00Z")), -5 * 3600);
            let local = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
            assert_eq!(ny.instant(local("2026-03-08 02:30")), LocalResult::None);
            assert_eq!(
                ny.instant(local("2026-11-01 01:30")),
                LocalResult::Ambiguous(ts("2026-11-01T05:30:00Z"), ts("2026-11-01T06:30:00Z"))
            );
            assert_eq!(ny.instant(local("2026-07-01 12:00")), LocalResult::Single(ts("2026-07-01T16:00:00Z")));
        });
    }

    #[test]
    fn unknown_zones() {
        assert_eq!(Zone::named("Mars/Olympus"), None);
        with_probed_zones(|| assert_eq!(Zone::named("Mars/Olympus"), None));
    }
}
