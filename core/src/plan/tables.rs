//! Understanding tables: what each column of a header row holds, and the
//! county layout whose rows are labelled (Strengths / Needs / Long-term
//! outcome / Provision / By whom …).

use super::{OutcomeTerm, SectionId};
use crate::docx::{Document, Row};
use crate::text::{normalise, word_count};

/// What a column (or a row label) holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Need,
    Outcome(Option<OutcomeTerm>),
    Provision,
    Who,
    Frequency,
    Duration,
    Group,
    TimeFrame,
    Area,
    Strengths,
    Aspiration,
    Id,
    Advice,
    Author,
    Role,
    Date,
    /// "Links", "Linked to": ids of the items a row serves.
    Links,
}

impl Column {
    /// The column holds items (not details of another column's items).
    pub fn is_item(self) -> bool {
        matches!(
            self,
            Column::Need
                | Column::Outcome(_)
                | Column::Provision
                | Column::Aspiration
                | Column::Advice
        )
    }

    pub fn word(self) -> &'static str {
        match self {
            Column::Need => "need",
            Column::Outcome(_) => "outcome",
            Column::Provision => "provision",
            Column::Who => "who",
            Column::Frequency => "frequency",
            Column::Duration => "duration",
            Column::Group => "group size",
            Column::TimeFrame => "time frame",
            Column::Area => "area of need",
            Column::Strengths => "strengths",
            Column::Aspiration => "aspiration",
            Column::Id => "number",
            Column::Advice => "advice",
            Column::Author => "author",
            Column::Role => "role",
            Column::Date => "date",
            Column::Links => "links",
        }
    }
}

fn term_of(t: &str) -> Option<OutcomeTerm> {
    let t = t.replace(['-', ' '], "");
    if t.contains("longterm") || t.contains("endofkeystage") || t.contains("endofphase") {
        Some(OutcomeTerm::LongTerm)
    } else if t.contains("mediumterm") || t.contains("midterm") {
        Some(OutcomeTerm::MediumTerm)
    } else if t.contains("shortterm") || t.contains("steps") || t.contains("targets") {
        Some(OutcomeTerm::ShortTerm)
    } else {
        None
    }
}

/// The term an outcome's heading or label names ("Long-term outcome").
pub fn outcome_term(text: &str) -> Option<OutcomeTerm> {
    term_of(&normalise(text))
}

/// What a header cell (or row label) names, in the many spellings plans
/// use. `section` settles words that differ by section ("Name" in K is the
/// author).
pub fn column_of(text: &str, section: Option<SectionId>) -> Option<Column> {
    let t = normalise(text);
    let t = t.trim_matches(|c: char| !c.is_alphanumeric() && c != '#');
    if t.is_empty() || word_count(t) > 9 {
        return None;
    }
    let has = |w: &str| t.contains(w);
    let word = |w: &str| t.split(|c: char| !c.is_alphanumeric()).any(|x| x == w);
    let k = section == Some(SectionId::K);
    Some(
        if matches!(
            t,
            "no" | "number" | "ref" | "reference" | "#" | "id" | "item"
        ) {
            Column::Id
        } else if has("area of need") || has("broad area") || has("category of need") || t == "area"
        {
            Column::Area
        } else if has("by when")
            || has("time frame")
            || has("timeframe")
            || has("timescale")
            || has("review date")
            || has("target date")
            || has("when by")
            || has("deadline")
            || has("achieved by")
            || has("date to be achieved")
        {
            Column::TimeFrame
        } else if k
            && (has("author")
                || word("name")
                || has("provided by")
                || has("professional")
                || word("from")
                || has("contributor")
                || has("adviser")
                || has("advisor")
                || has("given by"))
        {
            Column::Author
        } else if k
            && (word("role")
                || has("job title")
                || has("designation")
                || has("profession")
                || has("service")
                || has("agency")
                || has("organisation"))
        {
            Column::Role
        } else if k && word("date") || has("date of advice") || has("date received") {
            Column::Date
        } else if (has("staffing") || has("by whom") || word("who")) && !has("group") {
            // "Staffing / ratio": who delivers it comes first ("Staff
            // ratio" alone is a group size).
            Column::Who
        } else if has("group") || word("ratio") || has("individual") {
            Column::Group
        } else if has("by whom")
            || word("who")
            || has("provided by")
            || has("delivered by")
            || has("responsib")
            || has("provider")
            || word("staff")
            || has("lead professional")
            || has("delivered")
        {
            Column::Who
        } else if has("how often")
            || has("frequency")
            || word("when")
            || has("sessions")
            || has("intensity")
            || word("hours")
        {
            Column::Frequency
        } else if has("how long") || has("duration") || has("length") {
            Column::Duration
        } else if has("strength")
            || has("what is working")
            || has("what's working")
            || has("what people like")
        {
            Column::Strengths
        } else if has("aspiration") || has("dreams") || has("hopes") {
            Column::Aspiration
        } else if has("outcome")
            || word("targets")
            || word("target")
            || word("goals")
            || word("goal")
            || has("steps")
            || has("what we want")
        {
            Column::Outcome(term_of(t))
        } else if has("provision")
            || word("support")
            || has("intervention")
            || has("strateg")
            || has("resource")
            || word("action")
            || word("actions")
            || has("what will be provided")
            || has("what will happen")
            || has("to be provided")
            || has("what will be done")
            || (t == "what" || t == "description" || has("description of"))
                && section.is_some_and(|s| {
                    matches!(
                        s,
                        SectionId::F | SectionId::G | SectionId::H | SectionId::H1 | SectionId::H2
                    )
                })
        {
            Column::Provision
        } else if has("need") || has("difficult") || has("barrier") || has("concern") {
            Column::Need
        } else if k
            && (has("advice")
                || has("document")
                || has("report")
                || has("information")
                || word("title")
                || word("type")
                || has("assessment"))
        {
            Column::Advice
        } else if word("date") {
            Column::Date
        } else if has("author") {
            Column::Author
        } else if word("role") {
            Column::Role
        } else if has("advice") {
            Column::Advice
        } else {
            return None;
        },
    )
}

/// The text of one row's cell (paragraphs joined by spaces).
pub fn cell_text(document: &Document, row: &Row, cell: usize) -> String {
    row.cells.get(cell).map_or_else(String::new, |c| {
        c.paragraphs
            .iter()
            .map(|&i| document.paragraphs[i].text.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The columns a header row names, when it is one: at least two cells name
/// a column, or one does in a row marked as header or written in bold, and
/// no cell holds a sentence.
pub fn header_columns(
    document: &Document,
    row: &Row,
    section: Option<SectionId>,
) -> Option<Vec<Option<Column>>> {
    if row.cells.len() < 2 {
        return None;
    }
    let mut cols = Vec::with_capacity(row.cells.len());
    let mut named = 0;
    let mut bold = true;
    for (k, c) in row.cells.iter().enumerate() {
        let text = cell_text(document, row, k);
        if word_count(&text) > 12 {
            return None;
        }
        bold &= c
            .paragraphs
            .iter()
            .all(|&i| document.paragraphs[i].bold || document.paragraphs[i].text.trim().is_empty());
        let col = column_of(&text, section);
        named += usize::from(col.is_some());
        cols.push(col);
    }
    let items = cols.iter().flatten().filter(|c| c.is_item()).count();
    let advice = section == Some(SectionId::K)
        && cols
            .iter()
            .flatten()
            .any(|c| matches!(c, Column::Author | Column::Role | Column::Date));
    ((items >= 1 || advice) && (named >= 2 || (named >= 1 && (row.header || bold)))).then_some(cols)
}

/// Whether the rows are labelled in their first cell (the county layout):
/// at least two rows carry labels naming at least two different kinds
/// among needs, outcomes, provision and strengths.
pub fn is_row_labelled(document: &Document, rows: &[&Row]) -> bool {
    let mut kinds = Vec::new();
    let mut labelled = 0;
    for row in rows {
        if row.cells.len() < 2 {
            continue;
        }
        let label = cell_text(document, row, 0);
        if word_count(&label) > 6 {
            continue;
        }
        if let Some(c) = column_of(&label, None) {
            labelled += 1;
            let kind = match c {
                Column::Need => 1,
                Column::Outcome(_) => 2,
                Column::Provision => 3,
                Column::Strengths => 4,
                _ => 0,
            };
            if kind > 0 && !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
    }
    labelled >= 2 && kinds.len() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_columns_in_many_spellings() {
        use Column::*;
        for (text, want) in [
            ("Need", Need),
            ("Identified needs", Need),
            ("Special educational needs", Need),
            ("Outcome", Outcome(None)),
            ("Long-term outcome", Outcome(Some(OutcomeTerm::LongTerm))),
            (
                "Medium term outcomes",
                Outcome(Some(OutcomeTerm::MediumTerm)),
            ),
            ("Short-term steps", Outcome(Some(OutcomeTerm::ShortTerm))),
            ("Provision", Provision),
            ("Special educational provision required", Provision),
            ("Support / intervention", Provision),
            ("Frequency", Frequency),
            ("How often?", Frequency),
            ("Who", Who),
            ("By whom", Who),
            ("Staffing / ratio", Who),
            ("Provided by", Who),
            ("Duration", Duration),
            ("Group size", Group),
            ("Staff ratio", Group),
            ("Time frame", TimeFrame),
            ("By when", TimeFrame),
            ("Review date", TimeFrame),
            ("Area of need", Area),
            ("Strengths", Strengths),
            ("No.", Id),
        ] {
            assert_eq!(column_of(text, Some(SectionId::F)), Some(want), "{text}");
        }
        assert_eq!(column_of("Advice", Some(SectionId::K)), Some(Advice));
        assert_eq!(column_of("Name", Some(SectionId::K)), Some(Author));
        assert_eq!(column_of("Role", Some(SectionId::K)), Some(Role));
        assert_eq!(column_of("Date", Some(SectionId::K)), Some(Date));
        assert_eq!(column_of("Claire will read fluently", None), None);
    }
}
