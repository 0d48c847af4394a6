//! Layouts: the same [`Plan`] written the way different local-authority
//! templates write it.

use crate::ooxml::{Block, Cell, Document, Inline, ListDef, Para, Run, Table};
use crate::plan::{Kind, Plan, Provision, Status, Strand};

/// Section titles as a template words them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Titles {
    /// "Section B: Special educational needs"
    Long,
    /// "Part B – My special educational needs"
    Part,
    /// "B. Special educational needs"
    Short,
}

/// The heading text of a section.
pub fn title(plan: &Plan, sid: &str, t: Titles) -> String {
    let n = &plan.preferred;
    let his = plan.pron.his();
    let family = if plan.year >= 12 { "family" } else { "parents" };
    match t {
        Titles::Long => match sid {
            "A" => format!("Section A: The views, interests and aspirations of {n} and {his} {family}"),
            "B" => "Section B: Special educational needs".into(),
            "C" => format!("Section C: Health needs related to {n}'s special educational needs"),
            "D" => format!("Section D: Social care needs related to {n}'s special educational needs or disability"),
            "E" => "Section E: Outcomes".into(),
            "F" => "Section F: Special educational provision".into(),
            "G" => format!("Section G: Health provision reasonably required by {n}'s learning difficulties or disabilities"),
            "H1" => "Section H1: Social care provision made under section 2 of the Chronically Sick and Disabled Persons Act 1970".into(),
            "H2" => format!("Section H2: Other social care provision reasonably required by {n}'s learning difficulties or disabilities"),
            "H" => "Section H: Social care provision".into(),
            "I" => "Section I: Name and type of school or other institution".into(),
            "J" => "Section J: Personal budget".into(),
            "K" => "Section K: Advice and information".into(),
            other => format!("Section {other}"),
        },
        Titles::Part => match sid {
            "A" => "Part A – All about me".into(),
            "B" => "Part B – My special educational needs".into(),
            "C" => "Part C – My health needs".into(),
            "D" => "Part D – My social care needs".into(),
            "E" => "Part E – My outcomes".into(),
            "F" => "Part F – Special educational provision to meet my needs".into(),
            "G" => "Part G – My health provision".into(),
            "H1" => "Part H1 – Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970".into(),
            "H2" => "Part H2 – Other social care provision".into(),
            "H" => "Part H – Social care provision".into(),
            "I" => "Part I – My school or setting".into(),
            "J" => "Part J – Personal budget".into(),
            "K" => "Part K – Advice and information".into(),
            other => format!("Part {other}"),
        },
        Titles::Short => match sid {
            "A" => "A. Views, interests and aspirations".into(),
            "B" => "B. Special educational needs".into(),
            "C" => "C. Health needs".into(),
            "D" => "D. Social care needs".into(),
            "E" => "E. Outcomes".into(),
            "F" => "F. Special educational provision".into(),
            "G" => "G. Health provision".into(),
            "H1" => "H1. Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970".into(),
            "H2" => "H2. Other social care provision".into(),
            "H" => "H. Social care provision".into(),
            "I" => "I. Placement".into(),
            "J" => "J. Personal budget".into(),
            "K" => "K. Advice and information".into(),
            other => format!("{other}."),
        },
    }
}

/// Paragraph inlines from text, honouring tracked-change markup:
/// `{-deleted-}` and `{+inserted+}`.
pub fn rich(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut rest = text;
    let mut id = 100;
    while !rest.is_empty() {
        let del = rest.find("{-");
        let ins = rest.find("{+");
        let next = match (del, ins) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        let Some(pos) = next else {
            out.push(Inline::Run(Run::new(rest)));
            break;
        };
        if pos > 0 {
            out.push(Inline::Run(Run::new(&rest[..pos])));
        }
        let is_del = rest[pos..].starts_with("{-");
        let close = if is_del { "-}" } else { "+}" };
        let body_start = pos + 2;
        let Some(end) = rest[body_start..].find(close) else {
            out.push(Inline::Run(Run::new(&rest[pos..])));
            break;
        };
        let body = &rest[body_start..body_start + end];
        id += 1;
        let author = "Helen Carter (SEND Casework Officer)".to_string();
        let date = "2026-03-02T10:15:00Z".to_string();
        out.push(if is_del {
            Inline::Del {
                id,
                author,
                date,
                runs: vec![Run::new(body)],
            }
        } else {
            Inline::Ins {
                id,
                author,
                date,
                runs: vec![Run::new(body)],
            }
        });
        rest = &rest[body_start + end + 2..];
    }
    out
}

/// A body paragraph from (possibly marked-up) text.
pub fn para(text: &str) -> Para {
    Para {
        inlines: rich(text),
        ..Para::default()
    }
}

fn cell(text: &str) -> Cell {
    Cell::new(vec![Block::P(para(text).style("TableText"))])
}

fn cell_paras(texts: &[String]) -> Cell {
    if texts.is_empty() {
        return Cell::new(vec![Block::P(Para::new().style("TableText"))]);
    }
    Cell::new(
        texts
            .iter()
            .map(|t| Block::P(para(t).style("TableText")))
            .collect(),
    )
}

fn head_cell(text: &str) -> Cell {
    Cell::new(vec![Block::P(
        Para::runs(vec![Run::bold(text)]).style("TableText"),
    )])
    .shade("D9E2F3")
}

/// The details of the child as (label, value) pairs.
pub fn details(plan: &Plan) -> Vec<(&'static str, String)> {
    let mut out = vec![
        ("Full name", plan.full_name()),
        ("Preferred name", plan.preferred.clone()),
        ("Date of birth", plan.dob.clone()),
        ("Year group", format!("Year {}", plan.year)),
        ("Current school or setting", plan.current_setting.clone()),
        ("Status of plan", plan.status.word().to_string()),
        (
            match plan.status {
                Status::Draft => "Date of draft plan",
                Status::Final => "Date plan finalised",
            },
            plan.date.clone(),
        ),
        ("Local authority", plan.la.clone()),
    ];
    out.push(("Plan written by", plan.coordinator.clone()));
    if let Some(r) = &plan.review {
        out.push(("Date of first annual review", r.clone()));
    }
    out
}

fn details_table(plan: &Plan) -> Table {
    Table::new(
        details(plan)
            .into_iter()
            .map(|(k, v)| vec![head_cell(k), cell(&v)])
            .collect(),
    )
    .widths(&[3000, 6016])
}

fn title_block(doc: &mut Document, plan: &Plan) {
    doc.p(Para::styled(
        "Title",
        "Education, Health and Care Plan (EHCP)",
    ));
    doc.p(Para::styled(
        "Subtitle",
        format!("{} – {} plan", plan.la, plan.status.word().to_lowercase()),
    ));
    if plan.details_table {
        doc.table(details_table(plan));
        doc.p(Para::new());
    } else {
        for (k, v) in details(plan) {
            doc.p(Para::labelled(k, v));
        }
    }
}

/// How lists are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListMode {
    /// Real Word numbering (numbering.xml), a fresh list per group.
    Numbered,
    /// Real Word bullets.
    Bulleted,
    /// Plain paragraphs.
    Plain,
    /// Plain paragraphs starting with the item's id ("B1 ").
    Ids,
    /// Word numbering whose label carries the section letter ("B1", "E2",
    /// "E2.1", "F3"), one list per section continuing across areas of
    /// need: the ids are only in numbering.xml, not in the text.
    Custom,
}

/// Writes lists, allocating numbering definitions as needed.
#[derive(Debug)]
pub struct Lists {
    next: u32,
    pub defs: Vec<ListDef>,
    pub mode: ListMode,
    /// Custom mode: the list of each section letter.
    by_section: Vec<(String, u32)>,
}

impl Lists {
    pub fn new(mode: ListMode) -> Self {
        Lists {
            next: 1,
            defs: Vec::new(),
            mode,
            by_section: Vec::new(),
        }
    }
    /// Starts a list for items of a section; in custom mode all items of a
    /// section share one list labelled with the section's letter.
    pub fn start_for(&mut self, sid: &str) -> u32 {
        if self.mode != ListMode::Custom {
            return self.start();
        }
        if let Some((_, id)) = self.by_section.iter().find(|(s, _)| s == sid) {
            return *id;
        }
        let id = self.next;
        self.next += 1;
        let sep = if sid.len() > 1 { "." } else { "" };
        self.defs.push(ListDef {
            num_id: id,
            levels: vec![
                ("decimal".into(), format!("{sid}{sep}%1")),
                ("decimal".into(), format!("{sid}{sep}%1.%2")),
            ],
        });
        self.by_section.push((sid.to_string(), id));
        id
    }
    /// Starts a new list; returns its numId (0 for plain lists).
    pub fn start(&mut self) -> u32 {
        match self.mode {
            ListMode::Numbered => {
                let id = self.next;
                self.next += 1;
                self.defs.push(ListDef::decimal(id));
                id
            }
            ListMode::Bulleted => {
                let id = self.next;
                self.next += 1;
                self.defs.push(ListDef::bullet(id));
                id
            }
            ListMode::Custom => {
                let id = self.next;
                self.next += 1;
                self.defs.push(ListDef::bullet(id));
                id
            }
            ListMode::Plain | ListMode::Ids => 0,
        }
    }
    pub fn item(&self, num: u32, level: u32, id: &str, text: &str) -> Para {
        match self.mode {
            ListMode::Numbered | ListMode::Bulleted | ListMode::Custom => {
                para(text).numbered(num, level)
            }
            ListMode::Plain => para(text),
            ListMode::Ids => {
                let mut p = Para::runs(vec![Run::bold(format!("{id} "))]);
                p.inlines.extend(rich(text));
                if level > 0 {
                    p.style = Some("ListParagraph".into());
                }
                p
            }
        }
    }
}

/// How headings are written by [`flow`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingMode {
    /// Word "Heading 1" / "Heading 2" styles.
    Styles,
    /// Bold, larger Normal paragraphs.
    Bold,
}

/// Options of the flowing (non-tabular) layout.
#[derive(Debug, Clone, Copy)]
pub struct Flow {
    pub titles: Titles,
    pub headings: HeadingMode,
    pub lists: ListMode,
    /// Outcomes as a table (Outcome | Steps); provision as a table
    /// (Provision | Who | How often | Outcomes).
    pub tables_for_e_and_f: bool,
    /// Each section wrapped in a block content control.
    pub controls: bool,
    /// Bookmarks on section headings (for a table of contents).
    pub bookmarks: bool,
    /// A page break before each section.
    pub page_breaks: bool,
}

fn h1(f: &Flow, text: &str, bookmark: Option<(u32, String)>) -> Para {
    let mut p = match f.headings {
        HeadingMode::Styles => Para::styled("Heading1", text),
        HeadingMode::Bold => Para::runs(vec![Run::bold(text).sized(28)]).keep_next(),
    };
    if let Some((id, name)) = bookmark {
        p.inlines.insert(0, Inline::Bookmark { id, name });
    }
    p
}

fn h2(f: &Flow, text: &str) -> Para {
    match f.headings {
        HeadingMode::Styles => Para::styled("Heading2", text),
        HeadingMode::Bold => Para::runs(vec![Run::bold(text).sized(24)]).keep_next(),
    }
}

fn label(text: &str) -> Para {
    Para::runs(vec![Run::bold(text)]).keep_next()
}

/// The bookmark name of a section's heading.
pub fn toc_bookmark(sid: &str) -> String {
    format!("_Toc_Section_{sid}")
}

/// Writes every section of the plan in order, flowing.
pub fn flow(plan: &Plan, f: &Flow, doc: &mut Document) {
    let mut lists = Lists::new(f.lists);
    title_block(doc, plan);
    for (i, sid) in plan.sections().into_iter().enumerate() {
        let mut blocks: Vec<Block> = Vec::new();
        let bm = f.bookmarks.then(|| (i as u32 + 1, toc_bookmark(sid)));
        let mut heading = h1(f, &title(plan, sid, f.titles), bm);
        if f.page_breaks && i > 0 {
            heading.inlines.insert(0, Inline::PageBreak);
        }
        blocks.push(Block::P(heading));
        if !plan.is_empty_section(sid) {
            section_body(plan, sid, f, &mut lists, &mut blocks);
        }
        for extra in plan.extras(sid) {
            blocks.push(Block::P(para(extra)));
        }
        if f.controls {
            doc.push(Block::Sdt {
                alias: control_alias(plan, sid),
                tag: format!("section{sid}"),
                blocks,
            });
        } else {
            doc.blocks.extend(blocks);
        }
    }
    doc.lists = lists.defs;
}

/// The content control title of a section ("Section B – Special educational needs").
pub fn control_alias(plan: &Plan, sid: &str) -> String {
    let t = title(plan, sid, Titles::Long);
    match t.split_once(": ") {
        Some((a, b)) => format!("{a} – {b}"),
        None => t,
    }
}

fn section_body(plan: &Plan, sid: &str, f: &Flow, lists: &mut Lists, out: &mut Vec<Block>) {
    match sid {
        "A" => section_a(plan, f, lists, out),
        "B" => needs(plan, Kind::Education, f, lists, out),
        "C" => needs(plan, Kind::Health, f, lists, out),
        "D" => needs(plan, Kind::Social, f, lists, out),
        "E" => outcomes(plan, f, lists, out),
        "F" | "G" | "H1" | "H2" | "H" => provision(plan, sid, f, lists, out),
        "I" => out.extend(plan.placement.iter().map(|t| Block::P(para(t)))),
        "J" => out.extend(plan.budget.iter().map(|t| Block::P(para(t)))),
        "K" => advice(plan, out),
        _ => {}
    }
}

fn section_a(plan: &Plan, f: &Flow, lists: &mut Lists, out: &mut Vec<Block>) {
    for (sub, paras) in &plan.views {
        out.push(Block::P(h2(f, sub)));
        out.extend(paras.iter().map(|t| Block::P(para(t))));
    }
    if !plan.aspirations.is_empty() {
        out.push(Block::P(h2(
            f,
            &format!("{}'s hopes and aspirations for the future", plan.preferred),
        )));
        let saved = lists.mode;
        if lists.mode == ListMode::Ids {
            lists.mode = ListMode::Plain;
        }
        let num = if lists.mode == ListMode::Numbered {
            // Aspirations are bullets even in numbered templates.
            lists.mode = ListMode::Bulleted;
            let n = lists.start();
            lists.mode = ListMode::Numbered;
            n
        } else {
            lists.start()
        };
        for (i, a) in plan.aspirations.iter().enumerate() {
            let p = if saved == ListMode::Numbered {
                para(a).numbered(num, 0)
            } else {
                lists.item(num, 0, &format!("A{}", i + 1), a)
            };
            out.push(Block::P(p));
        }
        lists.mode = saved;
    }
}

fn needs(plan: &Plan, kind: Kind, f: &Flow, lists: &mut Lists, out: &mut Vec<Block>) {
    let sid = kind.need_section();
    let strands: Vec<&Strand> = plan
        .strands_of(kind)
        .filter(|s| !s.needs.is_empty() || !s.strengths.is_empty())
        .collect();
    if strands.is_empty() {
        if let Some(t) = plan.none_text(sid) {
            out.push(Block::P(para(t)));
        }
        return;
    }
    for s in strands {
        if kind == Kind::Education && plan.area_headings {
            out.push(Block::P(h2(f, &s.area)));
        }
        if !s.strengths.is_empty() {
            out.push(Block::P(Para::runs(vec![
                Run::bold("Strengths: "),
                Run::new(s.strengths.clone()),
            ])));
        }
        if s.needs.is_empty() {
            continue;
        }
        let num = lists.start_for(sid);
        for n in &s.needs {
            out.push(Block::P(lists.item(num, 0, &n.id, &n.text)));
        }
    }
}

fn outcomes(plan: &Plan, f: &Flow, lists: &mut Lists, out: &mut Vec<Block>) {
    for s in &plan.strands {
        if s.outcomes.is_empty() {
            continue;
        }
        if plan.area_headings {
            out.push(Block::P(h2(f, &s.area)));
        }
        if f.tables_for_e_and_f {
            let mut rows = vec![vec![
                head_cell("Outcome"),
                head_cell("Steps towards the outcome"),
            ]];
            for o in &s.outcomes {
                let text = match &o.pfa {
                    Some(p) => format!("{} (Preparing for adulthood (PfA): {p})", o.text),
                    None => o.text.clone(),
                };
                rows.push(vec![cell(&text), cell_paras(&o.steps)]);
            }
            out.push(Block::Table(
                Table::new(rows).header().widths(&[4800, 4216]),
            ));
            out.push(Block::P(Para::new()));
            continue;
        }
        let num = lists.start_for("E");
        for o in &s.outcomes {
            let text = match &o.pfa {
                Some(p) => format!("{} (Preparing for adulthood (PfA): {p})", o.text),
                None => o.text.clone(),
            };
            let text = if lists.mode == ListMode::Ids && !o.needs.is_empty() {
                format!("{text} (links to need {})", o.needs.join(", "))
            } else {
                text
            };
            out.push(Block::P(lists.item(num, 0, &o.id, &text)));
            if !o.steps.is_empty() {
                if lists.mode == ListMode::Plain {
                    out.push(Block::P(label("Steps towards this outcome:")));
                }
                for (k, step) in o.steps.iter().enumerate() {
                    out.push(Block::P(lists.item(
                        num,
                        1,
                        &format!("{}.{}", o.id, k + 1),
                        step,
                    )));
                }
            }
        }
    }
}

fn provision(plan: &Plan, sid: &str, f: &Flow, lists: &mut Lists, out: &mut Vec<Block>) {
    let items = plan.provision_of(sid);
    if items.is_empty() {
        let key = if sid == "H" { "H" } else { sid };
        if let Some(t) = plan.none_text(key) {
            out.push(Block::P(para(t)));
        }
        return;
    }
    if sid == "H" {
        for t in plan.extras("H-intro") {
            out.push(Block::P(para(t)));
        }
    }
    let mut area: Option<&str> = None;
    let mut num = 0;
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let flush = |rows: &mut Vec<Vec<Cell>>, out: &mut Vec<Block>| {
        if rows.len() > 1 {
            out.push(Block::Table(
                Table::new(std::mem::take(rows))
                    .header()
                    .widths(&[3800, 2000, 2016, 1200]),
            ));
            out.push(Block::P(Para::new()));
        }
        rows.clear();
    };
    for (s, p) in items {
        let h_sub = if sid == "H" {
            Some(if p.h == Some("H1") {
                "Provision under section 2 of the Chronically Sick and Disabled Persons Act 1970 (H1)"
            } else {
                "Other social care provision (H2)"
            })
        } else {
            None
        };
        let group = h_sub.unwrap_or(s.area.as_str());
        if area != Some(group) {
            flush(&mut rows, out);
            if (sid == "F" && plan.area_headings) || sid == "H" {
                out.push(Block::P(h2(f, group)));
            }
            area = Some(group);
            num = lists.start_for(sid);
            if f.tables_for_e_and_f {
                rows.push(vec![
                    head_cell("Provision"),
                    head_cell("Who will provide it"),
                    head_cell("How often and for how long"),
                    head_cell("Outcomes"),
                ]);
            }
        }
        if f.tables_for_e_and_f {
            let (what, who, freq) = p.cells();
            rows.push(vec![
                cell(&what),
                cell(&who),
                cell(&freq),
                cell(&Plan::ids(&p.outcomes)),
            ]);
        } else {
            out.push(Block::P(lists.item(num, 0, &p.id, &p.sentence())));
        }
    }
    flush(&mut rows, out);
}

fn advice(plan: &Plan, out: &mut Vec<Block>) {
    out.push(Block::P(para(
        "The following advice and information was gathered during the assessment and is attached to this plan:",
    )));
    let mut rows = vec![vec![
        head_cell("Advice or information"),
        head_cell("Provided by"),
        head_cell("Role"),
        head_cell("Date"),
    ]];
    for a in &plan.advice {
        rows.push(vec![
            cell(&a.title),
            cell(&a.author),
            cell(&a.role),
            cell(&a.date),
        ]);
    }
    out.push(Block::Table(
        Table::new(rows).header().widths(&[3000, 2200, 2416, 1400]),
    ));
}

fn new_doc(plan: &Plan) -> Document {
    Document::new(
        &format!("Education, Health and Care Plan – {}", plan.full_name()),
        &format!("{} SEND Team", plan.la),
        "2026-01-05T09:00:00Z",
    )
}

/// The footer used by most layouts: the plan's status and a page number.
fn footer(plan: &Plan) -> Vec<Para> {
    vec![Para {
        style: Some("Footer".into()),
        inlines: vec![
            Inline::Run(Run::new(format!(
                "{} – {} plan – Page ",
                plan.la,
                plan.status.word()
            ))),
            Inline::Field {
                instr: "PAGE".into(),
                result: vec![Run::new("1")],
            },
        ],
        ..Para::default()
    }]
}

/// Claire's layout: Heading 1 sections, area sub-headings, outcomes and
/// provision in tables.
pub fn classic(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    flow(
        plan,
        &Flow {
            titles: Titles::Long,
            headings: HeadingMode::Styles,
            lists: ListMode::Bulleted,
            tables_for_e_and_f: true,
            controls: false,
            bookmarks: false,
            page_breaks: false,
        },
        &mut doc,
    );
    doc.footer = footer(plan);
    doc
}

/// Heading 1 sections, Heading 2 areas of need repeated in B, E and F,
/// real numbered lists.
pub fn heading_styles(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    flow(
        plan,
        &Flow {
            titles: Titles::Long,
            headings: HeadingMode::Styles,
            lists: ListMode::Numbered,
            tables_for_e_and_f: false,
            controls: false,
            bookmarks: false,
            page_breaks: false,
        },
        &mut doc,
    );
    doc.footer = footer(plan);
    doc
}

/// Heading 1 sections with needs, outcomes and provision in lists whose
/// labels ("B1", "E1", "E1.1", "F1") come from numbering.xml only.
pub fn custom_numbering(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    flow(
        plan,
        &Flow {
            titles: Titles::Long,
            headings: HeadingMode::Styles,
            lists: ListMode::Custom,
            tables_for_e_and_f: false,
            controls: false,
            bookmarks: false,
            page_breaks: false,
        },
        &mut doc,
    );
    doc.footer = footer(plan);
    doc
}

/// No heading styles: bold, larger plain paragraphs.
pub fn bold_headings(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    flow(
        plan,
        &Flow {
            titles: Titles::Part,
            headings: HeadingMode::Bold,
            lists: ListMode::Plain,
            tables_for_e_and_f: false,
            controls: false,
            bookmarks: false,
            page_breaks: false,
        },
        &mut doc,
    );
    doc
}

/// Needs, outcomes and provision with their own ids (B1, E1, E1.1, F1) and
/// explicit cross-references.
pub fn numbered_references(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    let f = Flow {
        titles: Titles::Short,
        headings: HeadingMode::Bold,
        lists: ListMode::Ids,
        tables_for_e_and_f: false,
        controls: false,
        bookmarks: false,
        page_breaks: false,
    };
    title_block(&mut doc, plan);
    let mut lists = Lists::new(ListMode::Ids);
    for sid in plan.sections() {
        doc.p(h1(&f, &title(plan, sid, Titles::Short), None));
        if plan.is_empty_section(sid) {
            continue;
        }
        match sid {
            "F" | "G" | "H1" | "H2" | "H" => {
                let items = plan.provision_of(sid);
                if items.is_empty() {
                    if let Some(t) = plan.none_text(sid) {
                        doc.p(para(t));
                    }
                } else if sid == "F" {
                    // A table whose last column names the outcomes served.
                    let mut rows = vec![vec![
                        head_cell("Ref"),
                        head_cell("Provision"),
                        head_cell("Who"),
                        head_cell("How often and for how long"),
                        head_cell("Links"),
                    ]];
                    for (_, p) in items {
                        let (what, who, freq) = p.cells();
                        rows.push(vec![
                            cell(&p.id),
                            cell(&what),
                            cell(&who),
                            cell(&freq),
                            cell(&provision_links(p)),
                        ]);
                    }
                    doc.table(
                        Table::new(rows)
                            .header()
                            .widths(&[700, 3300, 2000, 1816, 1200]),
                    );
                    doc.p(Para::new());
                } else {
                    for (_, p) in items {
                        let link = link_phrase(plan, p);
                        let text = if link.is_empty() {
                            p.sentence()
                        } else {
                            format!("{} {link}", p.sentence())
                        };
                        doc.p(lists.item(0, 0, &p.id, &text));
                    }
                }
            }
            _ => {
                let mut blocks = Vec::new();
                section_body(plan, sid, &f, &mut lists, &mut blocks);
                doc.blocks.extend(blocks);
            }
        }
        for extra in plan.extras(sid) {
            doc.p(para(extra));
        }
    }
    doc.footer = footer(plan);
    doc
}

/// The link cell of a provision row: "Outcome(s): E1, E3", or the need
/// it meets when it names no outcome.
fn provision_links(p: &Provision) -> String {
    if !p.outcomes.is_empty() {
        format!("Outcome(s): {}", Plan::ids(&p.outcomes))
    } else if !p.needs.is_empty() {
        format!("(links to need {})", p.needs.join(", "))
    } else {
        String::new()
    }
}

/// "(links to need C1)" or "(supports Outcome 7)".
fn link_phrase(plan: &Plan, p: &Provision) -> String {
    let _ = plan;
    if p.outcomes.is_empty() && p.needs.is_empty() {
        String::new()
    } else if p.id.starts_with('H') && !p.outcomes.is_empty() {
        let nums: Vec<String> = p
            .outcomes
            .iter()
            .map(|o| format!("Outcome {}", o.trim_start_matches('E')))
            .collect();
        format!("(supports {})", nums.join(" and "))
    } else {
        format!("(links to need {})", p.needs.join(", "))
    }
}

/// Every section in a content control titled and tagged with the section;
/// the child's name and date of birth in run-level controls.
pub fn content_controls(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    doc.p(Para::styled(
        "Title",
        "Education, Health and Care Plan (EHCP)",
    ));
    let d = details(plan);
    let value = |k: &str| {
        d.iter()
            .find(|(l, _)| *l == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut details_blocks = vec![
        Block::P(
            Para::runs(vec![Run::bold("Full name: ")]).push(Inline::Sdt {
                alias: "Child's full name".into(),
                tag: "childName".into(),
                runs: vec![Run::new(plan.full_name())],
            }),
        ),
        Block::P(
            Para::runs(vec![Run::bold("Preferred name: ")]).push(Inline::Sdt {
                alias: "Preferred name".into(),
                tag: "preferredName".into(),
                runs: vec![Run::new(plan.preferred.clone())],
            }),
        ),
        Block::P(
            Para::runs(vec![Run::bold("Date of birth: ")]).push(Inline::Sdt {
                alias: "Date of birth".into(),
                tag: "dateOfBirth".into(),
                runs: vec![Run::new(plan.dob.clone())],
            }),
        ),
    ];
    for k in ["Year group", "Current school or setting", "Status of plan"] {
        details_blocks.push(Block::P(Para::labelled(k, value(k))));
    }
    let date_label = details(plan)[6].0;
    details_blocks.push(Block::P(
        Para::runs(vec![Run::bold(format!("{date_label}: "))]).push(Inline::Sdt {
            alias: "Plan date".into(),
            tag: "planDate".into(),
            runs: vec![Run::new(plan.date.clone())],
        }),
    ));
    details_blocks.push(Block::P(Para::labelled("Local authority", plan.la.clone())));
    doc.push(Block::Sdt {
        alias: "About the child or young person".into(),
        tag: "childDetails".into(),
        blocks: details_blocks,
    });
    let f = Flow {
        titles: Titles::Long,
        headings: HeadingMode::Styles,
        lists: ListMode::Bulleted,
        tables_for_e_and_f: false,
        controls: true,
        bookmarks: false,
        page_breaks: false,
    };
    let mut lists = Lists::new(f.lists);
    for sid in plan.sections() {
        let mut blocks = vec![Block::P(h1(&f, &title(plan, sid, f.titles), None))];
        if !plan.is_empty_section(sid) {
            section_body(plan, sid, &f, &mut lists, &mut blocks);
        }
        for extra in plan.extras(sid) {
            blocks.push(Block::P(para(extra)));
        }
        doc.push(Block::Sdt {
            alias: control_alias(plan, sid),
            tag: format!("section{sid}"),
            blocks,
        });
    }
    doc.lists = lists.defs;
    doc.footer = footer(plan);
    doc
}

/// A running header with the child's name, a table of contents, a page
/// break before each section.
pub fn running_header(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    doc.header = vec![Para {
        style: Some("Header".into()),
        inlines: vec![
            Inline::Run(Run::bold(plan.full_name())),
            Inline::Tab,
            Inline::Tab,
            Inline::Run(Run::new(format!("EHCP – {}", plan.status.word()))),
        ],
        ..Para::default()
    }];
    doc.footer = footer(plan);
    // Title page with the table of contents.
    doc.p(Para::styled(
        "Title",
        "Education, Health and Care Plan (EHCP)",
    ));
    for (k, v) in details(plan) {
        doc.p(Para::labelled(k, v));
    }
    doc.p(Para::styled("TOCHeading", "Contents"));
    let sections = plan.sections();
    let n = sections.len();
    for (i, sid) in sections.iter().enumerate() {
        let page = 2 + i as u32;
        let bm = toc_bookmark(sid);
        let mut p = Para::new().style("TOC1");
        if i == 0 {
            p.inlines
                .push(Inline::FieldBegin(r#"TOC \o "1-1" \h \z \u"#.into()));
        }
        p.inlines.push(Inline::Anchor {
            anchor: bm.clone(),
            runs: vec![
                Inline::Run(Run::new(title(plan, sid, Titles::Long))),
                Inline::Tab,
                Inline::Field {
                    instr: format!("PAGEREF {bm} \\h"),
                    result: vec![Run::new(page.to_string())],
                },
            ],
        });
        if i + 1 == n {
            p.inlines.push(Inline::FieldEnd);
        }
        doc.p(p);
    }
    let f = Flow {
        titles: Titles::Long,
        headings: HeadingMode::Styles,
        lists: ListMode::Bulleted,
        tables_for_e_and_f: false,
        controls: false,
        bookmarks: true,
        page_breaks: true,
    };
    let mut lists = Lists::new(f.lists);
    for (i, sid) in sections.iter().enumerate() {
        let mut heading = h1(
            &f,
            &title(plan, sid, f.titles),
            Some((i as u32 + 1, toc_bookmark(sid))),
        );
        heading.inlines.insert(0, Inline::PageBreak);
        doc.p(heading);
        if plan.is_empty_section(sid) {
            continue;
        }
        let mut blocks = Vec::new();
        section_body(plan, sid, &f, &mut lists, &mut blocks);
        doc.blocks.extend(blocks);
        for extra in plan.extras(sid) {
            doc.p(para(extra));
        }
    }
    doc.lists = lists.defs;
    doc
}

/// One table per section; the first row is the section's title.
pub fn table_per_section(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    doc.p(Para::styled(
        "Title",
        "Education, Health and Care Plan (EHCP)",
    ));
    doc.table(details_table(plan));
    doc.p(Para::new());
    let title_row = |t: String| {
        vec![
            Cell::new(vec![Block::P(Para::runs(vec![Run::bold(t).sized(26)]))])
                .span(2)
                .shade("1F3864"),
        ]
    };
    for sid in plan.sections() {
        let mut rows = vec![title_row(title(plan, sid, Titles::Long))];
        if !plan.is_empty_section(sid) {
            match sid {
                "A" => {
                    for (sub, paras) in &plan.views {
                        rows.push(vec![head_cell(sub), cell_paras(paras)]);
                    }
                    rows.push(vec![
                        head_cell(&format!("{}'s hopes and aspirations", plan.preferred)),
                        cell_paras(&plan.aspirations),
                    ]);
                }
                "B" | "C" | "D" => {
                    let kind = match sid {
                        "B" => Kind::Education,
                        "C" => Kind::Health,
                        _ => Kind::Social,
                    };
                    let strands: Vec<&Strand> = plan.strands_of(kind).collect();
                    if strands.is_empty() {
                        rows.push(vec![cell(plan.none_text(sid).unwrap_or("")).span(2)]);
                    }
                    for s in strands {
                        rows.push(vec![
                            head_cell(&format!("{}: strengths", s.area)),
                            cell(&s.strengths),
                        ]);
                        for n in &s.needs {
                            rows.push(vec![head_cell(&s.area), cell(&n.text)]);
                        }
                    }
                }
                "E" => {
                    for s in &plan.strands {
                        for o in &s.outcomes {
                            let mut texts = vec![o.text.clone()];
                            texts.extend(o.steps.iter().map(|t| format!("Short-term step: {t}")));
                            rows.push(vec![head_cell(&s.area), cell_paras(&texts)]);
                        }
                    }
                }
                "F" | "G" | "H1" | "H2" | "H" => {
                    let items = plan.provision_of(sid);
                    if items.is_empty() {
                        rows.push(vec![cell(plan.none_text(sid).unwrap_or("")).span(2)]);
                    }
                    for (s, p) in items {
                        rows.push(vec![head_cell(&s.area), cell(&p.sentence())]);
                    }
                }
                "I" => rows.push(vec![
                    head_cell("School or setting"),
                    cell_paras(&plan.placement),
                ]),
                "J" => rows.push(vec![head_cell("Personal budget"), cell_paras(&plan.budget)]),
                "K" => {
                    for a in &plan.advice {
                        rows.push(vec![
                            head_cell(&a.title),
                            cell(&format!("{}, {}, {}", a.author, a.role, a.date)),
                        ]);
                    }
                }
                _ => {}
            }
        }
        for extra in plan.extras(sid) {
            rows.push(vec![cell(extra).span(2)]);
        }
        doc.table(Table::new(rows).widths(&[2600, 6416]));
        doc.p(Para::new());
    }
    doc.footer = footer(plan);
    doc
}

/// Heading-level paragraphs for A, I, J, K and the sections not in a
/// table; one Need | Outcome | Provision | Frequency | Who table per kind.
pub fn outcome_provision_table(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    let f = Flow {
        titles: Titles::Long,
        headings: HeadingMode::Styles,
        lists: ListMode::Bulleted,
        tables_for_e_and_f: false,
        controls: false,
        bookmarks: false,
        page_breaks: false,
    };
    title_block(&mut doc, plan);
    let mut lists = Lists::new(f.lists);
    let simple = |doc: &mut Document, lists: &mut Lists, sid: &str| {
        doc.p(h1(&f, &title(plan, sid, Titles::Long), None));
        if !plan.is_empty_section(sid) {
            let mut blocks = Vec::new();
            section_body(plan, sid, &f, lists, &mut blocks);
            doc.blocks.extend(blocks);
        }
        for extra in plan.extras(sid) {
            doc.p(para(extra));
        }
    };
    simple(&mut doc, &mut lists, "A");
    let groups: [(Kind, &str, &str, &str); 3] = [
        (
            Kind::Education,
            "Sections B, E and F: Special educational needs, outcomes and special educational provision",
            "Need (Section B)",
            "Provision (Section F)",
        ),
        (
            Kind::Health,
            "Sections C, E and G: Health needs, outcomes and health provision",
            "Health need (Section C)",
            "Health provision (Section G)",
        ),
        (
            Kind::Social,
            "Sections D, E, H1 and H2: Social care needs, outcomes and social care provision",
            "Social care need (Section D)",
            "Social care provision (Section H1 or H2)",
        ),
    ];
    for (kind, heading, need_col, prov_col) in groups {
        doc.p(h1(&f, heading, None));
        let strands: Vec<&Strand> = plan.strands_of(kind).collect();
        if strands.is_empty() {
            let sid = kind.need_section();
            if let Some(t) = plan.none_text(sid) {
                doc.p(para(t));
            }
            let prov_sids: &[&str] = match kind {
                Kind::Health => &["G"],
                Kind::Social => &["H1", "H2"],
                Kind::Education => &["F"],
            };
            for ps in prov_sids {
                if let Some(t) = plan.none_text(ps) {
                    doc.p(para(t));
                }
            }
            continue;
        }
        let mut rows = vec![vec![
            head_cell(need_col),
            head_cell("Outcome (Section E)"),
            head_cell(prov_col),
            head_cell("Frequency"),
            head_cell("Who"),
        ]];
        for s in strands {
            rows.push(vec![
                Cell::new(vec![Block::P(Para::runs(vec![Run::bold(&s.area)]))])
                    .span(5)
                    .shade("F2F2F2"),
            ]);
            for (ni, n) in s.needs.iter().enumerate() {
                let o = s.outcomes.get(ni);
                let provs: Vec<&Provision> = s
                    .provision
                    .iter()
                    .filter(|p| p.needs.contains(&n.id))
                    .collect();
                let otext = o.map(|o| o.text.clone()).unwrap_or_default();
                if provs.is_empty() {
                    rows.push(vec![
                        cell(&n.text),
                        cell(&otext),
                        cell(""),
                        cell(""),
                        cell(""),
                    ]);
                }
                for (pi, p) in provs.iter().enumerate() {
                    let (what, who, freq) = p.cells();
                    let what = match (kind, p.h) {
                        (Kind::Social, Some(h)) => format!("{h}: {what}"),
                        (Kind::Social, None) => format!("H2: {what}"),
                        _ => what,
                    };
                    let (nc, oc) = if pi == 0 {
                        (cell(&n.text).vmerge(true), cell(&otext).vmerge(true))
                    } else {
                        (
                            Cell::new(vec![Block::P(Para::new())]).vmerge(false),
                            Cell::new(vec![Block::P(Para::new())]).vmerge(false),
                        )
                    };
                    let (nc, oc) = if provs.len() == 1 {
                        (cell(&n.text), cell(&otext))
                    } else {
                        (nc, oc)
                    };
                    rows.push(vec![nc, oc, cell(&what), cell(&freq), cell(&who)]);
                }
            }
        }
        doc.table(
            Table::new(rows)
                .header()
                .widths(&[2000, 2200, 2400, 1216, 1200]),
        );
        doc.p(Para::new());
    }
    for sid in ["I", "J", "K"] {
        if plan.sections().contains(&sid) {
            simple(&mut doc, &mut lists, sid);
        }
    }
    doc.lists = lists.defs;
    doc.footer = footer(plan);
    doc
}

/// County style: one table per area of need whose rows are labelled
/// Strengths / Needs / Long-term outcome / Medium-term outcomes /
/// Provision / By whom / Frequency.
pub fn county_area_tables(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    let f = Flow {
        titles: Titles::Long,
        headings: HeadingMode::Styles,
        lists: ListMode::Plain,
        tables_for_e_and_f: false,
        controls: false,
        bookmarks: false,
        page_breaks: false,
    };
    title_block(&mut doc, plan);
    let mut lists = Lists::new(f.lists);
    let simple = |doc: &mut Document, lists: &mut Lists, sid: &str| {
        doc.p(h1(&f, &title(plan, sid, Titles::Long), None));
        if !plan.is_empty_section(sid) {
            let mut blocks = Vec::new();
            section_body(plan, sid, &f, lists, &mut blocks);
            doc.blocks.extend(blocks);
        }
        for extra in plan.extras(sid) {
            doc.p(para(extra));
        }
    };
    simple(&mut doc, &mut lists, "A");
    let label_cell = |t: &str| head_cell(t).width(2400);
    let groups: [(Kind, &str); 3] = [
        (
            Kind::Education,
            "Sections B, E and F: Special educational needs, outcomes and provision by area of need",
        ),
        (
            Kind::Health,
            "Sections C, E and G: Health needs, outcomes and provision",
        ),
        (
            Kind::Social,
            "Sections D, E, H1 and H2: Social care needs, outcomes and provision",
        ),
    ];
    for (kind, heading) in groups {
        doc.p(h1(&f, heading, None));
        let strands: Vec<&Strand> = plan.strands_of(kind).collect();
        if strands.is_empty() {
            let sids: &[&str] = match kind {
                Kind::Health => &["C", "G"],
                Kind::Social => &["D", "H1", "H2"],
                Kind::Education => &["B", "F"],
            };
            for s in sids {
                if let Some(t) = plan.none_text(s) {
                    doc.p(para(t));
                }
            }
            continue;
        }
        for s in strands {
            let mut rows = vec![vec![
                Cell::new(vec![Block::P(Para::runs(vec![
                    Run::bold(format!("Area of need: {}", s.area)).sized(24),
                ]))])
                .span(2)
                .shade("B4C6E7"),
            ]];
            rows.push(vec![label_cell("Strengths"), cell(&s.strengths)]);
            rows.push(vec![
                label_cell("Needs"),
                cell_paras(&s.needs.iter().map(|n| n.text.clone()).collect::<Vec<_>>()),
            ]);
            for o in &s.outcomes {
                let mut text = o.text.clone();
                if let Some(p) = &o.pfa {
                    text = format!("{text} (Preparing for adulthood (PfA): {p})");
                }
                rows.push(vec![label_cell("Long-term outcome"), cell(&text)]);
                rows.push(vec![
                    label_cell("Medium-term outcomes"),
                    cell_paras(&o.steps),
                ]);
            }
            for p in &s.provision {
                let (what, who, freq) = p.cells();
                let prov_label = match (kind, p.h) {
                    (Kind::Social, Some("H1")) => "Provision (H1)",
                    (Kind::Social, _) => "Provision (H2)",
                    _ => "Provision",
                };
                rows.push(vec![label_cell(prov_label), cell(&what)]);
                rows.push(vec![label_cell("By whom"), cell(&who)]);
                rows.push(vec![label_cell("Frequency"), cell(&freq)]);
            }
            doc.table(Table::new(rows).widths(&[2400, 6616]));
            doc.p(Para::new());
        }
    }
    for sid in ["I", "J", "K"] {
        if plan.sections().contains(&sid) {
            simple(&mut doc, &mut lists, sid);
        }
    }
    doc.lists = lists.defs;
    doc.footer = footer(plan);
    doc
}

/// A draft under revision: tracked insertions and deletions in the
/// provision (from `{-…-}`/`{+…+}` markup in the plan's text), a
/// CREATEDATE field, a REF field to a bookmark on the child's name and an
/// external hyperlink.
pub fn tracked_changes(plan: &Plan) -> Document {
    let mut doc = new_doc(plan);
    let mut plain = plan.clone();
    plain.details_table = false;
    flow(
        &plain,
        &Flow {
            titles: Titles::Long,
            headings: HeadingMode::Styles,
            lists: ListMode::Bulleted,
            tables_for_e_and_f: false,
            controls: false,
            bookmarks: false,
            page_breaks: false,
        },
        &mut doc,
    );
    let full = plan.full_name();
    let la_slug: String = plan
        .la
        .split_whitespace()
        .next()
        .unwrap_or("council")
        .to_lowercase();
    for block in &mut doc.blocks {
        let Block::P(p) = block else { continue };
        let first = match p.inlines.first() {
            Some(Inline::Run(r)) => r.text.clone(),
            _ => continue,
        };
        if first == "Full name: " {
            p.inlines.truncate(1);
            p.inlines.push(Inline::Bookmarked {
                id: 900,
                name: "ChildName".into(),
                runs: vec![Run::new(full.clone())],
            });
        } else if first.starts_with("Date of draft plan") {
            p.inlines.truncate(1);
            p.inlines.push(Inline::Field {
                instr: r#"CREATEDATE \@ "d MMMM yyyy""#.into(),
                result: vec![Run::new(plan.date.clone())],
            });
        } else if first.starts_with("This section is left blank in a draft plan") {
            p.inlines
                .push(Inline::Run(Run::new(" The school named for ")));
            p.inlines.push(Inline::Field {
                instr: r#"REF ChildName \h"#.into(),
                result: vec![Run::new(full.clone())],
            });
            p.inlines.push(Inline::Run(Run::new(
                " will be the one agreed after consultation with the family.",
            )));
        } else if first.contains("have not asked for a personal budget") {
            p.inlines.push(Inline::Run(Run::new(
                " Information about personal budgets is published in the ",
            )));
            p.inlines.push(Inline::Hyperlink {
                url: format!("https://www.{la_slug}.example/local-offer/personal-budgets"),
                runs: vec![Run::new(format!("{} local offer", plan.la))],
            });
            p.inlines.push(Inline::Run(Run::new(".")));
        }
    }
    doc.footer = footer(plan);
    doc
}
