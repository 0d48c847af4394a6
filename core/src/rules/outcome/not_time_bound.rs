//! `outcome/not-time-bound`: an outcome has no time frame.

use crate::analysis::timeframe;
use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_item, describe, is_substantive};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "outcome/not-time-bound",
    severity: Severity::Warning,
    summary: "An outcome has no time frame.",
    rationale: "Outcomes should be SMART: time-bound means saying by when the child will achieve it, usually by the end of a key stage or phase, with steps for the year ahead. Without a date nobody can say at the annual review whether it has been met.",
    reference: "SEND Code of Practice 9.64-9.66",
    example: "Claire will be able to read simple sentences independently.",
    fix: "By the end of Year 4 (July 2027), Claire will read simple sentences independently, with no more than one error in 10 words.",
};

#[derive(Debug)]
pub struct NotTimeBound;

impl Rule for NotTimeBound {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        for outcome in &context.plan.outcomes {
            let item = &outcome.item;
            if !is_substantive(item)
                || outcome
                    .time_frame
                    .as_ref()
                    .is_some_and(|t| !t.trim().is_empty())
                || timeframe::has_time_frame(&item.text)
                || item
                    .heading
                    .as_ref()
                    .is_some_and(|h| timeframe::has_time_frame(h))
            {
                continue;
            }
            let mut f = at_item(&DOC, context, item, None);
            f.message = format!(
                "Outcome {} does not say by when it should be achieved.",
                describe(item)
            );
            f.help = "Add a time frame, for example \"by the end of Key Stage 2\", \"by July 2027\" or \"within 12 months\", with shorter steps for the year ahead.".into();
            findings.push(f);
        }
    }
}
