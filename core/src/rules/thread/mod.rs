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

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::re::Regex;

use crate::finding::{Finding, Severity};
use crate::plan::OutcomeTerm;
use crate::plan::{Item, Link, SectionId};
use crate::review::CheckContext;
use crate::rules::support::is_substantive;
use crate::thread::Kind;

/// The thread as the rules walk it: items by id and the ids linked to each,
/// indexed once per rule instead of searched for every item (a plan's
/// items and links are both lists, so a search per item grows with the
/// square of the plan). It answers as `Plan::item` and
/// `ThreadGraph::linked` do, in the same order; a test holds it to that.
#[derive(Debug)]
pub struct Links<'a> {
    items: HashMap<&'a str, &'a Item>,
    adjacent: HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Links<'a> {
    pub fn new(context: &'a CheckContext<'_>) -> Links<'a> {
        let mut items = HashMap::new();
        for item in context.plan.items() {
            // The first item with an id is the one `Plan::item` finds.
            items.entry(item.id.as_str()).or_insert(item);
        }
        let mut adjacent: HashMap<&str, Vec<&str>> = HashMap::new();
        for link in &context.thread.links {
            adjacent
                .entry(link.from.as_str())
                .or_default()
                .push(link.to.as_str());
            if link.to != link.from {
                adjacent
                    .entry(link.to.as_str())
                    .or_default()
                    .push(link.from.as_str());
            }
        }
        Links { items, adjacent }
    }

    /// The item with this id (the first, as [`crate::plan::Plan::item`]).
    pub fn item(&self, id: &str) -> Option<&'a Item> {
        self.items.get(id).copied()
    }

    /// Ids linked to `id` in either direction, in link order.
    pub fn linked(&self, id: &str) -> &[&'a str] {
        self.adjacent.get(id).map_or(&[], Vec::as_slice)
    }

    /// The items linked to `id` whose kind is `kind` (and, if given, whose section is one of `sections`).
    pub fn linked_of(&self, id: &str, kind: Kind, sections: Option<&[SectionId]>) -> Vec<&'a Item> {
        let mut out: Vec<&Item> = Vec::new();
        for &other in self.linked(id) {
            // An item already taken (found by this id) is not looked up again.
            if out.iter().any(|o| o.id == other) {
                continue;
            }
            // A reference line read as an item of its own ("(links to need B4)")
            // is not an outcome or provision.
            if let Some(item) = self.item(other)
                && Kind::of(item.section) == Some(kind)
                && sections.is_none_or(|s| s.contains(&item.section))
                && is_substantive(item)
            {
                out.push(item);
            }
        }
        out
    }
}

/// The items linked to `id` whose kind is `kind` (and, if given, whose
/// section is one of `sections`). A rule asking for many items builds
/// [`Links`] once instead.
pub fn linked_of<'a>(
    context: &'a CheckContext<'_>,
    id: &str,
    kind: Kind,
    sections: Option<&[SectionId]>,
) -> Vec<&'a Item> {
    Links::new(context).linked_of(id, kind, sections)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    /// The index answers exactly as the searches it replaces, for every item
    /// and every id linked to it, on every sample plan (the large one too).
    #[test]
    fn links_answer_as_the_plan_and_the_thread_do() {
        let checker = crate::Checker::new(&Config::default());
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
        let mut checked = 0;
        for entry in std::fs::read_dir(samples).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "docx") {
                continue;
            }
            let review = checker.check(&std::fs::read(&path).unwrap()).unwrap();
            let context = CheckContext {
                document: &review.document,
                plan: &review.plan,
                thread: &review.thread,
                lexicon: &crate::analysis::Lexicon::default(),
            };
            let links = Links::new(&context);
            for item in review.plan.items() {
                let expected: Vec<&str> = review.thread.linked(&item.id).collect();
                assert_eq!(
                    links.linked(&item.id),
                    expected.as_slice(),
                    "{path:?} {}",
                    item.id
                );
                for other in expected {
                    let found = links.item(other).map(|i| i as *const Item);
                    let searched = review.plan.item(other).map(|i| i as *const Item);
                    assert_eq!(found, searched, "{path:?} {other}");
                }
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked} items");
    }
}
