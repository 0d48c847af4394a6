//! The rules on the sample plans through the whole pipeline (read, extract,
//! link, check): clean samples raise no errors or warnings; each defect
//! sample raises the defects planted in it, as `samples/README.md` lists them.

use std::path::{Path, PathBuf};

use ehcp_core::config::Config;
use ehcp_core::finding::{Finding, Severity};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples")
}

fn check(file: &str) -> ehcp_core::Review {
    let path = samples().join(file);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    ehcp_core::check(&bytes, &Config::default()).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn render(findings: &[&Finding]) -> String {
    findings
        .iter()
        .map(|f| {
            format!(
                "  {} [{}] {} {:?} — {}",
                f.severity,
                f.rule,
                f.section.map_or("-".into(), |s| s.to_string()),
                f.quote,
                f.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One planted defect: a row of the README's table.
#[derive(Debug)]
struct Planted {
    rule: String,
    file: String,
    section: String,
    quote: Option<String>,
    secondary: bool,
}

fn planted() -> Vec<Planted> {
    let readme = std::env::var("EHCP_DEFECT_MANIFEST")
        .ok()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_else(|| {
            std::fs::read_to_string(samples().join("README.md")).expect("samples/README.md")
        });
    readme
        .lines()
        .filter(|l| l.starts_with("| `") && l.matches('|').count() >= 6)
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            // | rule | file | section | quote | note |
            let rule = cells.get(1)?.trim_matches('`');
            if !rule.contains('/') {
                return None;
            }
            let quote = cells.get(4)?.trim_matches('`');
            Some(Planted {
                rule: rule.to_owned(),
                file: cells.get(2)?.trim_matches('`').to_owned(),
                section: cells.get(3)?.to_string(),
                quote: (quote != "—").then(|| quote.to_owned()),
                secondary: cells.get(5).is_some_and(|n| n.contains("(secondary)")),
            })
        })
        .collect()
}

/// Every sample that is not a defect sample is written to be clean.
fn clean_samples() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(samples())
        .expect("samples/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".docx") && !n.starts_with("defects-"))
        .collect();
    files.sort();
    files
}

#[test]
fn clean_samples_raise_no_errors_or_warnings() {
    let files = clean_samples();
    assert!(files.len() >= 10, "clean samples: {files:?}");
    let mut problems = Vec::new();
    for file in &files {
        let review = check(file);
        let loud: Vec<&Finding> = review
            .findings
            .iter()
            .filter(|f| f.severity > Severity::Info)
            .collect();
        if !loud.is_empty() {
            problems.push(format!("{file}:\n{}", render(&loud)));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn defect_samples_raise_their_planted_defects() {
    let rows = planted();
    assert!(rows.len() >= 29, "README rows: {}", rows.len());
    let mut problems = Vec::new();
    let mut files: Vec<&str> = rows.iter().map(|r| r.file.as_str()).collect();
    files.sort_unstable();
    files.dedup();
    for file in files {
        let review = check(file);
        for row in rows.iter().filter(|r| r.file == file && !r.secondary) {
            let found = review.findings.iter().any(|f| {
                f.rule == row.rule
                    && match &row.quote {
                        Some(q) => {
                            f.quote.contains(q.as_str())
                                || q.contains(f.quote.as_str()) && !f.quote.is_empty()
                        }
                        None => true,
                    }
            });
            if !found {
                let own: Vec<&Finding> = review
                    .findings
                    .iter()
                    .filter(|f| f.rule == row.rule)
                    .collect();
                problems.push(format!(
                    "{file}: {} {} {:?} not found; that rule found:\n{}",
                    row.rule,
                    row.section,
                    row.quote,
                    render(&own)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// Prints the plan read from a sample and its links (for investigating a
/// finding): `EHCP_SAMPLE=claire.docx cargo test --test samples show -- --nocapture`.
#[test]
fn show_sample_when_asked() {
    let Ok(file) = std::env::var("EHCP_SAMPLE") else {
        return;
    };
    let review = if file.starts_with('/') {
        let bytes = std::fs::read(&file).expect("file");
        ehcp_core::check(&bytes, &Config::default()).expect("readable")
    } else {
        check(&file)
    };
    for p in &review.plan.provision {
        eprintln!(
            "PROV {} {:?} | who={:?} freq={:?} dur={:?} group={:?} what={:?} cell={:?}",
            p.item.id, p.item.text, p.who, p.frequency, p.duration, p.group, p.what, p.item.cell
        );
    }
    for n in &review.plan.needs {
        eprintln!(
            "NEED {} {:?} heading={:?} cell={:?}",
            n.item.id, n.item.text, n.item.heading, n.item.cell
        );
    }
    for o in &review.plan.outcomes {
        let list = o
            .item
            .first_paragraph()
            .and_then(|p| review.document.paragraphs[p].list.clone());
        eprintln!(
            "OUT {} {:?} tf={:?} term={:?} list={:?}",
            o.item.id, o.item.text, o.time_frame, o.term, list
        );
    }
    for a in &review.plan.aspirations {
        eprintln!("ASP {} {:?}", a.id, a.text);
    }
    for a in &review.plan.advice {
        eprintln!("ADV {} {:?} {:?}", a.item.id, a.item.text, a.date);
    }
    for l in &review.thread.links {
        eprintln!(
            "LINK {} -> {} {:?} {:.2} {}",
            l.from, l.to, l.evidence, l.score, l.detail
        );
    }
    for l in &review.thread.weak_links {
        eprintln!("WEAK {} -> {} {:.2} {}", l.from, l.to, l.score, l.detail);
    }
}

/// Generated plans (`make-samples --corpus DIR`): plans with nothing planted
/// raise no errors or warnings, and each planted rule fires. Runs when
/// `EHCP_CORPUS_DIR` points at such a folder (its `corpus.tsv` lists them).
#[test]
fn generated_corpus_when_asked() {
    let Ok(dir) = std::env::var("EHCP_CORPUS_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let tsv = std::fs::read_to_string(dir.join("corpus.tsv")).expect("corpus.tsv");
    let mut false_alarms: std::collections::BTreeMap<String, usize> = Default::default();
    let mut misses: std::collections::BTreeMap<String, usize> = Default::default();
    let mut examples: Vec<String> = Vec::new();
    let mut plans = 0;
    for line in tsv.lines().skip(1) {
        let mut cells = line.split('\t');
        let (Some(file), Some(layout)) = (cells.next(), cells.next()) else {
            continue;
        };
        let planted: Vec<&str> = cells
            .next()
            .unwrap_or("")
            .split(',')
            .filter(|s| !s.is_empty())
            .collect();
        let bytes = std::fs::read(dir.join(file)).expect("plan");
        let review = ehcp_core::check(&bytes, &Config::default()).expect("readable");
        plans += 1;
        for f in review
            .findings
            .iter()
            .filter(|f| f.severity > Severity::Info)
        {
            if !planted.contains(&f.rule) {
                *false_alarms
                    .entry(format!("{} ({layout})", f.rule))
                    .or_default() += 1;
                if examples.len() < 400 {
                    examples.push(format!(
                        "{file} {layout}: {} {:?} — {}",
                        f.rule, f.quote, f.message
                    ));
                }
            }
        }
        for rule in planted {
            if !review.findings.iter().any(|f| f.rule == rule) {
                *misses.entry(format!("{rule} ({layout})")).or_default() += 1;
                if examples.len() < 400 {
                    examples.push(format!("{file} {layout}: MISSED {rule}"));
                }
            }
        }
    }
    assert!(
        false_alarms.is_empty() && misses.is_empty(),
        "{plans} plans\nfalse alarms: {false_alarms:#?}\nmisses: {misses:#?}\n{}",
        examples.join("\n")
    );
}

/// Per-rule precision and recall on a generated corpus (`make-samples
/// --corpus DIR`, `EHCP_CORPUS_DIR=DIR`), counted per plan: a rule "fires"
/// on a plan when it reports at its default severity (a finding the rule
/// marks as unsure, info below its default, does not count). Prints the
/// table; run with `--ignored --nocapture`.
#[test]
#[ignore = "needs a generated corpus in EHCP_CORPUS_DIR; prints a table"]
fn generated_corpus_precision_recall() {
    let Ok(dir) = std::env::var("EHCP_CORPUS_DIR") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let tsv = std::fs::read_to_string(dir.join("corpus.tsv")).expect("corpus.tsv");
    // rule -> (true positives, false positives, false negatives)
    let mut counts: std::collections::BTreeMap<&'static str, (usize, usize, usize)> =
        ehcp_core::rules::REGISTRY
            .iter()
            .map(|r| (r.doc().id, (0, 0, 0)))
            .collect();
    let mut examples: Vec<String> = Vec::new();
    let mut plans = 0;
    let (mut clean, mut clean_alarmed) = (0, 0);
    for line in tsv.lines().skip(1) {
        let mut cells = line.split('\t');
        let (Some(file), Some(layout)) = (cells.next(), cells.next()) else {
            continue;
        };
        let planted: Vec<&str> = cells
            .next()
            .unwrap_or("")
            .split(',')
            .filter(|s| !s.is_empty())
            .collect();
        let bytes = std::fs::read(dir.join(file)).expect("plan");
        let review = ehcp_core::check(&bytes, &Config::default()).expect("readable");
        plans += 1;
        if planted.is_empty() {
            clean += 1;
            if review.findings.iter().any(|f| f.severity > Severity::Info) {
                clean_alarmed += 1;
                examples.push(format!("CLEAN {file} {layout} has errors or warnings"));
            }
        }
        for rule in ehcp_core::rules::REGISTRY {
            let doc = rule.doc();
            let fired: Vec<&Finding> = review
                .findings
                .iter()
                .filter(|f| f.rule == doc.id && f.severity >= doc.severity)
                .collect();
            let is_planted = planted.contains(&doc.id);
            let c = counts.get_mut(doc.id).expect("rule");
            match (is_planted, !fired.is_empty()) {
                (true, true) => c.0 += 1,
                (false, true) => {
                    c.1 += 1;
                    if std::env::var("EHCP_CORPUS_SHOW")
                        .is_ok_and(|s| s.split(',').any(|x| x == doc.id))
                    {
                        examples.push(format!(
                            "FP {file} {layout}: {:?} — {}",
                            fired[0].quote, fired[0].message
                        ));
                    }
                }
                (true, false) => {
                    c.2 += 1;
                    if std::env::var("EHCP_CORPUS_SHOW")
                        .is_ok_and(|s| s.split(',').any(|x| x == doc.id))
                    {
                        examples.push(format!("FN {file} {layout} {}", doc.id));
                    }
                }
                (false, false) => {}
            }
        }
    }
    eprintln!("{plans} plans; clean plans with errors or warnings: {clean_alarmed} of {clean}");
    eprintln!(
        "{:<40} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "rule", "tp", "fp", "fn", "precision", "recall"
    );
    let ratio = |a: usize, b: usize| {
        if a + b == 0 {
            "-".to_owned()
        } else {
            format!("{:.2}", a as f64 / (a + b) as f64)
        }
    };
    for (rule, (tp, fp, fn_)) in &counts {
        eprintln!(
            "{rule:<40} {tp:>4} {fp:>4} {fn_:>4} {:>9} {:>7}",
            ratio(*tp, *fp),
            ratio(*tp, *fn_)
        );
    }
    for e in examples.iter().take(200) {
        eprintln!("{e}");
    }
}
