//! The core as WebAssembly, for the Word add-in's task pane.
//!
//! Every entry point takes the document's bytes (a .docx zip, or the flat OPC
//! XML that Word's `body.getOoxml()` returns, as UTF-8) and returns JSON text
//! (the pane `JSON.parse`s it) or the annotated bytes. JSON text rather than
//! `JsValue` objects keeps serde-wasm-bindgen out of the .wasm: the core
//! already links serde_json, so returning a string costs nothing extra.
//!
//! The JSON shapes are the core's edge types ([`ehcp_core::edge`]) plus
//! [`PaneCheck`]; their TypeScript declarations in `src/generated/edge.ts` are
//! generated from these Rust types by the test `generated_typescript_is_current`
//! (run with `UPDATE_TS=1` to rewrite the file), so the pane cannot drift.

use ehcp_core::annotate::{AnnotateOptions, annotate as annotate_document};
use ehcp_core::edge::{CheckReport, ExtractReport};
use ehcp_core::{Config, Review};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What `check` hands the pane: the contract's report plus the visible text
/// of every body paragraph, so the pane can align the core's paragraphs with
/// Word's `body.paragraphs` by their text rather than trusting indices.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct PaneCheck {
    pub report: CheckReport,
    /// `paragraphs[i]` is the visible text of body paragraph `i` (the
    /// contract's numbering, the one findings use).
    pub paragraphs: Vec<String>,
}

/// One entry of the rule catalogue.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RuleInfo {
    pub id: String,
    /// "error", "warning" or "info".
    pub severity: String,
    pub summary: String,
    pub rationale: String,
    pub reference: String,
    pub example: String,
    pub fix: String,
}

/// An error the pane shows as it is: one line a caseworker understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneError(pub String);

impl From<PaneError> for JsValue {
    fn from(error: PaneError) -> JsValue {
        JsError::new(&error.0).into()
    }
}

/// The configuration the pane passes: the fields of `ehcp.toml` as one JSON
/// object (`Config::from_json`, checked the same way), or nothing for the
/// defaults. JSON rather than TOML text keeps the TOML parser out of the .wasm.
fn config(config_json: Option<String>) -> Result<Config, PaneError> {
    match config_json.as_deref().map(str::trim) {
        None | Some("") => Ok(Config::default()),
        Some(text) => Config::from_json(text).map_err(|e| PaneError(e.to_string())),
    }
}

fn review(bytes: &[u8], config: &Config) -> Result<Review, PaneError> {
    ehcp_core::check(bytes, config).map_err(|e| PaneError(e.to_string()))
}

fn to_json<T: Serialize>(value: &T) -> Result<String, PaneError> {
    serde_json::to_string(value).map_err(|e| PaneError(format!("internal error: {e}")))
}

/// The pane's check, in plain Rust (what [`check`] wraps; native tests and
/// the benchmark call it too).
pub fn check_json(
    bytes: &[u8],
    config_json: Option<String>,
    file_name: &str,
) -> Result<String, PaneError> {
    let config = config(config_json)?;
    let review = review(bytes, &config)?;
    let pane = PaneCheck {
        report: CheckReport::new(file_name, &review),
        paragraphs: review
            .document
            .paragraphs
            .iter()
            .map(|p| p.text.clone())
            .collect(),
    };
    to_json(&pane)
}

/// `PaneCheck` as JSON: reads, extracts, links and runs every enabled rule.
/// `config_json` is the configuration as JSON (the fields of `ehcp.toml` as
/// one object), or nothing for the defaults.
#[wasm_bindgen]
pub fn check(
    bytes: &[u8],
    config_json: Option<String>,
    file_name: Option<String>,
) -> Result<String, PaneError> {
    check_json(bytes, config_json, file_name.as_deref().unwrap_or(""))
}

/// The plan model as JSON (`ehcp extract`'s `ExtractReport`).
#[wasm_bindgen]
pub fn extract(bytes: &[u8], file_name: Option<String>) -> Result<String, PaneError> {
    let (document, plan) =
        ehcp_core::extract(bytes, &Default::default()).map_err(|e| PaneError(e.to_string()))?;
    to_json(&ExtractReport::new(
        file_name.as_deref().unwrap_or(""),
        &document,
        &plan,
    ))
}

/// The visible text of every body paragraph, as a JSON array of strings.
#[wasm_bindgen]
pub fn paragraphs(bytes: &[u8]) -> Result<String, PaneError> {
    let document = ehcp_core::read_document(bytes).map_err(|e| PaneError(e.to_string()))?;
    let texts: Vec<&str> = document
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    to_json(&texts)
}

/// The pane's annotate, in plain Rust (what [`annotate`] wraps).
pub fn annotate_bytes(
    bytes: &[u8],
    config_json: Option<String>,
    date: Option<String>,
) -> Result<Vec<u8>, PaneError> {
    let config = config(config_json)?;
    let review = review(bytes, &config)?;
    let mut options = AnnotateOptions {
        date,
        ..AnnotateOptions::default()
    };
    if let Some(author) = &config.comment_author {
        options.author = author.clone();
    }
    annotate_document(bytes, &review, &options).map_err(|e| PaneError(e.to_string()))
}

/// A copy of the document with one Word comment per finding (checks it
/// again first). `date` is the comments' ISO 8601 date: the core has no
/// clock, so the pane passes `new Date().toISOString()`.
#[wasm_bindgen]
pub fn annotate(
    bytes: &[u8],
    config_json: Option<String>,
    date: Option<String>,
) -> Result<Vec<u8>, PaneError> {
    annotate_bytes(bytes, config_json, date)
}

/// The rule catalogue in plain Rust.
pub fn rule_catalogue() -> Vec<RuleInfo> {
    ehcp_core::rules::REGISTRY
        .iter()
        .map(|rule| {
            let doc = rule.doc();
            RuleInfo {
                id: doc.id.into(),
                severity: doc.severity.as_str().into(),
                summary: doc.summary.into(),
                rationale: doc.rationale.into(),
                reference: doc.reference.into(),
                example: doc.example.into(),
                fix: doc.fix.into(),
            }
        })
        .collect()
}

/// The rule catalogue as a JSON array of `RuleInfo`.
#[wasm_bindgen]
pub fn rules() -> Result<String, PaneError> {
    to_json(&rule_catalogue())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ehcp_core::edge::{
        ChildJson, FindingJson, ItemJson, LinkJson, ParagraphJson, PlanJson, SectionJson,
        SummaryJson, ThreadEntryJson,
    };
    use ts_rs::TS;

    /// Every type the pane reads, in one file with no imports.
    fn typescript() -> String {
        let cfg = ts_rs::Config::new();
        let decls = [
            PaneCheck::decl(&cfg),
            RuleInfo::decl(&cfg),
            CheckReport::decl(&cfg),
            ExtractReport::decl(&cfg),
            PlanJson::decl(&cfg),
            ChildJson::decl(&cfg),
            SectionJson::decl(&cfg),
            ParagraphJson::decl(&cfg),
            ItemJson::decl(&cfg),
            LinkJson::decl(&cfg),
            FindingJson::decl(&cfg),
            SummaryJson::decl(&cfg),
            ThreadEntryJson::decl(&cfg),
        ];
        let mut out = String::from(
            "// Generated from the Rust edge types (core/src/edge.rs, addin/src/lib.rs) by\n\
             // `UPDATE_TS=1 cargo test -p ehcp-addin generated_typescript`. Do not edit.\n\n",
        );
        for decl in decls {
            out.push_str("export ");
            out.push_str(decl.trim());
            if !decl.trim_end().ends_with(';') {
                out.push(';');
            }
            out.push_str("\n\n");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    #[test]
    fn generated_typescript_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/generated/edge.ts");
        let expected = typescript();
        if std::env::var_os("UPDATE_TS").is_some() {
            std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/src/generated")).unwrap();
            std::fs::write(path, &expected).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == expected,
            "addin/src/generated/edge.ts is out of date with the Rust edge types: \
             run `UPDATE_TS=1 cargo test -p ehcp-addin generated_typescript` and commit it"
        );
    }

    #[test]
    fn a_bad_configuration_is_reported_in_one_line() {
        let error = config(Some(r#"{"rules": {"no/such-rule": "off"}}"#.into())).unwrap_err();
        assert!(error.0.contains("no/such-rule"), "{}", error.0);
        assert!(!error.0.contains('\n'));
    }

    #[test]
    fn bytes_that_are_not_a_document_give_a_readable_error() {
        let error = check_json(b"hello", None, "x.docx").unwrap_err();
        assert!(!error.0.is_empty());
        assert!(!error.0.contains('\n'));
    }

    #[test]
    fn the_rule_catalogue_serialises() {
        let json = rules().unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            parsed.as_array().unwrap().len(),
            ehcp_core::rules::REGISTRY.len()
        );
    }
}
