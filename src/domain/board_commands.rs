//! Commands of the task board: tasks and their sub-steps, comments and
//! effort, their place on the board, splitting a request into tasks,
//! resolving a request whose tasks are still open, and the board's columns,
//! lane limits and templates. Each checks everything before changing
//! anything, like every command, and leaves its events: a task's events are
//! recorded under its request, so the request's trail tells the whole story.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::board::{
    anchor_index, column_order, due_after, place, today, Anchor, BoardColumn, ChecklistItem, LaneLimit, LaneType, Task,
    TaskTemplate, TemplateStep, MAX_CHECKLIST, MAX_TASK_TITLE_CHARS,
};
use super::command::{check_member, clean_tags, invalid, required_text, resolve, Trail};
use super::{Change, CommandError, Comment, Id, Status, Workspace};

/// Longest sub-step, label or column name, in characters.
const MAX_SHORT_TEXT: usize = 200;
/// Most days a template may put a due date ahead.
const MAX_DUE_IN_DAYS: u32 = 365;
/// Largest WIP limit.
const MAX_WIP: u32 = 10_000;
/// Most effort recorded (or taken back) at once: a week.
const MAX_EFFORT_MINUTES: i32 = 7 * 24 * 60;

/// The fields of a task as typed in on the board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTask {
    pub title: String,
    pub request: Option<Id>,
    pub department: Option<Id>,
    pub assignee: Option<Id>,
    pub due: Option<NaiveDate>,
    /// The column's key; empty for the board's first column.
    pub column: String,
    pub labels: Vec<String>,
}

impl NewTask {
    /// A task with only a title, standing alone, in the first column.
    pub fn titled(title: &str) -> Self {
        Self {
            title: title.to_string(),
            request: None,
            department: None,
            assignee: None,
            due: None,
            column: String::new(),
            labels: Vec::new(),
        }
    }
}

/// Changes to a task's fields; `None` leaves a field as it is, `Some(None)`
/// clears it. Its place on the board is changed only by moving it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskPatch {
    pub title: Option<String>,
    pub department: Option<Option<Id>>,
    pub assignee: Option<Option<Id>>,
    pub due: Option<Option<NaiveDate>>,
    pub labels: Option<Vec<String>>,
}

/// Changes to a column; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnPatch {
    /// Empty brings a built-in column's translated name back.
    pub name: Option<String>,
    pub wip_limit: Option<Option<u32>>,
    pub done: Option<bool>,
}

fn task_not_found(id: Id) -> CommandError {
    CommandError::NotFound { what: "task", id }
}

fn find_task(ws: &Workspace, id: Id) -> Result<&Task, CommandError> {
    ws.tasks.get(&id).ok_or_else(|| task_not_found(id))
}

fn short_text(field: &'static str, value: &str, max: usize) -> Result<String, CommandError> {
    let text = required_text(field, value)?;
    let chars = text.chars().count();
    if chars > max {
        return Err(invalid(field, format!("at most {max} characters, found {chars}")));
    }
    Ok(text)
}

fn check_title(value: &str) -> Result<String, CommandError> {
    short_text("title", value, MAX_TASK_TITLE_CHARS)
}

fn check_department(ws: &Workspace, department: Option<Id>) -> Result<(), CommandError> {
    match department {
        Some(d) if ws.department(d).is_none() => Err(CommandError::NotFound { what: "department", id: d }),
        _ => Ok(()),
    }
}

fn check_column<'w>(ws: &'w Workspace, key: &str) -> Result<&'w BoardColumn, CommandError> {
    ws.board.column(key).ok_or_else(|| invalid("column", format!("the board has no column {key:?}")))
}

fn check_labels(labels: &[String]) -> Result<Vec<String>, CommandError> {
    let labels = clean_tags(labels);
    if let Some(long) = labels.iter().find(|l| l.chars().count() > MAX_SHORT_TEXT) {
        return Err(invalid("labels", format!("at most {MAX_SHORT_TEXT} characters, found {}", long.chars().count())));
    }
    Ok(labels)
}

/// Records a change of a task under its request, when it has one.
fn push_task(trail: &mut Trail, request: Option<Id>, change: Change) {
    match request {
        Some(r) => trail.push_for(r, change),
        None => trail.push(change),
    }
}

/// The column's cards other than `except`, as (id, key) in board order.
fn others_in(ws: &Workspace, column: &str, except: Option<Id>) -> Vec<(Id, u64)> {
    column_order(ws.tasks.values(), column)
        .into_iter()
        .filter(|t| Some(t.id) != except)
        .map(|t| (t.id, t.position))
        .collect()
}

/// Works out a card's key at `index` among `others` and renumbers the
/// neighbours that must make room, recording which.
fn take_place(ws: &mut Workspace, column: &str, others: &mut [(Id, u64)], index: usize, trail: &mut Trail) -> u64 {
    let placement = place(others, index);
    if !placement.renumbered.is_empty() {
        let tasks: Vec<Id> = placement.renumbered.iter().map(|(id, _)| *id).collect();
        for (id, key) in &placement.renumbered {
            if let Some(t) = ws.tasks.get_mut(id) {
                t.position = *key;
            }
            if let Some(slot) = others.iter_mut().find(|(o, _)| o == id) {
                slot.1 = *key;
            }
        }
        trail.push(Change::TasksRenumbered { column: column.to_string(), tasks });
    }
    placement.position
}

fn date_text(d: Option<NaiveDate>) -> String {
    d.map(super::board::fmt_date).unwrap_or_default()
}

fn id_text(id: Option<Id>) -> String {
    id.map(|i| i.to_string()).unwrap_or_default()
}

pub(super) fn add_task(ws: &mut Workspace, new: NewTask, trail: &mut Trail) -> Result<(), CommandError> {
    let title = check_title(&new.title)?;
    if let Some(r) = new.request {
        ws.request(r).ok_or(CommandError::NotFound { what: "request", id: r })?;
    }
    check_department(ws, new.department)?;
    if let Some(a) = new.assignee {
        check_member(ws, a, "assignee")?;
    }
    let column = if new.column.trim().is_empty() {
        ws.board.columns.first().map(|c| c.key.clone()).ok_or_else(|| invalid("column", "the board has no column"))?
    } else {
        check_column(ws, new.column.trim())?.key.clone()
    };
    let labels = check_labels(&new.labels)?;
    let id = trail.ctx.ids.next_id();
    let now = trail.ctx.now;
    let mut others = others_in(ws, &column, None);
    let end = others.len();
    let position = take_place(ws, &column, &mut others, end, trail);
    push_task(trail, new.request, Change::TaskCreated { task: id, title: title.clone(), column: column.clone() });
    let task = Task {
        id,
        title,
        request: new.request,
        department: new.department,
        assignee: new.assignee,
        due: new.due,
        column,
        position,
        labels,
        checklist: Vec::new(),
        effort_minutes: 0,
        comments: Vec::new(),
        created_at: now,
        updated_at: now,
        column_since: now,
    };
    ws.tasks.insert(id, task);
    Ok(())
}

pub(super) fn update_task(
    ws: &mut Workspace,
    task: Id,
    patch: TaskPatch,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let mut next = find_task(ws, task)?.clone();
    let mut changes: Vec<(&str, String, String)> = Vec::new();
    if let Some(title) = patch.title {
        let title = check_title(&title)?;
        if title != next.title {
            changes.push(("title", next.title.clone(), title.clone()));
            next.title = title;
        }
    }
    if let Some(d) = patch.department.filter(|d| *d != next.department) {
        check_department(ws, d)?;
        changes.push(("department", id_text(next.department), id_text(d)));
        next.department = d;
    }
    if let Some(a) = patch.assignee.filter(|a| *a != next.assignee) {
        if let Some(m) = a {
            check_member(ws, m, "assignee")?;
        }
        changes.push(("assignee", id_text(next.assignee), id_text(a)));
        next.assignee = a;
    }
    if let Some(due) = patch.due.filter(|d| *d != next.due) {
        changes.push(("due", date_text(next.due), date_text(due)));
        next.due = due;
    }
    if let Some(labels) = patch.labels {
        let labels = check_labels(&labels)?;
        if labels != next.labels {
            changes.push(("labels", next.labels.join(", "), labels.join(", ")));
            next.labels = labels;
        }
    }
    if changes.is_empty() {
        return Ok(());
    }
    next.updated_at = trail.ctx.now;
    for (field, before, after) in changes {
        push_task(trail, next.request, Change::TaskChanged { task, field: field.to_string(), before, after });
    }
    ws.tasks.insert(task, next);
    Ok(())
}

pub(super) fn move_task(
    ws: &mut Workspace,
    task: Id,
    column: &str,
    anchor: Anchor,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let t = find_task(ws, task)?;
    let (from, request) = (t.column.clone(), t.request);
    let to = check_column(ws, column.trim())?.key.clone();
    let mut others = others_in(ws, &to, Some(task));
    let index = anchor_index(&others, anchor)
        .ok_or_else(|| invalid("anchor", "must be another card of the column the card moves to"))?;
    if from == to {
        let current = column_order(ws.tasks.values(), &from).iter().position(|c| c.id == task);
        if current == Some(index) {
            return Ok(());
        }
    }
    let position = take_place(ws, &to, &mut others, index, trail);
    push_task(trail, request, Change::TaskMoved { task, from: from.clone(), to: to.clone() });
    let now = trail.ctx.now;
    if let Some(t) = ws.tasks.get_mut(&task) {
        t.position = position;
        t.updated_at = now;
        if from != to {
            t.column = to;
            t.column_since = now;
        }
    }
    Ok(())
}

pub(super) fn remove_task(ws: &mut Workspace, task: Id, trail: &mut Trail) -> Result<(), CommandError> {
    let t = find_task(ws, task)?;
    push_task(trail, t.request, Change::TaskRemoved { task, title: t.title.clone() });
    ws.tasks.remove(&task);
    Ok(())
}

pub(super) fn add_checklist_item(
    ws: &mut Workspace,
    task: Id,
    text: &str,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let text = short_text("sub-step", text, MAX_SHORT_TEXT)?;
    let t = find_task(ws, task)?;
    if t.checklist.len() >= MAX_CHECKLIST {
        return Err(invalid("sub-step", format!("a task has at most {MAX_CHECKLIST} sub-steps")));
    }
    let item = trail.ctx.ids.next_id();
    push_task(trail, t.request, Change::ChecklistItemAdded { task, item, text: text.clone() });
    let now = trail.ctx.now;
    if let Some(t) = ws.tasks.get_mut(&task) {
        t.checklist.push(ChecklistItem { id: item, text, done: false });
        t.updated_at = now;
    }
    Ok(())
}

fn item_not_found(item: Id) -> CommandError {
    CommandError::NotFound { what: "sub-step", id: item }
}

pub(super) fn check_checklist_item(
    ws: &mut Workspace,
    task: Id,
    item: Id,
    done: bool,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let t = find_task(ws, task)?;
    let found = t.checklist.iter().find(|c| c.id == item).ok_or_else(|| item_not_found(item))?;
    if found.done == done {
        return Ok(());
    }
    push_task(trail, t.request, Change::ChecklistItemChecked { task, item, done });
    let now = trail.ctx.now;
    if let Some(t) = ws.tasks.get_mut(&task) {
        if let Some(c) = t.checklist.iter_mut().find(|c| c.id == item) {
            c.done = done;
        }
        t.updated_at = now;
    }
    Ok(())
}

pub(super) fn remove_checklist_item(
    ws: &mut Workspace,
    task: Id,
    item: Id,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let t = find_task(ws, task)?;
    let found = t.checklist.iter().find(|c| c.id == item).ok_or_else(|| item_not_found(item))?;
    push_task(trail, t.request, Change::ChecklistItemRemoved { task, item, text: found.text.clone() });
    let now = trail.ctx.now;
    if let Some(t) = ws.tasks.get_mut(&task) {
        t.checklist.retain(|c| c.id != item);
        t.updated_at = now;
    }
    Ok(())
}

pub(super) fn comment_on_task(ws: &mut Workspace, task: Id, text: &str, trail: &mut Trail) -> Result<(), CommandError> {
    let text = required_text("comment", text)?;
    let request = find_task(ws, task)?.request;
    let id = trail.ctx.ids.next_id();
    let (now, author) = (trail.ctx.now, trail.ctx.actor);
    push_task(trail, request, Change::TaskCommented { task, comment: id, text: text.clone() });
    if let Some(t) = ws.tasks.get_mut(&task) {
        t.comments.push(Comment { id, at: now, author, text });
        t.updated_at = now;
    }
    Ok(())
}

pub(super) fn log_effort(ws: &mut Workspace, task: Id, minutes: i32, trail: &mut Trail) -> Result<(), CommandError> {
    let t = find_task(ws, task)?;
    if minutes == 0 || minutes.abs() > MAX_EFFORT_MINUTES {
        return Err(invalid(
            "effort",
            format!("expected 1 to {MAX_EFFORT_MINUTES} minutes (or as many taken back), found {minutes}"),
        ));
    }
    let total = i64::from(t.effort_minutes) + i64::from(minutes);
    let Ok(total) = u32::try_from(total) else {
        return Err(invalid("effort", format!("cannot take back more than the {} minutes recorded", t.effort_minutes)));
    };
    push_task(trail, t.request, Change::EffortLogged { task, minutes, total_minutes: total });
    let now = trail.ctx.now;
    if let Some(t) = ws.tasks.get_mut(&task) {
        t.effort_minutes = total;
        t.updated_at = now;
    }
    Ok(())
}

/// Steps of a template or a split, checked and cleaned.
fn checked_steps(ws: &Workspace, steps: Vec<TemplateStep>) -> Result<Vec<TemplateStep>, CommandError> {
    if steps.is_empty() {
        return Err(invalid("steps", "at least one task is needed"));
    }
    if steps.len() > MAX_CHECKLIST {
        return Err(invalid("steps", format!("at most {MAX_CHECKLIST} tasks, found {}", steps.len())));
    }
    let mut out = Vec::with_capacity(steps.len());
    for s in steps {
        check_department(ws, Some(s.department))?;
        let title = check_title(&s.title)?;
        let mut checklist = Vec::with_capacity(s.checklist.len());
        for item in s.checklist.iter().filter(|c| !c.trim().is_empty()) {
            checklist.push(short_text("sub-step", item, MAX_SHORT_TEXT)?);
        }
        if checklist.len() > MAX_CHECKLIST {
            return Err(invalid("sub-step", format!("a task has at most {MAX_CHECKLIST} sub-steps")));
        }
        if let Some(d) = s.due_in_days.filter(|d| *d > MAX_DUE_IN_DAYS) {
            return Err(invalid("due_in_days", format!("expected 0 to {MAX_DUE_IN_DAYS} days, found {d}")));
        }
        out.push(TemplateStep { department: s.department, title, checklist, due_in_days: s.due_in_days });
    }
    Ok(out)
}

/// Makes one task per step for an open request, in the board's first
/// column that is not done, each due its step's number of calendar days
/// after today where the workspace works.
pub(super) fn split_request(
    ws: &mut Workspace,
    request: Id,
    steps: Vec<TemplateStep>,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let r = ws.request(request).ok_or(CommandError::NotFound { what: "request", id: request })?;
    if !r.is_open() {
        return Err(CommandError::NotOpen { number: r.number, status: r.status, action: "splitting into tasks" });
    }
    let steps = checked_steps(ws, steps)?;
    let column = ws
        .board
        .first_open_column()
        .map(|c| c.key.clone())
        .ok_or_else(|| invalid("column", "the board has no column that is not done"))?;
    let now = trail.ctx.now;
    let day = today(ws, now);
    let count = u32::try_from(steps.len()).unwrap_or(u32::MAX);
    trail.push_for(request, Change::RequestSplit { count });
    let mut others = others_in(ws, &column, None);
    for step in steps {
        let id = trail.ctx.ids.next_id();
        let checklist: Vec<ChecklistItem> = step
            .checklist
            .into_iter()
            .map(|text| ChecklistItem { id: trail.ctx.ids.next_id(), text, done: false })
            .collect();
        let end = others.len();
        let position = take_place(ws, &column, &mut others, end, trail);
        others.push((id, position));
        trail.push_for(request, Change::TaskCreated { task: id, title: step.title.clone(), column: column.clone() });
        let task = Task {
            id,
            title: step.title,
            request: Some(request),
            department: Some(step.department),
            assignee: None,
            due: step.due_in_days.and_then(|d| due_after(day, d)),
            column: column.clone(),
            position,
            labels: Vec::new(),
            checklist,
            effort_minutes: 0,
            comments: Vec::new(),
            created_at: now,
            updated_at: now,
            column_since: now,
        };
        ws.tasks.insert(id, task);
    }
    Ok(())
}

/// A request with open tasks is not resolved without a reason.
pub(super) fn refuse_open_tasks(ws: &Workspace, request: Id) -> Result<(), CommandError> {
    let Some(r) = ws.request(request) else { return Ok(()) };
    let open = super::board::open_tasks(ws, request);
    if open > 0 && r.status.can_move_to(Status::Resolved) {
        return Err(CommandError::OpenTasks { number: r.number, open });
    }
    Ok(())
}

/// Resolves a request although some of its tasks are open, recording why.
/// With no open task it is an ordinary resolution.
pub(super) fn resolve_with_open_tasks(
    ws: &mut Workspace,
    request: Id,
    summary: &str,
    reason: &str,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let summary = required_text("summary", summary)?;
    let open = super::board::open_tasks(ws, request);
    if open > 0 {
        let reason = required_text("reason", reason)?;
        let open = u32::try_from(open).unwrap_or(u32::MAX);
        trail.push_for(request, Change::ResolvedWithOpenTasks { open, reason });
    }
    resolve(ws, request, summary, trail)
}

fn check_column_name(ws: &Workspace, key: Option<&str>, name: &str) -> Result<String, CommandError> {
    let builtin = key.is_some_and(|k| super::board::BUILTIN_COLUMNS.contains(&k));
    let name = if builtin && name.trim().is_empty() { String::new() } else { short_text("column name", name, 60)? };
    let lower = name.to_lowercase();
    if !name.is_empty()
        && ws.board.columns.iter().any(|c| Some(c.key.as_str()) != key && c.name.to_lowercase() == lower)
    {
        return Err(invalid("column name", format!("{name:?} exists already")));
    }
    Ok(name)
}

fn check_wip(limit: Option<u32>) -> Result<Option<u32>, CommandError> {
    match limit {
        Some(l) if !(1..=MAX_WIP).contains(&l) => {
            Err(invalid("wip limit", format!("expected 1 to {MAX_WIP} cards, or no limit; found {l}")))
        }
        other => Ok(other),
    }
}

/// A new column goes before the done columns, where new work belongs.
pub(super) fn add_column(ws: &mut Workspace, name: &str, trail: &mut Trail) -> Result<(), CommandError> {
    let name = check_column_name(ws, None, name)?;
    let key = trail.ctx.ids.next_id().to_string();
    trail.push(Change::ColumnAdded { column: key.clone(), name: name.clone() });
    let at = ws.board.columns.iter().position(|c| c.done).unwrap_or(ws.board.columns.len());
    ws.board.columns.insert(at, BoardColumn { key, name, wip_limit: None, done: false });
    Ok(())
}

fn column_index(ws: &Workspace, key: &str) -> Result<usize, CommandError> {
    ws.board
        .columns
        .iter()
        .position(|c| c.key == key)
        .ok_or_else(|| invalid("column", format!("the board has no column {key:?}")))
}

pub(super) fn update_column(
    ws: &mut Workspace,
    column: &str,
    patch: ColumnPatch,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let i = column_index(ws, column)?;
    let mut next = ws.board.columns[i].clone();
    let mut changes: Vec<(&str, String, String)> = Vec::new();
    if let Some(name) = patch.name {
        let name = check_column_name(ws, Some(column), &name)?;
        if name != next.name {
            changes.push(("name", next.name.clone(), name.clone()));
            next.name = name;
        }
    }
    if let Some(limit) = patch.wip_limit {
        let limit = check_wip(limit)?;
        if limit != next.wip_limit {
            let text = |l: Option<u32>| l.map(|l| l.to_string()).unwrap_or_default();
            changes.push(("wip_limit", text(next.wip_limit), text(limit)));
            next.wip_limit = limit;
        }
    }
    if let Some(done) = patch.done.filter(|d| *d != next.done) {
        let others_open = ws.board.columns.iter().any(|c| c.key != column && !c.done);
        if done && !others_open {
            return Err(invalid("done", "at least one column must hold work that is not done"));
        }
        changes.push(("done", next.done.to_string(), done.to_string()));
        next.done = done;
    }
    for (field, before, after) in changes {
        trail.push(Change::ColumnChanged { column: column.to_string(), field: field.to_string(), before, after });
    }
    if let Some(slot) = ws.board.columns.get_mut(i) {
        *slot = next;
    }
    Ok(())
}

pub(super) fn move_column(ws: &mut Workspace, column: &str, to: usize, trail: &mut Trail) -> Result<(), CommandError> {
    let from = column_index(ws, column)?;
    let last = ws.board.columns.len() - 1;
    if to > last {
        return Err(invalid("position", format!("expected 1 to {}, found {}", last + 1, to + 1)));
    }
    if from != to {
        let position = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
        trail.push(Change::ColumnMoved { column: column.to_string(), from: position(from), to: position(to) });
        let c = ws.board.columns.remove(from);
        ws.board.columns.insert(to, c);
    }
    Ok(())
}

pub(super) fn remove_column(ws: &mut Workspace, column: &str, trail: &mut Trail) -> Result<(), CommandError> {
    let i = column_index(ws, column)?;
    let c = &ws.board.columns[i];
    let tasks = ws.tasks.values().filter(|t| t.column == column).count();
    if tasks > 0 {
        let name = c.display_name().to_string();
        return Err(CommandError::UsedByBoard { what: "column", name, tasks, templates: 0 });
    }
    if !c.done && !ws.board.columns.iter().any(|o| o.key != column && !o.done) {
        return Err(invalid("column", "at least one column must hold work that is not done"));
    }
    trail.push(Change::ColumnRemoved { column: column.to_string(), name: c.name.clone() });
    ws.board.columns.remove(i);
    Ok(())
}

pub(super) fn set_lane_limit(
    ws: &mut Workspace,
    lane_type: LaneType,
    lane: Id,
    limit: Option<u32>,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    match lane_type {
        LaneType::Department => check_department(ws, Some(lane))?,
        LaneType::Assignee => {
            ws.member(lane).ok_or(CommandError::NotFound { what: "member", id: lane })?;
        }
    }
    let limit = check_wip(limit)?;
    let before = ws.board.lane_limit(lane_type, lane);
    if before == limit {
        return Ok(());
    }
    trail.push(Change::LaneLimitSet { lane_type, lane, before, after: limit });
    ws.board.lane_limits.retain(|l| !(l.lane_type == lane_type && l.lane == lane));
    if let Some(limit) = limit {
        ws.board.lane_limits.push(LaneLimit { lane_type, lane, limit });
    }
    Ok(())
}

pub(super) fn set_template(ws: &mut Workspace, template: TaskTemplate, trail: &mut Trail) -> Result<(), CommandError> {
    let category = template.category.trim().to_string();
    if category.chars().count() > MAX_SHORT_TEXT {
        return Err(invalid("category", format!("at most {MAX_SHORT_TEXT} characters")));
    }
    let steps = checked_steps(ws, template.steps)?;
    let next = TaskTemplate { category: category.clone(), steps };
    let existing = ws.board.templates.iter().position(|t| t.is_for(&category));
    if existing.and_then(|i| ws.board.templates.get(i)) == Some(&next) {
        return Ok(());
    }
    let count = u32::try_from(next.steps.len()).unwrap_or(u32::MAX);
    trail.push(Change::TaskTemplateSet { category, steps: count });
    match existing.and_then(|i| ws.board.templates.get_mut(i)) {
        Some(slot) => *slot = next,
        None => ws.board.templates.push(next),
    }
    Ok(())
}

pub(super) fn remove_template(ws: &mut Workspace, category: &str, trail: &mut Trail) -> Result<(), CommandError> {
    let i = ws
        .board
        .templates
        .iter()
        .position(|t| t.is_for(category))
        .ok_or_else(|| invalid("category", format!("{:?} has no task template", category.trim())))?;
    let removed = ws.board.templates.remove(i);
    trail.push(Change::TaskTemplateRemoved { category: removed.category });
    Ok(())
}

/// A department that tasks or templates still name cannot be removed.
pub(super) fn refuse_department_in_use(ws: &Workspace, department: Id) -> Result<(), CommandError> {
    let tasks = ws.tasks.values().filter(|t| t.department == Some(department)).count();
    let templates = ws.board.templates.iter().filter(|t| t.steps.iter().any(|s| s.department == department)).count();
    if tasks + templates > 0 {
        let name = ws.department(department).map(|d| d.display_name().to_string()).unwrap_or_default();
        return Err(CommandError::UsedByBoard { what: "department", name, tasks, templates });
    }
    Ok(())
}

/// A removed department's lane limit goes with it, recorded.
pub(super) fn forget_department(ws: &mut Workspace, department: Id, trail: &mut Trail) {
    let lane_type = LaneType::Department;
    if let Some(before) = ws.board.lane_limit(lane_type, department) {
        trail.push(Change::LaneLimitSet { lane_type, lane: department, before: Some(before), after: None });
        ws.board.lane_limits.retain(|l| !(l.lane_type == lane_type && l.lane == department));
    }
}
