//! A finding: one thing a caseworker should look at, with where it is and how to fix it.

use std::fmt;
use std::ops::Range;

use crate::plan::SectionId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s.trim().to_ascii_lowercase().as_str() {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a finding points: a paragraph and a byte range of its visible text.
/// (The edge converts byte offsets to UTF-16 code units, as the contract says.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub paragraph: usize,
    pub range: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's stable id, e.g. `provision/vague-wording`.
    pub rule: &'static str,
    pub severity: Severity,
    /// The section it concerns; `None` for whole-plan findings.
    pub section: Option<SectionId>,
    /// The exact text it concerns; `None` for structural findings with no text
    /// (a missing section).
    pub location: Option<Location>,
    /// The quoted text (the visible text at `location`), empty when none.
    pub quote: String,
    /// What is wrong, in plain English.
    pub message: String,
    /// How to fix it, specific to this finding.
    pub help: String,
    /// The Code of Practice paragraph or case it rests on.
    pub reference: Option<&'static str>,
    /// The item it concerns (need, outcome, provision id), if any.
    pub item: Option<String>,
    /// How sure the rule is (1.0 when certain).
    pub confidence: f32,
}
