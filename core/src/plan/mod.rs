//! The EHCP plan model: the child, the statutory sections A–K and the items
//! each holds (aspirations, needs, outcomes, provision, placement, personal
//! budget, advice), with the links the document states itself.
//!
//! Built from a [`Document`](crate::docx::Document) by [`extract_plan`]:
//! [`sections`] finds the section headings, [`child`] the child's details and
//! the plan's status and date, [`items`] the items of each section (from
//! paragraphs, list items and table rows; table columns understood from their
//! header row), [`stated_links`] the links the document states (same table row,
//! "links to E1", shared area-of-need sub-headings).

pub mod child;
pub mod ids;
pub mod items;
pub mod sections;
pub mod stated_links;
pub mod tables;
pub mod vocabulary;

#[cfg(test)]
pub(crate) mod test_support;

use std::fmt;
use std::ops::Range;

use crate::docx::Document;
use crate::text::Date;

/// A statutory section. `H` is a template's single section H covering both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionId {
    A,
    B,
    C,
    D,
    E,
    F,
    G,
    H,
    H1,
    H2,
    I,
    J,
    K,
}

impl SectionId {
    /// The statutory sections in their usual order (H1 and H2 apart; no `H`).
    pub const STATUTORY: [SectionId; 12] = [
        SectionId::A,
        SectionId::B,
        SectionId::C,
        SectionId::D,
        SectionId::E,
        SectionId::F,
        SectionId::G,
        SectionId::H1,
        SectionId::H2,
        SectionId::I,
        SectionId::J,
        SectionId::K,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SectionId::A => "A",
            SectionId::B => "B",
            SectionId::C => "C",
            SectionId::D => "D",
            SectionId::E => "E",
            SectionId::F => "F",
            SectionId::G => "G",
            SectionId::H => "H",
            SectionId::H1 => "H1",
            SectionId::H2 => "H2",
            SectionId::I => "I",
            SectionId::J => "J",
            SectionId::K => "K",
        }
    }

    pub fn parse(s: &str) -> Option<SectionId> {
        Some(match s.trim().to_ascii_uppercase().as_str() {
            "A" => SectionId::A,
            "B" => SectionId::B,
            "C" => SectionId::C,
            "D" => SectionId::D,
            "E" => SectionId::E,
            "F" => SectionId::F,
            "G" => SectionId::G,
            "H" => SectionId::H,
            "H1" => SectionId::H1,
            "H2" => SectionId::H2,
            "I" => SectionId::I,
            "J" => SectionId::J,
            "K" => SectionId::K,
            _ => return None,
        })
    }

    /// What the section holds, in the Code of Practice's words.
    pub fn title(self) -> &'static str {
        match self {
            SectionId::A => "Views, interests and aspirations",
            SectionId::B => "Special educational needs",
            SectionId::C => "Health needs",
            SectionId::D => "Social care needs",
            SectionId::E => "Outcomes",
            SectionId::F => "Special educational provision",
            SectionId::G => "Health provision",
            SectionId::H => "Social care provision",
            SectionId::H1 => "Social care provision (CSDPA 1970 s.2)",
            SectionId::H2 => "Other social care provision",
            SectionId::I => "Placement",
            SectionId::J => "Personal budget",
            SectionId::K => "Advice and information",
        }
    }
}

impl fmt::Display for SectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The plan read from a document.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub child: Child,
    pub status: PlanStatus,
    /// The plan's date (issue or draft date) where the document states one.
    pub plan_date: Option<Date>,
    /// Sections in document order. A section may appear more than once when
    /// a template splits it (its parts are then separate entries).
    pub sections: Vec<Section>,
    pub aspirations: Vec<Item>,
    pub needs: Vec<Need>,
    pub outcomes: Vec<Outcome>,
    pub provision: Vec<Provision>,
    /// Section I: the named school or setting, or its type.
    pub placement: Vec<Item>,
    /// Section J.
    pub personal_budget: Vec<Item>,
    /// Section K.
    pub advice: Vec<Advice>,
    /// Links the document states itself (table rows, references, headings).
    pub links: Vec<Link>,
    /// What the extractor could not make sense of. Never fatal.
    pub warnings: Vec<String>,
}

/// The child or young person the plan is about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Child {
    /// Full name as stated ("Claire Smith").
    pub name: Option<String>,
    pub first_name: Option<String>,
    /// "Known as" / preferred name, where stated.
    pub preferred_name: Option<String>,
    pub date_of_birth: Option<Date>,
    /// National Curriculum year group (Reception = 0, Year 1 = 1 …) where stated.
    pub year_group: Option<i32>,
    /// The paragraph the name was read from.
    pub source: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlanStatus {
    Draft,
    Final,
    #[default]
    Unknown,
}

impl PlanStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Final => "final",
            PlanStatus::Unknown => "unknown",
        }
    }
}

/// One section of the plan as found in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub id: SectionId,
    /// The heading paragraph, when the section has one (a content control or
    /// a table may identify it instead).
    pub heading_paragraph: Option<usize>,
    /// The heading's text as written ("Section A: All about me").
    pub heading: String,
    /// How the heading was recognised.
    pub found_by: HeadingCue,
    /// Content paragraphs (heading excluded), in document order.
    pub paragraphs: Vec<usize>,
    /// The section says explicitly that it has nothing to record ("None",
    /// "No health needs have been identified"): it holds no items yet is not
    /// empty. Set by [`items`].
    pub none_statement: bool,
}

/// How a section heading was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingCue {
    /// A Word heading style or outline level.
    HeadingStyle,
    /// A bold or large plain paragraph.
    Emphasis,
    /// The first row of a table.
    TableTitle,
    /// A content control's title or tag.
    ContentControl,
    /// A pattern from the configuration.
    Configured,
}

/// The four broad areas of need (CoP 6.28–6.35), plus preparing for adulthood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AreaOfNeed {
    CommunicationAndInteraction,
    CognitionAndLearning,
    SocialEmotionalMentalHealth,
    SensoryPhysical,
    PreparingForAdulthood,
}

impl AreaOfNeed {
    pub fn as_str(self) -> &'static str {
        match self {
            AreaOfNeed::CommunicationAndInteraction => "communication and interaction",
            AreaOfNeed::CognitionAndLearning => "cognition and learning",
            AreaOfNeed::SocialEmotionalMentalHealth => "social, emotional and mental health",
            AreaOfNeed::SensoryPhysical => "sensory and/or physical",
            AreaOfNeed::PreparingForAdulthood => "preparing for adulthood",
        }
    }
}

/// What every item has: an id, the section, the text and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The plan's own numbering ("B1", "E2.1", "Outcome 3", a list label),
    /// otherwise assigned in document order ("B-1" style: section, dash, n).
    pub id: String,
    /// True when `id` is the document's own numbering.
    pub id_from_document: bool,
    pub section: SectionId,
    /// The item's text: its paragraphs' visible text joined by `\n`.
    pub text: String,
    /// Where each line of `text` comes from.
    pub spans: Vec<TextSpan>,
    /// The area of need it sits under (sub-heading, table or own words).
    pub area: Option<AreaOfNeed>,
    /// The nearest sub-heading above the item within its section, if any.
    pub heading: Option<String>,
    /// The table cell the item was read from, when it came from a table.
    pub cell: Option<crate::docx::CellPosition>,
}

/// Maps a byte range of an item's text back to a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSpan {
    /// Byte offset of this piece in [`Item::text`].
    pub item_offset: usize,
    /// The paragraph it comes from.
    pub paragraph: usize,
    /// Byte range in that paragraph's text.
    pub paragraph_range: Range<usize>,
}

impl Item {
    /// The paragraph and byte range in it for a byte range of the item's text.
    /// A range that crosses paragraphs is cut at the end of the first one.
    pub fn locate(&self, range: Range<usize>) -> Option<(usize, Range<usize>)> {
        let span = self
            .spans
            .iter()
            .rev()
            .find(|s| s.item_offset <= range.start)?;
        let len = span.paragraph_range.len();
        let start = range.start - span.item_offset;
        if start > len {
            return None;
        }
        let end = (range.end - span.item_offset).min(len);
        Some((
            span.paragraph,
            span.paragraph_range.start + start..span.paragraph_range.start + end,
        ))
    }

    /// The first paragraph of the item.
    pub fn first_paragraph(&self) -> Option<usize> {
        self.spans.first().map(|s| s.paragraph)
    }
}

/// A need from section B (educational), C (health) or D (social care).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub item: Item,
}

/// An outcome from section E.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub item: Item,
    /// The time frame as written ("by the end of Key Stage 2"), from a
    /// column or the outcome's own words.
    pub time_frame: Option<String>,
    /// Long-term, medium-term or short-term step, where the template says.
    pub term: Option<OutcomeTerm>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeTerm {
    LongTerm,
    MediumTerm,
    ShortTerm,
}

/// A provision item from section F, G, H1 or H2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    pub item: Item,
    /// What is provided, where a column states it apart from the rest.
    pub what: Option<String>,
    /// Who delivers it (role, qualification), as stated.
    pub who: Option<String>,
    /// How often, as stated ("three times a week").
    pub frequency: Option<String>,
    /// How long, as stated ("30 minutes", "for 12 weeks").
    pub duration: Option<String>,
    /// Individually or in a group of what size, as stated.
    pub group: Option<String>,
}

/// An entry of section K: a piece of advice and who gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub item: Item,
    pub author: Option<String>,
    pub role: Option<String>,
    pub date: Option<Date>,
}

/// A link between two items, by id, with how the plan shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub from: String,
    pub to: String,
    pub evidence: LinkEvidence,
    /// 1.0 for links the document states; the inference score otherwise.
    pub score: f32,
    /// Why, in words a caseworker can check ("same table row 3",
    /// "provision says 'links to need B2'", "shared terms: reading, phonics").
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkEvidence {
    TableRow,
    Reference,
    Heading,
    Inferred,
}

impl LinkEvidence {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkEvidence::TableRow => "table-row",
            LinkEvidence::Reference => "reference",
            LinkEvidence::Heading => "heading",
            LinkEvidence::Inferred => "inferred",
        }
    }
}

/// What the extractor may be told beyond the document.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Extra heading patterns (regular expressions with a named group
    /// `section`, or a pattern per section id) from the configuration.
    pub heading_patterns: Vec<(SectionId, crate::re::Regex)>,
    /// The plan date to use where the document has none.
    pub plan_date: Option<Date>,
}

impl Plan {
    /// All items of every kind, for lookups by id.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.aspirations
            .iter()
            .chain(self.needs.iter().map(|n| &n.item))
            .chain(self.outcomes.iter().map(|o| &o.item))
            .chain(self.provision.iter().map(|p| &p.item))
            .chain(self.placement.iter())
            .chain(self.personal_budget.iter())
            .chain(self.advice.iter().map(|a| &a.item))
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    /// The sections with this id (a split template may have more than one).
    pub fn sections_with(&self, id: SectionId) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.id == id)
    }

    pub fn has_section(&self, id: SectionId) -> bool {
        self.sections.iter().any(|s| s.id == id)
    }
}

/// Reads the plan out of a document.
pub fn extract_plan(document: &Document, options: &ExtractOptions) -> Plan {
    let sections = sections::detect(document, options);
    let mut plan = Plan {
        sections,
        ..Plan::default()
    };
    child::read(document, &mut plan, options);
    let evidence = items::read(document, &mut plan);
    stated_links::read(document, &mut plan, &evidence);
    plan
}
