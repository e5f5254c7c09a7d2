//! The request list: search, filters, sorting and pages of 50, fast at
//! 10,000 requests because only the visible page is rendered.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::explain::{light_label, LightBadge};
use crate::components::labels::tr;
use crate::components::labels::{channel_label, status_label, urgency_label, CHANNELS, STATUSES, URGENCIES};
use crate::domain::sla::{current_light, Light};
use crate::domain::{Channel, Id, Request, Status, Urgency};
use crate::i18n::i18n::*;
use crate::state::use_app;

const PAGE: usize = 50;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sort {
    Newest,
    Oldest,
    Urgency,
    Updated,
    Number,
}

impl Sort {
    fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Urgency => "urgency",
            Sort::Updated => "updated",
            Sort::Number => "number",
        }
    }
    fn from_key(k: &str) -> Sort {
        match k {
            "oldest" => Sort::Oldest,
            "urgency" => Sort::Urgency,
            "updated" => Sort::Updated,
            "number" => Sort::Number,
            _ => Sort::Newest,
        }
    }
}

#[derive(Clone, PartialEq)]
struct Row {
    id: Id,
    number: u32,
    title: String,
    customer: String,
    channel: Channel,
    urgency: Urgency,
    status: Status,
    owner: String,
    handler: String,
    flagged: bool,
    light: Option<Light>,
}

fn matches(r: &Request, needle: &str) -> bool {
    needle.is_empty()
        || r.title.to_lowercase().contains(needle)
        || r.customer.name.to_lowercase().contains(needle)
        || r.customer.contact.to_lowercase().contains(needle)
        || r.category.to_lowercase().contains(needle)
        || r.description.to_lowercase().contains(needle)
        || r.tags.iter().any(|t| t.to_lowercase().contains(needle))
        || needle.trim_start_matches('#') == r.number.to_string()
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let search = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let urgency = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let light = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort::Newest);
    let page = RwSignal::new(0usize);

    // Any change of filter goes back to the first page.
    Effect::new(move |_| {
        search.track();
        status.track();
        urgency.track();
        channel.track();
        owner.track();
        light.track();
        sort.track();
        page.set(0);
    });

    // Ids of the matching requests, in order.
    let matching = Memo::new(move |_| {
        let needle = search.get().trim().to_lowercase();
        let status_f = Status::from_key(&status.get());
        let urgency_f = Urgency::from_key(&urgency.get());
        let channel_f = Channel::from_key(&channel.get());
        let owner_f = owner.get();
        let owner_id = Id::parse_str(&owner_f).ok();
        let light_f = light.get();
        // Only a light filter follows the clock.
        let now = if light_f.is_empty() { app.now.get_untracked() } else { app.now.get() };
        let sort = sort.get();
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            let mut found: Vec<&Request> = ws
                .requests
                .values()
                .filter(|r| status_f.is_none_or(|s| r.status == s))
                .filter(|r| urgency_f.is_none_or(|u| r.urgency == u))
                .filter(|r| channel_f.is_none_or(|c| r.channel == c))
                .filter(|r| match owner_f.as_str() {
                    "" => true,
                    "none" => r.owner.is_none(),
                    _ => r.owner == owner_id,
                })
                .filter(|r| match light_f.as_str() {
                    "" => true,
                    "risk" => matches!(current_light(r, now), Some((_, Light::Yellow | Light::Red))),
                    key => current_light(r, now).is_some_and(|(_, l)| l.key() == key),
                })
                .filter(|r| matches(r, &needle))
                .collect();
            match sort {
                Sort::Newest => found.sort_by_key(|r| std::cmp::Reverse(r.number)),
                Sort::Oldest | Sort::Number => found.sort_by_key(|r| r.number),
                Sort::Urgency => found.sort_by(|a, b| b.urgency.cmp(&a.urgency).then(b.number.cmp(&a.number))),
                Sort::Updated => found.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.number.cmp(&a.number))),
            }
            found.into_iter().map(|r| r.id).collect::<Vec<_>>()
        })
    });
    let total = move || matching.with(|m| m.len());
    let pages = move || total().div_ceil(PAGE).max(1);
    let rows = Memo::new(move |_| {
        let start = page.get() * PAGE;
        let now = app.now.get();
        matching.with(|ids| {
            app.workspace.with(|w| {
                let Some(ws) = w else { return Vec::new() };
                ids.iter()
                    .skip(start)
                    .take(PAGE)
                    .filter_map(|id| ws.requests.get(id))
                    .map(|r| Row {
                        id: r.id,
                        number: r.number,
                        title: r.title.clone(),
                        customer: r.customer.name.clone(),
                        channel: r.channel,
                        urgency: r.urgency,
                        status: r.status,
                        owner: crate::components::labels::member_name(ws, r.owner).unwrap_or_default(),
                        handler: crate::components::labels::member_name(ws, r.handler).unwrap_or_default(),
                        flagged: r.durations_excluded(),
                        light: current_light(r, now).map(|(_, l)| l),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let members = move || {
        app.workspace.with(|w| {
            w.as_ref().map(|w| w.members.iter().map(|m| (m.id, m.name.clone())).collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let empty_ws = move || app.workspace.with(|w| w.as_ref().is_none_or(|w| w.requests.is_empty()));
    let range_text = move || {
        let t = total();
        if t == 0 {
            return t_string!(i18n, requests.none_match).to_string();
        }
        let from = page.get() * PAGE + 1;
        let to = (from + PAGE - 1).min(t);
        t_string!(i18n, requests.showing, from = from, to = to, total = t).to_string()
    };

    view! {
        <section class="page" aria-labelledby="requests-h">
            <div class="page-head">
                <h1 id="requests-h">{tr(i18n, |i| t_string!(i, requests.title))}</h1>
                <A href="/requests/new" attr:class="button primary">{tr(i18n, |i| t_string!(i, requests.new_request))}</A>
            </div>
            <Show when=empty_ws fallback=move || view! {
                <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, requests.search))}</span>
                        <input type="search" prop:value=move || search.get()
                            on:input=move |ev| search.set(event_target_value(&ev)) data-testid="search"/>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, requests.filter_status))}</span>
                        <select on:change=move |ev| status.set(event_target_value(&ev)) data-testid="filter-status">
                            <option value="">{tr(i18n, |i| t_string!(i, requests.all))}</option>
                            {STATUSES.iter().map(|s| view! { <option value=s.key()>{status_label(i18n, *s)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, requests.filter_urgency))}</span>
                        <select on:change=move |ev| urgency.set(event_target_value(&ev)) data-testid="filter-urgency">
                            <option value="">{tr(i18n, |i| t_string!(i, requests.all))}</option>
                            {URGENCIES.iter().map(|u| view! { <option value=u.key()>{urgency_label(i18n, *u)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, requests.filter_channel))}</span>
                        <select on:change=move |ev| channel.set(event_target_value(&ev)) data-testid="filter-channel">
                            <option value="">{tr(i18n, |i| t_string!(i, requests.all))}</option>
                            {CHANNELS.iter().map(|c| view! { <option value=c.key()>{channel_label(i18n, *c)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, requests.filter_owner))}</span>
                        <select on:change=move |ev| owner.set(event_target_value(&ev)) data-testid="filter-owner">
                            <option value="">{tr(i18n, |i| t_string!(i, requests.all))}</option>
                            <option value="none">{tr(i18n, |i| t_string!(i, requests.no_owner))}</option>
                            <For each=members key=|(id, _)| *id children=move |(id, name)| {
                                view! { <option value=id.to_string()>{name}</option> }
                            }/>
                        </select>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, requests.filter_sla))}</span>
                        <select on:change=move |ev| light.set(event_target_value(&ev)) data-testid="filter-sla">
                            <option value="">{tr(i18n, |i| t_string!(i, requests.all))}</option>
                            <option value="risk">{tr(i18n, |i| t_string!(i, requests.sla_at_risk))}</option>
                            {[Light::Red, Light::Yellow, Light::Green, Light::Paused].into_iter().map(|l| view! {
                                <option value=l.key()>{light_label(i18n, l)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, requests.sort))}</span>
                        <select on:change=move |ev| sort.set(Sort::from_key(&event_target_value(&ev))) data-testid="sort">
                            {[Sort::Newest, Sort::Oldest, Sort::Urgency, Sort::Updated].into_iter().map(|s| {
                                let label = move || match s {
                                    Sort::Newest | Sort::Number => t_string!(i18n, requests.sort_newest),
                                    Sort::Oldest => t_string!(i18n, requests.sort_oldest),
                                    Sort::Urgency => t_string!(i18n, requests.sort_urgency),
                                    Sort::Updated => t_string!(i18n, requests.sort_updated),
                                };
                                view! { <option value=s.key()>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </form>
                <p class="count" role="status" data-testid="result-count">{range_text}</p>
                <div class="table-wrap">
                    <table class="requests" data-testid="request-table">
                        <thead>
                            <tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_title))}</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_customer))}</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_channel))}</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_urgency))}</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_status))}</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_sla))}</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_owner))}</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, requests.col_handler))}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| (r.id, r.status, r.urgency, r.title.clone(), r.owner.clone(), r.handler.clone(), r.light) children=move |r| {
                                let href = format!("/requests/{}", r.number);
                                view! {
                                    <tr>
                                        <td>{r.number}</td>
                                        <td>
                                            <A href=href>{r.title.clone()}</A>
                                            {r.flagged.then(|| view! { <span class="flag">{tr(i18n, |i| t_string!(i, requests.flagged))}</span> })}
                                        </td>
                                        <td>{r.customer.clone()}</td>
                                        <td>{channel_label(i18n, r.channel)}</td>
                                        <td><span class=format!("urgency urgency-{}", r.urgency.key())>{urgency_label(i18n, r.urgency)}</span></td>
                                        <td><span class=format!("status status-{}", r.status.key())>{status_label(i18n, r.status)}</span></td>
                                        <td data-testid="row-light">{r.light.map(|l| view! { <LightBadge light=l/> })}</td>
                                        <td>{r.owner.clone()}</td>
                                        <td>{r.handler.clone()}</td>
                                    </tr>
                                }
                            }/>
                        </tbody>
                    </table>
                </div>
                <nav class="pager" aria-label=move || t_string!(i18n, requests.pages_label)>
                    <button type="button" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                        {tr(i18n, |i| t_string!(i, requests.previous))}
                    </button>
                    <span>{move || t_string!(i18n, requests.page_of, page = page.get() + 1, pages = pages()).to_string()}</span>
                    <button type="button" disabled=move || { page.get() + 1 >= pages() } on:click=move |_| page.update(|p| *p += 1)
                        data-testid="next-page">
                        {tr(i18n, |i| t_string!(i, requests.next))}
                    </button>
                </nav>
            }>
                <div class="empty">
                    <h2>{tr(i18n, |i| t_string!(i, requests.empty_title))}</h2>
                    <p>{tr(i18n, |i| t_string!(i, requests.empty_body))}</p>
                    <p class="actions">
                        <A href="/requests/new" attr:class="button primary">{tr(i18n, |i| t_string!(i, requests.new_request))}</A>
                        <A href="/data" attr:class="button">{tr(i18n, |i| t_string!(i, requests.empty_import))}</A>
                    </p>
                </div>
            </Show>
        </section>
    }
}
