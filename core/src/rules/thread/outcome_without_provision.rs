//! `thread/outcome-without-provision`: no provision supports an outcome.

use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_item, describe, is_substantive, shorten};
use crate::rules::thread::{Links, parent_outcome, soften, weak_candidate};
use crate::rules::{Rule, RuleDoc};
use crate::thread::Kind;

pub static DOC: RuleDoc = RuleDoc {
    id: "thread/outcome-without-provision",
    severity: Severity::Error,
    summary: "No provision supports an outcome.",
    rationale: "An outcome is only a hope unless the plan provides what is needed to reach it. Each outcome should be supported by provision in F, G or H that a family can see and enforce.",
    reference: "SEND Code of Practice 9.66 and 9.69",
    example: "E3: By the end of Year 8, Amir will travel to school by bus on his own. (No provision mentions travel training.)",
    fix: "F6: Travel training with a trained travel trainer, 2 sessions of 1 hour a week for 12 weeks, then a review (links to E3).",
};

#[derive(Debug)]
pub struct OutcomeWithoutProvision;

impl Rule for OutcomeWithoutProvision {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let links = Links::new(context);
        if context.plan.provision.is_empty() {
            return;
        }
        // A plan that links provision to outcomes itself must do so for each.
        let systematic =
            |a, b| crate::thread::stated_coverage(context.plan, a, b).is_some_and(|c| c >= 0.6);
        let through_need_counts = !systematic(Kind::Outcome, Kind::Provision)
            && !systematic(Kind::Provision, Kind::Outcome);
        // Provision supports an outcome directly, or through the need it
        // serves (unless that provision names outcomes of its own).
        // An outcome and its short-term steps are one family: provision
        // serving a step serves the outcome it leads to.
        let family = |a: &str, b: &str| {
            a == b
                || parent_outcome(context, a).is_some_and(|p| p.id == b)
                || parent_outcome(context, b).is_some_and(|p| p.id == a)
        };
        let supported = |id: &str| {
            !links.linked_of(id, Kind::Provision, None).is_empty()
                || links.linked_of(id, Kind::Need, None).iter().any(|n| {
                    links
                        .linked_of(&n.id, Kind::Provision, None)
                        .iter()
                        .any(|p| {
                            through_need_counts
                                || links
                                    .linked_of(&p.id, Kind::Outcome, None)
                                    .iter()
                                    .all(|o| family(&o.id, id))
                        })
                })
        };
        let steps_supported = |id: &str| {
            context.plan.outcomes.iter().any(|o| {
                o.item.id != id
                    && parent_outcome(context, &o.item.id).is_some_and(|p| p.id == id)
                    && !links
                        .linked_of(&o.item.id, Kind::Provision, None)
                        .is_empty()
            })
        };
        for outcome in &context.plan.outcomes {
            let item = &outcome.item;
            if !is_substantive(item) || supported(&item.id) || steps_supported(&item.id) {
                continue;
            }
            // A step is supported by the provision of the outcome it leads to.
            if parent_outcome(context, &item.id).is_some_and(|p| supported(&p.id)) {
                continue;
            }
            let mut f = at_item(&DOC, context, item, None);
            f.message = format!("Outcome {} has no provision supporting it.", describe(item));
            f.help = format!(
                "Add provision to section F (or G, H1, H2) that will help the child achieve \"{}\": what, by whom, how often, for how long, and link it to {}.",
                shorten(&item.text, 80),
                item.id
            );
            soften(
                &mut f,
                weak_candidate(context, &item.id, Kind::Provision),
                "provision item",
            );
            findings.push(f);
        }
    }
}
