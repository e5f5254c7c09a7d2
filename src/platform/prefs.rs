//! Small preferences kept in localStorage and read synchronously at start:
//! language, last workspace, who is acting in each workspace.
use gloo_storage::{LocalStorage, Storage};

const LANG: &str = "baton.lang";
const LAST_WORKSPACE: &str = "baton.lastWorkspace";

pub fn language() -> Option<String> {
    LocalStorage::get(LANG).ok()
}

pub fn set_language(lang: &str) {
    let _ = LocalStorage::set(LANG, lang);
}

pub fn last_workspace() -> Option<String> {
    LocalStorage::get(LAST_WORKSPACE).ok()
}

pub fn set_last_workspace(id: &str) {
    let _ = LocalStorage::set(LAST_WORKSPACE, id);
}

pub fn actor(workspace: &str) -> Option<String> {
    LocalStorage::get(format!("baton.actor.{workspace}")).ok()
}

pub fn set_actor(workspace: &str, member: Option<&str>) {
    let key = format!("baton.actor.{workspace}");
    match member {
        Some(m) => {
            let _ = LocalStorage::set(key, m);
        }
        None => LocalStorage::delete(key),
    }
}

/// The browser's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        nav.language().into_iter().collect()
    } else {
        list
    }
}
