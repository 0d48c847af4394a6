//! The zip container, read straight from the byte slice (no `zip` crate:
//! the add-in's `.wasm` has a size budget, and a .docx needs little of zip).
//!
//! Only the central directory is read when the package is opened; a part is
//! inflated when asked for, under the caps of [`super::limits`], which are
//! checked twice: against the sizes the central directory declares (before
//! inflating) and while inflating (declared sizes can lie). Every offset,
//! size and count read from the file is bounds-checked against the slice, so
//! a lying header gives [`ReadError::Damaged`], never a panic or a huge
//! allocation.
//!
//! What is supported is what real producers of Word files write: stored and
//! deflated entries, data descriptors (sizes and CRC are taken from the
//! central directory), zip64 (end-of-central-directory record and locator,
//! the zip64 extra field of central entries), an archive comment, bytes
//! prepended before the first entry, UTF-8 or CP437 names (or an Info-ZIP
//! Unicode Path field). Every inflated
//! part is checked against its CRC-32. `core/tests/zip_parity.rs` compares
//! this reader with the `zip` crate over the wild corpus.

use std::borrow::Cow;

use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

use super::limits::{MAX_ENTRIES, MAX_PART, MAX_RATIO, MAX_TOTAL_UNCOMPRESSED, RATIO_THRESHOLD};
use super::{crc32, part_key};
use crate::error::ReadError;
use crate::sorted;

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
const ZIP64_END_OF_CENTRAL_DIRECTORY: u32 = 0x0606_4b50;
const ZIP64_LOCATOR: u32 = 0x0706_4b50;
const LOCAL_HEADER_LEN: usize = 30;
const CENTRAL_HEADER_LEN: usize = 46;
const END_LEN: usize = 22;
const ZIP64_LOCATOR_LEN: usize = 20;
const ZIP64_END_LEN: usize = 56;
/// The archive comment is at most 64 KiB, so the end record is within this of the end.
const END_SEARCH_WINDOW: usize = END_LEN + u16::MAX as usize;
/// Candidate end records tried (a stray signature in a comment or trailing
/// bytes makes the last one wrong); bounds the work on hostile input.
const MAX_END_CANDIDATES: usize = 16;

/// General-purpose flag: the entry is encrypted.
pub const FLAG_ENCRYPTED: u16 = 1 << 0;
/// General-purpose flag: CRC and sizes follow the data (a data descriptor).
pub const FLAG_DATA_DESCRIPTOR: u16 = 1 << 3;
/// General-purpose flag: the name (and comment) are UTF-8.
pub const FLAG_UTF8: u16 = 1 << 11;

/// Compression method: stored.
pub const STORED: u16 = 0;
/// Compression method: deflated.
pub const DEFLATED: u16 = 8;

/// One entry of the central directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The decoded name, as stored (backslashes and leading slashes kept).
    pub name: String,
    /// The name's bytes as stored in the central directory.
    pub raw_name: Vec<u8>,
    pub version_made_by: u16,
    pub flags: u16,
    pub method: u16,
    /// MS-DOS time and date of last modification, as stored.
    pub dos_time: u16,
    pub dos_date: u16,
    pub crc32: u32,
    pub compressed_size: u64,
    pub uncompressed_size: u64,
    pub internal_attributes: u16,
    pub external_attributes: u32,
    /// Offset of the local header in the byte slice (prepended bytes included).
    pub local_header: u64,
}

impl Entry {
    /// A directory entry (no part).
    pub fn is_dir(&self) -> bool {
        self.name.ends_with('/') || self.name.ends_with('\\')
    }
}

/// The central directory of a zip held in memory.
#[derive(Debug)]
pub struct ZipArchive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

/// Little-endian reads that fail (as `None`) past the end of the slice.
fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at.checked_add(8)?)?;
    let mut a = [0u8; 8];
    a.copy_from_slice(b);
    Some(u64::from_le_bytes(a))
}

fn cut_short() -> ReadError {
    ReadError::Damaged("the zip file is cut short or unreadable".into())
}

fn incomplete() -> ReadError {
    ReadError::Damaged("it is not a complete zip file".into())
}

fn unsupported(what: &str) -> ReadError {
    ReadError::Damaged(format!("it uses a zip feature Word does not ({what})"))
}

/// Where the central directory is, from the end records.
#[derive(Debug, Clone, Copy)]
struct Directory {
    /// Entries declared.
    count: u64,
    /// Size of the central directory in bytes.
    size: u64,
    /// Its offset as declared (relative to the archive's start).
    offset: u64,
    /// Where the record that declared it starts: the central directory ends there.
    end: usize,
}

impl<'a> ZipArchive<'a> {
    /// Finds the end of the central directory and reads every central entry.
    pub fn parse(bytes: &'a [u8]) -> Result<ZipArchive<'a>, ReadError> {
        if bytes.len() < END_LEN {
            return Err(cut_short());
        }
        let lowest = bytes.len().saturating_sub(END_SEARCH_WINDOW);
        let mut first_error = None;
        let mut tried = 0;
        let mut at = bytes.len() - END_LEN;
        loop {
            if u32_at(bytes, at) == Some(END_OF_CENTRAL_DIRECTORY) {
                match Self::parse_from_end(bytes, at) {
                    Ok(archive) => return Ok(archive),
                    // A directory that abuts this record is the one every
                    // reader would use: its error is final.
                    Err((error, true)) => return Err(first_error.unwrap_or(error)),
                    Err((error, false)) => {
                        first_error.get_or_insert(error);
                    }
                }
                tried += 1;
                if tried == MAX_END_CANDIDATES {
                    break;
                }
            }
            if at == lowest {
                break;
            }
            at -= 1;
        }
        // No end record: a zip cut short, or not a zip at all.
        Err(first_error.unwrap_or_else(incomplete))
    }

    /// Reads the directory declared by the end record at `at`. The error's
    /// flag says whether the directory abuts the record (no other candidate
    /// should then be tried).
    fn parse_from_end(bytes: &'a [u8], at: usize) -> Result<ZipArchive<'a>, (ReadError, bool)> {
        let directory = end_record(bytes, at).map_err(|e| (e, false))?;
        let is_central = |offset: u64| {
            usize::try_from(offset).is_ok_and(|o| u32_at(bytes, o) == Some(CENTRAL_HEADER))
        };
        // The central directory normally ends where the end record starts;
        // when bytes were prepended to the zip, every declared offset is
        // short by their length.
        let implied = (directory.end as u64).checked_sub(directory.size);
        let start = match implied {
            Some(s) if directory.count == 0 || is_central(s) => s,
            _ if directory.count == 0 || is_central(directory.offset) => directory.offset,
            _ => return Err((incomplete(), false)),
        };
        let abuts = implied == Some(start);
        let (Some(shift), Ok(start)) =
            (start.checked_sub(directory.offset), usize::try_from(start))
        else {
            return Err((incomplete(), false));
        };
        let entries = central_entries(bytes, start, directory, shift).map_err(|e| (e, abuts))?;
        Ok(ZipArchive { bytes, entries })
    }

    /// The entries, in the central directory's order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The stored (compressed) bytes of an entry, after its local header.
    pub fn raw_data(&self, entry: &Entry) -> Result<&'a [u8], ReadError> {
        let bytes = self.bytes;
        let header = usize::try_from(entry.local_header).map_err(|_| cut_short())?;
        if u32_at(bytes, header) != Some(LOCAL_HEADER) {
            return Err(incomplete());
        }
        // The local header's own name and extra lengths, which can differ
        // from the central directory's.
        let name_len = u16_at(bytes, header + 26).ok_or_else(cut_short)? as usize;
        let extra_len = u16_at(bytes, header + 28).ok_or_else(cut_short)? as usize;
        let start = header + LOCAL_HEADER_LEN + name_len + extra_len;
        let len = usize::try_from(entry.compressed_size).map_err(|_| cut_short())?;
        let end = start.checked_add(len).ok_or_else(cut_short)?;
        bytes.get(start..end).ok_or_else(cut_short)
    }

    /// The entry's bytes, inflated and checked against its CRC-32, refused
    /// when larger than [`MAX_PART`] or compressed beyond [`MAX_RATIO`].
    /// `key` names the part in messages.
    pub fn read(&self, entry: &Entry, key: &str) -> Result<Cow<'a, [u8]>, ReadError> {
        if entry.flags & FLAG_ENCRYPTED != 0 {
            return Err(ReadError::Encrypted);
        }
        if entry.method != STORED && entry.method != DEFLATED {
            return Err(unsupported(&format!("compression method {}", entry.method)).in_part(key));
        }
        check_declared(key, entry.uncompressed_size, entry.compressed_size)?;
        let data = self.raw_data(entry).map_err(|e| e.in_part(key))?;
        let out = if entry.method == STORED {
            if data.len() as u64 > MAX_PART {
                return Err(too_large_part(key));
            }
            Cow::Borrowed(data)
        } else {
            Cow::Owned(inflate(data, entry.uncompressed_size, key)?)
        };
        let actual = out.len() as u64;
        if actual > RATIO_THRESHOLD && actual > entry.compressed_size.saturating_mul(MAX_RATIO) {
            return Err(too_compressed(key));
        }
        if crc32::hash(&out) != entry.crc32 {
            return Err(ReadError::Damaged(format!(
                "a part fails its checksum (part {key})"
            )));
        }
        Ok(out)
    }
}

trait InPart {
    fn in_part(self, key: &str) -> Self;
}

impl InPart for ReadError {
    /// Names the part in a damage message.
    fn in_part(self, key: &str) -> ReadError {
        match self {
            ReadError::Damaged(m) => ReadError::Damaged(format!("{m} (part {key})")),
            other => other,
        }
    }
}

/// Reads the end record at `at` (and the zip64 record it points to).
fn end_record(bytes: &[u8], at: usize) -> Result<Directory, ReadError> {
    let field16 = |o: usize| u16_at(bytes, at + o).ok_or_else(cut_short);
    let field32 = |o: usize| u32_at(bytes, at + o).ok_or_else(cut_short);
    let disk = field16(4)?;
    let cd_disk = field16(6)?;
    let on_disk = field16(8)?;
    let count = field16(10)?;
    let size = field32(12)?;
    let offset = field32(16)?;
    let comment = field16(20)? as usize;
    if at + END_LEN + comment > bytes.len() {
        return Err(incomplete());
    }
    let locator = at.checked_sub(ZIP64_LOCATOR_LEN);
    let zip64 = locator.filter(|&l| u32_at(bytes, l) == Some(ZIP64_LOCATOR));
    let Some(locator) = zip64 else {
        if disk != 0 || cd_disk != 0 || on_disk != count {
            return Err(unsupported("an archive split over several files"));
        }
        return Ok(Directory {
            count: count.into(),
            size: size.into(),
            offset: offset.into(),
            end: at,
        });
    };
    // Zip64: the locator sits just before the end record and points to the
    // zip64 end record, which ends at the locator.
    if u32_at(bytes, locator + 16).ok_or_else(cut_short)? > 1 {
        return Err(unsupported("an archive split over several files"));
    }
    let declared = u64_at(bytes, locator + 8).ok_or_else(cut_short)?;
    let record = zip64_end_at(bytes, declared, locator)?;
    let field64 = |o: usize| u64_at(bytes, record + o).ok_or_else(cut_short);
    let disk = u32_at(bytes, record + 16).ok_or_else(cut_short)?;
    let cd_disk = u32_at(bytes, record + 20).ok_or_else(cut_short)?;
    let on_disk = field64(24)?;
    let count = field64(32)?;
    if disk != 0 || cd_disk != 0 || on_disk != count {
        return Err(unsupported("an archive split over several files"));
    }
    Ok(Directory {
        count,
        size: field64(40)?,
        offset: field64(48)?,
        end: record,
    })
}

/// Where the zip64 end record is: at its declared offset or, with bytes
/// prepended to the zip, just before the locator.
fn zip64_end_at(bytes: &[u8], declared: u64, locator: usize) -> Result<usize, ReadError> {
    let valid = |at: usize| {
        u32_at(bytes, at) == Some(ZIP64_END_OF_CENTRAL_DIRECTORY)
            && u64_at(bytes, at + 4).and_then(|size| (at as u64).checked_add(12)?.checked_add(size))
                == Some(locator as u64)
    };
    if let Ok(at) = usize::try_from(declared)
        && at < locator
        && valid(at)
    {
        return Ok(at);
    }
    // The record is at least 56 bytes; its length field says exactly how long.
    let mut at = locator.checked_sub(ZIP64_END_LEN).ok_or_else(incomplete)?;
    let lowest = locator.saturating_sub(ZIP64_END_LEN + 4096);
    loop {
        if valid(at) {
            return Ok(at);
        }
        if at == lowest {
            return Err(incomplete());
        }
        at -= 1;
    }
}

/// Reads `directory.count` central entries from `start`.
fn central_entries(
    bytes: &[u8],
    start: usize,
    directory: Directory,
    shift: u64,
) -> Result<Vec<Entry>, ReadError> {
    // Every central entry takes at least 46 bytes: a count the directory
    // cannot hold is a lie, and allocating for it is what a bomb wants.
    let room = (directory.end.saturating_sub(start) / CENTRAL_HEADER_LEN) as u64;
    if directory.count > room {
        return Err(incomplete());
    }
    if directory.count > MAX_ENTRIES as u64 {
        return Err(ReadError::TooLarge(format!(
            "the package holds {} files (the limit is {MAX_ENTRIES})",
            directory.count
        )));
    }
    let mut entries = Vec::with_capacity(directory.count as usize);
    let mut at = start;
    for _ in 0..directory.count {
        let (entry, next) = central_entry(bytes, at, shift)?;
        if next > directory.end {
            return Err(incomplete());
        }
        entries.push(entry);
        at = next;
    }
    Ok(entries)
}

/// Reads the central entry at `at`; returns it and where the next one starts.
fn central_entry(bytes: &[u8], at: usize, shift: u64) -> Result<(Entry, usize), ReadError> {
    if u32_at(bytes, at) != Some(CENTRAL_HEADER) {
        return Err(incomplete());
    }
    let field16 = |o: usize| u16_at(bytes, at + o).ok_or_else(cut_short);
    let field32 = |o: usize| u32_at(bytes, at + o).ok_or_else(cut_short);
    let version_made_by = field16(4)?;
    let flags = field16(8)?;
    let method = field16(10)?;
    let dos_time = field16(12)?;
    let dos_date = field16(14)?;
    let crc32 = field32(16)?;
    let mut compressed_size = u64::from(field32(20)?);
    let mut uncompressed_size = u64::from(field32(24)?);
    let name_len = field16(28)? as usize;
    let extra_len = field16(30)? as usize;
    let comment_len = field16(32)? as usize;
    let internal_attributes = field16(36)?;
    let external_attributes = field32(38)?;
    let mut local_header = u64::from(field32(42)?);
    let name_start = at + CENTRAL_HEADER_LEN;
    let extra_start = name_start + name_len;
    let next = extra_start + extra_len + comment_len;
    let raw_name = bytes.get(name_start..extra_start).ok_or_else(cut_short)?;
    let extra = bytes
        .get(extra_start..extra_start + extra_len)
        .ok_or_else(cut_short)?;
    if next > bytes.len() {
        return Err(cut_short());
    }
    let mut unicode_name = None;
    for (id, data) in extra_fields(extra) {
        match id {
            // Zip64: the 64-bit values of the fields saturated in the header, in this order.
            0x0001 => {
                let mut values = data.chunks_exact(8).map(|c| u64_at(c, 0).unwrap_or(0));
                if uncompressed_size == u64::from(u32::MAX) {
                    uncompressed_size = values.next().unwrap_or(uncompressed_size);
                }
                if compressed_size == u64::from(u32::MAX) {
                    compressed_size = values.next().unwrap_or(compressed_size);
                }
                if local_header == u64::from(u32::MAX) {
                    local_header = values.next().unwrap_or(local_header);
                }
            }
            // Info-ZIP Unicode Path (APPNOTE 4.6.9): the UTF-8 name, valid
            // while the CRC of the header's name matches. The writer keeps
            // the name read here, so an annotated copy means the same to
            // every reader.
            0x7075 if data.len() > 5 && data[0] == 1 => {
                if u32_at(data, 1) == Some(crc32::hash(raw_name))
                    && let Ok(name) = std::str::from_utf8(&data[5..])
                {
                    unicode_name = Some(name.to_owned());
                }
            }
            _ => {}
        }
    }
    let name = match unicode_name {
        Some(name) => name,
        None => decode_name(raw_name, flags & FLAG_UTF8 != 0),
    };
    // Checked against the slice when the entry is read.
    let local_header = local_header.checked_add(shift).ok_or_else(cut_short)?;
    let entry = Entry {
        name,
        raw_name: raw_name.to_vec(),
        version_made_by,
        flags,
        method,
        dos_time,
        dos_date,
        crc32,
        compressed_size,
        uncompressed_size,
        internal_attributes,
        external_attributes,
        local_header,
    };
    Ok((entry, next))
}

/// The (id, data) pairs of an extra field; a malformed tail is ignored.
fn extra_fields(mut extra: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let id = u16_at(extra, 0)?;
        let len = u16_at(extra, 2)? as usize;
        let data = extra.get(4..4 + len)?;
        extra = &extra[4 + len..];
        Some((id, data))
    })
}

/// A name: UTF-8 when flagged or when it is valid UTF-8 (many producers
/// write UTF-8 without the flag), otherwise IBM code page 437.
fn decode_name(raw: &[u8], utf8: bool) -> String {
    if utf8 {
        return String::from_utf8_lossy(raw).into_owned();
    }
    match std::str::from_utf8(raw) {
        Ok(name) => name.to_owned(),
        Err(_) => raw.iter().map(|&b| cp437(b)).collect(),
    }
}

/// IBM code page 437, the zip format's legacy name encoding.
fn cp437(byte: u8) -> char {
    const HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";
    if byte < 0x80 {
        char::from(byte)
    } else {
        HIGH.chars()
            .nth(usize::from(byte - 0x80))
            .unwrap_or('\u{fffd}')
    }
}

/// Inflates raw deflate data into at most [`MAX_PART`] bytes, starting from
/// a buffer the size the directory declares.
fn inflate(data: &[u8], declared: u64, key: &str) -> Result<Vec<u8>, ReadError> {
    let limit = MAX_PART;
    let limit_len = usize::try_from(limit).unwrap_or(usize::MAX);
    // One byte over the declared size, so that an exact declaration finishes
    // without a second round.
    let first = usize::try_from(declared.saturating_add(1))
        .unwrap_or(usize::MAX)
        .min(limit_len.saturating_add(1))
        .max(64);
    let mut out = vec![0u8; first];
    let mut state = Box::<DecompressorOxide>::default();
    let mut input = data;
    let mut written = 0;
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    loop {
        let (status, consumed, produced) = decompress(&mut state, input, &mut out, written, flags);
        written += produced;
        input = input.get(consumed..).unwrap_or_default();
        match status {
            TINFLStatus::Done => {
                if written as u64 > limit {
                    return Err(too_large_part(key));
                }
                out.truncate(written);
                return Ok(out);
            }
            TINFLStatus::HasMoreOutput => {
                if out.len() > limit_len {
                    return Err(too_large_part(key));
                }
                let grown = out.len().saturating_mul(2).min(limit_len.saturating_add(1));
                out.resize(grown, 0);
            }
            _ => {
                return Err(ReadError::Damaged(format!(
                    "a part cannot be unpacked (part {key})"
                )));
            }
        }
    }
}

/// An opened zip package: the central directory, indexed by part key.
pub struct ZipSource<'a> {
    archive: ZipArchive<'a>,
    /// (part key (lower case), entry index, stored name with no leading
    /// `/`), sorted by key, one entry per key: a sorted vector rather than a
    /// hash map keeps the add-in's WebAssembly smaller.
    index: Vec<(String, usize, String)>,
}

impl std::fmt::Debug for ZipSource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ZipSource")
            .field("entries", &self.index.len())
            .finish()
    }
}

impl<'a> ZipSource<'a> {
    /// Reads the central directory and checks the declared sizes.
    pub fn open(bytes: &'a [u8]) -> Result<ZipSource<'a>, ReadError> {
        let archive = ZipArchive::parse(bytes)?;
        let mut index = Vec::with_capacity(archive.entries().len());
        let mut total: u64 = 0;
        for (i, entry) in archive.entries().iter().enumerate() {
            total = total.saturating_add(entry.uncompressed_size);
            if entry.is_dir() {
                continue;
            }
            let stored = entry
                .name
                .replace('\\', "/")
                .trim_start_matches('/')
                .to_owned();
            index.push((part_key(&entry.name), i, stored));
        }
        // The first entry of a name wins, as in most zip readers.
        sorted::keep_first_by_key(&mut index, |(key, _, _)| key.as_str());
        if total > MAX_TOTAL_UNCOMPRESSED {
            return Err(ReadError::TooLarge(format!(
                "the package would unpack to {} MiB (the limit is {} MiB)",
                total / (1024 * 1024),
                MAX_TOTAL_UNCOMPRESSED / (1024 * 1024)
            )));
        }
        Ok(ZipSource { archive, index })
    }

    /// The index entry of a part key.
    fn lookup(&self, key: &str) -> Option<&(String, usize, String)> {
        sorted::find_by_key(&self.index, key, |(k, _, _)| k.as_str())
    }

    /// Whether the package has a part.
    pub fn has(&self, key: &str) -> bool {
        self.lookup(key).is_some()
    }

    /// The part's name as stored in the zip.
    pub fn stored_name(&self, key: &str) -> Option<&str> {
        self.lookup(key).map(|(_, _, n)| n.as_str())
    }

    /// The index (in [`Self::entries`]) of the entry a part key names.
    pub fn entry_index(&self, key: &str) -> Option<usize> {
        self.lookup(key).map(|&(_, i, _)| i)
    }

    /// The central directory, in the zip's order.
    pub fn entries(&self) -> &[Entry] {
        self.archive.entries()
    }

    /// The zip itself, for copying entries raw.
    pub fn archive(&self) -> &ZipArchive<'a> {
        &self.archive
    }

    /// Inflates one part under the caps.
    pub fn read(&self, key: &str) -> Result<Option<Cow<'a, [u8]>>, ReadError> {
        let Some(&(_, i, _)) = self.lookup(key) else {
            return Ok(None);
        };
        self.archive.read(&self.archive.entries()[i], key).map(Some)
    }
}

/// Refuses a part from its declared sizes, before inflating it.
fn check_declared(key: &str, declared: u64, compressed: u64) -> Result<(), ReadError> {
    if declared > MAX_PART {
        return Err(too_large_part(key));
    }
    if declared > RATIO_THRESHOLD && declared > compressed.saturating_mul(MAX_RATIO) {
        return Err(too_compressed(key));
    }
    Ok(())
}

fn too_large_part(key: &str) -> ReadError {
    ReadError::TooLarge(format!(
        "the part {key} unpacks to more than {} MiB",
        MAX_PART / (1024 * 1024)
    ))
}

fn too_compressed(key: &str) -> ReadError {
    ReadError::TooLarge(format!(
        "the part {key} is compressed more than {MAX_RATIO} to 1, which only a zip bomb is"
    ))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// One entry of a hand-built zip.
    #[derive(Debug, Clone)]
    pub(crate) struct Built {
        pub name: Vec<u8>,
        pub flags: u16,
        pub method: u16,
        /// The bytes after the local header (compressed when deflated).
        pub data: Vec<u8>,
        pub crc32: u32,
        pub uncompressed_size: u64,
        /// Sizes and offset in a zip64 extra field of the central entry.
        pub zip64: bool,
        /// Zero CRC and sizes in the local header and a data descriptor after the data.
        pub descriptor: bool,
        /// Extra bytes in the local header only.
        pub local_extra: Vec<u8>,
        /// Extra fields in the central entry (after any zip64 field).
        pub central_extra: Vec<u8>,
    }

    impl Built {
        pub fn stored(name: &str, bytes: &[u8]) -> Built {
            Built {
                name: name.as_bytes().to_vec(),
                flags: 0,
                method: STORED,
                data: bytes.to_vec(),
                crc32: crc32::hash(bytes),
                uncompressed_size: bytes.len() as u64,
                zip64: false,
                descriptor: false,
                local_extra: Vec::new(),
                central_extra: Vec::new(),
            }
        }

        pub fn deflated(name: &str, bytes: &[u8]) -> Built {
            Built {
                method: DEFLATED,
                data: miniz_oxide::deflate::compress_to_vec(bytes, 6),
                ..Built::stored(name, bytes)
            }
        }
    }

    /// A zip of `entries` (after `prefix`), with a zip64 end record when asked.
    pub(crate) fn build(
        entries: &[Built],
        prefix: &[u8],
        zip64_end: bool,
        comment: &[u8],
    ) -> Vec<u8> {
        let mut out = prefix.to_vec();
        let mut central = Vec::new();
        let base = prefix.len();
        for e in entries {
            let offset = (out.len() - base) as u64;
            let csize = e.data.len() as u64;
            let local_sizes = if e.descriptor {
                (0, 0, 0)
            } else {
                (e.crc32, csize as u32, e.uncompressed_size as u32)
            };
            out.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
            out.extend_from_slice(&20u16.to_le_bytes());
            out.extend_from_slice(&e.flags.to_le_bytes());
            out.extend_from_slice(&e.method.to_le_bytes());
            out.extend_from_slice(&0x6000u16.to_le_bytes());
            out.extend_from_slice(&0x5a21u16.to_le_bytes());
            out.extend_from_slice(&local_sizes.0.to_le_bytes());
            out.extend_from_slice(&local_sizes.1.to_le_bytes());
            out.extend_from_slice(&local_sizes.2.to_le_bytes());
            out.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            out.extend_from_slice(&(e.local_extra.len() as u16).to_le_bytes());
            out.extend_from_slice(&e.name);
            out.extend_from_slice(&e.local_extra);
            out.extend_from_slice(&e.data);
            if e.descriptor {
                out.extend_from_slice(&0x0807_4b50u32.to_le_bytes());
                out.extend_from_slice(&e.crc32.to_le_bytes());
                out.extend_from_slice(&(csize as u32).to_le_bytes());
                out.extend_from_slice(&(e.uncompressed_size as u32).to_le_bytes());
            }
            let mut extra = Vec::new();
            let (c32, u32_, o32) = if e.zip64 {
                extra.extend_from_slice(&1u16.to_le_bytes());
                extra.extend_from_slice(&24u16.to_le_bytes());
                extra.extend_from_slice(&e.uncompressed_size.to_le_bytes());
                extra.extend_from_slice(&csize.to_le_bytes());
                extra.extend_from_slice(&offset.to_le_bytes());
                (u32::MAX, u32::MAX, u32::MAX)
            } else {
                (csize as u32, e.uncompressed_size as u32, offset as u32)
            };
            extra.extend_from_slice(&e.central_extra);
            central.extend_from_slice(&CENTRAL_HEADER.to_le_bytes());
            central.extend_from_slice(&0x031eu16.to_le_bytes());
            central.extend_from_slice(&(if e.zip64 { 45u16 } else { 20 }).to_le_bytes());
            central.extend_from_slice(&e.flags.to_le_bytes());
            central.extend_from_slice(&e.method.to_le_bytes());
            central.extend_from_slice(&0x6000u16.to_le_bytes());
            central.extend_from_slice(&0x5a21u16.to_le_bytes());
            central.extend_from_slice(&e.crc32.to_le_bytes());
            central.extend_from_slice(&c32.to_le_bytes());
            central.extend_from_slice(&u32_.to_le_bytes());
            central.extend_from_slice(&(e.name.len() as u16).to_le_bytes());
            central.extend_from_slice(&(extra.len() as u16).to_le_bytes());
            central.extend_from_slice(&0u16.to_le_bytes());
            central.extend_from_slice(&0u16.to_le_bytes());
            central.extend_from_slice(&0u16.to_le_bytes());
            central.extend_from_slice(&0o100644u32.wrapping_shl(16).to_le_bytes());
            central.extend_from_slice(&o32.to_le_bytes());
            central.extend_from_slice(&e.name);
            central.extend_from_slice(&extra);
        }
        let cd_offset = (out.len() - base) as u64;
        let cd_size = central.len() as u64;
        out.extend_from_slice(&central);
        let count = entries.len() as u64;
        if zip64_end {
            let record = (out.len() - base) as u64;
            out.extend_from_slice(&ZIP64_END_OF_CENTRAL_DIRECTORY.to_le_bytes());
            out.extend_from_slice(&44u64.to_le_bytes());
            out.extend_from_slice(&45u16.to_le_bytes());
            out.extend_from_slice(&45u16.to_le_bytes());
            out.extend_from_slice(&0u32.to_le_bytes());
            out.extend_from_slice(&0u32.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
            out.extend_from_slice(&count.to_le_bytes());
            out.extend_from_slice(&cd_size.to_le_bytes());
            out.extend_from_slice(&cd_offset.to_le_bytes());
            out.extend_from_slice(&ZIP64_LOCATOR.to_le_bytes());
            out.extend_from_slice(&0u32.to_le_bytes());
            out.extend_from_slice(&record.to_le_bytes());
            out.extend_from_slice(&1u32.to_le_bytes());
        }
        let (count16, size32, offset32) = if zip64_end {
            (u16::MAX, u32::MAX, u32::MAX)
        } else {
            (count as u16, cd_size as u32, cd_offset as u32)
        };
        out.extend_from_slice(&END_OF_CENTRAL_DIRECTORY.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&count16.to_le_bytes());
        out.extend_from_slice(&count16.to_le_bytes());
        out.extend_from_slice(&size32.to_le_bytes());
        out.extend_from_slice(&offset32.to_le_bytes());
        out.extend_from_slice(&(comment.len() as u16).to_le_bytes());
        out.extend_from_slice(comment);
        out
    }

    fn zip(entries: &[Built]) -> Vec<u8> {
        build(entries, &[], false, &[])
    }

    /// Every part of a zip by name, through the reader.
    fn parts(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, ReadError> {
        let archive = ZipArchive::parse(bytes)?;
        archive
            .entries()
            .iter()
            .map(|e| Ok((e.name.clone(), archive.read(e, &e.name)?.into_owned())))
            .collect()
    }

    const XML: &[u8] =
        b"<?xml version=\"1.0\"?><w:document><w:body><w:p/><w:p/><w:p/></w:body></w:document>";

    #[test]
    fn stored_and_deflated_entries_read() {
        let bytes = zip(&[Built::stored("a.xml", XML), Built::deflated("b/c.xml", XML)]);
        assert_eq!(
            parts(&bytes).unwrap(),
            [
                ("a.xml".into(), XML.to_vec()),
                ("b/c.xml".into(), XML.to_vec())
            ]
        );
        // A stored part is lent, not copied.
        let archive = ZipArchive::parse(&bytes).unwrap();
        assert!(matches!(
            archive.read(&archive.entries()[0], "a.xml"),
            Ok(Cow::Borrowed(_))
        ));
    }

    #[test]
    fn sizes_and_crc_come_from_the_central_directory_with_a_data_descriptor() {
        let mut entry = Built::deflated("word/document.xml", XML);
        entry.flags |= FLAG_DATA_DESCRIPTOR;
        entry.descriptor = true;
        let bytes = zip(&[entry, Built::stored("after.xml", b"<a/>")]);
        assert_eq!(
            parts(&bytes).unwrap(),
            [
                ("word/document.xml".into(), XML.to_vec()),
                ("after.xml".into(), b"<a/>".to_vec())
            ]
        );
    }

    #[test]
    fn the_local_headers_own_extra_length_places_the_data() {
        let mut entry = Built::deflated("a.xml", XML);
        entry.local_extra = vec![0x99, 0x99, 3, 0, 1, 2, 3];
        assert_eq!(parts(&zip(&[entry])).unwrap()[0].1, XML);
    }

    #[test]
    fn zip64_records_and_extra_fields_read() {
        let mut a = Built::deflated("a.xml", XML);
        a.zip64 = true;
        let b = Built::stored("b.xml", b"<b/>");
        let bytes = build(&[a, b], &[], true, b"a comment");
        assert_eq!(
            parts(&bytes).unwrap(),
            [
                ("a.xml".into(), XML.to_vec()),
                ("b.xml".into(), b"<b/>".to_vec())
            ]
        );
        // With bytes prepended, every declared offset is short by their length.
        let mut a = Built::deflated("a.xml", XML);
        a.zip64 = true;
        let shifted = build(&[a], b"#!prefix bytes\n", true, &[]);
        assert_eq!(parts(&shifted).unwrap(), [("a.xml".into(), XML.to_vec())]);
    }

    #[test]
    fn prepended_bytes_and_a_comment_are_allowed() {
        let bytes = build(
            &[Built::deflated("a.xml", XML)],
            b"prefix",
            false,
            b"PK\x05\x06 not an end record",
        );
        assert_eq!(parts(&bytes).unwrap(), [("a.xml".into(), XML.to_vec())]);
    }

    #[test]
    fn a_bad_crc_is_damage() {
        let mut entry = Built::deflated("word/document.xml", XML);
        entry.crc32 ^= 1;
        assert_eq!(
            parts(&zip(&[entry])),
            Err(ReadError::Damaged(
                "a part fails its checksum (part word/document.xml)".into()
            ))
        );
        let mut stored = Built::stored("a.xml", XML);
        stored.crc32 = 0;
        assert!(
            matches!(parts(&zip(&[stored])), Err(ReadError::Damaged(m)) if m.contains("checksum"))
        );
    }

    #[test]
    fn lying_sizes_are_refused_or_bounded() {
        // A compressed size past the end of the file.
        let mut entry = Built::deflated("a.xml", XML);
        let bytes = zip(std::slice::from_ref(&entry));
        let mut lying = bytes.clone();
        let cd = find(&lying, &CENTRAL_HEADER.to_le_bytes());
        lying[cd + 20..cd + 24].copy_from_slice(&0x7fff_fff0u32.to_le_bytes());
        assert!(matches!(parts(&lying), Err(ReadError::Damaged(m)) if m.contains("cut short")));
        // A declared size over the cap is refused before inflating.
        entry.uncompressed_size = MAX_PART + 1;
        assert!(
            matches!(parts(&zip(&[entry])), Err(ReadError::TooLarge(m)) if m.contains("64 MiB"))
        );
        // A small declared size does not stop the real size from being capped.
        let mut big = Built::deflated("big.xml", &vec![b'x'; 3 << 20]);
        big.uncompressed_size = 10;
        assert!(
            matches!(parts(&zip(&[big])), Err(ReadError::TooLarge(m)) if m.contains("zip bomb"))
        );
        // An entry count the directory cannot hold.
        let mut counted = bytes.clone();
        let end = counted.len() - END_LEN;
        counted[end + 8..end + 12].copy_from_slice(&[0xff, 0xff, 0xff, 0xff]);
        assert_eq!(ZipArchive::parse(&counted).unwrap_err(), incomplete());
        // An offset past the end.
        let mut offset = bytes.clone();
        offset[end + 16..end + 20].copy_from_slice(&u32::MAX.to_le_bytes());
        offset[end + 12..end + 16].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            ZipArchive::parse(&offset),
            Err(ReadError::Damaged(_))
        ));
        // A local header offset past the end.
        let mut local = bytes;
        local[cd + 42..cd + 46].copy_from_slice(&0x00ff_ffffu32.to_le_bytes());
        assert!(matches!(parts(&local), Err(ReadError::Damaged(m)) if m.contains("part a.xml")));
    }

    #[test]
    fn too_many_entries_are_refused_before_reading_them() {
        let entries: Vec<Built> = (0..MAX_ENTRIES + 1)
            .map(|i| Built::stored(&format!("{i}"), b""))
            .collect();
        assert!(matches!(
            ZipArchive::parse(&zip(&entries)),
            Err(ReadError::TooLarge(m)) if m.contains("20001 files")
        ));
    }

    #[test]
    fn a_truncated_central_directory_is_damage() {
        let bytes = zip(&[Built::deflated("a.xml", XML), Built::deflated("b.xml", XML)]);
        let cd = find(&bytes, &CENTRAL_HEADER.to_le_bytes());
        for cut in [
            cd + 10,
            cd + 50,
            bytes.len() - 1,
            bytes.len() - END_LEN + 3,
            3,
        ] {
            assert!(
                matches!(ZipArchive::parse(&bytes[..cut]), Err(ReadError::Damaged(_))),
                "cut at {cut}"
            );
        }
        // The second central entry's signature overwritten.
        let mut broken = bytes.clone();
        let second = cd + CENTRAL_HEADER_LEN + "a.xml".len();
        broken[second..second + 4].copy_from_slice(b"PK\x01\x09");
        assert_eq!(ZipArchive::parse(&broken).unwrap_err(), incomplete());
    }

    #[test]
    fn an_encrypted_entry_is_password_protected() {
        let mut entry = Built::deflated("word/document.xml", XML);
        entry.flags |= FLAG_ENCRYPTED;
        assert_eq!(parts(&zip(&[entry])), Err(ReadError::Encrypted));
    }

    #[test]
    fn an_unknown_method_is_a_feature_word_does_not_use() {
        let mut entry = Built::stored("word/document.xml", XML);
        entry.method = 12;
        assert_eq!(
            parts(&zip(&[entry])),
            Err(ReadError::Damaged(
                "it uses a zip feature Word does not (compression method 12) (part word/document.xml)".into()
            ))
        );
    }

    #[test]
    fn corrupt_deflate_data_cannot_be_unpacked() {
        let mut entry = Built::deflated("a.xml", XML);
        entry.data.truncate(entry.data.len() / 2);
        assert!(
            matches!(parts(&zip(&[entry])), Err(ReadError::Damaged(m)) if m.contains("cannot be unpacked"))
        );
        let mut garbage = Built::deflated("b.xml", XML);
        garbage.data = vec![0xff; 40];
        assert!(matches!(
            parts(&zip(&[garbage])),
            Err(ReadError::Damaged(_))
        ));
    }

    #[test]
    fn names_are_utf8_cp437_or_unicode_path_fields() {
        // "é" as CP437 (0x82), no UTF-8 flag.
        let legacy = Built {
            name: b"caf\x82.xml".to_vec(),
            ..Built::stored("", XML)
        };
        // UTF-8 without the flag, as many producers write it.
        let unflagged = Built::stored("naïve.xml", XML);
        let mut flagged = Built::stored("ünï.xml", XML);
        flagged.flags |= FLAG_UTF8;
        // An Info-ZIP Unicode Path field names it, while the CRC of the plain name matches.
        let unicode_field = |name: &[u8], plain: &[u8]| {
            let mut field = vec![0x75, 0x70];
            field.extend_from_slice(&(5 + name.len() as u16).to_le_bytes());
            field.push(1);
            field.extend_from_slice(&crc32::hash(plain).to_le_bytes());
            field.extend_from_slice(name);
            field
        };
        let mut extended = Built::stored("resume.xml", XML);
        extended.central_extra = unicode_field("résumé.xml".as_bytes(), b"resume.xml");
        let mut stale = Built::stored("old.xml", XML);
        stale.central_extra = unicode_field("new.xml".as_bytes(), b"something else");
        let archive_bytes = zip(&[legacy, unflagged, flagged, extended, stale]);
        let archive = ZipArchive::parse(&archive_bytes).unwrap();
        let names: Vec<&str> = archive.entries().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            ["café.xml", "naïve.xml", "ünï.xml", "résumé.xml", "old.xml"]
        );
        assert_eq!(archive.entries()[0].raw_name, b"caf\x82.xml");
        assert_eq!(
            (0x80..=0xffu8)
                .map(cp437)
                .filter(|&c| c == '\u{fffd}')
                .count(),
            0
        );
        assert_eq!(cp437(0xff), '\u{a0}');
        assert_eq!(cp437(0xe1), 'ß');
    }

    #[test]
    fn names_index_the_first_entry_and_skip_directories() {
        let bytes = zip(&[
            Built::stored("word/", b""),
            Built::stored("word\\document.xml", b"first"),
            Built::stored("/Word/Document.xml", b"second"),
            Built::stored("[Content_Types].xml", b"<Types/>"),
        ]);
        let source = ZipSource::open(&bytes).unwrap();
        assert!(!source.has("word/"));
        assert_eq!(
            source.stored_name("word/document.xml"),
            Some("word/document.xml")
        );
        assert_eq!(
            source.read("word/document.xml").unwrap().as_deref(),
            Some(&b"first"[..])
        );
        assert_eq!(source.read("missing.xml").unwrap(), None);
        assert_eq!(source.entries().len(), 4);
    }

    #[test]
    fn declared_sizes_are_checked_before_inflating() {
        assert!(check_declared("word/document.xml", 1000, 100).is_ok());
        assert!(matches!(
            check_declared("word/document.xml", MAX_PART + 1, MAX_PART),
            Err(ReadError::TooLarge(m)) if m.contains("word/document.xml")
        ));
        assert!(matches!(
            check_declared("word/document.xml", 10 * 1024 * 1024, 1024),
            Err(ReadError::TooLarge(m)) if m.contains("zip bomb")
        ));
    }

    #[test]
    fn a_total_over_the_cap_is_refused_at_open() {
        let mut a = Built::stored("a.bin", b"x");
        a.uncompressed_size = 200 << 20;
        let mut b = a.clone();
        b.name = b"b.bin".to_vec();
        assert!(matches!(
            ZipSource::open(&zip(&[a, b])),
            Err(ReadError::TooLarge(m)) if m.contains("400 MiB")
        ));
    }

    #[test]
    fn an_empty_zip_has_no_parts() {
        let bytes = zip(&[]);
        assert_eq!(ZipArchive::parse(&bytes).unwrap().entries().len(), 0);
    }

    pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> usize {
        haystack
            .windows(needle.len())
            .position(|w| w == needle)
            .unwrap()
    }
}
