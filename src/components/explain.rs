//! Words for routing, SLA clocks, responsibility and early warnings: the
//! explanations a user reads ("rule 3: category = complaint and urgency ≥
//! high → service team A, least loaded member, 2 open requests").
use leptos::prelude::*;

use crate::components::labels::{channel_label, department_name, fmt_duration, fmt_wall, urgency_label, I18n};
use crate::domain::responsibility::RaciRole;
use crate::domain::routing::{Conditions, RoutingDecision, Strategy, TagMatch, Target};
use crate::domain::sla::{ClockKind, Light};
use crate::domain::warnings::{Comparison, WarningMetric, WarningRule};
use crate::domain::{BusinessCalendar, Id, Timestamp, Workspace};
use crate::i18n::i18n::*;

/// A light's word; the colour is never the only signal.
pub fn light_label(i18n: I18n, l: Light) -> String {
    match l {
        Light::Green => t_string!(i18n, sla.light_green),
        Light::Yellow => t_string!(i18n, sla.light_yellow),
        Light::Red => t_string!(i18n, sla.light_red),
        Light::Paused => t_string!(i18n, sla.light_paused),
        Light::Met => t_string!(i18n, sla.light_met),
        Light::Late => t_string!(i18n, sla.light_late),
    }
    .to_string()
}

pub fn clock_label(i18n: I18n, k: ClockKind) -> String {
    match k {
        ClockKind::FirstResponse => t_string!(i18n, sla.clock_first_response),
        ClockKind::Resolution => t_string!(i18n, sla.clock_resolution),
    }
    .to_string()
}

/// A light as a badge: a coloured dot and its word.
#[component]
pub fn LightBadge(light: Light, #[prop(optional)] prefix: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let word = light_label(i18n, light);
    let text = match prefix {
        Some(p) => format!("{p}: {word}"),
        None => word,
    };
    view! { <span class=format!("light light-{}", light.key()) data-light=light.key()>{text}</span> }
}

pub fn strategy_label(i18n: I18n, s: Strategy) -> String {
    match s {
        Strategy::LeastLoaded => t_string!(i18n, routing.strategy_least_loaded),
        Strategy::RoundRobin => t_string!(i18n, routing.strategy_round_robin),
        Strategy::BestSkill => t_string!(i18n, routing.strategy_best_skill),
    }
    .to_string()
}

pub fn raci_label(i18n: I18n, r: RaciRole) -> String {
    match r {
        RaciRole::Responsible => t_string!(i18n, responsibility.role_r),
        RaciRole::Accountable => t_string!(i18n, responsibility.role_a),
        RaciRole::Consulted => t_string!(i18n, responsibility.role_c),
        RaciRole::Informed => t_string!(i18n, responsibility.role_i),
    }
    .to_string()
}

pub fn metric_label(i18n: I18n, m: WarningMetric) -> String {
    match m {
        WarningMetric::DailyTimeoutRate => t_string!(i18n, alerts.metric_timeout),
        WarningMetric::OrphanRate => t_string!(i18n, alerts.metric_orphan),
        WarningMetric::FirstResponseElapsed => t_string!(i18n, alerts.metric_first_response),
    }
    .to_string()
}

/// "Daily timeout rate > 15 % on 3 consecutive days".
pub fn rule_text(i18n: I18n, r: &WarningRule) -> String {
    let base = format!("{} {} {} %", metric_label(i18n, r.metric), r.comparison.symbol(), r.threshold_percent);
    if r.metric.is_daily() {
        format!("{base} {}", t_string!(i18n, alerts.on_days, days = r.days))
    } else {
        base
    }
}

pub fn comparison_label(c: Comparison) -> &'static str {
    c.symbol()
}

/// A team's name, or a department's for members outside any team.
pub fn unit_name(i18n: I18n, ws: &Workspace, unit: Id) -> String {
    if let Some(t) = ws.team(unit) {
        return t.name.clone();
    }
    ws.department(unit).map(|d| department_name(i18n, d)).unwrap_or_else(|| t_string!(i18n, common.unknown).to_string())
}

fn member_or_unknown(i18n: I18n, ws: &Workspace, id: Id) -> String {
    ws.member(id).map(|m| m.name.clone()).unwrap_or_else(|| t_string!(i18n, common.unknown).to_string())
}

/// "Service A, least loaded member" or "Dee".
pub fn target_text(i18n: I18n, ws: &Workspace, t: &Target) -> String {
    match *t {
        Target::Team { team, strategy } => {
            format!("{}, {}", unit_name(i18n, ws, team), strategy_label(i18n, strategy))
        }
        Target::Member { member } => member_or_unknown(i18n, ws, member),
    }
}

/// "category = complaint and urgency ≥ High"; "any request" when empty.
pub fn conditions_text(i18n: I18n, c: &Conditions) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !c.categories.is_empty() {
        parts.push(format!("{} = {}", t_string!(i18n, routing.cond_category), c.categories.join(" / ")));
    }
    if !c.channels.is_empty() {
        let names: Vec<String> = c.channels.iter().map(|ch| channel_label(i18n, *ch)).collect();
        parts.push(format!("{} = {}", t_string!(i18n, routing.cond_channel), names.join(" / ")));
    }
    if let Some(u) = c.min_urgency {
        parts.push(format!("{} ≥ {}", t_string!(i18n, routing.cond_urgency), urgency_label(i18n, u)));
    }
    if !c.tags.is_empty() {
        let how = match c.tags_match {
            TagMatch::Any => t_string!(i18n, routing.cond_tags_any),
            TagMatch::All => t_string!(i18n, routing.cond_tags_all),
        };
        parts.push(format!("{how} {}", c.tags.join(", ")));
    }
    if !c.preferences_contain.is_empty() {
        parts.push(format!("{} “{}”", t_string!(i18n, routing.cond_preferences), c.preferences_contain));
    }
    if parts.is_empty() {
        t_string!(i18n, routing.cond_any).to_string()
    } else {
        parts.join(&format!(" {} ", t_string!(i18n, routing.and)))
    }
}

/// Why routing chose whom, in one sentence.
pub fn decision_text(i18n: I18n, ws: &Workspace, d: &RoutingDecision) -> String {
    let why = match (&d.rule, d.via_fallback) {
        (Some(hit), _) => t_string!(
            i18n,
            routing.why_rule,
            position = hit.position,
            name = hit.name.clone(),
            conditions = conditions_text(i18n, &hit.when)
        )
        .to_string(),
        (None, true) => t_string!(i18n, routing.why_fallback).to_string(),
        (None, false) => t_string!(i18n, routing.why_nothing).to_string(),
    };
    let Some(member) = d.member else {
        return format!("{why} → {}", t_string!(i18n, routing.nobody_available));
    };
    let mut to = Vec::new();
    if let (Some(team), Some(_)) = (d.team, d.strategy) {
        to.push(unit_name(i18n, ws, team));
    }
    if let Some(s) = d.strategy {
        to.push(strategy_label(i18n, s));
    }
    to.push(member_or_unknown(i18n, ws, member));
    let mut load = t_string!(i18n, routing.open_load, count = d.load).to_string();
    if let Some(n) = d.skill_matches {
        load = format!("{load}, {}", t_string!(i18n, routing.skill_matches, count = n));
    }
    format!("{why} → {} ({load})", to.join(", "))
}

/// The skipped rules of a decision ("rule 1 “x”: nobody available").
pub fn skipped_text(i18n: I18n, d: &RoutingDecision) -> Option<String> {
    if d.skipped.is_empty() {
        return None;
    }
    let parts: Vec<String> = d
        .skipped
        .iter()
        .map(|s| {
            if s.position == 0 {
                t_string!(i18n, routing.skipped_fallback).to_string()
            } else {
                t_string!(i18n, routing.skipped_rule, position = s.position, name = s.name.clone()).to_string()
            }
        })
        .collect();
    Some(format!("{} {}", t_string!(i18n, routing.skipped), parts.join("; ")))
}

/// "2026-11-03 11:00" in the workspace's zone, with the zone's name.
pub fn fmt_in_zone(cal: &BusinessCalendar, at: Timestamp) -> String {
    match cal.tz() {
        Ok(tz) => format!("{} {}", fmt_wall(&tz.local(at)), cal.zone),
        Err(_) => format!("{} UTC", fmt_wall(&at.naive_utc())),
    }
}

/// Business time in hours and minutes ("45 h", "2 h 15 min"): a business
/// day is not 24 hours, so days would mislead.
pub fn fmt_business_time(i18n: I18n, secs: i64) -> String {
    let secs = secs.max(0);
    let (h, m) = (secs / 3600, secs % 3600 / 60);
    let hour = t_string!(i18n, common.unit_hour);
    let min = t_string!(i18n, common.unit_minute);
    match (h, m) {
        (0, _) if secs < 60 && secs > 0 => fmt_duration(i18n, secs),
        (0, m) => format!("{m} {min}"),
        (h, 0) => format!("{h} {hour}"),
        (h, m) => format!("{h} {hour} {m} {min}"),
    }
}

/// "2 h 15 min left" or "3 h overdue", in business time.
pub fn fmt_business(i18n: I18n, secs: i64) -> String {
    if secs < 0 {
        t_string!(i18n, sla.overdue_by, time = fmt_business_time(i18n, -secs)).to_string()
    } else {
        t_string!(i18n, sla.left, time = fmt_business_time(i18n, secs)).to_string()
    }
}
