//! Handoffs (交接): the inbox of each department and person, the checklist
//! templates and their editor, the printable handoff sheet, and the
//! dashboard's handoff figures.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::explain::fmt_business_time;
use crate::components::handoff::{
    dept_name, kind_label, leg_text, percent, prefill_label, section_label, HandoffRecord, WaitBadge,
};
use crate::components::labels::{self, command_error_text, department_name, fmt_time, member_name, tr, urgency_label, URGENCIES};
use crate::domain::handoff::{
    inbox, returned_to, score, stats, BuiltinLang, HandoffStats, Item, ItemKind, Leg, Prefill, Section, TemplateDraft,
    When, RED_AFTER_SECS, YELLOW_AFTER_SECS,
};
use crate::domain::{Command, Id, Urgency};
use crate::i18n::i18n::*;
use crate::pages::routing::split_list;
use crate::platform::clock;
use crate::state::use_app;

#[component]
pub fn HandoffsNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="subnav" aria-label=move || t_string!(i18n, handoff.subnav_label)>
            <A href="/handoffs" exact=true>{tr(i18n, |i| t_string!(i, handoff.sub_inbox))}</A>
            <A href="/handoffs/templates">{tr(i18n, |i| t_string!(i, handoff.sub_templates))}</A>
        </nav>
    }
}

/// How many handoffs wait for the acting member's department, for the
/// navigation; none when nobody is chosen or nothing waits.
pub fn waiting_badge() -> Option<usize> {
    let app = use_app();
    let actor = app.actor.get()?;
    let n = app.workspace.with(|w| {
        let ws = w.as_ref()?;
        Some(crate::domain::handoff::waiting_count(ws, ws.member(actor)?.department))
    })?;
    (n > 0).then_some(n)
}

/// One row of an inbox list.
#[derive(Clone, PartialEq)]
struct Row {
    number: u32,
    title: String,
    leg: String,
    sent_by: String,
    person: String,
    sent: String,
    waiting: Option<(i64, crate::domain::handoff::WaitLight)>,
    score: String,
    note: String,
}

#[component]
pub fn HandoffsPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // The department whose inbox is shown: the acting member's at first.
    let initial = app.workspace.with_untracked(|w| {
        let ws = w.as_ref()?;
        let own = app.actor.get_untracked().and_then(|a| ws.member(a)).map(|m| m.department);
        own.or_else(|| ws.departments.first().map(|d| d.id))
    });
    let dept = RwSignal::new(initial);
    // Choosing who one acts as shows that member's department's inbox.
    Effect::new(move |_| {
        let own = app.actor.get().and_then(|a| app.workspace.with_untracked(|w| w.as_ref()?.member(a).map(|m| m.department)));
        if own.is_some() {
            dept.set(own);
        }
    });
    let departments = move || {
        app.workspace.with(|w| {
            w.as_ref().map(|ws| ws.departments.iter().map(|d| (d.id, department_name(i18n, d))).collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let rows = move |mine: bool| {
        let now = app.now.get();
        let actor = app.actor.get();
        let d = dept.get();
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let (d, member) = if mine {
                let a = actor?;
                (ws.member(a)?.department, Some(a))
            } else {
                (d?, None)
            };
            Some(
                inbox(ws, d, member, now)
                    .into_iter()
                    .filter_map(|x| {
                        let r = ws.request(x.request)?;
                        let h = r.handoff(x.handoff)?;
                        let items = ws.handoff_template(h.template)?.version(h.version)?;
                        Some(Row {
                            number: r.number,
                            title: r.title.clone(),
                            leg: leg_text(i18n, ws, h.from, h.to),
                            sent_by: member_name(ws, h.sent_by).unwrap_or_default(),
                            person: member_name(ws, h.to_member).unwrap_or_else(|| t_string!(i18n, handoff.anyone).to_string()),
                            sent: fmt_time(h.sent_at),
                            waiting: Some((x.waiting_secs, x.light)),
                            score: percent(score(&items.items, &h.answers, &h.not_applicable)),
                            note: String::new(),
                        })
                    })
                    .collect::<Vec<_>>(),
            )
        })
    };
    let returned = move || {
        let d = dept.get();
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            Some(
                returned_to(ws, d?)
                    .into_iter()
                    .filter_map(|(rid, hid)| {
                        let r = ws.request(rid)?;
                        let h = r.handoff(hid)?;
                        let x = h.reply.as_ref()?;
                        let reason = x.reason.map(|r| crate::components::handoff::reason_label(i18n, r)).unwrap_or_default();
                        Some(Row {
                            number: r.number,
                            title: r.title.clone(),
                            leg: leg_text(i18n, ws, h.from, h.to),
                            sent_by: member_name(ws, x.by).unwrap_or_default(),
                            person: String::new(),
                            sent: fmt_time(x.at),
                            waiting: None,
                            score: String::new(),
                            note: format!("{reason} — {}", x.note),
                        })
                    })
                    .collect::<Vec<_>>(),
            )
        })
    };
    let zone = move || app.workspace.with(|w| w.as_ref().map(|ws| ws.calendar.zone.clone())).unwrap_or_default();
    let dept_label = move || app.workspace.with(|w| w.as_ref().zip(dept.get()).map(|(ws, d)| dept_name(i18n, ws, d))).unwrap_or_default();
    view! {
        <section class="page" aria-labelledby="inbox-h">
            <HandoffsNav/>
            <h1 id="inbox-h">{tr(i18n, |i| t_string!(i, handoff.inbox_title))}</h1>
            <p class="help">{tr(i18n, |i| t_string!(i, handoff.inbox_intro))}</p>
            <p class="help" data-testid="lights-help">{move || t_string!(i18n, handoff.lights_help, zone = zone(), yellow = YELLOW_AFTER_SECS / 3600, red = RED_AFTER_SECS / 3600).to_string()}</p>
            <label class="inline-form">
                <span>{tr(i18n, |i| t_string!(i, handoff.inbox_of))}</span>
                <select data-testid="inbox-department" on:change=move |ev| dept.set(Id::parse_str(&event_target_value(&ev)).ok())>
                    {move || departments().into_iter().map(|(d, name)| view! { <option value=d.to_string() selected=move || dept.get() == Some(d)>{name}</option> }).collect_view()}
                </select>
            </label>
            <section class="card" aria-labelledby="waiting-h">
                <h2 id="waiting-h">{move || t_string!(i18n, handoff.waiting_h, dept = dept_label()).to_string()}</h2>
                {move || view! { <InboxTable rows=rows(false).unwrap_or_default() testid="inbox"/> }}
            </section>
            {move || app.actor.get().is_some().then(|| view! {
                <section class="card" aria-labelledby="mine-h">
                    <h2 id="mine-h">{tr(i18n, |i| t_string!(i, handoff.mine_h))}</h2>
                    {move || view! { <InboxTable rows=rows(true).unwrap_or_default() testid="inbox-mine"/> }}
                </section>
            })}
            <section class="card" aria-labelledby="returned-h">
                <h2 id="returned-h">{move || t_string!(i18n, handoff.returned_h, dept = dept_label()).to_string()}</h2>
                {move || view! { <InboxTable rows=returned().unwrap_or_default() testid="inbox-returned"/> }}
            </section>
        </section>
    }
}

#[component]
fn InboxTable(rows: Vec<Row>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        let empty = if testid == "inbox-returned" { t_string!(i18n, handoff.none_returned) } else { t_string!(i18n, handoff.none_waiting) };
        return view! { <p class="empty-note" data-testid=format!("{testid}-empty")>{empty}</p> }.into_any();
    }
    let returned = rows.iter().any(|r| r.waiting.is_none());
    view! {
        <div class="table-wrap">
            <table class="plain-table" data-testid=testid>
                <thead><tr>
                    <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_request))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_leg))}</th>
                    {if returned {
                        view! {
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_returned_by))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_returned_at))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_reason))}</th>
                        }.into_any()
                    } else {
                        view! {
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_sent_by))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_person))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_sent))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_waiting))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_complete))}</th>
                        }.into_any()
                    }}
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|r| view! {
                        <tr data-testid="inbox-row">
                            <td><A href=format!("/requests/{}", r.number)>{format!("#{} {}", r.number, r.title)}</A></td>
                            <td>{r.leg}</td>
                            {match r.waiting {
                                None => view! { <td>{r.sent_by}</td><td>{r.sent}</td><td>{r.note}</td> }.into_any(),
                                Some((secs, light)) => view! {
                                    <td>{r.sent_by}</td>
                                    <td>{r.person}</td>
                                    <td>{r.sent}</td>
                                    <td data-testid="inbox-waiting"><WaitBadge light=light/>" "{fmt_business_time(i18n, secs)}</td>
                                    <td>{r.score}</td>
                                }.into_any(),
                            }}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The printable sheet of one handoff: `/requests/<n>/handoffs/<k>`.
#[component]
pub fn HandoffSheetPage(number: u32, index: usize) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let found = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.request_by_number(number)?;
            let h = r.handoffs.get(index.checked_sub(1)?)?;
            let facts = vec![
                (t_string!(i18n, detail.customer).to_string(), format!("{} {}", r.customer.name, r.customer.contact)),
                (t_string!(i18n, detail.urgency).to_string(), urgency_label(i18n, r.urgency)),
                (t_string!(i18n, detail.category).to_string(), r.category.clone()),
                (t_string!(i18n, detail.preferences).to_string(), r.preferences.clone()),
                (t_string!(i18n, detail.owner).to_string(), member_name(ws, r.owner).unwrap_or_default()),
            ];
            Some((r.id, h.id, format!("#{} {}", r.number, r.title), facts))
        })
    };
    view! {
        {move || match found() {
            None => view! { <section class="page"><h1>{tr(i18n, |i| t_string!(i, handoff.sheet_not_found))}</h1></section> }.into_any(),
            Some((request, handoff, title, facts)) => view! {
                <section class="page handoff-sheet" aria-labelledby="sheet-h" data-testid="handoff-sheet">
                    <p class="no-print"><A href=format!("/requests/{number}")>{tr(i18n, |i| t_string!(i, handoff.back_to_request))}</A></p>
                    <h1 id="sheet-h">{tr(i18n, |i| t_string!(i, handoff.sheet_title))}": "{title}</h1>
                    <dl class="facts">
                        {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                    <HandoffRecord request=request handoff=handoff/>
                    <p class="no-print">
                        <button type="button" class="primary" data-testid="print" on:click=move |_| { let _ = window().print(); }>
                            {tr(i18n, |i| t_string!(i, handoff.print))}
                        </button>
                    </p>
                </section>
            }.into_any(),
        }}
    }
}

/// "/requests/3/handoffs/2" without its "/requests/" → (3, 2).
pub fn sheet_address(rest: &str) -> Option<(u32, usize)> {
    let (n, k) = rest.split_once("/handoffs/")?;
    Some((n.parse().ok()?, k.parse().ok()?))
}

/// The templates, the built-in set, and the editor.
#[component]
pub fn TemplatesPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // None: no editor; Some(None): a new template; Some(Some(id)): that one.
    let editing = RwSignal::new(None::<Option<Id>>);
    let error = RwSignal::new(None::<String>);
    let list = move || {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            ws.handoff_templates
                .iter()
                .map(|t| {
                    let leg = match t.leg {
                        Some(l) => leg_text(i18n, ws, l.from, l.to),
                        None => t_string!(i18n, handoff.general_leg).to_string(),
                    };
                    let v = t.current();
                    (
                        t.id,
                        t.name.clone(),
                        leg,
                        v.map_or(0, |v| v.version),
                        v.map_or(0, |v| v.items.len()),
                        v.map(|v| fmt_time(v.saved_at)).unwrap_or_default(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let add_builtin = move |_| {
        let lang = if i18n.get_locale_untracked() == Locale::zh { BuiltinLang::Zh } else { BuiltinLang::En };
        match app.dispatch(Command::AddBuiltinHandoffTemplates { lang }) {
            Ok(_) => error.set(None),
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    view! {
        <section class="page" aria-labelledby="templates-h">
            <HandoffsNav/>
            <h1 id="templates-h">{tr(i18n, |i| t_string!(i, handoff.templates_title))}</h1>
            <p class="help">{tr(i18n, |i| t_string!(i, handoff.templates_intro))}</p>
            <p class="help">{tr(i18n, |i| t_string!(i, handoff.versions_help))}</p>
            <Show when=move || !list().is_empty() fallback=move || view! { <p class="empty-note">{tr(i18n, |i| t_string!(i, handoff.no_templates))}</p> }>
                <div class="table-wrap">
                    <table class="plain-table" data-testid="templates">
                        <thead><tr>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_template))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_leg))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_version))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_items))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_saved))}</th>
                            <th scope="col"><span class="sr-only">{tr(i18n, |i| t_string!(i, routing.col_actions))}</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=list key=|row| row.clone() children=move |(id, name, leg, version, count, saved)| {
                                let label = t_string!(i18n, handoff.edit_named, name = name.clone()).to_string();
                                view! {
                                    <tr data-testid="template-row">
                                        <th scope="row">{name}</th>
                                        <td>{leg}</td>
                                        <td data-testid="template-version">{version}</td>
                                        <td>{count}</td>
                                        <td>{saved}</td>
                                        <td><button type="button" aria-label=label data-testid="edit-template" on:click=move |_| editing.set(Some(Some(id)))>{tr(i18n, |i| t_string!(i, handoff.edit))}</button></td>
                                    </tr>
                                }
                            }/>
                        </tbody>
                    </table>
                </div>
            </Show>
            <div class="actions">
                <button type="button" data-testid="new-template" on:click=move |_| editing.set(Some(None))>{tr(i18n, |i| t_string!(i, handoff.new_template))}</button>
                <button type="button" data-testid="add-builtin" on:click=add_builtin>{tr(i18n, |i| t_string!(i, handoff.add_builtin))}</button>
            </div>
            <p class="help">{tr(i18n, |i| t_string!(i, handoff.add_builtin_help))}</p>
            <p class="error" role="alert">{move || error.get()}</p>
            {move || editing.get().map(|template| view! { <TemplateEditor template=template editing=editing/> })}
        </section>
    }
}

/// One item in the editor, with a row number that stays with it when it moves.
type EditRow = (u32, Item);

/// The editor of one template (or a new one): name, leg, and the items.
#[component]
fn TemplateEditor(template: Option<Id>, editing: RwSignal<Option<Option<Id>>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (name0, leg0, items0, versions) = app.workspace.with_untracked(|w| {
        let t = w.as_ref().and_then(|ws| template.and_then(|id| ws.handoff_template(id)));
        match t {
            Some(t) => (
                t.name.clone(),
                t.leg,
                t.current().map(|v| v.items.clone()).unwrap_or_default(),
                t.versions.iter().rev().map(|v| (v.version, fmt_time(v.saved_at), v.items.len())).collect::<Vec<_>>(),
            ),
            None => (String::new(), None, vec![Item::new("", Section::Situation, ItemKind::Text, "")], Vec::new()),
        }
    });
    let name = RwSignal::new(name0);
    let from = RwSignal::new(leg0.map(|l| l.from.to_string()).unwrap_or_default());
    let to = RwSignal::new(leg0.map(|l| l.to.to_string()).unwrap_or_default());
    let next_row = RwSignal::new(items0.len() as u32);
    let rows = RwSignal::new(items0.into_iter().enumerate().map(|(k, i)| (k as u32, i)).collect::<Vec<EditRow>>());
    let error = RwSignal::new(None::<String>);
    let departments = move || {
        app.workspace.with(|w| {
            w.as_ref().map(|ws| ws.departments.iter().map(|d| (d.id.to_string(), department_name(i18n, d))).collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let leg = match (Id::parse_str(&from.get_untracked()), Id::parse_str(&to.get_untracked())) {
            (Ok(f), Ok(t)) => Some(Leg { from: f, to: t }),
            _ => None,
        };
        let items = rows.get_untracked().into_iter().map(|(_, i)| i).collect();
        let draft = TemplateDraft { name: name.get_untracked(), leg, items };
        match app.dispatch(Command::SaveHandoffTemplate { template, draft }) {
            Ok(_) => {
                error.set(None);
                editing.set(None);
            }
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    let row_ids = move || rows.with(|r| r.iter().map(|(k, _)| *k).collect::<Vec<u32>>());
    let add = move |_| {
        let row = next_row.get_untracked();
        next_row.set(row + 1);
        rows.update(|r| r.push((row, Item::new("", Section::Recommendation, ItemKind::Text, ""))));
    };
    let dept_select = move |signal: RwSignal<String>, label: String, testid: &'static str, general: bool| {
        view! {
            <label>
                <span>{label}</span>
                <select data-testid=testid on:change=move |ev| signal.set(event_target_value(&ev))>
                    <option value="" selected=move || signal.get().is_empty()>
                        {if general { t_string!(i18n, handoff.general_option) } else { t_string!(i18n, detail.choose) }}
                    </option>
                    {departments().into_iter().map(|(d, n)| {
                        let s = d.clone();
                        view! { <option value=d selected=move || signal.get() == s>{n}</option> }
                    }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <form class="card rule-editor" data-testid="template-editor" on:submit=save novalidate=true>
            <h2>{if template.is_some() { t_string!(i18n, handoff.editor_edit) } else { t_string!(i18n, handoff.editor_new) }}</h2>
            <div class="inline-form">
                <label class="grow">
                    <span>{tr(i18n, |i| t_string!(i, handoff.f_name))}</span>
                    <input type="text" data-testid="template-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                {dept_select(from, t_string!(i18n, handoff.f_from).to_string(), "template-from", true)}
                {dept_select(to, t_string!(i18n, handoff.f_to).to_string(), "template-to", true)}
            </div>
            <p class="help">{tr(i18n, |i| t_string!(i, handoff.leg_help))}</p>
            <h3>{tr(i18n, |i| t_string!(i, handoff.items_h))}</h3>
            <ol class="plain editor-items">
                <For each=row_ids key=|r| *r children=move |row| {
                    view! { <ItemEditor row=row rows=rows/> }
                }/>
            </ol>
            <button type="button" data-testid="add-item" on:click=add>{tr(i18n, |i| t_string!(i, handoff.add_item))}</button>
            <p class="help">{tr(i18n, |i| t_string!(i, handoff.versions_help))}</p>
            <p class="error" role="alert" data-testid="template-error">{move || error.get()}</p>
            <div class="actions">
                <button type="submit" class="primary" data-testid="save-template">{tr(i18n, |i| t_string!(i, handoff.save))}</button>
                <button type="button" on:click=move |_| editing.set(None)>{tr(i18n, |i| t_string!(i, handoff.cancel))}</button>
            </div>
            {(!versions.is_empty()).then(|| view! {
                <h3>{tr(i18n, |i| t_string!(i, handoff.history_h))}</h3>
                <ul class="plain" data-testid="template-versions">
                    {versions.into_iter().map(|(v, at, n)| view! {
                        <li>{t_string!(i18n, handoff.version_line, version = v, at = at, count = n).to_string()}</li>
                    }).collect_view()}
                </ul>
            })}
        </form>
    }
}

/// The fields of one item in the editor.
#[component]
fn ItemEditor(row: u32, rows: RwSignal<Vec<EditRow>>) -> impl IntoView {
    let i18n = use_i18n();
    let get = move |f: fn(&Item) -> String| move || rows.with(|r| r.iter().find(|(k, _)| *k == row).map(|(_, i)| f(i)).unwrap_or_default());
    let edit = move |f: &dyn Fn(&mut Item)| rows.update(|r| {
        if let Some((_, i)) = r.iter_mut().find(|(k, _)| *k == row) {
            f(i);
        }
    });
    let position = move || rows.with(|r| r.iter().position(|(k, _)| *k == row).unwrap_or(0));
    let label_text = move || {
        let l = get(|i| i.label.clone())();
        if l.trim().is_empty() { t_string!(i18n, handoff.item_n, n = position() + 1).to_string() } else { l }
    };
    let shift = move |down: bool| rows.update(|r| {
        let Some(p) = r.iter().position(|(k, _)| *k == row) else { return };
        let q = if down { p + 1 } else { p.wrapping_sub(1) };
        if q < r.len() {
            r.swap(p, q);
        }
    });
    let kind = move || rows.with(|r| r.iter().find(|(k, _)| *k == row).map(|(_, i)| i.kind)).unwrap_or(ItemKind::Text);
    let section = move || rows.with(|r| r.iter().find(|(k, _)| *k == row).map(|(_, i)| i.section)).unwrap_or(Section::Situation);
    let min_urgency = move || rows.with(|r| r.iter().find(|(k, _)| *k == row).and_then(|(_, i)| i.when.as_ref().and_then(|w| w.min_urgency)));
    let prefill = move || rows.with(|r| r.iter().find(|(k, _)| *k == row).and_then(|(_, i)| i.prefill));
    let set_when = move |f: &dyn Fn(&mut When)| edit(&|i: &mut Item| {
        let mut w = i.when.clone().unwrap_or_default();
        f(&mut w);
        i.when = (!w.is_empty()).then_some(w);
    });
    view! {
        <li class="editor-item" data-testid="item-editor">
            <fieldset>
                <legend>{label_text}</legend>
                <div class="inline-form">
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, handoff.f_section))}</span>
                        <select data-testid="item-section" on:change=move |ev| {
                            if let Some(s) = Section::from_key(&event_target_value(&ev)) { edit(&|i: &mut Item| i.section = s) }
                        }>
                            {Section::ALL.into_iter().map(|s| view! { <option value=s.key() selected=move || section() == s>{section_label(i18n, s)}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="grow">
                        <span>{tr(i18n, |i| t_string!(i, handoff.f_label))}</span>
                        <input type="text" data-testid="item-label" prop:value=get(|i| i.label.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); edit(&|i: &mut Item| i.label = v.clone()) }/>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, handoff.f_kind))}</span>
                        <select data-testid="item-kind" on:change=move |ev| {
                            if let Some(k) = ItemKind::from_key(&event_target_value(&ev)) { edit(&|i: &mut Item| i.kind = k) }
                        }>
                            {ItemKind::ALL.into_iter().map(|k| view! { <option value=k.key() selected=move || kind() == k>{kind_label(i18n, k)}</option> }).collect_view()}
                        </select>
                    </label>
                    <Show when=move || kind() == ItemKind::Choice>
                        <label>
                            <span>{tr(i18n, |i| t_string!(i, handoff.f_choices))}</span>
                            <input type="text" data-testid="item-choices" prop:value=get(|i| i.choices.join(", "))
                                on:change=move |ev| { let v = split_list(&event_target_value(&ev)); edit(&|i: &mut Item| i.choices = v.clone()) }/>
                        </label>
                    </Show>
                    <label class="check">
                        <input type="checkbox" data-testid="item-required" prop:checked=move || rows.with(|r| r.iter().any(|(k, i)| *k == row && i.required))
                            on:change=move |ev| { let v = event_target_checked(&ev); edit(&|i: &mut Item| i.required = v) }/>
                        <span>{tr(i18n, |i| t_string!(i, handoff.f_required))}</span>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, handoff.f_weight))}</span>
                        <input type="number" min="1" max="10" class="narrow" data-testid="item-weight" prop:value=get(|i| i.weight.to_string())
                            on:input=move |ev| { let v = event_target_value(&ev).trim().parse::<u32>().unwrap_or(0); edit(&|i: &mut Item| i.weight = v) }/>
                    </label>
                </div>
                <div class="inline-form">
                    <label class="grow">
                        <span>{tr(i18n, |i| t_string!(i, handoff.f_help))}</span>
                        <input type="text" prop:value=get(|i| i.help.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); edit(&|i: &mut Item| i.help = v.clone()) }/>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, handoff.f_min_urgency))}</span>
                        <select data-testid="item-min-urgency" on:change=move |ev| {
                            let u = Urgency::from_key(&event_target_value(&ev));
                            set_when(&|w: &mut When| w.min_urgency = u);
                        }>
                            <option value="" selected=move || min_urgency().is_none()>{tr(i18n, |i| t_string!(i, handoff.any_urgency))}</option>
                            {URGENCIES.iter().map(|u| { let u = *u; view! { <option value=u.key() selected=move || min_urgency() == Some(u)>{urgency_label(i18n, u)}</option> } }).collect_view()}
                        </select>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, handoff.f_categories))}</span>
                        <input type="text" data-testid="item-categories" prop:value=get(|i| i.when.as_ref().map(|w| w.categories.join(", ")).unwrap_or_default())
                            on:change=move |ev| { let v = split_list(&event_target_value(&ev)); set_when(&|w: &mut When| w.categories = v.clone()) }/>
                    </label>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, handoff.f_prefill))}</span>
                        <select on:change=move |ev| { let p = Prefill::from_key(&event_target_value(&ev)); edit(&|i: &mut Item| i.prefill = p) }>
                            <option value="" selected=move || prefill().is_none()>{tr(i18n, |i| t_string!(i, handoff.prefill_none))}</option>
                            {Prefill::ALL.into_iter().map(|p| view! { <option value=p.key() selected=move || prefill() == Some(p)>{prefill_label(i18n, p)}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <div class="row-actions">
                    <button type="button" aria-label=move || format!("{}: {}", t_string!(i18n, handoff.move_up), label_text()) on:click=move |_| shift(false)>"↑"</button>
                    <button type="button" aria-label=move || format!("{}: {}", t_string!(i18n, handoff.move_down), label_text()) on:click=move |_| shift(true)>"↓"</button>
                    <button type="button" class="danger" data-testid="remove-item" aria-label=move || format!("{}: {}", t_string!(i18n, handoff.remove), label_text())
                        on:click=move |_| rows.update(|r| r.retain(|(k, _)| *k != row))>{tr(i18n, |i| t_string!(i, handoff.remove))}</button>
                </div>
            </fieldset>
        </li>
    }
}

fn n_of(i18n: I18n, n: usize, of: usize) -> String {
    t_string!(i18n, dashboard.n_of, n = n, of = of).to_string()
}

use crate::components::labels::I18n;

fn rate(i18n: I18n, r: &crate::domain::metrics::RateStat) -> String {
    match r.percent_tenths() {
        Some(t) => format!("{}.{} %", t / 10, t % 10),
        None => t_string!(i18n, dashboard.no_data).to_string(),
    }
}

fn mean_percent(i18n: I18n, m: &crate::domain::metrics::MeanStat) -> String {
    m.mean.map(|v| format!("{} %", labels::fixed(v, 1))).unwrap_or_else(|| t_string!(i18n, dashboard.no_data).to_string())
}

fn business(i18n: I18n, secs: Option<i64>) -> String {
    secs.map(|s| fmt_business_time(i18n, s)).unwrap_or_else(|| t_string!(i18n, dashboard.no_data).to_string())
}

/// The dashboard's handoff figures (METRICS.md), each with its n of N, by
/// leg, and the items most often missing.
#[component]
pub fn HandoffFigures() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // The time the figures took, for the benchmark.
    let compute_ms = RwSignal::new(0.0f64);
    let data = Memo::new(move |_| {
        let start = clock::perf_ms();
        let s = app.workspace.with(|w| w.as_ref().map(stats));
        compute_ms.set(clock::perf_ms() - start);
        s
    });
    let legs = move |s: &HandoffStats| {
        app.workspace.with_untracked(|w| {
            let Some(ws) = w else { return Vec::new() };
            s.legs.iter().map(|l| (leg_text(i18n, ws, l.leg.from, l.leg.to), l.clone())).collect::<Vec<_>>()
        })
    };
    view! {
        <section class="handoff-figures" aria-labelledby="ho-dash-h" data-testid="handoff-figures"
            data-compute-ms=move || labels::fixed(compute_ms.get(), 2)>
            <h2 id="ho-dash-h">{tr(i18n, |i| t_string!(i, handoff.dash_h))}</h2>
            {move || data.get().map(|s| {
                let legs = legs(&s);
                view! {
                    <p class="n" data-testid="fig-ho-counts">{t_string!(i18n, handoff.dash_counts, sent = s.sent, incomplete = s.incomplete, waiting = s.pending, withdrawn = s.withdrawn).to_string()}</p>
                    <div class="figures">
                        <div class="figure" data-testid="fig-ho-complete">
                            <h3>{tr(i18n, |i| t_string!(i, handoff.dash_complete))}</h3>
                            <p class="value"><strong data-testid="fig-ho-complete-value">{mean_percent(i18n, &s.completeness)}</strong></p>
                            <p class="n" data-testid="fig-ho-complete-n">{n_of(i18n, s.completeness.n, s.completeness.of)}</p>
                            <p class="help">{tr(i18n, |i| t_string!(i, handoff.dash_complete_help))}</p>
                        </div>
                        <div class="figure" data-testid="fig-ho-bounce">
                            <h3>{tr(i18n, |i| t_string!(i, handoff.dash_bounce))}</h3>
                            <p class="value"><strong data-testid="fig-ho-bounce-value">{rate(i18n, &s.bounce_back)}</strong></p>
                            <p class="n" data-testid="fig-ho-bounce-n">{n_of(i18n, s.bounce_back.numerator, s.bounce_back.denominator)}</p>
                            <p class="help">{tr(i18n, |i| t_string!(i, handoff.dash_bounce_help))}</p>
                        </div>
                        <div class="figure" data-testid="fig-ho-per-resolved">
                            <h3>{tr(i18n, |i| t_string!(i, handoff.dash_per_resolved))}</h3>
                            <p class="value"><strong data-testid="fig-ho-per-resolved-value">{s.per_resolved.mean.map(|m| labels::fixed(m, 2)).unwrap_or_else(|| t_string!(i18n, dashboard.no_data).to_string())}</strong></p>
                            <p class="n" data-testid="fig-ho-per-resolved-n">{t_string!(i18n, handoff.dash_per_resolved_n, handoffs = s.resolved_handoffs, n = s.per_resolved.n).to_string()}</p>
                            <p class="help">{tr(i18n, |i| t_string!(i, handoff.dash_per_resolved_help))}</p>
                        </div>
                        <div class="figure" data-testid="fig-ho-accept">
                            <h3>{tr(i18n, |i| t_string!(i, handoff.dash_accept))}</h3>
                            <p class="value"><span>{tr(i18n, |i| t_string!(i, dashboard.median))}" "</span><strong data-testid="fig-ho-accept-median">{business(i18n, s.time_to_accept.median_secs)}</strong></p>
                            <p class="value"><span>{tr(i18n, |i| t_string!(i, dashboard.p90))}" "</span><strong data-testid="fig-ho-accept-p90">{business(i18n, s.time_to_accept.p90_secs)}</strong></p>
                            <p class="n" data-testid="fig-ho-accept-n">{n_of(i18n, s.time_to_accept.n, s.time_to_accept.of)}</p>
                            <p class="help">{tr(i18n, |i| t_string!(i, handoff.dash_accept_help))}</p>
                        </div>
                    </div>
                    {if legs.is_empty() {
                        view! { <p class="empty-note">{tr(i18n, |i| t_string!(i, handoff.no_handoffs))}</p> }.into_any()
                    } else {
                        view! { <LegTables legs=legs/> }.into_any()
                    }}
                }
            })}
        </section>
    }
}

/// The figures by leg, and each leg's items most often missing.
#[component]
fn LegTables(legs: Vec<(String, crate::domain::handoff::LegStats)>) -> impl IntoView {
    let i18n = use_i18n();
    let missing: Vec<(String, crate::domain::handoff::MissingItem)> =
        legs.iter().flat_map(|(name, l)| l.missing.iter().take(5).map(move |m| (name.clone(), m.clone()))).collect();
    view! {
        <section class="breakdown">
            <h3>{tr(i18n, |i| t_string!(i, handoff.by_leg))}</h3>
            <div class="table-wrap">
                <table class="plain-table" data-testid="ho-by-leg">
                    <thead><tr>
                        <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_leg))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_sent_n))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, handoff.dash_complete))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, handoff.dash_bounce))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, handoff.dash_accept))}</th>
                    </tr></thead>
                    <tbody>
                        {legs.into_iter().map(|(name, l)| view! {
                            <tr data-testid="ho-leg-row">
                                <th scope="row">{name}</th>
                                <td>{l.sent}</td>
                                <td>{format!("{} · {}", mean_percent(i18n, &l.completeness), n_of(i18n, l.completeness.n, l.completeness.of))}</td>
                                <td>{format!("{} · {}", rate(i18n, &l.bounce_back), n_of(i18n, l.bounce_back.numerator, l.bounce_back.denominator))}</td>
                                <td>{format!("{} · {}", business(i18n, l.time_to_accept.median_secs), n_of(i18n, l.time_to_accept.n, l.time_to_accept.of))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{tr(i18n, |i| t_string!(i, handoff.missing_h))}</h3>
            <p class="help">{tr(i18n, |i| t_string!(i, handoff.missing_help))}</p>
            {if missing.is_empty() {
                view! { <p class="empty-note">{tr(i18n, |i| t_string!(i, handoff.none_missing))}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="plain-table" data-testid="ho-missing">
                            <thead><tr>
                                <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_leg))}</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_item))}</th>
                                <th scope="col">{tr(i18n, |i| t_string!(i, handoff.col_missing))}</th>
                            </tr></thead>
                            <tbody>
                                {missing.into_iter().map(|(leg, m)| view! {
                                    <tr data-testid="ho-missing-row">
                                        <td>{leg}</td>
                                        <th scope="row">{m.label}</th>
                                        <td>{t_string!(i18n, handoff.missing_n, n = m.missing, of = m.applied).to_string()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
