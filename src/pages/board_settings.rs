//! Board settings: the columns (names, WIP limits, which mean done, order),
//! WIP limits per department and per person, and the task templates a
//! request is split with.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::board_text::{category_label, column_name};
use crate::components::labels::{command_error_text, department_name, tr};
use crate::domain::board::{builtin_names, builtin_steps, LaneType, TaskTemplate, TemplateStep};
use crate::domain::sample::SampleLang;
use crate::domain::{ColumnPatch, Command, Id};
use crate::i18n::i18n::*;
use crate::pages::board_task::AddOneForm;
use crate::state::use_app;

/// Runs a command, showing its refusal in `error`; true when applied.
fn runner(error: RwSignal<Option<String>>) -> impl Fn(Command) -> bool + Copy + Send + Sync + 'static {
    let app = use_app();
    let i18n = use_i18n();
    move |cmd| match app.dispatch(cmd) {
        Ok(_) => {
            error.set(None);
            true
        }
        Err(e) => {
            error.set(Some(command_error_text(i18n, &e)));
            false
        }
    }
}

/// "" → no limit; a whole number otherwise; `Err` for anything else.
fn parse_limit(text: &str) -> Result<Option<u32>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<u32>().map(Some).map_err(|_| ())
}

#[component]
pub fn BoardSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="board-settings-h">
            <p><A href="/board">{tr(i18n, |i| t_string!(i, board.back_to_board))}</A></p>
            <h1 id="board-settings-h">{tr(i18n, |i| t_string!(i, board.settings_title))}</h1>
            <Columns/>
            <LaneLimits/>
            <Templates/>
        </section>
    }
}

#[component]
fn Columns() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let run = runner(error);
    let new_name = RwSignal::new(String::new());
    // Memos: rows are rebuilt when what they show changes, not on every change of the workspace.
    let columns = Memo::new(move |_| {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| {
                    let n = ws.board.columns.len();
                    ws.board
                        .columns
                        .iter()
                        .enumerate()
                        .map(|(i, c)| (i, n, c.clone(), column_name(i18n, c)))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <section class="card" aria-labelledby="columns-h">
            <h2 id="columns-h">{tr(i18n, |i| t_string!(i, board.columns))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, board.columns_help))}</p>
            <div class="table-wrap">
                <table class="plain-table" data-testid="column-list">
                    <thead><tr>
                        <th scope="col">{tr(i18n, |i| t_string!(i, board.field_column_name))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, board.field_wip))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, board.field_done))}</th>
                        <th scope="col"><span class="sr-only">{tr(i18n, |i| t_string!(i, board.actions))}</span></th>
                    </tr></thead>
                    <tbody>
                        {move || columns.get().into_iter().map(|(i, n, c, shown)| {
                            let key = c.key.clone();
                            let name = RwSignal::new(c.name.clone());
                            let limit = RwSignal::new(c.wip_limit.map(|l| l.to_string()).unwrap_or_default());
                            let done = RwSignal::new(c.done);
                            let placeholder = if c.is_builtin_name() { shown.clone() } else { String::new() };
                            let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key.clone());
                            let label = |text: String| format!("{text}: {shown}");
                            let name_label = label(t_string!(i18n, board.field_column_name).to_string());
                            let limit_label = label(t_string!(i18n, board.field_wip).to_string());
                            let done_label = label(t_string!(i18n, board.field_done).to_string());
                            let left = label(t_string!(i18n, board.move_left).to_string());
                            let right = label(t_string!(i18n, board.move_right).to_string());
                            let remove = label(t_string!(i18n, board.remove).to_string());
                            let save = label(t_string!(i18n, board.save).to_string());
                            view! {
                                <tr data-testid="column-row" data-column=key.clone()>
                                    <td><input type="text" aria-label=name_label placeholder=placeholder prop:value=move || name.get()
                                        on:input=move |ev| name.set(event_target_value(&ev)) data-testid="column-name"/></td>
                                    <td><input type="number" min="1" class="narrow" aria-label=limit_label prop:value=move || limit.get()
                                        on:input=move |ev| limit.set(event_target_value(&ev)) data-testid="column-wip"/></td>
                                    <td><input type="checkbox" aria-label=done_label prop:checked=move || done.get()
                                        on:change=move |ev| done.set(event_target_checked(&ev)) data-testid="column-done"/></td>
                                    <td class="row-actions">
                                        <button type="button" data-testid="column-save" aria-label=save on:click=move |_| {
                                            match parse_limit(&limit.get_untracked()) {
                                                Ok(l) => {
                                                    let patch = ColumnPatch { name: Some(name.get_untracked()), wip_limit: Some(l), done: Some(done.get_untracked()) };
                                                    run(Command::UpdateColumn { column: k1.clone(), patch });
                                                }
                                                Err(()) => error.set(Some(t_string!(i18n, board.error_wip).to_string())),
                                            }
                                        }>{tr(i18n, |i| t_string!(i, board.save))}</button>
                                        <button type="button" aria-label=left disabled={i == 0}
                                            on:click=move |_| { run(Command::MoveColumn { column: k2.clone(), to: i.saturating_sub(1) }); }>"←"</button>
                                        <button type="button" aria-label=right disabled={i + 1 >= n}
                                            on:click=move |_| { run(Command::MoveColumn { column: k3.clone(), to: i + 1 }); }>"→"</button>
                                        <button type="button" class="danger" aria-label=remove
                                            on:click=move |_| { run(Command::RemoveColumn { column: k4.clone() }); }>{tr(i18n, |i| t_string!(i, board.remove))}</button>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <AddOneForm text=new_name label=|i| t_string!(i, board.new_column) button=|i| t_string!(i, board.add_column)
                input_testid="new-column" button_testid="add-column"
                submit=Callback::new(move |name| run(Command::AddColumn { name }))/>
            <p class="error" role="alert" data-testid="columns-error">{move || error.get()}</p>
        </section>
    }
}

#[component]
fn LaneLimits() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let run = runner(error);
    let lanes = Memo::new(move |_| {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            let depts = ws.departments.iter().map(|d| (LaneType::Department, d.id, department_name(i18n, d)));
            let people = ws.members.iter().filter(|m| m.active).map(|m| (LaneType::Assignee, m.id, m.name.clone()));
            depts.chain(people).map(|(t, id, name)| (t, id, name, ws.board.lane_limit(t, id))).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="card" aria-labelledby="lane-limits-h">
            <h2 id="lane-limits-h">{tr(i18n, |i| t_string!(i, board.lane_limits))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, board.lane_limits_help))}</p>
            <ul class="plain edit-list" data-testid="lane-limits">
                {move || lanes.get().into_iter().map(|(lane_type, id, name, limit)| {
                    let value = RwSignal::new(limit.map(|l| l.to_string()).unwrap_or_default());
                    let kind = match lane_type {
                        LaneType::Department => t_string!(i18n, board.lanes_department),
                        LaneType::Assignee => t_string!(i18n, board.lanes_assignee),
                    };
                    let label = format!("{kind}: {name}");
                    view! {
                        <li>
                            <form class="inline-form" on:submit=move |ev| {
                                ev.prevent_default();
                                match parse_limit(&value.get_untracked()) {
                                    Ok(l) => { run(Command::SetLaneLimit { lane_type, lane: id, limit: l }); }
                                    Err(()) => error.set(Some(t_string!(i18n, board.error_wip).to_string())),
                                }
                            }>
                                <label>
                                    <span>{label}</span>
                                    <input type="number" min="1" class="narrow" prop:value=move || value.get()
                                        on:input=move |ev| value.set(event_target_value(&ev)) data-testid="lane-limit"/>
                                </label>
                                <button type="submit">{tr(i18n, |i| t_string!(i, board.save))}</button>
                            </form>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}

/// A template step as typed: sub-steps one per line, days as text. Each
/// field is its own signal, so typing does not rebuild the editor.
#[derive(Debug, Clone, Copy, PartialEq)]
struct StepDraft {
    dept: RwSignal<String>,
    title: RwSignal<String>,
    checklist: RwSignal<String>,
    days: RwSignal<String>,
}

impl StepDraft {
    fn of(s: Option<&TemplateStep>) -> Self {
        Self {
            dept: RwSignal::new(s.map(|s| s.department.to_string()).unwrap_or_default()),
            title: RwSignal::new(s.map(|s| s.title.clone()).unwrap_or_default()),
            checklist: RwSignal::new(s.map(|s| s.checklist.join("\n")).unwrap_or_default()),
            days: RwSignal::new(s.and_then(|s| s.due_in_days).map(|d| d.to_string()).unwrap_or_default()),
        }
    }
}

fn drafts_of(steps: &[TemplateStep]) -> Vec<StepDraft> {
    steps.iter().map(|s| StepDraft::of(Some(s))).collect()
}

#[component]
fn Templates() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let run = runner(error);
    let category = RwSignal::new(String::new());
    let steps = RwSignal::new(Vec::<StepDraft>::new());
    let editing = RwSignal::new(false);
    let templates = Memo::new(move |_| {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            ws.board
                .templates
                .iter()
                .map(|t| {
                    let summary = t
                        .steps
                        .iter()
                        .map(|s| {
                            let d = ws.department(s.department).map(|d| department_name(i18n, d)).unwrap_or_default();
                            format!("{d}: {}", s.title)
                        })
                        .collect::<Vec<_>>()
                        .join(" · ");
                    (t.clone(), summary)
                })
                .collect::<Vec<_>>()
        })
    });
    let departments = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| {
                    ws.departments.iter().map(|d| (d.id.to_string(), department_name(i18n, d))).collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let edit = move |t: Option<TaskTemplate>| {
        let (cat, list) = t.map(|t| (t.category, t.steps)).unwrap_or_default();
        category.set(cat);
        steps.set(drafts_of(&list));
        editing.set(true);
    };
    let fill_builtin = move |name: String| {
        let lang = match i18n.get_locale_untracked() {
            Locale::zh => SampleLang::Zh,
            Locale::en => SampleLang::En,
        };
        let list =
            app.workspace.with_untracked(|w| w.as_ref().map(|ws| builtin_steps(ws, &name, lang)).unwrap_or_default());
        steps.set(drafts_of(&list));
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut out = Vec::new();
        for d in steps.get_untracked() {
            let Ok(department) = Id::parse_str(&d.dept.get_untracked()) else {
                error.set(Some(t_string!(i18n, board.error_step_department).to_string()));
                return;
            };
            let days = match d.days.get_untracked().trim() {
                "" => None,
                t => match t.parse::<u32>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        error.set(Some(t_string!(i18n, board.error_due_days).to_string()));
                        return;
                    }
                },
            };
            let checklist = d.checklist.get_untracked().lines().map(str::to_string).collect();
            out.push(TemplateStep { department, title: d.title.get_untracked(), checklist, due_in_days: days });
        }
        if run(Command::SetTaskTemplate(TaskTemplate { category: category.get_untracked(), steps: out })) {
            editing.set(false);
        }
    };
    view! {
        <section class="card" aria-labelledby="templates-h">
            <h2 id="templates-h">{tr(i18n, |i| t_string!(i, board.templates))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, board.templates_help))}</p>
            <ul class="plain edit-list" data-testid="template-list">
                {move || templates.get().into_iter().map(|(t, summary)| {
                    let cat = t.category.clone();
                    let shown = category_label(i18n, &t.category);
                    let edit_label = format!("{}: {shown}", t_string!(i18n, board.edit));
                    let remove_label = format!("{}: {shown}", t_string!(i18n, board.remove));
                    view! {
                        <li>
                            <strong>{shown.clone()}</strong>" — "{summary}" "
                            <button type="button" aria-label=edit_label on:click=move |_| edit(Some(t.clone()))>{tr(i18n, |i| t_string!(i, board.edit))}</button>
                            <button type="button" class="danger" aria-label=remove_label
                                on:click=move |_| { run(Command::RemoveTaskTemplate { category: cat.clone() }); }>{tr(i18n, |i| t_string!(i, board.remove))}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || if editing.get() { view! {
                <form class="form template-editor" on:submit=save data-testid="template-editor">
                    <div class="row">
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, board.template_category))}</span>
                            <input type="text" prop:value=move || category.get() on:input=move |ev| category.set(event_target_value(&ev)) data-testid="template-category"/>
                        </label>
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, board.template_fill))}</span>
                            <select on:change=move |ev| { let v = event_target_value(&ev); if !v.is_empty() { fill_builtin(v) } } data-testid="template-builtin">
                                <option value="">{tr(i18n, |i| t_string!(i, board.choose))}</option>
                                {builtin_names().map(|n| view! { <option value=n>{crate::pages::board_request::builtin_name(i18n, n)}</option> }).collect_view()}
                            </select>
                        </label>
                    </div>
                    {move || steps.get().into_iter().map(|d| {
                        let dept_now = d.dept.get_untracked();
                        view! {
                            <fieldset class="template-step" data-testid="template-step">
                                <legend>{tr(i18n, |i| t_string!(i, board.template_step))}</legend>
                                <div class="row">
                                    <label>
                                        <span>{tr(i18n, |i| t_string!(i, board.field_department))}</span>
                                        <select on:change=move |ev| d.dept.set(event_target_value(&ev))>
                                            <option value="">{tr(i18n, |i| t_string!(i, board.choose))}</option>
                                            {departments().into_iter().map(|(id, n)| { let sel = id == dept_now; view! { <option value=id selected=sel>{n}</option> } }).collect_view()}
                                        </select>
                                    </label>
                                    <label>
                                        <span>{tr(i18n, |i| t_string!(i, board.field_title))}</span>
                                        <input type="text" prop:value=d.title.get_untracked() on:input=move |ev| d.title.set(event_target_value(&ev))/>
                                    </label>
                                    <label>
                                        <span>{tr(i18n, |i| t_string!(i, board.template_days))}</span>
                                        <input type="number" min="0" class="narrow" prop:value=d.days.get_untracked() on:input=move |ev| d.days.set(event_target_value(&ev))/>
                                    </label>
                                </div>
                                <label>
                                    <span>{tr(i18n, |i| t_string!(i, board.template_checklist))}</span>
                                    <textarea rows="2" prop:value=d.checklist.get_untracked() on:input=move |ev| d.checklist.set(event_target_value(&ev))></textarea>
                                </label>
                                <button type="button" class="danger" on:click=move |_| steps.update(|list| list.retain(|x| *x != d))>
                                    {tr(i18n, |i| t_string!(i, board.template_step_remove))}
                                </button>
                            </fieldset>
                        }
                    }).collect_view()}
                    <div class="actions">
                        <button type="button" on:click=move |_| steps.update(|list| list.push(StepDraft::of(None)))>{tr(i18n, |i| t_string!(i, board.template_step_add))}</button>
                        <button type="submit" class="primary" data-testid="template-save">{tr(i18n, |i| t_string!(i, board.save))}</button>
                        <button type="button" on:click=move |_| editing.set(false)>{tr(i18n, |i| t_string!(i, board.cancel))}</button>
                    </div>
                </form>
            }.into_any() } else { view! {
                <button type="button" class="primary" data-testid="template-new" on:click=move |_| edit(None)>
                    {tr(i18n, |i| t_string!(i, board.template_new))}
                </button>
            }.into_any() }}
            <p class="error" role="alert" data-testid="templates-error">{move || error.get()}</p>
        </section>
    }
}
