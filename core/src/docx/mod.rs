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
pub fn read(_bytes: &[u8]) -> Result<Document, crate::error::ReadError> {
    Err(crate::error::ReadError::NoMainDocument)
}
