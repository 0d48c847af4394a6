//! Reading the wording of provision and outcomes: frequency, duration, group
//! size, who delivers, time frames, measures and hedged wording. The
//! vocabularies are data files in `core/data/` that a local authority can
//! extend through `ehcp.toml`.
//!
//! Every detector returns byte ranges into the text it was given, so a rule
//! can quote exactly what it found ([`crate::plan::Item::locate`]).

pub mod dates;
pub mod hedges;
pub mod measure;
pub mod people;
mod phrases;
pub mod quantity;
pub mod roles;
pub mod timeframe;
pub mod words;

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

pub use phrases::PhraseSet;

use crate::re::Regex;

use crate::config::Config;
use crate::plan::AreaOfNeed;

const VAGUE_PHRASES: &str = include_str!("../../data/vague_phrases.txt");
const ROLES: &str = include_str!("../../data/roles.txt");
const THESAURUS: &str = include_str!("../../data/thesaurus.txt");
const ACRONYMS: &str = include_str!("../../data/acronyms.txt");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");

/// A piece of text found by a detector: where it is and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range in the text searched.
    pub range: Range<usize>,
    /// The text at that range.
    pub text: String,
}

impl Span {
    pub fn new(text: &str, range: Range<usize>) -> Span {
        Span {
            text: text[range.clone()].to_owned(),
            range,
        }
    }
}

/// One group of the SEND thesaurus ("reading: reading, literacy, phonics …").
#[derive(Debug, Clone)]
pub struct ThesaurusGroup {
    pub name: String,
    /// The area of need the group belongs to, if one of the four (or PfA).
    pub area: Option<AreaOfNeed>,
    pub terms: Vec<String>,
}

/// The vocabularies the rules and the linker use, defaults plus configuration.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Hedging phrases that defeat enforcement ("as appropriate", "access to" …).
    pub vague_phrases: Vec<String>,
    /// Roles that say who delivers provision ("speech and language therapist" …).
    pub roles: Vec<String>,
    /// The SEND thesaurus.
    pub thesaurus: Vec<ThesaurusGroup>,
    /// Known acronyms and their expansions.
    pub acronyms: BTreeMap<String, String>,
    /// Common first names, lower case.
    pub first_names: HashSet<String>,
    vague: PhraseSet,
    role_words: PhraseSet,
    /// Roles written as capitalised abbreviations ("TA", "SaLT"), matched exactly.
    role_abbreviations: Option<Regex>,
    /// Every thesaurus term, with the group (index) it belongs to.
    thesaurus_terms: PhraseSet,
    term_groups: BTreeMap<String, Vec<usize>>,
    /// Single-word thesaurus terms by stem, so "understand" finds "understanding".
    stem_groups: BTreeMap<String, Vec<usize>>,
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new(&Config::default())
    }
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// True for a role written as an abbreviation that must match case-sensitively.
fn is_abbreviation(role: &str) -> bool {
    !role.contains(' ')
        && role.len() <= 7
        && role.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
}

impl Lexicon {
    /// The built-in vocabularies extended by the configuration.
    pub fn new(config: &Config) -> Lexicon {
        let mut vague_phrases: Vec<String> = data_lines(VAGUE_PHRASES).map(str::to_owned).collect();
        vague_phrases.extend(config.vague_phrases.iter().cloned());
        let mut roles: Vec<String> = data_lines(ROLES).map(str::to_owned).collect();
        roles.extend(config.roles.iter().cloned());
        roles.extend(
            roles::ROLE_ABBREVIATIONS
                .iter()
                .map(|s| (*s).to_owned())
                .collect::<Vec<_>>(),
        );

        let (abbreviations, words): (Vec<&String>, Vec<&String>) =
            roles.iter().partition(|r| is_abbreviation(r));
        let role_words = PhraseSet::new(words.into_iter().cloned(), true);
        let role_abbreviations = if abbreviations.is_empty() {
            None
        } else {
            let mut abbreviations: Vec<String> =
                abbreviations.iter().map(|a| crate::re::escape(a)).collect();
            abbreviations.sort_by_key(|a| std::cmp::Reverse(a.len()));
            Regex::new(&format!(r"\b(?:{})s?\b", abbreviations.join("|"))).ok()
        };

        let thesaurus = parse_thesaurus(THESAURUS);
        let mut term_groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (index, group) in thesaurus.iter().enumerate() {
            for term in &group.terms {
                term_groups.entry(term.clone()).or_default().push(index);
            }
        }
        let thesaurus_terms = PhraseSet::new(term_groups.keys().cloned(), true);
        let mut stem_groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (term, groups) in &term_groups {
            if !term.contains(' ') && term.len() >= 4 {
                let entry = stem_groups.entry(words::stem(term)).or_default();
                for g in groups {
                    if !entry.contains(g) {
                        entry.push(*g);
                    }
                }
            }
        }

        let acronyms = data_lines(ACRONYMS)
            .filter_map(|l| {
                let (a, e) = l.split_once('=')?;
                Some((a.trim().to_owned(), e.trim().to_owned()))
            })
            .collect();
        let first_names = data_lines(FIRST_NAMES).map(|n| n.to_lowercase()).collect();

        Lexicon {
            vague: PhraseSet::new(vague_phrases.iter().cloned(), false),
            vague_phrases,
            roles,
            thesaurus,
            acronyms,
            first_names,
            role_words,
            role_abbreviations,
            thesaurus_terms,
            term_groups,
            stem_groups,
        }
    }

    /// The hedging phrases of the lexicon found in `text` (no context rules:
    /// see [`hedges::find`] for those).
    pub fn vague_matches(&self, text: &str) -> Vec<Span> {
        self.vague.find_all(text)
    }

    /// Every role named in `text`.
    pub fn roles_in(&self, text: &str) -> Vec<Span> {
        let mut found = self.role_words.find_all(text);
        if let Some(regex) = &self.role_abbreviations {
            found.extend(regex.find_iter(text).map(|m| Span::new(text, m.range())));
        }
        found.sort_by_key(|s| s.range.start);
        found
    }

    /// Whether `text` names any role (as `!roles_in(text).is_empty()`, without
    /// collecting the matches).
    pub fn names_role(&self, text: &str) -> bool {
        self.role_words.is_match(text)
            || self
                .role_abbreviations
                .as_ref()
                .is_some_and(|regex| regex.is_match(text))
    }

    /// The thesaurus groups (indices into [`Lexicon::thesaurus`]) whose terms
    /// appear in `text`, with the term that matched each.
    pub fn thesaurus_groups_in(&self, text: &str) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::new();
        for found in self.thesaurus_terms.find_all(text) {
            let mut term = found.text.to_lowercase();
            // A phrase may match across several spaces or a line break.
            if term.contains(|c: char| c.is_whitespace() && c != ' ') || term.contains("  ") {
                term = term.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            let groups = self
                .term_groups
                .get(&term)
                .or_else(|| self.term_groups.get(term.trim_end_matches('s')))
                .or_else(|| self.term_groups.get(term.trim_end_matches("es")));
            if let Some(groups) = groups {
                for &g in groups {
                    if !out.iter().any(|(o, _)| *o == g) {
                        out.push((g, term.clone()));
                    }
                }
            }
        }
        for word in words::words(text) {
            if word.text.len() < 4 {
                continue;
            }
            if let Some(groups) = self.stem_groups.get(&words::stem(word.text)) {
                for &g in groups {
                    if !out.iter().any(|(o, _)| *o == g) {
                        out.push((g, word.text.to_lowercase()));
                    }
                }
            }
        }
        out
    }

    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(&word.to_lowercase())
    }
}

fn parse_thesaurus(text: &str) -> Vec<ThesaurusGroup> {
    data_lines(text)
        .filter_map(|line| {
            let (head, terms) = line.split_once(':')?;
            let (name, area) = match head.split_once('[') {
                Some((name, rest)) => (name.trim(), rest.trim_end_matches(']').trim()),
                None => (head.trim(), ""),
            };
            let area = match area {
                "ci" => Some(AreaOfNeed::CommunicationAndInteraction),
                "cl" => Some(AreaOfNeed::CognitionAndLearning),
                "semh" => Some(AreaOfNeed::SocialEmotionalMentalHealth),
                "sp" => Some(AreaOfNeed::SensoryPhysical),
                "pfa" => Some(AreaOfNeed::PreparingForAdulthood),
                _ => None,
            };
            let terms = terms
                .split(',')
                .map(|t| t.trim().to_lowercase())
                .filter(|t| !t.is_empty())
                .collect();
            Some(ThesaurusGroup {
                name: name.to_owned(),
                area,
                terms,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        let set = PhraseSet::new(["may".to_owned(), "e.g.".to_owned()], false);
        assert!(set.find_all("Mayfield school").is_empty());
        assert_eq!(set.find_all("it may help, e.g. daily")[0].text, "may");
        assert_eq!(set.find_all("it may help, e.g. daily")[1].text, "e.g.");
        assert_eq!(set.find_all("access  To").len(), 0);
    }

    #[test]
    fn longer_phrases_win() {
        let lexicon = Lexicon::default();
        let found = lexicon.vague_matches("Support as and when needed");
        assert_eq!(found[0].text, "Support as and when");
    }

    #[test]
    fn roles_are_found_in_words_and_abbreviations() {
        let lexicon = Lexicon::default();
        let roles: Vec<String> = lexicon
            .roles_in("A TA and an HCPC-registered speech and language therapist; ta da")
            .into_iter()
            .map(|s| s.text)
            .collect();
        assert!(roles.contains(&"TA".to_owned()));
        assert!(
            roles
                .iter()
                .any(|r| r.contains("speech and language therapist"))
        );
        assert!(!roles.contains(&"ta".to_owned()));
    }

    #[test]
    fn configured_phrases_and_roles_extend_the_defaults() {
        let config = Config {
            vague_phrases: vec!["light touch".into()],
            roles: vec!["inclusion officer".into()],
            ..Config::default()
        };
        let lexicon = Lexicon::new(&config);
        assert_eq!(lexicon.vague_matches("light touch support").len(), 1);
        assert_eq!(lexicon.roles_in("the inclusion officer").len(), 1);
    }

    #[test]
    fn thesaurus_groups_relate_words() {
        let lexicon = Lexicon::default();
        let groups: Vec<String> = lexicon
            .thesaurus_groups_in("daily phonics sessions")
            .into_iter()
            .map(|(g, _)| lexicon.thesaurus[g].name.clone())
            .collect();
        assert_eq!(groups, vec!["reading".to_owned()]);
    }
}
