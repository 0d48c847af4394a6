//! styles.xml: style names, outline levels, bold and size through the basedOn chain.
//!
//! Every style is resolved once, after parsing: a property not set on a style
//! comes from the style it is based on (cycles and chains deeper than
//! [`MAX_CHAIN`] are cut). The outline level also comes from the style's
//! name: Word's built-in "heading 1" … "heading 9" (and the `Heading1`,
//! `Heading 1` spellings other writers use) are levels 0 … 8 even when the
//! style does not say `w:outlineLvl`.

use quick_xml::events::BytesStart;

use crate::package::xml::{ElementVisitor, Ns, attr, int_val, on_off, walk_elements};
use crate::sorted;

/// Longest basedOn chain followed.
pub const MAX_CHAIN: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StyleKind {
    #[default]
    Paragraph,
    Character,
    Table,
    Numbering,
}

/// A paragraph's numbering reference (`w:numPr`), in a style or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumRef {
    /// `None` when only `w:ilvl` is given.
    pub num_id: Option<u32>,
    pub level: Option<u8>,
}

/// One style as styles.xml defines it (its own properties only).
#[derive(Debug, Clone, Default)]
pub struct Style {
    pub id: String,
    pub name: Option<String>,
    pub kind: StyleKind,
    pub based_on: Option<String>,
    pub is_default: bool,
    /// `w:outlineLvl` as written (9 means body text).
    pub outline_level: Option<u8>,
    pub bold: Option<bool>,
    pub size_half_points: Option<u32>,
    pub num: Option<NumRef>,
}

/// A style with its chain applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResolvedStyle {
    pub id: String,
    pub name: Option<String>,
    pub outline_level: Option<u8>,
    pub bold: Option<bool>,
    pub size_half_points: Option<u32>,
    pub num: Option<NumRef>,
}

/// The styles of a document.
#[derive(Debug, Clone, Default)]
pub struct Styles {
    /// Sorted by id, one per id, found by binary search (vectors rather
    /// than hash maps keep the add-in's WebAssembly smaller).
    styles: Vec<Style>,
    /// `resolved[i]` is `styles[i]` resolved.
    resolved: Vec<ResolvedStyle>,
    default_paragraph: Option<String>,
    /// `w:docDefaults/w:rPrDefault`: bold.
    pub default_bold: Option<bool>,
    /// `w:docDefaults/w:rPrDefault`: size in half-points.
    pub default_size: Option<u32>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Style,
    PPr,
    RPr,
    NumPr,
    RPrDefault,
    Other,
}

/// styles.xml as it is read: the styles finished, and the one open.
#[derive(Default)]
struct Parser {
    out: Styles,
    current: Option<Style>,
}

impl ElementVisitor for Parser {
    type Tag = Tag;

    fn open(&mut self, ns: Ns, e: &BytesStart<'_>, ancestors: &[Tag]) -> Tag {
        self.out.element(ns, e, ancestors, &mut self.current)
    }

    fn close(&mut self, tag: Tag, _ancestors: &[Tag]) {
        if tag == Tag::Style {
            self.out.finish(self.current.take());
        }
    }
}

impl Styles {
    /// Parses styles.xml. Returns what was read and, when the XML is broken,
    /// a description of the problem (the styles read before it are kept).
    pub fn parse(xml: &str) -> (Styles, Option<String>) {
        let mut parser = Parser::default();
        let problem = walk_elements(xml, &mut parser);
        let mut out = parser.out;
        out.finish(parser.current.take());
        out.resolve_all();
        (out, problem)
    }

    fn element(
        &mut self,
        ns: Ns,
        e: &BytesStart<'_>,
        stack: &[Tag],
        current: &mut Option<Style>,
    ) -> Tag {
        if ns != Ns::W {
            return Tag::Other;
        }
        let parent = stack.last().copied();
        let grandparent = stack.len().checked_sub(2).map(|i| stack[i]);
        let local = e.local_name();
        match local.as_ref() {
            "style" => {
                self.finish(current.take());
                let kind = match attr(e, "type").as_deref() {
                    Some("character") => StyleKind::Character,
                    Some("table") => StyleKind::Table,
                    Some("numbering") => StyleKind::Numbering,
                    _ => StyleKind::Paragraph,
                };
                *current = Some(Style {
                    id: attr(e, "styleId").unwrap_or_default(),
                    kind,
                    is_default: attr(e, "default")
                        .is_some_and(|v| matches!(v.as_str(), "1" | "true" | "on")),
                    ..Style::default()
                });
                Tag::Style
            }
            "pPr" => Tag::PPr,
            "rPr" => Tag::RPr,
            "numPr" => Tag::NumPr,
            "rPrDefault" => Tag::RPrDefault,
            "name" if parent == Some(Tag::Style) => {
                if let Some(s) = current.as_mut() {
                    s.name = attr(e, "val");
                }
                Tag::Other
            }
            "basedOn" if parent == Some(Tag::Style) => {
                if let Some(s) = current.as_mut() {
                    s.based_on = attr(e, "val");
                }
                Tag::Other
            }
            "outlineLvl" if parent == Some(Tag::PPr) && grandparent == Some(Tag::Style) => {
                if let Some(s) = current.as_mut() {
                    s.outline_level = int_val(e, "val");
                }
                Tag::Other
            }
            "numId" | "ilvl"
                if parent == Some(Tag::NumPr)
                    && stack.len() >= 3
                    && stack[stack.len() - 3] == Tag::Style =>
            {
                if let Some(s) = current.as_mut() {
                    let num = s.num.get_or_insert_default();
                    if local.as_ref() == "numId" {
                        num.num_id = int_val(e, "val");
                    } else {
                        num.level = int_val(e, "val");
                    }
                }
                Tag::Other
            }
            "b" | "sz" if parent == Some(Tag::RPr) => {
                let bold = local.as_ref() == "b";
                if grandparent == Some(Tag::Style) {
                    if let Some(s) = current.as_mut() {
                        if bold {
                            s.bold = Some(on_off(e));
                        } else {
                            s.size_half_points = int_val(e, "val");
                        }
                    }
                } else if grandparent == Some(Tag::RPrDefault) {
                    if bold {
                        self.default_bold = Some(on_off(e));
                    } else {
                        self.default_size = int_val(e, "val");
                    }
                }
                Tag::Other
            }
            _ => Tag::Other,
        }
    }

    fn finish(&mut self, style: Option<Style>) {
        let Some(style) = style else { return };
        if style.id.is_empty() {
            return;
        }
        if style.is_default
            && style.kind == StyleKind::Paragraph
            && self.default_paragraph.is_none()
        {
            self.default_paragraph = Some(style.id.clone());
        }
        self.styles.push(style);
    }

    fn resolve_all(&mut self) {
        // The first definition of an id wins, as in Word.
        sorted::keep_first_by_key(&mut self.styles, |s| s.id.as_str());
        self.resolved = self.styles.iter().map(|s| self.resolve(&s.id)).collect();
    }

    /// Where a style id is in `styles` (and `resolved`).
    fn position(&self, id: &str) -> Option<usize> {
        self.styles.binary_search_by(|s| s.id.as_str().cmp(id)).ok()
    }

    fn resolve(&self, id: &str) -> ResolvedStyle {
        // The chain from this style up to its root, cut at a cycle.
        let mut chain: Vec<&Style> = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next {
            let Some(style) = self.definition(id) else {
                break;
            };
            if chain.len() >= MAX_CHAIN || chain.iter().any(|s| s.id == style.id) {
                break;
            }
            chain.push(style);
            next = style.based_on.as_deref();
        }
        let mut out = ResolvedStyle {
            id: id.to_owned(),
            name: chain.first().and_then(|s| s.name.clone()),
            ..ResolvedStyle::default()
        };
        // Nearest definition wins.
        for style in &chain {
            if out.outline_level.is_none() {
                out.outline_level = style
                    .outline_level
                    .or_else(|| style.name.as_deref().and_then(heading_level_from_name));
            }
            out.bold = out.bold.or(style.bold);
            out.size_half_points = out.size_half_points.or(style.size_half_points);
            if out.num.is_none() {
                out.num = style.num;
            }
        }
        // Level 9 and above mean body text.
        out.outline_level = out.outline_level.filter(|&l| l < 9);
        out
    }

    /// The resolved paragraph style of a paragraph: its `w:pStyle`, else
    /// the default paragraph style.
    pub fn paragraph(&self, id: Option<&str>) -> Option<&ResolvedStyle> {
        match id {
            Some(id) => self.get(id).or_else(|| self.default_paragraph()),
            None => self.default_paragraph(),
        }
    }

    /// The default paragraph style (`w:default="1"`).
    pub fn default_paragraph(&self) -> Option<&ResolvedStyle> {
        self.default_paragraph
            .as_deref()
            .and_then(|id| self.get(id))
    }

    /// Any resolved style by id (character styles for `w:rStyle`).
    pub fn get(&self, id: &str) -> Option<&ResolvedStyle> {
        self.position(id).and_then(|i| self.resolved.get(i))
    }

    /// The raw definition of a style.
    pub fn definition(&self, id: &str) -> Option<&Style> {
        self.position(id).map(|i| &self.styles[i])
    }

    /// Number of styles defined.
    pub fn len(&self) -> usize {
        self.styles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.styles.is_empty()
    }
}

/// "heading 1" … "heading 9" (any case, with or without the space) → 0 … 8.
pub fn heading_level_from_name(name: &str) -> Option<u8> {
    let lower = name.trim().to_ascii_lowercase();
    let rest = lower.strip_prefix("heading")?.trim_start();
    match rest.as_bytes() {
        [d @ b'1'..=b'9'] => Some(d - b'1'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn styles(body: &str) -> Styles {
        let xml = format!("<w:styles {W}>{body}</w:styles>");
        let (s, problem) = Styles::parse(&xml);
        assert!(problem.is_none(), "{problem:?}");
        s
    }

    #[test]
    fn names_and_outline_levels_through_the_chain() {
        let s = styles(
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
              <w:pPr><w:outlineLvl w:val="0"/><w:rPr><w:sz w:val="99"/></w:rPr></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="My Heading"/><w:basedOn w:val="Heading1"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Heading 2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Body9"><w:name w:val="Body"/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>"#,
        );
        assert_eq!(s.default_size, Some(22));
        let h1 = s.paragraph(Some("Heading1")).unwrap();
        assert_eq!(h1.name.as_deref(), Some("heading 1"));
        assert_eq!(h1.outline_level, Some(0));
        assert_eq!(h1.bold, Some(true));
        assert_eq!(
            h1.size_half_points,
            Some(32),
            "pPr/rPr is the paragraph mark, not the style's run properties"
        );
        let mine = s.paragraph(Some("MyHeading")).unwrap();
        assert_eq!(mine.outline_level, Some(0));
        assert_eq!(mine.bold, Some(false));
        assert_eq!(mine.size_half_points, Some(32));
        assert_eq!(
            s.paragraph(Some("Heading2")).unwrap().outline_level,
            Some(1)
        );
        assert_eq!(s.paragraph(Some("Body9")).unwrap().outline_level, None);
        assert_eq!(s.paragraph(None).unwrap().id, "Normal");
        assert_eq!(s.paragraph(Some("Missing")).unwrap().id, "Normal");
    }

    #[test]
    fn based_on_cycles_are_cut() {
        let s = styles(
            r#"<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>
               <w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/><w:rPr><w:b/></w:rPr></w:style>
               <w:style w:type="paragraph" w:styleId="C"><w:basedOn w:val="C"/></w:style>"#,
        );
        assert_eq!(s.get("A").unwrap().bold, Some(true));
        assert_eq!(s.get("C").unwrap().bold, None);
    }

    #[test]
    fn numbering_in_styles_and_strict_namespace() {
        let xml = r#"<x:styles xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main">
            <x:style x:type="paragraph" x:styleId="ListNumber"><x:name x:val="List Number"/><x:pPr><x:numPr><x:numId x:val="7"/></x:numPr></x:pPr></x:style>
            <x:style x:type="paragraph" x:styleId="Sub"><x:basedOn x:val="ListNumber"/><x:pPr><x:numPr><x:ilvl x:val="1"/><x:numId x:val="7"/></x:numPr></x:pPr></x:style>
        </x:styles>"#;
        let (s, problem) = Styles::parse(xml);
        assert!(problem.is_none());
        assert_eq!(
            s.get("ListNumber").unwrap().num,
            Some(NumRef {
                num_id: Some(7),
                level: None
            })
        );
        assert_eq!(
            s.get("Sub").unwrap().num,
            Some(NumRef {
                num_id: Some(7),
                level: Some(1)
            })
        );
        assert_eq!(s.get("Sub").unwrap().name, None);
    }

    #[test]
    fn broken_xml_keeps_what_was_read() {
        let xml = format!(
            r#"<w:styles {W}><w:style w:styleId="A"><w:name w:val="A"/></w:style><w:style w:styleId="B"></w:styles>"#
        );
        let (s, problem) = Styles::parse(&xml);
        assert!(problem.is_some());
        assert_eq!(s.get("A").unwrap().name.as_deref(), Some("A"));
    }

    #[test]
    fn heading_names() {
        assert_eq!(heading_level_from_name("heading 1"), Some(0));
        assert_eq!(heading_level_from_name("Heading9"), Some(8));
        assert_eq!(heading_level_from_name("Heading 10"), None);
        assert_eq!(heading_level_from_name("Title"), None);
        assert_eq!(heading_level_from_name("Headings"), None);
    }
}
