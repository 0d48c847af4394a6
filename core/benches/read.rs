//! `read_document` on a plan-sized document, beside "the floor": unzip the
//! main part and tokenize it with quick-xml, nothing more. The reader should
//! stay within 3× of the floor. The breakdown (inflating every part read,
//! the body reader alone, tokenizing alone, styles and numbering) shows
//! where the rest goes.
//!
//! The document is `samples/claire.docx` when present, else one built here
//! with the shape of an EHCP: headings, numbered outcomes, tables of needs,
//! outcomes and provision, content controls, a tracked change and a field.

use std::hint::black_box;
use std::io::{Cursor, Read, Write};
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use quick_xml::Reader;
use quick_xml::events::Event;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn plan_docx() -> Vec<u8> {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples/claire.docx");
    if let Ok(bytes) = std::fs::read(&sample) {
        return bytes;
    }
    let mut body = String::new();
    let heading = |t: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
        )
    };
    let para = |t: &str| {
        format!(
            r#"<w:p w:rsidR="00A1B2C3"><w:r w:rsidR="00A1B2C3"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{t}</w:t></w:r></w:p>"#
        )
    };
    let cell = |t: &str| {
        format!(
            r#"<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{}</w:tc>"#,
            para(t)
        )
    };
    body.push_str(&heading("Education, Health and Care Plan"));
    body.push_str(r#"<w:sdt><w:sdtPr><w:alias w:val="Child's name"/><w:tag w:val="name"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Claire Example</w:t></w:r></w:p></w:sdtContent></w:sdt>"#);
    for section in ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"] {
        body.push_str(&heading(&format!(
            "Section {section}: The child's needs and provision"
        )));
        for i in 0..12 {
            body.push_str(&para(&format!(
                "Claire finds it hard to follow spoken instructions in a busy classroom &amp; needs adults to check understanding ({section}.{i})."
            )));
        }
        body.push_str(r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>By the end of Key Stage 2, Claire will read aloud with fluency.</w:t></w:r><w:ins w:id="1" w:author="CW"><w:r><w:t> Reviewed termly.</w:t></w:r></w:ins></w:p>"#);
        body.push_str(r#"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#);
        body.push_str("<w:tbl><w:tblPr><w:tblW w:w=\"9000\" w:type=\"dxa\"/></w:tblPr>");
        body.push_str(&format!(
            "<w:tr><w:trPr><w:tblHeader/></w:trPr>{}{}{}</w:tr>",
            cell("Need"),
            cell("Outcome"),
            cell("Provision")
        ));
        for r in 0..6 {
            body.push_str(&format!(
                "<w:tr>{}{}{}</w:tr>",
                cell(&format!("Need {r}: speech, language and communication")),
                cell(&format!(
                    "Outcome {r}: Claire will use a visual timetable independently"
                )),
                cell(&format!(
                    "Provision {r}: 30 minutes weekly with a speech and language therapist"
                ))
            ));
        }
        body.push_str("</w:tbl>");
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles = format!(
        r#"<w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let ct = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let doc_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in [
        ("[Content_Types].xml", ct.to_owned()),
        ("_rels/.rels", rels.to_owned()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", doc_rels.to_owned()),
        ("word/styles.xml", styles),
        ("word/numbering.xml", numbering),
    ] {
        zip.start_file(name, options).unwrap();
        zip.write_all(data.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The floor: inflate the main part and tokenize it, nothing more.
fn floor(bytes: &[u8], main_part: &str) -> usize {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut xml = Vec::new();
    archive
        .by_name(main_part)
        .unwrap()
        .read_to_end(&mut xml)
        .unwrap();
    let mut reader = Reader::from_reader(xml.as_slice());
    let mut events = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => events += 1,
        }
    }
    events
}

fn bench(c: &mut Criterion) {
    let bytes = plan_docx();
    let doc = ehcp_core::read_document(&bytes).expect("the bench document reads");
    eprintln!(
        "bench document: {} bytes, {} paragraphs, {} tables, main part {}",
        bytes.len(),
        doc.paragraphs.len(),
        doc.tables.len(),
        doc.main_part
    );
    let main = doc.main_part.clone();
    let mut group = c.benchmark_group("plan");
    group.bench_function("floor: unzip + tokenize", |b| {
        b.iter(|| floor(black_box(&bytes), &main))
    });
    group.bench_function("read_document", |b| {
        b.iter(|| ehcp_core::read_document(black_box(&bytes)).unwrap())
    });
    let part = |name: &str| -> String {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
        let mut xml = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    };
    let main_xml = part(&main);
    if main != "word/document.xml" {
        group.finish();
        return;
    }
    let styles_xml = part("word/styles.xml");
    let numbering_xml = part("word/numbering.xml");
    let (styles, _) = ehcp_core::docx::styles::Styles::parse(&styles_xml);
    let (numbering, _) = ehcp_core::docx::numbering::Numbering::parse(&numbering_xml);
    group.bench_function("parts: inflate the 7 parts read", |b| {
        b.iter(|| {
            let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
            let mut n = 0;
            for name in [
                "[Content_Types].xml",
                "_rels/.rels",
                "word/document.xml",
                "word/_rels/document.xml.rels",
                "word/styles.xml",
                "word/numbering.xml",
                "word/footer1.xml",
            ] {
                let mut xml = Vec::new();
                if let Ok(mut file) = archive.by_name(name) {
                    file.read_to_end(&mut xml).unwrap();
                }
                n += xml.len();
            }
            n
        })
    });
    group.bench_function("body reader only (main part)", |b| {
        b.iter(|| {
            let mut doc = ehcp_core::Document::default();
            ehcp_core::docx::body::read_body(
                &main_xml,
                "word/document.xml",
                &styles,
                &numbering,
                &mut doc,
            )
            .unwrap();
            doc
        })
    });
    group.bench_function("tokenize main part only", |b| {
        b.iter(|| {
            let mut reader = Reader::from_str(&main_xml);
            let mut events = 0;
            loop {
                match reader.read_event() {
                    Ok(Event::Eof) | Err(_) => break,
                    Ok(_) => events += 1,
                }
            }
            events
        })
    });
    group.bench_function("styles + numbering parse", |b| {
        b.iter(|| {
            (
                ehcp_core::docx::styles::Styles::parse(&styles_xml),
                ehcp_core::docx::numbering::Numbering::parse(&numbering_xml),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
