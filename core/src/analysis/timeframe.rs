//! When an outcome is to be achieved: "by the end of Key Stage 2", "by July
//! 2027", "within 12 months", "by his annual review".

use std::sync::LazyLock;

use crate::re::{Regex, RegexBuilder, WordLed};

use super::Span;
use super::words::NUMBER;

const MONTH: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";

static TIME_FRAME: LazyLock<WordLed> = LazyLock::new(|| {
    WordLed::new(RegexBuilder::new(&format!(
        r"\b(?:
            (?:by|before|at|until|for)\s+(?:the\s+)?(?:end|start|beginning|close)\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:next\s+|this\s+|current\s+)?(?:key\s+stage|ks)\s*\d
          | (?:by|before|at)\s+(?:the\s+)?(?:end|start|beginning)\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:next\s+|this\s+|current\s+)?(?:year|yr)\s*\d+
          | (?:by|before|at)\s+(?:the\s+)?(?:end|start|beginning)\s+of\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:next\s+|this\s+|current\s+|first\s+|second\s+)?(?:academic\s+year|school\s+year|year|term|half[\s-]?term|summer\s+term|autumn\s+term|spring\s+term|reception|nursery|primary(?:\s+school)?|secondary(?:\s+school)?|college|course|placement|programme|key\s+stage|sixth\s+form|post[\s-]?16|foundation\s+stage|eyfs)
          | (?:by|before|in|until)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH}\.?\s*(?:\d{{4}}|\d{{2}}\b)
          | (?:by|before|until)\s+(?:the\s+)?(?:summer|autumn|spring|christmas|easter)(?:\s+term|\s+half[\s-]?term|\s+holidays?)?(?:\s+\d{{4}})?
          | (?:by|before|in|until)\s+(?:\d{{4}}|20\d{{2}}/\d{{2,4}})
          | by\s+\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}
          | within\s+(?:the\s+next\s+|the\s+first\s+)?(?:{NUMBER}\s+)?(?:days?|weeks?|months?|terms?|years?|half[\s-]?terms?|academic\s+years?|school\s+years?)
          | (?:in|over|during)\s+the\s+(?:next|coming|following)\s+(?:{NUMBER}\s+)?(?:weeks?|months?|terms?|years?|half[\s-]?terms?|academic\s+years?|school\s+years?|key\s+stage)
          | in\s+(?:{NUMBER}\s+)(?:weeks?|months?|terms?|years?|half[\s-]?terms?)(?:\s+time)?
          | (?:by|at|before)\s+(?:the\s+time\s+of\s+)?(?:his|her|their|the|next|this|the\s+next|the\s+first)\s+(?:next\s+|first\s+)?(?:annual\s+)?review
          | (?:by|at|before)\s+(?:the\s+)?(?:age|aged)\s+(?:of\s+)?\d+
          | (?:by|before|when)\s+(?:the\s+time\s+)?(?:he|she|they|[A-Z]\w+)\s+(?:leaves?|starts?|moves?|transfers?|finishes?|completes?)\b
          | (?:by|before|at)\s+(?:the\s+)?(?:point\s+of\s+)?(?:transition|transfer|move)\s+(?:to|into)\b
          | (?:by|before)\s+(?:the\s+)?(?:next|following)\s+(?:academic\s+|school\s+)?(?:year|term|half[\s-]?term|key\s+stage)
          | (?:long|medium|short)[\s-]term\s*\(\s*(?:{NUMBER}\s+)?(?:weeks?|months?|terms?|years?)\s*\)
          | (?:end\s+of\s+)?(?:key\s+stage|ks)\s*\d\s+outcome
        )"
    ))
    .case_insensitive(true)
    .ignore_whitespace(true), TIME_FRAME_FIRST_WORDS, false)
    .expect("time frame regex")
});

/// The words a time frame can begin with: the first word of each
/// alternative of [`TIME_FRAME`] ("KS2" is one word).
const TIME_FRAME_FIRST_WORDS: &str =
    "by before at until for in within over during when long medium short end key ks*";

/// Every time frame stated in `text`.
pub fn time_frames(text: &str) -> Vec<Span> {
    TIME_FRAME
        .find_iter(text)
        .map(|range| Span::new(text, range))
        .collect()
}

/// True when `text` says when.
pub fn has_time_frame(text: &str) -> bool {
    TIME_FRAME.is_match(text)
}

/// The Key Stage whose end (or during which) an outcome is to be achieved, e.g.
/// 2 for "by the end of Key Stage 2".
pub fn key_stage_targets(text: &str) -> Vec<(Span, u8)> {
    static KS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:by|before|at)\s+(?:the\s+)?end\s+of\s+(?:key\s+stage|ks)\s*([1-5])\b")
            .expect("ks regex")
    });
    KS.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some((Span::new(text, m.range()), c[1].parse().ok()?))
        })
        .collect()
}

/// The year group whose end an outcome names, e.g. 7 for "by the end of Year 7".
pub fn year_group_targets(text: &str) -> Vec<(Span, i32)> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:by|before|at)\s+(?:the\s+)?end\s+of\s+(?:year|yr)\s*(\d{1,2})\b")
            .expect("year regex")
    });
    YEAR.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some((Span::new(text, m.range()), c[1].parse().ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_led_pattern_finds_what_the_pattern_finds() {
        crate::re::tests::assert_word_led_agrees(
            &TIME_FRAME,
            &[
                "by the end of Key Stage 2; before the start of KS3; at the close of the next ks 4",
                "By the end of Year 6; by July 2027; in Sept 26; until 3rd of March 2027",
                "by the summer term 2027; before Easter; in 2027/28; by 12/07/2027",
                "within the next six weeks; within 12 months; over the coming year; in two terms time",
                "by his next annual review; at the age of 16; before he leaves; when Zoë moves",
                "by the point of transition to; before the following academic year",
                "long-term (two years); short term (6 weeks); KS2 outcome; end of key stage 3 outcome",
                "attention in atypical formats; ks2outcome; ｂy ſhort",
            ],
        );
    }

    #[test]
    fn time_frames_are_found() {
        for text in [
            "by the end of Key Stage 2",
            "by July 2027",
            "within 12 months",
            "by the end of Year 7",
            "by his annual review",
            "in two years",
            "by the end of the academic year",
            "By the summer term 2026",
            "within the next year",
            "by the time she leaves primary school",
            "by the age of 16",
        ] {
            assert!(has_time_frame(text), "{text}");
        }
        for text in [
            "Claire will read fluently",
            "may be reviewed",
            "regularly",
            "in Year 7",
        ] {
            assert!(!has_time_frame(text), "{text}");
        }
    }

    #[test]
    fn key_stage_and_year_targets() {
        assert_eq!(key_stage_targets("by the end of KS2")[0].1, 2);
        assert_eq!(year_group_targets("by the end of Year 11")[0].1, 11);
    }
}
