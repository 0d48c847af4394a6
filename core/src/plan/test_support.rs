//! A small builder of [`Document`] values for the plan extractor's tests:
//! paragraphs with styles, emphasis, list labels, tables and content
//! controls, without a real package.

use crate::docx::{Cell, CellPosition, ContentControl, Document, ListLabel, Paragraph, Row, Table};

#[derive(Debug, Default)]
pub struct DocBuilder {
    doc: Document,
}

impl DocBuilder {
    pub fn new() -> DocBuilder {
        DocBuilder {
            doc: Document {
                main_part: "word/document.xml".into(),
                ..Document::default()
            },
        }
    }

    fn push(&mut self, text: &str) -> &mut Paragraph {
        let index = self.doc.paragraphs.len();
        self.doc.paragraphs.push(Paragraph {
            index,
            text: text.to_owned(),
            ..Paragraph::default()
        });
        self.doc.paragraphs.last_mut().expect("just pushed")
    }

    /// A plain body paragraph.
    pub fn p(mut self, text: &str) -> Self {
        self.push(text);
        self
    }

    /// A "Heading N" paragraph (outline level N-1).
    pub fn heading(mut self, level: u8, text: &str) -> Self {
        let p = self.push(text);
        p.style_id = Some(format!("Heading{level}"));
        p.style_name = Some(format!("heading {level}"));
        p.outline_level = Some(level - 1);
        self
    }

    /// A paragraph in a named style.
    pub fn styled(mut self, style: &str, text: &str) -> Self {
        let p = self.push(text);
        p.style_id = Some(style.replace(' ', ""));
        p.style_name = Some(style.to_owned());
        self
    }

    /// A bold plain paragraph.
    pub fn bold(mut self, text: &str) -> Self {
        self.push(text).bold = true;
        self
    }

    /// A large (16pt) plain paragraph.
    pub fn large(mut self, text: &str) -> Self {
        self.push(text).size_half_points = Some(32);
        self
    }

    /// A numbered list item at level 0 with this label ("1.", "a)").
    pub fn item(mut self, label: &str, text: &str) -> Self {
        self.push(text).list = Some(ListLabel {
            num_id: 1,
            level: 0,
            label: label.to_owned(),
            bullet: false,
        });
        self
    }

    /// A bullet at the given level.
    pub fn bullet_at(mut self, level: u8, text: &str) -> Self {
        self.push(text).list = Some(ListLabel {
            num_id: 2,
            level,
            label: "•".into(),
            bullet: true,
        });
        self
    }

    pub fn bullet(self, text: &str) -> Self {
        self.bullet_at(0, text)
    }

    /// A table: each row a slice of cells, each cell's paragraphs split on
    /// `\n`. A cell text starting with `**` is bold (the marker is removed).
    pub fn table(mut self, rows: &[&[&str]]) -> Self {
        let t = self.doc.tables.len();
        let mut table = Table::default();
        for (r, row) in rows.iter().enumerate() {
            let mut out = Row::default();
            for (c, cell) in row.iter().enumerate() {
                let (bold, cell) = match cell.strip_prefix("**") {
                    Some(rest) => (true, rest),
                    None => (false, *cell),
                };
                let mut paragraphs = Vec::new();
                for line in cell.split('\n') {
                    let p = self.push(line);
                    p.bold = bold && !line.is_empty();
                    p.cell = Some(CellPosition {
                        table: t,
                        row: r,
                        cell: c,
                    });
                    paragraphs.push(p.index);
                }
                out.cells.push(Cell {
                    paragraphs,
                    span: 1,
                });
            }
            table.rows.push(out);
        }
        self.doc.tables.push(table);
        self
    }

    /// A block content control around these plain paragraphs.
    pub fn control(mut self, title: Option<&str>, tag: Option<&str>, texts: &[&str]) -> Self {
        let start = self.doc.paragraphs.len();
        let c = self.doc.content_controls.len();
        for t in texts {
            self.push(t).content_control = Some(c);
        }
        self.doc.content_controls.push(ContentControl {
            title: title.map(str::to_owned),
            tag: tag.map(str::to_owned),
            paragraphs: start..self.doc.paragraphs.len(),
            showing_placeholder: false,
        });
        self
    }

    /// Text of a running header or footer.
    pub fn header(mut self, text: &str) -> Self {
        self.doc.header_footer_text.push(text.to_owned());
        self
    }

    /// Makes the last paragraph bold.
    pub fn with_bold(mut self) -> Self {
        if let Some(p) = self.doc.paragraphs.last_mut() {
            p.bold = true;
        }
        self
    }

    pub fn build(self) -> Document {
        self.doc
    }
}
