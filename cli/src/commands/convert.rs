//! `ehcp convert PLAN.docx --to json|docx -o OUT`: the structured plan as
//! JSON (the `ehcp extract` model, see `schema/plan.schema.json`) or as a
//! fresh DOCX in a clean statutory layout.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, bail};
use ehcp_core::edge::ExtractReport;

use crate::Exit;
use crate::output::{Overwrite, read_input, same_file, write_atomic};
use crate::settings::load_config;

/// What `convert` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    Json,
    Docx,
}

#[derive(Debug, Clone)]
pub struct ConvertOptions {
    pub plan: PathBuf,
    pub to: Target,
    pub output: PathBuf,
    pub force: bool,
    pub config: Option<PathBuf>,
}

/// The converted bytes of one plan.
pub fn convert_bytes(
    file: &str,
    bytes: &[u8],
    to: Target,
    config: &ehcp_core::Config,
) -> anyhow::Result<Vec<u8>> {
    let options = config
        .extract_options()
        .map_err(|e| anyhow!("configuration: {e}"))?;
    let (document, plan) =
        ehcp_core::extract(bytes, &options).map_err(|e| anyhow!("{file}: {e}"))?;
    let report = ExtractReport::new(file, &document, &plan);
    match to {
        Target::Json => {
            let mut json = serde_json::to_vec_pretty(&report)?;
            json.push(b'\n');
            Ok(json)
        }
        Target::Docx => {
            let narrative = crate::convert::narrative(&document, &plan);
            crate::convert::plan_docx(&report.plan, &narrative)
        }
    }
}

pub fn run(options: &ConvertOptions, out: &mut dyn Write) -> anyhow::Result<Exit> {
    if same_file(&options.plan, &options.output) {
        bail!(
            "{}: the output would replace the plan itself: choose another file name with -o",
            options.output.display()
        );
    }
    if !options.force && options.output.symlink_metadata().is_ok() {
        bail!(
            "{} already exists: use --force to replace it",
            options.output.display()
        );
    }
    let config = load_config(options.config.as_deref())?;
    let bytes = read_input(&options.plan)?;
    let file = options.plan.display().to_string();
    let converted = convert_bytes(&file, &bytes, options.to, &config)?;
    let overwrite = if options.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    write_atomic(&options.output, &converted, overwrite)?;
    writeln!(
        out,
        "{} written to {}",
        match options.to {
            Target::Json => "plan model (JSON)",
            Target::Docx => "plan in the statutory layout (DOCX)",
        },
        crate::render::text::terminal_safe(&options.output.display().to_string())
    )?;
    Ok(Exit::Clean)
}
