//! `ehcp check`: formats, exit codes, unreadable files, configuration.

use crate::*;

#[test]
fn unreadable_files_exit_2_with_one_line_and_nothing_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("old.doc");
    std::fs::write(&doc, ole_bytes()).unwrap();
    let renamed = dir.path().join("old-renamed.docx");
    std::fs::write(&renamed, ole_bytes()).unwrap();
    let text = dir.path().join("notes.docx");
    std::fs::write(&text, "Meeting notes, not a document\n").unwrap();
    let encrypted = dir.path().join("protected.docx");
    std::fs::copy(encrypted_file(), &encrypted).unwrap();
    let cases = [
        (
            doc.clone(),
            "this is a Word 97-2003 document (.doc): open it in Word and save it as .docx",
        ),
        (
            renamed.clone(),
            "this is a Word 97-2003 document (.doc): open it in Word and save it as .docx",
        ),
        (encrypted.clone(), "this document is password-protected"),
        (text.clone(), "this is not a Word document"),
        (dir.path().join("missing.docx"), "no such file"),
        (dir.path().to_path_buf(), "this is a folder, not a document"),
    ];
    for (path, reason) in cases {
        for format in ["text", "json"] {
            let out = ehcp(&["check", s(&path), "--format", format]);
            assert_eq!(out.code, 2, "{path:?} {out:?}");
            assert!(out.stdout.is_empty(), "{out:?}");
            assert_eq!(out.stderr.lines().count(), 1, "{out:?}");
            let expected = format!("error: {}: {reason}", path.display());
            assert!(
                out.stderr.starts_with(&expected),
                "{} vs {expected}",
                out.stderr
            );
        }
    }
}

#[test]
fn a_clean_plan_exits_0_and_a_plan_with_errors_exits_1() {
    let clean = ehcp(&["check", s(&sample("claire.docx"))]);
    assert_eq!(clean.code, 0, "{clean:?}");
    assert!(clean.stdout.contains("0 errors"), "{}", clean.stdout);
    assert!(
        clean.stderr.is_empty(),
        "no plan text on stderr: {}",
        clean.stderr
    );
    let defects = ehcp(&["check", s(&sample("defects-provision.docx"))]);
    assert_eq!(defects.code, 1, "{defects:?}");
    assert!(
        defects.stdout.contains("error[provision/"),
        "{}",
        defects.stdout
    );
    assert!(defects.stderr.is_empty());
    // The filter leaves errors alone (they decide the exit status).
    let filtered = ehcp(&[
        "check",
        s(&sample("defects-provision.docx")),
        "--min-severity",
        "error",
    ]);
    assert_eq!(filtered.code, 1);
    assert!(!filtered.stdout.contains("warning["), "{}", filtered.stdout);
}

#[test]
fn text_output_has_diagnostics_and_a_rag_summary_without_colour_off_a_terminal() {
    let out = ehcp(&["check", s(&sample("defects-provision.docx"))]);
    assert!(
        !out.stdout.contains('\x1b'),
        "no ANSI codes when not a terminal"
    );
    for id in ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.trim_start().starts_with(&format!("{id} "))),
            "section {id} in the summary:\n{}",
            out.stdout
        );
    }
    // Every diagnostic with a paragraph shows the text and a marker under it.
    let lines: Vec<&str> = out.stdout.lines().collect();
    let markers = lines
        .iter()
        .filter(|l| l.contains(" | ") && l.trim_end().ends_with('^'))
        .count();
    assert!(markers > 0, "{}", out.stdout);
    assert!(out.stdout.contains("= help:"));
}

#[test]
fn json_output_is_one_check_report_that_validates_against_the_schema() {
    for plan in samples() {
        let out = ehcp(&["check", s(&plan), "--format", "json"]);
        assert!(out.code == 0 || out.code == 1, "{out:?}");
        let value: serde_json::Value = serde_json::from_str(&out.stdout).expect("one JSON object");
        assert_eq!(value["schema"], "ehcp-check/1");
        assert_eq!(value["file"], s(&plan));
        validate("check.schema.json", &value);
        let errors = value["summary"]["error"].as_u64().unwrap();
        assert_eq!(
            out.code == 1,
            errors > 0,
            "exit status follows the error count"
        );
        // Quotes are the exact text at their UTF-16 offsets.
        let report: ehcp_core::edge::CheckReport = serde_json::from_value(value).unwrap();
        let texts: std::collections::HashMap<usize, &str> = report
            .plan
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(|p| (p.index, p.text.as_str())))
            .collect();
        for f in &report.findings {
            if let (Some(p), Some(start), Some(end)) = (f.paragraph, f.start, f.end)
                && let Some(text) = texts.get(&p)
            {
                let units: Vec<u16> = text.encode_utf16().collect();
                let quote =
                    String::from_utf16_lossy(&units[start.min(units.len())..end.min(units.len())]);
                assert_eq!(quote, f.quote, "{}: {}", plan.display(), f.rule);
            }
        }
    }
}

#[test]
fn configuration_unknown_key_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("custom.toml");
    std::fs::write(&config, "colour = \"red\"\n").unwrap();
    let out = ehcp_in(
        dir.path(),
        &["check", s(&sample("claire.docx")), "--config", s(&config)],
    );
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("colour"), "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with(&format!("error: {}:", config.display()))
    );
    assert!(out.stdout.is_empty());
    // ehcp.toml in the working directory is read when --config is not given.
    std::fs::write(
        dir.path().join("ehcp.toml"),
        "[rules]\n\"no/such-rule\" = \"off\"\n",
    )
    .unwrap();
    let out = ehcp_in(dir.path(), &["check", s(&sample("claire.docx"))]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(out.stderr.contains("no/such-rule"), "{}", out.stderr);
    // A missing --config file is an error too.
    let out = ehcp_in(
        dir.path(),
        &["check", s(&sample("claire.docx")), "--config", "nope.toml"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("nope.toml: no such file"),
        "{}",
        out.stderr
    );
}

#[test]
fn configuration_changes_severities() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample("defects-provision.docx");
    let before = ehcp_in(dir.path(), &["check", s(&plan), "--format", "json"]);
    let before: serde_json::Value = serde_json::from_str(&before.stdout).unwrap();
    let rule = before["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["severity"] == "error")
        .expect("an error finding")["rule"]
        .as_str()
        .unwrap()
        .to_owned();
    std::fs::write(
        dir.path().join("ehcp.toml"),
        format!("[rules]\n\"{rule}\" = \"off\"\n"),
    )
    .unwrap();
    let after = ehcp_in(dir.path(), &["check", s(&plan), "--format", "json"]);
    let after: serde_json::Value = serde_json::from_str(&after.stdout).unwrap();
    assert!(
        after["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["rule"] != rule.as_str())
    );
}

/// Snapshots of every sample, both formats (the JSON with the plan reduced
/// to its outline, the findings, summary and thread map in full).
#[test]
fn sample_snapshots() {
    for plan in samples() {
        let name = plan.file_stem().unwrap().to_str().unwrap().to_owned();
        let rel = format!("samples/{name}.docx");
        let text = ehcp_in(&root(), &["check", &rel]);
        insta::assert_snapshot!(format!("check_text__{name}"), text.stdout);
        let json = ehcp_in(&root(), &["check", &rel, "--format", "json"]);
        let mut value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
        let plan = &value["plan"];
        let counts: std::collections::BTreeMap<String, usize> = [
            "aspirations",
            "needs",
            "outcomes",
            "provision",
            "placement",
            "personal_budget",
            "advice",
        ]
        .iter()
        .map(|k| (k.to_string(), plan[k].as_array().map_or(0, Vec::len)))
        .collect();
        let outline = serde_json::json!({
            "child": plan["child"],
            "status": plan["status"],
            "sections": plan["sections"].as_array().unwrap().iter().map(|s| s["id"].clone()).collect::<Vec<_>>(),
            "items": counts,
            "links": plan["links"].as_array().map_or(0, Vec::len),
        });
        value["plan"] = outline;
        insta::assert_json_snapshot!(format!("check_json__{name}"), value);
    }
}
