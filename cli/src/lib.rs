//! The `ehcp` command line: each subcommand in [`commands`], the output
//! formats in [`render`], safe file writing in [`output`], the DOCX writer
//! for `convert --to docx` in [`convert`].
//!
//! Plan text is untrusted and personal: it is escaped in every output
//! format, and never written to standard error or logs unless `--verbose`.

pub mod commands;
pub mod convert;
pub mod output;
pub mod render;
pub mod report;
pub mod schema;
pub mod settings;

use std::process::ExitCode;

/// How a command ended, as its exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done, nothing at error level.
    Clean,
    /// 1: findings at error level (or at the `--fail-on` level).
    Findings,
    /// 2: a file could not be read, or the command could not run.
    Failed,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(match exit {
            Exit::Clean => 0,
            Exit::Findings => 1,
            Exit::Failed => 2,
        })
    }
}

/// `--format` of `check`, `extract` and `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}
