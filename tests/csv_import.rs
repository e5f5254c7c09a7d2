//! CSV import from the outside: reading awkward files, suggesting and
//! checking a mapping, and what the importer makes of each row. Expected
//! values are worked out by hand from the inputs shown.

use std::collections::BTreeMap;
use std::path::PathBuf;

use baton::domain::{
    apply, ts, Channel, Command, Ctx, DataFlag, IdSource, ImportedRequest, SeqIds, Status, Urgency, Workspace,
};
use baton::persist::csv_import::{
    distinct_values, read_csv, suggest_mapping, validate_mapping, CsvError, CsvTable, ImportReport, Importer, Mapping,
    MappingProblem, RowNote, SkipReason, Target,
};

fn table(text: &str) -> CsvTable {
    match read_csv("t.csv", text) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

/// Imports with the suggested mapping, adjusted by `adjust`.
fn import_with(text: &str, adjust: impl Fn(&mut Mapping)) -> (Vec<ImportedRequest>, ImportReport) {
    let t = table(text);
    let mut mapping = suggest_mapping(&t);
    adjust(&mut mapping);
    match Importer::new(t, mapping) {
        Ok(importer) => importer.finish(),
        Err(problems) => panic!("mapping problems: {problems:?}"),
    }
}

fn import(text: &str) -> (Vec<ImportedRequest>, ImportReport) {
    import_with(text, |_| {})
}

fn problems(text: &str, adjust: impl Fn(&mut Mapping)) -> Vec<MappingProblem> {
    let t = table(text);
    let mut mapping = suggest_mapping(&t);
    adjust(&mut mapping);
    validate_mapping(&t, &mapping).err().unwrap_or_default()
}

fn rows(list: &[usize]) -> Vec<usize> {
    list.to_vec()
}

#[test]
fn reading() {
    // (what, text, headers, fields of each row, line of each row)
    type Case =
        (&'static str, &'static str, &'static [&'static str], &'static [&'static [&'static str]], &'static [u64]);
    let cases: &[Case] = &[
        (
            "plain",
            "Title,Status\nA,Open\nB,Closed\n",
            &["Title", "Status"],
            &[&["A", "Open"], &["B", "Closed"]],
            &[2, 3],
        ),
        ("byte order mark", "\u{feff}Title\nA\n", &["Title"], &[&["A"]], &[2]),
        (
            "CRLF",
            "Title,Status\r\nA,Open\r\nB,Closed\r\n",
            &["Title", "Status"],
            &[&["A", "Open"], &["B", "Closed"]],
            &[2, 3],
        ),
        ("no final line end", "Title\nA", &["Title"], &[&["A"]], &[2]),
        (
            "quoted line breaks and commas",
            "Title,Description\n\"A, B\",\"line 1\nline 2\"\nC,\"x\r\ny\"\n",
            &["Title", "Description"],
            &[&["A, B", "line 1\nline 2"], &["C", "x\r\ny"]],
            &[2, 4],
        ),
        ("quotes inside quotes", "Title\n\"say \"\"hi\"\"\"\n", &["Title"], &[&["say \"hi\""]], &[2]),
        (
            "Chinese and emoji",
            "标题,状态\n打印机卡纸 🖨️,处理中\n",
            &["标题", "状态"],
            &[&["打印机卡纸 🖨️", "处理中"]],
            &[2],
        ),
        ("header cells trimmed", " Title , Status \nA,Open\n", &["Title", "Status"], &[&["A", "Open"]], &[2]),
        (
            "extra cell kept",
            "Title,Status\nA,Open,surprise\n",
            &["Title", "Status"],
            &[&["A", "Open", "surprise"]],
            &[2],
        ),
        ("short row kept", "Title,Status\nA\n", &["Title", "Status"], &[&["A"]], &[2]),
        ("blank lines skipped", "Title\n\nA\n\n", &["Title"], &[&["A"]], &[3]),
        ("semicolons", "Title;Status\nA;Open\n", &["Title", "Status"], &[&["A", "Open"]], &[2]),
        ("tabs", "Title\tStatus\nA, B\tOpen\n", &["Title", "Status"], &[&["A, B", "Open"]], &[2]),
    ];
    for (what, text, headers, fields, lines) in cases {
        let t = table(text);
        assert_eq!(t.headers, *headers, "{what}");
        let got: Vec<Vec<&str>> = t.rows.iter().map(|r| r.fields.iter().map(String::as_str).collect()).collect();
        assert_eq!(got, fields.iter().map(|f| f.to_vec()).collect::<Vec<_>>(), "{what}");
        assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), *lines, "{what}");
        assert_eq!(t.rows.iter().map(|r| r.row).collect::<Vec<_>>(), (1..=lines.len()).collect::<Vec<_>>(), "{what}");
    }
}

#[test]
fn unreadable_files() {
    let cases: &[(&str, CsvError, &str)] = &[
        (
            "",
            CsvError::Empty { file: "t.csv".into() },
            "t.csv: expected a header row and data rows, found an empty file",
        ),
        (
            "\u{feff}\r\n  \n",
            CsvError::Empty { file: "t.csv".into() },
            "t.csv: expected a header row and data rows, found an empty file",
        ),
        (
            "PK\u{3}\u{4}\u{14}\0\u{6}\0\u{8}\0\0\0!\0b\u{ee}",
            CsvError::NotText { file: "t.csv".into() },
            "t.csv: expected a text file (CSV), found binary content (NUL characters)",
        ),
        (
            "Title,Status\r\n\r\n",
            CsvError::NoRows { file: "t.csv".into() },
            "t.csv: expected data rows after the header row, found none",
        ),
        (
            ",,\nA,B,C\n",
            CsvError::NoHeader { file: "t.csv".into(), line: 1 },
            "t.csv: line 1: expected a header row naming the columns, found only empty cells",
        ),
    ];
    for (text, error, message) in cases {
        let got = read_csv("t.csv", text);
        assert_eq!(got.as_ref().err(), Some(error), "{text:?}");
        assert_eq!(got.err().map(|e| e.to_string()).as_deref(), Some(*message), "{text:?}");
    }
}

#[test]
fn suggested_columns() {
    let t = table(
        "Ticket ID,Customer Name,Customer Email,Customer Age,Product Purchased,Ticket Type,Ticket Subject,\
         Ticket Description,Ticket Status,Resolution,Ticket Priority,Ticket Channel,First Response Time,\
         Time to Resolution,Customer Satisfaction Rating\n1\n",
    );
    use Target::*;
    assert_eq!(
        suggest_mapping(&t).columns,
        [
            ExternalId,
            CustomerName,
            CustomerContact,
            Ignore,
            Tags,
            Category,
            Title,
            Description,
            Status,
            Resolution,
            Urgency,
            Channel,
            FirstResponseAt,
            ResolvedAt,
            Satisfaction
        ]
    );
    // Chinese headers; a second title-like column is left for the person to decide.
    let t = table("标题,主题,描述,优先级,渠道,状态,满意度,创建时间,标签,产品\n打印机\n");
    assert_eq!(
        suggest_mapping(&t).columns,
        [Title, Ignore, Description, Urgency, Channel, Status, Satisfaction, CreatedAt, Tags, Tags]
    );
}

#[test]
fn suggested_values() {
    let t = table(
        "Subject,Status,Priority,Channel\n\
         a,Open,Critical,Social media\n\
         b,Pending Customer Response,Low,Email\n\
         c,Closed,高,电话\n\
         d,已解决,紧急,邮件\n\
         e,Escalated,urgent,Carrier pigeon\n\
         f,, ,\n",
    );
    let m = suggest_mapping(&t);
    let status: Vec<(&str, Status)> = m.status_values.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        status,
        [
            ("Closed", Status::Closed),
            ("Open", Status::New),
            ("Pending Customer Response", Status::WaitingForCustomer),
            ("已解决", Status::Resolved)
        ]
    );
    let urgency: Vec<(&str, Urgency)> = m.urgency_values.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        urgency,
        [
            ("Critical", Urgency::Critical),
            ("Low", Urgency::Low),
            ("urgent", Urgency::Critical),
            ("紧急", Urgency::Critical),
            ("高", Urgency::High)
        ]
    );
    let channel: Vec<(&str, Channel)> = m.channel_values.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    assert_eq!(
        channel,
        [
            ("Email", Channel::Email),
            ("Social media", Channel::Social),
            ("电话", Channel::Phone),
            ("邮件", Channel::Email)
        ]
    );
    // Distinct values leave out empty cells and count rows.
    assert_eq!(distinct_values(&t, 1).len(), 5);
    assert_eq!(distinct_values(&t, 3).first(), Some(&("Carrier pigeon".to_string(), 1)));
}

#[test]
fn mapping_problems() {
    let header = |h: &[&str]| h.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // (what, text, adjust the suggested mapping, expected problems, first message)
    type Adjust = fn(&mut Mapping);
    let cases: Vec<(&str, &str, Adjust, Vec<MappingProblem>, &str)> = vec![
        (
            "no title column",
            "Priority,Status\nHigh,Open\n",
            |_| {},
            vec![MappingProblem::RequiredNotMapped { target: Target::Title, headers: header(&["Priority", "Status"]) }],
            "no column is mapped to title: expected one of the columns \"Priority\", \"Status\" to hold it",
        ),
        (
            "unknown status value",
            "Title,Status\nA,Escalated\nB,Escalated\nC,Open\n",
            |_| {},
            vec![MappingProblem::UnmappedValue {
                column: "Status".into(),
                target: Target::Status,
                value: "Escalated".into(),
                rows: 2,
            }],
            "column \"Status\" (status): the value \"Escalated\" (2 row(s)) needs a meaning: expected one of new, in_progress, waiting_for_customer, resolved, closed, reopened",
        ),
        (
            "unknown channel value",
            "标题,渠道\nA,飞鸽传书\n",
            |_| {},
            vec![MappingProblem::UnmappedValue { column: "渠道".into(), target: Target::Channel, value: "飞鸽传书".into(), rows: 1 }],
            "column \"渠道\" (channel): the value \"飞鸽传书\" (1 row(s)) needs a meaning: expected one of phone, email, chat, visit, social, other",
        ),
        (
            "title twice",
            "Title,Summary\nA,B\n",
            |m| m.columns = vec![Target::Title, Target::Title],
            vec![MappingProblem::MappedTwice { target: Target::Title, columns: header(&["Title", "Summary"]) }],
            "title is mapped from several columns (\"Title\", \"Summary\"): expected one",
        ),
        (
            "durations where times belong",
            "Title,Created\nA,3 days\nB,5 hours\n",
            |_| {},
            vec![MappingProblem::NoReadableTimes { column: "Created".into(), target: Target::CreatedAt, example: "3 days".into() }],
            "column \"Created\" (created_at): expected dates and times such as \"2023-06-01 12:15:36\", found \"3 days\"",
        ),
        (
            "too few choices",
            "Title,Status\nA,Open\n",
            |m| m.columns = vec![Target::Title],
            vec![MappingProblem::ColumnCount { headers: 2, targets: 1 }],
            "expected one choice per column (2 columns), found 1",
        ),
        (
            "zone beyond 18 hours",
            "Title\nA\n",
            |m| m.utc_offset_minutes = 24 * 60,
            vec![MappingProblem::BadOffset { minutes: 1440 }],
            "time zone: expected an offset from -1080 to +1080 minutes, found 1440",
        ),
    ];
    for (what, text, adjust, expected, message) in cases {
        let got = problems(text, adjust);
        assert_eq!(got, expected, "{what}");
        assert_eq!(got.first().map(|p| p.to_string()).as_deref(), Some(message), "{what}");
    }
    // Tags may come from several columns; Ignore too.
    assert_eq!(problems("Title,Tags,Product,Age,Gender\nA,x,y,3,z\n", |_| {}), []);
    // An Importer cannot be made from a mapping with problems.
    let t = table("Status\nOpen\n");
    let m = suggest_mapping(&t);
    assert!(Importer::new(t, m).is_err());
}

/// One row, imported with the suggested mapping and the zone given.
fn one(text: &str, offset: i32) -> (ImportedRequest, ImportReport) {
    let (mut requests, report) = import_with(text, |m| m.utc_offset_minutes = offset);
    assert_eq!(requests.len(), 1, "{text}: {report:?}");
    (requests.remove(0), report)
}

#[test]
fn row_values() {
    let header =
        "Ticket ID,Subject,Description,Status,Priority,Channel,Created,First Response Time,Resolved,Closed,Rating,Tags";
    // Times are in Beijing time (+08:00) unless they say otherwise.
    let (r, report) = one(
        &format!("{header}\n42,\"  Printer jammed  \",\"line 1\r\nline 2\",Closed,High,Phone,2026-11-02 09:00,2026-11-02 09:30:15,2026-11-02T10:00:00Z,2026-11-03,4.0,\"a, b;a\"\n"),
        480,
    );
    assert_eq!(r.fields.title, "Printer jammed");
    assert_eq!(r.fields.description, "line 1\nline 2");
    assert_eq!((r.status, r.fields.urgency, r.fields.channel), (Status::Closed, Urgency::High, Channel::Phone));
    assert_eq!(r.created_at, Some(ts("2026-11-02T01:00:00Z")));
    assert_eq!(r.first_response_at, Some(ts("2026-11-02T01:30:15Z")));
    assert_eq!(r.resolved_at, Some(ts("2026-11-02T10:00:00Z")));
    assert_eq!(r.closed_at, Some(ts("2026-11-02T16:00:00Z")));
    assert_eq!(r.satisfaction, Some(4));
    // Duplicates are cleaned up by the domain when the request is created.
    assert_eq!(r.fields.tags, ["a", "b", "a"]);
    assert_eq!(r.source, "t.csv row 1 (Ticket ID 42)");
    assert_eq!(r.flags, []);
    assert!(report.notes.is_empty() && report.flagged.is_empty() && report.skipped.is_empty(), "{report:?}");

    // Empty cells stay empty; channel and urgency take the neutral defaults.
    let (r, _) = one(&format!("{header}\n,Just a title,,,,,,,,,,\n"), 0);
    assert_eq!(
        (r.created_at, r.first_response_at, r.resolved_at, r.closed_at, r.satisfaction),
        (None, None, None, None, None)
    );
    assert_eq!((r.status, r.fields.urgency, r.fields.channel), (Status::New, Urgency::Medium, Channel::Other));
    assert_eq!(r.source, "t.csv row 1");
}

#[test]
fn statuses() {
    let header = "Subject,Status,First Response Time,Resolved,Closed";
    // (row after the header, expected status, expected resolved_at)
    let cases: &[(&str, Status, Option<&str>)] = &[
        // "Open" is new …
        ("A,Open,,,", Status::New, None),
        // … unless someone has answered: then it is in progress.
        ("A,Open,2026-11-02 09:00,,", Status::InProgress, None),
        ("A,Pending Customer Response,2026-11-02 09:00,,", Status::WaitingForCustomer, None),
        // A closed row without a resolved time keeps it unknown.
        ("A,Closed,2026-11-02 09:00,,2026-11-03 09:00", Status::Closed, None),
        ("A,Closed,,2026-11-02 12:00,", Status::Closed, Some("2026-11-02T12:00:00Z")),
        // No status: the times decide.
        ("A,,,,2026-11-03 09:00", Status::Closed, None),
        ("A,,,2026-11-02 12:00,", Status::Resolved, Some("2026-11-02T12:00:00Z")),
        ("A,,2026-11-02 09:00,,", Status::InProgress, None),
        ("A,,,,", Status::New, None),
    ];
    for (row, status, resolved) in cases {
        let (r, _) = one(&format!("{header}\n{row}\n"), 0);
        assert_eq!((r.status, r.resolved_at), (*status, resolved.map(ts)), "{row}");
    }
}

#[test]
fn flags_notes_and_skips() {
    let header = "Ticket ID,Subject,Description,Created,First Response Time,Resolved,Rating";
    // (row, flags, notes, skip reason)
    type Case = (&'static str, Vec<DataFlag>, Vec<RowNote>, Option<SkipReason>);
    let cases: Vec<Case> = vec![
        ("1,A,,2026-11-02 09:00,2026-11-02 10:00,2026-11-02 11:00,5", vec![], vec![], None),
        // Resolved 10:00, answered 11:00: resolved before the first response.
        ("1,A,,,2026-11-02 11:00,2026-11-02 10:00,", vec![DataFlag::ResolvedBeforeFirstResponse], vec![], None),
        // The same minute is not before.
        ("1,A,,,2026-11-02 11:00,2026-11-02 11:00,", vec![], vec![], None),
        // Answered 08:00 for a request created at 09:00.
        ("1,A,,2026-11-02 09:00,2026-11-02 08:00,,", vec![DataFlag::EndsBeforeCreated], vec![], None),
        // Both at once.
        (
            "1,A,,2026-11-02 09:00,2026-11-02 08:30,2026-11-02 08:00,",
            vec![DataFlag::ResolvedBeforeFirstResponse, DataFlag::EndsBeforeCreated],
            vec![],
            None,
        ),
        ("1,A,,,,,6", vec![], vec![RowNote::RatingOutOfRange], None),
        ("1,A,,,,,0", vec![], vec![RowNote::RatingOutOfRange], None),
        ("1,A,,,,,4.5", vec![], vec![RowNote::UnreadableRating], None),
        ("1,A,,,,,good", vec![], vec![RowNote::UnreadableRating], None),
        ("1,A,,2026-11-02 09:00,,,,extra", vec![], vec![RowNote::ExtraCells], None),
        (
            "1,A,,2026-11-02 09:00",
            vec![],
            vec![
                RowNote::MissingCell { column: "First Response Time".into() },
                RowNote::MissingCell { column: "Resolved".into() },
                RowNote::MissingCell { column: "Rating".into() },
            ],
            None,
        ),
        ("1,,\"\n  First line of the text\nsecond\",,,,", vec![], vec![RowNote::TitleFromDescription], None),
        ("1,,,,,,", vec![], vec![], Some(SkipReason::NoTitle)),
        (",,,,,,", vec![], vec![], Some(SkipReason::EmptyRow)),
    ];
    for (row, flags, notes, skip) in cases {
        let (requests, report) = import(&format!("{header}\n{row}\n"));
        let expected_notes: BTreeMap<RowNote, Vec<usize>> = notes.into_iter().map(|n| (n, vec![1])).collect();
        assert_eq!(report.notes, expected_notes, "{row}");
        let expected_flags: BTreeMap<DataFlag, Vec<usize>> = flags.iter().map(|f| (*f, vec![1])).collect();
        assert_eq!(report.flagged, expected_flags, "{row}");
        match skip {
            Some(reason) => {
                assert_eq!(requests.len(), 0, "{row}");
                assert_eq!(report.skipped, BTreeMap::from([(reason, vec![1])]), "{row}");
            }
            None => {
                assert_eq!(requests.len(), 1, "{row}");
                assert_eq!(requests[0].flags, flags, "{row}");
                assert!(report.skipped.is_empty(), "{row}");
            }
        }
    }
}

#[test]
fn unreadable_time() {
    // One time cannot be read: dropped and noted; the column as a whole is
    // fine, so the mapping passes.
    let (requests, report) = import("Ticket ID,Subject,Created\n1,A,yesterday\n2,B,2026-11-02 09:00\n");
    assert_eq!(requests.iter().map(|r| r.created_at).collect::<Vec<_>>(), [None, Some(ts("2026-11-02T09:00:00Z"))]);
    assert_eq!(report.notes, BTreeMap::from([(RowNote::UnreadableTime { column: "Created".into() }, rows(&[1]))]));
}

#[test]
fn titles() {
    let long_line = "长".repeat(100);
    let long_title = "é".repeat(250);
    // (subject cell, description cell, expected title)
    let cases: Vec<(String, String, String)> = vec![
        ("打印机卡纸 🖨️".into(), "".into(), "打印机卡纸 🖨️".into()),
        ("".into(), "Cannot log in\nsince this morning".into(), "Cannot log in".into()),
        // 100 characters of description: 79 kept and "…".
        ("".into(), long_line.clone(), format!("{}…", "长".repeat(79))),
        // 250 characters of title: 199 kept and "…" (Baton allows 200).
        (long_title, "".into(), format!("{}…", "é".repeat(199))),
    ];
    for (subject, description, expected) in cases {
        let (r, _) = one(&format!("Subject,Description\n\"{subject}\",\"{description}\"\n"), 0);
        assert_eq!(r.fields.title, expected);
        assert!(r.fields.title.chars().count() <= baton::domain::MAX_TITLE_CHARS);
    }
}

#[test]
fn duplicate_external_ids() {
    let (requests, report) = import("ID,Title\n7,A\n8,B\n7,A again\n,C\n,D\n");
    // Row 3 repeats ticket 7; rows without an id are never duplicates.
    assert_eq!(requests.iter().map(|r| r.fields.title.as_str()).collect::<Vec<_>>(), ["A", "B", "C", "D"]);
    assert_eq!(report.skipped, BTreeMap::from([(SkipReason::DuplicateExternalId, rows(&[3]))]));
}

#[test]
fn steps_and_progress() {
    let text: String =
        std::iter::once("Title\n".to_string()).chain((1..=7).map(|i| format!("Request {i}\n"))).collect();
    let t = table(&text);
    let m = suggest_mapping(&t);
    let Ok(mut importer) = Importer::new(t, m) else { panic!("mapping problems") };
    assert_eq!(importer.progress(), (0, 7));
    // Slices of 3: 3, 6, 7 rows done; done after the third.
    let mut seen = Vec::new();
    loop {
        let done = importer.step(3);
        seen.push((importer.progress(), done));
        if done {
            break;
        }
    }
    assert_eq!(seen, [((3, 7), false), ((6, 7), false), ((7, 7), true)]);
    // A slice of 0 still moves on, so a loop cannot stall.
    let t = table("Title\nA\n");
    let m = suggest_mapping(&t);
    let Ok(mut importer) = Importer::new(t, m) else { panic!("mapping problems") };
    assert!(importer.step(0));
    let (requests, report) = importer.finish();
    assert_eq!((requests.len(), report.rows_read, report.imported), (1, 1, 1));
    // Finishing early imports the rest.
    let t = table(&text);
    let m = suggest_mapping(&t);
    let Ok(importer) = Importer::new(t, m) else { panic!("mapping problems") };
    assert_eq!(importer.finish().0.len(), 7);
}

fn fixture() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tickets-small.csv");
    match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => panic!("reading {}: {e}", path.display()),
    }
}

/// tickets-small.csv, row by row (times in Beijing time):
///
/// | row | line | what | outcome |
/// |---|---|---|---|
/// | 1 | 2–3 | 处理中, quoted two-line description, two products | in progress |
/// | 2 | 4 | Closed, rated 5.0 | closed |
/// | 3 | 5–6 | empty title, Open, no answer | new, title from description |
/// | 4 | 7 | no title, no description | skipped: no title |
/// | 5 | 8 | 已关闭, resolved 12:00 before answered 15:00, rated 3 | closed, flagged |
/// | 6 | 9 | answered 09:00 before created 10:00 | waiting, flagged |
/// | 7 | 10 | Closed, rated 9 | closed, unrated, noted |
/// | 8 | 11 | created "昨天", Open but answered, 微信 | in progress, time noted |
/// | 9 | 12 | one cell too many, rated 4 | closed, noted |
/// | 10 | 13 | only 4 of 13 cells | new, 9 missing cells noted |
/// | 11 | 14 | T-2 again | skipped: duplicate |
/// | 12 | 15 | every cell empty | skipped: empty row |
#[test]
fn small_fixture() {
    let text = fixture();
    assert!(text.starts_with('\u{feff}') && text.contains("\r\n"), "the fixture lost its BOM or CRLF line ends");
    let t = match read_csv("tickets-small.csv", &text) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(t.headers.first().map(String::as_str), Some("编号"));
    assert_eq!(t.rows.len(), 12);
    assert_eq!(t.rows.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15]);

    let mut mapping = suggest_mapping(&t);
    mapping.utc_offset_minutes = 480;
    assert_eq!(
        mapping.columns,
        [
            Target::ExternalId,
            Target::Title,
            Target::Description,
            Target::CustomerName,
            Target::CustomerContact,
            Target::Channel,
            Target::Urgency,
            Target::Status,
            Target::Tags,
            Target::CreatedAt,
            Target::FirstResponseAt,
            Target::ResolvedAt,
            Target::Satisfaction,
        ]
    );
    let Ok(importer) = Importer::new(t, mapping) else { panic!("mapping problems") };
    let (requests, report) = importer.finish();

    assert_eq!((report.file_name.as_str(), report.rows_read, report.imported), ("tickets-small.csv", 12, 9));
    assert_eq!(
        report.skipped,
        BTreeMap::from([
            (SkipReason::EmptyRow, rows(&[12])),
            (SkipReason::NoTitle, rows(&[4])),
            (SkipReason::DuplicateExternalId, rows(&[11])),
        ])
    );
    assert_eq!(
        report.flagged,
        BTreeMap::from([
            (DataFlag::ResolvedBeforeFirstResponse, rows(&[5])),
            (DataFlag::EndsBeforeCreated, rows(&[6]))
        ])
    );
    let mut notes = BTreeMap::from([
        (RowNote::TitleFromDescription, rows(&[3])),
        (RowNote::UnreadableTime { column: "创建时间".into() }, rows(&[8])),
        (RowNote::RatingOutOfRange, rows(&[7])),
        (RowNote::ExtraCells, rows(&[9])),
    ]);
    for column in ["Customer Email", "渠道", "优先级", "状态", "产品", "创建时间", "首次响应时间", "解决时间", "满意度"]
    {
        notes.insert(RowNote::MissingCell { column: column.into() }, rows(&[10]));
    }
    assert_eq!(report.notes, notes);

    let statuses: Vec<Status> = requests.iter().map(|r| r.status).collect();
    use Status::*;
    assert_eq!(statuses, [InProgress, Closed, New, Closed, WaitingForCustomer, Closed, InProgress, Closed, New]);
    let ratings: Vec<Option<u8>> = requests.iter().map(|r| r.satisfaction).collect();
    assert_eq!(ratings, [None, Some(5), None, Some(3), None, None, None, Some(4), None]);

    let first = &requests[0];
    assert_eq!(first.fields.title, "打印机卡纸 🖨️");
    assert_eq!(first.fields.description, "纸卡在第二个纸盒。\n客户下午三点后才在办公室。");
    assert_eq!(
        (first.fields.customer.name.as_str(), first.fields.customer.contact.as_str()),
        ("王芳", "wang.fang@example.cn")
    );
    assert_eq!((first.fields.channel, first.fields.urgency), (Channel::Phone, Urgency::High));
    assert_eq!(first.fields.tags, ["打印机", "耗材"]);
    // 09:00 and 09:20 in Beijing are 01:00 and 01:20 UTC.
    assert_eq!(
        (first.created_at, first.first_response_at),
        (Some(ts("2026-11-02T01:00:00Z")), Some(ts("2026-11-02T01:20:00Z")))
    );
    assert_eq!(first.source, "tickets-small.csv row 1 (编号 T-1)");
    assert_eq!(requests[2].fields.title, "Cannot log in to the portal");
    assert_eq!(requests[6].fields.channel, Channel::Chat);
    assert_eq!(requests[6].created_at, None);

    // The domain accepts every request as built.
    let mut ids = SeqIds::new(1);
    let now = ts("2026-11-10T00:00:00Z");
    let mut ws = Workspace::new(ids.next_id(), "import", now);
    let mut ctx = Ctx::new(now, None, &mut ids);
    if let Err(e) = apply(&mut ws, Command::ImportRequests(requests), &mut ctx) {
        panic!("{e}");
    }
    assert_eq!(ws.requests.len(), 9);
    assert_eq!(ws.request_by_number(1).map(|r| r.tags.len()), Some(2));
}
