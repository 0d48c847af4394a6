//! The words plans use: section titles, areas of need, how a paragraph
//! looks (heading, emphasis, table of contents), "none" statements,
//! introductions and template placeholders. Shared by the extractor's stages.

use std::sync::LazyLock;

use crate::re::Regex;

use super::{AreaOfNeed, SectionId};
use crate::docx::Paragraph;
use crate::text::{ends_with_full_stop, normalise, word_count};

/// Title phrases of each section, as local authorities write them (already
/// normalised: lower case, plain dashes and quotes). Longer phrases first
/// where one starts another.
const TITLES: &[(&str, SectionId)] = &[
    ("the views, interests and aspirations", SectionId::A),
    ("views, interests and aspirations", SectionId::A),
    ("views interests and aspirations", SectionId::A),
    ("views, wishes and aspirations", SectionId::A),
    ("views, wishes and feelings", SectionId::A),
    ("all about me", SectionId::A),
    ("about me", SectionId::A),
    ("my views", SectionId::A),
    ("my story", SectionId::A),
    ("child's views", SectionId::A),
    ("young person's views", SectionId::A),
    ("the child's views", SectionId::A),
    ("views of the child", SectionId::A),
    ("aspirations", SectionId::A),
    ("special educational needs", SectionId::B),
    ("special educational need", SectionId::B),
    ("special education needs", SectionId::B),
    ("the child's special educational needs", SectionId::B),
    ("educational needs", SectionId::B),
    ("education needs", SectionId::B),
    ("sen needs", SectionId::B),
    ("health care needs", SectionId::C),
    ("healthcare needs", SectionId::C),
    ("health needs", SectionId::C),
    ("medical needs", SectionId::C),
    ("social care needs", SectionId::D),
    ("care needs", SectionId::D),
    ("outcomes sought", SectionId::E),
    ("the outcomes sought", SectionId::E),
    ("desired outcomes", SectionId::E),
    ("agreed outcomes", SectionId::E),
    ("my outcomes", SectionId::E),
    ("outcomes", SectionId::E),
    ("special educational provision", SectionId::F),
    ("special education provision", SectionId::F),
    ("educational provision", SectionId::F),
    ("education provision", SectionId::F),
    ("sen provision", SectionId::F),
    ("health care provision", SectionId::G),
    ("healthcare provision", SectionId::G),
    ("health provision", SectionId::G),
    ("medical provision", SectionId::G),
    ("any other social care provision", SectionId::H2),
    ("other social care provision", SectionId::H2),
    ("social care provision", SectionId::H),
    ("the name and type of the school", SectionId::I),
    ("name and type of school", SectionId::I),
    ("name and type of setting", SectionId::I),
    ("school or other institution", SectionId::I),
    ("educational placement", SectionId::I),
    ("placement", SectionId::I),
    ("personal budgets", SectionId::J),
    ("personal budget", SectionId::J),
    ("advice and information", SectionId::K),
    ("list of advice", SectionId::K),
    ("advice received", SectionId::K),
    ("advice gathered", SectionId::K),
];

/// Whether `id` and the phrase's section agree (H1/H2 phrases fit H).
fn fits(phrase_id: SectionId, id: SectionId) -> bool {
    phrase_id == id
        || matches!(
            (phrase_id, id),
            (SectionId::H, SectionId::H1 | SectionId::H2)
                | (SectionId::H2, SectionId::H | SectionId::H1)
        )
}

/// The section a heading's words name, when they start with a title phrase
/// ("Special Educational Needs (SEN)", "Outcomes for Claire").
pub fn title_section(normalised: &str) -> Option<SectionId> {
    let t = normalised.trim_start_matches(|c: char| !c.is_alphanumeric());
    for &(phrase, id) in TITLES {
        if let Some(rest) = t.strip_prefix(phrase)
            && !rest.starts_with(|c: char| c.is_alphanumeric())
        {
            return Some(refine_h(id, t));
        }
    }
    None
}

/// Whether the words contain a title phrase fitting `id` anywhere.
pub fn mentions_title_of(normalised: &str, id: SectionId) -> bool {
    TITLES
        .iter()
        .any(|&(phrase, pid)| fits(pid, id) && contains_words(normalised, phrase))
        || match id {
            SectionId::H1 => mentions_h1(normalised),
            SectionId::A => normalised.contains("views") || normalised.contains("interests"),
            SectionId::K => normalised.contains("advice"),
            SectionId::I => normalised.contains("school") || normalised.contains("setting"),
            _ => false,
        }
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The CSDPA 1970 s.2 wording of section H1.
pub fn mentions_h1(normalised: &str) -> bool {
    normalised.contains("chronically sick")
        || normalised.contains("csdpa")
        || normalised.contains("section 2 of")
        || normalised.contains("s.2 ")
        || normalised.contains("s2 of")
        || contains_words(normalised, "h1")
}

/// The "any other social care provision" wording of section H2.
pub fn mentions_h2(normalised: &str) -> bool {
    normalised.contains("other social care")
        || normalised.contains("any other")
        || contains_words(normalised, "h2")
}

fn refine_h(id: SectionId, normalised: &str) -> SectionId {
    if id != SectionId::H {
        return id;
    }
    match (mentions_h1(normalised), mentions_h2(normalised)) {
        (true, false) => SectionId::H1,
        (false, true) => SectionId::H2,
        _ => SectionId::H,
    }
}

/// A parsed section heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingParse {
    pub id: SectionId,
    pub form: HeadingForm,
    /// "A1", "B2": a numbered part of a section (never H1/H2).
    pub sub: bool,
    /// Further sections a combined heading names ("Sections B, E and F").
    pub also: [Option<SectionId>; 6],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HeadingForm {
    /// "Section B …", "Part A – …".
    Prefixed,
    /// "B. Special educational needs", "H2 Any other social care provision".
    Letter,
    /// "Special educational needs" (title words only).
    TitleOnly,
}

static PREFIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:sections?|part)\s*(?P<l>[a-k])(?P<n>\d{1,2})?(?P<rest>.*)$")
        .expect("pattern")
});

static ALSO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)(?:sections?\s*)?(?P<l>[a-k])(?P<n>[12])?\b")
        .expect("pattern")
});

static LETTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{LETTER_HEAD}(?P<rest>.+)$")).expect("pattern"));

const LETTER_HEAD: &str = r"(?i)^\(?(?P<l>[a-k])(?P<n>\d{1,2})?\s*(?P<sep>[.:)\-])?\s+";

/// [`LETTER`] without its `(?P<rest>.+)$`, which `regex-lite` would step
/// through character by character to the end of the text.
static LETTER_HEAD_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(LETTER_HEAD).expect("pattern"));

/// What [`LETTER`] captures: the letter, its number, whether a separator
/// follows, and the rest. The head alone settles it when what follows is
/// one non-empty line (then `.+$` takes all of it, after the head the
/// pattern would choose anyway); otherwise the whole pattern decides.
fn letter_parts(t: &str) -> Option<(&str, Option<&str>, bool, &str)> {
    fn parts<'t>(
        c: &crate::re::Captures<'t>,
        rest: Option<&'t str>,
    ) -> Option<(&'t str, Option<&'t str>, bool, &'t str)> {
        let rest = rest.or_else(|| c.name("rest").map(|m| m.as_str()))?;
        let l = c.name("l")?.as_str();
        Some((
            l,
            c.name("n").map(|m| m.as_str()),
            c.name("sep").is_some(),
            rest,
        ))
    }
    let head = LETTER_HEAD_ONLY.captures(t)?;
    let rest = &t[head.get(0)?.end()..];
    if !rest.is_empty() && !rest.contains('\n') {
        parts(&head, Some(rest))
    } else {
        parts(&LETTER.captures(t)?, None)
    }
}

fn letter_id(letter: &str, number: Option<&str>) -> Option<(SectionId, bool)> {
    let l = letter.to_ascii_uppercase();
    match (l.as_str(), number) {
        ("H", Some("1")) => Some((SectionId::H1, false)),
        ("H", Some("2")) => Some((SectionId::H2, false)),
        (_, n) => SectionId::parse(&l).map(|id| (id, n.is_some())),
    }
}

/// Reads a heading's words: "Section B – Special educational needs",
/// "Part A: All about me", "B. Special educational needs", "H2 Any other
/// social care provision", or (when `title_only` is allowed) the title
/// alone. Sentences that merely mention a section ("Section F below sets
/// out …") are not headings.
pub fn parse_heading(text: &str, title_only: bool) -> Option<HeadingParse> {
    let t = normalise(text);
    let t = t.trim_start_matches(['•', '*', '-', ' ']);
    if let Some(c) = PREFIXED.captures(t) {
        let rest = c.name("rest").map_or("", |m| m.as_str());
        if rest.starts_with(|ch: char| ch.is_alphanumeric()) {
            // "Sections", "Section Bs", "section 2".
        } else if let Some((mut id, sub)) = letter_id(&c["l"], c.name("n").map(|m| m.as_str())) {
            let mut also = [None; 6];
            let mut rest = rest;
            let mut k = 0;
            while let Some(m) = ALSO.captures(rest) {
                if k < also.len() {
                    also[k] = letter_id(&m["l"], m.name("n").map(|m| m.as_str())).map(|x| x.0);
                    k += 1;
                }
                rest = &rest[m.get(0).map_or(rest.len(), |m| m.end())..];
            }
            let words = rest.trim_start_matches(|ch: char| !ch.is_alphanumeric() && ch != '(');
            let separated = rest
                .trim_start()
                .starts_with([':', '-', '.', ')', '(', ',', '/', '|'])
                || words.is_empty();
            if separated || mentions_title_of(words, id) {
                if id == SectionId::H {
                    id = refine_h(id, words);
                }
                return Some(HeadingParse {
                    id,
                    form: HeadingForm::Prefixed,
                    sub,
                    also,
                });
            }
        }
        return None;
    }
    if let Some((letter, number, separated, rest)) = letter_parts(t)
        && let Some((mut id, sub)) = letter_id(letter, number)
    {
        // The words must name the section: "A. All about me", never "A child …".
        // "A. Tyler's views, interests and aspirations": with its separator,
        // the title may follow the child's name.
        let after_name = separated
            && rest
                .split_once(['\'', '\u{2019}'])
                .and_then(|(name, tail)| {
                    let tail = tail.strip_prefix("s ")?;
                    (!name.contains(' ') && name.chars().next().is_some_and(char::is_alphabetic))
                        .then_some(tail)
                })
                .and_then(title_section)
                .is_some_and(|tid| fits(tid, id));
        let named = title_section(rest).is_some_and(|tid| fits(tid, id))
            || after_name
            || (sub && mentions_title_of(rest, id))
            || (matches!(id, SectionId::H1 | SectionId::H2)
                && (rest.contains("social care") || mentions_h1(rest)));
        if named {
            if id == SectionId::H {
                id = refine_h(id, rest);
            }
            return Some(HeadingParse {
                id,
                form: HeadingForm::Letter,
                sub,
                also: [None; 6],
            });
        }
    }
    if title_only {
        return title_section(t).map(|id| HeadingParse {
            id,
            form: HeadingForm::TitleOnly,
            sub: false,
            also: [None; 6],
        });
    }
    None
}

/// The area of need a heading (or an item's opening words) names.
pub fn area_of(text: &str) -> Option<AreaOfNeed> {
    // Each area's pattern, with words one of which every match holds (a
    // cheap test that spares most texts the pattern).
    type Area = (Regex, &'static [&'static str], AreaOfNeed);
    static AREAS: LazyLock<Vec<Area>> = LazyLock::new(|| {
        [
            (
                r"communication and interaction|speech,? language and communication|\bslcn?\b|communication,? language|social communication|\bcommunication\b",
                &["communication", "slc"][..],
                AreaOfNeed::CommunicationAndInteraction,
            ),
            (
                r"cognition and learning|\blearning\b|\bliteracy\b|\bnumeracy\b|\bcognition\b",
                &["learning", "literacy", "numeracy", "cognition"],
                AreaOfNeed::CognitionAndLearning,
            ),
            (
                r"social,? emotional,? (?:and )?mental health|\bsemh\b|\bsocial,? emotional\b|emotional (?:health|wellbeing|well-being)|mental health",
                &["emotional", "semh", "mental health"],
                AreaOfNeed::SocialEmotionalMentalHealth,
            ),
            (
                r"sensory and/or physical|sensory and physical|sensory,? physical|physical and sensory|\bsensory\b|\bphysical\b|\bmotor\b|\bmobility\b|hearing|vision|visual",
                &["sensory", "physical", "motor", "mobility", "hearing", "visi"],
                AreaOfNeed::SensoryPhysical,
            ),
            (
                r"preparing for adulthood|preparation for adulthood|\bpfa\b|independent living|independence|employment|community (?:participation|inclusion)|friends,? relationships",
                &["adulthood", "pfa", "independen", "employment", "community", "friends"],
                AreaOfNeed::PreparingForAdulthood,
            ),
        ]
        .into_iter()
        .map(|(p, words, a)| (Regex::new(&format!("(?i){p}")).expect("pattern"), words, a))
        .collect()
    });
    // The earliest mention wins ("Communication and interaction (learning)").
    AREAS
        .iter()
        .filter(|(_, words, _)| crate::re::may_contain_folded(text, words))
        .filter_map(|(re, _, a)| re.find(text).map(|m| (m.start(), *a)))
        .min_by_key(|&(start, _)| start)
        .map(|(_, a)| a)
}

/// The area named at the very start of an item ("Communication and
/// interaction: Claire …", "SEMH – …").
pub fn area_prefix(text: &str) -> Option<AreaOfNeed> {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s*(communication and interaction|speech,? language and communication(?: needs)?|cognition and learning|social,? emotional,? (?:and )?mental health|semh|sensory and/or physical|sensory and physical|physical and sensory|preparing for adulthood|pfa)(?: needs?)?\s*[:\-\u{2013}\u{2014}]",
        )
        .expect("pattern")
    });
    PREFIX.captures(text).and_then(|c| area_of(&c[1]))
}

/// How a paragraph looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    /// A Word heading style, "Title", or an outline level.
    pub styled: bool,
    /// Bold, or large (14pt and up).
    pub emphasised: bool,
    /// A table-of-contents style.
    pub toc_style: bool,
}

pub fn look(p: &Paragraph) -> Look {
    let style = p
        .style_name
        .as_deref()
        .or(p.style_id.as_deref())
        .map(normalise)
        .unwrap_or_default();
    let id = p.style_id.as_deref().map(normalise).unwrap_or_default();
    let toc_style = style.starts_with("toc")
        || id.starts_with("toc")
        || style.starts_with("table of contents")
        || style.starts_with("contents");
    let styled = !toc_style
        && (p.outline_level.is_some_and(|l| l < 9)
            || style.starts_with("heading")
            || id.starts_with("heading")
            || style == "title"
            || style == "subtitle");
    Look {
        styled,
        emphasised: p.bold || p.size_half_points.is_some_and(|s| s >= 28),
        toc_style,
    }
}

/// A short line that reads as a heading: styled, or emphasised or ending
/// in a colon, few words, no final full stop.
pub fn is_subheading(p: &Paragraph) -> bool {
    let text = p.text.trim();
    if text.is_empty() || ends_with_full_stop(text) {
        return false;
    }
    let words = word_count(text);
    let l = look(p);
    if l.styled {
        return words <= 20;
    }
    if p.list.as_ref().is_some_and(|l| !l.bullet) && !p.bold {
        return false;
    }
    if (l.emphasised) && words <= 12 {
        return true;
    }
    if text.ends_with(':') && words <= 6 && p.list.is_none() {
        return true;
    }
    // A line that is nothing but an area of need ("Cognition and Learning").
    words <= 6 && p.list.is_none() && is_area_title(text)
}

/// The text is an area-of-need title and little else.
pub fn is_area_title(text: &str) -> bool {
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s*(?:area of need\s*[:\-]?\s*)?(?:communication and interaction|speech,? language and communication|cognition and learning|social,? emotional,? (?:and )?mental health|semh|sensory and/or physical|sensory and physical|physical and sensory|preparing for adulthood|physical|sensory)(?:\s+needs?)?(?:\s*\([^)]*\))?\s*:?\s*$",
        )
        .expect("pattern")
    });
    TITLE.is_match(text)
}

/// The pattern of [`is_none_statement`].
const NONE_PATTERN: &str = r"(?ix)^\s*(?:
                (?:none|nil|n/?a|not\ applicable|no\ (?:needs?|provision)|not\ required|nothing\ to\ (?:record|report|add))
                    (?:\s*(?:[-:\u{2013}\u{2014}(]|at\ (?:this|the\ present)\ time|currently|identified|required|known|\.).*)?
              | no\ (?:\w+[\s/]+){0,6}(?:needs?|provision|budget|concerns?|involvement|services?|support|issues?)\b.*\b(?:identified|required|needed|at\ (?:this|the\ present)\ time|currently|known|been\ requested|requested|assessed|in\ place|has\ been|have\ been|is|are)\b.*
              | there\ (?:are|is)\ (?:currently\ |presently\ )?no\ .*
              | (?:\w+\ ){1,3}(?:has|have)\ no\ (?:(?:identified|known|current|other|additional|further|specific|health|medical|social|care|educational|special|significant|physical|therapy)\s+){0,3}(?:needs?|provision)\b.*
              | (?:\w+\ ){1,3}(?:does\ not|doesn't|do\ not|don't)\ (?:currently\ )?(?:have|require|need)\ (?:any\ )?(?:\w+\ ){0,3}(?:needs?|provision|support|budget|involvement)\b.*
              | (?:\w+\ ){0,3}(?:is|are)\ not\ (?:currently\ )?(?:known\ to|open\ to|eligible\ for|receiving)\b.*
              | no\ personal\ budget.*
            )$";

/// "None", "N/A", "No health needs have been identified", "There are no
/// social care needs at this time", "Claire does not have any health needs".
pub fn is_none_statement(text: &str) -> bool {
    static NONE: LazyLock<Regex> = LazyLock::new(|| Regex::new(NONE_PATTERN).expect("pattern"));
    let t = text.trim();
    // Every alternative holds "no" ("none", "not", "nothing"), "nil",
    // "n/a" or "na", or "n't".
    !t.is_empty()
        && word_count(t) <= 30
        && crate::re::may_contain_folded(t, &["no", "nil", "na", "n/a", "n't"])
        && NONE.is_match(t)
}

/// A need paragraph that says there is nothing to record, after some
/// background: "Leo's autism was diagnosed in 2022. He has no other health
/// needs related to his special educational needs." One of its sentences
/// is a none statement and no other sentence states a need.
pub fn is_none_paragraph(text: &str) -> bool {
    static STATES_NEED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\bneeds? (?:to|a|an|help|support|adult)\b|\bdifficult|\bstruggl|\bunable\b|\bcannot\b|\bcan't\b|\brequires?\b|\bfinds? it (?:hard|difficult)\b|\bat risk\b|\bdiagnosed with\b|\bhas (?:a|an) (?:diagnosis|condition)\b",
        )
        .expect("pattern")
    });
    if is_none_statement(text) {
        return true;
    }
    let sentences: Vec<&str> = text
        .split_inclusive(['.', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if sentences.len() < 2 || word_count(text) > 60 {
        return false;
    }
    let mut none = false;
    for s in &sentences {
        let s = s.trim_end_matches(['.', ';']);
        // "He has no other health needs…, and no health needs are recorded here"
        if is_none_statement(s) || s.split(", and ").any(is_none_statement) {
            none = true;
        } else if STATES_NEED.is_match(s) {
            return false;
        }
    }
    none
}

/// Section I of a draft: the setting is not named yet ("To be named in
/// the final plan", "To be confirmed following consultation").
pub fn is_placement_pending(text: &str) -> bool {
    static PENDING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s*(?:(?:the\s+)?(?:school|setting|placement|name\s+of\s+(?:the\s+)?(?:school|setting))\s+(?:is\s+|will\s+be\s+)?)?(?:to\s+be|will\s+be)\s+(?:named|confirmed|agreed|decided|determined|identified|finalised|completed)\b|(?:not|is\s+not|are\s+not)\s+(?:named|completed)\s+(?:in|at)\s+(?:the\s+)?(?:a\s+)?draft|left\s+blank\s+(?:in|at|for)\s+(?:the\s+)?(?:a\s+)?draft",
        )
        .expect("pattern")
    });
    word_count(text) <= 30 && PENDING.is_match(text)
}

/// A paragraph introducing what follows ("Claire's needs are described
/// below:", "The outcomes are as follows").
pub fn is_introduction(text: &str) -> bool {
    static INTRO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:described|set out|listed|detailed|outlined|summarised|summarized|shown|recorded|given|included|written)(?: (?:in|within) (?:the )?(?:table|tables|section|sections|boxes|box)(?: [a-k]\d?)?)? below\b|\bin the (?:table|tables|boxes|box) below\b|\bas follows\b|^(?:in )?this section\b|\bthe following\b.*:\s*$|^(?:please )?(?:see|refer to)\b|^(?:for|the)\b[^.]*\b(?:see|in|under) sections? [a-k]\d?\b",
        )
        .expect("pattern")
    });
    let t = text.trim();
    // Every alternative holds one of these words.
    (t.ends_with(':') && word_count(t) <= 25)
        || (word_count(t) <= 40
            && crate::re::may_contain_folded(t, &["below", "follow", "section", "see", "refer to"])
            && INTRO.is_match(t))
}

/// Template prompt text left in ("Click or tap here to enter text.",
/// "[Insert outcome]"): not an item.
pub fn is_placeholder(text: &str) -> bool {
    static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^\s*(?:click (?:or tap )?here to enter (?:text|a date)\.?|\[[^\]]*\]|<[^>]*>|x{3,}|tbc\.?|lorem ipsum.*)\s*$",
        )
        .expect("pattern")
    });
    PLACEHOLDER.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_statements_are_what_the_pattern_finds() {
        let none = regex::Regex::new(NONE_PATTERN).unwrap();
        let mut texts = crate::re::tests::haystacks();
        texts
            .extend(["N/A", "na", "Nil.", "He doesn't need any support", "NONE"].map(String::from));
        for t in &texts {
            let trimmed = t.trim();
            let expected =
                !trimmed.is_empty() && word_count(trimmed) <= 30 && none.is_match(trimmed);
            assert_eq!(is_none_statement(t), expected, "{t:?}");
        }
    }

    #[test]
    fn letter_parts_are_what_the_whole_pattern_captures() {
        let letter = regex::Regex::new(LETTER.as_str()).unwrap();
        let mut texts = crate::re::tests::haystacks();
        texts.extend(texts.iter().map(|t| normalise(t)).collect::<Vec<_>>());
        texts.extend(
            [
                "B. ",
                "b.  x",
                "A \n",
                "A\tx\ny",
                "(E2) - reading",
                "K12: all",
                "a  ",
                "C.\nText",
            ]
            .map(String::from),
        );
        for t in &texts {
            let expected = letter.captures(t).map(|c| {
                (
                    c.name("l").unwrap().as_str(),
                    c.name("n").map(|m| m.as_str()),
                    c.name("sep").is_some(),
                    c.name("rest").unwrap().as_str(),
                )
            });
            assert_eq!(letter_parts(t), expected, "{t:?}");
        }
    }

    fn id(text: &str) -> Option<SectionId> {
        parse_heading(text, true).map(|h| h.id)
    }

    #[test]
    fn reads_every_usual_heading_form() {
        use SectionId::*;
        for (text, want) in [
            (
                "Section A: The views, interests and aspirations of Claire",
                A,
            ),
            ("Part A – All about me", A),
            ("A. All about me", A),
            ("B. Special educational needs", B),
            ("A. Tyler's views, interests and aspirations", A),
            ("B: Sam’s special educational needs", B),
            ("Section B - Special Educational Needs (SEN)", B),
            ("SECTION B", B),
            ("Section C: Health needs which relate to SEN", C),
            ("Section D – Social care needs", D),
            ("Section E: Outcomes", E),
            ("Section F: Special educational provision", F),
            ("Section G – Health provision", G),
            (
                "Section H1 – Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970",
                H1,
            ),
            ("H2 Any other social care provision", H2),
            ("Section H: Social care provision", H),
            ("Section I: Placement", I),
            ("Section J: Personal budget", J),
            ("Section K: Advice and information", K),
            ("Special Educational Needs", B),
            ("Health needs", C),
            ("Social care needs", D),
            ("Outcomes", E),
            ("Health provision", G),
            ("Placement", I),
            ("Personal Budget", J),
            ("Advice and information", K),
            ("Section A1 About me", A),
            ("Section B Special educational needs", B),
            ("Sections B, E and F", B),
        ] {
            assert_eq!(id(text), Some(want), "{text}");
        }
        assert!(parse_heading("Section A1 About me", false).unwrap().sub);
        let combined = parse_heading("Sections D, E, H1 and H2: Social care", false).unwrap();
        assert_eq!(combined.id, D);
        assert_eq!(
            combined.also,
            [Some(E), Some(H1), Some(H2), None, None, None]
        );
        assert_eq!(parse_heading("Section B and a summary of it", false), None);
    }

    #[test]
    fn sentences_and_lookalikes_are_not_headings() {
        for text in [
            "Provision is set out in Section F below.",
            "Section F below sets out the provision",
            "A child who struggles with reading",
            "I am happy at school",
            "B1 Claire has difficulty with reading",
            "Section 2",
            "Needs",
            "Strengths",
            "Communication and interaction",
        ] {
            assert_eq!(id(text), None, "{text}");
        }
        assert_eq!(parse_heading("Outcomes", false), None);
    }

    #[test]
    fn names_areas_of_need() {
        assert_eq!(
            area_of("Communication and Interaction"),
            Some(AreaOfNeed::CommunicationAndInteraction)
        );
        assert_eq!(
            area_of("Social, Emotional and Mental Health"),
            Some(AreaOfNeed::SocialEmotionalMentalHealth)
        );
        assert_eq!(
            area_of("Sensory and/or physical"),
            Some(AreaOfNeed::SensoryPhysical)
        );
        assert_eq!(
            area_of("Cognition and learning"),
            Some(AreaOfNeed::CognitionAndLearning)
        );
        assert_eq!(
            area_of("Preparing for Adulthood"),
            Some(AreaOfNeed::PreparingForAdulthood)
        );
        assert_eq!(area_of("Strengths"), None);
        assert_eq!(
            area_prefix("SEMH: Claire becomes anxious"),
            Some(AreaOfNeed::SocialEmotionalMentalHealth)
        );
        assert_eq!(area_prefix("Claire has learning needs"), None);
        assert!(is_area_title("Cognition and Learning"));
        assert!(is_area_title("Sensory and/or Physical Needs"));
        assert!(!is_area_title("Claire finds learning hard"));
    }

    #[test]
    fn recognises_none_statements_introductions_and_placeholders() {
        for t in [
            "None",
            "None.",
            "N/A",
            "Not applicable",
            "No health needs have been identified.",
            "No social care needs identified at this time",
            "There are no social care needs.",
            "Claire does not have any health needs.",
            "No personal budget has been requested.",
            "None at this time",
            "Maya has no social care needs related to her special educational needs or disability.",
            "Harry has no identified health needs related to his special educational needs.",
            "Noah has no health needs related to his special educational needs. He is seen by the paediatrician once a year.",
        ] {
            assert!(is_none_statement(t), "{t}");
        }
        for t in [
            "Claire needs support with reading.",
            "Nonetheless Claire reads well.",
            "No more than 10 minutes of sustained attention",
            "Sam has no strategies to calm himself and needs an adult to help him.",
            "Sam has no friends and needs help to join games.",
        ] {
            assert!(!is_none_statement(t), "{t}");
        }
        assert!(is_none_paragraph(
            "Leo's autism was diagnosed in 2022. He has no other health needs related to his special educational needs."
        ));
        assert!(!is_none_paragraph(
            "Sam has asthma and needs an inhaler before PE. He has no other health needs."
        ));
        assert!(!is_none_paragraph(
            "Sam's parents need a break from caring: Sam needs to spend time with other children."
        ));
        assert!(is_introduction("Claire's needs are described below."));
        assert!(is_introduction("Claire will:"));
        assert!(is_introduction("Provision is set out in the table below."));
        assert!(is_introduction(
            "The outcomes are listed in the table below"
        ));
        assert!(!is_introduction("Claire will read 50 words by July 2026."));
        assert!(is_introduction(
            "For the provision that meets each of these needs, see Section F; the outcomes are in Section E."
        ));
        assert!(!is_introduction(
            "Speech therapy, weekly (see Section G for the health part)."
        ));
        assert!(is_placement_pending("To be named in the final plan."));
        assert!(is_placement_pending(
            "This section is not completed in a draft plan."
        ));
        assert!(!is_placement_pending(
            "Oakfield Primary School (mainstream)"
        ));
        assert!(is_placeholder("Click or tap here to enter text."));
        assert!(is_placeholder("[Insert outcome]"));
        assert!(!is_placeholder("Claire [age 9] reads"));
    }
}
