//! A customer request and its lifecycle.

use serde::{Deserialize, Serialize};

use super::handoff::Handoff;
use super::routing::RoutingDecision;
use super::sla::SlaClocks;
use super::{Id, Pause, Timestamp};

/// Where a request stands. `Reopened` is an open state entered from
/// `Resolved` or `Closed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    New,
    InProgress,
    WaitingForCustomer,
    Resolved,
    Closed,
    Reopened,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::New,
        Status::InProgress,
        Status::WaitingForCustomer,
        Status::Resolved,
        Status::Closed,
        Status::Reopened,
    ];

    /// Open means someone still has to act on it.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Resolved | Status::Closed)
    }

    pub fn key(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::InProgress => "in_progress",
            Status::WaitingForCustomer => "waiting_for_customer",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
            Status::Reopened => "reopened",
        }
    }

    pub fn from_key(key: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The lifecycle as a table: may a request move from `self` to `to`?
    pub fn can_move_to(self, to: Status) -> bool {
        use Status::*;
        matches!(
            (self, to),
            (New | Reopened | WaitingForCustomer, InProgress)
                | (New | InProgress | Reopened, WaitingForCustomer)
                | (New | InProgress | WaitingForCustomer | Reopened, Resolved)
                | (Resolved, Closed)
                | (Resolved | Closed, Reopened)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Phone,
    Email,
    Chat,
    Visit,
    Social,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 6] =
        [Channel::Phone, Channel::Email, Channel::Chat, Channel::Visit, Channel::Social, Channel::Other];

    pub fn key(self) -> &'static str {
        match self {
            Channel::Phone => "phone",
            Channel::Email => "email",
            Channel::Chat => "chat",
            Channel::Visit => "visit",
            Channel::Social => "social",
            Channel::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Low,
    Medium,
    High,
    Critical,
}

impl Urgency {
    pub const ALL: [Urgency; 4] = [Urgency::Low, Urgency::Medium, Urgency::High, Urgency::Critical];

    pub fn key(self) -> &'static str {
        match self {
            Urgency::Low => "low",
            Urgency::Medium => "medium",
            Urgency::High => "high",
            Urgency::Critical => "critical",
        }
    }

    pub fn from_key(key: &str) -> Option<Urgency> {
        Urgency::ALL.into_iter().find(|u| u.key() == key)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub name: String,
    /// Phone, e-mail or any other way to reach the customer.
    #[serde(default)]
    pub contact: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment {
    pub id: Id,
    pub at: Timestamp,
    pub author: Option<Id>,
    pub text: String,
}

/// A data-quality problem found in imported data. Flagged requests are kept
/// but left out of the figures the flag makes meaningless.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DataFlag {
    /// The source says it was resolved before its first response.
    ResolvedBeforeFirstResponse,
    /// The source says it was resolved (or answered) before it was created.
    EndsBeforeCreated,
}

impl DataFlag {
    pub fn key(self) -> &'static str {
        match self {
            DataFlag::ResolvedBeforeFirstResponse => "resolved_before_first_response",
            DataFlag::EndsBeforeCreated => "ends_before_created",
        }
    }

    /// Durations are meaningless on a flagged request.
    pub fn excludes_durations(self) -> bool {
        true
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub id: Id,
    /// Short human number, unique within the workspace.
    pub number: u32,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub customer: Customer,
    pub channel: Channel,
    #[serde(default)]
    pub category: String,
    pub urgency: Urgency,
    #[serde(default)]
    pub tags: Vec<String>,
    /// What the customer prefers (时间、方式、限制): the facts most often lost at handoffs.
    #[serde(default)]
    pub preferences: String,
    /// First-contact owner (首问负责人): accountable until the request closes.
    #[serde(default)]
    pub owner: Option<Id>,
    /// Who is working on it now.
    #[serde(default)]
    pub handler: Option<Id>,
    /// Everyone who handled it before the current handler, oldest first.
    #[serde(default)]
    pub previous_handlers: Vec<Id>,
    pub status: Status,
    /// Unknown for some imported requests.
    #[serde(default)]
    pub created_at: Option<Timestamp>,
    #[serde(default)]
    pub first_response_at: Option<Timestamp>,
    /// The last time it entered Resolved.
    #[serde(default)]
    pub resolved_at: Option<Timestamp>,
    #[serde(default)]
    pub closed_at: Option<Timestamp>,
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub satisfaction: Option<u8>,
    #[serde(default)]
    pub reopen_count: u32,
    /// Times it went back to someone who had handled it before.
    #[serde(default)]
    pub return_count: u32,
    #[serde(default)]
    pub comments: Vec<Comment>,
    #[serde(default)]
    pub flags: Vec<DataFlag>,
    /// Where an imported request came from, e.g. "tickets.csv row 12".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub updated_at: Timestamp,
    /// Why routing gave it to whom; none for requests not routed automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub routing: Option<RoutingDecision>,
    /// Reassigned by hand to another team before it was resolved: counts
    /// against routing accuracy.
    #[serde(default)]
    pub rerouted: bool,
    /// A transfer of first-contact ownership waiting for the receiver's answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ownership_offer: Option<OwnershipOffer>,
    /// Set when this request was merged into another as a duplicate; it is
    /// then closed and left out of every figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<Id>,
    /// Times it waited for the customer (the SLA clocks stop meanwhile).
    #[serde(default)]
    pub pauses: Vec<Pause>,
    /// First-response and resolution targets; none without a creation time.
    #[serde(default)]
    pub sla: Option<SlaClocks>,
    /// Every handoff to another department, oldest first, as sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub handoffs: Vec<Handoff>,
}

/// A proposed transfer of first-contact ownership: it takes effect only
/// when the receiver accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnershipOffer {
    pub to: Id,
    /// Who proposed it; none when nobody was chosen as the acting member.
    #[serde(default)]
    pub by: Option<Id>,
    pub reason: String,
    pub at: Timestamp,
}

impl OwnershipOffer {
    /// Whether `actor` may answer it short of accepting: the addressee
    /// declines; the member who offered it (nobody, when it was offered with
    /// nobody acting) or the request's `owner` withdraws it.
    pub fn may_decline(&self, actor: Option<Id>, owner: Option<Id>) -> bool {
        actor == Some(self.to) || actor == self.by || (actor.is_some() && actor == owner)
    }
}

impl Request {
    /// True when a data-quality flag makes its durations meaningless.
    pub fn durations_excluded(&self) -> bool {
        self.flags.iter().any(|f| f.excludes_durations())
    }

    /// Open and not merged away: someone still has to act on it.
    pub fn is_open(&self) -> bool {
        self.status.is_open() && self.merged_into.is_none()
    }

    /// Resolved at least once (now or before a reopen).
    pub fn ever_resolved(&self) -> bool {
        !self.status.is_open() || self.reopen_count > 0
    }

    /// The customer as one key for grouping: the contact (phone, e-mail)
    /// when there is one, else the name; trimmed, without regard to case and
    /// to spaces inside; none when both are empty.
    pub fn customer_key(&self) -> Option<String> {
        let squeeze =
            |s: &str| s.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect::<String>();
        let contact = squeeze(&self.customer.contact);
        if !contact.is_empty() {
            return Some(format!("c:{contact}"));
        }
        let name = squeeze(&self.customer.name);
        (!name.is_empty()).then(|| format!("n:{name}"))
    }
}

#[cfg(test)]
mod tests {
    use super::Status::{self, *};

    /// Every pair of states, with the expected answer worked out from the
    /// lifecycle: New → In progress → Waiting → Resolved → Closed, Reopened
    /// from Resolved/Closed.
    #[test]
    fn transition_table() {
        let legal: &[(Status, Status)] = &[
            (New, InProgress),
            (New, WaitingForCustomer),
            (New, Resolved),
            (InProgress, WaitingForCustomer),
            (InProgress, Resolved),
            (WaitingForCustomer, InProgress),
            (WaitingForCustomer, Resolved),
            (Resolved, Closed),
            (Resolved, Reopened),
            (Closed, Reopened),
            (Reopened, InProgress),
            (Reopened, WaitingForCustomer),
            (Reopened, Resolved),
        ];
        for from in Status::ALL {
            for to in Status::ALL {
                let expected = legal.contains(&(from, to));
                assert_eq!(from.can_move_to(to), expected, "{from:?} -> {to:?}");
            }
        }
    }

    #[test]
    fn keys_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_key(s.key()), Some(s));
        }
        for c in super::Channel::ALL {
            assert_eq!(super::Channel::from_key(c.key()), Some(c));
        }
        for u in super::Urgency::ALL {
            assert_eq!(super::Urgency::from_key(u.key()), Some(u));
        }
    }
}
