//! Hedged wording: phrases of the lexicon found on whole words, with the
//! context rules that keep ordinary uses out ("by May 2027", "a regular
//! classroom", "a small group of 4", "staff" when the item names a role).

use std::sync::LazyLock;

use crate::re::Regex;

use super::{Lexicon, Span, quantity, roles};

/// What a hedge leaves open, which decides the help given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HedgeKind {
    /// "as appropriate", "where possible": left to someone's judgement.
    Discretion,
    /// "access to", "opportunities to": availability, not provision.
    Access,
    /// "may", "could", "should": not a commitment.
    Modal,
    /// "regular", "ongoing", "often": no frequency.
    Frequency,
    /// "up to 10 hours": a ceiling, not an amount.
    UpTo,
    /// "such as", "e.g.", "etc.": examples instead of a list.
    Example,
    /// "small group" with no size.
    GroupSize,
    /// "staff", "the setting will", "key adult" with no role named.
    Provider,
    /// "will be offered", "would benefit from".
    Offer,
    /// "or equivalent", "or similar": the provision may be swapped.
    Equivalent,
    /// Anything else from the lexicon or the configuration.
    Other,
}

/// One hedged phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hedge {
    pub span: Span,
    pub kind: HedgeKind,
}

static UP_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\bup\s+to\s+{}\s*(?:x\s*)?(?:hours?|hrs?|minutes?|mins?|sessions?|times?|days?|weeks?|visits?|lessons?|nights?|periods?|blocks?|%|per\s*cent)",
        super::words::NUMBER
    ))
    .expect("up to regex")
});

static MONTH_CONTEXT_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\d{1,4}\b|half[\s-]term|holidays?)").expect("may regex"));
static MONTH_CONTEXT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:by|in|until|from|since|of|before|after|during|end\s+of|early|late|mid)\s*|\d(?:st|nd|rd|th)?\s*)$")
        .expect("may regex")
});
static SETTING_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:class(?:room)?e?s?|lessons?|school|mainstream|curriculum|timetable|teachers?|setting|secondary|primary|day|routine|peers?|attendance)\b")
        .expect("regular regex")
});
static GROUP_SIZE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:\(\s*)?(?:of\s+(?:up\s+to\s+|no\s+more\s+than\s+|between\s+|maximum\s+)?{n}|with\s+(?:up\s+to\s+)?{n}\s+(?:other\s+)?(?:pupils|children|students|peers)|\(?\s*(?:max(?:imum)?\.?\s+)?{n}\s*(?:pupils|children|students)?\s*\)?)",
        n = super::words::NUMBER
    ))
    .expect("group regex")
});

fn kind_of(phrase: &str) -> HedgeKind {
    let p = phrase.to_ascii_lowercase();
    let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
    match p.as_str() {
        "access to"
        | "have access to"
        | "opportunities to"
        | "opportunities for"
        | "opportunity to"
        | "opportunity for"
        | "where available"
        | "if available"
        | "subject to availability" => HedgeKind::Access,
        "may" | "might" | "could" | "should" | "aim to" | "try to" | "endeavour to"
        | "encouraged to" | "will be encouraged" | "consider" | "to be considered" => {
            HedgeKind::Modal
        }
        "regular" | "regularly" | "ongoing" | "on-going" | "periodic" | "periodically"
        | "from time to time" | "occasional" | "occasionally" | "frequent" | "frequently"
        | "often" => HedgeKind::Frequency,
        "such as" | "e.g." | "eg" | "for example" | "etc" | "etc." | "and so on" | "a range of"
        | "a variety of" | "various" => HedgeKind::Example,
        "small group" | "small groups" => HedgeKind::GroupSize,
        "staff" | "all staff" | "school staff" | "the setting will" | "the school will"
        | "key adult" => HedgeKind::Provider,
        "will be offered" | "would benefit from" | "may benefit from" => HedgeKind::Offer,
        "or equivalent" | "or similar" => HedgeKind::Equivalent,
        _ if p.starts_with("as ")
            || p.starts_with("where ")
            || p.starts_with("when ")
            || p.starts_with("if ")
            || p.starts_with("wherever ")
            || p.contains("as and when") =>
        {
            HedgeKind::Discretion
        }
        _ => HedgeKind::Other,
    }
}

/// The hedges in a provision text, after the context rules. `names_role`
/// says whether the whole item (not only this text) names who delivers.
pub fn find(text: &str, lexicon: &Lexicon, names_role: bool) -> Vec<Hedge> {
    let mut found: Vec<Hedge> = UP_TO
        .find_iter(text)
        .map(|m| Hedge {
            span: Span::new(text, m.range()),
            kind: HedgeKind::UpTo,
        })
        .collect();
    // Only a provider hedge ("staff") asks whether a role is named.
    let mut names_role = names_role.then_some(true);
    for span in lexicon.vague_matches(text) {
        if found
            .iter()
            .any(|h| h.span.range.start < span.range.end && span.range.start < h.span.range.end)
        {
            continue;
        }
        let kind = kind_of(&span.text);
        let before = &text[..span.range.start];
        let after = &text[span.range.end..];
        let lower = span.text.to_ascii_lowercase();
        let keep = match lower.as_str() {
            // "May" the month: "by May 2027", "in May", "12 May".
            "may" => {
                !(span.text.starts_with('M')
                    && (MONTH_CONTEXT_AFTER.is_match(after)
                        || MONTH_CONTEXT_BEFORE.is_match(before)))
            }
            // "regular" describing a class or school is not about frequency.
            "regular" => !SETTING_NOUN.is_match(after),
            _ => match kind {
                HedgeKind::GroupSize => !GROUP_SIZE_AFTER.is_match(after),
                HedgeKind::Provider => {
                    !*names_role.get_or_insert_with(|| roles::names_provider(text, lexicon))
                }
                _ => true,
            },
        };
        if keep {
            found.push(Hedge { span, kind });
        }
    }
    found.sort_by_key(|h| h.span.range.start);
    found
}

/// True when `text` says who, how often or how long and in what group, i.e.
/// every part CoP 9.69 asks for.
pub fn fully_specified(text: &str, lexicon: &Lexicon) -> bool {
    roles::names_provider(text, lexicon)
        && quantity::has_frequency(text)
        && quantity::has_group_size(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hedges(text: &str) -> Vec<String> {
        find(text, &Lexicon::default(), false)
            .into_iter()
            .map(|h| h.span.text)
            .collect()
    }

    #[test]
    fn hedges_are_found_with_context() {
        assert_eq!(
            hedges("access to speech therapy as appropriate"),
            ["access to", "as appropriate"]
        );
        assert_eq!(hedges("up to 10 hours of support"), ["up to 10 hours"]);
        assert_eq!(hedges("Support may be given"), ["may"]);
        assert_eq!(hedges("small group work"), ["small group"]);
        assert_eq!(hedges("on a regular basis"), ["regular"]);
    }

    #[test]
    fn ordinary_uses_are_not_hedges() {
        assert!(hedges("by May 2027, reviewed in May").is_empty());
        assert!(hedges("in a regular classroom").is_empty());
        assert!(hedges("keep records up to date").is_empty());
        assert!(hedges("a small group of 4 pupils").is_empty());
        assert!(hedges("a small group (max 4)").is_empty());
        assert!(hedges("Staff led by the SENCo").is_empty());
        assert!(hedges("delivered individually by a teaching assistant").is_empty());
        assert!(hedges("a shared document").is_empty());
    }
}
