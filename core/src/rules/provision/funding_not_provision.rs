//! `provision/funding-not-provision`: money or a funding band stands in for the provision.

use crate::analysis::{quantity, roles};
use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_item, is_substantive, provision_text};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "provision/funding-not-provision",
    severity: Severity::Warning,
    summary: "Money or a funding band stands in for the provision (\"£4,000 top-up\", \"Band 3\").",
    rationale: "A plan must specify the provision itself, not the money behind it. A sum or a band says nothing about what the child will get, and the family cannot enforce a budget line.",
    reference: "SEND Code of Practice 9.69",
    example: "Sam's needs will be met through Band 3 top-up funding of £6,000.",
    fix: "Sam will have 15 hours a week of individual support from a teaching assistant trained in autism awareness, and a daily 20-minute social communication group of 4 pupils led by the SENCo.",
};

#[derive(Debug)]
pub struct FundingNotProvision;

impl Rule for FundingNotProvision {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        for provision in &context.plan.provision {
            let item = &provision.item;
            if !is_substantive(item) {
                continue;
            }
            let money = quantity::money(&item.text);
            let Some(first) = money.first() else { continue };
            // The money stands in for the provision when, taken away, nothing
            // says what is provided: no amount of time and no one to deliver it.
            let mut rest = provision_text(provision);
            for m in money.iter().rev() {
                rest.replace_range(m.range.clone(), " ");
            }
            let described =
                quantity::is_quantified(&rest) && roles::names_provider(&rest, context.lexicon);
            if described {
                continue;
            }
            let mut f = at_item(&DOC, context, item, Some(first.range.clone()));
            f.message = format!(
                "\"{}\" is funding, not provision: the item does not say what the child will receive.",
                f.quote
            );
            f.help = format!(
                "Describe the provision that \"{}\" pays for: what, delivered by whom, how often and for how long, individually or in a group of what size. The funding can be recorded elsewhere.",
                f.quote
            );
            findings.push(f);
        }
    }
}
