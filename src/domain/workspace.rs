//! The workspace: one independent set of data (a team's pilot, a workshop
//! sandbox) with its departments, members, requests and event trail.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Event, Id, IdSource, Request, Timestamp};

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
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub id: Id,
    pub name: String,
    pub department: Id,
    #[serde(default = "yes")]
    pub active: bool,
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
        }
    }

    /// A new workspace with the four default departments.
    pub fn with_default_departments(ids: &mut dyn IdSource, name: &str, now: Timestamp) -> Self {
        let mut ws = Self::new(ids.next_id(), name, now);
        ws.departments = Department::BUILTIN
            .iter()
            .map(|key| Department { id: ids.next_id(), name: String::new(), builtin: Some((*key).to_string()) })
            .collect();
        ws
    }

    pub fn department(&self, id: Id) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    pub fn member(&self, id: Id) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
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
