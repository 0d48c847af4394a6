//! Who delivers: the roles and qualifications named in provision.

use std::sync::LazyLock;

use crate::re::{Regex, RegexBuilder};

use super::{Lexicon, Span};

/// Roles written as abbreviations, matched exactly as written.
pub const ROLE_ABBREVIATIONS: &[&str] = &[
    "TA",
    "LSA",
    "HLTA",
    "SSA",
    "SNA",
    "SaLT",
    "SALT",
    "SLT",
    "OT",
    "EP",
    "ELSA",
    "QTOD",
    "QTVI",
    "ToD",
    "CSW",
    "PA",
    "SENCo",
    "SENCO",
    "SENDCo",
    "SENDCO",
    "CAMHS",
    "SEMH practitioner",
];

/// A role noun the vocabulary does not list but which plainly names a
/// professional ("the dyslexia specialist", "a trained play leader").
static GENERIC_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r"\b(?:specialist|therapist|teacher|assistant|practitioner|psychologist|nurse|worker|coach|instructor|consultant|clinician|counsellor|advis[eo]r|officer|coordinator|co-ordinator|leader|manager|tutor|mentor|interpreter|trainer|technician|supervisor|headteacher|head\s+teacher|team|service|agency|clinic)s?\b",
    )
    .case_insensitive(true)
    .build()
    .expect("role regex")
});

/// Every role named in `text`: the lexicon's roles first, then generic role
/// nouns ("specialist", "-therapist", "coordinator").
pub fn providers(text: &str, lexicon: &Lexicon) -> Vec<Span> {
    let mut found = lexicon.roles_in(text);
    for m in GENERIC_ROLE.find_iter(text) {
        if !found
            .iter()
            .any(|s| s.range.start <= m.start() && m.end() <= s.range.end)
        {
            found.push(Span::new(text, m.range()));
        }
    }
    found.sort_by_key(|s| s.range.start);
    found
}

/// True when `text` names who delivers.
pub fn names_provider(text: &str, lexicon: &Lexicon) -> bool {
    // A generic role word inside a named role is only dropped from
    // `providers` when that role is there: either one means a provider.
    lexicon.names_role(text) || GENERIC_ROLE.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers_in_words_and_abbreviations() {
        let lexicon = Lexicon::default();
        for text in [
            "weekly sessions with an HCPC-registered speech and language therapist",
            "delivered by a TA",
            "the SENCo will oversee",
            "an ELSA will meet Claire",
            "a specialist teacher for autism",
            "the dyslexia specialist",
            "a job coach",
            "delivered by the SNA",
        ] {
            assert!(names_provider(text, &lexicon), "{text}");
        }
        for text in [
            "staff will support",
            "the setting will provide",
            "a quiet space",
        ] {
            assert!(!names_provider(text, &lexicon), "{text}");
        }
    }
}
