//! `provision/therapy-in-health-section`: speech and language therapy (or
//! OT/physio that teaches) appears only in G.

use std::sync::LazyLock;

use crate::re::Regex;

use crate::finding::{Finding, Severity};
use crate::plan::SectionId;
use crate::review::CheckContext;
use crate::rules::support::{at_item, provision_text};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "provision/therapy-in-health-section",
    severity: Severity::Warning,
    summary: "Speech and language therapy (or OT/physio that teaches) appears only in G.",
    rationale: "Speech and language therapy that helps a child learn is special educational provision in law and belongs in section F, where the local authority must secure it; placed only in G it loses that duty. The same is often true of occupational therapy and physiotherapy (CoP 9.73-9.74; R v Lancashire CC ex p M [1989]).",
    reference: "SEND Code of Practice 9.73-9.74; R v Lancashire County Council ex parte M [1989] 2 FLR 279",
    example: "Section G: Sam will receive speech and language therapy from the NHS SaLT team, 6 sessions a year.",
    fix: "Section F: Sam will have speech and language therapy from an HCPC-registered speech and language therapist, 30 minutes a week individually, with a programme delivered daily by a trained teaching assistant.",
};

static SALT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:speech\s+(?:and|&)\s+language\s+therap(?:y|ist|ists|ies)|speech\s+therap(?:y|ist))|\b(?:SaLT|SALT|SLT)\b")
        .expect("salt regex")
});
static OT_PHYSIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:occupational\s+therap(?:y|ist|ists)|physiotherap(?:y|ist|ists)|\bphysio\b)|\bOT\b",
    )
    .expect("ot regex")
});

#[derive(Debug)]
pub struct TherapyInHealthSection;

impl Rule for TherapyInHealthSection {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let plan = context.plan;
        let in_f = |regex: &Regex| {
            plan.provision
                .iter()
                .filter(|p| p.item.section == SectionId::F)
                .any(|p| regex.is_match(&provision_text(p)))
        };
        let salt_in_f = in_f(&SALT);
        let ot_in_f = in_f(&OT_PHYSIO);
        for provision in plan
            .provision
            .iter()
            .filter(|p| p.item.section == SectionId::G)
        {
            let item = &provision.item;
            let (regex, is_salt) = if !salt_in_f && SALT.is_match(&item.text) {
                (&*SALT, true)
            } else if !ot_in_f && OT_PHYSIO.is_match(&item.text) {
                (&*OT_PHYSIO, false)
            } else {
                continue;
            };
            let Some(m) = regex.find(&item.text) else {
                continue;
            };
            let mut f = at_item(&DOC, context, item, Some(m.range()));
            let therapy = m.as_str();
            let therapy_lower = if therapy.chars().skip(1).any(char::is_uppercase) {
                therapy.to_owned()
            } else {
                therapy.to_lowercase()
            };
            f.message = format!(
                "\"{therapy}\" appears in section G (health provision) but not in section F (special educational provision)."
            );
            f.help = format!(
                "If the {therapy_lower} helps the child learn or communicate in school, specify it in section F (what, by whom, how often, for how long) so that the local authority's duty to secure it applies; section G may keep the health part."
            );
            if !is_salt {
                // OT and physio are educational only when they teach.
                f.severity = Severity::Info;
                f.confidence = 0.5;
            }
            findings.push(f);
        }
    }
}
