//! Results of a round: per question, per dimension and overall, computed
//! from the responses with the rules on [`Round::results`]. A result holds
//! aggregates only: nothing in it belongs to one respondent.

use serde::{Deserialize, Serialize};

use super::{Dimension, Level, MaturityModel, Question, Response, Round, RoundError, TeamRef, Text};
use crate::domain::Id;

/// Two answers this far apart on the 1–5 scale flag a disagreement.
const DISAGREEMENT: f64 = 2.0;
/// Tolerance for comparing means that went through floating-point sums.
const EPSILON: f64 = 1e-9;

/// The results of a round, ready for a table, a radar chart or an export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundResult {
    pub round: Id,
    pub model: Id,
    pub model_version: u32,
    pub team: TeamRef,
    pub period: String,
    pub anonymous: bool,
    /// Responses counted.
    pub responses: usize,
    /// In the model's order.
    pub dimensions: Vec<DimensionResult>,
    pub overall: Overall,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DimensionResult {
    pub key: String,
    pub name: Text,
    /// Mean of every answered question score in the dimension, over all
    /// respondents; none when nobody answered any of its questions.
    pub mean: Option<f64>,
    /// How far respondents' own dimension means lie apart; none when nobody
    /// answered.
    pub spread: Option<Spread>,
    /// Answers given (n of N) …
    pub answered: usize,
    /// … out of responses × questions.
    pub asked: usize,
    pub questions: Vec<QuestionResult>,
}

/// The spread of respondents' dimension means (each respondent's mean over
/// the questions of the dimension they answered).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    /// Population standard deviation (divided by n, not n − 1: the
    /// respondents are the whole team asked, not a sample).
    pub sd: f64,
    pub min: f64,
    pub max: f64,
    /// Respondents who answered at least one question of the dimension.
    pub respondents: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub key: String,
    pub answered: usize,
    /// Responses in the round (answered of asked).
    pub asked: usize,
    pub mean: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The highest and lowest answer are two levels or more apart.
    pub disagreement: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    /// Mean of the dimension means, over the dimensions that have one.
    pub mean: Option<f64>,
    /// [`Level::of_score`] of the mean.
    pub level: Option<Level>,
    /// Dimensions with a mean (n of N) …
    pub scored: usize,
    /// … out of the model's dimensions.
    pub dimensions: usize,
}

/// A weak dimension and the improvement actions its model suggests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub dimension: String,
    pub name: Text,
    pub mean: f64,
    pub actions: Vec<Text>,
}

impl Round {
    /// The round's results, scored with the model version it answers.
    ///
    /// Rules:
    /// - Every answer is a score on 1–5 ([`super::QuestionKind::score`]);
    ///   unanswered questions are left out of every mean and counted
    ///   (`answered` of `asked`).
    /// - A question's mean, lowest and highest score are over the responses
    ///   that answered it. Its disagreement flag is set when highest −
    ///   lowest ≥ 2 (two levels or more).
    /// - A dimension's mean is the mean of every answer to its questions by
    ///   every respondent (each answer weighs the same). Its spread is the
    ///   population standard deviation, minimum and maximum of the
    ///   respondents' own dimension means.
    /// - The overall mean is the mean of the dimension means (each dimension
    ///   weighs the same, whatever its number of questions); the overall
    ///   level is its floor, clamped to 1–5 ([`Level::of_score`]).
    ///
    /// Refused while fewer than the round's minimum of responses are in.
    pub fn results(&self, model: &MaturityModel) -> Result<RoundResult, RoundError> {
        self.check_model(model)?;
        let responses = self.all_responses();
        let need = self.min_responses() as usize;
        if responses.len() < need {
            return Err(RoundError::TooFewResponses { period: self.period().to_string(), have: responses.len(), need });
        }
        let dimensions: Vec<DimensionResult> =
            model.dimensions.iter().map(|d| dimension_result(d, responses)).collect();
        Ok(RoundResult {
            round: self.id(),
            model: self.model(),
            model_version: self.model_version(),
            team: self.team().clone(),
            period: self.period().to_string(),
            anonymous: self.is_anonymous(),
            responses: responses.len(),
            overall: overall(&dimensions),
            dimensions,
        })
    }
}

/// The score of one response's answer to a question, if it answered it.
fn score_of(question: &Question, response: &Response) -> Option<f64> {
    response.answers.get(&question.key).and_then(|a| question.kind.score(a).ok())
}

fn question_result(question: &Question, responses: &[Response]) -> QuestionResult {
    let scores: Vec<f64> = responses.iter().filter_map(|r| score_of(question, r)).collect();
    let (min, max) = (fold(&scores, f64::min), fold(&scores, f64::max));
    QuestionResult {
        key: question.key.clone(),
        answered: scores.len(),
        asked: responses.len(),
        mean: mean(&scores),
        min,
        max,
        disagreement: matches!((min, max), (Some(low), Some(high)) if high - low >= DISAGREEMENT - EPSILON),
    }
}

fn dimension_result(dimension: &Dimension, responses: &[Response]) -> DimensionResult {
    let per_respondent: Vec<Vec<f64>> =
        responses.iter().map(|r| dimension.questions.iter().filter_map(|q| score_of(q, r)).collect()).collect();
    let all: Vec<f64> = per_respondent.iter().flatten().copied().collect();
    let respondent_means: Vec<f64> = per_respondent.iter().filter_map(|scores| mean(scores)).collect();
    DimensionResult {
        key: dimension.key.clone(),
        name: dimension.name.clone(),
        mean: mean(&all),
        spread: spread(&respondent_means),
        answered: all.len(),
        asked: responses.len() * dimension.questions.len(),
        questions: dimension.questions.iter().map(|q| question_result(q, responses)).collect(),
    }
}

fn overall(dimensions: &[DimensionResult]) -> Overall {
    let means: Vec<f64> = dimensions.iter().filter_map(|d| d.mean).collect();
    let mean = mean(&means);
    Overall { mean, level: mean.map(Level::of_score), scored: means.len(), dimensions: dimensions.len() }
}

fn mean(values: &[f64]) -> Option<f64> {
    match values.len() {
        0 => None,
        n => Some(values.iter().sum::<f64>() / n as f64),
    }
}

fn fold(values: &[f64], pick: fn(f64, f64) -> f64) -> Option<f64> {
    values.iter().copied().reduce(pick)
}

fn spread(values: &[f64]) -> Option<Spread> {
    let m = mean(values)?;
    let variance = values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / values.len() as f64;
    Some(Spread {
        sd: variance.sqrt(),
        min: fold(values, f64::min)?,
        max: fold(values, f64::max)?,
        respondents: values.len(),
    })
}

/// The `count` weakest dimensions of a result (lowest means first; equal
/// means in the model's order; dimensions nobody answered left out), each
/// with the improvement actions the model gives for it.
pub fn suggestions(model: &MaturityModel, result: &RoundResult, count: usize) -> Vec<Suggestion> {
    let mut scored: Vec<(i64, usize, &super::DimensionResult, f64)> =
        result.dimensions.iter().enumerate().filter_map(|(i, d)| d.mean.map(|m| (sort_key(m), i, d, m))).collect();
    scored.sort_by_key(|(key, index, _, _)| (*key, *index));
    scored
        .into_iter()
        .take(count)
        .map(|(_, _, d, mean)| Suggestion {
            dimension: d.key.clone(),
            name: d.name.clone(),
            mean,
            actions: model.dimension(&d.key).map(|dim| dim.actions.clone()).unwrap_or_default(),
        })
        .collect()
}

/// Means on a grid of 10⁻⁹, so that equal means reached by different sums
/// compare equal and ties fall back to the model's order.
fn sort_key(mean: f64) -> i64 {
    (mean / EPSILON).round() as i64
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::super::{Answer, RoundSpec};
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn round_with(spec: RoundSpec, responses: &[&[(&str, Answer)]]) -> (MaturityModel, Round) {
        let m = model();
        let mut round = Round::new(Id::from_u128(9), &m, spec, now()).expect("round");
        for (i, answers) in responses.iter().enumerate() {
            let response = named(&format!("person {i}"), answers);
            round.add_response(&m, Id::from_u128(100 + i as u128), response, now()).expect("response");
        }
        (m, round)
    }

    /// (mean, (sd, min, max), answered, asked).
    type Expected = (Option<f64>, Option<(f64, f64, f64)>, usize, usize);

    /// Checks a dimension against what was worked out by hand.
    fn check(d: &DimensionResult, expected: Expected) {
        let (mean, spread, answered, asked) = expected;
        let same = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => close(a, b),
            (a, b) => a == b,
        };
        assert!(same(d.mean, mean), "{}: mean {:?}, expected {mean:?}", d.key, d.mean);
        let found = d.spread.map(|s| (s.sd, s.min, s.max));
        let spread_ok = match (found, spread) {
            (Some(a), Some(b)) => close(a.0, b.0) && close(a.1, b.1) && close(a.2, b.2),
            (a, b) => a.is_none() && b.is_none(),
        };
        assert!(spread_ok, "{}: spread {found:?}, expected {spread:?}", d.key);
        assert_eq!((d.answered, d.asked), (answered, asked), "{}", d.key);
    }

    /// Three respondents; scores on 1–5 after mapping (q2: options 0/1/2
    /// score 5/3/1; q4: no tick 1, one tick 3, both 5).
    ///
    /// | respondent | q1 | q2      | q3 | q4     | d1 mean | d2 mean |
    /// |------------|----|---------|----|--------|---------|---------|
    /// | 1          | 2  | 3 (o1)  | 4  | 3 (0)  | 2.5     | 3.5     |
    /// | 2          | 4  | 3 (o1)  | 4  | 5 (01) | 3.5     | 4.5     |
    /// | 3          | 3  | —       | 2  | 1 ()   | 3       | 1.5     |
    ///
    /// d1: answers 2,3,4,3,3 → 15/5 = 3.0; respondent means 2.5, 3.5, 3
    /// around 3: variance (0.25 + 0.25 + 0)/3 = 1/6.
    /// d2: answers 4,3,4,5,2,1 → 19/6; respondent means 3.5, 4.5, 1.5 around
    /// 19/6: variance (1/9 + 16/9 + 25/9)/3 = 14/9.
    /// Overall (3 + 19/6)/2 = 37/12 ≈ 3.083 → level 3 Defined.
    #[test]
    fn hand_worked_round() {
        let (m, round) = round_with(
            RoundSpec::new(team(), "2026 Q4"),
            &[
                &[
                    ("q1", Answer::Level(2)),
                    ("q2", Answer::Option(1)),
                    ("q3", Answer::Level(4)),
                    ("q4", Answer::Checked(vec![0])),
                ],
                &[
                    ("q1", Answer::Level(4)),
                    ("q2", Answer::Option(1)),
                    ("q3", Answer::Level(4)),
                    ("q4", Answer::Checked(vec![0, 1])),
                ],
                &[("q1", Answer::Level(3)), ("q3", Answer::Level(2)), ("q4", Answer::Checked(vec![]))],
            ],
        );
        let r = round.results(&m).expect("results");
        check(&r.dimensions[0], (Some(3.0), Some(((1.0f64 / 6.0).sqrt(), 2.5, 3.5)), 5, 6));
        check(&r.dimensions[1], (Some(19.0 / 6.0), Some(((14.0f64 / 9.0).sqrt(), 1.5, 4.5)), 6, 6));
        let questions: Vec<_> = r
            .dimensions
            .iter()
            .flat_map(|d| &d.questions)
            .map(|q| (q.key.as_str(), q.answered, q.mean, q.min, q.max, q.disagreement))
            .collect();
        assert_eq!(
            questions,
            [
                ("q1", 3, Some(3.0), Some(2.0), Some(4.0), true),
                ("q2", 2, Some(3.0), Some(3.0), Some(3.0), false),
                ("q3", 3, Some(10.0 / 3.0), Some(2.0), Some(4.0), true),
                ("q4", 3, Some(3.0), Some(1.0), Some(5.0), true),
            ]
        );
        assert!(close(r.overall.mean.unwrap_or_default(), 37.0 / 12.0));
        assert_eq!((r.overall.level, r.overall.scored, r.overall.dimensions), (Some(Level::Defined), 2, 2));
        assert_eq!((r.responses, r.period.as_str(), r.team.name.as_str()), (3, "2026 Q4", "Service team A"));
        let weakest = suggestions(&m, &r, 1);
        assert_eq!(weakest.len(), 1);
        assert_eq!((weakest[0].dimension.as_str(), weakest[0].actions.clone()), ("d1", vec![Text::en("act on d1")]));
    }

    /// (levels given to q1 by each respondent, disagreement expected).
    #[test]
    fn disagreement_is_two_levels_or_more() {
        let cases: [(&[u8], bool); 5] =
            [(&[3, 3, 3], false), (&[2, 3, 3], false), (&[2, 3, 4], true), (&[1, 5, 5], true), (&[4], false)];
        for (levels, expected) in cases {
            let answers: Vec<Vec<(&str, Answer)>> = levels.iter().map(|l| vec![("q1", Answer::Level(*l))]).collect();
            let refs: Vec<&[(&str, Answer)]> = answers.iter().map(Vec::as_slice).collect();
            let (m, round) = round_with(RoundSpec::new(team(), "Q").min_responses(1), &refs);
            let r = round.results(&m).expect("results");
            assert_eq!(r.dimensions[0].questions[0].disagreement, expected, "{levels:?}");
        }
    }

    /// Nobody answered d2: it has no mean or spread, counts 0 of 4, and
    /// the overall mean is d1's alone (1 of 2 dimensions scored).
    #[test]
    fn unanswered_dimensions_are_left_out_and_counted() {
        let (m, round) = round_with(
            RoundSpec::new(team(), "Q").min_responses(2),
            &[&[("q1", Answer::Level(1))], &[("q1", Answer::Level(2)), ("q2", Answer::Option(0))]],
        );
        let r = round.results(&m).expect("results");
        // d1: answers 1, 2, 5 → 8/3; respondent means 1 and 3.5 around 2.25.
        check(&r.dimensions[0], (Some(8.0 / 3.0), Some((1.25, 1.0, 3.5)), 3, 4));
        check(&r.dimensions[1], (None, None, 0, 4));
        assert_eq!(r.dimensions[0].questions[1].answered, 1);
        assert_eq!((r.overall.mean, r.overall.level, r.overall.scored), (Some(8.0 / 3.0), Some(Level::Repeatable), 1));
        assert_eq!(suggestions(&m, &r, 5).len(), 1);
    }

    #[test]
    fn results_wait_for_the_minimum_of_responses() {
        let answers: &[(&str, Answer)] = &[("q1", Answer::Level(3))];
        let (m, round) = round_with(RoundSpec::new(team(), "2026 Q4").anonymous(), &[answers, answers]);
        let refused = round.results(&m).map_err(|e| e.to_string());
        assert_eq!(refused, Err("round 2026 Q4: results show once 3 responses are in; 2 so far".to_string()));
        let (m, round) = round_with(RoundSpec::new(team(), "2026 Q4").anonymous(), &[answers, answers, answers]);
        let r = round.results(&m).expect("three are in");
        assert!(r.anonymous);
        // The result has no respondent names anywhere.
        let json = serde_json::to_string(&r).expect("json");
        assert!(!json.contains("person"), "{json}");
    }

    #[test]
    fn equal_means_keep_the_model_order() {
        // d1 and d2 both at 3.0, reached by different sums.
        let (m, round) = round_with(
            RoundSpec::new(team(), "Q").min_responses(1),
            &[&[
                ("q1", Answer::Level(3)),
                ("q2", Answer::Option(1)),
                ("q3", Answer::Level(5)),
                ("q4", Answer::Checked(vec![])),
            ]],
        );
        let r = round.results(&m).expect("results");
        let order: Vec<String> = suggestions(&m, &r, 2).into_iter().map(|s| s.dimension).collect();
        assert_eq!(order, ["d1", "d2"]);
        assert_eq!(suggestions(&m, &r, 0), []);
        assert_eq!(suggestions(&m, &r, 2)[1].actions.len(), 2);
    }
}
