//! Matching an extracted item to a ground-truth one by shared words (shared
//! by the tests that compare models with hand-written ground truth).

use std::collections::BTreeSet;

fn words_of(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// How much of the shorter text's words the longer shares (0..1).
pub fn overlap(a: &str, b: &str) -> f64 {
    let (wa, wb) = (words_of(a), words_of(b));
    let small = wa.len().min(wb.len());
    if small == 0 {
        return 0.0;
    }
    wa.intersection(&wb).count() as f64 / small as f64
}
