//! Handoffs on the request page: the send form with its live completeness
//! score, the waiting handoff with accept, return and withdraw, the return
//! notice, and a handoff's checklist exactly as sent (read-only, used in the
//! timeline and on the printable sheet). Also the words for handoff values,
//! trail lines and refusals.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::explain::fmt_business_time;
use crate::components::labels::{
    command_error_text, department_name, fmt_time, member_name, status_label, tr, urgency_label, I18n,
};
use crate::domain::handoff::{
    evaluate, AnswerProblem, HandoffDraft, HandoffError, Item, ItemKind, ItemProblem, Prefill, ReplyKind, ReturnReason,
    Score, Section, WaitLight, When,
};
use crate::domain::{Change, Command, Id, Request, Workspace};
use crate::i18n::i18n::*;
use crate::state::use_app;

pub fn section_label(i18n: I18n, s: Section) -> String {
    match s {
        Section::Situation => t_string!(i18n, handoff.sec_situation),
        Section::Background => t_string!(i18n, handoff.sec_background),
        Section::Assessment => t_string!(i18n, handoff.sec_assessment),
        Section::Recommendation => t_string!(i18n, handoff.sec_recommendation),
    }
    .to_string()
}

pub fn kind_label(i18n: I18n, k: ItemKind) -> String {
    match k {
        ItemKind::YesNo => t_string!(i18n, handoff.kind_yes_no),
        ItemKind::Text => t_string!(i18n, handoff.kind_text),
        ItemKind::Choice => t_string!(i18n, handoff.kind_choice),
        ItemKind::Date => t_string!(i18n, handoff.kind_date),
        ItemKind::Number => t_string!(i18n, handoff.kind_number),
        ItemKind::Person => t_string!(i18n, handoff.kind_person),
    }
    .to_string()
}

pub fn prefill_label(i18n: I18n, p: Prefill) -> String {
    match p {
        Prefill::Customer => t_string!(i18n, handoff.pf_customer),
        Prefill::Preferences => t_string!(i18n, handoff.pf_preferences),
        Prefill::Urgency => t_string!(i18n, handoff.pf_urgency),
        Prefill::Category => t_string!(i18n, handoff.pf_category),
        Prefill::Description => t_string!(i18n, handoff.pf_description),
        Prefill::History => t_string!(i18n, handoff.pf_history),
    }
    .to_string()
}

pub fn reason_label(i18n: I18n, r: ReturnReason) -> String {
    match r {
        ReturnReason::MissingInformation => t_string!(i18n, handoff.reason_missing_information),
        ReturnReason::WrongInformation => t_string!(i18n, handoff.reason_wrong_information),
        ReturnReason::WrongDepartment => t_string!(i18n, handoff.reason_wrong_department),
        ReturnReason::NotReady => t_string!(i18n, handoff.reason_not_ready),
        ReturnReason::Other => t_string!(i18n, handoff.reason_other),
    }
    .to_string()
}

pub fn light_label(i18n: I18n, l: WaitLight) -> String {
    match l {
        WaitLight::Green => t_string!(i18n, handoff.light_green),
        WaitLight::Yellow => t_string!(i18n, handoff.light_yellow),
        WaitLight::Red => t_string!(i18n, handoff.light_red),
    }
    .to_string()
}

/// The waiting light as a badge: shape, colour and a word.
#[component]
pub fn WaitBadge(light: WaitLight) -> impl IntoView {
    let i18n = use_i18n();
    view! { <span class=format!("light light-{}", light.key()) data-light=light.key()>{light_label(i18n, light)}</span> }
}

/// A labelled drop-down. Every choice list of the handoff pages goes through
/// this one component, so the browser build carries one copy of its
/// rendering code instead of one per list.
#[component]
pub fn Pick(
    /// The label, as `|i| t_string!(i, ns.key)`.
    label: fn(I18n) -> &'static str,
    /// (value, text) of each option, in order.
    options: Signal<Vec<(String, String)>>,
    /// The value chosen now.
    value: Signal<String>,
    on_pick: Callback<String>,
    #[prop(optional)] testid: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label>
            <span>{tr(i18n, label)}</span>
            <select data-testid=testid on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {move || {
                    let current = value.get();
                    options.get().into_iter().map(|(v, text)| {
                        let selected = v == current;
                        view! { <option value=v selected=selected>{text}</option> }
                    }).collect_view()
                }}
            </select>
        </label>
    }
}

/// A labelled one-line text field, shared like [`Pick`]. `lazy` fields
/// report when they are left (lists typed with commas), the others on every
/// key.
#[component]
pub fn TextIn(
    label: fn(I18n) -> &'static str,
    value: Signal<String>,
    on_set: Callback<String>,
    #[prop(optional)] testid: Option<&'static str>,
    #[prop(optional)] lazy: bool,
    #[prop(optional)] grow: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class=if grow { "grow" } else { "" }>
            <span>{tr(i18n, label)}</span>
            <input type="text" data-testid=testid prop:value=move || value.get()
                on:input=move |ev| if !lazy { on_set.run(event_target_value(&ev)) }
                on:change=move |ev| if lazy { on_set.run(event_target_value(&ev)) }/>
        </label>
    }
}

/// The departments as (id, name) options, after a first option `first`.
pub fn department_options(first: fn(I18n) -> &'static str) -> Signal<Vec<(String, String)>> {
    let i18n = use_i18n();
    let app = use_app();
    Signal::derive(move || {
        let mut out = vec![(String::new(), first(i18n).to_string())];
        app.workspace.with(|w| {
            if let Some(ws) = w {
                out.extend(ws.departments.iter().map(|d| (d.id.to_string(), department_name(i18n, d))));
            }
        });
        out
    })
}

/// "85.7 %", or "—" when no item applied.
pub fn percent(s: Score) -> String {
    s.percent_tenths().map(|t| format!("{}.{} %", t / 10, t % 10)).unwrap_or_else(|| "—".to_string())
}

pub fn score_text(i18n: I18n, s: Score) -> String {
    t_string!(i18n, handoff.score, percent = percent(s), filled = s.filled, of = s.applicable).to_string()
}

pub fn dept_name(i18n: I18n, ws: &Workspace, id: Id) -> String {
    ws.department(id).map(|d| department_name(i18n, d)).unwrap_or_else(|| t_string!(i18n, common.unknown).to_string())
}

/// "Sales → Service".
pub fn leg_text(i18n: I18n, ws: &Workspace, from: Id, to: Id) -> String {
    format!("{} → {}", dept_name(i18n, ws, from), dept_name(i18n, ws, to))
}

fn who(i18n: I18n, ws: &Workspace, id: Option<Id>) -> String {
    member_name(ws, id).unwrap_or_else(|| t_string!(i18n, common.nobody).to_string())
}

/// An answer as a reader sees it: words for checks, names for people.
pub fn answer_text(i18n: I18n, ws: &Workspace, item: &Item, value: &str) -> String {
    match item.kind {
        ItemKind::YesNo if value == "yes" => t_string!(i18n, handoff.yes).to_string(),
        ItemKind::YesNo if value == "no" => t_string!(i18n, handoff.no).to_string(),
        ItemKind::Person => {
            Id::parse_str(value).ok().and_then(|m| member_name(ws, Some(m))).unwrap_or_else(|| value.to_string())
        }
        _ => value.to_string(),
    }
}

/// "Only when urgency is High or higher and category is promotion".
pub fn condition_text(i18n: I18n, w: &When) -> String {
    let mut parts = Vec::new();
    if let Some(u) = w.min_urgency {
        parts.push(t_string!(i18n, handoff.cond_urgency, urgency = urgency_label(i18n, u)).to_string());
    }
    if !w.categories.is_empty() {
        parts.push(t_string!(i18n, handoff.cond_category, categories = w.categories.join(" / ")).to_string());
    }
    t_string!(i18n, handoff.applies_when, condition = parts.join(t_string!(i18n, handoff.and))).to_string()
}

/// Withdrawal reasons Baton writes itself, in the reader's language.
fn system_reason(i18n: I18n, reason: &str) -> String {
    match reason {
        "request resolved" => t_string!(i18n, handoff.reason_resolved).to_string(),
        "request merged" => t_string!(i18n, handoff.reason_merged).to_string(),
        other => other.to_string(),
    }
}

/// The trail line of a handoff event; none for other events.
pub fn handoff_change_text(i18n: I18n, ws: &Workspace, c: &Change) -> Option<String> {
    Some(match c {
        Change::HandoffSent { from, to, to_member, filled, applicable, incomplete_reason, .. } => {
            let mut to_text = dept_name(i18n, ws, *to);
            if to_member.is_some() {
                to_text = format!("{to_text} ({})", who(i18n, ws, *to_member));
            }
            let s = Score { filled: *filled, applicable: *applicable };
            let base = t_string!(
                i18n,
                handoff.ev_sent,
                from = dept_name(i18n, ws, *from),
                to = to_text,
                percent = percent(s),
                filled = *filled,
                of = *applicable
            )
            .to_string();
            if incomplete_reason.is_empty() {
                base
            } else {
                format!("{base}{}", t_string!(i18n, handoff.ev_incomplete, reason = incomplete_reason.clone()))
            }
        }
        Change::HandoffAccepted { to, .. } => {
            t_string!(i18n, handoff.ev_accepted, who = who(i18n, ws, Some(*to))).to_string()
        }
        Change::HandoffReturned { reason, note, .. } => {
            t_string!(i18n, handoff.ev_returned, reason = reason_label(i18n, *reason), note = note.clone()).to_string()
        }
        Change::HandoffWithdrawn { reason, .. } => {
            t_string!(i18n, handoff.ev_withdrawn, reason = system_reason(i18n, reason)).to_string()
        }
        Change::HandoffTemplateSaved { name, version, .. } => {
            t_string!(i18n, handoff.ev_template, name = name.clone(), version = *version).to_string()
        }
        _ => return None,
    })
}

fn problem_text(i18n: I18n, p: AnswerProblem) -> &'static str {
    match p {
        AnswerProblem::YesOrNo => t_string!(i18n, handoff.problem_yes_no),
        AnswerProblem::Number => t_string!(i18n, handoff.problem_number),
        AnswerProblem::Date => t_string!(i18n, handoff.problem_date),
        AnswerProblem::Choice => t_string!(i18n, handoff.problem_choice),
        AnswerProblem::Member => t_string!(i18n, handoff.problem_member),
        AnswerProblem::TooLong => t_string!(i18n, handoff.problem_too_long),
    }
}

fn item_problem_text(i18n: I18n, p: ItemProblem) -> &'static str {
    match p {
        ItemProblem::NoLabel => t_string!(i18n, handoff.item_no_label),
        ItemProblem::TooLong => t_string!(i18n, handoff.item_too_long),
        ItemProblem::Weight => t_string!(i18n, handoff.item_weight),
        ItemProblem::NoChoices => t_string!(i18n, handoff.item_no_choices),
        ItemProblem::DuplicateKey => t_string!(i18n, handoff.item_duplicate),
        ItemProblem::UnknownKey => t_string!(i18n, handoff.item_unknown),
    }
}

/// A refused handoff command, in the reader's language.
pub fn handoff_error_text(i18n: I18n, e: &HandoffError) -> String {
    match e {
        HandoffError::SameDepartment => t_string!(i18n, handoff.err_same_department).to_string(),
        HandoffError::NoTemplate => t_string!(i18n, handoff.no_template).to_string(),
        HandoffError::AlreadyPending { number } => {
            t_string!(i18n, handoff.err_already_pending, number = *number).to_string()
        }
        HandoffError::NotPending => t_string!(i18n, handoff.err_not_pending).to_string(),
        HandoffError::RequiredMissing { labels } => {
            t_string!(i18n, handoff.err_required_missing, items = labels.join(t_string!(i18n, handoff.list_sep)))
                .to_string()
        }
        HandoffError::BadAnswer { label, problem } => format!("{label}: {}", problem_text(i18n, *problem)),
        HandoffError::UnknownItem { .. } => t_string!(i18n, handoff.err_unknown_item).to_string(),
        HandoffError::NoActor => t_string!(i18n, handoff.err_no_actor).to_string(),
        HandoffError::NotReceiver { name } => {
            t_string!(i18n, handoff.err_not_receiver, name = name.clone()).to_string()
        }
        HandoffError::NotSender { name } => t_string!(i18n, handoff.err_not_sender, name = name.clone()).to_string(),
        HandoffError::LegTaken => t_string!(i18n, handoff.err_leg_taken).to_string(),
        HandoffError::BadItem { position, problem } => {
            t_string!(i18n, handoff.err_bad_item, n = *position, problem = item_problem_text(i18n, *problem))
                .to_string()
        }
        HandoffError::NoItems => t_string!(i18n, handoff.err_no_items).to_string(),
    }
}

/// What the request knows for an item with a pre-fill, in the reader's language.
fn prefilled(i18n: I18n, r: &Request, p: Prefill) -> String {
    match p {
        Prefill::Customer => [r.customer.name.trim(), r.customer.contact.trim()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        Prefill::Preferences => r.preferences.clone(),
        Prefill::Urgency => urgency_label(i18n, r.urgency),
        Prefill::Category => r.category.clone(),
        Prefill::Description => {
            if r.description.trim().is_empty() {
                r.title.clone()
            } else {
                r.description.clone()
            }
        }
        Prefill::History => {
            let mut text = t_string!(
                i18n,
                handoff.history_summary,
                status = status_label(i18n, r.status),
                created = r.created_at.map(fmt_time).unwrap_or_default(),
                comments = r.comments.len(),
                handoffs = r.handoffs.len()
            )
            .to_string();
            if let Some(c) = r.comments.last() {
                text.push_str(&t_string!(i18n, handoff.history_last, text = c.text.clone()).to_string());
            }
            text
        }
    }
}

/// One item of a checklist as sent.
#[derive(Clone)]
struct SentItem {
    section: Section,
    label: String,
    answer: Option<String>,
    applied: bool,
    filled: bool,
    required: bool,
    weight: u32,
}

/// Everything a handoff record shows, read once from the workspace.
#[derive(Clone)]
struct SentRecord {
    leg: String,
    person: Option<String>,
    sent: String,
    template: String,
    score: Score,
    incomplete: String,
    reply: String,
    reply_key: &'static str,
    items: Vec<SentItem>,
}

fn sent_record(i18n: I18n, ws: &Workspace, request: Id, handoff: Id) -> Option<SentRecord> {
    let r = ws.request(request)?;
    let h = r.handoff(handoff)?;
    let t = ws.handoff_template(h.template)?;
    let v = t.version(h.version)?;
    let mut score = Score::default();
    let items = v
        .items
        .iter()
        .map(|i| {
            let applied = h.applied(&i.key);
            let answer = h.answers.get(&i.key).map(|a| answer_text(i18n, ws, i, a));
            let filled = applied && h.answers.get(&i.key).is_some_and(|a| i.filled_by(a));
            if applied {
                score.applicable += i.weight;
                if filled {
                    score.filled += i.weight;
                }
            }
            SentItem {
                section: i.section,
                label: i.label.clone(),
                answer,
                applied,
                filled,
                required: i.required,
                weight: i.weight,
            }
        })
        .collect();
    let (reply, reply_key) = match &h.reply {
        None => (t_string!(i18n, handoff.reply_waiting).to_string(), "waiting"),
        Some(x) => {
            let at = fmt_time(x.at);
            let text = match x.kind {
                ReplyKind::Accepted => {
                    t_string!(i18n, handoff.reply_accepted, who = who(i18n, ws, x.by), at = at).to_string()
                }
                ReplyKind::Returned => t_string!(
                    i18n,
                    handoff.reply_returned,
                    who = who(i18n, ws, x.by),
                    at = at,
                    reason = x.reason.map(|r| reason_label(i18n, r)).unwrap_or_default(),
                    note = x.note.clone()
                )
                .to_string(),
                ReplyKind::Withdrawn => {
                    t_string!(i18n, handoff.reply_withdrawn, at = at, note = system_reason(i18n, &x.note)).to_string()
                }
            };
            (text, x.kind.key())
        }
    };
    Some(SentRecord {
        leg: leg_text(i18n, ws, h.from, h.to),
        person: h.to_member.map(|m| who(i18n, ws, Some(m))),
        sent: t_string!(i18n, handoff.sent_line, who = who(i18n, ws, h.sent_by), at = fmt_time(h.sent_at)).to_string(),
        template: t_string!(i18n, handoff.record_template, name = t.name.clone(), version = h.version).to_string(),
        score,
        incomplete: h.incomplete_reason.clone(),
        reply,
        reply_key,
        items,
    })
}

/// A handoff's checklist exactly as it was sent (the version it was sent
/// with and its answers), its completeness and its answer. Read-only.
#[component]
pub fn HandoffRecord(request: Id, handoff: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let data = move || app.workspace.with(|w| w.as_ref().and_then(|ws| sent_record(i18n, ws, request, handoff)));
    move || {
        data().map(|d| {
            let sections = Section::ALL
                .into_iter()
                .filter_map(|s| {
                    let rows: Vec<SentItem> = d.items.iter().filter(|i| i.section == s).cloned().collect();
                    (!rows.is_empty()).then_some((s, rows))
                })
                .collect::<Vec<_>>();
            view! {
                <div class="handoff-record" data-testid="handoff-record" data-reply=d.reply_key>
                    <p class="record-head">
                        <strong data-testid="record-leg">{d.leg}</strong>
                        {d.person.map(|p| view! { " · " {t_string!(i18n, handoff.record_person, name = p).to_string()} })}
                    </p>
                    <p class="muted">{d.sent}" · "{d.template}</p>
                    <p><strong data-testid="record-score">{score_text(i18n, d.score)}</strong></p>
                    {(!d.incomplete.is_empty()).then(|| view! {
                        <p class="note" data-testid="record-incomplete">{t_string!(i18n, handoff.sent_incomplete, reason = d.incomplete.clone()).to_string()}</p>
                    })}
                    <p data-testid="record-reply">{d.reply}</p>
                    <table class="plain-table checklist">
                        <thead><tr>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_item))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_answer))}</th>
                        </tr></thead>
                        {sections.into_iter().map(|(s, rows)| view! {
                            <tbody>
                                <tr class="section-row"><th scope="rowgroup" colspan="2">{section_label(i18n, s)}</th></tr>
                                {rows.into_iter().map(|it| {
                                    let state = if !it.applied { "na" } else if it.filled { "filled" } else { "missing" };
                                    let marks = format!(
                                        "{}{}",
                                        if it.required { format!("{} · ", t_string!(i18n, handoff.required_mark)) } else { String::new() },
                                        t_string!(i18n, handoff.weight_n, n = it.weight)
                                    );
                                    let answer = if !it.applied {
                                        t_string!(i18n, handoff.not_applicable).to_string()
                                    } else {
                                        it.answer.clone().unwrap_or_else(|| t_string!(i18n, handoff.empty_answer).to_string())
                                    };
                                    view! {
                                        <tr class=format!("item-{state}") data-testid="record-item" data-state=state>
                                            <th scope="row">{it.label}<span class="muted small">" (" {marks} ")"</span></th>
                                            <td class="prewrap">
                                                {answer}
                                                {(state == "missing").then(|| view! { " " <span class="badge warn">{tr(i18n, |i| t_string!(i, handoff.missing_word))}</span> })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        }).collect_view()}
                    </table>
                </div>
            }
        })
    }
}

/// Handing the request off, and what became of its handoffs: the waiting
/// one (accept, return, withdraw), a return to act on, and the send form.
#[component]
pub fn HandoffPanel(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // (open, pending handoff, latest handoff returned)
    let state = Memo::new(move |_| {
        app.workspace.with(|w| {
            let r = w.as_ref()?.request(id)?;
            let returned = r.handoffs.last().filter(|h| h.replied(ReplyKind::Returned)).map(|h| h.id);
            Some((r.is_open(), r.pending_handoff().map(|h| h.id), returned))
        })
    });
    view! {
        {move || state.get().filter(|(open, _, _)| *open).map(|(_, pending, returned)| view! {
            <section class="card handoff-panel" aria-labelledby="handoff-h" data-testid="handoff-panel">
                <h2 id="handoff-h">{tr(i18n, |i| t_string!(i, handoff.panel_h))}</h2>
                {match pending {
                    Some(h) => view! { <Waiting request=id handoff=h/> }.into_any(),
                    None => view! {
                        {returned.map(|h| view! { <ReturnedNotice request=id handoff=h/> })}
                        <SendForm id=id/>
                    }.into_any(),
                }}
            </section>
        })}
    }
}

/// A return the sender has to act on.
#[component]
fn ReturnedNotice(request: Id, handoff: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let text = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let h = ws.request(request)?.handoff(handoff)?;
            let x = h.reply.as_ref()?;
            Some(
                t_string!(
                    i18n,
                    handoff.returned_notice,
                    who = who(i18n, ws, x.by),
                    at = fmt_time(x.at),
                    reason = x.reason.map(|r| reason_label(i18n, r)).unwrap_or_default(),
                    note = x.note.clone()
                )
                .to_string(),
            )
        })
    };
    view! {
        <div class="note returned" role="status" data-testid="handoff-returned">
            <p><strong>{text}</strong></p>
            <p>{tr(i18n, |i| t_string!(i, handoff.returned_fix))}</p>
        </div>
    }
}

/// The handoff waiting for an answer: the checklist as sent, and accept,
/// return or withdraw.
#[component]
fn Waiting(request: Id, handoff: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let reason = RwSignal::new(ReturnReason::MissingInformation);
    let note = RwSignal::new(String::new());
    let withdraw_reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let run = move |cmd: Command| match app.dispatch(cmd) {
        Ok(_) => error.set(None),
        Err(e) => error.set(Some(command_error_text(i18n, &e))),
    };
    // (receiving department's name, owner's name, waiting time, light, may
    // the acting member answer, sending department's name, may they withdraw)
    let info = move || {
        let now = app.now.get();
        let actor = app.actor.get();
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.request(request)?;
            let h = r.handoff(handoff)?;
            let secs = ws.calendar.elapsed(h.sent_at, now, &[]);
            let acting = actor.and_then(|a| ws.member(a)).filter(|m| m.active);
            let receiver = acting.is_some_and(|m| m.department == h.to);
            let sender = acting.is_some_and(|m| h.may_withdraw(m));
            let from = dept_name(i18n, ws, h.from);
            Some((dept_name(i18n, ws, h.to), who(i18n, ws, r.owner), secs, WaitLight::of(secs), receiver, from, sender))
        })
    };
    view! {
        {move || info().map(|(dept, owner, secs, light, receiver, from, sender)| view! {
            <div class="handoff-waiting" data-testid="handoff-waiting">
                <p>
                    <strong>{t_string!(i18n, handoff.waiting_for, dept = dept.clone()).to_string()}</strong>" "
                    <WaitBadge light=light/>" "
                    <span class="muted">{fmt_business_time(i18n, secs)}</span>
                </p>
                {if receiver {
                    view! {
                        <div class="handoff-answer">
                            <button type="button" class="primary" data-testid="accept-handoff"
                                on:click=move |_| run(Command::AcceptHandoff { request, handoff })>
                                {tr(i18n, |i| t_string!(i, handoff.accept))}
                            </button>
                            <p class="help">{t_string!(i18n, handoff.accept_help, owner = owner).to_string()}</p>
                            <form class="inline-form" on:submit=move |ev| {
                                ev.prevent_default();
                                let cmd = Command::ReturnHandoff { request, handoff, reason: reason.get_untracked(), note: note.get_untracked() };
                                run(cmd);
                            }>
                                <h3 class="sr-only">{tr(i18n, |i| t_string!(i, handoff.return_h))}</h3>
                                <Pick label=|i| t_string!(i, handoff.return_reason) testid="return-reason"
                                    options=Signal::derive(move || ReturnReason::ALL.into_iter().map(|r| (r.key().to_string(), reason_label(i18n, r))).collect())
                                    value=Signal::derive(move || reason.get().key().to_string())
                                    on_pick=Callback::new(move |v: String| if let Some(r) = ReturnReason::from_key(&v) { reason.set(r) })/>
                                <TextIn label=|i| t_string!(i, handoff.return_note) testid="return-note" grow=true
                                    value=note.into() on_set=Callback::new(move |v: String| note.set(v))/>
                                <button type="submit" data-testid="return-handoff">{tr(i18n, |i| t_string!(i, handoff.return_button))}</button>
                            </form>
                        </div>
                    }.into_any()
                } else {
                    view! { <p class="help" data-testid="not-receiver">{t_string!(i18n, handoff.not_receiver, dept = dept).to_string()}</p> }.into_any()
                }}
                <p class="error" role="alert" data-testid="handoff-error">{move || error.get()}</p>
                <HandoffRecord request=request handoff=handoff/>
                {if sender {
                    view! {
                        <form class="inline-form withdraw" on:submit=move |ev| {
                            ev.prevent_default();
                            run(Command::WithdrawHandoff { request, handoff, reason: withdraw_reason.get_untracked() });
                        }>
                            <TextIn label=|i| t_string!(i, handoff.withdraw_reason) testid="withdraw-reason"
                                value=withdraw_reason.into() on_set=Callback::new(move |v: String| withdraw_reason.set(v))/>
                            <button type="submit" class="danger" data-testid="withdraw-handoff">{tr(i18n, |i| t_string!(i, handoff.withdraw_button))}</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <p class="help" data-testid="not-sender">{t_string!(i18n, handoff.not_sender, dept = from).to_string()}</p> }.into_any()
                }}
            </div>
        })}
    }
}

/// The template a leg uses now: (name, version, items).
type LegTemplate = Option<(String, u32, Vec<Item>)>;

/// The send form: leg, person, the checklist with its live score, "send
/// incomplete" with a reason.
#[component]
fn SendForm(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = RwSignal::new(false);
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let person = RwSignal::new(String::new());
    let answers = RwSignal::new(BTreeMap::<String, String>::new());
    let incomplete = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let done = RwSignal::new(false);
    let parse = |s: String| Id::parse_str(&s).ok();
    let template = Memo::new(move |_| -> LegTemplate {
        let (f, t) = (parse(from.get())?, parse(to.get())?);
        app.workspace.with(|w| {
            let tpl = w.as_ref()?.template_for_leg(f, t)?;
            let v = tpl.current()?;
            Some((tpl.name.clone(), v.version, v.items.clone()))
        })
    });
    let people = move || {
        let to = parse(to.get());
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| {
                    ws.members
                        .iter()
                        .filter(|m| m.active && Some(m.department) == to)
                        .map(|m| (m.id, m.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    // Starts the answers from the last handoff with the same template (a
    // return to fix), then from what the request knows.
    let fill = move || {
        let Some((_, _, items)) = template.get_untracked() else { return };
        let tpl = parse(from.get_untracked())
            .zip(parse(to.get_untracked()))
            .and_then(|(f, t)| app.workspace.with_untracked(|w| w.as_ref()?.template_for_leg(f, t).map(|t| t.id)));
        let start = app.workspace.with_untracked(|w| {
            let ws = w.as_ref()?;
            let r = ws.request(id)?;
            let mut a: BTreeMap<String, String> = r
                .handoffs
                .iter()
                .rev()
                .find(|h| Some(h.template) == tpl)
                .map(|h| h.answers.clone())
                .unwrap_or_default();
            for item in items.iter().filter(|i| i.kind == ItemKind::Text) {
                if let (Some(p), false) = (item.prefill, a.contains_key(&item.key)) {
                    let v = prefilled(i18n, r, p);
                    if !v.trim().is_empty() {
                        a.insert(item.key.clone(), v);
                    }
                }
            }
            a.retain(|k, _| items.iter().any(|i| &i.key == k));
            Some(a)
        });
        answers.set(start.unwrap_or_default());
    };
    let start = move |_| {
        // The sending department: the acting member's, else the handler's.
        let guess = app.workspace.with_untracked(|w| {
            let ws = w.as_ref()?;
            let member = app.actor.get_untracked().or_else(|| ws.request(id).and_then(|r| r.handler));
            member.and_then(|m| ws.member(m)).map(|m| m.department.to_string())
        });
        from.set(guess.unwrap_or_default());
        to.set(String::new());
        person.set(String::new());
        answers.set(BTreeMap::new());
        incomplete.set(false);
        reason.set(String::new());
        error.set(None);
        done.set(false);
        open.set(true);
    };
    let evaluation = Memo::new(move |_| {
        let a = answers.get();
        template.with(|t| {
            let (_, _, items) = t.as_ref()?;
            app.workspace.with(|w| w.as_ref()?.request(id).map(|r| evaluate(items, r, &a)))
        })
    });
    let missing = move || {
        let labels = evaluation.with(|e| {
            template.with(|t| match (e, t) {
                (Some(e), Some((_, _, items))) => {
                    e.missing_required.iter().filter_map(|k| items.get(*k)).map(|i| i.label.clone()).collect::<Vec<_>>()
                }
                _ => Vec::new(),
            })
        });
        (!labels.is_empty()).then(|| labels.join(t_string!(i18n, handoff.list_sep)))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(f), Some(t)) = (parse(from.get_untracked()), parse(to.get_untracked())) else {
            error.set(Some(t_string!(i18n, handoff.choose_to).to_string()));
            return;
        };
        let draft = HandoffDraft {
            request: id,
            from: f,
            to: t,
            to_member: parse(person.get_untracked()),
            answers: answers.get_untracked(),
            incomplete_reason: if incomplete.get_untracked() { reason.get_untracked() } else { String::new() },
        };
        match app.dispatch(Command::SendHandoff(draft)) {
            Ok(_) => {
                error.set(None);
                open.set(false);
                done.set(true);
            }
            Err(crate::domain::CommandError::Handoff(HandoffError::RequiredMissing { .. }))
                if incomplete.get_untracked() =>
            {
                error.set(Some(t_string!(i18n, handoff.err_reason_needed).to_string()))
            }
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    let departments = department_options(|i| t_string!(i, detail.choose));
    let people = Signal::derive(move || {
        let mut out = vec![(String::new(), t_string!(i18n, handoff.anyone_in).to_string())];
        out.extend(people().into_iter().map(|(m, name)| (m.to_string(), name)));
        out
    });
    view! {
        {move || done.get().then(|| view! { <p class="ok" role="status" data-testid="handoff-sent">{tr(i18n, |i| t_string!(i, handoff.sent_ok))}</p> })}
        <Show when=move || open.get() fallback=move || view! {
            <button type="button" data-testid="hand-off" aria-expanded="false" on:click=start>{tr(i18n, |i| t_string!(i, handoff.hand_off))}</button>
        }>
            <form class="handoff-form" data-testid="handoff-form" on:submit=submit novalidate=true>
                <h3>{tr(i18n, |i| t_string!(i, handoff.form_h))}</h3>
                <div class="inline-form">
                    <Pick label=|i| t_string!(i, handoff.f_from_dept) testid="handoff-from" options=departments value=from.into()
                        on_pick=Callback::new(move |v: String| { from.set(v); fill(); })/>
                    <Pick label=|i| t_string!(i, handoff.f_to_dept) testid="handoff-to" options=departments value=to.into()
                        on_pick=Callback::new(move |v: String| { to.set(v); person.set(String::new()); fill(); })/>
                    <Pick label=|i| t_string!(i, handoff.f_person) testid="handoff-person" options=people value=person.into()
                        on_pick=Callback::new(move |v: String| person.set(v))/>
                </div>
                {move || match template.get() {
                    None if to.get().is_empty() => view! { <p class="help">{tr(i18n, |i| t_string!(i, handoff.choose_to))}</p> }.into_any(),
                    None => view! { <p class="note" data-testid="no-template">{tr(i18n, |i| t_string!(i, handoff.no_template))}</p> }.into_any(),
                    Some((name, version, items)) => view! {
                        <p class="muted" data-testid="handoff-template">{t_string!(i18n, handoff.uses_template, name = name, version = version).to_string()}</p>
                        <Checklist id=id items=items answers=answers/>
                    }.into_any(),
                }}
                {move || evaluation.get().map(|e| view! {
                    <div class="live-score" aria-live="polite">
                        <p><strong data-testid="live-score">{score_text(i18n, e.score)}</strong></p>
                        <meter min="0" max=e.score.applicable.max(1) value=e.score.filled aria-hidden="true"></meter>
                        <p class="help">{tr(i18n, |i| t_string!(i, handoff.score_help))}</p>
                    </div>
                })}
                {move || missing().map(|m| view! { <p class="warning" data-testid="missing-required">{t_string!(i18n, handoff.missing_required, items = m).to_string()}</p> })}
                <label class="check">
                    <input type="checkbox" data-testid="send-incomplete" prop:checked=move || incomplete.get()
                        on:change=move |ev| incomplete.set(event_target_checked(&ev))/>
                    <span>{tr(i18n, |i| t_string!(i, handoff.send_incomplete))}</span>
                </label>
                <Show when=move || incomplete.get()>
                    <TextIn label=|i| t_string!(i, handoff.incomplete_reason) testid="incomplete-reason"
                        value=reason.into() on_set=Callback::new(move |v: String| reason.set(v))/>
                </Show>
                <p class="error" role="alert" data-testid="handoff-form-error">{move || error.get()}</p>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="send-handoff">{tr(i18n, |i| t_string!(i, handoff.send))}</button>
                    <button type="button" on:click=move |_| open.set(false)>{tr(i18n, |i| t_string!(i, handoff.cancel))}</button>
                </div>
            </form>
        </Show>
    }
}

/// The items of a checklist as form fields, by SBAR part.
#[component]
fn Checklist(id: Id, items: Vec<Item>, answers: RwSignal<BTreeMap<String, String>>) -> impl IntoView {
    let i18n = use_i18n();
    Section::ALL
        .into_iter()
        .filter_map(|s| {
            let here: Vec<Item> = items.iter().filter(|i| i.section == s).cloned().collect();
            (!here.is_empty()).then(|| {
                view! {
                    <fieldset class="checklist-part" data-section=s.key()>
                        <legend>{section_label(i18n, s)}</legend>
                        {here.into_iter().map(|item| view! { <ItemField id=id item=item answers=answers/> }).collect_view()}
                    </fieldset>
                }
            })
        })
        .collect_view()
}

/// One checklist item as a labelled control of its type.
#[component]
fn ItemField(id: Id, item: Item, answers: RwSignal<BTreeMap<String, String>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let key = item.key.clone();
    let value = {
        let key = key.clone();
        move || answers.with(|a| a.get(&key).cloned().unwrap_or_default())
    };
    let set = {
        let key = key.clone();
        move |v: String| {
            answers.update(|a| {
                a.insert(key.clone(), v);
            })
        }
    };
    let applies = {
        let item = item.clone();
        move || app.workspace.with(|w| w.as_ref().and_then(|ws| ws.request(id)).is_none_or(|r| item.applies(r)))
    };
    let state_applies = applies.clone();
    let help_id = format!("ho-help-{}", item.key);
    let condition = item.when.as_ref().map(|w| condition_text(i18n, w));
    let marks = format!(
        "{}{}",
        if item.required { format!("{} · ", t_string!(i18n, handoff.required_mark)) } else { String::new() },
        t_string!(i18n, handoff.weight_n, n = item.weight)
    );
    let kind = item.kind;
    let choices = item.choices.clone();
    let members = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| {
                    ws.members
                        .iter()
                        .filter(|m| m.active)
                        .map(|m| (m.id.to_string(), m.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let current = value.clone();
    let control = match kind {
        ItemKind::Text => {
            let set = set.clone();
            view! { <textarea rows="2" aria-describedby=help_id.clone() prop:value=value.clone() on:input=move |ev| set(event_target_value(&ev))></textarea> }.into_any()
        }
        ItemKind::Date => {
            let set = set.clone();
            view! { <input type="date" aria-describedby=help_id.clone() prop:value=value.clone() on:input=move |ev| set(event_target_value(&ev))/> }.into_any()
        }
        ItemKind::Number => {
            let set = set.clone();
            view! { <input type="text" inputmode="decimal" aria-describedby=help_id.clone() prop:value=value.clone() on:input=move |ev| set(event_target_value(&ev))/> }.into_any()
        }
        ItemKind::YesNo | ItemKind::Choice | ItemKind::Person => {
            let set = set.clone();
            let options: Vec<(String, String)> = match kind {
                ItemKind::YesNo => vec![
                    ("yes".to_string(), t_string!(i18n, handoff.yes).to_string()),
                    ("no".to_string(), t_string!(i18n, handoff.no).to_string()),
                ],
                ItemKind::Choice => choices.iter().map(|c| (c.clone(), c.clone())).collect(),
                _ => members(),
            };
            view! {
                <select aria-describedby=help_id.clone() on:change=move |ev| set(event_target_value(&ev))>
                    <option value="" selected={ let c = current.clone(); move || c().is_empty() }>"—"</option>
                    {options.into_iter().map(|(v, text)| {
                        let c = current.clone();
                        let s = v.clone();
                        view! { <option value=v selected=move || c() == s>{text}</option> }
                    }).collect_view()}
                </select>
            }
            .into_any()
        }
    };
    let filled = {
        let item = item.clone();
        let value = value.clone();
        move || item.filled_by(value().trim())
    };
    view! {
        <div class="checklist-item" data-testid="checklist-item" data-key=key.clone()
            data-state=move || if !state_applies() { "na" } else if filled() { "filled" } else { "missing" }>
            <label>
                <span class="item-label">
                    {item.label.clone()}
                    {item.required.then(|| view! { <span class="req" aria-hidden="true">" *"</span> })}
                    <span class="muted small">" (" {marks} ")"</span>
                </span>
                {control}
            </label>
            <p class="help" id=help_id.clone()>
                {item.help.clone()}
                {condition.map(|c| view! { " " <span>{c}</span> })}
                {move || (!applies()).then(|| view! { " " <strong>{tr(i18n, |i| t_string!(i, handoff.not_applicable))}</strong> })}
            </p>
        </div>
    }
}

/// The handoff sheet link of a handoff in the timeline, and its checklist
/// as sent behind a disclosure.
#[component]
pub fn TimelineHandoff(request: Id, handoff: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let sheet = move || {
        app.workspace.with(|w| {
            let r = w.as_ref()?.request(request)?;
            let k = r.handoffs.iter().position(|h| h.id == handoff)?;
            Some(format!("/requests/{}/handoffs/{}", r.number, k + 1))
        })
    };
    view! {
        <details class="handoff-details" data-testid="timeline-handoff">
            <summary>{tr(i18n, |i| t_string!(i, handoff.show_checklist))}</summary>
            <HandoffRecord request=request handoff=handoff/>
        </details>
        {move || sheet().map(|href| view! { " " <A href=href attr:class="small" attr:data-testid="sheet-link">{tr(i18n, |i| t_string!(i, handoff.print_sheet))}</A> })}
    }
}
