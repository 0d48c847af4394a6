//! How progress is seen: a count, a frequency, a level, "independently",
//! "in 4 out of 5 sessions", "with no more than one prompt".

use std::sync::LazyLock;

use crate::re::{Regex, RegexBuilder, WordLed};

use super::Span;
use super::words::NUMBER;

/// The words a measure can begin with, besides a number: the first word of
/// each alternative of [`MEASURE`] (and of [`NUMBER`]).
const MEASURE_FIRST_WORDS: &str = "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty sixty a an half independent independently without with at more fewer less no up reading spelling chronological developmental standardised standardized age expected level stage band phase step grade gcse entry functional once twice thrice each every daily weekly consistently on all as measured evidenced assessed recorded observed score scores scoring unaided unprompted his her their";

static MEASURE: LazyLock<WordLed> = LazyLock::new(|| {
    WordLed::new(RegexBuilder::new(&format!(
        r"(?:
            \b\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)
          | \b{NUMBER}\s+(?:out\s+of|in|/)\s+{NUMBER}\b
          | \b\d+\s*/\s*\d+\b
          | \bindependent(?:ly)?\b
          | \bwithout\s+(?:any\s+)?(?:adult\s+|verbal\s+|physical\s+|visual\s+)?(?:support|help|prompt(?:s|ing)?|assistance|reminders?|intervention)\b
          | \bwith\s+(?:no\s+more\s+than|no|only|at\s+most|a\s+maximum\s+of|fewer\s+than|minimal|one|a\s+single|\d+)\s+(?:\w+\s+)?(?:prompts?|reminders?|errors?|mistakes?|support|help)\b
          | \b(?:at\s+least|more\s+than|fewer\s+than|less\s+than|no\s+more\s+than|up\s+to|a\s+minimum\s+of|a\s+maximum\s+of)\s+{NUMBER}\b
          | \b{NUMBER}\s+(?:(?:new|key|different|high-frequency|tricky|common|familiar|simple)\s+)?(?:words?|sentences?|letters?|sounds?|numbers?|steps?|minutes?|times?|occasions?|days?|lessons?|sessions?|questions?|turns?|exchanges?|peers?|friends?|activities|tasks?|pages?|books?|meals?|journeys?|strategies|signs?|symbols?|phonemes?|graphemes?|digraphs?|facts?|items?|instructions?|metres?|seconds?|hours?)\b
          | \b(?:reading|spelling|chronological|developmental)\s+age\b
          | \bstandardi[sz]ed\s+score\b
          | \b(?:age[\s-]related|age[\s-]appropriate|expected)\s+(?:expectations?|standard|level)\b
          | \b(?:level|stage|band|phase|step|grade)\s+\d+\b
          | \bphase\s+(?:one|two|three|four|five|six)\b
          | \b(?:grade|gcse|entry\s+level|functional\s+skills)\b
          | \b(?:once|twice|{NUMBER}\s+times)\s+(?:a|per|each|every|in\s+a)\s+\w+
          | \b(?:once|twice|thrice)\b
          | \b(?:each|every)\s+(?:day|week|lesson|session|morning|time)\b
          | \b(?:daily|weekly|consistently|every\s+time|on\s+every\s+occasion|all\s+(?:of\s+the\s+)?(?:the\s+)?time)\b
          | \bon\s+{NUMBER}\s+(?:consecutive\s+)?(?:occasions|days|weeks|sessions)\b
          | \b{NUMBER}\s+consecutive\b
          | \b(?:as\s+measured\s+by|as\s+evidenced\s+by|measured\s+by|evidenced\s+by|assessed\s+(?:by|using|through)|as\s+recorded\s+(?:in|by)|recorded\s+in|observed\s+by)\b
          | \b(?:score|scores|scoring)\b
          | \b(?:on\s+(?:his|her|their)\s+own|unaided|unprompted|without\s+prompting)\b
          | \b(?:his|her|their)\s+own\b
        )"
    ))
    .case_insensitive(true)
    .ignore_whitespace(true), MEASURE_FIRST_WORDS, true)
    .expect("measure regex")
});

/// A count of things: a number followed by a plural noun ("two college
/// courses", "3 friends"), except spans of time, which are time frames.
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred)\s+(?:[a-z][\w-]*\s+){0,2}([a-z][\w-]*s)\b")
    .case_insensitive(true)
    .build()
    .expect("count regex")
});

/// The number words of [`COUNT`].
const COUNT_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
];

fn counts(text: &str) -> impl Iterator<Item = Span> + '_ {
    // A count starts with a number, in digits or in words.
    let numbered =
        text.contains(crate::re::may_be_digit) || crate::re::may_contain_folded(text, COUNT_WORDS);
    COUNT
        .captures_iter(if numbered { text } else { "" })
        .filter_map(move |c| {
            let noun = c.get(1)?.as_str().to_ascii_lowercase();
            let time = matches!(
                noun.as_str(),
                "years"
                    | "months"
                    | "terms"
                    | "ages"
                    | "times"
                    | "yes"
                    | "is"
                    | "was"
                    | "has"
                    | "does"
            ) || noun.ends_with("ss")
                || noun.ends_with("ous");
            let whole = c.get(0)?;
            (!time).then(|| Span::new(text, whole.range()))
        })
}

/// Every measure stated in `text`.
pub fn measures(text: &str) -> Vec<Span> {
    all_measures(text).collect()
}

/// The measures of `text`, found one at a time.
fn all_measures(text: &str) -> impl Iterator<Item = Span> + '_ {
    MEASURE
        .find_iter(text)
        .map(|range| Span::new(text, range))
        .chain(counts(text))
        // "a word" and "an activity" are not counts.
        .filter(|s| {
            let lower = s.text.to_ascii_lowercase();
            !(lower.starts_with("a ") || lower.starts_with("an ") || lower.starts_with("half "))
        })
}

static VAGUE_CHANGE: LazyLock<WordLed> = LazyLock::new(|| {
    WordLed::new(RegexBuilder::new(
        r"\b(?:will|to|should|can)\s+(?:continue\s+to\s+|be\s+able\s+to\s+|begin\s+to\s+|start\s+to\s+)?(?:
            be\s+(?:more|less|better|happier|calmer|increasingly|much)\b
          | feel\b | improve\b | develop\b | increase\b | progress\b
          | make\s+(?:good\s+|expected\s+|further\s+|some\s+|better\s+)?progress\b
          | become\s+(?:more|less|better|increasingly)\b
          | understand\b | be\s+aware\b | gain\b | build\b | enjoy\b | grow\b
          | work\s+(?:on|towards)\b | have\s+(?:improved|better|more|increased|greater)\b
          | be\s+confident\b | cope\b | engage\b | extend\b | consolidate\b | strengthen\b
          | achieve\s+(?:his|her|their)\s+(?:full\s+)?potential\b | reach\s+(?:his|her|their)\s+potential\b
          | be\s+supported\b | access\b
        )",
    )
    .case_insensitive(true)
    .ignore_whitespace(true), "will to should can", false)
    .expect("vague change regex")
});

/// The wording of an outcome that promises a change of degree without a
/// measure: "will improve", "will feel more", "will make good progress".
pub fn vague_change(text: &str) -> Option<Span> {
    VAGUE_CHANGE
        .find_iter(text)
        .next()
        .map(|range| Span::new(text, range))
}

/// True when `text` gives a way to tell whether it was achieved.
pub fn is_measurable(text: &str) -> bool {
    // The first measure found settles it: the rest of the text is not searched.
    all_measures(text).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_led_patterns_find_what_the_patterns_find() {
        crate::re::tests::assert_word_led_agrees(
            &MEASURE,
            &[
                "80% accuracy; 4 out of 5; 3/4 of the time; Independently, without adult help",
                "with no more than two prompts; at least 3; up to ten; a minimum of 2 sessions",
                "five new words; a Reading Age of 9; standardized score; age-related expectations",
                "level 3, phase two, Grade, GCSE, entry level, functional skills; twice a week",
                "thrice; each day; every time; on every occasion; all of the time; on 3 occasions",
                "3 consecutive; as measured by; assessed using; recorded in; observed by; scoring",
                "on his own; unaided; unprompted; without prompting; their own; forty-five words",
                "half an hour; an activity; 2.5 times per day; ｓcore ſcore KS2 ageing",
            ],
        );
        crate::re::tests::assert_word_led_agrees(
            &VAGUE_CHANGE,
            &[
                "will improve; to continue to feel better; should be able to develop; can gain",
                "Will make good progress; to work towards; will achieve her full potential",
            ],
        );
    }

    #[test]
    fn measures_are_found() {
        for text in [
            "in 4 out of 5 sessions",
            "independently",
            "with no more than one prompt",
            "80% accuracy",
            "read 100 high-frequency words",
            "visit two college courses",
            "a reading age of 9",
            "at least three times a week",
            "on three consecutive occasions",
            "without adult support",
        ] {
            assert!(is_measurable(text), "{text}");
        }
        for text in [
            "Claire will improve her reading",
            "Sam will feel happier at school",
            "to develop a word bank",
            "in two years Sam will be happier",
        ] {
            assert!(!is_measurable(text), "{text}");
        }
    }
}
