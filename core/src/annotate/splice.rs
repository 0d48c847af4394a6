//! Splicing comment markers into the main part: finding the exact byte
//! positions for a quote from the reader's text segments, splitting a run
//! where a quote starts or ends inside it, and rendering the markers.
//!
//! Placement rules (all positions between tags, never inside field code):
//! - A quote starting at the start of a run's first text goes before the
//!   run; ending at the end of its last text, after it. Inside a run the run
//!   is split: the first half keeps the original start tags, the second gets
//!   copies of the run's start tag, `w:rPr` and `w:t` start tag.
//! - `commentRangeStart`/`End` may sit inside hyperlinks, tracked insertions,
//!   smart tags, content controls and field results, next to the runs.
//! - The reference run goes right after the range end when that is directly
//!   in the paragraph; otherwise after the outermost inline container holding
//!   the end (so rejecting a tracked insertion or editing a hyperlink does not
//!   take the comment with it), and after the end of a complex field whose
//!   result holds it (updating the field would drop it).
//! - A quote reaching into a field result is widened to the whole field.

use std::ops::Range;

use super::AnnotateError;
use super::xml::{Edit, Names, Scanner, TagKind, local_name, raw_offset, unescape};
use crate::docx::{Paragraph, SegmentSource, TextSegment};

/// One element inside a paragraph.
#[derive(Debug, Clone)]
struct El {
    start: usize,
    start_tag_end: usize,
    end: usize,
    name: Range<usize>,
    depth: u32,
    parent: Option<usize>,
}

/// The tag structure of one paragraph, read from the main part.
#[derive(Debug)]
pub(crate) struct ParagraphMap {
    elements: Vec<El>,
    /// Where markers for an empty quote at the start go (after `w:pPr`).
    content_start: usize,
    /// Start of `</w:p>`.
    content_end: usize,
    /// `Some("</w:p>")` when the paragraph is self-closing (`<w:p/>`).
    self_closing: Option<String>,
    /// Fields in this paragraph: for a complex field, the top-level byte
    /// range from the begin to the end of the `fldChar end` run (from
    /// `content_start` when the field began in an earlier paragraph); for a
    /// simple field, its top-level element.
    fields: Vec<Range<usize>>,
}

impl ParagraphMap {
    pub fn read(
        main: &[u8],
        paragraph: &Paragraph,
        part: &str,
    ) -> Result<ParagraphMap, AnnotateError> {
        let mismatch = || {
            AnnotateError::ReviewMismatch(format!(
                "paragraph {} is not where the review says",
                paragraph.index + 1
            ))
        };
        if paragraph.xml.end > main.len() || paragraph.xml.start >= paragraph.xml.end {
            return Err(mismatch());
        }
        let mut elements: Vec<El> = Vec::new();
        let mut stack: Vec<usize> = Vec::new();
        let mut content_end = None;
        let mut fld_chars: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut simple_fields: Vec<usize> = Vec::new();
        for tag in Scanner::starting_at(main, paragraph.xml.start, part) {
            let tag = tag?;
            if elements.is_empty() {
                if tag.range.start != paragraph.xml.start
                    || tag.local() != b"p"
                    || tag.kind == TagKind::End
                {
                    return Err(mismatch());
                }
                if tag.kind == TagKind::Empty {
                    if tag.range.end != paragraph.xml.end {
                        return Err(mismatch());
                    }
                    let at = tag.range.end - 2;
                    return Ok(ParagraphMap {
                        elements: Vec::new(),
                        content_start: at,
                        content_end: at,
                        self_closing: Some(format!("</{}>", String::from_utf8_lossy(tag.name))),
                        fields: Vec::new(),
                    });
                }
            }
            let name_start = tag.range.start + if tag.kind == TagKind::End { 2 } else { 1 };
            let name = name_start..name_start + tag.name.len();
            match tag.kind {
                TagKind::Start | TagKind::Empty => {
                    let index = elements.len();
                    elements.push(El {
                        start: tag.range.start,
                        start_tag_end: tag.range.end,
                        end: tag.range.end,
                        name,
                        depth: stack.len() as u32,
                        parent: stack.last().copied(),
                    });
                    if tag.local() == b"fldSimple" {
                        simple_fields.push(index);
                    }
                    if tag.local() == b"fldChar" {
                        let kind = tag.attr(b"fldCharType").unwrap_or_default();
                        fld_chars.push((index, kind.as_bytes().to_vec()));
                    }
                    if tag.kind == TagKind::Start {
                        stack.push(index);
                    }
                }
                TagKind::End => {
                    let Some(open) = stack.pop() else {
                        return Err(mismatch());
                    };
                    if local_name(&main[elements[open].name.clone()]) != tag.local() {
                        return Err(super::xml::malformed(
                            part,
                            tag.range.start,
                            "mismatched end tag",
                        ));
                    }
                    elements[open].end = tag.range.end;
                    if stack.is_empty() {
                        if tag.range.end != paragraph.xml.end {
                            return Err(mismatch());
                        }
                        content_end = Some(tag.range.start);
                        break;
                    }
                }
            }
        }
        let content_end = content_end.ok_or_else(mismatch)?;
        // After the paragraph properties when they come first, else after the start tag.
        let content_start = match elements.get(1) {
            Some(first) if first.depth == 1 && local_name(&main[first.name.clone()]) == b"pPr" => {
                first.end
            }
            _ => elements[0].start_tag_end,
        };
        let mut map = ParagraphMap {
            elements,
            content_start,
            content_end,
            self_closing: None,
            fields: Vec::new(),
        };
        map.fields = map.complex_fields(&fld_chars);
        for index in simple_fields {
            let top = &map.elements[map.top_level(index)];
            map.fields.push(top.start..top.end);
        }
        Ok(map)
    }

    fn complex_fields(&self, fld_chars: &[(usize, Vec<u8>)]) -> Vec<Range<usize>> {
        let mut open: Vec<usize> = Vec::new();
        let mut fields = Vec::new();
        for (index, kind) in fld_chars {
            let top = self.top_level(*index);
            match kind.as_slice() {
                b"begin" => open.push(self.elements[top].start),
                b"end" => {
                    let start = open.pop().unwrap_or(self.content_start);
                    fields.push(start..self.elements[top].end);
                }
                _ => {}
            }
        }
        fields
    }

    /// The paragraph child holding element `index` (itself at depth 1).
    fn top_level(&self, mut index: usize) -> usize {
        while self.elements[index].depth > 1 {
            match self.elements[index].parent {
                Some(p) => index = p,
                None => break,
            }
        }
        index
    }

    fn element_at(&self, range: &Range<usize>, main: &[u8], local: &[u8]) -> Option<usize> {
        let i = self
            .elements
            .binary_search_by_key(&range.start, |e| e.start)
            .ok()?;
        let el = &self.elements[i];
        (el.end == range.end && local_name(&main[el.name.clone()]) == local).then_some(i)
    }

    /// The run's `w:rPr` element, if it is the run's first child.
    fn run_properties(&self, run: usize, main: &[u8]) -> Range<usize> {
        let el = &self.elements[run];
        if let Some(child) = self.elements.get(run + 1)
            && child.parent == Some(run)
            && local_name(&main[child.name.clone()]) == b"rPr"
        {
            return child.start..child.end;
        }
        el.start_tag_end..el.start_tag_end
    }
}

/// Where a marker goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Point {
    /// Between elements; `run` is the run it is next to, if any.
    Gap { at: usize, run: Option<usize> },
    /// Inside run `run`, between its children (`text_tag`: None) or inside
    /// the character data of the `w:t` whose start tag is `text_tag`.
    Split {
        at: usize,
        run: usize,
        text_tag: Option<Range<usize>>,
    },
}

impl Point {
    fn at(&self) -> usize {
        match self {
            Point::Gap { at, .. } | Point::Split { at, .. } => *at,
        }
    }

    fn run(&self) -> Option<usize> {
        match self {
            Point::Gap { run, .. } => *run,
            Point::Split { run, .. } => Some(*run),
        }
    }
}

/// Where one comment goes in one paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Placement {
    pub id: i64,
    pub start: Point,
    pub end: Point,
    /// `None`: right after the range end; `Some(at)`: a gap of its own.
    pub reference: Option<usize>,
}

/// Computes the placement of a comment on `range` of the paragraph's visible text.
pub(crate) fn place(
    main: &[u8],
    paragraph: &Paragraph,
    map: &ParagraphMap,
    range: Range<usize>,
    id: i64,
) -> Placement {
    let segments = &paragraph.segments;
    let text = paragraph.text.as_bytes();
    let start = if map.self_closing.is_some() {
        Point::Gap {
            at: map.content_start,
            run: None,
        }
    } else {
        start_point(main, text, segments, map, range.start)
    };
    let end = if range.end <= range.start || map.self_closing.is_some() {
        start.clone()
    } else {
        end_point(main, text, segments, map, range.end)
    };
    // A quote reaching into a field result covers the whole field: markers
    // inside a result are lost when the field updates, and LibreOffice
    // cannot anchor a range there.
    let outer = |at: usize| {
        map.fields
            .iter()
            .filter(move |f| f.start < at && at < f.end)
    };
    let start = match outer(start.at()).map(|f| f.start).min() {
        Some(at) => Point::Gap { at, run: None },
        None => start,
    };
    let end = match outer(end.at()).map(|f| f.end).max() {
        Some(at) => Point::Gap { at, run: None },
        None => end,
    };
    // A quote whose end snapped before its start (text the segments do not
    // cover) becomes a point at the start.
    let end = if end.at() < start.at() {
        start.clone()
    } else {
        end
    };
    let reference = reference_position(map, &end);
    Placement {
        id,
        start,
        end,
        reference,
    }
}

fn reference_position(map: &ParagraphMap, end: &Point) -> Option<usize> {
    let mut at = None;
    if let Some(run) = end.run() {
        let top = map.top_level(run);
        if top != run {
            at = Some(map.elements[top].end);
        }
    }
    // Out of any complex field whose result holds it.
    let mut pos = at.unwrap_or(end.at());
    loop {
        let holder = map
            .fields
            .iter()
            .filter(|f| f.start < pos && pos < f.end)
            .map(|f| f.end)
            .max();
        match holder {
            Some(field_end) => {
                pos = field_end;
                at = Some(pos);
            }
            None => break,
        }
    }
    at
}

fn valid_segment(seg: &TextSegment, text: &[u8]) -> bool {
    seg.text.start < seg.text.end && seg.text.end <= text.len()
}

fn start_point(
    main: &[u8],
    text: &[u8],
    segs: &[TextSegment],
    map: &ParagraphMap,
    s: usize,
) -> Point {
    let found = segs
        .iter()
        .enumerate()
        .find(|(_, seg)| valid_segment(seg, text) && seg.text.end > s);
    match found {
        Some((i, seg)) => {
            let k = s.saturating_sub(seg.text.start);
            point_in(main, text, segs, map, i, k, true)
        }
        None => match segs
            .iter()
            .enumerate()
            .rev()
            .find(|(_, seg)| valid_segment(seg, text))
        {
            Some((i, seg)) => point_in(main, text, segs, map, i, seg.text.len(), false),
            None => Point::Gap {
                at: map.content_start,
                run: None,
            },
        },
    }
}

fn end_point(
    main: &[u8],
    text: &[u8],
    segs: &[TextSegment],
    map: &ParagraphMap,
    e: usize,
) -> Point {
    let found = segs
        .iter()
        .enumerate()
        .rev()
        .find(|(_, seg)| valid_segment(seg, text) && seg.text.start < e);
    match found {
        Some((i, seg)) => {
            let k = e.min(seg.text.end) - seg.text.start;
            point_in(main, text, segs, map, i, k, false)
        }
        None => Point::Gap {
            at: map.content_start,
            run: None,
        },
    }
}

/// The point `k` bytes into segment `i`'s text. `starting`: the point opens
/// a range (so a point inside a character snaps backwards), else closes it.
fn point_in(
    main: &[u8],
    text: &[u8],
    segs: &[TextSegment],
    map: &ParagraphMap,
    i: usize,
    k: usize,
    starting: bool,
) -> Point {
    let seg = &segs[i];
    let Some(run) = map.element_at(&seg.run, main, b"r") else {
        // Not a run the writer recognises: the paragraph's edges.
        let at = if starting {
            map.content_start
        } else {
            map.content_end
        };
        return Point::Gap { at, run: None };
    };
    let first_in_run = i == 0 || segs[i - 1].run != seg.run;
    let last_in_run = segs.get(i + 1).is_none_or(|next| next.run != seg.run);
    let len = seg.text.len();
    let before = |piece: Range<usize>| {
        if first_in_run {
            Point::Gap {
                at: map.elements[run].start,
                run: Some(run),
            }
        } else {
            Point::Split {
                at: piece.start,
                run,
                text_tag: None,
            }
        }
    };
    let after = |piece: Range<usize>| {
        if last_in_run {
            Point::Gap {
                at: map.elements[run].end,
                run: Some(run),
            }
        } else {
            Point::Split {
                at: piece.end,
                run,
                text_tag: None,
            }
        }
    };
    match &seg.source {
        SegmentSource::Element { element } => {
            let inside = run_range_holds(map, run, element);
            if !inside {
                return if starting {
                    Point::Gap {
                        at: map.elements[run].start,
                        run: Some(run),
                    }
                } else {
                    Point::Gap {
                        at: map.elements[run].end,
                        run: Some(run),
                    }
                };
            }
            if k == 0 || (starting && k < len) {
                before(element.clone())
            } else {
                after(element.clone())
            }
        }
        SegmentSource::Text { content } => {
            let Some(tag) = text_element(main, map, run, content) else {
                return if starting {
                    Point::Gap {
                        at: map.elements[run].start,
                        run: Some(run),
                    }
                } else {
                    Point::Gap {
                        at: map.elements[run].end,
                        run: Some(run),
                    }
                };
            };
            if k == 0 {
                return before(tag.start_tag.start..tag.end);
            }
            if k >= len {
                return after(tag.start_tag.start..tag.end);
            }
            let raw = &main[content.clone()];
            let agrees =
                unescape(raw).is_some_and(|decoded| decoded.as_bytes() == &text[seg.text.clone()]);
            match raw_offset(raw, k).filter(|_| agrees) {
                Some(r) if r > 0 && r < raw.len() => Point::Split {
                    at: content.start + r,
                    run,
                    text_tag: Some(tag.start_tag),
                },
                _ if starting => before(tag.start_tag.start..tag.end),
                _ => after(tag.start_tag.start..tag.end),
            }
        }
    }
}

fn run_range_holds(map: &ParagraphMap, run: usize, inner: &Range<usize>) -> bool {
    let el = &map.elements[run];
    el.start_tag_end <= inner.start && inner.end <= el.end && inner.start < inner.end
}

struct TextElement {
    start_tag: Range<usize>,
    end: usize,
}

/// The `w:t` holding `content`, a direct child of `run`.
fn text_element(
    main: &[u8],
    map: &ParagraphMap,
    run: usize,
    content: &Range<usize>,
) -> Option<TextElement> {
    if !run_range_holds(map, run, content) {
        return None;
    }
    let lt = main[..content.start].iter().rposition(|&b| b == b'<')?;
    let index = map.elements.binary_search_by_key(&lt, |e| e.start).ok()?;
    let el = &map.elements[index];
    if el.parent != Some(run) || el.start_tag_end != content.start {
        return None;
    }
    let end_tag_start = el
        .end
        .checked_sub(main[..el.end].iter().rev().position(|&b| b == b'<')? + 1)?;
    if end_tag_start != content.end {
        return None;
    }
    Some(TextElement {
        start_tag: el.start..el.start_tag_end,
        end: el.end,
    })
}

/// The markers of one slot, in the order they are written.
#[derive(Debug, Default)]
struct Slot {
    split: Option<(usize, Option<Range<usize>>)>,
    ends: Vec<i64>,
    refs: Vec<i64>,
    starts: Vec<i64>,
    /// Comments with an empty range here: start, end (and reference).
    points: Vec<(i64, bool)>,
}

/// How markers are written in the main part.
#[derive(Debug, Clone)]
pub(crate) struct Markers {
    pub w: Names,
    /// The `CommentReference` character style exists.
    pub reference_style: bool,
}

impl Markers {
    pub fn range_start(&self, id: i64) -> String {
        format!(
            "{}{}/>",
            self.w.open("commentRangeStart"),
            self.w.attr("id", &id.to_string())
        )
    }

    pub fn range_end(&self, id: i64) -> String {
        format!(
            "{}{}/>",
            self.w.open("commentRangeEnd"),
            self.w.attr("id", &id.to_string())
        )
    }

    pub fn reference(&self, id: i64) -> String {
        let w = &self.w;
        let inner = Names {
            decl: String::new(),
            ..w.clone()
        };
        let properties = if self.reference_style {
            format!(
                "<{e}rPr><{e}rStyle{}/></{e}rPr>",
                inner.attr("val", "CommentReference"),
                e = inner.elem
            )
        } else {
            String::new()
        };
        format!(
            "{}>{properties}<{e}commentReference{}/>{}",
            w.open("r"),
            inner.attr("id", &id.to_string()),
            w.close("r"),
            e = inner.elem
        )
    }
}

/// The edits that write `placements` into one paragraph.
pub(crate) fn paragraph_edits(
    main: &[u8],
    map: &ParagraphMap,
    placements: &[Placement],
    markers: &Markers,
) -> Result<Vec<Edit>, AnnotateError> {
    // Slots by byte offset, in ascending order.
    let mut slots: Vec<(usize, Slot)> = Vec::new();
    fn slot_at(slots: &mut Vec<(usize, Slot)>, at: usize) -> &mut Slot {
        let i = match slots.binary_search_by_key(&at, |(a, _)| *a) {
            Ok(i) => i,
            Err(i) => {
                slots.insert(i, (at, Slot::default()));
                i
            }
        };
        &mut slots[i].1
    }
    fn slot_for<'s>(
        point: &Point,
        slots: &'s mut Vec<(usize, Slot)>,
    ) -> Result<&'s mut Slot, AnnotateError> {
        let (at, split) = match point {
            Point::Gap { at, .. } => (*at, None),
            Point::Split { at, run, text_tag } => (*at, Some((*run, text_tag.clone()))),
        };
        let slot = slot_at(slots, at);
        if slot.split.is_some() && split.is_some() && slot.split != split {
            return Err(AnnotateError::Internal(format!(
                "two different splits at byte {at}"
            )));
        }
        if split.is_some() {
            slot.split = split;
        }
        Ok(slot)
    }
    for p in placements {
        if p.start == p.end {
            slot_for(&p.start, &mut slots)?
                .points
                .push((p.id, p.reference.is_none()));
        } else {
            slot_for(&p.start, &mut slots)?.starts.push(p.id);
            let slot = slot_for(&p.end, &mut slots)?;
            slot.ends.push(p.id);
            if p.reference.is_none() {
                slot.refs.push(p.id);
            }
        }
        if let Some(at) = p.reference {
            slot_at(&mut slots, at).refs.push(p.id);
        }
    }
    let mut edits = Vec::new();
    // The first half of a split w:t keeps its own start tag: it needs
    // xml:space="preserve" when the split leaves it ending in white space.
    // (w:t start, split offset, w:t start tag): the first split of each w:t.
    let mut first_split_in_text: Vec<(usize, usize, Range<usize>)> = slots
        .iter()
        .filter_map(|(at, slot)| match &slot.split {
            Some((_, Some(tag))) => Some((tag.start, *at, tag.clone())),
            _ => None,
        })
        .collect();
    first_split_in_text.sort_by_key(|(text, _, _)| *text);
    first_split_in_text.dedup_by_key(|(text, _, _)| *text);
    for (_, at, tag) in &first_split_in_text {
        let tag_bytes = &main[tag.clone()];
        let ends_in_space = main[tag.end..*at]
            .last()
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            || main[tag.end..*at].ends_with(b"&#32;")
            || main[tag.end..*at].ends_with(b"&#x20;");
        if ends_in_space && !has_space_preserve(tag_bytes) {
            edits.push(Edit {
                range: tag.clone(),
                text: with_space_preserve(tag_bytes),
            });
        }
    }
    for (at, mut slot) in slots {
        slot.ends.sort_unstable();
        slot.refs.sort_unstable();
        slot.starts.sort_unstable();
        slot.points.sort_unstable();
        let mut text = String::new();
        for id in &slot.ends {
            text.push_str(&markers.range_end(*id));
        }
        for id in &slot.refs {
            text.push_str(&markers.reference(*id));
        }
        for id in &slot.starts {
            text.push_str(&markers.range_start(*id));
        }
        for (id, reference_here) in &slot.points {
            text.push_str(&markers.range_start(*id));
            text.push_str(&markers.range_end(*id));
            if *reference_here {
                text.push_str(&markers.reference(*id));
            }
        }
        let mut bytes = Vec::with_capacity(text.len() + 64);
        match slot.split {
            None => bytes.extend_from_slice(text.as_bytes()),
            Some((run, text_tag)) => {
                let run_el = &map.elements[run];
                let run_name = &main[run_el.name.clone()];
                let run_start_tag = &main[run_el.start..run_el.start_tag_end];
                let properties = &main[map.run_properties(run, main)];
                if let Some(tag) = &text_tag {
                    let index = map
                        .elements
                        .binary_search_by_key(&tag.start, |e| e.start)
                        .map_err(|_| AnnotateError::Internal("lost a w:t".into()))?;
                    let t_name = &main[map.elements[index].name.clone()];
                    bytes.extend_from_slice(b"</");
                    bytes.extend_from_slice(t_name);
                    bytes.push(b'>');
                }
                bytes.extend_from_slice(b"</");
                bytes.extend_from_slice(run_name);
                bytes.push(b'>');
                bytes.extend_from_slice(text.as_bytes());
                bytes.extend_from_slice(run_start_tag);
                bytes.extend_from_slice(properties);
                if let Some(tag) = &text_tag {
                    bytes.extend_from_slice(&with_space_preserve(&main[tag.clone()]));
                }
            }
        }
        match &map.self_closing {
            Some(close) if at == map.content_start => edits.push(Edit {
                range: at..at + 2,
                text: [b">".as_slice(), &bytes, close.as_bytes()].concat(),
            }),
            _ => edits.push(Edit::insert(at, bytes)),
        }
    }
    Ok(edits)
}

fn has_space_preserve(tag: &[u8]) -> bool {
    super::xml::attributes(tag_attrs(tag)).any(|(name, _)| name == b"xml:space")
}

fn tag_attrs(tag: &[u8]) -> &[u8] {
    let end = if tag.ends_with(b"/>") {
        tag.len() - 2
    } else {
        tag.len().saturating_sub(1)
    };
    let name_end = tag
        .iter()
        .position(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .unwrap_or(end)
        .min(end);
    &tag[name_end..end]
}

/// A copy of a `w:t` start tag that preserves white space.
fn with_space_preserve(tag: &[u8]) -> Vec<u8> {
    if has_space_preserve(tag) {
        return tag.to_vec();
    }
    let end = tag.len() - 1; // before '>'
    [&tag[..end], b" xml:space=\"preserve\">".as_slice()].concat()
}

/// Comment markers already in the main part, by comment id.
#[derive(Debug, Default)]
pub(crate) struct ExistingMarkers {
    /// Every marker element (and, for a reference run holding nothing else,
    /// the whole run), with its comment id, in the order found.
    markers: Vec<(i64, Range<usize>)>,
}

impl ExistingMarkers {
    /// The comment ids the markers name (with repeats).
    pub fn ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.markers.iter().map(|(id, _)| *id)
    }

    /// The ranges of the markers of one comment.
    pub fn ranges(&self, id: i64) -> impl Iterator<Item = &Range<usize>> {
        self.markers
            .iter()
            .filter(move |(of, _)| *of == id)
            .map(|(_, range)| range)
    }
}

/// Finds `commentRangeStart`, `commentRangeEnd` and `commentReference` in the main part.
pub(crate) fn existing_markers(main: &[u8], part: &str) -> Result<ExistingMarkers, AnnotateError> {
    let mut out = ExistingMarkers::default();
    if !has_comment_marker(main) {
        return Ok(out);
    }
    // Open elements: (local name is run, start, holds something other than rPr/reference, reference id).
    struct Open {
        run: bool,
        start: usize,
        other: bool,
        reference: Option<(i64, Range<usize>)>,
    }
    let mut stack: Vec<Open> = Vec::new();
    for tag in Scanner::new(main, part) {
        let tag = tag?;
        let local = tag.local();
        match tag.kind {
            TagKind::Start | TagKind::Empty => {
                let marker = matches!(
                    local,
                    b"commentRangeStart" | b"commentRangeEnd" | b"commentReference"
                );
                let id = if marker {
                    tag.attr(b"id").and_then(|v| v.trim().parse::<i64>().ok())
                } else {
                    None
                };
                if let Some(parent) = stack.last_mut()
                    && parent.run
                    && local != b"rPr"
                    && local != b"commentReference"
                {
                    parent.other = true;
                }
                if local == b"commentReference"
                    && let Some(id) = id
                    && let Some(parent) = stack.last_mut()
                    && parent.run
                {
                    if parent.reference.is_some() {
                        parent.other = true;
                        out.markers.push((id, tag.range.clone()));
                    } else {
                        parent.reference = Some((id, tag.range.clone()));
                    }
                } else if let Some(id) = id {
                    out.markers.push((id, tag.range.clone()));
                }
                if tag.kind == TagKind::Start {
                    stack.push(Open {
                        run: local == b"r",
                        start: tag.range.start,
                        other: false,
                        reference: None,
                    });
                }
            }
            TagKind::End => {
                if let Some(open) = stack.pop()
                    && let Some((id, element)) = open.reference
                {
                    if open.other {
                        out.markers.push((id, element));
                    } else {
                        out.markers.push((id, open.start..tag.range.end));
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Whether `xml` mentions a comment marker element (`commentRangeStart`,
/// `commentRangeEnd`, `commentReference`) anywhere.
fn has_comment_marker(xml: &[u8]) -> bool {
    const MARKERS: [&[u8]; 3] = [
        b"commentRangeStart",
        b"commentRangeEnd",
        b"commentReference",
    ];
    xml.windows(b"comment".len())
        .enumerate()
        .filter(|(_, w)| *w == b"comment")
        .any(|(i, _)| MARKERS.iter().any(|m| xml[i..].starts_with(m)))
}

#[cfg(test)]
mod marker_tests {
    use super::has_comment_marker;

    #[test]
    fn finds_each_comment_marker_element() {
        assert!(has_comment_marker(b"<w:commentRangeStart w:id=\"0\"/>"));
        assert!(has_comment_marker(b"<w:r/><w:commentRangeEnd w:id=\"0\"/>"));
        assert!(has_comment_marker(b"x<w:commentReference w:id=\"3\"/>"));
    }

    #[test]
    fn ignores_other_comment_words() {
        assert!(!has_comment_marker(b"<w:t>comment</w:t><w:commentRange/>"));
        assert!(!has_comment_marker(b"commentRangeSta"));
        assert!(!has_comment_marker(b""));
    }
}
