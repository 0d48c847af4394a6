//! Writes the sample plans.
//!
//!     make-samples DIR                                  every committed sample into DIR
//!     make-samples --large OUT.docx                     one plan: 200 needs, 400 outcomes, 600 provision items
//!     make-samples --corpus DIR --count N [--seed S]    N varied plans (+ DIR/corpus.tsv)
//!     make-samples --manifest                           the planted-defect table rows for README.md

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

fn usage() -> ExitCode {
    eprintln!(
        "usage: make-samples DIR\n       make-samples --large OUT.docx\n       make-samples --corpus DIR --count N [--seed S]\n       make-samples --manifest"
    );
    ExitCode::from(2)
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn run(args: &[String]) -> anyhow::Result<()> {
    match args.first().map(String::as_str) {
        Some("--large") => {
            let out = PathBuf::from(args.get(1).context("--large needs an output file")?);
            let bytes = ehcp_samples::corpus::large().to_bytes();
            std::fs::write(&out, bytes).with_context(|| format!("writing {}", out.display()))?;
            eprintln!("wrote {}", out.display());
        }
        Some("--corpus") => {
            let dir = PathBuf::from(args.get(1).context("--corpus needs a directory")?);
            let count: usize = flag(args, "--count")
                .unwrap_or_else(|| "1000".into())
                .parse()
                .context("--count must be a number")?;
            let seed: u64 = flag(args, "--seed")
                .unwrap_or_else(|| "2026".into())
                .parse()
                .context("--seed must be a number")?;
            std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
            let mut index = String::from("file\tlayout\tplanted_defects\n");
            for i in 0..count {
                let plan = ehcp_samples::corpus::corpus_plan(seed, i);
                let path = dir.join(&plan.file);
                std::fs::write(&path, &plan.bytes)
                    .with_context(|| format!("writing {}", path.display()))?;
                index.push_str(&format!(
                    "{}\t{}\t{}\n",
                    plan.file,
                    plan.layout,
                    plan.defects.join(",")
                ));
            }
            std::fs::write(dir.join("corpus.tsv"), index).context("writing corpus.tsv")?;
            eprintln!("wrote {count} plans to {}", dir.display());
        }
        Some("--manifest") => {
            let mut out = String::new();
            for row in ehcp_samples::defects::markdown_rows() {
                out.push_str(&row);
                out.push('\n');
            }
            std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes())?;
        }
        Some(dir) if !dir.starts_with("--") && args.len() == 1 => {
            for p in ehcp_samples::write_samples(&PathBuf::from(dir))? {
                eprintln!("wrote {}", p.display());
            }
        }
        _ => bail!("unrecognised arguments"),
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args[0] == "-h" || args[0] == "--help" {
        return usage();
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("make-samples: {e:#}");
            if e.to_string() == "unrecognised arguments" {
                return usage();
            }
            ExitCode::FAILURE
        }
    }
}
