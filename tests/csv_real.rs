//! The real helpdesk export in ../shared/realdata, imported with the
//! suggested mapping and no manual change. Skips, saying so, when the
//! folder is absent. The expected counts come from the dataset's README and
//! from reading the file independently here with the csv crate.

use std::collections::BTreeMap;
use std::path::PathBuf;

use baton::domain::metrics::dashboard;
use baton::domain::{apply, ts, Channel, Command, Ctx, DataFlag, IdSource, SeqIds, Status, Urgency, Workspace};
use baton::persist::csv_import::{read_csv, suggest_mapping, Importer, Target};
use chrono::NaiveDateTime;

const FILE: &str = "customer_support_tickets_kaggle_suraj520.csv";

fn real_file() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/realdata").join(FILE);
    if !path.exists() {
        println!("skipped: ../shared/realdata not present");
        return None;
    }
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => panic!("reading {}: {e}", path.display()),
    }
}

/// "Resolution after first response" in seconds for every row that has both
/// times, read straight from the file: (non-negative values, negatives).
fn independent_durations(text: &str) -> (Vec<i64>, usize) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => panic!("{e}"),
    };
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"));
    let (first_col, resolved_col) = (col("First Response Time"), col("Time to Resolution"));
    let parse = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok();
    let mut values = Vec::new();
    let mut negative = 0;
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("{e}"));
        let first = record.get(first_col).and_then(parse);
        let resolved = record.get(resolved_col).and_then(parse);
        if let (Some(a), Some(b)) = (first, resolved) {
            let secs = (b - a).num_seconds();
            if secs < 0 {
                negative += 1;
            } else {
                values.push(secs);
            }
        }
    }
    values.sort_unstable();
    (values, negative)
}

#[test]
fn real_helpdesk_export() {
    let Some(text) = real_file() else { return };
    let table = match read_csv(FILE, &text) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    assert_eq!((table.headers.len(), table.rows.len()), (17, 8469));

    let mapping = suggest_mapping(&table);
    use Target as T;
    assert_eq!(
        mapping.columns,
        [
            T::ExternalId,      // Ticket ID
            T::CustomerName,    // Customer Name
            T::CustomerContact, // Customer Email
            T::Ignore,          // Customer Age
            T::Ignore,          // Customer Gender
            T::Tags,            // Product Purchased
            T::Ignore,          // Date of Purchase
            T::Category,        // Ticket Type
            T::Title,           // Ticket Subject
            T::Description,     // Ticket Description
            T::Status,          // Ticket Status
            T::Resolution,      // Resolution
            T::Urgency,         // Ticket Priority
            T::Channel,         // Ticket Channel
            T::FirstResponseAt, // First Response Time
            T::ResolvedAt,      // Time to Resolution
            T::Satisfaction,    // Customer Satisfaction Rating
        ]
    );

    let mut importer = match Importer::new(table, mapping) {
        Ok(i) => i,
        Err(problems) => panic!("the suggested mapping needs changes: {problems:?}"),
    };
    // In slices, as the interface does.
    let mut slices = 1;
    while !importer.step(1000) {
        slices += 1;
    }
    assert_eq!((slices, importer.progress()), (9, (8469, 8469)));
    let (requests, report) = importer.finish();

    assert_eq!((report.rows_read, report.imported, report.skipped_count()), (8469, 8469, 0));
    assert_eq!(report.flagged_count(DataFlag::ResolvedBeforeFirstResponse), 1365);
    assert_eq!(report.flagged_count(DataFlag::EndsBeforeCreated), 0);
    assert!(report.notes.is_empty(), "{:?}", report.notes.keys().collect::<Vec<_>>());

    let mut by_status: BTreeMap<Status, usize> = BTreeMap::new();
    for r in &requests {
        *by_status.entry(r.status).or_default() += 1;
    }
    // Open (none answered) → new; Pending Customer Response → waiting; Closed → closed.
    assert_eq!(
        by_status,
        BTreeMap::from([(Status::New, 2819), (Status::WaitingForCustomer, 2881), (Status::Closed, 2769)])
    );
    let count = |f: &dyn Fn(&&baton::domain::ImportedRequest) -> bool| requests.iter().filter(f).count();
    assert_eq!(count(&|r| r.satisfaction.is_some()), 2769);
    assert_eq!(count(&|r| r.first_response_at.is_some()), 5650);
    assert_eq!(count(&|r| r.resolved_at.is_some()), 2769);
    assert_eq!(count(&|r| r.created_at.is_some() || r.closed_at.is_some()), 0);
    assert_eq!(count(&|r| r.fields.tags.len() == 1), 8469);
    assert_eq!(count(&|r| r.fields.channel == Channel::Social), 2121);
    assert_eq!(count(&|r| r.fields.urgency == Urgency::Critical), 2129);

    let first = &requests[0];
    assert_eq!(
        (first.fields.title.as_str(), first.fields.category.as_str(), first.fields.tags.as_slice()),
        ("Product setup", "Technical issue", &["GoPro Hero".to_string()][..])
    );
    assert_eq!(first.source, format!("{FILE} row 1 (Ticket ID 1)"));
    assert_eq!(first.first_response_at, Some(ts("2023-06-01T12:15:36Z")));
    // Row 4 (ticket 4) is resolved at 01:57:40, before its first response at 07:29:40.
    assert_eq!(requests[3].flags, [DataFlag::ResolvedBeforeFirstResponse]);

    // Into a workspace, and the dashboard's figure against our own reading.
    let mut ids = SeqIds::new(1);
    let now = ts("2026-12-01T09:00:00Z");
    let mut ws = Workspace::new(ids.next_id(), "helpdesk", now);
    let mut ctx = Ctx::new(now, None, &mut ids);
    if let Err(e) = apply(&mut ws, Command::ImportRequests(requests), &mut ctx) {
        panic!("{e}");
    }
    let d = dashboard(ws.requests.values());
    let after = &d.overall.resolution_after_first_response;
    let (values, negative) = independent_durations(&text);
    assert_eq!(negative, 1365);
    // Nearest rank: the value at rank ceil(n / 2).
    let median = values.get(values.len().div_ceil(2).saturating_sub(1)).copied();
    assert_eq!((after.n, after.flagged_excluded, after.negative_excluded), (values.len(), 1365, 0));
    assert_eq!(after.n, 2769 - 1365);
    assert_eq!(after.median_secs, median);
    assert_eq!(d.overall.csat.n, 2769);
    println!(
        "resolution after first response: median {} s over n = {} of {} ({} flagged)",
        median.unwrap_or_default(),
        after.n,
        after.of,
        after.flagged_excluded
    );
}
