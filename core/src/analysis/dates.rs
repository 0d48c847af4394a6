//! Dates as plans write them: "12 March 2023", "12th March 2023", "March
//! 2023", "12/03/2023", "12.03.23", "2023-03-12". UK order (day first).

use std::sync::LazyLock;

use crate::re::Regex;

use super::Span;
use crate::text::Date;

fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    let key = lower.get(..3)?;
    Some(match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        \b(?P<iso_y>\d{4})-(?P<iso_m>\d{1,2})-(?P<iso_d>\d{1,2})\b
      | \b(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})\b
      | \b(?:(?P<wd>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<mn>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?,?\s+(?P<wy>\d{4})\b
        ",
    )
    .expect("date regex")
});

fn year(text: &str) -> Option<i32> {
    let y: i32 = text.parse().ok()?;
    Some(if text.len() == 2 { 2000 + y } else { y })
}

fn valid(date: Date) -> Option<Date> {
    ((1..=12).contains(&date.month)
        && date.day.is_none_or(|d| (1..=31).contains(&d))
        && (1900..=2100).contains(&date.year))
    .then_some(date)
}

/// Every date in `text`, with where it is.
pub fn dates(text: &str) -> Vec<(Span, Date)> {
    // Every form holds a year in digits.
    if !text.contains(crate::re::may_be_digit) {
        return Vec::new();
    }
    DATE.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            let date = if let Some(y) = c.name("iso_y") {
                Date {
                    year: y.as_str().parse().ok()?,
                    month: c["iso_m"].parse().ok()?,
                    day: Some(c["iso_d"].parse().ok()?),
                }
            } else if let Some(y) = c.name("y") {
                Date {
                    year: year(y.as_str())?,
                    month: c["m"].parse().ok()?,
                    day: Some(c["d"].parse().ok()?),
                }
            } else {
                Date {
                    year: year(&c["wy"])?,
                    month: month_number(&c["mn"])?,
                    day: match c.name("wd") {
                        Some(d) => Some(d.as_str().parse().ok()?),
                        None => None,
                    },
                }
            };
            Some((Span::new(text, m.range()), valid(date)?))
        })
        .collect()
}

/// Whole months from `earlier` to `later` (negative when `later` is earlier).
pub fn months_between(earlier: Date, later: Date) -> i32 {
    let mut months =
        (later.year - earlier.year) * 12 + i32::from(later.month) - i32::from(earlier.month);
    if let (Some(a), Some(b)) = (earlier.day, later.day)
        && b < a
    {
        months -= 1;
    }
    months
}

/// Age in whole years on `on`.
pub fn age_on(birth: Date, on: Date) -> i32 {
    months_between(birth, on).div_euclid(12)
}

/// The National Curriculum year group (Reception = 0) of a child born on
/// `birth`, in the school year containing `on`. The English school year runs
/// 1 September to 31 August; a child born between 1 September of year Y and
/// 31 August of Y+1 starts Reception in September of Y+4.
pub fn expected_year_group(birth: Date, on: Date) -> i32 {
    let cohort = if birth.month >= 9 {
        birth.year
    } else {
        birth.year - 1
    };
    let school_year_start = if on.month >= 9 { on.year } else { on.year - 1 };
    school_year_start - (cohort + 5)
}

/// The Key Stage of a year group (1: Years 1–2, 2: 3–6, 3: 7–9, 4: 10–11,
/// 5 for post-16), `None` before Year 1.
pub fn key_stage(year_group: i32) -> Option<u8> {
    match year_group {
        1..=2 => Some(1),
        3..=6 => Some(2),
        7..=9 => Some(3),
        10..=11 => Some(4),
        12.. => Some(5),
        _ => None,
    }
}

/// The last year group of a Key Stage.
pub fn last_year_of_key_stage(key_stage: u8) -> i32 {
    match key_stage {
        1 => 2,
        2 => 6,
        3 => 9,
        4 => 11,
        _ => 13,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date {
            year,
            month,
            day: Some(day),
        }
    }

    #[test]
    fn dates_in_uk_forms() {
        let found: Vec<Date> =
            dates("12 March 2023, 3rd of May 2024, 01/09/2021, 2020-02-29, June 2019")
                .into_iter()
                .map(|(_, d)| d)
                .collect();
        assert_eq!(
            found,
            [
                d(2023, 3, 12),
                d(2024, 5, 3),
                d(2021, 9, 1),
                d(2020, 2, 29),
                Date {
                    year: 2019,
                    month: 6,
                    day: None
                }
            ]
        );
        assert!(dates("by May I go").is_empty());
    }

    #[test]
    fn year_groups_follow_the_english_school_year() {
        // Born 1 Sept 2014 .. 31 Aug 2015: Reception from Sept 2019, Year 7 in 2026/27.
        assert_eq!(expected_year_group(d(2014, 9, 1), d(2026, 10, 1)), 7);
        assert_eq!(expected_year_group(d(2015, 8, 31), d(2026, 10, 1)), 7);
        assert_eq!(expected_year_group(d(2015, 9, 1), d(2026, 10, 1)), 6);
        assert_eq!(expected_year_group(d(2015, 9, 1), d(2027, 7, 20)), 6);
        assert_eq!(key_stage(10), Some(4));
        assert_eq!(age_on(d(2012, 5, 10), d(2026, 5, 9)), 13);
        assert_eq!(age_on(d(2012, 5, 10), d(2026, 5, 10)), 14);
    }
}
