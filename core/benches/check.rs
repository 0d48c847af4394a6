//! `check` beside `extract` and the floor (unzip the main part and tokenize
//! it), on typical sample plans and on one large plan (200 needs, 400
//! outcomes, 600 provision rows) that stresses linking. The aim is for check
//! to stay within 2× of extract. A [`Checker`] is built once, as `ehcp batch`
//! does, so the numbers are the per-plan cost.

use std::hint::black_box;
use std::io::{Cursor, Read};
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use ehcp_core::{Checker, Config};
use quick_xml::Reader;
use quick_xml::events::Event;

/// Unzips the main part and tokenizes it, nothing more.
fn floor(bytes: &[u8]) -> usize {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut xml = Vec::new();
    zip.by_name("word/document.xml")
        .expect("main part")
        .read_to_end(&mut xml)
        .expect("inflate");
    let mut reader = Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    let mut events = 0;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => events += 1,
        }
        buf.clear();
    }
    events
}

fn bench(c: &mut Criterion) {
    let checker = Checker::new(&Config::default());
    let options = Config::default()
        .extract_options()
        .expect("default options");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
    let mut plans: Vec<(String, Vec<u8>)> = [
        "claire.docx",
        "numbered-references.docx",
        "defects-provision.docx",
    ]
    .iter()
    .map(|name| {
        let bytes = std::fs::read(samples.join(name)).expect("sample plan");
        ((*name).to_owned(), bytes)
    })
    .collect();
    plans.push((
        "large-200-needs.docx".into(),
        ehcp_samples::corpus::large().to_bytes(),
    ));

    for (name, bytes) in &plans {
        let mut group = c.benchmark_group(name.as_str());
        if !name.starts_with("large") {
            group.bench_function("floor", |b| b.iter(|| floor(black_box(bytes))));
        } else {
            group.sample_size(10);
        }
        group.bench_function("extract", |b| {
            b.iter(|| ehcp_core::extract(black_box(bytes), &options).expect("readable"))
        });
        group.bench_function("check", |b| {
            b.iter(|| checker.check(black_box(bytes)).expect("readable"))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
