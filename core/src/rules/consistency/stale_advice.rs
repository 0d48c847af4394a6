//! `consistency/stale-advice`: advice in K more than two years older than the plan.

use crate::analysis::dates::{dates, months_between};
use crate::finding::{Finding, Severity};
use crate::plan::SectionId;
use crate::review::CheckContext;
use crate::rules::support::{at_item, at_paragraph, shorten};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "consistency/stale-advice",
    severity: Severity::Info,
    summary: "Advice listed in K is more than two years older than the plan date.",
    rationale: "A plan must rest on a current picture of the child. Advice more than two years old may no longer describe the child's needs; existing advice should only be relied on where the professional, the family and the local authority agree it is still sufficient.",
    reference: "SEND Code of Practice 9.47; SEND Regulations 2014, regulation 6(4)",
    example: "K3: Educational psychology advice, Dr A Patel, 14 January 2022 (plan dated March 2026).",
    fix: "Ask for updated advice, or record that the professional, the family and the local authority agree the 2022 advice is still sufficient.",
};

#[derive(Debug)]
pub struct StaleAdvice;

/// The paragraph and range of `date` written in the item's table row, or
/// else in section K.
fn date_in_row_or_section(
    context: &CheckContext<'_>,
    item: &crate::plan::Item,
    date: crate::text::Date,
) -> Option<(usize, std::ops::Range<usize>)> {
    let document = context.document;
    let mut candidates: Vec<usize> = Vec::new();
    if let Some(position) = item.cell
        && let Some(row) = document
            .tables
            .get(position.table)
            .and_then(|t| t.rows.get(position.row))
    {
        candidates.extend(row.cells.iter().flat_map(|c| c.paragraphs.iter().copied()));
    }
    for section in context.plan.sections_with(SectionId::K) {
        candidates.extend(section.paragraphs.iter().copied());
    }
    candidates.into_iter().find_map(|p| {
        let text = &document.paragraphs.get(p)?.text;
        dates(text)
            .into_iter()
            .find(|(_, d)| *d == date)
            .map(|(span, _)| (p, span.range))
    })
}

impl Rule for StaleAdvice {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let Some(plan_date) = context.plan.plan_date else {
            return;
        };
        for advice in &context.plan.advice {
            let item = &advice.item;
            let in_text = dates(&item.text);
            // The stated date, else the latest date written in the entry.
            let (date, range) = match advice.date {
                Some(d) => (
                    d,
                    in_text
                        .iter()
                        .find(|(_, x)| *x == d)
                        .map(|(s, _)| s.range.clone()),
                ),
                None => match in_text.iter().max_by_key(|(_, d)| *d) {
                    Some((span, d)) => (*d, Some(span.range.clone())),
                    None => continue,
                },
            };
            let months = months_between(date, plan_date);
            if months <= 24 {
                continue;
            }
            // A date read from another column of the row: quote it where it is.
            let elsewhere = if range.is_none() {
                date_in_row_or_section(context, item, date)
            } else {
                None
            };
            let mut f = match elsewhere {
                Some((paragraph, r)) => {
                    let mut f = at_paragraph(&DOC, context, Some(SectionId::K), paragraph, r);
                    f.item = Some(item.id.clone());
                    f
                }
                None => at_item(&DOC, context, item, range),
            };
            let years = months / 12;
            f.message = format!(
                "This advice is dated {} — about {} year{} before the plan ({}).",
                date,
                years,
                if years == 1 { "" } else { "s" },
                plan_date
            );
            f.help = format!(
                "Check whether \"{}\" still describes the child's needs: ask for updated advice, or record that the professional, the family and the local authority agree it is still sufficient.",
                shorten(&item.text, 70)
            );
            findings.push(f);
        }
    }
}
