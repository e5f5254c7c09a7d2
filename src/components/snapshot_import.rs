//! Importing a `.baton.json` snapshot: read, validate everything, show what
//! will happen, and only then apply it in one transaction.
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::components::labels::tr;
use crate::domain::{unused_name, Command, IdSource};
use crate::i18n::i18n::*;
use crate::persist::snapshot::{self, Snapshot, SnapshotErrorKind};
use crate::platform::files;
use crate::state::{use_app, AppState, Phase};

use super::labels::{fmt_time, I18n};

/// Where and what, in the reader's language around the file's own words.
fn error_detail(i18n: I18n, e: &snapshot::SnapshotError) -> String {
    if e.kind == SnapshotErrorKind::NewerVersion {
        return t_string!(
            i18n,
            data.err_detail_newer,
            file = e.file.clone(),
            found = e.found.clone(),
            reads = snapshot::VERSION
        )
        .to_string();
    }
    if e.path.is_empty() {
        // The file as a whole (an empty array, a number…): no place inside it.
        return t_string!(
            i18n,
            data.err_detail_whole,
            file = e.file.clone(),
            expected = e.expected.clone(),
            found = e.found.clone()
        )
        .to_string();
    }
    t_string!(
        i18n,
        data.err_detail,
        file = e.file.clone(),
        path = e.path.clone(),
        expected = e.expected.clone(),
        found = e.found.clone()
    )
    .to_string()
}

fn kind_text(i18n: I18n, kind: &SnapshotErrorKind) -> String {
    match kind {
        SnapshotErrorKind::NotJson => t_string!(i18n, data.err_not_json),
        SnapshotErrorKind::WrongFormat => t_string!(i18n, data.err_wrong_format),
        SnapshotErrorKind::NewerVersion => t_string!(i18n, data.err_newer),
        SnapshotErrorKind::WrongType => t_string!(i18n, data.err_wrong_type),
        SnapshotErrorKind::MissingField => t_string!(i18n, data.err_missing),
        SnapshotErrorKind::DanglingReference => t_string!(i18n, data.err_dangling),
        SnapshotErrorKind::DuplicateId => t_string!(i18n, data.err_duplicate),
        SnapshotErrorKind::Invalid => t_string!(i18n, data.err_invalid),
    }
    .to_string()
}

/// Reads the first file of a file input.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    input.files()?.get(0)
}

#[derive(Clone)]
struct Ready {
    snapshot: Snapshot,
    file: String,
}

#[component]
pub fn SnapshotImport() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ready = RwSignal::new(None::<Ready>);
    let error = RwSignal::new(None::<(String, String)>);
    let done = RwSignal::new(None::<String>);
    let mode = RwSignal::new("new".to_string());
    let busy = RwSignal::new(false);
    let has_current = move || app.phase.get() == Phase::Ready;

    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        ready.set(None);
        error.set(None);
        done.set(None);
        spawn_local(async move {
            let name = file.name();
            match files::read_text(&file).await {
                Err(e) => error.set(Some((t_string!(i18n, data.err_read).to_string(), e))),
                Ok(text) => match snapshot::parse(&name, &text) {
                    Ok(s) => ready.set(Some(Ready { snapshot: s, file: name })),
                    Err(e) => error.set(Some((kind_text(i18n, &e.kind), error_detail(i18n, &e)))),
                },
            }
        });
    };

    let confirm = move |_| {
        let Some(r) = ready.get_untracked() else { return };
        busy.set(true);
        let replace = mode.get_untracked() == "replace" && has_current();
        spawn_local(async move {
            let mut ws = r.snapshot.into_workspace();
            let result = if replace {
                app.replace_current(ws).await
            } else {
                // A workspace already stored under that id gets a new id, so nothing is overwritten.
                let list = app.list.get_untracked();
                if list.iter().any(|w| w.id == ws.id) {
                    ws.id = AppState::with_ids(|ids| ids.next_id());
                }
                // And a name of its own, given in the trail, so the list tells them apart.
                let name = unused_name(&ws.name, list.iter().map(|w| w.name.as_str()));
                if name != ws.name {
                    let _ = AppState::apply_before_storing(&mut ws, Command::RenameWorkspace { name });
                }
                app.adopt_new(ws).await;
                Ok(())
            };
            busy.set(false);
            match result {
                Ok(()) => {
                    ready.set(None);
                    done.set(Some(t_string!(i18n, data.import_done, file = r.file.clone()).to_string()));
                }
                Err(e) => error.set(Some((t_string!(i18n, data.err_store).to_string(), e.to_string()))),
            }
        });
    };

    view! {
        <div class="snapshot-import">
            <label class="file">
                <span>{tr(i18n, |i| t_string!(i, data.import_json_label))}</span>
                <input type="file" accept=".json,application/json" on:change=on_file data-testid="import-json"/>
            </label>
            {move || error.get().map(|(head, detail)| view! {
                <div class="error-box" role="alert" data-testid="import-error">
                    <p><strong>{head}</strong></p>
                    <p class="detail">{detail}</p>
                    <p>{tr(i18n, |i| t_string!(i, data.nothing_changed))}</p>
                </div>
            })}
            {move || done.get().map(|d| view! { <p class="ok" role="status" data-testid="import-done">{d}</p> })}
            {move || ready.get().map(|r| {
                let s = r.snapshot.summary();
                view! {
                    <div class="preview" data-testid="import-preview">
                        <h3>{tr(i18n, |i| t_string!(i, data.preview_title))}</h3>
                        <dl>
                            <dt>{tr(i18n, |i| t_string!(i, data.preview_file))}</dt><dd>{r.file.clone()}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, data.preview_name))}</dt><dd>{s.name.clone()}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, data.preview_exported))}</dt><dd>{fmt_time(s.exported_at)}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, data.preview_requests))}</dt><dd data-testid="preview-requests">{s.requests}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, data.preview_open))}</dt><dd>{s.open}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, data.preview_events))}</dt><dd>{s.events}</dd>
                            <dt>{tr(i18n, |i| t_string!(i, data.preview_people))}</dt><dd>{format!("{} / {}", s.departments, s.members)}</dd>
                        </dl>
                        <fieldset>
                            <legend>{tr(i18n, |i| t_string!(i, data.import_how))}</legend>
                            <label class="radio">
                                <input type="radio" name="import-mode" value="new" checked=move || mode.get() == "new"
                                    on:change=move |_| mode.set("new".into())/>
                                {tr(i18n, |i| t_string!(i, data.import_as_new))}
                            </label>
                            <Show when=has_current>
                                <label class="radio">
                                    <input type="radio" name="import-mode" value="replace" checked=move || mode.get() == "replace"
                                        on:change=move |_| mode.set("replace".into()) data-testid="import-replace"/>
                                    {tr(i18n, |i| t_string!(i, data.import_replace))}
                                </label>
                            </Show>
                        </fieldset>
                        <Show when=move || mode.get() == "replace" && has_current()>
                            <p class="warning">{tr(i18n, |i| t_string!(i, data.replace_warning))}</p>
                        </Show>
                        <div class="actions">
                            <button type="button" class="primary" on:click=confirm disabled=move || busy.get() data-testid="import-confirm">
                                {tr(i18n, |i| t_string!(i, data.import_confirm))}
                            </button>
                            <button type="button" on:click=move |_| ready.set(None)>{tr(i18n, |i| t_string!(i, data.cancel))}</button>
                        </div>
                    </div>
                }
            })}
        </div>
    }
}
