//! The clean samples are clean by the rule catalogue's wording lists: no
//! hedging words, no template prompts, every acronym spelled out somewhere
//! as "long form (ACRONYM)". (The defect samples are excluded.)

mod common;

use ehcp_samples::samples::all;

const VAGUE: &[&str] = &[
    "access to",
    "opportunities to",
    "opportunities for",
    "as appropriate",
    "as required",
    "as needed",
    "where possible",
    "if necessary",
    "regular",
    "regularly",
    "ongoing",
    "up to",
    "may",
    "might",
    "could",
    "should",
    "will be offered",
    "as and when",
    "would benefit",
    "or equivalent",
    "such as",
    "e.g.",
    "etc",
    "small group",
    "key adult",
    "staff",
    "the setting will",
    "at the discretion",
    "sees fit",
    "to be determined",
];

const PLACEHOLDERS: &[&str] = &[
    "[insert",
    "click or tap",
    "tbc",
    "xxx",
    "<name>",
    "lorem ipsum",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map(|w| w.trim_matches(|c| c == '.' || c == '\'').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

fn contains_phrase(text: &str, phrase: &str) -> bool {
    // The month in a date ("28 May 2019") is not the hedge "may".
    let text = text
        .replace("May 19", "month 19")
        .replace("May 20", "month 20");
    let t = format!(" {} ", words(&text.to_lowercase()).join(" "));
    let p = format!(" {} ", words(phrase).join(" "));
    t.contains(&p)
}

#[test]
fn clean_samples_have_no_vague_wording_placeholders_or_unexplained_acronyms() {
    let mut problems = Vec::new();
    for s in all().iter().filter(|s| !s.file.starts_with("defects-")) {
        let paras = common::paragraphs(&s.bytes);
        let text = paras.join("\n");
        for v in VAGUE {
            for p in &paras {
                if contains_phrase(p, v) {
                    problems.push(format!("{}: vague {v:?} in {p:?}", s.file));
                }
            }
        }
        for ph in PLACEHOLDERS {
            if text.to_lowercase().contains(ph) {
                problems.push(format!("{}: placeholder {ph:?}", s.file));
            }
        }
        for w in text.split(|c: char| !c.is_alphanumeric()) {
            let upper = w.chars().filter(|c| c.is_ascii_uppercase()).count();
            let letters = w.chars().all(|c| c.is_ascii_alphabetic());
            if letters && upper >= 2 && w.len() <= 6 && !text.contains(&format!("({w})")) {
                problems.push(format!("{}: acronym {w} never spelled out", s.file));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
