//! A small, deterministic WordprocessingML writer.
//!
//! The samples need package features that `docx-rs` cannot express (content
//! controls with alias and tag, tracked changes, complex fields, running
//! headers, a non-`w:` prefix, a byte-order mark, `word/document2.xml`), so
//! most samples are written as raw XML parts. The model here is deliberately
//! tiny: blocks (paragraphs, tables, block-level content controls) holding
//! inlines (runs, tracked changes, fields, hyperlinks, run-level controls).
//!
//! Everything written is a pure function of the model: no clock, no random,
//! and every ZIP entry carries the same fixed timestamp (1980-01-01 00:00).

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

/// Relationship type of the main document part (Transitional).
const RT_OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const RT_BASE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A run of text with direct formatting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Font size in half-points (24 = 12pt).
    pub size: Option<u32>,
}

impl Run {
    pub fn new(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }
    pub fn bold(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            bold: true,
            ..Run::default()
        }
    }
    pub fn sized(mut self, half_points: u32) -> Self {
        self.size = Some(half_points);
        self
    }
}

/// Something inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Run(Run),
    /// A tab character (`w:tab`).
    Tab,
    /// A line break (`w:br`).
    Break,
    /// A page break (`w:br w:type="page"`).
    PageBreak,
    /// A tracked insertion (`w:ins`).
    Ins {
        id: u32,
        author: String,
        date: String,
        runs: Vec<Run>,
    },
    /// A tracked deletion (`w:del`, text in `w:delText`).
    Del {
        id: u32,
        author: String,
        date: String,
        runs: Vec<Run>,
    },
    /// A complex field: `fldChar begin`, `instrText`, `separate`, result runs, `end`.
    Field {
        instr: String,
        result: Vec<Run>,
    },
    /// A simple field (`w:fldSimple`).
    SimpleField {
        instr: String,
        result: Vec<Run>,
    },
    /// A hyperlink to an external address (relationship id assigned on write).
    Hyperlink {
        url: String,
        runs: Vec<Run>,
    },
    /// An internal hyperlink to a bookmark (tables of contents).
    Anchor {
        anchor: String,
        runs: Vec<Inline>,
    },
    /// A run-level content control.
    Sdt {
        alias: String,
        tag: String,
        runs: Vec<Run>,
    },
    /// A bookmark around nothing (start and end together).
    Bookmark {
        id: u32,
        name: String,
    },
    /// The start of a complex field whose result spans paragraphs
    /// (`fldChar begin` + `instrText` + `fldChar separate`).
    FieldBegin(String),
    /// The end of a field started with [`Inline::FieldBegin`].
    FieldEnd,
    /// Start of the text a comment is anchored to (`w:commentRangeStart`).
    CommentStart(u32),
    /// End of a comment's range and its reference mark.
    CommentEnd(u32),
    /// Runs enclosed in a bookmark (the target of a REF field).
    Bookmarked {
        id: u32,
        name: String,
        runs: Vec<Run>,
    },
}

/// Paragraph alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// A paragraph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Para {
    pub style: Option<String>,
    /// List membership: (numId, ilvl).
    pub num: Option<(u32, u32)>,
    pub align: Option<Align>,
    /// Space after in twentieths of a point.
    pub space_after: Option<u32>,
    pub keep_next: bool,
    pub inlines: Vec<Inline>,
}

impl Para {
    /// The text of the paragraph's plain runs (enough to find a paragraph).
    pub fn plain_text(&self) -> String {
        self.inlines
            .iter()
            .filter_map(|i| match i {
                Inline::Run(r) => Some(r.text.as_str()),
                _ => None,
            })
            .collect()
    }
    pub fn new() -> Self {
        Para::default()
    }
    /// A body-text paragraph with one plain run.
    pub fn text(text: impl Into<String>) -> Self {
        Para {
            inlines: vec![Inline::Run(Run::new(text))],
            ..Para::default()
        }
    }
    /// A paragraph in the given style with one plain run.
    pub fn styled(style: &str, text: impl Into<String>) -> Self {
        Para {
            style: Some(style.to_string()),
            inlines: vec![Inline::Run(Run::new(text))],
            ..Para::default()
        }
    }
    /// A paragraph made of the given runs.
    pub fn runs(runs: Vec<Run>) -> Self {
        Para {
            inlines: runs.into_iter().map(Inline::Run).collect(),
            ..Para::default()
        }
    }
    /// "Label: value" with the label in bold.
    pub fn labelled(label: &str, value: impl Into<String>) -> Self {
        Para::runs(vec![Run::bold(format!("{label}: ")), Run::new(value)])
    }
    pub fn style(mut self, style: &str) -> Self {
        self.style = Some(style.to_string());
        self
    }
    pub fn numbered(mut self, num_id: u32, level: u32) -> Self {
        self.num = Some((num_id, level));
        self.style
            .get_or_insert_with(|| "ListParagraph".to_string());
        self
    }
    pub fn align(mut self, align: Align) -> Self {
        self.align = Some(align);
        self
    }
    pub fn keep_next(mut self) -> Self {
        self.keep_next = true;
        self
    }
    pub fn push(mut self, inline: Inline) -> Self {
        self.inlines.push(inline);
        self
    }
}

/// A table cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    pub blocks: Vec<Block>,
    /// Background fill, hex RGB ("D9E2F3").
    pub shade: Option<String>,
    /// Horizontal span (`w:gridSpan`).
    pub span: u32,
    /// Width in twentieths of a point.
    pub width: Option<u32>,
    /// Vertical merge: `Some(true)` starts a merged cell, `Some(false)` continues it.
    pub vmerge: Option<bool>,
}

impl Cell {
    pub fn new(blocks: Vec<Block>) -> Self {
        Cell {
            blocks,
            span: 1,
            ..Cell::default()
        }
    }
    /// A cell with one plain paragraph (a line break per `\n`).
    pub fn text(text: &str) -> Self {
        Cell::new(text.split('\n').map(|t| Block::P(Para::text(t))).collect())
    }
    /// A cell with one bold paragraph.
    pub fn bold(text: &str) -> Self {
        Cell::new(vec![Block::P(Para::runs(vec![Run::bold(text)]))])
    }
    pub fn shade(mut self, fill: &str) -> Self {
        self.shade = Some(fill.to_string());
        self
    }
    pub fn span(mut self, n: u32) -> Self {
        self.span = n;
        self
    }
    pub fn vmerge(mut self, restart: bool) -> Self {
        self.vmerge = Some(restart);
        self
    }
    pub fn width(mut self, twips: u32) -> Self {
        self.width = Some(twips);
        self
    }
}

/// A table: rows of cells. The grid is the widest row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
    /// The first row repeats on each page (`w:tblHeader`).
    pub header_row: bool,
    /// Column widths in twentieths of a point; evenly split when empty.
    pub widths: Vec<u32>,
}

impl Table {
    pub fn new(rows: Vec<Vec<Cell>>) -> Self {
        Table {
            rows,
            ..Table::default()
        }
    }
    pub fn header(mut self) -> Self {
        self.header_row = true;
        self
    }
    pub fn widths(mut self, widths: &[u32]) -> Self {
        self.widths = widths.to_vec();
        self
    }
}

/// A body-level block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    P(Para),
    Table(Table),
    /// A block-level content control around blocks.
    Sdt {
        alias: String,
        tag: String,
        blocks: Vec<Block>,
    },
}

/// How the package is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageOptions {
    /// Part name of the main document, without the leading slash.
    pub main_part: String,
    /// Prefix bound to the WordprocessingML namespace in the main part.
    pub prefix: String,
    /// Start the main part with a UTF-8 byte-order mark.
    pub bom: bool,
}

impl Default for PackageOptions {
    fn default() -> Self {
        PackageOptions {
            main_part: "word/document.xml".to_string(),
            prefix: "w".to_string(),
            bom: false,
        }
    }
}

/// A list definition for numbering.xml.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListDef {
    /// The `w:numId` paragraphs refer to.
    pub num_id: u32,
    /// Per level: (numFmt, lvlText), e.g. ("decimal", "%1.").
    pub levels: Vec<(String, String)>,
}

impl ListDef {
    pub fn decimal(num_id: u32) -> Self {
        ListDef {
            num_id,
            levels: vec![
                ("decimal".into(), "%1.".into()),
                ("lowerLetter".into(), "%2)".into()),
            ],
        }
    }
    pub fn bullet(num_id: u32) -> Self {
        ListDef {
            num_id,
            levels: vec![("bullet".into(), "\u{2022}".into())],
        }
    }
    /// A list whose label carries a prefix, e.g. "Need %1" or "B%1".
    pub fn prefixed(num_id: u32, text: &str) -> Self {
        ListDef {
            num_id,
            levels: vec![("decimal".into(), text.into())],
        }
    }
}

/// A whole document, ready to be packaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// Paragraphs of the default header (none when empty).
    pub header: Vec<Para>,
    /// Paragraphs of the default footer (none when empty).
    pub footer: Vec<Para>,
    pub lists: Vec<ListDef>,
    pub title: String,
    pub author: String,
    /// Fixed creation date for docProps/core.xml (W3CDTF).
    pub created: String,
    /// Base font size in half-points.
    pub base_size: u32,
    pub font: String,
    pub options: PackageOptions,
    /// Turn on "track changes" in settings.xml.
    pub track_revisions: bool,
    /// People's comments (comments.xml, commentsExtended.xml,
    /// commentsIds.xml, people.xml), anchored with [`Inline::CommentStart`]
    /// and [`Inline::CommentEnd`].
    pub comments: Vec<Comment>,
}

/// A comment as Word writes it: replies point at their parent; a resolved
/// thread is marked done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: u32,
    pub author: String,
    pub initials: String,
    pub date: String,
    pub text: String,
    /// The comment this one replies to.
    pub parent: Option<u32>,
    pub done: bool,
}

impl Comment {
    /// The `w14:paraId` of the comment's (single) paragraph.
    fn para_id(&self) -> String {
        format!("{:08X}", 0x1C00_0000 + self.id)
    }
}

impl Document {
    pub fn new(title: &str, author: &str, created: &str) -> Self {
        Document {
            blocks: Vec::new(),
            header: Vec::new(),
            footer: Vec::new(),
            lists: Vec::new(),
            title: title.to_string(),
            author: author.to_string(),
            created: created.to_string(),
            base_size: 22,
            font: "Arial".to_string(),
            options: PackageOptions::default(),
            track_revisions: false,
            comments: Vec::new(),
        }
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// Anchors comments to the whole of the first paragraph whose text
    /// contains `needle` (searching tables and content controls too).
    /// Returns whether a paragraph was found.
    pub fn anchor_comments(&mut self, needle: &str, ids: &[u32]) -> bool {
        fn visit(blocks: &mut [Block], needle: &str, ids: &[u32]) -> bool {
            for b in blocks {
                let found = match b {
                    Block::P(p) => {
                        if p.plain_text().contains(needle) {
                            for id in ids.iter().rev() {
                                p.inlines.insert(0, Inline::CommentStart(*id));
                            }
                            for id in ids {
                                p.inlines.push(Inline::CommentEnd(*id));
                            }
                            true
                        } else {
                            false
                        }
                    }
                    Block::Table(t) => t
                        .rows
                        .iter_mut()
                        .flat_map(|r| r.iter_mut())
                        .any(|c| visit(&mut c.blocks, needle, ids)),
                    Block::Sdt { blocks, .. } => visit(blocks, needle, ids),
                };
                if found {
                    return true;
                }
            }
            false
        }
        visit(&mut self.blocks, needle, ids)
    }
    pub fn p(&mut self, para: Para) {
        self.blocks.push(Block::P(para));
    }
    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    /// The package as bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        zip_parts(&self.parts())
    }

    /// The package in ISO/IEC 29500 Strict conformance: Strict namespaces
    /// and relationship types, `w:conformance="strict"` on the document.
    /// (Word opens it; python-docx does not support Strict.)
    pub fn to_strict_bytes(&self) -> Vec<u8> {
        let parts: Vec<(String, Vec<u8>)> = self
            .parts()
            .into_iter()
            .map(|(name, bytes)| {
                let text = String::from_utf8(bytes).expect("parts are UTF-8");
                let text = to_strict(
                    &text,
                    name == self.options.main_part.trim_start_matches('/'),
                    &self.options.prefix,
                );
                (name, text.into_bytes())
            })
            .collect();
        zip_parts(&parts)
    }

    /// The package as one Flat OPC XML document (`pkg:package`), the form
    /// Word's `body.getOoxml()` returns.
    pub fn to_flat_opc(&self) -> String {
        let main_part = self.options.main_part.trim_start_matches('/').to_string();
        let mut s = String::from(XML_DECL);
        s.push_str("<?mso-application progid=\"Word.Document\"?>\r\n");
        s.push_str(
            r#"<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">"#,
        );
        for (name, bytes) in self.parts() {
            if name == "[Content_Types].xml" {
                continue;
            }
            let ct = content_type_of(&name, &main_part);
            let text = String::from_utf8(bytes).expect("parts are UTF-8");
            let text = text.trim_start_matches('\u{feff}');
            let body = text.strip_prefix(XML_DECL).unwrap_or(text);
            let _ = write!(
                s,
                r#"<pkg:part pkg:name="/{}" pkg:contentType="{}"><pkg:xmlData>{}</pkg:xmlData></pkg:part>"#,
                esc(&name),
                ct,
                body
            );
        }
        s.push_str("</pkg:package>");
        s
    }

    /// Every part of the package, in the order they are zipped.
    pub fn parts(&self) -> Vec<(String, Vec<u8>)> {
        let mut hyperlinks = Vec::new();
        let body = {
            let mut w = XmlWriter {
                out: String::new(),
                rev: 1,
                p: self.options.prefix.clone(),
                hyperlinks: &mut hyperlinks,
            };
            w.document(self);
            w.out
        };
        let mut main = Vec::new();
        if self.options.bom {
            main.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
        }
        main.extend_from_slice(body.as_bytes());

        let main_part = self.options.main_part.trim_start_matches('/').to_string();
        let (main_dir, main_file) = match main_part.rsplit_once('/') {
            Some((d, f)) => (d.to_string(), f.to_string()),
            None => (String::new(), main_part.clone()),
        };
        let rels_name = if main_dir.is_empty() {
            format!("_rels/{main_file}.rels")
        } else {
            format!("{main_dir}/_rels/{main_file}.rels")
        };

        let mut parts: Vec<(String, Vec<u8>)> = vec![
            (
                "[Content_Types].xml".into(),
                self.content_types(&main_part).into_bytes(),
            ),
            ("_rels/.rels".into(), package_rels(&main_part).into_bytes()),
            ("docProps/core.xml".into(), self.core_props().into_bytes()),
            ("docProps/app.xml".into(), app_props().into_bytes()),
            (main_part.clone(), main),
            (rels_name, self.document_rels(&hyperlinks).into_bytes()),
            ("word/styles.xml".into(), self.styles().into_bytes()),
            ("word/settings.xml".into(), self.settings().into_bytes()),
            ("word/fontTable.xml".into(), self.font_table().into_bytes()),
        ];
        if !self.lists.is_empty() {
            parts.push(("word/numbering.xml".into(), self.numbering().into_bytes()));
        }
        if !self.header.is_empty() {
            parts.push(("word/header1.xml".into(), self.hdr_ftr("hdr", &self.header)));
        }
        if !self.footer.is_empty() {
            parts.push(("word/footer1.xml".into(), self.hdr_ftr("ftr", &self.footer)));
        }
        if !self.comments.is_empty() {
            parts.extend(self.comment_parts());
        }
        parts
    }

    fn comment_parts(&self) -> Vec<(String, Vec<u8>)> {
        const W14: &str = "http://schemas.microsoft.com/office/word/2010/wordml";
        const W15: &str = "http://schemas.microsoft.com/office/word/2012/wordml";
        const W16CID: &str = "http://schemas.microsoft.com/office/word/2016/wordml/cid";
        const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
        let mut c = String::from(XML_DECL);
        let _ = write!(
            c,
            r#"<w:comments xmlns:mc="{MC}" xmlns:w="{NS_W}" xmlns:w14="{W14}" xmlns:w15="{W15}" mc:Ignorable="w14 w15">"#
        );
        for k in &self.comments {
            let _ = write!(
                c,
                concat!(
                    r#"<w:comment w:id="{}" w:author="{}" w:date="{}" w:initials="{}">"#,
                    r#"<w:p w14:paraId="{}" w14:textId="77777777"><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>"#,
                    r#"<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>"#,
                    r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:comment>"#
                ),
                k.id,
                esc(&k.author),
                esc(&k.date),
                esc(&k.initials),
                k.para_id(),
                esc(&k.text)
            );
        }
        c.push_str("</w:comments>");
        let mut x = String::from(XML_DECL);
        let _ = write!(
            x,
            r#"<w15:commentsEx xmlns:mc="{MC}" xmlns:w15="{W15}" mc:Ignorable="w15">"#
        );
        for k in &self.comments {
            let parent = k
                .parent
                .and_then(|p| self.comments.iter().find(|c| c.id == p))
                .map(|p| format!(r#" w15:paraIdParent="{}""#, p.para_id()))
                .unwrap_or_default();
            let _ = write!(
                x,
                r#"<w15:commentEx w15:paraId="{}"{parent} w15:done="{}"/>"#,
                k.para_id(),
                u8::from(k.done)
            );
        }
        x.push_str("</w15:commentsEx>");
        let mut ids = String::from(XML_DECL);
        let _ = write!(
            ids,
            r#"<w16cid:commentsIds xmlns:mc="{MC}" xmlns:w16cid="{W16CID}" mc:Ignorable="w16cid">"#
        );
        for k in &self.comments {
            let _ = write!(
                ids,
                r#"<w16cid:commentId w16cid:paraId="{}" w16cid:durableId="{:08X}"/>"#,
                k.para_id(),
                0x2A00_0000 + k.id
            );
        }
        ids.push_str("</w16cid:commentsIds>");
        let mut people = String::from(XML_DECL);
        let _ = write!(
            people,
            r#"<w15:people xmlns:mc="{MC}" xmlns:w15="{W15}" mc:Ignorable="w15">"#
        );
        let mut seen: Vec<&str> = Vec::new();
        for k in &self.comments {
            if seen.contains(&k.author.as_str()) {
                continue;
            }
            seen.push(&k.author);
            let _ = write!(
                people,
                r#"<w15:person w15:author="{a}"><w15:presenceInfo w15:providerId="None" w15:userId="{a}"/></w15:person>"#,
                a = esc(&k.author)
            );
        }
        people.push_str("</w15:people>");
        vec![
            ("word/comments.xml".into(), c.into_bytes()),
            ("word/commentsExtended.xml".into(), x.into_bytes()),
            ("word/commentsIds.xml".into(), ids.into_bytes()),
            ("word/people.xml".into(), people.into_bytes()),
        ]
    }

    fn content_types(&self, main_part: &str) -> String {
        let mut s = String::from(XML_DECL);
        s.push_str(
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
        );
        s.push_str(r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#);
        s.push_str(r#"<Default Extension="xml" ContentType="application/xml"/>"#);
        let _ = write!(
            s,
            r#"<Override PartName="/{main_part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        );
        s.push_str(r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#);
        s.push_str(r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#);
        s.push_str(r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#);
        if !self.lists.is_empty() {
            s.push_str(r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#);
        }
        if !self.header.is_empty() {
            s.push_str(r#"<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>"#);
        }
        if !self.footer.is_empty() {
            s.push_str(r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#);
        }
        if !self.comments.is_empty() {
            for (part, kind) in [
                ("comments", "comments"),
                ("commentsExtended", "commentsExtended"),
                ("commentsIds", "commentsIds"),
                ("people", "people"),
            ] {
                let _ = write!(
                    s,
                    r#"<Override PartName="/word/{part}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/>"#
                );
            }
        }
        s.push_str(r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#);
        s.push_str(r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#);
        s.push_str("</Types>");
        s
    }

    /// docProps/core.xml: title, author and the fixed dates.
    pub fn core_props(&self) -> String {
        format!(
            concat!(
                "{decl}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ",
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" ",
                "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
                "<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy>",
                "<cp:revision>1</cp:revision>",
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created>",
                "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:modified>",
                "</cp:coreProperties>"
            ),
            decl = XML_DECL,
            title = esc(&self.title),
            author = esc(&self.author),
            created = esc(&self.created),
        )
    }

    fn document_rels(&self, hyperlinks: &[String]) -> String {
        let mut s = String::from(XML_DECL);
        s.push_str(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#);
        let _ = write!(
            s,
            r#"<Relationship Id="rIdStyles" Type="{RT_BASE}/styles" Target="styles.xml"/>"#
        );
        let _ = write!(
            s,
            r#"<Relationship Id="rIdSettings" Type="{RT_BASE}/settings" Target="settings.xml"/>"#
        );
        let _ = write!(
            s,
            r#"<Relationship Id="rIdFonts" Type="{RT_BASE}/fontTable" Target="fontTable.xml"/>"#
        );
        if !self.lists.is_empty() {
            let _ = write!(
                s,
                r#"<Relationship Id="rIdNumbering" Type="{RT_BASE}/numbering" Target="numbering.xml"/>"#
            );
        }
        if !self.header.is_empty() {
            let _ = write!(
                s,
                r#"<Relationship Id="rIdHeader1" Type="{RT_BASE}/header" Target="header1.xml"/>"#
            );
        }
        if !self.footer.is_empty() {
            let _ = write!(
                s,
                r#"<Relationship Id="rIdFooter1" Type="{RT_BASE}/footer" Target="footer1.xml"/>"#
            );
        }
        if !self.comments.is_empty() {
            let _ = write!(
                s,
                concat!(
                    r#"<Relationship Id="rIdComments" Type="{}/comments" Target="comments.xml"/>"#,
                    r#"<Relationship Id="rIdCommentsExtended" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/>"#,
                    r#"<Relationship Id="rIdCommentsIds" Type="http://schemas.microsoft.com/office/2016/09/relationships/commentsIds" Target="commentsIds.xml"/>"#,
                    r#"<Relationship Id="rIdPeople" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/>"#
                ),
                RT_BASE
            );
        }
        for (i, url) in hyperlinks.iter().enumerate() {
            let _ = write!(
                s,
                r#"<Relationship Id="rIdLink{}" Type="{RT_BASE}/hyperlink" Target="{}" TargetMode="External"/>"#,
                i + 1,
                esc(url)
            );
        }
        s.push_str("</Relationships>");
        s
    }

    fn styles(&self) -> String {
        let font = esc(&self.font);
        let base = self.base_size;
        let mut s = String::from(XML_DECL);
        let _ = write!(s, r#"<w:styles xmlns:w="{NS_W}">"#);
        let _ = write!(
            s,
            concat!(
                r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{f}" w:hAnsi="{f}" w:eastAsia="{f}" w:cs="{f}"/>"#,
                r#"<w:sz w:val="{b}"/><w:szCs w:val="{b}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>"#,
                r#"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
            ),
            f = font,
            b = base
        );
        s.push_str(r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#);
        s.push_str(r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#);
        s.push_str(r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#);
        s.push_str(r#"<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>"#);
        let _ = write!(
            s,
            r#"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/></w:rPr></w:style>"#,
            base + 22
        );
        let _ = write!(
            s,
            r#"<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="404040"/><w:sz w:val="{0}"/><w:szCs w:val="{0}"/></w:rPr></w:style>"#,
            base + 6
        );
        for (level, extra, color) in [(1u32, 10u32, "1F3864"), (2, 4, "2F5496"), (3, 2, "2F5496")] {
            let _ = write!(
                s,
                concat!(
                    r#"<w:style w:type="paragraph" w:styleId="Heading{l}"><w:name w:val="heading {l}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>"#,
                    r#"<w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{o}"/></w:pPr>"#,
                    r#"<w:rPr><w:b/><w:color w:val="{c}"/><w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/></w:rPr></w:style>"#
                ),
                l = level,
                o = level - 1,
                before = if level == 1 { 360 } else { 200 },
                c = color,
                sz = base + extra
            );
        }
        s.push_str(r#"<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>"#);
        s.push_str(r#"<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="28"/></w:rPr></w:style>"#);
        s.push_str(r#"<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9016"/></w:tabs><w:spacing w:after="60"/></w:pPr></w:style>"#);
        s.push_str(r#"<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>"#);
        s.push_str(r#"<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4513"/><w:tab w:val="right" w:pos="9026"/></w:tabs><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>"#);
        s.push_str(r#"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr></w:style>"#);
        s.push_str(r#"<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:sz w:val="16"/></w:rPr></w:style>"#);
        s.push_str(r#"<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>"#);
        s.push_str(r#"<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>"#);
        s.push_str(r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>"#);
        s.push_str("</w:styles>");
        s
    }

    fn settings(&self) -> String {
        let mut s = String::from(XML_DECL);
        let _ = write!(s, r#"<w:settings xmlns:w="{NS_W}">"#);
        s.push_str(r#"<w:zoom w:percent="100"/>"#);
        if self.track_revisions {
            s.push_str("<w:trackRevisions/>");
        }
        s.push_str(r#"<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#);
        s.push_str("</w:settings>");
        s
    }

    fn font_table(&self) -> String {
        format!(
            r#"{XML_DECL}<w:fonts xmlns:w="{NS_W}"><w:font w:name="{f}"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font></w:fonts>"#,
            f = esc(&self.font)
        )
    }

    fn numbering(&self) -> String {
        let mut s = String::from(XML_DECL);
        let _ = write!(s, r#"<w:numbering xmlns:w="{NS_W}">"#);
        for (i, list) in self.lists.iter().enumerate() {
            let _ = write!(
                s,
                r#"<w:abstractNum w:abstractNumId="{i}"><w:multiLevelType w:val="hybridMultilevel"/>"#
            );
            for (lvl, (fmt, text)) in list.levels.iter().enumerate() {
                let indent = 720 * (lvl as u32 + 1);
                let _ = write!(
                    s,
                    concat!(
                        r#"<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>"#,
                        r#"<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{ind}" w:hanging="360"/></w:pPr>{rpr}</w:lvl>"#
                    ),
                    lvl = lvl,
                    fmt = esc(fmt),
                    text = esc(text),
                    ind = indent,
                    rpr = if fmt == "bullet" {
                        r#"<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>"#
                    } else {
                        ""
                    }
                );
            }
            s.push_str("</w:abstractNum>");
        }
        for (i, list) in self.lists.iter().enumerate() {
            let _ = write!(
                s,
                r#"<w:num w:numId="{}"><w:abstractNumId w:val="{i}"/></w:num>"#,
                list.num_id
            );
        }
        s.push_str("</w:numbering>");
        s
    }

    fn hdr_ftr(&self, root: &str, paras: &[Para]) -> Vec<u8> {
        let mut links = Vec::new();
        let mut w = XmlWriter {
            out: String::new(),
            rev: 1,
            p: "w".to_string(),
            hyperlinks: &mut links,
        };
        w.out.push_str(XML_DECL);
        let _ = write!(w.out, r#"<w:{root} xmlns:w="{NS_W}" xmlns:r="{NS_R}">"#);
        for para in paras {
            w.para(para);
        }
        let _ = write!(w.out, "</w:{root}>");
        w.out.into_bytes()
    }
}

const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

fn package_rels(main_part: &str) -> String {
    format!(
        concat!(
            "{decl}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
            "<Relationship Id=\"rId1\" Type=\"{rt}\" Target=\"{main}\"/>",
            "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>",
            "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>",
            "</Relationships>"
        ),
        decl = XML_DECL,
        rt = RT_OFFICE_DOCUMENT,
        main = main_part
    )
}

/// The content type of a part, as [Content_Types].xml declares it.
fn content_type_of(name: &str, main_part: &str) -> &'static str {
    if name.ends_with(".rels") {
        return "application/vnd.openxmlformats-package.relationships+xml";
    }
    if name == main_part {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    }
    match name {
        "word/styles.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
        }
        "word/settings.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
        }
        "word/fontTable.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
        }
        "word/numbering.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
        }
        "word/header1.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
        }
        "word/footer1.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
        }
        "word/comments.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
        }
        "word/commentsExtended.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"
        }
        "word/commentsIds.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml"
        }
        "word/people.xml" => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"
        }
        "docProps/core.xml" => "application/vnd.openxmlformats-package.core-properties+xml",
        "docProps/app.xml" => {
            "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        }
        _ => "application/xml",
    }
}

/// Rewrites a Transitional part into Strict.
fn to_strict(text: &str, is_main: bool, prefix: &str) -> String {
    let mut t = text
        .replace(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
            "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
        )
        .replace(
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            "http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
        )
        .replace(NS_W, "http://purl.oclc.org/ooxml/wordprocessingml/main")
        .replace(NS_R, "http://purl.oclc.org/ooxml/officeDocument/relationships");
    if is_main {
        let root = format!("<{prefix}:document ");
        t = t.replacen(
            &root,
            &format!("<{prefix}:document {prefix}:conformance=\"strict\" "),
            1,
        );
    }
    t
}

fn app_props() -> String {
    format!(
        "{XML_DECL}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>ehcp-samples</Application><DocSecurity>0</DocSecurity></Properties>"
    )
}

/// Escapes text for XML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

struct XmlWriter<'a> {
    out: String,
    /// Next revision id: every `w:ins`/`w:del` gets a unique one in document order.
    rev: u32,
    /// The WordprocessingML prefix.
    p: String,
    hyperlinks: &'a mut Vec<String>,
}

impl XmlWriter<'_> {
    fn next_rev(&mut self) -> u32 {
        self.rev += 1;
        self.rev - 1
    }

    fn document(&mut self, doc: &Document) {
        let p = self.p.clone();
        self.out.push_str(XML_DECL);
        let _ = write!(
            self.out,
            r#"<{p}:document xmlns:{p}="{NS_W}" xmlns:r="{NS_R}"><{p}:body>"#
        );
        for block in &doc.blocks {
            self.block(block);
        }
        let _ = write!(self.out, "<{p}:sectPr>");
        if !doc.header.is_empty() {
            let _ = write!(
                self.out,
                r#"<{p}:headerReference {p}:type="default" r:id="rIdHeader1"/>"#
            );
        }
        if !doc.footer.is_empty() {
            let _ = write!(
                self.out,
                r#"<{p}:footerReference {p}:type="default" r:id="rIdFooter1"/>"#
            );
        }
        let _ = write!(
            self.out,
            concat!(
                r#"<{p}:pgSz {p}:w="11906" {p}:h="16838"/>"#,
                r#"<{p}:pgMar {p}:top="1440" {p}:right="1440" {p}:bottom="1440" {p}:left="1440" {p}:header="708" {p}:footer="708" {p}:gutter="0"/>"#,
                r#"<{p}:cols {p}:space="708"/></{p}:sectPr></{p}:body></{p}:document>"#
            ),
            p = p
        );
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::P(para) => self.para(para),
            Block::Table(table) => self.table(table),
            Block::Sdt { alias, tag, blocks } => {
                let p = self.p.clone();
                let _ = write!(
                    self.out,
                    r#"<{p}:sdt><{p}:sdtPr><{p}:alias {p}:val="{a}"/><{p}:tag {p}:val="{t}"/><{p}:id {p}:val="{id}"/></{p}:sdtPr><{p}:sdtContent>"#,
                    a = esc(alias),
                    t = esc(tag),
                    id = stable_id(tag)
                );
                for b in blocks {
                    self.block(b);
                }
                let _ = write!(self.out, "</{p}:sdtContent></{p}:sdt>");
            }
        }
    }

    fn para(&mut self, para: &Para) {
        let p = self.p.clone();
        let _ = write!(self.out, "<{p}:p>");
        let has_ppr = para.style.is_some()
            || para.num.is_some()
            || para.align.is_some()
            || para.space_after.is_some()
            || para.keep_next;
        if has_ppr {
            let _ = write!(self.out, "<{p}:pPr>");
            if let Some(style) = &para.style {
                let _ = write!(self.out, r#"<{p}:pStyle {p}:val="{}"/>"#, esc(style));
            }
            if para.keep_next {
                let _ = write!(self.out, "<{p}:keepNext/>");
            }
            if let Some((num, lvl)) = para.num {
                let _ = write!(
                    self.out,
                    r#"<{p}:numPr><{p}:ilvl {p}:val="{lvl}"/><{p}:numId {p}:val="{num}"/></{p}:numPr>"#
                );
            }
            if let Some(after) = para.space_after {
                let _ = write!(self.out, r#"<{p}:spacing {p}:after="{after}"/>"#);
            }
            if let Some(align) = para.align {
                let v = match align {
                    Align::Left => "left",
                    Align::Center => "center",
                    Align::Right => "right",
                };
                let _ = write!(self.out, r#"<{p}:jc {p}:val="{v}"/>"#);
            }
            let _ = write!(self.out, "</{p}:pPr>");
        }
        for inline in &para.inlines {
            self.inline(inline);
        }
        let _ = write!(self.out, "</{p}:p>");
    }

    fn run(&mut self, run: &Run, deleted: bool) {
        let p = self.p.clone();
        let _ = write!(self.out, "<{p}:r>");
        if run.bold || run.italic || run.size.is_some() {
            let _ = write!(self.out, "<{p}:rPr>");
            if run.bold {
                let _ = write!(self.out, "<{p}:b/><{p}:bCs/>");
            }
            if run.italic {
                let _ = write!(self.out, "<{p}:i/><{p}:iCs/>");
            }
            if let Some(sz) = run.size {
                let _ = write!(
                    self.out,
                    r#"<{p}:sz {p}:val="{sz}"/><{p}:szCs {p}:val="{sz}"/>"#
                );
            }
            let _ = write!(self.out, "</{p}:rPr>");
        }
        let el = if deleted { "delText" } else { "t" };
        let _ = write!(
            self.out,
            r#"<{p}:{el} xml:space="preserve">{}</{p}:{el}></{p}:r>"#,
            esc(&run.text)
        );
    }

    fn inline(&mut self, inline: &Inline) {
        let p = self.p.clone();
        match inline {
            Inline::Run(run) => self.run(run, false),
            Inline::Tab => {
                let _ = write!(self.out, "<{p}:r><{p}:tab/></{p}:r>");
            }
            Inline::Break => {
                let _ = write!(self.out, "<{p}:r><{p}:br/></{p}:r>");
            }
            Inline::PageBreak => {
                let _ = write!(self.out, r#"<{p}:r><{p}:br {p}:type="page"/></{p}:r>"#);
            }
            Inline::Ins {
                author, date, runs, ..
            } => {
                let id = self.next_rev();
                let _ = write!(
                    self.out,
                    r#"<{p}:ins {p}:id="{id}" {p}:author="{}" {p}:date="{}">"#,
                    esc(author),
                    esc(date)
                );
                for r in runs {
                    self.run(r, false);
                }
                let _ = write!(self.out, "</{p}:ins>");
            }
            Inline::Del {
                author, date, runs, ..
            } => {
                let id = self.next_rev();
                let _ = write!(
                    self.out,
                    r#"<{p}:del {p}:id="{id}" {p}:author="{}" {p}:date="{}">"#,
                    esc(author),
                    esc(date)
                );
                for r in runs {
                    self.run(r, true);
                }
                let _ = write!(self.out, "</{p}:del>");
            }
            Inline::Field { instr, result } => {
                let _ = write!(
                    self.out,
                    r#"<{p}:r><{p}:fldChar {p}:fldCharType="begin"/></{p}:r><{p}:r><{p}:instrText xml:space="preserve"> {} </{p}:instrText></{p}:r><{p}:r><{p}:fldChar {p}:fldCharType="separate"/></{p}:r>"#,
                    esc(instr)
                );
                for r in result {
                    self.run(r, false);
                }
                let _ = write!(
                    self.out,
                    r#"<{p}:r><{p}:fldChar {p}:fldCharType="end"/></{p}:r>"#
                );
            }
            Inline::SimpleField { instr, result } => {
                let _ = write!(self.out, r#"<{p}:fldSimple {p}:instr=" {} ">"#, esc(instr));
                for r in result {
                    self.run(r, false);
                }
                let _ = write!(self.out, "</{p}:fldSimple>");
            }
            Inline::Hyperlink { url, runs } => {
                let idx = match self.hyperlinks.iter().position(|u| u == url) {
                    Some(i) => i,
                    None => {
                        self.hyperlinks.push(url.clone());
                        self.hyperlinks.len() - 1
                    }
                };
                let _ = write!(
                    self.out,
                    r#"<{p}:hyperlink r:id="rIdLink{}" {p}:history="1">"#,
                    idx + 1
                );
                for r in runs {
                    let _ = write!(
                        self.out,
                        r#"<{p}:r><{p}:rPr><{p}:rStyle {p}:val="Hyperlink"/></{p}:rPr><{p}:t xml:space="preserve">{}</{p}:t></{p}:r>"#,
                        esc(&r.text)
                    );
                }
                let _ = write!(self.out, "</{p}:hyperlink>");
            }
            Inline::Anchor { anchor, runs } => {
                let _ = write!(
                    self.out,
                    r#"<{p}:hyperlink {p}:anchor="{}" {p}:history="1">"#,
                    esc(anchor)
                );
                for r in runs {
                    self.inline(r);
                }
                let _ = write!(self.out, "</{p}:hyperlink>");
            }
            Inline::Sdt { alias, tag, runs } => {
                let _ = write!(
                    self.out,
                    r#"<{p}:sdt><{p}:sdtPr><{p}:alias {p}:val="{a}"/><{p}:tag {p}:val="{t}"/><{p}:id {p}:val="{id}"/><{p}:text/></{p}:sdtPr><{p}:sdtContent>"#,
                    a = esc(alias),
                    t = esc(tag),
                    id = stable_id(tag)
                );
                for r in runs {
                    self.run(r, false);
                }
                let _ = write!(self.out, "</{p}:sdtContent></{p}:sdt>");
            }
            Inline::FieldBegin(instr) => {
                let _ = write!(
                    self.out,
                    r#"<{p}:r><{p}:fldChar {p}:fldCharType="begin"/></{p}:r><{p}:r><{p}:instrText xml:space="preserve"> {} </{p}:instrText></{p}:r><{p}:r><{p}:fldChar {p}:fldCharType="separate"/></{p}:r>"#,
                    esc(instr)
                );
            }
            Inline::CommentStart(id) => {
                let _ = write!(self.out, r#"<{p}:commentRangeStart {p}:id="{id}"/>"#);
            }
            Inline::CommentEnd(id) => {
                let _ = write!(
                    self.out,
                    r#"<{p}:commentRangeEnd {p}:id="{id}"/><{p}:r><{p}:rPr><{p}:rStyle {p}:val="CommentReference"/></{p}:rPr><{p}:commentReference {p}:id="{id}"/></{p}:r>"#
                );
            }
            Inline::FieldEnd => {
                let _ = write!(
                    self.out,
                    r#"<{p}:r><{p}:fldChar {p}:fldCharType="end"/></{p}:r>"#
                );
            }
            Inline::Bookmarked { id, name, runs } => {
                let _ = write!(
                    self.out,
                    r#"<{p}:bookmarkStart {p}:id="{id}" {p}:name="{}"/>"#,
                    esc(name)
                );
                for r in runs {
                    self.run(r, false);
                }
                let _ = write!(self.out, r#"<{p}:bookmarkEnd {p}:id="{id}"/>"#);
            }
            Inline::Bookmark { id, name } => {
                let _ = write!(
                    self.out,
                    r#"<{p}:bookmarkStart {p}:id="{id}" {p}:name="{}"/><{p}:bookmarkEnd {p}:id="{id}"/>"#,
                    esc(name)
                );
            }
        }
    }

    fn table(&mut self, table: &Table) {
        let p = self.p.clone();
        let cols = table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.span.max(1)).sum::<u32>())
            .max()
            .unwrap_or(1)
            .max(1);
        let widths: Vec<u32> = if table.widths.len() == cols as usize {
            table.widths.clone()
        } else {
            vec![9016 / cols; cols as usize]
        };
        let _ = write!(
            self.out,
            r#"<{p}:tbl><{p}:tblPr><{p}:tblStyle {p}:val="TableGrid"/><{p}:tblW {p}:w="0" {p}:type="auto"/><{p}:tblLook {p}:val="04A0" {p}:firstRow="1" {p}:lastRow="0" {p}:firstColumn="1" {p}:lastColumn="0" {p}:noHBand="0" {p}:noVBand="1"/></{p}:tblPr><{p}:tblGrid>"#
        );
        for w in &widths {
            let _ = write!(self.out, r#"<{p}:gridCol {p}:w="{w}"/>"#);
        }
        let _ = write!(self.out, "</{p}:tblGrid>");
        for (ri, row) in table.rows.iter().enumerate() {
            let _ = write!(self.out, "<{p}:tr>");
            if ri == 0 && table.header_row {
                let _ = write!(self.out, "<{p}:trPr><{p}:tblHeader/></{p}:trPr>");
            }
            let mut col = 0usize;
            for cell in row {
                let span = cell.span.max(1) as usize;
                let width = cell.width.unwrap_or_else(|| {
                    widths[col.min(widths.len() - 1)..(col + span).min(widths.len())]
                        .iter()
                        .sum()
                });
                col += span;
                let _ = write!(
                    self.out,
                    r#"<{p}:tc><{p}:tcPr><{p}:tcW {p}:w="{width}" {p}:type="dxa"/>"#
                );
                if span > 1 {
                    let _ = write!(self.out, r#"<{p}:gridSpan {p}:val="{span}"/>"#);
                }
                match cell.vmerge {
                    Some(true) => {
                        let _ = write!(self.out, r#"<{p}:vMerge {p}:val="restart"/>"#);
                    }
                    Some(false) => {
                        let _ = write!(self.out, "<{p}:vMerge/>");
                    }
                    None => {}
                }
                if let Some(fill) = &cell.shade {
                    let _ = write!(
                        self.out,
                        r#"<{p}:shd {p}:val="clear" {p}:color="auto" {p}:fill="{}"/>"#,
                        esc(fill)
                    );
                }
                let _ = write!(self.out, "</{p}:tcPr>");
                if cell.blocks.is_empty() {
                    let _ = write!(self.out, "<{p}:p/>");
                }
                for b in &cell.blocks {
                    self.block(b);
                }
                // A cell must end with a paragraph.
                if matches!(cell.blocks.last(), Some(Block::Table(_))) {
                    let _ = write!(self.out, "<{p}:p/>");
                }
                let _ = write!(self.out, "</{p}:tc>");
            }
            let _ = write!(self.out, "</{p}:tr>");
        }
        let _ = write!(self.out, "</{p}:tbl>");
        // Word needs a paragraph between two adjacent tables; callers add one.
    }
}

/// A stable 31-bit id from a tag (FNV-1a), so content-control ids never change.
fn stable_id(tag: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in tag.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h & 0x7fff_ffff
}

/// Packs parts into a ZIP with fixed timestamps, in the given order.
pub fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, bytes) in parts {
        zip.start_file(name.as_str(), options)
            .expect("writing to memory cannot fail");
        zip.write_all(bytes).expect("writing to memory cannot fail");
    }
    zip.finish()
        .expect("writing to memory cannot fail")
        .into_inner()
}

/// Rewrites any DOCX package (e.g. one written by `docx-rs`) with fixed
/// timestamps and deflate compression, keeping the entry order. Directory
/// entries are dropped (OPC has no directories).
pub fn repack(bytes: &[u8]) -> Result<Vec<u8>, zip::result::ZipError> {
    repack_with(bytes, &[])
}

/// [`repack`], replacing the named parts' contents.
pub fn repack_with(
    bytes: &[u8],
    replace: &[(&str, Vec<u8>)],
) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        if file.is_dir() {
            continue;
        }
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut data)?;
        let name = file.name()?.to_string();
        if let Some((_, new)) = replace.iter().find(|(n, _)| *n == name) {
            data = new.clone();
        }
        parts.push((name, data));
    }
    Ok(zip_parts(&parts))
}
