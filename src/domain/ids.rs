//! Identifiers. Every record carries a globally unique id (UUID v7 in the
//! browser, time-ordered) so that snapshots made in two browsers can be merged
//! later without collisions. The core never makes ids itself: it asks an
//! [`IdSource`] handed in by the caller.

pub type Id = uuid::Uuid;

/// Where new ids come from. The browser shell uses UUID v7; tests use [`SeqIds`].
pub trait IdSource {
    fn next_id(&mut self) -> Id;
}

/// A deterministic id source for tests and replays: 1, 2, 3, … as UUIDs.
#[derive(Debug, Clone)]
pub struct SeqIds {
    next: u128,
}

impl SeqIds {
    pub fn new(start: u128) -> Self {
        Self { next: start }
    }
}

impl IdSource for SeqIds {
    fn next_id(&mut self) -> Id {
        let id = uuid::Uuid::from_u128(self.next);
        self.next += 1;
        id
    }
}
