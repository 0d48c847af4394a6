//! Relationships (`_rels/*.rels`), content types (`[Content_Types].xml`) and
//! relationship target resolution (relative `../`, absolute `/`,
//! percent-encoded names).

use std::collections::HashMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::part_key;
use super::xml::{attr, strip_bom};

/// One relationship of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relationship {
    pub id: String,
    /// The full relationship type URI.
    pub rel_type: String,
    /// The target part name (resolved, no leading `/`), or the raw target
    /// for external relationships.
    pub target: String,
    pub external: bool,
}

impl Relationship {
    /// Whether the type's last segment is `kind` (Transitional and Strict
    /// type URIs differ only before it).
    pub fn is(&self, kind: &str) -> bool {
        self.rel_type.rsplit('/').next() == Some(kind)
    }
}

/// The relationships part of a part: `word/document.xml` →
/// `word/_rels/document.xml.rels`; the package root (`""`) → `_rels/.rels`.
pub fn rels_part_name(source_part: &str) -> String {
    let source = source_part.trim_start_matches('/');
    match source.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{source}.rels"),
    }
}

/// Resolves a relationship target against the part that holds the
/// relationship: relative to its folder, `/` from the package root, `..`
/// climbing, percent-encoding decoded. Never leaves the package root.
pub fn resolve_target(source_part: &str, target: &str) -> String {
    let target = percent_decode(target.trim()).replace('\\', "/");
    let target = target.split(['#', '?']).next().unwrap_or_default();
    let mut segments: Vec<&str> = Vec::new();
    if !target.starts_with('/') {
        let source = source_part.trim_start_matches('/');
        if let Some((dir, _)) = source.rsplit_once('/') {
            segments.extend(dir.split('/').filter(|s| !s.is_empty()));
        }
    }
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Parses a relationships part. Returns what could be read, and a problem
/// description when the XML is broken.
pub fn parse(bytes: &[u8], source_part: &str) -> (Vec<Relationship>, Option<String>) {
    let mut reader = Reader::from_reader(strip_bom(bytes));
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let (Some(rel_type), Some(target)) = (attr(&e, "Type"), attr(&e, "Target")) else {
                    continue;
                };
                let external =
                    attr(&e, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("External"));
                let target = if external {
                    target
                } else {
                    resolve_target(source_part, &target)
                };
                out.push(Relationship {
                    id: attr(&e, "Id").unwrap_or_default(),
                    rel_type: rel_type.trim().to_owned(),
                    target,
                    external,
                });
            }
            Ok(Event::Eof) => return (out, None),
            Ok(_) => {}
            Err(e) => {
                return (
                    out,
                    Some(format!(
                        "relationships are not well-formed XML at byte {}: {e}",
                        reader.error_position()
                    )),
                );
            }
        }
    }
}

/// `[Content_Types].xml`, parsed.
#[derive(Debug, Default)]
pub struct ContentTypes {
    /// By lower-case extension.
    pub defaults: HashMap<String, String>,
    /// By part key.
    pub overrides: HashMap<String, String>,
    pub problem: Option<String>,
}

/// Parses `[Content_Types].xml`.
pub fn parse_content_types(bytes: &[u8]) -> ContentTypes {
    let mut reader = Reader::from_reader(strip_bom(bytes));
    let mut out = ContentTypes::default();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let Some(ct) = attr(&e, "ContentType") else {
                    continue;
                };
                match e.local_name().as_ref() {
                    "Default" => {
                        if let Some(ext) = attr(&e, "Extension") {
                            out.defaults
                                .insert(ext.to_lowercase(), ct.trim().to_owned());
                        }
                    }
                    "Override" => {
                        if let Some(name) = attr(&e, "PartName") {
                            out.overrides
                                .insert(part_key(&percent_decode(&name)), ct.trim().to_owned());
                        }
                    }
                    _ => {}
                }
            }
            Ok(Event::Eof) => return out,
            Ok(_) => {}
            Err(e) => {
                out.problem = Some(format!(
                    "content types are not well-formed XML at byte {}: {e}",
                    reader.error_position()
                ));
                return out;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rels_part_names() {
        assert_eq!(rels_part_name(""), "_rels/.rels");
        assert_eq!(
            rels_part_name("word/document.xml"),
            "word/_rels/document.xml.rels"
        );
        assert_eq!(
            rels_part_name("/word/document2.xml"),
            "word/_rels/document2.xml.rels"
        );
    }

    #[test]
    fn targets_resolve_relative_absolute_and_encoded() {
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            resolve_target("", "/word/document2.xml"),
            "word/document2.xml"
        );
        assert_eq!(
            resolve_target("word/document.xml", "styles.xml"),
            "word/styles.xml"
        );
        assert_eq!(
            resolve_target("word/document.xml", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve_target("word/document.xml", "/word/header1.xml"),
            "word/header1.xml"
        );
        assert_eq!(resolve_target("", "word/my%20doc.xml"), "word/my doc.xml");
        assert_eq!(
            resolve_target("", "./word/../../word/./a.xml"),
            "word/a.xml"
        );
        assert_eq!(resolve_target("", "word/bad%zz.xml"), "word/bad%zz.xml");
        assert_eq!(resolve_target("", "word/end%2"), "word/end%2");
    }

    #[test]
    fn relationships_parse_with_types_and_external_targets() {
        let xml = br#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document2.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.invalid/a" TargetMode="External"/>
</Relationships>"#;
        let (rels, problem) = parse(xml, "");
        assert!(problem.is_none());
        assert_eq!(rels.len(), 2);
        assert!(rels[0].is("officeDocument"));
        assert_eq!(rels[0].target, "word/document2.xml");
        assert!(rels[1].external);
        assert_eq!(rels[1].target, "http://example.invalid/a");
    }

    #[test]
    fn content_types_parse() {
        let xml = br#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="XML" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
        let ct = parse_content_types(xml);
        assert_eq!(ct.defaults["xml"], "application/xml");
        assert!(ct.overrides["word/document.xml"].contains("wordprocessingml"));
    }
}
