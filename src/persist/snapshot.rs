//! The JSON snapshot format: a whole workspace in one file
//! (`<name>-<date>.baton.json`), versioned so that files written by older
//! versions of Baton keep opening. The format is documented field by field in
//! `docs/snapshot-format.md` and as a JSON Schema in `docs/snapshot.schema.json`.
//!
//! ```
//! use baton::domain::*;
//! use baton::persist::snapshot::Snapshot;
//! let mut ids = SeqIds::new(1);
//! let now = ts("2026-12-01T09:00:00Z");
//! let ws = Workspace::with_default_departments(&mut ids, "Pilot", now);
//! let json = Snapshot::of(&ws, now).to_json();
//! let back = Snapshot::parse("pilot-2026-12-01.baton.json", &json)?;
//! assert_eq!(back.to_json(), json);
//! assert_eq!(back.into_workspace(), ws);
//! # Ok::<(), baton::persist::snapshot::SnapshotError>(())
//! ```
//!
//! Reading goes through four stages, each with its own kind of error:
//! the text must be JSON ([`SnapshotErrorKind::NotJson`]); its `format` and
//! `version` must be ours and not newer than [`VERSION`]; older versions are
//! brought up to date by [`migrate`], one step per version; then the typed
//! structure is read with the JSON path of any mismatch, and finally the
//! references between records are checked.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::board::{BoardConfig, Task};
use crate::domain::handoff::{ItemKind, Prefill, ReturnReason, Section, Template};
use crate::domain::maturity::{MaturityModel, Round};
use crate::domain::responsibility::{RaciRole, RaciRow, Thresholds};
use crate::domain::routing::{Routing, Strategy, Target};
use crate::domain::sla::SlaPolicy;
use crate::domain::warnings::{Alert, Comparison, WarningMetric, WarningRule};
use crate::domain::{
    BusinessCalendar, CalendarError, Channel, DataFlag, Department, Event, Id, Member, Request, Status, Team,
    Timestamp, Urgency, Workspace, MAX_TITLE_CHARS,
};

mod board_check;
mod handoffs;

/// The value of the `format` field of every snapshot.
pub const FORMAT: &str = "baton.workspace";
/// The format version this build writes, and the newest it reads.
pub const VERSION: u32 = 2;

/// The workspace record without its requests and events. The browser
/// storage adapter keeps it as the stored workspace record too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkspaceMeta {
    pub id: Id,
    pub name: String,
    pub created_at: Timestamp,
    /// The next short request number (#1, #2, …); greater than every number in use.
    pub next_number: u32,
    pub departments: Vec<Department>,
    pub members: Vec<Member>,
    #[serde(default)]
    pub teams: Vec<Team>,
    #[serde(default)]
    pub routing: Routing,
    #[serde(default)]
    pub responsibility: Vec<RaciRow>,
    #[serde(default = "default_calendar")]
    pub calendar: BusinessCalendar,
    #[serde(default)]
    pub sla: SlaPolicy,
    #[serde(default)]
    pub thresholds: Thresholds,
    #[serde(default)]
    pub warnings: Vec<WarningRule>,
    #[serde(default)]
    pub alerts: Vec<Alert>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maturity_models: Vec<MaturityModel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub maturity_rounds: Vec<Round>,
    /// Handoff checklist templates with every version; left out when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handoff_templates: Vec<Template>,
    /// The task board's columns, lane limits and templates; left out while
    /// they are the default (the four built-in columns, nothing else).
    #[serde(default, skip_serializing_if = "BoardConfig::is_default")]
    pub board: BoardConfig,
}

fn default_calendar() -> BusinessCalendar {
    BusinessCalendar::standard("UTC")
}

impl WorkspaceMeta {
    pub fn of(ws: &Workspace) -> Self {
        Self {
            id: ws.id,
            name: ws.name.clone(),
            created_at: ws.created_at,
            next_number: ws.next_number,
            departments: ws.departments.clone(),
            members: ws.members.clone(),
            teams: ws.teams.clone(),
            routing: ws.routing.clone(),
            responsibility: ws.responsibility.clone(),
            calendar: ws.calendar.clone(),
            sla: ws.sla,
            thresholds: ws.thresholds,
            warnings: ws.warnings.clone(),
            alerts: ws.alerts.clone(),
            maturity_models: ws.maturity_models.clone(),
            maturity_rounds: ws.maturity_rounds.clone(),
            handoff_templates: ws.handoff_templates.clone(),
            board: ws.board.clone(),
        }
    }

    /// Replaces the workspace-level data of `ws` (everything but its
    /// requests, tasks and trail) with this record's.
    pub fn apply_to(self, ws: &mut Workspace) {
        let requests = std::mem::take(&mut ws.requests);
        let tasks = std::mem::take(&mut ws.tasks);
        let events = std::mem::take(&mut ws.events);
        let mut next = self.into_workspace(Vec::new(), events);
        next.requests = requests;
        next.tasks = tasks;
        *ws = next;
    }

    /// Puts the workspace back together with its requests and event trail;
    /// its tasks are added by the caller.
    pub fn into_workspace(self, requests: impl IntoIterator<Item = Request>, events: Vec<Event>) -> Workspace {
        Workspace {
            id: self.id,
            name: self.name,
            created_at: self.created_at,
            departments: self.departments,
            members: self.members,
            requests: requests.into_iter().map(|r| (r.id, r)).collect(),
            events,
            next_number: self.next_number,
            teams: self.teams,
            routing: self.routing,
            responsibility: self.responsibility,
            calendar: self.calendar,
            sla: self.sla,
            thresholds: self.thresholds,
            warnings: self.warnings,
            alerts: self.alerts,
            maturity_models: self.maturity_models,
            maturity_rounds: self.maturity_rounds,
            handoff_templates: self.handoff_templates,
            tasks: std::collections::BTreeMap::new(),
            board: self.board,
        }
    }
}

/// A whole workspace as written to a `.baton.json` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Always [`FORMAT`].
    pub format: String,
    /// The format version; [`VERSION`] once read.
    pub version: u32,
    pub exported_at: Timestamp,
    pub workspace: WorkspaceMeta,
    /// Ordered by id (UUID v7 ids are time-ordered, so oldest first).
    pub requests: Vec<Request>,
    /// The trail, oldest first.
    pub events: Vec<Event>,
    /// The board's tasks, ordered by id; left out when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
}

/// What the import preview shows before a snapshot replaces or joins anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotSummary {
    pub name: String,
    pub requests: usize,
    pub events: usize,
    pub departments: usize,
    pub members: usize,
    /// Requests someone still has to act on.
    pub open: usize,
    pub exported_at: Timestamp,
}

impl Snapshot {
    /// The snapshot of a workspace as it is at `exported_at`.
    pub fn of(ws: &Workspace, exported_at: Timestamp) -> Self {
        Self {
            format: FORMAT.to_string(),
            version: VERSION,
            exported_at,
            workspace: WorkspaceMeta::of(ws),
            requests: ws.requests.values().cloned().collect(),
            events: ws.events.clone(),
            tasks: ws.tasks.values().cloned().collect(),
        }
    }

    pub fn into_workspace(self) -> Workspace {
        let mut ws = self.workspace.into_workspace(self.requests, self.events);
        ws.tasks = self.tasks.into_iter().map(|t| (t.id, t)).collect();
        ws
    }

    pub fn summary(&self) -> SnapshotSummary {
        SnapshotSummary {
            name: self.workspace.name.clone(),
            requests: self.requests.len(),
            events: self.events.len(),
            departments: self.workspace.departments.len(),
            members: self.workspace.members.len(),
            open: self.requests.iter().filter(|r| r.status.is_open()).count(),
            exported_at: self.exported_at,
        }
    }

    /// The suggested file name, `<name>-<YYYY-MM-DD>.baton.json`, with the
    /// export date in UTC. Characters that file systems refuse become `-`;
    /// Chinese and other letters are kept.
    pub fn file_name(&self) -> String {
        let mut name = String::new();
        for c in self.workspace.name.trim().chars() {
            let bad = c.is_control()
                || c.is_whitespace()
                || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|');
            let c = if bad { '-' } else { c };
            // One dash for a run of refused characters.
            if !(c == '-' && name.ends_with('-')) {
                name.push(c);
            }
        }
        let name = name.trim_matches(|c| c == '-' || c == '.');
        let name = if name.is_empty() { "workspace" } else { name };
        format!("{name}-{}.baton.json", self.exported_at.date_naive())
    }

    /// The file's text: pretty-printed JSON ending with a newline, requests
    /// ordered by id and events in trail order, so that exporting the same
    /// workspace twice gives the same bytes.
    pub fn to_json(&self) -> String {
        // Through a `Value` (which keeps field order), like `encode`.
        let pretty = |s: &Snapshot| serde_json::to_value(s).and_then(|v| serde_json::to_string_pretty(&v));
        let result = if self.requests.is_sorted_by_key(|r| r.id) && self.tasks.is_sorted_by_key(task_id) {
            pretty(self)
        } else {
            let mut sorted = self.clone();
            sorted.requests.sort_by_key(|r| r.id);
            sorted.tasks.sort_by_key(task_id);
            pretty(&sorted)
        };
        match result {
            Ok(mut json) => {
                json.push('\n');
                json
            }
            // Every field serialises to plain JSON (text keys only, no custom
            // serialiser that can refuse) and writing to a String cannot
            // fail, so this is not expected. Should it happen, the file says
            // so, and importing it gives a clear "wrong format" error.
            Err(e) => {
                format!("{{\"format\": \"baton.export-failed\", \"problem\": {}}}\n", Value::String(e.to_string()))
            }
        }
    }

    /// Reads a snapshot file. `file_name` is only used in error messages.
    pub fn parse(file_name: &str, text: &str) -> Result<Snapshot, SnapshotError> {
        parse(file_name, text)
    }
}

/// Writes one value as compact JSON text, through the same serialiser as
/// [`Snapshot::to_json`]: the browser store keeps its records with this, so
/// the serialising code of the domain types exists once in the app.
pub fn encode<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_value(value).and_then(|v| serde_json::to_string(&v)).map_err(|e| e.to_string())
}

/// Reads one JSON record through the same decoder as [`parse`] (so the
/// decoding code exists once in the app); errors name the JSON path.
pub fn decode<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    decode_value(&value)
}

/// Reads a typed value from a JSON tree; on failure the message starts
/// with the JSON path of the part that is wrong ("at customer.name: …").
pub fn decode_value<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, String> {
    T::deserialize(value).map_err(|e| {
        let (steps, message) = locate(value, &check::<T>, e.to_string());
        format!("at {}: {message}", path_string(&steps))
    })
}

/// What went wrong, for the interface to translate the headline; the details
/// are in the other fields of [`SnapshotError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SnapshotErrorKind {
    /// The text is not JSON at all; `path` holds the line and column.
    NotJson,
    /// JSON, but not a Baton workspace snapshot.
    WrongFormat,
    /// Written by a newer Baton than this one.
    NewerVersion,
    /// A value of the wrong JSON type (text where a number belongs, …).
    WrongType,
    MissingField,
    /// An id that points to no record of this workspace.
    DanglingReference,
    /// Two records (or two requests' numbers) that should differ are equal.
    DuplicateId,
    /// The right type but a value the format does not allow.
    Invalid,
}

impl SnapshotErrorKind {
    /// A stable key for translations.
    pub fn key(self) -> &'static str {
        match self {
            SnapshotErrorKind::NotJson => "not_json",
            SnapshotErrorKind::WrongFormat => "wrong_format",
            SnapshotErrorKind::NewerVersion => "newer_version",
            SnapshotErrorKind::WrongType => "wrong_type",
            SnapshotErrorKind::MissingField => "missing_field",
            SnapshotErrorKind::DanglingReference => "dangling_reference",
            SnapshotErrorKind::DuplicateId => "duplicate_id",
            SnapshotErrorKind::Invalid => "invalid",
        }
    }
}

/// Why a snapshot could not be read: which file, where in it (a JSON path
/// such as `requests[3].urgency`, or `line 4, column 7` for text that is not
/// JSON; empty for the whole document), what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotError {
    pub file: String,
    pub path: String,
    pub expected: String,
    pub found: String,
    pub kind: SnapshotErrorKind,
}

impl SnapshotError {
    fn new(
        kind: SnapshotErrorKind,
        path: impl Into<String>,
        expected: impl Into<String>,
        found: impl Into<String>,
    ) -> Self {
        Self { file: String::new(), path: path.into(), expected: expected.into(), found: found.into(), kind }
    }

    fn in_file(mut self, file: &str) -> Self {
        self.file = file.to_string();
        self
    }
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.kind == SnapshotErrorKind::NewerVersion {
            return write!(
                f,
                "{}: made by a newer version of Baton (format version {}); this version reads up to {VERSION}",
                self.file, self.found
            );
        }
        write!(f, "{}: ", self.file)?;
        if !self.path.is_empty() {
            write!(f, "at {}: ", self.path)?;
        }
        write!(f, "expected {}, found {}", self.expected, self.found)
    }
}

impl std::error::Error for SnapshotError {}

/// Reads a snapshot file: see the module documentation for the stages.
/// Requests come back ordered by id whatever their order in the file.
pub fn parse(file_name: &str, text: &str) -> Result<Snapshot, SnapshotError> {
    read(text).map_err(|e| e.in_file(file_name))
}

fn read(text: &str) -> Result<Snapshot, SnapshotError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(text, &e))?;
    let from = check_header(&value)?;
    let value = migrate(value, from)?;
    let mut snapshot = Snapshot::deserialize(&value).map_err(|e| {
        let (steps, message) = locate_in_snapshot(&value, e.to_string());
        typed_error(&value, steps, &message)
    })?;
    check_references(&snapshot)?;
    snapshot.requests.sort_by_key(|r| r.id);
    snapshot.tasks.sort_by_key(task_id);
    Ok(snapshot)
}

/// The order tasks are written in (one function, so one copy of the sort in the wasm).
fn task_id(t: &Task) -> Id {
    t.id
}

fn not_json(text: &str, e: &serde_json::Error) -> SnapshotError {
    let expected = "a JSON document (a Baton snapshot)";
    if text.trim().is_empty() {
        return SnapshotError::new(SnapshotErrorKind::NotJson, "line 1, column 1", expected, "an empty file");
    }
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let problem = message.strip_suffix(&suffix).unwrap_or(&message);
    let found = if e.is_eof() {
        format!("the end of the file ({problem}); is the file cut short?")
    } else {
        format!("text that is not valid JSON ({problem})")
    };
    SnapshotError::new(SnapshotErrorKind::NotJson, format!("line {}, column {}", e.line(), e.column()), expected, found)
}

/// Checks `format` and `version` and returns the version to migrate from.
fn check_header(value: &Value) -> Result<u32, SnapshotError> {
    let Value::Object(root) = value else {
        return Err(SnapshotError::new(
            SnapshotErrorKind::WrongFormat,
            "",
            format!("an object with \"format\": \"{FORMAT}\""),
            describe(value),
        ));
    };
    let wanted = format!("\"{FORMAT}\"");
    match root.get("format") {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(other) => {
            return Err(SnapshotError::new(SnapshotErrorKind::WrongFormat, "format", wanted, describe(other)))
        }
        None => {
            return Err(SnapshotError::new(
                SnapshotErrorKind::WrongFormat,
                "format",
                wanted,
                "no format field (this is not a Baton snapshot)",
            ))
        }
    }
    let Some(version) = root.get("version") else {
        return Err(SnapshotError::new(
            SnapshotErrorKind::MissingField,
            "version",
            "a format version number",
            "nothing",
        ));
    };
    let whole = format!("a whole number from 1 to {VERSION}");
    match version.as_u64() {
        None => Err(SnapshotError::new(SnapshotErrorKind::WrongType, "version", whole, describe(version))),
        Some(0) => Err(SnapshotError::new(SnapshotErrorKind::Invalid, "version", whole, "0")),
        Some(n) => match u32::try_from(n) {
            Ok(v) if v <= VERSION => Ok(v),
            _ => Err(SnapshotError::new(
                SnapshotErrorKind::NewerVersion,
                "version",
                format!("format version {VERSION} or older"),
                n.to_string(),
            )),
        },
    }
}

/// One migration step: turns a document of version `n` into version `n + 1`.
type Step = fn(Value) -> Result<Value, SnapshotError>;

/// `STEPS[i]` turns version `i + 1` into version `i + 2`. Raising [`VERSION`]
/// stops this from compiling until the step for the old version is added, so
/// no version can be left without a way forward.
const STEPS: [Step; (VERSION - 1) as usize] = [v1_to_v2];

/// Version 2 adds teams, member skills, capacity and duty, routing rules,
/// the responsibility matrix, the business calendar, SLA policies and
/// clocks, thresholds, early-warning rules and alerts. Every one of them is
/// optional with a default (no teams, no rules, Monday to Friday 09:00–18:00
/// in UTC, the default policy), so a version-1 document is read as it is;
/// the step only makes the calendar explicit, so that an imported old
/// snapshot shows where its business hours came from.
fn v1_to_v2(mut value: Value) -> Result<Value, SnapshotError> {
    if let Some(Value::Object(ws)) = value.get_mut("workspace") {
        if !ws.contains_key("calendar") {
            let cal = serde_json::to_value(default_calendar()).map_err(|e| {
                SnapshotError::new(SnapshotErrorKind::Invalid, "workspace.calendar", "a calendar", e.to_string())
            })?;
            ws.insert("calendar".to_string(), cal);
        }
    }
    Ok(value)
}

/// Brings a document of format version `from` up to [`VERSION`], one step per
/// version, and sets its `version` field.
pub fn migrate(mut value: Value, from: u32) -> Result<Value, SnapshotError> {
    if from == 0 || from > VERSION {
        let expected = format!("a whole number from 1 to {VERSION}");
        return Err(SnapshotError::new(SnapshotErrorKind::Invalid, "version", expected, from.to_string()));
    }
    let first = usize::try_from(from - 1).unwrap_or(usize::MAX);
    for step in STEPS.iter().skip(first) {
        value = step(value)?;
    }
    if let Value::Object(root) = &mut value {
        root.insert("version".to_string(), Value::from(VERSION));
    }
    Ok(value)
}

type Check<'a> = &'a dyn Fn(&Value) -> Result<(), String>;

fn check<T: serde::de::DeserializeOwned>(value: &Value) -> Result<(), String> {
    T::deserialize(value).map(|_| ()).map_err(|e| e.to_string())
}

/// `requests[3].urgency`
fn path_string(steps: &[PathStep]) -> String {
    let mut text = String::new();
    for step in steps {
        match step {
            PathStep::Index(i) => text.push_str(&format!("[{i}]")),
            PathStep::Key(k) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(k);
            }
        }
    }
    text
}

/// Where in a snapshot the typed reading failed: each part of the file is
/// read on its own with its own type, the failing one is searched by
/// [`locate`]. Returns the path and serde's message for that part.
fn locate_in_snapshot(root: &Value, message: String) -> (Vec<PathStep>, String) {
    let parts: [(&str, Check, bool); 5] = [
        ("exported_at", &check::<Timestamp>, false),
        ("workspace", &check::<WorkspaceMeta>, false),
        ("requests", &check::<Request>, true),
        ("events", &check::<Event>, true),
        ("tasks", &check::<Task>, true),
    ];
    for (key, check_one, each) in parts {
        let Some(part) = root.get(key) else { continue };
        let at = |mut steps: Vec<PathStep>, m: String| {
            steps.insert(0, PathStep::Key(key.to_string()));
            (steps, m)
        };
        match (each, part) {
            (true, Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if let Err(m) = check_one(item) {
                        let (mut steps, m) = locate(item, check_one, m);
                        steps.insert(0, PathStep::Index(i));
                        return at(steps, m);
                    }
                }
            }
            (true, _) => return at(Vec::new(), message),
            (false, _) => {
                if let Err(m) = check_one(part) {
                    let (steps, m) = locate(part, check_one, m);
                    return at(steps, m);
                }
            }
        }
    }
    (Vec::new(), message)
}

/// Finds the part of `value` that makes `check` fail with `message`, by
/// probing edited copies: in an object, the first key whose removal changes
/// the outcome; in an array, the first item that fails on its own (the
/// shortest failing prefix). For a missing field, the object where adding it
/// changes the outcome. Only runs when reading has failed already, so the
/// probes cost nothing on good files; it keeps the app free of a
/// path-tracking deserialiser for every type.
fn locate(value: &Value, check: Check, message: String) -> (Vec<PathStep>, String) {
    let message = match check(value) {
        Err(m) => m,
        Ok(()) => return (Vec::new(), message),
    };
    if let Some(field) = between(&message, "missing field `", "`") {
        let mut objects = Vec::new();
        collect_objects(value, &mut Vec::new(), &mut objects);
        for steps in objects {
            let mut probe = value.clone();
            if let Some(Value::Object(o)) = value_at_mut(&mut probe, &steps) {
                if o.contains_key(field) {
                    continue;
                }
                o.insert(field.to_string(), Value::Null);
            }
            if check(&probe) != Err(message.clone()) {
                return (steps, message);
            }
        }
        return (Vec::new(), message);
    }
    let mut steps: Vec<PathStep> = Vec::new();
    while let Some(node) = value_at(value, &steps) {
        let next = match node {
            // The tag of an internally tagged enum ("type") is read before
            // anything else, so removing it always changes the outcome: try
            // it only after every other key.
            Value::Object(fields) => {
                fields.keys().filter(|k| !is_tag(k)).chain(fields.keys().filter(|k| is_tag(k))).find_map(|k| {
                    let mut probe = value.clone();
                    if let Some(Value::Object(o)) = value_at_mut(&mut probe, &steps) {
                        // Keep the order of the other keys: serde reports the first problem it meets.
                        o.shift_remove(k);
                    }
                    (check(&probe) != Err(message.clone())).then(|| PathStep::Key(k.clone()))
                })
            }
            Value::Array(items) => (0..items.len()).find_map(|i| {
                let mut probe = value.clone();
                if let Some(Value::Array(a)) = value_at_mut(&mut probe, &steps) {
                    a.truncate(i + 1);
                }
                check(&probe).is_err().then_some(PathStep::Index(i))
            }),
            _ => None,
        };
        match next {
            Some(step) => steps.push(step),
            None => break,
        }
    }
    (steps, message)
}

/// The tag field of an internally tagged enum: `type` of a change, `kind`
/// of a routing target.
fn is_tag(key: &str) -> bool {
    key == "type" || key == "kind"
}

/// Paths of every object in `value`, outermost first.
fn collect_objects(value: &Value, at: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    match value {
        Value::Object(fields) => {
            out.push(at.clone());
            for (k, v) in fields {
                at.push(PathStep::Key(k.clone()));
                collect_objects(v, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push(PathStep::Index(i));
                collect_objects(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn value_at_mut<'v>(root: &'v mut Value, steps: &[PathStep]) -> Option<&'v mut Value> {
    steps.iter().try_fold(root, |v, step| match step {
        PathStep::Key(k) => v.get_mut(k.as_str()),
        PathStep::Index(i) => v.get_mut(*i),
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn value_at<'v>(root: &'v Value, steps: &[PathStep]) -> Option<&'v Value> {
    steps.iter().try_fold(root, |v, step| match step {
        PathStep::Key(k) => v.get(k.as_str()),
        PathStep::Index(i) => v.get(*i),
    })
}

/// Turns a typed-reading error into one that says what was expected and
/// found where. The kind comes from the shape of serde's message; the
/// expectation from the field's name when we know it, which reads better
/// than Rust type names.
fn typed_error(root: &Value, mut steps: Vec<PathStep>, message: &str) -> SnapshotError {
    let mut path = path_string(&steps);
    let message = message.to_string();
    if let Some(field) = between(&message, "missing field `", "`") {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(field);
        steps.push(PathStep::Key(field.to_string()));
        let expected = field_expectation(&steps).unwrap_or_else(|| format!("a value for {field}"));
        return SnapshotError::new(SnapshotErrorKind::MissingField, path, expected, "nothing");
    }
    let kind =
        if message.starts_with("invalid type:") { SnapshotErrorKind::WrongType } else { SnapshotErrorKind::Invalid };
    let expected = field_expectation(&steps)
        .or_else(|| message.split_once(", expected ").map(|(_, exp)| plain_expectation(exp)))
        .unwrap_or_else(|| "a valid value".to_string());
    let found = match value_at(root, &steps) {
        Some(v) => describe(v),
        None => message,
    };
    SnapshotError::new(kind, path, expected, found)
}

fn between<'t>(text: &'t str, start: &str, end: &str) -> Option<&'t str> {
    let rest = text.split_once(start)?.1;
    Some(rest.split_once(end)?.0)
}

fn keys(keys: impl IntoIterator<Item = &'static str>) -> String {
    format!("one of {}", keys.into_iter().collect::<Vec<_>>().join(", "))
}

/// What a field of the format holds, by its name (and its parent's name for
/// list items, map entries and the few names that mean different things in
/// different places), in words a person editing the file understands.
fn field_expectation(steps: &[PathStep]) -> Option<String> {
    let mut names = steps.iter().rev().filter_map(|s| match s {
        PathStep::Key(k) => Some(k.as_str()),
        PathStep::Index(_) => None,
    });
    let last = names.next()?;
    let parent = names.next().unwrap_or("");
    let in_list = matches!(steps.last(), Some(PathStep::Index(_)));
    let uuid = "a UUID such as \"0192f0c4-5d1e-7abc-8def-0123456789ab\"";
    let time = "a date and time in RFC 3339 such as \"2026-12-01T09:00:00Z\"";
    let or_null = |what: &str| format!("{what}, or null");
    let secs = "a whole number of business seconds";
    let text = match (parent, last, in_list) {
        // The two maps of the format: ids as keys.
        ("roles", key, false) if key.parse::<Id>().is_ok() => keys(RaciRole::ALL.map(RaciRole::key)),
        ("roles", _, false) => format!("department ids as keys ({uuid})"),
        ("cursors", key, false) if key.parse::<Id>().is_ok() => uuid.to_string(),
        ("cursors", _, false) => format!("team ids as keys ({uuid})"),
        // Names that mean something else inside an event's change: serde's words.
        ("change", "rule" | "from" | "to" | "before" | "after", _) => return None,
        // Handoffs and their checklist templates.
        ("items", "kind", _) => keys(ItemKind::ALL.map(ItemKind::key)),
        ("reply", "kind", _) => keys(["accepted", "returned", "withdrawn"]),
        ("reply", "reason", _) => or_null(&keys(ReturnReason::ALL.map(ReturnReason::key))),
        ("reply", "by", _) | (_, "to_member" | "sent_by", _) => or_null(uuid),
        ("leg", "from" | "to", _) | (_, "template", _) => uuid.to_string(),
        (_, "section", _) => keys(Section::ALL.map(Section::key)),
        (_, "prefill", _) => or_null(&keys(Prefill::ALL.map(Prefill::key))),
        (_, "answers", _) => "an object from item keys to text".to_string(),
        (_, "sent_at" | "saved_at", _) => time.to_string(),
        (_, "weight", _) => "a whole number from 1 to 10".to_string(),
        (_, "choices" | "not_applicable", true) => "text".to_string(),
        (_, "handoffs" | "handoff_templates" | "versions" | "items" | "choices" | "not_applicable", _) => {
            "an array".to_string()
        }
        (_, "leg" | "reply", _) => or_null("an object"),
        ("change", "fallback", _) => "true or false".to_string(),
        ("routing", "rule", _) => or_null("an object (the rule that decided)"),
        ("members", "team", _) | ("routing", "team" | "member", _) | ("ownership_offer", "by", _) => or_null(uuid),
        ("routing", "strategy", _) => or_null(&keys(Strategy::ALL.map(Strategy::key))),
        ("pauses", "from", _) => time.to_string(),
        ("pauses", "to", _) => or_null(time),
        ("values", "day", _) => or_null("a date such as \"2026-10-01\""),
        ("requests", "routing", _) => "an object (the routing decision)".to_string(),
        ("sla", "first_response" | "resolution", _) => "an object with target_secs, warn_at and due_at".to_string(),
        ("requests", "sla", _) => or_null("an object with first_response and resolution"),
        (_, "flags", true) => keys([DataFlag::ResolvedBeforeFirstResponse.key(), DataFlag::EndsBeforeCreated.key()]),
        (_, "previous_handlers", true) => uuid.to_string(),
        (_, "tags" | "skills" | "categories", true) => "text".to_string(),
        (_, "channels", true) => keys(Channel::ALL.map(Channel::key)),
        (_, "working_days", true) => keys(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
        (_, "holidays", true) => "a date such as \"2026-10-01\"".to_string(),
        (_, "hours", true) => "an object with start and end".to_string(),
        (_, _, true) => return None,
        (_, "urgency", _) => keys(Urgency::ALL.map(Urgency::key)),
        (_, "min_urgency", _) => or_null(&keys(Urgency::ALL.map(Urgency::key))),
        (_, "channel", _) => keys(Channel::ALL.map(Channel::key)),
        (_, "status", _) => keys(Status::ALL.map(Status::key)),
        (_, "strategy", _) => keys(Strategy::ALL.map(Strategy::key)),
        (_, "kind", _) => keys(["team", "member"]),
        (_, "tags_match", _) => keys(["any", "all"]),
        (_, "metric", _) => keys(WarningMetric::ALL.map(WarningMetric::key)),
        (_, "comparison", _) => keys(Comparison::ALL.map(Comparison::key)),
        (
            _,
            "id" | "owner" | "handler" | "department" | "author" | "actor" | "request" | "team" | "member" | "rule"
            | "to" | "by" | "merged_into" | "alert" | "into",
            _,
        ) => uuid.to_string(),
        (
            _,
            "created_at" | "exported_at" | "at" | "first_response_at" | "resolved_at" | "closed_at" | "updated_at"
            | "raised_at",
            _,
        ) => time.to_string(),
        (_, "cleared_at" | "warn_at" | "due_at", _) => or_null(time),
        (_, "zone", _) => "an IANA time zone name such as \"Asia/Shanghai\"".to_string(),
        (_, "start" | "end", _) => "a time like \"09:00\"".to_string(),
        (
            _,
            "number" | "next_number" | "reopen_count" | "return_count" | "load" | "position" | "numerator"
            | "denominator" | "recomputed",
            _,
        ) => "a whole number".to_string(),
        (_, "skill_matches", _) => or_null("a whole number"),
        (_, "satisfaction", _) => "a whole number from 1 to 5, or null".to_string(),
        (_, "capacity", _) => "a whole number from 1 to 10000, or null for no limit".to_string(),
        (_, "first_response_secs" | "resolution_secs" | "target_secs" | "orphan_after_secs", _) => secs.to_string(),
        (_, "days" | "duplicate_window_days", _) => "a whole number of days".to_string(),
        (_, "warn_percent", _) => "a whole number from 1 to 99 (percent)".to_string(),
        (_, "threshold_percent", _) => "a whole number from 0 to 100 (percent)".to_string(),
        (_, "active" | "on_duty" | "enabled" | "via_fallback" | "rerouted", _) => "true or false".to_string(),
        (
            _,
            "title"
            | "name"
            | "description"
            | "category"
            | "preferences"
            | "resolution"
            | "text"
            | "source"
            | "reason"
            | "preferences_contain",
            _,
        ) => "text".to_string(),
        (
            _,
            "departments" | "members" | "requests" | "events" | "comments" | "tags" | "previous_handlers" | "teams"
            | "skills" | "rules" | "categories" | "channels" | "responsibility" | "working_days" | "hours" | "holidays"
            | "warnings" | "alerts" | "values" | "pauses" | "skipped",
            _,
        ) => "an array".to_string(),
        (_, "fallback", _) => or_null("an object with kind \"team\" or \"member\""),
        (_, "target", _) => "an object with kind \"team\" or \"member\"".to_string(),
        (_, "roles", _) => "an object from department ids to roles".to_string(),
        (_, "cursors", _) => "an object from team ids to member ids".to_string(),
        (_, "low" | "medium" | "high" | "critical", _) => {
            "an object with first_response_secs and resolution_secs".to_string()
        }
        (
            _,
            "workspace" | "customer" | "routing" | "when" | "calendar" | "sla" | "thresholds" | "ownership_offer",
            _,
        ) => "an object".to_string(),
        _ => return None,
    };
    Some(text)
}

/// serde's expectation in plainer words, for fields not in the table above.
fn plain_expectation(raw: &str) -> String {
    let raw = raw.trim();
    if raw.starts_with("one of `") || raw.starts_with('`') {
        return format!("one of {}", raw.trim_start_matches("one of ").replace('`', "").replace(" or ", ", "));
    }
    match raw {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number".to_string(),
        "a sequence" => "an array".to_string(),
        "a boolean" => "true or false".to_string(),
        _ if raw.starts_with("struct ") || raw.starts_with("internally tagged enum") => "an object".to_string(),
        _ => raw.to_string(),
    }
}

/// A JSON value as it appears in a message: text in quotes (cut after 60
/// characters), numbers as written, containers by their size.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            const MAX: usize = 60;
            if s.chars().count() > MAX {
                let cut: String = s.chars().take(MAX).collect();
                format!("{}…", Value::String(cut))
            } else {
                Value::String(s.clone()).to_string()
            }
        }
        Value::Array(items) => format!("an array of {} item(s)", items.len()),
        Value::Object(fields) => format!("an object with {} field(s)", fields.len()),
    }
}

fn quoted(id: Id) -> String {
    format!("\"{id}\"")
}

/// Records each id with the path where it was first seen, and reports the
/// second sighting as a duplicate.
struct Seen<'a, K> {
    what: &'a str,
    first: HashMap<K, String>,
}

impl<'a, K: std::hash::Hash + Eq + Copy + fmt::Display> Seen<'a, K> {
    fn new(what: &'a str) -> Self {
        Self { what, first: HashMap::new() }
    }

    fn add(&mut self, key: K, path: String, shown: impl Fn(K) -> String) -> Result<(), SnapshotError> {
        if let Some(earlier) = self.first.get(&key) {
            let expected = if self.what == "number" {
                "a number not used by another request".to_string()
            } else {
                format!("an id not used by another {}", self.what)
            };
            return Err(SnapshotError::new(
                SnapshotErrorKind::DuplicateId,
                path,
                expected,
                format!("{}, already used at {earlier}", shown(key)),
            ));
        }
        self.first.insert(key, path);
        Ok(())
    }
}

fn dangling(path: String, what: &str, id: Id) -> SnapshotError {
    SnapshotError::new(
        SnapshotErrorKind::DanglingReference,
        path,
        format!("the id of a {what} of this workspace"),
        quoted(id),
    )
}

/// The checks typed reading cannot make: unique ids and numbers, references
/// that point to records of this workspace, and the value ranges the domain
/// keeps. Event actors are not checked: the actor is whoever was using Baton,
/// who need not be on the member list. Ids inside an event's `change` are not
/// checked either: a change may name a department that was removed since.
fn check_references(s: &Snapshot) -> Result<(), SnapshotError> {
    let ws = &s.workspace;
    let mut departments = Seen::new("department");
    for (i, d) in ws.departments.iter().enumerate() {
        departments.add(d.id, format!("workspace.departments[{i}].id"), quoted)?;
    }
    let department_ids: HashSet<Id> = ws.departments.iter().map(|d| d.id).collect();
    let mut members = Seen::new("member");
    for (i, m) in ws.members.iter().enumerate() {
        members.add(m.id, format!("workspace.members[{i}].id"), quoted)?;
        if !department_ids.contains(&m.department) {
            return Err(dangling(format!("workspace.members[{i}].department"), "department", m.department));
        }
    }
    let member_ids: HashSet<Id> = ws.members.iter().map(|m| m.id).collect();
    let member_ref = |id: Option<Id>, path: String| match id {
        Some(id) if !member_ids.contains(&id) => Err(dangling(path, "member", id)),
        _ => Ok(()),
    };
    check_setup(ws, &department_ids, &member_ids)?;

    let mut requests = Seen::new("request");
    let mut numbers = Seen::new("number");
    let mut comments = Seen::new("comment");
    let mut highest: Option<(u32, usize)> = None;
    for (i, r) in s.requests.iter().enumerate() {
        let at = |field: &str| format!("requests[{i}].{field}");
        requests.add(r.id, at("id"), quoted)?;
        if r.number == 0 {
            return Err(SnapshotError::new(SnapshotErrorKind::Invalid, at("number"), "a whole number from 1", "0"));
        }
        numbers.add(r.number, at("number"), |n| n.to_string())?;
        if highest.is_none_or(|(n, _)| r.number > n) {
            highest = Some((r.number, i));
        }
        let title_chars = r.title.trim().chars().count();
        if title_chars == 0 {
            return Err(SnapshotError::new(
                SnapshotErrorKind::Invalid,
                at("title"),
                "a title that is not empty",
                describe(&Value::String(r.title.clone())),
            ));
        }
        if title_chars > MAX_TITLE_CHARS {
            return Err(SnapshotError::new(
                SnapshotErrorKind::Invalid,
                at("title"),
                format!("a title of at most {MAX_TITLE_CHARS} characters"),
                format!("{title_chars} characters"),
            ));
        }
        if let Some(v) = r.satisfaction.filter(|v| !(1..=5).contains(v)) {
            return Err(SnapshotError::new(
                SnapshotErrorKind::Invalid,
                at("satisfaction"),
                "a whole number from 1 to 5, or null",
                v.to_string(),
            ));
        }
        member_ref(r.owner, at("owner"))?;
        member_ref(r.handler, at("handler"))?;
        for (k, h) in r.previous_handlers.iter().enumerate() {
            member_ref(Some(*h), format!("requests[{i}].previous_handlers[{k}]"))?;
        }
        for (k, c) in r.comments.iter().enumerate() {
            comments.add(c.id, format!("requests[{i}].comments[{k}].id"), quoted)?;
            member_ref(c.author, format!("requests[{i}].comments[{k}].author"))?;
        }
        if let Some(o) = &r.ownership_offer {
            member_ref(Some(o.to), at("ownership_offer.to"))?;
        }
    }
    if let Some((n, i)) = highest.filter(|(n, _)| ws.next_number <= *n) {
        return Err(SnapshotError::new(
            SnapshotErrorKind::Invalid,
            "workspace.next_number",
            format!("a number greater than {n}, the number of requests[{i}]"),
            ws.next_number.to_string(),
        ));
    }

    let request_ids: HashSet<Id> = s.requests.iter().map(|r| r.id).collect();
    for (i, r) in s.requests.iter().enumerate() {
        if let Some(into) = r.merged_into.filter(|m| !request_ids.contains(m) || *m == r.id) {
            return Err(SnapshotError::new(
                SnapshotErrorKind::DanglingReference,
                format!("requests[{i}].merged_into"),
                "the id of another request of this workspace",
                quoted(into),
            ));
        }
    }
    let mut alerts = Seen::new("alert");
    for (i, a) in ws.alerts.iter().enumerate() {
        alerts.add(a.id, format!("workspace.alerts[{i}].id"), quoted)?;
        if let Some(r) = a.request.filter(|r| !request_ids.contains(r)) {
            return Err(dangling(format!("workspace.alerts[{i}].request"), "request", r));
        }
    }
    let mut events = Seen::new("event");
    for (i, e) in s.events.iter().enumerate() {
        events.add(e.id, format!("events[{i}].id"), quoted)?;
        if let Some(r) = e.request.filter(|r| !request_ids.contains(r)) {
            return Err(dangling(format!("events[{i}].request"), "request", r));
        }
    }
    handoffs::check_templates(s, &department_ids)?;
    handoffs::check_handoffs(s, &department_ids, &member_ids)?;
    board_check::check_board(s, &department_ids, &member_ids, &request_ids)?;
    Ok(())
}

fn invalid_at(path: String, expected: impl Into<String>, found: impl Into<String>) -> SnapshotError {
    SnapshotError::new(SnapshotErrorKind::Invalid, path, expected, found)
}

/// Teams, routing, the responsibility matrix, the calendar, SLA policy,
/// thresholds and warning rules: every reference resolves and every value
/// is one the commands would accept. Whether a calendar, policy, thresholds
/// or warning rule is acceptable is the domain's own `validate`; the code
/// here only names the field at fault, falling back to the whole record.
/// Not checked: round-robin cursors (a stale one only makes the next round
/// start from the first member), the ids inside a request's routing
/// decision (history, like the ids in a change), alerts' rules (a removed
/// rule's alerts stay in the history), and the names of teams and routing
/// rules (the commands refuse blank or repeated team names and blank rule
/// names; a file with them reads, and shows them as they are).
fn check_setup(ws: &WorkspaceMeta, departments: &HashSet<Id>, members: &HashSet<Id>) -> Result<(), SnapshotError> {
    let mut teams = Seen::new("team");
    for (i, t) in ws.teams.iter().enumerate() {
        teams.add(t.id, format!("workspace.teams[{i}].id"), quoted)?;
        if !departments.contains(&t.department) {
            return Err(dangling(format!("workspace.teams[{i}].department"), "department", t.department));
        }
    }
    for (i, m) in ws.members.iter().enumerate() {
        if let Some(c) = m.capacity.filter(|c| !(1..=MAX_CAPACITY).contains(c)) {
            return Err(invalid_at(
                format!("workspace.members[{i}].capacity"),
                format!("a whole number from 1 to {MAX_CAPACITY}, or null for no limit"),
                c.to_string(),
            ));
        }
        let Some(team) = m.team else { continue };
        match ws.teams.iter().find(|t| t.id == team) {
            None => return Err(dangling(format!("workspace.members[{i}].team"), "team", team)),
            Some(t) if t.department != m.department => {
                return Err(invalid_at(
                    format!("workspace.members[{i}].team"),
                    "a team of the member's own department",
                    format!("{} (team {} of another department)", quoted(team), text_value(&t.name)),
                ))
            }
            Some(_) => {}
        }
    }
    let team_ids: HashSet<Id> = ws.teams.iter().map(|t| t.id).collect();
    let target_ok = |t: &Target, path: String| match *t {
        Target::Team { team, .. } if !team_ids.contains(&team) => Err(dangling(path + ".team", "team", team)),
        Target::Member { member } if !members.contains(&member) => Err(dangling(path + ".member", "member", member)),
        _ => Ok(()),
    };
    let mut rules = Seen::new("routing rule");
    for (i, r) in ws.routing.rules.iter().enumerate() {
        rules.add(r.id, format!("workspace.routing.rules[{i}].id"), quoted)?;
        target_ok(&r.target, format!("workspace.routing.rules[{i}].target"))?;
    }
    if let Some(f) = &ws.routing.fallback {
        target_ok(f, "workspace.routing.fallback".to_string())?;
    }
    let mut categories: HashMap<String, usize> = HashMap::new();
    for (i, row) in ws.responsibility.iter().enumerate() {
        let at = |field: &str| format!("workspace.responsibility[{i}].{field}");
        if row.category.trim().is_empty() {
            return Err(invalid_at(at("category"), "a category that is not blank", text_value(&row.category)));
        }
        let key = row.category.trim().to_lowercase();
        if let Some(first) = categories.get(&key) {
            return Err(SnapshotError::new(
                SnapshotErrorKind::DuplicateId,
                at("category"),
                "a category without another row in the responsibility matrix",
                format!("{}, already used at workspace.responsibility[{first}].category", text_value(&row.category)),
            ));
        }
        categories.insert(key, i);
        if let Some(d) = row.roles.keys().find(|d| !departments.contains(d)) {
            return Err(dangling(format!("{}.{d}", at("roles")), "department", *d));
        }
        let accountable = row.roles.values().filter(|r| **r == RaciRole::Accountable).count();
        if accountable != 1 {
            return Err(invalid_at(
                at("roles"),
                "exactly one accountable department",
                format!("{accountable} accountable departments"),
            ));
        }
    }
    check_calendar(&ws.calendar)?;
    check_sla(&ws.sla)?;
    check_thresholds(&ws.thresholds)?;
    let mut warnings = Seen::new("warning rule");
    for (i, w) in ws.warnings.iter().enumerate() {
        warnings.add(w.id, format!("workspace.warnings[{i}].id"), quoted)?;
        check_warning(w, i)?;
    }
    let mut models: HashSet<(Id, u32)> = HashSet::new();
    for (i, m) in ws.maturity_models.iter().enumerate() {
        if !models.insert((m.id, m.version)) {
            return Err(SnapshotError::new(
                SnapshotErrorKind::DuplicateId,
                format!("workspace.maturity_models[{i}].version"),
                "one entry per model id and version",
                format!("{} version {} twice", quoted(m.id), m.version),
            ));
        }
        m.validate().map_err(|e| {
            invalid_at(format!("workspace.maturity_models[{i}].{}", e.path()), "a valid maturity model", e.to_string())
        })?;
    }
    let mut rounds = Seen::new("maturity round");
    for (i, r) in ws.maturity_rounds.iter().enumerate() {
        rounds.add(r.id(), format!("workspace.maturity_rounds[{i}].id"), quoted)?;
        let model = ws.maturity_models.iter().find(|m| m.id == r.model() && m.version == r.model_version());
        let Some(model) = model else {
            return Err(dangling(
                format!("workspace.maturity_rounds[{i}].model"),
                "maturity model (at its version)",
                r.model(),
            ));
        };
        r.check(model).map_err(|e| {
            invalid_at(format!("workspace.maturity_rounds[{i}]"), "a round that fits its model", e.to_string())
        })?;
    }
    Ok(())
}

/// The most open requests a member can be given as a limit; the same bound
/// as the command that sets it.
const MAX_CAPACITY: u32 = 10_000;

/// Text as JSON writes it, for messages: `"Tech 🔧"`.
fn text_value(text: &str) -> String {
    describe(&Value::String(text.to_string()))
}

/// One field of a record the domain's check refused: its name, whether its
/// value breaks the rule, what it should hold and what it holds.
type Suspect = (String, bool, String, String);

/// The first field at fault in the record at `path`; when none is (the
/// domain's rule has changed), the whole record, in the domain's words.
fn first_at_fault(path: &str, fields: Vec<Suspect>, problem: String) -> SnapshotError {
    match fields.into_iter().find(|(_, bad, _, _)| *bad) {
        Some((field, _, expected, found)) => invalid_at(format!("{path}.{field}"), expected, found),
        None => invalid_at(path.to_string(), "a valid value", problem),
    }
}

fn check_calendar(cal: &BusinessCalendar) -> Result<(), SnapshotError> {
    let path = |field: &str| format!("workspace.calendar.{field}");
    // The domain counts spans from 1.
    let span = |index: usize| format!("workspace.calendar.hours[{}]", index.saturating_sub(1));
    cal.validate().map_err(|e| match e {
        CalendarError::UnknownZone(zone) => {
            invalid_at(path("zone"), "an IANA time zone name such as \"Asia/Shanghai\"", text_value(&zone))
        }
        CalendarError::NoWorkingDay => invalid_at(path("working_days"), "at least one working day", "none"),
        CalendarError::NoHours => invalid_at(path("hours"), "at least one opening span", "none"),
        CalendarError::EmptySpan { index, start, end } => {
            invalid_at(span(index), "an opening span that starts before it ends", format!("{start}–{end}"))
        }
        CalendarError::Overlap { index, start, end } => invalid_at(
            span(index),
            "an opening span that starts at or after the end of the one before it",
            format!("{start}–{end}"),
        ),
    })
}

/// Longest SLA target and orphan threshold the domain accepts: a leap year of business time.
const MAX_BUSINESS_SECS: i64 = 366 * 24 * 3600;

fn check_sla(policy: &SlaPolicy) -> Result<(), SnapshotError> {
    let Err(problem) = policy.validate() else { return Ok(()) };
    let expected = format!("a whole number of business seconds from 1 to {MAX_BUSINESS_SECS} (8784 hours)");
    let mut fields: Vec<Suspect> = Vec::new();
    for u in Urgency::ALL {
        let t = policy.target(u);
        for (clock, secs) in [("first_response_secs", t.first_response_secs), ("resolution_secs", t.resolution_secs)] {
            let bad = !(1..=MAX_BUSINESS_SECS).contains(&secs);
            fields.push((format!("{}.{clock}", u.key()), bad, expected.clone(), secs.to_string()));
        }
    }
    let warn = policy.warn_percent;
    let bad = !(1..=99).contains(&warn);
    fields.push(("warn_percent".into(), bad, "a whole number from 1 to 99".into(), warn.to_string()));
    Err(first_at_fault("workspace.sla", fields, problem))
}

fn check_thresholds(t: &Thresholds) -> Result<(), SnapshotError> {
    let Err(problem) = t.validate() else { return Ok(()) };
    let (orphan, window) = (t.orphan_after_secs, t.duplicate_window_days);
    let fields = vec![
        (
            "orphan_after_secs".into(),
            !(3600..=MAX_BUSINESS_SECS).contains(&orphan),
            format!("a whole number of business seconds from 3600 to {MAX_BUSINESS_SECS} (1 to 8784 hours)"),
            orphan.to_string(),
        ),
        (
            "duplicate_window_days".into(),
            !(1..=365).contains(&window),
            "a whole number of days from 1 to 365".into(),
            window.to_string(),
        ),
    ];
    Err(first_at_fault("workspace.thresholds", fields, problem))
}

fn check_warning(w: &WarningRule, i: usize) -> Result<(), SnapshotError> {
    let Err(problem) = w.draft().validate() else { return Ok(()) };
    let metric = w.metric.key();
    let (days_bad, days_expected) = if w.metric.is_daily() {
        (!(1..=31).contains(&w.days), "a whole number of days from 1 to 31".to_string())
    } else {
        (w.days != 1, format!("1 ({metric} is read at the moment)"))
    };
    let fields = vec![
        (
            "threshold_percent".into(),
            w.threshold_percent > 100,
            "a whole number from 0 to 100".into(),
            w.threshold_percent.to_string(),
        ),
        ("days".into(), days_bad, days_expected, w.days.to_string()),
        (
            "comparison".into(),
            w.metric.is_per_request() && w.comparison != Comparison::AtLeast,
            format!("\"at_least\" (the only comparison {metric} supports)"),
            text_value(w.comparison.key()),
        ),
    ];
    Err(first_at_fault(&format!("workspace.warnings[{i}]"), fields, problem))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{apply, ts, Command, Ctx, NewRequest, SeqIds};

    const NOW: &str = "2026-12-01T09:00:00Z";

    /// Two departments, one member, two requests (one with a comment), built
    /// through commands so that every reference is real.
    fn small() -> Workspace {
        let mut ids = SeqIds::new(1);
        let now = ts(NOW);
        let mut ws = Workspace::with_default_departments(&mut ids, "试点 Pilot 🚀", now);
        let service = ws.departments[1].id;
        let mut ctx = Ctx::new(now, None, &mut ids);
        let cmds = [
            Command::AddMember { name: "王芳".into(), department: service },
            Command::CreateRequest(NewRequest::titled("打印机卡纸 🖨️")),
            Command::CreateRequest(NewRequest::titled("Refund for order 42")),
        ];
        for cmd in cmds {
            if let Err(e) = apply(&mut ws, cmd, &mut ctx) {
                panic!("setting up the test workspace: {e}");
            }
        }
        let member = ws.members[0].id;
        let first = ws.requests.values().next().map(|r| r.id).unwrap_or_default();
        let mut ctx = Ctx::new(now, Some(member), &mut ids);
        if let Err(e) = apply(&mut ws, Command::AddComment { request: first, text: "客户说下午再来".into() }, &mut ctx)
        {
            panic!("adding a comment: {e}");
        }
        ws
    }

    fn json_of(ws: &Workspace) -> String {
        Snapshot::of(ws, ts(NOW)).to_json()
    }

    /// Parses `text`, expecting an error, and returns (kind, path).
    fn error_of(text: &str) -> (SnapshotErrorKind, String) {
        match parse("t.baton.json", text) {
            Ok(_) => panic!("expected an error for {text}"),
            Err(e) => (e.kind, e.path),
        }
    }

    /// Edits the JSON of the small workspace and returns the text.
    fn edited(edit: impl Fn(&mut Value)) -> String {
        let mut v: Value = match serde_json::from_str(&json_of(&small())) {
            Ok(v) => v,
            Err(e) => panic!("our own export is not JSON: {e}"),
        };
        edit(&mut v);
        v.to_string()
    }

    #[test]
    fn round_trip() {
        let ws = small();
        let json = json_of(&ws);
        let back = match parse("t.baton.json", &json) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(back.to_json(), json);
        assert_eq!(back.into_workspace(), ws);
        // A byte order mark in front is ignored.
        assert!(parse("t.baton.json", &format!("\u{feff}{json}")).is_ok());
    }

    #[test]
    fn header_errors() {
        use SnapshotErrorKind::*;
        let cases: &[(&str, SnapshotErrorKind, &str)] = &[
            ("", NotJson, "line 1, column 1"),
            ("{\n  \"format\": ,\n}", NotJson, "line 2, column 13"),
            ("[1, 2]", WrongFormat, ""),
            ("{\"version\": 1}", WrongFormat, "format"),
            ("{\"format\": \"trello\", \"version\": 1}", WrongFormat, "format"),
            ("{\"format\": \"baton.workspace\"}", MissingField, "version"),
            ("{\"format\": \"baton.workspace\", \"version\": \"1\"}", WrongType, "version"),
            ("{\"format\": \"baton.workspace\", \"version\": 1.5}", WrongType, "version"),
            ("{\"format\": \"baton.workspace\", \"version\": 0}", Invalid, "version"),
            ("{\"format\": \"baton.workspace\", \"version\": 3}", NewerVersion, "version"),
            ("{\"format\": \"baton.workspace\", \"version\": 99999999999}", NewerVersion, "version"),
        ];
        for (text, kind, path) in cases {
            assert_eq!(error_of(text), (*kind, path.to_string()), "{text}");
        }
    }

    #[test]
    fn messages() {
        let newer =
            parse("old.baton.json", "{\"format\": \"baton.workspace\", \"version\": 3}").err().map(|e| e.to_string());
        assert_eq!(
            newer.as_deref(),
            Some("old.baton.json: made by a newer version of Baton (format version 3); this version reads up to 2")
        );
        let urgent = edited(|v| v["requests"][1]["urgency"] = Value::from("urgent"));
        let e = parse("tickets.baton.json", &urgent).err().map(|e| e.to_string());
        assert_eq!(
            e.as_deref(),
            Some("tickets.baton.json: at requests[1].urgency: expected one of low, medium, high, critical, found \"urgent\"")
        );
        let cut = parse("cut.baton.json", "{\"format\": \"baton.workspace\"").err().map(|e| e.to_string());
        assert_eq!(
            cut.as_deref(),
            Some("cut.baton.json: at line 1, column 28: expected a JSON document (a Baton snapshot), found the end of the file (EOF while parsing an object); is the file cut short?")
        );
    }

    #[test]
    fn typed_errors() {
        use SnapshotErrorKind::*;
        type Edit = fn(&mut Value);
        let cases: &[(Edit, SnapshotErrorKind, &str, &str)] = &[
            (|v| v["requests"][0]["number"] = Value::from("one"), WrongType, "requests[0].number", "\"one\""),
            (|v| v["requests"][1]["status"] = Value::from("done"), Invalid, "requests[1].status", "\"done\""),
            (|v| v["requests"][0]["tags"] = Value::from(3), WrongType, "requests[0].tags", "3"),
            (|v| v["events"][2]["at"] = Value::from("yesterday"), Invalid, "events[2].at", "\"yesterday\""),
            (|v| v["workspace"]["members"][0]["id"] = Value::from("x"), Invalid, "workspace.members[0].id", "\"x\""),
            (
                |v| {
                    if let Some(r) = v["requests"][1].as_object_mut() {
                        r.remove("title");
                    }
                },
                MissingField,
                "requests[1].title",
                "nothing",
            ),
            (
                |v| {
                    if let Some(w) = v["workspace"].as_object_mut() {
                        w.remove("next_number");
                    }
                },
                MissingField,
                "workspace.next_number",
                "nothing",
            ),
            // Deeper paths, found by probing once typed reading has failed.
            (|v| v["requests"][0]["customer"]["name"] = Value::from(5), WrongType, "requests[0].customer.name", "5"),
            (|v| v["requests"][1]["tags"] = serde_json::json!(["a", 7]), WrongType, "requests[1].tags[1]", "7"),
            (
                |v| v["requests"][0]["comments"][0]["text"] = Value::Null,
                WrongType,
                "requests[0].comments[0].text",
                "null",
            ),
            (
                |v| v["events"][0]["change"]["type"] = Value::from("exploded"),
                Invalid,
                "events[0].change.type",
                "\"exploded\"",
            ),
            (|v| v["events"][1]["change"]["number"] = Value::from("x"), WrongType, "events[1].change.number", "\"x\""),
            // Two problems in one record: the first one in the file is named.
            (
                |v| {
                    v["requests"][1]["status"] = Value::from("done");
                    v["requests"][1]["satisfaction"] = Value::from("five");
                },
                Invalid,
                "requests[1].status",
                "\"done\"",
            ),
            (
                |v| {
                    if let Some(c) = v["requests"][0]["customer"].as_object_mut() {
                        c.remove("name");
                    }
                },
                MissingField,
                "requests[0].customer.name",
                "nothing",
            ),
        ];
        for (edit, kind, path, found) in cases {
            let text = edited(*edit);
            match parse("t.baton.json", &text) {
                Ok(_) => panic!("expected an error at {path}"),
                Err(e) => assert_eq!((e.kind, e.path.as_str(), e.found.as_str()), (*kind, *path, *found), "{e}"),
            }
        }
    }

    #[test]
    fn reference_errors() {
        use SnapshotErrorKind::*;
        type Edit = fn(&mut Value);
        let cases: &[(Edit, SnapshotErrorKind, &str)] = &[
            (|v| v["requests"][1]["id"] = v["requests"][0]["id"].clone(), DuplicateId, "requests[1].id"),
            (|v| v["requests"][1]["number"] = Value::from(1), DuplicateId, "requests[1].number"),
            (|v| v["events"][1]["id"] = v["events"][0]["id"].clone(), DuplicateId, "events[1].id"),
            (
                |v| v["workspace"]["departments"][3]["id"] = v["workspace"]["departments"][0]["id"].clone(),
                DuplicateId,
                "workspace.departments[3].id",
            ),
            (
                |v| v["workspace"]["members"][0]["department"] = Value::from("00000000-0000-0000-0000-0000000000ff"),
                DanglingReference,
                "workspace.members[0].department",
            ),
            (
                |v| v["requests"][0]["owner"] = Value::from("00000000-0000-0000-0000-0000000000ff"),
                DanglingReference,
                "requests[0].owner",
            ),
            (
                |v| v["requests"][0]["comments"][0]["author"] = Value::from("00000000-0000-0000-0000-0000000000ff"),
                DanglingReference,
                "requests[0].comments[0].author",
            ),
            (
                |v| v["events"][0]["request"] = Value::from("00000000-0000-0000-0000-0000000000ff"),
                DanglingReference,
                "events[0].request",
            ),
            (|v| v["workspace"]["next_number"] = Value::from(2), Invalid, "workspace.next_number"),
            (|v| v["requests"][0]["satisfaction"] = Value::from(6), Invalid, "requests[0].satisfaction"),
            (|v| v["requests"][0]["title"] = Value::from("  "), Invalid, "requests[0].title"),
            (|v| v["requests"][0]["number"] = Value::from(0), Invalid, "requests[0].number"),
        ];
        for (edit, kind, path) in cases {
            assert_eq!(error_of(&edited(*edit)), (*kind, path.to_string()), "{path}");
        }
    }

    #[test]
    fn actors_outside_the_member_list_are_accepted() {
        let text = edited(|v| v["events"][0]["actor"] = Value::from("00000000-0000-0000-0000-0000000000ff"));
        assert!(parse("t.baton.json", &text).is_ok());
    }

    #[test]
    fn migration_chain() {
        // Version 2 is current: migrating it only (re)writes the version.
        let v = serde_json::json!({"format": FORMAT, "version": 2, "workspace": {"name": "x"}});
        assert_eq!(migrate(v.clone(), 2).ok(), Some(v));
        // From version 1 the calendar becomes explicit: Monday to Friday 09:00–18:00 UTC.
        let v1 = serde_json::json!({"format": FORMAT, "version": 1, "workspace": {"name": "x"}});
        let expected = serde_json::json!({"format": FORMAT, "version": 2, "workspace": {"name": "x", "calendar": {
            "zone": "UTC",
            "working_days": ["Mon", "Tue", "Wed", "Thu", "Fri"],
            "hours": [{"start": "09:00", "end": "18:00"}],
            "holidays": []
        }}});
        assert_eq!(migrate(v1, 1).ok(), Some(expected));
        assert_eq!(migrate(Value::Null, 0).err().map(|e| e.kind), Some(SnapshotErrorKind::Invalid));
        assert_eq!(migrate(Value::Null, 3).err().map(|e| e.kind), Some(SnapshotErrorKind::Invalid));
    }

    #[test]
    fn describing_values() {
        let long = "长".repeat(61);
        let cases: &[(Value, &str)] = &[
            (Value::Null, "null"),
            (Value::from(true), "true"),
            (Value::from(2.5), "2.5"),
            (Value::from("a \"b\""), "\"a \\\"b\\\"\""),
            (serde_json::json!([1, 2]), "an array of 2 item(s)"),
            (serde_json::json!({"a": 1}), "an object with 1 field(s)"),
        ];
        for (v, expected) in cases {
            assert_eq!(describe(v), *expected);
        }
        // 61 characters are cut to 60 without splitting a character.
        assert_eq!(describe(&Value::from(long)), format!("\"{}\"…", "长".repeat(60)));
    }

    #[test]
    fn file_names() {
        let cases: &[(&str, &str)] = &[
            ("试点 Pilot 🚀", "试点-Pilot-🚀-2026-12-01.baton.json"),
            ("a/b: c?", "a-b-c-2026-12-01.baton.json"),
            ("   ", "workspace-2026-12-01.baton.json"),
            ("..", "workspace-2026-12-01.baton.json"),
        ];
        for (name, expected) in cases {
            let mut s = Snapshot::of(&small(), ts(NOW));
            s.workspace.name = name.to_string();
            assert_eq!(s.file_name(), *expected, "{name:?}");
        }
    }

    #[test]
    fn summary_and_order() {
        let mut s = Snapshot::of(&small(), ts(NOW));
        let summary = s.summary();
        assert_eq!(
            (summary.requests, summary.events, summary.departments, summary.members, summary.open),
            (2, 4, 4, 1, 2)
        );
        // Requests given out of order are written by id all the same.
        let json = s.to_json();
        s.requests.reverse();
        assert_eq!(s.to_json(), json);
    }

    /// The small workspace with the version-2 setup, through commands: teams
    /// A (service, with 王芳) and T (technical, with Li), a rule to 王芳, a
    /// fallback to team T, a row of the responsibility matrix, a Shanghai
    /// calendar; request 2 merged into request 1, whose ownership is offered
    /// to Li.
    fn set_up() -> Workspace {
        use crate::domain::responsibility::RaciRole;
        use crate::domain::routing::{Conditions, RuleDraft};
        use crate::domain::MemberPatch;
        let mut ws = small();
        let mut ids = SeqIds::new(100);
        let (service, technical) = (ws.departments[1].id, ws.departments[3].id);
        let wang = ws.members[0].id;
        let mut ctx = Ctx::new(ts(NOW), Some(wang), &mut ids);
        let mut run = |ws: &mut Workspace, cmd: Command| {
            if let Err(e) = apply(ws, cmd, &mut ctx) {
                panic!("setting up: {e}");
            }
        };
        run(&mut ws, Command::AddTeam { name: "A".into(), department: service });
        run(&mut ws, Command::AddTeam { name: "T".into(), department: technical });
        run(&mut ws, Command::AddMember { name: "Li".into(), department: technical });
        let (a, t, li) = (ws.teams[0].id, ws.teams[1].id, ws.members[1].id);
        let patch = |team: Id, capacity: Option<u32>| MemberPatch {
            team: Some(Some(team)),
            skills: Some(vec!["打印机".into()]),
            capacity: Some(capacity),
            ..MemberPatch::default()
        };
        run(&mut ws, Command::UpdateMember { member: wang, patch: patch(a, Some(3)) });
        run(&mut ws, Command::UpdateMember { member: li, patch: patch(t, None) });
        let when = Conditions { categories: vec!["硬件".into()], ..Conditions::default() };
        let rule = RuleDraft { name: "硬件".into(), enabled: true, when, target: Target::Member { member: wang } };
        run(&mut ws, Command::AddRoutingRule(rule));
        let fallback = Target::Team { team: t, strategy: Strategy::RoundRobin };
        run(&mut ws, Command::SetRoutingFallback { fallback: Some(fallback) });
        let row = RaciRow::new("硬件", [(technical, RaciRole::Accountable), (service, RaciRole::Responsible)]);
        run(&mut ws, Command::SetResponsibility(row));
        run(&mut ws, Command::SetCalendar(BusinessCalendar::standard("Asia/Shanghai")));
        let (first, second) = (ws.requests.values().map(|r| r.id).next(), ws.requests.values().map(|r| r.id).nth(1));
        let (Some(first), Some(second)) = (first, second) else { panic!("two requests") };
        run(&mut ws, Command::MergeRequests { keep: first, duplicate: second, reason: "same".into() });
        run(&mut ws, Command::OfferOwnership { request: first, to: li, reason: "technical".into() });
        ws
    }

    /// Edits the JSON of the set-up workspace and returns the text.
    fn edited_setup(edit: impl Fn(&mut Value)) -> String {
        let mut v: Value = match serde_json::to_value(Snapshot::of(&set_up(), ts(NOW))) {
            Ok(v) => v,
            Err(e) => panic!("{e}"),
        };
        edit(&mut v);
        v.to_string()
    }

    #[test]
    fn set_up_round_trips() {
        let ws = set_up();
        let back = match parse("t.baton.json", &json_of(&ws)) {
            Ok(s) => s.into_workspace(),
            Err(e) => panic!("{e}"),
        };
        assert_eq!(back, ws);
        assert_eq!((ws.teams.len(), ws.routing.rules.len(), ws.responsibility.len()), (2, 1, 1));
    }

    /// `requests[0].owner` → the steps of that path.
    fn steps_of(path: &str) -> Vec<PathStep> {
        let mut steps = Vec::new();
        for part in path.split('.') {
            let mut pieces = part.split('[');
            if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
                steps.push(PathStep::Key(key.to_string()));
            }
            for index in pieces {
                let i = index.trim_end_matches(']').parse().unwrap_or_else(|_| panic!("bad index in {path}"));
                steps.push(PathStep::Index(i));
            }
        }
        steps
    }

    /// The words for each field of version 2, by path; the same name can
    /// mean different things in different places.
    #[test]
    fn field_expectations_of_version_2() {
        let uuid = "a UUID such as \"0192f0c4-5d1e-7abc-8def-0123456789ab\"";
        let time = "a date and time in RFC 3339 such as \"2026-12-01T09:00:00Z\"";
        let cases: Vec<(&str, String)> = vec![
            ("workspace.members[0].team", format!("{uuid}, or null")),
            ("workspace.members[0].skills", "an array".into()),
            ("workspace.members[0].skills[2]", "text".into()),
            ("workspace.members[0].capacity", "a whole number from 1 to 10000, or null for no limit".into()),
            ("workspace.members[0].on_duty", "true or false".into()),
            ("workspace.teams[0].department", uuid.into()),
            ("workspace.routing", "an object".into()),
            ("workspace.routing.rules[0].when.categories[0]", "text".into()),
            ("workspace.routing.rules[0].when.channels[1]", "one of phone, email, chat, visit, social, other".into()),
            ("workspace.routing.rules[0].when.min_urgency", "one of low, medium, high, critical, or null".into()),
            ("workspace.routing.rules[0].when.tags_match", "one of any, all".into()),
            ("workspace.routing.rules[0].when.preferences_contain", "text".into()),
            ("workspace.routing.rules[0].target", "an object with kind \"team\" or \"member\"".into()),
            ("workspace.routing.rules[0].target.kind", "one of team, member".into()),
            ("workspace.routing.rules[0].target.strategy", "one of least_loaded, round_robin, best_skill".into()),
            ("workspace.routing.fallback", "an object with kind \"team\" or \"member\", or null".into()),
            ("workspace.routing.cursors", "an object from team ids to member ids".into()),
            ("workspace.routing.cursors.00000000-0000-0000-0000-000000000009", uuid.into()),
            ("workspace.routing.cursors.x", format!("team ids as keys ({uuid})")),
            ("workspace.responsibility[0].roles", "an object from department ids to roles".into()),
            (
                "workspace.responsibility[0].roles.00000000-0000-0000-0000-000000000003",
                "one of responsible, accountable, consulted, informed".into(),
            ),
            ("workspace.responsibility[0].roles.sales", format!("department ids as keys ({uuid})")),
            ("workspace.calendar.zone", "an IANA time zone name such as \"Asia/Shanghai\"".into()),
            ("workspace.calendar.working_days[0]", "one of Mon, Tue, Wed, Thu, Fri, Sat, Sun".into()),
            ("workspace.calendar.hours[1]", "an object with start and end".into()),
            ("workspace.calendar.hours[1].start", "a time like \"09:00\"".into()),
            ("workspace.calendar.hours[1].end", "a time like \"09:00\"".into()),
            ("workspace.calendar.holidays[0]", "a date such as \"2026-10-01\"".into()),
            ("workspace.sla.high", "an object with first_response_secs and resolution_secs".into()),
            ("workspace.sla.high.resolution_secs", "a whole number of business seconds".into()),
            ("workspace.sla.warn_percent", "a whole number from 1 to 99 (percent)".into()),
            ("workspace.thresholds.orphan_after_secs", "a whole number of business seconds".into()),
            ("workspace.thresholds.duplicate_window_days", "a whole number of days".into()),
            ("workspace.warnings[0].metric", "one of daily_timeout_rate, orphan_rate, first_response_elapsed".into()),
            ("workspace.warnings[0].comparison", "one of above, at_least, below, at_most".into()),
            ("workspace.warnings[0].threshold_percent", "a whole number from 0 to 100 (percent)".into()),
            ("workspace.warnings[0].days", "a whole number of days".into()),
            ("workspace.alerts[0].rule", uuid.into()),
            ("workspace.alerts[0].raised_at", time.into()),
            ("workspace.alerts[0].cleared_at", format!("{time}, or null")),
            ("workspace.alerts[0].values[0].day", "a date such as \"2026-10-01\", or null".into()),
            ("workspace.alerts[0].values[0].numerator", "a whole number".into()),
            ("requests[4].routing", "an object (the routing decision)".into()),
            ("requests[4].routing.rule", "an object (the rule that decided), or null".into()),
            ("requests[4].routing.rule.rule", uuid.into()),
            ("requests[4].routing.rule.position", "a whole number".into()),
            ("requests[4].routing.team", format!("{uuid}, or null")),
            ("requests[4].routing.strategy", "one of least_loaded, round_robin, best_skill, or null".into()),
            ("requests[4].routing.skill_matches", "a whole number, or null".into()),
            ("requests[4].routing.skipped", "an array".into()),
            ("requests[4].rerouted", "true or false".into()),
            ("requests[4].ownership_offer.to", uuid.into()),
            ("requests[4].ownership_offer.by", format!("{uuid}, or null")),
            ("requests[4].ownership_offer.reason", "text".into()),
            ("requests[4].merged_into", uuid.into()),
            ("requests[4].pauses[0].from", time.into()),
            ("requests[4].pauses[0].to", format!("{time}, or null")),
            ("requests[4].sla", "an object with first_response and resolution, or null".into()),
            ("requests[4].sla.resolution", "an object with target_secs, warn_at and due_at".into()),
            ("requests[4].sla.resolution.due_at", format!("{time}, or null")),
            // A request's own resolution is still text.
            ("requests[4].resolution", "text".into()),
            ("events[3].change.team", uuid.into()),
            ("events[3].change.fallback", "true or false".into()),
        ];
        for (path, expected) in cases {
            assert_eq!(field_expectation(&steps_of(path)).as_deref(), Some(expected.as_str()), "{path}");
        }
        // Inside a change these names mean different things by type: serde says.
        for path in ["events[3].change.rule", "events[3].change.from", "events[3].change.before", "x[0]"] {
            assert_eq!(field_expectation(&steps_of(path)), None, "{path}");
        }
    }

    /// Type errors in version-2 fields read well.
    #[test]
    fn typed_errors_of_version_2() {
        type Edit = fn(&mut Value);
        let cases: &[(Edit, SnapshotErrorKind, &str)] = &[
            (
                |v| v["workspace"]["calendar"]["zone"] = Value::from(8),
                SnapshotErrorKind::WrongType,
                "t.baton.json: at workspace.calendar.zone: expected an IANA time zone name such as \"Asia/Shanghai\", found 8",
            ),
            (
                |v| v["workspace"]["calendar"]["working_days"][4] = Value::from("Friyay"),
                SnapshotErrorKind::Invalid,
                "t.baton.json: at workspace.calendar.working_days[4]: expected one of Mon, Tue, Wed, Thu, Fri, Sat, Sun, found \"Friyay\"",
            ),
            (
                |v| v["workspace"]["calendar"]["hours"][0]["end"] = Value::from("6pm"),
                SnapshotErrorKind::Invalid,
                "t.baton.json: at workspace.calendar.hours[0].end: expected a time like \"09:00\", found \"6pm\"",
            ),
            (
                |v| v["workspace"]["calendar"]["holidays"] = serde_json::json!(["2026-10-01", "国庆"]),
                SnapshotErrorKind::Invalid,
                "t.baton.json: at workspace.calendar.holidays[1]: expected a date such as \"2026-10-01\", found \"国庆\"",
            ),
            (
                |v| v["workspace"]["members"][0]["capacity"] = Value::from("3"),
                SnapshotErrorKind::WrongType,
                "t.baton.json: at workspace.members[0].capacity: expected a whole number from 1 to 10000, or null for no limit, found \"3\"",
            ),
            (
                |v| v["workspace"]["routing"]["rules"][0]["when"]["channels"] = serde_json::json!(["fax"]),
                SnapshotErrorKind::Invalid,
                "t.baton.json: at workspace.routing.rules[0].when.channels[0]: expected one of phone, email, chat, visit, social, other, found \"fax\"",
            ),
            (
                |v| v["workspace"]["sla"]["warn_percent"] = Value::from("75%"),
                SnapshotErrorKind::WrongType,
                "t.baton.json: at workspace.sla.warn_percent: expected a whole number from 1 to 99 (percent), found \"75%\"",
            ),
            (
                |v| v["workspace"]["warnings"][1]["metric"] = Value::from("mood"),
                SnapshotErrorKind::Invalid,
                "t.baton.json: at workspace.warnings[1].metric: expected one of daily_timeout_rate, orphan_rate, first_response_elapsed, found \"mood\"",
            ),
            (
                |v| v["requests"][1]["merged_into"] = Value::from(1),
                SnapshotErrorKind::WrongType,
                "t.baton.json: at requests[1].merged_into: expected a UUID such as \"0192f0c4-5d1e-7abc-8def-0123456789ab\", found 1",
            ),
            (
                |v| v["requests"][0]["pauses"] = serde_json::json!([{"from": "2026-12-01T09:00:00Z", "to": "soon"}]),
                SnapshotErrorKind::Invalid,
                "t.baton.json: at requests[0].pauses[0].to: expected a date and time in RFC 3339 such as \"2026-12-01T09:00:00Z\", or null, found \"soon\"",
            ),
        ];
        for (edit, kind, message) in cases {
            match parse("t.baton.json", &edited_setup(*edit)) {
                Ok(_) => panic!("expected: {message}"),
                Err(e) => assert_eq!((e.kind, e.to_string().as_str()), (*kind, *message)),
            }
        }
    }

    /// What only the domain's rules refuse, each named at its field.
    #[test]
    fn setup_errors() {
        use SnapshotErrorKind::*;
        type Edit = fn(&mut Value);
        const STRANGER: &str = "00000000-0000-0000-0000-0000000000ff";
        let cases: &[(&str, Edit, SnapshotErrorKind, &str, &str)] = &[
            (
                "capacity 0",
                |v| v["workspace"]["members"][0]["capacity"] = Value::from(0),
                Invalid,
                "workspace.members[0].capacity",
                "0",
            ),
            (
                "capacity too high",
                |v| v["workspace"]["members"][1]["capacity"] = Value::from(10_001),
                Invalid,
                "workspace.members[1].capacity",
                "10001",
            ),
            (
                "team of no department",
                |v| v["workspace"]["teams"][1]["department"] = Value::from(STRANGER),
                DanglingReference,
                "workspace.teams[1].department",
                "\"00000000-0000-0000-0000-0000000000ff\"",
            ),
            (
                "fallback to nobody",
                |v| v["workspace"]["routing"]["fallback"] = serde_json::json!({"kind": "member", "member": STRANGER}),
                DanglingReference,
                "workspace.routing.fallback.member",
                "\"00000000-0000-0000-0000-0000000000ff\"",
            ),
            (
                "duplicate rule id",
                |v| {
                    let rule = v["workspace"]["routing"]["rules"][0].clone();
                    if let Some(rules) = v["workspace"]["routing"]["rules"].as_array_mut() {
                        rules.push(rule);
                    }
                },
                DuplicateId,
                "workspace.routing.rules[1].id",
                "\"00000000-0000-0000-0000-00000000006f\", already used at workspace.routing.rules[0].id",
            ),
            (
                "blank category",
                |v| v["workspace"]["responsibility"][0]["category"] = Value::from(" "),
                Invalid,
                "workspace.responsibility[0].category",
                "\" \"",
            ),
            (
                "two rows for one category",
                |v| {
                    let mut row = v["workspace"]["responsibility"][0].clone();
                    row["category"] = Value::from(" 硬件 ");
                    if let Some(rows) = v["workspace"]["responsibility"].as_array_mut() {
                        rows.push(row);
                    }
                },
                DuplicateId,
                "workspace.responsibility[1].category",
                "\" 硬件 \", already used at workspace.responsibility[0].category",
            ),
            (
                "role of no department",
                |v| v["workspace"]["responsibility"][0]["roles"][STRANGER] = Value::from("informed"),
                DanglingReference,
                "workspace.responsibility[0].roles.00000000-0000-0000-0000-0000000000ff",
                "\"00000000-0000-0000-0000-0000000000ff\"",
            ),
            (
                "nobody accountable",
                |v| {
                    if let Some(roles) = v["workspace"]["responsibility"][0]["roles"].as_object_mut() {
                        roles.retain(|_, role| role != "accountable");
                    }
                },
                Invalid,
                "workspace.responsibility[0].roles",
                "0 accountable departments",
            ),
            (
                "no working day",
                |v| v["workspace"]["calendar"]["working_days"] = serde_json::json!([]),
                Invalid,
                "workspace.calendar.working_days",
                "none",
            ),
            (
                "no hours",
                |v| v["workspace"]["calendar"]["hours"] = serde_json::json!([]),
                Invalid,
                "workspace.calendar.hours",
                "none",
            ),
            (
                "empty span",
                |v| v["workspace"]["calendar"]["hours"][0]["end"] = Value::from("09:00"),
                Invalid,
                "workspace.calendar.hours[0]",
                "09:00–09:00",
            ),
            (
                "overlapping spans",
                |v| {
                    v["workspace"]["calendar"]["hours"] = serde_json::json!([
                        {"start": "09:00", "end": "12:00"},
                        {"start": "11:30", "end": "18:00"}
                    ])
                },
                Invalid,
                "workspace.calendar.hours[1]",
                "11:30–18:00",
            ),
            (
                "zone with spaces",
                |v| v["workspace"]["calendar"]["zone"] = Value::from(" Asia/Shanghai"),
                Invalid,
                "workspace.calendar.zone",
                "\" Asia/Shanghai\"",
            ),
            (
                "target of 0 s",
                |v| v["workspace"]["sla"]["critical"]["resolution_secs"] = Value::from(0),
                Invalid,
                "workspace.sla.critical.resolution_secs",
                "0",
            ),
            (
                "warning share 0",
                |v| v["workspace"]["sla"]["warn_percent"] = Value::from(0),
                Invalid,
                "workspace.sla.warn_percent",
                "0",
            ),
            (
                "orphan after 59 minutes",
                |v| v["workspace"]["thresholds"]["orphan_after_secs"] = Value::from(3540),
                Invalid,
                "workspace.thresholds.orphan_after_secs",
                "3540",
            ),
            (
                "duplicate window of a year and a day",
                |v| v["workspace"]["thresholds"]["duplicate_window_days"] = Value::from(366),
                Invalid,
                "workspace.thresholds.duplicate_window_days",
                "366",
            ),
            (
                "threshold 101 %",
                |v| v["workspace"]["warnings"][0]["threshold_percent"] = Value::from(101),
                Invalid,
                "workspace.warnings[0].threshold_percent",
                "101",
            ),
            (
                "orphan rate over 2 days",
                |v| v["workspace"]["warnings"][1]["days"] = Value::from(2),
                Invalid,
                "workspace.warnings[1].days",
                "2",
            ),
            (
                "first response elapsed below",
                |v| v["workspace"]["warnings"][2]["comparison"] = Value::from("below"),
                Invalid,
                "workspace.warnings[2].comparison",
                "\"below\"",
            ),
            (
                "duplicate warning rule id",
                |v| v["workspace"]["warnings"][2]["id"] = v["workspace"]["warnings"][0]["id"].clone(),
                DuplicateId,
                "workspace.warnings[2].id",
                "\"00000000-0000-0000-0000-000000000006\", already used at workspace.warnings[0].id",
            ),
            (
                "offer to nobody",
                |v| v["requests"][0]["ownership_offer"]["to"] = Value::from(STRANGER),
                DanglingReference,
                "requests[0].ownership_offer.to",
                "\"00000000-0000-0000-0000-0000000000ff\"",
            ),
            (
                "merged into itself",
                |v| v["requests"][1]["merged_into"] = v["requests"][1]["id"].clone(),
                DanglingReference,
                "requests[1].merged_into",
                "\"00000000-0000-0000-0000-00000000000d\"",
            ),
        ];
        for (what, edit, kind, path, found) in cases {
            match parse("t.baton.json", &edited_setup(*edit)) {
                Ok(_) => panic!("{what}: expected an error at {path}"),
                Err(e) => {
                    assert_eq!((e.kind, e.path.as_str(), e.found.as_str()), (*kind, *path, *found), "{what}: {e}")
                }
            }
        }
        // The words of two of them.
        let e = parse("t.baton.json", &edited_setup(|v| v["workspace"]["sla"]["warn_percent"] = Value::from(100)));
        assert_eq!(
            e.err().map(|e| e.to_string()).as_deref(),
            Some("t.baton.json: at workspace.sla.warn_percent: expected a whole number from 1 to 99, found 100")
        );
        let other_team =
            |v: &mut Value| v["workspace"]["members"][0]["team"] = v["workspace"]["teams"][1]["id"].clone();
        let e = parse("t.baton.json", &edited_setup(other_team));
        assert_eq!(
            e.err().map(|e| e.to_string()).as_deref(),
            Some("t.baton.json: at workspace.members[0].team: expected a team of the member's own department, found \"00000000-0000-0000-0000-000000000066\" (team \"T\" of another department)")
        );
    }

    /// When the domain refuses a record for a reason the locating code does
    /// not know, the whole record is named with the domain's words.
    #[test]
    fn unknown_refusals_name_the_record() {
        let e = first_at_fault(
            "workspace.sla",
            vec![("warn_percent".into(), false, "x".into(), "75".into())],
            "new rule".into(),
        );
        assert_eq!(
            (e.kind, e.path.as_str(), e.found.as_str()),
            (SnapshotErrorKind::Invalid, "workspace.sla", "new rule")
        );
    }
}
