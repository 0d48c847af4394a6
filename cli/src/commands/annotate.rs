//! `ehcp annotate PLAN.docx -o REVIEWED.docx`: the plan with a Word comment
//! for every finding. The input is only ever read; the output is written
//! atomically and never replaces a file without `--force`.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, bail};
use ehcp_core::Severity;
use ehcp_core::annotate::AnnotateOptions;

use crate::Exit;
use crate::output::{Overwrite, same_file, utc_now_iso, write_atomic};
use crate::settings::load_config;

#[derive(Debug, Clone)]
pub struct AnnotateCommand {
    pub plan: PathBuf,
    pub output: PathBuf,
    pub force: bool,
    pub author: Option<String>,
    pub min_severity: Severity,
    pub config: Option<PathBuf>,
    pub verbose: bool,
}

/// The comment author: `--author`, else the configuration's, else the default.
pub fn comment_options(
    author: Option<&str>,
    config: &ehcp_core::Config,
    min_severity: Severity,
    date: String,
) -> AnnotateOptions {
    let defaults = AnnotateOptions::default();
    let author = author
        .or(config.comment_author.as_deref())
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map_or(defaults.author.clone(), str::to_owned);
    AnnotateOptions {
        author,
        min_severity,
        date: Some(date),
        ..defaults
    }
}

/// Exit 0 when the copy was written (whatever the findings); errors exit 2.
pub fn run(command: &AnnotateCommand, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let output = &command.output;
    if same_file(&command.plan, output) {
        bail!(
            "{}: the output would replace the plan itself: choose another file name with -o",
            output.display()
        );
    }
    if !command.force && output.symlink_metadata().is_ok() {
        bail!(
            "{} already exists: use --force to replace it",
            output.display()
        );
    }
    let config = load_config(command.config.as_deref())?;
    let (bytes, review) = super::review_file(&command.plan, &config)?;
    let file = command.plan.display().to_string();
    if command.verbose {
        let report = ehcp_core::edge::CheckReport::new(&file, &review);
        super::print_warnings(&file, &report.plan.warnings);
    }
    let options = comment_options(
        command.author.as_deref(),
        &config,
        command.min_severity,
        utc_now_iso(),
    );
    let annotated = ehcp_core::annotate::annotate(&bytes, &review, &options)
        .map_err(|e| anyhow!("{file}: {e}"))?;
    let overwrite = if command.force {
        Overwrite::Replace
    } else {
        Overwrite::Refuse
    };
    write_atomic(output, &annotated, overwrite)?;
    let comments = review
        .findings
        .iter()
        .filter(|f| f.severity >= command.min_severity)
        .count();
    writeln!(
        out,
        "{comments} comment{} written to {}",
        if comments == 1 { "" } else { "s" },
        crate::render::text::terminal_safe(&output.display().to_string())
    )?;
    Ok(Exit::Clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_comes_from_the_flag_then_the_configuration_then_the_default() {
        let mut config = ehcp_core::Config::default();
        let date = || "2026-11-27T09:00:00Z".to_string();
        let o = comment_options(None, &config, Severity::Info, date());
        assert_eq!(o.author, "EHCP Golden Thread");
        assert_eq!(o.initials, "GT");
        assert_eq!(o.date.as_deref(), Some("2026-11-27T09:00:00Z"));
        config.comment_author = Some("QA Team".into());
        let o = comment_options(None, &config, Severity::Warning, date());
        assert_eq!(o.author, "QA Team");
        assert_eq!(o.min_severity, Severity::Warning);
        let o = comment_options(Some("Jo Bloggs"), &config, Severity::Info, date());
        assert_eq!(o.author, "Jo Bloggs");
        let o = comment_options(
            Some("  "),
            &ehcp_core::Config::default(),
            Severity::Info,
            date(),
        );
        assert_eq!(o.author, "EHCP Golden Thread");
    }
}
