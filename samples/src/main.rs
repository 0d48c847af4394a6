//! Writes the sample plans.
//!
//!     make-samples DIR                       every committed sample into DIR
//!     make-samples --large OUT.docx          one plan with 200 needs, 400 outcomes, 600 provision rows
//!     make-samples --corpus DIR --count N [--seed S]   N varied plans

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage: make-samples DIR\n       make-samples --large OUT.docx\n       make-samples --corpus DIR --count N [--seed S]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None | Some("-h") | Some("--help") => return usage(),
        Some(dir) if !dir.starts_with("--") && args.len() == 1 => {
            ehcp_samples::write_samples(&PathBuf::from(dir)).map(|paths| {
                for p in paths {
                    eprintln!("wrote {}", p.display());
                }
            })
        }
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("make-samples: {e}");
            ExitCode::FAILURE
        }
    }
}
