//! A small plan text format for rule fixtures, parsed into a `Document` and
//! a `Plan` the way the extractor would build them.
//!
//! ```text
//! // a comment
//! @child Claire Smith        the child's full name (first name = first word)
//! @preferred Claire          preferred name
//! @dob 2014-05-02            date of birth
//! @year 7                    stated year group (0 = Reception)
//! @status draft|final        the plan's status
//! @date 2026-03-01           the plan's date
//! @link B1 E1 F1             a stated chain: every pair is linked (evidence: reference)
//! @author K1 Dr Ann Patel    the author of an advice entry
//! # Section B: Special educational needs     a heading paragraph (starts a section)
//! ## Communication and interaction            a sub-heading paragraph (area of need)
//! B1: Claire needs …         an item numbered by the plan (the paragraph is the whole line)
//! Claire enjoys …            an item the plan does not number (id assigned: B-2)
//! + more text                a further paragraph of the previous item
//! ~                          an empty paragraph
//! ```
#![allow(dead_code)]

use std::sync::LazyLock;

use ehcp_core::docx::Document;
use ehcp_core::plan::{
    Advice, AreaOfNeed, HeadingCue, Item, Link, LinkEvidence, Need, Outcome, Plan, PlanStatus,
    Provision, Section, SectionId, TextSpan,
};
use ehcp_core::text::Date;
use regex::Regex;

static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bsection\s+(H1|H2|[A-K])\b").expect("section regex"));
static ITEM_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:H1|H2|[A-K])\d+(?:\.\d+)?)[:.]?\s+").expect("id regex"));

fn date(s: &str) -> Date {
    let parts: Vec<&str> = s.trim().split('-').collect();
    Date {
        year: parts[0].parse().expect("year"),
        month: parts[1].parse().expect("month"),
        day: parts.get(2).map(|d| d.parse().expect("day")),
    }
}

fn area(heading: &str) -> Option<AreaOfNeed> {
    let h = heading.to_lowercase();
    if h.contains("communication") {
        Some(AreaOfNeed::CommunicationAndInteraction)
    } else if h.contains("cognition") {
        Some(AreaOfNeed::CognitionAndLearning)
    } else if h.contains("emotional") {
        Some(AreaOfNeed::SocialEmotionalMentalHealth)
    } else if h.contains("sensory") || h.contains("physical") {
        Some(AreaOfNeed::SensoryPhysical)
    } else if h.contains("adulthood") {
        Some(AreaOfNeed::PreparingForAdulthood)
    } else {
        None
    }
}

/// A fixture read into the document and plan the rules see.
pub fn parse(text: &str) -> (Document, Plan) {
    let mut plan = Plan::default();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut heading_levels: Vec<(usize, u8)> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut chains: Vec<Vec<String>> = Vec::new();
    let mut authors: Vec<(String, String)> = Vec::new();
    let mut current: Option<usize> = None; // index into plan.sections
    let mut sub_heading: Option<String> = None;
    let mut counters: std::collections::HashMap<SectionId, usize> = Default::default();

    for line in text.lines() {
        let trimmed = line.trim_end();
        if trimmed.trim().is_empty() || trimmed.starts_with("//") {
            continue;
        }
        if let Some(directive) = trimmed.strip_prefix('@') {
            let (key, value) = directive.split_once(' ').unwrap_or((directive, ""));
            let value = value.trim();
            match key {
                "child" => {
                    plan.child.name = Some(value.to_owned());
                    plan.child.first_name = value.split_whitespace().next().map(str::to_owned);
                }
                "preferred" => plan.child.preferred_name = Some(value.to_owned()),
                "dob" => plan.child.date_of_birth = Some(date(value)),
                "year" => plan.child.year_group = Some(value.parse().expect("year group")),
                "status" => {
                    plan.status = match value {
                        "draft" => PlanStatus::Draft,
                        "final" => PlanStatus::Final,
                        _ => PlanStatus::Unknown,
                    }
                }
                "date" => plan.plan_date = Some(date(value)),
                "link" => chains.push(value.split_whitespace().map(str::to_owned).collect()),
                "author" => {
                    let (id, name) = value.split_once(' ').expect("@author ID NAME");
                    authors.push((id.to_owned(), name.to_owned()));
                }
                other => panic!("unknown fixture directive @{other}"),
            }
            continue;
        }
        let index = paragraphs.len();
        if let Some(heading) = trimmed.strip_prefix("## ") {
            paragraphs.push(heading.to_owned());
            heading_levels.push((index, 1));
            sub_heading = Some(heading.to_owned());
            if let Some(s) = current {
                plan.sections[s].paragraphs.push(index);
            }
            continue;
        }
        if let Some(heading) = trimmed.strip_prefix("# ") {
            paragraphs.push(heading.to_owned());
            heading_levels.push((index, 0));
            sub_heading = None;
            match SECTION
                .captures(heading)
                .and_then(|c| SectionId::parse(&c[1]))
            {
                Some(id) => {
                    plan.sections.push(Section {
                        id,
                        heading_paragraph: Some(index),
                        heading: heading.to_owned(),
                        found_by: HeadingCue::HeadingStyle,
                        paragraphs: Vec::new(),
                        none_statement: false,
                    });
                    current = Some(plan.sections.len() - 1);
                }
                None => current = None,
            }
            continue;
        }
        if trimmed == "~" {
            paragraphs.push(String::new());
            if let Some(s) = current {
                plan.sections[s].paragraphs.push(index);
            }
            continue;
        }
        if let Some(more) = trimmed.strip_prefix("+ ") {
            paragraphs.push(more.to_owned());
            if let Some(s) = current {
                plan.sections[s].paragraphs.push(index);
            }
            let item = items.last_mut().expect("'+' continues an item");
            item.text.push('\n');
            item.spans.push(TextSpan {
                item_offset: item.text.len(),
                paragraph: index,
                paragraph_range: 0..more.len(),
            });
            item.text.push_str(more);
            continue;
        }
        paragraphs.push(trimmed.to_owned());
        let Some(s) = current else { continue };
        plan.sections[s].paragraphs.push(index);
        let section = plan.sections[s].id;
        let (id, from_document, start) = match ITEM_ID.captures(trimmed) {
            Some(c) => (c[1].to_owned(), true, c.get(0).map_or(0, |m| m.end())),
            None => {
                let n = counters.entry(section).or_default();
                *n += 1;
                (format!("{section}-{n}"), false, 0)
            }
        };
        let body = &trimmed[start..];
        items.push(Item {
            id,
            id_from_document: from_document,
            section,
            text: body.to_owned(),
            spans: vec![TextSpan {
                item_offset: 0,
                paragraph: index,
                paragraph_range: start..trimmed.len(),
            }],
            area: sub_heading.as_deref().and_then(area),
            heading: sub_heading.clone(),
            cell: None,
        });
    }

    for item in items {
        match item.section {
            SectionId::A => plan.aspirations.push(item),
            SectionId::B | SectionId::C | SectionId::D => plan.needs.push(Need { item }),
            SectionId::E => plan.outcomes.push(Outcome {
                item,
                time_frame: None,
                term: None,
            }),
            SectionId::F | SectionId::G | SectionId::H | SectionId::H1 | SectionId::H2 => {
                plan.provision.push(Provision {
                    item,
                    what: None,
                    who: None,
                    frequency: None,
                    duration: None,
                    group: None,
                })
            }
            SectionId::I => plan.placement.push(item),
            SectionId::J => plan.personal_budget.push(item),
            SectionId::K => {
                let author = authors
                    .iter()
                    .find(|(id, _)| *id == item.id)
                    .map(|(_, a)| a.clone());
                plan.advice.push(Advice {
                    item,
                    author,
                    role: None,
                    date: None,
                })
            }
        }
    }
    for section in &mut plan.sections {
        let texts: Vec<&str> = section
            .paragraphs
            .iter()
            .map(|&p| paragraphs[p].as_str())
            .filter(|t| !t.trim().is_empty())
            .collect();
        section.none_statement = !texts.is_empty()
            && texts
                .iter()
                .all(|t| ehcp_core::analysis::words::is_none_statement(t));
    }
    for chain in chains {
        for (i, from) in chain.iter().enumerate() {
            for to in &chain[i + 1..] {
                plan.links.push(Link {
                    from: from.clone(),
                    to: to.clone(),
                    evidence: LinkEvidence::Reference,
                    score: 1.0,
                    detail: format!("the plan links {from} and {to}"),
                });
            }
        }
    }
    if let Some(name) = &plan.child.name {
        plan.child.source = paragraphs.iter().position(|p| p.contains(name.as_str()));
    }

    let mut document = Document::from_texts(paragraphs.iter().map(String::as_str));
    for (index, level) in heading_levels {
        let p = &mut document.paragraphs[index];
        p.outline_level = Some(level);
        p.bold = true;
        p.style_name = Some(format!("Heading {}", level + 1));
        p.style_id = Some(format!("Heading{}", level + 1));
    }
    (document, plan)
}
