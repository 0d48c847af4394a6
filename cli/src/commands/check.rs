//! `ehcp check PLAN.docx`: the findings, as diagnostics or as JSON.

use std::io::Write;
use std::path::PathBuf;

use ehcp_core::Severity;
use ehcp_core::edge::CheckReport;

use crate::settings::{Style, load_config};
use crate::{Exit, Format};

#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub plan: PathBuf,
    pub format: Format,
    pub config: Option<PathBuf>,
    /// Findings below this severity are left out (of the output and the counts).
    pub min_severity: Severity,
    pub verbose: bool,
    pub style: Style,
}

/// Exit 0 with no error-level finding, 1 with some; an unreadable file is
/// an `Err` (exit 2).
pub fn run(options: &CheckOptions, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let config = load_config(options.config.as_deref())?;
    let (_, mut review) = super::review_file(&options.plan, &config)?;
    review
        .findings
        .retain(|f| f.severity >= options.min_severity);
    let file = options.plan.display().to_string();
    let report = CheckReport::new(&file, &review);
    if options.verbose {
        super::print_warnings(&file, &report.plan.warnings);
    }
    match options.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
        Format::Text => {
            out.write_all(
                crate::render::text::check_report(&file, &review, options.style).as_bytes(),
            )?;
        }
    }
    out.flush()?;
    Ok(if review.has_errors() {
        Exit::Findings
    } else {
        Exit::Clean
    })
}
