//! The one IndexedDB adapter. Nothing else in Baton opens the database.
//!
//! Layout (database `baton`, IndexedDB version 1):
//! - `workspaces`: key = workspace id; value = JSON text of [`StoredWorkspace`]
//!   (layout version, revision, counts and the small workspace-level data).
//! - `requests`: key = `[workspace id, request id]`; value = JSON text of one request.
//! - `events`: key = `[workspace id, sequence number]`; value = JSON text of one event.
//! - `tasks` (IndexedDB version 2): key = `[workspace id, task id]`; value = JSON
//!   text of one task of the board, so that moving a card writes that card only.
//!
//! Every save is one read-write transaction over the four stores: the
//! workspace record's revision is checked first (another tab may have saved),
//! then only the changed requests and tasks and the new events are written. Any failure
//! aborts the transaction, so a change is stored whole or not at all.
use std::collections::BTreeSet;

use rexie::{KeyRange, ObjectStore, Rexie, Transaction, TransactionMode};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::domain::board::Task;
use crate::domain::{Event, Id, Request, Workspace};
use crate::persist::snapshot::{decode, decode_value, encode, WorkspaceMeta};

const DB_NAME: &str = "baton";
/// Version 2 adds the `tasks` store; opening a version-1 database creates it
/// and keeps the other stores as they are.
const DB_VERSION: u32 = 2;
const WORKSPACES: &str = "workspaces";
const REQUESTS: &str = "requests";
const EVENTS: &str = "events";
const TASKS: &str = "tasks";

/// The layout version of the records this build writes. A record with a
/// higher one was written by a newer Baton and is never overwritten.
/// Layout 2 adds teams, routing, the responsibility matrix, the calendar,
/// SLA policy and clocks, thresholds, warning rules and alerts; layout-1
/// records read with their defaults. Older builds refuse layout 2 rather
/// than drop what they do not know.
/// Layout 3 adds the task board: the board's settings in the workspace
/// record and one record per task; layout-2 records read as a board with
/// the default columns and no tasks.
pub const LAYOUT: u32 = 3;

/// The stored workspace record.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredWorkspace {
    pub layout: u32,
    /// Bumped by every save; a save based on an older revision is a conflict.
    pub rev: u64,
    pub requests: usize,
    pub events: usize,
    pub meta: WorkspaceMeta,
    /// How many task records the workspace has.
    #[serde(default)]
    pub tasks: usize,
}

/// One entry of the workspace list.
#[derive(Debug, Clone, PartialEq)]
pub struct WorkspaceInfo {
    pub id: Id,
    pub name: String,
    pub requests: usize,
    /// Set when the record cannot be read by this build.
    pub unreadable: Option<String>,
}

/// What went wrong with storage, in terms the interface can explain.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreError {
    /// The browser refused to open or write the database (private mode, quota…).
    Unavailable(String),
    /// Another tab saved first; the caller must reload and re-apply.
    Conflict { stored_rev: u64 },
    /// Stored data cannot be read by this build; it is left untouched.
    Unreadable { workspace: String, detail: String },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(m) => write!(f, "{m}"),
            StoreError::Conflict { stored_rev } => write!(f, "stored revision is {stored_rev}"),
            StoreError::Unreadable { workspace, detail } => write!(f, "workspace {workspace}: {detail}"),
        }
    }
}

fn js_err(e: impl std::fmt::Display) -> StoreError {
    StoreError::Unavailable(e.to_string())
}

/// The records one save writes.
#[derive(Debug, Clone)]
pub struct ChangeSet {
    pub base_rev: u64,
    pub meta: WorkspaceMeta,
    pub requests: Vec<Request>,
    /// Events with their sequence numbers (positions in the trail).
    pub events: Vec<(usize, Event)>,
    pub request_count: usize,
    pub event_count: usize,
    /// Changed (or new) tasks, and the ids of removed ones.
    pub tasks: Vec<Task>,
    pub removed_tasks: Vec<Id>,
    pub task_count: usize,
}

pub struct Db {
    db: Rexie,
}

fn ws_key(ws: Id) -> JsValue {
    JsValue::from_str(&ws.to_string())
}

fn pair_key(ws: Id, second: JsValue) -> JsValue {
    let arr = js_sys::Array::new();
    arr.push(&ws_key(ws));
    arr.push(&second);
    arr.into()
}

/// All keys `[ws, *]`: arrays sort after every number and string, so the
/// empty array bounds the range from above.
fn ws_range(ws: Id) -> Result<KeyRange, StoreError> {
    let lower = pair_key(ws, JsValue::from_f64(f64::NEG_INFINITY));
    let upper = pair_key(ws, js_sys::Array::new().into());
    KeyRange::bound(&lower, &upper, Some(false), Some(false)).map_err(js_err)
}

fn text(v: &JsValue) -> Result<String, String> {
    v.as_string().ok_or_else(|| "a record is not text".to_string())
}

impl Db {
    pub async fn open() -> Result<Db, StoreError> {
        let db = Rexie::builder(DB_NAME)
            .version(DB_VERSION)
            .add_object_store(ObjectStore::new(WORKSPACES))
            .add_object_store(ObjectStore::new(REQUESTS))
            .add_object_store(ObjectStore::new(EVENTS))
            .add_object_store(ObjectStore::new(TASKS))
            .build()
            .await
            .map_err(js_err)?;
        Ok(Db { db })
    }

    fn tx(&self, mode: TransactionMode) -> Result<Transaction, StoreError> {
        self.db.transaction(&[WORKSPACES, REQUESTS, EVENTS, TASKS], mode).map_err(js_err)
    }

    /// Every workspace record, readable or not.
    pub async fn list(&self) -> Result<Vec<WorkspaceInfo>, StoreError> {
        let tx = self.tx(TransactionMode::ReadOnly)?;
        let store = tx.store(WORKSPACES).map_err(js_err)?;
        let pairs = store.scan(None, None, None, None).await.map_err(js_err)?;
        let mut out = Vec::new();
        for (key, value) in pairs {
            let key_text = key.as_string().unwrap_or_default();
            let id = Id::parse_str(&key_text).unwrap_or_default();
            match text(&value).and_then(|t| read_workspace_record(&t)) {
                Ok(rec) => {
                    out.push(WorkspaceInfo { id, name: rec.meta.name, requests: rec.requests, unreadable: None })
                }
                Err(detail) => out.push(WorkspaceInfo { id, name: key_text, requests: 0, unreadable: Some(detail) }),
            }
        }
        Ok(out)
    }

    /// Reads a whole workspace and its revision.
    pub async fn load(&self, ws: Id) -> Result<Option<(Workspace, u64)>, StoreError> {
        let tx = self.tx(TransactionMode::ReadOnly)?;
        let unreadable = |detail: String| StoreError::Unreadable { workspace: ws.to_string(), detail };
        let Some(value) = tx.store(WORKSPACES).map_err(js_err)?.get(ws_key(ws)).await.map_err(js_err)? else {
            return Ok(None);
        };
        let rec = text(&value).and_then(|t| read_workspace_record(&t)).map_err(unreadable)?;
        let raw_requests =
            tx.store(REQUESTS).map_err(js_err)?.get_all(Some(ws_range(ws)?), None).await.map_err(js_err)?;
        let raw_events = tx.store(EVENTS).map_err(js_err)?.get_all(Some(ws_range(ws)?), None).await.map_err(js_err)?;
        let mut workspace: Workspace = rec.meta.into_workspace(Vec::new(), Vec::with_capacity(raw_events.len()));
        for (i, v) in raw_requests.iter().enumerate() {
            let r: Request = text(v)
                .and_then(|t| decode(&t).map_err(|e| format!("request record {}: {e}", i + 1)))
                .map_err(unreadable)?;
            workspace.requests.insert(r.id, r);
        }
        for (i, v) in raw_events.iter().enumerate() {
            let e: Event = text(v)
                .and_then(|t| decode(&t).map_err(|e| format!("event record {}: {e}", i + 1)))
                .map_err(unreadable)?;
            workspace.events.push(e);
        }
        let raw_tasks = tx.store(TASKS).map_err(js_err)?.get_all(Some(ws_range(ws)?), None).await.map_err(js_err)?;
        for (i, v) in raw_tasks.iter().enumerate() {
            let t: Task = text(v)
                .and_then(|t| decode(&t).map_err(|e| format!("task record {}: {e}", i + 1)))
                .map_err(unreadable)?;
            workspace.tasks.insert(t.id, t);
        }
        if workspace.tasks.len() != rec.tasks {
            return Err(unreadable(format!("expected {} tasks, found {}", rec.tasks, workspace.tasks.len())));
        }
        if workspace.requests.len() != rec.requests || workspace.events.len() != rec.events {
            return Err(unreadable(format!(
                "expected {} requests and {} events, found {} and {}",
                rec.requests,
                rec.events,
                workspace.requests.len(),
                workspace.events.len()
            )));
        }
        Ok(Some((workspace, rec.rev)))
    }

    /// Re-reads only some requests and tasks and the events from
    /// `events_from` on (another tab saved them), with the current revision.
    /// Tasks asked for and not found were removed.
    pub async fn load_part(
        &self,
        ws: Id,
        requests: &BTreeSet<Id>,
        tasks: &BTreeSet<Id>,
        events_from: usize,
    ) -> Result<(StoredWorkspace, Vec<Request>, Vec<Task>, Vec<Event>), StoreError> {
        let tx = self.tx(TransactionMode::ReadOnly)?;
        let unreadable = |detail: String| StoreError::Unreadable { workspace: ws.to_string(), detail };
        let value = tx
            .store(WORKSPACES)
            .map_err(js_err)?
            .get(ws_key(ws))
            .await
            .map_err(js_err)?
            .ok_or_else(|| unreadable("the workspace record is gone".into()))?;
        let rec = text(&value).and_then(|t| read_workspace_record(&t)).map_err(unreadable)?;
        let rstore = tx.store(REQUESTS).map_err(js_err)?;
        let mut out_requests = Vec::new();
        for id in requests {
            if let Some(v) = rstore.get(pair_key(ws, JsValue::from_str(&id.to_string()))).await.map_err(js_err)? {
                let r: Request = text(&v).and_then(|t| decode(&t)).map_err(unreadable)?;
                out_requests.push(r);
            }
        }
        let lower = pair_key(ws, JsValue::from_f64(events_from as f64));
        let upper = pair_key(ws, js_sys::Array::new().into());
        let range = KeyRange::bound(&lower, &upper, Some(false), Some(false)).map_err(js_err)?;
        let raw = tx.store(EVENTS).map_err(js_err)?.get_all(Some(range), None).await.map_err(js_err)?;
        let mut events = Vec::with_capacity(raw.len());
        for v in raw {
            let e: Event = text(&v).and_then(|t| decode(&t)).map_err(unreadable)?;
            events.push(e);
        }
        let tstore = tx.store(TASKS).map_err(js_err)?;
        let mut out_tasks = Vec::new();
        for id in tasks {
            if let Some(v) = tstore.get(pair_key(ws, JsValue::from_str(&id.to_string()))).await.map_err(js_err)? {
                let t: Task = text(&v).and_then(|t| decode(&t)).map_err(unreadable)?;
                out_tasks.push(t);
            }
        }
        Ok((rec, out_requests, out_tasks, events))
    }

    /// Writes one change set in one transaction, after checking the revision.
    /// Returns the new revision.
    pub async fn save(&self, changes: &ChangeSet) -> Result<u64, StoreError> {
        let tx = self.tx(TransactionMode::ReadWrite)?;
        match write_changes(&tx, changes).await {
            Ok(rev) => {
                tx.done().await.map_err(js_err)?;
                Ok(rev)
            }
            Err(e) => {
                let _ = tx.abort().await;
                Err(e)
            }
        }
    }

    /// Replaces (or creates) a whole workspace in one transaction.
    pub async fn replace(&self, ws: &Workspace, base_rev: Option<u64>) -> Result<u64, StoreError> {
        let tx = self.tx(TransactionMode::ReadWrite)?;
        match write_whole(&tx, ws, base_rev).await {
            Ok(rev) => {
                tx.done().await.map_err(js_err)?;
                Ok(rev)
            }
            Err(e) => {
                let _ = tx.abort().await;
                Err(e)
            }
        }
    }

    /// Deletes a workspace and all its records in one transaction.
    pub async fn delete(&self, ws: Id) -> Result<(), StoreError> {
        let tx = self.tx(TransactionMode::ReadWrite)?;
        let result = async {
            tx.store(WORKSPACES).map_err(js_err)?.delete(ws_key(ws)).await.map_err(js_err)?;
            tx.store(REQUESTS).map_err(js_err)?.delete(ws_range(ws)?.into()).await.map_err(js_err)?;
            tx.store(EVENTS).map_err(js_err)?.delete(ws_range(ws)?.into()).await.map_err(js_err)?;
            tx.store(TASKS).map_err(js_err)?.delete(ws_range(ws)?.into()).await.map_err(js_err)?;
            Ok::<(), StoreError>(())
        }
        .await;
        match result {
            Ok(()) => tx.done().await.map(|_| ()).map_err(js_err),
            Err(e) => {
                let _ = tx.abort().await;
                Err(e)
            }
        }
    }

    /// The stored records of a workspace exactly as they are, as one JSON
    /// document, for the recovery screen. Nothing is parsed or changed.
    pub async fn export_raw(&self, ws: &str) -> Result<String, StoreError> {
        let tx = self.tx(TransactionMode::ReadOnly)?;
        let key = JsValue::from_str(ws);
        let record = tx.store(WORKSPACES).map_err(js_err)?.get(key.clone()).await.map_err(js_err)?;
        let range = {
            let lower = js_sys::Array::of2(&key, &JsValue::from_f64(f64::NEG_INFINITY));
            let upper = js_sys::Array::of2(&key, &js_sys::Array::new());
            KeyRange::bound(&lower.into(), &upper.into(), Some(false), Some(false)).map_err(js_err)?
        };
        let requests = tx.store(REQUESTS).map_err(js_err)?.get_all(Some(range.clone()), None).await.map_err(js_err)?;
        let events = tx.store(EVENTS).map_err(js_err)?.get_all(Some(range.clone()), None).await.map_err(js_err)?;
        let tasks = tx.store(TASKS).map_err(js_err)?.get_all(Some(range), None).await.map_err(js_err)?;
        let as_text = |v: &JsValue| v.as_string().unwrap_or_else(|| format!("{v:?}"));
        let doc = serde_json::json!({
            "baton_raw_export": ws,
            "workspace_record": record.as_ref().map(as_text),
            "request_records": requests.iter().map(as_text).collect::<Vec<_>>(),
            "event_records": events.iter().map(as_text).collect::<Vec<_>>(),
            "task_records": tasks.iter().map(as_text).collect::<Vec<_>>(),
        });
        serde_json::to_string_pretty(&doc).map_err(js_err)
    }
}

/// Parses a workspace record, refusing layouts newer than this build's.
pub fn read_workspace_record(text: &str) -> Result<StoredWorkspace, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("workspace record is not JSON: {e}"))?;
    let layout = value.get("layout").and_then(|v| v.as_u64()).ok_or("workspace record has no layout version")?;
    if layout > LAYOUT as u64 {
        return Err(format!(
            "written by a newer version of Baton (storage layout {layout}; this version reads up to {LAYOUT})"
        ));
    }
    decode_value(&value).map_err(|e| format!("workspace record {e}"))
}

async fn check_rev(tx: &Transaction, ws: Id, expected: Option<u64>) -> Result<u64, StoreError> {
    let current = tx.store(WORKSPACES).map_err(js_err)?.get(ws_key(ws)).await.map_err(js_err)?;
    let stored = match current {
        Some(v) => {
            let rec = text(&v)
                .and_then(|t| read_workspace_record(&t))
                .map_err(|detail| StoreError::Unreadable { workspace: ws.to_string(), detail })?;
            Some(rec.rev)
        }
        None => None,
    };
    match (stored, expected) {
        (None, _) => Ok(0),
        (Some(s), Some(e)) if s == e => Ok(s),
        (Some(s), _) => Err(StoreError::Conflict { stored_rev: s }),
    }
}

fn record_json(
    meta: &WorkspaceMeta,
    rev: u64,
    requests: usize,
    events: usize,
    tasks: usize,
) -> Result<JsValue, StoreError> {
    let rec = StoredWorkspace { layout: LAYOUT, rev, requests, events, meta: meta.clone(), tasks };
    encode(&rec).map(|s| JsValue::from_str(&s)).map_err(js_err)
}

async fn write_changes(tx: &Transaction, c: &ChangeSet) -> Result<u64, StoreError> {
    let ws = c.meta.id;
    let rev = check_rev(tx, ws, Some(c.base_rev)).await? + 1;
    let mut items = Vec::with_capacity(c.requests.len());
    for r in &c.requests {
        let json = encode(r).map_err(js_err)?;
        items.push((JsValue::from_str(&json), Some(pair_key(ws, JsValue::from_str(&r.id.to_string())))));
    }
    tx.store(REQUESTS).map_err(js_err)?.put_all(items.into_iter()).await.map_err(js_err)?;
    let mut items = Vec::with_capacity(c.events.len());
    for (seq, e) in &c.events {
        let json = encode(e).map_err(js_err)?;
        items.push((JsValue::from_str(&json), Some(pair_key(ws, JsValue::from_f64(*seq as f64)))));
    }
    tx.store(EVENTS).map_err(js_err)?.put_all(items.into_iter()).await.map_err(js_err)?;
    let tstore = tx.store(TASKS).map_err(js_err)?;
    let mut items = Vec::with_capacity(c.tasks.len());
    for t in &c.tasks {
        let json = encode(t).map_err(js_err)?;
        items.push((JsValue::from_str(&json), Some(pair_key(ws, JsValue::from_str(&t.id.to_string())))));
    }
    tstore.put_all(items.into_iter()).await.map_err(js_err)?;
    for id in &c.removed_tasks {
        tstore.delete(pair_key(ws, JsValue::from_str(&id.to_string()))).await.map_err(js_err)?;
    }
    let record = record_json(&c.meta, rev, c.request_count, c.event_count, c.task_count)?;
    tx.store(WORKSPACES).map_err(js_err)?.put(&record, Some(&ws_key(ws))).await.map_err(js_err)?;
    Ok(rev)
}

async fn write_whole(tx: &Transaction, ws: &Workspace, base_rev: Option<u64>) -> Result<u64, StoreError> {
    let id = ws.id;
    let rev = match base_rev {
        Some(_) => check_rev(tx, id, base_rev).await? + 1,
        None => {
            // A new workspace must not land on an existing one.
            let exists = tx.store(WORKSPACES).map_err(js_err)?.key_exists(ws_key(id)).await.map_err(js_err)?;
            if exists {
                return Err(StoreError::Conflict { stored_rev: 0 });
            }
            1
        }
    };
    let rstore = tx.store(REQUESTS).map_err(js_err)?;
    let estore = tx.store(EVENTS).map_err(js_err)?;
    rstore.delete(ws_range(id)?.into()).await.map_err(js_err)?;
    estore.delete(ws_range(id)?.into()).await.map_err(js_err)?;
    let mut items = Vec::with_capacity(ws.requests.len());
    for r in ws.requests.values() {
        let json = encode(r).map_err(js_err)?;
        items.push((JsValue::from_str(&json), Some(pair_key(id, JsValue::from_str(&r.id.to_string())))));
    }
    rstore.put_all(items.into_iter()).await.map_err(js_err)?;
    let mut items = Vec::with_capacity(ws.events.len());
    for (seq, e) in ws.events.iter().enumerate() {
        let json = encode(e).map_err(js_err)?;
        items.push((JsValue::from_str(&json), Some(pair_key(id, JsValue::from_f64(seq as f64)))));
    }
    estore.put_all(items.into_iter()).await.map_err(js_err)?;
    let tstore = tx.store(TASKS).map_err(js_err)?;
    tstore.delete(ws_range(id)?.into()).await.map_err(js_err)?;
    let mut items = Vec::with_capacity(ws.tasks.len());
    for t in ws.tasks.values() {
        let json = encode(t).map_err(js_err)?;
        items.push((JsValue::from_str(&json), Some(pair_key(id, JsValue::from_str(&t.id.to_string())))));
    }
    tstore.put_all(items.into_iter()).await.map_err(js_err)?;
    let record = record_json(&WorkspaceMeta::of(ws), rev, ws.requests.len(), ws.events.len(), ws.tasks.len())?;
    tx.store(WORKSPACES).map_err(js_err)?.put(&record, Some(&ws_key(id))).await.map_err(js_err)?;
    Ok(rev)
}
