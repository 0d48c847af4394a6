//! The body reader: streams the main document part with quick-xml and yields
//! the body paragraphs, tables and content controls in document order.
//!
//! One pass, no DOM, no recursion: open elements, tables, content controls,
//! runs and fields are explicit stacks, so a table nested 200 deep costs a
//! few bytes per level, not a stack frame.
//!
//! Visible text, as Word shows it:
//! - `w:t` of runs (in hyperlinks, smart tags, custom XML, content controls,
//!   `w:ins`/`w:moveTo`, field results) is kept; `w:delText`, `w:instrText`
//!   and any text inside `w:del`/`w:moveFrom` are left out;
//! - complex fields: between `fldChar begin` and `separate` is the field code
//!   (out), between `separate` and `end` the result (in); nested fields too.
//!   A field code still open at the end of its paragraph is closed there, so
//!   a stray `begin` cannot hide the rest of the document;
//! - `w:tab`, `w:ptab`, `w:br`, `w:cr` are one space; `w:noBreakHyphen` is
//!   `-`; `w:softHyphen` is nothing; `w:sym` is its character unless that
//!   lies in the symbol fonts' private-use area;
//! - tabs, carriage returns and line feeds inside `w:t` are one space each
//!   (so a text segment's bytes map one to one onto its raw XML, entity
//!   references aside);
//! - hidden text (`w:vanish`) is kept, as Word's `paragraph.text` keeps it;
//! - text boxes (`w:txbxContent`, wherever they sit) are skipped whole:
//!   their paragraphs are not body paragraphs; of an `mc:AlternateContent`
//!   only the first `mc:Choice` is read (the `mc:Fallback` repeats it).
//!
//! Byte ranges ([`Paragraph::xml`], [`TextSegment`]) are offsets in the part
//! bytes handed to [`read_body`], a UTF-8 byte-order mark included.

use std::collections::HashSet;
use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::numbering::{ListCounter, Numbering};
use super::styles::{ResolvedStyle, Styles};
use super::{
    Cell, CellPosition, ContentControl, Document, Paragraph, ReadWarning, Row, SegmentSource,
    Table, TextSegment,
};
use crate::error::ReadError;
use crate::package::xml::{Namespaces, Ns, attr, attr_cow, int_val, on_off, resolve_ref};

/// Most warnings kept per part (the rest are counted in the last one).
const MAX_WARNINGS: usize = 50;

/// Which part is read: the main document body, or a header/footer story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Story {
    /// `w:document/w:body`: paragraphs, tables, content controls, lists.
    Body,
    /// `w:hdr`, `w:ftr` (or any other story): only paragraph texts matter.
    HeaderFooter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Body,
    P,
    R,
    T,
    PPr,
    RPr,
    NumPr,
    Tbl,
    Tr,
    TrPr,
    Tc,
    TcPr,
    Sdt,
    SdtPr,
    Deleted,
    CharElement,
    AlternateContent,
    Choice,
    OtherW,
    Foreign,
}

#[derive(Debug)]
struct OpenRun {
    paragraph: usize,
    start: usize,
    properties: Range<usize>,
    properties_start: usize,
    first_segment: usize,
    bold: Option<bool>,
    size: Option<u32>,
    style: Option<String>,
}

#[derive(Debug)]
struct OpenParagraph<'a> {
    index: usize,
    /// The paragraph style (or the default one), resolved once.
    style: Option<&'a ResolvedStyle>,
    start: usize,
    text: String,
    segments: Vec<TextSegment>,
    style_id: Option<String>,
    outline_level: Option<u8>,
    num_id: Option<u32>,
    num_level: Option<u8>,
    has_num: bool,
    style_bold: Option<bool>,
    style_size: Option<u32>,
    all_bold: bool,
    any_visible: bool,
    max_size: Option<u32>,
    cell: Option<CellPosition>,
    content_control: Option<usize>,
}

#[derive(Debug)]
struct OpenTable {
    index: usize,
    row: Option<usize>,
    cell: Option<usize>,
}

#[derive(Debug)]
struct OpenSdt {
    index: usize,
    first_paragraph: usize,
    in_paragraph: Option<usize>,
}

/// Reads the main document part into `doc` (paragraphs, tables, content
/// controls, warnings). Broken XML is an error naming the part and byte.
pub fn read_body(
    xml: &str,
    part: &str,
    styles: &Styles,
    numbering: &Numbering,
    doc: &mut Document,
) -> Result<(), ReadError> {
    let mut reader = BodyReader::new(part, Story::Body, styles, numbering, doc);
    reader.run(xml)
}

/// Reads a header or footer part: the text of each of its non-empty
/// paragraphs (text boxes excluded), or the problem when it is broken.
pub fn read_story_text(xml: &str, part: &str) -> Result<Vec<String>, ReadError> {
    let styles = Styles::default();
    let numbering = Numbering::default();
    let mut doc = Document::default();
    let mut reader = BodyReader::new(part, Story::HeaderFooter, &styles, &numbering, &mut doc);
    reader.run(xml)?;
    Ok(doc
        .paragraphs
        .into_iter()
        .map(|p| p.text)
        .filter(|t| !t.trim().is_empty())
        .collect())
}

struct BodyReader<'a, 'd> {
    part: &'a str,
    story: Story,
    styles: &'a Styles,
    doc: &'d mut Document,
    lists: ListCounter<'a>,
    stack: Vec<Tag>,
    in_body: usize,
    deleted: usize,
    paragraphs: Vec<OpenParagraph<'a>>,
    runs: Vec<OpenRun>,
    tables: Vec<OpenTable>,
    sdts: Vec<OpenSdt>,
    /// Complex fields: `true` while in the field code.
    fields: Vec<bool>,
    in_code: usize,
    /// Of each open `mc:AlternateContent`, whether a Choice was read.
    alternates: Vec<bool>,
    /// The open `w:t`: (paragraph, text length at its start, content start).
    open_text: Option<(usize, usize, usize)>,
    /// The open character element given as start/end tags: (paragraph, segment).
    open_char: Option<(usize, usize)>,
    warned: HashSet<String>,
    warnings_dropped: usize,
}

impl<'a, 'd> BodyReader<'a, 'd> {
    fn new(
        part: &'a str,
        story: Story,
        styles: &'a Styles,
        numbering: &'a Numbering,
        doc: &'d mut Document,
    ) -> Self {
        BodyReader {
            part,
            story,
            styles,
            doc,
            lists: ListCounter::new(numbering, styles),
            stack: Vec::with_capacity(64),
            in_body: 0,
            deleted: 0,
            paragraphs: Vec::new(),
            runs: Vec::new(),
            tables: Vec::new(),
            sdts: Vec::new(),
            fields: Vec::new(),
            in_code: 0,
            alternates: Vec::new(),
            open_text: None,
            open_char: None,
            warned: HashSet::new(),
            warnings_dropped: 0,
        }
    }

    fn warn(&mut self, message: String) {
        if self.warned.contains(&message) {
            return;
        }
        if self.warned.len() >= MAX_WARNINGS {
            self.warnings_dropped += 1;
            return;
        }
        self.warned.insert(message.clone());
        self.doc.warnings.push(ReadWarning {
            part: self.part.to_owned(),
            message,
        });
    }

    fn malformed(&self, position: u64, message: String) -> ReadError {
        ReadError::MalformedXml {
            part: self.part.to_owned(),
            position,
            message,
        }
    }

    fn run(&mut self, xml: &str) -> Result<(), ReadError> {
        let bom = if xml.starts_with('\u{FEFF}') { 3 } else { 0 };
        let src = &xml[bom..];
        let mut reader = Reader::from_str(src);
        let mut names = Namespaces::default();
        // About one paragraph per 300 bytes of WordprocessingML.
        self.doc.paragraphs.reserve((src.len() / 300).min(20_000));
        if self.story == Story::HeaderFooter {
            self.in_body = 1;
        }
        let mut seen_root = false;
        loop {
            let before = reader.buffer_position() as usize + bom;
            let event = match reader.read_event() {
                Ok(event) => event,
                Err(e) => {
                    let position = reader.error_position() + bom as u64;
                    return Err(self.malformed(position, e.to_string()));
                }
            };
            let after = reader.buffer_position() as usize + bom;
            match event {
                Event::Start(e) => {
                    seen_root = true;
                    let ns = names.start(&e);
                    match self.start(ns, &e, before, after, false) {
                        Some(tag) => self.stack.push(tag),
                        None => {
                            // Skipped whole: text boxes, alternate content not taken.
                            if let Err(err) = reader.read_to_end(e.name()) {
                                let position = reader.error_position() + bom as u64;
                                return Err(self.malformed(position, err.to_string()));
                            }
                            names.end();
                        }
                    }
                }
                Event::Empty(e) => {
                    seen_root = true;
                    let ns = names.start(&e);
                    names.end();
                    if let Some(tag) = self.start(ns, &e, before, after, true) {
                        self.end(tag, before, after);
                    }
                }
                Event::End(_) => {
                    names.end();
                    if let Some(tag) = self.stack.pop() {
                        self.end(tag, before, after);
                    }
                }
                Event::Text(t) => {
                    if self.open_text.is_some() {
                        self.push_text(&t);
                    }
                }
                Event::CData(t) => {
                    if self.open_text.is_some() {
                        self.push_text(&t);
                    }
                }
                Event::GeneralRef(r) => match resolve_ref(&r) {
                    Some(c) => {
                        if self.open_text.is_some() {
                            let c = if matches!(c, '\t' | '\n' | '\r') {
                                ' '
                            } else {
                                c
                            };
                            if let Some(p) = self.paragraphs.last_mut() {
                                p.text.push(c);
                            }
                        }
                    }
                    None => {
                        let name: &str = &r;
                        self.warn(format!(
                                "an unknown entity reference &{name}; was left out (entities are never expanded)"
                            ));
                    }
                },
                Event::DocType(_) => {
                    self.warn(
                        "the part declares a document type (DOCTYPE); it was ignored and no entity is expanded"
                            .into(),
                    );
                }
                Event::Eof => break,
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            }
        }
        if !self.stack.is_empty() {
            return Err(self.malformed(
                reader.buffer_position() + bom as u64,
                "the part ends before all its elements are closed".into(),
            ));
        }
        if !seen_root {
            return Err(self.malformed(0, "the part has no root element".into()));
        }
        if self.warnings_dropped > 0 {
            let n = self.warnings_dropped;
            self.doc.warnings.push(ReadWarning {
                part: self.part.to_owned(),
                message: format!("{n} more warnings about this part were left out"),
            });
        }
        Ok(())
    }

    fn parent(&self) -> Option<Tag> {
        self.stack.last().copied()
    }

    fn grandparent(&self) -> Option<Tag> {
        self.stack.len().checked_sub(2).map(|i| self.stack[i])
    }

    /// Handles a start (or empty) tag. Returns the tag to push, or `None`
    /// when the element is to be skipped whole.
    fn start(
        &mut self,
        ns: Ns,
        e: &BytesStart<'_>,
        start: usize,
        end: usize,
        empty: bool,
    ) -> Option<Tag> {
        match ns {
            Ns::W => {}
            Ns::Mc => {
                return match e.local_name().as_ref() {
                    "AlternateContent" => {
                        if empty {
                            return Some(Tag::Foreign);
                        }
                        self.alternates.push(false);
                        Some(Tag::AlternateContent)
                    }
                    "Choice" if self.parent() == Some(Tag::AlternateContent) => {
                        match self.alternates.last_mut() {
                            Some(taken) if !*taken => {
                                *taken = true;
                                Some(Tag::Choice)
                            }
                            _ if empty => Some(Tag::Foreign),
                            _ => None,
                        }
                    }
                    "Fallback" if !empty => None,
                    _ => Some(Tag::Foreign),
                };
            }
            _ => return Some(Tag::Foreign),
        }
        let local = e.local_name();
        let name: &str = local.as_ref();
        if self.in_body == 0 {
            if name == "body" {
                self.in_body += 1;
                return Some(Tag::Body);
            }
            return Some(Tag::OtherW);
        }
        let parent = self.parent();
        let tag = match name {
            "txbxContent" if !empty => return None,
            "p" => {
                self.open_paragraph(start);
                Tag::P
            }
            "r" => {
                // A run outside any paragraph (invalid) is not a run we track.
                let Some(p) = self.paragraphs.last() else {
                    return Some(Tag::OtherW);
                };
                let first_segment = p.segments.len();
                self.runs.push(OpenRun {
                    paragraph: p.index,
                    start,
                    properties: end..end,
                    properties_start: end,
                    first_segment,
                    bold: None,
                    size: None,
                    style: None,
                });
                Tag::R
            }
            "t" => {
                if !empty
                    && self.visible()
                    && let Some(p) = self.paragraphs.last()
                {
                    self.open_text = Some((p.index, p.text.len(), end));
                }
                Tag::T
            }
            "rPr" => {
                if parent == Some(Tag::R)
                    && let Some(r) = self.runs.last_mut()
                {
                    r.properties_start = start;
                    if empty {
                        r.properties = start..end;
                    }
                }
                Tag::RPr
            }
            "pPr" => Tag::PPr,
            "numPr" => Tag::NumPr,
            "b" | "sz" | "rStyle"
                if parent == Some(Tag::RPr) && self.grandparent() == Some(Tag::R) =>
            {
                if let Some(r) = self.runs.last_mut() {
                    match name {
                        "b" => r.bold = Some(on_off(e)),
                        "sz" => r.size = int_val(e, "val"),
                        _ => r.style = attr(e, "val"),
                    }
                }
                Tag::OtherW
            }
            "pStyle" | "outlineLvl"
                if parent == Some(Tag::PPr) && self.grandparent() == Some(Tag::P) =>
            {
                if let Some(p) = self.paragraphs.last_mut() {
                    if name == "pStyle" {
                        p.style_id = attr(e, "val");
                    } else {
                        p.outline_level = int_val(e, "val");
                    }
                }
                Tag::OtherW
            }
            "numId" | "ilvl"
                if parent == Some(Tag::NumPr)
                    && self.grandparent() == Some(Tag::PPr)
                    && self.stack.len() >= 3
                    && self.stack[self.stack.len() - 3] == Tag::P =>
            {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.has_num = true;
                    if name == "numId" {
                        p.num_id = int_val(e, "val");
                    } else {
                        p.num_level = int_val(e, "val");
                    }
                }
                Tag::OtherW
            }
            "del" | "moveFrom" if !empty => {
                self.deleted += 1;
                Tag::Deleted
            }
            "fldChar" => {
                match attr_cow(e, "fldCharType").as_deref() {
                    Some("begin") => {
                        self.fields.push(true);
                        self.in_code += 1;
                    }
                    Some("separate") => {
                        if let Some(code) = self.fields.last_mut()
                            && *code
                        {
                            *code = false;
                            self.in_code -= 1;
                        }
                    }
                    Some("end") if self.fields.pop() == Some(true) => self.in_code -= 1,
                    _ => {}
                }
                Tag::OtherW
            }
            "tab" | "ptab" | "br" | "cr" | "noBreakHyphen" | "sym"
                if !self.runs.is_empty() && parent != Some(Tag::RPr) =>
            {
                let c = match name {
                    "noBreakHyphen" => Some('-'),
                    "sym" => attr(e, "char")
                        .and_then(|h| u32::from_str_radix(h.trim(), 16).ok())
                        .and_then(char::from_u32)
                        .filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c) && !c.is_control()),
                    _ => Some(' '),
                };
                if let Some(c) = c
                    && self.visible()
                {
                    let segment = self.push_char_element(c, start, end);
                    if !empty {
                        self.open_char = segment;
                    }
                }
                Tag::CharElement
            }
            "tbl" => {
                if self.story == Story::Body {
                    self.open_table();
                }
                Tag::Tbl
            }
            "tr" => {
                self.open_row();
                Tag::Tr
            }
            "trPr" => Tag::TrPr,
            "tblHeader" if parent == Some(Tag::TrPr) && self.grandparent() == Some(Tag::Tr) => {
                if on_off(e)
                    && let Some(t) = self.tables.last()
                    && let Some(r) = t.row
                    && let Some(row) = self.doc.tables[t.index].rows.get_mut(r)
                {
                    row.header = true;
                }
                Tag::OtherW
            }
            "tc" => {
                self.open_cell();
                Tag::Tc
            }
            "tcPr" => Tag::TcPr,
            "gridSpan" if parent == Some(Tag::TcPr) && self.grandparent() == Some(Tag::Tc) => {
                if let Some(span) = int_val::<u32>(e, "val")
                    && let Some(t) = self.tables.last()
                    && let (Some(r), Some(c)) = (t.row, t.cell)
                    && let Some(cell) = self.doc.tables[t.index]
                        .rows
                        .get_mut(r)
                        .and_then(|row| row.cells.get_mut(c))
                {
                    cell.span = span.clamp(1, 64);
                }
                Tag::OtherW
            }
            "sdt" => {
                if self.story == Story::Body {
                    let index = self.doc.content_controls.len();
                    self.doc.content_controls.push(ContentControl::default());
                    let first_paragraph = self.doc.paragraphs.len();
                    let in_paragraph = self.paragraphs.last().map(|p| p.index);
                    if empty {
                        self.doc.content_controls[index].paragraphs = match in_paragraph {
                            Some(p) => p..p + 1,
                            None => first_paragraph..first_paragraph,
                        };
                        return Some(Tag::OtherW);
                    }
                    self.sdts.push(OpenSdt {
                        index,
                        first_paragraph,
                        in_paragraph,
                    });
                }
                Tag::Sdt
            }
            "sdtPr" => Tag::SdtPr,
            "alias" | "tag" | "showingPlcHdr"
                if parent == Some(Tag::SdtPr) && self.grandparent() == Some(Tag::Sdt) =>
            {
                if let Some(s) = self.sdts.last() {
                    let cc = &mut self.doc.content_controls[s.index];
                    match name {
                        "alias" => cc.title = attr(e, "val"),
                        "tag" => cc.tag = attr(e, "val"),
                        _ => cc.showing_placeholder = on_off(e),
                    }
                }
                Tag::OtherW
            }
            "altChunk" => {
                self.warn("the document imports content from another file (altChunk); that content is not read".into());
                Tag::OtherW
            }
            "subDoc" => {
                self.warn("the document links a subdocument; its content is not read".into());
                Tag::OtherW
            }
            _ => Tag::OtherW,
        };
        Some(tag)
    }

    fn end(&mut self, tag: Tag, start: usize, end: usize) {
        match tag {
            Tag::Body => self.in_body = self.in_body.saturating_sub(1),
            Tag::P => self.close_paragraph(end),
            Tag::R => {
                if let Some(run) = self.runs.pop()
                    && let Some(p) = self
                        .paragraphs
                        .iter_mut()
                        .rev()
                        .find(|p| p.index == run.paragraph)
                {
                    for s in &mut p.segments[run.first_segment..] {
                        if s.run.start == run.start {
                            s.run.end = end;
                        }
                    }
                }
            }
            Tag::T => self.close_text(start),
            Tag::RPr => {
                if self.parent() == Some(Tag::R)
                    && let Some(r) = self.runs.last_mut()
                {
                    r.properties = r.properties_start..end;
                    // Text cannot precede w:rPr in a valid run, but keep
                    // segments already made consistent.
                    let props = r.properties.clone();
                    let (paragraph, first) = (r.paragraph, r.first_segment);
                    if let Some(p) = self
                        .paragraphs
                        .iter_mut()
                        .rev()
                        .find(|p| p.index == paragraph)
                    {
                        for s in &mut p.segments[first..] {
                            s.run_properties = props.clone();
                        }
                    }
                }
            }
            Tag::PPr if self.parent() == Some(Tag::P) => {
                let styles = self.styles;
                if let Some(p) = self.paragraphs.last_mut()
                    && p.style_id.is_some()
                {
                    let style = styles.paragraph(p.style_id.as_deref());
                    p.style = style;
                    p.style_bold = style.and_then(|s| s.bold);
                    p.style_size = style.and_then(|s| s.size_half_points);
                }
            }
            Tag::Deleted => self.deleted = self.deleted.saturating_sub(1),
            Tag::CharElement => {
                if let Some((paragraph, segment)) = self.open_char.take()
                    && let Some(p) = self
                        .paragraphs
                        .iter_mut()
                        .rev()
                        .find(|p| p.index == paragraph)
                    && let Some(s) = p.segments.get_mut(segment)
                    && let SegmentSource::Element { element } = &mut s.source
                {
                    element.end = end;
                }
            }
            Tag::Tbl if self.story == Story::Body => {
                self.tables.pop();
            }
            Tag::Tr => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = None;
                    t.cell = None;
                }
            }
            Tag::Tc => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell = None;
                }
            }
            Tag::Sdt => {
                if self.story == Story::Body
                    && let Some(s) = self.sdts.pop()
                {
                    let range = match s.in_paragraph {
                        Some(p) => p..p + 1,
                        None => s.first_paragraph..self.doc.paragraphs.len(),
                    };
                    self.doc.content_controls[s.index].paragraphs = range;
                }
            }
            Tag::AlternateContent => {
                self.alternates.pop();
            }
            _ => {}
        }
    }

    /// Whether text met now is visible: in a run of an open paragraph, not
    /// deleted, not in a field code.
    fn visible(&self) -> bool {
        self.deleted == 0
            && self.in_code == 0
            && match (self.runs.last(), self.paragraphs.last()) {
                (Some(r), Some(p)) => r.paragraph == p.index,
                _ => false,
            }
    }

    fn push_text(&mut self, raw: &str) {
        let Some(p) = self.paragraphs.last_mut() else {
            return;
        };
        if raw.bytes().any(|b| matches!(b, b'\t' | b'\n' | b'\r')) {
            p.text.extend(raw.chars().map(|c| {
                if matches!(c, '\t' | '\n' | '\r') {
                    ' '
                } else {
                    c
                }
            }));
        } else {
            p.text.push_str(raw);
        }
    }

    fn close_text(&mut self, content_end: usize) {
        let Some((paragraph, text_start, content_start)) = self.open_text.take() else {
            return;
        };
        let Some(run) = self.runs.last() else { return };
        let (bold, size) = self.run_format(run);
        let properties = run.properties.clone();
        let run_start = run.start;
        let Some(p) = self.paragraphs.last_mut() else {
            return;
        };
        if p.index != paragraph || p.text.len() == text_start {
            return;
        }
        note_format(p, text_start, bold, size);
        p.segments.push(TextSegment {
            text: text_start..p.text.len(),
            run: run_start..run_start,
            run_properties: properties,
            source: SegmentSource::Text {
                content: content_start..content_end,
            },
        });
    }

    fn push_char_element(&mut self, c: char, start: usize, end: usize) -> Option<(usize, usize)> {
        let run = self.runs.last()?;
        let (bold, size) = self.run_format(run);
        let properties = run.properties.clone();
        let run_start = run.start;
        let p = self.paragraphs.last_mut()?;
        let text_start = p.text.len();
        p.text.push(c);
        note_format(p, text_start, bold, size);
        p.segments.push(TextSegment {
            text: text_start..p.text.len(),
            run: run_start..run_start,
            run_properties: properties,
            source: SegmentSource::Element {
                element: start..end,
            },
        });
        Some((p.index, p.segments.len() - 1))
    }

    /// Bold and size of a run: direct formatting, then its character
    /// style, then the paragraph style, then the document defaults.
    fn run_format(&self, run: &OpenRun) -> (bool, Option<u32>) {
        let char_style = run.style.as_deref().and_then(|id| self.styles.get(id));
        let p = self.paragraphs.last();
        let bold = run
            .bold
            .or_else(|| char_style.and_then(|s| s.bold))
            .or_else(|| p.and_then(|p| p.style_bold))
            .or(self.styles.default_bold)
            .unwrap_or(false);
        let size = run
            .size
            .or_else(|| char_style.and_then(|s| s.size_half_points))
            .or_else(|| p.and_then(|p| p.style_size))
            .or(self.styles.default_size);
        (bold, size)
    }

    fn open_paragraph(&mut self, start: usize) {
        let index = self.doc.paragraphs.len();
        self.doc.paragraphs.push(Paragraph {
            index,
            ..Paragraph::default()
        });
        let cell = self.tables.last().and_then(|t| match (t.row, t.cell) {
            (Some(row), Some(cell)) => Some(CellPosition {
                table: t.index,
                row,
                cell,
            }),
            _ => None,
        });
        if let Some(pos) = cell
            && let Some(c) = self.doc.tables[pos.table]
                .rows
                .get_mut(pos.row)
                .and_then(|r| r.cells.get_mut(pos.cell))
        {
            c.paragraphs.push(index);
        }
        let content_control = self.sdts.last().map(|s| s.index);
        let style = self.styles.paragraph(None);
        self.paragraphs.push(OpenParagraph {
            index,
            style,
            start,
            text: String::new(),
            segments: Vec::new(),
            style_id: None,
            outline_level: None,
            num_id: None,
            num_level: None,
            has_num: false,
            style_bold: style.and_then(|s| s.bold),
            style_size: style.and_then(|s| s.size_half_points),
            all_bold: true,
            any_visible: false,
            max_size: None,
            cell,
            content_control,
        });
    }

    fn close_paragraph(&mut self, end: usize) {
        let Some(p) = self.paragraphs.pop() else {
            return;
        };
        // A field code never runs on past its paragraph.
        while self.fields.last() == Some(&true) {
            self.fields.pop();
            self.in_code -= 1;
        }
        if self.fields.iter().any(|&code| code) {
            self.fields.retain(|&code| !code);
            self.in_code = 0;
        }
        // Runs left open by broken nesting cannot outlive their paragraph.
        self.runs.retain(|r| r.paragraph != p.index);
        if self.open_text.is_some_and(|(i, _, _)| i == p.index) {
            self.open_text = None;
        }
        let style = p.style;
        let outline_level = match p.outline_level {
            Some(l) if l < 9 => Some(l),
            Some(_) => None,
            None => style.and_then(|s| s.outline_level),
        };
        let list = if self.story == Story::Body {
            self.list_label(&p)
        } else {
            None
        };
        let style_name = style.and_then(|s| s.name.clone());
        let out = &mut self.doc.paragraphs[p.index];
        out.text = p.text;
        out.style_id = p.style_id;
        out.style_name = style_name;
        out.outline_level = outline_level;
        out.bold = p.any_visible && p.all_bold;
        out.size_half_points = p.max_size;
        out.list = list;
        out.cell = p.cell;
        out.content_control = p.content_control;
        out.segments = p.segments;
        out.xml = p.start..end;
    }

    fn list_label(&mut self, p: &OpenParagraph<'a>) -> Option<super::ListLabel> {
        let style = p.style;
        let style_num = style.and_then(|s| s.num);
        let num_id = if p.has_num && p.num_id.is_some() {
            p.num_id
        } else {
            style_num.and_then(|n| n.num_id)
        }?;
        if num_id == 0 {
            return None;
        }
        let level = p
            .num_level
            .or_else(|| style_num.and_then(|n| n.level))
            .or_else(|| {
                let id = style.map(|s| s.id.as_str())?;
                self.lists
                    .numbering()
                    .level_for_style(num_id, id, self.styles)
            })
            .unwrap_or(0);
        self.lists.next(num_id, level)
    }

    fn open_table(&mut self) {
        let parent = self.tables.last().and_then(|t| match (t.row, t.cell) {
            (Some(row), Some(cell)) => Some(CellPosition {
                table: t.index,
                row,
                cell,
            }),
            _ => None,
        });
        let index = self.doc.tables.len();
        self.doc.tables.push(Table {
            rows: Vec::new(),
            parent,
            depth: self.tables.len(),
        });
        self.tables.push(OpenTable {
            index,
            row: None,
            cell: None,
        });
    }

    fn open_row(&mut self) {
        if let Some(t) = self.tables.last_mut() {
            let rows = &mut self.doc.tables[t.index].rows;
            rows.push(Row::default());
            t.row = Some(rows.len() - 1);
            t.cell = None;
        }
    }

    fn open_cell(&mut self) {
        if self.tables.last().is_some_and(|t| t.row.is_none()) {
            self.open_row();
        }
        if let Some(t) = self.tables.last_mut()
            && let Some(r) = t.row
        {
            let cells = &mut self.doc.tables[t.index].rows[r].cells;
            cells.push(Cell {
                paragraphs: Vec::new(),
                span: 1,
            });
            t.cell = Some(cells.len() - 1);
        }
    }
}

/// Folds one piece of visible text into the paragraph's bold and size.
fn note_format(p: &mut OpenParagraph<'_>, from: usize, bold: bool, size: Option<u32>) {
    if p.text[from..].chars().any(|c| !c.is_whitespace()) {
        p.any_visible = true;
        if !bold {
            p.all_bold = false;
        }
        if let Some(s) = size {
            p.max_size = Some(p.max_size.map_or(s, |m| m.max(s)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape""#;

    fn wrap(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
        )
    }

    fn read_with(xml: &str, styles: &Styles, numbering: &Numbering) -> Document {
        let mut doc = Document::default();
        read_body(xml, "word/document.xml", styles, numbering, &mut doc).unwrap();
        check_ranges(xml, &doc);
        doc
    }

    fn read(body: &str) -> Document {
        read_with(&wrap(body), &Styles::default(), &Numbering::default())
    }

    fn texts(doc: &Document) -> Vec<&str> {
        doc.paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    /// The annotation writer's guarantees: `xml` is the whole `w:p`, each
    /// run range a whole `w:r`, the run properties inside it, and the text
    /// content unescapes to the text piece.
    fn check_ranges(xml: &str, doc: &Document) {
        for p in &doc.paragraphs {
            let el = &xml[p.xml.clone()];
            assert!(
                el.starts_with('<')
                    && el[1..]
                        .split([' ', '>', '/'])
                        .next()
                        .unwrap()
                        .ends_with('p'),
                "{el}"
            );
            assert!(el.ends_with("p>") || el.ends_with("/>"), "{el}");
            let mut covered = 0;
            for s in &p.segments {
                assert_eq!(
                    s.text.start, covered,
                    "segments tile the text of {:?}",
                    p.text
                );
                covered = s.text.end;
                let run = &xml[s.run.clone()];
                assert!(run.starts_with('<') && run.ends_with("r>"), "{run}");
                assert!(s.run.start <= s.run_properties.start && s.run_properties.end <= s.run.end);
                let props = &xml[s.run_properties.clone()];
                assert!(
                    props.is_empty() || (props.contains("rPr") && props.ends_with('>')),
                    "{props}"
                );
                if props.is_empty() {
                    assert_eq!(
                        &xml[s.run.start..s.run_properties.start].chars().last(),
                        &Some('>')
                    );
                }
                let piece = &p.text[s.text.clone()];
                match &s.source {
                    SegmentSource::Text { content } => {
                        let raw = &xml[content.clone()];
                        let unescaped = crate::package::xml::unescape_lossy(raw)
                            .replace(['\t', '\n', '\r'], " ");
                        assert_eq!(unescaped, piece);
                        assert!(
                            xml[..content.start].ends_with('>')
                                && xml[content.end..].starts_with("</")
                        );
                    }
                    SegmentSource::Element { element } => {
                        let el = &xml[element.clone()];
                        assert!(el.starts_with('<') && el.ends_with('>'), "{el}");
                        assert_eq!(piece.chars().count(), 1);
                    }
                }
            }
            assert_eq!(covered, p.text.len(), "segments cover {:?}", p.text);
        }
    }

    #[test]
    fn runs_hyperlinks_smart_tags_and_custom_xml_are_joined() {
        let doc = read(
            r#"<w:p><w:r><w:t>Sam </w:t></w:r><w:hyperlink r:id="rId4" xmlns:r="r"><w:r><w:t>likes</w:t></w:r></w:hyperlink><w:smartTag w:element="x"><w:r><w:t xml:space="preserve"> trains</w:t></w:r></w:smartTag><w:customXml w:element="y"><w:r><w:t>.</w:t></w:r></w:customXml></w:p>"#,
        );
        assert_eq!(texts(&doc), ["Sam likes trains."]);
        assert_eq!(doc.paragraphs[0].segments.len(), 4);
    }

    #[test]
    fn tracked_changes_show_insertions_and_leave_deletions_out() {
        let doc = read(
            r#"<w:p><w:r><w:t>a</w:t></w:r><w:ins w:id="1"><w:r><w:t>b</w:t></w:r></w:ins><w:del w:id="2"><w:r><w:delText>X</w:delText></w:r><w:r><w:t>Y</w:t></w:r></w:del><w:moveFrom w:id="3"><w:r><w:t>Z</w:t></w:r></w:moveFrom><w:moveTo w:id="4"><w:r><w:t>c</w:t></w:r></w:moveTo></w:p>
               <w:p><w:pPr><w:rPr><w:del w:id="5"/></w:rPr></w:pPr><w:r><w:t>next</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&doc), ["abc", "next"]);
    }

    #[test]
    fn field_codes_are_out_and_results_in() {
        let doc = read(
            r#"<w:p><w:r><w:t>See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> REF _Ref1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Section F</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
               <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>HIDDEN</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1 "yes"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>yes</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
               <w:p><w:fldSimple w:instr=" PAGE "><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>
               <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>stray code</w:t></w:r></w:p>
               <w:p><w:r><w:t>still visible</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            texts(&doc),
            ["See Section F.", "yes", "3", "", "still visible"]
        );
    }

    #[test]
    fn tabs_breaks_and_special_characters() {
        let doc = read(
            r#"<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>d</w:t><w:noBreakHyphen/><w:t>e</w:t><w:softHyphen/><w:t>f</w:t><w:sym w:font="Symbol" w:char="F0B7"/><w:sym w:font="Arial" w:char="00E9"/><w:tab></w:tab></w:r></w:p>
               <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&doc), ["a b c  d-efé ", "x"]);
        let last = doc.paragraphs[0].segments.last().unwrap();
        assert!(
            matches!(&last.source, SegmentSource::Element { element } if element.len() == "<w:tab></w:tab>".len())
        );
    }

    #[test]
    fn text_boxes_are_not_body_paragraphs() {
        let doc = read(
            r#"<w:p><w:r><w:t>before</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>VML box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:t> after</w:t></w:r></w:p>
               <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>choice box</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>fallback</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>end</w:t></w:r></w:p>"#,
        );
        assert_eq!(texts(&doc), ["before after", "end"]);
    }

    #[test]
    fn nested_tables_cells_spans_and_header_rows() {
        let doc = read(
            r#"<w:p><w:r><w:t>intro</w:t></w:r></w:p>
            <w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Need</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Outcome</w:t></w:r></w:p></w:tc></w:tr>
              <w:tr><w:tc><w:p><w:r><w:t>n1</w:t></w:r></w:p>
                 <w:tbl><w:tr><w:tc><w:p><w:r><w:t>inner</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
                 <w:p><w:r><w:t>n1 again</w:t></w:r></w:p></w:tc>
                 <w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>outro</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            texts(&doc),
            [
                "intro", "Need", "Outcome", "n1", "inner", "n1 again", "", "outro"
            ]
        );
        assert_eq!(doc.tables.len(), 2);
        let outer = &doc.tables[0];
        assert_eq!((outer.depth, outer.parent), (0, None));
        assert!(outer.rows[0].header && !outer.rows[1].header);
        assert_eq!(outer.rows[0].cells[0].span, 2);
        assert_eq!(outer.rows[1].cells[0].paragraphs, [3, 5]);
        assert_eq!(outer.rows[1].cells[1].paragraphs, [6]);
        let inner = &doc.tables[1];
        assert_eq!(inner.depth, 1);
        assert_eq!(
            inner.parent,
            Some(CellPosition {
                table: 0,
                row: 1,
                cell: 0
            })
        );
        assert_eq!(
            doc.paragraphs[4].cell,
            Some(CellPosition {
                table: 1,
                row: 0,
                cell: 0
            })
        );
        assert_eq!(
            doc.paragraphs[5].cell,
            Some(CellPosition {
                table: 0,
                row: 1,
                cell: 0
            })
        );
        assert_eq!(doc.paragraphs[7].cell, None);
        assert_eq!(
            doc.cell_text(CellPosition {
                table: 0,
                row: 1,
                cell: 0
            }),
            "n1\nn1 again"
        );
    }

    #[test]
    fn content_controls_at_every_level() {
        let doc = read(
            r#"<w:sdt><w:sdtPr><w:alias w:val="Child's name"/><w:tag w:val="name"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Click here</w:t></w:r></w:p><w:p/></w:sdtContent></w:sdt>
            <w:p><w:r><w:t>Born </w:t></w:r><w:sdt><w:sdtPr><w:tag w:val="dob"/></w:sdtPr><w:sdtContent><w:r><w:t>1 May 2015</w:t></w:r></w:sdtContent></w:sdt></w:p>
            <w:tbl><w:sdt><w:sdtPr><w:alias w:val="Rows"/></w:sdtPr><w:sdtContent><w:tr><w:sdt><w:sdtPr><w:alias w:val="Cell"/><w:showingPlcHdr w:val="0"/></w:sdtPr><w:sdtContent><w:tc><w:p><w:r><w:t>in cell</w:t></w:r></w:p></w:tc></w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt></w:tbl>"#,
        );
        assert_eq!(
            texts(&doc),
            ["Click here", "", "Born 1 May 2015", "in cell"]
        );
        let cc = &doc.content_controls;
        assert_eq!(cc.len(), 4);
        assert_eq!(
            (
                cc[0].title.as_deref(),
                cc[0].tag.as_deref(),
                cc[0].showing_placeholder
            ),
            (Some("Child's name"), Some("name"), true)
        );
        assert_eq!(cc[0].paragraphs, 0..2);
        assert_eq!(
            (cc[1].tag.as_deref(), cc[1].paragraphs.clone()),
            (Some("dob"), 2..3)
        );
        assert_eq!(
            (cc[2].title.as_deref(), cc[2].paragraphs.clone()),
            (Some("Rows"), 3..4)
        );
        assert_eq!(
            (cc[3].title.as_deref(), cc[3].showing_placeholder),
            (Some("Cell"), false)
        );
        assert_eq!(doc.paragraphs[0].content_control, Some(0));
        assert_eq!(
            doc.paragraphs[2].content_control, None,
            "run-level controls do not hold the paragraph"
        );
        assert_eq!(doc.paragraphs[3].content_control, Some(3));
        assert_eq!(
            doc.paragraphs[3].cell,
            Some(CellPosition {
                table: 0,
                row: 0,
                cell: 0
            })
        );
    }

    #[test]
    fn ranges_are_exact_with_entities_prefixes_and_a_bom() {
        let xml = "\u{FEFF}<?xml version=\"1.0\"?><x:document xmlns:x=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"><x:body>\
            <x:p x:rsidR=\"00AB\"><x:r><x:rPr><x:b/></x:rPr><x:t xml:space=\"preserve\">Fish &amp; chips &#x2014; </x:t></x:r><x:r><x:t/></x:r><x:r><x:rPr/><x:t>&lt;ok&gt;</x:t><x:tab/></x:r></x:p>\
            <x:p/></x:body></x:document>";
        let doc = read_with(xml, &Styles::default(), &Numbering::default());
        assert_eq!(texts(&doc), ["Fish & chips — <ok> ", ""]);
        let p = &doc.paragraphs[0];
        assert!(
            xml[p.xml.clone()].starts_with("<x:p x:rsidR")
                && xml[p.xml.clone()].ends_with("</x:p>")
        );
        assert_eq!(
            &xml[p.segments[0].run_properties.clone()],
            "<x:rPr><x:b/></x:rPr>"
        );
        assert_eq!(&xml[p.segments[1].run_properties.clone()], "<x:rPr/>");
        assert_eq!(p.segments[1].run, p.segments[2].run);
        assert!(!p.bold);
        assert_eq!(&xml[doc.paragraphs[1].xml.clone()], "<x:p/>");
    }

    #[test]
    fn a_run_without_properties_has_an_empty_range_after_its_start_tag() {
        let xml = wrap(r#"<w:p><w:r w:rsidR="1"><w:t>x</w:t></w:r></w:p>"#);
        let doc = read_with(&xml, &Styles::default(), &Numbering::default());
        let s = &doc.paragraphs[0].segments[0];
        assert!(s.run_properties.is_empty());
        assert_eq!(
            &xml[s.run.start..s.run_properties.start],
            r#"<w:r w:rsidR="1">"#
        );
    }

    fn styles() -> Styles {
        let (s, problem) = Styles::parse(&format!(
            r#"<w:styles {NS}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="ListNumber"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style></w:styles>"#
        ));
        assert!(problem.is_none());
        s
    }

    #[test]
    fn style_outline_bold_and_size() {
        let doc = read_with(
            &wrap(
                r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Section A</w:t></w:r></w:p>
                <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>not bold</w:t></w:r></w:p>
                <w:p><w:r><w:rPr><w:rStyle w:val="Strong"/><w:sz w:val="28"/></w:rPr><w:t>Bold</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>too</w:t></w:r></w:p>
                <w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>plain</w:t></w:r></w:p>
                <w:p><w:pPr><w:pStyle w:val="Unknown"/></w:pPr></w:p>"#,
            ),
            &styles(),
            &Numbering::default(),
        );
        let p = &doc.paragraphs;
        assert_eq!(
            (p[0].style_id.as_deref(), p[0].style_name.as_deref()),
            (Some("Heading1"), Some("heading 1"))
        );
        assert_eq!(
            (p[0].outline_level, p[0].bold, p[0].size_half_points),
            (Some(0), true, Some(32))
        );
        assert!(!p[1].bold);
        assert_eq!((p[2].bold, p[2].size_half_points), (true, Some(28)));
        assert_eq!(
            (p[3].outline_level, p[3].bold, p[3].size_half_points),
            (Some(2), false, Some(22))
        );
        assert_eq!(p[3].style_name.as_deref(), Some("Normal"));
        assert_eq!(
            (p[4].style_id.as_deref(), p[4].bold),
            (Some("Unknown"), false)
        );
    }

    #[test]
    fn list_labels_from_paragraphs_and_styles() {
        let (numbering, _) = Numbering::parse(&format!(
            r#"<w:numbering {NS}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        ));
        let doc = read_with(
            &wrap(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>one</w:t></w:r></w:p>
                <w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>sub</w:t></w:r></w:p>
                <w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr><w:r><w:t>two</w:t></w:r></w:p>
                <w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>none</w:t></w:r></w:p>
                <w:p><w:pPr><w:pStyle w:val="ListNumber"/><w:pPrChange><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>three</w:t></w:r></w:p>"#,
            ),
            &styles(),
            &numbering,
        );
        let labels: Vec<Option<&str>> = doc
            .paragraphs
            .iter()
            .map(|p| p.list.as_ref().map(|l| l.label.as_str()))
            .collect();
        assert_eq!(
            labels,
            [Some("1."), Some("(a)"), Some("2."), None, Some("3.")]
        );
        assert_eq!(doc.paragraphs[1].list.as_ref().unwrap().level, 1);
    }

    #[test]
    fn broken_xml_names_the_part_and_byte() {
        let mut doc = Document::default();
        let xml = wrap("<w:p><w:r><w:t>oops</w:r></w:p>");
        let err = read_body(
            &xml,
            "word/document.xml",
            &Styles::default(),
            &Numbering::default(),
            &mut doc,
        )
        .unwrap_err();
        match err {
            ReadError::MalformedXml { part, position, .. } => {
                assert_eq!(part, "word/document.xml");
                assert!(position > 0 && (position as usize) < xml.len());
            }
            e => panic!("{e:?}"),
        }
        let truncated = &wrap("<w:p><w:r><w:t>cut")[..];
        let truncated = &truncated[..truncated.find("cut").unwrap() + 3];
        let mut doc = Document::default();
        assert!(matches!(
            read_body(
                truncated,
                "word/document.xml",
                &Styles::default(),
                &Numbering::default(),
                &mut doc
            ),
            Err(ReadError::MalformedXml { .. })
        ));
    }

    #[test]
    fn doctype_and_unknown_entities_are_never_expanded() {
        let xml = format!(
            r#"<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]><w:document {NS}><w:body><w:p><w:r><w:t>a&xxe;b&lol;c</w:t></w:r></w:p></w:body></w:document>"#
        );
        let mut doc = Document::default();
        match read_body(
            &xml,
            "word/document.xml",
            &Styles::default(),
            &Numbering::default(),
            &mut doc,
        ) {
            Ok(()) => {
                assert_eq!(doc.paragraphs[0].text, "abc");
                assert!(doc.warnings.iter().any(|w| w.message.contains("DOCTYPE")));
                assert!(doc.warnings.iter().any(|w| w.message.contains("&xxe;")));
            }
            Err(e) => panic!("a DOCTYPE is ignored, not an error: {e:?}"),
        }
    }

    #[test]
    fn header_text_leaves_text_boxes_out() {
        let xml = format!(
            r#"<w:hdr {NS}><w:p><w:r><w:t>Sam Smith EHCP</w:t></w:r></w:p><w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>DOB 1/5/2015</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></w:r></w:p></w:tc></w:tr></w:tbl></w:hdr>"#
        );
        assert_eq!(
            read_story_text(&xml, "word/header1.xml").unwrap(),
            ["Sam Smith EHCP", "DOB 1/5/2015"]
        );
    }

    #[test]
    fn paragraph_indices_follow_document_order() {
        let doc = read(&"<w:p><w:r><w:t>p</w:t></w:r></w:p>".repeat(3));
        assert_eq!(
            doc.paragraphs.iter().map(|p| p.index).collect::<Vec<_>>(),
            [0, 1, 2]
        );
    }
}
