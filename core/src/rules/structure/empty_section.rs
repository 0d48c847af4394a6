//! `structure/empty-section`: a heading with no content and no "none" statement.

use crate::docx::Document;
use crate::finding::{Finding, Severity};
use crate::plan::{PlanStatus, SectionId};
use crate::review::CheckContext;
use crate::rules::structure::placeholder_text::is_placeholder_only;
use crate::rules::support::at_section;
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "structure/empty-section",
    severity: Severity::Error,
    summary: "A section has a heading but no content and no explicit \"none\" statement.",
    rationale: "A blank section cannot be told apart from one somebody forgot to fill in. The Code of Practice expects each section to record its content or state clearly that there is none, so that the family knows the question was considered.",
    reference: "SEND Code of Practice 9.62; SEND Regulations 2014, regulation 12",
    example: "Section D: Social care needs\n(nothing below the heading)",
    fix: "Section D: Social care needs\nNo social care needs have been identified following the social care assessment (see K4).",
};

#[derive(Debug)]
pub struct EmptySection;

/// True when none of the paragraphs holds real content (text that is not
/// only a template prompt).
pub fn is_empty(document: &Document, paragraphs: &[usize]) -> bool {
    paragraphs.iter().all(|&p| {
        document
            .paragraphs
            .get(p)
            .is_none_or(|para| para.text.trim().is_empty() || is_placeholder_only(&para.text))
    })
}

/// A section named by a combined heading ("Sections C, E and G") shares its
/// paragraphs with the others; it is empty when none of the items read
/// under that heading is its own and it says "none" nowhere.
fn empty_in_combined(plan: &crate::plan::Plan, section: &crate::plan::Section) -> bool {
    let combined = section.heading_paragraph.is_some()
        && plan.sections.iter().any(|other| {
            other.id != section.id
                && other.heading_paragraph == section.heading_paragraph
                && other.paragraphs == section.paragraphs
                // A single H read as H1 and H2 is one section, not a combination.
                && !matches!(
                    (other.id, section.id),
                    (SectionId::H1 | SectionId::H2 | SectionId::H, SectionId::H1 | SectionId::H2 | SectionId::H)
                )
        });
    let holds_items = matches!(
        section.id,
        SectionId::B
            | SectionId::C
            | SectionId::D
            | SectionId::E
            | SectionId::F
            | SectionId::G
            | SectionId::H
            | SectionId::H1
            | SectionId::H2
    );
    // Social care provision under one heading naming H1 and H2 is read into
    // H1 unless it says it is H2: the items of either count for both.
    let social_care = |id: SectionId| matches!(id, SectionId::H | SectionId::H1 | SectionId::H2);
    let own = |id: SectionId| id == section.id || social_care(id) && social_care(section.id);
    combined && holds_items && !section.none_statement && !plan.items().any(|i| own(i.section))
}

impl Rule for EmptySection {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let plan = context.plan;
        for id in SectionId::STATUTORY.into_iter().chain([SectionId::H]) {
            let parts: Vec<_> = plan.sections_with(id).collect();
            if parts.is_empty() {
                continue;
            }
            // A section split over several parts is empty only if all are.
            if !parts
                .iter()
                .all(|s| is_empty(context.document, &s.paragraphs) || empty_in_combined(plan, s))
            {
                continue;
            }
            // Section I is left blank in a draft plan on purpose.
            if id == SectionId::I && plan.status == PlanStatus::Draft {
                continue;
            }
            let section = parts[0];
            let mut f = at_section(&DOC, context, section);
            f.message = format!(
                "Section {} ({}) has a heading but nothing under it.",
                id,
                id.title()
            );
            f.help = if id == SectionId::I {
                "Name the school or other setting (or its type) in a final plan. If this plan is still a draft, mark it as a draft so that a blank section I is expected.".into()
            } else {
                format!(
                    "Fill in section {id}, or state explicitly that there is nothing to record and why (for example \"No {what} have been identified\").",
                    what = match id {
                        SectionId::C => "health needs related to the SEN",
                        SectionId::D => "social care needs",
                        SectionId::G => "health provision needs",
                        SectionId::H | SectionId::H1 | SectionId::H2 =>
                            "social care provision needs",
                        _ => "items",
                    }
                )
            };
            if id == SectionId::I && plan.status == PlanStatus::Unknown {
                // Could be a draft whose status the plan does not state.
                f.severity = Severity::Info;
                f.confidence = 0.5;
            }
            findings.push(f);
        }
    }
}
