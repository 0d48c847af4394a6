//! `provision/duplicated`: the same provision text repeated word for word.

use std::collections::HashMap;

use crate::analysis::words::words;
use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::support::{at_item, is_substantive, shorten};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "provision/duplicated",
    severity: Severity::Warning,
    summary: "The same provision text is repeated word for word under several needs or outcomes.",
    rationale: "Provision copied word for word under several needs is usually generic: it has not been written for the need it sits under, and it makes the plan look longer than the support it gives. It can also be read as double the amount.",
    reference: "SEND Code of Practice 9.61 and 9.69",
    example: "Under B1, B2 and B3: \"Claire will have access to a quiet space when needed.\"",
    fix: "State the provision once, say which needs it meets (\"meets B1, B2 and B3\"), and write specific provision for each need.",
};

/// The text compared: lower case, words only.
fn normalise(text: &str) -> String {
    words(text)
        .iter()
        .map(|w| w.text.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

#[derive(Debug)]
pub struct Duplicated;

impl Rule for Duplicated {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let mut first_seen: HashMap<String, &crate::plan::Item> = HashMap::new();
        for provision in &context.plan.provision {
            let item = &provision.item;
            if !is_substantive(item) {
                continue;
            }
            let key = normalise(&item.text);
            // Short standard lines ("Reviewed termly") are not worth flagging.
            if key.split(' ').count() < 6 {
                continue;
            }
            match first_seen.get(&key) {
                Some(first) if first.id != item.id => {
                    let mut f = at_item(&DOC, context, item, None);
                    f.message = format!(
                        "This provision repeats {} word for word: \"{}\".",
                        first.id,
                        shorten(&item.text, 80)
                    );
                    f.help = format!(
                        "State it once (in {}) and say which needs or outcomes it meets, or rewrite it for the need it sits under here.",
                        first.id
                    );
                    findings.push(f);
                }
                Some(_) => {}
                None => {
                    first_seen.insert(key, item);
                }
            }
        }
    }
}
