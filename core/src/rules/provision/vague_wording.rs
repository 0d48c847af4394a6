//! `provision/vague-wording`: provision hedges or leaves the amount to discretion.

use crate::analysis::hedges::{self, HedgeKind};
use crate::analysis::roles;
use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::provision::{
    delegated_decision, missing_parts, rewrite_pattern, unilateral_change,
};
use crate::rules::support::{
    at_item, at_paragraph, field_location, is_substantive, provision_fields, provision_row_text,
};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "provision/vague-wording",
    severity: Severity::Error,
    summary: "Provision hedges or leaves the amount to discretion (\"access to\", \"as appropriate\", \"regular\", \"up to N hours\", \"small group\", \"staff\" …).",
    rationale: "Provision in section F must be detailed and specific and should normally be quantified. Wording such as \"access to\", \"as appropriate\" or \"up to\" leaves the amount to someone's discretion, so the provision cannot be enforced: in L v Clarke and Somerset CC (1998) the court held that a statement must be so specific and clear as to leave no room for doubt about what has been decided is necessary. IPSEA advises challenging every such phrase.",
    reference: "SEND Code of Practice 9.69; L v Clarke and Somerset CC [1998] ELR 129",
    example: "Claire will have access to speech and language therapy as appropriate, in a small group.",
    fix: "Claire will have speech and language therapy from an HCPC-registered speech and language therapist, 30 minutes a week, individually, for the school year.",
};

#[derive(Debug)]
pub struct VagueWording;

fn explain(kind: HedgeKind, quote: &str) -> String {
    match kind {
        HedgeKind::Discretion => {
            format!("\"{quote}\" leaves the amount of provision to someone's judgement.")
        }
        HedgeKind::Access => format!(
            "\"{quote}\" promises availability, not provision: it does not say what the child will actually get."
        ),
        HedgeKind::Modal => format!("\"{quote}\" does not commit anyone to provide it."),
        HedgeKind::Frequency => format!("\"{quote}\" does not say how often."),
        HedgeKind::UpTo => format!(
            "\"{quote}\" sets a ceiling, not an amount: any amount from none upwards would meet it."
        ),
        HedgeKind::Example => {
            format!("\"{quote}\" gives examples instead of stating what will be provided.")
        }
        HedgeKind::GroupSize => {
            format!("\"{quote}\" does not say how many children are in the group.")
        }
        HedgeKind::Provider => {
            format!("\"{quote}\" does not say which role delivers the provision.")
        }
        HedgeKind::Offer => {
            format!("\"{quote}\" describes an offer or a benefit, not a commitment.")
        }
        HedgeKind::Equivalent => {
            format!("\"{quote}\" lets the provision be replaced by something else.")
        }
        HedgeKind::Other => format!("\"{quote}\" is vague: it leaves the provision open."),
    }
}

fn advice(kind: HedgeKind, quote: &str) -> String {
    match kind {
        HedgeKind::UpTo => format!(
            "Replace \"{quote}\" with the exact amount the child will receive (for example \"10 hours a week\")."
        ),
        HedgeKind::Example => format!(
            "Replace \"{quote}\" with the exact programme, resource or strategy, named in full."
        ),
        HedgeKind::GroupSize => {
            format!("Say the size of the group (for example \"{quote} of no more than 4 pupils\").")
        }
        HedgeKind::Provider => format!(
            "Replace \"{quote}\" with the role and level of expertise (for example \"a teaching assistant trained in Precision Teaching\")."
        ),
        HedgeKind::Frequency => {
            format!("Replace \"{quote}\" with how often (for example \"three times a week\").")
        }
        HedgeKind::Modal | HedgeKind::Offer => {
            format!("Replace \"{quote}\" with \"will\" and state what will be provided.")
        }
        _ => format!("Remove \"{quote}\" and state exactly what will be provided."),
    }
}

impl Rule for VagueWording {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        let lexicon = context.lexicon;
        for provision in &context.plan.provision {
            let item = &provision.item;
            if !is_substantive(item) {
                continue;
            }
            let full = provision_row_text(context, provision);
            let names_role = roles::names_provider(&full, lexicon);
            let found = hedges::find(&item.text, lexicon, names_role);
            let (taken, missing) = if found.is_empty() {
                (Vec::new(), Vec::new())
            } else {
                // Phrases the delegated-decision and unilateral-change rules report.
                let mut taken = delegated_decision::matches(&item.text);
                taken.extend(unilateral_change::matches(&item.text));
                (taken, missing_parts(&full, lexicon))
            };
            for hedge in found {
                let r = &hedge.span.range;
                if taken.iter().any(|t| t.start < r.end && r.start < t.end) {
                    continue;
                }
                let mut f = at_item(&DOC, context, item, Some(r.clone()));
                let quote = if f.quote.is_empty() {
                    hedge.span.text.clone()
                } else {
                    f.quote.clone()
                };
                f.message = explain(hedge.kind, &quote);
                f.help = advice(hedge.kind, &quote);
                let pattern = rewrite_pattern(&missing);
                if !pattern.is_empty() {
                    f.help
                        .push_str(&format!(" The item should say: {pattern}."));
                }
                findings.push(f);
            }
            // The table's other columns ("How often: As required").
            for (column, field) in provision_fields(provision) {
                let Some((paragraph, line)) = field_location(context, item, field) else {
                    continue;
                };
                let text = &context.document.paragraphs[paragraph].text;
                let line_text = &text[line.clone()];
                for hedge in hedges::find(line_text, lexicon, names_role) {
                    let range =
                        line.start + hedge.span.range.start..line.start + hedge.span.range.end;
                    let mut f = at_paragraph(&DOC, context, Some(item.section), paragraph, range);
                    f.item = Some(item.id.clone());
                    f.message = format!(
                        "In the \"{column}\" column: {}",
                        explain(hedge.kind, &f.quote)
                    );
                    f.help = advice(hedge.kind, &f.quote);
                    findings.push(f);
                }
            }
        }
    }
}
