//! The golden thread: every need has outcomes and provision, every outcome
//! a need and provision, every provision a purpose, every aspiration an
//! outcome. Links come from the [`ThreadGraph`](crate::thread::ThreadGraph):
//! stated ones and confident inferred ones satisfy a rule; a weak inferred
//! candidate turns an error into an info finding that names it.

pub mod aspiration_not_reflected;
pub mod need_without_outcome;
pub mod need_without_provision;
pub mod outcome_without_need;
pub mod outcome_without_provision;
pub mod provision_without_need;

use crate::finding::{Finding, Severity};
use crate::plan::{Item, Link, SectionId};
use crate::review::CheckContext;
use crate::thread::Kind;

/// The items linked to `id` whose kind is `kind` (and, if given, whose section is one of `sections`).
pub fn linked_of<'a>(
    context: &'a CheckContext<'_>,
    id: &str,
    kind: Kind,
    sections: Option<&[SectionId]>,
) -> Vec<&'a Item> {
    let mut out: Vec<&Item> = Vec::new();
    for other in context.thread.linked(id) {
        if let Some(item) = context.plan.item(other)
            && Kind::of(item.section) == Some(kind)
            && sections.is_none_or(|s| s.contains(&item.section))
            && !out.iter().any(|o| o.id == item.id)
        {
            out.push(item);
        }
    }
    out
}

/// The best weak candidate of `kind` for `id`, if any.
pub fn weak_candidate<'a>(
    context: &'a CheckContext<'_>,
    id: &'a str,
    kind: Kind,
) -> Option<(&'a Item, &'a Link)> {
    context
        .thread
        .weakly_linked(id)
        .filter_map(|(other, link)| Some((context.plan.item(other)?, link)))
        .find(|(item, _)| Kind::of(item.section) == Some(kind))
}

/// Turns a thread finding into an unsure one when a weak candidate exists.
pub fn soften(finding: &mut Finding, candidate: Option<(&Item, &Link)>, what: &str) {
    if let Some((item, link)) = candidate {
        finding.severity = Severity::Info;
        finding.confidence = (1.0 - link.score).clamp(0.1, 0.9);
        finding.message.push_str(&format!(
            " The closest {what} is {} (score {:.2}: {}), too weak to count as a link.",
            item.id, link.score, link.detail
        ));
        finding.help.push_str(&format!(
            " If {} is meant to meet it, say so explicitly (for example \"links to {}\").",
            item.id, item.id
        ));
    }
}
