//! One request: its fields, the actions its state allows, and its trail as a
//! timeline.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::labels::tr;
use crate::components::labels::{
    change_text, channel_label, command_error_text, fmt_opt_time, fmt_time, member_name, status_label, urgency_label,
};
use crate::domain::{Command, Id, Request, Status};
use crate::i18n::i18n::*;
use crate::pages::board_request::{OpenTasksReason, RequestTasks};
use crate::pages::detail_work::{MergeInfo, OwnershipPanel, ResponsibilityInfo, RoutingInfo, SlaInfo};
use crate::state::use_app;

#[component]
pub fn DetailPage(
    /// The request's short number from the address; none when it is not a number.
    number: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // Only the id: the view below follows the request's changes itself, so a
    // change (here or in another tab) does not rebuild the page and wipe what
    // is being typed in its forms.
    let request = Memo::new(move |_| {
        let n = number?;
        app.workspace.with(|w| w.as_ref().and_then(|ws| ws.request_by_number(n).map(|r| r.id)))
    });
    view! {
        {move || match request.get() {
            None => view! {
                <section class="page">
                    <h1>{tr(i18n, |i| t_string!(i, detail.not_found))}</h1>
                    <p><A href="/">{tr(i18n, |i| t_string!(i, detail.back))}</A></p>
                </section>
            }.into_any(),
            Some(id) => view! { <RequestView id=id/> }.into_any(),
        }}
    }
}

#[component]
fn RequestView(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let req = Memo::new(move |_| app.workspace.with(|w| w.as_ref().and_then(|ws| ws.request(id).cloned())));
    let name_of = move |m: Option<Id>| {
        app.workspace.with(|w| w.as_ref().and_then(|ws| member_name(ws, m))).unwrap_or_else(|| "—".to_string())
    };
    let field = move |f: fn(&Request) -> String| move || req.with(|r| r.as_ref().map(f).unwrap_or_default());
    let heading = field(|r| format!("#{} {}", r.number, r.title));
    let status = move || req.with(|r| r.as_ref().map(|r| r.status)).unwrap_or(Status::New);

    view! {
        <section class="page" aria-labelledby="detail-h">
            <p><A href="/">{tr(i18n, |i| t_string!(i, detail.back))}</A></p>
            <div class="page-head">
                <h1 id="detail-h">{heading}</h1>
                <span class=move || format!("status status-{}", status().key()) data-testid="status">
                    {move || status_label(i18n, status())}
                </span>
            </div>
            <div class="detail-grid">
                <dl class="facts">
                    <dt>{tr(i18n, |i| t_string!(i, detail.customer))}</dt>
                    <dd>{field(|r| r.customer.name.clone())}" "<span class="muted">{field(|r| r.customer.contact.clone())}</span></dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.channel))}</dt>
                    <dd>{move || req.with(|r| r.as_ref().map(|r| channel_label(i18n, r.channel)))}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.urgency))}</dt>
                    <dd>{move || req.with(|r| r.as_ref().map(|r| urgency_label(i18n, r.urgency)))}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.category))}</dt>
                    <dd>{field(|r| r.category.clone())}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.tags))}</dt>
                    <dd>{field(|r| r.tags.join(", "))}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.preferences))}</dt>
                    <dd>{field(|r| r.preferences.clone())}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.owner))}</dt>
                    <dd data-testid="owner">{move || name_of(req.with(|r| r.as_ref().and_then(|r| r.owner)))}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.handler))}</dt>
                    <dd data-testid="handler">{move || name_of(req.with(|r| r.as_ref().and_then(|r| r.handler)))}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.created))}</dt>
                    <dd>{move || fmt_opt_time(i18n, req.with(|r| r.as_ref().and_then(|r| r.created_at)))}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.first_response))}</dt>
                    <dd data-testid="first-response">{move || fmt_opt_time(i18n, req.with(|r| r.as_ref().and_then(|r| r.first_response_at)))}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.resolved))}</dt>
                    <dd>{move || fmt_opt_time(i18n, req.with(|r| r.as_ref().and_then(|r| r.resolved_at)))}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.closed))}</dt>
                    <dd>{move || fmt_opt_time(i18n, req.with(|r| r.as_ref().and_then(|r| r.closed_at)))}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.resolution))}</dt>
                    <dd>{field(|r| r.resolution.clone())}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.satisfaction))}</dt>
                    <dd data-testid="satisfaction">{move || req.with(|r| r.as_ref().and_then(|r| r.satisfaction)).map(|s| format!("{s} / 5")).unwrap_or_else(|| "—".into())}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.reopened))}</dt>
                    <dd>{field(|r| r.reopen_count.to_string())}</dd>
                    <dt>{tr(i18n, |i| t_string!(i, detail.returns))}</dt>
                    <dd>{field(|r| r.return_count.to_string())}</dd>
                </dl>
                <div class="description">
                    <h2>{tr(i18n, |i| t_string!(i, detail.description))}</h2>
                    <p class="prewrap">{field(|r| r.description.clone())}</p>
                    {move || req.with(|r| r.as_ref().filter(|r| !r.flags.is_empty()).map(|_| view! {
                        <p class="flag" data-testid="data-flag">{tr(i18n, |i| t_string!(i, detail.flagged))}</p>
                    }))}
                    <ResponsibilityInfo id=id/>
                    <MergeInfo id=id/>
                </div>
            </div>
            <SlaInfo id=id/>
            <RoutingInfo id=id/>
            <RequestTasks id=id/>
            <Actions id=id status=Signal::derive(status)/>
            <crate::components::handoff::HandoffPanel id=id/>
            <Timeline id=id/>
        </section>
    }
}

/// The actions the request's state allows; each shows its own error.
#[component]
fn Actions(id: Id, status: Signal<Status>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let assignee = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let summary = RwSignal::new(String::new());
    let rating = RwSignal::new(String::new());
    let reopen_reason = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let open_tasks_reason = RwSignal::new(String::new());
    let run = move |cmd: Command, clear: Option<RwSignal<String>>| match app.dispatch(cmd) {
        Ok(_) => {
            error.set(None);
            if let Some(s) = clear {
                s.set(String::new());
            }
        }
        Err(e) => error.set(Some(command_error_text(i18n, &e))),
    };
    let has_handler =
        move || app.workspace.with(|w| w.as_ref().and_then(|ws| ws.request(id)).is_some_and(|r| r.handler.is_some()));
    let no_first_response = move || {
        app.workspace.with(|w| w.as_ref().and_then(|ws| ws.request(id)).is_some_and(|r| r.first_response_at.is_none()))
    };
    let members = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.members.iter().filter(|m| m.active).map(|m| (m.id, m.name.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let open = move || status.get().is_open();

    view! {
        <section class="actions-panel" aria-labelledby="actions-h">
            <h2 id="actions-h">{tr(i18n, |i| t_string!(i, detail.actions))}</h2>
            <p class="error" role="alert" data-testid="action-error">{move || error.get()}</p>
            <Show when=open>
                <form class="action" on:submit=move |ev| {
                    ev.prevent_default();
                    match Id::parse_str(&assignee.get_untracked()) {
                        Ok(to) => run(Command::Assign { request: id, to, reason: reason.get_untracked() }, Some(reason)),
                        Err(_) => error.set(Some(t_string!(i18n, detail.pick_assignee).to_string())),
                    }
                }>
                    <h3>{move || if has_handler() { t_string!(i18n, detail.reassign) } else { t_string!(i18n, detail.assign) }}</h3>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, detail.assignee))}</span>
                        <select on:change=move |ev| assignee.set(event_target_value(&ev)) data-testid="assignee">
                            <option value="">{tr(i18n, |i| t_string!(i, detail.choose))}</option>
                            <For each=members key=|(id, _)| *id children=move |(id, name)| {
                                view! { <option value=id.to_string()>{name}</option> }
                            }/>
                        </select>
                    </label>
                    <label>
                        <span>{move || if has_handler() { t_string!(i18n, detail.reason_required) } else { t_string!(i18n, detail.reason_optional) }}</span>
                        <input type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) data-testid="assign-reason"/>
                    </label>
                    <button type="submit" data-testid="assign">{tr(i18n, |i| t_string!(i, detail.assign_button))}</button>
                </form>
                <Show when=no_first_response>
                    <div class="action">
                        <h3>{tr(i18n, |i| t_string!(i, detail.first_response_h))}</h3>
                        <p class="help">{tr(i18n, |i| t_string!(i, detail.first_response_help))}</p>
                        <button type="button" data-testid="first-response-button"
                            on:click=move |_| run(Command::RecordFirstResponse { request: id }, None)>
                            {tr(i18n, |i| t_string!(i, detail.record_first_response))}
                        </button>
                    </div>
                </Show>
                <Show when=move || status.get().can_move_to(Status::InProgress) && status.get() != Status::New>
                    <div class="action">
                        <button type="button" data-testid="start-work"
                            on:click=move |_| run(Command::StartWork { request: id }, None)>
                            {tr(i18n, |i| t_string!(i, detail.start_work))}
                        </button>
                    </div>
                </Show>
                <Show when=move || status.get().can_move_to(Status::WaitingForCustomer)>
                    <form class="action" on:submit=move |ev| {
                        ev.prevent_default();
                        run(Command::WaitForCustomer { request: id, note: note.get_untracked() }, Some(note));
                    }>
                        <h3>{tr(i18n, |i| t_string!(i, detail.wait_h))}</h3>
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, detail.wait_note))}</span>
                            <input type="text" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                        </label>
                        <button type="submit" data-testid="wait">{tr(i18n, |i| t_string!(i, detail.wait_button))}</button>
                    </form>
                </Show>
                <Show when=move || status.get().can_move_to(Status::Resolved)>
                    <form class="action" on:submit=move |ev| {
                        ev.prevent_default();
                        let reason = open_tasks_reason.get_untracked();
                        run(crate::pages::board_request::resolve_command(app, id, summary.get_untracked(), reason), Some(summary));
                    }>
                        <h3>{tr(i18n, |i| t_string!(i, detail.resolve_h))}</h3>
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, detail.resolve_summary))}</span>
                            <textarea rows="2" prop:value=move || summary.get() on:input=move |ev| summary.set(event_target_value(&ev)) data-testid="resolve-summary"></textarea>
                        </label>
                        <OpenTasksReason id=id reason=open_tasks_reason/>
                        <button type="submit" data-testid="resolve">{tr(i18n, |i| t_string!(i, detail.resolve_button))}</button>
                    </form>
                </Show>
            </Show>
            <Show when=move || status.get().can_move_to(Status::Closed)>
                <form class="action" on:submit=move |ev| {
                    ev.prevent_default();
                    let value = rating.get_untracked().parse::<u8>().ok();
                    run(Command::Close { request: id, satisfaction: value }, None);
                }>
                    <h3>{tr(i18n, |i| t_string!(i, detail.close_h))}</h3>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, detail.close_rating))}</span>
                        <select on:change=move |ev| rating.set(event_target_value(&ev)) data-testid="rating">
                            <option value="">{tr(i18n, |i| t_string!(i, detail.no_rating))}</option>
                            {(1..=5u8).rev().map(|v| view! { <option value=v.to_string()>{format!("{v} / 5")}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="submit" data-testid="close">{tr(i18n, |i| t_string!(i, detail.close_button))}</button>
                </form>
            </Show>
            <Show when=move || status.get().can_move_to(Status::Reopened)>
                <form class="action" on:submit=move |ev| {
                    ev.prevent_default();
                    run(Command::Reopen { request: id, reason: reopen_reason.get_untracked() }, Some(reopen_reason));
                }>
                    <h3>{tr(i18n, |i| t_string!(i, detail.reopen_h))}</h3>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, detail.reopen_reason))}</span>
                        <input type="text" prop:value=move || reopen_reason.get() on:input=move |ev| reopen_reason.set(event_target_value(&ev)) data-testid="reopen-reason"/>
                    </label>
                    <button type="submit" data-testid="reopen">{tr(i18n, |i| t_string!(i, detail.reopen_button))}</button>
                </form>
            </Show>
            <OwnershipPanel id=id/>
            <form class="action" on:submit=move |ev| {
                ev.prevent_default();
                run(Command::AddComment { request: id, text: comment.get_untracked() }, Some(comment));
            }>
                <h3>{tr(i18n, |i| t_string!(i, detail.comment_h))}</h3>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, detail.comment_text))}</span>
                    <textarea rows="2" prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev)) data-testid="comment-text"></textarea>
                </label>
                <button type="submit" data-testid="comment">{tr(i18n, |i| t_string!(i, detail.comment_button))}</button>
            </form>
        </section>
    }
}

/// One line of the timeline: event, time, who, what, and the (request,
/// handoff) whose checklist it shows.
type TrailLine = (Id, String, String, String, Option<(Id, Id)>);

/// The request's events, newest first, with those of the requests merged
/// into it (marked with their number): both trails are kept.
#[component]
fn Timeline(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let items = move || {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            let merged: Vec<(Id, u32)> =
                ws.requests.values().filter(|r| r.merged_into == Some(id)).map(|r| (r.id, r.number)).collect();
            let mut out: Vec<TrailLine> = ws
                .events
                .iter()
                .filter_map(|e| {
                    let r = e.request?;
                    let from = if r == id { None } else { Some(merged.iter().find(|(m, _)| *m == r)?.1) };
                    let who = member_name(ws, e.actor).unwrap_or_else(|| t_string!(i18n, detail.someone).to_string());
                    let text = change_text(i18n, ws, &e.change);
                    let text = match from {
                        Some(n) => format!("#{n}: {text}"),
                        None => text,
                    };
                    // A handoff shows its checklist as sent under its line.
                    let handoff = match e.change {
                        crate::domain::Change::HandoffSent { handoff, .. } => Some((r, handoff)),
                        _ => None,
                    };
                    Some((e.id, fmt_time(e.at), who, text, handoff))
                })
                .collect();
            out.reverse();
            out
        })
    };
    view! {
        <section class="timeline" aria-labelledby="trail-h">
            <h2 id="trail-h">{tr(i18n, |i| t_string!(i, detail.trail))}</h2>
            <ol data-testid="timeline">
                <For each=items key=|(id, _, _, text, _)| (*id, text.clone()) children=move |(_, at, who, text, handoff)| {
                    view! {
                        <li>
                            <span class="when">{at}</span>" "
                            <span class="who">{who}</span>" "
                            <span class="what">{text}</span>
                            {handoff.map(|(r, h)| view! { <crate::components::handoff::TimelineHandoff request=r handoff=h/> })}
                        </li>
                    }
                }/>
            </ol>
        </section>
    }
}
