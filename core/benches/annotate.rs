//! Annotating a plan with 50 findings, beside the time `check` takes on the
//! same document. Aim: annotate no slower than check.
//!
//! The document is generated (an EHCP-shaped plan of ~400 paragraphs with
//! formatted runs, a hyperlink and a table), so the benchmark needs no
//! sample files. Run: `cargo bench -p ehcp-core --bench annotate`.

use std::hint::black_box;
use std::io::{Cursor, Write};

use criterion::{Criterion, criterion_group, criterion_main};
use ehcp_core::annotate::{AnnotateOptions, annotate};
use ehcp_core::finding::{Finding, Location, Severity};
use ehcp_core::{Config, Review, check, read_document};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn plan_docx() -> Vec<u8> {
    let mut body = String::new();
    let sections = [
        "Section A: The views, interests and aspirations of the child",
        "Section B: Special educational needs",
        "Section C: Health needs",
        "Section D: Social care needs",
        "Section E: Outcomes",
        "Section F: Special educational provision",
        "Section G: Health provision",
        "Section H1: Social care provision",
        "Section I: Placement",
        "Section J: Personal budget",
        "Section K: Advice and information",
    ];
    for (s, heading) in sections.iter().enumerate() {
        body.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{heading}</w:t></w:r></w:p>"#
        ));
        for i in 0..36 {
            body.push_str(&format!(
                concat!(
                    r#"<w:p w:rsidR="00A1B2C3"><w:pPr><w:spacing w:after="120"/></w:pPr>"#,
                    r#"<w:r><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">Item {s}.{i}: Jo will have access to </w:t></w:r>"#,
                    r#"<w:r><w:rPr><w:b/><w:sz w:val="22"/></w:rPr><w:t>speech and language therapy</w:t></w:r>"#,
                    r#"<w:r><w:rPr><w:sz w:val="22"/></w:rPr><w:t xml:space="preserve"> as appropriate, delivered by a qualified therapist &amp; reviewed termly.</w:t></w:r>"#,
                    r#"</w:p>"#
                ),
                s = s,
                i = i
            ));
        }
        body.push_str(r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Provision</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Frequency</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#);
    }
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_owned()),
        ("word/document.xml", document),
    ];
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        writer.start_file(name, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// 50 findings on real paragraphs: quotes inside runs and across runs.
fn review_with_50_findings(bytes: &[u8]) -> Review {
    let document = read_document(bytes).expect("the generated plan reads");
    let body: Vec<usize> = document
        .paragraphs
        .iter()
        .filter(|p| p.text.starts_with("Item"))
        .map(|p| p.index)
        .collect();
    let findings = (0..50)
        .map(|n| {
            let paragraph = body[(n * 7) % body.len()];
            let text = &document.paragraphs[paragraph].text;
            let start = text.find("access").unwrap();
            let end = text.find("as appropriate").unwrap() + "as appropriate".len();
            Finding {
                rule: "provision/vague-wording",
                severity: Severity::Warning,
                section: None,
                location: Some(Location {
                    paragraph,
                    range: start..end,
                }),
                quote: text[start..end].to_owned(),
                message:
                    "\"as appropriate\" leaves the amount of provision to someone's judgement."
                        .into(),
                help: "State who provides it, how often and for how long.".into(),
                reference: Some("CoP 9.69"),
                item: None,
                confidence: 1.0,
            }
        })
        .collect();
    Review {
        document,
        plan: Default::default(),
        thread: Default::default(),
        findings,
    }
}

fn bench(c: &mut Criterion) {
    let bytes = plan_docx();
    let review = review_with_50_findings(&bytes);
    let options = AnnotateOptions::default();
    let config = Config::default();
    let mut group = c.benchmark_group("plan of 400 paragraphs");
    group.bench_function("check", |b| b.iter(|| check(black_box(&bytes), &config)));
    group.bench_function("annotate 50 findings", |b| {
        b.iter(|| annotate(black_box(&bytes), &review, &options).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
