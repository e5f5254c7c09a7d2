//! Editing a maturity model: its name, dimensions, questions (with the five
//! level descriptions of scale questions) and improvement actions, in both
//! languages. Each save is one edit: the model gets a new version, and
//! rounds keep the version they answered.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::labels::{command_error_text, tr, I18n};
use crate::domain::maturity::{Dimension, MaturityModel, ModelEdit, Question, QuestionKind, Text};
use crate::domain::{Command, Id};
use crate::i18n::i18n::*;
use crate::pages::maturity::lang_of;
use crate::state::{use_app, AppState};

fn run(app: AppState, i18n: I18n, model: Id, edit: ModelEdit, error: RwSignal<Option<String>>) -> bool {
    match app.dispatch(Command::EditMaturityModel { model, edit }) {
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

fn level_texts() -> [Text; 5] {
    [1, 2, 3, 4, 5].map(|n| Text::new(&format!("Level {n}"), &format!("第 {n} 级")))
}

/// A key not used yet: `prefix1`, `prefix2`, …
fn fresh_key(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..).map(|n| format!("{prefix}{n}")).find(|k| !taken(k)).unwrap_or_else(|| format!("{prefix}x"))
}

/// Two inputs for a text in English and Chinese.
#[component]
fn TextInputs(label: String, value: (RwSignal<String>, RwSignal<String>), testid: String) -> impl IntoView {
    let (en, zh) = value;
    view! {
        <label>
            <span>{format!("{label} (English)")}</span>
            <input type="text" prop:value=move || en.get() on:input=move |ev| en.set(event_target_value(&ev)) data-testid=format!("{testid}-en")/>
        </label>
        <label>
            <span>{format!("{label} (中文)")}</span>
            <input type="text" prop:value=move || zh.get() on:input=move |ev| zh.set(event_target_value(&ev)) data-testid=format!("{testid}-zh")/>
        </label>
    }
}

fn signals(t: &Text) -> (RwSignal<String>, RwSignal<String>) {
    (RwSignal::new(t.en.clone()), RwSignal::new(t.zh.clone()))
}

fn read(s: (RwSignal<String>, RwSignal<String>)) -> Text {
    Text::new(&s.0.get_untracked(), &s.1.get_untracked())
}

#[component]
pub fn MaturityModelPage(id: Option<Id>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let model = move || {
        id.and_then(|id| {
            app.workspace.with(|w| w.as_ref().and_then(|ws| ws.maturity_model(id).map(|m| m.into_owned())))
        })
    };
    // Rebuild the editor only when the model changes version.
    let version = Memo::new(move |_| model().map(|m| (m.id, m.version)));
    view! {
        <section class="page" aria-labelledby="model-h">
            <p><A href="/maturity">{tr(i18n, |i| t_string!(i, maturity.back))}</A></p>
            {move || match version.get() {
                None => view! { <h1 id="model-h">{tr(i18n, |i| t_string!(i, maturity.model_not_found))}</h1> }.into_any(),
                Some(_) => match model() {
                    Some(m) => view! { <ModelEditor model=m/> }.into_any(),
                    None => view! { <span></span> }.into_any(),
                },
            }}
        </section>
    }
}

#[component]
fn ModelEditor(model: MaturityModel) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lang = lang_of(i18n);
    let id = model.id;
    let error = RwSignal::new(None::<String>);
    let name = signals(&model.name);
    let description = signals(&model.description);
    let new_dim = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let dims = model.dimensions.clone();
    let taken_dims: Vec<String> = model.dimensions.iter().map(|d| d.key.clone()).collect();
    let all_questions: Vec<String> =
        model.dimensions.iter().flat_map(|d| d.questions.iter().map(|q| q.key.clone())).collect();
    view! {
        <h1 id="model-h">{model.name.get(lang).to_string()}</h1>
        <p class="muted">{t_string!(i18n, maturity.version_note, version = model.version).to_string()}</p>
        <p class="error" role="alert" data-testid="model-edit-error">{move || error.get()}</p>
        <form class="card" on:submit=move |ev| {
            ev.prevent_default();
            run(app, i18n, id, ModelEdit::Rename { name: read(name), description: read(description) }, error);
        }>
            <h2>{tr(i18n, |i| t_string!(i, maturity.model_name))}</h2>
            <div class="inline-form">
                <TextInputs label=t_string!(i18n, maturity.model_name).to_string() value=name testid="model-name".into()/>
                <TextInputs label=t_string!(i18n, maturity.description).to_string() value=description testid="model-description".into()/>
            </div>
            <button type="submit" data-testid="save-model-name">{tr(i18n, |i| t_string!(i, maturity.save))}</button>
        </form>
        {dims.into_iter().map(|d| {
            let all = all_questions.clone();
            view! { <DimensionEditor model=id dimension=d all_questions=all error=error/> }
        }).collect_view()}
        <form class="card" on:submit=move |ev| {
            ev.prevent_default();
            let key = fresh_key("d", |k| taken_dims.iter().any(|t| t == k));
            let question = Question {
                key: fresh_key(&format!("{key}.q"), |k| all_questions.iter().any(|t| t == k)),
                text: Text::new("Question 1", "问题 1"),
                kind: QuestionKind::Scale { levels: level_texts() },
            };
            let dimension = Dimension { key, name: read(new_dim), description: Text::default(), questions: vec![question], actions: Vec::new() };
            run(app, i18n, id, ModelEdit::AddDimension { dimension }, error);
        }>
            <h2>{tr(i18n, |i| t_string!(i, maturity.add_dimension))}</h2>
            <div class="inline-form">
                <TextInputs label=t_string!(i18n, maturity.dimension).to_string() value=new_dim testid="new-dimension".into()/>
            </div>
            <button type="submit" data-testid="add-dimension">{tr(i18n, |i| t_string!(i, maturity.add))}</button>
        </form>
    }
}

#[component]
fn DimensionEditor(
    model: Id,
    dimension: Dimension,
    all_questions: Vec<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lang = lang_of(i18n);
    let key = dimension.key.clone();
    let name = signals(&dimension.name);
    let description = signals(&dimension.description);
    let actions_en = RwSignal::new(dimension.actions.iter().map(|a| a.en.clone()).collect::<Vec<_>>().join("\n"));
    let actions_zh = RwSignal::new(dimension.actions.iter().map(|a| a.zh.clone()).collect::<Vec<_>>().join("\n"));
    let new_q = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key.clone());
    let title = dimension.name.get(lang).to_string();
    view! {
        <section class="card dimension-editor" data-testid=format!("dimension-{key}")>
            <h2>{title}</h2>
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                run(app, i18n, model, ModelEdit::UpdateDimension { key: k1.clone(), name: read(name), description: read(description) }, error);
            }>
                <TextInputs label=t_string!(i18n, maturity.dimension).to_string() value=name testid=format!("dim-{key}-name")/>
                <TextInputs label=t_string!(i18n, maturity.description).to_string() value=description testid=format!("dim-{key}-description")/>
                <button type="submit">{tr(i18n, |i| t_string!(i, maturity.save))}</button>
                <button type="button" class="danger" on:click=move |_| { run(app, i18n, model, ModelEdit::RemoveDimension { key: k2.clone() }, error); }>
                    {tr(i18n, |i| t_string!(i, maturity.remove_dimension))}
                </button>
            </form>
            <h3>{tr(i18n, |i| t_string!(i, maturity.questions))}</h3>
            {dimension.questions.into_iter().map(|q| view! { <QuestionEditor model=model question=q error=error/> }).collect_view()}
            <form class="inline-form" on:submit=move |ev| {
                ev.prevent_default();
                let question = Question {
                    key: fresh_key(&format!("{k3}.q"), |k| all_questions.iter().any(|t| t == k)),
                    text: read(new_q),
                    kind: QuestionKind::Scale { levels: level_texts() },
                };
                run(app, i18n, model, ModelEdit::AddQuestion { dimension: k3.clone(), question }, error);
            }>
                <TextInputs label=t_string!(i18n, maturity.new_question).to_string() value=new_q testid=format!("dim-{key}-new-question")/>
                <button type="submit" data-testid=format!("dim-{key}-add-question")>{tr(i18n, |i| t_string!(i, maturity.add_question))}</button>
            </form>
            <form on:submit=move |ev| {
                ev.prevent_default();
                let en: Vec<String> = actions_en.get_untracked().lines().map(|l| l.trim().to_string()).collect();
                let zh: Vec<String> = actions_zh.get_untracked().lines().map(|l| l.trim().to_string()).collect();
                let actions: Vec<Text> = (0..en.len().max(zh.len()))
                    .map(|i| Text::new(en.get(i).map_or("", |s| s.as_str()), zh.get(i).map_or("", |s| s.as_str())))
                    .filter(|t| !t.is_blank())
                    .collect();
                run(app, i18n, model, ModelEdit::SetActions { dimension: k4.clone(), actions }, error);
            }>
                <h3>{tr(i18n, |i| t_string!(i, maturity.actions))}</h3>
                <p class="help">{tr(i18n, |i| t_string!(i, maturity.actions_help))}</p>
                <div class="inline-form">
                    <label><span>"English"</span><textarea rows="3" prop:value=move || actions_en.get() on:input=move |ev| actions_en.set(event_target_value(&ev))></textarea></label>
                    <label><span>"中文"</span><textarea rows="3" prop:value=move || actions_zh.get() on:input=move |ev| actions_zh.set(event_target_value(&ev))></textarea></label>
                </div>
                <button type="submit">{tr(i18n, |i| t_string!(i, maturity.save))}</button>
            </form>
        </section>
    }
}

#[component]
fn QuestionEditor(model: Id, question: Question, error: RwSignal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let key = question.key.clone();
    let text = signals(&question.text);
    let levels: Option<Vec<(RwSignal<String>, RwSignal<String>)>> = match &question.kind {
        QuestionKind::Scale { levels } => Some(levels.iter().map(signals).collect()),
        _ => None,
    };
    let kind = question.kind.clone();
    let (k1, k2) = (key.clone(), key.clone());
    let testid = format!("question-{key}");
    let q_testid = format!("q-{key}");
    let level_inputs = levels.clone();
    view! {
        <form class="question-editor" data-testid=testid on:submit=move |ev| {
            ev.prevent_default();
            let kind = match (&kind, &levels) {
                (QuestionKind::Scale { .. }, Some(l)) => {
                    let texts: Vec<Text> = l.iter().map(|s| read(*s)).collect();
                    match <[Text; 5]>::try_from(texts) {
                        Ok(levels) => QuestionKind::Scale { levels },
                        Err(_) => return,
                    }
                }
                (other, _) => other.clone(),
            };
            run(app, i18n, model, ModelEdit::ReplaceQuestion { question: Question { key: k1.clone(), text: read(text), kind } }, error);
        }>
            <div class="inline-form">
                <TextInputs label=t_string!(i18n, maturity.question).to_string() value=text testid=q_testid/>
            </div>
            {level_inputs.map(|l| view! {
                <details>
                    <summary>{tr(i18n, |i| t_string!(i, maturity.level_texts))}</summary>
                    {l.into_iter().enumerate().map(|(n, s)| view! {
                        <div class="inline-form">
                            <TextInputs label=t_string!(i18n, maturity.level_n, n = n + 1).to_string() value=s testid=format!("q-{}-level-{}", k2, n + 1)/>
                        </div>
                    }).collect_view()}
                </details>
            })}
            <div class="actions">
                <button type="submit">{tr(i18n, |i| t_string!(i, maturity.save))}</button>
                <button type="button" class="danger" on:click=move |_| { run(app, i18n, model, ModelEdit::RemoveQuestion { key: key.clone() }, error); }>
                    {tr(i18n, |i| t_string!(i, maturity.remove_question))}
                </button>
            </div>
        </form>
    }
}
