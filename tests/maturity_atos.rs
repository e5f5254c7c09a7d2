//! The Atos questionnaire importer on a small fixture written for these
//! tests (tests/fixtures/maturity-atos-small.json) and on the published
//! questionnaire in ../shared/realdata (skipped, saying so, when absent).
//! Expected counts and scores were worked out by reading the files.

use std::path::PathBuf;

use baton::domain::maturity::{Answer, MaturityModel, NewResponse, QuestionKind, Round, RoundSpec, TeamRef};
use baton::domain::{ts, Id};
use baton::persist::maturity_atos::{import_atos, AtosImport};
use baton::persist::maturity_model::{export_model, import_model};

const REAL: &str = "maturity_devops_questions_atos.json";

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn import(file_name: &str, text: &str) -> AtosImport {
    import_atos(file_name, text, Id::from_u128(77)).unwrap_or_else(|e| panic!("{file_name}: {e}"))
}

fn fixture() -> AtosImport {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/maturity-atos-small.json");
    import("maturity-atos-small.json", &read(path))
}

fn real() -> Option<AtosImport> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/realdata").join(REAL);
    if !path.exists() {
        println!("skipped: ../shared/realdata/{REAL} not present");
        return None;
    }
    Some(import(REAL, &read(path)))
}

/// The score on 1–5 of `answer` to the question with `key`.
fn score(model: &MaturityModel, key: &str, answer: Answer) -> f64 {
    let (_, question) = model.question(key).unwrap_or_else(|| panic!("no question {key}"));
    question.kind.score(&answer).unwrap_or_else(|e| panic!("{key}: {e}"))
}

fn option_texts(model: &MaturityModel, key: &str) -> Vec<(String, f64)> {
    match model.question(key).map(|(_, q)| &q.kind) {
        Some(QuestionKind::Choice { options }) | Some(QuestionKind::Checkbox { options }) => {
            options.iter().map(|o| (o.text.en.clone(), o.score)).collect()
        }
        other => panic!("{key}: expected a choice or checkbox question, found {other:?}"),
    }
}

#[test]
fn fixture_counts_order_and_notes() {
    let AtosImport { model, report } = fixture();
    let counts = (report.sections, report.entries, report.imported, report.choice, report.checkbox);
    assert_eq!(counts, (5, 8, 7, 6, 1));
    assert_eq!((report.standard_scale, report.banners), (4, 1));
    let dimensions: Vec<(&str, &str, usize)> =
        model.dimensions.iter().map(|d| (d.key.as_str(), d.name.en.as_str(), d.questions.len())).collect();
    assert_eq!(
        dimensions,
        [("s3", "Tools & data", 2), ("s2", "Handoffs", 3), ("s4", "Culture", 1), ("s5", "Habits", 1)]
    );
    let notes: Vec<String> = report.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "section Welcome: banner 1 skipped: banners carry no score (\"Answer for your own team.\\n\\nThere are no wrong answers.\")",
            "section Handoffs: question 1 has no answers; the standard scale Yes (1) / No (0) is used",
            "section Handoffs: sub-categories not kept (Follow-up): Baton models have no sub-categories",
            "section Tools & data: HTML markup in the section name turned into plain text",
            "section Tools & data, question 1: HTML markup in the question text turned into plain text",
            "section Tools & data, question 1: answers Yes / No all score 1; kept as in the file",
            "section Tools & data, question 2: field \"Weight\" is not part of the format and was ignored",
            "section Tools & data: question 2 has no answers; the standard scale Yes (1) / No (0) is used",
            "section Culture: question 1 has no answers; the standard scale Yes (1) / No (0) is used",
            "section Habits: question 1 has no answers; the standard scale Yes (1) / No (0) is used",
            "section Welcome: not imported as a dimension: it has no question to score",
            "dimensions follow SpiderPos, the radar order of the original tool: Tools & data, Handoffs, Culture, Habits",
            "SpiderPos 2 is shared by Handoffs and Culture; they keep their order in the file",
            "section Habits: no SpiderPos; placed after the sections that have one",
            "2 comment(s) (\"//\") kept in the model's source",
            "scores: each answer is placed on 1–5 within its question and questions weigh the same; the original \
             tool adds raw scores per section, so there a question worth 2 or 3 points weighs more than one worth 1",
        ]
    );
    assert!(model.source.contains("Each feature of the format appears at least once."), "{}", model.source);
    assert!(model.source.contains("Written for Baton's tests"), "{}", model.source);
}

/// Scores on 1–5: raw score placed between the question's lowest and
/// highest possible raw score.
#[test]
fn fixture_scores() {
    let model = fixture().model;
    assert_eq!(model.dimensions[0].questions[0].text.en, "Is every request in one shared list?");
    assert_eq!(option_texts(&model, "s2.q1"), [("Yes".to_string(), 1.0), ("No".to_string(), 0.0)]);
    let cases = [
        ("s2.q1", Answer::Option(0), 5.0),
        ("s2.q1", Answer::Option(1), 1.0),
        ("s2.q2", Answer::Option(1), 3.0),           // 1 of 0..2
        ("s2.q3", Answer::Checked(vec![0, 2]), 4.0), // 1.5 of 0..2
        ("s2.q3", Answer::Checked(vec![]), 1.0),
        ("s3.q1", Answer::Option(1), 1.0), // 0.5 is the lowest
        ("s3.q1", Answer::Option(2), 5.0), // "No" scores 1 in the file
    ];
    for (key, answer, expected) in cases {
        assert_eq!(score(&model, key, answer.clone()), expected, "{key} {answer:?}");
    }
}

#[test]
fn real_questionnaire_counts() {
    let Some(AtosImport { model, report }) = real() else { return };
    // 8 sections; 75 entries: 68 Option (42 without Answers), 6 Checkbox, 1 Banner.
    let counts = (report.sections, report.entries, report.imported, report.choice, report.checkbox);
    assert_eq!(counts, (8, 75, 74, 68, 6));
    assert_eq!((report.standard_scale, report.banners), (42, 1));
    // Introduction holds only the banner; the rest follow SpiderPos 1, 2, 3, 5, 5, 6, 7.
    let dimensions: Vec<(&str, &str, usize)> =
        model.dimensions.iter().map(|d| (d.key.as_str(), d.name.en.as_str(), d.questions.len())).collect();
    assert_eq!(
        dimensions,
        [
            ("s7", "Org Structure, Culture and Incentives", 19),
            ("s2", "Team Agility", 10),
            ("s4", "Automation", 14),
            ("s5", "Architecture and Design", 4),
            ("s8", "Standardisation", 5),
            ("s6", "DevOps Practices", 14),
            ("s3", "Collaboration", 8),
        ]
    );
    let notes: Vec<String> = report.notes.iter().map(ToString::to_string).collect();
    let expected_notes = [
        "section Introduction: banner 1 skipped: banners carry no score (\"The goal of this questionaire is to help you \
         assess the DevOps maturity of your…\")",
        "section Introduction: not imported as a dimension: it has no question to score",
        "section Team Agility: questions 1, 3, 5, 6, 7, 8, 10 have no answers; the standard scale Yes (1) / No (0) is used",
        "section Collaboration, question 1: answers Yes / No all score 1; kept as in the file",
        "section Automation: sub-categories not kept (Environments, Testing, Static Analysis): Baton models have no \
         sub-categories",
        "section DevOps Practices: sub-categories not kept (CI, Code Review, CD, Refactoring, TDD): Baton models have \
         no sub-categories",
        "SpiderPos 5 is shared by Architecture and Design and Standardisation; they keep their order in the file",
        "2 comment(s) (\"//\") kept in the model's source",
    ];
    for note in expected_notes {
        assert!(notes.iter().any(|n| n == note), "missing note {note:?} in {notes:#?}");
    }
    assert!(model.source.contains("Copyright 2018 Atos SE and Worldline"), "{}", model.source);
    assert!(model.source.contains("Licensed under MIT"), "{}", model.source);
}

/// Scores checked by hand against the file.
#[test]
fn real_questionnaire_scores() {
    let Some(AtosImport { model, .. }) = real() else { return };
    assert_eq!(option_texts(&model, "s5.q1").iter().map(|(_, s)| *s).collect::<Vec<_>>(), [3.0, 2.0, 1.0, 0.0]);
    let cases = [
        // Team Agility 1: no Answers, so Yes (1) / No (0).
        ("s2.q1", Answer::Option(0), 5.0),
        ("s2.q1", Answer::Option(1), 1.0),
        // Team Agility 2: four measures at 0.5 each; two ticked = 1.0 of 2.0.
        ("s2.q2", Answer::Checked(vec![0, 3]), 3.0),
        ("s2.q2", Answer::Checked(vec![0, 1, 2, 3]), 5.0),
        // Automation 6: "Yes, but scaling is manual" scores 1 of 0..2.
        ("s4.q6", Answer::Option(1), 3.0),
        // Architecture 1: "largely monolithic but made up of code modules" scores 1 of 0..3.
        ("s5.q1", Answer::Option(2), 1.0 + 4.0 / 3.0),
        // DevOps Practices 2: integrated "at least once a month" scores 0.5 of 0..2.
        ("s6.q2", Answer::Option(2), 2.0),
        // Standardisation 1: four standards at 1 each; three ticked = 3 of 4.
        ("s8.q1", Answer::Checked(vec![0, 1, 3]), 4.0),
        // Collaboration 1: "Yes, but only within the team" 0.5 is the lowest; "No" scores 1 in the file.
        ("s3.q1", Answer::Option(1), 1.0),
        ("s3.q1", Answer::Option(2), 5.0),
    ];
    for (key, answer, expected) in cases {
        let found = score(&model, key, answer.clone());
        assert!((found - expected).abs() < 1e-12, "{key} {answer:?}: {found}, expected {expected}");
    }
}

/// The imported model goes through the model file format unchanged and can
/// be used for a round.
#[test]
fn imported_models_are_ordinary_models() {
    let imports: Vec<AtosImport> = [Some(fixture()), real()].into_iter().flatten().collect();
    for AtosImport { model, .. } in imports {
        let text = export_model(&model).unwrap_or_else(|e| panic!("{e}"));
        let back = import_model(&text, Id::from_u128(1)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, model);
        let team = TeamRef { id: Id::from_u128(5), name: "Pilot".into() };
        let now = ts("2026-12-01T09:00:00Z");
        let mut round = Round::new(Id::from_u128(6), &model, RoundSpec::new(team, "2026 Q4").min_responses(1), now)
            .unwrap_or_else(|e| panic!("{e}"));
        let first = &model.dimensions[0].questions[0].key;
        let response =
            NewResponse { respondent: Some("Ana".into()), answers: [(first.clone(), Answer::Option(0))].into() };
        round.add_response(&model, Id::from_u128(7), response, now).unwrap_or_else(|e| panic!("{e}"));
        let result = round.results(&model).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(result.dimensions[0].mean, Some(5.0));
        assert_eq!(result.overall.scored, 1);
    }
}
