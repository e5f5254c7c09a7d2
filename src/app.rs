//! The app root: translations, shared state, the header, banners and routes.
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::components::labels::tr;
use crate::components::{Banners, SaveIndicator};
use crate::i18n::i18n::*;
use crate::pages::{lazy, requests::RequestsPage};
use crate::platform::prefs;
use crate::state::{AppState, Phase};

#[component]
pub fn App() -> impl IntoView {
    view! {
        // The `lang` attribute is set by `Root` (as "zh-CN", not "zh").
        <I18nContextProvider set_lang_attr_on_html=false>
            <Root/>
        </I18nContextProvider>
    }
}

/// Picks the language: the one chosen before, else the browser's.
fn initial_locale() -> Option<Locale> {
    if let Some(saved) = prefs::language() {
        return match saved.as_str() {
            "zh" => Some(Locale::zh),
            "en" => Some(Locale::en),
            _ => None,
        };
    }
    prefs::browser_languages().iter().find_map(|l| {
        let l = l.to_ascii_lowercase();
        if l.starts_with("zh") {
            Some(Locale::zh)
        } else if l.starts_with("en") {
            Some(Locale::en)
        } else {
            None
        }
    })
}

#[component]
fn Root() -> impl IntoView {
    let i18n = use_i18n();
    // In an effect: the provider's own start-up effect (navigator languages)
    // runs first, so a saved choice set here is not overwritten by it.
    if let Some(locale) = initial_locale() {
        i18n.set_locale(locale);
        Effect::new(move |_| i18n.set_locale(locale));
    }
    Effect::new(move |_| {
        let lang = match i18n.get_locale() {
            Locale::zh => "zh-CN",
            Locale::en => "en",
        };
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang);
        }
    });
    let app = AppState::provide();
    // A memo, so that setting the same phase again does not rebuild the page.
    let phase = Memo::new(move |_| app.phase.get());
    let ready = move || (phase.get() != Phase::Loading).then_some("");

    view! {
        <Router>
            <div class="app" data-app-ready=ready>
                <a class="skip-link" href="#main">{tr(i18n, |i| t_string!(i, common.skip_to_content))}</a>
                <Header/>
                <Banners/>
                <main id="main" tabindex="-1">
                    {move || match phase.get() {
                        Phase::Loading => view! { <p class="loading" role="status">{tr(i18n, |i| t_string!(i, common.loading))}</p> }.into_any(),
                        Phase::NoWorkspace => lazy::welcome(),
                        Phase::Recovery { workspace, name, detail } => {
                            lazy::recovery(workspace, name, detail)
                        }
                        Phase::Ready => view! { <AppRoutes/> }.into_any(),
                    }}
                </main>
            </div>
        </Router>
    }
}

/// One route for the whole app, matched here by path. Cheaper in the
/// browser build than one router route per page (each brings its own
/// matching code), with the same URLs.
#[component]
fn AppRoutes() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let page = Memo::new(move |_| Page::of(&location.pathname.get()));
    lazy::prefetch_common_pages();
    view! {
        <Routes fallback=move || view! { <p>{tr(i18n, |i| t_string!(i, common.not_found))}</p> }>
            <Route path=path!("/*any") view=move || {
                move || match page.get() {
                    Page::Requests => view! { <RequestsPage/> }.into_any(),
                    Page::NewRequest => lazy::new_request(),
                    Page::Detail(number) => lazy::detail(number),
                    Page::Dashboard => lazy::dashboard(),
                    Page::Data => lazy::data(),
                    Page::Settings => lazy::settings(),
                    Page::Routing => lazy::routing(),
                    Page::Sla => lazy::sla(),
                    Page::Mine => lazy::mine(),
                    Page::Responsibility => lazy::responsibility(),
                    Page::Alerts => lazy::alerts(),
                    Page::Maturity => lazy::maturity(),
                    Page::MaturityRound(id) => lazy::maturity_round(id),
                    Page::MaturityModel(id) => lazy::maturity_model(id),
                    Page::NotFound => view! { <p>{tr(i18n, |i| t_string!(i, common.not_found))}</p> }.into_any(),
                    Page::Handoffs => lazy::handoffs(),
                    Page::HandoffTemplates => lazy::handoff_templates(),
                    Page::HandoffSheet(number, index) => lazy::handoff_sheet(number, index),
                    Page::Board => lazy::board(),
                    Page::BoardSettings => lazy::board_settings(),
                }
            }/>
        </Routes>
    }
}

/// The pages, by path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Requests,
    NewRequest,
    /// A request by its short number; `None` for a number that is not one.
    Detail(Option<u32>),
    Dashboard,
    Data,
    Settings,
    Routing,
    Sla,
    Mine,
    Responsibility,
    Alerts,
    Maturity,
    /// A round or a model by id; `None` for text that is not an id.
    MaturityRound(Option<crate::domain::Id>),
    MaturityModel(Option<crate::domain::Id>),
    NotFound,
    Handoffs,
    HandoffTemplates,
    /// The printable sheet of a request's handoff (its number, the handoff from 1).
    HandoffSheet(u32, usize),
    Board,
    BoardSettings,
}

impl Page {
    fn of(path: &str) -> Page {
        let path = path.trim_end_matches('/');
        match path {
            "" => Page::Requests,
            "/requests/new" => Page::NewRequest,
            "/dashboard" => Page::Dashboard,
            "/data" => Page::Data,
            "/settings" => Page::Settings,
            "/settings/routing" => Page::Routing,
            "/settings/sla" => Page::Sla,
            "/mine" => Page::Mine,
            "/responsibility" => Page::Responsibility,
            "/alerts" => Page::Alerts,
            "/maturity" => Page::Maturity,
            "/handoffs" => Page::Handoffs,
            "/handoffs/templates" => Page::HandoffTemplates,
            "/board" => Page::Board,
            "/board/settings" => Page::BoardSettings,
            _ => {
                let id = |rest: &str| crate::domain::Id::parse_str(rest).ok();
                if let Some(n) = path.strip_prefix("/requests/") {
                    if n.contains('/') {
                        crate::pages::handoffs::sheet_address(n)
                            .map_or(Page::NotFound, |(n, k)| Page::HandoffSheet(n, k))
                    } else {
                        Page::Detail(n.parse().ok())
                    }
                } else if let Some(r) = path.strip_prefix("/maturity/round/") {
                    Page::MaturityRound(id(r))
                } else if let Some(m) = path.strip_prefix("/maturity/model/") {
                    Page::MaturityModel(id(m))
                } else {
                    Page::NotFound
                }
            }
        }
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let app = crate::state::use_app();
    let ws_name = move || app.workspace.with(|w| w.as_ref().map(|w| w.name.clone()).unwrap_or_default());
    let has_ws = move || app.phase.get() == Phase::Ready;
    let switch_lang = move |_| {
        let next = match i18n.get_locale() {
            Locale::en => Locale::zh,
            Locale::zh => Locale::en,
        };
        prefs::set_language(match next {
            Locale::zh => "zh",
            Locale::en => "en",
        });
        i18n.set_locale(next);
    };
    view! {
        <header class="top">
            <div class="top-brand">
                <span class="brand">"Baton"</span>
                <Show when=has_ws>
                    <span class="ws-name" data-testid="workspace-name">{ws_name}</span>
                </Show>
            </div>
            <Show when=has_ws>
                <nav aria-label=move || t_string!(i18n, common.nav_label)>
                    <ul class="nav">
                        <li><A href="/" exact=true>{tr(i18n, |i| t_string!(i, common.nav_requests))}</A></li>
                        <li><A href="/requests/new">{tr(i18n, |i| t_string!(i, common.nav_new))}</A></li>
                        <li><A href="/mine">{tr(i18n, |i| t_string!(i, common.nav_mine))}</A></li>
                        <li><A href="/board">{tr(i18n, |i| t_string!(i, board.nav))}</A></li>
                        <li><A href="/handoffs">{tr(i18n, |i| t_string!(i, handoff.nav))}{move || crate::pages::handoffs::waiting_badge().map(|n| view! { " " <span class="count-badge" data-testid="handoff-count">{n}</span> })}</A></li>
                        <li><A href="/dashboard">{tr(i18n, |i| t_string!(i, common.nav_dashboard))}</A></li>
                        <li><A href="/responsibility">{tr(i18n, |i| t_string!(i, common.nav_responsibility))}</A></li>
                        <li><A href="/maturity">{tr(i18n, |i| t_string!(i, common.nav_maturity))}</A></li>
                        <li><A href="/alerts">{tr(i18n, |i| t_string!(i, common.nav_alerts))}{move || alert_count(app).map(|n| view! { " " <span class="count-badge" data-testid="alert-count">{n}</span> })}</A></li>
                        <li><A href="/data">{tr(i18n, |i| t_string!(i, common.nav_data))}</A></li>
                        <li><A href="/settings">{tr(i18n, |i| t_string!(i, common.nav_settings))}</A></li>
                    </ul>
                </nav>
            </Show>
            <div class="top-tools">
                <SimulatedClock/>
                <Show when=has_ws>
                    <ActorSelect/>
                </Show>
                <SaveIndicator/>
                <button type="button" class="lang-switch" on:click=switch_lang
                    aria-label=move || t_string!(i18n, common.switch_language_label)>
                    {tr(i18n, |i| t_string!(i, common.switch_language))}
                </button>
            </div>
        </header>
    }
}

/// How many alerts are active, shown next to "Alerts"; none when there are none.
fn alert_count(app: crate::state::AppState) -> Option<usize> {
    let n = app.workspace.with(|w| w.as_ref().map_or(0, |ws| ws.alerts.iter().filter(|a| a.is_active()).count()));
    (n > 0).then_some(n)
}

/// Says so, all the time, while the app runs on simulated time.
#[component]
fn SimulatedClock() -> impl IntoView {
    let i18n = use_i18n();
    let app = crate::state::use_app();
    let text = move || {
        let now = app.now.get();
        crate::platform::clock::simulation().map(|s| {
            let at = app.workspace.with(|w| match w {
                Some(ws) => crate::components::explain::fmt_in_zone(&ws.calendar, now),
                None => crate::components::labels::fmt_time(now),
            });
            t_string!(i18n, common.simulated_time, at = at, speed = crate::components::labels::fixed(s.speed, 0))
                .to_string()
        })
    };
    view! {
        {move || text().map(|t| view! { <A href="/settings/sla" attr:class="sim-clock" attr:data-testid="sim-clock">{t}</A> })}
    }
}

/// Who this browser acts as: stamped on every event as the actor.
#[component]
fn ActorSelect() -> impl IntoView {
    let i18n = use_i18n();
    let app = crate::state::use_app();
    let members = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.members.iter().filter(|m| m.active).map(|m| (m.id, m.name.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let current = move || app.actor.get().map(|a| a.to_string()).unwrap_or_default();
    let on_change = move |ev| {
        let v = event_target_value(&ev);
        app.set_actor(crate::domain::Id::parse_str(&v).ok());
    };
    // With members to choose from and nobody chosen, say so: changes would be
    // recorded as made by nobody, and new requests would have no owner.
    let unchosen = move || app.actor.get().is_none() && !members().is_empty();
    view! {
        <label class=move || if unchosen() { "actor needs-choice" } else { "actor" }>
            <span>{tr(i18n, |i| t_string!(i, common.acting_as))}</span>
            <select on:change=on_change prop:value=current data-testid="actor">
                <option value="">{tr(i18n, |i| t_string!(i, common.nobody))}</option>
                <For each=members key=|(id, name)| (*id, name.clone()) children=move |(id, name)| {
                    let value = id.to_string();
                    let selected = {
                        let value = value.clone();
                        move || current() == value
                    };
                    view! { <option value=value selected=selected>{name}</option> }
                }/>
            </select>
            {move || unchosen().then(|| view! { <span class="hint" data-testid="actor-hint">{tr(i18n, |i| t_string!(i, common.acting_as_hint))}</span> })}
        </label>
    }
}
