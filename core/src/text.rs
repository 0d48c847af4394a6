//! Text utilities shared by the stages: dates, words, UTF-16 offsets.

use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_round_trip_through_astral_characters() {
        let s = "a😀b é";
        assert_eq!(utf16_len(s), 6);
        assert_eq!(utf16_offset(s, 5), 3);
        assert_eq!(byte_offset(s, 3), 5);
        assert_eq!(byte_offset(s, 99), s.len());
    }
}
