//! Every file of the wild corpus (992 real-world Word files written by Word,
//! LibreOffice, Google Docs, Pages, docx4j, pandoc, fuzzers …) reads into a
//! `Document` or fails with a typed `ReadError`: never a panic, never a hang.
//! Where the corpus inventory counts the main part's `w:p` elements and the
//! file has no text boxes, our paragraph count must equal it.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ehcp_core::docx::{Document, DocumentKind, SegmentSource};
use ehcp_core::{ReadError, read_document};

#[path = "common/corpus.rs"]
mod corpus;
use corpus::corpus_dir;

fn corpus() -> PathBuf {
    corpus_dir().expect("the wild corpus (shared/corpus/wild) is needed; set EHCP_SHARED")
}

fn read(rel: &str) -> Result<Document, ReadError> {
    let bytes = std::fs::read(corpus().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    read_document(&bytes)
}

struct InventoryRow {
    main_part_w_p: Option<usize>,
    txbx: usize,
    alternate: usize,
    main_part: String,
}

fn inventory() -> HashMap<String, InventoryRow> {
    let text = std::fs::read_to_string(corpus().join("inventory.tsv")).expect("inventory.tsv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (source, file, w_p, txbx, alt, main) = (
        col("source"),
        col("file"),
        col("main_part_w_p"),
        col("w_txbxContent"),
        col("mc_AlternateContent"),
        col("main_part"),
    );
    lines
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .map(|f| {
            (
                format!("{}/{}", f[source], f[file]),
                InventoryRow {
                    main_part_w_p: f[w_p].parse().ok(),
                    txbx: f[txbx].parse().unwrap_or(0),
                    alternate: f[alt].parse().unwrap_or(0),
                    main_part: f[main].to_owned(),
                },
            )
        })
        .collect()
}

fn all_files() -> Vec<(String, PathBuf)> {
    let root = corpus();
    let mut out = Vec::new();
    for source in std::fs::read_dir(&root).unwrap().flatten() {
        if !source.path().is_dir() {
            continue;
        }
        for file in std::fs::read_dir(source.path()).unwrap().flatten() {
            let name = format!(
                "{}/{}",
                source.file_name().to_string_lossy(),
                file.file_name().to_string_lossy()
            );
            out.push((name, file.path()));
        }
    }
    out.sort();
    out
}

/// Checks the byte ranges the annotation writer relies on.
fn check_ranges(name: &str, doc: &Document, main: &[u8]) -> Result<(), String> {
    for p in &doc.paragraphs {
        let xml = main.get(p.xml.clone()).ok_or_else(|| {
            format!(
                "{name}: paragraph {} range {:?} out of bounds",
                p.index, p.xml
            )
        })?;
        let xml = std::str::from_utf8(xml).map_err(|e| format!("{name}: {e}"))?;
        let local_start = xml
            .split_once(['>', ' ', '/'])
            .map(|(h, _)| h)
            .unwrap_or("");
        if !local_start.starts_with('<') || !(local_start.ends_with(":p") || local_start == "<p") {
            return Err(format!(
                "{name}: paragraph {} xml starts {:?}",
                p.index,
                &xml[..xml.len().min(20)]
            ));
        }
        if !(xml.ends_with(":p>") || xml.ends_with("</p>") || xml.ends_with("/>")) {
            return Err(format!("{name}: paragraph {} xml ends badly", p.index));
        }
        for s in &p.segments {
            if !(p.xml.start <= s.run.start && s.run.end <= p.xml.end && s.run.start < s.run.end) {
                return Err(format!(
                    "{name}: paragraph {} run {:?} outside {:?}",
                    p.index, s.run, p.xml
                ));
            }
            let run = std::str::from_utf8(&main[s.run.clone()]).unwrap();
            if !run.ends_with("r>") && !run.ends_with("/>") {
                return Err(format!(
                    "{name}: paragraph {} run ends badly: {run:?}",
                    p.index
                ));
            }
            if let SegmentSource::Text { content } = &s.source {
                let raw = std::str::from_utf8(&main[content.clone()]).unwrap();
                let piece = &p.text[s.text.clone()];
                if !raw.contains('&') && !raw.contains("<![CDATA[") {
                    let mapped: String = raw
                        .chars()
                        .map(|c| {
                            if matches!(c, '\t' | '\n' | '\r') {
                                ' '
                            } else {
                                c
                            }
                        })
                        .collect();
                    if mapped != piece {
                        return Err(format!(
                            "{name}: paragraph {} segment {raw:?} != {piece:?}",
                            p.index
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}

/// An independent count of body paragraphs: every WordprocessingML `p`
/// element of the main part except those inside a text box
/// (`txbxContent`) or an `mc:Fallback` (which repeats its `mc:Choice`).
fn count_body_paragraphs(main: &[u8]) -> Option<usize> {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    let text = std::str::from_utf8(main).ok()?;
    let mut reader = quick_xml::NsReader::from_str(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    let mut skip_depth = 0usize;
    let mut count = 0;
    loop {
        let (ns, event) = reader.read_resolved_event().ok()?;
        let ns = match ns {
            ResolveResult::Bound(n) => n.0.to_owned(),
            _ => String::new(),
        };
        let w = ns.ends_with("wordprocessingml/2006/main")
            || ns.ends_with("ooxml/wordprocessingml/main");
        let mc = ns.ends_with("markup-compatibility/2006");
        match event {
            Event::Start(e) => {
                let local = e.local_name();
                if skip_depth > 0
                    || (w && local.as_ref() == "txbxContent")
                    || (mc && local.as_ref() == "Fallback")
                {
                    skip_depth += 1;
                } else if w && local.as_ref() == "p" {
                    count += 1;
                }
            }
            Event::Empty(e) if skip_depth == 0 && w && e.local_name().as_ref() == "p" => count += 1,
            Event::End(_) => skip_depth = skip_depth.saturating_sub(1),
            Event::Eof => return Some(count),
            _ => {}
        }
    }
}

fn main_part_bytes(path: &Path, main_part: &str) -> Option<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(file).ok()?;
    let index = (0..zip.len()).find(|&i| {
        zip.by_index_data(i).is_ok_and(|e| {
            String::from_utf8_lossy(e.name_raw())
                .trim_start_matches('/')
                .eq_ignore_ascii_case(main_part)
        })
    })?;
    let mut out = Vec::new();
    zip.by_index(index).ok()?.read_to_end(&mut out).ok()?;
    Some(out)
}

#[test]
fn every_wild_file_reads_or_fails_with_a_typed_error() {
    let inventory = inventory();
    let files = all_files();
    assert!(
        files.len() > 900,
        "corpus looks incomplete: {} files",
        files.len()
    );
    let mut panics = Vec::new();
    let mut slow: Vec<(Duration, String)> = Vec::new();
    let mut count_mismatches = Vec::new();
    let mut range_problems = Vec::new();
    let mut compared = 0;
    let mut compared_boxes = 0;
    let mut errors: HashMap<String, usize> = HashMap::new();
    for (name, path) in &files {
        if !name.ends_with(".docx")
            && !name.to_lowercase().ends_with(".docm")
            && !name.to_lowercase().ends_with(".dotx")
            && !name.to_lowercase().ends_with(".dotm")
        {
            continue;
        }
        let bytes = std::fs::read(path).unwrap();
        let started = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| read_document(&bytes)));
        let took = started.elapsed();
        if took > Duration::from_secs(5) {
            slow.push((took, name.clone()));
        }
        let result = match result {
            Ok(r) => r,
            Err(_) => {
                panics.push(name.clone());
                continue;
            }
        };
        match result {
            Ok(doc) => {
                for (i, p) in doc.paragraphs.iter().enumerate() {
                    assert_eq!(p.index, i, "{name}");
                }
                if let Some(row) = inventory.get(name) {
                    if !row.main_part.is_empty() {
                        assert_eq!(
                            doc.main_part.to_lowercase(),
                            row.main_part.trim_start_matches('/').to_lowercase(),
                            "{name}"
                        );
                    }
                    if let Some(expected) = row.main_part_w_p
                        && row.txbx == 0
                        && row.alternate == 0
                    {
                        compared += 1;
                        if expected != doc.paragraphs.len() {
                            count_mismatches.push(format!(
                                "{name}: inventory {expected}, read {}",
                                doc.paragraphs.len()
                            ));
                        }
                    }
                }
                if doc.kind != DocumentKind::FlatOpc
                    && let Some(main) = main_part_bytes(path, &doc.main_part)
                {
                    if let Err(problem) = check_ranges(name, &doc, &main) {
                        range_problems.push(problem);
                    }
                    if let Some(row) = inventory.get(name)
                        && (row.txbx > 0 || row.alternate > 0)
                        && let Some(expected) = count_body_paragraphs(&main)
                    {
                        compared_boxes += 1;
                        if expected != doc.paragraphs.len() {
                            count_mismatches.push(format!(
                                "{name} (text boxes): counted {expected}, read {}",
                                doc.paragraphs.len()
                            ));
                        }
                    }
                }
            }
            Err(e) => {
                let kind = format!("{e:?}");
                let kind = kind.split(['(', ' ', '{']).next().unwrap_or("").to_owned();
                *errors.entry(kind).or_default() += 1;
                eprintln!("{name}: {e}");
            }
        }
    }
    eprintln!(
        "errors by kind: {errors:?}; paragraph counts compared with the inventory on {compared} files, \
         counted independently on {compared_boxes} files with text boxes or alternate content"
    );
    assert!(panics.is_empty(), "panicked on: {panics:?}");
    assert!(slow.is_empty(), "over 5 s (hang guard): {slow:?}");
    assert!(
        compared > 700,
        "only {compared} files compared with the inventory"
    );
    assert!(
        count_mismatches.is_empty(),
        "{} paragraph count mismatches:\n{}",
        count_mismatches.len(),
        count_mismatches.join("\n")
    );
    assert!(
        range_problems.is_empty(),
        "{} range problems:\n{}",
        range_problems.len(),
        range_problems.join("\n")
    );
}

#[test]
fn main_part_is_found_through_relationships() {
    let doc = read("docx-rs/bom.docx").unwrap();
    assert_eq!(doc.main_part, "word/document2.xml");
    assert_eq!(doc.paragraphs.len(), 1);
    for name in [
        "docx2python/renamed_document_xml.docx",
        "pandoc-gpl/alternate_document_path.docx",
        "docx4j/HelloWordOnline.docx",
    ] {
        let doc = read(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_ne!(doc.main_part, "word/document.xml", "{name}");
        assert!(!doc.paragraphs.is_empty(), "{name}");
    }
}

#[test]
fn ole_files_are_encrypted_or_legacy() {
    assert_eq!(
        read("poi/protected_agile.docx").unwrap_err(),
        ReadError::Encrypted
    );
    for name in [
        "poi/bug53475-password-is-pass.docx",
        "poi/bug53475-password-is-solrcell.docx",
        "open-xml-sdk/document with password.docx",
    ] {
        assert_eq!(read(name).unwrap_err(), ReadError::Encrypted, "{name}");
    }
    assert_eq!(
        read("poi/cpansearch.perl.org_src_tobyink_acme-rundoc-0.001_word-lib_hello_world.docm")
            .unwrap_err(),
        ReadError::LegacyWordDocument
    );
}

#[test]
fn strict_and_odd_prefixes_read_like_transitional() {
    let strict = read("docx2python/strict.docx").unwrap();
    assert!(strict.paragraphs.iter().any(|p| !p.text.trim().is_empty()));
    let ns0 = read("pandoc-gpl/ns0-reference.docx").unwrap();
    assert_eq!(ns0.paragraphs.len(), 1);
    assert_eq!(ns0.paragraphs[0].text, "ref");
}

#[test]
fn a_theme_package_is_not_a_word_document() {
    assert!(matches!(
        read("poi/stress025.docx"),
        Err(ReadError::NotAWordDocument(_))
    ));
}

#[test]
fn templates_and_macro_documents_have_their_kind() {
    assert_eq!(
        read("poi/SimpleMacro.docm").unwrap().kind,
        DocumentKind::MacroEnabledDocument
    );
    assert_eq!(
        read("docx4j/Normal.dotm").unwrap().kind,
        DocumentKind::MacroEnabledTemplate
    );
    assert_eq!(
        read("poi/stress014.docx").unwrap().kind,
        DocumentKind::Template
    );
}

#[test]
fn an_undefined_entity_is_never_expanded() {
    match read("poi/ExternalEntityInText.docx") {
        Ok(doc) => assert!(
            doc.warnings
                .iter()
                .any(|w| w.message.contains("entity") || w.message.contains("DOCTYPE"))
        ),
        Err(ReadError::MalformedXml { part, .. }) => assert_eq!(part, "word/document.xml"),
        Err(e) => panic!("{e}"),
    }
}

/// The fictional sample plans (`samples/*.docx`, when present) read with
/// exact ranges and some list, heading and table structure.
#[test]
fn sample_plans_read_with_exact_ranges() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut read = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("docx") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let doc = match read_document(&bytes) {
            Ok(doc) => doc,
            // Samples may deliberately be unreadable (a legacy or damaged file).
            Err(e) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        read += 1;
        assert!(!doc.paragraphs.is_empty(), "{name}");
        let main = main_part_bytes(&path, &doc.main_part).unwrap();
        check_ranges(&name, &doc, &main).unwrap();
        assert_eq!(
            Some(doc.paragraphs.len()),
            count_body_paragraphs(&main),
            "{name}"
        );
    }
    if read > 0 {
        eprintln!("{read} sample plans read");
    }
}
