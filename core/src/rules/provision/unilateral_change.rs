//! `provision/unilateral-change`: provision may be changed without a review.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::{RegexBuilder, WordLed};

use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::provision::phrase_findings;
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "provision/unilateral-change",
    severity: Severity::Error,
    summary: "Provision may be reduced, changed or withdrawn without a review: \"may be reduced following review\".",
    rationale: "Provision in an EHC plan can only be changed by amending the plan, after an annual review or reassessment, with the family's right of appeal. Wording that lets a school or service reduce or stop it on its own takes that right away.",
    reference: "SEND Code of Practice 9.69 and 9.176-9.179; Children and Families Act 2014 s.44",
    example: "1:1 support for 15 hours a week, which may be reduced as Sam becomes more independent.",
    fix: "1:1 support from a teaching assistant for 15 hours a week. Any change will be considered at Sam's annual review.",
};

static CHANGE: LazyLock<WordLed> = LazyLock::new(|| {
    WordLed::new(RegexBuilder::new(
        r"(?x)\b(?:
            (?:may|might|could|can|will|would|should|to)\s+(?:then\s+|gradually\s+|eventually\s+)?be\s+(?:gradually\s+)?(?:reduced|withdrawn|decreased|removed|stopped|ceased|phased\s+out|tapered|faded|discontinued|scaled\s+back|cut|lessened|changed|amended|altered|adjusted)
          | (?:reduce|withdraw|fade|taper|phase\s+out|decrease|remove|scale\s+back|stop)\s+(?:the\s+|this\s+|his\s+|her\s+|their\s+)?(?:support|provision|hours|sessions|input|level\s+of\s+support|therapy|adult\s+support|1:1)
          | (?:reducing|fading|tapering|withdrawing|decreasing)\s+(?:over\s+time|gradually|as\s+\w+)
          | (?:until|once)\s+(?:it\s+is\s+)?no\s+longer\s+(?:needed|required|necessary)
          | (?:discharged?|discharging)\b
          | subject\s+to\s+(?:progress|funding|capacity|resources)
        )",
    )
    .case_insensitive(true)
    , "may might could can will would should to reduce withdraw fade taper phase decrease remove scale stop reducing fading tapering withdrawing decreasing until once discharge discharged discharging subject", false)
    .expect("change regex")
});

/// Where `text` lets the provision change without a review of the plan.
pub fn matches(text: &str) -> Vec<Range<usize>> {
    CHANGE.find_iter(text).collect()
}

#[derive(Debug)]
pub struct UnilateralChange;

impl Rule for UnilateralChange {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        phrase_findings(&DOC, context, findings, matches, |quote| {
            (
                format!("\"{quote}\" lets this provision be changed without amending the plan."),
                format!(
                    "Remove \"{quote}\". State the provision as it stands; any reduction or change is made by amending the plan after an annual review, which the family can appeal."
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
            &CHANGE,
            &[
                "may be reduced; to then be phased out; reduce the support; fading over time; until no longer needed; discharged; subject to funding; Discharging",
            ],
        );
    }

    #[test]
    fn changes_are_recognised() {
        for text in [
            "may be reduced following review",
            "support will be faded as she grows in confidence",
            "until no longer needed",
            "she will be discharged when targets are met",
        ] {
            assert!(!matches(text).is_empty(), "{text}");
        }
        for text in [
            "progress will be reviewed termly",
            "reduce anxiety",
            "reviewed at the annual review",
        ] {
            assert!(matches(text).is_empty(), "{text}");
        }
    }
}
