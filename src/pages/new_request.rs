//! Recording a new customer request: labelled fields, messages next to the
//! field they concern.
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::labels::tr;
use crate::components::labels::{channel_label, command_error_text, urgency_label, CHANNELS, URGENCIES};
use crate::domain::{Channel, Command, CommandError, Customer, Id, NewRequest, Urgency, MAX_TITLE_CHARS};
use crate::i18n::i18n::*;
use crate::state::use_app;

#[component]
pub fn NewRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let navigate = use_navigate();
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let customer = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let channel = RwSignal::new(Channel::Phone);
    let category = RwSignal::new(String::new());
    let urgency = RwSignal::new(Urgency::Medium);
    let tags = RwSignal::new(String::new());
    let preferences = RwSignal::new(String::new());
    let owner = RwSignal::new(app.actor.get_untracked().map(|a| a.to_string()).unwrap_or_default());
    let title_error = RwSignal::new(None::<String>);
    let form_error = RwSignal::new(None::<String>);
    let title_chars = move || title.with(|t| t.chars().count());

    let members = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|w| w.members.iter().filter(|m| m.active).map(|m| (m.id, m.name.clone())).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        title_error.set(None);
        form_error.set(None);
        let new = NewRequest {
            title: title.get_untracked(),
            description: description.get_untracked(),
            customer: Customer { name: customer.get_untracked(), contact: contact.get_untracked() },
            channel: channel.get_untracked(),
            category: category.get_untracked(),
            urgency: urgency.get_untracked(),
            tags: tags
                .get_untracked()
                .split([',', '，'])
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            preferences: preferences.get_untracked(),
            owner: Id::parse_str(&owner.get_untracked()).ok(),
        };
        match app.dispatch(Command::CreateRequest(new)) {
            Ok(_) => {
                // The request just made has the last number given.
                let number = app.workspace.with_untracked(|w| w.as_ref().map(|ws| ws.next_number.saturating_sub(1)));
                if let Some(n) = number {
                    navigate(&format!("/requests/{n}"), Default::default());
                }
            }
            Err(e @ CommandError::Invalid { field: "title", .. }) => {
                title_error.set(Some(command_error_text(i18n, &e)));
                if let Some(el) = document().get_element_by_id("nr-title") {
                    use wasm_bindgen::JsCast;
                    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
            Err(e) => form_error.set(Some(command_error_text(i18n, &e))),
        }
    };

    view! {
        <section class="page narrow" aria-labelledby="new-h">
            <h1 id="new-h">{tr(i18n, |i| t_string!(i, requests.new_title))}</h1>
            <form class="form" on:submit=submit novalidate=true>
                <div class="field">
                    <label for="nr-title">{tr(i18n, |i| t_string!(i, requests.f_title))}<span class="req" aria-hidden="true">" *"</span></label>
                    <input id="nr-title" type="text" required=true
                        aria-invalid=move || title_error.get().is_some().to_string()
                        aria-describedby="nr-title-help nr-title-error"
                        prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                    <p id="nr-title-help" class="help">
                        {move || t_string!(i18n, requests.title_help, count = title_chars(), max = MAX_TITLE_CHARS).to_string()}
                    </p>
                    <p id="nr-title-error" class="error" role="alert" data-testid="title-error">{move || title_error.get()}</p>
                </div>
                <div class="field">
                    <label for="nr-desc">{tr(i18n, |i| t_string!(i, requests.f_description))}</label>
                    <textarea id="nr-desc" rows="4" prop:value=move || description.get()
                        on:input=move |ev| description.set(event_target_value(&ev))></textarea>
                </div>
                <div class="row">
                    <div class="field">
                        <label for="nr-customer">{tr(i18n, |i| t_string!(i, requests.f_customer))}</label>
                        <input id="nr-customer" type="text" prop:value=move || customer.get()
                            on:input=move |ev| customer.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="nr-contact">{tr(i18n, |i| t_string!(i, requests.f_contact))}</label>
                        <input id="nr-contact" type="text" prop:value=move || contact.get()
                            on:input=move |ev| contact.set(event_target_value(&ev))/>
                    </div>
                </div>
                <div class="row">
                    <div class="field">
                        <label for="nr-channel">{tr(i18n, |i| t_string!(i, requests.f_channel))}</label>
                        <select id="nr-channel" on:change=move |ev| {
                            if let Some(c) = Channel::from_key(&event_target_value(&ev)) { channel.set(c) }
                        }>
                            {CHANNELS.iter().map(|c| {
                                let c = *c;
                                view! { <option value=c.key() selected=move || channel.get() == c>{channel_label(i18n, c)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="nr-urgency">{tr(i18n, |i| t_string!(i, requests.f_urgency))}</label>
                        <select id="nr-urgency" on:change=move |ev| {
                            if let Some(u) = Urgency::from_key(&event_target_value(&ev)) { urgency.set(u) }
                        }>
                            {URGENCIES.iter().map(|u| {
                                let u = *u;
                                view! { <option value=u.key() selected=move || urgency.get() == u>{urgency_label(i18n, u)}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="nr-category">{tr(i18n, |i| t_string!(i, requests.f_category))}</label>
                        <input id="nr-category" type="text" prop:value=move || category.get()
                            on:input=move |ev| category.set(event_target_value(&ev))/>
                    </div>
                </div>
                <div class="field">
                    <label for="nr-tags">{tr(i18n, |i| t_string!(i, requests.f_tags))}</label>
                    <input id="nr-tags" type="text" aria-describedby="nr-tags-help" prop:value=move || tags.get()
                        on:input=move |ev| tags.set(event_target_value(&ev))/>
                    <p id="nr-tags-help" class="help">{tr(i18n, |i| t_string!(i, requests.tags_help))}</p>
                </div>
                <div class="field">
                    <label for="nr-prefs">{tr(i18n, |i| t_string!(i, requests.f_preferences))}</label>
                    <textarea id="nr-prefs" rows="2" prop:value=move || preferences.get()
                        on:input=move |ev| preferences.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="nr-owner">{tr(i18n, |i| t_string!(i, requests.f_owner))}</label>
                    <select id="nr-owner" aria-describedby="nr-owner-help" on:change=move |ev| owner.set(event_target_value(&ev))>
                        <option value="">{tr(i18n, |i| t_string!(i, requests.owner_none))}</option>
                        <For each=members key=|(id, _)| *id children=move |(id, name)| {
                            let value = id.to_string();
                            let v2 = value.clone();
                            view! { <option value=value selected=move || owner.get() == v2>{name}</option> }
                        }/>
                    </select>
                    <p id="nr-owner-help" class="help">{tr(i18n, |i| t_string!(i, requests.owner_help))}</p>
                </div>
                <p class="error" role="alert">{move || form_error.get()}</p>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="create-request">{tr(i18n, |i| t_string!(i, requests.create))}</button>
                </div>
            </form>
        </section>
    }
}
