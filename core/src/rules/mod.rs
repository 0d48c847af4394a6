//! The rule catalogue. Each rule is one small file with its documentation
//! (id, default severity, summary, rationale, reference, example and fix) and
//! its detection code; [`REGISTRY`] lists them all, in catalogue order.

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
pub static REGISTRY: &[&dyn Rule] = &[];

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
