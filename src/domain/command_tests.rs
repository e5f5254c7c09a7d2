//! Table-driven tests for every command in `command.rs`.
//!
//! Expected outcomes are worked out by hand from the lifecycle
//! (New → In progress → Waiting for customer → Resolved → Closed, Reopened
//! from Resolved or Closed, first response as an explicit action), not by
//! calling `Status::can_move_to`, so the tests check the table rather than
//! repeat it.

// Case tables spell out their row types in place.
#![allow(clippy::type_complexity)]

use super::*;

const T0: &str = "2026-11-02T09:00:00Z";

/// A workspace with the four default departments and four members, and the
/// clock and id source that commands run with. Every command advances the
/// clock by one minute so each leaves a distinct time in the trail.
struct World {
    ws: Workspace,
    ids: SeqIds,
    now: Timestamp,
    service: Id,
    technical: Id,
    sales: Id,
    /// Service, active: takes requests in.
    ana: Id,
    /// Technical, active.
    ben: Id,
    /// Technical, active.
    cai: Id,
    /// Sales, deactivated.
    dee: Id,
}

fn builtin(ws: &Workspace, key: &str) -> Id {
    ws.departments.iter().find(|d| d.builtin.as_deref() == Some(key)).map(|d| d.id).expect("built-in department")
}

impl World {
    fn new() -> Self {
        let mut ids = SeqIds::new(1);
        let now = ts(T0);
        let ws = Workspace::with_default_departments(&mut ids, "Pilot", now);
        let (service, technical, sales) = (builtin(&ws, "service"), builtin(&ws, "technical"), builtin(&ws, "sales"));
        let nil = Id::nil();
        let mut w = World { ws, ids, now, service, technical, sales, ana: nil, ben: nil, cai: nil, dee: nil };
        w.ana = w.member("Ana Lima", service);
        w.ben = w.member("Ben Ode", technical);
        w.cai = w.member("Cai Ling", technical);
        w.dee = w.member("Dee Park", sales);
        let patch = MemberPatch { active: Some(false), ..MemberPatch::default() };
        w.ok(None, Command::UpdateMember { member: w.dee, patch });
        w
    }

    /// Applies a command one minute after the previous one.
    fn run(&mut self, actor: Option<Id>, cmd: Command) -> Result<Vec<Event>, CommandError> {
        self.now += chrono::TimeDelta::minutes(1);
        let mut ctx = Ctx::new(self.now, actor, &mut self.ids);
        apply(&mut self.ws, cmd, &mut ctx)
    }

    fn ok(&mut self, actor: Option<Id>, cmd: Command) -> Vec<Event> {
        let shown = format!("{cmd:?}");
        self.run(actor, cmd).unwrap_or_else(|e| panic!("{shown} failed: {e}"))
    }

    fn member(&mut self, name: &str, department: Id) -> Id {
        let events = self.ok(None, Command::AddMember { name: name.into(), department });
        match events.first().map(|e| &e.change) {
            Some(Change::MemberAdded { member, .. }) => *member,
            other => panic!("expected MemberAdded, got {other:?}"),
        }
    }

    /// A new request taken in by `actor`; returns its id.
    fn create_by(&mut self, actor: Option<Id>, title: &str) -> Id {
        let events = self.ok(actor, Command::CreateRequest(NewRequest::titled(title)));
        events.first().and_then(|e| e.request).expect("created request id")
    }

    /// A request taken in by Ana and driven to `status` through commands,
    /// without a first response.
    fn in_status(&mut self, status: Status) -> Id {
        let id = self.create_by(Some(self.ana), "Tent pole snapped");
        let ana = Some(self.ana);
        let resolve = Command::Resolve { request: id, summary: "sent a new pole".into() };
        match status {
            Status::New => {}
            Status::InProgress => {
                self.ok(ana, Command::StartWork { request: id });
            }
            Status::WaitingForCustomer => {
                self.ok(ana, Command::WaitForCustomer { request: id, note: String::new() });
            }
            Status::Resolved => {
                self.ok(ana, resolve);
            }
            Status::Closed => {
                self.ok(ana, resolve);
                self.ok(ana, Command::Close { request: id, satisfaction: None });
            }
            Status::Reopened => {
                self.ok(ana, resolve);
                self.ok(ana, Command::Reopen { request: id, reason: "still broken".into() });
            }
        }
        assert_eq!(self.req(id).status, status, "setting up {status:?}");
        id
    }

    fn req(&self, id: Id) -> &Request {
        self.ws.request(id).expect("request exists")
    }
}

// ---------------------------------------------------------------------------
// The lifecycle matrix: every status × every action on a request.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Action {
    FirstResponse,
    StartWork,
    Wait,
    Resolve,
    Close,
    Reopen,
    Assign,
    Comment,
    Edit,
}

const ACTIONS: [Action; 9] = [
    Action::FirstResponse,
    Action::StartWork,
    Action::Wait,
    Action::Resolve,
    Action::Close,
    Action::Reopen,
    Action::Assign,
    Action::Comment,
    Action::Edit,
];

const WAIT_NOTE: &str = "waiting for the order number";
const SUMMARY: &str = "replaced the pole";
const REOPEN_REASON: &str = "the new pole is the wrong length";
const ASSIGN_REASON: &str = "needs a technician";
const COMMENT: &str = "customer called again";

impl Action {
    fn command(self, w: &World, request: Id) -> Command {
        match self {
            Action::FirstResponse => Command::RecordFirstResponse { request },
            Action::StartWork => Command::StartWork { request },
            Action::Wait => Command::WaitForCustomer { request, note: WAIT_NOTE.into() },
            Action::Resolve => Command::Resolve { request, summary: SUMMARY.into() },
            Action::Close => Command::Close { request, satisfaction: Some(4) },
            Action::Reopen => Command::Reopen { request, reason: REOPEN_REASON.into() },
            Action::Assign => Command::Assign { request, to: w.ben, reason: ASSIGN_REASON.into() },
            Action::Comment => Command::AddComment { request, text: COMMENT.into() },
            Action::Edit => Command::UpdateRequest {
                request,
                patch: RequestPatch { urgency: Some(Urgency::High), ..RequestPatch::default() },
            },
        }
    }

    /// The action name the error texts use.
    fn name(self) -> &'static str {
        match self {
            Action::FirstResponse => "recording the first response",
            Action::StartWork => "start work",
            Action::Wait => "wait for customer",
            Action::Resolve => "resolve",
            Action::Close => "close",
            Action::Reopen => "reopen",
            Action::Assign => "assigning",
            Action::Comment | Action::Edit => "",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    /// Succeeds and the request moves to this status.
    Moves(Status),
    /// Succeeds and the status stays.
    Stays,
    /// Refused: the lifecycle has no move to this status from here.
    Illegal(Status),
    /// Refused: only possible on an open request.
    NotOpen,
}

/// The changes an accepted action records, worked out by hand.
fn expected_changes(action: Action, from: Status, outcome: Outcome, w: &World) -> Vec<Change> {
    let moved = |to: Status, note: &str| Change::StatusChanged { from, to, note: note.to_string() };
    match (action, outcome) {
        (Action::FirstResponse, Outcome::Moves(to)) => {
            vec![Change::FirstResponseRecorded { at: w.now }, moved(to, "")]
        }
        (Action::FirstResponse, _) => vec![Change::FirstResponseRecorded { at: w.now }],
        (Action::StartWork, Outcome::Moves(to)) => vec![moved(to, "")],
        (Action::Wait, Outcome::Moves(to)) => vec![moved(to, WAIT_NOTE)],
        (Action::Resolve, Outcome::Moves(to)) => vec![moved(to, SUMMARY)],
        (Action::Close, Outcome::Moves(to)) => {
            vec![moved(to, ""), Change::SatisfactionRecorded { before: None, after: Some(4) }]
        }
        (Action::Reopen, Outcome::Moves(to)) => vec![moved(to, REOPEN_REASON)],
        // Ana took it in, so she is owner and handler already: no owner change.
        (Action::Assign, _) => vec![Change::Assigned { from: Some(w.ana), to: w.ben, reason: ASSIGN_REASON.into() }],
        (Action::Edit, _) => {
            vec![Change::FieldChanged { field: "urgency".into(), before: "medium".into(), after: "high".into() }]
        }
        other => panic!("no expectation for {other:?}"),
    }
}

#[test]
fn status_action_matrix() {
    use Outcome::*;
    use Status::*;
    let waiting = WaitingForCustomer;
    // Rows: current status. Columns: FirstResponse, StartWork, Wait, Resolve, Close,
    // Reopen, Assign, Comment, Edit. Comments and edits are fine in every status;
    // first response and assignment need an open request; Close only from
    // Resolved; Reopen only from Resolved or Closed; first response moves New and
    // Reopened on to In progress and leaves other open states where they are.
    let matrix: [(Status, [Outcome; 9]); 6] = [
        (
            New,
            [
                Moves(InProgress),
                Moves(InProgress),
                Moves(waiting),
                Moves(Resolved),
                Illegal(Closed),
                Illegal(Reopened),
                Stays,
                Stays,
                Stays,
            ],
        ),
        (
            InProgress,
            [
                Stays,
                Illegal(InProgress),
                Moves(waiting),
                Moves(Resolved),
                Illegal(Closed),
                Illegal(Reopened),
                Stays,
                Stays,
                Stays,
            ],
        ),
        (
            waiting,
            [
                Stays,
                Moves(InProgress),
                Illegal(waiting),
                Moves(Resolved),
                Illegal(Closed),
                Illegal(Reopened),
                Stays,
                Stays,
                Stays,
            ],
        ),
        (
            Resolved,
            [
                NotOpen,
                Illegal(InProgress),
                Illegal(waiting),
                Illegal(Resolved),
                Moves(Closed),
                Moves(Reopened),
                NotOpen,
                Stays,
                Stays,
            ],
        ),
        (
            Closed,
            [
                NotOpen,
                Illegal(InProgress),
                Illegal(waiting),
                Illegal(Resolved),
                Illegal(Closed),
                Moves(Reopened),
                NotOpen,
                Stays,
                Stays,
            ],
        ),
        (
            Reopened,
            [
                Moves(InProgress),
                Moves(InProgress),
                Moves(waiting),
                Moves(Resolved),
                Illegal(Closed),
                Illegal(Reopened),
                Stays,
                Stays,
                Stays,
            ],
        ),
    ];
    assert_eq!(matrix.map(|(s, _)| s), Status::ALL, "every status has a row");

    let mut w = World::new();
    for (from, outcomes) in matrix {
        for (action, outcome) in ACTIONS.into_iter().zip(outcomes) {
            let cell = format!("{from:?} × {action:?}");
            let id = w.in_status(from);
            let number = w.req(id).number;
            let before = w.ws.clone();
            let cmd = action.command(&w, id);
            let result = w.run(Some(w.ana), cmd);
            match outcome {
                Moves(_) | Stays => {
                    let events = result.unwrap_or_else(|e| panic!("{cell}: refused: {e}"));
                    let expected_status = if let Moves(to) = outcome { to } else { from };
                    assert_eq!(w.req(id).status, expected_status, "{cell}: status");
                    // Who, when, which request.
                    for e in &events {
                        assert_eq!((e.actor, e.at, e.request), (Some(w.ana), w.now, Some(id)), "{cell}: {e:?}");
                    }
                    // SLA target changes after an urgency edit are checked in `sla_commands`.
                    let changes: Vec<Change> = events
                        .iter()
                        .map(|e| e.change.clone())
                        .filter(|c| !matches!(c, Change::SlaTargetsChanged { .. }))
                        .collect();
                    if action == Action::Comment {
                        let stored = w.req(id).comments.last().map(|c| (c.id, c.text.clone()));
                        let recorded = match changes.as_slice() {
                            [Change::CommentAdded { comment, text }] => Some((*comment, text.clone())),
                            _ => None,
                        };
                        assert_eq!(recorded, stored, "{cell}: comment event");
                        assert_eq!(stored.map(|(_, t)| t), Some(COMMENT.to_string()), "{cell}: comment text");
                    } else {
                        assert_eq!(changes, expected_changes(action, from, outcome, &w), "{cell}: changes");
                    }
                    // The trail ends with exactly these events.
                    let tail = w.ws.events.len() - events.len();
                    assert_eq!(&w.ws.events[tail..], events.as_slice(), "{cell}: trail");
                    assert_eq!(w.ws.events.len(), before.events.len() + events.len(), "{cell}: trail length");
                }
                Illegal(to) => {
                    let expected = CommandError::IllegalTransition { number, from, to, action: action.name() };
                    assert_eq!(result, Err(expected), "{cell}");
                    assert!(w.ws == before, "{cell}: a refused command changed the workspace");
                }
                NotOpen => {
                    let expected = CommandError::NotOpen { number, status: from, action: action.name() };
                    assert_eq!(result, Err(expected), "{cell}");
                    assert!(w.ws == before, "{cell}: a refused command changed the workspace");
                }
            }
        }
    }
}

/// The text of a refused move names the request, where it is, where it was
/// asked to go, the action, and where it could go instead.
#[test]
fn transition_error_texts() {
    use Status::*;
    let cases: &[(Status, Action, &str)] = &[
        (
            Closed,
            Action::StartWork,
            "request #1 is Closed: it cannot move to InProgress (start work); from Closed it can only move to Reopened",
        ),
        (
            New,
            Action::Close,
            "request #1 is New: it cannot move to Closed (close); \
             from New it can only move to InProgress, WaitingForCustomer, Resolved",
        ),
        (
            InProgress,
            Action::Reopen,
            "request #1 is InProgress: it cannot move to Reopened (reopen); \
             from InProgress it can only move to WaitingForCustomer, Resolved",
        ),
        (
            WaitingForCustomer,
            Action::Wait,
            "request #1 is WaitingForCustomer: it cannot move to WaitingForCustomer (wait for customer); \
             from WaitingForCustomer it can only move to InProgress, Resolved",
        ),
        (
            Resolved,
            Action::Resolve,
            "request #1 is Resolved: it cannot move to Resolved (resolve); \
             from Resolved it can only move to Closed, Reopened",
        ),
        (
            Reopened,
            Action::Reopen,
            "request #1 is Reopened: it cannot move to Reopened (reopen); \
             from Reopened it can only move to InProgress, WaitingForCustomer, Resolved",
        ),
        (
            Closed,
            Action::FirstResponse,
            "request #1 is Closed: recording the first response is only possible on an open request",
        ),
        (Resolved, Action::Assign, "request #1 is Resolved: assigning is only possible on an open request"),
    ];
    for (status, action, text) in cases {
        let mut w = World::new();
        let id = w.in_status(*status);
        let cmd = action.command(&w, id);
        let err = w.run(Some(w.ana), cmd).err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some(*text), "{status:?} × {action:?}");
    }
}

// ---------------------------------------------------------------------------
// Validation before mutation.

#[test]
fn refused_commands_leave_the_workspace_unchanged() {
    let mut w = World::new();
    let open = w.create_by(Some(w.ana), "Kayak paddle missing");
    w.ok(Some(w.ana), Command::RecordFirstResponse { request: open });
    let closed = w.in_status(Status::Closed);
    let field_ops = {
        let events = w.ok(None, Command::AddDepartment { name: "Field Ops".into() });
        match events.first().map(|e| &e.change) {
            Some(Change::DepartmentAdded { department, .. }) => *department,
            other => panic!("expected DepartmentAdded, got {other:?}"),
        }
    };
    let open_number = w.req(open).number;
    let closed_number = w.req(closed).number;
    let unknown = Id::from_u128(999_999);
    let (ana, ben, dee) = (w.ana, w.ben, w.dee);
    let invalid = |field: &'static str, problem: &str| CommandError::Invalid { field, problem: problem.to_string() };
    let empty = "must not be empty";
    let with_owner = |owner: Id| NewRequest { owner: Some(owner), ..NewRequest::titled("Order #4411 late") };
    let import_item = |fields: NewRequest, satisfaction: Option<u8>| ImportedRequest {
        fields,
        status: Status::Closed,
        created_at: Some(ts(T0)),
        first_response_at: None,
        resolved_at: None,
        closed_at: None,
        resolution: String::new(),
        satisfaction,
        flags: Vec::new(),
        source: "tickets.csv".into(),
    };
    let good_item = import_item(NewRequest::titled("Old ticket"), Some(3));

    let cases: Vec<(&str, Command, CommandError)> = vec![
        ("blank title", Command::CreateRequest(NewRequest::titled(" \t ")), invalid("title", empty)),
        (
            "title of 201 characters",
            Command::CreateRequest(NewRequest::titled(&"x".repeat(201))),
            invalid("title", "at most 200 characters, found 201"),
        ),
        ("inactive owner", Command::CreateRequest(with_owner(dee)), invalid("owner", "Dee Park is inactive")),
        (
            "unknown owner",
            Command::CreateRequest(with_owner(unknown)),
            CommandError::NotFound { what: "member", id: unknown },
        ),
        (
            "edit unknown request",
            Command::UpdateRequest { request: unknown, patch: RequestPatch::default() },
            CommandError::NotFound { what: "request", id: unknown },
        ),
        (
            // The good fields in the same patch must not be applied either.
            "edit with a blank title",
            Command::UpdateRequest {
                request: open,
                patch: RequestPatch {
                    title: Some("  ".into()),
                    description: Some("changed".into()),
                    urgency: Some(Urgency::Critical),
                    tags: Some(vec!["vip".into()]),
                    ..RequestPatch::default()
                },
            },
            invalid("title", empty),
        ),
        (
            "assign unknown request",
            Command::Assign { request: unknown, to: ben, reason: "r".into() },
            CommandError::NotFound { what: "request", id: unknown },
        ),
        (
            "assign to unknown member",
            Command::Assign { request: open, to: unknown, reason: "r".into() },
            CommandError::NotFound { what: "member", id: unknown },
        ),
        (
            "assign to inactive member",
            Command::Assign { request: open, to: dee, reason: "r".into() },
            invalid("assignee", "Dee Park is inactive"),
        ),
        (
            "assign to current handler",
            Command::Assign { request: open, to: ana, reason: "r".into() },
            invalid("assignee", "is already handling this request"),
        ),
        (
            "reassign without reason",
            Command::Assign { request: open, to: ben, reason: "   ".into() },
            invalid("reason", "a reassignment needs a reason"),
        ),
        (
            "assign closed request",
            Command::Assign { request: closed, to: ben, reason: "r".into() },
            CommandError::NotOpen { number: closed_number, status: Status::Closed, action: "assigning" },
        ),
        (
            "second first response",
            Command::RecordFirstResponse { request: open },
            CommandError::FirstResponseAlreadyRecorded { number: open_number },
        ),
        (
            "first response on unknown request",
            Command::RecordFirstResponse { request: unknown },
            CommandError::NotFound { what: "request", id: unknown },
        ),
        ("resolve without summary", Command::Resolve { request: open, summary: " ".into() }, invalid("summary", empty)),
        (
            "resolve unknown request",
            Command::Resolve { request: unknown, summary: "done".into() },
            CommandError::NotFound { what: "request", id: unknown },
        ),
        (
            "close with rating 0",
            Command::Close { request: open, satisfaction: Some(0) },
            invalid("satisfaction", "expected 1 to 5, found 0"),
        ),
        (
            "close with rating 6",
            Command::Close { request: open, satisfaction: Some(6) },
            invalid("satisfaction", "expected 1 to 5, found 6"),
        ),
        (
            "close an open request",
            Command::Close { request: open, satisfaction: Some(5) },
            CommandError::IllegalTransition {
                number: open_number,
                from: Status::InProgress,
                to: Status::Closed,
                action: "close",
            },
        ),
        ("reopen without reason", Command::Reopen { request: closed, reason: "".into() }, invalid("reason", empty)),
        ("blank comment", Command::AddComment { request: open, text: "\n".into() }, invalid("comment", empty)),
        (
            "comment on unknown request",
            Command::AddComment { request: unknown, text: "hello".into() },
            CommandError::NotFound { what: "request", id: unknown },
        ),
        ("blank workspace name", Command::RenameWorkspace { name: " ".into() }, invalid("workspace name", empty)),
        ("blank department", Command::AddDepartment { name: "".into() }, invalid("department name", empty)),
        (
            "duplicate department",
            Command::AddDepartment { name: " Field Ops ".into() },
            invalid("department name", "\"Field Ops\" exists already"),
        ),
        (
            "rename unknown department",
            Command::RenameDepartment { department: unknown, name: "X".into() },
            CommandError::NotFound { what: "department", id: unknown },
        ),
        (
            "rename onto another department's name",
            Command::RenameDepartment { department: w.sales, name: "Field Ops".into() },
            invalid("department name", "\"Field Ops\" exists already"),
        ),
        (
            // Ben and Cai work there; a built-in department is named by its key.
            "remove department with members",
            Command::RemoveDepartment { department: w.technical },
            CommandError::DepartmentInUse {
                department: w.technical,
                name: "technical".into(),
                members: 2,
                teams: 0,
                rows: 0,
            },
        ),
        (
            // Dee is inactive but still belongs to sales.
            "remove department with an inactive member",
            Command::RemoveDepartment { department: w.sales },
            CommandError::DepartmentInUse { department: w.sales, name: "sales".into(), members: 1, teams: 0, rows: 0 },
        ),
        (
            "remove unknown department",
            Command::RemoveDepartment { department: unknown },
            CommandError::NotFound { what: "department", id: unknown },
        ),
        (
            "blank member name",
            Command::AddMember { name: " ".into(), department: field_ops },
            invalid("member name", empty),
        ),
        (
            "member in unknown department",
            Command::AddMember { name: "Eve".into(), department: unknown },
            CommandError::NotFound { what: "department", id: unknown },
        ),
        (
            "update unknown member",
            Command::UpdateMember { member: unknown, patch: MemberPatch::default() },
            CommandError::NotFound { what: "member", id: unknown },
        ),
        (
            // The good new name must not be applied either.
            "move member to unknown department",
            Command::UpdateMember {
                member: ben,
                patch: MemberPatch {
                    name: Some("Benedict Ode".into()),
                    department: Some(unknown),
                    ..MemberPatch::default()
                },
            },
            CommandError::NotFound { what: "department", id: unknown },
        ),
        (
            "blank member rename",
            Command::UpdateMember {
                member: ben,
                patch: MemberPatch { name: Some("".into()), ..MemberPatch::default() },
            },
            invalid("member name", empty),
        ),
        (
            // The good first item must not be inserted.
            "import with a blank title second",
            Command::ImportRequests(vec![good_item.clone(), import_item(NewRequest::titled(""), None)]),
            CommandError::BadImport { index: 1, problem: "title: must not be empty".into() },
        ),
        (
            "import with a rating of 7",
            Command::ImportRequests(vec![good_item.clone(), import_item(NewRequest::titled("Ok"), Some(7))]),
            CommandError::BadImport { index: 1, problem: "satisfaction: expected 1 to 5, found 7".into() },
        ),
        (
            "import owned by an inactive member",
            Command::ImportRequests(vec![import_item(with_owner(dee), None), good_item]),
            CommandError::BadImport { index: 0, problem: "owner: Dee Park is inactive".into() },
        ),
    ];
    for (case, cmd, expected) in cases {
        let before = w.ws.clone();
        assert_eq!(w.run(Some(ana), cmd), Err(expected), "{case}");
        assert!(w.ws == before, "{case}: a refused command changed the workspace");
    }
}

// ---------------------------------------------------------------------------
// Titles: limits in characters, not bytes.

#[test]
fn title_limits_count_characters() {
    let ok = |s: String| -> Result<String, String> { Ok(s) };
    let too_long = |n: usize| -> Result<String, String> { Err(format!("title: at most 200 characters, found {n}")) };
    let empty = || -> Result<String, String> { Err("title: must not be empty".into()) };
    let cases: Vec<(&str, String, Result<String, String>)> = vec![
        ("one letter", "a".into(), ok("a".into())),
        ("200 ASCII", "a".repeat(200), ok("a".repeat(200))),
        ("201 ASCII", "a".repeat(201), too_long(201)),
        // 200 × 3 bytes = 600 bytes, still 200 characters.
        ("200 Chinese", "客".repeat(200), ok("客".repeat(200))),
        ("201 Chinese", "客".repeat(201), too_long(201)),
        // 200 × 4 bytes = 800 bytes.
        ("200 emoji", "🎒".repeat(200), ok("🎒".repeat(200))),
        ("201 emoji", "🎒".repeat(201), too_long(201)),
        // 199 + 1 = 200 characters, 199 × 3 + 4 = 601 bytes.
        ("mixed at the limit", format!("{}🎒", "帐".repeat(199)), ok(format!("{}🎒", "帐".repeat(199)))),
        // Surrounding spaces are trimmed before counting: 2 + 200 + 2 → 200.
        ("padded", format!("  {}  ", "客".repeat(200)), ok("客".repeat(200))),
        ("mixed text", "  帐篷杆断了 ⛺ pole  ".into(), ok("帐篷杆断了 ⛺ pole".into())),
        ("empty", String::new(), empty()),
        ("spaces and tabs", " \t ".into(), empty()),
        // U+3000, the ideographic space, is whitespace too.
        ("ideographic space", "\u{3000}".into(), empty()),
    ];
    for (case, title, expected) in cases {
        // Creating.
        let mut w = World::new();
        let result = w.run(Some(w.ana), Command::CreateRequest(NewRequest::titled(&title)));
        let created = result.map(|_| w.ws.requests.values().next().map(|r| r.title.clone()).unwrap_or_default());
        assert_eq!(created.map_err(|e| e.to_string()), expected, "create: {case}");

        // Editing.
        let mut w = World::new();
        let id = w.create_by(Some(w.ana), "old title");
        let patch = RequestPatch { title: Some(title.clone()), ..RequestPatch::default() };
        let result = w.run(Some(w.ana), Command::UpdateRequest { request: id, patch });
        let edited = result.map(|_| w.req(id).title.clone());
        assert_eq!(edited.map_err(|e| e.to_string()), expected, "edit: {case}");
    }
}

// ---------------------------------------------------------------------------
// Creating and editing requests.

#[test]
fn create_request_owner_and_number() {
    struct Case {
        name: &'static str,
        actor: fn(&World) -> Option<Id>,
        owner: fn(&World) -> Option<Id>,
        expected_owner: fn(&World) -> Option<Id>,
    }
    let cases = [
        // The active member who takes it in becomes first-contact owner and handler.
        Case { name: "actor owns", actor: |w| Some(w.ana), owner: |_| None, expected_owner: |w| Some(w.ana) },
        // An inactive actor cannot own requests.
        Case { name: "inactive actor", actor: |w| Some(w.dee), owner: |_| None, expected_owner: |_| None },
        Case { name: "anonymous", actor: |_| None, owner: |_| None, expected_owner: |_| None },
        // An explicit owner wins over the actor.
        Case {
            name: "explicit owner",
            actor: |w| Some(w.ana),
            owner: |w| Some(w.ben),
            expected_owner: |w| Some(w.ben),
        },
    ];
    let mut w = World::new();
    for (i, case) in cases.iter().enumerate() {
        let new = NewRequest {
            owner: (case.owner)(&w),
            tags: vec!["  vip ".into(), "vip".into(), "".into(), "return".into()],
            customer: Customer { name: "  Lee Wong ".into(), contact: " lee@example.com ".into() },
            ..NewRequest::titled("  Stove will not light ")
        };
        let actor = (case.actor)(&w);
        let events = w.ok(actor, Command::CreateRequest(new));
        let id = events.first().and_then(|e| e.request).expect("request id");
        let r = w.req(id).clone();
        let number = i as u32 + 1;
        let expected_owner = (case.expected_owner)(&w);
        assert_eq!((r.owner, r.handler), (expected_owner, expected_owner), "{}: owner and handler", case.name);
        assert_eq!(r.number, number, "{}: numbers run 1, 2, 3, …", case.name);
        assert_eq!(r.status, Status::New, "{}", case.name);
        assert_eq!((r.created_at, r.updated_at), (Some(w.now), w.now), "{}: times", case.name);
        assert_eq!(r.title, "Stove will not light", "{}: trimmed", case.name);
        assert_eq!(r.tags, vec!["vip".to_string(), "return".to_string()], "{}: tags cleaned", case.name);
        assert_eq!(r.customer.name, "Lee Wong", "{}", case.name);
        assert_eq!(
            events,
            vec![Event {
                id: events[0].id,
                at: w.now,
                actor,
                request: Some(id),
                change: Change::RequestCreated { number, title: "Stove will not light".into() },
            }],
            "{}: event",
            case.name
        );
        assert_eq!(w.ws.next_number, number + 1, "{}", case.name);
    }
}

#[test]
fn update_request_records_each_field() {
    let mut w = World::new();
    let id = w.create_by(Some(w.ana), "Jacket zip broken");
    let cases: Vec<(&str, RequestPatch, Vec<(&str, &str, &str)>)> = vec![
        // Fields are recorded in a fixed order: title … preferences, channel, urgency, tags.
        (
            "several fields",
            RequestPatch {
                tags: Some(vec!["warranty".into(), "zip".into()]),
                urgency: Some(Urgency::High),
                title: Some("Jacket zip broken again".into()),
                channel: Some(Channel::Email),
                preferences: Some(" 只在工作日联系 ".into()),
                ..RequestPatch::default()
            },
            vec![
                ("title", "Jacket zip broken", "Jacket zip broken again"),
                ("preferences", "", "只在工作日联系"),
                ("channel", "other", "email"),
                ("urgency", "medium", "high"),
                ("tags", "", "warranty, zip"),
            ],
        ),
        // The same values again (after trimming and cleaning): nothing happens.
        (
            "no change",
            RequestPatch {
                title: Some(" Jacket zip broken again ".into()),
                urgency: Some(Urgency::High),
                tags: Some(vec!["warranty".into(), " zip".into(), "zip".into()]),
                ..RequestPatch::default()
            },
            vec![],
        ),
        ("empty patch", RequestPatch::default(), vec![]),
        (
            "customer",
            RequestPatch {
                customer_name: Some("王芳".into()),
                customer_contact: Some("wang@example.com".into()),
                ..RequestPatch::default()
            },
            vec![("customer_name", "", "王芳"), ("customer_contact", "", "wang@example.com")],
        ),
    ];
    for (case, patch, expected) in cases {
        let updated_before = w.req(id).updated_at;
        let events = w.ok(Some(w.ben), Command::UpdateRequest { request: id, patch });
        // SLA target changes after an urgency edit are checked in `sla_commands`.
        let changes: Vec<Change> = events
            .iter()
            .map(|e| e.change.clone())
            .filter(|c| !matches!(c, Change::SlaTargetsChanged { .. }))
            .collect();
        let expected: Vec<Change> = expected
            .into_iter()
            .map(|(f, b, a)| Change::FieldChanged { field: f.into(), before: b.into(), after: a.into() })
            .collect();
        assert_eq!(changes, expected, "{case}");
        assert!(events.iter().all(|e| e.actor == Some(w.ben) && e.at == w.now), "{case}: who and when");
        let updated = if expected.is_empty() { updated_before } else { w.now };
        assert_eq!(w.req(id).updated_at, updated, "{case}: updated_at");
    }
}

// ---------------------------------------------------------------------------
// Assignment, ownership and returns.

#[test]
fn assignment_sequence() {
    let mut w = World::new();
    // Taken in anonymously: no owner and no handler yet.
    let id = w.create_by(None, "Bulk order quote");
    let (ana, ben, cai) = (w.ana, w.ben, w.cai);
    type After = (Option<Id>, Option<Id>, Vec<Id>, u32);
    // (to, reason, expected error text, (owner, handler, previous handlers, returns) after, changes)
    let steps: Vec<(Id, &str, Option<&str>, After, Vec<Change>)> = vec![
        // The first assignee needs no reason and becomes first-contact owner.
        (
            ben,
            "",
            None,
            (Some(ben), Some(ben), vec![], 0),
            vec![
                Change::Assigned { from: None, to: ben, reason: String::new() },
                Change::FieldChanged { field: "owner".into(), before: String::new(), after: ben.to_string() },
            ],
        ),
        // Handing it on is a reassignment: a reason is required.
        (cai, " ", Some("reason: a reassignment needs a reason"), (Some(ben), Some(ben), vec![], 0), vec![]),
        // Ben stays owner whoever handles it.
        (
            cai,
            " second opinion ",
            None,
            (Some(ben), Some(cai), vec![ben], 0),
            vec![Change::Assigned { from: Some(ben), to: cai, reason: "second opinion".into() }],
        ),
        // Back to Ben, who handled it before: one return.
        (
            ben,
            "back to the owner",
            None,
            (Some(ben), Some(ben), vec![ben, cai], 1),
            vec![Change::Assigned { from: Some(cai), to: ben, reason: "back to the owner".into() }],
        ),
        // Ana never had it: not a return.
        (
            ana,
            "customer visit",
            None,
            (Some(ben), Some(ana), vec![ben, cai, ben], 1),
            vec![Change::Assigned { from: Some(ben), to: ana, reason: "customer visit".into() }],
        ),
        // Cai had it before: the second return.
        (
            cai,
            "parts arrived",
            None,
            (Some(ben), Some(cai), vec![ben, cai, ben, ana], 2),
            vec![Change::Assigned { from: Some(ana), to: cai, reason: "parts arrived".into() }],
        ),
    ];
    for (i, (to, reason, error, after, changes)) in steps.into_iter().enumerate() {
        let result = w.run(Some(ana), Command::Assign { request: id, to, reason: reason.into() });
        match error {
            Some(text) => assert_eq!(result.err().map(|e| e.to_string()).as_deref(), Some(text), "step {i}"),
            None => {
                let events = result.unwrap_or_else(|e| panic!("step {i}: {e}"));
                let got: Vec<Change> = events.iter().map(|e| e.change.clone()).collect();
                assert_eq!(got, changes, "step {i}: changes");
                assert!(events.iter().all(|e| e.actor == Some(ana) && e.at == w.now && e.request == Some(id)));
            }
        }
        let r = w.req(id);
        assert_eq!((r.owner, r.handler, r.previous_handlers.clone(), r.return_count), after, "step {i}");
    }
}

#[test]
fn intake_member_owns_and_hands_on_with_a_reason() {
    let mut w = World::new();
    let id = w.create_by(Some(w.ana), "Boots sole peeling");
    assert_eq!((w.req(id).owner, w.req(id).handler), (Some(w.ana), Some(w.ana)));
    let refused = w.run(Some(w.ana), Command::Assign { request: id, to: w.ben, reason: String::new() });
    assert_eq!(
        refused,
        Err(CommandError::Invalid { field: "reason", problem: "a reassignment needs a reason".into() })
    );
    w.ok(Some(w.ana), Command::Assign { request: id, to: w.ben, reason: "needs the workshop".into() });
    let r = w.req(id);
    assert_eq!((r.owner, r.handler, r.previous_handlers.clone()), (Some(w.ana), Some(w.ben), vec![w.ana]));
}

// ---------------------------------------------------------------------------
// First response, resolution, closing and reopening.

#[test]
fn first_response_is_recorded_once() {
    use Status::*;
    // (status before, status after) for the open states; the time is the command's.
    let cases =
        [(New, InProgress), (InProgress, InProgress), (WaitingForCustomer, WaitingForCustomer), (Reopened, InProgress)];
    for (before, after) in cases {
        let mut w = World::new();
        let id = w.in_status(before);
        w.ok(Some(w.ana), Command::RecordFirstResponse { request: id });
        let at = w.now;
        assert_eq!((w.req(id).status, w.req(id).first_response_at), (after, Some(at)), "{before:?}");
        let again = w.run(Some(w.ana), Command::RecordFirstResponse { request: id });
        assert_eq!(again, Err(CommandError::FirstResponseAlreadyRecorded { number: 1 }), "{before:?}");
        assert_eq!(w.req(id).first_response_at, Some(at), "{before:?}: the first time stays");
    }
}

#[test]
fn resolve_close_reopen_sequence() {
    use Status::*;
    let mut w = World::new();
    let id = w.create_by(Some(w.ana), "Stove fuel valve leaks");
    let resolve = || Command::Resolve { request: id, summary: "replaced valve".into() };
    let reopen = || Command::Reopen { request: id, reason: "leaks again".into() };
    let close = |s: Option<u8>| Command::Close { request: id, satisfaction: s };
    // (command, status, reopen count, resolved now?, closed now?, rating) after each step.
    // `resolved_at` is the last time it entered Resolved, cleared while reopened.
    let steps: Vec<(Command, Status, u32, bool, bool, Option<u8>)> = vec![
        (resolve(), Resolved, 0, true, false, None),
        (close(Some(5)), Closed, 0, false, true, Some(5)),
        (reopen(), Reopened, 1, false, false, Some(5)),
        (Command::RecordFirstResponse { request: id }, InProgress, 1, false, false, Some(5)),
        (resolve(), Resolved, 1, true, false, Some(5)),
        (reopen(), Reopened, 2, false, false, Some(5)),
        (resolve(), Resolved, 2, true, false, Some(5)),
        // Closing without a rating keeps the earlier one.
        (close(None), Closed, 2, false, true, Some(5)),
        (reopen(), Reopened, 3, false, false, Some(5)),
        (resolve(), Resolved, 3, true, false, Some(5)),
        (close(Some(2)), Closed, 3, false, true, Some(2)),
    ];
    let mut resolved_at = None;
    let mut closed_at = None;
    for (i, (cmd, status, reopens, resolved_now, closed_now, rating)) in steps.into_iter().enumerate() {
        let is_reopen = matches!(cmd, Command::Reopen { .. });
        w.ok(Some(w.ana), cmd);
        if resolved_now {
            resolved_at = Some(w.now);
        }
        if closed_now {
            closed_at = Some(w.now);
        }
        if is_reopen {
            resolved_at = None;
            closed_at = None;
        }
        let r = w.req(id);
        assert_eq!(
            (r.status, r.reopen_count, r.resolved_at, r.closed_at, r.satisfaction),
            (status, reopens, resolved_at, closed_at, rating),
            "step {i}"
        );
    }
    assert_eq!(w.req(id).resolution, "replaced valve");
    // Ratings recorded: none → 5, then 5 → 2; closing unrated records nothing.
    let ratings: Vec<(Option<u8>, Option<u8>)> =
        w.ws.trail_of(id)
            .filter_map(|e| match e.change {
                Change::SatisfactionRecorded { before, after } => Some((before, after)),
                _ => None,
            })
            .collect();
    assert_eq!(ratings, vec![(None, Some(5)), (Some(5), Some(2))]);
}

#[test]
fn close_ratings() {
    // (rating, accepted?, rating kept, SatisfactionRecorded recorded?)
    let cases: &[(Option<u8>, bool, Option<u8>, bool)] = &[
        (None, true, None, false),
        (Some(1), true, Some(1), true),
        (Some(3), true, Some(3), true),
        (Some(5), true, Some(5), true),
        (Some(0), false, None, false),
        (Some(6), false, None, false),
        (Some(255), false, None, false),
    ];
    for &(rating, accepted, kept, recorded) in cases {
        let mut w = World::new();
        let id = w.in_status(Status::Resolved);
        let result = w.run(Some(w.ana), Command::Close { request: id, satisfaction: rating });
        assert_eq!(result.is_ok(), accepted, "{rating:?}");
        assert_eq!(w.req(id).satisfaction, kept, "{rating:?}");
        let has_event = w.ws.events.iter().any(|e| matches!(e.change, Change::SatisfactionRecorded { .. }));
        assert_eq!(has_event, recorded, "{rating:?}");
        let expected_status = if accepted { Status::Closed } else { Status::Resolved };
        assert_eq!(w.req(id).status, expected_status, "{rating:?}");
    }
}

#[test]
fn comments_keep_author_time_and_order() {
    let mut w = World::new();
    let id = w.create_by(Some(w.ana), "Tent delivered to wrong address");
    let cases = [(w.ana, "  已联系快递 "), (w.ben, "Courier will redeliver Friday 🚚"), (w.ana, "客户确认收到")];
    for (author, text) in cases {
        w.ok(Some(author), Command::AddComment { request: id, text: text.into() });
    }
    let got: Vec<(Option<Id>, String)> = w.req(id).comments.iter().map(|c| (c.author, c.text.clone())).collect();
    let expected: Vec<(Option<Id>, String)> = cases.iter().map(|(a, t)| (Some(*a), t.trim().to_string())).collect();
    assert_eq!(got, expected);
    // Comments are allowed on a closed request too (late notes from the customer).
    let closed = w.in_status(Status::Closed);
    w.ok(Some(w.ben), Command::AddComment { request: closed, text: "Customer sent a thank-you".into() });
    assert_eq!(w.req(closed).comments.len(), 1);
}

// ---------------------------------------------------------------------------
// Workspace, departments and members.

#[test]
fn workspace_departments_and_members() {
    let mut w = World::new();
    let dept_added = |events: &[Event]| match events.first().map(|e| &e.change) {
        Some(Change::DepartmentAdded { department, .. }) => *department,
        other => panic!("expected DepartmentAdded, got {other:?}"),
    };
    let field_ops = dept_added(&w.ok(Some(w.ana), Command::AddDepartment { name: " Field Ops ".into() }));
    let eve = w.member("Eve Adams", field_ops);
    let (service, sales) = (w.service, w.sales);

    let patch = |name: Option<&str>, department: Option<Id>, active: Option<bool>| MemberPatch {
        name: name.map(str::to_string),
        department,
        active,
        ..MemberPatch::default()
    };
    // (case, command, expected result: Ok(changes) or Err(text))
    let cases: Vec<(&str, Command, Result<Vec<Change>, String>)> = vec![
        (
            "rename workspace",
            Command::RenameWorkspace { name: " 港湾户外试点 ".into() },
            Ok(vec![Change::WorkspaceRenamed { before: "Pilot".into(), after: "港湾户外试点".into() }]),
        ),
        ("rename workspace to the same", Command::RenameWorkspace { name: "港湾户外试点".into() }, Ok(vec![])),
        (
            "rename department",
            Command::RenameDepartment { department: field_ops, name: "Field Operations".into() },
            Ok(vec![Change::DepartmentRenamed {
                department: field_ops,
                before: "Field Ops".into(),
                after: "Field Operations".into(),
            }]),
        ),
        (
            "rename department to the same",
            Command::RenameDepartment { department: field_ops, name: "Field Operations".into() },
            Ok(vec![]),
        ),
        (
            // A built-in department has no name of its own until renamed.
            "rename built-in department",
            Command::RenameDepartment { department: sales, name: "销售部".into() },
            Ok(vec![Change::DepartmentRenamed { department: sales, before: "".into(), after: "销售部".into() }]),
        ),
        (
            "remove department with a member",
            Command::RemoveDepartment { department: field_ops },
            Err("department \"Field Operations\" still has 1 member(s), 0 team(s) and 0 responsibility row(s): move or change them first".into()),
        ),
        (
            "move member",
            Command::UpdateMember { member: eve, patch: patch(None, Some(service), None) },
            Ok(vec![Change::MemberChanged {
                member: eve,
                field: "department".into(),
                before: field_ops.to_string(),
                after: service.to_string(),
            }]),
        ),
        (
            "remove emptied department",
            Command::RemoveDepartment { department: field_ops },
            Ok(vec![Change::DepartmentRemoved { department: field_ops, name: "Field Operations".into() }]),
        ),
        (
            "rename and deactivate member",
            Command::UpdateMember { member: eve, patch: patch(Some(" 伊芙 "), Some(service), Some(false)) },
            Ok(vec![
                Change::MemberChanged {
                    member: eve,
                    field: "name".into(),
                    before: "Eve Adams".into(),
                    after: "伊芙".into(),
                },
                Change::MemberChanged {
                    member: eve,
                    field: "active".into(),
                    before: "true".into(),
                    after: "false".into(),
                },
            ]),
        ),
        (
            "member patch with no change",
            Command::UpdateMember { member: eve, patch: patch(Some("伊芙"), None, Some(false)) },
            Ok(vec![]),
        ),
        (
            "remove department gone already",
            Command::RemoveDepartment { department: field_ops },
            Err(format!("no department with id {field_ops}")),
        ),
    ];
    for (case, cmd, expected) in cases {
        let before = w.ws.clone();
        let result = w.run(Some(w.ana), cmd);
        match (result, expected) {
            (Ok(events), Ok(changes)) => {
                let got: Vec<Change> = events.iter().map(|e| e.change.clone()).collect();
                assert_eq!(got, changes, "{case}");
                for e in &events {
                    assert!(e.change.is_workspace_level(), "{case}: {e:?}");
                    assert_eq!((e.actor, e.at, e.request), (Some(w.ana), w.now, None), "{case}");
                }
            }
            (Err(e), Err(text)) => {
                assert_eq!(e.to_string(), text, "{case}");
                assert!(w.ws == before, "{case}: a refused command changed the workspace");
            }
            (got, want) => panic!("{case}: got {got:?}, want {want:?}"),
        }
    }
    assert_eq!(w.ws.name, "港湾户外试点");
    assert_eq!(w.ws.departments.len(), 4);
    let eve_now = w.ws.member(eve).cloned();
    assert_eq!(eve_now, Some(Member { active: false, ..Member::new(eve, "伊芙", service) }));
    // An inactive member can no longer be assigned.
    let id = w.create_by(None, "Rental return");
    let refused = w.run(None, Command::Assign { request: id, to: eve, reason: String::new() });
    assert_eq!(refused, Err(CommandError::Invalid { field: "assignee", problem: "伊芙 is inactive".into() }));
}

// ---------------------------------------------------------------------------
// Import.

#[test]
fn import_keeps_history_and_missing_times() {
    let mut w = World::new();
    w.create_by(Some(w.ana), "Typed in first");
    let at = |h: i64| ts(T0) - chrono::TimeDelta::hours(h);
    let item = |title: &str, status: Status, times: [Option<i64>; 4], rating: Option<u8>, flags: Vec<DataFlag>| {
        ImportedRequest {
            fields: NewRequest { channel: Channel::Email, urgency: Urgency::High, ..NewRequest::titled(title) },
            status,
            created_at: times[0].map(at),
            first_response_at: times[1].map(at),
            resolved_at: times[2].map(at),
            closed_at: times[3].map(at),
            resolution: "refunded".into(),
            satisfaction: rating,
            flags,
            source: format!("tickets.csv row {title}"),
        }
    };
    let items = vec![
        item("2", Status::Closed, [Some(50), Some(48), Some(30), Some(20)], Some(5), vec![]),
        // No creation time, resolved before answered: kept as given, with its flag.
        item(
            "3",
            Status::Resolved,
            [None, Some(10), Some(12), None],
            None,
            vec![DataFlag::ResolvedBeforeFirstResponse],
        ),
        item("4", Status::New, [Some(1), None, None, None], None, vec![]),
    ];
    let events = w.ok(Some(w.ana), Command::ImportRequests(items.clone()));
    // Numbers continue after the typed-in request #1.
    let got: Vec<(u32, String)> = events
        .iter()
        .map(|e| match &e.change {
            Change::RequestImported { number, source } => (*number, source.clone()),
            other => panic!("expected RequestImported, got {other:?}"),
        })
        .collect();
    let expected: Vec<(u32, String)> = (2..=4).map(|n| (n, format!("tickets.csv row {n}"))).collect();
    assert_eq!(got, expected);
    assert_eq!(w.ws.next_number, 5);
    for (e, item) in events.iter().zip(&items) {
        assert_eq!((e.actor, e.at), (Some(w.ana), w.now));
        let r = e.request.and_then(|id| w.ws.request(id)).expect("imported request");
        assert_eq!(
            (r.status, r.created_at, r.first_response_at, r.resolved_at, r.closed_at),
            (item.status, item.created_at, item.first_response_at, item.resolved_at, item.closed_at),
            "{}",
            r.title
        );
        assert_eq!(
            (r.satisfaction, &r.flags, r.source.as_deref()),
            (item.satisfaction, &item.flags, Some(item.source.as_str()))
        );
        assert_eq!((r.channel, r.urgency, r.resolution.as_str()), (Channel::Email, Urgency::High, "refunded"));
        assert_eq!((r.owner, r.reopen_count, r.return_count), (None, 0, 0));
    }
    // An empty import changes nothing and records nothing.
    let before = w.ws.clone();
    assert_eq!(w.run(Some(w.ana), Command::ImportRequests(vec![])), Ok(vec![]));
    assert!(w.ws == before);
}

// ---------------------------------------------------------------------------
// The trail as a whole.

#[test]
fn trail_is_append_only_with_unique_ids() {
    let mut w = World::new();
    let id = w.in_status(Status::Reopened);
    w.ok(Some(w.ben), Command::AddComment { request: id, text: "looking at it".into() });
    let mut seen = std::collections::BTreeSet::new();
    for e in &w.ws.events {
        assert!(seen.insert(e.id), "event id {} used twice", e.id);
    }
    let times: Vec<Timestamp> = w.ws.events.iter().map(|e| e.at).collect();
    assert!(times.windows(2).all(|p| p[0] <= p[1]), "events are in time order");
    // The request's own trail: created, resolved, reopened, commented.
    let kinds: Vec<&str> =
        w.ws.trail_of(id)
            .map(|e| match &e.change {
                Change::RequestCreated { .. } => "created",
                Change::StatusChanged { to: Status::Resolved, .. } => "resolved",
                Change::StatusChanged { to: Status::Reopened, .. } => "reopened",
                Change::CommentAdded { .. } => "comment",
                _ => "other",
            })
            .collect();
    assert_eq!(kinds, vec!["created", "resolved", "reopened", "comment"]);
}
