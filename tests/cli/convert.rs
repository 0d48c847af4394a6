//! `ehcp convert`: JSON that validates, and a DOCX that reads back as the same model.

use std::collections::BTreeSet;
use std::fs;

use crate::*;

const KINDS: [&str; 7] = [
    "aspirations",
    "needs",
    "outcomes",
    "provision",
    "placement",
    "personal_budget",
    "advice",
];

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What must survive the round trip: the sections (a layout interleaving
/// B, E and F gives separate sections), each kind's item texts, the ids the
/// plan numbered itself, and the links (compared by the texts they join,
/// since items the plan did not number are numbered in the copy).
fn essentials(plan: &serde_json::Value) -> serde_json::Value {
    essentials_and_ids(plan).0
}

/// The ids the plan numbered itself (with their texts): the copy keeps
/// them all (and numbers the other items too).
fn own_ids(plan: &serde_json::Value) -> BTreeSet<String> {
    essentials_and_ids(plan).1
}

fn essentials_and_ids(plan: &serde_json::Value) -> (serde_json::Value, BTreeSet<String>) {
    let mut sections: BTreeSet<String> = plan["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect();
    let mut texts = std::collections::HashMap::new();
    let mut items = serde_json::Map::new();
    let mut own_ids: BTreeSet<String> = BTreeSet::new();
    for kind in KINDS {
        let mut list: Vec<String> = Vec::new();
        for item in plan[kind].as_array().unwrap() {
            let text = flat(item["text"].as_str().unwrap());
            texts.insert(item["id"].as_str().unwrap().to_owned(), text.clone());
            sections.insert(item["section"].as_str().unwrap().to_owned());
            if item["id_from_document"] == true && kind != "advice" {
                own_ids.insert(format!("{} {}", item["id"].as_str().unwrap(), text));
            }
            list.push(text);
        }
        list.sort();
        items.insert(kind.into(), list.into());
    }
    let links: BTreeSet<(String, String)> = plan["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let a = texts
                .get(l["from"].as_str().unwrap())
                .cloned()
                .unwrap_or_default();
            let b = texts
                .get(l["to"].as_str().unwrap())
                .cloned()
                .unwrap_or_default();
            if a <= b { (a, b) } else { (b, a) }
        })
        .collect();
    let value = serde_json::json!({
        "child": plan["child"]["name"],
        "status": plan["status"],
        "sections": sections,
        "items": items,
        "links": links,
    });
    (value, own_ids)
}

#[test]
fn every_sample_round_trips_through_docx() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for plan in samples() {
        let name = plan.file_name().unwrap().to_str().unwrap();
        let converted = dir.path().join(name);
        let out = ehcp(&["convert", s(&plan), "--to", "docx", "-o", s(&converted)]);
        assert_eq!(out.code, 0, "{out:?}");
        let original: serde_json::Value =
            serde_json::from_str(&ehcp(&["extract", s(&plan)]).stdout).unwrap();
        let again: serde_json::Value =
            serde_json::from_str(&ehcp(&["extract", s(&converted)]).stdout).unwrap();
        let (a, b) = (essentials(&original["plan"]), essentials(&again["plan"]));
        let missing: Vec<String> = own_ids(&original["plan"])
            .difference(&own_ids(&again["plan"]))
            .cloned()
            .collect();
        if !missing.is_empty() {
            failures.push(format!("{name}: ids lost: {missing:?}"));
        }
        if a != b {
            let diff: Vec<String> = a
                .as_object()
                .unwrap()
                .keys()
                .filter(|k| a[*k] != b[*k])
                .cloned()
                .collect();
            failures.push(format!("{name}: {diff:?}"));
        }
    }
    assert!(failures.is_empty(), "round trip differs: {failures:#?}");
}

#[test]
fn json_conversion_validates_against_the_plan_schema() {
    let dir = tempfile::tempdir().unwrap();
    for plan in samples() {
        let out_path = dir.path().join(format!(
            "{}.json",
            plan.file_stem().unwrap().to_str().unwrap()
        ));
        let out = ehcp(&["convert", s(&plan), "--to", "json", "-o", s(&out_path)]);
        assert_eq!(out.code, 0, "{out:?}");
        let value: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&out_path).unwrap()).unwrap();
        assert_eq!(value["schema"], "ehcp-plan/1");
        validate("plan.schema.json", &value);
    }
}

#[test]
fn convert_refuses_to_overwrite_and_to_replace_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("plan.docx");
    fs::copy(sample("claire.docx"), &input).unwrap();
    let before = digest(&input);
    fs::write(dir.path().join("out.json"), "keep").unwrap();
    let out = ehcp_in(
        dir.path(),
        &["convert", "plan.docx", "--to", "json", "-o", "out.json"],
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("already exists"));
    assert_eq!(
        fs::read_to_string(dir.path().join("out.json")).unwrap(),
        "keep"
    );
    let out = ehcp_in(
        dir.path(),
        &[
            "convert",
            "plan.docx",
            "--to",
            "docx",
            "-o",
            "./plan.docx",
            "--force",
        ],
    );
    assert_eq!(out.code, 2);
    assert_eq!(digest(&input), before);
    let out = ehcp_in(
        dir.path(),
        &[
            "convert",
            "plan.docx",
            "--to",
            "json",
            "-o",
            "out.json",
            "--force",
        ],
    );
    assert_eq!(out.code, 0, "{out:?}");
}
