//! `thread/need-without-provision`: a need with no provision in its section
//! (B → F, C → G, D → H1/H2).

use crate::finding::{Finding, Severity};
use crate::plan::SectionId;
use crate::review::CheckContext;
use crate::rules::support::{
    at_item, describe, is_substantive, provision_section_names, provision_sections_for, shorten,
};
use crate::rules::thread::{Links, soften};
use crate::rules::{Rule, RuleDoc};
use crate::thread::Kind;

pub static DOC: RuleDoc = RuleDoc {
    id: "thread/need-without-provision",
    severity: Severity::Error,
    summary: "A need in B has no provision in F; in C none in G; in D none in H1/H2.",
    rationale: "Section F must specify provision for each and every need identified in section B (CoP 9.69); health needs in C lead to health provision in G, social care needs in D to H1/H2. A need with no provision is a need the plan does not meet, and it is the first thing a tribunal looks for.",
    reference: "SEND Code of Practice 9.69; Children and Families Act 2014 s.42",
    example: "B2: Claire has difficulty with fine motor skills, including pencil grip and using scissors. (Section F says nothing about fine motor skills.)",
    fix: "F5: Claire will have a fine motor programme designed by an occupational therapist, delivered individually by a teaching assistant trained by the OT, 3 times a week for 20 minutes (links to B2).",
};

#[derive(Debug)]
pub struct NeedWithoutProvision;

impl Rule for NeedWithoutProvision {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let links = Links::new(context);
        // With no provision read at all, only needs whose provision section
        // is there and visibly empty (a heading with nothing under it) are
        // reported: otherwise the provision may be in a layout not read.
        let no_provision = context.plan.provision.is_empty();
        let visibly_empty = |ids: &[SectionId]| {
            let found: Vec<_> = context
                .plan
                .sections
                .iter()
                .filter(|s| ids.contains(&s.id))
                .collect();
            !found.is_empty()
                && found.iter().all(|s| {
                    !s.none_statement
                        && s.paragraphs.iter().all(|&p| {
                            context
                                .document
                                .paragraphs
                                .get(p)
                                .is_none_or(|p| p.text.trim().is_empty())
                        })
                })
        };
        for need in &context.plan.needs {
            let item = &need.item;
            if !is_substantive(item) {
                continue;
            }
            let sections = provision_sections_for(item.section);
            if no_provision && !visibly_empty(sections) {
                continue;
            }
            // Provision linked to the need, or to one of its outcomes.
            let mut provision = links.linked_of(&item.id, Kind::Provision, None);
            // Provision the plan itself ties to the need or its outcomes.
            let stated = |a: &str, b: &str| {
                context
                    .thread
                    .link_between(a, b)
                    .is_some_and(|l| l.evidence != crate::plan::LinkEvidence::Inferred)
            };
            let mut stated_provision: Vec<&crate::plan::Item> = provision
                .iter()
                .copied()
                .filter(|p| stated(&item.id, &p.id))
                .collect();
            for outcome in links.linked_of(&item.id, Kind::Outcome, None) {
                let more = links.linked_of(&outcome.id, Kind::Provision, None);
                if stated(&item.id, &outcome.id) {
                    stated_provision
                        .extend(more.iter().copied().filter(|p| stated(&outcome.id, &p.id)));
                }
                provision.extend(more);
            }
            if provision.iter().any(|p| sections.contains(&p.section)) {
                continue;
            }
            let mut f = at_item(&DOC, context, item, None);
            f.message = format!(
                "Need {} has no provision in {}.",
                describe(item),
                provision_section_names(item.section)
            );
            f.help = format!(
                "Add provision to {} that meets \"{}\": what will be done, by whom, how often, for how long and in what group, and link it to {}.",
                provision_section_names(item.section),
                shorten(&item.text, 80),
                item.id
            );
            // Met in another section counts as unsure, unless the section
            // that should meet it is there and empty.
            // Met in another section, as the plan says (not only as its
            // words suggest): unsure, maybe misfiled rather than missing.
            if let Some(other) = stated_provision
                .first()
                .filter(|_| !visibly_empty(sections))
            {
                // Met in another section (speech therapy in F for a health need).
                f.severity = Severity::Info;
                f.confidence = 0.6;
                f.message.push_str(&format!(
                    " It is met by {} in section {} instead.",
                    other.id, other.section
                ));
                f.help = format!(
                    "Check whether {} should also appear in {}, or whether this need belongs in section {}.",
                    other.id,
                    provision_section_names(item.section),
                    match other.section {
                        SectionId::F => "B",
                        SectionId::G => "C",
                        _ => "D",
                    }
                );
            } else if !visibly_empty(sections) {
                // A weak look-alike only makes the finding unsure when the
                // section that should meet the need has something in it.
                // Only provision of the sections that meet this need (F for
                // B) can be the one meant: a health programme that looks a
                // little like a learning need does not make it unsure.
                let candidate = context
                    .thread
                    .weakly_linked(&item.id)
                    .filter_map(|(other, link)| Some((context.plan.item(other)?, link)))
                    .find(|(other, _)| sections.contains(&other.section));
                soften(&mut f, candidate, "provision item");
            }
            findings.push(f);
        }
    }
}
