//! Parts of the request page about how the request is worked: why routing
//! chose its handler, its SLA clocks, who is accountable (and transfers of
//! that), its category's responsibility row, and merges.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::explain::{
    clock_label, decision_text, fmt_business, fmt_business_time, fmt_in_zone, raci_label, skipped_text, LightBadge,
};
use crate::components::labels::{command_error_text, department_name, member_name, tr};
use crate::domain::responsibility::RaciRole;
use crate::domain::sla::{clock_light, remaining, ClockKind};
use crate::domain::{Command, Id};
use crate::i18n::i18n::*;
use crate::state::use_app;

/// Why routing gave the request to its handler.
#[component]
pub fn RoutingInfo(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let text = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.request(id)?;
            let d = r.routing.as_ref()?;
            Some((decision_text(i18n, ws, d), skipped_text(i18n, d), r.rerouted))
        })
    };
    view! {
        {move || text().map(|(why, skipped, rerouted)| view! {
            <section class="card routing-info" aria-labelledby="routed-h">
                <h2 id="routed-h">{tr(i18n, |i| t_string!(i, routing.routed_title))}</h2>
                <p data-testid="routing-explanation">{why}</p>
                {skipped.map(|s| view! { <p class="help">{s}</p> })}
                {rerouted.then(|| view! { <p class="note" data-testid="rerouted">{tr(i18n, |i| t_string!(i, routing.rerouted_note))}</p> })}
            </section>
        })}
    }
}

/// The two SLA clocks with their due times in the workspace's zone, the
/// business time left and a light with its word.
#[component]
pub fn SlaInfo(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = move || {
        let now = app.now.get();
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.request(id)?;
            let clocks = r.sla?;
            let row = |kind: ClockKind| {
                let clock = if kind == ClockKind::FirstResponse { clocks.first_response } else { clocks.resolution };
                let light = clock_light(r, kind, now)?;
                let due = clock.due_at.map(|d| fmt_in_zone(&ws.calendar, d));
                let met = match kind {
                    ClockKind::FirstResponse => r.first_response_at,
                    ClockKind::Resolution => r.resolved_at.filter(|_| !r.status.is_open()),
                };
                let left = if met.is_none() && r.is_open() {
                    remaining(&ws.calendar, &clock, &r.pauses, now).map(|s| fmt_business(i18n, s))
                } else {
                    None
                };
                Some((kind, light, fmt_business_time(i18n, clock.target_secs), due, left))
            };
            Some([row(ClockKind::FirstResponse), row(ClockKind::Resolution)].into_iter().flatten().collect::<Vec<_>>())
        })
    };
    view! {
        {move || rows().map(|rows| view! {
            <section class="card sla-info" aria-labelledby="sla-h2" data-testid="sla-info">
                <h2 id="sla-h2">{tr(i18n, |i| t_string!(i, sla.request_title))}</h2>
                <table class="plain-table">
                    <thead><tr>
                        <th scope="col">{tr(i18n, |i| t_string!(i, sla.col_clock))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, sla.col_state))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, sla.col_target))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, sla.col_due))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, sla.col_left))}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(kind, light, target, due, left)| {
                            let key = if kind == ClockKind::FirstResponse { "fr" } else { "res" };
                            view! {
                                <tr data-testid=format!("sla-{key}")>
                                    <th scope="row">{clock_label(i18n, kind)}</th>
                                    <td data-testid=format!("sla-{key}-light")><LightBadge light=light/></td>
                                    <td>{target}</td>
                                    <td data-testid=format!("sla-{key}-due")>{due.unwrap_or_else(|| t_string!(i18n, sla.due_unknown).to_string())}</td>
                                    <td data-testid=format!("sla-{key}-left")>{left.unwrap_or_default()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
        })}
    }
}

/// The category's row of the responsibility matrix, or a warning that no
/// department is accountable for it.
#[component]
pub fn ResponsibilityInfo(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let text = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.request(id)?;
            if r.category.trim().is_empty() {
                return None;
            }
            let row = ws.responsibility.iter().find(|row| row.is_for(&r.category));
            Some(match row {
                None => {
                    Err(t_string!(i18n, responsibility.category_uncovered, category = r.category.clone()).to_string())
                }
                Some(row) => Ok(RaciRole::ALL
                    .into_iter()
                    .filter_map(|role| {
                        let names: Vec<String> = row
                            .roles
                            .iter()
                            .filter(|(_, x)| **x == role)
                            .filter_map(|(d, _)| ws.department(*d).map(|d| department_name(i18n, d)))
                            .collect();
                        (!names.is_empty()).then(|| format!("{}: {}", raci_label(i18n, role), names.join(", ")))
                    })
                    .collect::<Vec<_>>()
                    .join(" · ")),
            })
        })
    };
    view! {
        {move || text().map(|t| match t {
            Ok(line) => view! { <p class="raci-line" data-testid="raci-line">{line}</p> }.into_any(),
            Err(warning) => view! { <p class="note" data-testid="raci-line">{warning}" "<A href="/responsibility">{tr(i18n, |i| t_string!(i, responsibility.set_it))}</A></p> }.into_any(),
        })}
    }
}

/// Merged into another request, or other requests merged into this one.
#[component]
pub fn MergeInfo(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let info = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.request(id)?;
            let into = r.merged_into.and_then(|m| ws.request(m)).map(|m| m.number);
            let from: Vec<u32> = ws.requests.values().filter(|x| x.merged_into == Some(id)).map(|x| x.number).collect();
            (into.is_some() || !from.is_empty()).then_some((into, from))
        })
    };
    view! {
        {move || info().map(|(into, from)| view! {
            <div class="note" data-testid="merge-info">
                {into.map(|n| view! { <p>{tr(i18n, |i| t_string!(i, responsibility.merged_into))}" "<A href=format!("/requests/{n}")>{format!("#{n}")}</A></p> })}
                {(!from.is_empty()).then(|| view! {
                    <p>{tr(i18n, |i| t_string!(i, responsibility.merged_from))}" "
                        {from.into_iter().map(|n| view! { <A href=format!("/requests/{n}")>{format!("#{n}")}</A>" " }).collect_view()}
                    </p>
                })}
            </div>
        })}
    }
}

/// Offering first-contact ownership to someone, and answering an offer.
#[component]
pub fn OwnershipPanel(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let to = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let answer = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let run = move |cmd: Command| match app.dispatch(cmd) {
        Ok(_) => {
            error.set(None);
            reason.set(String::new());
            answer.set(String::new());
        }
        Err(e) => error.set(Some(command_error_text(i18n, &e))),
    };
    let state = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.request(id)?;
            let offer =
                r.ownership_offer.as_ref().map(|o| (o.clone(), member_name(ws, Some(o.to)).unwrap_or_default()));
            Some((r.is_open(), r.owner, offer))
        })
    };
    let members = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| ws.members.iter().filter(|m| m.active).map(|m| (m.id, m.name.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        {move || state().filter(|(open, _, _)| *open).map(|(_, owner, offer)| match offer {
            Some((offer, name)) => {
                let actor = app.actor.get();
                let mine = actor == Some(offer.to);
                let may_answer = offer.may_decline(actor, owner);
                let why = offer.reason;
                view! {
                    <div class="action" data-testid="ownership-offer">
                        <h3>{tr(i18n, |i| t_string!(i, responsibility.transfer_h))}</h3>
                        <p>{t_string!(i18n, responsibility.offer_waiting, name = name.clone(), reason = why).to_string()}</p>
                        {mine.then(|| view! {
                            <button type="button" class="primary" data-testid="accept-ownership" on:click=move |_| run(Command::AcceptOwnership { request: id })>
                                {tr(i18n, |i| t_string!(i, responsibility.accept))}
                            </button>
                        })}
                        {if may_answer {
                            view! {
                                <label>
                                    <span>{tr(i18n, |i| t_string!(i, responsibility.decline_reason))}</span>
                                    <input type="text" prop:value=move || answer.get() on:input=move |ev| answer.set(event_target_value(&ev)) data-testid="ownership-decline-reason"/>
                                </label>
                                <button type="button" data-testid="decline-ownership" on:click=move |_| run(Command::DeclineOwnership { request: id, reason: answer.get_untracked() })>
                                    {if mine { t_string!(i18n, responsibility.decline) } else { t_string!(i18n, responsibility.withdraw) }}
                                </button>
                            }.into_any()
                        } else {
                            view! { <p class="help" data-testid="not-offer-party">{t_string!(i18n, common.error_not_offer_party, name = name.clone()).to_string()}</p> }.into_any()
                        }}
                        <p class="error" role="alert">{move || error.get()}</p>
                    </div>
                }.into_any()
            }
            None => view! {
                <form class="action" data-testid="ownership-form" on:submit=move |ev| {
                    ev.prevent_default();
                    match Id::parse_str(&to.get_untracked()) {
                        Ok(m) => run(Command::OfferOwnership { request: id, to: m, reason: reason.get_untracked() }),
                        Err(_) => error.set(Some(t_string!(i18n, detail.pick_assignee).to_string())),
                    }
                }>
                    <h3>{tr(i18n, |i| t_string!(i, responsibility.transfer_h))}</h3>
                    <p class="help">{tr(i18n, |i| t_string!(i, responsibility.transfer_help))}</p>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, responsibility.transfer_to))}</span>
                        <select on:change=move |ev| to.set(event_target_value(&ev)) data-testid="ownership-to">
                            <option value="">{tr(i18n, |i| t_string!(i, detail.choose))}</option>
                            <For each=members key=|(id, _)| *id children=|(id, n)| view! { <option value=id.to_string()>{n}</option> }/>
                        </select>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, responsibility.transfer_reason))}</span>
                        <input type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) data-testid="ownership-reason"/>
                    </label>
                    <button type="submit" data-testid="offer-ownership">{tr(i18n, |i| t_string!(i, responsibility.offer))}</button>
                    <p class="error" role="alert">{move || error.get()}</p>
                </form>
            }.into_any(),
        })}
    }
}
