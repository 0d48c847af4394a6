//! `consistency/age-mismatch`: date of birth, year group and key stage disagree.

use crate::analysis::dates::{expected_year_group, key_stage, last_year_of_key_stage};
use crate::analysis::timeframe::{key_stage_targets, year_group_targets};
use crate::finding::Location;
use crate::finding::{Finding, Severity};
use crate::plan::SectionId;
use crate::re::Regex;
use crate::review::CheckContext;

use crate::rules::support::{at_item, finding, section_of_paragraph};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "consistency/age-mismatch",
    severity: Severity::Warning,
    summary: "Date of birth, age, year group and key stage disagree (a Key Stage 2 outcome for a Year 10 pupil).",
    rationale: "Outcomes, transition planning and the choice of school all depend on the child's year group. A year group that does not fit the date of birth, or an outcome for a key stage the child has already left, is usually text copied from an older plan or another child's.",
    reference: "SEND Code of Practice 9.61 and 9.66",
    example: "Year 10 pupil (born 3 May 2011): \"By the end of Key Stage 2, Amir will read age-appropriate texts.\"",
    fix: "\"By the end of Key Stage 4 (July 2027), Amir will read and answer questions on GCSE set texts independently.\"",
};

fn year_name(year: i32) -> String {
    if year == 0 {
        "Reception".into()
    } else {
        format!("Year {year}")
    }
}

#[derive(Debug)]
pub struct AgeMismatch;

impl Rule for AgeMismatch {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let plan = context.plan;
        let child = &plan.child;
        let expected = match (child.date_of_birth, plan.plan_date) {
            (Some(b), Some(d)) => Some(expected_year_group(b, d)),
            _ => None,
        };
        if let (Some(stated), Some(expected), Some(birth)) =
            (child.year_group, expected, child.date_of_birth)
            && stated != expected
        {
            let mut f = finding(&DOC, None);
            // Point at the date of birth as written, else at the year group.
            let birth_text = context.document.paragraphs.iter().find_map(|p| {
                crate::analysis::dates::dates(&p.text)
                    .into_iter()
                    .find(|(_, d)| *d == birth)
                    .map(|(span, _)| (p.index, span.range))
            });
            let pattern = if stated == 0 {
                r"(?i)\breception\b".to_owned()
            } else {
                format!(r"(?i)\b(?:year|yr)\s*{stated}\b")
            };
            if let Ok(regex) = Regex::new(&pattern) {
                let found = birth_text.or_else(|| {
                    context
                        .document
                        .paragraphs
                        .iter()
                        .find_map(|p| regex.find(&p.text).map(|m| (p.index, m.range())))
                });
                if let Some((p, range)) = found {
                    f.quote = context.document.paragraphs[p].text[range.clone()].to_owned();
                    f.location = Some(Location {
                        paragraph: p,
                        range,
                    });
                    f.section = section_of_paragraph(context, p);
                }
            }
            f.message = format!(
                "The plan says {}, but a child born on {} would be in {} at the plan date.",
                year_name(stated),
                birth,
                year_name(expected)
            );
            f.help = "Check the date of birth and the year group. If the child is taught outside their chronological year group, say so in the plan so that outcomes and transitions are planned for the right year.".into();
            f.confidence = 0.8;
            findings.push(f);
        }
        let Some(current) = child.year_group.or(expected) else {
            return;
        };
        for outcome in &plan.outcomes {
            let item = &outcome.item;
            for (span, ks) in key_stage_targets(&item.text) {
                if last_year_of_key_stage(ks) >= current {
                    continue;
                }
                let mut f = at_item(&DOC, context, item, Some(span.range.clone()));
                f.section = Some(SectionId::E);
                f.message = format!(
                    "\"{}\" has already passed: the child is in {} (Key Stage {}).",
                    span.text,
                    year_name(current),
                    key_stage(current).map_or("–".into(), |k| k.to_string())
                );
                f.help = format!(
                    "Set a time frame the child has ahead of them (for example \"by the end of Key Stage {}\"), and check whether this outcome was copied from an older plan.",
                    key_stage(current).unwrap_or(1)
                );
                findings.push(f);
            }
            for (span, year) in year_group_targets(&item.text) {
                if year >= current {
                    continue;
                }
                let mut f = at_item(&DOC, context, item, Some(span.range.clone()));
                f.message = format!(
                    "\"{}\" has already passed: the child is in {}.",
                    span.text,
                    year_name(current)
                );
                f.help = format!(
                    "Set a time frame the child has ahead of them (for example \"by the end of Year {}\"), and check whether this outcome was copied from an older plan.",
                    current
                );
                findings.push(f);
            }
        }
    }
}
