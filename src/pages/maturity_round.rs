//! One maturity round: answering on this device (one respondent after
//! another, answers hidden between them) or by file, and the results: table
//! and radar chart, disagreements, the team's trend, an overlay with another
//! round, the self-rating beside measured figures, and improvement actions.
use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::components::labels::{command_error_text, fixed, tr, I18n};
use crate::components::radar::{Radar, Series};
use crate::domain::maturity::{
    overlay, suggestions, trend, Answer, Lang, Level, MaturityModel, NewResponse, QuestionKind, Round, RoundError,
    RoundResult, Text, COLLABORATION_MODEL_ID,
};
use crate::domain::metrics::{dashboard, RateStat};
use crate::domain::responsibility::{multi_team, orphan_rate};
use crate::domain::sla::breach_rates;
use crate::domain::{Command, Id, Workspace};
use crate::i18n::i18n::*;
use crate::pages::maturity::lang_of;
use crate::persist::maturity_forms::{blank_form, read_form, results_csv, results_json};
use crate::platform::files;
use crate::state::use_app;

fn score(v: Option<f64>) -> String {
    v.map(|x| fixed(x, 2)).unwrap_or_else(|| "—".into())
}

fn level_name(i18n: I18n, l: Level) -> String {
    format!("{} {}", l.number(), l.name().get(lang_of(i18n)))
}

/// The round and the model version it answers.
fn round_and_model(ws: &Workspace, id: Id) -> Option<(Round, MaturityModel)> {
    let r = ws.maturity_rounds.iter().find(|r| r.id() == id)?;
    Some((r.clone(), ws.model_of(r)?.into_owned()))
}

#[component]
pub fn MaturityRoundPage(id: Option<Id>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // A memo: the page is rebuilt only when the round appears or goes, not
    // on every change (which would close a respondent's form).
    let exists = Memo::new(move |_| {
        id.is_some_and(|id| {
            app.workspace.with(|w| w.as_ref().is_some_and(|ws| ws.maturity_rounds.iter().any(|r| r.id() == id)))
        })
    });
    view! {
        {move || match (id, exists.get()) {
            (Some(id), true) => view! { <RoundView id=id/> }.into_any(),
            _ => view! {
                <section class="page">
                    <h1>{tr(i18n, |i| t_string!(i, maturity.round_not_found))}</h1>
                    <p><A href="/maturity">{tr(i18n, |i| t_string!(i, maturity.back))}</A></p>
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn RoundView(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // Answering on this device hides everything else, results included.
    let answering = RwSignal::new(false);
    let head = move || {
        let lang = lang_of(i18n);
        app.workspace.with(|w| {
            let (r, m) = round_and_model(w.as_ref()?, id)?;
            Some((
                r.team().name.clone(),
                r.period().to_string(),
                m.name.get(lang).to_string(),
                r.is_anonymous(),
                r.response_count(),
                r.min_responses(),
            ))
        })
    };
    view! {
        <section class="page maturity-round" aria-labelledby="round-h">
            {move || head().map(|(team, period, model, anonymous, count, min)| view! {
                <p class="no-print"><A href="/maturity">{tr(i18n, |i| t_string!(i, maturity.back))}</A></p>
                <h1 id="round-h">{format!("{team} · {period}")}</h1>
                <p class="muted">{model}" · "{t_string!(i18n, maturity.responses_of, count = count, min = min).to_string()}
                    {anonymous.then(|| view! { " · " <span class="badge">{tr(i18n, |i| t_string!(i, maturity.anonymous))}</span> })}
                </p>
            })}
            <Show when=move || answering.get() fallback=move || view! {
                <Respond id=id answering=answering/>
                <Results id=id/>
            }>
                <AnswerForm id=id answering=answering/>
            </Show>
        </section>
    }
}

/// The ways to answer, and who has answered (names only in named rounds).
#[component]
fn Respond(id: Id, answering: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let imported = RwSignal::new(None::<String>);
    let respondents = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.maturity_rounds.iter().find(|r| r.id() == id)?;
            r.individual_responses()
                .ok()
                .map(|list| list.iter().map(|x| (x.id, x.respondent.clone().unwrap_or_default())).collect::<Vec<_>>())
        })
    };
    let download = move |_| {
        let lang = lang_of(i18n);
        let form = app.workspace.with_untracked(|w| {
            let (r, m) = round_and_model(w.as_ref()?, id)?;
            Some((blank_form(&r, &m, lang), files::safe_file_stem(&format!("{}-{}", r.team().name, r.period()))))
        });
        if let Some((text, stem)) = form {
            if let Err(e) = files::download_text(&format!("{stem}-form.json"), "application/json", &text) {
                error.set(Some(e));
            }
        }
    };
    // Every file is read and checked before any is taken in.
    let on_files = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(list) = input.files() else { return };
        let chosen: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        spawn_local(async move {
            let Some((round, model)) = app.workspace.with_untracked(|w| round_and_model(w.as_ref()?, id)) else {
                return;
            };
            let mut responses = Vec::new();
            for file in chosen {
                let name = file.name();
                let text = match files::read_text(&file).await {
                    Ok(t) => t,
                    Err(e) => return error.set(Some(format!("{name}: {e}"))),
                };
                match read_form(&name, &text, &round, &model) {
                    Ok(r) => responses.push((name, r)),
                    Err(e) => {
                        return error
                            .set(Some(t_string!(i18n, maturity.form_error, detail = e.to_string()).to_string()))
                    }
                }
            }
            let count = responses.len();
            for (name, response) in responses {
                if let Err(e) = app.dispatch(Command::AddResponse { round: id, response }) {
                    return error.set(Some(format!("{name}: {}", command_error_text(i18n, &e))));
                }
            }
            error.set(None);
            imported.set(Some(t_string!(i18n, maturity.forms_imported, count = count).to_string()));
        });
    };
    view! {
        <section class="card no-print" aria-labelledby="respond-h">
            <h2 id="respond-h">{tr(i18n, |i| t_string!(i, maturity.respond))}</h2>
            <div class="actions">
                <button type="button" class="primary" data-testid="answer-here" on:click=move |_| answering.set(true)>
                    {tr(i18n, |i| t_string!(i, maturity.answer_here))}
                </button>
                <button type="button" data-testid="download-form" on:click=download>{tr(i18n, |i| t_string!(i, maturity.download_form))}</button>
            </div>
            <p class="help">{tr(i18n, |i| t_string!(i, maturity.respond_help))}</p>
            <label>
                <span>{tr(i18n, |i| t_string!(i, maturity.import_forms))}</span>
                <input type="file" multiple accept=".json,application/json" on:change=on_files data-testid="import-forms"/>
            </label>
            <p class="error" role="alert" data-testid="respond-error">{move || error.get()}</p>
            {move || imported.get().map(|t| view! { <p class="ok" role="status">{t}</p> })}
            {move || respondents().filter(|l| !l.is_empty()).map(|list| view! {
                <h3>{tr(i18n, |i| t_string!(i, maturity.respondents))}</h3>
                <ul class="plain" data-testid="respondents">
                    {list.into_iter().map(|(rid, name)| {
                        let label = t_string!(i18n, maturity.remove_response_of, name = name.clone()).to_string();
                        view! {
                            <li>{name}" "
                                <button type="button" class="danger" aria-label=label on:click=move |_| {
                                    if let Err(e) = app.dispatch(Command::RemoveResponse { round: id, response: rid }) {
                                        error.set(Some(command_error_text(i18n, &e)));
                                    }
                                }>{tr(i18n, |i| t_string!(i, maturity.remove))}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

/// One respondent's form. After sending, the form is empty again and says
/// to pass the device on: nobody sees the answers before them.
#[component]
fn AnswerForm(id: Id, answering: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let answers = RwSignal::new(BTreeMap::<String, Answer>::new());
    let respondent = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let data = move || app.workspace.with_untracked(|w| round_and_model(w.as_ref()?, id));
    let anonymous = data().is_some_and(|(r, _)| r.is_anonymous());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = respondent.get_untracked();
        let response = NewResponse {
            respondent: (!anonymous).then_some(name).filter(|n| !n.trim().is_empty()),
            answers: answers.get_untracked(),
        };
        match app.dispatch(Command::AddResponse { round: id, response }) {
            Ok(_) => {
                answers.set(BTreeMap::new());
                respondent.set(String::new());
                error.set(None);
                sent.set(true);
            }
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    let form = move || {
        let lang = lang_of(i18n);
        let (_, model) = data()?;
        Some(model.dimensions.into_iter().map(|d| {
            let questions = d.questions.into_iter().map(|q| {
                let key = q.key.clone();
                let text = q.text.get(lang).to_string();
                let choices: Vec<(String, Answer)> = match &q.kind {
                    QuestionKind::Scale { levels } => levels
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            let n = i as u8 + 1;
                            let level = Level::from_number(n).map(|lv| level_name(i18n, lv)).unwrap_or_default();
                            (format!("{level} — {}", l.get(lang)), Answer::Level(n))
                        })
                        .collect(),
                    QuestionKind::Choice { options } => {
                        options.iter().enumerate().map(|(i, o)| (o.text.get(lang).to_string(), Answer::Option(i))).collect()
                    }
                    QuestionKind::Checkbox { options } => {
                        options.iter().enumerate().map(|(i, o)| (o.text.get(lang).to_string(), Answer::Checked(vec![i]))).collect()
                    }
                };
                let checkbox = matches!(q.kind, QuestionKind::Checkbox { .. });
                view! { <QuestionInput key=key text=text choices=choices checkbox=checkbox answers=answers/> }
            }).collect_view();
            view! {
                <fieldset class="dimension">
                    <legend>{d.name.get(lang).to_string()}</legend>
                    {questions}
                </fieldset>
            }
        }).collect_view())
    };
    view! {
        <Show when=move || !sent.get() fallback=move || view! {
            <div class="card handover" role="status" data-testid="pass-on">
                <h2>{tr(i18n, |i| t_string!(i, maturity.thanks))}</h2>
                <p>{tr(i18n, |i| t_string!(i, maturity.pass_on))}</p>
                <div class="actions">
                    <button type="button" class="primary" data-testid="next-respondent" on:click=move |_| sent.set(false)>
                        {tr(i18n, |i| t_string!(i, maturity.next_respondent))}
                    </button>
                    <button type="button" data-testid="finish-answering" on:click=move |_| { sent.set(false); answering.set(false); }>
                        {tr(i18n, |i| t_string!(i, maturity.finish))}
                    </button>
                </div>
            </div>
        }>
            <form class="answer-form" on:submit=submit data-testid="answer-form">
                {(!anonymous).then(|| view! {
                    <label>
                        <span>{tr(i18n, |i| t_string!(i, maturity.your_name))}</span>
                        <input type="text" prop:value=move || respondent.get() on:input=move |ev| respondent.set(event_target_value(&ev)) data-testid="respondent"/>
                    </label>
                })}
                {anonymous.then(|| view! { <p class="note">{tr(i18n, |i| t_string!(i, maturity.anonymous_note))}</p> })}
                {form}
                <p class="error" role="alert" data-testid="answer-error">{move || error.get()}</p>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="send-answers">{tr(i18n, |i| t_string!(i, maturity.send_answers))}</button>
                    <button type="button" on:click=move |_| answering.set(false)>{tr(i18n, |i| t_string!(i, settings.cancel))}</button>
                </div>
            </form>
        </Show>
    }
}

/// A question as radio buttons (or checkboxes); choosing again replaces
/// the answer, and a scale answer can be left empty.
#[component]
fn QuestionInput(
    key: String,
    text: String,
    choices: Vec<(String, Answer)>,
    checkbox: bool,
    answers: RwSignal<BTreeMap<String, Answer>>,
) -> impl IntoView {
    let name = format!("q-{key}");
    let testid = format!("question-{key}");
    view! {
        <fieldset class="question" data-testid=testid>
            <legend>{text}</legend>
            {choices.into_iter().map(|(label, answer)| {
                let key = key.clone();
                let name = name.clone();
                let a = answer.clone();
                let k2 = key.clone();
                let checked = move || answers.with(|m| match (m.get(&k2), &a) {
                    (Some(Answer::Checked(got)), Answer::Checked(one)) => one.iter().all(|i| got.contains(i)),
                    (Some(got), one) => got == one,
                    (None, _) => false,
                });
                let value = match &answer {
                    Answer::Level(n) => n.to_string(),
                    Answer::Option(i) => (i + 1).to_string(),
                    Answer::Checked(v) => v.first().map(|i| (i + 1).to_string()).unwrap_or_default(),
                };
                view! {
                    <label class="check choice">
                        <input type=if checkbox { "checkbox" } else { "radio" } name=name value=value prop:checked=checked on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            answers.update(|m| match &answer {
                                Answer::Checked(one) => {
                                    let entry = m.entry(key.clone()).or_insert_with(|| Answer::Checked(Vec::new()));
                                    if let Answer::Checked(list) = entry {
                                        list.retain(|i| !one.contains(i));
                                        if on { list.extend(one.iter().copied()); list.sort_unstable(); }
                                    }
                                }
                                other => { m.insert(key.clone(), other.clone()); }
                            });
                        }/>
                        <span>{label}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// This round and the one chosen to compare with, dimension by dimension.
#[component]
fn OverlayTable(base: RoundResult, compare_with: RwSignal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = move || {
        let lang = lang_of(i18n);
        let other = Id::parse_str(&compare_with.get()).ok()?;
        let other = app.workspace.with(|w| {
            let (r, m) = round_and_model(w.as_ref()?, other)?;
            r.results(&m).ok()
        })?;
        let o = overlay(&base, &other).ok()?;
        let diff = |d: Option<f64>| {
            d.map(|x| format!("{}{}", if x > 0.0 { "+" } else { "" }, fixed(x, 2))).unwrap_or_else(|| "—".into())
        };
        let head = (format!("{} · {}", o.a.0.name, o.a.1), format!("{} · {}", o.b.0.name, o.b.1));
        let rows: Vec<(String, String, String, String)> =
            o.rows.iter().map(|r| (r.name.get(lang).to_string(), score(r.a), score(r.b), diff(r.difference))).collect();
        Some((head, rows, diff(o.overall_difference)))
    };
    view! {
        {move || rows().map(|((a, b), rows, overall)| view! {
            <div class="table-wrap">
                <table class="plain-table" data-testid="overlay">
                    <thead><tr>
                        <th scope="col">{tr(i18n, |i| t_string!(i, maturity.dimension))}</th>
                        <th scope="col">{a}</th>
                        <th scope="col">{b}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, maturity.difference))}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(name, x, y, d)| view! { <tr><th scope="row">{name}</th><td>{x}</td><td>{y}</td><td>{d}</td></tr> }).collect_view()}
                        <tr><th scope="row">{tr(i18n, |i| t_string!(i, maturity.overall))}</th><td></td><td></td><td>{overall}</td></tr>
                    </tbody>
                </table>
            </div>
        })}
    }
}

/// The figures measured in the workspace beside a dimension of the
/// built-in model, as (label, value with n of N).
fn measured(i18n: I18n, ws: &Workspace, now: crate::domain::Timestamp, key: &str) -> Vec<(String, String)> {
    let rate = |r: RateStat| match r.percent_tenths() {
        Some(t) => format!("{}.{} % ({} / {})", t / 10, t % 10, r.numerator, r.denominator),
        None => t_string!(i18n, maturity.no_data).to_string(),
    };
    let d = || dashboard(ws.requests.values()).overall;
    match key {
        "roles" => vec![
            (t_string!(i18n, dashboard.orphan_rate).to_string(), rate(orphan_rate(ws, now))),
            (t_string!(i18n, dashboard.multi_team).to_string(), rate(multi_team(ws).1)),
        ],
        "process" => {
            let h = crate::domain::handoff::stats(ws);
            let completeness = h
                .completeness
                .mean
                .map(|m| format!("{} % ({} / {})", fixed(m, 1), h.completeness.n, h.completeness.of))
                .unwrap_or_else(|| t_string!(i18n, maturity.no_data).to_string());
            vec![
                (t_string!(i18n, dashboard.routing_accuracy).to_string(), rate(d().routing_accuracy)),
                (t_string!(i18n, handoff.dash_complete).to_string(), completeness),
                (t_string!(i18n, handoff.dash_bounce).to_string(), rate(h.bounce_back)),
            ]
        }
        "tools" => vec![(t_string!(i18n, dashboard.orphan_rate).to_string(), rate(orphan_rate(ws, now)))],
        "mechanisms" => {
            let (fr, res) = breach_rates(ws.requests.values(), now);
            vec![
                (t_string!(i18n, dashboard.breach_fr).to_string(), rate(fr)),
                (t_string!(i18n, dashboard.breach_res).to_string(), rate(res)),
            ]
        }
        "culture" => {
            let f = d();
            let csat = f
                .csat
                .mean
                .map(|m| format!("{} / 5 ({})", fixed(m, 2), f.csat.n))
                .unwrap_or_else(|| t_string!(i18n, maturity.no_data).to_string());
            vec![
                (t_string!(i18n, dashboard.csat).to_string(), csat),
                (t_string!(i18n, dashboard.fcr).to_string(), rate(f.fcr)),
            ]
        }
        _ => Vec::new(),
    }
}

#[component]
fn Results(id: Id) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let compare_with = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let computed = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let (r, m) = round_and_model(ws, id)?;
            Some((r.results(&m), m, r))
        })
    };
    let export = move |csv: bool| {
        let lang = lang_of(i18n);
        let Some((Ok(result), model, round)) = computed() else { return };
        let stem = files::safe_file_stem(&format!("{}-{}", round.team().name, round.period()));
        let done = if csv {
            files::download_text(&format!("{stem}-results.csv"), "text/csv", &results_csv(&result, &model, lang))
        } else {
            files::download_text(
                &format!("{stem}-results.json"),
                "application/json",
                &results_json(&result, &model, lang),
            )
        };
        if let Err(e) = done {
            error.set(Some(e));
        }
    };
    view! {
        {move || computed().map(|(result, model, round)| match result {
            Err(RoundError::TooFewResponses { have, need, .. }) => view! {
                <section class="card" data-testid="results-waiting">
                    <h2>{tr(i18n, |i| t_string!(i, maturity.results))}</h2>
                    <p>{t_string!(i18n, maturity.too_few, have = have, need = need).to_string()}</p>
                </section>
            }.into_any(),
            Err(e) => view! { <p class="error">{command_error_text(i18n, &crate::domain::CommandError::Round(e))}</p> }.into_any(),
            Ok(result) => view! {
                <ResultView result=result model=model round=round compare_with=compare_with/>
                <section class="card no-print" aria-labelledby="export-h">
                    <h2 id="export-h">{tr(i18n, |i| t_string!(i, maturity.export))}</h2>
                    <div class="actions">
                        <button type="button" data-testid="export-json" on:click=move |_| export(false)>{tr(i18n, |i| t_string!(i, maturity.export_json))}</button>
                        <button type="button" data-testid="export-csv" on:click=move |_| export(true)>{tr(i18n, |i| t_string!(i, maturity.export_csv))}</button>
                        <button type="button" on:click=move |_| { let _ = window().print(); }>{tr(i18n, |i| t_string!(i, maturity.print))}</button>
                    </div>
                    <p class="error" role="alert">{move || error.get()}</p>
                </section>
            }.into_any(),
        })}
    }
}

#[component]
fn ResultView(
    result: RoundResult,
    model: MaturityModel,
    round: Round,
    compare_with: RwSignal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lang = lang_of(i18n);
    let axes: Vec<String> = result.dimensions.iter().map(|d| d.name.get(lang).to_string()).collect();
    let this_name = format!("{} · {}", round.team().name, round.period());
    let round_id = round.id();
    // Other rounds of the same model, to compare with.
    let others: Vec<(Id, String)> = app.workspace.with_untracked(|w| {
        w.as_ref()
            .map(|ws| {
                ws.maturity_rounds
                    .iter()
                    .filter(|r| r.id() != round.id() && r.model() == round.model())
                    .map(|r| (r.id(), format!("{} · {}", r.team().name, r.period())))
                    .collect()
            })
            .unwrap_or_default()
    });
    let other_result = move || {
        let other = Id::parse_str(&compare_with.get()).ok()?;
        app.workspace.with(|w| {
            let (r, m) = round_and_model(w.as_ref()?, other)?;
            Some((format!("{} · {}", r.team().name, r.period()), r.results(&m).ok()?))
        })
    };
    let base = result.clone();
    let overlay_base = result.clone();
    let radar_axes = axes.clone();
    let radar = move || {
        let mut series =
            vec![Series { name: this_name.clone(), values: base.dimensions.iter().map(|d| d.mean).collect() }];
        if let Some((name, other)) = other_result() {
            let values = base
                .dimensions
                .iter()
                .map(|d| other.dimensions.iter().find(|o| o.key == d.key).and_then(|o| o.mean))
                .collect();
            series.push(Series { name, values });
        }
        let summary = series
            .iter()
            .map(|s| {
                format!(
                    "{}: {}",
                    s.name,
                    radar_axes
                        .iter()
                        .zip(&s.values)
                        .map(|(a, v)| format!("{a} {}", score(*v)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        view! { <Radar axes=radar_axes.clone() series=series summary=summary testid="radar"/> }
    };
    let overall = result.overall;
    let overall_text = match (overall.mean, overall.level) {
        (Some(m), Some(l)) => {
            t_string!(i18n, maturity.overall_value, mean = fixed(m, 2), level = level_name(i18n, l)).to_string()
        }
        _ => t_string!(i18n, maturity.no_data).to_string(),
    };
    let rows: Vec<_> = result
        .dimensions
        .iter()
        .map(|d| {
            let spread = d
                .spread
                .map(|s| format!("{} ({}–{})", fixed(s.sd, 2), fixed(s.min, 2), fixed(s.max, 2)))
                .unwrap_or_else(|| "—".into());
            (
                d.key.clone(),
                d.name.get(lang).to_string(),
                score(d.mean),
                spread,
                format!("{} / {}", d.answered, d.asked),
            )
        })
        .collect();
    let disagreements: Vec<String> = result
        .dimensions
        .iter()
        .flat_map(|d| d.questions.iter())
        .filter(|q| q.disagreement)
        .map(|q| {
            let text = model.question(&q.key).map(|(_, x)| x.text.get(lang).to_string()).unwrap_or_default();
            t_string!(i18n, maturity.disagreement_line, question = text, min = score(q.min), max = score(q.max))
                .to_string()
        })
        .collect();
    let suggested: Vec<(String, String, Vec<Text>)> = suggestions(&model, &result, 2)
        .into_iter()
        .map(|s| (s.name.get(lang).to_string(), fixed(s.mean, 2), s.actions.clone()))
        .collect();
    // The team's rounds of this model, oldest first, for the trend.
    let team_trend = app.workspace.with_untracked(|w| {
        let ws = w.as_ref()?;
        let mut rounds: Vec<&Round> = ws
            .maturity_rounds
            .iter()
            .filter(|r| r.team().id == round.team().id && r.model() == round.model())
            .collect();
        rounds.sort_by_key(|r| r.created_at());
        let results: Vec<RoundResult> = rounds.iter().filter_map(|r| r.results(&*ws.model_of(r)?).ok()).collect();
        (results.len() >= 2).then(|| trend(&results).ok()).flatten()
    });
    let builtin = model.id == COLLABORATION_MODEL_ID;
    let beside = move || {
        let now = app.now.get();
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            builtin.then(|| {
                result
                    .dimensions
                    .iter()
                    .map(|d| (d.name.get(lang).to_string(), score(d.mean), measured(i18n, ws, now, &d.key)))
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <section class="card results" aria-labelledby="results-h" data-testid="results">
            <h2 id="results-h">{tr(i18n, |i| t_string!(i, maturity.results))}</h2>
            <p class="overall" data-testid="overall">{tr(i18n, |i| t_string!(i, maturity.overall))}" "<strong>{overall_text}</strong>
                " "<span class="muted">{t_string!(i18n, maturity.scored_of, n = overall.scored, of = overall.dimensions).to_string()}</span></p>
            <div class="results-grid">
                {radar}
                <div class="table-wrap">
                    <table class="plain-table" data-testid="result-table">
                        <caption class="sr-only">{tr(i18n, |i| t_string!(i, maturity.results))}</caption>
                        <thead><tr>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.dimension))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.mean))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.spread))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.answered))}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(key, name, mean, spread, answered)| view! {
                                <tr data-testid=format!("dim-{key}")><th scope="row">{name}</th><td>{mean}</td><td>{spread}</td><td>{answered}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
            <label class="no-print">
                <span>{tr(i18n, |i| t_string!(i, maturity.compare_with))}</span>
                <select on:change=move |ev| compare_with.set(event_target_value(&ev)) data-testid="compare-with">
                    <option value="">{tr(i18n, |i| t_string!(i, maturity.compare_none))}</option>
                    {others.into_iter().map(|(oid, name)| view! { <option value=oid.to_string()>{name}</option> }).collect_view()}
                </select>
            </label>
            <OverlayTable base=overlay_base compare_with=compare_with/>
            <h3>{tr(i18n, |i| t_string!(i, maturity.disagreements))}</h3>
            {if disagreements.is_empty() {
                view! { <p class="muted" data-testid="no-disagreement">{tr(i18n, |i| t_string!(i, maturity.no_disagreement))}</p> }.into_any()
            } else {
                view! { <ul data-testid="disagreements">{disagreements.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> }.into_any()
            }}
            {team_trend.map(|t| {
                let periods: Vec<String> = t.overall.iter().map(|p| p.period.clone()).collect();
                let change = |c: Option<f64>| c.map(|x| format!("{}{}", if x > 0.0 { "+" } else { "" }, fixed(x, 2))).unwrap_or_else(|| "—".into());
                view! {
                    <h3>{tr(i18n, |i| t_string!(i, maturity.trend))}</h3>
                    <div class="table-wrap">
                        <table class="plain-table" data-testid="trend">
                            <thead><tr>
                                <th scope="col">{tr(i18n, |i| t_string!(i, maturity.dimension))}</th>
                                {periods.into_iter().map(|p| view! { <th scope="col">{p}</th> }).collect_view()}
                                <th scope="col">{tr(i18n, |i| t_string!(i, maturity.change))}</th>
                            </tr></thead>
                            <tbody>
                                {t.dimensions.iter().map(|d| view! {
                                    <tr><th scope="row">{d.name.get(lang).to_string()}</th>
                                        {d.points.iter().map(|p| view! { <td>{score(p.mean)}</td> }).collect_view()}
                                        <td>{change(d.change)}</td></tr>
                                }).collect_view()}
                                <tr><th scope="row">{tr(i18n, |i| t_string!(i, maturity.overall))}</th>
                                    {t.overall.iter().map(|p| view! { <td>{score(p.mean)}</td> }).collect_view()}
                                    <td>{change(t.overall_change)}</td></tr>
                            </tbody>
                        </table>
                    </div>
                }
            })}
            {move || beside().map(|rows| view! {
                <h3>{tr(i18n, |i| t_string!(i, maturity.beside))}</h3>
                <p class="help">{tr(i18n, |i| t_string!(i, maturity.beside_help))}</p>
                <div class="table-wrap">
                    <table class="plain-table" data-testid="beside">
                        <thead><tr>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.dimension))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.self_rating))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, maturity.measured))}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(name, mean, figures)| view! {
                                <tr><th scope="row">{name}</th><td>{mean}</td>
                                    <td>{figures.into_iter().map(|(label, value)| view! { <div>{label}": "{value}</div> }).collect_view()}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            <h3>{tr(i18n, |i| t_string!(i, maturity.actions))}</h3>
            <ul class="plain" data-testid="suggestions">
                {suggested.into_iter().map(|(name, mean, actions)| view! {
                    <li>
                        <strong>{name}</strong>" ("{mean}")"
                        <ul>{actions.into_iter().map(|a| view! { <li><ActionTask round=round_id action=a lang=lang/></li> }).collect_view()}</ul>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The label of the tasks made from a round's improvement actions.
fn action_label(i18n: I18n, round: &Round) -> String {
    t_string!(i18n, maturity.task_label, period = round.period().to_string()).to_string()
}

/// Puts the keyboard focus on the link to the task made from `action`.
fn focus_action_link(action: &str) {
    let Ok(holders) = document().query_selector_all("span.action-task-holder") else { return };
    let link = (0..holders.length())
        .filter_map(|k| holders.item(k)?.dyn_into::<web_sys::Element>().ok())
        .find(|h| h.get_attribute("data-action").as_deref() == Some(action))
        .and_then(|h| h.query_selector("a.action-task").ok().flatten())
        .and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(a) = link {
        let _ = a.focus();
    }
}

/// An improvement action with a button that puts it on the board as a task
/// (of the round's team's department, labelled with the round), or, once it
/// is there, a link to the task.
#[component]
fn ActionTask(round: Id, action: Text, lang: Lang) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    // The task is titled in the language of the moment it is made.
    let titles = [action.en.clone(), action.zh.clone()];
    let action = action.get(lang).to_string();
    // The task made from this action, if any: same title, the round's label.
    let existing = move || {
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let r = ws.maturity_rounds.iter().find(|r| r.id() == round)?;
            // Made in either language: the label is written in the language
            // of the moment it was made.
            let period = r.period().to_string();
            let labels = [
                td_string!(Locale::en, maturity.task_label, period = period.clone()).to_string(),
                td_string!(Locale::zh, maturity.task_label, period = period).to_string(),
            ];
            ws.tasks.values().find_map(|t| {
                let label = t.labels.iter().find(|l| labels.contains(l))?;
                titles.contains(&t.title).then(|| (t.id, label.clone()))
            })
        })
    };
    let make = {
        let action = action.clone();
        let existing = existing.clone();
        move |_| {
            // Clicks quicker than a redraw make one task, not several.
            if untrack(&existing).is_some() {
                return;
            }
            let new = app.workspace.with_untracked(|w| {
                let ws = w.as_ref()?;
                let r = ws.maturity_rounds.iter().find(|r| r.id() == round)?;
                let department = ws.teams.iter().find(|t| t.id == r.team().id).map(|t| t.department);
                Some(crate::domain::NewTask {
                    department,
                    labels: vec![action_label(i18n, r)],
                    ..crate::domain::NewTask::titled(&action)
                })
            });
            let Some(new) = new else { return };
            match app.dispatch(Command::AddTask(new)) {
                Ok(_) => {
                    error.set(None);
                    // The keyboard stays where it was: on the link to the
                    // task (the list may have been drawn anew by then, so
                    // the link is found by its action).
                    let action = action.clone();
                    request_animation_frame(move || focus_action_link(&action));
                }
                Err(e) => error.set(Some(command_error_text(i18n, &e))),
            }
        }
    };
    let label_for = action.clone();
    view! {
        <span data-testid="action">{action.clone()}</span>" "
        <span class="action-task-holder" data-action=action.clone()>
        {move || match existing() {
            Some((task, label)) => {
                let href = format!(
                    "/board?label={}&task={task}",
                    js_sys::encode_uri_component(&label).as_string().unwrap_or_default()
                );
                view! {
                    <A href=href attr:class="action-task" attr:data-testid="action-task-link">
                        {tr(i18n, |i| t_string!(i, maturity.action_on_board))}
                    </A>
                }
                .into_any()
            }
            None => {
                let make = make.clone();
                let aria = label_for.clone();
                view! {
                    <button type="button" class="small" data-testid="action-make-task" on:click=make
                        aria-label=move || t_string!(i18n, maturity.action_make_task_for, action = aria.clone()).to_string()>
                        {tr(i18n, |i| t_string!(i, maturity.action_make_task))}
                    </button>
                }
                .into_any()
            }
        }}
        </span>
        <span class="error" role="alert">{move || error.get()}</span>
    }
}
