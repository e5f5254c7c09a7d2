//! Settings: workspaces in this browser, departments, teams and members
//! (with their skills, capacity and duty, which routing reads).
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::components::labels::{command_error_text, department_name, tr, I18n};
use crate::domain::{Command, CommandError, Id, Member, MemberPatch};
use crate::i18n::i18n::*;
use crate::pages::routing::split_list;
use crate::pages::welcome::{open_sample, CreateWorkspaceForm};
use crate::state::use_app;

/// Links between the settings pages.
#[component]
pub fn SettingsNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="subnav" aria-label=move || t_string!(i18n, settings.subnav_label)>
            <A href="/settings">{tr(i18n, |i| t_string!(i, settings.sub_general))}</A>
            <A href="/settings/routing">{tr(i18n, |i| t_string!(i, settings.sub_routing))}</A>
            <A href="/settings/sla">{tr(i18n, |i| t_string!(i, settings.sub_sla))}</A>
        </nav>
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="settings-h">
            <SettingsNav/>
            <h1 id="settings-h">{tr(i18n, |i| t_string!(i, settings.title))}</h1>
            <Workspaces/>
            <Departments/>
            <Teams/>
            <Members/>
        </section>
    }
}

#[component]
fn Teams() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let run = move |cmd: Command| match app.dispatch(cmd) {
        Ok(_) => {
            error.set(None);
            true
        }
        Err(e) => {
            error.set(Some(command_error_text(i18n, &e)));
            false
        }
    };
    let teams = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| {
                    ws.teams
                        .iter()
                        .map(|t| {
                            let d = ws.department(t.department).map(|d| department_name(i18n, d)).unwrap_or_default();
                            let n = ws.members.iter().filter(|m| m.team == Some(t.id)).count();
                            (t.id, t.name.clone(), d, n)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card" aria-labelledby="teams-h">
            <h2 id="teams-h">{tr(i18n, |i| t_string!(i, settings.teams_title))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, settings.teams_help))}</p>
            <ul class="plain edit-list" data-testid="team-list">
                <For each=teams key=|t| t.clone() children=move |(id, tname, dname, members)| {
                    let value = RwSignal::new(tname.clone());
                    let rename_label = t_string!(i18n, settings.team_rename_label, name = tname.clone()).to_string();
                    view! {
                        <li>
                            <form class="inline-form" on:submit=move |ev| {
                                ev.prevent_default();
                                run(Command::RenameTeam { team: id, name: value.get_untracked() });
                            }>
                                <label>
                                    <span class="sr-only">{rename_label}</span>
                                    <input type="text" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                                </label>
                                <span class="muted">{format!("{dname} · {}", t_string!(i18n, settings.team_members, count = members))}</span>
                                <button type="submit">{tr(i18n, |i| t_string!(i, settings.rename))}</button>
                                <button type="button" class="danger" on:click=move |_| { run(Command::RemoveTeam { team: id }); }>
                                    {tr(i18n, |i| t_string!(i, settings.remove))}
                                </button>
                            </form>
                        </li>
                    }
                }/>
            </ul>
            <AddInDepartment label=|i| t_string!(i, settings.team_new) testid="team" error=error
                add=Callback::new(move |(name, department): (String, Id)| run(Command::AddTeam { name, department }))/>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}

#[component]
fn Workspaces() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let current = move || app.workspace.with(|w| w.as_ref().map(|w| w.id));
    let rename =
        RwSignal::new(app.workspace.with_untracked(|w| w.as_ref().map(|w| w.name.clone()).unwrap_or_default()));
    let error = RwSignal::new(None::<String>);
    let confirm_delete = RwSignal::new(None::<(Id, String, usize)>);
    view! {
        <section class="card" aria-labelledby="ws-h">
            <h2 id="ws-h">{tr(i18n, |i| t_string!(i, settings.ws_title))}</h2>
            <table class="plain-table" data-testid="workspace-list">
                <thead><tr>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.ws_name))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.ws_requests))}</th>
                    <th scope="col"><span class="sr-only">{tr(i18n, |i| t_string!(i, settings.ws_actions))}</span></th>
                </tr></thead>
                <tbody>
                    <For each=move || app.list.get() key=|w| (w.id, w.name.clone(), w.requests) children=move |w| {
                        let id = w.id;
                        let name = w.name.clone();
                        let count = w.requests;
                        let is_current = move || current() == Some(id);
                        let unreadable = w.unreadable.is_some();
                        let name_for_delete = name.clone();
                        view! {
                            <tr>
                                <td>
                                    {name.clone()}
                                    <Show when=is_current>" "<span class="badge">{tr(i18n, |i| t_string!(i, settings.ws_current))}</span></Show>
                                    {unreadable.then(|| view! { " " <span class="badge warn">{tr(i18n, |i| t_string!(i, settings.ws_unreadable))}</span> })}
                                </td>
                                <td>{count}</td>
                                <td class="row-actions">
                                    <Show when=move || !is_current()>
                                        <button type="button" on:click=move |_| spawn_local(async move { app.open(id).await })>
                                            {t_string!(i18n, settings.ws_open, name = name.clone()).to_string()}
                                        </button>
                                    </Show>
                                    <button type="button" class="danger" on:click={
                                        let n = name_for_delete.clone();
                                        move |_| confirm_delete.set(Some((id, n.clone(), count)))
                                    }>
                                        {t_string!(i18n, settings.ws_delete, name = name_for_delete.clone()).to_string()}
                                    </button>
                                </td>
                            </tr>
                        }
                    }/>
                </tbody>
            </table>
            {move || confirm_delete.get().map(|(id, name, count)| view! {
                <div class="confirm" role="alertdialog" aria-labelledby="del-h" data-testid="confirm-delete">
                    <p id="del-h">{t_string!(i18n, settings.ws_delete_confirm, name = name.clone(), count = count).to_string()}</p>
                    <button type="button" class="danger" data-testid="confirm-delete-yes" on:click=move |_| {
                        confirm_delete.set(None);
                        spawn_local(async move {
                            if let Err(e) = app.delete(id).await { error.set(Some(e.to_string())) }
                        });
                    }>{tr(i18n, |i| t_string!(i, settings.ws_delete_yes))}</button>
                    <button type="button" on:click=move |_| confirm_delete.set(None)>{tr(i18n, |i| t_string!(i, settings.cancel))}</button>
                </div>
            })}
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                match app.dispatch(Command::RenameWorkspace { name: rename.get_untracked() }) {
                    Ok(_) => { error.set(None); spawn_local(async move { app.refresh_list().await }); }
                    Err(e) => error.set(Some(command_error_text(i18n, &e))),
                }
            }>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, settings.ws_rename))}</span>
                    <input type="text" prop:value=move || rename.get() on:input=move |ev| rename.set(event_target_value(&ev)) data-testid="rename-workspace"/>
                </label>
                <button type="submit">{tr(i18n, |i| t_string!(i, settings.rename))}</button>
            </form>
            <p class="error" role="alert">{move || error.get()}</p>
            <CreateWorkspaceForm/>
            <button type="button" on:click=move |_| open_sample(app, i18n.get_locale_untracked() == Locale::zh) data-testid="open-sample">
                {tr(i18n, |i| t_string!(i, common.open_sample))}
            </button>
        </section>
    }
}

#[component]
fn Departments() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let new_name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let run = move |cmd: Command| match app.dispatch(cmd) {
        Ok(_) => error.set(None),
        Err(e) => error.set(Some(command_error_text(i18n, &e))),
    };
    let departments = move || app.workspace.with(|w| w.as_ref().map(|w| w.departments.clone()).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby="dept-h">
            <h2 id="dept-h">{tr(i18n, |i| t_string!(i, settings.dept_title))}</h2>
            <ul class="plain edit-list">
                <For each=departments key=|d| (d.id, d.name.clone()) children=move |d| {
                    let id = d.id;
                    let shown = department_name(i18n, &d);
                    let value = RwSignal::new(shown.clone());
                    view! {
                        <li>
                            <form class="inline-form" on:submit=move |ev| {
                                ev.prevent_default();
                                run(Command::RenameDepartment { department: id, name: value.get_untracked() });
                            }>
                                <label>
                                    <span class="sr-only">{t_string!(i18n, settings.dept_rename_label, name = shown.clone()).to_string()}</span>
                                    <input type="text" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                                </label>
                                <button type="submit">{tr(i18n, |i| t_string!(i, settings.rename))}</button>
                                <button type="button" class="danger" on:click=move |_| run(Command::RemoveDepartment { department: id })>
                                    {tr(i18n, |i| t_string!(i, settings.remove))}
                                </button>
                            </form>
                        </li>
                    }
                }/>
            </ul>
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                run(Command::AddDepartment { name: new_name.get_untracked() });
                new_name.set(String::new());
            }>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, settings.dept_new))}</span>
                    <input type="text" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev))/>
                </label>
                <button type="submit">{tr(i18n, |i| t_string!(i, settings.add))}</button>
            </form>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}

#[component]
fn Members() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    // A member being deactivated who still holds open requests: who takes them.
    let handing_over = RwSignal::new(None::<(Id, String, usize)>);
    let successor = RwSignal::new(String::new());
    let run = move |cmd: Command| match app.dispatch(cmd) {
        Ok(_) => {
            error.set(None);
            true
        }
        // Asks who takes over; `deactivate` has noted which member.
        Err(CommandError::MemberIsAccountable { name, count }) => {
            error.set(None);
            handing_over.update(|h| {
                if let Some((_, n, c)) = h.as_mut() {
                    *n = name;
                    *c = count;
                }
            });
            false
        }
        Err(e) => {
            error.set(Some(command_error_text(i18n, &e)));
            false
        }
    };
    let departments = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.departments.iter().map(|d| (d.id, department_name(i18n, d))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let members = move || app.workspace.with(|w| w.as_ref().map(|w| w.members.clone()).unwrap_or_default());
    let deactivate = move |member: Id, name: String| {
        handing_over.set(Some((member, name, 0)));
        let patch = MemberPatch { active: Some(false), ..Default::default() };
        if run(Command::UpdateMember { member, patch }) {
            handing_over.set(None);
        }
    };
    view! {
        <section class="card" aria-labelledby="members-h">
            <h2 id="members-h">{tr(i18n, |i| t_string!(i, settings.members_title))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, settings.members_help))}</p>
            <div class="table-wrap">
            <table class="plain-table" data-testid="member-list">
                <thead><tr>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.member_name))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.member_department))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.member_team))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.member_skills))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.member_capacity))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.member_on_duty))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.member_active))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, settings.member_rename))}</th>
                </tr></thead>
                <tbody>
                    <For each=members key=|m| format!("{m:?}") children=move |m: Member| {
                        let id = m.id;
                        let active = m.active;
                        let on_duty = m.on_duty;
                        let dept_now = m.department;
                        let team_now = m.team.map(|t| t.to_string()).unwrap_or_default();
                        let of = |key: String| format!("{key} · {}", m.name);
                        let label = of(t_string!(i18n, settings.member_department).to_string());
                        let team_label = of(t_string!(i18n, settings.member_team).to_string());
                        let skills_label = of(t_string!(i18n, settings.member_skills).to_string());
                        let capacity_label = of(t_string!(i18n, settings.member_capacity).to_string());
                        let duty_label = of(t_string!(i18n, settings.member_on_duty).to_string());
                        let active_label = t_string!(i18n, settings.member_active_of, name = m.name.clone()).to_string();
                        let skills = m.skills.join(", ");
                        let capacity = m.capacity.map(|c| c.to_string()).unwrap_or_default();
                        let name = m.name.clone();
                        let new_name = RwSignal::new(m.name.clone());
                        let rename_label = t_string!(i18n, settings.member_rename_of, name = m.name.clone()).to_string();
                        let teams = move || app.workspace.with(|w| w.as_ref().map(|ws| ws.teams.iter().filter(|t| t.department == dept_now).map(|t| (t.id, t.name.clone())).collect::<Vec<_>>()).unwrap_or_default());
                        let patch = move |p: MemberPatch| { run(Command::UpdateMember { member: id, patch: p }); };
                        view! {
                            <tr data-testid="member-row">
                                <td>{m.name.clone()}</td>
                                <td>
                                    <select aria-label=label on:change=move |ev| {
                                        if let Ok(d) = Id::parse_str(&event_target_value(&ev)) {
                                            patch(MemberPatch { department: Some(d), ..Default::default() });
                                        }
                                    }>
                                        <For each=departments key=|(id, n)| (*id, n.clone()) children=move |(did, dname)| {
                                            let sel = did == dept_now;
                                            view! { <option value=did.to_string() selected=sel>{dname}</option> }
                                        }/>
                                    </select>
                                </td>
                                <td>
                                    <select aria-label=team_label data-testid="member-team" on:change=move |ev| {
                                        let team = Id::parse_str(&event_target_value(&ev)).ok();
                                        patch(MemberPatch { team: Some(team), ..Default::default() });
                                    }>
                                        <option value="" selected=team_now.is_empty()>{tr(i18n, |i| t_string!(i, settings.no_team))}</option>
                                        <For each=teams key=|(id, n)| (*id, n.clone()) children={
                                            let team_now = team_now.clone();
                                            move |(tid, tname)| {
                                                let v = tid.to_string();
                                                let sel = v == team_now;
                                                view! { <option value=v selected=sel>{tname}</option> }
                                            }
                                        }/>
                                    </select>
                                </td>
                                <td>
                                    <input type="text" aria-label=skills_label value=skills data-testid="member-skills" on:change=move |ev| {
                                        patch(MemberPatch { skills: Some(split_list(&event_target_value(&ev))), ..Default::default() });
                                    }/>
                                </td>
                                <td>
                                    <input type="number" min="1" class="narrow" aria-label=capacity_label value=capacity data-testid="member-capacity"
                                        placeholder=move || t_string!(i18n, settings.no_limit) on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        let capacity = if v.trim().is_empty() { Some(None) } else { v.trim().parse::<u32>().ok().map(Some) };
                                        match capacity {
                                            Some(c) => patch(MemberPatch { capacity: Some(c), ..Default::default() }),
                                            None => error.set(Some(t_string!(i18n, settings.error_capacity).to_string())),
                                        }
                                    }/>
                                </td>
                                <td>
                                    <input type="checkbox" aria-label=duty_label checked=on_duty data-testid="member-on-duty" on:change=move |ev| {
                                        // Shown as stored until the change is accepted (the row is redrawn then).
                                        event_target::<web_sys::HtmlInputElement>(&ev).set_checked(on_duty);
                                        patch(MemberPatch { on_duty: Some(!on_duty), ..Default::default() });
                                    }/>
                                </td>
                                <td>
                                    <input type="checkbox" aria-label=active_label checked=active data-testid="member-active" on:change={
                                        let name = name.clone();
                                        move |ev| {
                                            // Shown as stored until the change is accepted (the row is redrawn then).
                                            event_target::<web_sys::HtmlInputElement>(&ev).set_checked(active);
                                            if active {
                                                deactivate(id, name.clone());
                                            } else {
                                                patch(MemberPatch { active: Some(true), ..Default::default() });
                                            }
                                        }
                                    }/>
                                </td>
                                <td>
                                    <form class="inline-form" on:submit=move |ev| {
                                        ev.prevent_default();
                                        patch(MemberPatch { name: Some(new_name.get_untracked()), ..Default::default() });
                                    }>
                                        <input type="text" aria-label=rename_label prop:value=move || new_name.get()
                                            on:input=move |ev| new_name.set(event_target_value(&ev)) data-testid="member-rename"/>
                                        <button type="submit">{tr(i18n, |i| t_string!(i, settings.rename))}</button>
                                    </form>
                                </td>
                            </tr>
                        }
                    }/>
                </tbody>
            </table>
            </div>
            {move || handing_over.get().filter(|(_, _, count)| *count > 0).map(|(member, mname, count)| {
                let others = move || app.workspace.with(|w| w.as_ref().map(|ws| ws.members.iter().filter(|m| m.active && m.id != member).map(|m| (m.id, m.name.clone())).collect::<Vec<_>>()).unwrap_or_default());
                view! {
                    <div class="confirm" role="alertdialog" aria-labelledby="handover-h" data-testid="handover">
                        <p id="handover-h">{t_string!(i18n, settings.handover_question, name = mname.clone(), count = count).to_string()}</p>
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, settings.handover_to))}</span>
                            <select on:change=move |ev| successor.set(event_target_value(&ev)) data-testid="handover-to">
                                <option value="">{tr(i18n, |i| t_string!(i, detail.choose))}</option>
                                <For each=others key=|(id, _)| *id children=|(id, n)| view! { <option value=id.to_string()>{n}</option> }/>
                            </select>
                        </label>
                        <button type="button" class="danger" data-testid="handover-confirm" on:click=move |_| {
                            let Ok(to) = Id::parse_str(&successor.get_untracked()) else {
                                return error.set(Some(t_string!(i18n, settings.handover_pick).to_string()));
                            };
                            let patch = MemberPatch { active: Some(false), successor: Some(to), ..Default::default() };
                            if run(Command::UpdateMember { member, patch }) {
                                handing_over.set(None);
                            }
                        }>{tr(i18n, |i| t_string!(i, settings.handover_confirm))}</button>
                        <button type="button" on:click=move |_| handing_over.set(None)>{tr(i18n, |i| t_string!(i, settings.cancel))}</button>
                    </div>
                }
            })}
            <AddInDepartment label=|i| t_string!(i, settings.member_new) testid="member" error=error
                add=Callback::new(move |(name, department): (String, Id)| run(Command::AddMember { name, department }))/>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}

/// A name and a department with an "Add" button: a new team or a new
/// member. `add` says whether it was added (the name is then cleared); with
/// no department chosen the first is taken. Test ids: `<testid>-name`,
/// `<testid>-department`, `add-<testid>`.
#[component]
fn AddInDepartment(
    label: fn(I18n) -> &'static str,
    testid: &'static str,
    error: RwSignal<Option<String>>,
    add: Callback<(String, Id), bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = RwSignal::new(String::new());
    let dept = RwSignal::new(String::new());
    let departments = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.departments.iter().map(|d| (d.id, department_name(i18n, d))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <form class="inline-form" on:submit=move |ev| {
            ev.prevent_default();
            let department = Id::parse_str(&dept.get_untracked()).ok().or_else(|| departments().first().map(|(id, _)| *id));
            match department {
                Some(department) => {
                    if add.run((name.get_untracked(), department)) {
                        name.set(String::new());
                    }
                }
                None => error.set(Some(t_string!(i18n, settings.need_department).to_string())),
            }
        }>
            <label>
                <span>{tr(i18n, label)}</span>
                <input type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                    data-testid=format!("{testid}-name")/>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, settings.member_department))}</span>
                <select on:change=move |ev| dept.set(event_target_value(&ev)) data-testid=format!("{testid}-department")>
                    <For each=departments key=|(id, n)| (*id, n.clone()) children=move |(id, n)| {
                        view! { <option value=id.to_string()>{n}</option> }
                    }/>
                </select>
            </label>
            <button type="submit" data-testid=format!("add-{testid}")>{tr(i18n, |i| t_string!(i, settings.add))}</button>
        </form>
    }
}
