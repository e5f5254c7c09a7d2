//! Trail lines for routing, ownership, responsibility, SLA and warning
//! events (the request lifecycle's own lines are in `labels`).
use crate::components::explain::{fmt_business_time, metric_label, target_text};
use crate::components::labels::{member_name, I18n};
use crate::domain::{Change, Id, Workspace};
use crate::i18n::i18n::*;

fn who(i18n: I18n, ws: &Workspace, id: Option<Id>) -> String {
    member_name(ws, id).unwrap_or_else(|| t_string!(i18n, common.nobody).to_string())
}

fn with_reason(base: String, reason: &str) -> String {
    if reason.is_empty() {
        base
    } else {
        format!("{base} — {reason}")
    }
}

/// One line of the trail for the events not covered by `labels::change_text`.
pub fn more_change_text(i18n: I18n, ws: &Workspace, c: &Change) -> String {
    match c {
        Change::TeamAdded { name, .. } => t_string!(i18n, detail.ev_team_added, name = name.clone()).to_string(),
        Change::TeamRenamed { after, .. } => t_string!(i18n, detail.ev_team_renamed, name = after.clone()).to_string(),
        Change::TeamRemoved { name, .. } => t_string!(i18n, detail.ev_team_removed, name = name.clone()).to_string(),
        Change::Routed { member: Some(m), rule, fallback, .. } => {
            let to = who(i18n, ws, Some(*m));
            match (rule, fallback) {
                (Some(p), _) => t_string!(i18n, detail.ev_routed_rule, to = to, position = *p).to_string(),
                (None, true) => t_string!(i18n, detail.ev_routed_fallback, to = to).to_string(),
                (None, false) => t_string!(i18n, detail.ev_routed, to = to).to_string(),
            }
        }
        Change::Routed { member: None, .. } => t_string!(i18n, detail.ev_routed_nobody).to_string(),
        Change::RoutingRuleAdded { name, .. } => t_string!(i18n, detail.ev_rule_added, name = name.clone()).to_string(),
        Change::RoutingRuleChanged { name, .. } => {
            t_string!(i18n, detail.ev_rule_changed, name = name.clone()).to_string()
        }
        Change::RoutingRuleRemoved { name, .. } => {
            t_string!(i18n, detail.ev_rule_removed, name = name.clone()).to_string()
        }
        Change::RoutingRuleMoved { name, from, to, .. } => {
            t_string!(i18n, detail.ev_rule_moved, name = name.clone(), from = *from, to = *to).to_string()
        }
        Change::RoutingFallbackChanged { after, .. } => match after {
            Some(t) => t_string!(i18n, detail.ev_fallback, target = target_text(i18n, ws, t)).to_string(),
            None => t_string!(i18n, detail.ev_fallback_none).to_string(),
        },
        Change::OwnershipOffered { to, reason } => {
            with_reason(t_string!(i18n, detail.ev_offered, to = who(i18n, ws, Some(*to))).to_string(), reason)
        }
        Change::OwnershipAccepted { to, .. } => {
            t_string!(i18n, detail.ev_accepted, to = who(i18n, ws, Some(*to))).to_string()
        }
        Change::OwnershipDeclined { to, reason } => {
            with_reason(t_string!(i18n, detail.ev_declined, to = who(i18n, ws, Some(*to))).to_string(), reason)
        }
        Change::OwnershipTransferred { from, to, reason } => with_reason(
            t_string!(i18n, detail.ev_transferred, from = who(i18n, ws, *from), to = who(i18n, ws, Some(*to)))
                .to_string(),
            reason,
        ),
        Change::ResponsibilitySet { category, .. } => {
            t_string!(i18n, detail.ev_raci_set, category = category.clone()).to_string()
        }
        Change::ResponsibilityRemoved { category, .. } => {
            t_string!(i18n, detail.ev_raci_removed, category = category.clone()).to_string()
        }
        Change::ThresholdsChanged { orphan_after_secs, duplicate_window_days } => t_string!(
            i18n,
            detail.ev_thresholds,
            orphan = fmt_business_time(i18n, *orphan_after_secs),
            days = *duplicate_window_days
        )
        .to_string(),
        Change::MergedInto { number, reason, .. } => {
            with_reason(t_string!(i18n, detail.ev_merged_into, number = *number).to_string(), reason)
        }
        Change::MergedFrom { number, .. } => t_string!(i18n, detail.ev_merged_from, number = *number).to_string(),
        Change::CalendarChanged { zone, recomputed } => {
            t_string!(i18n, detail.ev_calendar, zone = zone.clone(), count = *recomputed).to_string()
        }
        Change::SlaPolicyChanged { recomputed } => {
            t_string!(i18n, detail.ev_sla_policy, count = *recomputed).to_string()
        }
        Change::SlaTargetsChanged { after, .. } => match after {
            Some(t) => t_string!(
                i18n,
                detail.ev_sla_targets,
                first = fmt_business_time(i18n, t.first_response_secs),
                resolution = fmt_business_time(i18n, t.resolution_secs)
            )
            .to_string(),
            None => t_string!(i18n, detail.ev_sla_none).to_string(),
        },
        Change::WarningRuleAdded { metric, .. } => {
            t_string!(i18n, detail.ev_warning_added, metric = metric_label(i18n, *metric)).to_string()
        }
        Change::WarningRuleChanged { metric, .. } => {
            t_string!(i18n, detail.ev_warning_changed, metric = metric_label(i18n, *metric)).to_string()
        }
        Change::WarningRuleRemoved { metric, .. } => {
            t_string!(i18n, detail.ev_warning_removed, metric = metric_label(i18n, *metric)).to_string()
        }
        Change::AlertRaised { metric, .. } => {
            t_string!(i18n, detail.ev_alert_raised, metric = metric_label(i18n, *metric)).to_string()
        }
        Change::AlertCleared { metric, .. } => {
            t_string!(i18n, detail.ev_alert_cleared, metric = metric_label(i18n, *metric)).to_string()
        }
        Change::MaturityModelAdded { name, .. } => {
            t_string!(i18n, detail.ev_model_added, name = name.clone()).to_string()
        }
        Change::MaturityModelEdited { version, .. } => {
            t_string!(i18n, detail.ev_model_edited, version = *version).to_string()
        }
        Change::MaturityModelRemoved { .. } => t_string!(i18n, detail.ev_model_removed).to_string(),
        Change::RoundStarted { team, period, .. } => {
            t_string!(i18n, detail.ev_round_started, team = team.clone(), period = period.clone()).to_string()
        }
        Change::RoundChanged { period, .. } => {
            t_string!(i18n, detail.ev_round_changed, period = period.clone()).to_string()
        }
        Change::RoundRemoved { period, .. } => {
            t_string!(i18n, detail.ev_round_removed, period = period.clone()).to_string()
        }
        Change::ResponseAdded { .. } => t_string!(i18n, detail.ev_response_added).to_string(),
        Change::ResponseRemoved { .. } => t_string!(i18n, detail.ev_response_removed).to_string(),
        // The lifecycle's own lines are written by `labels::change_text`.
        other => crate::components::handoff::handoff_change_text(i18n, ws, other)
            .unwrap_or_else(|| crate::components::board_text::board_change_text(i18n, ws, other)),
    }
}
