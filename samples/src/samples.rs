//! The committed samples: fictional children, fictional schools, fictional
//! local authorities. Each is a [`Plan`] written in one layout.

use crate::content::{self, Ctx};
use crate::layouts;
use crate::ooxml::Document;
use crate::plan::{Advice, Plan, Pron, Status, assign_ids};

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date (no clock involved).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub d: u32,
    pub m: u32,
    pub y: u32,
}

impl Date {
    pub const fn new(d: u32, m: u32, y: u32) -> Self {
        Date { d, m, y }
    }
    pub fn display(self) -> String {
        format!("{} {} {}", self.d, MONTHS[(self.m - 1) as usize], self.y)
    }
    /// The same day `n` months earlier (day clamped to 28).
    pub fn months_before(self, n: u32) -> Date {
        let total = self.y * 12 + (self.m - 1) - n;
        Date::new(self.d.min(28), total % 12 + 1, total / 12)
    }
    /// The academic year's start year (September).
    pub fn academic_year(self) -> u32 {
        if self.m >= 9 { self.y } else { self.y - 1 }
    }
    /// The same day `n` months later (day clamped to 28).
    pub fn months_after(self, n: u32) -> Date {
        let total = self.y * 12 + (self.m - 1) + n;
        Date::new(self.d.min(28), total % 12 + 1, total / 12)
    }
    /// Parses the display form ("14 March 2014").
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split_whitespace();
        let d = parts.next()?.parse().ok()?;
        let month = parts.next()?;
        let m = MONTHS.iter().position(|m| *m == month)? as u32 + 1;
        let y = parts.next()?.parse().ok()?;
        Some(Date::new(d, m, y))
    }
    /// The school year group (England) of a child born on `dob` during the
    /// academic year containing `self`: Reception is 0.
    pub fn year_group_of(self, dob: Date) -> i64 {
        let cohort = if dob.m >= 9 { dob.y } else { dob.y - 1 };
        i64::from(self.academic_year()) - i64::from(cohort) - 5
    }
    /// Whole months from `earlier` to `self`.
    pub fn months_since(self, earlier: Date) -> i64 {
        let a = i64::from(self.y) * 12 + i64::from(self.m);
        let b = i64::from(earlier.y) * 12 + i64::from(earlier.m);
        a - b - i64::from(self.d < earlier.d)
    }
    /// The end of the academic year this date falls in, as a year.
    pub fn summer_year(self) -> u32 {
        self.academic_year() + 1
    }
}

/// What a sample plan is made of.
#[derive(Debug, Clone)]
pub struct Spec {
    pub first: &'static str,
    pub last: &'static str,
    pub preferred: &'static str,
    pub dob: Date,
    pub year: u32,
    pub pron: Pron,
    pub status: Status,
    pub date: Date,
    pub la: &'static str,
    pub setting: &'static str,
    /// Final plans: the school named in I, and its type.
    pub school: (&'static str, &'static str),
    pub interests: &'static str,
    pub packages: Vec<&'static str>,
    /// Section J, or None for "no personal budget".
    pub budget: Option<Vec<String>>,
    /// Names for the professionals' advice in K: (educational psychologist,
    /// SENCo, paediatrician, social worker, therapist).
    pub people: [&'static str; 5],
}

/// Builds the plan content from a spec (ids assigned).
pub fn build(spec: &Spec) -> Plan {
    let ctx = Ctx::new(
        spec.preferred,
        spec.pron,
        spec.year,
        spec.date.summer_year(),
    );
    build_with(spec, &ctx)
}

/// Builds with an explicit template context.
pub fn build_with(spec: &Spec, ctx: &Ctx) -> Plan {
    let packages: Vec<&content::Package> = spec.packages.iter().map(|k| content::find(k)).collect();
    let strands = content::strands(ctx, &packages);
    let n = spec.preferred;
    let pron = spec.pron;
    let his = pron.his();
    let aspirations: Vec<String> = packages.iter().map(|p| ctx.fill(p.aspiration)).collect();
    let views = views_for(spec, ctx);
    let education_has = strands
        .iter()
        .any(|s| s.kind == crate::plan::Kind::Education);
    let health_has = strands.iter().any(|s| s.kind == crate::plan::Kind::Health);
    let social_has = strands.iter().any(|s| s.kind == crate::plan::Kind::Social);
    let mut none_texts = Vec::new();
    if !education_has {
        none_texts.push((
            "B",
            format!("No special educational needs have been identified for {n}."),
        ));
        none_texts.push((
            "F",
            "No special educational provision is required.".to_string(),
        ));
    }
    if !health_has {
        none_texts.push((
            "C",
            format!("No health needs related to {n}'s special educational needs have been identified. {n} is seen by {his} family doctor for routine health care."),
        ));
        none_texts.push((
            "G",
            format!("No health provision is required for {n} at this time."),
        ));
    }
    if !social_has {
        none_texts.push((
            "D",
            format!("No social care needs related to {n}'s special educational needs or disability have been identified. {n}'s family did not ask for a social care assessment."),
        ));
        none_texts.push((
            "H1",
            "No social care provision is required under section 2 of the Chronically Sick and Disabled Persons Act 1970.".to_string(),
        ));
        none_texts.push((
            "H2",
            "No other social care provision is required.".to_string(),
        ));
        none_texts.push((
            "H",
            "No social care provision is required, either under section 2 of the Chronically Sick and Disabled Persons Act 1970 or otherwise.".to_string(),
        ));
    } else {
        let has_h1 = strands
            .iter()
            .flat_map(|s| &s.provision)
            .any(|p| p.h == Some("H1"));
        let has_h2 = strands
            .iter()
            .filter(|s| s.kind == crate::plan::Kind::Social)
            .flat_map(|s| &s.provision)
            .any(|p| p.h != Some("H1"));
        if !has_h1 {
            none_texts.push((
                "H1",
                "No social care provision is required under section 2 of the Chronically Sick and Disabled Persons Act 1970.".to_string(),
            ));
        }
        if !has_h2 {
            none_texts.push((
                "H2",
                "No other social care provision is required.".to_string(),
            ));
        }
    }
    let placement = match spec.status {
        Status::Draft => vec![
            "This section is left blank in a draft plan. The name and type of the school or other institution will be included in the final plan.".to_string(),
        ],
        Status::Final => vec![
            format!("Name of school: {}", spec.school.0),
            format!("Type of school: {}", spec.school.1),
        ],
    };
    let budget = spec.budget.clone().unwrap_or_else(|| {
        vec![format!(
            "{n}'s parents have not asked for a personal budget. There is no personal budget in this plan."
        )]
    });
    let advice = advice_for(spec, &packages);
    let mut plan = Plan {
        la: spec.la.to_string(),
        first: spec.first.to_string(),
        last: spec.last.to_string(),
        preferred: spec.preferred.to_string(),
        dob: spec.dob.display(),
        year: spec.year,
        pron,
        status: spec.status,
        date: spec.date.display(),
        current_setting: spec.setting.to_string(),
        views,
        aspirations,
        strands,
        none_texts,
        placement,
        budget,
        advice,
        single_h: false,
        omit: Vec::new(),
        empty: Vec::new(),
        order: None,
        extra: Vec::new(),
        details_table: true,
        coordinator: format!(
            "{}, Education, Health and Care Plan Coordinator",
            COORDINATORS[variant(spec, 7, COORDINATORS.len())]
        ),
        review: (spec.status == Status::Final).then(|| spec.date.months_after(11).display()),
        area_headings: true,
    };
    assign_ids(&mut plan);
    plan
}

const COORDINATORS: [&str; 4] = ["Helen Carter", "Dominic Price", "Asha Kaur", "Graham Boyle"];

/// A small, stable number from the child's name, to vary wording between
/// plans without any randomness.
fn variant(spec: &Spec, salt: u32, n: usize) -> usize {
    let mut h: u32 = 0x811c_9dc5 ^ salt;
    for b in spec.first.bytes().chain(spec.last.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    (h as usize) % n
}

/// Section A: what people like, what is important, the child's own views,
/// the parents' views and the child's story, worded in one of several
/// ways.
fn views_for(spec: &Spec, ctx: &Ctx) -> Vec<(String, Vec<String>)> {
    let n = spec.preferred;
    let i = spec.interests;
    let setting = spec.setting;
    let joined = Date::new(1, 9, spec.date.academic_year() - (spec.year % 3)).display();
    let f = |t: &str| {
        ctx.fill(t)
            .replace("{i}", i)
            .replace("{setting}", setting)
            .replace("{joined}", &joined)
    };
    let admire = [
        "{Name} is described by {his} teachers as kind, funny and hard-working. {He} is proud of {his} achievements and likes to help other pupils.",
        "People who know {Name} say that {he} is cheerful, determined and caring. {He} always says good morning to the office team and remembers everyone's birthday.",
        "{Name}'s family describe {him} as loving and full of energy. {His} teachers say that {he} tries hard and never gives up on a task {he} has chosen.",
    ];
    let important = [
        "{Name} enjoys {i}. It is important to {him} that adults explain what is going to happen next and give {him} time to answer.",
        "{Name} loves {i}. It is important to {him} to have a quiet place to go when the classroom is noisy, and to know about changes to the day in advance.",
        "In {his} free time {Name} enjoys {i}. It is important to {him} to sit with {his} friends and to have {his} work explained one step at a time.",
    ];
    let own = [
        "\u{201c}I like {i}. I learn best when I know what I am doing and when someone shows me first.\u{201d}",
        "\u{201c}My favourite things are {i}. I find it hard when it is noisy. I like it when my teacher checks I understand.\u{201d}",
        "\u{201c}I am good at {i}. I want to get better at my work and I like having a plan for the day.\u{201d}",
    ];
    let parents = [
        "{Name}'s parents are proud of how hard {he} works. {His} parents want {him} to be happy at school, to make progress in {his} learning and to become more independent.",
        "{Name}'s parents say that {he} has grown in confidence this year. {His} parents want {his} needs to be understood by everyone who teaches {him}, and for {him} to keep {his} friendships.",
        "{Name}'s parents would like {him} to enjoy learning, to be understood by the adults around {him} and to do more for {himself} at home and in the community.",
    ];
    let story = [
        "{Name} lives at home with {his} parents and {his} younger brother. {He} joined {setting} on {joined}.",
        "{Name} lives with {his} parents and {his} older sister. {He} has attended {setting} since {joined}.",
        "{Name} lives at home with {his} parents and grandmother. {He} started at {setting} on {joined}.",
    ];
    vec![
        (
            format!("{n}'s story so far"),
            vec![f(story[variant(spec, 5, 3)])],
        ),
        (
            format!("What people like and admire about {n}"),
            vec![f(admire[variant(spec, 1, 3)])],
        ),
        (
            format!("What is important to {n}"),
            vec![f(important[variant(spec, 2, 3)])],
        ),
        (format!("{n}'s views"), vec![f(own[variant(spec, 3, 3)])]),
        (
            format!("The views of {n}'s parents"),
            vec![f(parents[variant(spec, 4, 3)])],
        ),
    ]
}

fn advice_for(spec: &Spec, packages: &[&content::Package]) -> Vec<Advice> {
    let [ep, senco, paed, sw, therapist] = spec.people;
    let d = spec.date;
    let mut out = vec![
        Advice {
            title: "Parental advice".into(),
            author: format!("Mr and Mrs {}", spec.last),
            role: "Parents".into(),
            date: d.months_before(3).display(),
        },
        Advice {
            title: format!("Views of {}", spec.preferred),
            author: spec.preferred.to_string(),
            role: "Child or young person".into(),
            date: d.months_before(3).display(),
        },
        Advice {
            title: "Educational advice".into(),
            author: senco.into(),
            role: "Special Educational Needs Coordinator (SENCo)".into(),
            date: d.months_before(2).display(),
        },
        Advice {
            title: "Psychological advice".into(),
            author: ep.into(),
            role: "Educational Psychologist".into(),
            date: d.months_before(2).display(),
        },
        Advice {
            title: "Medical advice".into(),
            author: paed.into(),
            role: "Community Paediatrician".into(),
            date: d.months_before(4).display(),
        },
        Advice {
            title: "Social care advice".into(),
            author: sw.into(),
            role: "Social Worker, Children with Disabilities Team".into(),
            date: d.months_before(2).display(),
        },
    ];
    let keys: Vec<&str> = packages.iter().map(|p| p.key).collect();
    let therapy = if keys
        .iter()
        .any(|k| k.starts_with("ci-understanding") || k.starts_with("ci-speech"))
    {
        Some((
            "Speech and language therapy advice",
            "Speech and Language Therapist",
        ))
    } else if keys.contains(&"sp-finemotor") {
        Some(("Occupational therapy advice", "Occupational Therapist"))
    } else if keys.contains(&"sp-mobility") {
        Some(("Physiotherapy advice", "Paediatric Physiotherapist"))
    } else if keys.contains(&"sp-hearing") {
        Some(("Sensory support advice", "Qualified Teacher of the Deaf"))
    } else {
        None
    };
    if let Some((title, role)) = therapy {
        out.push(Advice {
            title: title.into(),
            author: therapist.into(),
            role: role.into(),
            date: d.months_before(3).display(),
        });
    }
    if spec.year >= 9 {
        out.push(Advice {
            title: "Careers and preparing for adulthood advice".into(),
            author: therapist.into(),
            role: "Careers Adviser".into(),
            date: d.months_before(1).display(),
        });
    }
    out
}

/// A committed sample: file name, layout, what it exercises.
#[derive(Debug)]
pub struct Sample {
    pub file: &'static str,
    pub bytes: Vec<u8>,
}

pub(crate) fn sample(file: &'static str, document: Document) -> Sample {
    Sample {
        file,
        bytes: document.to_bytes(),
    }
}

fn claire() -> Plan {
    let spec = Spec {
        first: "Claire",
        last: "Robinson",
        preferred: "Claire",
        dob: Date::new(17, 3, 2015),
        year: 7,
        pron: Pron::She,
        status: Status::Final,
        date: Date::new(12, 10, 2026),
        la: "Northbridge Council",
        setting: "Fennick Lane Academy",
        school: ("Fennick Lane Academy", "Mainstream secondary academy (11 to 16)"),
        interests: "baking, swimming and listening to music",
        packages: vec!["social-practical", "cl-maths", "semh-anxiety", "ci-understanding"],
        budget: Some(vec![
            "Claire's parents have asked for a personal budget for the travel training in Section H1.".to_string(),
            "A direct payment of £1,560 a year will be made to Claire's parents to employ the travel trainer of their choice, for 24 sessions of 1 hour at £65 an hour. This supports the outcome that Claire will travel safely by public transport to a weekly community activity.".to_string(),
        ]),
        people: ["Dr Rachel Emberton", "Joanna Whitlock", "Dr Samuel Okoro", "Louise Farrant", "Megan Aldridge"],
    };
    // The golden-thread example: Claire's aspiration is for the end of Year 7.
    let mut ctx = Ctx::new("Claire", Pron::She, 7, 2027);
    ctx.t1 = "the end of Year 7".to_string();
    ctx.ts = "the end of the spring term 2027".to_string();
    build_with(&spec, &ctx)
}

fn amir() -> Plan {
    build(&Spec {
        first: "Amir",
        last: "Hussain",
        preferred: "Amir",
        dob: Date::new(2, 11, 2016),
        year: 4,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(9, 3, 2026),
        la: "Westmoor County Council",
        setting: "Larkspur Vale Primary School",
        school: (
            "Larkspur Vale Primary School",
            "Mainstream community primary school",
        ),
        interests: "football, drawing and building models",
        packages: vec![
            "ci-speech",
            "cl-reading",
            "cl-writing",
            "semh-regulation",
            "health-sleep",
        ],
        budget: None,
        people: [
            "Dr Imogen Hartley",
            "Peter Castellan",
            "Dr Anita Rao",
            "Gareth Mowbray",
            "Sian Pellow",
        ],
    })
}

fn ellie() -> Plan {
    build(&Spec {
        first: "Ellie-Mae",
        last: "Turner",
        preferred: "Ellie",
        dob: Date::new(28, 5, 2019),
        year: 2,
        pron: Pron::She,
        status: Status::Final,
        date: Date::new(21, 4, 2026),
        la: "Ashcombe Borough Council",
        setting: "Brackenmoor Infant School",
        school: ("Brackenmoor Infant School", "Mainstream infant school"),
        interests: "dancing, painting and playing with her dog",
        packages: vec![
            "ci-understanding",
            "cl-maths",
            "sp-finemotor",
            "health-eating",
        ],
        budget: None,
        people: [
            "Dr Fiona Blakemore",
            "Karen Hollis",
            "Dr Matthew Iveson",
            "Nadia Rahman",
            "Tessa Greenhalgh",
        ],
    })
}

fn jacob() -> Plan {
    build(&Spec {
        first: "Jacob",
        last: "Whitfield",
        preferred: "Jake",
        dob: Date::new(4, 1, 2015),
        year: 6,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(3, 2, 2026),
        la: "Kestrel Vale Council",
        setting: "Marrowdale Primary School",
        school: (
            "Marrowdale Primary School",
            "Mainstream primary school with a resourced provision for autism",
        ),
        interests: "trains, timetables and computer games",
        packages: vec![
            "ci-social",
            "semh-anxiety",
            "cl-writing",
            "health-mental",
            "social-shortbreaks",
        ],
        budget: None,
        people: [
            "Dr Owen Lockwood",
            "Beth Sandford",
            "Dr Priyanka Desai",
            "Colin Tremayne",
            "Amanda Frere",
        ],
    })
}

fn priya() -> Plan {
    build(&Spec {
        first: "Priya",
        last: "Sharma",
        preferred: "Priya",
        dob: Date::new(9, 12, 2015),
        year: 5,
        pron: Pron::She,
        status: Status::Final,
        date: Date::new(16, 6, 2026),
        la: "Northbridge Council",
        setting: "Wrenfield Church of England Primary School",
        school: (
            "Wrenfield Church of England Primary School",
            "Mainstream voluntary aided primary school",
        ),
        interests: "gymnastics, cooking and stories about animals",
        packages: vec![
            "sp-hearing",
            "ci-understanding",
            "cl-reading",
            "health-epilepsy",
            "social-personalcare",
        ],
        budget: None,
        people: [
            "Dr Laura Brightwell",
            "Simon Ashdown",
            "Dr Kwame Boateng",
            "Rebecca Tolland",
            "Harriet Quayle",
        ],
    })
}

fn oliver() -> Plan {
    build(&Spec {
        first: "Oliver",
        last: "Brennan",
        preferred: "Ollie",
        dob: Date::new(15, 7, 2013),
        year: 8,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(20, 1, 2026),
        la: "Westmoor County Council",
        setting: "Marrowdale High School",
        school: (
            "Marrowdale High School",
            "Mainstream community secondary school (11 to 16)",
        ),
        interests: "cycling, wildlife photography and cooking",
        packages: vec![
            "cl-reading",
            "semh-friendship",
            "sp-mobility",
            "health-sleep",
        ],
        budget: None,
        people: [
            "Dr Naomi Pritchard",
            "Alan Whitcombe",
            "Dr Yusuf Karim",
            "Debbie Lanyon",
            "Chris Fairweather",
        ],
    })
}

fn kofi() -> Plan {
    build(&Spec {
        first: "Kofi",
        last: "Mensah",
        preferred: "Kofi",
        dob: Date::new(11, 2, 2019),
        year: 3,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(2, 12, 2026),
        la: "Ashcombe Borough Council",
        setting: "Saltings Junior School",
        school: ("Saltings Junior School", "Mainstream junior school"),
        interests: "dinosaurs, swimming and drumming",
        packages: vec![
            "ci-speech",
            "cl-maths",
            "semh-anxiety",
            "health-eating",
            "social-shortbreaks",
        ],
        budget: None,
        people: [
            "Dr Eleanor Vance",
            "Tom Redfern",
            "Dr Grace Adeyemi",
            "Julie Penrose",
            "Carys Lloyd",
        ],
    })
}

fn sophie() -> Plan {
    let mut plan = build(&Spec {
        first: "Sophie",
        last: "Lang",
        preferred: "Sophie",
        dob: Date::new(30, 9, 2015),
        year: 5,
        pron: Pron::She,
        status: Status::Final,
        date: Date::new(7, 7, 2026),
        la: "Kestrel Vale Council",
        setting: "Hollin Bank Primary School",
        school: ("Hollin Bank Primary School", "Mainstream primary school"),
        interests: "swimming, board games and her pet rabbits",
        packages: vec!["sp-mobility", "cl-writing", "social-personalcare", "social-shortbreaks"],
        budget: Some(vec![
            "Sophie's parents have asked for a personal budget for the Saturday short-breaks club in Section H.".to_string(),
            "A direct payment of £2,340 a year (26 sessions of 5 hours at £18 an hour) will be made to Sophie's parents so that they can choose the club. This supports the outcome that Sophie will take part in a weekend club with other young people.".to_string(),
        ]),
        people: ["Dr Victoria Hale", "Graham Oakley", "Dr Ruth Ingram", "Paula Everett", "Dominic Shaw"],
    });
    plan.single_h = true;
    plan.extra.push((
        "H-intro",
        "This section sets out social care provision made under section 2 of the Chronically Sick and Disabled Persons Act 1970 (H1) and any other social care provision reasonably required by Sophie's learning difficulties or disabilities (H2).".to_string(),
    ));
    plan
}

fn noah() -> Plan {
    build(&Spec {
        // Accented names (child and professional): the add-in's browser test
        // checks that the WebAssembly (regex-lite) finds what native does.
        first: "José",
        last: "Fairbairn",
        preferred: "José",
        dob: Date::new(6, 4, 2021),
        year: 1,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(13, 11, 2026),
        la: "Northbridge Council",
        setting: "Thornfield Infant School",
        school: ("Thornfield Infant School", "Mainstream infant school"),
        interests: "trains, sand play and singing",
        packages: vec!["ci-social", "ci-speech", "health-sleep"],
        budget: None,
        people: [
            "Dr Zoë Montague",
            "Lisa Brewer",
            "Dr Hamid Sultani",
            "Sarah Kettle",
            "Bronwen Hughes",
        ],
    })
}

fn maisie() -> Plan {
    let mut plan = build(&Spec {
        first: "Maisie",
        last: "Okafor",
        preferred: "Maisie",
        dob: Date::new(19, 10, 2014),
        year: 6,
        pron: Pron::She,
        status: Status::Draft,
        date: Date::new(2, 3, 2026),
        la: "Westmoor County Council",
        setting: "Coldharbour Primary School",
        school: ("", ""),
        interests: "netball, baking and making videos",
        packages: vec!["cl-maths", "ci-understanding", "semh-regulation"],
        budget: None,
        people: [
            "Dr Julian Crowther",
            "Angela Petrie",
            "Dr Farah Siddiqui",
            "Neil Ambrose",
            "Kirsty Doyle",
        ],
    });
    // The caseworker's tracked edits on the draft: vague wording deleted,
    // specific wording inserted. Only the inserted text is visible.
    for s in &mut plan.strands {
        for p in &mut s.provision {
            if p.what.starts_with("A precision teaching programme") {
                p.what = "{-Access to a small group maths intervention as appropriate-}{+A precision teaching programme for number bonds and place value using practical equipment, taught individually+}".to_string();
                p.freq = "for 15 minutes {-regularly-}{+four times a week+}".to_string();
            }
            if p.what.starts_with("Individual speech and language therapy") {
                p.freq = "for {-up to -}45 minutes once every 2 weeks during term time".to_string();
            }
            if p.what
                .starts_with("Individual sessions on recognising and managing frustration")
            {
                p.who = "a {-key adult-}{+learning mentor trained in the programme+}".to_string();
            }
        }
    }
    plan
}

fn reuben() -> Plan {
    let mut plan = build(&Spec {
        first: "Reuben",
        last: "Ashworth",
        preferred: "Reuben",
        dob: Date::new(3, 3, 2014),
        year: 8,
        pron: Pron::He,
        status: Status::Draft,
        date: Date::new(25, 9, 2026),
        la: "Kestrel Vale Council",
        setting: "Greystone Academy",
        school: ("", ""),
        interests: "skateboarding, drawing comics and history",
        packages: vec!["cl-writing", "semh-anxiety", "health-mental", "sp-hearing"],
        budget: None,
        people: [
            "Dr Miriam Stoddart",
            "Ian Chalk",
            "Dr Oluwaseun Bello",
            "Tracey Voss",
            "Rhiannon Price",
        ],
    });
    plan.extra.push((
        "B",
        "For the provision that meets each of these needs, see Section F; the outcomes are in Section E.".to_string(),
    ));
    plan
}

fn tyler() -> Plan {
    build(&Spec {
        first: "Tyler",
        last: "Dawson",
        preferred: "Tyler",
        dob: Date::new(22, 8, 2011),
        year: 10,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(5, 2, 2026),
        la: "Ashcombe Borough Council",
        setting: "Ridgeway Park School",
        school: (
            "Ridgeway Park School",
            "Special school for young people with moderate learning difficulties (11 to 19)",
        ),
        interests: "animals, guitar music and cooking",
        packages: vec![
            "pfa-employment",
            "pfa-independence",
            "pfa-community",
            "pfa-health",
            "ci-social",
        ],
        budget: None,
        people: [
            "Dr Hugh Lamberton",
            "Fiona Gedling",
            "Dr Nisha Patel-Rowe",
            "Kevin Marlowe",
            "Joanne Sturt",
        ],
    })
}

fn hannah() -> Plan {
    build(&Spec {
        first: "Hannah",
        last: "Pryce",
        preferred: "Hannah",
        dob: Date::new(25, 1, 2018),
        year: 4,
        pron: Pron::She,
        status: Status::Final,
        date: Date::new(11, 11, 2026),
        la: "Northbridge Council",
        setting: "Larkspur Vale Primary School",
        school: (
            "Larkspur Vale Primary School",
            "Mainstream community primary school",
        ),
        interests: "horses, reading comics and crafts",
        packages: vec!["cl-reading", "sp-finemotor", "semh-friendship"],
        budget: None,
        people: [
            "Dr Bethany Coles",
            "Peter Castellan",
            "Dr Anil Mehta",
            "Yvonne Tranter",
            "Tessa Greenhalgh",
        ],
    })
}

fn leo() -> Plan {
    build(&Spec {
        first: "Leo",
        last: "Marsh",
        preferred: "Leo",
        dob: Date::new(12, 6, 2014),
        year: 7,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(8, 1, 2026),
        la: "Westmoor County Council",
        setting: "Fennick Lane Academy",
        school: (
            "Fennick Lane Academy",
            "Mainstream secondary academy (11 to 16)",
        ),
        interests: "rugby, coding and science fiction films",
        packages: vec![
            "ci-understanding",
            "cl-maths",
            "semh-regulation",
            "health-epilepsy",
        ],
        budget: None,
        people: [
            "Dr Patrick Nolan",
            "Maria Stenning",
            "Dr Ifeoma Eze",
            "Darren Hollis",
            "Megan Aldridge",
        ],
    })
}

fn zain() -> Plan {
    build(&Spec {
        first: "Zain",
        last: "Qureshi",
        preferred: "Zain",
        dob: Date::new(19, 4, 2017),
        year: 5,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(14, 10, 2026),
        la: "Kestrel Vale Council",
        setting: "Coldharbour Primary School",
        school: ("Coldharbour Primary School", "Mainstream primary school"),
        interests: "cricket, space and making comics",
        packages: vec![
            "cl-reading",
            "cl-maths",
            "ci-social",
            "semh-anxiety",
            "social-shortbreaks",
        ],
        budget: None,
        people: [
            "Dr Lydia Farnham",
            "Howard Pike",
            "Dr Sanjay Kulkarni",
            "Moira Dunlop",
            "Carys Lloyd",
        ],
    })
}

/// The clean plans (every committed sample except the defect samples), by file.
pub fn clean_plans() -> Vec<(&'static str, Plan)> {
    vec![
        ("claire.docx", claire()),
        ("heading-styles.docx", styled(amir(), 1)),
        ("bold-headings.docx", ellie()),
        ("table-per-section.docx", jacob()),
        ("outcome-provision-table.docx", priya()),
        ("county-area-tables.docx", oliver()),
        ("numbered-references.docx", kofi()),
        ("single-h.docx", sophie()),
        ("content-controls.docx", styled(noah(), 1)),
        ("custom-numbering.docx", styled(zain(), 2)),
        ("human-comments.docx", freya()),
        ("tracked-changes.docx", maisie()),
        ("running-header.docx", reuben()),
        ("pfa-year10.docx", tyler()),
        ("package-document2.docx", hannah()),
        ("package-prefix.docx", leo()),
    ]
}

fn freya() -> Plan {
    build(&Spec {
        first: "Freya",
        last: "Holloway",
        preferred: "Freya",
        dob: Date::new(3, 12, 2017),
        year: 3,
        pron: Pron::She,
        status: Status::Final,
        date: Date::new(18, 5, 2026),
        la: "Ashcombe Borough Council",
        setting: "Saltings Junior School",
        school: ("Saltings Junior School", "Mainstream junior school"),
        interests: "swimming, drawing horses and baking",
        packages: vec!["ci-understanding", "semh-friendship", "health-sleep"],
        budget: None,
        people: [
            "Dr Imogen Hartley",
            "Tom Redfern",
            "Dr Grace Adeyemi",
            "Julie Penrose",
            "Carys Lloyd",
        ],
    })
}

/// Freya's plan after review by people: a comment thread (a question and a
/// reply) on a provision item, and a resolved comment on section A.
fn freya_commented() -> Document {
    let mut doc = layouts::heading_styles(&freya());
    let comments = [
        (
            0,
            "Helen Carter",
            "HC",
            "2026-05-11T09:30:00Z",
            "Freya's parents asked whether these sessions continue in the school holidays. Please confirm with the integrated therapy team.",
            None,
            false,
        ),
        (
            1,
            "Megan Aldridge",
            "MA",
            "2026-05-12T14:05:00Z",
            "Confirmed: term time only, as written. Home practice sheets are sent before each holiday.",
            Some(0),
            false,
        ),
        (
            2,
            "Tom Redfern",
            "TR",
            "2026-05-08T16:20:00Z",
            "Updated with Freya's own words from the pupil voice meeting.",
            None,
            true,
        ),
    ];
    for (id, author, initials, date, text, parent, done) in comments {
        doc.comments.push(crate::ooxml::Comment {
            id,
            author: author.into(),
            initials: initials.into(),
            date: date.into(),
            text: text.into(),
            parent,
            done,
        });
    }
    let a = doc.anchor_comments(
        "Individual speech and language therapy to develop understanding",
        &[0, 1],
    );
    let b = doc.anchor_comments("\u{201c}", &[2]);
    assert!(a && b, "comment anchors exist in Freya's plan");
    doc
}

/// The plan with its provision sentences worded in another style.
fn styled(mut plan: Plan, style: u8) -> Plan {
    crate::plan::set_provision_style(&mut plan, style);
    plan
}

fn with_options(mut doc: Document, f: impl FnOnce(&mut Document)) -> Document {
    f(&mut doc);
    doc
}

/// Special forms of `claire.docx`, written to `generated/`: the same plan
/// in Strict conformance (LibreOffice and Word open it; python-docx
/// cannot), and as Flat OPC XML (what Word's `body.getOoxml()` returns).
pub fn special() -> Vec<(&'static str, Vec<u8>)> {
    let doc = layouts::classic(&claire());
    vec![
        ("generated/claire-strict.docx", doc.to_strict_bytes()),
        (
            "generated/claire-flat-opc.xml",
            doc.to_flat_opc().into_bytes(),
        ),
    ]
}

/// Every committed clean sample, in README order.
pub fn all() -> Vec<Sample> {
    let mut out = vec![
        sample("claire.docx", layouts::classic(&claire())),
        sample(
            "heading-styles.docx",
            layouts::heading_styles(&styled(amir(), 1)),
        ),
        Sample {
            file: "bold-headings.docx",
            bytes: crate::docxrs::to_bytes(&layouts::bold_headings(&ellie())),
        },
        sample(
            "table-per-section.docx",
            layouts::table_per_section(&jacob()),
        ),
        sample(
            "outcome-provision-table.docx",
            layouts::outcome_provision_table(&priya()),
        ),
        sample(
            "county-area-tables.docx",
            layouts::county_area_tables(&oliver()),
        ),
        sample(
            "numbered-references.docx",
            layouts::numbered_references(&kofi()),
        ),
        sample("single-h.docx", layouts::classic(&sophie())),
        sample(
            "content-controls.docx",
            layouts::content_controls(&styled(noah(), 1)),
        ),
        sample(
            "custom-numbering.docx",
            layouts::custom_numbering(&styled(zain(), 2)),
        ),
        sample("human-comments.docx", freya_commented()),
        sample(
            "tracked-changes.docx",
            with_options(layouts::tracked_changes(&maisie()), |d| {
                d.track_revisions = true
            }),
        ),
        sample("running-header.docx", layouts::running_header(&reuben())),
        sample(
            "pfa-year10.docx",
            with_options(layouts::heading_styles(&tyler()), |d| d.options.bom = true),
        ),
        sample(
            "package-document2.docx",
            with_options(layouts::classic(&hannah()), |d| {
                d.options.main_part = "word/document2.xml".into()
            }),
        ),
        sample(
            "package-prefix.docx",
            with_options(layouts::heading_styles(&leo()), |d| {
                d.options.prefix = "wx".into()
            }),
        ),
    ];
    out.extend(crate::defects::all());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Kind;

    #[test]
    fn every_clean_plan_is_consistent_and_threaded() {
        for (file, plan) in clean_plans() {
            let dob = Date::parse(&plan.dob).expect("date of birth");
            let date = Date::parse(&plan.date).expect("plan date");
            assert_eq!(
                date.year_group_of(dob),
                i64::from(plan.year),
                "{file}: year group"
            );
            for a in &plan.advice {
                let when = Date::parse(&a.date)
                    .unwrap_or_else(|| panic!("{file}: advice date {}", a.date));
                let months = date.months_since(when);
                assert!(
                    (0..24).contains(&months),
                    "{file}: advice {} is {months} months old",
                    a.title
                );
            }
            assert_eq!(
                plan.status == Status::Draft,
                plan.placement[0].contains("left blank"),
                "{file}: section I"
            );
            let mut outcome_ids = Vec::new();
            for s in &plan.strands {
                for n in &s.needs {
                    assert!(
                        s.outcomes.iter().any(|o| o.needs.contains(&n.id)),
                        "{file}: {} has no outcome",
                        n.id
                    );
                    assert!(
                        s.provision.iter().any(|p| p.needs.contains(&n.id)),
                        "{file}: {} has no provision",
                        n.id
                    );
                }
                for o in &s.outcomes {
                    assert!(!o.needs.is_empty(), "{file}: {} serves no need", o.id);
                    assert!(
                        s.provision.iter().any(|p| p.outcomes.contains(&o.id)),
                        "{file}: {} has no provision",
                        o.id
                    );
                    outcome_ids.push(o.id.clone());
                }
                for p in &s.provision {
                    assert!(
                        !p.outcomes.is_empty() && !p.needs.is_empty(),
                        "{file}: {} is orphan",
                        p.id
                    );
                    assert!(p.verbatim.is_none(), "{file}: {} is verbatim", p.id);
                    if s.kind == Kind::Social {
                        assert!(p.h.is_some(), "{file}: {} is not marked H1/H2", p.id);
                    }
                }
            }
            let pfa = plan
                .strands
                .iter()
                .flat_map(|s| &s.outcomes)
                .any(|o| o.pfa.is_some());
            assert_eq!(
                plan.year >= 9,
                pfa,
                "{file}: preparing-for-adulthood outcomes"
            );
            assert_eq!(
                plan.aspirations.len(),
                {
                    let n: usize = plan.strands.iter().map(|s| s.needs.len()).sum();
                    n
                },
                "{file}: one aspiration per need package"
            );
        }
    }

    #[test]
    fn year_groups_follow_the_english_school_year() {
        let plan_date = Date::new(12, 10, 2026);
        assert_eq!(plan_date.year_group_of(Date::new(1, 9, 2014)), 7);
        assert_eq!(plan_date.year_group_of(Date::new(31, 8, 2015)), 7);
        assert_eq!(plan_date.year_group_of(Date::new(1, 9, 2015)), 6);
        assert_eq!(
            Date::new(2, 3, 2026).year_group_of(Date::new(19, 10, 2014)),
            6
        );
    }
}
