//! JSON Schemas of the edge types, generated from the Rust types (schemars),
//! so `schema/*.schema.json` can never drift from what the tool writes.
//! `ehcp schema plan|check` prints them; a test compares them with the
//! files in `schema/`.

use ehcp_core::edge::{CheckReport, ExtractReport};

/// Which document a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// `ehcp extract` and `ehcp convert --to json` (`schema/plan.schema.json`).
    Plan,
    /// `ehcp check --format json` (`schema/check.schema.json`).
    Check,
}

impl SchemaKind {
    /// The file in the repository's `schema/` folder.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Plan => "plan.schema.json",
            SchemaKind::Check => "check.schema.json",
        }
    }
}

/// The schema as pretty JSON, with a trailing newline.
pub fn schema_json(kind: SchemaKind) -> String {
    let mut schema = match kind {
        SchemaKind::Plan => schemars::schema_for!(ExtractReport),
        SchemaKind::Check => schemars::schema_for!(CheckReport),
    };
    let (id, title, version) = match kind {
        SchemaKind::Plan => (
            "plan.schema.json",
            "EHCP plan model (ehcp extract, ehcp convert --to json)",
            ehcp_core::edge::PLAN_SCHEMA,
        ),
        SchemaKind::Check => (
            "check.schema.json",
            "EHCP check report (ehcp check --format json)",
            ehcp_core::edge::CHECK_SCHEMA,
        ),
    };
    schema.insert("$id".into(), id.into());
    schema.insert("title".into(), title.into());
    // The version string is part of the contract: pin it in the schema.
    if let Some(properties) = schema.get_mut("properties").and_then(|p| p.as_object_mut()) {
        properties.insert(
            "schema".into(),
            serde_json::json!({ "type": "string", "const": version }),
        );
    }
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
