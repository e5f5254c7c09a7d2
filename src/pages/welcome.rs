//! First run (no workspace yet) and the recovery screen for stored data this
//! version cannot read.
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::labels::tr;
use crate::components::snapshot_import::SnapshotImport;
use crate::domain::handoff::BuiltinLang;
use crate::domain::sample::{sample_workspace, SampleLang};
use crate::domain::Workspace;
use crate::i18n::i18n::*;
use crate::platform::{clock, files};
use crate::state::{use_app, AppState};

/// Creates and opens a new empty workspace with the default departments.
pub fn create_workspace(app: AppState, name: String, zh: bool) {
    let mut ws = AppState::with_ids(|ids| Workspace::with_default_departments(ids, name.trim(), clock::now()));
    // The built-in handoff checklists, in the interface's language.
    let lang = if zh { BuiltinLang::Zh } else { BuiltinLang::En };
    AppState::with_ids(|ids| {
        let mut ctx = crate::domain::Ctx::new(clock::now(), None, ids);
        let _ = crate::domain::apply(&mut ws, crate::domain::Command::AddBuiltinHandoffTemplates { lang }, &mut ctx);
    });
    // Business hours start in the browser's time zone (changeable in Settings).
    let mut cal = ws.calendar.clone();
    cal.zone = clock::browser_time_zone();
    if cal.validate().is_ok() {
        ws.calendar = cal;
    }
    spawn_local(async move { app.adopt_new(ws).await });
}

/// Creates and opens the sample workspace in the interface's language.
pub fn open_sample(app: AppState, zh: bool) {
    let lang = if zh { SampleLang::Zh } else { SampleLang::En };
    let ws = AppState::with_ids(|ids| sample_workspace(lang, clock::now(), ids));
    spawn_local(async move { app.adopt_new(ws).await });
}

#[component]
pub fn CreateWorkspaceForm() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    view! {
        <form class="inline-form" on:submit=move |ev| {
            ev.prevent_default();
            let n = name.get_untracked();
            if n.trim().is_empty() {
                error.set(Some(t_string!(i18n, settings.ws_name_required).to_string()));
                return;
            }
            error.set(None);
            name.set(String::new());
            create_workspace(app, n, i18n.get_locale_untracked() == Locale::zh);
        }>
            <label>
                <span>{tr(i18n, |i| t_string!(i, settings.ws_new_name))}</span>
                <input type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                    data-testid="new-workspace-name" aria-describedby="new-ws-error"/>
            </label>
            <button type="submit" data-testid="create-workspace">{tr(i18n, |i| t_string!(i, settings.ws_create))}</button>
            <p id="new-ws-error" class="error" role="alert">{move || error.get()}</p>
        </form>
    }
}

#[component]
pub fn WelcomePage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let sample = move |_| open_sample(app, i18n.get_locale_untracked() == Locale::zh);
    view! {
        <section class="page narrow welcome" aria-labelledby="welcome-h">
            <h1 id="welcome-h">{tr(i18n, |i| t_string!(i, common.welcome_title))}</h1>
            <p class="lead">{tr(i18n, |i| t_string!(i, common.welcome_body))}</p>
            <div class="card">
                <h2>{tr(i18n, |i| t_string!(i, common.welcome_sample_h))}</h2>
                <p>{tr(i18n, |i| t_string!(i, common.welcome_sample_body))}</p>
                <button type="button" class="primary" on:click=sample data-testid="open-sample">{tr(i18n, |i| t_string!(i, common.open_sample))}</button>
            </div>
            <div class="card">
                <h2>{tr(i18n, |i| t_string!(i, common.welcome_create_h))}</h2>
                <p>{tr(i18n, |i| t_string!(i, common.welcome_create_body))}</p>
                <CreateWorkspaceForm/>
            </div>
            <div class="card">
                <h2>{tr(i18n, |i| t_string!(i, common.welcome_import_h))}</h2>
                <SnapshotImport/>
            </div>
        </section>
    }
}

#[component]
pub fn RecoveryPage(workspace: String, name: String, detail: String) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let ws_for_download = workspace.clone();
    let download = move |_| {
        let ws = ws_for_download.clone();
        spawn_local(async move {
            match app.export_raw(&ws).await {
                Ok(text) => {
                    let file = format!("baton-raw-{}.json", files::safe_file_stem(&ws));
                    if let Err(e) = files::download_text(&file, "application/json", &text) {
                        error.set(Some(e));
                    }
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    let others = move || {
        let current = workspace.clone();
        app.list
            .get()
            .into_iter()
            .filter(move |w| w.unreadable.is_none() && w.id.to_string() != current)
            .collect::<Vec<_>>()
    };
    view! {
        <section class="page narrow recovery" aria-labelledby="recovery-h" data-testid="recovery">
            <h1 id="recovery-h">{tr(i18n, |i| t_string!(i, common.recovery_title))}</h1>
            <p>{t_string!(i18n, common.recovery_body, name = name.clone()).to_string()}</p>
            <p class="detail" data-testid="recovery-detail">{detail}</p>
            <p>{tr(i18n, |i| t_string!(i, common.recovery_untouched))}</p>
            <button type="button" class="primary" on:click=download data-testid="download-raw">{tr(i18n, |i| t_string!(i, common.recovery_download))}</button>
            <p class="error" role="alert">{move || error.get()}</p>
            <h2>{tr(i18n, |i| t_string!(i, common.recovery_elsewhere))}</h2>
            <ul class="plain">
                <For each=others key=|w| w.id children=move |w| {
                    let id = w.id;
                    view! {
                        <li>
                            <button type="button" on:click=move |_| spawn_local(async move { app.open(id).await })>
                                {t_string!(i18n, common.open_named, name = w.name.clone()).to_string()}
                            </button>
                        </li>
                    }
                }/>
            </ul>
            <CreateWorkspaceForm/>
            <button type="button" on:click=move |_| open_sample(app, i18n.get_locale_untracked() == Locale::zh)>{tr(i18n, |i| t_string!(i, common.open_sample))}</button>
        </section>
    }
}
