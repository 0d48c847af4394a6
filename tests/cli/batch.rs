//! `ehcp batch`: a folder with good and bad files, escaping, CSV, re-runs,
//! concurrency, glob input, annotated and converted copies.

use std::fs;
use std::path::{Path, PathBuf};

use crate::*;

/// A folder of plans: good ones (one in a subfolder), a corrupt zip, an
/// old .doc, a password-protected file, a text file renamed .docx, a
/// hostile plan with a formula-like name.
fn caseload() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir_all(plans.join("year 7")).unwrap();
    fs::copy(sample("claire.docx"), plans.join("year 7/claire.docx")).unwrap();
    fs::copy(sample("defects-provision.docx"), plans.join("defects.docx")).unwrap();
    fs::copy(sample("heading-styles.docx"), plans.join("amir.docx")).unwrap();
    let mut corrupt = fs::read(sample("claire.docx")).unwrap();
    corrupt.truncate(corrupt.len() / 3);
    fs::write(plans.join("corrupt.docx"), corrupt).unwrap();
    fs::write(plans.join("old.doc"), ole_bytes()).unwrap();
    fs::copy(encrypted_file(), plans.join("protected.docx")).unwrap();
    fs::write(plans.join("notes.docx"), "just some text\n").unwrap();
    fs::write(plans.join("=cmd.docx"), hostile_plan()).unwrap();
    fs::write(plans.join("readme.txt"), "not a plan").unwrap();
    (dir, plans)
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn all_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.is_file())
        .collect()
}

#[test]
fn a_mixed_folder_is_reported_in_full_and_exits_2() {
    let (dir, plans) = caseload();
    let originals: Vec<(PathBuf, Vec<u8>)> = all_files(&plans)
        .into_iter()
        .map(|p| {
            let d = digest(&p);
            (p, d)
        })
        .collect();
    let out_dir = dir.path().join("report");
    let out = ehcp(&["batch", s(&plans), "--out", s(&out_dir), "--jobs", "2"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stdout.contains("4 plans checked"), "{}", out.stdout);
    assert!(out.stdout.contains("4 could not be read"), "{}", out.stdout);

    let summary = read_csv(&out_dir.join("summary.csv"));
    assert_eq!(
        summary[0][..6],
        ["file", "child", "status", "errors", "warnings", "infos"]
    );
    assert_eq!(
        summary[0][6..18],
        ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"]
    );
    let files: Vec<&str> = summary[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        files,
        [
            "'=cmd.docx",
            "amir.docx",
            "defects.docx",
            "year 7/claire.docx"
        ]
    );
    for row in &summary[1..] {
        assert!(
            row[6..18]
                .iter()
                .all(|c| ["red", "amber", "green"].contains(&c.as_str())),
            "{row:?}"
        );
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "formula cell {cell:?}"
            );
        }
    }
    let claire = summary
        .iter()
        .find(|r| r[0] == "year 7/claire.docx")
        .unwrap();
    assert_eq!(claire[1], "Claire Robinson");

    let failures = read_csv(&out_dir.join("failures.csv"));
    assert_eq!(failures[0], ["file", "reason"]);
    let reasons: std::collections::BTreeMap<&str, &str> = failures[1..]
        .iter()
        .map(|r| (r[0].as_str(), r[1].as_str()))
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reasons["old.doc"].contains("Word 97-2003"));
    assert!(reasons["protected.docx"].contains("password-protected"));
    assert!(reasons["notes.docx"].contains("not a Word document"));
    assert!(
        reasons["corrupt.docx"].contains("damaged")
            || reasons["corrupt.docx"].contains("not a Word document"),
        "{}",
        reasons["corrupt.docx"]
    );

    for row in &summary[1..] {
        // The report's names are made safe ("=cmd.docx" → "_cmd.docx").
        let json = out_dir.join(row.last().unwrap());
        let value: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&json).unwrap()).unwrap();
        assert_eq!(value["file"], row[0].trim_start_matches('\''));
        validate("check.schema.json", &value);
        assert!(json.with_extension("html").is_file());
    }
    assert!(out_dir.join("plans/_cmd.docx.json").is_file());
    let index = fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert_eq!(
        index.matches("<tr data-level=").count(),
        4,
        "one heat-map row per plan"
    );
    for file in [
        "old.doc",
        "protected.docx",
        "notes.docx",
        "corrupt.docx",
        "amir.docx",
        "year 7/claire.docx",
    ] {
        assert!(index.contains(file), "{file} in index.html");
    }
    assert!(index.contains("personal data"));
    assert!(out_dir.join(".ehcp-report").is_file());
    // The originals are untouched and nothing was written next to them.
    let after: Vec<(PathBuf, Vec<u8>)> = all_files(&plans)
        .into_iter()
        .map(|p| {
            let d = digest(&p);
            (p, d)
        })
        .collect();
    assert_eq!(originals, after);
}

#[test]
fn plan_text_is_escaped_in_every_page_and_neutralised_in_csv() {
    let (dir, plans) = caseload();
    let out_dir = dir.path().join("report");
    ehcp(&["batch", s(&plans), "--out", s(&out_dir)]);
    let mut escaped_seen = false;
    for page in all_files(&out_dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = fs::read_to_string(&page).unwrap();
        assert!(!html.contains("<script>alert"), "{}", page.display());
        assert!(!html.contains("<img src=x"), "{}", page.display());
        assert!(!html.contains("onerror=alert(1)>"), "{}", page.display());
        assert!(
            html.matches("<script").count() <= 1,
            "only the page's own script"
        );
        assert!(
            !html.contains("src=\"http") && !html.contains("href=\"http"),
            "no external asset"
        );
        escaped_seen |= html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            && html.contains("&lt;img src=x onerror=alert(1)&gt;");
    }
    assert!(escaped_seen, "the hostile text reached a page (escaped)");
    let summary = fs::read_to_string(out_dir.join("summary.csv")).unwrap();
    assert!(summary.contains("'=cmd.docx"));
    assert!(!summary.lines().any(|l| l.starts_with('=')));
}

#[test]
fn a_rerun_reflects_the_folder_as_it_is_now() {
    let (dir, plans) = caseload();
    let out_dir = dir.path().join("report");
    ehcp(&["batch", s(&plans), "--out", s(&out_dir)]);
    assert!(out_dir.join("plans/amir.docx.json").is_file());
    fs::remove_file(plans.join("amir.docx")).unwrap();
    fs::remove_file(plans.join("old.doc")).unwrap();
    let out = ehcp(&["batch", s(&plans), "--out", s(&out_dir)]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        !out_dir.join("plans/amir.docx.json").exists(),
        "stale output removed"
    );
    assert!(!out_dir.join("plans/amir.docx.html").exists());
    let failures = fs::read_to_string(out_dir.join("failures.csv")).unwrap();
    assert!(!failures.contains("old.doc"));
    let index = fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(!index.contains("amir.docx"));
    // No staging folder is left beside the report.
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().starts_with(".ehcp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn refuses_a_report_folder_that_holds_other_files() {
    let (dir, plans) = caseload();
    let out_dir = dir.path().join("documents");
    fs::create_dir(&out_dir).unwrap();
    fs::write(out_dir.join("precious.txt"), "keep me").unwrap();
    let out = ehcp(&["batch", s(&plans), "--out", s(&out_dir)]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("not an ehcp report"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(out_dir.join("precious.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(fs::read_dir(&out_dir).unwrap().count(), 1);
}

#[test]
fn one_worker_or_many_give_the_same_report() {
    let (dir, plans) = caseload();
    let one = dir.path().join("one");
    let many = dir.path().join("many");
    ehcp(&["batch", s(&plans), "--out", s(&one), "--jobs", "1"]);
    ehcp(&["batch", s(&plans), "--out", s(&many), "--jobs", "4"]);
    let files = |root: &Path| -> Vec<PathBuf> {
        all_files(root)
            .into_iter()
            .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
            .collect()
    };
    assert_eq!(files(&one), files(&many));
    for rel in files(&one) {
        if rel.extension().is_some_and(|e| e == "json" || e == "csv") {
            assert_eq!(
                fs::read(one.join(&rel)).unwrap(),
                fs::read(many.join(&rel)).unwrap(),
                "{}",
                rel.display()
            );
        }
    }
}

#[test]
fn a_report_folder_inside_the_plans_folder_is_not_read_back() {
    let (_dir, plans) = caseload();
    let out_dir = plans.join("report");
    let first = ehcp(&["batch", s(&plans), "--out", s(&out_dir), "--annotate"]);
    let second = ehcp(&["batch", s(&plans), "--out", s(&out_dir), "--annotate"]);
    assert_eq!(
        first.stdout.split(';').next(),
        second.stdout.split(';').next(),
        "{first:?}\n{second:?}"
    );
    let summary = fs::read_to_string(out_dir.join("summary.csv")).unwrap();
    assert!(!summary.contains("report/"), "{summary}");
}

#[test]
fn fail_on_error_exits_1_when_every_file_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir(&plans).unwrap();
    fs::copy(sample("claire.docx"), plans.join("claire.docx")).unwrap();
    let out = ehcp(&[
        "batch",
        s(&plans),
        "--out",
        s(&dir.path().join("r1")),
        "--fail-on",
        "error",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    fs::copy(sample("defects-provision.docx"), plans.join("defects.docx")).unwrap();
    let out = ehcp(&["batch", s(&plans), "--out", s(&dir.path().join("r2"))]);
    assert_eq!(
        out.code, 0,
        "without --fail-on, findings do not fail the batch"
    );
    let out = ehcp(&[
        "batch",
        s(&plans),
        "--out",
        s(&dir.path().join("r3")),
        "--fail-on",
        "error",
    ]);
    assert_eq!(out.code, 1, "{out:?}");
}

#[test]
fn globs_select_files_relative_to_their_base() {
    let (dir, plans) = caseload();
    let out_dir = dir.path().join("report");
    let pattern = format!("{}/**/c*.docx", plans.display());
    let out = ehcp(&["batch", &pattern, "--out", s(&out_dir)]);
    let summary = read_csv(&out_dir.join("summary.csv"));
    let failures = read_csv(&out_dir.join("failures.csv"));
    let files: Vec<&str> = summary[1..]
        .iter()
        .chain(&failures[1..])
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(files, ["year 7/claire.docx", "corrupt.docx"], "{out:?}");
    let none = ehcp(&[
        "batch",
        &format!("{}/*.pdf", plans.display()),
        "--out",
        s(&dir.path().join("x")),
    ]);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("no Word documents"));
    assert!(!dir.path().join("x").exists());
}

#[test]
fn annotated_and_converted_copies_go_into_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    fs::create_dir_all(plans.join("sub")).unwrap();
    fs::copy(
        sample("defects-provision.docx"),
        plans.join("sub/isla.docx"),
    )
    .unwrap();
    fs::copy(sample("claire.docx"), plans.join("claire.docx")).unwrap();
    let out_dir = dir.path().join("report");
    let out = ehcp(&[
        "batch",
        s(&plans),
        "--out",
        s(&out_dir),
        "--annotate",
        "--convert",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    for name in ["claire.docx", "sub/isla.docx"] {
        let annotated = out_dir.join("annotated").join(name);
        let check = ehcp(&["check", s(&annotated), "--format", "json"]);
        assert!(check.code <= 1, "annotated copy reads: {check:?}");
        let converted = out_dir.join("converted").join(format!("{name}.json"));
        let value: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(converted).unwrap()).unwrap();
        validate("plan.schema.json", &value);
    }
    assert_eq!(
        all_files(&plans).len(),
        2,
        "nothing written next to the originals"
    );
    let index = fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert!(index.contains("href=\"annotated/sub/isla.docx\""));
}
