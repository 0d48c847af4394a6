//! Ground truth for each committed sample, written next to it as
//! `expected/<name>.json`: what a reader should find (sections in
//! document order, the child, the needs, outcomes and provision with the
//! links the generator built) and, for defect samples, the planted defects.
//!
//! Ids are the generator's (B1…, C1…, D1…, E1…, F1…, G1…, H1.1…, H2.1…),
//! which are the plan's own numbering in `numbered-references.docx` and
//! `custom-numbering.docx`; in other layouts match items by text.

use serde_json::{Value, json};

use crate::defects;
use crate::plan::{Kind, Plan};

/// Visible text of marked-up text: `{-deleted-}` out, `{+inserted+}` kept.
pub fn visible(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    loop {
        let del = rest.find("{-");
        let ins = rest.find("{+");
        let pos = match (del, ins) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => break,
        };
        out.push_str(&rest[..pos]);
        let is_del = rest[pos..].starts_with("{-");
        let close = if is_del { "-}" } else { "+}" };
        let Some(end) = rest[pos + 2..].find(close) else {
            break;
        };
        if !is_del {
            out.push_str(&rest[pos + 2..pos + 2 + end]);
        }
        rest = &rest[pos + 2 + end + 2..];
    }
    out.push_str(rest);
    out
}

fn need_section(kind: Kind) -> &'static str {
    kind.need_section()
}

/// The ground truth of one plan as pretty JSON (keys sorted, so stable).
pub fn expected_json(file: &str, layout: &str, plan: &Plan) -> String {
    let mut needs = Vec::new();
    let mut outcomes = Vec::new();
    let mut provision = Vec::new();
    for s in &plan.strands {
        for n in &s.needs {
            needs.push(json!({
                "id": n.id, "section": need_section(s.kind), "area": s.area, "text": visible(&n.text),
            }));
        }
        for o in &s.outcomes {
            outcomes.push(json!({
                "id": o.id, "area": s.area, "text": visible(&o.text),
                "steps": o.steps.iter().map(|t| visible(t)).collect::<Vec<_>>(),
                "needs": o.needs, "preparing_for_adulthood": o.pfa,
            }));
        }
        for p in &s.provision {
            let section = match s.kind {
                Kind::Education => "F",
                Kind::Health => "G",
                Kind::Social if plan.single_h => "H",
                Kind::Social => p.h.unwrap_or("H2"),
            };
            let (what, who, freq) = p.cells();
            provision.push(json!({
                "id": p.id, "section": section, "area": s.area,
                "text": visible(&p.sentence()),
                "what": visible(&what), "who": visible(&who), "frequency": visible(&freq),
                "outcomes": p.outcomes, "needs": p.needs,
            }));
        }
    }
    let planted: Vec<Value> = defects::manifest()
        .into_iter()
        .filter(|d| d.file == file)
        .map(|d| json!({"rule": d.rule, "section": d.section, "quote": d.quote, "note": d.note}))
        .collect();
    let value = json!({
        "file": file,
        "layout": layout,
        "child": {
            "name": plan.full_name(),
            "first_name": plan.first,
            "preferred_name": plan.preferred,
            "date_of_birth": plan.dob,
            "year_group": plan.year,
            "pronouns": plan.pron.he(),
        },
        "status": plan.status.word().to_lowercase(),
        "plan_date": plan.date,
        "local_authority": plan.la,
        "sections": plan.sections(),
        "empty_sections": plan.empty,
        "aspirations": plan.aspirations,
        "needs": needs,
        "outcomes": outcomes,
        "provision": provision,
        "placement": plan.placement,
        "advice": plan.advice.iter().map(|a| json!({
            "title": a.title, "author": a.author, "role": a.role, "date": a.date,
        })).collect::<Vec<_>>(),
        "planted_defects": planted,
    });
    let mut text = serde_json::to_string_pretty(&value).expect("JSON values serialize");
    text.push('\n');
    text
}

/// Layout names of the committed samples.
pub fn layout_of(file: &str) -> &'static str {
    match file {
        "claire.docx" | "single-h.docx" | "package-document2.docx" | "defects-provision.docx" => {
            "classic"
        }
        "heading-styles.docx"
        | "pfa-year10.docx"
        | "package-prefix.docx"
        | "defects-structure.docx"
        | "defects-outcomes-consistency.docx" => "heading-styles",
        "bold-headings.docx" => "bold-headings (docx-rs)",
        "table-per-section.docx" => "table-per-section",
        "outcome-provision-table.docx" => "outcome-provision-table",
        "county-area-tables.docx" => "county-area-tables",
        "numbered-references.docx" | "defects-thread.docx" => "numbered-references",
        "content-controls.docx" => "content-controls",
        "human-comments.docx" => "heading-styles + people's comments",
        "custom-numbering.docx" => "custom-numbering",
        "tracked-changes.docx" => "tracked-changes",
        "running-header.docx" => "running-header",
        _ => "unknown",
    }
}

/// Every committed sample's ground truth: (relative path, JSON).
pub fn all() -> Vec<(String, String)> {
    let mut plans = crate::samples::clean_plans();
    plans.extend(defects::plans());
    plans
        .into_iter()
        .map(|(file, plan)| {
            let name = format!("expected/{}.json", file.trim_end_matches(".docx"));
            (name, expected_json(file, layout_of(file), &plan))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_drops_deletions_and_keeps_insertions() {
        assert_eq!(visible("for {-up to -}45 minutes"), "for 45 minutes");
        assert_eq!(
            visible("a {-key adult-}{+learning mentor+}"),
            "a learning mentor"
        );
        assert_eq!(visible("plain"), "plain");
    }

    #[test]
    fn every_sample_has_ground_truth() {
        let truth = all();
        for s in crate::samples::all() {
            let name = format!("expected/{}.json", s.file.trim_end_matches(".docx"));
            assert!(truth.iter().any(|(n, _)| *n == name), "{name}");
            assert_ne!(layout_of(s.file), "unknown", "{}", s.file);
        }
    }
}
