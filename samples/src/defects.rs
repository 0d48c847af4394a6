//! Defect samples: each plants a known set of defects in an otherwise clean
//! plan. [`manifest`] lists every planted defect (rule id, file, section,
//! the exact visible text); `samples/README.md` carries the same table and
//! `tests/defects.rs` checks that each quote is really in its file.

use crate::layouts;
use crate::plan::{Kind, Need, Outcome, Plan, Pron, Provision, Status, Strand, assign_ids};
use crate::samples::{Date, Sample, Spec, build, sample};

/// One planted defect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planted {
    pub rule: &'static str,
    pub file: &'static str,
    /// Section id, or "-" for the whole plan.
    pub section: &'static str,
    /// Exact visible text the finding should quote ("" for structural
    /// findings with no text, e.g. a missing section).
    pub quote: &'static str,
    pub note: &'static str,
}

const fn d(
    rule: &'static str,
    file: &'static str,
    section: &'static str,
    quote: &'static str,
    note: &'static str,
) -> Planted {
    Planted {
        rule,
        file,
        section,
        quote,
        note,
    }
}

pub const STRUCTURE: &str = "defects-structure.docx";
pub const THREAD: &str = "defects-thread.docx";
pub const PROVISION: &str = "defects-provision.docx";
pub const OUTCOMES: &str = "defects-outcomes-consistency.docx";

/// Every planted defect, by file.
pub fn manifest() -> Vec<Planted> {
    vec![
        // ------------------------------------------------ defects-structure
        d(
            "structure/missing-section",
            STRUCTURE,
            "J",
            "",
            "Section J (personal budget) is left out altogether",
        ),
        d(
            "structure/empty-section",
            STRUCTURE,
            "D",
            "Section D: Social care needs related to Jade's special educational needs or disability",
            "heading with nothing under it (no \"none\" statement)",
        ),
        d(
            "structure/placeholder-text",
            STRUCTURE,
            "A",
            "[insert views of parent/carer]",
            "template prompt left in A",
        ),
        d(
            "structure/placeholder-text",
            STRUCTURE,
            "A",
            "<name>",
            "\"<name>'s views were gathered …\"",
        ),
        d(
            "structure/placeholder-text",
            STRUCTURE,
            "C",
            "Click or tap here to enter text.",
            "content-control prompt typed as text",
        ),
        d(
            "structure/placeholder-text",
            STRUCTURE,
            "G",
            "Lorem ipsum dolor sit amet.",
            "filler paragraph",
        ),
        d(
            "structure/placeholder-text",
            STRUCTURE,
            "I",
            "XXX",
            "\"Type of school: XXX\"",
        ),
        d(
            "structure/placeholder-text",
            STRUCTURE,
            "K",
            "TBC",
            "date of the medical advice",
        ),
        d(
            "structure/section-order",
            STRUCTURE,
            "E",
            "Section E: Outcomes",
            "F comes before E (order A B C D F E G H I K)",
        ),
        d(
            "structure/h-not-split",
            STRUCTURE,
            "H",
            "Section H: Social care provision",
            "one H section, no H1/H2, text does not cover both",
        ),
        // ------------------------------------------------ defects-thread
        d(
            "thread/need-without-outcome",
            THREAD,
            "B",
            "Sam has a mild visual impairment (short sight) and needs to sit near the board, with worksheets enlarged to font size 18.",
            "provision F exists (enlarged worksheets), no outcome",
        ),
        d(
            "thread/need-without-provision",
            THREAD,
            "B",
            "Sam cannot yet recall multiplication facts. He knows the 2, 5 and 10 times tables only.",
            "outcome in E (times tables), nothing in F",
        ),
        d(
            "thread/need-without-provision",
            THREAD,
            "C",
            "Sam has severe eczema on his hands, which becomes sore and distracts him from writing.",
            "outcome in E (applies cream), nothing in G",
        ),
        d(
            "thread/need-without-provision",
            THREAD,
            "D",
            "Sam's parents need a break from caring: Sam needs to spend time with other children in a supervised setting outside the family home.",
            "outcome in E, H1 and H2 both say none",
        ),
        d(
            "thread/outcome-without-need",
            THREAD,
            "E",
            "By the end of Year 5, Sam will swim 25 metres on his front without a float, measured by his swimming teacher.",
            "no need about swimming; F has swimming lessons",
        ),
        d(
            "thread/outcome-without-provision",
            THREAD,
            "E",
            "By the end of Year 5, Sam will give a 2-minute talk to his class about a hobby, using a prompt card, in 2 out of 3 attempts.",
            "second outcome of the speech need; no provision for it",
        ),
        d(
            "thread/provision-without-need",
            THREAD,
            "F",
            "French conversation lessons after school, in a group of 10 pupils.",
            "orphan provision",
        ),
        d(
            "thread/aspiration-not-reflected",
            THREAD,
            "A",
            "Sam wants to be a chef when he grows up and run his own restaurant.",
            "no outcome about cooking",
        ),
        // ------------------------------------------------ defects-provision
        d(
            "provision/vague-wording",
            PROVISION,
            "F",
            "Access to a small group reading intervention.",
            "\"access to\", \"small group\"",
        ),
        d(
            "provision/vague-wording",
            PROVISION,
            "F",
            "Sensory circuits, movement breaks, etc.",
            "\"etc.\"; frequency cell \"As required\"",
        ),
        d(
            "provision/vague-wording",
            PROVISION,
            "F",
            "As required",
            "frequency cell of the sensory circuits row",
        ),
        d(
            "provision/vague-wording",
            PROVISION,
            "F",
            "Up to 5 hours a week of individual support where possible",
            "\"up to\", \"where possible\"",
        ),
        d(
            "provision/not-quantified",
            PROVISION,
            "F",
            "Use of a visual timetable and a now-and-next board in class.",
            "no frequency or amount (frequency cell empty)",
        ),
        d(
            "provision/not-quantified",
            PROVISION,
            "F",
            "As required",
            "sensory circuits: no amount",
        ),
        d(
            "provision/provider-unspecified",
            PROVISION,
            "F",
            "A social skills group, in a group of 4 pupils, for 30 minutes once a week.",
            "nobody named (who cell empty)",
        ),
        d(
            "provision/therapy-in-health-section",
            PROVISION,
            "G",
            "Speech and language therapy to develop Isla's speech sounds, individually",
            "SaLT appears only in G, not in F",
        ),
        d(
            "provision/delegated-decision",
            PROVISION,
            "F",
            "Individual literacy support, with the programme to be determined by the school.",
            "\"to be determined by\"",
        ),
        d(
            "provision/delegated-decision",
            PROVISION,
            "F",
            "Adult support at lunchtimes, at the discretion of the headteacher.",
            "\"at the discretion of\"",
        ),
        d(
            "provision/unilateral-change",
            PROVISION,
            "F",
            "The amount of teaching assistant support may be reduced following review as Isla becomes more independent.",
            "\"may be reduced following review\"",
        ),
        d(
            "provision/funding-not-provision",
            PROVISION,
            "F",
            "Isla's needs will be met from a top-up of £4,000 a year (Band 3).",
            "money and a band instead of provision",
        ),
        d(
            "provision/duplicated",
            PROVISION,
            "F",
            "A check-in for 10 minutes at the start of every school day to go through Isla's timetable, delivered by the pastoral lead.",
            "same text under two areas of need",
        ),
        d(
            "provision/not-quantified",
            PROVISION,
            "F",
            "Access to a small group reading intervention.",
            "(secondary) no amount, frequency cell empty",
        ),
        d(
            "provision/provider-unspecified",
            PROVISION,
            "F",
            "Access to a small group reading intervention.",
            "(secondary) who cell empty",
        ),
        d(
            "provision/provider-unspecified",
            PROVISION,
            "F",
            "Use of a visual timetable and a now-and-next board in class.",
            "(secondary) who cell empty",
        ),
        d(
            "provision/vague-wording",
            PROVISION,
            "F",
            "may be reduced following review",
            "(secondary) \"may\" in the unilateral-change row",
        ),
        d(
            "consistency/age-mismatch",
            PROVISION,
            "-",
            "14 January 2013",
            "date of birth makes Isla a Year 8 pupil, the plan says Year 3",
        ),
        // ------------------------------------------------ defects-outcomes-consistency
        d(
            "outcome/not-time-bound",
            OUTCOMES,
            "E",
            "Callum will answer 4 out of 5 questions about a text he has read correctly.",
            "no time frame",
        ),
        d(
            "outcome/not-measurable",
            OUTCOMES,
            "E",
            "By the end of Year 11, Callum will feel more confident in lessons.",
            "no measure",
        ),
        d(
            "outcome/describes-provision",
            OUTCOMES,
            "E",
            "By the end of Year 11, Callum will receive weekly sessions with the school counsellor.",
            "support received, not an achievement",
        ),
        d(
            "outcome/missing-adulthood",
            OUTCOMES,
            "E",
            "",
            "Year 10, no preparing-for-adulthood outcome",
        ),
        d(
            "consistency/age-mismatch",
            OUTCOMES,
            "E",
            "By the end of Key Stage 2, Callum will start a conversation with a classmate and keep it going for 4 turns during 3 unstructured times each week, recorded on his social communication log.",
            "Key Stage 2 outcome for a Year 10 pupil",
        ),
        d(
            "consistency/name-mismatch",
            OUTCOMES,
            "B",
            "Jordan",
            "\"Jordan finds it hard to organise his equipment …\" (copied from another plan)",
        ),
        d(
            "consistency/pronoun-mismatch",
            OUTCOMES,
            "B",
            "she",
            "\"When anxious she leaves the classroom …\" about Callum (he)",
        ),
        d(
            "consistency/placement-in-draft",
            OUTCOMES,
            "I",
            "Name of school: Marrowdale High School",
            "draft plan names a school",
        ),
        d(
            "consistency/stale-advice",
            OUTCOMES,
            "K",
            "12 September 2022",
            "psychological advice over two years before the plan date (3 March 2026)",
        ),
        d(
            "language/unexplained-acronym",
            OUTCOMES,
            "B",
            "SEMH",
            "never spelled out",
        ),
        d(
            "language/unexplained-acronym",
            OUTCOMES,
            "F",
            "EWO",
            "never spelled out",
        ),
    ]
}

fn strand_mut<'a>(plan: &'a mut Plan, area: &str) -> &'a mut Strand {
    plan.strands
        .iter_mut()
        .find(|s| s.area == area)
        .unwrap_or_else(|| panic!("no strand {area}"))
}

fn prov(
    id: &str,
    what: &str,
    who: &str,
    freq: &str,
    outcomes: &[&str],
    needs: &[&str],
) -> Provision {
    Provision {
        id: id.into(),
        what: what.into(),
        who: who.into(),
        freq: freq.into(),
        h: None,
        outcomes: outcomes.iter().map(|s| s.to_string()).collect(),
        needs: needs.iter().map(|s| s.to_string()).collect(),
        verbatim: None,
        style: 0,
    }
}

fn verbatim(id: &str, text: &str) -> Provision {
    Provision {
        id: id.into(),
        what: String::new(),
        who: String::new(),
        freq: String::new(),
        h: None,
        outcomes: Vec::new(),
        needs: Vec::new(),
        verbatim: Some(text.into()),
        style: 0,
    }
}

fn outcome(id: &str, text: &str, needs: &[&str]) -> Outcome {
    Outcome {
        id: id.into(),
        text: text.into(),
        steps: Vec::new(),
        pfa: None,
        needs: needs.iter().map(|s| s.to_string()).collect(),
    }
}

fn jade() -> Plan {
    let mut plan = build(&Spec {
        first: "Jade",
        last: "Collins",
        preferred: "Jade",
        dob: Date::new(21, 2, 2016),
        year: 5,
        pron: Pron::She,
        status: Status::Final,
        date: Date::new(27, 1, 2026),
        la: "Westmoor County Council",
        setting: "Hollin Bank Primary School",
        school: ("Hollin Bank Primary School", "XXX"),
        interests: "singing, roller skating and drawing",
        packages: vec![
            "cl-reading",
            "ci-understanding",
            "semh-friendship",
            "health-epilepsy",
        ],
        budget: None,
        people: [
            "Dr Rosalind Kerr",
            "Martin Ashby",
            "Dr Chidi Obi",
            "Elaine Morrow",
            "Harriet Quayle",
        ],
    });
    plan.omit.push("J");
    plan.empty.push("D");
    plan.single_h = true;
    plan.none_texts.retain(|(s, _)| *s != "H");
    plan.none_texts
        .push(("H", "No social care provision is required.".into()));
    plan.order = Some(vec![
        "A", "B", "C", "D", "F", "E", "G", "H1", "H2", "I", "J", "K",
    ]);
    for (sub, paras) in &mut plan.views {
        if sub.starts_with("The views of") {
            paras.push("[insert views of parent/carer]".into());
        }
        if sub.ends_with("'s views") {
            paras.insert(
                0,
                "<name>'s views were gathered at a meeting in school with her class teacher."
                    .into(),
            );
        }
    }
    plan.extra
        .push(("C", "Click or tap here to enter text.".into()));
    plan.extra.push(("G", "Lorem ipsum dolor sit amet.".into()));
    if let Some(a) = plan.advice.iter_mut().find(|a| a.title == "Medical advice") {
        a.date = "TBC".into();
    }
    plan
}

fn sam() -> Plan {
    let mut plan = build(&Spec {
        first: "Sam",
        last: "Porter",
        preferred: "Sam",
        dob: Date::new(8, 6, 2017),
        year: 4,
        pron: Pron::He,
        status: Status::Final,
        date: Date::new(10, 2, 2026),
        la: "Northbridge Council",
        setting: "Saltings Junior School",
        school: ("Saltings Junior School", "Mainstream junior school"),
        interests: "cooking, swimming and superhero films",
        packages: vec!["ci-speech", "cl-reading", "health-sleep"],
        budget: None,
        people: [
            "Dr Gemma Hollins",
            "Robert Pyne",
            "Dr Kavita Shah",
            "Lynne Carver",
            "Sian Pellow",
        ],
    });
    // Aspiration with no outcome.
    plan.aspirations
        .push("Sam wants to be a chef when he grows up and run his own restaurant.".into());
    // Speech need: a second outcome with no provision.
    {
        let ci = strand_mut(&mut plan, crate::content::CI);
        ci.outcomes.push(outcome(
            "E1a",
            "By the end of Year 5, Sam will give a 2-minute talk to his class about a hobby, using a prompt card, in 2 out of 3 attempts.",
            &["B1"],
        ));
    }
    {
        let cl = strand_mut(&mut plan, crate::content::CL);
        // Need with an outcome but no provision.
        cl.needs.push(Need {
            id: "B2a".into(),
            text: "Sam cannot yet recall multiplication facts. He knows the 2, 5 and 10 times tables only.".into(),
        });
        cl.outcomes.push(outcome(
            "E2a",
            "By the end of Year 5, Sam will recall the 3, 4 and 8 times tables, answering 20 questions in 3 minutes with 18 correct.",
            &["B2a"],
        ));
        // Orphan provision.
        cl.provision.push(prov(
            "F9",
            "French conversation lessons after school, in a group of 10 pupils",
            "the modern languages teacher",
            "for 1 hour every Thursday during term time",
            &[],
            &[],
        ));
    }
    // Need with provision but no outcome.
    plan.strands.push(Strand {
        area: crate::content::SP.into(),
        kind: Kind::Education,
        strengths: "Sam enjoys physical education (PE) and moves confidently around school.".into(),
        needs: vec![Need {
            id: "B3".into(),
            text: "Sam has a mild visual impairment (short sight) and needs to sit near the board, with worksheets enlarged to font size 18.".into(),
        }],
        outcomes: Vec::new(),
        provision: vec![prov(
            "F10",
            "Worksheets and board notes enlarged to font size 18 for every lesson, with a seat near the board",
            "the class teacher",
            "in every lesson",
            &[],
            &["B3"],
        )],
    });
    // Outcome (with provision) that serves no need, under its own heading.
    plan.strands.push(Strand {
        area: "Other outcomes agreed with the family".into(),
        kind: Kind::Education,
        strengths: String::new(),
        needs: Vec::new(),
        outcomes: vec![outcome(
            "E9",
            "By the end of Year 5, Sam will swim 25 metres on his front without a float, measured by his swimming teacher.",
            &[],
        )],
        provision: vec![prov(
            "F11",
            "Swimming lessons, in a group of 6 pupils",
            "a qualified swimming teacher",
            "for 30 minutes once a week during term time",
            &["E9"],
            &[],
        )],
    });
    // Health need with an outcome and no G provision.
    {
        let h = strand_mut(&mut plan, crate::content::HEALTH);
        h.needs.push(Need {
            id: "C2".into(),
            text: "Sam has severe eczema on his hands, which becomes sore and distracts him from writing.".into(),
        });
        h.outcomes.push(outcome(
            "E10",
            "By the end of Year 5, Sam will apply his own cream at lunchtime every school day, recorded on his care chart.",
            &["C2"],
        ));
    }
    // Social care need with an outcome and no H provision (H1/H2 keep "none").
    plan.strands.push(Strand {
        area: crate::content::SOCIAL.into(),
        kind: Kind::Social,
        strengths: "Sam has a close and supportive family.".into(),
        needs: vec![Need {
            id: "D1".into(),
            text: "Sam's parents need a break from caring: Sam needs to spend time with other children in a supervised setting outside the family home.".into(),
        }],
        outcomes: vec![outcome(
            "E11",
            "By the end of Year 5, Sam will spend 3 hours every fortnight at a supervised holiday or weekend club and join in with 2 activities each visit, recorded by the club leader.",
            &["D1"],
        )],
        provision: Vec::new(),
    });
    plan.none_texts.retain(|(s, _)| *s != "D");
    // Explicit references only: no area sub-headings that would link items
    // by position, so each thread defect has one reading.
    plan.area_headings = false;
    assign_ids(&mut plan);
    plan
}

fn isla() -> Plan {
    let mut plan = build(&Spec {
        first: "Isla",
        last: "Grant",
        preferred: "Isla",
        dob: Date::new(14, 1, 2013),
        year: 3,
        pron: Pron::She,
        status: Status::Final,
        date: Date::new(23, 3, 2026),
        la: "Ashcombe Borough Council",
        setting: "Brackenmoor Junior School",
        school: ("Brackenmoor Junior School", "Mainstream junior school"),
        interests: "horses, gymnastics and colouring",
        packages: vec!["ci-speech", "cl-reading", "semh-anxiety", "sp-finemotor"],
        budget: None,
        people: [
            "Dr Clare Winslow",
            "Steven Ogden",
            "Dr Meera Nair",
            "Angela Tovey",
            "Carys Lloyd",
        ],
    });
    let check_in = "A check-in for 10 minutes at the start of every school day to go through Isla's timetable, delivered by the pastoral lead.";
    // Communication: the therapy moves to G; F keeps a non-therapy item.
    {
        let ci = strand_mut(&mut plan, crate::content::CI);
        ci.provision = vec![
            prov(
                "F1",
                "Listening and attention games, in a group of 3 pupils",
                "a teaching assistant trained in the programme",
                "for 15 minutes three times a week",
                &["E1"],
                &["B1"],
            ),
            verbatim("F1b", check_in),
        ];
    }
    plan.strands.push(Strand {
        area: crate::content::HEALTH.into(),
        kind: Kind::Health,
        strengths: String::new(),
        needs: Vec::new(),
        outcomes: Vec::new(),
        provision: vec![prov(
            "G1",
            "Speech and language therapy to develop Isla's speech sounds, individually",
            "a speech and language therapist (SaLT) from the community health trust",
            "in 6 sessions of 45 minutes each term",
            &["E1"],
            &["B1"],
        )],
    });
    plan.none_texts.retain(|(s, _)| *s != "G");
    {
        let cl = strand_mut(&mut plan, crate::content::CL);
        cl.provision = vec![
            verbatim("F2", "Access to a small group reading intervention."),
            prov(
                "F3",
                "Individual literacy support, with the programme to be determined by the school",
                "a teaching assistant",
                "for 30 minutes every school day",
                &["E2"],
                &["B2"],
            ),
            prov(
                "F4",
                "Up to 5 hours a week of individual support where possible",
                "a teaching assistant",
                "across the school week",
                &["E2"],
                &["B2"],
            ),
            verbatim(
                "F5",
                "Isla's needs will be met from a top-up of £4,000 a year (Band 3).",
            ),
        ];
    }
    {
        let semh = strand_mut(&mut plan, crate::content::SEMH);
        semh.provision = vec![
            verbatim("F6", check_in),
            verbatim(
                "F7",
                "Use of a visual timetable and a now-and-next board in class.",
            ),
            verbatim(
                "F8",
                "A social skills group, in a group of 4 pupils, for 30 minutes once a week.",
            ),
            prov(
                "F9",
                "Adult support at lunchtimes, at the discretion of the headteacher",
                "a lunchtime supervisor",
                "for 30 minutes every school day",
                &["E3"],
                &["B3"],
            ),
            verbatim(
                "F10",
                "The amount of teaching assistant support may be reduced following review as Isla becomes more independent.",
            ),
        ];
    }
    {
        let sp = strand_mut(&mut plan, crate::content::SP);
        sp.provision.push(Provision {
            id: "F11".into(),
            what: "Sensory circuits, movement breaks, etc".into(),
            who: "a teaching assistant trained by the occupational therapist (OT)".into(),
            freq: "as required".into(),
            h: None,
            outcomes: vec!["E4".into()],
            needs: vec!["B4".into()],
            verbatim: None,
            style: 0,
        });
    }
    assign_ids(&mut plan);
    plan
}

fn callum() -> Plan {
    let mut plan = build(&Spec {
        first: "Callum",
        last: "Reid",
        preferred: "Callum",
        dob: Date::new(30, 11, 2010),
        year: 10,
        pron: Pron::He,
        status: Status::Draft,
        date: Date::new(3, 3, 2026),
        la: "Kestrel Vale Council",
        setting: "Marrowdale High School",
        school: ("", ""),
        interests: "motorbikes, gaming and fishing",
        packages: vec!["ci-social", "cl-reading", "semh-anxiety"],
        budget: None,
        people: [
            "Dr Edmund Fairley",
            "Lorraine Haddow",
            "Dr Tunde Afolabi",
            "Gail Rowntree",
            "Amanda Frere",
        ],
    });
    // Careers advice belongs to PfA; this plan has none.
    plan.advice.retain(|a| a.role != "Careers Adviser");
    if let Some(a) = plan
        .advice
        .iter_mut()
        .find(|a| a.title == "Psychological advice")
    {
        a.date = "12 September 2022".into();
    }
    plan.placement = vec![
        "Name of school: Marrowdale High School".into(),
        "Type of school: Mainstream community secondary school (11 to 16)".into(),
    ];
    {
        let ci = strand_mut(&mut plan, crate::content::CI);
        ci.outcomes[0].text = "By the end of Key Stage 2, Callum will start a conversation with a classmate and keep it going for 4 turns during 3 unstructured times each week, recorded on his social communication log.".into();
    }
    {
        let cl = strand_mut(&mut plan, crate::content::CL);
        cl.outcomes[0].text =
            "Callum will answer 4 out of 5 questions about a text he has read correctly.".into();
        cl.outcomes[0].steps.clear();
        cl.needs.push(Need {
            id: "B2a".into(),
            text: "Jordan finds it hard to organise his equipment and homework, and arrives without the right books for 3 lessons a week.".into(),
        });
        cl.outcomes.push(outcome(
            "E2a",
            "By the end of Year 11, Callum will bring the right books and equipment to 9 out of 10 lessons, checked daily on his planner.",
            &["B2a"],
        ));
        cl.provision.push(prov(
            "F9",
            "Individual coaching in using a planner and a packing checklist",
            "a learning mentor",
            "for 15 minutes at the end of every school day",
            &["E2a"],
            &["B2a"],
        ));
    }
    {
        let semh = strand_mut(&mut plan, crate::content::SEMH);
        semh.needs[0].text = "Callum's SEMH needs affect his learning. He experiences high levels of anxiety, particularly at the start of the school day and when moving between lessons. When anxious she leaves the classroom or refuses to start work.".into();
        semh.outcomes[0].text =
            "By the end of Year 11, Callum will feel more confident in lessons.".into();
        semh.outcomes[0].steps.clear();
        semh.outcomes.push(outcome(
            "E3a",
            "By the end of Year 11, Callum will receive weekly sessions with the school counsellor.",
            &["B3"],
        ));
        semh.provision.push(prov(
            "F10",
            "Individual counselling sessions on managing anxiety",
            "the school counsellor",
            "for 45 minutes once a week during term time",
            &["E3a"],
            &["B3"],
        ));
        semh.provision.push(prov(
            "F11",
            "Monitoring of Callum's attendance, with a meeting with Callum and his parents when attendance falls below 90%",
            "the EWO",
            "once every 4 weeks",
            &["E3"],
            &["B3"],
        ));
    }
    assign_ids(&mut plan);
    plan
}

/// The defect plans, by file.
pub fn plans() -> Vec<(&'static str, Plan)> {
    vec![
        (STRUCTURE, jade()),
        (THREAD, sam()),
        (PROVISION, isla()),
        (OUTCOMES, callum()),
    ]
}

/// The defect samples.
pub fn all() -> Vec<Sample> {
    vec![
        sample(STRUCTURE, layouts::heading_styles(&jade())),
        sample(THREAD, layouts::numbered_references(&sam())),
        sample(PROVISION, layouts::classic(&isla())),
        sample(OUTCOMES, layouts::heading_styles(&callum())),
    ]
}

/// The README table rows for the planted defects, one per manifest entry.
pub fn markdown_rows() -> Vec<String> {
    manifest()
        .iter()
        .map(|d| {
            let quote = if d.quote.is_empty() {
                "—".to_string()
            } else {
                format!("`{}`", d.quote.replace('|', "\\|"))
            };
            format!(
                "| `{}` | `{}` | {} | {} | {} |",
                d.rule, d.file, d.section, quote, d.note
            )
        })
        .collect()
}
