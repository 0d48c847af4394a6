//! `consistency/name-mismatch`: another first name used where the child is meant.

use crate::analysis::people::subject_names;
use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::consistency::{child_items, child_names, other_names};
use crate::rules::support::at_item;
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "consistency/name-mismatch",
    severity: Severity::Error,
    summary: "Another first name is used where the child is meant (copy-paste from another plan).",
    rationale: "Plans are often built from another child's plan. A different name as the subject of a need, outcome or provision is the clearest sign that text was copied without being rewritten for this child, and it breaches the other child's confidentiality.",
    reference: "SEND Code of Practice 9.61; UK GDPR Article 5(1)(d) (accuracy)",
    example: "Claire's plan, section F: \"Tom will have a daily phonics session of 20 minutes with a teaching assistant.\"",
    fix: "\"Claire will have a daily phonics session of 20 minutes with a teaching assistant.\" Then check the rest of the item was written for Claire.",
};

#[derive(Debug)]
pub struct NameMismatch;

impl Rule for NameMismatch {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let (child, stated) = child_names(context);
        if child.is_empty() {
            return;
        }
        // Worked out only when a name other than the child's is used.
        let mut others = None;
        let child_display = context
            .plan
            .child
            .preferred_name
            .clone()
            .or_else(|| context.plan.child.first_name.clone())
            .unwrap_or_else(|| {
                let mut n: Vec<&String> = child.iter().collect();
                n.sort();
                n.first().map(|s| capitalise(s)).unwrap_or_default()
            });
        for item in child_items(context) {
            for span in subject_names(&item.text, context.lexicon) {
                let lower = span.text.to_lowercase();
                if child.contains(&lower)
                    || others
                        .get_or_insert_with(|| other_names(context))
                        .contains(&lower)
                {
                    continue;
                }
                let mut f = at_item(&DOC, context, item, Some(span.range.clone()));
                f.message = format!(
                    "\"{}\" is used here, but this plan is about {}.",
                    span.text, child_display
                );
                f.help = format!(
                    "Replace \"{}\" with \"{}\" and check that the rest of this item was written for {} and not copied from another child's plan. If {} is someone else, say who they are (for example \"{} ({}'s cousin)\").",
                    span.text, child_display, child_display, span.text, span.text, child_display
                );
                if !stated {
                    f.severity = Severity::Warning;
                    f.confidence = 0.6;
                }
                findings.push(f);
            }
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}
