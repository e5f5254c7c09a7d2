//! Settings → Calendar and SLA: business hours, holidays, SLA targets per
//! urgency, thresholds, and the app's clock (real or simulated).
use chrono::{NaiveDate, NaiveDateTime, Weekday};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::explain::fmt_in_zone;
use crate::components::labels::{self, command_error_text, tr, urgency_label, URGENCIES};
use crate::components::snapshot_import::chosen_file;
use crate::domain::responsibility::Thresholds;
use crate::domain::sla::{SlaPolicy, SlaTarget};
use crate::domain::{BusinessCalendar, ClockTime, Command, OpeningSpan, Urgency};
use crate::i18n::i18n::*;
use crate::pages::settings::SettingsNav;
use crate::persist::csv_import::parse_time;
use crate::persist::holidays::{parse_date, parse_dates};
use crate::platform::{clock, files};
use crate::state::use_app;

const DAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

fn day_label(i18n: I18n, d: Weekday) -> String {
    match d {
        Weekday::Mon => t_string!(i18n, sla.mon),
        Weekday::Tue => t_string!(i18n, sla.tue),
        Weekday::Wed => t_string!(i18n, sla.wed),
        Weekday::Thu => t_string!(i18n, sla.thu),
        Weekday::Fri => t_string!(i18n, sla.fri),
        Weekday::Sat => t_string!(i18n, sla.sat),
        Weekday::Sun => t_string!(i18n, sla.sun),
    }
    .to_string()
}

type I18n = labels::I18n;

/// "09:00–12:00, 13:30–18:00".
fn spans_text(spans: &[OpeningSpan]) -> String {
    spans.iter().map(|s| format!("{}–{}", s.start, s.end)).collect::<Vec<_>>().join(", ")
}

/// Reads "09:00-12:00, 13:30–18:00"; says which span is wrong.
pub fn parse_spans(text: &str) -> Result<Vec<OpeningSpan>, String> {
    let mut out = Vec::new();
    for (i, part) in text.split([',', '，', ';']).map(str::trim).filter(|p| !p.is_empty()).enumerate() {
        let (a, b) =
            part.split_once(['-', '–', '~']).ok_or_else(|| format!("{} {}: “{part}”", i + 1, "09:00–18:00"))?;
        let start = ClockTime::parse(a).map_err(|e| format!("{}: {e}", i + 1))?;
        let end = ClockTime::parse(b).map_err(|e| format!("{}: {e}", i + 1))?;
        out.push(OpeningSpan::new(start, end));
    }
    Ok(out)
}

/// Hours as typed ("4", "0.5", "1,5") in whole seconds; none for anything else.
fn hours_to_secs(text: &str) -> Option<i64> {
    let t = text.trim().replace(',', ".");
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() && frac.is_empty() {
        return None;
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let frac_secs = if frac.is_empty() {
        0
    } else {
        let digits: String = frac.chars().take(4).collect();
        let n: i64 = digits.parse().ok()?;
        n * 3600 / 10i64.pow(digits.chars().count() as u32)
    };
    whole.checked_mul(3600)?.checked_add(frac_secs)
}

fn secs_to_hours(secs: i64) -> String {
    labels::fixed(secs as f64 / 3600.0, 2).trim_end_matches('0').trim_end_matches('.').to_string()
}

#[component]
pub fn SlaPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="sla-h">
            <SettingsNav/>
            <h1 id="sla-h">{tr(i18n, |i| t_string!(i, sla.title))}</h1>
            <CalendarCard/>
            <PolicyCard/>
            <ThresholdsCard/>
            <ClockCard/>
        </section>
    }
}

#[component]
fn CalendarCard() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let cal = app
        .workspace
        .with_untracked(|w| w.as_ref().map(|ws| ws.calendar.clone()))
        .unwrap_or_else(|| BusinessCalendar::standard("UTC"));
    let zone = RwSignal::new(cal.zone.clone());
    let days = RwSignal::new(cal.working_days.clone());
    let hours = RwSignal::new(spans_text(&cal.hours));
    let holidays = RwSignal::new(cal.holidays.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"));
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let zones = crate::platform::zones::names();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let spans = match parse_spans(&hours.get_untracked()) {
            Ok(s) => s,
            Err(e) => return error.set(Some(t_string!(i18n, sla.error_hours, detail = e).to_string())),
        };
        let mut dates = std::collections::BTreeSet::new();
        for (i, line) in holidays.get_untracked().lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match parse_date(line) {
                Some(d) => {
                    dates.insert(d);
                }
                None => {
                    return error.set(Some(
                        t_string!(i18n, sla.error_holiday, line = i + 1, found = line.trim().to_string()).to_string(),
                    ))
                }
            }
        }
        let cal = BusinessCalendar {
            zone: zone.get_untracked(),
            working_days: days.get_untracked(),
            hours: spans,
            holidays: dates,
        };
        match app.dispatch(Command::SetCalendar(cal)) {
            Ok(_) => {
                error.set(None);
                saved.set(true);
            }
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    let on_holiday_file = move |ev: leptos::ev::Event| {
        let Some(file) = chosen_file(&ev) else { return };
        spawn_local(async move {
            let name = file.name();
            let text = match files::read_text(&file).await {
                Ok(t) => t,
                Err(e) => return error.set(Some(e)),
            };
            match parse_dates(&name, &text) {
                Ok(found) => {
                    let mut all: std::collections::BTreeSet<NaiveDate> =
                        holidays.get_untracked().lines().filter_map(parse_date).collect();
                    let before = all.len();
                    all.extend(found);
                    holidays.set(all.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"));
                    error.set(None);
                    saved.set(false);
                    let added = all.len() - before;
                    error.set(Some(t_string!(i18n, sla.holidays_added, count = added).to_string()));
                }
                Err(e) => error.set(Some(e.to_string())),
            }
        });
    };
    view! {
        <form class="card" aria-labelledby="cal-h" on:submit=save data-testid="calendar-form">
            <h2 id="cal-h">{tr(i18n, |i| t_string!(i, sla.calendar))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, sla.calendar_help))}</p>
            <label>
                <span>{tr(i18n, |i| t_string!(i, sla.zone))}</span>
                <input type="text" list="zones" prop:value=move || zone.get() on:input=move |ev| zone.set(event_target_value(&ev)) data-testid="cal-zone"/>
            </label>
            <datalist id="zones">
                {zones.into_iter().map(|z| view! { <option value=z></option> }).collect_view()}
            </datalist>
            <fieldset class="inline-checks">
                <legend>{tr(i18n, |i| t_string!(i, sla.working_days))}</legend>
                {DAYS.into_iter().map(|d| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || days.with(|ds| ds.contains(&d))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                days.update(|ds| { ds.retain(|x| *x != d); if on { ds.push(d) } });
                            }/>
                        <span>{day_label(i18n, d)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <label>
                <span>{tr(i18n, |i| t_string!(i, sla.hours))}</span>
                <input type="text" prop:value=move || hours.get() on:input=move |ev| hours.set(event_target_value(&ev)) data-testid="cal-hours"/>
            </label>
            <p class="help">{tr(i18n, |i| t_string!(i, sla.hours_help))}</p>
            <label>
                <span>{tr(i18n, |i| t_string!(i, sla.holidays))}</span>
                <textarea rows="4" prop:value=move || holidays.get() on:input=move |ev| holidays.set(event_target_value(&ev)) data-testid="cal-holidays"></textarea>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, sla.holidays_import))}</span>
                <input type="file" accept=".csv,.txt,text/csv,text/plain" on:change=on_holiday_file data-testid="cal-holidays-file"/>
            </label>
            <p class="help">{tr(i18n, |i| t_string!(i, sla.holidays_help))}</p>
            <p class="error" role="alert" data-testid="cal-error">{move || error.get()}</p>
            <Show when=move || saved.get()><p role="status" class="ok">{tr(i18n, |i| t_string!(i, sla.saved))}</p></Show>
            <button type="submit" class="primary" data-testid="save-calendar">{tr(i18n, |i| t_string!(i, sla.save_calendar))}</button>
        </form>
    }
}

#[component]
fn PolicyCard() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let policy = app.workspace.with_untracked(|w| w.as_ref().map(|ws| ws.sla)).unwrap_or_default();
    let inputs: Vec<(Urgency, RwSignal<String>, RwSignal<String>)> = URGENCIES
        .into_iter()
        .map(|u| {
            let t = policy.target(u);
            (u, RwSignal::new(secs_to_hours(t.first_response_secs)), RwSignal::new(secs_to_hours(t.resolution_secs)))
        })
        .collect();
    let warn = RwSignal::new(policy.warn_percent.to_string());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let rows = inputs.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        let mut next = SlaPolicy::default();
        for (u, fr, res) in &inputs {
            let (Some(f), Some(r)) = (hours_to_secs(&fr.get_untracked()), hours_to_secs(&res.get_untracked())) else {
                return error
                    .set(Some(t_string!(i18n, sla.error_target, urgency = urgency_label(i18n, *u)).to_string()));
            };
            let target = SlaTarget { first_response_secs: f, resolution_secs: r };
            match u {
                Urgency::Low => next.low = target,
                Urgency::Medium => next.medium = target,
                Urgency::High => next.high = target,
                Urgency::Critical => next.critical = target,
            }
        }
        let Ok(w) = warn.get_untracked().trim().parse::<u8>() else {
            return error.set(Some(t_string!(i18n, sla.error_warn).to_string()));
        };
        next.warn_percent = w;
        match app.dispatch(Command::SetSlaPolicy(next)) {
            Ok(_) => {
                error.set(None);
                saved.set(true);
            }
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    view! {
        <form class="card" aria-labelledby="policy-h" on:submit=save data-testid="policy-form">
            <h2 id="policy-h">{tr(i18n, |i| t_string!(i, sla.policy))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, sla.policy_help))}</p>
            <table class="plain-table">
                <thead><tr>
                    <th scope="col">{tr(i18n, |i| t_string!(i, detail.urgency))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, sla.first_response_hours))}</th>
                    <th scope="col">{tr(i18n, |i| t_string!(i, sla.resolution_hours))}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|(u, fr, res)| {
                        let name = urgency_label(i18n, u);
                        let fr_label = format!("{name}: {}", t_string!(i18n, sla.first_response_hours));
                        let res_label = format!("{name}: {}", t_string!(i18n, sla.resolution_hours));
                        view! {
                            <tr>
                                <th scope="row">{name}</th>
                                <td><input type="text" inputmode="decimal" aria-label=fr_label prop:value=move || fr.get()
                                    on:input=move |ev| fr.set(event_target_value(&ev)) data-testid=format!("fr-{}", u.key())/></td>
                                <td><input type="text" inputmode="decimal" aria-label=res_label prop:value=move || res.get()
                                    on:input=move |ev| res.set(event_target_value(&ev)) data-testid=format!("res-{}", u.key())/></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <label>
                <span>{tr(i18n, |i| t_string!(i, sla.warn_percent))}</span>
                <input type="number" min="1" max="99" prop:value=move || warn.get() on:input=move |ev| warn.set(event_target_value(&ev)) data-testid="warn-percent"/>
            </label>
            <p class="error" role="alert" data-testid="policy-error">{move || error.get()}</p>
            <Show when=move || saved.get()><p role="status" class="ok">{tr(i18n, |i| t_string!(i, sla.saved))}</p></Show>
            <button type="submit" class="primary" data-testid="save-policy">{tr(i18n, |i| t_string!(i, sla.save_policy))}</button>
        </form>
    }
}

#[component]
fn ThresholdsCard() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let t = app.workspace.with_untracked(|w| w.as_ref().map(|ws| ws.thresholds)).unwrap_or_default();
    let orphan = RwSignal::new(secs_to_hours(t.orphan_after_secs));
    let window = RwSignal::new(t.duplicate_window_days.to_string());
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    view! {
        <form class="card" aria-labelledby="thr-h" on:submit=move |ev| {
            ev.prevent_default();
            saved.set(false);
            let (Some(o), Ok(w)) = (hours_to_secs(&orphan.get_untracked()), window.get_untracked().trim().parse::<u32>()) else {
                return error.set(Some(t_string!(i18n, sla.error_thresholds).to_string()));
            };
            match app.dispatch(Command::SetThresholds(Thresholds { orphan_after_secs: o, duplicate_window_days: w })) {
                Ok(_) => { error.set(None); saved.set(true) }
                Err(e) => error.set(Some(command_error_text(i18n, &e))),
            }
        }>
            <h2 id="thr-h">{tr(i18n, |i| t_string!(i, sla.thresholds))}</h2>
            <label>
                <span>{tr(i18n, |i| t_string!(i, sla.orphan_hours))}</span>
                <input type="text" inputmode="decimal" prop:value=move || orphan.get() on:input=move |ev| orphan.set(event_target_value(&ev)) data-testid="orphan-hours"/>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, sla.duplicate_days))}</span>
                <input type="number" min="1" max="365" prop:value=move || window.get() on:input=move |ev| window.set(event_target_value(&ev)) data-testid="duplicate-days"/>
            </label>
            <p class="error" role="alert">{move || error.get()}</p>
            <Show when=move || saved.get()><p role="status" class="ok">{tr(i18n, |i| t_string!(i, sla.saved))}</p></Show>
            <button type="submit" data-testid="save-thresholds">{tr(i18n, |i| t_string!(i, sla.save_thresholds))}</button>
        </form>
    }
}

/// The app's clock: real time, or a simulated one for training and tests.
#[component]
fn ClockCard() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let cal = move || {
        app.workspace
            .with(|w| w.as_ref().map(|ws| ws.calendar.clone()))
            .unwrap_or_else(|| BusinessCalendar::standard("UTC"))
    };
    let start = RwSignal::new(String::new());
    let speed = RwSignal::new("1".to_string());
    let error = RwSignal::new(None::<String>);
    let now_text = move || fmt_in_zone(&cal(), app.now.get());
    let simulated = move || {
        app.now.track();
        clock::simulation().map(|s| labels::fixed(s.speed, 0))
    };
    let run = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = cal();
        // Read as a wall-clock time, then placed in the workspace's zone.
        let wall: Option<NaiveDateTime> = parse_time(&start.get_untracked(), 0).map(|t| t.naive_utc());
        let parsed = wall.and_then(|t| c.tz().ok().and_then(|tz| tz.instant(t).earliest()));
        let Some(at) = parsed else {
            return error.set(Some(t_string!(i18n, sla.error_clock).to_string()));
        };
        let pace = speed.get_untracked().parse::<f64>().unwrap_or(1.0);
        error.set(None);
        app.set_clock(Some((at, pace)));
    };
    let jump = move |secs: i64| {
        let pace = clock::simulation().map_or(1.0, |s| s.speed);
        app.set_clock(Some((clock::now() + chrono::TimeDelta::seconds(secs), pace)));
    };
    view! {
        <form class="card" aria-labelledby="clock-h" on:submit=run data-testid="clock-form">
            <h2 id="clock-h">{tr(i18n, |i| t_string!(i, sla.clock))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, sla.clock_help))}</p>
            <p>{tr(i18n, |i| t_string!(i, sla.clock_now))}" "<strong data-testid="clock-now">{now_text}</strong>" "
                {move || match simulated() {
                    Some(s) => t_string!(i18n, sla.clock_simulated, speed = s).to_string(),
                    None => t_string!(i18n, sla.clock_real).to_string(),
                }}
            </p>
            <label>
                <span>{move || t_string!(i18n, sla.clock_start, zone = cal().zone).to_string()}</span>
                <input type="datetime-local" prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev)) data-testid="clock-start"/>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, sla.clock_speed))}</span>
                <select on:change=move |ev| speed.set(event_target_value(&ev)) data-testid="clock-speed">
                    {["1", "60", "600", "3600"].into_iter().map(|s| view! { <option value=s>{format!("{s}×")}</option> }).collect_view()}
                </select>
            </label>
            <p class="error" role="alert">{move || error.get()}</p>
            <div class="actions">
                <button type="submit" data-testid="clock-run">{tr(i18n, |i| t_string!(i, sla.clock_run))}</button>
                <button type="button" data-testid="clock-plus-hour" on:click=move |_| jump(3600)>{tr(i18n, |i| t_string!(i, sla.clock_plus_hour))}</button>
                <button type="button" data-testid="clock-plus-day" on:click=move |_| jump(86_400)>{tr(i18n, |i| t_string!(i, sla.clock_plus_day))}</button>
                <button type="button" data-testid="clock-real" on:click=move |_| app.set_clock(None)>{tr(i18n, |i| t_string!(i, sla.clock_back))}</button>
            </div>
        </form>
    }
}
