//! Responsibility (三不管 zones): the RACI matrix per category, categories
//! nobody is accountable for, orphaned requests, customers followed by
//! several teams, and likely duplicates to merge.
use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::explain::{fmt_business_time, raci_label, unit_name};
use crate::components::labels::{command_error_text, department_name, fmt_time, member_name, tr};
use crate::domain::responsibility::{duplicates, multi_team, orphans, OrphanReason, RaciRole, RaciRow};
use crate::domain::{Command, Id};
use crate::i18n::i18n::*;
use crate::state::use_app;

#[component]
pub fn ResponsibilityPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="resp-h">
            <h1 id="resp-h">{tr(i18n, |i| t_string!(i, responsibility.title))}</h1>
            <p class="help">{tr(i18n, |i| t_string!(i, responsibility.intro))}</p>
            <Matrix/>
            <Orphans/>
            <MultiTeam/>
            <Duplicates/>
        </section>
    }
}

/// One editable row: the role of each department in a category.
#[component]
fn MatrixRow(
    category: String,
    roles: BTreeMap<Id, RaciRole>,
    departments: Vec<(Id, String)>,
    stored: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let cells = RwSignal::new(roles);
    let error = RwSignal::new(None::<String>);
    let cat = category.clone();
    let save = move |_| {
        let row = RaciRow { category: cat.clone(), roles: cells.get_untracked() };
        match app.dispatch(Command::SetResponsibility(row)) {
            Ok(_) => error.set(None),
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    let cat_remove = category.clone();
    let remove = move |_| match app.dispatch(Command::RemoveResponsibility { category: cat_remove.clone() }) {
        Ok(_) => error.set(None),
        Err(e) => error.set(Some(command_error_text(i18n, &e))),
    };
    let save_label = t_string!(i18n, responsibility.save_row, category = category.clone()).to_string();
    let remove_label = t_string!(i18n, responsibility.remove_row, category = category.clone()).to_string();
    view! {
        <tr data-testid="raci-row">
            <th scope="row">
                {category.clone()}
                {(!stored).then(|| view! { " " <span class="badge warn">{tr(i18n, |i| t_string!(i, responsibility.uncovered))}</span> })}
            </th>
            {departments.into_iter().map(|(dept, dept_name)| {
                let label = format!("{category} · {dept_name}");
                view! {
                    <td>
                        <select aria-label=label on:change=move |ev| {
                            let v = event_target_value(&ev);
                            cells.update(|c| match RaciRole::ALL.into_iter().find(|r| r.key() == v) {
                                Some(r) => { c.insert(dept, r); }
                                None => { c.remove(&dept); }
                            });
                        }>
                            <option value="" selected=move || cells.with(|c| !c.contains_key(&dept))>"—"</option>
                            {RaciRole::ALL.into_iter().map(|r| view! {
                                <option value=r.key() selected=move || cells.with(|c| c.get(&dept) == Some(&r))>
                                    {format!("{} · {}", r.letter(), raci_label(i18n, r))}
                                </option>
                            }).collect_view()}
                        </select>
                    </td>
                }
            }).collect_view()}
            <td class="row-actions">
                <button type="button" aria-label=save_label on:click=save data-testid="raci-save">{tr(i18n, |i| t_string!(i, responsibility.save))}</button>
                {stored.then(|| view! {
                    <button type="button" class="danger" aria-label=remove_label on:click=remove>{tr(i18n, |i| t_string!(i, responsibility.remove))}</button>
                })}
                <span class="error" role="alert">{move || error.get()}</span>
            </td>
        </tr>
    }
}

#[component]
fn Matrix() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let extra = RwSignal::new(Vec::<String>::new());
    let new_category = RwSignal::new(String::new());
    let departments = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| ws.departments.iter().map(|d| (d.id, department_name(i18n, d))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    // Stored rows, then categories in use (or just added here) with no row.
    let rows = move || {
        let added = extra.get();
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            let mut out: Vec<(String, BTreeMap<Id, RaciRole>, bool)> =
                ws.responsibility.iter().map(|r| (r.category.clone(), r.roles.clone(), true)).collect();
            let mut seen: BTreeSet<String> = out.iter().map(|(c, _, _)| c.to_lowercase()).collect();
            let in_use = ws.requests.values().filter(|r| r.is_open()).map(|r| r.category.trim().to_string());
            for c in in_use.chain(added) {
                if !c.is_empty() && seen.insert(c.to_lowercase()) {
                    out.push((c, BTreeMap::new(), false));
                }
            }
            out
        })
    };
    view! {
        <section class="card" aria-labelledby="matrix-h">
            <h2 id="matrix-h">{tr(i18n, |i| t_string!(i, responsibility.matrix))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, responsibility.matrix_help))}</p>
            <div class="table-wrap">
                <table class="plain-table raci" data-testid="raci">
                    <thead><tr>
                        <th scope="col">{tr(i18n, |i| t_string!(i, responsibility.category))}</th>
                        <For each=departments key=|(id, n)| (*id, n.clone()) children=|(_, n)| view! { <th scope="col">{n}</th> }/>
                        <th scope="col"><span class="sr-only">{tr(i18n, |i| t_string!(i, routing.col_actions))}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=rows key=|(c, roles, stored)| (c.clone(), format!("{roles:?}"), *stored) children=move |(c, roles, stored)| {
                            view! { <MatrixRow category=c roles=roles departments=departments() stored=stored/> }
                        }/>
                    </tbody>
                </table>
            </div>
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                let c = new_category.get_untracked().trim().to_string();
                if !c.is_empty() {
                    extra.update(|e| e.push(c));
                    new_category.set(String::new());
                }
            }>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, responsibility.add_category))}</span>
                    <input type="text" prop:value=move || new_category.get() on:input=move |ev| new_category.set(event_target_value(&ev)) data-testid="raci-new-category"/>
                </label>
                <button type="submit" data-testid="raci-add">{tr(i18n, |i| t_string!(i, responsibility.add))}</button>
            </form>
        </section>
    }
}

#[component]
fn Orphans() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let list = move || {
        let now = app.now.get();
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            orphans(ws, now)
                .into_iter()
                .filter_map(|o| {
                    let r = ws.request(o.request)?;
                    let why = match o.reason {
                        OrphanReason::NoOwner => t_string!(i18n, responsibility.no_owner).to_string(),
                        OrphanReason::Idle { since, idle_secs } => t_string!(
                            i18n,
                            responsibility.idle,
                            time = fmt_business_time(i18n, idle_secs),
                            since = fmt_time(since)
                        )
                        .to_string(),
                    };
                    Some((r.number, r.title.clone(), member_name(ws, r.owner).unwrap_or_default(), why))
                })
                .collect::<Vec<_>>()
        })
    };
    let threshold = move || {
        app.workspace
            .with(|w| w.as_ref().map(|ws| fmt_business_time(i18n, ws.thresholds.orphan_after_secs)))
            .unwrap_or_default()
    };
    view! {
        <section class="card" aria-labelledby="orphans-h">
            <h2 id="orphans-h">{tr(i18n, |i| t_string!(i, responsibility.orphans))}</h2>
            <p class="help">{move || t_string!(i18n, responsibility.orphans_help, time = threshold()).to_string()}</p>
            <Show when=move || !list().is_empty() fallback=move || view! { <p class="empty-note">{tr(i18n, |i| t_string!(i, responsibility.no_orphans))}</p> }>
                <ul class="plain issue-list" data-testid="orphans">
                    <For each=list key=|o| o.clone() children=move |(number, title, owner, why)| view! {
                        <li>
                            <A href=format!("/requests/{number}")>{format!("#{number} {title}")}</A>
                            " — " {why}
                            {(!owner.is_empty()).then(|| view! { <span class="muted">{format!(" ({owner})")}</span> })}
                        </li>
                    }/>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn MultiTeam() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let list = move || {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            multi_team(ws)
                .0
                .into_iter()
                .map(|m| {
                    let teams: Vec<String> = m.teams.iter().map(|t| unit_name(i18n, ws, *t)).collect();
                    let requests: Vec<(u32, String)> = m
                        .requests
                        .iter()
                        .filter_map(|id| ws.request(*id))
                        .map(|r| (r.number, r.title.clone()))
                        .collect();
                    (m.customer, teams.join(", "), requests)
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card" aria-labelledby="multi-h">
            <h2 id="multi-h">{tr(i18n, |i| t_string!(i, responsibility.multi_team))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, responsibility.multi_team_help))}</p>
            <Show when=move || !list().is_empty() fallback=move || view! { <p class="empty-note">{tr(i18n, |i| t_string!(i, responsibility.no_multi_team))}</p> }>
                <ul class="plain issue-list" data-testid="multi-team">
                    <For each=list key=|m| m.clone() children=move |(customer, teams, requests)| view! {
                        <li>
                            <strong>{customer}</strong>" — "{teams}": "
                            {requests.into_iter().map(|(n, t)| view! { <A href=format!("/requests/{n}")>{format!("#{n} {t}")}</A>" " }).collect_view()}
                        </li>
                    }/>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn Duplicates() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let list = move || {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            duplicates(ws)
                .into_iter()
                .filter_map(|d| {
                    let (a, b) = (ws.request(d.older)?, ws.request(d.newer)?);
                    Some((
                        d.older,
                        d.newer,
                        a.number,
                        a.title.clone(),
                        b.number,
                        b.title.clone(),
                        a.customer.name.clone(),
                    ))
                })
                .collect::<Vec<_>>()
        })
    };
    let window = move || app.workspace.with(|w| w.as_ref().map(|ws| ws.thresholds.duplicate_window_days)).unwrap_or(7);
    view! {
        <section class="card" aria-labelledby="dup-h">
            <h2 id="dup-h">{tr(i18n, |i| t_string!(i, responsibility.duplicates))}</h2>
            <p class="help">{move || t_string!(i18n, responsibility.duplicates_help, days = window()).to_string()}</p>
            <p class="error" role="alert">{move || error.get()}</p>
            <Show when=move || !list().is_empty() fallback=move || view! { <p class="empty-note">{tr(i18n, |i| t_string!(i, responsibility.no_duplicates))}</p> }>
                <ul class="plain issue-list" data-testid="duplicates">
                    <For each=list key=|d| (d.0, d.1) children=move |(older, newer, na, ta, nb, tb, customer)| {
                        let label = t_string!(i18n, responsibility.merge_label, newer = nb, older = na).to_string();
                        let label_attr = label.clone();
                        view! {
                            <li>
                                <strong>{customer}</strong>": "
                                <A href=format!("/requests/{na}")>{format!("#{na} {ta}")}</A>" · "
                                <A href=format!("/requests/{nb}")>{format!("#{nb} {tb}")}</A>" "
                                <button type="button" aria-label=label_attr data-testid="merge" on:click=move |_| {
                                    let reason = t_string!(i18n, responsibility.merge_reason).to_string();
                                    match app.dispatch(Command::MergeRequests { keep: older, duplicate: newer, reason }) {
                                        Ok(_) => error.set(None),
                                        Err(e) => error.set(Some(command_error_text(i18n, &e))),
                                    }
                                }>{label}</button>
                            </li>
                        }
                    }/>
                </ul>
            </Show>
        </section>
    }
}
