//! Storage quota: how much is used, how much is available, and asking the
//! browser to keep our data (`navigator.storage.persist()`).
use wasm_bindgen_futures::JsFuture;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub used: f64,
    pub quota: f64,
}

fn manager() -> Option<web_sys::StorageManager> {
    web_sys::window().map(|w| w.navigator().storage())
}

pub async fn estimate() -> Option<Estimate> {
    let promise = manager()?.estimate().ok()?;
    let value: web_sys::StorageEstimate = JsFuture::from(promise).await.ok()?.into();
    Some(Estimate { used: value.get_usage().unwrap_or(0.0), quota: value.get_quota().unwrap_or(0.0) })
}

/// Asks for persistent storage; returns whether the browser granted it.
pub async fn request_persist() -> bool {
    let Some(m) = manager() else { return false };
    let Ok(promise) = m.persist() else { return false };
    JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

pub async fn is_persisted() -> bool {
    let Some(m) = manager() else { return false };
    let Ok(promise) = m.persisted() else { return false };
    JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
}
