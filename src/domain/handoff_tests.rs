//! Tests of handoff checklists through `apply`: completeness with weights
//! and conditions, template versions, blocked and incomplete sends, accept,
//! return and re-send, the inbox, and the dashboard figures. Expected values
//! are worked out by hand in the comments next to them.

#![allow(clippy::type_complexity)]

use std::collections::BTreeMap;

use chrono::TimeDelta;

use super::handoff::*;
use super::routing::{Conditions, RuleDraft, Strategy, Target};
use super::*;

/// Shanghai, Monday to Friday 09:00–18:00. Sam (sales), Wang and Zoe
/// (service), Li (technical), Mia (marketing). The built-in English
/// templates are in place. The clock starts Monday 2 Nov 2026 09:00 local.
struct World {
    ws: Workspace,
    ids: SeqIds,
    now: Timestamp,
    sales: Id,
    service: Id,
    marketing: Id,
    technical: Id,
    sam: Id,
    wang: Id,
    zoe: Id,
    li: Id,
    mia: Id,
}

fn dept(ws: &Workspace, key: &str) -> Id {
    ws.departments.iter().find(|d| d.builtin.as_deref() == Some(key)).map(|d| d.id).expect("built-in department")
}

/// Monday 2 Nov 2026 at `hm` in Shanghai (UTC+8), as a UTC instant.
fn mon(hm: &str) -> Timestamp {
    ts(&format!("2026-11-02T{hm}:00+08:00"))
}

impl World {
    fn new() -> World {
        let mut ids = SeqIds::new(1);
        let now = mon("08:00");
        let ws = Workspace::with_default_departments(&mut ids, "Relay", now);
        let (sales, service, marketing, technical) =
            (dept(&ws, "sales"), dept(&ws, "service"), dept(&ws, "marketing"), dept(&ws, "technical"));
        let nil = Id::nil();
        let mut w = World {
            ws,
            ids,
            now,
            sales,
            service,
            marketing,
            technical,
            sam: nil,
            wang: nil,
            zoe: nil,
            li: nil,
            mia: nil,
        };
        w.ok(None, Command::SetCalendar(BusinessCalendar::standard("Asia/Shanghai")));
        w.sam = w.member("Sam", sales);
        w.wang = w.member("Wang", service);
        w.zoe = w.member("Zoe", service);
        w.li = w.member("Li", technical);
        w.mia = w.member("Mia", marketing);
        w.ok(None, Command::AddBuiltinHandoffTemplates { lang: BuiltinLang::En });
        w.now = mon("09:00") - TimeDelta::minutes(1);
        w
    }

    /// Applies a command one minute after the previous one.
    fn run(&mut self, actor: Option<Id>, cmd: Command) -> Result<Vec<Event>, CommandError> {
        self.now += TimeDelta::minutes(1);
        let mut ctx = Ctx::new(self.now, actor, &mut self.ids);
        apply(&mut self.ws, cmd, &mut ctx)
    }

    /// Applies a command at `at`.
    fn run_at(&mut self, at: Timestamp, actor: Option<Id>, cmd: Command) -> Result<Vec<Event>, CommandError> {
        self.now = at - TimeDelta::minutes(1);
        self.run(actor, cmd)
    }

    fn ok(&mut self, actor: Option<Id>, cmd: Command) -> Vec<Event> {
        let shown = format!("{cmd:?}");
        self.run(actor, cmd).unwrap_or_else(|e| panic!("{shown} failed: {e}"))
    }

    fn ok_at(&mut self, at: Timestamp, actor: Option<Id>, cmd: Command) -> Vec<Event> {
        self.now = at - TimeDelta::minutes(1);
        self.ok(actor, cmd)
    }

    /// Refused, and nothing changed.
    fn refused(&mut self, actor: Option<Id>, cmd: Command) -> CommandError {
        let before = self.ws.clone();
        let shown = format!("{cmd:?}");
        let e = self.run(actor, cmd).err().unwrap_or_else(|| panic!("{shown} was accepted"));
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

    fn create(&mut self, actor: Id, new: NewRequest) -> Id {
        let events = self.ok(Some(actor), Command::CreateRequest(new));
        events.first().and_then(|e| e.request).expect("created")
    }

    fn req(&self, id: Id) -> &Request {
        self.ws.request(id).expect("request exists")
    }

    fn template(&self, leg: Option<(Id, Id)>) -> &Template {
        let leg = leg.map(|(from, to)| Leg { from, to });
        self.ws.handoff_templates.iter().find(|t| t.leg == leg).expect("template of the leg")
    }

    /// The id of the handoff a `HandoffSent` among `events` made.
    fn sent(events: &[Event]) -> Id {
        events
            .iter()
            .find_map(|e| match e.change {
                Change::HandoffSent { handoff, .. } => Some(handoff),
                _ => None,
            })
            .expect("a handoff was sent")
    }
}

fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn draft(request: Id, from: Id, to: Id, pairs: &[(&str, &str)]) -> HandoffDraft {
    HandoffDraft { request, from, to, to_member: None, answers: answers(pairs), incomplete_reason: String::new() }
}

/// Four items: A (text, required, weight 3), B (yes/no, 1), C (text, 2,
/// only when urgency is high or critical), D (text, 4, only for category
/// "promotion").
fn abcd() -> Vec<Item> {
    let mut a = Item::new("a", Section::Situation, ItemKind::Text, "A");
    a.required = true;
    a.weight = 3;
    let b = Item::new("b", Section::Background, ItemKind::YesNo, "B");
    let mut c = Item::new("c", Section::Assessment, ItemKind::Text, "C");
    c.weight = 2;
    c.when = Some(When { min_urgency: Some(Urgency::High), categories: Vec::new() });
    let mut d = Item::new("d", Section::Recommendation, ItemKind::Text, "D");
    d.weight = 4;
    d.when = Some(When { min_urgency: None, categories: vec!["promotion".into()] });
    vec![a, b, c, d]
}

#[test]
fn completeness_with_weights_and_conditions() {
    // (urgency, category, answers, expected filled of applicable, stored keys)
    let cases: &[(Urgency, &str, &[(&str, &str)], (u32, u32), &[&str])] = &[
        // A and B apply (3 + 1 = 4); A filled.
        (Urgency::Medium, "", &[("a", "x")], (3, 4), &["a"]),
        // "no" on a check is not filled.
        (Urgency::Medium, "", &[("a", "x"), ("b", "no")], (3, 4), &["a", "b"]),
        (Urgency::Medium, "", &[("a", "x"), ("b", "yes")], (4, 4), &["a", "b"]),
        // High: C applies too (3 + 1 + 2 = 6).
        (Urgency::High, "", &[("a", "x"), ("b", "yes")], (4, 6), &["a", "b"]),
        (Urgency::Critical, "", &[("a", "x"), ("c", "called")], (5, 6), &["a", "c"]),
        // Promotion (any case and spaces): D applies (3 + 1 + 4 = 8).
        (Urgency::Low, " Promotion ", &[("a", "x"), ("d", "region X only")], (7, 8), &["a", "d"]),
        (Urgency::Low, "promotion", &[("d", "region X only")], (4, 8), &["d"]),
        (
            Urgency::High,
            "promotion",
            &[("a", "x"), ("b", "yes"), ("c", "y"), ("d", "z")],
            (10, 10),
            &["a", "b", "c", "d"],
        ),
        // C does not apply at medium urgency: its answer is not kept and not counted.
        (Urgency::Medium, "", &[("a", "x"), ("c", "called")], (3, 4), &["a"]),
        // Blank answers are not answers.
        (Urgency::Medium, "", &[("a", "  "), ("b", "")], (0, 4), &[]),
    ];
    let mut w = World::new();
    let draft_items = abcd();
    let leg = Some(Leg { from: w.sales, to: w.marketing });
    w.ok(
        None,
        Command::SaveHandoffTemplate {
            template: None,
            draft: TemplateDraft { name: "Sales → Marketing".into(), leg, items: draft_items.clone() },
        },
    );
    let own = w.template(Some((w.sales, w.marketing))).id;
    for (urgency, category, pairs, (filled, applicable), stored) in cases {
        let new = NewRequest { urgency: *urgency, category: category.to_string(), ..NewRequest::titled("case") };
        let r = w.create(w.sam, new);
        // The pure evaluation, as the send form shows it live.
        let eval = evaluate(&draft_items, w.req(r), &answers(pairs));
        assert_eq!((eval.score.filled, eval.score.applicable), (*filled, *applicable), "{pairs:?} at {urgency:?}");
        let mut d = draft(r, w.sales, w.marketing, pairs);
        d.incomplete_reason = "testing".into();
        let events = w.ok(Some(w.sam), Command::SendHandoff(d));
        let h = w.req(r).handoffs.last().cloned().expect("sent");
        assert_eq!(h.template, own);
        let keys: Vec<&str> = h.answers.keys().map(String::as_str).collect();
        assert_eq!(keys, *stored, "{pairs:?}");
        match &events[0].change {
            Change::HandoffSent { filled: f, applicable: a, .. } => assert_eq!((*f, *a), (*filled, *applicable)),
            other => panic!("expected HandoffSent, got {other:?}"),
        }
        let version = w.template(Some((w.sales, w.marketing))).current().cloned().expect("version");
        let s = score(&version.items, &h.answers, &h.not_applicable);
        assert_eq!((s.filled, s.applicable), (*filled, *applicable), "stored score of {pairs:?}");
    }
    // 3 of 4 is 75.0 %, 7 of 8 is 87.5 %, 5 of 6 is 83.3 %, 0 of 4 is 0.0 %.
    let tenths = |f, a| Score { filled: f, applicable: a }.percent_tenths();
    assert_eq!(
        (tenths(3, 4), tenths(7, 8), tenths(5, 6), tenths(0, 4), tenths(0, 0)),
        (Some(750), Some(875), Some(833), Some(0), None)
    );
}

#[test]
fn built_in_templates_in_both_languages() {
    let has_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (lang, cjk) in [(BuiltinLang::En, false), (BuiltinLang::Zh, true)] {
        let mut ids = SeqIds::new(1);
        let mut ws = Workspace::with_default_departments(&mut ids, "T", mon("09:00"));
        let mut ctx = Ctx::new(mon("09:00"), None, &mut ids);
        let events = apply(&mut ws, Command::AddBuiltinHandoffTemplates { lang }, &mut ctx).expect("added");
        assert_eq!(events.len(), 6, "{lang:?}: one event per template");
        let key = |id: Id| ws.department(id).and_then(|d| d.builtin.clone()).unwrap_or_default();
        let legs: Vec<Option<(String, String)>> =
            ws.handoff_templates.iter().map(|t| t.leg.map(|l| (key(l.from), key(l.to)))).collect();
        let leg = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            legs,
            vec![
                None,
                leg("sales", "service"),
                leg("service", "technical"),
                leg("technical", "service"),
                leg("marketing", "sales"),
                leg("service", "sales")
            ]
        );
        for t in &ws.handoff_templates {
            let v = t.current().expect("a version");
            assert_eq!(v.version, 1);
            // SBAR: every section, in order, and something required.
            let sections: Vec<Section> = v.items.iter().map(|i| i.section).collect();
            assert!(sections.windows(2).all(|p| p[0] <= p[1]), "{}: sections out of order", t.name);
            for s in Section::ALL {
                assert!(sections.contains(&s), "{}: no {s:?}", t.name);
            }
            assert!(v.items.iter().any(|i| i.required));
            let mut keys: Vec<&str> = v.items.iter().map(|i| i.key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), v.items.len(), "{}: keys unique", t.name);
            assert_eq!(has_cjk(&t.name), cjk, "{}", t.name);
            for i in &v.items {
                assert_eq!(has_cjk(&i.label), cjk, "{}", i.label);
                assert!((1..=MAX_WEIGHT).contains(&i.weight));
                assert_eq!(i.kind == ItemKind::Choice, !i.choices.is_empty(), "{}", i.label);
            }
        }
        // The promotion's regional and time limits are on the marketing → sales list.
        let promo = &ws.handoff_templates[4];
        let keys: Vec<&str> =
            promo.current().map(|v| v.items.iter().map(|i| i.key.as_str()).collect()).unwrap_or_default();
        for k in ["regions", "region_in_text", "starts", "ends"] {
            assert!(keys.contains(&k), "{lang:?}: marketing → sales lacks {k}");
        }
        // A leg without its own template falls back to the general one; a
        // second call adds nothing.
        let (sales, marketing) = (dept(&ws, "sales"), dept(&ws, "marketing"));
        assert_eq!(ws.template_for_leg(sales, marketing).map(|t| t.leg), Some(None));
        assert_eq!(apply(&mut ws, Command::AddBuiltinHandoffTemplates { lang }, &mut ctx), Ok(vec![]));
    }
}

#[test]
fn versions_keep_past_handoffs_as_sent() {
    let mut w = World::new();
    let leg = (w.sales, w.service);
    let t = w.template(Some(leg)).clone();
    let r = w.create(w.sam, NewRequest { preferences: "after 3 pm".into(), ..NewRequest::titled("Order 7") });
    let first = w.ok(
        Some(w.sam),
        Command::SendHandoff(draft(
            r,
            w.sales,
            w.service,
            &[
                ("customer", "Zhang"),
                ("order", "SO-7"),
                ("sold", "Tent"),
                ("preferences", "after 3 pm"),
                ("promises", "none"),
                ("first_step", "call"),
            ],
        )),
    );
    let first = World::sent(&first);
    w.ok(Some(w.wang), Command::AcceptHandoff { request: r, handoff: first });

    // Saving the same items again makes no version and no event.
    let v1 = t.current().cloned().expect("v1");
    let same = TemplateDraft { name: t.name.clone(), leg: t.leg, items: v1.items.clone() };
    assert_eq!(w.run(None, Command::SaveHandoffTemplate { template: Some(t.id), draft: same.clone() }), Ok(vec![]));
    // A new name alone: an event, still version 1.
    let renamed = TemplateDraft { name: "After the sale".into(), ..same.clone() };
    let events = w.ok(None, Command::SaveHandoffTemplate { template: Some(t.id), draft: renamed });
    assert_eq!(
        events[0].change,
        Change::HandoffTemplateSaved { template: t.id, name: "After the sale".into(), version: 1 }
    );
    // Relabel "order", drop "risks", add a required item: version 2.
    let mut items = v1.items.clone();
    items[1].label = "Order number".into();
    items.retain(|i| i.key != "risks");
    let mut new_item = Item::new("", Section::Background, ItemKind::Text, "Delivery address");
    new_item.required = true;
    new_item.weight = 2;
    items.insert(3, new_item);
    let draft2 = TemplateDraft { name: "After the sale".into(), leg: t.leg, items };
    let events = w.ok(None, Command::SaveHandoffTemplate { template: Some(t.id), draft: draft2 });
    assert_eq!(
        events[0].change,
        Change::HandoffTemplateSaved { template: t.id, name: "After the sale".into(), version: 2 }
    );
    let now_t = w.template(Some(leg)).clone();
    assert_eq!(now_t.versions.len(), 2);
    assert_eq!(now_t.versions[0], v1, "version 1 is as it was");
    assert_eq!(now_t.current().map(|v| v.items[3].key.as_str()), Some("i1"), "a new item gets the editor's key");
    assert_eq!(now_t.next_item, 2);

    // The past handoff still names version 1 and reads the same.
    let h1 = w.req(r).handoff(first).cloned().expect("first");
    assert_eq!(h1.version, 1);
    let s = score(&v1.items, &h1.answers, &h1.not_applicable);
    // Version 1 applies 21 (promo_terms is for promotions only); filled all
    // but risks (2), warranty_start (1) and told (1), and urgency (1): 16.
    assert_eq!((s.filled, s.applicable), (16, 21));

    // A new handoff uses version 2 and needs the new required item.
    let r2 = w.create(w.sam, NewRequest::titled("Order 8"));
    let full = [
        ("customer", "Li"),
        ("order", "SO-8"),
        ("sold", "Stove"),
        ("preferences", "none"),
        ("promises", "none"),
        ("first_step", "call"),
    ];
    match w.refused(Some(w.sam), Command::SendHandoff(draft(r2, w.sales, w.service, &full))) {
        CommandError::Handoff(HandoffError::RequiredMissing { labels }) => {
            assert_eq!(labels, vec!["Delivery address".to_string()])
        }
        other => panic!("expected RequiredMissing, got {other:?}"),
    }
    let mut with_address = full.to_vec();
    with_address.push(("i1", "12 Harbour St"));
    let sent = w.ok(Some(w.sam), Command::SendHandoff(draft(r2, w.sales, w.service, &with_address)));
    assert_eq!(w.req(r2).handoff(World::sent(&sent)).map(|h| h.version), Some(2));
    // The removed item's key is history: it cannot be answered any more.
    let r3 = w.create(w.sam, NewRequest::titled("Order 9"));
    match w.refused(Some(w.sam), Command::SendHandoff(draft(r3, w.sales, w.service, &[("risks", "none")]))) {
        CommandError::Handoff(HandoffError::UnknownItem { key }) => assert_eq!(key, "risks"),
        other => panic!("expected UnknownItem, got {other:?}"),
    }
}

#[test]
fn template_refusals() {
    let mut w = World::new();
    let general = w.template(None).id;
    let item = |label: &str, kind: ItemKind| Item::new("", Section::Situation, kind, label);
    let with = |i: Item| TemplateDraft { name: "T".into(), leg: None, items: vec![i] };
    let bad = |position, problem| CommandError::Handoff(HandoffError::BadItem { position, problem });
    let heavy = Item { weight: 11, ..item("x", ItemKind::Text) };
    let weightless = Item { weight: 0, ..item("x", ItemKind::Text) };
    let two_same = TemplateDraft {
        name: "T".into(),
        leg: None,
        items: vec![
            Item { key: "need".into(), ..item("x", ItemKind::Text) },
            Item { key: "need".into(), ..item("y", ItemKind::Text) },
        ],
    };
    let cases: Vec<(&str, Option<Id>, TemplateDraft, CommandError)> = vec![
        (
            "no name",
            Some(general),
            TemplateDraft { name: " ".into(), ..with(item("x", ItemKind::Text)) },
            command::invalid("template name", "must not be empty"),
        ),
        (
            "no items",
            Some(general),
            TemplateDraft { name: "T".into(), leg: None, items: vec![] },
            HandoffError::NoItems.into(),
        ),
        ("blank label", Some(general), with(item("  ", ItemKind::Text)), bad(1, ItemProblem::NoLabel)),
        ("weight 11", Some(general), with(heavy), bad(1, ItemProblem::Weight)),
        ("weight 0", Some(general), with(weightless), bad(1, ItemProblem::Weight)),
        ("choice without choices", Some(general), with(item("x", ItemKind::Choice)), bad(1, ItemProblem::NoChoices)),
        (
            "a key it never had",
            Some(general),
            with(Item { key: "made_up".into(), ..item("x", ItemKind::Text) }),
            bad(1, ItemProblem::UnknownKey),
        ),
        (
            "an editor key not handed out",
            None,
            TemplateDraft {
                leg: Some(Leg { from: w.sales, to: w.marketing }),
                ..with(Item { key: "i7".into(), ..item("x", ItemKind::Text) })
            },
            bad(1, ItemProblem::UnknownKey),
        ),
        ("two items, one key", Some(general), two_same, bad(2, ItemProblem::DuplicateKey)),
        ("a second general", None, with(item("x", ItemKind::Text)), HandoffError::LegTaken.into()),
        (
            "a leg taken",
            None,
            TemplateDraft { leg: Some(Leg { from: w.sales, to: w.service }), ..with(item("x", ItemKind::Text)) },
            HandoffError::LegTaken.into(),
        ),
        (
            "a leg to itself",
            None,
            TemplateDraft { leg: Some(Leg { from: w.sales, to: w.sales }), ..with(item("x", ItemKind::Text)) },
            HandoffError::SameDepartment.into(),
        ),
        (
            "unknown template",
            Some(Id::from_u128(999_999)),
            with(item("x", ItemKind::Text)),
            CommandError::NotFound { what: "template", id: Id::from_u128(999_999) },
        ),
    ];
    for (what, template, d, expected) in cases {
        assert_eq!(w.refused(None, Command::SaveHandoffTemplate { template, draft: d }), expected, "{what}");
    }
    // A new template for a free leg, with a choice item: choices trimmed and
    // without repeats; an empty condition is none.
    let choice = Item {
        choices: vec![" Yes ".into(), "".into(), "Yes".into(), "Later".into()],
        when: Some(When::default()),
        ..item(" Ready? ", ItemKind::Choice)
    };
    let d = TemplateDraft {
        name: " Sales → Marketing ".into(),
        leg: Some(Leg { from: w.sales, to: w.marketing }),
        items: vec![choice],
    };
    w.ok(None, Command::SaveHandoffTemplate { template: None, draft: d });
    let t = w.ws.handoff_templates.last().cloned().expect("added");
    let i = t.current().map(|v| v.items[0].clone()).expect("item");
    assert_eq!(
        (t.name.as_str(), i.key.as_str(), i.label.as_str(), i.choices.clone(), i.when.clone()),
        ("Sales → Marketing", "i1", "Ready?", vec!["Yes".to_string(), "Later".to_string()], None)
    );
    assert_eq!(w.ws.template_for_leg(w.sales, w.marketing).map(|x| x.id), Some(t.id));
}

#[test]
fn blocked_and_incomplete_sends() {
    let mut w = World::new();
    let r = w.create(w.wang, NewRequest { urgency: Urgency::High, ..NewRequest::titled("Printer jams") });
    // Service → technical with the product, the warranty, what was tried and
    // the safety check missing (all required; safety applies at high urgency).
    let partial = [("customer", "Zhang"), ("fault", "jams"), ("preferences", "after 3 pm"), ("ask", "diagnose")];
    match w.refused(Some(w.wang), Command::SendHandoff(draft(r, w.service, w.technical, &partial))) {
        CommandError::Handoff(HandoffError::RequiredMissing { labels }) => assert_eq!(
            labels,
            vec![
                "Product, model and serial number".to_string(),
                "Warranty status".to_string(),
                "What has been tried already".to_string(),
                "Immediate safety risk ruled out with the customer".to_string()
            ]
        ),
        other => panic!("expected RequiredMissing, got {other:?}"),
    }
    // "No" on a required check is still missing.
    let mut with_no = partial.to_vec();
    with_no.extend([("product", "X2"), ("warranty", "Unknown"), ("tried", "cleaning"), ("safety", "no")]);
    assert!(matches!(
        w.refused(Some(w.wang), Command::SendHandoff(draft(r, w.service, w.technical, &with_no))),
        CommandError::Handoff(HandoffError::RequiredMissing { labels }) if labels.len() == 1
    ));
    // Sent incomplete with a reason: recorded on the handoff and in the trail.
    let mut d = draft(r, w.service, w.technical, &partial);
    d.incomplete_reason = "  Customer is checking the serial number ".into();
    let events = w.ok(Some(w.wang), Command::SendHandoff(d));
    let h = w.req(r).handoffs[0].clone();
    assert_eq!(h.incomplete_reason, "Customer is checking the serial number");
    // Weights: customer 2, product 3, fault 3, urgency 1, warranty 2, purchased 1,
    // tried 2, preferences 3, photos 1, safety 2, ask 2, callback 1, contact 1 = 24;
    // filled customer, fault, preferences, ask = 10.
    assert_eq!(
        events[0].change,
        Change::HandoffSent {
            handoff: h.id,
            from: w.service,
            to: w.technical,
            to_member: None,
            template: w.template(Some((w.service, w.technical))).id,
            version: 1,
            filled: 10,
            applicable: 24,
            incomplete_reason: "Customer is checking the serial number".into(),
        }
    );
    // A reason given when nothing required is missing is not recorded.
    let r2 = w.create(w.wang, NewRequest::titled("Quote"));
    let mut d = draft(
        r2,
        w.service,
        w.sales,
        &[("customer", "Zhang"), ("need", "10 tents"), ("preferences", "e-mail"), ("ask", "quote")],
    );
    d.incomplete_reason = "just in case".into();
    w.ok(Some(w.wang), Command::SendHandoff(d));
    assert_eq!(w.req(r2).handoffs[0].incomplete_reason, "");
    let s = stats(&w.ws);
    assert_eq!((s.sent, s.incomplete, s.pending), (2, 1, 2));
}

#[test]
fn refusals_leave_nothing_changed() {
    let mut w = World::new();
    let r = w.create(w.sam, NewRequest::titled("Tent"));
    let done = w.create(w.sam, NewRequest::titled("Done"));
    w.ok(Some(w.sam), Command::Resolve { request: done, summary: "ok".into() });
    let ghost = Id::from_u128(999_999);
    let (service, technical) = (w.service, w.technical);
    let s2t = |pairs: &[(&str, &str)]| {
        let mut d = draft(r, service, technical, pairs);
        d.incomplete_reason = "test".into();
        Command::SendHandoff(d)
    };
    let bad = |label: &str, problem| CommandError::Handoff(HandoffError::BadAnswer { label: label.into(), problem });
    let cases: Vec<(&str, Command, CommandError)> = vec![
        ("same department", Command::SendHandoff(draft(r, w.sales, w.sales, &[])), HandoffError::SameDepartment.into()),
        (
            "unknown department",
            Command::SendHandoff(draft(r, w.sales, ghost, &[])),
            CommandError::NotFound { what: "department", id: ghost },
        ),
        (
            "unknown request",
            Command::SendHandoff(draft(ghost, w.sales, w.service, &[])),
            CommandError::NotFound { what: "request", id: ghost },
        ),
        (
            "resolved request",
            Command::SendHandoff(draft(done, w.sales, w.service, &[])),
            CommandError::NotOpen { number: 2, status: Status::Resolved, action: "handing off" },
        ),
        (
            "number",
            s2t(&[("callback_hours", "12a")]),
            bad("Hours until the customer expects a call", AnswerProblem::Number),
        ),
        ("date", s2t(&[("purchased", "2026-02-30")]), bad("Purchase date", AnswerProblem::Date)),
        ("date shape", s2t(&[("purchased", "2026-2-3")]), bad("Purchase date", AnswerProblem::Date)),
        ("choice", s2t(&[("warranty", "Maybe")]), bad("Warranty status", AnswerProblem::Choice)),
        ("person", s2t(&[("contact", "Wang")]), bad("Service contact for questions", AnswerProblem::Member)),
        ("yes or no", s2t(&[("photos", "maybe")]), bad("Photos or logs attached", AnswerProblem::YesOrNo)),
        ("too long", s2t(&[("tried", &"长".repeat(2001))]), bad("What has been tried already", AnswerProblem::TooLong)),
        ("unknown item", s2t(&[("colour", "red")]), HandoffError::UnknownItem { key: "colour".into() }.into()),
        (
            "person in another department",
            Command::SendHandoff(HandoffDraft { to_member: Some(w.sam), ..draft(r, w.service, w.technical, &[]) }),
            HandoffError::NotReceiver { name: "Sam".into() }.into(),
        ),
    ];
    for (what, cmd, expected) in cases {
        assert_eq!(w.refused(Some(w.wang), cmd), expected, "{what}");
    }
    // Good values of each type pass (and "-3.5", "0" are numbers).
    let wang = w.wang.to_string();
    let ok = s2t(&[
        ("callback_hours", "-3.5"),
        ("purchased", "2024-02-29"),
        ("warranty", "Unknown"),
        ("contact", &wang),
        ("photos", "yes"),
    ]);
    let events = w.ok(Some(w.wang), ok);
    let h = World::sent(&events);
    // Answering refusals.
    let cases: Vec<(&str, Option<Id>, Command, CommandError)> = vec![
        ("nobody acting", None, Command::AcceptHandoff { request: r, handoff: h }, HandoffError::NoActor.into()),
        (
            "not the receiving department",
            Some(w.zoe),
            Command::AcceptHandoff { request: r, handoff: h },
            HandoffError::NotReceiver { name: "Zoe".into() }.into(),
        ),
        (
            "return without words",
            Some(w.li),
            Command::ReturnHandoff { request: r, handoff: h, reason: ReturnReason::Other, note: " ".into() },
            command::invalid("reason", "must not be empty"),
        ),
        (
            "unknown handoff",
            Some(w.li),
            Command::AcceptHandoff { request: r, handoff: ghost },
            CommandError::NotFound { what: "handoff", id: ghost },
        ),
        ("a second handoff while one waits", Some(w.wang), s2t(&[]), HandoffError::AlreadyPending { number: 1 }.into()),
        (
            "withdraw without a reason",
            Some(w.wang),
            Command::WithdrawHandoff { request: r, handoff: h, reason: "".into() },
            command::invalid("reason", "must not be empty"),
        ),
    ];
    for (what, actor, cmd, expected) in cases {
        assert_eq!(w.refused(actor, cmd), expected, "{what}");
    }
    w.ok(Some(w.li), Command::AcceptHandoff { request: r, handoff: h });
    assert_eq!(
        w.refused(Some(w.li), Command::AcceptHandoff { request: r, handoff: h }),
        HandoffError::NotPending.into()
    );
    // A workspace without templates cannot hand off.
    w.ws.handoff_templates.clear();
    assert_eq!(
        w.refused(Some(w.li), Command::SendHandoff(draft(r, w.technical, w.service, &[]))),
        HandoffError::NoTemplate.into()
    );
}

/// The relay of the issue: sales → service → technical with one return and
/// a re-send.
#[test]
fn relay_with_a_return_and_a_re_send() {
    let mut w = World::new();
    let new = NewRequest {
        customer: Customer { name: "Zhang Wei".into(), contact: "139 0000 1234".into() },
        category: "hardware".into(),
        urgency: Urgency::High,
        preferences: "After 3 pm only".into(),
        ..NewRequest::titled("Printer keeps jamming")
    };
    w.now = mon("09:00") - TimeDelta::minutes(1);
    let r = w.create(w.sam, new);
    // 09:30 sales → service. Applicable 21 (promo_terms is for promotions);
    // filled all but risks (2) and warranty_start (1): 18 → 85.7 %.
    let sales_answers = [
        ("customer", "Zhang Wei, 139 0000 1234"),
        ("order", "SO-1"),
        ("urgency", "High"),
        ("sold", "Printer X2"),
        ("preferences", "After 3 pm only"),
        ("promises", "none"),
        ("first_step", "Check the tray"),
        ("told", "yes"),
    ];
    let sent = w.ok_at(mon("09:30"), Some(w.sam), Command::SendHandoff(draft(r, w.sales, w.service, &sales_answers)));
    let h1 = World::sent(&sent);
    assert_eq!(inbox(&w.ws, w.service, None, mon("09:45")).len(), 1);
    // 10:00 Wang accepts: he handles it; Sam stays accountable.
    let events = w.ok_at(mon("10:00"), Some(w.wang), Command::AcceptHandoff { request: r, handoff: h1 });
    assert_eq!(events[0].change, Change::HandoffAccepted { handoff: h1, from: Some(w.sam), to: w.wang });
    assert_eq!((w.req(r).owner, w.req(r).handler), (Some(w.sam), Some(w.wang)));
    // 10:30 service → technical, the serial number still unknown: blocked, then sent incomplete.
    let tech = [
        ("customer", "Zhang Wei"),
        ("fault", "Jams on tray 2"),
        ("urgency", "High"),
        ("warranty", "In warranty"),
        ("tried", "Cleaned the rollers"),
        ("preferences", "After 3 pm only"),
        ("safety", "yes"),
        ("ask", "Diagnose the feed"),
    ];
    assert!(matches!(
        w.run_at(mon("10:30"), Some(w.wang), Command::SendHandoff(draft(r, w.service, w.technical, &tech))),
        Err(CommandError::Handoff(HandoffError::RequiredMissing { .. }))
    ));
    let mut d = draft(r, w.service, w.technical, &tech);
    d.incomplete_reason = "Customer is looking for the serial number".into();
    let h2 = World::sent(&w.ok_at(mon("10:30"), Some(w.wang), Command::SendHandoff(d)));
    // 11:00 Li returns it: the request is back with service, the return visible.
    let note = "Need the serial number to order parts";
    let events = w.ok_at(
        mon("11:00"),
        Some(w.li),
        Command::ReturnHandoff { request: r, handoff: h2, reason: ReturnReason::MissingInformation, note: note.into() },
    );
    assert_eq!(
        events[0].change,
        Change::HandoffReturned { handoff: h2, reason: ReturnReason::MissingInformation, note: note.into() }
    );
    assert_eq!(w.req(r).handler, Some(w.wang), "a return leaves it with the sender");
    assert_eq!(returned_to(&w.ws, w.service), vec![(r, h2)]);
    assert!(inbox(&w.ws, w.technical, None, mon("11:05")).is_empty());
    // 13:00 re-sent with the serial number and photos: 21 of 24 (87.5 %).
    let mut full = tech.to_vec();
    full.extend([("product", "X2, SN 4711"), ("photos", "yes")]);
    let h3 = World::sent(&w.ok_at(
        mon("13:00"),
        Some(w.wang),
        Command::SendHandoff(draft(r, w.service, w.technical, &full)),
    ));
    assert!(returned_to(&w.ws, w.service).is_empty(), "the re-send answers the return");
    // 14:00 Li accepts.
    w.ok_at(mon("14:00"), Some(w.li), Command::AcceptHandoff { request: r, handoff: h3 });
    let req = w.req(r).clone();
    assert_eq!(
        (req.owner, req.handler, req.previous_handlers.clone(), req.return_count),
        (Some(w.sam), Some(w.li), vec![w.sam, w.wang], 0)
    );
    let kinds: Vec<Option<ReplyKind>> = req.handoffs.iter().map(|h| h.reply.as_ref().map(|x| x.kind)).collect();
    assert_eq!(kinds, vec![Some(ReplyKind::Accepted), Some(ReplyKind::Returned), Some(ReplyKind::Accepted)]);
    let trail: Vec<&str> =
        w.ws.trail_of(r)
            .map(|e| match e.change {
                Change::RequestCreated { .. } => "created",
                Change::HandoffSent { .. } => "sent",
                Change::HandoffAccepted { .. } => "accepted",
                Change::HandoffReturned { .. } => "returned",
                _ => "other",
            })
            .collect();
    assert_eq!(trail, ["created", "sent", "accepted", "sent", "returned", "sent", "accepted"]);

    // The figures. Completeness: (18/21 + 17/24 + 21/24) / 3
    //   = (0.857143 + 0.708333 + 0.875) / 3 = 0.813492 → 81.35 %, n = 3 of 3.
    // Bounce-back: 1 returned of 3 answered. Time to accept (business time):
    //   30 min and 1 h → median (rank 1) 30 min, p90 (rank 2) 1 h, n = 2 of 3.
    let s = stats(&w.ws);
    assert_eq!((s.sent, s.incomplete, s.pending, s.withdrawn), (3, 1, 0, 0));
    let mean = s.completeness.mean.expect("a mean");
    assert!((mean - (18.0 / 21.0 + 17.0 / 24.0 + 21.0 / 24.0) * 100.0 / 3.0).abs() < 1e-9, "{mean}");
    assert_eq!((s.completeness.n, s.completeness.of), (3, 3));
    assert_eq!(s.bounce_back, metrics::RateStat { numerator: 1, denominator: 3 });
    assert_eq!(
        (s.time_to_accept.median_secs, s.time_to_accept.p90_secs, s.time_to_accept.n, s.time_to_accept.of),
        (Some(1800), Some(3600), 2, 3)
    );
    assert_eq!((s.per_resolved.mean, s.per_resolved.n), (None, 0), "nothing resolved yet");
    // By leg, in department order (sales, service, marketing, technical).
    let legs: Vec<(Leg, usize, (usize, usize))> =
        s.legs.iter().map(|l| (l.leg, l.sent, (l.bounce_back.numerator, l.bounce_back.denominator))).collect();
    assert_eq!(
        legs,
        vec![(Leg { from: w.sales, to: w.service }, 1, (0, 1)), (Leg { from: w.service, to: w.technical }, 2, (1, 2))]
    );
    // Most often missing. Sales → service: risks and warranty_start, once each
    // (labels in alphabetical order on ties). Service → technical: purchase
    // date, callback hours and contact in both; product and photos in the first.
    let missing =
        |k: usize| s.legs[k].missing.iter().map(|m| (m.key.as_str(), m.missing, m.applied)).collect::<Vec<_>>();
    assert_eq!(missing(0), vec![("risks", 1, 1), ("warranty_start", 1, 1)]);
    assert_eq!(
        missing(1),
        vec![("callback_hours", 2, 2), ("purchased", 2, 2), ("contact", 2, 2), ("photos", 1, 2), ("product", 1, 2)]
    );
    // Resolved: 3 handoffs on 1 resolved request.
    w.ok_at(mon("15:00"), Some(w.li), Command::Resolve { request: r, summary: "New pick-up roller".into() });
    let s = stats(&w.ws);
    assert_eq!((s.per_resolved.mean, s.per_resolved.n, s.resolved_handoffs), (Some(3.0), 1, 3));
}

#[test]
fn a_planned_handoff_is_not_a_routing_mistake() {
    let mut w = World::new();
    let when = Conditions { categories: vec!["printer".into()], ..Conditions::default() };
    w.ok(None, Command::AddTeam { name: "Desk".into(), department: w.service });
    let desk = w.ws.teams[0].id;
    w.ok(
        None,
        Command::UpdateMember {
            member: w.wang,
            patch: MemberPatch { team: Some(Some(desk)), ..MemberPatch::default() },
        },
    );
    w.ok(
        None,
        Command::AddRoutingRule(RuleDraft {
            name: "Printers".into(),
            enabled: true,
            when,
            target: Target::Team { team: desk, strategy: Strategy::LeastLoaded },
        }),
    );
    let printer = || NewRequest { category: "printer".into(), ..NewRequest::titled("Printer") };
    let handed = w.create(w.sam, printer());
    let moved = w.create(w.sam, printer());
    assert_eq!((w.req(handed).handler, w.req(moved).handler), (Some(w.wang), Some(w.wang)), "routed to the desk");
    // One goes to technical as a planned handoff, accepted by Li.
    let full = [
        ("customer", "Z"),
        ("product", "X2"),
        ("fault", "jams"),
        ("warranty", "Unknown"),
        ("tried", "none"),
        ("preferences", "none"),
        ("ask", "fix"),
    ];
    let h = World::sent(&w.ok(Some(w.wang), Command::SendHandoff(draft(handed, w.service, w.technical, &full))));
    w.ok(Some(w.li), Command::AcceptHandoff { request: handed, handoff: h });
    // The other is reassigned to Li by hand: that is a routing mistake.
    w.ok(Some(w.wang), Command::Assign { request: moved, to: w.li, reason: "wrong desk".into() });
    assert_eq!((w.req(handed).handler, w.req(handed).rerouted), (Some(w.li), false));
    assert_eq!((w.req(moved).handler, w.req(moved).rerouted), (Some(w.li), true));
    let d = metrics::dashboard(w.ws.requests.values());
    assert_eq!(d.overall.routing_accuracy, metrics::RateStat { numerator: 1, denominator: 2 });
}

#[test]
fn handing_back_to_a_previous_handler_counts_as_a_return() {
    let mut w = World::new();
    let r = w.create(w.wang, NewRequest::titled("Printer"));
    let full = [
        ("customer", "Z"),
        ("product", "X2"),
        ("fault", "jams"),
        ("warranty", "Unknown"),
        ("tried", "none"),
        ("preferences", "none"),
        ("ask", "fix"),
    ];
    let h = World::sent(&w.ok(Some(w.wang), Command::SendHandoff(draft(r, w.service, w.technical, &full))));
    w.ok(Some(w.li), Command::AcceptHandoff { request: r, handoff: h });
    let back = [("result", "fixed"), ("state", "Fixed"), ("tell", "all good"), ("preferences", "none")];
    let h = World::sent(&w.ok(Some(w.li), Command::SendHandoff(draft(r, w.technical, w.service, &back))));
    // Zoe (service) takes it: new to it, no return. Had Wang taken it, it
    // would have gone back to a previous handler.
    w.ok(Some(w.zoe), Command::AcceptHandoff { request: r, handoff: h });
    assert_eq!((w.req(r).handler, w.req(r).return_count), (Some(w.zoe), 0));
    let h = World::sent(&w.ok(Some(w.zoe), Command::SendHandoff(draft(r, w.service, w.technical, &full))));
    w.ok(Some(w.li), Command::AcceptHandoff { request: r, handoff: h });
    assert_eq!(
        (w.req(r).handler, w.req(r).return_count, w.req(r).previous_handlers.clone()),
        (Some(w.li), 1, vec![w.wang, w.li, w.zoe])
    );
}

#[test]
fn inbox_oldest_first_with_business_time_lights() {
    let mut w = World::new();
    let full = [
        ("customer", "Z"),
        ("product", "X2"),
        ("fault", "jams"),
        ("warranty", "Unknown"),
        ("tried", "none"),
        ("preferences", "none"),
        ("ask", "fix"),
    ];
    let back = [("result", "fixed"), ("state", "Fixed"), ("tell", "all good"), ("preferences", "none")];
    // Sent Thu 5 Nov 15:00, Fri 6 Nov 17:00 (to Wang), Mon 9 Nov 09:30; read Mon 10:00.
    let times = ["2026-11-05T15:00:00+08:00", "2026-11-06T17:00:00+08:00", "2026-11-09T09:30:00+08:00"];
    let mut requests = Vec::new();
    for (k, at) in times.iter().enumerate() {
        let r = w.create(w.li, NewRequest::titled(&format!("R{k}")));
        let mut d = draft(r, w.technical, w.service, &back);
        if k == 1 {
            d.to_member = Some(w.wang);
        }
        w.ok_at(ts(at), Some(w.li), Command::SendHandoff(d));
        requests.push(r);
    }
    // One to technical, which service's inbox does not show.
    let other = w.create(w.wang, NewRequest::titled("other"));
    w.ok_at(
        ts("2026-11-09T09:40:00+08:00"),
        Some(w.wang),
        Command::SendHandoff(draft(other, w.service, w.technical, &full)),
    );
    let now = ts("2026-11-09T10:00:00+08:00");
    // Thu 15–18 (3 h) + Fri 9–18 (9 h) + Mon 9–10 (1 h) = 13 h: red.
    // Fri 17–18 (1 h) + Mon 9–10 (1 h) = 2 h: yellow (from 2 h).
    // Mon 9:30–10:00 = 30 min: green.
    let got: Vec<(Id, i64, WaitLight)> =
        inbox(&w.ws, w.service, None, now).iter().map(|x| (x.request, x.waiting_secs, x.light)).collect();
    assert_eq!(
        got,
        vec![
            (requests[0], 13 * 3600, WaitLight::Red),
            (requests[1], 2 * 3600, WaitLight::Yellow),
            (requests[2], 1800, WaitLight::Green)
        ]
    );
    let mine: Vec<Id> = inbox(&w.ws, w.service, Some(w.wang), now).iter().map(|x| x.request).collect();
    assert_eq!(mine, vec![requests[1]]);
    assert_eq!((waiting_count(&w.ws, w.service), waiting_count(&w.ws, w.technical)), (3, 1));
    // Light thresholds at their edges.
    let lights: Vec<WaitLight> = [0, 7199, 7200, 14_399, 14_400].iter().map(|s| WaitLight::of(*s)).collect();
    assert_eq!(lights, vec![WaitLight::Green, WaitLight::Green, WaitLight::Yellow, WaitLight::Yellow, WaitLight::Red]);
}

#[test]
fn resolving_or_merging_withdraws_a_waiting_handoff() {
    let mut w = World::new();
    let back = [("result", "fixed"), ("state", "Fixed"), ("tell", "all good"), ("preferences", "none")];
    let a = w.create(w.li, NewRequest::titled("A"));
    let b = w.create(w.li, NewRequest::titled("B"));
    let c = w.create(w.li, NewRequest::titled("C"));
    let ha = World::sent(&w.ok(Some(w.li), Command::SendHandoff(draft(a, w.technical, w.service, &back))));
    let hb = World::sent(&w.ok(Some(w.li), Command::SendHandoff(draft(b, w.technical, w.service, &back))));
    let hc = World::sent(&w.ok(Some(w.li), Command::SendHandoff(draft(c, w.technical, w.service, &back))));
    let events = w.ok(Some(w.li), Command::Resolve { request: a, summary: "done".into() });
    assert_eq!(
        events.last().map(|e| e.change.clone()),
        Some(Change::HandoffWithdrawn { handoff: ha, reason: "request resolved".into() })
    );
    let events = w.ok(Some(w.li), Command::MergeRequests { keep: c, duplicate: b, reason: "same".into() });
    assert_eq!(
        events.last().map(|e| e.change.clone()),
        Some(Change::HandoffWithdrawn { handoff: hb, reason: "request merged".into() })
    );
    w.ok(Some(w.li), Command::WithdrawHandoff { request: c, handoff: hc, reason: "sent too early".into() });
    let reply = w.req(c).handoffs[0].reply.clone().expect("answered");
    assert_eq!((reply.kind, reply.note.as_str(), reply.by), (ReplyKind::Withdrawn, "sent too early", Some(w.li)));
    // Withdrawn handoffs are sent, but neither answered nor waiting. B is merged: left out.
    let s = stats(&w.ws);
    assert_eq!((s.sent, s.withdrawn, s.pending, s.bounce_back.denominator, s.time_to_accept.of), (2, 2, 0, 0, 0));
    // A is resolved with 1 handoff.
    assert_eq!((s.per_resolved.mean, s.resolved_handoffs), (Some(1.0), 1));
}

/// Only the sending side takes a handoff back: its sender, or a member of
/// the sending department; never the receivers or a third department.
#[test]
fn who_may_withdraw_a_handoff() {
    let mut w = World::new();
    let kai = w.member("Kai", w.technical);
    let back = [("result", "fixed"), ("state", "Fixed"), ("tell", "all good"), ("preferences", "none")];
    let r = w.create(w.li, NewRequest::titled("Printer"));
    let q = w.create(w.li, NewRequest::titled("Scanner"));
    let h = World::sent(&w.ok(Some(w.li), Command::SendHandoff(draft(r, w.technical, w.service, &back))));
    let g = World::sent(&w.ok(Some(w.li), Command::SendHandoff(draft(q, w.technical, w.service, &back))));
    let withdraw = |request, handoff| Command::WithdrawHandoff { request, handoff, reason: "sent too early".into() };
    let refusals: Vec<(&str, Option<Id>, CommandError)> = vec![
        ("nobody acting", None, HandoffError::NoActor.into()),
        ("a member of the receiving department", Some(w.wang), HandoffError::NotSender { name: "Wang".into() }.into()),
        ("a member of a third department", Some(w.sam), HandoffError::NotSender { name: "Sam".into() }.into()),
    ];
    for (what, actor, expected) in refusals {
        assert_eq!(w.refused(actor, withdraw(r, h)), expected, "{what}");
    }
    // The sender, after moving to sales, still may; so may a colleague who
    // stayed in the sending department.
    let to_sales = MemberPatch { department: Some(w.sales), ..MemberPatch::default() };
    w.ok(None, Command::UpdateMember { member: w.li, patch: to_sales });
    w.ok(Some(w.li), withdraw(r, h));
    w.ok(Some(kai), withdraw(q, g));
    let by: Vec<Option<(ReplyKind, Option<Id>)>> =
        [r, q].iter().map(|x| w.req(*x).handoffs[0].reply.as_ref().map(|y| (y.kind, y.by))).collect();
    assert_eq!(by, vec![Some((ReplyKind::Withdrawn, Some(w.li))), Some((ReplyKind::Withdrawn, Some(kai)))]);
}

/// The missing-items count over several handoffs and two versions of a
/// template, merged by item key with the newest label.
#[test]
fn missing_items_by_leg() {
    let mut w = World::new();
    let leg = Leg { from: w.marketing, to: w.sales };
    let t = w.template(Some((w.marketing, w.sales))).clone();
    let base = [
        ("promotion", "20 % off tents"),
        ("starts", "2026-11-01"),
        ("ends", "2026-11-30"),
        ("eligible", "members"),
        ("exclusions", "none"),
        ("stacking", "Cannot be combined"),
    ];
    let send = |w: &mut World, extra: &[(&str, &str)]| {
        let r = w.create(w.mia, NewRequest::titled("Autumn promotion"));
        let mut pairs = base.to_vec();
        pairs.extend_from_slice(extra);
        let mut d = draft(r, w.marketing, w.sales, &pairs);
        d.incomplete_reason = "regions not decided".into();
        w.ok(Some(w.mia), Command::SendHandoff(d));
    };
    // 1: regions and the check both given. 2: the check answered "no".
    // 3: regions left empty, no check.
    send(&mut w, &[("regions", "Shanghai stores only"), ("region_in_text", "yes"), ("cap", "500")]);
    send(&mut w, &[("regions", "Shanghai stores only"), ("region_in_text", "no")]);
    send(&mut w, &[]);
    // Version 2 renames "regions".
    let mut items = t.current().map(|v| v.items.clone()).unwrap_or_default();
    items[3].label = "Regions (and where it does NOT apply)".into();
    w.ok(
        None,
        Command::SaveHandoffTemplate {
            template: Some(t.id),
            draft: TemplateDraft { name: t.name.clone(), leg: Some(leg), items },
        },
    );
    // 4: with version 2, regions empty again.
    send(&mut w, &[("region_in_text", "yes")]);
    let s = stats(&w.ws);
    let l = s.legs.iter().find(|l| l.leg == leg).expect("marketing → sales");
    // regions: missing in 3 and 4 (2 of 4); region_in_text: "no" in 2, empty in 3 (2 of 4);
    // cap: missing in 2, 3, 4 (3 of 4); exceptions and not_eligible in all (4 of 4).
    let got: Vec<(&str, &str, usize, usize)> =
        l.missing.iter().map(|m| (m.key.as_str(), m.label.as_str(), m.missing, m.applied)).collect();
    assert_eq!(
        got,
        vec![
            ("not_eligible", "What to tell customers who do not qualify", 4, 4),
            ("exceptions", "Who in marketing approves exceptions", 4, 4),
            ("cap", "Budget or quantity cap", 3, 4),
            ("region_in_text", "Regional limit written into the text sales will use", 2, 4),
            ("regions", "Regions (and where it does NOT apply)", 2, 4),
        ]
    );
    // Completeness: applicable 3+2+3+3+3+2+2+2+1+1+1 = 23. Filled:
    // 1: all but exceptions, not_eligible → 21; 2: also no check (3), no cap (1) → 17;
    // 3: also no regions (3) → 14; 4: regions missing, check given → 17.
    // Mean (21 + 17 + 14 + 17) / 4 / 23 = 69 / 92 = 75 %.
    assert_eq!(l.completeness.mean.map(|m| (m * 1000.0).round() / 1000.0), Some(75.0));
    assert_eq!(s.incomplete, 3, "sends 2, 3 and 4 lacked a required item");
}

#[test]
fn handoffs_are_left_out_of_a_request_without_them() {
    let mut w = World::new();
    let r = w.create(w.sam, NewRequest::titled("plain"));
    let json = serde_json::to_string(w.req(r)).expect("json");
    assert!(!json.contains("handoffs"), "{json}");
    let back = [("result", "fixed"), ("state", "Fixed"), ("tell", "all good"), ("preferences", "none")];
    w.ok(Some(w.li), Command::SendHandoff(draft(r, w.technical, w.service, &back)));
    let json = serde_json::to_string(w.req(r)).expect("json");
    let read: Request = serde_json::from_str(&json).expect("read back");
    assert_eq!(&read, w.req(r));
    assert!(json.contains("\"handoffs\":[{"), "{json}");
}

#[test]
fn dates_and_numbers_read_by_hand() {
    let dates: &[(&str, Option<(i32, u32, u32)>)] = &[
        ("2026-11-02", Some((2026, 11, 2))),
        ("2024-02-29", Some((2024, 2, 29))),
        ("2026-02-29", None),
        ("2026-13-01", None),
        ("26-11-02", None),
        ("2026-11-02-01", None),
        ("２０２６-11-02", None),
        ("", None),
    ];
    for (text, expected) in dates {
        let got = parse_date(text).map(|d| {
            use chrono::Datelike;
            (d.year(), d.month(), d.day())
        });
        assert_eq!(got, *expected, "{text:?}");
    }
    let mut w = World::new();
    let r = w.create(w.wang, NewRequest::titled("n"));
    let item = Item::new("n", Section::Situation, ItemKind::Number, "N");
    for (text, ok) in [
        ("12", true),
        ("-3.5", true),
        ("0.25", true),
        ("1,200", false),
        ("3.", false),
        (".5", false),
        ("-", false),
        ("1e3", false),
    ] {
        assert_eq!(check_answer(&w.ws, &item, text).is_ok(), ok, "{text:?}");
    }
    let _ = r;
}
