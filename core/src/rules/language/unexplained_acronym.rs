//! `language/unexplained-acronym`: an acronym is used and never spelled out.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::analysis::words::is_word_char;
use crate::re::Regex;

use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_paragraph, section_of_paragraph};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "language/unexplained-acronym",
    severity: Severity::Info,
    summary: "An acronym (SaLT, ELSA, SEMH, CAMHS …) is used and never spelled out.",
    rationale: "Plans must be accessible to the child and family: clear, concise and written in plain English, without unexplained jargon. An acronym a parent does not know hides what is being provided.",
    reference: "SEND Code of Practice 9.61",
    example: "Sam will see the ELSA weekly and be referred to CAMHS.",
    fix: "Sam will see the emotional literacy support assistant (ELSA) weekly and be referred to Child and Adolescent Mental Health Services (CAMHS).",
};

/// An acronym: a whole word of capitals and letters, perhaps a final digit.
#[cfg(test)]
static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b{ACRONYM_SHAPE}\b")).expect("acronym regex"));

const ACRONYM_SHAPE: &str = r"[A-Z][A-Za-z]{0,4}[A-Z][A-Za-z]{0,2}\d?";

/// [`ACRONYM`] over one word, for the words that are not plain ASCII.
static ACRONYM_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{ACRONYM_SHAPE}$")).expect("acronym regex"));

/// What [`ACRONYM`] finds in `text`. Its matches are whole runs of word
/// characters (letters and a digit between two `\b`), so each run is
/// tested on its own: by its shape when it is ASCII, else by the pattern.
fn acronyms(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut position = 0;
    while let Some(c) = text[position..].chars().next() {
        if !is_word_char(c) {
            position += c.len_utf8();
            continue;
        }
        let start = position;
        let end = text[start..]
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(text.len(), |(i, _)| start + i);
        position = end;
        let word = &text[start..end];
        let is_acronym = if word.is_ascii() {
            acronym_shaped(word.as_bytes())
        } else {
            word.as_bytes()[0].is_ascii_uppercase() && ACRONYM_WORD.is_match(word)
        };
        if is_acronym {
            out.push(start..end);
        }
    }
    out
}

/// `[A-Z][A-Za-z]{0,4}[A-Z][A-Za-z]{0,2}\d?`, whole, over ASCII.
fn acronym_shaped(word: &[u8]) -> bool {
    let letters = match word.split_last() {
        Some((last, rest)) if last.is_ascii_digit() => rest,
        _ => word,
    };
    let n = letters.len();
    (2..=8).contains(&n)
        && letters.iter().all(u8::is_ascii_alphabetic)
        && letters[0].is_ascii_uppercase()
        && (1..=5.min(n - 1)).any(|j| letters[j].is_ascii_uppercase() && n - 1 - j <= 2)
}

/// Acronyms every reader knows, or that are not jargon.
const COMMON: &[&str] = &[
    "UK",
    "NHS",
    "GP",
    "TV",
    "OK",
    "PE",
    "IT",
    "ICT",
    "DT",
    "RE",
    "GCSE",
    "GCSEs",
    "BTEC",
    "DOB",
    "AM",
    "PM",
    "USA",
    "BBC",
    "MP",
    "CV",
    "ID",
    "PC",
    "iPad",
    "TBC",
    "TBA",
    "TBD",
    "XXX",
    "PDF",
    "MBE",
    "PhD",
    "BSc",
    "MSc",
    "BA",
    "MA",
    "DfE",
    "CoP",
    "LA",
    "II",
    "III",
    "IV",
    "VII",
    "VIII",
    "IX",
    "XI",
    "XII",
    "YouTube",
    "FaceTime",
    "PlayStation",
    "McDonald",
    "MacDonald",
    "McDonalds",
    "LEGO",
    "SATs",
    "SATS",
    "EHCP",
    "EHC",
    "SEN",
    "SEND",
    "NI",
    "DLA",
    "PIP",
    "AAC",
];

/// True when most letters of the paragraph are capitals (a heading in caps).
fn mostly_capitals(text: &str) -> bool {
    let (mut letters, mut capitals) = (0, 0);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            capitals += 1;
        }
    }
    letters > 12 && capitals * 10 > letters * 6
}

#[derive(Debug)]
pub struct UnexplainedAcronym;

impl Rule for UnexplainedAcronym {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let document = context.document;
        let whole: String = document
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let explained_here = explained_acronyms(&whole);
        let mut seen: HashSet<String> = HashSet::new();
        for paragraph in &document.paragraphs {
            if mostly_capitals(&paragraph.text) {
                continue;
            }
            for range in acronyms(&paragraph.text) {
                let acronym = &paragraph.text[range.clone()];
                if COMMON.contains(&acronym) || !seen.insert(acronym.to_owned()) {
                    continue;
                }
                let plural_base = acronym.strip_suffix('s').filter(|b| b.len() >= 2);
                let known = context
                    .lexicon
                    .acronyms
                    .get(acronym)
                    .or_else(|| plural_base.and_then(|b| context.lexicon.acronyms.get(b)));
                // Spelled out next to it, or in a glossary line. The words
                // alone somewhere else ("Social, emotional and mental health"
                // as a heading) do not tell a reader what "SEMH" means.
                if explained_here.contains(plural_base.unwrap_or(acronym)) {
                    continue;
                }
                // Unknown capitals of two letters are usually initials.
                if known.is_none() && acronym.chars().filter(char::is_ascii_uppercase).count() < 3 {
                    continue;
                }
                let section = section_of_paragraph(context, paragraph.index);
                let mut f = at_paragraph(&DOC, context, section, paragraph.index, range);
                f.message = format!("\"{acronym}\" is used but never spelled out.");
                f.help = match known {
                    Some(expansion) => format!(
                        "Spell it out the first time it is used: \"{expansion} ({acronym})\"."
                    ),
                    None => format!(
                        "Spell out \"{acronym}\" the first time it is used, for example \"words in full ({acronym})\"."
                    ),
                };
                if known.is_none() {
                    f.confidence = 0.5;
                }
                findings.push(f);
            }
        }
    }
}

/// "words in full (ACR)", "ACR (words in full)", "ACR – words", "ACR: words".
/// One pattern per form, compiled once; each captures the acronym.
static EXPLANATIONS: LazyLock<[Regex; 3]> = LazyLock::new(|| {
    [
        format!(r"\w[\w\s,'’-]{{3,}}\(\s*{TOKEN}\s*\)"),
        format!(r"\b{TOKEN}\s*\(\s*[A-Za-z][\w,]*\s+\w+"),
        format!("(?m)^{GLOSSARY}"),
    ]
    .map(|pattern| Regex::new(&pattern).expect("explanation pattern"))
});

const TOKEN: &str = r"(?P<a>[A-Za-z][A-Za-z0-9]{1,11})";
/// A glossary line, after its start: "ACR – words", "ACR: words".
const GLOSSARY: &str =
    r"\s*(?P<a>[A-Za-z][A-Za-z0-9]{1,11})\s*(?:[-–—:=]|stands\s+for|means)\s*\w+\s+\w+";

/// The glossary form anchored, tried at each line start in turn rather than
/// searched for across the whole plan.
static GLOSSARY_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{GLOSSARY}")).expect("explanation pattern"));

/// Every acronym the text spells out in one of the forms above (a plural
/// "SaLTs" explains "SaLT" too). One pass per plan, not one regex per acronym.
fn explained_acronyms<'t>(text: &'t str) -> HashSet<&'t str> {
    let mut explained = HashSet::new();
    let mut add = |a: &'t str| {
        explained.insert(a);
        if let Some(singular) = a.strip_suffix('s') {
            explained.insert(singular);
        }
    };
    // The first two forms run only over the stretches of text with a "(":
    // stretches split where no match of theirs can reach (see
    // `bracket_stretches`), so that they find there exactly what they
    // would find in the whole text.
    let [in_full_first, acronym_first, _] = &*EXPLANATIONS;
    for (pattern, with_quotes) in [(in_full_first, true), (acronym_first, false)] {
        for stretch in bracket_stretches(text, with_quotes) {
            for captures in pattern.captures_iter(stretch) {
                if let Some(a) = captures.name("a") {
                    add(a.as_str());
                }
            }
        }
    }
    // `(?m)^…` finds its matches at line starts, each after the last one's
    // end; after white space a match starts with an ASCII letter.
    let mut searched_to = 0;
    let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1));
    for line_start in line_starts {
        let line = &text[line_start..];
        if line_start < searched_to
            || !line
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic())
        {
            continue;
        }
        if let Some(captures) = GLOSSARY_AT.captures(line) {
            if let Some(a) = captures.name("a") {
                add(a.as_str());
            }
            searched_to = line_start + captures.get(0).map_or(0, |m| m.end());
        }
    }
    explained
}

/// The stretches of `text` holding a "(" between characters no match of
/// the first two explanation forms can hold: ASCII punctuation other than
/// `( , _` (and `' -` for the first form, which allows them), so neither
/// a word character nor white space in either engine. The first form also
/// ends with its ")", so a stretch may end just after one. A match never
/// starts before a stretch and runs into it, and the stretch's edges look
/// to `\b` as the characters beside them do (not word characters).
fn bracket_stretches(text: &str, in_full_first: bool) -> impl Iterator<Item = &str> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let b = bytes[at];
            at += 1;
            let (ends_before, ends_after) = match b {
                b'(' | b',' | b'_' => (false, false),
                b'\'' | b'-' if in_full_first => (false, false),
                b')' if in_full_first => (false, true),
                _ => (b.is_ascii_punctuation(), false),
            };
            if ends_before || ends_after {
                let end = if ends_after { at } else { at - 1 };
                let stretch = &text[start..end];
                start = at;
                if stretch.contains('(') {
                    return Some(stretch);
                }
            }
        }
        let stretch = &text[start..];
        start = bytes.len();
        stretch.contains('(').then_some(stretch)
    })
}

#[cfg(test)]
fn explained_inline(text: &str, acronym: &str) -> bool {
    explained_acronyms(text).contains(acronym)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_what_the_pattern_finds() {
        let pattern = regex::Regex::new(ACRONYM.as_str()).unwrap();
        let mut texts = crate::re::tests::haystacks();
        texts.push("SEMH, SaLT, CAMHS2, ABC12, Ab, AbcdeFgh, AbcdefGh, iPad, ÉSEMH SEMHé ŁUKASZ TA_B X9 XY9".to_owned());
        // An Arabic-Indic digit is `\d` and `\w` to the regex crate only.
        if !cfg!(feature = "lite-regex") {
            texts.push("ELSA٣ and CAMHS".to_owned());
        }
        for text in &texts {
            let expected: Vec<_> = pattern.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(acronyms(text), expected, "{text:?}");
        }
    }

    /// The explanations found stretch by stretch are those of the whole text.
    #[test]
    fn stretches_find_what_the_whole_text_gives() {
        let whole = |text: &str| -> HashSet<String> {
            let mut out = HashSet::new();
            for pattern in EXPLANATIONS.iter() {
                // The regex crate, as the reference.
                let pattern = regex::Regex::new(pattern.as_str()).unwrap();
                for c in pattern.captures_iter(text) {
                    let a = c["a"].to_owned();
                    if let Some(singular) = a.strip_suffix('s') {
                        out.insert(singular.to_owned());
                    }
                    out.insert(a);
                }
            }
            out
        };
        let mut texts = vec![
            "speech and language therapist (SaLT), then (ELSA). CAMHS (child and adolescent mental health services)".to_owned(),
            "Speech therapist\n(SaLT) will\nASD (\nautism spectrum) ok".to_owned(),
            "x.ab (AB) y: don’t-care (DC) (EP); a_b (A_B) e.g. (eg) ((EE)) OT(occupational therapy)".to_owned(),
            "Glossary\nELSA – emotional literacy\n\n  \n SENCo: special educational\nTA -\nteaching assistant\nOT means occupational therapist\nEP stands for educational psychologist".to_owned(),
        ];
        let haystacks = crate::re::tests::haystacks();
        texts.push(haystacks.join("\n"));
        texts.extend(haystacks.chunks(40).map(|c| c.join("\n")));
        for text in &texts {
            let found: HashSet<String> = explained_acronyms(text)
                .into_iter()
                .map(String::from)
                .collect();
            assert_eq!(found, whole(text), "{text:?}");
        }
    }

    #[test]
    fn inline_explanations() {
        assert!(explained_inline(
            "a speech and language therapist (SaLT) will",
            "SaLT"
        ));
        assert!(explained_inline(
            "SEMH (social, emotional and mental health)",
            "SEMH"
        ));
        assert!(explained_inline(
            "Glossary\nELSA – emotional literacy support assistant",
            "ELSA"
        ));
        assert!(!explained_inline("the ELSA will see him", "ELSA"));
    }
}
