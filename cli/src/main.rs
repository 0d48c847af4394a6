//! `ehcp`: the clap definitions and the dispatch; the work is in `ehcp_cli`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use ehcp_cli::commands::{annotate, batch, check, convert, extract, rules};
use ehcp_cli::schema::{SchemaKind, schema_json};
use ehcp_cli::settings::Style;
use ehcp_cli::{Exit, Format};
use ehcp_core::Severity;

#[derive(Parser)]
#[command(
    name = "ehcp",
    version,
    about = "Checks the golden thread of EHCPs written in Word",
    long_about = "Checks the golden thread of Education, Health and Care Plans written in Word \
                  (aspirations → needs → outcomes → provision) and says what to fix.\n\n\
                  Plans hold personal data: nothing leaves this machine, and no plan text is \
                  written to standard error unless --verbose is given."
)]
struct Cli {
    /// Show what the reader skipped (may quote plan text on standard error).
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum SeverityArg {
    Info,
    Warning,
    Error,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check a plan: findings as diagnostics (or JSON), then a RAG summary per section.
    /// Exit 0: no errors; 1: errors found; 2: the file could not be read.
    Check {
        plan: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Configuration file (default: ./ehcp.toml when present).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Leave out findings below this severity.
        #[arg(long, value_enum, default_value = "info")]
        min_severity: SeverityArg,
    },
    /// Print the plan model read from a document (JSON, or an outline with --format text).
    Extract {
        plan: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Write a copy of the plan with a Word comment for every finding.
    Annotate {
        plan: PathBuf,
        /// The annotated copy (never the plan itself).
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Comment author (default: the configuration's comment_author, else "EHCP Golden Thread").
        #[arg(long)]
        author: Option<String>,
        /// No comment for findings below this severity.
        #[arg(long, value_enum, default_value = "info")]
        min_severity: SeverityArg,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// The rule catalogue, or one rule's documentation.
    Rules {
        /// A rule id, e.g. provision/vague-wording.
        id: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Check every plan under a folder (or matching a glob) into a report folder:
    /// one JSON and one page per plan, summary.csv, failures.csv and index.html.
    Batch {
        /// A folder (searched recursively) or a glob such as 'plans/**/*.docx'.
        input: String,
        /// The report folder (created; an earlier report there is replaced).
        #[arg(long)]
        out: PathBuf,
        /// Also write annotated copies into REPORT_DIR/annotated/.
        #[arg(long)]
        annotate: bool,
        /// Also write each plan model into REPORT_DIR/converted/.
        #[arg(long)]
        convert: bool,
        /// Worker threads (default: all cores).
        #[arg(long, short)]
        jobs: Option<usize>,
        /// Exit 1 when a plan has findings at this level.
        #[arg(long, value_enum)]
        fail_on: Option<batch::FailOn>,
        #[arg(long)]
        config: Option<PathBuf>,
        /// Comment author for --annotate.
        #[arg(long)]
        author: Option<String>,
        /// No comment for findings below this severity (--annotate).
        #[arg(long, value_enum, default_value = "info")]
        min_severity: SeverityArg,
    },
    /// Write the structured plan as JSON, or as a fresh DOCX in a clean statutory layout.
    Convert {
        plan: PathBuf,
        #[arg(long, value_enum)]
        to: convert::Target,
        #[arg(short, long)]
        output: PathBuf,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Print the JSON Schema of the plan model or of the check report.
    Schema {
        #[arg(value_enum)]
        kind: SchemaKind,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    install_panic_hook(cli.verbose);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match run(cli, &mut out) {
        Ok(exit) => exit.into(),
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            let _ = out.flush();
            eprintln!(
                "error: {}",
                ehcp_cli::render::text::terminal_safe(&format!("{error:#}"))
            );
            Exit::Failed.into()
        }
    }
}

fn run(cli: Cli, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let verbose = cli.verbose;
    match cli.command {
        Command::Check {
            plan,
            format,
            config,
            min_severity,
        } => check::run(
            &check::CheckOptions {
                plan,
                format,
                config,
                min_severity: min_severity.into(),
                verbose,
                style: Style::for_stdout(),
            },
            out,
        ),
        Command::Extract {
            plan,
            format,
            config,
        } => extract::run(
            &extract::ExtractOptions {
                plan,
                format,
                config,
                verbose,
            },
            out,
        ),
        Command::Annotate {
            plan,
            output,
            force,
            author,
            min_severity,
            config,
        } => annotate::run(
            &annotate::AnnotateCommand {
                plan,
                output,
                force,
                author,
                min_severity: min_severity.into(),
                config,
                verbose,
            },
            out,
        ),
        Command::Rules { id, format } => rules::run(
            &rules::RulesOptions {
                id,
                format,
                style: Style::for_stdout(),
            },
            out,
        ),
        Command::Batch {
            input,
            out: report_dir,
            annotate,
            convert,
            jobs,
            fail_on,
            config,
            author,
            min_severity,
        } => batch::run(
            &batch::BatchOptions {
                input,
                out: report_dir,
                annotate,
                convert,
                jobs,
                fail_on,
                config,
                author,
                min_severity: min_severity.into(),
                verbose,
                progress: batch::stderr_is_terminal(),
            },
            out,
        ),
        Command::Convert {
            plan,
            to,
            output,
            force,
            config,
        } => convert::run(
            &convert::ConvertOptions {
                plan,
                to,
                output,
                force,
                config,
            },
            out,
        ),
        Command::Schema { kind } => {
            out.write_all(schema_json(kind).as_bytes())?;
            Ok(Exit::Clean)
        }
    }
}

/// A panic's message can quote the text being processed: print it only
/// with --verbose; otherwise just where it happened.
fn install_panic_hook(verbose: bool) {
    if verbose {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("internal error{place} (run with --verbose for details)");
    }));
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
