//! Words, sentences and stems: the small text toolkit the detectors share.

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

/// A word of a text and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub range: Range<usize>,
}

static WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\w+(?:['’\-]\w+)*").expect("word regex"));

/// The words of `text`, with their byte ranges (apostrophes and hyphens
/// inside a word keep it whole: "Claire's", "self-care").
pub fn words(text: &str) -> Vec<Word<'_>> {
    WORD.find_iter(text)
        .map(|m| Word {
            text: m.as_str(),
            range: m.range(),
        })
        .collect()
}

/// Sentence ranges of `text`: split after `.`, `!`, `?` or `;` followed by
/// white space, and at line breaks. Abbreviations such as "e.g." and "Dr."
/// do not end a sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let boundary = match c {
            b'\n' => Some(i + 1),
            b'.' | b'!' | b'?' | b';' => {
                let next_is_space = bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
                let word_before = text[..i]
                    .rsplit(|ch: char| !ch.is_alphanumeric() && ch != '.')
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let abbreviation = c == b'.'
                    && matches!(
                        word_before.as_str(),
                        "e.g"
                            | "i.e"
                            | "eg"
                            | "ie"
                            | "dr"
                            | "mr"
                            | "mrs"
                            | "ms"
                            | "etc"
                            | "st"
                            | "no"
                            | "approx"
                            | "vs"
                    );
                (next_is_space && !abbreviation).then_some(i + 1)
            }
            _ => None,
        };
        if let Some(end) = boundary {
            if !text[start..end].trim().is_empty() {
                out.push(start..end);
            }
            start = end;
        }
        i += 1;
    }
    if !text[start..].trim().is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Words that carry no topic: left out when linking by content.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

// Sorted: English function words plus words every EHCP item uses whatever its
// topic (support, need, develop, skills …), which would link everything.
static STOP_WORDS: &[&str] = &[
    "a",
    "able",
    "about",
    "above",
    "access",
    "achieve",
    "across",
    "activities",
    "activity",
    "additional",
    "adult",
    "adults",
    "after",
    "again",
    "all",
    "also",
    "always",
    "am",
    "an",
    "and",
    "any",
    "appropriate",
    "are",
    "area",
    "areas",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "best",
    "better",
    "between",
    "both",
    "but",
    "by",
    "can",
    "child",
    "class",
    "classroom",
    "could",
    "daily",
    "day",
    "days",
    "deliver",
    "delivered",
    "develop",
    "developing",
    "development",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "end",
    "ensure",
    "every",
    "for",
    "from",
    "further",
    "get",
    "given",
    "good",
    "great",
    "had",
    "has",
    "have",
    "having",
    "he",
    "help",
    "helped",
    "her",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "hour",
    "hours",
    "how",
    "i",
    "if",
    "improve",
    "improved",
    "in",
    "including",
    "increase",
    "increased",
    "into",
    "is",
    "it",
    "its",
    "key",
    "lesson",
    "lessons",
    "level",
    "like",
    "link",
    "linked",
    "links",
    "long",
    "make",
    "makes",
    "making",
    "may",
    "me",
    "medium",
    "meet",
    "meets",
    "minute",
    "minutes",
    "month",
    "months",
    "more",
    "most",
    "much",
    "must",
    "my",
    "need",
    "needed",
    "needs",
    "new",
    "no",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "outcome",
    "outcomes",
    "over",
    "own",
    "people",
    "person",
    "place",
    "plan",
    "progress",
    "provide",
    "provided",
    "provision",
    "pupil",
    "range",
    "receive",
    "regular",
    "school",
    "section",
    "sections",
    "session",
    "sessions",
    "she",
    "short",
    "should",
    "skill",
    "skills",
    "so",
    "some",
    "staff",
    "start",
    "step",
    "steps",
    "such",
    "support",
    "supported",
    "supporting",
    "take",
    "target",
    "targets",
    "teaching",
    "term",
    "termly",
    "than",
    "that",
    "the",
    "their",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "three",
    "through",
    "time",
    "times",
    "to",
    "two",
    "under",
    "up",
    "upon",
    "us",
    "use",
    "used",
    "using",
    "very",
    "was",
    "we",
    "week",
    "weekly",
    "weeks",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whole",
    "will",
    "with",
    "within",
    "work",
    "would",
    "year",
    "years",
    "you",
    "young",
    "your",
];

/// A light suffix-stripping stemmer (Porter-style step 1 plus common derivational
/// endings), enough to relate "reads", "reading" and "reader".
pub fn stem(word: &str) -> String {
    let mut w: String = word
        .to_lowercase()
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_owned();
    if w.len() <= 3 {
        return w;
    }
    // Plurals.
    if let Some(base) = w.strip_suffix("sses") {
        w = format!("{base}ss");
    } else if let Some(base) = w.strip_suffix("ies") {
        if base.len() >= 2 {
            w = format!("{base}y");
        }
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    for (suffix, replacement) in [
        ("ational", "ate"),
        ("ization", "ize"),
        ("isation", "ise"),
        ("fulness", "ful"),
        ("iveness", "ive"),
        ("ation", ""),
        ("ement", ""),
        ("ment", ""),
        ("ness", ""),
        ("ingly", ""),
        ("edly", ""),
        ("ing", ""),
        ("ity", ""),
        ("ies", "y"),
        ("ed", ""),
        ("er", ""),
        ("ly", ""),
        ("al", ""),
        ("ate", ""),
        ("ive", ""),
        ("ous", ""),
    ] {
        if let Some(base) = w.strip_suffix(suffix) {
            // Keep at least three letters and a vowel in what remains.
            if base.len() >= 3 && base.chars().any(|c| "aeiouy".contains(c)) {
                let mut base = format!("{base}{replacement}");
                // "running" -> "runn" -> "run"
                let b = base.as_bytes();
                if replacement.is_empty()
                    && b.len() >= 2
                    && b[b.len() - 1] == b[b.len() - 2]
                    && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
                {
                    base.pop();
                }
                w = base;
                break;
            }
        }
    }
    if w.ends_with('e') && w.len() >= 4 {
        w.pop();
    }
    w
}

/// True when an item only says there is nothing to record ("No health needs
/// have been identified", "None", "N/A", "Not applicable").
pub fn is_none_statement(text: &str) -> bool {
    static NONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)^\W*(?:
                none(?:\s+(?:identified|known|at\s+(?:this|present)(?:\s+time)?|currently))?\W*$
              | n\s*/\s*a\W*$
              | not\s+applicable
              | nil\W*$
              | no\s+(?:\w+\s+){0,6}?(?:needs?|provision|support|requirements?|advice|issues?|concerns?|personal\s+budget|budget)\b
              | there\s+(?:are|is)\s+(?:currently\s+)?no\b
              | (?:\w+\s+){0,3}(?:does|do|has|have)\s+not\s+(?:got\s+)?(?:have\s+)?(?:any\s+)?(?:identified\s+)?(?:\w+\s+){0,3}(?:needs?|provision)\b
              | (?:he|she|they|[A-Z]\w+)\s+(?:is|are)\s+not\s+(?:currently\s+)?(?:known\s+to|open\s+to|eligible)
              | (?:a\s+)?personal\s+budget\s+(?:has\s+not|was\s+not|is\s+not)\b
            )",
        )
        .expect("none regex")
    });
    NONE.is_match(text.trim())
}

/// Number words up to twenty, tens and a few more, as used in plans.
pub fn number_word(word: &str) -> Option<u32> {
    Some(match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" | "once" | "single" => 1,
        "two" | "twice" | "pair" | "both" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "forty-five" => 45,
        "sixty" => 60,
        _ => return word.parse().ok(),
    })
}

/// The regex alternation for a number written in digits or words.
pub const NUMBER: &str = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty(?:-five)?|sixty|a|an|half\s+an?)";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_apostrophes_and_hyphens() {
        let w: Vec<&str> = words("Claire's self-care, 1:1.")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["Claire's", "self-care", "1", "1"]);
    }

    #[test]
    fn sentences_ignore_abbreviations() {
        let text = "Use aids, e.g. a slope. Then write. Dr. Brown said so";
        let s: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(s.len(), 3);
        assert_eq!(s[0], "Use aids, e.g. a slope.");
    }

    #[test]
    fn stems_relate_word_forms() {
        assert_eq!(stem("reading"), stem("reads"));
        assert_eq!(stem("reader"), stem("read"));
        assert_eq!(stem("communication"), stem("communicate"));
        assert_eq!(stem("running"), "run");
        assert_eq!(stem("friendships"), stem("friendship"));
    }

    #[test]
    fn stop_words_are_sorted() {
        let mut sorted = STOP_WORDS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, STOP_WORDS);
    }

    #[test]
    fn none_statements() {
        for s in [
            "No health needs have been identified.",
            "None identified",
            "N/A",
            "Not applicable",
            "There are no social care needs at this time.",
            "Claire does not have any social care needs.",
            "No personal budget has been requested.",
        ] {
            assert!(is_none_statement(s), "{s}");
        }
        for s in [
            "Claire needs support with reading.",
            "Nobody knows",
            "Noise sensitivity",
        ] {
            assert!(!is_none_statement(s), "{s}");
        }
    }
}
