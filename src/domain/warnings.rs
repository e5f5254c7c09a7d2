//! Early warnings (预警): rules over daily metrics that raise an alert, and
//! clear it when the condition no longer holds.
//!
//! Evaluation is pure: [`evaluate`] compares the rules with the workspace at
//! an instant and says which alerts to raise and which to clear. The shell
//! runs it (as the `EvaluateWarnings` command) when a workspace opens, every
//! minute, and whenever the app's clock is moved, so the trail records when
//! each alert was raised and cleared.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::metrics::RateStat;
use super::responsibility::orphan_rate;
use super::sla::daily_timeout_rates;
use super::{Id, IdSource, Timestamp, Workspace};

/// What a rule watches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningMetric {
    /// Daily timeout rate (日超时率) of complete days in the workspace's zone.
    DailyTimeoutRate,
    /// Orphan rate (悬置率) now.
    OrphanRate,
    /// Per request: the share of its first-response target elapsed without a
    /// first response.
    FirstResponseElapsed,
}

impl WarningMetric {
    pub const ALL: [WarningMetric; 3] =
        [WarningMetric::DailyTimeoutRate, WarningMetric::OrphanRate, WarningMetric::FirstResponseElapsed];

    pub fn key(self) -> &'static str {
        match self {
            WarningMetric::DailyTimeoutRate => "daily_timeout_rate",
            WarningMetric::OrphanRate => "orphan_rate",
            WarningMetric::FirstResponseElapsed => "first_response_elapsed",
        }
    }

    /// Whether the metric has a value per past day, so that a rule can ask
    /// for several consecutive days; the others are read at the moment.
    pub fn is_daily(self) -> bool {
        self == WarningMetric::DailyTimeoutRate
    }

    /// Whether it raises one alert per request rather than one for the workspace.
    pub fn is_per_request(self) -> bool {
        self == WarningMetric::FirstResponseElapsed
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    Above,
    AtLeast,
    Below,
    AtMost,
}

impl Comparison {
    pub const ALL: [Comparison; 4] = [Comparison::Above, Comparison::AtLeast, Comparison::Below, Comparison::AtMost];

    pub fn key(self) -> &'static str {
        match self {
            Comparison::Above => "above",
            Comparison::AtLeast => "at_least",
            Comparison::Below => "below",
            Comparison::AtMost => "at_most",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Above => ">",
            Comparison::AtLeast => "≥",
            Comparison::Below => "<",
            Comparison::AtMost => "≤",
        }
    }

    /// Compares a rate with a threshold in percent, exactly (cross-multiplied,
    /// no rounding): 3 of 20 is not above 15 %.
    pub fn holds(self, rate: RateStat, threshold_percent: u32) -> bool {
        let lhs = rate.numerator as u128 * 100;
        let rhs = u128::from(threshold_percent) * rate.denominator as u128;
        match self {
            Comparison::Above => lhs > rhs,
            Comparison::AtLeast => lhs >= rhs,
            Comparison::Below => lhs < rhs,
            Comparison::AtMost => lhs <= rhs,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningRule {
    pub id: Id,
    pub metric: WarningMetric,
    pub comparison: Comparison,
    /// In percent, 0–100.
    pub threshold_percent: u32,
    /// Consecutive days the condition must hold (daily metrics only; 1 for the others).
    pub days: u32,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// A rule as typed in, before it gets an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WarningDraft {
    pub metric: WarningMetric,
    pub comparison: Comparison,
    pub threshold_percent: u32,
    pub days: u32,
    pub enabled: bool,
}

impl WarningDraft {
    pub fn validate(&self) -> Result<(), String> {
        if self.threshold_percent > 100 {
            return Err(format!("threshold: expected 0 to 100 %, found {} %", self.threshold_percent));
        }
        if self.metric.is_daily() {
            if !(1..=31).contains(&self.days) {
                return Err(format!("days: expected 1 to 31 consecutive days, found {}", self.days));
            }
        } else if self.days != 1 {
            return Err(format!(
                "days: {} is read at the moment, so days must be 1, found {}",
                self.metric.key(),
                self.days
            ));
        }
        if self.metric.is_per_request() && self.comparison != Comparison::AtLeast {
            return Err(format!("comparison: {} only supports at least (≥)", self.metric.key()));
        }
        Ok(())
    }

    pub fn into_rule(self, id: Id) -> WarningRule {
        WarningRule {
            id,
            metric: self.metric,
            comparison: self.comparison,
            threshold_percent: self.threshold_percent,
            days: self.days,
            enabled: self.enabled,
        }
    }
}

impl WarningRule {
    /// The plan's rule (daily timeout rate above 15 % on 3 consecutive days),
    /// orphan rate above 20 %, and a first response 90 % into its target.
    pub fn builtin(ids: &mut dyn IdSource) -> Vec<WarningRule> {
        let drafts = [
            (WarningMetric::DailyTimeoutRate, Comparison::Above, 15, 3),
            (WarningMetric::OrphanRate, Comparison::Above, 20, 1),
            (WarningMetric::FirstResponseElapsed, Comparison::AtLeast, 90, 1),
        ];
        drafts
            .into_iter()
            .map(|(metric, comparison, threshold_percent, days)| WarningRule {
                id: ids.next_id(),
                metric,
                comparison,
                threshold_percent,
                days,
                enabled: true,
            })
            .collect()
    }

    pub fn draft(&self) -> WarningDraft {
        WarningDraft {
            metric: self.metric,
            comparison: self.comparison,
            threshold_percent: self.threshold_percent,
            days: self.days,
            enabled: self.enabled,
        }
    }
}

/// A raised alert; it stays in the history once cleared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    pub id: Id,
    pub rule: Id,
    /// The request concerned, for per-request rules.
    #[serde(default)]
    pub request: Option<Id>,
    pub raised_at: Timestamp,
    #[serde(default)]
    pub cleared_at: Option<Timestamp>,
    /// The figures that raised it: one per day for daily metrics (oldest
    /// first), one for the others.
    #[serde(default)]
    pub values: Vec<Reading>,
}

impl Alert {
    pub fn is_active(&self) -> bool {
        self.cleared_at.is_none()
    }
}

/// One value of a metric: for a day (daily metrics) or at the moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    #[serde(default)]
    pub day: Option<NaiveDate>,
    pub numerator: usize,
    pub denominator: usize,
}

impl Reading {
    pub fn rate(&self) -> RateStat {
        RateStat { numerator: self.numerator, denominator: self.denominator }
    }
}

/// What an evaluation finds: alerts to raise and active alerts to clear.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdict {
    /// (rule, request, readings)
    pub raise: Vec<(Id, Option<Id>, Vec<Reading>)>,
    pub clear: Vec<Id>,
}

/// The readings of a daily rule: the `days` complete days before today (in
/// the workspace's zone), oldest first.
pub fn daily_readings(ws: &Workspace, rule: &WarningRule, now: Timestamp) -> Vec<Reading> {
    let Some(today) = ws.calendar.local_date(now) else { return Vec::new() };
    let days = u64::from(rule.days.max(1));
    let (Some(first), Some(last)) = (today.checked_sub_days(Days::new(days)), today.pred_opt()) else {
        return Vec::new();
    };
    daily_timeout_rates(&ws.calendar, ws.requests.values(), first, last, now)
        .into_iter()
        .map(|(day, r)| Reading { day: Some(day), numerator: r.numerator, denominator: r.denominator })
        .collect()
}

/// Compares every enabled rule with the workspace at `now`. A daily rule
/// holds when each of its days has targets and its rate meets the
/// condition; a day without targets breaks the run.
pub fn evaluate(ws: &Workspace, now: Timestamp) -> Verdict {
    let mut v = Verdict::default();
    let active = |rule: Id, request: Option<Id>| {
        ws.alerts.iter().find(|a| a.is_active() && a.rule == rule && a.request == request).map(|a| a.id)
    };
    for rule in &ws.warnings {
        if !rule.enabled {
            // A rule switched off clears what it raised.
            v.clear.extend(ws.alerts.iter().filter(|a| a.is_active() && a.rule == rule.id).map(|a| a.id));
            continue;
        }
        match rule.metric {
            WarningMetric::DailyTimeoutRate => {
                let readings = daily_readings(ws, rule, now);
                let holds = !readings.is_empty()
                    && readings
                        .iter()
                        .all(|r| r.denominator > 0 && rule.comparison.holds(r.rate(), rule.threshold_percent));
                decide(&mut v, rule.id, None, holds, readings, active(rule.id, None));
            }
            WarningMetric::OrphanRate => {
                let rate = orphan_rate(ws, now);
                let holds = rate.denominator > 0 && rule.comparison.holds(rate, rule.threshold_percent);
                let reading = Reading { day: None, numerator: rate.numerator, denominator: rate.denominator };
                decide(&mut v, rule.id, None, holds, vec![reading], active(rule.id, None));
            }
            WarningMetric::FirstResponseElapsed => first_response(ws, rule, now, &mut v),
        }
    }
    v
}

fn decide(v: &mut Verdict, rule: Id, request: Option<Id>, holds: bool, readings: Vec<Reading>, active: Option<Id>) {
    match (holds, active) {
        (true, None) => v.raise.push((rule, request, readings)),
        (false, Some(alert)) => v.clear.push(alert),
        _ => {}
    }
}

/// Open requests without a first response whose elapsed share of the
/// first-response target has reached the threshold. The reading is the
/// elapsed business seconds over the target.
fn first_response(ws: &Workspace, rule: &WarningRule, now: Timestamp, v: &mut Verdict) {
    let mut watched = std::collections::HashSet::new();
    for r in ws.requests.values() {
        let Some(clocks) = r.sla.as_ref() else { continue };
        if !r.is_open() || r.first_response_at.is_some() {
            continue;
        }
        let Some(created) = r.created_at else { continue };
        let target = clocks.first_response.target_secs;
        let share_secs = target * i64::from(rule.threshold_percent) / 100;
        // Reached when the threshold's share of the target has elapsed.
        let Some(at) = ws.calendar.add(created, share_secs, &r.pauses) else { continue };
        if now < at {
            continue;
        }
        watched.insert(r.id);
        if ws.alerts.iter().any(|a| a.is_active() && a.rule == rule.id && a.request == Some(r.id)) {
            continue;
        }
        let elapsed = ws.calendar.elapsed(created, now, &r.pauses);
        let reading = Reading {
            day: None,
            numerator: usize::try_from(elapsed).unwrap_or(0),
            denominator: usize::try_from(target).unwrap_or(0),
        };
        v.raise.push((rule.id, Some(r.id), vec![reading]));
    }
    v.clear.extend(
        ws.alerts
            .iter()
            .filter(|a| a.is_active() && a.rule == rule.id && !a.request.is_some_and(|r| watched.contains(&r)))
            .map(|a| a.id),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sla::SlaClocks;
    use crate::domain::{ts, BusinessCalendar, SeqIds, Status, Urgency};

    fn rate(n: usize, d: usize) -> RateStat {
        RateStat { numerator: n, denominator: d }
    }

    #[test]
    fn comparisons_are_exact() {
        let cases = [
            (Comparison::Above, rate(3, 20), 15, false), // exactly 15 %
            (Comparison::AtLeast, rate(3, 20), 15, true),
            (Comparison::Above, rate(4, 25), 15, true), // 16 %
            (Comparison::Above, rate(1, 7), 14, true),  // 14.28… %
            (Comparison::Below, rate(1, 7), 14, false),
            (Comparison::AtMost, rate(0, 5), 0, true),
            (Comparison::Below, rate(0, 5), 0, false),
        ];
        for (c, r, t, expected) in cases {
            assert_eq!(c.holds(r, t), expected, "{c:?} {r:?} {t}");
        }
    }

    #[test]
    fn draft_validation() {
        let d = |metric, comparison, threshold_percent, days| WarningDraft {
            metric,
            comparison,
            threshold_percent,
            days,
            enabled: true,
        };
        use Comparison::*;
        use WarningMetric::*;
        assert_eq!(d(DailyTimeoutRate, Above, 15, 3).validate(), Ok(()));
        assert_eq!(
            d(DailyTimeoutRate, Above, 101, 3).validate(),
            Err("threshold: expected 0 to 100 %, found 101 %".into())
        );
        assert_eq!(
            d(DailyTimeoutRate, Above, 15, 0).validate(),
            Err("days: expected 1 to 31 consecutive days, found 0".into())
        );
        assert_eq!(
            d(OrphanRate, Above, 20, 2).validate(),
            Err("days: orphan_rate is read at the moment, so days must be 1, found 2".into())
        );
        assert_eq!(
            d(FirstResponseElapsed, Above, 90, 1).validate(),
            Err("comparison: first_response_elapsed only supports at least (≥)".into())
        );
    }

    /// A synthetic 10-day series. Every day from Mon 2 Nov to Wed 11 Nov
    /// 2026 (Shanghai, open every day 09:00–18:00), 10 critical requests
    /// are created at 09:00 local: first response due 10:00, resolution
    /// 13:00 the same day, so 20 targets fall due each day. On day d the
    /// first `late[d]` requests miss both targets, the rest meet both.
    /// Daily timeout rate of day d = late[d] × 2 / 20.
    fn series(late: [usize; 10]) -> Workspace {
        let mut ids = SeqIds::new(1);
        let mut ws = Workspace::with_default_departments(&mut ids, "W", ts("2026-11-01T00:00:00Z"));
        let mut cal = BusinessCalendar::standard("Asia/Shanghai");
        cal.working_days = vec![
            chrono::Weekday::Mon,
            chrono::Weekday::Tue,
            chrono::Weekday::Wed,
            chrono::Weekday::Thu,
            chrono::Weekday::Fri,
            chrono::Weekday::Sat,
            chrono::Weekday::Sun,
        ];
        ws.calendar = cal;
        let start = ts("2026-11-02T01:00:00Z");
        let mut number = 0;
        for (day, late_today) in late.into_iter().enumerate() {
            for i in 0..10 {
                number += 1;
                let created = start + chrono::TimeDelta::days(day as i64);
                let mut r = crate::domain::command::tests_support::blank(ids.next_id());
                r.number = number;
                r.urgency = Urgency::Critical;
                r.created_at = Some(created);
                r.sla = SlaClocks::compute(&ws.calendar, &ws.sla, Urgency::Critical, created, &[]);
                let (fr, res) = if i < late_today { (5, 10) } else { (0, 2) };
                r.first_response_at = Some(created + chrono::TimeDelta::minutes(30 + fr * 60));
                r.resolved_at = Some(created + chrono::TimeDelta::hours(res.max(1)) + chrono::TimeDelta::minutes(30));
                r.status = Status::Resolved;
                ws.requests.insert(r.id, r);
            }
        }
        ws
    }

    fn timeout_rule(ws: &Workspace) -> WarningRule {
        ws.warnings.iter().find(|r| r.metric == WarningMetric::DailyTimeoutRate).cloned().expect("built-in rule")
    }

    #[test]
    fn daily_timeout_series() {
        // Rates: 0 %, 10 %, 20 %, 20 %, 20 %, 10 %, 20 %, 30 %, 40 %, 0 %.
        let ws = series([0, 1, 2, 2, 2, 1, 2, 3, 4, 0]);
        let rule = timeout_rule(&ws);
        // (now: a local morning, expected raise) — the window is the three days before.
        let cases = [
            ("Thu 5: Mon–Wed 0, 10, 20", "2026-11-05T00:30:00Z", false),
            ("Fri 6: Tue–Thu 10, 20, 20", "2026-11-06T00:30:00Z", false),
            ("Sat 7: Wed–Fri 20, 20, 20", "2026-11-07T00:30:00Z", true),
            ("Sun 8: Thu–Sat 20, 20, 10", "2026-11-08T00:30:00Z", false),
            ("Tue 10: Sat–Mon 10, 20, 30", "2026-11-10T00:30:00Z", false),
            ("Wed 11: Sun–Tue 20, 30, 40", "2026-11-11T00:30:00Z", true),
            ("Thu 12: Mon–Wed 30, 40, 0", "2026-11-12T00:30:00Z", false),
        ];
        for (case, now, expected) in cases {
            let v = evaluate(&ws, ts(now));
            let raised = v.raise.iter().any(|(r, _, _)| *r == rule.id);
            assert_eq!(raised, expected, "{case}");
        }
        let v = evaluate(&ws, ts("2026-11-07T00:30:00Z"));
        let readings = &v.raise.iter().find(|(r, _, _)| *r == rule.id).expect("raised").2;
        let got: Vec<(String, usize, usize)> = readings
            .iter()
            .map(|r| (r.day.map(|d| d.to_string()).unwrap_or_default(), r.numerator, r.denominator))
            .collect();
        assert_eq!(got, vec![("2026-11-04".into(), 4, 20), ("2026-11-05".into(), 4, 20), ("2026-11-06".into(), 4, 20)]);
    }

    #[test]
    fn raise_then_clear() {
        let mut ws = series([0, 1, 2, 2, 2, 1, 2, 3, 4, 0]);
        let rule = timeout_rule(&ws);
        ws.alerts.push(Alert {
            id: Id::from_u128(77),
            rule: rule.id,
            request: None,
            raised_at: ts("2026-11-07T00:30:00Z"),
            cleared_at: None,
            values: Vec::new(),
        });
        // Active and still holding: nothing to do.
        assert_eq!(evaluate(&ws, ts("2026-11-07T05:00:00Z")).clear, Vec::<Id>::new());
        assert!(!evaluate(&ws, ts("2026-11-07T05:00:00Z")).raise.iter().any(|(r, _, _)| *r == rule.id));
        // A day later the run is broken: clear.
        assert_eq!(evaluate(&ws, ts("2026-11-08T00:30:00Z")).clear, vec![Id::from_u128(77)]);
    }

    #[test]
    fn first_response_share_per_request() {
        let mut ws = series([0; 10]);
        let rule = ws.warnings.iter().find(|r| r.metric == WarningMetric::FirstResponseElapsed).cloned().unwrap();
        // An open critical request created Thu 12 Nov 09:00 CST without a first response:
        // 1 h target, 90 % = 54 min → 09:54.
        let mut r = crate::domain::command::tests_support::blank(Id::from_u128(500));
        r.created_at = Some(ts("2026-11-12T01:00:00Z"));
        r.urgency = Urgency::Critical;
        r.sla = SlaClocks::compute(&ws.calendar, &ws.sla, Urgency::Critical, ts("2026-11-12T01:00:00Z"), &[]);
        ws.requests.insert(r.id, r);
        let raised = |ws: &Workspace, now: &str| {
            evaluate(ws, ts(now)).raise.iter().any(|(id, req, _)| *id == rule.id && *req == Some(Id::from_u128(500)))
        };
        assert!(!raised(&ws, "2026-11-12T01:53:59Z"));
        assert!(raised(&ws, "2026-11-12T01:54:00Z"));
        let v = evaluate(&ws, ts("2026-11-12T01:54:00Z"));
        let reading = v.raise.iter().find(|(id, _, _)| *id == rule.id).map(|(_, _, r)| r[0]).unwrap();
        assert_eq!((reading.numerator, reading.denominator), (54 * 60, 3600));
        // Once answered, its alert clears.
        ws.alerts.push(Alert {
            id: Id::from_u128(88),
            rule: rule.id,
            request: Some(Id::from_u128(500)),
            raised_at: ts("2026-11-12T01:54:00Z"),
            cleared_at: None,
            values: vec![reading],
        });
        assert!(evaluate(&ws, ts("2026-11-12T02:00:00Z")).clear.is_empty());
        if let Some(r) = ws.requests.get_mut(&Id::from_u128(500)) {
            r.first_response_at = Some(ts("2026-11-12T02:00:00Z"));
        }
        assert_eq!(evaluate(&ws, ts("2026-11-12T02:01:00Z")).clear, vec![Id::from_u128(88)]);
    }
}
