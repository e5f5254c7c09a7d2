//! The task board (协作看板): every department's tasks in columns, in
//! swimlanes by department, person or request, with WIP counts against
//! their limits; filters kept in the address so that a link reproduces the
//! view; cards moved by drag and drop (mouse, touch, pen) or by keyboard,
//! each move announced to screen readers.
//!
//! Fast at 5,000 cards: each cell (a lane in a column) is a scrolling list
//! that puts in the DOM only the cards it shows, plus a few either side
//! (windowing), with padding standing in for the rest, so opening the board,
//! filtering and moving a card cost about the same at 50 cards as at 5,000.
//! Every card stays reachable: the arrow keys move between all the cards of a
//! cell (scrolling the window to them), each card says its place ("3 of
//! 312"), and for printing every cell shows all its cards.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::board_text::{column_name, due_text};
use crate::components::explain::light_label;
use crate::components::labels::{command_error_text, department_name, tr, urgency_label, URGENCIES};
use crate::domain::board::{column_order, open_by_lane, progress_by_request, today, Anchor, LaneType, Task};
use crate::domain::sla::{current_light, Light};
use crate::domain::{Command, Id, NewTask, Timestamp, Urgency, Workspace};
use crate::i18n::i18n::*;
use crate::pages::board_task::TaskPanel;
use crate::state::use_app;

type I18n = crate::components::labels::I18n;

/// What the lanes group cards by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lanes {
    #[default]
    Department,
    Assignee,
    Request,
}

impl Lanes {
    fn key(self) -> &'static str {
        match self {
            Lanes::Department => "department",
            Lanes::Assignee => "assignee",
            Lanes::Request => "request",
        }
    }

    fn from_key(key: &str) -> Lanes {
        match key {
            "assignee" => Lanes::Assignee,
            "request" => Lanes::Request,
            _ => Lanes::Department,
        }
    }
}

/// The board's view as kept in the address: `/board?q=…&dept=…&who=…&label=…
/// &urgency=…&overdue=1&lanes=…&task=…`. `dept` and `who` take an id or
/// `none`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    pub q: String,
    pub dept: String,
    pub who: String,
    pub label: String,
    pub urgency: String,
    pub overdue: bool,
    pub lanes: Lanes,
    /// The card whose details are open.
    pub task: Option<Id>,
}

impl Filters {
    pub fn from_query(q: &ParamsMap) -> Filters {
        let get = |k: &str| q.get_str(k).unwrap_or_default().to_string();
        Filters {
            q: get("q"),
            dept: get("dept"),
            who: get("who"),
            label: get("label"),
            urgency: get("urgency"),
            overdue: q.get_str("overdue") == Some("1"),
            lanes: Lanes::from_key(&get("lanes")),
            task: q.get_str("task").and_then(|t| Id::parse_str(t).ok()),
        }
    }

    /// `/board?…` with only the parts that differ from the default.
    pub fn url(&self) -> String {
        let Ok(params) = web_sys::UrlSearchParams::new() else { return "/board".into() };
        for (k, v) in [("q", &self.q), ("dept", &self.dept), ("who", &self.who), ("label", &self.label)] {
            if !v.is_empty() {
                params.append(k, v);
            }
        }
        if !self.urgency.is_empty() {
            params.append("urgency", &self.urgency);
        }
        if self.overdue {
            params.append("overdue", "1");
        }
        if self.lanes != Lanes::Department {
            params.append("lanes", self.lanes.key());
        }
        if let Some(t) = self.task {
            params.append("task", &t.to_string());
        }
        let query: String = params.to_string().into();
        if query.is_empty() {
            "/board".into()
        } else {
            format!("/board?{query}")
        }
    }

    /// Whether any filter (not the lanes or the open card) is set.
    fn active(&self) -> bool {
        !self.q.trim().is_empty()
            || !self.dept.is_empty()
            || !self.who.is_empty()
            || !self.label.is_empty()
            || !self.urgency.is_empty()
            || self.overdue
    }
}

/// Goes to the board with these filters, keeping the page where it is;
/// `push` adds a history entry (opening a card), otherwise it is replaced
/// (typing a filter).
pub fn go(filters: &Filters, push: bool) {
    let navigate = use_navigate();
    navigate(&filters.url(), NavigateOptions { replace: !push, scroll: false, ..Default::default() });
}

// ---------------------------------------------------------------------------
// Windowing: a card's height with the gap after it, and the most a cell
// shows before it scrolls, in rem. The board's style sets the same values
// for the CSS (WINDOW_STYLE), so the arithmetic and the layout agree.

const CARD_PITCH_REM: f64 = 7.5;
const CELL_REM: f64 = 32.0;
const WINDOW_STYLE: &str = "--card-h: 7rem; --card-gap: 0.5rem; --cell-h: 32rem";
/// Cards kept in the DOM beyond each end of the visible part of a cell.
const OVERSCAN: usize = 4;

thread_local! {
    static REM_PX: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// The root font size in pixels, read once.
fn rem_px() -> f64 {
    REM_PX.with(|c| {
        if c.get() <= 0.0 {
            let px = document()
                .document_element()
                .and_then(|e| window().get_computed_style(&e).ok().flatten())
                .and_then(|s| s.get_property_value("font-size").ok())
                .and_then(|v| v.trim_end_matches("px").trim().parse::<f64>().ok())
                .filter(|v| *v > 0.0)
                .unwrap_or(16.0);
            c.set(px);
        }
        c.get()
    })
}

fn pitch_px() -> f64 {
    CARD_PITCH_REM * rem_px()
}

/// One card as shown: every text worked out once, so the card itself is
/// static. `rev` changes whenever anything shown changes. Parts a card does
/// not have are empty (and take no room).
#[derive(Debug, Clone, PartialEq)]
struct Card {
    id: Id,
    rev: u64,
    title: String,
    meta: String,
    /// Class and word of the request's urgency.
    urgency: (&'static str, String),
    /// Key and word of the request's SLA light.
    light: (&'static str, String),
    due: String,
    overdue: bool,
    /// Assignee, sub-steps, time in column, labels.
    footer: String,
}

/// The texts of cards in the reader's language, worked out once per
/// language (`\u{1}` and `\u{2}` stand for the values).
#[derive(Debug, Clone, PartialEq)]
struct Words {
    due: String,
    overdue: String,
    steps: String,
    age: String,
    units: [String; 3],
    urgency: [String; 4],
    unassigned: String,
}

impl Words {
    fn new(i18n: I18n) -> Self {
        Words {
            due: t_string!(i18n, board.card_due, date = "\u{1}").to_string(),
            overdue: t_string!(i18n, board.overdue).to_string(),
            steps: t_string!(i18n, board.card_steps, done = "\u{1}", count = "\u{2}").to_string(),
            age: t_string!(i18n, board.card_age, age = "\u{1}").to_string(),
            units: [
                t_string!(i18n, common.unit_day).to_string(),
                t_string!(i18n, common.unit_hour).to_string(),
                t_string!(i18n, common.unit_minute).to_string(),
            ],
            urgency: URGENCIES.map(|u| urgency_label(i18n, u)),
            unassigned: t_string!(i18n, board.unassigned).to_string(),
        }
    }

    fn fill(template: &str, a: &str, b: &str) -> String {
        template.replace('\u{1}', a).replace('\u{2}', b)
    }

    /// "3 d", "5 h", "12 min" in column.
    fn age(&self, secs: i64) -> String {
        let secs = secs.max(0);
        let (n, unit) = if secs >= 86_400 {
            (secs / 86_400, &self.units[0])
        } else if secs >= 3_600 {
            (secs / 3_600, &self.units[1])
        } else {
            (secs / 60, &self.units[2])
        };
        Self::fill(&self.age, &format!("{n} {unit}"), "")
    }
}

/// Cards worked out before, by task, with the stamp of what they were made
/// from; a card is only worked out again when its stamp changes.
type CardCache = HashMap<Id, (u64, Arc<Card>)>;

/// What every card depends on besides its task and request: the language,
/// the minute (time in column, lights), today where the workspace works,
/// people's names and which columns mean done.
#[derive(Debug, Clone, PartialEq)]
struct CardBase {
    stamp: u64,
    now: Timestamp,
    day: NaiveDate,
    words: Arc<Words>,
}

/// Where the cells get their cards from.
#[derive(Clone, Copy)]
struct Cards {
    base: Memo<Option<CardBase>>,
    cache: StoredValue<CardCache>,
}

impl Cards {
    /// The cards of these tasks, from the cache when nothing they show changed.
    fn get(self, i18n: I18n, ws: &Workspace, ids: &[Id]) -> Vec<Arc<Card>> {
        let Some(base) = self.base.get() else { return Vec::new() };
        let mut out = Vec::with_capacity(ids.len());
        self.cache.update_value(|cache| {
            for id in ids {
                let Some(t) = ws.tasks.get(id) else { continue };
                let request = t.request.and_then(|r| ws.request(r));
                let light = request.and_then(|r| current_light(r, base.now)).map(|(_, l)| l);
                let mut h = std::collections::hash_map::DefaultHasher::new();
                (base.stamp, t.updated_at, t.column_since, light).hash(&mut h);
                if let Some(r) = request {
                    (r.updated_at, r.urgency).hash(&mut h);
                }
                let stamp = h.finish();
                match cache.get(id) {
                    Some((s, card)) if *s == stamp => out.push(card.clone()),
                    _ => {
                        let card = Arc::new(card_of(i18n, ws, t, light, &base));
                        cache.insert(*id, (stamp, card.clone()));
                        out.push(card);
                    }
                }
            }
        });
        out
    }
}

fn card_of(i18n: I18n, ws: &Workspace, t: &Task, light: Option<Light>, base: &CardBase) -> Card {
    let words = &base.words;
    let request = t.request.and_then(|r| ws.request(r));
    let meta = match request {
        Some(r) if !r.customer.name.is_empty() => format!("{} · #{}", r.customer.name, r.number),
        Some(r) => format!("#{}", r.number),
        None => String::new(),
    };
    let (done, all) = t.checklist_progress();
    let overdue = t.is_overdue(&ws.board, base.day);
    let urgency = request.map_or(("", String::new()), |r| {
        let class = match r.urgency {
            Urgency::Low => "urgency urgency-low",
            Urgency::Medium => "urgency urgency-medium",
            Urgency::High => "urgency urgency-high",
            Urgency::Critical => "urgency urgency-critical",
        };
        (class, words.urgency.get(r.urgency as usize).cloned().unwrap_or_default())
    });
    let due = match t.due {
        Some(d) if overdue => format!("{} · {}", Words::fill(&words.due, &due_text(d), ""), words.overdue),
        Some(d) => Words::fill(&words.due, &due_text(d), ""),
        None => String::new(),
    };
    let who = t.assignee.and_then(|a| ws.member(a)).map_or(words.unassigned.as_str(), |m| m.name.as_str());
    let mut footer = vec![who.to_string()];
    if all > 0 {
        footer.push(Words::fill(&words.steps, &done.to_string(), &all.to_string()));
    }
    footer.push(words.age((base.now - t.column_since).num_seconds()));
    footer.extend(t.labels.iter().cloned());
    let mut card = Card {
        id: t.id,
        rev: 0,
        title: t.title.clone(),
        meta,
        urgency,
        light: light.map_or(("", String::new()), |l| (l.key(), light_label(i18n, l))),
        due,
        overdue,
        footer: footer.join(" · "),
    };
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&card.title, &card.meta, &card.urgency, &card.light, &card.due, &card.footer).hash(&mut h);
    card.rev = h.finish();
    card
}

/// A lane: a department, a person or a request; none for the cards without one.
type LaneKey = Option<Id>;

fn lane_attr(lane: LaneKey) -> String {
    lane.map(|l| l.to_string()).unwrap_or_else(|| "none".to_string())
}

#[derive(Debug, Clone, PartialEq)]
struct Head {
    key: String,
    name: String,
    count: usize,
    limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
struct Lane {
    key: LaneKey,
    label: String,
    /// "5 open / limit 4" or "2 of 3 done".
    note: String,
    over: bool,
}

/// The board's structure: columns with their counts, lanes with theirs,
/// and each cell's cards in board order.
#[derive(Debug, Clone, PartialEq, Default)]
struct Model {
    heads: Vec<Head>,
    lanes: Vec<Lane>,
    /// (lane, column index) → card ids in board order.
    cells: HashMap<(LaneKey, usize), Vec<Id>>,
    total: usize,
}

impl Model {
    fn visible(&self, hidden: &HashSet<Id>, lane: LaneKey, column: usize) -> Vec<Id> {
        self.cells
            .get(&(lane, column))
            .map(|ids| ids.iter().filter(|id| !hidden.contains(id)).copied().collect())
            .unwrap_or_default()
    }

    /// A card's lane, its column's index, the visible cards of its cell and
    /// its place among them. Looked up only for the keyboard and for
    /// announcements, so the model need not index every card.
    fn locate(&self, hidden: &HashSet<Id>, id: Id) -> Option<(LaneKey, usize, Vec<Id>, usize)> {
        let (lane, ci) = *self.cells.iter().find(|(_, ids)| ids.contains(&id))?.0;
        let cell = self.visible(hidden, lane, ci);
        let pos = cell.iter().position(|c| *c == id)?;
        Some((lane, ci, cell, pos))
    }

    fn lane_label(&self, lane: LaneKey) -> String {
        self.lanes.iter().find(|l| l.key == lane).map(|l| l.label.clone()).unwrap_or_default()
    }
}

fn build_model(i18n: I18n, ws: &Workspace, lanes: Lanes) -> Model {
    let mut m = Model { total: ws.tasks.len(), ..Model::default() };
    let wip = crate::domain::board::column_wip(&ws.board, ws.tasks.values());
    for (c, (_, w)) in ws.board.columns.iter().zip(wip) {
        m.heads.push(Head { key: c.key.clone(), name: column_name(i18n, c), count: w.count, limit: w.limit });
    }
    // Lanes: every department (the board's structure), else the people and
    // requests that have cards; then the cards without one.
    let open_note = |count: usize, limit: Option<u32>| {
        let note = match limit {
            Some(l) => t_string!(i18n, board.lane_open_limit, count = count, limit = l).to_string(),
            None => t_string!(i18n, board.lane_open, count = count).to_string(),
        };
        (note, limit.is_some_and(|l| count > l as usize))
    };
    match lanes {
        Lanes::Department => {
            let open = open_by_lane(&ws.board, ws.tasks.values(), LaneType::Department);
            for d in &ws.departments {
                let count = open.get(&d.id).copied().unwrap_or(0);
                let (note, over) = open_note(count, ws.board.lane_limit(LaneType::Department, d.id));
                m.lanes.push(Lane { key: Some(d.id), label: department_name(i18n, d), note, over });
            }
        }
        Lanes::Assignee => {
            let open = open_by_lane(&ws.board, ws.tasks.values(), LaneType::Assignee);
            let with_cards: HashSet<Id> = ws.tasks.values().filter_map(|t| t.assignee).collect();
            for mem in ws.members.iter().filter(|m| with_cards.contains(&m.id)) {
                let count = open.get(&mem.id).copied().unwrap_or(0);
                let (note, over) = open_note(count, ws.board.lane_limit(LaneType::Assignee, mem.id));
                m.lanes.push(Lane { key: Some(mem.id), label: mem.name.clone(), note, over });
            }
        }
        Lanes::Request => {
            let progress = progress_by_request(ws);
            // By request number.
            let reqs: std::collections::BTreeMap<u32, &crate::domain::Request> =
                progress.keys().filter_map(|r| ws.request(*r)).map(|r| (r.number, r)).collect();
            for r in reqs.into_values() {
                let (done, all) = progress.get(&r.id).copied().unwrap_or_default();
                let note = t_string!(i18n, board.lane_progress, done = done, count = all).to_string();
                m.lanes.push(Lane { key: Some(r.id), label: format!("#{} {}", r.number, r.title), note, over: false });
            }
        }
    }
    let known: HashSet<LaneKey> = m.lanes.iter().map(|l| l.key).collect();
    let mut orphans = false;
    for (ci, head) in m.heads.iter().enumerate() {
        for t in column_order(ws.tasks.values(), &head.key) {
            let mut lane = match lanes {
                Lanes::Department => t.department,
                Lanes::Assignee => t.assignee,
                Lanes::Request => t.request,
            };
            if !known.contains(&lane) {
                lane = None;
                orphans = true;
            }
            m.cells.entry((lane, ci)).or_default().push(t.id);
        }
    }
    if orphans {
        let label = match lanes {
            Lanes::Department => t_string!(i18n, board.lane_no_department),
            Lanes::Assignee => t_string!(i18n, board.unassigned),
            Lanes::Request => t_string!(i18n, board.lane_no_request),
        };
        m.lanes.push(Lane { key: None, label: label.to_string(), note: String::new(), over: false });
    }
    m
}

/// What the filters compare, per task, worked out once per change of the workspace.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    id: Id,
    /// Title, labels, customer, request number and title, assignee, in lower case.
    hay: String,
    dept: Option<Id>,
    who: Option<Id>,
    labels: Vec<String>,
    urgency: Option<Urgency>,
    due: Option<NaiveDate>,
    open: bool,
}

fn index_of(ws: &Workspace) -> Vec<Entry> {
    ws.tasks
        .values()
        .map(|t| {
            let request = t.request.and_then(|r| ws.request(r));
            let mut hay = t.title.to_lowercase();
            for l in &t.labels {
                hay.push('\n');
                hay.push_str(&l.to_lowercase());
            }
            if let Some(r) = request {
                hay.push_str(&format!(
                    "\n#{}\n{}\n{}",
                    r.number,
                    r.title.to_lowercase(),
                    r.customer.name.to_lowercase()
                ));
            }
            if let Some(m) = t.assignee.and_then(|a| ws.member(a)) {
                hay.push('\n');
                hay.push_str(&m.name.to_lowercase());
            }
            Entry {
                id: t.id,
                hay,
                dept: t.department,
                who: t.assignee,
                labels: t.labels.clone(),
                urgency: request.map(|r| r.urgency),
                due: t.due,
                open: t.is_open(&ws.board),
            }
        })
        .collect()
}

fn matches(e: &Entry, f: &Filters, needle: &str, day: NaiveDate) -> bool {
    let id_filter = |value: &str, field: Option<Id>| match value {
        "" => true,
        "none" => field.is_none(),
        v => Id::parse_str(v).ok() == field,
    };
    id_filter(&f.dept, e.dept)
        && id_filter(&f.who, e.who)
        && (f.label.is_empty() || e.labels.contains(&f.label))
        && (f.urgency.is_empty() || e.urgency.is_some_and(|u| u.key() == f.urgency))
        && (!f.overdue || (e.open && e.due.is_some_and(|d| d < day)))
        && (needle.is_empty() || e.hay.contains(needle))
}
/// The announcement region: each message replaces the last; a message
/// equal to the last one is still spoken (a zero-width space tells them apart).
#[derive(Clone, Copy)]
struct Announcer(RwSignal<String>);

impl Announcer {
    fn say(self, text: String) {
        let last = self.0.get_untracked();
        let text = if last == text { format!("{text}\u{200b}") } else { text };
        self.0.set(text);
    }
}

fn card_button(id: Id) -> Option<web_sys::HtmlElement> {
    document()
        .get_element_by_id(&format!("card-{id}"))
        .and_then(|li| li.first_element_child())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The scrolling list of a cell.
fn cell_list(lane: LaneKey, column: &str) -> Option<web_sys::Element> {
    let selector = format!("[data-cell][data-lane=\"{}\"][data-column=\"{column}\"] .cell-scroll", lane_attr(lane));
    document().query_selector(&selector).ok().flatten()
}

/// Scrolls a cell so that the card at `pos` of its visible cards is in view
/// (its window then puts it in the DOM).
fn reveal(lane: LaneKey, column: &str, pos: usize) {
    let Some(list) = cell_list(lane, column) else { return };
    let pitch = pitch_px();
    let top = (pos as f64 * pitch) as i32;
    let bottom = ((pos + 1) as f64 * pitch) as i32;
    let (scroll, height) = (list.scroll_top(), list.client_height());
    if top < scroll {
        list.set_scroll_top(top);
    } else if bottom > scroll + height {
        list.set_scroll_top(bottom - height);
    }
}

/// Puts the keyboard focus on a card once the board has been redrawn,
/// trying for a few frames while a window scrolls to it.
pub fn focus_card(id: Id) {
    focus_then(id, || ());
}

/// [`focus_card`], then `then` (whether or not the card could be focused):
/// an announcement made once the focus is back means the next key press
/// reaches the card.
fn focus_then(id: Id, then: impl FnOnce() + 'static) {
    fn attempt(id: Id, left: u8, then: Box<dyn FnOnce()>) {
        request_animation_frame(move || match card_button(id) {
            Some(b) => {
                let _ = b.focus();
                then();
            }
            None if left > 0 => attempt(id, left - 1, then),
            None => then(),
        });
    }
    attempt(id, 6, Box::new(then));
}

fn element_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target.and_then(|t| t.dyn_into::<web_sys::Element>().ok())
}

fn closest(el: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    el.closest(selector).ok().flatten()
}

fn card_id_at(el: &web_sys::Element) -> Option<(Id, web_sys::Element)> {
    let li = closest(el, "li[data-task]")?;
    let id = Id::parse_str(&li.get_attribute("data-task")?).ok()?;
    Some((id, li))
}

fn html(el: &web_sys::Element) -> Option<&web_sys::HtmlElement> {
    el.dyn_ref::<web_sys::HtmlElement>()
}

/// A drag in progress: which card, from where, the copy that follows the
/// pointer, and where the card would land. The copy is the board's own
/// (cloned when the drag starts), so the card's cell can scroll and redraw
/// meanwhile.
#[derive(Default)]
struct Drag {
    card: Option<(Id, web_sys::Element)>,
    pointer: i32,
    x0: f64,
    y0: f64,
    ghost: Option<web_sys::Element>,
    lane: String,
    target: Option<(String, Anchor)>,
    marked: Option<(web_sys::Element, &'static str)>,
}

impl Drag {
    fn unmark(&mut self) {
        if let Some((el, class)) = self.marked.take() {
            let _ = el.class_list().remove_1(class);
        }
    }

    fn mark(&mut self, el: web_sys::Element, class: &'static str) {
        self.unmark();
        let _ = el.class_list().add_1(class);
        self.marked = Some((el, class));
    }

    /// Starts following the pointer with a copy of the card.
    fn lift(&mut self, board: &web_sys::Element) {
        let Some((_, li)) = &self.card else { return };
        let r = li.get_bounding_client_rect();
        if let Some(ghost) = li.clone_node_with_deep(true).ok().and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            let _ = ghost.remove_attribute("id");
            let _ = ghost.set_attribute("aria-hidden", "true");
            let _ = ghost.class_list().add_1("drag-ghost");
            if let Some(h) = html(&ghost) {
                let style = h.style();
                let _ = style.set_property("left", &format!("{}px", r.left() as i32));
                let _ = style.set_property("top", &format!("{}px", r.top() as i32));
                let _ = style.set_property("width", &format!("{}px", r.width() as i32));
            }
            if let Some(body) = document().body() {
                let _ = body.append_child(&ghost);
            }
            self.ghost = Some(ghost);
        }
        let _ = li.class_list().add_1("drag-source");
        let _ = board.class_list().add_1("is-dragging");
    }

    /// Removes the copy and every mark, and forgets the drag.
    fn end(&mut self) {
        self.unmark();
        if let Some(g) = self.ghost.take() {
            g.remove();
        }
        if let Some((id, li)) = &self.card {
            let _ = li.class_list().remove_1("drag-source");
            // The cell may have redrawn the card meanwhile.
            if let Some(now) = document().get_element_by_id(&format!("card-{id}")) {
                let _ = now.class_list().remove_1("drag-source");
            }
        }
        if let Some(board) = document().query_selector(".board").ok().flatten() {
            let _ = board.class_list().remove_1("is-dragging");
        }
        *self = Drag::default();
    }
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let query = use_query_map();
    let filters = Memo::new(move |_| query.with(Filters::from_query));
    // Its own memo, so that typing a filter does not rebuild the model.
    let lanes = Memo::new(move |_| filters.with(|f| f.lanes));
    let model = Memo::new(move |_| {
        let lanes = lanes.get();
        i18n.get_locale();
        app.workspace.with(|w| w.as_ref().map(|ws| build_model(i18n, ws, lanes)).unwrap_or_default())
    });
    // The board follows the clock by the minute (times in column, lights):
    // the stamp changes once a minute, so cards are worked out again then.
    let base = Memo::new(move |_| {
        i18n.get_locale();
        let now = app.now.get();
        let now = chrono::DateTime::from_timestamp(now.timestamp() / 60 * 60, 0).unwrap_or(now);
        let words = Arc::new(Words::new(i18n));
        app.workspace.with(|w| {
            let ws = w.as_ref()?;
            let day = today(ws, now);
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (i18n.get_locale_untracked().as_str(), now.timestamp() / 60, day).hash(&mut h);
            for mem in &ws.members {
                (mem.id, &mem.name).hash(&mut h);
            }
            for c in &ws.board.columns {
                (&c.key, c.done).hash(&mut h);
            }
            Some(CardBase { stamp: h.finish(), now, day, words })
        })
    });
    let cards = Cards { base, cache: StoredValue::new(CardCache::new()) };
    let index = Memo::new(move |_| app.workspace.with(|w| w.as_ref().map(index_of).unwrap_or_default()));
    // The cards the filters leave out.
    let hidden = Memo::new(move |_| {
        let f = filters.get();
        if !f.active() {
            return HashSet::new();
        }
        let needle = f.q.trim().to_lowercase();
        let day = base.with(|b| b.as_ref().map(|b| b.day)).unwrap_or_default();
        index.with(|entries| entries.iter().filter(|e| !matches(e, &f, &needle, day)).map(|e| e.id).collect())
    });
    // For printing, every cell shows all its cards.
    let print_all = RwSignal::new(false);
    let before = window_event_listener_untyped("beforeprint", move |_| print_all.set(true));
    let after = window_event_listener_untyped("afterprint", move |_| print_all.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let announcer = Announcer(RwSignal::new(String::new()));
    let picked = RwSignal::new(None::<(Id, String, Anchor)>);
    let drag: Rc<RefCell<Drag>> = Rc::new(RefCell::new(Drag::default()));
    // A click that ends a drag or a pick-up with Space does not open the card.
    let swallow_click = Rc::new(std::cell::Cell::new(false));

    // Where a card is now, in words.
    let say_place = move |id: Id| {
        let text = model.with_untracked(|m| {
            let h = hidden.get_untracked();
            let (lane, ci, cell, pos) = m.locate(&h, id)?;
            let title = app.workspace.with_untracked(|w| w.as_ref()?.tasks.get(&id).map(|t| t.title.clone()))?;
            Some(
                t_string!(
                    i18n,
                    board.announce_place,
                    title = title,
                    column = m.heads.get(ci)?.name.clone(),
                    lane = m.lane_label(lane),
                    position = pos + 1,
                    count = cell.len()
                )
                .to_string(),
            )
        });
        if let Some(t) = text {
            announcer.say(t);
        }
    };
    // Scrolls a card's cell to it.
    let reveal_card = move |id: Id| {
        let found = model.with_untracked(|m| {
            let (lane, ci, _, pos) = m.locate(&hidden.get_untracked(), id)?;
            Some((lane, m.heads.get(ci)?.key.clone(), pos))
        });
        if let Some((lane, column, pos)) = found {
            reveal(lane, &column, pos);
        }
    };
    // Shows a card and puts the focus on it.
    let show = move |id: Id| {
        reveal_card(id);
        focus_card(id);
    };
    let move_card = move |id: Id, column: String, anchor: Anchor| match app.dispatch(Command::MoveTask {
        task: id,
        column,
        anchor,
    }) {
        Ok(_) => {
            // Once the cells have redrawn: show the card, give it the focus back, then say where it went.
            request_animation_frame(move || {
                reveal_card(id);
                focus_then(id, move || say_place(id));
            });
        }
        Err(e) => announcer.say(command_error_text(i18n, &e)),
    };
    // Arrow keys: move the focus, or the card that is picked up.
    let arrow = move |id: Id, key: &str| {
        let h = hidden.get_untracked();
        let is_picked = picked.get_untracked().is_some_and(|(p, _, _)| p == id);
        let found = model.with_untracked(|m| {
            let (lane, ci, cell, pos) = m.locate(&h, id)?;
            let keys: Vec<String> = m.heads.iter().map(|c| c.key.clone()).collect();
            // The next column that way: for a move, any; for the focus, one with cards.
            let side = |step: isize| {
                let mut i = ci as isize + step;
                while i >= 0 && (i as usize) < keys.len() {
                    let cards = m.visible(&h, lane, i as usize);
                    if is_picked || !cards.is_empty() {
                        return Some((keys[i as usize].clone(), cards));
                    }
                    i += step;
                }
                None
            };
            let sideways = match key {
                "ArrowLeft" => side(-1),
                "ArrowRight" => side(1),
                _ => None,
            };
            Some((keys.get(ci)?.clone(), cell, pos, sideways))
        });
        let Some((column, cell, pos, sideways)) = found else { return };
        match (key, is_picked) {
            ("ArrowUp", false) => {
                if let Some(prev) = pos.checked_sub(1).and_then(|p| cell.get(p)) {
                    show(*prev);
                }
            }
            ("ArrowDown", false) => {
                if let Some(next) = cell.get(pos + 1) {
                    show(*next);
                }
            }
            ("ArrowLeft" | "ArrowRight", false) => {
                if let Some((_, cards)) = sideways {
                    if let Some(c) = cards.get(pos.min(cards.len().saturating_sub(1))) {
                        show(*c);
                    }
                }
            }
            ("ArrowUp", true) => match pos.checked_sub(1).and_then(|p| cell.get(p)) {
                Some(prev) => move_card(id, column, Anchor::Before(*prev)),
                None => announcer.say(t_string!(i18n, board.announce_top).to_string()),
            },
            ("ArrowDown", true) => match cell.get(pos + 1) {
                Some(next) => move_card(id, column, Anchor::After(*next)),
                None => announcer.say(t_string!(i18n, board.announce_bottom).to_string()),
            },
            (_, true) => match sideways {
                Some((to, cards)) => {
                    let anchor = match (cards.get(pos), cards.last()) {
                        (Some(c), _) => Anchor::Before(*c),
                        (None, Some(last)) => Anchor::After(*last),
                        (None, None) => Anchor::Bottom,
                    };
                    move_card(id, to, anchor)
                }
                None => announcer.say(t_string!(i18n, board.announce_edge).to_string()),
            },
            _ => {}
        }
    };
    let set_picked_look = move |id: Id, on: bool| {
        if let Some(b) = card_button(id) {
            let _ = if on { b.class_list().add_1("picked") } else { b.class_list().remove_1("picked") };
            let _ = b.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
    };
    let title_of = move |id: Id| {
        app.workspace.with_untracked(|w| w.as_ref().and_then(|ws| ws.tasks.get(&id).map(|t| t.title.clone())))
    };
    let title_of = move |id: Id| title_of(id).unwrap_or_default();
    let swallow = swallow_click.clone();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some((id, _)) = element_of(ev.target()).and_then(|e| card_id_at(&e)) else { return };
        let key = ev.key();
        match key.as_str() {
            " " | "Spacebar" => {
                ev.prevent_default();
                swallow.set(true);
                match picked.get_untracked() {
                    Some((p, _, _)) if p == id => {
                        picked.set(None);
                        set_picked_look(id, false);
                        announcer.say(t_string!(i18n, board.announce_dropped, title = title_of(id)).to_string());
                    }
                    _ => {
                        if let Some((p, _, _)) = picked.get_untracked() {
                            set_picked_look(p, false);
                        }
                        // Where it was, to put it back on Escape.
                        let back = app.workspace.with_untracked(|w| {
                            let ws = w.as_ref()?;
                            let t = ws.tasks.get(&id)?;
                            let order = column_order(ws.tasks.values(), &t.column);
                            let i = order.iter().position(|o| o.id == id)?;
                            let anchor = i.checked_sub(1).map_or(Anchor::Top, |p| Anchor::After(order[p].id));
                            Some((t.column.clone(), anchor))
                        });
                        if let Some((column, anchor)) = back {
                            picked.set(Some((id, column, anchor)));
                            set_picked_look(id, true);
                            announcer.say(t_string!(i18n, board.announce_picked, title = title_of(id)).to_string());
                        }
                    }
                }
            }
            "Escape" => {
                if let Some((p, column, anchor)) = picked.get_untracked().filter(|(p, _, _)| *p == id) {
                    ev.prevent_default();
                    picked.set(None);
                    set_picked_look(p, false);
                    match app.dispatch(Command::MoveTask { task: p, column, anchor }) {
                        Ok(_) => request_animation_frame(move || show(p)),
                        Err(e) => announcer.say(command_error_text(i18n, &e)),
                    }
                    announcer.say(t_string!(i18n, board.announce_cancelled, title = title_of(p)).to_string());
                }
            }
            "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" => {
                ev.prevent_default();
                arrow(id, key.as_str());
            }
            _ => {}
        }
    };
    let swallow = swallow_click.clone();
    let on_keyup = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == " " {
            // The click a Space key-up may cause comes before this runs.
            let swallow = swallow.clone();
            set_timeout(move || swallow.set(false), std::time::Duration::ZERO);
        }
    };
    let swallow = swallow_click.clone();
    let on_click = move |ev: web_sys::MouseEvent| {
        if swallow.replace(false) {
            return;
        }
        let Some((id, _)) = element_of(ev.target()).and_then(|e| card_id_at(&e)) else { return };
        let mut f = filters.get_untracked();
        f.task = Some(id);
        go(&f, true);
    };

    // Drag and drop, with pointer events so that mouse, touch and pen work alike.
    let d = drag.clone();
    let on_pointerdown = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let Some(el) = element_of(ev.target()) else { return };
        // Touch and pen drag by the grip, so that a swipe elsewhere scrolls.
        if ev.pointer_type() != "mouse" && closest(&el, ".card-grip").is_none() {
            return;
        }
        let Some((id, li)) = card_id_at(&el) else { return };
        let lane = closest(&li, "[data-cell]").and_then(|c| c.get_attribute("data-lane")).unwrap_or_default();
        let mut s = d.borrow_mut();
        s.end();
        *s = Drag {
            card: Some((id, li)),
            pointer: ev.pointer_id(),
            x0: f64::from(ev.client_x()),
            y0: f64::from(ev.client_y()),
            lane,
            ..Drag::default()
        };
    };
    let d = drag.clone();
    let on_pointermove = move |ev: web_sys::PointerEvent| {
        let mut s = d.borrow_mut();
        if s.card.is_none() || s.pointer != ev.pointer_id() {
            return;
        }
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let (dx, dy) = (x - s.x0, y - s.y0);
        if s.ghost.is_none() {
            if dx.hypot(dy) < 6.0 {
                return;
            }
            let Some(board) = element_of(ev.current_target()) else { return };
            // The board keeps the pointer even when the card under it is redrawn.
            let _ = board.set_pointer_capture(ev.pointer_id());
            s.lift(&board);
        }
        ev.prevent_default();
        if let Some(h) = s.ghost.as_ref().and_then(html) {
            // Whole pixels: formatting floats would bring float-printing code into the wasm.
            let (dx, dy) = (dx.round() as i32, dy.round() as i32);
            let _ = h.style().set_property("transform", &format!("translate({dx}px, {dy}px)"));
        }
        // What is under the pointer: a card of the same lane (above or below
        // its middle), or the empty part of a cell of the same lane.
        let under = document().element_from_point(x as f32, y as f32);
        let cell = under.as_ref().and_then(|u| closest(u, "[data-cell]"));
        let same_lane = cell.as_ref().and_then(|c| c.get_attribute("data-lane")).is_some_and(|l| l == s.lane);
        let column = cell.as_ref().and_then(|c| c.get_attribute("data-column"));
        // Near the top or bottom of a cell's list, scroll it.
        if let Some(list) = same_lane.then(|| under.as_ref().and_then(|u| closest(u, ".cell-scroll"))).flatten() {
            let r = list.get_bounding_client_rect();
            if y < r.top() + 32.0 {
                list.set_scroll_top(list.scroll_top() - 16);
            } else if y > r.bottom() - 32.0 {
                list.set_scroll_top(list.scroll_top() + 16);
            }
        }
        let over = under.as_ref().and_then(card_id_at).filter(|(o, _)| Some(*o) != s.card.as_ref().map(|c| c.0));
        match (same_lane, column, over) {
            (true, Some(column), Some((over, over_li))) => {
                let r = over_li.get_bounding_client_rect();
                let above = y < r.top() + r.height() / 2.0;
                let anchor = if above { Anchor::Before(over) } else { Anchor::After(over) };
                s.target = Some((column, anchor));
                s.mark(over_li, if above { "drop-before" } else { "drop-after" });
            }
            (true, Some(column), None) => {
                s.target = Some((column, Anchor::Bottom));
                if let Some(c) = cell {
                    s.mark(c, "drop-into");
                }
            }
            _ => {
                s.target = None;
                s.unmark();
            }
        }
    };
    let d = drag.clone();
    let swallow = swallow_click.clone();
    let on_pointerup = move |ev: web_sys::PointerEvent| {
        let (card, target, active) = {
            let s = d.borrow();
            if s.card.is_none() || s.pointer != ev.pointer_id() {
                return;
            }
            (s.card.as_ref().map(|(id, _)| *id), s.target.clone(), s.ghost.is_some())
        };
        d.borrow_mut().end();
        if !active {
            return;
        }
        swallow.set(true);
        let swallow = swallow.clone();
        set_timeout(move || swallow.set(false), std::time::Duration::ZERO);
        match (card, target) {
            (Some(id), Some((column, anchor))) => move_card(id, column, anchor),
            (Some(id), None) => {
                announcer.say(t_string!(i18n, board.announce_cancelled, title = title_of(id)).to_string())
            }
            _ => {}
        }
    };
    let d = drag.clone();
    let on_pointercancel = move |_: web_sys::PointerEvent| d.borrow_mut().end();

    let shown = move || {
        let total = model.with(|m| m.total);
        let hidden_count = hidden.with(|h| h.len());
        if filters.with(|f| f.active()) {
            t_string!(i18n, board.count_filtered, shown = total - hidden_count.min(total), count = total).to_string()
        } else {
            t_string!(i18n, board.count, count = total).to_string()
        }
    };
    // The columns and lanes by key: they are rebuilt only when their set
    // changes, not when a card moves (the cards of a cell are keyed).
    let head_keys = Memo::new(move |_| model.with(|m| m.heads.iter().map(|h| h.key.clone()).collect::<Vec<_>>()));
    let lane_keys = Memo::new(move |_| model.with(|m| m.lanes.iter().map(|l| l.key).collect::<Vec<_>>()));
    let columns = move || head_keys.with(|k| k.len());
    let empty = move || model.with(|m| m.total == 0);
    let open_task = Memo::new(move |_| filters.with(|f| f.task));
    let cell_props = CellInputs { model, hidden, cards, print_all, columns: head_keys };

    view! {
        <section class="page board-page" aria-labelledby="board-h">
            <div class="page-head">
                <h1 id="board-h">{tr(i18n, |i| t_string!(i, board.title))}</h1>
                <A href="/board/settings">{tr(i18n, |i| t_string!(i, board.settings_link))}</A>
            </div>
            <BoardFilters filters=filters/>
            <p class="count" role="status" data-testid="board-count">{shown}</p>
            <details class="board-help">
                <summary>{tr(i18n, |i| t_string!(i, board.keys_title))}</summary>
                <p id="board-keys">{tr(i18n, |i| t_string!(i, board.keys_help))}</p>
            </details>
            <p class="sr-only" aria-live="assertive" data-testid="board-announce">{move || announcer.0.get()}</p>
            {move || empty().then(|| view! {
                <div class="empty" data-testid="board-empty">
                    <p>{tr(i18n, |i| t_string!(i, board.empty))}</p>
                </div>
            })}
            <div class="board-scroll">
                <div class="board" data-testid="board" style=move || format!("--cols: {}; {WINDOW_STYLE}", columns())
                    on:keydown=on_keydown on:keyup=on_keyup on:click=on_click
                    on:pointerdown=on_pointerdown on:pointermove=on_pointermove
                    on:pointerup=on_pointerup on:pointercancel=on_pointercancel>
                    <div class="board-heads">
                        {move || head_keys.get().into_iter().enumerate().map(|(index, key)| view! { <ColumnHead index=index key=key model=model/> }).collect_view()}
                    </div>
                    {move || lane_keys.get().into_iter().map(|lane| view! { <LaneRow lane=lane cells=cell_props/> }).collect_view()}
                </div>
            </div>
            {move || open_task.get().map(|id| view! { <TaskPanel id=id/> })}
        </section>
    }
}

/// A column's name, its count against its limit (over: in colour and in
/// words), and a way to add a task to it.
#[component]
fn ColumnHead(index: usize, key: String, model: Memo<Model>) -> impl IntoView {
    let i18n = use_i18n();
    let column = key.clone();
    let head = move || model.with(|m| m.heads.get(index).cloned());
    let over = move || head().is_some_and(|h| h.limit.is_some_and(|l| h.count > l as usize));
    let count = move || {
        head().map(|h| match h.limit {
            Some(l) => t_string!(i18n, board.wip_of, count = h.count, limit = l).to_string(),
            None => h.count.to_string(),
        })
    };
    view! {
        <div class=move || if over() { "col-head wip-over" } else { "col-head" } data-testid="col-head" data-column=key.clone()>
            <h2>
                <span class="col-name">{move || head().map(|h| h.name)}</span>" "
                <span class="wip" data-testid="wip">{count}</span>
            </h2>
            {move || over().then(|| view! { <p class="wip-flag" data-testid="wip-over">{tr(i18n, |i| t_string!(i, board.wip_over))}</p> })}
            <AddTask column=column/>
        </div>
    }
}

/// Adds a task at the bottom of a column.
#[component]
fn AddTask(column: String) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let open = RwSignal::new(false);
    let title = RwSignal::new(String::new());
    let dept = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let departments = move || {
        app.workspace.with(|w| {
            w.as_ref()
                .map(|ws| ws.departments.iter().map(|d| (d.id, department_name(i18n, d))).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let col = column.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let new = NewTask {
            column: col.clone(),
            department: Id::parse_str(&dept.get_untracked()).ok(),
            ..NewTask::titled(&title.get_untracked())
        };
        match app.dispatch(Command::AddTask(new)) {
            Ok(_) => {
                title.set(String::new());
                error.set(None);
            }
            Err(e) => error.set(Some(command_error_text(i18n, &e))),
        }
    };
    let name = move || {
        app.workspace.with(|w| {
            w.as_ref().and_then(|ws| ws.board.column(&column)).map(|c| column_name(i18n, c)).unwrap_or_default()
        })
    };
    view! {
        <button type="button" class="add-task" data-testid="add-task" aria-expanded=move || open.get().to_string()
            aria-label=move || t_string!(i18n, board.add_to, column = name()).to_string()
            on:click=move |_| open.update(|o| *o = !*o)>
            {tr(i18n, |i| t_string!(i, board.add))}
        </button>
        {move || open.get().then(|| view! {
            <form class="add-task-form" on:submit=submit.clone()>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, board.field_title))}</span>
                    <input type="text" prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) data-testid="add-task-title"/>
                </label>
                <label>
                    <span>{tr(i18n, |i| t_string!(i, board.field_department))}</span>
                    <select on:change=move |ev| dept.set(event_target_value(&ev)) data-testid="add-task-department">
                        <option value="">{tr(i18n, |i| t_string!(i, board.none))}</option>
                        {move || departments().into_iter().map(|(id, n)| view! { <option value=id.to_string()>{n}</option> }).collect_view()}
                    </select>
                </label>
                <button type="submit" class="primary" data-testid="add-task-submit">{tr(i18n, |i| t_string!(i, board.add_submit))}</button>
                <p class="error" role="alert">{move || error.get()}</p>
            </form>
        })}
    }
}
/// What every cell reads.
#[derive(Clone, Copy)]
struct CellInputs {
    model: Memo<Model>,
    hidden: Memo<HashSet<Id>>,
    cards: Cards,
    print_all: RwSignal<bool>,
    columns: Memo<Vec<String>>,
}

/// One swimlane: its name and open count against its limit, then its cell
/// in every column.
#[component]
fn LaneRow(lane: LaneKey, cells: CellInputs) -> impl IntoView {
    let i18n = use_i18n();
    let model = cells.model;
    let info = move || model.with(|m| m.lanes.iter().find(|x| x.key == lane).cloned());
    let heading = format!("lane-{}", lane_attr(lane));
    let labelled_by = heading.clone();
    view! {
        <section class="lane" aria-labelledby=labelled_by data-testid="lane" data-lane=lane_attr(lane)>
            <h2 class="lane-h" id=heading>
                {move || info().map(|i| i.label)}" "
                <span class=move || if info().is_some_and(|i| i.over) { "lane-note wip-over" } else { "lane-note" } data-testid="lane-note">
                    {move || info().map(|i| i.note)}
                    {move || info().is_some_and(|i| i.over).then(|| view! { " — " <strong>{tr(i18n, |i| t_string!(i, board.wip_over))}</strong> })}
                </span>
            </h2>
            <div class="lane-cells">
                {move || cells.columns.get().into_iter().enumerate().map(|(index, column)| view! {
                    <Cell lane=lane index=index column=column cells=cells/>
                }).collect_view()}
            </div>
        </section>
    }
}

/// A lane's cards in one column: a scrolling list that keeps in the DOM
/// only the cards in view and a few either side; padding stands in for
/// the others, so the scroll bar tells how many there are.
#[component]
fn Cell(lane: LaneKey, index: usize, column: String, cells: CellInputs) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let CellInputs { model, hidden, cards, print_all, .. } = cells;
    let ids = Memo::new(move |_| model.with(|m| hidden.with(|h| m.visible(h, lane, index))));
    let top = RwSignal::new(0i32);
    // The visible cards' range (start, end) in this cell's list.
    let range = Memo::new(move |_| {
        let n = ids.with(Vec::len);
        if print_all.get() {
            return (0, n);
        }
        let pitch = pitch_px();
        let from = f64::from(top.get()) / pitch;
        let first = (from as usize).saturating_sub(OVERSCAN).min(n);
        let last = ((from + CELL_REM / CARD_PITCH_REM).ceil() as usize + OVERSCAN).min(n);
        (first, last.max(first))
    });
    let shown = move || {
        let (a, b) = range.get();
        let n = ids.with(Vec::len);
        let slice = ids.with(|v| v.get(a..b).map(<[Id]>::to_vec).unwrap_or_default());
        let got = app.workspace.with(|w| w.as_ref().map(|ws| cards.get(i18n, ws, &slice)).unwrap_or_default());
        got.into_iter().enumerate().map(|(i, c)| (a + i + 1, n, c)).collect::<Vec<_>>()
    };
    let padding = move || {
        let (a, b) = range.get();
        let n = ids.with(Vec::len);
        let pitch = pitch_px();
        let px = |cards: usize| (cards as f64 * pitch).round() as i64;
        format!("padding-top: {}px; padding-bottom: {}px", px(a), px(n.saturating_sub(b)))
    };
    let label = {
        let column = column.clone();
        move || {
            model.with(|m| {
                let name = m.heads.iter().find(|h| h.key == column).map(|h| h.name.clone()).unwrap_or_default();
                let count = ids.with(Vec::len);
                t_string!(i18n, board.cell_label, column = name, lane = m.lane_label(lane), count = count).to_string()
            })
        }
    };
    let none_shown = move || ids.with(Vec::is_empty);
    view! {
        <div class="cell" data-cell="" data-lane=lane_attr(lane) data-column=column role="group" aria-label=label>
            <div class="cell-scroll" on:scroll=move |ev| {
                if let Some(el) = element_of(ev.target()) {
                    top.set(el.scroll_top());
                }
            }>
                <ol class="cards" style=padding>
                    <For each=shown key=|(pos, n, c)| (c.id, c.rev, *pos, *n) children=move |(pos, n, c)| card_view(c, pos, n)/>
                </ol>
            </div>
            <p class="cell-empty" hidden=move || !none_shown()>{tr(i18n, |i| t_string!(i, board.cell_empty))}</p>
        </div>
    }
}

/// One card: a button (Enter opens it, Space picks it up) holding
/// everything the card says, so a screen reader reads it whole, with its
/// place among the cell's cards.
fn card_view(c: Arc<Card>, pos: usize, count: usize) -> impl IntoView {
    let due_class = if c.overdue { "due overdue" } else { "due" };
    view! {
        <li class="card-slot" id=format!("card-{}", c.id) data-task=c.id.to_string() aria-posinset=pos aria-setsize=count>
            <button type="button" class="board-card" data-testid="card" aria-describedby="board-keys">
                <span class="card-grip" aria-hidden="true"></span>
                <span class="card-title" data-testid="card-title">{c.title.clone()}</span>
                <span class="card-meta">{c.meta.clone()}</span>
                <span class="card-tags">
                    <span class=c.urgency.0>{c.urgency.1.clone()}</span>
                    <span class=format!("light light-{}", c.light.0) data-light=c.light.0>{c.light.1.clone()}</span>
                    <span class=due_class data-testid="card-due">{c.due.clone()}</span>
                </span>
                <span class="card-who">{c.footer.clone()}</span>
            </button>
        </li>
    }
}

/// The filters, each kept in the address.
#[component]
fn BoardFilters(filters: Memo<Filters>) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let text = RwSignal::new(filters.get_untracked().q);
    // Back and forward change the address: the box follows.
    Effect::new(move |_| {
        let q = filters.with(|f| f.q.clone());
        if q != text.get_untracked() {
            text.set(q);
        }
    });
    let set = move |change: &dyn Fn(&mut Filters)| {
        let mut f = filters.get_untracked();
        change(&mut f);
        go(&f, false);
    };
    let options = move || {
        app.workspace.with(|w| {
            let Some(ws) = w else { return (Vec::new(), Vec::new(), Vec::new()) };
            let depts = ws.departments.iter().map(|d| (d.id.to_string(), department_name(i18n, d))).collect();
            let people = ws.members.iter().map(|m| (m.id.to_string(), m.name.clone())).collect();
            let labels: std::collections::BTreeSet<String> =
                ws.tasks.values().flat_map(|t| t.labels.iter().cloned()).collect();
            (depts, people, labels.into_iter().collect::<Vec<_>>())
        })
    };
    let depts = move || options().0;
    let people = move || options().1;
    let labels = move || options().2;
    let selected = move |value: String, current: fn(&Filters) -> &String| {
        let v = value.clone();
        move || filters.with(|f| current(f) == &v)
    };
    view! {
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default() data-testid="board-filters">
            <label>
                <span>{tr(i18n, |i| t_string!(i, board.search))}</span>
                <input type="search" prop:value=move || text.get() data-testid="board-search"
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        text.set(v.clone());
                        set(&|f| f.q = v.clone());
                    }/>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, board.field_department))}</span>
                <select data-testid="filter-department" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.dept = v.clone()) }>
                    <option value="" selected=selected(String::new(), |f| &f.dept)>{tr(i18n, |i| t_string!(i, board.all))}</option>
                    <option value="none" selected=selected("none".into(), |f| &f.dept)>{tr(i18n, |i| t_string!(i, board.none))}</option>
                    {move || depts().into_iter().map(|(id, n)| view! { <option value=id.clone() selected=selected(id, |f| &f.dept)>{n}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, board.field_assignee))}</span>
                <select data-testid="filter-assignee" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.who = v.clone()) }>
                    <option value="" selected=selected(String::new(), |f| &f.who)>{tr(i18n, |i| t_string!(i, board.all))}</option>
                    <option value="none" selected=selected("none".into(), |f| &f.who)>{tr(i18n, |i| t_string!(i, board.unassigned))}</option>
                    {move || people().into_iter().map(|(id, n)| view! { <option value=id.clone() selected=selected(id, |f| &f.who)>{n}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, board.field_labels))}</span>
                <select data-testid="filter-label" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.label = v.clone()) }>
                    <option value="" selected=selected(String::new(), |f| &f.label)>{tr(i18n, |i| t_string!(i, board.all))}</option>
                    {move || labels().into_iter().map(|l| view! { <option value=l.clone() selected=selected(l.clone(), |f| &f.label)>{l.clone()}</option> }).collect_view()}
                </select>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, board.urgency))}</span>
                <select data-testid="filter-urgency" on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.urgency = v.clone()) }>
                    <option value="" selected=selected(String::new(), |f| &f.urgency)>{tr(i18n, |i| t_string!(i, board.all))}</option>
                    {URGENCIES.iter().map(|u| view! { <option value=u.key() selected=selected(u.key().to_string(), |f| &f.urgency)>{urgency_label(i18n, *u)}</option> }).collect_view()}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" data-testid="filter-overdue" prop:checked=move || filters.with(|f| f.overdue)
                    on:change=move |ev| { let on = event_target_checked(&ev); set(&|f| f.overdue = on) }/>
                <span>{tr(i18n, |i| t_string!(i, board.overdue_only))}</span>
            </label>
            <label>
                <span>{tr(i18n, |i| t_string!(i, board.lanes))}</span>
                <select data-testid="board-lanes" on:change=move |ev| { let v = Lanes::from_key(&event_target_value(&ev)); set(&|f| f.lanes = v) }>
                    {[Lanes::Department, Lanes::Assignee, Lanes::Request].into_iter().map(|l| {
                        let label = move || match l {
                            Lanes::Department => t_string!(i18n, board.lanes_department),
                            Lanes::Assignee => t_string!(i18n, board.lanes_assignee),
                            Lanes::Request => t_string!(i18n, board.lanes_request),
                        };
                        view! { <option value=l.key() selected=move || filters.with(|f| f.lanes == l)>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
            {move || filters.with(|f| f.active()).then(|| view! {
                <button type="button" data-testid="clear-filters" on:click=move |_| {
                    let lanes = filters.with_untracked(|f| f.lanes);
                    text.set(String::new());
                    go(&Filters { lanes, ..Filters::default() }, false);
                }>{tr(i18n, |i| t_string!(i, board.clear_filters))}</button>
            })}
        </form>
    }
}
