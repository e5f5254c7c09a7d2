//! Response forms and result files for maturity rounds.
//!
//! A round can be answered by file: the facilitator exports a blank form
//! (`baton.maturity-response`, version 1), each respondent fills in the
//! `answers` object, and the filled forms are imported back. Answers are
//! written as people count: a level 1–5 for a scale question, an option
//! number from 1 for a choice question, a list of option numbers from 1 for
//! a checkbox question (an empty list means "none of these"). Questions left
//! out, or answered `null`, are unanswered.
//!
//! ```
//! use baton::domain::maturity::*;
//! use baton::domain::{ts, Id};
//! use baton::persist::maturity_forms::{blank_form, read_form};
//! let model = collaboration_model();
//! let spec = RoundSpec::new(TeamRef { id: Id::from_u128(7), name: "Desk A".into() }, "2026 Q4");
//! let round = Round::new(Id::from_u128(10), &model, spec, ts("2026-12-01T09:00:00Z")).unwrap();
//! let form = blank_form(&round, &model, Lang::En);
//! let filled = form.replace("\"answers\": {}", "\"answers\": {\"roles.1\": 4}").replace("\"respondent\": \"\"", "\"respondent\": \"Ana\"");
//! let response = read_form("ana.json", &filled, &round, &model)?;
//! assert_eq!(response.answers.get("roles.1"), Some(&Answer::Level(4)));
//! # Ok::<(), baton::persist::maturity_forms::FormError>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{json, Value};

use crate::domain::maturity::{Answer, Lang, MaturityModel, NewResponse, QuestionKind, Round, RoundResult};
use crate::persist::json_read::{parse_document, At, JsonError, JsonErrorKind};

/// The `format` of a response form.
pub const FORM_FORMAT: &str = "baton.maturity-response";
pub const FORM_VERSION: u64 = 1;

/// Why a filled form was refused: which file, and where in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError {
    pub file: String,
    pub error: JsonError,
}

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.error)
    }
}

impl std::error::Error for FormError {}

/// The blank form of a round, in `lang`, ready for one respondent.
pub fn blank_form(round: &Round, model: &MaturityModel, lang: Lang) -> String {
    let questions: Vec<Value> = model
        .dimensions
        .iter()
        .flat_map(|d| d.questions.iter().map(move |q| (d, q)))
        .map(|(d, q)| {
            let mut v = json!({
                "key": q.key,
                "dimension": d.name.get(lang),
                "text": q.text.get(lang),
            });
            match &q.kind {
                QuestionKind::Scale { levels } => {
                    let choices: Vec<String> =
                        levels.iter().enumerate().map(|(i, t)| format!("{}: {}", i + 1, t.get(lang))).collect();
                    v["answer_with"] = json!("a level from 1 to 5");
                    v["levels"] = json!(choices);
                }
                QuestionKind::Choice { options } => {
                    let choices: Vec<String> =
                        options.iter().enumerate().map(|(i, o)| format!("{}: {}", i + 1, o.text.get(lang))).collect();
                    v["answer_with"] = json!("one option number");
                    v["options"] = json!(choices);
                }
                QuestionKind::Checkbox { options } => {
                    let choices: Vec<String> =
                        options.iter().enumerate().map(|(i, o)| format!("{}: {}", i + 1, o.text.get(lang))).collect();
                    v["answer_with"] = json!("a list of option numbers, [] for none");
                    v["options"] = json!(choices);
                }
            }
            v
        })
        .collect();
    let form = json!({
        "format": FORM_FORMAT,
        "version": FORM_VERSION,
        "round": round.id(),
        "model": round.model(),
        "model_version": round.model_version(),
        "team": round.team().name,
        "period": round.period(),
        "anonymous": round.is_anonymous(),
        "respondent": if round.is_anonymous() { Value::Null } else { json!("") },
        "questions": questions,
        "answers": {},
    });
    let mut text = serde_json::to_string_pretty(&form).unwrap_or_default();
    text.push('\n');
    text
}

fn invalid(at: &At, expected: impl Into<String>) -> JsonError {
    at.invalid(JsonErrorKind::Invalid, expected)
}

/// Reads a filled form for `round`: the header must name this round and
/// its model version; every answer must fit its question. Nothing is taken
/// from a form with an error.
pub fn read_form(file: &str, text: &str, round: &Round, model: &MaturityModel) -> Result<NewResponse, FormError> {
    read(text, round, model).map_err(|error| FormError { file: file.to_string(), error })
}

fn read(text: &str, round: &Round, model: &MaturityModel) -> Result<NewResponse, JsonError> {
    let root = parse_document(text, "a Baton response form (JSON)")?;
    let at = At::root(&root);
    let doc = at.object("a Baton response form (a JSON object)")?;
    let format = doc.require("format", &format!("\"{FORM_FORMAT}\""))?;
    if format.string("text")? != FORM_FORMAT {
        return Err(invalid(&format, format!("\"{FORM_FORMAT}\"")));
    }
    let version = doc.require("version", "a format version number")?;
    if version.whole("a whole number")? != FORM_VERSION {
        return Err(invalid(&version, format!("version {FORM_VERSION}")));
    }
    let round_at = doc.require("round", "the id of the round")?;
    if round_at.string("the id of the round")? != round.id().to_string() {
        return Err(round_at.error(
            JsonErrorKind::Invalid,
            format!("a form of this round ({} {})", round.team().name, round.period()),
            format!("a form of another round ({})", round_at.string("text")?),
        ));
    }
    let v = doc.require("model_version", "the model version")?;
    if v.whole("a whole number")? != u64::from(round.model_version()) {
        return Err(invalid(&v, format!("version {} of the model, the one this round answers", round.model_version())));
    }
    let respondent = match doc.get("respondent")? {
        None => None,
        Some(r) => match r.node {
            crate::persist::json_read::Node::Null => None,
            _ => Some(r.string("the respondent's name, or null")?.trim().to_string()).filter(|s| !s.is_empty()),
        },
    };
    let answers_at = doc.require("answers", "an object of answers by question key")?;
    let answers_obj = answers_at.object("an object of answers by question key")?;
    let mut answers = BTreeMap::new();
    for (key, value) in answers_obj.entries() {
        let Some((_, question)) = model.question(key) else {
            return Err(value.error(
                JsonErrorKind::UnknownField,
                "the key of a question of this model",
                format!("an unknown question {key:?}"),
            ));
        };
        if matches!(value.node, crate::persist::json_read::Node::Null) {
            continue;
        }
        let answer = match &question.kind {
            QuestionKind::Scale { .. } => {
                let n = value.whole("a level from 1 to 5")?;
                if !(1..=5).contains(&n) {
                    return Err(invalid(&value, "a level from 1 to 5"));
                }
                Answer::Level(n as u8)
            }
            QuestionKind::Choice { options } => {
                let n = option_number(&value, options.len())?;
                Answer::Option(n)
            }
            QuestionKind::Checkbox { options } => {
                let mut ticked = Vec::new();
                for item in value.array("a list of option numbers")? {
                    let n = option_number(&item, options.len())?;
                    if ticked.contains(&n) {
                        return Err(invalid(&item, "each option once"));
                    }
                    ticked.push(n);
                }
                ticked.sort_unstable();
                Answer::Checked(ticked)
            }
        };
        answers.insert(key.to_string(), answer);
    }
    Ok(NewResponse { respondent, answers })
}

/// An option number from 1 to `count`, as index from 0.
fn option_number(at: &At, count: usize) -> Result<usize, JsonError> {
    let expected = format!("an option number from 1 to {count}");
    let n = at.whole(&expected)?;
    match usize::try_from(n) {
        Ok(n) if (1..=count).contains(&n) => Ok(n - 1),
        _ => Err(invalid(at, expected)),
    }
}

fn round2(v: Option<f64>) -> Value {
    v.map(|x| json!((x * 100.0).round() / 100.0)).unwrap_or(Value::Null)
}

/// A round's results as JSON: per dimension and question, with counts.
pub fn results_json(result: &RoundResult, model: &MaturityModel, lang: Lang) -> String {
    let dims: Vec<Value> = result
        .dimensions
        .iter()
        .map(|d| {
            json!({
                "key": d.key,
                "name": d.name.get(lang),
                "mean": round2(d.mean),
                "spread_sd": round2(d.spread.map(|s| s.sd)),
                "min": round2(d.spread.map(|s| s.min)),
                "max": round2(d.spread.map(|s| s.max)),
                "answered": d.answered,
                "asked": d.asked,
                "questions": d.questions.iter().map(|q| json!({
                    "key": q.key,
                    "text": model.question(&q.key).map(|(_, x)| x.text.get(lang).to_string()).unwrap_or_default(),
                    "mean": round2(q.mean),
                    "min": round2(q.min),
                    "max": round2(q.max),
                    "answered": q.answered,
                    "asked": q.asked,
                    "disagreement": q.disagreement,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({
        "format": "baton.maturity-results",
        "version": 1,
        "model": model.name.get(lang),
        "model_version": result.model_version,
        "team": result.team.name,
        "period": result.period,
        "anonymous": result.anonymous,
        "responses": result.responses,
        "overall": {
            "mean": round2(result.overall.mean),
            "level": result.overall.level.map(|l| l.number()),
            "scored": result.overall.scored,
            "dimensions": result.overall.dimensions,
        },
        "dimensions": dims,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// A round's results as CSV: one row per dimension, then one per question.
pub fn results_csv(result: &RoundResult, model: &MaturityModel, lang: Lang) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let num = |v: Option<f64>| v.map(|x| format!("{:.2}", (x * 100.0).round() / 100.0)).unwrap_or_default();
    let _ = w.write_record([
        "level",
        "dimension",
        "question",
        "text",
        "mean",
        "sd",
        "min",
        "max",
        "answered",
        "asked",
        "disagreement",
    ]);
    for d in &result.dimensions {
        let _ = w.write_record([
            "dimension",
            &d.key,
            "",
            d.name.get(lang),
            &num(d.mean),
            &num(d.spread.map(|s| s.sd)),
            &num(d.spread.map(|s| s.min)),
            &num(d.spread.map(|s| s.max)),
            &d.answered.to_string(),
            &d.asked.to_string(),
            "",
        ]);
        for q in &d.questions {
            let text = model.question(&q.key).map(|(_, x)| x.text.get(lang).to_string()).unwrap_or_default();
            let _ = w.write_record([
                "question",
                &d.key,
                &q.key,
                &text,
                &num(q.mean),
                "",
                &num(q.min),
                &num(q.max),
                &q.answered.to_string(),
                &q.asked.to_string(),
                if q.disagreement { "yes" } else { "no" },
            ]);
        }
    }
    let _ = w.write_record([
        "overall",
        "",
        "",
        model.name.get(lang),
        &num(result.overall.mean),
        "",
        "",
        "",
        &result.overall.scored.to_string(),
        &result.overall.dimensions.to_string(),
        "",
    ]);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::maturity::{collaboration_model, RoundSpec, TeamRef};
    use crate::domain::{ts, Id};

    fn round(anonymous: bool) -> (Round, MaturityModel) {
        let model = collaboration_model();
        let mut spec = RoundSpec::new(TeamRef { id: Id::from_u128(7), name: "Desk A".into() }, "2026 Q4");
        if anonymous {
            spec = spec.anonymous();
        }
        (Round::new(Id::from_u128(10), &model, spec, ts("2026-12-01T09:00:00Z")).expect("round"), model)
    }

    fn filled(answers: &str, respondent: &str) -> String {
        let (r, m) = round(false);
        blank_form(&r, &m, Lang::Zh)
            .replace("\"answers\": {}", &format!("\"answers\": {answers}"))
            .replace("\"respondent\": \"\"", &format!("\"respondent\": {respondent}"))
    }

    #[test]
    fn blank_forms_name_their_round_and_questions() {
        let (r, m) = round(false);
        let v: Value = serde_json::from_str(&blank_form(&r, &m, Lang::Zh)).expect("json");
        assert_eq!(v["round"], json!(Id::from_u128(10)));
        assert_eq!(v["questions"].as_array().map(Vec::len), Some(m.question_count()));
        assert_eq!(v["questions"][0]["key"], json!("roles.1"));
        assert!(v["questions"][0]["levels"][0].as_str().is_some_and(|l| l.starts_with("1: ")));
        let (anon, m) = round(true);
        let v: Value = serde_json::from_str(&blank_form(&anon, &m, Lang::En)).expect("json");
        assert_eq!(v["respondent"], Value::Null);
    }

    /// (case, answers object, respondent, expected error text)
    #[test]
    fn filled_forms() {
        let (r, m) = round(false);
        let ok =
            read_form("a.json", &filled("{\"roles.1\": 4, \"roles.2\": null}", "\"王芳 🌟\""), &r, &m).expect("read");
        assert_eq!(ok.respondent.as_deref(), Some("王芳 🌟"));
        assert_eq!(ok.answers.len(), 1);
        let cases = [
            ("level 6", "{\"roles.1\": 6}", "at answers.roles.1: expected a level from 1 to 5, found the number 6"),
            ("level as text", "{\"roles.1\": \"4\"}", "at answers.roles.1: expected a level from 1 to 5, found text \"4\""),
            ("unknown question", "{\"roles.99\": 3}", "at answers.roles.99: expected the key of a question of this model, found an unknown question \"roles.99\""),
            ("not an object", "[3]", "at answers: expected an object of answers by question key, found a list of 1 item"),
        ];
        for (case, answers, expected) in cases {
            let e = read_form("b.json", &filled(answers, "\"Bo\""), &r, &m).expect_err(case);
            assert_eq!(e.to_string(), format!("b.json: {expected}"), "{case}");
        }
        let other = filled("{}", "\"Bo\"").replace(&Id::from_u128(10).to_string(), &Id::from_u128(11).to_string());
        let e = read_form("c.json", &other, &r, &m).expect_err("other round");
        assert!(e.to_string().starts_with("c.json: at round: expected a form of this round (Desk A 2026 Q4)"), "{e}");
        assert!(read_form("d.json", "not json", &r, &m).is_err());
    }

    #[test]
    fn result_files() {
        let (mut r, m) = round(false);
        for (n, name, level) in [(1, "A", 2u8), (2, "B", 4), (3, "C", 3)] {
            let answers = [("roles.1".to_string(), Answer::Level(level))].into();
            r.add_response(
                &m,
                Id::from_u128(100 + n),
                NewResponse { respondent: Some(name.into()), answers },
                ts("2026-12-01T10:00:00Z"),
            )
            .expect("response");
        }
        let result = r.results(&m).expect("results");
        let json: Value = serde_json::from_str(&results_json(&result, &m, Lang::En)).expect("json");
        assert_eq!(json["dimensions"][0]["mean"], json!(3.0));
        assert_eq!(json["dimensions"][0]["questions"][0]["disagreement"], json!(true));
        assert_eq!(json["responses"], json!(3));
        let csv = results_csv(&result, &m, Lang::En);
        let second = csv.lines().nth(1).unwrap_or_default();
        assert!(second.starts_with("dimension,roles,,"), "{second}");
        assert!(second.contains(",3.00,0.82,2.00,4.00,3,"), "{second}");
    }
}
