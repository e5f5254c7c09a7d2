//! The import checks of handoff records: the checklist templates of the
//! workspace and the handoffs of each request. A child of `snapshot` so that
//! it reports problems the same way (JSON path, what was expected, what was
//! found) with the same helpers.
//!
//! Not checked, as elsewhere in the format: who sent or answered a handoff
//! (like an event's actor, whoever was using Baton), template names, and the
//! answers' types (a hand-edited "12a" in a number item reads and shows as
//! it is). Checked: every reference, unique ids, one template per leg,
//! versions numbered 1, 2, 3, …, items the commands would accept, answers
//! that name items of the version they were sent with, and at most one
//! handoff waiting (the last one).

use std::collections::HashSet;

use super::{dangling, invalid_at, quoted, text_value, Seen, Snapshot, SnapshotError, SnapshotErrorKind};
use crate::domain::handoff::{ItemKind, ReplyKind, MAX_WEIGHT};
use crate::domain::Id;

pub(super) fn check_templates(s: &Snapshot, departments: &HashSet<Id>) -> Result<(), SnapshotError> {
    let mut ids = Seen::new("handoff template");
    let mut legs: Vec<(Option<(Id, Id)>, usize)> = Vec::new();
    for (i, t) in s.workspace.handoff_templates.iter().enumerate() {
        let at = |field: &str| format!("workspace.handoff_templates[{i}].{field}");
        ids.add(t.id, at("id"), quoted)?;
        let leg = t.leg.map(|l| (l.from, l.to));
        if let Some((from, to)) = leg {
            for (end, d) in [("from", from), ("to", to)] {
                if !departments.contains(&d) {
                    return Err(dangling(at(&format!("leg.{end}")), "department", d));
                }
            }
            if from == to {
                return Err(invalid_at(at("leg.to"), "another department than leg.from", quoted(to)));
            }
        }
        if let Some((_, first)) = legs.iter().find(|(l, _)| *l == leg) {
            let what = if leg.is_some() { "this leg" } else { "the general template (no leg)" };
            return Err(SnapshotError::new(
                SnapshotErrorKind::DuplicateId,
                at("leg"),
                "a leg without another template",
                format!("{what}, already used at workspace.handoff_templates[{first}]"),
            ));
        }
        legs.push((leg, i));
        if t.versions.is_empty() {
            return Err(invalid_at(at("versions"), "at least one version", "none"));
        }
        for (k, v) in t.versions.iter().enumerate() {
            let vat = |field: &str| format!("workspace.handoff_templates[{i}].versions[{k}].{field}");
            if usize::try_from(v.version).ok() != Some(k + 1) {
                return Err(invalid_at(
                    vat("version"),
                    format!("{} (versions are numbered 1, 2, 3, … in order)", k + 1),
                    v.version.to_string(),
                ));
            }
            if v.items.is_empty() {
                return Err(invalid_at(vat("items"), "at least one item", "none"));
            }
            let mut keys: Vec<&str> = Vec::new();
            for (n, item) in v.items.iter().enumerate() {
                let iat = |field: &str| format!("workspace.handoff_templates[{i}].versions[{k}].items[{n}].{field}");
                if item.key.trim().is_empty() {
                    return Err(invalid_at(iat("key"), "a key that is not blank", text_value(&item.key)));
                }
                if let Some(first) = keys.iter().position(|x| *x == item.key) {
                    return Err(SnapshotError::new(
                        SnapshotErrorKind::DuplicateId,
                        iat("key"),
                        "a key not used by another item of the version",
                        format!("{}, already used at items[{first}]", text_value(&item.key)),
                    ));
                }
                keys.push(&item.key);
                if !(1..=MAX_WEIGHT).contains(&item.weight) {
                    return Err(invalid_at(
                        iat("weight"),
                        format!("a whole number from 1 to {MAX_WEIGHT}"),
                        item.weight.to_string(),
                    ));
                }
                if item.kind == ItemKind::Choice && item.choices.is_empty() {
                    return Err(invalid_at(iat("choices"), "at least one choice for a choice item", "none"));
                }
                let editor_number = item.key.strip_prefix('i').and_then(|n| n.parse::<u32>().ok());
                if let Some(n) = editor_number.filter(|n| *n >= t.next_item) {
                    return Err(invalid_at(
                        at("next_item"),
                        format!("a number greater than {n}, the number of item key {}", text_value(&item.key)),
                        t.next_item.to_string(),
                    ));
                }
            }
        }
    }
    Ok(())
}

pub(super) fn check_handoffs(
    s: &Snapshot,
    departments: &HashSet<Id>,
    members: &HashSet<Id>,
) -> Result<(), SnapshotError> {
    let mut ids = Seen::new("handoff");
    for (i, r) in s.requests.iter().enumerate() {
        let last = r.handoffs.len().saturating_sub(1);
        for (k, h) in r.handoffs.iter().enumerate() {
            let at = |field: &str| format!("requests[{i}].handoffs[{k}].{field}");
            ids.add(h.id, at("id"), quoted)?;
            for (field, d) in [("from", h.from), ("to", h.to)] {
                if !departments.contains(&d) {
                    return Err(dangling(at(field), "department", d));
                }
            }
            if let Some(m) = h.to_member.filter(|m| !members.contains(m)) {
                return Err(dangling(at("to_member"), "member", m));
            }
            let Some(t) = s.workspace.handoff_templates.iter().find(|t| t.id == h.template) else {
                return Err(dangling(at("template"), "handoff template", h.template));
            };
            let Some(v) = t.version(h.version) else {
                return Err(SnapshotError::new(
                    SnapshotErrorKind::DanglingReference,
                    at("version"),
                    format!("a version of template {}", quoted(t.id)),
                    h.version.to_string(),
                ));
            };
            let item = |key: &str| v.items.iter().find(|x| x.key == key);
            for (key, answer) in &h.answers {
                let Some(it) = item(key) else {
                    return Err(invalid_at(
                        at(&format!("answers.{key}")),
                        "the key of an item of the version it was sent with",
                        text_value(key),
                    ));
                };
                if it.kind == ItemKind::Person {
                    let member = Id::parse_str(answer).ok().filter(|m| members.contains(m));
                    if member.is_none() {
                        return Err(invalid_at(
                            at(&format!("answers.{key}")),
                            "the id of a member of this workspace",
                            text_value(answer),
                        ));
                    }
                }
            }
            if let Some((n, key)) = h.not_applicable.iter().enumerate().find(|(_, key)| item(key).is_none()) {
                return Err(invalid_at(
                    at(&format!("not_applicable[{n}]")),
                    "the key of an item of the version it was sent with",
                    text_value(key),
                ));
            }
            if h.reply.is_none() && k != last {
                return Err(invalid_at(
                    at("reply"),
                    "an answer (only a request's last handoff can still wait for one)",
                    "null",
                ));
            }
            if let Some(reply) = &h.reply {
                if reply.kind == ReplyKind::Returned && reply.reason.is_none() {
                    return Err(SnapshotError::new(
                        SnapshotErrorKind::MissingField,
                        at("reply.reason"),
                        "why it was returned",
                        "nothing",
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::Value;

    use super::super::{parse, Snapshot, SnapshotErrorKind};
    use crate::domain::handoff::{BuiltinLang, HandoffDraft, ReturnReason};
    use crate::domain::{apply, ts, Command, Ctx, NewRequest, SeqIds, Workspace};

    const STRANGER: &str = "00000000-0000-0000-0000-0000000000ff";

    /// The built-in English templates; request #1 handed from technical to
    /// service (with Wang as the person), returned, sent again and waiting;
    /// request #2 with nothing handed off.
    fn with_handoffs() -> Workspace {
        let mut ids = SeqIds::new(1);
        let now = ts("2026-11-02T01:00:00Z");
        let mut ws = Workspace::with_default_departments(&mut ids, "交接 Relay", now);
        let (service, technical) = (ws.departments[1].id, ws.departments[3].id);
        let mut ctx = Ctx::new(now, None, &mut ids);
        for cmd in [
            Command::AddMember { name: "王芳".into(), department: service },
            Command::AddMember { name: "Li".into(), department: technical },
            Command::AddBuiltinHandoffTemplates { lang: BuiltinLang::En },
            Command::CreateRequest(NewRequest::titled("打印机卡纸 🖨️")),
            Command::CreateRequest(NewRequest::titled("Refund")),
        ] {
            apply(&mut ws, cmd, &mut ctx).unwrap_or_else(|e| panic!("{e}"));
        }
        let (wang, li) = (ws.members[0].id, ws.members[1].id);
        let request = ws.request_by_number(1).map(|r| r.id).unwrap_or_default();
        let answers = |extra: &[(&str, String)]| {
            let mut a: BTreeMap<String, String> = [("result", "换了搓纸轮"), ("state", "Fixed")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            a.extend(extra.iter().map(|(k, v)| (k.to_string(), v.clone())));
            a
        };
        let draft = |a| HandoffDraft {
            request,
            from: technical,
            to: service,
            to_member: Some(wang),
            answers: a,
            incomplete_reason: "客户还没回电".into(),
        };
        let mut ctx = Ctx::new(now, Some(li), &mut ids);
        let first =
            apply(&mut ws, Command::SendHandoff(draft(answers(&[]))), &mut ctx).unwrap_or_else(|e| panic!("{e}"));
        let h = first.iter().find_map(|e| match e.change {
            crate::domain::Change::HandoffSent { handoff, .. } => Some(handoff),
            _ => None,
        });
        let mut ctx = Ctx::new(now, Some(wang), &mut ids);
        let give_back = Command::ReturnHandoff {
            request,
            handoff: h.unwrap_or_default(),
            reason: ReturnReason::MissingInformation,
            note: "请写明要告诉客户什么".into(),
        };
        apply(&mut ws, give_back, &mut ctx).unwrap_or_else(|e| panic!("{e}"));
        let mut ctx = Ctx::new(now, Some(li), &mut ids);
        let again = draft(answers(&[("tell", "已修好".into()), ("preferences", "下午三点后".into())]));
        apply(&mut ws, Command::SendHandoff(again), &mut ctx).unwrap_or_else(|e| panic!("{e}"));
        ws
    }

    fn edited(edit: impl Fn(&mut Value)) -> String {
        let mut v = serde_json::to_value(Snapshot::of(&with_handoffs(), ts("2026-11-03T00:00:00Z")))
            .unwrap_or_else(|e| panic!("{e}"));
        edit(&mut v);
        v.to_string()
    }

    #[test]
    fn handoffs_round_trip() {
        let ws = with_handoffs();
        let json = Snapshot::of(&ws, ts("2026-11-03T00:00:00Z")).to_json();
        let back = parse("t.baton.json", &json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.to_json(), json);
        assert_eq!(back.into_workspace(), ws);
        assert_eq!(ws.request_by_number(1).map(|r| r.handoffs.len()), Some(2));
    }

    /// Each bad edit is refused at its field.
    #[test]
    fn handoff_errors() {
        use SnapshotErrorKind::*;
        type Edit = fn(&mut Value);
        let cases: &[(&str, Edit, SnapshotErrorKind, &str, &str)] = &[
            (
                "template leg to nowhere",
                |v| v["workspace"]["handoff_templates"][1]["leg"]["to"] = Value::from(STRANGER),
                DanglingReference,
                "workspace.handoff_templates[1].leg.to",
                "\"00000000-0000-0000-0000-0000000000ff\"",
            ),
            (
                "two templates for one leg",
                |v| {
                    v["workspace"]["handoff_templates"][2]["leg"] =
                        v["workspace"]["handoff_templates"][1]["leg"].clone()
                },
                DuplicateId,
                "workspace.handoff_templates[2].leg",
                "this leg, already used at workspace.handoff_templates[1]",
            ),
            (
                "two general templates",
                |v| {
                    if let Some(t) = v["workspace"]["handoff_templates"][3].as_object_mut() {
                        t.remove("leg");
                    }
                },
                DuplicateId,
                "workspace.handoff_templates[3].leg",
                "the general template (no leg), already used at workspace.handoff_templates[0]",
            ),
            (
                "version 2 first",
                |v| v["workspace"]["handoff_templates"][0]["versions"][0]["version"] = Value::from(2),
                Invalid,
                "workspace.handoff_templates[0].versions[0].version",
                "2",
            ),
            (
                "weight 11",
                |v| v["workspace"]["handoff_templates"][0]["versions"][0]["items"][2]["weight"] = Value::from(11),
                Invalid,
                "workspace.handoff_templates[0].versions[0].items[2].weight",
                "11",
            ),
            (
                "two items, one key",
                |v| v["workspace"]["handoff_templates"][0]["versions"][0]["items"][1]["key"] = Value::from("customer"),
                DuplicateId,
                "workspace.handoff_templates[0].versions[0].items[1].key",
                "\"customer\", already used at items[0]",
            ),
            (
                "an editor key not handed out",
                |v| v["workspace"]["handoff_templates"][0]["versions"][0]["items"][1]["key"] = Value::from("i1"),
                Invalid,
                "workspace.handoff_templates[0].next_item",
                "1",
            ),
            (
                "handoff to no department",
                |v| v["requests"][0]["handoffs"][0]["to"] = Value::from(STRANGER),
                DanglingReference,
                "requests[0].handoffs[0].to",
                "\"00000000-0000-0000-0000-0000000000ff\"",
            ),
            (
                "to nobody",
                |v| v["requests"][0]["handoffs"][1]["to_member"] = Value::from(STRANGER),
                DanglingReference,
                "requests[0].handoffs[1].to_member",
                "\"00000000-0000-0000-0000-0000000000ff\"",
            ),
            (
                "no such template",
                |v| v["requests"][0]["handoffs"][0]["template"] = Value::from(STRANGER),
                DanglingReference,
                "requests[0].handoffs[0].template",
                "\"00000000-0000-0000-0000-0000000000ff\"",
            ),
            (
                "no such version",
                |v| v["requests"][0]["handoffs"][0]["version"] = Value::from(3),
                DanglingReference,
                "requests[0].handoffs[0].version",
                "3",
            ),
            (
                "an answer to no item",
                |v| v["requests"][0]["handoffs"][0]["answers"]["colour"] = Value::from("red"),
                Invalid,
                "requests[0].handoffs[0].answers.colour",
                "\"colour\"",
            ),
            (
                "a person who is nobody",
                |v| v["requests"][0]["handoffs"][0]["answers"]["contact_unused"] = Value::Null,
                WrongType,
                "requests[0].handoffs[0].answers.contact_unused",
                "null",
            ),
            (
                "two waiting",
                |v| {
                    if let Some(h) = v["requests"][0]["handoffs"][0].as_object_mut() {
                        h.remove("reply");
                    }
                },
                Invalid,
                "requests[0].handoffs[0].reply",
                "null",
            ),
            (
                "returned without a reason",
                |v| {
                    if let Some(r) = v["requests"][0]["handoffs"][0]["reply"].as_object_mut() {
                        r.remove("reason");
                    }
                },
                MissingField,
                "requests[0].handoffs[0].reply.reason",
                "nothing",
            ),
            (
                "duplicate handoff id",
                |v| v["requests"][0]["handoffs"][1]["id"] = v["requests"][0]["handoffs"][0]["id"].clone(),
                DuplicateId,
                "requests[0].handoffs[1].id",
                "",
            ),
            (
                "reply of an unknown kind",
                |v| v["requests"][0]["handoffs"][0]["reply"]["kind"] = Value::from("lost"),
                Invalid,
                "requests[0].handoffs[0].reply.kind",
                "\"lost\"",
            ),
            (
                "item of an unknown kind",
                |v| v["workspace"]["handoff_templates"][0]["versions"][0]["items"][0]["kind"] = Value::from("colour"),
                Invalid,
                "workspace.handoff_templates[0].versions[0].items[0].kind",
                "\"colour\"",
            ),
        ];
        for (what, edit, kind, path, found) in cases {
            match parse("t.baton.json", &edited(*edit)) {
                Ok(_) => panic!("{what}: expected an error at {path}"),
                Err(e) => {
                    assert_eq!((e.kind, e.path.as_str()), (*kind, *path), "{what}: {e}");
                    if !found.is_empty() {
                        assert_eq!(e.found.as_str(), *found, "{what}: {e}");
                    }
                }
            }
        }
        // The words of a reply kind and an item kind.
        let e =
            parse("t.baton.json", &edited(|v| v["requests"][0]["handoffs"][0]["reply"]["kind"] = Value::from("lost")));
        assert_eq!(e.err().map(|e| e.expected), Some("one of accepted, returned, withdrawn".to_string()));
        let e = parse(
            "t.baton.json",
            &edited(|v| {
                v["workspace"]["handoff_templates"][0]["versions"][0]["items"][0]["kind"] = Value::from("colour")
            }),
        );
        assert_eq!(e.err().map(|e| e.expected), Some("one of yes_no, text, choice, date, number, person".to_string()));
    }

    #[test]
    fn a_person_answer_names_a_member() {
        let ws = with_handoffs();
        let technical_service = ws.handoff_templates[3].id;
        let mut v = serde_json::to_value(Snapshot::of(&ws, ts("2026-11-03T00:00:00Z"))).unwrap_or(Value::Null);
        // Technical → service has no person item; point the handoff at service → technical's.
        assert_eq!(v["requests"][0]["handoffs"][0]["template"], Value::from(technical_service.to_string()));
        let service_technical = ws.handoff_templates[2].id.to_string();
        v["requests"][0]["handoffs"][0]["template"] = Value::from(service_technical);
        v["requests"][0]["handoffs"][0]["answers"] = serde_json::json!({"contact": STRANGER});
        v["requests"][0]["handoffs"][0]["not_applicable"] = serde_json::json!([]);
        let e = parse("t.baton.json", &v.to_string()).err();
        assert_eq!(
            e.map(|e| (e.kind, e.path, e.found)),
            Some((
                SnapshotErrorKind::Invalid,
                "requests[0].handoffs[0].answers.contact".into(),
                format!("\"{STRANGER}\"")
            ))
        );
        let member = ws.members[0].id.to_string();
        v["requests"][0]["handoffs"][0]["answers"] = serde_json::json!({ "contact": member });
        assert!(parse("t.baton.json", &v.to_string()).is_ok());
    }
}
