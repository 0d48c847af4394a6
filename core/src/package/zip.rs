//! The zip container. Only the central directory is read when the package is
//! opened; a part is inflated when asked for, under the caps of
//! [`super::limits`], which are checked twice: against the sizes the
//! central directory declares (before inflating) and while inflating
//! (declared sizes can lie).

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Cursor, Read};

use ::zip::ZipArchive;
use ::zip::result::ZipError;

use super::limits::{MAX_ENTRIES, MAX_PART, MAX_RATIO, MAX_TOTAL_UNCOMPRESSED, RATIO_THRESHOLD};
use super::part_key;
use crate::error::ReadError;

/// An opened zip package.
pub struct ZipSource<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    /// Entry index and stored name (no leading `/`) by part key (lower case).
    index: HashMap<String, (usize, String)>,
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
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| damaged(&e, None))?;
        if archive.len() > MAX_ENTRIES {
            return Err(ReadError::TooLarge(format!(
                "the package holds {} files (the limit is {MAX_ENTRIES})",
                archive.len()
            )));
        }
        let mut index = HashMap::with_capacity(archive.len());
        let mut total: u64 = 0;
        for i in 0..archive.len() {
            let entry = archive.by_index_data(i).map_err(|e| damaged(&e, None))?;
            total = total.saturating_add(entry.size());
            let name = String::from_utf8_lossy(entry.name_raw()).into_owned();
            if name.ends_with('/') {
                continue;
            }
            // The first entry of a name wins, as in most zip readers.
            let stored = name.replace('\\', "/").trim_start_matches('/').to_owned();
            index.entry(part_key(&name)).or_insert((i, stored));
        }
        if total > MAX_TOTAL_UNCOMPRESSED {
            return Err(ReadError::TooLarge(format!(
                "the package would unpack to {} MiB (the limit is {} MiB)",
                total / (1024 * 1024),
                MAX_TOTAL_UNCOMPRESSED / (1024 * 1024)
            )));
        }
        Ok(ZipSource { archive, index })
    }

    /// Whether the package has a part.
    pub fn has(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// The part's name as stored in the zip.
    pub fn stored_name(&self, key: &str) -> Option<&str> {
        self.index.get(key).map(|(_, n)| n.as_str())
    }

    /// Inflates one part under the caps.
    pub fn read(&mut self, key: &str) -> Result<Option<Cow<'a, [u8]>>, ReadError> {
        let Some(&(i, _)) = self.index.get(key) else {
            return Ok(None);
        };
        let (declared, compressed) = {
            let entry = self
                .archive
                .by_index_data(i)
                .map_err(|e| damaged(&e, Some(key)))?;
            (entry.size(), entry.compressed_size())
        };
        check_declared(key, declared, compressed)?;
        let file = self
            .archive
            .by_index(i)
            .map_err(|e| damaged(&e, Some(key)))?;
        let capacity = usize::try_from(declared.min(MAX_PART)).unwrap_or(0);
        let mut out = Vec::with_capacity(capacity);
        let mut limited = file.take(MAX_PART + 1);
        limited
            .read_to_end(&mut out)
            .map_err(|e| io_damaged(&e, key))?;
        let actual = out.len() as u64;
        if actual > MAX_PART {
            return Err(too_large_part(key));
        }
        if actual > RATIO_THRESHOLD && actual > compressed.saturating_mul(MAX_RATIO) {
            return Err(too_compressed(key));
        }
        Ok(Some(Cow::Owned(out)))
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

fn damaged(e: &ZipError, key: Option<&str>) -> ReadError {
    let what = match e {
        ZipError::Io(_) => "the zip file is cut short or unreadable".to_owned(),
        ZipError::InvalidArchive(_) => "it is not a complete zip file".to_owned(),
        ZipError::UnsupportedArchive(m) => format!("it uses a zip feature Word does not ({m})"),
        ZipError::FileNotFound => "a part listed in the zip is missing".to_owned(),
        ZipError::InvalidPassword => "the zip is password-protected".to_owned(),
        _ => "the zip file is not readable".to_owned(),
    };
    ReadError::Damaged(match key {
        Some(k) => format!("{what} (part {k})"),
        None => what,
    })
}

fn io_damaged(e: &std::io::Error, key: &str) -> ReadError {
    let what = if e.to_string().to_lowercase().contains("checksum") {
        "a part fails its checksum"
    } else {
        "a part cannot be unpacked"
    };
    ReadError::Damaged(format!("{what} (part {key})"))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
