//! `ehcp rules [ID]`: the rule catalogue, or one rule's documentation.

use std::io::Write;

use anyhow::bail;
use ehcp_core::rules::{REGISTRY, RuleDoc};
use serde::Serialize;

use crate::settings::Style;
use crate::{Exit, Format};

#[derive(Debug, Clone)]
pub struct RulesOptions {
    pub id: Option<String>,
    pub format: Format,
    pub style: Style,
}

/// A rule's documentation as JSON.
#[derive(Debug, Serialize)]
pub struct RuleJson<'a> {
    pub id: &'a str,
    pub severity: &'a str,
    pub summary: &'a str,
    pub rationale: &'a str,
    pub reference: &'a str,
    pub example: &'a str,
    pub fix: &'a str,
}

impl<'a> From<&'a RuleDoc> for RuleJson<'a> {
    fn from(doc: &'a RuleDoc) -> RuleJson<'a> {
        RuleJson {
            id: doc.id,
            severity: doc.severity.as_str(),
            summary: doc.summary,
            rationale: doc.rationale,
            reference: doc.reference,
            example: doc.example,
            fix: doc.fix,
        }
    }
}

pub fn run(options: &RulesOptions, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let docs: Vec<&RuleDoc> = REGISTRY.iter().map(|r| r.doc()).collect();
    match &options.id {
        None => match options.format {
            Format::Json => {
                let json: Vec<RuleJson<'_>> = docs.iter().map(|d| RuleJson::from(*d)).collect();
                serde_json::to_writer_pretty(&mut *out, &json)?;
                writeln!(out)?;
            }
            Format::Text => {
                out.write_all(crate::render::text::rule_catalogue(&docs, options.style).as_bytes())?
            }
        },
        Some(id) => {
            let wanted = id.trim();
            let Some(doc) = docs.iter().find(|d| d.id.eq_ignore_ascii_case(wanted)) else {
                let ids: Vec<&str> = docs.iter().map(|d| d.id).collect();
                match suggest(wanted, &ids) {
                    Some(best) => bail!(
                        "no rule '{wanted}': did you mean '{best}'? (`ehcp rules` lists them all)"
                    ),
                    None => bail!("no rule '{wanted}' (`ehcp rules` lists them all)"),
                }
            };
            match options.format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut *out, &RuleJson::from(*doc))?;
                    writeln!(out)?;
                }
                Format::Text => {
                    out.write_all(crate::render::text::rule_detail(doc, options.style).as_bytes())?
                }
            }
        }
    }
    out.flush()?;
    Ok(Exit::Clean)
}

/// The closest rule id: one whose name part matches (`vague-wording` →
/// `provision/vague-wording`), else the nearest by edit distance when close enough.
pub fn suggest<'a>(wanted: &str, ids: &[&'a str]) -> Option<&'a str> {
    let wanted = wanted.to_ascii_lowercase();
    if let Some(id) = ids
        .iter()
        .find(|id| id.rsplit('/').next() == Some(wanted.as_str()))
    {
        return Some(id);
    }
    // A part of one id only ("vague" → provision/vague-wording).
    let containing: Vec<&&str> = ids
        .iter()
        .filter(|id| id.contains(wanted.as_str()))
        .collect();
    if wanted.len() >= 3
        && let [only] = containing.as_slice()
    {
        return Some(only);
    }
    let (best, distance) = ids
        .iter()
        .map(|id| {
            let full = levenshtein(&wanted, id);
            let name = id
                .rsplit('/')
                .next()
                .map_or(full, |n| levenshtein(&wanted, n));
            (*id, full.min(name))
        })
        .min_by_key(|&(_, d)| d)?;
    (distance <= (wanted.chars().count() / 3).max(2)).then_some(best)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current[j + 1] = (previous[j] + cost)
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: &[&str] = &[
        "provision/vague-wording",
        "provision/not-quantified",
        "outcome/not-time-bound",
        "structure/missing-section",
    ];

    #[test]
    fn suggests_by_name_part_and_by_spelling() {
        assert_eq!(
            suggest("vague-wording", IDS),
            Some("provision/vague-wording")
        );
        assert_eq!(
            suggest("provision/vage-wording", IDS),
            Some("provision/vague-wording")
        );
        assert_eq!(
            suggest("outcome/not-timebound", IDS),
            Some("outcome/not-time-bound")
        );
        assert_eq!(
            suggest("missing-sections", IDS),
            Some("structure/missing-section")
        );
        assert_eq!(suggest("vague", IDS), Some("provision/vague-wording"));
        assert_eq!(suggest("not", IDS), None, "several ids contain it");
        assert_eq!(suggest("banana", IDS), None);
    }

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("same", "same"), 0);
    }
}
