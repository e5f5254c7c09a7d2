//! Reading JSON by hand, knowing the path of every value, for file formats
//! whose errors must say where, what was expected and what was found
//! ("at model.dimensions[1].questions[0].levels: expected 5 level
//! descriptions, found a list of 4 items").
//!
//! Unlike `serde_json::Value`, the tree [`Node`] keeps repeated keys in an
//! object: the Atos questionnaire repeats its `"//"` comment key, and a
//! reader can then collect all of them, or refuse a repeated field that
//! matters instead of silently taking the last one.
//!
//! ```
//! use baton::persist::json_read::{parse, At};
//! let root = parse(r#"{"a": [1, "two"]}"#)?;
//! let at = At::root(&root);
//! let items = at.object("an object")?.require("a", "a list")?.array("a list")?;
//! let error = items[1].number("a number").unwrap_err();
//! assert_eq!(error.to_string(), "at a[1]: expected a number, found text \"two\"");
//! # Ok::<(), baton::persist::json_read::JsonError>(())
//! ```

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

/// A JSON value; objects keep every entry in file order, repeated keys too.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        Number::from_f64(v).map(Node::Number).ok_or_else(|| E::custom("a number that is not finite"))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, Node>()? {
            entries.push(entry);
        }
        Ok(Node::Object(entries))
    }
}

/// What kind of problem a [`JsonError`] is, for the interface to translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonErrorKind {
    /// The text is not JSON; the path holds the line and column.
    NotJson,
    /// JSON, but not a file of the expected format.
    WrongFormat,
    /// Written by a newer version of the format than this build reads.
    NewerVersion,
    /// A value of the wrong JSON type.
    WrongType,
    MissingField,
    /// A field the format does not have.
    UnknownField,
    /// The same field twice in one object.
    RepeatedField,
    /// The right type, but a value the format does not allow.
    Invalid,
}

/// Where a file is wrong (a JSON path such as `model.dimensions[1].key`, or
/// `line 4, column 7` for text that is not JSON; empty for the whole
/// document), what was expected there and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    pub path: String,
    pub expected: String,
    pub found: String,
}

impl JsonError {
    pub fn new(kind: JsonErrorKind, path: &str, expected: impl Into<String>, found: impl Into<String>) -> Self {
        Self { kind, path: path.to_string(), expected: expected.into(), found: found.into() }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "at {}: ", self.path)?;
        }
        write!(f, "expected {}, found {}", self.expected, self.found)
    }
}

impl std::error::Error for JsonError {}

/// Parses JSON text (a leading byte-order mark is ignored) into a [`Node`].
/// `expected` names the document in the error for text that is not JSON.
pub fn parse(text: &str) -> Result<Node, JsonError> {
    parse_document(text, "a JSON document")
}

pub fn parse_document(text: &str, expected: &str) -> Result<Node, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| not_json(text, &e, expected))
}

fn not_json(text: &str, e: &serde_json::Error, expected: &str) -> JsonError {
    if text.trim().is_empty() {
        return JsonError::new(JsonErrorKind::NotJson, "line 1, column 1", expected, "an empty file");
    }
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let problem = message.strip_suffix(&suffix).unwrap_or(&message);
    let found = match e.is_eof() {
        true => format!("the end of the file ({problem}); is the file cut short?"),
        false => format!("text that is not valid JSON ({problem})"),
    };
    JsonError::new(JsonErrorKind::NotJson, &format!("line {}, column {}", e.line(), e.column()), expected, found)
}

/// What a value is, in words: `text "abc"`, `the number 6`, `a list of 3 items`.
pub fn describe(node: &Node) -> String {
    match node {
        Node::Null => "null".into(),
        Node::Bool(b) => b.to_string(),
        Node::Number(n) => format!("the number {n}"),
        Node::String(s) if s.is_empty() => "empty text".into(),
        Node::String(s) => format!("text {:?}", shortened(s, 60)),
        Node::Array(items) => match items.len() {
            0 => "an empty list".into(),
            1 => "a list of 1 item".into(),
            n => format!("a list of {n} items"),
        },
        Node::Object(_) => "an object".into(),
    }
}

/// The first `max` characters of `text`, with "…" when cut.
pub fn shortened(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    match chars.next() {
        Some(_) => format!("{}…", head.trim_end()),
        None => head,
    }
}

/// A value with its path in the document.
#[derive(Debug, Clone)]
pub struct At<'n> {
    pub node: &'n Node,
    path: String,
}

impl<'n> At<'n> {
    pub fn root(node: &'n Node) -> Self {
        Self { node, path: String::new() }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    fn child_key(&self, node: &'n Node, key: &str) -> At<'n> {
        let path = match self.path.is_empty() {
            true => key.to_string(),
            false => format!("{}.{key}", self.path),
        };
        At { node, path }
    }

    /// An error at this value: `found` describes the value.
    pub fn invalid(&self, kind: JsonErrorKind, expected: impl Into<String>) -> JsonError {
        JsonError::new(kind, &self.path, expected, describe(self.node))
    }

    /// An error at this value with `found` in the caller's words.
    pub fn error(&self, kind: JsonErrorKind, expected: impl Into<String>, found: impl Into<String>) -> JsonError {
        JsonError::new(kind, &self.path, expected, found)
    }

    pub fn object(&self, expected: &str) -> Result<Obj<'n>, JsonError> {
        match self.node {
            Node::Object(entries) => Ok(Obj { at: self.clone(), entries }),
            _ => Err(self.invalid(JsonErrorKind::WrongType, expected)),
        }
    }

    pub fn array(&self, expected: &str) -> Result<Vec<At<'n>>, JsonError> {
        match self.node {
            Node::Array(items) => {
                Ok(items.iter().enumerate().map(|(i, node)| At { node, path: format!("{}[{i}]", self.path) }).collect())
            }
            _ => Err(self.invalid(JsonErrorKind::WrongType, expected)),
        }
    }

    pub fn string(&self, expected: &str) -> Result<&'n str, JsonError> {
        match self.node {
            Node::String(s) => Ok(s),
            _ => Err(self.invalid(JsonErrorKind::WrongType, expected)),
        }
    }

    pub fn number(&self, expected: &str) -> Result<f64, JsonError> {
        match self.node {
            Node::Number(n) => n.as_f64().ok_or_else(|| self.invalid(JsonErrorKind::Invalid, expected)),
            _ => Err(self.invalid(JsonErrorKind::WrongType, expected)),
        }
    }

    /// A whole number that is not negative.
    pub fn whole(&self, expected: &str) -> Result<u64, JsonError> {
        match self.node {
            Node::Number(n) => n.as_u64().ok_or_else(|| self.invalid(JsonErrorKind::Invalid, expected)),
            _ => Err(self.invalid(JsonErrorKind::WrongType, expected)),
        }
    }
}

/// An object with its path.
#[derive(Debug, Clone)]
pub struct Obj<'n> {
    pub at: At<'n>,
    entries: &'n [(String, Node)],
}

impl<'n> Obj<'n> {
    /// The field `key`, if present; refused when it appears twice.
    pub fn get(&self, key: &str) -> Result<Option<At<'n>>, JsonError> {
        let mut found = self.entries.iter().filter(|(k, _)| k == key);
        let first = found.next();
        if found.next().is_some() {
            let count = 2 + found.count();
            let path = self.at.child_key(&Node::Null, key).path;
            return Err(JsonError::new(
                JsonErrorKind::RepeatedField,
                &path,
                format!("the field {key:?} once"),
                format!("it {count} times"),
            ));
        }
        Ok(first.map(|(_, node)| self.at.child_key(node, key)))
    }

    /// The field `key`; refused when missing or repeated.
    pub fn require(&self, key: &str, expected: &str) -> Result<At<'n>, JsonError> {
        self.get(key)?.ok_or_else(|| {
            let path = self.at.child_key(&Node::Null, key).path;
            JsonError::new(JsonErrorKind::MissingField, &path, expected, "nothing")
        })
    }

    /// Every field, in file order.
    pub fn entries(&self) -> Vec<(&'n str, At<'n>)> {
        self.entries.iter().map(|(k, node)| (k.as_str(), self.at.child_key(node, k))).collect()
    }

    /// Every value of `key`, repeated ones too, in file order.
    pub fn all(&self, key: &str) -> Vec<At<'n>> {
        self.entries.iter().filter(|(k, _)| k == key).map(|(k, node)| self.at.child_key(node, k)).collect()
    }

    /// The keys not in `known`, once each, in file order.
    pub fn unknown_keys(&self, known: &[&str]) -> Vec<&'n str> {
        let mut keys: Vec<&str> = Vec::new();
        for (key, _) in self.entries {
            if !known.contains(&key.as_str()) && !keys.contains(&key.as_str()) {
                keys.push(key);
            }
        }
        keys
    }

    /// Refuses the first key not in `known`.
    pub fn refuse_unknown(&self, known: &[&str]) -> Result<(), JsonError> {
        match self.unknown_keys(known).first() {
            None => Ok(()),
            Some(key) => {
                let path = self.at.child_key(&Node::Null, key).path;
                let expected = format!("only the fields {}", known.join(", "));
                Err(JsonError::new(JsonErrorKind::UnknownField, &path, expected, format!("a field {key:?}")))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_are_kept() {
        let root = parse(r#"{"//": "one", "a": 1, "//": "two"}"#).expect("json");
        let obj = At::root(&root).object("an object").expect("object");
        let comments: Vec<&str> = obj.all("//").iter().filter_map(|c| c.string("text").ok()).collect();
        assert_eq!(comments, ["one", "two"]);
        let error = obj.get("//").expect_err("repeated");
        assert_eq!(error.to_string(), "at //: expected the field \"//\" once, found it 2 times");
        assert_eq!(obj.unknown_keys(&["a"]), ["//"]);
    }

    /// (text, expected message).
    #[test]
    fn errors_say_where_what_and_what_was_found() {
        let cases = [
            ("", "at line 1, column 1: expected a JSON document, found an empty file"),
            ("{\"a\": ", "at line 1, column 6: expected a JSON document, found the end of the file (EOF while parsing a value); is the file cut short?"),
            ("{\"a\": tru}", "at line 1, column 10: expected a JSON document, found text that is not valid JSON (expected ident)"),
        ];
        for (text, message) in cases {
            assert_eq!(parse(text).map_err(|e| e.to_string()), Err(message.to_string()), "{text}");
        }
        let long = "长文本🙂".repeat(20);
        let root = parse(&format!(r#"[{{"n": -1, "s": "{long}"}}]"#)).expect("json");
        let items = At::root(&root).array("a list").expect("list");
        let obj = items[0].object("an object").expect("object");
        let n = obj.require("n", "a whole number").expect("n");
        assert_eq!(
            n.whole("a whole number").map_err(|e| e.to_string()),
            Err("at [0].n: expected a whole number, found the number -1".into())
        );
        let s = obj.require("s", "a number").expect("s");
        let message = s.number("a number").map_err(|e| e.to_string()).expect_err("text");
        assert!(message.starts_with("at [0].s: expected a number, found text \"长文本"), "{message}");
        assert!(message.ends_with("…\""), "{message}");
        assert_eq!(
            obj.require("x", "a name").err().map(|e| e.to_string()),
            Some("at [0].x: expected a name, found nothing".into())
        );
        assert_eq!(
            obj.refuse_unknown(&["n"]).map_err(|e| e.to_string()),
            Err("at [0].s: expected only the fields n, found a field \"s\"".into())
        );
    }
}
