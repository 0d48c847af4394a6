//! `ehcp convert --to docx`: the plan model written out as a fresh Word
//! document in a clean statutory layout, with docx-rs:
//!
//! - a title with the child's name and a child-details table;
//! - sections A–K in order (H1 and H2 apart, or "H" when the source could
//!   not tell them apart), each with a `Heading 1` "Section X: title";
//! - the items of each section in a table with an explicit id column and
//!   link columns naming the linked items by id (needs: Need id | Need |
//!   Area of need | Outcomes | Provision; outcomes: … | Needs | Provision |
//!   Aspirations; provision: … | Who | How often | How long | Group |
//!   Needs | Outcomes; advice in K: Advice | Author | Role | Date);
//! - a section with no item keeps its text as paragraphs ("No health needs
//!   have been identified"), and text of a section that is not part of any
//!   item is kept above its table; a section the source lacks stays missing.
//!
//! Reading the result back with `ehcp extract` gives the same model.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use docx_rs::{
    Docx, Paragraph, Run, RunFonts, Style, StyleType, Table, TableCell, TableRow, WidthType,
};
use ehcp_core::edge::{ItemJson, PlanJson};
use ehcp_core::plan::SectionId;

/// Text of each section that belongs to no item, by section id (`"B"`).
pub type Narrative = BTreeMap<String, Vec<String>>;

/// The narrative of every section: its paragraphs that are in no item.
pub fn narrative(document: &ehcp_core::Document, plan: &ehcp_core::Plan) -> Narrative {
    let covered: BTreeSet<usize> = plan
        .items()
        .flat_map(|i| i.spans.iter().map(|s| s.paragraph))
        .collect();
    let mut out = Narrative::new();
    for section in &plan.sections {
        let texts = section
            .paragraphs
            .iter()
            .filter(|p| !covered.contains(p))
            .filter_map(|&p| document.paragraphs.get(p))
            .map(|p| p.text.trim().to_owned())
            .filter(|t| !t.is_empty());
        out.entry(section.id.as_str().to_owned())
            .or_default()
            .extend(texts);
    }
    out
}

/// Characters XML 1.0 allows; tabs and line breaks become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\r' | '\n' => ' ',
            c if c.is_control() => ' ',
            '\u{FFFE}' | '\u{FFFF}' => ' ',
            c => c,
        })
        .collect()
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(clean(text)))
}

/// A cell holding `text`, one paragraph per line.
fn cell(text: &str) -> TableCell {
    let mut cell = TableCell::new();
    let mut any = false;
    for line in text.split('\n') {
        cell = cell.add_paragraph(para(line));
        any = true;
    }
    if !any {
        cell = cell.add_paragraph(Paragraph::new());
    }
    cell
}

fn header_cell(text: &str) -> TableCell {
    TableCell::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(clean(text)).bold()))
        .shading(docx_rs::Shading::new().fill("D9E2F3"))
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> Table {
    let mut out = vec![TableRow::new(header.iter().map(|h| header_cell(h)).collect())];
    for row in rows {
        out.push(TableRow::new(row.iter().map(|t| cell(t)).collect()));
    }
    Table::new(out).width(5000, WidthType::Pct)
}

/// "2014-03-02" → "2 March 2014"; "2014-03" → "March 2014"; anything else as is.
pub fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let parts: Vec<&str> = iso.split('-').collect();
    let month = parts
        .get(1)
        .and_then(|m| m.parse::<usize>().ok())
        .filter(|m| (1..=12).contains(m))
        .map(|m| MONTHS[m - 1]);
    match (parts.as_slice(), month) {
        ([year, _], Some(month)) => format!("{month} {year}"),
        ([year, _, day], Some(month)) => match day.parse::<u32>() {
            Ok(day) => format!("{day} {month} {year}"),
            Err(_) => iso.to_owned(),
        },
        _ => iso.to_owned(),
    }
}

/// Ids linked to `id` among `candidates`, in the order of `candidates`.
fn linked(plan: &PlanJson, id: &str, candidates: &[ItemJson]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for candidate in candidates {
        let other = candidate.id.as_str();
        let is_linked = plan
            .links
            .iter()
            .any(|l| (l.from == id && l.to == other) || (l.to == id && l.from == other));
        if is_linked && !out.contains(&other) {
            out.push(other);
        }
    }
    out.join(", ")
}

fn or_empty(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// The sections to write, in statutory order: H1 and H2 apart unless the
/// source only had one "H".
fn section_order(plan: &PlanJson) -> Vec<SectionId> {
    let has = |id: &str| plan.sections.iter().any(|s| s.id == id);
    let single_h = has("H") && !has("H1") && !has("H2");
    let mut out = Vec::new();
    for id in SectionId::STATUTORY {
        match id {
            SectionId::H1 if single_h => out.push(SectionId::H),
            SectionId::H2 if single_h => {}
            id => out.push(id),
        }
    }
    out
}

/// The plan as a new DOCX package.
pub fn plan_docx(plan: &PlanJson, narrative: &Narrative) -> anyhow::Result<Vec<u8>> {
    let mut docx = Docx::new()
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(22)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(48)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .based_on("Normal")
                .next("Normal")
                .outline_lvl(0)
                .size(32)
                .bold()
                .color("1F3864"),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .based_on("Normal")
                .next("Normal")
                .outline_lvl(1)
                .size(26)
                .bold(),
        );

    let child_name = plan.child.name.as_deref().unwrap_or("");
    let title = if child_name.is_empty() {
        "Education, Health and Care Plan".to_string()
    } else {
        format!("Education, Health and Care Plan: {child_name}")
    };
    docx = docx.add_paragraph(para(&title).style("Title"));

    let child = &plan.child;
    let mut details: Vec<Vec<String>> = Vec::new();
    if let Some(name) = &child.name {
        details.push(vec!["Name".into(), name.clone()]);
    }
    if let Some(preferred) = &child.preferred_name {
        details.push(vec!["Known as".into(), preferred.clone()]);
    }
    if let Some(dob) = &child.date_of_birth {
        details.push(vec!["Date of birth".into(), long_date(dob)]);
    }
    if let Some(year) = child.year_group {
        let year = if year == 0 {
            "Reception".to_string()
        } else {
            format!("Year {year}")
        };
        details.push(vec!["Year group".into(), year]);
    }
    let status = match plan.status.as_str() {
        "draft" => Some("Draft"),
        "final" => Some("Final"),
        _ => None,
    };
    if let Some(status) = status {
        details.push(vec!["Plan status".into(), status.into()]);
    }
    if let Some(date) = &plan.plan_date {
        details.push(vec!["Date of plan".into(), long_date(date)]);
    }
    if !details.is_empty() {
        docx = docx.add_table(table(&["Child's details", ""], details));
    }

    for id in section_order(plan) {
        let key = id.as_str();
        if !plan.sections.iter().any(|s| s.id == key) {
            // A section the source lacks stays missing: the copy must say
            // what the plan says, and the checker will flag it again.
            continue;
        }
        let heading = format!("Section {key}: {}", id.title());
        docx = docx.add_paragraph(para(&heading).style("Heading1"));
        let own = |items: &[ItemJson]| -> Vec<ItemJson> {
            items.iter().filter(|i| i.section == key).cloned().collect()
        };
        let needs = own(&plan.needs);
        let outcomes = own(&plan.outcomes);
        let provision = own(&plan.provision);
        let aspirations = own(&plan.aspirations);
        let placement = own(&plan.placement);
        let budget = own(&plan.personal_budget);
        let advice = own(&plan.advice);
        for text in narrative.get(key).into_iter().flatten() {
            docx = docx.add_paragraph(para(text));
        }
        if !aspirations.is_empty() {
            let rows = aspirations
                .iter()
                .map(|a| vec![a.id.clone(), a.text.clone()])
                .collect();
            docx = docx.add_table(table(&["Aspiration id", "Aspiration"], rows));
        }
        if !needs.is_empty() {
            let rows = needs
                .iter()
                .map(|n| {
                    vec![
                        n.id.clone(),
                        n.text.clone(),
                        or_empty(&n.area),
                        linked(plan, &n.id, &plan.outcomes),
                        linked(plan, &n.id, &plan.provision),
                    ]
                })
                .collect();
            docx = docx.add_table(table(
                &["Need id", "Need", "Area of need", "Outcomes", "Provision"],
                rows,
            ));
        }
        if !outcomes.is_empty() {
            let rows = outcomes
                .iter()
                .map(|o| {
                    vec![
                        o.id.clone(),
                        o.text.clone(),
                        or_empty(&o.time_frame),
                        linked(plan, &o.id, &plan.needs),
                        linked(plan, &o.id, &plan.provision),
                        linked(plan, &o.id, &plan.aspirations),
                    ]
                })
                .collect();
            docx = docx.add_table(table(
                &[
                    "Outcome id",
                    "Outcome",
                    "Time frame",
                    "Needs",
                    "Provision",
                    "Aspirations",
                ],
                rows,
            ));
        }
        if !provision.is_empty() {
            let rows = provision
                .iter()
                .map(|p| {
                    vec![
                        p.id.clone(),
                        p.text.clone(),
                        or_empty(&p.who),
                        or_empty(&p.frequency),
                        or_empty(&p.duration),
                        or_empty(&p.group),
                        linked(plan, &p.id, &plan.needs),
                        linked(plan, &p.id, &plan.outcomes),
                    ]
                })
                .collect();
            docx = docx.add_table(table(
                &[
                    "Provision id",
                    "Provision",
                    "Who",
                    "How often",
                    "How long",
                    "Group",
                    "Needs",
                    "Outcomes",
                ],
                rows,
            ));
        }
        for item in placement.iter().chain(budget.iter()) {
            for line in item.text.split('\n') {
                docx = docx.add_paragraph(para(line));
            }
        }
        if !advice.is_empty() {
            let rows = advice
                .iter()
                .map(|a| {
                    vec![
                        a.text.clone(),
                        or_empty(&a.author),
                        or_empty(&a.role),
                        a.date.as_deref().map(long_date).unwrap_or_default(),
                    ]
                })
                .collect();
            docx = docx.add_table(table(&["Advice", "Author", "Role", "Date"], rows));
        }
    }

    let mut buffer = Cursor::new(Vec::new());
    docx.build()
        .pack(&mut buffer)
        .map_err(|e| anyhow::anyhow!("cannot write the document: {e}"))?;
    Ok(buffer.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates() {
        assert_eq!(long_date("2014-03-02"), "2 March 2014");
        assert_eq!(long_date("2025-11"), "November 2025");
        assert_eq!(long_date("soon"), "soon");
        assert_eq!(long_date("2025-13-01"), "2025-13-01");
    }

    #[test]
    fn cleans_characters_xml_forbids() {
        assert_eq!(clean("a\u{1}b\tc\u{FFFF}"), "a b c ");
    }
}
