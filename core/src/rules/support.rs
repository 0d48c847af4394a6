//! What every rule needs to make a finding: where the text is, what it
//! quotes, and the item's full wording.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::RuleDoc;
use crate::analysis::words::{is_none_statement, word_iter};
use crate::finding::{Finding, Location};
use crate::plan::{Item, Provision, Section, SectionId};
use crate::review::CheckContext;

/// A finding of `doc`'s rule at its default severity, with no location yet.
pub fn finding(doc: &'static RuleDoc, section: Option<SectionId>) -> Finding {
    Finding {
        rule: doc.id,
        severity: doc.severity,
        section,
        location: None,
        quote: String::new(),
        message: String::new(),
        help: String::new(),
        reference: Some(doc.reference),
        item: None,
        confidence: 1.0,
    }
}

/// The location and exact visible text of a byte range of an item's text.
pub fn locate(
    context: &CheckContext<'_>,
    item: &Item,
    range: Range<usize>,
) -> Option<(Location, String)> {
    let (paragraph, range) = item.locate(range)?;
    let text = &context.document.paragraphs.get(paragraph)?.text;
    let quote = text.get(range.clone())?.to_owned();
    Some((Location { paragraph, range }, quote))
}

/// The range of `item.text` that stands for the whole item: its first
/// paragraph, trimmed, without the plan's own label ("B3 ", "E1.1:", "F2.").
pub fn item_head(item: &Item) -> Range<usize> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\(?(?:[A-K]|H[12])\d+(?:\.\d+)*\)?[:.)]?\s+").expect("label regex")
    });
    let first_line_end = item
        .spans
        .get(1)
        .map_or(item.text.len(), |s| s.item_offset.saturating_sub(1));
    let first_line_end = first_line_end.min(item.text.len());
    let mut head = trim_range(&item.text, 0..first_line_end);
    if let Some(m) = LABEL.find(&item.text[head.clone()])
        && m.end() < head.len()
    {
        head.start += m.end();
    }
    head
}

/// `range` without leading and trailing white space.
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// A finding about `item` that quotes `range` of its text (or its first
/// sentence when `range` is `None`).
pub fn at_item(
    doc: &'static RuleDoc,
    context: &CheckContext<'_>,
    item: &Item,
    range: Option<Range<usize>>,
) -> Finding {
    let mut f = finding(doc, Some(item.section));
    f.item = Some(item.id.clone());
    let range = range.unwrap_or_else(|| item_head(item));
    if let Some((location, quote)) = locate(context, item, range) {
        f.location = Some(location);
        f.quote = quote;
    }
    f
}

/// A finding anchored to a section's heading (or with no location when the
/// section has no heading paragraph).
pub fn at_section(doc: &'static RuleDoc, context: &CheckContext<'_>, section: &Section) -> Finding {
    let mut f = finding(doc, Some(section.id));
    if let Some(p) = section.heading_paragraph
        && let Some(paragraph) = context.document.paragraphs.get(p)
    {
        let range = trim_range(&paragraph.text, 0..paragraph.text.len());
        f.quote = paragraph.text[range.clone()].to_owned();
        f.location = Some(Location {
            paragraph: p,
            range,
        });
    }
    f
}

/// A finding at a byte range of a paragraph.
pub fn at_paragraph(
    doc: &'static RuleDoc,
    context: &CheckContext<'_>,
    section: Option<SectionId>,
    paragraph: usize,
    range: Range<usize>,
) -> Finding {
    let mut f = finding(doc, section);
    if let Some(text) = context.document.paragraphs.get(paragraph).map(|p| &p.text)
        && let Some(quote) = text.get(range.clone())
    {
        f.quote = quote.to_owned();
        f.location = Some(Location { paragraph, range });
    }
    f
}

/// The section a paragraph belongs to (its content or its heading).
pub fn section_of_paragraph(context: &CheckContext<'_>, paragraph: usize) -> Option<SectionId> {
    context
        .plan
        .sections
        .iter()
        .find(|s| s.heading_paragraph == Some(paragraph) || s.paragraphs.contains(&paragraph))
        .map(|s| s.id)
}

/// Where a column of a table row (a provision's "How often" or "Who" cell)
/// is in the document: the paragraph of the item's row holding the first
/// line of `field`, and the byte range of that line in it.
pub fn field_location(
    context: &CheckContext<'_>,
    item: &Item,
    field: &str,
) -> Option<(usize, Range<usize>)> {
    let line = field.lines().map(str::trim).find(|l| !l.is_empty())?;
    let position = item.cell?;
    let row = context
        .document
        .tables
        .get(position.table)?
        .rows
        .get(position.row)?;
    row.cells
        .iter()
        .flat_map(|c| c.paragraphs.iter())
        .find_map(|&p| {
            let text = &context.document.paragraphs.get(p)?.text;
            let start = text.find(line)?;
            Some((p, start..start + line.len()))
        })
}

/// The columns of a provision read apart from its text, that are not
/// already part of it: (column name, its text).
pub fn provision_fields(provision: &Provision) -> Vec<(&'static str, &str)> {
    [
        ("who", &provision.who),
        ("how often", &provision.frequency),
        ("how long", &provision.duration),
        ("group", &provision.group),
    ]
    .into_iter()
    .filter_map(|(name, field)| {
        let field = field.as_deref()?.trim();
        (!field.is_empty() && !provision.item.text.contains(field)).then_some((name, field))
    })
    .collect()
}

/// All the wording of a provision item: its text, any columns read apart
/// and, for a table row, the other cells of its row ("Who", "How often").
pub fn provision_row_text(context: &CheckContext<'_>, provision: &Provision) -> String {
    let mut text = provision_text(provision);
    if let Some(position) = provision.item.cell
        && let Some(row) = context
            .document
            .tables
            .get(position.table)
            .and_then(|t| t.rows.get(position.row))
    {
        for (n, cell) in row.cells.iter().enumerate() {
            if n == position.cell {
                continue;
            }
            for &p in &cell.paragraphs {
                if let Some(paragraph) = context.document.paragraphs.get(p)
                    && !text.contains(paragraph.text.as_str())
                {
                    text.push('\n');
                    text.push_str(&paragraph.text);
                }
            }
        }
    }
    text
}

/// All the wording of a provision item: its text and any columns read apart.
pub fn provision_text(provision: &Provision) -> String {
    let mut text = provision.item.text.clone();
    for field in [
        &provision.what,
        &provision.who,
        &provision.frequency,
        &provision.duration,
        &provision.group,
    ]
    .into_iter()
    .flatten()
    {
        if !text.contains(field.as_str()) {
            text.push('\n');
            text.push_str(field);
        }
    }
    text
}

/// A word that only refers to other items: an id, a number or a linking word.
static REFERENCE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:outcomes?|needs?|provision|links?|linked|to|and|supports?|see|section|s|meets?|[a-k]|h[12]|[a-k]\d+(?:\.\d+)*|h[12]\.\d+|\d+(?:\.\d+)*)$")
        .expect("reference words")
});

/// True when an item has something to check: not a "none" statement, not
/// only references to other items ("Outcome(s): E1, E3"), not a strengths
/// row read as a need, and more than a couple of words.
pub fn is_substantive(item: &Item) -> bool {
    static STRENGTHS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:strengths?|what\s+(?:is|are)\s+working\s+well|what\s+people\s+like\s+and\s+admire)\b\s*[:\-–]")
            .expect("strengths")
    });
    let (mut all, mut content) = (0, 0);
    for word in word_iter(&item.text) {
        all += 1;
        let reference = if word.text.is_ascii() {
            is_reference_word(word.text)
        } else {
            REFERENCE_WORDS.is_match(word.text)
        };
        if !reference {
            content += 1;
        }
        if all >= 3 && content >= 2 {
            // Enough words: the rest cannot change the answer.
            break;
        }
    }
    all >= 3
        && content >= 2
        && !is_none_statement(&item.text)
        && !(matches!(item.section, SectionId::B | SectionId::C | SectionId::D)
            && (STRENGTHS.is_match(&item.text)
                || item.heading.as_deref().is_some_and(|h| {
                    let h = h.trim().to_ascii_lowercase();
                    h.contains("strength") || h.contains("working well")
                })))
}

/// For an ASCII word, what `REFERENCE_WORDS` in [`is_substantive`] says
/// (an item id, a number or a linking word), without a regex search per word.
fn is_reference_word(word: &str) -> bool {
    const LINKING: &[&str] = &[
        "outcome",
        "outcomes",
        "need",
        "needs",
        "provision",
        "link",
        "links",
        "linked",
        "to",
        "and",
        "support",
        "supports",
        "see",
        "section",
        "s",
        "meet",
        "meets",
    ];
    if LINKING.iter().any(|l| l.eq_ignore_ascii_case(word)) {
        return true;
    }
    // "[a-k]", "[a-k]1.2", "1.2" (h1, h2 and h1.3 are among these).
    let number = match word.as_bytes().first() {
        Some(b'a'..=b'k' | b'A'..=b'K') => &word[1..],
        _ => word,
    };
    (number.is_empty() && word.len() == 1)
        || (!number.is_empty()
            && number
                .split('.')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit())))
}

/// `text` cut to at most `max` characters, on a word boundary, with "…".
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max).collect();
    if let Some(space) = cut.rfind(' ') {
        cut.truncate(space);
    }
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// "B1" when the plan numbers its items, otherwise the quoted start of the text.
pub fn describe(item: &Item) -> String {
    if item.id_from_document {
        format!("{} (\"{}\")", item.id, shorten(&item.text, 60))
    } else {
        format!("\"{}\"", shorten(&item.text, 70))
    }
}

/// Where provision for a need in `section` belongs.
pub fn provision_sections_for(section: SectionId) -> &'static [SectionId] {
    match section {
        SectionId::C => &[SectionId::G],
        SectionId::D => &[SectionId::H1, SectionId::H2, SectionId::H],
        _ => &[SectionId::F],
    }
}

/// "F", "G", "H1 or H2".
pub fn provision_section_names(section: SectionId) -> &'static str {
    match section {
        SectionId::C => "section G (health provision)",
        SectionId::D => "section H1 or H2 (social care provision)",
        _ => "section F (special educational provision)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_words_agree_with_the_pattern() {
        let words = [
            "",
            "a",
            "K",
            "l",
            "L",
            "h",
            "H1",
            "h2",
            "h3",
            "H1.2",
            "b12",
            "B1.2.3",
            "b1.",
            "b.1",
            "1",
            "12.5",
            "1..2",
            ".1",
            "1.",
            "x1",
            "kk",
            "ab1",
            "Outcome",
            "OUTCOMES",
            "need",
            "Needs",
            "needed",
            "provision",
            "provisions",
            "link",
            "Links",
            "linked",
            "linking",
            "to",
            "To",
            "and",
            "AND",
            "support",
            "supports",
            "supported",
            "see",
            "section",
            "sections",
            "s",
            "S",
            "meet",
            "meets",
            "meeting",
            "Claire",
            "reading",
            "E1.1",
            "F-3",
            "a1b",
            "1a",
            "_",
            "e_1",
        ];
        for word in words {
            assert_eq!(
                is_reference_word(word),
                REFERENCE_WORDS.is_match(word),
                "{word:?}"
            );
        }
    }
}
