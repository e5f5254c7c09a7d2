//! UUID v7 ids for the browser: 48 bits of Unix milliseconds, a 12-bit counter
//! that keeps ids made within the same millisecond in order, and 62 random bits.
//!
//! The random bits come from the browser's cryptographic generator, fetched
//! a kilobyte at a time: an import of 10,000 requests makes 30,000 ids, and
//! one call to the browser per id would cost more than the rest of the work.
use uuid::Uuid;

use crate::domain::{Id, IdSource};

const POOL: usize = 1024;

pub struct BrowserIds {
    last_ms: u64,
    counter: u16,
    pool: Vec<u8>,
    used: usize,
}

impl Default for BrowserIds {
    fn default() -> Self {
        Self { last_ms: 0, counter: 0, pool: vec![0; POOL], used: POOL }
    }
}

impl BrowserIds {
    /// The next 8 random bytes.
    fn random(&mut self) -> [u8; 8] {
        if self.used + 8 > self.pool.len() {
            let filled = web_sys::window()
                .and_then(|w| w.crypto().ok())
                .and_then(|c| c.get_random_values_with_u8_array(&mut self.pool).ok());
            if filled.is_none() {
                // No crypto: fall back on the uuid crate's own source, per id.
                let fresh = *Uuid::new_v4().as_bytes();
                for chunk in self.pool.chunks_mut(16) {
                    let n = chunk.len();
                    chunk.copy_from_slice(&fresh[..n]);
                }
            }
            self.used = 0;
        }
        let mut out = [0u8; 8];
        if let Some(bytes) = self.pool.get(self.used..self.used + 8) {
            out.copy_from_slice(bytes);
        }
        self.used += 8;
        out
    }
}

impl IdSource for BrowserIds {
    fn next_id(&mut self) -> Id {
        let now = js_sys::Date::now() as u64;
        if now <= self.last_ms {
            // Same (or earlier) millisecond: keep the order with the counter.
            self.counter = self.counter.wrapping_add(1) & 0x0fff;
            if self.counter == 0 {
                self.last_ms += 1;
            }
        } else {
            self.last_ms = now;
            self.counter = 0;
        }
        let random = self.random();
        let ms = self.last_ms.to_be_bytes();
        let mut b = [0u8; 16];
        b[..6].copy_from_slice(&ms[2..8]);
        b[6] = 0x70 | ((self.counter >> 8) as u8 & 0x0f);
        b[7] = (self.counter & 0xff) as u8;
        b[8] = 0x80 | (random[0] & 0x3f);
        b[9..16].copy_from_slice(&random[1..8]);
        Uuid::from_bytes(b)
    }
}
