//! Handoffs (交接): the inbox of each department and person, the checklist
//! templates and their editor, the printable handoff sheet, and the
//! dashboard's handoff figures.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::explain::fmt_business_time;
use crate::components::handoff::{
    department_options, dept_name, kind_label, leg_text, percent, prefill_label, section_label, HandoffRecord, Pick,
    TextIn, WaitBadge,
};
use crate::components::labels::{
    self, command_error_text, department_name, fmt_time, member_name, tr, urgency_label, URGENCIES,
};
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
        let own =
            app.actor.get().and_then(|a| app.workspace.with_untracked(|w| w.as_ref()?.member(a).map(|m| m.department)));
        if own.is_some() {
            dept.set(own);
        }
    });
    let departments = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| ws.departments.iter().map(|d| (d.id, department_name(i18n, d))).collect::<Vec<_>>())
                .unwrap_or_default()
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
                            person: member_name(ws, h.to_member)
                                .unwrap_or_else(|| t_string!(i18n, handoff.anyone).to_string()),
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
                        let reason =
                            x.reason.map(|r| crate::components::handoff::reason_label(i18n, r)).unwrap_or_default();
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
    let dept_label = move || {
        app.workspace.with(|w| w.as_ref().zip(dept.get()).map(|(ws, d)| dept_name(i18n, ws, d))).unwrap_or_default()
    };
    view! {
        <section class="page" aria-labelledby="inbox-h">
            <HandoffsNav/>
            <h1 id="inbox-h">{tr(i18n, |i| t_string!(i, handoff.inbox_title))}</h1>
            <p class="help">{tr(i18n, |i| t_string!(i, handoff.inbox_intro))}</p>
            <p class="help" data-testid="lights-help">{move || t_string!(i18n, handoff.lights_help, zone = zone(), yellow = YELLOW_AFTER_SECS / 3600, red = RED_AFTER_SECS / 3600).to_string()}</p>
            <div class="inline-form">
                <Pick label=|i| t_string!(i, handoff.inbox_of) testid="inbox-department"
                    options=Signal::derive(move || departments().into_iter().map(|(d, name)| (d.to_string(), name)).collect())
                    value=Signal::derive(move || dept.get().map(|d| d.to_string()).unwrap_or_default())
                    on_pick=Callback::new(move |v: String| dept.set(Id::parse_str(&v).ok()))/>
            </div>
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
        let empty = if testid == "inbox-returned" {
            t_string!(i18n, handoff.none_returned)
        } else {
            t_string!(i18n, handoff.none_waiting)
        };
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
    let departments = department_options(|i| t_string!(i, handoff.general_option));
    view! {
        <form class="card rule-editor" data-testid="template-editor" on:submit=save novalidate=true>
            <h2>{if template.is_some() { t_string!(i18n, handoff.editor_edit) } else { t_string!(i18n, handoff.editor_new) }}</h2>
            <div class="inline-form">
                <TextIn label=|i| t_string!(i, handoff.f_name) testid="template-name" grow=true
                    value=name.into() on_set=Callback::new(move |v: String| name.set(v))/>
                <Pick label=|i| t_string!(i, handoff.f_from) testid="template-from" options=departments value=from.into()
                    on_pick=Callback::new(move |v: String| from.set(v))/>
                <Pick label=|i| t_string!(i, handoff.f_to) testid="template-to" options=departments value=to.into()
                    on_pick=Callback::new(move |v: String| to.set(v))/>
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
    let get = move |f: fn(&Item) -> String| {
        move || rows.with(|r| r.iter().find(|(k, _)| *k == row).map(|(_, i)| f(i)).unwrap_or_default())
    };
    let edit = move |f: &dyn Fn(&mut Item)| {
        rows.update(|r| {
            if let Some((_, i)) = r.iter_mut().find(|(k, _)| *k == row) {
                f(i);
            }
        })
    };
    let position = move || rows.with(|r| r.iter().position(|(k, _)| *k == row).unwrap_or(0));
    let label_text = move || {
        let l = get(|i| i.label.clone())();
        if l.trim().is_empty() {
            t_string!(i18n, handoff.item_n, n = position() + 1).to_string()
        } else {
            l
        }
    };
    let shift = move |down: bool| {
        rows.update(|r| {
            let Some(p) = r.iter().position(|(k, _)| *k == row) else { return };
            let q = if down { p + 1 } else { p.wrapping_sub(1) };
            if q < r.len() {
                r.swap(p, q);
            }
        })
    };
    let kind = move || rows.with(|r| r.iter().find(|(k, _)| *k == row).map(|(_, i)| i.kind)).unwrap_or(ItemKind::Text);
    let section =
        move || rows.with(|r| r.iter().find(|(k, _)| *k == row).map(|(_, i)| i.section)).unwrap_or(Section::Situation);
    let min_urgency = move || {
        rows.with(|r| r.iter().find(|(k, _)| *k == row).and_then(|(_, i)| i.when.as_ref().and_then(|w| w.min_urgency)))
    };
    let prefill = move || rows.with(|r| r.iter().find(|(k, _)| *k == row).and_then(|(_, i)| i.prefill));
    let set_when = move |f: &dyn Fn(&mut When)| {
        edit(&|i: &mut Item| {
            let mut w = i.when.clone().unwrap_or_default();
            f(&mut w);
            i.when = (!w.is_empty()).then_some(w);
        })
    };
    view! {
        <li class="editor-item" data-testid="item-editor">
            <fieldset>
                <legend>{label_text}</legend>
                <div class="inline-form">
                    <Pick label=|i| t_string!(i, handoff.f_section) testid="item-section"
                        options=Signal::derive(move || Section::ALL.into_iter().map(|s| (s.key().to_string(), section_label(i18n, s))).collect())
                        value=Signal::derive(move || section().key().to_string())
                        on_pick=Callback::new(move |v: String| if let Some(s) = Section::from_key(&v) { edit(&|i: &mut Item| i.section = s) })/>
                    <TextIn label=|i| t_string!(i, handoff.f_label) testid="item-label" grow=true
                        value=Signal::derive(get(|i| i.label.clone())) on_set=Callback::new(move |v: String| edit(&|i: &mut Item| i.label = v.clone()))/>
                    <Pick label=|i| t_string!(i, handoff.f_kind) testid="item-kind"
                        options=Signal::derive(move || ItemKind::ALL.into_iter().map(|k| (k.key().to_string(), kind_label(i18n, k))).collect())
                        value=Signal::derive(move || kind().key().to_string())
                        on_pick=Callback::new(move |v: String| if let Some(k) = ItemKind::from_key(&v) { edit(&|i: &mut Item| i.kind = k) })/>
                    <Show when=move || kind() == ItemKind::Choice>
                        <TextIn label=|i| t_string!(i, handoff.f_choices) testid="item-choices" lazy=true
                            value=Signal::derive(get(|i| i.choices.join(", "))) on_set=Callback::new(move |v: String| { let v = split_list(&v); edit(&|i: &mut Item| i.choices = v.clone()) })/>
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
                    <TextIn label=|i| t_string!(i, handoff.f_help) grow=true
                        value=Signal::derive(get(|i| i.help.clone())) on_set=Callback::new(move |v: String| edit(&|i: &mut Item| i.help = v.clone()))/>
                    <Pick label=|i| t_string!(i, handoff.f_min_urgency) testid="item-min-urgency"
                        options=Signal::derive(move || {
                            let mut o = vec![(String::new(), t_string!(i18n, handoff.any_urgency).to_string())];
                            o.extend(URGENCIES.iter().map(|u| (u.key().to_string(), urgency_label(i18n, *u))));
                            o
                        })
                        value=Signal::derive(move || min_urgency().map(|u| u.key().to_string()).unwrap_or_default())
                        on_pick=Callback::new(move |v: String| { let u = Urgency::from_key(&v); set_when(&|w: &mut When| w.min_urgency = u) })/>
                    <TextIn label=|i| t_string!(i, handoff.f_categories) testid="item-categories" lazy=true
                        value=Signal::derive(get(|i| i.when.as_ref().map(|w| w.categories.join(", ")).unwrap_or_default()))
                        on_set=Callback::new(move |v: String| { let v = split_list(&v); set_when(&|w: &mut When| w.categories = v.clone()) })/>
                    <Pick label=|i| t_string!(i, handoff.f_prefill)
                        options=Signal::derive(move || {
                            let mut o = vec![(String::new(), t_string!(i18n, handoff.prefill_none).to_string())];
                            o.extend(Prefill::ALL.into_iter().map(|p| (p.key().to_string(), prefill_label(i18n, p))));
                            o
                        })
                        value=Signal::derive(move || prefill().map(|p| p.key().to_string()).unwrap_or_default())
                        on_pick=Callback::new(move |v: String| { let p = Prefill::from_key(&v); edit(&|i: &mut Item| i.prefill = p) })/>
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
    m.mean
        .map(|v| format!("{} %", labels::fixed(v, 1)))
        .unwrap_or_else(|| t_string!(i18n, dashboard.no_data).to_string())
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
                        <Fig testid="fig-ho-complete" title=|i| t_string!(i, handoff.dash_complete) help=|i| t_string!(i, handoff.dash_complete_help)
                            lines=vec![(None, mean_percent(i18n, &s.completeness), "fig-ho-complete-value")]
                            n=n_of(i18n, s.completeness.n, s.completeness.of)/>
                        <Fig testid="fig-ho-bounce" title=|i| t_string!(i, handoff.dash_bounce) help=|i| t_string!(i, handoff.dash_bounce_help)
                            lines=vec![(None, rate(i18n, &s.bounce_back), "fig-ho-bounce-value")]
                            n=n_of(i18n, s.bounce_back.numerator, s.bounce_back.denominator)/>
                        <Fig testid="fig-ho-per-resolved" title=|i| t_string!(i, handoff.dash_per_resolved) help=|i| t_string!(i, handoff.dash_per_resolved_help)
                            lines=vec![(None, s.per_resolved.mean.map(|m| labels::fixed(m, 2)).unwrap_or_else(|| t_string!(i18n, dashboard.no_data).to_string()), "fig-ho-per-resolved-value")]
                            n=t_string!(i18n, handoff.dash_per_resolved_n, handoffs = s.resolved_handoffs, n = s.per_resolved.n).to_string()/>
                        <Fig testid="fig-ho-accept" title=|i| t_string!(i, handoff.dash_accept) help=|i| t_string!(i, handoff.dash_accept_help)
                            lines=vec![
                                (Some(t_string!(i18n, dashboard.median)), business(i18n, s.time_to_accept.median_secs), "fig-ho-accept-median"),
                                (Some(t_string!(i18n, dashboard.p90)), business(i18n, s.time_to_accept.p90_secs), "fig-ho-accept-p90"),
                            ]
                            n=n_of(i18n, s.time_to_accept.n, s.time_to_accept.of)/>
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

/// One figure card: its values (each with an optional word before it), n of N
/// (its test id is the card's with "-n") and what it means.
#[component]
fn Fig(
    testid: &'static str,
    title: fn(I18n) -> &'static str,
    help: fn(I18n) -> &'static str,
    lines: Vec<(Option<&'static str>, String, &'static str)>,
    n: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="figure" data-testid=testid>
            <h3>{tr(i18n, title)}</h3>
            {lines.into_iter().map(|(word, value, id)| view! {
                <p class="value">{word.map(|w| view! { <span>{w}" "</span> })}<strong data-testid=id>{value}</strong></p>
            }).collect_view()}
            <p class="n" data-testid=format!("{testid}-n")>{n}</p>
            <p class="help">{tr(i18n, help)}</p>
        </div>
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
