//! `thread/need-without-outcome`: a need in B, C or D has no outcome in E.

use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_item, describe, is_substantive, shorten};
use crate::rules::thread::{Links, soften, weak_candidate};
use crate::rules::{Rule, RuleDoc};
use crate::thread::Kind;

pub static DOC: RuleDoc = RuleDoc {
    id: "thread/need-without-outcome",
    severity: Severity::Error,
    summary: "A need in B, C or D has no outcome in E.",
    rationale: "Outcomes say what difference the support will make for each need. A need with no outcome cannot be reviewed: nobody can tell at the annual review whether it is being met. The golden thread runs from every need to at least one outcome.",
    reference: "SEND Code of Practice 9.61, 9.64-9.66",
    example: "B3: Sam finds it hard to regulate his emotions when routines change. (No outcome in E mentions regulation, routines or change.)",
    fix: "E4: By the end of Year 5, Sam will use his zones of regulation card to ask for a break, without adult prompting, on 4 out of 5 occasions when his routine changes (links to B3).",
};

#[derive(Debug)]
pub struct NeedWithoutOutcome;

impl Rule for NeedWithoutOutcome {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let links = Links::new(context);
        // With no outcomes at all the missing or empty section E is the finding.
        if context.plan.outcomes.is_empty() {
            return;
        }
        for need in &context.plan.needs {
            let item = &need.item;
            if !is_substantive(item) || !links.linked_of(&item.id, Kind::Outcome, None).is_empty() {
                continue;
            }
            let mut f = at_item(&DOC, context, item, None);
            f.message = format!("Need {} has no outcome in section E.", describe(item));
            f.help = format!(
                "Add an outcome to section E saying what the child will achieve for this need (\"{}\"), by when and how progress will be seen, and link it to {}.",
                shorten(&item.text, 80),
                item.id
            );
            soften(
                &mut f,
                weak_candidate(context, &item.id, Kind::Outcome),
                "outcome",
            );
            findings.push(f);
        }
    }
}
