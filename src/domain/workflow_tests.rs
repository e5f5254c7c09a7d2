//! Table-driven tests of the commands for routing, ownership, the
//! responsibility matrix, SLA clocks and early warnings, through `apply`:
//! every automatic decision must leave its event, every refusal must leave
//! the workspace exactly as it was.

#![allow(clippy::type_complexity)]

use chrono::TimeDelta;

use super::responsibility::{RaciRole, RaciRow, Thresholds};
use super::routing::{Conditions, RuleDraft, Strategy, TagMatch, Target};
use super::sla::{current_light, ClockKind, Light, SlaPolicy};
use super::warnings::{WarningDraft, WarningMetric};
use super::*;

const H: i64 = 3600;

/// Shanghai, Mon–Fri 08:00–18:00; service teams A (Ana, Bo) and B (Cy);
/// Dee in technical without a team. The clock starts Monday 2 Nov 2026
/// 09:00 local and each command runs one minute after the previous.
struct World {
    ws: Workspace,
    ids: SeqIds,
    now: Timestamp,
    technical: Id,
    team_a: Id,
    team_b: Id,
    ana: Id,
    bo: Id,
    cy: Id,
    dee: Id,
}

impl World {
    fn new() -> World {
        let mut ids = SeqIds::new(1);
        let now = ts("2026-11-02T01:00:00Z");
        let ws = Workspace::with_default_departments(&mut ids, "Flow", now);
        let service = ws.departments[1].id;
        let technical = ws.departments[3].id;
        let nil = Id::nil();
        let mut w = World { ws, ids, now, technical, team_a: nil, team_b: nil, ana: nil, bo: nil, cy: nil, dee: nil };
        let mut cal = BusinessCalendar::standard("Asia/Shanghai");
        cal.hours = vec![OpeningSpan::new(hm(8, 0), hm(18, 0))];
        w.ok(None, Command::SetCalendar(cal));
        w.team_a = w.team("Service A", service);
        w.team_b = w.team("Service B", service);
        w.ana = w.member("Ana", service, Some(w.team_a), &["billing"]);
        w.bo = w.member("Bo", service, Some(w.team_a), &["printer"]);
        w.cy = w.member("Cy", service, Some(w.team_b), &[]);
        w.dee = w.member("Dee", technical, None, &["network"]);
        w
    }

    fn run(&mut self, actor: Option<Id>, cmd: Command) -> Result<Vec<Event>, CommandError> {
        self.now += TimeDelta::minutes(1);
        let mut ctx = Ctx::new(self.now, actor, &mut self.ids);
        apply(&mut self.ws, cmd, &mut ctx)
    }

    fn ok(&mut self, actor: Option<Id>, cmd: Command) -> Vec<Event> {
        let shown = format!("{cmd:?}");
        self.run(actor, cmd).unwrap_or_else(|e| panic!("{shown} failed: {e}"))
    }

    /// Refused, and nothing changed.
    fn refused(&mut self, actor: Option<Id>, cmd: Command) -> CommandError {
        let before = self.ws.clone();
        let shown = format!("{cmd:?}");
        let e = self.run(actor, cmd).err().unwrap_or_else(|| panic!("{shown} was accepted"));
        assert_eq!(self.ws, before, "{shown}: the workspace changed although refused");
        e
    }

    fn team(&mut self, name: &str, department: Id) -> Id {
        let events = self.ok(None, Command::AddTeam { name: name.into(), department });
        match events.first().map(|e| &e.change) {
            Some(Change::TeamAdded { team, .. }) => *team,
            other => panic!("expected TeamAdded, got {other:?}"),
        }
    }

    fn member(&mut self, name: &str, department: Id, team: Option<Id>, skills: &[&str]) -> Id {
        let events = self.ok(None, Command::AddMember { name: name.into(), department });
        let Some(Change::MemberAdded { member, .. }) = events.first().map(|e| &e.change) else { panic!("no member") };
        let member = *member;
        let patch = MemberPatch {
            team: Some(team),
            skills: Some(skills.iter().map(|s| s.to_string()).collect()),
            ..MemberPatch::default()
        };
        self.ok(None, Command::UpdateMember { member, patch });
        member
    }

    fn rule(&mut self, name: &str, when: Conditions, target: Target) -> Id {
        let events =
            self.ok(None, Command::AddRoutingRule(RuleDraft { name: name.into(), enabled: true, when, target }));
        match events.first().map(|e| &e.change) {
            Some(Change::RoutingRuleAdded { rule, .. }) => *rule,
            other => panic!("expected RoutingRuleAdded, got {other:?}"),
        }
    }

    fn create(&mut self, actor: Option<Id>, new: NewRequest) -> Id {
        let events = self.ok(actor, Command::CreateRequest(new));
        events.first().and_then(|e| e.request).expect("created")
    }

    fn req(&self, id: Id) -> &Request {
        self.ws.request(id).expect("request exists")
    }

    fn changes_of(events: &[Event]) -> Vec<Change> {
        events.iter().map(|e| e.change.clone()).collect()
    }
}

fn target(first_response_secs: i64, resolution_secs: i64) -> super::sla::SlaTarget {
    super::sla::SlaTarget { first_response_secs, resolution_secs }
}

fn hm(h: u16, m: u16) -> ClockTime {
    ClockTime::hm(h, m).expect("valid time")
}

fn complaint(urgency: Urgency) -> NewRequest {
    NewRequest { category: "complaint".into(), urgency, ..NewRequest::titled("Late delivery") }
}

#[test]
fn routing_on_creation_explains_itself() {
    let mut w = World::new();
    let when =
        Conditions { categories: vec!["Complaint".into()], min_urgency: Some(Urgency::High), ..Default::default() };
    w.rule(
        "tech for printers",
        Conditions { tags: vec!["printer".into()], ..Default::default() },
        Target::Member { member: w.dee },
    );
    w.rule("complaints", when.clone(), Target::Team { team: w.team_a, strategy: Strategy::LeastLoaded });
    // Cy takes it in (first-contact owner); the complaint rule (position 2) gives it to team A.
    let id = w.create(Some(w.cy), complaint(Urgency::Critical));
    let r = w.req(id);
    assert_eq!((r.owner, r.handler), (Some(w.cy), Some(w.ana)));
    let d = r.routing.clone().expect("decision kept");
    assert_eq!(d.rule.as_ref().map(|h| (h.position, h.name.as_str(), &h.when)), Some((2, "complaints", &when)));
    assert_eq!((d.team, d.strategy, d.load), (Some(w.team_a), Some(Strategy::LeastLoaded), 0));
    let trail: Vec<Change> = w.ws.trail_of(id).map(|e| e.change.clone()).collect();
    assert!(trail.contains(&Change::Routed {
        member: Some(w.ana),
        team: Some(w.team_a),
        rule: Some(2),
        fallback: false
    }));
    // The next complaint goes to Bo (Ana has one open now), and reports Bo's load 0.
    let second = w.create(Some(w.cy), complaint(Urgency::High));
    assert_eq!(w.req(second).handler, Some(w.bo));
    // Below the urgency minimum nothing matches; no fallback: it stays with Cy, and says so.
    let third = w.create(Some(w.cy), complaint(Urgency::Medium));
    let r = w.req(third);
    assert_eq!((r.handler, r.routing.as_ref().and_then(|d| d.member)), (Some(w.cy), None));
    // Nobody acting and routing decides: the routed member becomes accountable.
    w.ok(
        None,
        Command::SetRoutingFallback { fallback: Some(Target::Team { team: w.team_b, strategy: Strategy::RoundRobin }) },
    );
    let fourth = w.create(None, complaint(Urgency::Low));
    let r = w.req(fourth);
    assert_eq!((r.owner, r.handler), (Some(w.cy), Some(w.cy)));
    assert!(r.routing.as_ref().is_some_and(|d| d.via_fallback));
}

#[test]
fn imported_open_requests_are_routed_in_order() {
    let mut w = World::new();
    w.rule("all", Conditions::default(), Target::Team { team: w.team_a, strategy: Strategy::RoundRobin });
    let item = |title: &str, status: Status| ImportedRequest {
        fields: NewRequest::titled(title),
        status,
        created_at: Some(ts("2026-11-02T02:00:00Z")),
        first_response_at: None,
        resolved_at: None,
        closed_at: None,
        resolution: String::new(),
        satisfaction: None,
        flags: Vec::new(),
        source: "t.csv".into(),
    };
    let events = w.ok(
        None,
        Command::ImportRequests(vec![item("a", Status::New), item("b", Status::Closed), item("c", Status::InProgress)]),
    );
    let handlers: Vec<Option<Id>> = w.ws.requests.values().map(|r| r.handler).collect();
    // Round robin over the open ones only: Ana, then Bo; the closed one is not routed.
    assert_eq!(handlers, vec![Some(w.ana), None, Some(w.bo)]);
    let routed = events.iter().filter(|e| matches!(e.change, Change::Routed { .. })).count();
    assert_eq!(routed, 2);
    assert_eq!(w.ws.routing.cursors.get(&w.team_a), Some(&w.bo));
    // Imported requests with a creation time get their clocks: medium, 8 business hours
    // from Mon 10:00 CST → Mon 18:00 CST; resolution 27 h → Wed 17:00 CST.
    let first = w.ws.requests.values().next().expect("imported");
    assert_eq!(first.sla.map(|c| c.first_response.due_at), Some(Some(ts("2026-11-02T10:00:00Z"))));
    assert_eq!(first.sla.map(|c| c.resolution.due_at), Some(Some(ts("2026-11-04T09:00:00Z"))));
}

#[test]
fn unassigned_requests_are_routed_on_demand() {
    let mut w = World::new();
    // Taken in with nobody acting and no rules: nobody handles them.
    let ids: Vec<Id> = (0..3).map(|_| w.create(None, complaint(Urgency::High))).collect();
    assert!(ids.iter().all(|id| w.req(*id).handler.is_none()));
    let e = w.refused(None, Command::RouteUnassigned);
    assert_eq!(
        e,
        CommandError::Invalid {
            field: "routing",
            problem: "there is no enabled rule and no fallback to route with".into()
        }
    );
    w.rule(
        "complaints",
        Conditions { categories: vec!["complaint".into()], ..Default::default() },
        Target::Team { team: w.team_a, strategy: Strategy::RoundRobin },
    );
    let done = w.create(Some(w.cy), NewRequest::titled("already handled"));
    let events = w.ok(None, Command::RouteUnassigned);
    assert_eq!(events.iter().filter(|e| matches!(e.change, Change::Routed { .. })).count(), 3);
    let handlers: Vec<Option<Id>> = ids.iter().map(|id| w.req(*id).handler).collect();
    assert_eq!(handlers, vec![Some(w.ana), Some(w.bo), Some(w.ana)]);
    // The routed member becomes accountable when nobody was.
    assert_eq!(w.req(ids[0]).owner, Some(w.ana));
    assert_eq!(w.req(done).handler, Some(w.cy), "a handled request is left alone");
    assert_eq!(w.ok(None, Command::RouteUnassigned), vec![], "nothing left to route");
}

#[test]
fn reassigning_to_another_team_counts_against_routing_accuracy() {
    let mut w = World::new();
    w.rule("all", Conditions::default(), Target::Team { team: w.team_a, strategy: Strategy::LeastLoaded });
    let ids: Vec<Id> = (0..4).map(|_| w.create(Some(w.cy), NewRequest::titled("x"))).collect();
    // Within the team: no effect. To team B: counts. After resolution: no effect.
    w.ok(Some(w.cy), Command::Assign { request: ids[0], to: w.bo, reason: "swap".into() });
    let e = w.refused(Some(w.cy), Command::Assign { request: ids[1], to: w.cy, reason: " ".into() });
    assert_eq!(e, CommandError::Invalid { field: "reason", problem: "a reassignment needs a reason".into() });
    w.ok(Some(w.cy), Command::Assign { request: ids[1], to: w.cy, reason: "billing is team B's".into() });
    w.ok(Some(w.cy), Command::Resolve { request: ids[2], summary: "done".into() });
    w.ok(Some(w.cy), Command::Reopen { request: ids[2], reason: "again".into() });
    w.ok(Some(w.cy), Command::Assign { request: ids[2], to: w.dee, reason: "needs technical".into() });
    let rerouted: Vec<bool> = ids.iter().map(|id| w.req(*id).rerouted).collect();
    assert_eq!(rerouted, vec![false, true, false, false]);
    let d = metrics::dashboard(w.ws.requests.values());
    assert_eq!(d.overall.routing_accuracy, metrics::RateStat { numerator: 3, denominator: 4 });
}

#[test]
fn routing_rule_commands() {
    let mut w = World::new();
    let a = w.rule("a", Conditions::default(), Target::Member { member: w.ana });
    let b = w.rule("b", Conditions::default(), Target::Member { member: w.bo });
    let c = w.rule("c", Conditions::default(), Target::Member { member: w.cy });
    let order = |w: &World| w.ws.routing.rules.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    let events = w.ok(None, Command::MoveRoutingRule { rule: c, to: 0 });
    assert_eq!(
        World::changes_of(&events),
        vec![Change::RoutingRuleMoved { rule: c, name: "c".into(), from: 3, to: 1 }]
    );
    assert_eq!(order(&w), ["c", "a", "b"]);
    let e = w.refused(None, Command::MoveRoutingRule { rule: a, to: 3 });
    assert_eq!(e, CommandError::Invalid { field: "position", problem: "expected 1 to 3, found 4".into() });
    // Conditions are cleaned: trimmed, repeated entries dropped.
    let messy = Conditions {
        categories: vec![" Billing ".into(), "billing".into(), "".into()],
        tags: vec!["vip".into(), "VIP".into()],
        tags_match: TagMatch::All,
        ..Default::default()
    };
    w.ok(
        None,
        Command::UpdateRoutingRule {
            rule: b,
            draft: RuleDraft {
                name: " b2 ".into(),
                enabled: false,
                when: messy,
                target: Target::Member { member: w.bo },
            },
        },
    );
    let r = w.ws.routing.rules.iter().find(|r| r.id == b).expect("rule");
    assert_eq!(
        (r.name.as_str(), r.enabled, r.when.categories.clone(), r.when.tags.clone()),
        ("b2", false, vec!["Billing".to_string()], vec!["vip".to_string()])
    );
    let unknown = Id::from_u128(999_999);
    let cases: Vec<(&str, Command, CommandError)> = vec![
        (
            "blank name",
            Command::AddRoutingRule(RuleDraft {
                name: " ".into(),
                enabled: true,
                when: Conditions::default(),
                target: Target::Member { member: w.ana },
            }),
            CommandError::Invalid { field: "rule name", problem: "must not be empty".into() },
        ),
        (
            "unknown team",
            Command::AddRoutingRule(RuleDraft {
                name: "x".into(),
                enabled: true,
                when: Conditions::default(),
                target: Target::Team { team: unknown, strategy: Strategy::RoundRobin },
            }),
            CommandError::NotFound { what: "team", id: unknown },
        ),
        (
            "unknown fallback member",
            Command::SetRoutingFallback { fallback: Some(Target::Member { member: unknown }) },
            CommandError::NotFound { what: "member", id: unknown },
        ),
        (
            "remove unknown",
            Command::RemoveRoutingRule { rule: unknown },
            CommandError::NotFound { what: "routing rule", id: unknown },
        ),
        (
            "team in use",
            Command::RemoveTeam { team: w.team_b },
            CommandError::TeamInUse { name: "Service B".into(), members: 1, rules: 0 },
        ),
    ];
    for (case, cmd, expected) in cases {
        assert_eq!(w.refused(None, cmd), expected, "{case}");
    }
    w.ok(None, Command::RemoveRoutingRule { rule: a });
    assert_eq!(order(&w), ["c", "b2"]);
}

#[test]
fn member_settings_and_deactivation() {
    let mut w = World::new();
    let cases: Vec<(&str, MemberPatch, CommandError)> = vec![
        (
            "team of another department",
            MemberPatch { team: Some(Some(w.team_a)), ..Default::default() },
            CommandError::Invalid { field: "team", problem: "team \"Service A\" belongs to another department".into() },
        ),
        (
            "capacity 0",
            MemberPatch { capacity: Some(Some(0)), ..Default::default() },
            CommandError::Invalid {
                field: "capacity",
                problem: "expected 1 to 10000 open requests, or no limit; found 0".into(),
            },
        ),
    ];
    for (case, patch, expected) in cases {
        assert_eq!(w.refused(None, Command::UpdateMember { member: w.dee, patch }), expected, "{case}");
    }
    // Moving Bo to technical leaves team A.
    w.ok(
        None,
        Command::UpdateMember {
            member: w.bo,
            patch: MemberPatch { department: Some(w.technical), ..Default::default() },
        },
    );
    assert_eq!(w.ws.member(w.bo).and_then(|m| m.team), None);
    // Ana owns one request and handles another: deactivating her needs a successor.
    let owned = w.create(Some(w.ana), NewRequest::titled("owned"));
    let handled = w.create(Some(w.cy), NewRequest::titled("handled"));
    w.ok(Some(w.cy), Command::Assign { request: handled, to: w.ana, reason: "she knows".into() });
    let off = MemberPatch { active: Some(false), ..Default::default() };
    let e = w.refused(None, Command::UpdateMember { member: w.ana, patch: off.clone() });
    assert_eq!(e, CommandError::MemberIsAccountable { name: "Ana".into(), count: 2 });
    // An offer to Ana waiting: it is withdrawn with the deactivation.
    let offered = w.create(Some(w.cy), NewRequest::titled("offered"));
    w.ok(Some(w.cy), Command::OfferOwnership { request: offered, to: w.ana, reason: "yours".into() });
    let events =
        w.ok(None, Command::UpdateMember { member: w.ana, patch: MemberPatch { successor: Some(w.cy), ..off } });
    let changes = World::changes_of(&events);
    assert!(changes.contains(&Change::OwnershipTransferred {
        from: Some(w.ana),
        to: w.cy,
        reason: "member deactivated".into()
    }));
    assert!(changes.contains(&Change::Assigned { from: Some(w.ana), to: w.cy, reason: "member deactivated".into() }));
    assert!(changes.contains(&Change::OwnershipDeclined { to: w.ana, reason: "member deactivated".into() }));
    assert_eq!((w.req(owned).owner, w.req(owned).handler), (Some(w.cy), Some(w.cy)));
    assert_eq!((w.req(handled).owner, w.req(handled).handler), (Some(w.cy), Some(w.cy)));
    assert_eq!(w.req(offered).ownership_offer, None);
}

#[test]
fn ownership_moves_only_when_accepted() {
    let mut w = World::new();
    let id = w.create(Some(w.ana), NewRequest::titled("x"));
    let cases: Vec<(&str, Option<Id>, Command, CommandError)> = vec![
        (
            "no reason",
            Some(w.ana),
            Command::OfferOwnership { request: id, to: w.bo, reason: "".into() },
            CommandError::Invalid { field: "reason", problem: "must not be empty".into() },
        ),
        (
            "to the owner",
            Some(w.ana),
            Command::OfferOwnership { request: id, to: w.ana, reason: "r".into() },
            CommandError::Invalid { field: "to", problem: "is the first-contact owner already".into() },
        ),
        (
            "accept with none waiting",
            Some(w.bo),
            Command::AcceptOwnership { request: id },
            CommandError::Invalid { field: "offer", problem: "no transfer of ownership is waiting".into() },
        ),
    ];
    for (case, actor, cmd, expected) in cases {
        assert_eq!(w.refused(actor, cmd), expected, "{case}");
    }
    w.ok(Some(w.ana), Command::OfferOwnership { request: id, to: w.bo, reason: "I am on leave".into() });
    assert_eq!(w.req(id).owner, Some(w.ana), "not before acceptance");
    let e = w.refused(Some(w.ana), Command::OfferOwnership { request: id, to: w.cy, reason: "r".into() });
    assert_eq!(
        e,
        CommandError::Invalid {
            field: "offer",
            problem: "a transfer to Bo is waiting for an answer: withdraw it first".into()
        }
    );
    assert_eq!(
        w.refused(Some(w.cy), Command::AcceptOwnership { request: id }),
        CommandError::NotAddressee { name: "Bo".into() }
    );
    // Only the addressee declines, only the offerer or the owner withdraws.
    let decline = || Command::DeclineOwnership { request: id, reason: "not my area".into() };
    let not_a_party = CommandError::NotOfferParty { to: "Bo".into() };
    assert_eq!(w.refused(Some(w.cy), decline()), not_a_party, "a third member");
    assert_eq!(w.refused(None, decline()), not_a_party, "nobody acting, the offer was made by Ana");
    w.ok(Some(w.bo), decline());
    assert_eq!((w.req(id).owner, w.req(id).ownership_offer.clone()), (Some(w.ana), None));
    w.ok(Some(w.ana), Command::OfferOwnership { request: id, to: w.bo, reason: "again".into() });
    w.ok(Some(w.ana), Command::DeclineOwnership { request: id, reason: "sent by mistake".into() });
    assert_eq!(w.req(id).ownership_offer, None, "withdrawn by the member who offered it");
    w.ok(Some(w.ana), Command::OfferOwnership { request: id, to: w.cy, reason: "billing".into() });
    let events = w.ok(Some(w.cy), Command::AcceptOwnership { request: id });
    assert_eq!(World::changes_of(&events), vec![Change::OwnershipAccepted { from: Some(w.ana), to: w.cy }]);
    assert_eq!(w.req(id).owner, Some(w.cy));
    // The handler is not touched: ownership is accountability, not work.
    assert_eq!(w.req(id).handler, Some(w.ana));
    // An offer still waiting when the request is resolved is withdrawn, and says so.
    w.ok(Some(w.cy), Command::OfferOwnership { request: id, to: w.bo, reason: "shift change".into() });
    let events = w.ok(Some(w.cy), Command::Resolve { request: id, summary: "done".into() });
    assert!(
        World::changes_of(&events).contains(&Change::OwnershipDeclined { to: w.bo, reason: "request resolved".into() })
    );
    assert_eq!(w.req(id).ownership_offer, None);
}

#[test]
fn responsibility_matrix_commands() {
    let mut w = World::new();
    let (sales, service) = (w.ws.departments[0].id, w.ws.departments[1].id);
    let row = RaciRow::new("complaint", [(service, RaciRole::Accountable), (sales, RaciRole::Informed)]);
    w.ok(None, Command::SetResponsibility(row.clone()));
    // The same category in other case replaces the row.
    let two = RaciRow::new("Complaint", [(service, RaciRole::Accountable), (sales, RaciRole::Accountable)]);
    let e = w.refused(None, Command::SetResponsibility(two));
    assert_eq!(
        e.to_string(),
        "category \"Complaint\": exactly one department must be Accountable, found 2 (sales, service)"
    );
    let again = RaciRow::new("Complaint ", [(sales, RaciRole::Accountable), (service, RaciRole::Responsible)]);
    let events = w.ok(None, Command::SetResponsibility(again));
    assert_eq!(w.ws.responsibility.len(), 1);
    assert_eq!(w.ws.responsibility[0].accountable(), Some(sales));
    assert!(
        matches!(&events[0].change, Change::ResponsibilitySet { category, before, .. } if category == "Complaint" && before.starts_with("A: "))
    );
    // A department in the matrix (or with teams) cannot be removed.
    let marketing = w.ws.departments[2].id;
    w.ok(None, Command::SetResponsibility(RaciRow::new("promotion", [(marketing, RaciRole::Accountable)])));
    assert_eq!(
        w.refused(None, Command::RemoveDepartment { department: marketing }),
        CommandError::DepartmentInUse {
            department: marketing,
            name: "marketing".into(),
            members: 0,
            teams: 0,
            rows: 1
        }
    );
    assert_eq!(
        w.refused(None, Command::RemoveDepartment { department: service }),
        CommandError::DepartmentInUse { department: service, name: "service".into(), members: 3, teams: 2, rows: 1 }
    );
    w.ok(None, Command::RemoveResponsibility { category: "promotion".into() });
    w.ok(None, Command::RemoveDepartment { department: marketing });
    w.ok(None, Command::RemoveResponsibility { category: "COMPLAINT".into() });
    assert!(w.ws.responsibility.is_empty());
    let e = w.refused(None, Command::RemoveResponsibility { category: "billing".into() });
    assert_eq!(
        e,
        CommandError::Invalid {
            field: "category",
            problem: "\"billing\" has no row in the responsibility matrix".into()
        }
    );
    let bad = Thresholds { orphan_after_secs: 0, duplicate_window_days: 7 };
    assert_eq!(
        w.refused(None, Command::SetThresholds(bad)).to_string(),
        "thresholds: orphan threshold: expected 1 to 8784 business hours, found 0 h"
    );
}

#[test]
fn merging_a_duplicate_keeps_both_trails() {
    let mut w = World::new();
    let customer = Customer { name: "Wang".into(), contact: "138".into() };
    let mk = |title: &str| NewRequest {
        customer: customer.clone(),
        category: "billing".into(),
        ..NewRequest::titled(title)
    };
    let keep = w.create(Some(w.ana), mk("Invoice wrong"));
    let dup = w.create(Some(w.cy), mk("Invoice wrong again"));
    assert_eq!(responsibility::duplicates(&w.ws), vec![responsibility::Duplicate { older: keep, newer: dup }]);
    assert_eq!(
        w.refused(None, Command::MergeRequests { keep, duplicate: keep, reason: String::new() }),
        CommandError::Invalid { field: "duplicate", problem: "a request cannot be merged into itself".into() }
    );
    w.ok(Some(w.ana), Command::MergeRequests { keep, duplicate: dup, reason: "same invoice".into() });
    let d = w.req(dup);
    assert_eq!((d.status, d.merged_into, d.is_open()), (Status::Closed, Some(keep), false));
    let dup_trail: Vec<Change> = w.ws.trail_of(dup).map(|e| e.change.clone()).collect();
    assert!(dup_trail.contains(&Change::MergedInto { into: keep, number: 1, reason: "same invoice".into() }));
    assert!(w.ws.trail_of(keep).any(|e| e.change == Change::MergedFrom { from: dup, number: 2 }));
    assert!(responsibility::duplicates(&w.ws).is_empty());
    // Merged requests leave every figure.
    assert_eq!(metrics::dashboard(w.ws.requests.values()).overall.total, 1);
    // Merging it again is refused: it is not open any more.
    assert!(matches!(
        w.refused(None, Command::MergeRequests { keep, duplicate: dup, reason: String::new() }),
        CommandError::NotOpen { .. }
    ));
}

#[test]
fn sla_clocks_follow_waiting_urgency_and_policy() {
    let mut w = World::new();
    // Created Mon 09:01 CST (critical: 1 h / 4 h).
    w.now = ts("2026-11-02T01:00:00Z");
    let id = w.create(Some(w.ana), complaint(Urgency::Critical));
    let clocks = w.req(id).sla.expect("clocks");
    assert_eq!(clocks.first_response.due_at, Some(ts("2026-11-02T02:01:00Z")));
    assert_eq!(current_light(w.req(id), w.now), Some((ClockKind::FirstResponse, Light::Green)));
    // Waiting from 09:10 until 11:10 CST (9 minutes of the hour used): the due time moves by two hours.
    w.now = ts("2026-11-02T01:10:00Z") - TimeDelta::minutes(1);
    w.ok(Some(w.ana), Command::WaitForCustomer { request: id, note: "photo".into() });
    assert_eq!(w.req(id).sla.map(|c| c.first_response.due_at), Some(None), "unknown while waiting");
    assert_eq!(current_light(w.req(id), ts("2026-11-02T09:00:00Z")), Some((ClockKind::FirstResponse, Light::Paused)));
    w.now = ts("2026-11-02T03:10:00Z") - TimeDelta::minutes(1);
    w.ok(Some(w.ana), Command::StartWork { request: id });
    assert_eq!(
        w.req(id).pauses,
        vec![Pause { from: ts("2026-11-02T01:10:00Z"), to: Some(ts("2026-11-02T03:10:00Z")) }]
    );
    assert_eq!(w.req(id).sla.map(|c| c.first_response.due_at), Some(Some(ts("2026-11-02T04:01:00Z"))));
    // Lowering urgency to low: 24 h / 45 h targets, recorded.
    let events = w.ok(
        Some(w.ana),
        Command::UpdateRequest {
            request: id,
            patch: RequestPatch { urgency: Some(Urgency::Low), ..Default::default() },
        },
    );
    assert!(World::changes_of(&events)
        .contains(&Change::SlaTargetsChanged { before: Some(target(H, 4 * H)), after: Some(target(24 * H, 45 * H)) }));
    // A policy change recomputes open requests only, and records each.
    let done = w.create(Some(w.ana), NewRequest::titled("done"));
    w.ok(Some(w.ana), Command::Resolve { request: done, summary: "ok".into() });
    let frozen = w.req(done).sla;
    let mut policy = SlaPolicy::default();
    policy.low.first_response_secs = 2 * H;
    policy.medium.first_response_secs = 3 * H;
    let events = w.ok(None, Command::SetSlaPolicy(policy));
    let changes = World::changes_of(&events);
    assert_eq!(changes.last(), Some(&Change::SlaPolicyChanged { recomputed: 1 }));
    assert!(changes.contains(&Change::SlaTargetsChanged {
        before: Some(target(24 * H, 45 * H)),
        after: Some(target(2 * H, 45 * H))
    }));
    assert_eq!(w.req(done).sla, frozen, "resolved requests keep their clocks");
    let bad = SlaPolicy { warn_percent: 0, ..policy };
    assert_eq!(
        w.refused(None, Command::SetSlaPolicy(bad)).to_string(),
        "sla: warning share: expected 1 to 99 %, found 0 %"
    );
    let mut broken = w.ws.calendar.clone();
    broken.zone = "Mars/Base".into();
    assert_eq!(
        w.refused(None, Command::SetCalendar(broken)).to_string(),
        "business calendar: unknown time zone \"Mars/Base\": expected an IANA name such as Asia/Shanghai"
    );
}

#[test]
fn warnings_raise_and_clear_through_the_trail() {
    let mut w = World::new();
    // Nothing to say yet: no events, nothing changes.
    assert_eq!(w.ok(None, Command::EvaluateWarnings), vec![]);
    // A critical request with no first response: 90 % of 1 h = 54 min after 09:01.
    w.now = ts("2026-11-02T01:00:00Z");
    let id = w.create(Some(w.ana), complaint(Urgency::Critical));
    w.now = ts("2026-11-02T01:55:00Z") - TimeDelta::minutes(1);
    let events = w.ok(None, Command::EvaluateWarnings);
    let rule =
        w.ws.warnings.iter().find(|r| r.metric == WarningMetric::FirstResponseElapsed).map(|r| r.id).expect("rule");
    assert!(
        matches!(events.as_slice(), [Event { request: Some(r), change: Change::AlertRaised { rule: x, .. }, .. }] if *r == id && *x == rule)
    );
    assert_eq!(w.ws.alerts.len(), 1);
    assert_eq!(w.ok(None, Command::EvaluateWarnings), vec![], "raised once");
    w.ok(Some(w.ana), Command::RecordFirstResponse { request: id });
    let events = w.ok(None, Command::EvaluateWarnings);
    assert!(matches!(events.as_slice(), [Event { change: Change::AlertCleared { .. }, .. }]));
    assert!(w.ws.alerts[0].cleared_at.is_some());
    // Rule commands validate.
    let bad = WarningDraft {
        metric: WarningMetric::OrphanRate,
        comparison: warnings::Comparison::Above,
        threshold_percent: 20,
        days: 3,
        enabled: true,
    };
    assert_eq!(
        w.refused(None, Command::AddWarningRule(bad)).to_string(),
        "warning rule: days: orphan_rate is read at the moment, so days must be 1, found 3"
    );
    // Removing a rule clears its active alerts, which stay in the history.
    let orphan_rule = w.ws.warnings.iter().find(|r| r.metric == WarningMetric::OrphanRate).map(|r| r.id).expect("rule");
    w.create(None, NewRequest::titled("nobody's"));
    let events = w.ok(None, Command::EvaluateWarnings);
    assert!(events.iter().any(|e| matches!(e.change, Change::AlertRaised { rule: r, .. } if r == orphan_rule)));
    w.ok(None, Command::RemoveWarningRule { rule: orphan_rule });
    assert!(w.ws.alerts.iter().all(|a| !a.is_active()));
    assert_eq!(w.ws.alerts.len(), 2);
}

/// Rounds of the built-in model through commands: the model is stored when
/// first used, responses are recorded without names in anonymous rounds,
/// an edit keeps the version a round answered, and a model in use stays.
#[test]
fn maturity_rounds_through_commands() {
    use super::maturity::{
        collaboration_model, Answer, ModelEdit, NewResponse, RoundError, RoundSpec, TeamRef, Text,
        COLLABORATION_MODEL_ID,
    };
    let mut w = World::new();
    let team = TeamRef { id: w.team_a, name: "Service A".into() };
    let spec = RoundSpec::new(team.clone(), "2026 Q4").anonymous();
    let events = w.ok(None, Command::StartRound { model: COLLABORATION_MODEL_ID, spec });
    assert!(matches!(events[0].change, Change::MaturityModelAdded { model, .. } if model == COLLABORATION_MODEL_ID));
    let round = w.ws.maturity_rounds[0].id();
    assert_eq!(w.ws.maturity_models.len(), 1);
    // An answer that does not fit is refused; nothing changes.
    let bad = NewResponse { respondent: None, answers: [("roles.1".to_string(), Answer::Level(6))].into() };
    assert!(matches!(
        w.refused(None, Command::AddResponse { round, response: bad }),
        CommandError::Round(RoundError::BadAnswer { .. })
    ));
    for (level, name) in [(2, Some("Xiu Respondent")), (3, None), (4, None)] {
        // A name handed in to an anonymous round is not kept.
        let response = NewResponse {
            respondent: name.map(str::to_string),
            answers: [("roles.1".to_string(), Answer::Level(level))].into(),
        };
        let events = w.ok(None, Command::AddResponse { round, response });
        assert!(matches!(events[..], [Event { change: Change::ResponseAdded { .. }, .. }]));
    }
    let r = &w.ws.maturity_rounds[0];
    assert!(r.individual_responses().is_err(), "anonymous: no one's answers");
    assert!(!format!("{:?}", w.ws).contains("Xiu Respondent"), "the name is nowhere");
    let result = r.results(&w.ws.model_of(r).expect("model")).expect("3 responses");
    assert_eq!(result.dimensions[0].mean, Some(3.0));
    // Editing the model makes version 2 and keeps version 1 for the round.
    let edit = ModelEdit::Rename { name: Text::new("Our model", "我们的模型"), description: Text::default() };
    w.ok(None, Command::EditMaturityModel { model: COLLABORATION_MODEL_ID, edit });
    let versions: Vec<u32> = w.ws.maturity_models.iter().map(|m| m.version).collect();
    assert_eq!(versions, vec![1, 2]);
    assert_eq!(w.ws.maturity_model(COLLABORATION_MODEL_ID).map(|m| m.version), Some(2));
    assert_eq!(w.ws.model_of(&w.ws.maturity_rounds[0]).map(|m| m.version), Some(1));
    assert_eq!(
        w.refused(None, Command::RemoveMaturityModel { model: COLLABORATION_MODEL_ID }),
        CommandError::ModelInUse { rounds: 1 }
    );
    // A custom model gets its own id; a round of it, then both removed.
    let mut custom = collaboration_model();
    custom.dimensions.truncate(1);
    let events = w.ok(None, Command::AddMaturityModel(custom));
    let Change::MaturityModelAdded { model: custom_id, .. } = events[0].change.clone() else { panic!("no model") };
    assert_ne!(custom_id, COLLABORATION_MODEL_ID);
    w.ok(None, Command::StartRound { model: custom_id, spec: RoundSpec::new(team, "2027 Q1") });
    let second = w.ws.maturity_rounds[1].id();
    w.ok(None, Command::RemoveRound { round: second });
    w.ok(None, Command::RemoveMaturityModel { model: custom_id });
    assert!(w.ws.maturity_models.iter().all(|m| m.id == COLLABORATION_MODEL_ID));
}
