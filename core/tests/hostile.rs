//! Hostile inputs, built in the test: zip bombs (declared and real), XML
//! entity bombs and external entities, truncated zips, a huge document, deep
//! table nesting, packages that are not Word documents. Each must give a
//! typed error or a sane `Document`, quickly and in bounded memory.

use std::io::{Cursor, Write};

use ehcp_core::docx::DocumentKind;
use ehcp_core::{ReadError, read_document};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const DOCUMENT_CT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

fn content_types(main_ct: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{main_ct}"/></Types>"#
    )
}

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .large_file(false);
    for (name, bytes) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn docx_with(document_xml: &[u8]) -> Vec<u8> {
    let ct = content_types(DOCUMENT_CT);
    zip_of(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", document_xml),
    ])
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
    )
}

/// Rewrites the uncompressed size of every entry named `name`, in the
/// local header and the central directory: a zip that lies about its size.
fn declare_size(mut zip: Vec<u8>, name: &str, size: u32) -> Vec<u8> {
    let name = name.as_bytes();
    let mut i = 0;
    while i + 46 <= zip.len() {
        if zip[i..].starts_with(b"PK\x03\x04") {
            let n = u16::from_le_bytes([zip[i + 26], zip[i + 27]]) as usize;
            if zip.get(i + 30..i + 30 + n) == Some(name) {
                zip[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
            }
        } else if zip[i..].starts_with(b"PK\x01\x02") {
            let n = u16::from_le_bytes([zip[i + 28], zip[i + 29]]) as usize;
            if zip.get(i + 46..i + 46 + n) == Some(name) {
                zip[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
            }
        }
        i += 1;
    }
    zip
}

#[test]
fn a_sane_package_reads() {
    let doc = read_document(&docx_with(
        document("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>").as_bytes(),
    ))
    .unwrap();
    assert_eq!(doc.paragraphs.len(), 1);
    assert_eq!(doc.paragraphs[0].text, "Hello");
    assert_eq!(doc.kind, DocumentKind::Document);
}

#[test]
fn a_part_declaring_a_gibibyte_is_refused_before_inflating() {
    let zip = docx_with(document("<w:p/>").as_bytes());
    let bomb = declare_size(zip, "word/document.xml", 1 << 30);
    match read_document(&bomb) {
        Err(ReadError::TooLarge(m)) => assert!(
            m.contains("word/document.xml") || m.contains("unpack"),
            "{m}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_package_declaring_too_much_in_total_is_refused() {
    let image = vec![7u8; 1000];
    let ct = content_types(DOCUMENT_CT);
    let doc = document("<w:p/>");
    let zip = zip_of(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("word/media/a.bin", &image),
        ("word/media/b.bin", &image),
    ]);
    let zip = declare_size(zip, "word/media/a.bin", 200 << 20);
    let zip = declare_size(zip, "word/media/b.bin", 200 << 20);
    assert!(matches!(read_document(&zip), Err(ReadError::TooLarge(m)) if m.contains("MiB")));
}

#[test]
fn a_real_highly_compressed_part_is_refused() {
    // 16 MiB of one paragraph repeated compresses far beyond 200:1.
    let mut body = String::with_capacity(16 << 20);
    while body.len() < 16 << 20 {
        body.push_str("<w:p/>");
    }
    let zip = docx_with(document(&body).as_bytes());
    assert!(
        zip.len() < 1 << 20,
        "the bomb is small: {} bytes",
        zip.len()
    );
    match read_document(&zip) {
        Err(ReadError::TooLarge(m)) => assert!(m.contains("word/document.xml"), "{m}"),
        other => panic!("{:?}", other.map(|d| d.paragraphs.len())),
    }
}

#[test]
fn a_part_lying_about_its_size_is_stopped_while_inflating() {
    let mut body = String::with_capacity(4 << 20);
    while body.len() < 4 << 20 {
        body.push_str("<w:p/>");
    }
    let zip = docx_with(document(&body).as_bytes());
    let liar = declare_size(zip, "word/document.xml", 1000);
    assert!(matches!(
        read_document(&liar),
        Err(ReadError::TooLarge(_) | ReadError::Damaged(_))
    ));
}

#[test]
fn billion_laughs_is_never_expanded() {
    let mut dtd = String::from(r#"<!DOCTYPE w:document [<!ENTITY lol "lol">"#);
    for i in 1..=9 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        dtd.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    dtd.push_str("]>");
    let xml = format!(
        r#"<?xml version="1.0"?>{dtd}<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>a&lol9;b</w:t></w:r></w:p></w:body></w:document>"#
    );
    let started = std::time::Instant::now();
    let result = read_document(&docx_with(xml.as_bytes()));
    assert!(started.elapsed().as_secs() < 5);
    match result {
        Ok(doc) => {
            assert_eq!(doc.paragraphs[0].text, "ab");
            assert!(doc.warnings.iter().any(|w| w.message.contains("&lol9;")));
        }
        Err(e) => assert!(matches!(e, ReadError::MalformedXml { .. }), "{e:?}"),
    }
}

#[test]
fn an_external_entity_is_never_read() {
    let xml = format!(
        r#"<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let doc = read_document(&docx_with(xml.as_bytes())).unwrap();
    assert_eq!(doc.paragraphs[0].text, "");
    assert!(doc.warnings.iter().any(|w| w.message.contains("DOCTYPE")));
}

#[test]
fn a_truncated_zip_is_damaged() {
    let zip = docx_with(document(&"<w:p><w:r><w:t>text</w:t></w:r></w:p>".repeat(200)).as_bytes());
    for cut in [zip.len() / 2, zip.len() - 10, 30] {
        match read_document(&zip[..cut]) {
            Err(ReadError::Damaged(_)) => {}
            other => panic!("cut at {cut}: {:?}", other.map(|d| d.paragraphs.len())),
        }
    }
}

#[test]
fn a_hundred_thousand_paragraphs_read() {
    let body = (0..100_000)
        .map(|i| format!("<w:p><w:r><w:t>Paragraph {i}</w:t></w:r></w:p>"))
        .collect::<String>();
    let doc = read_document(&docx_with(document(&body).as_bytes())).unwrap();
    assert_eq!(doc.paragraphs.len(), 100_000);
    assert_eq!(doc.paragraphs[99_999].text, "Paragraph 99999");
}

fn nested_tables(depth: usize) -> String {
    let mut body = String::new();
    for _ in 0..depth {
        body.push_str("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>");
    }
    for _ in 0..depth {
        body.push_str("</w:tc></w:tr></w:tbl>");
    }
    body
}

#[test]
fn tables_nested_deeply_do_not_overflow_the_stack() {
    for depth in [200, 5000] {
        let doc = read_document(&docx_with(document(&nested_tables(depth)).as_bytes())).unwrap();
        assert_eq!(doc.tables.len(), depth);
        assert_eq!(doc.tables[depth - 1].depth, depth - 1);
        assert_eq!(doc.paragraphs.len(), depth);
        assert_eq!(doc.paragraphs[depth - 1].cell.unwrap().table, depth - 1);
    }
}

#[test]
fn a_spreadsheet_is_not_a_word_document() {
    let ct =
        content_types("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    let zip = zip_of(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", b"<workbook/>"),
    ]);
    assert!(
        matches!(read_document(&zip), Err(ReadError::NotAWordDocument(m)) if m.contains("spreadsheet"))
    );
}

#[test]
fn a_plain_zip_is_not_a_word_document() {
    let zip = zip_of(&[("notes.txt", b"hello")]);
    assert!(matches!(
        read_document(&zip),
        Err(ReadError::NotAWordDocument(_))
    ));
}

#[test]
fn broken_main_xml_names_the_part() {
    let zip = docx_with(document("<w:p><w:r><w:t>x</w:r>").as_bytes());
    assert!(
        matches!(read_document(&zip), Err(ReadError::MalformedXml { part, .. }) if part == "word/document.xml")
    );
}

#[test]
fn broken_styles_are_a_warning() {
    let ct = content_types(DOCUMENT_CT);
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="/word/missing.xml"/></Relationships>"#;
    let doc = document("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
    let zip = zip_of(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("word/document.xml", doc.as_bytes()),
        ("word/_rels/document.xml.rels", rels.as_bytes()),
        ("word/styles.xml", b"<w:styles xmlns:w=\"x\"><w:style>"),
    ]);
    let doc = read_document(&zip).unwrap();
    assert_eq!(doc.paragraphs[0].text, "x");
    assert!(doc.warnings.iter().any(|w| w.part == "word/styles.xml"));
    assert!(doc.warnings.iter().any(|w| w.part == "word/missing.xml"));
}

#[test]
fn a_flat_opc_document_reads() {
    let xml = format!(
        "\u{FEFF}<?xml version=\"1.0\" standalone=\"yes\"?>\n<?mso-application progid=\"Word.Document\"?>\n\
        <pkg:package xmlns:pkg=\"http://schemas.microsoft.com/office/2006/xmlPackage\">\
        <pkg:part pkg:name=\"/_rels/.rels\" pkg:contentType=\"application/vnd.openxmlformats-package.relationships+xml\"><pkg:xmlData>{ROOT_RELS}</pkg:xmlData></pkg:part>\
        <pkg:part pkg:name=\"/word/document.xml\" pkg:contentType=\"{DOCUMENT_CT}\"><pkg:xmlData><w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>From getOoxml</w:t></w:r></w:p></w:body></w:document></pkg:xmlData></pkg:part>\
        <pkg:part pkg:name=\"/word/media/image1.png\" pkg:contentType=\"image/png\"><pkg:binaryData>iVBORw0K\nGgo=</pkg:binaryData></pkg:part>\
        </pkg:package>"
    );
    let doc = read_document(xml.as_bytes()).unwrap();
    assert_eq!(doc.kind, DocumentKind::FlatOpc);
    assert_eq!(doc.main_part, "word/document.xml");
    assert_eq!(doc.paragraphs[0].text, "From getOoxml");
}

#[test]
fn garbage_is_never_a_panic() {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let base = docx_with(document("<w:p><w:r><w:t>Hello</w:t></w:r></w:p>").as_bytes());
    for _ in 0..300 {
        let mut bytes = base.clone();
        for _ in 0..8 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let i = (seed as usize) % bytes.len();
            bytes[i] = (seed >> 32) as u8;
        }
        let _ = read_document(&bytes);
    }
}

#[test]
fn odd_but_valid_packages_read() {
    // Strict relationship type, absolute percent-encoded target, no
    // [Content_Types].xml, and a part name in another case.
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/Word/My%20Plan.xml"/></Relationships>"#;
    let doc_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/header" Target="../word/sub/../header1.xml"/></Relationships>"#;
    let strict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    let main = format!(
        r#"<s:document xmlns:s="{strict}"><s:body><s:p><s:r><s:t>Strict</s:t></s:r></s:p></s:body></s:document>"#
    );
    let header =
        format!(r#"<s:hdr xmlns:s="{strict}"><s:p><s:r><s:t>Sam Smith</s:t></s:r></s:p></s:hdr>"#);
    let zip = zip_of(&[
        ("_rels/.rels", rels.as_bytes()),
        ("word/my plan.xml", main.as_bytes()),
        ("word/_rels/My Plan.xml.rels", doc_rels.as_bytes()),
        ("word/header1.xml", header.as_bytes()),
    ]);
    let doc = read_document(&zip).unwrap();
    assert_eq!(doc.main_part, "word/my plan.xml");
    assert_eq!(doc.paragraphs[0].text, "Strict");
    assert_eq!(doc.header_footer_text, ["Sam Smith"]);
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("content type"))
    );
}

#[test]
fn a_missing_main_part_is_damaged() {
    let ct = content_types(DOCUMENT_CT);
    let zip = zip_of(&[
        ("[Content_Types].xml", ct.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
    ]);
    assert!(
        matches!(read_document(&zip), Err(ReadError::Damaged(m)) if m.contains("word/document.xml"))
    );
}
