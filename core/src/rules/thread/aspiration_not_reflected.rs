//! `thread/aspiration-not-reflected`: an aspiration in A is reflected in no outcome.

use std::sync::LazyLock;

use crate::re::Regex;

use crate::finding::{Finding, Severity};
use crate::plan::Item;
use crate::review::CheckContext;
use crate::rules::support::{at_item, is_substantive, shorten};
use crate::rules::thread::{Links, soften, weak_candidate};
use crate::rules::{Rule, RuleDoc};
use crate::thread::Kind;

pub static DOC: RuleDoc = RuleDoc {
    id: "thread/aspiration-not-reflected",
    severity: Severity::Warning,
    summary: "An aspiration in A is reflected in no outcome.",
    rationale: "Outcomes should be built from the child's and family's aspirations: that is what makes the plan person-centred. An aspiration that no outcome works towards tells the family their views were recorded but not used.",
    reference: "SEND Code of Practice 9.64 and 9.66",
    example: "A: \"When I grow up I want to work with animals.\" (No outcome mentions animals, work experience or college.)",
    fix: "E6: By the end of Year 10, Maya will complete a week's work experience at a local animal rescue centre, with a job coach, and say what she enjoyed.",
};

/// Words that mark a line of section A as an aspiration rather than a likes
/// and dislikes list or family history.
static ASPIRATION_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:aspir\w*|ambitions?|dreams?|hopes?|hoping|wants?\s+to|would\s+like\s+to|wish(?:es)?\s+to|when\s+(?:I|he|she|they)\s+(?:grow\s+up|am\s+older|leave)|in\s+the\s+future|future|goals?|one\s+day|plans?\s+to|aims?\s+to|looking\s+forward|going\s+to\s+be|to\s+become|to\s+be\s+able\s+to)\b",
    )
    .expect("aspiration regex")
});

fn is_aspiration(item: &Item) -> bool {
    ASPIRATION_CUE.is_match(&item.text)
        || item
            .heading
            .as_ref()
            .is_some_and(|h| ASPIRATION_CUE.is_match(h))
}

#[derive(Debug)]
pub struct AspirationNotReflected;

impl Rule for AspirationNotReflected {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let links = Links::new(context);
        if context.plan.outcomes.is_empty() {
            return;
        }
        for item in &context.plan.aspirations {
            if !is_substantive(item) || !is_aspiration(item) {
                continue;
            }
            let direct = !links.linked_of(&item.id, Kind::Outcome, None).is_empty();
            let through_need = links
                .linked_of(&item.id, Kind::Need, None)
                .iter()
                .any(|n| !links.linked_of(&n.id, Kind::Outcome, None).is_empty());
            if direct || through_need {
                continue;
            }
            let mut f = at_item(&DOC, context, item, None);
            f.message = format!(
                "The aspiration \"{}\" is not reflected in any outcome.",
                shorten(&item.text, 90)
            );
            f.help = "Add or reword an outcome in section E that works towards this aspiration (a step the child can achieve by a stated time), or explain in section A how the plan supports it.".into();
            soften(
                &mut f,
                weak_candidate(context, &item.id, Kind::Outcome),
                "outcome",
            );
            findings.push(f);
        }
    }
}
