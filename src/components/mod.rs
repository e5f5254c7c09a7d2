//! Reusable view pieces: banners, the save indicator, export, and labels.
pub mod board_text;
pub mod explain;
pub mod handoff;
pub mod labels;
pub mod radar;
pub mod snapshot_import;
pub mod trail_text;

use leptos::prelude::*;

use crate::components::labels::tr;
use crate::domain::Workspace;
use crate::i18n::i18n::*;
use crate::persist::snapshot::Snapshot;
use crate::platform::{clock, files};
use crate::state::{use_app, Notice, SaveStatus};

/// Downloads the workspace as `<name>-<YYYY-MM-DD>.baton.json`, named by
/// [`Snapshot::file_name`] (the export date in UTC, as the format document says).
pub fn export_workspace(ws: &Workspace) -> Result<String, String> {
    let snapshot = Snapshot::of(ws, clock::now());
    let name = snapshot.file_name();
    files::download_text(&name, "application/json", &snapshot.to_json())?;
    Ok(name)
}

/// A small always-visible word on whether everything is stored.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    view! {
        <span class="save-indicator" role="status" data-testid="save-status"
            data-saves=move || app.last_save.get().0
            data-last-save-ms=move || app.last_save.get().1.map(|ms| labels::fixed(ms, 2))
            data-last-apply-ms=move || app.last_apply_ms.get().map(|ms| labels::fixed(ms, 2))>
            {move || match app.save.get() {
                SaveStatus::Saved => t_string!(i18n, common.saved).to_string(),
                SaveStatus::Saving => t_string!(i18n, common.saving).to_string(),
                SaveStatus::Failed { .. } => t_string!(i18n, common.not_saved).to_string(),
            }}
        </span>
    }
}

/// The persistent storage warning and dismissible notices.
#[component]
pub fn Banners() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let export_error = RwSignal::new(None::<String>);
    let export = move |_| {
        let result = app.workspace.with_untracked(|w| w.as_ref().map(export_workspace));
        export_error.set(result.and_then(|r| r.err()));
    };
    let retry = move |_| app.schedule_save();
    let failed = move || match app.save.get() {
        SaveStatus::Failed { detail, pending } => Some((detail, pending)),
        _ => None,
    };
    view! {
        {move || failed().map(|(detail, pending)| view! {
            <div class="banner banner-error" role="alert" data-testid="save-warning">
                <p><strong>{tr(i18n, |i| t_string!(i, common.save_failed_title))}</strong></p>
                <p>{t_string!(i18n, common.save_failed_body, count = pending)}</p>
                <p class="detail">{detail}</p>
                <div class="actions">
                    <button type="button" on:click=export>{tr(i18n, |i| t_string!(i, common.export_now))}</button>
                    <button type="button" on:click=retry>{tr(i18n, |i| t_string!(i, common.retry_now))}</button>
                </div>
                {move || export_error.get().map(|e| view! { <p class="error">{e}</p> })}
            </div>
        })}
        {move || app.notice.get().map(|n| {
            let text = match &n {
                Notice::UpdatedElsewhere => t_string!(i18n, common.notice_updated_elsewhere).to_string(),
                Notice::DeletedElsewhere => t_string!(i18n, common.notice_deleted_elsewhere).to_string(),
                Notice::Conflict { lost } if lost.is_empty() => t_string!(i18n, common.notice_conflict_merged).to_string(),
                Notice::Conflict { lost } => {
                    let why = lost.iter().map(|e| labels::command_error_text(i18n, e)).collect::<Vec<_>>();
                    format!("{} {}", t_string!(i18n, common.notice_conflict_lost), why.join(" "))
                }
            };
            view! {
                <div class="banner banner-info" role="status" data-testid="notice">
                    <p>{text}</p>
                    <button type="button" on:click=move |_| app.notice.set(None)>{tr(i18n, |i| t_string!(i, common.dismiss))}</button>
                </div>
            }
        })}
    }
}
