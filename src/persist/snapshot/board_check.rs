//! The checks typed reading cannot make on the task board: unique column
//! keys and task ids, references from tasks, lane limits and templates to
//! records of this workspace, and the value ranges the board's commands
//! keep. Not checked: ids inside the board's events (history, like the ids
//! in any change).

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{dangling, describe, invalid_at, quoted, Seen, Snapshot, SnapshotError, SnapshotErrorKind};
use crate::domain::board::{LaneType, BUILTIN_COLUMNS, MAX_POSITION, MAX_TASK_TITLE_CHARS};
use crate::domain::Id;

/// Largest WIP limit, as the commands that set one.
const MAX_WIP: u32 = 10_000;

fn text_value(text: &str) -> String {
    describe(&Value::String(text.to_string()))
}

fn check_wip(limit: Option<u32>, path: String) -> Result<(), SnapshotError> {
    match limit {
        Some(l) if !(1..=MAX_WIP).contains(&l) => {
            Err(invalid_at(path, format!("a whole number from 1 to {MAX_WIP}, or null for no limit"), l.to_string()))
        }
        _ => Ok(()),
    }
}

fn check_title(title: &str, path: String) -> Result<(), SnapshotError> {
    let chars = title.trim().chars().count();
    if chars == 0 {
        return Err(invalid_at(path, "a title that is not empty", text_value(title)));
    }
    if chars > MAX_TASK_TITLE_CHARS {
        return Err(invalid_at(
            path,
            format!("a title of at most {MAX_TASK_TITLE_CHARS} characters"),
            format!("{chars} characters"),
        ));
    }
    Ok(())
}

pub(super) fn check_board(
    s: &Snapshot,
    departments: &HashSet<Id>,
    members: &HashSet<Id>,
    requests: &HashSet<Id>,
) -> Result<(), SnapshotError> {
    let board = &s.workspace.board;
    if board.columns.is_empty() {
        return Err(invalid_at("workspace.board.columns".into(), "at least one column", "none"));
    }
    let mut keys: HashMap<&str, usize> = HashMap::new();
    for (i, c) in board.columns.iter().enumerate() {
        let at = |field: &str| format!("workspace.board.columns[{i}].{field}");
        if c.key.trim().is_empty() {
            return Err(invalid_at(at("key"), "a column key that is not blank", text_value(&c.key)));
        }
        if let Some(first) = keys.insert(c.key.as_str(), i) {
            return Err(SnapshotError::new(
                SnapshotErrorKind::DuplicateId,
                at("key"),
                "a key not used by another column",
                format!("{}, already used at workspace.board.columns[{first}].key", text_value(&c.key)),
            ));
        }
        if c.name.trim().is_empty() && !BUILTIN_COLUMNS.contains(&c.key.as_str()) {
            return Err(invalid_at(
                at("name"),
                format!("a name (only the built-in columns {} may go without)", BUILTIN_COLUMNS.join(", ")),
                text_value(&c.name),
            ));
        }
        check_wip(c.wip_limit, at("wip_limit"))?;
    }
    if board.columns.iter().all(|c| c.done) {
        return Err(invalid_at(
            "workspace.board.columns".into(),
            "at least one column that is not done",
            format!("{} done columns", board.columns.len()),
        ));
    }
    let mut lanes: HashMap<(LaneType, Id), usize> = HashMap::new();
    for (i, l) in board.lane_limits.iter().enumerate() {
        let at = |field: &str| format!("workspace.board.lane_limits[{i}].{field}");
        match l.lane_type {
            LaneType::Department if !departments.contains(&l.lane) => {
                return Err(dangling(at("lane"), "department", l.lane))
            }
            LaneType::Assignee if !members.contains(&l.lane) => return Err(dangling(at("lane"), "member", l.lane)),
            _ => {}
        }
        if let Some(first) = lanes.insert((l.lane_type, l.lane), i) {
            return Err(SnapshotError::new(
                SnapshotErrorKind::DuplicateId,
                at("lane"),
                "a lane without another limit",
                format!("{}, already limited at workspace.board.lane_limits[{first}]", quoted(l.lane)),
            ));
        }
        check_wip(Some(l.limit), at("limit"))?;
    }
    let mut categories: HashMap<String, usize> = HashMap::new();
    for (i, t) in board.templates.iter().enumerate() {
        let at = |field: &str| format!("workspace.board.templates[{i}].{field}");
        if let Some(first) = categories.insert(t.category.trim().to_lowercase(), i) {
            return Err(SnapshotError::new(
                SnapshotErrorKind::DuplicateId,
                at("category"),
                "a category without another task template",
                format!("{}, already used at workspace.board.templates[{first}].category", text_value(&t.category)),
            ));
        }
        if t.steps.is_empty() {
            return Err(invalid_at(at("steps"), "at least one step", "none"));
        }
        for (k, step) in t.steps.iter().enumerate() {
            let path = format!("workspace.board.templates[{i}].steps[{k}]");
            if !departments.contains(&step.department) {
                return Err(dangling(format!("{path}.department"), "department", step.department));
            }
            check_title(&step.title, format!("{path}.title"))?;
        }
    }

    let mut tasks = Seen::new("task");
    let mut items = Seen::new("sub-step");
    let mut comments = Seen::new("task comment");
    for (i, t) in s.tasks.iter().enumerate() {
        let at = |field: &str| format!("tasks[{i}].{field}");
        tasks.add(t.id, at("id"), quoted)?;
        check_title(&t.title, at("title"))?;
        if let Some(r) = t.request.filter(|r| !requests.contains(r)) {
            return Err(dangling(at("request"), "request", r));
        }
        if let Some(d) = t.department.filter(|d| !departments.contains(d)) {
            return Err(dangling(at("department"), "department", d));
        }
        if let Some(m) = t.assignee.filter(|m| !members.contains(m)) {
            return Err(dangling(at("assignee"), "member", m));
        }
        if !keys.contains_key(t.column.as_str()) {
            return Err(SnapshotError::new(
                SnapshotErrorKind::DanglingReference,
                at("column"),
                "the key of a column of this workspace's board",
                text_value(&t.column),
            ));
        }
        if !(1..=MAX_POSITION).contains(&t.position) {
            return Err(invalid_at(
                at("position"),
                format!("a whole number from 1 to {MAX_POSITION}"),
                t.position.to_string(),
            ));
        }
        for (k, c) in t.checklist.iter().enumerate() {
            items.add(c.id, format!("tasks[{i}].checklist[{k}].id"), quoted)?;
        }
        for (k, c) in t.comments.iter().enumerate() {
            comments.add(c.id, format!("tasks[{i}].comments[{k}].id"), quoted)?;
            if let Some(a) = c.author.filter(|a| !members.contains(a)) {
                return Err(dangling(format!("tasks[{i}].comments[{k}].author"), "member", a));
            }
        }
    }
    Ok(())
}
