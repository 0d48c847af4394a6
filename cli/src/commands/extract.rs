//! `ehcp extract PLAN.docx`: the plan model, as JSON or as an outline.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::anyhow;
use ehcp_core::edge::ExtractReport;

use crate::settings::load_config;
use crate::{Exit, Format};

#[derive(Debug, Clone)]
pub struct ExtractOptions {
    pub plan: PathBuf,
    pub format: Format,
    pub config: Option<PathBuf>,
    pub verbose: bool,
}

/// Reads a plan into its edge JSON model.
pub fn extract_file(path: &Path, config: &ehcp_core::Config) -> anyhow::Result<ExtractReport> {
    let bytes = crate::output::read_input(path)?;
    let options = config
        .extract_options()
        .map_err(|e| anyhow!("configuration: {e}"))?;
    let (document, plan) =
        ehcp_core::extract(&bytes, &options).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    Ok(ExtractReport::new(
        &path.display().to_string(),
        &document,
        &plan,
    ))
}

pub fn run(options: &ExtractOptions, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let config = load_config(options.config.as_deref())?;
    let report = extract_file(&options.plan, &config)?;
    if options.verbose {
        super::print_warnings(&report.file, &report.plan.warnings);
    }
    match options.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        Format::Text => out.write_all(crate::render::text::extract_outline(&report).as_bytes())?,
    }
    out.flush()?;
    Ok(Exit::Clean)
}
