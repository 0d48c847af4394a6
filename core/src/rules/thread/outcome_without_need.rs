//! `thread/outcome-without-need`: an outcome serves no identified need.

use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_item, describe, is_substantive};
use crate::rules::thread::{Links, parent_outcome, soften, weak_candidate};
use crate::rules::{Rule, RuleDoc};
use crate::thread::Kind;

pub static DOC: RuleDoc = RuleDoc {
    id: "thread/outcome-without-need",
    severity: Severity::Warning,
    summary: "An outcome serves no identified need.",
    rationale: "Outcomes should follow from the needs in B, C and D. An outcome with no need behind it is either a need the plan forgot to record (so it has no legal footing) or an outcome copied from another plan.",
    reference: "SEND Code of Practice 9.64-9.66",
    example: "E5: By July 2027, Sam will swim 25 metres unaided. (No need mentions swimming, water confidence or gross motor skills.)",
    fix: "Record the need it answers in B or C (\"Sam's gross motor skills are below age-related expectations …\") and link the outcome to it, or remove the outcome.",
};

#[derive(Debug)]
pub struct OutcomeWithoutNeed;

impl Rule for OutcomeWithoutNeed {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let links = Links::new(context);
        if context.plan.needs.is_empty() {
            return;
        }
        for outcome in &context.plan.outcomes {
            let item = &outcome.item;
            if !is_substantive(item) || !links.linked_of(&item.id, Kind::Need, None).is_empty() {
                continue;
            }
            // A step towards an outcome serves that outcome's need, and an
            // outcome serves the needs its own steps are linked to.
            if parent_outcome(context, &item.id)
                .is_some_and(|p| !links.linked_of(&p.id, Kind::Need, None).is_empty())
            {
                continue;
            }
            let step_linked = context.plan.outcomes.iter().any(|o| {
                o.item.id != item.id
                    && parent_outcome(context, &o.item.id).is_some_and(|p| p.id == item.id)
                    && !links.linked_of(&o.item.id, Kind::Need, None).is_empty()
            });
            if step_linked {
                continue;
            }
            let mut f = at_item(&DOC, context, item, None);
            f.message = format!(
                "Outcome {} is not linked to any need in B, C or D.",
                describe(item)
            );
            f.help = format!(
                "Say which need {} answers (for example \"links to B2\"); if the need is not in the plan, add it to section B, C or D.",
                item.id
            );
            let aspirations = links.linked_of(&item.id, Kind::Aspiration, None);
            if let Some(aspiration) = aspirations.first() {
                // Outcomes for adulthood often come from the aspirations in A.
                f.severity = Severity::Info;
                f.confidence = 0.5;
                f.message.push_str(&format!(
                    " It does work towards the aspiration {}.",
                    describe(aspiration)
                ));
                f.help = format!(
                    "If {} answers a need (for example a preparing-for-adulthood need), record that need in section B, C or D and link it; otherwise this is fine as an outcome built from the aspiration.",
                    item.id
                );
            } else {
                soften(
                    &mut f,
                    weak_candidate(context, &item.id, Kind::Need),
                    "need",
                );
            }
            findings.push(f);
        }
    }
}
