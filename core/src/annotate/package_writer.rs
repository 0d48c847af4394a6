//! The package side of annotation: reading the parts the writer changes,
//! resolving relationships, and writing the output zip with every untouched
//! entry copied raw (same compressed bytes, same order). The zip is read and
//! written by [`crate::package::zip`] and [`crate::package::zip_writer`], the
//! reader's own, under the same caps.

use std::collections::BTreeMap;

use super::AnnotateError;
use super::xml::{Scanner, TagKind};
use crate::error::ReadError;
use crate::package::part_key;
use crate::package::zip::ZipSource;
use crate::package::zip_writer::{DosTime, WriteError, ZipWriter};

/// An open package: the zip's central directory, indexed by part name.
#[derive(Debug)]
pub(crate) struct Package<'a> {
    zip: ZipSource<'a>,
}

impl From<WriteError> for AnnotateError {
    fn from(e: WriteError) -> AnnotateError {
        match e {
            WriteError::Read(e) => AnnotateError::Read(e),
            too_large @ WriteError::TooLarge(_) => {
                AnnotateError::Unsupported(too_large.to_string())
            }
        }
    }
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, AnnotateError> {
        if !bytes.starts_with(b"PK") {
            let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
            if head.contains("pkg:package") || head.contains("<?mso-application") {
                return Err(AnnotateError::Unsupported(
                    "this is a flat OPC XML package (Word XML); save it as a .docx file and annotate that"
                        .into(),
                ));
            }
            if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
                return Err(AnnotateError::Read(ReadError::LegacyWordDocument));
            }
            return Err(AnnotateError::Read(ReadError::NotAWordDocument(
                "it is not a zip package".into(),
            )));
        }
        Ok(Package {
            zip: ZipSource::open(bytes)?,
        })
    }

    /// The entry a part name means: the name as stored (case-insensitively),
    /// else the name with its percent-escapes decoded (a relationship's
    /// target may escape what the zip spells plainly).
    fn entry_index(&self, part: &str) -> Option<usize> {
        self.zip.entry_index(&part_key(part)).or_else(|| {
            part.contains('%')
                .then(|| self.zip.entry_index(&part_key(&percent_decode(part))))
                .flatten()
        })
    }

    pub fn contains(&self, part: &str) -> bool {
        self.entry_index(part).is_some()
    }

    /// The inflated bytes of a part, `None` when the package has no such part.
    pub fn read(&mut self, part: &str) -> Result<Option<Vec<u8>>, AnnotateError> {
        let Some(index) = self.entry_index(part) else {
            return Ok(None);
        };
        let entry = &self.zip.entries()[index];
        let key = part_key(&entry.name);
        Ok(Some(self.zip.archive().read(entry, &key)?.into_owned()))
    }

    /// The entry's own name for a part (as spelt in the zip).
    pub fn entry_name(&self, part: &str) -> Option<&str> {
        self.entry_index(part)
            .map(|i| self.zip.entries()[i].name.as_str())
    }

    /// Writes the output package: entries in the original order, those in
    /// `replaced` (keyed by entry name) re-deflated with their new bytes
    /// and their own time, every other entry copied raw; then the `added`
    /// parts, with the time of the package's first entry.
    pub fn write(
        self,
        replaced: &BTreeMap<String, Vec<u8>>,
        added: &[(String, Vec<u8>)],
        capacity: usize,
    ) -> Result<Vec<u8>, AnnotateError> {
        let mut writer = ZipWriter::with_capacity(capacity);
        let entries = self.zip.entries();
        for (i, entry) in entries.iter().enumerate() {
            // Only the entry the name resolves to (the first of a repeated
            // name) is the part that was read and changed.
            let resolves_here =
                !entry.is_dir() && self.zip.entry_index(&part_key(&entry.name)) == Some(i);
            match replaced.get(&entry.name) {
                Some(bytes) if resolves_here => {
                    writer.add_deflated(&entry.name, bytes, DosTime::of(entry))?;
                }
                _ => writer.copy_raw(self.zip.archive(), entry)?,
            }
        }
        let time = entries.first().map_or(DosTime::EPOCH, DosTime::of);
        for (name, bytes) in added {
            writer.add_deflated(name, bytes, time)?;
        }
        Ok(writer.finish()?)
    }
}

/// Part names compare case-insensitively, without a leading slash and with
/// percent-escapes decoded (content-type overrides).
pub(crate) fn normalise(part: &str) -> String {
    percent_decode(part.trim_start_matches('/')).to_lowercase()
}

fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = bytes.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(std::str::from_utf8(hex).unwrap_or("zz"), 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`.
pub(crate) fn rels_name(part: &str) -> String {
    let part = part.trim_start_matches('/');
    match part.rfind('/') {
        Some(i) => format!("{}/_rels/{}.rels", &part[..i], &part[i + 1..]),
        None => format!("_rels/{part}.rels"),
    }
}

/// Resolves a relationship target against its source part.
pub(crate) fn resolve(source: &str, target: &str) -> String {
    let target = target.split('#').next().unwrap_or("");
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        let source = source.trim_start_matches('/');
        match source.rfind('/') {
            Some(i) => source[..i].split('/').collect(),
            None => Vec::new(),
        }
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// One relationship of a part.
#[derive(Debug, Clone)]
pub(crate) struct Relationship {
    pub id: String,
    pub kind: String,
    /// The resolved part name (internal targets only).
    pub target: Option<String>,
}

pub(crate) fn relationships(
    rels: &[u8],
    source: &str,
    part: &str,
) -> Result<Vec<Relationship>, AnnotateError> {
    let mut out = Vec::new();
    for tag in Scanner::new(rels, part) {
        let tag = tag?;
        if tag.kind == TagKind::End || tag.local() != b"Relationship" {
            continue;
        }
        let external = tag
            .attr(b"TargetMode")
            .is_some_and(|m| m.eq_ignore_ascii_case("external"));
        out.push(Relationship {
            id: tag.attr(b"Id").map(|s| s.into_owned()).unwrap_or_default(),
            kind: tag
                .attr(b"Type")
                .map(|s| s.into_owned())
                .unwrap_or_default(),
            target: if external {
                None
            } else {
                tag.attr(b"Target").map(|t| resolve(source, &t))
            },
        });
    }
    Ok(out)
}

/// Content-type overrides (normalised part names) and defaults (lower-cased extensions).
#[derive(Debug, Default)]
pub(crate) struct ContentTypes {
    pub overrides: BTreeMap<String, String>,
    pub defaults: BTreeMap<String, String>,
}

pub(crate) fn content_types(xml: &[u8]) -> Result<ContentTypes, AnnotateError> {
    let mut out = ContentTypes::default();
    for tag in Scanner::new(xml, "[Content_Types].xml") {
        let tag = tag?;
        if tag.kind == TagKind::End {
            continue;
        }
        match tag.local() {
            b"Override" => {
                if let (Some(name), Some(kind)) = (tag.attr(b"PartName"), tag.attr(b"ContentType"))
                {
                    out.overrides.insert(normalise(&name), kind.into_owned());
                }
            }
            b"Default" => {
                if let (Some(ext), Some(kind)) = (tag.attr(b"Extension"), tag.attr(b"ContentType"))
                {
                    out.defaults.insert(ext.to_lowercase(), kind.into_owned());
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

impl ContentTypes {
    pub fn has(&self, part: &str) -> bool {
        let name = normalise(part);
        if self.overrides.contains_key(&name) {
            return true;
        }
        name.rsplit_once('.')
            .is_some_and(|(_, ext)| self.defaults.contains_key(ext))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::zip::tests::{Built, build};
    use crate::package::zip::{FLAG_DATA_DESCRIPTOR, ZipArchive};

    #[test]
    fn writes_untouched_entries_raw_and_changed_ones_with_their_time() {
        let mut document = Built::deflated("word/document.xml", b"<w:document/>");
        document.flags |= FLAG_DATA_DESCRIPTOR;
        document.descriptor = true;
        let mut image = Built::stored("word/media/My Image.png", b"\x89PNG....");
        image.zip64 = true;
        let original = build(
            &[
                Built::deflated("[Content_Types].xml", b"<Types/>"),
                document,
                image,
                Built::deflated("word/document.xml", b"a second entry of the name"),
            ],
            &[],
            false,
            &[],
        );
        let mut package = Package::open(&original).unwrap();
        assert!(package.contains("/WORD/document.xml"));
        // A relationship target may escape what the zip spells plainly.
        assert!(package.contains("word/media/My%20Image.png"));
        assert_eq!(
            package.entry_name("word/media/my%20image.png"),
            Some("word/media/My Image.png")
        );
        assert_eq!(
            package.read("word/document.xml").unwrap().unwrap(),
            b"<w:document/>"
        );
        assert_eq!(package.read("word/missing.xml").unwrap(), None);

        let replaced = BTreeMap::from([(
            "word/document.xml".to_owned(),
            b"<w:document>changed</w:document>".to_vec(),
        )]);
        let added = vec![("word/comments.xml".to_owned(), b"<w:comments/>".to_vec())];
        let output = package.write(&replaced, &added, original.len()).unwrap();

        let before = ZipArchive::parse(&original).unwrap();
        let after = ZipArchive::parse(&output).unwrap();
        let names: Vec<&str> = after.entries().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "[Content_Types].xml",
                "word/document.xml",
                "word/media/My Image.png",
                "word/document.xml",
                "word/comments.xml"
            ]
        );
        for i in [0, 2, 3] {
            assert_eq!(
                before.raw_data(&before.entries()[i]).unwrap(),
                after.raw_data(&after.entries()[i]).unwrap(),
                "entry {i} is copied raw"
            );
        }
        let changed = &after.entries()[1];
        assert_eq!(
            after.read(changed, "word/document.xml").unwrap().as_ref(),
            b"<w:document>changed</w:document>"
        );
        assert_eq!(
            (changed.dos_time, changed.dos_date),
            (before.entries()[1].dos_time, before.entries()[1].dos_date)
        );
        assert_eq!(changed.flags & FLAG_DATA_DESCRIPTOR, 0);
        // The later entry of a repeated name is not the part that was changed.
        assert_eq!(
            after.read(&after.entries()[3], "x").unwrap().as_ref(),
            b"a second entry of the name"
        );
        let comments = &after.entries()[4];
        assert_eq!(
            after.read(comments, "word/comments.xml").unwrap().as_ref(),
            b"<w:comments/>"
        );
        assert_eq!(comments.dos_date, before.entries()[0].dos_date);
    }

    #[test]
    fn what_is_not_a_zip_is_refused_with_its_reason() {
        assert!(matches!(
            Package::open(b"<?xml version=\"1.0\"?><pkg:package/>"),
            Err(AnnotateError::Unsupported(m)) if m.contains("flat OPC")
        ));
        assert!(matches!(
            Package::open(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0]),
            Err(AnnotateError::Read(ReadError::LegacyWordDocument))
        ));
        assert!(matches!(
            Package::open(b"PK\x03\x04 cut short"),
            Err(AnnotateError::Read(ReadError::Damaged(_)))
        ));
    }

    #[test]
    fn resolves_targets() {
        assert_eq!(
            resolve("word/document.xml", "comments.xml"),
            "word/comments.xml"
        );
        assert_eq!(resolve("word/document.xml", "/word/x.xml"), "word/x.xml");
        assert_eq!(
            resolve("word/document.xml", "../customXml/a.xml"),
            "customXml/a.xml"
        );
        assert_eq!(resolve("", "word/document.xml"), "word/document.xml");
        assert_eq!(
            rels_name("word/document2.xml"),
            "word/_rels/document2.xml.rels"
        );
        assert_eq!(normalise("/Word/My%20Doc.xml"), "word/my doc.xml");
    }
}
