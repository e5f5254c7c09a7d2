//! Markup in imported texts turned into plain text. Baton renders user
//! text as text, never as HTML, so markup that comes in with imported files
//! (`<br>` in a questionnaire, `&amp;` in an export) is converted once, on
//! import, and the importer reports that it did.
//!
//! ```
//! use baton::persist::markup::plain_text;
//! assert_eq!(plain_text("One<br><br>Two &amp; three"), ("One\n\nTwo & three".to_string(), true));
//! assert_eq!(plain_text("a < b"), ("a < b".to_string(), false));
//! ```

/// Tags that end a line when markup becomes plain text.
const BREAKS: [&str; 11] = ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"];

/// HTML markup as plain text: line-breaking tags (`<br>`, `</p>`, …) become
/// new lines, other tags are removed, the common character entities are
/// decoded; the result is trimmed. Also says whether any markup was found.
/// A `<` that does not start a tag (`a < b`) is kept.
pub fn plain_text(text: &str) -> (String, bool) {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if let Some((end, name)) = tag_at(&chars, i) {
            if BREAKS.contains(&name.as_str()) {
                out.push('\n');
            }
            (i, changed) = (end + 1, true);
        } else if let Some((end, decoded)) = entity_at(&chars, i) {
            out.push(decoded);
            (i, changed) = (end + 1, true);
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    (out.trim().to_string(), changed)
}

/// A tag starting at `start`: the index of its `>` and its lower-case name.
fn tag_at(chars: &[char], start: usize) -> Option<(usize, String)> {
    if chars.get(start) != Some(&'<') {
        return None;
    }
    let first = chars.get(start + 1)?;
    if !(first.is_ascii_alphabetic() || *first == '/' || *first == '!') {
        return None;
    }
    let end = (start + 1..chars.len().min(start + 500)).find(|&i| chars[i] == '>' || chars[i] == '<')?;
    if chars[end] != '>' {
        return None;
    }
    let name = chars[start + 1..end]
        .iter()
        .skip_while(|c| **c == '/')
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Some((end, name))
}

/// A character entity starting at `start`: the index of its `;` and the character.
fn entity_at(chars: &[char], start: usize) -> Option<(usize, char)> {
    if chars.get(start) != Some(&'&') {
        return None;
    }
    let end = (start + 1..chars.len().min(start + 12)).find(|&i| chars[i] == ';')?;
    let name: String = chars[start + 1..end].iter().collect();
    let decoded = match name.as_str() {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => {
            let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => name.strip_prefix('#')?.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((end, decoded))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (markup, plain text, changed).
    #[test]
    fn markup_becomes_plain_text() {
        let cases = [
            ("Plain", "Plain", false),
            ("Line one.<br><br>Line two.", "Line one.\n\nLine two.", true),
            ("<p>团队<b>协作</b></p>", "团队协作", true),
            ("a < b and c<d", "a < b and c<d", false),
            ("Fish &amp; chips &#8211; &#x1F642;", "Fish & chips – 🙂", true),
            ("R&D; &unknown; stays", "R&D; &unknown; stays", false),
            ("<br/>  trailing <BR />", "trailing", true),
            ("no end <b", "no end <b", false),
        ];
        for (markup, plain, changed) in cases {
            assert_eq!(plain_text(markup), (plain.to_string(), changed), "{markup}");
        }
    }
}
