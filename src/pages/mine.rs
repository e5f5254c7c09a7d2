//! My accountable requests (首问负责制): everything the acting member is
//! first-contact owner of, with its state and SLA light, and transfers of
//! ownership waiting for their answer.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::explain::LightBadge;
use crate::components::labels::{command_error_text, member_name, status_label, tr};
use crate::domain::sla::current_light;
use crate::domain::{Command, Id};
use crate::i18n::i18n::*;
use crate::state::use_app;

#[component]
pub fn MinePage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <section class="page" aria-labelledby="mine-h">
            <h1 id="mine-h">{tr(i18n, |i| t_string!(i, responsibility.mine_title))}</h1>
            {move || match app.actor.get() {
                None => view! { <p class="empty-note" data-testid="mine-no-actor">{tr(i18n, |i| t_string!(i, responsibility.mine_no_actor))}</p> }.into_any(),
                Some(me) => view! { <Offers me=me/><Accountable me=me/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Offers(me: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let offers = move || {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            ws.requests
                .values()
                .filter_map(|r| {
                    let o = r.ownership_offer.as_ref().filter(|o| o.to == me)?;
                    Some((
                        r.id,
                        r.number,
                        r.title.clone(),
                        member_name(ws, r.owner).unwrap_or_default(),
                        o.reason.clone(),
                    ))
                })
                .collect::<Vec<_>>()
        })
    };
    let run = move |cmd: Command| match app.dispatch(cmd) {
        Ok(_) => {
            error.set(None);
            reason.set(String::new());
        }
        Err(e) => error.set(Some(command_error_text(i18n, &e))),
    };
    view! {
        <section class="card" aria-labelledby="offers-h">
            <h2 id="offers-h">{tr(i18n, |i| t_string!(i, responsibility.offers_for_me))}</h2>
            <p class="error" role="alert">{move || error.get()}</p>
            <Show when=move || !offers().is_empty() fallback=move || view! { <p class="empty-note">{tr(i18n, |i| t_string!(i, responsibility.no_offers))}</p> }>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, responsibility.decline_reason))}</span>
                    <input type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) data-testid="decline-reason"/>
                </label>
                <ul class="plain issue-list" data-testid="offers">
                    <For each=offers key=|o| o.clone() children=move |(id, number, title, owner, why)| view! {
                        <li>
                            <A href=format!("/requests/{number}")>{format!("#{number} {title}")}</A>
                            " — " {t_string!(i18n, responsibility.offer_from, owner = owner, reason = why).to_string()}
                            <span class="row-actions">
                                <button type="button" class="primary" data-testid="accept-offer" on:click=move |_| run(Command::AcceptOwnership { request: id })>
                                    {tr(i18n, |i| t_string!(i, responsibility.accept))}
                                </button>
                                <button type="button" data-testid="decline-offer" on:click=move |_| run(Command::DeclineOwnership { request: id, reason: reason.get_untracked() })>
                                    {tr(i18n, |i| t_string!(i, responsibility.decline))}
                                </button>
                            </span>
                        </li>
                    }/>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn Accountable(me: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = move || {
        let now = app.now.get();
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            let mut rows: Vec<_> = ws
                .requests
                .values()
                .filter(|r| r.owner == Some(me) && r.merged_into.is_none())
                .map(|r| {
                    (
                        r.number,
                        r.title.clone(),
                        r.status,
                        member_name(ws, r.handler).unwrap_or_default(),
                        current_light(r, now).map(|(_, l)| l),
                    )
                })
                .collect();
            // Open first (most urgent light first), then the rest, newest first.
            rows.sort_by_key(|(n, _, s, _, l)| {
                (!s.is_open(), std::cmp::Reverse(l.map(light_rank)), std::cmp::Reverse(*n))
            });
            rows
        })
    };
    view! {
        <section class="card" aria-labelledby="acc-h">
            <h2 id="acc-h">{tr(i18n, |i| t_string!(i, responsibility.accountable))}</h2>
            <Show when=move || !rows().is_empty() fallback=move || view! { <p class="empty-note">{tr(i18n, |i| t_string!(i, responsibility.none_accountable))}</p> }>
                <div class="table-wrap">
                    <table class="plain-table" data-testid="accountable">
                        <thead><tr>
                            <th scope="col">"#"</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_title))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_status))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_sla))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_handler))}</th>
                        </tr></thead>
                        <tbody>
                            <For each=rows key=|r| (r.0, r.2, r.3.clone(), r.4) children=move |(number, title, status, handler, light)| view! {
                                <tr>
                                    <td>{number}</td>
                                    <td><A href=format!("/requests/{number}")>{title}</A></td>
                                    <td><span class=format!("status status-{}", status.key())>{status_label(i18n, status)}</span></td>
                                    <td>{light.map(|l| view! { <LightBadge light=l/> })}</td>
                                    <td>{handler}</td>
                                </tr>
                            }/>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// Red first, then yellow, paused, green; finished ones last.
pub fn light_rank(l: crate::domain::sla::Light) -> u8 {
    use crate::domain::sla::Light::*;
    match l {
        Red => 5,
        Yellow => 4,
        Paused => 3,
        Green => 2,
        Late => 1,
        Met => 0,
    }
}
