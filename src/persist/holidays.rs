//! Reading holiday dates: a simple CSV (or one date per line) whose first
//! column is a date, optionally with a header row and further columns such
//! as the holiday's name.
//!
//! ```
//! use baton::persist::holidays::parse_dates;
//! let dates = parse_dates("holidays.csv", "date,name\n2026-10-01,国庆节\n2026/10/02,国庆节\n").unwrap();
//! assert_eq!(dates.len(), 2);
//! ```

use std::collections::BTreeSet;

use chrono::NaiveDate;

/// Why a holiday list could not be read: which file, which line, what was
/// expected and what was found. Nothing is taken from a file with an error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: line {line}: expected a date like 2026-10-01, found {found:?}")]
pub struct HolidayError {
    pub file: String,
    pub line: usize,
    pub found: String,
}

/// Reads "2026-10-01", "2026/10/01" or "2026年10月1日".
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim().trim_matches('"').trim();
    let t = t.strip_prefix('\u{feff}').unwrap_or(t);
    if let Some(rest) = t.strip_suffix('日') {
        let (y, rest) = rest.split_once('年')?;
        let (m, d) = rest.split_once('月')?;
        return NaiveDate::from_ymd_opt(y.trim().parse().ok()?, m.trim().parse().ok()?, d.trim().parse().ok()?);
    }
    let sep = if t.contains('/') { '/' } else { '-' };
    let mut parts = t.split(sep);
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// The dates of a holiday file. The first line may be a header (it is
/// skipped when its first cell is not a date); blank lines are skipped;
/// every other line must start with a date.
pub fn parse_dates(file: &str, text: &str) -> Result<BTreeSet<NaiveDate>, HolidayError> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let first = line.split([',', ';', '\t']).next().unwrap_or("");
        if first.trim().is_empty() {
            continue;
        }
        match parse_date(first) {
            Some(d) => {
                out.insert(d);
            }
            None if i == 0 => {}
            None => {
                return Err(HolidayError { file: file.to_string(), line: i + 1, found: first.trim().to_string() });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn dates() {
        let cases = [
            ("2026-10-01", Some(d(2026, 10, 1))),
            (" 2026/10/2 ", Some(d(2026, 10, 2))),
            ("2026年10月3日", Some(d(2026, 10, 3))),
            ("\"2026-01-01\"", Some(d(2026, 1, 1))),
            ("2026-02-30", None),
            ("26-10-01", None),
            ("2026-10-01-01", None),
            ("国庆节", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_date(text), expected, "{text:?}");
        }
    }

    #[test]
    fn files() {
        let ok = "\u{feff}日期,名称\r\n2026-10-01,国庆节 🎉\r\n\r\n2026-10-02;x\n2026-10-01\n";
        assert_eq!(parse_dates("h.csv", ok), Ok([d(2026, 10, 1), d(2026, 10, 2)].into_iter().collect()));
        // Without a header.
        assert_eq!(
            parse_dates("h.txt", "2026-05-01\n2026-05-04"),
            Ok([d(2026, 5, 1), d(2026, 5, 4)].into_iter().collect())
        );
        let bad = parse_dates("h.csv", "date\n2026-10-01\n10/01/2026,National Day\n");
        assert_eq!(bad, Err(HolidayError { file: "h.csv".into(), line: 3, found: "10/01/2026".into() }));
        assert_eq!(
            bad.map_err(|e| e.to_string()),
            Err("h.csv: line 3: expected a date like 2026-10-01, found \"10/01/2026\"".to_string())
        );
    }
}
