//! A bank of needs, outcomes and provision, written the way a careful SEND
//! caseworker writes them: every need has an outcome and provision; every
//! outcome is time-bound and measurable; every provision item says what,
//! who, how often and for how long, and in what group size. Acronyms are
//! spelled out where they are used.
//!
//! Texts are templates: `{Name}` is the child's (preferred) first name,
//! `{he}`/`{He}`/`{him}`/`{his}`/`{His}`/`{himself}` the pronouns, `{t1}` the
//! long-term time frame ("the end of Year 8"), `{ts}` the short-term one
//! ("the end of the summer term 2026"), `{t2}` the end of the next key stage
//! or phase.

use crate::plan::{Kind, Need, Outcome, Pron, Provision, Strand};

pub const CI: &str = "Communication and interaction";
pub const CL: &str = "Cognition and learning";
pub const SEMH: &str = "Social, emotional and mental health";
pub const SP: &str = "Sensory and/or physical";
pub const HEALTH: &str = "Health";
pub const SOCIAL: &str = "Social care";
pub const PFA: &str = "Preparing for adulthood";

/// One provision item of a package: what, who, how often, H1/H2.
#[derive(Debug, Clone, Copy)]
pub struct ProvT {
    pub what: &'static str,
    pub who: &'static str,
    pub freq: &'static str,
    pub h: Option<&'static str>,
}

const fn prov(what: &'static str, who: &'static str, freq: &'static str) -> ProvT {
    ProvT {
        what,
        who,
        freq,
        h: None,
    }
}

const fn prov_h(
    h: &'static str,
    what: &'static str,
    who: &'static str,
    freq: &'static str,
) -> ProvT {
    ProvT {
        what,
        who,
        freq,
        h: Some(h),
    }
}

/// One need with its outcome and provision.
#[derive(Debug, Clone, Copy)]
pub struct Package {
    pub key: &'static str,
    pub area: &'static str,
    pub kind: Kind,
    pub strengths: &'static str,
    pub need: &'static str,
    pub outcome: &'static str,
    pub steps: &'static [&'static str],
    pub provision: &'static [ProvT],
    /// The aspiration this package answers, in the third person.
    pub aspiration: &'static str,
    /// Preparing-for-adulthood area of the outcome.
    pub pfa: Option<&'static str>,
    /// Only for Year 9 and above.
    pub older: bool,
}

/// Template values for one child.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub name: String,
    pub pron: Pron,
    pub t1: String,
    pub ts: String,
    pub t2: String,
}

impl Ctx {
    pub fn new(name: &str, pron: Pron, year: u32, plan_year: u32) -> Self {
        let t2 = match year {
            0..=2 => "the end of Key Stage 1".to_string(),
            3..=6 => "the end of Key Stage 2".to_string(),
            7..=9 => "the end of Key Stage 3".to_string(),
            10..=11 => "the end of Year 11".to_string(),
            _ => format!("the end of Year {}", year + 1),
        };
        Ctx {
            name: name.to_string(),
            pron,
            t1: format!("the end of Year {}", year + 1),
            ts: format!("the end of the summer term {plan_year}"),
            t2,
        }
    }

    /// Fills a template.
    pub fn fill(&self, t: &str) -> String {
        let he = self.pron.he();
        t.replace("{Name}", &self.name)
            .replace("{He}", &crate::plan::upper_first(he))
            .replace("{His}", &crate::plan::upper_first(self.pron.his()))
            .replace("{he}", he)
            .replace("{him}", self.pron.him())
            .replace("{his}", self.pron.his())
            .replace("{himself}", self.pron.himself())
            .replace("{t1}", &self.t1)
            .replace("{ts}", &self.ts)
            .replace("{t2}", &self.t2)
    }
}

/// Builds strands from packages, grouping packages of one area into one
/// strand (in the order areas first appear). Ids are local ("n1", "o1")
/// until [`crate::plan::assign_ids`] numbers them.
pub fn strands(ctx: &Ctx, packages: &[&Package]) -> Vec<Strand> {
    let mut out: Vec<Strand> = Vec::new();
    for (i, p) in packages.iter().enumerate() {
        let pos = match out
            .iter()
            .position(|s| s.area == p.area && s.kind == p.kind)
        {
            Some(pos) => pos,
            None => {
                out.push(Strand {
                    area: p.area.to_string(),
                    kind: p.kind,
                    strengths: ctx.fill(p.strengths),
                    needs: Vec::new(),
                    outcomes: Vec::new(),
                    provision: Vec::new(),
                });
                out.len() - 1
            }
        };
        let strand = &mut out[pos];
        let nid = format!("n{i}");
        let oid = format!("o{i}");
        strand.needs.push(Need {
            id: nid.clone(),
            text: ctx.fill(p.need),
        });
        strand.outcomes.push(Outcome {
            id: oid.clone(),
            text: ctx.fill(p.outcome),
            steps: p.steps.iter().map(|s| ctx.fill(s)).collect(),
            pfa: p.pfa.map(str::to_string),
            needs: vec![nid.clone()],
        });
        for t in p.provision {
            strand.provision.push(Provision {
                id: String::new(),
                what: ctx.fill(t.what),
                who: ctx.fill(t.who),
                freq: ctx.fill(t.freq),
                h: t.h,
                outcomes: vec![oid.clone()],
                needs: vec![nid.clone()],
                verbatim: None,
                style: 0,
            });
        }
    }
    out
}

pub fn find(key: &str) -> &'static Package {
    ALL.iter()
        .find(|p| p.key == key)
        .unwrap_or_else(|| panic!("no content package {key}"))
}

pub static ALL: &[Package] = &[
    // ---------------------------------------------------------------- C&I
    Package {
        key: "ci-understanding",
        area: CI,
        kind: Kind::Education,
        strengths: "{Name} is a friendly, chatty pupil who enjoys talking about {his} interests with familiar adults. {He} uses gesture and pictures well to get {his} message across.",
        need: "{Name} has difficulty understanding spoken language. {He} follows single-step instructions but loses track of instructions with two or more parts, and {his} understanding of topic vocabulary is well below that expected for {his} age.",
        outcome: "By {t1}, {Name} will follow two-step spoken instructions in class without them being repeated, and join in class discussions by answering at least one question, in 4 out of 5 observed lessons.",
        steps: &[
            "By {ts}, {Name} will follow two-step instructions in a quiet room in 4 out of 5 attempts, recorded by {his} speech and language therapist.",
            "By {ts}, {Name} will use a word map to explain 5 new topic words each half term, checked by {his} class teacher.",
        ],
        provision: &[
            prov(
                "Individual speech and language therapy to develop understanding of spoken instructions and topic vocabulary",
                "a speech and language therapist (SaLT) from the integrated therapy team",
                "for 45 minutes once every 2 weeks during term time",
            ),
            prov(
                "A daily language programme, written by the speech and language therapist, teaching 5 topic words a week with visual word maps, taught individually",
                "a teaching assistant trained by the speech and language therapist",
                "for 15 minutes every school day",
            ),
        ],
        aspiration: "{Name} wants to understand what {his} teachers say in lessons so that {he} can join in with class discussions.",
        pfa: None,
        older: false,
    },
    Package {
        key: "ci-social",
        area: CI,
        kind: Kind::Education,
        strengths: "{Name} has a detailed knowledge of trains and timetables and enjoys sharing it. {He} is honest and kind and likes clear routines.",
        need: "{Name} has a diagnosis of autism. {He} finds it hard to start and keep up conversations with other pupils, to take turns in group work and to understand how others are feeling.",
        outcome: "By {t1}, {Name} will start a conversation with a classmate and keep it going for 4 turns during 3 unstructured times each week, recorded on {his} social communication log.",
        steps: &[
            "By {ts}, {Name} will take 4 turns in a structured game with one other pupil in 4 out of 5 sessions.",
        ],
        provision: &[
            prov(
                "A social communication group working on starting conversations, turn-taking and reading facial expressions, in a group of 4 pupils",
                "a teaching assistant trained by the specialist teacher for autism",
                "for 30 minutes twice a week during term time",
            ),
            prov(
                "Advice to {Name}'s teachers and review of the social communication group, with a written report each term",
                "the specialist teacher for autism from the local authority's advisory service",
                "in 3 visits of 2 hours a year, one each term",
            ),
        ],
        aspiration: "{Name} wants to make friends and have conversations with other children in {his} class.",
        pfa: None,
        older: false,
    },
    Package {
        key: "ci-speech",
        area: CI,
        kind: Kind::Education,
        strengths: "{Name} understands what is said to {him} and is keen to talk. {He} is a patient listener.",
        need: "{Name}'s speech is difficult for unfamiliar listeners to understand. {He} replaces the sounds 'k' and 'g' with 't' and 'd' and leaves off the ends of words.",
        outcome: "By {t1}, {Name} will say words containing 'k' and 'g' correctly in sentences in 8 out of 10 attempts, so that {his} speech is understood by unfamiliar adults, measured by {his} speech and language therapist.",
        steps: &[
            "By {ts}, {Name} will say 'k' and 'g' correctly at the start of single words in 8 out of 10 attempts.",
        ],
        provision: &[
            prov(
                "Individual speech sound therapy targeting the sounds 'k' and 'g' and final consonants",
                "a speech and language therapist (SaLT)",
                "for 30 minutes once a week during term time",
            ),
            prov(
                "Practice of the speech sound targets set by the speech and language therapist, taught individually",
                "a teaching assistant trained by the speech and language therapist",
                "for 10 minutes every school day",
            ),
        ],
        aspiration: "{Name} wants people outside {his} family to understand {his} speech.",
        pfa: None,
        older: false,
    },
    // ---------------------------------------------------------------- C&L
    Package {
        key: "cl-reading",
        area: CL,
        kind: Kind::Education,
        strengths: "{Name} listens well to stories and remembers the plot and characters. {He} has a good general knowledge and enjoys science.",
        need: "{Name}'s reading is about two years below the level expected for {his} age. {He} knows single letter sounds but cannot yet blend sounds in longer words, and reads aloud at 40 words per minute with 85% accuracy.",
        outcome: "By {t1}, {Name} will read a book matched to {his} phonics level aloud at 70 words per minute with 95% accuracy, and read a football magazine article on {his} own.",
        steps: &[
            "By {ts}, {Name} will blend sounds to read 20 unfamiliar two-syllable words with 90% accuracy.",
        ],
        provision: &[
            prov(
                "A structured synthetic phonics programme to teach blending and reading fluency, taught individually",
                "a teaching assistant trained in the programme and supervised by the Special Educational Needs Coordinator (SENCo)",
                "for 20 minutes every school day",
            ),
            prov(
                "Assessment of reading accuracy and speed, with the results used to set {Name}'s next reading targets",
                "the Special Educational Needs Coordinator (SENCo)",
                "once each half term for 30 minutes",
            ),
        ],
        aspiration: "{Name} wants to read football magazines on {his} own.",
        pfa: None,
        older: false,
    },
    Package {
        key: "cl-maths",
        area: CL,
        kind: Kind::Education,
        strengths: "{Name} enjoys practical maths in cooking, measuring and weighing ingredients, and tries hard when a task is broken into short steps.",
        need: "{Name} has difficulty with number. {He} counts on in ones to add, cannot yet recall number bonds to 10 and does not understand place value beyond 20.",
        outcome: "By {t1}, {Name} will recall all number bonds to 10 and add two 2-digit numbers with a written method, getting 8 out of 10 answers right in a termly maths check by {his} class teacher.",
        steps: &[
            "By {ts}, {Name} will recall number bonds to 10 within 3 seconds for 8 out of 10 pairs.",
        ],
        provision: &[prov(
            "A precision teaching programme for number bonds and place value using practical equipment, taught individually",
            "a teaching assistant trained in precision teaching",
            "for 15 minutes four times a week",
        )],
        aspiration: "{Name} wants to get better at maths and adding up so that {he} can handle money when {he} goes shopping.",
        pfa: None,
        older: false,
    },
    Package {
        key: "cl-writing",
        area: CL,
        kind: Kind::Education,
        strengths: "{Name} has lots of ideas and tells imaginative stories aloud.",
        need: "{Name} has weak working memory. {He} forgets the sentence {he} has planned before {he} has written it down, and writes about 3 sentences in a 20-minute writing task.",
        outcome: "By {t1}, {Name} will write a story paragraph of 6 sentences in 20 minutes using a writing frame, in 3 out of 4 assessed pieces of writing.",
        steps: &[
            "By {ts}, {Name} will plan 4 sentences with a writing frame and write them down in 15 minutes.",
        ],
        provision: &[
            prov(
                "Teaching of sentence planning with writing frames and speech-to-text software, in a group of 4 pupils",
                "a specialist teacher for specific learning difficulties",
                "for 45 minutes once a week during term time",
            ),
            prov(
                "A laptop with speech-to-text software for all extended writing tasks, set up and checked",
                "the school's information technology technician",
                "at the start of each term, with the laptop used in every lesson with extended writing",
            ),
        ],
        aspiration: "{Name} wants to write down {his} stories so that others can read them.",
        pfa: None,
        older: false,
    },
    // ---------------------------------------------------------------- SEMH
    Package {
        key: "semh-anxiety",
        area: SEMH,
        kind: Kind::Education,
        strengths: "{Name} is caring towards younger pupils and enjoys art, where {he} concentrates for long periods.",
        need: "{Name} experiences high levels of anxiety, particularly at the start of the school day and when moving between lessons. When anxious {he} leaves the classroom or refuses to start work.",
        outcome: "By {t1}, {Name} will use {his} calm plan to name {his} feelings and return to learning within 10 minutes on 4 out of 5 occasions, recorded on {his} daily log.",
        steps: &[
            "By {ts}, {Name} will name {his} feeling using a feelings scale when asked, on 4 out of 5 occasions.",
        ],
        provision: &[
            prov(
                "Individual emotional literacy sessions on naming feelings and using calming strategies",
                "an Emotional Literacy Support Assistant (ELSA) supervised by the educational psychologist",
                "for 30 minutes once a week during term time",
            ),
            prov(
                "A check-in at the start of each school day to go through {Name}'s timetable and calm plan, individually",
                "the pastoral lead",
                "for 10 minutes every school day",
            ),
        ],
        aspiration: "{Name} wants to feel calm and happy at school.",
        pfa: None,
        older: false,
    },
    Package {
        key: "semh-regulation",
        area: SEMH,
        kind: Kind::Education,
        strengths: "{Name} is energetic and sporty and responds well to praise.",
        need: "{Name} finds it hard to manage frustration. When a task is difficult {he} shouts or pushes other pupils, about 3 times a week.",
        outcome: "By {t1}, {Name} will stay calm when {he} is frustrated by asking for help or using a break card, so that incidents fall to 1 a fortnight or fewer, measured by the school's behaviour log.",
        steps: &[
            "By {ts}, {Name} will identify 3 early signs of frustration in {himself} and a strategy for each.",
        ],
        provision: &[
            prov(
                "Individual sessions on recognising and managing frustration using a structured emotional regulation programme",
                "a learning mentor trained in the programme",
                "for 30 minutes twice a week during term time",
            ),
            prov(
                "A written behaviour support plan, shared with every adult who teaches {Name}, reviewed with {Name} and {his} parents",
                "the Special Educational Needs Coordinator (SENCo)",
                "once each term in a 45-minute meeting",
            ),
        ],
        aspiration: "{Name} wants to stay calm when work is hard, so that {he} can stay in class with {his} friends.",
        pfa: None,
        older: false,
    },
    Package {
        key: "semh-friendship",
        area: SEMH,
        kind: Kind::Education,
        strengths: "{Name} is thoughtful and has a good sense of humour with adults {he} knows well.",
        need: "{Name} has low self-esteem and few friendships. {He} spends most break times alone and says that other pupils do not like {him}.",
        outcome: "By {t1}, {Name} will spend at least 3 break times a week playing with a group of peers, and rate {his} confidence at 7 out of 10 or higher on {his} termly self-esteem scale.",
        steps: &[
            "By {ts}, {Name} will join a lunchtime club with other pupils on 2 days each week.",
        ],
        provision: &[prov(
            "A friendship and self-esteem group, in a group of 6 pupils",
            "the school counsellor",
            "for 40 minutes once a week for 2 terms each year",
        )],
        aspiration: "{Name} wants to have friends to spend break times with.",
        pfa: None,
        older: false,
    },
    // ---------------------------------------------------------------- S&P
    Package {
        key: "sp-finemotor",
        area: SP,
        kind: Kind::Education,
        strengths: "{Name} is determined and keeps trying when a physical task is hard.",
        need: "{Name} has weak fine motor skills and low muscle tone in {his} hands. {His} handwriting is slow, at 8 words per minute, and {he} tires after 10 minutes of writing.",
        outcome: "By {t1}, {Name} will write legibly at 15 words per minute for 15 minutes, or type at 20 words per minute, so that {he} keeps up with the class, measured each term by the occupational therapist.",
        steps: &["By {ts}, {Name} will touch-type at 12 words per minute on a typing programme."],
        provision: &[
            prov(
                "An individual fine motor and handwriting programme written by the occupational therapist, including daily touch-typing practice",
                "a teaching assistant trained by the occupational therapist (OT)",
                "for 15 minutes every school day",
            ),
            prov(
                "Review of the fine motor programme and training for the teaching assistant",
                "a paediatric occupational therapist (OT)",
                "in a 1-hour visit once each half term",
            ),
        ],
        aspiration: "{Name} wants to write and type quickly enough to keep up with the class.",
        pfa: None,
        older: false,
    },
    Package {
        key: "sp-hearing",
        area: SP,
        kind: Kind::Education,
        strengths: "{Name} is an observant pupil who uses lip-reading and visual clues well.",
        need: "{Name} has a moderate hearing loss in both ears and wears two hearing aids. {He} misses spoken information in noisy rooms and when the speaker is not facing {him}.",
        outcome: "By {t1}, {Name} will check {his} hearing aids independently every morning and ask for repetition when {he} has missed information, in 4 out of 5 observed lessons.",
        steps: &[
            "By {ts}, {Name} will tell an adult when a hearing aid is not working on every occasion.",
        ],
        provision: &[
            prov(
                "Individual teaching of hearing aid management and self-advocacy skills",
                "a qualified teacher of the deaf",
                "for 1 hour once every half term",
            ),
            prov(
                "A radio aid worn by {Name} and used by the teacher in every lesson, with the equipment checked at the start of the day",
                "a teaching assistant trained by the teacher of the deaf",
                "for 5 minutes every school day",
            ),
        ],
        aspiration: "{Name} wants to hear {his} friends and teachers clearly in class, with {his} hearing aids working.",
        pfa: None,
        older: false,
    },
    Package {
        key: "sp-mobility",
        area: SP,
        kind: Kind::Education,
        strengths: "{Name} is cheerful and sociable, and enjoys swimming.",
        need: "{Name} has cerebral palsy affecting {his} legs. {He} walks with a walking frame, tires over distances longer than 50 metres and cannot yet manage stairs safely.",
        outcome: "By {t1}, {Name} will walk from {his} classroom to the dining hall, about 60 metres, with {his} frame and without stopping, on 4 out of 5 days.",
        steps: &[
            "By {ts}, {Name} will walk 40 metres with {his} frame without stopping on 4 out of 5 days.",
        ],
        provision: &[
            prov(
                "A physiotherapy exercise programme written by the physiotherapist, carried out individually",
                "a teaching assistant trained by the physiotherapist",
                "for 20 minutes every school day",
            ),
            prov(
                "Review of the exercise programme and of {Name}'s mobility equipment",
                "a paediatric physiotherapist",
                "in a 1-hour visit once each half term",
            ),
        ],
        aspiration: "{Name} wants to walk around school on {his} own like {his} friends.",
        pfa: None,
        older: false,
    },
    // ---------------------------------------------------------------- Health (C/G)
    Package {
        key: "health-epilepsy",
        area: HEALTH,
        kind: Kind::Health,
        strengths: "{Name} takes {his} medication reliably with a reminder from {his} parents.",
        need: "{Name} has epilepsy, treated with daily medication. {He} has had 2 seizures in the last year, and is tired for the rest of the day after a seizure.",
        outcome: "By {t1}, {Name} will tell an adult when {he} feels the warning signs of a seizure and move to a safe place, so that {he} stays safe at school and on school trips, on every occasion, recorded in {his} seizure log.",
        steps: &[
            "By {ts}, {Name} will describe {his} warning signs and {his} safety plan to {his} teaching assistant.",
        ],
        provision: &[
            prov(
                "An individual healthcare plan for epilepsy, written and updated with {Name}'s parents and the school",
                "the epilepsy specialist nurse from the children's community nursing team",
                "once every 12 months and after any change in medication",
            ),
            prov(
                "Training in emergency seizure medication for 2 named members of the school's support team",
                "the epilepsy specialist nurse",
                "in a 2-hour session each September",
            ),
        ],
        aspiration: "{Name} wants to stay safe at school and go on school trips with {his} class.",
        pfa: None,
        older: false,
    },
    Package {
        key: "health-sleep",
        area: HEALTH,
        kind: Kind::Health,
        strengths: "{Name} follows a visual bedtime routine with {his} parents.",
        need: "{Name} has difficulty getting to sleep and wakes 2 to 3 times a night, which leaves {him} tired and unsettled in the morning.",
        outcome: "By {t1}, {Name} will fall asleep within 30 minutes of going to bed on 5 nights out of 7, recorded in a sleep diary kept by {his} parents.",
        steps: &["By {ts}, {Name} will follow {his} visual bedtime routine on 5 nights out of 7."],
        provision: &[prov(
            "A sleep programme with {Name}'s parents, with 3 home visits of 1 hour and 3 follow-up telephone calls of 20 minutes",
            "a sleep practitioner from the community paediatric team",
            "over 6 months from the date of this plan",
        )],
        aspiration: "{Name}'s parents want {him} to sleep well so that {he} is ready to learn each morning.",
        pfa: None,
        older: false,
    },
    Package {
        key: "health-mental",
        area: HEALTH,
        kind: Kind::Health,
        strengths: "{Name} talks openly about {his} worries with adults {he} trusts.",
        need: "{Name} has been diagnosed with generalised anxiety disorder by Child and Adolescent Mental Health Services (CAMHS). {His} anxiety affects {his} sleep and {his} attendance, which was 82% last term.",
        outcome: "By {t1}, {Name} will use 2 techniques from cognitive behavioural therapy to manage {his} worries, and {his} attendance will be 95% or higher over the school year.",
        steps: &[
            "By {ts}, {Name} will keep a worry diary on 4 days each week and bring it to therapy sessions.",
        ],
        provision: &[prov(
            "Individual cognitive behavioural therapy for anxiety",
            "a clinical psychologist from Child and Adolescent Mental Health Services (CAMHS)",
            "in 12 weekly sessions of 50 minutes",
        )],
        aspiration: "{Name} wants to go to school every day without feeling worried.",
        pfa: None,
        older: false,
    },
    Package {
        key: "health-eating",
        area: HEALTH,
        kind: Kind::Health,
        strengths: "{Name} will try new foods when they are presented one at a time.",
        need: "{Name} has a restricted diet: {he} eats only 8 foods because of sensory sensitivity to texture, and {his} weight is monitored by {his} paediatrician.",
        outcome: "By {t1}, {Name} will eat 4 new foods at school lunch each week, recorded on {his} food chart.",
        steps: &["By {ts}, {Name} will touch and smell 2 new foods each week at snack time."],
        provision: &[prov(
            "A feeding programme to help {Name} eat new foods despite {his} sensory food aversion, with a written plan for home and school",
            "a specialist dietitian from the community paediatric team",
            "in 6 appointments of 45 minutes, one every 4 weeks",
        )],
        aspiration: "{Name} wants to eat lunch in the dining hall with {his} friends.",
        pfa: None,
        older: false,
    },
    // ---------------------------------------------------------------- Social care (D/H)
    Package {
        key: "social-practical",
        area: SOCIAL,
        kind: Kind::Social,
        strengths: "{Name} helps at home with laying the table and enjoys baking with {his} grandmother.",
        need: "{Name} needs to develop practical skills for everyday life: cooking, budgeting and using public transport.",
        outcome: "By {t1}, {Name} will prepare a simple meal on {his} own at least twice a week and travel safely and independently by public transport to a weekly community activity outside school.",
        steps: &[
            "By {ts}, {Name} will make a sandwich and a hot drink on {his} own, and pay {his} bus fare on public transport with the right money.",
        ],
        provision: &[
            prov_h(
                "H2",
                "A cooking and budgeting session in the community, in a group of 3 young people",
                "a local authority social worker from the children with disabilities team",
                "for 2 hours once a week",
            ),
            prov_h(
                "H1",
                "Individual travel training on the bus route from home to {Name}'s weekly community activity",
                "a dedicated travel trainer from the local authority's independent travel team",
                "for 1 hour twice a week for 12 weeks",
            ),
        ],
        aspiration: "By the end of Year 7, {Name} wants a support network outside school that helps {him} live more independently.",
        pfa: None,
        older: false,
    },
    Package {
        key: "social-shortbreaks",
        area: SOCIAL,
        kind: Kind::Social,
        strengths: "{Name} has a loving family who know {him} well.",
        need: "{Name} needs a supervised weekend club where {he} can spend time with other young people, because {his} learning disability means {he} needs high levels of supervision at all times and has few chances to meet other young people outside school.",
        outcome: "By {t1}, {Name} will take part in a weekend club with other young people for 5 hours every fortnight, joining in with at least 2 activities each visit, recorded by the club leader.",
        steps: &[
            "By {ts}, {Name} will attend the club for 3 hours on 4 visits and stay for the whole session.",
        ],
        provision: &[
            prov_h(
                "H1",
                "A place at a Saturday short-breaks club for disabled young people, with 1 support worker for every 2 young people",
                "the local authority's short-breaks service",
                "for 5 hours every other Saturday",
            ),
            prov_h(
                "H2",
                "A carer's assessment for {Name}'s parents, with a written support plan",
                "a social worker from the children with disabilities team",
                "within 8 weeks of the date of this plan, then once every 12 months",
            ),
        ],
        aspiration: "{Name} wants to go to a club at the weekend and meet other young people.",
        pfa: None,
        older: false,
    },
    Package {
        key: "social-personalcare",
        area: SOCIAL,
        kind: Kind::Social,
        strengths: "{Name} tells adults clearly what help {he} wants.",
        need: "{Name} needs help with washing and dressing each morning because of {his} physical disability.",
        outcome: "By {t1}, {Name} will get dressed for school on {his} own, putting on {his} top and shoes, every school morning, recorded on a weekly chart by {his} personal assistant.",
        steps: &[
            "By {ts}, {Name} will get dressed with help only for buttons and laces on 3 mornings out of 5.",
        ],
        provision: &[prov_h(
            "H1",
            "Practical assistance with washing and getting dressed at home each morning, teaching {Name} to dress {himself}",
            "a personal assistant from a home care agency commissioned by the local authority",
            "for 1 hour every weekday morning",
        )],
        aspiration: "{Name} wants to get dressed and ready for school on {his} own.",
        pfa: None,
        older: false,
    },
    // ---------------------------------------------------------------- Preparing for adulthood (Year 9+)
    Package {
        key: "pfa-employment",
        area: CL,
        kind: Kind::Education,
        strengths: "{Name} is reliable and punctual and enjoys working with animals.",
        need: "{Name} needs to develop the skills for work: following a sequence of written instructions, keeping to time and asking for help when {he} is unsure.",
        outcome: "By {t2}, {Name} will complete a 2-week work experience placement working with animals in a kennels or veterinary practice, arriving on time every day and following the written task list without prompting, confirmed by the placement supervisor.",
        steps: &[
            "By {ts}, {Name} will follow a written 5-step task list in the school's animal care unit without prompting on 4 out of 5 occasions.",
        ],
        provision: &[
            prov(
                "A work-related learning programme in the school's animal care unit, in a group of 5 students",
                "the vocational learning teacher",
                "for 2 hours once a week during term time",
            ),
            prov(
                "Individual careers guidance leading to a written career plan",
                "a qualified careers adviser",
                "in 3 sessions of 45 minutes a year, one each term",
            ),
        ],
        aspiration: "{Name} wants to work with animals when {he} leaves school, in a kennels or a veterinary practice.",
        pfa: Some("Employment"),
        older: true,
    },
    Package {
        key: "pfa-independence",
        area: SEMH,
        kind: Kind::Education,
        strengths: "{Name} keeps {his} room tidy and remembers {his} own timetable.",
        need: "{Name} needs to learn to manage money and travel on {his} own. {He} has not yet used public transport without an adult and cannot yet work out change.",
        outcome: "By {t2}, {Name} will travel on {his} own by bus from home to college and back, and shop for items costing less than £10, checking {his} change, on 4 out of 5 occasions.",
        steps: &[
            "By {ts}, {Name} will plan a bus journey with a timetable app and make it with an adult following at a distance.",
        ],
        provision: &[
            prov(
                "Individual independent travel training on the route from home to school",
                "a travel trainer from the local authority's independent travel team",
                "for 1 hour three times a week for 10 weeks",
            ),
            prov(
                "Teaching of money skills using real purchases in the community, in a group of 3 students",
                "a teaching assistant trained in the life skills curriculum",
                "for 1 hour once a week during term time",
            ),
        ],
        aspiration: "{Name} wants to travel and shop on {his} own, and one day live in {his} own flat.",
        pfa: Some("Independent living"),
        older: true,
    },
    Package {
        key: "pfa-community",
        area: SEMH,
        kind: Kind::Education,
        strengths: "{Name} is loyal to the friends {he} has and enjoys music.",
        need: "{Name} finds it hard to make and keep friendships outside school and does not take part in any community activities.",
        outcome: "By {t2}, {Name} will attend a community youth music group every week for a term and name 2 friends there, recorded by the group leader.",
        steps: &["By {ts}, {Name} will visit the youth music group twice with a familiar adult."],
        provision: &[prov(
            "Individual mentoring to plan and practise joining a community activity",
            "the school's youth worker",
            "for 45 minutes once a week for 1 term",
        )],
        aspiration: "{Name} wants to play guitar in a band with friends.",
        pfa: Some("Friends, relationships and community"),
        older: true,
    },
    Package {
        key: "pfa-health",
        area: SP,
        kind: Kind::Education,
        strengths: "{Name} knows the names of {his} medicines and when they are taken.",
        need: "{Name} relies on adults to manage {his} health: {he} does not yet book appointments, order repeat prescriptions or explain {his} condition to a doctor.",
        outcome: "By {t2}, {Name} will look after {his} own health by ordering {his} repeat prescription and explaining {his} condition and medication to a doctor at an appointment, with {his} parent present but not speaking.",
        steps: &[
            "By {ts}, {Name} will explain {his} medication and its times to {his} tutor using {his} health passport.",
        ],
        provision: &[prov(
            "Individual teaching of self-care and managing health appointments, using a health passport",
            "the school nurse",
            "for 30 minutes once every 2 weeks during term time",
        )],
        aspiration: "{Name} wants to look after {his} own health when {he} is an adult.",
        pfa: Some("Good health"),
        older: true,
    },
];
