//! Provision (F, G, H1, H2) must be detailed, specific and quantified
//! (CoP 9.69): what, by whom, how often, for how long, in what group.

pub mod delegated_decision;
pub mod duplicated;
pub mod funding_not_provision;
pub mod not_quantified;
pub mod provider_unspecified;
pub mod therapy_in_health_section;
pub mod unilateral_change;
pub mod vague_wording;

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use crate::analysis::{Lexicon, quantity, roles};
use crate::finding::Finding;
use crate::review::CheckContext;
use crate::rules::RuleDoc;
use crate::rules::support::{at_item, is_substantive};

/// The body of a phrase rule: a finding for every place `matches` finds in
/// a substantive provision item, quoting it, with the message and help
/// `wording` writes for that quote.
pub fn phrase_findings(
    doc: &'static RuleDoc,
    context: &CheckContext<'_>,
    findings: &mut Vec<Finding>,
    matches: impl Fn(&str) -> Vec<Range<usize>>,
    wording: impl Fn(&str) -> (String, String),
) {
    for provision in &context.plan.provision {
        let item = &provision.item;
        if !is_substantive(item) {
            continue;
        }
        for range in matches(&item.text) {
            let mut f = at_item(doc, context, item, Some(range.clone()));
            (f.message, f.help) = wording(&item.text[range]);
            findings.push(f);
        }
    }
}

/// The parts of CoP 9.69 a provision text does not state, as fill-in slots.
pub fn missing_parts(text: &str, lexicon: &Lexicon) -> Vec<&'static str> {
    let mut parts = Vec::new();
    if !quantity::has_frequency(text) {
        parts.push("[how often]");
    }
    if quantity::duration(text).is_empty() {
        parts.push("[for how long]");
    }
    if !roles::names_provider(text, lexicon) {
        parts.push("[who: role and qualification]");
    }
    if !quantity::has_group_size(text) {
        parts.push("[individually or in a group of N]");
    }
    parts
}

/// A rewrite pattern naming only the missing parts.
pub fn rewrite_pattern(missing: &[&str]) -> String {
    if missing.is_empty() {
        return String::new();
    }
    let mut pattern = String::from("[what]");
    for part in missing {
        pattern.push_str(match *part {
            "[how often]" => ", [how often]",
            "[for how long]" => ", sessions of [how long]",
            "[who: role and qualification]" => ", delivered by [role and qualification]",
            _ => ", individually or in a group of [N]",
        });
    }
    pattern
}

/// Equipment and adaptations: provision that is there all the time rather
/// than delivered in sessions.
static EQUIPMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:slope|writing\s+slope|pencil\s+grips?|grips?|ear\s+defenders|laptop|tablet|ipad|chair|seating|cushion|wobble\s+cushion|footrest|coloured\s+overlays?|overlays?|visual\s+timetable|timer|fidget\s+toys?|fidgets?|equipment|aids?|hearing\s+aids?|radio\s+aid|magnifier|enlarged\s+print|large\s+print|braille|software|device|communication\s+aid|workstation|quiet\s+space|safe\s+space|ramp|hoist|toilet\s+facilities|changing\s+facilities|lift|keyboard|splints?|standing\s+frame|wheelchair|resources|scribe|reader|rest\s+breaks|extra\s+time|access\s+arrangements)\b",
    )
    .expect("equipment regex")
});

static ACTIVITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sessions?|programmes?|intervention|teach\w*|therapy|tuition|training|coaching|mentoring|work(?:s|ing)?\s+with|practi[cs]e)\b")
        .expect("activity regex")
});

/// True when the item provides equipment or an adaptation, not sessions.
pub fn is_equipment(text: &str) -> bool {
    EQUIPMENT.is_match(text) && !ACTIVITY.is_match(text)
}
