//! The snapshot format from the outside: the frozen file of today's format
//! (version 2) reads and writes back byte for byte, the frozen version-1
//! file still reads (migrated), a workspace built through commands survives
//! export and import, bad files are refused with the path of the problem,
//! and the documented JSON Schema agrees with what Baton writes and reads.

use std::path::PathBuf;

use baton::domain::responsibility::{RaciRole, RaciRow, Thresholds};
use baton::domain::routing::{
    Conditions, Routing, RoutingDecision, RuleDraft, RuleHit, Skipped, Strategy, TagMatch, Target,
};
use baton::domain::sla::{current_light, ClockKind, Light, SlaClock, SlaClocks, SlaPolicy, SlaTarget};
use baton::domain::warnings::{Alert, Reading, WarningMetric};
use baton::domain::{
    apply, ts, BusinessCalendar, Change, Channel, ClockTime, Command, Ctx, DataFlag, Id, ImportedRequest, MemberPatch,
    NewRequest, OpeningSpan, OwnershipOffer, Pause, Request, SeqIds, Status, Urgency, Workspace,
};
use baton::persist::snapshot::{self, Snapshot, SnapshotErrorKind, FORMAT, VERSION};
use chrono::Weekday;
use serde_json::{json, Value};

/// The frozen file of today's format.
const FIXTURE: &str = "tests/fixtures/snapshot-v2.baton.json";
/// The frozen file of format version 1: read only, never rewritten.
const FIXTURE_V1: &str = "tests/fixtures/snapshot-v1.baton.json";
const SCHEMA: &str = "docs/snapshot.schema.json";
/// When the fixture was exported: Tuesday 3 Nov 2026 18:00 in Shanghai,
/// closing time of the pilot's second day.
const EXPORTED_AT: &str = "2026-11-03T10:00:00Z";

fn project_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    match std::fs::read_to_string(project_file(path)) {
        Ok(text) => text,
        Err(e) => panic!("reading {path}: {e}"),
    }
}

fn run(ws: &mut Workspace, ctx: &mut Ctx, cmd: Command) {
    let shown = format!("{cmd:?}");
    if let Err(e) = apply(ws, cmd, ctx) {
        panic!("{shown}: {e}");
    }
}

/// A small workspace with everything the format holds. Monday 2 Nov 2026
/// (version 1's part, kept first so that its ids and event positions stay
/// put): departments, members, a request handed on and back (a return),
/// commented, resolved, closed with a rating and reopened; a request
/// waiting for the customer; and an imported request with a data flag and
/// no creation time. Tuesday 3 Nov (version 2's part): a Shanghai calendar
/// with a lunch break and a holiday, an SLA policy, two teams, members with
/// skills, capacities and one off duty, routing rules and a fallback, a
/// responsibility row, thresholds; a request routed by a rule (with a
/// skipped rule before it), one routed by the fallback's round robin and
/// then handed to another team, its duplicate merged into it, an ownership
/// offer waiting, a pause, and an alert. Text in Chinese and with emoji
/// throughout. Ids are 1, 2, 3, … in order of use.
fn build_workspace() -> Workspace {
    let mut ids = SeqIds::new(1);
    let day = |time: &str| ts(&format!("2026-11-02T{time}Z"));
    let mut ws = Workspace::with_default_departments(&mut ids, "前场试点 🚀", day("08:00:00"));
    let (sales, service, technical) = (ws.departments[0].id, ws.departments[1].id, ws.departments[3].id);

    let mut ctx = Ctx::new(day("08:05:00"), None, &mut ids);
    run(&mut ws, &mut ctx, Command::AddMember { name: "王芳".into(), department: service });
    run(&mut ws, &mut ctx, Command::AddMember { name: "Li Lei".into(), department: technical });
    run(&mut ws, &mut ctx, Command::AddMember { name: "Ana 🌟".into(), department: sales });
    let (wang, li, ana) = (ws.members[0].id, ws.members[1].id, ws.members[2].id);

    // Request #1: taken by Wang (first-contact owner), handed to Li and back.
    let mut ctx = Ctx::new(day("09:00:00"), Some(wang), &mut ids);
    run(
        &mut ws,
        &mut ctx,
        Command::CreateRequest(NewRequest {
            description: "第二个纸盒卡纸，客户下午三点后在办公室。".into(),
            customer: baton::domain::Customer { name: "张伟".into(), contact: "zhang@example.cn".into() },
            channel: Channel::Phone,
            category: "硬件".into(),
            urgency: Urgency::High,
            tags: vec!["打印机".into(), "现场".into()],
            preferences: "只在下午三点后上门".into(),
            ..NewRequest::titled("打印机卡纸 🖨️")
        }),
    );
    let first = request_id(&ws, 1);
    run(&mut ws, &mut ctx, Command::RecordFirstResponse { request: first });
    let mut ctx = Ctx::new(day("09:30:00"), Some(wang), &mut ids);
    run(&mut ws, &mut ctx, Command::Assign { request: first, to: li, reason: "需要技术上门 🔧".into() });
    run(&mut ws, &mut ctx, Command::AddComment { request: first, text: "已约好下午 3:30 👍".into() });

    // Request #2: an e-mail in English, waiting for the customer.
    let mut ctx = Ctx::new(day("10:00:00"), Some(ana), &mut ids);
    run(
        &mut ws,
        &mut ctx,
        Command::CreateRequest(NewRequest {
            channel: Channel::Email,
            customer: baton::domain::Customer { name: "Bob Smith".into(), contact: String::new() },
            ..NewRequest::titled("Refund for order 42 💸")
        }),
    );
    let second = request_id(&ws, 2);
    run(&mut ws, &mut ctx, Command::WaitForCustomer { request: second, note: "asked for the receipt".into() });

    // Request #3: imported, resolved before its first response, no creation time.
    let mut ctx = Ctx::new(day("11:00:00"), None, &mut ids);
    run(
        &mut ws,
        &mut ctx,
        Command::ImportRequests(vec![ImportedRequest {
            fields: NewRequest { category: "Billing inquiry".into(), ..NewRequest::titled("Invoice title wrong") },
            status: Status::Closed,
            created_at: None,
            first_response_at: Some(ts("2026-10-30T12:00:00Z")),
            resolved_at: Some(ts("2026-10-30T08:00:00Z")),
            closed_at: None,
            resolution: "Reissued.".into(),
            satisfaction: Some(3),
            flags: vec![DataFlag::ResolvedBeforeFirstResponse],
            source: "tickets.csv row 7 (Ticket ID 7)".into(),
        }]),
    );

    // Back to #1: Li hands it back to Wang (a return), resolved, closed
    // with a rating, then reopened.
    let mut ctx = Ctx::new(day("15:45:00"), Some(li), &mut ids);
    run(&mut ws, &mut ctx, Command::Assign { request: first, to: wang, reason: "修好了，请回访".into() });
    run(&mut ws, &mut ctx, Command::Resolve { request: first, summary: "更换了搓纸轮".into() });
    let mut ctx = Ctx::new(day("16:10:00"), Some(wang), &mut ids);
    run(&mut ws, &mut ctx, Command::Close { request: first, satisfaction: Some(5) });
    let mut ctx = Ctx::new(day("17:00:00"), Some(wang), &mut ids);
    run(&mut ws, &mut ctx, Command::Reopen { request: first, reason: "客户说又卡了 😞".into() });

    // Version 2: the pilot sets up routing, SLAs and early warnings on
    // Tuesday 3 Nov before opening (08:30 in Shanghai, 00:30 UTC).
    let tue = |time: &str| ts(&format!("2026-11-03T{time}Z"));
    let mut ctx = Ctx::new(tue("00:30:00"), Some(wang), &mut ids);
    run(&mut ws, &mut ctx, Command::SetCalendar(shanghai_calendar()));
    run(&mut ws, &mut ctx, Command::SetSlaPolicy(pilot_policy()));
    run(&mut ws, &mut ctx, Command::AddTeam { name: "售后一组".into(), department: service });
    run(&mut ws, &mut ctx, Command::AddTeam { name: "Tech 🔧".into(), department: technical });
    let (service_a, tech) = (ws.teams[0].id, ws.teams[1].id);
    run(&mut ws, &mut ctx, Command::AddMember { name: "赵敏".into(), department: service });
    run(&mut ws, &mut ctx, Command::AddMember { name: "Kai Müller".into(), department: technical });
    let (zhao, kai) = (ws.members[3].id, ws.members[4].id);
    let patch = |team: Id, skills: &[&str], capacity: Option<u32>, on_duty: bool| MemberPatch {
        team: Some(Some(team)),
        skills: Some(skills.iter().map(|s| s.to_string()).collect()),
        capacity: Some(capacity),
        on_duty: Some(on_duty),
        ..MemberPatch::default()
    };
    // Wang is off duty today: she keeps her requests but gets no new ones.
    let members = [
        (wang, patch(service_a, &["打印机", "退款"], Some(5), false)),
        (li, patch(tech, &["打印机", "现场"], Some(3), true)),
        (zhao, patch(service_a, &["退款", "发票"], Some(4), true)),
        (kai, patch(tech, &["网络"], None, true)),
    ];
    for (member, patch) in members {
        run(&mut ws, &mut ctx, Command::UpdateMember { member, patch });
    }
    let rules = [
        RuleDraft {
            name: "大客户电话 → 王芳".into(),
            enabled: true,
            when: Conditions {
                categories: vec!["硬件".into(), "退款".into()],
                channels: vec![Channel::Phone, Channel::Visit],
                min_urgency: Some(Urgency::High),
                ..Conditions::default()
            },
            target: Target::Member { member: wang },
        },
        RuleDraft {
            name: "打印机上门 → Tech".into(),
            enabled: true,
            when: Conditions {
                categories: vec!["硬件".into()],
                min_urgency: Some(Urgency::Medium),
                tags: vec!["打印机".into(), "现场".into()],
                tags_match: TagMatch::All,
                preferences_contain: "下午".into(),
                ..Conditions::default()
            },
            target: Target::Team { team: tech, strategy: Strategy::BestSkill },
        },
        RuleDraft {
            name: "old: everything to Tech".into(),
            enabled: false,
            when: Conditions::default(),
            target: Target::Team { team: tech, strategy: Strategy::LeastLoaded },
        },
    ];
    for rule in rules {
        run(&mut ws, &mut ctx, Command::AddRoutingRule(rule));
    }
    let fallback = Target::Team { team: service_a, strategy: Strategy::RoundRobin };
    run(&mut ws, &mut ctx, Command::SetRoutingFallback { fallback: Some(fallback) });
    run(
        &mut ws,
        &mut ctx,
        Command::SetResponsibility(RaciRow::new(
            "硬件",
            [(technical, RaciRole::Accountable), (service, RaciRole::Responsible), (sales, RaciRole::Informed)],
        )),
    );
    run(
        &mut ws,
        &mut ctx,
        Command::SetThresholds(Thresholds { orphan_after_secs: 8 * 3600, duplicate_window_days: 3 }),
    );

    // Request #4 (Tue 10:30 Shanghai): Ana takes a call; rule 1 matches but
    // Wang is off duty, rule 2 gives it to Tech, where Li's skills match both tags.
    let mut ctx = Ctx::new(tue("02:30:00"), Some(ana), &mut ids);
    run(
        &mut ws,
        &mut ctx,
        Command::CreateRequest(NewRequest {
            customer: baton::domain::Customer { name: "陈静".into(), contact: "+86 138 0000 0004".into() },
            channel: Channel::Phone,
            category: "硬件".into(),
            urgency: Urgency::High,
            tags: vec!["打印机".into(), "现场".into()],
            preferences: "下午两点后上门".into(),
            ..NewRequest::titled("复印机不进纸")
        }),
    );
    let fourth = request_id(&ws, 4);
    let mut ctx = Ctx::new(tue("03:30:00"), Some(li), &mut ids);
    run(&mut ws, &mut ctx, Command::RecordFirstResponse { request: fourth });

    // Requests #5 and #6 (Tue 13:00 and 13:20, in the lunch break): the same
    // customer twice on chat; no rule matches, the fallback's round robin
    // passes over Wang (off duty) to Zhao. #6 is merged into #5.
    let refund = |title: &str| NewRequest {
        customer: baton::domain::Customer { name: "刘洋".into(), contact: "liu.yang@example.cn".into() },
        channel: Channel::Chat,
        category: "退款".into(),
        urgency: Urgency::Critical,
        ..NewRequest::titled(title)
    };
    let mut ctx = Ctx::new(tue("05:00:00"), None, &mut ids);
    run(&mut ws, &mut ctx, Command::CreateRequest(refund("退款还没到账 💸")));
    let mut ctx = Ctx::new(tue("05:20:00"), None, &mut ids);
    run(&mut ws, &mut ctx, Command::CreateRequest(refund("退款到账了吗？")));
    let (fifth, sixth) = (request_id(&ws, 5), request_id(&ws, 6));
    let mut ctx = Ctx::new(tue("05:40:00"), Some(zhao), &mut ids);
    run(&mut ws, &mut ctx, Command::MergeRequests { keep: fifth, duplicate: sixth, reason: "同一笔退款".into() });

    // #4 waits for the customer from 14:00 to 16:00.
    let mut ctx = Ctx::new(tue("06:00:00"), Some(li), &mut ids);
    run(&mut ws, &mut ctx, Command::WaitForCustomer { request: fourth, note: "等客户确认上门时间".into() });

    // Zhao hands #5 to Kai in Tech (another team than routing chose: rerouted)
    // and offers its first-contact ownership to Ana, who has not answered.
    let mut ctx = Ctx::new(tue("06:05:00"), Some(zhao), &mut ids);
    run(&mut ws, &mut ctx, Command::Assign { request: fifth, to: kai, reason: "退款接口报错".into() });
    let mut ctx = Ctx::new(tue("06:10:00"), Some(zhao), &mut ids);
    run(&mut ws, &mut ctx, Command::OfferOwnership { request: fifth, to: ana, reason: "大客户归销售跟进".into() });

    // 15:00 in Shanghai: #5 (critical, no first response) is 90 % into its target.
    let mut ctx = Ctx::new(tue("07:00:00"), None, &mut ids);
    run(&mut ws, &mut ctx, Command::EvaluateWarnings);

    let mut ctx = Ctx::new(tue("08:00:00"), Some(li), &mut ids);
    run(&mut ws, &mut ctx, Command::StartWork { request: fourth });
    ws
}

/// Shanghai, Monday to Friday 09:00–12:00 and 13:30–18:00; Wednesday 4 Nov 2026 off.
fn shanghai_calendar() -> BusinessCalendar {
    let at = |h: u16, m: u16| ClockTime::hm(h, m).unwrap_or(ClockTime::END_OF_DAY);
    let mut cal = BusinessCalendar::standard("Asia/Shanghai");
    cal.hours = vec![OpeningSpan::new(at(9, 0), at(12, 0)), OpeningSpan::new(at(13, 30), at(18, 0))];
    cal.holidays.insert(chrono::NaiveDate::from_ymd_opt(2026, 11, 4).unwrap_or_default());
    cal
}

/// The default policy with high requests answered within 3 business hours
/// and resolved within 15, and the light yellow from 80 %.
fn pilot_policy() -> SlaPolicy {
    SlaPolicy {
        high: SlaTarget { first_response_secs: 3 * 3600, resolution_secs: 15 * 3600 },
        warn_percent: 80,
        ..SlaPolicy::default()
    }
}

fn request_id(ws: &Workspace, number: u32) -> Id {
    match ws.request_by_number(number) {
        Some(r) => r.id,
        None => panic!("no request #{number}"),
    }
}

fn parse_ok(name: &str, text: &str) -> Snapshot {
    match snapshot::parse(name, text) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    }
}

/// Writes the fixture of today's format, once. A frozen fixture is never
/// rewritten: when the format changes, VERSION goes up and a new file
/// `snapshot-v{VERSION}.baton.json` is frozen next to the old ones.
/// Run with `cargo test --test snapshot -- --ignored freeze_fixture`.
#[test]
#[ignore]
fn freeze_fixture() {
    let path = project_file(&format!("tests/fixtures/snapshot-v{VERSION}.baton.json"));
    if path.exists() {
        println!("{} exists already: frozen fixtures are never rewritten", path.display());
        return;
    }
    let json = Snapshot::of(&build_workspace(), ts(EXPORTED_AT)).to_json();
    if let Err(e) = std::fs::write(&path, json) {
        panic!("writing {}: {e}", path.display());
    }
}

fn by_number(ws: &Workspace, number: u32) -> &Request {
    ws.request_by_number(number).unwrap_or_else(|| panic!("no request #{number}"))
}

/// The frozen file of today's format holds what `build_workspace` made, and
/// the SLA times in it are the ones worked out by hand below.
#[test]
fn fixture_contents() {
    let s = parse_ok("snapshot-v2.baton.json", &read(FIXTURE));
    assert_eq!((s.format.as_str(), s.version), (FORMAT, 2));
    assert_eq!(s.exported_at, ts(EXPORTED_AT));
    assert_eq!(s.workspace.name, "前场试点 🚀");
    assert_eq!(s.workspace.next_number, 7);
    let summary = s.summary();
    // Events, Monday (as in version 1): 3 members added; #1 created, first
    // response + status change, assigned, comment, assigned back, resolved,
    // closed + rating, reopened (10); #2 created, waiting (2); #3 imported
    // (1): 16. Tuesday's setup: calendar; policy, with #1's new targets (2);
    // 2 teams; 2 members; member changes: Wang team, skills, capacity, duty
    // (4), Li and Zhao team, skills, capacity (3 + 3), Kai team, skills (2);
    // 3 rules; fallback; responsibility; thresholds: 16 + 25 = 41. Then #4
    // created + routed (2), first response + status (2); #5 and #6 each
    // created, routed, owner set (3 + 3); the merge: #6 closed, merged into,
    // merged from (3); #4 waits (1); #5 assigned (1), offered (1); alert (1);
    // #4 work goes on (1): 41 + 18 = 59. Open (by status): #1, #2, #4, #5.
    assert_eq!(
        (summary.departments, summary.members, summary.requests, summary.events, summary.open),
        (4, 5, 6, 59, 4)
    );
    let builtins: Vec<Option<&str>> = s.workspace.departments.iter().map(|d| d.builtin.as_deref()).collect();
    assert_eq!(builtins, [Some("sales"), Some("service"), Some("marketing"), Some("technical")]);

    let ws = s.into_workspace();
    let (sales, service, technical) = (ws.departments[0].id, ws.departments[1].id, ws.departments[3].id);
    // Ids in order of use: workspace 1, departments 2–5, the three built-in
    // warning rules 6–8, then Wang 9 (its event a), Li b, Ana d.
    let id = |n: u128| Id::from_u128(n);
    let names: Vec<&str> = ws.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["王芳", "Li Lei", "Ana 🌟", "赵敏", "Kai Müller"]);
    let (wang, li, ana, zhao, kai) =
        (ws.members[0].id, ws.members[1].id, ws.members[2].id, ws.members[3].id, ws.members[4].id);
    assert_eq!((wang, li, ana), (id(9), id(0xb), id(0xd)));
    let warning_ids: Vec<Id> = ws.warnings.iter().map(|w| w.id).collect();
    assert_eq!(warning_ids, [id(6), id(7), id(8)]);
    let metrics: Vec<WarningMetric> = ws.warnings.iter().map(|w| w.metric).collect();
    assert_eq!(
        metrics,
        [WarningMetric::DailyTimeoutRate, WarningMetric::OrphanRate, WarningMetric::FirstResponseElapsed]
    );

    // Teams and members.
    let teams: Vec<(&str, Id)> = ws.teams.iter().map(|t| (t.name.as_str(), t.department)).collect();
    assert_eq!(teams, [("售后一组", service), ("Tech 🔧", technical)]);
    let (service_a, tech) = (ws.teams[0].id, ws.teams[1].id);
    // (team, skills, capacity, on duty) of each member.
    type MemberSetup<'a> = (Option<Id>, Vec<&'a str>, Option<u32>, bool);
    let setup: Vec<MemberSetup> = ws
        .members
        .iter()
        .map(|m| (m.team, m.skills.iter().map(String::as_str).collect(), m.capacity, m.on_duty))
        .collect();
    assert_eq!(
        setup,
        [
            (Some(service_a), vec!["打印机", "退款"], Some(5), false),
            (Some(tech), vec!["打印机", "现场"], Some(3), true),
            (None, vec![], None, true),
            (Some(service_a), vec!["退款", "发票"], Some(4), true),
            (Some(tech), vec!["网络"], None, true),
        ]
    );

    // Routing: three rules (the last disabled) and the fallback; the round
    // robin of 售后一组 last gave a request to Zhao.
    let rules: Vec<(&str, bool, Target)> =
        ws.routing.rules.iter().map(|r| (r.name.as_str(), r.enabled, r.target)).collect();
    assert_eq!(
        rules,
        [
            ("大客户电话 → 王芳", true, Target::Member { member: wang }),
            ("打印机上门 → Tech", true, Target::Team { team: tech, strategy: Strategy::BestSkill }),
            ("old: everything to Tech", false, Target::Team { team: tech, strategy: Strategy::LeastLoaded }),
        ]
    );
    let second_rule = &ws.routing.rules[1];
    assert_eq!(
        second_rule.when,
        Conditions {
            categories: vec!["硬件".into()],
            channels: vec![],
            min_urgency: Some(Urgency::Medium),
            tags: vec!["打印机".into(), "现场".into()],
            tags_match: TagMatch::All,
            preferences_contain: "下午".into(),
        }
    );
    assert_eq!(ws.routing.rules[0].when.channels, [Channel::Phone, Channel::Visit]);
    assert_eq!(ws.routing.fallback, Some(Target::Team { team: service_a, strategy: Strategy::RoundRobin }));
    assert_eq!(ws.routing.cursors.iter().collect::<Vec<_>>(), [(&service_a, &zhao)]);

    // Responsibility, calendar, SLA policy, thresholds.
    assert_eq!(
        ws.responsibility,
        [RaciRow::new(
            "硬件",
            [(technical, RaciRole::Accountable), (service, RaciRole::Responsible), (sales, RaciRole::Informed)]
        )]
    );
    assert_eq!(ws.calendar, shanghai_calendar());
    assert_eq!(ws.sla, pilot_policy());
    assert_eq!(ws.thresholds, Thresholds { orphan_after_secs: 8 * 3600, duplicate_window_days: 3 });

    // Times below: Shanghai is UTC+8 with no daylight saving; a working day
    // opens 09:00–12:00 and 13:30–18:00 (7.5 h); Wednesday 4 Nov is a holiday.
    let clocks = |(fr_secs, fr_warn, fr_due): (i64, &str, &str), (res_secs, res_warn, res_due): (i64, &str, &str)| {
        Some(SlaClocks {
            first_response: SlaClock { target_secs: fr_secs, warn_at: Some(ts(fr_warn)), due_at: Some(ts(fr_due)) },
            resolution: SlaClock { target_secs: res_secs, warn_at: Some(ts(res_warn)), due_at: Some(ts(res_due)) },
        })
    };
    const H: i64 = 3600;

    // #1 as in version 1.
    let first = by_number(&ws, 1);
    assert_eq!(first.title, "打印机卡纸 🖨️");
    assert_eq!(first.status, Status::Reopened);
    assert_eq!((first.owner, first.handler), (Some(wang), Some(wang)));
    assert_eq!(first.previous_handlers, [wang, li]);
    assert_eq!((first.reopen_count, first.return_count), (1, 1));
    assert_eq!(first.satisfaction, Some(5));
    // Reopening clears the resolved and closed times; the first response stays.
    assert_eq!(first.first_response_at, Some(ts("2026-11-02T09:00:00Z")));
    assert_eq!((first.resolved_at, first.closed_at), (None, None));
    assert_eq!(first.comments.len(), 1);
    assert_eq!(first.comments[0].text, "已约好下午 3:30 👍");
    assert_eq!(first.comments[0].author, Some(wang));
    assert_eq!(first.tags, ["打印机", "现场"]);
    assert_eq!(ws.trail_of(first.id).count(), 11);
    // Its clocks were recomputed by the calendar and the policy (high: 3 h /
    // 15 h, yellow at 80 %). Created Mon 2 Nov 17:00 CST (09:00Z).
    // First response, 3 h: Mon 17:00–18:00 (1 h), Tue 09:00 + 2 h → Tue 11:00
    // CST = 03:00Z; 80 % = 2 h 24 min → Tue 10:24 CST = 02:24Z.
    // Resolution, 15 h: Mon 1 h, Tue 7.5 h (8.5 h), Wed holiday, Thu
    // 09:00–12:00 (11.5 h), 13:30 + 3.5 h → Thu 5 Nov 17:00 CST = 09:00Z;
    // 80 % = 12 h → Thu 13:30 + 0.5 h = 14:00 CST = 06:00Z.
    assert_eq!(
        first.sla,
        clocks(
            (3 * H, "2026-11-03T02:24:00Z", "2026-11-03T03:00:00Z"),
            (15 * H, "2026-11-05T06:00:00Z", "2026-11-05T09:00:00Z")
        )
    );
    assert!(ws.trail_of(first.id).any(|e| e.change
        == Change::SlaTargetsChanged {
            before: Some(SlaTarget { first_response_secs: 4 * H, resolution_secs: 18 * H }),
            after: Some(SlaTarget { first_response_secs: 3 * H, resolution_secs: 15 * H })
        }));

    // #2 has waited for the customer since it was created: both clocks
    // stopped before any business time passed, so no warning or due time.
    let second = by_number(&ws, 2);
    assert_eq!((second.status, second.channel, second.owner), (Status::WaitingForCustomer, Channel::Email, Some(ana)));
    assert_eq!(second.pauses, [Pause { from: ts("2026-11-02T10:00:00Z"), to: None }]);
    let stopped = |secs: i64| SlaClock { target_secs: secs, warn_at: None, due_at: None };
    assert_eq!(second.sla, Some(SlaClocks { first_response: stopped(8 * H), resolution: stopped(27 * H) }));

    // #3: imported without a creation time, so without clocks.
    let third = by_number(&ws, 3);
    assert_eq!(third.created_at, None);
    assert_eq!(third.flags, [DataFlag::ResolvedBeforeFirstResponse]);
    assert_eq!(third.source.as_deref(), Some("tickets.csv row 7 (Ticket ID 7)"));
    assert_eq!(third.sla, None);

    // #4: rule 1 matches (硬件, phone, high) but Wang is off duty: skipped.
    // Rule 2 matches (硬件, high ≥ medium, both tags, "下午两点后上门"
    // contains "下午"): best skill in Tech, where Li's skills match both tags
    // and Kai's none. Li handled no open request then. Ana, who took the
    // call, stays first-contact owner.
    let fourth = by_number(&ws, 4);
    assert_eq!(
        fourth.routing,
        Some(RoutingDecision {
            rule: Some(RuleHit {
                position: 2,
                rule: second_rule.id,
                name: "打印机上门 → Tech".into(),
                when: second_rule.when.clone(),
            }),
            via_fallback: false,
            team: Some(tech),
            strategy: Some(Strategy::BestSkill),
            member: Some(li),
            load: 0,
            skill_matches: Some(2),
            skipped: vec![Skipped { position: 1, name: "大客户电话 → 王芳".into() }],
        })
    );
    assert_eq!((fourth.owner, fourth.handler, fourth.status), (Some(ana), Some(li), Status::InProgress));
    assert_eq!(fourth.first_response_at, Some(ts("2026-11-03T03:30:00Z")));
    // Waited 14:00–16:00 CST.
    assert_eq!(fourth.pauses, [Pause { from: ts("2026-11-03T06:00:00Z"), to: Some(ts("2026-11-03T08:00:00Z")) }]);
    // Created Tue 10:30 CST (02:30Z), high: 3 h / 15 h.
    // First response: 10:30–12:00 (1.5 h), 13:30–14:00 (2 h), paused,
    // 16:00 + 1 h → 17:00 CST = 09:00Z; 80 % = 2 h 24 min → 16:24 CST = 08:24Z.
    // Resolution: Tue 1.5 + 0.5 + 2 (16:00–18:00) = 4 h, Wed holiday, Thu
    // 7.5 h (11.5 h), Fri 09:00–12:00 (14.5 h), 13:30 + 0.5 h → Fri 6 Nov
    // 14:00 CST = 06:00Z; 80 % = 12 h → Fri 09:30 CST = 01:30Z.
    assert_eq!(
        fourth.sla,
        clocks(
            (3 * H, "2026-11-03T08:24:00Z", "2026-11-03T09:00:00Z"),
            (15 * H, "2026-11-06T01:30:00Z", "2026-11-06T06:00:00Z")
        )
    );
    // At the export: answered in time, resolution still green.
    assert_eq!(current_light(fourth, ts(EXPORTED_AT)), Some((ClockKind::Resolution, Light::Green)));

    // #5: chat about a refund; rule 1 wants phone or visit, rule 2 硬件,
    // rule 3 is disabled: the fallback's round robin in 售后一组 starts at
    // its first member, Wang, who is off duty, and gives it to Zhao, who
    // becomes first-contact owner (nobody took it in). Zhao then hands it to
    // Kai in Tech (another team than routing chose: rerouted) and offers the
    // ownership to Ana, who has not answered.
    let fifth = by_number(&ws, 5);
    let fallback_decision = |load: u32| RoutingDecision {
        rule: None,
        via_fallback: true,
        team: Some(service_a),
        strategy: Some(Strategy::RoundRobin),
        member: Some(zhao),
        load,
        skill_matches: None,
        skipped: vec![],
    };
    assert_eq!(fifth.routing, Some(fallback_decision(0)));
    assert_eq!((fifth.owner, fifth.handler, fifth.previous_handlers.as_slice()), (Some(zhao), Some(kai), &[zhao][..]));
    assert!(fifth.rerouted);
    assert_eq!(
        fifth.ownership_offer,
        Some(OwnershipOffer {
            to: ana,
            by: Some(zhao),
            reason: "大客户归销售跟进".into(),
            at: ts("2026-11-03T06:10:00Z")
        })
    );
    // Created Tue 13:00 CST (05:00Z), in the lunch break: the clocks start at
    // 13:30. Critical, 1 h / 4 h. First response → 14:30 CST = 06:30Z; 80 % =
    // 48 min → 14:18 CST = 06:18Z. Resolution → 17:30 CST = 09:30Z; 80 % =
    // 3 h 12 min → 16:42 CST = 08:42Z.
    let critical = clocks(
        (H, "2026-11-03T06:18:00Z", "2026-11-03T06:30:00Z"),
        (4 * H, "2026-11-03T08:42:00Z", "2026-11-03T09:30:00Z"),
    );
    assert_eq!(fifth.sla, critical);
    assert_eq!(current_light(fifth, ts(EXPORTED_AT)), Some((ClockKind::FirstResponse, Light::Red)));
    // Created, routed, owner set, merged from, assigned, offered, alert.
    assert_eq!(ws.trail_of(fifth.id).count(), 7);

    // #6: the same customer 20 minutes later, also in the break (the same
    // clocks); routed to Zhao again (who had #5 then), merged into #5.
    let sixth = by_number(&ws, 6);
    assert_eq!(sixth.routing, Some(fallback_decision(1)));
    assert_eq!((sixth.merged_into, sixth.status), (Some(fifth.id), Status::Closed));
    assert_eq!(sixth.closed_at, Some(ts("2026-11-03T05:40:00Z")));
    assert_eq!(sixth.sla, critical);
    assert_eq!(current_light(sixth, ts(EXPORTED_AT)), None, "merged requests have no light");

    // The alert: the built-in rule "first response 90 % into its target"
    // (54 min → 14:24 CST), evaluated at 15:00 CST: 13:30–15:00 is 5400
    // business seconds of #5's 3600.
    assert_eq!(
        ws.alerts,
        [Alert {
            id: ws.alerts[0].id,
            rule: warning_ids[2],
            request: Some(fifth.id),
            raised_at: ts("2026-11-03T07:00:00Z"),
            cleared_at: None,
            values: vec![Reading { day: None, numerator: 5400, denominator: 3600 }],
        }]
    );
}

/// The frozen version-1 file still reads: migrated to version 2 with the
/// same contents, the calendar made explicit and nothing of version 2 set;
/// exporting it again writes version 2.
#[test]
fn fixture_v1_still_reads() {
    let text = read(FIXTURE_V1);
    assert!(text.contains("\"version\": 1,"), "{FIXTURE_V1} is the frozen version-1 file");
    let s = parse_ok("snapshot-v1.baton.json", &text);
    assert_eq!((s.format.as_str(), s.version), (FORMAT, 2));
    assert_eq!(s.exported_at, ts("2026-11-02T18:00:00Z"));
    assert_eq!(s.workspace.name, "前场试点 🚀");
    assert_eq!(s.workspace.next_number, 4);
    let summary = s.summary();
    assert_eq!(
        (summary.departments, summary.members, summary.requests, summary.events, summary.open),
        (4, 3, 3, 16, 2)
    );
    // Version 1 had no business calendar: Monday to Friday 09:00–18:00 UTC.
    let cal = &s.workspace.calendar;
    assert_eq!(cal.zone, "UTC");
    assert_eq!(cal.working_days, [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri]);
    let hours: Vec<String> = cal.hours.iter().map(|h| format!("{}–{}", h.start, h.end)).collect();
    assert_eq!(hours, ["09:00–18:00"]);
    assert!(cal.holidays.is_empty());
    // Nothing else of version 2: no teams, rules, matrix, warning rules or
    // alerts; the default policy and thresholds; members as before.
    let w = &s.workspace;
    assert!(w.teams.is_empty() && w.routing.rules.is_empty() && w.routing.fallback.is_none());
    assert!(w.responsibility.is_empty() && w.warnings.is_empty() && w.alerts.is_empty());
    assert_eq!((w.sla, w.thresholds), (SlaPolicy::default(), Thresholds::default()));
    assert!(w.members.iter().all(|m| m.team.is_none() && m.skills.is_empty() && m.capacity.is_none() && m.on_duty));
    // Requests keep what they had; a version-1 request has no routing
    // decision, pauses or clocks (#2 waits without a recorded pause).
    assert!(s.requests.iter().all(|r| r.routing.is_none()
        && !r.rerouted
        && r.ownership_offer.is_none()
        && r.merged_into.is_none()
        && r.pauses.is_empty()
        && r.sla.is_none()));

    let exported = s.to_json();
    assert!(exported.starts_with("{\n  \"format\": \"baton.workspace\",\n  \"version\": 2,\n"), "{exported}");
    assert_eq!(parse_ok("again.baton.json", &exported).to_json(), exported);

    let ws = s.into_workspace();
    let (wang, li, ana) = (ws.members[0].id, ws.members[1].id, ws.members[2].id);
    assert_eq!((wang, li, ana), (Id::from_u128(6), Id::from_u128(8), Id::from_u128(0xa)));
    let first = by_number(&ws, 1);
    assert_eq!(first.title, "打印机卡纸 🖨️");
    assert_eq!((first.status, first.owner, first.handler), (Status::Reopened, Some(wang), Some(wang)));
    assert_eq!(first.previous_handlers, [wang, li]);
    assert_eq!((first.reopen_count, first.return_count, first.satisfaction), (1, 1, Some(5)));
    assert_eq!(first.comments[0].author, Some(wang));
    assert_eq!(ws.trail_of(first.id).count(), 10);
    let second = by_number(&ws, 2);
    assert_eq!((second.status, second.owner), (Status::WaitingForCustomer, Some(ana)));
    let third = by_number(&ws, 3);
    assert_eq!((third.created_at, third.flags.as_slice()), (None, &[DataFlag::ResolvedBeforeFirstResponse][..]));
}

#[test]
fn fixture_round_trips_byte_for_byte() {
    let text = read(FIXTURE);
    assert_eq!(parse_ok("snapshot-v2.baton.json", &text).to_json(), text);
    // With a byte order mark in front (some editors add one) it reads the same.
    let with_bom = parse_ok("snapshot-v2.baton.json", &format!("\u{feff}{text}"));
    assert_eq!(with_bom.to_json(), text);
}

#[test]
fn built_workspace_round_trips() {
    let ws = build_workspace();
    let exported = Snapshot::of(&ws, ts("2026-11-04T08:00:00Z")).to_json();
    let back = parse_ok("pilot.baton.json", &exported);
    assert_eq!(back.to_json(), exported);
    assert_eq!(back.into_workspace(), ws);
}

/// The fixture as JSON.
fn fixture_value() -> Value {
    match serde_json::from_str(&read(FIXTURE)) {
        Ok(v) => v,
        Err(e) => panic!("{FIXTURE}: {e}"),
    }
}

/// The fixture as JSON, edited by `edit`, as text.
fn edited(edit: impl Fn(&mut Value)) -> String {
    let mut v = fixture_value();
    edit(&mut v);
    v.to_string()
}

fn remove(v: &mut Value, field: &str) {
    if let Some(object) = v.as_object_mut() {
        object.remove(field);
    }
}

const STRANGER: &str = "00000000-0000-0000-0000-0000000000ff";

#[test]
fn bad_files() {
    use SnapshotErrorKind::*;
    let stranger = "\"00000000-0000-0000-0000-0000000000ff\"";
    // (what, text, kind, path, found)
    let cases: Vec<(&str, String, SnapshotErrorKind, &str, &str)> = vec![
        (
            "not JSON",
            "{\"format\": \"baton.workspace\",\n  \"version\": 2,,}".into(),
            NotJson,
            "line 2, column 16",
            "text that is not valid JSON (key must be a string)",
        ),
        (
            "a CSV file",
            "Ticket ID,Subject\n1,Printer".into(),
            NotJson,
            "line 1, column 1",
            "text that is not valid JSON (expected value)",
        ),
        ("wrong format", edited(|v| v["format"] = json!("trello.board")), WrongFormat, "format", "\"trello.board\""),
        (
            "no format",
            edited(|v| remove(v, "format")),
            WrongFormat,
            "format",
            "no format field (this is not a Baton snapshot)",
        ),
        ("newer version", edited(|v| v["version"] = json!(3)), NewerVersion, "version", "3"),
        ("version as text", edited(|v| v["version"] = json!("2")), WrongType, "version", "\"2\""),
        (
            "unknown urgency",
            edited(|v| v["requests"][2]["urgency"] = json!("urgent")),
            Invalid,
            "requests[2].urgency",
            "\"urgent\"",
        ),
        (
            "number as text",
            edited(|v| v["requests"][0]["number"] = json!("1")),
            WrongType,
            "requests[0].number",
            "\"1\"",
        ),
        (
            "tags not a list",
            edited(|v| v["requests"][1]["tags"] = json!("a, b")),
            WrongType,
            "requests[1].tags",
            "\"a, b\"",
        ),
        (
            "bad time",
            edited(|v| v["events"][4]["at"] = json!("2026-11-02 25:00")),
            Invalid,
            "events[4].at",
            "\"2026-11-02 25:00\"",
        ),
        (
            "missing title",
            edited(|v| remove(&mut v["requests"][1], "title")),
            MissingField,
            "requests[1].title",
            "nothing",
        ),
        ("missing workspace", edited(|v| remove(v, "workspace")), MissingField, "workspace", "nothing"),
        (
            "missing member name",
            edited(|v| remove(&mut v["workspace"]["members"][2], "name")),
            MissingField,
            "workspace.members[2].name",
            "nothing",
        ),
        (
            "unknown owner",
            edited(|v| v["requests"][0]["owner"] = json!(STRANGER)),
            DanglingReference,
            "requests[0].owner",
            stranger,
        ),
        (
            "unknown previous handler",
            edited(|v| v["requests"][0]["previous_handlers"][1] = json!(STRANGER)),
            DanglingReference,
            "requests[0].previous_handlers[1]",
            stranger,
        ),
        (
            "event of no request",
            edited(|v| v["events"][14]["request"] = json!(STRANGER)),
            DanglingReference,
            "events[14].request",
            stranger,
        ),
        (
            "member of no department",
            edited(|v| v["workspace"]["members"][1]["department"] = json!(STRANGER)),
            DanglingReference,
            "workspace.members[1].department",
            stranger,
        ),
        (
            "duplicate request id",
            edited(|v| v["requests"][2]["id"] = v["requests"][0]["id"].clone()),
            DuplicateId,
            "requests[2].id",
            "\"00000000-0000-0000-0000-00000000000f\", already used at requests[0].id",
        ),
        (
            "duplicate member id",
            edited(|v| v["workspace"]["members"][1]["id"] = v["workspace"]["members"][0]["id"].clone()),
            DuplicateId,
            "workspace.members[1].id",
            "\"00000000-0000-0000-0000-000000000009\", already used at workspace.members[0].id",
        ),
        (
            "duplicate number",
            edited(|v| v["requests"][1]["number"] = json!(1)),
            DuplicateId,
            "requests[1].number",
            "1, already used at requests[0].number",
        ),
        (
            "next number too low",
            edited(|v| v["workspace"]["next_number"] = json!(6)),
            Invalid,
            "workspace.next_number",
            "6",
        ),
        (
            "rating of 0",
            edited(|v| v["requests"][2]["satisfaction"] = json!(0)),
            Invalid,
            "requests[2].satisfaction",
            "0",
        ),
        ("empty title", edited(|v| v["requests"][1]["title"] = json!("")), Invalid, "requests[1].title", "\"\""),
        // Version 2: references and values.
        (
            "member in no team",
            edited(|v| v["workspace"]["members"][0]["team"] = json!(STRANGER)),
            DanglingReference,
            "workspace.members[0].team",
            stranger,
        ),
        (
            "member in a team of another department",
            edited(|v| v["workspace"]["members"][0]["team"] = v["workspace"]["teams"][1]["id"].clone()),
            Invalid,
            "workspace.members[0].team",
            "\"00000000-0000-0000-0000-000000000025\" (team \"Tech 🔧\" of another department)",
        ),
        (
            "capacity 0",
            edited(|v| v["workspace"]["members"][1]["capacity"] = json!(0)),
            Invalid,
            "workspace.members[1].capacity",
            "0",
        ),
        (
            "rule to no team",
            edited(|v| v["workspace"]["routing"]["rules"][1]["target"]["team"] = json!(STRANGER)),
            DanglingReference,
            "workspace.routing.rules[1].target.team",
            stranger,
        ),
        (
            "fallback to no team",
            edited(|v| v["workspace"]["routing"]["fallback"]["team"] = json!(STRANGER)),
            DanglingReference,
            "workspace.routing.fallback.team",
            stranger,
        ),
        (
            "two accountable departments",
            edited(|v| v["workspace"]["responsibility"][0]["roles"][SALES] = json!("accountable")),
            Invalid,
            "workspace.responsibility[0].roles",
            "2 accountable departments",
        ),
        (
            "unknown time zone",
            edited(|v| v["workspace"]["calendar"]["zone"] = json!("Mars/Olympus")),
            Invalid,
            "workspace.calendar.zone",
            "\"Mars/Olympus\"",
        ),
        (
            "warning share of 100 %",
            edited(|v| v["workspace"]["sla"]["warn_percent"] = json!(100)),
            Invalid,
            "workspace.sla.warn_percent",
            "100",
        ),
        (
            "warning rule over 0 days",
            edited(|v| v["workspace"]["warnings"][0]["days"] = json!(0)),
            Invalid,
            "workspace.warnings[0].days",
            "0",
        ),
        (
            "merged into no request",
            edited(|v| v["requests"][5]["merged_into"] = json!(STRANGER)),
            DanglingReference,
            "requests[5].merged_into",
            stranger,
        ),
        (
            "ownership offered to no member",
            edited(|v| v["requests"][4]["ownership_offer"]["to"] = json!(STRANGER)),
            DanglingReference,
            "requests[4].ownership_offer.to",
            stranger,
        ),
        (
            "alert about no request",
            edited(|v| v["workspace"]["alerts"][0]["request"] = json!(STRANGER)),
            DanglingReference,
            "workspace.alerts[0].request",
            stranger,
        ),
        (
            "duplicate team id",
            edited(|v| v["workspace"]["teams"][1]["id"] = v["workspace"]["teams"][0]["id"].clone()),
            DuplicateId,
            "workspace.teams[1].id",
            "\"00000000-0000-0000-0000-000000000023\", already used at workspace.teams[0].id",
        ),
    ];
    for (what, text, kind, path, found) in cases {
        match snapshot::parse("tickets.baton.json", &text) {
            Ok(_) => panic!("{what}: expected an error at {path}"),
            Err(e) => {
                assert_eq!((e.kind, e.path.as_str(), e.found.as_str()), (kind, path, found), "{what}: {e}");
                assert_eq!(e.file, "tickets.baton.json", "{what}");
            }
        }
    }
}

/// The sales department's id, a key of the responsibility row.
const SALES: &str = "00000000-0000-0000-0000-000000000002";

#[test]
fn error_messages() {
    let cases: Vec<(String, &str)> = vec![
        (
            edited(|v| v["requests"][2]["urgency"] = json!("urgent")),
            "tickets.baton.json: at requests[2].urgency: expected one of low, medium, high, critical, found \"urgent\"",
        ),
        (
            edited(|v| v["version"] = json!(3)),
            "tickets.baton.json: made by a newer version of Baton (format version 3); this version reads up to 2",
        ),
        (
            edited(|v| remove(&mut v["requests"][1], "status")),
            "tickets.baton.json: at requests[1].status: expected one of new, in_progress, waiting_for_customer, resolved, closed, reopened, found nothing",
        ),
        (
            edited(|v| v["requests"][0]["handler"] = json!(STRANGER)),
            "tickets.baton.json: at requests[0].handler: expected the id of a member of this workspace, found \"00000000-0000-0000-0000-0000000000ff\"",
        ),
        (
            "[]".to_string(),
            "tickets.baton.json: expected an object with \"format\": \"baton.workspace\", found an array of 0 item(s)",
        ),
        (
            edited(|v| v["workspace"]["members"][0]["team"] = v["workspace"]["teams"][1]["id"].clone()),
            "tickets.baton.json: at workspace.members[0].team: expected a team of the member's own department, found \"00000000-0000-0000-0000-000000000025\" (team \"Tech 🔧\" of another department)",
        ),
        (
            edited(|v| v["workspace"]["calendar"]["zone"] = json!("Mars/Olympus")),
            "tickets.baton.json: at workspace.calendar.zone: expected an IANA time zone name such as \"Asia/Shanghai\", found \"Mars/Olympus\"",
        ),
        (
            edited(|v| v["workspace"]["calendar"]["hours"][1]["start"] = json!("13h30")),
            "tickets.baton.json: at workspace.calendar.hours[1].start: expected a time like \"09:00\", found \"13h30\"",
        ),
        (
            edited(|v| v["workspace"]["responsibility"][0]["roles"][SALES] = json!("accountable")),
            "tickets.baton.json: at workspace.responsibility[0].roles: expected exactly one accountable department, found 2 accountable departments",
        ),
        (
            edited(|v| v["workspace"]["sla"]["warn_percent"] = json!(100)),
            "tickets.baton.json: at workspace.sla.warn_percent: expected a whole number from 1 to 99, found 100",
        ),
        (
            edited(|v| v["workspace"]["warnings"][0]["days"] = json!(0)),
            "tickets.baton.json: at workspace.warnings[0].days: expected a whole number of days from 1 to 31, found 0",
        ),
        (
            edited(|v| v["requests"][5]["merged_into"] = json!(STRANGER)),
            "tickets.baton.json: at requests[5].merged_into: expected the id of another request of this workspace, found \"00000000-0000-0000-0000-0000000000ff\"",
        ),
    ];
    for (text, expected) in cases {
        let message = snapshot::parse("tickets.baton.json", &text).err().map(|e| e.to_string());
        assert_eq!(message.as_deref(), Some(expected));
    }
}

/// Fields Baton reads as optional may be left out of a hand-made file.
#[test]
fn optional_fields_may_be_left_out() {
    let text = edited(|v| {
        for field in
            ["description", "customer", "tags", "comments", "flags", "owner", "handler", "created_at", "satisfaction"]
        {
            remove(&mut v["requests"][1], field);
        }
        for field in ["routing", "rerouted", "ownership_offer", "pauses", "sla"] {
            remove(&mut v["requests"][4], field);
        }
        remove(&mut v["requests"][5], "merged_into");
        remove(&mut v["workspace"]["members"][0], "active");
        for field in ["team", "skills", "capacity", "on_duty"] {
            remove(&mut v["workspace"]["members"][4], field);
        }
        for field in ["routing", "responsibility", "calendar", "sla", "thresholds", "warnings", "alerts"] {
            remove(&mut v["workspace"], field);
        }
        remove(&mut v["events"][0], "actor");
    });
    let s = parse_ok("hand-made.baton.json", &text);
    let r = &s.requests[1];
    assert_eq!((r.description.as_str(), r.tags.len(), r.owner, r.created_at), ("", 0, None, None));
    let r = &s.requests[4];
    assert_eq!(
        (r.routing.as_ref(), r.rerouted, r.ownership_offer.as_ref(), r.pauses.len(), r.sla),
        (None, false, None, 0, None)
    );
    assert_eq!(s.requests[5].merged_into, None);
    assert!(s.workspace.members[0].active);
    let kai = &s.workspace.members[4];
    assert_eq!((kai.team, kai.skills.len(), kai.capacity, kai.on_duty), (None, 0, None, true));
    let w = &s.workspace;
    assert_eq!(w.routing, Routing::default());
    assert_eq!(w.calendar, BusinessCalendar::standard("UTC"));
    assert_eq!((w.sla, w.thresholds), (SlaPolicy::default(), Thresholds::default()));
    assert!(w.responsibility.is_empty() && w.warnings.is_empty() && w.alerts.is_empty());

    // Inside the new records too.
    let text = edited(|v| {
        let rule = &mut v["workspace"]["routing"]["rules"][1];
        remove(rule, "enabled");
        remove(rule, "when");
        remove(&mut v["workspace"]["calendar"], "holidays");
        remove(&mut v["workspace"]["warnings"][0], "enabled");
        for field in ["request", "cleared_at", "values"] {
            remove(&mut v["workspace"]["alerts"][0], field);
        }
        remove(&mut v["requests"][3]["pauses"][0], "to");
        remove(&mut v["requests"][4]["ownership_offer"], "by");
        if let Some(decision) = v["requests"][3]["routing"].as_object_mut() {
            decision.clear();
        }
    });
    let s = parse_ok("hand-made.baton.json", &text);
    let rule = &s.workspace.routing.rules[1];
    assert_eq!((rule.enabled, &rule.when), (true, &Conditions::default()));
    assert!(s.workspace.calendar.holidays.is_empty() && s.workspace.warnings[0].enabled);
    let alert = &s.workspace.alerts[0];
    assert_eq!((alert.request, alert.cleared_at, alert.values.len()), (None, None, 0));
    assert_eq!(s.requests[3].pauses[0].to, None);
    assert_eq!(s.requests[4].ownership_offer.as_ref().and_then(|o| o.by), None);
    let decision = s.requests[3].routing.as_ref();
    assert_eq!(
        decision.map(|d| (d.rule.is_none(), d.via_fallback, d.member, d.load, d.skipped.len())),
        Some((true, false, None, 0, 0))
    );
}

// ---------------------------------------------------------------------------
// The JSON Schema in docs/ against the fixture. A small checker for the
// keywords the schema uses (type, properties, required,
// additionalProperties (false or a schema), propertyNames, items,
// minItems, maxItems, enum, const, $ref, oneOf, minimum, maximum,
// minLength, maxLength, pattern for the four patterns it holds); it fails
// on any other keyword so the schema cannot drift beyond what is checked here.

fn schema() -> &'static Value {
    static SCHEMA_VALUE: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    SCHEMA_VALUE.get_or_init(|| match serde_json::from_str(&read(SCHEMA)) {
        Ok(v) => v,
        Err(e) => panic!("{SCHEMA}: {e}"),
    })
}

fn type_matches(name: &str, v: &Value) -> bool {
    match name {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other} in the schema"),
    }
}

/// The JSON type of a value, for messages (the value itself may be big).
fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn is_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok() && s.len() == 36
}

/// `HH:MM`, 00:00 to 24:00.
fn is_clock_time(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 5 || b[2] != b':' || !s.chars().filter(|c| *c != ':').all(|c| c.is_ascii_digit()) {
        return false;
    }
    let (h, m) = (s[..2].parse::<u32>().unwrap_or(99), s[3..].parse::<u32>().unwrap_or(99));
    (h < 24 && m < 60) || (h, m) == (24, 0)
}

/// Checks `v` against `schema`; pushes "path: problem" for each mismatch.
fn check(root: &Value, schema: &Value, v: &Value, path: &str, problems: &mut Vec<String>) {
    let Some(rules) = schema.as_object() else { panic!("schema at {path} is not an object") };
    for (keyword, rule) in rules {
        match keyword.as_str() {
            "$schema" | "$id" | "title" | "description" | "$defs" | "$comment" | "default" | "examples" => {}
            "$ref" => {
                let name = rule.as_str().and_then(|r| r.strip_prefix("#/$defs/"));
                let target = name.and_then(|n| root["$defs"].get(n));
                let Some(target) = target else { panic!("bad $ref {rule} at {path}") };
                check(root, target, v, path, problems);
            }
            "type" => {
                let ok = match rule {
                    Value::String(t) => type_matches(t, v),
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(|t| type_matches(t, v)),
                    _ => panic!("bad type at {path}"),
                };
                if !ok {
                    problems.push(format!("{path}: expected type {rule}, found {}", json_type(v)));
                }
            }
            "properties" => {
                if let (Some(props), Some(obj)) = (rule.as_object(), v.as_object()) {
                    for (k, sub) in props {
                        if let Some(child) = obj.get(k) {
                            check(root, sub, child, &format!("{path}.{k}"), problems);
                        }
                    }
                }
            }
            "required" => {
                if let Some(obj) = v.as_object() {
                    for k in rule.as_array().into_iter().flatten().filter_map(Value::as_str) {
                        if !obj.contains_key(k) {
                            problems.push(format!("{path}: required {k} is missing"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                let Some(obj) = v.as_object() else { continue };
                let extra = obj.iter().filter(|(k, _)| rules.get("properties").and_then(|p| p.get(k)).is_none());
                for (k, child) in extra {
                    match rule {
                        Value::Bool(false) => problems.push(format!("{path}: {k} is not in the schema")),
                        Value::Object(_) => check(root, rule, child, &format!("{path}.{k}"), problems),
                        _ => panic!("additionalProperties at {path} is neither false nor a schema"),
                    }
                }
            }
            "propertyNames" => {
                for k in v.as_object().into_iter().flat_map(|o| o.keys()) {
                    check(root, rule, &Value::String(k.clone()), &format!("{path} (key {k:?})"), problems);
                }
            }
            "items" => {
                for (i, item) in v.as_array().into_iter().flatten().enumerate() {
                    check(root, rule, item, &format!("{path}[{i}]"), problems);
                }
            }
            "minItems" | "maxItems" => {
                if let (Some(limit), Some(items)) = (rule.as_u64(), v.as_array()) {
                    let n = items.len() as u64;
                    let ok = if keyword == "minItems" { n >= limit } else { n <= limit };
                    if !ok {
                        problems.push(format!("{path}: {n} item(s), beyond the {keyword} {limit}"));
                    }
                }
            }
            "enum" => {
                if !rule.as_array().is_some_and(|values| values.contains(v)) {
                    problems.push(format!("{path}: {v} is not one of {rule}"));
                }
            }
            "const" => {
                if rule != v {
                    problems.push(format!("{path}: expected {rule}, found {v}"));
                }
            }
            "oneOf" => {
                let matching = rule
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|sub| {
                        // A tag that differs rules an alternative out at once (40 change types).
                        if tag_differs(sub, v) {
                            return false;
                        }
                        let mut inner = Vec::new();
                        check(root, sub, v, path, &mut inner);
                        inner.is_empty()
                    })
                    .count();
                if matching != 1 {
                    problems.push(format!("{path}: {matching} alternatives of oneOf match, expected exactly 1"));
                }
            }
            "minimum" | "maximum" => {
                if let (Some(limit), Some(n)) = (rule.as_f64(), v.as_f64()) {
                    let ok = if keyword == "minimum" { n >= limit } else { n <= limit };
                    if !ok {
                        problems.push(format!("{path}: {n} is beyond the {keyword} {limit}"));
                    }
                }
            }
            "maxLength" => {
                if let (Some(max), Some(s)) = (rule.as_u64(), v.as_str()) {
                    if (s.chars().count() as u64) > max {
                        problems.push(format!("{path}: longer than {max} characters"));
                    }
                }
            }
            "minLength" => {
                if let (Some(min), Some(s)) = (rule.as_u64(), v.as_str()) {
                    if (s.chars().count() as u64) < min {
                        problems.push(format!("{path}: shorter than {min} characters"));
                    }
                }
            }
            "pattern" => {
                let Some(s) = v.as_str() else { continue };
                let ok = match rule.as_str() {
                    Some("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$") => is_uuid(s),
                    Some("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$") => {
                        s.ends_with('Z')
                            && chrono::DateTime::parse_from_rfc3339(s).is_ok()
                            && s.get(10..11) == Some("T")
                    }
                    Some("^\\d{4}-\\d{2}-\\d{2}$") => {
                        s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
                    }
                    Some("^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$") => is_clock_time(s),
                    _ => panic!("pattern {rule} at {path} is not one this checker knows"),
                };
                if !ok {
                    problems.push(format!("{path}: {s:?} does not match {rule}"));
                }
            }
            other => panic!("keyword {other} at {path} is not checked by this test"),
        }
    }
}

/// Whether `schema` gives a field of `v` a `const` that the field does not
/// hold: then `v` certainly does not match `schema`.
fn tag_differs(schema: &Value, v: &Value) -> bool {
    let Some(props) = schema.get("properties").and_then(Value::as_object) else { return false };
    props.iter().any(|(k, sub)| match (sub.get("const"), v.get(k)) {
        (Some(c), Some(field)) => c != field,
        _ => false,
    })
}

fn schema_problems(v: &Value) -> Vec<String> {
    let root = schema();
    let mut problems = Vec::new();
    check(root, root, v, "$", &mut problems);
    problems
}

#[test]
fn the_checker_knows_its_patterns() {
    for (s, ok) in [
        ("09:00", true),
        ("24:00", true),
        ("00:00", true),
        ("23:59", true),
        ("24:01", false),
        ("9:00", false),
        ("09:60", false),
        ("0900", false),
        ("ab:cd", false),
    ] {
        assert_eq!(is_clock_time(s), ok, "{s}");
    }
    let date = json!({"$defs": {}, "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"});
    for (s, ok) in [("2026-11-04", true), ("2026-02-30", false), ("2026-1-4", false), ("2026-11-04T00:00:00Z", false)] {
        let mut problems = Vec::new();
        check(&date, &date, &json!(s), "$", &mut problems);
        assert_eq!(problems.is_empty(), ok, "{s}");
    }
    // A map: keys by propertyNames, values by additionalProperties.
    let map = json!({"$defs": {}, "type": "object", "propertyNames": {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"}, "additionalProperties": {"enum": ["a"]}});
    for (v, problems) in [
        (json!({"00000000-0000-0000-0000-000000000001": "a"}), 0),
        (json!({"x": "a"}), 1),
        (json!({"00000000-0000-0000-0000-000000000001": "b"}), 1),
    ] {
        let mut found = Vec::new();
        check(&map, &map, &v, "$", &mut found);
        assert_eq!(found.len(), problems, "{v}: {found:?}");
    }
}

#[test]
fn schema_accepts_the_fixture_and_a_built_workspace() {
    assert_eq!(schema_problems(&fixture_value()), Vec::<String>::new());
    let built: Value = serde_json::from_str(&Snapshot::of(&build_workspace(), ts("2026-11-04T08:00:00Z")).to_json())
        .unwrap_or(Value::Null);
    assert_eq!(schema_problems(&built), Vec::<String>::new());
    // The schema describes today's format: the version-1 file is read (and
    // migrated) by Baton but is not a version-2 document.
    let v1: Value = serde_json::from_str(&read(FIXTURE_V1)).unwrap_or(Value::Null);
    assert!(schema_problems(&v1).iter().any(|p| p.starts_with("$.version")));
}

#[test]
fn schema_requires_what_the_fixture_has() {
    let root = schema();
    let fixture = fixture_value();
    let required: Vec<&str> = root["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    assert_eq!(required, ["format", "version", "exported_at", "workspace", "requests", "events"]);
    for key in required {
        assert!(fixture.get(key).is_some(), "{key} is required by the schema but not in the fixture");
    }
    assert_eq!(root["properties"]["version"]["const"], json!(VERSION));
    assert_eq!(root["properties"]["format"]["const"], json!(FORMAT));
}

/// One object of each kind in the fixture, as JSON pointers: for each, and
/// each of its fields, leaving the field out is refused by the schema
/// exactly when the reader misses it, and accepted by the schema whenever
/// the reader accepts the file. So the schema requires what the reader
/// requires (which Baton always writes), and no more.
#[test]
fn schema_requires_what_the_reader_requires() {
    let fixture = fixture_value();
    let mut places: Vec<String> = [
        "",
        "/workspace",
        "/workspace/departments/0",
        "/workspace/members/0",
        "/workspace/teams/0",
        "/workspace/routing",
        "/workspace/routing/rules/0/target",
        "/workspace/routing/rules/1",
        "/workspace/routing/rules/1/when",
        "/workspace/routing/rules/1/target",
        "/workspace/responsibility/0",
        "/workspace/calendar",
        "/workspace/calendar/hours/0",
        "/workspace/sla",
        "/workspace/sla/high",
        "/workspace/thresholds",
        "/workspace/warnings/0",
        "/workspace/alerts/0",
        "/workspace/alerts/0/values/0",
        "/requests/0",
        "/requests/0/customer",
        "/requests/0/comments/0",
        "/requests/2",
        "/requests/3",
        "/requests/3/routing",
        "/requests/3/routing/rule",
        "/requests/3/routing/skipped/0",
        "/requests/3/pauses/0",
        "/requests/3/sla",
        "/requests/3/sla/first_response",
        "/requests/4/ownership_offer",
        "/requests/5",
        "/events/0",
    ]
    .map(String::from)
    .to_vec();
    // The first change of each type.
    let mut types = std::collections::BTreeSet::new();
    for (i, e) in fixture["events"].as_array().into_iter().flatten().enumerate() {
        if types.insert(e["change"]["type"].as_str().unwrap_or_default().to_string()) {
            places.push(format!("/events/{i}/change"));
        }
    }
    let mut checked = 0;
    for place in &places {
        let Some(Value::Object(fields)) = fixture.pointer(place) else { panic!("nothing at {place:?}") };
        for key in fields.keys() {
            let mut v = fixture.clone();
            if let Some(Value::Object(o)) = v.pointer_mut(place) {
                o.remove(key);
            }
            let read = snapshot::parse("t.baton.json", &v.to_string());
            let problems = schema_problems(&v);
            let missing = read.as_ref().is_err_and(|e| e.kind == SnapshotErrorKind::MissingField);
            assert!(!missing || !problems.is_empty(), "{place}/{key}: the reader requires it, the schema does not");
            assert!(
                read.is_err() || problems.is_empty(),
                "{place}/{key}: the reader does without it, the schema refuses: {problems:?}"
            );
            checked += 1;
        }
    }
    assert!(types.len() >= 20 && checked > 250, "{} change types, {checked} fields", types.len());
}

#[test]
fn schema_refuses_what_the_reader_refuses() {
    // Each edit is refused by the reader (see bad_files) and by the schema.
    type Edit = fn(&mut Value);
    let cases: &[(&str, Edit)] = &[
        ("unknown urgency", |v| v["requests"][2]["urgency"] = json!("urgent")),
        ("wrong format", |v| v["format"] = json!("trello.board")),
        ("newer version", |v| v["version"] = json!(3)),
        ("missing title", |v| remove(&mut v["requests"][1], "title")),
        ("number as text", |v| v["requests"][0]["number"] = json!("1")),
        ("bad id", |v| v["requests"][0]["id"] = json!("x")),
        ("rating of 6", |v| v["requests"][2]["satisfaction"] = json!(6)),
        ("unknown change", |v| v["events"][0]["change"]["type"] = json!("request_deleted")),
        ("empty title", |v| v["requests"][1]["title"] = json!("")),
        // Version 2.
        ("capacity 0", |v| v["workspace"]["members"][0]["capacity"] = json!(0)),
        ("on duty as text", |v| v["workspace"]["members"][0]["on_duty"] = json!("yes")),
        ("unknown strategy", |v| v["workspace"]["routing"]["rules"][1]["target"]["strategy"] = json!("random")),
        ("unknown target kind", |v| v["workspace"]["routing"]["rules"][1]["target"]["kind"] = json!("robot")),
        ("team target without a team", |v| remove(&mut v["workspace"]["routing"]["rules"][1]["target"], "team")),
        ("unknown channel in a rule", |v| v["workspace"]["routing"]["rules"][0]["when"]["channels"][0] = json!("fax")),
        ("member target without a member", |v| v["workspace"]["routing"]["fallback"] = json!({"kind": "member"})),
        ("cursor to no id", |v| {
            v["workspace"]["routing"]["cursors"]["00000000-0000-0000-0000-000000000023"] = json!(3)
        }),
        ("unknown role", |v| v["workspace"]["responsibility"][0]["roles"][SALES] = json!("boss")),
        ("role of no id", |v| v["workspace"]["responsibility"][0]["roles"]["sales"] = json!("informed")),
        ("blank time zone", |v| v["workspace"]["calendar"]["zone"] = json!("")),
        ("unknown working day", |v| v["workspace"]["calendar"]["working_days"][0] = json!("Funday")),
        ("no working day", |v| v["workspace"]["calendar"]["working_days"] = json!([])),
        ("no opening hours", |v| v["workspace"]["calendar"]["hours"] = json!([])),
        ("time not HH:MM", |v| v["workspace"]["calendar"]["hours"][0]["start"] = json!("9h")),
        ("time after 24:00", |v| v["workspace"]["calendar"]["hours"][1]["end"] = json!("24:30")),
        ("holiday not a date", |v| v["workspace"]["calendar"]["holidays"][0] = json!("4 Nov")),
        ("target of 0 s", |v| v["workspace"]["sla"]["high"]["first_response_secs"] = json!(0)),
        ("warning share of 100 %", |v| v["workspace"]["sla"]["warn_percent"] = json!(100)),
        ("orphan threshold of 0", |v| v["workspace"]["thresholds"]["orphan_after_secs"] = json!(0)),
        ("duplicate window of 0 days", |v| v["workspace"]["thresholds"]["duplicate_window_days"] = json!(0)),
        ("warning rule over 0 days", |v| v["workspace"]["warnings"][0]["days"] = json!(0)),
        ("orphan rate over 2 days", |v| v["workspace"]["warnings"][1]["days"] = json!(2)),
        ("first response elapsed below", |v| v["workspace"]["warnings"][2]["comparison"] = json!("below")),
        ("threshold of 101 %", |v| v["workspace"]["warnings"][1]["threshold_percent"] = json!(101)),
        ("unknown metric", |v| v["workspace"]["warnings"][1]["metric"] = json!("mood")),
        ("alert day not a date", |v| v["workspace"]["alerts"][0]["values"][0]["day"] = json!("today")),
        ("merged into no id", |v| v["requests"][5]["merged_into"] = json!(6)),
        ("pause end not a time", |v| v["requests"][3]["pauses"][0]["to"] = json!("later")),
        ("decision strategy unknown", |v| v["requests"][3]["routing"]["strategy"] = json!("coin")),
        ("offer without a reason", |v| remove(&mut v["requests"][4]["ownership_offer"], "reason")),
        ("clock without a target", |v| remove(&mut v["requests"][3]["sla"]["resolution"], "target_secs")),
        ("three SLA targets", |v| v["events"][17]["change"]["after"] = json!([1, 2, 3])),
        ("alert of an unknown metric", |v| v["events"][57]["change"]["metric"] = json!("mood")),
    ];
    for (what, edit) in cases {
        let text = edited(*edit);
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert!(!schema_problems(&v).is_empty(), "{what}: the schema accepts it");
        assert!(snapshot::parse("t.baton.json", &text).is_err(), "{what}: the reader accepts it");
    }
}

/// The example in docs/snapshot-format.md is a valid snapshot.
#[test]
fn documented_example_reads() {
    let doc = read("docs/snapshot-format.md");
    let example = doc.split("```json\n").nth(1).and_then(|rest| rest.split("```").next());
    let Some(example) = example else { panic!("docs/snapshot-format.md has no ```json example") };
    let s = parse_ok("snapshot-format.md", example);
    assert_eq!((s.requests.len(), s.events.len(), s.requests[0].title.as_str()), (1, 1, "打印机卡纸 🖨️"));
    assert_eq!((s.version, s.workspace.calendar.zone.as_str(), s.workspace.teams.len()), (2, "Asia/Shanghai", 1));
    let v: Value = serde_json::from_str(example).unwrap_or(Value::Null);
    assert_eq!(schema_problems(&v), Vec::<String>::new());
}

// ---------------------------------------------------------------------------
// Handoffs and their checklist templates: not in the frozen fixture (the
// format gained them as optional fields), so checked on a workspace built
// through commands.

/// Built-in Chinese templates and a second version of the general one; a
/// request handed from service to technical (to Li) with a condition that
/// does not apply, returned, sent again and accepted, then handed back and
/// withdrawn.
fn workspace_with_handoffs() -> Workspace {
    use baton::domain::handoff::{BuiltinLang, HandoffDraft, ReturnReason, TemplateDraft};
    let mut ids = SeqIds::new(1);
    let at = |time: &str| ts(&format!("2026-11-02T{time}Z"));
    let mut ws = Workspace::with_default_departments(&mut ids, "交接 🚀", at("01:00:00"));
    let (service, technical) = (ws.departments[1].id, ws.departments[3].id);
    let mut ctx = Ctx::new(at("01:00:00"), None, &mut ids);
    run(&mut ws, &mut ctx, Command::AddMember { name: "王芳".into(), department: service });
    run(&mut ws, &mut ctx, Command::AddMember { name: "Li".into(), department: technical });
    run(&mut ws, &mut ctx, Command::AddBuiltinHandoffTemplates { lang: BuiltinLang::Zh });
    let general = ws.handoff_templates[0].clone();
    let mut items = general.versions[0].items.clone();
    items.push(baton::domain::handoff::Item::new("", items[0].section, items[0].kind, "新增项目"));
    let draft = TemplateDraft { name: general.name.clone(), leg: None, items };
    run(&mut ws, &mut ctx, Command::SaveHandoffTemplate { template: Some(general.id), draft });
    let (wang, li) = (ws.members[0].id, ws.members[1].id);
    let mut ctx = Ctx::new(at("02:00:00"), Some(wang), &mut ids);
    run(
        &mut ws,
        &mut ctx,
        Command::CreateRequest(NewRequest {
            preferences: "下午三点后".into(), ..NewRequest::titled("打印机卡纸 🖨️")
        }),
    );
    let request = request_id(&ws, 1);
    let answers = |pairs: &[(&str, &str)]| pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let to_tech = |pairs: &[(&str, &str)], reason: &str| HandoffDraft {
        request,
        from: service,
        to: technical,
        to_member: Some(li),
        answers: answers(pairs),
        incomplete_reason: reason.into(),
    };
    let base = [
        ("customer", "张伟"),
        ("fault", "卡纸"),
        ("warranty", "在保"),
        ("tried", "清洁"),
        ("preferences", "下午三点后"),
        ("ask", "检修"),
        ("contact", ""),
    ];
    run(&mut ws, &mut ctx, Command::SendHandoff(to_tech(&base, "序列号未知")));
    let first = ws.requests[&request].handoffs[0].id;
    let mut ctx = Ctx::new(at("03:00:00"), Some(li), &mut ids);
    let note = "需要序列号".to_string();
    run(
        &mut ws,
        &mut ctx,
        Command::ReturnHandoff { request, handoff: first, reason: ReturnReason::MissingInformation, note },
    );
    let mut ctx = Ctx::new(at("04:00:00"), Some(wang), &mut ids);
    let mut full = base.to_vec();
    let wang_id = wang.to_string();
    full.extend([("product", "X2 SN 4711"), ("contact", wang_id.as_str())]);
    run(&mut ws, &mut ctx, Command::SendHandoff(to_tech(&full, "")));
    let second = ws.requests[&request].handoffs[1].id;
    let mut ctx = Ctx::new(at("05:00:00"), Some(li), &mut ids);
    run(&mut ws, &mut ctx, Command::AcceptHandoff { request, handoff: second });
    let back = HandoffDraft {
        request,
        from: technical,
        to: service,
        to_member: None,
        answers: answers(&[
            ("result", "换了搓纸轮"),
            ("state", "已修复"),
            ("tell", "已修好"),
            ("preferences", "下午三点后"),
        ]),
        incomplete_reason: String::new(),
    };
    run(&mut ws, &mut ctx, Command::SendHandoff(back));
    let third = ws.requests[&request].handoffs[2].id;
    run(&mut ws, &mut ctx, Command::WithdrawHandoff { request, handoff: third, reason: "发错了".into() });
    ws
}

#[test]
fn handoffs_round_trip_and_match_the_schema() {
    let ws = workspace_with_handoffs();
    let exported = Snapshot::of(&ws, ts("2026-11-03T00:00:00Z")).to_json();
    let back = parse_ok("handoffs.baton.json", &exported);
    assert_eq!(back.to_json(), exported);
    assert_eq!(back.into_workspace(), ws);
    let v: Value = serde_json::from_str(&exported).unwrap_or(Value::Null);
    assert_eq!(schema_problems(&v), Vec::<String>::new());
    assert_eq!(v["requests"][0]["handoffs"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["workspace"]["handoff_templates"][0]["versions"].as_array().map(Vec::len), Some(2));
    // Service → technical at normal urgency: the safety check did not apply.
    assert_eq!(v["requests"][0]["handoffs"][0]["not_applicable"], json!(["safety"]));
}

/// As for the fixture: leaving out a field of a handoff record is refused
/// by the schema exactly when the reader misses it.
#[test]
fn schema_requires_what_the_reader_requires_of_handoffs() {
    let exported = Snapshot::of(&workspace_with_handoffs(), ts("2026-11-03T00:00:00Z")).to_json();
    let value: Value = serde_json::from_str(&exported).unwrap_or(Value::Null);
    let mut places: Vec<String> = [
        "/workspace/handoff_templates/0",
        "/workspace/handoff_templates/1",
        "/workspace/handoff_templates/1/leg",
        "/workspace/handoff_templates/0/versions/1",
        "/workspace/handoff_templates/0/versions/0/items/0",
        "/workspace/handoff_templates/0/versions/0/items/9",
        "/workspace/handoff_templates/0/versions/0/items/9/when",
        "/workspace/handoff_templates/2/versions/0/items/4",
        "/requests/0/handoffs/0",
        "/requests/0/handoffs/0/reply",
        "/requests/0/handoffs/1",
        "/requests/0/handoffs/2/reply",
    ]
    .map(String::from)
    .to_vec();
    let mut types = std::collections::BTreeSet::new();
    for (i, e) in value["events"].as_array().into_iter().flatten().enumerate() {
        let t = e["change"]["type"].as_str().unwrap_or_default().to_string();
        if t.starts_with("handoff") && types.insert(t) {
            places.push(format!("/events/{i}/change"));
        }
    }
    assert_eq!(types.len(), 5, "{types:?}");
    let mut checked = 0;
    for place in &places {
        let Some(Value::Object(fields)) = value.pointer(place) else { panic!("nothing at {place:?}") };
        for key in fields.keys() {
            let mut v = value.clone();
            if let Some(Value::Object(o)) = v.pointer_mut(place) {
                o.remove(key);
            }
            let read = snapshot::parse("t.baton.json", &v.to_string());
            let problems = schema_problems(&v);
            let missing = read.as_ref().is_err_and(|e| e.kind == SnapshotErrorKind::MissingField);
            assert!(!missing || !problems.is_empty(), "{place}/{key}: the reader requires it, the schema does not");
            assert!(
                read.is_err() || problems.is_empty(),
                "{place}/{key}: the reader does without it, the schema refuses: {problems:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 70, "{checked} fields");
}

// ---------------------------------------------------------------------------
// The task board: the workspace built above with a board on top, through
// commands (Wednesday 4 Nov 2026), so that every record and change type of
// the board is in the file. The frozen fixture has none of it and stays as
// it is: the board's fields are left out while empty or default.

fn board_workspace() -> Workspace {
    use baton::domain::board::{Anchor, LaneType, TaskTemplate, TemplateStep};
    use baton::domain::{ColumnPatch, NewTask, TaskPatch};
    let mut ws = build_workspace();
    let mut ids = SeqIds::new(10_000);
    let wed = |time: &str| ts(&format!("2026-11-04T{time}Z"));
    let (wang, li) = (ws.members[0].id, ws.members[1].id);
    let (service, technical) = (ws.departments[1].id, ws.departments[3].id);
    let first = request_id(&ws, 2);
    let mut ctx = Ctx::new(wed("01:00:00"), Some(wang), &mut ids);
    run(&mut ws, &mut ctx, Command::AddColumn { name: "复核 Review".into() });
    let review = ws.board.columns.iter().find(|c| !c.is_builtin_name()).map(|c| c.key.clone()).unwrap_or_default();
    let limit = ColumnPatch { wip_limit: Some(Some(3)), name: Some("进行中".into()), ..ColumnPatch::default() };
    run(&mut ws, &mut ctx, Command::UpdateColumn { column: "doing".into(), patch: limit });
    run(&mut ws, &mut ctx, Command::MoveColumn { column: review.clone(), to: 2 });
    run(&mut ws, &mut ctx, Command::SetLaneLimit { lane_type: LaneType::Department, lane: service, limit: Some(4) });
    run(&mut ws, &mut ctx, Command::SetLaneLimit { lane_type: LaneType::Assignee, lane: li, limit: Some(2) });
    let steps = vec![
        TemplateStep {
            department: service,
            title: "回电客户 📞".into(),
            checklist: vec!["道歉".into(), "约时间".into()],
            due_in_days: Some(1),
        },
        TemplateStep { department: technical, title: "Find the fault".into(), checklist: vec![], due_in_days: None },
    ];
    run(&mut ws, &mut ctx, Command::SetTaskTemplate(TaskTemplate { category: "硬件".into(), steps: steps.clone() }));
    run(&mut ws, &mut ctx, Command::SetTaskTemplate(TaskTemplate { category: "Other".into(), steps: steps.clone() }));
    run(&mut ws, &mut ctx, Command::RemoveTaskTemplate { category: "other".into() });
    let mut ctx = Ctx::new(wed("02:00:00"), Some(wang), &mut ids);
    run(&mut ws, &mut ctx, Command::SplitRequest { request: first, steps });
    let new = NewTask {
        department: Some(technical),
        assignee: Some(li),
        due: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
        labels: vec!["现场".into(), "vip 🌟".into()],
        column: "doing".into(),
        ..NewTask::titled("Spare part order 备件")
    };
    run(&mut ws, &mut ctx, Command::AddTask(new));
    run(&mut ws, &mut ctx, Command::AddTask(NewTask::titled("To be removed")));
    let task =
        |ws: &Workspace, title: &str| ws.tasks.values().find(|t| t.title == title).map(|t| t.id).unwrap_or_default();
    let (call, part, gone) = (task(&ws, "回电客户 📞"), task(&ws, "Spare part order 备件"), task(&ws, "To be removed"));
    let mut ctx = Ctx::new(wed("03:00:00"), Some(li), &mut ids);
    run(&mut ws, &mut ctx, Command::RemoveTask { task: gone });
    run(&mut ws, &mut ctx, Command::MoveTask { task: call, column: "doing".into(), anchor: Anchor::Before(part) });
    run(&mut ws, &mut ctx, Command::MoveTask { task: call, column: "doing".into(), anchor: Anchor::Bottom });
    let patch = TaskPatch { assignee: Some(Some(wang)), ..TaskPatch::default() };
    run(&mut ws, &mut ctx, Command::UpdateTask { task: call, patch });
    let item = ws.tasks[&call].checklist[0].id;
    run(&mut ws, &mut ctx, Command::CheckChecklistItem { task: call, item, done: true });
    run(&mut ws, &mut ctx, Command::AddChecklistItem { task: part, text: "核对型号".into() });
    let extra = ws.tasks[&part].checklist[0].id;
    run(&mut ws, &mut ctx, Command::RemoveChecklistItem { task: part, item: extra });
    run(&mut ws, &mut ctx, Command::CommentOnTask { task: part, text: "供应商明天到货 👍".into() });
    run(&mut ws, &mut ctx, Command::LogEffort { task: part, minutes: 90 });
    // Many drops into one gap: the neighbourhood is renumbered (recorded).
    for _ in 0..21 {
        run(&mut ws, &mut ctx, Command::MoveTask { task: part, column: "doing".into(), anchor: Anchor::Top });
        run(&mut ws, &mut ctx, Command::MoveTask { task: call, column: "doing".into(), anchor: Anchor::Top });
    }
    let mut ctx = Ctx::new(wed("04:00:00"), Some(wang), &mut ids);
    run(
        &mut ws,
        &mut ctx,
        Command::ResolveWithOpenTasks {
            request: first,
            summary: "Refund agreed".into(),
            reason: "客户已满意 🙂".into(),
        },
    );
    ws
}

fn board_value() -> Value {
    let text = Snapshot::of(&board_workspace(), ts("2026-11-05T00:00:00Z")).to_json();
    match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => panic!("the board export is not JSON: {e}"),
    }
}

#[test]
fn board_round_trips_and_matches_the_schema() {
    let ws = board_workspace();
    let kinds: std::collections::BTreeSet<String> = ws
        .events
        .iter()
        .map(|e| format!("{:?}", e.change).split([' ', '{']).next().unwrap_or("").to_string())
        .collect();
    for kind in
        ["TasksRenumbered", "TaskRemoved", "ResolvedWithOpenTasks", "ColumnMoved", "LaneLimitSet", "RequestSplit"]
    {
        assert!(kinds.contains(kind), "{kind} is not in the built trail");
    }
    let exported = Snapshot::of(&ws, ts("2026-11-05T00:00:00Z")).to_json();
    let back = parse_ok("board.baton.json", &exported);
    assert_eq!(back.to_json(), exported);
    assert_eq!(back.into_workspace(), ws);
    let v: Value = serde_json::from_str(&exported).unwrap_or(Value::Null);
    assert_eq!(schema_problems(&v), Vec::<String>::new());
    // A due date is written as the date itself.
    let dues: Vec<&str> = v["tasks"].as_array().into_iter().flatten().filter_map(|t| t["due"].as_str()).collect();
    assert_eq!(dues, ["2026-11-05", "2026-11-20"]);
    // Without tasks and with the default board, neither is written (the frozen fixture).
    let fixture = fixture_value();
    assert!(fixture.get("tasks").is_none() && fixture["workspace"].get("board").is_none());
}

/// As for the fixture: leaving out a field of a board record is refused by
/// the schema exactly when the reader misses it.
#[test]
fn board_schema_requires_what_the_reader_requires() {
    let v = board_value();
    let mut places: Vec<String> = [
        "/workspace/board",
        "/workspace/board/columns/2",
        "/workspace/board/lane_limits/0",
        "/workspace/board/templates/0",
        "/workspace/board/templates/0/steps/0",
        "/tasks/0",
        "/tasks/0/checklist/0",
        "/tasks/2/comments/0",
    ]
    .map(String::from)
    .to_vec();
    let board_types = [
        "task_created",
        "task_changed",
        "task_moved",
        "tasks_renumbered",
        "task_removed",
        "checklist_item_added",
        "checklist_item_checked",
        "checklist_item_removed",
        "task_commented",
        "effort_logged",
        "request_split",
        "resolved_with_open_tasks",
        "column_added",
        "column_changed",
        "column_moved",
        "lane_limit_set",
        "task_template_set",
        "task_template_removed",
    ];
    for t in board_types {
        let i = v["events"].as_array().into_iter().flatten().position(|e| e["change"]["type"] == t);
        let Some(i) = i else { panic!("no {t} in the built trail") };
        places.push(format!("/events/{i}/change"));
    }
    let mut checked = 0;
    for place in &places {
        let Some(Value::Object(fields)) = v.pointer(place) else { panic!("nothing at {place:?}") };
        for key in fields.keys() {
            let mut edited = v.clone();
            if let Some(Value::Object(o)) = edited.pointer_mut(place) {
                o.remove(key);
            }
            let read = snapshot::parse("t.baton.json", &edited.to_string());
            let problems = schema_problems(&edited);
            let missing = read.as_ref().is_err_and(|e| e.kind == SnapshotErrorKind::MissingField);
            assert!(!missing || !problems.is_empty(), "{place}/{key}: the reader requires it, the schema does not");
            assert!(
                read.is_err() || problems.is_empty(),
                "{place}/{key}: the reader does without it, the schema refuses: {problems:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 80, "{checked} fields");
}

#[test]
fn board_bad_files() {
    use SnapshotErrorKind::*;
    let stranger = json!(STRANGER);
    let v = board_value();
    let task_id = v["tasks"][0]["id"].clone();
    let column_key = v["workspace"]["board"]["columns"][0]["key"].clone();
    type Edit = Box<dyn Fn(&mut Value)>;
    // (what, edit, kind, path)
    let cases: Vec<(&str, Edit, SnapshotErrorKind, &str)> = vec![
        ("two tasks with one id", Box::new(move |v| v["tasks"][1]["id"] = task_id.clone()), DuplicateId, "tasks[1].id"),
        (
            "a task of no request",
            Box::new(|v| v["tasks"][0]["request"] = json!(STRANGER)),
            DanglingReference,
            "tasks[0].request",
        ),
        (
            "a task of no department",
            Box::new(|v| v["tasks"][0]["department"] = json!(STRANGER)),
            DanglingReference,
            "tasks[0].department",
        ),
        (
            "a task of nobody",
            Box::new(|v| v["tasks"][1]["assignee"] = json!(STRANGER)),
            DanglingReference,
            "tasks[1].assignee",
        ),
        (
            "a task in no column",
            Box::new(|v| v["tasks"][0]["column"] = json!("later")),
            DanglingReference,
            "tasks[0].column",
        ),
        ("position 0", Box::new(|v| v["tasks"][0]["position"] = json!(0)), Invalid, "tasks[0].position"),
        (
            "position past 2^53",
            Box::new(|v| v["tasks"][0]["position"] = json!(9_007_199_254_740_992u64)),
            Invalid,
            "tasks[0].position",
        ),
        ("a blank task title", Box::new(|v| v["tasks"][1]["title"] = json!("  ")), Invalid, "tasks[1].title"),
        (
            "a due date that is no date",
            Box::new(|v| v["tasks"][0]["due"] = json!("2026-02-30")),
            Invalid,
            "tasks[0].due",
        ),
        (
            "a comment by nobody",
            Box::new(|v| v["tasks"][2]["comments"][0]["author"] = json!(STRANGER)),
            DanglingReference,
            "tasks[2].comments[0].author",
        ),
        (
            "two columns with one key",
            Box::new(move |v| v["workspace"]["board"]["columns"][1]["key"] = column_key.clone()),
            DuplicateId,
            "workspace.board.columns[1].key",
        ),
        ("no column", Box::new(|v| v["workspace"]["board"]["columns"] = json!([])), Invalid, "workspace.board.columns"),
        (
            "an added column without a name",
            Box::new(|v| v["workspace"]["board"]["columns"][2]["name"] = json!("")),
            Invalid,
            "workspace.board.columns[2].name",
        ),
        (
            "a WIP limit of 0",
            Box::new(|v| v["workspace"]["board"]["columns"][1]["wip_limit"] = json!(0)),
            Invalid,
            "workspace.board.columns[1].wip_limit",
        ),
        (
            "every column done",
            Box::new(|v| {
                for c in v["workspace"]["board"]["columns"].as_array_mut().into_iter().flatten() {
                    c["done"] = json!(true);
                }
            }),
            Invalid,
            "workspace.board.columns",
        ),
        (
            "a lane limit of nobody",
            Box::new(move |v| v["workspace"]["board"]["lane_limits"][1]["lane"] = stranger.clone()),
            DanglingReference,
            "workspace.board.lane_limits[1].lane",
        ),
        (
            "a template step of no department",
            Box::new(|v| v["workspace"]["board"]["templates"][0]["steps"][1]["department"] = json!(STRANGER)),
            DanglingReference,
            "workspace.board.templates[0].steps[1].department",
        ),
        (
            "two templates of one category",
            Box::new(|v| {
                let t = v["workspace"]["board"]["templates"][0].clone();
                if let Some(a) = v["workspace"]["board"]["templates"].as_array_mut() {
                    let mut t = t;
                    t["category"] = json!(" 硬件 ");
                    a.push(t);
                }
            }),
            DuplicateId,
            "workspace.board.templates[1].category",
        ),
    ];
    for (what, edit, kind, path) in cases {
        let mut edited = v.clone();
        edit(&mut edited);
        match snapshot::parse("t.baton.json", &edited.to_string()) {
            Ok(_) => panic!("{what}: accepted"),
            Err(e) => assert_eq!((e.kind, e.path.as_str()), (kind, path), "{what}: {e}"),
        }
    }
}
