//! Early warnings (预警): the alerts raised and cleared, and the rules.
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::explain::{metric_label, rule_text};
use crate::components::labels::{command_error_text, fmt_time, tr};
use crate::domain::metrics::RateStat;
use crate::domain::warnings::{Alert, Comparison, Reading, WarningDraft, WarningMetric, WarningRule};
use crate::domain::{Command, Id, Workspace};
use crate::i18n::i18n::*;
use crate::state::use_app;

/// "16.0 % (4 of 25)"; for the first-response rule, business time:
/// "54 min of the 1 h target elapsed".
pub fn reading_text(i18n: crate::components::labels::I18n, metric: Option<WarningMetric>, r: &Reading) -> String {
    if metric == Some(WarningMetric::FirstResponseElapsed) {
        let secs = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        return t_string!(
            i18n,
            alerts.reading_elapsed,
            elapsed = crate::components::explain::fmt_business_time(i18n, secs(r.numerator)),
            target = crate::components::explain::fmt_business_time(i18n, secs(r.denominator))
        )
        .to_string();
    }
    let rate = RateStat { numerator: r.numerator, denominator: r.denominator };
    let pct = rate.percent_tenths().map(|t| format!("{}.{} %", t / 10, t % 10)).unwrap_or_else(|| "—".into());
    let base = t_string!(i18n, alerts.reading, rate = pct, n = r.numerator, of = r.denominator).to_string();
    match r.day {
        Some(d) => format!("{d}: {base}"),
        None => base,
    }
}

/// One alert as a line: what, about which request, when raised and cleared.
#[derive(Clone, PartialEq)]
pub struct AlertLine {
    pub id: Id,
    pub text: String,
    pub request: Option<(u32, String)>,
    pub raised: String,
    pub cleared: Option<String>,
    pub values: Vec<String>,
}

pub fn alert_lines(i18n: crate::components::labels::I18n, ws: &Workspace, active: bool) -> Vec<AlertLine> {
    let rule_of = |a: &Alert| ws.warnings.iter().find(|r| r.id == a.rule);
    let mut out: Vec<AlertLine> = ws
        .alerts
        .iter()
        .filter(|a| a.is_active() == active)
        .map(|a| AlertLine {
            id: a.id,
            text: rule_of(a)
                .map(|r| rule_text(i18n, r))
                .unwrap_or_else(|| t_string!(i18n, alerts.rule_removed).to_string()),
            request: a.request.and_then(|r| ws.request(r)).map(|r| (r.number, r.title.clone())),
            raised: fmt_time(a.raised_at),
            cleared: a.cleared_at.map(fmt_time),
            values: a.values.iter().map(|v| reading_text(i18n, rule_of(a).map(|r| r.metric), v)).collect(),
        })
        .collect();
    out.reverse();
    out
}

#[component]
fn AlertList(active: bool) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let lines = move || app.workspace.with(|w| w.as_ref().map(|ws| alert_lines(i18n, ws, active)).unwrap_or_default());
    let testid = if active { "active-alerts" } else { "alert-history" };
    view! {
        <Show when=move || !lines().is_empty() fallback=move || view! {
            <p class="empty-note" data-testid=format!("{testid}-empty")>{move || if active { t_string!(i18n, alerts.none_active) } else { t_string!(i18n, alerts.no_history) }}</p>
        }>
            <ul class="plain issue-list" data-testid=testid>
                <For each=lines key=|l| (l.id, l.cleared.clone()) children=move |l| view! {
                    <li class=if active { "alert active" } else { "alert" }>
                        <strong>{if active { t_string!(i18n, alerts.state_active) } else { t_string!(i18n, alerts.state_cleared) }}</strong>
                        " " {l.text.clone()}
                        {l.request.clone().map(|(n, t)| view! { " — " <A href=format!("/requests/{n}")>{format!("#{n} {t}")}</A> })}
                        <br/>
                        <span class="muted">{t_string!(i18n, alerts.raised_at, at = l.raised.clone()).to_string()}</span>
                        {l.cleared.clone().map(|c| view! { " · " <span class="muted">{t_string!(i18n, alerts.cleared_at, at = c).to_string()}</span> })}
                        {(!l.values.is_empty()).then(|| view! { <br/><span class="readings">{l.values.join("; ")}</span> })}
                    </li>
                }/>
            </ul>
        </Show>
    }
}

#[component]
pub fn AlertsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="alerts-h">
            <h1 id="alerts-h">{tr(i18n, |i| t_string!(i, alerts.title))}</h1>
            <p class="help">{tr(i18n, |i| t_string!(i, alerts.intro))}</p>
            <section class="card" aria-labelledby="active-h">
                <h2 id="active-h">{tr(i18n, |i| t_string!(i, alerts.active))}</h2>
                <AlertList active=true/>
            </section>
            <section class="card" aria-labelledby="history-h">
                <h2 id="history-h">{tr(i18n, |i| t_string!(i, alerts.history))}</h2>
                <AlertList active=false/>
            </section>
            <Rules/>
        </section>
    }
}

/// Editable fields of one rule.
#[component]
fn RuleForm(rule: Option<WarningRule>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let d = rule.as_ref().map(WarningRule::draft).unwrap_or(WarningDraft {
        metric: WarningMetric::DailyTimeoutRate,
        comparison: Comparison::Above,
        threshold_percent: 15,
        days: 3,
        enabled: true,
    });
    let metric = RwSignal::new(d.metric);
    let comparison = RwSignal::new(d.comparison);
    let threshold = RwSignal::new(d.threshold_percent.to_string());
    let days = RwSignal::new(d.days.to_string());
    let enabled = RwSignal::new(d.enabled);
    let error = RwSignal::new(None::<String>);
    let id = rule.as_ref().map(|r| r.id);
    let prefix = id.map(|i| i.to_string()).unwrap_or_else(|| "new".into());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(t), Ok(n)) =
            (threshold.get_untracked().trim().parse::<u32>(), days.get_untracked().trim().parse::<u32>())
        else {
            return error.set(Some(t_string!(i18n, alerts.error_numbers).to_string()));
        };
        let draft = WarningDraft {
            metric: metric.get_untracked(),
            comparison: comparison.get_untracked(),
            threshold_percent: t,
            days: n,
            enabled: enabled.get_untracked(),
        };
        let cmd = match id {
            Some(rule) => Command::UpdateWarningRule { rule, draft },
            None => Command::AddWarningRule(draft),
        };
        match app.dispatch(cmd) {
            Ok(_) => {
                error.set(None);
                app.evaluate_warnings();
            }
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    let remove = move |_| {
        if let Some(rule) = id {
            if let Err(e) = app.dispatch(Command::RemoveWarningRule { rule }) {
                error.set(Some(command_error_text(i18n, &e)));
            }
        }
    };
    view! {
        <form class="inline-form rule-form" on:submit=save data-testid="warning-rule">
            <label>
                <span>{tr(i18n, |i| t_string!(i, alerts.metric))}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(m) = WarningMetric::ALL.into_iter().find(|m| m.key() == v) {
                        metric.set(m);
                        if !m.is_daily() { days.set("1".into()) }
                        if m.is_per_request() { comparison.set(Comparison::AtLeast) }
                    }
                }>
                    {WarningMetric::ALL.into_iter().map(|m| view! { <option value=m.key() selected=move || metric.get() == m>{metric_label(i18n, m)}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, alerts.comparison))}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(c) = Comparison::ALL.into_iter().find(|c| c.key() == v) { comparison.set(c) }
                }>
                    {Comparison::ALL.into_iter().map(|c| view! { <option value=c.key() selected=move || comparison.get() == c>{c.symbol()}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, alerts.threshold))}</span>
                <input type="number" min="0" max="100" prop:value=move || threshold.get() on:input=move |ev| threshold.set(event_target_value(&ev))
                    data-testid=format!("threshold-{prefix}")/>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, alerts.days))}</span>
                <input type="number" min="1" max="31" prop:value=move || days.get() on:input=move |ev| days.set(event_target_value(&ev))
                    disabled=move || !metric.get().is_daily() data-testid=format!("days-{prefix}")/>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || enabled.get() on:change=move |ev| enabled.set(event_target_checked(&ev))/>
                <span>{tr(i18n, |i| t_string!(i, alerts.enabled))}</span>
            </label>
            <button type="submit" data-testid=format!("save-rule-{prefix}")>
                {if id.is_some() { t_string!(i18n, alerts.save) } else { t_string!(i18n, alerts.add) }}
            </button>
            {id.is_some().then(|| view! { <button type="button" class="danger" on:click=remove>{tr(i18n, |i| t_string!(i, alerts.remove))}</button> })}
            <span class="error" role="alert">{move || error.get()}</span>
        </form>
    }
}

#[component]
fn Rules() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rules = move || app.workspace.with(|w| w.as_ref().map(|ws| ws.warnings.clone()).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby="wrules-h">
            <h2 id="wrules-h">{tr(i18n, |i| t_string!(i, alerts.rules))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, alerts.rules_help))}</p>
            <ul class="plain">
                <For each=rules key=|r| format!("{r:?}") children=move |r| view! {
                    <li><p class="rule-now">{rule_text(i18n, &r)}</p><RuleForm rule=Some(r)/></li>
                }/>
            </ul>
            <h3>{tr(i18n, |i| t_string!(i, alerts.new_rule))}</h3>
            <RuleForm rule=None/>
        </section>
    }
}
