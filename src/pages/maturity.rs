//! Maturity self-assessments (协同成熟度评估): the rounds of this workspace,
//! starting a round, and the models (built-in, written here, imported).
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::components::labels::{command_error_text, fmt_time, tr, I18n};
use crate::components::snapshot_import::chosen_file;
use crate::domain::maturity::{
    Dimension, Lang, MaturityModel, Question, QuestionKind, RoundSpec, TeamRef, Text, COLLABORATION_MODEL_ID,
};
use crate::domain::{Command, Id};
use crate::i18n::i18n::*;
use crate::persist::maturity_atos::{import_atos, AtosNote};
use crate::persist::maturity_model::{export_model, import_model};
use crate::platform::files;
use crate::state::{use_app, AppState};

/// The interface language as a model text language.
pub fn lang_of(i18n: I18n) -> Lang {
    match i18n.get_locale() {
        Locale::zh => Lang::Zh,
        Locale::en => Lang::En,
    }
}

/// Every model offered for a new round: the built-in one (stored or not)
/// and the newest version of each other stored model.
fn offered_models(app: AppState) -> Vec<MaturityModel> {
    app.workspace.with(|w| {
        let Some(ws) = w else { return Vec::new() };
        let mut ids: Vec<Id> = vec![COLLABORATION_MODEL_ID];
        for m in &ws.maturity_models {
            if !ids.contains(&m.id) {
                ids.push(m.id);
            }
        }
        ids.into_iter().filter_map(|id| ws.maturity_model(id).map(|m| m.into_owned())).collect()
    })
}

#[component]
pub fn MaturityPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="maturity-h">
            <h1 id="maturity-h">{tr(i18n, |i| t_string!(i, maturity.title))}</h1>
            <p class="help">{tr(i18n, |i| t_string!(i, maturity.intro))}</p>
            <Rounds/>
            <NewRound/>
            <Models/>
        </section>
    }
}

#[component]
fn Rounds() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = move || {
        let lang = lang_of(i18n);
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            let mut rows: Vec<_> = ws
                .maturity_rounds
                .iter()
                .map(|r| {
                    let model = ws.model_of(r).map(|m| m.name.get(lang).to_string()).unwrap_or_default();
                    (
                        r.id(),
                        r.team().name.clone(),
                        r.period().to_string(),
                        model,
                        r.response_count(),
                        r.min_responses(),
                        r.is_anonymous(),
                        fmt_time(r.created_at()),
                    )
                })
                .collect();
            rows.reverse();
            rows
        })
    };
    view! {
        <section class="card" aria-labelledby="rounds-h">
            <h2 id="rounds-h">{tr(i18n, |i| t_string!(i, maturity.rounds))}</h2>
            <Show when=move || !rows().is_empty() fallback=move || view! {
                <p class="empty-note" data-testid="no-rounds">{tr(i18n, |i| t_string!(i, maturity.no_rounds))}</p>
            }>
                <div class="table-wrap">
                    <table class="plain-table" data-testid="round-list">
                        <thead><tr>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.col_team))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.col_period))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.col_model))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.col_responses))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.col_started))}</th>
                        </tr></thead>
                        <tbody>
                            <For each=rows key=|r| r.clone() children=move |(id, team, period, model, count, min, anonymous, started)| {
                                let responses = t_string!(i18n, maturity.responses_of, count = count, min = min).to_string();
                                view! {
                                    <tr data-testid="round-row">
                                        <td><A href=format!("/maturity/round/{id}")>{team}</A></td>
                                        <td>{period}{anonymous.then(|| view! { " " <span class="badge">{tr(i18n, |i| t_string!(i, maturity.anonymous))}</span> })}</td>
                                        <td>{model}</td>
                                        <td>{responses}</td>
                                        <td>{started}</td>
                                    </tr>
                                }
                            }/>
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn NewRound() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = leptos_router::hooks::use_navigate();
    let model = RwSignal::new(COLLABORATION_MODEL_ID.to_string());
    let team = RwSignal::new(String::new());
    let period = RwSignal::new(String::new());
    let anonymous = RwSignal::new(false);
    let min = RwSignal::new("3".to_string());
    let error = RwSignal::new(None::<String>);
    // Teams first, then departments: a round assesses either.
    let teams = move || {
        app.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            let mut out: Vec<(Id, String)> = ws.teams.iter().map(|t| (t.id, t.name.clone())).collect();
            out.extend(ws.departments.iter().map(|d| (d.id, crate::components::labels::department_name(i18n, d))));
            out
        })
    };
    let models = move || {
        let lang = lang_of(i18n);
        offered_models(app).into_iter().map(|m| (m.id, m.name.get(lang).to_string())).collect::<Vec<_>>()
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((team_id, team_name)) =
            Id::parse_str(&team.get_untracked()).ok().and_then(|id| teams().into_iter().find(|(t, _)| *t == id))
        else {
            return error.set(Some(t_string!(i18n, maturity.pick_team).to_string()));
        };
        let Ok(model) = Id::parse_str(&model.get_untracked()) else { return };
        let Ok(min) = min.get_untracked().trim().parse::<u32>() else {
            return error.set(Some(t_string!(i18n, maturity.error_min).to_string()));
        };
        let mut spec =
            RoundSpec::new(TeamRef { id: team_id, name: team_name }, &period.get_untracked()).min_responses(min);
        spec.anonymous = anonymous.get_untracked();
        match app.dispatch(Command::StartRound { model, spec }) {
            Ok(_) => {
                error.set(None);
                let id = app
                    .workspace
                    .with_untracked(|w| w.as_ref().and_then(|ws| ws.maturity_rounds.last().map(|r| r.id())));
                if let Some(id) = id {
                    navigate(&format!("/maturity/round/{id}"), Default::default());
                }
            }
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    view! {
        <form class="card" aria-labelledby="new-round-h" on:submit=start data-testid="new-round">
            <h2 id="new-round-h">{tr(i18n, |i| t_string!(i, maturity.new_round))}</h2>
            <div class="inline-form">
                <label>
                    <span>{tr(i18n, |i| t_string!(i, maturity.col_model))}</span>
                    <select on:change=move |ev| model.set(event_target_value(&ev)) data-testid="round-model">
                        <For each=models key=|m| m.clone() children=move |(id, name)| {
                            let v = id.to_string();
                            let sel = v == model.get_untracked();
                            view! { <option value=v selected=sel>{name}</option> }
                        }/>
                    </select>
                </label>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, maturity.col_team))}</span>
                    <select on:change=move |ev| team.set(event_target_value(&ev)) data-testid="round-team">
                        <option value="">{tr(i18n, |i| t_string!(i, detail.choose))}</option>
                        <For each=teams key=|t| t.clone() children=|(id, name)| view! { <option value=id.to_string()>{name}</option> }/>
                    </select>
                </label>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, maturity.col_period))}</span>
                    <input type="text" placeholder="2026 Q4" prop:value=move || period.get() on:input=move |ev| period.set(event_target_value(&ev)) data-testid="round-period"/>
                </label>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, maturity.min_responses))}</span>
                    <input type="number" min="1" class="narrow" prop:value=move || min.get() on:input=move |ev| min.set(event_target_value(&ev)) data-testid="round-min"/>
                </label>
                <label class="check">
                    <input type="checkbox" prop:checked=move || anonymous.get() on:change=move |ev| anonymous.set(event_target_checked(&ev)) data-testid="round-anonymous"/>
                    <span>{tr(i18n, |i| t_string!(i, maturity.anonymous_round))}</span>
                </label>
            </div>
            <p class="help">{tr(i18n, |i| t_string!(i, maturity.anonymous_help))}</p>
            <p class="error" role="alert" data-testid="round-error">{move || error.get()}</p>
            <button type="submit" class="primary" data-testid="start-round">{tr(i18n, |i| t_string!(i, maturity.start_round))}</button>
        </form>
    }
}

/// A small model to start writing one's own: one dimension, one question.
fn skeleton(i18n: I18n) -> MaturityModel {
    let level = |n: u8| Text::new(&format!("Level {n}"), &format!("第 {n} 级"));
    MaturityModel {
        id: Id::nil(),
        name: Text::new(t_string!(i18n, maturity.new_model_name), t_string!(i18n, maturity.new_model_name)),
        description: Text::default(),
        version: 1,
        source: String::new(),
        dimensions: vec![Dimension {
            key: "d1".into(),
            name: Text::new("Dimension 1", "维度 1"),
            description: Text::default(),
            questions: vec![Question {
                key: "d1.q1".into(),
                text: Text::new("Question 1", "问题 1"),
                kind: QuestionKind::Scale { levels: [level(1), level(2), level(3), level(4), level(5)] },
            }],
            actions: Vec::new(),
        }],
    }
}

/// A note of the questionnaire importer, in the reader's language.
fn atos_note_text(i18n: I18n, n: &AtosNote) -> String {
    let list = |v: &[String]| v.join(", ");
    match n {
        AtosNote::BannerSkipped { section, question, .. } => {
            t_string!(i18n, maturity.note_banner, section = section.clone(), question = *question).to_string()
        }
        AtosNote::NothingToScore { section } => {
            t_string!(i18n, maturity.note_nothing, section = section.clone()).to_string()
        }
        AtosNote::MarkupRemoved { place, .. } => {
            t_string!(i18n, maturity.note_markup, place = place.clone()).to_string()
        }
        AtosNote::StandardScale { section, questions } => t_string!(
            i18n,
            maturity.note_standard_scale,
            section = section.clone(),
            questions = questions.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
        )
        .to_string(),
        AtosNote::SubCategories { section, names } => {
            t_string!(i18n, maturity.note_subcategories, section = section.clone(), names = list(names)).to_string()
        }
        AtosNote::SameScore { section, question, .. } => {
            t_string!(i18n, maturity.note_same_score, section = section.clone(), question = *question).to_string()
        }
        AtosNote::UnknownField { place, field } => {
            t_string!(i18n, maturity.note_unknown_field, place = place.clone(), field = field.clone()).to_string()
        }
        AtosNote::CommentsKept { count } => t_string!(i18n, maturity.note_comments, count = *count).to_string(),
        AtosNote::Reordered { order } => t_string!(i18n, maturity.note_reordered, order = list(order)).to_string(),
        AtosNote::SharedSpiderPos { position, sections } => {
            t_string!(i18n, maturity.note_shared_position, position = *position, sections = list(sections)).to_string()
        }
        AtosNote::NoSpiderPos { section } => {
            t_string!(i18n, maturity.note_no_position, section = section.clone()).to_string()
        }
        AtosNote::Weighting => t_string!(i18n, maturity.note_weighting).to_string(),
    }
}

#[component]
fn Models() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let report = RwSignal::new(None::<(String, Vec<String>)>);
    let rows = move || {
        let lang = lang_of(i18n);
        offered_models(app)
            .into_iter()
            .map(|m| {
                let questions = m.question_count();
                (m.id, m.name.get(lang).to_string(), m.version, m.dimensions.len(), questions, m.source.clone())
            })
            .collect::<Vec<_>>()
    };
    let add = move |model: MaturityModel| match app.dispatch(Command::AddMaturityModel(model)) {
        Ok(_) => {
            error.set(None);
            true
        }
        Err(e) => {
            error.set(Some(command_error_text(i18n, &e)));
            false
        }
    };
    let on_model_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        spawn_local(async move {
            let name = file.name();
            let text = match files::read_text(&file).await {
                Ok(t) => t,
                Err(e) => return error.set(Some(e)),
            };
            match import_model(&text, Id::nil()) {
                Ok(model) => {
                    if add(model) {
                        report
                            .set(Some((t_string!(i18n, maturity.model_imported, file = name).to_string(), Vec::new())));
                    }
                }
                Err(e) => error.set(Some(format!("{name}: {e}"))),
            }
        });
    };
    let on_atos_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        spawn_local(async move {
            let name = file.name();
            let text = match files::read_text(&file).await {
                Ok(t) => t,
                Err(e) => return error.set(Some(e)),
            };
            match import_atos(&name, &text, Id::nil()) {
                Ok(import) => {
                    let r = &import.report;
                    let headline = t_string!(
                        i18n,
                        maturity.atos_report,
                        file = name.clone(),
                        sections = r.sections,
                        entries = r.entries,
                        imported = r.imported,
                        banners = r.banners
                    )
                    .to_string();
                    let notes = r.notes.iter().map(|n| atos_note_text(i18n, n)).collect();
                    if add(import.model) {
                        report.set(Some((headline, notes)));
                    }
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let export = move |id: Id| {
        let model =
            app.workspace.with_untracked(|w| w.as_ref().and_then(|ws| ws.maturity_model(id).map(|m| m.into_owned())));
        let Some(model) = model else { return };
        match export_model(&model) {
            Ok(text) => {
                let stem = files::safe_file_stem(model.name.get(lang_of(i18n)));
                if let Err(e) = files::download_text(&format!("{stem}.baton-model.json"), "application/json", &text) {
                    error.set(Some(e));
                }
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let copy = move |id: Id| {
        let model =
            app.workspace.with_untracked(|w| w.as_ref().and_then(|ws| ws.maturity_model(id).map(|m| m.into_owned())));
        if let Some(mut model) = model {
            let suffix = t_string!(i18n, maturity.copy_suffix).to_string();
            model.name = Text::new(&format!("{} {suffix}", model.name.en), &format!("{} {suffix}", model.name.zh));
            add(model);
        }
    };
    view! {
        <section class="card" aria-labelledby="models-h">
            <h2 id="models-h">{tr(i18n, |i| t_string!(i, maturity.models))}</h2>
            <div class="table-wrap">
                <table class="plain-table" data-testid="model-list">
                    <thead><tr>
                        <th scope="col">{tr(i18n, |i| t_string!(i, maturity.col_model))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, maturity.col_version))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, maturity.col_size))}</th>
                        <th scope="col"><span class="sr-only">{tr(i18n, |i| t_string!(i, routing.col_actions))}</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=rows key=|r| r.clone() children=move |(id, name, version, dims, questions, source)| {
                            let builtin = id == COLLABORATION_MODEL_ID;
                            let size = t_string!(i18n, maturity.model_size, dimensions = dims, questions = questions).to_string();
                            let export_label = t_string!(i18n, maturity.export_model_of, name = name.clone()).to_string();
                            let copy_label = t_string!(i18n, maturity.copy_model_of, name = name.clone()).to_string();
                            view! {
                                <tr data-testid="model-row">
                                    <td>
                                        <A href=format!("/maturity/model/{id}")>{name.clone()}</A>
                                        {builtin.then(|| view! { " " <span class="badge">{tr(i18n, |i| t_string!(i, maturity.builtin))}</span> })}
                                        {(!source.is_empty()).then(|| view! { <br/><span class="muted">{source.lines().next().unwrap_or_default().to_string()}</span> })}
                                    </td>
                                    <td>{version}</td>
                                    <td>{size}</td>
                                    <td class="row-actions">
                                        <button type="button" aria-label=export_label on:click=move |_| export(id)>{tr(i18n, |i| t_string!(i, maturity.export_model))}</button>
                                        <button type="button" aria-label=copy_label on:click=move |_| copy(id)>{tr(i18n, |i| t_string!(i, maturity.copy_model))}</button>
                                    </td>
                                </tr>
                            }
                        }/>
                    </tbody>
                </table>
            </div>
            <div class="actions">
                <button type="button" data-testid="new-model" on:click=move |_| { add(skeleton(i18n)); }>{tr(i18n, |i| t_string!(i, maturity.new_model))}</button>
            </div>
            <label>
                <span>{tr(i18n, |i| t_string!(i, maturity.import_model))}</span>
                <input type="file" accept=".json,application/json" on:change=on_model_file data-testid="import-model"/>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, maturity.import_atos))}</span>
                <input type="file" accept=".json,application/json" on:change=on_atos_file data-testid="import-atos"/>
            </label>
            <p class="help">{tr(i18n, |i| t_string!(i, maturity.import_help))}</p>
            <p class="error" role="alert" data-testid="model-error">{move || error.get()}</p>
            {move || report.get().map(|(headline, notes)| view! {
                <div class="report" role="status" data-testid="model-report">
                    <p><strong>{headline}</strong></p>
                    {(!notes.is_empty()).then(|| view! { <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })}
                </div>
            })}
        </section>
    }
}
