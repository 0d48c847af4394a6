//! Writes a zip in memory: entries copied raw from a source zip (the same
//! compressed bytes, CRC, sizes, method, time and name, under a fresh local
//! header and central entry) and new entries deflated here, then the central
//! directory and its end record.
//!
//! Copied entries keep none of their source's extra fields (a zip64 field
//! would claim sizes the entry no longer needs, and others are producers'
//! timestamps and permissions no reader of a .docx needs) and no data
//! descriptor: the sizes and CRC go into the local header. Zip64 is never
//! written: the reader's caps keep every package far below its 4 GiB and
//! 65,535-entry limits, and a package that would pass them is refused.

use thiserror::Error;

use super::crc32;
use super::zip::{DEFLATED, Entry, FLAG_DATA_DESCRIPTOR, FLAG_UTF8, STORED, ZipArchive};
use crate::error::ReadError;

/// Compression level for new entries (zlib's default: Word's own is similar).
const LEVEL: u8 = 6;
/// "Version needed to extract": 2.0 (deflate, directories), 1.0 (stored).
const VERSION_DEFLATE: u16 = 20;
const VERSION_STORED: u16 = 10;
/// "Version made by": MS-DOS attributes, specification 2.0.
const MADE_BY_DOS: u16 = 20;

/// Why a zip could not be written.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// A source entry could not be copied.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// The output would need zip64, which is never written.
    #[error("the package would be too large for a zip file ({0})")]
    TooLarge(&'static str),
}

/// The last-modified time of an entry, in the zip's MS-DOS form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DosTime {
    pub time: u16,
    pub date: u16,
}

impl DosTime {
    /// 1 January 1980, 00:00: the earliest time a zip can hold.
    pub const EPOCH: DosTime = DosTime {
        time: 0,
        date: (1 << 5) | 1,
    };

    /// The entry's own time.
    pub fn of(entry: &Entry) -> DosTime {
        DosTime {
            time: entry.dos_time,
            date: entry.dos_date,
        }
    }
}

/// The header fields shared by the local header and the central entry.
struct Header<'n> {
    name: &'n [u8],
    version_made_by: u16,
    version_needed: u16,
    flags: u16,
    method: u16,
    time: DosTime,
    crc32: u32,
    compressed_size: u32,
    uncompressed_size: u32,
    internal_attributes: u16,
    external_attributes: u32,
}

/// A zip being written.
#[derive(Debug, Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: usize,
}

fn fits32(value: u64, what: &'static str) -> Result<u32, WriteError> {
    u32::try_from(value)
        .ok()
        .filter(|&v| v != u32::MAX)
        .ok_or(WriteError::TooLarge(what))
}

impl ZipWriter {
    /// A writer whose output starts with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> ZipWriter {
        ZipWriter {
            out: Vec::with_capacity(capacity),
            central: Vec::new(),
            entries: 0,
        }
    }

    /// Copies an entry of `source` without inflating it.
    pub fn copy_raw(&mut self, source: &ZipArchive<'_>, entry: &Entry) -> Result<(), WriteError> {
        let data = source.raw_data(entry).map_err(|e| match e {
            ReadError::Damaged(m) => ReadError::Damaged(format!("{m} (part {})", entry.name)),
            other => other,
        })?;
        let (name, utf8) = name_bytes(entry);
        let mut flags = entry.flags & !FLAG_DATA_DESCRIPTOR;
        if utf8 {
            flags |= FLAG_UTF8;
        }
        let version_needed = if entry.method == STORED && !entry.is_dir() {
            VERSION_STORED
        } else {
            VERSION_DEFLATE
        };
        let header = Header {
            name: &name,
            version_made_by: entry.version_made_by,
            version_needed,
            flags,
            method: entry.method,
            time: DosTime::of(entry),
            crc32: entry.crc32,
            compressed_size: fits32(data.len() as u64, "an entry over 4 GiB")?,
            uncompressed_size: fits32(entry.uncompressed_size, "an entry over 4 GiB")?,
            internal_attributes: entry.internal_attributes,
            external_attributes: entry.external_attributes,
        };
        self.push(&header, data)
    }

    /// Adds an entry holding `bytes`, deflated.
    pub fn add_deflated(
        &mut self,
        name: &str,
        bytes: &[u8],
        time: DosTime,
    ) -> Result<(), WriteError> {
        let compressed = miniz_oxide::deflate::compress_to_vec(bytes, LEVEL);
        let header = Header {
            name: name.as_bytes(),
            version_made_by: MADE_BY_DOS,
            version_needed: VERSION_DEFLATE,
            flags: if name.is_ascii() { 0 } else { FLAG_UTF8 },
            method: DEFLATED,
            time,
            crc32: crc32::hash(bytes),
            compressed_size: fits32(compressed.len() as u64, "an entry over 4 GiB")?,
            uncompressed_size: fits32(bytes.len() as u64, "an entry over 4 GiB")?,
            internal_attributes: 0,
            external_attributes: 0,
        };
        self.push(&header, &compressed)
    }

    fn push(&mut self, header: &Header<'_>, data: &[u8]) -> Result<(), WriteError> {
        let offset = fits32(self.out.len() as u64, "over 4 GiB")?;
        let name_len = u16::try_from(header.name.len())
            .map_err(|_| WriteError::TooLarge("a part name over 65,535 bytes"))?;
        self.entries += 1;
        if self.entries >= usize::from(u16::MAX) {
            return Err(WriteError::TooLarge("over 65,535 entries"));
        }
        let out = &mut self.out;
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&header.version_needed.to_le_bytes());
        common_fields(out, header, name_len);
        out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        out.extend_from_slice(header.name);
        out.extend_from_slice(data);

        let central = &mut self.central;
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&header.version_made_by.to_le_bytes());
        central.extend_from_slice(&header.version_needed.to_le_bytes());
        common_fields(central, header, name_len);
        central.extend_from_slice(&0u16.to_le_bytes()); // extra field length
        central.extend_from_slice(&0u16.to_le_bytes()); // comment length
        central.extend_from_slice(&0u16.to_le_bytes()); // disk number
        central.extend_from_slice(&header.internal_attributes.to_le_bytes());
        central.extend_from_slice(&header.external_attributes.to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(header.name);
        Ok(())
    }

    /// The central directory and its end record; the finished zip.
    pub fn finish(mut self) -> Result<Vec<u8>, WriteError> {
        let offset = fits32(self.out.len() as u64, "over 4 GiB")?;
        let size = fits32(self.central.len() as u64, "over 4 GiB")?;
        fits32(
            self.out.len() as u64 + self.central.len() as u64,
            "over 4 GiB",
        )?;
        let count =
            u16::try_from(self.entries).map_err(|_| WriteError::TooLarge("over 65,535 entries"))?;
        self.out.append(&mut self.central);
        let out = &mut self.out;
        out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // this disk
        out.extend_from_slice(&0u16.to_le_bytes()); // disk with the central directory
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // comment length
        Ok(self.out)
    }
}

/// Flags, method, time, CRC, sizes and name and extra lengths: the same
/// sequence in the local header and the central entry.
fn common_fields(out: &mut Vec<u8>, header: &Header<'_>, name_len: u16) {
    out.extend_from_slice(&header.flags.to_le_bytes());
    out.extend_from_slice(&header.method.to_le_bytes());
    out.extend_from_slice(&header.time.time.to_le_bytes());
    out.extend_from_slice(&header.time.date.to_le_bytes());
    out.extend_from_slice(&header.crc32.to_le_bytes());
    out.extend_from_slice(&header.compressed_size.to_le_bytes());
    out.extend_from_slice(&header.uncompressed_size.to_le_bytes());
    out.extend_from_slice(&name_len.to_le_bytes());
}

/// The name to write for a copied entry and whether it is flagged UTF-8:
/// an ASCII name as it was stored; any other as its decoded UTF-8, flagged
/// (a CP437 name would otherwise be misread by readers that assume UTF-8).
fn name_bytes(entry: &Entry) -> (Vec<u8>, bool) {
    if entry.raw_name.is_ascii() && entry.name.as_bytes() == entry.raw_name.as_slice() {
        (entry.raw_name.clone(), entry.flags & FLAG_UTF8 != 0)
    } else {
        (entry.name.as_bytes().to_vec(), true)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;
    use crate::package::zip::tests::{Built, build};

    const XML: &[u8] = b"<?xml version=\"1.0\"?><w:document><w:body><w:p/></w:body></w:document>";

    /// A source zip with what real producers write: a directory, a data
    /// descriptor, a zip64 extra field, a CP437 name, a stored entry.
    fn source() -> Vec<u8> {
        let mut descriptor = Built::deflated("word/document.xml", XML);
        descriptor.flags |= FLAG_DATA_DESCRIPTOR;
        descriptor.descriptor = true;
        let mut zip64 = Built::deflated("word/styles.xml", b"<w:styles/>");
        zip64.zip64 = true;
        zip64.local_extra = vec![
            0x01, 0x00, 0x10, 0x00, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
        ];
        let legacy = Built {
            name: b"media/caf\x82.png".to_vec(),
            ..Built::stored("", b"\x89PNG")
        };
        build(
            &[
                Built::stored("word/", b""),
                descriptor,
                zip64,
                legacy,
                Built::stored("[Content_Types].xml", b"<Types/>"),
            ],
            &[],
            true,
            b"archive comment",
        )
    }

    fn copy_all(bytes: &[u8]) -> Vec<u8> {
        let archive = ZipArchive::parse(bytes).unwrap();
        let mut writer = ZipWriter::with_capacity(bytes.len());
        for entry in archive.entries() {
            writer.copy_raw(&archive, entry).unwrap();
        }
        writer
            .add_deflated(
                "word/comments.xml",
                b"<w:comments/>",
                DosTime::of(&archive.entries()[1]),
            )
            .unwrap();
        writer.finish().unwrap()
    }

    #[test]
    fn copied_entries_keep_their_bytes_crc_method_time_and_name() {
        let original = source();
        let copy = copy_all(&original);
        let before = ZipArchive::parse(&original).unwrap();
        let after = ZipArchive::parse(&copy).unwrap();
        assert_eq!(after.entries().len(), before.entries().len() + 1);
        for (b, a) in before.entries().iter().zip(after.entries()) {
            assert_eq!(a.name, b.name);
            assert_eq!(
                before.raw_data(b).unwrap(),
                after.raw_data(a).unwrap(),
                "{}",
                a.name
            );
            assert_eq!(
                (a.crc32, a.method, a.dos_time, a.dos_date),
                (b.crc32, b.method, b.dos_time, b.dos_date)
            );
            assert_eq!(
                (a.compressed_size, a.uncompressed_size),
                (b.compressed_size, b.uncompressed_size)
            );
            assert_eq!(a.external_attributes, b.external_attributes);
            // No data descriptor, no extra fields (the zip64 one included).
            assert_eq!(a.flags & FLAG_DATA_DESCRIPTOR, 0);
        }
        // The CP437 name is written as its UTF-8, flagged.
        let legacy = &after.entries()[3];
        assert_eq!(legacy.name, "media/café.png");
        assert_eq!(legacy.raw_name, "media/café.png".as_bytes());
        assert_ne!(legacy.flags & FLAG_UTF8, 0);
        // Every central and local header has an empty extra field.
        let mut at = 0;
        while let Some(i) = copy[at..]
            .windows(4)
            .position(|w| w == b"PK\x01\x02" || w == b"PK\x03\x04")
        {
            let i = at + i;
            let extra = if copy[i + 2] == 1 {
                &copy[i + 30..i + 32]
            } else {
                &copy[i + 28..i + 30]
            };
            assert_eq!(extra, [0, 0], "at {i}");
            at = i + 4;
        }
        let added = &after.entries()[5];
        assert_eq!(added.name, "word/comments.xml");
        assert_eq!(
            after.read(added, "word/comments.xml").unwrap().as_ref(),
            b"<w:comments/>"
        );
        assert_eq!((added.dos_time, added.dos_date), (0x6000, 0x5a21));
    }

    #[test]
    fn the_zip_crate_reads_what_is_written() {
        let copy = copy_all(&source());
        let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(&copy)).unwrap();
        let mut seen = Vec::new();
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            seen.push((file.name().unwrap().into_owned(), bytes));
        }
        assert_eq!(
            seen,
            [
                ("word/".to_owned(), b"".to_vec()),
                ("word/document.xml".to_owned(), XML.to_vec()),
                ("word/styles.xml".to_owned(), b"<w:styles/>".to_vec()),
                ("media/café.png".to_owned(), b"\x89PNG".to_vec()),
                ("[Content_Types].xml".to_owned(), b"<Types/>".to_vec()),
                ("word/comments.xml".to_owned(), b"<w:comments/>".to_vec()),
            ]
        );
    }

    #[test]
    fn what_zip64_would_need_is_refused() {
        assert_eq!(fits32(u64::from(u32::MAX) - 1, "x"), Ok(u32::MAX - 1));
        assert_eq!(
            fits32(u64::from(u32::MAX), "x"),
            Err(WriteError::TooLarge("x"))
        );
        assert_eq!(fits32(1 << 32, "x"), Err(WriteError::TooLarge("x")));
        let mut writer = ZipWriter::default();
        let long = "a".repeat(70_000);
        assert!(matches!(
            writer.add_deflated(&long, b"", DosTime::EPOCH),
            Err(WriteError::TooLarge(_))
        ));
        let mut writer = ZipWriter::default();
        for i in 0..u16::MAX - 1 {
            writer
                .add_deflated(&i.to_string(), b"", DosTime::EPOCH)
                .unwrap();
        }
        assert!(matches!(
            writer.add_deflated("one more", b"", DosTime::EPOCH),
            Err(WriteError::TooLarge(_))
        ));
    }

    #[test]
    fn a_damaged_source_entry_names_its_part() {
        let original = source();
        let archive = ZipArchive::parse(&original).unwrap();
        let mut entry = archive.entries()[1].clone();
        entry.compressed_size = original.len() as u64;
        let mut writer = ZipWriter::default();
        assert!(matches!(
            writer.copy_raw(&archive, &entry),
            Err(WriteError::Read(ReadError::Damaged(m))) if m.contains("word/document.xml")
        ));
    }
}
