//! `structure/missing-section`: a statutory section cannot be found.

use crate::finding::{Finding, Severity};
use crate::plan::SectionId;
use crate::review::CheckContext;
use crate::rules::support::finding;
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "structure/missing-section",
    severity: Severity::Error,
    summary: "A statutory section (A-K, H1 and H2 counted separately) cannot be found.",
    rationale: "Regulation 12 of the SEND Regulations 2014 requires every section of an EHC plan to be included and separately identified; where a section has nothing to record it must say so. A missing section leaves a family unable to see, or appeal, what the plan decides on that part.",
    reference: "SEND Regulations 2014, regulation 12; SEND Code of Practice 9.62",
    example: "The plan goes from \"Section F: Special educational provision\" straight to \"Section I: Placement\"; there is no section G, H1 or H2.",
    fix: "Add \"Section G: Health provision\" with the health provision, or the statement \"No health provision is required because no health needs were identified\"; do the same for H1 and H2.",
};

#[derive(Debug)]
pub struct MissingSection;

impl Rule for MissingSection {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let plan = context.plan;
        // A document in which no section at all was recognised is most likely
        // not read as a plan (or not a plan): one finding, not twelve.
        if plan.sections.is_empty() {
            let mut f = finding(&DOC, None);
            f.message =
                "No section of an EHC plan (A to K) could be found in this document.".into();
            f.help = "Check that this is an EHC plan and that its sections have headings such as \"Section B: Special educational needs\". If your template labels sections differently, add its headings to ehcp.toml under [headings].".into();
            f.confidence = 0.7;
            findings.push(f);
            return;
        }
        for id in SectionId::STATUTORY {
            let found = plan.has_section(id)
                || (matches!(id, SectionId::H1 | SectionId::H2) && plan.has_section(SectionId::H));
            if found {
                continue;
            }
            let mut f = finding(&DOC, Some(id));
            f.message = format!("Section {} ({}) is missing.", id, id.title());
            f.help = format!(
                "Add a section headed \"Section {id}: {title}\". If there is nothing to record, say so explicitly (for example \"{none}\") rather than leaving the section out.",
                title = id.title(),
                none = none_example(id)
            );
            findings.push(f);
        }
    }
}

fn none_example(id: SectionId) -> &'static str {
    match id {
        SectionId::C => "No health needs related to the SEN have been identified",
        SectionId::D => "No social care needs have been identified",
        SectionId::G => "No health provision is required",
        SectionId::H1 => "No provision under section 2 of the CSDPA 1970 is required",
        SectionId::H2 => "No other social care provision is required",
        SectionId::I => "To be named in the final plan",
        SectionId::J => "No personal budget has been requested",
        _ => "None identified",
    }
}
