//! A plan under review: the document, the plan read from it, its thread graph
//! and the findings. What `check` returns and what the edge serialises.

use std::collections::BTreeMap;

use crate::analysis::Lexicon;
use crate::docx::Document;
use crate::finding::{Finding, Severity};
use crate::plan::{Plan, SectionId};
use crate::thread::ThreadGraph;

/// What every rule sees.
#[derive(Debug)]
pub struct CheckContext<'a> {
    pub document: &'a Document,
    pub plan: &'a Plan,
    pub thread: &'a ThreadGraph,
    pub lexicon: &'a Lexicon,
}

/// The result of checking one plan.
#[derive(Debug, Clone)]
pub struct Review {
    pub document: Document,
    pub plan: Plan,
    pub thread: ThreadGraph,
    /// In document order (paragraph, then offset), structural findings first.
    pub findings: Vec<Finding>,
}

/// Red, amber or green for one section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rag {
    Green,
    Amber,
    Red,
}

impl Rag {
    pub fn as_str(self) -> &'static str {
        match self {
            Rag::Green => "green",
            Rag::Amber => "amber",
            Rag::Red => "red",
        }
    }
}

/// Counts per severity and the RAG rating of each statutory section.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Every statutory section (A … K, H1 and H2 apart): red with any
    /// error, amber with any warning, green otherwise.
    pub rag: BTreeMap<SectionId, Rag>,
}

impl Review {
    pub fn summary(&self) -> Summary {
        summarise(&self.findings)
    }

    /// True when any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// Counts and per-section RAG for a set of findings.
pub fn summarise(findings: &[Finding]) -> Summary {
    let mut summary = Summary::default();
    for id in SectionId::STATUTORY {
        summary.rag.insert(id, Rag::Green);
    }
    for finding in findings {
        let rag = match finding.severity {
            Severity::Error => {
                summary.errors += 1;
                Rag::Red
            }
            Severity::Warning => {
                summary.warnings += 1;
                Rag::Amber
            }
            Severity::Info => {
                summary.infos += 1;
                Rag::Green
            }
        };
        let sections: &[SectionId] = match finding.section {
            Some(SectionId::H) => &[SectionId::H1, SectionId::H2],
            Some(ref id) => std::slice::from_ref(id),
            None => &[],
        };
        for id in sections {
            let entry = summary.rag.entry(*id).or_insert(Rag::Green);
            *entry = (*entry).max(rag);
        }
    }
    summary
}
