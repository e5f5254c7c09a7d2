//! Maturity self-assessments (协同成熟度评估): models with dimensions,
//! questions and improvement actions; rounds in which a team answers a model
//! for a period; results per dimension with spread and disagreement; history
//! and comparison of results.
//!
//! Like the rest of the core this is pure: ids and times are handed in, and
//! every change validates completely before it changes anything.
//!
//! ```
//! use baton::domain::maturity::*;
//! use baton::domain::{ts, Id};
//! let model = collaboration_model();
//! let team = TeamRef { id: Id::from_u128(7), name: "Service team A".into() };
//! let spec = RoundSpec::new(team, "2026 Q4").anonymous();
//! let mut round = Round::new(Id::from_u128(10), &model, spec, ts("2026-12-01T09:00:00Z"))?;
//! for (n, level) in [(1, 2), (2, 3), (3, 4)] {
//!     let answers = [("roles.1".to_string(), Answer::Level(level))].into();
//!     let response = NewResponse { respondent: None, answers };
//!     round.add_response(&model, Id::from_u128(100 + n), response, ts("2026-12-01T10:00:00Z"))?;
//! }
//! let result = round.results(&model)?;
//! assert_eq!(result.dimensions[0].mean, Some(3.0));
//! assert!(round.individual_responses().is_err()); // anonymous
//! # Ok::<(), RoundError>(())
//! ```
//!
//! The scoring rules are documented on [`Round::results`] and
//! [`QuestionKind::score`].

mod builtin;
mod compare;
mod model;
mod round;
mod scoring;

use serde::{Deserialize, Serialize};

pub use builtin::{collaboration_model, COLLABORATION_MODEL_ID};
pub use compare::{overlay, trend, CompareError, DimensionTrend, Overlay, OverlayRow, Trend, TrendPoint};
pub use model::{
    AnswerProblem, Dimension, MaturityModel, ModelEdit, ModelError, Question, QuestionAt, QuestionKind, ScoredOption,
};
pub use round::{
    Answer, NewResponse, Response, Round, RoundError, RoundSpec, TeamRef, ANONYMOUS_MIN_RESPONSES,
    DEFAULT_MIN_RESPONSES,
};
pub use scoring::{suggestions, DimensionResult, Overall, QuestionResult, RoundResult, Spread, Suggestion};

/// A text carried in both languages of the interface. Either may be empty;
/// [`Text::get`] falls back to the other one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub zh: String,
}

/// The language a [`Text`] is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Zh,
}

impl Text {
    pub fn new(en: &str, zh: &str) -> Self {
        Self { en: en.to_string(), zh: zh.to_string() }
    }

    /// A text written in English only (imported questionnaires, for example).
    pub fn en(en: &str) -> Self {
        Self::new(en, "")
    }

    /// True when neither language holds anything but white space.
    pub fn is_blank(&self) -> bool {
        self.en.trim().is_empty() && self.zh.trim().is_empty()
    }

    /// The text in `lang`, or in the other language when that one is empty.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::En => (&self.en, &self.zh),
            Lang::Zh => (&self.zh, &self.en),
        };
        if first.trim().is_empty() {
            second
        } else {
            first
        }
    }
}

/// The five maturity levels. A scale question is answered with one of them;
/// a result's overall level is the floor of its overall mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 1 初始: work depends on individuals and luck.
    Initial = 1,
    /// 2 可重复: some habits repeat, but they are not written down.
    Repeatable = 2,
    /// 3 已定义: the way of working is written down and known.
    Defined = 3,
    /// 4 已管理: it is measured and steered with figures.
    Managed = 4,
    /// 5 优化: it is improved continuously from what the figures show.
    Optimising = 5,
}

impl Level {
    pub const ALL: [Level; 5] = [Level::Initial, Level::Repeatable, Level::Defined, Level::Managed, Level::Optimising];

    /// 1 to 5.
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Option<Level> {
        Level::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    /// The level of a mean score on the 1–5 scale: its floor, clamped to
    /// 1..=5. A mean a hair below a whole number because of floating-point
    /// rounding (2.9999999999) counts as that whole number.
    pub fn of_score(score: f64) -> Level {
        let floor = (score + 1e-9).floor();
        if floor >= 5.0 {
            Level::Optimising
        } else if floor >= 4.0 {
            Level::Managed
        } else if floor >= 3.0 {
            Level::Defined
        } else if floor >= 2.0 {
            Level::Repeatable
        } else {
            Level::Initial
        }
    }

    /// A stable key for translations and files.
    pub fn key(self) -> &'static str {
        match self {
            Level::Initial => "initial",
            Level::Repeatable => "repeatable",
            Level::Defined => "defined",
            Level::Managed => "managed",
            Level::Optimising => "optimising",
        }
    }

    /// The level's name in both languages: 初始 Initial, 可重复 Repeatable, …
    pub fn name(self) -> Text {
        let (en, zh) = match self {
            Level::Initial => ("Initial", "初始"),
            Level::Repeatable => ("Repeatable", "可重复"),
            Level::Defined => ("Defined", "已定义"),
            Level::Managed => ("Managed", "已管理"),
            Level::Optimising => ("Optimising", "优化"),
        };
        Text::new(en, zh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn level_of_a_score_is_its_floor_clamped() {
        let cases = [
            (0.0, Level::Initial),
            (1.0, Level::Initial),
            (1.99, Level::Initial),
            (2.0, Level::Repeatable),
            (2.999_999_999_9, Level::Defined),
            (3.5, Level::Defined),
            (4.0, Level::Managed),
            (4.99, Level::Managed),
            (5.0, Level::Optimising),
            (7.0, Level::Optimising),
        ];
        for (score, level) in cases {
            assert_eq!(Level::of_score(score), level, "{score}");
        }
    }

    #[test]
    fn levels_by_number_and_name() {
        assert_eq!(Level::from_number(0), None);
        assert_eq!(Level::from_number(3), Some(Level::Defined));
        assert_eq!(Level::from_number(6), None);
        let names: Vec<String> =
            Level::ALL.iter().map(|l| format!("{} {} {}", l.number(), l.name().zh, l.name().en)).collect();
        assert_eq!(
            names,
            ["1 初始 Initial", "2 可重复 Repeatable", "3 已定义 Defined", "4 已管理 Managed", "5 优化 Optimising"]
        );
    }

    #[test]
    fn text_falls_back_to_the_other_language() {
        assert_eq!(Text::new("Roles", "角色").get(Lang::Zh), "角色");
        assert_eq!(Text::en("Roles").get(Lang::Zh), "Roles");
        assert_eq!(Text::new("", "角色").get(Lang::En), "角色");
        assert!(Text::new(" ", "").is_blank());
    }
}

/// A small model and helpers shared by the tests of this module's files.
#[cfg(test)]
mod test_support {
    use std::collections::BTreeMap;

    use super::*;
    use crate::domain::{ts, Id, Timestamp};

    fn options(scores: &[f64]) -> Vec<ScoredOption> {
        scores.iter().enumerate().map(|(i, s)| ScoredOption::new(Text::en(&format!("option {i}")), *s)).collect()
    }

    fn question(key: &str, kind: QuestionKind) -> Question {
        Question { key: key.into(), text: Text::new(&format!("Question {key}"), &format!("问题{key}")), kind }
    }

    /// d1: q1 (scale), q2 (choice scoring 1, 0.5, 0);
    /// d2: q3 (scale), q4 (checkbox of two options scoring 0.5 each).
    pub fn model() -> MaturityModel {
        let scale = || QuestionKind::Scale { levels: Default::default() };
        let dimension = |key: &str, questions, actions: &[&str]| Dimension {
            key: key.into(),
            name: Text::new(&format!("Dimension {key}"), &format!("维度{key}")),
            description: Text::default(),
            questions,
            actions: actions.iter().map(|a| Text::en(a)).collect(),
        };
        MaturityModel {
            id: Id::from_u128(1),
            name: Text::new("Test model", "测试模型"),
            description: Text::default(),
            version: 1,
            source: String::new(),
            dimensions: vec![
                dimension(
                    "d1",
                    vec![
                        question("q1", scale()),
                        question("q2", QuestionKind::Choice { options: options(&[1.0, 0.5, 0.0]) }),
                    ],
                    &["act on d1"],
                ),
                dimension(
                    "d2",
                    vec![
                        question("q3", scale()),
                        question("q4", QuestionKind::Checkbox { options: options(&[0.5, 0.5]) }),
                    ],
                    &["act on d2", "also on d2"],
                ),
            ],
        }
    }

    pub fn team() -> TeamRef {
        TeamRef { id: Id::from_u128(7), name: "Service team A".into() }
    }

    pub fn now() -> Timestamp {
        ts("2026-12-01T09:00:00Z")
    }

    pub fn answers(pairs: &[(&str, Answer)]) -> BTreeMap<String, Answer> {
        pairs.iter().map(|(k, a)| (k.to_string(), a.clone())).collect()
    }

    pub fn named(name: &str, pairs: &[(&str, Answer)]) -> NewResponse {
        NewResponse { respondent: Some(name.to_string()), answers: answers(pairs) }
    }
}
