//! Responsibility (三不管 zones): the RACI matrix per category, orphaned
//! requests, customers followed by several teams, and likely duplicates.
//!
//! ```
//! use baton::domain::*;
//! use baton::domain::responsibility::*;
//! let mut ids = SeqIds::new(1);
//! let ws = Workspace::with_default_departments(&mut ids, "Pilot", ts("2026-11-02T01:00:00Z"));
//! let (sales, service) = (ws.departments[0].id, ws.departments[1].id);
//! let row = RaciRow::new("complaint", [(service, RaciRole::Accountable), (sales, RaciRole::Informed)]);
//! assert_eq!(row.check(&ws), Ok(()));
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use super::metrics::RateStat;
use super::{Id, Request, Timestamp, Workspace};

/// A department's part in a category's requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RaciRole {
    Responsible,
    Accountable,
    Consulted,
    Informed,
}

impl RaciRole {
    pub const ALL: [RaciRole; 4] =
        [RaciRole::Responsible, RaciRole::Accountable, RaciRole::Consulted, RaciRole::Informed];

    pub fn key(self) -> &'static str {
        match self {
            RaciRole::Responsible => "responsible",
            RaciRole::Accountable => "accountable",
            RaciRole::Consulted => "consulted",
            RaciRole::Informed => "informed",
        }
    }

    /// R, A, C or I.
    pub fn letter(self) -> char {
        match self {
            RaciRole::Responsible => 'R',
            RaciRole::Accountable => 'A',
            RaciRole::Consulted => 'C',
            RaciRole::Informed => 'I',
        }
    }
}

/// One row of the matrix: a category and each department's role in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaciRow {
    pub category: String,
    /// Department id → role; departments not listed have no part.
    pub roles: BTreeMap<Id, RaciRole>,
}

/// Why a row of the matrix was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RaciError {
    #[error("the category must not be empty")]
    NoCategory,
    #[error("category {category:?}: exactly one department must be Accountable, found none")]
    NoAccountable { category: String },
    #[error("category {category:?}: exactly one department must be Accountable, found {} ({})", .departments.len(), .departments.join(", "))]
    SeveralAccountable { category: String, departments: Vec<String> },
    #[error("category {category:?}: no department with id {department}")]
    UnknownDepartment { category: String, department: Id },
}

impl RaciRow {
    pub fn new(category: &str, roles: impl IntoIterator<Item = (Id, RaciRole)>) -> Self {
        Self { category: category.trim().to_string(), roles: roles.into_iter().collect() }
    }

    pub fn accountable(&self) -> Option<Id> {
        self.roles.iter().find(|(_, r)| **r == RaciRole::Accountable).map(|(d, _)| *d)
    }

    /// Exactly one Accountable department, every department known.
    pub fn check(&self, ws: &Workspace) -> Result<(), RaciError> {
        let category = self.category.trim().to_string();
        if category.is_empty() {
            return Err(RaciError::NoCategory);
        }
        if let Some(department) = self.roles.keys().find(|d| ws.department(**d).is_none()) {
            return Err(RaciError::UnknownDepartment { category, department: *department });
        }
        let accountable: Vec<String> = self
            .roles
            .iter()
            .filter(|(_, r)| **r == RaciRole::Accountable)
            .map(|(d, _)| ws.department(*d).map(|d| d.display_name().to_string()).unwrap_or_default())
            .collect();
        match accountable.len() {
            1 => Ok(()),
            0 => Err(RaciError::NoAccountable { category }),
            _ => Err(RaciError::SeveralAccountable { category, departments: accountable }),
        }
    }

    /// Whether this row is about `category` (trimmed, without regard to case).
    pub fn is_for(&self, category: &str) -> bool {
        self.category.trim().to_lowercase() == category.trim().to_lowercase()
    }

    /// "A: <id>; R: <id>" for the trail.
    pub fn summary(&self) -> String {
        RaciRole::ALL
            .iter()
            .flat_map(|role| {
                self.roles.iter().filter(move |(_, r)| *r == role).map(move |(d, _)| format!("{}: {d}", role.letter()))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Limits that decide when something is flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    /// An open request with no recorded action for this long, in business
    /// seconds, is an orphan.
    pub orphan_after_secs: i64,
    /// Requests of the same customer and category created within this many
    /// days of each other are likely duplicates.
    pub duplicate_window_days: u32,
}

impl Default for Thresholds {
    /// 24 business hours; 7 days.
    fn default() -> Self {
        Self { orphan_after_secs: 24 * 3600, duplicate_window_days: 7 }
    }
}

impl Thresholds {
    pub fn validate(&self) -> Result<(), String> {
        if !(3600..=366 * 24 * 3600).contains(&self.orphan_after_secs) {
            return Err(format!(
                "orphan threshold: expected 1 to 8784 business hours, found {} h",
                self.orphan_after_secs / 3600
            ));
        }
        if !(1..=365).contains(&self.duplicate_window_days) {
            return Err(format!("duplicate window: expected 1 to 365 days, found {}", self.duplicate_window_days));
        }
        Ok(())
    }
}

/// Why an open request counts as an orphan (悬置).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrphanReason {
    /// Nobody is accountable for it.
    NoOwner,
    /// Nothing recorded since `since`, `idle_secs` business seconds ago.
    Idle { since: Timestamp, idle_secs: i64 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Orphan {
    pub request: Id,
    pub reason: OrphanReason,
}

/// Open requests with no owner, or with no recorded action for longer than
/// the orphan threshold in business time, oldest action first.
pub fn orphans(ws: &Workspace, now: Timestamp) -> Vec<Orphan> {
    let limit = ws.thresholds.orphan_after_secs;
    let mut out: Vec<Orphan> = Vec::new();
    for r in ws.requests.values().filter(|r| r.is_open()) {
        if r.owner.is_none() {
            out.push(Orphan { request: r.id, reason: OrphanReason::NoOwner });
            continue;
        }
        // Business time never exceeds wall time: most requests are settled
        // without walking the calendar.
        if (now - r.updated_at).num_seconds() <= limit {
            continue;
        }
        let idle = ws.calendar.elapsed(r.updated_at, now, &[]);
        if idle > limit {
            out.push(Orphan { request: r.id, reason: OrphanReason::Idle { since: r.updated_at, idle_secs: idle } });
        }
    }
    out.sort_by_key(|o| match o.reason {
        OrphanReason::NoOwner => (0, None),
        OrphanReason::Idle { since, .. } => (1, Some(since)),
    });
    out
}

/// Orphan rate (悬置率): orphans ÷ open requests.
pub fn orphan_rate(ws: &Workspace, now: Timestamp) -> RateStat {
    RateStat { numerator: orphans(ws, now).len(), denominator: ws.requests.values().filter(|r| r.is_open()).count() }
}

/// A customer whose open requests are owned by two or more teams.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiTeam {
    /// The customer's name as on the newest of the requests.
    pub customer: String,
    pub requests: Vec<Id>,
    /// The owners' units (team, or department for members in no team).
    pub teams: Vec<Id>,
}

/// Customers with open requests, grouped; open requests without an owner
/// count for no team.
fn open_by_customer(ws: &Workspace) -> BTreeMap<String, Vec<&Request>> {
    let mut by: BTreeMap<String, Vec<&Request>> = BTreeMap::new();
    for r in ws.requests.values().filter(|r| r.is_open()) {
        if let Some(key) = r.customer_key() {
            by.entry(key).or_default().push(r);
        }
    }
    by
}

/// Customers followed by several teams at once (重复跟进), and the
/// multi-team follow-up rate: those customers ÷ customers with open requests.
pub fn multi_team(ws: &Workspace) -> (Vec<MultiTeam>, RateStat) {
    let by = open_by_customer(ws);
    let mut out = Vec::new();
    for requests in by.values() {
        let teams: BTreeSet<Id> = requests.iter().filter_map(|r| r.owner.and_then(|o| ws.unit_of(o))).collect();
        if teams.len() >= 2 {
            out.push(MultiTeam {
                customer: requests.last().map(|r| r.customer.name.clone()).unwrap_or_default(),
                requests: requests.iter().map(|r| r.id).collect(),
                teams: teams.into_iter().collect(),
            });
        }
    }
    let rate = RateStat { numerator: out.len(), denominator: by.len() };
    (out, rate)
}

/// Two requests of the same customer and category created within the
/// duplicate window: `newer` is open and could be merged into `older`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate {
    pub older: Id,
    pub newer: Id,
}

/// Likely duplicates: for each open request, the closest earlier request
/// (open or not, never one merged away) of the same customer and category
/// created within the window. A category must be set to compare.
pub fn duplicates(ws: &Workspace) -> Vec<Duplicate> {
    let window = chrono::TimeDelta::days(i64::from(ws.thresholds.duplicate_window_days));
    let mut groups: HashMap<(String, String), Vec<&Request>> = HashMap::new();
    for r in ws.requests.values().filter(|r| r.merged_into.is_none()) {
        let category = r.category.trim().to_lowercase();
        if let (Some(key), false, Some(_)) = (r.customer_key(), category.is_empty(), r.created_at) {
            groups.entry((key, category)).or_default().push(r);
        }
    }
    let mut out = Vec::new();
    for list in groups.values_mut() {
        list.sort_by_key(|r| (r.created_at, r.number));
        for pair in list.windows(2) {
            let [older, newer] = pair else { continue };
            let (Some(a), Some(b)) = (older.created_at, newer.created_at) else { continue };
            if newer.is_open() && b - a <= window {
                out.push(Duplicate { older: older.id, newer: newer.id });
            }
        }
    }
    out.sort_by_key(|d| (d.older, d.newer));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ts, Customer, IdSource, Member, SeqIds, Status, Team};

    struct W {
        ws: Workspace,
        ids: SeqIds,
        ana: Id,
        bo: Id,
        cy: Id,
    }

    /// Ana and Bo in service teams A and B, Cy in sales with no team; Shanghai Mon–Fri 09:00–18:00.
    fn world() -> W {
        let mut ids = SeqIds::new(1);
        let mut ws = Workspace::with_default_departments(&mut ids, "R", ts("2026-11-02T01:00:00Z"));
        ws.calendar = crate::domain::BusinessCalendar::standard("Asia/Shanghai");
        let (sales, service) = (ws.departments[0].id, ws.departments[1].id);
        let (a, b) = (ids.next_id(), ids.next_id());
        ws.teams.push(Team { id: a, name: "A".into(), department: service });
        ws.teams.push(Team { id: b, name: "B".into(), department: service });
        let mut add = |name: &str, dept: Id, team: Option<Id>| {
            let mut m = Member::new(ids.next_id(), name, dept);
            m.team = team;
            let id = m.id;
            ws.members.push(m);
            id
        };
        let ana = add("Ana", service, Some(a));
        let bo = add("Bo", service, Some(b));
        let cy = add("Cy", sales, None);
        W { ws, ids, ana, bo, cy }
    }

    impl W {
        fn req(
            &mut self,
            customer: (&str, &str),
            category: &str,
            owner: Option<Id>,
            created: &str,
            updated: &str,
            status: Status,
        ) -> Id {
            let id = self.ids.next_id();
            let mut r = crate::domain::command::tests_support::blank(id);
            r.number = u32::try_from(self.ws.requests.len() + 1).unwrap_or(0);
            r.customer = Customer { name: customer.0.into(), contact: customer.1.into() };
            r.category = category.into();
            r.owner = owner;
            r.status = status;
            r.created_at = Some(ts(created));
            r.updated_at = ts(updated);
            self.ws.requests.insert(id, r);
            id
        }
    }

    #[test]
    fn matrix_rows() {
        let w = world();
        let d = |i: usize| w.ws.departments[i].id;
        let unknown = Id::from_u128(999_999);
        let cases: Vec<(&str, RaciRow, Result<(), RaciError>)> = vec![
            (
                "one accountable",
                RaciRow::new("complaint", [(d(1), RaciRole::Accountable), (d(3), RaciRole::Responsible)]),
                Ok(()),
            ),
            (
                "none",
                RaciRow::new("complaint", [(d(1), RaciRole::Responsible)]),
                Err(RaciError::NoAccountable { category: "complaint".into() }),
            ),
            (
                "two",
                RaciRow::new("投诉", [(d(0), RaciRole::Accountable), (d(1), RaciRole::Accountable)]),
                Err(RaciError::SeveralAccountable {
                    category: "投诉".into(),
                    departments: vec!["sales".into(), "service".into()],
                }),
            ),
            ("blank category", RaciRow::new("  ", [(d(1), RaciRole::Accountable)]), Err(RaciError::NoCategory)),
            (
                "unknown department",
                RaciRow::new("x", [(unknown, RaciRole::Accountable)]),
                Err(RaciError::UnknownDepartment { category: "x".into(), department: unknown }),
            ),
        ];
        for (case, row, expected) in cases {
            assert_eq!(row.check(&w.ws), expected, "{case}");
        }
        let two = RaciRow::new("投诉", [(d(0), RaciRole::Accountable), (d(1), RaciRole::Accountable)]);
        assert_eq!(
            two.check(&w.ws).unwrap_err().to_string(),
            "category \"投诉\": exactly one department must be Accountable, found 2 (sales, service)"
        );
    }

    /// Orphan threshold 24 business hours on Mon–Fri 09:00–18:00 (9 h a day).
    #[test]
    fn orphans_by_owner_and_idle_business_time() {
        let mut w = world();
        let (ana, bo) = (w.ana, w.bo);
        let now = "2026-11-06T09:00:00Z"; // Fri 17:00 CST
                                          // No owner: an orphan whatever its age.
        let none = w.req(("A", ""), "", None, "2026-11-06T08:00:00Z", "2026-11-06T08:00:00Z", Status::New);
        // Last action Mon 17:00 CST: Mon 1 h + Tue–Thu 27 h + Fri 8 h = 36 h > 24 h.
        let idle = w.req(("B", ""), "", Some(ana), "2026-11-02T09:00:00Z", "2026-11-02T09:00:00Z", Status::InProgress);
        // Last action Wed 18:00 CST: Thu 9 h + Fri 8 h = 17 h: not yet.
        let _recent =
            w.req(("C", ""), "", Some(ana), "2026-11-04T10:00:00Z", "2026-11-04T10:00:00Z", Status::InProgress);
        // Last action Tue 17:00 CST: Tue 1 h + Wed, Thu 18 h + Fri 8 h = 27 h > 24 h.
        let idle2 =
            w.req(("D", ""), "", Some(bo), "2026-11-03T09:00:00Z", "2026-11-03T09:00:00Z", Status::WaitingForCustomer);
        // Resolved requests are never orphans.
        let _done = w.req(("E", ""), "", None, "2026-11-02T09:00:00Z", "2026-11-02T09:00:00Z", Status::Resolved);
        let got = orphans(&w.ws, ts(now));
        assert_eq!(
            got,
            vec![
                Orphan { request: none, reason: OrphanReason::NoOwner },
                Orphan {
                    request: idle,
                    reason: OrphanReason::Idle { since: ts("2026-11-02T09:00:00Z"), idle_secs: 36 * 3600 }
                },
                Orphan {
                    request: idle2,
                    reason: OrphanReason::Idle { since: ts("2026-11-03T09:00:00Z"), idle_secs: 27 * 3600 }
                },
            ]
        );
        assert_eq!(orphan_rate(&w.ws, ts(now)), RateStat { numerator: 3, denominator: 4 });
    }

    #[test]
    fn customers_followed_by_several_teams() {
        let mut w = world();
        let (ana, bo, cy) = (w.ana, w.bo, w.cy);
        let t = "2026-11-02T01:00:00Z";
        // Wang: team A and team B → flagged (contact matches despite spaces and case).
        let w1 = w.req(("王先生", "138 0000 0000"), "x", Some(ana), t, t, Status::New);
        let w2 = w.req(("Wang", "13800000000"), "y", Some(bo), t, t, Status::InProgress);
        // Li: twice team A → not flagged.
        w.req(("Li", "li@example.com"), "x", Some(ana), t, t, Status::New);
        w.req(("li", "LI@example.com "), "x", Some(ana), t, t, Status::New);
        // Zhao: team A and sales (no team: the department counts), one resolved → only one open → not flagged.
        w.req(("Zhao", ""), "x", Some(ana), t, t, Status::New);
        w.req(("Zhao", ""), "x", Some(cy), t, t, Status::Resolved);
        // No customer at all: not counted.
        w.req(("", ""), "x", Some(ana), t, t, Status::New);
        let (flagged, rate) = multi_team(&w.ws);
        assert_eq!(flagged.len(), 1);
        assert_eq!(flagged[0].requests, vec![w1, w2]);
        assert_eq!(flagged[0].customer, "Wang");
        assert_eq!(rate, RateStat { numerator: 1, denominator: 3 });
    }

    #[test]
    fn likely_duplicates() {
        let mut w = world();
        let ana = w.ana;
        let a = w.req(
            ("Wang", "138"),
            "Billing",
            Some(ana),
            "2026-11-02T01:00:00Z",
            "2026-11-02T01:00:00Z",
            Status::Resolved,
        );
        // 7 days later exactly, same category in other case: a duplicate of a.
        let b =
            w.req(("wang", "138"), "billing ", Some(ana), "2026-11-09T01:00:00Z", "2026-11-09T01:00:00Z", Status::New);
        // 7 days and 1 s after b: not.
        let _c =
            w.req(("Wang", "138"), "billing", Some(ana), "2026-11-16T01:00:01Z", "2026-11-16T01:00:01Z", Status::New);
        // Another category, same day: not.
        let _d =
            w.req(("Wang", "138"), "complaint", Some(ana), "2026-11-09T02:00:00Z", "2026-11-09T02:00:00Z", Status::New);
        // No category: never compared.
        let _e = w.req(("Wang", "138"), "", Some(ana), "2026-11-09T03:00:00Z", "2026-11-09T03:00:00Z", Status::New);
        let _f = w.req(("Wang", "138"), "", Some(ana), "2026-11-09T04:00:00Z", "2026-11-09T04:00:00Z", Status::New);
        assert_eq!(duplicates(&w.ws), vec![Duplicate { older: a, newer: b }]);
        // Once merged, b is no longer offered.
        if let Some(r) = w.ws.requests.get_mut(&b) {
            r.merged_into = Some(a);
        }
        assert_eq!(duplicates(&w.ws), vec![]);
    }
}
