//! People in the text: first names used as the subject of a sentence, names
//! stated as someone other than the child (a parent, a sibling, a
//! professional), and the pronouns used for the child.

use std::sync::LazyLock;

use crate::re::Regex;

use super::words::is_word_char;
use super::{Lexicon, PhraseSet, Span};

/// The pronoun set a word belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pronoun {
    He,
    She,
}

impl Pronoun {
    pub fn as_str(self) -> &'static str {
        match self {
            Pronoun::He => "he/him/his",
            Pronoun::She => "she/her/hers",
        }
    }
}

/// The pronouns, matched as whole words in any case: what
/// `(?i)\b(?:he|him|his|himself|she|her|hers|herself)\b` finds.
static PRONOUN: LazyLock<PhraseSet> = LazyLock::new(|| {
    PhraseSet::new(
        [
            "he", "him", "his", "himself", "she", "her", "hers", "herself",
        ]
        .map(String::from),
        false,
    )
});

/// He/him/his and she/her/hers pronouns in `text`.
pub fn pronouns(text: &str) -> Vec<(Span, Pronoun)> {
    PRONOUN
        .find_all(text)
        .into_iter()
        .map(|span| {
            let kind = match span.text.to_ascii_lowercase().as_str() {
                "he" | "him" | "his" | "himself" => Pronoun::He,
                _ => Pronoun::She,
            };
            (span, kind)
        })
        .collect()
}

/// Relatives and professionals: a sentence that mentions one may use "she"
/// or "he" for them, not for the child.
/// What the pattern [`OTHER_PERSON_PATTERN`] matches, as whole words in
/// any case: each word and each word with "s" after it.
static OTHER_PERSON: LazyLock<PhraseSet> = LazyLock::new(|| {
    let mut words: Vec<String> = Vec::new();
    for word in OTHER_PEOPLE.split('|') {
        words.push(word.to_owned());
        words.push(format!("{word}s"));
    }
    PhraseSet::new(words, false)
});

/// `(?i)\b(?:…)s?\b` over these, separated by `|` (the pattern, spelled out: `parents?`
/// gives "parent" and "parents", `step-?mum` gives "step-mum" and
/// "stepmum", `foster\s+carer` "foster carer").
static OTHER_PEOPLE: &str = "mum|mummy|mother|mom|dad|daddy|father|parent|parents|carer|carers|step-mum|step-dad|step-mother|step-father|stepmum|stepdad|stepmother|stepfather|brother|sister|sibling|siblings|grandma|grandpa|grandmother|grandfather|grandparent|grandparents|nan|nana|nanny|grandad|granddad|aunt|auntie|uncle|cousin|foster carer|guardian|teacher|therapist|assistant|psychologist|nurse|doctor|dr|paediatrician|worker|senco|sendco|tutor|mentor|coach|practitioner|consultant|mrs|mr|ms|miss|friend|peer|boyfriend|girlfriend|partner|baby|family";

/// The pattern [`OTHER_PERSON`] stands for (its test compares the two).
#[cfg(test)]
const OTHER_PERSON_PATTERN: &str = r"(?i)\b(?:mum|mummy|mother|mom|dad|daddy|father|parents?|carers?|step-?(?:mum|dad|mother|father)|brother|sister|sibling|siblings|grand(?:ma|pa|mother|father|parents?)|nan|nana|nanny|grandad|granddad|aunt|auntie|uncle|cousin|foster\s+carer|guardian|teacher|therapist|assistant|psychologist|nurse|doctor|dr|paediatrician|worker|senco|sendco|tutor|mentor|coach|practitioner|consultant|mrs|mr|ms|miss|friend|peer|boyfriend|girlfriend|partner|baby|family)s?\b";

/// True when the sentence speaks of someone other than the child (so its
/// pronouns may be theirs).
pub fn mentions_other_person(sentence: &str) -> bool {
    OTHER_PERSON.is_match(sentence)
}

/// A capitalised word followed by a verb or possessive: the subject of a
/// sentence about someone ("Tom will", "Tom's reading", "Tom needs").
/// [`subject_names`] finds its matches by hand; the test compares.
#[cfg(test)]
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b([A-Z][a-z]+){SUBJECT_AFTER}")).expect("subject regex")
});

/// What follows the name in [`SUBJECT`], anchored: tried after the
/// capitalised words that are first names only.
static SUBJECT_AFTER_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{SUBJECT_AFTER}")).expect("subject regex"));

const SUBJECT_AFTER: &str = r"(?:['’]s\b|\s+(?:will|needs|needed|has|had|is|was|can|cannot|can't|should|would|could|may|might|must|finds|found|struggles|struggled|enjoys|enjoyed|likes|liked|loves|wants|wanted|requires|uses|does|did|becomes|gets|responds|benefits|communicates|reads|writes|works|attends|manages|understands|shows|presents|continues|experiences|tends|prefers|says|said|told|lives|goes|learns|knows|feels|makes|takes|gives|would|to\s+(?:be|develop|improve|use|learn|read|write|have|receive|access|attend|make|continue)))\b";

/// First names (from the lexicon) used as the subject of a sentence in
/// `text`: the names of [`SUBJECT`]'s matches that are first names. Only
/// the capitalised words that are first names are tried, with what
/// follows them; matches cannot overlap (each ends at the end of a
/// lower-case word or "'s"), so this finds the same.
pub fn subject_names(text: &str, lexicon: &Lexicon) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut position = 0;
    while position < bytes.len() {
        let start = position;
        // `\b[A-Z][a-z]+`: a capital after a non-word character.
        if !bytes[start].is_ascii_uppercase()
            || text[..start].chars().next_back().is_some_and(is_word_char)
        {
            position += 1;
            continue;
        }
        let end = start
            + 1
            + bytes[start + 1..]
                .iter()
                .take_while(|b| b.is_ascii_lowercase())
                .count();
        position = end;
        if end > start + 1
            && lexicon.is_first_name(&text[start..end])
            && SUBJECT_AFTER_NAME.is_match(&text[end..])
        {
            out.push(Span::new(text, start..end));
        }
    }
    out
}

static RELATION: &str = r"(?:mum|mummy|mother|mom|dad|daddy|father|parent|carer|step-?(?:mum|dad|mother|father)|brother|sister|sibling|twin|half-?(?:brother|sister)|grand(?:ma|pa|mother|father)|nan|nana|nanny|grandad|granddad|aunt|auntie|uncle|cousin|foster\s+carer|guardian|friend|best\s+friend|teacher|class\s+teacher|therapist|assistant|ta|psychologist|nurse|doctor|paediatrician|social\s+worker|worker|senco|sendco|tutor|mentor|coach|practitioner|consultant|headteacher|head\s+teacher|pet|dog|cat)";

/// Names stated as someone other than the child: "his sister Lily", "Mum
/// (Sarah)", "Sarah, Claire's mum", "Dr Sarah Jones", "Mrs Brown".
static OTHER_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)
          \b{RELATION}s?\s*(?:[,:(–-]\s*|\s+(?:is\s+|called\s+|named\s+)?)(?P<a>(?-i:[A-Z][a-z]+))
        | \b(?P<b>(?-i:[A-Z][a-z]+))\s*(?:\(|,|–|-)\s*(?:(?:his|her|their|my|the|(?-i:[A-Z][a-z]+)['’]s)\s+)?{RELATION}\b
        | \b(?P<c>(?-i:[A-Z][a-z]+))\s+(?:is|was)\s+(?:(?:his|her|their|my|the|(?-i:[A-Z][a-z]+)['’]s)\s+)?(?:older\s+|younger\s+|big\s+|little\s+|twin\s+)?{RELATION}\b
        | \b(?:dr|mr|mrs|ms|miss|prof)\.?\s+(?P<d>(?-i:[A-Z][a-z]+))
        | \b(?:(?:my|his|her|their)\s+)(?:older\s+|younger\s+|big\s+|little\s+|twin\s+)?{RELATION}s?\s+(?:is\s+|are\s+)?(?P<e>(?-i:[A-Z][a-z]+))
        "
    ))
    .expect("other named regex")
});

/// Names (as written) that the text states belong to someone other than the child.
pub fn names_of_others(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for c in OTHER_NAMED.captures_iter(text) {
        for group in ["a", "b", "c", "d", "e"] {
            if let Some(m) = c.name(group) {
                out.push(m.as_str().to_owned());
            }
        }
    }
    out
}

/// Capitalised words followed by a school word: "Oakfield Primary", "St
/// Mary's", "Ashley Park Academy" — names of places, not people.
static PLACE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b([A-Z][a-z]+)(?:['’]s)?\s+(?:(?:[A-Z][a-z]+|C\s+of\s+E|CE|RC)\s+){0,3}(?:Primary|Secondary|Infant|Infants|Junior|Juniors|Academy|School|College|High|Nursery|Centre|Center|Hospital|Clinic|Trust|Council|House|Road|Street|Lane|Park|Court|Avenue|Way|Close|Federation|Campus|Unit)\b",
    )
    .expect("place regex")
});

/// First words of place names in `text` ("Oakfield" of "Oakfield Primary").
pub fn place_name_words(text: &str) -> Vec<String> {
    PLACE_NAME
        .captures_iter(text)
        .map(|c| c[1].to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_names_need_a_verb() {
        let lexicon = Lexicon::default();
        let names: Vec<String> = subject_names(
            "Tom will read. Claire's spelling. Support for Harry. Sophie needs help.",
            &lexicon,
        )
        .into_iter()
        .map(|s| s.text)
        .collect();
        assert_eq!(names, ["Tom", "Claire", "Sophie"]);
    }

    #[test]
    fn others_are_recognised() {
        let names = names_of_others(
            "I live with my mum Sarah and my brother Tom. Lily (sister) is 4. Dr Ethan Jones wrote. Ben is Claire's cousin.",
        );
        for n in ["Sarah", "Tom", "Lily", "Ethan", "Ben"] {
            assert!(names.contains(&n.to_owned()), "{n} in {names:?}");
        }
    }

    /// The phrase sets find what the patterns they replace find.
    #[test]
    fn word_sets_match_as_their_patterns() {
        let other = regex::Regex::new(OTHER_PERSON_PATTERN).unwrap();
        let pronoun =
            regex::Regex::new(r"(?i)\b(?:he|him|his|himself|she|her|hers|herself)\b").unwrap();
        let mut texts = crate::re::tests::haystacks();
        texts.extend(
            [
                "his step-mum and Stepdads; a Foster\u{a0}Carer; parentss; the SENCOs",
                "HE said; Himself; HERS; hers’; she’s; ſhe; the Mums",
                "mummy-to-be; grand-mother; Mrs. Smith; x-dr",
                "Tom will; Tom’s; ÉTom will; Tom Harry will; TOM will; Tomwill; Tom\u{a0}needs; Sophie's Tom's",
            ]
            .map(String::from),
        );
        let lexicon = Lexicon::default();
        let subject = regex::Regex::new(SUBJECT.as_str()).unwrap();
        for text in &texts {
            let names: Vec<_> = subject_names(text, &lexicon)
                .into_iter()
                .map(|s| s.range)
                .collect();
            let expected: Vec<_> = subject
                .captures_iter(text)
                .map(|c| c.get(1).unwrap())
                .filter(|m| lexicon.is_first_name(m.as_str()))
                .map(|m| m.range())
                .collect();
            assert_eq!(names, expected, "{text:?}");
            assert_eq!(
                mentions_other_person(text),
                other.is_match(text),
                "{text:?}"
            );
            let found: Vec<_> = pronouns(text).into_iter().map(|(s, _)| s.range).collect();
            let expected: Vec<_> = pronoun.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn pronouns_are_counted() {
        let p = pronouns("She likes her cat; he is her brother.");
        assert_eq!(p.iter().filter(|(_, k)| *k == Pronoun::She).count(), 3);
        assert!(mentions_other_person("he is her brother"));
        assert_eq!(place_name_words("at Oakfield Primary School"), ["Oakfield"]);
    }
}
