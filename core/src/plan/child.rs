//! The child's details, the plan's status and its date.
//!
//! Read from label/value pairs ("Name: Claire Smith" in a paragraph, or a
//! label cell with its value in the next cell or the cell below), the
//! plan's title ("Education, Health and Care Plan for Claire Smith"), and
//! the running header or footer. For each detail the most specific label
//! wins ("Child's name" over a bare "Name"), then the earliest.

use std::sync::LazyLock;

use crate::re::Regex;

use super::vocabulary::is_placeholder;
use super::{Child, ExtractOptions, Plan, PlanStatus};
use crate::docx::{CellPosition, Document};
use crate::text::{Date, find_dates, normalise, word_count};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    FirstName,
    Surname,
    Preferred,
    Birth,
    Year,
    Status,
    DraftDate,
    IssueDate,
    FinalDate,
}

/// The field a label names, and how specific the label is (higher wins).
fn field_of(label: &str) -> Option<(Field, u8)> {
    let l = normalise(label);
    let l = l
        .trim_end_matches([':', '*', '.', '-'])
        .trim()
        .replace(['’', '`'], "'");
    let l = l.as_str();
    if l.is_empty() || word_count(l) > 9 {
        return None;
    }
    let has = |w: &str| l.contains(w);
    Some(match l {
        "name" | "full name" | "legal name" => (Field::Name, 1),
        "first name" | "first names" | "forename" | "forenames" | "forename(s)"
        | "first name(s)" | "given name" => (Field::FirstName, 2),
        "surname" | "last name" | "family name" => (Field::Surname, 2),
        _ if has("known as")
            || has("preferred name")
            || has("likes to be called")
            || has("prefers to be called") =>
        {
            (Field::Preferred, 2)
        }
        _ if has("date of birth") || l == "dob" || l == "d.o.b" || has("birth date") => {
            (Field::Birth, 2)
        }
        _ if has("year group")
            || has("nc year")
            || has("national curriculum year")
            || has("school year")
            || l == "year"
            || has("current year") =>
        {
            (Field::Year, 2)
        }
        _ if has("status") => (Field::Status, 2),
        _ if has("draft") && has("date") => (Field::DraftDate, 2),
        _ if has("date") && (has("final") || has("finalised") || has("finalized")) => {
            (Field::FinalDate, 2)
        }
        _ if has("date of plan")
            || has("plan date")
            || has("date issued")
            || has("date of issue")
            || has("issue date")
            || has("date of this plan")
            || has("date plan issued")
            || has("date of ehc")
            || has("date of the plan") =>
        {
            (Field::IssueDate, 2)
        }
        _ if (has("child")
            || has("young person")
            || has("pupil")
            || has("learner")
            || has("student"))
            && has("name")
            && !has("school")
            && !has("parent") =>
        {
            (Field::Name, 3)
        }
        _ if has("name of child") || has("name of the child") || has("name of young person") => {
            (Field::Name, 3)
        }
        _ => return None,
    })
}

#[derive(Debug, Default)]
struct Found {
    best: Vec<(Field, u8, String, usize)>,
}

impl Found {
    fn offer(&mut self, field: Field, weight: u8, value: &str, paragraph: usize) {
        let value = value.trim();
        if value.is_empty() || is_placeholder(value) {
            return;
        }
        match self.best.iter_mut().find(|b| b.0 == field) {
            Some(b) if b.1 >= weight => {}
            Some(b) => *b = (field, weight, value.to_owned(), paragraph),
            None => self.best.push((field, weight, value.to_owned(), paragraph)),
        }
    }

    fn get(&self, field: Field) -> Option<(&str, usize)> {
        self.best
            .iter()
            .find(|b| b.0 == field)
            .map(|b| (b.2.as_str(), b.3))
    }
}

static TITLE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    // Letters with accents too (José, Zoë), spelled out so that regex-lite agrees.
    let l = crate::re::LETTER;
    Regex::new(&format!(
        r"(?i)(?:education,?\s+health\s+(?:and|&)\s+care\s+plan|ehc\s*plan|ehcp)\s*(?:\(ehcp?\)\s*)?(?:for|:|-|–|—)\s*(?P<name>[{l}][{l}'’\-]+(?:\s+[{l}][{l}'’\-]+){{0,3}})",
    ))
    .expect("pattern")
});

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-ZÀ-ÖØ-ÞĀ-Žŀ-ſ][\w'’\-]*(?:\s+(?:(?:van|von|de|der|den|del|della|di|da|du|le|la|al|el|bin|bint|ibn|ap)\s+)*[A-ZÀ-ÖØ-ÞĀ-Žŀ-ſ][\w'’\-]*){0,4}$").expect("pattern")
});

static STATUS_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:(?P<draft>draft)|(?P<final>final))\b(?:\s+(?:version|copy|plan|ehc\s*p(?:lan)?|ehcp|education,?\s+health\s+(?:and|&)\s+care\s+plan))?\b",
    )
    .expect("pattern")
});

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:nc\s+)?year\s*|y)(?P<n>\d{1,2})\b|^\s*(?P<r>reception|r|yr)\s*$|^\s*(?P<bare>\d{1,2})\s*$")
        .expect("pattern")
});

/// Reads the child's details, the plan's status and its date.
pub fn read(document: &Document, plan: &mut Plan, options: &ExtractOptions) {
    let mut found = Found::default();
    let mut status: Option<(PlanStatus, u8)> = None;
    let mut offer_status = |s: PlanStatus, weight: u8| {
        if status.is_none_or(|(_, w)| weight > w) {
            status = Some((s, weight));
        }
    };
    for p in &document.paragraphs {
        let text = p.text.trim();
        if text.is_empty() {
            continue;
        }
        if let Some(cell) = p.cell {
            read_cell(document, cell, p.index, &mut found);
        }
        // "Label: value" in one paragraph.
        if let Some((label, value)) = text.split_once(':')
            && let Some((field, weight)) = field_of(label)
        {
            found.offer(field, weight, value, p.index);
        }
        // Every title names the plan ("…care plan", "EHC plan", "EHCP").
        if word_count(text) <= 14
            && crate::re::may_contain_folded(text, &["plan", "ehc"])
            && let Some(c) = TITLE_NAME.captures(text)
        {
            found.offer(Field::Name, 3, &c["name"], p.index);
        }
        if word_count(text) <= 12
            && let Some(c) = STATUS_WORD.captures(text)
        {
            let s = if c.name("draft").is_some() {
                PlanStatus::Draft
            } else {
                PlanStatus::Final
            };
            // "Final" alone is weak (a heading "Final plan review"); "DRAFT" strong.
            offer_status(s, 2);
        }
    }
    if let Some((value, _)) = found.get(Field::Status) {
        let v = normalise(value);
        if v.starts_with("draft") {
            offer_status(PlanStatus::Draft, 4);
        } else if v.starts_with("final")
            || v.starts_with("issued")
            || v.starts_with("amended final")
        {
            offer_status(PlanStatus::Final, 4);
        }
    }
    for h in &document.header_footer_text {
        for line in h.lines() {
            let t = line.trim();
            if let Some(c) = TITLE_NAME.captures(t) {
                found.offer(Field::Name, 1, &c["name"], usize::MAX);
            }
            let n = normalise(t);
            let mut words = n.split(|c: char| !c.is_alphanumeric());
            if words.clone().any(|w| w == "draft") {
                offer_status(PlanStatus::Draft, 1);
            } else if word_count(&n) <= 10 && words.any(|w| w == "final") {
                offer_status(PlanStatus::Final, 1);
            }
        }
    }

    let mut child = Child::default();
    let name = found
        .get(Field::Name)
        .and_then(|(v, p)| clean_name(v).map(|n| (n, p)));
    let first = found.get(Field::FirstName).and_then(|(v, _)| clean_name(v));
    let surname = found.get(Field::Surname).and_then(|(v, _)| clean_name(v));
    match (name, &first, &surname) {
        (Some((n, p)), _, _) => {
            child.name = Some(n);
            child.source = (p != usize::MAX).then_some(p);
        }
        (None, Some(f), Some(s)) => child.name = Some(format!("{f} {s}")),
        (None, Some(f), None) => child.name = Some(f.clone()),
        _ => {}
    }
    child.first_name = first.or_else(|| {
        child.name.as_deref().and_then(|n| {
            n.split_whitespace()
                .find(|w| !is_title(w))
                .map(str::to_owned)
        })
    });
    child.preferred_name = found.get(Field::Preferred).and_then(|(v, _)| clean_name(v));
    if let Some(n) = child.name.clone()
        && let Some((full, known)) = n.split_once(" (")
    {
        // "Claire Smith (known as Clary)" read from a value cell.
        child.name = Some(full.to_owned());
        if child.preferred_name.is_none() {
            child.preferred_name = clean_name(known.trim_start_matches("known as "));
        }
    }
    child.date_of_birth = found
        .get(Field::Birth)
        .and_then(|(v, _)| Date::parse_uk(v).or_else(|| find_dates(v).first().map(|d| d.1)));
    child.year_group = found.get(Field::Year).and_then(|(v, _)| year_group(v));
    plan.child = child;
    plan.status = status.map_or(PlanStatus::Unknown, |(s, _)| s);

    let date_of = |f: Field| {
        found
            .get(f)
            .and_then(|(v, _)| find_dates(v).first().map(|d| d.1))
    };
    let dates = match plan.status {
        PlanStatus::Final => [Field::FinalDate, Field::IssueDate, Field::DraftDate],
        _ => [Field::DraftDate, Field::IssueDate, Field::FinalDate],
    };
    plan.plan_date = dates
        .iter()
        .find_map(|&f| date_of(f))
        // "Status: Final plan, issued 1 March 2026": the status line dates it.
        .or_else(|| date_of(Field::Status))
        .or(plan.plan_date)
        .or(options.plan_date);
}

/// A label cell: its value is the next cell of the row, or the cell below.
fn read_cell(document: &Document, cell: CellPosition, paragraph: usize, found: &mut Found) {
    let paragraphs = document.cell_paragraphs(cell);
    if paragraphs.first() != Some(&paragraph) {
        return;
    }
    let label = document.cell_text(cell);
    let Some((field, weight)) = field_of(&label) else {
        return;
    };
    let right = CellPosition {
        cell: cell.cell + 1,
        ..cell
    };
    let below = CellPosition {
        row: cell.row + 1,
        ..cell
    };
    for position in [right, below] {
        let value = document.cell_text(position);
        let value = value.trim();
        // The cell below a label is a value only when it is not a label itself.
        if !value.is_empty() && field_of(value).is_none() {
            let at = document
                .cell_paragraphs(position)
                .first()
                .copied()
                .unwrap_or(paragraph);
            found.offer(field, weight, value, at);
            return;
        }
    }
}

fn is_title(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.').to_ascii_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "miss" | "mx" | "master" | "dr"
    )
}

/// A name as written: capitalised words, no placeholder, no sentence.
fn clean_name(value: &str) -> Option<String> {
    let v = value
        .split(['\n', ',', ';', '|'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_end_matches('.');
    let (main, extra) = match v.split_once('(') {
        Some((m, e)) => (m.trim(), Some(e.trim_end_matches(')').trim())),
        None => (v, None),
    };
    if !NAME.is_match(main) || is_placeholder(main) {
        return None;
    }
    Some(match extra {
        Some(e) if !e.is_empty() => format!("{main} ({e})"),
        _ => main.to_owned(),
    })
}

/// "Year 7", "Y7", "NC Year 10", "Reception" (0), "7".
fn year_group(value: &str) -> Option<i32> {
    let c = YEAR.captures(value.trim())?;
    if c.name("r").is_some() {
        return Some(0);
    }
    let n: i32 = c.name("n").or(c.name("bare"))?.as_str().parse().ok()?;
    (0..=14).contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::DocBuilder;

    fn read_doc(doc: &Document) -> Plan {
        let mut plan = Plan::default();
        read(doc, &mut plan, &ExtractOptions::default());
        plan
    }

    #[test]
    fn label_value_paragraphs() {
        let doc = DocBuilder::new()
            .p("DRAFT")
            .p("Name: Claire Smith")
            .p("Known as: Clary")
            .p("Date of birth: 12th March 2014")
            .p("Year group: Year 7")
            .p("Date of draft plan: 01/09/2025")
            .p("Parent name: Jane Smith")
            .build();
        let plan = read_doc(&doc);
        assert_eq!(plan.child.name.as_deref(), Some("Claire Smith"));
        assert_eq!(plan.child.first_name.as_deref(), Some("Claire"));
        assert_eq!(plan.child.preferred_name.as_deref(), Some("Clary"));
        assert_eq!(plan.child.date_of_birth, Date::ymd(2014, 3, 12));
        assert_eq!(plan.child.year_group, Some(7));
        assert_eq!(plan.child.source, Some(1));
        assert_eq!(plan.status, PlanStatus::Draft);
        assert_eq!(plan.plan_date, Date::ymd(2025, 9, 1));
    }

    #[test]
    fn a_status_line_with_a_date_dates_the_plan() {
        let doc = DocBuilder::new()
            .p("Name: Oliver Grant")
            .p("Status: Final plan, issued 1 March 2026")
            .build();
        let plan = read_doc(&doc);
        assert_eq!(plan.status, PlanStatus::Final);
        assert_eq!(plan.plan_date, Date::ymd(2026, 3, 1));
    }

    #[test]
    fn two_column_tables_and_header_row_tables() {
        let doc = DocBuilder::new()
            .table(&[
                &["Child's name", "Sam O'Neill"],
                &["DOB", "03.07.2012"],
                &["NC year", "Y10"],
                &["Status", "Final"],
                &["Date issued", "14 February 2025"],
            ])
            .build();
        let plan = read_doc(&doc);
        assert_eq!(plan.child.name.as_deref(), Some("Sam O'Neill"));
        assert_eq!(plan.child.date_of_birth, Date::ymd(2012, 7, 3));
        assert_eq!(plan.child.year_group, Some(10));
        assert_eq!(plan.status, PlanStatus::Final);
        assert_eq!(plan.plan_date, Date::ymd(2025, 2, 14));

        let doc = DocBuilder::new()
            .table(&[
                &["Full name", "Date of birth", "Year group"],
                &["Amir Khan", "2016-05-01", "Reception"],
            ])
            .build();
        let plan = read_doc(&doc);
        assert_eq!(plan.child.name.as_deref(), Some("Amir Khan"));
        assert_eq!(plan.child.date_of_birth, Date::ymd(2016, 5, 1));
        assert_eq!(plan.child.year_group, Some(0));
    }

    #[test]
    fn title_and_header_give_name_and_status() {
        let doc = DocBuilder::new()
            .header("Draft EHC Plan – confidential")
            .p("Education, Health and Care Plan for Claire Smith")
            .p("Name of school: Oak Primary")
            .build();
        let plan = read_doc(&doc);
        assert_eq!(plan.child.name.as_deref(), Some("Claire Smith"));
        assert_eq!(plan.status, PlanStatus::Draft);

        let doc = DocBuilder::new()
            .p("Education, Health and Care Plan: José Fairbairn")
            .p("Name of school: Oak Primary")
            .build();
        assert_eq!(read_doc(&doc).child.name.as_deref(), Some("José Fairbairn"));

        let doc = DocBuilder::new()
            .header("EHCP for Tom Baker")
            .header("Tom Baker EHCP – Final")
            .build();
        let mut plan = Plan::default();
        read(
            &doc,
            &mut plan,
            &ExtractOptions {
                plan_date: Date::ymd(2025, 1, 1),
                ..ExtractOptions::default()
            },
        );
        assert_eq!(plan.child.name.as_deref(), Some("Tom Baker"));
        assert_eq!(plan.child.source, None);
        assert_eq!(plan.status, PlanStatus::Final);
        assert_eq!(plan.plan_date, Date::ymd(2025, 1, 1));
    }

    #[test]
    fn placeholders_and_sentences_are_not_names() {
        let doc = DocBuilder::new()
            .p("Name: Click or tap here to enter text.")
            .p("Name: [Child's name]")
            .p("Known as: Ana de la Cruz")
            .p("First name: Ellie")
            .p("Surname: Brown")
            .build();
        let plan = read_doc(&doc);
        assert_eq!(plan.child.name.as_deref(), Some("Ellie Brown"));
        assert_eq!(plan.child.first_name.as_deref(), Some("Ellie"));
        assert_eq!(plan.child.preferred_name.as_deref(), Some("Ana de la Cruz"));
        assert_eq!(plan.status, PlanStatus::Unknown);
    }

    #[test]
    fn years_and_statuses() {
        assert_eq!(year_group("Year 7"), Some(7));
        assert_eq!(year_group("Y7"), Some(7));
        assert_eq!(year_group("NC Year 11"), Some(11));
        assert_eq!(year_group("Reception"), Some(0));
        assert_eq!(year_group("Key Stage 2"), None);
        assert_eq!(field_of("Young person's name:"), Some((Field::Name, 3)));
        assert_eq!(field_of("Name of school"), None);
        assert_eq!(field_of("Date finalised"), Some((Field::FinalDate, 2)));
    }
}
