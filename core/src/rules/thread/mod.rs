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

use std::sync::LazyLock;

use crate::re::Regex;

use crate::finding::{Finding, Severity};
use crate::plan::OutcomeTerm;
use crate::plan::{Item, Link, SectionId};
use crate::review::CheckContext;
use crate::rules::support::is_substantive;
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
        // A reference line read as an item of its own ("(links to need B4)")
        // is not an outcome or provision.
        if let Some(item) = context.plan.item(other)
            && is_substantive(item)
            && Kind::of(item.section) == Some(kind)
            && sections.is_none_or(|s| s.contains(&item.section))
            && !out.iter().any(|o| o.id == item.id)
        {
            out.push(item);
        }
    }
    out
}

static SHORT_HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:half[\s-]?term|(?:summer|autumn|spring)\s+term|term|christmas|easter|weeks?|months?)\b")
        .expect("short horizon")
});
static LONG_HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:year\s*\d+|key\s+stage|ks\s*\d|years|age|leaves?|academic\s+year|school\s+year|20\d\d)\b")
        .expect("long horizon")
});

/// The outcome a short-term step belongs to: "E1" for "E1.1", or for a step
/// the template marks as short- or medium-term, the nearest outcome above it
/// that is not a step.
pub fn parent_outcome<'a>(context: &'a CheckContext<'_>, id: &str) -> Option<&'a Item> {
    let outcomes = &context.plan.outcomes;
    let position = outcomes.iter().position(|o| o.item.id == id)?;
    let outcome = &outcomes[position];
    if let Some((parent, _)) = id.rsplit_once('.')
        && let Some(p) = outcomes.iter().find(|o| o.item.id == parent)
    {
        return Some(&p.item);
    }
    let level = |o: &crate::plan::Outcome| {
        o.item
            .first_paragraph()
            .and_then(|p| context.document.paragraphs.get(p))
            .and_then(|p| p.list.as_ref())
            .map_or(0, |l| l.level)
    };
    let is_step = |o: &crate::plan::Outcome| {
        let text = o.item.text.trim_start().to_ascii_lowercase();
        level(o) > 0
            || matches!(
                o.term,
                Some(OutcomeTerm::ShortTerm | OutcomeTerm::MediumTerm)
            )
            || text.starts_with("short-term step")
            || text.starts_with("step")
            || o.item
                .heading
                .as_deref()
                .is_some_and(|h| h.to_ascii_lowercase().contains("step"))
    };
    if !is_step(outcome) {
        // Steps written as plain outcomes: a short horizon ("by the end of
        // the summer term") right after an outcome with a long one ("by the
        // end of Year 5"), which it leads to.
        let horizon = |o: &crate::plan::Outcome| {
            let frame = o
                .time_frame
                .clone()
                .or_else(|| {
                    crate::analysis::timeframe::time_frames(&o.item.text)
                        .into_iter()
                        .next()
                        .map(|s| s.text)
                })
                .unwrap_or_default()
                .to_ascii_lowercase();
            if SHORT_HORIZON.is_match(&frame) {
                Some(false)
            } else if LONG_HORIZON.is_match(&frame) {
                Some(true)
            } else {
                None
            }
        };
        if horizon(outcome) != Some(false) {
            return None;
        }
        for previous in outcomes[..position].iter().rev() {
            if previous.item.section != outcome.item.section {
                return None;
            }
            match horizon(previous) {
                Some(true) => return Some(&previous.item),
                Some(false) => continue,
                None => return None,
            }
        }
        return None;
    }
    outcomes[..position]
        .iter()
        .rev()
        .find(|o| !is_step(o) && o.item.section == outcome.item.section)
        .map(|o| &o.item)
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
