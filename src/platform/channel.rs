//! Cross-tab messages over a BroadcastChannel: a tab that saved a change tells
//! the others which records to re-read.
use serde::{Deserialize, Serialize};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

const NAME: &str = "baton";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TabMessage {
    /// Records of a workspace changed; `rev` is the stored revision after the change.
    Saved {
        workspace: String,
        rev: u64,
        requests: Vec<String>,
        events_from: usize,
        meta: bool,
        /// Tasks written or removed; missing from messages of older builds.
        #[serde(default)]
        tasks: Vec<String>,
    },
    /// A workspace was replaced, created, renamed or deleted: re-read it whole.
    Replaced {
        workspace: String,
    },
    ListChanged,
}

pub struct Channel {
    inner: Option<web_sys::BroadcastChannel>,
}

impl Channel {
    pub fn open(mut on_message: impl FnMut(TabMessage) + 'static) -> Self {
        let inner = web_sys::BroadcastChannel::new(NAME).ok();
        if let Some(ch) = &inner {
            let cb = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if let Some(text) = e.data().as_string() {
                    if let Ok(msg) = serde_json::from_str::<TabMessage>(&text) {
                        on_message(msg);
                    }
                }
            });
            ch.set_onmessage(Some(cb.as_ref().unchecked_ref()));
            cb.forget();
        }
        Self { inner }
    }

    pub fn send(&self, msg: &TabMessage) {
        if let (Some(ch), Ok(text)) = (&self.inner, serde_json::to_string(msg)) {
            let _ = ch.post_message(&wasm_bindgen::JsValue::from_str(&text));
        }
    }
}
