//! Maturity models: dimensions with their questions and improvement
//! actions. A model is checked as a whole by [`MaturityModel::validate`];
//! [`MaturityModel::edit`] changes a model only when the result is valid.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Answer, Text};
use crate::domain::Id;

/// A questionnaire: dimensions, each with questions and improvement actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MaturityModel {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
    /// Raised by one on every edit. A round records the version it was
    /// answered with, and is scored with that version only.
    #[serde(default = "first_version")]
    pub version: u32,
    /// Where the model came from ("questions.json, Atos questionnaire
    /// format"), empty for models written in Baton.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// In the order shown, which is also the order around the radar chart.
    pub dimensions: Vec<Dimension>,
}

fn first_version() -> u32 {
    1
}

/// One area of maturity ("process and handoffs").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    /// Unique within the model; answers and results refer to it.
    pub key: String,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
    pub questions: Vec<Question>,
    /// What a team weak in this dimension could do next.
    #[serde(default)]
    pub actions: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Unique within the whole model (not only the dimension): responses
    /// store answers by question key.
    pub key: String,
    pub text: Text,
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// How a question is answered.
// A scale question carries its five level texts inline: a model holds tens
// of questions, so boxing them would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuestionKind {
    /// One of the five levels; `levels[0]` describes what level 1 looks like
    /// in practice, `levels[4]` level 5. Descriptions may be blank.
    Scale {
        #[serde(default)]
        levels: [Text; 5],
    },
    /// Exactly one option, each with a score (imported questionnaires).
    Choice { options: Vec<ScoredOption> },
    /// Any set of options, scored by the sum of the ticked options' scores.
    Checkbox { options: Vec<ScoredOption> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoredOption {
    pub text: Text,
    pub score: f64,
}

impl ScoredOption {
    pub fn new(text: Text, score: f64) -> Self {
        Self { text, score }
    }
}

/// Why an answer does not fit its question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerProblem {
    #[error("level {level} is out of range 1–5")]
    LevelOutOfRange { level: u8 },
    #[error("option {} is out of range 1–{count}", .index + 1)]
    OptionOutOfRange { index: usize, count: usize },
    #[error("option {} is ticked twice", .index + 1)]
    TickedTwice { index: usize },
    #[error("expected {expected}, found {found}")]
    WrongKind { expected: &'static str, found: &'static str },
}

impl QuestionKind {
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::Choice { .. } => "choice",
            QuestionKind::Checkbox { .. } => "checkbox",
        }
    }

    /// The lowest and highest raw score an answer can get: 1 and 5 for a
    /// scale; the lowest and highest option score for a choice; for a
    /// checkbox, the sum of the negative scores (ticking all of them) and
    /// the sum of the positive ones.
    pub fn score_range(&self) -> (f64, f64) {
        match self {
            QuestionKind::Scale { .. } => (1.0, 5.0),
            QuestionKind::Choice { options } => {
                let scores = options.iter().map(|o| o.score);
                (scores.clone().fold(f64::INFINITY, f64::min), scores.fold(f64::NEG_INFINITY, f64::max))
            }
            QuestionKind::Checkbox { options } => {
                let low = options.iter().map(|o| o.score.min(0.0)).sum();
                let high = options.iter().map(|o| o.score.max(0.0)).sum();
                (low, high)
            }
        }
    }

    /// The answer's score on the 1–5 scale, or why the answer does not fit.
    ///
    /// A scale answer scores its level. A choice or checkbox answer's raw
    /// score (the option's score; the sum of the ticked options' scores) is
    /// placed linearly on 1–5 between the lowest and highest raw score the
    /// question allows ([`QuestionKind::score_range`]):
    /// `1 + 4 × (raw − lowest) / (highest − lowest)`. So the best possible
    /// answer scores 5, the worst 1, and ticking nothing in a checkbox
    /// question with positive scores scores 1.
    pub fn score(&self, answer: &Answer) -> Result<f64, AnswerProblem> {
        let raw = match (self, answer) {
            (QuestionKind::Scale { .. }, Answer::Level(level)) => {
                return match *level {
                    1..=5 => Ok(f64::from(*level)),
                    level => Err(AnswerProblem::LevelOutOfRange { level }),
                };
            }
            (QuestionKind::Choice { options }, Answer::Option(index)) => option_score(options, *index)?,
            (QuestionKind::Checkbox { options }, Answer::Checked(ticked)) => ticked_score(options, ticked)?,
            (kind, answer) => {
                return Err(AnswerProblem::WrongKind { expected: kind.answer_name(), found: answer.name() })
            }
        };
        let (low, high) = self.score_range();
        Ok(1.0 + 4.0 * (raw - low) / (high - low))
    }

    /// What an answer to this kind of question is, for messages.
    fn answer_name(&self) -> &'static str {
        match self {
            QuestionKind::Scale { .. } => "a level 1–5",
            QuestionKind::Choice { .. } => "one option",
            QuestionKind::Checkbox { .. } => "a list of ticked options",
        }
    }
}

fn option_score(options: &[ScoredOption], index: usize) -> Result<f64, AnswerProblem> {
    options.get(index).map(|o| o.score).ok_or(AnswerProblem::OptionOutOfRange { index, count: options.len() })
}

fn ticked_score(options: &[ScoredOption], ticked: &[usize]) -> Result<f64, AnswerProblem> {
    let mut seen = vec![false; options.len()];
    let mut sum = 0.0;
    for &index in ticked {
        let score = option_score(options, index)?;
        if std::mem::replace(&mut seen[index], true) {
            return Err(AnswerProblem::TickedTwice { index });
        }
        sum += score;
    }
    Ok(sum)
}

/// Where a question is, for messages ("question q3 of dimension d2") and
/// for the JSON path of a model file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionAt {
    /// Positions from 0.
    pub dimension: usize,
    pub question: usize,
    pub dimension_key: String,
    pub key: String,
}

impl fmt::Display for QuestionAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.key.is_empty() {
            true => write!(f, "question {}", self.question + 1)?,
            false => write!(f, "question {}", self.key)?,
        }
        match self.dimension_key.is_empty() {
            true => write!(f, " of dimension {}", self.dimension + 1),
            false => write!(f, " of dimension {}", self.dimension_key),
        }
    }
}

/// Why a model was refused. Each says what, where and what was expected;
/// [`ModelError::path`] gives the place as a JSON path into the model.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ModelError {
    #[error("model: expected a name in English or Chinese, found none")]
    NoName,
    #[error("model: expected version 1 or higher, found 0")]
    VersionZero,
    #[error("model: expected at least one dimension, found none")]
    NoDimensions,
    #[error("dimension {}: expected a key (text without surrounding spaces), found {found:?}", .dimension + 1)]
    BadDimensionKey { dimension: usize, found: String },
    #[error("dimension {}: expected a key no other dimension uses, found {key:?}, the key of dimension {}", .dimension + 1, .first + 1)]
    DuplicateDimensionKey { dimension: usize, key: String, first: usize },
    #[error("dimension {key}: expected a name in English or Chinese, found none")]
    NoDimensionName { dimension: usize, key: String },
    #[error("dimension {key}: expected at least one question, found none")]
    NoQuestions { dimension: usize, key: String },
    #[error("dimension {key}, action {}: expected text in English or Chinese, found none", .action + 1)]
    BlankAction { dimension: usize, key: String, action: usize },
    #[error("{at}: expected a key (text without surrounding spaces), found {:?}", .at.key)]
    BadQuestionKey { at: QuestionAt },
    #[error("{at}: expected a key no other question uses, found {:?}, also used in dimension {first_dimension}", .at.key)]
    DuplicateQuestionKey { at: QuestionAt, first_dimension: String },
    #[error("{at}: expected the question text in English or Chinese, found none")]
    NoQuestionText { at: QuestionAt },
    #[error("{at}: expected at least {min} options for a {kind} question, found {found}")]
    TooFewOptions { at: QuestionAt, kind: &'static str, min: usize, found: usize },
    #[error("{at}, option {}: expected the option's text in English or Chinese, found none", .option + 1)]
    BlankOption { at: QuestionAt, option: usize },
    #[error("{at}, option {}: expected a finite score, found {score}", .option + 1)]
    ScoreNotFinite { at: QuestionAt, option: usize, score: f64 },
    #[error(
        "{at}: expected options whose scores differ (so that answers can be placed on 1–5), \
         found every answer scoring {score}"
    )]
    NoScoreRange { at: QuestionAt, score: f64 },
    #[error("expected the key of a dimension of this model, found {key:?}")]
    UnknownDimension { key: String },
    #[error("expected the key of a question of this model, found {key:?}")]
    UnknownQuestion { key: String },
}

impl ModelError {
    /// The JSON path of the refused part inside the model object
    /// (`dimensions[1].questions[2].options[0].score`); empty for the model
    /// itself, and for edits that name a key the model does not have.
    pub fn path(&self) -> String {
        let dim = |d: &usize| format!("dimensions[{d}]");
        let question = |at: &QuestionAt| format!("dimensions[{}].questions[{}]", at.dimension, at.question);
        match self {
            ModelError::NoName => "name".into(),
            ModelError::VersionZero => "version".into(),
            ModelError::NoDimensions => "dimensions".into(),
            ModelError::BadDimensionKey { dimension, .. } | ModelError::DuplicateDimensionKey { dimension, .. } => {
                format!("{}.key", dim(dimension))
            }
            ModelError::NoDimensionName { dimension, .. } => format!("{}.name", dim(dimension)),
            ModelError::NoQuestions { dimension, .. } => format!("{}.questions", dim(dimension)),
            ModelError::BlankAction { dimension, action, .. } => format!("{}.actions[{action}]", dim(dimension)),
            ModelError::BadQuestionKey { at } | ModelError::DuplicateQuestionKey { at, .. } => {
                format!("{}.key", question(at))
            }
            ModelError::NoQuestionText { at } => format!("{}.text", question(at)),
            ModelError::TooFewOptions { at, .. } | ModelError::NoScoreRange { at, .. } => {
                format!("{}.options", question(at))
            }
            ModelError::BlankOption { at, option } => format!("{}.options[{option}].text", question(at)),
            ModelError::ScoreNotFinite { at, option, .. } => format!("{}.options[{option}].score", question(at)),
            ModelError::UnknownDimension { .. } | ModelError::UnknownQuestion { .. } => String::new(),
        }
    }
}

fn good_key(key: &str) -> bool {
    !key.is_empty() && key.trim() == key
}

impl MaturityModel {
    /// Checks the whole model: a name, version 1 or higher, at least one
    /// dimension; unique keys for dimensions and (model-wide) for questions;
    /// every dimension named with at least one question; every question with
    /// a text; choice questions with two options or more and checkbox
    /// questions with one or more, each option with a text and a finite
    /// score, and scores that leave a range to place answers on 1–5;
    /// improvement actions not blank. The first problem found is returned.
    pub fn validate(&self) -> Result<(), ModelError> {
        if self.name.is_blank() {
            return Err(ModelError::NoName);
        }
        if self.version == 0 {
            return Err(ModelError::VersionZero);
        }
        if self.dimensions.is_empty() {
            return Err(ModelError::NoDimensions);
        }
        let mut dimension_keys: HashMap<&str, usize> = HashMap::new();
        let mut question_keys: HashMap<&str, &str> = HashMap::new();
        for (d, dimension) in self.dimensions.iter().enumerate() {
            check_dimension(d, dimension, &mut dimension_keys)?;
            for (q, question) in dimension.questions.iter().enumerate() {
                let at = QuestionAt {
                    dimension: d,
                    question: q,
                    dimension_key: dimension.key.clone(),
                    key: question.key.clone(),
                };
                if !good_key(&question.key) {
                    return Err(ModelError::BadQuestionKey { at });
                }
                if let Some(first) = question_keys.insert(&question.key, &dimension.key) {
                    return Err(ModelError::DuplicateQuestionKey { at, first_dimension: first.to_string() });
                }
                check_question(at, question)?;
            }
        }
        Ok(())
    }

    pub fn dimension(&self, key: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.key == key)
    }

    /// The question with this key, with its place.
    pub fn question(&self, key: &str) -> Option<(QuestionAt, &Question)> {
        self.dimensions.iter().enumerate().find_map(|(d, dimension)| {
            let (q, question) = dimension.questions.iter().enumerate().find(|(_, q)| q.key == key)?;
            let at = QuestionAt { dimension: d, question: q, dimension_key: dimension.key.clone(), key: key.into() };
            Some((at, question))
        })
    }

    pub fn question_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.questions.len()).sum()
    }

    /// Applies one edit. The edited model is validated in full first; on
    /// any error the model stays exactly as it was. A successful edit
    /// raises the version by one.
    pub fn edit(&mut self, edit: ModelEdit) -> Result<(), ModelError> {
        let mut next = self.clone();
        next.apply(edit)?;
        next.validate()?;
        next.version = next.version.saturating_add(1);
        *self = next;
        Ok(())
    }

    fn apply(&mut self, edit: ModelEdit) -> Result<(), ModelError> {
        match edit {
            ModelEdit::Rename { name, description } => {
                self.name = name;
                self.description = description;
            }
            ModelEdit::AddDimension { dimension } => self.dimensions.push(dimension),
            ModelEdit::UpdateDimension { key, name, description } => {
                let dimension = self.dimension_mut(&key)?;
                dimension.name = name;
                dimension.description = description;
            }
            ModelEdit::RemoveDimension { key } => {
                let index = self.dimension_index(&key)?;
                self.dimensions.remove(index);
            }
            ModelEdit::SetActions { dimension, actions } => self.dimension_mut(&dimension)?.actions = actions,
            ModelEdit::AddQuestion { dimension, question } => self.dimension_mut(&dimension)?.questions.push(question),
            ModelEdit::ReplaceQuestion { question } => {
                let (at, _) = self.question(&question.key).ok_or_else(|| unknown_question(&question.key))?;
                self.dimensions[at.dimension].questions[at.question] = question;
            }
            ModelEdit::RemoveQuestion { key } => {
                let (at, _) = self.question(&key).ok_or_else(|| unknown_question(&key))?;
                self.dimensions[at.dimension].questions.remove(at.question);
            }
        }
        Ok(())
    }

    fn dimension_index(&self, key: &str) -> Result<usize, ModelError> {
        self.dimensions
            .iter()
            .position(|d| d.key == key)
            .ok_or_else(|| ModelError::UnknownDimension { key: key.into() })
    }

    fn dimension_mut(&mut self, key: &str) -> Result<&mut Dimension, ModelError> {
        let index = self.dimension_index(key)?;
        Ok(&mut self.dimensions[index])
    }
}

fn unknown_question(key: &str) -> ModelError {
    ModelError::UnknownQuestion { key: key.to_string() }
}

fn check_dimension<'m>(
    d: usize,
    dimension: &'m Dimension,
    keys: &mut HashMap<&'m str, usize>,
) -> Result<(), ModelError> {
    let key = dimension.key.clone();
    if !good_key(&dimension.key) {
        return Err(ModelError::BadDimensionKey { dimension: d, found: key });
    }
    if let Some(first) = keys.insert(&dimension.key, d) {
        return Err(ModelError::DuplicateDimensionKey { dimension: d, key, first });
    }
    if dimension.name.is_blank() {
        return Err(ModelError::NoDimensionName { dimension: d, key });
    }
    if dimension.questions.is_empty() {
        return Err(ModelError::NoQuestions { dimension: d, key });
    }
    match dimension.actions.iter().position(Text::is_blank) {
        Some(action) => Err(ModelError::BlankAction { dimension: d, key, action }),
        None => Ok(()),
    }
}

fn check_question(at: QuestionAt, question: &Question) -> Result<(), ModelError> {
    if question.text.is_blank() {
        return Err(ModelError::NoQuestionText { at });
    }
    let (options, min) = match &question.kind {
        QuestionKind::Scale { .. } => return Ok(()),
        QuestionKind::Choice { options } => (options, 2),
        QuestionKind::Checkbox { options } => (options, 1),
    };
    if options.len() < min {
        return Err(ModelError::TooFewOptions { at, kind: question.kind.name(), min, found: options.len() });
    }
    for (option, o) in options.iter().enumerate() {
        if o.text.is_blank() {
            return Err(ModelError::BlankOption { at, option });
        }
        if !o.score.is_finite() {
            return Err(ModelError::ScoreNotFinite { at, option, score: o.score });
        }
    }
    let (low, high) = question.kind.score_range();
    if high - low < 1e-9 {
        return Err(ModelError::NoScoreRange { at, score: low });
    }
    Ok(())
}

/// One change to a model, as a command would carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum ModelEdit {
    Rename {
        name: Text,
        description: Text,
    },
    /// Adds a dimension at the end.
    AddDimension {
        dimension: Dimension,
    },
    UpdateDimension {
        key: String,
        name: Text,
        description: Text,
    },
    RemoveDimension {
        key: String,
    },
    SetActions {
        dimension: String,
        actions: Vec<Text>,
    },
    /// Adds a question at the end of a dimension.
    AddQuestion {
        dimension: String,
        question: Question,
    },
    /// Replaces the question with the same key, keeping its place.
    ReplaceQuestion {
        question: Question,
    },
    RemoveQuestion {
        key: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(key: &str) -> Question {
        Question { key: key.into(), text: Text::en("How?"), kind: QuestionKind::Scale { levels: Default::default() } }
    }

    fn options(scores: &[f64]) -> Vec<ScoredOption> {
        scores.iter().enumerate().map(|(i, s)| ScoredOption::new(Text::en(&format!("option {i}")), *s)).collect()
    }

    fn choice(key: &str, scores: &[f64]) -> Question {
        Question { key: key.into(), text: Text::en("Which?"), kind: QuestionKind::Choice { options: options(scores) } }
    }

    fn checkbox(key: &str, scores: &[f64]) -> Question {
        Question { key: key.into(), text: Text::en("Tick"), kind: QuestionKind::Checkbox { options: options(scores) } }
    }

    fn dimension(key: &str, questions: Vec<Question>) -> Dimension {
        Dimension { key: key.into(), name: Text::en(key), description: Text::default(), questions, actions: vec![] }
    }

    fn model(dimensions: Vec<Dimension>) -> MaturityModel {
        MaturityModel {
            id: Id::from_u128(1),
            name: Text::new("Test", "测试"),
            description: Text::default(),
            version: 1,
            source: String::new(),
            dimensions,
        }
    }

    fn good() -> MaturityModel {
        model(vec![
            dimension("d1", vec![scale("q1"), choice("q2", &[1.0, 0.5, 0.0])]),
            dimension("d2", vec![scale("q3"), checkbox("q4", &[0.5, 0.5])]),
        ])
    }

    /// (what is changed, the expected message, the expected path).
    #[test]
    fn validation_names_what_where_and_what_was_expected() {
        type Edit = fn(&mut MaturityModel);
        let cases: [(Edit, &str, &str); 14] = [
            (|m| m.name = Text::new(" ", ""), "model: expected a name in English or Chinese, found none", "name"),
            (|m| m.version = 0, "model: expected version 1 or higher, found 0", "version"),
            (|m| m.dimensions.clear(), "model: expected at least one dimension, found none", "dimensions"),
            (
                |m| m.dimensions[1].key = " d2".into(),
                "dimension 2: expected a key (text without surrounding spaces), found \" d2\"",
                "dimensions[1].key",
            ),
            (
                |m| m.dimensions[1].key = "d1".into(),
                "dimension 2: expected a key no other dimension uses, found \"d1\", the key of dimension 1",
                "dimensions[1].key",
            ),
            (
                |m| m.dimensions[1].name = Text::default(),
                "dimension d2: expected a name in English or Chinese, found none",
                "dimensions[1].name",
            ),
            (
                |m| m.dimensions[1].questions.clear(),
                "dimension d2: expected at least one question, found none",
                "dimensions[1].questions",
            ),
            (
                |m| m.dimensions[0].actions = vec![Text::en("Do"), Text::default()],
                "dimension d1, action 2: expected text in English or Chinese, found none",
                "dimensions[0].actions[1]",
            ),
            (
                |m| m.dimensions[1].questions[0].key = "q1".into(),
                "question q1 of dimension d2: expected a key no other question uses, found \"q1\", also used in dimension d1",
                "dimensions[1].questions[0].key",
            ),
            (
                |m| m.dimensions[1].questions[0].text = Text::default(),
                "question q3 of dimension d2: expected the question text in English or Chinese, found none",
                "dimensions[1].questions[0].text",
            ),
            (
                |m| m.dimensions[0].questions[1] = choice("q2", &[1.0]),
                "question q2 of dimension d1: expected at least 2 options for a choice question, found 1",
                "dimensions[0].questions[1].options",
            ),
            (
                |m| m.dimensions[1].questions[1] = checkbox("q4", &[0.0, 0.0]),
                "question q4 of dimension d2: expected options whose scores differ (so that answers can be placed \
                 on 1–5), found every answer scoring 0",
                "dimensions[1].questions[1].options",
            ),
            (
                |m| m.dimensions[0].questions[1] = choice("q2", &[1.0, f64::NAN]),
                "question q2 of dimension d1, option 2: expected a finite score, found NaN",
                "dimensions[0].questions[1].options[1].score",
            ),
            (
                |m| m.dimensions[1].questions[1].key = String::new(),
                "question 2 of dimension d2: expected a key (text without surrounding spaces), found \"\"",
                "dimensions[1].questions[1].key",
            ),
        ];
        assert_eq!(good().validate(), Ok(()));
        for (edit, message, path) in cases {
            let mut m = good();
            edit(&mut m);
            let error = m.validate().expect_err(message);
            assert_eq!((error.to_string().as_str(), error.path().as_str()), (message, path));
        }
    }

    /// (question, answer, expected score or problem), worked out by hand.
    #[test]
    fn answers_are_placed_on_one_to_five() {
        let three = choice("c", &[2.0, 1.0, 0.0]);
        let four = choice("c", &[3.0, 2.0, 1.0, 0.0]);
        let ticks = checkbox("t", &[0.5, 0.5, 0.5, 0.5]);
        let mixed = checkbox("m", &[1.0, -1.0, 2.0]); // raw range −1 ..= 3
        let cases: [(&Question, Answer, Result<f64, AnswerProblem>); 14] = [
            (&scale("s"), Answer::Level(1), Ok(1.0)),
            (&scale("s"), Answer::Level(4), Ok(4.0)),
            (&scale("s"), Answer::Level(6), Err(AnswerProblem::LevelOutOfRange { level: 6 })),
            (&scale("s"), Answer::Level(0), Err(AnswerProblem::LevelOutOfRange { level: 0 })),
            (&three, Answer::Option(0), Ok(5.0)),
            (&three, Answer::Option(1), Ok(3.0)), // 1 + 4 × 1/2
            (&three, Answer::Option(2), Ok(1.0)),
            (&four, Answer::Option(2), Ok(1.0 + 4.0 / 3.0)), // raw 1 of 0..3
            (&three, Answer::Option(3), Err(AnswerProblem::OptionOutOfRange { index: 3, count: 3 })),
            (&ticks, Answer::Checked(vec![]), Ok(1.0)),
            (&ticks, Answer::Checked(vec![3, 0]), Ok(3.0)), // 1.0 of 2.0
            (&ticks, Answer::Checked(vec![1, 1]), Err(AnswerProblem::TickedTwice { index: 1 })),
            (&mixed, Answer::Checked(vec![0, 1]), Ok(2.0)), // raw 0: 1 + 4 × 1/4
            (&three, Answer::Level(3), Err(AnswerProblem::WrongKind { expected: "one option", found: "a level 1–5" })),
        ];
        for (question, answer, expected) in cases {
            assert_eq!(question.kind.score(&answer), expected, "{} {answer:?}", question.key);
        }
    }

    #[test]
    fn a_refused_edit_changes_nothing_and_a_good_one_raises_the_version() {
        let mut m = good();
        m.edit(ModelEdit::RemoveQuestion { key: "q4".into() }).expect("q4 removed");
        assert_eq!(m.version, 2);
        let before = m.clone();
        let refused = [
            ModelEdit::RemoveQuestion { key: "q9".into() },
            // q3 is now the only question of d2.
            ModelEdit::RemoveQuestion { key: "q3".into() },
            ModelEdit::AddQuestion { dimension: "d2".into(), question: scale("q1") },
            ModelEdit::AddQuestion { dimension: "d9".into(), question: scale("q5") },
            ModelEdit::SetActions { dimension: "d1".into(), actions: vec![Text::default()] },
        ];
        for edit in refused {
            assert!(m.edit(edit.clone()).is_err(), "{edit:?}");
            assert_eq!(m, before);
        }
        // Edits travel in commands, so they go through JSON unchanged.
        let edit = ModelEdit::ReplaceQuestion { question: choice("q2", &[1.0, 0.0]) };
        let json = serde_json::to_string(&edit).expect("json");
        assert_eq!(serde_json::from_str::<ModelEdit>(&json).ok(), Some(edit.clone()), "{json}");
        m.edit(edit).expect("replaced");
        assert_eq!(m.version, 3);
        assert_eq!(m.question("q2").map(|(at, _)| (at.dimension, at.question)), Some((0, 1)));
    }

    #[test]
    fn questions_are_found_with_their_place() {
        let m = good();
        let (at, q) = m.question("q4").expect("q4");
        assert_eq!((at.to_string(), q.kind.name()), ("question q4 of dimension d2".to_string(), "checkbox"));
        assert_eq!(m.question_count(), 4);
        assert!(m.question("q5").is_none());
    }
}
