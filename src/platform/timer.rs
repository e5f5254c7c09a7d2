//! Timers: yielding to the browser between chunks of work, and repeating tasks.
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Resolves after `ms` milliseconds, letting the browser paint and handle input.
pub async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Calls `f` every `ms` milliseconds for the life of the page.
pub fn every(ms: i32, f: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut()>::new(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_interval_with_callback_and_timeout_and_arguments_0(cb.as_ref().unchecked_ref(), ms);
    }
    cb.forget();
}

/// Calls `f` once after `ms` milliseconds.
pub fn after(ms: i32, f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref::<js_sys::Function>(), ms);
    }
}
