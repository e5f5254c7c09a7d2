//! Words for the task board: column and lane names, durations on cards,
//! effort in hours, trail lines of task and board events, and the board's
//! refusals, in the reader's language.
use crate::components::labels::{department_name, fixed, member_name, I18n};
use crate::domain::board::{fmt_date, BoardColumn, LaneType};
use crate::domain::{Change, CommandError, Id, Workspace};
use crate::i18n::i18n::*;

/// A column's name: the team's own, else the built-in one in this language.
pub fn column_name(i18n: I18n, c: &BoardColumn) -> String {
    if !c.is_builtin_name() {
        return c.name.clone();
    }
    match c.key.as_str() {
        "todo" => t_string!(i18n, board.col_todo),
        "doing" => t_string!(i18n, board.col_doing),
        "waiting" => t_string!(i18n, board.col_waiting),
        _ => t_string!(i18n, board.col_done),
    }
    .to_string()
}

/// A column's name by its key; the key itself for a column removed since.
pub fn column_name_of(i18n: I18n, ws: &Workspace, key: &str) -> String {
    ws.board.column(key).map(|c| column_name(i18n, c)).unwrap_or_else(|| key.to_string())
}

/// Recorded effort in hours: "2", "1.5", "0.25".
pub fn fmt_hours(minutes: i64) -> String {
    let text = fixed(minutes as f64 / 60.0, 2);
    match text.split_once('.') {
        Some((whole, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() {
                whole.to_string()
            } else {
                format!("{whole}.{frac}")
            }
        }
        None => text,
    }
}

fn task_title(i18n: I18n, ws: &Workspace, task: Id) -> String {
    ws.tasks.get(&task).map(|t| t.title.clone()).unwrap_or_else(|| t_string!(i18n, board.removed_task).to_string())
}

fn lane_type_label(i18n: I18n, t: LaneType) -> String {
    match t {
        LaneType::Department => t_string!(i18n, board.lanes_department),
        LaneType::Assignee => t_string!(i18n, board.lanes_assignee),
    }
    .to_string()
}

/// The value of a task field as a reader knows it: names for ids.
fn field_value(i18n: I18n, ws: &Workspace, field: &str, value: &str) -> String {
    if value.is_empty() {
        return "—".to_string();
    }
    let id = Id::parse_str(value).ok();
    match field {
        "department" => id
            .and_then(|d| ws.department(d))
            .map(|d| department_name(i18n, d))
            .unwrap_or_else(|| t_string!(i18n, common.unknown).to_string()),
        "assignee" => member_name(ws, id).unwrap_or_else(|| t_string!(i18n, common.unknown).to_string()),
        _ => value.to_string(),
    }
}

fn task_field_label(i18n: I18n, field: &str) -> String {
    match field {
        "title" => t_string!(i18n, board.field_title).to_string(),
        "department" => t_string!(i18n, board.field_department).to_string(),
        "assignee" => t_string!(i18n, board.field_assignee).to_string(),
        "due" => t_string!(i18n, board.field_due).to_string(),
        "labels" => t_string!(i18n, board.field_labels).to_string(),
        "name" => t_string!(i18n, board.field_column_name).to_string(),
        "wip_limit" => t_string!(i18n, board.field_wip).to_string(),
        "done" => t_string!(i18n, board.field_done).to_string(),
        other => other.to_string(),
    }
}

/// One line of the trail for the board's events (empty for other events).
pub fn board_change_text(i18n: I18n, ws: &Workspace, c: &Change) -> String {
    let title = |task: &Id| task_title(i18n, ws, *task);
    match c {
        Change::TaskCreated { title, column, .. } => {
            t_string!(i18n, board.ev_created, title = title.clone(), column = column_name_of(i18n, ws, column))
                .to_string()
        }
        Change::TaskChanged { task, field, after, .. } => t_string!(
            i18n,
            board.ev_changed,
            title = title(task),
            field = task_field_label(i18n, field),
            value = field_value(i18n, ws, field, after)
        )
        .to_string(),
        Change::TaskMoved { task, from, to } if from == to => {
            t_string!(i18n, board.ev_reordered, title = title(task), column = column_name_of(i18n, ws, to)).to_string()
        }
        Change::TaskMoved { task, from, to } => t_string!(
            i18n,
            board.ev_moved,
            title = title(task),
            from = column_name_of(i18n, ws, from),
            to = column_name_of(i18n, ws, to)
        )
        .to_string(),
        Change::TasksRenumbered { column, tasks } => {
            t_string!(i18n, board.ev_renumbered, count = tasks.len(), column = column_name_of(i18n, ws, column))
                .to_string()
        }
        Change::TaskRemoved { title, .. } => t_string!(i18n, board.ev_removed, title = title.clone()).to_string(),
        Change::ChecklistItemAdded { task, text, .. } => {
            t_string!(i18n, board.ev_step_added, title = title(task), step = text.clone()).to_string()
        }
        Change::ChecklistItemChecked { task, item, done } => {
            let step = ws
                .tasks
                .get(task)
                .and_then(|t| t.checklist.iter().find(|c| c.id == *item))
                .map(|c| c.text.clone())
                .unwrap_or_default();
            if *done {
                t_string!(i18n, board.ev_step_done, title = title(task), step = step).to_string()
            } else {
                t_string!(i18n, board.ev_step_undone, title = title(task), step = step).to_string()
            }
        }
        Change::ChecklistItemRemoved { task, text, .. } => {
            t_string!(i18n, board.ev_step_removed, title = title(task), step = text.clone()).to_string()
        }
        Change::TaskCommented { task, text, .. } => {
            t_string!(i18n, board.ev_commented, title = title(task), text = text.clone()).to_string()
        }
        Change::EffortLogged { task, minutes, total_minutes } => t_string!(
            i18n,
            board.ev_effort,
            title = title(task),
            hours = fmt_hours(i64::from(*minutes)),
            total = fmt_hours(i64::from(*total_minutes))
        )
        .to_string(),
        Change::RequestSplit { count } => t_string!(i18n, board.ev_split, count = *count).to_string(),
        Change::ResolvedWithOpenTasks { open, reason } => {
            t_string!(i18n, board.ev_resolved_open, count = *open, reason = reason.clone()).to_string()
        }
        Change::ColumnAdded { name, .. } => t_string!(i18n, board.ev_column_added, name = name.clone()).to_string(),
        Change::ColumnChanged { column, field, after, .. } => t_string!(
            i18n,
            board.ev_column_changed,
            name = column_name_of(i18n, ws, column),
            field = task_field_label(i18n, field),
            value = if after.is_empty() { "—".to_string() } else { after.clone() }
        )
        .to_string(),
        Change::ColumnMoved { column, to, .. } => {
            t_string!(i18n, board.ev_column_moved, name = column_name_of(i18n, ws, column), to = *to).to_string()
        }
        Change::ColumnRemoved { column, name } => {
            let name = if name.is_empty() { column.clone() } else { name.clone() };
            t_string!(i18n, board.ev_column_removed, name = name).to_string()
        }
        Change::LaneLimitSet { lane_type, lane, after, .. } => {
            let who = match lane_type {
                LaneType::Department => ws.department(*lane).map(|d| department_name(i18n, d)),
                LaneType::Assignee => member_name(ws, Some(*lane)),
            }
            .unwrap_or_else(|| t_string!(i18n, common.unknown).to_string());
            let lane = format!("{} {who}", lane_type_label(i18n, *lane_type));
            match after {
                Some(l) => t_string!(i18n, board.ev_lane_limit, lane = lane, limit = *l).to_string(),
                None => t_string!(i18n, board.ev_lane_limit_none, lane = lane).to_string(),
            }
        }
        Change::TaskTemplateSet { category, steps } => {
            t_string!(i18n, board.ev_template_set, category = category_label(i18n, category), count = *steps)
                .to_string()
        }
        Change::TaskTemplateRemoved { category } => {
            t_string!(i18n, board.ev_template_removed, category = category_label(i18n, category)).to_string()
        }
        _ => String::new(),
    }
}

/// A template's category; "every other category" for the empty one.
pub fn category_label(i18n: I18n, category: &str) -> String {
    if category.trim().is_empty() {
        t_string!(i18n, board.template_any).to_string()
    } else {
        category.to_string()
    }
}

/// The board's refusals that the general messages do not cover.
pub fn board_error_text(i18n: I18n, e: &CommandError) -> Option<String> {
    let text = match e {
        CommandError::OpenTasks { number, open } => {
            t_string!(i18n, board.error_open_tasks, number = *number, count = *open).to_string()
        }
        CommandError::UsedByBoard { what: "column", name, tasks, .. } => {
            t_string!(i18n, board.error_column_in_use, name = name.clone(), count = *tasks).to_string()
        }
        CommandError::UsedByBoard { name, tasks, templates, .. } => {
            t_string!(i18n, board.error_department_in_use, name = name.clone(), count = *tasks, templates = *templates)
                .to_string()
        }
        _ => return None,
    };
    Some(text)
}

/// The message of a board command's refusal by its field, for those that
/// carry their detail in `problem`; none for the general ones.
pub fn board_problem(i18n: I18n, field: &str, problem: &str) -> Option<String> {
    let text = match field {
        "anchor" => t_string!(i18n, board.error_anchor),
        "column" if problem.contains("not done") => t_string!(i18n, board.error_no_open_column),
        "column" => t_string!(i18n, board.error_column),
        "done" => t_string!(i18n, board.error_all_done),
        "column name" if problem.ends_with("exists already") => t_string!(i18n, board.error_column_exists),
        "column name" => t_string!(i18n, board.error_column_name),
        "wip limit" => t_string!(i18n, board.error_wip),
        "effort" => t_string!(i18n, board.error_effort),
        "steps" => t_string!(i18n, board.error_steps),
        "sub-step" if problem.starts_with("a task has at most") => t_string!(i18n, board.error_too_many_steps),
        "sub-step" => t_string!(i18n, board.error_step),
        "due_in_days" => t_string!(i18n, board.error_due_days),
        "labels" => t_string!(i18n, board.error_labels),
        _ => return None,
    };
    Some(text.to_string())
}

/// Field names of the board's commands in messages.
pub fn field_label(i18n: I18n, field: &str) -> String {
    match field {
        "sub-step" => t_string!(i18n, board.field_step).to_string(),
        "column name" => t_string!(i18n, board.field_column_name).to_string(),
        "reason" => t_string!(i18n, board.field_reason).to_string(),
        other => other.to_string(),
    }
}

/// A due date as written on a card: the date itself, never shifted to the
/// reader's time zone.
pub fn due_text(d: chrono::NaiveDate) -> String {
    fmt_date(d)
}
