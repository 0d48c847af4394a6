//! `outcome/not-measurable`: an outcome gives no way to tell whether it was achieved.

use crate::analysis::measure;
use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_item, describe, is_substantive};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "outcome/not-measurable",
    severity: Severity::Warning,
    summary: "An outcome gives no way to tell whether it was achieved.",
    rationale: "An outcome is a benefit or difference the child will experience, and progress towards it must be reviewable. Words such as \"improve\" or \"develop\" with no count, frequency, level or condition (\"independently\", \"in 4 out of 5 sessions\") cannot be checked at the annual review.",
    reference: "SEND Code of Practice 9.64-9.66",
    example: "By July 2027, Sam will improve his social skills.",
    fix: "By July 2027, Sam will start and keep up a conversation of at least three turns with a peer, in 4 out of 5 observed playtimes.",
};

#[derive(Debug)]
pub struct NotMeasurable;

impl Rule for NotMeasurable {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        for outcome in &context.plan.outcomes {
            let item = &outcome.item;
            if !is_substantive(item) || measure::is_measurable(&item.text) {
                continue;
            }
            // A concrete task ("explain his medication to his tutor") is
            // achieved or not; an outcome is unmeasurable when it promises a
            // change of degree ("improve", "feel more", "make progress").
            let Some(vague) = measure::vague_change(&item.text) else {
                continue;
            };
            let mut f = at_item(&DOC, context, item, None);
            f.message = format!(
                "Outcome {} gives no way to tell whether it has been achieved.",
                describe(item)
            );
            f.message.push_str(&format!(
                " \"{}\" says it will change, not by how much.",
                vague.text
            ));
            f.help = "Say how progress will be seen: a count (\"read 100 high-frequency words\"), a frequency (\"in 4 out of 5 sessions\"), a level or score, or a condition (\"independently\", \"with no more than one prompt\").".into();
            findings.push(f);
        }
    }
}
