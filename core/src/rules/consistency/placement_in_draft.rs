//! `consistency/placement-in-draft`: a plan marked draft names a school in I.

use std::sync::LazyLock;

use crate::re::Regex;

use crate::analysis::words::is_none_statement;
use crate::finding::{Finding, Severity};
use crate::plan::{PlanStatus, SectionId};
use crate::review::CheckContext;
use crate::rules::support::{at_paragraph, trim_range};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "consistency/placement-in-draft",
    severity: Severity::Warning,
    summary: "A plan marked draft names a school in I.",
    rationale: "The draft plan must not name the school or the type of school: the family has 15 days to say which school they would like, and naming one in advance suggests the decision has already been made.",
    reference: "SEND Code of Practice 9.77-9.79",
    example: "DRAFT — Section I: Oakfield Primary School, mainstream primary.",
    fix: "DRAFT — Section I: To be named in the final plan after the parents' preference has been considered.",
};

/// A named school or setting: capitalised words ending in a school word.
static SCHOOL_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[A-Z][\w'’.-]*\s+){1,5}(?:Primary|Secondary|Infant|Infants|Junior|Juniors|Academy|School|College|High|Nursery|Grammar|Free\s+School|Studio|UTC)\b",
    )
    .expect("school regex")
});

/// Wording that keeps section I open, as a draft should.
static LEFT_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:to\s+be\s+(?:named|confirmed|agreed|decided|determined|finalised|consulted)|left\s+blank|named\s+in\s+the\s+final|(?:will|to)\s+be\s+completed|not\s+(?:yet\s+)?(?:named|completed|known|decided)|parental\s+preference|consultation|TBC|TBA|not\s+applicable|draft\s+plans?\s+(?:must|do|does|cannot))\b",
    )
    .expect("open regex")
});

#[derive(Debug)]
pub struct PlacementInDraft;

impl Rule for PlacementInDraft {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        if context.plan.status != PlanStatus::Draft {
            return;
        }
        for section in context.plan.sections_with(SectionId::I) {
            for &p in &section.paragraphs {
                let Some(paragraph) = context.document.paragraphs.get(p) else {
                    continue;
                };
                let text = &paragraph.text;
                if text.trim().is_empty() || LEFT_OPEN.is_match(text) || is_none_statement(text) {
                    continue;
                }
                // A label cell ("Name of school:") with nothing after it is not a name.
                let (range, named) = match SCHOOL_NAME.find(text) {
                    Some(m) => (m.range(), true),
                    None => (trim_range(text, 0..text.len()), false),
                };
                if !named && !looks_like_setting_type(text) {
                    continue;
                }
                let mut f = at_paragraph(&DOC, context, Some(SectionId::I), p, range);
                f.message = format!(
                    "This plan is marked as a draft but section I names {} (\"{}\").",
                    if named {
                        "a school"
                    } else {
                        "a type of setting"
                    },
                    f.quote
                );
                f.help = "Leave section I blank in the draft (for example \"To be named in the final plan\") and name the school or setting only in the final plan, after considering the family's preference.".into();
                if !named {
                    f.confidence = 0.7;
                }
                findings.push(f);
                break;
            }
        }
    }
}

fn looks_like_setting_type(text: &str) -> bool {
    static TYPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:mainstream|special\s+school|maintained|independent\s+(?:special\s+)?school|academy|resource\s+base|resourced\s+provision|specialist\s+(?:provision|setting|school)|pupil\s+referral\s+unit|alternative\s+provision|college|nursery)\b")
            .expect("type regex")
    });
    TYPE.is_match(text) && !text.trim_end().ends_with(':')
}
