//! The whole pipeline behind one call per command: read, extract, check.

use crate::analysis::Lexicon;
use crate::config::Config;
use crate::docx::Document;
use crate::error::ReadError;
use crate::plan::{ExtractOptions, Plan, extract_plan};
use crate::review::{CheckContext, Review};
use crate::rules;
use crate::thread;

/// Reads a .docx/.docm/.dotx (zip) or flat OPC (XML) package into a [`Document`].
pub fn read_document(bytes: &[u8]) -> Result<Document, ReadError> {
    crate::docx::read(bytes)
}

/// Reads a document and extracts its plan.
pub fn extract(bytes: &[u8], options: &ExtractOptions) -> Result<(Document, Plan), ReadError> {
    let document = read_document(bytes)?;
    let plan = extract_plan(&document, options);
    Ok((document, plan))
}

/// Reads, extracts, links and runs every enabled rule. The configuration
/// must already be valid ([`Config::from_toml`] checks it).
pub fn check(bytes: &[u8], config: &Config) -> Result<Review, ReadError> {
    let options = config.extract_options().unwrap_or_default();
    let (document, plan) = extract(bytes, &options)?;
    Ok(review(document, plan, config))
}

/// Links and checks an already extracted plan.
pub fn review(document: Document, plan: Plan, config: &Config) -> Review {
    let lexicon = Lexicon::new(config);
    let thread = thread::link(&document, &plan, &lexicon);
    let context = CheckContext {
        document: &document,
        plan: &plan,
        thread: &thread,
        lexicon: &lexicon,
    };
    let mut findings = rules::run(&context, config);
    findings.sort_by(|a, b| {
        let key = |f: &crate::Finding| {
            f.location
                .as_ref()
                .map_or((0, 0, 0), |l| (1, l.paragraph, l.range.start))
        };
        key(a).cmp(&key(b))
    });
    Review {
        document,
        plan,
        thread,
        findings,
    }
}
