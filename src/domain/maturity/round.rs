//! Rounds: a team answering one version of a model for a period ("2026 Q4"),
//! and the responses collected in it.
//!
//! A round keeps its responses private. Results ([`Round::results`]) are
//! aggregates only and show once the round's minimum number of responses is
//! in; one person's answers come out only through
//! [`Round::individual_responses`], which refuses for anonymous rounds.
//! Anonymous rounds also never store a respondent's name.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use super::model::{AnswerProblem, QuestionAt};
use super::MaturityModel;
use crate::domain::{Id, Timestamp};

/// Responses needed before results show, unless the round says otherwise.
pub const DEFAULT_MIN_RESPONSES: u32 = 3;
/// The least an anonymous round may ask for: with two responses each
/// respondent could work out the other's answers from the means.
pub const ANONYMOUS_MIN_RESPONSES: u32 = 3;

fn default_min_responses() -> u32 {
    DEFAULT_MIN_RESPONSES
}

/// The team or department a round assesses, with the name shown for it
/// (kept so results stay readable if the team is renamed or removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamRef {
    pub id: Id,
    pub name: String,
}

/// What a round is for and how it treats its respondents; a command's
/// payload for creating or changing a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundSpec {
    pub team: TeamRef,
    /// "2026 Q4"; free text.
    pub period: String,
    #[serde(default)]
    pub anonymous: bool,
    #[serde(default = "default_min_responses")]
    pub min_responses: u32,
}

impl RoundSpec {
    /// A named round with the default minimum of responses.
    pub fn new(team: TeamRef, period: &str) -> Self {
        Self { team, period: period.to_string(), anonymous: false, min_responses: DEFAULT_MIN_RESPONSES }
    }

    pub fn anonymous(mut self) -> Self {
        self.anonymous = true;
        self
    }

    pub fn min_responses(mut self, min: u32) -> Self {
        self.min_responses = min;
        self
    }

    /// Trims the texts and checks the rules; the checked spec.
    fn checked(mut self) -> Result<Self, RoundError> {
        self.period = self.period.trim().to_string();
        self.team.name = self.team.name.trim().to_string();
        if self.period.is_empty() {
            return Err(RoundError::NoPeriod);
        }
        if self.team.name.is_empty() {
            return Err(RoundError::NoTeamName);
        }
        if self.min_responses == 0 {
            return Err(RoundError::MinimumZero);
        }
        if self.anonymous && self.min_responses < ANONYMOUS_MIN_RESPONSES {
            return Err(RoundError::AnonymousMinimum { found: self.min_responses });
        }
        Ok(self)
    }
}

/// One answer. Option numbers count from 0 in data and from 1 in messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// A level 1–5 for a scale question.
    Level(u8),
    /// The chosen option of a choice question.
    Option(usize),
    /// The ticked options of a checkbox question; empty means "none of these".
    Checked(Vec<usize>),
}

impl Answer {
    pub(super) fn name(&self) -> &'static str {
        match self {
            Answer::Level(_) => "a level 1–5",
            Answer::Option(_) => "one option",
            Answer::Checked(_) => "a list of ticked options",
        }
    }
}

/// A response as handed in: question key → answer. Questions left out are
/// unanswered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewResponse {
    /// Who answered; required in named rounds, not kept in anonymous ones.
    #[serde(default)]
    pub respondent: Option<String>,
    pub answers: BTreeMap<String, Answer>,
}

/// A stored response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub id: Id,
    /// Always none in an anonymous round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent: Option<String>,
    pub answers: BTreeMap<String, Answer>,
    pub submitted_at: Timestamp,
}

/// A team answering one version of a model for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Round {
    id: Id,
    model: Id,
    model_version: u32,
    team: TeamRef,
    period: String,
    #[serde(default)]
    anonymous: bool,
    #[serde(default = "default_min_responses")]
    min_responses: u32,
    created_at: Timestamp,
    #[serde(default)]
    responses: Vec<Response>,
}

/// Why a round, a response or a request for results was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    #[error("round: expected a period such as \"2026 Q4\", found nothing")]
    NoPeriod,
    #[error("round: expected the team's name, found nothing")]
    NoTeamName,
    #[error("round: expected a minimum of 1 response or more before results show, found 0")]
    MinimumZero,
    #[error(
        "round: an anonymous round must wait for at least {ANONYMOUS_MIN_RESPONSES} responses before results show, \
         found a minimum of {found}"
    )]
    AnonymousMinimum { found: u32 },
    #[error("round {period}: anonymous responses are in, so the round cannot become named")]
    StaysAnonymous { period: String },
    #[error("round {period}: expected model {expected} version {expected_version}, found model {found} version {found_version}")]
    WrongModel { period: String, expected: Id, expected_version: u32, found: Id, found_version: u32 },
    #[error("response: expected at least one answer, found none")]
    NoAnswers,
    #[error("response: expected the respondent's name (the round is not anonymous), found nothing")]
    NoRespondent,
    #[error("response: {name} has already answered in this round")]
    DuplicateRespondent { name: String },
    #[error("response {id}: already in this round")]
    DuplicateResponse { id: Id },
    #[error("response {id}: not in this round")]
    UnknownResponse { id: Id },
    #[error("round {period}: a stored anonymous response carries a respondent's name")]
    NameInAnonymousRound { period: String },
    #[error("answer to {question:?}: expected the key of a question of the model, found no such question")]
    UnknownQuestion { question: String },
    #[error("{at}: {problem}")]
    BadAnswer { at: QuestionAt, problem: AnswerProblem },
    #[error("round {period}: results show once {need} responses are in; {have} so far")]
    TooFewResponses { period: String, have: usize, need: usize },
    #[error("round {period} is anonymous: one person's answers are never shown")]
    Anonymous { period: String },
}

impl Round {
    /// A new round with no responses, answering the model's current version.
    pub fn new(id: Id, model: &MaturityModel, spec: RoundSpec, created_at: Timestamp) -> Result<Round, RoundError> {
        let spec = spec.checked()?;
        Ok(Round {
            id,
            model: model.id,
            model_version: model.version,
            team: spec.team,
            period: spec.period,
            anonymous: spec.anonymous,
            min_responses: spec.min_responses,
            created_at,
            responses: Vec::new(),
        })
    }

    pub fn id(&self) -> Id {
        self.id
    }
    pub fn model(&self) -> Id {
        self.model
    }
    pub fn model_version(&self) -> u32 {
        self.model_version
    }
    pub fn team(&self) -> &TeamRef {
        &self.team
    }
    pub fn period(&self) -> &str {
        &self.period
    }
    pub fn is_anonymous(&self) -> bool {
        self.anonymous
    }
    pub fn min_responses(&self) -> u32 {
        self.min_responses
    }
    pub fn created_at(&self) -> Timestamp {
        self.created_at
    }
    pub fn response_count(&self) -> usize {
        self.responses.len()
    }

    /// The round's settings as a spec, to edit and hand back to [`Round::update`].
    pub fn spec(&self) -> RoundSpec {
        RoundSpec {
            team: self.team.clone(),
            period: self.period.clone(),
            anonymous: self.anonymous,
            min_responses: self.min_responses,
        }
    }

    /// Changes team, period, anonymity or minimum. A round with responses
    /// cannot stop being anonymous; a named round made anonymous forgets
    /// its respondents' names.
    pub fn update(&mut self, spec: RoundSpec) -> Result<(), RoundError> {
        let spec = spec.checked()?;
        if self.anonymous && !spec.anonymous && !self.responses.is_empty() {
            return Err(RoundError::StaysAnonymous { period: self.period.clone() });
        }
        if spec.anonymous {
            self.responses.iter_mut().for_each(|r| r.respondent = None);
        }
        self.team = spec.team;
        self.period = spec.period;
        self.anonymous = spec.anonymous;
        self.min_responses = spec.min_responses;
        Ok(())
    }

    /// The model must be the one (and the version) the round answers.
    pub(super) fn check_model(&self, model: &MaturityModel) -> Result<(), RoundError> {
        if model.id == self.model && model.version == self.model_version {
            return Ok(());
        }
        Err(RoundError::WrongModel {
            period: self.period.clone(),
            expected: self.model,
            expected_version: self.model_version,
            found: model.id,
            found_version: model.version,
        })
    }

    /// Adds a response after checking every answer against the model: the
    /// question exists, and the answer fits it (a level 1–5 for a scale, an
    /// option that exists, no option ticked twice). Named rounds need a
    /// respondent's name, different from the names already in; anonymous
    /// rounds drop any name handed in.
    pub fn add_response(
        &mut self,
        model: &MaturityModel,
        id: Id,
        response: NewResponse,
        submitted_at: Timestamp,
    ) -> Result<(), RoundError> {
        self.check_model(model)?;
        if self.responses.iter().any(|r| r.id == id) {
            return Err(RoundError::DuplicateResponse { id });
        }
        let respondent = match self.anonymous {
            true => None,
            false => Some(self.new_respondent(response.respondent.as_deref())?),
        };
        check_answers(model, &response.answers)?;
        self.responses.push(Response { id, respondent, answers: response.answers, submitted_at });
        Ok(())
    }

    fn new_respondent(&self, name: Option<&str>) -> Result<String, RoundError> {
        let name = name.map(str::trim).filter(|n| !n.is_empty()).ok_or(RoundError::NoRespondent)?;
        let folded = name.to_lowercase();
        let taken = self.responses.iter().filter_map(|r| r.respondent.as_deref()).any(|n| n.to_lowercase() == folded);
        match taken {
            true => Err(RoundError::DuplicateRespondent { name: name.to_string() }),
            false => Ok(name.to_string()),
        }
    }

    pub fn remove_response(&mut self, id: Id) -> Result<(), RoundError> {
        let index = self.responses.iter().position(|r| r.id == id).ok_or(RoundError::UnknownResponse { id })?;
        self.responses.remove(index);
        Ok(())
    }

    /// Moves the round to another version of its model (after the model was
    /// edited), if every stored answer still fits it.
    pub fn move_to_version(&mut self, model: &MaturityModel) -> Result<(), RoundError> {
        if model.id != self.model {
            return Err(RoundError::WrongModel {
                period: self.period.clone(),
                expected: self.model,
                expected_version: self.model_version,
                found: model.id,
                found_version: model.version,
            });
        }
        for response in &self.responses {
            check_answers(model, &response.answers)?;
        }
        self.model_version = model.version;
        Ok(())
    }

    /// Checks a round read from storage or a file against its model: the
    /// settings, unique response ids, names (required and different in named
    /// rounds, absent in anonymous ones) and every answer.
    pub fn check(&self, model: &MaturityModel) -> Result<(), RoundError> {
        self.check_model(model)?;
        self.spec().checked()?;
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for response in &self.responses {
            if !ids.insert(response.id) {
                return Err(RoundError::DuplicateResponse { id: response.id });
            }
            match (&response.respondent, self.anonymous) {
                (Some(_), true) => return Err(RoundError::NameInAnonymousRound { period: self.period.clone() }),
                (None, false) => return Err(RoundError::NoRespondent),
                (Some(name), false) if !names.insert(name.trim().to_lowercase()) => {
                    return Err(RoundError::DuplicateRespondent { name: name.clone() })
                }
                _ => {}
            }
            check_answers(model, &response.answers)?;
        }
        Ok(())
    }

    /// One person's answers: for named rounds only.
    pub fn individual_responses(&self) -> Result<&[Response], RoundError> {
        match self.anonymous {
            true => Err(RoundError::Anonymous { period: self.period.clone() }),
            false => Ok(&self.responses),
        }
    }

    /// Who has answered so far: for named rounds only.
    pub fn respondents(&self) -> Result<Vec<&str>, RoundError> {
        Ok(self.individual_responses()?.iter().filter_map(|r| r.respondent.as_deref()).collect())
    }

    /// Every response, for the aggregate results in this module only.
    pub(super) fn all_responses(&self) -> &[Response] {
        &self.responses
    }
}

fn check_answers(model: &MaturityModel, answers: &BTreeMap<String, Answer>) -> Result<(), RoundError> {
    if answers.is_empty() {
        return Err(RoundError::NoAnswers);
    }
    for (key, answer) in answers {
        let (at, question) =
            model.question(key).ok_or_else(|| RoundError::UnknownQuestion { question: key.clone() })?;
        if let Err(problem) = question.kind.score(answer) {
            return Err(RoundError::BadAnswer { at, problem });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;
    use crate::domain::ts;

    fn spec() -> RoundSpec {
        RoundSpec::new(team(), "2026 Q4")
    }

    #[test]
    fn rounds_refuse_bad_settings() {
        let m = model();
        let cases = [
            (RoundSpec::new(team(), "  "), "round: expected a period such as \"2026 Q4\", found nothing"),
            (
                RoundSpec::new(TeamRef { id: Id::from_u128(7), name: " ".into() }, "Q4"),
                "round: expected the team's name, found nothing",
            ),
            (spec().min_responses(0), "round: expected a minimum of 1 response or more before results show, found 0"),
            (
                spec().anonymous().min_responses(2),
                "round: an anonymous round must wait for at least 3 responses before results show, found a minimum of 2",
            ),
        ];
        for (spec, message) in cases {
            let error = Round::new(Id::from_u128(9), &m, spec, now()).expect_err(message);
            assert_eq!(error.to_string(), message);
        }
        let round = Round::new(Id::from_u128(9), &m, RoundSpec::new(team(), " 2026 Q4 ").min_responses(1), now());
        assert_eq!(round.map(|r| (r.period().to_string(), r.min_responses())), Ok(("2026 Q4".to_string(), 1)));
    }

    /// (response, the expected refusal).
    #[test]
    fn responses_are_checked_against_the_model() {
        let m = model();
        let mut round = Round::new(Id::from_u128(9), &m, spec(), now()).expect("round");
        round.add_response(&m, Id::from_u128(20), named("Ana", &[("q1", Answer::Level(3))]), now()).expect("Ana");
        let cases = [
            (named("Ben", &[("q1", Answer::Level(6))]), "question q1 of dimension d1: level 6 is out of range 1–5"),
            (named("Ben", &[("q2", Answer::Option(3))]), "question q2 of dimension d1: option 4 is out of range 1–3"),
            (
                named("Ben", &[("q4", Answer::Checked(vec![1, 1]))]),
                "question q4 of dimension d2: option 2 is ticked twice",
            ),
            (
                named("Ben", &[("q3", Answer::Option(1))]),
                "question q3 of dimension d2: expected a level 1–5, found one option",
            ),
            (
                named("Ben", &[("q9", Answer::Level(2))]),
                "answer to \"q9\": expected the key of a question of the model, found no such question",
            ),
            (named("Ben", &[]), "response: expected at least one answer, found none"),
            (
                NewResponse { respondent: Some(" ".into()), answers: answers(&[("q1", Answer::Level(2))]) },
                "response: expected the respondent's name (the round is not anonymous), found nothing",
            ),
            (named(" ana ", &[("q1", Answer::Level(2))]), "response: ana has already answered in this round"),
        ];
        let before = round.clone();
        for (response, message) in cases {
            let error = round.add_response(&m, Id::from_u128(21), response, now()).expect_err(message);
            assert_eq!(error.to_string(), message);
            assert_eq!(round, before);
        }
        let again = round.add_response(&m, Id::from_u128(20), named("Ben", &[("q1", Answer::Level(2))]), now());
        assert_eq!(again, Err(RoundError::DuplicateResponse { id: Id::from_u128(20) }));
    }

    #[test]
    fn a_round_answers_one_version_of_one_model() {
        let mut m = model();
        let mut round = Round::new(Id::from_u128(9), &m, spec(), now()).expect("round");
        m.edit(super::super::ModelEdit::RemoveQuestion { key: "q2".into() }).expect("edit");
        let refused = round.add_response(&m, Id::from_u128(20), named("Ana", &[("q1", Answer::Level(3))]), now());
        let message = format!(
            "round 2026 Q4: expected model {} version 1, found model {} version 2",
            Id::from_u128(1),
            Id::from_u128(1)
        );
        assert_eq!(refused.map_err(|e| e.to_string()), Err(message));
        round.move_to_version(&m).expect("no answers to q2 yet");
        assert_eq!(round.model_version(), 2);
        round.add_response(&m, Id::from_u128(20), named("Ana", &[("q1", Answer::Level(3))]), now()).expect("Ana");
        assert_eq!(round.check(&m), Ok(()));
    }

    #[test]
    fn anonymous_rounds_keep_no_names_and_show_no_one() {
        let m = model();
        let mut round = Round::new(Id::from_u128(9), &m, spec().anonymous(), now()).expect("round");
        round.add_response(&m, Id::from_u128(20), named("Ana", &[("q1", Answer::Level(3))]), now()).expect("in");
        assert_eq!(round.all_responses()[0].respondent, None);
        let refusal = "round 2026 Q4 is anonymous: one person's answers are never shown";
        assert_eq!(round.individual_responses().map_err(|e| e.to_string()), Err(refusal.to_string()));
        assert_eq!(round.respondents().map_err(|e| e.to_string()), Err(refusal.to_string()));
        let named_again = round.spec();
        let refused = round.update(RoundSpec { anonymous: false, ..named_again });
        assert_eq!(refused, Err(RoundError::StaysAnonymous { period: "2026 Q4".into() }));
        assert!(round.is_anonymous());
        assert_eq!(round.check(&m), Ok(()));
    }

    #[test]
    fn a_named_round_made_anonymous_forgets_names() {
        let m = model();
        let mut round = Round::new(Id::from_u128(9), &m, spec(), now()).expect("round");
        round.add_response(&m, Id::from_u128(20), named("Ana", &[("q1", Answer::Level(3))]), now()).expect("Ana");
        assert_eq!(round.respondents(), Ok(vec!["Ana"]));
        round.update(round.spec().anonymous()).expect("anonymous");
        assert_eq!(round.all_responses()[0].respondent, None);
        assert_eq!(round.check(&m), Ok(()));
    }

    #[test]
    fn stored_rounds_are_checked_whole() {
        let m = model();
        let mut round = Round::new(Id::from_u128(9), &m, spec().anonymous(), now()).expect("round");
        round.add_response(&m, Id::from_u128(20), named("", &[("q1", Answer::Level(3))]), now()).expect("in");
        let mut with_name = round.clone();
        with_name.responses[0].respondent = Some("Ana".into());
        assert_eq!(with_name.check(&m), Err(RoundError::NameInAnonymousRound { period: "2026 Q4".into() }));
        let mut twice = round.clone();
        twice.responses.push(twice.responses[0].clone());
        assert_eq!(twice.check(&m), Err(RoundError::DuplicateResponse { id: Id::from_u128(20) }));
        let mut bad = round.clone();
        bad.responses[0].answers.insert("q2".into(), Answer::Option(7));
        assert_eq!(
            bad.check(&m).map_err(|e| e.to_string()),
            Err("question q2 of dimension d1: option 8 is out of range 1–3".to_string())
        );
        let json = serde_json::to_string(&round).expect("json");
        let back: Round = serde_json::from_str(&json).expect("read back");
        assert_eq!(back, round);
        assert_eq!(ts("2026-12-01T09:00:00Z"), back.created_at());
    }
}
