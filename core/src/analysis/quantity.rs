//! How often, how long, how much and in what group: the quantities CoP 9.69
//! asks provision to state.

use std::sync::LazyLock;

use crate::re::{Regex, RegexBuilder, WordLed};

use super::Span;
use super::words::NUMBER;

/// `build`, tried only at the words a match can begin with and at numbers.
fn word_led(pattern: &str, first_words: &'static str) -> WordLed {
    WordLed::new(
        RegexBuilder::new(pattern)
            .case_insensitive(true)
            .ignore_whitespace(true),
        first_words,
        true,
    )
    .expect("quantity regex")
}

/// The words a frequency can begin with: the number words of `NUMBER` and
/// the first word of each alternative of [`FREQUENCY`] ("half-termly",
/// "biweekly", "fulltime" and "Mondays" are one word each).
const FREQUENCY_FIRST_WORDS: &str = "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty sixty a an half* once twice daily weekly fortnightly monthly termly annually yearly bi* nightly each every per on at throughout across for in during mon* tues* wednes* thurs* fri* satur* sun* full* morning afternoon";

/// The words a duration can begin with. A number may run into its unit
/// ("30minutes", "aday"), so the number words are prefixes.
const DURATION_FIRST_WORDS: &str = "one* two* three* four* five* six* seven* eight* nine* ten* eleven* twelve* fifteen* twenty* thirty* forty* sixty* a* half* full* part* whole for over";

fn build(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .ignore_whitespace(true)
        .build()
        .expect("quantity regex")
}

const PERIOD: &str = r"(?:january|february|march|april|june|july|august|september|october|november|december|day|morning|afternoon|evening|night|lesson|session|week|fortnight|month|term|half[\s-]?term|school\s+day|school\s+week|academic\s+year|year|break(?:\s?time)?|lunch(?:\s?time)?|playtime|visit)s?";

static FREQUENCY: LazyLock<WordLed> = LazyLock::new(|| {
    word_led(
        &format!(
            r"\b(?:
            (?:once|twice|{NUMBER}\s+times?|\d+\s*(?:x|×))\s+(?:a|per|each|every|in\s+a)\s+{PERIOD}
          | \d+\s*(?:x|×)\s*(?:daily|weekly|fortnightly|monthly|termly)
          | (?:daily|weekly|fortnightly|monthly|termly|half[\s-]?termly|annually|yearly|bi-?weekly|bi-?annually|nightly)
          | (?:each|every|per)\s+(?:other\s+)?{PERIOD}
          | a\s+(?:day|week|fortnight|month|term)
          | (?:on\s+a\s+)?(?:daily|weekly|termly|monthly)\s+basis
          | at\s+all\s+times
          | (?:throughout|across|for)\s+(?:the\s+|each\s+|every\s+)?(?:whole\s+)?(?:school\s+)?(?:day|week)
          | in\s+(?:all|every)\s+(?:lessons?|subjects?|classes|sessions?)
          | (?:at|during)\s+(?:all\s+|every\s+|each\s+)?(?:break|lunch|unstructured|transition)\s*(?:times?|and\s+lunch(?:\s*times?)?)?
          | (?:mon|tues|wednes|thurs|fri|satur|sun)days?
          | full[\s-]?time
          | at\s+the\s+(?:start|beginning|end)\s+of\s+(?:each|every)\s+\w+
          | (?:morning|afternoon)\s+and\s+(?:afternoon|evening)
          | per\s+annum
        )\b"
        ),
        FREQUENCY_FIRST_WORDS,
    )
});

static DURATION: LazyLock<WordLed> = LazyLock::new(|| {
    word_led(
        &format!(
            r"\b(?:
            {NUMBER}(?:\s*(?:-|–|to)\s*\d+)?\s*-?\s*(?:minutes?|mins?|hours?|hrs?|h\b|days?|weeks?|months?|terms?|sessions?|lessons?|periods?|visits?|blocks?|nights?|overnight\s+stays?)
          | (?:an?|one|half\s+an?)\s+(?:hour|day|morning|afternoon)
          | full[\s-]?time | part[\s-]?time
          | (?:whole|full)\s+(?:school\s+)?day
          | (?:for|over)\s+(?:a\s+)?(?:block|course|programme)\s+of\s+{NUMBER}
        )\b"
        ),
        DURATION_FIRST_WORDS,
    )
});

static GROUP: LazyLock<Regex> = LazyLock::new(|| {
    build(&format!(
        r"(?:
            \b\d+\s*:\s*\d+\b
          | \bone[\s-]to[\s-]one\b | \bone[\s-]on[\s-]one\b
          | \bindividual(?:ly|\s+(?:basis|sessions?|support|work|tuition|teaching|therapy|programme))\b
          | \b(?:in\s+a\s+|small\s+)?groups?\s+of\s+(?:up\s+to\s+|no\s+more\s+than\s+|between\s+)?{NUMBER}(?:\s*(?:-|–|to|and)\s*\d+)?\b
          | \b{NUMBER}\s+(?:pupils|children|students|learners|peers)\b
          | \b(?:in\s+)?pairs\b | \bpaired\b | \bwith\s+a\s+(?:peer|partner)\b
          | \bwhole[\s-]class\b
          | \bon\s+(?:his|her|their)\s+own\b
        )"
    ))
});

/// Money, a funding band or a number of hours bought: an amount, but not provision.
static MONEY: LazyLock<Regex> = LazyLock::new(|| {
    build(
        r"(?:
            £\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:k|per\s+\w+|a\s+year|pa|p\.a\.))?
          | \b\d[\d,]*\s*(?:pounds|GBP)\b
          | \b(?:funding\s+)?band\s+(?:\d+|[A-H])\b
          | \belement\s+(?:3|three)\b
          | \btop[\s-]?up(?:\s+funding)?\b
          | \bhigh\s+needs\s+funding\b
          | \bfunding\s+(?:level|matrix)\b
        )",
    )
});

fn spans(regex: &Regex, text: &str) -> Vec<Span> {
    regex
        .find_iter(text)
        .map(|m| Span::new(text, m.range()))
        .collect()
}

fn led_spans(regex: &WordLed, text: &str) -> Vec<Span> {
    regex
        .find_iter(text)
        .map(|range| Span::new(text, range))
        .collect()
}

/// How often: "three times a week", "daily", "each lesson", "termly".
pub fn frequency(text: &str) -> Vec<Span> {
    led_spans(&FREQUENCY, text)
}

/// How long or how much: "30 minutes", "for 10 weeks", "25 hours", "full-time".
pub fn duration(text: &str) -> Vec<Span> {
    led_spans(&DURATION, text)
        .into_iter()
        // "a session" alone says nothing about amount.
        .filter(|s| {
            let lower = s.text.to_ascii_lowercase();
            !(lower.starts_with("a ") || lower.starts_with("an ") || lower.starts_with("one "))
                || lower.contains("hour")
                || lower.contains("day")
                || lower.contains("morning")
                || lower.contains("afternoon")
        })
        .collect()
}

/// Individually or in a group of what size: "1:1", "in a group of 4", "pairs".
/// Whether `text` says how often (as `!frequency(text).is_empty()`, without
/// collecting the matches).
pub fn has_frequency(text: &str) -> bool {
    FREQUENCY.is_match(text)
}

/// Whether `text` gives a group size (as `!group_size(text).is_empty()`).
pub fn has_group_size(text: &str) -> bool {
    GROUP.is_match(text)
}

pub fn group_size(text: &str) -> Vec<Span> {
    spans(&GROUP, text)
}

/// Money or funding: "£4,000", "Band 3", "top-up".
pub fn money(text: &str) -> Vec<Span> {
    spans(&MONEY, text)
}

/// True when `text` states how often or how much (any frequency or duration).
pub fn is_quantified(text: &str) -> bool {
    has_frequency(text) || !duration(text).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_led_patterns_find_what_the_patterns_find() {
        crate::re::tests::assert_word_led_agrees(
            &FREQUENCY,
            &[
                "once a week; twice per half-term; three times a day; 3x a week; 2 × weekly; 5x daily",
                "half-termly; biweekly; bi-annually; each other week; a fortnight; on a daily basis",
                "at all times; throughout the school day; in all lessons; at break and lunchtimes",
                "Mondays and Thursdays; full-time; fulltime; at the start of each lesson; morning and afternoon; per annum",
            ],
        );
        crate::re::tests::assert_word_led_agrees(
            &DURATION,
            &[
                "30 minutes; 1-2 hours; 45-minute sessions; an hour; half a day; a morning; one afternoon",
                "full-time; part time; whole school day; for a block of six; over a course of 10; 2h",
                "30minutes; aday; ah; twohours; sixtymins; half an hour",
            ],
        );
    }

    fn first(found: Vec<Span>) -> String {
        found.into_iter().next().map(|s| s.text).unwrap_or_default()
    }

    #[test]
    fn frequencies() {
        for (text, expected) in [
            ("three times a week", "three times a week"),
            ("delivered daily", "daily"),
            ("in each lesson", "each lesson"),
            ("every morning", "every morning"),
            ("2 x 30 minutes weekly", "weekly"),
            ("reviewed termly", "termly"),
            ("fortnightly visits", "fortnightly"),
            ("once per half term", "once per half term"),
            ("5 hours per week", "per week"),
            ("at all times", "at all times"),
            ("throughout the school day", "throughout the school day"),
        ] {
            assert_eq!(first(frequency(text)), expected, "{text}");
        }
        assert!(frequency("a regular basis").is_empty());
        assert!(frequency("as required").is_empty());
    }

    #[test]
    fn durations() {
        for (text, expected) in [
            ("sessions of 30 minutes", "30 minutes"),
            ("1 hour", "1 hour"),
            ("for 10 weeks", "10 weeks"),
            ("25 hours per week", "25 hours"),
            ("a full-time place", "full-time"),
            ("half an hour", "half an hour"),
            ("in a 2-hour session", "2-hour"),
        ] {
            assert_eq!(first(duration(text)), expected, "{text}");
        }
        assert!(duration("a session with the therapist").is_empty());
    }

    #[test]
    fn group_sizes() {
        for (text, expected) in [
            ("1:1 support", "1:1"),
            ("delivered individually", "individually"),
            ("in a group of up to 4", "in a group of up to 4"),
            ("a small group of 4", "small group of 4"),
            ("work in pairs", "in pairs"),
            ("with 3 pupils", "3 pupils"),
        ] {
            assert_eq!(first(group_size(text)), expected, "{text}");
        }
        assert!(group_size("small group work").is_empty());
    }

    #[test]
    fn money_and_bands() {
        assert_eq!(first(money("a £4,000 top-up")), "£4,000");
        assert_eq!(first(money("funded at Band 3")), "Band 3");
        assert!(money("a band of colour").is_empty());
    }
}
