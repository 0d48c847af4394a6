//! The golden thread as a graph: aspiration → need → outcome → provision.
//!
//! Built from the plan's stated links first (table rows, references by id,
//! shared area-of-need headings), then by inference from content: stemmed
//! content words, the SEND thesaurus (`core/data/thesaurus.txt`), the area of
//! need of each item, and a score. Every link records its evidence.
//!
//! Inference only runs for items with no stated link of the kind needed (a
//! need with no stated outcome, an outcome with no stated provision …), so
//! a plan that states its links is read as written. Candidates are found
//! through an index from terms to items, so a large plan (hundreds of needs,
//! outcomes and provision items) is linked in well under a second.

use std::collections::{HashMap, HashSet};

use crate::analysis::Lexicon;
use crate::analysis::words::{is_stop_word, stem, word_iter, words};
use crate::docx::Document;
use crate::plan::{AreaOfNeed, Item, Link, LinkEvidence, Plan, SectionId};
use crate::sorted;

/// Links at or above this score satisfy thread rules; those below are
/// reported as info with their evidence.
pub const CONFIDENCE_THRESHOLD: f32 = 0.5;

/// Inferred candidates below this score are not kept at all.
pub const WEAK_LINK_FLOOR: f32 = 0.2;

/// The score an inferred link needs when one of its items is left unlinked
/// in a plan that links the others of its kind itself.
pub const GAP_THRESHOLD: f32 = 0.7;

/// Inferred links never claim the certainty of a stated one.
const INFERRED_CEILING: f32 = 0.95;

/// How many inferred links an item may gain for one kind of partner.
const MAX_INFERRED_PER_ITEM: usize = 3;

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

    /// Ids weakly linked to `id`, with the link, best first.
    pub fn weakly_linked<'a>(&'a self, id: &'a str) -> impl Iterator<Item = (&'a str, &'a Link)> {
        self.weak_links.iter().filter_map(move |l| {
            if l.from == id {
                Some((l.to.as_str(), l))
            } else if l.to == id {
                Some((l.from.as_str(), l))
            } else {
                None
            }
        })
    }

    /// The link between two items, if any (either direction).
    pub fn link_between(&self, a: &str, b: &str) -> Option<&Link> {
        self.links
            .iter()
            .find(|l| (l.from == a && l.to == b) || (l.from == b && l.to == a))
    }
}

/// The place of an item in the thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Aspiration,
    Need,
    Outcome,
    Provision,
}

impl Kind {
    /// The kind of item a section holds, if it is part of the thread.
    pub fn of(section: SectionId) -> Option<Kind> {
        Some(match section {
            SectionId::A => Kind::Aspiration,
            SectionId::B | SectionId::C | SectionId::D => Kind::Need,
            SectionId::E => Kind::Outcome,
            SectionId::F | SectionId::G | SectionId::H | SectionId::H1 | SectionId::H2 => {
                Kind::Provision
            }
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Aspiration => "aspiration",
            Kind::Need => "need",
            Kind::Outcome => "outcome",
            Kind::Provision => "provision",
        }
    }
}

/// The items of the thread with their kind, by id (first occurrence wins).
pub fn thread_items(plan: &Plan) -> Vec<(&Item, Kind)> {
    let mut seen = HashSet::new();
    plan.aspirations
        .iter()
        .map(|i| (i, Kind::Aspiration))
        .chain(plan.needs.iter().map(|n| (&n.item, Kind::Need)))
        .chain(plan.outcomes.iter().map(|o| (&o.item, Kind::Outcome)))
        .chain(plan.provision.iter().map(|p| (&p.item, Kind::Provision)))
        .filter(|(i, _)| seen.insert(i.id.as_str()))
        .collect()
}

/// The share of the plan's items of kind `from` (with something to say)
/// that the document itself links, by reference or table row, to an item of
/// kind `to`; `None` when the
/// plan has fewer than two such items.
pub fn stated_coverage(plan: &Plan, from: Kind, to: Kind) -> Option<f32> {
    let items = thread_items(plan);
    let content: Vec<bool> = items.iter().map(|(i, _)| has_content(i)).collect();
    StatedLinks::new(plan, &items, &content).coverage(from, to)
}

/// The share of the plan's items of `kind` that the document links, by
/// reference or table row, to any need, outcome or provision.
pub fn stated_coverage_any(plan: &Plan, kind: Kind) -> Option<f32> {
    let items = thread_items(plan);
    let content: Vec<bool> = items.iter().map(|(i, _)| has_content(i)).collect();
    StatedLinks::new(plan, &items, &content).coverage_any(kind)
}

impl Kind {
    /// This kind as one bit of a [`KindSet`].
    fn bit(self) -> KindSet {
        1 << self as u8
    }
}

/// A set of kinds, one bit each.
type KindSet = u8;

/// Which kinds of item each thread item is linked to by the document itself
/// (by reference or table row, not by shared headings), worked out once so
/// the coverage of every pair of kinds is a pass over the items.
struct StatedLinks<'p> {
    /// The thread items with content and their kind, in thread order.
    candidates: Vec<(&'p str, Kind)>,
    /// The kinds each item id is linked to.
    partners: HashMap<&'p str, KindSet>,
}

impl<'p> StatedLinks<'p> {
    /// `content[i]` says whether `items[i]` has something to say.
    fn new(plan: &'p Plan, items: &[(&'p Item, Kind)], content: &[bool]) -> Self {
        let kind_by_id: HashMap<&str, Kind> =
            items.iter().map(|(i, k)| (i.id.as_str(), *k)).collect();
        let mut partners: HashMap<&'p str, KindSet> = HashMap::new();
        for l in plan
            .links
            .iter()
            .filter(|l| l.evidence != LinkEvidence::Heading)
        {
            if let Some(k) = kind_by_id.get(l.to.as_str()) {
                *partners.entry(l.from.as_str()).or_default() |= k.bit();
            }
            if let Some(k) = kind_by_id.get(l.from.as_str()) {
                *partners.entry(l.to.as_str()).or_default() |= k.bit();
            }
        }
        let candidates = items
            .iter()
            .zip(content)
            .filter(|(_, has)| **has)
            .map(|((i, k), _)| (i.id.as_str(), *k))
            .collect();
        StatedLinks {
            candidates,
            partners,
        }
    }

    /// The share of the items of `kind` linked to any kind in `to`.
    fn share(&self, kind: Kind, to: KindSet) -> Option<f32> {
        let mut total = 0usize;
        let mut linked = 0usize;
        for (id, k) in &self.candidates {
            if *k != kind {
                continue;
            }
            total += 1;
            if self.partners.get(id).is_some_and(|p| p & to != 0) {
                linked += 1;
            }
        }
        if total < 2 {
            return None;
        }
        Some(linked as f32 / total as f32)
    }

    /// See [`stated_coverage`].
    fn coverage(&self, from: Kind, to: Kind) -> Option<f32> {
        self.share(from, to.bit())
    }

    /// See [`stated_coverage_any`].
    fn coverage_any(&self, kind: Kind) -> Option<f32> {
        let thread = Kind::Need.bit() | Kind::Outcome.bit() | Kind::Provision.bit();
        self.share(kind, thread & !kind.bit())
    }
}

/// True when the document itself links items of the two kinds, both ways,
/// for most of them (at least 60%): then a missing link between them is a
/// gap in the plan to report, not something to guess from the words.
pub fn states_links_between(plan: &Plan, a: Kind, b: Kind) -> bool {
    let covered = |x, y| stated_coverage(plan, x, y).is_some_and(|c| c >= 0.6);
    covered(a, b) && covered(b, a)
}

/// A strengths row or paragraph read among the needs.
fn is_strength(item: &Item) -> bool {
    let text = item.text.trim_start().to_ascii_lowercase();
    text.starts_with("strength")
        || item
            .heading
            .as_deref()
            .is_some_and(|h| h.to_ascii_lowercase().contains("strength"))
}

fn has_content(item: &Item) -> bool {
    // At least three words, and more than a statement of "none".
    word_iter(&item.text).nth(2).is_some() && !crate::analysis::words::is_none_statement(&item.text)
}

/// What the linker knows of one item.
#[derive(Debug)]
struct Node<'a> {
    item: &'a Item,
    kind: Kind,
    area: Option<AreaOfNeed>,
    /// Sorted term ids: stems, then thesaurus groups (offset by `GROUP_BASE`).
    terms: Vec<u32>,
}

const GROUP_BASE: u32 = 1 << 24;

/// How much a shared term says that two items belong together, by how
/// rarely it occurs in the plan's items.
struct Weights {
    /// By word term.
    words: Vec<f32>,
    /// By thesaurus group.
    groups: Vec<f32>,
}

/// The share of the plan's items beyond which a thesaurus group counts for
/// less the more items it is in.
const COMMON_TOPIC_SHARE: f32 = 0.45;

/// The least weight of a thesaurus group found in most of the plan's items.
const GROUP_FLOOR: f32 = 0.3;

impl Weights {
    /// The evidence a shared term adds: a thesaurus group (related terms)
    /// counts for more than one word.
    fn evidence(&self, t: u32) -> f32 {
        if t >= GROUP_BASE {
            0.45 * self.groups[(t - GROUP_BASE) as usize]
        } else {
            0.3 * self.words[t as usize]
        }
    }
}

/// Terms and their display forms.
#[derive(Debug, Default)]
struct Terms {
    ids: HashMap<String, u32>,
    display: Vec<String>,
}

impl Terms {
    fn intern(&mut self, stem: String, surface: &str) -> u32 {
        if let Some(&id) = self.ids.get(&stem) {
            return id;
        }
        let id = self.display.len() as u32;
        self.display.push(surface.to_lowercase());
        self.ids.insert(stem, id);
        id
    }
}

/// Builds the thread graph of a plan.
pub fn link(document: &Document, plan: &Plan, lexicon: &Lexicon) -> ThreadGraph {
    let items = thread_items(plan);
    let kind_by_id: HashMap<&str, Kind> = items.iter().map(|(i, k)| (i.id.as_str(), *k)).collect();
    // Whether each item has something to say, worked out once.
    let content: Vec<bool> = items.iter().map(|(i, _)| has_content(i)).collect();

    // How systematically the plan links each kind to each other kind by
    // reference or table row (not by shared headings).
    const KINDS: [Kind; 4] = [Kind::Aspiration, Kind::Need, Kind::Outcome, Kind::Provision];
    let stated_links = StatedLinks::new(plan, &items, &content);
    // Indexed by kind (arrays, not maps: the add-in's .wasm is smaller).
    let mut covered_pairs = [[false; KINDS.len()]; KINDS.len()];
    for a in KINDS {
        for b in KINDS {
            covered_pairs[a as usize][b as usize] =
                a != b && stated_links.coverage(a, b).is_some_and(|c| c >= 0.6);
        }
    }
    let covered = |a: Kind, b: Kind| covered_pairs[a as usize][b as usize];
    let mut covered_any_kind = [false; KINDS.len()];
    for kind in [Kind::Need, Kind::Outcome, Kind::Provision] {
        covered_any_kind[kind as usize] = stated_links.coverage_any(kind).is_some_and(|c| c >= 0.6);
    }
    let covered_any = |kind: Kind| covered_any_kind[kind as usize];
    let both_ways = |a: Kind, b: Kind| covered(a, b) && covered(b, a);
    let pair_stated = |a: Kind, b: Kind| match (a.min(b), a.max(b)) {
        (Kind::Need, Kind::Provision) => {
            both_ways(Kind::Need, Kind::Provision)
                || (both_ways(Kind::Need, Kind::Outcome)
                    && both_ways(Kind::Outcome, Kind::Provision))
        }
        (x, y) => x != Kind::Aspiration && both_ways(x, y),
    };

    let mut links: Vec<Link> = Vec::new();
    let mut weak_links: Vec<Link> = Vec::new();
    let mut seen_pairs: HashSet<(String, String)> = HashSet::new();
    // Which kinds each item is already linked to by the document.
    let mut stated: HashMap<&str, KindSet> = HashMap::new();
    for l in &plan.links {
        if !seen_pairs.insert((l.from.clone(), l.to.clone())) {
            continue;
        }
        let kinds = (
            kind_by_id.get(l.from.as_str()).copied(),
            kind_by_id.get(l.to.as_str()).copied(),
        );
        // A shared sub-heading links a whole area; where the plan links these
        // kinds item by item, it is not taken as a link of its own.
        if l.evidence == LinkEvidence::Heading
            && let (Some(a), Some(b)) = kinds
            && pair_stated(a, b)
        {
            let mut weak = l.clone();
            weak.score = weak.score.min(CONFIDENCE_THRESHOLD * 0.8);
            weak.detail = format!(
                "{} (the plan links these items by reference elsewhere, so a shared heading alone does not count)",
                l.detail
            );
            weak_links.push(weak);
            continue;
        }
        if let (Some(a), Some(b)) = kinds {
            *stated.entry(l.from.as_str()).or_default() |= b.bit();
            *stated.entry(l.to.as_str()).or_default() |= a.bit();
        }
        links.push(l.clone());
    }
    // A provision row under vertically merged need and outcome cells belongs
    // to the need and outcome of the row above it.
    for (from, to, detail) in merged_row_links(document, plan, &links) {
        let (Some(&a), Some(&b)) = (kind_by_id.get(from.as_str()), kind_by_id.get(to.as_str()))
        else {
            continue;
        };
        if !seen_pairs.insert((from.clone(), to.clone())) {
            continue;
        }
        if let (Some((&f, _)), Some((&t, _))) = (
            kind_by_id.get_key_value(from.as_str()),
            kind_by_id.get_key_value(to.as_str()),
        ) {
            *stated.entry(f).or_default() |= b.bit();
            *stated.entry(t).or_default() |= a.bit();
        }
        links.push(Link {
            from,
            to,
            evidence: LinkEvidence::TableRow,
            score: 1.0,
            detail,
        });
    }
    // The needs each outcome and provision item is stated to serve.
    // (outcome or provision id, need id), sorted, each pair once.
    let mut stated_needs: Vec<(&str, &str)> = Vec::new();
    for l in &links {
        // The ids as the plan's items hold them (the links change below).
        let (Some((&from, &from_kind)), Some((&to, &to_kind))) = (
            kind_by_id.get_key_value(l.from.as_str()),
            kind_by_id.get_key_value(l.to.as_str()),
        ) else {
            continue;
        };
        match (from_kind, to_kind) {
            (Kind::Need, Kind::Outcome | Kind::Provision) => stated_needs.push((to, from)),
            (Kind::Outcome | Kind::Provision, Kind::Need) => stated_needs.push((from, to)),
            _ => {}
        }
    }
    stated_needs.sort_unstable();
    stated_needs.dedup();
    let needs_of = |id: &str| sorted::run_by_key(&stated_needs, id, |(item, _)| *item);
    // An outcome and a provision item the plan says serve different needs
    // are not each other's partners, however alike their words.
    let serve_other_needs = |a: &str, b: &str| {
        let (x, y) = (needs_of(a), needs_of(b));
        !x.is_empty()
            && !y.is_empty()
            && !x
                .iter()
                .any(|(_, need)| y.iter().any(|(_, other)| need == other))
    };
    let needs_partner = |id: &str, kind: Kind| stated.get(id).is_none_or(|s| s & kind.bit() == 0);
    // An item the plan leaves unlinked where it links the others of its kind
    // is a gap to report, not a partner to guess.
    let unlinked = |id: &str| {
        stated
            .get(id)
            .is_none_or(|kinds| kinds & !Kind::Aspiration.bit() == 0)
    };
    let is_gap = |id: &str, own: Kind, other: Kind| {
        needs_partner(id, other) && (covered(own, other) || (unlinked(id) && covered_any(own)))
    };

    // The child's own names link everything: leave them out.
    let mut excluded: HashSet<String> = HashSet::new();
    for name in [
        &plan.child.name,
        &plan.child.first_name,
        &plan.child.preferred_name,
    ]
    .into_iter()
    .flatten()
    {
        for w in words(name) {
            excluded.insert(stem(w.text));
        }
    }

    let mut terms = Terms::default();
    // Statements of "none", labels and strengths rows take no part.
    // The first provision entry of each id, for what it says is provided.
    let mut provision_by_id: HashMap<&str, &crate::plan::Provision> = HashMap::new();
    for p in &plan.provision {
        provision_by_id.entry(p.item.id.as_str()).or_insert(p);
    }
    let nodes: Vec<Node<'_>> = items
        .iter()
        .zip(&content)
        .filter(|((item, kind), has)| **has && !(*kind == Kind::Need && is_strength(item)))
        .map(|((item, kind), _)| {
            let mut ids: Vec<u32> = Vec::new();
            let mut text = std::borrow::Cow::Borrowed(item.text.as_str());
            if let Some(p) = provision_by_id.get(item.id.as_str())
                && let Some(what) = &p.what
                && !item.text.contains(what.as_str())
            {
                let text = text.to_mut();
                text.push('\n');
                text.push_str(what);
            }
            for w in words(&text) {
                let lower = w.text.to_lowercase();
                if lower.len() < 3
                    || lower.chars().all(|c| c.is_ascii_digit())
                    || is_stop_word(&lower)
                {
                    continue;
                }
                let s = stem(&lower);
                if s.len() < 3 || excluded.contains(&s) || is_stop_word(&s) {
                    continue;
                }
                ids.push(terms.intern(s, w.text));
            }
            let groups = lexicon.thesaurus_groups_in(&text);
            let mut area_votes: Vec<(AreaOfNeed, usize)> = Vec::new();
            for (g, _) in &groups {
                ids.push(GROUP_BASE + *g as u32);
                if let Some(a) = lexicon.thesaurus[*g].area {
                    match area_votes.iter_mut().find(|(area, _)| *area == a) {
                        Some((_, n)) => *n += 1,
                        None => area_votes.push((a, 1)),
                    }
                }
            }
            ids.sort_unstable();
            ids.dedup();
            let area = item.area.or_else(|| {
                let mut votes = area_votes;
                votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                match votes.as_slice() {
                    [(a, n), (_, m), ..] if n > m => Some(*a),
                    [(a, _)] => Some(*a),
                    _ => None,
                }
            });
            Node {
                item,
                kind: *kind,
                area,
                terms: ids,
            }
        })
        .collect();

    // Document frequency of each word term, for its weight (thesaurus
    // groups weigh the same wherever they occur).
    let mut df: Vec<usize> = vec![0; terms.display.len()];
    for n in &nodes {
        for &t in n.terms.iter().take_while(|&&t| t < GROUP_BASE) {
            df[t as usize] += 1;
        }
    }
    let total = nodes.len().max(2) as f32;
    let idf = |d: usize, floor: f32| {
        let d = d.max(1) as f32;
        (((total + 1.0) / (d + 0.5)).ln() / (total + 1.0).ln()).clamp(floor, 1.0)
    };
    // Thesaurus groups the same way: a topic that runs through most of the
    // plan (independence in a preparing-for-adulthood plan) tells its items
    // apart no better than a common word does.
    // A strand (a need, its outcomes and provision) shares its topics, so a
    // group is only common once it is in more items than a few strands hold.
    let common_topic = (total * COMMON_TOPIC_SHARE).max(4.0);
    let mut group_df: Vec<usize> = vec![0; lexicon.thesaurus.len()];
    for n in &nodes {
        for &t in n.terms.iter().filter(|&&t| t >= GROUP_BASE) {
            group_df[(t - GROUP_BASE) as usize] += 1;
        }
    }
    let weights = Weights {
        words: df.iter().map(|&d| idf(d, 0.1)).collect(),
        groups: group_df
            .iter()
            .map(|&d| (common_topic / d.max(1) as f32).clamp(GROUP_FLOOR, 1.0))
            .collect(),
    };

    narrow_heading_links(&nodes, &weights, &mut links, &mut weak_links);

    // Index: term -> nodes of each kind.
    // Index: ((kind, term), node) sorted, so the nodes of a kind with a term
    // are one run, found by binary search.
    let mut index: Vec<((Kind, u32), usize)> = nodes
        .iter()
        .enumerate()
        .flat_map(|(i, n)| n.terms.iter().map(move |&t| ((n.kind, t), i)))
        .collect();
    index.sort_unstable();
    let with_term = |kind: Kind, term: u32| {
        sorted::run_by_key(&index, &(kind, term), |(key, _)| key)
            .iter()
            .map(|&(_, i)| i)
    };

    for (from_kind, to_kind) in [
        (Kind::Aspiration, Kind::Outcome),
        (Kind::Aspiration, Kind::Need),
        (Kind::Need, Kind::Outcome),
        (Kind::Outcome, Kind::Provision),
        (Kind::Need, Kind::Provision),
    ] {
        // Where the plan states these links itself, it is read as written.
        if pair_stated(from_kind, to_kind) {
            continue;
        }
        // Every scored pair (from index, to index, score, detail).
        let mut scored: Vec<(usize, usize, f32, String)> = Vec::new();
        let mut candidates: Vec<usize> = Vec::new();
        for (x, node) in nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == from_kind)
        {
            candidates.clear();
            candidates.extend(node.terms.iter().flat_map(|&t| with_term(to_kind, t)));
            candidates.sort_unstable();
            candidates.dedup();
            // Whether this item is a gap does not depend on its partner.
            let node_gap = is_gap(&node.item.id, from_kind, to_kind);
            for &y in &candidates {
                let other = &nodes[y];
                // The later item in the thread (the outcome of a need, the
                // provision of an outcome) must lack a stated link of this
                // kind: a provision row that names its outcomes supports
                // those, not others that look alike. The earlier item may
                // have others (a need met by several provision items).
                if !needs_partner(&other.item.id, from_kind) {
                    continue;
                }
                if from_kind == Kind::Outcome && serve_other_needs(&node.item.id, &other.item.id) {
                    continue;
                }
                // An item the plan leaves unlinked among linked ones is only
                // linked by a strong match of content, never weakly.
                let gap = node_gap || is_gap(&other.item.id, to_kind, from_kind);
                let floor = if gap { GAP_THRESHOLD } else { WEAK_LINK_FLOOR };
                // The score first; its explanation only for a pair kept.
                if match_score(node, other, &weights, |_| {}).is_some_and(|s| s >= floor)
                    && let Some((score, detail)) = score(node, other, &terms, lexicon, &weights)
                {
                    scored.push((x, y, score, detail));
                }
            }
        }
        scored.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));

        // By node index.
        let mut strong_count: Vec<usize> = vec![0; nodes.len()];
        let mut has_strong: Vec<bool> = vec![false; nodes.len()];
        let mut strong: Vec<(usize, usize)> = Vec::new();
        for (x, y, s, detail) in &scored {
            if *s < CONFIDENCE_THRESHOLD {
                continue;
            }
            let x_needs = needs_partner(&nodes[*x].item.id, to_kind);
            let y_needs = needs_partner(&nodes[*y].item.id, from_kind);
            let x_room = x_needs && strong_count[*x] < MAX_INFERRED_PER_ITEM;
            let y_room = y_needs && strong_count[*y] < MAX_INFERRED_PER_ITEM;
            if !(x_room || y_room) {
                continue;
            }
            strong_count[*x] += 1;
            strong_count[*y] += 1;
            has_strong[*x] = true;
            has_strong[*y] = true;
            strong.push((*x, *y));
            let pair = (nodes[*x].item.id.clone(), nodes[*y].item.id.clone());
            if seen_pairs.insert(pair.clone()) {
                links.push(Link {
                    from: pair.0,
                    to: pair.1,
                    evidence: LinkEvidence::Inferred,
                    score: *s,
                    detail: detail.clone(),
                });
            }
        }
        // The best weak candidate of each item left with no partner of that kind.
        let mut weak_done: Vec<bool> = vec![false; nodes.len()];
        for (x, y, s, detail) in &scored {
            if *s >= CONFIDENCE_THRESHOLD {
                continue;
            }
            let x_open = needs_partner(&nodes[*x].item.id, to_kind) && !has_strong[*x];
            let y_open = needs_partner(&nodes[*y].item.id, from_kind) && !has_strong[*y];
            let x_new = x_open && !weak_done[*x];
            let y_new = y_open && !weak_done[*y];
            if !(x_new || y_new) {
                continue;
            }
            if x_new {
                weak_done[*x] = true;
            }
            if y_new {
                weak_done[*y] = true;
            }
            weak_links.push(Link {
                from: nodes[*x].item.id.clone(),
                to: nodes[*y].item.id.clone(),
                evidence: LinkEvidence::Inferred,
                score: *s,
                detail: detail.clone(),
            });
        }
    }
    weak_links.sort_by(|a, b| b.score.total_cmp(&a.score));
    ThreadGraph { links, weak_links }
}

/// How much better a heading partner's words must match before a weaker
/// heading link gives way to it.
const HEADING_MARGIN: f32 = 0.15;

/// A shared area sub-heading links every need, outcome and provision item
/// under it. Where an area holds several items of both kinds, the words say
/// which belong together: a heading link whose two items each have a
/// clearly better-matching partner of the other's kind under the same
/// heading becomes a weak link. Each item keeps its best heading partner,
/// so no item loses the kinds it is linked to.
fn narrow_heading_links(
    nodes: &[Node<'_>],
    weights: &Weights,
    links: &mut Vec<Link>,
    weak_links: &mut Vec<Link>,
) {
    let node_of: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.item.id.as_str(), i))
        .collect();
    let mut content: HashMap<(usize, usize), f32> = HashMap::new();
    let mut match_of = |x: usize, y: usize| -> f32 {
        let key = (x.min(y), x.max(y));
        *content.entry(key).or_insert_with(|| {
            match_score(&nodes[key.0], &nodes[key.1], weights, |_| {}).unwrap_or(0.0)
        })
    };
    // Heading links as node pairs.
    let heading: Vec<(usize, usize, usize)> = links
        .iter()
        .enumerate()
        .filter(|(_, l)| l.evidence == LinkEvidence::Heading)
        .filter_map(|(k, l)| {
            Some((
                k,
                *node_of.get(l.from.as_str())?,
                *node_of.get(l.to.as_str())?,
            ))
        })
        .collect();
    let mut scores: HashMap<(usize, usize), f32> = HashMap::new();
    for &(_, a, b) in &heading {
        let s = match_of(a, b);
        scores.insert((a, b), s);
        scores.insert((b, a), s);
    }
    // The best heading partner of `x` among items of `kind`, other than `not`.
    let best_other = |x: usize, kind: Kind, not: usize| -> f32 {
        heading
            .iter()
            .filter_map(|&(_, a, b)| {
                let other = if a == x {
                    b
                } else if b == x {
                    a
                } else {
                    return None;
                };
                (other != not && nodes[other].kind == kind).then(|| scores[&(x, other)])
            })
            .fold(0.0, f32::max)
    };
    let mut demote: Vec<usize> = Vec::new();
    for &(k, a, b) in &heading {
        let s = scores[&(a, b)];
        if best_other(a, nodes[b].kind, b) > s + HEADING_MARGIN
            && best_other(b, nodes[a].kind, a) > s + HEADING_MARGIN
        {
            demote.push(k);
        }
    }
    for &k in demote.iter().rev() {
        let mut weak = links.remove(k);
        weak.score = weak.score.min(CONFIDENCE_THRESHOLD * 0.8);
        weak.detail = format!(
            "{} (other items under the same heading match each better)",
            weak.detail
        );
        weak_links.push(weak);
    }
}

/// Links for provision rows whose cells before the provision are empty
/// (merged from the row above): the links of the nearest row above in the
/// same table that has a provision item with links by table row or reference.
fn merged_row_links(
    document: &Document,
    plan: &Plan,
    links: &[Link],
) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let is_stated = |l: &&Link| l.evidence != LinkEvidence::Heading;
    // The items with a link by table row or reference, and the provision ids.
    let stated_ids: HashSet<&str> = links
        .iter()
        .filter(is_stated)
        .flat_map(|l| [l.from.as_str(), l.to.as_str()])
        .collect();
    let provision_ids: HashSet<&str> = plan.provision.iter().map(|p| p.item.id.as_str()).collect();
    for provision in &plan.provision {
        let item = &provision.item;
        let Some(position) = item.cell else { continue };
        if stated_ids.contains(item.id.as_str()) {
            continue;
        }
        let Some(row) = document
            .tables
            .get(position.table)
            .and_then(|t| t.rows.get(position.row))
        else {
            continue;
        };
        let leading_empty = position.cell > 0
            && row.cells[..position.cell.min(row.cells.len())]
                .iter()
                .all(|c| {
                    c.paragraphs.iter().all(|&p| {
                        document
                            .paragraphs
                            .get(p)
                            .is_none_or(|p| p.text.trim().is_empty())
                    })
                });
        if !leading_empty {
            continue;
        }
        let above = plan
            .provision
            .iter()
            .filter(|p| {
                p.item
                    .cell
                    .is_some_and(|c| c.table == position.table && c.row < position.row)
            })
            .max_by_key(|p| p.item.cell.map(|c| c.row));
        let Some(above) = above else { continue };
        for l in links.iter().filter(is_stated) {
            let other = if l.from == above.item.id {
                &l.to
            } else if l.to == above.item.id {
                &l.from
            } else {
                continue;
            };
            if provision_ids.contains(other.as_str()) {
                continue;
            }
            out.push((
                other.clone(),
                item.id.clone(),
                format!(
                    "row {} continues the merged cells of row {} of the table",
                    position.row + 1,
                    above.item.cell.map_or(0, |c| c.row + 1)
                ),
            ));
        }
    }
    out
}

/// The inference score of two items and why: shared thesaurus groups and
/// shared (weighted) stems combined as independent evidence, nudged up by a
/// shared area of need and down by different areas.
fn score(
    a: &Node<'_>,
    b: &Node<'_>,
    terms: &Terms,
    lexicon: &Lexicon,
    weights: &Weights,
) -> Option<(f32, String)> {
    let mut shared_groups: Vec<&str> = Vec::new();
    let mut shared_words: Vec<&str> = Vec::new();
    let score = match_score(a, b, weights, |t| {
        if t >= GROUP_BASE {
            shared_groups.push(&lexicon.thesaurus[(t - GROUP_BASE) as usize].name);
        } else {
            shared_words.push(&terms.display[t as usize]);
        }
    })?;
    let mut area_note = String::new();
    match (area_for_score(a), area_for_score(b)) {
        (Some(x), Some(y)) if x == y => {
            area_note = format!("; same area: {}", x.as_str());
        }
        (Some(x), Some(y)) => {
            area_note = format!("; different areas: {} and {}", x.as_str(), y.as_str());
        }
        _ => {}
    }
    if sections_pair_up(a, b) {
        area_note.push_str(&format!(
            "; section {} need and section {} provision",
            a.item.section.min(b.item.section),
            a.item.section.max(b.item.section)
        ));
    }
    let mut parts = Vec::new();
    if !shared_words.is_empty() {
        shared_words.truncate(6);
        parts.push(format!("shared terms: {}", shared_words.join(", ")));
    }
    if !shared_groups.is_empty() {
        parts.push(format!("related topics: {}", shared_groups.join(", ")));
    }
    Some((score, format!("{}{}", parts.join("; "), area_note)))
}

/// The score of [`score`] alone, with no allocation: `shared` is told each
/// shared term, in order. `None` when the items share no term.
fn match_score(
    a: &Node<'_>,
    b: &Node<'_>,
    weights: &Weights,
    mut shared: impl FnMut(u32),
) -> Option<f32> {
    let mut miss = 1.0f32;
    let mut any = false;
    let (mut i, mut j) = (0, 0);
    while i < a.terms.len() && j < b.terms.len() {
        match a.terms[i].cmp(&b.terms[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let t = a.terms[i];
                miss *= 1.0 - weights.evidence(t);
                shared(t);
                any = true;
                i += 1;
                j += 1;
            }
        }
    }
    if !any {
        return None;
    }
    match (area_for_score(a), area_for_score(b)) {
        (Some(x), Some(y)) if x == y => miss *= 0.85,
        (Some(_), Some(_)) => miss = 1.0 - (1.0 - miss) * 0.75,
        _ => {}
    }
    if sections_pair_up(a, b) {
        miss *= 0.85;
    }
    Some((1.0 - miss).min(INFERRED_CEILING))
}

/// The area of need an item brings to a score. Preparing for adulthood is
/// not a fifth area of need (CoP 6.28): it groups outcomes from Year 9 that
/// serve needs of any area, so it neither joins nor separates two items.
fn area_for_score(n: &Node<'_>) -> Option<AreaOfNeed> {
    n.area.filter(|&x| x != AreaOfNeed::PreparingForAdulthood)
}

/// A health need and health provision, a social care need and social care
/// provision: the sections themselves pair up.
fn sections_pair_up(a: &Node<'_>, b: &Node<'_>) -> bool {
    let paired = |x: SectionId, y: SectionId| {
        matches!(
            (x, y),
            (SectionId::C, SectionId::G)
                | (SectionId::D, SectionId::H | SectionId::H1 | SectionId::H2)
        )
    };
    paired(a.item.section, b.item.section) || paired(b.item.section, a.item.section)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Need, Outcome, Provision, TextSpan};

    fn item(id: &str, section: SectionId, text: &str) -> Item {
        Item {
            id: id.into(),
            id_from_document: true,
            section,
            text: text.into(),
            spans: vec![TextSpan {
                item_offset: 0,
                paragraph: 0,
                paragraph_range: 0..text.len(),
            }],
            area: None,
            heading: None,
            cell: None,
        }
    }

    fn plan(needs: &[(&str, &str)], outcomes: &[(&str, &str)], provision: &[(&str, &str)]) -> Plan {
        Plan {
            needs: needs
                .iter()
                .map(|(id, t)| Need {
                    item: item(id, SectionId::B, t),
                })
                .collect(),
            outcomes: outcomes
                .iter()
                .map(|(id, t)| Outcome {
                    item: item(id, SectionId::E, t),
                    time_frame: None,
                    term: None,
                })
                .collect(),
            provision: provision
                .iter()
                .map(|(id, t)| Provision {
                    item: item(id, SectionId::F, t),
                    what: None,
                    who: None,
                    frequency: None,
                    duration: None,
                    group: None,
                })
                .collect(),
            ..Plan::default()
        }
    }

    #[test]
    fn related_items_are_linked_with_their_reasons() {
        let plan = plan(
            &[
                ("B1", "Sam has difficulty with phonics and decoding."),
                (
                    "B2",
                    "Sam becomes anxious in noisy places and finds it hard to calm.",
                ),
            ],
            &[
                ("E1", "By July 2027 Sam will read 100 high-frequency words."),
                (
                    "E2",
                    "By July 2027 Sam will use zones of regulation to calm himself.",
                ),
            ],
            &[
                (
                    "F1",
                    "Daily phonics sessions of 20 minutes with a teaching assistant.",
                ),
                ("F2", "Weekly ELSA sessions to learn calming strategies."),
            ],
        );
        let graph = link(&Document::default(), &plan, &Lexicon::default());
        let linked = |a: &str, b: &str| graph.link_between(a, b).is_some();
        assert!(linked("B1", "E1"), "{:#?}", graph);
        assert!(linked("B2", "E2"));
        assert!(linked("E1", "F1"));
        assert!(linked("E2", "F2"));
        assert!(!linked("B1", "E2"));
        assert!(!linked("B2", "F1"));
        let l = graph.link_between("B1", "F1").expect("need to provision");
        assert_eq!(l.evidence, LinkEvidence::Inferred);
        assert!(
            l.detail.contains("phonics") || l.detail.contains("reading"),
            "{}",
            l.detail
        );
    }

    #[test]
    fn words_pick_partners_under_a_shared_heading() {
        let mut plan = plan(
            &[
                ("B1", "Sam has difficulty with phonics and decoding."),
                ("B2", "Sam finds number facts and counting hard."),
            ],
            &[
                (
                    "E1",
                    "By July 2027 Sam will decode 100 words using phonics.",
                ),
                (
                    "E2",
                    "By July 2027 Sam will recall number facts to 20 when counting.",
                ),
            ],
            &[],
        );
        link_all_under_one_heading(&mut plan);
        let graph = link(&Document::default(), &plan, &Lexicon::default());
        let strong = |a: &str, b: &str| graph.links.iter().any(|l| l.from == a && l.to == b);
        assert!(strong("B1", "E1") && strong("B2", "E2"), "{graph:#?}");
        assert!(!strong("B1", "E2") && !strong("B2", "E1"), "{graph:#?}");
        assert!(
            graph
                .weak_links
                .iter()
                .any(|l| l.from == "B1" && l.to == "E2" && l.detail.contains("match each better"))
        );
        // Where the words do not tell them apart, the heading links stay.
        let mut plan = plan_alike();
        link_all_under_one_heading(&mut plan);
        let graph = link(&Document::default(), &plan, &Lexicon::default());
        assert_eq!(
            graph
                .links
                .iter()
                .filter(|l| l.evidence == LinkEvidence::Heading)
                .count(),
            4
        );
    }

    /// Heading links between every need and outcome, as stated links from
    /// one shared "Cognition and learning" heading.
    fn link_all_under_one_heading(plan: &mut Plan) {
        for (from, to) in [("B1", "E1"), ("B1", "E2"), ("B2", "E1"), ("B2", "E2")] {
            plan.links.push(Link {
                from: from.into(),
                to: to.into(),
                evidence: LinkEvidence::Heading,
                score: 1.0,
                detail: "both under 'Cognition and learning'".into(),
            });
        }
    }

    fn plan_alike() -> Plan {
        plan(
            &[("B1", "Sam is anxious."), ("B2", "Sam is tearful.")],
            &[
                ("E1", "Sam will arrive on time."),
                ("E2", "Sam will join a club."),
            ],
            &[],
        )
    }

    #[test]
    fn stated_links_stop_inference_for_that_kind() {
        let mut plan = plan(
            &[("B1", "Reading is hard.")],
            &[
                ("E1", "Will read fluently."),
                ("E2", "Will enjoy reading books."),
            ],
            &[],
        );
        plan.links.push(Link {
            from: "B1".into(),
            to: "E1".into(),
            evidence: LinkEvidence::Reference,
            score: 1.0,
            detail: "stated".into(),
        });
        let graph = link(&Document::default(), &plan, &Lexicon::default());
        // E2 has no stated need, so it may still be linked to B1 by content.
        assert!(graph.link_between("B1", "E1").is_some());
        assert_eq!(
            graph.link_between("B1", "E1").map(|l| l.evidence),
            Some(LinkEvidence::Reference)
        );
    }

    #[test]
    fn large_plans_link_without_quadratic_text_work() {
        let needs: Vec<(String, String)> = (0..200)
            .map(|i| {
                (
                    format!("B{i}"),
                    format!("Need {i} about reading and topic{i} words"),
                )
            })
            .collect();
        let outcomes: Vec<(String, String)> = (0..400)
            .map(|i| {
                (
                    format!("E{i}"),
                    format!("Outcome on topic{} and maths", i / 2),
                )
            })
            .collect();
        let provision: Vec<(String, String)> = (0..600)
            .map(|i| {
                (
                    format!("F{i}"),
                    format!("Provision for topic{} weekly", i / 3),
                )
            })
            .collect();
        fn r(v: &[(String, String)]) -> Vec<(&str, &str)> {
            v.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect()
        }
        let plan = plan(&r(&needs), &r(&outcomes), &r(&provision));
        let graph = link(&Document::default(), &plan, &Lexicon::default());
        assert!(graph.link_between("B7", "E14").is_some() || graph.weakly_linked("B7").count() > 0);
    }
}
