//! `ehcp rules`, `ehcp extract`, `ehcp schema`.

use crate::*;

#[test]
fn rules_lists_the_catalogue_and_explains_one() {
    let registry = ehcp_core::rules::REGISTRY;
    assert!(!registry.is_empty(), "merge the rules branch");
    let out = ehcp(&["rules"]);
    assert_eq!(out.code, 0);
    for rule in registry {
        let doc = rule.doc();
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with(doc.id) && l.contains(doc.severity.as_str())),
            "{}",
            doc.id
        );
    }
    let json = ehcp(&["rules", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value.as_array().unwrap().len(), registry.len());
    let doc = registry[0].doc();
    let one = ehcp(&["rules", doc.id]);
    assert_eq!(one.code, 0);
    assert!(one.stdout.contains(doc.summary));
    assert!(one.stdout.contains("Why it matters:"));
    assert!(one.stdout.contains("Fix:"));
}

#[test]
fn an_unknown_rule_exits_2_with_a_suggestion() {
    let out = ehcp(&["rules", "vague-wording"]);
    assert_eq!(out.code, 2, "{out:?}");
    assert!(
        out.stderr
            .contains("did you mean 'provision/vague-wording'"),
        "{}",
        out.stderr
    );
    let out = ehcp(&["rules", "nothing-like-it-at-all"]);
    assert_eq!(out.code, 2);
    assert!(!out.stderr.contains("did you mean"));
}

#[test]
fn extract_prints_the_model_or_an_outline() {
    let plan = sample("claire.docx");
    let out = ehcp(&["extract", s(&plan)]);
    assert_eq!(out.code, 0, "{out:?}");
    let value: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(value["schema"], "ehcp-plan/1");
    validate("plan.schema.json", &value);
    let text = ehcp(&["extract", s(&plan), "--format", "text"]);
    assert_eq!(text.code, 0);
    for heading in [
        "child:",
        "sections (",
        "needs (",
        "outcomes (",
        "provision (",
        "links (",
    ] {
        assert!(text.stdout.contains(heading), "{heading}\n{}", text.stdout);
    }
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("old.doc");
    std::fs::write(&doc, ole_bytes()).unwrap();
    let bad = ehcp(&["extract", s(&doc)]);
    assert_eq!(bad.code, 2);
    assert!(bad.stdout.is_empty());
}

/// `schema/*.schema.json` are generated from the Rust types; regenerate
/// with `ehcp schema plan > schema/plan.schema.json` (and `check`).
#[test]
fn schema_files_match_the_rust_types() {
    use ehcp_cli::schema::{SchemaKind, schema_json};
    for kind in [SchemaKind::Plan, SchemaKind::Check] {
        let path = root().join("schema").join(kind.file_name());
        let generated = schema_json(kind);
        if std::env::var_os("EHCP_UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is out of date: run with EHCP_UPDATE_SCHEMA=1",
            path.display()
        );
        let out = ehcp(&[
            "schema",
            if kind == SchemaKind::Plan {
                "plan"
            } else {
                "check"
            },
        ]);
        assert_eq!(out.stdout, generated);
    }
}
