//! The whole pipeline behind one call per command: read, extract, check.

use std::sync::{Arc, LazyLock};

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
/// must already be valid ([`Config::from_toml`] checks it). To check many
/// plans with one configuration, build a [`Checker`] once instead.
pub fn check(bytes: &[u8], config: &Config) -> Result<Review, ReadError> {
    Checker::new(config).check(bytes)
}

/// Links and checks an already extracted plan.
pub fn review(document: Document, plan: Plan, config: &Config) -> Review {
    Checker::new(config).review(document, plan)
}

/// The built-in vocabularies, compiled once per process: compiling the
/// phrase matchers costs far more than checking a plan.
static DEFAULT_LEXICON: LazyLock<Arc<Lexicon>> =
    LazyLock::new(|| Arc::new(Lexicon::new(&Config::default())));

/// Everything a check needs that does not depend on the plan: the
/// configuration, the extractor's options and the compiled vocabularies.
/// Build it once and check any number of plans with it; it is `Sync`, so a
/// batch shares one across its threads.
#[derive(Debug, Clone)]
pub struct Checker {
    config: Config,
    options: ExtractOptions,
    lexicon: Arc<Lexicon>,
}

impl Checker {
    /// The configuration must already be valid ([`Config::from_toml`] checks it).
    pub fn new(config: &Config) -> Checker {
        let lexicon = if config.vague_phrases.is_empty() && config.roles.is_empty() {
            Arc::clone(&DEFAULT_LEXICON)
        } else {
            Arc::new(Lexicon::new(config))
        };
        Checker {
            config: config.clone(),
            options: config.extract_options().unwrap_or_default(),
            lexicon,
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Reads, extracts, links and runs every enabled rule.
    pub fn check(&self, bytes: &[u8]) -> Result<Review, ReadError> {
        let (document, plan) = extract(bytes, &self.options)?;
        Ok(self.review(document, plan))
    }

    /// Links and checks an already extracted plan.
    pub fn review(&self, document: Document, plan: Plan) -> Review {
        let lexicon = &*self.lexicon;
        let thread = thread::link(&document, &plan, lexicon);
        let context = CheckContext {
            document: &document,
            plan: &plan,
            thread: &thread,
            lexicon,
        };
        let mut findings = rules::run(&context, &self.config);
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
}
