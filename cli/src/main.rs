//! `ehcp`: a thin binary over the core.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "ehcp",
    version,
    about = "Checks the golden thread of EHCPs written in Word"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the plan model read from a document, as JSON.
    Extract { plan: PathBuf },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

#[allow(clippy::print_stdout)]
fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract { plan } => {
            let bytes =
                std::fs::read(&plan).with_context(|| format!("cannot read {}", plan.display()))?;
            let (document, model) = ehcp_core::extract(&bytes, &Default::default())
                .with_context(|| plan.display().to_string())?;
            let report =
                ehcp_core::edge::ExtractReport::new(&plan.display().to_string(), &document, &model);
            println!("{}", serde_json::to_string_pretty(&report)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}
