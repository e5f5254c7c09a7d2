//! The commands of handoffs: sending one with its checklist, accepting,
//! returning and withdrawing it, and saving checklist templates. Each checks
//! everything before changing anything, like every command; `apply` only
//! dispatches to these.

use std::collections::{BTreeMap, HashSet};

use super::command::{check_member, required_text, Trail};
use super::handoff::{
    check_answer, evaluate, BuiltinLang, Handoff, HandoffDraft, HandoffError, Item, ItemKind, ItemProblem, Reply,
    ReplyKind, ReturnReason, Template, TemplateDraft, TemplateVersion, When, MAX_LABEL_CHARS, MAX_TEXT_CHARS,
    MAX_WEIGHT,
};
use super::handoff_builtin::builtin_templates;
use super::{Change, CommandError, Id, Request, Workspace};

fn open_request<'w>(ws: &'w Workspace, id: Id, action: &'static str) -> Result<&'w Request, CommandError> {
    let r = ws.requests.get(&id).ok_or(CommandError::NotFound { what: "request", id })?;
    if !r.status.is_open() {
        return Err(CommandError::NotOpen { number: r.number, status: r.status, action });
    }
    Ok(r)
}

fn department_exists(ws: &Workspace, id: Id) -> Result<(), CommandError> {
    ws.department(id).map(|_| ()).ok_or(CommandError::NotFound { what: "department", id })
}

fn pending(r: &Request, handoff: Id) -> Result<&Handoff, CommandError> {
    let h = r.handoff(handoff).ok_or(CommandError::NotFound { what: "handoff", id: handoff })?;
    if !h.is_pending() {
        return Err(HandoffError::NotPending.into());
    }
    Ok(h)
}

/// The acting member, who must be an active member of the receiving department.
fn receiver(ws: &Workspace, h: &Handoff, actor: Option<Id>) -> Result<Id, CommandError> {
    let actor = actor.ok_or(HandoffError::NoActor)?;
    check_member(ws, actor, "receiver")?;
    match ws.member(actor) {
        Some(m) if m.department == h.to => Ok(actor),
        m => Err(HandoffError::NotReceiver { name: m.map(|m| m.name.clone()).unwrap_or_default() }.into()),
    }
}

/// The acting member taking a handoff back ([`Handoff::may_withdraw`]).
fn sender_side(ws: &Workspace, h: &Handoff, actor: Option<Id>) -> Result<Id, CommandError> {
    let actor = actor.ok_or(HandoffError::NoActor)?;
    check_member(ws, actor, "withdrawn by")?;
    match ws.member(actor) {
        Some(m) if h.may_withdraw(m) => Ok(actor),
        m => Err(HandoffError::NotSender { name: m.map(|m| m.name.clone()).unwrap_or_default() }.into()),
    }
}

pub(super) fn send(ws: &mut Workspace, d: HandoffDraft, trail: &mut Trail) -> Result<(), CommandError> {
    let r = open_request(ws, d.request, "handing off")?;
    if r.pending_handoff().is_some() {
        return Err(HandoffError::AlreadyPending { number: r.number }.into());
    }
    department_exists(ws, d.from)?;
    department_exists(ws, d.to)?;
    if d.from == d.to {
        return Err(HandoffError::SameDepartment.into());
    }
    if let Some(m) = d.to_member {
        check_member(ws, m, "to")?;
        if ws.member(m).is_some_and(|m| m.department != d.to) {
            let name = ws.member(m).map(|m| m.name.clone()).unwrap_or_default();
            return Err(HandoffError::NotReceiver { name }.into());
        }
    }
    let template = ws.template_for_leg(d.from, d.to).ok_or(HandoffError::NoTemplate)?;
    let version = template.current().ok_or(HandoffError::NoTemplate)?;
    let items = &version.items;
    let mut answers = BTreeMap::new();
    for (key, value) in &d.answers {
        let item =
            items.iter().find(|i| &i.key == key).ok_or_else(|| HandoffError::UnknownItem { key: key.clone() })?;
        // Empty answers, and answers to items that do not apply to this
        // request (filled in before its urgency or category changed), are
        // not part of what is sent.
        if value.trim().is_empty() || !item.applies(r) {
            continue;
        }
        let stored = check_answer(ws, item, value)
            .map_err(|problem| HandoffError::BadAnswer { label: item.label.clone(), problem })?;
        answers.insert(key.clone(), stored);
    }
    let eval = evaluate(items, r, &answers);
    let reason = d.incomplete_reason.trim().to_string();
    if reason.chars().count() > MAX_TEXT_CHARS {
        return Err(super::command::invalid("reason", "at most 2000 characters"));
    }
    let incomplete_reason = if eval.missing_required.is_empty() {
        String::new()
    } else if reason.is_empty() {
        let labels = eval.missing_required.iter().filter_map(|k| items.get(*k)).map(|i| i.label.clone()).collect();
        return Err(HandoffError::RequiredMissing { labels }.into());
    } else {
        reason
    };
    let not_applicable: Vec<String> =
        items.iter().zip(&eval.applies).filter(|(_, a)| !**a).map(|(i, _)| i.key.clone()).collect();
    let handoff = Handoff {
        id: trail.ctx.ids.next_id(),
        from: d.from,
        to: d.to,
        to_member: d.to_member,
        sent_by: trail.ctx.actor,
        sent_at: trail.ctx.now,
        template: template.id,
        version: version.version,
        answers,
        not_applicable,
        incomplete_reason,
        reply: None,
    };
    trail.push_for(
        d.request,
        Change::HandoffSent {
            handoff: handoff.id,
            from: d.from,
            to: d.to,
            to_member: d.to_member,
            template: handoff.template,
            version: handoff.version,
            filled: eval.score.filled,
            applicable: eval.score.applicable,
            incomplete_reason: handoff.incomplete_reason.clone(),
        },
    );
    let now = trail.ctx.now;
    if let Some(r) = ws.requests.get_mut(&d.request) {
        r.handoffs.push(handoff);
        r.updated_at = now;
    }
    Ok(())
}

/// The receiver (the acting member) takes the request over: it becomes the
/// handler. The first-contact owner stays accountable, and a planned handoff
/// is not a routing mistake, so routing accuracy is left alone.
pub(super) fn accept(ws: &mut Workspace, request: Id, handoff: Id, trail: &mut Trail) -> Result<(), CommandError> {
    let r = open_request(ws, request, "accepting a handoff")?;
    let h = pending(r, handoff)?;
    let to = receiver(ws, h, trail.ctx.actor)?;
    let from = r.handler;
    trail.push_for(request, Change::HandoffAccepted { handoff, from, to });
    let now = trail.ctx.now;
    let Some(r) = ws.requests.get_mut(&request) else { return Ok(()) };
    if let Some(h) = r.handoffs.iter_mut().find(|h| h.id == handoff) {
        h.reply = Some(Reply { kind: ReplyKind::Accepted, at: now, by: Some(to), reason: None, note: String::new() });
    }
    if from != Some(to) {
        r.previous_handlers.extend(from);
        // Going back to someone who handled it before is a return, as with
        // a reassignment (first-contact resolution counts it).
        if r.previous_handlers.contains(&to) {
            r.return_count += 1;
        }
        r.handler = Some(to);
    }
    r.updated_at = now;
    Ok(())
}

/// The receiver sends it back: the request stays with its sender, who sees
/// the return with its reason.
pub(super) fn give_back(
    ws: &mut Workspace,
    request: Id,
    handoff: Id,
    reason: ReturnReason,
    note: &str,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let note = required_text("reason", note)?;
    if note.chars().count() > MAX_TEXT_CHARS {
        return Err(super::command::invalid("reason", "at most 2000 characters"));
    }
    let r = open_request(ws, request, "returning a handoff")?;
    let h = pending(r, handoff)?;
    let by = receiver(ws, h, trail.ctx.actor)?;
    trail.push_for(request, Change::HandoffReturned { handoff, reason, note: note.clone() });
    let now = trail.ctx.now;
    if let Some(r) = ws.requests.get_mut(&request) {
        if let Some(h) = r.handoffs.iter_mut().find(|h| h.id == handoff) {
            h.reply = Some(Reply { kind: ReplyKind::Returned, at: now, by: Some(by), reason: Some(reason), note });
        }
        r.updated_at = now;
    }
    Ok(())
}

/// The sending side takes a waiting handoff back, with a reason; the request
/// stays where it is.
pub(super) fn withdraw(
    ws: &mut Workspace,
    request: Id,
    handoff: Id,
    reason: &str,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let reason = required_text("reason", reason)?;
    let r = ws.requests.get(&request).ok_or(CommandError::NotFound { what: "request", id: request })?;
    let h = pending(r, handoff)?;
    sender_side(ws, h, trail.ctx.actor)?;
    take_back(ws, request, handoff, reason, trail);
    Ok(())
}

fn take_back(ws: &mut Workspace, request: Id, handoff: Id, reason: String, trail: &mut Trail) {
    trail.push_for(request, Change::HandoffWithdrawn { handoff, reason: reason.clone() });
    let (now, by) = (trail.ctx.now, trail.ctx.actor);
    if let Some(r) = ws.requests.get_mut(&request) {
        if let Some(h) = r.handoffs.iter_mut().find(|h| h.id == handoff) {
            h.reply = Some(Reply { kind: ReplyKind::Withdrawn, at: now, by, reason: None, note: reason });
        }
        r.updated_at = now;
    }
}

/// Withdraws the waiting handoff of a request that is being resolved or
/// merged: nobody can take over a request that needs no more work. Called by
/// `apply` after those commands have been checked.
pub(super) fn withdraw_pending(ws: &mut Workspace, request: Id, reason: &str, trail: &mut Trail) {
    let waiting = ws.requests.get(&request).and_then(|r| r.pending_handoff()).map(|h| h.id);
    if let Some(handoff) = waiting {
        take_back(ws, request, handoff, reason.to_string(), trail);
    }
}

/// Checks a template's items and gives new ones their keys ("i<n>", counting
/// from `next_item`). Returns the items and the next free number.
fn checked_items(
    existing: Option<&Template>,
    items: Vec<Item>,
    mut next_item: u32,
) -> Result<(Vec<Item>, u32), CommandError> {
    if items.is_empty() {
        return Err(HandoffError::NoItems.into());
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (k, item) in items.into_iter().enumerate() {
        let bad = |problem| CommandError::from(HandoffError::BadItem { position: k + 1, problem });
        let label = item.label.trim().to_string();
        if label.is_empty() {
            return Err(bad(ItemProblem::NoLabel));
        }
        let help = item.help.trim().to_string();
        if label.chars().count() > MAX_LABEL_CHARS || help.chars().count() > MAX_TEXT_CHARS {
            return Err(bad(ItemProblem::TooLong));
        }
        if !(1..=MAX_WEIGHT).contains(&item.weight) {
            return Err(bad(ItemProblem::Weight));
        }
        let mut choices: Vec<String> = Vec::new();
        if item.kind == ItemKind::Choice {
            for c in item.choices.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
                if !choices.iter().any(|x| x == c) {
                    choices.push(c.to_string());
                }
            }
            if choices.is_empty() {
                return Err(bad(ItemProblem::NoChoices));
            }
        }
        let when = item
            .when
            .map(|w| When { min_urgency: w.min_urgency, categories: super::command::clean_tags(&w.categories) });
        let key = item.key.trim().to_string();
        let key = if key.is_empty() {
            let made = format!("i{next_item}");
            next_item += 1;
            made
        } else {
            // Keys of the editor's own form ("i<n>") are handed out here only,
            // so an old key can never come back meaning another item.
            let editor_key =
                key.strip_prefix('i').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            let known = existing.is_some_and(|t| t.knows_key(&key));
            if !known && (existing.is_some() || editor_key) {
                return Err(bad(ItemProblem::UnknownKey));
            }
            key
        };
        if !seen.insert(key.clone()) {
            return Err(bad(ItemProblem::DuplicateKey));
        }
        out.push(Item { key, label, help, choices, when: when.filter(|w| !w.is_empty()), ..item });
    }
    Ok((out, next_item))
}

/// Saves a template: a new one (`template` none) or changes to one. Changed
/// items make a new version; the old versions stay as they were, so handoffs
/// sent with them read the same as before.
pub(super) fn save_template(
    ws: &mut Workspace,
    template: Option<Id>,
    draft: TemplateDraft,
    trail: &mut Trail,
) -> Result<(), CommandError> {
    let name = required_text("template name", &draft.name)?;
    if name.chars().count() > MAX_LABEL_CHARS {
        return Err(super::command::invalid("template name", format!("at most {MAX_LABEL_CHARS} characters")));
    }
    let existing = match template {
        Some(id) => Some(ws.handoff_template(id).ok_or(CommandError::NotFound { what: "template", id })?),
        None => None,
    };
    if let Some(leg) = draft.leg {
        department_exists(ws, leg.from)?;
        department_exists(ws, leg.to)?;
        if leg.from == leg.to {
            return Err(HandoffError::SameDepartment.into());
        }
    }
    if ws.handoff_templates.iter().any(|t| Some(t.id) != template && t.leg == draft.leg) {
        return Err(HandoffError::LegTaken.into());
    }
    let next = existing.map_or(1, |t| t.next_item);
    let (items, next_item) = checked_items(existing, draft.items, next)?;
    let now = trail.ctx.now;
    match template {
        None => {
            let id = trail.ctx.ids.next_id();
            trail.push(Change::HandoffTemplateSaved { template: id, name: name.clone(), version: 1 });
            let first = TemplateVersion { version: 1, saved_at: now, items };
            ws.handoff_templates.push(Template { id, name, leg: draft.leg, versions: vec![first], next_item });
        }
        Some(id) => {
            let Some(t) = ws.handoff_templates.iter_mut().find(|t| t.id == id) else { return Ok(()) };
            let changed_items = t.current().is_none_or(|v| v.items != items);
            if !changed_items && t.name == name && t.leg == draft.leg {
                return Ok(());
            }
            if changed_items {
                let version = t.current().map_or(1, |v| v.version + 1);
                t.versions.push(TemplateVersion { version, saved_at: now, items });
                t.next_item = next_item;
            }
            t.name = name.clone();
            t.leg = draft.leg;
            let version = t.current().map_or(1, |v| v.version);
            trail.push(Change::HandoffTemplateSaved { template: id, name, version });
        }
    }
    Ok(())
}

/// Adds the built-in templates for the legs (and the general one) that have
/// no template yet; changes nothing when every one is there.
pub(super) fn add_builtin(ws: &mut Workspace, lang: BuiltinLang, trail: &mut Trail) -> Result<(), CommandError> {
    let now = trail.ctx.now;
    for draft in builtin_templates(ws, lang) {
        if ws.handoff_templates.iter().any(|t| t.leg == draft.leg) {
            continue;
        }
        let id = trail.ctx.ids.next_id();
        trail.push(Change::HandoffTemplateSaved { template: id, name: draft.name.clone(), version: 1 });
        let first = TemplateVersion { version: 1, saved_at: now, items: draft.items };
        ws.handoff_templates.push(Template {
            id,
            name: draft.name,
            leg: draft.leg,
            versions: vec![first],
            next_item: 1,
        });
    }
    Ok(())
}
