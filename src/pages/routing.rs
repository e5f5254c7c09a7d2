//! Settings → Routing: the ordered rules, the fallback, and a panel that
//! shows which rule would fire for given request fields without creating
//! anything.
use leptos::prelude::*;

use crate::components::explain::{conditions_text, decision_text, skipped_text, strategy_label, target_text};
use crate::components::labels::{channel_label, command_error_text, tr, urgency_label, CHANNELS, URGENCIES};
use crate::domain::routing::{Conditions, Router, RoutingInput, RoutingRule, RuleDraft, Strategy, TagMatch, Target};
use crate::domain::{Channel, Command, Id, NewRequest, Urgency};
use crate::i18n::i18n::*;
use crate::pages::settings::SettingsNav;
use crate::state::use_app;

/// "a, b , c" → ["a", "b", "c"].
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', '，', ';', '；']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

#[component]
pub fn RoutingPage() -> impl IntoView {
    let i18n = use_i18n();
    let editing = RwSignal::new(None::<Option<Id>>);
    view! {
        <section class="page" aria-labelledby="routing-h">
            <SettingsNav/>
            <h1 id="routing-h">{tr(i18n, |i| t_string!(i, routing.title))}</h1>
            <p class="help">{tr(i18n, |i| t_string!(i, routing.intro))}</p>
            <RuleList editing=editing/>
            {move || editing.get().map(|rule| view! { <RuleEditor rule=rule editing=editing/> })}
            <Fallback/>
            <RouteUnassigned/>
            <TestPanel/>
        </section>
    }
}

#[component]
fn RuleList(editing: RwSignal<Option<Option<Id>>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let run = move |cmd: Command| match app.dispatch(cmd) {
        Ok(_) => error.set(None),
        Err(e) => error.set(Some(command_error_text(i18n, &e))),
    };
    let rules = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| {
                    let n = ws.routing.rules.len();
                    ws.routing
                        .rules
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let text = (conditions_text(i18n, &r.when), target_text(i18n, ws, &r.target));
                            (i, n, r.clone(), text)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card" aria-labelledby="rules-h">
            <h2 id="rules-h">{tr(i18n, |i| t_string!(i, routing.rules))}</h2>
            <Show when=move || !rules().is_empty() fallback=move || view! {
                <p class="empty-note" data-testid="no-rules">{tr(i18n, |i| t_string!(i, routing.no_rules))}</p>
            }>
                <div class="table-wrap">
                    <table class="plain-table" data-testid="rule-list">
                        <thead><tr>
                            <th scope="col">"#"</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, routing.col_name))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, routing.col_when))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, routing.col_target))}</th>
                            <th scope="col">{tr(i18n, |i| t_string!(i, routing.col_enabled))}</th>
                            <th scope="col"><span class="sr-only">{tr(i18n, |i| t_string!(i, routing.col_actions))}</span></th>
                        </tr></thead>
                        <tbody>
                            <For each=rules key=|(i, n, r, t)| (*i, *n, format!("{r:?}"), t.clone()) children=move |(i, n, r, (when, target))| {
                                let id = r.id;
                                let name = r.name.clone();
                                let label = |key: &str| format!("{key} {}", r.name);
                                let up = label(t_string!(i18n, routing.move_up));
                                let down = label(t_string!(i18n, routing.move_down));
                                let edit = label(t_string!(i18n, routing.edit));
                                let remove = label(t_string!(i18n, routing.remove));
                                view! {
                                    <tr data-testid="rule-row">
                                        <td>{i + 1}</td>
                                        <td>{name}</td>
                                        <td>{when}</td>
                                        <td>{target}</td>
                                        <td>{if r.enabled { t_string!(i18n, routing.yes) } else { t_string!(i18n, routing.no) }}</td>
                                        <td class="row-actions">
                                            <button type="button" aria-label=up disabled={i == 0}
                                                on:click=move |_| run(Command::MoveRoutingRule { rule: id, to: i.saturating_sub(1) })>"↑"</button>
                                            <button type="button" aria-label=down disabled={i + 1 >= n}
                                                on:click=move |_| run(Command::MoveRoutingRule { rule: id, to: i + 1 })>"↓"</button>
                                            <button type="button" aria-label=edit on:click=move |_| editing.set(Some(Some(id)))>
                                                {tr(i18n, |i| t_string!(i, routing.edit))}
                                            </button>
                                            <button type="button" class="danger" aria-label=remove
                                                on:click=move |_| run(Command::RemoveRoutingRule { rule: id })>
                                                {tr(i18n, |i| t_string!(i, routing.remove))}
                                            </button>
                                        </td>
                                    </tr>
                                }
                            }/>
                        </tbody>
                    </table>
                </div>
            </Show>
            <p class="error" role="alert">{move || error.get()}</p>
            <button type="button" class="primary" data-testid="add-rule" on:click=move |_| editing.set(Some(None))>
                {tr(i18n, |i| t_string!(i, routing.add_rule))}
            </button>
        </section>
    }
}

/// Picks a target: a team with a strategy, or one member. `None` when the
/// choice is incomplete (or "none" is allowed and chosen).
#[component]
fn TargetPicker(
    value: RwSignal<Option<Target>>,
    /// Offer "nobody" (for the fallback).
    allow_none: bool,
    prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let kind = RwSignal::new(match value.get_untracked() {
        Some(Target::Member { .. }) => "member",
        Some(Target::Team { .. }) => "team",
        None if allow_none => "none",
        None => "team",
    });
    let team = RwSignal::new(match value.get_untracked() {
        Some(Target::Team { team, .. }) => team.to_string(),
        _ => String::new(),
    });
    let strategy = RwSignal::new(match value.get_untracked() {
        Some(Target::Team { strategy, .. }) => strategy,
        _ => Strategy::LeastLoaded,
    });
    let member = RwSignal::new(match value.get_untracked() {
        Some(Target::Member { member }) => member.to_string(),
        _ => String::new(),
    });
    Effect::new(move |_| {
        let t = match kind.get() {
            "member" => Id::parse_str(&member.get()).ok().map(|member| Target::Member { member }),
            "team" => Id::parse_str(&team.get()).ok().map(|team| Target::Team { team, strategy: strategy.get() }),
            _ => None,
        };
        value.set(t);
    });
    let teams = move || {
        app.workspace.with(|w| {
            w.as_ref().map(|ws| ws.teams.iter().map(|t| (t.id, t.name.clone())).collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let members = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| ws.members.iter().filter(|m| m.active).map(|m| (m.id, m.name.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <fieldset class="target-picker">
            <legend>{tr(i18n, |i| t_string!(i, routing.target))}</legend>
            <label>
                <span>{tr(i18n, |i| t_string!(i, routing.target_kind))}</span>
                <select data-testid=format!("{prefix}-target-kind") on:change=move |ev| {
                    let v = event_target_value(&ev);
                    kind.set(match v.as_str() { "member" => "member", "none" => "none", _ => "team" });
                }>
                    {allow_none.then(|| view! { <option value="none" selected=move || kind.get() == "none">{tr(i18n, |i| t_string!(i, routing.target_none))}</option> })}
                    <option value="team" selected=move || kind.get() == "team">{tr(i18n, |i| t_string!(i, routing.target_team))}</option>
                    <option value="member" selected=move || kind.get() == "member">{tr(i18n, |i| t_string!(i, routing.target_member))}</option>
                </select>
            </label>
            <Show when=move || kind.get() == "team">
                <label>
                    <span>{tr(i18n, |i| t_string!(i, routing.team))}</span>
                    <select data-testid=format!("{prefix}-team") on:change=move |ev| team.set(event_target_value(&ev))>
                        <option value="">{tr(i18n, |i| t_string!(i, detail.choose))}</option>
                        <For each=teams key=|(id, n)| (*id, n.clone()) children=move |(id, n)| {
                            let v = id.to_string();
                            let selected = v == team.get_untracked();
                            view! { <option value=v selected=selected>{n}</option> }
                        }/>
                    </select>
                </label>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, routing.strategy))}</span>
                    <select data-testid=format!("{prefix}-strategy") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = Strategy::ALL.into_iter().find(|s| s.key() == v) { strategy.set(s) }
                    }>
                        {Strategy::ALL.into_iter().map(|s| view! {
                            <option value=s.key() selected=move || strategy.get() == s>{strategy_label(i18n, s)}</option>
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            <Show when=move || kind.get() == "member">
                <label>
                    <span>{tr(i18n, |i| t_string!(i, routing.member))}</span>
                    <select data-testid=format!("{prefix}-member") on:change=move |ev| member.set(event_target_value(&ev))>
                        <option value="">{tr(i18n, |i| t_string!(i, detail.choose))}</option>
                        <For each=members key=|(id, n)| (*id, n.clone()) children=move |(id, n)| {
                            let v = id.to_string();
                            let selected = v == member.get_untracked();
                            view! { <option value=v selected=selected>{n}</option> }
                        }/>
                    </select>
                </label>
            </Show>
        </fieldset>
    }
}

/// The fields of a rule's conditions, as typed.
#[derive(Clone, Copy)]
struct ConditionFields {
    categories: RwSignal<String>,
    channels: RwSignal<Vec<Channel>>,
    min_urgency: RwSignal<String>,
    tags: RwSignal<String>,
    all_tags: RwSignal<bool>,
    preferences: RwSignal<String>,
}

impl ConditionFields {
    fn of(c: &Conditions) -> Self {
        Self {
            categories: RwSignal::new(c.categories.join(", ")),
            channels: RwSignal::new(c.channels.clone()),
            min_urgency: RwSignal::new(c.min_urgency.map(|u| u.key().to_string()).unwrap_or_default()),
            tags: RwSignal::new(c.tags.join(", ")),
            all_tags: RwSignal::new(c.tags_match == TagMatch::All),
            preferences: RwSignal::new(c.preferences_contain.clone()),
        }
    }

    fn read(&self) -> Conditions {
        Conditions {
            categories: split_list(&self.categories.get_untracked()),
            channels: self.channels.get_untracked(),
            min_urgency: Urgency::from_key(&self.min_urgency.get_untracked()),
            tags: split_list(&self.tags.get_untracked()),
            tags_match: if self.all_tags.get_untracked() { TagMatch::All } else { TagMatch::Any },
            preferences_contain: self.preferences.get_untracked(),
        }
    }
}

#[component]
fn RuleEditor(rule: Option<Id>, editing: RwSignal<Option<Option<Id>>>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let existing: Option<RoutingRule> = rule.and_then(|id| {
        app.workspace
            .with_untracked(|w| w.as_ref().and_then(|ws| ws.routing.rules.iter().find(|r| r.id == id).cloned()))
    });
    let name = RwSignal::new(existing.as_ref().map(|r| r.name.clone()).unwrap_or_default());
    let enabled = RwSignal::new(existing.as_ref().is_none_or(|r| r.enabled));
    let fields = ConditionFields::of(&existing.as_ref().map(|r| r.when.clone()).unwrap_or_default());
    let target = RwSignal::new(existing.as_ref().map(|r| r.target));
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(t) = target.get_untracked() else {
            error.set(Some(t_string!(i18n, routing.pick_target).to_string()));
            return;
        };
        let draft =
            RuleDraft { name: name.get_untracked(), enabled: enabled.get_untracked(), when: fields.read(), target: t };
        let cmd = match rule {
            Some(rule) => Command::UpdateRoutingRule { rule, draft },
            None => Command::AddRoutingRule(draft),
        };
        match app.dispatch(cmd) {
            Ok(_) => editing.set(None),
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    let heading = if rule.is_some() { t_string!(i18n, routing.edit_rule) } else { t_string!(i18n, routing.new_rule) };
    view! {
        <form class="card rule-editor" aria-labelledby="rule-editor-h" on:submit=save data-testid="rule-editor">
            <h2 id="rule-editor-h">{heading}</h2>
            <label>
                <span>{tr(i18n, |i| t_string!(i, routing.col_name))}</span>
                <input type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) data-testid="rule-name"/>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || enabled.get() on:change=move |ev| enabled.set(event_target_checked(&ev))/>
                <span>{tr(i18n, |i| t_string!(i, routing.enabled))}</span>
            </label>
            <ConditionInputs fields=fields prefix="rule"/>
            <TargetPicker value=target allow_none=false prefix="rule"/>
            <p class="error" role="alert">{move || error.get()}</p>
            <div class="actions">
                <button type="submit" class="primary" data-testid="save-rule">{tr(i18n, |i| t_string!(i, routing.save_rule))}</button>
                <button type="button" on:click=move |_| editing.set(None)>{tr(i18n, |i| t_string!(i, settings.cancel))}</button>
            </div>
        </form>
    }
}

#[component]
fn ConditionInputs(fields: ConditionFields, prefix: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="conditions">
            <legend>{tr(i18n, |i| t_string!(i, routing.when))}</legend>
            <label>
                <span>{tr(i18n, |i| t_string!(i, routing.cond_categories))}</span>
                <input type="text" prop:value=move || fields.categories.get() on:input=move |ev| fields.categories.set(event_target_value(&ev))
                    data-testid=format!("{prefix}-categories")/>
            </label>
            <fieldset class="inline-checks">
                <legend>{tr(i18n, |i| t_string!(i, routing.cond_channels))}</legend>
                {CHANNELS.into_iter().map(|c| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || fields.channels.with(|cs| cs.contains(&c))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                fields.channels.update(|cs| { cs.retain(|x| *x != c); if on { cs.push(c) } });
                            }/>
                        <span>{channel_label(i18n, c)}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <label>
                <span>{tr(i18n, |i| t_string!(i, routing.cond_min_urgency))}</span>
                <select on:change=move |ev| fields.min_urgency.set(event_target_value(&ev)) data-testid=format!("{prefix}-min-urgency")>
                    <option value="" selected=move || fields.min_urgency.get().is_empty()>{tr(i18n, |i| t_string!(i, routing.any_urgency))}</option>
                    {URGENCIES.into_iter().map(|u| view! {
                        <option value=u.key() selected=move || fields.min_urgency.get() == u.key()>{urgency_label(i18n, u)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, routing.cond_tag_list))}</span>
                <input type="text" prop:value=move || fields.tags.get() on:input=move |ev| fields.tags.set(event_target_value(&ev))
                    data-testid=format!("{prefix}-tags")/>
            </label>
            <label class="check">
                <input type="checkbox" prop:checked=move || fields.all_tags.get() on:change=move |ev| fields.all_tags.set(event_target_checked(&ev))/>
                <span>{tr(i18n, |i| t_string!(i, routing.cond_all_tags))}</span>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, routing.cond_preferences_text))}</span>
                <input type="text" prop:value=move || fields.preferences.get() on:input=move |ev| fields.preferences.set(event_target_value(&ev))
                    data-testid=format!("{prefix}-preferences")/>
            </label>
        </fieldset>
    }
}

#[component]
fn Fallback() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let value = RwSignal::new(app.workspace.with_untracked(|w| w.as_ref().and_then(|ws| ws.routing.fallback)));
    let error = RwSignal::new(None::<String>);
    let saved = RwSignal::new(false);
    let current = move || {
        app.workspace.with(|w| {
            w.as_ref().map(|ws| match &ws.routing.fallback {
                Some(t) => target_text(i18n, ws, t),
                None => t_string!(i18n, routing.fallback_none).to_string(),
            })
        })
    };
    view! {
        <form class="card" aria-labelledby="fallback-h" on:submit=move |ev| {
            ev.prevent_default();
            match app.dispatch(Command::SetRoutingFallback { fallback: value.get_untracked() }) {
                Ok(_) => { error.set(None); saved.set(true) }
                Err(e) => error.set(Some(command_error_text(i18n, &e))),
            }
        }>
            <h2 id="fallback-h">{tr(i18n, |i| t_string!(i, routing.fallback))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, routing.fallback_help))}</p>
            <p>{tr(i18n, |i| t_string!(i, routing.fallback_now))}" "<strong data-testid="fallback-now">{current}</strong></p>
            <TargetPicker value=value allow_none=true prefix="fallback"/>
            <p class="error" role="alert">{move || error.get()}</p>
            <button type="submit" data-testid="save-fallback">{tr(i18n, |i| t_string!(i, routing.save_fallback))}</button>
        </form>
    }
}

/// Routes the open requests nobody handles, on demand.
#[component]
fn RouteUnassigned() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let count = move || {
        app.workspace
            .with(|w| w.as_ref().map(|ws| ws.requests.values().filter(|r| r.is_open() && r.handler.is_none()).count()))
            .unwrap_or(0)
    };
    view! {
        <section class="card" aria-labelledby="unassigned-h">
            <h2 id="unassigned-h">{tr(i18n, |i| t_string!(i, routing.unassigned_title))}</h2>
            <p data-testid="unassigned-count">{move || t_string!(i18n, routing.unassigned_count, count = count()).to_string()}</p>
            <button type="button" data-testid="route-unassigned" disabled=move || count() == 0 on:click=move |_| {
                match app.dispatch(Command::RouteUnassigned) {
                    Ok(_) => error.set(None),
                    Err(e) => error.set(Some(command_error_text(i18n, &e))),
                }
            }>{tr(i18n, |i| t_string!(i, routing.unassigned_button))}</button>
            <p class="error" role="alert">{move || error.get()}</p>
        </section>
    }
}

#[component]
fn TestPanel() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let fields = ConditionFields::of(&Conditions::default());
    let channel = RwSignal::new(Channel::Phone);
    let urgency = RwSignal::new(Urgency::Medium);
    let result = move || {
        let mut r = NewRequest::titled("test");
        r.category = fields.categories.get();
        r.channel = channel.get();
        r.urgency = urgency.get();
        r.tags = split_list(&fields.tags.get());
        r.preferences = fields.preferences.get();
        app.workspace.with(|w| {
            w.as_ref().map(|ws| {
                let d = Router::new(ws).decide(&RoutingInput::of(&r));
                (decision_text(i18n, ws, &d), skipped_text(i18n, &d))
            })
        })
    };
    view! {
        <section class="card" aria-labelledby="test-h">
            <h2 id="test-h">{tr(i18n, |i| t_string!(i, routing.test_title))}</h2>
            <p class="help">{tr(i18n, |i| t_string!(i, routing.test_help))}</p>
            <div class="inline-form">
                <label>
                    <span>{tr(i18n, |i| t_string!(i, detail.category))}</span>
                    <input type="text" prop:value=move || fields.categories.get() on:input=move |ev| fields.categories.set(event_target_value(&ev)) data-testid="test-category"/>
                </label>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, detail.channel))}</span>
                    <select on:change=move |ev| if let Some(c) = Channel::from_key(&event_target_value(&ev)) { channel.set(c) } data-testid="test-channel">
                        {CHANNELS.into_iter().map(|c| view! { <option value=c.key() selected=move || channel.get() == c>{channel_label(i18n, c)}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, detail.urgency))}</span>
                    <select on:change=move |ev| if let Some(u) = Urgency::from_key(&event_target_value(&ev)) { urgency.set(u) } data-testid="test-urgency">
                        {URGENCIES.into_iter().map(|u| view! { <option value=u.key() selected=move || urgency.get() == u>{urgency_label(i18n, u)}</option> }).collect_view()}
                    </select>
                </label>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, detail.tags))}</span>
                    <input type="text" prop:value=move || fields.tags.get() on:input=move |ev| fields.tags.set(event_target_value(&ev)) data-testid="test-tags"/>
                </label>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, detail.preferences))}</span>
                    <input type="text" prop:value=move || fields.preferences.get() on:input=move |ev| fields.preferences.set(event_target_value(&ev)) data-testid="test-preferences"/>
                </label>
            </div>
            <p class="result" role="status" aria-live="polite" data-testid="test-result">{move || result().map(|(t, _)| t)}</p>
            {move || result().and_then(|(_, s)| s).map(|s| view! { <p class="help">{s}</p> })}
        </section>
    }
}
