//! What a batch keeps of each plan: one small row (never the plan itself),
//! so memory stays flat however many plans a folder holds.

use std::collections::BTreeMap;

use ehcp_core::edge::CheckReport;
use ehcp_core::plan::SectionId;
use ehcp_core::review::Rag;

/// How many of a plan's most frequent rules a row keeps.
pub const TOP_RULES: usize = 3;

/// One plan that was read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    /// The path relative to the folder (or glob base) given to `batch`.
    pub file: String,
    /// The report's own name for the plan: `plans/<name>.json` and
    /// `plans/<name>.html` (safe characters, unique).
    pub name: String,
    pub child: Option<String>,
    pub status: String,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// One rating per statutory section, in [`SectionId::STATUTORY`] order.
    pub rag: [Rag; 12],
    /// Every rule that fired and how often, most frequent first.
    pub rules: Vec<(String, usize)>,
    /// Needs read from the plan.
    pub needs: usize,
    /// Needs with no outcome or no provision.
    pub thread_gaps: usize,
}

/// One file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FailureRow {
    pub file: String,
    pub reason: String,
}

impl PlanRow {
    /// The row for a checked plan.
    pub fn new(file: &str, name: &str, report: &CheckReport) -> PlanRow {
        let mut rag = [Rag::Green; 12];
        for (slot, id) in rag.iter_mut().zip(SectionId::STATUTORY) {
            *slot = match report.summary.rag.get(id.as_str()).map(String::as_str) {
                Some("red") => Rag::Red,
                Some("amber") => Rag::Amber,
                _ => Rag::Green,
            };
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for finding in &report.findings {
            *counts.entry(finding.rule.as_str()).or_default() += 1;
        }
        let mut rules: Vec<(String, usize)> = counts
            .into_iter()
            .map(|(rule, n)| (rule.to_owned(), n))
            .collect();
        rules.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        PlanRow {
            file: file.to_owned(),
            name: name.to_owned(),
            child: report.plan.child.name.clone(),
            status: report.plan.status.clone(),
            errors: report.summary.error,
            warnings: report.summary.warning,
            infos: report.summary.info,
            rag,
            rules,
            needs: report.thread.len(),
            thread_gaps: report.thread.iter().filter(|t| !t.gaps.is_empty()).count(),
        }
    }

    /// Red with any error, amber with any warning, green otherwise.
    pub fn overall(&self) -> Rag {
        if self.errors > 0 {
            Rag::Red
        } else if self.warnings > 0 {
            Rag::Amber
        } else {
            Rag::Green
        }
    }

    /// The most frequent rules, as `rule ×n` joined by `; `.
    pub fn top_rules(&self) -> String {
        self.rules
            .iter()
            .take(TOP_RULES)
            .map(|(rule, n)| format!("{rule} ×{n}"))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// How many plans each rule fired in, most widespread first.
pub fn rule_frequency(rows: &[PlanRow]) -> Vec<(String, usize)> {
    let mut plans: BTreeMap<&str, usize> = BTreeMap::new();
    for row in rows {
        for (rule, _) in &row.rules {
            *plans.entry(rule.as_str()).or_default() += 1;
        }
    }
    let mut out: Vec<(String, usize)> = plans
        .into_iter()
        .map(|(rule, n)| (rule.to_owned(), n))
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}
