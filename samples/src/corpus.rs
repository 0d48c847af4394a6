//! Generated plans for benchmarks: one very large plan, and a corpus of
//! many varied plans, all deterministic from a seed (no clock, no OS
//! randomness).

use crate::content::{self, Ctx, Package};
use crate::layouts;
use crate::ooxml::Document;
use crate::plan::{
    Kind, Need, Outcome, Plan, Pron, Provision, Status, Strand, assign_ids, lower_first,
    set_provision_style,
};
use crate::samples::{Date, Spec, build};

/// SplitMix64: small, fast, and the same everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    pub fn pick_str(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const GIRLS: &[&str] = &[
    "Ava", "Zara", "Poppy", "Freya", "Lily", "Aisha", "Chloe", "Niamh", "Esme", "Hana", "Ruby",
    "Imani", "Martha", "Layla", "Orla", "Tilly",
];
const BOYS: &[&str] = &[
    "Ethan", "Harvey", "Rory", "Idris", "Finley", "Yusuf", "Mason", "Dylan", "Arlo", "Tobias",
    "Kai", "Elliot", "Bilal", "Ronan", "Theo", "Caleb",
];
const SURNAMES: &[&str] = &[
    "Ashby",
    "Brook",
    "Calloway",
    "Dunmore",
    "Eastwood",
    "Fenwick",
    "Garside",
    "Holloway",
    "Ibbotson",
    "Jessop",
    "Kendrick",
    "Lowther",
    "Merriman",
    "Northcott",
    "Oakes",
    "Pemberton",
    "Quarrie",
    "Rowley",
    "Standish",
    "Thackeray",
];
const COUNCILS: &[&str] = &[
    "Northbridge Council",
    "Westmoor County Council",
    "Ashcombe Borough Council",
    "Kestrel Vale Council",
];
const PRIMARY: &[&str] = &[
    "Larkspur Vale Primary School",
    "Hollin Bank Primary School",
    "Saltings Junior School",
    "Coldharbour Primary School",
];
const SECONDARY: &[&str] = &[
    "Fennick Lane Academy",
    "Marrowdale High School",
    "Greystone Academy",
    "Ridgeway Park School",
];
const INTERESTS: &[&str] = &[
    "football and drawing",
    "music, swimming and animals",
    "computer games and cooking",
    "dancing and crafts",
    "trains and building models",
    "reading comics and cycling",
];
const PEOPLE: [&str; 5] = [
    "Dr Adele Furness",
    "Nicola Braithwaite",
    "Dr Omar Haddad",
    "Gillian Stroud",
    "Rosie Kemp",
];

/// Layouts the corpus draws from.
pub const LAYOUTS: &[&str] = &[
    "classic",
    "heading-styles",
    "bold-headings",
    "table-per-section",
    "outcome-provision-table",
    "county-area-tables",
    "numbered-references",
    "content-controls",
    "running-header",
    "custom-numbering",
];

pub fn render(layout: &str, plan: &Plan) -> Document {
    match layout {
        "heading-styles" => layouts::heading_styles(plan),
        "bold-headings" => layouts::bold_headings(plan),
        "table-per-section" => layouts::table_per_section(plan),
        "outcome-provision-table" => layouts::outcome_provision_table(plan),
        "county-area-tables" => layouts::county_area_tables(plan),
        "numbered-references" => layouts::numbered_references(plan),
        "content-controls" => layouts::content_controls(plan),
        "running-header" => layouts::running_header(plan),
        "custom-numbering" => layouts::custom_numbering(plan),
        _ => layouts::classic(plan),
    }
}

/// One generated corpus plan: its file name, the defects planted (rule
/// ids), and the package bytes.
#[derive(Debug)]
pub struct CorpusPlan {
    pub file: String,
    pub layout: &'static str,
    pub defects: Vec<&'static str>,
    pub bytes: Vec<u8>,
}

/// The `index`-th plan of the corpus for `seed`. Plans are independent of
/// each other, so any slice of the corpus can be generated in isolation.
pub fn corpus_plan(seed: u64, index: usize) -> CorpusPlan {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let pron = if rng.chance(50) { Pron::She } else { Pron::He };
    let first: &'static str = rng.pick_str(if pron == Pron::She { GIRLS } else { BOYS });
    let last: &'static str = rng.pick_str(SURNAMES);
    let year = 1 + rng.below(11) as u32;
    let date = Date::new(1 + rng.below(28) as u32, 1 + rng.below(12) as u32, 2026);
    let ay = date.academic_year();
    // Born in the right school year: September (ay - year - 5) .. August (ay - year - 4).
    let offset = rng.below(12) as u32; // months after 1 September
    let (m, y) = if offset < 4 {
        (9 + offset, ay - year - 5)
    } else {
        (offset - 3, ay - year - 4)
    };
    let dob = Date::new(1 + rng.below(28) as u32, m, y);
    let status = if rng.chance(40) {
        Status::Draft
    } else {
        Status::Final
    };
    let schools = if year >= 7 { SECONDARY } else { PRIMARY };
    let school: &'static str = rng.pick_str(schools);
    let mut packages: Vec<&'static str> = Vec::new();
    let young: Vec<&Package> = content::ALL.iter().filter(|p| !p.older).collect();
    let older: Vec<&Package> = content::ALL.iter().filter(|p| p.older).collect();
    let n = 2 + rng.below(4);
    while packages.len() < n {
        let p = rng.pick(&young).key;
        if !packages.contains(&p) {
            packages.push(p);
        }
    }
    if year >= 9 {
        let k = 1 + rng.below(3);
        while packages.iter().filter(|p| p.starts_with("pfa-")).count() < k {
            let p = rng.pick(&older).key;
            if !packages.contains(&p) {
                packages.push(p);
            }
        }
    }
    let spec = Spec {
        first,
        last,
        preferred: first,
        dob,
        year,
        pron,
        status,
        date,
        la: rng.pick_str(COUNCILS),
        setting: school,
        school: (
            school,
            if year >= 7 {
                "Mainstream secondary school"
            } else {
                "Mainstream primary school"
            },
        ),
        interests: rng.pick_str(INTERESTS),
        packages,
        budget: None,
        people: PEOPLE,
    };
    let mut plan = build(&spec);
    plan.details_table = rng.chance(70);
    set_provision_style(&mut plan, rng.below(3) as u8);
    let mut defects = Vec::new();
    if rng.chance(35) {
        for _ in 0..1 + rng.below(3) {
            if let Some(rule) = plant(&mut rng, &mut plan)
                && !defects.contains(&rule)
            {
                defects.push(rule);
            }
        }
    }
    let layout: &'static str = rng.pick_str(LAYOUTS);
    let mut doc = render(layout, &plan);
    // Package variants real files show: a byte-order mark, another main
    // part name, another namespace prefix.
    match rng.below(20) {
        0 => doc.options.bom = true,
        1 => doc.options.main_part = "word/document2.xml".into(),
        2 => doc.options.prefix = "ns0".into(),
        _ => {}
    }
    let bytes = doc.to_bytes();
    CorpusPlan {
        file: format!("plan-{index:04}.docx"),
        layout,
        defects,
        bytes,
    }
}

/// Plants one random defect; returns the rule it should trigger.
fn plant(rng: &mut Rng, plan: &mut Plan) -> Option<&'static str> {
    let other: &'static str = if plan.first == "Kai" { "Rory" } else { "Kai" };
    match rng.below(9) {
        0 => {
            // K stays: a stale-advice defect may be planted there.
            let s: &'static str = rng.pick_str(&["C", "D", "G", "J"]);
            plan.omit.push(s);
            Some("structure/missing-section")
        }
        1 => {
            plan.extra
                .push(("A", "[insert views of the child or young person]".into()));
            Some("structure/placeholder-text")
        }
        2 => {
            let s = plan
                .strands
                .iter_mut()
                .find(|s| s.kind == Kind::Education)?;
            let p = s.provision.first_mut()?;
            p.what = format!("Access to {} as appropriate", lower_first(&p.what));
            Some("provision/vague-wording")
        }
        3 => {
            let s = plan
                .strands
                .iter_mut()
                .find(|s| s.kind == Kind::Education && s.needs.len() == 1)?;
            s.provision.clear();
            Some("thread/need-without-provision")
        }
        4 => {
            let s = plan
                .strands
                .iter_mut()
                .find(|s| s.kind == Kind::Education)?;
            let need = s.needs.first_mut()?;
            need.text = need.text.replacen(&plan.first, other, 1);
            Some("consistency/name-mismatch")
        }
        5 => {
            if let Some(a) = plan.advice.get_mut(3) {
                a.date = "4 October 2022".into();
            }
            Some("consistency/stale-advice")
        }
        6 => {
            if plan.status == Status::Draft {
                plan.placement = vec!["Name of school: Marrowdale High School".into()];
                Some("consistency/placement-in-draft")
            } else {
                None
            }
        }
        7 => {
            let s = plan
                .strands
                .iter_mut()
                .find(|s| s.kind == Kind::Education)?;
            let o = s.outcomes.first_mut()?;
            o.text = format!("{} will make good progress.", plan.first);
            o.steps.clear();
            Some("outcome/not-measurable")
        }
        _ => {
            let s = plan
                .strands
                .iter_mut()
                .find(|s| s.kind == Kind::Education)?;
            let p = s.provision.first_mut()?;
            p.who = "the SNA".into();
            Some("language/unexplained-acronym")
        }
    }
}

/// One plan with 200 needs, 400 outcomes and 600 provision items, in the
/// numbered-references layout (the linking benchmark).
pub fn large() -> Document {
    let base = Spec {
        first: "Morgan",
        last: "Ellery",
        preferred: "Morgan",
        dob: Date::new(14, 10, 2014),
        year: 6,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(2, 2, 2026),
        la: "Northbridge Council",
        setting: "Coldharbour Primary School",
        school: ("Coldharbour Primary School", "Mainstream primary school"),
        interests: "football and drawing",
        packages: vec!["cl-reading"],
        budget: None,
        people: PEOPLE,
    };
    let mut plan = build(&base);
    let ctx = Ctx::new("Morgan", Pron::He, 6, 2026);
    let edu: Vec<&Package> = content::ALL
        .iter()
        .filter(|p| p.kind == Kind::Education && !p.older)
        .collect();
    let areas = [content::CI, content::CL, content::SEMH, content::SP];
    let mut strands: Vec<Strand> = areas
        .iter()
        .map(|a| Strand {
            area: a.to_string(),
            kind: Kind::Education,
            strengths: format!(
                "Morgan's strengths in {} are described in the psychological advice.",
                a.to_lowercase()
            ),
            needs: Vec::new(),
            outcomes: Vec::new(),
            provision: Vec::new(),
        })
        .collect();
    for i in 0..200 {
        let p = edu[i % edu.len()];
        let pos = areas.iter().position(|a| *a == p.area).unwrap_or(0);
        let s = &mut strands[pos];
        let round = i / edu.len() + 1;
        let nid = format!("n{i}");
        s.needs.push(Need {
            id: nid.clone(),
            text: format!("{} (Assessment {round}.)", ctx.fill(p.need)),
        });
        let o1 = format!("o{i}a");
        let o2 = format!("o{i}b");
        s.outcomes.push(Outcome {
            id: o1.clone(),
            text: ctx.fill(p.outcome),
            steps: Vec::new(),
            pfa: None,
            needs: vec![nid.clone()],
        });
        s.outcomes.push(Outcome {
            id: o2.clone(),
            text: ctx.fill(p.steps.first().copied().unwrap_or(p.outcome)),
            steps: Vec::new(),
            pfa: None,
            needs: vec![nid.clone()],
        });
        for k in 0..3 {
            let t = p.provision[k % p.provision.len()];
            let (what, freq) = if k < p.provision.len() {
                (ctx.fill(t.what), ctx.fill(t.freq))
            } else {
                (
                    format!(
                        "Review of progress towards this outcome with Morgan and his parents (round {round})"
                    ),
                    "once each term for 30 minutes".to_string(),
                )
            };
            s.provision.push(Provision {
                id: String::new(),
                what,
                who: ctx.fill(t.who),
                freq,
                h: None,
                outcomes: vec![if k == 1 { o2.clone() } else { o1.clone() }],
                needs: vec![nid.clone()],
                verbatim: None,
                style: 0,
            });
        }
    }
    plan.strands.retain(|s| s.kind != Kind::Education);
    let mut all = strands;
    all.append(&mut plan.strands);
    plan.strands = all;
    assign_ids(&mut plan);
    layouts::numbered_references(&plan)
}
