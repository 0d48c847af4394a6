//! The serde types at the edge: what `ehcp check --format json`, `ehcp
//! extract` and the add-in exchange (see `shared/spec/contract.md`). Field
//! names here are the contract; add fields freely, never rename or drop.
//!
//! Offsets here are UTF-16 code units (as JavaScript counts); the model's
//! byte offsets are converted once, in this module.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::docx::Document;
use crate::finding::Finding;
use crate::plan::{self, Item, Plan};
use crate::review::{Review, Summary};
use crate::text::utf16_offset;

pub const CHECK_SCHEMA: &str = "ehcp-check/1";
pub const PLAN_SCHEMA: &str = "ehcp-plan/1";

/// `ehcp check --format json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CheckReport {
    pub schema: String,
    pub file: String,
    pub plan: PlanJson,
    pub findings: Vec<FindingJson>,
    pub summary: SummaryJson,
    /// For each need: its outcomes and provision, and what is missing.
    pub thread: Vec<ThreadEntryJson>,
}

/// `ehcp extract`: the plan model.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ExtractReport {
    pub schema: String,
    pub file: String,
    pub plan: PlanJson,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PlanJson {
    pub child: ChildJson,
    /// "draft", "final" or "unknown".
    pub status: String,
    /// ISO date (YYYY-MM-DD, or YYYY-MM when no day is stated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_date: Option<String>,
    pub sections: Vec<SectionJson>,
    pub aspirations: Vec<ItemJson>,
    pub needs: Vec<ItemJson>,
    pub outcomes: Vec<ItemJson>,
    pub provision: Vec<ItemJson>,
    #[serde(default)]
    pub placement: Vec<ItemJson>,
    #[serde(default)]
    pub personal_budget: Vec<ItemJson>,
    #[serde(default)]
    pub advice: Vec<ItemJson>,
    pub links: Vec<LinkJson>,
    /// What the reader or extractor did not understand (never fatal).
    #[serde(default)]
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ChildJson {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_group: Option<i32>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SectionJson {
    pub id: String,
    pub heading: String,
    /// Index of the heading paragraph, when the section has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading_paragraph: Option<usize>,
    /// All text of the section (content paragraphs joined by newlines).
    pub text: String,
    pub paragraphs: Vec<ParagraphJson>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ParagraphJson {
    pub index: usize,
    pub text: String,
}

/// A need, outcome, provision, aspiration, placement, budget or advice item.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ItemJson {
    pub id: String,
    pub section: String,
    pub text: String,
    /// The item's first paragraph.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// True when the id is the plan's own numbering.
    pub id_from_document: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_frame: Option<String>,
    /// "long-term", "medium-term" or "short-term".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LinkJson {
    pub from: String,
    pub to: String,
    /// "table-row", "reference", "heading" or "inferred".
    pub evidence: String,
    /// 0.0–1.0; 1.0 for links the document states.
    pub score: f32,
    /// Why the items are linked, in words.
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct FindingJson {
    pub rule: String,
    /// "error", "warning" or "info".
    pub severity: String,
    #[serde(default)]
    pub section: Option<String>,
    /// Paragraph index (the contract's numbering); null for structural findings.
    pub paragraph: Option<usize>,
    /// UTF-16 offsets into the paragraph's visible text.
    #[serde(default)]
    pub start: Option<usize>,
    #[serde(default)]
    pub end: Option<usize>,
    pub quote: String,
    pub message: String,
    pub help: String,
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    pub confidence: f32,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SummaryJson {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    /// Section id → "red", "amber" or "green".
    pub rag: BTreeMap<String, String>,
}

/// One row of the thread map.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ThreadEntryJson {
    pub need: String,
    pub section: String,
    pub text: String,
    pub outcomes: Vec<String>,
    pub provision: Vec<String>,
    /// Aspirations the need's outcomes serve.
    pub aspirations: Vec<String>,
    /// What is missing: "outcome", "provision".
    pub gaps: Vec<String>,
}

impl CheckReport {
    pub fn new(file: &str, review: &Review) -> CheckReport {
        CheckReport {
            schema: CHECK_SCHEMA.into(),
            file: file.into(),
            plan: PlanJson::new(&review.document, &review.plan, &review.thread.links),
            findings: review
                .findings
                .iter()
                .map(|f| FindingJson::new(&review.document, f))
                .collect(),
            summary: SummaryJson::new(&review.summary()),
            thread: thread_map(review),
        }
    }
}

impl ExtractReport {
    pub fn new(file: &str, document: &Document, plan: &Plan) -> ExtractReport {
        ExtractReport {
            schema: PLAN_SCHEMA.into(),
            file: file.into(),
            plan: PlanJson::new(document, plan, &plan.links),
        }
    }
}

impl PlanJson {
    pub fn new(document: &Document, plan: &Plan, links: &[plan::Link]) -> PlanJson {
        let child = &plan.child;
        let paragraph_json = |i: usize| ParagraphJson {
            index: i,
            text: document.paragraphs[i].text.clone(),
        };
        let mut warnings: Vec<String> = document
            .warnings
            .iter()
            .map(|w| format!("{}: {}", w.part, w.message))
            .collect();
        warnings.extend(plan.warnings.iter().cloned());
        PlanJson {
            child: ChildJson {
                name: child.name.clone(),
                first_name: child.first_name.clone(),
                preferred_name: child.preferred_name.clone(),
                date_of_birth: child.date_of_birth.map(|d| d.to_string()),
                year_group: child.year_group,
            },
            status: plan.status.as_str().into(),
            plan_date: plan.plan_date.map(|d| d.to_string()),
            sections: plan
                .sections
                .iter()
                .map(|s| SectionJson {
                    id: s.id.as_str().into(),
                    heading: s.heading.clone(),
                    heading_paragraph: s.heading_paragraph,
                    text: s
                        .paragraphs
                        .iter()
                        .map(|&i| document.paragraphs[i].text.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                    paragraphs: s.paragraphs.iter().map(|&i| paragraph_json(i)).collect(),
                })
                .collect(),
            aspirations: plan.aspirations.iter().map(ItemJson::from_item).collect(),
            needs: plan
                .needs
                .iter()
                .map(|n| ItemJson::from_item(&n.item))
                .collect(),
            outcomes: plan
                .outcomes
                .iter()
                .map(|o| ItemJson {
                    time_frame: o.time_frame.clone(),
                    term: o.term.map(|t| {
                        match t {
                            plan::OutcomeTerm::LongTerm => "long-term",
                            plan::OutcomeTerm::MediumTerm => "medium-term",
                            plan::OutcomeTerm::ShortTerm => "short-term",
                        }
                        .into()
                    }),
                    ..ItemJson::from_item(&o.item)
                })
                .collect(),
            provision: plan
                .provision
                .iter()
                .map(|p| ItemJson {
                    what: p.what.clone(),
                    who: p.who.clone(),
                    frequency: p.frequency.clone(),
                    duration: p.duration.clone(),
                    group: p.group.clone(),
                    ..ItemJson::from_item(&p.item)
                })
                .collect(),
            placement: plan.placement.iter().map(ItemJson::from_item).collect(),
            personal_budget: plan
                .personal_budget
                .iter()
                .map(ItemJson::from_item)
                .collect(),
            advice: plan
                .advice
                .iter()
                .map(|a| ItemJson {
                    author: a.author.clone(),
                    role: a.role.clone(),
                    date: a.date.map(|d| d.to_string()),
                    ..ItemJson::from_item(&a.item)
                })
                .collect(),
            links: links.iter().map(LinkJson::from_link).collect(),
            warnings,
        }
    }
}

impl ItemJson {
    fn from_item(item: &Item) -> ItemJson {
        ItemJson {
            id: item.id.clone(),
            section: item.section.as_str().into(),
            text: item.text.clone(),
            paragraph: item.first_paragraph(),
            id_from_document: item.id_from_document,
            area: item.area.map(|a| a.as_str().into()),
            heading: item.heading.clone(),
            time_frame: None,
            term: None,
            what: None,
            who: None,
            frequency: None,
            duration: None,
            group: None,
            author: None,
            role: None,
            date: None,
        }
    }
}

impl LinkJson {
    pub fn from_link(link: &plan::Link) -> LinkJson {
        LinkJson {
            from: link.from.clone(),
            to: link.to.clone(),
            evidence: link.evidence.as_str().into(),
            score: (link.score * 100.0).round() / 100.0,
            detail: link.detail.clone(),
        }
    }
}

impl FindingJson {
    pub fn new(document: &Document, finding: &Finding) -> FindingJson {
        let (paragraph, start, end) = match &finding.location {
            Some(location) => {
                let text = document
                    .paragraphs
                    .get(location.paragraph)
                    .map_or("", |p| p.text.as_str());
                (
                    Some(location.paragraph),
                    Some(utf16_offset(text, location.range.start)),
                    Some(utf16_offset(text, location.range.end)),
                )
            }
            None => (None, None, None),
        };
        FindingJson {
            rule: finding.rule.into(),
            severity: finding.severity.as_str().into(),
            section: finding.section.map(|s| s.as_str().into()),
            paragraph,
            start,
            end,
            quote: finding.quote.clone(),
            message: finding.message.clone(),
            help: finding.help.clone(),
            reference: finding.reference.map(Into::into),
            item: finding.item.clone(),
            confidence: (finding.confidence * 100.0).round() / 100.0,
        }
    }
}

impl SummaryJson {
    pub fn new(summary: &Summary) -> SummaryJson {
        SummaryJson {
            error: summary.errors,
            warning: summary.warnings,
            info: summary.infos,
            rag: summary
                .rag
                .iter()
                .map(|(id, rag)| (id.as_str().to_owned(), rag.as_str().to_owned()))
                .collect(),
        }
    }
}

/// For each need, the outcomes and provision the thread graph links to it.
pub fn thread_map(review: &Review) -> Vec<ThreadEntryJson> {
    let plan = &review.plan;
    let graph = &review.thread;
    let is_outcome = |id: &str| plan.outcomes.iter().any(|o| o.item.id == id);
    let is_provision = |id: &str| plan.provision.iter().any(|p| p.item.id == id);
    let is_aspiration = |id: &str| plan.aspirations.iter().any(|a| a.id == id);
    plan.needs
        .iter()
        .map(|need| {
            let id = need.item.id.as_str();
            let mut outcomes: Vec<String> = graph
                .linked(id)
                .filter(|l| is_outcome(l))
                .map(Into::into)
                .collect();
            outcomes.sort();
            outcomes.dedup();
            // Provision linked to the need directly or through its outcomes.
            let mut provision: Vec<String> = graph
                .linked(id)
                .chain(outcomes.iter().flat_map(|o| graph.linked(o)))
                .filter(|l| is_provision(l))
                .map(Into::into)
                .collect();
            provision.sort();
            provision.dedup();
            let mut aspirations: Vec<String> = outcomes
                .iter()
                .flat_map(|o| graph.linked(o))
                .chain(graph.linked(id))
                .filter(|l| is_aspiration(l))
                .map(Into::into)
                .collect();
            aspirations.sort();
            aspirations.dedup();
            let mut gaps = Vec::new();
            if outcomes.is_empty() {
                gaps.push("outcome".into());
            }
            if provision.is_empty() {
                gaps.push("provision".into());
            }
            ThreadEntryJson {
                need: id.into(),
                section: need.item.section.as_str().into(),
                text: need.item.text.clone(),
                outcomes,
                provision,
                aspirations,
                gaps,
            }
        })
        .collect()
}
