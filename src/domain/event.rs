//! Events: the audit trail (留痕). Each applied command leaves one or more
//! events saying who did what, when, and what it was before and after.

use serde::{Deserialize, Serialize};

use super::{Channel, Id, Status, Timestamp, Urgency};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub id: Id,
    pub at: Timestamp,
    /// The member who did it; none for automatic or anonymous changes.
    #[serde(default)]
    pub actor: Option<Id>,
    /// The request it concerns; none for workspace-level changes.
    #[serde(default)]
    pub request: Option<Id>,
    pub change: Change,
}

/// What happened. Field changes keep the value before and after as text so
/// the trail stays readable even after the data model grows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Change {
    RequestCreated {
        number: u32,
        title: String,
    },
    RequestImported {
        number: u32,
        source: String,
    },
    StatusChanged {
        from: Status,
        to: Status,
        #[serde(default)]
        note: String,
    },
    Assigned {
        from: Option<Id>,
        to: Id,
        #[serde(default)]
        reason: String,
    },
    FirstResponseRecorded {
        at: Timestamp,
    },
    FieldChanged {
        field: String,
        before: String,
        after: String,
    },
    CommentAdded {
        comment: Id,
        text: String,
    },
    SatisfactionRecorded {
        before: Option<u8>,
        after: Option<u8>,
    },
    WorkspaceRenamed {
        before: String,
        after: String,
    },
    DepartmentAdded {
        department: Id,
        name: String,
    },
    DepartmentRenamed {
        department: Id,
        before: String,
        after: String,
    },
    DepartmentRemoved {
        department: Id,
        name: String,
    },
    MemberAdded {
        member: Id,
        name: String,
        department: Id,
    },
    MemberChanged {
        member: Id,
        field: String,
        before: String,
        after: String,
    },
}

impl Change {
    /// True when the change touches workspace-level data (name, departments,
    /// members) rather than one request.
    pub fn is_workspace_level(&self) -> bool {
        matches!(
            self,
            Change::WorkspaceRenamed { .. }
                | Change::DepartmentAdded { .. }
                | Change::DepartmentRenamed { .. }
                | Change::DepartmentRemoved { .. }
                | Change::MemberAdded { .. }
                | Change::MemberChanged { .. }
        )
    }
}

/// Text forms used in `FieldChanged` for enum fields.
pub(crate) fn channel_text(c: Channel) -> String {
    c.key().to_string()
}

pub(crate) fn urgency_text(u: Urgency) -> String {
    u.key().to_string()
}
