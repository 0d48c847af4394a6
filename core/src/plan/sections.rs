//! Finding the statutory sections: heading styles, bold or large plain
//! paragraphs, table title rows, content-control titles and tags, and
//! patterns from the configuration.
//!
//! How it decides:
//! - Every paragraph that could be a section heading becomes a candidate,
//!   with how it was recognised ([`HeadingCue`]) and how strongly its words
//!   name a section ("Section B …" and "B. Special educational needs" name
//!   the letter; "Special educational needs" only the title).
//! - Never candidates: table-of-contents entries (TOC styles, page numbers
//!   after leaders, the block under a "Contents" heading), body paragraphs
//!   repeating a running header or footer, list items without a section
//!   letter, long paragraphs, sentences that mention a section, and table
//!   cells that are not the title of their row.
//! - A heading by title only counts for a section no heading names by
//!   letter, and only its first time (later ones are sub-headings).
//! - A heading for the section already open (a sub-section "A2", a repeated
//!   title) does not split it.
//! - A single section H whose words cover both the CSDPA s.2 provision and
//!   other social care provision is reported as H1 and H2, sharing its
//!   paragraphs (the contract's rule); otherwise it stays "H". An empty "H"
//!   followed by its own H1 and H2 parts is dropped (its parts carry it).

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::re::Regex;

use super::vocabulary::{self, HeadingForm, HeadingParse, Look, look, parse_heading};
use super::{ExtractOptions, HeadingCue, Section, SectionId};
use crate::docx::{Document, Paragraph};
use crate::text::{ends_with_full_stop, normalise, word_count};

#[derive(Debug, Clone)]
struct Candidate {
    /// First paragraph of the section (its heading, or a control's first).
    start: usize,
    heading_paragraph: Option<usize>,
    id: SectionId,
    heading: String,
    cue: HeadingCue,
    form: HeadingForm,
    /// Further sections a combined heading names.
    also: Vec<SectionId>,
    /// Lower wins at the same start: configured, control, paragraph.
    rank: u8,
}

/// Paragraphs that must never start a section or count as content:
/// table-of-contents entries and body repeats of running headers.
pub(crate) fn excluded_paragraphs(document: &Document) -> Vec<bool> {
    let n = document.paragraphs.len();
    let mut out = vec![false; n];
    let headers: HashSet<String> = document
        .header_footer_text
        .iter()
        .flat_map(|h| {
            let mut v: Vec<String> = h.lines().map(normalise).collect();
            v.push(normalise(h));
            v
        })
        .filter(|h| word_count(h) >= 1)
        .collect();
    let mut i = 0;
    while i < n {
        let p = &document.paragraphs[i];
        let norm = normalise(&p.text);
        if headers.contains(&norm) || is_toc_entry(p, &norm) {
            out[i] = true;
        }
        if is_contents_title(&norm) && word_count(&norm) <= 4 && p.cell.is_none()
            || is_contents_title(&norm) && p.cell.is_some() && word_count(&norm) <= 4
        {
            out[i] = true;
            i = mark_contents_block(document, i + 1, &mut out);
            continue;
        }
        i += 1;
    }
    out
}

fn is_contents_title(norm: &str) -> bool {
    matches!(
        norm.trim_end_matches(':').trim(),
        "contents" | "table of contents" | "contents page" | "index" | "plan contents"
    )
}

/// Marks the entries under a "Contents" title; returns where the block ends.
fn mark_contents_block(document: &Document, from: usize, out: &mut [bool]) -> usize {
    let mut seen: HashSet<SectionId> = HashSet::new();
    let mut i = from;
    let limit = (from + 80).min(document.paragraphs.len());
    while i < limit {
        let p = &document.paragraphs[i];
        let norm = normalise(&p.text);
        let l = look(p);
        if norm.is_empty() {
            i += 1;
            continue;
        }
        if l.toc_style || is_toc_entry(p, &norm) {
            if let Some(h) = parse_heading(strip_page_number(&norm), true) {
                seen.insert(h.id);
            }
            out[i] = true;
            i += 1;
            continue;
        }
        if l.styled || word_count(&norm) > 20 {
            break;
        }
        match parse_heading(&norm, true) {
            Some(h) if seen.contains(&h.id) => break,
            Some(h) => {
                seen.insert(h.id);
            }
            // A short line that names no section ends the list unless the
            // list has not started yet.
            None if !seen.is_empty() => break,
            None => {}
        }
        out[i] = true;
        i += 1;
    }
    i
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{2,}|…+|_{3,}|·{2,}|-{3,}|\s)\s*(\d{1,3})\s*$").expect("pattern")
});
static LEADERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.{3,}|…+|_{3,}|·{3,}|\.\s\.\s\.)\s*\d{1,3}\s*$").expect("pattern")
});

/// Whether `norm` ends in a number (before trailing white space): what both
/// patterns above need, tested first because few paragraphs do and a
/// pattern anchored at the end still scans the whole text in `regex-lite`.
/// [`crate::re::may_be_digit`] covers every digit `\d` matches.
fn ends_in_number(norm: &str) -> bool {
    norm.trim_end().ends_with(crate::re::may_be_digit)
}

fn strip_page_number(norm: &str) -> &str {
    if !ends_in_number(norm) {
        return norm;
    }
    match PAGE_NUMBER.find(norm) {
        Some(m) => norm[..m.start()].trim_end_matches(['.', '…', '_', '·', ' ']),
        None => norm,
    }
}

/// A table-of-contents line: TOC style, dot leaders before a page number, or
/// a section heading followed by a bare page number.
fn is_toc_entry(p: &Paragraph, norm: &str) -> bool {
    if look(p).toc_style {
        return true;
    }
    if !ends_in_number(norm) {
        return false;
    }
    if LEADERS.is_match(norm) {
        return true;
    }
    // A paragraph in a heading style that ends in a bare number is a
    // heading with its page number typed in ("Section B: Needs<tab>4"),
    // not a contents entry (those have leaders or a contents style).
    if look(p).styled {
        return false;
    }
    if let Some(m) = PAGE_NUMBER.find(norm) {
        let before = norm[..m.start()].trim_end();
        let last = before.rsplit(' ').next().unwrap_or("");
        let keeps_number = matches!(
            last,
            "stage"
                | "ks"
                | "year"
                | "key"
                | "section"
                | "part"
                | "phase"
                | "step"
                | "level"
                | "h"
                | "of"
                | "the"
                | "and"
                | "y"
                | "nc"
                | "act"
                | "to"
        );
        return !keeps_number
            && last.chars().any(char::is_alphabetic)
            && parse_heading(before, true).is_some();
    }
    false
}

/// Whether the words read as a sentence rather than a title.
fn has_finite_verb(norm: &str) -> bool {
    norm.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .any(|w| {
            matches!(
                w,
                "is" | "are"
                    | "was"
                    | "were"
                    | "will"
                    | "has"
                    | "have"
                    | "had"
                    | "can"
                    | "should"
                    | "would"
                    | "may"
                    | "must"
                    | "does"
                    | "do"
                    | "did"
            )
        })
}

/// Finds the sections of the plan, in document order.
pub fn detect(document: &Document, options: &ExtractOptions) -> Vec<Section> {
    let excluded = excluded_paragraphs(document);
    let mut candidates = Vec::new();
    for p in &document.paragraphs {
        if excluded[p.index] || p.text.trim().is_empty() {
            continue;
        }
        if let Some(c) = configured(p, options) {
            candidates.push(c);
        } else if let Some(c) = paragraph_candidate(document, p) {
            candidates.push(c);
        }
    }
    for control in &document.content_controls {
        if let Some(c) = control_candidate(document, control, &excluded) {
            candidates.push(c);
        }
    }
    candidates.sort_by_key(|c| (c.start, c.rank));
    candidates.dedup_by(|later, earlier| {
        if later.start == earlier.start {
            if earlier.heading_paragraph.is_none() && later.id == earlier.id {
                earlier.heading_paragraph = later.heading_paragraph;
            }
            true
        } else {
            false
        }
    });

    // A title-only heading counts only for a section no letter names, and
    // only the first time.
    let lettered: HashSet<SectionId> = candidates
        .iter()
        .filter(|c| c.form != HeadingForm::TitleOnly)
        .flat_map(|c| std::iter::once(c.id).chain(c.also.iter().copied()))
        .collect();
    let mut titled: HashSet<SectionId> = HashSet::new();
    candidates.retain(|c| {
        c.form != HeadingForm::TitleOnly
            || (!lettered.contains(&c.id)
                && !(c.id == SectionId::H
                    && (lettered.contains(&SectionId::H1) || lettered.contains(&SectionId::H2)))
                && titled.insert(c.id))
    });

    let mut sections: Vec<Section> = Vec::new();
    let mut also: Vec<Vec<SectionId>> = Vec::new();
    let mut starts: Vec<usize> = Vec::new();
    for c in candidates {
        if let Some(current) = sections.last_mut()
            && current.id == c.id
        {
            // The same section again: a sub-section or repeated title.
            if current.heading_paragraph.is_none()
                && c.heading_paragraph.is_some()
                && current.paragraphs.is_empty()
            {
                current.heading_paragraph = c.heading_paragraph;
            }
            continue;
        }
        starts.push(c.start);
        also.push(c.also);
        sections.push(Section {
            id: c.id,
            heading_paragraph: c.heading_paragraph,
            heading: c.heading,
            found_by: c.cue,
            paragraphs: Vec::new(),
            none_statement: false,
        });
    }

    // Content: from each start to the next.
    for (k, section) in sections.iter_mut().enumerate() {
        let end = starts
            .get(k + 1)
            .copied()
            .unwrap_or(document.paragraphs.len());
        let title_row = section.heading_paragraph.and_then(|h| {
            let p = &document.paragraphs[h];
            (section.found_by == HeadingCue::TableTitle)
                .then_some(p.cell)
                .flatten()
        });
        for (i, p) in document.paragraphs[starts[k]..end]
            .iter()
            .enumerate()
            .map(|(n, p)| (starts[k] + n, p))
        {
            if Some(i) == section.heading_paragraph || excluded[i] {
                continue;
            }
            if p.text.trim().is_empty() {
                continue;
            }
            // The rest of a title row ("Section B" | "Special educational needs").
            if let (Some(t), Some(c)) = (title_row, p.cell)
                && t.table == c.table
                && t.row == c.row
                && is_title_rest(&p.text, section.id)
            {
                continue;
            }
            section.paragraphs.push(i);
        }
    }

    // A combined heading ("Sections B, E and F") stands for each section it
    // names; the entries share the content.
    let mut expanded = Vec::with_capacity(sections.len());
    for (section, more) in sections.into_iter().zip(also) {
        let copies: Vec<Section> = more
            .iter()
            .filter(|&&id| id != section.id)
            .map(|&id| Section {
                id,
                ..section.clone()
            })
            .collect();
        expanded.push(section);
        expanded.extend(copies);
    }
    split_h(document, expanded)
}

fn split_h(document: &Document, sections: Vec<Section>) -> Vec<Section> {
    let has_h1 = sections.iter().any(|s| s.id == SectionId::H1);
    let has_h2 = sections.iter().any(|s| s.id == SectionId::H2);
    let mut out = Vec::with_capacity(sections.len() + 1);
    for mut s in sections {
        if s.id != SectionId::H {
            out.push(s);
            continue;
        }
        let mut text = normalise(&s.heading);
        for &i in &s.paragraphs {
            text.push(' ');
            text.push_str(&normalise(&document.paragraphs[i].text));
        }
        if has_h1 || has_h2 {
            // An H with its own H1 or H2 part: an empty H is only their
            // title; an H holding the other part's wording is that part.
            if s.paragraphs.is_empty() {
                continue;
            }
            if has_h2 && !has_h1 && vocabulary::mentions_h1(&text) {
                s.id = SectionId::H1;
            } else if has_h1 && !has_h2 && vocabulary::mentions_h2(&text) {
                s.id = SectionId::H2;
            }
            out.push(s);
            continue;
        }
        if vocabulary::mentions_h1(&text) && vocabulary::mentions_h2(&text) {
            let mut h2 = s.clone();
            h2.id = SectionId::H2;
            let mut h1 = s;
            h1.id = SectionId::H1;
            out.push(h1);
            out.push(h2);
        } else {
            out.push(s);
        }
    }
    out
}

fn configured(p: &Paragraph, options: &ExtractOptions) -> Option<Candidate> {
    if options.heading_patterns.is_empty() || word_count(&p.text) > 25 {
        return None;
    }
    let text = p.text.trim();
    options
        .heading_patterns
        .iter()
        .find(|(_, re)| re.is_match(text))
        .map(|&(id, _)| Candidate {
            start: p.index,
            heading_paragraph: Some(p.index),
            id,
            heading: text.to_owned(),
            cue: HeadingCue::Configured,
            form: HeadingForm::Prefixed,
            also: Vec::new(),
            rank: 0,
        })
}

fn candidate(p: &Paragraph, h: HeadingParse, cue: HeadingCue) -> Candidate {
    Candidate {
        start: p.index,
        heading_paragraph: Some(p.index),
        id: h.id,
        heading: p.text.trim().to_owned(),
        cue,
        form: h.form,
        also: h.also.iter().flatten().copied().collect(),
        rank: 2,
    }
}

/// The label and text of a list item read together ("B." + "Special
/// educational needs"), when the label is a letter.
fn with_letter_label(p: &Paragraph) -> Option<String> {
    let label = p.list.as_ref()?;
    if label.bullet {
        return None;
    }
    let l = label.label.trim();
    let letterish = l
        .trim_end_matches(['.', ')', ':'])
        .trim_start_matches('(')
        .to_ascii_lowercase();
    let is_letter = matches!(
        letterish.as_str(),
        "a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j" | "k" | "h1" | "h2"
    ) || letterish.starts_with("section")
        || letterish.starts_with("part");
    is_letter.then(|| format!("{l} {}", p.text.trim()))
}

fn paragraph_candidate(document: &Document, p: &Paragraph) -> Option<Candidate> {
    let text = p.text.trim();
    let words = word_count(text);
    let l: Look = look(p);
    if let Some(cell) = p.cell {
        return table_candidate(document, p, cell, words);
    }
    if let Some(combined) = with_letter_label(p) {
        if (l.styled || l.emphasised || words <= 12)
            && let Some(h) = parse_heading(&combined, false)
        {
            let mut c = candidate(p, h, cue_of(l));
            c.heading = combined;
            return Some(c);
        }
        return None;
    }
    if p.list.is_some() && !l.styled {
        // A bold numbered line naming a section ("1. Special Educational
        // Needs" in bold, numbered by Word) is a heading; other list items never.
        let numbered = p.list.as_ref().is_some_and(|l| !l.bullet);
        if numbered
            && l.emphasised
            && words <= 12
            && !ends_with_full_stop(text)
            && let Some(h) = parse_heading(text, true)
        {
            return Some(candidate(p, h, HeadingCue::Emphasis));
        }
        return None;
    }
    let full_stop = ends_with_full_stop(text);
    let h = parse_heading(text, true)?;
    let ok = match (h.form, l.styled, l.emphasised) {
        (HeadingForm::Prefixed, true, _) => words <= 60,
        (HeadingForm::Prefixed, false, true) => words <= 45,
        // Longer when it is the section's statutory title ("Part H1 – Social
        // care provision under section 2 of the Chronically Sick and
        // Disabled Persons Act 1970" is 19 words).
        (HeadingForm::Prefixed, false, false) => {
            !full_stop
                && (words <= 15
                    || words <= 25 && vocabulary::mentions_title_of(&normalise(text), h.id))
        }
        (HeadingForm::Letter, true, _) | (HeadingForm::Letter, _, true) => {
            words <= 20 && !full_stop
        }
        // A plain lettered line is a heading when short, or when it is the
        // section's full title and no sentence ("D. Social care needs
        // related to SEN or disability"; never "A child's views are …").
        (HeadingForm::Letter, false, false) => {
            !full_stop
                && (words <= 8
                    || words <= 25
                        && vocabulary::mentions_title_of(&normalise(text), h.id)
                        && !has_finite_verb(&normalise(text)))
        }
        (HeadingForm::TitleOnly, true, _) => words <= 15 && !full_stop,
        (HeadingForm::TitleOnly, false, true) => words <= 12 && !full_stop,
        (HeadingForm::TitleOnly, false, false) => false,
    };
    ok.then(|| candidate(p, h, cue_of(l)))
}

fn cue_of(l: Look) -> HeadingCue {
    if l.styled {
        HeadingCue::HeadingStyle
    } else {
        HeadingCue::Emphasis
    }
}

/// A paragraph in a table is a section heading only as the title of its
/// row: a row whose other cells are empty (a merged title row), or the
/// first cell of a row when it names the section by letter.
fn table_candidate(
    document: &Document,
    p: &Paragraph,
    cell: crate::docx::CellPosition,
    words: usize,
) -> Option<Candidate> {
    let row = document.tables.get(cell.table)?.rows.get(cell.row)?;
    let here = row.cells.get(cell.cell)?;
    // Only the first written paragraph of its cell.
    let first = here
        .paragraphs
        .iter()
        .copied()
        .find(|&i| !document.paragraphs[i].text.trim().is_empty());
    if first != Some(p.index) {
        return None;
    }
    let others_empty = row.cells.iter().enumerate().all(|(k, c)| {
        k == cell.cell
            || c.paragraphs
                .iter()
                .all(|&i| document.paragraphs[i].text.trim().is_empty())
    });
    let text = p.text.trim();
    let full_stop = ends_with_full_stop(text);
    let table_cue = |h: HeadingParse| {
        let mut c = candidate(p, h, HeadingCue::TableTitle);
        c.rank = 2;
        c
    };
    if others_empty {
        let h = parse_heading(text, true)?;
        let ok = match h.form {
            HeadingForm::Prefixed => words <= 60,
            HeadingForm::Letter => words <= 20 && !full_stop,
            HeadingForm::TitleOnly => words <= 12 && !full_stop,
        };
        return ok.then(|| table_cue(h));
    }
    if cell.cell != 0 {
        return None;
    }
    // "Section B" | "Special educational needs …", or "B" | "Special educational needs".
    // The first written line of the next cell (the rest may be the content).
    let next_text = row
        .cells
        .get(1)
        .and_then(|c| {
            c.paragraphs
                .iter()
                .map(|&i| document.paragraphs[i].text.trim())
                .find(|t| !t.is_empty())
        })
        .unwrap_or_default()
        .to_owned();
    // The left cell may hold the section's full statutory title ("Section
    // H1: Social care provision under section 2 of the Chronically Sick and
    // Disabled Persons Act 1970").
    if let Some(h) = parse_heading(text, false)
        && h.form == HeadingForm::Prefixed
        && (words <= 12 || words <= 25 && !full_stop)
    {
        let mut c = table_cue(h);
        if is_title_rest(&next_text, h.id) {
            c.heading = format!("{text} {next_text}");
        }
        return Some(c);
    }
    let bare = text.trim_end_matches(['.', ':', ')']);
    if bare.len() <= 2 && word_count(&next_text) <= 12 {
        let combined = format!("{bare}. {next_text}");
        if let Some(h) = parse_heading(&combined, false) {
            let mut c = table_cue(h);
            c.heading = format!("{text} {next_text}");
            return Some(c);
        }
    }
    None
}

/// The right cell of a title row that goes on with the title ("Section B"
/// | "Special educational needs"), not content: short, naming the section,
/// and not a sentence such as "No health needs have been identified."
fn is_title_rest(text: &str, id: SectionId) -> bool {
    let text = text.trim();
    word_count(text) <= 12
        && !ends_with_full_stop(text)
        && !vocabulary::is_none_statement(text)
        && vocabulary::mentions_title_of(&normalise(text), id)
}

static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:section|sec|part)?[\s_\-.]*([a-k]|h[12])(?:[\s_\-.:].*)?$")
        .expect("pattern")
});

fn control_candidate(
    document: &Document,
    control: &crate::docx::ContentControl,
    excluded: &[bool],
) -> Option<Candidate> {
    let range = control.paragraphs.clone();
    if range.is_empty() || range.end > document.paragraphs.len() || excluded[range.start] {
        return None;
    }
    let from_title = control.title.as_deref().and_then(|t| {
        let h = parse_heading(t, false)?;
        (word_count(t) <= 40).then(|| (h, t.trim().to_owned()))
    });
    let from_tag = || {
        let tag = control.tag.as_deref()?.trim();
        let c = TAG.captures(tag)?;
        let id = SectionId::parse(&c[1])?;
        // A bare one-letter tag is only trusted with a "section" word or alone.
        Some((
            HeadingParse {
                id,
                form: HeadingForm::Prefixed,
                sub: false,
                also: [None; 6],
            },
            control
                .title
                .clone()
                .unwrap_or_else(|| format!("Section {}", id.as_str())),
        ))
    };
    let (h, heading) = from_title.or_else(from_tag)?;
    // The control's first written paragraph is its heading when it names
    // the same section.
    let heading_paragraph = range
        .clone()
        .find(|&i| !document.paragraphs[i].text.trim().is_empty())
        .filter(|&i| {
            let t = &document.paragraphs[i].text;
            word_count(t) <= 60 && parse_heading(t, true).is_some_and(|p| p.id == h.id)
        });
    Some(Candidate {
        start: range.start,
        heading_paragraph,
        id: h.id,
        heading: heading_paragraph
            .map_or(heading, |i| document.paragraphs[i].text.trim().to_owned()),
        cue: HeadingCue::ContentControl,
        form: h.form,
        also: h.also.iter().flatten().copied().collect(),
        rank: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::DocBuilder;

    fn ids(sections: &[Section]) -> Vec<&'static str> {
        sections.iter().map(|s| s.id.as_str()).collect()
    }

    fn detect_default(doc: &Document) -> Vec<Section> {
        detect(doc, &ExtractOptions::default())
    }

    #[test]
    fn heading_styles_start_sections_and_hold_content() {
        let doc = DocBuilder::new()
            .p("Education, Health and Care Plan for Claire Smith")
            .heading(
                1,
                "Section A: The views, interests and aspirations of Claire",
            )
            .p("Claire loves drawing.")
            .p("")
            .heading(2, "What is important to me")
            .p("My friends.")
            .heading(1, "Section B – Special educational needs")
            .heading(2, "Communication and interaction")
            .p("Claire needs help to take turns.")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["A", "B"]);
        assert_eq!(s[0].heading_paragraph, Some(1));
        assert_eq!(s[0].paragraphs, [2, 4, 5]);
        assert_eq!(s[0].found_by, HeadingCue::HeadingStyle);
        assert_eq!(s[1].paragraphs, [7, 8]);
    }

    #[test]
    fn plain_statutory_titles_are_headings_however_long() {
        let doc = DocBuilder::new()
            .p("D. Social care needs related to SEN or disability")
            .p("None.")
            .p("H1. Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970")
            .p("None.")
            .p("Part H2 – Other social care provision reasonably required by the learning difficulties or disabilities of the child")
            .p("None.")
            .p("A child's views are recorded in the table below and in the advice")
            .p("B. Sam's needs have been described in full by the school")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["D", "H1", "H2"]);
        assert_eq!(s[2].paragraphs, [5, 6, 7]);
    }

    #[test]
    fn bold_large_and_lettered_paragraphs_are_headings() {
        let doc = DocBuilder::new()
            .bold("A. All about me")
            .p("I like trains.")
            .large("Part B – Special educational needs")
            .p("Claire has difficulty reading.")
            .p("Section C: Health needs")
            .p("None.")
            .bold("Outcomes")
            .p("Claire will read 100 words by July 2026.")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["A", "B", "C", "E"]);
        assert_eq!(s[1].found_by, HeadingCue::Emphasis);
        assert_eq!(s[3].paragraphs, [7]);
    }

    #[test]
    fn titles_without_letters_only_when_heading_like() {
        let doc = DocBuilder::new()
            .heading(1, "Special Educational Needs")
            .p("Outcomes")
            .p("Claire needs help.")
            .heading(1, "Health needs")
            .p("None identified.")
            .heading(1, "Social care needs")
            .heading(1, "Outcomes")
            .heading(1, "Special educational provision")
            .heading(1, "Health provision")
            .heading(1, "Social care provision")
            .heading(1, "Placement")
            .heading(1, "Personal Budget")
            .heading(1, "Advice and information")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K"]);
        assert_eq!(s[0].paragraphs, [1, 2]);
    }

    #[test]
    fn table_of_contents_never_starts_sections() {
        let doc = DocBuilder::new()
            .bold("Contents")
            .p("Section A: All about me 2")
            .p("Section B: Special educational needs ........ 4")
            .styled("toc 1", "Section C: Health needs\t5")
            .p("Section E: Outcomes")
            .heading(1, "Section A: All about me")
            .p("I like trains.")
            .heading(1, "Section B: Special educational needs")
            .p("Claire needs help.")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["A", "B"]);
        assert_eq!(s[0].heading_paragraph, Some(5));
        // A TOC entry outside a contents block, by its style or leaders.
        let doc = DocBuilder::new()
            .styled("TOC 1", "Section F: Provision")
            .p("Section G: Health provision ..... 12")
            .heading(1, "Section A")
            .build();
        assert_eq!(ids(&detect_default(&doc)), ["A"]);
    }

    #[test]
    fn mentions_long_paragraphs_list_items_and_header_repeats_are_not_headings() {
        let doc = DocBuilder::new()
            .header("Claire Smith – Section F: Special educational provision")
            .heading(1, "Section B: Special educational needs")
            .p("Provision is set out in Section F below.")
            .p("Section F sets out the support Claire will receive every day in class.")
            .item("1.", "Special educational provision")
            .p("Claire Smith – Section F: Special educational provision")
            .bold("Strengths")
            .p("Claire reads well.")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["B"]);
        assert_eq!(s[0].paragraphs, [1, 2, 3, 5, 6]);
    }

    #[test]
    fn table_title_rows_start_sections() {
        let doc = DocBuilder::new()
            .table(&[
                &["**Section E: Outcomes"],
                &["**Need", "**Outcome", "**Provision"],
                &["Reading", "Claire will read", "Daily phonics"],
                &["", "**Section F: Special educational provision", ""],
                &["a", "b", "c"],
            ])
            .table(&[&["Section I", "Placement"], &["School", "Oak Primary"]])
            .table(&[&["J", "Personal budget"], &["None", ""]])
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["E", "F", "I", "J"]);
        assert_eq!(s[0].found_by, HeadingCue::TableTitle);
        assert_eq!(s[0].heading_paragraph, Some(0));
        // The header row and the first data row, up to the F title row.
        assert_eq!(s[0].paragraphs, [1, 2, 3, 4, 5, 6]);
        assert_eq!(s[2].heading, "Section I Placement");
        assert_eq!(s[2].paragraphs, [15, 16]);
        assert_eq!(s[3].heading, "J Personal budget");
    }

    #[test]
    fn letter_columns_beside_the_content_and_bold_numbered_titles() {
        let doc = DocBuilder::new()
            .table(&[
                &[
                    "B",
                    "Special educational needs\nClaire needs help with reading.",
                ],
                &["E", "Outcomes\nClaire will read by July 2026."],
            ])
            .item("3.", "Special Educational Provision")
            .with_bold()
            .p("Daily phonics.")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["B", "E", "F"]);
        assert_eq!(s[0].paragraphs, [2]);
        assert_eq!(s[1].paragraphs, [5]);
        assert_eq!(s[2].paragraphs, [7]);
    }

    #[test]
    fn header_cells_of_item_tables_are_not_headings() {
        let doc = DocBuilder::new()
            .heading(1, "Section F")
            .table(&[&["**Outcomes", "**Provision"], &["x", "y"]])
            .build();
        assert_eq!(ids(&detect_default(&doc)), ["F"]);
    }

    #[test]
    fn content_controls_name_sections_by_title_or_tag() {
        let doc = DocBuilder::new()
            .control(
                Some("Section B – Special educational needs"),
                None,
                &["Claire needs help."],
            )
            .control(None, Some("sectionC"), &["Health needs", "None."])
            .control(Some("Outcomes box"), Some("E"), &["Claire will read."])
            .control(Some("Child name"), Some("childName"), &["Claire"])
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["B", "C", "E"]);
        assert_eq!(s[0].heading, "Section B – Special educational needs");
        assert_eq!(s[0].heading_paragraph, None);
        assert_eq!(s[0].paragraphs, [0]);
        assert_eq!(s[1].heading_paragraph, Some(1));
        assert_eq!(s[1].paragraphs, [2]);
        assert_eq!(s[2].found_by, HeadingCue::ContentControl);
        assert_eq!(s[2].paragraphs, [3, 4]);
    }

    #[test]
    fn configured_patterns_start_sections() {
        let doc = DocBuilder::new()
            .p("Provision to meet Claire's needs")
            .p("Daily reading.")
            .build();
        let options = ExtractOptions {
            heading_patterns: vec![(
                SectionId::F,
                crate::re::RegexBuilder::new("^provision to meet")
                    .case_insensitive(true)
                    .build()
                    .unwrap(),
            )],
            ..ExtractOptions::default()
        };
        let s = detect(&doc, &options);
        assert_eq!(ids(&s), ["F"]);
        assert_eq!(s[0].found_by, HeadingCue::Configured);
    }

    #[test]
    fn subsections_and_repeated_titles_do_not_split() {
        let doc = DocBuilder::new()
            .heading(1, "Section A: All about me")
            .heading(2, "A1 About me")
            .p("I like trains.")
            .heading(2, "A2 My aspirations")
            .p("I want to be a vet.")
            .heading(1, "Section B")
            .p("Needs.")
            .heading(1, "Section A (continued)")
            .p("More.")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["A", "B", "A"]);
        assert_eq!(s[0].paragraphs, [1, 2, 3, 4]);
    }

    #[test]
    fn combined_headings_stand_for_each_section_they_name() {
        let doc = DocBuilder::new()
            .heading(1, "Sections B, E and F: Needs, outcomes and provision")
            .p("Claire needs help.")
            .heading(1, "Section I")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["B", "E", "F", "I"]);
        assert_eq!(s[1].paragraphs, [1]);
        assert_eq!(s[2].heading_paragraph, Some(0));
    }

    #[test]
    fn a_single_h_covering_both_is_reported_as_h1_and_h2() {
        let doc = DocBuilder::new()
            .heading(1, "Section H: Social care provision")
            .p("Provision under section 2 of the Chronically Sick and Disabled Persons Act 1970: none.")
            .p("Any other social care provision: a short break each month.")
            .heading(1, "Section I: Placement")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["H1", "H2", "I"]);
        assert_eq!(s[0].paragraphs, s[1].paragraphs);

        let doc = DocBuilder::new()
            .heading(1, "Section H: Social care provision")
            .p("A short break each month.")
            .build();
        assert_eq!(ids(&detect_default(&doc)), ["H"]);

        let doc = DocBuilder::new()
            .heading(1, "Section H: Social care provision")
            .heading(2, "H1 Social care provision under the CSDPA 1970")
            .p("None.")
            .heading(2, "H2 Any other social care provision")
            .p("Short breaks.")
            .build();
        assert_eq!(ids(&detect_default(&doc)), ["H1", "H2"]);

        let doc = DocBuilder::new()
            .heading(1, "Section H: Social care provision")
            .heading(
                2,
                "Provision under section 2 of the Chronically Sick and Disabled Persons Act 1970",
            )
            .p("A personal assistant.")
            .heading(1, "Other social care provision (H2)")
            .p("Short breaks.")
            .build();
        assert_eq!(ids(&detect_default(&doc)), ["H1", "H2"]);
    }

    #[test]
    fn letter_list_labels_with_titles_are_headings() {
        let doc = DocBuilder::new()
            .item("B.", "Special educational needs")
            .p("Claire needs help.")
            .item("1.", "Claire needs help with reading.")
            .build();
        let s = detect_default(&doc);
        assert_eq!(ids(&s), ["B"]);
        assert_eq!(s[0].paragraphs, [1, 2]);
    }
}
