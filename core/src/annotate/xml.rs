//! A small, exact tag scanner for splicing: it yields every tag of an XML
//! part with its byte range, so edits can be placed between tags without
//! re-serialising anything. Text, comments, processing instructions, CDATA
//! and the document type declaration are skipped.

use std::borrow::Cow;
use std::ops::Range;

use super::AnnotateError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TagKind {
    Start,
    End,
    Empty,
}

/// One tag: `<name attrs>`, `</name>` or `<name attrs/>`.
#[derive(Debug, Clone)]
pub(crate) struct Tag<'a> {
    pub kind: TagKind,
    /// The qualified name, `w:p`.
    pub name: &'a [u8],
    /// The raw attribute text of a start or empty tag.
    pub attrs: &'a [u8],
    /// Byte range of the whole tag.
    pub range: Range<usize>,
}

impl<'a> Tag<'a> {
    pub fn local(&self) -> &'a [u8] {
        local_name(self.name)
    }

    /// The unescaped value of the first attribute whose local name is `local`.
    pub fn attr(&self, local: &[u8]) -> Option<Cow<'a, str>> {
        attributes(self.attrs)
            .find(|(name, _)| local_name(name) == local)
            .map(|(_, value)| unescape_lossy(value))
    }
}

pub(crate) fn local_name(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// Iterates the tags of `xml` from `pos`.
#[derive(Debug)]
pub(crate) struct Scanner<'a> {
    xml: &'a [u8],
    pos: usize,
    part: &'a str,
    failed: bool,
}

impl<'a> Scanner<'a> {
    pub fn new(xml: &'a [u8], part: &'a str) -> Self {
        Scanner {
            xml,
            pos: 0,
            part,
            failed: false,
        }
    }

    pub fn starting_at(xml: &'a [u8], pos: usize, part: &'a str) -> Self {
        Scanner {
            xml,
            pos,
            part,
            failed: false,
        }
    }

    fn error(&mut self, at: usize, message: &str) -> AnnotateError {
        self.failed = true;
        malformed(self.part, at, message)
    }
}

pub(crate) fn malformed(part: &str, at: usize, message: &str) -> AnnotateError {
    AnnotateError::Read(crate::error::ReadError::MalformedXml {
        part: part.to_owned(),
        position: at as u64,
        message: message.to_owned(),
    })
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<'a> Iterator for Scanner<'a> {
    type Item = Result<Tag<'a>, AnnotateError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let xml = self.xml;
        loop {
            let lt = self.pos + xml.get(self.pos..)?.iter().position(|&b| b == b'<')?;
            let rest = &xml[lt..];
            if rest.starts_with(b"<!--") {
                match find(xml, lt + 4, b"-->") {
                    Some(end) => self.pos = end + 3,
                    None => return Some(Err(self.error(lt, "unterminated comment"))),
                }
                continue;
            }
            if rest.starts_with(b"<![CDATA[") {
                match find(xml, lt + 9, b"]]>") {
                    Some(end) => self.pos = end + 3,
                    None => return Some(Err(self.error(lt, "unterminated CDATA section"))),
                }
                continue;
            }
            if rest.starts_with(b"<?") {
                match find(xml, lt + 2, b"?>") {
                    Some(end) => self.pos = end + 2,
                    None => {
                        return Some(Err(self.error(lt, "unterminated processing instruction")));
                    }
                }
                continue;
            }
            if rest.starts_with(b"<!") {
                // Document type declaration, possibly with an internal subset.
                let mut i = lt + 2;
                let mut depth = 0usize;
                let mut quote = None;
                loop {
                    let Some(&b) = xml.get(i) else {
                        return Some(Err(self.error(lt, "unterminated declaration")));
                    };
                    match (quote, b) {
                        (Some(q), _) if b == q => quote = None,
                        (Some(_), _) => {}
                        (None, b'"' | b'\'') => quote = Some(b),
                        (None, b'[') => depth += 1,
                        (None, b']') => depth = depth.saturating_sub(1),
                        (None, b'>') if depth == 0 => break,
                        _ => {}
                    }
                    i += 1;
                }
                self.pos = i + 1;
                continue;
            }
            if rest.starts_with(b"</") {
                let name_start = lt + 2;
                let Some(gt) = xml[name_start..].iter().position(|&b| b == b'>') else {
                    return Some(Err(self.error(lt, "unterminated end tag")));
                };
                let gt = name_start + gt;
                let name = trim_end(&xml[name_start..gt]);
                if name.is_empty() {
                    return Some(Err(self.error(lt, "end tag without a name")));
                }
                self.pos = gt + 1;
                return Some(Ok(Tag {
                    kind: TagKind::End,
                    name,
                    attrs: b"",
                    range: lt..gt + 1,
                }));
            }
            // Start or empty tag.
            let name_start = lt + 1;
            let mut i = name_start;
            while i < xml.len() && !is_space(xml[i]) && xml[i] != b'>' && xml[i] != b'/' {
                i += 1;
            }
            if i == name_start {
                return Some(Err(self.error(lt, "tag without a name")));
            }
            let name = &xml[name_start..i];
            let attrs_start = i;
            let mut quote = None;
            loop {
                let Some(&b) = xml.get(i) else {
                    return Some(Err(self.error(lt, "unterminated tag")));
                };
                match (quote, b) {
                    (Some(q), _) if b == q => quote = None,
                    (Some(_), b'<') => {
                        return Some(Err(self.error(i, "'<' in an attribute value")));
                    }
                    (Some(_), _) => {}
                    (None, b'"' | b'\'') => quote = Some(b),
                    (None, b'>') => break,
                    _ => {}
                }
                i += 1;
            }
            let empty = i > attrs_start && xml[i - 1] == b'/';
            let attrs_end = if empty { i - 1 } else { i };
            self.pos = i + 1;
            return Some(Ok(Tag {
                kind: if empty {
                    TagKind::Empty
                } else {
                    TagKind::Start
                },
                name,
                attrs: &xml[attrs_start..attrs_end],
                range: lt..i + 1,
            }));
        }
    }
}

fn trim_end(bytes: &[u8]) -> &[u8] {
    let mut end = bytes.len();
    while end > 0 && is_space(bytes[end - 1]) {
        end -= 1;
    }
    &bytes[..end]
}

/// The attributes of a tag's raw attribute text: (qualified name, raw value).
pub(crate) fn attributes(attrs: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < attrs.len() && is_space(attrs[i]) {
            i += 1;
        }
        let name_start = i;
        while i < attrs.len() && attrs[i] != b'=' && !is_space(attrs[i]) {
            i += 1;
        }
        let name = &attrs[name_start..i];
        while i < attrs.len() && (is_space(attrs[i]) || attrs[i] == b'=') {
            i += 1;
        }
        let quote = *attrs.get(i)?;
        if name.is_empty() || (quote != b'"' && quote != b'\'') {
            return None;
        }
        let value_start = i + 1;
        let len = attrs[value_start..].iter().position(|&b| b == quote)?;
        i = value_start + len + 1;
        Some((name, &attrs[value_start..value_start + len]))
    })
}

/// Decodes the five predefined entities and character references; `None`
/// when the text holds anything else (an entity the writer cannot resolve).
pub(crate) fn unescape(raw: &[u8]) -> Option<String> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'&' {
            let (c, len) = entity_at(raw, i)?;
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            i += len;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

pub(crate) fn unescape_lossy(raw: &[u8]) -> Cow<'_, str> {
    if !raw.contains(&b'&') {
        return String::from_utf8_lossy(raw);
    }
    match unescape(raw) {
        Some(s) => Cow::Owned(s),
        None => String::from_utf8_lossy(raw),
    }
}

/// The character an entity or character reference at `raw[i]` stands for, and its length.
pub(crate) fn entity_at(raw: &[u8], i: usize) -> Option<(char, usize)> {
    let semi = raw[i..].iter().take(12).position(|&b| b == b';')?;
    let body = &raw[i + 1..i + semi];
    let c = match body {
        b"amp" => '&',
        b"lt" => '<',
        b"gt" => '>',
        b"quot" => '"',
        b"apos" => '\'',
        _ if body.first() == Some(&b'#') => {
            let digits = std::str::from_utf8(&body[1..]).ok()?;
            let value = if let Some(hex) = digits.strip_prefix('x').or(digits.strip_prefix('X')) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                digits.parse::<u32>().ok()?
            };
            char::from_u32(value)?
        }
        _ => return None,
    };
    Some((c, semi + 1))
}

/// Maps a byte offset in the decoded text of `raw` (escaped character data)
/// to the byte offset in `raw`. `None` when the offset falls inside a
/// character or a reference, or past the end.
pub(crate) fn raw_offset(raw: &[u8], decoded_offset: usize) -> Option<usize> {
    let mut decoded = 0;
    let mut i = 0;
    loop {
        if decoded == decoded_offset {
            return Some(i);
        }
        if decoded > decoded_offset || i >= raw.len() {
            return None;
        }
        if raw[i] == b'&' {
            let (c, len) = entity_at(raw, i)?;
            decoded += c.len_utf8();
            i += len;
        } else {
            decoded += 1;
            i += 1;
        }
    }
}

/// Escapes text for character data, dropping characters XML 1.0 forbids.
pub(crate) fn escape_text(s: &str) -> String {
    escape(s, false)
}

/// Escapes text for a double-quoted attribute value.
pub(crate) fn escape_attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\t' | '\n' | '\r' if attribute => {
                out.push_str(&format!("&#{};", c as u32));
            }
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// How to write names of one namespace in a part: the element prefix, the
/// attribute prefix and, when the part binds the namespace only as the
/// default namespace, a declaration to put on each written element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Names {
    /// `w:` or empty.
    pub elem: String,
    /// `w:`, or the prefix of `decl`.
    pub attr: String,
    /// ` xmlns:gt="…"` or empty.
    pub decl: String,
}

impl Names {
    /// `<{elem}name{decl}` — the opening of a written element.
    pub fn open(&self, local: &str) -> String {
        format!("<{}{}{}", self.elem, local, self.decl)
    }

    pub fn close(&self, local: &str) -> String {
        format!("</{}{}>", self.elem, local)
    }

    /// ` {attr}name="value"` (value already escaped).
    pub fn attr(&self, local: &str, value: &str) -> String {
        format!(" {}{}=\"{}\"", self.attr, local, value)
    }
}

/// The namespace declarations of a part's root element: (prefix, uri);
/// the default namespace has an empty prefix.
pub(crate) fn root_namespaces(
    xml: &[u8],
    part: &str,
) -> Result<Vec<(String, String)>, AnnotateError> {
    let root = root_tag(xml, part)?;
    Ok(namespaces_of(&root))
}

pub(crate) fn namespaces_of(tag: &Tag<'_>) -> Vec<(String, String)> {
    attributes(tag.attrs)
        .filter_map(|(name, value)| {
            let prefix = if name == b"xmlns" {
                String::new()
            } else {
                String::from_utf8_lossy(name.strip_prefix(b"xmlns:")?).into_owned()
            };
            Some((prefix, unescape_lossy(value).into_owned()))
        })
        .collect()
}

/// The first start (or empty) tag of a part.
pub(crate) fn root_tag<'a>(xml: &'a [u8], part: &'a str) -> Result<Tag<'a>, AnnotateError> {
    match Scanner::new(xml, part).next() {
        Some(Ok(tag)) if tag.kind != TagKind::End => Ok(tag),
        Some(Err(e)) => Err(e),
        _ => Err(malformed(part, 0, "no root element")),
    }
}

/// How to name `uri`'s elements and attributes given a root's declarations;
/// `fallback` is the prefix to declare locally when only a default namespace
/// (or nothing) binds it.
pub(crate) fn names_for(namespaces: &[(String, String)], uris: &[&str], fallback: &str) -> Names {
    let bound = |prefix_wanted: bool| {
        namespaces
            .iter()
            .find(|(p, u)| p.is_empty() != prefix_wanted && uris.contains(&u.as_str()))
    };
    if let Some((prefix, _)) = bound(true) {
        return Names {
            elem: format!("{prefix}:"),
            attr: format!("{prefix}:"),
            decl: String::new(),
        };
    }
    let uri = uris[0];
    if bound(false).is_some() {
        // Elements unprefixed; attributes need a prefix of their own.
        return Names {
            elem: String::new(),
            attr: format!("{fallback}:"),
            decl: format!(" xmlns:{fallback}=\"{uri}\""),
        };
    }
    Names {
        elem: format!("{fallback}:"),
        attr: format!("{fallback}:"),
        decl: format!(" xmlns:{fallback}=\"{uri}\""),
    }
}

/// Where to add children at the end of a part's root element: either an
/// insertion before the root's end tag, or the replacement of a
/// self-closing root's `/>`.
#[derive(Debug, Clone)]
pub(crate) struct RootEnd {
    /// Position of `</root>`, or of the `/>` of an empty root.
    pub at: usize,
    /// `Some("</root>")` when the root is self-closing: replace the 2 bytes
    /// `/>` at `at` with `>` + children + this.
    pub self_closing: Option<String>,
}

pub(crate) fn root_end(xml: &[u8], part: &str) -> Result<RootEnd, AnnotateError> {
    let mut depth = 0usize;
    for tag in Scanner::new(xml, part) {
        let tag = tag?;
        match tag.kind {
            TagKind::Empty if depth == 0 => {
                return Ok(RootEnd {
                    at: tag.range.end - 2,
                    self_closing: Some(format!("</{}>", String::from_utf8_lossy(tag.name))),
                });
            }
            TagKind::Empty => {}
            TagKind::Start => depth += 1,
            TagKind::End => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Ok(RootEnd {
                        at: tag.range.start,
                        self_closing: None,
                    });
                }
            }
        }
    }
    Err(malformed(part, xml.len(), "the root element is not closed"))
}

/// One change to a part: replace `range` with `text` (an insertion when the range is empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Edit {
    pub range: Range<usize>,
    pub text: Vec<u8>,
}

impl Edit {
    pub fn insert(at: usize, text: impl Into<Vec<u8>>) -> Edit {
        Edit {
            range: at..at,
            text: text.into(),
        }
    }

    pub fn remove(range: Range<usize>) -> Edit {
        Edit {
            range,
            text: Vec::new(),
        }
    }
}

/// Applies non-overlapping edits; insertions at the same position keep their
/// order, and come before a replacement starting there.
pub(crate) fn apply_edits(
    original: &[u8],
    mut edits: Vec<Edit>,
    part: &str,
) -> Result<Vec<u8>, AnnotateError> {
    edits.sort_by_key(|e| (e.range.start, !e.range.is_empty()));
    let extra: usize = edits.iter().map(|e| e.text.len()).sum();
    let mut out = Vec::with_capacity(original.len() + extra);
    let mut pos = 0;
    for edit in &edits {
        if edit.range.start < pos || edit.range.end > original.len() {
            return Err(AnnotateError::Internal(format!(
                "overlapping changes in {part} at byte {}",
                edit.range.start
            )));
        }
        out.extend_from_slice(&original[pos..edit.range.start]);
        out.extend_from_slice(&edit.text);
        pos = edit.range.end;
    }
    out.extend_from_slice(&original[pos..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_tags_with_exact_ranges() {
        let xml = br#"<?xml version="1.0"?><!--c><--><a x="1>2"><b/>t&amp;<![CDATA[<no>]]></a>"#;
        let tags: Vec<_> = Scanner::new(xml, "p").map(|t| t.unwrap()).collect();
        assert_eq!(tags.len(), 3);
        assert_eq!(&xml[tags[0].range.clone()], br#"<a x="1>2">"#);
        assert_eq!(tags[0].attr(b"x").as_deref(), Some("1>2"));
        assert_eq!(tags[1].kind, TagKind::Empty);
        assert_eq!(&xml[tags[2].range.clone()], b"</a>");
    }

    #[test]
    fn maps_decoded_offsets_to_raw_offsets() {
        let raw = b"a&amp;b&#233;c";
        assert_eq!(unescape(raw).unwrap(), "a&b\u{e9}c");
        assert_eq!(raw_offset(raw, 0), Some(0));
        assert_eq!(raw_offset(raw, 1), Some(1));
        assert_eq!(raw_offset(raw, 2), Some(6));
        assert_eq!(raw_offset(raw, 3), Some(7));
        assert_eq!(raw_offset(raw, 4), None, "inside a two-byte character");
        assert_eq!(raw_offset(raw, 5), Some(13));
        assert_eq!(raw_offset(raw, 6), Some(14));
        assert_eq!(raw_offset(raw, 7), None);
    }

    #[test]
    fn escapes_and_drops_forbidden_characters() {
        assert_eq!(escape_text("a<b>&\u{1}c"), "a&lt;b&gt;&amp;c");
        assert_eq!(escape_attr("\"x\""), "&quot;x&quot;");
    }

    #[test]
    fn names_use_the_declared_prefix_or_declare_one() {
        let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        let ns = vec![("x".to_owned(), w.to_owned())];
        assert_eq!(names_for(&ns, &[w], "w").elem, "x:");
        let ns = vec![(String::new(), w.to_owned())];
        let names = names_for(&ns, &[w], "w");
        assert_eq!(names.elem, "");
        assert_eq!(names.attr, "w:");
        assert!(names.decl.contains(w));
    }

    #[test]
    fn edits_apply_in_order_and_refuse_overlaps() {
        let out = apply_edits(
            b"abcdef",
            vec![
                Edit::insert(2, "X"),
                Edit::remove(2..4),
                Edit::insert(2, "Y"),
            ],
            "p",
        )
        .unwrap();
        assert_eq!(out, b"abXYef");
        assert!(apply_edits(b"abcdef", vec![Edit::remove(1..4), Edit::remove(2..3)], "p").is_err());
    }
}
