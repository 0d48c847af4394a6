//! The package side of annotation: reading the parts the writer changes,
//! resolving relationships, and writing the output zip with every untouched
//! entry copied raw (same compressed bytes, same order).

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::AnnotateError;
use super::xml::{Scanner, TagKind};
use crate::error::ReadError;

/// Largest part the writer inflates (the reader caps whole packages too).
const MAX_PART_BYTES: u64 = 256 * 1024 * 1024;

/// An open package: the zip and an index of its entries by part name.
pub(crate) struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Lower-cased part name (no leading slash) → entry index.
    by_name: BTreeMap<String, usize>,
    /// Entry names, in the zip's order.
    names: Vec<String>,
}

impl std::fmt::Debug for Package<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Package")
            .field("names", &self.names)
            .finish()
    }
}

fn damaged(e: impl std::fmt::Display) -> AnnotateError {
    AnnotateError::Read(ReadError::Damaged(e.to_string()))
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
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
        let mut by_name = BTreeMap::new();
        let mut names = Vec::with_capacity(archive.len());
        for i in 0..archive.len() {
            let name = archive
                .name_for_index(i)
                .ok_or_else(|| damaged("an entry has no name"))?
                .map_err(damaged)?
                .into_owned();
            by_name.entry(normalise(&name)).or_insert(i);
            names.push(name);
        }
        Ok(Package {
            archive,
            by_name,
            names,
        })
    }

    pub fn contains(&self, part: &str) -> bool {
        self.by_name.contains_key(&normalise(part))
    }

    /// The inflated bytes of a part, `None` when the package has no such part.
    pub fn read(&mut self, part: &str) -> Result<Option<Vec<u8>>, AnnotateError> {
        let Some(&index) = self.by_name.get(&normalise(part)) else {
            return Ok(None);
        };
        let file = self.archive.by_index(index).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(m)
                if m.contains("ncrypt") || m.contains("assword") =>
            {
                AnnotateError::Read(ReadError::Encrypted)
            }
            other => damaged(other),
        })?;
        if file.size() > MAX_PART_BYTES {
            return Err(AnnotateError::Read(ReadError::TooLarge(format!(
                "{part} would inflate to more than {} MB",
                MAX_PART_BYTES / (1024 * 1024)
            ))));
        }
        let mut out = Vec::with_capacity(file.size() as usize);
        file.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(damaged)?;
        if out.len() as u64 > MAX_PART_BYTES {
            return Err(AnnotateError::Read(ReadError::TooLarge(format!(
                "{part} inflates to more than {} MB",
                MAX_PART_BYTES / (1024 * 1024)
            ))));
        }
        Ok(Some(out))
    }

    /// The entry's own name for a part (as spelt in the zip).
    pub fn entry_name(&self, part: &str) -> Option<&str> {
        self.by_name
            .get(&normalise(part))
            .map(|&i| self.names[i].as_str())
    }

    /// Writes the output package: entries in the original order, those in
    /// `replaced` (keyed by entry name) re-deflated with their new bytes,
    /// every other entry copied raw; then the `added` parts.
    pub fn write(
        mut self,
        replaced: &BTreeMap<String, Vec<u8>>,
        added: &[(String, Vec<u8>)],
        capacity: usize,
    ) -> Result<Vec<u8>, AnnotateError> {
        let mut writer = ZipWriter::new(Cursor::new(Vec::with_capacity(capacity)));
        let mut time = None;
        for i in 0..self.names.len() {
            let name = self.names[i].clone();
            if let Some(bytes) = replaced.get(&name) {
                let file = self.archive.by_index_raw(i).map_err(damaged)?;
                let modified = file.last_modified();
                drop(file);
                let mut options =
                    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
                if let Some(t) = modified {
                    options = options.last_modified_time(t);
                    time.get_or_insert(t);
                }
                writer.start_file(name.as_str(), options).map_err(damaged)?;
                writer.write_all(bytes).map_err(damaged)?;
            } else {
                let file = self.archive.by_index_raw(i).map_err(damaged)?;
                if time.is_none() {
                    time = file.last_modified();
                }
                writer.raw_copy_file(file).map_err(damaged)?;
            }
        }
        for (name, bytes) in added {
            let mut options =
                SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
            if let Some(t) = time {
                options = options.last_modified_time(t);
            }
            writer.start_file(name.as_str(), options).map_err(damaged)?;
            writer.write_all(bytes).map_err(damaged)?;
        }
        let cursor = writer.finish().map_err(damaged)?;
        Ok(cursor.into_inner())
    }
}

/// Part names compare case-insensitively, without a leading slash and with
/// percent-escapes decoded.
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
