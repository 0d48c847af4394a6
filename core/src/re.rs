//! The core's one door to regular expressions.
//!
//! Native builds (the CLI) use the `regex` crate with its speed-ups; the
//! add-in's WebAssembly uses `regex-lite`, which is ~257 KB smaller there.
//! Every pattern in the core is built through [`Regex::new`] or
//! [`RegexBuilder`] from this module, never from either crate directly, so
//! that the parity test below can compile the very same patterns with both
//! engines and compare what they match.
//!
//! The engines differ in one way that matters: `regex-lite`'s `\w`, `\d`,
//! `\s`, `\b` and case-insensitive matching are ASCII-only, the `regex`
//! crate's are Unicode. Under `regex-lite` this module therefore writes `\w`
//! and `\s` out as explicit classes ([`lite_pattern`]: letters of the Latin,
//! Greek and Cyrillic scripts with their accents and combining marks, and
//! every Unicode space) so names such as Zoë or Seán and non-breaking spaces
//! match as natively. `\b` cannot be written out without look-around, which
//! neither engine has: patterns whose boundary may fall next to an accented
//! letter (a name at the end of a match) avoid `\b` there. `\d` stays ASCII
//! digits in both (other scripts' digits do not occur in plans).
//!
//! The core's `lite-regex` feature (off by default) makes native builds use
//! `regex-lite` too, so that the add-in's engine can be profiled natively
//! (`perf`, `cargo bench -p ehcp-core --features lite-regex`) and the CLI's
//! findings compared under both engines. `regex-lite` has no literal
//! optimisations and no DFA: every pattern runs as a backtracker or PikeVM
//! over the whole text. Hot paths therefore test a cheap necessary condition
//! first (a literal, a keyword) before running a pattern.

use std::fmt;
use std::ops::{Deref, Range};

#[cfg(not(any(target_arch = "wasm32", feature = "lite-regex")))]
use regex as engine;
#[cfg(any(target_arch = "wasm32", feature = "lite-regex"))]
use regex_lite as engine;

pub use engine::{Captures, Error, Match, escape};

/// A letter in the scripts caseworkers' plans use (Latin with its accents,
/// Greek, Cyrillic), as the inside of a character class: `[{LETTER}]`.
/// Engine-independent, unlike `\w` or `[[:alpha:]]` under `regex-lite`.
pub const LETTER: &str = "A-Za-z\u{00C0}-\u{00D6}\u{00D8}-\u{00F6}\u{00F8}-\u{024F}\u{0370}-\u{03FF}\u{0400}-\u{04FF}\u{1E00}-\u{1EFF}";

/// Word characters of `\w` that `regex-lite` lacks, as the inside of a class:
/// ASCII word characters, Latin-1 and Latin Extended letters (with ª, µ, º),
/// combining diacritical marks (decomposed accents), Greek, Cyrillic, Latin
/// Extended Additional.
const WORD_CLASS: &str = r"0-9A-Za-z_\x{AA}\x{B5}\x{BA}\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{2FF}\x{300}-\x{36F}\x{370}-\x{3FF}\x{400}-\x{52F}\x{1E00}-\x{1EFF}";

/// Unicode's White_Space, as the inside of a class (escapes only: `(?x)` safe).
const SPACE_CLASS: &str = r"\t\n\x0B\x0C\r\x20\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}";

/// `pattern` with `\w` and `\s` written out as explicit classes (inside a
/// class too), so that `regex-lite` matches accented letters and Unicode
/// spaces as the `regex` crate does. Everything else is left as written.
#[cfg_attr(
    not(any(test, target_arch = "wasm32", feature = "lite-regex")),
    allow(dead_code)
)]
pub(crate) fn lite_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut class_depth = 0usize;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(kind @ ('w' | 's')) => {
                    let inner = if kind == 'w' { WORD_CLASS } else { SPACE_CLASS };
                    if class_depth > 0 {
                        out.push_str(inner);
                    } else {
                        out.push('[');
                        out.push_str(inner);
                        out.push(']');
                    }
                }
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            },
            '[' => {
                class_depth += 1;
                out.push(c);
                // A `]` first in a class (or after `^`) is a literal.
                let rest = chars.as_str();
                let skip = if rest.starts_with("^]") {
                    2
                } else if rest.starts_with(']') {
                    1
                } else {
                    0
                };
                for _ in 0..skip {
                    out.extend(chars.next());
                }
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A compiled pattern. Dereferences to the engine's `Regex`, so `is_match`,
/// `find_iter`, `captures`, `replace_all` and the rest read as usual.
#[derive(Clone)]
pub struct Regex(engine::Regex);

impl Regex {
    /// Compiles `pattern` with the default options.
    pub fn new(pattern: &str) -> Result<Regex, Error> {
        RegexBuilder::new(pattern).build()
    }
}

impl Deref for Regex {
    type Target = engine::Regex;
    fn deref(&self) -> &engine::Regex {
        &self.0
    }
}

impl fmt::Debug for Regex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Regex").field(&self.0.as_str()).finish()
    }
}

impl fmt::Display for Regex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

/// Options for one pattern: the subset of both engines' builders the core uses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegexBuilder {
    pattern: String,
    case_insensitive: bool,
    ignore_whitespace: bool,
    size_limit: Option<usize>,
}

impl RegexBuilder {
    /// Starts a builder for `pattern`.
    pub fn new(pattern: &str) -> RegexBuilder {
        RegexBuilder {
            pattern: pattern.to_owned(),
            case_insensitive: false,
            ignore_whitespace: false,
            size_limit: None,
        }
    }

    /// Case-insensitive matching (`(?i)`).
    pub fn case_insensitive(&mut self, yes: bool) -> &mut RegexBuilder {
        self.case_insensitive = yes;
        self
    }

    /// Verbose mode (`(?x)`): whitespace and `#` comments in the pattern are ignored.
    pub fn ignore_whitespace(&mut self, yes: bool) -> &mut RegexBuilder {
        self.ignore_whitespace = yes;
        self
    }

    /// The largest compiled program allowed, in bytes (for patterns from configuration).
    pub fn size_limit(&mut self, bytes: usize) -> &mut RegexBuilder {
        self.size_limit = Some(bytes);
        self
    }

    /// Compiles the pattern.
    pub fn build(&self) -> Result<Regex, Error> {
        #[cfg(test)]
        tests::record(self);
        #[cfg(any(target_arch = "wasm32", feature = "lite-regex"))]
        let lite = lite_pattern(&self.pattern);
        #[cfg(any(target_arch = "wasm32", feature = "lite-regex"))]
        let pattern: &str = &lite;
        #[cfg(not(any(target_arch = "wasm32", feature = "lite-regex")))]
        let pattern: &str = &self.pattern;
        let mut builder = engine::RegexBuilder::new(pattern);
        builder
            .case_insensitive(self.case_insensitive)
            .ignore_whitespace(self.ignore_whitespace);
        if let Some(limit) = self.size_limit {
            builder.size_limit(limit);
        }
        builder.build().map(Regex)
    }
}

/// Whether `text` may hold a case-insensitive match of one of `needles`
/// (ASCII, lower case): false only when none can match in either engine.
/// A cheap test to run before a pattern every match of which contains one
/// of the needles. Besides ASCII letters, the regex crate folds the long s
/// and the Kelvin sign to `s` and `k`; a text with either is let through.
pub fn may_contain_folded(text: &str, needles: &[&str]) -> bool {
    // The needles' first letters, lower case, as a set of ASCII bytes.
    let mut first: u128 = 0;
    for needle in needles {
        match needle.as_bytes().first() {
            Some(&b) => first |= 1 << (b.to_ascii_lowercase() & 0x7F),
            None => return true,
        }
    }
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x80 {
            // The long s (C5 BF) and the Kelvin sign (E2 84 AA) fold to ASCII.
            if bytes[i..].starts_with(&[0xC5, 0xBF]) || bytes[i..].starts_with(&[0xE2, 0x84, 0xAA])
            {
                return true;
            }
            continue;
        }
        if first & (1 << b.to_ascii_lowercase()) != 0
            && needles.iter().any(|needle| {
                bytes
                    .get(i..i + needle.len())
                    .is_some_and(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
            })
        {
            return true;
        }
    }
    false
}

/// Whether `c` may be a digit to `\d` in the engine in use: any Unicode
/// number for the regex crate (whose `\d` is Unicode's decimal digits, a
/// subset), ASCII digits for `regex-lite`. For cheap tests before a pattern.
pub fn may_be_digit(c: char) -> bool {
    #[cfg(any(target_arch = "wasm32", feature = "lite-regex"))]
    return c.is_ascii_digit();
    #[cfg(not(any(target_arch = "wasm32", feature = "lite-regex")))]
    return c.is_numeric();
}

/// Simple case folding, as the regex crate's case-insensitive matching
/// uses it: lower case, plus the few characters whose lower case is not
/// their folded form (long s, Kelvin and Ångström signs, final sigma, the
/// Greek symbol variants, micro sign).
pub fn fold_case(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'ſ' => 's',
        '\u{212A}' => 'k',
        '\u{212B}' => 'å',
        'µ' => 'μ',
        'ς' => 'σ',
        'ϐ' => 'β',
        'ϑ' => 'θ',
        'ϕ' => 'φ',
        'ϖ' => 'π',
        'ϰ' => 'κ',
        'ϱ' => 'ρ',
        'ϵ' => 'ε',
        'ẛ' => 'ṡ',
        '\u{1FBE}' | '\u{345}' => 'ι',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// A pattern every match of which begins at the start of a word (`\b`,
/// then a word character) that is one of a few known first words (in any
/// case), or that starts with a digit. It is tried only at those words,
/// anchored there: `regex-lite` would otherwise run the whole alternation
/// at every position of the text. Finds exactly what the pattern finds
/// (its test compares the two); which first words a pattern can begin
/// with is for its author to list, in full.
#[derive(Debug, Clone)]
pub struct WordLed {
    /// `^(?:pattern)`, run on the text from a candidate word on.
    anchored: Regex,
    /// The pattern as written (for the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pattern: RegexBuilder,
    /// Lower-case first words, separated by spaces; one ending in `*` is
    /// a prefix ("ks*" for "KS2"). (One string: a list costs the .wasm
    /// eight bytes a word more.)
    first_words: &'static str,
    /// Whether a word starting with a digit may begin a match.
    numbers: bool,
}

impl WordLed {
    /// `builder` holds the pattern and its options; `first_words` every
    /// word a match can begin with (separated by spaces); `numbers` whether
    /// a match can begin with a digit.
    pub fn new(
        builder: &RegexBuilder,
        first_words: &'static str,
        numbers: bool,
    ) -> Result<WordLed, Error> {
        // A new line before the ")" in case the pattern ends in a comment.
        let mut anchored = builder.clone();
        anchored.pattern = format!("^(?:{}\n)", builder.pattern);
        Ok(WordLed {
            anchored: anchored.build()?,
            pattern: builder.clone(),
            first_words,
            numbers,
        })
    }

    /// Whether a match may begin with `word`, a whole run of word characters.
    fn may_lead(&self, word: &str) -> bool {
        let Some(first) = word.chars().next() else {
            return false;
        };
        if self.numbers && may_be_digit(first) {
            return true;
        }
        // Whether `word` folded starts with `lead` (lower-case ASCII), and
        // ends there when `whole`.
        let starts = |lead: &str, whole: bool| {
            if word.is_ascii() {
                let lead = lead.as_bytes();
                let word = word.as_bytes();
                (if whole {
                    word.len() == lead.len()
                } else {
                    word.len() >= lead.len()
                }) && word[..lead.len()].eq_ignore_ascii_case(lead)
            } else {
                let mut chars = word.chars().map(fold_case);
                lead.chars().all(|l| chars.next() == Some(l)) && (!whole || chars.next().is_none())
            }
        };
        self.first_words
            .split(' ')
            .any(|w| match w.strip_suffix('*') {
                Some(prefix) => starts(prefix, false),
                None => starts(w, true),
            })
    }

    /// Every match, left to right, without overlaps.
    pub fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Range<usize>> + 't {
        let mut position = 0;
        let mut after_word = false;
        std::iter::from_fn(move || {
            while let Some(c) = text[position..].chars().next() {
                let word = is_word_char(c);
                if !word || after_word {
                    position += c.len_utf8();
                    after_word = word;
                    continue;
                }
                let end = text[position..]
                    .char_indices()
                    .find(|&(_, c)| !is_word_char(c))
                    .map_or(text.len(), |(i, _)| position + i);
                let start = position;
                if self.may_lead(&text[start..end])
                    && let Some(m) = self.anchored.find(&text[start..])
                {
                    position = start + m.end();
                    after_word = text[..position]
                        .chars()
                        .next_back()
                        .is_some_and(is_word_char);
                    return Some(start..position);
                }
                position = end;
                after_word = true;
            }
            None
        })
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.find_iter(text).next().is_some()
    }
}

/// Whether `c` is a word character (`\w`) for the engine in use.
fn is_word_char(c: char) -> bool {
    crate::analysis::words::is_word_char(c)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Every pattern this test process compiled through the facade.
    static SEEN: Mutex<Vec<RegexBuilder>> = Mutex::new(Vec::new());

    pub(super) fn record(builder: &RegexBuilder) {
        let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
        if !seen.contains(builder) {
            seen.push(builder.clone());
        }
    }

    /// Sentences in a plan's words with accented names, typographic
    /// punctuation and non-breaking spaces: where the engines could differ.
    const ACCENTED: &[&str] = &[
        "Zoë will be able to tell an adult when she needs help by July 2027.",
        "Siân’s speech and language therapist (SaLT), Dr Renée O’Connor, will see her weekly.",
        "Seán — who is 9 — wants to be a footballer; José and Chloé are his friends.",
        "Name: Zoë Ångström\u{a0}Date of birth: 03/04/2016\u{a0}Age: 10",
        "Renée’s mum said: “Zoë loves art.” Professional: Dr Siân Llewellyn-Jones, Educational Psychologist.",
        "Chloé needs support with reading. By the end of Year 6, Chloé will read 50 words.",
        "Provision: 1:1 support from Mr Seán Ó Briain (TA) for 30 minutes, 3 times a week.",
        "Zoë’s EHCP was reviewed on 12\u{a0}March\u{a0}2026 by Ms Noémie Dupré, SENCo.",
        "Outcome 2: Renée will be able to cook a simple meal independently by age 18.",
        "The school (École Sainte-Thérèse) will monitor José’s progress termly.",
        "Aspirations: Siân wants to work with animals… She likes café visits and naïve art.",
        "Section F: Zoë requires access to speech and language therapy as appropriate.",
        "Björn, Željko, Łucja and Ðorđe attend St Mary’s; Æthelred’s plan is due.",
        "Education, Health and Care Plan: José Fairbairn",
        "EHCP for Zoë Ó Briain (draft)",
    ];

    /// Text of the sample plans and of a few real-world documents, each also
    /// with its capitalised words accented (as names like Zoë or Renée are).
    /// Checks that a [`WordLed`] finds what its pattern finds (with the
    /// engine in use) in every haystack and in `extra`.
    pub(crate) fn assert_word_led_agrees(led: &WordLed, extra: &[&str]) {
        let reference = led.pattern.build().expect("pattern");
        let mut texts = haystacks();
        texts.extend(extra.iter().map(|t| (*t).to_owned()));
        let mut differences = Vec::new();
        for text in &texts {
            let found: Vec<Range<usize>> = led.find_iter(text).collect();
            let expected: Vec<Range<usize>> =
                reference.find_iter(text).map(|m| m.range()).collect();
            if found != expected {
                differences.push(format!("{text:?}: {found:?} vs {expected:?}"));
            }
            assert_eq!(led.is_match(text), !expected.is_empty(), "{text:?}");
        }
        assert!(differences.is_empty(), "{}", differences.join("\n"));
    }

    pub(crate) fn haystacks() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut files: Vec<_> = std::fs::read_dir(root.join("samples"))
            .expect("samples/")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "docx"))
            .collect();
        files.sort();
        let shared = std::env::var_os("EHCP_SHARED")
            .map(std::path::PathBuf::from)
            .or_else(|| {
                root.ancestors()
                    .map(|a| a.join("shared"))
                    .find(|s| s.join("corpus/wild").is_dir())
            });
        if let Some(shared) = shared {
            let mut wild: Vec<_> = std::fs::read_dir(shared.join("corpus/wild"))
                .into_iter()
                .flatten()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "docx"))
                .collect();
            wild.sort();
            files.extend(wild.into_iter().step_by(25));
        }
        let mut out: Vec<String> = ACCENTED.iter().map(|s| s.to_string()).collect();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            // Compiles the pipeline's patterns (they are built lazily).
            let _ = crate::check(&bytes, &crate::Config::default());
            let Ok(doc) = crate::read_document(&bytes) else {
                continue;
            };
            for paragraph in &doc.paragraphs {
                out.push(paragraph.text.clone());
                out.push(accent_capitalised(&paragraph.text));
            }
        }
        out.retain(|t| !t.trim().is_empty());
        out.sort();
        out.dedup();
        out
    }

    /// "Claire met Anna and Chloe" → "Clairé met Anná and Chloé": accents
    /// at the end of capitalised words, as in names like Renée or José,
    /// where `\b` and `\w` differ between the engines.
    fn accent_capitalised(text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 16);
        for (i, word) in text.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let chars: Vec<char> = word.chars().collect();
            let capitalised = chars.len() >= 3
                && chars[0].is_ascii_uppercase()
                && chars[1..].iter().all(|c| c.is_ascii_lowercase());
            let accented = match chars.last() {
                Some('a') => 'á',
                Some('e') => 'é',
                Some('o') => 'ó',
                _ => ' ',
            };
            if capitalised && accented != ' ' {
                out.extend(&chars[..chars.len() - 1]);
                out.push(accented);
            } else {
                out.push_str(word);
            }
        }
        out
    }

    /// What one engine makes of a pattern over a text: every match with the
    /// spans of its groups.
    type Spans = Vec<Vec<Option<(usize, usize)>>>;

    fn spans_regex(re: &regex::Regex, text: &str) -> Spans {
        re.captures_iter(text)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    fn spans_lite(re: &regex_lite::Regex, text: &str) -> Spans {
        re.captures_iter(text)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
            .collect()
    }

    #[test]
    fn both_engines_agree_on_every_pattern_the_core_compiles() {
        let texts = haystacks();
        let builders = SEEN.lock().unwrap_or_else(|e| e.into_inner()).clone();
        assert!(builders.len() > 50, "only {} patterns seen", builders.len());
        let mut differences = Vec::new();
        for b in &builders {
            let limit = b.size_limit.unwrap_or(10 << 20);
            let full = regex::RegexBuilder::new(&b.pattern)
                .case_insensitive(b.case_insensitive)
                .ignore_whitespace(b.ignore_whitespace)
                .size_limit(limit)
                .build();
            let lite = regex_lite::RegexBuilder::new(&lite_pattern(&b.pattern))
                .case_insensitive(b.case_insensitive)
                .ignore_whitespace(b.ignore_whitespace)
                .size_limit(limit)
                .build();
            let (full, lite) = match (full, lite) {
                (Ok(full), Ok(lite)) => (full, lite),
                (Err(_), Err(_)) => continue,
                _ => {
                    differences.push(format!("{:?}: compiles in only one engine", b.pattern));
                    continue;
                }
            };
            if let Some(text) = texts
                .iter()
                .find(|t| spans_regex(&full, t) != spans_lite(&lite, t))
            {
                differences.push(format!(
                    "{:?} (i={}) on {text:?}",
                    b.pattern, b.case_insensitive
                ));
            }
        }
        assert!(
            differences.is_empty(),
            "{} of {} patterns differ:\n{}",
            differences.len(),
            builders.len(),
            differences.join("\n")
        );
    }

    #[test]
    fn folding_follows_case_folding() {
        assert_eq!(fold_case('A'), 'a');
        assert_eq!(fold_case('É'), 'é');
        assert_eq!(fold_case('ſ'), 's');
        assert_eq!(fold_case('\u{212A}'), 'k');
        assert_eq!(fold_case('İ'), 'İ');
        assert_eq!(fold_case('’'), '’');
    }

    #[test]
    fn folded_needles_are_found_whatever_the_case() {
        assert!(may_contain_folded("Click Here", &["here"]));
        assert!(may_contain_folded("LOREM IPSUM", &["click", "lorem"]));
        assert!(!may_contain_folded("Zoë reads daily", &["click", "lorem"]));
        assert!(!may_contain_folded("", &["a"]));
        // Characters that fold to ASCII letters in the regex crate.
        let kelvin = "clic\u{212A} here";
        assert!(
            RegexBuilder::new("click")
                .case_insensitive(true)
                .build()
                .unwrap()
                .is_match(kelvin)
                || cfg!(feature = "lite-regex")
        );
        assert!(may_contain_folded(kelvin, &["click"]));
        assert!(may_contain_folded("\u{17F}upport", &["support"]));
    }

    #[test]
    fn letter_class_covers_accented_names_in_both_engines() {
        let pattern = format!("^[{LETTER}]+$");
        for name in [
            "Zoë", "Siân", "Seán", "Chloé", "Renée", "José", "Łukasz", "Ærin",
        ] {
            assert!(Regex::new(&pattern).unwrap().is_match(name), "{name}");
            assert!(
                regex_lite::Regex::new(&pattern).unwrap().is_match(name),
                "{name}"
            );
        }
        for not_letter in ["’", "–", "“", "1", "_", " "] {
            assert!(
                !Regex::new(&pattern).unwrap().is_match(not_letter),
                "{not_letter}"
            );
        }
    }

    #[test]
    fn lite_patterns_spell_out_word_and_space_classes() {
        let w = format!("[{WORD_CLASS}]");
        assert_eq!(lite_pattern(r"\w+"), format!("{w}+"));
        assert_eq!(lite_pattern(r"[\w'’\-]*"), format!("[{WORD_CLASS}'’\\-]*"));
        assert_eq!(lite_pattern(r"a\sb"), format!("a[{SPACE_CLASS}]b"));
        // Other escapes, escaped backslashes and literal brackets are kept.
        assert_eq!(lite_pattern(r"\\w\bx\d\.\[\]"), r"\\w\bx\d\.\[\]");
        assert_eq!(lite_pattern(r"[]\w]"), format!("[]{WORD_CLASS}]"));
        assert_eq!(lite_pattern(r"[^]a]\s"), format!("[^]a][{SPACE_CLASS}]"));
        let lite = regex_lite::Regex::new(&lite_pattern(r"^\w+\s\w+$")).unwrap();
        assert!(lite.is_match("Zoë\u{a0}Siân"));
        assert!(lite.is_match("Zoe\u{308} Seán"));
        assert!(!lite.is_match("Zoë’ Siân"));
    }

    #[test]
    fn builder_options_reach_the_engine() {
        let re = RegexBuilder::new("a b # comment\n c")
            .case_insensitive(true)
            .ignore_whitespace(true)
            .build()
            .unwrap();
        assert!(re.is_match("xABCx"));
        assert!(RegexBuilder::new("(").build().is_err());
        assert!(
            RegexBuilder::new("a{1000}{1000}")
                .size_limit(1000)
                .build()
                .is_err()
        );
    }
}
