//! numbering.xml: abstract numbering definitions, instances and overrides,
//! and the list label Word would show for each list paragraph.
//!
//! Counters follow Word: instances (`w:num`) of the same abstract definition
//! continue one list, unless an instance has a `w:lvlOverride` (Word's
//! "Restart numbering" writes one with `w:startOverride`), which gives it
//! counters of its own starting at the override. Using a level restarts the
//! levels below it (or only those whose `w:lvlRestart` allows it).

use quick_xml::events::BytesStart;

use super::ListLabel;
use super::styles::Styles;
use crate::package::xml::{ElementVisitor, Ns, attr, int_val, walk_elements};
use crate::sorted;

/// Levels a list can have.
pub const LEVELS: usize = 9;

/// How a level's number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberFormat {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    Ordinal,
    Bullet,
    None,
}

impl NumberFormat {
    fn parse(v: &str) -> NumberFormat {
        match v {
            "decimalZero" => NumberFormat::DecimalZero,
            "lowerLetter" => NumberFormat::LowerLetter,
            "upperLetter" => NumberFormat::UpperLetter,
            "lowerRoman" => NumberFormat::LowerRoman,
            "upperRoman" => NumberFormat::UpperRoman,
            "ordinal" => NumberFormat::Ordinal,
            "bullet" => NumberFormat::Bullet,
            "none" => NumberFormat::None,
            // decimal, cardinalText, ordinalText, decimalEnclosed*, and the
            // East Asian formats: written as decimal.
            _ => NumberFormat::Decimal,
        }
    }

    /// Writes a counter value in this format.
    pub fn format(self, n: i64) -> String {
        match self {
            NumberFormat::Decimal => n.to_string(),
            NumberFormat::DecimalZero => {
                if (0..10).contains(&n) {
                    format!("0{n}")
                } else {
                    n.to_string()
                }
            }
            NumberFormat::LowerLetter => letters(n).to_lowercase(),
            NumberFormat::UpperLetter => letters(n),
            NumberFormat::LowerRoman => roman(n).to_lowercase(),
            NumberFormat::UpperRoman => roman(n),
            NumberFormat::Ordinal => ordinal(n),
            NumberFormat::Bullet | NumberFormat::None => String::new(),
        }
    }
}

/// Word's letter numbering: a … z, aa … zz, aaa …
fn letters(n: i64) -> String {
    if n <= 0 {
        return n.to_string();
    }
    let n = n - 1;
    let letter = char::from(b'A' + (n % 26) as u8);
    let repeat = usize::try_from(n / 26 + 1).unwrap_or(1).min(64);
    std::iter::repeat_n(letter, repeat).collect()
}

fn roman(n: i64) -> String {
    if !(1..4000).contains(&n) {
        return n.to_string();
    }
    const TABLE: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    let mut rest = n;
    for (value, digits) in TABLE {
        while rest >= value {
            out.push_str(digits);
            rest -= value;
        }
    }
    out
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// One level of a list definition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Level {
    pub start: i64,
    pub format: NumberFormat,
    /// `w:lvlText`, e.g. `%1.%2.`; `None` when absent.
    pub text: Option<String>,
    /// `w:lvlRestart` (1-based level after which this level restarts; 0 = never).
    pub restart: Option<u8>,
    /// `w:isLgl`: every number in the label written as decimal.
    pub legal: bool,
    /// `w:pStyle`: the paragraph style linked to this level.
    pub style: Option<String>,
}

/// An abstract numbering definition.
#[derive(Debug, Clone, Default)]
pub struct AbstractNum {
    /// By level (`w:ilvl` 0 to 8).
    pub levels: [Option<Level>; LEVELS],
    /// `w:numStyleLink`: the definition lives in the numbering style named here.
    pub num_style_link: Option<String>,
    /// `w:styleLink`: this definition is the one of that numbering style.
    pub style_link: Option<String>,
}

/// A numbering instance (`w:num`).
#[derive(Debug, Clone, Default)]
pub struct Num {
    pub abstract_id: u32,
    /// `w:lvlOverride/w:startOverride` by level.
    pub start_overrides: [Option<i64>; LEVELS],
    /// `w:lvlOverride/w:lvl` by level.
    pub level_overrides: [Option<Level>; LEVELS],
    /// Whether the instance has any `w:lvlOverride` (its own counters).
    pub has_overrides: bool,
}

/// numbering.xml, parsed. Definitions and instances are kept sorted by id
/// (the first of an id wins) and found by binary search: vectors rather than
/// hash maps keep the add-in's WebAssembly smaller.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: Vec<(u32, AbstractNum)>,
    nums: Vec<(u32, Num)>,
}

/// The value of an id in pairs sorted and deduplicated by id.
fn find<T>(entries: &[(u32, T)], id: u32) -> Option<&T> {
    sorted::find_by_key(entries, &id, |(k, _)| k).map(|(_, v)| v)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    Abstract,
    Num,
    LvlOverride,
    Lvl,
    Other,
}

#[derive(Default)]
struct ParseState {
    abstract_id: Option<u32>,
    abstract_num: AbstractNum,
    num_id: Option<u32>,
    num: Num,
    override_level: Option<u8>,
    level_index: Option<u8>,
    level: Level,
}

/// numbering.xml as it is read: what is complete, and what is open.
#[derive(Default)]
struct Parser {
    out: Numbering,
    state: ParseState,
}

impl ElementVisitor for Parser {
    type Tag = Tag;

    fn open(&mut self, ns: Ns, e: &BytesStart<'_>, ancestors: &[Tag]) -> Tag {
        if ns == Ns::W {
            self.out.element(e, ancestors, &mut self.state)
        } else {
            Tag::Other
        }
    }

    fn close(&mut self, tag: Tag, ancestors: &[Tag]) {
        self.out.close(tag, ancestors, &mut self.state);
    }
}

impl Numbering {
    /// Parses numbering.xml; on broken XML, keeps what was read and
    /// describes the problem.
    pub fn parse(xml: &str) -> (Numbering, Option<String>) {
        let mut parser = Parser::default();
        let problem = walk_elements(xml, &mut parser);
        let mut out = parser.out;
        sorted::keep_first_by_key(&mut out.abstracts, |(id, _)| id);
        sorted::keep_first_by_key(&mut out.nums, |(id, _)| id);
        (out, problem)
    }

    /// The abstract numbering definition with this id.
    pub fn abstract_num(&self, id: u32) -> Option<&AbstractNum> {
        find(&self.abstracts, id)
    }

    /// The numbering instance with this id.
    pub fn num(&self, id: u32) -> Option<&Num> {
        find(&self.nums, id)
    }

    fn element(&mut self, e: &BytesStart<'_>, stack: &[Tag], st: &mut ParseState) -> Tag {
        let parent = stack.last().copied();
        let local = e.local_name();
        match local.as_ref() {
            "abstractNum" => {
                st.abstract_id = int_val(e, "abstractNumId");
                st.abstract_num = AbstractNum::default();
                Tag::Abstract
            }
            "num" if parent != Some(Tag::Num) => {
                st.num_id = int_val(e, "numId");
                st.num = Num::default();
                Tag::Num
            }
            "abstractNumId" if parent == Some(Tag::Num) => {
                st.num.abstract_id = int_val(e, "val").unwrap_or(u32::MAX);
                Tag::Other
            }
            "lvlOverride" if parent == Some(Tag::Num) => {
                st.override_level = int_val(e, "ilvl");
                st.num.has_overrides = true;
                Tag::LvlOverride
            }
            "startOverride" if parent == Some(Tag::LvlOverride) => {
                if let (Some(l), Some(v)) = (st.override_level, int_val(e, "val"))
                    && let Some(start) = st.num.start_overrides.get_mut(usize::from(l))
                {
                    *start = Some(v);
                }
                Tag::Other
            }
            "lvl" if matches!(parent, Some(Tag::Abstract | Tag::LvlOverride)) => {
                st.level_index = int_val(e, "ilvl").or(st.override_level);
                st.level = Level {
                    start: 0,
                    text: None,
                    ..Level::default()
                };
                // Word's default start is 0 only when w:start is absent; most
                // definitions say 1. Absent start means 0 per the schema.
                Tag::Lvl
            }
            "start" if parent == Some(Tag::Lvl) => {
                st.level.start = int_val(e, "val").unwrap_or(0);
                Tag::Other
            }
            "numFmt" if parent == Some(Tag::Lvl) => {
                st.level.format = NumberFormat::parse(attr(e, "val").as_deref().unwrap_or(""));
                Tag::Other
            }
            "lvlText" if parent == Some(Tag::Lvl) => {
                st.level.text = Some(attr(e, "val").unwrap_or_default());
                Tag::Other
            }
            "lvlRestart" if parent == Some(Tag::Lvl) => {
                st.level.restart = int_val(e, "val");
                Tag::Other
            }
            "isLgl" if parent == Some(Tag::Lvl) => {
                st.level.legal = crate::package::xml::on_off(e);
                Tag::Other
            }
            "pStyle" if parent == Some(Tag::Lvl) => {
                st.level.style = attr(e, "val");
                Tag::Other
            }
            "numStyleLink" if parent == Some(Tag::Abstract) => {
                st.abstract_num.num_style_link = attr(e, "val");
                Tag::Other
            }
            "styleLink" if parent == Some(Tag::Abstract) => {
                st.abstract_num.style_link = attr(e, "val");
                Tag::Other
            }
            _ => Tag::Other,
        }
    }

    fn close(&mut self, tag: Tag, stack: &[Tag], st: &mut ParseState) {
        match tag {
            Tag::Abstract => {
                if let Some(id) = st.abstract_id.take() {
                    self.abstracts
                        .push((id, std::mem::take(&mut st.abstract_num)));
                }
            }
            Tag::Num => {
                if let Some(id) = st.num_id.take() {
                    self.nums.push((id, std::mem::take(&mut st.num)));
                }
            }
            Tag::LvlOverride => st.override_level = None,
            Tag::Lvl => {
                let Some(index) = st.level_index.take() else {
                    return;
                };
                if usize::from(index) >= LEVELS {
                    return;
                }
                let level = std::mem::take(&mut st.level);
                let index = usize::from(index);
                match stack.last() {
                    Some(Tag::Abstract) => {
                        st.abstract_num.levels[index].get_or_insert(level);
                    }
                    Some(Tag::LvlOverride) => {
                        st.num.level_overrides[index] = Some(level);
                    }
                    _ => {}
                }
            }
            Tag::Other => {}
        }
    }

    /// The abstract definition an instance uses, following `w:numStyleLink`
    /// through the numbering style to the definition that holds the levels.
    fn abstract_for(&self, num: &Num, styles: &Styles) -> Option<(u32, &AbstractNum)> {
        let mut id = num.abstract_id;
        for _ in 0..8 {
            let abs = self.abstract_num(id)?;
            let Some(link) = abs.num_style_link.as_deref() else {
                return Some((id, abs));
            };
            // The numbering style's numPr names an instance; its abstract
            // definition is the one with the matching styleLink.
            let linked = styles
                .definition(link)
                .and_then(|s| s.num)
                .and_then(|n| n.num_id)
                .and_then(|n| self.num(n))
                .map(|n| n.abstract_id)
                .or_else(|| {
                    self.abstracts
                        .iter()
                        .find(|(_, a)| a.style_link.as_deref() == Some(link))
                        .map(|(k, _)| *k)
                });
            match linked {
                Some(next) if next != id => id = next,
                _ => return Some((id, abs)),
            }
        }
        None
    }

    /// The level of a list whose paragraph style is linked to one of its
    /// levels (`w:lvl/w:pStyle`).
    pub fn level_for_style(&self, num_id: u32, style_id: &str, styles: &Styles) -> Option<u8> {
        let num = self.num(num_id)?;
        let (_, abs) = self.abstract_for(num, styles)?;
        abs.levels
            .iter()
            .position(|l| {
                l.as_ref()
                    .is_some_and(|l| l.style.as_deref() == Some(style_id))
            })
            .map(|i| i as u8)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum CounterKey {
    Abstract(u32),
    Num(u32),
}

/// Numbers list paragraphs in document order.
#[derive(Debug)]
pub struct ListCounter<'a> {
    numbering: &'a Numbering,
    styles: &'a Styles,
    /// Each list's counters, sorted by list.
    counters: Vec<(CounterKey, [Option<i64>; LEVELS])>,
}

impl<'a> ListCounter<'a> {
    pub fn new(numbering: &'a Numbering, styles: &'a Styles) -> ListCounter<'a> {
        ListCounter {
            numbering,
            styles,
            counters: Vec::new(),
        }
    }

    /// The numbering definitions counted.
    pub fn numbering(&self) -> &'a Numbering {
        self.numbering
    }

    /// Counts one list paragraph and returns its label. `None` when the
    /// list or level is not defined (`numId` 0 means "no list").
    pub fn next(&mut self, num_id: u32, level: u8) -> Option<ListLabel> {
        if num_id == 0 || usize::from(level) >= LEVELS {
            return None;
        }
        let num = self.numbering.num(num_id)?;
        let (abstract_id, abs) = self.numbering.abstract_for(num, self.styles)?;
        let level_def = |l: u8| -> Option<&Level> {
            let l = usize::from(l);
            num.level_overrides
                .get(l)
                .and_then(Option::as_ref)
                .or_else(|| abs.levels.get(l).and_then(Option::as_ref))
        };
        let this = level_def(level)?;
        let start_of = |l: u8| -> i64 {
            num.start_overrides
                .get(usize::from(l))
                .copied()
                .flatten()
                .or_else(|| level_def(l).map(|d| d.start))
                .unwrap_or(1)
        };
        let key = if num.has_overrides {
            CounterKey::Num(num_id)
        } else {
            CounterKey::Abstract(abstract_id)
        };
        let at = match self.counters.binary_search_by_key(&key, |(k, _)| *k) {
            Ok(at) => at,
            Err(at) => {
                self.counters.insert(at, (key, [None; LEVELS]));
                at
            }
        };
        let counters = &mut self.counters[at].1;
        let li = usize::from(level);
        counters[li] = Some(match counters[li] {
            Some(n) => n.saturating_add(1),
            None => start_of(level),
        });
        for (deeper, counter) in counters.iter_mut().enumerate().skip(li + 1) {
            let restart = level_def(deeper as u8).and_then(|d| d.restart);
            // lvlRestart n: restart after a level 1..=n is used; 0 never.
            let restarts = match restart {
                None => true,
                Some(n) => li < usize::from(n),
            };
            if restarts {
                *counter = None;
            }
        }
        let bullet = this.format == NumberFormat::Bullet;
        let label = if bullet {
            bullet_label(this.text.as_deref().unwrap_or(""))
        } else if this.format == NumberFormat::None
            && this.text.as_deref().is_none_or(|t| !t.contains('%'))
        {
            this.text.clone().unwrap_or_default()
        } else {
            let template = this.text.clone().unwrap_or_else(|| format!("%{}.", li + 1));
            let mut out = String::with_capacity(template.len() + 4);
            let mut chars = template.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '%'
                    && let Some(d) = chars.peek().and_then(|d| d.to_digit(10))
                    && (1..=9).contains(&d)
                {
                    chars.next();
                    let l = (d - 1) as u8;
                    let value = counters[usize::from(l)].unwrap_or_else(|| start_of(l));
                    let format = match level_def(l) {
                        Some(def) if this.legal && def.format != NumberFormat::None => {
                            NumberFormat::Decimal
                        }
                        Some(def) if def.format == NumberFormat::Bullet => NumberFormat::Decimal,
                        Some(def) => def.format,
                        None => NumberFormat::Decimal,
                    };
                    out.push_str(&format.format(value));
                } else {
                    out.push(c);
                }
            }
            out
        };
        Some(ListLabel {
            num_id,
            level,
            label,
            bullet,
        })
    }
}

/// A bullet's text with the symbol-font private-use characters Word uses
/// mapped to what they show.
fn bullet_label(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{F0B7}' | '\u{F06C}' | '\u{F09F}' => '•',
            '\u{F0A7}' | '\u{F06E}' | '\u{F0A8}' => '▪',
            '\u{F0D8}' | '\u{F0E0}' => '➢',
            '\u{F0FC}' => '✓',
            '\u{F076}' => '❖',
            '\u{F0E8}' => '➔',
            c if ('\u{F000}'..='\u{F0FF}').contains(&c) => '•',
            c => c,
        })
        .collect();
    if mapped.trim().is_empty() {
        "•".to_owned()
    } else {
        mapped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn numbering(body: &str) -> Numbering {
        let (n, problem) = Numbering::parse(&format!("<w:numbering {W}>{body}</w:numbering>"));
        assert!(problem.is_none(), "{problem:?}");
        n
    }

    fn lvl(i: u8, fmt: &str, text: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>"#
        )
    }

    fn labels(n: &Numbering, seq: &[(u32, u8)]) -> Vec<String> {
        let styles = Styles::default();
        let mut c = ListCounter::new(n, &styles);
        seq.iter()
            .map(|&(id, l)| c.next(id, l).map_or("-".into(), |x| x.label))
            .collect()
    }

    #[test]
    fn multi_level_labels_and_restarts() {
        let n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
            lvl(0, "decimal", "%1."),
            lvl(1, "decimal", "%1.%2"),
            lvl(2, "lowerLetter", "(%3)")
        ));
        assert_eq!(
            labels(
                &n,
                &[
                    (1, 0),
                    (1, 1),
                    (1, 1),
                    (1, 2),
                    (1, 2),
                    (1, 0),
                    (1, 1),
                    (1, 2)
                ]
            ),
            ["1.", "1.1", "1.2", "(a)", "(b)", "2.", "2.1", "(a)"]
        );
    }

    #[test]
    fn formats() {
        assert_eq!(NumberFormat::LowerRoman.format(4), "iv");
        assert_eq!(NumberFormat::UpperRoman.format(1994), "MCMXCIV");
        assert_eq!(NumberFormat::LowerLetter.format(27), "aa");
        assert_eq!(NumberFormat::UpperLetter.format(3), "C");
        assert_eq!(NumberFormat::DecimalZero.format(7), "07");
        assert_eq!(NumberFormat::Ordinal.format(1), "1st");
        assert_eq!(NumberFormat::Ordinal.format(12), "12th");
        assert_eq!(NumberFormat::Ordinal.format(23), "23rd");
        assert_eq!(NumberFormat::parse("cardinalText"), NumberFormat::Decimal);
    }

    #[test]
    fn instances_share_counters_unless_overridden() {
        let n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="3">{}</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="3"/></w:num>
            <w:num w:numId="5"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
            <w:num w:numId="0"><w:abstractNumId w:val="3"/></w:num>"#,
            lvl(0, "upperRoman", "%1)")
        ));
        assert_eq!(
            labels(
                &n,
                &[
                    (1, 0),
                    (2, 0),
                    (5, 0),
                    (5, 0),
                    (1, 0),
                    (0, 0),
                    (9, 0),
                    (1, 4)
                ]
            ),
            ["I)", "II)", "X)", "XI)", "III)", "-", "-", "-"]
        );
    }

    #[test]
    fn level_restart_and_legal_numbering() {
        let n = numbering(
            r#"<w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>
            </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        );
        assert_eq!(
            labels(&n, &[(1, 0), (1, 1), (1, 0), (1, 1)]),
            ["I.", "1.1", "II.", "2.2"]
        );
    }

    #[test]
    fn bullets_none_and_override_levels() {
        let n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0">{}{}</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num>"#,
            lvl(0, "bullet", "\u{F0B7}"),
            lvl(1, "none", "")
        ));
        let styles = Styles::default();
        let mut c = ListCounter::new(&n, &styles);
        let b = c.next(1, 0).unwrap();
        assert_eq!((b.label.as_str(), b.bullet), ("•", true));
        assert_eq!(c.next(1, 1).unwrap().label, "");
        assert_eq!(c.next(2, 0).unwrap().label, "c)");
    }

    #[test]
    fn num_style_link_is_followed() {
        let n = numbering(&format!(
            r#"<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="MyList"/>{}</w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="MyList"/></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>"#,
            lvl(0, "decimal", "%1.")
        ));
        let (styles, _) = Styles::parse(&format!(
            r#"<w:styles {W}><w:style w:type="numbering" w:styleId="MyList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
        ));
        let mut c = ListCounter::new(&n, &styles);
        assert_eq!(c.next(2, 0).unwrap().label, "1.");
        assert_eq!(c.next(2, 0).unwrap().label, "2.");
        // Without the style, the styleLink search still finds the definition.
        let none = Styles::default();
        let mut c = ListCounter::new(&n, &none);
        assert_eq!(c.next(2, 0).unwrap().label, "1.");
    }

    #[test]
    fn level_linked_to_a_style() {
        let n = numbering(
            r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:pStyle w:val="H1"/></w:lvl><w:lvl w:ilvl="1"><w:pStyle w:val="H2"/></w:lvl></w:abstractNum><w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>"#,
        );
        let styles = Styles::default();
        assert_eq!(n.level_for_style(4, "H2", &styles), Some(1));
        assert_eq!(n.level_for_style(4, "H3", &styles), None);
    }

    #[test]
    fn cyclic_style_links_end() {
        let n = numbering(
            r#"<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="A"/></w:abstractNum>
               <w:abstractNum w:abstractNumId="1"><w:styleLink w:val="A"/><w:numStyleLink w:val="B"/></w:abstractNum>
               <w:abstractNum w:abstractNumId="2"><w:styleLink w:val="B"/><w:numStyleLink w:val="A"/></w:abstractNum>
               <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#,
        );
        assert_eq!(labels(&n, &[(1, 0)]), ["-"]);
    }
}
