//! `language/unexplained-acronym`: an acronym is used and never spelled out.

use std::collections::HashSet;
use std::sync::LazyLock;

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

static ACRONYM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z][A-Za-z]{0,4}[A-Z][A-Za-z]{0,2}\d?\b").expect("acronym regex")
});

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
            for m in ACRONYM.find_iter(&paragraph.text) {
                let acronym = m.as_str();
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
                let mut f = at_paragraph(&DOC, context, section, paragraph.index, m.range());
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
    let token = r"(?P<a>[A-Za-z][A-Za-z0-9]{1,11})";
    [
        format!(r"\w[\w\s,'’-]{{3,}}\(\s*{token}\s*\)"),
        format!(r"\b{token}\s*\(\s*[A-Za-z][\w,]*\s+\w+"),
        format!(r"(?m)^\s*{token}\s*(?:[-–—:=]|stands\s+for|means)\s*\w+\s+\w+"),
    ]
    .map(|pattern| Regex::new(&pattern).expect("explanation pattern"))
});

/// Every acronym the text spells out in one of the forms above (a plural
/// "SaLTs" explains "SaLT" too). One pass per plan, not one regex per acronym.
fn explained_acronyms(text: &str) -> HashSet<&str> {
    let mut explained = HashSet::new();
    for pattern in EXPLANATIONS.iter() {
        for captures in pattern.captures_iter(text) {
            if let Some(a) = captures.name("a") {
                let a = a.as_str();
                explained.insert(a);
                if let Some(singular) = a.strip_suffix('s') {
                    explained.insert(singular);
                }
            }
        }
    }
    explained
}

#[cfg(test)]
fn explained_inline(text: &str, acronym: &str) -> bool {
    explained_acronyms(text).contains(acronym)
}

#[cfg(test)]
mod tests {
    use super::*;

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
