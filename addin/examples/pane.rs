//! The pane's entry points run natively, for the browser tests and the
//! benchmark (native vs WebAssembly):
//!
//!     cargo run -p ehcp-addin --example pane -- check PLAN.docx
//!     cargo run -p ehcp-addin --example pane -- paragraphs PLAN.docx
//!     cargo run -p ehcp-addin --release --example pane -- bench PLAN.docx 50

use std::process::ExitCode;
use std::time::Instant;

#[allow(clippy::print_stdout)]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(command), Some(path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: pane check|paragraphs|bench FILE [RUNS]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let result = match command.as_str() {
        "check" => ehcp_addin::check_json(&bytes, None, path),
        "paragraphs" => ehcp_addin::paragraphs(&bytes),
        "bench" => {
            let runs: u32 = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(50);
            let _ = ehcp_addin::check_json(&bytes, None, path);
            let start = Instant::now();
            for _ in 0..runs {
                let _ = ehcp_addin::check_json(&bytes, None, path);
            }
            let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
            Ok(format!("{{\"runs\":{runs},\"ms_per_check\":{ms:.3}}}"))
        }
        other => {
            eprintln!("unknown command {other}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.0);
            ExitCode::from(2)
        }
    }
}
