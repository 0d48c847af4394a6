//! Writes a [`Document`] through `docx-rs` instead of the raw writer.
//!
//! One sample (`bold-headings.docx`) goes this way so that the readers are
//! tested on a package produced by a different, independent serializer
//! (docx-rs's own styles, settings, `w14:paraId`s, namespace declarations
//! and part order). Only what that layout uses is converted: paragraphs
//! with bold and sized runs, tabs and breaks, and tables with spans and
//! shading. The ZIP docx-rs writes is repacked with fixed timestamps so
//! the output stays byte-for-byte reproducible.

use crate::ooxml::{self, Align, Block, Cell, Document, Inline, Para, Run, Table};

fn run(r: &Run) -> docx_rs::Run {
    let mut out = docx_rs::Run::new().add_text(r.text.clone());
    if r.bold {
        out = out.bold();
    }
    if r.italic {
        out = out.italic();
    }
    if let Some(sz) = r.size {
        out = out.size(sz as usize);
    }
    out
}

fn paragraph(p: &Para) -> docx_rs::Paragraph {
    let mut out = docx_rs::Paragraph::new();
    // Titles are written as directly formatted runs: this layout uses no
    // paragraph styles at all, as many real templates do.
    let title = p.style.as_deref() == Some("Title");
    let subtitle = p.style.as_deref() == Some("Subtitle");
    for inline in &p.inlines {
        out = match inline {
            Inline::Run(r) => {
                let mut r = r.clone();
                if title {
                    r.bold = true;
                    r.size = Some(40);
                }
                if subtitle {
                    r.size = Some(28);
                }
                out.add_run(run(&r))
            }
            Inline::Tab => out.add_run(docx_rs::Run::new().add_tab()),
            Inline::Break => {
                out.add_run(docx_rs::Run::new().add_break(docx_rs::BreakType::TextWrapping))
            }
            Inline::PageBreak => {
                out.add_run(docx_rs::Run::new().add_break(docx_rs::BreakType::Page))
            }
            Inline::Ins { runs, .. }
            | Inline::Sdt { runs, .. }
            | Inline::Hyperlink { runs, .. }
            | Inline::Bookmarked { runs, .. } => runs.iter().fold(out, |o, r| o.add_run(run(r))),
            Inline::Field { result, .. } | Inline::SimpleField { result, .. } => {
                result.iter().fold(out, |o, r| o.add_run(run(r)))
            }
            Inline::Del { .. }
            | Inline::Anchor { .. }
            | Inline::Bookmark { .. }
            | Inline::FieldBegin(_)
            | Inline::FieldEnd
            | Inline::CommentStart(_)
            | Inline::CommentEnd(_) => out,
        };
    }
    if let Some(a) = p.align {
        out = out.align(match a {
            Align::Left => docx_rs::AlignmentType::Left,
            Align::Center => docx_rs::AlignmentType::Center,
            Align::Right => docx_rs::AlignmentType::Right,
        });
    }
    if p.keep_next {
        out = out.keep_next(true);
    }
    out
}

fn cell(c: &Cell) -> docx_rs::TableCell {
    let mut out = docx_rs::TableCell::new();
    for b in &c.blocks {
        out = match b {
            Block::P(p) => out.add_paragraph(paragraph(p)),
            Block::Table(t) => out.add_table(table(t)),
            Block::Sdt { blocks, .. } => blocks.iter().fold(out, |o, b| match b {
                Block::P(p) => o.add_paragraph(paragraph(p)),
                _ => o,
            }),
        };
    }
    if c.blocks.is_empty() {
        out = out.add_paragraph(docx_rs::Paragraph::new());
    }
    if c.span > 1 {
        out = out.grid_span(c.span as usize);
    }
    if let Some(fill) = &c.shade {
        out = out.shading(docx_rs::Shading::new().fill(fill.clone()));
    }
    match c.vmerge {
        Some(true) => out = out.vertical_merge(docx_rs::VMergeType::Restart),
        Some(false) => out = out.vertical_merge(docx_rs::VMergeType::Continue),
        None => {}
    }
    out
}

fn table(t: &Table) -> docx_rs::Table {
    let rows = t
        .rows
        .iter()
        .map(|r| docx_rs::TableRow::new(r.iter().map(cell).collect()))
        .collect();
    let mut out = docx_rs::Table::new(rows);
    if !t.widths.is_empty() {
        out = out.set_grid(t.widths.iter().map(|w| *w as usize).collect());
    }
    out
}

/// The document as a DOCX package written by docx-rs (repacked with fixed
/// timestamps). Headers, footers, numbering and content controls are not
/// converted.
pub fn to_bytes(doc: &Document) -> Vec<u8> {
    // docx-rs numbers paragraphs (`w14:paraId`) from a thread-local counter
    // it does not let callers reset: a fresh thread starts it at 1, so the
    // output does not depend on what was built before.
    let doc = doc.clone();
    std::thread::spawn(move || build(&doc))
        .join()
        .expect("docx-rs conversion does not panic")
}

fn build(doc: &Document) -> Vec<u8> {
    let mut docx = docx_rs::Docx::new()
        .default_fonts(docx_rs::RunFonts::new().ascii(&doc.font).hi_ansi(&doc.font))
        .default_size(doc.base_size as usize)
        .created_at(&doc.created)
        .updated_at(&doc.created);
    for b in &doc.blocks {
        docx = match b {
            Block::P(p) => docx.add_paragraph(paragraph(p)),
            Block::Table(t) => docx.add_table(table(t)),
            Block::Sdt { blocks, .. } => blocks.iter().fold(docx, |d, b| match b {
                Block::P(p) => d.add_paragraph(paragraph(p)),
                Block::Table(t) => d.add_table(table(t)),
                Block::Sdt { .. } => d,
            }),
        };
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut buf)
        .expect("writing to memory cannot fail");
    // docx-rs cannot set the title; the core properties are ours.
    ooxml::repack_with(
        buf.get_ref(),
        &[("docProps/core.xml", doc.core_props().into_bytes())],
    )
    .expect("docx-rs writes a valid ZIP")
}
