//! `provision/provider-unspecified`: provision does not say who delivers it.

use crate::analysis::roles;
use crate::finding::{Finding, Severity};
use crate::review::CheckContext;
use crate::rules::provision::is_equipment;
use crate::rules::support::{at_item, describe, is_substantive, provision_row_text};
use crate::rules::{Rule, RuleDoc};

pub static DOC: RuleDoc = RuleDoc {
    id: "provision/provider-unspecified",
    severity: Severity::Warning,
    summary: "Provision does not say who delivers it (role, qualification).",
    rationale: "The Code of Practice asks plans to say who will deliver provision and with what level of expertise. \"Staff will support\" can mean a volunteer or a specialist teacher; the difference is often the whole point of the plan.",
    reference: "SEND Code of Practice 9.69",
    example: "Sam will have daily precision teaching for 10 minutes.",
    fix: "Sam will have daily precision teaching for 10 minutes, delivered individually by a teaching assistant trained by the educational psychologist.",
};

#[derive(Debug)]
pub struct ProviderUnspecified;

impl Rule for ProviderUnspecified {
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }

    fn check(&self, context: &CheckContext<'_>, findings: &mut Vec<Finding>) {
        for provision in &context.plan.provision {
            let item = &provision.item;
            if !is_substantive(item) {
                continue;
            }
            let full = provision_row_text(context, provision);
            if roles::names_provider(&full, context.lexicon) {
                continue;
            }
            let mut f = at_item(&DOC, context, item, None);
            f.message = format!(
                "Provision {} does not say who will deliver it.",
                describe(item)
            );
            f.help = "Name the role and level of expertise, for example \"a teaching assistant trained in Precision Teaching\", \"an HCPC-registered speech and language therapist\" or \"a qualified teacher of the deaf\".".into();
            if is_equipment(&full) {
                f.severity = Severity::Info;
                f.confidence = 0.5;
                f.help = "For equipment or an adaptation, say who makes sure it is available and used (for example \"the class teacher\"), and who sets it up or reviews it.".into();
            }
            findings.push(f);
        }
    }
}
