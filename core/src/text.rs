//! Text utilities shared by the stages: dates, words, UTF-16 offsets.

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

/// A calendar date as a plan states it. `day` is `None` for "March 2025".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: Option<u8>,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

/// The number of UTF-16 code units in `s` (how JavaScript counts).
pub fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Converts a byte offset in `s` to a UTF-16 offset.
pub fn utf16_offset(s: &str, byte_offset: usize) -> usize {
    utf16_len(&s[..byte_offset.min(s.len())])
}

/// Converts a UTF-16 offset in `s` to a byte offset (clamped to a char boundary).
pub fn byte_offset(s: &str, utf16_offset: usize) -> usize {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        if units >= utf16_offset {
            return i;
        }
        units += c.len_utf16();
    }
    s.len()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number (1–12) of an English month name or its usual
/// abbreviation ("Mar", "Sept"), case-insensitive.
pub fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u8 + 1)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A date with a day, checked (no 31 June).
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Date> {
        ((1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && (1900..=2200).contains(&year))
        .then_some(Date {
            year,
            month,
            day: Some(day),
        })
    }

    /// A month and year ("March 2025").
    pub fn ym(year: i32, month: u8) -> Option<Date> {
        ((1..=12).contains(&month) && (1900..=2200).contains(&year)).then_some(Date {
            year,
            month,
            day: None,
        })
    }

    /// Parses a date written the British way, the whole string being the
    /// date: `12/03/2014`, `12.03.2014`, `12-03-14`, `12 March 2014`,
    /// `12th March 2014`, `Wednesday 12th of March 2014`, `March 12, 2014`,
    /// `March 2014`, `2014-03-12`. Numeric dates are day first.
    pub fn parse_uk(s: &str) -> Option<Date> {
        let s = s.trim().trim_end_matches(['.', ',', ';']).trim();
        let (range, date) = find_dates(s).into_iter().next()?;
        (range.start == 0 && range.end == s.len()).then_some(date)
    }

    /// Days since 1 January 1970 (the first of the month when no day is stated).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day.unwrap_or(1)),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    let weekday = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?";
    Regex::new(&format!(
        r"(?ix)
        \b(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b
        | \b(?P<nd>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<nm>\d{{1,2}})\s*[/.\-]\s*(?P<ny>\d{{4}}|\d{{2}})\b
        | \b{weekday}(?P<td>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<tm>{month})(?:\s+|\s*,\s*)(?P<ty>\d{{4}})\b
        | \b{weekday}(?P<um>{month})\s+(?P<ud>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<uy>\d{{4}})\b
        | \b(?P<mm>{month})\s*,?\s+(?P<my>\d{{4}})\b
        "
    ))
    .expect("date pattern")
});

/// Every date written inside `text`, with its byte range, in order.
/// Impossible dates (31/02/2020) are skipped.
pub fn find_dates(text: &str) -> Vec<(Range<usize>, Date)> {
    let mut out = Vec::new();
    for c in DATE_RE.captures_iter(text) {
        let whole = c.get(0).expect("match");
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i64>().ok());
        let date = if let Some(y) = num("iy") {
            Date::ymd(
                y as i32,
                num("im").unwrap_or(0) as u8,
                num("id").unwrap_or(0) as u8,
            )
        } else if let Some(d) = num("nd") {
            let y = num("ny").unwrap_or(0);
            let y = if c.name("ny").is_some_and(|m| m.as_str().len() == 2) {
                // Two-digit years: plans are about children, so 00–69 → 20xx.
                if y < 70 { 2000 + y } else { 1900 + y }
            } else {
                y
            };
            Date::ymd(y as i32, num("nm").unwrap_or(0) as u8, d as u8)
        } else if let Some(d) = num("td") {
            month_number(c.name("tm").map_or("", |m| m.as_str()))
                .and_then(|m| Date::ymd(num("ty").unwrap_or(0) as i32, m, d as u8))
        } else if let Some(d) = num("ud") {
            month_number(c.name("um").map_or("", |m| m.as_str()))
                .and_then(|m| Date::ymd(num("uy").unwrap_or(0) as i32, m, d as u8))
        } else {
            let word = c.name("mm").map_or("", |m| m.as_str());
            // "may 2025" is too often the verb ("Claire may 2 …" never has 4 digits,
            // but "they may 2025" is nonsense anyway); accept only capitalised May.
            if word.eq_ignore_ascii_case("may") && !word.starts_with('M') {
                None
            } else {
                month_number(word).and_then(|m| Date::ym(num("my").unwrap_or(0) as i32, m))
            }
        };
        if let Some(date) = date {
            out.push((whole.start()..whole.end(), date));
        }
    }
    out
}

/// Lower-cases, turns dashes and curly quotes into plain ones and collapses
/// whitespace: the form headings and labels are compared in.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{00a0}' | '\t' => ' ',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        // Most characters are ASCII: lower-case them without the general
        // (multi-character) mapping.
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The number of words (whitespace-separated pieces holding a letter or digit).
pub fn word_count(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether the text ends like a sentence (a full stop, not an abbreviation
/// like "etc" alone or an ellipsis leader).
pub fn ends_with_full_stop(s: &str) -> bool {
    let t = s.trim_end();
    t.ends_with('.') && !t.ends_with("..") && !t.ends_with('…')
}

/// Where `text` states when something will be achieved ("by the end of
/// Key Stage 2", "by July 2027", "within 12 months", "by the end of Year 7",
/// "by her annual review"), as a byte range.
pub fn find_time_frame(text: &str) -> Option<Range<usize>> {
    static TIME_FRAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?ix)\b(?:by|before|within|over|during|until|at|in)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?|start\s+of\s+(?:the\s+)?|next\s+|following\s+)?(?:
                \d+\s+(?:weeks?|months?|years?|terms?|half[\s-]terms?)
              | (?:one|two|three|four|six|nine|twelve|eighteen)\s+(?:weeks?|months?|years?|terms?)
              | (?:academic\s+|school\s+)?year\s*(?:\d{1,2}|r)\b
              | reception
              | key\s*stage\s*\d | ks\s*\d
              | (?:spring|summer|autumn|christmas|easter)(?:\s+(?:term|half[\s-]term|holidays?))?(?:\s+\d{4})?
              | (?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{4}
              | \d{1,2}[/.]\d{1,2}[/.]\d{2,4}
              | \d{4}\b
              | (?:this|that|her|his|their|the)\s+(?:academic\s+|school\s+)?(?:year|term)
              | (?:her|his|their|the)\s+(?:next\s+|first\s+)?(?:annual\s+)?review
              | annual\s+review
              | age\s+\d{1,2}
              | (?:primary|secondary)\s+(?:school|phase)
              | (?:her|his|their)\s+(?:time\s+(?:at|in)|transition|move)\b[^,.;]*
            )",
        )
        .expect("time frame pattern")
    });
    TIME_FRAME.find(text).map(|m| m.range())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_uk_dates_in_every_usual_form() {
        let d = Date::ymd(2014, 3, 12);
        for s in [
            "12/03/2014",
            "12.03.2014",
            "12-03-2014",
            "12/3/14",
            "12 March 2014",
            "12th March 2014",
            "12th of March 2014",
            "Wednesday 12th March 2014",
            "12 Mar 2014",
            "March 12, 2014",
            "2014-03-12",
            " 12 March 2014. ",
        ] {
            assert_eq!(Date::parse_uk(s), d, "{s}");
        }
        assert_eq!(Date::parse_uk("March 2014"), Date::ym(2014, 3));
        assert_eq!(Date::parse_uk("Sept 2025"), Date::ym(2025, 9));
        assert_eq!(Date::parse_uk("31/02/2020"), None);
        assert_eq!(Date::parse_uk("born 12/03/2014"), None);
        assert_eq!(Date::parse_uk("Year 7"), None);
        assert_eq!(Date::parse_uk(""), None);
    }

    #[test]
    fn finds_dates_inside_text() {
        let t = "Educational Psychology advice – Dr Jane Patel, 14 March 2025; reviewed 1/9/2025";
        let found = find_dates(t);
        assert_eq!(found.len(), 2);
        assert_eq!(&t[found[0].0.clone()], "14 March 2025");
        assert_eq!(found[0].1, Date::ymd(2025, 3, 14).unwrap());
        assert_eq!(found[1].1, Date::ymd(2025, 9, 1).unwrap());
        assert!(find_dates("Claire may 2 times a week").is_empty());
        assert!(find_dates("they may 2025").is_empty());
    }

    #[test]
    fn finds_time_frames() {
        for (t, want) in [
            (
                "Claire will read 50 words by the end of Key Stage 2.",
                "by the end of Key Stage 2",
            ),
            ("By July 2027, Claire will swim.", "By July 2027"),
            ("Sam will travel alone within 12 months", "within 12 months"),
            ("by the end of Year 7", "by the end of Year 7"),
            ("by her next annual review", "by her next annual review"),
        ] {
            let r = find_time_frame(t).expect(t);
            assert_eq!(&t[r], want);
        }
        assert_eq!(find_time_frame("Claire will read fluently."), None);
    }

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(Date::ymd(1970, 1, 1).unwrap().days(), 0);
        let a = Date::ymd(2023, 3, 14).unwrap().days();
        let b = Date::ymd(2025, 3, 14).unwrap().days();
        assert_eq!(b - a, 731);
    }

    #[test]
    fn normalises_dashes_quotes_and_spaces() {
        assert_eq!(
            normalise("  Section B \u{2013} Child\u{2019}s\tNEEDS "),
            "section b - child's needs"
        );
        assert_eq!(word_count("B1 – Claire reads"), 3);
        assert!(ends_with_full_stop("She reads."));
        assert!(!ends_with_full_stop("Contents....3"));
        assert!(!ends_with_full_stop("Outcomes"));
    }

    #[test]
    fn utf16_offsets_round_trip_through_astral_characters() {
        let s = "a😀b é";
        assert_eq!(utf16_len(s), 6);
        assert_eq!(utf16_offset(s, 5), 3);
        assert_eq!(byte_offset(s, 3), 5);
        assert_eq!(byte_offset(s, 99), s.len());
    }
}
