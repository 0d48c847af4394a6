//! One module per subcommand. Each takes its options and a writer for
//! standard output, and returns the exit status; errors carry a one-line
//! reason that `main` prints after `error: `.

pub mod annotate;
pub mod batch;
pub mod check;
pub mod convert;
pub mod extract;
pub mod rules;

use std::path::Path;

use anyhow::anyhow;
use ehcp_core::{Config, Review};

/// Reads and checks one plan; a file that cannot be read is an error
/// naming the file with the core's one-line reason.
pub fn review_file(path: &Path, config: &Config) -> anyhow::Result<(Vec<u8>, Review)> {
    let bytes = crate::output::read_input(path)?;
    let review =
        ehcp_core::check(&bytes, config).map_err(|e| anyhow!("{}: {e}", path.display()))?;
    Ok((bytes, review))
}

/// Document and extraction warnings, for `--verbose` only (they may quote plan text).
pub fn print_warnings(file: &str, warnings: &[String]) {
    for warning in warnings {
        eprintln!(
            "warning: {}: {}",
            crate::render::text::terminal_safe(file),
            crate::render::text::terminal_safe(warning)
        );
    }
}
