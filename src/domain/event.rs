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

/// Defines [`Change`] and its reader [`read_change`], which reads each
/// variant's fields by name (see the `Deserialize` impl below).
macro_rules! changes {
    ($( $(#[$vm:meta])* $variant:ident { $( $(#[$($fm:tt)*])* $field:ident : $ty:ty ),* $(,)? } ),* $(,)?) => {
        /// What happened. Field changes keep the value before and after as text so
        /// the trail stays readable even after the data model grows.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize)]
        #[serde(tag = "type", rename_all = "snake_case")]
        pub enum Change {
            $( $(#[$vm])* $variant { $( $(#[$($fm)*])* $field: $ty ),* } ),*
        }

        /// The change of type `tag` (snake case) from its other fields.
        fn read_change(tag: &str, fields: &mut serde_json::Map<String, serde_json::Value>) -> Result<Change, serde_json::Error> {
            $(
                if is_tag(stringify!($variant), tag) {
                    return Ok(Change::$variant { $( $field: read_field!(fields, $field, $(#[$($fm)*])*) ),* });
                }
            )*
            Err(serde::de::Error::custom(format!("unknown variant `{tag}`, expected a change type")))
        }
    };
}

/// One field of a change: `#[serde(default)]` fields may be left out.
macro_rules! read_field {
    ($fields:ident, $field:ident, #[serde(default)]) => {
        take_or_default($fields, stringify!($field))?
    };
    ($fields:ident, $field:ident,) => {
        take($fields, stringify!($field))?
    };
}

/// Whether `tag` is the snake-case form of the variant name `camel`
/// ("StatusChanged" and "status_changed").
fn is_tag(camel: &str, tag: &str) -> bool {
    let mut t = tag.chars();
    for (i, c) in camel.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 && t.next() != Some('_') {
                return false;
            }
            if t.next() != Some(c.to_ascii_lowercase()) {
                return false;
            }
        } else if t.next() != Some(c) {
            return false;
        }
    }
    t.next().is_none()
}

/// A field that must be there (an `Option` field may be left out: none).
fn take<T: serde::de::DeserializeOwned>(
    fields: &mut serde_json::Map<String, serde_json::Value>,
    name: &'static str,
) -> Result<T, serde_json::Error> {
    use serde::de::Error;
    match fields.shift_remove(name) {
        Some(v) => T::deserialize(v),
        None => T::deserialize(serde_json::Value::Null).map_err(|_| serde_json::Error::missing_field(name)),
    }
}

/// A field that may be left out (its default then).
fn take_or_default<T: serde::de::DeserializeOwned + Default>(
    fields: &mut serde_json::Map<String, serde_json::Value>,
    name: &'static str,
) -> Result<T, serde_json::Error> {
    match fields.shift_remove(name) {
        Some(v) => T::deserialize(v),
        None => Ok(T::default()),
    }
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
/// field by field, with serde's messages ("missing field `from`", "invalid
/// type: …"), for a small part of the code size of serde's own reader in the
/// browser build. Fields it does not know are left aside, as serde does.
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
        read_change(&tag, &mut fields).map_err(D::Error::custom)
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn tags_are_the_snake_case_variant_names() {
        let cases = [
            ("StatusChanged", "status_changed", true),
            ("StatusChanged", "statuschanged", false),
            ("StatusChanged", "status_changed_", false),
            ("StatusChanged", "status_change", false),
            ("StatusChanged", "Status_changed", false),
            ("RequestSplit", "request_split", true),
            ("TasksRenumbered", "tasks_renumbered", true),
            ("Routed", "routed", true),
            ("Routed", "", false),
        ];
        for (camel, tag, expected) in cases {
            assert_eq!(is_tag(camel, tag), expected, "{camel} / {tag}");
        }
    }

    fn read(v: serde_json::Value) -> Result<Change, String> {
        serde_json::from_value::<Change>(v).map_err(|e| e.to_string())
    }

    #[test]
    fn changes_are_read_field_by_field() {
        let id = Id::from_u128(7);
        let cases: Vec<(serde_json::Value, Result<Change, &str>)> = vec![
            (
                json!({"type": "status_changed", "from": "new", "to": "in_progress", "note": "n"}),
                Ok(Change::StatusChanged { from: Status::New, to: Status::InProgress, note: "n".into() }),
            ),
            // A `#[serde(default)]` field left out.
            (
                json!({"type": "status_changed", "from": "new", "to": "resolved"}),
                Ok(Change::StatusChanged { from: Status::New, to: Status::Resolved, note: String::new() }),
            ),
            // An `Option` field left out is none; unknown fields are left aside.
            (
                json!({"type": "assigned", "to": id, "reason": "r", "extra": 1}),
                Ok(Change::Assigned { from: None, to: id, reason: "r".into() }),
            ),
            (json!({"type": "routed"}), Ok(Change::Routed { member: None, team: None, rule: None, fallback: false })),
            (
                json!({"type": "tasks_renumbered", "column": "todo", "tasks": [id]}),
                Ok(Change::TasksRenumbered { column: "todo".into(), tasks: vec![id] }),
            ),
            (json!({"type": "status_changed", "to": "new"}), Err("missing field `from`")),
            (json!({"type": "assigned", "reason": "r"}), Err("missing field `to`")),
            (
                json!({"type": "request_created", "number": "3", "title": "t"}),
                Err("invalid type: string \"3\", expected u32"),
            ),
            (json!({"type": "no_such_change"}), Err("unknown variant `no_such_change`, expected a change type")),
            (json!({"from": "new"}), Err("missing field `type`")),
            (json!({"type": 3}), Err("invalid type: 3, expected a change type")),
            (json!("status_changed"), Err("invalid type: expected an object with a \"type\" field")),
        ];
        for (input, expected) in cases {
            let got = read(input.clone());
            match expected {
                Ok(change) => assert_eq!(got, Ok(change), "{input}"),
                Err(message) => assert_eq!(got, Err(message.to_string()), "{input}"),
            }
        }
    }

    #[test]
    fn every_written_change_reads_back() {
        let id = Id::from_u128(9);
        let changes = [
            Change::HandoffSent {
                handoff: id,
                from: id,
                to: id,
                to_member: Some(id),
                template: id,
                version: 2,
                filled: 3,
                applicable: 4,
                incomplete_reason: "x".into(),
            },
            Change::EffortLogged { task: id, minutes: -30, total_minutes: 90 },
            Change::SatisfactionRecorded { before: None, after: Some(5) },
            Change::ThresholdsChanged { orphan_after_secs: 86_400, duplicate_window_days: 7 },
            Change::RoundChanged { round: id, period: "2026 Q4 · 第四季度 🎯".into(), anonymous: true },
        ];
        for change in changes {
            let text = serde_json::to_string(&change).expect("written");
            assert_eq!(serde_json::from_str::<Change>(&text).expect("read"), change, "{text}");
        }
    }
}
