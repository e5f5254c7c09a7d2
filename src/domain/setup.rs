//! Commands that change how the workspace works rather than one request:
//! teams, routing rules, the responsibility matrix, thresholds, the business
//! calendar, SLA policies and early-warning rules. Each checks everything
//! before changing anything, like every command.

use super::command::{invalid, required_text, Trail};
use super::responsibility::{RaciRow, Thresholds};
use super::routing::{RoutingRule, RuleDraft, Target};
use super::sla::{self, SlaPolicy};
use super::warnings::{self, Alert, WarningDraft};
use super::{BusinessCalendar, Change, CommandError, Id, Team, Workspace};

fn team_not_found(id: Id) -> CommandError {
    CommandError::NotFound { what: "team", id }
}

pub(super) fn add_team(ws: &mut Workspace, name: &str, department: Id, trail: &mut Trail) -> Result<(), CommandError> {
    let name = required_text("team name", name)?;
    ws.department(department).ok_or(CommandError::NotFound { what: "department", id: department })?;
    if ws.teams.iter().any(|t| t.name.to_lowercase() == name.to_lowercase()) {
        return Err(invalid("team name", format!("{name:?} exists already")));
    }
    let id = trail.ctx.ids.next_id();
    trail.push(Change::TeamAdded { team: id, name: name.clone(), department });
    ws.teams.push(Team { id, name, department });
    Ok(())
}

pub(super) fn rename_team(ws: &mut Workspace, team: Id, name: &str, trail: &mut Trail) -> Result<(), CommandError> {
    let name = required_text("team name", name)?;
    let t = ws.team(team).ok_or_else(|| team_not_found(team))?;
    if ws.teams.iter().any(|o| o.id != team && o.name.to_lowercase() == name.to_lowercase()) {
        return Err(invalid("team name", format!("{name:?} exists already")));
    }
    if t.name != name {
        trail.push(Change::TeamRenamed { team, before: t.name.clone(), after: name.clone() });
        if let Some(t) = ws.teams.iter_mut().find(|t| t.id == team) {
            t.name = name;
        }
    }
    Ok(())
}

/// Whether a target sends requests to `team`.
fn targets_team(target: &Target, team: Id) -> bool {
    matches!(target, Target::Team { team: t, .. } if *t == team)
}

pub(super) fn remove_team(ws: &mut Workspace, team: Id, trail: &mut Trail) -> Result<(), CommandError> {
    let t = ws.team(team).ok_or_else(|| team_not_found(team))?;
    let members = ws.members.iter().filter(|m| m.team == Some(team)).count();
    let rules = ws.routing.rules.iter().filter(|r| targets_team(&r.target, team)).count()
        + usize::from(ws.routing.fallback.as_ref().is_some_and(|f| targets_team(f, team)));
    if members > 0 || rules > 0 {
        return Err(CommandError::TeamInUse { name: t.name.clone(), members, rules });
    }
    trail.push(Change::TeamRemoved { team, name: t.name.clone() });
    ws.teams.retain(|t| t.id != team);
    ws.routing.cursors.remove(&team);
    Ok(())
}

/// A target whose team or member exists.
fn check_target(ws: &Workspace, target: &Target) -> Result<(), CommandError> {
    match *target {
        Target::Team { team, .. } => ws.team(team).map(|_| ()).ok_or_else(|| team_not_found(team)),
        Target::Member { member } => {
            ws.member(member).ok_or(CommandError::NotFound { what: "member", id: member })?;
            Ok(())
        }
    }
}

fn checked_draft(ws: &Workspace, draft: RuleDraft) -> Result<RuleDraft, CommandError> {
    let name = required_text("rule name", &draft.name)?;
    check_target(ws, &draft.target)?;
    Ok(RuleDraft { name, enabled: draft.enabled, when: draft.when.cleaned(), target: draft.target })
}

fn rule_index(ws: &Workspace, rule: Id) -> Result<usize, CommandError> {
    ws.routing.rules.iter().position(|r| r.id == rule).ok_or(CommandError::NotFound { what: "routing rule", id: rule })
}

pub(super) fn add_rule(ws: &mut Workspace, draft: RuleDraft, trail: &mut Trail) -> Result<(), CommandError> {
    let d = checked_draft(ws, draft)?;
    let id = trail.ctx.ids.next_id();
    trail.push(Change::RoutingRuleAdded { rule: id, name: d.name.clone() });
    ws.routing.rules.push(RoutingRule { id, name: d.name, enabled: d.enabled, when: d.when, target: d.target });
    Ok(())
}

pub(super) fn update_rule(
    ws: &mut Workspace,
    rule: Id,
    draft: RuleDraft,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let i = rule_index(ws, rule)?;
    let d = checked_draft(ws, draft)?;
    let next = RoutingRule { id: rule, name: d.name, enabled: d.enabled, when: d.when, target: d.target };
    if ws.routing.rules.get(i) != Some(&next) {
        trail.push(Change::RoutingRuleChanged { rule, name: next.name.clone() });
        if let Some(slot) = ws.routing.rules.get_mut(i) {
            *slot = next;
        }
    }
    Ok(())
}

pub(super) fn remove_rule(ws: &mut Workspace, rule: Id, trail: &mut Trail) -> Result<(), CommandError> {
    let i = rule_index(ws, rule)?;
    let removed = ws.routing.rules.remove(i);
    trail.push(Change::RoutingRuleRemoved { rule, name: removed.name });
    Ok(())
}

pub(super) fn move_rule(ws: &mut Workspace, rule: Id, to: usize, trail: &mut Trail) -> Result<(), CommandError> {
    let from = rule_index(ws, rule)?;
    let last = ws.routing.rules.len() - 1;
    if to > last {
        return Err(invalid("position", format!("expected 1 to {}, found {}", last + 1, to + 1)));
    }
    if from != to {
        let r = ws.routing.rules.remove(from);
        let position = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
        trail.push(Change::RoutingRuleMoved { rule, name: r.name.clone(), from: position(from), to: position(to) });
        ws.routing.rules.insert(to, r);
    }
    Ok(())
}

pub(super) fn set_fallback(
    ws: &mut Workspace,
    fallback: Option<Target>,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    if let Some(t) = &fallback {
        check_target(ws, t)?;
    }
    if fallback != ws.routing.fallback {
        trail.push(Change::RoutingFallbackChanged { before: ws.routing.fallback, after: fallback });
        ws.routing.fallback = fallback;
    }
    Ok(())
}

pub(super) fn set_responsibility(ws: &mut Workspace, row: RaciRow, trail: &mut Trail) -> Result<(), CommandError> {
    let row = RaciRow { category: row.category.trim().to_string(), roles: row.roles };
    row.check(ws)?;
    let existing = ws.responsibility.iter().position(|r| r.is_for(&row.category));
    let before = existing.and_then(|i| ws.responsibility.get(i)).map(RaciRow::summary).unwrap_or_default();
    let after = row.summary();
    let same = existing.and_then(|i| ws.responsibility.get(i)) == Some(&row);
    if same {
        return Ok(());
    }
    trail.push(Change::ResponsibilitySet { category: row.category.clone(), before, after });
    match existing.and_then(|i| ws.responsibility.get_mut(i)) {
        Some(slot) => *slot = row,
        None => ws.responsibility.push(row),
    }
    Ok(())
}

pub(super) fn remove_responsibility(ws: &mut Workspace, category: &str, trail: &mut Trail) -> Result<(), CommandError> {
    let i =
        ws.responsibility.iter().position(|r| r.is_for(category)).ok_or_else(|| {
            invalid("category", format!("{:?} has no row in the responsibility matrix", category.trim()))
        })?;
    let removed = ws.responsibility.remove(i);
    trail.push(Change::ResponsibilityRemoved { category: removed.category.clone(), before: removed.summary() });
    Ok(())
}

pub(super) fn set_thresholds(ws: &mut Workspace, t: Thresholds, trail: &mut Trail) -> Result<(), CommandError> {
    t.validate().map_err(|p| invalid("thresholds", p))?;
    if t != ws.thresholds {
        trail.push(Change::ThresholdsChanged {
            orphan_after_secs: t.orphan_after_secs,
            duplicate_window_days: t.duplicate_window_days,
        });
        ws.thresholds = t;
    }
    Ok(())
}

/// Recomputes the clocks of every open request; returns how many changed,
/// recording the targets of each whose targets changed.
fn recompute_open(ws: &mut Workspace, trail: &mut Trail) -> u32 {
    let Workspace { requests, calendar, sla: policy, .. } = ws;
    let cal = calendar.prepare();
    let mut changed = 0u32;
    for r in requests.values_mut().filter(|r| r.is_open()) {
        let before = r.sla.map(|c| c.targets());
        if sla::recompute(r, cal.as_ref(), policy) {
            changed += 1;
            let after = r.sla.map(|c| c.targets());
            if before != after {
                trail.push_for(r.id, Change::SlaTargetsChanged { before, after });
            }
        }
    }
    changed
}

pub(super) fn set_calendar(
    ws: &mut Workspace,
    mut cal: BusinessCalendar,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    cal.zone = cal.zone.trim().to_string();
    cal.working_days.sort_by_key(|d| d.num_days_from_monday());
    cal.working_days.dedup();
    cal.validate()?;
    if cal == ws.calendar {
        return Ok(());
    }
    ws.calendar = cal;
    let recomputed = recompute_open(ws, trail);
    trail.push(Change::CalendarChanged { zone: ws.calendar.zone.clone(), recomputed });
    Ok(())
}

pub(super) fn set_sla_policy(ws: &mut Workspace, policy: SlaPolicy, trail: &mut Trail) -> Result<(), CommandError> {
    policy.validate().map_err(|p| invalid("sla", p))?;
    if policy == ws.sla {
        return Ok(());
    }
    ws.sla = policy;
    let recomputed = recompute_open(ws, trail);
    trail.push(Change::SlaPolicyChanged { recomputed });
    Ok(())
}

fn warning_index(ws: &Workspace, rule: Id) -> Result<usize, CommandError> {
    ws.warnings.iter().position(|r| r.id == rule).ok_or(CommandError::NotFound { what: "warning rule", id: rule })
}

pub(super) fn add_warning(ws: &mut Workspace, draft: WarningDraft, trail: &mut Trail) -> Result<(), CommandError> {
    draft.validate().map_err(|p| invalid("warning rule", p))?;
    let id = trail.ctx.ids.next_id();
    trail.push(Change::WarningRuleAdded { rule: id, metric: draft.metric });
    ws.warnings.push(draft.into_rule(id));
    Ok(())
}

pub(super) fn update_warning(
    ws: &mut Workspace,
    rule: Id,
    draft: WarningDraft,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let i = warning_index(ws, rule)?;
    draft.validate().map_err(|p| invalid("warning rule", p))?;
    let next = draft.into_rule(rule);
    if ws.warnings.get(i) != Some(&next) {
        trail.push(Change::WarningRuleChanged { rule, metric: next.metric });
        if let Some(slot) = ws.warnings.get_mut(i) {
            *slot = next;
        }
    }
    Ok(())
}

pub(super) fn remove_warning(ws: &mut Workspace, rule: Id, trail: &mut Trail) -> Result<(), CommandError> {
    let i = warning_index(ws, rule)?;
    let now = trail.ctx.now;
    // Its alerts stay in the history, cleared.
    let active: Vec<Id> = ws.alerts.iter().filter(|a| a.rule == rule && a.is_active()).map(|a| a.id).collect();
    for alert in active {
        clear(ws, alert, now, trail);
    }
    let removed = ws.warnings.remove(i);
    trail.push(Change::WarningRuleRemoved { rule, metric: removed.metric });
    Ok(())
}

fn clear(ws: &mut Workspace, alert: Id, now: super::Timestamp, trail: &mut Trail) {
    let metric = |ws: &Workspace, rule: Id| ws.warnings.iter().find(|w| w.id == rule).map(|w| w.metric);
    let Some(a) = ws.alerts.iter().find(|a| a.id == alert) else { return };
    let (rule, request) = (a.rule, a.request);
    if let Some(metric) = metric(ws, rule) {
        let change = Change::AlertCleared { alert, rule, metric };
        match request {
            Some(r) => trail.push_for(r, change),
            None => trail.push(change),
        }
    }
    if let Some(a) = ws.alerts.iter_mut().find(|a| a.id == alert) {
        a.cleared_at = Some(now);
    }
}

pub(super) fn evaluate_warnings(ws: &mut Workspace, trail: &mut Trail) {
    let now = trail.ctx.now;
    let verdict = warnings::evaluate(ws, now);
    for alert in verdict.clear {
        clear(ws, alert, now, trail);
    }
    for (rule, request, values) in verdict.raise {
        let Some(metric) = ws.warnings.iter().find(|w| w.id == rule).map(|w| w.metric) else { continue };
        let id = trail.ctx.ids.next_id();
        let change = Change::AlertRaised { alert: id, rule, metric };
        match request {
            Some(r) => trail.push_for(r, change),
            None => trail.push(change),
        }
        ws.alerts.push(Alert { id, rule, request, raised_at: now, cleared_at: None, values });
    }
}
