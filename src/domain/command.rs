//! Commands: the only way to change a workspace. [`apply`] checks a command
//! completely before touching anything, so an error leaves the workspace
//! exactly as it was; on success it returns the events it appended.

use serde::{Deserialize, Serialize};

use super::board::{Anchor, LaneType, TaskTemplate, TemplateStep};
use super::board_commands::{self, ColumnPatch, NewTask, TaskPatch};
use super::event::{channel_text, urgency_text};
use super::handoff::{BuiltinLang, HandoffDraft, HandoffError, ReturnReason, TemplateDraft};
use super::handoff_commands;
use super::maturity::{MaturityModel, ModelEdit, ModelError, NewResponse, RoundError, RoundSpec};
use super::maturity_commands;
use super::request::OwnershipOffer;
use super::responsibility::{RaciError, RaciRow, Thresholds};
use super::routing::{Router, RoutingInput, RuleDraft, Target};
use super::sla::{self, SlaPolicy};
use super::warnings::WarningDraft;
use super::{
    setup, BusinessCalendar, CalendarError, Change, Channel, Comment, Customer, DataFlag, Department, Event, Id,
    IdSource, Member, Pause, Request, Status, Timestamp, Urgency, Workspace,
};

/// Longest title accepted, in characters (not bytes).
pub const MAX_TITLE_CHARS: usize = 200;

/// Everything a command needs from the outside world: the time, who is acting
/// and where new ids come from.
pub struct Ctx<'a> {
    pub now: Timestamp,
    pub actor: Option<Id>,
    pub ids: &'a mut dyn IdSource,
}

impl<'a> Ctx<'a> {
    pub fn new(now: Timestamp, actor: Option<Id>, ids: &'a mut dyn IdSource) -> Self {
        Self { now, actor, ids }
    }
}

/// The fields of a request as typed in or imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRequest {
    pub title: String,
    pub description: String,
    pub customer: Customer,
    pub channel: Channel,
    pub category: String,
    pub urgency: Urgency,
    pub tags: Vec<String>,
    pub preferences: String,
    /// First-contact owner; defaults to the acting member.
    pub owner: Option<Id>,
}

impl NewRequest {
    /// A request with only a title and neutral defaults.
    pub fn titled(title: &str) -> Self {
        Self {
            title: title.to_string(),
            description: String::new(),
            customer: Customer::default(),
            channel: Channel::Other,
            category: String::new(),
            urgency: Urgency::Medium,
            tags: Vec::new(),
            preferences: String::new(),
            owner: None,
        }
    }
}

/// A request coming from another system, with whatever history it has.
/// Missing times stay missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedRequest {
    pub fields: NewRequest,
    pub status: Status,
    pub created_at: Option<Timestamp>,
    pub first_response_at: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub resolution: String,
    pub satisfaction: Option<u8>,
    pub flags: Vec<DataFlag>,
    pub source: String,
}

/// Changes to a request's descriptive fields; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestPatch {
    pub title: Option<String>,
    pub description: Option<String>,
    pub customer_name: Option<String>,
    pub customer_contact: Option<String>,
    pub channel: Option<Channel>,
    pub category: Option<String>,
    pub urgency: Option<Urgency>,
    pub tags: Option<Vec<String>>,
    pub preferences: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPatch {
    pub name: Option<String>,
    pub department: Option<Id>,
    pub active: Option<bool>,
    /// `Some(None)` takes the member out of any team.
    #[serde(default)]
    pub team: Option<Option<Id>>,
    #[serde(default)]
    pub skills: Option<Vec<String>>,
    /// `Some(None)` removes the limit.
    #[serde(default)]
    pub capacity: Option<Option<u32>>,
    #[serde(default)]
    pub on_duty: Option<bool>,
    /// Who takes over the requests a member being deactivated is accountable
    /// for or handling; needed when there are any.
    #[serde(default)]
    pub successor: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Command {
    CreateRequest(NewRequest),
    ImportRequests(Vec<ImportedRequest>),
    UpdateRequest {
        request: Id,
        patch: RequestPatch,
    },
    Assign {
        request: Id,
        to: Id,
        reason: String,
    },
    RecordFirstResponse {
        request: Id,
    },
    StartWork {
        request: Id,
    },
    WaitForCustomer {
        request: Id,
        note: String,
    },
    Resolve {
        request: Id,
        summary: String,
    },
    Close {
        request: Id,
        satisfaction: Option<u8>,
    },
    Reopen {
        request: Id,
        reason: String,
    },
    AddComment {
        request: Id,
        text: String,
    },
    RenameWorkspace {
        name: String,
    },
    AddDepartment {
        name: String,
    },
    RenameDepartment {
        department: Id,
        name: String,
    },
    RemoveDepartment {
        department: Id,
    },
    AddMember {
        name: String,
        department: Id,
    },
    UpdateMember {
        member: Id,
        patch: MemberPatch,
    },
    AddTeam {
        name: String,
        department: Id,
    },
    RenameTeam {
        team: Id,
        name: String,
    },
    RemoveTeam {
        team: Id,
    },
    AddRoutingRule(RuleDraft),
    UpdateRoutingRule {
        rule: Id,
        draft: RuleDraft,
    },
    RemoveRoutingRule {
        rule: Id,
    },
    /// Moves a rule to position `to` (from 0) in the list.
    MoveRoutingRule {
        rule: Id,
        to: usize,
    },
    SetRoutingFallback {
        fallback: Option<Target>,
    },
    /// Proposes a new first-contact owner; takes effect when accepted.
    OfferOwnership {
        request: Id,
        to: Id,
        reason: String,
    },
    /// The receiver (the acting member) accepts the waiting offer.
    AcceptOwnership {
        request: Id,
    },
    /// The waiting offer is declined by the receiver or withdrawn.
    DeclineOwnership {
        request: Id,
        reason: String,
    },
    SetResponsibility(RaciRow),
    RemoveResponsibility {
        category: String,
    },
    SetThresholds(Thresholds),
    /// Closes `duplicate` as merged into `keep`; both keep their trails.
    MergeRequests {
        keep: Id,
        duplicate: Id,
        reason: String,
    },
    SetCalendar(BusinessCalendar),
    SetSlaPolicy(SlaPolicy),
    AddWarningRule(WarningDraft),
    UpdateWarningRule {
        rule: Id,
        draft: WarningDraft,
    },
    RemoveWarningRule {
        rule: Id,
    },
    /// Compares the early-warning rules with the workspace now; raises and
    /// clears alerts. Changes nothing when nothing changed.
    EvaluateWarnings,
    /// Routes every open request that nobody handles (imported before the
    /// rules existed, or left when nobody was available), oldest first.
    RouteUnassigned,
    /// Stores a maturity model written here or imported; it gets a new id.
    AddMaturityModel(MaturityModel),
    EditMaturityModel {
        model: Id,
        edit: ModelEdit,
    },
    RemoveMaturityModel {
        model: Id,
    },
    StartRound {
        model: Id,
        spec: RoundSpec,
    },
    UpdateRound {
        round: Id,
        spec: RoundSpec,
    },
    RemoveRound {
        round: Id,
    },
    AddResponse {
        round: Id,
        response: NewResponse,
    },
    RemoveResponse {
        round: Id,
        response: Id,
    },
    /// Hands a request off to another department with its checklist.
    SendHandoff(HandoffDraft),
    /// The receiver (the acting member) takes the request over.
    AcceptHandoff {
        request: Id,
        handoff: Id,
    },
    /// The receiver sends the handoff back to its sender.
    ReturnHandoff {
        request: Id,
        handoff: Id,
        reason: ReturnReason,
        note: String,
    },
    /// The handoff is taken back before anyone answered it.
    WithdrawHandoff {
        request: Id,
        handoff: Id,
        reason: String,
    },
    /// Adds a checklist template (`template` none) or saves changes to one.
    SaveHandoffTemplate {
        template: Option<Id>,
        draft: TemplateDraft,
    },
    /// Adds the built-in templates for legs that have none yet.
    AddBuiltinHandoffTemplates {
        lang: BuiltinLang,
    },
    // The task board (board_commands.rs).
    AddTask(NewTask),
    UpdateTask {
        task: Id,
        patch: TaskPatch,
    },
    /// Moves a card to a column (its own for a new place in it), next to a card there or at an end.
    MoveTask {
        task: Id,
        column: String,
        anchor: Anchor,
    },
    RemoveTask {
        task: Id,
    },
    AddChecklistItem {
        task: Id,
        text: String,
    },
    CheckChecklistItem {
        task: Id,
        item: Id,
        done: bool,
    },
    RemoveChecklistItem {
        task: Id,
        item: Id,
    },
    CommentOnTask {
        task: Id,
        text: String,
    },
    /// Records effort on a task; negative minutes take back a mistake.
    LogEffort {
        task: Id,
        minutes: i32,
    },
    /// Makes one task per step (one per department) for an open request.
    SplitRequest {
        request: Id,
        steps: Vec<TemplateStep>,
    },
    /// Resolves a request although some of its tasks are open, with the reason why.
    ResolveWithOpenTasks {
        request: Id,
        summary: String,
        reason: String,
    },
    AddColumn {
        name: String,
    },
    UpdateColumn {
        column: String,
        patch: ColumnPatch,
    },
    /// Moves a column to position `to` (from 0).
    MoveColumn {
        column: String,
        to: usize,
    },
    RemoveColumn {
        column: String,
    },
    /// Sets (or with none, removes) the WIP limit of a department's or a member's lane.
    SetLaneLimit {
        lane_type: LaneType,
        lane: Id,
        limit: Option<u32>,
    },
    /// Sets the task template of a category (empty: of every other category).
    SetTaskTemplate(TaskTemplate),
    RemoveTaskTemplate {
        category: String,
    },
}

/// Why a command was refused. Each says what, where and what was expected.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CommandError {
    #[error("no {what} with id {id}")]
    NotFound { what: &'static str, id: Id },
    #[error(
        "request #{number} is {from:?}: it cannot move to {to:?} ({action}); from {from:?} it can only move to {}",
        allowed_moves(.from)
    )]
    IllegalTransition { number: u32, from: Status, to: Status, action: &'static str },
    #[error("{field}: {problem}")]
    Invalid { field: &'static str, problem: String },
    #[error("request #{number} already has its first response recorded")]
    FirstResponseAlreadyRecorded { number: u32 },
    #[error("request #{number} is {status:?}: {action} is only possible on an open request")]
    NotOpen { number: u32, status: Status, action: &'static str },
    #[error("department {name:?} still has {members} member(s), {teams} team(s) and {rows} responsibility row(s): move or change them first")]
    DepartmentInUse { department: Id, name: String, members: usize, teams: usize, rows: usize },
    #[error("import item {index}: {problem}")]
    BadImport { index: usize, problem: String },
    #[error("{name} is first-contact owner or handler of {count} open request(s): choose who takes them over")]
    MemberIsAccountable { name: String, count: usize },
    #[error("team {name:?} still has {members} member(s) and {rules} routing rule(s): move or change them first")]
    TeamInUse { name: String, members: usize, rules: usize },
    #[error("only {name} can accept this transfer of ownership")]
    NotAddressee { name: String },
    #[error("only {to} (to decline it), or the member who offered it or the owner (to withdraw it), can answer this transfer of ownership")]
    NotOfferParty { to: String },
    #[error(transparent)]
    Responsibility(#[from] RaciError),
    #[error("business calendar: {0}")]
    Calendar(#[from] CalendarError),
    #[error("maturity model: {0}")]
    Model(ModelError),
    #[error("maturity round: {0}")]
    Round(RoundError),
    #[error("the model is used by {rounds} round(s): remove them first")]
    ModelInUse { rounds: usize },
    #[error(transparent)]
    Handoff(#[from] HandoffError),
    #[error("request #{number} has {open} open task(s): finish them first, or give a reason to resolve it anyway")]
    OpenTasks { number: u32, open: usize },
    #[error(
        "{what} {name:?} is still used by {tasks} task(s) and {templates} task template(s): move or change them first"
    )]
    UsedByBoard { what: &'static str, name: String, tasks: usize, templates: usize },
}

/// The states a request in `from` may move to, for error texts: "InProgress, Resolved".
fn allowed_moves(from: &Status) -> String {
    Status::ALL
        .into_iter()
        .filter(|to| from.can_move_to(*to))
        .map(|to| format!("{to:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn invalid(field: &'static str, problem: impl Into<String>) -> CommandError {
    CommandError::Invalid { field, problem: problem.into() }
}

pub(super) fn required_text(field: &'static str, value: &str) -> Result<String, CommandError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(invalid(field, "must not be empty"));
    }
    Ok(trimmed.to_string())
}

fn check_title(value: &str) -> Result<String, CommandError> {
    let title = required_text("title", value)?;
    let chars = title.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(invalid("title", format!("at most {MAX_TITLE_CHARS} characters, found {chars}")));
    }
    Ok(title)
}

pub(super) fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let t = tag.trim();
        if !t.is_empty() && !out.iter().any(|o| o == t) {
            out.push(t.to_string());
        }
    }
    out
}

fn check_satisfaction(value: Option<u8>) -> Result<Option<u8>, CommandError> {
    match value {
        Some(v) if !(1..=5).contains(&v) => Err(invalid("satisfaction", format!("expected 1 to 5, found {v}"))),
        other => Ok(other),
    }
}

/// Collects the events of one command before they are appended.
pub(super) struct Trail<'c, 'a> {
    pub(super) ctx: &'c mut Ctx<'a>,
    request: Option<Id>,
    events: Vec<Event>,
}

impl Trail<'_, '_> {
    pub(super) fn push(&mut self, change: Change) {
        let id = self.ctx.ids.next_id();
        self.events.push(Event { id, at: self.ctx.now, actor: self.ctx.actor, request: self.request, change });
    }

    pub(super) fn push_for(&mut self, request: Id, change: Change) {
        let saved = self.request.replace(request);
        self.push(change);
        self.request = saved;
    }
}

/// Applies one command. On error nothing has changed.
pub fn apply(ws: &mut Workspace, cmd: Command, ctx: &mut Ctx) -> Result<Vec<Event>, CommandError> {
    let count = apply_in_place(ws, cmd, ctx)?;
    Ok(ws.events[ws.events.len() - count..].to_vec())
}

/// [`apply`] without handing back a copy of the events: returns how many
/// were appended (they are the last ones of `ws.events`). For the shell,
/// where one import can append tens of thousands.
pub fn apply_in_place(ws: &mut Workspace, cmd: Command, ctx: &mut Ctx) -> Result<usize, CommandError> {
    let mut trail = Trail { ctx, request: None, events: Vec::new() };
    match cmd {
        Command::CreateRequest(new) => create_request(ws, new, &mut trail)?,
        Command::ImportRequests(items) => import_requests(ws, items, &mut trail)?,
        Command::UpdateRequest { request, patch } => update_request(ws, request, patch, &mut trail)?,
        Command::Assign { request, to, reason } => assign(ws, request, to, reason, &mut trail)?,
        Command::RecordFirstResponse { request } => {
            let r = open_request(ws, request, "recording the first response")?;
            if r.first_response_at.is_some() {
                return Err(CommandError::FirstResponseAlreadyRecorded { number: r.number });
            }
            let from = r.status;
            trail.request = Some(request);
            let now = trail.ctx.now;
            trail.push(Change::FirstResponseRecorded { at: now });
            let r = ws.requests.get_mut(&request).ok_or(CommandError::NotFound { what: "request", id: request })?;
            r.first_response_at = Some(now);
            if from == Status::New || from == Status::Reopened {
                r.status = Status::InProgress;
                trail.push(Change::StatusChanged { from, to: Status::InProgress, note: String::new() });
            }
            r.updated_at = now;
        }
        Command::StartWork { request } => {
            move_status(ws, request, Status::InProgress, "start work", String::new(), &mut trail)?
        }
        Command::WaitForCustomer { request, note } => move_status(
            ws,
            request,
            Status::WaitingForCustomer,
            "wait for customer",
            note.trim().to_string(),
            &mut trail,
        )?,
        Command::Resolve { request, summary } => {
            let summary = required_text("summary", &summary)?;
            board_commands::refuse_open_tasks(ws, request)?;
            resolve(ws, request, summary, &mut trail)?;
        }
        Command::Close { request, satisfaction } => {
            let satisfaction = check_satisfaction(satisfaction)?;
            let before = find_request(ws, request)?.satisfaction;
            move_status(ws, request, Status::Closed, "close", String::new(), &mut trail)?;
            let now = trail.ctx.now;
            if let Some(r) = ws.requests.get_mut(&request) {
                r.closed_at = Some(now);
                if satisfaction.is_some() {
                    r.satisfaction = satisfaction;
                }
            }
            if satisfaction.is_some() && satisfaction != before {
                trail.push_for(request, Change::SatisfactionRecorded { before, after: satisfaction });
            }
        }
        Command::Reopen { request, reason } => {
            let reason = required_text("reason", &reason)?;
            move_status(ws, request, Status::Reopened, "reopen", reason, &mut trail)?;
            if let Some(r) = ws.requests.get_mut(&request) {
                r.reopen_count += 1;
                r.resolved_at = None;
                r.closed_at = None;
            }
        }
        Command::AddComment { request, text } => {
            let text = required_text("comment", &text)?;
            find_request(ws, request)?;
            let id = trail.ctx.ids.next_id();
            let now = trail.ctx.now;
            let author = trail.ctx.actor;
            trail.push_for(request, Change::CommentAdded { comment: id, text: text.clone() });
            if let Some(r) = ws.requests.get_mut(&request) {
                r.comments.push(Comment { id, at: now, author, text });
                r.updated_at = now;
            }
        }
        Command::RenameWorkspace { name } => {
            let name = required_text("workspace name", &name)?;
            if name != ws.name {
                trail.push(Change::WorkspaceRenamed { before: ws.name.clone(), after: name.clone() });
                ws.name = name;
            }
        }
        Command::AddDepartment { name } => {
            let name = required_text("department name", &name)?;
            if ws.departments.iter().any(|d| d.name == name) {
                return Err(invalid("department name", format!("{name:?} exists already")));
            }
            let id = trail.ctx.ids.next_id();
            trail.push(Change::DepartmentAdded { department: id, name: name.clone() });
            ws.departments.push(Department { id, name, builtin: None });
        }
        Command::RenameDepartment { department, name } => {
            let name = required_text("department name", &name)?;
            let d = ws.department(department).ok_or(CommandError::NotFound { what: "department", id: department })?;
            if ws.departments.iter().any(|other| other.id != department && other.name == name) {
                return Err(invalid("department name", format!("{name:?} exists already")));
            }
            let before = d.name.clone();
            if before != name {
                trail.push(Change::DepartmentRenamed { department, before, after: name.clone() });
                if let Some(d) = ws.departments.iter_mut().find(|d| d.id == department) {
                    d.name = name;
                }
            }
        }
        Command::RemoveDepartment { department } => {
            let d = ws.department(department).ok_or(CommandError::NotFound { what: "department", id: department })?;
            let members = ws.members.iter().filter(|m| m.department == department).count();
            let teams = ws.teams.iter().filter(|t| t.department == department).count();
            let rows = ws.responsibility.iter().filter(|r| r.roles.contains_key(&department)).count();
            let name = d.name.clone();
            if members + teams + rows > 0 {
                let shown = d.display_name().to_string();
                return Err(CommandError::DepartmentInUse { department, name: shown, members, teams, rows });
            }
            board_commands::refuse_department_in_use(ws, department)?;
            board_commands::forget_department(ws, department, &mut trail);
            trail.push(Change::DepartmentRemoved { department, name });
            ws.departments.retain(|d| d.id != department);
        }
        Command::AddMember { name, department } => {
            let name = required_text("member name", &name)?;
            ws.department(department).ok_or(CommandError::NotFound { what: "department", id: department })?;
            let id = trail.ctx.ids.next_id();
            trail.push(Change::MemberAdded { member: id, name: name.clone(), department });
            ws.members.push(Member::new(id, &name, department));
        }
        Command::UpdateMember { member, patch } => update_member(ws, member, patch, &mut trail)?,
        Command::AddTeam { name, department } => setup::add_team(ws, &name, department, &mut trail)?,
        Command::RenameTeam { team, name } => setup::rename_team(ws, team, &name, &mut trail)?,
        Command::RemoveTeam { team } => setup::remove_team(ws, team, &mut trail)?,
        Command::AddRoutingRule(draft) => setup::add_rule(ws, draft, &mut trail)?,
        Command::UpdateRoutingRule { rule, draft } => setup::update_rule(ws, rule, draft, &mut trail)?,
        Command::RemoveRoutingRule { rule } => setup::remove_rule(ws, rule, &mut trail)?,
        Command::MoveRoutingRule { rule, to } => setup::move_rule(ws, rule, to, &mut trail)?,
        Command::SetRoutingFallback { fallback } => setup::set_fallback(ws, fallback, &mut trail)?,
        Command::OfferOwnership { request, to, reason } => offer_ownership(ws, request, to, &reason, &mut trail)?,
        Command::AcceptOwnership { request } => accept_ownership(ws, request, &mut trail)?,
        Command::DeclineOwnership { request, reason } => decline_ownership(ws, request, &reason, &mut trail)?,
        Command::SetResponsibility(row) => setup::set_responsibility(ws, row, &mut trail)?,
        Command::RemoveResponsibility { category } => setup::remove_responsibility(ws, &category, &mut trail)?,
        Command::SetThresholds(t) => setup::set_thresholds(ws, t, &mut trail)?,
        Command::MergeRequests { keep, duplicate, reason } => merge(ws, keep, duplicate, &reason, &mut trail)?,
        Command::SetCalendar(cal) => setup::set_calendar(ws, cal, &mut trail)?,
        Command::SetSlaPolicy(policy) => setup::set_sla_policy(ws, policy, &mut trail)?,
        Command::AddWarningRule(draft) => setup::add_warning(ws, draft, &mut trail)?,
        Command::UpdateWarningRule { rule, draft } => setup::update_warning(ws, rule, draft, &mut trail)?,
        Command::RemoveWarningRule { rule } => setup::remove_warning(ws, rule, &mut trail)?,
        Command::EvaluateWarnings => setup::evaluate_warnings(ws, &mut trail),
        Command::RouteUnassigned => route_unassigned(ws, &mut trail)?,
        Command::AddMaturityModel(model) => {
            maturity_commands::add_model(ws, model, &mut trail)?;
        }
        Command::EditMaturityModel { model, edit } => maturity_commands::edit_model(ws, model, edit, &mut trail)?,
        Command::RemoveMaturityModel { model } => maturity_commands::remove_model(ws, model, &mut trail)?,
        Command::StartRound { model, spec } => {
            maturity_commands::start_round(ws, model, spec, &mut trail)?;
        }
        Command::UpdateRound { round, spec } => maturity_commands::update_round(ws, round, spec, &mut trail)?,
        Command::RemoveRound { round } => maturity_commands::remove_round(ws, round, &mut trail)?,
        Command::AddResponse { round, response } => maturity_commands::add_response(ws, round, response, &mut trail)?,
        Command::RemoveResponse { round, response } => {
            maturity_commands::remove_response(ws, round, response, &mut trail)?
        }
        Command::SendHandoff(draft) => handoff_commands::send(ws, draft, &mut trail)?,
        Command::AcceptHandoff { request, handoff } => handoff_commands::accept(ws, request, handoff, &mut trail)?,
        Command::ReturnHandoff { request, handoff, reason, note } => {
            handoff_commands::give_back(ws, request, handoff, reason, &note, &mut trail)?
        }
        Command::WithdrawHandoff { request, handoff, reason } => {
            handoff_commands::withdraw(ws, request, handoff, &reason, &mut trail)?
        }
        Command::SaveHandoffTemplate { template, draft } => {
            handoff_commands::save_template(ws, template, draft, &mut trail)?
        }
        Command::AddBuiltinHandoffTemplates { lang } => handoff_commands::add_builtin(ws, lang, &mut trail)?,
        Command::AddTask(new) => board_commands::add_task(ws, new, &mut trail)?,
        Command::UpdateTask { task, patch } => board_commands::update_task(ws, task, patch, &mut trail)?,
        Command::MoveTask { task, column, anchor } => board_commands::move_task(ws, task, &column, anchor, &mut trail)?,
        Command::RemoveTask { task } => board_commands::remove_task(ws, task, &mut trail)?,
        Command::AddChecklistItem { task, text } => board_commands::add_checklist_item(ws, task, &text, &mut trail)?,
        Command::CheckChecklistItem { task, item, done } => {
            board_commands::check_checklist_item(ws, task, item, done, &mut trail)?
        }
        Command::RemoveChecklistItem { task, item } => {
            board_commands::remove_checklist_item(ws, task, item, &mut trail)?
        }
        Command::CommentOnTask { task, text } => board_commands::comment_on_task(ws, task, &text, &mut trail)?,
        Command::LogEffort { task, minutes } => board_commands::log_effort(ws, task, minutes, &mut trail)?,
        Command::SplitRequest { request, steps } => board_commands::split_request(ws, request, steps, &mut trail)?,
        Command::ResolveWithOpenTasks { request, summary, reason } => {
            board_commands::resolve_with_open_tasks(ws, request, &summary, &reason, &mut trail)?
        }
        Command::AddColumn { name } => board_commands::add_column(ws, &name, &mut trail)?,
        Command::UpdateColumn { column, patch } => board_commands::update_column(ws, &column, patch, &mut trail)?,
        Command::MoveColumn { column, to } => board_commands::move_column(ws, &column, to, &mut trail)?,
        Command::RemoveColumn { column } => board_commands::remove_column(ws, &column, &mut trail)?,
        Command::SetLaneLimit { lane_type, lane, limit } => {
            board_commands::set_lane_limit(ws, lane_type, lane, limit, &mut trail)?
        }
        Command::SetTaskTemplate(template) => board_commands::set_template(ws, template, &mut trail)?,
        Command::RemoveTaskTemplate { category } => board_commands::remove_template(ws, &category, &mut trail)?,
    }
    let count = trail.events.len();
    ws.events.append(&mut trail.events);
    Ok(count)
}

fn find_request(ws: &Workspace, id: Id) -> Result<&Request, CommandError> {
    ws.requests.get(&id).ok_or(CommandError::NotFound { what: "request", id })
}

fn open_request<'w>(ws: &'w Workspace, id: Id, action: &'static str) -> Result<&'w Request, CommandError> {
    let r = find_request(ws, id)?;
    if !r.status.is_open() {
        return Err(CommandError::NotOpen { number: r.number, status: r.status, action });
    }
    Ok(r)
}

pub(super) fn check_member(ws: &Workspace, id: Id, field: &'static str) -> Result<(), CommandError> {
    match ws.member(id) {
        None => Err(CommandError::NotFound { what: "member", id }),
        Some(m) if !m.active => Err(invalid(field, format!("{} is inactive", m.name))),
        Some(_) => Ok(()),
    }
}

fn move_status(
    ws: &mut Workspace,
    request: Id,
    to: Status,
    action: &'static str,
    note: String,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let r = find_request(ws, request)?;
    if !r.status.can_move_to(to) {
        return Err(CommandError::IllegalTransition { number: r.number, from: r.status, to, action });
    }
    let from = r.status;
    trail.push_for(request, Change::StatusChanged { from, to, note });
    let now = trail.ctx.now;
    let Workspace { requests, calendar, sla, .. } = ws;
    if let Some(r) = requests.get_mut(&request) {
        r.status = to;
        r.updated_at = now;
        // Waiting for the customer stops the SLA clocks until work goes on.
        let pauses_changed = if to == Status::WaitingForCustomer {
            r.pauses.push(Pause { from: now, to: None });
            true
        } else if from == Status::WaitingForCustomer {
            if let Some(p) = r.pauses.iter_mut().rev().find(|p| p.to.is_none()) {
                p.to = Some(now);
            }
            true
        } else {
            false
        };
        if pauses_changed {
            sla::recompute(r, calendar.prepare().as_ref(), sla);
        }
    }
    Ok(())
}

fn validate_new(ws: &Workspace, new: NewRequest) -> Result<NewRequest, CommandError> {
    let title = check_title(&new.title)?;
    if let Some(owner) = new.owner {
        check_member(ws, owner, "owner")?;
    }
    Ok(NewRequest {
        title,
        description: trimmed(new.description),
        customer: Customer { name: trimmed(new.customer.name), contact: trimmed(new.customer.contact) },
        channel: new.channel,
        category: trimmed(new.category),
        urgency: new.urgency,
        tags: clean_tags(&new.tags),
        preferences: trimmed(new.preferences),
        owner: new.owner,
    })
}

/// The text without surrounding white space; keeps the allocation when
/// there is nothing to cut.
fn trimmed(text: String) -> String {
    if text.trim().len() == text.len() {
        text
    } else {
        text.trim().to_string()
    }
}

fn blank_request(id: Id, number: u32, f: NewRequest, now: Timestamp) -> Request {
    Request {
        id,
        number,
        title: f.title,
        description: f.description,
        customer: f.customer,
        channel: f.channel,
        category: f.category,
        urgency: f.urgency,
        tags: f.tags,
        preferences: f.preferences,
        owner: f.owner,
        handler: f.owner,
        previous_handlers: Vec::new(),
        status: Status::New,
        created_at: Some(now),
        first_response_at: None,
        resolved_at: None,
        closed_at: None,
        resolution: String::new(),
        satisfaction: None,
        reopen_count: 0,
        return_count: 0,
        comments: Vec::new(),
        flags: Vec::new(),
        source: None,
        updated_at: now,
        routing: None,
        rerouted: false,
        ownership_offer: None,
        merged_into: None,
        pauses: Vec::new(),
        sla: None,
        handoffs: Vec::new(),
    }
}

fn create_request(ws: &mut Workspace, new: NewRequest, trail: &mut Trail) -> Result<(), CommandError> {
    let mut fields = validate_new(ws, new)?;
    if fields.owner.is_none() {
        if let Some(actor) = trail.ctx.actor {
            if ws.member(actor).is_some_and(|m| m.active) {
                fields.owner = Some(actor);
            }
        }
    }
    let id = trail.ctx.ids.next_id();
    let number = ws.next_number;
    let now = trail.ctx.now;
    trail.push_for(id, Change::RequestCreated { number, title: fields.title.clone() });
    let mut r = blank_request(id, number, fields, now);
    sla::recompute(&mut r, ws.calendar.prepare().as_ref(), &ws.sla);
    if routing_configured(ws) {
        let mut router = Router::new(ws);
        route(&mut router, &mut r, trail);
        ws.routing.cursors = router.into_cursors();
    }
    ws.requests.insert(id, r);
    ws.next_number += 1;
    Ok(())
}

/// Whether routing has anything to decide with.
fn routing_configured(ws: &Workspace) -> bool {
    ws.routing.rules.iter().any(|r| r.enabled) || ws.routing.fallback.is_some()
}

/// Routes a new request: the chosen member handles it (and becomes its
/// first-contact owner when it has none); with nobody available it stays
/// with whoever took it in. The decision is kept on the request.
fn route(router: &mut Router, r: &mut Request, trail: &mut Trail) {
    let d = router.decide(&RoutingInput::of_request(r));
    take_decision(r, d, trail);
}

fn take_decision(r: &mut Request, d: super::routing::RoutingDecision, trail: &mut Trail) {
    trail.push_for(
        r.id,
        Change::Routed {
            member: d.member,
            team: d.team,
            rule: d.rule.as_ref().map(|h| h.position),
            fallback: d.via_fallback,
        },
    );
    if let Some(m) = d.member {
        r.handler = Some(m);
        if r.owner.is_none() {
            r.owner = Some(m);
            trail.push_for(
                r.id,
                Change::FieldChanged { field: "owner".into(), before: String::new(), after: m.to_string() },
            );
        }
    }
    r.routing = Some(d);
}

fn route_unassigned(ws: &mut Workspace, trail: &mut Trail) -> Result<(), CommandError> {
    if !routing_configured(ws) {
        return Err(invalid("routing", "there is no enabled rule and no fallback to route with"));
    }
    // Decide for all first (the router reads the workspace and counts as it
    // goes), then record the decisions on the requests.
    let mut router = Router::new(ws);
    let decisions: Vec<(Id, super::routing::RoutingDecision)> = ws
        .requests
        .values()
        .filter(|r| r.is_open() && r.handler.is_none())
        .map(|r| (r.id, router.decide(&RoutingInput::of_request(r))))
        .collect();
    let cursors = router.into_cursors();
    ws.routing.cursors = cursors;
    let now = trail.ctx.now;
    for (id, d) in decisions {
        if let Some(r) = ws.requests.get_mut(&id) {
            take_decision(r, d, trail);
            r.updated_at = now;
        }
    }
    Ok(())
}

fn import_requests(ws: &mut Workspace, items: Vec<ImportedRequest>, trail: &mut Trail) -> Result<(), CommandError> {
    // Validate every item before inserting any, so a bad item leaves nothing behind.
    let mut checked = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let mut item = item;
        let fields = validate_new(ws, std::mem::replace(&mut item.fields, NewRequest::titled("")))
            .map_err(|e| CommandError::BadImport { index, problem: e.to_string() })?;
        check_satisfaction(item.satisfaction).map_err(|e| CommandError::BadImport { index, problem: e.to_string() })?;
        checked.push((fields, item));
    }
    let now = trail.ctx.now;
    let cal = ws.calendar.prepare();
    let mut made = Vec::with_capacity(checked.len());
    for (fields, item) in checked {
        let id = trail.ctx.ids.next_id();
        let number = ws.next_number;
        trail.push_for(id, Change::RequestImported { number, source: item.source.clone() });
        let mut r = blank_request(id, number, fields, now);
        r.status = item.status;
        r.created_at = item.created_at;
        r.first_response_at = item.first_response_at;
        r.resolved_at = item.resolved_at;
        r.closed_at = item.closed_at;
        r.resolution = item.resolution;
        r.satisfaction = item.satisfaction;
        r.flags = item.flags;
        r.source = Some(item.source);
        sla::recompute(&mut r, cal.as_ref(), &ws.sla);
        made.push(r);
        ws.next_number += 1;
    }
    // Open requests are routed like typed-in ones, in file order, each
    // decision seeing the load the ones before it added.
    if routing_configured(ws) {
        let mut router = Router::new(ws);
        for r in made.iter_mut().filter(|r| r.is_open()) {
            route(&mut router, r, trail);
        }
        let cursors = router.into_cursors();
        ws.routing.cursors = cursors;
    }
    ws.requests.extend(made.into_iter().map(|r| (r.id, r)));
    Ok(())
}

fn update_request(ws: &mut Workspace, request: Id, patch: RequestPatch, trail: &mut Trail) -> Result<(), CommandError> {
    let r = find_request(ws, request)?;
    let mut next = r.clone();
    let mut changes: Vec<(&'static str, String, String)> = Vec::new();
    let mut text_field = |name: &'static str, slot: &mut String, value: Option<String>, required: bool| {
        if let Some(v) = value {
            let v = if required { check_title(&v)? } else { v.trim().to_string() };
            if *slot != v {
                changes.push((name, slot.clone(), v.clone()));
                *slot = v;
            }
        }
        Ok::<(), CommandError>(())
    };
    text_field("title", &mut next.title, patch.title, true)?;
    text_field("description", &mut next.description, patch.description, false)?;
    text_field("customer_name", &mut next.customer.name, patch.customer_name, false)?;
    text_field("customer_contact", &mut next.customer.contact, patch.customer_contact, false)?;
    text_field("category", &mut next.category, patch.category, false)?;
    text_field("preferences", &mut next.preferences, patch.preferences, false)?;
    if let Some(c) = patch.channel.filter(|c| *c != next.channel) {
        changes.push(("channel", channel_text(next.channel), channel_text(c)));
        next.channel = c;
    }
    let urgency_changed = patch.urgency.is_some_and(|u| u != next.urgency);
    if let Some(u) = patch.urgency.filter(|u| *u != next.urgency) {
        changes.push(("urgency", urgency_text(next.urgency), urgency_text(u)));
        next.urgency = u;
    }
    if let Some(tags) = patch.tags {
        let tags = clean_tags(&tags);
        if tags != next.tags {
            changes.push(("tags", next.tags.join(", "), tags.join(", ")));
            next.tags = tags;
        }
    }
    if changes.is_empty() {
        return Ok(());
    }
    next.updated_at = trail.ctx.now;
    for (field, before, after) in changes {
        trail.push_for(request, Change::FieldChanged { field: field.to_string(), before, after });
    }
    // New urgency, new targets: only while someone still works on it.
    if urgency_changed && next.is_open() {
        let before = next.sla.map(|c| c.targets());
        if sla::recompute(&mut next, ws.calendar.prepare().as_ref(), &ws.sla) {
            let after = next.sla.map(|c| c.targets());
            if before != after {
                trail.push_for(request, Change::SlaTargetsChanged { before, after });
            }
        }
    }
    ws.requests.insert(request, next);
    Ok(())
}

fn assign(ws: &mut Workspace, request: Id, to: Id, reason: String, trail: &mut Trail) -> Result<(), CommandError> {
    let r = open_request(ws, request, "assigning")?;
    check_member(ws, to, "assignee")?;
    let reason = reason.trim().to_string();
    let from = r.handler;
    if from == Some(to) {
        return Err(invalid("assignee", "is already handling this request"));
    }
    if from.is_some() && reason.is_empty() {
        return Err(invalid("reason", "a reassignment needs a reason"));
    }
    let takes_ownership = r.owner.is_none();
    // A hand-made move to another team before resolution means routing got it wrong.
    let routed_unit = r.routing.as_ref().filter(|d| d.member.is_some()).and_then(|d| d.team);
    let rerouted = routed_unit.is_some() && !r.ever_resolved() && ws.unit_of(to) != routed_unit;
    trail.push_for(request, Change::Assigned { from, to, reason });
    if takes_ownership {
        trail.push_for(
            request,
            Change::FieldChanged { field: "owner".into(), before: String::new(), after: to.to_string() },
        );
    }
    let now = trail.ctx.now;
    if let Some(r) = ws.requests.get_mut(&request) {
        if let Some(prev) = from {
            r.previous_handlers.push(prev);
        }
        if r.previous_handlers.contains(&to) {
            r.return_count += 1;
        }
        r.handler = Some(to);
        if takes_ownership {
            r.owner = Some(to);
        }
        r.rerouted |= rerouted;
        r.updated_at = now;
    }
    Ok(())
}

fn update_member(ws: &mut Workspace, member: Id, patch: MemberPatch, trail: &mut Trail) -> Result<(), CommandError> {
    let m = ws.member(member).ok_or(CommandError::NotFound { what: "member", id: member })?.clone();
    let mut next = m.clone();
    let mut changes: Vec<(&str, String, String)> = Vec::new();
    if let Some(name) = patch.name {
        let name = required_text("member name", &name)?;
        if name != next.name {
            changes.push(("name", next.name.clone(), name.clone()));
            next.name = name;
        }
    }
    if let Some(d) = patch.department.filter(|d| *d != next.department) {
        ws.department(d).ok_or(CommandError::NotFound { what: "department", id: d })?;
        changes.push(("department", next.department.to_string(), d.to_string()));
        next.department = d;
    }
    // A team belongs to one department: moving departments leaves the old team.
    let team = match patch.team {
        Some(t) => t,
        None => next.team.filter(|t| ws.team(*t).is_some_and(|t| t.department == next.department)),
    };
    if let Some(t) = team {
        let found = ws.team(t).ok_or(CommandError::NotFound { what: "team", id: t })?;
        if found.department != next.department {
            return Err(invalid("team", format!("team {:?} belongs to another department", found.name)));
        }
    }
    if team != next.team {
        let text = |t: Option<Id>| t.map(|t| t.to_string()).unwrap_or_default();
        changes.push(("team", text(next.team), text(team)));
        next.team = team;
    }
    if let Some(skills) = patch.skills {
        let skills = clean_tags(&skills);
        if skills != next.skills {
            changes.push(("skills", next.skills.join(", "), skills.join(", ")));
            next.skills = skills;
        }
    }
    if let Some(capacity) = patch.capacity.filter(|c| *c != next.capacity) {
        if let Some(c) = capacity.filter(|c| !(1..=10_000).contains(c)) {
            return Err(invalid("capacity", format!("expected 1 to 10000 open requests, or no limit; found {c}")));
        }
        let text = |c: Option<u32>| c.map(|c| c.to_string()).unwrap_or_default();
        changes.push(("capacity", text(next.capacity), text(capacity)));
        next.capacity = capacity;
    }
    if let Some(on_duty) = patch.on_duty.filter(|d| *d != next.on_duty) {
        changes.push(("on_duty", next.on_duty.to_string(), on_duty.to_string()));
        next.on_duty = on_duty;
    }
    let deactivating = patch.active == Some(false) && m.active;
    if let Some(active) = patch.active.filter(|a| *a != next.active) {
        changes.push(("active", next.active.to_string(), active.to_string()));
        next.active = active;
    }
    // Nothing a member is accountable for is dropped silently: a successor
    // takes over their open requests, checked before anything changes.
    let held: Vec<Id> = if deactivating {
        ws.requests
            .values()
            .filter(|r| r.is_open() && (r.owner == Some(member) || r.handler == Some(member)))
            .map(|r| r.id)
            .collect()
    } else {
        Vec::new()
    };
    let successor = match (held.is_empty(), patch.successor) {
        (true, _) => None,
        (false, None) => return Err(CommandError::MemberIsAccountable { name: m.name.clone(), count: held.len() }),
        (false, Some(s)) if s == member => return Err(invalid("successor", "must be another member")),
        (false, Some(s)) => {
            check_member(ws, s, "successor")?;
            Some(s)
        }
    };
    for (field, before, after) in changes {
        trail.push(Change::MemberChanged { member, field: field.to_string(), before, after });
    }
    if let Some(slot) = ws.members.iter_mut().find(|x| x.id == member) {
        *slot = next;
    }
    if let Some(to) = successor {
        hand_over(ws, member, to, &held, trail);
    }
    if deactivating {
        // Offers waiting for the member can no longer be answered.
        let offered: Vec<Id> = ws
            .requests
            .values()
            .filter(|r| r.ownership_offer.as_ref().is_some_and(|o| o.to == member))
            .map(|r| r.id)
            .collect();
        for id in offered {
            trail.push_for(id, Change::OwnershipDeclined { to: member, reason: "member deactivated".into() });
            if let Some(r) = ws.requests.get_mut(&id) {
                r.ownership_offer = None;
            }
        }
    }
    Ok(())
}

/// Moves the open requests a deactivated member owned or handled to `to`.
fn hand_over(ws: &mut Workspace, from: Id, to: Id, requests: &[Id], trail: &mut Trail) {
    let now = trail.ctx.now;
    let reason = "member deactivated".to_string();
    for id in requests {
        let Some(r) = ws.requests.get_mut(id) else { continue };
        if r.owner == Some(from) {
            r.owner = Some(to);
            trail.push_for(*id, Change::OwnershipTransferred { from: Some(from), to, reason: reason.clone() });
        }
        if r.handler == Some(from) {
            r.previous_handlers.push(from);
            r.handler = Some(to);
            trail.push_for(*id, Change::Assigned { from: Some(from), to, reason: reason.clone() });
        }
        r.updated_at = now;
    }
}

fn offer_ownership(
    ws: &mut Workspace,
    request: Id,
    to: Id,
    reason: &str,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let reason = required_text("reason", reason)?;
    let r = open_request(ws, request, "transferring ownership")?;
    check_member(ws, to, "to")?;
    if r.owner == Some(to) {
        return Err(invalid("to", "is the first-contact owner already"));
    }
    if let Some(o) = &r.ownership_offer {
        let name = ws.member(o.to).map(|m| m.name.clone()).unwrap_or_default();
        return Err(invalid("offer", format!("a transfer to {name} is waiting for an answer: withdraw it first")));
    }
    let offer = OwnershipOffer { to, by: trail.ctx.actor, reason: reason.clone(), at: trail.ctx.now };
    trail.push_for(request, Change::OwnershipOffered { to, reason });
    if let Some(r) = ws.requests.get_mut(&request) {
        r.ownership_offer = Some(offer);
        r.updated_at = trail.ctx.now;
    }
    Ok(())
}

fn waiting_offer(ws: &Workspace, request: Id) -> Result<OwnershipOffer, CommandError> {
    find_request(ws, request)?
        .ownership_offer
        .clone()
        .ok_or_else(|| invalid("offer", "no transfer of ownership is waiting"))
}

fn accept_ownership(ws: &mut Workspace, request: Id, trail: &mut Trail) -> Result<(), CommandError> {
    let offer = waiting_offer(ws, request)?;
    let r = open_request(ws, request, "accepting ownership")?;
    if trail.ctx.actor != Some(offer.to) {
        let name = ws.member(offer.to).map(|m| m.name.clone()).unwrap_or_default();
        return Err(CommandError::NotAddressee { name });
    }
    check_member(ws, offer.to, "to")?;
    let from = r.owner;
    trail.push_for(request, Change::OwnershipAccepted { from, to: offer.to });
    if let Some(r) = ws.requests.get_mut(&request) {
        r.owner = Some(offer.to);
        r.ownership_offer = None;
        r.updated_at = trail.ctx.now;
    }
    Ok(())
}

fn decline_ownership(ws: &mut Workspace, request: Id, reason: &str, trail: &mut Trail) -> Result<(), CommandError> {
    let reason = required_text("reason", reason)?;
    let offer = waiting_offer(ws, request)?;
    let owner = ws.request(request).and_then(|r| r.owner);
    if !offer.may_decline(trail.ctx.actor, owner) {
        let to = ws.member(offer.to).map(|m| m.name.clone()).unwrap_or_default();
        return Err(CommandError::NotOfferParty { to });
    }
    trail.push_for(request, Change::OwnershipDeclined { to: offer.to, reason });
    if let Some(r) = ws.requests.get_mut(&request) {
        r.ownership_offer = None;
        r.updated_at = trail.ctx.now;
    }
    Ok(())
}

/// Closes `duplicate` as merged into `keep`. Both trails stay; each request
/// records the other.
fn merge(ws: &mut Workspace, keep: Id, duplicate: Id, reason: &str, trail: &mut Trail) -> Result<(), CommandError> {
    if keep == duplicate {
        return Err(invalid("duplicate", "a request cannot be merged into itself"));
    }
    let k = find_request(ws, keep)?;
    if let Some(into) = k.merged_into {
        let n = ws.request(into).map_or(0, |r| r.number);
        return Err(invalid("keep", format!("request #{} was merged into #{n} already", k.number)));
    }
    let keep_number = k.number;
    let d = open_request(ws, duplicate, "merging")?;
    let (dup_number, from) = (d.number, d.status);
    let reason = reason.trim().to_string();
    let now = trail.ctx.now;
    trail.push_for(duplicate, Change::StatusChanged { from, to: Status::Closed, note: reason.clone() });
    trail.push_for(duplicate, Change::MergedInto { into: keep, number: keep_number, reason });
    trail.push_for(keep, Change::MergedFrom { from: duplicate, number: dup_number });
    if let Some(d) = ws.requests.get_mut(&duplicate) {
        d.status = Status::Closed;
        d.closed_at = Some(now);
        d.merged_into = Some(keep);
        d.ownership_offer = None;
        if let Some(p) = d.pauses.iter_mut().find(|p| p.to.is_none()) {
            p.to = Some(now);
        }
        d.updated_at = now;
    }
    if let Some(k) = ws.requests.get_mut(&keep) {
        k.updated_at = now;
    }
    handoff_commands::withdraw_pending(ws, duplicate, "request merged", trail);
    Ok(())
}

/// Resolves an open request with a summary (already checked): the status
/// moves to Resolved, and a waiting transfer of ownership is withdrawn.
pub(super) fn resolve(ws: &mut Workspace, request: Id, summary: String, trail: &mut Trail) -> Result<(), CommandError> {
    move_status(ws, request, Status::Resolved, "resolve", summary.clone(), trail)?;
    let now = trail.ctx.now;
    // A transfer of ownership can only be accepted on an open request.
    let offered = ws.requests.get(&request).and_then(|r| r.ownership_offer.as_ref()).map(|o| o.to);
    if let Some(to) = offered {
        trail.push_for(request, Change::OwnershipDeclined { to, reason: "request resolved".into() });
    }
    if let Some(r) = ws.requests.get_mut(&request) {
        r.resolved_at = Some(now);
        r.resolution = summary;
        r.ownership_offer = None;
    }
    handoff_commands::withdraw_pending(ws, request, "request resolved", trail);
    Ok(())
}

/// Requests for tests of other modules: a blank open request.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    pub fn blank(id: Id) -> Request {
        let now = super::super::ts("2026-11-02T01:00:00Z");
        blank_request(id, 1, NewRequest::titled("test request"), now)
    }
}
