//! `provision/not-quantified`: provision states no frequency, duration or amount.

use crate::analysis::quantity;
use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::provision::{is_equipment, missing_parts, rewrite_pattern};
use crate::rules::support::{
    at_item, at_paragraph, describe, field_location, is_substantive, provision_row_text,
};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "provision/not-quantified",
    severity: Severity::Error,
    summary: "Provision states no frequency, duration or amount.",
    rationale: "Provision should normally be quantified: how many hours, how often, for how long. Without an amount a school can meet the plan with almost nothing, and the family cannot show that it is not being delivered.",
    reference: "SEND Code of Practice 9.69; L v Clarke and Somerset CC [1998] ELR 129",
    example: "Sam will receive support from a teaching assistant with his reading.",
    fix: "Sam will have a structured phonics programme delivered individually by a teaching assistant trained in the programme, 4 times a week for 20 minutes.",
};

#[derive(Debug)]
pub struct NotQuantified;

impl Rule for NotQuantified {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        for provision in &context.plan.provision {
            let item = &provision.item;
            if !is_substantive(item) {
                continue;
            }
            let full = provision_row_text(context, provision);
            if quantity::is_quantified(&full) {
                continue;
            }
            // Point at the "How often" column when it is there but says no amount.
            let frequency_cell = provision
                .frequency
                .as_deref()
                .filter(|f| !f.trim().is_empty() && !item.text.contains(f.trim()))
                .and_then(|f| field_location(context, item, f));
            let mut f = match frequency_cell.clone() {
                Some((paragraph, range)) => {
                    let mut f = at_paragraph(&DOC, context, Some(item.section), paragraph, range);
                    f.item = Some(item.id.clone());
                    f
                }
                None => at_item(&DOC, context, item, None),
            };
            f.message = if frequency_cell.is_some() {
                format!(
                    "\"{}\" does not say how often, for how long or how much {} is provided.",
                    f.quote,
                    describe(item)
                )
            } else {
                format!(
                    "Provision {} does not say how often, for how long or how much.",
                    describe(item)
                )
            };
            let pattern = rewrite_pattern(&missing_parts(&full, context.lexicon));
            f.help = format!("State the amount, for example: {pattern}.");
            if is_equipment(&full) {
                // Equipment is there all the time; say so, but less loudly.
                f.severity = Severity::Info;
                f.confidence = 0.5;
                f.help = "If this is equipment or an adaptation, say when it is available (for example \"in all lessons\" or \"at all times\") and who makes sure it is used.".into();
            }
            findings.push(f);
        }
    }
}
