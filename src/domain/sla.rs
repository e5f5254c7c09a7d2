//! SLA clocks (时限) on business hours, their traffic lights (红黄绿) and the
//! breach figures of METRICS.md.
//!
//! A request gets two clocks when it is created: first response and
//! resolution, each a target in business seconds from the workspace's
//! [`SlaPolicy`] for its urgency. The instants at which the warning share
//! and the whole target are reached are computed once (and again when the
//! policy, the calendar, the urgency or a pause changes) and kept on the
//! request, so a light is a comparison with the current time and showing
//! 10,000 requests costs nothing.
//!
//! ```
//! use baton::domain::*;
//! use baton::domain::sla::*;
//! let cal = BusinessCalendar::standard("Asia/Shanghai");
//! let policy = SlaPolicy::default();
//! // Critical: first response within 1 business hour. Created Monday 17:30 Shanghai.
//! let clocks = SlaClocks::compute(&cal, &policy, Urgency::Critical, ts("2026-11-02T09:30:00Z"), &[]).unwrap();
//! // 30 minutes on Monday, 30 on Tuesday from 09:00: due Tuesday 09:30.
//! assert_eq!(clocks.first_response.due_at, Some(ts("2026-11-03T01:30:00Z")));
//! assert_eq!(Light::of(&clocks.first_response, None, ts("2026-11-03T01:20:00Z")), Light::Yellow);
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::calendar::Prepared;
use super::metrics::RateStat;
use super::{BusinessCalendar, Pause, Request, Status, Timestamp, Urgency};

const HOUR: i64 = 3600;

/// First-response and resolution targets, in business seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaTarget {
    pub first_response_secs: i64,
    pub resolution_secs: i64,
}

/// The targets per urgency and the share of a target after which its light
/// turns yellow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaPolicy {
    pub low: SlaTarget,
    pub medium: SlaTarget,
    pub high: SlaTarget,
    pub critical: SlaTarget,
    /// Percent of a target elapsed from which the light is yellow (1–99).
    pub warn_percent: u8,
}

impl Default for SlaPolicy {
    /// Critical 1 h / 4 h, high 4 h / 18 h (two business days of nine
    /// hours), medium 8 h / 27 h (three days), low 24 h / 45 h (five days);
    /// yellow from 75 %.
    fn default() -> Self {
        let t = |fr: i64, res: i64| SlaTarget { first_response_secs: fr * HOUR, resolution_secs: res * HOUR };
        Self { low: t(24, 45), medium: t(8, 27), high: t(4, 18), critical: t(1, 4), warn_percent: 75 }
    }
}

impl SlaPolicy {
    pub fn target(&self, u: Urgency) -> SlaTarget {
        match u {
            Urgency::Low => self.low,
            Urgency::Medium => self.medium,
            Urgency::High => self.high,
            Urgency::Critical => self.critical,
        }
    }

    /// Checks every target is positive and no longer than a year of
    /// business time, and the warning share is 1–99 %.
    pub fn validate(&self) -> Result<(), String> {
        const MAX: i64 = 366 * 24 * HOUR;
        for u in Urgency::ALL {
            let t = self.target(u);
            for (what, secs) in [("first response", t.first_response_secs), ("resolution", t.resolution_secs)] {
                if secs <= 0 || secs > MAX {
                    return Err(format!(
                        "{} {what} target: expected more than 0 and at most 8784 hours, found {secs} s",
                        u.key()
                    ));
                }
            }
        }
        if !(1..=99).contains(&self.warn_percent) {
            return Err(format!("warning share: expected 1 to 99 %, found {} %", self.warn_percent));
        }
        Ok(())
    }
}

/// One clock: its target and when the warning share and the target are
/// reached. An instant is none while the clock is stopped with no known
/// restart (waiting for the customer) before reaching it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaClock {
    pub target_secs: i64,
    #[serde(default)]
    pub warn_at: Option<Timestamp>,
    #[serde(default)]
    pub due_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlaClocks {
    pub first_response: SlaClock,
    pub resolution: SlaClock,
}

impl SlaClocks {
    /// The targets these clocks run to.
    pub fn targets(&self) -> SlaTarget {
        SlaTarget { first_response_secs: self.first_response.target_secs, resolution_secs: self.resolution.target_secs }
    }

    /// The clocks of a request created at `created` with this urgency; none
    /// when the calendar cannot be used.
    pub fn compute(
        cal: &BusinessCalendar,
        policy: &SlaPolicy,
        urgency: Urgency,
        created: Timestamp,
        pauses: &[Pause],
    ) -> Option<SlaClocks> {
        Some(Self::compute_in(&cal.prepare()?, policy, urgency, created, pauses))
    }

    /// [`compute`](Self::compute) with a calendar prepared once for many requests.
    pub fn compute_in(
        cal: &Prepared,
        policy: &SlaPolicy,
        urgency: Urgency,
        created: Timestamp,
        pauses: &[Pause],
    ) -> SlaClocks {
        let target = policy.target(urgency);
        let warn = |secs: i64| secs * i64::from(policy.warn_percent) / 100;
        let (fr, res) = (target.first_response_secs, target.resolution_secs);
        // All four instants in one walk over the calendar, in ascending order.
        let mut wanted = [(warn(fr), 0usize), (fr, 1), (warn(res), 2), (res, 3)];
        wanted.sort_unstable();
        let at = cal.add_many(created, &wanted.map(|(s, _)| s), pauses);
        let mut found = [None; 4];
        for ((_, slot), t) in wanted.iter().zip(at) {
            if let Some(f) = found.get_mut(*slot) {
                *f = t;
            }
        }
        let [fr_warn, fr_due, res_warn, res_due] = found;
        SlaClocks {
            first_response: SlaClock { target_secs: fr, warn_at: fr_warn, due_at: fr_due },
            resolution: SlaClock { target_secs: res, warn_at: res_warn, due_at: res_due },
        }
    }
}

/// Which clock of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockKind {
    FirstResponse,
    Resolution,
}

/// A traffic light, always shown with its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Light {
    /// Less than the warning share elapsed.
    Green,
    /// The warning share elapsed, target not reached.
    Yellow,
    /// Target passed without the response or resolution (breached).
    Red,
    /// Stopped while waiting for the customer, target not yet known.
    Paused,
    /// Met in time.
    Met,
    /// Met after the target.
    Late,
}

impl Light {
    /// The light of one clock: `met` is when it was answered or resolved.
    pub fn of(clock: &SlaClock, met: Option<Timestamp>, now: Timestamp) -> Light {
        match (met, clock.due_at) {
            (Some(m), Some(due)) if m > due => Light::Late,
            (Some(_), _) => Light::Met,
            (None, None) => Light::Paused,
            (None, Some(due)) if now >= due => Light::Red,
            (None, Some(_)) if clock.warn_at.is_some_and(|w| now >= w) => Light::Yellow,
            (None, Some(_)) => Light::Green,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Light::Green => "green",
            Light::Yellow => "yellow",
            Light::Red => "red",
            Light::Paused => "paused",
            Light::Met => "met",
            Light::Late => "late",
        }
    }
}

/// The clock that matters now for a request and its light: first response
/// until it is recorded, then resolution. None for requests without clocks
/// and for merged ones.
pub fn current_light(r: &Request, now: Timestamp) -> Option<(ClockKind, Light)> {
    let clocks = r.sla.as_ref()?;
    if r.merged_into.is_some() {
        return None;
    }
    if r.first_response_at.is_none() && r.status.is_open() {
        return Some((ClockKind::FirstResponse, Light::of(&clocks.first_response, None, now)));
    }
    Some((ClockKind::Resolution, clock_light(r, ClockKind::Resolution, now)?))
}

/// The light of one clock of a request.
pub fn clock_light(r: &Request, kind: ClockKind, now: Timestamp) -> Option<Light> {
    let clocks = r.sla.as_ref()?;
    let (clock, met) = match kind {
        ClockKind::FirstResponse => (&clocks.first_response, r.first_response_at),
        ClockKind::Resolution => (&clocks.resolution, resolved_at(r)),
    };
    Some(Light::of(clock, met, now))
}

/// When the resolution clock stopped: the last resolution, while the request
/// stays resolved or closed.
fn resolved_at(r: &Request) -> Option<Timestamp> {
    match r.status {
        Status::Resolved | Status::Closed => r.resolved_at.or(r.closed_at),
        _ => None,
    }
}

/// Recomputes the clocks of a request from the policy, the calendar
/// (prepared once by the caller; none when it is unusable), its creation
/// time, urgency and pauses. Returns true when they changed.
pub(crate) fn recompute(r: &mut Request, cal: Option<&Prepared>, policy: &SlaPolicy) -> bool {
    let next = match (cal, r.created_at) {
        (Some(cal), Some(c)) => Some(SlaClocks::compute_in(cal, policy, r.urgency, c, &r.pauses)),
        _ => None,
    };
    let changed = next != r.sla;
    r.sla = next;
    changed
}

/// Business seconds left until a clock's target (negative once passed);
/// none while the clock is stopped with no known restart.
pub fn remaining(cal: &BusinessCalendar, clock: &SlaClock, pauses: &[Pause], now: Timestamp) -> Option<i64> {
    let due = clock.due_at?;
    Some(if now <= due { cal.elapsed(now, due, pauses) } else { -cal.elapsed(due, now, pauses) })
}

/// One target of one request for the breach figures: when it fell due and
/// whether it was breached, as seen at `now`. Targets not yet due, and
/// stopped ones, are left out.
fn due_targets(r: &Request, now: Timestamp) -> impl Iterator<Item = (ClockKind, Timestamp, bool)> + '_ {
    let clocks = if r.merged_into.is_some() { None } else { r.sla.as_ref() };
    let pairs = clocks.map(|c| {
        [
            (ClockKind::FirstResponse, c.first_response, r.first_response_at),
            (ClockKind::Resolution, c.resolution, resolved_at(r)),
        ]
    });
    pairs.into_iter().flatten().filter_map(move |(kind, clock, met)| {
        let due = clock.due_at?;
        if due > now {
            return None;
        }
        let breached = met.is_none_or(|m| m > due);
        Some((kind, due, breached))
    })
}

/// SLA breach rate (超时率) over every target already due at `now`, per
/// clock: met late or still open after the target ÷ targets due.
pub fn breach_rates<'a>(requests: impl IntoIterator<Item = &'a Request>, now: Timestamp) -> (RateStat, RateStat) {
    let mut fr = RateStat::default();
    let mut res = RateStat::default();
    for r in requests {
        for (kind, _, breached) in due_targets(r, now) {
            let stat = if kind == ClockKind::FirstResponse { &mut fr } else { &mut res };
            stat.denominator += 1;
            stat.numerator += usize::from(breached);
        }
    }
    (fr, res)
}

/// Daily timeout rate (日超时率): for each calendar day from `first` to
/// `last` in the workspace's zone, the breach rate over the targets (both
/// clocks) that fell due that day, as seen at `now`. Days without targets
/// have a zero denominator.
pub fn daily_timeout_rates<'a>(
    cal: &BusinessCalendar,
    requests: impl IntoIterator<Item = &'a Request>,
    first: NaiveDate,
    last: NaiveDate,
    now: Timestamp,
) -> BTreeMap<NaiveDate, RateStat> {
    let mut days: BTreeMap<NaiveDate, RateStat> =
        first.iter_days().take_while(|d| *d <= last).map(|d| (d, RateStat::default())).collect();
    let Ok(tz) = cal.tz() else { return days };
    for r in requests {
        for (_, due, breached) in due_targets(r, now) {
            let day = tz.local(due).date();
            if let Some(stat) = days.get_mut(&day) {
                stat.denominator += 1;
                stat.numerator += usize::from(breached);
            }
        }
    }
    days
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ts, ClockTime, OpeningSpan};

    fn mon_fri_8_18(zone: &str) -> BusinessCalendar {
        let mut c = BusinessCalendar::standard(zone);
        c.hours = vec![OpeningSpan::new(ClockTime::hm(8, 0).unwrap(), ClockTime::hm(18, 0).unwrap())];
        c
    }

    /// A policy where every urgency has the same targets.
    fn flat(fr_h: i64, res_h: i64) -> SlaPolicy {
        let t = SlaTarget { first_response_secs: fr_h * HOUR, resolution_secs: res_h * HOUR };
        SlaPolicy { low: t, medium: t, high: t, critical: t, warn_percent: 75 }
    }

    /// (case, zone, created UTC, first-response hours, expected warn, expected due), worked by hand.
    #[test]
    fn clocks_on_the_hard_cases() {
        let cases = [
            // Mon 17:00 CST +4 h (Mon–Fri 08:00–18:00): 1 h Monday, 3 h Tuesday → Tue 11:00 CST.
            // 75 % = 3 h → Tue 10:00.
            (
                "end of day, Shanghai",
                "Asia/Shanghai",
                "2026-11-02T09:00:00Z",
                4,
                "2026-11-03T02:00:00Z",
                "2026-11-03T03:00:00Z",
            ),
            // The same local times in New York (EST, UTC−5): Mon 17:00 = 22:00Z → Tue 11:00 EST = 16:00Z.
            (
                "end of day, New York",
                "America/New_York",
                "2026-11-02T22:00:00Z",
                4,
                "2026-11-03T15:00:00Z",
                "2026-11-03T16:00:00Z",
            ),
            // Fri 19:00 CST: closed until Mon 08:00; +4 h → Mon 12:00; 3 h → Mon 11:00.
            (
                "friday evening",
                "Asia/Shanghai",
                "2026-11-06T11:00:00Z",
                4,
                "2026-11-09T03:00:00Z",
                "2026-11-09T04:00:00Z",
            ),
            // Spring forward in New York: Fri 6 Mar 17:00 EST (22:00Z) +4 h: 1 h Friday, Mon 9 Mar
            // 08:00 EDT (12:00Z) + 3 h = 15:00Z; warn at 3 h = 14:00Z.
            (
                "across spring forward",
                "America/New_York",
                "2026-03-06T22:00:00Z",
                4,
                "2026-03-09T14:00:00Z",
                "2026-03-09T15:00:00Z",
            ),
            // Fall back: Fri 30 Oct 17:00 EDT (21:00Z): 1 h Friday, Mon 2 Nov 08:00 EST (13:00Z) + 3 h = 16:00Z.
            (
                "across fall back",
                "America/New_York",
                "2026-10-30T21:00:00Z",
                4,
                "2026-11-02T15:00:00Z",
                "2026-11-02T16:00:00Z",
            ),
        ];
        for (case, zone, created, hours, warn, due) in cases {
            let c = SlaClocks::compute(&mon_fri_8_18(zone), &flat(hours, 40), Urgency::Medium, ts(created), &[])
                .unwrap_or_else(|| panic!("{case}: no clocks"));
            assert_eq!(c.first_response.warn_at, Some(ts(warn)), "{case}: warn");
            assert_eq!(c.first_response.due_at, Some(ts(due)), "{case}: due");
            assert_eq!(c.first_response.target_secs, hours * HOUR, "{case}: target");
        }
    }

    #[test]
    fn created_on_a_holiday() {
        let mut cal = mon_fri_8_18("Asia/Shanghai");
        cal.holidays.insert(NaiveDate::from_ymd_opt(2026, 10, 1).unwrap_or_default());
        // Thu 1 Oct 2026 (National Day) 10:00 CST: nothing counts until Fri 08:00; +4 h → Fri 12:00 CST.
        let c = SlaClocks::compute(&cal, &flat(4, 40), Urgency::Low, ts("2026-10-01T02:00:00Z"), &[]).unwrap();
        assert_eq!(c.first_response.due_at, Some(ts("2026-10-02T04:00:00Z")));
    }

    #[test]
    fn lights() {
        let clock = SlaClock {
            target_secs: 4 * HOUR,
            warn_at: Some(ts("2026-11-03T02:00:00Z")),
            due_at: Some(ts("2026-11-03T03:00:00Z")),
        };
        let stopped = SlaClock { due_at: None, ..clock };
        let cases = [
            ("before the warning", &clock, None, "2026-11-03T01:59:59Z", Light::Green),
            ("at the warning", &clock, None, "2026-11-03T02:00:00Z", Light::Yellow),
            ("just before due", &clock, None, "2026-11-03T02:59:59Z", Light::Yellow),
            ("at due", &clock, None, "2026-11-03T03:00:00Z", Light::Red),
            ("met in time", &clock, Some("2026-11-03T03:00:00Z"), "2026-11-04T00:00:00Z", Light::Met),
            ("met late", &clock, Some("2026-11-03T03:00:01Z"), "2026-11-04T00:00:00Z", Light::Late),
            ("paused", &stopped, None, "2026-11-09T00:00:00Z", Light::Paused),
        ];
        for (case, c, met, now, expected) in cases {
            assert_eq!(Light::of(c, met.map(ts), ts(now)), expected, "{case}");
        }
    }

    #[test]
    fn pauses_move_the_due_time() {
        let cal = mon_fri_8_18("Asia/Shanghai");
        // Mon 09:00 CST, 4 h; waiting Mon 10:00 – Tue 10:00: 1 h + 3 h from Tue 10:00 → Tue 13:00.
        let pauses = [Pause { from: ts("2026-11-02T02:00:00Z"), to: Some(ts("2026-11-03T02:00:00Z")) }];
        let c = SlaClocks::compute(&cal, &flat(4, 40), Urgency::Low, ts("2026-11-02T01:00:00Z"), &pauses).unwrap();
        assert_eq!(c.first_response.due_at, Some(ts("2026-11-03T05:00:00Z")));
        // Still waiting: the warning (3 h) and the due time are unknown past the first hour.
        let open = [Pause { from: ts("2026-11-02T02:00:00Z"), to: None }];
        let c = SlaClocks::compute(&cal, &flat(4, 40), Urgency::Low, ts("2026-11-02T01:00:00Z"), &open).unwrap();
        assert_eq!((c.first_response.warn_at, c.first_response.due_at), (None, None));
    }

    #[test]
    fn remaining_business_time() {
        let cal = mon_fri_8_18("Asia/Shanghai");
        let c = SlaClocks::compute(&cal, &flat(4, 40), Urgency::Low, ts("2026-11-02T09:00:00Z"), &[]).unwrap();
        // Due Tue 11:00 CST. From Mon 17:30: 30 min Monday + 3 h Tuesday.
        assert_eq!(remaining(&cal, &c.first_response, &[], ts("2026-11-02T09:30:00Z")), Some(3 * HOUR + 1800));
        // Tue 12:30 CST: 1 h 30 min past.
        assert_eq!(remaining(&cal, &c.first_response, &[], ts("2026-11-03T04:30:00Z")), Some(-(HOUR + 1800)));
    }

    #[test]
    fn policy_validation() {
        assert_eq!(SlaPolicy::default().validate(), Ok(()));
        let mut p = SlaPolicy::default();
        p.high.resolution_secs = 0;
        assert_eq!(
            p.validate(),
            Err("high resolution target: expected more than 0 and at most 8784 hours, found 0 s".into())
        );
        let p = SlaPolicy { warn_percent: 100, ..SlaPolicy::default() };
        assert_eq!(p.validate(), Err("warning share: expected 1 to 99 %, found 100 %".into()));
    }
}
