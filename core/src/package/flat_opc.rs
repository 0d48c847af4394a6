//! Flat OPC: a whole package as one XML document (`pkg:package`), as Word's
//! `body.getOoxml()` and "Save as Word XML" write. XML parts sit in
//! `pkg:part/pkg:xmlData`; binary parts in `pkg:binaryData` (base64) are
//! never decoded, since the reader needs none of them.
//!
//! A part's bytes are the raw content of its `pkg:xmlData` element, borrowed
//! from the input: byte ranges the body reader reports (paragraph `xml`,
//! segments) refer to those bytes, not to the whole flat document. That is
//! fine because comments are only ever written into zip packages.

use std::ops::Range;

use quick_xml::NsReader;
use quick_xml::events::Event;

use super::part_key;
use super::xml::{Ns, attr, classify, strip_bom};
use crate::error::ReadError;
use crate::sorted;

/// The parts of a flat OPC document.
#[derive(Debug)]
pub struct FlatOpc<'a> {
    bytes: &'a [u8],
    /// (part key, its data), sorted by key, one per key (the last).
    parts: Vec<(String, PartData)>,
    /// (part key, the name as written with no leading `/`), the same way.
    names: Vec<(String, String)>,
}

/// A part's content type and the byte range of its XML data (`None` for
/// binary parts).
type PartData = (String, Option<Range<usize>>);

/// The value of a part key in `(key, value)` entries sorted by key.
fn find<'e, T>(entries: &'e [(String, T)], key: &str) -> Option<&'e T> {
    sorted::find_by_key(entries, key, |(k, _)| k.as_str()).map(|(_, v)| v)
}

impl<'a> FlatOpc<'a> {
    /// Indexes the parts. Refuses XML that is not a flat OPC package.
    pub fn parse(input: &'a [u8]) -> Result<FlatOpc<'a>, ReadError> {
        let bytes = strip_bom(input);
        let mut reader = NsReader::from_reader(bytes);
        let mut parts = Vec::new();
        let mut names = Vec::new();
        let mut seen_root = false;
        let malformed =
            |reader: &NsReader<&[u8]>, e: &dyn std::fmt::Display| ReadError::MalformedXml {
                part: "flat OPC package".into(),
                position: reader.error_position(),
                message: e.to_string(),
            };
        let mut current: Option<(String, String)> = None;
        let mut depth: usize = 0;
        loop {
            let event = reader.read_resolved_event();
            let (ns, event) = match event {
                Ok((ns, ev)) => (classify(&ns), ev),
                Err(e) => return Err(malformed(&reader, &e)),
            };
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth = depth.saturating_sub(1),
                _ => {}
            }
            match event {
                Event::Start(e) | Event::Empty(e) if !seen_root => {
                    seen_root = true;
                    if !(ns == Ns::Pkg && e.local_name().as_ref() == "package") {
                        let what = if e.local_name().as_ref() == "wordDocument" {
                            "it is a Word 2003 XML document: open it in Word and save it as .docx"
                        } else {
                            "it is an XML file but not a Word package"
                        };
                        return Err(ReadError::NotAWordDocument(what.into()));
                    }
                }
                Event::Start(e) if ns == Ns::Pkg && e.local_name().as_ref() == "part" => {
                    let name = attr(&e, "name").unwrap_or_default();
                    let ct = attr(&e, "contentType").unwrap_or_default();
                    names.push((part_key(&name), name.trim_start_matches('/').to_owned()));
                    current = Some((part_key(&name), ct));
                }
                Event::Start(e) if ns == Ns::Pkg && e.local_name().as_ref() == "xmlData" => {
                    let span = reader
                        .read_to_end(e.name())
                        .map_err(|err| malformed(&reader, &err))?;
                    depth -= 1;
                    if let Some((name, ct)) = current.take() {
                        let start = usize::try_from(span.start).unwrap_or(0);
                        let end = usize::try_from(span.end).unwrap_or(0).min(bytes.len());
                        parts.push((name, (ct, Some(start.min(end)..end))));
                    }
                }
                Event::Start(e) if ns == Ns::Pkg && e.local_name().as_ref() == "binaryData" => {
                    reader
                        .read_to_end(e.name())
                        .map_err(|err| malformed(&reader, &err))?;
                    depth -= 1;
                    if let Some((name, ct)) = current.take() {
                        parts.push((name, (ct, None)));
                    }
                }
                Event::End(e) if ns == Ns::Pkg && e.local_name().as_ref() == "part" => {
                    current = None;
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if depth > 0 {
            return Err(ReadError::MalformedXml {
                part: "flat OPC package".into(),
                position: reader.buffer_position(),
                message: "the package ends before all its elements are closed".into(),
            });
        }
        if !seen_root {
            return Err(ReadError::NotAWordDocument(
                "it is an empty XML file".into(),
            ));
        }
        // The last of a part name wins, as inserting into a map would.
        sorted::keep_last_by_key(&mut parts, |(key, _)| key.as_str());
        sorted::keep_last_by_key(&mut names, |(key, _)| key.as_str());
        Ok(FlatOpc {
            bytes,
            parts,
            names,
        })
    }

    pub fn has(&self, key: &str) -> bool {
        find(&self.parts, key).is_some()
    }

    /// The part's name as written in `pkg:name`.
    pub fn stored_name(&self, key: &str) -> Option<&str> {
        find(&self.names, key).map(String::as_str)
    }

    /// The XML data of a part (binary parts give `None`).
    pub fn part(&self, key: &str) -> Option<&'a [u8]> {
        let (_, range) = find(&self.parts, key)?;
        range.clone().map(|r| &self.bytes[r])
    }

    /// Each part's content type.
    pub fn content_types(&self) -> impl Iterator<Item = (&str, &str)> {
        self.parts
            .iter()
            .filter(|(_, (ct, _))| !ct.is_empty())
            .map(|(n, (ct, _))| (n.as_str(), ct.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_xml_and_binary_parts() {
        let xml = br#"<?xml version="1.0" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">
<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData><w:document xmlns:w="x"/></pkg:xmlData></pkg:part>
<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png" pkg:compression="store"><pkg:binaryData>iVBORw0KGgo=</pkg:binaryData></pkg:part>
</pkg:package>"#;
        let flat = FlatOpc::parse(xml).unwrap();
        assert_eq!(
            flat.part("word/document.xml").unwrap(),
            br#"<w:document xmlns:w="x"/>"#
        );
        assert!(flat.has("word/media/image1.png"));
        assert!(flat.part("word/media/image1.png").is_none());
    }

    #[test]
    fn other_xml_is_not_a_word_document() {
        assert!(matches!(
            FlatOpc::parse(b"<html><body/></html>"),
            Err(ReadError::NotAWordDocument(_))
        ));
        assert!(matches!(
            FlatOpc::parse(b"<pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\"><pkg:part>"),
            Err(ReadError::MalformedXml { .. })
        ));
    }
}
