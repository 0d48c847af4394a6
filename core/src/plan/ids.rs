//! Item numbering: the plan's own ids ("B1", "E2.1", "Outcome 3", a list
//! label under a section) and references to them inside text ("links to
//! E1, B2", "(need B2)", "Meets outcome 3").

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::SectionId;

/// The letter a section's item ids start with ("H" for H, H1 and H2).
pub fn letter(section: SectionId) -> &'static str {
    match section {
        SectionId::H | SectionId::H1 | SectionId::H2 => "H",
        s => s.as_str(),
    }
}

/// The word an item kind is numbered with ("Outcome 3").
fn kind_words(section: SectionId) -> &'static [&'static str] {
    match section {
        SectionId::A => &["aspiration"],
        SectionId::B | SectionId::C | SectionId::D => &["need"],
        SectionId::E => &["outcome", "target"],
        SectionId::F | SectionId::G | SectionId::H | SectionId::H1 | SectionId::H2 => {
            &["provision"]
        }
        _ => &[],
    }
}

static LETTER_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*\(?\s*(?P<id>(?P<l>[A-K])(?P<n>\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?))\s*\)?\s*(?:[:.)\-\u{2013}\u{2014}]\s*|\s+|$)",
    )
    .expect("pattern")
});

static WORD_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?P<w>need|outcome|provision|aspiration|target)\s*(?:no\.?\s*|number\s*)?(?P<n>\d{1,3}(?:\.\d{1,2})?)\s*(?:[:.)\-\u{2013}\u{2014}]\s*|\s+|$)",
    )
    .expect("pattern")
});

fn capitalised(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut c = lower.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The id an item's text opens with, when it is numbered the way its
/// section numbers items: "B1 …", "(E2.1)", "F3:", "Outcome 3 –", "Need 2.".
/// Returns the id and the length of the numbering in the text.
pub fn text_id(text: &str, section: SectionId) -> Option<(String, usize)> {
    if let Some(c) = LETTER_ID.captures(text)
        && &c["l"] == letter(section)
    {
        return Some((c["id"].to_owned(), c.get(0).map_or(0, |m| m.end())));
    }
    if let Some(c) = WORD_ID.captures(text) {
        let w = c["w"].to_lowercase();
        if kind_words(section).contains(&w.as_str()) {
            return Some((
                format!("{} {}", capitalised(&w), &c["n"]),
                c.get(0).map_or(0, |m| m.end()),
            ));
        }
    }
    None
}

/// Whether the text is nothing but an id ("Outcome 1", "E1:"), as a
/// sub-heading numbering the paragraph below it.
pub fn is_bare_id(text: &str, section: SectionId) -> Option<String> {
    text_id(text, section)
        .filter(|(_, len)| *len >= text.trim_end().len())
        .map(|(id, _)| id)
}

/// The id a numbered list label gives in a section ("1." under B → "B1",
/// "2.1" → "B2.1", "B3." → "B3"). Bullets and letters give none.
pub fn list_id(label: &str, section: SectionId) -> Option<String> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\(?(?P<l>[A-K])?(?P<n>\d{1,3}(?:\.\d{1,2}){0,2})[.):]?$").expect("pattern")
    });
    let c = LABEL.captures(label.trim())?;
    match c.name("l") {
        Some(l) if l.as_str() != letter(section) => None,
        _ => Some(format!("{}{}", letter(section), &c["n"])),
    }
}

/// A reference to another item inside text, with the ids it may mean
/// (the first existing one is meant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub range: Range<usize>,
    pub candidates: Vec<String>,
}

static REF_LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[A-K]\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?\b").expect("pattern"));

static REF_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<w>need|outcome|provision|aspiration|target)s?\s*(?:no\.?\s*|number\s*)?(?P<ns>\d{1,3}(?:\.\d{1,2})?(?:\s*(?:,|and|&|/|or)\s*\d{1,3}(?:\.\d{1,2})?)*)\b",
    )
    .expect("pattern")
});

static NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,3}(?:\.\d{1,2})?").expect("pattern"));

/// Every reference to an item in `text`: ids ("E1", "B2.1") and numbered
/// words ("outcome 3", "needs 1 and 2").
pub fn references(text: &str) -> Vec<Reference> {
    let mut out: Vec<Reference> = REF_LETTER
        .find_iter(text)
        .map(|m| Reference {
            range: m.range(),
            candidates: vec![m.as_str().to_owned()],
        })
        .collect();
    // A numbered word needs a number and one of the words.
    let numbered = text.contains(crate::re::may_be_digit)
        && crate::re::may_contain_folded(
            text,
            &["need", "outcome", "provision", "aspiration", "target"],
        );
    for c in REF_WORD.captures_iter(if numbered { text } else { "" }) {
        let w = c["w"].to_lowercase();
        let section_letter = match w.as_str() {
            "need" => "B",
            "outcome" | "target" => "E",
            "provision" => "F",
            _ => "A",
        };
        let whole = c.get(0).expect("match").range();
        let ns = c.name("ns").expect("numbers");
        for n in NUMBER.find_iter(ns.as_str()) {
            out.push(Reference {
                range: whole.clone(),
                candidates: vec![
                    format!("{} {}", capitalised(&w), n.as_str()),
                    format!("{section_letter}{}", n.as_str()),
                ],
            });
        }
    }
    out.sort_by_key(|r| r.range.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ids_opening_items() {
        let b = SectionId::B;
        assert_eq!(text_id("B1 Claire has", b), Some(("B1".into(), 3)));
        assert_eq!(text_id("B1: Claire", b).unwrap().0, "B1");
        assert_eq!(text_id("(B2.1) Claire", b).unwrap().0, "B2.1");
        assert_eq!(text_id("Need 2 – reading", b).unwrap().0, "Need 2");
        assert_eq!(text_id("E1 Claire will", b), None);
        assert_eq!(text_id("Be kind", b), None);
        assert_eq!(
            text_id("Outcome 3: Claire", SectionId::E).unwrap().0,
            "Outcome 3"
        );
        assert_eq!(
            text_id("H1.2 Short breaks", SectionId::H2).unwrap().0,
            "H1.2"
        );
        assert_eq!(
            is_bare_id("Outcome 1", SectionId::E),
            Some("Outcome 1".into())
        );
        assert_eq!(is_bare_id("Outcome 1 Claire will", SectionId::E), None);
    }

    #[test]
    fn list_labels_number_items_in_their_section() {
        assert_eq!(list_id("1.", SectionId::B), Some("B1".into()));
        assert_eq!(list_id("2.1", SectionId::E), Some("E2.1".into()));
        assert_eq!(text_id("B103 Claire", SectionId::B).unwrap().0, "B103");
        assert_eq!(list_id("F3.", SectionId::F), Some("F3".into()));
        assert_eq!(list_id("a)", SectionId::F), None);
        assert_eq!(list_id("•", SectionId::F), None);
        assert_eq!(list_id("(3)", SectionId::H1), Some("H3".into()));
    }

    #[test]
    fn finds_references_in_text() {
        let r = references("Outcome(s): E1, E3 (links to need B2); meets outcomes 4 and 5");
        let c: Vec<_> = r.iter().map(|r| r.candidates[0].as_str()).collect();
        assert_eq!(c, ["E1", "E3", "B2", "Outcome 4", "Outcome 5"]);
        assert_eq!(r[3].candidates[1], "E4");
        assert!(references("Claire is in Year 7 and uses a Section F plan").is_empty());
    }
}
