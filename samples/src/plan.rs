//! The content of a sample plan, independent of its Word layout.
//!
//! A [`Plan`] holds what a caseworker writes: the child's details, the views
//! and aspirations (A), and for each area of need a [`Strand`]: the needs
//! (B, C or D), the outcomes (E) and the provision (F, G, H1/H2) that meet
//! them. Layouts in [`crate::layouts`] turn the same plan into very different
//! documents.

/// Statutory sections, in the usual order. `H` is the single combined section
/// some templates use instead of H1 and H2.
pub const ORDER: [&str; 12] = ["A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K"];

/// Pronouns of the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pron {
    He,
    She,
}

impl Pron {
    pub fn he(self) -> &'static str {
        match self {
            Pron::He => "he",
            Pron::She => "she",
        }
    }
    pub fn him(self) -> &'static str {
        match self {
            Pron::He => "him",
            Pron::She => "her",
        }
    }
    pub fn his(self) -> &'static str {
        match self {
            Pron::He => "his",
            Pron::She => "her",
        }
    }
    pub fn himself(self) -> &'static str {
        match self {
            Pron::He => "himself",
            Pron::She => "herself",
        }
    }
}

/// Draft or final.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Draft,
    Final,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Final => "Final",
        }
    }
}

/// Which sections a strand's needs and provision belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// B and F.
    Education,
    /// C and G.
    Health,
    /// D and H1/H2.
    Social,
}

impl Kind {
    pub fn need_section(self) -> &'static str {
        match self {
            Kind::Education => "B",
            Kind::Health => "C",
            Kind::Social => "D",
        }
    }
}

/// A need (B, C or D).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    pub id: String,
    pub text: String,
}

/// An outcome (E) with its short-term steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub id: String,
    pub text: String,
    pub steps: Vec<String>,
    /// Preparing-for-adulthood area, if this is a PfA outcome.
    pub pfa: Option<String>,
    /// Need ids this outcome serves.
    pub needs: Vec<String>,
}

/// A provision item (F, G, H1 or H2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provision {
    pub id: String,
    /// What is provided (with group size where it applies).
    pub what: String,
    /// Who delivers it (role and expertise).
    pub who: String,
    /// How often and for how long.
    pub freq: String,
    /// For social care: "H1" or "H2".
    pub h: Option<&'static str>,
    /// Outcome ids this provision supports.
    pub outcomes: Vec<String>,
    /// Need ids this provision meets.
    pub needs: Vec<String>,
    /// The whole text as written, replacing the composed sentence (used for
    /// defects, where the wording itself is the point).
    pub verbatim: Option<String>,
    /// How the sentence is worded: 0 "What, delivered by who, how often.",
    /// 1 "What. Provided by who, how often.", 2 "Who will provide what,
    /// how often."
    pub style: u8,
}

impl Provision {
    /// The provision as one sentence: what, who, how often.
    pub fn sentence(&self) -> String {
        if let Some(v) = &self.verbatim {
            return v.clone();
        }
        match self.style {
            1 => format!("{}. Provided by {}, {}.", self.what, self.who, self.freq),
            2 => format!(
                "{} will provide {}, {}.",
                upper_first(&self.who),
                lower_first(&self.what),
                self.freq
            ),
            _ => format!("{}, delivered by {}, {}.", self.what, self.who, self.freq),
        }
    }
    /// Cells for tables: (provision, who, frequency).
    pub fn cells(&self) -> (String, String, String) {
        match &self.verbatim {
            Some(v) => (v.clone(), String::new(), String::new()),
            None => (
                format!("{}.", self.what),
                upper_first(&self.who),
                upper_first(&self.freq),
            ),
        }
    }
}

/// One area of need, with its needs, outcomes and provision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Strand {
    pub area: String,
    pub kind: Kind,
    pub strengths: String,
    pub needs: Vec<Need>,
    /// The long-term outcome for the area, if the template has one.
    pub outcomes: Vec<Outcome>,
    pub provision: Vec<Provision>,
}

/// One piece of advice listed in K.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub title: String,
    pub author: String,
    pub role: String,
    pub date: String,
}

/// A whole plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub la: String,
    pub first: String,
    pub last: String,
    pub preferred: String,
    /// Display form, "14 March 2014".
    pub dob: String,
    pub year: u32,
    pub pron: Pron,
    pub status: Status,
    /// Display form of the plan's date.
    pub date: String,
    pub current_setting: String,
    /// Section A: sub-headings and paragraphs.
    pub views: Vec<(String, Vec<String>)>,
    /// Section A: the aspirations, listed.
    pub aspirations: Vec<String>,
    pub strands: Vec<Strand>,
    /// Texts for sections with nothing to record, by section id.
    pub none_texts: Vec<(&'static str, String)>,
    /// Section I paragraphs.
    pub placement: Vec<String>,
    /// Section J paragraphs.
    pub budget: Vec<String>,
    pub advice: Vec<Advice>,
    /// One "H" section instead of H1 and H2.
    pub single_h: bool,
    /// Sections left out entirely (defects).
    pub omit: Vec<&'static str>,
    /// Sections written with a heading and nothing under it (defects).
    pub empty: Vec<&'static str>,
    /// Section order override (defects, unusual templates).
    pub order: Option<Vec<&'static str>>,
    /// Extra paragraphs appended to a section, verbatim (defects).
    pub extra: Vec<(&'static str, String)>,
    /// Child's details shown at the top as a table (else as paragraphs).
    pub details_table: bool,
    /// The local authority officer who wrote the plan, with their role.
    pub coordinator: String,
    /// Final plans: the date of the first annual review.
    pub review: Option<String>,
    /// Area-of-need sub-headings in B, E and F (most templates have them).
    pub area_headings: bool,
}

impl Plan {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }

    /// Sections in the order this plan writes them.
    pub fn sections(&self) -> Vec<&'static str> {
        let base: Vec<&'static str> = match &self.order {
            Some(o) => o.clone(),
            None => ORDER.to_vec(),
        };
        let mut out = Vec::new();
        for s in base {
            if self.single_h && (s == "H1" || s == "H2") {
                if !out.contains(&"H") {
                    out.push("H");
                }
                continue;
            }
            if self.omit.contains(&s) {
                continue;
            }
            out.push(s);
        }
        out
    }

    pub fn is_empty_section(&self, sid: &str) -> bool {
        self.empty.contains(&sid)
    }

    /// The statement written where a section has nothing to record.
    pub fn none_text(&self, sid: &str) -> Option<&str> {
        self.none_texts
            .iter()
            .find(|(s, _)| *s == sid)
            .map(|(_, t)| t.as_str())
    }

    pub fn extras(&self, sid: &str) -> Vec<&str> {
        self.extra
            .iter()
            .filter(|(s, _)| *s == sid)
            .map(|(_, t)| t.as_str())
            .collect()
    }

    pub fn strands_of(&self, kind: Kind) -> impl Iterator<Item = &Strand> {
        self.strands.iter().filter(move |s| s.kind == kind)
    }

    /// Provision items of a provision section (F, G, H1, H2 or H), with their strand.
    pub fn provision_of(&self, sid: &str) -> Vec<(&Strand, &Provision)> {
        let mut out = Vec::new();
        for s in &self.strands {
            for p in &s.provision {
                let belongs = match (sid, s.kind) {
                    ("F", Kind::Education) | ("G", Kind::Health) | ("H", Kind::Social) => true,
                    ("H1", Kind::Social) => p.h == Some("H1"),
                    ("H2", Kind::Social) => p.h != Some("H1"),
                    _ => false,
                };
                if belongs {
                    out.push((s, p));
                }
            }
        }
        out
    }

    /// Outcomes ids an item of provision serves, as text ("E1, E3").
    pub fn ids(list: &[String]) -> String {
        list.join(", ")
    }
}

/// Lower-cases the first letter.
pub fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Sets the wording of every provision sentence of a plan.
pub fn set_provision_style(plan: &mut Plan, style: u8) {
    for s in &mut plan.strands {
        for p in &mut s.provision {
            p.style = style;
        }
    }
}

/// Upper-cases the first letter.
pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Assigns ids in document order: B1.., C1.., D1.. for needs, E1.. for
/// outcomes (steps E1.1 ..), F1.., G1.., H1.1../H2.1.. for provision, and
/// rewrites the provision's references accordingly. Package content refers
/// to needs and outcomes by their local position ("n0", "o1") until then.
pub fn assign_ids(plan: &mut Plan) {
    let (mut b, mut c, mut d, mut e) = (0, 0, 0, 0);
    let mut need_map: Vec<(String, String)> = Vec::new();
    let mut out_map: Vec<(String, String)> = Vec::new();
    for strand in &mut plan.strands {
        for need in &mut strand.needs {
            let id = match strand.kind {
                Kind::Education => {
                    b += 1;
                    format!("B{b}")
                }
                Kind::Health => {
                    c += 1;
                    format!("C{c}")
                }
                Kind::Social => {
                    d += 1;
                    format!("D{d}")
                }
            };
            need_map.push((need.id.clone(), id.clone()));
            need.id = id;
        }
        for o in &mut strand.outcomes {
            e += 1;
            let id = format!("E{e}");
            out_map.push((o.id.clone(), id.clone()));
            o.id = id;
        }
    }
    let remap = |refs: &mut Vec<String>, map: &[(String, String)]| {
        for r in refs.iter_mut() {
            if let Some((_, id)) = map.iter().find(|(k, _)| k == r) {
                *r = id.clone();
            }
        }
    };
    let (mut f, mut g, mut h1, mut h2) = (0, 0, 0, 0);
    for strand in &mut plan.strands {
        for o in &mut strand.outcomes {
            remap(&mut o.needs, &need_map);
        }
        for p in &mut strand.provision {
            p.id = match (strand.kind, p.h) {
                (Kind::Education, _) => {
                    f += 1;
                    format!("F{f}")
                }
                (Kind::Health, _) => {
                    g += 1;
                    format!("G{g}")
                }
                (Kind::Social, Some("H1")) => {
                    h1 += 1;
                    format!("H1.{h1}")
                }
                (Kind::Social, _) => {
                    h2 += 1;
                    format!("H2.{h2}")
                }
            };
            remap(&mut p.needs, &need_map);
            remap(&mut p.outcomes, &out_map);
        }
    }
}
