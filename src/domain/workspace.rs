//! The workspace: one independent set of data (a team's pilot, a workshop
//! sandbox) with its departments, members, requests and event trail.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::board::{BoardConfig, Task};
use super::handoff::Template;
use super::maturity::{MaturityModel, Round};
use super::responsibility::{RaciRow, Thresholds};
use super::routing::Routing;
use super::sla::SlaPolicy;
use super::warnings::{Alert, WarningRule};
use super::{BusinessCalendar, Event, Id, IdSource, Request, Timestamp};

/// A department. Built-in departments carry a `builtin` key ("sales",
/// "service", "marketing", "technical") so the interface can show their name in
/// the reader's language until someone renames them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Department {
    pub id: Id,
    /// Display name chosen by the team; empty means "use the built-in name".
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builtin: Option<String>,
}

impl Department {
    pub const BUILTIN: [&'static str; 4] = ["sales", "service", "marketing", "technical"];

    /// The team's name for it, else its built-in key ("service"), for
    /// messages from the core; the interface shows built-in names translated.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() {
            self.builtin.as_deref().unwrap_or("")
        } else {
            &self.name
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: Id,
    pub name: String,
    pub department: Id,
    #[serde(default = "yes")]
    pub active: bool,
    /// The team inside the department; none for members not in a team.
    #[serde(default)]
    pub team: Option<Id>,
    /// What the member is good at, matched against request tags by routing.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Most open requests routing gives the member at once; none for no limit.
    #[serde(default)]
    pub capacity: Option<u32>,
    /// Off-duty members keep their work but routing gives them no new requests.
    #[serde(default = "yes")]
    pub on_duty: bool,
}

impl Member {
    /// An active, on-duty member with no team, skills or capacity limit.
    pub fn new(id: Id, name: &str, department: Id) -> Self {
        Self {
            id,
            name: name.to_string(),
            department,
            active: true,
            team: None,
            skills: Vec::new(),
            capacity: None,
            on_duty: true,
        }
    }

    /// Whether routing may give this member new work, given how many open
    /// requests the member handles now.
    pub fn available(&self, open_load: u32) -> bool {
        self.active && self.on_duty && self.capacity.is_none_or(|c| open_load < c)
    }
}

/// A team inside a department (e.g. "Service team A"): the unit routing
/// rules give requests to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Team {
    pub id: Id,
    pub name: String,
    pub department: Id,
}

fn yes() -> bool {
    true
}

/// All data of one workspace. Requests are keyed by id; UUID v7 ids are
/// time-ordered, so the map iterates in creation order.
#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    pub id: Id,
    pub name: String,
    pub created_at: Timestamp,
    pub departments: Vec<Department>,
    pub members: Vec<Member>,
    pub requests: BTreeMap<Id, Request>,
    /// Append-only trail of everything that happened, oldest first.
    pub events: Vec<Event>,
    /// The next short human number for a request (#1, #2, …).
    pub next_number: u32,
    pub teams: Vec<Team>,
    /// Routing rules and their fallback.
    pub routing: Routing,
    /// The responsibility matrix (RACI), one row per category.
    pub responsibility: Vec<RaciRow>,
    /// Business hours that SLA clocks and the orphan threshold count in.
    pub calendar: BusinessCalendar,
    pub sla: SlaPolicy,
    pub thresholds: Thresholds,
    /// Early-warning rules, in the order shown.
    pub warnings: Vec<WarningRule>,
    /// Every alert ever raised, oldest first; cleared ones keep their history.
    pub alerts: Vec<Alert>,
    /// Maturity models used or written here, every version a round answered
    /// (the newest version of a model is the one edited and offered).
    pub maturity_models: Vec<MaturityModel>,
    /// Self-assessment rounds, oldest first.
    pub maturity_rounds: Vec<Round>,
    /// Handoff checklist templates: one per leg at most, and a general one.
    pub handoff_templates: Vec<Template>,
    /// Tasks of the board, keyed by id; stored as records of their own.
    pub tasks: BTreeMap<Id, Task>,
    /// The board's columns, lane limits and task templates.
    pub board: BoardConfig,
}

impl Workspace {
    /// An empty workspace with no departments.
    pub fn new(id: Id, name: &str, now: Timestamp) -> Self {
        Self {
            id,
            name: name.to_string(),
            created_at: now,
            departments: Vec::new(),
            members: Vec::new(),
            requests: BTreeMap::new(),
            events: Vec::new(),
            next_number: 1,
            teams: Vec::new(),
            routing: Routing::default(),
            responsibility: Vec::new(),
            calendar: BusinessCalendar::standard("UTC"),
            sla: SlaPolicy::default(),
            thresholds: Thresholds::default(),
            warnings: Vec::new(),
            alerts: Vec::new(),
            maturity_models: Vec::new(),
            maturity_rounds: Vec::new(),
            handoff_templates: Vec::new(),
            tasks: BTreeMap::new(),
            board: BoardConfig::default(),
        }
    }

    /// A new workspace as the app makes it: the four default departments and
    /// the built-in early-warning rules. Business hours start as Monday to
    /// Friday 09:00–18:00 in UTC; the shell sets the browser's zone.
    pub fn with_default_departments(ids: &mut dyn IdSource, name: &str, now: Timestamp) -> Self {
        let mut ws = Self::new(ids.next_id(), name, now);
        ws.departments = Department::BUILTIN
            .iter()
            .map(|key| Department { id: ids.next_id(), name: String::new(), builtin: Some((*key).to_string()) })
            .collect();
        ws.warnings = WarningRule::builtin(ids);
        ws
    }

    pub fn department(&self, id: Id) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub fn member(&self, id: Id) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The newest version of a maturity model: stored, or the built-in one.
    pub fn maturity_model(&self, id: Id) -> Option<std::borrow::Cow<'_, MaturityModel>> {
        let stored = self.maturity_models.iter().filter(|m| m.id == id).max_by_key(|m| m.version);
        match stored {
            Some(m) => Some(std::borrow::Cow::Borrowed(m)),
            None if id == super::maturity::COLLABORATION_MODEL_ID => {
                Some(std::borrow::Cow::Owned(super::maturity::collaboration_model()))
            }
            None => None,
        }
    }

    /// The model version a round answers.
    pub fn model_of(&self, round: &Round) -> Option<std::borrow::Cow<'_, MaturityModel>> {
        let stored = self.maturity_models.iter().find(|m| m.id == round.model() && m.version == round.model_version());
        match stored {
            Some(m) => Some(std::borrow::Cow::Borrowed(m)),
            None => self.maturity_model(round.model()).filter(|m| m.version == round.model_version()),
        }
    }

    pub fn team(&self, id: Id) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    /// The unit a member works in for routing and follow-up figures: the
    /// member's team, or the department for members outside any team.
    pub fn unit_of(&self, member: Id) -> Option<Id> {
        self.member(member).map(|m| m.team.unwrap_or(m.department))
    }

    pub fn request(&self, id: Id) -> Option<&Request> {
        self.requests.get(&id)
    }

    pub fn request_by_number(&self, number: u32) -> Option<&Request> {
        self.requests.values().find(|r| r.number == number)
    }

    /// The events that concern one request, oldest first.
    pub fn trail_of(&self, request: Id) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| e.request == Some(request))
    }
}

/// `name`, or the first of "name (2)", "name (3)", … that no workspace in
/// `taken` is called, so that two workspaces imported from the same file can
/// be told apart in the list.
pub fn unused_name<'a>(name: &str, taken: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let free = |candidate: &str| !taken.clone().into_iter().any(|t| t == candidate);
    if free(name) {
        return name.to_string();
    }
    (2u32..).map(|n| format!("{name} ({n})")).find(|c| free(c)).unwrap_or_else(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::unused_name;

    #[test]
    fn names_of_imported_workspaces() {
        let cases: &[(&str, &[&str], &str)] = &[
            ("Desk", &[], "Desk"),
            ("Desk", &["Support"], "Desk"),
            ("Desk", &["Desk"], "Desk (2)"),
            ("Desk", &["Desk", "Desk (2)"], "Desk (3)"),
            ("Desk", &["Desk", "Desk (3)"], "Desk (2)"),
            ("服务台 🛎", &["服务台 🛎"], "服务台 🛎 (2)"),
            ("Desk (2)", &["Desk (2)"], "Desk (2) (2)"),
        ];
        for (name, taken, expected) in cases {
            assert_eq!(unused_name(name, taken.iter().copied()), *expected, "{name} among {taken:?}");
        }
    }
}
