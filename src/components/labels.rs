//! Words for domain values in the reader's language, and time formatting in
//! the browser's zone. Everything user-facing comes from the translation files.
use chrono::{FixedOffset, TimeZone};
use leptos::prelude::WithUntracked;
use leptos_i18n::I18nContext;

use crate::domain::{Change, Channel, CommandError, Department, Status, Timestamp, Urgency, Workspace};
use crate::i18n::i18n::*;

pub type I18n = I18nContext<Locale>;

pub fn status_label(i18n: I18n, s: Status) -> String {
    match s {
        Status::New => t_string!(i18n, common.status_new),
        Status::InProgress => t_string!(i18n, common.status_in_progress),
        Status::WaitingForCustomer => t_string!(i18n, common.status_waiting),
        Status::Resolved => t_string!(i18n, common.status_resolved),
        Status::Closed => t_string!(i18n, common.status_closed),
        Status::Reopened => t_string!(i18n, common.status_reopened),
    }
    .to_string()
}

pub fn channel_label(i18n: I18n, c: Channel) -> String {
    match c {
        Channel::Phone => t_string!(i18n, common.channel_phone),
        Channel::Email => t_string!(i18n, common.channel_email),
        Channel::Chat => t_string!(i18n, common.channel_chat),
        Channel::Visit => t_string!(i18n, common.channel_visit),
        Channel::Social => t_string!(i18n, common.channel_social),
        Channel::Other => t_string!(i18n, common.channel_other),
    }
    .to_string()
}

pub fn urgency_label(i18n: I18n, u: Urgency) -> String {
    match u {
        Urgency::Low => t_string!(i18n, common.urgency_low),
        Urgency::Medium => t_string!(i18n, common.urgency_medium),
        Urgency::High => t_string!(i18n, common.urgency_high),
        Urgency::Critical => t_string!(i18n, common.urgency_critical),
    }
    .to_string()
}

pub const STATUSES: [Status; 6] =
    [Status::New, Status::InProgress, Status::WaitingForCustomer, Status::Resolved, Status::Closed, Status::Reopened];
pub const CHANNELS: [Channel; 6] =
    [Channel::Phone, Channel::Email, Channel::Chat, Channel::Visit, Channel::Social, Channel::Other];
pub const URGENCIES: [Urgency; 4] = [Urgency::Low, Urgency::Medium, Urgency::High, Urgency::Critical];

/// A department's name: the team's own, else the built-in one in this language.
pub fn department_name(i18n: I18n, d: &Department) -> String {
    if !d.name.trim().is_empty() {
        return d.name.clone();
    }
    match d.builtin.as_deref() {
        Some("sales") => t_string!(i18n, common.dept_sales).to_string(),
        Some("service") => t_string!(i18n, common.dept_service).to_string(),
        Some("marketing") => t_string!(i18n, common.dept_marketing).to_string(),
        Some("technical") => t_string!(i18n, common.dept_technical).to_string(),
        _ => String::new(),
    }
}

pub fn member_name(ws: &Workspace, id: Option<crate::domain::Id>) -> Option<String> {
    id.and_then(|id| ws.member(id)).map(|m| m.name.clone())
}

/// "2026-12-01 09:30" in the browser's zone at that instant.
pub fn fmt_time(at: Timestamp) -> String {
    let offset = crate::platform::clock::local_offset_minutes(at);
    match FixedOffset::east_opt(offset * 60) {
        Some(zone) => fmt_wall(&zone.from_utc_datetime(&at.naive_utc()).naive_local()),
        None => format!("{} UTC", fmt_wall(&at.naive_utc())),
    }
}

/// "2026-12-01 09:30". Written out by hand rather than with chrono's
/// `format`, which would bring its whole format-string machinery into the wasm.
pub fn fmt_wall(t: &chrono::NaiveDateTime) -> String {
    use chrono::{Datelike, Timelike};
    format!("{:04}-{:02}-{:02} {:02}:{:02}", t.year(), t.month(), t.day(), t.hour(), t.minute())
}

/// `value` with `decimals` digits after the point ("3.25"), by integer
/// arithmetic: the wasm then carries no float-formatting code.
pub fn fixed(value: f64, decimals: u32) -> String {
    let scale = 10i64.pow(decimals);
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let abs = scaled.unsigned_abs();
    let (int, frac) = (abs / scale as u64, abs % scale as u64);
    if decimals == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = decimals as usize)
    }
}

pub fn fmt_opt_time(i18n: I18n, at: Option<Timestamp>) -> String {
    at.map(fmt_time).unwrap_or_else(|| t_string!(i18n, common.unknown).to_string())
}

/// A duration in the two largest units: "3 d 4 h", "2 h 15 min", "45 s".
pub fn fmt_duration(i18n: I18n, secs: i64) -> String {
    let secs = secs.max(0);
    let (d, h, m, s) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60, secs % 60);
    let day = t_string!(i18n, common.unit_day);
    let hour = t_string!(i18n, common.unit_hour);
    let min = t_string!(i18n, common.unit_minute);
    let sec = t_string!(i18n, common.unit_second);
    if d > 0 {
        format!("{d} {day} {h} {hour}")
    } else if h > 0 {
        format!("{h} {hour} {m} {min}")
    } else if m > 0 {
        format!("{m} {min}")
    } else {
        format!("{s} {sec}")
    }
}

fn field_label(i18n: I18n, field: &str) -> String {
    match field {
        "title" => t_string!(i18n, common.field_title).to_string(),
        "reason" => t_string!(i18n, common.field_reason).to_string(),
        "summary" => t_string!(i18n, common.field_summary).to_string(),
        "satisfaction" => t_string!(i18n, common.field_satisfaction).to_string(),
        "text" | "comment" => t_string!(i18n, common.field_comment).to_string(),
        "name" => t_string!(i18n, common.field_name).to_string(),
        "owner" => t_string!(i18n, common.field_owner).to_string(),
        "to" | "assignee" => t_string!(i18n, common.field_assignee).to_string(),
        "department" => t_string!(i18n, common.field_department).to_string(),
        "workspace name" => t_string!(i18n, common.field_workspace_name).to_string(),
        "department name" => t_string!(i18n, common.field_department_name).to_string(),
        "member name" => t_string!(i18n, common.field_member_name).to_string(),
        "team name" => t_string!(i18n, common.field_team_name).to_string(),
        "rule name" => t_string!(i18n, common.field_rule_name).to_string(),
        "category" => t_string!(i18n, common.field_category).to_string(),
        other => crate::components::board_text::field_label(i18n, other),
    }
}

/// The messages of refusals that carry their detail in `problem`, by the
/// field and the problem's shape; none for those handled generally.
fn specific_problem(i18n: I18n, field: &str, problem: &str) -> Option<String> {
    let text = match field {
        "team" if problem.ends_with("belongs to another department") => t_string!(i18n, common.error_team_department),
        "capacity" => t_string!(i18n, settings.error_capacity),
        "successor" => t_string!(i18n, common.error_successor_self),
        "to" if problem == "is the first-contact owner already" => t_string!(i18n, responsibility.error_already_owner),
        "offer" if problem.starts_with("a transfer to") => {
            let name = problem.trim_start_matches("a transfer to ").split(" is waiting").next().unwrap_or("");
            return Some(t_string!(i18n, responsibility.error_offer_waiting, name = name.to_string()).to_string());
        }
        "offer" => t_string!(i18n, responsibility.error_no_offer),
        "duplicate" => t_string!(i18n, responsibility.error_merge_self),
        "keep" => t_string!(i18n, responsibility.error_merged_already),
        "team name" if problem.ends_with("exists already") => t_string!(i18n, common.error_team_exists),
        "thresholds" => t_string!(i18n, sla.error_thresholds),
        "sla" if problem.starts_with("warning share") => t_string!(i18n, sla.error_warn),
        "sla" => t_string!(i18n, sla.error_target_range),
        "warning rule" if problem.starts_with("threshold") => t_string!(i18n, alerts.error_threshold),
        "warning rule" if problem.contains("days must be 1") => t_string!(i18n, alerts.error_days_one),
        "warning rule" if problem.starts_with("days") => t_string!(i18n, alerts.error_days),
        "warning rule" => t_string!(i18n, alerts.error_comparison),
        _ => return crate::components::board_text::board_problem(i18n, field, problem),
    };
    Some(text.to_string())
}

/// A refused command, explained in the reader's language.
pub fn command_error_text(i18n: I18n, e: &CommandError) -> String {
    match e {
        CommandError::NotFound { .. } => t_string!(i18n, common.error_not_found).to_string(),
        CommandError::IllegalTransition { number, from, to, .. } => t_string!(
            i18n,
            common.error_transition,
            number = *number,
            from = status_label(i18n, *from),
            to = status_label(i18n, *to)
        )
        .to_string(),
        CommandError::Invalid { field, problem } => {
            let label = field_label(i18n, field);
            if problem == "must not be empty" {
                t_string!(i18n, common.error_required, field = label).to_string()
            } else if problem.starts_with("at most") {
                t_string!(i18n, common.error_too_long, field = label, max = crate::domain::MAX_TITLE_CHARS).to_string()
            } else if *field == "satisfaction" {
                t_string!(i18n, common.error_rating).to_string()
            } else if *field == "reason" && problem == "a reassignment needs a reason" {
                t_string!(i18n, common.error_reassign_reason).to_string()
            } else if problem == "is already handling this request" {
                t_string!(i18n, common.error_already_handling).to_string()
            } else if problem.ends_with(" is inactive") {
                t_string!(i18n, common.error_member_inactive, field = label).to_string()
            } else if *field == "routing" {
                t_string!(i18n, routing.error_no_routing).to_string()
            } else if *field == "department name" && problem.ends_with("exists already") {
                t_string!(i18n, common.error_department_exists).to_string()
            } else if let Some(text) = specific_problem(i18n, field, problem) {
                text
            } else {
                format!("{label}: {problem}")
            }
        }
        CommandError::FirstResponseAlreadyRecorded { number } => {
            t_string!(i18n, common.error_first_response_twice, number = *number).to_string()
        }
        CommandError::NotOpen { number, status, .. } => {
            t_string!(i18n, common.error_not_open, number = *number, status = status_label(i18n, *status)).to_string()
        }
        CommandError::DepartmentInUse { department, name, members, teams, rows } => {
            let name = crate::state::use_app()
                .workspace
                .with_untracked(|w| {
                    w.as_ref().and_then(|ws| ws.department(*department).map(|d| department_name(i18n, d)))
                })
                .unwrap_or_else(|| name.clone());
            t_string!(i18n, common.error_department_in_use, name = name, count = *members, teams = *teams, rows = *rows)
                .to_string()
        }
        CommandError::BadImport { index, problem } => format!("#{index}: {problem}"),
        CommandError::MemberIsAccountable { name, count } => {
            t_string!(i18n, common.error_member_accountable, name = name.clone(), count = *count).to_string()
        }
        CommandError::TeamInUse { name, members, rules } => {
            t_string!(i18n, common.error_team_in_use, name = name.clone(), members = *members, rules = *rules)
                .to_string()
        }
        CommandError::NotAddressee { name } => {
            t_string!(i18n, common.error_not_addressee, name = name.clone()).to_string()
        }
        CommandError::NotOfferParty { to } => {
            t_string!(i18n, common.error_not_offer_party, name = to.clone()).to_string()
        }
        CommandError::Responsibility(e) => match e {
            crate::domain::responsibility::RaciError::NoCategory => {
                t_string!(i18n, responsibility.error_no_category).to_string()
            }
            crate::domain::responsibility::RaciError::NoAccountable { category } => {
                t_string!(i18n, responsibility.error_no_accountable, category = category.clone()).to_string()
            }
            crate::domain::responsibility::RaciError::SeveralAccountable { category, departments } => t_string!(
                i18n,
                responsibility.error_several_accountable,
                category = category.clone(),
                count = departments.len()
            )
            .to_string(),
            crate::domain::responsibility::RaciError::UnknownDepartment { .. } => {
                t_string!(i18n, common.error_not_found).to_string()
            }
        },
        CommandError::Calendar(e) => format!("{} {e}", t_string!(i18n, sla.error_calendar)),
        CommandError::Model(e) => t_string!(i18n, maturity.error_model, detail = e.to_string()).to_string(),
        CommandError::Round(e) => round_error_text(i18n, e),
        CommandError::ModelInUse { rounds } => {
            t_string!(i18n, maturity.error_model_in_use, count = *rounds).to_string()
        }
        CommandError::Handoff(e) => crate::components::handoff::handoff_error_text(i18n, e),
        CommandError::OpenTasks { .. } | CommandError::UsedByBoard { .. } => {
            crate::components::board_text::board_error_text(i18n, e).unwrap_or_else(|| e.to_string())
        }
    }
}

/// A refused round or response, in the reader's language.
fn round_error_text(i18n: I18n, e: &crate::domain::maturity::RoundError) -> String {
    use crate::domain::maturity::RoundError::*;
    match e {
        NoPeriod => t_string!(i18n, maturity.error_no_period).to_string(),
        NoTeamName => t_string!(i18n, maturity.pick_team).to_string(),
        MinimumZero => t_string!(i18n, maturity.error_min).to_string(),
        AnonymousMinimum { found } => t_string!(i18n, maturity.error_anonymous_min, found = *found).to_string(),
        StaysAnonymous { .. } => t_string!(i18n, maturity.error_stays_anonymous).to_string(),
        NoAnswers => t_string!(i18n, maturity.error_no_answers).to_string(),
        NoRespondent => t_string!(i18n, maturity.error_no_respondent).to_string(),
        DuplicateRespondent { name } => {
            t_string!(i18n, maturity.error_duplicate_respondent, name = name.clone()).to_string()
        }
        TooFewResponses { have, need, .. } => t_string!(i18n, maturity.too_few, have = *have, need = *need).to_string(),
        Anonymous { .. } => t_string!(i18n, maturity.error_anonymous).to_string(),
        other => t_string!(i18n, maturity.error_round, detail = other.to_string()).to_string(),
    }
}

/// One line of the trail.
pub fn change_text(i18n: I18n, ws: &Workspace, c: &Change) -> String {
    let who = |id: &crate::domain::Id| {
        member_name(ws, Some(*id)).unwrap_or_else(|| t_string!(i18n, common.nobody).to_string())
    };
    match c {
        Change::RequestCreated { number, .. } => t_string!(i18n, detail.ev_created, number = *number).to_string(),
        Change::RequestImported { source, .. } => {
            t_string!(i18n, detail.ev_imported, source = source.clone()).to_string()
        }
        Change::StatusChanged { from, to, note } => {
            let base =
                t_string!(i18n, detail.ev_status, from = status_label(i18n, *from), to = status_label(i18n, *to))
                    .to_string();
            if note.is_empty() {
                base
            } else {
                format!("{base} — {note}")
            }
        }
        Change::Assigned { from, to, reason } => {
            let base = match from {
                None => t_string!(i18n, detail.ev_assigned, to = who(to)).to_string(),
                Some(f) => t_string!(i18n, detail.ev_reassigned, from = who(f), to = who(to)).to_string(),
            };
            if reason.is_empty() {
                base
            } else {
                format!("{base} — {reason}")
            }
        }
        Change::FirstResponseRecorded { .. } => t_string!(i18n, detail.ev_first_response).to_string(),
        Change::FieldChanged { field, before, after } => {
            t_string!(i18n, detail.ev_field, field = field.clone(), before = before.clone(), after = after.clone())
                .to_string()
        }
        Change::CommentAdded { text, .. } => format!("{} {text}", t_string!(i18n, detail.ev_comment)),
        Change::SatisfactionRecorded { after, .. } => match after {
            Some(v) => t_string!(i18n, detail.ev_rating, rating = *v).to_string(),
            None => t_string!(i18n, detail.ev_rating_none).to_string(),
        },
        Change::WorkspaceRenamed { after, .. } => {
            t_string!(i18n, detail.ev_ws_renamed, name = after.clone()).to_string()
        }
        Change::DepartmentAdded { name, .. } => t_string!(i18n, detail.ev_dept_added, name = name.clone()).to_string(),
        Change::DepartmentRenamed { after, .. } => {
            t_string!(i18n, detail.ev_dept_renamed, name = after.clone()).to_string()
        }
        Change::DepartmentRemoved { name, .. } => {
            t_string!(i18n, detail.ev_dept_removed, name = name.clone()).to_string()
        }
        Change::MemberAdded { name, .. } => t_string!(i18n, detail.ev_member_added, name = name.clone()).to_string(),
        Change::MemberChanged { field, after, .. } => {
            t_string!(i18n, detail.ev_member_changed, field = field.clone(), after = after.clone()).to_string()
        }
        other => crate::components::trail_text::more_change_text(i18n, ws, other),
    }
}

/// A translated text that follows the language switch.
///
/// Every `move || …` in a view is its own type and so its own copy of the
/// rendering code; going through this one function keeps a single copy for
/// all plain translated texts, which keeps the wasm small. Use it as
/// `{tr(i18n, |i| t_string!(i, ns.key))}`.
pub fn tr(i18n: I18n, text: fn(I18n) -> &'static str) -> impl leptos::prelude::IntoView + Clone + Sync + 'static {
    move || text(i18n)
}
