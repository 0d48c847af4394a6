//! The benchmark generators: the large plan has the promised size, and the
//! corpus is deterministic, varied, and plants what it says it plants.

mod common;

use ehcp_samples::corpus::{LAYOUTS, corpus_plan, large};

fn starts_with_id(p: &str, letter: char) -> bool {
    let mut chars = p.chars();
    chars.next() == Some(letter)
        && p[1..].chars().take_while(|c| c.is_ascii_digit()).count() > 0
        && p[1..]
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(' ')
}

#[test]
fn the_large_plan_has_200_needs_400_outcomes_600_provision_rows() {
    let bytes = large().to_bytes();
    let paras = common::paragraphs(&bytes);
    let needs = paras.iter().filter(|p| starts_with_id(p, 'B')).count();
    let outcomes = paras.iter().filter(|p| starts_with_id(p, 'E')).count();
    // Provision rows: the Ref cell of each row is its own paragraph "F123".
    let provision = paras
        .iter()
        .filter(|p| p.len() > 1 && p.starts_with('F') && p[1..].chars().all(|c| c.is_ascii_digit()))
        .count();
    assert_eq!((needs, outcomes, provision), (200, 400, 600));
}

#[test]
fn the_corpus_is_deterministic_and_varied() {
    let a: Vec<_> = (0..40).map(|i| corpus_plan(7, i)).collect();
    let b: Vec<_> = (0..40).map(|i| corpus_plan(7, i)).collect();
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.file, y.file);
        assert!(x.bytes == y.bytes, "{} differs between runs", x.file);
    }
    let layouts: std::collections::BTreeSet<_> = a.iter().map(|p| p.layout).collect();
    assert!(
        layouts.len() >= LAYOUTS.len() - 2,
        "layouts used: {layouts:?}"
    );
    assert!(a.iter().any(|p| p.defects.is_empty()));
    assert!(a.iter().any(|p| !p.defects.is_empty()));
    let other_seed = corpus_plan(8, 0);
    assert!(
        other_seed.bytes != a[0].bytes,
        "the seed changes the corpus"
    );
}

#[test]
fn corpus_placeholders_and_acronyms_are_really_planted() {
    for i in 0..200 {
        let plan = corpus_plan(2026, i);
        let text = common::paragraphs(&plan.bytes).join("\n");
        if plan.defects.contains(&"structure/placeholder-text") {
            assert!(text.contains("[insert views"), "{}", plan.file);
        }
        if plan.defects.contains(&"language/unexplained-acronym") {
            assert!(text.contains("SNA"), "{}", plan.file);
        }
        if plan.defects.contains(&"consistency/stale-advice") {
            assert!(text.contains("4 October 2022"), "{}", plan.file);
        }
        if plan.defects.is_empty() {
            assert!(
                !text.contains("[insert") && !text.contains("SNA"),
                "{}",
                plan.file
            );
        }
    }
}
