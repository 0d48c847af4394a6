//! `structure/section-order`: sections out of the usual order.

use crate::finding::{Finding, Severity};
use crate::plan::SectionId;
use crate::review::CheckContext;
use crate::rules::support::{at_section, finding};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "structure/section-order",
    severity: Severity::Info,
    summary: "Sections are out of the usual order (allowed, but worth a look).",
    rationale: "The order of sections is not fixed in law (some authorities put outcomes before needs), but families, schools and tribunals expect A to K. A section out of place is sometimes a sign of a section pasted in from another plan.",
    reference: "SEND Code of Practice 9.62",
    example: "Section K (advice) appears between sections B and C.",
    fix: "Move section K after section J, or keep the order if it is your authority's agreed template.",
};

/// Position of a section in the usual order.
fn rank(id: SectionId) -> usize {
    match id {
        SectionId::H => 7,
        other => SectionId::STATUTORY
            .iter()
            .position(|s| *s == other)
            .unwrap_or(usize::MAX),
    }
}

#[derive(Debug)]
pub struct SectionOrder;

impl Rule for SectionOrder {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let first = compared(&context.plan.sections);
        let ranks: Vec<usize> = first.iter().map(|s| rank(s.id)).collect();
        // The longest run in the usual order stays; the others are out of place.
        let keep = longest_increasing(&ranks);
        for (i, section) in first.iter().enumerate() {
            if keep.contains(&i) {
                continue;
            }
            let mut f = if section.heading_paragraph.is_some() {
                at_section(&DOC, context, section)
            } else {
                finding(&DOC, Some(section.id))
            };
            let after = first[..i]
                .iter()
                .rev()
                .find(|s| rank(s.id) > rank(section.id))
                .map(|s| s.id);
            f.message = match after {
                Some(a) => format!(
                    "Section {} comes after section {}, out of the usual A to K order.",
                    section.id, a
                ),
                None => format!("Section {} is out of the usual A to K order.", section.id),
            };
            f.help = format!(
                "Check that section {} is where your template puts it; if not, move it into A to K order.",
                section.id
            );
            findings.push(f);
        }
    }
}

/// The sections whose order is compared: the first appearance of each, in
/// document order. When the plan interleaves sections (a section in several
/// stretches: needs, then their outcomes and provision, area by area or
/// B/E/F then C/E/G then D/E/H), outcomes and provision follow the needs
/// they serve by design, so only A-D and I-K are compared.
fn compared(sections: &[crate::plan::Section]) -> Vec<&crate::plan::Section> {
    let mut first: Vec<&crate::plan::Section> = Vec::new();
    let mut interleaved = false;
    for s in sections {
        if first.iter().any(|f| f.id == s.id) {
            interleaved = true;
        } else {
            first.push(s);
        }
    }
    if interleaved {
        first.retain(|s| {
            !matches!(
                s.id,
                SectionId::E
                    | SectionId::F
                    | SectionId::G
                    | SectionId::H
                    | SectionId::H1
                    | SectionId::H2
            )
        });
    }
    first
}

/// Indices of one longest strictly increasing subsequence.
fn longest_increasing(values: &[usize]) -> Vec<usize> {
    let n = values.len();
    let mut length = vec![1usize; n];
    let mut previous = vec![usize::MAX; n];
    for i in 0..n {
        for j in 0..i {
            if values[j] < values[i] && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        }
    }
    let Some(mut end) = (0..n).max_by_key(|&i| (length[i], std::cmp::Reverse(i))) else {
        return Vec::new();
    };
    let mut out = vec![end];
    while previous[end] != usize::MAX {
        end = previous[end];
        out.push(end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(id: SectionId) -> crate::plan::Section {
        crate::plan::Section {
            id,
            heading_paragraph: None,
            heading: String::new(),
            found_by: crate::plan::HeadingCue::HeadingStyle,
            paragraphs: Vec::new(),
            none_statement: false,
        }
    }

    #[test]
    fn interleaved_outcomes_and_provision_follow_their_needs() {
        use SectionId::*;
        let plan: Vec<_> = [A, B, E, F, C, E, G, D, E, H1, H2, I, J, K]
            .into_iter()
            .map(section)
            .collect();
        let ids: Vec<_> = compared(&plan).iter().map(|s| s.id).collect();
        assert_eq!(ids, [A, B, C, D, I, J, K]);
        // Not interleaved: every section is compared, K out of place stays so.
        let plan: Vec<_> = [A, B, K, C, D, E, F].into_iter().map(section).collect();
        assert_eq!(compared(&plan).len(), 7);
    }

    #[test]
    fn the_longest_ordered_run_is_kept() {
        assert_eq!(longest_increasing(&[0, 1, 11, 2, 3]).len(), 4);
        let keep = longest_increasing(&[0, 1, 11, 2, 3]);
        assert!(!keep.contains(&2));
    }
}
