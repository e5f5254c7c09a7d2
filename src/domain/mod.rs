//! The pure core of Baton: the workspace, the commands that change it, the
//! events they leave behind, and the figures computed from it.
//!
//! Nothing in here reads a clock, draws a random number or touches the browser:
//! time and new ids are handed in through [`Ctx`], so every behaviour can be
//! tested natively and replayed exactly.
//!
//! ```
//! use baton::domain::*;
//! let mut ids = SeqIds::new(1);
//! let now = ts("2026-12-01T09:00:00Z");
//! let mut ws = Workspace::new(ids.next_id(), "Pilot", now);
//! let mut ctx = Ctx::new(now, None, &mut ids);
//! let events = apply(&mut ws, Command::CreateRequest(NewRequest::titled("Printer jammed")), &mut ctx).unwrap();
//! assert_eq!(events.len(), 1);
//! assert_eq!(ws.requests.len(), 1);
//! ```

pub mod board;
mod board_commands;
#[cfg(test)]
mod board_tests;
pub mod calendar;
mod command;
#[cfg(test)]
mod command_tests;
mod event;
pub mod handoff;
mod handoff_builtin;
mod handoff_commands;
#[cfg(test)]
mod handoff_tests;
mod ids;
pub mod maturity;
mod maturity_commands;
pub mod metrics;
mod request;
pub mod responsibility;
pub mod routing;
pub mod sample;
mod setup;
pub mod sla;
pub mod warnings;
#[cfg(test)]
mod workflow_tests;
mod workspace;
pub mod zone;

pub use board_commands::{ColumnPatch, NewTask, TaskPatch};
pub use calendar::{BusinessCalendar, CalendarError, ClockTime, OpeningSpan, Pause};
pub use command::{
    apply, apply_in_place, Command, CommandError, Ctx, ImportedRequest, MemberPatch, NewRequest, RequestPatch,
    MAX_TITLE_CHARS,
};
pub use event::{Change, Event};
pub use ids::{Id, IdSource, SeqIds};
pub use request::{Channel, Comment, Customer, DataFlag, OwnershipOffer, Request, Status, Urgency};
pub use workspace::{unused_name, Department, Member, Team, Workspace};

/// An instant in UTC. Display in a zone is the shell's business.
pub type Timestamp = chrono::DateTime<chrono::Utc>;

/// Parses an RFC 3339 instant; for tests and fixtures only.
///
/// # Panics
/// On a malformed literal, which is a bug in the test that wrote it.
pub fn ts(text: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(|e| panic!("bad timestamp literal {text:?}: {e}"))
}
