//! `structure/h-not-split`: one "H" section with no separate H1 and H2.

use std::sync::LazyLock;

use crate::re::Regex;

use crate::finding::{Finding, Severity};
use crate::plan::SectionId;
use crate::review::CheckContext;
use crate::rules::support::{at_section, finding};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "structure/h-not-split",
    severity: Severity::Warning,
    summary: "One \"H\" section with no separate H1 and H2.",
    rationale: "H1 (provision under section 2 of the Chronically Sick and Disabled Persons Act 1970, for under-18s) and H2 (any other social care provision) are two statutory sections with different legal duties behind them. Run together, nobody can tell which duty each item falls under.",
    reference: "SEND Regulations 2014, regulation 12(1)(h); SEND Code of Practice 9.62 and 9.69",
    example: "Section H: Social care provision — Short breaks one weekend a month; a personal assistant 4 hours a week.",
    fix: "Section H1: Social care provision under section 2 CSDPA 1970 — a personal assistant 4 hours a week. Section H2: Other social care provision — short breaks one weekend a month.",
};

static H1_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bH1\b|section\s+2\s+of\s+the\s+chronically\s+sick|\bCSDPA\b|chronically\s+sick\s+and\s+disabled\s+persons")
        .expect("h1 regex")
});
static H2_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bH2\b|other\s+social\s+care\s+provision").expect("h2 regex")
});

#[derive(Debug)]
pub struct HNotSplit;

impl Rule for HNotSplit {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let plan = context.plan;
        if plan.has_section(SectionId::H1) && plan.has_section(SectionId::H2) {
            return;
        }
        let Some(section) = plan.sections_with(SectionId::H).next() else {
            return;
        };
        // A single H that separates the two itself (sub-headings or
        // paragraphs naming section 2 of the CSDPA 1970 and the other
        // provision) identifies both.
        let text: String = plan
            .sections_with(SectionId::H)
            .flat_map(|s| {
                s.heading_paragraph
                    .into_iter()
                    .chain(s.paragraphs.iter().copied())
            })
            .filter_map(|p| context.document.paragraphs.get(p))
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        if H1_MARK.is_match(&text) && H2_MARK.is_match(&text) {
            return;
        }
        let mut f = if section.heading_paragraph.is_some() {
            at_section(&DOC, context, section)
        } else {
            finding(&DOC, Some(SectionId::H))
        };
        f.message =
            "Social care provision is in one section H, not in separate sections H1 and H2.".into();
        f.help = "Split section H into \"H1: social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970\" and \"H2: other social care provision\", and put each item under the one whose duty it falls under (state \"None\" in either if it is empty).".into();
        findings.push(f);
    }
}
