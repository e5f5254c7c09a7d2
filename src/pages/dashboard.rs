//! The dashboard: the METRICS.md figures, each with its n of N, overall and by
//! channel and urgency.
use leptos::prelude::*;

use crate::components::labels::{self, tr};
use crate::components::labels::{channel_label, fmt_duration, urgency_label, I18n};
use crate::domain::metrics::{dashboard, Dashboard, DurationStat, Figures, RateStat};
use crate::domain::responsibility::{multi_team, orphan_rate};
use crate::domain::sla::{breach_rates, daily_timeout_rates};
use crate::domain::DataFlag;
use crate::i18n::i18n::*;
use crate::pages::alerts::alert_lines;
use crate::platform::clock;
use crate::state::use_app;
use leptos_router::components::A;

fn dur(i18n: I18n, v: Option<i64>) -> String {
    v.map(|s| fmt_duration(i18n, s)).unwrap_or_else(|| t_string!(i18n, dashboard.no_data).to_string())
}

fn rate(i18n: I18n, r: &RateStat) -> String {
    match r.percent_tenths() {
        Some(t) => format!("{}.{} %", t / 10, t % 10),
        None => t_string!(i18n, dashboard.no_data).to_string(),
    }
}

fn n_of(i18n: I18n, n: usize, of: usize) -> String {
    t_string!(i18n, dashboard.n_of, n = n, of = of).to_string()
}

#[component]
fn DurationCard(title: String, help: String, stat: DurationStat, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let excluded = (stat.negative_excluded + stat.flagged_excluded > 0).then(|| {
        t_string!(i18n, dashboard.excluded, negative = stat.negative_excluded, flagged = stat.flagged_excluded)
            .to_string()
    });
    view! {
        <div class="figure" data-testid=testid>
            <h3>{title}</h3>
            <p class="value">
                <span>{tr(i18n, |i| t_string!(i, dashboard.median))}" "</span><strong data-testid=format!("{testid}-median")>{dur(i18n, stat.median_secs)}</strong>
            </p>
            <p class="value">
                <span>{tr(i18n, |i| t_string!(i, dashboard.p90))}" "</span><strong data-testid=format!("{testid}-p90")>{dur(i18n, stat.p90_secs)}</strong>
            </p>
            <p class="n" data-testid=format!("{testid}-n")>{n_of(i18n, stat.n, stat.of)}</p>
            {excluded.map(|e| view! { <p class="n">{e}</p> })}
            <p class="help">{help}</p>
        </div>
    }
}

#[component]
fn OverallFigures(f: Figures) -> impl IntoView {
    let i18n = use_i18n();
    let csat_mean =
        f.csat.mean.map(|m| labels::fixed(m, 2)).unwrap_or_else(|| t_string!(i18n, dashboard.no_data).to_string());
    let handling = f
        .handling_count
        .mean
        .map(|m| labels::fixed(m, 2))
        .unwrap_or_else(|| t_string!(i18n, dashboard.no_data).to_string());
    view! {
        <div class="figures">
            <div class="figure" data-testid="fig-total">
                <h3>{tr(i18n, |i| t_string!(i, dashboard.total))}</h3>
                <p class="value"><strong data-testid="fig-total-value">{f.total}</strong></p>
                <p class="n">{t_string!(i18n, dashboard.open_resolved, open = f.open, done = f.resolved_or_closed).to_string()}</p>
            </div>
            <DurationCard title=t_string!(i18n, dashboard.first_response).to_string()
                help=t_string!(i18n, dashboard.first_response_help).to_string() stat=f.first_response.clone() testid="fig-frt"/>
            <DurationCard title=t_string!(i18n, dashboard.resolution).to_string()
                help=t_string!(i18n, dashboard.resolution_help).to_string() stat=f.resolution.clone() testid="fig-res"/>
            <DurationCard title=t_string!(i18n, dashboard.after_first_response).to_string()
                help=t_string!(i18n, dashboard.after_first_response_help).to_string() stat=f.resolution_after_first_response.clone() testid="fig-rafr"/>
            <div class="figure" data-testid="fig-fcr">
                <h3>{tr(i18n, |i| t_string!(i, dashboard.fcr))}</h3>
                <p class="value"><strong data-testid="fig-fcr-value">{rate(i18n, &f.fcr)}</strong></p>
                <p class="n" data-testid="fig-fcr-n">{n_of(i18n, f.fcr.numerator, f.fcr.denominator)}</p>
                <p class="help">{tr(i18n, |i| t_string!(i, dashboard.fcr_help))}</p>
            </div>
            <div class="figure" data-testid="fig-handling">
                <h3>{tr(i18n, |i| t_string!(i, dashboard.handling))}</h3>
                <p class="value"><strong data-testid="fig-handling-value">{handling}</strong></p>
                <p class="n">{n_of(i18n, f.handling_count.n, f.handling_count.of)}</p>
                <p class="help">{tr(i18n, |i| t_string!(i, dashboard.handling_help))}</p>
            </div>
            <div class="figure" data-testid="fig-csat">
                <h3>{tr(i18n, |i| t_string!(i, dashboard.csat))}</h3>
                <p class="value"><strong data-testid="fig-csat-value">{csat_mean}</strong>" / 5"</p>
                <p class="n" data-testid="fig-csat-n">{n_of(i18n, f.csat.n, f.csat.of)}</p>
                <p class="n">{t_string!(i18n, dashboard.csat_high, share = rate(i18n, &f.csat.high_share)).to_string()}</p>
            </div>
        </div>
    }
}

#[component]
fn Breakdown(title: String, rows: Vec<(String, Figures)>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="breakdown">
            <h2>{title.clone()}</h2>
            <div class="table-wrap">
                <table class="plain-table" data-testid=testid>
                    <caption class="sr-only">{title}</caption>
                    <thead><tr>
                        <th scope="col">{tr(i18n, |i| t_string!(i, dashboard.group))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, dashboard.total))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, dashboard.col_frt))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, dashboard.col_res))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, dashboard.col_rafr))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, dashboard.fcr))}</th>
                        <th scope="col">{tr(i18n, |i| t_string!(i, dashboard.csat))}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(label, f)| {
                            let d = |s: &DurationStat| format!("{} · {}", dur(i18n, s.median_secs), n_of(i18n, s.n, s.of));
                            let csat = f.csat.mean.map(|m| labels::fixed(m, 2)).unwrap_or_else(|| t_string!(i18n, dashboard.no_data).to_string());
                            view! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td>{f.total}</td>
                                    <td>{d(&f.first_response)}</td>
                                    <td>{d(&f.resolution)}</td>
                                    <td>{d(&f.resolution_after_first_response)}</td>
                                    <td>{format!("{} · {}", rate(i18n, &f.fcr), n_of(i18n, f.fcr.numerator, f.fcr.denominator))}</td>
                                    <td>{format!("{csat} · {}", n_of(i18n, f.csat.n, f.csat.of))}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// A rate figure: value, n of N and what it means.
#[component]
fn RateCard(title: String, help: String, stat: RateStat, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="figure" data-testid=testid>
            <h3>{title}</h3>
            <p class="value"><strong data-testid=format!("{testid}-value")>{rate(i18n, &stat)}</strong></p>
            <p class="n" data-testid=format!("{testid}-n")>{n_of(i18n, stat.numerator, stat.denominator)}</p>
            <p class="help">{help}</p>
        </div>
    }
}

/// Routing, responsibility and SLA figures, and the daily timeout rate of
/// the last seven complete days. They follow the app's clock.
#[component]
fn WorkFigures(routing: RateStat) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let figures = move || {
        let now = app.now.get();
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let orphans = orphan_rate(ws, now);
            let (_, multi) = multi_team(ws);
            let (fr, res) = breach_rates(ws.requests.values(), now);
            let today = ws.calendar.local_date(now)?;
            let first = today.checked_sub_days(chrono::Days::new(7))?;
            let days = daily_timeout_rates(&ws.calendar, ws.requests.values(), first, today.pred_opt()?, now);
            Some((orphans, multi, fr, res, days.into_iter().collect::<Vec<_>>()))
        })
    };
    view! {
        {move || figures().map(|(orphans, multi, fr, res, days)| view! {
            <h2>{tr(i18n, |i| t_string!(i, dashboard.work_title))}</h2>
            <div class="figures">
                <RateCard title=t_string!(i18n, dashboard.routing_accuracy).to_string() help=t_string!(i18n, dashboard.routing_accuracy_help).to_string() stat=routing testid="fig-routing"/>
                <RateCard title=t_string!(i18n, dashboard.orphan_rate).to_string() help=t_string!(i18n, dashboard.orphan_rate_help).to_string() stat=orphans testid="fig-orphans"/>
                <RateCard title=t_string!(i18n, dashboard.multi_team).to_string() help=t_string!(i18n, dashboard.multi_team_help).to_string() stat=multi testid="fig-multi"/>
                <RateCard title=t_string!(i18n, dashboard.breach_fr).to_string() help=t_string!(i18n, dashboard.breach_help).to_string() stat=fr testid="fig-breach-fr"/>
                <RateCard title=t_string!(i18n, dashboard.breach_res).to_string() help=t_string!(i18n, dashboard.breach_help).to_string() stat=res testid="fig-breach-res"/>
            </div>
            <section class="breakdown">
                <h2>{tr(i18n, |i| t_string!(i, dashboard.daily_timeout))}</h2>
                <div class="table-wrap">
                    <table class="plain-table" data-testid="daily-timeout">
                        <thead><tr>
                            <th scope="col">{tr(i18n, |i| t_string!(i, dashboard.day))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, dashboard.daily_timeout))}</th>
                        </tr></thead>
                        <tbody>
                            {days.into_iter().map(|(d, r)| view! {
                                <tr><th scope="row">{d.to_string()}</th><td>{format!("{} · {}", rate(i18n, &r), n_of(i18n, r.numerator, r.denominator))}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
        })}
    }
}

/// Shown on the dashboard while an early warning is active.
#[component]
fn AlertBanner() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let active = move || app.workspace.with(|w| w.as_ref().map(|ws| alert_lines(i18n, ws, true)).unwrap_or_default());
    view! {
        <Show when=move || !active().is_empty()>
            <div class="banner banner-error" role="alert" data-testid="alert-banner">
                <p><strong>{move || t_string!(i18n, dashboard.alerts_active, count = active().len()).to_string()}</strong></p>
                <ul>
                    {move || active().into_iter().take(5).map(|l| view! {
                        <li>{l.text}{l.request.map(|(n, t)| format!(" — #{n} {t}"))}</li>
                    }).collect_view()}
                </ul>
                <A href="/alerts">{tr(i18n, |i| t_string!(i, dashboard.see_alerts))}</A>
            </div>
        </Show>
    }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // The time the figures took, for the benchmark.
    let compute_ms = RwSignal::new(0.0f64);
    let data = Memo::new(move |_| {
        let start = clock::perf_ms();
        let d: Option<Dashboard> = app.workspace.with(|w| w.as_ref().map(|ws| dashboard(ws.requests.values())));
        compute_ms.set(clock::perf_ms() - start);
        d
    });
    view! {
        <section class="page" aria-labelledby="dash-h" data-testid="dashboard"
            data-compute-ms=move || labels::fixed(compute_ms.get(), 2)>
            <h1 id="dash-h">{tr(i18n, |i| t_string!(i, dashboard.title))}</h1>
            <AlertBanner/>
            {move || data.get().map(|d| {
                let flagged: usize = d.flagged.iter().map(|(_, n)| *n).sum();
                let rbfr = d.flagged.iter().find(|(f, _)| *f == DataFlag::ResolvedBeforeFirstResponse).map(|(_, n)| *n).unwrap_or(0);
                let by_channel = d.by_channel.iter().filter(|(_, f)| f.total > 0).map(|(c, f)| (channel_label(i18n, *c), f.clone())).collect::<Vec<_>>();
                let by_urgency = d.by_urgency.iter().filter(|(_, f)| f.total > 0).map(|(u, f)| (urgency_label(i18n, *u), f.clone())).collect::<Vec<_>>();
                view! {
                    <OverallFigures f=d.overall.clone()/>
                    {(flagged > 0).then(|| view! {
                        <p class="note" data-testid="flag-note">{t_string!(i18n, dashboard.flag_note, count = flagged, rbfr = rbfr).to_string()}</p>
                    })}
                    <WorkFigures routing=d.overall.routing_accuracy/>
                    <crate::pages::handoffs::HandoffFigures/>
                    <Breakdown title=t_string!(i18n, dashboard.by_channel).to_string() rows=by_channel testid="by-channel"/>
                    <Breakdown title=t_string!(i18n, dashboard.by_urgency).to_string() rows=by_urgency testid="by-urgency"/>
                }
            })}
        </section>
    }
}
