//! `ehcp convert --to docx`: the plan model written out as a fresh Word
//! document in a clean statutory layout, with docx-rs:
//!
//! - a title with the child's name and a child-details table;
//! - sections A–K in order (H1 and H2 apart, or "H" when the source could
//!   not tell them apart), each with a `Heading 1` "Section X: title";
//! - the items of each section in a table with an explicit id column and
//!   link columns naming the linked items by id (needs: ID | Need |
//!   Outcomes | Provision; outcomes: ID | Outcome | Time frame | Needs |
//!   Provision; provision: ID | Provision | Who | How often | How long | Group size |
//!   Needs | Outcomes; advice in K: Advice | Author | Role | Date;
//!   aspirations as paragraphs under a "My aspirations" sub-heading, as
//!   plans write them);
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

/// One line of a section's own text (not part of any item).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NarrativeLine {
    pub text: String,
    /// A sub-heading in the source ("What is important to Claire").
    pub heading: bool,
}

/// Text of each section that belongs to no item, by section id (`"B"`).
pub type Narrative = BTreeMap<String, Vec<NarrativeLine>>;

/// The narrative of every section: its paragraphs that are in no item and
/// not in a table the items were read from (those cells are items, their
/// details or header rows, which the new tables restate). Sub-headings
/// are kept only when text follows them (the areas of need are restated
/// in the tables' "Area of need" column).
pub fn narrative(document: &ehcp_core::Document, plan: &ehcp_core::Plan) -> Narrative {
    let covered: BTreeSet<usize> = plan
        .items()
        .flat_map(|i| i.spans.iter().map(|s| s.paragraph))
        .collect();
    let item_tables: BTreeSet<usize> = covered
        .iter()
        .filter_map(|&p| document.paragraphs.get(p)?.cell.map(|c| c.table))
        .collect();
    let in_item_table = |p: &ehcp_core::docx::Paragraph| {
        let Some(mut cell) = p.cell else {
            return false;
        };
        loop {
            if item_tables.contains(&cell.table) {
                return true;
            }
            match document.tables.get(cell.table).and_then(|t| t.parent) {
                Some(parent) => cell = parent,
                None => return false,
            }
        }
    };
    let mut out = Narrative::new();
    for section in &plan.sections {
        let mut lines: Vec<NarrativeLine> = Vec::new();
        for paragraph in section
            .paragraphs
            .iter()
            .filter(|p| !covered.contains(p))
            .filter_map(|&p| document.paragraphs.get(p))
            .filter(|p| !in_item_table(p))
        {
            let text = paragraph.text.trim();
            if text.is_empty() {
                continue;
            }
            lines.push(NarrativeLine {
                text: text.to_owned(),
                heading: ehcp_core::plan::vocabulary::is_subheading(paragraph),
            });
        }
        // Drop sub-headings with no text of their own below them.
        let keep: Vec<bool> = (0..lines.len())
            .map(|i| !lines[i].heading || lines.get(i + 1).is_some_and(|next| !next.heading))
            .collect();
        let lines = lines
            .into_iter()
            .zip(keep)
            .filter_map(|(line, keep)| keep.then_some(line));
        out.entry(section.id.as_str().to_owned())
            .or_default()
            .extend(lines);
    }
    out
}

/// The letter an item id starts with in a section ("H" for H, H1 and H2).
fn id_letter(section: &str) -> &str {
    if section.starts_with('H') {
        "H"
    } else {
        section
    }
}

/// Whether an id is one the reader finds again as this section's numbering
/// and as a reference: "B1", "E2.1", "F3a", "Outcome 3".
fn is_clean_id(id: &str, section: &str) -> bool {
    let letter = id_letter(section);
    if let Some(rest) = id.strip_prefix(letter) {
        let mut parts = rest
            .trim_end_matches(|c: char| c.is_ascii_lowercase())
            .split('.');
        let ok = parts.clone().count() <= 3
            && parts.all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
        return ok && rest.len() <= 9;
    }
    let word = match section {
        "A" => "Aspiration ",
        "B" | "C" | "D" => "Need ",
        "E" => "Outcome ",
        _ if section.starts_with(['F', 'G', 'H']) => "Provision ",
        _ => return false,
    };
    id.strip_prefix(word).is_some_and(|n| {
        let parts: Vec<&str> = n.split('.').collect();
        parts.len() <= 2
            && parts
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// The ids the new document gives the items: the plan's own where the
/// reader will find them again; otherwise the section letter and the next
/// free number ("B-2" becomes "B2"), so every item is numbered and every
/// link can be stated by id.
pub fn document_ids(plan: &PlanJson) -> BTreeMap<String, String> {
    let all: Vec<&ItemJson> = [
        &plan.aspirations,
        &plan.needs,
        &plan.outcomes,
        &plan.provision,
        &plan.placement,
        &plan.personal_budget,
        &plan.advice,
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut used: BTreeSet<String> = all
        .iter()
        .filter(|i| is_clean_id(&i.id, &i.section))
        .map(|i| i.id.clone())
        .collect();
    let mut out = BTreeMap::new();
    for item in all {
        if is_clean_id(&item.id, &item.section) {
            out.insert(item.id.clone(), item.id.clone());
            continue;
        }
        let letter = id_letter(&item.section);
        // "B-2" → "B2" when free; otherwise the next free number.
        let wanted = item
            .id
            .rsplit('-')
            .next()
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| *n < 100)
            .map(|n| format!("{letter}{n}"));
        let id = wanted
            .filter(|w| !used.contains(w))
            .or_else(|| {
                (1..100)
                    .map(|n| format!("{letter}{n}"))
                    .find(|c| !used.contains(c))
            })
            .unwrap_or_else(|| item.id.clone());
        used.insert(id.clone());
        out.insert(item.id.clone(), id);
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

/// One paragraph holding `text`, its lines kept apart by line breaks.
fn lines_paragraph(text: &str) -> Paragraph {
    let mut run = Run::new();
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            run = run.add_break(docx_rs::BreakType::TextWrapping);
        }
        run = run.add_text(clean(line));
    }
    Paragraph::new().add_run(run)
}

/// A cell holding `text` as one paragraph (separate paragraphs would read
/// back as separate items).
fn cell(text: &str) -> TableCell {
    TableCell::new().add_paragraph(lines_paragraph(text))
}

fn header_cell(text: &str) -> TableCell {
    TableCell::new()
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(clean(text)).bold()))
        .shading(docx_rs::Shading::new().fill("D9E2F3"))
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> Table {
    let mut out = vec![TableRow::new(
        header.iter().map(|h| header_cell(h)).collect(),
    )];
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

/// Ids (as the new document numbers them) linked to `id` among
/// `candidates`, in the order of `candidates`.
fn linked(
    plan: &PlanJson,
    ids: &BTreeMap<String, String>,
    id: &str,
    candidates: &[ItemJson],
) -> String {
    let mut out: Vec<&str> = Vec::new();
    for candidate in candidates {
        let other = candidate.id.as_str();
        let is_linked = plan
            .links
            .iter()
            .any(|l| (l.from == id && l.to == other) || (l.to == id && l.from == other));
        let shown = ids.get(other).map_or(other, String::as_str);
        if is_linked && !out.contains(&shown) {
            out.push(shown);
        }
    }
    out.join(", ")
}

fn or_empty(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

/// The sections to write: those the plan has (or holds items of: a county
/// table interleaving B, E and F gives separate sections here), in
/// statutory order (a template's single "H" where H1 would be).
fn section_order(plan: &PlanJson) -> Vec<SectionId> {
    let has = |id: SectionId| {
        let id = id.as_str();
        plan.sections.iter().any(|s| s.id == id) || all_items(plan).any(|i| i.section == id)
    };
    let mut out = Vec::new();
    for id in SectionId::STATUTORY {
        if id == SectionId::H1 && has(SectionId::H) {
            out.push(SectionId::H);
        }
        if has(id) {
            out.push(id);
        }
    }
    out
}

fn all_items(plan: &PlanJson) -> impl Iterator<Item = &ItemJson> {
    [
        &plan.aspirations,
        &plan.needs,
        &plan.outcomes,
        &plan.provision,
        &plan.placement,
        &plan.personal_budget,
        &plan.advice,
    ]
    .into_iter()
    .flatten()
}

/// Adds one row per item as a table under the sub-heading `heading` (none
/// when `None`); adds nothing when there are no items.
fn item_table(
    docx: Docx,
    heading: Option<&str>,
    headers: &[&str],
    items: &[ItemJson],
    row: impl Fn(&ItemJson) -> Vec<String>,
) -> Docx {
    if items.is_empty() {
        return docx;
    }
    let rows = items.iter().map(row).collect();
    let docx = match heading {
        Some(heading) => docx.add_paragraph(para(heading).style("Heading2")),
        None => docx,
    };
    docx.add_table(table(headers, rows))
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

    let ids = document_ids(plan);
    let id = |item: &ItemJson| {
        ids.get(&item.id)
            .cloned()
            .unwrap_or_else(|| item.id.clone())
    };
    for section in section_order(plan) {
        let key = section.as_str();
        let heading = format!("Section {key}: {}", section.title());
        docx = docx.add_paragraph(para(&heading).style("Heading1"));
        for line in narrative.get(key).into_iter().flatten() {
            let paragraph = para(&line.text);
            docx = docx.add_paragraph(if line.heading {
                paragraph.style("Heading2")
            } else {
                paragraph
            });
        }
        let own = |items: &[ItemJson]| -> Vec<ItemJson> {
            items.iter().filter(|i| i.section == key).cloned().collect()
        };
        let aspirations = own(&plan.aspirations);
        if !aspirations.is_empty() {
            // Aspirations as paragraphs under their own sub-heading, as
            // plans write them (a reader knows them there by the heading;
            // in a table only by their wording).
            docx = docx.add_paragraph(para("My aspirations").style("Heading2"));
            for a in &aspirations {
                docx = docx.add_paragraph(lines_paragraph(&a.text));
            }
        }
        docx = item_table(
            docx,
            Some("Needs"),
            &["ID", "Need", "Outcomes", "Provision"],
            &own(&plan.needs),
            |n| {
                vec![
                    id(n),
                    n.text.clone(),
                    linked(plan, &ids, &n.id, &plan.outcomes),
                    linked(plan, &ids, &n.id, &plan.provision),
                ]
            },
        );
        docx = item_table(
            docx,
            Some("Outcomes"),
            &[
                "ID",
                "Outcome",
                "Time frame",
                "Needs",
                "Provision",
                "Aspirations",
            ],
            &own(&plan.outcomes),
            |o| {
                vec![
                    id(o),
                    o.text.clone(),
                    or_empty(&o.time_frame),
                    linked(plan, &ids, &o.id, &plan.needs),
                    linked(plan, &ids, &o.id, &plan.provision),
                ]
            },
        );
        docx = item_table(
            docx,
            Some("Provision"),
            &[
                "ID",
                "Provision",
                "Who",
                "How often",
                "How long",
                "Group size",
                "Needs",
                "Outcomes",
            ],
            &own(&plan.provision),
            |p| {
                vec![
                    id(p),
                    p.text.clone(),
                    or_empty(&p.who),
                    or_empty(&p.frequency),
                    or_empty(&p.duration),
                    or_empty(&p.group),
                    linked(plan, &ids, &p.id, &plan.needs),
                    linked(plan, &ids, &p.id, &plan.outcomes),
                ]
            },
        );
        for item in own(&plan.placement)
            .iter()
            .chain(own(&plan.personal_budget).iter())
        {
            for line in item.text.split('\n') {
                docx = docx.add_paragraph(para(line));
            }
        }
        docx = item_table(
            docx,
            None,
            &["Advice", "Author", "Role", "Date"],
            &own(&plan.advice),
            |a| {
                vec![
                    a.text.clone(),
                    or_empty(&a.author),
                    or_empty(&a.role),
                    a.date.as_deref().map(long_date).unwrap_or_default(),
                ]
            },
        );
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
