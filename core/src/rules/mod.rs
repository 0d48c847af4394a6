//! The rule catalogue. Each rule is one small file with its documentation
//! (id, default severity, summary, rationale, reference, example and fix) and
//! its detection code; [`REGISTRY`] lists them all, in catalogue order.

pub mod consistency;
pub mod language;
pub mod outcome;
pub mod provision;
pub mod structure;
pub mod support;
pub mod thread;

use crate::config::{Config, RuleSetting};
use crate::finding::{Finding, Severity};
use crate::review::CheckContext;

/// A rule's documentation, shown by `ehcp rules ID` and checked by a test.
#[derive(Debug)]
pub struct RuleDoc {
    /// Stable id, e.g. `provision/vague-wording`.
    pub id: &'static str,
    pub severity: Severity,
    /// One line: when it fires.
    pub summary: &'static str,
    /// Why it matters, for a caseworker.
    pub rationale: &'static str,
    /// The Code of Practice paragraph, regulation or case.
    pub reference: &'static str,
    /// Wording that triggers the rule.
    pub example: &'static str,
    /// The same wording fixed.
    pub fix: &'static str,
}

/// A rule: documentation plus detection.
pub trait Rule: Sync {
    fn doc(&self) -> &'static RuleDoc;
    /// Adds this rule's findings (at the rule's default severity).
    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>);
}

/// Every rule, in catalogue order.
pub static REGISTRY: &[&dyn Rule] = &[
    &structure::missing_section::MissingSection,
    &structure::empty_section::EmptySection,
    &structure::placeholder_text::PlaceholderText,
    &structure::section_order::SectionOrder,
    &structure::h_not_split::HNotSplit,
    &thread::need_without_outcome::NeedWithoutOutcome,
    &thread::need_without_provision::NeedWithoutProvision,
    &thread::outcome_without_need::OutcomeWithoutNeed,
    &thread::outcome_without_provision::OutcomeWithoutProvision,
    &thread::provision_without_need::ProvisionWithoutNeed,
    &thread::aspiration_not_reflected::AspirationNotReflected,
    &provision::vague_wording::VagueWording,
    &provision::not_quantified::NotQuantified,
    &provision::provider_unspecified::ProviderUnspecified,
    &provision::therapy_in_health_section::TherapyInHealthSection,
    &provision::delegated_decision::DelegatedDecision,
    &provision::unilateral_change::UnilateralChange,
    &provision::funding_not_provision::FundingNotProvision,
    &provision::duplicated::Duplicated,
    &outcome::not_time_bound::NotTimeBound,
    &outcome::not_measurable::NotMeasurable,
    &outcome::describes_provision::DescribesProvision,
    &outcome::missing_adulthood::MissingAdulthood,
    &consistency::name_mismatch::NameMismatch,
    &consistency::pronoun_mismatch::PronounMismatch,
    &consistency::placement_in_draft::PlacementInDraft,
    &consistency::stale_advice::StaleAdvice,
    &consistency::age_mismatch::AgeMismatch,
    &language::unexplained_acronym::UnexplainedAcronym,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.doc().id == id)
}

/// Runs every enabled rule and applies the configuration's severities.
pub fn run(context: &CheckContext<'_>, config: &Config) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in REGISTRY {
        let setting = config.rule_setting(rule.doc().id);
        if setting == Some(RuleSetting::Off) {
            continue;
        }
        let start = findings.len();
        rule.check(context, &mut findings);
        if let Some(RuleSetting::Severity(severity)) = setting {
            // Only the rule's default severity is overridden: a finding the
            // rule itself marked as unsure (info) stays so.
            for finding in &mut findings[start..] {
                if finding.severity == rule.doc().severity {
                    finding.severity = severity;
                }
            }
        }
    }
    findings
}
