//! The application state shared by every page, and the one way to change a
//! workspace: [`AppState::dispatch`] applies a domain command in memory, then
//! the save loop writes the changed records to IndexedDB in one transaction.
//!
//! Invariants:
//! - The in-memory workspace is never thrown away because a write failed: the
//!   unsaved commands stay queued, a warning stays up, and the write is retried.
//! - A save is based on the revision it read; when another tab saved first the
//!   workspace is re-read and the queued commands are applied again on top, and
//!   the user is told (and told which, if any, could not be re-applied).
//! - Stored data this build cannot read is never written over.
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::{apply, apply_in_place, Command, CommandError, Ctx, Id, Timestamp, Workspace};
use crate::persist::idb::{ChangeSet, Db, StoreError, WorkspaceInfo};
use crate::persist::snapshot::WorkspaceMeta;
use crate::platform::channel::{Channel, TabMessage};
use crate::platform::ids::BrowserIds;
use crate::platform::{clock, prefs, timer};

/// What the app is showing as a whole.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    Loading,
    /// No workspace is open (first run, or the last one was deleted).
    NoWorkspace,
    Ready,
    /// A stored workspace cannot be read; it is left untouched.
    Recovery {
        workspace: String,
        name: String,
        detail: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved,
    Saving,
    /// The last write failed; `pending` commands are kept in memory.
    Failed {
        detail: String,
        pending: usize,
    },
}

/// A message shown until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Another tab changed the open workspace and this tab now shows it.
    UpdatedElsewhere,
    /// Another tab saved first; our changes were applied again on top.
    /// `lost` lists why each change that could no longer be applied was refused.
    Conflict { lost: Vec<CommandError> },
    /// The open workspace was deleted in another tab.
    DeletedElsewhere,
}

struct Pending {
    cmd: Command,
    actor: Option<Id>,
    now: Timestamp,
}

#[derive(Default)]
struct Shell {
    db: Option<Rc<Db>>,
    ids: BrowserIds,
    rev: u64,
    /// Events already stored (the trail's stored prefix).
    stored_events: usize,
    dirty_requests: BTreeSet<Id>,
    dirty_meta: bool,
    /// The workspace has never been stored: write it whole.
    whole: bool,
    pending: Vec<Pending>,
    saving: bool,
    channel: Option<Rc<Channel>>,
    /// An early-warning evaluation is due shortly (after a burst of changes).
    evaluation_due: bool,
    /// Tasks changed, added or removed since the last save.
    dirty_tasks: BTreeSet<Id>,
}

thread_local! {
    static SHELL: RefCell<Shell> = RefCell::new(Shell::default());
}

/// How often the app's time moves on screen.
const TICK_MS: i32 = 5_000;

fn with_shell<R>(f: impl FnOnce(&mut Shell) -> R) -> R {
    SHELL.with(|s| f(&mut s.borrow_mut()))
}

/// Shared state; get it with [`use_app`].
#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Option<Workspace>>,
    pub list: RwSignal<Vec<WorkspaceInfo>>,
    pub phase: RwSignal<Phase>,
    pub save: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<Notice>>,
    /// The member this browser acts as in the open workspace.
    pub actor: RwSignal<Option<Id>>,
    /// How many saves this tab has made, and how long the last one took
    /// (serialising and the transaction), in ms.
    pub last_save: RwSignal<(u64, Option<f64>)>,
    /// How long applying the last command took in memory, in ms (routing,
    /// SLA clocks and the rest of the core, before any storage).
    pub last_apply_ms: RwSignal<Option<f64>>,
    /// The app's time, from `platform::clock`; moves every few seconds and
    /// whenever the clock is set, so traffic lights follow it.
    pub now: RwSignal<Timestamp>,
}

/// The typed accessor for the shared state (provided once by the app root).
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Creates the state, provides it as context and starts loading.
    pub fn provide() -> AppState {
        let state = AppState {
            workspace: RwSignal::new(None),
            list: RwSignal::new(Vec::new()),
            phase: RwSignal::new(Phase::Loading),
            save: RwSignal::new(SaveStatus::Saved),
            notice: RwSignal::new(None),
            actor: RwSignal::new(None),
            last_save: RwSignal::new((0, None)),
            last_apply_ms: RwSignal::new(None),
            now: RwSignal::new(clock::now()),
        };
        provide_context(state);
        let channel = Channel::open(move |msg| state.on_tab_message(msg));
        with_shell(|s| s.channel = Some(Rc::new(channel)));
        spawn_local(async move { state.start().await });
        // Retry failed writes every 5 seconds.
        timer::every(5_000, move || {
            if matches!(state.save.get_untracked(), SaveStatus::Failed { .. }) {
                state.schedule_save();
            }
        });
        // Move the app's time on; look at the early warnings once a minute.
        let ticks = std::cell::Cell::new(0u32);
        timer::every(TICK_MS, move || {
            state.now.set(clock::now());
            ticks.set(ticks.get() + 1);
            if ticks.get().is_multiple_of(60_000 / TICK_MS as u32) {
                state.evaluate_warnings();
            }
        });
        state
    }

    /// Sets the app's clock (see `platform::clock`) and re-reads everything
    /// that depends on the time.
    pub fn set_clock(self, run: Option<(Timestamp, f64)>) {
        clock::simulate(run);
        self.now.set(clock::now());
        self.evaluate_warnings();
    }

    /// Evaluates the early warnings once, shortly after a change (a burst of
    /// changes, such as an import, gives one evaluation).
    fn evaluate_soon(self) {
        let first = with_shell(|s| !std::mem::replace(&mut s.evaluation_due, true));
        if first {
            timer::after(300, move || {
                with_shell(|s| s.evaluation_due = false);
                self.evaluate_warnings();
            });
        }
    }

    /// Raises and clears early-warning alerts when the rules say so. Looks
    /// first, so a minute with nothing to report changes and stores nothing.
    pub fn evaluate_warnings(self) {
        let now = clock::now();
        let due = self.workspace.with_untracked(|w| {
            w.as_ref().is_some_and(|ws| {
                let v = crate::domain::warnings::evaluate(ws, now);
                !v.raise.is_empty() || !v.clear.is_empty()
            })
        });
        if due && self.phase.get_untracked() == Phase::Ready {
            let _ = self.dispatch(Command::EvaluateWarnings);
        }
    }

    async fn start(self) {
        match Db::open().await {
            Ok(db) => with_shell(|s| s.db = Some(Rc::new(db))),
            Err(e) => {
                self.save.set(SaveStatus::Failed { detail: e.to_string(), pending: 0 });
                self.phase.set(Phase::NoWorkspace);
                return;
            }
        }
        self.refresh_list().await;
        let list = self.list.get_untracked();
        let last = prefs::last_workspace();
        let pick = last
            .as_deref()
            .and_then(|l| list.iter().find(|w| w.id.to_string() == l))
            .or_else(|| list.iter().find(|w| w.unreadable.is_none()))
            .cloned();
        match pick {
            Some(info) => self.open(info.id).await,
            None => self.phase.set(Phase::NoWorkspace),
        }
    }

    fn db() -> Option<Rc<Db>> {
        with_shell(|s| s.db.clone())
    }

    fn broadcast(msg: TabMessage) {
        if let Some(ch) = with_shell(|s| s.channel.clone()) {
            ch.send(&msg);
        }
    }

    pub async fn refresh_list(self) {
        if let Some(db) = Self::db() {
            if let Ok(list) = db.list().await {
                self.list.set(list);
            }
        }
    }

    /// Opens a stored workspace; unreadable data leads to the recovery screen.
    pub async fn open(self, id: Id) {
        let Some(db) = Self::db() else { return };
        self.phase.set(Phase::Loading);
        match db.load(id).await {
            Ok(Some((ws, rev))) => {
                prefs::set_last_workspace(&id.to_string());
                with_shell(|s| {
                    s.rev = rev;
                    s.stored_events = ws.events.len();
                    s.dirty_requests.clear();
                    s.dirty_tasks.clear();
                    s.dirty_meta = false;
                    s.whole = false;
                    s.pending.clear();
                });
                let actor = prefs::actor(&id.to_string())
                    .and_then(|a| Id::parse_str(&a).ok())
                    .filter(|a| ws.member(*a).is_some_and(|m| m.active));
                self.actor.set(actor);
                self.workspace.set(Some(ws));
                self.save.set(SaveStatus::Saved);
                self.phase.set(Phase::Ready);
                self.evaluate_warnings();
            }
            Ok(None) => {
                self.workspace.set(None);
                self.phase.set(Phase::NoWorkspace);
            }
            Err(StoreError::Unreadable { workspace, detail }) => {
                let name = self
                    .list
                    .get_untracked()
                    .iter()
                    .find(|w| w.id == id)
                    .map(|w| w.name.clone())
                    .unwrap_or_else(|| workspace.clone());
                self.workspace.set(None);
                self.phase.set(Phase::Recovery { workspace, name, detail });
            }
            Err(e) => {
                self.save.set(SaveStatus::Failed { detail: e.to_string(), pending: 0 });
                self.phase.set(Phase::NoWorkspace);
            }
        }
    }

    /// Makes `ws` a new stored workspace and opens it. If it cannot be stored
    /// it is still opened in memory, with the write retried.
    pub async fn adopt_new(self, ws: Workspace) {
        let id = ws.id;
        let stored = match Self::db() {
            Some(db) => db.replace(&ws, None).await,
            None => Err(StoreError::Unavailable("storage is not available".into())),
        };
        self.actor.set(None);
        match stored {
            Ok(rev) => {
                with_shell(|s| {
                    s.rev = rev;
                    s.whole = false;
                });
                self.save.set(SaveStatus::Saved);
                Self::broadcast(TabMessage::ListChanged);
            }
            Err(e) => {
                with_shell(|s| {
                    s.rev = 0;
                    s.whole = true;
                });
                self.save.set(SaveStatus::Failed { detail: e.to_string(), pending: 1 });
            }
        }
        with_shell(|s| {
            s.stored_events = ws.events.len();
            s.dirty_requests.clear();
            s.dirty_tasks.clear();
            s.dirty_meta = false;
            s.pending.clear();
        });
        prefs::set_last_workspace(&id.to_string());
        self.workspace.set(Some(ws));
        self.phase.set(Phase::Ready);
        self.evaluate_warnings();
        self.refresh_list().await;
    }

    /// Replaces the open workspace's contents (snapshot import) in one transaction.
    pub async fn replace_current(self, mut ws: Workspace) -> Result<(), StoreError> {
        let Some(current) = self.workspace.with_untracked(|w| w.as_ref().map(|w| w.id)) else {
            return Err(StoreError::Unavailable("no workspace is open".into()));
        };
        ws.id = current;
        let db = Self::db().ok_or_else(|| StoreError::Unavailable("storage is not available".into()))?;
        let base = with_shell(|s| s.rev);
        let rev = db.replace(&ws, Some(base)).await?;
        with_shell(|s| {
            s.rev = rev;
            s.stored_events = ws.events.len();
            s.dirty_requests.clear();
            s.dirty_tasks.clear();
            s.dirty_meta = false;
            s.whole = false;
            s.pending.clear();
        });
        self.workspace.set(Some(ws));
        self.save.set(SaveStatus::Saved);
        Self::broadcast(TabMessage::Replaced { workspace: current.to_string() });
        self.refresh_list().await;
        Ok(())
    }

    pub async fn delete(self, id: Id) -> Result<(), StoreError> {
        let db = Self::db().ok_or_else(|| StoreError::Unavailable("storage is not available".into()))?;
        db.delete(id).await?;
        Self::broadcast(TabMessage::Replaced { workspace: id.to_string() });
        self.refresh_list().await;
        let open = self.workspace.with_untracked(|w| w.as_ref().map(|w| w.id));
        if open == Some(id) || matches!(self.phase.get_untracked(), Phase::Recovery { .. }) {
            self.workspace.set(None);
            let next = self.list.get_untracked().into_iter().find(|w| w.unreadable.is_none());
            match next {
                Some(info) => self.open(info.id).await,
                None => self.phase.set(Phase::NoWorkspace),
            }
        }
        Ok(())
    }

    pub async fn export_raw(self, workspace: &str) -> Result<String, StoreError> {
        let db = Self::db().ok_or_else(|| StoreError::Unavailable("storage is not available".into()))?;
        db.export_raw(workspace).await
    }

    /// New ids for building workspaces outside a command (create, sample, import).
    /// Applies a command, now and as nobody, to a workspace that is not open
    /// yet (an import about to be stored), so that what is done to it before
    /// it is stored is in its trail like any change.
    pub fn apply_before_storing(ws: &mut Workspace, cmd: Command) -> Result<usize, CommandError> {
        let now = clock::now();
        with_shell(|s| apply_in_place(ws, cmd, &mut Ctx::new(now, None, &mut s.ids)))
    }

    pub fn with_ids<R>(f: impl FnOnce(&mut BrowserIds) -> R) -> R {
        with_shell(|s| f(&mut s.ids))
    }

    pub fn set_actor(self, member: Option<Id>) {
        if let Some(ws) = self.workspace.with_untracked(|w| w.as_ref().map(|w| w.id)) {
            prefs::set_actor(&ws.to_string(), member.map(|m| m.to_string()).as_deref());
        }
        self.actor.set(member);
    }

    /// Applies a command to the open workspace and queues its records for saving.
    /// Returns how many events the command appended to the trail.
    pub fn dispatch(self, cmd: Command) -> Result<usize, CommandError> {
        let now = clock::now();
        self.now.set(now);
        let actor = self.actor.get_untracked();
        let mut result = None;
        let started = clock::perf_ms();
        self.workspace.update(|w| {
            if let Some(ws) = w.as_mut() {
                let applied: Result<usize, CommandError> = with_shell(|s| {
                    let mut ctx = Ctx::new(now, actor, &mut s.ids);
                    let count = apply_in_place(ws, cmd.clone(), &mut ctx)?;
                    // The requests and tasks the new events concern are the ones to write.
                    for e in ws.events.iter().rev().take(count) {
                        if let Some(r) = e.request.filter(|_| !e.change.leaves_request_as_is()) {
                            s.dirty_requests.insert(r);
                        }
                        s.dirty_tasks.extend(e.change.touched_tasks());
                    }
                    Ok(count)
                });
                result = Some(applied);
            }
        });
        self.last_apply_ms.set(Some(clock::perf_ms() - started));
        let Some(result) = result else {
            return Err(CommandError::Invalid { field: "workspace", problem: "no workspace is open".into() });
        };
        let evaluating = matches!(cmd, Command::EvaluateWarnings);
        let count = result?;
        // No events, no change: nothing to store.
        if count == 0 {
            return Ok(0);
        }
        if !evaluating {
            self.evaluate_soon();
        }
        with_shell(|s| {
            s.dirty_meta = true;
            s.pending.push(Pending { cmd, actor, now });
        });
        self.schedule_save();
        Ok(count)
    }

    /// Starts the save loop unless it is already running.
    pub fn schedule_save(self) {
        let start = with_shell(|s| {
            if s.saving {
                false
            } else {
                s.saving = true;
                true
            }
        });
        if start {
            spawn_local(async move {
                self.save_loop().await;
                with_shell(|s| s.saving = false);
            });
        }
    }

    async fn save_loop(self) {
        loop {
            let db = match Self::db() {
                Some(db) => db,
                None => match Db::open().await {
                    Ok(db) => {
                        let db = Rc::new(db);
                        with_shell(|s| s.db = Some(db.clone()));
                        db
                    }
                    Err(e) => {
                        self.fail(e.to_string());
                        return;
                    }
                },
            };
            let whole = with_shell(|s| s.whole);
            if whole {
                let Some(ws) = self.workspace.get_untracked() else { return };
                let taken = with_shell(|s| s.pending.len());
                self.mark_saving();
                match db.replace(&ws, None).await {
                    Ok(rev) => {
                        with_shell(|s| {
                            s.rev = rev;
                            s.whole = false;
                            s.stored_events = ws.events.len();
                            s.dirty_requests.clear();
                            s.dirty_tasks.clear();
                            s.dirty_meta = false;
                            s.pending.drain(..taken.min(s.pending.len()));
                        });
                        Self::broadcast(TabMessage::ListChanged);
                        self.refresh_list().await;
                        continue;
                    }
                    Err(e) => {
                        self.fail(e.to_string());
                        return;
                    }
                }
            }
            // Let the interface finish drawing the change first (its updates
            // run right after the command), so that a save neither holds it
            // up nor is timed with it.
            timer::sleep_ms(0).await;
            // Take what is dirty now; anything dirtied during the write stays for the next round.
            let started = clock::perf_ms();
            let Some(changes) = self.take_changes() else {
                if matches!(self.save.get_untracked(), SaveStatus::Saving | SaveStatus::Failed { .. }) {
                    self.save.set(SaveStatus::Saved);
                }
                return;
            };
            let (cs, taken_requests, taken_tasks, taken_pending) = changes;
            self.mark_saving();
            match db.save(&cs).await {
                Ok(rev) => {
                    let ms = clock::perf_ms() - started;
                    self.last_save.update(|(n, last)| {
                        *n += 1;
                        *last = Some(ms);
                    });
                    with_shell(|s| {
                        s.rev = rev;
                        s.stored_events = cs.event_count;
                        s.pending.drain(..taken_pending.min(s.pending.len()));
                    });
                    Self::broadcast(TabMessage::Saved {
                        workspace: cs.meta.id.to_string(),
                        rev,
                        requests: taken_requests.iter().map(|r| r.to_string()).collect(),
                        events_from: cs.events.first().map(|(i, _)| *i).unwrap_or(cs.event_count),
                        meta: true,
                        tasks: taken_tasks.iter().map(|t| t.to_string()).collect(),
                    });
                }
                Err(StoreError::Conflict { .. }) => {
                    with_shell(|s| {
                        s.dirty_requests.extend(taken_requests);
                        s.dirty_tasks.extend(taken_tasks);
                    });
                    self.rebase(&db, cs.meta.id).await;
                }
                Err(e) => {
                    with_shell(|s| {
                        s.dirty_requests.extend(taken_requests);
                        s.dirty_tasks.extend(taken_tasks);
                        s.dirty_meta = true;
                    });
                    self.fail(e.to_string());
                    return;
                }
            }
        }
    }

    /// Shows that a save is under way, unless saving has failed: the warning
    /// stays up through the retries until one succeeds.
    fn mark_saving(self) {
        if !matches!(self.save.get_untracked(), SaveStatus::Failed { .. }) {
            self.save.set(SaveStatus::Saving);
        }
    }

    fn fail(self, detail: String) {
        let pending = with_shell(|s| s.pending.len());
        self.save.set(SaveStatus::Failed { detail, pending });
    }

    #[allow(clippy::type_complexity)]
    fn take_changes(self) -> Option<(ChangeSet, BTreeSet<Id>, BTreeSet<Id>, usize)> {
        self.workspace.with_untracked(|w| {
            let ws = w.as_ref()?;
            with_shell(|s| {
                let has_events = ws.events.len() > s.stored_events;
                if s.dirty_requests.is_empty() && s.dirty_tasks.is_empty() && !s.dirty_meta && !has_events {
                    return None;
                }
                let ids = std::mem::take(&mut s.dirty_requests);
                let task_ids = std::mem::take(&mut s.dirty_tasks);
                let (tasks, removed_tasks) = changed_tasks(ws, &task_ids);
                s.dirty_meta = false;
                let requests = ids.iter().filter_map(|id| ws.requests.get(id).cloned()).collect();
                let from = s.stored_events.min(ws.events.len());
                let events = ws.events[from..].iter().cloned().enumerate().map(|(i, e)| (from + i, e)).collect();
                let cs = ChangeSet {
                    base_rev: s.rev,
                    meta: WorkspaceMeta::of(ws),
                    requests,
                    events,
                    request_count: ws.requests.len(),
                    event_count: ws.events.len(),
                    tasks,
                    removed_tasks,
                    task_count: ws.tasks.len(),
                };
                Some((cs, ids, task_ids, s.pending.len()))
            })
        })
    }

    /// Another tab saved first: read the stored workspace, apply our queued
    /// commands again on top of it, and tell the user.
    async fn rebase(self, db: &Db, id: Id) {
        let fresh = match db.load(id).await {
            Ok(Some(found)) => found,
            Ok(None) => {
                // Deleted elsewhere: keep ours in memory and store it whole again.
                with_shell(|s| s.whole = true);
                self.notice.set(Some(Notice::DeletedElsewhere));
                return;
            }
            Err(e) => {
                self.fail(e.to_string());
                return;
            }
        };
        let (mut ws, rev) = fresh;
        let stored_events = ws.events.len();
        let pending = with_shell(|s| std::mem::take(&mut s.pending));
        let mut kept = Vec::new();
        let mut lost = Vec::new();
        let mut dirty = BTreeSet::new();
        let mut dirty_tasks = BTreeSet::new();
        for p in pending {
            let result = with_shell(|s| {
                let mut ctx = Ctx::new(p.now, p.actor, &mut s.ids);
                apply(&mut ws, p.cmd.clone(), &mut ctx)
            });
            match result {
                Ok(events) => {
                    dirty.extend(events.iter().filter_map(|e| e.request));
                    dirty_tasks.extend(events.iter().flat_map(|e| e.change.touched_tasks()));
                    kept.push(p);
                }
                Err(e) => lost.push(e),
            }
        }
        with_shell(|s| {
            s.rev = rev;
            s.stored_events = stored_events;
            s.dirty_requests = dirty;
            s.dirty_tasks = dirty_tasks;
            s.dirty_meta = !kept.is_empty();
            s.pending = kept;
        });
        self.workspace.set(Some(ws));
        self.notice.set(Some(Notice::Conflict { lost }));
    }

    fn on_tab_message(self, msg: TabMessage) {
        let open = self.workspace.with_untracked(|w| w.as_ref().map(|w| w.id.to_string()));
        match msg {
            TabMessage::ListChanged => spawn_local(async move { self.refresh_list().await }),
            TabMessage::Replaced { workspace } => {
                spawn_local(async move {
                    self.refresh_list().await;
                    if open.as_deref() == Some(workspace.as_str()) {
                        let still_there = self.list.get_untracked().iter().any(|w| w.id.to_string() == workspace);
                        if still_there {
                            if let Ok(id) = Id::parse_str(&workspace) {
                                self.open(id).await;
                                self.notice.set(Some(Notice::UpdatedElsewhere));
                            }
                        } else {
                            // Keep what is on screen; it can still be exported.
                            with_shell(|s| s.whole = true);
                            self.notice.set(Some(Notice::DeletedElsewhere));
                        }
                    }
                });
            }
            TabMessage::Saved { workspace, rev, requests, events_from, tasks, .. } => {
                if open.as_deref() != Some(workspace.as_str()) {
                    spawn_local(async move { self.refresh_list().await });
                    return;
                }
                let busy = with_shell(|s| !s.pending.is_empty() || s.saving || rev <= s.rev);
                if busy {
                    // Our own save will notice the newer revision and rebase.
                    return;
                }
                spawn_local(async move { self.pull(workspace, requests, tasks, events_from).await });
            }
        }
    }

    /// Reads just what another tab changed.
    async fn pull(self, workspace: String, requests: Vec<String>, tasks: Vec<String>, events_from: usize) {
        let Some(db) = Self::db() else { return };
        let Ok(id) = Id::parse_str(&workspace) else { return };
        let ids: BTreeSet<Id> = requests.iter().filter_map(|r| Id::parse_str(r).ok()).collect();
        let task_ids: BTreeSet<Id> = tasks.iter().filter_map(|t| Id::parse_str(t).ok()).collect();
        let stored = with_shell(|s| s.stored_events);
        if events_from != stored {
            self.open(id).await;
            self.notice.set(Some(Notice::UpdatedElsewhere));
            return;
        }
        match db.load_part(id, &ids, &task_ids, events_from).await {
            Ok((rec, reqs, found_tasks, events)) => {
                let still_clean = with_shell(|s| s.pending.is_empty() && !s.saving);
                if !still_clean {
                    return;
                }
                self.workspace.update(|w| {
                    if let Some(ws) = w.as_mut() {
                        rec.meta.clone().apply_to(ws);
                        for r in reqs {
                            ws.requests.insert(r.id, r);
                        }
                        // Tasks asked for and not found were removed in the other tab.
                        for t in &task_ids {
                            ws.tasks.remove(t);
                        }
                        for t in found_tasks {
                            ws.tasks.insert(t.id, t);
                        }
                        ws.events.extend(events);
                    }
                });
                let len = self.workspace.with_untracked(|w| w.as_ref().map(|w| w.events.len()).unwrap_or(0));
                with_shell(|s| {
                    s.rev = rec.rev;
                    s.stored_events = len;
                });
                self.notice.set(Some(Notice::UpdatedElsewhere));
            }
            Err(_) => self.open(id).await,
        }
    }
}

/// The dirty tasks to write, and those to delete (removed from the board).
fn changed_tasks(ws: &Workspace, ids: &BTreeSet<Id>) -> (Vec<crate::domain::board::Task>, Vec<Id>) {
    let mut tasks = Vec::new();
    let mut removed = Vec::new();
    for id in ids {
        match ws.tasks.get(id) {
            Some(t) => tasks.push(t.clone()),
            None => removed.push(*id),
        }
    }
    (tasks, removed)
}
