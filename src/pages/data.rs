//! Data: export and import of snapshots, CSV import of requests, and how
//! much browser storage is used.
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::components::export_workspace;
use crate::components::labels::{self, tr};
use crate::components::labels::{channel_label, status_label, urgency_label, I18n, CHANNELS, STATUSES, URGENCIES};
use crate::components::snapshot_import::{chosen_file, SnapshotImport};
use crate::domain::{apply, Command, Ctx, DataFlag, Workspace};
use crate::i18n::i18n::*;
use crate::persist::csv_import::{
    distinct_values, read_csv, suggest_mapping, validate_mapping, CsvError, CsvTable, ImportReport, Importer, Mapping,
    MappingProblem, RowNote, SkipReason, Target,
};
use crate::platform::{clock, files, quota, timer};
use crate::state::{use_app, AppState};

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="data-h">
            <h1 id="data-h">{tr(i18n, |i| t_string!(i, data.title))}</h1>
            <ExportCard/>
            <section class="card" aria-labelledby="import-json-h">
                <h2 id="import-json-h">{tr(i18n, |i| t_string!(i, data.import_json_title))}</h2>
                <p>{tr(i18n, |i| t_string!(i, data.import_json_help))}</p>
                <SnapshotImport/>
            </section>
            <CsvImportCard/>
            <StorageCard/>
        </section>
    }
}

#[component]
fn ExportCard() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let result = RwSignal::new(None::<Result<String, String>>);
    let export = move |_| {
        let r = app.workspace.with_untracked(|w| w.as_ref().map(export_workspace));
        result.set(r);
    };
    view! {
        <section class="card" aria-labelledby="export-h">
            <h2 id="export-h">{tr(i18n, |i| t_string!(i, data.export_title))}</h2>
            <p>{tr(i18n, |i| t_string!(i, data.export_help))}</p>
            <button type="button" class="primary" on:click=export data-testid="export">{tr(i18n, |i| t_string!(i, data.export_button))}</button>
            {move || result.get().map(|r| match r {
                Ok(name) => view! { <p class="ok" role="status">{t_string!(i18n, data.exported, file = name).to_string()}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}

fn target_label(i18n: I18n, t: Target) -> String {
    match t {
        Target::Ignore => t_string!(i18n, data.t_ignore),
        Target::ExternalId => t_string!(i18n, data.t_external_id),
        Target::Title => t_string!(i18n, data.t_title),
        Target::Description => t_string!(i18n, data.t_description),
        Target::CustomerName => t_string!(i18n, data.t_customer_name),
        Target::CustomerContact => t_string!(i18n, data.t_customer_contact),
        Target::Channel => t_string!(i18n, data.t_channel),
        Target::Category => t_string!(i18n, data.t_category),
        Target::Urgency => t_string!(i18n, data.t_urgency),
        Target::Status => t_string!(i18n, data.t_status),
        Target::Tags => t_string!(i18n, data.t_tags),
        Target::Preferences => t_string!(i18n, data.t_preferences),
        Target::CreatedAt => t_string!(i18n, data.t_created_at),
        Target::FirstResponseAt => t_string!(i18n, data.t_first_response_at),
        Target::ResolvedAt => t_string!(i18n, data.t_resolved_at),
        Target::ClosedAt => t_string!(i18n, data.t_closed_at),
        Target::Resolution => t_string!(i18n, data.t_resolution),
        Target::Satisfaction => t_string!(i18n, data.t_satisfaction),
    }
    .to_string()
}

/// A CSV file that cannot be read, in the reader's language.
fn csv_error_text(i18n: I18n, e: &CsvError) -> String {
    match e {
        CsvError::Empty { file } => t_string!(i18n, data.csv_error_empty, file = file.clone()).to_string(),
        CsvError::NotText { file } => t_string!(i18n, data.csv_error_not_text, file = file.clone()).to_string(),
        CsvError::NoRows { file } => t_string!(i18n, data.csv_error_no_rows, file = file.clone()).to_string(),
        CsvError::NoHeader { file, line } => {
            t_string!(i18n, data.csv_error_no_header, file = file.clone(), line = *line).to_string()
        }
        CsvError::Malformed { file, line, problem } => {
            t_string!(i18n, data.csv_error_malformed, file = file.clone(), line = *line, problem = problem.clone())
                .to_string()
        }
        CsvError::UnclosedQuote { file, line } => {
            t_string!(i18n, data.csv_error_unclosed_quote, file = file.clone(), line = *line).to_string()
        }
    }
}

/// The value words of a status, urgency or channel column's choices.
fn choices_text(i18n: I18n, t: Target) -> String {
    use crate::components::labels::{channel_label, status_label, urgency_label, CHANNELS, STATUSES, URGENCIES};
    let words: Vec<String> = match t {
        Target::Channel => CHANNELS.iter().map(|c| channel_label(i18n, *c)).collect(),
        Target::Urgency => URGENCIES.iter().map(|u| urgency_label(i18n, *u)).collect(),
        _ => STATUSES.iter().map(|s| status_label(i18n, *s)).collect(),
    };
    words.join(" / ")
}

fn quoted_list(items: &[String]) -> String {
    items.iter().map(|h| format!("“{h}”")).collect::<Vec<_>>().join(", ")
}

/// Why a mapping cannot be used yet, in the reader's language.
fn mapping_problem_text(i18n: I18n, p: &MappingProblem) -> String {
    match p {
        MappingProblem::ColumnCount { headers, targets } => {
            t_string!(i18n, data.map_column_count, headers = *headers, targets = *targets).to_string()
        }
        MappingProblem::RequiredNotMapped { target, headers } => {
            t_string!(i18n, data.map_required, target = target_label(i18n, *target), columns = quoted_list(headers))
                .to_string()
        }
        MappingProblem::MappedTwice { target, columns } => {
            t_string!(i18n, data.map_twice, target = target_label(i18n, *target), columns = quoted_list(columns))
                .to_string()
        }
        MappingProblem::UnmappedValue { column, target, value, rows } => t_string!(
            i18n,
            data.map_unmapped_value,
            column = column.clone(),
            target = target_label(i18n, *target),
            value = value.clone(),
            rows = *rows,
            choices = choices_text(i18n, *target)
        )
        .to_string(),
        MappingProblem::NoReadableTimes { column, target, example } => t_string!(
            i18n,
            data.map_no_times,
            column = column.clone(),
            target = target_label(i18n, *target),
            example = example.clone()
        )
        .to_string(),
        MappingProblem::BadOffset { minutes } => t_string!(i18n, data.map_bad_offset, minutes = *minutes).to_string(),
    }
}

fn flag_label(i18n: I18n, f: DataFlag) -> String {
    match f {
        DataFlag::ResolvedBeforeFirstResponse => t_string!(i18n, data.flag_resolved_before_first_response),
        DataFlag::EndsBeforeCreated => t_string!(i18n, data.flag_ends_before_created),
    }
    .to_string()
}

fn note_label(i18n: I18n, n: &RowNote) -> String {
    match n {
        RowNote::TitleFromDescription => t_string!(i18n, data.note_title_from_description).to_string(),
        RowNote::TitleShortened => t_string!(i18n, data.note_title_shortened).to_string(),
        RowNote::UnreadableTime { column } => {
            t_string!(i18n, data.note_unreadable_time, column = column.clone()).to_string()
        }
        RowNote::UnreadableRating => t_string!(i18n, data.note_unreadable_rating).to_string(),
        RowNote::RatingOutOfRange => t_string!(i18n, data.note_rating_out_of_range).to_string(),
        RowNote::ExtraCells => t_string!(i18n, data.note_extra_cells).to_string(),
        RowNote::MissingCell { column } => t_string!(i18n, data.note_missing_cell, column = column.clone()).to_string(),
    }
}

fn skip_label(i18n: I18n, s: SkipReason) -> String {
    match s {
        SkipReason::EmptyRow => t_string!(i18n, data.skip_empty_row),
        SkipReason::NoTitle => t_string!(i18n, data.skip_no_title),
        SkipReason::DuplicateExternalId => t_string!(i18n, data.skip_duplicate_external_id),
    }
    .to_string()
}

/// "12, 40, 41 … (1,365 rows)".
fn row_list(rows: &[usize]) -> String {
    const SHOWN: usize = 20;
    let mut text = rows.iter().take(SHOWN).map(|r| r.to_string()).collect::<Vec<_>>().join(", ");
    if rows.len() > SHOWN {
        text.push_str(", …");
    }
    text
}

#[derive(Clone, PartialEq)]
enum CsvStep {
    Choose,
    Map,
    Running { done: usize, total: usize },
    Done(Box<ImportReport>),
}

#[component]
fn CsvImportCard() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let table = StoredValue::new(None::<CsvTable>);
    let mapping = RwSignal::new(None::<Mapping>);
    let step = RwSignal::new(CsvStep::Choose);
    let error = RwSignal::new(None::<String>);
    // Something worth knowing about the file that is not an error.
    let note = RwSignal::new(None::<String>);
    let problems = RwSignal::new(Vec::<String>::new());
    let into_new = RwSignal::new(true);
    let headers = RwSignal::new(Vec::<String>::new());

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        error.set(None);
        note.set(None);
        problems.set(Vec::new());
        step.set(CsvStep::Choose);
        spawn_local(async move {
            let name = file.name();
            let text = match files::read_text_any(&file).await {
                Ok((t, None)) => t,
                Ok((t, Some(encoding))) => {
                    note.set(Some(
                        t_string!(i18n, data.encoding_note, file = name.clone(), encoding = encoding).to_string(),
                    ));
                    t
                }
                Err(e) => return error.set(Some(e)),
            };
            match read_csv(&name, &text) {
                Ok(t) => {
                    let mut m = suggest_mapping(&t);
                    m.utc_offset_minutes = clock::local_offset_minutes(clock::now());
                    headers.set(t.headers.clone());
                    table.set_value(Some(t));
                    mapping.set(Some(m));
                    step.set(CsvStep::Map);
                }
                Err(e) => {
                    // A binary file was not "read as GB18030" in any useful sense.
                    if matches!(e, CsvError::NotText { .. }) {
                        note.set(None);
                    }
                    error.set(Some(csv_error_text(i18n, &e)));
                }
            }
        });
    };

    let set_target = move |col: usize, target: Target| {
        mapping.update(|m| {
            if let Some(m) = m.as_mut() {
                if let Some(slot) = m.columns.get_mut(col) {
                    *slot = target;
                }
            }
        });
        // Value maps for newly chosen channel/urgency/status columns.
        let suggestion = table.with_value(|t| {
            t.as_ref().map(|t| {
                let mut cols = mapping.get_untracked().map(|m| m.columns).unwrap_or_default();
                let mut s = suggest_mapping(t);
                std::mem::swap(&mut s.columns, &mut cols);
                s
            })
        });
        if let Some(s) = suggestion {
            mapping.update(|m| {
                if let Some(m) = m.as_mut() {
                    for (k, v) in s.channel_values {
                        m.channel_values.entry(k).or_insert(v);
                    }
                    for (k, v) in s.urgency_values {
                        m.urgency_values.entry(k).or_insert(v);
                    }
                    for (k, v) in s.status_values {
                        m.status_values.entry(k).or_insert(v);
                    }
                }
            });
        }
    };

    // Distinct values of the columns that need a value mapping.
    let value_columns = Memo::new(move |_| {
        let Some(m) = mapping.get() else { return Vec::new() };
        table.with_value(|t| {
            let Some(t) = t else { return Vec::new() };
            m.columns
                .iter()
                .enumerate()
                .filter(|(_, target)| matches!(target, Target::Channel | Target::Urgency | Target::Status))
                .map(|(i, target)| {
                    let values =
                        distinct_values(t, i).into_iter().filter(|(v, _)| !v.trim().is_empty()).collect::<Vec<_>>();
                    (i, *target, t.headers.get(i).cloned().unwrap_or_default(), values)
                })
                .collect::<Vec<_>>()
        })
    });

    let run = move |_| {
        let Some(m) = mapping.get_untracked() else { return };
        let checked = table.with_value(|t| t.as_ref().map(|t| validate_mapping(t, &m)));
        match checked {
            None => return,
            Some(Err(list)) => {
                problems.set(list.iter().map(|p| mapping_problem_text(i18n, p)).collect());
                return;
            }
            Some(Ok(())) => problems.set(Vec::new()),
        }
        let Some(t) = table.with_value(|t| t.clone()) else { return };
        let new_ws = into_new.get_untracked() || app.workspace.with_untracked(|w| w.is_none());
        spawn_local(async move { import_rows(i18n, app, t, m, new_ws, step, error).await });
    };

    let offset_hours = move || mapping.with(|m| m.as_ref().map_or(0, |m| m.utc_offset_minutes));

    view! {
        <section class="card" aria-labelledby="csv-h">
            <h2 id="csv-h">{tr(i18n, |i| t_string!(i, data.csv_title))}</h2>
            <p>{tr(i18n, |i| t_string!(i, data.csv_help))}</p>
            <label class="file">
                <span>{tr(i18n, |i| t_string!(i, data.csv_choose))}</span>
                <input type="file" accept=".csv,text/csv" on:change=on_file data-testid="import-csv"/>
            </label>
            <p class="error" role="alert" data-testid="csv-error">{move || error.get()}</p>
            {move || note.get().map(|n| view! { <p class="note" role="status" data-testid="csv-note">{n}</p> })}
            <Show when=move || step.get() == CsvStep::Map>
                <div class="csv-mapping" data-testid="csv-mapping">
                    <h3>{tr(i18n, |i| t_string!(i, data.csv_columns))}</h3>
                    <p class="help">{tr(i18n, |i| t_string!(i, data.csv_columns_help))}</p>
                    <table class="plain-table">
                        <thead><tr>
                            <th scope="col">{tr(i18n, |i| t_string!(i, data.csv_column))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, data.csv_example))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, data.csv_holds))}</th>
                        </tr></thead>
                        <tbody>
                            {move || headers.get().into_iter().enumerate().map(|(i, h)| {
                                let example = table.with_value(|t| t.as_ref()
                                    .and_then(|t| t.rows.iter().find_map(|r| r.fields.get(i).filter(|v| !v.trim().is_empty()).cloned()))
                                    .map(|v| v.chars().take(40).collect::<String>())
                                    .unwrap_or_default());
                                let current = move || mapping.with(|m| m.as_ref().and_then(|m| m.columns.get(i).copied()).unwrap_or(Target::Ignore));
                                let label = t_string!(i18n, data.csv_holds_label, column = h.clone()).to_string();
                                view! {
                                    <tr>
                                        <th scope="row">{h.clone()}</th>
                                        <td class="muted">{example}</td>
                                        <td>
                                            <select aria-label=label data-testid=format!("map-{i}") on:change=move |ev| {
                                                let v = event_target_value(&ev);
                                                if let Some(t) = Target::ALL.iter().find(|t| t.key() == v) { set_target(i, *t) }
                                            }>
                                                {Target::ALL.iter().map(|t| {
                                                    let t = *t;
                                                    view! { <option value=t.key() selected=move || current() == t>{target_label(i18n, t)}</option> }
                                                }).collect_view()}
                                            </select>
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    <For each=move || value_columns.get() key=|(i, t, _, v)| (*i, *t, v.len()) children=move |(_, target, header, values)| {
                        view! {
                            <fieldset class="value-map">
                                <legend>{t_string!(i18n, data.csv_values_of, column = header.clone()).to_string()}</legend>
                                {values.into_iter().map(|(value, count)| {
                                    let v = value.trim().to_string();
                                    let label = format!("{v} ({count})");
                                    let v_sel = v.clone();
                                    let selected_key = Signal::derive(move || mapping.with(|m| m.as_ref().and_then(|m| match target {
                                        Target::Channel => m.channel_values.get(&v_sel).map(|c| c.key().to_string()),
                                        Target::Urgency => m.urgency_values.get(&v_sel).map(|u| u.key().to_string()),
                                        _ => m.status_values.get(&v_sel).map(|s| s.key().to_string()),
                                    })).unwrap_or_default());
                                    let v_set = v.clone();
                                    let on_change = move |ev| {
                                        let key = event_target_value(&ev);
                                        let v = v_set.clone();
                                        mapping.update(|m| if let Some(m) = m.as_mut() {
                                            match target {
                                                Target::Channel => match crate::domain::Channel::from_key(&key) {
                                                    Some(c) => { m.channel_values.insert(v, c); }
                                                    None => { m.channel_values.remove(&v); }
                                                },
                                                Target::Urgency => match crate::domain::Urgency::from_key(&key) {
                                                    Some(u) => { m.urgency_values.insert(v, u); }
                                                    None => { m.urgency_values.remove(&v); }
                                                },
                                                _ => match crate::domain::Status::from_key(&key) {
                                                    Some(s) => { m.status_values.insert(v, s); }
                                                    None => { m.status_values.remove(&v); }
                                                },
                                            }
                                        });
                                    };
                                    let options: Vec<(String, String)> = match target {
                                        Target::Channel => CHANNELS.iter().map(|c| (c.key().to_string(), channel_label(i18n, *c))).collect(),
                                        Target::Urgency => URGENCIES.iter().map(|u| (u.key().to_string(), urgency_label(i18n, *u))).collect(),
                                        _ => STATUSES.iter().map(|s| (s.key().to_string(), status_label(i18n, *s))).collect(),
                                    };
                                    view! {
                                        <label class="value-row">
                                            <span>{label}</span>
                                            <select on:change=on_change>
                                                <option value="" selected=move || selected_key.get().is_empty()>{tr(i18n, |i| t_string!(i, data.csv_value_unset))}</option>
                                                {options.into_iter().map(|(k, l)| {
                                                    let k2 = k.clone();
                                                    view! { <option value=k selected=move || selected_key.get() == k2>{l}</option> }
                                                }).collect_view()}
                                            </select>
                                        </label>
                                    }
                                }).collect_view()}
                            </fieldset>
                        }
                    }/>
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, data.csv_offset))}</span>
                        <input type="number" step="0.5" min="-18" max="18" prop:value=move || hours_text(offset_hours())
                            on:change=move |ev| {
                                if let Some(minutes) = crate::persist::csv_import::offset_minutes_from_hours(&event_target_value(&ev)) {
                                    mapping.update(|m| if let Some(m) = m.as_mut() { m.utc_offset_minutes = minutes });
                                }
                            }/>
                    </label>
                    <fieldset>
                        <legend>{tr(i18n, |i| t_string!(i, data.csv_where))}</legend>
                        <label class="radio">
                            <input type="radio" name="csv-dest" checked=move || into_new.get() on:change=move |_| into_new.set(true)/>
                            {tr(i18n, |i| t_string!(i, data.csv_into_new))}
                        </label>
                        <label class="radio">
                            <input type="radio" name="csv-dest" checked=move || !into_new.get() on:change=move |_| into_new.set(false) data-testid="csv-into-current"/>
                            {tr(i18n, |i| t_string!(i, data.csv_into_current))}
                        </label>
                    </fieldset>
                    {move || {
                        let list = problems.get();
                        (!list.is_empty()).then(|| view! {
                            <div class="error-box" role="alert" data-testid="csv-problems">
                                <p><strong>{tr(i18n, |i| t_string!(i, data.csv_problems))}</strong></p>
                                <ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                            </div>
                        })
                    }}
                    <button type="button" class="primary" on:click=run data-testid="csv-run">{tr(i18n, |i| t_string!(i, data.csv_run))}</button>
                </div>
            </Show>
            {move || match step.get() {
                CsvStep::Running { done, total } => Some(view! {
                    <div class="progress" role="status" data-testid="csv-progress">
                        <label>
                            <span>{t_string!(i18n, data.csv_progress, done = done, total = total).to_string()}</span>
                            <progress max=total.to_string() value=done.to_string()></progress>
                        </label>
                    </div>
                }.into_any()),
                CsvStep::Done(report) => Some(view! { <Report report=*report/> }.into_any()),
                _ => None,
            }}
        </section>
    }
}

async fn import_rows(
    i18n: I18n,
    app: AppState,
    table: CsvTable,
    mapping: Mapping,
    new_ws: bool,
    step: RwSignal<CsvStep>,
    error: RwSignal<Option<String>>,
) {
    let file_name = table.file_name.clone();
    let mut importer = match Importer::new(table, mapping) {
        Ok(i) => i,
        Err(list) => {
            error.set(Some(list.iter().map(|p| mapping_problem_text(i18n, p)).collect::<Vec<_>>().join("; ")));
            return;
        }
    };
    let (_, total) = importer.progress();
    step.set(CsvStep::Running { done: 0, total });
    // Slices of rows with a pause between them keep the page responsive.
    loop {
        let finished = importer.step(1_000);
        let (done, total) = importer.progress();
        step.set(CsvStep::Running { done, total });
        if finished {
            break;
        }
        timer::sleep_ms(0).await;
    }
    let (items, report) = importer.finish();
    let cmd = Command::ImportRequests(items);
    if new_ws {
        let now = clock::now();
        let stem = file_name.rsplit_once('.').map(|(s, _)| s.to_string()).unwrap_or(file_name.clone());
        let built = AppState::with_ids(|ids| {
            let mut ws = Workspace::with_default_departments(ids, &stem, now);
            let mut ctx = Ctx::new(now, None, ids);
            apply(&mut ws, cmd, &mut ctx).map(|_| ws)
        });
        match built {
            Ok(ws) => app.adopt_new(ws).await,
            Err(e) => return error.set(Some(crate::components::labels::command_error_text(i18n, &e))),
        }
    } else if let Err(e) = app.dispatch(cmd) {
        return error.set(Some(crate::components::labels::command_error_text(i18n, &e)));
    }
    step.set(CsvStep::Done(Box::new(report)));
}

#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let flagged: Vec<_> =
        report.flagged.iter().map(|(f, rows)| (flag_label(i18n, *f), rows.len(), row_list(rows))).collect();
    let notes: Vec<_> =
        report.notes.iter().map(|(n, rows)| (note_label(i18n, n), rows.len(), row_list(rows))).collect();
    let skipped: Vec<_> =
        report.skipped.iter().map(|(s, rows)| (skip_label(i18n, *s), rows.len(), row_list(rows))).collect();
    let section = move |title: String, items: Vec<(String, usize, String)>, testid: &'static str| {
        (!items.is_empty()).then(|| view! {
            <h4>{title}</h4>
            <ul data-testid=testid>
                {items.into_iter().map(|(label, n, rows)| view! {
                    <li><strong>{label}</strong>": "<span class="n">{n}</span>" — "{t_string!(i18n, data.report_rows, rows = rows).to_string()}</li>
                }).collect_view()}
            </ul>
        })
    };
    view! {
        <div class="report" role="status" data-testid="csv-report">
            <h3>{t_string!(i18n, data.report_title, file = report.file_name.clone()).to_string()}</h3>
            <dl class="figures-inline">
                <dt>{tr(i18n, |i| t_string!(i, data.report_read))}</dt><dd data-testid="report-read">{report.rows_read}</dd>
                <dt>{tr(i18n, |i| t_string!(i, data.report_imported))}</dt><dd data-testid="report-imported">{report.imported}</dd>
                <dt>{tr(i18n, |i| t_string!(i, data.report_flagged))}</dt><dd data-testid="report-flagged">{report.flagged.values().map(Vec::len).sum::<usize>()}</dd>
                <dt>{tr(i18n, |i| t_string!(i, data.report_skipped))}</dt><dd data-testid="report-skipped">{report.skipped_count()}</dd>
            </dl>
            {section(t_string!(i18n, data.report_flagged_by).to_string(), flagged, "report-flags")}
            {section(t_string!(i18n, data.report_notes_by).to_string(), notes, "report-notes")}
            {section(t_string!(i18n, data.report_skipped_by).to_string(), skipped, "report-skips")}
            <p><A href="/dashboard">{tr(i18n, |i| t_string!(i, data.report_dashboard))}</A></p>
        </div>
    }
}

#[component]
fn StorageCard() -> impl IntoView {
    let i18n = use_i18n();
    let estimate = RwSignal::new(None::<quota::Estimate>);
    let persisted = RwSignal::new(None::<bool>);
    let refresh = move || {
        spawn_local(async move {
            estimate.set(quota::estimate().await);
            persisted.set(Some(quota::is_persisted().await));
        })
    };
    refresh();
    let ask = move |_| {
        spawn_local(async move {
            let granted = quota::request_persist().await;
            persisted.set(Some(granted));
            estimate.set(quota::estimate().await);
        })
    };
    let mb = |bytes: f64| format!("{} MB", labels::fixed(bytes / 1_048_576.0, 1));
    view! {
        <section class="card" aria-labelledby="storage-h">
            <h2 id="storage-h">{tr(i18n, |i| t_string!(i, data.storage_title))}</h2>
            <p data-testid="storage-use">{move || match estimate.get() {
                Some(e) => t_string!(i18n, data.storage_use, used = mb(e.used), available = mb((e.quota - e.used).max(0.0))).to_string(),
                None => t_string!(i18n, data.storage_unknown).to_string(),
            }}</p>
            <p data-testid="storage-persisted">{move || match persisted.get() {
                Some(true) => t_string!(i18n, data.persist_granted).to_string(),
                Some(false) => t_string!(i18n, data.persist_not_granted).to_string(),
                None => String::new(),
            }}</p>
            <button type="button" on:click=ask data-testid="persist">{tr(i18n, |i| t_string!(i, data.persist_ask))}</button>
        </section>
    }
}

/// Minutes as hours the way a person types them: "8", "-5", "5.5", "5.75".
fn hours_text(minutes: i32) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.unsigned_abs();
    let hundredths = (m % 60 * 100 + 30) / 60;
    if hundredths == 0 {
        format!("{sign}{}", m / 60)
    } else {
        let frac = format!("{hundredths:02}");
        format!("{sign}{}.{}", m / 60, frac.trim_end_matches('0'))
    }
}
