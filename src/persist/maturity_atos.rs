//! Importer for questionnaires in the format of the Atos DevOps Maturity
//! Assessment (`questions.json`): a list of sections, each with a
//! `SectionName`, an optional `SpiderPos` (its place on the radar chart) and
//! `Questions` of three types:
//!
//! - `"Option"`: pick one of the `Answers`, each with a `Score`. Without
//!   `Answers` the question uses the questionnaire's standard scale,
//!   [`STANDARD_SCALE`]: Yes (1) / No (0). Every such question in the
//!   published file is a closed yes/no question ("Does the team …?", "Is
//!   there …?"), and the explicit lists score the full "Yes" 1 and "No" 0,
//!   so a two-answer Yes/No scale is what the file implies; the original
//!   tool adds exactly these two answers.
//! - `"Checkbox"`: tick any of the `Answers`; the score is the sum of the
//!   ticked answers' scores. `Answers` are required.
//! - `"Banner"`: a text shown between questions; it carries no score and is
//!   skipped.
//!
//! Sections become dimensions (keys `s2`, `s3`, … by their place in the
//! file), questions become choice and checkbox questions (keys `s2.q1`, …,
//! numbered as in the file, banners included, as the original tool numbers
//! them). Dimensions follow `SpiderPos`, the radar order of the original
//! tool; sections without one come after, and equal positions keep the
//! file order. HTML markup in texts becomes plain text; it is never kept as
//! markup. Repeated `"//"` comment keys are all read and kept in the
//! model's `source`.
//!
//! Whatever Baton cannot represent is named in the [`AtosReport`]: banners,
//! sections with nothing to score, sub-categories, markup removed, answers
//! sharing a score, fields the importer does not know, and the different
//! weighting of scores.
//!
//! ```
//! use baton::domain::Id;
//! use baton::persist::maturity_atos::import_atos;
//! let text = r#"[{"SectionName": "Flow", "SpiderPos": 1, "Questions": [
//!     {"Type": "Option", "QuestionText": "Is work <b>visible</b>?"}]}]"#;
//! let import = import_atos("flow.json", text, Id::from_u128(1))?;
//! assert_eq!(import.model.dimensions[0].questions[0].text.en, "Is work visible?");
//! assert_eq!(import.report.standard_scale, 1);
//! # Ok::<(), baton::persist::maturity_atos::AtosError>(())
//! ```

use std::fmt;

use super::json_read::{parse_document, shortened, At, JsonError, JsonErrorKind, Obj};
use super::markup::plain_text;
use crate::domain::maturity::{Dimension, MaturityModel, Question, QuestionKind, ScoredOption, Text};
use crate::domain::Id;

/// The answers of an `"Option"` question that has no `Answers` list.
pub const STANDARD_SCALE: [(&str, f64); 2] = [("Yes", 1.0), ("No", 0.0)];

const SECTION_FIELDS: [&str; 4] = ["//", "SectionName", "SpiderPos", "Questions"];
const QUESTION_FIELDS: [&str; 5] = ["//", "Type", "QuestionText", "Answers", "SubCategory"];
const ANSWER_FIELDS: [&str; 3] = ["//", "Answer", "Score"];

/// A questionnaire read into a model, with what the reading had to leave out
/// or change.
#[derive(Debug, Clone, PartialEq)]
pub struct AtosImport {
    pub model: MaturityModel,
    pub report: AtosReport,
}

/// Counts of what was in the file and what became of it, and the notes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AtosReport {
    /// Sections in the file.
    pub sections: usize,
    /// Question entries in the file, banners included.
    pub entries: usize,
    /// Questions in the model.
    pub imported: usize,
    pub choice: usize,
    pub checkbox: usize,
    /// Choice questions that use [`STANDARD_SCALE`].
    pub standard_scale: usize,
    pub banners: usize,
    pub notes: Vec<AtosNote>,
}

/// Something the import left out or changed, by name. (Not an error:
/// thiserror only writes the messages.)
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AtosNote {
    #[error("section {section}: banner {question} skipped: banners carry no score ({text:?})")]
    BannerSkipped { section: String, question: usize, text: String },
    #[error("section {section}: not imported as a dimension: it has no question to score")]
    NothingToScore { section: String },
    #[error("{place}: HTML markup in the {field} turned into plain text")]
    MarkupRemoved { place: String, field: String },
    #[error(
        "section {section}: {} no answers; the standard scale Yes (1) / No (0) is used",
        questions_have(.questions)
    )]
    StandardScale { section: String, questions: Vec<usize> },
    #[error("section {section}: sub-categories not kept ({}): Baton models have no sub-categories", .names.join(", "))]
    SubCategories { section: String, names: Vec<String> },
    #[error("section {section}, question {question}: answers {} all score {score}; kept as in the file", .answers.join(" / "))]
    SameScore { section: String, question: usize, answers: Vec<String>, score: f64 },
    #[error("{place}: field {field:?} is not part of the format and was ignored")]
    UnknownField { place: String, field: String },
    #[error("{count} comment(s) (\"//\") kept in the model's source")]
    CommentsKept { count: usize },
    #[error("dimensions follow SpiderPos, the radar order of the original tool: {}", .order.join(", "))]
    Reordered { order: Vec<String> },
    #[error("SpiderPos {position} is shared by {}; they keep their order in the file", .sections.join(" and "))]
    SharedSpiderPos { position: u64, sections: Vec<String> },
    #[error("section {section}: no SpiderPos; placed after the sections that have one")]
    NoSpiderPos { section: String },
    #[error(
        "scores: each answer is placed on 1–5 within its question and questions weigh the same; the original tool \
         adds raw scores per section, so there a question worth 2 or 3 points weighs more than one worth 1"
    )]
    Weighting,
}

/// "question 4 has" or "questions 1, 3 have".
fn questions_have(list: &[usize]) -> String {
    let numbers = list.iter().map(usize::to_string).collect::<Vec<_>>().join(", ");
    match list.len() {
        1 => format!("question {numbers} has"),
        _ => format!("questions {numbers} have"),
    }
}

/// Why a questionnaire could not be read: the JSON path, and the section,
/// question and answer it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AtosError {
    pub error: JsonError,
    /// `section "Collaboration", question 1, answer 2`; empty at the top.
    pub context: String,
}

impl fmt::Display for AtosError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.error;
        match (e.path.is_empty(), self.context.is_empty()) {
            (true, _) => write!(f, "{e}"),
            (false, true) => write!(f, "at {}: expected {}, found {}", e.path, e.expected, e.found),
            (false, false) => write!(f, "at {} ({}): expected {}, found {}", e.path, self.context, e.expected, e.found),
        }
    }
}

impl std::error::Error for AtosError {}

/// Attaches the section/question context to errors of one part of the file.
fn within(context: &str) -> impl Fn(JsonError) -> AtosError + '_ {
    move |error| AtosError { error, context: context.to_string() }
}

/// A section as read, before ordering.
struct Section {
    position: usize,
    name: String,
    spider: Option<u64>,
    questions: Vec<Question>,
}

/// Reads a questionnaire. The model gets `id`, version 1, and the file
/// name (without `.json`) as its name.
pub fn import_atos(file_name: &str, text: &str, id: Id) -> Result<AtosImport, AtosError> {
    let top = within("");
    let root = parse_document(text, "a JSON document (a questionnaire in the Atos format)").map_err(&top)?;
    let list = At::root(&root).array("a list of sections").map_err(&top)?;
    let mut report = AtosReport { sections: list.len(), ..AtosReport::default() };
    let mut comments = Vec::new();
    let mut sections = Vec::new();
    for (position, at) in list.iter().enumerate() {
        sections.push(read_section(position, at, &mut report, &mut comments)?);
    }
    let dimensions = order(sections, &mut report);
    if dimensions.is_empty() {
        let found = "no question to score (only banners, or no sections)";
        return Err(top(JsonError::new(
            JsonErrorKind::Invalid,
            "",
            "at least one section with a question to score",
            found,
        )));
    }
    if !comments.is_empty() {
        report.notes.push(AtosNote::CommentsKept { count: comments.len() });
    }
    report.notes.push(AtosNote::Weighting);
    let model = build_model(file_name, id, dimensions, &comments);
    model.validate().map_err(|e| top(JsonError::new(JsonErrorKind::Invalid, "", "a valid model", e.to_string())))?;
    report.imported = model.question_count();
    Ok(AtosImport { model, report })
}

fn build_model(file_name: &str, id: Id, dimensions: Vec<Dimension>, comments: &[String]) -> MaturityModel {
    let stem = file_name.strip_suffix(".json").unwrap_or(file_name);
    let mut source = format!("{file_name} (Atos DevOps maturity questionnaire format)");
    for comment in comments {
        source.push_str("; ");
        source.push_str(comment);
    }
    MaturityModel {
        id,
        name: Text::en(stem),
        description: Text::en(&format!("Imported from {file_name}.")),
        version: 1,
        source,
        dimensions,
    }
}

fn read_section(
    position: usize,
    at: &At,
    report: &mut AtosReport,
    comments: &mut Vec<String>,
) -> Result<Section, AtosError> {
    let numbered = format!("section {}", position + 1);
    let obj = at.object("a section (an object with SectionName and Questions)").map_err(within(&numbered))?;
    let name_at = obj.require("SectionName", "the section's name (text)").map_err(within(&numbered))?;
    let (name, changed) = plain_text(name_at.string("the section's name (text)").map_err(within(&numbered))?);
    if name.is_empty() {
        return Err(within(&numbered)(name_at.invalid(JsonErrorKind::Invalid, "the section's name (text)")));
    }
    if changed {
        let (place, field) = (format!("section {name}"), "section name".to_string());
        report.notes.push(AtosNote::MarkupRemoved { place, field });
    }
    let context = format!("section {name:?}");
    collect_comments(&obj, &context, comments)?;
    note_unknown(&obj, &SECTION_FIELDS, &format!("section {name}"), report);
    let spider = match obj.get("SpiderPos").map_err(within(&context))? {
        Some(v) => Some(v.whole("the section's place on the radar (a whole number)").map_err(within(&context))?),
        None => None,
    };
    let list_at = obj.require("Questions", "a list of questions").map_err(within(&context))?;
    let list = list_at.array("a list of questions").map_err(within(&context))?;
    if list.is_empty() {
        return Err(within(&context)(list_at.invalid(JsonErrorKind::Invalid, "at least one question")));
    }
    let mut read = SectionReading { section: name.clone(), report, comments, defaults: vec![], sub_categories: vec![] };
    let mut questions = Vec::new();
    for (q, at) in list.iter().enumerate() {
        if let Some(question) = read.question(position, q, at)? {
            questions.push(question);
        }
    }
    read.finish();
    Ok(Section { position, name, spider, questions })
}

fn collect_comments(obj: &Obj, context: &str, comments: &mut Vec<String>) -> Result<(), AtosError> {
    for comment in obj.all("//") {
        comments.push(comment.string("a comment (text)").map_err(within(context))?.trim().to_string());
    }
    Ok(())
}

fn note_unknown(obj: &Obj, known: &[&str], place: &str, report: &mut AtosReport) {
    for field in obj.unknown_keys(known) {
        report.notes.push(AtosNote::UnknownField { place: place.to_string(), field: field.to_string() });
    }
}

/// The state of reading one section's questions.
struct SectionReading<'r> {
    section: String,
    report: &'r mut AtosReport,
    comments: &'r mut Vec<String>,
    /// Questions (numbered from 1) that use the standard scale.
    defaults: Vec<usize>,
    sub_categories: Vec<String>,
}

impl SectionReading<'_> {
    fn question(&mut self, position: usize, q: usize, at: &At) -> Result<Option<Question>, AtosError> {
        let number = q + 1;
        let context = format!("section {:?}, question {number}", self.section);
        let err = within(&context);
        self.report.entries += 1;
        let obj = at.object("a question (an object with Type and QuestionText)").map_err(&err)?;
        let kind_at = obj.require("Type", "the question's Type").map_err(&err)?;
        let kind = kind_at.string("\"Option\", \"Checkbox\" or \"Banner\"").map_err(&err)?;
        collect_comments(&obj, &context, self.comments)?;
        note_unknown(&obj, &QUESTION_FIELDS, &format!("section {}, question {number}", self.section), self.report);
        if kind == "Banner" {
            self.banner(&obj, number, &context)?;
            return Ok(None);
        }
        if kind != "Option" && kind != "Checkbox" {
            return Err(err(kind_at.invalid(JsonErrorKind::Invalid, "\"Option\", \"Checkbox\" or \"Banner\"")));
        }
        let text = self.text(&obj, "QuestionText", number, "question text", &context)?;
        if let Some(sub) = obj.get("SubCategory").map_err(&err)? {
            let sub = plain_text(sub.string("a sub-category name (text)").map_err(&err)?).0;
            if !self.sub_categories.contains(&sub) {
                self.sub_categories.push(sub);
            }
        }
        let options = self.options(&obj, kind == "Checkbox", number, &context)?;
        let kind = match kind {
            "Checkbox" => QuestionKind::Checkbox { options },
            _ => QuestionKind::Choice { options },
        };
        let count =
            if let QuestionKind::Checkbox { .. } = kind { &mut self.report.checkbox } else { &mut self.report.choice };
        *count += 1;
        Ok(Some(Question { key: format!("s{}.q{number}", position + 1), text: Text::en(&text), kind }))
    }

    fn banner(&mut self, obj: &Obj, number: usize, context: &str) -> Result<(), AtosError> {
        self.report.banners += 1;
        let text = match obj.get("QuestionText").map_err(within(context))? {
            Some(v) => plain_text(v.string("the banner's text").map_err(within(context))?).0,
            None => String::new(),
        };
        let text = shortened(&text, 80);
        self.report.notes.push(AtosNote::BannerSkipped { section: self.section.clone(), question: number, text });
        Ok(())
    }

    /// A text field as plain text; notes markup that was removed.
    fn text(&mut self, obj: &Obj, key: &str, number: usize, field: &str, context: &str) -> Result<String, AtosError> {
        let expected = format!("the {field} (text)");
        let at = obj.require(key, &expected).map_err(within(context))?;
        let (text, changed) = plain_text(at.string(&expected).map_err(within(context))?);
        if text.is_empty() {
            return Err(within(context)(at.invalid(JsonErrorKind::Invalid, expected)));
        }
        if changed {
            let place = format!("section {}, question {number}", self.section);
            self.report.notes.push(AtosNote::MarkupRemoved { place, field: field.to_string() });
        }
        Ok(text)
    }

    fn options(
        &mut self,
        obj: &Obj,
        checkbox: bool,
        number: usize,
        context: &str,
    ) -> Result<Vec<ScoredOption>, AtosError> {
        let Some(list_at) = obj.get("Answers").map_err(within(context))? else {
            if checkbox {
                let path = format!("{}.Answers", obj.at.path());
                let expected = "a list of Answers (checkbox questions have no standard scale)";
                return Err(within(context)(JsonError::new(JsonErrorKind::MissingField, &path, expected, "nothing")));
            }
            self.report.standard_scale += 1;
            self.defaults.push(number);
            return Ok(STANDARD_SCALE.iter().map(|(text, score)| ScoredOption::new(Text::en(text), *score)).collect());
        };
        let list = list_at.array("a list of answers").map_err(within(context))?;
        let mut options = Vec::new();
        for (a, at) in list.iter().enumerate() {
            let context = format!("{context}, answer {}", a + 1);
            let answer = at.object("an answer (an object with Answer and Score)").map_err(within(&context))?;
            note_unknown(&answer, &ANSWER_FIELDS, &context, self.report);
            let text = self.text(&answer, "Answer", number, &format!("text of answer {}", a + 1), &context)?;
            let score = answer.require("Score", "a score (a number)").map_err(within(&context))?;
            options.push(ScoredOption::new(
                Text::en(&text),
                score.number("a score (a number)").map_err(within(&context))?,
            ));
        }
        check_scores(&list_at, &options, checkbox).map_err(within(context))?;
        if !checkbox {
            self.note_same_scores(number, &options);
        }
        Ok(options)
    }

    fn note_same_scores(&mut self, number: usize, options: &[ScoredOption]) {
        for (i, option) in options.iter().enumerate() {
            let same: Vec<String> =
                options.iter().filter(|o| o.score == option.score).map(|o| o.text.en.clone()).collect();
            let first = options.iter().position(|o| o.score == option.score) == Some(i);
            if same.len() > 1 && first {
                let (section, score) = (self.section.clone(), option.score);
                self.report.notes.push(AtosNote::SameScore { section, question: number, answers: same, score });
            }
        }
    }

    /// The notes gathered over the whole section.
    fn finish(self) {
        if !self.defaults.is_empty() {
            let (section, questions) = (self.section.clone(), self.defaults);
            self.report.notes.push(AtosNote::StandardScale { section, questions });
        }
        if !self.sub_categories.is_empty() {
            let (section, names) = (self.section, self.sub_categories);
            self.report.notes.push(AtosNote::SubCategories { section, names });
        }
    }
}

/// Enough answers, and scores that leave a range to place answers on 1–5.
fn check_scores(list_at: &At, options: &[ScoredOption], checkbox: bool) -> Result<(), JsonError> {
    let min = if checkbox { 1 } else { 2 };
    if options.len() < min {
        let expected =
            format!("at least {min} answer(s) for {} question", if checkbox { "a checkbox" } else { "an option" });
        return Err(list_at.invalid(JsonErrorKind::Invalid, expected));
    }
    let kind = match checkbox {
        true => QuestionKind::Checkbox { options: options.to_vec() },
        false => QuestionKind::Choice { options: options.to_vec() },
    };
    let (low, high) = kind.score_range();
    if high - low < 1e-9 {
        let found = format!("every answer scoring {low}");
        return Err(list_at.error(JsonErrorKind::Invalid, "answers whose scores differ", found));
    }
    Ok(())
}

/// Sections with questions become dimensions, ordered by SpiderPos; notes
/// on empty sections and on the order.
fn order(sections: Vec<Section>, report: &mut AtosReport) -> Vec<Dimension> {
    let mut kept = Vec::new();
    for section in sections {
        match section.questions.is_empty() {
            true => report.notes.push(AtosNote::NothingToScore { section: section.name }),
            false => kept.push(section),
        }
    }
    let any_position = kept.iter().any(|s| s.spider.is_some());
    kept.sort_by_key(|s| (s.spider.is_none(), s.spider, s.position));
    if kept.windows(2).any(|w| w[0].position > w[1].position) {
        report.notes.push(AtosNote::Reordered { order: kept.iter().map(|s| s.name.clone()).collect() });
    }
    for group in kept.chunk_by(|a, b| a.spider.is_some() && a.spider == b.spider) {
        if let (true, Some(position)) = (group.len() > 1, group[0].spider) {
            let sections = group.iter().map(|s| s.name.clone()).collect();
            report.notes.push(AtosNote::SharedSpiderPos { position, sections });
        }
    }
    for section in kept.iter().filter(|s| any_position && s.spider.is_none()) {
        report.notes.push(AtosNote::NoSpiderPos { section: section.name.clone() });
    }
    kept.into_iter().map(dimension).collect()
}

fn dimension(section: Section) -> Dimension {
    Dimension {
        key: format!("s{}", section.position + 1),
        name: Text::en(&section.name),
        description: Text::default(),
        questions: section.questions,
        actions: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        match import_atos("broken.json", text, Id::from_u128(1)) {
            Ok(_) => panic!("expected an error for {text}"),
            Err(e) => e.to_string(),
        }
    }

    /// (broken questionnaire, expected message).
    #[test]
    fn broken_questionnaires_are_refused_precisely() {
        let q = r#"{"Type": "Option", "QuestionText": "Q?"}"#;
        let cases = [
            ("not json".to_string(), "at line 1, column 2: expected a JSON document (a questionnaire in the Atos format), found text that is not valid JSON (expected ident)".to_string()),
            ("{}".to_string(), "expected a list of sections, found an object".to_string()),
            (r#"[{"SectionName": "Flow"}]"#.to_string(), "at [0].Questions (section \"Flow\"): expected a list of questions, found nothing".to_string()),
            (r#"[{"SectionName": "Flow", "Questions": []}]"#.to_string(), "at [0].Questions (section \"Flow\"): expected at least one question, found an empty list".to_string()),
            (format!(r#"[{{"Questions": [{q}]}}]"#), "at [0].SectionName (section 1): expected the section's name (text), found nothing".to_string()),
            (format!(r#"[{{"SectionName": "Flow", "SpiderPos": "2", "Questions": [{q}]}}]"#), "at [0].SpiderPos (section \"Flow\"): expected the section's place on the radar (a whole number), found text \"2\"".to_string()),
            (r#"[{"SectionName": "Flow", "Questions": [{"Type": "Slider", "QuestionText": "Q?"}]}]"#.to_string(), "at [0].Questions[0].Type (section \"Flow\", question 1): expected \"Option\", \"Checkbox\" or \"Banner\", found text \"Slider\"".to_string()),
            (r#"[{"SectionName": "Flow", "Questions": [{"Type": "Option"}]}]"#.to_string(), "at [0].Questions[0].QuestionText (section \"Flow\", question 1): expected the question text (text), found nothing".to_string()),
            (r#"[{"SectionName": "Flow", "Questions": [{"Type": "Checkbox", "QuestionText": "Tick"}]}]"#.to_string(), "at [0].Questions[0].Answers (section \"Flow\", question 1): expected a list of Answers (checkbox questions have no standard scale), found nothing".to_string()),
            (r#"[{"SectionName": "Flow", "Questions": [{"Type": "Option", "QuestionText": "Q?", "Answers": [{"Answer": "Yes", "Score": 1}, {"Answer": "No"}]}]}]"#.to_string(), "at [0].Questions[0].Answers[1].Score (section \"Flow\", question 1, answer 2): expected a score (a number), found nothing".to_string()),
            (r#"[{"SectionName": "Flow", "Questions": [{"Type": "Option", "QuestionText": "Q?", "Answers": [{"Answer": "Yes", "Score": "1"}, {"Answer": "No", "Score": 0}]}]}]"#.to_string(), "at [0].Questions[0].Answers[0].Score (section \"Flow\", question 1, answer 1): expected a score (a number), found text \"1\"".to_string()),
            (r#"[{"SectionName": "Flow", "Questions": [{"Type": "Option", "QuestionText": "Q?", "Answers": [{"Answer": "Yes", "Score": 1}]}]}]"#.to_string(), "at [0].Questions[0].Answers (section \"Flow\", question 1): expected at least 2 answer(s) for an option question, found a list of 1 item".to_string()),
            (r#"[{"SectionName": "Flow", "Questions": [{"Type": "Option", "QuestionText": "Q?", "Answers": [{"Answer": "Yes", "Score": 1}, {"Answer": "No", "Score": 1}]}]}]"#.to_string(), "at [0].Questions[0].Answers (section \"Flow\", question 1): expected answers whose scores differ, found every answer scoring 1".to_string()),
            (r#"[{"SectionName": "Flow", "Questions": [{"Type": "Option", "QuestionText": "Q?", "Answers": [{"Answer": "Yes", "Score": 1, "Score": 2}, {"Answer": "No", "Score": 0}]}]}]"#.to_string(), "at [0].Questions[0].Answers[0].Score (section \"Flow\", question 1, answer 1): expected the field \"Score\" once, found it 2 times".to_string()),
            (r#"[{"SectionName": "Intro", "Questions": [{"Type": "Banner", "QuestionText": "Hello"}]}]"#.to_string(), "expected at least one section with a question to score, found no question to score (only banners, or no sections)".to_string()),
        ];
        for (text, message) in cases {
            assert_eq!(error_of(&text), message, "{text}");
        }
    }
}
