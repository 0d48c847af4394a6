//! The Word document as the reader sees it: body paragraphs in document order,
//! with the visible text, style, list label and table position of each.
//!
//! One reader per part: [`styles`] (styles.xml), [`numbering`] (numbering.xml),
//! [`body`] (the main document part). Parts are found through relationships by
//! [`crate::package`]. Namespaces (Transitional, Strict, any prefix) are
//! normalised once in [`crate::package::xml`].

pub mod body;
pub mod numbering;
pub mod styles;

use std::ops::Range;

/// A Word document read into paragraphs. Produced by [`crate::read_document`].
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Body paragraphs in document order: every `w:p` of the main part's body,
    /// including those in tables and content controls, excluding headers,
    /// footers, footnotes, comments and text boxes. `paragraphs[i].index == i`.
    pub paragraphs: Vec<Paragraph>,
    /// Every table of the body (nested ones too), in order of their start.
    pub tables: Vec<Table>,
    /// Every content control (`w:sdt`) of the body, in order of their start.
    pub content_controls: Vec<ContentControl>,
    /// Part name of the main document, e.g. `word/document.xml`.
    pub main_part: String,
    /// What the package says the document is (`docx`, `docm`, `dotx`, `dotm`, flat OPC).
    pub kind: DocumentKind,
    /// Text of headers and footers (not body paragraphs). Used to recognise
    /// running headers repeated in the body and the child's name in them.
    pub header_footer_text: Vec<String>,
    /// Content the reader did not understand. Never a failure.
    pub warnings: Vec<ReadWarning>,
}

/// Which kind of package the document came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DocumentKind {
    #[default]
    Document,
    MacroEnabledDocument,
    Template,
    MacroEnabledTemplate,
    /// A flat OPC XML package (`pkg:package`), as `body.getOoxml()` returns.
    FlatOpc,
}

/// Something the reader met and skipped. Shown to the user, never fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadWarning {
    /// The part it concerns, e.g. `word/numbering.xml`.
    pub part: String,
    pub message: String,
}

/// One body paragraph (`w:p`).
#[derive(Debug, Clone, Default)]
pub struct Paragraph {
    /// Position in document order over the body (the contract's numbering,
    /// the same as Word's `body.paragraphs`).
    pub index: usize,
    /// The visible text: tracked deletions out, insertions in; runs,
    /// hyperlinks, field results, smart tags and content controls joined;
    /// field codes out; tabs and breaks as spaces.
    pub text: String,
    /// The paragraph style's id (`w:pStyle/@w:val`), if any.
    pub style_id: Option<String>,
    /// The style's name as Word shows it (`Heading 1`), resolved from styles.xml.
    pub style_name: Option<String>,
    /// Outline level, 0 for "Heading 1", through the paragraph properties and
    /// the style chain. `None` for body text.
    pub outline_level: Option<u8>,
    /// All visible (non-space) text is bold, by direct formatting or style.
    pub bold: bool,
    /// The largest font size of the visible text, in half-points (24 = 12pt),
    /// by direct formatting or style; `None` when nothing says.
    pub size_half_points: Option<u32>,
    /// The list label Word would show ("1.", "a)", "iv", "1.2"), if the
    /// paragraph is in a numbered or bulleted list.
    pub list: Option<ListLabel>,
    /// The innermost table cell holding the paragraph.
    pub cell: Option<CellPosition>,
    /// Index into [`Document::content_controls`] of the innermost content
    /// control holding the paragraph (block, row or cell level).
    pub content_control: Option<usize>,
    /// Where each piece of the visible text came from in the part's XML; the
    /// annotation writer uses it to splice comment markers at exact offsets.
    pub segments: Vec<TextSegment>,
    /// Byte range of the whole `<w:p …>…</w:p>` element in the main part.
    pub xml: Range<usize>,
}

/// A paragraph's list membership and label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListLabel {
    pub num_id: u32,
    /// 0-based list level (`w:ilvl`).
    pub level: u8,
    /// The label as Word would render it: "1.", "(a)", "ii.", "1.2", "•".
    pub label: String,
    /// True for bullets (no number in the label).
    pub bullet: bool,
}

/// Where a paragraph sits in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellPosition {
    /// Index into [`Document::tables`].
    pub table: usize,
    /// 0-based row within that table.
    pub row: usize,
    /// 0-based cell within that row (grid spans not expanded).
    pub cell: usize,
}

/// A table of the body. Cells hold paragraph indices; nested tables are
/// tables of their own whose `parent` is the cell holding them.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    /// The cell of the outer table this table is nested in.
    pub parent: Option<CellPosition>,
    /// Nesting depth: 0 for a top-level table.
    pub depth: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// `w:tblHeader`: the row repeats as a header row.
    pub header: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// The paragraphs directly in this cell (not those of nested tables), in order.
    pub paragraphs: Vec<usize>,
    /// Grid columns spanned (`w:gridSpan`), 1 when absent.
    pub span: u32,
}

/// A content control (`w:sdt`) in the body.
#[derive(Debug, Clone, Default)]
pub struct ContentControl {
    /// `w:sdtPr/w:alias/@w:val`, the title Word shows.
    pub title: Option<String>,
    /// `w:sdtPr/w:tag/@w:val`.
    pub tag: Option<String>,
    /// The body paragraphs it contains (for run-level controls, the one paragraph).
    pub paragraphs: Range<usize>,
    /// True while the control still shows its placeholder text.
    pub showing_placeholder: bool,
}

/// One piece of a paragraph's visible text and the XML it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSegment {
    /// Byte range of this piece in [`Paragraph::text`].
    pub text: Range<usize>,
    /// Byte range of the enclosing `<w:r …>…</w:r>` in the main part.
    pub run: Range<usize>,
    /// Byte range of the run's `<w:rPr>…</w:rPr>` (empty range at the run's
    /// content start when the run has none), to copy when splitting the run.
    pub run_properties: Range<usize>,
    /// What produced the text.
    pub source: SegmentSource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SegmentSource {
    /// Character data of a `w:t`: the byte range of the raw (still escaped)
    /// content between `<w:t …>` and `</w:t>`.
    Text { content: Range<usize> },
    /// An element that shows as one character (`w:tab`, `w:br`, `w:cr`,
    /// `w:noBreakHyphen`, `w:sym`): the byte range of the element.
    Element { element: Range<usize> },
}

impl Document {
    /// The paragraphs of one table cell, in order.
    pub fn cell_paragraphs(&self, position: CellPosition) -> &[usize] {
        self.tables
            .get(position.table)
            .and_then(|t| t.rows.get(position.row))
            .and_then(|r| r.cells.get(position.cell))
            .map_or(&[], |c| c.paragraphs.as_slice())
    }

    /// The visible text of one table cell: its paragraphs joined by newlines.
    pub fn cell_text(&self, position: CellPosition) -> String {
        let mut out = String::new();
        for (n, &p) in self.cell_paragraphs(position).iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            out.push_str(&self.paragraphs[p].text);
        }
        out
    }

    /// A document built from plain paragraph texts, for tests of the later
    /// stages (section detection, rules) that do not need a real package.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Document {
        let paragraphs = texts
            .into_iter()
            .enumerate()
            .map(|(index, text)| Paragraph {
                index,
                text: text.to_owned(),
                ..Paragraph::default()
            })
            .collect();
        Document {
            paragraphs,
            main_part: "word/document.xml".into(),
            ..Document::default()
        }
    }
}

/// Reads a .docx/.docm/.dotx/.dotm (zip) or flat OPC (XML) package.
///
/// The main part is found through the package relationships; styles,
/// numbering, headers and footers through the main part's relationships.
/// Broken XML in the main part is an error; in any other part a warning.
///
/// Byte ranges in the result ([`Paragraph::xml`], [`TextSegment`]) are
/// offsets in the main part's bytes. For a flat OPC package those are the
/// bytes of the main part's `pkg:xmlData` content, not of the whole file:
/// comments are only ever written into zip packages.
pub fn read(bytes: &[u8]) -> Result<Document, crate::error::ReadError> {
    use crate::error::ReadError;
    use crate::package::{Package, rel_types};

    let mut package = Package::open(bytes)?;
    let main_part = find_main_part(&mut package)?;
    let kind = main_kind(&package, &main_part)?;
    let main_bytes = package.part(&main_part)?.ok_or(ReadError::NoMainDocument)?;
    let main_xml = std::str::from_utf8(&main_bytes).map_err(|e| ReadError::MalformedXml {
        part: main_part.clone(),
        position: e.valid_up_to() as u64,
        message: "the text is not valid UTF-8".into(),
    })?;
    if kind.is_none() && !root_is_word_document(main_xml) {
        return Err(ReadError::NotAWordDocument(
            "its main part is not a WordprocessingML document".into(),
        ));
    }
    let mut doc = Document {
        main_part: main_part.clone(),
        kind: if package.is_flat() {
            DocumentKind::FlatOpc
        } else {
            kind.unwrap_or_default()
        },
        ..Document::default()
    };
    if kind.is_none() {
        doc.warnings.push(ReadWarning {
            part: main_part.clone(),
            message:
                "the package does not give the main part a Word content type; read as a document"
                    .into(),
        });
    }

    let rels = package.relationships(&main_part)?;
    let first_of = |kind: &str| {
        rels.iter()
            .find(|r| !r.external && r.is(kind))
            .map(|r| r.target.clone())
    };
    let styles = match first_of(rel_types::STYLES) {
        Some(part) => match side_part(&mut package, &part, &mut doc)? {
            Some(xml) => {
                let (styles, problem) = styles::Styles::parse(&xml);
                warn_problem(&mut doc, &part, problem);
                styles
            }
            None => styles::Styles::default(),
        },
        None => styles::Styles::default(),
    };
    let numbering = match first_of(rel_types::NUMBERING) {
        Some(part) => match side_part(&mut package, &part, &mut doc)? {
            Some(xml) => {
                let (numbering, problem) = numbering::Numbering::parse(&xml);
                warn_problem(&mut doc, &part, problem);
                numbering
            }
            None => numbering::Numbering::default(),
        },
        None => numbering::Numbering::default(),
    };

    body::read_body(main_xml, &main_part, &styles, &numbering, &mut doc)?;

    let mut seen_parts = std::collections::HashSet::new();
    for rel in &rels {
        if rel.external || !(rel.is(rel_types::HEADER) || rel.is(rel_types::FOOTER)) {
            continue;
        }
        if !seen_parts.insert(rel.target.clone()) {
            continue;
        }
        let Some(xml) = side_part(&mut package, &rel.target, &mut doc)? else {
            continue;
        };
        match body::read_story_text(&xml, &rel.target) {
            Ok(texts) => {
                for text in texts {
                    if !doc.header_footer_text.contains(&text) {
                        doc.header_footer_text.push(text);
                    }
                }
            }
            Err(e) => doc.warnings.push(ReadWarning {
                part: rel.target.clone(),
                message: format!("the header or footer was skipped: {e}"),
            }),
        }
    }

    for (part, message) in std::mem::take(&mut package.warnings) {
        doc.warnings.push(ReadWarning { part, message });
    }
    Ok(doc)
}

/// The main document part: the target of the package's `officeDocument`
/// relationship (Transitional or Strict type URI). When the package has no
/// such relationship, a part with a WordprocessingML main content type.
fn find_main_part(
    package: &mut crate::package::Package<'_>,
) -> Result<String, crate::error::ReadError> {
    use crate::package::{content_types, rel_types};
    let rels = package.relationships("")?;
    let mut dangling = None;
    for rel in rels
        .iter()
        .filter(|r| !r.external && r.is(rel_types::OFFICE_DOCUMENT))
    {
        if let Some(name) = package.stored_name(&rel.target) {
            return Ok(name);
        }
        dangling.get_or_insert(rel.target.clone());
    }
    let candidates = package.parts_with_content_type(&[
        content_types::DOCUMENT,
        content_types::MACRO_DOCUMENT,
        content_types::TEMPLATE,
        content_types::MACRO_TEMPLATE,
    ]);
    if let Some(part) = candidates.into_iter().find_map(|p| package.stored_name(&p)) {
        package.warnings.push((
            part.clone(),
            match dangling {
                Some(t) => format!(
                    "the package points to a missing main part {t}; this part was read instead"
                ),
                None => {
                    "the package does not say which part is the document; this part was read".into()
                }
            },
        ));
        return Ok(part);
    }
    match dangling {
        Some(t) => Err(crate::error::ReadError::Damaged(format!(
            "the main document part {t} is missing"
        ))),
        None if !package.has_content_types && !package.has_part("_rels/.rels") => {
            Err(crate::error::ReadError::NotAWordDocument(
                "it is a zip file but not an Office package".into(),
            ))
        }
        None => Err(crate::error::ReadError::NoMainDocument),
    }
}

/// The kind of document from the main part's content type. `Ok(None)` when
/// the content type says nothing useful (missing or generic XML); an error
/// when it is another kind of Office file.
fn main_kind(
    package: &crate::package::Package<'_>,
    main_part: &str,
) -> Result<Option<DocumentKind>, crate::error::ReadError> {
    use crate::package::content_types as ct;
    let Some(content_type) = package.content_type(main_part) else {
        return Ok(None);
    };
    let lower = content_type.trim().to_ascii_lowercase();
    let kind = if lower == ct::DOCUMENT.to_ascii_lowercase() {
        Some(DocumentKind::Document)
    } else if lower == ct::MACRO_DOCUMENT.to_ascii_lowercase() {
        Some(DocumentKind::MacroEnabledDocument)
    } else if lower == ct::TEMPLATE.to_ascii_lowercase() {
        Some(DocumentKind::Template)
    } else if lower == ct::MACRO_TEMPLATE.to_ascii_lowercase() {
        Some(DocumentKind::MacroEnabledTemplate)
    } else {
        None
    };
    if kind.is_some() {
        return Ok(kind);
    }
    let what = if lower.contains("spreadsheetml") || lower.contains("ms-excel") {
        Some("it looks like a spreadsheet (Excel)")
    } else if lower.contains("presentationml") || lower.contains("ms-powerpoint") {
        Some("it looks like a presentation (PowerPoint)")
    } else if lower.contains("theme") {
        Some("it holds only an Office theme, not a document")
    } else if lower.contains("drawingml") || lower.contains("visio") {
        Some("it looks like a drawing, not a document")
    } else {
        None
    };
    match what {
        Some(w) => Err(crate::error::ReadError::NotAWordDocument(w.into())),
        None => Ok(None),
    }
}

/// Whether the part's root element is `w:document` (any prefix, Transitional or Strict).
fn root_is_word_document(xml: &str) -> bool {
    use crate::package::xml::{Ns, classify};
    use quick_xml::events::Event;
    let mut reader = quick_xml::NsReader::from_str(xml.strip_prefix('\u{FEFF}').unwrap_or(xml));
    loop {
        match reader.read_resolved_event() {
            Ok((ns, Event::Start(e) | Event::Empty(e))) => {
                return classify(&ns) == Ns::W && e.local_name().as_ref() == "document";
            }
            Ok((_, Event::Eof)) | Err(_) => return false,
            Ok(_) => {}
        }
    }
}

/// A part other than the main one, as text. Missing or undecodable parts
/// are warnings; only the size caps are errors.
fn side_part(
    package: &mut crate::package::Package<'_>,
    part: &str,
    doc: &mut Document,
) -> Result<Option<String>, crate::error::ReadError> {
    use crate::error::ReadError;
    let bytes = match package.part(part) {
        Ok(Some(b)) => b,
        Ok(None) => {
            doc.warnings.push(ReadWarning {
                part: part.to_owned(),
                message: "the part is listed but missing from the package".into(),
            });
            return Ok(None);
        }
        Err(e @ ReadError::TooLarge(_)) => return Err(e),
        Err(e) => {
            doc.warnings.push(ReadWarning {
                part: part.to_owned(),
                message: format!("the part was skipped: {e}"),
            });
            return Ok(None);
        }
    };
    match String::from_utf8(bytes.into_owned()) {
        Ok(s) => Ok(Some(s)),
        Err(_) => {
            doc.warnings.push(ReadWarning {
                part: part.to_owned(),
                message: "the part is not UTF-8 text and was skipped".into(),
            });
            Ok(None)
        }
    }
}

fn warn_problem(doc: &mut Document, part: &str, problem: Option<String>) {
    if let Some(message) = problem {
        doc.warnings.push(ReadWarning {
            part: part.to_owned(),
            message: format!("read only in part: {message}"),
        });
    }
}
