//! `outcome/describes-provision`: an outcome describes support received
//! instead of what the child achieves.

use std::sync::LazyLock;

use crate::re::{RegexBuilder, WordLed};

use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_item, is_substantive};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "outcome/describes-provision",
    severity: Severity::Warning,
    summary: "An outcome describes support received instead of what the child achieves.",
    rationale: "An outcome is the benefit or difference for the child, not the help they get: \"Sam will receive weekly therapy\" is provision wearing an outcome's clothes. It belongs in F, and the outcome should say what the therapy will let Sam do.",
    reference: "SEND Code of Practice 9.64-9.66",
    example: "Sam will receive weekly speech and language therapy.",
    fix: "By the end of Year 3, Sam will use sentences of at least 5 words to tell an adult what he needs, in 4 out of 5 observed sessions (the weekly therapy goes in section F).",
};

static PROVISION_WORDING: LazyLock<WordLed> = LazyLock::new(|| {
    WordLed::new(RegexBuilder::new(
        r"(?x)\b(?:
            will\s+(?:continue\s+to\s+)?(?:receive|be\s+given|be\s+provided\s+with|be\s+offered|have\s+access\s+to|access|be\s+seen\s+by|be\s+taught|be\s+supported|get\s+support|be\s+helped)
          | will\s+(?:continue\s+to\s+)?attend\s+(?:\w+\s+){0,3}(?:sessions?|therapy|interventions?|programmes?|groups?)
          | will\s+have\s+(?:a\s+|an\s+)?(?:daily|weekly|regular|1:1|one[\s-]to[\s-]one|termly)\s+\w+
          | (?:to\s+receive|to\s+be\s+given|to\s+be\s+provided\s+with|to\s+have\s+access\s+to|to\s+be\s+supported\s+(?:by|with))
          | (?:staff|adults?|the\s+school|the\s+setting|teachers?|TAs?|therapists?|the\s+SENCo)\s+will\s+(?:provide|support|deliver|ensure|give|offer|work|help|use|model)
        )",
    )
    .case_insensitive(true)
    , "will to staff adult adults the teacher teachers ta tas therapist therapists", false)
    .expect("provision wording regex")
});

#[derive(Debug)]
pub struct DescribesProvision;

impl Rule for DescribesProvision {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        for outcome in &context.plan.outcomes {
            let item = &outcome.item;
            if !is_substantive(item) {
                continue;
            }
            let Some(m) = PROVISION_WORDING.find_iter(&item.text).next() else {
                continue;
            };
            let mut f = at_item(&DOC, context, item, Some(m.clone()));
            f.message = format!(
                "This outcome describes support the child will receive (\"{}\"), not what the child will achieve.",
                &item.text[m]
            );
            f.help = "Move the support to section F (what, by whom, how often) and rewrite the outcome as what the child will be able to do, by when, and how it will be measured.".into();
            findings.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_led_pattern_finds_what_the_pattern_finds() {
        crate::re::tests::assert_word_led_agrees(
            &PROVISION_WORDING,
            &[
                "Sam will receive; to be given; Staff will support; TAs will model; the SENCo will help; will attend weekly therapy sessions; will have a daily check-in",
            ],
        );
    }
}
