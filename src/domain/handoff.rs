//! Handoff checklists (交接检查): a structured, scored and acknowledged
//! passing of a request from one department to another.
//!
//! A *leg* is a (from department → to department) pair. Each leg can have
//! its own checklist [`Template`]; a leg without one uses the general
//! template (the one with no leg). A template is a list of [`Item`]s in the
//! SBAR order (Situation, Background, Assessment, Recommendation), each with
//! a type, a weight, whether it is required, help text and an optional
//! condition on the request's fields.
//!
//! Templates are versioned: saving changed items adds a version and never
//! edits an old one. A [`Handoff`] names the template and the version it was
//! sent with and keeps only its answers, so the checklist "as sent" is that
//! version with those answers, whatever happens to the template later.
//!
//! Completeness (METRICS.md, 信息完整度) of one handoff is the sum of the
//! weights of the items filled when it was sent, divided by the sum of the
//! weights of the items that applied; items whose condition did not hold for
//! the request at that moment are left out of both. A yes/no item is a check:
//! it counts as filled only when answered "yes", and "no" counts as missing
//! (the fact was not passed on), both for completeness and for the list of
//! items most often missing.
//!
//! ```
//! use std::collections::BTreeMap;
//! use baton::domain::handoff::{score, Item, ItemKind, Section};
//! let item = |key: &str, kind, weight| Item { weight, ..Item::new(key, Section::Situation, kind, key) };
//! let items = [item("customer", ItemKind::Text, 3), item("told", ItemKind::YesNo, 1)];
//! let answers = BTreeMap::from([("customer".to_string(), "Zhang Wei".to_string()), ("told".to_string(), "no".to_string())]);
//! let s = score(&items, &answers, &[]);
//! assert_eq!((s.filled, s.applicable), (3, 4));
//! ```

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::metrics::{nearest_rank, DurationStat, MeanStat, RateStat};
use super::{Id, Request, Status, Timestamp, Urgency, Workspace};

/// Heaviest weight an item can carry.
pub const MAX_WEIGHT: u32 = 10;
/// Longest answer, label or help text accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;
/// Longest item label or template name, in characters.
pub const MAX_LABEL_CHARS: usize = 200;
/// A handoff waiting this many business seconds or more turns yellow in the inbox.
pub const YELLOW_AFTER_SECS: i64 = 2 * 3600;
/// A handoff waiting this many business seconds or more turns red: half a
/// standard business day without anyone taking it.
pub const RED_AFTER_SECS: i64 = 4 * 3600;

/// The four parts of an SBAR handoff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Situation,
    Background,
    Assessment,
    Recommendation,
}

impl Section {
    pub const ALL: [Section; 4] =
        [Section::Situation, Section::Background, Section::Assessment, Section::Recommendation];

    pub fn key(self) -> &'static str {
        match self {
            Section::Situation => "situation",
            Section::Background => "background",
            Section::Assessment => "assessment",
            Section::Recommendation => "recommendation",
        }
    }

    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A check: "yes" counts as filled, "no" as missing.
    YesNo,
    Text,
    /// One of the item's choices.
    Choice,
    /// A date written YYYY-MM-DD.
    Date,
    /// A number such as "12" or "-3.5".
    Number,
    /// A member of the workspace, by id.
    Person,
}

impl ItemKind {
    pub const ALL: [ItemKind; 6] =
        [ItemKind::YesNo, ItemKind::Text, ItemKind::Choice, ItemKind::Date, ItemKind::Number, ItemKind::Person];

    pub fn key(self) -> &'static str {
        match self {
            ItemKind::YesNo => "yes_no",
            ItemKind::Text => "text",
            ItemKind::Choice => "choice",
            ItemKind::Date => "date",
            ItemKind::Number => "number",
            ItemKind::Person => "person",
        }
    }

    pub fn from_key(key: &str) -> Option<ItemKind> {
        ItemKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// Which fact of the request the send form starts an item with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Prefill {
    /// The customer's name and contact.
    Customer,
    Preferences,
    Urgency,
    Category,
    Description,
    /// A summary of what happened to the request so far.
    History,
}

impl Prefill {
    pub const ALL: [Prefill; 6] = [
        Prefill::Customer,
        Prefill::Preferences,
        Prefill::Urgency,
        Prefill::Category,
        Prefill::Description,
        Prefill::History,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Prefill::Customer => "customer",
            Prefill::Preferences => "preferences",
            Prefill::Urgency => "urgency",
            Prefill::Category => "category",
            Prefill::Description => "description",
            Prefill::History => "history",
        }
    }

    pub fn from_key(key: &str) -> Option<Prefill> {
        Prefill::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// When an item applies, on the request's fields; every part given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct When {
    /// Only for requests at least this urgent (e.g. high: high or critical).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_urgency: Option<Urgency>,
    /// Only for requests of one of these categories (compared without regard
    /// to case and surrounding spaces).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
}

impl When {
    pub fn holds(&self, r: &Request) -> bool {
        let urgent = self.min_urgency.is_none_or(|m| r.urgency >= m);
        let category = r.category.trim();
        urgent
            && (self.categories.is_empty()
                || self.categories.iter().any(|c| c.trim().to_lowercase() == category.to_lowercase()))
    }

    pub fn is_empty(&self) -> bool {
        self.min_urgency.is_none() && self.categories.is_empty()
    }
}

/// One line of a checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// Stable within its template across versions, so the figures can count
    /// one item over handoffs sent with different versions.
    pub key: String,
    pub section: Section,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    pub kind: ItemKind,
    /// The choices of a choice item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<String>,
    #[serde(default)]
    pub required: bool,
    pub weight: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
}

impl Item {
    /// An optional item of weight 1 with no help, condition or pre-fill.
    pub fn new(key: &str, section: Section, kind: ItemKind, label: &str) -> Item {
        Item {
            key: key.to_string(),
            section,
            label: label.to_string(),
            help: String::new(),
            kind,
            choices: Vec::new(),
            required: false,
            weight: 1,
            when: None,
            prefill: None,
        }
    }

    /// Whether the item applies to the request as it is now.
    pub fn applies(&self, r: &Request) -> bool {
        self.when.as_ref().is_none_or(|w| w.holds(r))
    }

    /// Whether a stored answer fills the item: any text, except that a yes/no
    /// check is filled only by "yes".
    pub fn filled_by(&self, answer: &str) -> bool {
        match self.kind {
            ItemKind::YesNo => answer == "yes",
            _ => !answer.trim().is_empty(),
        }
    }
}

/// One saved state of a template's items. Never changed once saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateVersion {
    /// 1, 2, 3, … in order.
    pub version: u32,
    pub saved_at: Timestamp,
    pub items: Vec<Item>,
}

/// A handoff leg: from one department to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Leg {
    pub from: Id,
    pub to: Id,
}

/// A checklist template for one leg, or the general one (no leg).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub id: Id,
    pub name: String,
    /// None for the general template, used by legs without their own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leg: Option<Leg>,
    /// Every version, oldest first; the last one is current.
    pub versions: Vec<TemplateVersion>,
    /// The number of the next item added in the editor (its key is "i<n>").
    #[serde(default = "one")]
    pub next_item: u32,
}

fn one() -> u32 {
    1
}

impl Template {
    pub fn current(&self) -> Option<&TemplateVersion> {
        self.versions.last()
    }

    pub fn version(&self, version: u32) -> Option<&TemplateVersion> {
        self.versions.iter().find(|v| v.version == version)
    }

    /// Whether `key` was the key of an item in any version.
    pub fn knows_key(&self, key: &str) -> bool {
        self.versions.iter().any(|v| v.items.iter().any(|i| i.key == key))
    }
}

/// Why a handoff went back to its sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnReason {
    /// Facts the receiver needs are not in the checklist.
    MissingInformation,
    /// Facts in the checklist are wrong or contradict each other.
    WrongInformation,
    /// Another department should take it.
    WrongDepartment,
    /// The sender's part of the work is not done yet.
    NotReady,
    Other,
}

impl ReturnReason {
    pub const ALL: [ReturnReason; 5] = [
        ReturnReason::MissingInformation,
        ReturnReason::WrongInformation,
        ReturnReason::WrongDepartment,
        ReturnReason::NotReady,
        ReturnReason::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ReturnReason::MissingInformation => "missing_information",
            ReturnReason::WrongInformation => "wrong_information",
            ReturnReason::WrongDepartment => "wrong_department",
            ReturnReason::NotReady => "not_ready",
            ReturnReason::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<ReturnReason> {
        ReturnReason::ALL.into_iter().find(|r| r.key() == key)
    }
}

/// How a handoff was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplyKind {
    /// The receiver took the request over.
    Accepted,
    /// The receiver sent it back to the sender.
    Returned,
    /// Taken back before anyone answered (by the sender, or because the
    /// request was resolved or merged meanwhile).
    Withdrawn,
}

impl ReplyKind {
    pub fn key(self) -> &'static str {
        match self {
            ReplyKind::Accepted => "accepted",
            ReplyKind::Returned => "returned",
            ReplyKind::Withdrawn => "withdrawn",
        }
    }
}

/// The answer to a handoff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub kind: ReplyKind,
    pub at: Timestamp,
    /// Who answered; none for automatic withdrawals.
    #[serde(default)]
    pub by: Option<Id>,
    /// Why it was returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ReturnReason>,
    /// The receiver's words on a return, or why it was withdrawn.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// One handoff of a request, with its checklist answers as sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handoff {
    pub id: Id,
    /// The sending department.
    pub from: Id,
    /// The receiving department.
    pub to: Id,
    /// The person it is addressed to, if any (a member of `to`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_member: Option<Id>,
    #[serde(default)]
    pub sent_by: Option<Id>,
    pub sent_at: Timestamp,
    pub template: Id,
    pub version: u32,
    /// Answers by item key, as sent; items left empty are absent.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Items whose condition did not hold for the request when sent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_applicable: Vec<String>,
    /// Why it was sent with required items missing; empty when it was not.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub incomplete_reason: String,
    /// None while it waits for an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<Reply>,
}

impl Handoff {
    pub fn is_pending(&self) -> bool {
        self.reply.is_none()
    }

    /// Whether `m` may take it back: its sender, or an active member of the
    /// sending department (a colleague covering for them).
    pub fn may_withdraw(&self, m: &super::Member) -> bool {
        m.active && (m.department == self.from || self.sent_by == Some(m.id))
    }

    pub fn leg(&self) -> Leg {
        Leg { from: self.from, to: self.to }
    }

    pub fn replied(&self, kind: ReplyKind) -> bool {
        self.reply.as_ref().is_some_and(|r| r.kind == kind)
    }

    /// Whether the item (with key `key`) applied when this was sent.
    pub fn applied(&self, key: &str) -> bool {
        !self.not_applicable.iter().any(|k| k == key)
    }
}

impl Request {
    /// The handoff waiting for an answer, if any (at most one at a time).
    pub fn pending_handoff(&self) -> Option<&Handoff> {
        self.handoffs.iter().rev().find(|h| h.is_pending())
    }

    pub fn handoff(&self, id: Id) -> Option<&Handoff> {
        self.handoffs.iter().find(|h| h.id == id)
    }
}

impl Workspace {
    pub fn handoff_template(&self, id: Id) -> Option<&Template> {
        self.handoff_templates.iter().find(|t| t.id == id)
    }

    /// The template a handoff on this leg uses: the leg's own, else the general one.
    pub fn template_for_leg(&self, from: Id, to: Id) -> Option<&Template> {
        let leg = Some(Leg { from, to });
        self.handoff_templates
            .iter()
            .find(|t| t.leg == leg)
            .or_else(|| self.handoff_templates.iter().find(|t| t.leg.is_none()))
    }
}

/// Completeness of one handoff as weights: `filled` of `applicable`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Score {
    pub filled: u32,
    pub applicable: u32,
}

impl Score {
    /// The share filled, from 0 to 1; none when no item applied.
    pub fn ratio(&self) -> Option<f64> {
        (self.applicable > 0).then(|| f64::from(self.filled) / f64::from(self.applicable))
    }

    /// The share in tenths of a percent, rounded half up in integers
    /// (10 of 12 is 833, shown as 83.3 %); none when no item applied.
    pub fn percent_tenths(&self) -> Option<u64> {
        RateStat { numerator: self.filled as usize, denominator: self.applicable as usize }.percent_tenths()
    }
}

/// The score of answers against items; `not_applicable` lists the keys of
/// items left out (their condition did not hold).
pub fn score(items: &[Item], answers: &BTreeMap<String, String>, not_applicable: &[String]) -> Score {
    let mut s = Score::default();
    for item in items.iter().filter(|i| !not_applicable.contains(&i.key)) {
        s.applicable += item.weight;
        if answers.get(&item.key).is_some_and(|a| item.filled_by(a)) {
            s.filled += item.weight;
        }
    }
    s
}

/// A checklist evaluated against a request as it is now, item by item, for
/// the send form's live score and for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// Per item: whether its condition holds.
    pub applies: Vec<bool>,
    /// Per item: whether it applies and is filled.
    pub filled: Vec<bool>,
    pub score: Score,
    /// Positions of the required items that apply and are not filled.
    pub missing_required: Vec<usize>,
}

pub fn evaluate(items: &[Item], r: &Request, answers: &BTreeMap<String, String>) -> Evaluation {
    let applies: Vec<bool> = items.iter().map(|i| i.applies(r)).collect();
    let filled: Vec<bool> = items
        .iter()
        .zip(&applies)
        .map(|(i, a)| *a && answers.get(&i.key).is_some_and(|v| i.filled_by(v.trim())))
        .collect();
    let mut score = Score::default();
    let mut missing_required = Vec::new();
    for (k, item) in items.iter().enumerate() {
        if !applies[k] {
            continue;
        }
        score.applicable += item.weight;
        if filled[k] {
            score.filled += item.weight;
        } else if item.required {
            missing_required.push(k);
        }
    }
    Evaluation { applies, filled, score, missing_required }
}

/// Why an answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum AnswerProblem {
    #[error("expected yes or no")]
    YesOrNo,
    #[error("expected a number such as 12 or 3.5")]
    Number,
    #[error("expected a date written YYYY-MM-DD")]
    Date,
    #[error("expected one of the item's choices")]
    Choice,
    #[error("expected a member of this workspace")]
    Member,
    #[error("longer than 2000 characters")]
    TooLong,
}

/// Why a template item was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ItemProblem {
    #[error("the label must not be empty")]
    NoLabel,
    #[error("label or help text too long")]
    TooLong,
    #[error("the weight must be from 1 to 10")]
    Weight,
    #[error("a choice item needs at least one choice")]
    NoChoices,
    #[error("two items have the same key")]
    DuplicateKey,
    #[error("the key is not one of this template's")]
    UnknownKey,
}

/// Why a handoff command was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HandoffError {
    #[error("a handoff goes to another department")]
    SameDepartment,
    #[error("there is no checklist template for this leg and no general one")]
    NoTemplate,
    #[error("request #{number} has a handoff waiting for an answer already")]
    AlreadyPending { number: u32 },
    #[error("this handoff has been answered already")]
    NotPending,
    #[error("required checklist items are empty: {}; fill them, or send incomplete with a reason", .labels.join(", "))]
    RequiredMissing { labels: Vec<String> },
    #[error("{label}: {problem}")]
    BadAnswer { label: String, problem: AnswerProblem },
    #[error("the template has no item {key:?}")]
    UnknownItem { key: String },
    #[error("choose who you are (acting as) to answer a handoff")]
    NoActor,
    #[error("{name} is not a member of the receiving department")]
    NotReceiver { name: String },
    #[error("{name} did not send this handoff and is not a member of the sending department")]
    NotSender { name: String },
    #[error("a template for this leg exists already")]
    LegTaken,
    #[error("item {position}: {problem}")]
    BadItem { position: usize, problem: ItemProblem },
    #[error("a template needs at least one item")]
    NoItems,
}

/// Checks one answer for its item and returns it as stored: trimmed; yes/no
/// as "yes" or "no". Empty answers are not stored and not checked.
pub fn check_answer(ws: &Workspace, item: &Item, value: &str) -> Result<String, AnswerProblem> {
    let v = value.trim();
    if v.chars().count() > MAX_TEXT_CHARS {
        return Err(AnswerProblem::TooLong);
    }
    match item.kind {
        ItemKind::YesNo => match v {
            "yes" | "no" => Ok(v.to_string()),
            _ => Err(AnswerProblem::YesOrNo),
        },
        ItemKind::Text => Ok(v.to_string()),
        ItemKind::Choice => item.choices.iter().find(|c| c.as_str() == v).cloned().ok_or(AnswerProblem::Choice),
        ItemKind::Date => parse_date(v).map(|_| v.to_string()).ok_or(AnswerProblem::Date),
        ItemKind::Number => is_number(v).then(|| v.to_string()).ok_or(AnswerProblem::Number),
        ItemKind::Person => match Id::parse_str(v) {
            Ok(id) if ws.member(id).is_some() => Ok(id.to_string()),
            _ => Err(AnswerProblem::Member),
        },
    }
}

/// "2026-11-02" → the date; by hand, so the browser build carries no
/// format-string parser.
pub fn parse_date(text: &str) -> Option<chrono::NaiveDate> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// An optional minus, digits, and optionally a point and more digits.
fn is_number(text: &str) -> bool {
    let t = text.strip_prefix('-').unwrap_or(text);
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && frac.is_none_or(all_digits)
}

/// The inbox light of a waiting handoff, on business time waited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WaitLight {
    /// Under [`YELLOW_AFTER_SECS`].
    Green,
    /// From [`YELLOW_AFTER_SECS`] to under [`RED_AFTER_SECS`].
    Yellow,
    /// [`RED_AFTER_SECS`] or more.
    Red,
}

impl WaitLight {
    pub fn of(business_secs: i64) -> WaitLight {
        if business_secs >= RED_AFTER_SECS {
            WaitLight::Red
        } else if business_secs >= YELLOW_AFTER_SECS {
            WaitLight::Yellow
        } else {
            WaitLight::Green
        }
    }

    /// The CSS and test key, the same words as the SLA lights use for colours.
    pub fn key(self) -> &'static str {
        match self {
            WaitLight::Green => "green",
            WaitLight::Yellow => "yellow",
            WaitLight::Red => "red",
        }
    }
}

/// A handoff waiting in an inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    pub request: Id,
    pub handoff: Id,
    pub sent_at: Timestamp,
    /// Business seconds of the workspace calendar since it was sent.
    pub waiting_secs: i64,
    pub light: WaitLight,
}

/// The handoffs waiting for `department` (for `member` only, when given:
/// those addressed to that person), oldest first.
pub fn inbox(ws: &Workspace, department: Id, member: Option<Id>, now: Timestamp) -> Vec<Waiting> {
    let cal = ws.calendar.prepare();
    let mut out: Vec<Waiting> = ws
        .requests
        .values()
        .filter(|r| r.is_open())
        .filter_map(|r| r.pending_handoff().map(|h| (r, h)))
        .filter(|(_, h)| h.to == department && member.is_none_or(|m| h.to_member == Some(m)))
        .map(|(r, h)| {
            let waiting_secs = cal.as_ref().map_or(0, |c| c.elapsed(h.sent_at, now, &[]));
            Waiting {
                request: r.id,
                handoff: h.id,
                sent_at: h.sent_at,
                waiting_secs,
                light: WaitLight::of(waiting_secs),
            }
        })
        .collect();
    out.sort_unstable_by_key(|w| (w.sent_at, w.request));
    out
}

/// How many handoffs wait for `department`, without their waiting times.
pub fn waiting_count(ws: &Workspace, department: Id) -> usize {
    ws.requests.values().filter(|r| r.is_open() && r.pending_handoff().is_some_and(|h| h.to == department)).count()
}

/// Open requests whose latest handoff, sent by `department`, was returned:
/// back with their sender to fix and send again. Oldest return first.
pub fn returned_to(ws: &Workspace, department: Id) -> Vec<(Id, Id)> {
    let mut out: Vec<(Timestamp, Id, Id)> = ws
        .requests
        .values()
        .filter(|r| r.is_open())
        .filter_map(|r| {
            let h = r.handoffs.last()?;
            let at = h.reply.as_ref().filter(|x| x.kind == ReplyKind::Returned)?.at;
            (h.from == department).then_some((at, r.id, h.id))
        })
        .collect();
    out.sort_unstable();
    out.into_iter().map(|(_, r, h)| (r, h)).collect()
}

/// An item of one leg's checklists and how often it was missing when sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingItem {
    pub template: Id,
    pub key: String,
    /// The label in the newest version that has the item.
    pub label: String,
    /// Handoffs where it applied and was left empty or answered "no".
    pub missing: usize,
    /// Handoffs where it applied.
    pub applied: usize,
}

/// The figures of one leg.
#[derive(Debug, Clone, PartialEq)]
pub struct LegStats {
    pub leg: Leg,
    pub sent: usize,
    /// Mean completeness in percent over its handoffs.
    pub completeness: MeanStat,
    pub bounce_back: RateStat,
    pub time_to_accept: DurationStat,
    /// Items missing at least once, most often missing first.
    pub missing: Vec<MissingItem>,
}

/// The dashboard's handoff figures (METRICS.md).
#[derive(Debug, Clone, PartialEq)]
pub struct HandoffStats {
    /// Handoffs sent, whatever became of them.
    pub sent: usize,
    /// Sent with required items missing (with a reason).
    pub incomplete: usize,
    pub pending: usize,
    pub withdrawn: usize,
    /// Handoff completeness (信息完整度): the mean over handoffs of each one's
    /// filled weight ÷ applicable weight, in percent; `n` handoffs had any
    /// item that applied, `of` = sent.
    pub completeness: MeanStat,
    /// Bounce-back rate (退回率): returned ÷ answered (accepted + returned).
    pub bounce_back: RateStat,
    /// Handoffs per request (交接次数): the mean number of handoffs sent per
    /// resolved (or closed) request; `n = of` = resolved requests.
    pub per_resolved: MeanStat,
    /// The handoffs counted by `per_resolved`.
    pub resolved_handoffs: usize,
    /// Time to accept: sent → accepted in business time of the workspace
    /// calendar; `n` = accepted, `of` = sent and not withdrawn.
    pub time_to_accept: DurationStat,
    /// Every leg with a handoff, in the order of the departments.
    pub legs: Vec<LegStats>,
}

#[derive(Default)]
struct Acc {
    sent: usize,
    ratio_sum: f64,
    scored: usize,
    accepted: usize,
    returned: usize,
    withdrawn: usize,
    accept_secs: Vec<i64>,
    negative: usize,
    /// Missing and applied counts per item position, per template version.
    items: HashMap<(Id, u32), Vec<(usize, usize)>>,
}

impl Acc {
    fn completeness(&self) -> MeanStat {
        let mean = (self.scored > 0).then(|| self.ratio_sum * 100.0 / self.scored as f64);
        MeanStat { mean, n: self.scored, of: self.sent }
    }

    fn bounce_back(&self) -> RateStat {
        RateStat { numerator: self.returned, denominator: self.accepted + self.returned }
    }

    fn time_to_accept(&mut self) -> DurationStat {
        self.accept_secs.sort_unstable();
        DurationStat {
            median_secs: nearest_rank(&self.accept_secs, 50),
            p90_secs: nearest_rank(&self.accept_secs, 90),
            n: self.accept_secs.len(),
            of: self.sent - self.withdrawn,
            negative_excluded: self.negative,
            flagged_excluded: 0,
        }
    }
}

/// Computes every handoff figure in one pass over the requests. Requests
/// merged into another are left out, as on the rest of the dashboard.
pub fn stats(ws: &Workspace) -> HandoffStats {
    let versions: HashMap<(Id, u32), &TemplateVersion> =
        ws.handoff_templates.iter().flat_map(|t| t.versions.iter().map(move |v| ((t.id, v.version), v))).collect();
    let cal = ws.calendar.prepare();
    let mut all = Acc::default();
    let mut legs: HashMap<Leg, Acc> = HashMap::new();
    let (mut pending, mut incomplete, mut resolved, mut resolved_handoffs) = (0, 0, 0usize, 0usize);
    for r in ws.requests.values().filter(|r| r.merged_into.is_none()) {
        if matches!(r.status, Status::Resolved | Status::Closed) {
            resolved += 1;
            resolved_handoffs += r.handoffs.len();
        }
        for h in &r.handoffs {
            let leg = legs.entry(h.leg()).or_default();
            leg.sent += 1;
            all.sent += 1;
            pending += usize::from(h.is_pending());
            incomplete += usize::from(!h.incomplete_reason.is_empty());
            if let Some(v) = versions.get(&(h.template, h.version)) {
                let counts = leg.items.entry((h.template, h.version)).or_insert_with(|| vec![(0, 0); v.items.len()]);
                let mut s = Score::default();
                for (item, count) in v.items.iter().zip(counts.iter_mut()) {
                    if !h.applied(&item.key) {
                        continue;
                    }
                    count.1 += 1;
                    s.applicable += item.weight;
                    if h.answers.get(&item.key).is_some_and(|a| item.filled_by(a)) {
                        s.filled += item.weight;
                    } else {
                        count.0 += 1;
                    }
                }
                if let Some(ratio) = s.ratio() {
                    for acc in [&mut all, &mut *leg] {
                        acc.ratio_sum += ratio;
                        acc.scored += 1;
                    }
                }
            }
            let Some(reply) = &h.reply else { continue };
            for acc in [&mut all, &mut *leg] {
                match reply.kind {
                    ReplyKind::Accepted => acc.accepted += 1,
                    ReplyKind::Returned => acc.returned += 1,
                    ReplyKind::Withdrawn => acc.withdrawn += 1,
                }
            }
            if reply.kind == ReplyKind::Accepted {
                let secs =
                    if reply.at < h.sent_at {
                        None
                    } else {
                        Some(cal.as_ref().map_or_else(
                            || (reply.at - h.sent_at).num_seconds(),
                            |c| c.elapsed(h.sent_at, reply.at, &[]),
                        ))
                    };
                for acc in [&mut all, &mut *leg] {
                    match secs {
                        Some(s) => acc.accept_secs.push(s),
                        None => acc.negative += 1,
                    }
                }
            }
        }
    }
    let position = |d: Id| ws.departments.iter().position(|x| x.id == d).unwrap_or(usize::MAX);
    let mut legs: Vec<(Leg, Acc)> = legs.into_iter().collect();
    legs.sort_unstable_by_key(|(l, _)| (position(l.from), position(l.to), *l));
    let legs = legs
        .into_iter()
        .map(|(leg, mut acc)| LegStats {
            leg,
            sent: acc.sent,
            completeness: acc.completeness(),
            bounce_back: acc.bounce_back(),
            time_to_accept: acc.time_to_accept(),
            missing: missing_items(ws, &acc.items),
        })
        .collect();
    let per_resolved = MeanStat {
        mean: (resolved > 0).then(|| resolved_handoffs as f64 / resolved as f64),
        n: resolved,
        of: resolved,
    };
    HandoffStats {
        sent: all.sent,
        incomplete,
        pending,
        withdrawn: all.withdrawn,
        completeness: all.completeness(),
        bounce_back: all.bounce_back(),
        per_resolved,
        resolved_handoffs,
        time_to_accept: all.time_to_accept(),
        legs,
    }
}

/// Adds up one leg's per-version counts by item key, most often missing first.
fn missing_items(ws: &Workspace, counts: &HashMap<(Id, u32), Vec<(usize, usize)>>) -> Vec<MissingItem> {
    // Newer versions first, so each key takes the newest label.
    let mut keys: Vec<&(Id, u32)> = counts.keys().collect();
    keys.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out: Vec<MissingItem> = Vec::new();
    for (template, version) in keys {
        let Some(v) = ws.handoff_template(*template).and_then(|t| t.version(*version)) else { continue };
        let Some(per_item) = counts.get(&(*template, *version)) else { continue };
        for (item, (missing, applied)) in v.items.iter().zip(per_item) {
            match out.iter_mut().find(|m| m.template == *template && m.key == item.key) {
                Some(m) => {
                    m.missing += missing;
                    m.applied += applied;
                }
                None => out.push(MissingItem {
                    template: *template,
                    key: item.key.clone(),
                    label: item.label.clone(),
                    missing: *missing,
                    applied: *applied,
                }),
            }
        }
    }
    out.retain(|m| m.missing > 0);
    // Every field takes part, so the order is the same on every run.
    out.sort_unstable_by(|a, b| {
        b.missing
            .cmp(&a.missing)
            .then(b.applied.cmp(&a.applied))
            .then(a.label.cmp(&b.label))
            .then(a.key.cmp(&b.key))
            .then(a.template.cmp(&b.template))
    });
    out
}

/// A template as typed in the editor: items with an empty key are new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateDraft {
    pub name: String,
    /// None for the general template.
    pub leg: Option<Leg>,
    pub items: Vec<Item>,
}

/// A handoff as filled in on the send form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HandoffDraft {
    pub request: Id,
    pub from: Id,
    pub to: Id,
    /// The person in `to` it is addressed to, if any.
    pub to_member: Option<Id>,
    /// Answers by item key; empty ones are left out.
    pub answers: BTreeMap<String, String>,
    /// Needed, and recorded, when required items are left empty ("send
    /// incomplete"); ignored otherwise.
    pub incomplete_reason: String,
}

/// The language the built-in templates are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BuiltinLang {
    En,
    Zh,
}
