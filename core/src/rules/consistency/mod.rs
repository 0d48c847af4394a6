//! Consistency: signs of a plan copied from another child's or left out of
//! date — a wrong name, wrong pronouns, a school named in a draft, old
//! advice, a year group that does not fit the date of birth.

pub mod age_mismatch;
pub mod name_mismatch;
pub mod placement_in_draft;
pub mod pronoun_mismatch;
pub mod stale_advice;

use std::collections::HashSet;

use crate::analysis::people::{names_of_others, place_name_words, subject_names};
use crate::analysis::words::words;
use crate::plan::{Item, SectionId};
use crate::review::CheckContext;

/// The items whose subject is the child: needs, outcomes and provision.
pub fn child_items<'a>(context: &'a CheckContext<'_>) -> impl Iterator<Item = &'a Item> {
    let plan = context.plan;
    plan.needs
        .iter()
        .map(|n| &n.item)
        .chain(plan.outcomes.iter().map(|o| &o.item))
        .chain(plan.provision.iter().map(|p| &p.item))
}

/// The names the plan gives the child (lower case): first name, preferred
/// name and every word of the full name. When the plan does not state one,
/// the first name most used as a subject in B to H, if it clearly dominates.
pub fn child_names(context: &CheckContext<'_>) -> (HashSet<String>, bool) {
    let child = &context.plan.child;
    let mut names = HashSet::new();
    for name in [&child.name, &child.first_name, &child.preferred_name]
        .into_iter()
        .flatten()
    {
        for w in words(name) {
            names.insert(w.text.to_lowercase());
            // "Claire's" in text is the word "Claire".
            names.insert(w.text.trim_end_matches("'s").to_lowercase());
        }
    }
    if !names.is_empty() {
        return (names, true);
    }
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for item in child_items(context) {
        for span in subject_names(&item.text, context.lexicon) {
            *counts.entry(span.text.to_lowercase()).or_default() += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if let Some((name, n)) = ranked.first() {
        let second = ranked.get(1).map_or(0, |r| r.1);
        if *n >= 3 && *n >= 3 * second {
            names.insert(name.clone());
        }
    }
    (names, false)
}

/// Names (lower case) the plan states belong to other people or places:
/// relatives, professionals, authors, schools, and anyone named in
/// sections A, I, J and K or outside the sections.
pub fn other_names(context: &CheckContext<'_>) -> HashSet<String> {
    let mut out = HashSet::new();
    let plan = context.plan;
    // The first section (in plan order) each paragraph heads or belongs to.
    let mut section_of: Vec<Option<SectionId>> = vec![None; context.document.paragraphs.len()];
    for section in &plan.sections {
        for &p in section.heading_paragraph.iter().chain(&section.paragraphs) {
            if let Some(slot @ None) = section_of.get_mut(p) {
                *slot = Some(section.id);
            }
        }
    }
    for paragraph in &context.document.paragraphs {
        let text = &paragraph.text;
        for n in names_of_others(text) {
            out.insert(n.to_lowercase());
        }
        for n in place_name_words(text) {
            out.insert(n.to_lowercase());
        }
        let section = section_of.get(paragraph.index).copied().flatten();
        let other_people_section = matches!(
            section,
            None | Some(SectionId::A)
                | Some(SectionId::I)
                | Some(SectionId::J)
                | Some(SectionId::K)
        );
        if other_people_section {
            for w in words(text) {
                if w.text.chars().next().is_some_and(char::is_uppercase)
                    && context.lexicon.is_first_name(w.text)
                {
                    out.insert(w.text.to_lowercase());
                }
            }
        }
    }
    for advice in &plan.advice {
        if let Some(author) = &advice.author {
            for w in words(author) {
                out.insert(w.text.to_lowercase());
            }
        }
    }
    out
}
