//! Writing files safely and reading inputs with one-line reasons.
//!
//! Every file the CLI produces for a user goes through [`write_atomic`]: the
//! bytes go to a temporary file in the destination's own directory, are
//! flushed to disk, then renamed over the destination in one step. A reader
//! never sees a half-written file, and a failure leaves nothing behind (the
//! temporary file is removed when dropped).

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

/// The largest document the CLI will load (a plan is a few hundred KB; the
/// core has its own limits on what the zip may inflate to).
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Whether an existing destination may be replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overwrite {
    Refuse,
    Replace,
}

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename).
/// With [`Overwrite::Refuse`] an existing `path` is never replaced, even if
/// it appears between the check and the rename.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: Overwrite) -> anyhow::Result<()> {
    let display = path.display();
    let dir = parent_dir(path);
    if overwrite == Overwrite::Refuse && path.symlink_metadata().is_ok() {
        bail!("{display} already exists: use --force to replace it");
    }
    let mut temp = tempfile::Builder::new()
        .prefix(".ehcp-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .with_context(|| format!("{display}: cannot write in {}", dir.display()))?;
    temp.write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
        .with_context(|| format!("{display}: cannot write"))?;
    match overwrite {
        Overwrite::Refuse => temp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                anyhow!("{display} already exists: use --force to replace it")
            } else {
                anyhow!("{display}: cannot write: {}", e.error)
            }
        })?,
        Overwrite::Replace => temp
            .persist(path)
            .map_err(|e| anyhow!("{display}: cannot write: {}", e.error))?,
    };
    sync_dir(&dir);
    Ok(())
}

/// Writes a file with no temporary copy: for files inside a report folder
/// that is itself being built aside and swapped into place as a whole.
pub fn write_plain(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    fs::write(path, bytes).with_context(|| format!("{}: cannot write", path.display()))
}

/// The directory a path lives in (`.` for a bare file name).
pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename durable (best effort: not every platform can open a directory).
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Reads a document, with a one-line reason a caseworker understands when it cannot.
pub fn read_input(path: &Path) -> anyhow::Result<Vec<u8>> {
    let display = path.display();
    let metadata = fs::metadata(path).map_err(|e| anyhow!("{display}: {}", io_reason(&e)))?;
    if metadata.is_dir() {
        bail!("{display}: this is a folder, not a document");
    }
    if metadata.len() > MAX_INPUT_BYTES {
        bail!(
            "{display}: the document is too large to check safely ({} MB)",
            metadata.len() / (1024 * 1024)
        );
    }
    fs::read(path).map_err(|e| anyhow!("{display}: {}", io_reason(&e)))
}

/// An I/O error in plain words.
pub fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "this is a folder, not a document".into(),
        _ => format!("cannot read the file: {error}"),
    }
}

/// True when `a` and `b` name the same file, whatever the spelling
/// (relative, `..`, symbolic or hard links). `b` need not exist.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(ma), Ok(mb)) = (fs::metadata(a), fs::metadata(b)) {
            return ma.dev() == mb.dev() && ma.ino() == mb.ino();
        }
    }
    match (fs::canonicalize(a), canonical_maybe_missing(b)) {
        (Ok(ca), Some(cb)) => ca == cb,
        _ => false,
    }
}

/// The canonical form of a path that may not exist yet (its directory must).
pub fn canonical_maybe_missing(path: &Path) -> Option<PathBuf> {
    if let Ok(c) = fs::canonicalize(path) {
        return Some(c);
    }
    let name = path.file_name()?;
    let dir = fs::canonicalize(parent_dir(path)).ok()?;
    Some(dir.join(name))
}

/// The current time in UTC as ISO 8601 without fractional seconds
/// (`2026-11-27T09:10:07Z`), as Word writes `w:date`.
pub fn utc_now_iso() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    iso_from_unix(seconds)
}

/// Formats seconds since 1970-01-01T00:00:00Z.
pub fn iso_from_unix(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rem = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_dates() {
        assert_eq!(iso_from_unix(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_from_unix(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_from_unix(1_798_362_607), "2026-12-27T09:10:07Z");
        assert_eq!(iso_from_unix(4_107_542_399), "2100-02-28T23:59:59Z");
    }

    #[test]
    fn atomic_write_refuses_to_clobber_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.docx");
        write_atomic(&path, b"first", Overwrite::Refuse).unwrap();
        let error = write_atomic(&path, b"second", Overwrite::Refuse).unwrap_err();
        assert!(error.to_string().contains("already exists"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), b"first");
        write_atomic(&path, b"third", Overwrite::Replace).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"third");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.docx")]);
    }

    #[test]
    fn atomic_write_into_a_missing_folder_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope").join("out.docx");
        let error = write_atomic(&path, b"x", Overwrite::Replace).unwrap_err();
        assert!(error.to_string().contains("out.docx"), "{error}");
        assert!(!dir.path().join("nope").exists());
    }

    #[test]
    fn same_file_sees_through_spellings() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        fs::create_dir(&sub).unwrap();
        let file = dir.path().join("plan.docx");
        fs::write(&file, b"x").unwrap();
        assert!(same_file(&file, &sub.join("..").join("plan.docx")));
        assert!(!same_file(&file, &sub.join("plan.docx")));
        #[cfg(unix)]
        {
            let link = dir.path().join("link.docx");
            std::os::unix::fs::symlink(&file, &link).unwrap();
            assert!(same_file(&file, &link));
            let hard = dir.path().join("hard.docx");
            fs::hard_link(&file, &hard).unwrap();
            assert!(same_file(&file, &hard));
        }
    }

    #[test]
    fn io_reasons_are_plain() {
        let error = read_input(Path::new("/definitely/not/here.docx")).unwrap_err();
        assert_eq!(error.to_string(), "/definitely/not/here.docx: no such file");
        let dir = tempfile::tempdir().unwrap();
        let error = read_input(dir.path()).unwrap_err();
        assert!(
            error
                .to_string()
                .ends_with("this is a folder, not a document")
        );
    }
}
