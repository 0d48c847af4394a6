//! Links the document states itself: same table row (or the same
//! row-labelled table), references by id or number ("links to E1, B2",
//! "Outcome(s): E1, E3", "(need B2)", "Meets outcome 3"), and shared
//! area-of-need sub-headings (a need under "Communication and interaction"
//! in B, the outcomes under the same heading in E and the provision under it
//! in F).
//!
//! Directions: need → outcome, outcome → provision, need → provision,
//! aspiration → outcome. Only ids that exist are linked; each pair once,
//! with the first evidence found (table row, then reference, then heading).
//! Links from content are not made here (see `crate::thread`).

use std::collections::{HashMap, HashSet};

use super::items::Evidence;
use super::{AreaOfNeed, Item, Link, LinkEvidence, Plan, SectionId, ids};
use crate::docx::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Rank {
    Aspiration,
    Need,
    Outcome,
    Provision,
}

fn allowed(from: Rank, to: Rank) -> bool {
    matches!(
        (from, to),
        (Rank::Need, Rank::Outcome)
            | (Rank::Outcome, Rank::Provision)
            | (Rank::Need, Rank::Provision)
            | (Rank::Aspiration, Rank::Outcome)
    )
}

/// A bound on stated links, against hostile documents (thousands of items
/// under one heading would otherwise give millions of pairs).
const MAX_LINKS: usize = 20_000;

struct Linker {
    capped: bool,
    ordinal: HashMap<String, String>,
    rank: HashMap<String, Rank>,
    seen: HashSet<(String, String)>,
    links: Vec<Link>,
}

impl Linker {
    fn add(&mut self, a: &str, b: &str, evidence: LinkEvidence, detail: String) {
        if self.links.len() >= MAX_LINKS {
            self.capped = true;
            return;
        }
        let (Some(&ra), Some(&rb)) = (self.rank.get(a), self.rank.get(b)) else {
            return;
        };
        let (from, to) = if allowed(ra, rb) {
            (a, b)
        } else if allowed(rb, ra) {
            (b, a)
        } else {
            return;
        };
        if self.seen.insert((from.to_owned(), to.to_owned())) {
            self.links.push(Link {
                from: from.to_owned(),
                to: to.to_owned(),
                evidence,
                score: 1.0,
                detail,
            });
        }
    }

    /// The first candidate id that exists; otherwise, where the plan numbers
    /// none of that kind of item itself, "Outcome 2" / "E2" means the second
    /// outcome in document order (short-term steps not counted), "Need 2" /
    /// "B2" the second need in B.
    fn resolve(&self, candidates: &[String]) -> Option<String> {
        candidates
            .iter()
            .find(|c| self.rank.contains_key(c.as_str()))
            .or_else(|| candidates.iter().find_map(|c| self.ordinal.get(c.as_str())))
            .cloned()
    }
}

/// "E1", "E2" … for outcomes and "B1" … for needs in B, to the items they
/// must mean when the plan does not number that kind itself.
fn ordinals(plan: &Plan) -> HashMap<String, String> {
    let mut out = HashMap::new();
    if !plan.outcomes.iter().any(|o| o.item.id_from_document) {
        let long = plan.outcomes.iter().filter(|o| {
            !matches!(
                o.term,
                Some(super::OutcomeTerm::ShortTerm | super::OutcomeTerm::MediumTerm)
            )
        });
        for (n, o) in long.enumerate() {
            out.insert(format!("E{}", n + 1), o.item.id.clone());
        }
    }
    let b: Vec<&Item> = plan
        .needs
        .iter()
        .map(|n| &n.item)
        .filter(|i| i.section == SectionId::B)
        .collect();
    if !b.iter().any(|i| i.id_from_document) {
        for (n, i) in b.iter().enumerate() {
            out.insert(format!("B{}", n + 1), i.id.clone());
        }
    }
    out
}

pub fn read(_document: &Document, plan: &mut Plan, evidence: &Evidence) {
    let mut rank = HashMap::new();
    for i in &plan.aspirations {
        rank.insert(i.id.clone(), Rank::Aspiration);
    }
    for n in &plan.needs {
        rank.insert(n.item.id.clone(), Rank::Need);
    }
    for o in &plan.outcomes {
        rank.insert(o.item.id.clone(), Rank::Outcome);
    }
    for p in &plan.provision {
        rank.insert(p.item.id.clone(), Rank::Provision);
    }
    let mut linker = Linker {
        capped: false,
        ordinal: ordinals(plan),
        rank,
        seen: HashSet::new(),
        links: Vec::new(),
    };

    // Same table row, or the same row-labelled table.
    for group in &evidence.groups {
        for (k, a) in group.items.iter().enumerate() {
            if linker.capped {
                break;
            }
            for b in &group.items[k + 1..] {
                linker.add(a, b, LinkEvidence::TableRow, group.detail.clone());
            }
        }
    }

    // A cell of the row naming other items ("E1, E3" in an Outcome column).
    for r in &evidence.cell_references {
        for reference in ids::references(&r.text) {
            if let Some(target) = linker.resolve(&reference.candidates)
                && target != r.item
            {
                let detail = format!("{} names {} for {}", r.detail, target, r.item);
                linker.add(&r.item, &target, LinkEvidence::Reference, detail);
            }
        }
    }

    // References written in an item's own text.
    let linked: Vec<&Item> = plan
        .aspirations
        .iter()
        .chain(plan.needs.iter().map(|n| &n.item))
        .chain(plan.outcomes.iter().map(|o| &o.item))
        .chain(plan.provision.iter().map(|p| &p.item))
        .collect();
    for item in &linked {
        let own_prefix = if item.id_from_document {
            ids::text_id(&item.text, item.section).map_or(0, |(_, len)| len)
        } else {
            0
        };
        for reference in ids::references(&item.text) {
            if reference.range.start < own_prefix {
                continue;
            }
            let Some(target) = linker.resolve(&reference.candidates) else {
                continue;
            };
            if target == item.id {
                continue;
            }
            let detail = format!(
                "{} says '{}'",
                item.id,
                quote_around(&item.text, reference.range.clone())
            );
            linker.add(&item.id, &target, LinkEvidence::Reference, detail);
        }
    }

    // Shared area-of-need sub-headings.
    let under: HashMap<&str, (AreaOfNeed, &str)> = evidence
        .area_headings
        .iter()
        .map(|(id, area, heading)| (id.as_str(), (*area, heading.as_str())))
        .collect();
    let collect = |items: &mut dyn Iterator<Item = &Item>| -> Vec<(Item, AreaOfNeed, String)> {
        items
            .filter_map(|i| {
                let (a, h) = under.get(i.id.as_str())?;
                Some((i.clone(), *a, (*h).to_owned()))
            })
            .collect()
    };
    let needs = collect(&mut plan.needs.iter().map(|n| &n.item));
    let outcomes = collect(&mut plan.outcomes.iter().map(|o| &o.item));
    let provision = collect(&mut plan.provision.iter().map(|p| &p.item));
    let detail = |h1: &str, h2: &str| {
        if h1.eq_ignore_ascii_case(h2) {
            format!("both under '{h1}'")
        } else {
            format!("under '{h1}' and '{h2}', the same area of need")
        }
    };
    // Two items both already linked explicitly (table row, reference) to
    // items of the other's kind take no heading link between them: the plan
    // has said which ones it means. An item left without such a link still
    // gets its heading links.
    let mut explicit: HashSet<(&str, Rank)> = HashSet::new();
    for l in &linker.links {
        if let (Some(&rf), Some(&rt)) = (linker.rank.get(&l.from), linker.rank.get(&l.to)) {
            explicit.insert((l.from.as_str(), rt));
            explicit.insert((l.to.as_str(), rf));
        }
    }
    let open = |a: &str, b: &str, ra: Rank, rb: Rank| {
        !(explicit.contains(&(a, rb)) && explicit.contains(&(b, ra)))
    };
    let mut pairs: Vec<(String, String, String)> = Vec::new();
    for (n, na, nh) in &needs {
        for (o, oa, oh) in &outcomes {
            if na == oa && pairs.len() < MAX_LINKS && open(&n.id, &o.id, Rank::Need, Rank::Outcome)
            {
                pairs.push((n.id.clone(), o.id.clone(), detail(nh, oh)));
            }
        }
        for (p, pa, ph) in &provision {
            if na == pa
                && provision_meets(n.section, p.section)
                && pairs.len() < MAX_LINKS
                && open(&n.id, &p.id, Rank::Need, Rank::Provision)
            {
                pairs.push((n.id.clone(), p.id.clone(), detail(nh, ph)));
            }
        }
    }
    for (o, oa, oh) in &outcomes {
        for (p, pa, ph) in &provision {
            if oa == pa
                && pairs.len() < MAX_LINKS
                && open(&o.id, &p.id, Rank::Outcome, Rank::Provision)
            {
                pairs.push((o.id.clone(), p.id.clone(), detail(oh, ph)));
            }
        }
    }
    if pairs.len() >= MAX_LINKS {
        linker.capped = true;
    }
    for (a, b, d) in pairs {
        linker.add(&a, &b, LinkEvidence::Heading, d);
    }

    if linker.capped {
        plan.warnings.push(format!(
            "the plan states more than {MAX_LINKS} links between items; only the first {MAX_LINKS} were kept"
        ));
    }
    plan.links.extend(linker.links);
}

/// Provision in `provision` meets needs of section `need`: B → F, C → G, D → H.
fn provision_meets(need: SectionId, provision: SectionId) -> bool {
    match need {
        SectionId::B => provision == SectionId::F,
        SectionId::C => provision == SectionId::G,
        SectionId::D => matches!(provision, SectionId::H | SectionId::H1 | SectionId::H2),
        _ => false,
    }
}

/// The words around a reference, for a caseworker to find it: from the
/// start of its clause (or at most a few words back) to the reference.
fn quote_around(text: &str, range: std::ops::Range<usize>) -> String {
    let before = &text[..range.start];
    let clause = before
        .rfind(['(', '.', ';', '\n', ':'])
        .map_or(0, |i| i + 1);
    let mut start = clause;
    // At most six words back.
    let words: Vec<(usize, &str)> = before[clause..]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    if words.len() > 6 {
        start = words[words.len() - 6].0;
    }
    text[start..range.end].trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::DocBuilder;
    use crate::plan::{ExtractOptions, extract_plan};

    fn links(plan: &Plan) -> Vec<(String, String, &'static str)> {
        plan.links
            .iter()
            .map(|l| (l.from.clone(), l.to.clone(), l.evidence.as_str()))
            .collect()
    }

    #[test]
    fn references_by_id_and_number_link_existing_items() {
        let doc = DocBuilder::new()
            .heading(1, "Section B")
            .p("B1 Claire has difficulty with reading.")
            .p("B2 Claire becomes anxious.")
            .heading(1, "Section E")
            .p("E1 Claire will read 100 words by July 2026 (need B1).")
            .p("E2 Claire will use a calm-down plan by Easter 2026.")
            .heading(1, "Section F")
            .p("F1 Daily phonics, 20 minutes, with a teaching assistant. Outcome(s): E1, E9")
            .p("F2 Weekly ELSA session (links to need B2). Meets outcome 2.")
            .build();
        let plan = extract_plan(&doc, &ExtractOptions::default());
        let l = links(&plan);
        assert!(l.contains(&("B1".into(), "E1".into(), "reference")));
        assert!(l.contains(&("E1".into(), "F1".into(), "reference")));
        assert!(l.contains(&("B2".into(), "F2".into(), "reference")));
        assert!(l.contains(&("E2".into(), "F2".into(), "reference")));
        assert!(!l.iter().any(|(a, b, _)| a == "E9" || b == "E9"));
        let f2 = plan
            .links
            .iter()
            .find(|l| l.from == "B2" && l.to == "F2")
            .unwrap();
        assert_eq!(f2.detail, "F2 says 'links to need B2'");
        assert_eq!(f2.score, 1.0);
    }

    #[test]
    fn shared_area_headings_link_needs_outcomes_and_provision() {
        let doc = DocBuilder::new()
            .heading(1, "Section B")
            .heading(2, "Cognition and learning")
            .p("Claire reads at a Year 2 level.")
            .heading(2, "Communication and interaction")
            .p("Claire struggles to take turns.")
            .heading(1, "Section E")
            .heading(2, "Cognition and Learning")
            .p("Claire will read 100 words by July 2026.")
            .heading(1, "Section F")
            .heading(2, "Cognition and learning")
            .p("Daily phonics for 20 minutes with a teaching assistant.")
            .heading(1, "Section G")
            .heading(2, "Cognition and learning")
            .p("Annual eye test.")
            .build();
        let plan = extract_plan(&doc, &ExtractOptions::default());
        let l = links(&plan);
        assert_eq!(
            l,
            [
                ("B-1".into(), "E-1".into(), "heading"),
                ("B-1".into(), "F-1".into(), "heading"),
                ("E-1".into(), "F-1".into(), "heading"),
                ("E-1".into(), "G-1".into(), "heading"),
            ]
        );
        assert_eq!(plan.links[0].detail, "both under 'Cognition and learning'");
    }

    #[test]
    fn explicit_links_take_precedence_over_shared_headings() {
        let doc = DocBuilder::new()
            .heading(1, "Section B")
            .heading(2, "Cognition and learning")
            .p("B1 Claire reads at a Year 2 level.")
            .p("B2 Claire forgets instructions.")
            .heading(1, "Section E")
            .heading(2, "Cognition and learning")
            .p("E1 Claire will read 100 words by July 2026 (need B1).")
            .p("E2 Claire will follow two-step instructions by July 2026 (need B2).")
            .p("E3 Claire will spell 20 words by July 2026.")
            .build();
        let plan = extract_plan(&doc, &ExtractOptions::default());
        let l = links(&plan);
        assert_eq!(
            l,
            [
                ("B1".into(), "E1".into(), "reference"),
                ("B2".into(), "E2".into(), "reference"),
                ("B1".into(), "E3".into(), "heading"),
                ("B2".into(), "E3".into(), "heading"),
            ]
        );
    }

    #[test]
    fn a_links_or_reference_column_states_links() {
        let doc = DocBuilder::new()
            .heading(1, "Section B")
            .p("B1 Sam's speech is hard to understand.")
            .p("B2 Sam reads two years below his age.")
            .heading(1, "Section E")
            .p("E1 Sam will say 'k' and 'g' correctly by July 2026.")
            .p("E2 Sam will give a 2-minute talk to his class by July 2026.")
            .p("E3 Sam will read 70 words a minute by July 2026.")
            .heading(1, "Section F")
            .table(&[
                &["**Ref", "**Provision", "**Who", "**How often", "**Links"],
                &[
                    "F1",
                    "Speech sound therapy",
                    "Speech and language therapist",
                    "30 minutes weekly",
                    "Outcome(s): E1",
                ],
                &[
                    "F2",
                    "Phonics programme",
                    "Teaching assistant",
                    "20 minutes daily",
                    "Outcome(s): E3 (links to need B2)",
                ],
            ])
            .table(&[
                &[
                    "**Provision / Support",
                    "**Frequency and duration",
                    "**Outcome ref",
                ],
                &["Reading fluency practice", "10 minutes daily", "E3"],
            ])
            .build();
        let plan = extract_plan(&doc, &ExtractOptions::default());
        let l = links(&plan);
        assert!(
            l.contains(&("E1".into(), "F1".into(), "reference")),
            "{l:?}"
        );
        assert!(
            l.contains(&("E3".into(), "F2".into(), "reference")),
            "{l:?}"
        );
        assert!(
            l.contains(&("B2".into(), "F2".into(), "reference")),
            "{l:?}"
        );
        assert!(
            l.contains(&("E3".into(), "F-1".into(), "reference")),
            "{l:?}"
        );
        // E2 is served by no provision: nothing links it.
        assert!(!l.iter().any(|(a, b, _)| a == "E2" || b == "E2"), "{l:?}");
    }

    #[test]
    fn numbered_references_to_unnumbered_items_mean_their_order() {
        let doc = DocBuilder::new()
            .heading(1, "Section B")
            .p("Sam reads two years below his age.")
            .p("Sam becomes anxious when routines change.")
            .heading(1, "Section E")
            .table(&[
                &["**Outcome", "**Steps"],
                &[
                    "Sam will read a timetable aloud by July 2027.",
                    "Sam will blend 20 two-syllable words by March 2027.",
                ],
                &[
                    "Sam will manage a change of routine by July 2027.",
                    "Sam will name 3 feelings each morning by March 2027.",
                ],
            ])
            .heading(1, "Section F")
            .p("Weekly calm-card sessions with an ELSA (Outcome 2, need 2).")
            .build();
        let plan = extract_plan(&doc, &ExtractOptions::default());
        let second_outcome = plan
            .outcomes
            .iter()
            .find(|o| o.item.text.starts_with("Sam will manage"))
            .map(|o| o.item.id.clone())
            .unwrap();
        let l = links(&plan);
        assert!(
            l.contains(&(second_outcome, "F-1".into(), "reference")),
            "{l:?}"
        );
        assert!(
            l.contains(&("B-2".into(), "F-1".into(), "reference")),
            "{l:?}"
        );
    }

    #[test]
    fn quotes_the_clause_of_a_reference() {
        let t = "Weekly ELSA session (links to need B2). Meets outcome 2.";
        assert_eq!(quote_around(t, 35..37), "links to need B2");
        let m = t.find("outcome 2").unwrap();
        assert_eq!(quote_around(t, m..m + 9), "Meets outcome 2");
    }
}
