//! CSV import of requests from a helpdesk export.
//!
//! Three steps, each pure so it runs natively in tests and in slices in the
//! browser:
//!
//! 1. [`read_csv`] splits the text into a header and rows.
//! 2. [`suggest_mapping`] guesses which column holds what (English and
//!    Chinese header names) and how status, priority and channel values map
//!    to Baton's; the person importing reviews it, and [`validate_mapping`]
//!    says what is still missing.
//! 3. An [`Importer`] turns rows into [`ImportedRequest`]s a slice at a
//!    time, so the interface can show progress, and ends with an
//!    [`ImportReport`] of what was flagged, noted and skipped, by row.
//!
//! ```
//! use baton::persist::csv_import::*;
//! let text = "Subject,Priority\r\nPrinter jammed,High\r\n打印机卡纸,紧急\r\n";
//! let table = read_csv("tickets.csv", text)?;
//! let mapping = suggest_mapping(&table);
//! assert!(validate_mapping(&table, &mapping).is_ok());
//! let Ok(mut importer) = Importer::new(table, mapping) else { panic!("mapping problems") };
//! while !importer.step(500) {
//!     let (_done, _total) = importer.progress();
//! }
//! let (requests, report) = importer.finish();
//! assert_eq!((requests.len(), report.imported), (2, 2));
//! # Ok::<(), CsvError>(())
//! ```
//!
//! Choices, so that figures computed from imported data mean what
//! METRICS.md says:
//!
//! - Missing values stay missing: an empty time is `None`, an empty rating
//!   is `None`. An empty channel is "other" and an empty priority "medium"
//!   (the same neutral values a request typed in without them gets).
//! - Status: "Open" means nobody has acted yet, so it maps to *new*; but a
//!   row whose status maps to *new* and that has a first response is
//!   imported as *in progress*, the move Baton itself makes when a first
//!   response is recorded. When no status column is mapped (or the cell is
//!   empty), the status follows the times: closed, resolved, in progress or
//!   new.
//! - A closed row without a resolved time keeps `resolved_at` empty: the
//!   closing time is only an upper bound of the resolution, and using it
//!   would shift the resolution figures. Likewise a resolved or closed
//!   status never invents the missing time.
//! - Ratings "3" and "3.0" read as 3. A rating outside 1–5 or not a whole
//!   number is dropped (the request is imported unrated) and the row is
//!   listed under [`RowNote::RatingOutOfRange`] or
//!   [`RowNote::UnreadableRating`]. A time that cannot be read is dropped the
//!   same way, under [`RowNote::UnreadableTime`].
//! - An empty title is replaced by the first line of the description, cut to
//!   80 characters ([`RowNote::TitleFromDescription`]); with no description
//!   either, the row is skipped ([`SkipReason::NoTitle`]). Titles longer than
//!   the domain allows are shortened ([`RowNote::TitleShortened`]).
//! - A row resolved before its first response is imported with
//!   [`DataFlag::ResolvedBeforeFirstResponse`]; one answered, resolved or
//!   closed before it was created gets [`DataFlag::EndsBeforeCreated`].
//!   Flagged requests are left out of duration figures.
//! - A column named like "Product Purchased" or "产品" becomes a tag: tags
//!   are what routing rules match, so requests can be routed by product;
//!   the ticket type goes to the category.
//! - Times without a zone are taken in the mapping's `utc_offset_minutes`
//!   (the interface proposes the browser's offset).

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use chrono::{NaiveDate, TimeDelta};

use crate::domain::{
    Channel, Customer, DataFlag, ImportedRequest, NewRequest, Status, Timestamp, Urgency, MAX_TITLE_CHARS,
};

/// A CSV file split into its header and data rows. Cells are kept exactly
/// as written; the importer trims them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    pub file_name: String,
    pub headers: Vec<String>,
    pub rows: Vec<CsvRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// 1-based number of the data row (the header is not counted), as a
    /// spreadsheet would show it minus one.
    pub row: usize,
    /// The line of the file where the row starts (1-based, the header is
    /// line 1); differs from `row + 1` after cells with line breaks.
    pub line: u64,
    pub fields: Vec<String>,
}

/// Why a file could not be read as CSV at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("{file}: expected a header row and data rows, found an empty file")]
    Empty { file: String },
    #[error("{file}: expected a text file (CSV), found binary content (NUL characters)")]
    NotText { file: String },
    #[error("{file}: expected data rows after the header row, found none")]
    NoRows { file: String },
    #[error("{file}: line {line}: expected a header row naming the columns, found only empty cells")]
    NoHeader { file: String, line: u64 },
    #[error("{file}: line {line}: expected CSV, found {problem}")]
    Malformed { file: String, line: u64, problem: String },
    /// A quoted cell that is never closed: everything after it would be
    /// read as one cell.
    #[error("{file}: line {line}: a quoted cell opens here and is never closed (expected a closing \")")]
    UnclosedQuote { file: String, line: u64 },
}

/// Reads CSV text: a UTF-8 byte order mark is ignored, lines may end in
/// CRLF or LF, quoted cells may hold line breaks and commas, and rows may be
/// longer or shorter than the header. The separator is the comma unless the
/// header line holds more semicolons or tabs than commas.
pub fn read_csv(file_name: &str, text: &str) -> Result<CsvTable, CsvError> {
    let file = || file_name.to_string();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CsvError::Empty { file: file() });
    }
    // Text never holds NUL characters; spreadsheets, images and archives
    // do, whatever the file is called.
    if text.contains('\0') {
        return Err(CsvError::NotText { file: file() });
    }
    let sep = separator(text);
    if let Some(line) = unclosed_quote(text, sep) {
        return Err(CsvError::UnclosedQuote { file: file(), line });
    }
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(sep).from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(text);
    for result in reader.records() {
        let record = result.map_err(|e| CsvError::Malformed {
            file: file(),
            line: e.position().map(|p| p.line()).unwrap_or(0),
            problem: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        let fields: Vec<String> = record.iter().map(str::to_string).collect();
        if headers.is_none() {
            if fields.iter().all(|f| f.trim().is_empty()) {
                return Err(CsvError::NoHeader { file: file(), line });
            }
            headers = Some(fields.iter().map(|h| h.trim().to_string()).collect());
            continue;
        }
        rows.push(CsvRow { row: rows.len() + 1, line, fields });
    }
    let headers = headers.ok_or_else(|| CsvError::Empty { file: file() })?;
    if rows.is_empty() {
        return Err(CsvError::NoRows { file: file() });
    }
    Ok(CsvTable { file_name: file(), headers, rows })
}

/// The line on which a quoted cell opens that is still open at the end of
/// the text, if any. A quote opens a quoted cell only at the start of a
/// cell; inside one, `""` is a quote character and `"` closes it.
fn unclosed_quote(text: &str, sep: u8) -> Option<u64> {
    let mut line = 1u64;
    let mut opened_at = None;
    let mut at_cell_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        match (opened_at.is_some(), b) {
            (true, b'"') => {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    opened_at = None;
                    at_cell_start = false;
                }
            }
            (false, b'"') if at_cell_start => {
                opened_at = Some(line);
                at_cell_start = false;
            }
            (_, b'\n') => {
                line += 1;
                if opened_at.is_none() {
                    at_cell_start = true;
                }
            }
            (false, b) if b == sep => at_cell_start = true,
            (false, b'\r') => {}
            (false, _) => at_cell_start = false,
            (true, _) => {}
        }
    }
    opened_at
}

/// Line numbers of record starts. The csv crate places a record after a
/// CRLF line end at the LF, one line early, so the start is taken as the
/// first byte after any line ends, and lines are counted up to it.
struct LineCounter<'t> {
    bytes: &'t [u8],
    counted_to: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        Self { bytes: text.as_bytes(), counted_to: 0, line: 1 }
    }

    /// The line of the record starting at `byte`; records come in order.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte).unwrap_or(usize::MAX).min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start > self.counted_to {
            let newlines =
                self.bytes.get(self.counted_to..start).map_or(0, |b| b.iter().filter(|c| **c == b'\n').count());
            self.line += newlines as u64;
            self.counted_to = start;
        }
        self.line
    }
}

fn separator(text: &str) -> u8 {
    let first_line = text.lines().next().unwrap_or("");
    let count = |c: char| first_line.chars().filter(|x| *x == c).count();
    let (commas, semicolons, tabs) = (count(','), count(';'), count('\t'));
    if tabs > commas && tabs >= semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Ignore,
    /// The other system's ticket number; goes into the request's source.
    ExternalId,
    Title,
    Description,
    CustomerName,
    /// E-mail, phone or any other way to reach the customer.
    CustomerContact,
    Channel,
    Category,
    Urgency,
    Status,
    /// Split on commas, semicolons and 、 into tags.
    Tags,
    Preferences,
    CreatedAt,
    FirstResponseAt,
    ResolvedAt,
    ClosedAt,
    Resolution,
    /// A rating from 1 to 5.
    Satisfaction,
}

impl Target {
    pub const ALL: [Target; 18] = [
        Target::Ignore,
        Target::ExternalId,
        Target::Title,
        Target::Description,
        Target::CustomerName,
        Target::CustomerContact,
        Target::Channel,
        Target::Category,
        Target::Urgency,
        Target::Status,
        Target::Tags,
        Target::Preferences,
        Target::CreatedAt,
        Target::FirstResponseAt,
        Target::ResolvedAt,
        Target::ClosedAt,
        Target::Resolution,
        Target::Satisfaction,
    ];

    /// A stable key for translations.
    pub fn key(self) -> &'static str {
        match self {
            Target::Ignore => "ignore",
            Target::ExternalId => "external_id",
            Target::Title => "title",
            Target::Description => "description",
            Target::CustomerName => "customer_name",
            Target::CustomerContact => "customer_contact",
            Target::Channel => "channel",
            Target::Category => "category",
            Target::Urgency => "urgency",
            Target::Status => "status",
            Target::Tags => "tags",
            Target::Preferences => "preferences",
            Target::CreatedAt => "created_at",
            Target::FirstResponseAt => "first_response_at",
            Target::ResolvedAt => "resolved_at",
            Target::ClosedAt => "closed_at",
            Target::Resolution => "resolution",
            Target::Satisfaction => "satisfaction",
        }
    }

    /// Only these may be chosen for several columns; every other target
    /// takes one column at most.
    pub fn allows_many(self) -> bool {
        matches!(self, Target::Ignore | Target::Tags)
    }

    pub fn is_time(self) -> bool {
        matches!(self, Target::CreatedAt | Target::FirstResponseAt | Target::ResolvedAt | Target::ClosedAt)
    }
}

/// How the columns of one file become request fields. `columns` has one
/// target per header; the value maps are keyed by the trimmed cell text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    pub columns: Vec<Target>,
    pub channel_values: BTreeMap<String, Channel>,
    pub urgency_values: BTreeMap<String, Urgency>,
    pub status_values: BTreeMap<String, Status>,
    /// The zone of times written without one, in minutes east of UTC
    /// (China is 480).
    pub utc_offset_minutes: i32,
}

impl Mapping {
    /// The first column mapped to `target`.
    pub fn column_of(&self, target: Target) -> Option<usize> {
        self.columns.iter().position(|t| *t == target)
    }
}

/// Header names and cell values compared without case, spaces or
/// punctuation: "Ticket Subject", "ticket_subject" and "TICKET-SUBJECT" are
/// the same name.
fn normalise(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Known header names, normalised, per target.
#[rustfmt::skip]
const HEADER_NAMES: &[(Target, &[&str])] = &[
    (Target::ExternalId, &["ticketid", "id", "issueid", "issuekey", "key", "ticketnumber", "ticketno", "编号", "工单号", "工单编号", "单号"]),
    (Target::Title, &["ticketsubject", "subject", "title", "summary", "标题", "主题", "工单标题", "需求标题", "问题标题", "摘要"]),
    (Target::Description, &["ticketdescription", "description", "details", "detail", "body", "content", "描述", "详情", "问题描述", "需求描述", "详细描述", "内容"]),
    (Target::CustomerName, &["customername", "customer", "client", "clientname", "客户", "客户名称", "客户姓名", "客户名"]),
    (Target::CustomerContact, &["customeremail", "email", "emailaddress", "customerphone", "phone", "contact", "customercontact", "联系方式", "客户邮箱", "邮箱", "客户电话", "电话", "手机", "联系电话"]),
    (Target::Channel, &["ticketchannel", "channel", "source", "via", "渠道", "来源", "来源渠道", "接入渠道"]),
    (Target::Category, &["tickettype", "type", "category", "issuetype", "requesttype", "类型", "类别", "分类", "工单类型", "问题类型", "需求类型"]),
    (Target::Urgency, &["ticketpriority", "priority", "urgency", "severity", "优先级", "紧急程度", "紧急度", "严重程度"]),
    (Target::Status, &["ticketstatus", "status", "state", "状态", "工单状态"]),
    (Target::Tags, &["productpurchased", "product", "tags", "tag", "labels", "label", "标签", "产品", "购买产品"]),
    (Target::Preferences, &["preferences", "preference", "customerpreferences", "偏好", "客户偏好"]),
    (Target::CreatedAt, &["created", "createdat", "createdtime", "createddate", "creationdate", "creationtime", "datecreated", "opened", "openedat", "submitted", "submittedat", "创建时间", "创建日期", "提交时间", "受理时间"]),
    (Target::FirstResponseAt, &["firstresponsetime", "firstresponseat", "firstresponse", "firstreplyat", "firstreplytime", "首次响应时间", "首次回复时间", "首响时间"]),
    (Target::ResolvedAt, &["timetoresolution", "resolvedat", "resolved", "resolveddate", "resolvedtime", "resolutiondate", "resolutiontime", "solvedat", "解决时间", "解决日期"]),
    (Target::ClosedAt, &["closedat", "closed", "closeddate", "closedtime", "关闭时间", "关闭日期"]),
    (Target::Resolution, &["resolution", "solution", "resolutionnote", "解决方案", "处理结果", "解决办法", "处理方案"]),
    (Target::Satisfaction, &["customersatisfactionrating", "satisfaction", "satisfactionrating", "rating", "csat", "满意度", "客户满意度", "评分", "满意度评分"]),
];

#[rustfmt::skip]
const CHANNEL_NAMES: &[(Channel, &[&str])] = &[
    (Channel::Phone, &["phone", "telephone", "call", "phonecall", "hotline", "电话", "来电", "热线", "致电"]),
    (Channel::Email, &["email", "mail", "邮件", "电子邮件", "邮箱"]),
    (Channel::Chat, &["chat", "livechat", "webchat", "im", "online", "wechat", "在线", "在线客服", "聊天", "微信", "企业微信"]),
    (Channel::Visit, &["visit", "inperson", "walkin", "store", "onsite", "到店", "上门", "现场", "门店", "来访"]),
    (Channel::Social, &["social", "socialmedia", "twitter", "facebook", "weibo", "微博", "社交媒体", "抖音"]),
    (Channel::Other, &["other", "others", "web", "webform", "portal", "其他", "其它", "网站", "网页"]),
];

#[rustfmt::skip]
const URGENCY_NAMES: &[(Urgency, &[&str])] = &[
    (Urgency::Low, &["low", "lowest", "minor", "trivial", "p4", "p5", "低", "较低", "不紧急"]),
    (Urgency::Medium, &["medium", "normal", "moderate", "p3", "中", "一般", "普通", "中等"]),
    (Urgency::High, &["high", "major", "p2", "高", "较高", "重要"]),
    (Urgency::Critical, &["critical", "highest", "urgent", "blocker", "severe", "p1", "p0", "紧急", "非常紧急", "特急", "最高", "严重"]),
];

#[rustfmt::skip]
const STATUS_NAMES: &[(Status, &[&str])] = &[
    (Status::New, &["open", "new", "todo", "unassigned", "新建", "新", "待处理", "未处理", "待受理", "打开"]),
    (Status::InProgress, &["inprogress", "processing", "working", "assigned", "处理中", "进行中", "跟进中", "已受理"]),
    (Status::WaitingForCustomer, &["pendingcustomerresponse", "pending", "waiting", "waitingforcustomer", "waitingoncustomer", "awaitingcustomer", "onhold", "待客户回复", "等待客户", "等待客户回复", "挂起"]),
    (Status::Resolved, &["resolved", "solved", "done", "fixed", "已解决", "已处理", "已完成", "完成"]),
    (Status::Closed, &["closed", "已关闭", "关闭", "结案", "已结案"]),
    (Status::Reopened, &["reopened", "重新打开", "重开", "已重开"]),
];

fn lookup<T: Copy>(table: &[(T, &[&str])], text: &str) -> Option<T> {
    let key = normalise(text);
    table.iter().find(|(_, names)| names.contains(&key.as_str())).map(|(t, _)| *t)
}

/// The distinct non-empty values of a column (trimmed) with how many rows
/// hold each, in text order.
pub fn distinct_values(table: &CsvTable, column: usize) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for row in &table.rows {
        if let Some(v) = row.fields.get(column).map(|f| f.trim()).filter(|v| !v.is_empty()) {
            *counts.entry(v).or_insert(0) += 1;
        }
    }
    counts.into_iter().map(|(v, n)| (v.to_string(), n)).collect()
}

/// Guesses the mapping from the header names and the values found. Each
/// target goes to the first column that names it; values with no known
/// meaning are left out for [`validate_mapping`] to report.
pub fn suggest_mapping(table: &CsvTable) -> Mapping {
    let mut columns = Vec::with_capacity(table.headers.len());
    for header in &table.headers {
        let target = lookup(HEADER_NAMES, header).unwrap_or(Target::Ignore);
        let taken = !target.allows_many() && columns.contains(&target);
        columns.push(if taken { Target::Ignore } else { target });
    }
    let mut mapping = Mapping {
        columns,
        channel_values: BTreeMap::new(),
        urgency_values: BTreeMap::new(),
        status_values: BTreeMap::new(),
        utc_offset_minutes: 0,
    };
    let values = |target: Target| mapping.column_of(target).map(|c| distinct_values(table, c)).unwrap_or_default();
    let channel_values =
        values(Target::Channel).into_iter().filter_map(|(v, _)| lookup(CHANNEL_NAMES, &v).map(|c| (v, c))).collect();
    let urgency_values =
        values(Target::Urgency).into_iter().filter_map(|(v, _)| lookup(URGENCY_NAMES, &v).map(|u| (v, u))).collect();
    let status_values =
        values(Target::Status).into_iter().filter_map(|(v, _)| lookup(STATUS_NAMES, &v).map(|s| (v, s))).collect();
    mapping.channel_values = channel_values;
    mapping.urgency_values = urgency_values;
    mapping.status_values = status_values;
    mapping
}

/// Something that keeps a mapping from being used. Each names the column
/// (by its header) and, for values, the value and how many rows hold it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum MappingProblem {
    /// The mapping does not have one target per column.
    ColumnCount {
        headers: usize,
        targets: usize,
    },
    /// A target every request needs has no column. `headers` lists the
    /// file's columns, to choose from.
    RequiredNotMapped {
        target: Target,
        headers: Vec<String>,
    },
    MappedTwice {
        target: Target,
        columns: Vec<String>,
    },
    /// A value of a status, priority or channel column with no meaning chosen.
    UnmappedValue {
        column: String,
        target: Target,
        value: String,
        rows: usize,
    },
    /// A time column in which no value reads as a time: probably the wrong column.
    NoReadableTimes {
        column: String,
        target: Target,
        example: String,
    },
    /// More than 18 hours from UTC.
    BadOffset {
        minutes: i32,
    },
}

impl fmt::Display for MappingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MappingProblem::ColumnCount { headers, targets } => {
                write!(f, "expected one choice per column ({headers} columns), found {targets}")
            }
            MappingProblem::RequiredNotMapped { target, headers } => write!(
                f,
                "no column is mapped to {}: expected one of the columns {} to hold it",
                target.key(),
                headers.iter().map(|h| format!("{h:?}")).collect::<Vec<_>>().join(", ")
            ),
            MappingProblem::MappedTwice { target, columns } => write!(
                f,
                "{} is mapped from several columns ({}): expected one",
                target.key(),
                columns.iter().map(|h| format!("{h:?}")).collect::<Vec<_>>().join(", ")
            ),
            MappingProblem::UnmappedValue { column, target, value, rows } => {
                let choices: Vec<&str> = match target {
                    Target::Channel => Channel::ALL.iter().map(|c| c.key()).collect(),
                    Target::Urgency => Urgency::ALL.iter().map(|u| u.key()).collect(),
                    _ => Status::ALL.iter().map(|s| s.key()).collect(),
                };
                write!(
                    f,
                    "column {column:?} ({}): the value {value:?} ({rows} row(s)) needs a meaning: expected one of {}",
                    target.key(),
                    choices.join(", ")
                )
            }
            MappingProblem::NoReadableTimes { column, target, example } => write!(
                f,
                "column {column:?} ({}): expected dates and times such as \"2023-06-01 12:15:36\", found {example:?}",
                target.key()
            ),
            MappingProblem::BadOffset { minutes } => {
                write!(f, "time zone: expected an offset from -1080 to +1080 minutes, found {minutes}")
            }
        }
    }
}

/// Everything that keeps `mapping` from importing `table`; `Ok` when the
/// import can run. A value not mapped, in any row, is reported here so that
/// no row is refused halfway through.
pub fn validate_mapping(table: &CsvTable, mapping: &Mapping) -> Result<(), Vec<MappingProblem>> {
    let mut problems = Vec::new();
    if mapping.columns.len() != table.headers.len() {
        problems.push(MappingProblem::ColumnCount { headers: table.headers.len(), targets: mapping.columns.len() });
    }
    if mapping.column_of(Target::Title).is_none() {
        problems.push(MappingProblem::RequiredNotMapped { target: Target::Title, headers: table.headers.clone() });
    }
    let header = |c: usize| table.headers.get(c).cloned().unwrap_or_else(|| format!("column {}", c + 1));
    for target in Target::ALL.into_iter().filter(|t| !t.allows_many()) {
        let cols: Vec<usize> =
            (0..mapping.columns.len()).filter(|c| mapping.columns.get(*c) == Some(&target)).collect();
        if cols.len() > 1 {
            problems.push(MappingProblem::MappedTwice { target, columns: cols.into_iter().map(header).collect() });
        }
    }
    for (c, target) in mapping.columns.iter().enumerate() {
        let known = |v: &str| match target {
            Target::Channel => mapping.channel_values.contains_key(v),
            Target::Urgency => mapping.urgency_values.contains_key(v),
            Target::Status => mapping.status_values.contains_key(v),
            _ => true,
        };
        if matches!(target, Target::Channel | Target::Urgency | Target::Status) {
            for (value, rows) in distinct_values(table, c) {
                if !known(&value) {
                    problems.push(MappingProblem::UnmappedValue { column: header(c), target: *target, value, rows });
                }
            }
        }
        if target.is_time() {
            let mut cells =
                table.rows.iter().filter_map(|r| r.fields.get(c)).map(|f| f.trim()).filter(|f| !f.is_empty());
            let first = cells.clone().next();
            if let Some(example) = first {
                if !cells.any(|cell| parse_time(cell, 0).is_some()) {
                    problems.push(MappingProblem::NoReadableTimes {
                        column: header(c),
                        target: *target,
                        example: example.to_string(),
                    });
                }
            }
        }
    }
    if !(-MAX_OFFSET_MINUTES..=MAX_OFFSET_MINUTES).contains(&mapping.utc_offset_minutes) {
        problems.push(MappingProblem::BadOffset { minutes: mapping.utc_offset_minutes });
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

const MAX_OFFSET_MINUTES: i32 = 18 * 60;

/// Reads a time: RFC 3339 with its offset ("2023-06-01T12:15:36+08:00",
/// "…Z", a space instead of T), or a time without a zone ("2023-06-01
/// 12:15:36", with T, without seconds, with slashes or 年月日), or a date
/// alone (midnight). Times without a zone are in `offset_minutes` east of UTC.
///
/// Read by hand rather than with chrono's format strings, which would bring
/// their whole parser into the browser build for these few shapes.
pub fn parse_time(text: &str, offset_minutes: i32) -> Option<Timestamp> {
    let mut c = Cursor(text.trim());
    let year = c.number(4, 4)?;
    let (month, day) = if c.eat('年') {
        let month = c.number(1, 2)?;
        c.eat('月').then_some(())?;
        let day = c.number(1, 2)?;
        c.eat('日').then_some(())?;
        (month, day)
    } else {
        let sep = if c.eat('-') {
            '-'
        } else if c.eat('/') {
            '/'
        } else {
            return None;
        };
        let month = c.number(1, 2)?;
        c.eat(sep).then_some(())?;
        (month, c.number(1, 2)?)
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    if c.is_empty() {
        let midnight = date.and_hms_opt(0, 0, 0)?;
        return midnight.checked_sub_signed(TimeDelta::minutes(i64::from(offset_minutes))).map(|t| t.and_utc());
    }
    if !(c.eat('T') || c.eat('t') || c.eat(' ')) {
        return None;
    }
    let hour = c.number(1, 2)?;
    c.eat(':').then_some(())?;
    let minute = c.number(2, 2)?;
    let (mut second, mut nanos) = (0, 0);
    if c.eat(':') {
        second = c.number(2, 2)?;
        if c.eat('.') {
            let digits = c.digits(9);
            if digits.is_empty() || c.0.starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            let value: u32 = digits.parse().ok()?;
            nanos = value * 10u32.pow(9 - digits.len() as u32);
        }
    }
    let naive = date.and_hms_nano_opt(hour, minute, second, nanos)?;
    // An offset in the text wins over the mapping's.
    let offset = if c.is_empty() {
        offset_minutes
    } else if c.eat('Z') || c.eat('z') {
        0
    } else {
        let sign = if c.eat('+') {
            1
        } else if c.eat('-') {
            -1
        } else {
            return None;
        };
        // "+08:00" or "+0800".
        let hours: u32 = Some(c.digits(2)).filter(|d| d.len() == 2)?.parse().ok()?;
        c.eat(':');
        let minutes = c.number(2, 2)?;
        if hours > 23 || minutes > 59 {
            return None;
        }
        sign * i32::try_from(hours * 60 + minutes).ok()?
    };
    if !c.is_empty() {
        return None;
    }
    naive.checked_sub_signed(TimeDelta::minutes(i64::from(offset))).map(|t| t.and_utc())
}

/// What is left of a text being read, front first. Only whole characters
/// are ever taken off, so Chinese or emoji text cannot make it panic.
struct Cursor<'t>(&'t str);

impl<'t> Cursor<'t> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn eat(&mut self, c: char) -> bool {
        match self.0.strip_prefix(c) {
            Some(rest) => {
                self.0 = rest;
                true
            }
            None => false,
        }
    }

    /// Up to `max` ASCII digits at the front (possibly none), taken off.
    fn digits(&mut self, max: usize) -> &'t str {
        let n = self.0.chars().take(max).take_while(|c| c.is_ascii_digit()).count();
        // `n` ASCII digits are `n` bytes, so this splits between characters.
        let (digits, rest) = self.0.split_at_checked(n).unwrap_or(("", self.0));
        self.0 = rest;
        digits
    }

    /// A number of `min` to `max` digits, not followed by another digit.
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let digits = self.digits(max);
        if digits.len() < min || self.0.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }
}

/// A UTC offset typed in hours ("8", "-5", "5.5", "+5.75") as whole
/// minutes east of UTC; none for anything else or beyond ±18 h.
pub fn offset_minutes_from_hours(text: &str) -> Option<i32> {
    let t = text.trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut c = Cursor(t);
    let hours = c.number(1, 2)?;
    let mut minutes = hours * 60;
    if c.eat('.') {
        let digits = c.digits(2);
        if digits.is_empty() || !c.is_empty() {
            return None;
        }
        let fraction: u32 = digits.parse().ok()?;
        let scale = if digits.len() == 1 { 10 } else { 100 };
        minutes += (fraction * 60 + scale / 2) / scale;
    }
    if !c.is_empty() {
        return None;
    }
    let minutes = i32::try_from(minutes).ok()?;
    let minutes = if negative { -minutes } else { minutes };
    (minutes.abs() <= MAX_OFFSET_MINUTES).then_some(minutes)
}

/// A rating from 1 to 5: "4" and "4.0" are 4.
fn parse_rating(text: &str) -> Result<u8, RowNote> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "0"));
    let (negative, digits) = match whole.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, whole.strip_prefix('+').unwrap_or(whole)),
    };
    let readable = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && !fraction.is_empty()
        && fraction.chars().all(|c| c.is_ascii_digit());
    if !readable {
        return Err(RowNote::UnreadableRating);
    }
    if fraction.chars().any(|c| c != '0') {
        return Err(RowNote::UnreadableRating);
    }
    match digits.trim_start_matches('0').parse::<u8>() {
        Ok(v @ 1..=5) if !negative => Ok(v),
        _ => Err(RowNote::RatingOutOfRange),
    }
}

/// Something about a row that was imported anyway.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowNote {
    /// The title was empty; the first line of the description stands in.
    TitleFromDescription,
    /// The title was longer than Baton allows and was cut.
    TitleShortened,
    /// A time in this column could not be read; it was left empty.
    UnreadableTime { column: String },
    /// The rating is not a whole number; the request is imported unrated.
    UnreadableRating,
    /// The rating is outside 1–5; the request is imported unrated.
    RatingOutOfRange,
    /// The row has more cells than the header has columns; the extra cells were ignored.
    ExtraCells,
    /// The row ends before this (mapped) column; its value is taken as empty.
    MissingCell { column: String },
}

impl RowNote {
    pub fn key(&self) -> &'static str {
        match self {
            RowNote::TitleFromDescription => "title_from_description",
            RowNote::TitleShortened => "title_shortened",
            RowNote::UnreadableTime { .. } => "unreadable_time",
            RowNote::UnreadableRating => "unreadable_rating",
            RowNote::RatingOutOfRange => "rating_out_of_range",
            RowNote::ExtraCells => "extra_cells",
            RowNote::MissingCell { .. } => "missing_cell",
        }
    }
}

/// Why a row was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    /// Every cell is empty.
    EmptyRow,
    /// Neither a title nor a description to make one from.
    NoTitle,
    /// The same external id as an earlier row: the ticket is in the file twice.
    DuplicateExternalId,
}

impl SkipReason {
    pub fn key(self) -> &'static str {
        match self {
            SkipReason::EmptyRow => "empty_row",
            SkipReason::NoTitle => "no_title",
            SkipReason::DuplicateExternalId => "duplicate_external_id",
        }
    }
}

/// What an import did, by row number ([`CsvRow::row`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub file_name: String,
    pub rows_read: usize,
    pub imported: usize,
    /// Imported requests carrying a data flag (left out of duration figures).
    pub flagged: BTreeMap<DataFlag, Vec<usize>>,
    /// Imported rows with a value dropped or replaced.
    pub notes: BTreeMap<RowNote, Vec<usize>>,
    pub skipped: BTreeMap<SkipReason, Vec<usize>>,
}

impl ImportReport {
    pub fn flagged_count(&self, flag: DataFlag) -> usize {
        self.flagged.get(&flag).map_or(0, Vec::len)
    }

    pub fn skipped_count(&self) -> usize {
        self.skipped.values().map(Vec::len).sum()
    }
}

/// Longest title made from a description, in characters.
const TITLE_FROM_DESCRIPTION_CHARS: usize = 80;

/// The first `max` characters of `text`, ending in "…" when cut.
fn cut(text: &str, max: usize) -> (String, bool) {
    if text.chars().count() <= max {
        return (text.to_string(), false);
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    (out, true)
}

/// Long text with Windows line ends made plain.
fn text_block(cell: &str) -> String {
    cell.trim().replace("\r\n", "\n")
}

fn split_tags(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split([',', ';', '，', '；', '、']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

/// Turns the rows of a table into requests, a slice at a time.
pub struct Importer {
    table: CsvTable,
    mapping: Mapping,
    next: usize,
    out: Vec<ImportedRequest>,
    report: ImportReport,
    seen_ids: HashSet<String>,
}

impl Importer {
    /// Checks the mapping with [`validate_mapping`] and gets ready.
    pub fn new(table: CsvTable, mapping: Mapping) -> Result<Importer, Vec<MappingProblem>> {
        validate_mapping(&table, &mapping)?;
        let report = ImportReport { file_name: table.file_name.clone(), ..ImportReport::default() };
        Ok(Importer {
            out: Vec::with_capacity(table.rows.len()),
            table,
            mapping,
            next: 0,
            report,
            seen_ids: HashSet::new(),
        })
    }

    /// Imports up to `max_rows` more rows (at least one); true once every
    /// row is done.
    pub fn step(&mut self, max_rows: usize) -> bool {
        let end = self.next.saturating_add(max_rows.max(1)).min(self.table.rows.len());
        while self.next < end {
            let Some(row) = self.table.rows.get(self.next) else {
                break;
            };
            self.next += 1;
            let n = row.row;
            let outcome = convert_row(&self.table, &self.mapping, &mut self.seen_ids, row);
            for note in outcome.notes {
                self.report.notes.entry(note).or_default().push(n);
            }
            match outcome.result {
                Ok(request) => {
                    for flag in &request.flags {
                        self.report.flagged.entry(*flag).or_default().push(n);
                    }
                    self.out.push(request);
                }
                Err(reason) => self.report.skipped.entry(reason).or_default().push(n),
            }
        }
        self.next >= self.table.rows.len()
    }

    /// Rows done and rows in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.next, self.table.rows.len())
    }

    /// The requests and the report; imports whatever rows are left first.
    pub fn finish(mut self) -> (Vec<ImportedRequest>, ImportReport) {
        while !self.step(usize::MAX) {}
        self.report.rows_read = self.table.rows.len();
        self.report.imported = self.out.len();
        (self.out, self.report)
    }
}

/// What became of one row: the request or why it was skipped, and the notes
/// about it either way.
struct RowOutcome {
    notes: Vec<RowNote>,
    result: Result<ImportedRequest, SkipReason>,
}

/// Builds the request of one row. `seen_ids` holds the external ids of the
/// rows before, to catch a ticket listed twice.
fn convert_row(table: &CsvTable, mapping: &Mapping, seen_ids: &mut HashSet<String>, row: &CsvRow) -> RowOutcome {
    let mut notes = Vec::new();
    let n = row.row;
    let width = table.headers.len();
    if row.fields.len() > width {
        notes.push(RowNote::ExtraCells);
    }
    for c in row.fields.len()..width {
        if mapping.columns.get(c).is_some_and(|t| *t != Target::Ignore) {
            if let Some(column) = table.headers.get(c) {
                notes.push(RowNote::MissingCell { column: column.clone() });
            }
        }
    }
    if row.fields.iter().all(|f| f.trim().is_empty()) {
        return RowOutcome { notes, result: Err(SkipReason::EmptyRow) };
    }
    let column_of = |target: Target| mapping.column_of(target);
    let cell = |target: Target| -> &str { column_of(target).and_then(|c| row.fields.get(c)).map_or("", |f| f.trim()) };
    let header = |target: Target| column_of(target).and_then(|c| table.headers.get(c)).cloned().unwrap_or_default();

    let external_id = cell(Target::ExternalId);
    if !external_id.is_empty() && !seen_ids.insert(external_id.to_string()) {
        return RowOutcome { notes, result: Err(SkipReason::DuplicateExternalId) };
    }

    let description = text_block(cell(Target::Description));
    let mut title = cell(Target::Title).to_string();
    if title.is_empty() {
        let first_line = description.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        if first_line.is_empty() {
            return RowOutcome { notes, result: Err(SkipReason::NoTitle) };
        }
        title = cut(first_line, TITLE_FROM_DESCRIPTION_CHARS).0;
        notes.push(RowNote::TitleFromDescription);
    }
    let (title, shortened) = cut(&title, MAX_TITLE_CHARS);
    if shortened {
        notes.push(RowNote::TitleShortened);
    }

    // Every value was checked against the value maps by validate_mapping,
    // so a lookup only misses on an empty cell.
    let channel = mapping.channel_values.get(cell(Target::Channel)).copied().unwrap_or(Channel::Other);
    let urgency = mapping.urgency_values.get(cell(Target::Urgency)).copied().unwrap_or(Urgency::Medium);
    let given_status = mapping.status_values.get(cell(Target::Status)).copied();

    let mut time = |target: Target| {
        let text = cell(target);
        if text.is_empty() {
            return None;
        }
        let t = parse_time(text, mapping.utc_offset_minutes);
        if t.is_none() {
            notes.push(RowNote::UnreadableTime { column: header(target) });
        }
        t
    };
    let created_at = time(Target::CreatedAt);
    let first_response_at = time(Target::FirstResponseAt);
    let resolved_at = time(Target::ResolvedAt);
    let closed_at = time(Target::ClosedAt);

    let rating = cell(Target::Satisfaction);
    let satisfaction =
        if rating.is_empty() { None } else { parse_rating(rating).map_err(|note| notes.push(note)).ok() };

    let status = match given_status {
        Some(Status::New) if first_response_at.is_some() => Status::InProgress,
        Some(s) => s,
        None if closed_at.is_some() => Status::Closed,
        None if resolved_at.is_some() => Status::Resolved,
        None if first_response_at.is_some() => Status::InProgress,
        None => Status::New,
    };

    let mut flags = Vec::new();
    if let (Some(first), Some(resolved)) = (first_response_at, resolved_at) {
        if resolved < first {
            flags.push(DataFlag::ResolvedBeforeFirstResponse);
        }
    }
    if let Some(created) = created_at {
        if [first_response_at, resolved_at, closed_at].into_iter().flatten().any(|t| t < created) {
            flags.push(DataFlag::EndsBeforeCreated);
        }
    }

    let tags = mapping
        .columns
        .iter()
        .zip(&row.fields)
        .filter(|(t, _)| **t == Target::Tags)
        .flat_map(|(_, f)| split_tags(f))
        .collect();

    let source = if external_id.is_empty() {
        format!("{} row {n}", table.file_name)
    } else {
        format!("{} row {n} ({} {external_id})", table.file_name, header(Target::ExternalId))
    };

    let request = ImportedRequest {
        fields: NewRequest {
            title,
            description,
            customer: Customer {
                name: cell(Target::CustomerName).to_string(),
                contact: cell(Target::CustomerContact).to_string(),
            },
            channel,
            category: cell(Target::Category).to_string(),
            urgency,
            tags,
            preferences: text_block(cell(Target::Preferences)),
            owner: None,
        },
        status,
        created_at,
        first_response_at,
        resolved_at,
        closed_at,
        resolution: text_block(cell(Target::Resolution)),
        satisfaction,
        flags,
        source,
    };
    RowOutcome { notes, result: Ok(request) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ts;

    #[test]
    fn times() {
        // (text, offset in minutes, expected instant in UTC)
        let cases: &[(&str, i32, Option<&str>)] = &[
            ("2023-06-01 12:15:36", 0, Some("2023-06-01T12:15:36Z")),
            ("2023-06-01T12:15:36", 0, Some("2023-06-01T12:15:36Z")),
            ("2023-06-01 12:15", 0, Some("2023-06-01T12:15:00Z")),
            ("2023-06-01T12:15", 0, Some("2023-06-01T12:15:00Z")),
            ("2023-06-01 12:15:36.250", 0, Some("2023-06-01T12:15:36.250Z")),
            // Beijing time is 8 hours ahead of UTC.
            ("2023-06-01 12:15:36", 480, Some("2023-06-01T04:15:36Z")),
            ("2023-06-01 02:00", 480, Some("2023-05-31T18:00:00Z")),
            ("2023-06-01", 480, Some("2023-05-31T16:00:00Z")),
            ("2023/06/01 08:00", -300, Some("2023-06-01T13:00:00Z")),
            ("2023年6月1日", 0, Some("2023-06-01T00:00:00Z")),
            ("2023年6月1日 09:30", 0, Some("2023-06-01T09:30:00Z")),
            // An offset in the text wins over the mapping's.
            ("2023-06-01T12:15:36+08:00", 0, Some("2023-06-01T04:15:36Z")),
            ("2023-06-01T12:15:36Z", 480, Some("2023-06-01T12:15:36Z")),
            ("2023-06-01 12:15:36+08:00", 0, Some("2023-06-01T04:15:36Z")),
            ("2023-06-01T12:15:36+0800", 0, Some("2023-06-01T04:15:36Z")),
            ("  2023-06-01 12:15:36  ", 0, Some("2023-06-01T12:15:36Z")),
            ("yesterday", 0, None),
            ("2023-13-01", 0, None),
            ("2023-02-30 10:00", 0, None),
            ("01/06/2023", 0, None),
            ("", 0, None),
        ];
        for (text, offset, expected) in cases {
            assert_eq!(parse_time(text, *offset), expected.map(ts), "{text:?} at {offset}");
        }
    }

    #[test]
    fn unclosed_quotes() {
        let cases: &[(&str, Option<u64>)] = &[
            ("a,b\n1,\"x\"\n", None),
            ("a,b\n1,\"two\nlines\"\n2,y\n", None),
            ("a,b\n1,\"say \"\"hi\"\"\"\n", None),
            ("a,b\n1,5\" screen\n", None),
            ("a,b\r\n1,\"Unclosed,d\r\n2,Next\r\n", Some(2)),
            ("a,b\n1,ok\n2,ok\n3,\"open \"\"still\n", Some(4)),
        ];
        for (text, expected) in cases {
            assert_eq!(unclosed_quote(text, b','), *expected, "{text:?}");
        }
        assert_eq!(
            read_csv("t.csv", "Subject,Body\r\n1,\"Unclosed,d\r\n2,Next\r\n").err(),
            Some(CsvError::UnclosedQuote { file: "t.csv".into(), line: 2 })
        );
    }

    #[test]
    fn offsets_in_hours() {
        let cases: &[(&str, Option<i32>)] = &[
            ("8", Some(480)),
            ("+8", Some(480)),
            ("-5", Some(-300)),
            ("5.5", Some(330)),
            ("5.75", Some(345)),
            ("-3.5", Some(-210)),
            (" 0 ", Some(0)),
            ("18", Some(1080)),
            ("18.5", None),
            ("19", None),
            ("8.", None),
            ("eight", None),
            ("八", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(offset_minutes_from_hours(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn ratings() {
        let cases: &[(&str, Result<u8, RowNote>)] = &[
            ("1", Ok(1)),
            ("3.0", Ok(3)),
            ("5", Ok(5)),
            (" 4 ", Err(RowNote::UnreadableRating)),
            ("0", Err(RowNote::RatingOutOfRange)),
            ("6.0", Err(RowNote::RatingOutOfRange)),
            ("-2", Err(RowNote::RatingOutOfRange)),
            ("3.5", Err(RowNote::UnreadableRating)),
            ("NaN", Err(RowNote::UnreadableRating)),
            ("inf", Err(RowNote::UnreadableRating)),
            ("很好", Err(RowNote::UnreadableRating)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_rating(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn header_names() {
        let cases: &[(&str, Target)] = &[
            ("Ticket Subject", Target::Title),
            ("标题", Target::Title),
            ("ticket_priority", Target::Urgency),
            ("优先级", Target::Urgency),
            (" Ticket Channel ", Target::Channel),
            ("渠道", Target::Channel),
            ("TICKET STATUS", Target::Status),
            ("状态", Target::Status),
            ("Customer Satisfaction Rating", Target::Satisfaction),
            ("满意度", Target::Satisfaction),
            ("Ticket Type", Target::Category),
            ("Customer Email", Target::CustomerContact),
            ("Product Purchased", Target::Tags),
            ("First Response Time", Target::FirstResponseAt),
            ("Time to Resolution", Target::ResolvedAt),
            ("Resolution", Target::Resolution),
            ("创建时间", Target::CreatedAt),
            ("Customer Age", Target::Ignore),
            ("Date of Purchase", Target::Ignore),
        ];
        for (header, expected) in cases {
            assert_eq!(lookup(HEADER_NAMES, header).unwrap_or(Target::Ignore), *expected, "{header:?}");
        }
    }

    #[test]
    fn value_names() {
        assert_eq!(lookup(STATUS_NAMES, "Pending Customer Response"), Some(Status::WaitingForCustomer));
        assert_eq!(lookup(STATUS_NAMES, "Open"), Some(Status::New));
        assert_eq!(lookup(STATUS_NAMES, "已关闭"), Some(Status::Closed));
        assert_eq!(lookup(CHANNEL_NAMES, "Social media"), Some(Channel::Social));
        assert_eq!(lookup(CHANNEL_NAMES, "电话"), Some(Channel::Phone));
        assert_eq!(lookup(CHANNEL_NAMES, "邮件"), Some(Channel::Email));
        assert_eq!(lookup(URGENCY_NAMES, "Critical"), Some(Urgency::Critical));
        assert_eq!(lookup(URGENCY_NAMES, "高"), Some(Urgency::High));
        assert_eq!(lookup(URGENCY_NAMES, "紧急"), Some(Urgency::Critical));
        assert_eq!(lookup(URGENCY_NAMES, "whenever"), None);
    }

    #[test]
    fn every_name_is_unique() {
        // A name listed under two targets would silently take the first.
        fn check<T: fmt::Debug>(table: &[(T, &[&str])]) {
            let mut seen = HashSet::new();
            for (t, names) in table {
                for name in *names {
                    assert_eq!(normalise(name), *name, "{name} is not normalised");
                    assert!(seen.insert(*name), "{name} is listed twice (again under {t:?})");
                }
            }
        }
        check(HEADER_NAMES);
        check(CHANNEL_NAMES);
        check(URGENCY_NAMES);
        check(STATUS_NAMES);
    }

    #[test]
    fn cutting_is_character_safe() {
        let cases: &[(&str, usize, &str, bool)] = &[
            ("abc", 3, "abc", false),
            ("abcd", 3, "ab…", true),
            ("打印机卡纸了", 4, "打印机…", true),
            ("🖨️🖨️🖨️", 2, "🖨…", true),
        ];
        for (text, max, expected, was_cut) in cases {
            assert_eq!(cut(text, *max), (expected.to_string(), *was_cut), "{text:?}");
        }
    }

    #[test]
    fn separators() {
        let cases: &[(&str, u8)] =
            &[("a,b,c\n1,2,3", b','), ("a;b;c\n1;2;3", b';'), ("a\tb\n1\t2", b'\t'), ("a\n1", b','), ("a;b,c,d", b',')];
        for (text, expected) in cases {
            assert_eq!(separator(text), *expected, "{text:?}");
        }
    }
}
