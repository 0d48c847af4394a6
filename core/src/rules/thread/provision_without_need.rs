//! `thread/provision-without-need`: a provision item meets no identified need or outcome.

use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_item, describe, is_substantive};
use crate::rules::thread::{Links, soften, weak_candidate};
use crate::rules::{Rule, RuleDoc};
use crate::thread::Kind;

pub static DOC: RuleDoc = RuleDoc {
    id: "thread/provision-without-need",
    severity: Severity::Warning,
    summary: "A provision item meets no identified need or outcome.",
    rationale: "Provision is there to meet needs. An item with no need or outcome behind it is often copied from another plan, or answers a need that was never written into B, C or D and so cannot be relied on.",
    reference: "SEND Code of Practice 9.69",
    example: "F7: Weekly hydrotherapy with a physiotherapist. (No need or outcome mentions physical or motor difficulties.)",
    fix: "Record the need in B or C (\"Sam has low muscle tone …\") and an outcome for it, and link F7 to them; or remove F7 if it belongs to another plan.",
};

#[derive(Debug)]
pub struct ProvisionWithoutNeed;

impl Rule for ProvisionWithoutNeed {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let links = Links::new(context);
        if context.plan.needs.is_empty() && context.plan.outcomes.is_empty() {
            return;
        }
        for provision in &context.plan.provision {
            let item = &provision.item;
            if !is_substantive(item)
                || !links.linked_of(&item.id, Kind::Need, None).is_empty()
                || !links.linked_of(&item.id, Kind::Outcome, None).is_empty()
            {
                continue;
            }
            let mut f = at_item(&DOC, context, item, None);
            f.message = format!(
                "Provision {} is not linked to any need or outcome.",
                describe(item)
            );
            f.help = format!(
                "Say which need or outcome {} meets (for example \"links to B2, E3\"); if there is none, check whether it belongs in this plan.",
                item.id
            );
            let candidate = weak_candidate(context, &item.id, Kind::Outcome)
                .or_else(|| weak_candidate(context, &item.id, Kind::Need));
            soften(&mut f, candidate, "need or outcome");
            findings.push(f);
        }
    }
}
