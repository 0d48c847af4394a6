//! The OPC package: a zip (or a flat OPC XML document, as Word's
//! `body.getOoxml()` returns), its content types and relationships, with
//! size caps that refuse a zip bomb before it is inflated.
//!
//! Parts are always found through relationships (`_rels/.rels` → the main
//! document → its styles, numbering, headers …), never by hard-coded names.
//!
//! Part names are kept without their leading `/` (`word/document.xml`) and
//! looked up case-insensitively, as OPC requires.

pub mod crc32;
pub mod flat_opc;
pub mod rels;
pub mod xml;
pub mod zip;
pub mod zip_writer;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::error::ReadError;

pub use rels::{Relationship, resolve_target};

/// Caps that keep memory bounded whatever the package claims.
pub mod limits {
    /// Most entries a package may have.
    pub const MAX_ENTRIES: usize = 20_000;
    /// Most uncompressed bytes the whole package may declare.
    pub const MAX_TOTAL_UNCOMPRESSED: u64 = 256 * 1024 * 1024;
    /// Most uncompressed bytes of one part the reader inflates.
    pub const MAX_PART: u64 = 64 * 1024 * 1024;
    /// Highest compression ratio accepted for a part over [`RATIO_THRESHOLD`].
    pub const MAX_RATIO: u64 = 200;
    /// Parts smaller than this are not ratio-checked (tiny XML compresses well).
    pub const RATIO_THRESHOLD: u64 = 1024 * 1024;
}

/// Relationship types the reader follows, by their last path segment (the
/// Transitional and Strict URIs differ only before it).
pub mod rel_types {
    pub const OFFICE_DOCUMENT: &str = "officeDocument";
    pub const STYLES: &str = "styles";
    pub const NUMBERING: &str = "numbering";
    pub const HEADER: &str = "header";
    pub const FOOTER: &str = "footer";
}

/// Content types of WordprocessingML main parts.
pub mod content_types {
    pub const DOCUMENT: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    pub const MACRO_DOCUMENT: &str = "application/vnd.ms-word.document.macroEnabled.main+xml";
    pub const TEMPLATE: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml";
    pub const MACRO_TEMPLATE: &str =
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml";
}

/// An opened package: the zip's central directory (nothing inflated yet) or
/// the flat OPC document's part index.
#[derive(Debug)]
pub struct Package<'a> {
    source: Source<'a>,
    /// Content type of each part, by lower-cased part name.
    overrides: HashMap<String, String>,
    /// Default content type by lower-cased extension.
    defaults: HashMap<String, String>,
    /// Whether `[Content_Types].xml` (or flat OPC `pkg:contentType`) was present.
    pub has_content_types: bool,
    /// Problems met while opening that did not stop the read.
    pub warnings: Vec<(String, String)>,
}

#[derive(Debug)]
enum Source<'a> {
    Zip(zip::ZipSource<'a>),
    Flat(flat_opc::FlatOpc<'a>),
}

/// What the bytes look like before anything is unzipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    Zip,
    Xml,
}

const OLE_SIGNATURE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Recognises the file from its first bytes. OLE compound files (encrypted
/// OOXML packages, Word 97-2003 documents), PDF, RTF and everything else
/// that is neither a zip nor XML are refused here with a typed error.
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::NotAWordDocument("the file is empty".into()));
    }
    if bytes.starts_with(OLE_SIGNATURE) {
        return Err(
            if contains_utf16(bytes, "EncryptedPackage") || contains_utf16(bytes, "EncryptionInfo")
            {
                ReadError::Encrypted
            } else if contains_utf16(bytes, "WordDocument") {
                ReadError::LegacyWordDocument
            } else {
                ReadError::NotAWordDocument(
                    "it is an Office 97-2003 file of another kind (not Word)".into(),
                )
            },
        );
    }
    if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || bytes.starts_with(b"PK\x07\x08")
    {
        return Ok(Sniffed::Zip);
    }
    if xml::looks_like_xml(bytes) {
        return Ok(Sniffed::Xml);
    }
    let what = if bytes.starts_with(b"%PDF") {
        "it looks like a PDF"
    } else if bytes.starts_with(b"{\\rtf") {
        "it looks like an RTF file: open it in Word and save it as .docx"
    } else if bytes.starts_with(b"PK") {
        "it looks like a damaged or unusual zip file"
    } else {
        "it is neither a .docx package nor Word XML"
    };
    Err(ReadError::NotAWordDocument(what.into()))
}

fn contains_utf16(haystack: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    haystack
        .windows(pattern.len())
        .any(|w| w == pattern.as_slice())
}

impl<'a> Package<'a> {
    /// Opens a zip or flat OPC package. Nothing but the central directory
    /// (and `[Content_Types].xml`) is inflated.
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, ReadError> {
        match sniff(bytes)? {
            Sniffed::Zip => {
                let source = zip::ZipSource::open(bytes)?;
                let mut package = Package {
                    source: Source::Zip(source),
                    overrides: HashMap::new(),
                    defaults: HashMap::new(),
                    has_content_types: false,
                    warnings: Vec::new(),
                };
                package.load_content_types()?;
                Ok(package)
            }
            Sniffed::Xml => {
                let flat = flat_opc::FlatOpc::parse(bytes)?;
                let overrides = flat
                    .content_types()
                    .map(|(name, ct)| (name.to_owned(), ct.to_owned()))
                    .collect::<HashMap<_, _>>();
                Ok(Package {
                    has_content_types: !overrides.is_empty(),
                    source: Source::Flat(flat),
                    overrides,
                    defaults: HashMap::new(),
                    warnings: Vec::new(),
                })
            }
        }
    }

    /// True for a flat OPC (XML) package.
    pub fn is_flat(&self) -> bool {
        matches!(self.source, Source::Flat(_))
    }

    /// Whether the package holds a part (case-insensitive).
    pub fn has_part(&self, name: &str) -> bool {
        let key = part_key(name);
        match &self.source {
            Source::Zip(z) => z.has(&key),
            Source::Flat(f) => f.has(&key),
        }
    }

    /// The name of a part as the package stores it (case and all), found
    /// case-insensitively.
    pub fn stored_name(&self, name: &str) -> Option<String> {
        let key = part_key(name);
        match &self.source {
            Source::Zip(z) => z.stored_name(&key),
            Source::Flat(f) => f.stored_name(&key),
        }
        .map(str::to_owned)
    }

    /// The bytes of a part, inflated under the size caps. `Ok(None)` when
    /// the package has no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<Cow<'a, [u8]>>, ReadError> {
        let key = part_key(name);
        match &mut self.source {
            Source::Zip(z) => z.read(&key),
            Source::Flat(f) => Ok(f.part(&key).map(Cow::Borrowed)),
        }
    }

    /// The content type of a part: its override, else its extension's default.
    pub fn content_type(&self, name: &str) -> Option<&str> {
        let key = part_key(name);
        if let Some(ct) = self.overrides.get(&key) {
            return Some(ct);
        }
        let ext = key.rsplit_once('.').map(|(_, e)| e)?;
        self.defaults.get(ext).map(String::as_str)
    }

    /// Part names with an override content type equal to `content_type`.
    pub fn parts_with_content_type(&self, wanted: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = self
            .overrides
            .iter()
            .filter(|(_, ct)| wanted.iter().any(|w| w.eq_ignore_ascii_case(ct.trim())))
            .map(|(n, _)| n.clone())
            .collect();
        names.sort();
        names
    }

    /// The relationships of a part (`""` for the package root). A missing
    /// relationships part gives none; a broken one gives a warning.
    pub fn relationships(&mut self, source_part: &str) -> Result<Vec<Relationship>, ReadError> {
        let rels_name = rels::rels_part_name(source_part);
        let Some(bytes) = self.part(&rels_name)? else {
            return Ok(Vec::new());
        };
        let (relationships, problem) = rels::parse(&bytes, source_part);
        if let Some(problem) = problem {
            self.warnings.push((rels_name, problem));
        }
        Ok(relationships)
    }

    fn load_content_types(&mut self) -> Result<(), ReadError> {
        let Some(bytes) = self.part("[Content_Types].xml")? else {
            self.warnings.push((
                "[Content_Types].xml".into(),
                "the package has no content types part".into(),
            ));
            return Ok(());
        };
        self.has_content_types = true;
        let parsed = rels::parse_content_types(&bytes);
        self.defaults = parsed.defaults;
        self.overrides = parsed.overrides;
        if let Some(problem) = parsed.problem {
            self.warnings.push(("[Content_Types].xml".into(), problem));
        }
        Ok(())
    }
}

/// The lookup key of a part name: no leading `/`, `\` as `/`, lower case.
pub fn part_key(name: &str) -> String {
    let name = name.replace('\\', "/");
    name.trim_start_matches('/').to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ole_files_are_told_apart() {
        let mut ole = OLE_SIGNATURE.to_vec();
        ole.extend(std::iter::repeat_n(0u8, 64));
        let mut encrypted = ole.clone();
        encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&encrypted), Err(ReadError::Encrypted));
        let mut legacy = ole.clone();
        legacy.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(sniff(&legacy), Err(ReadError::LegacyWordDocument));
        assert!(matches!(sniff(&ole), Err(ReadError::NotAWordDocument(_))));
    }

    #[test]
    fn other_files_are_not_word_documents() {
        assert!(matches!(sniff(b""), Err(ReadError::NotAWordDocument(_))));
        assert!(
            matches!(sniff(b"%PDF-1.7"), Err(ReadError::NotAWordDocument(m)) if m.contains("PDF"))
        );
        assert!(
            matches!(sniff(b"{\\rtf1"), Err(ReadError::NotAWordDocument(m)) if m.contains("RTF"))
        );
        assert_eq!(sniff(b"PK\x03\x04rest"), Ok(Sniffed::Zip));
        assert_eq!(sniff(b"\xEF\xBB\xBF<?xml?>"), Ok(Sniffed::Xml));
    }

    #[test]
    fn part_keys_ignore_case_slashes_and_backslashes() {
        assert_eq!(part_key("/Word/Document.xml"), "word/document.xml");
        assert_eq!(part_key("word\\document.xml"), "word/document.xml");
    }
}
