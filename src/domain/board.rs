//! The cross-department task board (协作看板): tasks, the board's columns,
//! the explicit order of cards, WIP counts, due dates and the templates a
//! request is split into tasks with. Pure, like the rest of the core: the
//! commands that change any of it are in `board_commands`.
//!
//! ```
//! use baton::domain::board::{key_between, GAP};
//! // Between two cards, the middle; after the last, one gap further.
//! assert_eq!(key_between(Some(GAP), Some(2 * GAP)), Some(GAP + GAP / 2));
//! assert_eq!(key_between(Some(3 * GAP), None), Some(4 * GAP));
//! // No whole number fits between 7 and 8: the column is rebalanced first.
//! assert_eq!(key_between(Some(7), Some(8)), None);
//! ```

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};

use super::sample::SampleLang;
use super::{Change, Comment, Id, Request, Timestamp, Workspace};

/// Room left between two cards placed one after the other. A card dropped
/// between two neighbours takes the middle key, so twenty drops into the
/// same gap fit before the neighbourhood has to be renumbered.
pub const GAP: u64 = 1 << 20;

/// The largest position key: 2^53 − 1, so that keys stay exact in
/// JavaScript and any other reader of a snapshot that reads numbers as
/// doubles.
pub const MAX_POSITION: u64 = (1 << 53) - 1;

/// Smallest spacing a rebalanced neighbourhood is spread to; a window of
/// cards around the insertion point grows until its keys can be this far
/// apart.
const MIN_SPREAD: u64 = 1 << 16;

/// Longest task title accepted, in characters.
pub const MAX_TASK_TITLE_CHARS: usize = 200;

/// Most sub-steps on one task, and steps in one template.
pub const MAX_CHECKLIST: usize = 50;

/// The keys of the four columns every board starts with.
pub const BUILTIN_COLUMNS: [&str; 4] = ["todo", "doing", "waiting", "done"];

/// One piece of work for one department: part of a request, or standing alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: Id,
    pub title: String,
    /// The request it is part of; none for a task standing alone. Set when
    /// the task is made and never changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<Id>,
    #[serde(default)]
    pub department: Option<Id>,
    #[serde(default)]
    pub assignee: Option<Id>,
    /// A calendar date, the same day for every viewer whatever their time
    /// zone: kept as a date, never as an instant.
    #[serde(default)]
    pub due: Option<NaiveDate>,
    /// The key of its column.
    pub column: String,
    /// Its place in the column: cards are ordered by position, then by id.
    pub position: u64,
    #[serde(default)]
    pub labels: Vec<String>,
    #[serde(default)]
    pub checklist: Vec<ChecklistItem>,
    /// Recorded effort, for the collaboration-cost figure.
    #[serde(default)]
    pub effort_minutes: u32,
    #[serde(default)]
    pub comments: Vec<Comment>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// When it entered its current column.
    pub column_since: Timestamp,
}

/// A sub-step of a task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistItem {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

impl Task {
    /// (sub-steps done, sub-steps).
    pub fn checklist_progress(&self) -> (usize, usize) {
        (self.checklist.iter().filter(|c| c.done).count(), self.checklist.len())
    }

    /// Still to do: not in a column that means done.
    pub fn is_open(&self, board: &BoardConfig) -> bool {
        !board.is_done(&self.column)
    }

    /// Open and due before `today`.
    pub fn is_overdue(&self, board: &BoardConfig, today: NaiveDate) -> bool {
        self.is_open(board) && self.due.is_some_and(|d| d < today)
    }
}

/// A column of the board. The four built-in columns are known by their
/// keys and shown in the reader's language until someone names them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardColumn {
    /// "todo", "doing", "waiting", "done", or the id of a column added later.
    pub key: String,
    /// Display name chosen by the team; empty means "use the built-in name".
    #[serde(default)]
    pub name: String,
    /// Most cards wanted in the column; more are allowed and shown as over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wip_limit: Option<u32>,
    /// Cards here are finished: they no longer hold a request open.
    #[serde(default)]
    pub done: bool,
}

impl BoardColumn {
    fn builtin(key: &str) -> Self {
        Self { key: key.to_string(), name: String::new(), wip_limit: None, done: key == "done" }
    }

    /// Whether the interface shows a translated built-in name for it.
    pub fn is_builtin_name(&self) -> bool {
        self.name.trim().is_empty() && BUILTIN_COLUMNS.contains(&self.key.as_str())
    }

    /// The team's name, else the key, for messages of the core.
    pub fn display_name(&self) -> &str {
        if self.name.trim().is_empty() {
            &self.key
        } else {
            &self.name
        }
    }
}

/// What a swimlane groups cards by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LaneType {
    Department,
    Assignee,
}

impl LaneType {
    pub fn key(self) -> &'static str {
        match self {
            LaneType::Department => "department",
            LaneType::Assignee => "assignee",
        }
    }
}

/// A WIP limit on one lane: the open cards of one department or one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaneLimit {
    pub lane_type: LaneType,
    /// The department's or the member's id.
    pub lane: Id,
    pub limit: u32,
}

/// One task a template makes, for one department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateStep {
    pub department: Id,
    pub title: String,
    #[serde(default)]
    pub checklist: Vec<String>,
    /// Due this many calendar days after the split; none for no due date.
    #[serde(default)]
    pub due_in_days: Option<u32>,
}

/// The tasks a request of one category is split into. The template with an
/// empty category is used for categories that have none of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskTemplate {
    pub category: String,
    pub steps: Vec<TemplateStep>,
}

impl TaskTemplate {
    /// Whether this template is the one for `category` (trimmed, without regard to case).
    pub fn is_for(&self, category: &str) -> bool {
        self.category.trim().to_lowercase() == category.trim().to_lowercase()
    }
}

/// How a workspace's board works: its columns in order, lane limits and
/// templates. The default is the four built-in columns and nothing else; it
/// is left out of stored records and snapshots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardConfig {
    pub columns: Vec<BoardColumn>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lane_limits: Vec<LaneLimit>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<TaskTemplate>,
}

impl Default for BoardConfig {
    fn default() -> Self {
        Self {
            columns: BUILTIN_COLUMNS.iter().map(|k| BoardColumn::builtin(k)).collect(),
            lane_limits: Vec::new(),
            templates: Vec::new(),
        }
    }
}

impl BoardConfig {
    /// For `skip_serializing_if`: an untouched board is not written.
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }

    pub fn column(&self, key: &str) -> Option<&BoardColumn> {
        self.columns.iter().find(|c| c.key == key)
    }

    pub fn is_done(&self, key: &str) -> bool {
        self.column(key).is_some_and(|c| c.done)
    }

    /// Where new tasks of a split go: the first column that is not done.
    pub fn first_open_column(&self) -> Option<&BoardColumn> {
        self.columns.iter().find(|c| !c.done)
    }

    pub fn lane_limit(&self, lane_type: LaneType, lane: Id) -> Option<u32> {
        self.lane_limits.iter().find(|l| l.lane_type == lane_type && l.lane == lane).map(|l| l.limit)
    }

    /// The workspace's own template for a category, else its template for
    /// every other category.
    pub fn template_for(&self, category: &str) -> Option<&TaskTemplate> {
        self.templates
            .iter()
            .find(|t| !t.category.trim().is_empty() && t.is_for(category))
            .or_else(|| self.templates.iter().find(|t| t.category.trim().is_empty()))
    }
}

// ---------------------------------------------------------------------------
// Order

/// Where a card goes in its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Anchor {
    Top,
    Bottom,
    /// Right before this card.
    Before(Id),
    /// Right after this card.
    After(Id),
}

/// A column's cards in board order: by position, then by id, so that equal
/// keys (from two browsers' snapshots, say) always come out the same way.
pub fn column_order<'w>(tasks: impl IntoIterator<Item = &'w Task>, column: &str) -> Vec<&'w Task> {
    let mut cards: Vec<&Task> = tasks.into_iter().filter(|t| t.column == column).collect();
    cards.sort_by_key(|t| (t.position, t.id));
    cards
}

/// The key for a card between `prev` and `next` (none: the column's start
/// or end), or none when no whole number fits and the neighbourhood must be
/// renumbered first. Keys are at least 1 and at most [`MAX_POSITION`].
pub fn key_between(prev: Option<u64>, next: Option<u64>) -> Option<u64> {
    let low = prev.unwrap_or(0);
    let high = next.map_or(MAX_POSITION + 1, |n| n.min(MAX_POSITION + 1));
    if high <= low || high - low < 2 {
        return None;
    }
    match (prev, next) {
        (None, None) => Some(GAP),
        // At an end, one gap on when there is room, so a run of cards
        // added at the bottom keeps even gaps.
        (Some(p), None) if high - p > GAP => Some(p + GAP),
        (None, Some(n)) if n > GAP => Some(n - GAP),
        _ => Some(low + (high - low) / 2),
    }
}

/// A placement worked out for a card: its key, and the other cards whose
/// keys change to make room (usually none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub position: u64,
    pub renumbered: Vec<(Id, u64)>,
}

/// Places a card at `index` among `others` (the column's other cards, as
/// `(id, key)` in board order). When no key fits, the smallest window of
/// neighbours around the index that can be spread at least `MIN_SPREAD`
/// apart is renumbered evenly; cards outside it keep their keys, so a
/// rebalance writes a handful of records, not the whole column.
pub fn place(others: &[(Id, u64)], index: usize) -> Placement {
    let index = index.min(others.len());
    let key = |i: usize| others.get(i).map(|(_, k)| *k);
    let prev = index.checked_sub(1).and_then(key);
    if let Some(position) = key_between(prev, key(index)) {
        return Placement { position, renumbered: Vec::new() };
    }
    let n = others.len();
    let mut radius = 1usize;
    loop {
        let lo = index.saturating_sub(radius);
        let hi = (index + radius).min(n);
        let low = lo.checked_sub(1).and_then(key).unwrap_or(0);
        let high = if hi == n { MAX_POSITION + 1 } else { key(hi).unwrap_or(MAX_POSITION + 1) };
        // The window's cards and the new one, spread evenly between the bounds.
        let count = (hi - lo) as u64 + 1;
        let room = high.saturating_sub(low);
        let step = (room / (count + 1)).min(GAP);
        let whole = lo == 0 && hi == n;
        if step >= MIN_SPREAD || (whole && step >= 1) {
            let mut renumbered = Vec::with_capacity(hi - lo);
            let mut position = 0;
            let mut next = low;
            for slot in lo..=hi {
                next += step;
                if slot == index {
                    position = next;
                    if slot < hi {
                        next += step;
                    } else {
                        break;
                    }
                }
                if slot < hi {
                    if let Some((id, old)) = others.get(slot) {
                        if *old != next {
                            renumbered.push((*id, next));
                        }
                    }
                }
            }
            return Placement { position, renumbered };
        }
        if whole {
            // More cards than keys (over 2^53): keep the order, stack at the end.
            return Placement { position: MAX_POSITION, renumbered: Vec::new() };
        }
        radius *= 2;
    }
}

/// The index in `others` (board order, without the card being moved) that
/// an anchor stands for; none when the anchor card is not among them.
pub fn anchor_index(others: &[(Id, u64)], anchor: Anchor) -> Option<usize> {
    match anchor {
        Anchor::Top => Some(0),
        Anchor::Bottom => Some(others.len()),
        Anchor::Before(id) => others.iter().position(|(o, _)| *o == id),
        Anchor::After(id) => others.iter().position(|(o, _)| *o == id).map(|i| i + 1),
    }
}

// ---------------------------------------------------------------------------
// WIP

/// A count of cards and the limit it is held against. Going over is
/// allowed; it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Wip {
    pub count: usize,
    pub limit: Option<u32>,
}

impl Wip {
    /// More cards than the limit (at the limit is fine).
    pub fn over(&self) -> bool {
        self.limit.is_some_and(|l| self.count > l as usize)
    }
}

/// The cards in each column, against its limit, in column order.
pub fn column_wip<'w>(board: &BoardConfig, tasks: impl IntoIterator<Item = &'w Task>) -> Vec<(String, Wip)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for t in tasks {
        *counts.entry(t.column.as_str()).or_default() += 1;
    }
    board
        .columns
        .iter()
        .map(|c| (c.key.clone(), Wip { count: counts.get(c.key.as_str()).copied().unwrap_or(0), limit: c.wip_limit }))
        .collect()
}

/// The open cards (not in a done column) of every lane of one type, by the
/// lane's department or member; cards without one are not counted.
pub fn open_by_lane<'w>(
    board: &BoardConfig,
    tasks: impl IntoIterator<Item = &'w Task>,
    lane_type: LaneType,
) -> BTreeMap<Id, usize> {
    let mut counts = BTreeMap::new();
    for t in tasks.into_iter().filter(|t| t.is_open(board)) {
        let lane = match lane_type {
            LaneType::Department => t.department,
            LaneType::Assignee => t.assignee,
        };
        if let Some(lane) = lane {
            *counts.entry(lane).or_default() += 1;
        }
    }
    counts
}

/// The open cards (not in a done column) of one lane, against its limit.
pub fn lane_wip<'w>(
    board: &BoardConfig,
    tasks: impl IntoIterator<Item = &'w Task>,
    lane_type: LaneType,
    lane: Id,
) -> Wip {
    let count = open_by_lane(board, tasks, lane_type).get(&lane).copied().unwrap_or(0);
    Wip { count, limit: board.lane_limit(lane_type, lane) }
}

// ---------------------------------------------------------------------------
// Requests and their tasks

/// The tasks of a request in board order (column, then position).
pub fn tasks_of(ws: &Workspace, request: Id) -> Vec<&Task> {
    let column_index = |key: &str| ws.board.columns.iter().position(|c| c.key == key).unwrap_or(usize::MAX);
    let mut found: Vec<&Task> = ws.tasks.values().filter(|t| t.request == Some(request)).collect();
    found.sort_by_key(|t| (column_index(&t.column), t.position, t.id));
    found
}

/// (tasks done, tasks) of every request that has tasks.
pub fn progress_by_request(ws: &Workspace) -> BTreeMap<Id, (usize, usize)> {
    let mut progress: BTreeMap<Id, (usize, usize)> = BTreeMap::new();
    for t in ws.tasks.values() {
        if let Some(r) = t.request {
            let p = progress.entry(r).or_default();
            p.0 += usize::from(!t.is_open(&ws.board));
            p.1 += 1;
        }
    }
    progress
}

/// (tasks done, tasks) of a request.
pub fn request_progress(ws: &Workspace, request: Id) -> (usize, usize) {
    let mut done = 0;
    let mut all = 0;
    for t in ws.tasks.values().filter(|t| t.request == Some(request)) {
        all += 1;
        done += usize::from(!t.is_open(&ws.board));
    }
    (done, all)
}

/// How many of a request's tasks are still open: while there are any, the
/// request is resolved only with a reason.
pub fn open_tasks(ws: &Workspace, request: Id) -> usize {
    let (done, all) = request_progress(ws, request);
    all - done
}

// ---------------------------------------------------------------------------
// Due dates

/// Today's date where the workspace works (its calendar's zone), so that
/// "overdue" means the same for everyone whatever their own zone. UTC when
/// the calendar's zone is unusable.
pub fn today(ws: &Workspace, now: Timestamp) -> NaiveDate {
    match ws.calendar.tz() {
        Ok(tz) => tz.local(now).date(),
        Err(_) => now.date_naive(),
    }
}

/// `days` calendar days after `from`; none past the end of the calendar.
pub fn due_after(from: NaiveDate, days: u32) -> Option<NaiveDate> {
    from.checked_add_signed(TimeDelta::days(i64::from(days)))
}

/// Reads a date as a date field gives it: `2026-11-20`, and nothing else.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    let shaped =
        t.len() == 10 && t.char_indices().all(|(i, c)| if i == 4 || i == 7 { c == '-' } else { c.is_ascii_digit() });
    if !shaped {
        return None;
    }
    t.parse::<NaiveDate>().ok()
}

/// `2026-11-20`: the date as written, with no time-zone conversion.
pub fn fmt_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

// ---------------------------------------------------------------------------
// Templates

/// Where the tasks of a split come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateSource {
    /// The workspace's template for this category (or for every other category).
    Workspace(String),
    /// A built-in template in the interface's language; `kind` names it.
    Builtin(&'static str),
}

/// (department key, title, sub-steps, due in days), in English and Chinese.
type BuiltinStep = (&'static str, (&'static str, &'static str), &'static [(&'static str, &'static str)], u32);

/// Built-in templates: (name, words in a category that choose it, steps).
/// The last one, with no words, is for every other category.
const BUILTIN: [(&str, &[&str], &[BuiltinStep]); 5] = [
    (
        "complaint",
        &["complaint", "投诉"],
        &[
            (
                "service",
                ("Call the customer back and apologise", "回电客户并致歉"),
                &[("Hear the whole story", "完整听取客户诉求"), ("Agree on what happens next", "与客户约定后续处理")],
                1,
            ),
            (
                "technical",
                ("Find the cause of the fault", "查明问题原因"),
                &[("Reproduce or inspect the fault", "复现或检测问题"), ("Write down the cause", "记录原因")],
                2,
            ),
            (
                "sales",
                ("Offer a gesture of goodwill", "提出补偿方案"),
                &[("Check the customer's history", "查看客户购买记录"), ("Get the gesture approved", "补偿方案审批")],
                2,
            ),
        ],
    ),
    (
        "warranty",
        &["warranty", "repair", "保修", "维修", "质保"],
        &[
            ("service", ("Collect proof of purchase and photos", "收集购买凭证和照片"), &[], 1),
            (
                "technical",
                ("Inspect, then repair or replace", "检测并维修或更换"),
                &[("Inspect", "检测"), ("Repair or replace", "维修或更换"), ("Test before handing back", "交还前测试")],
                3,
            ),
            ("sales", ("Set aside a replacement if needed", "如需更换，预留备货"), &[], 3),
        ],
    ),
    (
        "order",
        &["order", "delivery", "refund", "订单", "配送", "退款", "物流"],
        &[
            ("service", ("Confirm the details with the customer", "与客户核对订单信息"), &[], 1),
            (
                "sales",
                ("Reship or refund", "补发或退款"),
                &[
                    ("Check stock", "核对库存"),
                    ("Reship or refund", "补发或退款"),
                    ("Send the tracking number", "告知物流单号"),
                ],
                2,
            ),
        ],
    ),
    (
        "promotion",
        &["promotion", "campaign", "促销", "活动"],
        &[
            ("marketing", ("Confirm the promotion's rules", "确认促销规则"), &[], 1),
            ("sales", ("Apply the price in the store", "门店按规则执行价格"), &[], 2),
            ("service", ("Tell the customer the outcome", "告知客户处理结果"), &[], 2),
        ],
    ),
    (
        "general",
        &[],
        &[
            ("service", ("Confirm the request with the customer", "与客户确认需求"), &[], 1),
            ("technical", ("Check the technical side", "评估技术方面"), &[], 2),
            ("sales", ("Check the commercial side", "评估商务方面"), &[], 2),
        ],
    ),
];

/// The names of the built-in templates, in the order they are tried.
pub fn builtin_names() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(name, _, _)| *name)
}

/// The built-in template a category chooses by its words ("Complaint",
/// "投诉" choose the complaint template), else the general one.
pub fn builtin_for(category: &str) -> &'static str {
    let c = category.to_lowercase();
    BUILTIN.iter().find(|(_, words, _)| words.iter().any(|w| c.contains(w))).map_or("general", |(name, _, _)| *name)
}

/// A built-in template's steps for this workspace, in `lang`: one per
/// department the template names that the workspace has (found by the
/// department's built-in key). A workspace with none of them gets one
/// step per department.
pub fn builtin_steps(ws: &Workspace, name: &str, lang: SampleLang) -> Vec<TemplateStep> {
    let pick = |pair: (&'static str, &'static str)| match lang {
        SampleLang::En => pair.0,
        SampleLang::Zh => pair.1,
    };
    let Some((_, _, steps)) = BUILTIN.iter().find(|(n, _, _)| *n == name) else { return Vec::new() };
    let dept = |key: &str| ws.departments.iter().find(|d| d.builtin.as_deref() == Some(key)).map(|d| d.id);
    let made: Vec<TemplateStep> = steps
        .iter()
        .filter_map(|(key, title, checklist, days)| {
            Some(TemplateStep {
                department: dept(key)?,
                title: pick(*title).to_string(),
                checklist: checklist.iter().map(|c| pick(*c).to_string()).collect(),
                due_in_days: Some(*days),
            })
        })
        .collect();
    if !made.is_empty() {
        return made;
    }
    ws.departments
        .iter()
        .map(|d| TemplateStep {
            department: d.id,
            title: pick(("Do this department's part", "完成本部门负责的部分")).to_string(),
            checklist: Vec::new(),
            due_in_days: Some(2),
        })
        .collect()
}

/// The steps a request is split into by default: the workspace's template
/// for its category, else the built-in one its category chooses.
pub fn split_plan(ws: &Workspace, request: &Request, lang: SampleLang) -> (TemplateSource, Vec<TemplateStep>) {
    match ws.board.template_for(&request.category) {
        Some(t) => (TemplateSource::Workspace(t.category.clone()), t.steps.clone()),
        None => {
            let name = builtin_for(&request.category);
            (TemplateSource::Builtin(name), builtin_steps(ws, name, lang))
        }
    }
}

// ---------------------------------------------------------------------------
// Which records a change touches (for storage)

impl Change {
    /// The tasks whose stored records this change alters.
    pub fn touched_tasks(&self) -> Vec<Id> {
        match self {
            Change::TaskCreated { task, .. }
            | Change::TaskChanged { task, .. }
            | Change::TaskMoved { task, .. }
            | Change::ChecklistItemAdded { task, .. }
            | Change::ChecklistItemChecked { task, .. }
            | Change::ChecklistItemRemoved { task, .. }
            | Change::TaskCommented { task, .. }
            | Change::EffortLogged { task, .. }
            | Change::TaskRemoved { task, .. } => vec![*task],
            Change::TasksRenumbered { tasks, .. } => tasks.clone(),
            _ => Vec::new(),
        }
    }

    /// True for changes to tasks (and to the board) that leave the request
    /// they are recorded under as it was, so its record need not be written.
    pub fn leaves_request_as_is(&self) -> bool {
        matches!(
            self,
            Change::TaskCreated { .. }
                | Change::TaskChanged { .. }
                | Change::TaskMoved { .. }
                | Change::TasksRenumbered { .. }
                | Change::ChecklistItemAdded { .. }
                | Change::ChecklistItemChecked { .. }
                | Change::ChecklistItemRemoved { .. }
                | Change::TaskCommented { .. }
                | Change::EffortLogged { .. }
                | Change::TaskRemoved { .. }
                | Change::RequestSplit { .. }
        )
    }
}
