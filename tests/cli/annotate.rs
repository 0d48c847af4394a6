//! `ehcp annotate`: atomic writes, refusals, the input never touched.

use std::fs;
use std::path::Path;

use crate::*;

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn writes_a_copy_with_comments_and_leaves_the_input_alone() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plan.docx");
    fs::copy(sample("defects-provision.docx"), &input).unwrap();
    let before = digest(&input);
    let output = dir.path().join("reviewed.docx");
    let out = ehcp_in(
        dir.path(),
        &[
            "annotate",
            "plan.docx",
            "-o",
            "reviewed.docx",
            "--author",
            "QA Team",
        ],
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(digest(&input), before, "the input must not change");
    let line = out.stdout.trim();
    assert!(
        line.ends_with("comments written to reviewed.docx"),
        "{line}"
    );
    let n: usize = line.split_whitespace().next().unwrap().parse().unwrap();
    assert!(n > 0);
    // The copy opens, holds the comments and says who wrote them.
    let mut zip = zip::ZipArchive::new(fs::File::open(&output).unwrap()).unwrap();
    let mut comments = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/comments.xml").unwrap(),
        &mut comments,
    )
    .unwrap();
    assert_eq!(
        comments.matches("<w:comment ").count(),
        n,
        "one comment per finding"
    );
    assert!(comments.contains("w:author=\"QA Team\""));
    assert!(comments.contains("w:date=\"20"), "dated");
    // The copy is still a plan the checker reads, with the same findings.
    let again = ehcp_in(dir.path(), &["check", "reviewed.docx", "--format", "json"]);
    let first = ehcp_in(dir.path(), &["check", "plan.docx", "--format", "json"]);
    let findings = |o: &Output| {
        serde_json::from_str::<serde_json::Value>(&o.stdout).unwrap()["findings"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(findings(&again), findings(&first));
    assert_eq!(
        listing(dir.path()),
        vec!["plan.docx", "reviewed.docx"],
        "no temporary file left"
    );
}

#[test]
fn refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(sample("claire.docx"), dir.path().join("plan.docx")).unwrap();
    fs::write(dir.path().join("reviewed.docx"), b"precious").unwrap();
    let out = ehcp_in(
        dir.path(),
        &["annotate", "plan.docx", "-o", "reviewed.docx"],
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert_eq!(
        out.stderr.trim(),
        "error: reviewed.docx already exists: use --force to replace it"
    );
    assert_eq!(
        fs::read(dir.path().join("reviewed.docx")).unwrap(),
        b"precious"
    );
    let out = ehcp_in(
        dir.path(),
        &["annotate", "plan.docx", "-o", "reviewed.docx", "--force"],
    );
    assert_eq!(out.code, 0, "{out:?}");
    assert_ne!(
        fs::read(dir.path().join("reviewed.docx")).unwrap(),
        b"precious"
    );
    assert_eq!(listing(dir.path()), vec!["plan.docx", "reviewed.docx"]);
}

#[test]
fn refuses_to_write_over_its_input_however_it_is_spelled() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    let input = dir.path().join("plan.docx");
    fs::copy(sample("claire.docx"), &input).unwrap();
    let before = digest(&input);
    let mut spellings = vec![
        "plan.docx".to_string(),
        "./sub/../plan.docx".to_string(),
        s(&input).to_string(),
    ];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&input, dir.path().join("link.docx")).unwrap();
        spellings.push("link.docx".into());
    }
    for spelling in spellings {
        for force in [false, true] {
            let mut args = vec!["annotate", "plan.docx", "-o", spelling.as_str()];
            if force {
                args.push("--force");
            }
            let out = ehcp_in(dir.path(), &args);
            assert_eq!(out.code, 2, "{spelling}: {out:?}");
            assert!(
                out.stderr.contains("would replace the plan itself"),
                "{}",
                out.stderr
            );
            assert_eq!(digest(&input), before);
        }
    }
}

#[test]
fn an_unreadable_input_leaves_no_output() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("old.docx"), ole_bytes()).unwrap();
    let out = ehcp_in(dir.path(), &["annotate", "old.docx", "-o", "out.docx"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("Word 97-2003"), "{}", out.stderr);
    assert_eq!(listing(dir.path()), vec!["old.docx"]);
    let out = ehcp_in(
        dir.path(),
        &["annotate", "old.docx", "-o", "missing-dir/out.docx"],
    );
    assert_eq!(out.code, 2);
}
