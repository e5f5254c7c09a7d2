//! Mount only: panic hook, then the app.
fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        baton::platform::zones::install();
        leptos::mount::mount_to_body(baton::app::App);
    }
}
