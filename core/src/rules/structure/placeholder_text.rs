//! `structure/placeholder-text`: template prompts left in the plan.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::{Regex, RegexBuilder, may_contain_folded};

use crate::finding::{Finding, Severity};
use crate::plan::{PlanStatus, SectionId};
use crate::review::CheckContext;
use crate::rules::support::{at_paragraph, section_of_paragraph, trim_range};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "structure/placeholder-text",
    severity: Severity::Error,
    summary: "Template prompts are left in: \"[insert …]\", \"Click or tap here to enter text.\", \"XXX\", \"TBC\", \"<name>\", \"Lorem ipsum\".",
    rationale: "A prompt left in a plan shows that something was never written, and copied-in template text reads to a family as carelessness about their child. The plan must be clear and complete on its own.",
    reference: "SEND Code of Practice 9.61",
    example: "Claire will attend [insert name of club] every Thursday. Advice from: XXX, TBC.",
    fix: "Claire will attend Oakfield Youth Club every Thursday from 6 to 8pm. Advice from: Dr Ann Patel, Educational Psychologist, 4 March 2026.",
};

static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r"(?x)
          click\s+(?:or\s+tap\s+)?(?:here\s+)?to\s+enter\s+(?:text|a\s+date)\.?
        | choose\s+an\s+item\.?
        | \[\s*(?:please\s+)?(?:insert|enter|add|type|include|select|choose|name\s+of|details\s+of|date\s+of|child['’]?s|young\s+person['’]?s|school\s+name|setting\s+name)\b[^\]\n]{0,80}\]
        | \[\s*(?:name|date|school|setting|child|dob|address|tbc|tba|x+|\.{3}|…)\s*\]
        | <\s*(?:insert\b[^<>\n]{0,60}|name|child['’]?s\s+name|first\s+name|surname|date|school|setting|dob|address)\s*>
        | \blorem\s+ipsum\b
        ",
    )
    .case_insensitive(true)
    .build()
    .expect("placeholder regex")
});

static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:X{3,}|x{3,}|TBC|TBA|TBD)\b").expect("marker regex"));

/// Every template prompt in `text`.
pub fn placeholders(text: &str) -> Vec<Range<usize>> {
    // Every prompt holds one of these: most paragraphs hold none, and
    // testing for them costs far less than running the patterns.
    let mut found: Vec<Range<usize>> =
        if text.contains(['[', '<']) || may_contain_folded(text, &["click", "choose", "lorem"]) {
            PROMPT.find_iter(text).map(|m| m.range()).collect()
        } else {
            Vec::new()
        };
    if !(text.contains("XXX") || text.contains("xxx") || text.contains("TB")) {
        found.sort_by_key(|r| r.start);
        return found;
    }
    for m in MARKER.find_iter(text) {
        if !found
            .iter()
            .any(|r| r.start <= m.start() && m.end() <= r.end)
        {
            found.push(m.range());
        }
    }
    found.sort_by_key(|r| r.start);
    found
}

/// True when the text is nothing but template prompts (and punctuation).
pub fn is_placeholder_only(text: &str) -> bool {
    let found = placeholders(text);
    if found.is_empty() {
        return false;
    }
    let mut rest = text.to_owned();
    for r in found.iter().rev() {
        rest.replace_range(r.clone(), "");
    }
    !rest.chars().any(char::is_alphanumeric)
}

#[derive(Debug)]
pub struct PlaceholderText;

impl Rule for PlaceholderText {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let document = context.document;
        let mut flagged: Vec<usize> = Vec::new();
        for paragraph in &document.paragraphs {
            let section = section_of_paragraph(context, paragraph.index);
            for range in placeholders(&paragraph.text) {
                let quote = &paragraph.text[range.clone()];
                // "TBC" for the school in a draft plan's section I is expected.
                if section == Some(SectionId::I)
                    && context.plan.status != PlanStatus::Final
                    && MARKER.is_match(quote)
                {
                    continue;
                }
                let mut f = at_paragraph(&DOC, context, section, paragraph.index, range);
                f.message = format!("Template text \"{quote}\" has been left in the plan.");
                f.help = format!(
                    "Replace \"{quote}\" with the actual {what}, or delete it if it does not apply.",
                    what = if quote.to_ascii_lowercase().contains("date") {
                        "date"
                    } else if MARKER.is_match(quote) {
                        "detail that was to be confirmed"
                    } else {
                        "wording for this child"
                    }
                );
                flagged.push(paragraph.index);
                findings.push(f);
            }
        }
        // Content controls still showing their own prompt text.
        for control in &document.content_controls {
            if !control.showing_placeholder {
                continue;
            }
            for p in control.paragraphs.clone() {
                let Some(paragraph) = document.paragraphs.get(p) else {
                    continue;
                };
                if flagged.contains(&p) || paragraph.text.trim().is_empty() {
                    continue;
                }
                let section = section_of_paragraph(context, p);
                let range = trim_range(&paragraph.text, 0..paragraph.text.len());
                let mut f = at_paragraph(&DOC, context, section, p, range);
                f.message = format!(
                    "The form field{} still shows its prompt text instead of an answer.",
                    control
                        .title
                        .as_ref()
                        .map(|t| format!(" \"{t}\""))
                        .unwrap_or_default()
                );
                f.help = "Click the field and type the answer for this child, or delete the field if it does not apply.".into();
                f.confidence = 0.8;
                findings.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompts_are_recognised() {
        for text in [
            "[insert name of school]",
            "Click or tap here to enter text.",
            "Advice from XXX",
            "Date: TBC",
            "Dear <name>",
            "Lorem ipsum dolor",
            "[Child's name] will",
        ] {
            assert!(!placeholders(text).is_empty(), "{text}");
        }
        for text in [
            "see K3 [page 2]",
            "Tbc is fine in lower case? no: tbc",
            "Text <b>",
            "Boxxer",
        ] {
            assert!(placeholders(text).is_empty(), "{text}");
        }
        assert!(is_placeholder_only(" Click here to enter text. "));
        assert!(!is_placeholder_only("Claire [insert]"));
    }
}
