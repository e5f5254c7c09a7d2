//! Events: the audit trail (留痕). Each applied command leaves one or more
//! events saying who did what, when, and what it was before and after.

use serde::{Deserialize, Serialize};

use super::board::LaneType;
use super::handoff::ReturnReason;
use super::routing::Target;
use super::sla::SlaTarget;
use super::warnings::WarningMetric;
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

/// Defines [`Change`] and, with the same variants, the externally tagged
/// `Tagged` that its reader goes through (see the `Deserialize` impl below).
macro_rules! changes {
    ($( $(#[$vm:meta])* $variant:ident { $( $(#[$fm:meta])* $field:ident : $ty:ty ),* $(,)? } ),* $(,)?) => {
        /// What happened. Field changes keep the value before and after as text so
        /// the trail stays readable even after the data model grows.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(tag = "type", rename_all = "snake_case")]
        pub enum Change {
            $( $(#[$vm])* $variant { $( $(#[$fm])* $field: $ty ),* } ),*
        }

        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Tagged {
            $( $variant { $( $(#[$fm])* $field: $ty ),* } ),*
        }

        impl From<Tagged> for Change {
            fn from(t: Tagged) -> Change {
                match t {
                    $( Tagged::$variant { $($field),* } => Change::$variant { $($field),* } ),*
                }
            }
        }
    };
}

changes! {
    RequestCreated { number: u32, title: String },
    RequestImported { number: u32, source: String },
    StatusChanged { from: Status, to: Status, #[serde(default)] note: String },
    Assigned { from: Option<Id>, to: Id, #[serde(default)] reason: String },
    FirstResponseRecorded { at: Timestamp },
    FieldChanged { field: String, before: String, after: String },
    CommentAdded { comment: Id, text: String },
    SatisfactionRecorded { before: Option<u8>, after: Option<u8> },
    WorkspaceRenamed { before: String, after: String },
    DepartmentAdded { department: Id, name: String },
    DepartmentRenamed { department: Id, before: String, after: String },
    DepartmentRemoved { department: Id, name: String },
    MemberAdded { member: Id, name: String, department: Id },
    MemberChanged { member: Id, field: String, before: String, after: String },
    TeamAdded { team: Id, name: String, department: Id },
    TeamRenamed { team: Id, before: String, after: String },
    TeamRemoved { team: Id, name: String },
    /// Routing gave the request to `member` (none: nobody was available).
    Routed { #[serde(default)] member: Option<Id>, #[serde(default)] team: Option<Id>, #[serde(default)] rule: Option<u32>, #[serde(default)] fallback: bool },
    RoutingRuleAdded { rule: Id, name: String },
    RoutingRuleChanged { rule: Id, name: String },
    RoutingRuleRemoved { rule: Id, name: String },
    /// Positions from 1.
    RoutingRuleMoved { rule: Id, name: String, from: u32, to: u32 },
    RoutingFallbackChanged { #[serde(default)] before: Option<Target>, #[serde(default)] after: Option<Target> },
    OwnershipOffered { to: Id, reason: String },
    OwnershipAccepted { #[serde(default)] from: Option<Id>, to: Id },
    OwnershipDeclined { to: Id, reason: String },
    /// Ownership moved without an offer: its owner was deactivated and a successor named.
    OwnershipTransferred { #[serde(default)] from: Option<Id>, to: Id, reason: String },
    /// A row of the responsibility matrix was set; `before` and `after` read "A: <department id>; R: …".
    ResponsibilitySet { category: String, before: String, after: String },
    ResponsibilityRemoved { category: String, before: String },
    ThresholdsChanged { orphan_after_secs: i64, duplicate_window_days: u32 },
    /// This request was merged into `into` (#`number`) as a duplicate.
    MergedInto { into: Id, number: u32, reason: String },
    /// Request `from` (#`number`) was merged into this one; its trail stays with it.
    MergedFrom { from: Id, number: u32 },
    CalendarChanged { zone: String, recomputed: u32 },
    SlaPolicyChanged { recomputed: u32 },
    /// The SLA targets (business seconds) of this request were recomputed.
    SlaTargetsChanged { #[serde(default)] before: Option<SlaTarget>, #[serde(default)] after: Option<SlaTarget> },
    WarningRuleAdded { rule: Id, metric: WarningMetric },
    WarningRuleChanged { rule: Id, metric: WarningMetric },
    WarningRuleRemoved { rule: Id, metric: WarningMetric },
    AlertRaised { alert: Id, rule: Id, metric: WarningMetric },
    AlertCleared { alert: Id, rule: Id, metric: WarningMetric },
    MaturityModelAdded { model: Id, name: String },
    MaturityModelEdited { model: Id, version: u32 },
    MaturityModelRemoved { model: Id },
    RoundStarted { round: Id, team: String, period: String },
    RoundChanged { round: Id, period: String, anonymous: bool },
    RoundRemoved { round: Id, period: String },
    /// Someone answered; who is not recorded (anonymous rounds keep no names).
    ResponseAdded { round: Id, response: Id },
    ResponseRemoved { round: Id, response: Id },
    /// Handed off with its checklist: `filled` of `applicable` weight (completeness); the reason when sent incomplete.
    HandoffSent { handoff: Id, from: Id, to: Id, #[serde(default)] to_member: Option<Id>, template: Id, version: u32, filled: u32, applicable: u32, #[serde(default)] incomplete_reason: String },
    /// The receiver `to` took over from the handler `from`.
    HandoffAccepted { handoff: Id, #[serde(default)] from: Option<Id>, to: Id },
    HandoffReturned { handoff: Id, reason: ReturnReason, note: String },
    HandoffWithdrawn { handoff: Id, reason: String },
    HandoffTemplateSaved { template: Id, name: String, version: u32 },
    // The task board. A task's events are recorded under its request, if it has one.
    TaskCreated { task: Id, title: String, column: String },
    /// A field of a task; ids and dates as text ("2026-11-20"), labels joined with ", ".
    TaskChanged { task: Id, field: String, before: String, after: String },
    /// Moved between columns (`from` and `to` are column keys), or to another place in its column.
    TaskMoved { task: Id, from: String, to: String },
    /// Cards given new position keys to make room; their order is unchanged.
    TasksRenumbered { column: String, tasks: Vec<Id> },
    TaskRemoved { task: Id, title: String },
    ChecklistItemAdded { task: Id, item: Id, text: String },
    ChecklistItemChecked { task: Id, item: Id, done: bool },
    ChecklistItemRemoved { task: Id, item: Id, text: String },
    TaskCommented { task: Id, comment: Id, text: String },
    /// Effort recorded (negative: taken back) and the task's total after it.
    EffortLogged { task: Id, minutes: i32, total_minutes: u32 },
    /// The request was split into `count` tasks.
    RequestSplit { count: u32 },
    /// Resolved while `open` of its tasks were still open, and why.
    ResolvedWithOpenTasks { open: u32, reason: String },
    ColumnAdded { column: String, name: String },
    ColumnChanged { column: String, field: String, before: String, after: String },
    /// Positions from 1.
    ColumnMoved { column: String, from: u32, to: u32 },
    ColumnRemoved { column: String, name: String },
    LaneLimitSet { lane_type: LaneType, lane: Id, #[serde(default)] before: Option<u32>, #[serde(default)] after: Option<u32> },
    TaskTemplateSet { category: String, steps: u32 },
    TaskTemplateRemoved { category: String },
}

/// Reads the internally tagged form `{"type": "status_changed", "from": …}`
/// by moving the tag outside (`{"status_changed": {"from": …}}`) and reading
/// that. The result and the errors are the same as serde's internally tagged
/// reader, for a small part of its code size in the browser build.
impl<'de> Deserialize<'de> for Change {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        use serde_json::Value;
        let Value::Object(mut fields) = Value::deserialize(d)? else {
            return Err(D::Error::custom("invalid type: expected an object with a \"type\" field"));
        };
        let tag = match fields.shift_remove("type") {
            Some(Value::String(tag)) => tag,
            Some(other) => return Err(D::Error::custom(format!("invalid type: {other}, expected a change type"))),
            None => return Err(D::Error::missing_field("type")),
        };
        let mut outer = serde_json::Map::new();
        outer.insert(tag, Value::Object(fields));
        Tagged::deserialize(&Value::Object(outer)).map(Change::from).map_err(D::Error::custom)
    }
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
                | Change::TeamAdded { .. }
                | Change::TeamRenamed { .. }
                | Change::TeamRemoved { .. }
                | Change::RoutingRuleAdded { .. }
                | Change::RoutingRuleChanged { .. }
                | Change::RoutingRuleRemoved { .. }
                | Change::RoutingRuleMoved { .. }
                | Change::RoutingFallbackChanged { .. }
                | Change::ResponsibilitySet { .. }
                | Change::ResponsibilityRemoved { .. }
                | Change::ThresholdsChanged { .. }
                | Change::CalendarChanged { .. }
                | Change::SlaPolicyChanged { .. }
                | Change::WarningRuleAdded { .. }
                | Change::WarningRuleChanged { .. }
                | Change::WarningRuleRemoved { .. }
                | Change::MaturityModelAdded { .. }
                | Change::MaturityModelEdited { .. }
                | Change::MaturityModelRemoved { .. }
                | Change::RoundStarted { .. }
                | Change::RoundChanged { .. }
                | Change::RoundRemoved { .. }
                | Change::ResponseAdded { .. }
                | Change::ResponseRemoved { .. }
                | Change::HandoffTemplateSaved { .. }
                | Change::ColumnAdded { .. }
                | Change::ColumnChanged { .. }
                | Change::ColumnMoved { .. }
                | Change::ColumnRemoved { .. }
                | Change::LaneLimitSet { .. }
                | Change::TaskTemplateSet { .. }
                | Change::TaskTemplateRemoved { .. }
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
