//! One task's details, beside the board: its fields, column, sub-steps,
//! effort, comments and trail. Every change is a command, like any other.
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use crate::components::board_text::{board_change_text, column_name, fmt_hours};
use crate::components::labels::{command_error_text, department_name, fmt_time, member_name, tr, I18n};
use crate::domain::board::{fmt_date, parse_date, Anchor};
use crate::domain::{Command, Id, TaskPatch};
use crate::i18n::i18n::*;
use crate::pages::board::{focus_card, go, Filters};
use crate::pages::routing::split_list;
use crate::state::use_app;

#[component]
pub fn TaskPanel(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let query = use_query_map();
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
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
    let task = Memo::new(move |_| app.workspace.with(|w| w.as_ref().and_then(|ws| ws.tasks.get(&id).cloned())));
    // Whether it is still there: the panel's forms are drawn again only when that changes.
    let exists = Memo::new(move |_| task.with(Option::is_some));
    let close = move || {
        let mut f = query.with_untracked(Filters::from_query);
        f.task = None;
        go(&f, true);
        focus_card(id);
    };
    // The keyboard goes to the details when they open (and back to the card when they close).
    request_animation_frame(|| {
        if let Some(h) = document().get_element_by_id("task-h").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = h.focus();
        }
    });
    // The fields as typed, filled from the task when it opens.
    let start = task.get_untracked();
    let title = RwSignal::new(start.as_ref().map(|t| t.title.clone()).unwrap_or_default());
    let dept = RwSignal::new(start.as_ref().and_then(|t| t.department).map(|d| d.to_string()).unwrap_or_default());
    let who = RwSignal::new(start.as_ref().and_then(|t| t.assignee).map(|d| d.to_string()).unwrap_or_default());
    let due = RwSignal::new(start.as_ref().and_then(|t| t.due).map(fmt_date).unwrap_or_default());
    let labels = RwSignal::new(start.as_ref().map(|t| t.labels.join(", ")).unwrap_or_default());
    let column = RwSignal::new(start.as_ref().map(|t| t.column.clone()).unwrap_or_default());
    let step = RwSignal::new(String::new());
    let hours = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let confirm_remove = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let due_text = due.get_untracked();
        let due_date = if due_text.trim().is_empty() {
            None
        } else {
            match parse_date(&due_text) {
                Some(d) => Some(d),
                None => {
                    error.set(Some(t_string!(i18n, board.error_date).to_string()));
                    return;
                }
            }
        };
        let patch = TaskPatch {
            title: Some(title.get_untracked()),
            department: Some(Id::parse_str(&dept.get_untracked()).ok()),
            assignee: Some(Id::parse_str(&who.get_untracked()).ok()),
            due: Some(due_date),
            labels: Some(split_list(&labels.get_untracked())),
        };
        saved.set(run(Command::UpdateTask { task: id, patch }));
    };
    let departments = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| {
                    ws.departments.iter().map(|d| (d.id.to_string(), department_name(i18n, d))).collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let people = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| {
                    ws.members
                        .iter()
                        .filter(|m| m.active || task.with(|t| t.as_ref().and_then(|t| t.assignee)) == Some(m.id))
                        .map(|m| (m.id.to_string(), m.name.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let columns = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| ws.board.columns.iter().map(|c| (c.key.clone(), column_name(i18n, c))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let request = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.request(task.with(|t| t.as_ref().and_then(|t| t.request))?)?;
            Some((r.number, r.title.clone()))
        })
    };
    let trail = move || {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            let mut lines: Vec<(Id, String, String, String)> = ws
                .events
                .iter()
                .filter(|e| {
                    e.change.touched_tasks().contains(&id)
                        && !matches!(e.change, crate::domain::Change::TasksRenumbered { .. })
                })
                .map(|e| {
                    let who = member_name(ws, e.actor).unwrap_or_else(|| t_string!(i18n, detail.someone).to_string());
                    (e.id, fmt_time(e.at), who, board_change_text(i18n, ws, &e.change))
                })
                .collect();
            lines.reverse();
            lines
        })
    };
    let selected = move |signal: RwSignal<String>, value: String| move || signal.get() == value;

    view! {
        <aside class="task-panel card" aria-labelledby="task-h" data-testid="task-panel"
            on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { close() }>
            <div class="page-head">
                <h2 id="task-h" tabindex="-1">{move || task.with(|t| t.as_ref().map(|t| t.title.clone()))}</h2>
                <button type="button" data-testid="task-close" on:click=move |_| close()>{tr(i18n, |i| t_string!(i, board.close))}</button>
            </div>
            {move || if !exists.get() {
                view! { <p>{tr(i18n, |i| t_string!(i, board.task_gone))}</p> }.into_any()
            } else { view! {
                <p class="error" role="alert" data-testid="task-error">{move || error.get()}</p>
                {move || request().map(|(n, t)| view! {
                    <p>{tr(i18n, |i| t_string!(i, board.part_of))}" "<A href=format!("/requests/{n}")>{format!("#{n} {t}")}</A></p>
                })}
                <form class="form task-fields" on:submit=save>
                    <div class="field">
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, board.field_title))}</span>
                            <input type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) data-testid="task-title"/>
                        </label>
                    </div>
                    <div class="row">
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, board.field_department))}</span>
                            <select data-testid="task-department" on:change=move |ev| dept.set(event_target_value(&ev))>
                                <option value="" selected=selected(dept, String::new())>{tr(i18n, |i| t_string!(i, board.none))}</option>
                                {move || departments().into_iter().map(|(v, n)| view! { <option value=v.clone() selected=selected(dept, v)>{n}</option> }).collect_view()}
                            </select>
                        </label>
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, board.field_assignee))}</span>
                            <select data-testid="task-assignee" on:change=move |ev| who.set(event_target_value(&ev))>
                                <option value="" selected=selected(who, String::new())>{tr(i18n, |i| t_string!(i, board.unassigned))}</option>
                                {move || people().into_iter().map(|(v, n)| view! { <option value=v.clone() selected=selected(who, v)>{n}</option> }).collect_view()}
                            </select>
                        </label>
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, board.field_due))}</span>
                            <input type="date" prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev)) data-testid="task-due"/>
                        </label>
                    </div>
                    <div class="field">
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, board.field_labels_help))}</span>
                            <input type="text" prop:value=move || labels.get() on:input=move |ev| labels.set(event_target_value(&ev)) data-testid="task-labels"/>
                        </label>
                    </div>
                    <button type="submit" class="primary" data-testid="task-save">{tr(i18n, |i| t_string!(i, board.save))}</button>
                    <span role="status" class="ok">{move || saved.get().then(|| t_string!(i18n, board.saved).to_string())}</span>
                </form>
                <form class="inline-form" on:submit=move |ev| {
                    ev.prevent_default();
                    run(Command::MoveTask { task: id, column: column.get_untracked(), anchor: Anchor::Bottom });
                }>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, board.field_column))}</span>
                        <select data-testid="task-column" on:change=move |ev| column.set(event_target_value(&ev))>
                            {move || columns().into_iter().map(|(k, n)| view! { <option value=k.clone() selected=selected(column, k)>{n}</option> }).collect_view()}
                        </select>
                    </label>
                    <button type="submit" data-testid="task-move">{tr(i18n, |i| t_string!(i, board.move_to_column))}</button>
                </form>
                <Steps id=id task=task error=error step=step/>
                <section aria-labelledby="effort-h">
                    <h3 id="effort-h">{tr(i18n, |i| t_string!(i, board.effort))}</h3>
                    <p data-testid="task-effort">{move || {
                        let minutes = task.with(|t| t.as_ref().map_or(0, |t| t.effort_minutes));
                        t_string!(i18n, board.effort_total, hours = fmt_hours(i64::from(minutes))).to_string()
                    }}</p>
                    <form class="inline-form" on:submit=move |ev| {
                        ev.prevent_default();
                        let text = hours.get_untracked().trim().replace(',', ".");
                        match text.parse::<f64>().ok().filter(|h| h.is_finite()) {
                            Some(h) => {
                                let minutes = (h * 60.0).round() as i32;
                                if run(Command::LogEffort { task: id, minutes }) {
                                    hours.set(String::new());
                                }
                            }
                            None => error.set(Some(t_string!(i18n, board.error_hours).to_string())),
                        }
                    }>
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, board.effort_hours))}</span>
                            <input type="number" step="0.25" class="narrow" prop:value=move || hours.get() on:input=move |ev| hours.set(event_target_value(&ev)) data-testid="effort-hours"/>
                        </label>
                        <button type="submit" data-testid="effort-add">{tr(i18n, |i| t_string!(i, board.effort_add))}</button>
                    </form>
                </section>
                <section aria-labelledby="task-comments-h">
                    <h3 id="task-comments-h">{tr(i18n, |i| t_string!(i, board.comments))}</h3>
                    <ul class="plain" data-testid="task-comments">
                        {move || task.with(|t| t.as_ref().map(|t| t.comments.clone()).unwrap_or_default()).into_iter().map(|c| {
                            let who = app.workspace.with_untracked(|w| w.as_ref().and_then(|ws| member_name(ws, c.author)))
                                .unwrap_or_else(|| t_string!(i18n, detail.someone).to_string());
                            view! { <li><span class="muted">{fmt_time(c.at)}" "{who}": "</span><span class="prewrap">{c.text}</span></li> }
                        }).collect_view()}
                    </ul>
                    <AddOneForm text=comment label=|i| t_string!(i, board.comment_text) button=|i| t_string!(i, board.comment_add)
                        input_testid="task-comment-text" button_testid="task-comment"
                        submit=Callback::new(move |text| run(Command::CommentOnTask { task: id, text }))/>
                </section>
                <section aria-labelledby="task-trail-h" class="timeline">
                    <h3 id="task-trail-h">{tr(i18n, |i| t_string!(i, board.trail))}</h3>
                    <ol data-testid="task-trail">
                        {move || trail().into_iter().map(|(_, at, who, text)| view! {
                            <li><span class="when">{at}</span>" "<span class="who">{who}</span>" "<span class="what">{text}</span></li>
                        }).collect_view()}
                    </ol>
                </section>
                <div class="actions">
                    {move || if confirm_remove.get() { view! {
                        <p>{tr(i18n, |i| t_string!(i, board.remove_confirm))}</p>
                        <button type="button" class="danger" data-testid="task-remove-confirm" on:click=move |_| {
                            if run(Command::RemoveTask { task: id }) {
                                close();
                            }
                        }>{tr(i18n, |i| t_string!(i, board.remove_yes))}</button>
                        <button type="button" on:click=move |_| confirm_remove.set(false)>{tr(i18n, |i| t_string!(i, board.cancel))}</button>
                    }.into_any() } else { view! {
                        <button type="button" class="danger" data-testid="task-remove" on:click=move |_| confirm_remove.set(true)>
                            {tr(i18n, |i| t_string!(i, board.remove))}
                        </button>
                    }.into_any() }}
                </div>
            }.into_any() }}
        </aside>
    }
}

/// The task's sub-steps: each a real checkbox with its text as its label.
#[component]
fn Steps(
    id: Id,
    task: Memo<Option<crate::domain::board::Task>>,
    error: RwSignal<Option<String>>,
    step: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
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
    let items = move || task.with(|t| t.as_ref().map(|t| t.checklist.clone()).unwrap_or_default());
    let progress = move || {
        task.with(|t| t.as_ref().map(|t| t.checklist_progress())).map(|(done, count)| format!("{done}/{count}"))
    };
    view! {
        <section aria-labelledby="steps-h">
            <h3 id="steps-h">{tr(i18n, |i| t_string!(i, board.steps))}" "<span class="muted" data-testid="task-steps">{progress}</span></h3>
            <ul class="plain steps-list">
                {move || items().into_iter().map(|c| {
                    let item = c.id;
                    let remove_label = t_string!(i18n, board.step_remove, step = c.text.clone()).to_string();
                    view! {
                        <li>
                            <label class="check">
                                <input type="checkbox" prop:checked=c.done data-testid="step-check"
                                    on:change=move |ev| { run(Command::CheckChecklistItem { task: id, item, done: event_target_checked(&ev) }); }/>
                                <span>{c.text.clone()}</span>
                            </label>
                            " "
                            <button type="button" class="link-button" aria-label=remove_label
                                on:click=move |_| { run(Command::RemoveChecklistItem { task: id, item }); }>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <AddOneForm text=step label=|i| t_string!(i, board.step_new) button=|i| t_string!(i, board.step_add)
                input_testid="step-text" button_testid="step-add"
                submit=Callback::new(move |text| run(Command::AddChecklistItem { task: id, text }))/>
        </section>
    }
}

/// A one-line form that adds something: a labelled text field and a button.
/// The field is emptied once `submit` accepts its text. `text` is held by the
/// caller, so that what is typed survives a redraw of the surrounding list.
#[component]
pub(crate) fn AddOneForm(
    text: RwSignal<String>,
    label: fn(I18n) -> &'static str,
    button: fn(I18n) -> &'static str,
    input_testid: &'static str,
    button_testid: &'static str,
    submit: Callback<String, bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form class="inline-form" on:submit=move |ev| {
            ev.prevent_default();
            if submit.run(text.get_untracked()) {
                text.set(String::new());
            }
        }>
            <label>
                <span>{tr(i18n, label)}</span>
                <input type="text" prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) data-testid=input_testid/>
            </label>
            <button type="submit" data-testid=button_testid>{tr(i18n, button)}</button>
        </form>
    }
}
