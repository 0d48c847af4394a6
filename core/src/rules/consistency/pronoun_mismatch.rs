//! `consistency/pronoun-mismatch`: the child is referred to with conflicting pronouns.

use std::collections::HashSet;

use crate::analysis::people::{Pronoun, mentions_other_person, pronouns, subject_names};
use crate::analysis::words::sentences;
use crate::finding::{Finding, Severity};
use crate::plan::Item;
use crate::review::CheckContext;
use crate::rules::consistency::{child_items, child_names};
use crate::rules::support::at_item;
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "consistency/pronoun-mismatch",
    severity: Severity::Warning,
    summary: "The child is referred to with conflicting pronouns.",
    rationale: "A plan that calls the child \"she\" in one place and \"he\" in another was usually copied from another child's plan, and what was copied may not fit this child. It also tells the family the plan was not written with care.",
    reference: "SEND Code of Practice 9.61",
    example: "Claire finds reading difficult. He needs daily phonics.",
    fix: "Claire finds reading difficult. She needs daily phonics. (Check the whole item was written for Claire.)",
};

/// Pronouns used for the child: in sentences of B to H items that mention no
/// other person and no other first name.
fn child_pronouns<'a>(
    context: &'a CheckContext<'_>,
    child: &HashSet<String>,
) -> Vec<(&'a Item, std::ops::Range<usize>, Pronoun)> {
    let mut out = Vec::new();
    for item in child_items(context) {
        for sentence in sentences(&item.text) {
            let text = &item.text[sentence.clone()];
            if mentions_other_person(text) {
                continue;
            }
            let other_name = subject_names(text, context.lexicon)
                .iter()
                .any(|s| !child.contains(&s.text.to_lowercase()));
            if other_name {
                continue;
            }
            for (span, pronoun) in pronouns(text) {
                let start = sentence.start + span.range.start;
                out.push((item, start..start + span.range.len(), pronoun));
            }
        }
    }
    out
}

#[derive(Debug)]
pub struct PronounMismatch;

impl Rule for PronounMismatch {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let (child, _) = child_names(context);
        let used = child_pronouns(context, &child);
        let he = used.iter().filter(|(_, _, p)| *p == Pronoun::He).count();
        let she = used.len() - he;
        if he == 0 || she == 0 {
            return;
        }
        let (majority, minority, majority_count, minority_count) = if he > she {
            (Pronoun::He, Pronoun::She, he, she)
        } else if she > he {
            (Pronoun::She, Pronoun::He, she, he)
        } else {
            // A tie: the pronoun met first is taken as the plan's.
            let first = used[0].2;
            let other = if first == Pronoun::He {
                Pronoun::She
            } else {
                Pronoun::He
            };
            (first, other, he, she)
        };
        let name = context
            .plan
            .child
            .preferred_name
            .clone()
            .or_else(|| context.plan.child.first_name.clone())
            .unwrap_or_else(|| "the child".into());
        for (item, range, _) in used.iter().filter(|(_, _, p)| *p == minority) {
            let mut f = at_item(&DOC, context, item, Some(range.clone()));
            f.message = format!(
                "\"{}\" is used for {} here, but the plan mostly uses {} ({} times against {}).",
                f.quote,
                name,
                majority.as_str(),
                majority_count,
                minority_count
            );
            f.help = format!(
                "Use the same pronouns for {} as the rest of the plan, and check that this item was written for {} and not copied from another plan.",
                name, name
            );
            if majority_count == minority_count || majority_count < 3 {
                f.severity = Severity::Info;
                f.confidence = 0.5;
            }
            findings.push(f);
        }
    }
}
