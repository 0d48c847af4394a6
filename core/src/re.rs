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
//! crate's are Unicode. Patterns that may meet non-ASCII letters next to
//! those constructs (names such as Zoë or Seán, words taken from the
//! document, `(?i)` on accented literals) are written with explicit classes
//! such as [`LETTER`] so that both engines agree.

use std::fmt;
use std::ops::Deref;

#[cfg(not(target_arch = "wasm32"))]
use regex as engine;
#[cfg(target_arch = "wasm32")]
use regex_lite as engine;

pub use engine::{Captures, Error, Match, escape};

/// A letter in the scripts caseworkers' plans use (Latin with its accents,
/// Greek, Cyrillic), as the inside of a character class: `[{LETTER}]`.
/// Engine-independent, unlike `\w` or `[[:alpha:]]` under `regex-lite`.
pub const LETTER: &str = "A-Za-z\u{00C0}-\u{00D6}\u{00D8}-\u{00F6}\u{00F8}-\u{024F}\u{0370}-\u{03FF}\u{0400}-\u{04FF}\u{1E00}-\u{1EFF}";

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
        let mut builder = engine::RegexBuilder::new(&self.pattern);
        builder
            .case_insensitive(self.case_insensitive)
            .ignore_whitespace(self.ignore_whitespace);
        if let Some(limit) = self.size_limit {
            builder.size_limit(limit);
        }
        builder.build().map(Regex)
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn letter_class_covers_accented_names_in_both_engines() {
        let pattern = format!("^[{LETTER}]+$");
        for name in ["Zoë", "Siân", "Seán", "Chloé", "Renée", "José", "Łukasz", "Ærin"] {
            assert!(Regex::new(&pattern).unwrap().is_match(name), "{name}");
            assert!(regex_lite::Regex::new(&pattern).unwrap().is_match(name), "{name}");
        }
        for not_letter in ["’", "–", "“", "1", "_", " "] {
            assert!(!Regex::new(&pattern).unwrap().is_match(not_letter), "{not_letter}");
        }
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
        assert!(RegexBuilder::new("a{1000}{1000}").size_limit(1000).build().is_err());
    }
}
