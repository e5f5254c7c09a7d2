//! The board on a request's page: its tasks with their progress, splitting
//! it into tasks by template, and the reason asked for when it is resolved
//! while tasks are still open.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::board_text::{category_label, column_name_of, due_text};
use crate::components::labels::{command_error_text, department_name, member_name, tr};
use crate::domain::board::{builtin_names, builtin_steps, open_tasks, request_progress, split_plan, tasks_of};
use crate::domain::board::{TemplateSource, TemplateStep};
use crate::domain::sample::SampleLang;
use crate::domain::{Command, Id};
use crate::i18n::i18n::*;
use crate::state::{use_app, AppState};

/// The language built-in templates are written in: the interface's.
fn template_lang(i18n: crate::components::labels::I18n) -> SampleLang {
    match i18n.get_locale_untracked() {
        Locale::zh => SampleLang::Zh,
        Locale::en => SampleLang::En,
    }
}

pub fn builtin_name(i18n: crate::components::labels::I18n, name: &str) -> String {
    match name {
        "complaint" => t_string!(i18n, board.builtin_complaint),
        "warranty" => t_string!(i18n, board.builtin_warranty),
        "order" => t_string!(i18n, board.builtin_order),
        "promotion" => t_string!(i18n, board.builtin_promotion),
        _ => t_string!(i18n, board.builtin_general),
    }
    .to_string()
}

/// The command that resolves a request: with open tasks, the one that
/// records why (refused without a reason); otherwise the ordinary one.
pub fn resolve_command(app: AppState, request: Id, summary: String, reason: String) -> Command {
    let open = app.workspace.with_untracked(|w| w.as_ref().map_or(0, |ws| open_tasks(ws, request)));
    if open > 0 {
        Command::ResolveWithOpenTasks { request, summary, reason }
    } else {
        Command::Resolve { request, summary }
    }
}

/// In the resolve form: while tasks are open, says how many and asks why.
#[component]
pub fn OpenTasksReason(id: Id, reason: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // A memo, so that the reason being typed is not redrawn by unrelated changes.
    let open = Memo::new(move |_| app.workspace.with(|w| w.as_ref().map_or(0, |ws| open_tasks(ws, id))));
    view! {
        {move || (open.get() > 0).then(|| view! {
            <p class="note" data-testid="open-tasks-note">{move || t_string!(i18n, board.open_tasks_note, count = open.get()).to_string()}</p>
            <label>
                <span>{tr(i18n, |i| t_string!(i, board.open_tasks_reason))}</span>
                <textarea rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) data-testid="resolve-open-reason"></textarea>
            </label>
        })}
    }
}

/// The request's tasks, their progress, and splitting it into tasks.
#[component]
pub fn RequestTasks(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = move || {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            tasks_of(ws, id)
                .into_iter()
                .map(|t| {
                    let (done, all) = t.checklist_progress();
                    (
                        t.id,
                        t.title.clone(),
                        column_name_of(i18n, ws, &t.column),
                        t.department
                            .and_then(|d| ws.department(d))
                            .map(|d| department_name(i18n, d))
                            .unwrap_or_default(),
                        member_name(ws, t.assignee).unwrap_or_default(),
                        t.due.map(due_text).unwrap_or_default(),
                        if all > 0 { format!("{done}/{all}") } else { String::new() },
                        !t.is_open(&ws.board),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let progress = move || app.workspace.with(|w| w.as_ref().map_or((0, 0), |ws| request_progress(ws, id)));
    // A memo, so that the split form is not redrawn (and reset) by other changes.
    let is_open = Memo::new(move |_| {
        app.workspace.with(|w| w.as_ref().and_then(|ws| ws.request(id)).is_some_and(|r| r.is_open()))
    });
    let splitting = RwSignal::new(false);
    view! {
        <section class="card request-tasks" aria-labelledby="tasks-h" data-testid="request-tasks">
            <h2 id="tasks-h">{tr(i18n, |i| t_string!(i, board.tasks_title))}</h2>
            {move || {
                let (done, all) = progress();
                (all > 0).then(|| view! {
                    <p data-testid="tasks-progress">
                        {t_string!(i18n, board.tasks_progress, done = done, count = all).to_string()}" "
                        <progress max=all value=done aria-hidden="true"></progress>
                    </p>
                })
            }}
            {move || if rows().is_empty() {
                view! { <p class="empty-note">{tr(i18n, |i| t_string!(i, board.tasks_none))}</p> }.into_any()
            } else { view! {
                <div class="table-wrap">
                    <table class="plain-table" data-testid="task-table">
                        <thead><tr>
                            <th scope="col">{tr(i18n, |i| t_string!(i, board.field_title))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, board.field_column))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, board.field_department))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, board.field_assignee))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, board.field_due))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, board.steps))}</th>
                        </tr></thead>
                        <tbody>
                            {move || rows().into_iter().map(|(task, title, column, dept, who, due, steps, done)| view! {
                                <tr data-testid="task-row">
                                    <td><A href=format!("/board?lanes=request&task={task}")>{title}</A></td>
                                    <td>{column}{done.then_some(" ✓")}</td>
                                    <td>{dept}</td>
                                    <td>{who}</td>
                                    <td>{due}</td>
                                    <td>{steps}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any() }}
            {move || is_open.get().then(|| if splitting.get() {
                view! { <SplitForm id=id open=splitting/> }.into_any()
            } else {
                view! {
                    <button type="button" data-testid="split-open" on:click=move |_| splitting.set(true)>
                        {tr(i18n, |i| t_string!(i, board.split))}
                    </button>
                }.into_any()
            })}
        </section>
    }
}

/// Chooses a template (by the request's category unless another is
/// picked), shows the tasks it makes, and makes the ones kept.
#[component]
fn SplitForm(id: Id, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let choice = RwSignal::new(String::from("auto"));
    let error = RwSignal::new(None::<String>);
    // The steps of the chosen template, each with whether it is kept.
    let plan = Memo::new(move |_| {
        let lang = template_lang(i18n);
        i18n.get_locale();
        let choice = choice.get();
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.request(id)?;
            let (source, steps) = if let Some(cat) = choice.strip_prefix("ws:") {
                let t = ws.board.templates.iter().find(|t| t.category == cat)?;
                (TemplateSource::Workspace(t.category.clone()), t.steps.clone())
            } else if let Some(name) = choice.strip_prefix("builtin:") {
                let name = builtin_names().find(|n| *n == name)?;
                (TemplateSource::Builtin(name), builtin_steps(ws, name, lang))
            } else {
                split_plan(ws, r, lang)
            };
            let shown: Vec<(TemplateStep, String)> = steps
                .into_iter()
                .map(|s| {
                    let dept = ws.department(s.department).map(|d| department_name(i18n, d)).unwrap_or_default();
                    (s, dept)
                })
                .collect();
            Some((source, shown))
        })
    });
    let kept = RwSignal::new(Vec::<bool>::new());
    Effect::new(move |_| {
        let n = plan.with(|p| p.as_ref().map_or(0, |(_, s)| s.len()));
        kept.set(vec![true; n]);
    });
    let source_text = move || {
        plan.with(|p| {
            p.as_ref().map(|(source, _)| match source {
                TemplateSource::Workspace(c) => {
                    t_string!(i18n, board.split_from_workspace, category = category_label(i18n, c)).to_string()
                }
                TemplateSource::Builtin(name) => {
                    t_string!(i18n, board.split_from_builtin, name = builtin_name(i18n, name)).to_string()
                }
            })
        })
    };
    let templates = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| ws.board.templates.iter().map(|t| t.category.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let count = move || kept.with(|k| k.iter().filter(|x| **x).count());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let steps: Vec<TemplateStep> = plan.with_untracked(|p| {
            let keep = kept.get_untracked();
            p.as_ref()
                .map(|(_, s)| {
                    s.iter()
                        .zip(keep.iter().chain(std::iter::repeat(&true)))
                        .filter(|(_, k)| **k)
                        .map(|((s, _), _)| s.clone())
                        .collect()
                })
                .unwrap_or_default()
        });
        match app.dispatch(Command::SplitRequest { request: id, steps }) {
            Ok(_) => {
                error.set(None);
                open.set(false);
            }
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    view! {
        <form class="split-form" on:submit=submit data-testid="split-form">
            <h3>{tr(i18n, |i| t_string!(i, board.split))}</h3>
            <label>
                <span>{tr(i18n, |i| t_string!(i, board.split_template))}</span>
                <select data-testid="split-template" on:change=move |ev| choice.set(event_target_value(&ev))>
                    <option value="auto">{tr(i18n, |i| t_string!(i, board.split_by_category))}</option>
                    {move || templates().into_iter().map(|c| {
                        let label = category_label(i18n, &c);
                        view! { <option value=format!("ws:{c}")>{label}</option> }
                    }).collect_view()}
                    {builtin_names().map(|n| view! { <option value=format!("builtin:{n}")>{builtin_name(i18n, n)}</option> }).collect_view()}
                </select>
            </label>
            <p class="help" data-testid="split-source">{source_text}</p>
            <ul class="plain split-steps">
                {move || plan.with(|p| p.as_ref().map(|(_, s)| s.clone()).unwrap_or_default()).into_iter().enumerate().map(|(i, (step, dept))| {
                    let detail = step.due_in_days.map(|d| t_string!(i18n, board.split_due_in, count = d).to_string()).unwrap_or_default();
                    view! {
                        <li>
                            <label class="check">
                                <input type="checkbox" data-testid="split-step" prop:checked=move || kept.with(|k| k.get(i).copied().unwrap_or(true))
                                    on:change=move |ev| { let on = event_target_checked(&ev); kept.update(|k| if let Some(x) = k.get_mut(i) { *x = on }) }/>
                                <span><strong>{dept}</strong>": "{step.title.clone()}" "<span class="muted">{detail}</span></span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="actions">
                <button type="submit" class="primary" data-testid="split-create">
                    {move || t_string!(i18n, board.split_create, count = count()).to_string()}
                </button>
                <button type="button" on:click=move |_| open.set(false)>{tr(i18n, |i| t_string!(i, board.cancel))}</button>
            </div>
            <p class="error" role="alert">{move || error.get()}</p>
        </form>
    }
}
