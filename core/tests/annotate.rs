//! The annotation writer's guarantees, on hand-written documents and on
//! real-world files with comments and tracked changes:
//! - every zip entry it does not change is copied raw (same compressed
//!   bytes, same order), and the main part is the original plus markers
//!   (run splits aside);
//! - the parts it touches are well-formed, each comment id has one range
//!   start, one range end and one reference;
//! - annotating twice gives the same comments again (a fixed point), and
//!   people's comments and replies stay as they were.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};

use ehcp_core::annotate::{AnnotateError, AnnotateOptions, annotate};
use ehcp_core::docx::{Document, SegmentSource};
use ehcp_core::finding::{Finding, Location, Severity};
use ehcp_core::plan::{Plan, SectionId};
use ehcp_core::thread::ThreadGraph;
use ehcp_core::{Review, read_document};

#[path = "common/corpus.rs"]
mod corpus;
use corpus::corpus_dir;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const AUTHOR: &str = "EHCP Golden Thread";

// ---------------------------------------------------------------- helpers

fn zip_parts(parts: &[(&str, String)]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

fn styles(prefix: &str, uri: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<{p}:styles xmlns:{p}="{uri}"><{p}:style {p}:type="paragraph" {p}:default="1" {p}:styleId="Normal"><{p}:name {p}:val="Normal"/></{p}:style><{p}:style {p}:type="character" {p}:styleId="CommentReference"><{p}:name {p}:val="annotation reference"/><{p}:rPr><{p}:sz {p}:val="16"/></{p}:rPr></{p}:style></{p}:styles>"#,
        p = prefix
    )
}

/// A .docx whose body is `body` (written with prefix `w`).
fn docx(body: &str) -> Vec<u8> {
    docx_with(body, "w", W)
}

fn docx_with(body: &str, prefix: &str, uri: &str) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<{p}:document xmlns:{p}="{uri}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><{p}:body>{body}<{p}:sectPr/></{p}:body></{p}:document>"#,
        p = prefix
    );
    zip_parts(&[
        ("[Content_Types].xml", CONTENT_TYPES.into()),
        ("_rels/.rels", ROOT_RELS.into()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", DOC_RELS.into()),
        ("word/styles.xml", styles(prefix, uri)),
    ])
}

fn finding_at(
    rule: &'static str,
    paragraph: usize,
    range: std::ops::Range<usize>,
    document: &Document,
) -> Finding {
    let quote = document.paragraphs[paragraph].text[range.clone()].to_owned();
    Finding {
        rule,
        severity: Severity::Warning,
        section: None,
        location: Some(Location { paragraph, range }),
        quote,
        message: format!("Message for {rule}."),
        help: "Help: say who, what and how often.".into(),
        reference: None,
        item: None,
        confidence: 1.0,
    }
}

fn structural(rule: &'static str, section: Option<SectionId>) -> Finding {
    Finding {
        rule,
        severity: Severity::Error,
        section,
        location: None,
        quote: String::new(),
        message: "Section F is missing.".into(),
        help: "Add section F: the special educational provision.".into(),
        reference: None,
        item: None,
        confidence: 1.0,
    }
}

/// Annotates with findings built by `make` from the document read from `bytes`.
fn annotate_with(bytes: &[u8], make: impl Fn(&Document) -> Vec<Finding>) -> Vec<u8> {
    let document = read_document(bytes).expect("reads");
    let findings = make(&document);
    let review = Review {
        document,
        plan: Plan::default(),
        thread: ThreadGraph::default(),
        findings,
    };
    annotate(bytes, &review, &AnnotateOptions::default()).expect("annotates")
}

fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(name).ok()?;
    let mut out = String::new();
    file.read_to_string(&mut out).unwrap();
    Some(out)
}

/// (name, raw compressed bytes, crc) of every entry, in order.
fn raw_entries(bytes: &[u8]) -> Vec<(String, Vec<u8>, u32)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index_raw(i).unwrap();
            let mut raw = Vec::new();
            file.read_to_end(&mut raw).unwrap();
            (file.name().unwrap().into_owned(), raw, file.crc32())
        })
        .collect()
}

fn well_formed(xml: &str, what: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!(
                "{what} is not well-formed at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
}

/// Ids and attributes of the `<X:comment …>` elements (by regex: test only).
fn comment_elements(comments_xml: &str) -> Vec<(i64, String, String)> {
    let re = regex::Regex::new(
        r#"(?s)<(\w+:)?comment\s[^>]*?\bid="(-?\d+)"[^>]*?(?:/>|>.*?</(?:\w+:)?comment>)"#,
    )
    .unwrap();
    let author = regex::Regex::new(r#"author="([^"]*)""#).unwrap();
    re.captures_iter(comments_xml)
        .map(|c| {
            let whole = c[0].to_owned();
            let a = author
                .captures(&whole)
                .map(|a| a[1].replace("&amp;", "&"))
                .unwrap_or_default();
            (c[2].parse().unwrap(), a, whole)
        })
        .collect()
}

fn is_tool(element: &str, author: &str) -> bool {
    author == AUTHOR
        && regex::Regex::new(r"\[[a-z0-9/_.-]+\]</(\w+:)?t>")
            .unwrap()
            .is_match(element)
}

fn count(hay: &str, pattern: &str) -> usize {
    regex::Regex::new(pattern).unwrap().find_iter(hay).count()
}

/// The main part with markers of `ids` removed and runs split by the writer
/// merged back, `xml:space` normalised: equal for the input and the output
/// when the writer only added markers.
fn canonical(xml: &str, ids: &BTreeSet<i64>) -> String {
    let markers = regex::Regex::new(concat!(
        r#"<(?:\w+:)?r><(?:\w+:)?rPr><(?:\w+:)?rStyle \w+:val="CommentReference"/></(?:\w+:)?rPr><(?:\w+:)?commentReference \w+:id="(\d+)"/></(?:\w+:)?r>"#,
        r#"|<(?:\w+:)?r><(?:\w+:)?commentReference \w+:id="(\d+)"/></(?:\w+:)?r>"#,
        r#"|<(?:\w+:)?commentRange(?:Start|End) \w+:id="(\d+)"/>"#,
    ))
    .unwrap();
    let mut text = markers
        .replace_all(xml, |c: &regex::Captures<'_>| {
            let id: i64 = c
                .get(1)
                .or(c.get(2))
                .or(c.get(3))
                .unwrap()
                .as_str()
                .parse()
                .unwrap();
            if ids.contains(&id) {
                String::new()
            } else {
                c[0].to_owned()
            }
        })
        .into_owned();
    text = text.replace(r#" xml:space="preserve""#, "");
    // An empty paragraph that received markers is no longer self-closing.
    text = regex::Regex::new(r"<((?:\w+:)?p)(\s[^>]*)?/>")
        .unwrap()
        .replace_all(&text, "<$1$2></$1>")
        .into_owned();
    // Merge adjacent runs with the same start tag and properties.
    let token = regex::Regex::new(r"<[^>]*>|[^<]+").unwrap();
    let tokens: Vec<&str> = token.find_iter(&text).map(|m| m.as_str()).collect();
    let name_of = |t: &str| -> String {
        let name = t.trim_start_matches('<').trim_start_matches('/');
        let name = name
            .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or("");
        name.rsplit(':').next().unwrap_or("").to_owned()
    };
    let is_start = |t: &str, local: &str| {
        t.starts_with('<') && !t.starts_with("</") && !t.ends_with("/>") && name_of(t) == local
    };
    let is_end = |t: &str, local: &str| t.starts_with("</") && name_of(t) == local;
    let is_empty = |t: &str, local: &str| t.ends_with("/>") && name_of(t) == local;
    // White space between tags is not content (outside w:t and friends).
    let mut in_text = false;
    let tokens: Vec<&str> = tokens
        .into_iter()
        .filter(|t| {
            if t.starts_with('<') {
                let local = name_of(t);
                if matches!(
                    local.as_str(),
                    "t" | "instrText" | "delText" | "delInstrText"
                ) && !t.ends_with("/>")
                {
                    in_text = !t.starts_with("</");
                }
                true
            } else {
                in_text || !t.trim().is_empty()
            }
        })
        .collect();
    let mut out: Vec<&str> = Vec::with_capacity(tokens.len());
    let mut current: Option<String> = None;
    let mut last_closed: Option<String> = None;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        if is_start(t, "r") {
            let mut j = i + 1;
            let mut key = t.to_owned();
            if j < tokens.len() && is_empty(tokens[j], "rPr") {
                key.push_str(tokens[j]);
                j += 1;
            } else if j < tokens.len() && is_start(tokens[j], "rPr") {
                let mut depth = 0;
                while j < tokens.len() {
                    key.push_str(tokens[j]);
                    j += 1;
                    if is_start(tokens[j - 1], "rPr") {
                        depth += 1;
                    } else if is_end(tokens[j - 1], "rPr") {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                }
            }
            if out.last().is_some_and(|p| is_end(p, "r"))
                && last_closed.as_deref() == Some(key.as_str())
            {
                out.pop();
                if out.last().is_some_and(|p| is_end(p, "t"))
                    && j < tokens.len()
                    && is_start(tokens[j], "t")
                {
                    out.pop();
                    j += 1;
                }
            } else {
                out.extend_from_slice(&tokens[i..j]);
            }
            current = Some(key);
            i = j;
            continue;
        }
        if is_end(t, "r") {
            last_closed = current.take();
        }
        out.push(t);
        i += 1;
    }
    out.concat()
}

/// Checks every guarantee of one annotation run; returns the new comment ids.
fn check_output(input: &[u8], output: &[u8]) -> BTreeSet<i64> {
    let before = raw_entries(input);
    let after = raw_entries(output);
    let original = read_document(input).unwrap();
    let reread = read_document(output).expect("the output reads");
    let main = original.main_part.clone();
    let comments_name = related_comments_part(output, &main);

    // Entries: same names, same order, then the added ones.
    assert!(after.len() >= before.len());
    let changeable: BTreeSet<String> = after
        .iter()
        .map(|(n, _, _)| n.clone())
        .filter(|n| {
            *n == main
                || n.ends_with(".rels")
                || n == "[Content_Types].xml"
                || n.to_lowercase().contains("comments")
                || n.to_lowercase().ends_with("people.xml")
        })
        .collect();
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(b.0, a.0, "entry order changed");
        if !changeable.contains(&a.0) {
            assert_eq!(b.1, a.1, "{} was not copied raw", a.0);
            assert_eq!(b.2, a.2);
        }
    }

    // Touched parts are well-formed.
    for (name, _, _) in &after {
        if changeable.contains(name) {
            let text = part(output, name).unwrap();
            well_formed(&text, name);
        }
    }

    // The visible text is unchanged.
    assert_eq!(original.paragraphs.len(), reread.paragraphs.len());
    for (a, b) in original.paragraphs.iter().zip(&reread.paragraphs) {
        assert_eq!(a.text, b.text, "paragraph {} changed its text", a.index);
    }

    // Comment ids: unique; each with one start, one end and one reference.
    let Some(comments_name) = comments_name else {
        return BTreeSet::new();
    };
    let comments_xml = part(output, &comments_name).unwrap();
    let main_xml = part(output, &main).unwrap();
    let elements = comment_elements(&comments_xml);
    let ids: Vec<i64> = elements.iter().map(|e| e.0).collect();
    let tool: BTreeSet<i64> = elements
        .iter()
        .filter(|e| is_tool(&e.2, &e.1))
        .map(|e| e.0)
        .collect();
    // The tool's ids are unique and clash with no one else's (the input may
    // already repeat its own: the corpus has such invalid files).
    for id in &tool {
        assert_eq!(
            ids.iter().filter(|i| *i == id).count(),
            1,
            "comment id {id} used twice"
        );
    }
    let marker = regex::Regex::new(
        r#"<(?:\w+:)?(commentRangeStart|commentRangeEnd|commentReference) \w+:id="(-?\d+)"/>"#,
    )
    .unwrap();
    let mut seen: BTreeMap<(i64, String), Vec<usize>> = BTreeMap::new();
    for c in marker.captures_iter(&main_xml) {
        seen.entry((c[2].parse().unwrap(), c[1].to_owned()))
            .or_default()
            .push(c.get(0).unwrap().start());
    }
    for id in &tool {
        for kind in ["commentRangeStart", "commentRangeEnd", "commentReference"] {
            let n = seen.get(&(*id, kind.to_owned())).map_or(0, Vec::len);
            assert_eq!(n, 1, "comment {id}: {kind}");
        }
        let start = seen[&(*id, "commentRangeStart".to_owned())][0];
        let end = seen[&(*id, "commentRangeEnd".to_owned())][0];
        let reference = seen[&(*id, "commentReference".to_owned())][0];
        assert!(
            start <= end && end < reference,
            "comment {id}: start, end, reference out of order"
        );
    }

    // The relationship and the content type.
    let types = part(output, "[Content_Types].xml").unwrap();
    assert!(
        types
            .to_lowercase()
            .contains(&format!("/{}", comments_name.to_lowercase()))
            || types.contains("comments+xml")
    );
    let rels = part(
        output,
        &format!(
            "{}/_rels/{}",
            main.rsplit_once('/').unwrap().0,
            main.rsplit_once('/').unwrap().1
        )
        .replace(".xml", ".xml.rels"),
    )
    .unwrap_or_default();
    assert!(
        rels.contains("relationships/comments"),
        "no comments relationship"
    );

    // The main part: the original plus markers.
    let original_main = part(input, &main).unwrap();
    let all_ids: BTreeSet<i64> = ids.iter().copied().collect();
    let before_ids: BTreeSet<i64> = match part(input, &comments_name) {
        Some(c) => comment_elements(&c)
            .iter()
            .filter(|e| is_tool(&e.2, &e.1))
            .map(|e| e.0)
            .collect(),
        None => BTreeSet::new(),
    };
    let strip: BTreeSet<i64> = tool.union(&before_ids).copied().collect();
    let (a, b) = (
        canonical(&original_main, &strip),
        canonical(&main_xml, &strip),
    );
    if a != b {
        let at = a
            .bytes()
            .zip(b.bytes())
            .position(|(x, y)| x != y)
            .unwrap_or(a.len().min(b.len()));
        let from = at.saturating_sub(300);
        panic!(
            "the main part changed beyond the markers at {at}:\n{}\n---\n{}",
            &a[from..(at + 300).min(a.len())],
            &b[from..(at + 300).min(b.len())]
        );
    }
    let _ = all_ids;
    tool
}

/// The comments part the main part relates to (the package may hold others).
fn related_comments_part(bytes: &[u8], main: &str) -> Option<String> {
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    let rels = part(bytes, &format!("{dir}/_rels/{file}.rels"))?;
    let re = regex::Regex::new(r#"<Relationship\s[^>]*?Type="[^"]*/comments"[^>]*>"#).unwrap();
    let target = regex::Regex::new(r#"Target="([^"]*)""#).unwrap();
    let element = re.find(&rels)?.as_str().to_owned();
    let t = target.captures(&element)?[1].to_owned();
    Some(match t.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None if dir.is_empty() => t,
        None => format!("{dir}/{t}"),
    })
}

fn comments_of(bytes: &[u8]) -> Vec<(i64, String, String)> {
    let main = read_document(bytes)
        .map(|d| d.main_part)
        .unwrap_or_else(|_| "word/document.xml".into());
    match related_comments_part(bytes, &main).and_then(|n| part(bytes, &n)) {
        Some(xml) => comment_elements(&xml),
        None => Vec::new(),
    }
}

// ---------------------------------------------------------------- hand-written documents

#[test]
fn splits_a_run_inside_text_keeping_its_properties_and_entities() {
    let input = docx(
        r#"<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t>Fish &amp; chips &#169; weekly</w:t></w:r></w:p>"#,
    );
    let output = annotate_with(&input, |d| {
        vec![finding_at("provision/vague-wording", 0, 5..12, d)]
    });
    let main = part(&output, "word/document.xml").unwrap();
    assert!(
        main.contains(r#"<w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Fish </w:t></w:r><w:commentRangeStart w:id="0"/><w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">&amp; chips</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r><w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> &#169; weekly</w:t></w:r>"#),
        "{main}"
    );
    let comments = part(&output, "word/comments.xml").unwrap();
    assert!(
        comments.contains(r#"<w:comment w:id="0" w:author="EHCP Golden Thread" w:initials="GT">"#),
        "{comments}"
    );
    assert!(comments.contains("Message for provision/vague-wording."));
    assert!(comments.contains("[provision/vague-wording]"));
    assert!(!comments.contains("w:date"));
    check_output(&input, &output);
}

#[test]
fn a_quote_across_runs_and_a_whole_run() {
    let input = docx(
        r#"<w:p><w:r><w:t xml:space="preserve">Jo will </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>have access</w:t></w:r><w:r><w:t xml:space="preserve"> to support.</w:t></w:r></w:p>"#,
    );
    let output = annotate_with(&input, |d| {
        vec![
            finding_at("provision/vague-wording", 0, 3..14, d),
            finding_at("provision/unquantified", 0, 8..19, d),
        ]
    });
    let main = part(&output, "word/document.xml").unwrap();
    // The second quote is exactly the italic run: markers around it, no split.
    assert!(main.contains(r#"<w:commentRangeStart w:id="1"/><w:r><w:rPr><w:i/></w:rPr><w:t>have a</w:t></w:r><w:commentRangeEnd w:id="0"/>"#), "{main}");
    assert!(
        main.contains(
            r#"<w:t xml:space="preserve">ccess</w:t></w:r><w:commentRangeEnd w:id="1"/>"#
        ),
        "{main}"
    );
    let ids = check_output(&input, &output);
    assert_eq!(ids.len(), 2);
}

#[test]
fn hyperlinks_tracked_insertions_and_fields_keep_the_reference_outside() {
    let input = docx(concat!(
        r#"<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId9"><w:r><w:t>the local offer</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> now.</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t xml:space="preserve">Jo </w:t></w:r><w:ins w:id="5" w:author="Ann" w:date="2024-01-01T00:00:00Z"><w:r><w:t>may benefit from</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> help.</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t xml:space="preserve">Page </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> of the plan</w:t></w:r></w:p>"#,
    ));
    let output = annotate_with(&input, |d| {
        assert_eq!(d.paragraphs[0].text, "See the local offer now.");
        assert_eq!(d.paragraphs[2].text, "Page 12 of the plan");
        vec![
            finding_at("a/hyperlink", 0, 4..19, d),
            finding_at("a/inserted", 1, 3..12, d),
            finding_at("a/field", 2, 5..7, d),
        ]
    });
    let main = part(&output, "word/document.xml").unwrap();
    assert!(main.contains(r#"<w:commentRangeEnd w:id="0"/></w:hyperlink><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>"#), "{main}");
    assert!(main.contains(r#"<w:commentRangeEnd w:id="1"/><w:r w:rsidR"#) || main.contains(r#"</w:ins><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="1"/></w:r>"#), "{main}");
    // A quote inside a field result covers the whole field; the field code is intact.
    assert!(main.contains(r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#));
    assert!(
        main.contains(
            r#"<w:commentRangeStart w:id="2"/><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#
        ),
        "{main}"
    );
    assert!(main.contains(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r><w:commentRangeEnd w:id="2"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="2"/></w:r>"#), "{main}");
    check_output(&input, &output);
}

#[test]
fn other_prefixes_and_strict_documents() {
    let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    for (prefix, uri) in [("ns0", W), ("w", strict)] {
        let body = format!(
            r#"<{p}:p><{p}:r><{p}:t>Needs are described here.</{p}:t></{p}:r></{p}:p>"#,
            p = prefix
        );
        let input = docx_with(&body, prefix, uri);
        let output = annotate_with(&input, |d| vec![finding_at("needs/vague", 0, 0..5, d)]);
        let main = part(&output, "word/document.xml").unwrap();
        assert!(
            main.contains(&format!(r#"<{prefix}:commentRangeStart {prefix}:id="0"/>"#)),
            "{main}"
        );
        let comments = part(&output, "word/comments.xml").unwrap();
        assert!(comments.contains(uri), "{comments}");
        let rels = part(&output, "word/_rels/document.xml.rels").unwrap();
        if uri == strict {
            assert!(
                rels.contains("http://purl.oclc.org/ooxml/officeDocument/relationships/comments")
            );
        }
        well_formed(&main, "main");
        well_formed(&comments, "comments");
    }
}

#[test]
fn structural_findings_anchor_to_the_heading_or_the_start() {
    let input = docx(concat!(
        r#"<w:p><w:r><w:t>Education, Health and Care Plan</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>Section A: All about me</w:t></w:r></w:p>"#,
        r#"<w:p><w:r><w:t>I like trains.</w:t></w:r></w:p>"#,
    ));
    let document = read_document(&input).unwrap();
    let mut plan = Plan::default();
    plan.sections.push(ehcp_core::plan::Section {
        id: SectionId::A,
        heading_paragraph: Some(1),
        heading: "Section A: All about me".into(),
        found_by: ehcp_core::plan::HeadingCue::HeadingStyle,
        paragraphs: vec![2],
        none_statement: false,
    });
    let review = Review {
        document,
        plan,
        thread: ThreadGraph::default(),
        findings: vec![
            structural("structure/a", Some(SectionId::A)),
            structural("structure/missing-section", Some(SectionId::F)),
        ],
    };
    let options = AnnotateOptions {
        date: Some("2026-11-27T10:00:00Z".into()),
        ..AnnotateOptions::default()
    };
    let output = annotate(&input, &review, &options).unwrap();
    let main = part(&output, "word/document.xml").unwrap();
    assert!(
        main.contains(r#"<w:commentRangeStart w:id="0"/><w:r><w:t>Section A"#),
        "{main}"
    );
    assert!(
        main.contains(r#"<w:commentRangeStart w:id="1"/><w:r><w:t>Education"#),
        "{main}"
    );
    let comments = part(&output, "word/comments.xml").unwrap();
    assert!(comments.contains(r#"w:date="2026-11-27T10:00:00Z""#));
    check_output(&input, &output);
}

#[test]
fn min_severity_filters_findings() {
    let input = docx(r#"<w:p><w:r><w:t>Some text here.</w:t></w:r></w:p>"#);
    let document = read_document(&input).unwrap();
    let mut info = finding_at("x/info", 0, 0..4, &document);
    info.severity = Severity::Info;
    let review = Review {
        document,
        plan: Plan::default(),
        thread: ThreadGraph::default(),
        findings: vec![info],
    };
    let options = AnnotateOptions {
        min_severity: Severity::Warning,
        ..AnnotateOptions::default()
    };
    let output = annotate(&input, &review, &options).unwrap();
    assert!(part(&output, "word/comments.xml").is_none());
    assert_eq!(
        part(&output, "word/document.xml"),
        part(&input, "word/document.xml")
    );
}

#[test]
fn flat_opc_and_non_documents_are_refused_with_a_reason() {
    let review = Review {
        document: Document::default(),
        plan: Plan::default(),
        thread: ThreadGraph::default(),
        findings: Vec::new(),
    };
    let flat = br#"<?xml version="1.0"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"/>"#;
    let error = annotate(flat, &review, &AnnotateOptions::default()).unwrap_err();
    assert!(matches!(error, AnnotateError::Unsupported(_)));
    assert!(error.to_string().contains("flat OPC"), "{error}");
    let error = annotate(b"hello", &review, &AnnotateOptions::default()).unwrap_err();
    assert!(!error.to_string().contains('\n'));
}

/// A document with a person's comment thread and the modern parts.
fn modern_docx() -> Vec<u8> {
    let w15 = "http://schemas.microsoft.com/office/word/2012/wordml";
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body><w:p w14:paraId="11111111"><w:commentRangeStart w:id="7"/><w:r><w:t>The child will have support.</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p><w:p w14:paraId="22222222"><w:r><w:t>Second paragraph with more text.</w:t></w:r></w:p><w:sectPr/></w:body></w:document>"#
    );
    let comments = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:comment w:id="7" w:author="Ann Smith" w:initials="AS"><w:p w14:paraId="3A3A3A3A"><w:r><w:t>Please check [this]</w:t></w:r></w:p></w:comment></w:comments>"#
    );
    let extended = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:commentsEx xmlns:w15="{w15}"><w15:commentEx w15:paraId="3A3A3A3A" w15:done="0"/></w15:commentsEx>"#
    );
    let ids = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w16cid:commentsIds xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"><w16cid:commentId w16cid:paraId="3A3A3A3A" w16cid:durableId="5B5B5B5B"/></w16cid:commentsIds>"#;
    let extensible = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w16cex:commentsExtensible xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex"><w16cex:commentExtensible w16cex:durableId="5B5B5B5B" w16cex:dateUtc="2024-01-01T00:00:00Z"/></w16cex:commentsExtensible>"#;
    let people = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w15:people xmlns:w15="{w15}"><w15:person w15:author="Ann Smith"><w15:presenceInfo w15:providerId="None" w15:userId="Ann Smith"/></w15:person></w15:people>"#
    );
    let rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/><Relationship Id="rId4" Type="http://schemas.microsoft.com/office/2016/09/relationships/commentsIds" Target="commentsIds.xml"/><Relationship Id="rId5" Type="http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible" Target="commentsExtensible.xml"/><Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/></Relationships>"#;
    let types = CONTENT_TYPES.replace(
        "</Types>",
        r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/><Override PartName="/word/commentsIds.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsIds+xml"/><Override PartName="/word/commentsExtensible.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtensible+xml"/><Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/></Types>"#,
    );
    zip_parts(&[
        ("[Content_Types].xml", types),
        ("_rels/.rels", ROOT_RELS.into()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels.into()),
        ("word/styles.xml", styles("w", W)),
        ("word/comments.xml", comments),
        ("word/commentsExtended.xml", extended),
        ("word/commentsIds.xml", ids.into()),
        ("word/commentsExtensible.xml", extensible.into()),
        ("word/people.xml", people),
    ])
}

fn two_findings(d: &Document) -> Vec<Finding> {
    vec![
        finding_at("provision/vague-wording", 0, 4..9, d),
        finding_at("needs/unclear", 1, 0..6, d),
    ]
}

#[test]
fn extends_the_modern_comment_parts_consistently() {
    let input = modern_docx();
    let output = annotate_with(&input, two_findings);
    let ids = check_output(&input, &output);
    assert_eq!(
        ids,
        BTreeSet::from([8, 9]),
        "ids above the person's comment"
    );
    let comments = part(&output, "word/comments.xml").unwrap();
    let para = regex::Regex::new(r#"w14:paraId="([0-9A-F]{8})""#).unwrap();
    let para_ids: Vec<String> = para
        .captures_iter(&comments)
        .map(|c| c[1].to_owned())
        .collect();
    assert_eq!(para_ids.len(), 3);
    let extended = part(&output, "word/commentsExtended.xml").unwrap();
    let cid = part(&output, "word/commentsIds.xml").unwrap();
    let cex = part(&output, "word/commentsExtensible.xml").unwrap();
    let people = part(&output, "word/people.xml").unwrap();
    for id in &para_ids[1..] {
        let value = u32::from_str_radix(id, 16).unwrap();
        assert!(value > 0 && value < 0x8000_0000);
        assert!(
            extended.contains(&format!(
                r#"<w15:commentEx w15:paraId="{id}" w15:done="0"/>"#
            )),
            "{extended}"
        );
        assert!(cid.contains(&format!(r#"w16cid:paraId="{id}""#)), "{cid}");
    }
    let durable = regex::Regex::new(r#"durableId="([0-9A-F]{8})""#).unwrap();
    let durables: BTreeSet<String> = durable
        .captures_iter(&cid)
        .map(|c| c[1].to_owned())
        .collect();
    assert_eq!(durables.len(), 3);
    for d in &durables {
        assert!(cex.contains(&format!(r#"durableId="{d}""#)), "{cex}");
    }
    assert!(people.contains(r#"w15:author="EHCP Golden Thread""#));
    for part_text in [&comments, &extended, &cid, &cex, &people] {
        well_formed(part_text, "modern part");
    }
    // The person's comment is byte for byte the same.
    assert!(comments.contains(r#"<w:comment w:id="7" w:author="Ann Smith" w:initials="AS"><w:p w14:paraId="3A3A3A3A"><w:r><w:t>Please check [this]</w:t></w:r></w:p></w:comment>"#));
}

#[test]
fn annotating_twice_is_a_fixed_point_and_keeps_people_s_comments() {
    for input in [
        modern_docx(),
        docx(
            r#"<w:p><w:r><w:t>Jo will have access to support.</w:t></w:r></w:p><w:p><w:r><w:t>Second one here.</w:t></w:r></w:p>"#,
        ),
    ] {
        let once = annotate_with(&input, two_findings);
        let twice = annotate_with(&once, two_findings);
        check_output(&once, &twice);
        let a = raw_entries(&once);
        let b = raw_entries(&twice);
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.0, y.0);
            assert_eq!(
                part(&once, &x.0),
                part(&twice, &y.0),
                "{} differs on the second run",
                x.0
            );
        }
        let people: Vec<_> = comments_of(&twice)
            .into_iter()
            .filter(|c| c.1 != AUTHOR)
            .collect();
        let people_before: Vec<_> = comments_of(&input)
            .into_iter()
            .filter(|c| c.1 != AUTHOR)
            .collect();
        assert_eq!(people, people_before);
    }
}

#[test]
fn a_thread_a_person_replied_to_is_left_alone() {
    let once = annotate_with(&modern_docx(), two_findings);
    // A person replies to the first tool comment (id 8).
    let comments = part(&once, "word/comments.xml").unwrap();
    let para = regex::Regex::new(r#"<w:comment w:id="8".*?w14:paraId="([0-9A-F]{8})""#).unwrap();
    let parent = para.captures(&comments).unwrap()[1].to_owned();
    let reply = r#"<w:comment w:id="10" w:author="Ann Smith" w:initials="AS"><w:p w14:paraId="4C4C4C4C"><w:r><w:t>Agreed, will fix.</w:t></w:r></w:p></w:comment>"#;
    let mut parts: Vec<(String, String)> = raw_entries(&once)
        .iter()
        .map(|(n, _, _)| (n.clone(), part(&once, n).unwrap()))
        .collect();
    for (name, text) in &mut parts {
        match name.as_str() {
            "word/comments.xml" => *text = text.replace("</w:comments>", &format!("{reply}</w:comments>")),
            "word/commentsExtended.xml" => {
                *text = text.replace(
                    "</w15:commentsEx>",
                    &format!(r#"<w15:commentEx w15:paraId="4C4C4C4C" w15:paraIdParent="{parent}" w15:done="0"/></w15:commentsEx>"#),
                )
            }
            "word/document.xml" => {
                *text = text
                    .replace(r#"<w:commentRangeStart w:id="8"/>"#, r#"<w:commentRangeStart w:id="8"/><w:commentRangeStart w:id="10"/>"#)
                    .replace(r#"<w:commentRangeEnd w:id="8"/>"#, r#"<w:commentRangeEnd w:id="8"/><w:commentRangeEnd w:id="10"/><w:r><w:commentReference w:id="10"/></w:r>"#)
            }
            _ => {}
        }
    }
    let refs: Vec<(&str, String)> = parts.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let replied = zip_parts(&refs);
    let twice = annotate_with(&replied, two_findings);
    let comments = comments_of(&twice);
    let tool: Vec<_> = comments.iter().filter(|c| c.1 == AUTHOR).collect();
    assert_eq!(
        tool.len(),
        2,
        "the replied thread kept, the other replaced, none doubled"
    );
    assert!(
        comments.iter().any(|c| c.0 == 8),
        "the replied-to tool comment keeps its id"
    );
    assert!(comments.iter().any(|c| c.0 == 10 && c.2.contains("Agreed")));
    let main = part(&twice, "word/document.xml").unwrap();
    assert_eq!(count(&main, r#"commentRangeStart w:id="8""#), 1);
}

// ---------------------------------------------------------------- real-world files

/// Files of the wild corpus with comments, tracked changes, hyperlinks or fields.
fn corpus_files() -> Vec<PathBuf> {
    let dir =
        corpus_dir().expect("the wild corpus (shared/corpus/wild) is needed; set EHCP_SHARED");
    let mut out = Vec::new();
    for source in std::fs::read_dir(&dir).unwrap() {
        let source = source.unwrap().path();
        if !source.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&source).unwrap() {
            let path = file.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_lowercase();
            let word = [".docx", ".docm", ".dotx", ".dotm"]
                .iter()
                .any(|e| name.ends_with(e));
            let wanted = [
                "comment",
                "track",
                "revision",
                "del_in_ins",
                "insert",
                "hyperlink",
                "field",
            ]
            .iter()
            .any(|k| name.contains(k));
            // EHCP_ANNOTATE_ALL=1: every Word file of the corpus (slow).
            if word && (wanted || std::env::var_os("EHCP_ANNOTATE_ALL").is_some()) {
                out.push(path);
            }
        }
    }
    // EHCP_ANNOTATE_ONLY=text: only the files whose path holds it (debugging).
    if let Ok(only) = std::env::var("EHCP_ANNOTATE_ONLY") {
        out.retain(|p| p.display().to_string().contains(&only));
    }
    out.sort();
    out
}

/// Synthetic findings on real paragraphs: the first 10 characters of every
/// third non-empty paragraph, one quote crossing runs, one structural finding.
fn synthetic(d: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    if !d.paragraphs.is_empty() {
        out.push(structural("structure/missing-section", Some(SectionId::F)));
    }
    let non_empty: Vec<usize> = d
        .paragraphs
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .map(|p| p.index)
        .collect();
    for (n, &i) in non_empty.iter().enumerate() {
        if n % 3 != 0 {
            continue;
        }
        let text = &d.paragraphs[i].text;
        let end = text.char_indices().nth(10).map_or(text.len(), |(b, _)| b);
        out.push(finding_at("synthetic/first-words", i, 0..end, d));
    }
    if let Some(p) = d.paragraphs.iter().find(|p| {
        p.segments
            .windows(2)
            .any(|w| w[0].run != w[1].run && w[0].text.len() > 1 && w[1].text.len() > 1)
    }) {
        let w = p
            .segments
            .windows(2)
            .find(|w| w[0].run != w[1].run && w[0].text.len() > 1 && w[1].text.len() > 1)
            .unwrap();
        let mut start = w[0].text.start + 1;
        while !p.text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = w[1].text.end - 1;
        while !p.text.is_char_boundary(end) {
            end -= 1;
        }
        if start < end {
            out.push(finding_at("synthetic/across-runs", p.index, start..end, d));
        }
    }
    let _ = SegmentSource::Element { element: 0..0 };
    out
}

#[test]
fn real_world_files_keep_everything_and_annotate_idempotently() {
    let files = corpus_files();
    assert!(
        files.len() > 50 || std::env::var_os("EHCP_ANNOTATE_ONLY").is_some(),
        "expected the corpus's comment files, found {}",
        files.len()
    );
    let mut annotated = 0;
    let mut failures = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        if read_document(&bytes).is_err() {
            continue;
        }
        let name = path.display().to_string();
        let started = std::time::Instant::now();
        let result = std::panic::catch_unwind(|| {
            let findings = synthetic(&read_document(&bytes).unwrap());
            let once = annotate_with(&bytes, |_| findings.clone());
            let tool_once = check_output(&bytes, &once);
            let people_before: Vec<_> = comments_of(&bytes);
            let twice = annotate_with(&once, |_| findings.clone());
            let tool_twice = check_output(&once, &twice);
            assert_eq!(tool_once.len(), tool_twice.len(), "not idempotent");
            // People's comments are untouched by both runs.
            let people_after: Vec<_> = comments_of(&twice)
                .into_iter()
                .filter(|c| !is_tool(&c.2, &c.1))
                .collect();
            let people_before: Vec<_> = people_before
                .into_iter()
                .filter(|c| !is_tool(&c.2, &c.1))
                .collect();
            assert_eq!(people_before, people_after, "a person's comment changed");
            // A fixed point: the second run writes the same bytes.
            for (x, y) in raw_entries(&once).iter().zip(&raw_entries(&twice)) {
                assert_eq!(x.0, y.0);
                assert!(
                    x.1 == y.1 || part(&once, &x.0) == part(&twice, &y.0),
                    "{} differs on the second run",
                    x.0
                );
            }
        });
        if started.elapsed().as_secs() >= 5 {
            eprintln!("{name}: {:?}", started.elapsed());
        }
        match result {
            Ok(()) => annotated += 1,
            Err(e) => {
                let message = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!(
                    "{name}: {}",
                    message.chars().take(400).collect::<String>()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    assert!(
        annotated > 50 || std::env::var_os("EHCP_ANNOTATE_ONLY").is_some(),
        "only {annotated} files annotated"
    );
}

// ---------------------------------------------------------------- real consumers

fn which(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// python-docx and LibreOffice open annotated documents and show the tool's
/// comments on the quoted text (`tests/annotated/check_consumers.py`). Needs
/// python3 with python-docx and soffice; set EHCP_SKIP_CONSUMERS=1 to skip
/// on a machine without them.
#[test]
fn real_consumers_open_the_output_and_anchor_comments_on_the_quotes() {
    if std::env::var_os("EHCP_SKIP_CONSUMERS").is_some() {
        return;
    }
    assert!(
        which("python3") && (which("soffice") || which("libreoffice")),
        "python3 and LibreOffice (soffice) are needed for this test; set EHCP_SKIP_CONSUMERS=1 to skip it"
    );
    let mut inputs: Vec<(String, Vec<u8>)> = vec![
        (
            "split.docx".into(),
            docx(
                r#"<w:p><w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t>Fish &amp; chips &#169; weekly</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">Jo will </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>have access</w:t></w:r><w:r><w:t xml:space="preserve"> to support.</w:t></w:r></w:p>"#,
            ),
        ),
        (
            "inline.docx".into(),
            docx(concat!(
                r#"<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:hyperlink r:id="rId1"><w:r><w:t>the local offer</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> now.</w:t></w:r></w:p>"#,
                r#"<w:p><w:r><w:t xml:space="preserve">Jo </w:t></w:r><w:ins w:id="5" w:author="Ann" w:date="2024-01-01T00:00:00Z"><w:r><w:t>may benefit from</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> help.</w:t></w:r></w:p>"#,
            )),
        ),
        ("modern.docx".into(), modern_docx()),
    ];
    if std::env::var_os("EHCP_CONSUMERS_WIDE").is_some() {
        // Every corpus file the other test uses (slow: LibreOffice converts each).
        for path in corpus_files() {
            let bytes = std::fs::read(&path).unwrap();
            if read_document(&bytes).is_ok() {
                let name = path
                    .strip_prefix(corpus_dir().unwrap())
                    .unwrap()
                    .display()
                    .to_string();
                inputs.push((name.replace(['/', ' '], "_"), bytes));
            }
        }
    } else if let Some(dir) = corpus_dir() {
        for rel in [
            "pandoc-gpl/comments.docx",
            "docx-rs/comment_in_delete_in_insert.docx",
            "open-xml-sdk/trackChange.docx",
            "docx4j/comments-one.docx",
            "open-xml-sdk/Comments with table.docx",
            "open-xml-sdk/crossTableComment.docx",
        ] {
            let path = dir.join(rel);
            if let Ok(bytes) = std::fs::read(&path) {
                inputs.push((rel.replace(['/', ' '], "_"), bytes));
            }
        }
    }
    // The sample plans with the real rules' findings.
    let mut reviews: BTreeMap<String, Review> = BTreeMap::new();
    for path in samples().into_iter().take(6) {
        let bytes = std::fs::read(&path).unwrap();
        let name = format!("sample_{}", path.file_name().unwrap().to_string_lossy());
        let review = ehcp_core::check(&bytes, &ehcp_core::Config::default()).unwrap();
        reviews.insert(name.clone(), review);
        inputs.push((name, bytes));
    }
    let out_dir =
        std::env::temp_dir().join(format!("ehcp-annotate-consumers-{}", std::process::id()));
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut manifest = Vec::new();
    for (name, input) in &inputs {
        let (output, findings) = match reviews.get(name) {
            Some(review) => {
                let options = AnnotateOptions::default();
                let once = annotate(input, review, &options).unwrap();
                let again = ehcp_core::check(&once, &ehcp_core::Config::default()).unwrap();
                // Annotated twice: what a consumer sees after a re-run.
                let output = annotate(&once, &again, &options).unwrap();
                // What the comment covers: the quote, or the heading (or the
                // document's first words) for a structural finding.
                let findings: Vec<Finding> = review
                    .findings
                    .iter()
                    .cloned()
                    .map(|mut f| {
                        if f.location.is_none() {
                            let heading = f
                                .section
                                .and_then(|id| review.plan.sections.iter().find(|s| s.id == id))
                                .and_then(|s| {
                                    s.heading_paragraph.or(s.paragraphs.first().copied())
                                });
                            let paragraph = heading.unwrap_or_else(|| {
                                let paragraphs = &review.document.paragraphs;
                                paragraphs
                                    .iter()
                                    .position(|p| !p.text.trim().is_empty())
                                    .unwrap()
                            });
                            f.quote = review.document.paragraphs[paragraph].text.trim().to_owned();
                        }
                        f
                    })
                    .collect();
                (output, findings)
            }
            None => {
                let document = read_document(input).unwrap();
                let mut findings = synthetic(&document);
                findings.retain(|f| f.location.is_some());
                let once = annotate_with(input, |_| findings.clone());
                // Annotated twice: what a consumer sees after a re-run.
                let output = annotate_with(&once, |_| findings.clone());
                (output, findings)
            }
        };
        let ids = check_output(input, &output);
        assert_eq!(ids.len(), findings.len());
        let original = read_document(input).unwrap();
        let original_main = part(input, &original.main_part).unwrap();
        std::fs::write(out_dir.join(name), &output).unwrap();
        let comments: Vec<String> = ids
            .iter()
            .zip(&findings)
            .map(|(id, f)| {
                let field = f.location.as_ref().is_some_and(|l| {
                    let xml = &original_main[original.paragraphs[l.paragraph].xml.clone()];
                    xml.contains("fldChar") || xml.contains("fldSimple")
                });
                format!(
                    "{{\"id\": {id}, \"rule\": {}, \"message\": {}, \"quote\": {}, \"field\": {field}}}",
                    json_string(f.rule),
                    json_string(&f.message),
                    json_string(&f.quote)
                )
            })
            .collect();
        manifest.push(format!(
            "{}: {{\"author\": {}, \"comments\": [{}]}}",
            json_string(name),
            json_string(AUTHOR),
            comments.join(", ")
        ));
    }
    std::fs::write(
        out_dir.join("manifest.json"),
        format!("{{{}}}", manifest.join(",\n")),
    )
    .unwrap();
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/annotated/check_consumers.py");
    let result = std::process::Command::new("python3")
        .arg(&script)
        .arg(&out_dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&result.stdout);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(
        result.status.success(),
        "consumers disagree ({}):\n{stdout}\n{stderr}",
        out_dir.display()
    );
    if std::env::var_os("EHCP_KEEP_CONSUMERS").is_none() {
        let _ = std::fs::remove_dir_all(&out_dir);
    }
}

#[test]
fn empty_paragraphs_content_controls_and_no_comment_style() {
    let body = concat!(
        r#"<w:p/>"#,
        r#"<w:p><w:sdt><w:sdtPr><w:alias w:val="Name"/></w:sdtPr><w:sdtContent><w:r><w:t>Alex Example</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> is nine.</w:t></w:r></w:p>"#,
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let input = zip_parts(&[
        ("[Content_Types].xml", CONTENT_TYPES.into()),
        ("_rels/.rels", ROOT_RELS.into()),
        ("word/document.xml", document),
    ]);
    let output = annotate_with(&input, |d| {
        assert_eq!(d.paragraphs[1].text, "Alex Example is nine.");
        vec![
            finding_at("a/empty", 0, 0..0, d),
            finding_at("a/control", 1, 0..4, d),
        ]
    });
    let main = part(&output, "word/document.xml").unwrap();
    assert!(
        main.contains(r#"<w:p><w:commentRangeStart w:id="0"/><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>"#),
        "{main}"
    );
    assert!(
        main.contains(r#"</w:sdt><w:r><w:commentReference w:id="1"/></w:r>"#),
        "{main}"
    );
    assert!(
        !main.contains("CommentReference"),
        "no character style to refer to"
    );
    // No document relationships part before: one is created, and typed.
    let rels = part(&output, "word/_rels/document.xml.rels").unwrap();
    assert!(rels.contains(r#"Target="comments.xml""#), "{rels}");
    check_output(&input, &output);
}

#[test]
fn people_s_comments_in_a_legacy_part_stay_and_ids_go_above_theirs() {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body><w:p><w:commentRangeStart w:id="41"/><w:r><w:t>Outcome one by July.</w:t></w:r><w:commentRangeEnd w:id="41"/><w:r><w:commentReference w:id="41"/></w:r></w:p><w:sectPr/></w:body></w:document>"#
    );
    // A person who used the tool's name but wrote no rule tag: not the tool's.
    let comments = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<w:comments xmlns:w="{W}">
  <w:comment w:id="41" w:author="EHCP Golden Thread" w:initials="GT"><w:p><w:r><w:t>I wrote this myself.</w:t></w:r></w:p></w:comment>
</w:comments>"#
    );
    let rels = DOC_RELS.replace(
        "</Relationships>",
        r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#,
    );
    let types = CONTENT_TYPES.replace(
        "</Types>",
        r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#,
    );
    let input = zip_parts(&[
        ("[Content_Types].xml", types),
        ("_rels/.rels", ROOT_RELS.into()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", rels),
        ("word/styles.xml", styles("w", W)),
        ("word/comments.xml", comments.clone()),
    ]);
    let findings = |d: &Document| vec![finding_at("outcomes/not-smart", 0, 0..11, d)];
    let once = annotate_with(&input, findings);
    let ids = check_output(&input, &once);
    assert_eq!(ids, BTreeSet::from([42]));
    let written = part(&once, "word/comments.xml").unwrap();
    assert!(
        written.starts_with(&comments[..comments.len() - "</w:comments>".len()]),
        "the existing bytes come first, unchanged"
    );
    // Relationship and content type were there already: not added twice.
    assert_eq!(
        count(
            &part(&once, "word/_rels/document.xml.rels").unwrap(),
            "relationships/comments"
        ),
        1
    );
    assert_eq!(
        part(&once, "[Content_Types].xml"),
        part(&input, "[Content_Types].xml")
    );
    let twice = annotate_with(&once, findings);
    assert_eq!(
        part(&once, "word/comments.xml"),
        part(&twice, "word/comments.xml")
    );
    assert_eq!(
        part(&once, "word/document.xml"),
        part(&twice, "word/document.xml")
    );
}

#[test]
fn a_review_of_another_document_is_refused() {
    let a = docx(r#"<w:p><w:r><w:t>One paragraph only.</w:t></w:r></w:p>"#);
    let b = docx(
        r#"<w:p><w:r><w:t>First.</w:t></w:r></w:p><w:p><w:r><w:t>Second paragraph, longer.</w:t></w:r></w:p>"#,
    );
    let document = read_document(&b).unwrap();
    let review = Review {
        findings: vec![finding_at("x/y", 1, 0..6, &document)],
        document,
        plan: Plan::default(),
        thread: ThreadGraph::default(),
    };
    let error = annotate(&a, &review, &AnnotateOptions::default()).unwrap_err();
    assert!(matches!(error, AnnotateError::ReviewMismatch(_)), "{error}");
}

#[test]
fn a_document_without_paragraphs_cannot_carry_a_comment() {
    let input = docx("");
    let review = Review {
        document: read_document(&input).unwrap(),
        plan: Plan::default(),
        thread: ThreadGraph::default(),
        findings: vec![structural("structure/missing-section", Some(SectionId::A))],
    };
    let error = annotate(&input, &review, &AnnotateOptions::default()).unwrap_err();
    assert!(matches!(error, AnnotateError::Unsupported(_)), "{error}");
    // With nothing to say, the document comes back as it was.
    let review = Review {
        findings: Vec::new(),
        ..review
    };
    let output = annotate(&input, &review, &AnnotateOptions::default()).unwrap();
    assert_eq!(raw_entries(&input), raw_entries(&output));
}

// ---------------------------------------------------------------- the sample plans, with the real rules

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "docx"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Every sample plan: checked with the real rules, annotated, checked again
/// from the annotated file and annotated again — the same findings, the same
/// comments, the same bytes.
#[test]
fn sample_plans_annotate_losslessly_and_idempotently() {
    let config = ehcp_core::Config::default();
    let files = samples();
    assert!(!files.is_empty(), "no sample plans in samples/");
    let mut comments = 0;
    for path in files {
        let name = path.display().to_string();
        let input = std::fs::read(&path).unwrap();
        let review = ehcp_core::check(&input, &config).unwrap_or_else(|e| panic!("{name}: {e}"));
        let options = AnnotateOptions::default();
        let once = annotate(&input, &review, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        let tool = check_output(&input, &once);
        assert_eq!(
            tool.len(),
            review.findings.len(),
            "{name}: one comment per finding"
        );
        comments += tool.len();
        let again = ehcp_core::check(&once, &config).unwrap();
        let quotes = |r: &Review| -> Vec<(String, String)> {
            r.findings
                .iter()
                .map(|f| (f.rule.to_owned(), f.quote.clone()))
                .collect()
        };
        assert_eq!(
            quotes(&review),
            quotes(&again),
            "{name}: the annotated file checks the same"
        );
        let twice = annotate(&once, &again, &options).unwrap();
        let tool_twice = check_output(&once, &twice);
        assert_eq!(tool.len(), tool_twice.len(), "{name}: not idempotent");
        for (x, y) in raw_entries(&once).iter().zip(&raw_entries(&twice)) {
            assert!(
                x.1 == y.1 || part(&once, &x.0) == part(&twice, &y.0),
                "{name}: {} differs on the second run",
                x.0
            );
        }
    }
    assert!(
        comments > 19,
        "the rules found almost nothing in the samples ({comments} comments)"
    );
    eprintln!("{comments} comments written on the sample plans");
}
