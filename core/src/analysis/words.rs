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

/// True for a character of the regex class `\w` (so that words split
/// exactly where the patterns the detectors use see word boundaries). ASCII
/// and the punctuation plans use most are decided here; any other character
/// asks the regex engine itself, which keeps the two in step.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    match c {
        // No-break space, curly quotes, dashes, bullets, ellipsis: never word characters.
        '\u{a0}' | '\u{2010}'..='\u{2027}' => false,
        _ => {
            static WORD_CHAR: LazyLock<Regex> =
                LazyLock::new(|| Regex::new(r"^\w$").expect("word character regex"));
            let mut buffer = [0u8; 4];
            WORD_CHAR.is_match(c.encode_utf8(&mut buffer))
        }
    }
}

/// The end of the run of word characters that starts at `start`.
fn word_run_end(text: &str, start: usize) -> usize {
    text[start..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| start + i)
}

/// The words of `text`, in order: what the pattern `\w+(?:['’\-]\w+)*`
/// finds, scanned by hand because every detector splits every item into
/// words and a regex search per word costs several times more.
#[derive(Debug, Clone)]
pub struct Words<'a> {
    text: &'a str,
    position: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let text = self.text;
        let (offset, _) = text[self.position..]
            .char_indices()
            .find(|&(_, c)| is_word_char(c))?;
        let start = self.position + offset;
        let mut end = word_run_end(text, start);
        // An apostrophe or hyphen joins two runs of word characters.
        while let Some(joiner) = text[end..].chars().next()
            && matches!(joiner, '\'' | '’' | '-')
            && text[end + joiner.len_utf8()..]
                .chars()
                .next()
                .is_some_and(is_word_char)
        {
            end = word_run_end(text, end + joiner.len_utf8());
        }
        self.position = end;
        Some(Word {
            text: &text[start..end],
            range: start..end,
        })
    }
}

/// The words of `text` one at a time (see [`words`]).
pub fn word_iter(text: &str) -> Words<'_> {
    Words { text, position: 0 }
}

/// The words of `text`, with their byte ranges (apostrophes and hyphens
/// inside a word keep it whole: "Claire's", "self-care").
pub fn words(text: &str) -> Vec<Word<'_>> {
    word_iter(text).collect()
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
    // One string, cut and extended in place (this runs for every word the
    // linker compares).
    let mut w = word.to_lowercase();
    let kept = w.trim_end_matches("'s").trim_end_matches("’s").len();
    w.truncate(kept);
    if w.len() <= 3 {
        return w;
    }
    // Plurals.
    if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with("ies") {
        if w.len() - 3 >= 2 {
            w.truncate(w.len() - 3);
            w.push('y');
        }
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    // Whether a suffix went and left the bare stem ("caring" -> "car").
    let mut bare = false;
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
                w.truncate(w.len() - suffix.len());
                w.push_str(replacement);
                // "running" -> "runn" -> "run"
                let b = w.as_bytes();
                if replacement.is_empty()
                    && b.len() >= 2
                    && b[b.len() - 1] == b[b.len() - 2]
                    && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
                {
                    w.pop();
                } else {
                    bare = replacement.is_empty();
                }
                break;
            }
        }
    }
    // A short stem keeps (or gets back) its final "e", as in Porter's
    // stemmer: "care", "caring" and "carer" stay "care", apart from "car";
    // "making" and "make" meet at "make". A longer one loses it: "writing"
    // and "write" meet at "writ".
    if bare && is_short_stem(&w) {
        w.push('e');
    } else if w.len() >= 4 && w.ends_with('e') && !is_short_stem(&w[..w.len() - 1]) {
        w.pop();
    }
    w
}

/// Consonant, vowel, consonant (not w, x or y), three letters: "car", "mak".
fn is_short_stem(stem: &str) -> bool {
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    match stem.as_bytes() {
        [a, b, c] => {
            a.is_ascii_lowercase()
                && !vowel(*a)
                && vowel(*b)
                && c.is_ascii_lowercase()
                && !vowel(*c)
                && !matches!(c, b'w' | b'x' | b'y')
        }
        _ => false,
    }
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
    // Every alternative holds "no", "nil" or a slash: most items hold none
    // of them (a cheap test before the pattern).
    (text.contains('/') || crate::re::may_contain_folded(text, &["no", "nil"]))
        && NONE.is_match(text.trim())
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

    /// The hand-written scanner finds exactly what the regex it replaces
    /// finds, on awkward text and on every paragraph of the sample plans.
    #[test]
    fn words_match_the_word_pattern() {
        let pattern = Regex::new(r"\w+(?:['’\-]\w+)*").unwrap();
        let by_regex = |t: &str| -> Vec<(usize, usize)> {
            pattern.find_iter(t).map(|m| (m.start(), m.end())).collect()
        };
        let by_scanner = |t: &str| -> Vec<(usize, usize)> {
            words(t)
                .iter()
                .map(|w| (w.range.start, w.range.end))
                .collect()
        };
        let mut texts: Vec<String> = [
            "",
            "   ",
            "Claire's self-care, 1:1. -a- 'b' a--b a-'b a'-b x- -y",
            "Zoë’s naïve café – “quoted” … Ⅻ ½ ² x_y ‿ e\u{301}t\u{200d}e",
            "日本語のテキスト and Ελληνικά, Кириллица; ſ K",
            "trailing joiner’ and ’leading, it’s, co‑operate, non\u{2011}breaking",
            "\u{a0}nbsp\u{a0}words\u{2022}bullet",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../samples");
        for entry in std::fs::read_dir(samples).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "docx") {
                let document = crate::read_document(&std::fs::read(&path).unwrap()).unwrap();
                texts.extend(document.paragraphs.into_iter().map(|p| p.text));
            }
        }
        assert!(texts.len() > 100);
        for text in &texts {
            assert_eq!(by_scanner(text), by_regex(text), "{text}");
        }
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
        assert_eq!(stem("writing"), stem("write"));
        assert_eq!(stem("making"), stem("make"));
        assert_eq!(stem("caring"), stem("care"));
        assert_eq!(stem("carer"), stem("care"));
        assert_eq!(stem("hoped"), stem("hope"));
        assert_eq!(stem("hopping"), "hop");
    }

    #[test]
    fn short_stems_keep_their_e_apart_from_other_words() {
        // "social care" is not "travel by car".
        assert_ne!(stem("care"), stem("car"));
        assert_ne!(stem("cares"), stem("cars"));
        assert_ne!(stem("hope"), stem("hop"));
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
