//! Business calendars and business-time arithmetic for SLA clocks.
//!
//! A calendar lives in one IANA time zone: working days, opening hours (one
//! or more spans a day) and holidays are all local to that zone, while every
//! instant handed in or out is UTC. Each local day is converted on its own, so
//! a day that loses or gains an hour to daylight saving simply has a shorter
//! or longer opening span, and a viewer's own time zone plays no part.
//!
//! ```
//! use baton::domain::{ts, BusinessCalendar};
//! let cal = BusinessCalendar::standard("Asia/Shanghai");
//! // Monday 17:00 in Shanghai (09:00 UTC), 4 business hours (09:00–18:00) later:
//! let due = cal.add(ts("2026-11-02T09:00:00Z"), 4 * 3600, &[]).unwrap();
//! assert_eq!(due, ts("2026-11-03T04:00:00Z")); // Tuesday 12:00 in Shanghai
//! ```

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use chrono::{Datelike, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::zone::Zone;
use super::Timestamp;

/// How far ahead (in calendar days) a computation looks for business time
/// before it gives up: a calendar with no opening in that long is unusable.
const MAX_SCAN_DAYS: i64 = 800;

/// A time of day as minutes after local midnight, 0..=1440 (1440 is the end
/// of the day). Written as "HH:MM" in snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime(u16);

impl ClockTime {
    pub const END_OF_DAY: ClockTime = ClockTime(1440);

    pub fn hm(hours: u16, minutes: u16) -> Option<ClockTime> {
        let m = hours.checked_mul(60)?.checked_add(minutes)?;
        (minutes < 60 && m <= 1440).then_some(ClockTime(m))
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    /// Parses "9:00", "09:00" or "24:00".
    pub fn parse(text: &str) -> Result<ClockTime, String> {
        let t = text.trim();
        let (h, m) = t.split_once(':').ok_or_else(|| format!("expected a time like 09:00, found {t:?}"))?;
        let h: u16 = h.trim().parse().map_err(|_| format!("expected a time like 09:00, found {t:?}"))?;
        let m: u16 = m.trim().parse().map_err(|_| format!("expected a time like 09:00, found {t:?}"))?;
        ClockTime::hm(h, m).ok_or_else(|| format!("expected a time from 00:00 to 24:00, found {t:?}"))
    }
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl TryFrom<String> for ClockTime {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ClockTime::parse(&value)
    }
}

impl From<ClockTime> for String {
    fn from(value: ClockTime) -> Self {
        value.to_string()
    }
}

/// One opening span of a business day, `start` before `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningSpan {
    pub start: ClockTime,
    pub end: ClockTime,
}

impl OpeningSpan {
    pub fn new(start: ClockTime, end: ClockTime) -> Self {
        Self { start, end }
    }
}

/// A stretch of time during which an SLA clock does not run (the request was
/// waiting for the customer). `to` is none while it still waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: Timestamp,
    #[serde(default)]
    pub to: Option<Timestamp>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BusinessCalendar {
    /// IANA time zone name, e.g. "Asia/Shanghai".
    pub zone: String,
    /// Working days, Monday first.
    pub working_days: Vec<Weekday>,
    /// Opening spans of a working day, in order, not overlapping.
    pub hours: Vec<OpeningSpan>,
    /// Days on which nothing is open, as local dates.
    #[serde(default)]
    pub holidays: BTreeSet<NaiveDate>,
}

/// Why a calendar cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("unknown time zone {0:?}: expected an IANA name such as Asia/Shanghai")]
    UnknownZone(String),
    #[error("no working day: at least one day of the week must be open")]
    NoWorkingDay,
    #[error("no opening hours: at least one span is needed")]
    NoHours,
    #[error("opening span {index}: {start}–{end} must start before it ends")]
    EmptySpan { index: usize, start: ClockTime, end: ClockTime },
    #[error("opening span {index}: {start}–{end} overlaps or comes before the span before it")]
    Overlap { index: usize, start: ClockTime, end: ClockTime },
}

impl BusinessCalendar {
    /// Monday to Friday, 09:00–18:00, no holidays.
    pub fn standard(zone: &str) -> Self {
        Self {
            zone: zone.to_string(),
            working_days: vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri],
            hours: vec![OpeningSpan { start: ClockTime(9 * 60), end: ClockTime(18 * 60) }],
            holidays: BTreeSet::new(),
        }
    }

    /// The time zone.
    pub fn tz(&self) -> Result<Zone, CalendarError> {
        Zone::named(&self.zone).ok_or_else(|| CalendarError::UnknownZone(self.zone.clone()))
    }

    /// Checks everything the arithmetic relies on.
    pub fn validate(&self) -> Result<(), CalendarError> {
        self.tz()?;
        if self.working_days.is_empty() {
            return Err(CalendarError::NoWorkingDay);
        }
        if self.hours.is_empty() {
            return Err(CalendarError::NoHours);
        }
        let mut last_end = ClockTime(0);
        for (i, s) in self.hours.iter().enumerate() {
            if s.start >= s.end {
                return Err(CalendarError::EmptySpan { index: i + 1, start: s.start, end: s.end });
            }
            if i > 0 && s.start < last_end {
                return Err(CalendarError::Overlap { index: i + 1, start: s.start, end: s.end });
            }
            last_end = s.end;
        }
        Ok(())
    }

    /// Length of one full business day, in seconds (for showing "n days").
    pub fn day_seconds(&self) -> i64 {
        self.hours.iter().map(|s| i64::from(s.end.0) - i64::from(s.start.0)).sum::<i64>() * 60
    }

    /// True when `date` is a working day and not a holiday.
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        self.working_days.contains(&date.weekday()) && !self.holidays.contains(&date)
    }

    /// The local date of an instant in this calendar's zone.
    pub fn local_date(&self, at: Timestamp) -> Option<NaiveDate> {
        Some(self.tz().ok()?.local(at).date())
    }

    /// The calendar checked and its zone looked up, for arithmetic; none
    /// when it cannot be used. Prepare once for many computations.
    pub fn prepare(&self) -> Option<Prepared<'_>> {
        self.validate().ok()?;
        Some(Prepared { cal: self, tz: self.tz().ok()?, days: RefCell::default() })
    }

    /// The instant at which `seconds` of business time have passed since
    /// `start`, not counting `pauses`. None when the clock is paused with no
    /// end (the due time is not known yet) or the calendar is unusable.
    pub fn add(&self, start: Timestamp, seconds: i64, pauses: &[Pause]) -> Option<Timestamp> {
        self.prepare()?.add(start, seconds, pauses)
    }

    /// [`add`](Self::add) for several amounts at once; see [`Prepared::add_many`].
    pub fn add_many(&self, start: Timestamp, seconds: &[i64], pauses: &[Pause]) -> Vec<Option<Timestamp>> {
        match self.prepare() {
            Some(p) => p.add_many(start, seconds, pauses),
            None => vec![None; seconds.len()],
        }
    }

    /// Business seconds between `start` and `end` (zero when `end` is not
    /// after `start`, or the calendar is unusable), not counting `pauses`.
    pub fn elapsed(&self, start: Timestamp, end: Timestamp, pauses: &[Pause]) -> i64 {
        self.prepare().map_or(0, |p| p.elapsed(start, end, pauses))
    }
}

/// A usable calendar with its zone looked up, from [`BusinessCalendar::prepare`].
/// It remembers each day's business intervals once worked out, so that
/// computing the clocks of many requests over the same weeks converts each
/// local time to UTC only once.
pub struct Prepared<'c> {
    cal: &'c BusinessCalendar,
    tz: Zone,
    days: RefCell<BTreeMap<NaiveDate, DayIntervals>>,
}

/// One day's business intervals in UTC, shared by every clock that asks.
type DayIntervals = Rc<[(Timestamp, Timestamp)]>;

impl Prepared<'_> {
    pub fn calendar(&self) -> &BusinessCalendar {
        self.cal
    }

    /// The business intervals of a working day, in UTC, in order.
    fn day(&self, d: NaiveDate) -> Rc<[(Timestamp, Timestamp)]> {
        if let Some(found) = self.days.borrow().get(&d) {
            return found.clone();
        }
        let spans: Rc<[(Timestamp, Timestamp)]> = self
            .cal
            .hours
            .iter()
            .filter_map(|s| Some((local_instant(self.tz, d, s.start)?, local_instant(self.tz, d, s.end)?)))
            .filter(|(a, b)| b > a)
            .collect();
        self.days.borrow_mut().insert(d, spans.clone());
        spans
    }

    /// Business intervals (UTC, half-open) that end after `from`, in order,
    /// the first one clipped to start at `from`. Stops after
    /// [`MAX_SCAN_DAYS`] days without finding more.
    fn intervals_from(&self, from: Timestamp) -> impl Iterator<Item = (Timestamp, Timestamp)> + '_ {
        let tz = self.tz;
        // A local day begins at most 14 h before the UTC day: start one day early.
        let mut day = Some(tz.local(from).date().pred_opt().unwrap_or(NaiveDate::MIN));
        let mut current: Option<Rc<[(Timestamp, Timestamp)]>> = None;
        let mut span = 0usize;
        let mut found = false;
        let mut idle_days = 0i64;
        std::iter::from_fn(move || loop {
            if let Some(spans) = &current {
                while let Some(&(a, b)) = spans.get(span) {
                    span += 1;
                    let a = a.max(from);
                    if b > a {
                        found = true;
                        return Some((a, b));
                    }
                }
                idle_days = if found { 0 } else { idle_days + 1 };
                current = None;
            }
            let d = day?;
            if idle_days > MAX_SCAN_DAYS {
                return None;
            }
            day = d.succ_opt();
            if self.cal.is_business_day(d) {
                current = Some(self.day(d));
                span = 0;
                found = false;
            } else {
                idle_days += 1;
            }
        })
    }

    pub fn add(&self, start: Timestamp, seconds: i64, pauses: &[Pause]) -> Option<Timestamp> {
        self.add_many(start, &[seconds], pauses).pop().flatten()
    }

    /// [`BusinessCalendar::add`] for several amounts at once, in one walk
    /// over the calendar: `seconds` must be in ascending order; the answers
    /// come in the same order.
    pub fn add_many(&self, start: Timestamp, seconds: &[i64], pauses: &[Pause]) -> Vec<Option<Timestamp>> {
        let mut out: Vec<Option<Timestamp>> = Vec::with_capacity(seconds.len());
        let mut passed = 0i64;
        let mut wanted = seconds.iter().map(|s| (*s).max(0)).peekable();
        while wanted.next_if(|s| *s == 0).is_some() {
            out.push(Some(start));
        }
        if wanted.peek().is_none() {
            return out;
        }
        // Takes one stretch of business time; true when every amount is placed.
        let mut take = |a: Timestamp, b: Timestamp| {
            let len = (b - a).num_seconds();
            while let Some(&s) = wanted.peek() {
                if s - passed > len {
                    break;
                }
                out.push(Some(a + chrono::Duration::seconds(s - passed)));
                wanted.next();
            }
            passed += len;
            wanted.peek().is_none()
        };
        for (a, b) in self.intervals_from(start) {
            if pauses.is_empty() {
                if take(a, b) {
                    break;
                }
                continue;
            }
            let (pieces, stopped) = subtract_pauses(a, b, pauses);
            if pieces.into_iter().any(|(a, b)| take(a, b)) || stopped {
                break;
            }
        }
        out.resize(seconds.len(), None);
        out
    }

    /// Business seconds between `start` and `end` (zero when `end` is not
    /// after `start`), not counting `pauses`.
    pub fn elapsed(&self, start: Timestamp, end: Timestamp, pauses: &[Pause]) -> i64 {
        if end <= start {
            return 0;
        }
        let mut total = 0;
        for (a, b) in self.intervals_from(start) {
            if a >= end {
                break;
            }
            let b = b.min(end);
            if pauses.is_empty() {
                total += (b - a).num_seconds();
                continue;
            }
            let (pieces, stopped) = subtract_pauses(a, b, pauses);
            total += pieces.iter().map(|(a, b)| (*b - *a).num_seconds()).sum::<i64>();
            if stopped {
                break;
            }
        }
        total
    }
}

/// The UTC instant of a local wall-clock time. In the hour skipped by a
/// spring-forward change the first instant after the gap is used; in the hour
/// repeated by a fall-back change, the earlier one.
fn local_instant(tz: Zone, date: NaiveDate, t: ClockTime) -> Option<Timestamp> {
    let (date, minutes) = if t.0 >= 1440 { (date.succ_opt()?, 0) } else { (date, t.0) };
    let naive = NaiveDateTime::new(date, NaiveTime::from_hms_opt(u32::from(minutes / 60), u32::from(minutes % 60), 0)?);
    for step in 0..=24 {
        let probe = naive + chrono::Duration::minutes(15 * step);
        match tz.instant(probe) {
            LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => return Some(t),
            LocalResult::None => {}
        }
    }
    None
}

/// The parts of `[a, b)` outside every pause, and whether an open pause
/// (still waiting) starts before `b`: from there on the clock is stopped with
/// no known restart, so nothing after it counts.
fn subtract_pauses(a: Timestamp, b: Timestamp, pauses: &[Pause]) -> (Vec<(Timestamp, Timestamp)>, bool) {
    let mut pieces = vec![(a, b)];
    let mut stopped = false;
    for p in pauses {
        let (cut_from, cut_to) = match p.to {
            Some(to) => (p.from, to),
            None if p.from < b => {
                stopped = true;
                (p.from, b)
            }
            None => continue,
        };
        let mut next = Vec::with_capacity(pieces.len() + 1);
        for (x, y) in pieces {
            if cut_to <= x || cut_from >= y {
                next.push((x, y));
                continue;
            }
            if cut_from > x {
                next.push((x, cut_from));
            }
            if cut_to < y {
                next.push((cut_to, y));
            }
        }
        pieces = next;
    }
    (pieces, stopped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ts;

    fn t(h: u16, m: u16) -> ClockTime {
        ClockTime::hm(h, m).unwrap()
    }

    /// Mon–Fri with the given spans in `zone`.
    fn cal(zone: &str, spans: &[(u16, u16, u16, u16)]) -> BusinessCalendar {
        let mut c = BusinessCalendar::standard(zone);
        c.hours = spans.iter().map(|&(a, b, c, d)| OpeningSpan::new(t(a, b), t(c, d))).collect();
        c
    }

    fn every_day_all_day(zone: &str) -> BusinessCalendar {
        let mut c = cal(zone, &[(0, 0, 24, 0)]);
        c.working_days =
            vec![Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];
        c
    }

    const H: i64 = 3600;

    /// (case, calendar, start, business seconds, expected due). Every due time
    /// is worked out by hand from the local opening hours; the comment gives
    /// the local times.
    #[test]
    fn due_times() {
        let sh_8_18 = cal("Asia/Shanghai", &[(8, 0, 18, 0)]);
        let mut sh_holiday = sh_8_18.clone();
        sh_holiday.holidays.insert(NaiveDate::from_ymd_opt(2026, 11, 4).unwrap());
        let sh_split = cal("Asia/Shanghai", &[(9, 0, 12, 0), (13, 30, 18, 0)]);
        let ny_8_18 = cal("America/New_York", &[(8, 0, 18, 0)]);
        let ny_all = every_day_all_day("America/New_York");
        let cases: Vec<(&str, &BusinessCalendar, &str, i64, &str)> = vec![
            // Mon 17:00 +4 h: 1 h on Monday, 3 h from Tue 08:00 → Tue 11:00.
            ("end of day", &sh_8_18, "2026-11-02T09:00:00Z", 4 * H, "2026-11-03T03:00:00Z"),
            // Mon 09:00 +4 h inside the day → Mon 13:00.
            ("inside a day", &sh_8_18, "2026-11-02T01:00:00Z", 4 * H, "2026-11-02T05:00:00Z"),
            // Exactly at closing: Mon 08:00 +10 h → Mon 18:00, not Tue 08:00.
            ("whole day", &sh_8_18, "2026-11-02T00:00:00Z", 10 * H, "2026-11-02T10:00:00Z"),
            // Fri 19:00 (closed) +4 h → Mon 08:00 + 4 h = Mon 12:00.
            ("friday evening", &sh_8_18, "2026-11-06T11:00:00Z", 4 * H, "2026-11-09T04:00:00Z"),
            // Before opening: Mon 06:30 +1 h → Mon 09:00.
            ("before opening", &sh_8_18, "2026-11-01T22:30:00Z", H, "2026-11-02T01:00:00Z"),
            // Wed 4 Nov is a holiday: Wed 10:00 +4 h → Thu 12:00.
            ("on a holiday", &sh_holiday, "2026-11-04T02:00:00Z", 4 * H, "2026-11-05T04:00:00Z"),
            // Tue 16:00 +4 h over the holiday: 2 h Tue, Wed closed, Thu 08:00 + 2 h = Thu 10:00.
            ("over a holiday", &sh_holiday, "2026-11-03T08:00:00Z", 4 * H, "2026-11-05T02:00:00Z"),
            // Split hours: Mon 11:00 +2 h: 11:00–12:00, then 13:30–14:30.
            ("split hours", &sh_split, "2026-11-02T03:00:00Z", 2 * H, "2026-11-02T06:30:00Z"),
            // Split hours, created in the lunch break: Mon 12:30 +1 h → 14:30.
            ("in the break", &sh_split, "2026-11-02T04:30:00Z", H, "2026-11-02T06:30:00Z"),
            // Split hours over a night: Mon 17:00 +2 h: 1 h Monday, Tue 09:00–10:00.
            ("split overnight", &sh_split, "2026-11-02T09:00:00Z", 2 * H, "2026-11-03T02:00:00Z"),
            // Spring forward (US, Sun 8 Mar 2026): Fri 17:00 EST (22:00Z) +4 h:
            // 1 h Friday, Mon 08:00 EDT (12:00Z) + 3 h = Mon 11:00 EDT = 15:00Z.
            ("spring forward, business days", &ny_8_18, "2026-03-06T22:00:00Z", 4 * H, "2026-03-09T15:00:00Z"),
            // Round the clock over the change: Sat 23:00 EST (04:00Z) + 4 h real
            // time = 08:00Z = Sun 04:00 EDT (02:00–03:00 does not exist).
            ("spring forward, all day", &ny_all, "2026-03-08T04:00:00Z", 4 * H, "2026-03-08T08:00:00Z"),
            // Fall back (US, Sun 1 Nov 2026): Fri 17:00 EDT (21:00Z) +4 h:
            // 1 h Friday, Mon 08:00 EST (13:00Z) + 3 h = Mon 11:00 EST = 16:00Z.
            ("fall back, business days", &ny_8_18, "2026-10-30T21:00:00Z", 4 * H, "2026-11-02T16:00:00Z"),
            // Round the clock: Sun 00:30 EDT (04:30Z) + 3 h real = 07:30Z = 02:30 EST.
            ("fall back, all day", &ny_all, "2026-11-01T04:30:00Z", 3 * H, "2026-11-01T07:30:00Z"),
            // The same local hours in Shanghai (no daylight saving): Fri 17:00
            // CST (09:00Z) +4 h → Mon 11:00 CST = 03:00Z.
            ("no daylight saving", &sh_8_18, "2026-03-06T09:00:00Z", 4 * H, "2026-03-09T03:00:00Z"),
            ("zero target", &sh_8_18, "2026-11-06T11:00:00Z", 0, "2026-11-06T11:00:00Z"),
        ];
        for (case, c, start, secs, expected) in cases {
            assert_eq!(c.validate(), Ok(()), "{case}");
            assert_eq!(c.add(ts(start), secs, &[]), Some(ts(expected)), "{case}");
            // And back: the business time between start and due is the target.
            assert_eq!(c.elapsed(ts(start), ts(expected), &[]), secs, "{case}: elapsed");
        }
    }

    #[test]
    fn a_day_of_the_daylight_saving_change_is_shorter_or_longer() {
        let ny = every_day_all_day("America/New_York");
        // Sun 8 Mar 2026 has 23 hours, Sun 1 Nov 2026 has 25 (local midnight to midnight).
        assert_eq!(ny.elapsed(ts("2026-03-08T05:00:00Z"), ts("2026-03-09T04:00:00Z"), &[]), 23 * H);
        assert_eq!(ny.elapsed(ts("2026-11-01T04:00:00Z"), ts("2026-11-02T05:00:00Z"), &[]), 25 * H);
    }

    /// Pauses (waiting for the customer) stop the clock.
    #[test]
    fn pauses() {
        let c = cal("Asia/Shanghai", &[(8, 0, 18, 0)]);
        let p = |from: &str, to: Option<&str>| Pause { from: ts(from), to: to.map(ts) };
        // Mon 09:00 +4 h, paused Mon 10:00 – Tue 10:00: 1 h Monday, Tue 10:00 + 3 h = Tue 13:00.
        let day = [p("2026-11-02T02:00:00Z", Some("2026-11-03T02:00:00Z"))];
        assert_eq!(c.add(ts("2026-11-02T01:00:00Z"), 4 * H, &day), Some(ts("2026-11-03T05:00:00Z")));
        // Elapsed until Tue 11:00: 1 h Monday + 1 h Tuesday.
        assert_eq!(c.elapsed(ts("2026-11-02T01:00:00Z"), ts("2026-11-03T03:00:00Z"), &day), 2 * H);
        // A pause that is still running: the due time is unknown, and the
        // elapsed time stops where the pause began.
        let open = [p("2026-11-02T02:00:00Z", None)];
        assert_eq!(c.add(ts("2026-11-02T01:00:00Z"), 4 * H, &open), None);
        assert_eq!(c.elapsed(ts("2026-11-02T01:00:00Z"), ts("2026-11-05T01:00:00Z"), &open), H);
        // A target reached before an open pause starts is still known.
        assert_eq!(c.add(ts("2026-11-02T01:00:00Z"), H / 2, &open), Some(ts("2026-11-02T01:30:00Z")));
        // A pause entirely outside business hours changes nothing.
        let night = [p("2026-11-02T11:00:00Z", Some("2026-11-02T23:00:00Z"))];
        assert_eq!(c.add(ts("2026-11-02T09:00:00Z"), 4 * H, &night), Some(ts("2026-11-03T03:00:00Z")));
    }

    #[test]
    fn validation() {
        let mut c = BusinessCalendar::standard("Mars/Olympus");
        assert_eq!(c.validate(), Err(CalendarError::UnknownZone("Mars/Olympus".into())));
        c.zone = "Europe/Berlin".into();
        assert_eq!(c.validate(), Ok(()));
        c.hours = vec![OpeningSpan::new(t(9, 0), t(12, 0)), OpeningSpan::new(t(11, 0), t(18, 0))];
        assert_eq!(c.validate(), Err(CalendarError::Overlap { index: 2, start: t(11, 0), end: t(18, 0) }));
        c.hours = vec![OpeningSpan::new(t(12, 0), t(12, 0))];
        assert_eq!(c.validate(), Err(CalendarError::EmptySpan { index: 1, start: t(12, 0), end: t(12, 0) }));
        c.hours.clear();
        assert_eq!(c.validate(), Err(CalendarError::NoHours));
        c.hours = vec![OpeningSpan::new(t(9, 0), t(17, 0))];
        c.working_days.clear();
        assert_eq!(c.validate(), Err(CalendarError::NoWorkingDay));
        // An unusable calendar never loops forever: no due time.
        assert_eq!(c.add(ts("2026-11-02T01:00:00Z"), H, &[]), None);
    }

    /// The same hand-worked cases with the zones read the way the browser
    /// build reads them (tables built by probing a source of offsets).
    #[test]
    fn the_same_cases_with_probed_zone_tables() {
        crate::domain::zone::tests::with_probed_zones(|| {
            due_times();
            a_day_of_the_daylight_saving_change_is_shorter_or_longer();
            pauses();
            validation();
        });
    }

    #[test]
    fn clock_times() {
        for (text, expected) in [("09:00", Ok(540)), ("9:30", Ok(570)), ("24:00", Ok(1440)), ("00:00", Ok(0))] {
            assert_eq!(ClockTime::parse(text).map(|c| c.minutes()), expected, "{text}");
        }
        for bad in ["24:01", "9", "09:60", "ab:cd", "", "九点"] {
            assert!(ClockTime::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(t(9, 5).to_string(), "09:05");
    }
}
