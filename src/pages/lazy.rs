//! Pages loaded on demand.
//!
//! The browser first downloads only what the app's frame and the requests
//! list need. Every page listed here is compiled into its own
//! small WebAssembly file (`scripts/split-wasm.mjs` cuts the build at each
//! `#[wasm_split(..)]` below), fetched the first time the page is opened.
//!
//! To add a page that loads on demand: write its component as usual, add a
//! `#[wasm_split(<file>, wasm_split_path = ::wasm_split_helpers, fallible,
//! preload(<preload fn>))]` function here that renders it, and a `pub fn` that
//! calls [`on_demand`]; then use that `pub fn` in `app.rs` instead of the
//! component. Pages that name the same `<file>` are downloaded together.
//! Code also used by the first download (a helper, a component) stays in the
//! first download by itself; code used only by on-demand pages moves with them.
use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use crate::components::labels::tr;
use crate::domain::Id;
use crate::i18n::i18n::*;

/// Shows a page whose code may still have to be fetched: a status line while
/// its file loads, then the page; if the file cannot be fetched, says so
/// (opening the page again tries again).
///
/// `preload` only fetches the file. The page itself is built afterwards, like
/// any other page, by `page`: once its file is in, calling it completes at
/// once, so it is built in the ordinary reactive scope (not inside a future).
fn on_demand<P, F>(preload: fn() -> P, page: impl Fn() -> F + Send + Sync + 'static) -> AnyView
where
    P: Future<Output = Result<(), SplitLoaderError>> + 'static,
    F: Future<Output = Result<AnyView, SplitLoaderError>>,
{
    let i18n = use_i18n();
    let loaded = LocalResource::new(move || async move { preload().await.is_ok() });
    let failed = move || {
        view! {
            <p class="error" role="alert" data-testid="page-load-failed">
                {tr(i18n, |i| t_string!(i, common.loading_page_failed))}
            </p>
        }
        .into_any()
    };
    (move || match loaded.get() {
        None => view! {
            <p class="loading" role="status" data-testid="page-loading">{tr(i18n, |i| t_string!(i, common.loading_page))}</p>
        }
        .into_any(),
        Some(true) => match ready_now(page()) {
            Some(Ok(view)) => view,
            _ => failed(),
        },
        Some(false) => failed(),
    })
    .into_any()
}

/// The output of a future that needs no waiting (a page whose file is in).
fn ready_now<T>(fut: impl Future<Output = T>) -> Option<T> {
    match pin!(fut).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

// One `#[wasm_split]` function per page; the first argument names the file.

#[wasm_split(maturity, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_maturity_page))]
fn maturity_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::maturity::MaturityPage/> }.into_any())
}
#[wasm_split(maturity, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_maturity_round_page))]
fn maturity_round_page(id: Option<Id>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::maturity_round::MaturityRoundPage id=id/> }.into_any())
}
#[wasm_split(maturity, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_maturity_model_page))]
fn maturity_model_page(id: Option<Id>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::maturity_model::MaturityModelPage id=id/> }.into_any())
}
#[wasm_split(settings, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_settings_page))]
fn settings_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::settings::SettingsPage/> }.into_any())
}
#[wasm_split(routing, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_routing_page))]
fn routing_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::routing::RoutingPage/> }.into_any())
}
#[wasm_split(sla, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_sla_page))]
fn sla_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::sla::SlaPage/> }.into_any())
}
#[wasm_split(responsibility, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_responsibility_page))]
fn responsibility_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::responsibility::ResponsibilityPage/> }.into_any())
}
#[wasm_split(alerts, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_alerts_page))]
fn alerts_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::alerts::AlertsPage/> }.into_any())
}
#[wasm_split(data, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_data_page))]
fn data_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::data::DataPage/> }.into_any())
}
#[wasm_split(new_request, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_new_request_page))]
fn new_request_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::new_request::NewRequestPage/> }.into_any())
}
#[wasm_split(mine, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_mine_page))]
fn mine_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::mine::MinePage/> }.into_any())
}
#[wasm_split(welcome, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_welcome_page))]
fn welcome_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::welcome::WelcomePage/> }.into_any())
}
#[wasm_split(recovery, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_recovery_page))]
fn recovery_page(workspace: String, name: String, detail: String) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::welcome::RecoveryPage workspace=workspace name=name detail=detail/> }.into_any())
}
#[wasm_split(board, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_board_page))]
fn board_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::board::BoardPage/> }.into_any())
}
#[wasm_split(board, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_board_settings_page))]
fn board_settings_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::board_settings::BoardSettingsPage/> }.into_any())
}
#[wasm_split(handoffs, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_handoffs_page))]
fn handoffs_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::handoffs::HandoffsPage/> }.into_any())
}
#[wasm_split(handoffs, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_handoff_templates_page))]
fn handoff_templates_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::handoffs::TemplatesPage/> }.into_any())
}
#[wasm_split(handoffs, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_handoff_sheet_page))]
fn handoff_sheet_page(number: u32, index: usize) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::handoffs::HandoffSheetPage number=number index=index/> }.into_any())
}

#[wasm_split(detail, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_detail_page))]
fn detail_page(number: Option<u32>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::detail::DetailPage number=number/> }.into_any())
}
#[wasm_split(dashboard, wasm_split_path = ::wasm_split_helpers, fallible, preload(preload_dashboard_page))]
fn dashboard_page() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <super::dashboard::DashboardPage/> }.into_any())
}

// What `app.rs` uses in place of the components.

/// How long after the first page the common pages are fetched.
const PREFETCH_AFTER_MS: i32 = 1000;

/// Fetches the files of a request's page and the dashboard in the
/// background a second after the app has shown its first page, so that
/// opening them does not wait. The second leaves a page the user opens
/// straight away its files without these competing. A failed fetch is tried
/// again when the page is opened.
pub fn prefetch_common_pages() {
    leptos::task::spawn_local(async {
        crate::platform::timer::sleep_ms(PREFETCH_AFTER_MS).await;
        let _ = preload_detail_page().await;
        let _ = preload_dashboard_page().await;
    });
}

pub fn detail(number: Option<u32>) -> AnyView {
    on_demand(preload_detail_page, move || detail_page(number))
}
pub fn dashboard() -> AnyView {
    on_demand(preload_dashboard_page, dashboard_page)
}

pub fn maturity() -> AnyView {
    on_demand(preload_maturity_page, maturity_page)
}
pub fn maturity_round(id: Option<Id>) -> AnyView {
    on_demand(preload_maturity_round_page, move || maturity_round_page(id))
}
pub fn maturity_model(id: Option<Id>) -> AnyView {
    on_demand(preload_maturity_model_page, move || maturity_model_page(id))
}
pub fn settings() -> AnyView {
    on_demand(preload_settings_page, settings_page)
}
pub fn routing() -> AnyView {
    on_demand(preload_routing_page, routing_page)
}
pub fn sla() -> AnyView {
    on_demand(preload_sla_page, sla_page)
}
pub fn responsibility() -> AnyView {
    on_demand(preload_responsibility_page, responsibility_page)
}
pub fn alerts() -> AnyView {
    on_demand(preload_alerts_page, alerts_page)
}
pub fn data() -> AnyView {
    on_demand(preload_data_page, data_page)
}
pub fn new_request() -> AnyView {
    on_demand(preload_new_request_page, new_request_page)
}
pub fn mine() -> AnyView {
    on_demand(preload_mine_page, mine_page)
}
pub fn welcome() -> AnyView {
    on_demand(preload_welcome_page, welcome_page)
}
pub fn recovery(workspace: String, name: String, detail: String) -> AnyView {
    on_demand(preload_recovery_page, move || recovery_page(workspace.clone(), name.clone(), detail.clone()))
}
pub fn board() -> AnyView {
    on_demand(preload_board_page, board_page)
}
pub fn board_settings() -> AnyView {
    on_demand(preload_board_settings_page, board_settings_page)
}
pub fn handoffs() -> AnyView {
    on_demand(preload_handoffs_page, handoffs_page)
}
pub fn handoff_templates() -> AnyView {
    on_demand(preload_handoff_templates_page, handoff_templates_page)
}
pub fn handoff_sheet(number: u32, index: usize) -> AnyView {
    on_demand(preload_handoff_sheet_page, move || handoff_sheet_page(number, index))
}
