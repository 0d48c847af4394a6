//! Matching a set of phrases (the vague wording, the roles, the thesaurus) on
//! whole words, case-insensitively, longest first.
//!
//! This is what the regular expression
//! `(?i)\bphrase one(?:s|es)?\b|\bphrase two\b|…` finds (see
//! [`PhraseSet::pattern`]), scanned by hand: a text is read once, and at the
//! start of each word only the phrases beginning with its first letter are
//! tried. As one alternation of hundreds of phrases, `regex-lite` (the
//! add-in's WebAssembly engine, which has no literal optimisations) spent
//! about half of a whole check in it. The test below compares the two on the
//! sample plans and part of the wild corpus.

use super::Span;
use super::words::is_word_char;

/// A set of phrases matched on whole words, case-insensitively, longest first.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    phrases: Vec<String>,
    /// The phrases as matched: case-folded characters, `' '` for a run of
    /// white space; in the order they are tried (longest first).
    compiled: Vec<Compiled>,
    /// Indices into `compiled` by folded first character, in order.
    by_first_ascii: Vec<Vec<u32>>,
    /// (A list, not a map: few phrases start with other than ASCII.)
    by_first_other: Vec<(char, Vec<u32>)>,
}

#[derive(Debug, Clone)]
struct Compiled {
    chars: Vec<char>,
    /// `\b` before: the phrase starts with an ASCII letter or digit.
    starts_word: bool,
    /// `\b` after: the phrase ends with an ASCII letter or digit.
    ends_word: bool,
    /// "s" or "es" may follow (only when `ends_word`).
    plural: bool,
}

use crate::re::fold_case as fold;

impl PhraseSet {
    /// Builds the matcher. Spaces in a phrase match any run of white space;
    /// `plurals` lets a final word take "s" or "es".
    pub fn new(phrases: impl IntoIterator<Item = String>, plurals: bool) -> PhraseSet {
        // One copy of the building code, whatever the phrases come in.
        PhraseSet::from_phrases(phrases.into_iter().collect(), plurals)
    }

    fn from_phrases(phrases: Vec<String>, plurals: bool) -> PhraseSet {
        let mut phrases: Vec<String> = phrases
            .into_iter()
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        // Longest first so that "support as and when" wins over "as and when".
        phrases.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        phrases.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let compiled: Vec<Compiled> = phrases
            .iter()
            .map(|p| {
                // `\b` only beside ASCII, as the pattern has it.
                let starts_word = p.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
                let ends_word = p.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
                Compiled {
                    chars: p.chars().map(fold).collect(),
                    starts_word,
                    ends_word,
                    plural: plurals && ends_word,
                }
            })
            .collect();
        let mut by_first_ascii = vec![Vec::new(); 128];
        let mut by_first_other: Vec<(char, Vec<u32>)> = Vec::new();
        for (index, phrase) in compiled.iter().enumerate() {
            let index = u32::try_from(index).unwrap_or(u32::MAX);
            let first = phrase.chars[0];
            if first.is_ascii() {
                by_first_ascii[first as usize].push(index);
            } else {
                match by_first_other.iter_mut().find(|(c, _)| *c == first) {
                    Some((_, list)) => list.push(index),
                    None => by_first_other.push((first, vec![index])),
                }
            }
        }
        PhraseSet {
            phrases,
            compiled,
            by_first_ascii,
            by_first_other,
        }
    }

    /// Every match, left to right, without overlaps.
    pub fn find_all(&self, text: &str) -> Vec<Span> {
        let mut found = Vec::new();
        self.scan(text, |range| {
            found.push(Span::new(text, range));
            true
        });
        found
    }

    pub fn is_match(&self, text: &str) -> bool {
        let mut any = false;
        self.scan(text, |_| {
            any = true;
            false
        });
        any
    }

    pub fn phrases(&self) -> &[String] {
        &self.phrases
    }

    /// The leftmost-first matches of the set in `text`, handed to `found`
    /// until it returns false.
    fn scan(&self, text: &str, mut found: impl FnMut(std::ops::Range<usize>) -> bool) {
        if self.compiled.is_empty() {
            return;
        }
        let mut position = 0;
        // Whether the character before `position` is a word character
        // (known without a lookup for the ASCII ones).
        let mut after_word = false;
        while let Some(c) = text[position..].chars().next() {
            let first = fold(c);
            let candidates = if first.is_ascii() {
                &self.by_first_ascii[first as usize]
            } else {
                self.by_first_other
                    .iter()
                    .find(|(c, _)| *c == first)
                    .map_or(&[][..], |(_, list)| list.as_slice())
            };
            let end = candidates.iter().find_map(|&index| {
                let phrase = &self.compiled[index as usize];
                if phrase.starts_word && after_word {
                    return None;
                }
                phrase.match_at(text, position)
            });
            match end {
                Some(end) => {
                    if !found(position..end) {
                        return;
                    }
                    position = end;
                    after_word = text[..end].chars().next_back().is_some_and(is_word_char);
                }
                None => {
                    position += c.len_utf8();
                    after_word = is_word_char(c);
                }
            }
        }
    }

    /// The regular expression this set matches as (for the tests, which
    /// check the two agree).
    #[cfg(test)]
    pub(crate) fn pattern(&self) -> Option<String> {
        if self.phrases.is_empty() {
            return None;
        }
        let alternatives: Vec<String> = self
            .phrases
            .iter()
            .zip(&self.compiled)
            .map(|(p, compiled)| {
                let body = p
                    .split(' ')
                    .map(crate::re::escape)
                    .collect::<Vec<_>>()
                    .join(r"\s+");
                let starts_word = p.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
                let ends_word = p.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
                let plural = if compiled.plural { "(?:s|es)?" } else { "" };
                format!(
                    "{}(?:{}){}{}",
                    if starts_word { r"\b" } else { "" },
                    body,
                    plural,
                    if ends_word { r"\b" } else { "" }
                )
            })
            .collect();
        Some(format!("(?i){}", alternatives.join("|")))
    }
}

impl Compiled {
    /// Where the phrase ends if it matches at `start` of `text`.
    fn match_at(&self, text: &str, start: usize) -> Option<usize> {
        let mut rest = text[start..].chars();
        let mut end = start;
        for &want in &self.chars {
            if want == ' ' {
                // `\s+`: at least one white space character, then all of them
                // (the next phrase character is never white space).
                let mut spaces = 0;
                while let Some(c) = rest.clone().next()
                    && c.is_whitespace()
                {
                    rest.next();
                    end += c.len_utf8();
                    spaces += 1;
                }
                if spaces == 0 {
                    return None;
                }
            } else {
                let c = rest.next()?;
                if fold(c) != want {
                    return None;
                }
                end += c.len_utf8();
            }
        }
        let ends_at_boundary =
            |at: usize| text[at..].chars().next().is_none_or(|c| !is_word_char(c));
        if self.plural {
            // `(?:s|es)?\b`: "s", then "es", then nothing, whichever first
            // leaves a word boundary.
            for suffix in [&['s'][..], &['e', 's'][..], &[][..]] {
                if let Some(at) = suffix_end(text, end, suffix)
                    && ends_at_boundary(at)
                {
                    return Some(at);
                }
            }
            return None;
        }
        if self.ends_word && !ends_at_boundary(end) {
            return None;
        }
        Some(end)
    }
}

/// Where `suffix` (folded characters) ends if `text` has it at `start`.
fn suffix_end(text: &str, start: usize, suffix: &[char]) -> Option<usize> {
    let mut rest = text[start..].chars();
    let mut end = start;
    for &want in suffix {
        let c = rest.next()?;
        if fold(c) != want {
            return None;
        }
        end += c.len_utf8();
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lexicon;

    fn reference(set: &PhraseSet, text: &str) -> Vec<(usize, usize)> {
        let Some(pattern) = set.pattern() else {
            return Vec::new();
        };
        let regex = regex::RegexBuilder::new(&pattern)
            .size_limit(1 << 24)
            .build()
            .expect("phrase pattern");
        regex
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    fn spans(set: &PhraseSet, text: &str) -> Vec<(usize, usize)> {
        set.find_all(text)
            .iter()
            .map(|s| (s.range.start, s.range.end))
            .collect()
    }

    /// Texts where hand matching and the regex could part: case folding
    /// beyond ASCII, white space runs, plurals, word boundaries beside
    /// accented letters, combining marks and punctuation.
    const TRICKY: &[&str] = &[
        "ſupport as and when; SUPPORT AS AND WHEN; Support\u{a0}as\tand\n when",
        "reading age, READING\u{2003}AGE, readings, readinges, readingess, reading’s",
        "éreading readingé reading\u{301} reading_ _reading 2reading reading2",
        "A \u{212A}ey worker and a key workers; keyworker; key-worker",
        "a Teaching Assistant (TA), TAs and a ta; the SENCo's; HLTA",
        "as appropriate.as appropriate,as appropriate as appropriateness",
        "e.g. e.g.e.g. (e.g.) E.G. eg.",
        "protégé PROTÉGÉ Protégés protégées café visits CAFÉ\u{a0}VISITS",
        "Zoë Renée Ó Briain ó briain naïve art NAÏVE ART",
        "ΣΟΦΙΑ σοφια σοφιας — Ѐлена",
        "",
        "s es",
    ];

    fn sets() -> Vec<(String, PhraseSet)> {
        let lexicon = Lexicon::default();
        let accented = [
            "protégé",
            "Zoë",
            "café visits",
            "Renée",
            "Ó Briain",
            "naïve art",
            "σοφια",
        ]
        .map(String::from);
        vec![
            ("vague".into(), lexicon.vague.clone()),
            ("roles".into(), lexicon.role_words.clone()),
            ("thesaurus".into(), lexicon.thesaurus_terms.clone()),
            ("accented".into(), PhraseSet::new(accented.clone(), true)),
            (
                "accented, no plurals".into(),
                PhraseSet::new(accented, false),
            ),
            (
                "punctuation".into(),
                PhraseSet::new(
                    ["e.g.", "(e.g.)", "1:1", "-", "a", "as and when", "as"].map(String::from),
                    true,
                ),
            ),
        ]
    }

    #[test]
    fn hand_matching_finds_what_the_pattern_finds() {
        let mut texts: Vec<String> = TRICKY.iter().map(|t| (*t).to_owned()).collect();
        texts.extend(crate::re::tests::haystacks());
        let mut differences = Vec::new();
        for (name, set) in sets() {
            for text in &texts {
                let (hand, regex) = (spans(&set, text), reference(&set, text));
                if hand != regex {
                    differences.push(format!("{name} on {text:?}: {hand:?} vs {regex:?}"));
                    break;
                }
                assert_eq!(set.is_match(text), !regex.is_empty(), "{name} on {text:?}");
            }
        }
        assert!(differences.is_empty(), "{}", differences.join("\n"));
    }

    #[test]
    fn empty_sets_match_nothing() {
        let set = PhraseSet::new(["  ".to_owned()], true);
        assert!(set.find_all("anything").is_empty());
        assert!(!set.is_match("anything"));
        assert!(set.phrases().is_empty());
    }
}
