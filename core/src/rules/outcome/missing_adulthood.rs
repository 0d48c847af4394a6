//! `outcome/missing-adulthood`: Year 9 or above (or aged 14+) with no
//! preparing-for-adulthood outcome.

use std::sync::LazyLock;

use crate::re::Regex;

use crate::analysis::dates::{age_on, expected_year_group};
use crate::finding::{Finding, Severity};
use crate::plan::{AreaOfNeed, SectionId};
use crate::review::CheckContext;
use crate::rules::support::{at_section, finding};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "outcome/missing-adulthood",
    severity: Severity::Warning,
    summary: "The child is in Year 9 or above (or aged 14+) and no outcome covers preparing for adulthood.",
    rationale: "From Year 9 every review and plan must focus on preparing for adulthood: employment or higher education, independent living, friends, relationships and community, and good health. A plan for a teenager with no such outcome leaves the transition to adult life unplanned.",
    reference: "SEND Code of Practice 8.9-8.12 and 9.66",
    example: "A Year 10 pupil's outcomes are all about reading, spelling and maths.",
    fix: "Add an outcome such as \"By the end of Year 11, Amir will travel independently by bus to his college taster days and complete one week's work experience.\"",
};

static PFA_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:adulthood|pfa|employment|employ\w*|jobs?|work\s+experience|paid\s+work|careers?|college|university|higher\s+education|further\s+education|apprenticeships?|supported\s+internships?|internships?|volunteer\w*|independent\s+living|live\s+independently|independent\s+travel|travel\s+(?:independently|training)|public\s+transport|bus|cook\w*|budget\w*|money|shopping|household|friends?|friendships?|relationships?|community|clubs?|leisure|healthy|good\s+health|health\s+appointments|GP|dentist|post[\s-]?16|sixth\s+form|transition\s+to\s+adult)\b",
    )
    .expect("pfa regex")
});

#[derive(Debug)]
pub struct MissingAdulthood;

impl Rule for MissingAdulthood {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let plan = context.plan;
        let child = &plan.child;
        let computed_year = match (child.date_of_birth, plan.plan_date) {
            (Some(b), Some(d)) => Some(expected_year_group(b, d)),
            _ => None,
        };
        let year = child.year_group.or(computed_year);
        let age = match (child.date_of_birth, plan.plan_date) {
            (Some(b), Some(d)) if b.day.is_some() => Some(age_on(b, d)),
            _ => None,
        };
        let due = year.is_some_and(|y| y >= 9) || age.is_some_and(|a| a >= 14);
        if !due || plan.outcomes.is_empty() {
            return;
        }
        let covered = plan.outcomes.iter().any(|o| {
            o.item.area == Some(AreaOfNeed::PreparingForAdulthood)
                || PFA_WORDS.is_match(&o.item.text)
                || o.item
                    .heading
                    .as_ref()
                    .is_some_and(|h| PFA_WORDS.is_match(h))
        });
        if covered {
            return;
        }
        let mut f = match plan.sections_with(SectionId::E).next() {
            Some(section) => at_section(&DOC, context, section),
            None => finding(&DOC, Some(SectionId::E)),
        };
        let who = match (year, age) {
            (Some(y), _) if y >= 9 => format!("in Year {y}"),
            (_, Some(a)) => format!("aged {a}"),
            _ => "of an age".into(),
        };
        f.message = format!("The child is {who}, but no outcome covers preparing for adulthood.");
        f.help = "Add outcomes for preparing for adulthood: employment or further/higher education, independent living, friends, relationships and community, and good health, each with a time frame and a measure.".into();
        if child.year_group.is_none() && age.is_none() {
            // Year worked out from the date of birth only.
            f.confidence = 0.8;
        }
        findings.push(f);
    }
}
