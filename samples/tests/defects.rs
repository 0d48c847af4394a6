//! Every planted defect listed in the manifest (and in samples/README.md)
//! is really in its file, with the exact text quoted.

mod common;

use ehcp_samples::defects::manifest;
use ehcp_samples::samples::all;

#[test]
fn every_planted_quote_is_visible_in_its_sample() {
    let samples = all();
    let mut missing = Vec::new();
    for d in manifest() {
        let sample = samples
            .iter()
            .find(|s| s.file == d.file)
            .unwrap_or_else(|| panic!("{} is not generated", d.file));
        if d.quote.is_empty() {
            continue;
        }
        let text = common::paragraphs(&sample.bytes).join("\n");
        if !text.contains(d.quote) {
            missing.push(format!("{} {} {:?}", d.file, d.rule, d.quote));
        }
    }
    assert!(
        missing.is_empty(),
        "quotes not found:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_readme_lists_every_planted_defect() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("samples/README.md");
    for line in ehcp_samples::defects::markdown_rows() {
        assert!(readme.contains(&line), "README.md lacks the row:\n{line}");
    }
}

#[test]
fn every_rule_in_the_catalogue_is_planted() {
    let rules = [
        "structure/missing-section",
        "structure/empty-section",
        "structure/placeholder-text",
        "structure/section-order",
        "structure/h-not-split",
        "thread/need-without-outcome",
        "thread/need-without-provision",
        "thread/outcome-without-need",
        "thread/outcome-without-provision",
        "thread/provision-without-need",
        "thread/aspiration-not-reflected",
        "provision/vague-wording",
        "provision/not-quantified",
        "provision/provider-unspecified",
        "provision/therapy-in-health-section",
        "provision/delegated-decision",
        "provision/unilateral-change",
        "provision/funding-not-provision",
        "provision/duplicated",
        "outcome/not-time-bound",
        "outcome/not-measurable",
        "outcome/describes-provision",
        "outcome/missing-adulthood",
        "consistency/name-mismatch",
        "consistency/pronoun-mismatch",
        "consistency/placement-in-draft",
        "consistency/stale-advice",
        "consistency/age-mismatch",
        "language/unexplained-acronym",
    ];
    let planted = manifest();
    for r in rules {
        assert!(planted.iter().any(|d| d.rule == r), "no sample plants {r}");
    }
}
