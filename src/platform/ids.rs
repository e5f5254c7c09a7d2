//! UUID v7 ids for the browser: 48 bits of Unix milliseconds, a 12-bit counter
//! that keeps ids made within the same millisecond in order, and 62 random bits.
use uuid::Uuid;

use crate::domain::{Id, IdSource};

#[derive(Default)]
pub struct BrowserIds {
    last_ms: u64,
    counter: u16,
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
        let random = *Uuid::new_v4().as_bytes();
        let ms = self.last_ms.to_be_bytes();
        let mut b = [0u8; 16];
        b[..6].copy_from_slice(&ms[2..8]);
        b[6] = 0x70 | ((self.counter >> 8) as u8 & 0x0f);
        b[7] = (self.counter & 0xff) as u8;
        b[8] = 0x80 | (random[8] & 0x3f);
        b[9..16].copy_from_slice(&random[9..16]);
        Uuid::from_bytes(b)
    }
}
