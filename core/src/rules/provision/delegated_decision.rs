//! `provision/delegated-decision`: provision left to someone else's judgement.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::{RegexBuilder, WordLed};

use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::provision::phrase_findings;
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "provision/delegated-decision",
    severity: Severity::Error,
    summary: "Provision is left to someone else's judgement: \"at the discretion of\", \"as the school sees fit\", \"to be determined by\".",
    rationale: "The local authority must decide the provision itself; it cannot hand the decision to a school, a therapist or a panel. Provision left to someone's discretion is not specified at all and cannot be enforced (L v Clarke and Somerset CC, 1998; E v Rotherham MBC, 2001).",
    reference: "SEND Code of Practice 9.69; L v Clarke and Somerset CC [1998] ELR 129; E v Rotherham MBC [2001] EWHC Admin 432",
    example: "Occupational therapy input at the discretion of the therapist, as the school sees fit.",
    fix: "Occupational therapy from an HCPC-registered occupational therapist: 6 sessions of 45 minutes a term, individually, plus a daily 10-minute fine motor programme delivered by a trained teaching assistant.",
};

static DELEGATED: LazyLock<WordLed> = LazyLock::new(|| {
    WordLed::new(RegexBuilder::new(
        r"(?x)\b(?:
            at\s+the\s+(?:\w+['’]?s?\s+){0,3}discretion(?:\s+of(?:\s+the)?(?:\s+[\w'’]+){1,3})?
          | at\s+(?:the\s+)?(?:school|setting|college|provider|therapist|senco)['’]s\s+discretion
          | (?:as|where|when|if)\s+(?:the\s+)?(?:school|setting|college|provider|staff|teachers?|senco|sendco|therapists?|team|service|they|professionals?)\s+(?:sees?|deems?|considers?|thinks?|feels?|judges?|decides?)(?:\s+(?:it|to\s+be))?(?:\s+(?:fit|appropriate|necessary|suitable|best|required|needed))?
          | as\s+(?:deemed|considered|judged|decided|agreed)\s+(?:appropriate|necessary|suitable|fit|required)(?:\s+by(?:\s+the)?(?:\s+[\w'’]+){1,3})?
          | (?:to\s+be|will\s+be|is\s+to\s+be)\s+(?:determined|decided|agreed|set|allocated|confirmed|assessed)\s+by(?:\s+the)?(?:\s+[\w'’]+){1,3}
          | (?:determined|decided)\s+by\s+the\s+(?:school|setting|college|senco|provider|therapist|service)
          | (?:school|setting|college|senco|provider|service)\s+(?:will|to|can|may)\s+(?:decide|determine|judge)
          | (?:in\s+line\s+with|according\s+to)\s+(?:the\s+)?(?:school|setting|service)['’]?s?\s+(?:own\s+)?(?:policy|policies|assessment|judgement|judgment|allocation)
          | (?:based\s+on|dependent\s+on|depending\s+on)\s+(?:the\s+)?(?:school|setting|therapist|service)['’]?s?\s+(?:assessment|judgement|judgment)
        )",
    )
    .case_insensitive(true)
    , "at as where when if to will is determined decided school setting college senco provider service in according based dependent depending", false)
    .expect("delegated regex")
});

/// Where `text` hands the decision to someone else.
pub fn matches(text: &str) -> Vec<Range<usize>> {
    DELEGATED.find_iter(text).collect()
}

#[derive(Debug)]
pub struct DelegatedDecision;

impl Rule for DelegatedDecision {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        phrase_findings(&DOC, context, findings, matches, |quote| {
            (
                format!(
                    "\"{quote}\" leaves the decision about this provision to someone else instead of the plan."
                ),
                format!(
                    "Remove \"{quote}\" and state in the plan what will be provided, by whom, how often and for how long; if professional advice is still needed, obtain it before the plan is finalised."
                ),
            )
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_led_pattern_finds_what_the_pattern_finds() {
        crate::re::tests::assert_word_led_agrees(
            &DELEGATED,
            &[
                "at the school's discretion; at the discretion of the SENCo; as the school sees fit; as deemed appropriate by the team; to be determined by the therapist; decided by the setting; school will decide; in line with the school's policy; depending on the therapist's assessment",
            ],
        );
    }

    #[test]
    fn delegation_is_recognised() {
        for text in [
            "at the discretion of the SENCo",
            "as the school sees fit",
            "to be determined by the therapist",
            "as deemed appropriate by staff",
            "at the school's discretion",
        ] {
            assert!(!matches(text).is_empty(), "{text}");
        }
        assert!(matches("delivered by a TA three times a week").is_empty());
    }
}
