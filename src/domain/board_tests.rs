//! Table-driven tests of the task board, through `apply` where a command is
//! involved: the position arithmetic (between two cards, at the ends, many
//! moves in a row, rebalancing), WIP counting, the rule that a request with
//! open tasks is resolved only with a reason, due dates as calendar dates,
//! splitting a request by template, and refusals that leave the workspace
//! exactly as it was. Expected values are worked out by hand in the comments.

#![allow(clippy::type_complexity)]

use chrono::{NaiveDate, TimeDelta};

use super::board::*;
use super::sample::SampleLang;
use super::*;

/// Shanghai calendar; Ana (service), Dee (technical); request #1 (a
/// complaint); the clock starts Monday 2 Nov 2026 09:00 Shanghai and each
/// command runs one minute after the previous.
struct World {
    ws: Workspace,
    ids: SeqIds,
    now: Timestamp,
    sales: Id,
    service: Id,
    technical: Id,
    ana: Id,
    dee: Id,
    request: Id,
}

impl World {
    fn new() -> World {
        let mut ids = SeqIds::new(1);
        let now = ts("2026-11-02T01:00:00Z");
        let ws = Workspace::with_default_departments(&mut ids, "Board", now);
        let (sales, service, technical) = (ws.departments[0].id, ws.departments[1].id, ws.departments[3].id);
        let nil = Id::nil();
        let mut w = World { ws, ids, now, sales, service, technical, ana: nil, dee: nil, request: nil };
        w.ok(None, Command::SetCalendar(BusinessCalendar::standard("Asia/Shanghai")));
        w.ana = w.member("Ana", service);
        w.dee = w.member("Dee", technical);
        let events = w.ok(
            Some(w.ana),
            Command::CreateRequest(NewRequest {
                category: "Complaint".into(),
                customer: Customer { name: "张伟".into(), contact: String::new() },
                ..NewRequest::titled("打印机卡纸 🖨️")
            }),
        );
        w.request = events.first().and_then(|e| e.request).expect("created");
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
    fn refused(&mut self, cmd: Command) -> CommandError {
        let before = self.ws.clone();
        let shown = format!("{cmd:?}");
        let e = self.run(Some(self.ana), cmd).err().unwrap_or_else(|| panic!("{shown} was accepted"));
        assert_eq!(self.ws, before, "{shown}: the workspace changed although refused");
        e
    }

    fn member(&mut self, name: &str, department: Id) -> Id {
        let events = self.ok(None, Command::AddMember { name: name.into(), department });
        match events.first().map(|e| &e.change) {
            Some(Change::MemberAdded { member, .. }) => *member,
            other => panic!("expected MemberAdded, got {other:?}"),
        }
    }

    /// Adds a task at the bottom of `column` and returns its id.
    fn task(&mut self, title: &str, column: &str) -> Id {
        let new = NewTask { column: column.into(), ..NewTask::titled(title) };
        let events = self.ok(Some(self.ana), Command::AddTask(new));
        match events.last().map(|e| &e.change) {
            Some(Change::TaskCreated { task, .. }) => *task,
            other => panic!("expected TaskCreated, got {other:?}"),
        }
    }

    fn titles(&self, column: &str) -> Vec<String> {
        column_order(self.ws.tasks.values(), column).iter().map(|t| t.title.clone()).collect()
    }

    fn id_of(&self, title: &str) -> Id {
        self.ws.tasks.values().find(|t| t.title == title).map(|t| t.id).expect("task exists")
    }

    fn mv(&mut self, title: &str, column: &str, anchor: Anchor) -> Vec<Event> {
        let task = self.id_of(title);
        self.ok(Some(self.ana), Command::MoveTask { task, column: column.into(), anchor })
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn keys_between_neighbours() {
    const M: u64 = MAX_POSITION;
    // (case, before, after, expected key)
    let cases: [(&str, Option<u64>, Option<u64>, Option<u64>); 10] = [
        ("empty column", None, None, Some(GAP)),
        ("after the last card: one gap on", Some(5 * GAP), None, Some(6 * GAP)),
        ("before the first card: one gap back", None, Some(5 * GAP), Some(4 * GAP)),
        ("between two cards: the middle", Some(GAP), Some(2 * GAP), Some(GAP + GAP / 2)),
        ("between 10 and 13: 10 + 3/2 = 11", Some(10), Some(13), Some(11)),
        ("between 7 and 9: 8", Some(7), Some(9), Some(8)),
        ("between 7 and 8: no whole number", Some(7), Some(8), None),
        ("before a first card at 1: nothing above 0", None, Some(1), None),
        // Near the top of the range: the middle of (M − 10, M + 1) is M − 10 + 5.
        ("after a card near the maximum", Some(M - 10), None, Some(M - 5)),
        ("after a card at the maximum", Some(M), None, None),
    ];
    for (case, before, after, expected) in cases {
        assert_eq!(key_between(before, after), expected, "{case}");
    }
}

#[test]
fn placing_with_and_without_rebalancing() {
    let id = |n: u128| Id::from_u128(n);
    // (case, other cards as (id, key), index, expected key, expected renumbered)
    let cases: [(&str, Vec<(Id, u64)>, usize, u64, Vec<(Id, u64)>); 5] = [
        ("at the top of an empty column", vec![], 0, GAP, vec![]),
        ("at the end", vec![(id(1), GAP), (id(2), 2 * GAP)], 2, 3 * GAP, vec![]),
        ("in the middle", vec![(id(1), GAP), (id(2), 2 * GAP)], 1, GAP + GAP / 2, vec![]),
        // 101 and 102 leave no room. Radius 1: the window is cards 1 and 2,
        // bounded by card 0 (100) below and card 3 (4 × 2^20 = 4,194,304)
        // above; three cards (two and the new one) in a room of 4,194,204 get
        // steps of 4,194,204 / 4 = 1,048,551 (under GAP, over 2^16): card 1 at
        // 1,048,651, the new card at 2,097,202, card 2 at 3,145,753.
        (
            "no room: a small window is spread",
            vec![(id(1), 100), (id(2), 101), (id(3), 102), (id(4), 4 * GAP)],
            2,
            2_097_202,
            vec![(id(2), 1_048_651), (id(3), 3_145_753)],
        ),
        // A first card at 1 leaves nothing above 0. Radius 1: window = card 0,
        // reaching the start (low 0), bounded by card 1 at 2^20: step =
        // 2^20 / 3 = 349,525: new card 349,525, card 0 moves to 699,050.
        ("no room at the top", vec![(id(1), 1), (id(2), GAP)], 0, 349_525, vec![(id(1), 699_050)]),
    ];
    for (case, others, index, key, renumbered) in cases {
        let p = place(&others, index);
        assert_eq!((p.position, p.renumbered), (key, renumbered), "{case}");
    }
}

/// Forty cards dropped one after another into the same gap, each right
/// after the first card: after twenty the gap is used up and the
/// neighbourhood is renumbered, and the order always comes out as dropped.
#[test]
fn many_drops_into_one_gap() {
    let mut others: Vec<(Id, u64)> = vec![(Id::from_u128(1), GAP), (Id::from_u128(2), 2 * GAP)];
    let mut rebalances = Vec::new();
    for n in 0..40u128 {
        let p = place(&others, 1);
        if !p.renumbered.is_empty() {
            rebalances.push((n, p.position, p.renumbered.clone()));
            for (id, key) in &p.renumbered {
                if let Some(slot) = others.iter_mut().find(|(o, _)| o == id) {
                    slot.1 = *key;
                }
            }
        }
        others.insert(1, (Id::from_u128(100 + n), p.position));
        let keys: Vec<u64> = others.iter().map(|(_, k)| *k).collect();
        assert!(keys.windows(2).all(|w| w[0] < w[1]), "after drop {n}: keys out of order {keys:?}");
        assert!(keys.iter().all(|k| (1..=MAX_POSITION).contains(k)), "after drop {n}");
    }
    // Drop k lands 2^(20 − k) after card 1, so drops 1 to 20 fit and the
    // 21st (n = 20) finds the last dropped card at 2^20 + 1. Radius 1: the
    // window is card 1 and that card, from 0 up to the card after them
    // (2^20 + 2): steps of (2^20 + 2) / 4 = 262,144, so card 1 goes to
    // 262,144, the new card to 524,288 and the last dropped one to 786,432.
    // That leaves 2^18: 18 more drops fit, and the 40th (n = 39) spreads
    // (2^18 + 2) / 4 = 65,536 = 2^16 apart the same way.
    let first = Id::from_u128(1);
    assert_eq!(
        rebalances,
        vec![
            (20, 524_288, vec![(first, 262_144), (Id::from_u128(119), 786_432)]),
            (39, 131_072, vec![(first, 65_536), (Id::from_u128(138), 196_608)]),
        ]
    );
    // The last card dropped is first after card 1; the first dropped is just before card 2.
    assert_eq!(others[1].0, Id::from_u128(139));
    assert_eq!(others[40].0, Id::from_u128(100));
}

#[test]
fn moves_keep_an_explicit_order() {
    let mut w = World::new();
    for t in ["a", "b", "c", "d"] {
        w.task(t, "todo");
    }
    assert_eq!(w.titles("todo"), strings(&["a", "b", "c", "d"]));
    let (a, c) = (w.id_of("a"), w.id_of("c"));
    // (case, card, column, anchor, expected order of To do, expected order of Doing)
    let cases: [(&str, &str, &str, Anchor, &[&str], &[&str]); 7] = [
        ("d to the top", "d", "todo", Anchor::Top, &["d", "a", "b", "c"], &[]),
        ("d after c (to the end)", "d", "todo", Anchor::After(c), &["a", "b", "c", "d"], &[]),
        ("b before a", "b", "todo", Anchor::Before(a), &["b", "a", "c", "d"], &[]),
        ("c to Doing", "c", "doing", Anchor::Bottom, &["b", "a", "d"], &["c"]),
        ("a to Doing above c", "a", "doing", Anchor::Before(c), &["b", "d"], &["a", "c"]),
        ("b to Doing after a", "b", "doing", Anchor::After(a), &["d"], &["a", "b", "c"]),
        ("c back to the top of To do", "c", "todo", Anchor::Top, &["c", "d"], &["a", "b"]),
    ];
    for (case, title, column, anchor, todo, doing) in cases {
        let events = w.mv(title, column, anchor);
        assert!(matches!(events.last().map(|e| &e.change), Some(Change::TaskMoved { .. })), "{case}: {events:?}");
        assert_eq!((w.titles("todo"), w.titles("doing")), (strings(todo), strings(doing)), "{case}");
    }
    // Moving a card to where it is already changes nothing and records nothing.
    let d = w.id_of("d");
    assert_eq!(w.mv("c", "todo", Anchor::Before(d)), Vec::new());
    assert_eq!(w.mv("b", "doing", Anchor::After(a)), Vec::new());
    // A move between columns records both columns and restarts the time in column.
    let before = w.ws.tasks[&c].column_since;
    let events = w.mv("c", "waiting", Anchor::Bottom);
    assert_eq!(
        events.iter().map(|e| e.change.clone()).collect::<Vec<_>>(),
        vec![Change::TaskMoved { task: c, from: "todo".into(), to: "waiting".into() }]
    );
    assert!(w.ws.tasks[&c].column_since > before);
}

/// Thirty moves in a row, each putting the last card of To do right after
/// the first: the keys run out, the neighbourhood is renumbered (recorded,
/// with the cards it touched), and the order is always the expected one.
#[test]
fn many_moves_in_a_row_and_rebalancing() {
    let mut w = World::new();
    let titles: Vec<String> = (0..32).map(|i| format!("t{i:02}")).collect();
    for t in &titles {
        w.task(t, "todo");
    }
    let mut expected = titles.clone();
    let mut renumbered = Vec::new();
    for _ in 0..30 {
        let last = expected.pop().expect("cards");
        let first = w.id_of(&expected[0]);
        let events = w.mv(&last, "todo", Anchor::After(first));
        expected.insert(1, last);
        for e in events {
            if let Change::TasksRenumbered { column, tasks } = e.change {
                assert_eq!((column.as_str(), e.request), ("todo", None));
                renumbered.push(tasks.len());
            }
        }
        assert_eq!(w.titles("todo"), expected);
    }
    // As in `many_drops_into_one_gap`: twenty halvings of the gap after t00,
    // then the 21st move renumbers two cards (t00 and the card moved just
    // before); the next rebalance would come 18 moves later, after the 30th.
    assert_eq!(renumbered, vec![2]);
}

#[test]
fn editing_a_card_never_reorders_others_and_ties_are_deterministic() {
    let mut w = World::new();
    for t in ["a", "b", "c"] {
        w.task(t, "todo");
    }
    let keys = |w: &World| w.ws.tasks.values().map(|t| (t.id, t.position, t.column.clone())).collect::<Vec<_>>();
    let before = keys(&w);
    let b = w.id_of("b");
    let patch = TaskPatch {
        title: Some("b, renamed 改名".into()),
        assignee: Some(Some(w.dee)),
        due: Some(Some(date(2026, 11, 20))),
        labels: Some(strings(&["vip", " vip ", "现场"])),
        department: Some(Some(w.technical)),
    };
    let events = w.ok(Some(w.ana), Command::UpdateTask { task: b, patch });
    let fields: Vec<(String, String)> = events
        .iter()
        .filter_map(|e| match &e.change {
            Change::TaskChanged { field, after, .. } => Some((field.clone(), after.clone())),
            _ => None,
        })
        .collect();
    let expected = [
        ("title", "b, renamed 改名".to_string()),
        ("department", w.technical.to_string()),
        ("assignee", w.dee.to_string()),
        ("due", "2026-11-20".to_string()),
        ("labels", "vip, 现场".to_string()),
    ];
    assert_eq!(fields, expected.map(|(f, a)| (f.to_string(), a)).to_vec());
    assert_eq!(keys(&w), before);
    assert_eq!(w.titles("todo"), strings(&["a", "b, renamed 改名", "c"]));
    // Equal keys (two browsers' snapshots joined, say): the lower id comes first.
    let ids: Vec<Id> = w.ws.tasks.keys().copied().collect();
    for id in &ids {
        if let Some(t) = w.ws.tasks.get_mut(id) {
            t.position = 7;
        }
    }
    let order: Vec<Id> = column_order(w.ws.tasks.values().rev(), "todo").iter().map(|t| t.id).collect();
    assert_eq!(order, ids);
}

#[test]
fn wip_counts_against_limits() {
    let mut w = World::new();
    for (t, column) in [("a", "todo"), ("b", "doing"), ("c", "doing"), ("d", "doing"), ("e", "done")] {
        w.task(t, column);
    }
    w.ok(
        None,
        Command::UpdateColumn {
            column: "doing".into(),
            patch: ColumnPatch { wip_limit: Some(Some(2)), ..Default::default() },
        },
    );
    w.ok(
        None,
        Command::UpdateColumn {
            column: "todo".into(),
            patch: ColumnPatch { wip_limit: Some(Some(1)), ..Default::default() },
        },
    );
    let wip = column_wip(&w.ws.board, w.ws.tasks.values());
    let got: Vec<(&str, usize, Option<u32>, bool)> =
        wip.iter().map(|(k, x)| (k.as_str(), x.count, x.limit, x.over())).collect();
    // Doing has 3 of 2: over. To do has 1 of 1: at the limit, not over.
    assert_eq!(
        got,
        vec![
            ("todo", 1, Some(1), false),
            ("doing", 3, Some(2), true),
            ("waiting", 0, None, false),
            ("done", 1, None, false)
        ]
    );
    // Lanes count open cards only: Dee has b, c (Doing) and e (Done) → 2 open.
    for t in ["b", "c", "e"] {
        let task = w.id_of(t);
        w.ok(
            None,
            Command::UpdateTask { task, patch: TaskPatch { assignee: Some(Some(w.dee)), ..Default::default() } },
        );
    }
    w.ok(None, Command::SetLaneLimit { lane_type: LaneType::Assignee, lane: w.dee, limit: Some(1) });
    let dee = lane_wip(&w.ws.board, w.ws.tasks.values(), LaneType::Assignee, w.dee);
    assert_eq!((dee.count, dee.limit, dee.over()), (2, Some(1), true));
    let ana = lane_wip(&w.ws.board, w.ws.tasks.values(), LaneType::Assignee, w.ana);
    assert_eq!((ana.count, ana.limit, ana.over()), (0, None, false));
    // All lanes at once: only Dee's; the unassigned a and d are not counted.
    let lanes = open_by_lane(&w.ws.board, w.ws.tasks.values(), LaneType::Assignee);
    assert_eq!(lanes.into_iter().collect::<Vec<_>>(), vec![(w.dee, 2)]);
    // By department: none of them has one.
    assert!(open_by_lane(&w.ws.board, w.ws.tasks.values(), LaneType::Department).is_empty());
    // Going over is allowed: a fourth card into Doing is accepted.
    w.mv("a", "doing", Anchor::Top);
    assert_eq!(column_wip(&w.ws.board, w.ws.tasks.values())[1].1, Wip { count: 4, limit: Some(2) });
    // Removing the limit is recorded like setting it.
    let events = w.ok(None, Command::SetLaneLimit { lane_type: LaneType::Assignee, lane: w.dee, limit: None });
    assert_eq!(
        events[0].change,
        Change::LaneLimitSet { lane_type: LaneType::Assignee, lane: w.dee, before: Some(1), after: None }
    );
}

#[test]
fn a_request_with_open_tasks_is_resolved_only_with_a_reason() {
    let mut w = World::new();
    let r = w.request;
    // No tasks: an ordinary resolution is possible (checked on a copy).
    let mut copy = World::new();
    copy.ok(Some(copy.ana), Command::Resolve { request: copy.request, summary: "done".into() });
    let steps = builtin_steps(&w.ws, "complaint", SampleLang::En);
    w.ok(Some(w.ana), Command::SplitRequest { request: r, steps });
    assert_eq!(open_tasks(&w.ws, r), 3);
    let resolve = |summary: &str| Command::Resolve { request: r, summary: summary.into() };
    assert_eq!(w.refused(resolve("fixed")), CommandError::OpenTasks { number: 1, open: 3 });
    // With open tasks, a reason is required.
    let anyway =
        |reason: &str| Command::ResolveWithOpenTasks { request: r, summary: "fixed".into(), reason: reason.into() };
    assert_eq!(w.refused(anyway("  ")), CommandError::Invalid { field: "reason", problem: "must not be empty".into() });
    // Two of three done: still one open.
    let ids: Vec<Id> = tasks_of(&w.ws, r).iter().map(|t| t.id).collect();
    for id in &ids[..2] {
        w.ok(Some(w.ana), Command::MoveTask { task: *id, column: "done".into(), anchor: Anchor::Bottom });
    }
    assert_eq!(request_progress(&w.ws, r), (2, 3));
    assert_eq!(progress_by_request(&w.ws).into_iter().collect::<Vec<_>>(), vec![(r, (2, 3))]);
    assert_eq!(w.refused(resolve("fixed")), CommandError::OpenTasks { number: 1, open: 1 });
    let events = w.ok(Some(w.ana), anyway("客户已满意，补偿不再需要"));
    let changes: Vec<Change> = events.iter().map(|e| e.change.clone()).collect();
    assert_eq!(
        changes,
        vec![
            Change::ResolvedWithOpenTasks { open: 1, reason: "客户已满意，补偿不再需要".into() },
            Change::StatusChanged { from: Status::New, to: Status::Resolved, note: "fixed".into() },
        ]
    );
    assert!(events.iter().all(|e| e.request == Some(r)));
    assert_eq!(w.ws.request(r).map(|x| x.status), Some(Status::Resolved));
    // Reopened and all tasks done: resolved the ordinary way.
    w.ok(Some(w.ana), Command::Reopen { request: r, reason: "again".into() });
    w.ok(Some(w.ana), Command::MoveTask { task: ids[2], column: "done".into(), anchor: Anchor::Bottom });
    w.ok(Some(w.ana), resolve("all done"));
    // A column marked done counts as done: moving a task back to To do reopens it.
    w.ok(Some(w.ana), Command::Reopen { request: r, reason: "again".into() });
    w.ok(Some(w.ana), Command::MoveTask { task: ids[0], column: "todo".into(), anchor: Anchor::Top });
    assert_eq!(w.refused(resolve("x")), CommandError::OpenTasks { number: 1, open: 1 });
    w.ok(
        None,
        Command::UpdateColumn { column: "todo".into(), patch: ColumnPatch { done: Some(true), ..Default::default() } },
    );
    w.ok(Some(w.ana), resolve("all done"));
}

#[test]
fn due_dates_are_calendar_dates() {
    let mut w = World::new();
    // "Today" where the workspace works: 2026-11-20 16:30 UTC is already the
    // 21st in Shanghai (UTC+8), still the 20th in Los Angeles (UTC−8).
    let at = ts("2026-11-20T16:30:00Z");
    let cases = [
        ("Asia/Shanghai", date(2026, 11, 21)),
        ("America/Los_Angeles", date(2026, 11, 20)),
        ("UTC", date(2026, 11, 20)),
        ("Not/AZone", date(2026, 11, 20)),
    ];
    for (zone, expected) in cases {
        let mut ws = w.ws.clone();
        ws.calendar.zone = zone.into();
        assert_eq!(today(&ws, at), expected, "{zone}");
    }
    // Text as a date field gives it, and nothing else.
    let parsed = [
        ("2026-11-20", Some(date(2026, 11, 20))),
        (" 2026-02-28 ", Some(date(2026, 2, 28))),
        ("2026-02-30", None),
        ("2026-2-3", None),
        ("20/11/2026", None),
        ("2026-11-20T00:00:00Z", None),
        ("２０２６-11-20", None),
        ("", None),
    ];
    for (text, expected) in parsed {
        assert_eq!(parse_date(text), expected, "{text:?}");
    }
    assert_eq!(fmt_date(date(2026, 1, 5)), "2026-01-05");
    assert_eq!(due_after(date(2026, 12, 30), 3), Some(date(2027, 1, 2)));
    // Overdue: open and due before today; the due day itself is not overdue.
    let id = w.task("call back", "todo");
    w.ok(
        None,
        Command::UpdateTask {
            task: id,
            patch: TaskPatch { due: Some(Some(date(2026, 11, 20))), ..Default::default() },
        },
    );
    let t = w.ws.tasks[&id].clone();
    assert!(!t.is_overdue(&w.ws.board, date(2026, 11, 20)));
    assert!(t.is_overdue(&w.ws.board, date(2026, 11, 21)));
    let mut done = t.clone();
    done.column = "done".into();
    assert!(!done.is_overdue(&w.ws.board, date(2026, 12, 1)));
    // A date survives storage as the same date text.
    let json = crate::persist::snapshot::encode(&t).unwrap_or_default();
    assert!(json.contains("\"due\":\"2026-11-20\""), "{json}");
    // Split at 23:30 Sunday 1 Nov UTC: already Monday 2 Nov in Shanghai, so a
    // step due in 1 day is due Tuesday 3 Nov, whoever looks at it from where.
    w.now = ts("2026-11-01T23:29:00Z");
    let steps =
        vec![TemplateStep { department: w.service, title: "回电".into(), checklist: vec![], due_in_days: Some(1) }];
    w.ok(Some(w.ana), Command::SplitRequest { request: w.request, steps });
    let due: Vec<Option<NaiveDate>> = tasks_of(&w.ws, w.request).iter().map(|t| t.due).collect();
    assert_eq!(due, vec![Some(date(2026, 11, 3))]);
}

#[test]
fn splitting_a_request_by_template() {
    // Built-in templates by the words of a category, in either language.
    let chosen = [
        ("Complaint", "complaint"),
        ("投诉", "complaint"),
        ("客户投诉（门店）", "complaint"),
        ("Warranty", "warranty"),
        ("维修", "warranty"),
        ("Delivery", "order"),
        ("退款", "order"),
        ("促销活动", "promotion"),
        ("Billing inquiry", "general"),
        ("", "general"),
    ];
    for (category, name) in chosen {
        assert_eq!(builtin_for(category), name, "{category:?}");
    }
    let mut w = World::new();
    let (en, zh) =
        (builtin_steps(&w.ws, "complaint", SampleLang::En), builtin_steps(&w.ws, "complaint", SampleLang::Zh));
    let depts: Vec<Id> = en.iter().map(|s| s.department).collect();
    assert_eq!(depts, vec![w.service, w.technical, w.sales]);
    assert_eq!(en[0].title, "Call the customer back and apologise");
    assert_eq!(zh[0].title, "回电客户并致歉");
    assert_eq!((en[0].checklist.len(), en[0].due_in_days), (2, Some(1)));
    // The request is a complaint: the built-in complaint template, until the
    // workspace has its own for the category (matched without regard to case).
    let request = w.ws.request(w.request).cloned().expect("request");
    assert_eq!(split_plan(&w.ws, &request, SampleLang::En).0, TemplateSource::Builtin("complaint"));
    let own = TaskTemplate {
        category: "complaint ".into(),
        steps: vec![
            TemplateStep {
                department: w.service,
                title: "回电客户".into(),
                checklist: strings(&["道歉", " ", "约时间"]),
                due_in_days: Some(0),
            },
            TemplateStep { department: w.technical, title: "查原因".into(), checklist: vec![], due_in_days: None },
        ],
    };
    let events = w.ok(None, Command::SetTaskTemplate(own));
    assert_eq!(events[0].change, Change::TaskTemplateSet { category: "complaint".into(), steps: 2 });
    let (source, steps) = split_plan(&w.ws, &request, SampleLang::En);
    assert_eq!(source, TemplateSource::Workspace("complaint".into()));
    // Blank sub-steps are dropped when the template is set.
    assert_eq!(steps[0].checklist, strings(&["道歉", "约时间"]));
    let events = w.ok(Some(w.ana), Command::SplitRequest { request: w.request, steps });
    let changes: Vec<&Change> = events.iter().map(|e| &e.change).collect();
    assert!(matches!(changes[0], Change::RequestSplit { count: 2 }));
    assert_eq!(changes.iter().filter(|c| matches!(c, Change::TaskCreated { .. })).count(), 2);
    assert!(events.iter().all(|e| e.request == Some(w.request) && e.actor == Some(w.ana)));
    let made = tasks_of(&w.ws, w.request);
    let got: Vec<(&str, Option<Id>, &str, (usize, usize), Option<NaiveDate>)> = made
        .iter()
        .map(|t| (t.title.as_str(), t.department, t.column.as_str(), t.checklist_progress(), t.due))
        .collect();
    // Split on Monday 2 Nov (Shanghai): due in 0 days is the same day.
    assert_eq!(
        got,
        vec![
            ("回电客户", Some(w.service), "todo", (0, 2), Some(date(2026, 11, 2))),
            ("查原因", Some(w.technical), "todo", (0, 0), None),
        ]
    );
    // Each task change is recorded under the request and touches only its task.
    let first = made[0].id;
    let item = made[0].checklist[0].id;
    let events = w.ok(Some(w.dee), Command::CheckChecklistItem { task: first, item, done: true });
    assert_eq!(events[0].request, Some(w.request));
    assert_eq!((events[0].change.touched_tasks(), events[0].change.leaves_request_as_is()), (vec![first], true));
    assert_eq!(w.ws.tasks[&first].checklist_progress(), (1, 2));
    // The template for every other category is used for an uncovered one.
    let general = TaskTemplate {
        category: String::new(),
        steps: vec![TemplateStep { department: w.sales, title: "Check".into(), checklist: vec![], due_in_days: None }],
    };
    w.ok(None, Command::SetTaskTemplate(general));
    let mut other = request.clone();
    other.category = "Billing".into();
    assert_eq!(split_plan(&w.ws, &other, SampleLang::Zh).0, TemplateSource::Workspace(String::new()));
    w.ok(None, Command::RemoveTaskTemplate { category: "COMPLAINT".into() });
    assert_eq!(split_plan(&w.ws, &request, SampleLang::Zh).0, TemplateSource::Workspace(String::new()));
}

#[test]
fn task_details_effort_and_comments() {
    let mut w = World::new();
    let new = NewTask {
        request: Some(w.request),
        department: Some(w.technical),
        assignee: Some(w.dee),
        due: Some(date(2026, 11, 5)),
        labels: strings(&["现场", "现场", "vip 🌟"]),
        column: "doing".into(),
        ..NewTask::titled("上门检测")
    };
    let events = w.ok(Some(w.ana), Command::AddTask(new));
    let id = match &events[0].change {
        Change::TaskCreated { task, column, .. } => {
            assert_eq!(column, "doing");
            *task
        }
        other => panic!("{other:?}"),
    };
    assert_eq!(events[0].request, Some(w.request));
    assert_eq!(w.ws.tasks[&id].labels, strings(&["现场", "vip 🌟"]));
    // Effort: 90 minutes, then 30 taken back; never below zero.
    let effort = |w: &mut World, minutes| w.ok(Some(w.dee), Command::LogEffort { task: id, minutes });
    assert_eq!(effort(&mut w, 90)[0].change, Change::EffortLogged { task: id, minutes: 90, total_minutes: 90 });
    assert_eq!(effort(&mut w, -30)[0].change, Change::EffortLogged { task: id, minutes: -30, total_minutes: 60 });
    w.refused(Command::LogEffort { task: id, minutes: -61 });
    w.refused(Command::LogEffort { task: id, minutes: 0 });
    // Sub-steps and comments.
    w.ok(Some(w.dee), Command::AddChecklistItem { task: id, text: "带备件".into() });
    let item = w.ws.tasks[&id].checklist[0].id;
    assert_eq!(w.ok(Some(w.dee), Command::CheckChecklistItem { task: id, item, done: false }), Vec::new());
    w.ok(Some(w.dee), Command::RemoveChecklistItem { task: id, item });
    w.ok(Some(w.dee), Command::CommentOnTask { task: id, text: "下午三点到 👍".into() });
    let t = &w.ws.tasks[&id];
    assert_eq!((t.checklist.len(), t.comments.len(), t.comments[0].author), (0, 1, Some(w.dee)));
    // Removed, recorded under its request.
    let events = w.ok(Some(w.ana), Command::RemoveTask { task: id });
    assert_eq!((events[0].request, events[0].change.touched_tasks()), (Some(w.request), vec![id]));
    assert!(w.ws.tasks.is_empty());
}

#[test]
fn board_columns_are_configurable() {
    let mut w = World::new();
    let events = w.ok(None, Command::AddColumn { name: "Review 复核".into() });
    let key = match &events[0].change {
        Change::ColumnAdded { column, .. } => column.clone(),
        other => panic!("{other:?}"),
    };
    // A new column goes before Done.
    let keys = |w: &World| w.ws.board.columns.iter().map(|c| c.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&w), vec!["todo".to_string(), "doing".into(), "waiting".into(), key.clone(), "done".into()]);
    w.ok(None, Command::MoveColumn { column: key.clone(), to: 1 });
    assert_eq!(keys(&w)[1], key);
    let rename = ColumnPatch { name: Some("待处理".into()), ..Default::default() };
    w.ok(None, Command::UpdateColumn { column: "todo".into(), patch: rename });
    assert!(!w.ws.board.is_default());
    // An empty name gives a built-in column its translated name back.
    w.ok(
        None,
        Command::UpdateColumn {
            column: "todo".into(),
            patch: ColumnPatch { name: Some(" ".into()), ..Default::default() },
        },
    );
    assert!(w.ws.board.columns[0].is_builtin_name());
    let card = w.task("x", &key);
    w.ok(None, Command::RemoveTask { task: card });
    w.ok(None, Command::RemoveColumn { column: key });
    w.ok(None, Command::MoveColumn { column: "todo".into(), to: 0 });
    assert!(w.ws.board.is_default());
}

#[test]
fn refusals_leave_everything_as_it_was() {
    let mut w = World::new();
    let a = w.task("a", "todo");
    w.task("b", "doing");
    let stranger = Id::from_u128(999);
    let not_found = |what: &'static str| CommandError::NotFound { what, id: stranger };
    let inv = |field: &'static str, problem: &str| CommandError::Invalid { field, problem: problem.into() };
    let cases: Vec<(&str, Command, CommandError)> = vec![
        ("blank title", Command::AddTask(NewTask::titled("  ")), inv("title", "must not be empty")),
        (
            "201-character title",
            Command::AddTask(NewTask::titled(&"长".repeat(201))),
            inv("title", "at most 200 characters, found 201"),
        ),
        (
            "unknown column",
            Command::AddTask(NewTask { column: "later".into(), ..NewTask::titled("x") }),
            inv("column", "the board has no column \"later\""),
        ),
        (
            "unknown request",
            Command::AddTask(NewTask { request: Some(stranger), ..NewTask::titled("x") }),
            not_found("request"),
        ),
        (
            "unknown assignee",
            Command::AddTask(NewTask { assignee: Some(stranger), ..NewTask::titled("x") }),
            not_found("member"),
        ),
        (
            "unknown task",
            Command::MoveTask { task: stranger, column: "todo".into(), anchor: Anchor::Top },
            not_found("task"),
        ),
        (
            "anchor in another column",
            Command::MoveTask { task: a, column: "waiting".into(), anchor: Anchor::After(a) },
            inv("anchor", "must be another card of the column the card moves to"),
        ),
        (
            "card next to itself",
            Command::MoveTask { task: a, column: "todo".into(), anchor: Anchor::Before(a) },
            inv("anchor", "must be another card of the column the card moves to"),
        ),
        (
            "WIP limit of 0",
            Command::UpdateColumn {
                column: "doing".into(),
                patch: ColumnPatch { wip_limit: Some(Some(0)), ..Default::default() },
            },
            inv("wip limit", "expected 1 to 10000 cards, or no limit; found 0"),
        ),
        (
            "every column done",
            Command::UpdateColumn {
                column: "todo".into(),
                patch: ColumnPatch { done: Some(true), ..Default::default() },
            },
            CommandError::Invalid {
                field: "done",
                problem: "at least one column must hold work that is not done".into(),
            },
        ),
        (
            "removing a column with cards",
            Command::RemoveColumn { column: "doing".into() },
            CommandError::UsedByBoard { what: "column", name: "doing".into(), tasks: 1, templates: 0 },
        ),
        (
            "duplicate column name",
            Command::AddColumn { name: "To do".into() },
            inv("column name", "\"To do\" exists already"),
        ),
        (
            "empty template",
            Command::SetTaskTemplate(TaskTemplate { category: "x".into(), steps: vec![] }),
            inv("steps", "at least one task is needed"),
        ),
        (
            "split into nothing",
            Command::SplitRequest { request: w.request, steps: vec![] },
            inv("steps", "at least one task is needed"),
        ),
        (
            "split naming no department",
            Command::SplitRequest {
                request: w.request,
                steps: vec![TemplateStep {
                    department: stranger,
                    title: "x".into(),
                    checklist: vec![],
                    due_in_days: None,
                }],
            },
            not_found("department"),
        ),
        (
            "due in over a year",
            Command::SplitRequest {
                request: w.request,
                steps: vec![TemplateStep {
                    department: w.sales,
                    title: "x".into(),
                    checklist: vec![],
                    due_in_days: Some(366),
                }],
            },
            inv("due_in_days", "expected 0 to 365 days, found 366"),
        ),
        (
            "lane of nobody",
            Command::SetLaneLimit { lane_type: LaneType::Assignee, lane: stranger, limit: Some(3) },
            not_found("member"),
        ),
        (
            "unknown sub-step",
            Command::CheckChecklistItem { task: a, item: stranger, done: true },
            not_found("sub-step"),
        ),
    ];
    // The first column's name is only taken when someone names it.
    w.ok(
        None,
        Command::UpdateColumn {
            column: "todo".into(),
            patch: ColumnPatch { name: Some("To do".into()), ..Default::default() },
        },
    );
    // Make "every column done" reach the last open one.
    for key in ["doing", "waiting"] {
        w.ok(
            None,
            Command::UpdateColumn { column: key.into(), patch: ColumnPatch { done: Some(true), ..Default::default() } },
        );
    }
    for (case, cmd, expected) in cases {
        assert_eq!(w.refused(cmd), expected, "{case}");
    }
    // A department that tasks or templates name cannot be removed.
    let dept = w.ok(None, Command::AddDepartment { name: "Logistics 物流".into() });
    let Change::DepartmentAdded { department, .. } = dept[0].change.clone() else { panic!("no department") };
    w.ok(
        None,
        Command::UpdateTask { task: a, patch: TaskPatch { department: Some(Some(department)), ..Default::default() } },
    );
    w.ok(None, Command::SetLaneLimit { lane_type: LaneType::Department, lane: department, limit: Some(4) });
    assert_eq!(
        w.refused(Command::RemoveDepartment { department }),
        CommandError::UsedByBoard { what: "department", name: "Logistics 物流".into(), tasks: 1, templates: 0 }
    );
    // Once no task names it, it goes, and its lane limit with it (recorded).
    w.ok(None, Command::UpdateTask { task: a, patch: TaskPatch { department: Some(None), ..Default::default() } });
    let events = w.ok(None, Command::RemoveDepartment { department });
    let changes: Vec<Change> = events.into_iter().map(|e| e.change).collect();
    assert_eq!(
        changes,
        vec![
            Change::LaneLimitSet { lane_type: LaneType::Department, lane: department, before: Some(4), after: None },
            Change::DepartmentRemoved { department, name: "Logistics 物流".into() },
        ]
    );
    // A closed request is not split.
    let r = w.request;
    w.ok(Some(w.ana), Command::Resolve { request: r, summary: "ok".into() });
    let steps = vec![TemplateStep { department: w.sales, title: "x".into(), checklist: vec![], due_in_days: None }];
    assert_eq!(
        w.refused(Command::SplitRequest { request: r, steps }),
        CommandError::NotOpen { number: 1, status: Status::Resolved, action: "splitting into tasks" }
    );
}
