//! Any bytes into the core's zip reader and writer: the central directory
//! parses or gives a typed error; every entry reads (under the caps, CRC
//! checked) or gives a typed error; never a panic, hang or unbounded
//! allocation. What parses is copied through the writer (parts that read are
//! re-deflated, the rest copied raw), and the copy must read back the same.
#![no_main]

use ehcp_core::package::zip::ZipArchive;
use ehcp_core::package::zip_writer::{DosTime, ZipWriter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(archive) = ZipArchive::parse(data) else {
        return;
    };
    let mut writer = ZipWriter::default();
    let mut expected = Vec::new();
    for entry in archive.entries() {
        let read = archive.read(entry, &entry.name);
        let written = match &read {
            Ok(bytes) if !entry.is_dir() => {
                writer.add_deflated(&entry.name, bytes, DosTime::of(entry))
            }
            _ => writer.copy_raw(&archive, entry),
        };
        if written.is_err() {
            // Data outside the file cannot be copied: nothing to compare.
            return;
        }
        expected.push((entry.name.clone(), read.ok().map(|b| b.into_owned())));
    }
    let copy = writer.finish().expect("a copy of a parsed zip is writable");
    let again = ZipArchive::parse(&copy).expect("the writer's output parses");
    assert_eq!(again.entries().len(), expected.len());
    for (entry, (name, bytes)) in again.entries().iter().zip(&expected) {
        assert_eq!(&entry.name, name);
        if let Some(bytes) = bytes {
            let read = again.read(entry, name).expect("a part that read reads again");
            assert_eq!(read.as_ref(), bytes.as_slice());
        }
    }
});
