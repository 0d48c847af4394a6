//! The items of each section, from paragraphs, list items and table rows.
//!
//! - Section A gives aspirations (only those under an aspirations-like
//!   sub-heading when A has one: "My aspirations", "My hopes for the
//!   future"), B/C/D needs, E outcomes, F/G/H provision, I placement, J the
//!   personal budget and K advice.
//! - Not items: sub-headings (they set [`Item::heading`] and, when they name
//!   an area of need, [`Item::area`] for the items below), introductions
//!   ("Claire's needs are described below:"), template prompts, and "none"
//!   statements (which set [`Section::none_statement`](super::Section)).
//!   Paragraphs under a "Strengths" sub-heading in B/C/D are not needs.
//! - A paragraph continues the item above it (conservatively) when: that
//!   item ends with a colon; it starts in lower case; it is a deeper list
//!   level than a list item above; or the section numbers its items in
//!   their text ("B1 …") and this paragraph carries no number.
//! - Tables: a header row names the columns (any order, many spellings);
//!   the column of the section's own kind gives its items, other item
//!   columns give items of their own section (or references, or the same
//!   item already read elsewhere) and detail columns (who, frequency,
//!   duration, group size, time frame, area) fill the items' fields. Each
//!   row is stated evidence of a link. Row-labelled county tables give
//!   needs, outcomes and provision from their labelled rows, the whole table
//!   being the link. Single-column tables are read like body text; other
//!   tables row by row, with a warning.
//! - Ids: the plan's own numbering ("B1", "E2.1", "Outcome 3", a number
//!   column, a numbered list label when list numbers do not restart within
//!   the section), otherwise "B-1", "E-1" … in document order per section.
//!   Ids are unique in the plan (a repeated one gets " (2)").

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use super::ids;
use super::sections::excluded_paragraphs;
use super::tables::{self, Column};
use super::vocabulary::{
    self, area_of, area_prefix, is_introduction, is_none_statement, is_placeholder,
    is_placement_pending, is_subheading, mentions_h1, mentions_h2,
};
use super::{
    Advice, AreaOfNeed, Item, Need, Outcome, OutcomeTerm, Plan, Provision, Section, SectionId,
    TextSpan,
};
use crate::docx::{CellPosition, Document, Row};
use crate::text::{Date, find_dates, find_time_frame, normalise, word_count};

/// Links the layout states, found while reading items, for [`super::stated_links`].
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Items read from one table row (or one row-labelled table).
    pub groups: Vec<Group>,
    /// A cell of a row naming other items by id ("E1, E3" in an Outcome column).
    pub cell_references: Vec<CellReference>,
    /// Items whose area of need comes from a sub-heading or table title:
    /// (id, area, the heading as written).
    pub area_headings: Vec<(String, AreaOfNeed, String)>,
}

#[derive(Debug, Clone)]
pub struct Group {
    pub items: Vec<String>,
    /// "same table row 3 of the table in section F".
    pub detail: String,
}

#[derive(Debug, Clone)]
pub struct CellReference {
    pub item: String,
    /// The cell's text.
    pub text: String,
    /// "the Outcome column of row 2 of the table in section F".
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Aspiration,
    Need,
    Outcome,
    Provision,
    Placement,
    Budget,
    Advice,
}

fn kind_of(section: SectionId) -> Kind {
    match section {
        SectionId::A => Kind::Aspiration,
        SectionId::B | SectionId::C | SectionId::D => Kind::Need,
        SectionId::E => Kind::Outcome,
        SectionId::F | SectionId::G | SectionId::H | SectionId::H1 | SectionId::H2 => {
            Kind::Provision
        }
        SectionId::I => Kind::Placement,
        SectionId::J => Kind::Budget,
        SectionId::K => Kind::Advice,
    }
}

/// The section an item of `kind` read inside section `within` belongs to
/// (a Need column in a health table is a health need).
fn home_section(kind: Kind, within: SectionId) -> SectionId {
    let health = matches!(within, SectionId::C | SectionId::G);
    let care = matches!(
        within,
        SectionId::D | SectionId::H | SectionId::H1 | SectionId::H2
    );
    match kind {
        Kind::Aspiration => SectionId::A,
        Kind::Need if health => SectionId::C,
        Kind::Need if care => SectionId::D,
        Kind::Need => SectionId::B,
        Kind::Outcome => SectionId::E,
        Kind::Provision if health => SectionId::G,
        Kind::Provision if matches!(within, SectionId::H | SectionId::H1 | SectionId::H2) => within,
        Kind::Provision if care => SectionId::H,
        Kind::Provision => SectionId::F,
        Kind::Placement => SectionId::I,
        Kind::Budget => SectionId::J,
        Kind::Advice => SectionId::K,
    }
}

fn column_kind(c: Column) -> Option<Kind> {
    match c {
        Column::Need => Some(Kind::Need),
        Column::Outcome(_) => Some(Kind::Outcome),
        Column::Provision => Some(Kind::Provision),
        Column::Aspiration => Some(Kind::Aspiration),
        Column::Advice => Some(Kind::Advice),
        _ => None,
    }
}

#[derive(Debug, Clone)]
struct Draft {
    kind: Kind,
    section: SectionId,
    doc_id: Option<String>,
    /// The id came from a list label (dropped when labels restart).
    from_list: bool,
    /// (paragraph, byte range in it).
    spans: Vec<(usize, Range<usize>)>,
    list_level: Option<u8>,
    area: Option<AreaOfNeed>,
    /// The sub-heading or table title that gave `area`.
    area_heading: Option<String>,
    heading: Option<String>,
    cell: Option<CellPosition>,
    time_frame: Option<String>,
    term: Option<OutcomeTerm>,
    what: Option<String>,
    who: Option<String>,
    frequency: Option<String>,
    duration: Option<String>,
    group: Option<String>,
    author: Option<String>,
    role: Option<String>,
    date: Option<Date>,
}

/// Where a run of paragraphs is read: its section, kind and the context
/// sub-headings set.
#[derive(Debug, Clone)]
struct Flow {
    section: SectionId,
    kind: Kind,
    heading: Option<String>,
    area: Option<AreaOfNeed>,
    /// The sub-heading (or table title) that named `area`.
    area_heading: Option<String>,
    /// The outline level of that sub-heading.
    area_level: Option<u8>,
    term: Option<OutcomeTerm>,
    /// Under a "Strengths" sub-heading of a needs section.
    strengths: bool,
    /// Section A has aspiration sub-headings: only items under them count.
    aspiration_headings: bool,
    under_aspiration: bool,
    /// A single H reported as H1 and H2: each item goes to one of them.
    shared_h: bool,
    pending_id: Option<String>,
    last: Option<usize>,
    /// Every item so far was numbered in its text.
    numbered_in_text: bool,
    items: usize,
    none: bool,
    cell: Option<CellPosition>,
    /// The emphasised line read as a sub-heading, which becomes an item
    /// itself if nothing stands under it ("Poor working memory" in bold).
    heading_paragraph: Option<usize>,
    under_heading: usize,
}

impl Flow {
    fn new(section: SectionId, kind: Kind) -> Flow {
        Flow {
            section,
            kind,
            heading: None,
            area: None,
            area_heading: None,
            area_level: None,
            term: None,
            strengths: false,
            aspiration_headings: false,
            under_aspiration: false,
            shared_h: false,
            pending_id: None,
            last: None,
            numbered_in_text: true,
            items: 0,
            none: false,
            cell: None,
            heading_paragraph: None,
            under_heading: 0,
        }
    }

    /// A flow for one table cell, inheriting the context.
    fn for_cell(&self, kind: Kind, section: SectionId, cell: CellPosition) -> Flow {
        Flow {
            section,
            kind,
            heading: self.heading.clone(),
            area: self.area,
            area_heading: self.area_heading.clone(),
            area_level: self.area_level,
            term: None,
            strengths: false,
            // A row labelled as aspirations (or a table with such a row)
            // passes that on to its cells.
            aspiration_headings: kind == Kind::Aspiration && self.aspiration_headings,
            under_aspiration: kind == Kind::Aspiration && self.under_aspiration,
            shared_h: false,
            pending_id: None,
            last: None,
            numbered_in_text: true,
            items: 0,
            none: false,
            cell: Some(cell),
            heading_paragraph: None,
            under_heading: 0,
        }
    }
}

static STRENGTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bstrengths?\b|what (?:\w+ )?(?:is|are|am) good at|what (?:is )?working well|what people like|likes and dislikes|positives").expect("pattern")
});
/// Sub-headings of outcomes or provision about health or social care,
/// not an area of need.
static OTHER_TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:my\s+|\w+'s\s+)?(?:health(?:\s+care)?|medical|social\s+care|care)(?:\s+(?:needs|outcomes?|provision))?$").expect("pattern")
});
static NEEDS_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bneeds?\b|difficult|barrier|challenge").expect("pattern"));
/// What an aspiration says, outside an aspirations sub-heading.
static ASPIRATION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:wants? to|would (?:like|love) to|hopes? (?:to|that)|aspir|dreams?\b|ambitions?|in the future|when (?:i|he|she|they) (?:grows? up|leaves? school|(?:am|is|are) older)|(?:my|his|her|their) goal|wish(?:es)? to|would like (?:him|her|them) to|want (?:him|her|them) to)").expect("pattern")
});
static ASPIRATION_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)aspiration|hopes?\b|dreams?|ambitions?|future|when i (?:grow up|leave)|want to (?:achieve|be|do)|goals?\b|wishes").expect("pattern")
});

/// Which paragraphs belong to the section being read.
struct Members<'a> {
    owner: &'a [usize],
    section: usize,
}

impl Members<'_> {
    fn has(&self, paragraph: usize) -> bool {
        self.owner.get(paragraph) == Some(&self.section)
    }
}

struct Reader<'a> {
    doc: &'a Document,
    excluded: Vec<bool>,
    drafts: Vec<Draft>,
    groups: Vec<(Vec<usize>, String)>,
    refs: Vec<(usize, String, String)>,
    warnings: Vec<String>,
    /// Normalised text of each draft, by kind, to recognise an item
    /// repeated in another section's table.
    by_text: HashMap<(u8, String), usize>,
}

fn kind_key(k: Kind) -> u8 {
    k as u8
}

/// Reads every section's items into the plan; returns the layout's link evidence.
pub fn read(document: &Document, plan: &mut Plan) -> Evidence {
    let mut reader = Reader {
        doc: document,
        excluded: excluded_paragraphs(document),
        drafts: Vec::new(),
        groups: Vec::new(),
        refs: Vec::new(),
        warnings: Vec::new(),
        by_text: HashMap::new(),
    };
    // The section each paragraph belongs to (the first, for a shared H).
    let mut owner = vec![usize::MAX; document.paragraphs.len()];
    for (k, section) in plan.sections.iter().enumerate() {
        for &i in &section.paragraphs {
            if owner[i] == usize::MAX {
                owner[i] = k;
            }
        }
    }
    for k in 0..plan.sections.len() {
        let section = &plan.sections[k];
        // Sections sharing their content (a single H reported as H1 and H2,
        // "Sections B, E and F") are read once, as the first of them.
        if k > 0 && plan.sections[k - 1].paragraphs == section.paragraphs {
            plan.sections[k].none_statement = plan.sections[k - 1].none_statement;
            continue;
        }
        let shared_h = section.id == SectionId::H1
            && plan
                .sections
                .get(k + 1)
                .is_some_and(|s| s.id == SectionId::H2 && s.paragraphs == section.paragraphs);
        let members = Members {
            owner: &owner,
            section: k,
        };
        let none = reader.read_section(section, &members, shared_h);
        plan.sections[k].none_statement = none;
    }
    reader.finish(plan)
}

impl Reader<'_> {
    fn read_section(&mut self, section: &Section, in_section: &Members, shared_h: bool) -> bool {
        let mut flow = Flow::new(section.id, kind_of(section.id));
        flow.shared_h = shared_h;
        if section.id == SectionId::A {
            flow.aspiration_headings = section.paragraphs.iter().any(|&i| {
                let p = &self.doc.paragraphs[i];
                p.cell.is_none() && is_subheading(p) && ASPIRATION_HEADING.is_match(&p.text)
            });
        }
        let mut tables_done: HashSet<usize> = HashSet::new();
        let mut flow_tables: HashSet<usize> = HashSet::new();
        for &i in &section.paragraphs {
            let p = &self.doc.paragraphs[i];
            match p.cell {
                Some(cell) if !flow_tables.contains(&cell.table) => {
                    if tables_done.insert(cell.table) {
                        let read_as_rows = self.read_table(cell.table, &mut flow, in_section);
                        if !read_as_rows {
                            flow_tables.insert(cell.table);
                            flow.cell = Some(cell);
                            self.step(&mut flow, i);
                        }
                    }
                }
                Some(cell) => {
                    flow.cell = Some(cell);
                    self.step(&mut flow, i);
                }
                None => {
                    flow.cell = None;
                    self.step(&mut flow, i);
                }
            }
        }
        self.end(&mut flow);
        flow.none
    }

    /// Reads one paragraph in a flow: a sub-heading, a statement, an item or
    /// the continuation of the item above. Returns a new item's draft index.
    fn step(&mut self, flow: &mut Flow, i: usize) -> Option<usize> {
        let p = &self.doc.paragraphs[i];
        let text = p.text.as_str();
        let trimmed = text.trim();
        if self.excluded[i] || trimmed.is_empty() {
            return None;
        }
        if is_placeholder(trimmed) {
            flow.last = None;
            return None;
        }
        if is_none_statement(trimmed)
            || (flow.kind == Kind::Need && vocabulary::is_none_paragraph(trimmed))
            || trimmed
                .rsplit_once(':')
                .is_some_and(|(label, after)| word_count(label) <= 25 && is_none_statement(after))
            || (flow.kind == Kind::Placement && is_placement_pending(trimmed))
        {
            flow.none = true;
            flow.under_heading += 1;
            flow.last = None;
            return None;
        }
        if let Some(id) = ids::is_bare_id(trimmed, flow.section) {
            flow.pending_id = Some(id);
            flow.last = None;
            return None;
        }
        let own_id = ids::text_id(trimmed, flow.section);
        if own_id.is_none() && is_subheading(p) {
            self.promote(flow);
            let label = trimmed.trim_end_matches(':').trim().to_owned();
            flow.heading_paragraph =
                (matches!(flow.kind, Kind::Need | Kind::Outcome | Kind::Provision)
                    && !flow.strengths
                    && !vocabulary::look(p).styled
                    && !trimmed.ends_with(':')
                    && word_count(&label) >= 3
                    && tables::column_of(&label, None).is_none()
                    && area_of(&label).is_none()
                    && tables::outcome_term(&label).is_none()
                    && !STRENGTHS.is_match(&label)
                    && !ASPIRATION_HEADING.is_match(&label))
                .then_some(i);
            flow.under_heading = 0;
            let term = tables::outcome_term(&label);
            if let Some(area) = area_of(&label).filter(|_| word_count(&label) <= 8) {
                // A new area starts its outcomes afresh.
                flow.area = Some(area);
                flow.area_heading = Some(label.clone());
                flow.area_level = p.outline_level;
                flow.term = term;
            } else if p
                .outline_level
                .zip(flow.area_level)
                .is_some_and(|(level, area_level)| level <= area_level)
                || OTHER_TOPIC.is_match(&label)
            {
                // A heading beside the area headings ("Health", "Social
                // care") ends the area.
                flow.area = None;
                flow.area_heading = None;
                flow.area_level = None;
            }
            if term.is_some() {
                flow.term = term;
            }
            if flow.kind == Kind::Need {
                if STRENGTHS.is_match(&label) {
                    flow.strengths = true;
                } else if NEEDS_HEADING.is_match(&label) || area_of(&label).is_some() {
                    flow.strengths = false;
                }
            }
            flow.under_aspiration = ASPIRATION_HEADING.is_match(&label);
            flow.heading = Some(label);
            flow.last = None;
            return None;
        }
        if p.list.is_none() && own_id.is_none() && is_introduction(trimmed) {
            flow.last = None;
            return None;
        }
        // "Frequency: daily", "By whom: teaching assistant" under an item.
        if let Some(last) = flow.last
            && own_id.is_none()
            && let Some((label, value)) = trimmed.split_once(':')
            && word_count(label) <= 4
            && !value.trim().is_empty()
            && let Some(col) = tables::column_of(label, Some(flow.section))
            && matches!(
                col,
                Column::Who
                    | Column::Frequency
                    | Column::Duration
                    | Column::Group
                    | Column::TimeFrame
            )
        {
            let start = text.len() - text.trim_start().len();
            let draft = &mut self.drafts[last];
            draft.spans.push((i, start..start + trimmed.len()));
            set_detail(draft, col, value.trim());
            return None;
        }
        // "Outcome(s): E1, E3" under an item is part of it; alone, not an item.
        if own_id.is_none() && is_reference_list(trimmed) {
            if let Some(last) = flow.last {
                let start = text.len() - text.trim_start().len();
                self.drafts[last]
                    .spans
                    .push((i, start..start + trimmed.len()));
            }
            return None;
        }
        // A number typed before the item ("1. ", "2) ") numbers it the way
        // a list label would.
        let typed = (own_id.is_none() && p.list.is_none())
            .then(|| TYPED_NUMBER.captures(trimmed))
            .flatten()
            .and_then(|c| {
                let len = c.get(0)?.end();
                trimmed[len..]
                    .starts_with(|ch: char| ch.is_uppercase())
                    .then(|| (c["n"].to_owned(), len))
            });
        if let Some(last) = flow.last
            && self.continues(flow, last, i, own_id.is_some() || typed.is_some())
        {
            let start = text.len() - text.trim_start().len();
            self.drafts[last]
                .spans
                .push((i, start..start + trimmed.len()));
            return None;
        }
        // "Strengths: Claire is kind…" in a needs section is not a need.
        let strengths_line = flow.kind == Kind::Need
            && trimmed
                .split_once(':')
                .is_some_and(|(label, _)| word_count(label) <= 4 && STRENGTHS.is_match(label));
        if flow.strengths
            || strengths_line
            || (flow.kind == Kind::Aspiration
                && !flow.under_aspiration
                && (flow.aspiration_headings || !ASPIRATION_WORDS.is_match(trimmed)))
        {
            flow.last = None;
            return None;
        }
        let label_len = own_id.as_ref().map(|(_, len)| *len);
        let (doc_id, from_list) = match own_id {
            Some((id, _)) => (Some(id), false),
            None => match flow.pending_id.take() {
                Some(id) => (Some(id), false),
                None => match p.list.as_ref().filter(|l| !l.bullet) {
                    Some(l) => (ids::list_id(&l.label, flow.section), true),
                    None => match &typed {
                        Some((n, _)) => (ids::list_id(n, flow.section), true),
                        None => (None, false),
                    },
                },
            },
        };
        flow.numbered_in_text &= doc_id.is_some() && !from_list;
        flow.items += 1;
        flow.under_heading += 1;
        let mut start = text.len() - text.trim_start().len();
        let mut end = start + trimmed.len();
        // The plan's own label ("B1 ", "Outcome 3:") is the item's id, not
        // part of its text: the text starts after it (once).
        // A typed letter label ("(a) Harry has dyslexia") numbers the item
        // but is not part of what it says either.
        let label_len = label_len.or(typed.as_ref().map(|t| t.1)).or_else(|| {
            LETTER_LABEL.find(trimmed).map(|m| m.end()).filter(|&len| {
                doc_id.is_none() && trimmed[len..].starts_with(|c: char| c.is_uppercase())
            })
        });
        if let Some(len) = label_len
            && trimmed[len..].chars().any(char::is_alphanumeric)
        {
            start += len;
            end = start + trimmed[len..].trim_end().len();
        }
        let mut section = flow.section;
        if flow.shared_h {
            let words = normalise(&format!(
                "{} {}",
                flow.heading.as_deref().unwrap_or(""),
                trimmed
            ));
            section = if mentions_h2(&words) && !mentions_h1(&words) {
                SectionId::H2
            } else {
                SectionId::H1
            };
        }
        let mut draft = Draft {
            kind: flow.kind,
            section,
            doc_id,
            from_list,
            spans: vec![(i, start..end)],
            list_level: p.list.as_ref().map(|l| l.level),
            area: flow.area.or_else(|| area_prefix(trimmed)),
            area_heading: flow.area.and(flow.area_heading.clone()),
            heading: flow.heading.clone(),
            cell: flow.cell,
            time_frame: None,
            term: None,
            what: None,
            who: None,
            frequency: None,
            duration: None,
            group: None,
            author: None,
            role: None,
            date: None,
        };
        if flow.kind == Kind::Outcome {
            draft.term = flow.term.or_else(|| {
                let head = trimmed.split(':').next().unwrap_or("");
                (word_count(head) <= 5)
                    .then(|| tables::outcome_term(head))
                    .flatten()
            });
        }
        let index = self.drafts.len();
        self.by_text
            .entry((kind_key(draft.kind), normalise(trimmed)))
            .or_insert(index);
        self.drafts.push(draft);
        flow.last = Some(index);
        Some(index)
    }

    /// An emphasised line with nothing under it was an item, not a heading.
    fn promote(&mut self, flow: &mut Flow) {
        let Some(h) = flow.heading_paragraph.take() else {
            return;
        };
        if flow.under_heading > 0 {
            return;
        }
        let text = &self.doc.paragraphs[h].text;
        let start = text.len() - text.trim_start().len();
        let draft = Draft {
            kind: flow.kind,
            section: flow.section,
            doc_id: None,
            from_list: false,
            spans: vec![(h, start..start + text.trim().len())],
            list_level: None,
            area: flow.area,
            area_heading: flow.area.and(flow.area_heading.clone()),
            heading: None,
            cell: self.doc.paragraphs[h].cell,
            time_frame: None,
            term: flow.term.filter(|_| flow.kind == Kind::Outcome),
            what: None,
            who: None,
            frequency: None,
            duration: None,
            group: None,
            author: None,
            role: None,
            date: None,
        };
        self.drafts.push(draft);
    }

    /// Ends a flow: a last emphasised line with nothing under it is an item.
    fn end(&mut self, flow: &mut Flow) {
        self.promote(flow);
    }

    fn continues(&self, flow: &Flow, last: usize, i: usize, numbered: bool) -> bool {
        let p = &self.doc.paragraphs[i];
        let d = &self.drafts[last];
        if d.cell != p.cell.filter(|_| flow.cell.is_some()) && d.cell.is_some() {
            return false;
        }
        let (lp, lr) = d.spans.last().expect("a draft has a span");
        let last_text = self.doc.paragraphs[*lp].text[lr.clone()].trim_end();
        let ends_colon = last_text.ends_with(':');
        if numbered {
            return false;
        }
        match &p.list {
            Some(l) => match d.list_level {
                // A deeper list item under an outcome that is itself an
                // outcome ("By the end of the term, Sam will …") is a
                // short-term step of its own, not more of the outcome.
                Some(level) => {
                    l.level > level
                        && !(flow.kind == Kind::Outcome && is_outcome_statement(&p.text))
                }
                None => ends_colon || (d.doc_id.is_some() && !d.from_list),
            },
            None => {
                let first = p.text.trim_start().chars().next();
                ends_colon
                    || first.is_some_and(char::is_lowercase)
                    || (d.doc_id.is_some() && !d.from_list && flow.numbered_in_text)
            }
        }
    }

    /// Reads the rows of a table that lie in the section. Returns false
    /// when the table is a single column, to be read like body text.
    fn read_table(&mut self, t: usize, flow: &mut Flow, in_section: &Members) -> bool {
        let doc = self.doc;
        let Some(table) = doc.tables.get(t) else {
            return false;
        };
        let rows: Vec<usize> = (0..table.rows.len())
            .filter(|&r| {
                table.rows[r]
                    .cells
                    .iter()
                    .any(|c| c.paragraphs.iter().any(|&i| in_section.has(i)))
            })
            .collect();
        let written = |row: &Row| {
            row.cells
                .iter()
                .filter(|c| {
                    c.paragraphs
                        .iter()
                        .any(|&i| !doc.paragraphs[i].text.trim().is_empty())
                })
                .count()
        };
        if rows.iter().all(|&r| written(&table.rows[r]) <= 1) {
            return false;
        }
        let row_refs: Vec<&Row> = rows.iter().map(|&r| &table.rows[r]).collect();
        if tables::is_row_labelled(doc, &row_refs) {
            self.read_row_labelled(t, &rows, flow, in_section);
            return true;
        }
        // A header row sits at the top (after a title row at most): a
        // later row that happens to name columns ("Careers advice | Rosie
        // Kemp, Careers Adviser, …") is data.
        let header = rows
            .iter()
            .copied()
            .take(3)
            .find_map(|r| {
                tables::header_columns(doc, &table.rows[r], Some(flow.section)).map(|c| (r, c))
            })
            .or_else(|| {
                tables::header_columns(doc, table.rows.first()?, Some(flow.section)).map(|c| (0, c))
            });
        match header {
            Some((h, columns)) => {
                let data: Vec<usize> = rows.iter().copied().filter(|&r| r > h).collect();
                self.read_columns(t, &columns, &data, flow, in_section);
            }
            None => self.read_rows(t, &rows, flow, in_section),
        }
        true
    }

    fn cell_flow(
        &mut self,
        base: &Flow,
        kind: Kind,
        section: SectionId,
        cell: CellPosition,
        in_section: &Members,
    ) -> (Vec<usize>, bool) {
        let mut flow = base.for_cell(kind, section, cell);
        flow.shared_h = base.shared_h && kind == base.kind;
        let mut out = Vec::new();
        for &i in self.doc.cell_paragraphs(cell) {
            if in_section.has(i)
                && let Some(d) = self.step(&mut flow, i)
            {
                out.push(d);
            }
        }
        let before = self.drafts.len();
        self.end(&mut flow);
        out.extend(before..self.drafts.len());
        (out, flow.none)
    }

    fn read_columns(
        &mut self,
        t: usize,
        columns: &[Option<Column>],
        rows: &[usize],
        flow: &mut Flow,
        in_section: &Members,
    ) {
        let doc = self.doc;
        let table = &doc.tables[t];
        let own = flow.kind;
        let primary = columns
            .iter()
            .position(|c| c.and_then(column_kind) == Some(own))
            .or_else(|| columns.iter().position(|c| c.is_some_and(Column::is_item)));
        let has_details = columns.iter().any(|c| {
            matches!(
                c,
                Some(Column::Who | Column::Frequency | Column::Duration | Column::Group)
            )
        });
        let mut table_flow = flow.clone();
        table_flow.last = None;
        let mut n = 0;
        for &r in rows {
            let row = &table.rows[r];
            let texts: Vec<String> = (0..row.cells.len())
                .map(|c| tables::cell_text(doc, row, c))
                .collect();
            let written: Vec<usize> = (0..texts.len()).filter(|&c| !texts[c].is_empty()).collect();
            if written.is_empty() {
                continue;
            }
            // A title row inside the table ("Communication and interaction"):
            // one merged cell, or a bold first cell alone. A row with only its
            // provision written is still a row.
            let bold_first = written == [0]
                && row.cells[0]
                    .paragraphs
                    .iter()
                    .all(|&i| doc.paragraphs[i].bold || doc.paragraphs[i].text.trim().is_empty())
                && !crate::text::ends_with_full_stop(&texts[0]);
            if written.len() == 1
                && word_count(&texts[written[0]]) <= 12
                && (row.cells.len() == 1 || bold_first)
            {
                // A title row inside the table ("Communication and interaction").
                let label = texts[written[0]].trim_end_matches(':').to_owned();
                if is_none_statement(&label) {
                    flow.none = true;
                    continue;
                }
                if let Some(area) = area_of(&label) {
                    table_flow.area = Some(area);
                    table_flow.area_heading = Some(label.clone());
                }
                table_flow.heading = Some(label);
                continue;
            }
            n += 1;
            let detail = format!(
                "same table row {n} of the table in section {}",
                flow.section
            );
            let mut row_items: Vec<usize> = Vec::new();
            let mut primary_items: Vec<usize> = Vec::new();
            // Area column first: it sets the context of the row's items.
            let mut row_flow = table_flow.clone();
            for (c, col) in columns.iter().enumerate() {
                if *col == Some(Column::Area) && !texts.get(c).is_none_or(String::is_empty) {
                    if let Some(area) = area_of(&texts[c]) {
                        row_flow.area = Some(area);
                        row_flow.area_heading = Some(texts[c].clone());
                    }
                    row_flow.heading = Some(texts[c].clone());
                }
            }
            if let Some(pc) = primary
                && pc < row.cells.len()
            {
                let kind = columns[pc].and_then(column_kind).unwrap_or(own);
                let section = if kind == own {
                    flow.section
                } else {
                    home_section(kind, flow.section)
                };
                let (items, none) = self.cell_flow(
                    &row_flow,
                    kind,
                    section,
                    CellPosition {
                        table: t,
                        row: r,
                        cell: pc,
                    },
                    in_section,
                );
                flow.none |= none && rows.len() == 1;
                if let Some(Column::Outcome(Some(term))) = columns[pc] {
                    for &d in &items {
                        self.drafts[d].term = Some(term);
                    }
                }
                primary_items.extend(&items);
                row_items.extend(items);
            } else if primary.is_none() {
                // No item column (an advice list of Name | Role | Date): the
                // row is the item.
                let paragraphs: Vec<usize> = row
                    .cells
                    .iter()
                    .flat_map(|c| c.paragraphs.iter().copied())
                    .filter(|&i| in_section.has(i) && !doc.paragraphs[i].text.trim().is_empty())
                    .collect();
                let mut row_flow = row_flow.clone();
                row_flow.cell = Some(CellPosition {
                    table: t,
                    row: r,
                    cell: 0,
                });
                row_flow.last = None;
                if let Some((&first, rest)) = paragraphs.split_first()
                    && let Some(d) = self.step(&mut row_flow, first)
                {
                    for &i in rest {
                        let text = &doc.paragraphs[i].text;
                        let start = text.len() - text.trim_start().len();
                        self.drafts[d]
                            .spans
                            .push((i, start..start + text.trim().len()));
                    }
                    primary_items.push(d);
                    row_items.push(d);
                }
            }
            for (c, col) in columns.iter().enumerate() {
                if Some(c) == primary || c >= row.cells.len() || texts[c].is_empty() {
                    continue;
                }
                // A "Links" column, or one whose header names nothing we
                // know, that lists ids ("Outcome(s): E1, E3") states links.
                let Some(col) = *col else {
                    if is_reference_list(&texts[c]) || mostly_references(&texts[c]) {
                        for &item in &primary_items {
                            self.refs.push((
                                item,
                                texts[c].clone(),
                                format!(
                                    "column {} of row {n} of the table in section {}",
                                    c + 1,
                                    flow.section
                                ),
                            ));
                        }
                    }
                    continue;
                };
                let Some(kind) = column_kind(col) else {
                    if col == Column::Links && !ids::references(&texts[c]).is_empty() {
                        for &item in &primary_items {
                            self.refs.push((
                                item,
                                texts[c].clone(),
                                format!(
                                    "the links column of row {n} of the table in section {}",
                                    flow.section
                                ),
                            ));
                        }
                    }
                    continue;
                };
                let text = &texts[c];
                if is_reference_list(text) || mostly_references(text) {
                    for &item in &primary_items {
                        self.refs.push((
                            item,
                            text.clone(),
                            format!(
                                "the {} column of row {n} of the table in section {}",
                                col.word(),
                                flow.section
                            ),
                        ));
                    }
                    continue;
                }
                let key = (kind_key(kind), normalise(text));
                if let Some(&existing) = self.by_text.get(&key) {
                    row_items.push(existing);
                    continue;
                }
                let section = home_section(kind, flow.section);
                let (items, _) = self.cell_flow(
                    &row_flow,
                    kind,
                    section,
                    CellPosition {
                        table: t,
                        row: r,
                        cell: c,
                    },
                    in_section,
                );
                if let Column::Outcome(Some(term)) = col {
                    for &d in &items {
                        self.drafts[d].term = Some(term);
                    }
                }
                row_items.extend(items);
            }
            // Details.
            for (c, col) in columns.iter().enumerate() {
                let Some(col) = *col else { continue };
                let Some(text) = texts.get(c).filter(|t| !t.is_empty()) else {
                    continue;
                };
                for &d in &row_items {
                    let draft = &mut self.drafts[d];
                    match (col, draft.kind) {
                        (Column::Who, Kind::Provision) => draft.who = Some(text.clone()),
                        (Column::Frequency, Kind::Provision) => {
                            draft.frequency = Some(text.clone());
                        }
                        (Column::Duration, Kind::Provision) => {
                            draft.duration = Some(text.clone());
                        }
                        (Column::Group, Kind::Provision) => draft.group = Some(text.clone()),
                        (Column::Provision, Kind::Provision) if has_details => {
                            draft.what = Some(text.clone());
                        }
                        (Column::TimeFrame, Kind::Outcome) => {
                            draft.time_frame = Some(text.clone());
                        }
                        (Column::Author | Column::Who, Kind::Advice) => {
                            draft.author = Some(text.clone());
                        }
                        (Column::Role, Kind::Advice) => draft.role = Some(text.clone()),
                        (Column::Date, Kind::Advice) => {
                            draft.date = find_dates(text).first().map(|d| d.1);
                        }
                        _ => {}
                    }
                }
                if col == Column::Id && primary_items.len() == 1 {
                    let d = &mut self.drafts[primary_items[0]];
                    if d.doc_id.is_none() || d.from_list {
                        d.doc_id = Some(column_id(text, d.section));
                        d.from_list = false;
                    }
                }
            }
            row_items.dedup();
            if row_items.len() > 1 {
                self.groups.push((row_items, detail));
            }
        }
    }

    fn read_row_labelled(
        &mut self,
        t: usize,
        rows: &[usize],
        flow: &mut Flow,
        in_section: &Members,
    ) {
        let doc = self.doc;
        let table = &doc.tables[t];
        let mut table_flow = flow.clone();
        table_flow.last = None;
        let mut title: Option<String> = None;
        let mut items: Vec<usize> = Vec::new();
        let mut details: Vec<(Column, String)> = Vec::new();
        let mut labels: Vec<String> = Vec::new();
        let mut references: Vec<(String, String)> = Vec::new();
        for &r in rows {
            let row = &table.rows[r];
            let label = tables::cell_text(doc, row, 0);
            let values: String = (1..row.cells.len())
                .map(|c| tables::cell_text(doc, row, c))
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if row.cells.len() == 1
                || values.is_empty() && tables::column_of(&label, None).is_none()
            {
                // The table's title ("Communication and interaction").
                if !label.is_empty() && word_count(&label) <= 12 && title.is_none() {
                    if let Some(area) = area_of(&label) {
                        table_flow.area = Some(area);
                        table_flow.area_heading = Some(label.trim_end_matches(':').to_owned());
                    }
                    table_flow.heading = Some(label.trim_end_matches(':').to_owned());
                    title = Some(label);
                }
                continue;
            }
            let Some(col) = tables::column_of(&label, Some(flow.section)) else {
                continue;
            };
            if values.is_empty() {
                continue;
            }
            match col {
                Column::Area => {
                    if let Some(area) = area_of(&values) {
                        table_flow.area = Some(area);
                        table_flow.area_heading = Some(values.clone());
                    }
                    table_flow.heading = Some(values.clone());
                    title.get_or_insert(values);
                    continue;
                }
                Column::Strengths | Column::Id => continue,
                _ => {}
            }
            let Some(kind) = column_kind(col) else {
                details.push((col, values));
                continue;
            };
            let section = if kind == flow.kind {
                flow.section
            } else {
                home_section(kind, flow.section)
            };
            labels.push(label.trim_end_matches(':').to_owned());
            if is_reference_list(&values) || mostly_references(&values) {
                references.push((label.trim_end_matches(':').to_owned(), values));
                continue;
            }
            for c in 1..row.cells.len() {
                let (new, _) = self.cell_flow(
                    &table_flow,
                    kind,
                    section,
                    CellPosition {
                        table: t,
                        row: r,
                        cell: c,
                    },
                    in_section,
                );
                for &d in &new {
                    if let Column::Outcome(term) = col {
                        self.drafts[d].term = term.or(self.drafts[d].term);
                    }
                }
                items.extend(new);
            }
        }
        for &d in &items {
            let draft = &mut self.drafts[d];
            for (col, text) in &details {
                match (col, draft.kind) {
                    (Column::Who, Kind::Provision) => draft.who = Some(text.clone()),
                    (Column::Frequency, Kind::Provision) => draft.frequency = Some(text.clone()),
                    (Column::Duration, Kind::Provision) => draft.duration = Some(text.clone()),
                    (Column::Group, Kind::Provision) => draft.group = Some(text.clone()),
                    (Column::TimeFrame, Kind::Outcome) => draft.time_frame = Some(text.clone()),
                    _ => {}
                }
            }
        }
        for (label, text) in references {
            for &d in &items {
                self.refs.push((
                    d,
                    text.clone(),
                    format!("the '{label}' row of the table in section {}", flow.section),
                ));
            }
        }
        if items.len() > 1 {
            let name = title.map_or_else(
                || "the same table".to_owned(),
                |t| format!("the same '{t}' table"),
            );
            labels.dedup();
            self.groups.push((
                items,
                format!(
                    "in {name} of section {} (rows {})",
                    flow.section,
                    labels.join(" / ")
                ),
            ));
        }
    }

    /// A table with no header row: label/value rows, or one item per row.
    fn read_rows(&mut self, t: usize, rows: &[usize], flow: &mut Flow, in_section: &Members) {
        let doc = self.doc;
        let table = &doc.tables[t];
        let two_columns = rows.iter().all(|&r| table.rows[r].cells.len() <= 2);
        // Section A's row labels run longer ("What people like and admire
        // about Jake") than a provision's short name.
        let longest_label = if flow.kind == Kind::Aspiration { 8 } else { 6 };
        let labelled = two_columns
            && rows.iter().all(|&r| {
                let row = &table.rows[r];
                let label = tables::cell_text(doc, row, 0);
                word_count(&label) <= longest_label && !crate::text::ends_with_full_stop(&label)
            });
        let mut table_flow = flow.clone();
        table_flow.last = None;
        // A table with an aspirations row: only that row gives aspirations
        // (not the child's views or the parents' views beside it).
        if labelled && flow.kind == Kind::Aspiration {
            table_flow.aspiration_headings |= rows
                .iter()
                .any(|&r| ASPIRATION_HEADING.is_match(&tables::cell_text(doc, &table.rows[r], 0)));
        }
        if labelled {
            for &r in rows {
                let row = &table.rows[r];
                let label = tables::cell_text(doc, row, 0);
                // "Communication and interaction: strengths" rows are not needs.
                if flow.kind == Kind::Need && STRENGTHS.is_match(&label) {
                    continue;
                }
                let mut row_flow = table_flow.clone();
                // "Jake's hopes and aspirations | Jake wants …": the label
                // heads the row as a sub-heading would.
                if flow.kind == Kind::Aspiration {
                    row_flow.under_aspiration = ASPIRATION_HEADING.is_match(&label);
                    row_flow.aspiration_headings |= row_flow.under_aspiration;
                }
                if !label.is_empty() {
                    row_flow.heading = Some(label.trim_end_matches(':').to_owned());
                    if let Some(area) = area_of(&label).filter(|_| word_count(&label) <= 8) {
                        row_flow.area = Some(area);
                        row_flow.area_heading = Some(label.trim_end_matches(':').to_owned());
                    }
                }
                if row.cells.len() < 2 {
                    continue;
                }
                // Advice listed as "Parental advice | Mr and Mrs Porter,
                // Parents, 10 May 2026": the row is one entry, its label
                // the title and its value the author, role and date.
                if flow.kind == Kind::Advice {
                    let value = tables::cell_text(doc, row, 1);
                    if label.is_empty() || value.is_empty() || label == value {
                        continue;
                    }
                    let (items, none) = self.cell_flow(
                        &row_flow,
                        flow.kind,
                        flow.section,
                        CellPosition {
                            table: t,
                            row: r,
                            cell: 1,
                        },
                        in_section,
                    );
                    flow.none |= none;
                    let (author, role, date) = parse_advice(&format!("{label}, {value}"));
                    for d in items {
                        let d = &mut self.drafts[d];
                        d.author = d.author.take().or(author.clone());
                        d.role = d.role.take().or(role.clone());
                        d.date = d.date.or(date);
                    }
                    continue;
                }
                let (_, none) = self.cell_flow(
                    &row_flow,
                    flow.kind,
                    flow.section,
                    CellPosition {
                        table: t,
                        row: r,
                        cell: 1,
                    },
                    in_section,
                );
                flow.none |= none;
            }
            return;
        }
        let mut read = 0;
        for (k, &r) in rows.iter().enumerate() {
            let row = &table.rows[r];
            let paragraphs: Vec<usize> = row
                .cells
                .iter()
                .flat_map(|c| c.paragraphs.iter().copied())
                .filter(|&i| in_section.has(i) && !doc.paragraphs[i].text.trim().is_empty())
                .collect();
            if paragraphs.is_empty() {
                continue;
            }
            let all_bold = paragraphs.iter().all(|&i| doc.paragraphs[i].bold);
            if k == 0 && all_bold {
                continue;
            }
            let joined: String = paragraphs
                .iter()
                .map(|&i| doc.paragraphs[i].text.trim())
                .collect::<Vec<_>>()
                .join(" ");
            if is_none_statement(&joined) {
                flow.none = true;
                continue;
            }
            if is_placeholder(&joined) {
                continue;
            }
            let mut row_flow = table_flow.clone();
            row_flow.cell = Some(CellPosition {
                table: t,
                row: r,
                cell: 0,
            });
            row_flow.last = None;
            if let Some(d) = self.step(&mut row_flow, paragraphs[0]) {
                for &i in &paragraphs[1..] {
                    let text = &doc.paragraphs[i].text;
                    let start = text.len() - text.trim_start().len();
                    self.drafts[d]
                        .spans
                        .push((i, start..start + text.trim().len()));
                }
                read += 1;
            }
        }
        if read > 0 && !matches!(flow.kind, Kind::Placement | Kind::Budget) {
            self.warnings.push(format!(
                "a table in section {} has no header row I recognise; each row was read as one {} item",
                flow.section,
                kind_word(flow.kind)
            ));
        }
    }

    fn finish(mut self, plan: &mut Plan) -> Evidence {
        // Advice details from the entry's own words.
        for d in &mut self.drafts {
            let text = draft_text(self.doc, d);
            if d.kind == Kind::Outcome && d.time_frame.is_none() {
                d.time_frame = find_time_frame(&text).map(|r| text[r].trim().to_owned());
            }
            if d.kind == Kind::Advice {
                let (author, role, date) = parse_advice(&text);
                d.author = d.author.take().or(author);
                d.role = d.role.take().or(role);
                d.date = d.date.or(date);
            }
        }
        // "H1: …" / "H2: …" in a social care section names its part, not an id.
        for d in &mut self.drafts {
            if d.kind == Kind::Provision
                && matches!(d.section, SectionId::H | SectionId::H1 | SectionId::H2)
                && let Some(id) = d.doc_id.as_deref()
                && let Some(part) = match id {
                    "H1" => Some(SectionId::H1),
                    "H2" => Some(SectionId::H2),
                    _ => None,
                }
            {
                d.section = part;
                d.doc_id = None;
                d.from_list = false;
            }
        }
        // List numbers that restart within a section are not the plan's ids.
        let mut list_counts: HashMap<(SectionId, String), usize> = HashMap::new();
        for d in self.drafts.iter().filter(|d| d.from_list) {
            if let Some(id) = &d.doc_id {
                *list_counts.entry((d.section, id.clone())).or_default() += 1;
            }
        }
        let restarting: HashSet<SectionId> = list_counts
            .iter()
            .filter(|(_, n)| **n > 1)
            .map(|((section, _), _)| *section)
            .collect();
        for d in &mut self.drafts {
            if d.from_list && restarting.contains(&d.section) {
                d.doc_id = None;
            }
        }
        let mut order: Vec<usize> = (0..self.drafts.len()).collect();
        order.sort_by_key(|&k| self.drafts[k].spans.first().map_or(0, |s| s.0));
        let mut counters: HashMap<SectionId, usize> = HashMap::new();
        let mut used: HashSet<String> = HashSet::new();
        let mut ids: Vec<String> = vec![String::new(); self.drafts.len()];
        // Document ids first, so an assigned id never takes one.
        for &k in &order {
            if let Some(id) = &self.drafts[k].doc_id {
                ids[k] = unique(id, &mut used);
            }
        }
        for &k in &order {
            if self.drafts[k].doc_id.is_none() {
                let section = self.drafts[k].section;
                let n = counters.entry(section).or_default();
                *n += 1;
                ids[k] = unique(&format!("{section}-{n}"), &mut used);
            }
        }
        for &k in &order {
            let d = &self.drafts[k];
            let item = make_item(self.doc, d, ids[k].clone());
            match d.kind {
                Kind::Aspiration => plan.aspirations.push(item),
                Kind::Need => plan.needs.push(Need { item }),
                Kind::Outcome => plan.outcomes.push(Outcome {
                    item,
                    time_frame: d.time_frame.clone(),
                    term: d.term,
                }),
                Kind::Provision => plan.provision.push(Provision {
                    item,
                    what: d.what.clone(),
                    who: d.who.clone(),
                    frequency: d.frequency.clone(),
                    duration: d.duration.clone(),
                    group: d.group.clone(),
                }),
                Kind::Placement => plan.placement.push(item),
                Kind::Budget => plan.personal_budget.push(item),
                Kind::Advice => plan.advice.push(Advice {
                    item,
                    author: d.author.clone(),
                    role: d.role.clone(),
                    date: d.date,
                }),
            }
        }
        plan.warnings.append(&mut self.warnings);
        Evidence {
            groups: self
                .groups
                .into_iter()
                .map(|(members, detail)| Group {
                    items: members.iter().map(|&k| ids[k].clone()).collect(),
                    detail,
                })
                .collect(),
            cell_references: self
                .refs
                .into_iter()
                .map(|(k, text, detail)| CellReference {
                    item: ids[k].clone(),
                    text,
                    detail,
                })
                .collect(),
            area_headings: order
                .iter()
                .filter_map(|&k| {
                    let d = &self.drafts[k];
                    Some((ids[k].clone(), d.area?, d.area_heading.clone()?))
                })
                .collect(),
        }
    }
}

fn set_detail(draft: &mut Draft, col: Column, value: &str) {
    let v = Some(value.to_owned());
    match (col, draft.kind) {
        (Column::Who, Kind::Provision) => draft.who = v,
        (Column::Frequency, Kind::Provision) => draft.frequency = v,
        (Column::Duration, Kind::Provision) => draft.duration = v,
        (Column::Group, Kind::Provision) => draft.group = v,
        (Column::TimeFrame, Kind::Outcome) => draft.time_frame = v,
        (Column::Author | Column::Who, Kind::Advice) => draft.author = v,
        (Column::Role, Kind::Advice) => draft.role = v,
        (Column::Date, Kind::Advice) => draft.date = find_dates(value).first().map(|d| d.1),
        _ => {}
    }
}

fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Aspiration => "aspiration",
        Kind::Need => "need",
        Kind::Outcome => "outcome",
        Kind::Provision => "provision",
        Kind::Placement => "placement",
        Kind::Budget => "personal budget",
        Kind::Advice => "advice",
    }
}

fn unique(id: &str, used: &mut HashSet<String>) -> String {
    if used.insert(id.to_owned()) {
        return id.to_owned();
    }
    let mut k = 2;
    loop {
        let candidate = format!("{id} ({k})");
        if used.insert(candidate.clone()) {
            return candidate;
        }
        k += 1;
    }
}

/// An id from a number column: "1" in section B → "B1"; "E2" stays.
fn column_id(text: &str, section: SectionId) -> String {
    let t = text.trim().trim_end_matches(['.', ')', ':']);
    if ids::list_id(t, section).is_some() && t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        format!("{}{t}", ids::letter(section))
    } else {
        t.to_owned()
    }
}

/// A cell that only names other items: "E1, E3", "Need 2", "B1 and B4".
fn is_reference_list(text: &str) -> bool {
    static REFS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:(?:(?:meets|supports|links? to|see|for)\s+)?(?:(?:the\s+)?(?:needs?|outcomes?|provision|targets?)(?:\s*\(s\))?|links? to|see)\s*:?\s*)?(?:[A-K]\d{1,3}(?:\.\d{1,2}){0,2}|(?:need|outcome|provision)\s*\d{1,3}(?:\.\d{1,2})?)(?:\s*(?:,|;|and|&|/)\s*(?:[A-K]\d{1,3}(?:\.\d{1,2}){0,2}|(?:need|outcome|provision)\s*\d{1,3}(?:\.\d{1,2})?))*\s*\.?\s*$").expect("pattern")
    });
    REFS.is_match(text)
}

/// A sentence stating what a child will achieve: "By July 2026, Sam will
/// read …", "Sam will be able to …".
fn is_outcome_statement(text: &str) -> bool {
    let t = text.trim();
    word_count(t) >= 6
        && t.chars().next().is_some_and(char::is_uppercase)
        && (t.contains(" will ") || t.contains(" can ") || t.contains(" is able to "))
}

/// Text that is references with a few linking words around them:
/// "Outcome(s): E3 (links to need B2)", "E1 and E2 – see also need 3".
fn mostly_references(text: &str) -> bool {
    const LINKING: &[&str] = &[
        "outcome",
        "outcomes",
        "need",
        "needs",
        "provision",
        "target",
        "targets",
        "links",
        "link",
        "linked",
        "to",
        "and",
        "meets",
        "supports",
        "see",
        "also",
        "for",
        "the",
        "s",
        "ref",
        "refs",
        "area",
        "of",
        "with",
        "section",
        "aspiration",
        "aspirations",
    ];
    let refs = ids::references(text);
    if refs.is_empty() {
        return false;
    }
    let mut rest = String::with_capacity(text.len());
    let mut last = 0;
    for r in &refs {
        if r.range.start >= last {
            rest.push_str(&text[last..r.range.start]);
            rest.push(' ');
            last = r.range.end;
        }
    }
    rest.push_str(&text[last..]);
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .filter(|w| !LINKING.contains(&w.to_lowercase().as_str()))
        .count()
        == 0
}

fn draft_text(doc: &Document, d: &Draft) -> String {
    d.spans
        .iter()
        .map(|(p, r)| &doc.paragraphs[*p].text[r.clone()])
        .collect::<Vec<_>>()
        .join("\n")
}

fn make_item(doc: &Document, d: &Draft, id: String) -> Item {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(d.spans.len());
    for (n, (p, r)) in d.spans.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        spans.push(TextSpan {
            item_offset: text.len(),
            paragraph: *p,
            paragraph_range: r.clone(),
        });
        text.push_str(&doc.paragraphs[*p].text[r.clone()]);
    }
    Item {
        id,
        id_from_document: d.doc_id.is_some(),
        section: d.section,
        text,
        spans,
        area: d.area,
        heading: d.heading.clone(),
        cell: d.cell,
    }
}

/// "1. ", "2) ", "3.1 " typed at the start of an item (checked for a capital after).
static TYPED_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(?P<n>\d{1,2}(?:\.\d{1,2})?)(?:[.)]\s+|\s+[\u{2013}\u{2014}-]\s+)")
        .expect("pattern")
});

/// "(a) ", "(iv) " typed at the start of an item, before a capital.
static LETTER_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\((?:[a-z]|[ivx]{1,4})\)\s+").expect("pattern"));

static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)psycholog|therap|teacher|senco|officer|worker|nurse|doctor|paediatric|pediatric|consultant|co-?ordinator|manager|head\b|headteacher|practitioner|specialist|advis[oe]r|clinician|social|\blead\b|senior|assistant|caseworker|health visitor|psychiatr|audiolog|optom|\bgp\b|\bsalt\b|\bslt\b|\bot\b|\bep\b|physio|tutor|mentor|counsell?or|parent|carer|mother|father|governor|principal|director|service|team|school|college|camhs").expect("pattern")
});
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:by|from)\s+)?(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx)\.?\s+and\s+)?(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor)\.?\s+)?(?:[A-Z]\.?\s+){0,2}[A-Z][A-Za-z'\u{2019}\-]+(?:\s+[A-Z][A-Za-z'\u{2019}\-]+){0,3})$").expect("pattern")
});
static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor)\.?\s").expect("pattern")
});

/// Author, role and date of an advice entry written in one line:
/// "Educational Psychology advice – Dr Jane Patel, Educational
/// Psychologist, 14 March 2025".
pub fn parse_advice(text: &str) -> (Option<String>, Option<String>, Option<Date>) {
    let dates = find_dates(text);
    let date = dates.last().map(|d| d.1);
    let mut rest = text.to_owned();
    for (range, _) in dates.iter().rev() {
        rest.replace_range(range.clone(), " ");
    }
    let pieces: Vec<&str> = rest
        .split(['\u{2013}', '\u{2014}', ',', ';', ':', '(', ')', '\n', '|'])
        .flat_map(|p| p.split(" - "))
        .map(|p| p.trim().trim_end_matches('.').trim())
        .filter(|p| p.chars().any(char::is_alphabetic))
        .filter(|p| {
            !matches!(
                p.to_lowercase().as_str(),
                "dated" | "date" | "received" | "on"
            )
        })
        .collect();
    let mut author = None;
    let mut role = None;
    for (k, piece) in pieces.iter().enumerate() {
        let piece = piece
            .trim_start_matches("by ")
            .trim_start_matches("from ")
            .trim_end_matches(" dated")
            .trim();
        let titled = TITLED.is_match(piece);
        if author.is_none()
            && (titled || (k > 0 && !ROLE.is_match(piece)))
            && let Some(c) = PERSON.captures(piece)
        {
            author = Some(c["name"].to_owned());
            continue;
        }
        if k > 0 && role.is_none() && ROLE.is_match(piece) && word_count(piece) <= 8 {
            role = Some(piece.to_owned());
        }
    }
    (author, role, date)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::test_support::DocBuilder;
    use crate::plan::{ExtractOptions, extract_plan};

    fn plan_of(doc: &Document) -> Plan {
        extract_plan(doc, &ExtractOptions::default())
    }

    fn ids_of<'a>(items: impl Iterator<Item = &'a Item>) -> Vec<String> {
        items.map(|i| i.id.clone()).collect()
    }

    #[test]
    fn list_items_and_paragraphs_become_items_with_assigned_ids() {
        let doc = DocBuilder::new()
            .heading(1, "Section B: Special educational needs")
            .p("Claire's needs are described below.")
            .heading(2, "Communication and interaction")
            .bullet("Claire finds it hard to take turns in conversation.")
            .bullet("Claire needs visual prompts.")
            .heading(2, "Cognition and learning")
            .p("Claire reads at a Year 2 level.")
            .heading(1, "Section E: Outcomes")
            .item(
                "1.",
                "By July 2026 Claire will take turns in a group of four.",
            )
            .item(
                "2.",
                "Claire will read 100 high-frequency words by the end of Year 5.",
            )
            .build();
        let plan = plan_of(&doc);
        let needs: Vec<_> = plan.needs.iter().map(|n| &n.item).collect();
        assert_eq!(ids_of(needs.iter().copied()), ["B-1", "B-2", "B-3"]);
        assert_eq!(needs[0].area, Some(AreaOfNeed::CommunicationAndInteraction));
        assert_eq!(
            needs[0].heading.as_deref(),
            Some("Communication and interaction")
        );
        assert_eq!(needs[2].area, Some(AreaOfNeed::CognitionAndLearning));
        assert!(!needs[0].id_from_document);
        let outcomes = &plan.outcomes;
        assert_eq!(ids_of(outcomes.iter().map(|o| &o.item)), ["E1", "E2"]);
        assert!(outcomes[0].item.id_from_document);
        assert_eq!(outcomes[0].time_frame.as_deref(), Some("By July 2026"));
        assert_eq!(
            outcomes[1].time_frame.as_deref(),
            Some("by the end of Year 5")
        );
    }

    #[test]
    fn headings_beside_the_areas_end_the_area() {
        let doc = DocBuilder::new()
            .heading(1, "Section E")
            .heading(2, "Cognition and learning")
            .p("Claire will read 100 words by July 2026.")
            .heading(2, "Health")
            .p("Claire will sleep through the night by July 2026.")
            .bold("Communication and interaction")
            .p("Claire will take turns by July 2026.")
            .bold("Social care")
            .p("Claire will cook a meal by July 2026.")
            .build();
        let plan = plan_of(&doc);
        let areas: Vec<_> = plan.outcomes.iter().map(|o| o.item.area).collect();
        assert_eq!(
            areas,
            [
                Some(AreaOfNeed::CognitionAndLearning),
                None,
                Some(AreaOfNeed::CommunicationAndInteraction),
                None
            ]
        );
    }

    #[test]
    fn typed_numbers_and_letters_label_items() {
        let doc = DocBuilder::new()
            .heading(1, "Section B")
            .p("(a) Claire has difficulty with reading.")
            .p("(b) Claire becomes anxious when routines change.")
            .heading(1, "Section E")
            .p("1. By July 2027 Claire will read 100 words.")
            .p("2) By July 2027 Claire will use a calm box.")
            .p("3 times a week is not a label.")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(
            plan.needs[0].item.text,
            "Claire has difficulty with reading."
        );
        assert!(!plan.needs[0].item.id_from_document);
        assert_eq!(
            ids_of(plan.outcomes.iter().map(|o| &o.item))[..2],
            ["E1", "E2"]
        );
        assert_eq!(
            plan.outcomes[1].item.text,
            "By July 2027 Claire will use a calm box."
        );
        assert!(
            plan.outcomes
                .iter()
                .all(|o| !o.item.text.starts_with(['1', '2']))
        );
    }

    #[test]
    fn ids_written_in_text_and_continuations() {
        let doc = DocBuilder::new()
            .heading(1, "Section B")
            .p("B1 Claire has difficulty with reading.")
            .p("She reads at a Year 2 level.")
            .p("B2: Claire becomes anxious when routines change.")
            .heading(1, "Section E")
            .bold("Outcome 1")
            .p("Claire will read fluently by July 2027.")
            .p("Outcome 2: Claire will:")
            .bullet("manage transitions calmly;")
            .bullet("ask for help.")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(ids_of(plan.needs.iter().map(|n| &n.item)), ["B1", "B2"]);
        // The label is the id; the text starts after it, and still maps back.
        assert_eq!(
            plan.needs[0].item.text,
            "Claire has difficulty with reading.\nShe reads at a Year 2 level."
        );
        assert_eq!(plan.needs[0].item.spans[0].paragraph_range, 3..38);
        assert_eq!(plan.needs[0].item.locate(36..41), Some((2, 0..5)));
        assert_eq!(
            plan.needs[1].item.text,
            "Claire becomes anxious when routines change."
        );
        assert_eq!(
            ids_of(plan.outcomes.iter().map(|o| &o.item)),
            ["Outcome 1", "Outcome 2"]
        );
        assert_eq!(plan.outcomes[1].item.text.lines().count(), 3);
    }

    #[test]
    fn restarting_list_numbers_are_not_ids_and_ids_stay_unique() {
        let doc = DocBuilder::new()
            .heading(1, "Section F")
            .heading(2, "Communication")
            .item("1.", "Weekly speech therapy for 30 minutes.")
            .heading(2, "Learning")
            .item("1.", "Daily phonics for 20 minutes.")
            .item("2.", "Weekly reading group of four.")
            .p("F1 Daily reading with a teaching assistant.")
            .p("F1 Weekly social skills group of four.")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(
            ids_of(plan.provision.iter().map(|p| &p.item)),
            ["F-1", "F-2", "F-3", "F1", "F1 (2)"]
        );
    }

    #[test]
    fn none_statements_introductions_and_strengths_are_not_items() {
        let doc = DocBuilder::new()
            .heading(1, "Section C: Health needs")
            .p("No health needs have been identified.")
            .heading(1, "Section B")
            .bold("Strengths")
            .p("Claire is kind and loves art.")
            .bold("Needs")
            .p("Claire needs help with spelling.")
            .p("Strengths: Claire tries hard.")
            .p("Click or tap here to enter text.")
            .build();
        let plan = plan_of(&doc);
        assert!(plan.sections[0].none_statement);
        assert!(!plan.sections[1].none_statement);
        assert_eq!(plan.needs.len(), 1);
        assert_eq!(plan.needs[0].item.text, "Claire needs help with spelling.");
        assert_eq!(plan.needs[0].item.id, "B-1");
    }

    #[test]
    fn column_tables_in_any_order_fill_fields_and_link_rows() {
        let doc = DocBuilder::new()
            .heading(1, "Section F: Special educational provision")
            .table(&[
                &[
                    "**Frequency",
                    "**Provision",
                    "**Outcome",
                    "**By whom",
                    "**Need",
                ],
                &[
                    "3 x 20 minutes weekly",
                    "Phonics programme",
                    "Claire will read 100 words by July 2026.",
                    "Teaching assistant",
                    "Claire struggles to decode words.",
                ],
                &["Daily", "Visual timetable", "E1", "Class teacher", ""],
            ])
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.provision.len(), 2);
        let p = &plan.provision[0];
        assert_eq!(p.item.text, "Phonics programme");
        assert_eq!(p.who.as_deref(), Some("Teaching assistant"));
        assert_eq!(p.frequency.as_deref(), Some("3 x 20 minutes weekly"));
        assert_eq!(p.what.as_deref(), Some("Phonics programme"));
        assert_eq!(p.item.cell.map(|c| c.cell), Some(1));
        assert_eq!(plan.needs.len(), 1);
        assert_eq!(plan.needs[0].item.section, SectionId::B);
        assert_eq!(plan.needs[0].item.text, "Claire struggles to decode words.");
        assert_eq!(plan.outcomes.len(), 1);
        assert_eq!(plan.outcomes[0].item.id, "E-1");
        assert!(plan.links.iter().any(|l| l.from == "B-1" && l.to == "E-1"));
        assert!(plan.links.iter().any(|l| l.from == "E-1" && l.to == "F-1"));
        assert!(plan.links.iter().any(|l| l.from == "B-1" && l.to == "F-1"));
        assert!(plan.warnings.is_empty());
    }

    #[test]
    fn reference_cells_and_lines_are_references_not_items() {
        let doc = DocBuilder::new()
            .heading(1, "Section E")
            .p("E1 Claire will read 100 words by July 2026.")
            .heading(1, "Section F")
            .table(&[
                &["**Ref", "**Provision", "**Outcome(s)"],
                &["F1", "Daily phonics.", "Outcome(s): E1"],
            ])
            .p("F2 Weekly reading group.")
            .p("Meets outcome E1")
            .heading(1, "Section H: Social care provision")
            .p("H1: A personal assistant for 4 hours a week.")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.outcomes.len(), 1);
        let ids: Vec<_> = plan.provision.iter().map(|p| p.item.id.as_str()).collect();
        assert_eq!(ids, ["F1", "F2", "H1-1"]);
        assert_eq!(plan.provision[2].item.section, SectionId::H1);
        assert!(plan.links.iter().any(|l| l.from == "E1" && l.to == "F1"));
        assert!(plan.links.iter().any(|l| l.from == "E1" && l.to == "F2"));
    }

    #[test]
    fn row_labelled_county_tables_interleave_sections() {
        let doc = DocBuilder::new()
            .heading(1, "Sections B, E and F")
            .table(&[
                &["**Communication and interaction"],
                &["Strengths", "Claire is chatty."],
                &["Needs", "Claire finds it hard to listen in a group."],
                &[
                    "Long-term outcome",
                    "By the end of KS2 Claire will follow group instructions.",
                ],
                &[
                    "Medium-term outcomes",
                    "By July 2026 Claire will follow two-step instructions.",
                ],
                &["Provision", "Weekly listening group."],
                &["By whom", "Speech and language therapist"],
                &["Frequency", "Weekly, 30 minutes"],
            ])
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.needs.len(), 1);
        assert_eq!(
            plan.needs[0].item.area,
            Some(AreaOfNeed::CommunicationAndInteraction)
        );
        assert_eq!(plan.outcomes.len(), 2);
        assert_eq!(plan.outcomes[0].term, Some(OutcomeTerm::LongTerm));
        assert_eq!(plan.outcomes[1].term, Some(OutcomeTerm::MediumTerm));
        assert_eq!(plan.provision.len(), 1);
        assert_eq!(
            plan.provision[0].who.as_deref(),
            Some("Speech and language therapist")
        );
        assert_eq!(
            plan.provision[0].frequency.as_deref(),
            Some("Weekly, 30 minutes")
        );
        let table_links = plan
            .links
            .iter()
            .filter(|l| l.evidence == crate::plan::LinkEvidence::TableRow)
            .count();
        // need→2 outcomes, 2 outcomes→provision, need→provision.
        assert_eq!(table_links, 5);
    }

    #[test]
    fn a_row_with_only_its_provision_written_is_an_item_and_merged_rows_are_titles() {
        let doc = DocBuilder::new()
            .heading(1, "Section F")
            .table(&[
                &["**Provision", "**Who", "**How often"],
                &["**Cognition and learning", "", ""],
                &["Access to a reading group.", "", ""],
                &["Daily phonics.", "Teaching assistant", "Daily"],
            ])
            .table(&[
                &["**Provision", "**Who"],
                &["Communication"],
                &["Speech therapy.", "SaLT"],
            ])
            .build();
        let plan = plan_of(&doc);
        let texts: Vec<_> = plan
            .provision
            .iter()
            .map(|p| p.item.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Access to a reading group.",
                "Daily phonics.",
                "Speech therapy."
            ]
        );
        assert_eq!(
            plan.provision[0].item.area,
            Some(AreaOfNeed::CognitionAndLearning)
        );
        assert_eq!(
            plan.provision[2].item.area,
            Some(AreaOfNeed::CommunicationAndInteraction)
        );
    }

    #[test]
    fn label_value_tables_skip_strengths_rows() {
        let doc = DocBuilder::new()
            .table(&[&["**Section B: Special educational needs"]])
            .table(&[
                &[
                    "Communication and interaction: strengths",
                    "Jake knows about trains.",
                ],
                &[
                    "Communication and interaction",
                    "Jake finds conversations hard.",
                ],
            ])
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.needs.len(), 1);
        assert_eq!(plan.needs[0].item.text, "Jake finds conversations hard.");
        assert_eq!(
            plan.needs[0].item.area,
            Some(AreaOfNeed::CommunicationAndInteraction)
        );
    }

    #[test]
    fn unrecognised_tables_are_read_row_by_row_with_a_warning() {
        let doc = DocBuilder::new()
            .heading(1, "Section G: Health provision")
            .table(&[
                &[
                    "Annual review with the paediatrician",
                    "Community paediatrics",
                ],
                &["Inhaler available in school at all times", "School nurse"],
            ])
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.provision.len(), 2);
        assert_eq!(
            plan.provision[0].item.text,
            "Annual review with the paediatrician\nCommunity paediatrics"
        );
        assert_eq!(plan.warnings.len(), 1);
        assert!(plan.warnings[0].contains("section G"));
    }

    #[test]
    fn advice_entries_give_author_role_and_date() {
        let (a, r, d) = parse_advice(
            "Educational Psychology advice – Dr Jane Patel, Educational Psychologist, 14 March 2025",
        );
        assert_eq!(a.as_deref(), Some("Dr Jane Patel"));
        assert_eq!(r.as_deref(), Some("Educational Psychologist"));
        assert_eq!(d, Date::ymd(2025, 3, 14));
        let doc = DocBuilder::new()
            .heading(1, "Section K: Advice and information")
            .table(&[
                &["**Advice", "**Author", "**Role", "**Date"],
                &["Health advice", "Sam Jones", "Paediatrician", "01/02/2024"],
            ])
            .p("Parental advice – Mrs Smith, parent, 3 March 2025")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.advice.len(), 2);
        assert_eq!(plan.advice[0].author.as_deref(), Some("Sam Jones"));
        assert_eq!(plan.advice[0].role.as_deref(), Some("Paediatrician"));
        assert_eq!(plan.advice[0].date, Date::ymd(2024, 2, 1));
        assert_eq!(plan.advice[1].author.as_deref(), Some("Mrs Smith"));
        assert_eq!(plan.advice[1].role.as_deref(), Some("parent"));
    }

    #[test]
    fn aspirations_come_from_aspiration_headings_when_a_has_them() {
        let doc = DocBuilder::new()
            .heading(1, "Section A: All about me")
            .bold("What people like about me")
            .p("I am funny.")
            .bold("My aspirations")
            .p("I want to be a vet.")
            .p("I want to live with my friends.")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.aspirations.len(), 2);
        assert_eq!(plan.aspirations[0].text, "I want to be a vet.");
        assert_eq!(plan.aspirations[0].id, "A-1");
    }

    #[test]
    fn without_aspiration_headings_only_aspirations_are_aspirations() {
        let doc = DocBuilder::new()
            .heading(1, "Section A: All about me")
            .bold("What is important to me")
            .p("My dog Rex and my grandma.")
            .p("I want to be a vet when I grow up.")
            .p("Her parents would like her to make friends.")
            .build();
        let plan = plan_of(&doc);
        let texts: Vec<_> = plan.aspirations.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "I want to be a vet when I grow up.",
                "Her parents would like her to make friends."
            ]
        );
    }

    #[test]
    fn a_shared_h_sends_items_to_h1_or_h2() {
        let doc = DocBuilder::new()
            .heading(1, "Section H: Social care provision")
            .p("Provision under section 2 of the Chronically Sick and Disabled Persons Act 1970")
            .p("A personal assistant for 4 hours a week.")
            .p("Any other social care provision: a short break each month.")
            .p("H2: Direct payments: none.")
            .build();
        let plan = plan_of(&doc);
        let sections: Vec<_> = plan.provision.iter().map(|p| p.item.section).collect();
        assert_eq!(sections, [SectionId::H1, SectionId::H1, SectionId::H2]);
        assert!(plan.sections[0].none_statement && plan.sections[1].none_statement);
    }

    #[test]
    fn detail_lines_continue_items_and_bold_lines_alone_are_items() {
        let doc = DocBuilder::new()
            .heading(1, "Section F")
            .bullet("Phonics programme delivered in a group of four.")
            .p("Frequency: daily, 20 minutes")
            .p("By whom: a trained teaching assistant")
            .heading(1, "Section B")
            .bold("Poor working memory and slow processing")
            .bold("Difficulty with fine motor skills")
            .p("Claire struggles to hold a pencil.")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.provision.len(), 1);
        let p = &plan.provision[0];
        assert_eq!(p.frequency.as_deref(), Some("daily, 20 minutes"));
        assert_eq!(p.who.as_deref(), Some("a trained teaching assistant"));
        assert_eq!(p.item.spans.len(), 3);
        let needs: Vec<_> = plan.needs.iter().map(|n| n.item.text.as_str()).collect();
        assert_eq!(
            needs,
            [
                "Poor working memory and slow processing",
                "Claire struggles to hold a pencil."
            ]
        );
        assert_eq!(
            plan.needs[1].item.heading.as_deref(),
            Some("Difficulty with fine motor skills")
        );
    }

    #[test]
    fn outcome_columns_keep_their_own_terms_and_advice_tables_without_an_advice_column() {
        let doc = DocBuilder::new()
            .heading(1, "Section E")
            .table(&[
                &["**Long-term outcome", "**Short-term steps"],
                &[
                    "Claire will read fluently by the end of KS2.",
                    "Claire will read 50 words by Easter.",
                ],
            ])
            .heading(1, "Section K")
            .table(&[
                &["**Name of professional", "**Role", "**Date of advice"],
                &["Dr Jane Patel", "Educational Psychologist", "14/03/2025"],
            ])
            .build();
        let plan = plan_of(&doc);
        let terms: Vec<_> = plan.outcomes.iter().map(|o| o.term).collect();
        assert_eq!(
            terms,
            [Some(OutcomeTerm::LongTerm), Some(OutcomeTerm::ShortTerm)]
        );
        assert_eq!(plan.advice.len(), 1);
        assert_eq!(plan.advice[0].author.as_deref(), Some("Dr Jane Patel"));
        assert_eq!(
            plan.advice[0].role.as_deref(),
            Some("Educational Psychologist")
        );
        assert_eq!(plan.advice[0].date, Date::ymd(2025, 3, 14));
    }
}

/// Layouts of other local authorities' templates, not in our samples.
#[cfg(test)]
mod unseen_layouts {
    use crate::plan::test_support::DocBuilder;
    use crate::plan::{ExtractOptions, Plan, SectionId, extract_plan};

    fn plan_of(doc: &crate::docx::Document) -> Plan {
        extract_plan(doc, &ExtractOptions::default())
    }

    fn section_ids(plan: &Plan) -> Vec<&'static str> {
        plan.sections.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn section_letter_and_title_in_separate_cells() {
        let doc = DocBuilder::new()
            .table(&[&["**A", "**Views, interests and aspirations"]])
            .p("Sam wants to be a chef.")
            .table(&[&["**B", "**Special educational needs"]])
            .p("Sam finds reading difficult and reads two years below his age.")
            .table(&[&["**E", "**Outcomes"]])
            .p("By July 2027, Sam will read 70 words a minute.")
            .table(&[&["**F", "**Special educational provision"]])
            .p("Daily phonics for 20 minutes with a teaching assistant.")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(section_ids(&plan), ["A", "B", "E", "F"]);
        assert_eq!(plan.needs.len(), 1);
        assert_eq!(plan.outcomes.len(), 1);
        assert_eq!(plan.provision.len(), 1);
    }

    #[test]
    fn outcome_table_with_steps_and_by_when_columns() {
        let doc = DocBuilder::new()
            .heading(1, "Section E \u{2013} Outcomes")
            .table(&[
                &["**Outcome", "**Steps", "**By when"],
                &[
                    "Sam will read a short book aloud at 70 words per minute.",
                    "Sam will blend sounds in 20 two-syllable words.",
                    "July 2027",
                ],
            ])
            .build();
        let plan = plan_of(&doc);
        assert!(!plan.outcomes.is_empty());
        let o = &plan.outcomes[0];
        assert!(
            o.item.text.starts_with("Sam will read"),
            "{:?}",
            o.item.text
        );
        assert_eq!(o.time_frame.as_deref(), Some("July 2027"));
    }

    #[test]
    fn provision_table_with_staffing_and_outcome_ref_columns() {
        let doc = DocBuilder::new()
            .heading(1, "Section E")
            .p("E1 By July 2027, Sam will read 70 words a minute.")
            .heading(1, "Section F")
            .table(&[
                &[
                    "**Provision / Support",
                    "**Frequency and duration",
                    "**Staffing / ratio",
                    "**Outcome ref",
                ],
                &[
                    "A structured phonics programme",
                    "20 minutes every school day",
                    "Teaching assistant, 1:1",
                    "E1",
                ],
            ])
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.provision.len(), 1, "{:?}", plan.provision);
        let p = &plan.provision[0];
        assert_eq!(p.item.text, "A structured phonics programme");
        assert_eq!(p.frequency.as_deref(), Some("20 minutes every school day"));
        assert_eq!(p.who.as_deref(), Some("Teaching assistant, 1:1"), "{p:?}");
        assert!(
            plan.links
                .iter()
                .any(|l| l.from == "E1" && l.to == p.item.id),
            "{:?}",
            plan.links
        );
    }

    #[test]
    fn prose_needs_under_area_headings_without_numbers() {
        let doc = DocBuilder::new()
            .heading(1, "Section B: Special educational needs")
            .heading(2, "Communication and interaction")
            .p("Sam finds it hard to follow instructions with more than one part.")
            .p("He often misunderstands jokes and idioms.")
            .heading(2, "Cognition and learning")
            .p("Sam reads two years below the level expected for his age.")
            .build();
        let plan = plan_of(&doc);
        assert!(plan.needs.len() >= 2, "{:?}", plan.needs);
        assert!(
            plan.needs
                .iter()
                .all(|n| n.item.area.is_some() && n.item.section == SectionId::B)
        );
    }

    #[test]
    fn no_needs_identified_is_a_none_statement() {
        let doc = DocBuilder::new()
            .heading(1, "Section C: Health needs")
            .p("No health needs have been identified at this time.")
            .heading(1, "Section D: Social care needs")
            .p("No social care needs have been identified at this time.")
            .heading(1, "Section G: Health provision")
            .p("No health provision is required at this time.")
            .heading(1, "Section H1: Social care provision (CSDPA 1970)")
            .p("None identified.")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(section_ids(&plan), ["C", "D", "G", "H1"]);
        for s in &plan.sections {
            assert!(s.none_statement, "{} not a none statement", s.id);
        }
        assert!(plan.needs.is_empty() && plan.provision.is_empty());
    }

    #[test]
    fn advice_as_label_and_value_rows() {
        let doc = DocBuilder::new()
            .heading(1, "Section K: Advice and information")
            .table(&[
                &["**Section K: Advice and information"],
                &["Parental advice", "Mr and Mrs Porter, Parents, 14 May 2026"],
                &[
                    "Educational psychology advice",
                    "Dr A Smith, Educational Psychologist, 4 October 2022",
                ],
                &[
                    "Careers and preparing for adulthood advice",
                    "Rosie Kemp, Careers Adviser, 14 July 2026",
                ],
            ])
            .build();
        let plan = plan_of(&doc);
        // The last row names columns (advice | adviser) but is data.
        assert_eq!(plan.advice.len(), 3, "{:?}", plan.advice);
        assert_eq!(plan.advice[2].author.as_deref(), Some("Rosie Kemp"));
        assert_eq!(
            plan.advice[0].item.heading.as_deref(),
            Some("Parental advice")
        );
        assert_eq!(plan.advice[0].author.as_deref(), Some("Mr and Mrs Porter"));
        assert_eq!(plan.advice[1].author.as_deref(), Some("Dr A Smith"));
        assert_eq!(
            plan.advice[1].role.as_deref(),
            Some("Educational Psychologist")
        );
        assert!(plan.advice[1].date.is_some());
    }

    #[test]
    fn aspirations_in_a_labelled_row() {
        let doc = DocBuilder::new()
            .heading(1, "Section A: Views, interests and aspirations")
            .table(&[
                &["Jake's story so far", "Jake lives at home with his parents."],
                &[
                    "Jake's views",
                    "I want to get better at my work and I like having a plan.",
                ],
                &[
                    "Jake's hopes and aspirations",
                    "Jake wants to make friends in his class.\nJake wants to go to a club at the weekend.",
                ],
            ])
            .build();
        let plan = plan_of(&doc);
        let texts: Vec<_> = plan.aspirations.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Jake wants to make friends in his class.",
                "Jake wants to go to a club at the weekend."
            ]
        );
    }

    #[test]
    fn strengths_paragraphs_are_not_needs() {
        let doc = DocBuilder::new()
            .heading(1, "Section B: Special educational needs")
            .heading(2, "Communication and interaction")
            .p("Strengths: Sam is chatty and loves telling stories about football.")
            .p("Sam finds it hard to follow instructions with more than one part.")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.needs.len(), 1, "{:?}", plan.needs);
        assert!(plan.needs[0].item.text.starts_with("Sam finds"));
    }

    #[test]
    fn advice_as_a_bullet_list() {
        let doc = DocBuilder::new()
            .heading(1, "Section K: Advice and information")
            .bullet("Educational psychology advice, Dr A Smith, 3 May 2025")
            .bullet("Parental advice, Mr and Mrs Porter, 10 November 2025")
            .build();
        let plan = plan_of(&doc);
        assert_eq!(plan.advice.len(), 2, "{:?}", plan.advice);
        let a = &plan.advice[0];
        assert!(a.date.is_some(), "{a:?}");
        assert!(
            a.author.as_deref().is_some_and(|x| x.contains("Smith")),
            "{a:?}"
        );
    }
}
