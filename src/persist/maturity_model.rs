//! The maturity model file (`<name>.maturity.json`): one model, to share
//! custom models between workspaces. Documented field by field in
//! `docs/maturity-model-format.md`.
//!
//! ```
//! use baton::domain::maturity::collaboration_model;
//! use baton::domain::Id;
//! use baton::persist::maturity_model::{export_model, import_model};
//! let text = export_model(&collaboration_model())?;
//! let back = import_model(&text, Id::from_u128(99))?;
//! assert_eq!(back, collaboration_model());
//! assert_eq!(export_model(&back)?, text);
//! # Ok::<(), baton::persist::json_read::JsonError>(())
//! ```
//!
//! Reading checks, in this order: that the text is JSON; the `format` and
//! `version` fields; the shape and types of every field, refusing fields the
//! format does not have and fields given twice; then the rules of
//! [`MaturityModel::validate`]. Every error names the JSON path, what was
//! expected there and what was found.

use serde::Serialize;

use super::json_read::{parse_document, At, JsonError, JsonErrorKind, Obj};
use crate::domain::maturity::{Dimension, MaturityModel, ModelError, Question, QuestionKind, ScoredOption, Text};
use crate::domain::Id;

/// The value of the `format` field.
pub const FORMAT: &str = "baton.maturity-model";
/// The format version this build writes, and the newest it reads.
pub const VERSION: u32 = 1;

const TEXT: &str = "text in both languages, such as {\"en\": \"…\", \"zh\": \"…\"}";
const KINDS: &str = "one of \"scale\", \"choice\", \"checkbox\"";

#[derive(Serialize)]
struct ModelFile<'m> {
    format: &'static str,
    version: u32,
    model: &'m MaturityModel,
}

/// The model as file text (indented JSON ending with a new line). Refuses a
/// model that does not validate, so that every exported file reads back.
pub fn export_model(model: &MaturityModel) -> Result<String, JsonError> {
    model.validate().map_err(|e| model_error(&e))?;
    let file = ModelFile { format: FORMAT, version: VERSION, model };
    match serde_json::to_string_pretty(&file) {
        Ok(text) => Ok(text + "\n"),
        Err(e) => {
            Err(JsonError::new(JsonErrorKind::Invalid, "model", "a model that can be written as JSON", e.to_string()))
        }
    }
}

/// Reads a model file. A file without a model id (one written by hand)
/// gets `id_if_missing`; one without a model version gets version 1.
pub fn import_model(text: &str, id_if_missing: Id) -> Result<MaturityModel, JsonError> {
    let root = parse_document(text, "a JSON document (a Baton maturity model)")?;
    let file = At::root(&root).object(&format!("an object with \"format\": \"{FORMAT}\""))?;
    check_header(&file)?;
    file.refuse_unknown(&["format", "version", "model"])?;
    let model = read_model(&file.require("model", "the model (an object)")?, id_if_missing)?;
    model.validate().map_err(|e| model_error(&e))?;
    Ok(model)
}

fn check_header(file: &Obj) -> Result<(), JsonError> {
    let wanted = format!("\"{FORMAT}\"");
    let format = file.get("format")?.ok_or_else(|| {
        let found = "no format field (this is not a Baton maturity model)";
        JsonError::new(JsonErrorKind::WrongFormat, "format", wanted.as_str(), found)
    })?;
    if format.string(&wanted).map_err(|e| JsonError { kind: JsonErrorKind::WrongFormat, ..e })? != FORMAT {
        return Err(format.invalid(JsonErrorKind::WrongFormat, wanted));
    }
    let whole = format!("a format version number ({VERSION} or older)");
    let version = file.require("version", "the format version (a whole number)")?;
    match version.whole(&whole)? {
        0 => Err(version.invalid(JsonErrorKind::Invalid, whole)),
        n if n > u64::from(VERSION) => {
            Err(version.invalid(JsonErrorKind::NewerVersion, format!("format version {VERSION} or older")))
        }
        _ => Ok(()),
    }
}

/// A validation error of the domain at its JSON path in the file. Every
/// validation message reads "<place>: expected <what>, found <what>".
fn model_error(e: &ModelError) -> JsonError {
    let path = match e.path() {
        p if p.is_empty() => "model".to_string(),
        p => format!("model.{p}"),
    };
    let message = e.to_string();
    let parts = message.split_once(": expected ").and_then(|(_, rest)| rest.rsplit_once(", found "));
    match parts {
        Some((expected, found)) => JsonError::new(JsonErrorKind::Invalid, &path, expected, found),
        None => JsonError::new(JsonErrorKind::Invalid, &path, "a valid model", message.as_str()),
    }
}

fn read_model(at: &At, id_if_missing: Id) -> Result<MaturityModel, JsonError> {
    let obj = at.object("the model (an object)")?;
    obj.refuse_unknown(&["id", "name", "description", "version", "source", "dimensions"])?;
    let id = match obj.get("id")? {
        Some(v) => read_id(&v)?,
        None => id_if_missing,
    };
    let version = match obj.get("version")? {
        Some(v) => read_version(&v)?,
        None => 1,
    };
    let source = match obj.get("source")? {
        Some(v) => v.string("text")?.to_string(),
        None => String::new(),
    };
    let dimensions = obj.require("dimensions", "a list of dimensions")?.array("a list of dimensions")?;
    Ok(MaturityModel {
        id,
        name: read_text(&obj.require("name", TEXT)?)?,
        description: optional_text(&obj, "description")?,
        version,
        source,
        dimensions: dimensions.iter().map(read_dimension).collect::<Result<_, _>>()?,
    })
}

fn read_id(at: &At) -> Result<Id, JsonError> {
    let expected = "a UUID such as \"0192f0c4-5d1e-7abc-8def-0123456789ab\"";
    Id::parse_str(at.string(expected)?).map_err(|_| at.invalid(JsonErrorKind::Invalid, expected))
}

fn read_version(at: &At) -> Result<u32, JsonError> {
    let expected = "a model version (a whole number from 1)";
    let n = at.whole(expected)?;
    u32::try_from(n).ok().filter(|n| *n >= 1).ok_or_else(|| at.invalid(JsonErrorKind::Invalid, expected))
}

fn read_text(at: &At) -> Result<Text, JsonError> {
    let obj = at.object(TEXT)?;
    obj.refuse_unknown(&["en", "zh"])?;
    let lang = |key: &str| -> Result<String, JsonError> {
        match obj.get(key)? {
            Some(v) => Ok(v.string("text")?.to_string()),
            None => Ok(String::new()),
        }
    };
    Ok(Text { en: lang("en")?, zh: lang("zh")? })
}

fn optional_text(obj: &Obj, key: &str) -> Result<Text, JsonError> {
    match obj.get(key)? {
        Some(v) => read_text(&v),
        None => Ok(Text::default()),
    }
}

fn read_key(obj: &Obj) -> Result<String, JsonError> {
    Ok(obj.require("key", "a key (short text)")?.string("a key (short text)")?.to_string())
}

fn read_dimension(at: &At) -> Result<Dimension, JsonError> {
    let obj = at.object("a dimension (an object)")?;
    obj.refuse_unknown(&["key", "name", "description", "questions", "actions"])?;
    let questions = obj.require("questions", "a list of questions")?.array("a list of questions")?;
    let actions = match obj.get("actions")? {
        Some(v) => v.array("a list of improvement actions")?.iter().map(read_text).collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    Ok(Dimension {
        key: read_key(&obj)?,
        name: read_text(&obj.require("name", TEXT)?)?,
        description: optional_text(&obj, "description")?,
        questions: questions.iter().map(read_question).collect::<Result<_, _>>()?,
        actions,
    })
}

fn read_question(at: &At) -> Result<Question, JsonError> {
    let obj = at.object("a question (an object)")?;
    let kind_at = obj.require("kind", KINDS)?;
    let kind = match kind_at.string(KINDS)? {
        "scale" => {
            obj.refuse_unknown(&["key", "text", "kind", "levels"])?;
            QuestionKind::Scale { levels: read_levels(&obj)? }
        }
        "choice" => {
            obj.refuse_unknown(&["key", "text", "kind", "options"])?;
            QuestionKind::Choice { options: read_options(&obj)? }
        }
        "checkbox" => {
            obj.refuse_unknown(&["key", "text", "kind", "options"])?;
            QuestionKind::Checkbox { options: read_options(&obj)? }
        }
        _ => return Err(kind_at.invalid(JsonErrorKind::Invalid, KINDS)),
    };
    Ok(Question { key: read_key(&obj)?, text: read_text(&obj.require("text", TEXT)?)?, kind })
}

fn read_levels(obj: &Obj) -> Result<[Text; 5], JsonError> {
    let expected = "5 level descriptions (levels 1 to 5)";
    let Some(levels_at) = obj.get("levels")? else { return Ok(Default::default()) };
    let texts: Vec<Text> = levels_at.array(expected)?.iter().map(read_text).collect::<Result<_, _>>()?;
    <[Text; 5]>::try_from(texts).map_err(|_| levels_at.invalid(JsonErrorKind::Invalid, expected))
}

fn read_options(obj: &Obj) -> Result<Vec<ScoredOption>, JsonError> {
    let list = obj.require("options", "a list of options")?.array("a list of options")?;
    list.iter()
        .map(|at| {
            let option = at.object("an option with a text and a score")?;
            option.refuse_unknown(&["text", "score"])?;
            let score = option.require("score", "a score (a number)")?.number("a score (a number)")?;
            Ok(ScoredOption { text: read_text(&option.require("text", TEXT)?)?, score })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::maturity::collaboration_model;

    fn small() -> MaturityModel {
        let option = |en: &str, zh: &str, score| ScoredOption::new(Text::new(en, zh), score);
        MaturityModel {
            id: Id::from_u128(42),
            name: Text::new("Workshop check", "工作坊自查"),
            description: Text::en("Quick check 🙂"),
            version: 3,
            source: "written by hand".into(),
            dimensions: vec![Dimension {
                key: "flow".into(),
                name: Text::new("Flow", "流程"),
                description: Text::default(),
                questions: vec![
                    Question {
                        key: "flow.1".into(),
                        text: Text::new("Handoffs complete?", "交接完整吗？"),
                        kind: QuestionKind::Choice {
                            options: vec![
                                option("Yes", "是", 1.0),
                                option("Partly", "部分", 0.5),
                                option("No", "否", 0.0),
                            ],
                        },
                    },
                    Question {
                        key: "flow.2".into(),
                        text: Text::en("Which apply?"),
                        kind: QuestionKind::Checkbox {
                            options: vec![option("A", "甲", 0.25), option("B", "乙", -1.5)],
                        },
                    },
                ],
                actions: vec![Text::new("Agree a template", "商定模板")],
            }],
        }
    }

    #[test]
    fn export_import_export_gives_the_same_text() {
        for model in [collaboration_model(), small()] {
            let text = export_model(&model).expect("export");
            let back = import_model(&text, Id::from_u128(1)).expect("import");
            assert_eq!(back, model);
            assert_eq!(export_model(&back).expect("export again"), text);
            // The model object of the file is the model as the workspace stores it.
            let value: serde_json::Value = serde_json::from_str(&text).expect("json");
            let stored: MaturityModel = serde_json::from_value(value["model"].clone()).expect("serde");
            assert_eq!(stored, model);
        }
    }

    /// The example in docs/maturity-model-format.md reads (it is written
    /// more compactly than Baton writes files).
    #[test]
    fn the_documented_example_reads() {
        let doc = include_str!("../../docs/maturity-model-format.md");
        let example = doc.split("```json\n").nth(1).and_then(|rest| rest.split("```").next()).expect("example");
        let model = import_model(example, Id::from_u128(1)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((model.version, model.question_count()), (3, 2));
        let exported = export_model(&model).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(import_model(&exported, Id::from_u128(2)), Ok(model));
    }

    #[test]
    fn a_hand_written_file_gets_an_id_and_version_one() {
        let text = r#"{"format": "baton.maturity-model", "version": 1, "model": {
            "name": {"zh": "手写模型"},
            "dimensions": [{"key": "d", "name": {"en": "D"},
                "questions": [{"key": "q", "text": {"en": "Q?"}, "kind": "scale"}]}]}}"#;
        let model = import_model(text, Id::from_u128(5)).expect("import");
        assert_eq!(
            (model.id, model.version, model.name.get(crate::domain::maturity::Lang::En)),
            (Id::from_u128(5), 1, "手写模型")
        );
        assert_eq!(model.dimensions[0].questions[0].kind, QuestionKind::Scale { levels: Default::default() });
    }

    /// (a change to the exported small model as (path, new JSON value or
    /// null to remove), the expected message).
    #[test]
    fn broken_files_are_refused_with_path_expectation_and_finding() {
        let cases: [(&str, &str, &str); 16] = [
            ("/format", "\"baton.workspace\"", "at format: expected \"baton.maturity-model\", found text \"baton.workspace\""),
            ("/format", "null", "at format: expected \"baton.maturity-model\", found null"),
            ("/version", "2", "at version: expected format version 1 or older, found the number 2"),
            ("/version", "\"1\"", "at version: expected a format version number (1 or older), found text \"1\""),
            ("/extra", "true", "at extra: expected only the fields format, version, model, found a field \"extra\""),
            ("/model/id", "\"not-a-uuid\"", "at model.id: expected a UUID such as \"0192f0c4-5d1e-7abc-8def-0123456789ab\", found text \"not-a-uuid\""),
            ("/model/dimensions", "{}", "at model.dimensions: expected a list of dimensions, found an object"),
            ("/model/dimensions/0/name", "\"Flow\"", "at model.dimensions[0].name: expected text in both languages, such as {\"en\": \"…\", \"zh\": \"…\"}, found text \"Flow\""),
            ("/model/dimensions/0/name/fr", "\"Flux\"", "at model.dimensions[0].name.fr: expected only the fields en, zh, found a field \"fr\""),
            ("/model/dimensions/0/questions/0/kind", "\"slider\"", "at model.dimensions[0].questions[0].kind: expected one of \"scale\", \"choice\", \"checkbox\", found text \"slider\""),
            ("/model/dimensions/0/questions/0/options/1/score", "\"0.5\"", "at model.dimensions[0].questions[0].options[1].score: expected a score (a number), found text \"0.5\""),
            ("/model/dimensions/0/questions/0/options/1/score", "REMOVE", "at model.dimensions[0].questions[0].options[1].score: expected a score (a number), found nothing"),
            ("/model/dimensions/0/questions/0/options", "[{\"text\": {\"en\": \"Only\"}, \"score\": 1}]", "at model.dimensions[0].questions[0].options: expected at least 2 options for a choice question, found 1"),
            ("/model/dimensions/0/questions/1/key", "\"flow.1\"", "at model.dimensions[0].questions[1].key: expected a key no other question uses, found \"flow.1\", also used in dimension flow"),
            ("/model/dimensions/0/questions/0/levels", "[]", "at model.dimensions[0].questions[0].levels: expected only the fields key, text, kind, options, found a field \"levels\""),
            ("/model/name", "{\"en\": \" \"}", "at model.name: expected a name in English or Chinese, found none"),
        ];
        let text = export_model(&small()).expect("export");
        for (pointer, value, message) in cases {
            let edited = edit(&text, pointer, value);
            let error = import_model(&edited, Id::from_u128(1)).expect_err(message);
            assert_eq!(error.to_string(), message, "{pointer}");
        }
    }

    #[test]
    fn levels_need_five_descriptions_and_fields_may_not_repeat() {
        let text = export_model(&collaboration_model()).expect("export");
        let four = edit(&text, "/model/dimensions/1/questions/2/levels/4", "REMOVE");
        assert_eq!(
            import_model(&four, Id::from_u128(1)).map_err(|e| e.to_string()),
            Err("at model.dimensions[1].questions[2].levels: expected 5 level descriptions (levels 1 to 5), found a list of 4 items".into())
        );
        let twice = text.replacen("\"key\": \"roles\",", "\"key\": \"roles\", \"key\": \"again\",", 1);
        assert_eq!(
            import_model(&twice, Id::from_u128(1)).map_err(|e| e.to_string()),
            Err("at model.dimensions[0].key: expected the field \"key\" once, found it 2 times".into())
        );
        assert_eq!(import_model("{\"format\": ", Id::from_u128(1)).map_err(|e| e.kind), Err(JsonErrorKind::NotJson));
    }

    #[test]
    fn an_invalid_model_is_not_exported() {
        let mut model = small();
        model.dimensions[0].questions.clear();
        assert_eq!(
            export_model(&model).map_err(|e| e.to_string()),
            Err("at model.dimensions[0].questions: expected at least one question, found none".into())
        );
    }

    /// The file text with the value at a JSON pointer replaced (or removed
    /// for "REMOVE"; added when the last step is a new key).
    fn edit(text: &str, pointer: &str, value: &str) -> String {
        let mut root: serde_json::Value = serde_json::from_str(text).expect("json");
        let (parent, last) = pointer.rsplit_once('/').expect("pointer");
        let parent = root.pointer_mut(parent).expect("parent exists");
        match (parent, value) {
            (serde_json::Value::Object(map), "REMOVE") => {
                map.shift_remove(last);
            }
            (serde_json::Value::Array(items), "REMOVE") => {
                items.remove(last.parse::<usize>().expect("index"));
            }
            (serde_json::Value::Object(map), v) => {
                map.insert(last.to_string(), serde_json::from_str(v).expect("value"));
            }
            (serde_json::Value::Array(items), v) => {
                items[last.parse::<usize>().expect("index")] = serde_json::from_str(v).expect("value");
            }
            _ => panic!("{pointer}: parent is not an object or list"),
        }
        serde_json::to_string_pretty(&root).expect("json")
    }
}
