//! The snapshot format from the outside: a frozen version-1 file still reads
//! and writes back byte for byte, a workspace built through commands
//! survives export and import, bad files are refused with the path of the
//! problem, and the documented JSON Schema agrees with what Baton writes.

use std::path::PathBuf;

use baton::domain::{
    apply, ts, Channel, Command, Ctx, DataFlag, Id, ImportedRequest, NewRequest, SeqIds, Status, Urgency, Workspace,
};
use baton::persist::snapshot::{self, Snapshot, SnapshotErrorKind, FORMAT, VERSION};
use serde_json::{json, Value};

const FIXTURE: &str = "tests/fixtures/snapshot-v1.baton.json";
const SCHEMA: &str = "docs/snapshot.schema.json";

fn project_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    match std::fs::read_to_string(project_file(path)) {
        Ok(text) => text,
        Err(e) => panic!("reading {path}: {e}"),
    }
}

fn run(ws: &mut Workspace, ctx: &mut Ctx, cmd: Command) {
    let shown = format!("{cmd:?}");
    if let Err(e) = apply(ws, cmd, ctx) {
        panic!("{shown}: {e}");
    }
}

/// A small workspace with everything the format holds: departments,
/// members, a request handed on and back (a return), commented, resolved,
/// closed with a rating and reopened; a request waiting for the customer;
/// and an imported request with a data flag and no creation time. Text in
/// Chinese and with emoji throughout. Ids are 1, 2, 3, … in order of use.
fn build_workspace() -> Workspace {
    let mut ids = SeqIds::new(1);
    let day = |time: &str| ts(&format!("2026-11-02T{time}Z"));
    let mut ws = Workspace::with_default_departments(&mut ids, "前场试点 🚀", day("08:00:00"));
    let (sales, service, technical) = (ws.departments[0].id, ws.departments[1].id, ws.departments[3].id);

    let mut ctx = Ctx::new(day("08:05:00"), None, &mut ids);
    run(&mut ws, &mut ctx, Command::AddMember { name: "王芳".into(), department: service });
    run(&mut ws, &mut ctx, Command::AddMember { name: "Li Lei".into(), department: technical });
    run(&mut ws, &mut ctx, Command::AddMember { name: "Ana 🌟".into(), department: sales });
    let (wang, li, ana) = (ws.members[0].id, ws.members[1].id, ws.members[2].id);

    // Request #1: taken by Wang (first-contact owner), handed to Li and back.
    let mut ctx = Ctx::new(day("09:00:00"), Some(wang), &mut ids);
    run(
        &mut ws,
        &mut ctx,
        Command::CreateRequest(NewRequest {
            description: "第二个纸盒卡纸，客户下午三点后在办公室。".into(),
            customer: baton::domain::Customer { name: "张伟".into(), contact: "zhang@example.cn".into() },
            channel: Channel::Phone,
            category: "硬件".into(),
            urgency: Urgency::High,
            tags: vec!["打印机".into(), "现场".into()],
            preferences: "只在下午三点后上门".into(),
            ..NewRequest::titled("打印机卡纸 🖨️")
        }),
    );
    let first = request_id(&ws, 1);
    run(&mut ws, &mut ctx, Command::RecordFirstResponse { request: first });
    let mut ctx = Ctx::new(day("09:30:00"), Some(wang), &mut ids);
    run(&mut ws, &mut ctx, Command::Assign { request: first, to: li, reason: "需要技术上门 🔧".into() });
    run(&mut ws, &mut ctx, Command::AddComment { request: first, text: "已约好下午 3:30 👍".into() });

    // Request #2: an e-mail in English, waiting for the customer.
    let mut ctx = Ctx::new(day("10:00:00"), Some(ana), &mut ids);
    run(
        &mut ws,
        &mut ctx,
        Command::CreateRequest(NewRequest {
            channel: Channel::Email,
            customer: baton::domain::Customer { name: "Bob Smith".into(), contact: String::new() },
            ..NewRequest::titled("Refund for order 42 💸")
        }),
    );
    let second = request_id(&ws, 2);
    run(&mut ws, &mut ctx, Command::WaitForCustomer { request: second, note: "asked for the receipt".into() });

    // Request #3: imported, resolved before its first response, no creation time.
    let mut ctx = Ctx::new(day("11:00:00"), None, &mut ids);
    run(
        &mut ws,
        &mut ctx,
        Command::ImportRequests(vec![ImportedRequest {
            fields: NewRequest { category: "Billing inquiry".into(), ..NewRequest::titled("Invoice title wrong") },
            status: Status::Closed,
            created_at: None,
            first_response_at: Some(ts("2026-10-30T12:00:00Z")),
            resolved_at: Some(ts("2026-10-30T08:00:00Z")),
            closed_at: None,
            resolution: "Reissued.".into(),
            satisfaction: Some(3),
            flags: vec![DataFlag::ResolvedBeforeFirstResponse],
            source: "tickets.csv row 7 (Ticket ID 7)".into(),
        }]),
    );

    // Back to #1: Li hands it back to Wang (a return), resolved, closed
    // with a rating, then reopened.
    let mut ctx = Ctx::new(day("15:45:00"), Some(li), &mut ids);
    run(&mut ws, &mut ctx, Command::Assign { request: first, to: wang, reason: "修好了，请回访".into() });
    run(&mut ws, &mut ctx, Command::Resolve { request: first, summary: "更换了搓纸轮".into() });
    let mut ctx = Ctx::new(day("16:10:00"), Some(wang), &mut ids);
    run(&mut ws, &mut ctx, Command::Close { request: first, satisfaction: Some(5) });
    let mut ctx = Ctx::new(day("17:00:00"), Some(wang), &mut ids);
    run(&mut ws, &mut ctx, Command::Reopen { request: first, reason: "客户说又卡了 😞".into() });
    ws
}

fn request_id(ws: &Workspace, number: u32) -> Id {
    match ws.request_by_number(number) {
        Some(r) => r.id,
        None => panic!("no request #{number}"),
    }
}

fn parse_ok(name: &str, text: &str) -> Snapshot {
    match snapshot::parse(name, text) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    }
}

/// Writes the fixture of today's format, once. A frozen fixture is never
/// rewritten: when the format changes, VERSION goes up and a new file
/// `snapshot-v{VERSION}.baton.json` is frozen next to the old ones.
/// Run with `cargo test --test snapshot -- --ignored freeze_fixture`.
#[test]
#[ignore]
fn freeze_fixture() {
    let path = project_file(&format!("tests/fixtures/snapshot-v{VERSION}.baton.json"));
    if path.exists() {
        println!("{} exists already: frozen fixtures are never rewritten", path.display());
        return;
    }
    let json = Snapshot::of(&build_workspace(), ts("2026-11-02T18:00:00Z")).to_json();
    if let Err(e) = std::fs::write(&path, json) {
        panic!("writing {}: {e}", path.display());
    }
}

#[test]
fn fixture_contents() {
    let s = parse_ok("snapshot-v1.baton.json", &read(FIXTURE));
    assert_eq!((s.format.as_str(), s.version), (FORMAT, 1));
    assert_eq!(s.exported_at, ts("2026-11-02T18:00:00Z"));
    assert_eq!(s.workspace.name, "前场试点 🚀");
    assert_eq!(s.workspace.next_number, 4);
    let summary = s.summary();
    // Events: 3 members added; #1 created, first response + status change,
    // assigned, comment, assigned back, resolved, closed + rating, reopened
    // (10); #2 created, waiting (2); #3 imported (1): 16.
    assert_eq!(
        (summary.departments, summary.members, summary.requests, summary.events, summary.open),
        (4, 3, 3, 16, 2)
    );
    let builtins: Vec<Option<&str>> = s.workspace.departments.iter().map(|d| d.builtin.as_deref()).collect();
    assert_eq!(builtins, [Some("sales"), Some("service"), Some("marketing"), Some("technical")]);

    let ws = s.into_workspace();
    let wang = ws.members[0].id;
    let li = ws.members[1].id;
    let first = ws.request_by_number(1);
    let first = first.unwrap_or_else(|| panic!("no request #1"));
    assert_eq!(first.title, "打印机卡纸 🖨️");
    assert_eq!(first.status, Status::Reopened);
    assert_eq!((first.owner, first.handler), (Some(wang), Some(wang)));
    assert_eq!(first.previous_handlers, [wang, li]);
    assert_eq!((first.reopen_count, first.return_count), (1, 1));
    assert_eq!(first.satisfaction, Some(5));
    // Reopening clears the resolved and closed times; the first response stays.
    assert_eq!(first.first_response_at, Some(ts("2026-11-02T09:00:00Z")));
    assert_eq!((first.resolved_at, first.closed_at), (None, None));
    assert_eq!(first.comments.len(), 1);
    assert_eq!(first.comments[0].text, "已约好下午 3:30 👍");
    assert_eq!(first.comments[0].author, Some(wang));
    assert_eq!(first.tags, ["打印机", "现场"]);

    let second = ws.request_by_number(2).unwrap_or_else(|| panic!("no request #2"));
    assert_eq!(
        (second.status, second.channel, second.owner),
        (Status::WaitingForCustomer, Channel::Email, Some(ws.members[2].id))
    );

    let third = ws.request_by_number(3).unwrap_or_else(|| panic!("no request #3"));
    assert_eq!(third.created_at, None);
    assert_eq!(third.flags, [DataFlag::ResolvedBeforeFirstResponse]);
    assert_eq!(third.source.as_deref(), Some("tickets.csv row 7 (Ticket ID 7)"));
    assert_eq!(ws.trail_of(first.id).count(), 10);
}

#[test]
fn fixture_round_trips_byte_for_byte() {
    let text = read(FIXTURE);
    assert_eq!(parse_ok("snapshot-v1.baton.json", &text).to_json(), text);
    // With a byte order mark in front (some editors add one) it reads the same.
    let with_bom = parse_ok("snapshot-v1.baton.json", &format!("\u{feff}{text}"));
    assert_eq!(with_bom.to_json(), text);
}

#[test]
fn built_workspace_round_trips() {
    let ws = build_workspace();
    let exported = Snapshot::of(&ws, ts("2026-11-03T08:00:00Z")).to_json();
    let back = parse_ok("pilot.baton.json", &exported);
    assert_eq!(back.to_json(), exported);
    assert_eq!(back.into_workspace(), ws);
}

/// The fixture as JSON, edited by `edit`, as text.
fn edited(edit: impl Fn(&mut Value)) -> String {
    let mut v: Value = match serde_json::from_str(&read(FIXTURE)) {
        Ok(v) => v,
        Err(e) => panic!("{FIXTURE}: {e}"),
    };
    edit(&mut v);
    v.to_string()
}

fn remove(v: &mut Value, field: &str) {
    if let Some(object) = v.as_object_mut() {
        object.remove(field);
    }
}

#[test]
fn bad_files() {
    use SnapshotErrorKind::*;
    const STRANGER: &str = "00000000-0000-0000-0000-0000000000ff";
    // (what, text, kind, path, found)
    let cases: Vec<(&str, String, SnapshotErrorKind, &str, &str)> = vec![
        (
            "not JSON",
            "{\"format\": \"baton.workspace\",\n  \"version\": 1,,}".into(),
            NotJson,
            "line 2, column 16",
            "text that is not valid JSON (key must be a string)",
        ),
        (
            "a CSV file",
            "Ticket ID,Subject\n1,Printer".into(),
            NotJson,
            "line 1, column 1",
            "text that is not valid JSON (expected value)",
        ),
        ("wrong format", edited(|v| v["format"] = json!("trello.board")), WrongFormat, "format", "\"trello.board\""),
        (
            "no format",
            edited(|v| remove(v, "format")),
            WrongFormat,
            "format",
            "no format field (this is not a Baton snapshot)",
        ),
        ("newer version", edited(|v| v["version"] = json!(2)), NewerVersion, "version", "2"),
        ("version as text", edited(|v| v["version"] = json!("1")), WrongType, "version", "\"1\""),
        (
            "unknown urgency",
            edited(|v| v["requests"][2]["urgency"] = json!("urgent")),
            Invalid,
            "requests[2].urgency",
            "\"urgent\"",
        ),
        (
            "number as text",
            edited(|v| v["requests"][0]["number"] = json!("1")),
            WrongType,
            "requests[0].number",
            "\"1\"",
        ),
        (
            "tags not a list",
            edited(|v| v["requests"][1]["tags"] = json!("a, b")),
            WrongType,
            "requests[1].tags",
            "\"a, b\"",
        ),
        (
            "bad time",
            edited(|v| v["events"][4]["at"] = json!("2026-11-02 25:00")),
            Invalid,
            "events[4].at",
            "\"2026-11-02 25:00\"",
        ),
        (
            "missing title",
            edited(|v| remove(&mut v["requests"][1], "title")),
            MissingField,
            "requests[1].title",
            "nothing",
        ),
        ("missing workspace", edited(|v| remove(v, "workspace")), MissingField, "workspace", "nothing"),
        (
            "missing member name",
            edited(|v| remove(&mut v["workspace"]["members"][2], "name")),
            MissingField,
            "workspace.members[2].name",
            "nothing",
        ),
        (
            "unknown owner",
            edited(|v| v["requests"][0]["owner"] = json!(STRANGER)),
            DanglingReference,
            "requests[0].owner",
            "\"00000000-0000-0000-0000-0000000000ff\"",
        ),
        (
            "unknown previous handler",
            edited(|v| v["requests"][0]["previous_handlers"][1] = json!(STRANGER)),
            DanglingReference,
            "requests[0].previous_handlers[1]",
            "\"00000000-0000-0000-0000-0000000000ff\"",
        ),
        (
            "event of no request",
            edited(|v| v["events"][14]["request"] = json!(STRANGER)),
            DanglingReference,
            "events[14].request",
            "\"00000000-0000-0000-0000-0000000000ff\"",
        ),
        (
            "member of no department",
            edited(|v| v["workspace"]["members"][1]["department"] = json!(STRANGER)),
            DanglingReference,
            "workspace.members[1].department",
            "\"00000000-0000-0000-0000-0000000000ff\"",
        ),
        (
            "duplicate request id",
            edited(|v| v["requests"][2]["id"] = v["requests"][0]["id"].clone()),
            DuplicateId,
            "requests[2].id",
            "\"00000000-0000-0000-0000-00000000000c\", already used at requests[0].id",
        ),
        (
            "duplicate member id",
            edited(|v| v["workspace"]["members"][1]["id"] = v["workspace"]["members"][0]["id"].clone()),
            DuplicateId,
            "workspace.members[1].id",
            "\"00000000-0000-0000-0000-000000000006\", already used at workspace.members[0].id",
        ),
        (
            "duplicate number",
            edited(|v| v["requests"][1]["number"] = json!(1)),
            DuplicateId,
            "requests[1].number",
            "1, already used at requests[0].number",
        ),
        (
            "next number too low",
            edited(|v| v["workspace"]["next_number"] = json!(3)),
            Invalid,
            "workspace.next_number",
            "3",
        ),
        (
            "rating of 0",
            edited(|v| v["requests"][2]["satisfaction"] = json!(0)),
            Invalid,
            "requests[2].satisfaction",
            "0",
        ),
        ("empty title", edited(|v| v["requests"][1]["title"] = json!("")), Invalid, "requests[1].title", "\"\""),
    ];
    for (what, text, kind, path, found) in cases {
        match snapshot::parse("tickets.baton.json", &text) {
            Ok(_) => panic!("{what}: expected an error at {path}"),
            Err(e) => {
                assert_eq!((e.kind, e.path.as_str(), e.found.as_str()), (kind, path, found), "{what}: {e}");
                assert_eq!(e.file, "tickets.baton.json", "{what}");
            }
        }
    }
}

#[test]
fn error_messages() {
    let cases: Vec<(String, &str)> = vec![
        (
            edited(|v| v["requests"][2]["urgency"] = json!("urgent")),
            "tickets.baton.json: at requests[2].urgency: expected one of low, medium, high, critical, found \"urgent\"",
        ),
        (
            edited(|v| v["version"] = json!(2)),
            "tickets.baton.json: made by a newer version of Baton (format version 2); this version reads up to 1",
        ),
        (
            edited(|v| remove(&mut v["requests"][1], "status")),
            "tickets.baton.json: at requests[1].status: expected one of new, in_progress, waiting_for_customer, resolved, closed, reopened, found nothing",
        ),
        (
            edited(|v| v["requests"][0]["handler"] = json!("00000000-0000-0000-0000-0000000000ff")),
            "tickets.baton.json: at requests[0].handler: expected the id of a member of this workspace, found \"00000000-0000-0000-0000-0000000000ff\"",
        ),
        (
            "[]".to_string(),
            "tickets.baton.json: expected an object with \"format\": \"baton.workspace\", found an array of 0 item(s)",
        ),
    ];
    for (text, expected) in cases {
        let message = snapshot::parse("tickets.baton.json", &text).err().map(|e| e.to_string());
        assert_eq!(message.as_deref(), Some(expected));
    }
}

/// Fields Baton reads as optional may be left out of a hand-made file.
#[test]
fn optional_fields_may_be_left_out() {
    let text = edited(|v| {
        for field in
            ["description", "customer", "tags", "comments", "flags", "owner", "handler", "created_at", "satisfaction"]
        {
            remove(&mut v["requests"][1], field);
        }
        remove(&mut v["workspace"]["members"][0], "active");
        remove(&mut v["events"][0], "actor");
    });
    let s = parse_ok("hand-made.baton.json", &text);
    let r = &s.requests[1];
    assert_eq!((r.description.as_str(), r.tags.len(), r.owner, r.created_at), ("", 0, None, None));
    assert!(s.workspace.members[0].active);
}

// ---------------------------------------------------------------------------
// The JSON Schema in docs/ against the fixture. A small checker for the
// keywords the schema uses (type, properties, required,
// additionalProperties, items, enum, const, $ref, oneOf, minimum, maximum,
// minLength, maxLength, pattern for the two patterns it holds); it fails on any other
// keyword so the schema cannot drift beyond what is checked here.

fn schema() -> Value {
    match serde_json::from_str(&read(SCHEMA)) {
        Ok(v) => v,
        Err(e) => panic!("{SCHEMA}: {e}"),
    }
}

fn type_matches(name: &str, v: &Value) -> bool {
    match name {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other} in the schema"),
    }
}

fn is_uuid(s: &str) -> bool {
    uuid::Uuid::parse_str(s).is_ok() && s.len() == 36
}

/// Checks `v` against `schema`; pushes "path: problem" for each mismatch.
fn check(root: &Value, schema: &Value, v: &Value, path: &str, problems: &mut Vec<String>) {
    let Some(rules) = schema.as_object() else { panic!("schema at {path} is not an object") };
    for (keyword, rule) in rules {
        match keyword.as_str() {
            "$schema" | "$id" | "title" | "description" | "$defs" | "$comment" | "default" | "examples" => {}
            "$ref" => {
                let name = rule.as_str().and_then(|r| r.strip_prefix("#/$defs/"));
                let target = name.and_then(|n| root["$defs"].get(n));
                let Some(target) = target else { panic!("bad $ref {rule} at {path}") };
                check(root, target, v, path, problems);
            }
            "type" => {
                let ok = match rule {
                    Value::String(t) => type_matches(t, v),
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).any(|t| type_matches(t, v)),
                    _ => panic!("bad type at {path}"),
                };
                if !ok {
                    problems.push(format!("{path}: expected type {rule}, found {v}"));
                }
            }
            "properties" => {
                if let (Some(props), Some(obj)) = (rule.as_object(), v.as_object()) {
                    for (k, sub) in props {
                        if let Some(child) = obj.get(k) {
                            check(root, sub, child, &format!("{path}.{k}"), problems);
                        }
                    }
                }
            }
            "required" => {
                if let Some(obj) = v.as_object() {
                    for k in rule.as_array().into_iter().flatten().filter_map(Value::as_str) {
                        if !obj.contains_key(k) {
                            problems.push(format!("{path}: required {k} is missing"));
                        }
                    }
                }
            }
            "additionalProperties" => {
                if rule == &Value::Bool(false) {
                    if let Some(obj) = v.as_object() {
                        for k in obj.keys() {
                            if rules.get("properties").and_then(|p| p.get(k)).is_none() {
                                problems.push(format!("{path}: {k} is not in the schema"));
                            }
                        }
                    }
                }
            }
            "items" => {
                for (i, item) in v.as_array().into_iter().flatten().enumerate() {
                    check(root, rule, item, &format!("{path}[{i}]"), problems);
                }
            }
            "enum" => {
                if !rule.as_array().is_some_and(|values| values.contains(v)) {
                    problems.push(format!("{path}: {v} is not one of {rule}"));
                }
            }
            "const" => {
                if rule != v {
                    problems.push(format!("{path}: expected {rule}, found {v}"));
                }
            }
            "oneOf" => {
                let matching = rule
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|sub| {
                        let mut inner = Vec::new();
                        check(root, sub, v, path, &mut inner);
                        inner.is_empty()
                    })
                    .count();
                if matching != 1 {
                    problems.push(format!("{path}: {matching} alternatives of oneOf match, expected exactly 1"));
                }
            }
            "minimum" | "maximum" => {
                if let (Some(limit), Some(n)) = (rule.as_f64(), v.as_f64()) {
                    let ok = if keyword == "minimum" { n >= limit } else { n <= limit };
                    if !ok {
                        problems.push(format!("{path}: {n} is beyond the {keyword} {limit}"));
                    }
                }
            }
            "maxLength" => {
                if let (Some(max), Some(s)) = (rule.as_u64(), v.as_str()) {
                    if (s.chars().count() as u64) > max {
                        problems.push(format!("{path}: longer than {max} characters"));
                    }
                }
            }
            "minLength" => {
                if let (Some(min), Some(s)) = (rule.as_u64(), v.as_str()) {
                    if (s.chars().count() as u64) < min {
                        problems.push(format!("{path}: shorter than {min} characters"));
                    }
                }
            }
            "pattern" => {
                let Some(s) = v.as_str() else { continue };
                let ok = match rule.as_str() {
                    Some("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$") => is_uuid(s),
                    Some("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$") => {
                        s.ends_with('Z')
                            && chrono::DateTime::parse_from_rfc3339(s).is_ok()
                            && s.get(10..11) == Some("T")
                    }
                    _ => panic!("pattern {rule} at {path} is not one this checker knows"),
                };
                if !ok {
                    problems.push(format!("{path}: {s:?} does not match {rule}"));
                }
            }
            other => panic!("keyword {other} at {path} is not checked by this test"),
        }
    }
}

fn schema_problems(v: &Value) -> Vec<String> {
    let root = schema();
    let mut problems = Vec::new();
    check(&root, &root, v, "$", &mut problems);
    problems
}

#[test]
fn schema_accepts_the_fixture_and_a_built_workspace() {
    let fixture: Value = serde_json::from_str(&read(FIXTURE)).unwrap_or(Value::Null);
    assert_eq!(schema_problems(&fixture), Vec::<String>::new());
    let built: Value = serde_json::from_str(&Snapshot::of(&build_workspace(), ts("2026-11-03T08:00:00Z")).to_json())
        .unwrap_or(Value::Null);
    assert_eq!(schema_problems(&built), Vec::<String>::new());
}

#[test]
fn schema_requires_what_the_fixture_has() {
    let root = schema();
    let fixture: Value = serde_json::from_str(&read(FIXTURE)).unwrap_or(Value::Null);
    let required: Vec<&str> = root["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    assert_eq!(required, ["format", "version", "exported_at", "workspace", "requests", "events"]);
    for key in required {
        assert!(fixture.get(key).is_some(), "{key} is required by the schema but not in the fixture");
    }
    assert_eq!(root["properties"]["version"]["maximum"], json!(VERSION));
    assert_eq!(root["properties"]["format"]["const"], json!(FORMAT));
}

#[test]
fn schema_refuses_what_the_reader_refuses() {
    // Each edit is refused by the reader (see bad_files) and by the schema.
    type Edit = fn(&mut Value);
    let cases: &[(&str, Edit)] = &[
        ("unknown urgency", |v| v["requests"][2]["urgency"] = json!("urgent")),
        ("wrong format", |v| v["format"] = json!("trello.board")),
        ("newer version", |v| v["version"] = json!(2)),
        ("missing title", |v| remove(&mut v["requests"][1], "title")),
        ("number as text", |v| v["requests"][0]["number"] = json!("1")),
        ("bad id", |v| v["requests"][0]["id"] = json!("x")),
        ("rating of 6", |v| v["requests"][2]["satisfaction"] = json!(6)),
        ("unknown change", |v| v["events"][0]["change"]["type"] = json!("request_deleted")),
        ("empty title", |v| v["requests"][1]["title"] = json!("")),
    ];
    for (what, edit) in cases {
        let text = edited(*edit);
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert!(!schema_problems(&v).is_empty(), "{what}: the schema accepts it");
        assert!(snapshot::parse("t.baton.json", &text).is_err(), "{what}: the reader accepts it");
    }
}

/// The example in docs/snapshot-format.md is a valid snapshot.
#[test]
fn documented_example_reads() {
    let doc = read("docs/snapshot-format.md");
    let example = doc.split("```json\n").nth(1).and_then(|rest| rest.split("```").next());
    let Some(example) = example else { panic!("docs/snapshot-format.md has no ```json example") };
    let s = parse_ok("snapshot-format.md", example);
    assert_eq!((s.requests.len(), s.events.len(), s.requests[0].title.as_str()), (1, 1, "打印机卡纸 🖨️"));
    let v: Value = serde_json::from_str(example).unwrap_or(Value::Null);
    assert_eq!(schema_problems(&v), Vec::<String>::new());
}
